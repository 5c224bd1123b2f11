"""store/view.py's per-day counts and search index, and the filters of the dashboard's two modes:
the counts stay those of the events as articles are added, replaced, removed and reviewed and as
events change; a filter or a search means the same on the frames (small mode) as in the store's
SQL (archive mode)."""

# ruff: noqa: F811  (the shared fixtures are imported, then named as arguments)
from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from test_view import results, stored  # noqa: F401  (pytest fixtures)

from dashboard import archive, data
from gazetteer.textnorm import fold
from store import review, view
from store.db import EventStore
from store.view import ViewQuery

QUERIES = [
    ViewQuery(),
    ViewQuery(background=True),
    ViewQuery(date_from="2020-09-05", date_to="2020-10-20"),
    ViewQuery(date_from="2020-10-01", date_to="2020-10-09", event_types=("Battles",)),
    ViewQuery(event_types=("Armed clash",)),  # a sub-event type given as a type
    ViewQuery(sub_event_types=("Shelling/artillery/missile attack",), background=True),
    ViewQuery(countries=("AZ", "AM"), precisions=(1,)),
]


def _counts_are_the_events(store: EventStore) -> None:
    """The per-day counts answer what the events answer, for every query of :data:`QUERIES` (the
    tests below set incidents by hand: the view index is checked, not the links)."""
    assert view.index_problems(store.con) == []
    for q in QUERIES:
        q = replace(q, starts=True)
        assert view.agg_total(store, q) == view.total(store, q), q
        days = view.agg_day_counts(store, q)
        assert sum(n for _, _, n, _ in days) == view.total(store, q)
        located = sum(n for _, _, n, *_ in view.agg_cells(store, q))
        assert located == view.count(store, q), q
    # the search index holds every event's key, as the events hold them now
    key = f"diadanh_search_key({', '.join(view.SEARCH_COLUMNS)})"
    for word in ("terter", "armenia", "azerbaijan", "nagorno-karabakh"):
        scan = store.con.execute(
            "SELECT COUNT(DISTINCT incident) FROM events "
            f"WHERE event_date IS NOT NULL AND instr({key}, ?) > 0",
            (word,),
        ).fetchone()[0]
        assert view.total(store, ViewQuery(text=word.upper(), background=True)) == scan, word


def test_per_day_counts_follow_articles_added_replaced_removed_and_reviewed(
    results: list, tmp_path: Path
) -> None:
    db = tmp_path / "events.sqlite"
    with EventStore(db) as store:
        for n, (result, text) in enumerate(results[:30]):
            store.add(result, text, file_key=f"f{n}", digest=f"d{n}")
        _counts_are_the_events(store)
        # replaced by a version without events, then by itself again
        result, text = results[3]
        store.add({**result, "events": []}, text, replace=True)
        _counts_are_the_events(store)
        store.add(result, text, replace=True)
        _counts_are_the_events(store)
        # removed: its input now gives another article
        other, other_text = results[30]
        store.add(other, other_text, file_key="f5", digest="changed")
        assert not store.has(results[5][0]["article"]["id"])
        _counts_are_the_events(store)
        # reviewed: decisions never touch the stored events, so the counts stay theirs
        rows = store.reports_of([r[0] for r in store.con.execute("SELECT event_id FROM events LIMIT 3")])
        review.set_verdict(store.con, rows[:1], "rejected")
        review.set_edits(
            store.con, rows[1:2], {"event_type": "Protests", "sub_event_type": "Peaceful protest"}
        )
        review.merge_events(store.con, rows[1:3])
        _counts_are_the_events(store)


def test_the_index_follows_a_batch_of_replacements(results: list, tmp_path: Path) -> None:
    db = tmp_path / "events.sqlite"
    with EventStore(db) as store:
        for result, text in results[:30]:
            store.add(result, text)
        store.batching(articles=7, seconds=60)  # savepoints inside batches: the search's queues
        for result, text in results[10:40]:
            store.add(result, text, replace=True)
        store.add({**results[12][0], "events": []}, results[12][1], replace=True)
        assert store.con.in_transaction  # an open batch: its events are queued
        store.flush()
        _counts_are_the_events(store)


