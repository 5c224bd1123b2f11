"""The dashboard on an archive: every question asked of the store, never every event in memory.

Up to :data:`ARCHIVE_EVENTS` stored events the app holds the events in frames (filters, feed,
timeline and the map's markers are computed from them in memory: fastest at that size). Past
it, the app switches to the questions of this module, all answered by SQLite from its indexes
(``store/view.py``: the R*Tree for the map's view, the date index for the feed):

- the filters' choices (dates, types, countries, actors, most fatalities): :func:`options`;
- the count shown and the feed's pages (the latest incidents, LIMIT; an older page from the
  cursor where the one before stopped): :func:`feed_frame`;
- the timeline: incidents and fatalities per day and type, from the summaries
  (:func:`summary_timeline`) or the per-day counts (GROUP BY): :func:`timeline_counts`;
- the map: the view's markers or counts per cell (:func:`map_view`; from zoom
  ``store.view.DETAIL_ZOOM`` markers only, a crowded view's latest), the clicked event's popup;
- the detail panel and the table: the incidents of an article or of the feed's page, with the
  analyst's decisions applied (:func:`incidents_of`).

The filters mean what they mean on the frames (``store.view.FILTER_COLUMNS``, an event's first
day in the date range, the search's keys ignoring case and accents: ``store.view.search_key``).
A rejected report is hidden unless asked, as on the frames (``store.view.hide``). What the
archive mode does not do (yet): a review edit that moves or retypes an event, or a merge of
incidents, shows on the map and in the counts with the extracted values (the detail panel, feed
and table show the edited ones); an event's end date does not fill the
timeline's later bins; a search of one or two characters matches case but not accents (shorter
than a trigram of the search index: SQL ``LIKE``); and the table and its downloads hold the
latest :data:`TABLE_ROWS` incidents of the filters (``python -m store export`` writes them all).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import replace

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
# The feed's page on an archive: its latest incidents (each of a filter or slider change's pages
# is read and merged anew: 400 cost about 70 ms of CPU at a million events, 100 a quarter of it).
FEED_ROWS = 100


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
        starts=True,  # the dates bound an event's first day, as dashboard.data.apply_filters does
        rejected=filters.rejected,
    )


def incidents_of(store: EventStore, where: str, params: list, search_text: bool = True) -> pd.DataFrame:
    """The incidents whose reports match ``where`` (on the events aliased ``e``), one row each
    as :func:`dashboard.data.events_frame` gives them: every report of each, the analyst's
    decisions applied, ``date`` and (unless ``search_text`` is False: the feed does not search)
    ``search_text`` added. For a few incidents, not the store."""
    frame = pd.read_sql_query(
        "SELECT e.*, a.title AS article_title, a.published AS article_published, "
        "a.ingested_at AS article_ingested_at FROM events e JOIN articles a ON a.id = e.article_id "
        f"WHERE e.incident IN (SELECT e.incident FROM events e WHERE {where}) "
        "ORDER BY e.event_date, e.event_id",
        store.con,
        params=params,
        dtype=object,  # merge reads every value of every row: plain objects, not Arrow strings (3x faster)
    )
    frame = review.apply(frame, review.load(store.con, set(frame["article_id"])))
    frame = merge(frame)
    frame["event_date"] = pd.to_datetime(frame["event_date"])
    frame["background"] = frame["background"].astype(bool)
    frame = frame[frame["event_date"].notna()].reset_index(drop=True)
    frame["date"] = frame["event_date"].dt.date
    if search_text:
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


def feed_frame(
    store: EventStore,
    q: store_view.ViewQuery,
    limit: int,
    summary: pd.DataFrame | None = None,
    search_text: bool = True,
    after: tuple[str, str] | None = None,
    skip: frozenset[str] = frozenset(),
    offset: int = 0,
) -> pd.DataFrame:
    """The ``limit`` latest incidents of ``q`` (the feed's page, the table's rows), with their
    ``search_text`` unless told not to (:func:`incidents_of`). A later page: from the cursor
    ``after``, past the ``skip`` incidents, ``offset`` incidents after the first
    (:func:`store.view.latest_page`). The frame's ``attrs`` hold the next page's cursor
    (``next``, None at the end) and the page's incident keys (``incidents``)."""
    # the events that begin in the range: the date index stops the walk at its first day, or,
    # for a rare type, at the first month the summary says holds enough of them
    q = replace(q, starts=True)
    if summary is not None and summarizable(q):
        # counted: the range's months up to its last whole one (a later partial month would
        # count days after the range, and start the walk too late)
        lower = q.date_from[:7] if q.date_from else None
        upper = None
        if q.date_to:
            end = dt.date.fromisoformat(q.date_to[:10])
            upper = _month(end if end == _month_end(end) else end.replace(day=1) - dt.timedelta(days=1))
        rows = _rows(summary, q, (lower, upper))
        per_month = rows.groupby("month")["incidents"].sum().sort_index(ascending=False).cumsum()
        enough = per_month[per_month >= offset + limit]
        anywhere = _rows(summary, q, (None, None))["month"]
        if anywhere.empty:  # no event of these filters in any month: nothing to walk the index for
            return incidents_of(store, "0", [], search_text)
        start = (enough.index[0] if not enough.empty else anywhere.min()) + "-01"
        q = replace(q, date_from=max(q.date_from or start, start))
    ids, cursor, keys = store_view.latest_page(store, q, limit, after, skip)
    if not ids:
        return incidents_of(store, "0", [], search_text)
    frame = incidents_of(store, f"e.event_id IN ({','.join('?' * len(ids))})", ids, search_text)
    if not q.rejected:  # a rejected report of a shown incident: its own row now, hidden
        frame = frame[frame["review_status"] != "rejected"]
    frame = frame.sort_values(["event_date", "event_id"], ascending=[False, True]).reset_index(drop=True)
    frame.attrs.update(next=cursor, incidents=keys)
    return frame


