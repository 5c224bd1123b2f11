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

Beside the tree, two more parts kept the same way: the per-day counts (``view_days``: incidents,
reports, fatalities and point sums per day, type, sub-event type, country, precision, background
flag and coarse cell), which answer the counts, the world's cells and the timeline of a filter
or slider change without reading the events (:func:`agg_total`, :func:`agg_cells`,
:func:`agg_day_counts`); and the search index (``view_search``: FTS5 trigrams of each event's
:func:`search_key`), so that a search ignores case and accents as the dashboard's frames do.
What each filter matches is :data:`FILTER_COLUMNS`, shared with ``dashboard.data``.

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
import time
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from gazetteer.textnorm import fold

if TYPE_CHECKING:
    from store.db import EventStore

# Days since 1970 of an ISO date; an event without one spans every day (the exact check decides).
_DAY = "julianday({0}) - 2440587.5"
_NO_DAY = 1e7
GEO_TABLE = "events_geo"
# The R*Tree and the per-day counts hold the events up to a mark (``view_marks``: a rowid a
# part); a writer's batch adds its events past the marks in one statement a part when it commits
# (:func:`append_view`): a trigger a row costs about three times as much (the R*Tree writes its
# nodes back at the end of every statement; bench/scale.py, appending). Triggers keep the events
# up to the mark as they change (a delete, an edit, a rowid used again), so at every commit the
# index is exact; a reader never sees a batch without its index.
VIEW_MARKS = "view_marks"
_MARKS_SCHEMA = (
    f"CREATE TABLE IF NOT EXISTS {VIEW_MARKS} (part TEXT PRIMARY KEY, upto INTEGER NOT NULL) WITHOUT ROWID;"
)


def _upto(part: str) -> str:
    return f"(SELECT upto FROM {VIEW_MARKS} WHERE part = '{part}')"


def _marked(part: str) -> str:
    """The statement that sets ``part``'s mark to the last event (after it is filled)."""
    return f"INSERT OR REPLACE INTO {VIEW_MARKS} SELECT '{part}', COALESCE(MAX(rowid), 0) FROM events;"


GEO_SCHEMA = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {GEO_TABLE} USING rtree(id, lat0, lat1, lon0, lon1, day0, day1);"
    + _MARKS_SCHEMA
)
_GEO_VALUES = (
    "{r}.rowid, {r}.latitude, {r}.latitude, {r}.longitude, {r}.longitude, "
    f"COALESCE({_DAY.format('{r}.event_date')}, {-_NO_DAY}), "
    f"COALESCE({_DAY.format('COALESCE({r}.date_end, {r}.event_date)')}, {_NO_DAY})"
)
_LOCATED = "{r}.latitude IS NOT NULL AND {r}.longitude IS NOT NULL"
_GEO_UPTO = _upto(GEO_TABLE)
GEO_TRIGGERS = {  # the events up to the mark (named apart from the triggers of every row, before)
    "events_geo_ins": f"CREATE TRIGGER IF NOT EXISTS events_geo_ins AFTER INSERT ON events "
    f"WHEN new.rowid <= {_GEO_UPTO} AND {_LOCATED.format(r='new')} "
    f"BEGIN INSERT INTO {GEO_TABLE} VALUES ({_GEO_VALUES.format(r='new')}); END;",
    "events_geo_del": "CREATE TRIGGER IF NOT EXISTS events_geo_del AFTER DELETE ON events "
    f"WHEN old.rowid <= {_GEO_UPTO} BEGIN DELETE FROM {GEO_TABLE} WHERE id = old.rowid; END;",
    "events_geo_upd": "CREATE TRIGGER IF NOT EXISTS events_geo_upd "
    f"AFTER UPDATE OF latitude, longitude, event_date, date_end ON events WHEN old.rowid <= {_GEO_UPTO} "
    f"BEGIN DELETE FROM {GEO_TABLE} WHERE id = old.rowid; INSERT INTO {GEO_TABLE} "
    f"SELECT {_GEO_VALUES.format(r='new')} WHERE {_LOCATED.format(r='new')}; END;",
}
GEO_FILL = (
    f"DELETE FROM {GEO_TABLE}; INSERT INTO {GEO_TABLE} SELECT {_GEO_VALUES.format(r='events')} "
    f"FROM events WHERE {_LOCATED.format(r='events')}; {_marked(GEO_TABLE)}"
)
_GEO_APPEND = (
    f"INSERT INTO {GEO_TABLE} SELECT {_GEO_VALUES.format(r='events')} FROM events "
    f"WHERE events.rowid > ? AND {_LOCATED.format(r='events')}"
)

# ------------------------------------------------------------------ the search index
# The search box matches a substring of an event's sentence, places and actors, ignoring case
# and accents ("kharkiv" finds "Kharkiv", "tertẻ" finds "Terter"): the same :func:`search_key`
# forms the dashboard's frames search. In the store: an FTS5 table of trigrams (contentless:
# the keys are not kept, only their index) of each event's key; a key of three characters or
# more is a phrase of trigrams, so a match is exactly a substring.
# The index is lazy: it holds the events up to a high-water mark (``view_search_mark``: a rowid)
# and an ingest never indexes what it appends (indexing cost about 27 µs an event, a third of
# the writer: bench/scale.py). :func:`catch_up_search` indexes the events past the mark, in
# batches each of its own transaction (resumable: a crash keeps the batches committed), when
# asked: ``python -m store index``, or the archive's first search. Until then a search reads
# the events past the mark themselves (their keys made as it reads them: exact, slower), so
# no search ever misses an event. Changes to the indexed events (rowid up to the mark) are kept
# as before: triggers queue them (a re-inserted rowid in ``view_search_pending``; a deleted or
# edited event's rowid and key in ``view_search_gone``; FTS5 writes its pending terms out at
# every savepoint, so indexing inside the writer's savepoints costs several times one
# statement per batch) and :func:`sync_search` applies the queues when the batch commits
# (``EventStore.flush``, or a single article's transaction) and when a store is opened.
SEARCH_TABLE = "view_search"
SEARCH_PENDING = "view_search_pending"
SEARCH_GONE = "view_search_gone"
SEARCH_MARK = "view_search_mark"
SEARCH_COLUMNS = ("notes", "location", "location_vi", "place_surface", "actor1", "actor2")
SEARCH_SCHEMA = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {SEARCH_TABLE} USING fts5(key, content='', tokenize='trigram'); "
    f"CREATE TABLE IF NOT EXISTS {SEARCH_PENDING} (id INTEGER PRIMARY KEY); "
    f"CREATE TABLE IF NOT EXISTS {SEARCH_GONE} (id INTEGER PRIMARY KEY, key TEXT NOT NULL); "
    f"CREATE TABLE IF NOT EXISTS {SEARCH_MARK} (one INTEGER PRIMARY KEY CHECK (one = 1), "
    "indexed INTEGER NOT NULL);"
)
_MARK = f"(SELECT indexed FROM {SEARCH_MARK})"
SEARCH_BATCH = 20_000  # events a catch-up transaction indexes


