"""The map's questions to the store, answered from an index: what is in this view?

The dashboard never needs every event: it needs the events inside the map's bounds, in the
date range and filters chosen, as individual markers when there are few enough, else as counts
per grid cell (the cell's size follows the zoom), and one event's popup when it is clicked.

The index is an R*Tree (SQLite's ``rtree`` module) over three dimensions: latitude, longitude
and the event's days (``event_date`` .. ``date_end``, as days since 1970). A view's bounds and
its date range are one box query, whatever the zoom: a small box at high zoom and a wide one
over a few days are both a walk of a few tree nodes (``bench/dashboard.py --events N``). The
tree stores 32-bit floats rounded outwards, so every query re-checks the exact columns of the
event it joins. Triggers keep the tree in step with ``events`` (``store.db``); a bulk load into
an empty store fills it once at the end, as it does the other secondary indexes.

Usage (``store`` is a :class:`store.db.EventStore`)::

    q = ViewQuery(south=39.0, west=45.0, north=41.0, east=48.0, date_from="2020-09-27",
                  date_to="2020-11-10", event_types=("Battles",))
    v = view(store, q, zoom=8)          # {"kind": "markers" | "cells", "total": N, "items": [...]}
    popup(store, v["items"][0]["id"])   # the clicked incident: its row and every report

Bounds with ``west > east`` cross the antimeridian. Counts are incidents (the reports of one
incident, which share a key in ``events.incident``, are one marker), as the map shows them.
"""

from __future__ import annotations

import json
import math
import sqlite3
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from store.db import EventStore

# Days since 1970 of an ISO date; an event without one spans every day (the exact check decides).
_DAY = "julianday({0}) - 2440587.5"
_NO_DAY = 1e7
GEO_TABLE = "events_geo"
GEO_SCHEMA = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {GEO_TABLE} USING rtree(id, lat0, lat1, lon0, lon1, day0, day1);"
)
_GEO_VALUES = (
    "{r}.rowid, {r}.latitude, {r}.latitude, {r}.longitude, {r}.longitude, "
    f"COALESCE({_DAY.format('{r}.event_date')}, {-_NO_DAY}), "
    f"COALESCE({_DAY.format('COALESCE({r}.date_end, {r}.event_date)')}, {_NO_DAY})"
)
_LOCATED = "{r}.latitude IS NOT NULL AND {r}.longitude IS NOT NULL"
GEO_TRIGGERS = {
    "events_geo_insert": f"CREATE TRIGGER IF NOT EXISTS events_geo_insert AFTER INSERT ON events "
    f"WHEN {_LOCATED.format(r='new')} "
    f"BEGIN INSERT INTO {GEO_TABLE} VALUES ({_GEO_VALUES.format(r='new')}); END;",
    "events_geo_delete": "CREATE TRIGGER IF NOT EXISTS events_geo_delete AFTER DELETE ON events "
    f"BEGIN DELETE FROM {GEO_TABLE} WHERE id = old.rowid; END;",
    "events_geo_update": "CREATE TRIGGER IF NOT EXISTS events_geo_update "
    "AFTER UPDATE OF latitude, longitude, event_date, date_end ON events "
    f"BEGIN DELETE FROM {GEO_TABLE} WHERE id = old.rowid; INSERT INTO {GEO_TABLE} "
    f"SELECT {_GEO_VALUES.format(r='new')} WHERE {_LOCATED.format(r='new')}; END;",
}
GEO_FILL = (
    f"DELETE FROM {GEO_TABLE}; INSERT INTO {GEO_TABLE} SELECT {_GEO_VALUES.format(r='events')} "
    f"FROM events WHERE {_LOCATED.format(r='events')};"
)

MAX_MARKERS = 1000  # more incidents than this in a view: counts per cell
REPORTS_PER_INCIDENT = 4  # beyond this many reports a marker, a view is drawn as cells unseen
CELLS_PER_TILE = 4  # a cell is a quarter of a 256-pixel map tile wide (64 pixels) at any zoom
# What a marker carries (the popup is fetched on click): the incident's first report's fields.
_MARKER = ("event_id", "event_date", "event_type", "sub_event_type", "geo_precision", "location", "latitude",
           "longitude")  # fmt: skip


