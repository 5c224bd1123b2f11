"""One language at a time in a real browser (issue 12 item 6), and the places page's picker map
and unresolved names filling the form (item 8): a Streamlit server started here on a store of
its own (two articles, one naming a village the gazetteer lacks) and Debian's chromium.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_dashboard_lang import KVITKOVE, foreign

from dashboard.browser import CHROMIUM, RequestLog, launch_chromium, serve
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

# The page's visible text, data left out: the article and its event (detail panel), the maps'
# frames, icons (their ligature names), the language switch (it names both languages).
VISIBLE_TEXT = """() => {
  const skip = '[data-testid="stIconMaterial"], [data-testid="dd-article"], [data-testid="dd-event"],'
    + ' iframe, [data-testid="stRadio"]';
  const out = [];
  for (const root of document.querySelectorAll('[data-testid="stMain"], [data-testid="stSidebar"]')) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const el = walker.currentNode.parentElement;
      const text = walker.currentNode.textContent.trim();
      if (!text || !el || el.closest(skip)) continue;
      if (!el.checkVisibility({visibilityProperty: true, opacityProperty: false})) continue;
      out.push(text);
    }
  }
  return out;
}"""
AFTER = "(selector) => getComputedStyle(document.querySelector(selector), '::after').content"


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


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_tab_in_one_language(page, lang: str) -> None:
    if lang == "en":
        page.get_by_text("English", exact=True).click()
    tabs = [t(k, lang) for k in ("tab_map", "tab_table", "tab_add", "tab_places")]
    expect(page.get_by_role("tab", name=tabs[0])).to_be_visible(timeout=TIMEOUT)
    # an event selected on the map: the detail and review panels speak the language too
    marker = page.frame_locator(MAP_FRAME).first.locator(".leaflet-marker-icon:not(.marker-cluster)").first
    expect(marker).to_be_visible(timeout=TIMEOUT)
    marker.click()
    expect(page.get_by_test_id("dd-event")).to_be_visible(timeout=TIMEOUT)
    seen: list[str] = []
    for name in tabs:
        page.get_by_role("tab", name=name).click()
        page.wait_for_timeout(1500)
        page.wait_for_load_state("networkidle")
        seen += page.evaluate(VISIBLE_TEXT)
    # a multiselect: its placeholder, and opened, its options and no "Select all"
    choose = page.get_by_placeholder(t("choose", lang), exact=True)
    assert choose.count() >= 3  # the filters (and the look-up name)
    choose.first.click()
    page.wait_for_timeout(500)
    options = page.get_by_role("option").all_inner_texts()
    assert options and not [o for o in options if "Select" in o], options
    seen += options
    page.keyboard.press("Escape")
    assert len(seen) > 40
    assert {t(k, lang) for k in ("tab_places", "process", "confirm", "edit_event")} <= set(seen)
    assert not foreign(seen, lang), sorted(set(foreign(seen, lang)))
    # The uploader's own strings, replaced by CSS (Streamlit has no parameter for them).
    page.get_by_role("tab", name=tabs[2]).click()
    instructions = '[data-testid="stFileUploaderDropzoneInstructions"] span'
    expect(page.locator(instructions)).to_be_attached(timeout=TIMEOUT)
    assert page.evaluate(AFTER, instructions) == f'"{t("drop_limit", lang, mb=20)}"'
    button = '[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p'
    assert page.evaluate(AFTER, button) == f'"{t("browse", lang)}"'
    assert page.locator(instructions).evaluate("e => getComputedStyle(e).visibility") == "hidden"


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
