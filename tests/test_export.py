"""``python -m store export``: CSV, GeoJSON and Parquet from the store, with date and type filters."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd
import pytest
from ingest_support import ROOT, cli

from store.__main__ import main
from store.acled import ACLED_EXPORT_COLUMNS, DIADANH_COLUMNS
from store.db import events_frame
from store.export import EVENT_TYPES, event_type, period_bound


@pytest.fixture(scope="module")
def store(built_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("export") / "events.sqlite"
    result = cli("ingest", str(ROOT / "articles"), "--db", str(db))
    assert result.returncode == 0, result.stderr
    return db


def export_rows(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict]:
    """Rows of ``export … --format csv`` run in this process (the subprocess runs are above)."""
    assert main(["export", *args]) == 0
    return list(csv.DictReader(io.StringIO(capsys.readouterr().out)))


def test_csv_to_standard_output_has_every_event_with_acled_columns(store: Path) -> None:
    result = cli("export", "--db", str(store), "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    frame = events_frame(store)
    assert len(rows) == len(frame) > 10  # the seeds: 14 events and 3 background ones (issue 11)
    assert list(rows[0]) == [*ACLED_EXPORT_COLUMNS, *DIADANH_COLUMNS]
    assert {"article_title", "article_published", "article_file_name", "review_status"} <= set(rows[0])
    assert [r["event_id"] for r in rows] == frame["event_id"].tolist()
    assert all(len(r["event_date"]) == 10 for r in rows)
    assert f"exported {len(rows)} events as csv → standard output" in result.stderr


def test_date_filters_keep_events_that_overlap_the_period(store: Path, capsys: pytest.CaptureFixture) -> None:
    frame = events_frame(store)
    rows = export_rows(capsys, "--db", str(store), "--from", "2020-09-28", "--to", "2020-09-28")
    want = frame[
        (frame["event_date"] == "2020-09-28")
        | ((frame["event_date"] < "2020-09-28") & (frame["date_end"] >= "2020-09-28"))
    ]
    assert sorted(r["event_id"] for r in rows) == sorted(want["event_id"]) and len(rows) > 0
    assert any(r["event_date"] == "2020-09-27" and r["date_end"] == "2020-09-28" for r in rows)
    war = export_rows(capsys, "--db", str(store), "--from", "1990", "--to", "1990")
    assert [(r["event_date"], r["date_end"]) for r in war] == [("1988-02-15", "1994-05-15")]
    since = export_rows(capsys, "--db", str(store), "--from", "2020-10")
    assert since and all(r["event_date"] >= "2020-10-01" for r in since)
    assert len(since) == (frame["event_date"] >= "2020-10-01").sum()


def test_type_filter_takes_event_and_sub_event_types_in_any_case(
    store: Path, capsys: pytest.CaptureFixture
) -> None:
    frame = events_frame(store)
    rows = export_rows(capsys, "--db", str(store), "--type", "battles", "--type", "AIR/DRONE STRIKE")
    assert {(r["event_type"], r["sub_event_type"]) for r in rows} == {
        ("Battles", "Armed clash"),
        ("Explosions/Remote violence", "Air/drone strike"),
    }
    want = (frame["event_type"] == "Battles") | (frame["sub_event_type"] == "Air/drone strike")
    assert len(rows) == want.sum()
    assert main(["export", "--db", str(store), "--type", "Riots"]) == 0
    none = capsys.readouterr()
    assert none.out.strip() == ",".join([*ACLED_EXPORT_COLUMNS, *DIADANH_COLUMNS])
    assert "exported 0 events" in none.err


def test_geojson_file_by_its_suffix(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.geojson"
    result = cli("export", "--db", str(store), "-o", str(out), "--to", "2020-09-30")
    assert result.returncode == 0 and result.stdout == ""
    geo = json.loads(out.read_text(encoding="utf-8"))
    frame = events_frame(store, date_to="2020-09-30")
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == frame["latitude"].notna().sum()
    feature = geo["features"][0]
    assert feature["geometry"]["type"] == "Point"
    lon, lat = feature["geometry"]["coordinates"]
    assert (lat, lon) == (feature["properties"]["latitude"], feature["properties"]["longitude"])
    assert feature["properties"]["event_date"] <= "2020-09-30"
    assert not list(tmp_path.glob("*.part"))


def test_parquet_round_trips_the_frame(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    result = cli("export", "--db", str(store), "--format", "parquet", "-o", str(out), "--type", "Battles")
    assert result.returncode == 0, result.stderr
    table = pd.read_parquet(out)
    frame = events_frame(store, event_types=["Battles"])
    assert list(table.columns) == [*ACLED_EXPORT_COLUMNS, *DIADANH_COLUMNS] and len(table) == len(frame) > 0
    assert table["event_id"].tolist() == frame["event_id"].tolist()
    assert table["event_date"].tolist() == frame["event_date"].dt.strftime("%Y-%m-%d").tolist()
    assert table["latitude"].tolist() == frame["latitude"].tolist()


def test_a_missing_store_is_a_clear_error_and_is_not_created(tmp_path: Path) -> None:
    result = cli("export", "--db", str(tmp_path / "none.sqlite"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"error: no store at {tmp_path / 'none.sqlite'}")
    assert not (tmp_path / "none.sqlite").exists()


def test_filter_values() -> None:
    assert period_bound("2020-02", end=True) == "2020-02-29"
    assert period_bound("2020", end=False) == "2020-01-01"
    assert period_bound("2020-9-3", end=True) == "2020-09-03"
    for bad in ("2020-02-30", "2020-13", "hôm qua", ""):
        with pytest.raises(ValueError, match="not a date"):
            period_bound(bad, end=False)
    assert event_type("explosions/remote violence") == "Explosions/Remote violence"
    assert sum(len(subs) for subs in EVENT_TYPES.values()) == 25 and len(EVENT_TYPES) == 6
    with pytest.raises(ValueError, match="unknown event type"):
        event_type("Earthquake")
