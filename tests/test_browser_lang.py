"""One language at a time in a real browser (issue 12 item 6), and the places page's picker map
and unresolved names filling the form (item 8): a Streamlit server started here on a store of
its own (two articles, one naming a village the gazetteer lacks) and Debian's chromium.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_dashboard_lang import KVITKOVE, foreign

from dashboard.browser import CHROMIUM, RequestLog, launch_chromium, serve
from dashboard.chrome import leaflet_words
from dashboard.i18n import t

playwright_api = pytest.importorskip("playwright.sync_api")
expect = playwright_api.expect

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} missing: run `make chromium`")

TIMEOUT = 60_000
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
GAZA = (
    "Quân đội Israel không kích thành phố Khan Younis ở Dải Gaza hôm qua, ít nhất 12 người thiệt mạng, "
    "Bộ Y tế Gaza cho biết."
)

# What the page says, data left out: its visible text and the attributes a screen reader or a
# tooltip reads (aria-label, title, placeholder, alt), in the page and in dropdowns, tooltips and
# menus drawn outside it. Data: the article and its event (detail panel), the feed's places and
# actors, the language switch (it names both languages), icons (their ligature names, when
# the font is loaded; see the test of the play controls). A frame's accessible name is its
# aria-label when it has one (the map's frame is titled by its module's name).
STRINGS = """(skip) => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const el = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
    if (!el || el.closest(skip)) continue;
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node.textContent.trim();
      if (text && el.checkVisibility({visibilityProperty: true, opacityProperty: false})) out.push(text);
      continue;
    }
    for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
      if (name === 'title' && el.tagName === 'IFRAME' && el.getAttribute('aria-label')) continue;
      const value = (el.getAttribute(name) || '').trim();
      if (value) out.push(value);
    }
  }
  return out;
}"""
# The same inside a map's frame: Leaflet's controls, the legend, the clusters' and markers' titles;
# data left out: the gazetteer's place names and the popups (the article's sentence).
PAGE_DATA = (
    '[data-testid="stIconMaterial"], [data-testid="dd-article"], [data-testid="dd-event"],'
    ' [data-testid="stRadio"], .dd-head, .dd-actors, script, style, textarea'
)
MAP_DATA = ".dd-label, .leaflet-popup-content, script, style"
LEAFLET = {lang: leaflet_words(lang) for lang in ("vi", "en")}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, built_db: Path):
    from events.pipeline import Extractor
    from events.reader import article_from_text
    from gazetteer import Gazetteer
    from store.db import EventStore

    folder = tmp_path_factory.mktemp("lang")
    gazetteer = Gazetteer(built_db, folder / "user_places.sqlite")
    extractor = Extractor(gazetteer)
    with EventStore(folder / "events.sqlite") as store:
        for text in (GAZA, KVITKOVE):
            article = article_from_text(text, published="2024-06-02")
            assert store.add(extractor.extract(article), article.text)
    gazetteer.close()
    with serve(folder / "events.sqlite", folder / "user_places.sqlite") as running:
        yield running


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    log = RequestLog().attach(context)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server.url)
    expect(page.get_by_role("tab").first).to_be_visible(timeout=TIMEOUT)
    yield page
    assert not log.off_machine, log.off_machine
    assert not errors, errors
    context.close()


def map_strings(page) -> list[str]:
    """What the map frames say (Leaflet's controls, the legend, titles), data left out."""
    out: list[str] = []
    for frame in page.frames[1:]:
        if frame.is_detached():
            continue
        try:
            if frame.evaluate("() => !!document.querySelector('.leaflet-container')"):
                out += frame.evaluate(STRINGS, MAP_DATA)
        except playwright_api.Error:  # a frame redrawn meanwhile
            continue
    return out


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_tab_in_one_language(page, lang: str) -> None:
    if lang == "en":
        page.get_by_text("English", exact=True).click()
    tabs = [t(k, lang) for k in ("tab_map", "tab_table", "tab_add", "tab_places")]
    expect(page.get_by_role("tab", name=tabs[0])).to_be_visible(timeout=TIMEOUT)
    # an event selected on the map: the detail and review panels speak the language too
    frame = page.frame_locator(MAP_FRAME).first
    marker = frame.locator(".leaflet-marker-icon:not(.marker-cluster)").first
    expect(marker).to_be_visible(timeout=TIMEOUT)
    marker.click()
    expect(page.get_by_test_id("dd-event")).to_be_visible(timeout=TIMEOUT)
    # the map's own controls, the popup's close button, the open layers list
    close = frame.locator(".leaflet-popup-close-button")
    expect(close).to_have_attribute("aria-label", LEAFLET[lang]["close_popup"], timeout=TIMEOUT)
    expect(frame.locator(".leaflet-control-zoom-in")).to_have_attribute("title", LEAFLET[lang]["zoom_in"])
    expect(frame.locator(".leaflet-control-layers-toggle")).to_have_attribute(
        "title", LEAFLET[lang]["layers"]
    )
    seen = map_strings(page)
    page.get_by_text(t("edit_event", lang), exact=True).click()  # the review form: its date typed
    page.wait_for_timeout(1000)
    assert not page.locator('[data-testid="stDateInput"]').count()  # Streamlit's calendar is English
    for name in tabs:
        page.get_by_role("tab", name=name).click()
        page.wait_for_timeout(1500)
        page.wait_for_load_state("networkidle")
        seen += page.evaluate(STRINGS, PAGE_DATA)
    map_name = page.locator(MAP_FRAME).first.get_attribute("aria-label")
    assert map_name == t("tab_map", lang)  # not "streamlit_folium.st_folium"
    # a multiselect: its placeholder, and opened, its options and no "Select all"; a search that
    # finds nothing says so in the language
    choose = page.get_by_placeholder(t("choose", lang), exact=True)
    assert choose.count() >= 3  # the filters (and the look-up name)
    choose.first.click()
    page.wait_for_timeout(500)
    options = page.get_by_role("option").all_inner_texts()
    assert options and not [o for o in options if "Select" in o], options
    seen += options + page.evaluate(STRINGS, PAGE_DATA)
    page.keyboard.type("zzzq")
    no_results = {"vi": "Không có kết quả", "en": "No results"}[lang]
    expect(page.get_by_text(no_results, exact=True)).to_be_visible(timeout=TIMEOUT)
    seen += page.evaluate(STRINGS, PAGE_DATA)
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.get_by_text(t("title", lang), exact=True).click()  # the dropdown closed
    # the sidebar's collapse button and the tables' and chart's toolbars (read by screen readers)
    page.get_by_role("tab", name=tabs[0]).click()
    page.locator('[data-testid="stVegaLiteChart"]').first.hover()
    page.wait_for_timeout(500)
    seen += page.evaluate(STRINGS, PAGE_DATA)
    assert len(seen) > 40
    assert {t(k, lang) for k in ("tab_places", "process", "confirm", "edit_event")} <= set(seen)
    words = {
        "vi": ("Thu gọn thanh bên", "Toàn màn hình", "Mở"),
        "en": ("Collapse sidebar", "Fullscreen", "Open"),
    }
    assert set(words[lang]) <= {s.split(":")[0] for s in seen}, sorted(set(seen))
    assert not foreign(seen, lang), sorted(set(foreign(seen, lang)))
    # The uploader's own strings (Streamlit has no parameter for them): the limit it states is
    # the reader's 20 MB, and its words are in the language
    page.get_by_role("tab", name=tabs[2]).click()
    dropzone = page.get_by_test_id("stFileUploaderDropzone")
    expect(dropzone).to_be_visible(timeout=TIMEOUT)
    limit = {"vi": "Tối đa 20 MB mỗi tệp", "en": "20MB per file"}[lang]
    expect(dropzone.get_by_text(limit)).to_be_visible(timeout=TIMEOUT)
    uploader_words = dropzone.inner_text()
    assert not foreign([uploader_words], lang), uploader_words
    # a file over the limit: the browser refuses it before sending, in the language
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        files=[{"name": "big.txt", "mimeType": "text/plain", "buffer": b"a" * (21 * 1024 * 1024)}]
    )
    too_big = {"vi": "Tệp phải nhỏ hơn hoặc bằng", "en": "File must be"}[lang]
    error = page.get_by_text(too_big)
    expect(error).to_be_visible(timeout=TIMEOUT)
    message = error.first.inner_text()
    assert "20" in message and not foreign([message], lang), message


