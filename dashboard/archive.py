"""The dashboard on an archive: every question asked of the store, never every event in memory.

Up to :data:`ARCHIVE_EVENTS` stored events the app holds the events in frames (filters, feed,
timeline and the map's markers are computed from them in memory: fastest at that size). Past
it, the app switches to the questions of this module, all answered by SQLite from its indexes
(``store/view.py``: the R*Tree for the map's view, the date index for the feed):

- the filters' choices (dates, types, countries, actors, most fatalities): :func:`options`;
- the count shown and the feed's page (the latest incidents, LIMIT): :func:`feed_frame`;
- the timeline: incidents and fatalities per day and type (GROUP BY): :func:`timeline_counts`;
- the map: the view's markers or counts per cell (:func:`map_rows`), the clicked event's popup;
- the detail panel and the table: the incidents of an article or of the feed's page, with the
  analyst's decisions applied (:func:`incidents_of`).

What the archive mode does not do (yet): the search matches case but not accents ("phao kich"
does not find "pháo kích": SQL ``LIKE``), a review edit that moves or retypes an event shows on
the map and in the counts with its extracted values (the detail panel and table show the
edited ones), an event's end date does not fill the timeline's later bins, and the table and
its downloads hold the latest :data:`TABLE_ROWS` incidents of the filters (``python -m store
export`` writes them all).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from dashboard import data
from dashboard.i18n import sub_event_label
from dashboard.mapview import STYLE, STYLE_INDEX, event_popup
from store import review
from store import view as store_view
from store.db import EventStore
from store.incidents import merge

# More stored events than this: the archive mode (the frames of 10,000 events take about
# 0.2 GB and 3 s to load, and grow with the store).
ARCHIVE_EVENTS = 50_000
TABLE_ROWS = 1_000


def is_archive(store: EventStore, limit: int = ARCHIVE_EVENTS) -> bool:
    """Whether the store holds more than ``limit`` events (counted no further than that)."""
    sql = "SELECT COUNT(*) FROM (SELECT 1 FROM events LIMIT ?)"
    return store.con.execute(sql, [limit + 1]).fetchone()[0] > limit


def options(store: EventStore) -> dict:
    """The filters' choices (:func:`store.view.options`), dates as ``datetime.date``."""
    found = store_view.options(store)
    for key, (low, high) in found["dates"].items():
        if low is None:
            today = dt.date.today()
            found["dates"][key] = (today, today)
        else:
            found["dates"][key] = (dt.date.fromisoformat(low), dt.date.fromisoformat(high))
    return found


def query(filters: data.Filters, dates: bool = True, bounds: dict | None = None) -> store_view.ViewQuery:
    """The store's question for the sidebar's ``filters`` (``dates=False``: the date range left
    out) in the map's ``bounds`` (``{"south", "west", "north", "east"}``; None: the world)."""
    start, end = filters.dates if dates and filters.dates else (None, None)
    return store_view.ViewQuery(
        **(bounds or {}),
        date_from=start.isoformat() if start else None,
        date_to=end.isoformat() if end else None,
        event_types=tuple(filters.event_types),
        sub_event_types=tuple(filters.sub_event_types),
        countries=tuple(filters.countries),
        precisions=tuple(int(p) for p in filters.precisions),
        actors=tuple(filters.actors),
        fatalities=filters.fatalities,
        background=filters.background,
        text=filters.query.strip() or None,
    )


def incidents_of(store: EventStore, where: str, params: list) -> pd.DataFrame:
    """The incidents whose reports match ``where`` (on the events aliased ``e``), one row each
    as :func:`dashboard.data.events_frame` gives them: every report of each, the analyst's
    decisions applied, ``date`` and ``search_text`` added. For a few incidents, not the store."""
    frame = pd.read_sql_query(
        "SELECT e.*, a.title AS article_title, a.published AS article_published, "
        "a.ingested_at AS article_ingested_at FROM events e JOIN articles a ON a.id = e.article_id "
        f"WHERE e.incident IN (SELECT e.incident FROM events e WHERE {where}) "
        "ORDER BY e.event_date, e.event_id",
        store.con,
        params=params,
    )
    frame = review.apply(frame, review.load(store.con, set(frame["article_id"])))
    frame = merge(frame)
    frame["event_date"] = pd.to_datetime(frame["event_date"])
    frame["background"] = frame["background"].astype(bool)
    frame = frame[frame["event_date"].notna()].reset_index(drop=True)
    frame["date"] = frame["event_date"].dt.date
    frame["search_text"] = data.search_text(frame)
    return frame