def timeline_counts(store: EventStore, q: store_view.ViewQuery, freq: str) -> pd.DataFrame:
    """Incidents and fatalities per bin (``freq``: D, W, M or Y) and event type, as
    :func:`dashboard.data.timeline_counts` gives them, from the store's counts per day (the
    per-day counts the triggers keep, when they hold ``q``'s filters)."""
    aggregated = store_view.aggregable(q)
    rows = store_view.agg_day_counts(store, q) if aggregated else store_view.day_counts(store, q)
    columns = ["start", "event_type", "events", "fatalities"]
    if not rows:
        return pd.DataFrame(columns=columns)
    days = pd.DataFrame(rows, columns=["day", "event_type", "events", "fatalities"])
    days["period"] = pd.to_datetime(days["day"], errors="coerce").dt.to_period(freq)
    counts = days.dropna(subset=["period"]).groupby(["period", "event_type"], as_index=False)
    counts = counts[["events", "fatalities"]].sum()
    counts["start"] = counts["period"].dt.start_time
    return counts[columns]


def map_rows(
    store: EventStore, q: store_view.ViewQuery, zoom: float, lang: str, summary: pd.DataFrame | None = None
) -> tuple[list[list], list[list], int]:
    """The map's view (:func:`store.view.view`): marker rows as :class:`MapData` makes them
    (lat, lon, style, approximate, tooltip, id), or counts per cell (lat, lon, count, south,
    west, north, east); and the incidents in the view. At zoom :data:`SUMMARY_ZOOM` or less
    the cells come from the ``summary`` (:func:`summary`) where it can answer."""
    rows, cells, total, _ = map_view(store, q, zoom, lang, summary)
    return rows, cells, total


def map_view(
    store: EventStore, q: store_view.ViewQuery, zoom: float, lang: str, summary: pd.DataFrame | None = None
) -> tuple[list[list], list[list], int, bool]:
    """:func:`map_rows`, and whether the markers are only the view's latest incidents (a
    crowded view zoomed in: :data:`store.view.DETAIL_ZOOM`)."""
    found = None
    if summary is not None and zoom <= SUMMARY_ZOOM and summarizable(q):
        found = summary_cells(store, summary, q, zoom)
    if found is None:
        found = store_view.view(store, q, zoom)
    if found["kind"] == "cells":
        cells = [
            [c["lat"], c["lon"], c["count"], c["south"], c["west"], c["north"], c["east"]]
            for c in found["items"]
        ]
        return [], cells, found["total"], False
    rows = [_marker_row(m, lang) for m in found["items"]]
    return rows, [], found["total"], bool(found.get("latest"))


