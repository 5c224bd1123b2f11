"""Issue 9 (items 1 and 3): what one big or strange article may cost.

Extraction is linear in the article's size (time measured at two sizes, the ratio checked with a
wide margin: a quadratic step shows as 4× the linear ratio), every article's places, unresolved
names and events are capped with a warning, an event never quotes a huge sentence whole, and
the dashboard's frames hold offsets, not a copy of the sentence for every mention.
"""

from __future__ import annotations

import datetime as dt
import random
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from dashboard import add, data
from dashboard.mapview import place_popup
from events import pipeline, records
from events.dates import find_dates
from events.pipeline import Extractor
from events.reader import article_from_text
from gazetteer import Gazetteer
from store import EventStore


@pytest.fixture(scope="module")
def extractor(gaz: Gazetteer) -> Extractor:
    return Extractor(gaz)


def comma_list(n: int) -> str:
    """The issue's article: one town named n times in one sentence."""
    return "Azerbaijan pháo kích " + ", ".join(["Terter"] * n) + "."


def one_sentence(n: int) -> str:
    """One sentence of n event clauses, each with a place and a date, cut by commas and conjunctions."""
    clauses = (
        "quân đội Armenia pháo kích thị trấn Terter sáng {d}/9",
        "lực lượng Azerbaijan tấn công làng Talish hôm {d}/10",
        "hàng trăm người biểu tình tại Baku ngày {d}/11",
    )
    glue = (", ", " trong khi ", ", đồng thời ")
    parts = [clauses[i % 3].format(d=i % 28 + 1) for i in range(n)]
    return "".join((glue[i % 3] if i else "") + part for i, part in enumerate(parts)) + "."


def dated_sentences(n: int) -> str:
    """n tiny sentences, each an event with its own date."""
    return " ".join(f"Ngày {i % 28 + 1}/{i % 12 + 1} quân đội pháo kích Terter." for i in range(n))


def _seconds(extractor: Extractor, text: str) -> float:
    """The best of three extractions (the least disturbed by other work on the machine)."""
    article = article_from_text(text, published="2020-10-01")
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        extractor.extract(article)
        best = min(best, time.perf_counter() - started)
    return best


@pytest.mark.parametrize(
    ("make", "n"),
    [(comma_list, 2_000), (one_sentence, 600), (dated_sentences, 1_500)],
    ids=["comma-list", "one-sentence", "dated-sentences"],
)
def test_extraction_time_is_linear(extractor: Extractor, make: Callable[[int], str], n: int) -> None:
    extractor.extract(article_from_text(make(n), published="2020-10-01"))  # warm the lookup caches
    small, large = _seconds(extractor, make(n)), _seconds(extractor, make(4 * n))
    # 4× the text: 4× the time when linear, 16× when quadratic; 8× leaves room for noise
    assert large < 8 * small + 0.05, f"{small:.3f} s → {large:.3f} s for 4× the text"


def test_places_and_unresolved_are_capped_with_a_warning(extractor: Extractor) -> None:
    n = pipeline.MAX_PLACES + 500
    out = extractor.extract(article_from_text(comma_list(n), published="2020-10-01"))
    assert len(out["places"]) == pipeline.MAX_PLACES
    assert out["places"][-1]["start"] < out["places"][0]["start"] + len(comma_list(n))
    assert (
        f"{n + 1:,} place mentions: only the first {pipeline.MAX_PLACES:,} are kept"
        in out["article"]["warnings"][0]
    )
    cued = " ".join(f"Pháo kích nhằm vào làng Xyzab{chr(97 + i % 26)}{i}x." for i in range(1_050))
    out = extractor.extract(article_from_text(cued, published="2020-10-01"))
    assert len(out["unresolved"]) == pipeline.MAX_UNRESOLVED
    assert any("unresolved names: only the first" in w for w in out["article"]["warnings"])


def test_events_are_capped_with_a_warning(extractor: Extractor) -> None:
    out = extractor.extract(
        article_from_text(dated_sentences(pipeline.MAX_EVENTS + 1), published="2020-10-01")
    )
    # the cap counts reported clauses; repeats of one incident are then one event (issue 11)
    assert 0 < len(out["events"]) <= pipeline.MAX_EVENTS
    assert [w for w in out["article"]["warnings"] if "events: only the first" in w]
    # exactly at the cap: everything kept, no warning
    out = extractor.extract(article_from_text(dated_sentences(pipeline.MAX_EVENTS), published="2020-10-01"))
    assert 0 < len(out["events"]) <= pipeline.MAX_EVENTS
    assert out["article"]["warnings"] == []


def test_an_event_never_quotes_a_huge_sentence_whole(extractor: Extractor) -> None:
    article = article_from_text(one_sentence(300), published="2020-10-01")
    assert len(article.text) > 3 * records.MAX_EVENT_TEXT
    out = extractor.extract(article)
    assert len(out["events"]) > 10
    for event in out["events"]:
        assert len(event["text"]) <= records.MAX_EVENT_TEXT
        assert article.text[event["start"] : event["end"]] == event["text"]
        assert event["cue"] in event["text"]
    # an ordinary sentence is still quoted whole
    article = article_from_text(one_sentence(3), published="2020-10-01")
    event = extractor.extract(article)["events"][0]
    assert event["text"] == article.text and (event["start"], event["end"]) == (0, len(article.text))


@pytest.fixture
def hostile_store(tmp_path: Path, extractor: Extractor) -> EventStore:
    store = EventStore(tmp_path / "events.sqlite")
    # one sentence of 3,000 names, then an unresolved name in its middle
    long_names = (
        comma_list(3_000)[:-1] + " rồi pháo binh bắn vào làng Xyzabad " + "rất " * 1_500 + "gần Terter."
    )
    report = add.ingest(add.uploaded_items([], long_names, "2020-10-01"), store, extractor)
    assert report.stored == 1
    yield store
    store.close()