def search_key(text: str) -> str:
    """Case- and accent-insensitive form of a text: "Pháo kích" and "phao kich" give "phao kich"."""
    return " ".join(fold(text).casefold().split())


def _event_key(*values: object) -> str:
    """An event's searchable text (:data:`SEARCH_COLUMNS`, joined as the frames join them) as a key."""
    return search_key(" | ".join("" if v is None else str(v) for v in values))


def register_functions(con: sqlite3.Connection) -> None:
    """The SQL functions the view index's triggers and a search call (every connection that
    writes events or searches them)."""
    con.create_function("diadanh_search_key", len(SEARCH_COLUMNS), _event_key, deterministic=True)


def _search_key_sql(r: str) -> str:
    return f"diadanh_search_key({', '.join(f'{r}.{c}' for c in SEARCH_COLUMNS)})"


_UNINDEX = (  # the event ``old`` is to leave the index, where it is in it (not queued to enter it)
    f"INSERT OR IGNORE INTO {SEARCH_GONE} (id, key) SELECT old.rowid, {_search_key_sql('old')} "
    f"WHERE NOT EXISTS (SELECT 1 FROM {SEARCH_PENDING} WHERE id = old.rowid); "
)
SEARCH_TRIGGERS = {  # only the events up to the mark (an insert there: a rowid used again)
    "view_search_insert": "CREATE TRIGGER IF NOT EXISTS view_search_insert AFTER INSERT ON events "
    f"WHEN new.rowid <= {_MARK} BEGIN INSERT OR IGNORE INTO {SEARCH_PENDING} (id) VALUES (new.rowid); END;",
    "view_search_delete": "CREATE TRIGGER IF NOT EXISTS view_search_delete AFTER DELETE ON events "
    f"WHEN old.rowid <= {_MARK} BEGIN {_UNINDEX}DELETE FROM {SEARCH_PENDING} WHERE id = old.rowid; END;",
    "view_search_update": "CREATE TRIGGER IF NOT EXISTS view_search_update AFTER UPDATE OF "
    f"{', '.join(SEARCH_COLUMNS)} ON events WHEN old.rowid <= {_MARK} BEGIN {_UNINDEX}"
    f"INSERT OR IGNORE INTO {SEARCH_PENDING} (id) VALUES (new.rowid); END;",
}
# (Re)built: empty, every event past the mark (indexed by the catch-up).
SEARCH_FILL = (
    f"DELETE FROM {SEARCH_PENDING}; DELETE FROM {SEARCH_GONE}; "
    f"INSERT INTO {SEARCH_TABLE} ({SEARCH_TABLE}) VALUES ('delete-all'); "
    f"INSERT OR REPLACE INTO {SEARCH_MARK} VALUES (1, 0);"
)
_SEARCH_SYNC = (
    f"INSERT INTO {SEARCH_TABLE} ({SEARCH_TABLE}, rowid, key) SELECT 'delete', id, key FROM {SEARCH_GONE}; "
    f"DELETE FROM {SEARCH_GONE}; "
    f"INSERT INTO {SEARCH_TABLE} (rowid, key) SELECT e.rowid, {_search_key_sql('e')} FROM {SEARCH_PENDING} p "
    f"JOIN events e ON e.rowid = p.id; DELETE FROM {SEARCH_PENDING};"
)
# The triggers of the index before it was lazy (every event queued): such a store's index holds
# every event once its queues are applied, so it is kept, its mark the last event.
_EAGER_TRIGGERS = ("view_search_queue", "view_search_unqueue", "view_search_requeue")


def _statements(con: sqlite3.Connection, script: str) -> None:
    for statement in script.split(";"):
        if statement.strip():
            con.execute(statement)


def sync_search(con: sqlite3.Connection) -> int:
    """Apply the search index's queues (in the open transaction, else in one of its own); how
    many changes were."""
    queued = f"SELECT 1 FROM {SEARCH_PENDING} UNION ALL SELECT 1 FROM {SEARCH_GONE} LIMIT 1"
    if con.execute(queued).fetchone() is None:
        return 0
    own = not con.in_transaction
    if own:
        con.execute("BEGIN IMMEDIATE")
    try:
        n = con.execute(
            f"SELECT (SELECT COUNT(*) FROM {SEARCH_PENDING}) + (SELECT COUNT(*) FROM {SEARCH_GONE})"
        ).fetchone()[0]
        _statements(con, _SEARCH_SYNC)
        if own:
            con.execute("COMMIT")
    except BaseException:
        if own:
            con.execute("ROLLBACK")
        raise
    return n


def search_behind(con: sqlite3.Connection, most: int | None = None) -> int:
    """How many events the search index does not hold yet (past its mark; counted up to
    ``most`` + 1 when given): a search reads them one by one until :func:`catch_up_search`
    has indexed them."""
    limit = "" if most is None else f" LIMIT {int(most) + 1}"
    sql = f"SELECT COUNT(*) FROM (SELECT 1 FROM events WHERE rowid > {_MARK}{limit})"
    return con.execute(sql).fetchone()[0]


def catch_up_search(
    con: sqlite3.Connection, *, batch: int = SEARCH_BATCH, seconds: float | None = None
) -> int:
    """Index the events past the search index's mark, ``batch`` at a time, each batch in its
    own transaction (a crash loses the open batch only; the next call goes on from the mark),
    for about ``seconds`` when given (one batch at least); how many events it indexed. Concurrent calls and
    writers wait for each other (each batch reads the mark in its write transaction)."""
    cols = ", ".join(SEARCH_COLUMNS)
    done = 0
    started = time.monotonic()
    while True:
        con.execute("BEGIN IMMEDIATE")
        try:
            mark = con.execute(_MARK[1:-1]).fetchone()[0]
            rows = con.execute(
                f"SELECT rowid, {cols} FROM events WHERE rowid > ? ORDER BY rowid LIMIT ?", (mark, batch)
            ).fetchall()
            if rows:
                con.executemany(
                    f"INSERT INTO {SEARCH_TABLE} (rowid, key) VALUES (?, ?)",
                    [(r[0], _event_key(*r[1:])) for r in rows],
                )
                con.execute(f"UPDATE {SEARCH_MARK} SET indexed = ?", (rows[-1][0],))
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        done += len(rows)
        if len(rows) < batch or (seconds is not None and time.monotonic() - started >= seconds):
            return done


