"""The sample articles scored by the yardstick itself (tests/fixtures/eval/score.py, unchanged).

``python -m events extract`` runs as a user runs it; its JSON lines go to the scorer with the
seeds' gold. Thresholds are what the extractor reaches; raise them as it improves.
"""

from __future__ import annotations

from pathlib import Path

import yardstick

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


def _score(tmp_path: Path) -> dict:
    articles = sorted((ROOT / "articles").glob("*.txt"))
    pred = yardstick.extract(articles, ROOT / "articles" / "manifest.csv", tmp_path / "pred.jsonl")
    return yardstick.score(FIXTURES / "gold" / "seeds.jsonl", pred, tmp_path)


def test_seeds_scored_by_the_yardstick(tmp_path: Path) -> None:
    score = _score(tmp_path)
    assert score["articles"] == 2 and score["missing_articles"] == 0
    assert score["place_precision"] == 1.0 and score["place_recall"] == 1.0
    assert score["not_place_hits"] == 0
    assert score["resolution_acc"] == 1.0
    assert score["event_recall"] == 1.0
    assert score["event_type_acc"] >= 0.9
    assert score["event_precision"] >= 0.9  # 14 events, the 14 required ones (issue 11)