def _marker_row(m: dict, lang: str) -> list:
    day = (m["event_date"] or "")[:10]
    shown = dt.date.fromisoformat(day).strftime("%d/%m/%Y") if day else ""
    tooltip = f"{shown} · {m['location'] or ''} · {sub_event_label(m['sub_event_type'], lang)}"
    style = STYLE_INDEX.get(m["event_type"], len(STYLE))
    approximate = int(m["geo_precision"] or 1) > 1
    return [float(m["latitude"]), float(m["longitude"]), style, approximate, tooltip, m["id"]]


def marker_row(store: EventStore, event_id: str, lang: str) -> list | None:
    """The marker row of one event (as :func:`map_view` gives them), None when it is not stored
    or not placed: the selected event drawn beside a view that does not hold it (a crowded
    view's latest incidents, from the detail zoom on, may be newer than it)."""
    columns = ", ".join(("event_id", *store_view.MARKER_FIELDS[1:]))
    row = store.con.execute(
        f"SELECT {columns} FROM events WHERE event_id = ? AND latitude IS NOT NULL AND longitude IS NOT NULL",
        [event_id],
    ).fetchone()
    return (
        None
        if row is None
        else _marker_row(dict(zip(("id", *store_view.MARKER_FIELDS[1:]), row, strict=True)), lang)
    )


def popup_html(store: EventStore, event_id: str, lang: str) -> tuple[str, list[float] | None] | None:
    """The popup of one clicked or selected event and its point (None when it is not placed);
    None when it is not stored."""
    events = incidents_of(store, "e.event_id = ?", [event_id])
    if events.empty:
        return None
    event = events.iloc[0]
    located = pd.notna(event["latitude"]) and pd.notna(event["longitude"])
    point = [float(event["latitude"]), float(event["longitude"])] if located else None
    return event_popup(event, lang), point


# --------------------------------------------------------------------------- the summary
# Counting a million events takes SQLite over a second, whatever the index: the counts the
# page asks at every filter change (the total, the world's cells, the timeline) come from the
# store's per-day counts (store.view.AGG_TABLE: incidents per day, type, sub-event type,
# country, precision, background flag and cell of a coarse grid, zoom SUMMARY_ZOOM: 2.8°, kept
# by triggers as events come and go), and from their months, read once per data version into
# a frame (the summary). A date range is its whole months from the summary plus its partial
# months at both ends from the per-day counts (their key starts with the day: a range scan).
# Filters the counts do not hold (actors, fatalities, search) ask the events. An incident
# counts in the group of its first report: with filters, one whose first report does not pass
# them and another does (another type, precision or cell) is not counted, where the events'
# count has it (a few in a thousand).

SUMMARY_ZOOM = store_view.AGG_ZOOM
_KEYS = ("month", "event_type", "sub_event_type", "country", "geo_precision", "background", "ci", "cj")


def summary(store: EventStore, days: bool = False) -> pd.DataFrame:
    """Incidents (and reports, fatalities, the sums of their points) per group of :data:`_KEYS`,
    from the store's per-day counts (:data:`store.view.AGG_TABLE`); with the differences the
    rejected reports make (rows whose ``delta`` is "hidden" or "shown": :func:`store.view.agg_source`).
    ``days``: incidents, reports and fatalities per day (the ``month`` column holds the day),
    type, sub-event type and background flag only (:data:`_DAY_KEYS`): the timeline's days and
    weeks for the type filters without a scan of the per-day counts at each change (their
    GROUP BY takes a quarter of a second at a million events); a few thousand rows a year."""
    keys = ", ".join(_DAY_KEYS if days else _KEYS[1:])
    period = 10 if days else 7
    sums = "SUM(incidents) AS incidents, SUM(reports) AS reports, SUM(fatalities) AS fatalities"
    if not days:
        sums += ", SUM(lat_sum) AS lat_sum, SUM(lon_sum) AS lon_sum, SUM(located) AS located"
    frame = pd.read_sql_query(
        f"SELECT substr(day, 1, {period}) AS month, {keys}, {sums} FROM {store_view.AGG_TABLE} "
        f"GROUP BY 1, {keys}",
        store.con,
    )
    frame["delta"] = ""
    hidden = store_view.hidden_rowids(store)
    for shown in (False, True) if hidden else ():
        with_sql, _, params = store_view.agg_source(store_view.ViewQuery(hidden=hidden, rejected=shown))
        delta = pd.read_sql_query(
            f"{with_sql}SELECT substr(day, 1, {period}) AS month, {keys}, {sums} FROM hidden_delta "
            f"GROUP BY 1, {keys}",
            store.con,
            params=params,
        )
        delta["delta"] = "shown" if shown else "hidden"
        frame = pd.concat([frame, delta], ignore_index=True)
    frame["background"] = frame["background"].astype(bool)
    for column in ("event_type", "sub_event_type", "country", "delta"):  # masks of codes, not strings
        if column in frame:
            frame[column] = frame[column].astype("category")
    return frame