def _upgrade_search(con: sqlite3.Connection, names: set[str]) -> None:
    """A store of the eager search index (every event queued by triggers): its index kept, the
    queues applied and the mark set to the last event (in the caller's transaction)."""
    if SEARCH_MARK in names or not set(_EAGER_TRIGGERS) <= names or SEARCH_TABLE not in names:
        return
    _statements(con, _SEARCH_SYNC)
    _statements(con, SEARCH_SCHEMA)
    con.execute(f"INSERT INTO {SEARCH_MARK} SELECT 1, COALESCE(MAX(rowid), 0) FROM events")
    for name in _EAGER_TRIGGERS:
        con.execute(f'DROP TRIGGER "{name}"')
    for trigger in SEARCH_TRIGGERS.values():
        con.execute(trigger)


SEARCH_MIN = 3  # a shorter key has no trigram: matched by a scan of the events (case only)


def _search_sql(text: str) -> tuple[str, list[Any]]:
    """The check that the event aliased ``e`` holds ``text`` (case and accents ignored)."""
    key = search_key(text)
    if len(key) >= SEARCH_MIN:  # the index, and the events past its mark read one by one
        phrase = '"' + key.replace('"', '""') + '"'
        return (
            f"e.rowid IN (SELECT rowid FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH ? UNION ALL "
            f"SELECT t.rowid FROM events t WHERE t.rowid > {_MARK} AND instr({_search_key_sql('t')}, ?) > 0)",
            [phrase, key],
        )
    pattern = "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    clause = "(" + " OR ".join(f"e.{c} LIKE ? ESCAPE '\\'" for c in SEARCH_COLUMNS) + ")"
    return clause, [pattern] * len(SEARCH_COLUMNS)


MAX_MARKERS = 1000  # more incidents than this in a view: counts per cell
# From this zoom on (a town and its surroundings: a cell would be 9 km wide) a view always shows
# individual events: its latest MAX_MARKERS incidents when it holds more. Cells would not break
# up by zooming further where the events share a few points (a town's hundreds of incidents
# over a year, told at its centre), and the map stops at zoom 12 offline.
DETAIL_ZOOM = 10
REPORTS_PER_INCIDENT = 4  # beyond this many reports a marker, a view is drawn as cells unseen
CELLS_PER_TILE = 4  # a cell is a quarter of a 256-pixel map tile wide (64 pixels) at any zoom
# What a marker carries (the popup is fetched on click): the incident's first report's fields.
_MARKER = ("event_id", "event_date", "event_type", "sub_event_type", "geo_precision", "location", "latitude",
           "longitude")  # fmt: skip
MARKER_FIELDS = _MARKER

# ------------------------------------------------------------------ the per-day counts
# Counting a million events takes SQLite a second whatever the index; the counts a filter or
# slider change asks (the total, the world's cells, the timeline) come from incidents per day,
# event type, sub-event type, country, precision, background flag and cell of a coarse grid
# (zoom AGG_ZOOM: 2.8°), kept by triggers as the events change (an insert, a delete, an update
# is one upsert of its group), refilled whole after a bulk load. An incident counts once, in
# the group of its first report (lowest rowid): a trigger that removes that report moves the
# count to the next one ("promote"), an insert of an earlier one takes it ("demote"). A key
# column is never NULL ('' or -1 stand for none: SQLite's unique keys let NULLs repeat).
AGG_TABLE = "view_days"
AGG_ZOOM = 5
AGG_KEYS = ("day", "event_type", "sub_event_type", "country", "geo_precision", "background", "ci", "cj")
AGG_SCHEMA = (
    f"CREATE TABLE IF NOT EXISTS {AGG_TABLE} (day TEXT NOT NULL, event_type TEXT NOT NULL, "
    "sub_event_type TEXT NOT NULL, country TEXT NOT NULL, geo_precision INTEGER NOT NULL, "
    "background INTEGER NOT NULL, ci INTEGER NOT NULL, cj INTEGER NOT NULL, incidents INTEGER NOT NULL, "
    "reports INTEGER NOT NULL, fatalities INTEGER NOT NULL, lat_sum REAL NOT NULL, lon_sum REAL NOT NULL, "
    f"located INTEGER NOT NULL, PRIMARY KEY ({', '.join(AGG_KEYS)})) WITHOUT ROWID;" + _MARKS_SCHEMA
)


def _agg_keys(r: str) -> str:
    """The group of the event aliased ``r`` (:data:`AGG_KEYS`), as SQL expressions."""
    size = repr(360.0 / (2**AGG_ZOOM * CELLS_PER_TILE))
    located = _LOCATED.format(r=r)
    return (
        f"substr({r}.event_date, 1, 10), COALESCE({r}.event_type, ''), COALESCE({r}.sub_event_type, ''), "
        f"COALESCE({r}.country, ''), COALESCE({r}.geo_precision, -1), COALESCE({r}.background, 0) != 0, "
        f"CASE WHEN {located} THEN CAST(({r}.latitude + 90) / {size} AS INTEGER) ELSE -1 END, "
        f"CASE WHEN {located} THEN CAST(({r}.longitude + 180) / {size} AS INTEGER) ELSE -1 END"
    )


def _agg_terms(r: str) -> list[tuple[str, str]]:
    """What the event aliased ``r`` adds to its group, column by column (after its incidents
    count): its report, fatalities, point sums and located flag. Added by the insert trigger,
    taken away by the delete trigger, summed by the fill: one definition for the three."""
    located = _LOCATED.format(r=r)
    return [
        ("reports", "1"),
        ("fatalities", f"COALESCE({r}.fatalities, 0)"),
        ("lat_sum", f"CASE WHEN {located} THEN {r}.latitude ELSE 0 END"),
        ("lon_sum", f"CASE WHEN {located} THEN {r}.longitude ELSE 0 END"),
        ("located", located),
    ]


def _agg_values(r: str) -> str:
    """:func:`_agg_terms`' values, as a SELECT list."""
    return ", ".join(expr for _, expr in _agg_terms(r))


def _first(r: str) -> str:
    """Whether the event aliased ``r`` is its incident's first report (no lower rowid shares it)."""
    return (
        f"({r}.incident IS NULL OR NOT EXISTS (SELECT 1 FROM events x WHERE x.incident = {r}.incident "
        f"AND x.rowid < {r}.rowid))"
    )


_KEY_TUPLE = f"({', '.join(AGG_KEYS)})"
_AGG_UPTO = _upto(AGG_TABLE)