@dataclass(frozen=True)
class ViewQuery:
    """The map's current view: bounds (degrees), dates (ISO, inclusive) and filters."""

    south: float = -90.0
    west: float = -180.0
    north: float = 90.0
    east: float = 180.0
    date_from: str | None = None
    date_to: str | None = None
    event_types: tuple[str, ...] = ()  # ACLED event or sub-event types
    countries: tuple[str, ...] = ()
    precisions: tuple[int, ...] = ()  # geo_precision values
    background: bool = False  # historical (background) events too
    text: str | None = None  # in the sentence, the place or the actors (case-insensitive)
    sub_event_types: tuple[str, ...] = ()  # ACLED sub-event types only
    actors: tuple[str, ...] = ()  # actor1 or actor2
    fatalities: tuple[int, int] | None = None  # lowest, highest (inclusive); no figure counts as 0
    # The dates bound the event's first day only, not its whole span (event_date..date_end): a
    # range the date index answers (an event that began before it is not in it).
    starts: bool = False

    def boxes(self) -> list[ViewQuery]:
        """One query per side of the antimeridian (bounds clamped to the world)."""
        south, north = max(-90.0, self.south), min(90.0, self.north)
        west, east = self.west, self.east
        if east - west >= 360:
            west, east = -180.0, 180.0
        west, east = _wrap(west), _wrap(east)
        if west <= east:
            return [replace(self, south=south, north=north, west=west, east=east)]
        return [replace(self, south=south, north=north, west=west, east=180.0),
                replace(self, south=south, north=north, west=-180.0, east=east)]  # fmt: skip


def _wrap(lon: float) -> float:
    return lon if -180 <= lon <= 180 else ((lon + 180) % 360) - 180


def _where(q: ViewQuery) -> tuple[str, list[Any]]:
    """The R*Tree box and the exact checks of one box query (no antimeridian crossing)."""
    day0 = -_NO_DAY if q.date_from is None else _days(q.date_from)
    day1 = _NO_DAY if q.date_to is None else _days(q.date_to)
    clauses = [
        "g.lat1 >= ? AND g.lat0 <= ? AND g.lon1 >= ? AND g.lon0 <= ? AND g.day1 >= ? AND g.day0 <= ?",
        "e.latitude BETWEEN ? AND ? AND e.longitude BETWEEN ? AND ?",
    ]
    params: list[Any] = [
        q.south,
        q.north,
        q.west,
        q.east,
        day0 - 1,
        day1 + 1,
        q.south,
        q.north,
        q.west,
        q.east,
    ]
    where, more = filters_sql(q)
    return " AND ".join([*clauses, where]), params + more


def filters_sql(q: ViewQuery) -> tuple[str, list[Any]]:
    """The checks of ``q``'s dates and filters on the events aliased ``e`` (not its bounds): for
    the questions that are not about a view (counts, the feed, the timeline)."""
    clauses: list[str] = ["1"]
    params: list[Any] = []
    if q.date_from:
        clauses.append("e.event_date >= ?" if q.starts else "COALESCE(e.date_end, e.event_date) >= ?")
        params.append(q.date_from)
    if q.date_to:
        clauses.append("e.event_date <= ?")
        params.append(q.date_to)
    if q.event_types:
        marks = ",".join("?" * len(q.event_types))
        clauses.append(f"(e.event_type IN ({marks}) OR e.sub_event_type IN ({marks}))")
        params += [*q.event_types, *q.event_types]
    if q.countries:
        clauses.append(f"e.country IN ({','.join('?' * len(q.countries))})")
        params += list(q.countries)
    if q.precisions:
        clauses.append(f"e.geo_precision IN ({','.join('?' * len(q.precisions))})")
        params += list(q.precisions)
    if not q.background:
        clauses.append("NOT COALESCE(e.background, 0)")
    if q.sub_event_types:
        clauses.append(f"e.sub_event_type IN ({','.join('?' * len(q.sub_event_types))})")
        params += list(q.sub_event_types)
    if q.actors:
        marks = ",".join("?" * len(q.actors))
        clauses.append(f"(e.actor1 IN ({marks}) OR e.actor2 IN ({marks}))")
        params += [*q.actors, *q.actors]
    if q.fatalities is not None:
        clauses.append("COALESCE(e.fatalities, 0) BETWEEN ? AND ?")
        params += [int(q.fatalities[0]), int(q.fatalities[1])]
    if q.text:
        pattern = "%" + q.text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        columns = ("notes", "place_surface", "location", "actor1", "actor2")
        clauses.append("(" + " OR ".join(f"e.{c} LIKE ? ESCAPE '\\'" for c in columns) + ")")
        params += [pattern] * len(columns)
    return " AND ".join(clauses), params


