"""store/view.py: the map's view queries answer what a scan of every event answers, from an
index that follows the events as articles come, are replaced and go."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pandas as pd
import pytest
from ingest_support import synthetic

from events.pipeline import Extractor
from events.reader import article_from_text
from gazetteer import Gazetteer
from store import view
from store.db import EventStore
from store.view import ViewQuery


@pytest.fixture(scope="module")
def results(built_db: Path, tmp_path_factory: pytest.TempPathFactory) -> list[tuple[dict, str]]:
    """Real extractions of 60 generated articles published over two months."""
    extractor = Extractor(Gazetteer(built_db, tmp_path_factory.mktemp("user") / "user_places.sqlite"))
    out = []
    for n, text in enumerate(synthetic(60, seed=31)):
        article = article_from_text(text, published=f"2020-{9 + n % 2}-{n % 28 + 1:02d}")
        out.append((extractor.extract(article), article.text))
    return out


@pytest.fixture(scope="module")
def stored(results: list, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("view") / "events.sqlite"
    with EventStore(db) as store:
        for result, text in results:
            store.add(result, text)
        assert store.check() == []
    return db


def _scan(db: Path, q: ViewQuery) -> pd.DataFrame:
    """The reported events a view holds, by reading every event (no index)."""
    with EventStore(db) as store:
        frame = store.events_frame(incidents=False, date_from=q.date_from, date_to=q.date_to,
                                   event_types=list(q.event_types) or None)  # fmt: skip
        incidents = dict(store.con.execute("SELECT event_id, incident FROM events"))
    frame["incident"] = frame["event_id"].map(incidents)
    frame = frame[frame["latitude"].notna() & frame["longitude"].notna()]
    inside = frame["latitude"].between(q.south, q.north)
    if q.west <= q.east:
        inside &= frame["longitude"].between(q.west, q.east)
    else:  # across the antimeridian
        inside &= (frame["longitude"] >= q.west) | (frame["longitude"] <= q.east)
    if not q.background:
        inside &= ~frame["background"]
    return frame[inside]


def _queries(seed: int, count: int) -> list[ViewQuery]:
    rng = random.Random(seed)
    out = [ViewQuery(), ViewQuery(background=True), ViewQuery(west=170.0, east=-170.0)]
    for _ in range(count):
        lat, lon, half = rng.uniform(-60, 70), rng.uniform(-180, 180), rng.choice([1, 5, 20, 60, 200])
        day = rng.randrange(1, 29)
        start, end = f"2020-09-{day:02d}", f"2020-10-{day:02d}"
        dates = rng.choice([{}, {"date_from": start}, {"date_to": end}, {"date_from": start, "date_to": end}])
        types = rng.choice([(), ("Battles",), ("Explosions/Remote violence", "Protests"), ("Armed clash",)])
        west, east = lon - half, lon + half
        out.append(ViewQuery(south=lat - half / 2, west=((west + 180) % 360) - 180, north=lat + half / 2,
                             east=((east + 180) % 360) - 180 if half < 180 else 180.0, event_types=types,
                             background=rng.random() < 0.3, **dates))  # fmt: skip
    return out


@pytest.mark.parametrize("q", _queries(5, 40))
def test_a_view_holds_what_a_scan_of_every_event_finds(stored: Path, q: ViewQuery) -> None:
    expected = _scan(stored, q)
    with EventStore(stored) as store:
        assert view.count(store, q) == expected["incident"].nunique()
        found = view.markers(store, q, limit=10_000)
        assert sorted(m["id"] for m in found) == sorted(expected.groupby("incident")["event_id"].min())
        for marker in found:
            reports = expected[
                expected["incident"] == expected.set_index("event_id").loc[marker["id"], "incident"]
            ]
            assert marker["n_reports"] == reports["article_id"].nunique()
        cells = view.cells(store, q, zoom=5)
        assert sum(c["reports"] for c in cells) == len(expected)
        for c in cells:
            assert c["south"] <= c["lat"] <= c["north"] and c["west"] <= c["lon"] <= c["east"]


def test_a_crowded_view_is_drawn_as_cells_and_a_sparse_one_as_markers(stored: Path) -> None:
    with EventStore(stored) as store:
        world = view.view(store, ViewQuery(), zoom=2, max_markers=10)
        assert world["kind"] == "cells" and world["total"] == sum(c["count"] for c in world["items"])
        assert world["total"] >= view.count(
            store, ViewQuery()
        )  # reports of one incident in two cells: in each
        one = view.markers(store, ViewQuery(), limit=1)[0]
        box = ViewQuery(south=one["latitude"] - 1e-4, north=one["latitude"] + 1e-4,
                        west=one["longitude"] - 1e-4, east=one["longitude"] + 1e-4)  # fmt: skip
        near = view.view(store, box, zoom=16)
        assert near["kind"] == "markers" and one["id"] in {m["id"] for m in near["items"]}


def test_cells_shrink_as_the_map_zooms_in(stored: Path) -> None:
    with EventStore(stored) as store:
        sizes = [len(view.cells(store, ViewQuery(), zoom)) for zoom in (0, 3, 6, 9)]
    assert sizes == sorted(sizes) and sizes[0] < sizes[-1]
    assert view.cell_size(3) == 2 * view.cell_size(4)


def test_popup_gives_the_incident_and_every_report(stored: Path) -> None:
    with EventStore(stored) as store:
        shared = store.con.execute(
            "SELECT incident FROM events GROUP BY incident HAVING COUNT(DISTINCT article_id) > 1 LIMIT 1"
        ).fetchone()
        assert shared, "the generated articles share no incident"
        ids = [r[0] for r in store.con.execute("SELECT event_id FROM events WHERE incident = ?", shared)]
        popups = [view.popup(store, event_id) for event_id in ids]
        assert view.popup(store, "no such event") is None
    frame = EventStore(stored).events_frame()
    row = frame[frame["event_id"].isin(ids)].iloc[0]
    for popup in popups:  # whichever report was clicked: the incident's row, as the export gives it
        assert popup["event_id"] == row["event_id"] and popup["n_reports"] == row["n_reports"] > 1
        assert [r["event_id"] for r in popup["reports"]] == [
            r["event_id"] for r in json.loads(row["reports"])
        ]


def test_the_index_follows_articles_added_replaced_and_removed(results: list, tmp_path: Path) -> None:
    db = tmp_path / "events.sqlite"
    with EventStore(db) as store:
        for result, text in results[:20]:
            store.add(result, text)
        before = view.count(store, ViewQuery(background=True))
        result, text = results[20]
        store.add(result, text)
        assert store.check() == []
        assert view.count(store, ViewQuery(background=True)) > before
        # the same article replaced by a version without events: its markers go
        emptied = {**result, "events": []}
        store.add(emptied, text, replace=True)
        assert view.count(store, ViewQuery(background=True)) == before and store.check() == []
        # an event moved across the antimeridian (an UPDATE) is found where it now is
        event_id = store.con.execute(
            "SELECT event_id FROM events WHERE latitude IS NOT NULL LIMIT 1"
        ).fetchone()[0]
        store.con.execute(
            "UPDATE events SET latitude = 1.5, longitude = 179.9 WHERE event_id = ?", (event_id,)
        )
        across = ViewQuery(south=1, north=2, west=179, east=-179, background=True)
        assert event_id in {m["id"] for m in view.markers(store, across)} or view.count(store, across) == 1
        assert view.markers(store, ViewQuery(south=1, north=2, west=-179.5, east=-179, background=True)) == []
        assert store.check() == []


def test_a_store_without_the_index_gets_it_when_opened(stored: Path, tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite"
    shutil.copy(stored, db)
    with EventStore(db) as store:  # as a store written before the index existed
        for trigger in view.GEO_TRIGGERS:
            store.con.execute(f"DROP TRIGGER {trigger}")
        store.con.execute(f"DROP TABLE {view.GEO_TABLE}")
        assert store.check()[0].startswith("view index: missing")
    with EventStore(db) as store:
        assert store.check() == []
        assert view.count(store, ViewQuery()) == view.count(EventStore(stored), ViewQuery())


def test_an_append_keeps_the_view_index_batch_by_batch(results: list, tmp_path: Path) -> None:
    import io

    from events.batch import Outcome
    from store.ingest import Ingest

    def ingest(store: EventStore, part: list) -> bool:
        run = Ingest(store, len(part), progress=False, out=io.StringIO())
        deferred = store._deferred
        for n, (result, text) in enumerate(part):
            aid = result["article"]["id"]
            run.record(
                Outcome(f"/x#{aid}", f"x:{n}", "extracted", aid, None, [], aid, result=result, text=text)
            )
        run.close()
        return deferred

    db = tmp_path / "events.sqlite"
    with EventStore(db) as store:
        assert ingest(store, results[:40])  # an empty store: every index deferred
        assert not ingest(store, results[40:45])  # a small append keeps the view index row by row
        triggers = {r[0] for r in store.con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        assert set(view.GEO_TRIGGERS) <= triggers
        # 15 articles onto 45: kept too (each batch's events added in one statement a part)
        assert not ingest(store, results[45:])
        assert store.check() == []
        assert (
            view.count(store, ViewQuery(background=True))
            == _scan(db, ViewQuery(background=True))["incident"].nunique()
        )


def test_a_crowded_view_from_the_detail_zoom_shows_its_latest_incidents(stored: Path) -> None:
    """Zoomed in on a town (issue 13): its events, never cells that zooming cannot break up: the
    latest ``max_markers`` incidents when it holds more, newest first by their first report."""
    with EventStore(stored) as store:
        for q in (ViewQuery(), ViewQuery(date_from="2020-09-10", date_to="2020-10-20", starts=True)):
            every = view.markers(store, q, limit=100_000)
            assert len(every) > 10
            coarse = view.view(store, q, zoom=view.DETAIL_ZOOM - 1, max_markers=10)
            assert coarse["kind"] == "cells"
            near = view.view(store, q, zoom=view.DETAIL_ZOOM, max_markers=10)
            assert near["kind"] == "markers" and near["latest"] and len(near["items"]) == 10
            newest = sorted(every, key=lambda m: (m["event_date"], m["id"]), reverse=True)[:10]
            assert [m["id"] for m in near["items"]] == [m["id"] for m in newest]
            assert view.latest_markers(store, q, limit=len(every) + 5) == sorted(
                every, key=lambda m: (m["event_date"], m["id"]), reverse=True
            )


def test_the_feeds_pages_by_cursor_are_its_latest_incidents_in_turn(stored: Path) -> None:
    """Keyset pages of the feed (issue 13: each page read from the cursor where the one before
    stopped, not by ranking every incident) list what one walk lists, once each, in order."""
    with EventStore(stored) as store:
        for q in (ViewQuery(), ViewQuery(event_types=("Battles",)),
                  ViewQuery(date_from="2020-09-10", date_to="2020-10-20", starts=True)):  # fmt: skip
            whole = view.latest_ids(store, q, 10_000)
            assert len(whole) > 14
            paged, after, skip = [], None, frozenset()
            while True:
                ids, after, keys = view.latest_page(store, q, 7, after, skip)
                assert len(ids) <= 7
                paged += ids
                skip = skip | frozenset(keys)
                if after is None:
                    break
            assert paged == whole
