"""store/view.py's lazy search index: an ingest does not index what it appends; the catch-up
(``python -m store index``, :func:`store.view.catch_up_search`) does, batch by batch, resumable
after a kill; a search is exact before, during and after it (the events past the index's mark are
read one by one); a store of the eager index keeps it when opened."""

# ruff: noqa: F811  (the shared fixtures are imported, then named as arguments)
from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from test_view import results, stored  # noqa: F401  (pytest fixtures)

from store import view
from store.__main__ import main
from store.db import EventStore
from store.ingest import Ingest

ROOT = Path(__file__).resolve().parent.parent
# words of the stored events, a phrase across a separator, a word of no event, and accents/case
WORDS = ("terter", "Armenia", "azerbaijan", "nagorno-karabakh", "Tertẻ", "quân", "zzqxj")


def _found(con: sqlite3.Connection, word: str) -> set[str]:
    clause, params = view._search_sql(word)
    return {r[0] for r in con.execute(f"SELECT e.event_id FROM events e WHERE {clause}", params)}


def _scanned(con: sqlite3.Connection, word: str) -> set[str]:
    """What the search must find: every event whose key holds the word's (the frames' rule)."""
    key = view.search_key(word)
    cols = ", ".join(view.SEARCH_COLUMNS)
    rows = con.execute(f"SELECT event_id, {cols} FROM events").fetchall()
    return {r[0] for r in rows if key in view._event_key(*r[1:])}


def _exact(store: EventStore) -> None:
    assert view.index_problems(store.con) == []
    hits = 0
    for word in WORDS:
        want = _scanned(store.con, word)
        assert _found(store.con, word) == want, word
        hits += len(want)
    assert hits  # the words do find events


def _copy(stored: Path, tmp_path: Path) -> Path:
    db = tmp_path / "events.sqlite"
    shutil.copy(stored, db)
    return db


def _mark(con: sqlite3.Connection) -> int:
    return con.execute(f"SELECT indexed FROM {view.SEARCH_MARK}").fetchone()[0]


def _clone(result: dict, aid: str) -> dict:
    """An extracted article under another id (its events' ids too): a new article."""
    events = [{**e, "event_id": f"{aid}:{k}"} for k, e in enumerate(result["events"])]
    return {**result, "article": {**result["article"], "id": aid}, "events": events}


def test_search_is_exact_before_during_and_after_the_catch_up(
    results: list, stored: Path, tmp_path: Path
) -> None:
    with EventStore(_copy(stored, tmp_path)) as store:
        con = store.con
        events = con.execute("SELECT COUNT(*) FROM events").fetchone()[0]
        assert view.search_behind(con) == events  # stored article by article: nothing indexed
        assert view.search_behind(con, most=10) == 11
        _exact(store)
        assert view.catch_up_search(con, batch=100, seconds=0) == 100  # one batch
        assert view.search_behind(con) == events - 100
        _exact(store)
        assert view.catch_up_search(con, batch=100) == events - 100
        assert view.search_behind(con) == 0 and view.catch_up_search(con) == 0
        assert con.execute(f"SELECT COUNT(*) FROM {view.SEARCH_TABLE}").fetchone()[0] == events
        _exact(store)
        # indexed events change: the last article removed (its rowids are used again by the next
        # one: queued, below the mark), one replaced, an event's words edited
        last = con.execute("SELECT article_id FROM events ORDER BY rowid DESC LIMIT 1").fetchone()[0]
        assert store.remove(last)
        _exact(store)
        result, text = results[0]
        assert store.add(_clone(result, "again"), text)
        assert con.execute("SELECT MAX(rowid) FROM events").fetchone()[0] <= _mark(con)
        _exact(store)
        con.execute("BEGIN IMMEDIATE")
        con.execute("UPDATE events SET notes = 'Terter was shelled', actor2 = NULL WHERE rowid = 7")
        view.sync_search(con)
        con.execute("COMMIT")
        _exact(store)


_KILLED_CATCH_UP = textwrap.dedent(
    """
    import os, signal, sys
    from store import view
    from store.db import EventStore

    key, calls = view._event_key, [0]

    def dying_key(*values):
        calls[0] += 1
        if calls[0] == {at}:
            os.kill(os.getpid(), signal.SIGKILL)
        return key(*values)

    view._event_key = dying_key
    with EventStore(sys.argv[1]) as store:
        view.catch_up_search(store.con, batch={batch})
    """
)