def _days(iso: str) -> float:
    import datetime

    return float((datetime.date.fromisoformat(iso[:10]) - datetime.date(1970, 1, 1)).days)


_FROM = f"FROM {GEO_TABLE} g JOIN events e ON e.rowid = g.id"


def count(store: EventStore, q: ViewQuery) -> int:
    """Incidents in the view."""
    total = 0
    for box in q.boxes():
        where, params = _where(box)
        total += store.con.execute(
            f"SELECT COUNT(DISTINCT e.incident) {_FROM} WHERE {where}", params
        ).fetchone()[0]
    return total


def markers(store: EventStore, q: ViewQuery, limit: int = MAX_MARKERS) -> list[dict]:
    """The incidents in the view, one marker each (its first event by id), at most ``limit``:
    ``id`` (for :func:`popup`), date, type, sub-event type, precision, place, lat, lon and
    ``n_reports``."""
    columns = ", ".join(f"e.{c}" for c in _MARKER)
    out: list[dict] = []
    for box in q.boxes():
        where, params = _where(box)
        # SQLite: with MIN(), the bare columns come from the row that holds the minimum
        sql = (f"SELECT MIN(e.event_id), {columns}, COUNT(DISTINCT e.article_id) {_FROM} "
               f"WHERE {where} GROUP BY e.incident LIMIT ?")  # fmt: skip
        for row in store.con.execute(sql, [*params, limit - len(out)]):
            marker = dict(zip(("id", *_MARKER[1:]), row[:1] + row[2:-1], strict=True))
            marker["n_reports"] = row[-1]
            out.append(marker)
        if len(out) >= limit:
            break
    return out


def cell_size(zoom: float) -> float:
    """Degrees of longitude a cell spans at a zoom level (Web Mercator tiles)."""
    return 360.0 / (2 ** max(0.0, min(zoom, 22.0)) * CELLS_PER_TILE)


def cells(store: EventStore, q: ViewQuery, zoom: float) -> list[dict]:
    """Incidents per grid cell of the view: ``count``, the cell's bounds, and the mean point
    of its events (where to draw the count), in a grid aligned on -90/-180 at any view."""
    size = cell_size(zoom)
    out: dict[tuple[int, int], dict] = {}
    for box in q.boxes():
        where, params = _where(box)
        sql = (f"SELECT CAST((e.latitude + 90) / ? AS INTEGER) AS i, "
               f"CAST((e.longitude + 180) / ? AS INTEGER) AS j, COUNT(DISTINCT e.incident), AVG(e.latitude), "
               f"AVG(e.longitude), COUNT(*) {_FROM} WHERE {where} GROUP BY i, j")  # fmt: skip
        for i, j, n, lat, lon, reports in store.con.execute(sql, [size, size, *params]):
            out[(i, j)] = {"count": n, "reports": reports, "lat": lat, "lon": lon, "south": i * size - 90,
                           "west": j * size - 180, "north": min(90.0, (i + 1) * size - 90),
                           "east": min(180.0, (j + 1) * size - 180)}  # fmt: skip
    return list(out.values())


