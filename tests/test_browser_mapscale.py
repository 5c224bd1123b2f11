"""The map redrawn in place (issue 12's slider target, issue 13 item 4) in a real browser: a real
Streamlit server and Debian's chromium, as ``test_dashboard_browser.py`` (whose fixtures these
tests share).

A slider change updates the map in its frame (same document, view kept, the new markers), it
does not draw a new map. On an archive (more than ``dashboard.archive.ARCHIVE_EVENTS`` events)
the world shows counts per cell and a zoom into a town its events, asked of the store, and a
clicked event's popup comes from the store.
"""

# ruff: noqa: F811  (the shared fixtures are imported, then named as arguments)
from __future__ import annotations

import io
from pathlib import Path

import pytest
from test_browser_mapui import map_frame, new_page, set_view, shown_caption, view, wait_map
from test_dashboard_browser import (  # noqa: F401  (pytest fixtures)
    MAP_FRAME,
    MARKERS,
    TIMEOUT,
    browser,
    event_map,
    expect,
    pytestmark,
    server,
)

from dashboard.browser import serve

ROOT = Path(__file__).resolve().parent.parent
UPDATES = "() => Number(document.body.dataset.ddUpdates || 0)"


def test_slider_change_updates_the_map_in_its_frame(browser, server) -> None:
    context, page, log, errors = new_page(browser, server.url)
    wait_map(page)
    page.wait_for_load_state("networkidle")
    set_view(page, 40.3, 46.9, 9)
    before = view(page)
    frame = map_frame(page)
    # Marks on the frame's element and in its document: a new frame would have neither.
    page.locator(MAP_FRAME).first.evaluate("f => { f.dataset.ddMark = 'kept'; }")
    frame.evaluate("() => { window.ddMark = 'kept'; }")
    updates = frame.evaluate(UPDATES)
    caption = shown_caption(page).inner_text()
    end = page.get_by_role("slider").nth(1)
    end.focus()
    end.press("ArrowLeft")
    expect(shown_caption(page)).not_to_have_text(caption, timeout=TIMEOUT)
    frame.wait_for_function(f"() => ({UPDATES})() > {updates}", timeout=TIMEOUT)
    assert page.locator(f'{MAP_FRAME}[data-dd-mark="kept"]').count() == 1  # the same frame element
    assert frame.evaluate("() => window.ddMark") == "kept"  # and the same document in it
    after = view(page)
    assert after["zoom"] == before["zoom"] == 9, after
    assert abs(after["lat"] - before["lat"]) < 1e-6 and abs(after["lng"] - before["lng"]) < 1e-6

    # The update holds what the slider asks: back to 27/09, the Terter shelling (28/09) goes;
    # one day on, it is back.
    set_view(page, 40.33, 46.93, 12)
    tartar = event_map(page).locator(f'{MARKERS}[title*="Tartar"]')
    start = page.get_by_role("slider").nth(0)
    first_day = start.get_attribute("aria-valuetext")
    for _ in range(20):
        if end.get_attribute("aria-valuetext") == first_day:
            break
        step = end.get_attribute("aria-valuetext")
        end.focus()
        end.press("ArrowLeft")
        try:
            expect(end).not_to_have_attribute("aria-valuetext", step, timeout=10_000)
        except AssertionError:
            continue
    expect(end).to_have_attribute("aria-valuetext", first_day)
    expect(tartar).to_have_count(0, timeout=TIMEOUT)
    end.focus()
    end.press("ArrowRight")
    expect(tartar).to_have_count(1, timeout=TIMEOUT)
    assert view(page)["zoom"] == 12
    assert map_frame(page).evaluate("() => window.ddMark") == "kept"
    assert not log.off_machine, log.off_machine
    assert not errors, errors
    context.close()


@pytest.fixture(scope="module")
def archive_server(tmp_path_factory: pytest.TempPathFactory, built_db: Path):
    """A server on a store of more than ``ARCHIVE_EVENTS`` events: the sample articles'
    extractions stored again and again through the batch writer, each copy moved elsewhere on
    the globe (the first copy, at Terter, stays), so that the world holds too many events to draw
    and a town few enough."""
    from dashboard.archive import ARCHIVE_EVENTS
    from events.batch import Outcome
    from events.pipeline import Extractor
    from events.reader import read_article, read_manifest
    from gazetteer import Gazetteer
    from store.db import EventStore
    from store.ingest import Ingest

    folder = tmp_path_factory.mktemp("archive")
    gazetteer = Gazetteer(built_db, folder / "user_places.sqlite")
    manifest = read_manifest(ROOT / "articles" / "manifest.csv")
    extractor = Extractor(gazetteer)
    pool = []
    for path in sorted((ROOT / "articles").glob("*.txt")):
        article = read_article(path, manifest=manifest)
        pool.append((extractor.extract(article), article.text))
    gazetteer.close()
    with EventStore(folder / "events.sqlite") as store:
        run = Ingest(store, 0, progress=False, out=io.StringIO())
        n = 0
        while run.totals["events"] <= ARCHIVE_EVENTS:
            result, text = pool[n % len(pool)]
            group = n // len(pool)
            lat_shift, lon_shift = (group % 50) * 2.5, ((group // 50) % 72) * 5.0  # 3,600 spots
            aid = f"{result['article']['id'][:40]}-{n}"
            events = []
            for k, event in enumerate(result["events"]):
                moved = {**event, "event_id": f"{aid}:{k}"}
                if group and event.get("place_id"):  # another place: another incident
                    moved["place_id"] = f"{event['place_id']}#{group}"
                if event.get("lat") is not None:
                    lat = event["lat"] + lat_shift
                    moved["lat"] = lat - 150 if lat > 80 else lat
                    moved["lon"] = (event["lon"] + lon_shift + 180) % 360 - 180
                events.append(moved)
            clone = {**result, "article": {**result["article"], "id": aid}, "events": events}
            run.record(Outcome(f"copy#{n}", f"copy-{n}", "extracted", f"{n:064x}", None, [], aid,
                               result=clone, text=text))  # fmt: skip
            n += 1
        run.close()
    with serve(folder / "events.sqlite", folder / "user_places.sqlite") as running:
        yield running


def test_archive_world_shows_cells_and_a_zoom_in_its_events(browser, archive_server) -> None:
    context, page, log, errors = new_page(browser, archive_server.url)
    cells = event_map(page).locator(".dd-cell")
    expect(cells.first).to_be_visible(timeout=TIMEOUT)  # the world: counts per cell, no marker
    assert event_map(page).locator(".dd-marker").count() == 0
    frame = map_frame(page)
    updates = frame.evaluate(UPDATES)
    frame.evaluate("() => { window.map.setView([40.33, 46.93], 12, {animate: false}); }")  # Terter
    frame.wait_for_function(f"() => ({UPDATES})() > {updates}", timeout=TIMEOUT)  # the store's answer
    expect(cells).to_have_count(0, timeout=TIMEOUT)
    tartar = event_map(page).locator(f'{MARKERS}[title*="Tartar"]')
    expect(tartar.first).to_be_visible(timeout=TIMEOUT)

    # Its popup comes from the store for the clicked event only.
    tartar.first.click()
    popup = event_map(page).locator(".leaflet-popup-content")
    expect(popup).to_contain_text("pháo kích", timeout=TIMEOUT)
    expect(popup).to_contain_text("Terter")
    expect(page.get_by_test_id("dd-article")).to_contain_text("Terter", timeout=TIMEOUT)
    assert not any("/app/static/cache/popups-" in url for url in log.requests)  # no file of every popup
    assert not log.off_machine, log.off_machine
    assert not errors, errors
    context.close()
