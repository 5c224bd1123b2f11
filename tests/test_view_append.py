"""store/view.py's R*Tree and per-day counts appended batch by batch: the events past the marks
are added when the batch commits (:func:`store.view.append_view`), the triggers keep the events
up to the marks; the index is exact at every commit, whatever a batch adds, replaces or removes
(an incident's first report moving between the counted events and the batch's)."""

# ruff: noqa: F811  (the shared fixtures are imported, then named as arguments)
from __future__ import annotations

from pathlib import Path

from test_view import results  # noqa: F401  (pytest fixture)

from store import view
from store.db import EventStore


def _marks(store: EventStore) -> dict[str, int]:
    return dict(store.con.execute(f"SELECT part, upto FROM {view.VIEW_MARKS}").fetchall())


def _clone(result: dict, aid: str, day: str | None = None) -> dict:
    """An extracted article under another id (its events' ids too); ``day``: its events' date."""
    events = [
        {**e, "event_id": f"{aid}:{k}", **({"date": day, "date_end": None} if day else {})}
        for k, e in enumerate(result["events"])
    ]
    return {**result, "article": {**result["article"], "id": aid}, "events": events}


def test_the_view_index_is_exact_at_every_batch_commit(results: list, tmp_path: Path) -> None:
    with EventStore(tmp_path / "events.sqlite") as store:
        con = store.con
        for result, text in results[:10]:  # counted: each its own transaction
            store.add(result, text)
        assert set(_marks(store).values()) == {con.execute("SELECT MAX(rowid) FROM events").fetchone()[0]}
        # in one batch: a counted article told again (its incidents' next reports past the marks),
        # then replaced by its first event only: the incidents' first reports are the batch's now
        store.batching(articles=50, seconds=3600.0)
        told, told_text = results[2]
        store.add(_clone(told, "retold"), told_text)
        store.add({**told, "events": told["events"][:1]}, told_text, replace=True)
        store.flush()
        assert view.index_problems(con) == []
        store.batching(articles=7, seconds=3600.0)
        commits = waited = 0
        for n, (result, text) in enumerate(results[10:], 10):
            store.add(result, text)
            # the same report again under other ids, on the day of a counted article's events:
            # the incidents it joins have their first report among the counted events or this batch
            other = results[n % 10][0]["events"]
            day = other[0]["date"] if other else None
            store.add(_clone(result, f"again-{n}", day), text)
            if n % 4 == 0:  # a counted article told again in this batch, then replaced (its events
                # deleted, up to the marks): its incidents' first reports are the batch's now
                old, old_text = results[n % 10]
                store.add(_clone(old, f"retold-{n}"), old_text)
                store.add({**old, "events": old["events"][: n % 3]}, old_text, replace=True)
            if n % 6 == 1:  # an article of this batch removed (past the marks) and one counted
                store.remove(f"again-{n}")
                store.remove(results[(n + 5) % 10][0]["article"]["id"])
            if store._batch_count == 0:  # the batch was just committed
                commits += 1
                assert view.index_problems(con) == [], n
            elif con.in_transaction:
                top = con.execute("SELECT MAX(rowid) FROM events").fetchone()[0]
                waited += min(_marks(store).values()) < top  # the batch's events wait for its commit
        store.flush()
        assert commits > 5 and waited > 5
        assert view.index_problems(con) == []
        assert store.check() == []
        # a rowid used again (the last event removed, an article added): counted by the triggers
        last = con.execute("SELECT article_id FROM events ORDER BY rowid DESC LIMIT 1").fetchone()[0]
        store.remove(last)
        store.add(_clone(results[0][0], "reused"), results[0][1])
        store.flush()
        assert view.index_problems(con) == []
        assert store.check() == []


def test_a_store_of_the_triggers_of_every_row_is_upgraded_when_opened(results: list, tmp_path: Path) -> None:
    db = tmp_path / "events.sqlite"
    with EventStore(db) as store:  # made as the code before the marks left a store
        for result, text in results[:10]:
            store.add(result, text)
        con = store.con
        for name in (*view.GEO_TRIGGERS, *view.AGG_TRIGGERS):
            con.execute(f"DROP TRIGGER {name}")
        con.execute(f"DROP TABLE {view.VIEW_MARKS}")
        located = "new.latitude IS NOT NULL AND new.longitude IS NOT NULL"
        con.execute(  # its triggers, by their names then (every row inserted, none past a mark)
            f"CREATE TRIGGER events_geo_insert AFTER INSERT ON events WHEN {located} "
            f"BEGIN INSERT INTO {view.GEO_TABLE} VALUES ({view._GEO_VALUES.format(r='new')}); END"
        )
        days = f"CREATE TRIGGER view_days_insert AFTER INSERT ON events BEGIN {view._agg_add('new')} END"
        con.execute(days)
    with EventStore(db) as store:
        con = store.con
        names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        assert {"events_geo_insert", "view_days_insert"}.isdisjoint(names)
        assert set(view.GEO_TRIGGERS) | set(view.AGG_TRIGGERS) <= names
        top = con.execute("SELECT MAX(rowid) FROM events").fetchone()[0]
        assert _marks(store) == {view.GEO_TABLE: top, view.AGG_TABLE: top}
        assert view.index_problems(con) == []
        store.batching(articles=4, seconds=3600.0)
        for result, text in results[10:20]:
            store.add(result, text)
        store.flush()
        assert view.index_problems(con) == []
        assert store.check() == []
