"""The review layer: an analyst's decisions survive re-ingest and re-extraction after a gazetteer
change, and every reader of the store (frame, export) shows them."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pandas as pd
import pytest
from ingest_support import ROOT, cli

from gazetteer import Gazetteer
from store import review
from store.acled import acled_frame
from store.db import EventStore

# Our own text in the style of the press: a village the gazetteer lacks, in a province it has.
VILLAGE_ARTICLE = (
    "Armenia cáo buộc Azerbaijan pháo kích làng Zorakhach ở tỉnh Tavush hôm 2/10.\n"
    "Bộ Quốc phòng Armenia cho biết hai dân thường thiệt mạng trong vụ pháo kích nhằm vào làng "
    "Zorakhach ở tỉnh Tavush.\n"
)


def ingest(db: Path, *paths: str, env: dict | None = None, replace: bool = False) -> None:
    args = ["ingest", *paths, "--db", str(db), *(["--replace"] if replace else [])]
    result = cli(*args, env=env)
    assert result.returncode == 0, result.stderr


def reports(store: EventStore, row: pd.Series) -> list[dict]:
    """The stored reports of an incident row (what the dashboard passes to the review layer)."""
    return store.reports_of(r["event_id"] for r in review_reports(row))


def review_reports(row: pd.Series) -> list[dict]:
    import json

    return json.loads(row["reports"])


def by_cue(frame: pd.DataFrame, cue: str, place: str | None = None) -> pd.Series:
    rows = frame[frame["cue"].str.casefold() == cue.casefold()]
    if place is not None:
        rows = rows[rows["place_surface"] == place]
    assert len(rows) == 1, rows[["cue", "place_surface", "location"]]
    return rows.iloc[0]


def snapshot(frame: pd.DataFrame) -> list[tuple]:
    columns = ["review_status", "event_type", "sub_event_type", "location", "actor1", "actor2", "fatalities",
               "n_reports", "notes"]  # fmt: skip
    out = frame.assign(event_date=frame["event_date"].dt.strftime("%Y-%m-%d"))[["event_date", *columns]]
    return sorted(tuple(str(v) for v in row) for row in out.itertuples(index=False))


def test_decisions_survive_a_reingest(built_db: Path, gaz: Gazetteer, tmp_path: Path) -> None:
    db = tmp_path / "events.sqlite"
    ingest(db, str(ROOT / "articles"))
    with EventStore(db) as store:
        before = store.events_frame()
        terter = by_cue(before, "pháo kích", "Terter")
        martial = by_cue(before, "thiết quân luật")
        drone = by_cue(before, "tấn công bằng không quân")
        clash = before[(before["sub_event_type"] == "Armed clash") & ~before["background"]]
        assert len(clash) >= 2
        goris = gaz.best("Goris", countries=("AM",))
        assert goris is not None
        review.set_verdict(store.con, reports(store, terter), "rejected")
        review.set_edits(
            store.con,
            reports(store, drone),
            {"sub_event_type": "Shelling/artillery/missile attack", "event_date": "2020-09-29",
             "actor1": "Military Forces of Azerbaijan", "actor2": "Civilians (Armenia)", "fatalities": 4,
             "place": review.place_edit(goris)},
        )  # fmt: skip
        review.set_verdict(store.con, reports(store, martial), "confirmed")
        merged = [e for _, row in clash.iloc[:2].iterrows() for e in reports(store, row)]
        review.merge_events(store.con, merged)
        after = store.events_frame()
        with_rejected = store.events_frame(rejected=True)

    # the decisions are applied: the rejected incident is gone (unless asked), the edit is shown
    assert len(after) == len(before) - 1 - 1  # one rejected, two incidents merged into one
    assert "rejected" in set(with_rejected["review_status"]) and len(with_rejected) == len(after) + 1
    edited = after[after["review_status"] == "edited"].iloc[0]
    assert (edited["sub_event_type"], edited["location"], edited["fatalities"]) == (
        "Shelling/artillery/missile attack", "Goris", 4)  # fmt: skip
    assert edited["event_date"] == pd.Timestamp("2020-09-29") and edited["actor2"] == "Civilians (Armenia)"
    assert edited["extracted_sub_event_type"] == "Air/drone strike"
    assert by_cue(after, "thiết quân luật")["review_status"] == "confirmed"
    together = {r["event_id"] for _, row in clash.iloc[:2].iterrows() for r in review_reports(row)}
    merged_rows = [
        row for _, row in after.iterrows() if {r["event_id"] for r in review_reports(row)} == together
    ]
    assert len(merged_rows) == 1  # one incident holds every report of the two

    ingest(db, str(ROOT / "articles"), replace=True)  # read and extract again: new rows, same decisions
    with EventStore(db) as store:
        again = store.events_frame()
        listing = review.listing(store.con)
    assert snapshot(again) == snapshot(after)
    # ACLED's event ids are made from the same fingerprint: the same after the re-ingest
    assert set(acled_frame(again)["event_id_cnty"]) == set(acled_frame(after)["event_id_cnty"])
    assert listing and all(row["event"] is not None for row in listing)


def test_decisions_survive_a_gazetteer_change(built_db: Path, tmp_path: Path) -> None:
    """A village the gazetteer lacked is added: the event moves to it, the analyst's edit stays."""
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "tavush.txt").write_text(VILLAGE_ARTICLE, encoding="utf-8")
    env = {**os.environ, "DIADANH_USER_PLACES": str(tmp_path / "user_places.sqlite")}
    db = tmp_path / "events.sqlite"
    ingest(db, str(folder), "--published", "2020-10-03", env=env)
    with EventStore(db) as store:
        first = store.events_frame()
        event = by_cue(first, "pháo kích")
        assert event["location"] == "Tavush"
        review.set_edits(store.con, reports(store, event), {"fatalities": 3, "actor2": "Civilians (Armenia)"})
    Gazetteer(user_path=tmp_path / "user_places.sqlite").add_place(
        "Zorakhach", "village", 41.0, 45.2, country="AM"
    )
    ingest(db, str(folder), "--published", "2020-10-03", env=env, replace=True)
    with EventStore(db) as store:
        moved = by_cue(store.events_frame(), "pháo kích")
    assert moved["location"] == "Zorakhach"  # the extractor's new place…
    assert (moved["fatalities"], moved["actor2"], moved["review_status"]) == (
        3,
        "Civilians (Armenia)",
        "edited",
    )


