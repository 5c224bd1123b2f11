"""Issue 11's event development set (tests/fixtures/events_dev) scored by the yardstick.

45 articles written for the project in the style of Vietnamese wire copy, about 11 conflicts,
each annotated with the events an ACLED-style analyst records (and the statements, captions,
headlines, repeats and background a system must not turn into events). ``python -m events
extract`` runs as a user runs it; tests/fixtures/eval/score.py (unchanged) scores all of it
and each conflict. The floors below are what the extractor reaches now, rounded down a
little: raise them as it improves; never lower one to let a change in.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import gold_sets
import pytest
import yardstick

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "fixtures" / "events_dev"
SCORER = ROOT / "tests" / "fixtures" / "eval" / "score.py"
GOLD = gold_sets.read_gold(DEV / "gold.jsonl")

# Floors per group: the six gold_sets.EVENT_METRICS (at least), then not_place_hits (at most).
THRESHOLDS: dict[str, tuple[float, float, float, float, float, float, int]] = {
    # precision 0.87 -> 0.89 (events4): a bare attack told beside its strike, interceptions and
    # reported ledes join the incident they tell; recall, precision and type 0.89 -> 0.91 (session 18)
    "all": (0.97, 0.93, 0.96, 0.91, 0.91, 0.91, 1),  # events 137 gold / 144 predicted
    # drc precision 0.77 -> 0.76 (events3): the Kinshasa demonstrators' looting ("…, cướp phá một số tòa
    # nhà") is now part of their riot, as ACLED codes it; as an event of its own it had matched, by
    # type and country only, the optional "cắt quan hệ ngoại giao" (a country-level development)
    "drc": (0.99, 0.92, 0.93, 0.65, 0.76, 0.89, 0),  # events 15 gold / 13 predicted
    "gaza": (0.94, 0.93, 0.96, 0.99, 0.99, 0.87, 0),  # events 17 gold / 17 predicted
    "karabakh": (0.99, 0.95, 0.99, 0.99, 0.99, 0.92, 0),  # events 15 gold / 15 predicted
    "myanmar": (0.95, 0.87, 0.95, 0.79, 0.80, 0.86, 1),  # events 10 gold / 11 predicted
    # redsea precision 0.72 -> 0.91 (events4)
    "redsea": (0.97, 0.92, 0.99, 0.90, 0.91, 0.80, 0),  # events 12 gold / 13 predicted
    "sahel": (0.99, 0.90, 0.91, 0.86, 0.76, 0.99, 0),  # events 8 gold / 9 predicted
    "scs": (0.97, 0.97, 0.92, 0.59, 0.59, 0.65, 0),  # events 5 gold / 5 predicted
    # sudan and thaicam precision back at 0.99 (session 18): a hospital's account of a strike and a
    # province's account of a clash join the incident at the town or the temple they hold
    "sudan": (0.95, 0.82, 0.99, 0.99, 0.99, 0.91, 0),  # events 14 gold / 15 predicted
    "syria": (0.95, 0.84, 0.92, 0.84, 0.84, 0.99, 0),  # events 14 gold / 14 predicted
    "thaicam": (0.99, 0.91, 0.95, 0.87, 0.99, 0.74, 0),  # events 9 gold / 10 predicted
    "ukraine": (0.98, 0.92, 0.96, 0.99, 0.85, 0.93, 0),  # events 18 gold / 22 predicted
}
EVENT_TYPES = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    },
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    },
}


def _groups() -> dict[str, list[dict]]:
    groups: dict[str, list[dict]] = defaultdict(list)
    for gold in GOLD:
        groups[gold["conflict"]].append(gold)
    groups["all"] = GOLD
    return groups


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    """Extract the set once, then score it whole and conflict by conflict."""
    tmp = tmp_path_factory.mktemp("events_dev")
    pred = yardstick.extract(sorted(DEV.glob("*.txt")), DEV / "manifest.csv", tmp / "pred.jsonl")
    result = {}
    for name, golds in _groups().items():
        (tmp / name).mkdir()
        result[name] = yardstick.score(golds, pred, tmp / name)
    return result


def test_thresholds_cover_every_conflict() -> None:
    assert set(THRESHOLDS) == set(_groups())


@pytest.mark.parametrize("group", sorted(THRESHOLDS))
def test_events_dev_scored_by_the_yardstick(scores: dict[str, dict], group: str) -> None:
    gold_sets.check_event_floors(scores[group], THRESHOLDS[group])


# The gold itself: what a later edit of the set must keep true (no extractor involved).


def test_set_size_and_spread() -> None:
    assert len(GOLD) >= 40
    assert len({g["conflict"] for g in GOLD}) >= 8
    assert len({g["id"] for g in GOLD}) == len(GOLD)


def test_manifest_names_every_article_with_its_date() -> None:
    gold_sets.check_event_manifest(DEV, GOLD)


@pytest.mark.parametrize("gold", GOLD, ids=[g["id"] for g in GOLD])
def test_gold_agrees_with_its_article(gold: dict) -> None:
    gold_sets.check_event_gold(DEV, gold, EVENT_TYPES, (8, 25))
