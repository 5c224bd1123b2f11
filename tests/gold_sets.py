"""Checks shared by the tests of the hand-annotated sets in tests/fixtures/ (the place sets,
events_dev, events_holdout, events_holdout2): reading a gold file, scoring a set against its
floors, and what a gold record must keep true of its own article."""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from datetime import date
from pathlib import Path

from events.reader import read_article
from events.sentences import split_sentences


def read_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def group_of(record: dict) -> str:
    """A place set's conflict group: the article's file prefix ("ua_01.txt" → "ua")."""
    return Path(record["file"]).name.split("_", 1)[0]


def check_place_floors(score: dict, floors: tuple[float, float, float, float, int], n_articles: int) -> None:
    precision, recall, f1, resolution, max_traps = floors
    assert score["articles"] == n_articles and score["missing_articles"] == 0
    assert score["place_precision"] >= precision, score
    assert score["place_recall"] >= recall, score
    assert score["place_f1"] >= f1, score
    assert score["resolution_acc"] >= resolution, score
    assert score["not_place_hits"] <= max_traps, score


# What an event set's floors are of: these six (at least), then not_place_hits (at most).
EVENT_METRICS = (
    "place_precision",
    "place_recall",
    "resolution_acc",
    "event_recall",
    "event_precision",
    "event_type_acc",
)


def check_event_floors(score: dict, thresholds: tuple) -> None:
    """Every metric of :data:`EVENT_METRICS` at least its floor, the trap hits at most the last."""
    assert score["missing_articles"] == 0
    *floors, max_traps = thresholds
    low = {m: (score[m], f) for m, f in zip(EVENT_METRICS, floors, strict=True) if not score[m] >= f}
    assert not low, f"below the floor (got, floor): {low}"
    assert score["not_place_hits"] <= max_traps, score


def check_place_set_complete(folder: Path, gold: list[dict], groups: set[str]) -> None:
    """Every article has a gold record and a manifest row; every group has a floor."""
    files = {p.name for p in (folder / "articles").glob("*.txt")}
    manifest = (folder / "articles" / "manifest.csv").read_text(encoding="utf-8").splitlines()[1:]
    assert {Path(r["file"]).name for r in gold} == files
    assert {row.split(",", 1)[0] for row in manifest} == files
    assert {group_of(r) for r in gold} == groups


def check_place_spans(folder: Path, gold: list[dict]) -> None:
    """Every accepted span and every trap of the gold occurs as whole words in its article."""
    for record in gold:
        text = unicodedata.normalize(
            "NFC", (folder / "articles" / Path(record["file"]).name).read_text("utf-8")
        )
        for span in [s for p in record["places"] for s in p["surfaces"]] + record["not_places"]:
            assert unicodedata.normalize("NFC", span) == span, (record["id"], span)
            if not re.search(rf"(?<!\w){re.escape(span)}(?!\w)", text):
                # a place may list an alternative span this article does not use; one must occur
                place = next((p for p in record["places"] if span in p["surfaces"]), None)
                assert place is not None, (record["id"], "trap not in text", span)
                assert any(s in text for s in place["surfaces"]), (record["id"], span)


def check_event_manifest(folder: Path, gold: list[dict]) -> None:
    """An event set's manifest names every article, with the gold's publication date."""
    with (folder / "manifest.csv").open(encoding="utf-8") as f:
        rows = {row["file"]: row for row in csv.DictReader(f)}
    names = {g["file"].rsplit("/", 1)[-1] for g in gold}
    assert set(rows) == {p.name for p in folder.glob("*.txt")} == names
    for record in gold:
        assert rows[record["file"].rsplit("/", 1)[-1]]["published"] == record["published"]
        date.fromisoformat(record["published"])


def check_event_gold(
    folder: Path, record: dict, event_types: dict[str, set[str]], sentences: tuple[int, int]
) -> None:
    """A gold record of an event set agrees with its article: length, place counts, traps, cues,
    events placed at one of its places with a known sub-event type, background cues."""
    text = read_article(folder / record["file"].rsplit("/", 1)[-1]).text
    low, high = sentences
    assert low <= len(split_sentences(text)) <= high
    places = {p["name"]: p for p in record["places"]}
    for place in record["places"]:
        found = sum(len(re.findall(rf"(?<!\w){re.escape(s)}(?!\w)", text)) for s in place["surfaces"])
        assert 1 <= place["count"] <= found, place["name"]
    for trap in record["not_places"]:
        assert trap in text, trap
    for event in record["events"]:
        assert event["cue"] in text, event["cue"]
        place = places[event["place"]]
        assert (event["lat"], event["lon"], event["country"]) == (
            place["lat"],
            place["lon"],
            place["country"],
        )
        assert event["sub_event_type"] in event_types[event["event_type"]], event
        assert event["time_precision"] in (1, 2, 3) and event["geo_precision"] in (1, 2, 3)
        date.fromisoformat(event["date"] if len(event["date"]) == 10 else f"{event['date']}-01")
    for past in record["background"]:
        assert past["cue"] in text, past["cue"]