def article_frames(store: EventStore, event_id: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """For the detail panel: the incidents of the selected event's article (and of the
    incidents it shares) and that article's place mentions, with their sentences' offsets."""
    events = incidents_of(
        store, "e.article_id = (SELECT article_id FROM events WHERE event_id = ?)", [event_id]
    )
    places = pd.read_sql_query(
        "SELECT p.*, a.title, a.path, a.published FROM places p JOIN articles a ON a.id = p.article_id "
        "WHERE p.article_id = (SELECT article_id FROM events WHERE event_id = ?) ORDER BY p.ordinal",
        store.con,
        params=[event_id],
    )
    places["sentence_start"], places["sentence_end"] = data.sentence_spans(store, places)
    return events, places


def feed_frame(store: EventStore, q: store_view.ViewQuery, limit: int) -> pd.DataFrame:
    """The ``limit`` latest incidents of ``q`` (the feed's page, the table's rows)."""
    ids = [row["event_id"] for row in store_view.latest(store, q, limit)]
    if not ids:
        return incidents_of(store, "0", [])
    frame = incidents_of(store, f"e.event_id IN ({','.join('?' * len(ids))})", ids)
    return frame.sort_values(["event_date", "event_id"], ascending=[False, True]).reset_index(drop=True)


def timeline_counts(store: EventStore, q: store_view.ViewQuery, freq: str) -> pd.DataFrame:
    """Incidents and fatalities per bin (``freq``: D, W, M or Y) and event type, as
    :func:`dashboard.data.timeline_counts` gives them, from the store's counts per day."""
    rows = store_view.day_counts(store, q)
    columns = ["start", "event_type", "events", "fatalities"]
    if not rows:
        return pd.DataFrame(columns=columns)
    days = pd.DataFrame(rows, columns=["day", "event_type", "events", "fatalities"])
    days["period"] = pd.to_datetime(days["day"], errors="coerce").dt.to_period(freq)
    counts = days.dropna(subset=["period"]).groupby(["period", "event_type"], as_index=False)
    counts = counts[["events", "fatalities"]].sum()
    counts["start"] = counts["period"].dt.start_time
    return counts[columns]


def day_range(store: EventStore, q: store_view.ViewQuery) -> tuple[dt.date, dt.date] | None:
    """The first and last day of ``q``'s events (None when there is none)."""
    where, params = store_view.filters_sql(q)
    low, high = store.con.execute(
        f"SELECT MIN(substr(e.event_date, 1, 10)), MAX(substr(e.event_date, 1, 10)) FROM events e "
        f"WHERE {where} AND e.event_date IS NOT NULL",
        params,
    ).fetchone()
    return None if low is None else (dt.date.fromisoformat(low), dt.date.fromisoformat(high))


def map_rows(
    store: EventStore, q: store_view.ViewQuery, zoom: float, lang: str
) -> tuple[list[list], list[list], int]:
    """The map's view (:func:`store.view.view`): marker rows as :class:`MapData` makes them
    (lat, lon, style, approximate, tooltip, id), or counts per cell (lat, lon, count, south,
    west, north, east); and the incidents in the view."""
    found = store_view.view(store, q, zoom)
    if found["kind"] == "cells":
        cells = [
            [c["lat"], c["lon"], c["count"], c["south"], c["west"], c["north"], c["east"]]
            for c in found["items"]
        ]
        return [], cells, found["total"]
    rows = []
    for m in found["items"]:
        day = (m["event_date"] or "")[:10]
        shown = dt.date.fromisoformat(day).strftime("%d/%m/%Y") if day else ""
        tooltip = f"{shown} · {m['location'] or ''} · {sub_event_label(m['sub_event_type'], lang)}"
        style = STYLE_INDEX.get(m["event_type"], len(STYLE))
        approximate = int(m["geo_precision"] or 1) > 1
        rows.append([float(m["latitude"]), float(m["longitude"]), style, approximate, tooltip, m["id"]])
    return rows, [], found["total"]


def popup_html(store: EventStore, event_id: str, lang: str) -> str | None:
    """The popup of one clicked event (:func:`store.view.popup`), None when it is not stored."""
    events = incidents_of(store, "e.event_id = ?", [event_id])
    if events.empty:
        return None
    return event_popup(events.iloc[0], lang)
