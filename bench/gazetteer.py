"""Gazetteer benchmark: build time, file size, lookup latency and peak memory.

    .venv/bin/python bench/gazetteer.py [--lookups 20000] [--skip-build]

Prints one table. The lookups are a fixed-seed mix of Vietnamese country names (CLDR),
Vietnamese exonyms, town names drawn from the gazetteer itself (English and alternate
spellings), first-level regions with and without their cue ("tỉnh Kherson"), seas and other
features, spelling variants (no accents, upper case, NFD, no hyphens) and misses. The baseline
is the bare indexed SQLite query for the same keys, without ranking, in the same run.
"""

from __future__ import annotations

import argparse
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gazetteer import DEFAULT_DB, Gazetteer  # noqa: E402
from gazetteer.sources import read_cldr_names  # noqa: E402
from gazetteer.textnorm import name_key  # noqa: E402


def bench_build() -> tuple[float, int, float]:
    """Build into a temporary file in a child process: seconds, bytes, child peak RSS (MB)."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "g.sqlite"
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "gazetteer", "--db", str(db), "build"],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        seconds = time.perf_counter() - started
        size = db.stat().st_size
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return seconds, size, peak_mb


def workload(db: Path, count: int, seed: int = 7) -> list[str]:
    """A fixed-seed mix of the names a geoparser asks for."""
    rng = random.Random(seed)
    vi_countries = list(read_cldr_names("vi").values())
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
        towns = [r[0] for r in con.execute("SELECT name FROM places WHERE kind IN ('city','town','village')")]
        regions = [
            r[0] for r in con.execute("SELECT COALESCE(name_vi, name) FROM places WHERE kind = 'admin1'")
        ]
        features = [
            r[0] for r in con.execute("SELECT name_vi FROM places WHERE id LIKE 'curated:%' AND name_vi")
        ]
        vi_names = [r[0] for r in con.execute("SELECT name_vi FROM places WHERE name_vi IS NOT NULL")]
    exonyms = ["Mỹ", "Nga", "Anh", "Pháp", "Đức", "Mát-xcơ-va", "Bắc Kinh", "Thượng Karabakh", "Terter"]
    names = []
    for _ in range(count):
        r = rng.random()
        if r < 0.25:
            names.append(rng.choice(vi_countries))
        elif r < 0.35:
            names.append(rng.choice(exonyms + vi_names))
        elif r < 0.60:
            names.append(rng.choice(towns))
        elif r < 0.64:
            names.append(rng.choice(regions))
        elif r < 0.67:
            names.append(rng.choice(["tỉnh ", "bang ", "thành phố "]) + rng.choice(regions))
        elif r < 0.70:
            names.append(rng.choice([*features, "Mátxcơva", "Oasinhtơn"]))
        elif r < 0.80:
            variant = rng.choice([str.upper, str.lower, lambda s: unicodedata.normalize("NFD", s)])
            names.append(variant(rng.choice(vi_countries + towns)))
        else:
            names.append("".join(rng.choice("abcdeghiklmnoprstuvxyđơư ") for _ in range(rng.randint(3, 14))))
    return names


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=1000)[int(q * 1000) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--lookups", type=int, default=20_000)
    parser.add_argument("--skip-build", action="store_true", help="only time lookups")
    args = parser.parse_args()

    rows: list[tuple[str, str]] = []
    if not args.skip_build:
        seconds, size, build_peak = bench_build()
        rows += [
            ("build time", f"{seconds:.1f} s (target ≤ 60 s)"),
            ("database size", f"{size / 1e6:.1f} MB (target ≤ 150 MB)"),
            ("build peak memory", f"{build_peak:.0f} MB (target ≤ 400 MB)"),
        ]
    gaz = Gazetteer(DEFAULT_DB, Path(tempfile.mkdtemp()) / "none.sqlite")
    names = workload(DEFAULT_DB, args.lookups)
    for name in names[:500]:  # warm the page cache
        gaz.lookup(name)

    timings, hits = [], 0
    for name in names:
        t0 = time.perf_counter_ns()
        found = gaz.lookup(name)
        timings.append((time.perf_counter_ns() - t0) / 1000)
        hits += bool(found)

    con = sqlite3.connect(f"file:{DEFAULT_DB}?mode=ro", uri=True)
    keys = [name_key(n) for n in names]
    base = []
    for key in keys:
        t0 = time.perf_counter_ns()
        con.execute("SELECT rid, flags FROM names WHERE key = ?", (key,)).fetchall()
        base.append((time.perf_counter_ns() - t0) / 1000)

    p50, p99 = statistics.median(timings), percentile(timings, 0.99)
    b50, b99 = statistics.median(base), percentile(base, 0.99)
    rows += [
        ("lookups", f"{len(names):,} ({hits / len(names):.0%} found)"),
        ("lookup p50", f"{p50:.1f} µs (target ≤ 30 µs)"),
        ("lookup p99", f"{p99:.1f} µs"),
        ("baseline: bare indexed SELECT p50 / p99", f"{b50:.1f} / {b99:.1f} µs"),
        ("lookup / baseline (p50)", f"{p50 / b50:.1f}×"),
        ("lookup process peak memory", f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"),
    ]
    width = max(len(k) for k, _ in rows)
    print(f"gazetteer benchmark ({time.strftime('%Y-%m-%d')}, python {sys.version.split()[0]})")
    for key, value in rows:
        print(f"  {key:<{width}}  {value}")


if __name__ == "__main__":
    main()
