"""dashboard/archive.py: the archive mode's counts from the summary (whole months) and the date
index (the range's ends) are what the store's events give, whatever the range and filters."""

# ruff: noqa: F811  (the shared fixtures are imported, then named as arguments)
from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from test_view import results, stored  # noqa: F401  (pytest fixtures)

from dashboard import archive, data
from store import view
from store.db import EventStore
from store.view import ViewQuery

RANGES = [
    (None, None),
    ("2020-09-01", "2020-10-31"),  # whole months
    ("2020-09-05", "2020-10-20"),  # both ends partial
    ("2020-09-03", "2020-09-17"),  # inside one month
    ("2020-09-10", None),
    (None, "2020-10-12"),
    ("2020-10-01", "2020-10-09"),
]
FILTERS = [{}, {"event_types": ("Battles",)}, {"countries": ("UA",)}, {"background": True}]


@pytest.mark.parametrize("dates", RANGES)
@pytest.mark.parametrize("filters", FILTERS)
def test_summary_counts_are_the_events_counts(stored: Path, dates: tuple, filters: dict) -> None:
    q = ViewQuery(date_from=dates[0], date_to=dates[1], **filters)
    with EventStore(stored) as store:
        summary = archive.summary(store)
        expected = view.total(store, replace(q, starts=True))  # the events that begin in the range
        assert archive.summary_total(store, summary, q) == expected
        found = archive.summary_cells(store, summary, q, zoom=2)
        located = view.count(store, replace(q, starts=True))
        if found["kind"] == "cells":
            assert found["total"] == located
        else:
            assert len(found["items"]) == located


def test_a_range_is_its_whole_months_and_its_ends() -> None:
    months, edges = archive.split(ViewQuery(date_from="2020-09-05", date_to="2020-12-20"))
    assert months == ("2020-10", "2020-11")
    assert [(e.date_from, e.date_to) for e in edges] == [
        ("2020-09-05", "2020-09-30"),
        ("2020-12-01", "2020-12-20"),
    ]
    assert all(e.starts for e in edges)
    assert archive.split(ViewQuery(date_from="2020-09-01", date_to="2020-09-30")) == (
        ("2020-09", "2020-09"),
        [],
    )
    months, edges = archive.split(ViewQuery(date_from="2020-09-03", date_to="2020-09-17"))
    assert months is None and len(edges) == 1
    assert archive.split(ViewQuery()) == ((None, None), [])


def test_crowded_world_is_cells_and_a_small_view_markers(stored: Path) -> None:
    with EventStore(stored) as store:
        summary = archive.summary(store)
        rows, cells, total = archive.map_rows(store, ViewQuery(), 2, "vi", summary)
        assert rows or cells
        one = store.con.execute(
            "SELECT latitude, longitude FROM events WHERE latitude IS NOT NULL AND NOT background LIMIT 1"
        ).fetchone()
        near = ViewQuery(south=one[0] - 0.05, north=one[0] + 0.05, west=one[1] - 0.05, east=one[1] + 0.05)
        rows, cells, total = archive.map_rows(store, near, 12, "en", summary)
        assert rows and not cells and total == len(rows)
        assert all(
            len(r) == 6 and r[4].count(" · ") >= 2 for r in rows
        )  # lat, lon, style, approx, tooltip, id
        popup, point = archive.popup_html(store, rows[0][5], "en")
        assert popup.startswith('<div class="dd-popup">') and point == rows[0][:2]


def test_feed_page_and_timeline_from_the_store(stored: Path) -> None:
    with EventStore(stored) as store:
        q = archive.query(data.Filters())
        page = archive.feed_frame(store, q, 10)
        assert len(page) == 10 and page["event_date"].is_monotonic_decreasing
        assert {"event_id", "location", "n_reports", "search_text"} <= set(page.columns)
        counts = archive.timeline_counts(store, q, "M")
        summary = archive.summary_timeline(archive.summary(store), q, "M")
        assert counts["events"].sum() == summary["events"].sum() == view.total(store, q)
        low, high = archive.first_and_last(store, q, archive.summary(store))
        assert low <= high and isinstance(low, dt.date)
        assert (low, high) == archive.first_and_last(store, q)


@pytest.mark.parametrize("filters", [{}, {"event_types": ("Battles",)}, {"event_types": ("Riots",)}])
def test_feed_page_bounded_by_the_summary_is_the_same_page(stored: Path, filters: dict) -> None:
    with EventStore(stored) as store:
        summary = archive.summary(store)
        for dates in RANGES:
            q = ViewQuery(date_from=dates[0], date_to=dates[1], **filters)
            walked = archive.feed_frame(store, q, 25)
            bounded = archive.feed_frame(store, q, 25, summary)
            assert list(bounded["event_id"]) == list(walked["event_id"])


TYPE_FILTERS = [{}, {"event_types": ("Battles",)}, {"event_types": ("Armed clash", "Protests")},
                {"sub_event_types": ("Armed clash",)}, {"background": True}]  # fmt: skip


@pytest.mark.parametrize("freq", ["D", "W", "M"])
@pytest.mark.parametrize("filters", TYPE_FILTERS)
def test_timeline_from_the_days_summary_is_the_stores(stored: Path, freq: str, filters: dict) -> None:
    """The timeline's days and weeks from the per-day summary (read once per data version) are
    what the per-day counts give for the same filters (issue 13: no scan at each filter change);
    it holds no country nor precision (those ask the per-day counts)."""
    with EventStore(stored) as store:
        q = ViewQuery(**filters)
        days = archive.summary(store, days=True)
        assert archive.summary_covers(days, q)
        assert not archive.summary_covers(days, replace(q, countries=("UA",)))
        assert archive.summary_covers(archive.summary(store), replace(q, countries=("UA",)))
        want = archive.timeline_counts(store, q, freq)
        got = archive.summary_timeline(days, q, freq)
    key = ["start", "event_type"]
    want = want.sort_values(key).reset_index(drop=True)
    got = got.sort_values(key).reset_index(drop=True)
    assert len(got) and got[[*key, "events", "fatalities"]].astype(str).equals(
        want[[*key, "events", "fatalities"]].astype(str)
    )


def test_the_selected_events_marker_is_the_one_its_view_draws(stored: Path) -> None:
    """A selected event that a crowded view's latest incidents leave out is drawn beside them
    with the marker its view would give it."""
    with EventStore(stored) as store:
        one = store.con.execute(
            "SELECT latitude, longitude FROM events WHERE latitude IS NOT NULL AND NOT background LIMIT 1"
        ).fetchone()
        near = ViewQuery(south=one[0] - 0.05, north=one[0] + 0.05, west=one[1] - 0.05, east=one[1] + 0.05)
        rows, _, _ = archive.map_rows(store, near, 12, "vi", archive.summary(store))
        assert rows and all(archive.marker_row(store, row[5], "vi") == row for row in rows)
        assert archive.marker_row(store, "no such event", "vi") is None