_AGG_SUMS = ("incidents", *(c for c, _ in _agg_terms("e")))  # the counted columns


def _agg_add(r: str) -> str:
    columns = ["incidents", *(c for c, _ in _agg_terms(r))]
    updates = ", ".join(f"{c} = {c} + excluded.{c}" for c in columns)
    return (
        f"INSERT INTO {AGG_TABLE} SELECT {_agg_keys(r)}, {_first(r)}, {_agg_values(r)} "
        f"WHERE {r}.event_date IS NOT NULL ON CONFLICT DO UPDATE SET {updates};"
    )


def _agg_remove(r: str) -> str:
    terms = ", ".join(f"{c} = {c} - ({expr})" for c, expr in _agg_terms(r))
    return (
        f"UPDATE {AGG_TABLE} SET incidents = incidents - {_first(r)}, {terms} "
        f"WHERE {r}.event_date IS NOT NULL AND {_KEY_TUPLE} = ({_agg_keys(r)}); "
        f"DELETE FROM {AGG_TABLE} WHERE {r}.event_date IS NOT NULL AND reports <= 0 "
        f"AND {_KEY_TUPLE} = ({_agg_keys(r)});"
    )


def _agg_move(r: str, step: str, condition: str = "1") -> str:
    """The incident of ``r`` changed its first report: ``step`` ("+ 1": ``r`` left and the next
    report is first now; "- 1": ``r`` came before the one that was first) on that other report's
    group, when its rowid is above ``r``'s (and up to the mark: the counts hold no other)."""
    return (
        f"UPDATE {AGG_TABLE} SET incidents = incidents {step} WHERE {condition} AND {_KEY_TUPLE} = "
        f"(SELECT {_agg_keys('f')} FROM events f WHERE f.rowid = (SELECT MIN(y.rowid) FROM events y "
        f"WHERE y.incident = {r}.incident AND y.rowid != {r}.rowid AND y.rowid <= {_AGG_UPTO}) "
        f"AND f.rowid > {r}.rowid);"
    )


_AGG_COLUMNS = (
    "event_date, event_type, sub_event_type, country, geo_precision, background, latitude, longitude, "
)
_MOVED = "old.incident IS NOT new.incident"  # an update: the first reports change only then
AGG_TRIGGERS = {  # the events up to the mark (named apart from the triggers of every row, before)
    "view_days_ins": "CREATE TRIGGER IF NOT EXISTS view_days_ins AFTER INSERT ON events "
    f"WHEN new.rowid <= {_AGG_UPTO} BEGIN {_agg_add('new')} {_agg_move('new', '- 1')} END;",
    "view_days_del": "CREATE TRIGGER IF NOT EXISTS view_days_del AFTER DELETE ON events "
    f"WHEN old.rowid <= {_AGG_UPTO} BEGIN {_agg_remove('old')} {_agg_move('old', '+ 1')} END;",
    "view_days_upd": "CREATE TRIGGER IF NOT EXISTS view_days_upd AFTER UPDATE OF "
    f"{_AGG_COLUMNS}fatalities, incident ON events WHEN old.rowid <= {_AGG_UPTO} "
    f"BEGIN {_agg_remove('old')} {_agg_move('old', '+ 1', _MOVED)} {_agg_add('new')} "
    f"{_agg_move('new', '- 1', _MOVED)} END;",
}
_AGG_SELECT = (
    f"SELECT {_agg_keys('e')}, SUM(e.incident IS NULL OR e.rowid = f.first), "
    f"{', '.join(f'SUM({expr})' for _, expr in _agg_terms('e'))} "
    "FROM events e LEFT JOIN (SELECT incident, MIN(rowid) AS first FROM events WHERE incident IS NOT NULL "
    "GROUP BY incident) f ON f.incident = e.incident WHERE e.event_date IS NOT NULL "
    "GROUP BY 1, 2, 3, 4, 5, 6, 7, 8"
)
AGG_FILL = f"DELETE FROM {AGG_TABLE}; INSERT INTO {AGG_TABLE} {_AGG_SELECT}; {_marked(AGG_TABLE)}"
# The events past the mark into their groups: an incident counts in its first report's (lowest
# rowid of all: one up to the mark was counted there already).
_AGG_APPEND = (
    f"INSERT INTO {AGG_TABLE} SELECT {_agg_keys('e')}, SUM({_first('e')}), "
    f"{', '.join(f'SUM({expr})' for _, expr in _agg_terms('e'))} FROM events e "
    "WHERE e.rowid > ? AND e.event_date IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 "
    f"ON CONFLICT DO UPDATE SET {', '.join(f'{c} = {c} + excluded.{c}' for c in _AGG_SUMS)}"
)


def append_view(con: sqlite3.Connection) -> int:
    """Add the events past the marks to the R*Tree and the per-day counts (in the writer's open
    transaction, before it commits); how many events were past them. A part whose triggers a
    bulk load dropped is left alone (it is rebuilt whole when the load ends, or when the store
    is next opened); one whose triggers another process made again meanwhile is appended to."""
    top = con.execute("SELECT MAX(rowid) FROM events").fetchone()[0] or 0
    live = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    added = 0
    for part, sql, triggers in (
        (GEO_TABLE, _GEO_APPEND, GEO_TRIGGERS),
        (AGG_TABLE, _AGG_APPEND, AGG_TRIGGERS),
    ):
        row = con.execute(f"SELECT upto FROM {VIEW_MARKS} WHERE part = ?", (part,)).fetchone()
        if row is None or top <= row[0] or not set(triggers) <= live:
            continue
        con.execute(sql, (row[0],))
        con.execute(f"UPDATE {VIEW_MARKS} SET upto = ? WHERE part = ?", (top, part))
        added = max(added, top - row[0])
    return added


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
    text: str | None = None  # in the sentence, the places or the actors (case and accents ignored)
    sub_event_types: tuple[str, ...] = ()  # ACLED sub-event types only
    actors: tuple[str, ...] = ()  # actor1 or actor2
    fatalities: tuple[int, int] | None = None  # lowest, highest (inclusive); no figure counts as 0
    # The dates bound the event's first day only, not its whole span (event_date..date_end): a
    # range the date index answers (an event that began before it is not in it).
    starts: bool = False
    rejected: bool = False  # the reports an analyst rejected too (the review layer); else hidden
    hidden: tuple[int, ...] = ()  # the rowids of the rejected reports (:func:`hide` fills it)

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
    if q.starts and q.date_from is not None:  # the first day in the range: the tree's day0 too
        clauses.append("g.day0 >= ?")
        params.append(day0 - 1)
    where, more = filters_sql(q)
    return " AND ".join([*clauses, where]), params + more