def view(store: EventStore, q: ViewQuery, zoom: float, max_markers: int = MAX_MARKERS) -> dict:
    """What the map draws for a view: its incidents as markers when there are at most
    ``max_markers``, else counts per cell. ``{"kind", "total", "items"}``."""
    # Reports bound incidents from above: few reports, markers; many more, cells, without grouping
    # a large view by incident first.
    reports = 0
    for box in q.boxes():
        where, params = _where(box)
        bound = REPORTS_PER_INCIDENT * max_markers + 1 - reports
        sql = f"SELECT COUNT(*) FROM (SELECT 1 {_FROM} WHERE {where} LIMIT ?)"
        reports += store.con.execute(sql, [*params, bound]).fetchone()[0]
    if reports <= REPORTS_PER_INCIDENT * max_markers:
        found = markers(store, q, max_markers + 1)
        if len(found) <= max_markers:
            return {"kind": "markers", "total": len(found), "items": found}
    items = cells(store, q, zoom)
    return {"kind": "cells", "total": sum(c["count"] for c in items), "items": items}


def total(store: EventStore, q: ViewQuery) -> int:
    """Incidents that pass ``q``'s dates and filters anywhere (located or not; bounds ignored)."""
    where, params = filters_sql(q)
    sql = f"SELECT COUNT(DISTINCT e.incident) FROM events e WHERE {where}"
    return store.con.execute(sql, params).fetchone()[0]


def latest(store: EventStore, q: ViewQuery, limit: int) -> list[dict]:
    """The ``limit`` latest incidents that pass ``q``'s dates and filters (bounds ignored), newest
    first, as rows of the events table (each incident's first report): the feed's page, read
    from the date index instead of grouping every incident."""
    where, params = filters_sql(q)
    out: dict[str, dict] = {}
    # An incident's reports share its day: a few times ``limit`` rows hold ``limit`` incidents.
    sql = (f"SELECT e.*, (SELECT COUNT(DISTINCT r.article_id) FROM events r WHERE r.incident = e.incident) "
           f"AS n_reports FROM events e WHERE {where} AND e.event_date IS NOT NULL "
           f"ORDER BY e.event_date DESC, e.event_id LIMIT ?")  # fmt: skip
    cursor = store.con.execute(sql, [*params, REPORTS_PER_INCIDENT * limit])
    names = [d[0] for d in cursor.description]
    for row in cursor:
        event = dict(zip(names, row, strict=True))
        out.setdefault(event["incident"] or event["event_id"], event)
        if len(out) >= limit:
            break
    return list(out.values())


def day_counts(store: EventStore, q: ViewQuery) -> list[tuple[str, str, int, int]]:
    """Incidents and fatalities per day and event type that pass ``q``'s dates and filters
    (bounds ignored): ``(day, event_type, incidents, fatalities)``, for the timeline."""
    where, params = filters_sql(q)
    sql = (f"SELECT substr(e.event_date, 1, 10) AS day, e.event_type, COUNT(DISTINCT e.incident), "
           f"SUM(COALESCE(e.fatalities, 0)) FROM events e WHERE {where} AND e.event_date IS NOT NULL "
           f"GROUP BY day, e.event_type")  # fmt: skip
    return [tuple(row) for row in store.con.execute(sql, params)]


