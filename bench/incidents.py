"""Incident linking: time of ``store.incidents.merge`` (per-article events → one row per
incident) on synthetic event frames, against the baseline of reading the frame's rows once.

    .venv/bin/python bench/incidents.py [--events 10000 100000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from events.output import ACLED_COLUMNS
from store.incidents import merge


def frame(n: int, seed: int = 1) -> pd.DataFrame:
    """``n`` reported events of about 0.8 n incidents (some reported by several articles)."""
    rng = np.random.default_rng(seed)
    data = pd.DataFrame({column: [None] * n for column in ACLED_COLUMNS})
    data["event_id"] = [f"a{i}:1" for i in range(n)]
    data["article_id"] = [f"a{i}" for i in range(n)]
    data["event_date"] = [f"2024-01-{1 + i % 28:02d}" for i in range(n)]
    data["incident"] = [f"k{k}" for k in rng.integers(0, int(n * 0.8), n)]
    data["notes"], data["source"], data["fatalities"] = "Nga pháo kích thành phố Kharkiv", "VnExpress", 1.0
    data["article_title"], data["article_published"] = "tiêu đề", "2024-02-01"
    return data


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, nargs="+", default=[10_000, 100_000])
    args = parser.parse_args()
    print(f"{'events':>8} {'incidents':>10} {'merge s':>8} {'baseline s':>11} {'ratio':>6}")
    for n in args.events:
        data = frame(n)
        start = time.perf_counter()
        data.to_dict("records")  # the baseline: every row read once
        baseline = time.perf_counter() - start
        start = time.perf_counter()
        out = merge(data)
        took = time.perf_counter() - start
        print(f"{n:>8} {len(out):>10} {took:>8.2f} {baseline:>11.2f} {took / baseline:>6.1f}")


if __name__ == "__main__":
    main()
