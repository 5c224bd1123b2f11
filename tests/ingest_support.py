"""Helpers for the ingest, export, concurrency and Dask tests (not a test module)."""

from __future__ import annotations

import functools
import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "articles").glob("*.txt"))
_SUMMARY = re.compile(
    r"stored (?P<stored>\d+), skipped (?P<skipped>\d+) \(already stored\), duplicates (?P<duplicates>\d+), "
    r"events (?P<events>\d+), unresolved (?P<unresolved>\d+), errors (?P<errors>\d+) → "
)


def module_of(command: str) -> str:
    """The package whose command line runs ``command``: the store ingests and exports."""
    return "store" if command in ("ingest", "export", "review") else "events"


def cli(*args: str, timeout: float = 300, **kwargs: object) -> subprocess.CompletedProcess:
    """``python -m events extract …`` / ``python -m store ingest|export …`` as a user runs them."""
    return subprocess.run(
        [sys.executable, "-m", module_of(args[0]), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        **kwargs,  # type: ignore[arg-type]
    )


def popen(*args: str, **kwargs: object) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", module_of(args[0]), *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,  # type: ignore[arg-type]
    )


def summary(stderr: str) -> dict[str, int]:
    """The counts of ingest's summary line; fails when there is none."""
    m = _SUMMARY.search(stderr)
    assert m, f"no summary in:\n{stderr}"
    return {k: int(v) for k, v in m.groupdict().items()}


@functools.cache
def synthetic(count: int, seed: int = 7) -> tuple[str, ...]:
    """Articles from bench/extract.py's generator: varied places, dates and event cues."""
    from bench.extract import corpus
    from gazetteer import DEFAULT_DB, Gazetteer

    return tuple(corpus(count, seed, Gazetteer(DEFAULT_DB)))


def write_articles(folder: Path, texts: tuple[str, ...] | list[str], prefix: str = "a") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, text in enumerate(texts):
        path = folder / f"{prefix}{n:05d}.txt"
        path.write_text(f"date 2020-10-{n % 28 + 1:02d}\n{text}", encoding="utf-8")
        paths.append(path)
    return paths


def write_jsonl(path: Path, texts: tuple[str, ...] | list[str], ids: bool = True) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for n, text in enumerate(texts):
            row = {"text": text, "published": f"2020-10-{n % 28 + 1:02d}", "source": "synthetic"}
            if ids:
                row["id"] = f"s{n}"
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def dump(db: Path) -> dict[str, list[tuple]]:
    """Every table's rows in a stable order, without the ingestion times."""
    con = sqlite3.connect(db)
    try:
        out = {}
        for table, order in (
            ("articles", "id"),
            ("places", "article_id, ordinal"),
            ("unresolved", "article_id, ordinal"),
            ("events", "event_id"),
            ("files", "key"),
        ):
            columns = [r[1] for r in con.execute(f"PRAGMA table_info({table})") if r[1] != "ingested_at"]
            quoted = ", ".join(f'"{c}"' for c in columns)
            out[table] = con.execute(f"SELECT {quoted} FROM {table} ORDER BY {order}").fetchall()
        return out
    finally:
        con.close()


def count(db: Path, table: str = "articles") -> int:
    """Rows in a table, read without waiting (0 while the store does not exist yet)."""
    if not db.exists():
        return 0
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return con.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        finally:
            con.close()
    except sqlite3.OperationalError:  # the schema is being created
        return 0
