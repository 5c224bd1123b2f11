"""Issue 10's second held-out place set (tests/fixtures/places_holdout2), scored whole and per
conflict.

13 articles written for the project about conflicts and regions ``places_dev`` and
``places_holdout`` hold little of (Iraqi Kurdistan, the Taiwan Strait, Mexico's cartels, Serbia,
Kenya and Somalia, Rakhine and Cox's Bazar, the Thailand-Cambodia border, Ethiopia-Eritrea,
the West Bank, Sumy and Kursk, the Black Sea, Burkina Faso and Mali, Kashmir and Punjab). The
gold was written and committed before any extractor ran on them: the first run estimates the
matcher on unseen text. As for ``places_holdout``, ``python -m events extract`` runs on the
articles as a user runs it and the scorer (tests/fixtures/eval/score.py, unchanged) compares its
places with the hand gold. Do not tune the matcher on these articles.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import gold_sets
import pytest
import yardstick

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "tests" / "fixtures" / "places_holdout2"

# group: (precision, recall, f1, resolution, max_traps). "all" is the whole set.
# First run (commit a9707c7): P 0.923 R 0.827 F1 0.872 res 0.974, 3 traps. Floors: the merged round's
# figures floored to two decimals minus 0.01 (its diff against the first run found three regressions of
# the round, fixed in b03353c with sentences of our own; no rule was tuned on this set).
FLOORS: dict[str, tuple[float, float, float, float, int]] = {
    "all": (0.91, 0.81, 0.86, 0.96, 3),
    "iq": (0.91, 0.85, 0.88, 0.99, 0),  # Iraqi Kurdistan, Turkish strikes (1)
    "tw": (0.95, 0.88, 0.91, 0.93, 1),  # Taiwan Strait, Kinmen, Matsu (1)
    "mx": (0.94, 0.91, 0.92, 0.99, 1),  # Mexico's cartels and the US border (1)
    "rs": (0.99, 0.76, 0.86, 0.92, 0),  # Serbia's protests, the Balkans (1)
    "ke": (0.87, 0.78, 0.82, 0.99, 0),  # Kenya, al-Shabaab, Somalia border (1)
    "bn": (0.90, 0.76, 0.83, 0.99, 0),  # Rakhine, the Naf, Cox's Bazar (1)
    "tk": (0.82, 0.74, 0.78, 0.99, 0),  # Thailand-Cambodia border, July 2025 (1)
    "tg": (0.92, 0.78, 0.84, 0.92, 0),  # Ethiopia-Eritrea, Assab, Tigray (1)
    "wb": (0.91, 0.70, 0.79, 0.99, 0),  # West Bank camps and East Jerusalem (1)
    "sm": (0.92, 0.89, 0.91, 0.99, 0),  # Sumy and Kursk oblasts (1)
    "bs": (0.91, 0.76, 0.83, 0.93, 0),  # Black Sea, Novorossiysk, the Danube ports (1)
    "bf": (0.95, 0.89, 0.92, 0.99, 0),  # Burkina Faso and Mali, JNIM (1)
    "jk": (0.89, 0.86, 0.88, 0.94, 1),  # India-Pakistan, Kashmir and Punjab (1)
}


def _gold() -> list[dict]:
    return gold_sets.read_gold(SET / "gold.jsonl")


@pytest.fixture(scope="module")
def pred(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The extractor's output for every article of the set, as JSON lines."""
    out = tmp_path_factory.mktemp("places_holdout2") / "pred.jsonl"
    return yardstick.extract(sorted((SET / "articles").glob("*.txt")), SET / "articles" / "manifest.csv", out)


def test_set_is_complete() -> None:
    gold_sets.check_place_set_complete(SET, _gold(), set(FLOORS) - {"all"})


def test_gold_spans_are_in_their_text() -> None:
    gold_sets.check_place_spans(SET, _gold())


def test_file_names_unique_across_place_sets() -> None:
    """The scorer matches a prediction to its gold by file base name: no name of another set."""
    others = {
        p.name for s in ("places_dev", "places_holdout") for p in (SET.parent / s / "articles").glob("*.txt")
    }
    assert not others & {p.name for p in (SET / "articles").glob("*.txt")}


def test_gold_is_what_the_annotation_builds(tmp_path: Path) -> None:
    """gold.jsonl and the manifest are build_places_gold.py's output of annotations.txt."""
    copy = tmp_path / SET.name
    (copy / "articles").mkdir(parents=True)
    (copy / "annotations.txt").write_bytes((SET / "annotations.txt").read_bytes())
    for f in (SET / "articles").glob("*.txt"):
        (copy / "articles" / f.name).write_bytes(f.read_bytes())
    builder = ROOT / "tests" / "fixtures" / "build_places_gold.py"
    subprocess.run([sys.executable, str(builder), str(copy)], check=True, capture_output=True)
    assert (copy / "gold.jsonl").read_bytes() == (SET / "gold.jsonl").read_bytes()
    assert (copy / "articles" / "manifest.csv").read_bytes() == (
        SET / "articles" / "manifest.csv"
    ).read_bytes()


def test_gold_scores_one_against_itself(tmp_path: Path) -> None:
    """The yardstick reads the gold whole: the gold written as a prediction scores 1.0."""
    sys.path.insert(0, str(ROOT / "tests" / "fixtures"))
    from gold_as_pred import as_prediction

    gold = _gold()
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(as_prediction(g), ensure_ascii=False) + "\n" for g in gold), "utf-8")
    score = yardstick.score(SET / "gold.jsonl", pred, tmp_path)
    assert (score["place_f1"], score["resolution_acc"], score["not_place_hits"]) == (1.0, 1.0, 0), score


def test_whole_set(pred: Path, tmp_path: Path) -> None:
    gold = _gold()
    gold_sets.check_place_floors(yardstick.score(gold, pred, tmp_path), FLOORS["all"], len(gold))


@pytest.mark.parametrize("group", [g for g in FLOORS if g != "all"])
def test_each_conflict(group: str, pred: Path, tmp_path: Path) -> None:
    records = [r for r in _gold() if gold_sets.group_of(r) == group]
    gold_sets.check_place_floors(yardstick.score(records, pred, tmp_path), FLOORS[group], len(records))