def test_play_controls_are_words_not_icon_names(browser, server) -> None:
    """Offline or before Streamlit's icon font loads, a ``:material/play_arrow:`` button shows
    (and a screen reader reads) "play_arrow": the play controls are written, in the language."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.route("**/*MaterialSymbols*", lambda route: route.abort())  # the icon font never loads
    page = context.new_page()
    page.goto(server.url)
    sidebar = page.get_by_test_id("stSidebar")
    for lang in ("vi", "en"):
        if lang == "en":
            page.get_by_text("English", exact=True).click()
        play = sidebar.get_by_role("button", name=f"▶ {t('play', lang)}")
        expect(play).to_be_visible(timeout=TIMEOUT)
        for key in ("step_back", "step_forward"):
            expect(sidebar.get_by_role("button", name=t(key, lang))).to_be_visible()
        text = sidebar.inner_text()
        assert not [w for w in ("play_arrow", "skip_previous", "skip_next", "pause") if w in text], text
    context.close()


def test_picker_map_and_unresolved_names_fill_the_place_form(page) -> None:
    page.get_by_role("tab", name="Địa danh").click()
    name = page.get_by_label("Tên", exact=True)
    lat, lon = page.get_by_label("Vĩ độ"), page.get_by_label("Kinh độ")
    expect(name).to_be_visible(timeout=TIMEOUT)
    assert (name.input_value(), lat.input_value(), lon.input_value()) == ("", "", "")

    # a click on the unresolved name's row puts it into the form
    table = page.locator("[data-testid=stDataFrame]:visible").first  # the unresolved names
    expect(table).to_be_visible(timeout=TIMEOUT)
    box = table.bounding_box()
    page.mouse.click(box["x"] + 14, box["y"] + 35 + 17)  # the first row's selection cell
    expect(name).to_have_value("Kvitkove", timeout=TIMEOUT)

    # a click on the picker map fills the latitude and longitude
    page.get_by_text("Chọn toạ độ trên bản đồ").click()
    picker = page.frame_locator(MAP_FRAME).last
    canvas = picker.locator(".leaflet-container")
    expect(canvas).to_be_visible(timeout=TIMEOUT)
    page.wait_for_timeout(1000)
    canvas.click(position={"x": 60, "y": 60})
    expect(lat).not_to_have_value("", timeout=TIMEOUT)
    picked = float(lat.input_value()), float(lon.input_value())
    assert 20 < picked[0] < 60 and 20 < picked[1] < 75 and picked != (0, 0)  # around the Caucasus view
    expect(page.get_by_text(f"Đã lấy toạ độ {picked[0]:.5f}, {picked[1]:.5f} từ bản đồ.")).to_be_visible()
    assert name.input_value() == "Kvitkove"  # the name stays


def test_at_800_px_rows_of_buttons_stay_rows(browser, server) -> None:
    """At 800 px the page's columns stack (the map takes the width), but a row of buttons stays
    a row: the play controls under the date slider, the review panel's verdicts."""
    context = browser.new_context(viewport={"width": 800, "height": 900})
    page = context.new_page()
    page.goto(server.url)
    marker = page.frame_locator(MAP_FRAME).first.locator(".leaflet-marker-icon:not(.marker-cluster)").first
    expect(marker).to_be_visible(timeout=TIMEOUT)
    marker.click()
    verdicts = [page.get_by_role("button", name=t(k, "vi"), exact=True) for k in ("confirm", "reject")]
    expect(verdicts[0]).to_be_visible(timeout=TIMEOUT)
    tops = {round(b.bounding_box()["y"]) for b in verdicts}
    assert len(tops) == 1, tops  # side by side
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar).to_have_attribute("data-collapsed", "true", timeout=TIMEOUT)
    page.get_by_test_id("stExpandSidebarButton").click()
    play = [sidebar.get_by_role("button", name=n) for n in ("◀ Lùi", "▶ Chạy", "Tiến ▶")]
    expect(sidebar).to_have_attribute("data-collapsed", "false", timeout=TIMEOUT)
    expect(play[0]).to_be_visible(timeout=TIMEOUT)
    expect(play[0]).to_be_in_viewport(ratio=1.0, timeout=TIMEOUT)  # the sidebar has slid in
    page.wait_for_timeout(500)
    boxes = [b.bounding_box() for b in play]
    assert len({round(b["y"]) for b in boxes}) == 1, boxes  # one row
    assert all(b["width"] >= 60 for b in boxes), boxes  # each word whole
    context.close()
