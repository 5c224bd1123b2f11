"""Extract a set of articles as a user does and score the output with the yardstick
(``tests/fixtures/eval/score.py``, an unchanged copy of ``shared/eval/score.py``)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT / "tests" / "fixtures" / "eval" / "score.py"


def extract(articles: Iterable[Path], manifest: Path, out: Path) -> Path:
    """``python -m events extract ARTICLES --manifest MANIFEST`` into ``out`` (JSON lines)."""
    with out.open("w", encoding="utf-8") as fh:
        command = [
            sys.executable,
            "-m",
            "events",
            "extract",
            *map(str, articles),
            "--manifest",
            str(manifest),
        ]
        subprocess.run(command, cwd=ROOT, stdout=fh, check=True)
    return out


def score(gold: Path | list[dict], pred: Path, tmp: Path) -> dict:
    """The scorer's ``--json`` figures for ``gold`` (a file, or records written to ``tmp``)."""
    if not isinstance(gold, Path):
        path = tmp / "gold.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in gold), encoding="utf-8")
        gold = path
    result = subprocess.run(
        [sys.executable, str(SCORER), str(gold), str(pred), "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])
