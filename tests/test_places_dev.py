"""Issue 10's place set (tests/fixtures/places_dev) scored by the yardstick, whole and per conflict.

``python -m events extract`` runs on the 25 articles as a user runs it; the scorer
(tests/fixtures/eval/score.py, unchanged) compares its places with the hand gold, once for the
whole set and once for each conflict group (the gold split by file prefix). The floors below are
what the extractor reaches today, rounded down a little; ``max_traps`` is a ceiling on gold
``not_places`` output as places. Raise the floors (lower the ceilings) as the extractor improves.
"""

from __future__ import annotations

from pathlib import Path

import gold_sets
import pytest
import yardstick

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "tests" / "fixtures" / "places_dev"

# group: (precision, recall, f1, resolution, max_traps). "all" is the whole set.
FLOORS: dict[str, tuple[float, float, float, float, int]] = {
    "all": (0.98, 0.93, 0.96, 0.99, 0),
    "ua": (0.99, 0.98, 0.98, 0.99, 0),  # Ukraine-Russia (4 articles)
    "gz": (0.97, 0.92, 0.94, 0.99, 0),  # Gaza, Israel, Lebanon, West Bank, Golan (3)
    "ye": (0.99, 0.99, 0.99, 0.99, 0),  # Red Sea, Houthis, Yemen (2)
    "mm": (0.99, 0.86, 0.92, 0.99, 0),  # Myanmar (2)
    "sd": (0.99, 0.87, 0.93, 0.99, 0),  # Sudan (2)
    "sl": (0.99, 0.95, 0.96, 0.99, 0),  # Sahel: Mali, Burkina Faso, Niger (1)
    "sy": (0.99, 0.99, 0.99, 0.99, 0),  # Syria (1)
    "bd": (0.96, 0.99, 0.97, 0.99, 0),  # Biển Đông / South China Sea, Taiwan Strait (2)
    "kh": (0.99, 0.87, 0.92, 0.99, 0),  # Thailand-Cambodia (1)
    "az": (0.99, 0.99, 0.99, 0.99, 0),  # Armenia-Azerbaijan (1)
    "ir": (0.99, 0.91, 0.95, 0.99, 0),  # Iran, Iraq, Gulf (1)
    "cd": (0.99, 0.89, 0.93, 0.99, 0),  # DR Congo (1)
    "ht": (0.99, 0.83, 0.90, 0.99, 0),  # Haiti (1)
    "et": (0.93, 0.87, 0.90, 0.99, 0),  # Ethiopia (1)
    "af": (0.99, 0.95, 0.97, 0.99, 0),  # Afghanistan-Pakistan (1)
    "in": (0.99, 0.95, 0.97, 0.99, 0),  # India-Pakistan, Kashmir (1)
}


def _gold() -> list[dict]:
    return gold_sets.read_gold(SET / "gold.jsonl")


@pytest.fixture(scope="module")
def pred(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The extractor's output for every article of the set, as JSON lines."""
    out = tmp_path_factory.mktemp("places_dev") / "pred.jsonl"
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