# What each list filter of a query matches, in both modes of the dashboard (this module's SQL,
# the archive's summary, dashboard.data's frames): an event passes when one of the columns
# holds one of the chosen values. The event-type filter takes sub-event types too (the store's
# ``events_frame`` and the export's ``--type`` do), so a link naming "Armed clash" as a type finds it.
FILTER_COLUMNS: dict[str, tuple[str, ...]] = {
    "event_types": ("event_type", "sub_event_type"),
    "sub_event_types": ("sub_event_type",),
    "countries": ("country",),
    "precisions": ("geo_precision",),
    "actors": ("actor1", "actor2"),
}
# The filters the per-day counts hold (besides dates and the background flag).
AGG_FILTERS = ("event_types", "sub_event_types", "countries", "precisions")


def _list_filters(q: ViewQuery, alias: str, names: tuple[str, ...]) -> tuple[list[str], list[Any]]:
    clauses, params = [], []
    for name in names:
        chosen = list(getattr(q, name))
        if chosen:
            marks = ",".join("?" * len(chosen))
            clauses.append("(" + " OR ".join(f"{alias}.{c} IN ({marks})" for c in FILTER_COLUMNS[name]) + ")")
            params += chosen * len(FILTER_COLUMNS[name])
    return clauses, params


def _merged_first(column: str) -> str:
    """The incident's value of ``column`` as :func:`store.incidents.merge` gives it: the first
    report's (earliest published article, then event id) that has one."""
    return (
        f"(SELECT r.{column} FROM events r JOIN articles a ON a.id = r.article_id "
        f"WHERE r.incident = e.incident AND r.{column} IS NOT NULL "
        "ORDER BY COALESCE(a.published, ''), r.event_id LIMIT 1)"
    )


def _incident(q: ViewQuery) -> str:
    """The incident of the event aliased ``e``: a rejected report that ``q`` shows is one of its
    own (the review layer takes it out of its incident)."""
    if not (q.rejected and q.hidden):
        return "e.incident"
    rowids = ",".join(str(int(r)) for r in q.hidden)
    return f"(CASE WHEN e.rowid IN ({rowids}) THEN 'rejected:' || e.rowid ELSE e.incident END)"


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
    more, values = _list_filters(q, "e", AGG_FILTERS)
    clauses += more
    params += values
    if not q.background:
        clauses.append("NOT COALESCE(e.background, 0)")
    if q.hidden and not q.rejected:
        clauses.append(f"e.rowid NOT IN ({','.join('?' * len(q.hidden))})")
        params += list(q.hidden)
    if q.actors:  # the incident's actors, as its row gives them (store.incidents.merge): the first
        # report's that names one; a report that names it passes when it is that one
        marks = ",".join("?" * len(q.actors))
        sides = [
            f"(e.{c} IN ({marks}) AND {_merged_first(c)} IN ({marks}))" for c in FILTER_COLUMNS["actors"]
        ]
        clauses.append("(" + " OR ".join(sides) + ")")
        params += [*q.actors, *q.actors] * len(sides)
    if q.fatalities is not None:  # the incident's figure: its reports' lowest (ACLED's rule, as merged)
        clauses.append(
            "COALESCE((SELECT MIN(r.fatalities) FROM events r WHERE r.incident = e.incident), "
            "e.fatalities, 0) BETWEEN ? AND ?"
        )
        params += [int(q.fatalities[0]), int(q.fatalities[1])]
    if q.text and search_key(q.text):
        clause, values = _search_sql(q.text)
        clauses.append(clause)
        params += values
    return " AND ".join(clauses), params


def aggregable(q: ViewQuery) -> bool:
    """Whether the per-day counts hold what ``q`` filters on (its dates bound the first day)."""
    return not (q.actors or q.fatalities is not None or q.text)


def agg_filters_sql(q: ViewQuery, alias: str = "a") -> tuple[str, list[Any]]:
    """:func:`filters_sql` on the per-day counts aliased ``alias`` (dates: the first day)."""
    clauses: list[str] = ["1"]
    params: list[Any] = []
    if q.date_from:
        clauses.append(f"{alias}.day >= ?")
        params.append(q.date_from[:10])
    if q.date_to:
        clauses.append(f"{alias}.day <= ?")
        params.append(q.date_to[:10])
    more, values = _list_filters(q, alias, AGG_FILTERS)
    if not q.background:
        more.append(f"NOT {alias}.background")
    return " AND ".join(clauses + more), params + values


# ------------------------------------------------------------------ rejected reports
# The dashboard hides the reports an analyst rejected unless asked (dashboard.data.apply_filters
# on the frames: a rejected report leaves its incident). The review layer matches decisions to
# events in Python (store.review.match), so the hidden reports are found per question from the
# decisions (few) and their articles' events, and taken out: from the events by rowid, from the
# per-day counts by the difference their incidents make (each incident's groups as counted, and
# as counted without the hidden reports: the next report may be its first now).


def hidden_rowids(store: EventStore) -> tuple[int, ...]:
    """The rowids of the events matched to a rejecting decision (:mod:`store.review`)."""
    from store import review

    decisions = review.load(store.con)
    articles = sorted({d.key[0] for d in decisions if d.verdict == "rejected"})
    if not articles:
        return ()
    decisions = [d for d in decisions if d.key[0] in set(articles)]
    cursor = store.con.execute(
        f"SELECT rowid AS _rowid, * FROM events WHERE article_id IN ({','.join('?' * len(articles))})",
        articles,
    )
    names = [d[0] for d in cursor.description]
    events = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    matched = review.match(events, decisions)
    return tuple(sorted(events[i]["_rowid"] for i, d in matched.items() if d.status == "rejected"))


def hide(store: EventStore, q: ViewQuery) -> ViewQuery:
    """``q`` with the rowids of the rejected reports: hidden, or when ``q`` shows them, each an
    incident of its own."""
    if q.hidden:
        return q
    found = hidden_rowids(store)
    return replace(q, hidden=found) if found else q