def test_per_day_counts_follow_updates_and_an_incidents_first_report(results: list, tmp_path: Path) -> None:
    db = tmp_path / "events.sqlite"
    with EventStore(db) as store:
        for result, text in results:  # all 60: enough to share two incidents (linked by actors too)
            store.add(result, text)
        shared = store.con.execute(
            "SELECT incident FROM events GROUP BY incident HAVING COUNT(*) > 1 ORDER BY incident LIMIT 2"
        ).fetchall()
        assert len(shared) == 2, "the generated articles share no incident"
        con = store.con
        # an incident's first report leaves it (its count moves to the next report), then comes back
        first = con.execute("SELECT MIN(rowid) FROM events WHERE incident = ?", shared[0]).fetchone()[0]
        con.execute("UPDATE events SET incident = 'elsewhere' WHERE rowid = ?", (first,))
        _counts_are_the_events(store)
        con.execute("UPDATE events SET incident = ? WHERE rowid = ?", (shared[0][0], first))
        _counts_are_the_events(store)
        # a report stored under a lower rowid than its incident's first takes the count over (in
        # place of the event that had that rowid, in the same article: the article's counts hold)
        (article,) = con.execute("SELECT article_id FROM events WHERE rowid = 1").fetchone()
        columns = [r[1] for r in con.execute("PRAGMA table_info(events)")]
        quoted = ", ".join(f'"{c}"' for c in columns)
        copied = {"event_id": "'copy'", "article_id": "?"}
        picked = ", ".join(copied.get(c, f'"{c}"') for c in columns)
        con.execute("DELETE FROM events WHERE rowid = 1")
        con.execute(
            f"INSERT INTO events (rowid, {quoted}) SELECT 1, {picked} FROM events "
            "WHERE incident = ? ORDER BY rowid LIMIT 1",
            (article, *shared[1]),
        )
        assert con.execute("SELECT incident FROM events WHERE rowid = 1").fetchone() == shared[1]
        _counts_are_the_events(store)
        # moved, retyped, redated, given fatalities
        con.execute(
            "UPDATE events SET latitude = latitude + 7, event_type = 'Riots', fatalities = 4, "
            "event_date = '2020-10-03', date_end = NULL WHERE rowid IN (SELECT rowid FROM events "
            "WHERE latitude IS NOT NULL ORDER BY rowid DESC LIMIT 5)"
        )
        _counts_are_the_events(store)


def test_a_store_without_the_counts_gets_them_when_opened(stored: Path, tmp_path: Path) -> None:
    import shutil

    db = tmp_path / "old.sqlite"
    shutil.copy(stored, db)
    with EventStore(db) as store:  # as a store written before the counts and the search existed
        for name in (*view.AGG_TRIGGERS, *view.SEARCH_TRIGGERS):
            store.con.execute(f"DROP TRIGGER {name}")
        store.con.execute(f"DROP TABLE {view.AGG_TABLE}")
        store.con.execute(f"DROP TABLE {view.SEARCH_TABLE}")
        assert store.check()[0].startswith("view index: missing")
    with EventStore(db) as store:
        _counts_are_the_events(store)
        assert view.total(store, ViewQuery(text="terter")) > 0


def _frames(store: EventStore) -> object:
    return data.events_frame(store)


FILTERS = [
    data.Filters(),
    data.Filters(background=True),
    data.Filters(dates=(dt.date(2020, 9, 5), dt.date(2020, 10, 20))),
    data.Filters(dates=(dt.date(2020, 10, 1), dt.date(2020, 10, 9)), background=True),
    data.Filters(event_types=["Battles", "Protests"]),
    data.Filters(event_types=["Armed clash"]),  # a sub-event type as a type (a link may name one)
    data.Filters(sub_event_types=["Armed clash", "Air/drone strike"], background=True),
    data.Filters(countries=["AZ"], precisions=[1]),
    data.Filters(actors=["Military Forces of Armenia"]),
    data.Filters(fatalities=(1, 10_000), background=True),
    data.Filters(query="terter"),
    data.Filters(query="TERTER", background=True),
    data.Filters(query="Tertẻ"),  # accents and case ignored: "terte", in "Terter"
    data.Filters(query="nagorno karabakh"),
    data.Filters(query="  Nagorno-Karabakh  "),
    data.Filters(query="ab"),  # shorter than a trigram
]


@pytest.mark.parametrize("filters", FILTERS, ids=repr)
def test_filters_mean_the_same_in_both_modes(stored: Path, filters: data.Filters) -> None:
    with EventStore(stored) as store:
        frames = data.apply_filters(data.events_frame(store), filters)
        q = archive.query(filters)
        page = archive.feed_frame(store, q, 10_000, archive.summary(store))
        total = view.total(store, q)
        summarized = (
            archive.summary_total(store, archive.summary(store), q) if archive.summarizable(q) else total
        )
    assert sorted(page["event_id"]) == sorted(frames["event_id"])
    assert total == summarized == len(frames)


