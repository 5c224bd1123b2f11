"""Ingest throughput and memory at scale: single process vs Dask with 1 and 2 workers.

    .venv/bin/python bench/scale.py [--articles 50000] [--small 10000] [--seed 1]

The corpus is bench/extract.py's synthetic generator written as a JSONL corpus (one article
a line, with its publication date and an id) under bench/out/, reused when it exists. Each
configuration runs the real command, ``python -m store ingest CORPUS --db NEW.sqlite
[--engine dask --workers K]``, in a fresh store, at two corpus sizes (``--small`` and
``--articles``).

Time: wall clock of the whole command, start-up (gazetteer, cluster) included.
Memory: the resident set size (RSS) of the command's process tree, sampled every 0.2 s with
psutil: the client (the process that writes the store), the largest single worker process,
and the whole tree (client + nannies + workers). Flat memory = the same peaks at both sizes.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.extract import corpus  # noqa: E402
from gazetteer import DEFAULT_DB, Gazetteer  # noqa: E402

OUT = ROOT / "bench" / "out"
BATCH = 1000
CONFIGS = (("single process", []), ("dask, 1 worker", ["--engine", "dask", "--workers", "1"]),
           ("dask, 2 workers", ["--engine", "dask", "--workers", "2"]))  # fmt: skip
_STORED = re.compile(r"stored (\d+), skipped (\d+) .* errors (\d+) →")


def write_corpus(path: Path, count: int, seed: int) -> Path:
    """JSONL of ``count`` synthetic articles, generated a thousand at a time (memory stays small)."""
    if path.exists() and sum(1 for _ in path.open("rb")) == count:
        return path
    gaz = Gazetteer(DEFAULT_DB, ROOT / "var" / "bench-no-user-layer.sqlite")
    part = path.with_name(path.name + ".part")
    with part.open("w", encoding="utf-8") as fh:
        for first in range(0, count, BATCH):
            texts = corpus(min(BATCH, count - first), seed * 1_000_003 + first, gaz)
            for n, text in enumerate(texts, first):
                row = {"id": f"bench-{seed}-{n}", "text": text, "published": f"2024-{n % 12 + 1:02d}-15"}
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    part.replace(path)
    return path


@dataclass
class Run:
    label: str
    articles: int
    seconds: float
    client_mb: float
    worker_mb: float
    total_mb: float
    workers: int


def sample(proc: psutil.Process, peaks: dict[str, float], stop: threading.Event) -> None:
    while not stop.is_set():
        try:
            client = proc.memory_info().rss
            children = []
            for child in proc.children(recursive=True):
                with contextlib.suppress(psutil.Error):  # it may have just exited
                    children.append(child.memory_info().rss)
        except psutil.Error:
            break
        peaks["client"] = max(peaks["client"], client)
        peaks["worker"] = max(peaks["worker"], max(children, default=0))
        peaks["total"] = max(peaks["total"], client + sum(children))
        peaks["processes"] = max(peaks["processes"], len(children))
        stop.wait(0.2)


def run(label: str, extra: list[str], path: Path, articles: int, tmp: Path) -> Run:
    db = tmp / f"{label.replace(' ', '_').replace(',', '')}-{articles}.sqlite"
    command = [sys.executable, "-m", "store", "ingest", str(path), "--db", str(db), "--no-progress", *extra]
    peaks = {"client": 0.0, "worker": 0.0, "total": 0.0, "processes": 0}
    stop = threading.Event()
    started = time.perf_counter()
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    sampler = threading.Thread(target=sample, args=(psutil.Process(proc.pid), peaks, stop), daemon=True)
    sampler.start()
    _, stderr = proc.communicate()
    seconds = time.perf_counter() - started
    stop.set()
    sampler.join()
    m = _STORED.search(stderr)
    if proc.returncode != 0 or not m or int(m.group(1)) != articles:
        raise SystemExit(f"{label}: ingest failed ({proc.returncode}):\n{stderr[-3000:]}")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    mb = 1024 * 1024
    return Run(label, articles, seconds, peaks["client"] / mb, peaks["worker"] / mb, peaks["total"] / mb,
               int(peaks["processes"]))  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--small", type=int, help="the smaller corpus (default: a fifth)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    sizes = sorted({args.small or max(1, args.articles // 5), args.articles})

    OUT.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    big = write_corpus(OUT / f"scale-{args.articles}-seed{args.seed}.jsonl", args.articles, args.seed)
    paths = {args.articles: big}
    for size in sizes[:-1]:  # the smaller corpus is the head of the larger one
        small = OUT / f"scale-{args.articles}-seed{args.seed}-head{size}.jsonl"
        with big.open("rb") as src, small.open("wb") as dst:
            for _ in range(size):
                dst.write(src.readline())
        paths[size] = small
    print(f"corpus: {args.articles:,} articles ({big.stat().st_size / 1e6:,.0f} MB JSONL) ready in "
          f"{time.perf_counter() - t0:.0f} s; {os.cpu_count()} cores", flush=True)  # fmt: skip
    load_before = os.getloadavg()[0]

    runs: list[Run] = []
    with tempfile.TemporaryDirectory(prefix="diadanh-scale-") as tmp:
        for size in sizes:
            for label, extra in CONFIGS:
                runs.append(result := run(label, extra, paths[size], size, Path(tmp)))
                print(f"  {label}, {size:,} articles: {result.seconds:.0f} s", file=sys.stderr, flush=True)

    print(f"\ningest throughput and peak memory ({time.strftime('%Y-%m-%d')}, seed {args.seed}; "
          f"load average before/after {load_before:.1f}/{os.getloadavg()[0]:.1f})")  # fmt: skip
    header = ("engine", "articles", "wall s", "articles/s", "× single", "client MB", "worker MB", "tree MB")
    rows = []
    for r in runs:
        single = next(s for s in runs if s.articles == r.articles and s.label == "single process")
        rows.append((r.label, f"{r.articles:,}", f"{r.seconds:.0f}", f"{r.articles / r.seconds:,.0f}",
                     f"{single.seconds / r.seconds:.2f}", f"{r.client_mb:.0f}",
                     f"{r.worker_mb:.0f}" if r.workers else "—", f"{r.total_mb:.0f}"))  # fmt: skip
    widths = [max(len(str(x)) for x in column) for column in zip(header, *rows, strict=True)]
    for line in (header, *rows):
        print("  " + "  ".join(str(x).rjust(w) if i else str(x).ljust(w) for i, (x, w) in
                               enumerate(zip(line, widths, strict=True))))  # fmt: skip
    if len(sizes) == 2:
        print(f"\npeak memory, {sizes[1]:,} vs {sizes[0]:,} articles (1.00 = flat):")
        for label, _ in CONFIGS:
            small, large = (next(r for r in runs if r.label == label and r.articles == n) for n in sizes)
            worker = f", largest worker {large.worker_mb / small.worker_mb:.2f}" if small.workers else ""
            print(f"  {label}: client {large.client_mb / small.client_mb:.2f}, "
                  f"tree {large.total_mb / small.total_mb:.2f}{worker}")  # fmt: skip
    print("\nwall s: the whole command, start-up included; × single: single-process wall / this wall;")
    print("client/worker/tree MB: peak RSS of the writing process, of the largest worker process, and of")
    print("the whole process tree (client + nannies + workers), sampled every 0.2 s with psutil.")


if __name__ == "__main__":
    main()
