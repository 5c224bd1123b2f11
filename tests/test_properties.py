"""Properties of extraction on generated text (hypothesis): it never raises, every offset slices the
normalized text to its surface, and extracting twice gives the same result."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from events.pipeline import Extractor
from events.reader import article_from_bytes, article_from_text, read_article
from events.sentences import split_sentences
from gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces of real Vietnamese news (and of the traps a reader meets), recombined at random.
_SAMPLES = [read_article(p).text for p in sorted((ROOT / "articles").glob("*.txt"))]
SENTENCES = [text[s:e] for text in _SAMPLES for s, e in split_sentences(text)]
PIECES = [
    *" ".join(_SAMPLES).split()[:400],
    "Terter", "Nagorno-Karabakh", "Thổ Nhĩ Kỳ", "Mát-xcơ-va", "Hoa Kỳ", "Iran", "Armenia", "Azerbaijan",
    "thị trấn", "làng", "tỉnh", "biên giới", "pháo kích", "tấn công", "biểu tình", "ngừng bắn",
    "hôm 3-10", "ngày 27/9", "sáng 28/9", "hôm qua", "thứ Hai", "từ tháng 2/1988 đến tháng 5/1994",
    "năm 2020", "date 2020-10", "---\npublished: 2020-09-28\n---", "<p>", "</p>", "<script>x</script>",
    ".", ",", ":", "\n", "\n\n", "  ", "\u200b", "\u00a0", "🔥", "🇦🇲", "\u0301", "\u0323", "\x00", "\r\n",
    "Hoà", "Thuỵ", "A\u0300", "'", '"', "(", ")", "–", "…",
]  # fmt: skip
newsy = st.lists(st.one_of(st.sampled_from(PIECES), st.sampled_from(SENTENCES)), max_size=60).map(" ".join)
texts = st.one_of(st.text(max_size=600), newsy, st.tuples(newsy, st.text(max_size=80), newsy).map("".join))


@pytest.fixture(scope="module")
def extractors(gaz: Gazetteer) -> tuple[Extractor, Extractor]:
    """Two extractors with separate caches: one for the first pass, one warm with everything."""
    return Extractor(gaz), Extractor(gaz)


def assert_offsets(result: dict, text: str) -> None:
    for place in result["places"]:
        assert text[place["start"] : place["end"]] == place["surface"]
    for name in result["unresolved"]:
        assert text[name["start"] : name["end"]] == name["surface"]
    for event in result["events"]:
        assert text[event["start"] : event["end"]] == event["text"]
        if event.get("place_start") is not None:
            assert text[event["place_start"] : event["place_end"]] == event["place_surface"]


@SETTINGS
@given(text=texts, published=st.sampled_from([None, "2020-09-28", "2020-10"]))
def test_extraction_never_raises_and_offsets_slice_to_surfaces(
    extractors: tuple[Extractor, Extractor], text: str, published: str | None
) -> None:
    article = article_from_text(text, published=published)
    result = extractors[0].extract(article)
    assert set(result) == {"article", "places", "unresolved", "events"}
    assert_offsets(result, article.text)
    json.dumps(result)  # serialisable as the contract says


@SETTINGS
@given(data=st.binary(max_size=400))
def test_any_bytes_read_and_extract_without_raising(
    extractors: tuple[Extractor, Extractor], data: bytes
) -> None:
    article = article_from_bytes(data, path="x.txt", published="2020-09-28")
    assert (article.error is None) == bool(article.text)
    assert_offsets(extractors[0].extract(article), article.text)


@SETTINGS
@given(text=newsy)
def test_extracting_twice_gives_the_same_result(extractors: tuple[Extractor, Extractor], text: str) -> None:
    first, warm = extractors
    article = article_from_text(text, published="2020-09-28")
    once = first.extract(article)
    assert first.extract(article) == once  # the same extractor, its caches now warm
    assert warm.extract(article_from_text(text, published="2020-09-28")) == once