def test_the_catch_up_resumes_after_a_kill(stored: Path, tmp_path: Path) -> None:
    db = _copy(stored, tmp_path)
    script = _KILLED_CATCH_UP.format(at=250, batch=60)  # killed in its fifth batch
    proc = subprocess.run([sys.executable, "-c", script, str(db)], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)  # fmt: skip
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    with EventStore(db) as store:
        con = store.con
        events = con.execute("SELECT COUNT(*) FROM events").fetchone()[0]
        indexed = con.execute(f"SELECT COUNT(*) FROM {view.SEARCH_TABLE}").fetchone()[0]
        assert indexed == 240 and view.search_behind(con) == events - 240  # four batches committed
        _exact(store)
    assert main(["index", "--db", str(db)]) == 0
    with EventStore(db) as store:
        assert view.search_behind(store.con) == 0
        _exact(store)
        assert store.check() == []


_EAGER = {  # the search index's triggers before it was lazy: every event queued
    "view_search_queue": "CREATE TRIGGER view_search_queue AFTER INSERT ON events BEGIN "
    f"INSERT OR IGNORE INTO {view.SEARCH_PENDING} (id) VALUES (new.rowid); END",
    "view_search_unqueue": "CREATE TRIGGER view_search_unqueue AFTER DELETE ON events BEGIN "
    f"{view._UNINDEX}DELETE FROM {view.SEARCH_PENDING} WHERE id = old.rowid; END",
    "view_search_requeue": "CREATE TRIGGER view_search_requeue AFTER UPDATE OF "
    f"{', '.join(view.SEARCH_COLUMNS)} ON events BEGIN {view._UNINDEX}"
    f"INSERT OR IGNORE INTO {view.SEARCH_PENDING} (id) VALUES (new.rowid); END",
}


def test_a_store_of_the_eager_index_keeps_it_when_opened(stored: Path, tmp_path: Path) -> None:
    db = _copy(stored, tmp_path)
    with EventStore(db) as store:  # made as the eager index left a store: every event indexed
        con = store.con
        view.catch_up_search(con)
        for name in view.SEARCH_TRIGGERS:
            con.execute(f"DROP TRIGGER {name}")
        con.execute(f"DROP TABLE {view.SEARCH_MARK}")
        for sql in _EAGER.values():
            con.execute(sql)
        # an event queued and not applied (as a crash between a batch's inserts and its sync
        # cannot leave, but an older version's reader may find): applied when opened
        con.execute(f"INSERT INTO {view.SEARCH_TABLE} ({view.SEARCH_TABLE}, rowid, key) "
                    "SELECT 'delete', 5, key FROM (SELECT diadanh_search_key(notes, location, location_vi, "
                    "place_surface, actor1, actor2) AS key FROM events WHERE rowid = 5)")  # fmt: skip
        con.execute(f"INSERT INTO {view.SEARCH_PENDING} VALUES (5)")
    with EventStore(db) as store:
        con = store.con
        names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        assert set(view.SEARCH_TRIGGERS) <= names and not set(_EAGER) & names
        assert _mark(con) == con.execute("SELECT MAX(rowid) FROM events").fetchone()[0]
        assert view.search_behind(con) == 0  # kept, not rebuilt
        _exact(store)
        assert store.check() == []


def test_a_bulk_ingest_leaves_the_index_lazy_and_a_small_one_indexes_at_once(
    results: list, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    def ingest(db: Path, part: list) -> EventStore:
        store = EventStore(db)
        run = Ingest(store, len(part), progress=False, out=io.StringIO())
        for result, text in part:
            store.add(result, text)
        run.close()
        return store

    monkeypatch.setattr(view, "SEARCH_BATCH", 100)  # a bulk ingest: more events than one batch
    with ingest(tmp_path / "bulk.sqlite", results[:40]) as store:
        assert view.search_behind(store.con) == store.counts()["events"] > 100
        _exact(store)
    with ingest(tmp_path / "small.sqlite", results[:3]) as store:
        assert 0 < store.counts()["events"] <= 100
        assert view.search_behind(store.con) == 0
        _exact(store)