def options(store: EventStore, actors: int = 500) -> dict:
    """What the filters offer: ``dates`` (first and last day of the news, and of every event),
    ``types`` (each event type's sub-event types), ``countries``, the ``actors`` most often
    named (at most ``actors``) and the most ``fatalities`` of one event."""
    con = store.con
    news = con.execute(
        "SELECT MIN(substr(event_date, 1, 10)), MAX(substr(event_date, 1, 10)) FROM events "
        "WHERE event_date IS NOT NULL AND NOT COALESCE(background, 0)"
    ).fetchone()
    every = con.execute(
        "SELECT MIN(substr(event_date, 1, 10)), MAX(substr(event_date, 1, 10)) FROM events "
        "WHERE event_date IS NOT NULL"
    ).fetchone()
    types: dict[str, list[str]] = {}
    for event_type, sub in con.execute(
        "SELECT DISTINCT event_type, sub_event_type FROM events WHERE event_type IS NOT NULL ORDER BY 1, 2"
    ):
        types.setdefault(event_type, []).extend([sub] if sub else [])
    countries = [r[0] for r in con.execute("SELECT DISTINCT country FROM events WHERE country IS NOT NULL")]
    named = con.execute(
        "SELECT actor, COUNT(*) AS n FROM (SELECT actor1 AS actor FROM events UNION ALL "
        "SELECT actor2 FROM events) WHERE actor IS NOT NULL AND trim(actor) != '' "
        "GROUP BY actor ORDER BY n DESC, actor LIMIT ?",
        [actors],
    ).fetchall()
    most = con.execute("SELECT MAX(fatalities) FROM events").fetchone()[0]
    return {
        "dates": {"news": tuple(news), "all": tuple(every)},
        "types": types,
        "countries": countries,
        "actors": [a for a, _ in named],
        "fatalities": int(most or 0),
    }


def popup(store: EventStore, event_id: str) -> dict | None:
    """The popup of a clicked marker: the incident's row (as :meth:`EventStore.events_frame`
    gives it: ACLED columns, ``n_reports``, ``sources``, ``reports`` as a list), None when the
    event is not stored."""
    import pandas as pd

    from store.incidents import merge

    frame = pd.read_sql_query(
        "SELECT e.*, a.title AS article_title, a.published AS article_published "
        "FROM events e JOIN articles a ON a.id = e.article_id "
        "WHERE e.incident = (SELECT incident FROM events WHERE event_id = ?)",
        store.con,
        params=[event_id],
    )
    if frame.empty:
        return None
    row = merge(frame).iloc[0].to_dict()
    row["reports"] = json.loads(row["reports"])
    return {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in row.items()}


def ensure_index(con: sqlite3.Connection) -> bool:
    """Create the view index and its triggers when missing, filling it from the stored events
    (one transaction); True when it was (re)built. A store whose triggers were dropped (a bulk
    load cut short) is rebuilt whole: rows may have been written without them."""
    names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")}
    if GEO_TABLE in names and set(GEO_TRIGGERS) <= names:
        return False
    con.execute("BEGIN IMMEDIATE")
    try:
        names = {
            r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")
        }
        if GEO_TABLE not in names or not set(GEO_TRIGGERS) <= names:
            con.execute(GEO_SCHEMA)
            for statement in GEO_FILL.split(";"):
                if statement.strip():
                    con.execute(statement)
            for trigger in GEO_TRIGGERS.values():
                con.execute(trigger)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return True


def index_problems(con: sqlite3.Connection) -> list[str]:
    """What is wrong with the view index: [] when it holds exactly the located events."""
    names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")}
    if GEO_TABLE not in names or not set(GEO_TRIGGERS) <= names:
        return ["view index: missing (it is built when the store is next opened)"]
    located = con.execute(f"SELECT COUNT(*) FROM events WHERE {_LOCATED.format(r='events')}").fetchone()[0]
    indexed = con.execute(
        f"SELECT COUNT(*) FROM {GEO_TABLE} g JOIN events e ON e.rowid = g.id "
        "WHERE g.lat0 <= e.latitude AND e.latitude <= g.lat1 "
        "AND g.lon0 <= e.longitude AND e.longitude <= g.lon1"
    ).fetchone()[0]
    total = con.execute(f"SELECT COUNT(*) FROM {GEO_TABLE}").fetchone()[0]
    if located == indexed == total:
        return []
    return [f"view index: {total} entries ({indexed} matching their event) for {located} located events"]


def drop_index_triggers(con: sqlite3.Connection) -> None:
    """For a bulk load: stop maintaining the view index row by row (:func:`ensure_index` rebuilds it)."""
    for name in GEO_TRIGGERS:
        con.execute(f"DROP TRIGGER IF EXISTS {name}")
