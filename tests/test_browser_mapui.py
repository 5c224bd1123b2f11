"""The analyst's map in a real browser (issue 12 items 2–4, 10): a real Streamlit server and
Debian's chromium, as ``test_dashboard_browser.py`` (whose fixtures these tests share).

A marker click selects the feed row and scrolls the detail panel to the event's sentence, a
feed click focuses the map; a slider change keeps the zoom; 21 events on one spot spiderfy at
the last zoom; the URL restores the filters and the selection; the page works at 800 px.
"""

# ruff: noqa: F811  (the shared fixtures are imported, then named as arguments)
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import quote

import pytest
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

from dashboard.browser import RequestLog, serve

SCREENSHOTS = Path(__file__).resolve().parent.parent / "var" / "screenshots"
# The map object in the folium frame (folium names it map_<hash>).
MAP_JS = "Object.keys(window).filter(k => k.startsWith('map_') && window[k].setView).map(k => window[k])[0]"


def map_frame(page):
    """The Playwright Frame of the event map (for evaluate)."""
    handle = page.locator(MAP_FRAME).first.element_handle(timeout=TIMEOUT)
    return handle.content_frame()


def wait_map(page) -> None:
    expect(event_map(page).locator(f"{MARKERS}, .marker-cluster").first).to_be_visible(timeout=TIMEOUT)


def view(page) -> dict:
    return map_frame(page).evaluate(
        f"() => {{ const m = {MAP_JS}; const c = m.getCenter();"
        " return {lat: c.lat, lng: c.lng, zoom: m.getZoom()}; }"
    )


def set_view(page, lat: float, lng: float, zoom: int) -> None:
    map_frame(page).evaluate(f"() => {{ {MAP_JS}.setView([{lat}, {lng}], {zoom}, {{animate: false}}); }}")
    page.wait_for_timeout(300)


def shown_caption(page):
    return page.get_by_text(re.compile(r"sự kiện đang hiển thị"))


def selected_row(page):
    return page.locator('[data-testid="dd-feed"] [aria-selected="true"], .dd-feed [aria-selected="true"]')


def new_page(browser, url: str, width: int = 1500, height: int = 1000):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="vi-VN")
    log = RequestLog().attach(context)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    return context, page, log, errors


def sentence_visible(page) -> bool:
    """The detail panel's article is scrolled so that the event's sentence is in its box."""
    return page.evaluate(
        """() => {
            const box = document.querySelector('[data-testid="dd-article"]');
            const s = box && box.querySelector('.dd-sentence');
            if (!s) { return false; }
            const a = box.getBoundingClientRect(), b = s.getBoundingClientRect();
            return b.top >= a.top - 2 && b.top <= a.bottom - 10;
        }"""
    )


def test_marker_click_selects_the_feed_row_and_scrolls_to_the_sentence(browser, server) -> None:
    context, page, log, errors = new_page(browser, server.url)
    wait_map(page)
    expect(page.locator(".dd-feed .dd-row").first).to_be_visible(timeout=TIMEOUT)
    set_view(page, 40.33, 46.93, 12)  # Terter, clusters broken up
    terter = event_map(page).locator(f'{MARKERS}[title*="Tartar"]')
    expect(terter.first).to_be_visible(timeout=TIMEOUT)
    terter.first.click()
    row = selected_row(page)
    expect(row).to_have_count(1, timeout=TIMEOUT)
    expect(row).to_contain_text("Terter")
    detail = page.get_by_test_id("dd-article")
    sentence = detail.locator(".dd-sentence")
    expect(sentence).to_contain_text("pháo kích nhằm vào thị trấn Terter", timeout=TIMEOUT)
    page.wait_for_function(
        """() => { const b = document.querySelector('[data-testid="dd-article"]');
                   return b && b.dataset.scrolledTo; }""",
        timeout=TIMEOUT,
    )
    assert sentence_visible(page)

    # A feed click selects another event: the row, the map's popup, the panel scrolled to it.
    rows = page.locator(".dd-feed .dd-row")
    other = rows.filter(has_not_text="Terter").last
    other_id = other.get_attribute("data-event")
    other.click()
    expect(page.locator(f'.dd-feed .dd-row[data-event="{other_id}"][aria-selected="true"]')).to_have_count(
        1, timeout=TIMEOUT
    )
    page.wait_for_function(
        f"""() => {{ const b = document.querySelector('[data-testid="dd-article"]');
                    return b && b.dataset.scrolledTo === {other_id!r}; }}""",
        timeout=TIMEOUT,
    )
    assert sentence_visible(page)
    popup = event_map(page).locator(".leaflet-popup-content")
    expect(popup).to_contain_text(f"ID: {other_id}", timeout=TIMEOUT)
    # the URL is written at the end of the run, after the map's update
    wanted = f"event=({re.escape(quote(other_id, safe=''))}|{re.escape(other_id)})"
    expect(page).to_have_url(re.compile(wanted), timeout=TIMEOUT)
    assert not log.off_machine, log.off_machine
    assert not errors, errors
    context.close()


