"""Issue 11's held-out event set (tests/fixtures/events_holdout) scored by the yardstick.

16 articles about conflicts and incidents that tests/fixtures/events_dev does not hold, written
for the project in the style of Vietnamese wire copy; the gold was written before the extractor
ever ran on them. The first run gave event recall 0.65, precision 0.66, type accuracy 0.89 (the
honest estimate of unseen text then); the floors below are what the extractor reaches now,
rounded down a little. Fix mechanisms, never a sentence of this set: a floor raised by a rule
for one phrase of it measures nothing.
"""

from __future__ import annotations

import json
from pathlib import Path

import gold_sets
import pytest
import yardstick
from test_events_dev import EVENT_TYPES

ROOT = Path(__file__).resolve().parent.parent
HOLDOUT = ROOT / "tests" / "fixtures" / "events_holdout"
GOLD = gold_sets.read_gold(HOLDOUT / "gold.jsonl")

# Floors of the six gold_sets.EVENT_METRICS (at least), then not_place_hits (at most): events 54
# gold / 60 predicted
# (event recall 0.889, precision 0.917, type accuracy 1.0 (events5: the recall floor raised to what
# it reaches; events6a: the precision floor, 0.902 -> 0.917); first run, before any tuning: 0.65, 0.66,
# 0.89).
# Place recall is low where the gazetteer lacks the place (Angoor Adda, Orakzai, Fordow, Ras Isa,
# Lake Chad, Catatumbo, Mucojo): the place matcher's work, not the event extractor's.
THRESHOLDS = (0.90, 0.83, 0.98, 0.87, 0.90, 0.99, 0)


@pytest.fixture(scope="module")
def score(tmp_path_factory: pytest.TempPathFactory) -> dict:
    tmp = tmp_path_factory.mktemp("events_holdout")
    pred = yardstick.extract(sorted(HOLDOUT.glob("*.txt")), HOLDOUT / "manifest.csv", tmp / "pred.jsonl")
    return yardstick.score(HOLDOUT / "gold.jsonl", pred, tmp)


def test_events_holdout_scored_by_the_yardstick(score: dict) -> None:
    gold_sets.check_event_floors(score, THRESHOLDS)


# The gold itself: what a later edit of the set must keep true (no extractor involved).


def test_set_size_and_spread() -> None:
    assert len(GOLD) >= 15
    assert len({g["conflict"] for g in GOLD}) >= 10
    assert len({g["id"] for g in GOLD}) == len(GOLD)


def test_no_conflict_of_the_development_set() -> None:
    dev = ROOT / "tests" / "fixtures" / "events_dev" / "gold.jsonl"
    dev_conflicts = {
        json.loads(line)["conflict"] for line in dev.read_text(encoding="utf-8").splitlines() if line
    }
    assert not dev_conflicts & {g["conflict"] for g in GOLD}


def test_manifest_names_every_article_with_its_date() -> None:
    gold_sets.check_event_manifest(HOLDOUT, GOLD)


@pytest.mark.parametrize("gold", GOLD, ids=[g["id"] for g in GOLD])
def test_gold_agrees_with_its_article(gold: dict) -> None:
    gold_sets.check_event_gold(HOLDOUT, gold, EVENT_TYPES, (8, 20))
