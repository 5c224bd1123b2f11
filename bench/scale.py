"""Ingest throughput and memory at scale: single process vs Dask with 1 and 2 workers, and
the store's own ceiling.

    .venv/bin/python bench/scale.py [--articles 50000] [--small 10000] [--seed 1]
                                    [--engines single,dask1,dask2] [--shard 100000] [--ceiling 20000]

The corpus is bench/extract.py's synthetic generator written as a JSONL corpus (one article
a line, with its publication date and an id) under bench/out/, reused when it exists. Each
configuration runs the real command, ``python -m store ingest CORPUS --db NEW.sqlite
[--engine dask --workers K]``, in a fresh store, at two corpus sizes (``--small`` and
``--articles``). A corpus larger than ``--shard`` is never written whole: it is generated one
shard at a time, each shard ingested by the command into the same store (as an archive
arriving in parts: the first into an empty store, the others appended, resumable) and deleted.

Time: wall clock of the whole command, start-up (gazetteer, cluster) included; CPU s: the
user+system time of the command's process tree (load-independent; the machine is shared).
Memory: the resident set size (RSS) of the command's process tree, sampled every 0.2 s with
psutil: the client (the process that writes the store), the largest single worker process,
and the whole tree (client + nannies + workers). Flat memory = the same peaks at both sizes.

Simulated machine (``--simulate-cores K``): this machine has 2 cores, too few to show whether
one writer keeps up with many workers. The runs are then made on a simulated machine of K + 1
slower cores: the client (writer, scheduler, nannies) is capped to one core's share F and each
Dask worker process to its own share F (Linux cgroups, cpu controller v1 or v2; needs root),
F = 1.8 / (K + 1) of a real core by default (``--core-share``), so the whole tree never needs
more than the two real cores. The single-process baseline is capped to one share F too; × single
is then the speed-up a (K + 1)-core machine of such cores would see.

Writer ceiling: the store alone, extraction free. ``--ceiling N`` articles (real extractions
of a few hundred generated articles, cloned under new ids) are fed to the single writer
(:class:`store.ingest.Ingest`, as ingest does) in this process, into a fresh store; the
figure is articles per second of the writer's CPU time and of wall time, the deferred index
build at the end included; ``--ceiling-per-article`` also times the old per-article commits,
``--ceiling-append N`` the same articles appended to a store that holds N already (an archive
that grows: the indexes are kept and updated row by row). The search index is lazy (an ingest
leaves it to ``python -m store index``): its catch-up on the stored events is timed apart, in
µs of CPU an event.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.extract import corpus  # noqa: E402
from gazetteer import DEFAULT_DB, Gazetteer  # noqa: E402

OUT = ROOT / "bench" / "out"
BATCH = 1000
ENGINES = {
    "single": ("single process", []),
    "dask1": ("dask, 1 worker", ["--engine", "dask", "--workers", "1"]),
    "dask2": ("dask, 2 workers", ["--engine", "dask", "--workers", "2"]),
    "dask4": ("dask, 4 workers", ["--engine", "dask", "--workers", "4"]),
}
_STORED = re.compile(r"stored (\d+), skipped (\d+) .* errors (\d+) →")
# store.cluster.Costs: what the workers' tasks and the writer spent, the bytes and the wait
_COSTS = re.compile(
    r"dask: ([\d,]+) tasks .* ([\d.]+) KB returned an input; CPU an input: workers ([\d.]+) ms in tasks, "
    r"client ([\d.]+) ms writing \+ ([\d.]+) ms scheduler/comms; the writer waited for results ([\d.]+) of"
)
_LOCAL_COSTS = re.compile(r"local: CPU an input: ([\d.]+) ms reading and extracting, ([\d.]+) ms writing")
TARGET = (1_000_000, 30 * 60)  # issue 13: a million articles in at most 30 minutes


def _gazetteer() -> Gazetteer:
    return Gazetteer(DEFAULT_DB, ROOT / "var" / "bench-no-user-layer.sqlite")


def write_corpus(path: Path, count: int, seed: int, first: int = 0) -> Path:
    """JSONL of the synthetic articles ``first`` .. ``first + count - 1``, generated a thousand
    at a time (memory stays small); article N is the same whatever the file it is written in."""
    if path.exists() and sum(1 for _ in path.open("rb")) == count:
        return path
    gaz = _gazetteer()
    part = path.with_name(path.name + ".part")
    with part.open("w", encoding="utf-8") as fh:
        for start in range(first, first + count, BATCH):
            texts = corpus(min(BATCH, first + count - start), seed * 1_000_003 + start, gaz)
            for n, text in enumerate(texts, start):
                row = {"id": f"bench-{seed}-{n}", "text": text, "published": f"2024-{n % 12 + 1:02d}-15"}
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    part.replace(path)
    return path


@dataclass
class Run:
    label: str
    articles: int
    seconds: float
    cpu: float
    client_cpu: float  # the writing process (with a LocalCluster: also its scheduler and nannies)
    client_mb: float
    worker_mb: float
    total_mb: float
    workers: int
    shards: int = 1
    # Dask (store.cluster.Costs, summed over the shards): the workers' CPU in tasks, the writer's
    # CPU (client main thread), in s; KB returned an article; the writer's wait for results, s
    in_tasks: float = 0.0
    writing: float = 0.0
    kb: float = 0.0
    waited: float = 0.0


class CpuCaps:
    """Processes capped to a share of one core each, by cgroups (cpu controller, v1 or v2).

    ``group(name)`` makes a capped group; ``add(name, pid)`` moves a process into it (its later
    children are born in it). The groups get a high weight, so other load on the machine does
    not take their share. ``close()`` moves nothing back (the processes have exited) and removes
    the groups.
    """

    def __init__(self, share: float, tag: str):
        v1, v2 = Path("/sys/fs/cgroup/cpu"), Path("/sys/fs/cgroup")
        controllers = v2 / "cgroup.controllers"
        if (v1 / "cpu.cfs_quota_us").exists():
            self.root, self.v2 = v1, False
        elif controllers.exists() and "cpu" in controllers.read_text(errors="replace").split():
            self.root, self.v2 = v2, True
        else:
            raise SystemExit("--simulate-cores needs the cgroup cpu controller (Linux, v1 or v2)")
        self.share, self.tag, self.groups = share, tag, {}

    def group(self, name: str) -> Path:
        if name not in self.groups:
            path = self.root / f"diadanh-bench-{self.tag}-{name}"
            try:
                path.mkdir(exist_ok=True)
                period = 100_000
                quota = max(1_000, round(self.share * period))
                if self.v2:
                    (path / "cpu.max").write_text(f"{quota} {period}")
                    (path / "cpu.weight").write_text("1000")
                else:
                    (path / "cpu.cfs_period_us").write_text(str(period))
                    (path / "cpu.cfs_quota_us").write_text(str(quota))
                    (path / "cpu.shares").write_text("8192")
            except OSError as exc:
                raise SystemExit(f"--simulate-cores: cannot make cgroup {path}: {exc} (root needed)") from exc
            self.groups[name] = path
        return self.groups[name]

    def add(self, name: str, pid: int) -> None:
        with contextlib.suppress(OSError):  # it may have just exited
            (self.group(name) / "cgroup.procs").write_text(str(pid))

    def close(self) -> None:
        for path in self.groups.values():
            with contextlib.suppress(OSError):
                path.rmdir()
        self.groups.clear()


def cap_workers(proc: psutil.Process, caps: CpuCaps, stop: threading.Event) -> None:
    """Each Dask worker process (a multiprocessing spawn child) into a capped group of its own."""
    seen: set[int] = set()
    while not stop.is_set():
        try:
            children = proc.children(recursive=True)
        except psutil.Error:
            break
        for child in children:
            if child.pid in seen:
                continue
            with contextlib.suppress(psutil.Error):
                if any("spawn_main" in part for part in child.cmdline()):
                    seen.add(child.pid)
                    caps.add(f"worker{len(seen)}", child.pid)
        stop.wait(0.05)


def sample(
    proc: psutil.Process, peaks: dict[str, float], cpu: dict[int, float], stop: threading.Event
) -> None:
    while not stop.is_set():
        try:
            client = proc.memory_info().rss
            times = proc.cpu_times()
            cpu[proc.pid] = times.user + times.system
            children = []
            for child in proc.children(recursive=True):
                with contextlib.suppress(psutil.Error):  # it may have just exited
                    children.append(child.memory_info().rss)
                    times = child.cpu_times()
                    cpu[child.pid] = times.user + times.system
        except psutil.Error:
            break
        peaks["client"] = max(peaks["client"], client)
        peaks["worker"] = max(peaks["worker"], max(children, default=0))
        peaks["total"] = max(peaks["total"], client + sum(children))
        peaks["processes"] = max(peaks["processes"], len(children))
        stop.wait(0.2)


def ingest(
    label: str, extra: list[str], path: Path, articles: int, db: Path, caps: CpuCaps | None = None
) -> Run:
    """One run of the real command on one corpus file, into ``db`` (``caps``: on the simulated
    machine, the command capped to one core's share and each worker to its own)."""
    command = [sys.executable, "-m", "store", "ingest", str(path), "--db", str(db), "--no-progress", *extra]
    peaks = {"client": 0.0, "worker": 0.0, "total": 0.0, "processes": 0}
    cpu: dict[int, float] = {}
    stop = threading.Event()
    started = time.perf_counter()
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    ps = psutil.Process(proc.pid)
    threads = [threading.Thread(target=sample, args=(ps, peaks, cpu, stop), daemon=True)]
    if caps is not None:
        caps.add("client", proc.pid)
        threads.append(threading.Thread(target=cap_workers, args=(ps, caps, stop), daemon=True))
    for thread in threads:
        thread.start()
    _, stderr = proc.communicate()
    seconds = time.perf_counter() - started
    stop.set()
    for thread in threads:
        thread.join()
    m = _STORED.search(stderr)
    if proc.returncode != 0 or not m or int(m.group(1)) != articles:
        raise SystemExit(f"{label}: ingest failed ({proc.returncode}):\n{stderr[-3000:]}")
    mb = 1024 * 1024
    client_cpu = cpu.get(proc.pid, 0.0)
    run = Run(label, articles, seconds, sum(cpu.values()), client_cpu, peaks["client"] / mb,
              peaks["worker"] / mb, peaks["total"] / mb, int(peaks["processes"]))  # fmt: skip
    n = articles / 1000
    if c := _COSTS.search(stderr):
        run.kb, run.waited = float(c.group(2)), float(c.group(6))
        run.in_tasks, run.writing = float(c.group(3)) * n, float(c.group(4)) * n
    elif c := _LOCAL_COSTS.search(stderr):
        run.in_tasks, run.writing = float(c.group(1)) * n, float(c.group(2)) * n
    return run


def shards(articles: int, shard: int) -> Iterator[tuple[int, int]]:
    for first in range(0, articles, shard):
        yield first, min(shard, articles - first)


def run(
    label: str, extra: list[str], articles: int, seed: int, shard: int, tmp: Path, caps: CpuCaps | None = None
) -> Run:
    """Ingest ``articles`` into a fresh store: the cached corpus file when it fits in one shard,
    else shard by shard (each generated, ingested into the same store, then deleted)."""
    db = tmp / f"{label.replace(' ', '_').replace(',', '')}-{articles}.sqlite"
    parts = []
    for first, count in shards(articles, shard):
        if articles <= shard:
            path = write_corpus(OUT / f"scale-{articles}-seed{seed}.jsonl", articles, seed)
        else:
            path = write_corpus(tmp / f"shard-{first}.jsonl", count, seed, first)
        parts.append(ingest(label, extra, path, count, db, caps))
        if articles > shard:
            path.unlink()
        if len(parts) > 1 or articles > shard:
            print(f"    shard {first:,}+{count:,}: {parts[-1].seconds:.0f} s", file=sys.stderr, flush=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    return Run(
        label,
        articles,
        sum(r.seconds for r in parts),
        sum(r.cpu for r in parts),
        sum(r.client_cpu for r in parts),
        max(r.client_mb for r in parts),
        max(r.worker_mb for r in parts),
        max(r.total_mb for r in parts),
        max(r.workers for r in parts),
        len(parts),
        sum(r.in_tasks for r in parts),
        sum(r.writing for r in parts),
        sum(r.kb * r.articles for r in parts) / articles,
        sum(r.waited for r in parts),
    )


# --------------------------------------------------------------------------- writer ceiling


@dataclass
class Ceiling:
    label: str
    articles: int
    events: int
    seconds: float
    cpu: float
    index_seconds: float
    search_cpu: float = 0.0  # the search index's catch-up afterwards (CPU s; not in cpu)


def _pool(size: int, seed: int) -> list:
    """Real extractions of ``size`` generated articles (the writer's input, as a worker makes it)."""
    from events.pipeline import Extractor
    from events.reader import article_from_text

    gaz = _gazetteer()
    extractor = Extractor(gaz)
    out = []
    for n, text in enumerate(corpus(size, seed * 7_919, gaz)):
        article = article_from_text(text, path=f"pool-{n}", meta={"published": f"2024-{n % 12 + 1:02d}-15"})
        out.append((extractor.extract(article), article.text))
    return out


def _shift(iso: str | None, days: int) -> str | None:
    if not days or not iso or len(iso) != 10:
        return iso
    return (datetime.date.fromisoformat(iso) + datetime.timedelta(days=days)).isoformat()


def _clones(pool: list, count: int, shift: bool = False) -> Iterator:
    """``count`` outcomes cycling through the pool, each under a new id (article, events, input);
    ``shift``: each pass through the pool a day later (its incidents are new ones)."""
    from events.batch import Outcome

    for n in range(count):
        result, text = pool[n % len(pool)]
        aid = f"{result['article']['id'][:48]}-{n}"
        days = n // len(pool) if shift else 0
        events = [
            {
                **e,
                "event_id": f"{aid}:{k}",
                "date": _shift(e["date"], days),
                "date_end": _shift(e["date_end"], days),
            }
            for k, e in enumerate(result["events"])
        ]
        clone = {"article": {**result["article"], "id": aid}, "places": result["places"],
                 "unresolved": result["unresolved"], "events": events}  # fmt: skip
        yield Outcome(f"/ceiling.jsonl#id={n}", f"ceiling.jsonl:{n}", "extracted", f"{n:064x}", None, [], aid,
                      result=clone, text=text)  # fmt: skip


def writer_ceiling(count: int, pool: list, tmp: Path, per_article: bool = False, stored: int = 0) -> Ceiling:
    """The single writer alone: ``count`` extracted articles stored as ingest stores them.

    Outcomes are cloned a thousand at a time outside the timed part; timed: :meth:`Ingest.record`
    for each (building the rows, the inserts, the batch commits) and closing (the last commit and
    the deferred index build). ``per_article``: one transaction per article and the indexes kept
    (the store before batching), for comparison in the same run. ``stored``: appended to a store
    that holds this many articles already (filled by the same writer, not timed; every clone a
    day later each pass through the pool, as an archive grows), so that the indexes are kept.
    """
    import io

    from store import view
    from store.db import EventStore
    from store.ingest import Ingest

    db = tmp / f"ceiling-{count}-{per_article}-{stored}.sqlite"
    clones = _clones(pool, stored + count, shift=bool(stored))
    if stored:
        with EventStore(db) as store:
            fill = Ingest(store, stored, progress=False, out=io.StringIO())
            for _, outcome in zip(range(stored), clones, strict=False):
                fill.record(outcome)
            fill.close()
    store = EventStore(db)
    run = Ingest(store, count, progress=False, out=io.StringIO(), defer_indexes=not per_article,
                 **({"batch": 1, "batch_seconds": 0.0} if per_article else {}))  # fmt: skip
    wall = cpu = 0.0
    while chunk := [o for _, o in zip(range(BATCH), clones, strict=False)]:
        w, c = time.perf_counter(), time.process_time()
        for outcome in chunk:
            run.record(outcome)
        wall, cpu = wall + time.perf_counter() - w, cpu + time.process_time() - c
    w, c = time.perf_counter(), time.process_time()
    run.close()
    store.close()
    index = time.perf_counter() - w
    wall, cpu = wall + index, cpu + time.process_time() - c
    with EventStore(db) as store:
        c = time.process_time()
        view.catch_up_search(store.con)
        search_cpu = time.process_time() - c
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    label = "per-article commits, indexes kept" if per_article else "batched, indexes deferred"
    if stored:
        label = f"batched, appended to {stored:,} articles"
    return Ceiling(label, count, run.totals["events"], wall, cpu, index, search_cpu)


# --------------------------------------------------------------------------- report


def _table(header: tuple, rows: list[tuple]) -> None:
    widths = [max(len(str(x)) for x in column) for column in zip(header, *rows, strict=True)]
    for line in (header, *rows):
        print("  " + "  ".join(str(x).rjust(w) if i else str(x).ljust(w) for i, (x, w) in
                               enumerate(zip(line, widths, strict=True))))  # fmt: skip


def _breakdown(r: Run) -> None:
    """Where a Dask run's CPU went, an article: the workers' tasks (reading, extracting, building
    and pickling the rows) and the rest of their processes (Dask's worker side), the client's
    writer (unpickling, storing) and the rest of it (start-up, scheduler, nannies, comms)."""
    per = 1000 / r.articles
    workers = r.cpu - r.client_cpu
    print(f"    where: workers {r.in_tasks * per:.2f} ms in tasks + {(workers - r.in_tasks) * per:.2f} ms "
          f"else (start-up, Dask); client {r.writing * per:.2f} ms writing + "
          f"{(r.client_cpu - r.writing) * per:.2f} ms else (start-up, scheduler, nannies, comms); "
          f"{r.kb:.1f} KB returned an article; the writer waited for results {r.waited:.0f} of "
          f"{r.seconds:.0f} s")  # fmt: skip


def _marginal(runs: list[Run], configs: list, sizes: list[int]) -> None:
    """What an article costs beyond start-up (loading extractors, starting the cluster): the
    difference between the two sizes, per article; and the million extrapolated from it."""
    small, large = sizes
    extra = large - small
    print(f"\nmarginal cost ({small:,} → {large:,} articles; start-up left out):")
    for label, _ in configs:
        a, b = (next(r for r in runs if r.label == label and r.articles == n) for n in sizes)
        wall = (b.seconds - a.seconds) / extra
        if wall <= 0:
            continue
        client = (b.client_cpu - a.client_cpu) / extra * 1000
        workers = ((b.cpu - b.client_cpu) - (a.cpu - a.client_cpu)) / extra * 1000
        million = (b.seconds + (TARGET[0] - large) * wall) / 60
        shown = f", workers {workers:.2f} ms" if b.workers else ""
        if b.in_tasks:
            tasks = (b.in_tasks - a.in_tasks) / extra * 1000
            writing = (b.writing - a.writing) / extra * 1000
            shown += (
                f" (in tasks {tasks:.2f}; client writing {writing:.2f})"
                if b.workers
                else f" (reading and extracting {tasks:.2f}, writing {writing:.2f})"
            )
        print(
            f"  {label}: {1 / wall:,.0f} articles/s, client {client:.2f} ms CPU an article{shown}; "
            f"{TARGET[0]:,} articles ≈ {million:.0f} min"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--small", type=int, help="the smaller corpus (default: a fifth)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--engines", default="single,dask1,dask2",
                        help=f"comma-separated, of {', '.join(ENGINES)}")  # fmt: skip
    parser.add_argument("--shard", type=int, default=100_000, help="a larger corpus is generated and "
                        "ingested this many articles at a time")  # fmt: skip
    parser.add_argument(
        "--ceiling", type=int, default=20_000, help="articles of the writer-ceiling row (0: none)"
    )
    parser.add_argument(
        "--ceiling-per-article",
        action="store_true",
        help="also the writer ceiling with per-article commits, indexes kept",
    )
    parser.add_argument(
        "--ceiling-append",
        type=int,
        default=0,
        metavar="N",
        help="also the writer ceiling appending --ceiling articles to a store of N (indexes kept)",
    )
    parser.add_argument("--simulate-cores", type=int, metavar="K", help="run on a simulated machine "
                        "of K worker cores + 1 client core, each a capped share of a real core")  # fmt: skip
    parser.add_argument("--core-share", type=float, help="the simulated core's share of a real core "
                        "(default 1.8 / (K + 1))")  # fmt: skip
    args = parser.parse_args()
    caps = None
    if args.simulate_cores:
        share = args.core_share or 1.8 / (args.simulate_cores + 1)
        if not 0.01 <= share <= 1:
            parser.error("--core-share must be between 0.01 and 1")
        caps = CpuCaps(share, str(os.getpid()))
    sizes = sorted({args.small or max(1, args.articles // 5), args.articles})
    configs = [ENGINES[name.strip()] for name in args.engines.split(",") if name.strip()]

    OUT.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    for size in sizes:
        if size <= args.shard:
            write_corpus(OUT / f"scale-{size}-seed{args.seed}.jsonl", size, args.seed)
    print(f"corpus: {', '.join(f'{n:,}' for n in sizes)} articles ready in {time.perf_counter() - t0:.0f} s "
          f"(over {args.shard:,}: generated shard by shard during the runs); {os.cpu_count()} cores",
          flush=True)  # fmt: skip
    load_before = os.getloadavg()[0]

    runs: list[Run] = []
    ceilings: list[Ceiling] = []
    with tempfile.TemporaryDirectory(prefix="diadanh-scale-") as tmp:
        if args.ceiling:
            pool = _pool(300, args.seed)
            for per_article, stored in [
                (False, 0),
                *([(True, 0)] if args.ceiling_per_article else []),
                *([(False, args.ceiling_append)] if args.ceiling_append else []),
            ]:
                ceilings.append(c := writer_ceiling(args.ceiling, pool, Path(tmp), per_article, stored))
                print(f"  writer ceiling ({c.label}): {c.articles / c.cpu:,.0f} articles/CPU s",
                      file=sys.stderr, flush=True)  # fmt: skip
            del pool
        for size in sizes:
            for label, extra in configs:
                try:
                    runs.append(result := run(label, extra, size, args.seed, args.shard, Path(tmp), caps))
                finally:
                    if caps is not None:
                        caps.close()
                print(f"  {label}, {size:,} articles: {result.seconds:.0f} s", file=sys.stderr, flush=True)

    print(f"\ningest throughput and peak memory ({time.strftime('%Y-%m-%d %H:%M')}, seed {args.seed}; "
          f"load average before/after {load_before:.1f}/{os.getloadavg()[0]:.1f})")  # fmt: skip
    if caps is not None:
        print(f"simulated machine: {args.simulate_cores} worker cores + 1 client core, each "
              f"{caps.share:.2f} of a real core (cgroup quota); single process: one such core")  # fmt: skip
    if ceilings:
        print(
            "\nwriter ceiling (extraction free: extracted articles fed to the single writer, this process):"
        )
        _table(
            (
                "writer",
                "articles",
                "events",
                "wall s",
                "articles/s",
                "CPU s",
                "articles/CPU s",
                "index build s",
                "search catch-up µs/event",
            ),
            [
                (
                    c.label,
                    f"{c.articles:,}",
                    f"{c.events:,}",
                    f"{c.seconds:.1f}",
                    f"{c.articles / c.seconds:,.0f}",
                    f"{c.cpu:.1f}",
                    f"{c.articles / c.cpu:,.0f}",
                    f"{c.index_seconds:.1f}",
                    f"{c.search_cpu / max(1, c.events) * 1e6:.1f}",
                )
                for c in ceilings
            ],
        )
        print()
    header = (
        "engine",
        "articles",
        "wall s",
        "articles/s",
        "× single",
        "CPU s",
        "client CPU s",
        "client MB",
        "worker MB",
        "tree MB",
    )
    rows = []
    for r in runs:
        single = next((s for s in runs if s.articles == r.articles and s.label == "single process"), None)
        rows.append(
            (
                r.label,
                f"{r.articles:,}" + (f" ({r.shards} shards)" if r.shards > 1 else ""),
                f"{r.seconds:.0f}",
                f"{r.articles / r.seconds:,.0f}",
                f"{single.seconds / r.seconds:.2f}" if single else "—",
                f"{r.cpu:.0f}",
                f"{r.client_cpu:.0f}",
                f"{r.client_mb:.0f}",
                f"{r.worker_mb:.0f}" if r.workers else "—",
                f"{r.total_mb:.0f}",
            )
        )
    largest = max(sizes)
    if largest < TARGET[0]:
        for label, _ in configs:
            r = next(r for r in runs if r.label == label and r.articles == largest)
            rate = r.articles / r.seconds
            rows.append(
                (
                    label,
                    f"{TARGET[0]:,} (extrapolated)",
                    f"{TARGET[0] / rate:.0f}",
                    f"{rate:,.0f}",
                    *[""] * (len(header) - 4),
                )
            )
    _table(header, rows)
    for r in runs:
        if not r.workers and r.in_tasks:
            per = 1000 / r.articles
            print(f"  {r.label}, {r.articles:,}: {r.in_tasks * per:.2f} ms CPU an article reading and "
                  f"extracting, {r.writing * per:.2f} ms writing")  # fmt: skip
        if r.workers and r.cpu > r.client_cpu:
            # one core of writer for how many cores of workers: CPU the workers spend per article
            # over what the client (scheduler, nannies, writer) spends per article
            workers = r.cpu - r.client_cpu
            print(f"  {r.label}, {r.articles:,}: workers {workers / r.articles * 1000:.2f} ms CPU an "
                  f"article, client {r.client_cpu / r.articles * 1000:.2f} ms: one client core keeps up with "
                  f"{workers / r.client_cpu:.1f} worker cores")  # fmt: skip
            if r.in_tasks:
                _breakdown(r)
    if len(sizes) == 2:
        _marginal(runs, configs, sizes)
        print(f"\npeak memory, {sizes[1]:,} vs {sizes[0]:,} articles (1.00 = flat):")
        for label, _ in configs:
            small, large = (next(r for r in runs if r.label == label and r.articles == n) for n in sizes)
            worker = f", largest worker {large.worker_mb / small.worker_mb:.2f}" if small.workers else ""
            print(f"  {label}: client {large.client_mb / small.client_mb:.2f}, "
                  f"tree {large.total_mb / small.total_mb:.2f}{worker}")  # fmt: skip
    print(
        "\nwall s: the whole command (every shard), start-up included; × single: single-process wall / this"
    )
    print("wall; CPU s: user+system of the command's process tree; extrapolated: the largest measured run's")
    print(
        f"rate (target: {TARGET[0]:,} articles in {TARGET[1] // 60} minutes, "
        f"{TARGET[0] / TARGET[1]:,.0f} articles/s)."
    )
    print("client/worker/tree MB: peak RSS of the writing process, of the largest worker process, and of")
    print("the whole process tree (client + nannies + workers), sampled every 0.2 s with psutil.")


if __name__ == "__main__":
    main()
