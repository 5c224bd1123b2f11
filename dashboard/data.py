"""What the dashboard reads and writes: the event store, filters, uploads, re-extraction.

Plain functions over pandas DataFrames and the store, so that they are tested without a
browser; ``app.py`` only lays them out.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd
import shapely
from shapely.geometry import mapping, shape

from events.pipeline import Extractor
from events.reader import article_from_text, read_article, read_manifest
from events.sentences import split_sentences
from gazetteer import DEFAULT_USER_DB, Gazetteer, InvalidPlace
from gazetteer.geocoder import LocalGazetteer, OnlineLookupFailed
from store import view as store_view
from store.db import EventStore

ROOT = Path(__file__).resolve().parent.parent
STORE = Path(os.environ.get("DIADANH_STORE", ROOT / "var" / "events.sqlite"))
USER_PLACES = DEFAULT_USER_DB  # the gazetteer's user layer ($DIADANH_USER_PLACES)
SAMPLES = ROOT / "articles"
# The Nominatim the places page asks when the user presses a look-up button (never otherwise).
NOMINATIM = os.environ.get("DIADANH_NOMINATIM", "https://nominatim.openstreetmap.org")
# Names asked per click at most: at Nominatim's one request a second, 20 s (its usage policy
# forbids bulk geocoding).
MAX_ONLINE_LOOKUPS = 20


def ensure_samples(store: EventStore, extractor: Extractor, folder: Path = SAMPLES) -> int:
    """Store the sample corpus when the store has no article yet; returns how many were added."""
    if store.con.execute("SELECT 1 FROM articles LIMIT 1").fetchone():  # not a count: an archive is large
        return 0
    manifest_path = folder / "manifest.csv"
    manifest = read_manifest(manifest_path) if manifest_path.exists() else None
    added = 0
    for path in sorted(folder.glob("*.txt")):
        article = read_article(path, manifest=manifest)
        if not article.error and store.add(extractor.extract(article), article.text):
            added += 1
    return added


def events_frame(store: EventStore) -> pd.DataFrame:
    """The stored events that have a date (one row per incident), with a plain ``date`` column
    (datetime.date) for the slider; undated ones are :func:`undated_events`."""
    frame = store.events_frame(rejected=True)  # hidden by the filters unless asked (Filters.rejected)
    frame = frame[frame["event_date"].notna()].reset_index(drop=True)
    frame["date"] = frame["event_date"].dt.date
    frame["search_text"] = search_text(frame)
    return frame


# What the search box looks in: the sentence, the place (canonical, Vietnamese, as written), the
# actors; and how it compares: one definition for both modes (the archive's index keeps the same keys).
SEARCH_COLUMNS = store_view.SEARCH_COLUMNS
search_key = store_view.search_key


def search_text(events: pd.DataFrame) -> pd.Series:
    """Each event's searchable text (:data:`SEARCH_COLUMNS`) as :func:`search_key` forms, made once
    per data version so that a search is one substring test per row."""
    columns = [events[c].fillna("").astype(str) for c in SEARCH_COLUMNS if c in events]
    if not columns:
        return pd.Series("", index=events.index)
    joined = columns[0].str.cat(columns[1:], sep=" | ")
    if "reports" in events:
        # an incident of several reports: every report's sentence, as the archive's index (one
        # key per report) finds it
        several = events["reports"].fillna("").astype(str).str.count('"event_id":') > 1
        joined = joined.copy()
        joined[several] = [
            " | ".join([text, *(str(r.get("sentence") or "") for r in json.loads(reports))])
            for text, reports in zip(joined[several], events.loc[several, "reports"], strict=True)
        ]
    return pd.Series([search_key(text) for text in joined], index=events.index, dtype=object)


def undated_events(store: EventStore) -> pd.DataFrame:
    """Events of articles stored without a publication date: never on the map or the timeline
    (a date would be a guess), listed apart until the article is added again with its date."""
    return pd.read_sql_query(
        "SELECT e.*, a.title AS article_title FROM events e JOIN articles a ON a.id = e.article_id "
        "WHERE e.event_date IS NULL ORDER BY e.article_id, e.event_id",
        store.con,
    )


# The longest sentence text a row shows whole; past it, a window of that many characters around
# the name (with "…"): a popup or a table cell never holds a huge "sentence" (a list, a dump).
MAX_EXCERPT = 2_000


def places_frame(store: EventStore) -> pd.DataFrame:
    """Every place mention, with the offsets of its sentence in the article's text
    (``sentence_start``, ``sentence_end``): offsets, not a copy of the sentence per mention, so
    the frame's size does not depend on the articles' texts (see :func:`place_sentences`)."""
    frame = pd.read_sql_query(
        "SELECT p.*, a.title, a.path, a.published FROM places p "
        "JOIN articles a ON a.id = p.article_id ORDER BY p.article_id, p.ordinal",
        store.con,
    )
    frame["sentence_start"], frame["sentence_end"] = sentence_spans(store, frame)
    return frame


def unresolved_frame(store: EventStore, limit: int | None = None) -> pd.DataFrame:
    """Names after a place cue that the gazetteer lacks, with the text of their sentence
    (``sentence_text``; at most :data:`MAX_EXCERPT` characters around the name); the first
    ``limit`` by name when given (an archive holds too many to list)."""
    frame = pd.read_sql_query(
        'SELECT u.surface, u.start, u."end", u.sentence, u.article_id, a.path, a.title, a.source '
        "FROM unresolved u JOIN articles a ON a.id = u.article_id ORDER BY u.surface"
        + ("" if limit is None else f" LIMIT {int(limit)}"),
        store.con,
    )
    frame["sentence_start"], frame["sentence_end"] = sentence_spans(store, frame)
    texts = [""] * len(frame)
    for article_id, rows in _by_article(frame):
        text = store.article_text(article_id) or ""
        for i, s, e, start, end in rows:
            texts[i] = excerpt(text, s, e, start, end)
    frame["sentence_text"] = texts
    return frame


def _by_article(frame: pd.DataFrame) -> list[tuple[str, list[tuple[int, int, int, int, int]]]]:
    """(article id, [(row position, sentence start, sentence end, start, end), …]) per article."""
    groups: dict[str, list[tuple[int, int, int, int, int]]] = {}
    columns = (
        frame["article_id"],
        frame["sentence_start"],
        frame["sentence_end"],
        frame["start"],
        frame["end"],
    )
    for i, (article_id, *offsets) in enumerate(zip(*columns, strict=True)):
        groups.setdefault(article_id, []).append((i, *map(int, offsets)))
    return list(groups.items())


def sentence_spans(store: EventStore, frame: pd.DataFrame) -> tuple[list[int], list[int]]:
    """The (start, end) offsets of each row's sentence (``article_id`` and the ``sentence``
    number the extractor gave, over the same split), each article read and split once."""
    spans: dict[str, list[tuple[int, int]]] = {}
    starts, ends = [], []
    for article_id, number in zip(frame["article_id"], frame["sentence"], strict=True):
        if article_id not in spans:
            spans[article_id] = split_sentences(store.article_text(article_id) or "")
        start, end = spans[article_id][int(number)]
        starts.append(start)
        ends.append(end)
    return starts, ends


def excerpt(text: str, sentence_start: int, sentence_end: int, start: int, end: int) -> str:
    """The sentence text[sentence_start:sentence_end], or when it is longer than
    :data:`MAX_EXCERPT` characters, that many around the name text[start:end], marked "…"."""
    if sentence_end - sentence_start <= MAX_EXCERPT:
        return text[sentence_start:sentence_end]
    a = max(sentence_start, min(start - MAX_EXCERPT // 2, sentence_end - MAX_EXCERPT))
    b = min(sentence_end, a + MAX_EXCERPT)
    return ("…" if a > sentence_start else "") + text[a:b] + ("…" if b < sentence_end else "")


def place_sentences(
    store: EventStore, places: pd.DataFrame, limit: int = 12
) -> dict[str, list[tuple[str, str]]]:
    """For each place id, its first ``limit`` distinct (surface, sentence text) pairs in the
    frame's order (what its popup lists), each article's text read once."""
    out: dict[str, list[tuple[str, str]]] = {}
    surfaces, place_ids = list(places["surface"]), list(places["place_id"])
    for article_id, rows in _by_article(places):
        text: str | None = None
        for i, s, e, start, end in rows:
            found = out.setdefault(place_ids[i], [])
            if len(found) >= limit:
                continue
            if text is None:
                text = store.article_text(article_id) or ""
            item = (surfaces[i], excerpt(text, s, e, start, end))
            if item not in found:
                found.append(item)
    return out


# The most GeoJSON text one outline may put on the page (every rerun sends the shown ones): an
# admin-1 region's stored outline is simplified to 0.02° already, but Nunavut's is still 160 kB.
MAX_OUTLINE_CHARS = 20_000


def event_extents(
    events: pd.DataFrame, gazetteer: Gazetteer, max_chars: int = MAX_OUTLINE_CHARS
) -> dict[str, dict]:
    """The outlines to draw around approximately placed events (geo_precision 2 or 3): every
    place with a stored outline or line — admin-1 regions, curated regions, seas, gulfs,
    straits, rivers, landmarks, borders, user places with an extent — except countries (the
    base layer draws them). Each is GeoJSON of at most ``max_chars`` (:func:`drawable`)."""
    extents = {}
    for place_id in events.loc[events["geo_precision"] > 1, "place_id"].dropna().unique():
        if str(place_id).startswith("country:"):
            continue
        if text := gazetteer.geometry_json(str(place_id)):
            extents[str(place_id)] = drawable(text, max_chars)
    return extents


def drawable(geometry: str, max_chars: int = MAX_OUTLINE_CHARS) -> dict:
    """A stored GeoJSON geometry, simplified further (tolerance doubled from 0.05°) until its
    text fits ``max_chars``; its bounding box as a last resort."""
    if len(geometry) <= max_chars:
        return json.loads(geometry)
    full = shape(json.loads(geometry))
    tolerance = 0.05
    for _ in range(10):
        simple = shapely.set_precision(full.simplify(tolerance, preserve_topology=True), 0.001)
        if not simple.is_empty:
            text = json.dumps(mapping(simple), separators=(",", ":"))
            if len(text) <= max_chars:
                return json.loads(text)
        tolerance *= 2
    return mapping(shapely.box(*full.bounds))


@dataclass
class Filters:
    dates: tuple[dt.date, dt.date] | None = None
    event_types: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    precisions: list[int] = field(default_factory=list)
    query: str = ""
    background: bool = False
    rejected: bool = False  # events an analyst rejected (review layer): hidden unless asked
    sub_event_types: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    # (lowest, highest) fatalities, inclusive; None = any. An event without a figure counts as 0.
    fatalities: tuple[int, int] | None = None


def apply_filters(events: pd.DataFrame, filters: Filters, dates: bool = True) -> pd.DataFrame:
    """The events the sidebar asks for (empty selections mean "all"); ``dates=False`` leaves the
    date range out (the timeline draws the whole period and marks the slider's range)."""
    keep = pd.Series(True, index=events.index)
    if not filters.background:
        keep &= ~events["background"]
    if not filters.rejected and "review_status" in events:
        keep &= events["review_status"] != "rejected"
    if dates and filters.dates is not None:
        start, end = filters.dates
        keep &= (events["date"] >= start) & (events["date"] <= end)
    for name, columns in store_view.FILTER_COLUMNS.items():  # the same definition as the archive's SQL
        if chosen := list(getattr(filters, name)):
            matched = pd.Series(False, index=events.index)
            for column in columns:
                matched |= events[column].isin(chosen)
            keep &= matched
    if filters.fatalities is not None:
        low, high = filters.fatalities
        deaths = pd.to_numeric(events["fatalities"], errors="coerce").fillna(0)
        keep &= (deaths >= low) & (deaths <= high)
    query = search_key(filters.query)
    if query:
        haystack = events["search_text"] if "search_text" in events else search_text(events)
        keep &= haystack.str.contains(query, regex=False)
    return events[keep]


def actor_options(events: pd.DataFrame) -> list[str]:
    """The actors named in the events (either side), most frequent first."""
    both = pd.concat([events["actor1"], events["actor2"]]).dropna().astype(str)
    both = both[both.str.strip() != ""]
    counts = both.value_counts()
    return sorted(counts.index, key=lambda a: (-counts[a], a.casefold()))


def country_name(code: str, lang: str) -> str:
    """A country's name in the UI language (CLDR through babel), the code itself when unknown."""
    from babel import Locale

    names = Locale.parse(lang).territories
    return str(names.get(str(code).upper(), code))


def max_fatalities(events: pd.DataFrame) -> int:
    deaths = pd.to_numeric(events["fatalities"], errors="coerce").dropna()
    return int(deaths.max()) if not deaths.empty else 0


# Bins of the timeline: the first whose count of bins over the period stays under TIMELINE_BINS.
TIMELINE_FREQS = (("D", 1), ("W", 7), ("M", 30.44), ("Y", 365.25))
TIMELINE_BINS = 120


def timeline_freq(low: dt.date, high: dt.date) -> str:
    """The bin of the timeline over [low, high]: day, week, month or year (pandas period codes)."""
    days = (high - low).days + 1
    for freq, length in TIMELINE_FREQS:
        if days / length <= TIMELINE_BINS:
            return freq
    return "Y"


def timeline_counts(events: pd.DataFrame, freq: str) -> pd.DataFrame:
    """Events and fatalities per bin (``freq``: D, W, M or Y) and event type: columns ``start``
    (the bin's first day, a Timestamp), ``event_type``, ``events``, ``fatalities``.

    An event with an end date (a war "từ tháng 2/1988 đến tháng 5/1994") counts in every bin it
    spans, its fatalities in its first: a six-year war is six years of bars, not one bar."""
    columns = ["start", "event_type", "events", "fatalities"]
    if events.empty:
        return pd.DataFrame(columns=columns)
    starts = events["event_date"].dt.to_period(freq)
    ends = pd.to_datetime(events["date_end"], errors="coerce").dt.to_period(freq)
    deaths = pd.to_numeric(events["fatalities"], errors="coerce").fillna(0).astype(int)
    frame = pd.DataFrame(
        {"period": starts, "event_type": events["event_type"].to_numpy(), "events": 1, "fatalities": deaths}
    )
    # the bins after the first of the events that span several (few: a loop over them only)
    spans = ends.notna() & (ends > starts)
    spanning = zip(starts[spans], ends[spans], events.loc[spans, "event_type"], strict=True)
    extra = [
        (start + k, event_type, 1, 0)
        for start, end, event_type in spanning
        for k in range(1, min((end - start).n, 2_000) + 1)
    ]
    if extra:
        frame = pd.concat([frame, pd.DataFrame(extra, columns=frame.columns)], ignore_index=True)
    counts = frame.groupby(["period", "event_type"], as_index=False)[["events", "fatalities"]].sum()
    counts["start"] = counts["period"].dt.start_time
    return counts[columns]


def date_bounds(events: pd.DataFrame, background: bool) -> tuple[dt.date, dt.date]:
    """The slider's range: the dates of the events that can be shown."""
    dates = events["date"] if background else events.loc[~events["background"], "date"]
    if dates.empty:
        dates = events["date"]
    if dates.empty:
        today = dt.date.today()
        return today, today
    return dates.min(), dates.max()


def reextract_mentioning(names: Iterable[str], store: EventStore, extractor: Extractor) -> int:
    """Extract again, and replace, the stored articles whose text contains one of ``names``."""
    ids: set[str] = set()
    for name in names:
        rows = store.con.execute("SELECT id FROM articles WHERE instr(lower(text), lower(?)) > 0", (name,))
        ids.update(r[0] for r in rows)
    for article_id in sorted(ids):
        row = store.con.execute(
            "SELECT text, path, title, source, url, language, published, outlet FROM articles WHERE id = ?",
            (article_id,),
        ).fetchone()
        text, path, title, source, url, language, published, outlet = row
        meta = {"title": title, "source": source, "url": url, "language": language}
        article = article_from_text(
            text, path=path, published=published, meta={k: v for k, v in meta.items() if v}
        )
        store.add(extractor.extract(article), article.text, replace=True, outlet=outlet)
    return len(ids)


def highlighted_article(text: str, places: pd.DataFrame, sentence: tuple[int, int] | None) -> str:
    """The article as HTML: every place mention in <mark>, the event's sentence underlined.

    The text is untrusted: it is escaped piece by piece, and only our tags are added.
    """
    marks = {(int(s), int(e)) for s, e in zip(places["start"], places["end"], strict=True)}
    cuts = sorted({0, len(text), *(x for m in marks for x in m), *(sentence or ())})
    # how many marks cover each cut: a piece is in a mark when its start is (pieces are cut at
    # every boundary), one sweep instead of a scan of every mark for every piece
    change = dict.fromkeys(cuts, 0)
    for s, e in marks:
        change[s] += 1
        change[e] -= 1
    depth = 0
    pieces = []
    for a, b in pairwise(cuts):
        depth += change[a]
        if sentence and a == sentence[0]:
            pieces.append('<span class="dd-sentence">')
        chunk = html.escape(text[a:b]).replace("\n", "<br>")
        if depth > 0:
            chunk = f'<mark class="dd-place">{chunk}</mark>'
        pieces.append(chunk)
        if sentence and b == sentence[1]:
            pieces.append("</span>")
    return "".join(pieces)


@dataclass
class LookupReport:
    """What an online look-up did: ``found`` (name asked, place stored), ``missing`` (names
    Nominatim does not know, or whose answer could not be stored), ``failed`` (why the service
    could not be asked) and ``not_asked`` (the names left when it failed, or past the limit)."""

    found: list[tuple[str, str]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    failed: str | None = None
    not_asked: list[str] = field(default_factory=list)


def online_geocoder(gazetteer: Gazetteer, url: str | None = None) -> LocalGazetteer:
    """A geocoder that asks the Nominatim at ``url`` (default :data:`NOMINATIM`) and stores what
    it finds in ``gazetteer``'s user layer."""
    parts = urlsplit(url or NOMINATIM)
    return LocalGazetteer(
        gazetteer, nominatim_domain=parts.netloc + parts.path.rstrip("/"), nominatim_scheme=parts.scheme
    )


def look_up_online(
    names: Iterable[str], geocoder: LocalGazetteer, limit: int = MAX_ONLINE_LOOKUPS
) -> LookupReport:
    """Ask the online geocoder for each name (once each, in order, at most ``limit``); stops at
    the first failure to reach it (offline: the next would fail too)."""
    unique: dict[str, str] = {}
    for name in names:
        name = " ".join(str(name).split())
        if name and name.casefold() not in unique:
            unique[name.casefold()] = name
    queue = list(unique.values())
    report = LookupReport(not_asked=queue[limit:])
    for i, name in enumerate(queue[:limit]):
        try:
            place = geocoder.ask_online(name)
        except OnlineLookupFailed as exc:
            report.failed = str(exc)
            report.not_asked = queue[i:]
            break
        except InvalidPlace:
            place = None
        if place is None:
            report.missing.append(name)
        else:
            report.found.append((name, place.name))
    return report