@pytest.mark.parametrize("text", ["Terter", "terter", "TERTER", "Tertẻ", "tẻr"])
def test_search_ignores_case_and_accents_in_archive_mode(stored: Path, text: str) -> None:
    with EventStore(stored) as store:
        frames = data.events_frame(store)
        found = view.total(store, ViewQuery(text=text, background=True))
        want = frames["search_text"].str.contains(data.search_key(text), regex=False).sum()
        assert found == want > 0
        # an accented word of the sentences, typed without its accents, upper case
        word = next(w for note in frames["notes"] for w in str(note).split() if len(w) > 4 and fold(w) != w)
        assert view.total(store, ViewQuery(text=fold(word).upper(), background=True)) == (
            frames["search_text"].str.contains(data.search_key(word), regex=False).sum()
        )


def test_a_search_finds_an_incident_by_any_of_its_reports_in_both_modes(stored: Path) -> None:
    import json

    with EventStore(stored) as store:
        frames = data.events_frame(store)
        found = None
        for _, row in frames[frames["n_reports"] > 1].iterrows():
            first = data.search_key(str(row["notes"]))
            for report in json.loads(row["reports"]):
                words = [w for w in data.search_key(str(report["sentence"])).split() if len(w) > 5]
                found = next(
                    (w for w in words if w not in first and w not in row["search_text"][: len(first)]), None
                )
                if found:
                    break
            if found:
                break
        assert found, "no incident whose reports' sentences differ"
        shown = data.apply_filters(frames, data.Filters(query=found, background=True))
        assert row["event_id"] in set(shown["event_id"])
        q = archive.query(data.Filters(query=found, background=True))
        assert row["event_id"] in set(archive.feed_frame(store, q, 10_000)["event_id"])
        assert view.total(store, q) == len(shown)


@pytest.fixture(scope="module")
def reviewed(stored: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The stored events with rejections: one report of an incident of several, and a whole
    incident of one report."""
    import shutil

    db = tmp_path_factory.mktemp("reviewed") / "events.sqlite"
    shutil.copy(stored, db)
    with EventStore(db) as store:
        con = store.con
        (shared,) = con.execute(
            "SELECT incident FROM events WHERE event_date IS NOT NULL GROUP BY incident "
            "HAVING COUNT(*) > 1 ORDER BY incident LIMIT 1"
        ).fetchone()
        (alone,) = con.execute(
            "SELECT incident FROM events WHERE event_date IS NOT NULL AND NOT background GROUP BY incident "
            "HAVING COUNT(*) = 1 ORDER BY incident LIMIT 1"
        ).fetchone()
        first = con.execute("SELECT MIN(event_id) FROM events WHERE incident = ?", (shared,)).fetchone()[0]
        ids = [
            first,
            *(r[0] for r in con.execute("SELECT event_id FROM events WHERE incident = ?", (alone,))),
        ]
        review.set_verdict(con, store.reports_of(ids), "rejected")
        assert len(view.hidden_rowids(store)) == 2
    return db


@pytest.mark.parametrize("shown", [False, True])
@pytest.mark.parametrize("filters", FILTERS[:8], ids=repr)
def test_rejected_reports_are_hidden_in_both_modes(
    reviewed: Path, filters: data.Filters, shown: bool
) -> None:
    filters = replace(filters, rejected=shown)
    with EventStore(reviewed) as store:
        frames = data.apply_filters(data.events_frame(store), filters)
        q = archive.query(filters)
        summary = archive.summary(store)
        page = archive.feed_frame(store, q, 10_000, summary)
        assert sorted(page["event_id"]) == sorted(frames["event_id"])
        assert view.total(store, q) == archive.summary_total(store, summary, q) == len(frames)
        assert view.agg_total(store, q) == len(frames)
        days = view.agg_day_counts(store, q)
        assert sum(n for _, _, n, _ in days) == len(frames)
        located = frames["latitude"].notna().sum()
        assert sum(n for _, _, n, *_ in view.agg_cells(store, q)) == view.count(store, q) == located
        cells = archive.summary_cells(store, summary, q, zoom=2)
        assert cells["total"] == located