_DAY_KEYS = ("event_type", "sub_event_type", "background")


def summary_covers(summary: pd.DataFrame, q: store_view.ViewQuery) -> bool:
    """Whether ``summary`` holds what ``q`` filters on (the days' summary holds no country nor
    precision)."""
    if not summarizable(q):
        return False
    return all(
        set(store_view.FILTER_COLUMNS[name]) <= set(summary.columns)
        for name in store_view.AGG_FILTERS
        if getattr(q, name)
    )


def summarizable(q: store_view.ViewQuery) -> bool:
    """Whether the summary holds what ``q`` filters on."""
    return store_view.aggregable(q)


def _month(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def _month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def split(q: store_view.ViewQuery) -> tuple[tuple[str | None, str | None] | None, list[store_view.ViewQuery]]:
    """``q``'s dates as whole months for the summary (first, last: inclusive, None for open;
    None when no whole month is in the range) and the queries of the days left at both ends."""
    start = dt.date.fromisoformat(q.date_from[:10]) if q.date_from else None
    end = dt.date.fromisoformat(q.date_to[:10]) if q.date_to else None
    first = None if start is None else start if start.day == 1 else _month_end(start) + dt.timedelta(days=1)
    last = (
        None if end is None else end if end == _month_end(end) else end.replace(day=1) - dt.timedelta(days=1)
    )
    if first is not None and last is not None and first > last:  # no whole month: all days
        return None, [replace(q, starts=True)]
    edges = []
    if start is not None and first != start:
        edges.append(replace(q, date_to=(first - dt.timedelta(days=1)).isoformat(), starts=True))
    if end is not None and last != end:
        edges.append(replace(q, date_from=(last + dt.timedelta(days=1)).isoformat(), starts=True))
    return (None if first is None else _month(first), None if last is None else _month(last)), edges


def _rows(
    summary: pd.DataFrame, q: store_view.ViewQuery, months: tuple[str | None, str | None]
) -> pd.DataFrame:
    keep = pd.Series(True, index=summary.index)
    if months[0]:
        keep &= summary["month"] >= months[0]
    if months[1]:
        keep &= summary["month"] <= months[1]
    for name in store_view.AGG_FILTERS:
        if chosen := list(getattr(q, name)):
            matched = pd.Series(False, index=summary.index)
            for column in store_view.FILTER_COLUMNS[name]:
                matched |= summary[column].isin(chosen)
            keep &= matched
    if not q.background:
        keep &= ~summary["background"]
    if "delta" in summary:  # the differences the rejected reports make, hidden or shown
        keep &= summary["delta"].isin(["", "shown" if q.rejected else "hidden"])
    return summary[keep]


def summary_total(store: EventStore, summary: pd.DataFrame, q: store_view.ViewQuery) -> int:
    """:func:`store.view.total` from the summary and the ends of the range."""
    months, edges = split(q)
    n = 0 if months is None else int(_rows(summary, q, months)["incidents"].sum())
    return n + sum(store_view.agg_total(store, edge) for edge in edges)


def summary_cells(store: EventStore, summary: pd.DataFrame, q: store_view.ViewQuery, zoom: float) -> dict:
    """A view's counts per cell (as :func:`store.view.view` gives cells) from the summary and
    the ends of the range; a summary cell counts in the view when its events' mean point does."""
    size = store_view.cell_size(zoom)
    months, edges = split(q)
    out: dict[tuple[int, int], list[float]] = {}  # (i, j) -> incidents, reports, lat sum, lon sum
    if months is not None:
        rows = _rows(summary, q, months)
        rows = rows[rows["located"] != 0]  # a difference the rejected reports make is negative
        lat, lon = rows["lat_sum"] / rows["located"], rows["lon_sum"] / rows["located"]
        inside = pd.Series(False, index=rows.index)
        for box in q.boxes():
            inside |= lat.between(box.south, box.north) & lon.between(box.west, box.east)
        rows, lat, lon = rows[inside], lat[inside], lon[inside]
        keys = pd.DataFrame(
            {"i": ((lat + 90) // size).astype(int), "j": ((lon + 180) // size).astype(int),
             "n": rows["incidents"], "r": rows["located"], "la": rows["lat_sum"], "lo": rows["lon_sum"]}
        )  # fmt: skip
        for (i, j), g in keys.groupby(["i", "j"]):
            out[(int(i), int(j))] = [g["n"].sum(), g["r"].sum(), g["la"].sum(), g["lo"].sum()]
    for edge in edges:  # the days of the partial months, from the per-day counts' coarse cells
        for _, _, n, located, lat_sum, lon_sum in store_view.agg_cells(store, edge):
            lat, lon = lat_sum / located, lon_sum / located
            if not any(b.south <= lat <= b.north and b.west <= lon <= b.east for b in q.boxes()):
                continue
            cell = out.setdefault((int((lat + 90) // size), int((lon + 180) // size)), [0, 0, 0.0, 0.0])
            cell[0] += n
            cell[1] += located
            cell[2] += lat_sum
            cell[3] += lon_sum
    items = []
    for (i, j), (n, reports, la, lo) in out.items():
        if n <= 0 or reports <= 0:
            continue
        items.append({"count": int(n), "reports": int(reports), "lat": la / reports, "lon": lo / reports,
                      "south": i * size - 90, "west": j * size - 180, "north": min(90.0, (i + 1) * size - 90),
                      "east": min(180.0, (j + 1) * size - 180)})  # fmt: skip
    total = sum(c["count"] for c in items)
    if total <= store_view.MAX_MARKERS:  # few enough to draw one by one
        return store_view.view(store, q, zoom)
    return {"kind": "cells", "total": total, "items": items}


def summary_timeline(summary: pd.DataFrame, q: store_view.ViewQuery, freq: str) -> pd.DataFrame:
    """:func:`timeline_counts` from the summary (``q`` without dates): by month or year
    (``freq`` M or Y) from the months' summary, by any bin from the days' (``summary(days=True)``)."""
    rows = _rows(summary, q, (None, None))
    columns = ["start", "event_type", "events", "fatalities"]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    # summed per month or day and type first: a few thousand dates to read, not every group's
    grouped = rows.groupby(["month", "event_type"], observed=True, as_index=False)
    per = grouped[["incidents", "reports", "fatalities"]].sum()
    per = per[per["reports"] > 0]  # as store.view.agg_day_counts: a day the rejected reports empty
    first = per["month"].astype(str)
    start = pd.to_datetime(first.where(first.str.len() > 7, first + "-01"))
    frame = pd.DataFrame(
        {"period": start.dt.to_period(freq), "event_type": per["event_type"].astype(str),
         "events": per["incidents"], "fatalities": per["fatalities"]}
    )  # fmt: skip
    counts = frame.groupby(["period", "event_type"], as_index=False)[["events", "fatalities"]].sum()
    counts["start"] = counts["period"].dt.start_time
    return counts[columns]


def first_and_last(
    store: EventStore, q: store_view.ViewQuery, summary: pd.DataFrame | None = None
) -> tuple[dt.date, dt.date] | None:
    """The first and last day of ``q``'s events, read from the date index's two ends (inside
    the first and last month the ``summary`` gives, when it can answer), or from the ends of
    the per-day counts when they hold ``q``'s filters."""
    if store_view.aggregable(q):
        found = store_view.agg_first_and_last(store, replace(q, starts=True))
        return None if found is None else (dt.date.fromisoformat(found[0]), dt.date.fromisoformat(found[1]))
    if summary is not None and summarizable(q) and not (q.date_from or q.date_to):
        months = _rows(summary, q, (None, None))["month"]
        if months.empty:
            return None
        low = dt.date.fromisoformat(months.min() + "-01")
        high = _month_end(dt.date.fromisoformat(months.max() + "-01"))
        q = replace(q, date_from=low.isoformat(), date_to=high.isoformat(), starts=True)
    where, params = store_view.filters_sql(q)
    days = []
    for order in ("ASC", "DESC"):
        row = store.con.execute(
            f"SELECT substr(e.event_date, 1, 10) FROM events e WHERE {where} AND e.event_date IS NOT NULL "
            f"ORDER BY e.event_date {order} LIMIT 1",
            params,
        ).fetchone()
        if row is None:
            return None
        days.append(dt.date.fromisoformat(row[0]))
    return days[0], days[1]
