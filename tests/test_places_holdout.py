"""Issue 10's held-out place set (tests/fixtures/places_holdout), scored whole and per conflict.

The set was written and annotated before the extractor first ran on it, about conflicts
``places_dev`` does not cover: it estimates the matcher on text it was not tuned on. As for
``places_dev``, ``python -m events extract`` runs on the 16 articles as a user runs it and the
scorer (tests/fixtures/eval/score.py, unchanged) compares its places with the hand gold, once for
the whole set and once for each conflict (the gold split by file prefix). The floors are the
first measured figures floored to two decimals minus 0.01; ``max_traps`` is the measured count
of gold ``not_places`` output as places. Raise the floors (lower the ceilings) as the extractor
improves; do not tune the matcher on these articles (add cases to ``places_dev`` instead).
"""

from __future__ import annotations

from pathlib import Path

import gold_sets
import pytest
import yardstick

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "tests" / "fixtures" / "places_holdout"

# group: (precision, recall, f1, resolution, max_traps). "all" is the whole set.
FLOORS: dict[str, tuple[float, float, float, float, int]] = {
    "all": (0.98, 0.86, 0.92, 0.97, 0),
    "ly": (0.99, 0.87, 0.93, 0.99, 0),  # Libya (1)
    "so": (0.99, 0.89, 0.94, 0.93, 0),  # Somalia, al-Shabaab (1)
    "ng": (0.99, 0.79, 0.87, 0.99, 0),  # Nigeria, Lake Chad (1)
    "mz": (0.99, 0.92, 0.95, 0.91, 0),  # Mozambique, Cabo Delgado (1)
    "co": (0.99, 0.86, 0.92, 0.99, 0),  # Colombia-Venezuela (1)
    "xk": (0.99, 0.89, 0.94, 0.99, 0),  # Kosovo-Serbia (1): Banjska unresolved, no longer Bansko
    "ge": (0.99, 0.81, 0.89, 0.99, 0),  # Georgia, Abkhazia, South Ossetia (1)
    "kp": (0.99, 0.90, 0.94, 0.99, 0),  # Korean peninsula (1)
    "eh": (0.99, 0.89, 0.94, 0.91, 0),  # Western Sahara (1)
    "bl": (0.89, 0.89, 0.89, 0.99, 0),  # Pakistan, Balochistan (1)
    "ph": (0.99, 0.8, 0.88, 0.99, 0),  # Philippines, Mindanao (1)
    "il": (0.99, 0.87, 0.92, 0.99, 0),  # Israel-Iran, June 2025 (1)
    "ku": (0.99, 0.75, 0.85, 0.99, 0),  # Kurdish north-east Syria, Turkey (1)
    "md": (0.99, 0.90, 0.94, 0.99, 0),  # Transnistria, Moldova (1)
    "ua": (0.94, 0.94, 0.94, 0.99, 0),  # Ukraine, written fresh (1)
    "gz": (0.99, 0.84, 0.91, 0.99, 0),  # Gaza, written fresh (1)
}


def _gold() -> list[dict]:
    return gold_sets.read_gold(SET / "gold.jsonl")


@pytest.fixture(scope="module")
def pred(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The extractor's output for every article of the set, as JSON lines."""
    out = tmp_path_factory.mktemp("places_holdout") / "pred.jsonl"
    return yardstick.extract(sorted((SET / "articles").glob("*.txt")), SET / "articles" / "manifest.csv", out)


def test_set_is_complete() -> None:
    gold_sets.check_place_set_complete(SET, _gold(), set(FLOORS) - {"all"})


def test_gold_spans_are_in_their_text() -> None:
    gold_sets.check_place_spans(SET, _gold())


def test_whole_set(pred: Path, tmp_path: Path) -> None:
    gold = _gold()
    gold_sets.check_place_floors(yardstick.score(gold, pred, tmp_path), FLOORS["all"], len(gold))


@pytest.mark.parametrize("group", [g for g in FLOORS if g != "all"])
def test_each_conflict(group: str, pred: Path, tmp_path: Path) -> None:
    records = [r for r in _gold() if gold_sets.group_of(r) == group]
    gold_sets.check_place_floors(yardstick.score(records, pred, tmp_path), FLOORS[group], len(records))