def test_an_edit_back_to_the_extracted_value_is_no_edit(built_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "events.sqlite"
    ingest(db, str(ROOT / "articles"))
    with EventStore(db) as store:
        event = by_cue(store.events_frame(), "pháo kích", "Terter")
        review.set_edits(store.con, reports(store, event), {"fatalities": 9})
        assert by_cue(store.events_frame(), "pháo kích", "Terter")["review_status"] == "edited"
        review.set_edits(store.con, reports(store, event), {"fatalities": event["fatalities"]})
        assert by_cue(store.events_frame(), "pháo kích", "Terter")["review_status"] == "unreviewed"
        with pytest.raises(ValueError):
            review.set_edits(store.con, reports(store, event), {"event_date": "28/9"})
        with pytest.raises(ValueError):
            review.set_edits(store.con, reports(store, event), {"fatalities": -1})
        bad_edits = (
            {"event_type": "Armed clash"}, {"sub_event_type": "Battles"}, {"event_date": "1200-01-01"},
            {"event_type": "Battles", "sub_event_type": "Grenade"}, {"fatalities": 2.5},
        )  # fmt: skip
        for bad in bad_edits:
            with pytest.raises(ValueError):
                review.set_edits(store.con, reports(store, event), bad)
        cleaned = review.clean_edits({"sub_event_type": "Grenade", "actor1": " A\x00 \n B "})
        assert cleaned == {
            "sub_event_type": "Grenade",
            "event_type": "Explosions/Remote violence",
            "actor1": "A B",
        }
        review.reset(store.con, reports(store, event))
        assert review.load(store.con) == []


def test_export_carries_the_review_and_hides_rejected(built_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "events.sqlite"
    ingest(db, str(ROOT / "articles"))
    with EventStore(db) as store:
        n = len(store.events_frame())
        event = by_cue(store.events_frame(), "pháo kích", "Terter")
        review.set_verdict(store.con, reports(store, event), "rejected")
    result = cli("export", "--db", str(db))
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == n - 1 and {r["review_status"] for r in rows} == {"unreviewed"}
    result = cli("export", "--db", str(db), "--rejected")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == n and [r["location"] for r in rows if r["review_status"] == "rejected"] == ["Tartar"]
    listing = cli("review", "--db", str(db), env={**os.environ})
    assert listing.returncode == 0 and listing.stdout.startswith("rejected")
