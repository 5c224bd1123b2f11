"""End to end: a real Streamlit server (started here, on its own store) and Debian's chromium.

The sample corpus's markers render, the Terter shelling opens its popup and the detail panel,
the date slider removes it, and no request fails or leaves the machine. A screenshot of the
page is saved in ``var/screenshots/``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dashboard.browser import CHROMIUM, RequestLog, launch_chromium, serve

playwright_api = pytest.importorskip("playwright.sync_api")
expect = playwright_api.expect

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "var" / "screenshots"
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
MARKERS = ".leaflet-marker-icon"
TIMEOUT = 60_000

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} missing: run `make chromium`")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, built_db: Path):
    folder = tmp_path_factory.mktemp("dashboard")
    with serve(folder / "events.sqlite", folder / "user_places.sqlite") as running:
        yield running


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def page_and_log(browser, server):
    context = browser.new_context(viewport={"width": 1500, "height": 1000}, locale="vi-VN")
    log = RequestLog().attach(context)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server.url)
    yield page, log, errors
    context.close()


def event_map(page):
    return page.frame_locator(MAP_FRAME).first


def news_incidents(server) -> int:
    """The dated news incidents (not background) in the server's store: what the map shows first."""
    from store.db import EventStore

    with EventStore(server.store) as store:
        frame = store.events_frame()
    return int((~frame["background"] & frame["event_date"].notna()).sum())


def test_sample_markers_render_offline(page_and_log, server) -> None:
    page, log, errors = page_and_log
    frame = event_map(page)
    expect(frame.locator(MARKERS).first).to_be_visible(timeout=TIMEOUT)
    # The offline base layer (country outlines fetched from our static folder) is drawn.
    expect(frame.locator(".leaflet-control-layers")).to_have_count(1)
    page.wait_for_load_state("networkidle")
    n = news_incidents(server)  # every incident of the samples that is news, of as many
    expect(page.get_by_text(re.compile(rf"^{n} sự kiện đang hiển thị / {n}$"))).to_be_visible()
    assert frame.locator(".marker-cluster").count() >= 1  # the Caucasus events are clustered
    assert any(url.endswith("/app/static/vendor/countries.geojson") for url in log.requests)
    assert any(url.endswith("/app/static/vendor/leaflet/leaflet.js") for url in log.requests)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "dashboard.png")
    assert not log.off_machine, log.off_machine
    assert not log.failures, log.failures
    assert not errors, errors