def agg_source(q: ViewQuery) -> tuple[str, str, list[Any]]:
    """(a WITH clause, the per-day counts' source, its parameters): the table itself, or beside
    it the differences ``q``'s rejected reports make (rows of ``hidden_delta``): taken out, or,
    when ``q`` shows them, each its own incident (as the review layer makes it)."""
    if not q.hidden:
        return "", AGG_TABLE, []
    marks = ",".join("?" * len(q.hidden))
    terms = _agg_terms("r")
    columns = ", ".join(["incidents", *(c for c, _ in terms)])

    def rows(first: str, sign: str, where: str) -> str:
        values = ", ".join(f"{sign}({expr})" for _, expr in terms)
        return (
            f"SELECT {_agg_keys('r')}, {sign}(r.incident IS NULL OR r.rowid = f.first), {values} "
            f"FROM events r LEFT JOIN {first} f ON f.incident = r.incident "
            f"WHERE r.rowid IN (SELECT id FROM touched) AND r.event_date IS NOT NULL{where}"
        )

    with_sql = (
        f"WITH hidden_incidents AS (SELECT DISTINCT incident FROM events WHERE rowid IN ({marks}) "
        "AND incident IS NOT NULL), "
        "touched (id) AS (SELECT rowid FROM events WHERE incident IN (SELECT incident FROM hidden_incidents) "
        f"UNION SELECT rowid FROM events WHERE rowid IN ({marks})), "
        "first_all AS (SELECT incident, MIN(rowid) AS first FROM events "
        "WHERE incident IN (SELECT incident FROM hidden_incidents) GROUP BY incident), "
        "first_shown AS (SELECT incident, MIN(rowid) AS first FROM events "
        f"WHERE incident IN (SELECT incident FROM hidden_incidents) AND rowid NOT IN ({marks}) "
        "GROUP BY incident), "
        f"hidden_delta ({', '.join(AGG_KEYS)}, {columns}) AS ("
        f"{rows('first_all', '-', '')} UNION ALL "
        f"{rows('first_shown', '', f' AND r.rowid NOT IN ({marks})')}"
        + (  # shown: each rejected report back, as an incident of its own
            f" UNION ALL SELECT {_agg_keys('r')}, 1, {_agg_values('r')} FROM events r "
            f"WHERE r.event_date IS NOT NULL AND r.rowid IN ({marks})"
            if q.rejected
            else ""
        )
        + ") "
    )
    params = [*q.hidden] * (5 if q.rejected else 4)
    source = f"(SELECT * FROM {AGG_TABLE} UNION ALL SELECT * FROM hidden_delta)"
    return with_sql, source, params


def _agg_rows(store: EventStore, q: ViewQuery, keys: str, sums: str, having: str = "") -> list[tuple]:
    """``SELECT keys, sums ... GROUP BY keys`` over the per-day counts that pass ``q``, with the
    differences of its rejected reports added (queried apart: the table's own query keeps its
    plan), groups summed in Python; ``having`` keeps the groups whose first sum is above 0."""
    q = hide(store, q)
    where, params = agg_filters_sql(q)
    group = f" GROUP BY {keys}" if keys else ""
    select = f"{keys}, {sums}" if keys else sums
    rows = store.con.execute(f"SELECT {select} FROM {AGG_TABLE} a WHERE {where}{group}", params).fetchall()
    with_sql, _, first = agg_source(q)
    if with_sql:
        width = len(keys.split(",")) if keys else 0
        merged: dict[tuple, list] = {tuple(r[:width]): list(r[width:]) for r in rows}
        sql = f"{with_sql}SELECT {select} FROM hidden_delta a WHERE {where}{group}"
        for row in store.con.execute(sql, first + params):
            found = merged.setdefault(tuple(row[:width]), [0] * (len(row) - width))
            for k, value in enumerate(row[width:]):
                found[k] = (found[k] or 0) + (value or 0)
        rows = [(*key, *values) for key, values in merged.items()]
    if having:
        width = len(keys.split(",")) if keys else 0
        rows = [r for r in rows if (r[width] or 0) > 0]
    return rows


def agg_total(store: EventStore, q: ViewQuery) -> int:
    """:func:`total` (dates bound the first day) from the per-day counts."""
    rows = _agg_rows(store, q, "", "SUM(a.incidents)")
    return int(sum(r[0] or 0 for r in rows))


def agg_cells(store: EventStore, q: ViewQuery) -> list[tuple[int, int, int, int, float, float]]:
    """Incidents per coarse cell (zoom :data:`AGG_ZOOM`) of ``q`` anywhere, from the per-day counts:
    ``(i, j, incidents, located reports, latitude sum, longitude sum)``."""
    sums = "SUM(a.located), SUM(a.incidents), SUM(a.lat_sum), SUM(a.lon_sum)"
    rows = _agg_rows(store, q, "a.ci, a.cj", sums, having="located")
    return [(i, j, n, located, la, lo) for i, j, located, n, la, lo in rows if i >= 0]


def agg_day_counts(store: EventStore, q: ViewQuery) -> list[tuple[str, str, int, int]]:
    """:func:`day_counts` (dates bound the first day) from the per-day counts."""
    rows = _agg_rows(
        store, q, "a.day, a.event_type", "SUM(a.reports), SUM(a.incidents), SUM(a.fatalities)", "reports"
    )
    return [(day, event_type, n, deaths) for day, event_type, _, n, deaths in rows]


def agg_first_and_last(store: EventStore, q: ViewQuery) -> tuple[str, str] | None:
    """The first and last day of ``q``'s events (dates bound the first day), from the per-day
    counts (their key is ordered by day: a walk from each end; a day the rejected reports
    empty is passed over)."""
    q = hide(store, q)
    where, params = agg_filters_sql(q)
    days = []
    for order, step in (("ASC", ">"), ("DESC", "<")):
        bound: list[Any] = []
        while True:
            more = f" AND a.day {step} ?" if bound else ""
            sql = f"SELECT a.day FROM {AGG_TABLE} a WHERE {where}{more} ORDER BY a.day {order} LIMIT 1"
            row = store.con.execute(sql, params + bound).fetchone()
            if row is None:
                return None
            if (
                not q.hidden
                or _agg_rows(store, replace(q, date_from=row[0], date_to=row[0]), "", "SUM(a.reports)")[0][0]
            ):
                days.append(row[0])
                break
            bound = [row[0]]
    return days[0], days[1]


def _days(iso: str) -> float:
    import datetime

    return float((datetime.date.fromisoformat(iso[:10]) - datetime.date(1970, 1, 1)).days)


_FROM = f"FROM {GEO_TABLE} g JOIN events e ON e.rowid = g.id"


def count(store: EventStore, q: ViewQuery) -> int:
    """Incidents in the view."""
    q = hide(store, q)
    total = 0
    for box in q.boxes():
        where, params = _where(box)
        total += store.con.execute(
            f"SELECT COUNT(DISTINCT {_incident(q)}) {_FROM} WHERE {where}", params
        ).fetchone()[0]
    return total


