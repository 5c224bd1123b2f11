"""Issue 11's held-out event sets built from a hand annotation (``build_events_gold.py``), scored
by the yardstick: one module for every such set, as ``test_place_sets.py`` is for the place sets.

- ``events_holdout2`` (17 articles): protests in Kenya, Serbia, Georgia and Bangladesh, Mexico's
  cartels, Iraqi Kurdistan, Tigray, the West Bank, Sumy, the Pakistan-Afghanistan border of
  December 2024, Haiti, Goma, the Taiwan Strait, Catatumbo, Lebanon and Iran in October 2024, US
  strikes in Yemen, Burkina Faso.
- ``events_holdout3`` (17 articles, conflicts no other event set holds): Cameroon's Anglophone
  regions, Chad, South Sudan (Nasir), Venezuela-Guyana (the Cuyuni), Ecuador's prison gangs,
  Peru's protests, Iran's protests of 2022, US strikes on Iraqi militias, the Tower 22 attack in
  Jordan, Kosovo (Banjska), Manipur, Balochistan, Mindanao (Basilan), Sri Lanka's protests of
  July 2022, Indonesia's protests of August 2025, Transnistria, Western Sahara.

Both were written for the project in the style of Vietnamese wire copy, their gold committed
before any extractor ran on them: the first run is the honest estimate on unseen text. Fix
mechanisms, never a sentence of these sets.
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

FIXTURES = Path(__file__).resolve().parent / "fixtures"
# Every event set: the scorer matches a prediction to its gold by file base name across them.
EVENT_SETS = ("events_dev", "events_holdout", "events_holdout2", "events_holdout3")

# set -> (floors of the six gold_sets.EVENT_METRICS (at least), then not_place_hits (at most);
#         at least this many articles, of at least this many conflicts)
SETS: dict[str, tuple[tuple[float, float, float, float, float, float, int], int, int]] = {
    # First run (commit a9707c7): places P 0.947 R 0.871 res 0.975, 3 traps; events R 0.80 P 0.677
    # type 0.825. Floors: the merged round's figures, floored to two decimals minus 0.01. No rule
    # was tuned on this set (places_holdout2's diff found three regressions, fixed in b03353c with
    # sentences of our own).
    "events_holdout2": ((0.94, 0.85, 0.96, 0.79, 0.66, 0.81, 2), 14, 12),
    # First run (main 03ec787, 2026-11-29: events R 0.72, P 0.64, type 0.90), floored to two
    # decimals minus 0.01.
    "events_holdout3": ((0.92, 0.82, 0.97, 0.71, 0.63, 0.88, 3), 15, 15),
}
GOLDS = {name: gold_sets.read_gold(FIXTURES / name / "gold.jsonl") for name in SETS}
RECORDS = [(name, g) for name, gold in GOLDS.items() for g in gold]


@pytest.mark.parametrize("name", SETS)
def test_scored_by_the_yardstick(name: str, tmp_path: Path) -> None:
    folder = FIXTURES / name
    pred = yardstick.extract(sorted(folder.glob("*.txt")), folder / "manifest.csv", tmp_path / "pred.jsonl")
    gold_sets.check_event_floors(yardstick.score(folder / "gold.jsonl", pred, tmp_path), SETS[name][0])


# The gold itself: what a later edit of a set must keep true (no extractor involved).


@pytest.mark.parametrize("name", SETS)
def test_set_size_and_spread(name: str) -> None:
    gold, (_, articles, conflicts) = GOLDS[name], SETS[name]
    assert len(gold) >= articles
    assert len({g["conflict"] for g in gold}) >= conflicts
    assert len({g["id"] for g in gold}) == len(gold)


def test_file_names_unique_across_event_sets() -> None:
    """The scorer matches a prediction to its gold by file base name: no name in two sets."""
    names = [p.name for s in EVENT_SETS for p in (FIXTURES / s).glob("*.txt")]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("name", SETS)
def test_manifest_names_every_article_with_its_date(name: str) -> None:
    gold_sets.check_event_manifest(FIXTURES / name, GOLDS[name])


@pytest.mark.parametrize(("name", "gold"), RECORDS, ids=[g["id"] for _, g in RECORDS])
def test_gold_agrees_with_its_article(name: str, gold: dict) -> None:
    gold_sets.check_event_gold(FIXTURES / name, gold, EVENT_TYPES, (8, 25))


@pytest.mark.parametrize("name", SETS)
def test_gold_is_what_the_annotation_builds(name: str, tmp_path: Path) -> None:
    """gold.jsonl and manifest.csv are build_events_gold.py's output of annotations.ann."""
    folder, copy = FIXTURES / name, tmp_path / name
    copy.mkdir()
    for f in folder.iterdir():
        (copy / f.name).write_bytes(f.read_bytes())
    builder = FIXTURES / "build_events_gold.py"
    subprocess.run([sys.executable, str(builder), str(copy)], check=True, capture_output=True)
    for made in ("gold.jsonl", "manifest.csv"):
        assert (copy / made).read_bytes() == (folder / made).read_bytes(), made


@pytest.mark.parametrize("name", SETS)
def test_gold_scores_one_against_itself(name: str, tmp_path: Path) -> None:
    """The yardstick reads the gold whole: the gold written as a prediction scores 1.0."""
    sys.path.insert(0, str(FIXTURES))
    from gold_as_pred import as_prediction

    pred = tmp_path / "pred.jsonl"
    pred.write_text(
        "".join(json.dumps(as_prediction(g), ensure_ascii=False) + "\n" for g in GOLDS[name]), "utf-8"
    )
    score = yardstick.score(FIXTURES / name / "gold.jsonl", pred, tmp_path)
    for metric in ("place_f1", "resolution_acc", "event_recall", "event_precision", "event_type_acc"):
        assert score[metric] == 1.0, (metric, score)
    assert score["not_place_hits"] == 0 and score["missing_articles"] == 0