def test_terter_popup_detail_panel_and_slider(page_and_log) -> None:
    page, log, errors = page_and_log
    frame = event_map(page)
    expect(frame.locator(MARKERS).first).to_be_visible(timeout=TIMEOUT)

    # Search isolates the Terter event (in the full view it is inside the Caucasus cluster).
    search = page.get_by_label("Tìm trong nội dung")
    search.fill("Terter")
    search.press("Enter")
    expect(page.get_by_text(re.compile(r"^1 sự kiện đang hiển thị"))).to_be_visible(timeout=TIMEOUT)
    terter = event_map(page).locator(f'{MARKERS}[title*="Tartar"]')
    expect(terter).to_have_count(1, timeout=TIMEOUT)
    expect(event_map(page).locator(MARKERS)).to_have_count(1)

    terter.click()
    popup = event_map(page).locator(".leaflet-popup-content")
    expect(popup).to_be_visible()
    expect(popup).to_contain_text("28/09/2020")
    expect(popup).to_contain_text("Terter")
    expect(popup).to_contain_text("Tartar")
    expect(popup.locator("mark")).to_have_text("Terter")
    expect(popup).to_contain_text("pháo kích")

    detail = page.get_by_test_id("dd-article")
    expect(detail).to_be_visible(timeout=TIMEOUT)
    expect(detail.locator(".dd-sentence")).to_contain_text("pháo kích nhằm vào thị trấn Terter")
    expect(detail.locator("mark.dd-place", has_text="Terter")).to_have_count(1)
    assert detail.locator("mark.dd-place").count() >= 5  # every place of the article is marked

    # The slider's end from 03/10/2020 back to 27/09/2020, before the shelling of 28 Sep.
    # One key at a time, each step waited for: a key pressed while the rerun of the previous
    # one redraws the slider can be lost under load, so press until the end reaches the start.
    start, end = page.get_by_role("slider").nth(0), page.get_by_role("slider").nth(1)
    first_day = start.get_attribute("aria-valuetext")
    for _ in range(20):
        if end.get_attribute("aria-valuetext") == first_day:
            break
        before = end.get_attribute("aria-valuetext")
        end.focus()
        end.press("ArrowLeft")
        try:  # the step shows, or the key was lost and is pressed again
            expect(end).not_to_have_attribute("aria-valuetext", before, timeout=10_000)
        except AssertionError:
            continue
        page.wait_for_timeout(300)
    expect(end).to_have_attribute("aria-valuetext", first_day)
    expect(page.get_by_text("27/09/2020").first).to_be_visible()
    expect(page.get_by_text(re.compile(r"^0 sự kiện đang hiển thị"))).to_be_visible(timeout=TIMEOUT)
    expect(event_map(page).locator(f'{MARKERS}[title*="Tartar"]')).to_have_count(0, timeout=TIMEOUT)

    # And back: one step right (28/09) brings it back.
    end.focus()
    end.press("ArrowRight")
    expect(event_map(page).locator(f'{MARKERS}[title*="Tartar"]')).to_have_count(1, timeout=TIMEOUT)

    page.wait_for_load_state("networkidle")
    assert not log.off_machine, log.off_machine
    assert not log.failures, log.failures
    assert not errors, errors


# Four tags: a fifth would make the reader take the file for an HTML page and extract its text.
HOSTILE = """title: <img src=x onerror="window.__pwned='title'">
source: [VnExpress](javascript:window.__pwned='source')
url: javascript:window.__pwned='url'
published: 2024-05-12

Nga pháo kích thành phố Kharkiv hôm qua <img src=x onerror="window.__pwned='img'"> khiến 3 người \
thiệt mạng <script>window.__pwned='script'</script>. **Đậm** [bấm](javascript:window.__pwned='md') \
javascript:window.__pwned='a' ![](x) <!-- -->.
"""


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory, built_db: Path):
    """A server whose store holds one article full of markup, scripts and Markdown tricks."""
    from events.pipeline import Extractor
    from events.reader import read_article
    from gazetteer import Gazetteer
    from store.db import EventStore

    folder = tmp_path_factory.mktemp("hostile")
    path = folder / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    article = read_article(path)
    with EventStore(folder / "events.sqlite") as store:
        gazetteer = Gazetteer(built_db, folder / "user_places.sqlite")
        assert store.add(Extractor(gazetteer).extract(article), article.text)
        gazetteer.close()
    with serve(folder / "events.sqlite", folder / "user_places.sqlite") as running:
        yield running


def pwned(page) -> list:
    """window.__pwned in the page and in every frame (undefined everywhere when no script ran)."""
    return [frame.evaluate("() => window.__pwned") for frame in page.frames]