def markers(store: EventStore, q: ViewQuery, limit: int = MAX_MARKERS) -> list[dict]:
    """The incidents in the view, one marker each (its first event by id), at most ``limit``:
    ``id`` (for :func:`popup`), date, type, sub-event type, precision, place, lat, lon and
    ``n_reports``."""
    q = hide(store, q)
    out: list[dict] = []
    for box in q.boxes():
        out += _box_markers(store, q, box, limit - len(out))
        if len(out) >= limit:
            break
    return out


def _box_markers(store: EventStore, q: ViewQuery, box: ViewQuery, limit: int = -1) -> list[dict]:
    """One box's incidents as markers (at most ``limit``; -1: all), in SQLite's group order."""
    where, params = _where(box)
    columns = ", ".join(f"e.{c}" for c in _MARKER)
    # SQLite: with MIN(), the bare columns come from the row that holds the minimum
    sql = (f"SELECT MIN(e.event_id), {columns}, COUNT(DISTINCT e.article_id) {_FROM} "
           f"WHERE {where} GROUP BY {_incident(q)} LIMIT ?")  # fmt: skip
    out = []
    for row in store.con.execute(sql, [*params, limit]):
        marker = dict(zip(("id", *_MARKER[1:]), row[:1] + row[2:-1], strict=True))
        marker["n_reports"] = row[-1]
        out.append(marker)
    return out


def cell_size(zoom: float) -> float:
    """Degrees of longitude a cell spans at a zoom level (Web Mercator tiles)."""
    return 360.0 / (2 ** max(0.0, min(zoom, 22.0)) * CELLS_PER_TILE)


def cells(store: EventStore, q: ViewQuery, zoom: float) -> list[dict]:
    """Incidents per grid cell of the view: ``count``, the cell's bounds, and the mean point
    of its events (where to draw the count), in a grid aligned on -90/-180 at any view."""
    q = hide(store, q)
    size = cell_size(zoom)
    out: dict[tuple[int, int], dict] = {}
    for box in q.boxes():
        where, params = _where(box)
        sql = (f"SELECT CAST((e.latitude + 90) / ? AS INTEGER) AS i, "
               f"CAST((e.longitude + 180) / ? AS INTEGER) AS j, COUNT(DISTINCT {_incident(q)}), "
               f"AVG(e.latitude), AVG(e.longitude), COUNT(*) {_FROM} "
               f"WHERE {where} GROUP BY i, j")  # fmt: skip
        for i, j, n, lat, lon, reports in store.con.execute(sql, [size, size, *params]):
            out[(i, j)] = {"count": n, "reports": reports, "lat": lat, "lon": lon, "south": i * size - 90,
                           "west": j * size - 180, "north": min(90.0, (i + 1) * size - 90),
                           "east": min(180.0, (j + 1) * size - 180)}  # fmt: skip
    return list(out.values())


def latest_markers(store: EventStore, q: ViewQuery, limit: int = MAX_MARKERS) -> list[dict]:
    """The ``limit`` latest incidents in the view (by their first report's date, newest first),
    as :func:`markers` gives them. Read from the R*Tree over a window of the range's last days
    that doubles until it holds ``limit`` incidents (or the whole range): a crowded view costs
    about twice the rows of its latest ``limit`` incidents, not a walk of all its events."""
    q = hide(store, q)

    def grouped(window: ViewQuery) -> list[dict]:
        found = [m for box in window.boxes() for m in _box_markers(store, window, box)]
        found.sort(key=lambda m: (m["event_date"] or "", m["id"]), reverse=True)
        return found[:limit]

    low, high = store.con.execute(
        "SELECT (SELECT MIN(event_date) FROM events), (SELECT MAX(event_date) FROM events)"
    ).fetchone()  # two ends of the date index
    if high is None:
        return []
    last, first = _days(q.date_to or high), _days(q.date_from or low)
    width = 8.0
    while last - width > first:
        found = grouped(replace(q, date_from=_day_iso(last - width), starts=True))
        if len(found) >= limit:
            return found
        width *= 2
    return grouped(q)


def _day_iso(days: float) -> str:
    import datetime

    return (datetime.date(1970, 1, 1) + datetime.timedelta(days=int(days))).isoformat()


def view(store: EventStore, q: ViewQuery, zoom: float, max_markers: int = MAX_MARKERS) -> dict:
    """What the map draws for a view: its incidents as markers when there are at most
    ``max_markers``, else counts per cell, except from :data:`DETAIL_ZOOM` on: its latest
    ``max_markers`` incidents (``"latest": True``). ``{"kind", "total", "items"}``."""
    q = hide(store, q)
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
    if zoom >= DETAIL_ZOOM:
        found = latest_markers(store, q, max_markers)
        return {"kind": "markers", "total": len(found), "items": found, "latest": True}
    items = cells(store, q, zoom)
    return {"kind": "cells", "total": sum(c["count"] for c in items), "items": items}


def total(store: EventStore, q: ViewQuery) -> int:
    """Incidents that pass ``q``'s dates and filters anywhere (located or not; bounds ignored),
    dated (as the map, the feed and the frames: an undated event is listed apart)."""
    q = hide(store, q)
    where, params = filters_sql(q)
    sql = f"SELECT COUNT(DISTINCT {_incident(q)}) FROM events e WHERE {where} AND e.event_date IS NOT NULL"
    return store.con.execute(sql, params).fetchone()[0]


def latest(store: EventStore, q: ViewQuery, limit: int) -> list[dict]:
    """The ``limit`` latest incidents that pass ``q``'s dates and filters (bounds ignored), newest
    first, as rows of the events table (each incident's first report): the feed's page, read
    from the date index instead of grouping every incident."""
    q = hide(store, q)
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


def latest_ids(store: EventStore, q: ViewQuery, limit: int) -> list[str]:
    """The event ids of :func:`latest`'s rows (each incident's first report, newest first), read
    from the date index without the rows or their reports' counts: what the feed's page asks."""
    return latest_page(store, q, limit)[0]


