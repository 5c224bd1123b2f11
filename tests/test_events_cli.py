"""``python -m events extract``, ``python -m store ingest`` and the SQLite store, as a user runs them."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from store.db import EventStore, events_frame

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "articles").glob("*.txt"))
MANIFEST = ROOT / "articles" / "manifest.csv"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "store" if args[0] in ("ingest", "export") else "events", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def jsonl(built_db: Path) -> list[dict]:
    result = run("extract", *map(str, SEEDS), "--manifest", str(MANIFEST))
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_extract_jsonl_one_object_per_article_in_order(jsonl: list[dict]) -> None:
    assert [Path(o["article"]["path"]).name for o in jsonl] == [p.name for p in SEEDS]
    assert [o["article"]["published"] for o in jsonl] == ["2020-10", "2020-09-28"]
    assert all({"article", "places", "unresolved", "events"} <= o.keys() for o in jsonl)
    terter = [e for e in jsonl[1]["events"] if e["location"] == "Tartar"]
    assert terter and terter[0]["sub_event_type"] == "Shelling/artillery/missile attack"


def test_published_flag_wins_over_the_header(built_db: Path) -> None:
    result = run("extract", str(SEEDS[0]), "--published", "2020-10-04")
    assert json.loads(result.stdout)["article"]["published"] == "2020-10-04"


def test_csv_and_geojson(built_db: Path) -> None:
    table = list(csv.DictReader(io.StringIO(run("extract", *map(str, SEEDS), "--format", "csv").stdout)))
    assert (
        table
        and {"event_date", "event_type", "latitude", "longitude", "fatalities", "notes"} <= table[0].keys()
    )
    geo = json.loads(run("extract", *map(str, SEEDS), "--format", "geojson").stdout)
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == len(table)
    assert geo["features"][0]["geometry"]["type"] == "Point"


def test_unreadable_file_exit_1_but_line_printed(built_db: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run("extract", str(tmp_path / "missing.txt"), str(empty), str(SEEDS[1]))
    assert result.returncode == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [bool(o["article"]["error"]) for o in lines] == [True, True, False]
    assert lines[0]["events"] == [] and "file not found" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "args", [["extract"], ["extract", "x.txt", "--published", "hôm qua"], ["frobnicate"]]
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_ingest_twice_stores_once(built_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "events.sqlite"
    first = run("ingest", str(ROOT / "articles"), "--db", str(db))
    assert first.returncode == 0 and "stored 2" in first.stderr, first.stderr
    second = run("ingest", *map(str, SEEDS), "--db", str(db), "--manifest", str(MANIFEST))
    assert "stored 0," in second.stderr and "skipped 2 (already stored)" in second.stderr
    with EventStore(db) as store:
        counts = store.counts()
    assert counts["articles"] == 2 and counts["events"] >= 14 and counts["places"] > 60
    assert len(events_frame(db, incidents=False)) == counts["events"]
    frame = events_frame(db)  # one row per incident: repeats of one incident are one row
    assert 0 < len(frame) <= counts["events"] and frame["event_id"].is_unique
    assert {
        "event_date",
        "event_type",
        "sub_event_type",
        "latitude",
        "longitude",
        "fatalities",
        "source",
    } <= set(frame.columns)
    assert str(frame["event_date"].dtype).startswith("datetime64")
    assert frame.loc[frame["location"] == "Tartar", "source"].tolist() == ["VnExpress"]


def test_a_failing_article_leaves_the_store_as_it_was(
    built_db: Path, tmp_path: Path, jsonl: list[dict]
) -> None:
    db = tmp_path / "events.sqlite"
    with EventStore(db) as store:
        assert store.add(jsonl[0], "text")
        broken = json.loads(json.dumps(jsonl[1]))
        broken["events"].append(dict(broken["events"][0]))  # duplicate event id: the insert fails
        with pytest.raises(sqlite3.IntegrityError):
            store.add(broken, "text")
        assert store.counts()["articles"] == 1 and not store.has(jsonl[1]["article"]["id"])
        assert store.add(jsonl[1], "text")
        assert store.add(jsonl[1], "text", replace=True)
        assert store.counts()["articles"] == 2
