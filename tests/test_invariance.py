"""NFD input, old-style tone marks and copy-paste debris give exactly the output of clean NFC input."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from events.pipeline import Extractor
from events.reader import article_from_text
from gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "articles").glob("*.txt"))
PUBLISHED = {"000_5083240e409e3a90.txt": None, "001_2b42f16e1c45971c.txt": "2020-09-28"}
_NEW_STYLE = re.compile(
    r"(?<![qQ])([oO](?=[\u0300-\u036f]*[aAeE])|[uU](?=[\u0300-\u036f]*[yY]))"
    r"([\u0300\u0301\u0309\u0303\u0323])([aAeEyY])(?![\w\u0300-\u036f])"
)


def old_style(text: str) -> str:
    """'hòa' → 'hoà', 'thủy' → 'thuỷ': the tone on the second vowel of open oa/oe/uy."""
    nfd = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", _NEW_STYLE.sub(lambda m: m[1] + m[3] + m[2], nfd))


def with_debris(text: str) -> str:
    """Zero-width spaces inside words and a BOM, as copied pages carry them."""
    return "\ufeff" + text.replace("Azerbaijan", "Azer\u200bbaijan").replace("Terter", "Ter\u200dter")


def without_path(out: dict) -> dict:
    return {**out, "article": {k: v for k, v in out["article"].items() if k != "path"}}


@pytest.fixture(scope="module")
def extractor(gaz: Gazetteer) -> Extractor:
    return Extractor(gaz)


@pytest.mark.parametrize("seed", SEEDS, ids=[s.name for s in SEEDS])
@pytest.mark.parametrize("variant", ["nfd", "old_tones", "debris"])
def test_variants_give_identical_output(extractor: Extractor, seed: Path, variant: str) -> None:
    text = unicodedata.normalize("NFC", seed.read_text(encoding="utf-8"))
    changed = {
        "nfd": lambda t: unicodedata.normalize("NFD", t),
        "old_tones": old_style,
        "debris": with_debris,
    }[variant](text)
    assert changed != text
    published = PUBLISHED[seed.name]
    clean = extractor.extract(article_from_text(text, published=published))
    other = extractor.extract(article_from_text(changed, published=published))
    assert clean["events"] and clean["places"]
    assert without_path(other) == without_path(clean)


def test_old_style_really_changes_the_seed() -> None:
    text = SEEDS[1].read_text(encoding="utf-8")
    assert "hòa" in text and "hoà" in old_style(text)