def test_slider_change_keeps_the_zoom(browser, server) -> None:
    context, page, _, errors = new_page(browser, server.url)
    wait_map(page)
    set_view(page, 40.0, 46.5, 9)
    before = view(page)
    assert before["zoom"] == 9
    caption = shown_caption(page).inner_text()
    end = page.get_by_role("slider").nth(1)
    end.focus()
    end.press("ArrowLeft")
    expect(shown_caption(page)).not_to_have_text(caption, timeout=TIMEOUT)
    page.wait_for_timeout(1500)  # the map is drawn again
    wait_map(page)
    after = view(page)
    assert after["zoom"] == 9, after
    assert abs(after["lat"] - before["lat"]) < 0.01 and abs(after["lng"] - before["lng"]) < 0.01
    assert not errors, errors
    context.close()


def test_first_view_fits_the_violent_events_with_labels(browser, server) -> None:
    context, page, log, errors = new_page(browser, server.url)
    wait_map(page)
    first = view(page)
    assert first["zoom"] >= 6, first  # the Karabakh war, not the capitals of the statements
    labels = event_map(page).locator(".dd-label")
    expect(labels.first).to_be_attached(timeout=TIMEOUT)
    assert labels.count() >= 5
    expect(event_map(page).locator(".dd-legend[open]")).to_have_count(1)
    # the place circles are off until asked
    assert map_frame(page).evaluate("() => document.querySelectorAll('path.leaflet-interactive').length") >= 0
    assert not log.off_machine, log.off_machine
    assert not errors, errors
    context.close()


SPOT_ARTICLE = (
    "Quân đội Nga pháo kích thành phố Kharkiv hôm qua khiến {n} người thiệt mạng, chính quyền địa "
    "phương cho biết."
)


@pytest.fixture(scope="module")
def spot_server(tmp_path_factory: pytest.TempPathFactory, built_db: Path):
    """21 shellings of Kharkiv on 21 days: 21 incidents on one spot."""
    from events.pipeline import Extractor
    from events.reader import article_from_text
    from gazetteer import Gazetteer
    from store.db import EventStore

    folder = tmp_path_factory.mktemp("spot")
    with EventStore(folder / "events.sqlite") as store:
        gazetteer = Gazetteer(built_db, folder / "user_places.sqlite")
        extractor = Extractor(gazetteer)
        for i in range(21):
            day = dt.date(2024, 3, 1) + dt.timedelta(days=i)
            article = article_from_text(SPOT_ARTICLE.format(n=i + 2), published=day.isoformat())
            assert store.add(extractor.extract(article), article.text)
        gazetteer.close()
        frame = store.events_frame()
        assert (frame["location"] == "Kharkiv").sum() == 21
    with serve(folder / "events.sqlite", folder / "user_places.sqlite") as running:
        yield running


def test_colocated_markers_spiderfy(browser, spot_server) -> None:
    from store.db import EventStore

    with EventStore(spot_server.store) as store:
        spot = store.events_frame().iloc[0]
    context, page, _, errors = new_page(browser, spot_server.url)
    wait_map(page)
    frame = event_map(page)
    map_frame(page).evaluate(  # the last zoom: the 21 stay one cluster
        f"() => {{ const m = {MAP_JS}; m.setView([{spot['latitude']}, {spot['longitude']}], m.getMaxZoom(),"
        " {animate: false}); }"
    )
    page.wait_for_timeout(300)
    cluster = frame.locator(".marker-cluster")
    expect(cluster).to_have_count(1, timeout=TIMEOUT)
    expect(cluster.locator("b")).to_have_text("21")
    # the cluster says what it holds: the shelling type's colour and share, as the legend
    pie = cluster.locator(".dd-cluster")
    expect(pie).to_have_attribute("title", "Nổ / tấn công từ xa: 21")
    assert "rgb(255, 127, 14)" in pie.evaluate("e => getComputedStyle(e).backgroundImage")
    cluster.click()
    markers = frame.locator(f'{MARKERS}[title*="Kharkiv"]')
    expect(markers).to_have_count(21, timeout=TIMEOUT)
    markers.nth(20).click(force=True)
    expect(frame.locator(".leaflet-popup-content")).to_contain_text("Kharkiv", timeout=TIMEOUT)
    assert not errors, errors
    context.close()


