"""The whole pipeline on the sample articles against the gold events (tests/fixtures/gold/README.md)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from events.pipeline import Extractor
from events.reader import read_article, read_manifest
from gazetteer import Gazetteer
from gazetteer.store import haversine_km

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"  # copies of ../shared (tests/fixtures/README.md)
GOLD = [
    json.loads(line) for line in (FIXTURES / "gold" / "seeds.jsonl").read_text(encoding="utf-8").splitlines()
]
DAYS_TOLERANCE = {1: 0, 2: 4, 3: 31}


@pytest.fixture(scope="module")
def outputs(gaz: Gazetteer) -> dict[str, dict]:
    extractor = Extractor(gaz)
    manifest = read_manifest(ROOT / "articles" / "manifest.csv")
    return {
        gold["id"]: extractor.extract(
            read_article(ROOT / "articles" / Path(gold["file"]).name, manifest=manifest)
        )
        for gold in GOLD
    }


def date_ok(event: dict, gold: dict) -> bool:
    gap = abs((dt.date.fromisoformat(event["date"]) - dt.date.fromisoformat(gold["date"])).days)
    return gap <= DAYS_TOLERANCE[gold["time_precision"]]


def place_ok(event: dict, gold: dict, gold_places: dict[str, dict]) -> bool:
    if event["lat"] is None:
        return False
    if gold_places.get(gold["place"], {}).get("kind") == "country":
        return event["country"] == gold["country"]
    limit = 150 if gold["geo_precision"] == 3 else 50
    return haversine_km(event["lat"], event["lon"], gold["lat"], gold["lon"]) <= limit


def required(gold: dict) -> list[dict]:
    return [e for e in gold["events"] if not e.get("optional")]


CASES = [(g, i) for g in GOLD for i in range(len(required(g)))]


@pytest.mark.parametrize(
    ("gold", "index"), CASES, ids=[f"{g['id']}-{required(g)[i]['cue']}" for g, i in CASES]
)
def test_gold_event_found_on_its_date_and_place(outputs: dict, gold: dict, index: int) -> None:
    want = required(gold)[index]
    places = {p["name"]: p for p in gold["places"]}
    events = [e for e in outputs[gold["id"]]["events"] if not e["background"]]
    same_type = [e for e in events if e["event_type"] == want["event_type"]]
    matches = [e for e in same_type if date_ok(e, want) and place_ok(e, want, places)]
    assert matches, (want, [(e["date"], e["location"], e["cue"]) for e in same_type])
    if want.get("date_end"):
        assert any(e["date_end"] == want["date_end"] for e in matches)
    if want["fatalities"] is not None:
        assert any(e["fatalities"] == want["fatalities"] for e in matches), want


@pytest.mark.parametrize("gold", GOLD, ids=[g["id"] for g in GOLD])
def test_background_is_marked_and_no_old_date_passes_as_news(outputs: dict, gold: dict) -> None:
    events = outputs[gold["id"]]["events"]
    for past in gold["background"]:
        found = [e for e in events if e["background"] and e["date"].startswith(past["date"])]
        assert found, past
        if past.get("date_end"):
            assert any((e["date_end"] or "").startswith(past["date_end"]) for e in found), past
    assert all(e["date"] >= "2020" for e in events if not e["background"])


@pytest.mark.parametrize("gold", GOLD, ids=[g["id"] for g in GOLD])
def test_output_follows_the_contract(outputs: dict, gold: dict) -> None:
    out = outputs[gold["id"]]
    text = read_article(ROOT / "articles" / Path(gold["file"]).name).text
    assert out["article"]["published"] == gold["published"]
    for place in out["places"]:
        assert text[place["start"] : place["end"]] == place["surface"]
    event_types = {"Battles", "Explosions/Remote violence", "Violence against civilians",
                   "Strategic developments", "Protests", "Riots"}  # fmt: skip
    for n, event in enumerate(out["events"], start=1):
        assert event["event_id"] == f"{out['article']['id']}:{n}"
        assert event["event_type"] in event_types
        assert text[event["start"] : event["end"]] == event["text"]
        assert event["time_precision"] in (1, 2, 3) and event["geo_precision"] in (1, 2, 3)
        dt.date.fromisoformat(event["date"])
    not_places = set(gold["not_places"])
    assert not any(p["surface"] in not_places for p in out["places"])