def test_place_rows_hold_offsets_not_sentence_copies(hostile_store: EventStore) -> None:
    places = data.places_frame(hostile_store)
    assert len(places) > 3_000
    assert "sentence_text" not in places.columns
    text = hostile_store.article_text(places["article_id"].iloc[0])
    first = places.iloc[0]
    assert text[first["sentence_start"] : first["sentence_end"]].startswith(
        "Azerbaijan pháo kích Terter, Terter"
    )
    # the frame's size does not grow with the sentence: ~ hundreds of bytes a mention (a copy of
    # the 20,000-character sentence each would be 60 MB)
    assert places.memory_usage(deep=True).sum() < 1_000 * len(places)


def test_sentence_texts_are_excerpts_of_huge_sentences(hostile_store: EventStore) -> None:
    places = data.places_frame(hostile_store)
    texts = data.place_sentences(hostile_store, places)
    terter = places.loc[places["surface"] == "Terter", "place_id"].iloc[0]
    assert 1 <= len(texts[terter]) <= 12
    for surface, sentence in texts[terter]:
        assert surface == "Terter" and len(sentence) <= data.MAX_EXCERPT + 2
    popup = place_popup(places[places["place_id"] == terter], "vi", texts[terter])
    assert "<mark>Terter</mark>" in popup and len(popup) < 12 * (data.MAX_EXCERPT + 100)
    unresolved = data.unresolved_frame(hostile_store)
    assert list(unresolved["surface"]) == ["Xyzabad"]
    sentence = unresolved["sentence_text"].iloc[0]
    assert "làng Xyzabad" in sentence and len(sentence) <= data.MAX_EXCERPT + 2
    assert sentence.startswith("…") and sentence.endswith("…")


def test_highlighted_article_marks_each_mention_once(hostile_store: EventStore) -> None:
    places = data.places_frame(hostile_store)
    text = hostile_store.article_text(places["article_id"].iloc[0])
    body = data.highlighted_article(text, places, (0, 27))
    assert body.count('<mark class="dd-place">Terter</mark>') == (places["surface"] == "Terter").sum()
    assert body.startswith('<span class="dd-sentence"><mark class="dd-place">Azerbaijan</mark>')


def test_highlighted_article_time_is_linear() -> None:
    """The article of a clicked event with every mention marked: it checked every mark for every
    piece of text (quadratic: seconds for a few thousand mentions)."""

    def seconds(n: int) -> float:
        text = comma_list(n)
        starts = [21 + 8 * i for i in range(n)]
        marks = pd.DataFrame({"start": starts, "end": [s + 6 for s in starts]})
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            body = data.highlighted_article(text, marks, (0, len(text)))
            best = min(best, time.perf_counter() - started)
        assert body.count('<mark class="dd-place">Terter</mark>') == n
        return best

    small, large = seconds(1_000), seconds(4_000)
    assert large < 8 * small + 0.05, f"{small:.3f} s → {large:.3f} s for 4× the mentions"


def test_a_text_of_would_be_names_is_read_in_bounded_memory(extractor: Extractor) -> None:
    """Capitalised words only (one endless run of would-be names): the words are read one at a
    time and the search stops after MAX_CANDIDATES names, so memory does not grow with the text
    (it held every word and every candidate: ~70 MB for 0.5 MB, and 3 GB for a 20 MB file)."""
    rng = random.Random(1)
    words = ("Abo", "Kera", "Tun", "Mirza", "Oda", "Vell", "Sar", "Ibo", "Gan", "Trel", "Ush", "Pera")

    def peak_of(n_words: int) -> tuple[int, dict, int]:
        article = article_from_text(
            " ".join(rng.choice(words) for _ in range(n_words)), published="2020-10-01"
        )
        tracemalloc.start()
        try:
            out = extractor.extract(article)
            return tracemalloc.get_traced_memory()[1], out, len(article.text)
        finally:
            tracemalloc.stop()

    # the lookup caches are bounded (gazetteer.textnorm.search_keys keeps 65,536 keys): filled
    # first, so that what is measured is what a text costs
    peak_of(120_000)
    small, out, small_size = peak_of(120_000)
    large, _, large_size = peak_of(480_000)  # 4× the text (2 MB)
    assert f"more than {pipeline.MAX_CANDIDATES:,} names that may be places" in out["article"]["warnings"][0]
    assert small < 40_000_000, f"{small / 1e6:.0f} MB for a 0.5 MB text"
    # past the cap only the text's own copies grow (the text, its lower case, sentence offsets):
    # a few bytes a character, so the 20 MB limit bounds them
    growth = (large - small) / (large_size - small_size)
    assert growth < 10, f"{small / 1e6:.0f} MB for 0.5 MB, {large / 1e6:.0f} MB for 2 MB: {growth:.1f} B/char"


def test_dates_of_a_text_with_a_long_lower_case_letter_in_bounded_memory() -> None:
    """A letter whose lower case is longer ("İ") sends the date finder to its character by character
    lower-casing: it made one string object per character of the whole text (~80 bytes each)."""
    text = "Ngày 27/9 ở İzmir. " + "Quân đội pháo kích thị trấn Terter sáng nay. " * 20_000
    tracemalloc.start()
    try:
        found = find_dates(text, dt.date(2020, 10, 1))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert found[0].surface == "Ngày 27/9" and len(found) == 20_001
    assert peak < 20 * len(text), f"{peak / 1e6:.0f} MB for {len(text) / 1e6:.1f} M characters"