def test_url_restores_filters_and_selection(browser, server) -> None:
    from store.db import EventStore

    context, page, _, errors = new_page(browser, server.url)  # the first visit stores the samples
    wait_map(page)
    context.close()
    with EventStore(server.store) as store:
        frame = store.events_frame()
    terter = frame[frame["location"] == "Tartar"].iloc[0]["event_id"]
    query = f"?q=phao+kich&type={quote('Explosions/Remote violence')}&event={quote(terter)}"
    context, page, _, errors = new_page(browser, server.url + query)
    wait_map(page)
    expect(page.get_by_label("Tìm trong nội dung")).to_have_value("phao kich", timeout=TIMEOUT)
    expect(page.get_by_text("Nổ / tấn công từ xa").first).to_be_visible()
    expect(selected_row(page)).to_contain_text("Terter", timeout=TIMEOUT)
    expect(page.get_by_test_id("dd-article").locator(".dd-sentence")).to_contain_text("Terter")
    popup = event_map(page).locator(".leaflet-popup-content")
    expect(popup).to_contain_text(f"ID: {terter}", timeout=TIMEOUT)
    n = int(shown_caption(page).inner_text().split()[0])
    assert 1 <= n < len(frame)

    # A change is written to the URL, and a reload brings the same view back.
    search = page.get_by_label("Tìm trong nội dung")
    search.fill("terter")
    search.press("Enter")
    expect(page).to_have_url(re.compile(r"q=terter"), timeout=TIMEOUT)
    page.reload()
    wait_map(page)
    expect(page.get_by_label("Tìm trong nội dung")).to_have_value("terter", timeout=TIMEOUT)
    expect(page.get_by_text(re.compile(r"^1 sự kiện đang hiển thị"))).to_be_visible(timeout=TIMEOUT)
    expect(selected_row(page)).to_contain_text("Terter", timeout=TIMEOUT)
    assert not errors, errors
    context.close()


def test_layout_at_800_px(browser, server) -> None:
    context, page, _, errors = new_page(browser, server.url, width=800, height=900)
    wait_map(page)
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar).to_have_attribute("data-collapsed", "true", timeout=TIMEOUT)
    box = page.locator(MAP_FRAME).first.bounding_box()
    assert box["width"] >= 650, box  # the map takes the width (it was 273 px)
    feed = page.locator(".dd-feed").bounding_box()
    assert feed["y"] >= box["y"] + box["height"] - 2, (feed, box)  # stacked under the map
    legend = event_map(page).locator(".dd-legend")
    expect(legend).not_to_have_attribute("open", "")  # closed on a narrow map, opens on a click
    legend.locator("summary").click()
    expect(legend).to_have_attribute("open", "")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "mapui-800.png")
    assert not errors, errors
    context.close()


def test_no_control_covers_the_popup_close_button(browser, server) -> None:
    context, page, _, errors = new_page(browser, server.url)
    wait_map(page)
    set_view(page, 40.33, 46.93, 12)
    # Terter's marker moved to the map's top-right corner, under the layers control's corner
    map_frame(page).evaluate(
        f"""() => {{ const m = {MAP_JS}; const s = m.getSize();
            const p = m.latLngToContainerPoint([40.3438, 46.9302]);
            m.panBy([p.x - (s.x - 30), p.y - 45], {{animate: false}}); }}"""
    )
    page.wait_for_timeout(500)
    # opened as a click opens it (a real click there would land on the control, which is the point)
    map_frame(page).evaluate(
        "() => { Object.values(window.ddMarkers).find(m => m.options.title.includes('Tartar')).openPopup(); }"
    )
    close = event_map(page).locator(".leaflet-popup-close-button")
    expect(close).to_be_visible(timeout=TIMEOUT)
    page.wait_for_timeout(800)  # the popup pans the map into view
    close_box = close.bounding_box()
    for control in (".leaflet-control-layers", ".leaflet-control-zoom"):
        box = event_map(page).locator(control).bounding_box()
        apart = (
            close_box["x"] >= box["x"] + box["width"]
            or close_box["x"] + close_box["width"] <= box["x"]
            or close_box["y"] >= box["y"] + box["height"]
            or close_box["y"] + close_box["height"] <= box["y"]
        )
        assert apart, (control, close_box, box)
    close.click()
    expect(event_map(page).locator(".leaflet-popup")).to_have_count(0, timeout=TIMEOUT)
    assert not errors, errors
    context.close()
