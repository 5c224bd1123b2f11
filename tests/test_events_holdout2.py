"""Issue 11's second held-out event set (tests/fixtures/events_holdout2) scored by the yardstick.

17 articles about conflicts and crises written for the project in the style of Vietnamese wire
copy, most of them absent from ``events_dev`` and ``events_holdout`` (protests in Kenya, Serbia,
Georgia and Bangladesh, Mexico's cartels, Iraqi Kurdistan, Tigray, the West Bank, Sumy, the
Pakistan-Afghanistan border of December 2024, Haiti, Goma, the Taiwan Strait, Catatumbo, Lebanon
and Iran in October 2024, US strikes in Yemen, Burkina Faso). The gold was written and committed
before any extractor ran on them: the first run is the honest estimate on unseen text. Fix
mechanisms, never a sentence of this set.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import gold_sets
import pytest
import yardstick
from test_events_dev import EVENT_TYPES

ROOT = Path(__file__).resolve().parent.parent
HOLDOUT = ROOT / "tests" / "fixtures" / "events_holdout2"
GOLD = gold_sets.read_gold(HOLDOUT / "gold.jsonl")

# Floors of the six gold_sets.EVENT_METRICS (at least), then not_place_hits (at most).
# First run (commit a9707c7, before this session's rules): places P 0.947 R 0.871 res 0.975, 3 traps;
# events R 0.80 P 0.677 type 0.825. Floors: the merged round's figures, floored to two decimals minus
# 0.01. No rule was tuned on this set (places_holdout2's diff found three regressions, fixed in b03353c
# with sentences of our own).
THRESHOLDS = (0.94, 0.85, 0.96, 0.79, 0.66, 0.81, 2)


@pytest.fixture(scope="module")
def score(tmp_path_factory: pytest.TempPathFactory) -> dict:
    tmp = tmp_path_factory.mktemp("events_holdout2")
    pred = yardstick.extract(sorted(HOLDOUT.glob("*.txt")), HOLDOUT / "manifest.csv", tmp / "pred.jsonl")
    return yardstick.score(HOLDOUT / "gold.jsonl", pred, tmp)


def test_events_holdout2_scored_by_the_yardstick(score: dict) -> None:
    gold_sets.check_event_floors(score, THRESHOLDS)


# The gold itself: what a later edit of the set must keep true (no extractor involved).


def test_set_size_and_spread() -> None:
    assert len(GOLD) >= 14
    assert len({g["conflict"] for g in GOLD}) >= 12
    assert len({g["id"] for g in GOLD}) == len(GOLD)


def test_file_names_unique_across_event_sets() -> None:
    """The scorer matches a prediction to its gold by file base name: no name of another set."""
    others = {p.name for s in ("events_dev", "events_holdout") for p in (HOLDOUT.parent / s).glob("*.txt")}
    assert not others & {p.name for p in HOLDOUT.glob("*.txt")}


def test_manifest_names_every_article_with_its_date() -> None:
    gold_sets.check_event_manifest(HOLDOUT, GOLD)


@pytest.mark.parametrize("gold", GOLD, ids=[g["id"] for g in GOLD])
def test_gold_agrees_with_its_article(gold: dict) -> None:
    gold_sets.check_event_gold(HOLDOUT, gold, EVENT_TYPES, (8, 25))


def test_gold_is_what_the_annotation_builds(tmp_path: Path) -> None:
    """gold.jsonl and manifest.csv are build_events_gold.py's output of annotations.txt."""
    copy = tmp_path / HOLDOUT.name
    copy.mkdir()
    for f in HOLDOUT.iterdir():
        (copy / f.name).write_bytes(f.read_bytes())
    builder = ROOT / "tests" / "fixtures" / "build_events_gold.py"
    subprocess.run([sys.executable, str(builder), str(copy)], check=True, capture_output=True)
    for name in ("gold.jsonl", "manifest.csv"):
        assert (copy / name).read_bytes() == (HOLDOUT / name).read_bytes(), name


def test_gold_scores_one_against_itself(tmp_path: Path) -> None:
    """The yardstick reads the gold whole: the gold written as a prediction scores 1.0."""
    sys.path.insert(0, str(ROOT / "tests" / "fixtures"))
    from gold_as_pred import as_prediction

    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(as_prediction(g), ensure_ascii=False) + "\n" for g in GOLD), "utf-8")
    score = yardstick.score(HOLDOUT / "gold.jsonl", pred, tmp_path)
    for metric in ("place_f1", "resolution_acc", "event_recall", "event_precision", "event_type_acc"):
        assert score[metric] == 1.0, (metric, score)
    assert score["not_place_hits"] == 0 and score["missing_articles"] == 0
