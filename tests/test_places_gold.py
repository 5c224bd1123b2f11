"""Place mentions of the sample articles against the gold annotations (tests/fixtures/gold)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from events.borders import resolve_border_phrases
from events.mentions import find_mentions
from events.reader import read_article
from events.resolve import Resolver
from events.sentences import split_sentences
from gazetteer import Gazetteer
from gazetteer.store import haversine_km

FIXTURES = Path(__file__).resolve().parent / "fixtures"  # copies of ../shared
GOLD = [
    json.loads(line) for line in (FIXTURES / "gold" / "seeds.jsonl").read_text(encoding="utf-8").splitlines()
]
TOLERANCE_KM = {"region": 100, "border-area": 120}


def sentence_starts(text: str) -> list[int]:
    return [start for start, _ in split_sentences(text)]


def article_text(gold: dict) -> str:
    return read_article(FIXTURES / gold["file"]).text


@pytest.fixture(scope="module")
def resolved(gaz: Gazetteer) -> dict[str, list]:
    known = gaz.name_keys()
    resolver = Resolver(gaz)
    out = {}
    for gold in GOLD:
        text = article_text(gold)
        mentions, _, _ = find_mentions(text, sentence_starts(text), known)
        places, focus = resolver.resolve(mentions)
        focus_point = (focus.lat, focus.lon) if focus else None
        places += resolve_border_phrases(text, places, focus_point, gaz)
        out[gold["id"]] = (text, places)
    return out


@pytest.mark.parametrize("gold", GOLD, ids=[g["id"] for g in GOLD])
def test_every_gold_place_found_with_its_count_and_coordinates(resolved: dict, gold: dict) -> None:
    text, places = resolved[gold["id"]]
    for want in gold["places"]:
        hits = [p for p in places if p.mention.surface in want["surfaces"]]
        assert len(hits) == want["count"], (want["name"], [p.mention.surface for p in hits])
        for hit in hits:
            assert text[hit.mention.start : hit.mention.end] == hit.mention.surface
            assert hit.place.country == want["country"], (want["name"], hit.place)
            if want["kind"] != "country":
                limit = TOLERANCE_KM.get(want["kind"], 25)
                assert haversine_km(hit.place.lat, hit.place.lon, want["lat"], want["lon"]) <= limit, (
                    hit.place
                )


@pytest.mark.parametrize("gold", GOLD, ids=[g["id"] for g in GOLD])
def test_no_false_places_and_no_gold_trap(resolved: dict, gold: dict) -> None:
    _, places = resolved[gold["id"]]
    wanted = Counter()
    for want in gold["places"]:
        for surface in want["surfaces"]:
            wanted[surface] += 0
        wanted[want["surfaces"][0]] += want["count"]
    surfaces = Counter(p.mention.surface for p in places)
    extra = {s: n for s, n in surfaces.items() if s not in wanted}
    assert extra == {}, extra  # precision 1.0
    for trap in gold["not_places"]:
        assert trap not in surfaces or trap in wanted, trap
    assert sum(surfaces.values()) == sum(w["count"] for w in gold["places"])