def latest_page(
    store: EventStore,
    q: ViewQuery,
    limit: int,
    after: tuple[str, str] | None = None,
    skip: frozenset[str] = frozenset(),
) -> tuple[list[str], tuple[str, str] | None, list[str]]:
    """A page of :func:`latest_ids` (keyset pagination on the date index): the ids of the
    ``limit`` latest incidents whose first report walked comes after the cursor ``after`` (the
    ``(event_date, event_id)`` where the page before stopped; None: the newest), passing over the
    incidents in ``skip`` (the page before's: an incident's reports share its day, so one may
    straddle the cursor). Returns the ids, the next page's cursor (None when the walk ended)
    and the page's incident keys."""
    q = hide(store, q)
    where, params = filters_sql(q)
    if after is not None:  # a range of the date index from the cursor, then its ties by id
        where += " AND e.event_date <= ? AND (e.event_date < ? OR e.event_id > ?)"
        params = [*params, after[0], after[0], after[1]]
    sql = (f"SELECT e.event_id, COALESCE({_incident(q)}, e.event_id), e.event_date FROM events e "
           f"WHERE {where} AND e.event_date IS NOT NULL "
           "ORDER BY e.event_date DESC, e.event_id LIMIT ?")  # fmt: skip
    rows = REPORTS_PER_INCIDENT * limit
    out: dict[str, str] = {}
    walked, last = 0, None
    for event_id, incident, day in store.con.execute(sql, [*params, rows]):
        walked, last = walked + 1, (day, event_id)
        if incident in skip:
            continue
        out.setdefault(incident, event_id)
        if len(out) >= limit:
            return list(out.values()), last, list(out)
    return list(out.values()), (last if walked >= rows else None), list(out)


def day_counts(store: EventStore, q: ViewQuery) -> list[tuple[str, str, int, int]]:
    """Incidents and fatalities per day and event type that pass ``q``'s dates and filters
    (bounds ignored): ``(day, event_type, incidents, fatalities)``, for the timeline."""
    q = hide(store, q)
    where, params = filters_sql(q)
    sql = (f"SELECT substr(e.event_date, 1, 10) AS day, e.event_type, COUNT(DISTINCT {_incident(q)}), "
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


# The parts of the view index: (table, its schema, its triggers, the statements that fill it).
_PARTS = (
    (GEO_TABLE, GEO_SCHEMA, GEO_TRIGGERS, GEO_FILL),
    (AGG_TABLE, AGG_SCHEMA, AGG_TRIGGERS, AGG_FILL),
    (SEARCH_TABLE, SEARCH_SCHEMA, SEARCH_TRIGGERS, SEARCH_FILL),
)


def _missing(con: sqlite3.Connection) -> list[tuple[str, str, dict[str, str], str]]:
    names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")}
    return [
        part
        for part in _PARTS
        if part[0] not in names
        or not set(part[2]) <= names
        or (part[0] == SEARCH_TABLE and SEARCH_MARK not in names)
        or (part[0] != SEARCH_TABLE and VIEW_MARKS not in names)
    ]


def ensure_index(con: sqlite3.Connection) -> bool:
    """Create the view index (the R*Tree, the per-day counts, the search index) and its triggers
    when missing, filling each missing part from the stored events (one transaction); True when
    something was (re)built. A part whose triggers were dropped (a bulk load cut short) or named
    otherwise (an earlier version's) is rebuilt whole: rows may have been written without them.
    Registers the triggers' SQL functions on ``con`` first, and indexes the queued events for
    the search (:func:`sync_search`)."""
    register_functions(con)
    names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")}
    if SEARCH_MARK not in names and set(_EAGER_TRIGGERS) <= names:
        con.execute("BEGIN IMMEDIATE")
        try:
            _upgrade_search(con, {r[0] for r in con.execute("SELECT name FROM sqlite_master")})
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    if not _missing(con):
        sync_search(con)
        return False
    con.execute("BEGIN IMMEDIATE")
    try:
        for table, schema, triggers, fill in _missing(con):
            stale = con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events'"
            )
            for (name,) in stale.fetchall():
                if name.startswith(f"{table}_") and name not in triggers:
                    con.execute(f'DROP TRIGGER "{name}"')
            for statement in f"{schema}{fill}".split(";"):
                if statement.strip():
                    con.execute(statement)
            for trigger in triggers.values():
                con.execute(trigger)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return True


def index_problems(con: sqlite3.Connection) -> list[str]:
    """What is wrong with the view index: [] when the R*Tree holds exactly the located events
    and the per-day counts are those of the events."""
    if _missing(con):
        return ["view index: missing (it is built when the store is next opened)"]
    problems = []
    located = con.execute(f"SELECT COUNT(*) FROM events WHERE {_LOCATED.format(r='events')}").fetchone()[0]
    indexed = con.execute(
        f"SELECT COUNT(*) FROM {GEO_TABLE} g JOIN events e ON e.rowid = g.id "
        "WHERE g.lat0 <= e.latitude AND e.latitude <= g.lat1 "
        "AND g.lon0 <= e.longitude AND e.longitude <= g.lon1"
    ).fetchone()[0]
    total = con.execute(f"SELECT COUNT(*) FROM {GEO_TABLE}").fetchone()[0]
    if not located == indexed == total:
        problems.append(
            f"view index: {total} entries ({indexed} matching their event) for {located} located events"
        )
    # the counts (the point sums are floats, added and taken away: compared to a millionth)
    keys = ", ".join(AGG_KEYS)
    exact = f"{keys}, incidents, reports, fatalities, located"
    want = (
        f"WITH want ({keys}, incidents, reports, fatalities, lat_sum, lon_sum, located) AS ({_AGG_SELECT}) "
    )
    wrong = 0
    for left, right in (("want", AGG_TABLE), (AGG_TABLE, "want")):
        sql = f"{want}SELECT COUNT(*) FROM (SELECT {exact} FROM {left} EXCEPT SELECT {exact} FROM {right})"
        wrong += con.execute(sql).fetchone()[0]
    if wrong:
        problems.append(f"view counts: {wrong} groups differ from the events' counts")
    # the search index: exactly the events up to its mark, but for the changes queued (by a write
    # outside the store's transactions: applied when it is next opened); keys are not kept to compare
    sql = (
        f"SELECT (SELECT COUNT(*) FROM (SELECT rowid FROM {SEARCH_TABLE} EXCEPT SELECT rowid FROM events "
        f"WHERE rowid <= {_MARK} EXCEPT SELECT id FROM {SEARCH_GONE})), (SELECT COUNT(*) FROM (SELECT rowid "
        f"FROM events WHERE rowid <= {_MARK} EXCEPT SELECT rowid FROM {SEARCH_TABLE} EXCEPT SELECT id "
        f"FROM {SEARCH_PENDING}))"
    )
    extra, lacking = con.execute(sql).fetchone()
    if extra or lacking:
        problems.append(f"search index: {extra} entries of no event, {lacking} indexed events missing")
    return problems


def drop_index_triggers(con: sqlite3.Connection) -> None:
    """For a bulk load: stop maintaining the view index row by row (:func:`ensure_index` rebuilds it).
    The search index's triggers stay: an appended event is past its mark, they ignore it."""
    for table, _, triggers, _ in _PARTS:
        if table == SEARCH_TABLE:
            continue
        for name in triggers:
            con.execute(f"DROP TRIGGER IF EXISTS {name}")