def test_hostile_text_is_shown_as_text_and_never_runs(browser, hostile_server) -> None:
    context = browser.new_context(viewport={"width": 1500, "height": 1000})
    log = RequestLog().attach(context)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(hostile_server.url)
    frame = event_map(page)
    marker = frame.locator(f'{MARKERS}[title*="Kharkiv"]')
    expect(marker).to_have_count(1, timeout=TIMEOUT)
    marker.click()
    popup = frame.locator(".leaflet-popup-content")
    expect(popup).to_contain_text("<img src=x onerror=", timeout=TIMEOUT)
    expect(popup).to_contain_text("[VnExpress](javascript:")  # the source's name, as text
    assert popup.locator("img, script, svg, a").count() == 0  # javascript: is never a link

    detail = page.get_by_test_id("dd-article")
    expect(detail).to_contain_text("<script>window.__pwned='script'</script>", timeout=TIMEOUT)
    expect(detail).to_contain_text("**Đậm** [bấm](javascript:")  # Markdown not rendered
    assert detail.locator("img, script, svg, a, strong").count() == 0
    expect(page.get_by_test_id("dd-event")).to_contain_text("[VnExpress](javascript:")

    page.get_by_role("tab", name="Bảng sự kiện").click()
    expect(page.get_by_test_id("stDataFrame").first).to_be_visible()

    # A hostile file name in the upload form is named literally in the error.
    page.get_by_role("tab", name="Thêm bài báo").click()
    name = "<img src=x onerror=window.__pwned='name'>[x](javascript:alert(1)).txt"
    page.locator("input[type=file]").set_input_files(
        [{"name": name, "mimeType": "text/plain", "buffer": b"\x89PNG\r\n\x1a\n\x00\x01\x02"}]
    )
    page.get_by_role("button", name="Xử lý và lưu").click()
    expect(page.get_by_text("không đọc được").first).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_test_id("stAlertContentError").first).to_contain_text("<img src=x onerror=")

    page.wait_for_timeout(500)
    assert pwned(page) == [None] * len(page.frames)
    assert dialogs == []
    assert page.locator('a[href^="javascript"]').count() == 0
    assert not log.off_machine, log.off_machine  # the <img src=x> was never requested either
    assert not [url for url in log.requests if url.endswith("/x")]  # <img src=x>, ![](x) never loaded
    context.close()


@pytest.fixture(scope="module")
def incident_server(tmp_path_factory: pytest.TempPathFactory, built_db: Path):
    """A server whose store holds two articles (two outlets) reporting one shelling of Terter."""
    from test_dashboard_data import store_terter_reports

    from events.pipeline import Extractor
    from gazetteer import Gazetteer
    from store.db import EventStore

    folder = tmp_path_factory.mktemp("incident")
    with EventStore(folder / "events.sqlite") as store:
        gazetteer = Gazetteer(built_db, folder / "user_places.sqlite")
        store_terter_reports(store, Extractor(gazetteer))
        gazetteer.close()
    with serve(folder / "events.sqlite", folder / "user_places.sqlite") as running:
        yield running


def test_incident_reported_twice_is_one_marker_listing_both_sources(browser, incident_server) -> None:
    context = browser.new_context(viewport={"width": 1500, "height": 1000})
    log = RequestLog().attach(context)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(incident_server.url)
    frame = event_map(page)
    marker = frame.locator(f'{MARKERS}[title*="Tartar"]')
    expect(marker).to_have_count(1, timeout=TIMEOUT)
    expect(marker).to_have_attribute("title", re.compile(r"· 2 nguồn$"))
    marker.click()
    popup = frame.locator(".leaflet-popup-content")
    expect(popup.locator("li.dd-report")).to_have_count(2, timeout=TIMEOUT)
    expect(popup).to_contain_text("2 nguồn")
    first, second = popup.locator("li.dd-report").all()
    expect(first.get_by_role("link", name="Báo Mẫu")).to_have_attribute(
        "href", "https://bao-mau.example/terter"
    )
    expect(first).to_contain_text("Pháo binh Armenia nã đạn vào Terter")
    expect(first).to_contain_text("làm 2 dân thường thiệt mạng")
    expect(second).to_contain_text("Tin <i>Thử</i>")  # the outlet's name as text, not a link
    expect(second).to_contain_text("<img src=x onerror=alert(1)>")
    expect(second).to_contain_text("khiến 3 người chết")
    assert second.locator("a, img, i").count() == 1  # only the title's own <i>
    page.wait_for_load_state("networkidle")
    assert not log.off_machine, log.off_machine
    assert not log.failures, log.failures
    assert not errors, errors
    context.close()
