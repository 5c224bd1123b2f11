"""The map redrawn in place (issue 12's slider target, issue 13 item 4) in a real browser: a real
Streamlit server and Debian's chromium, as ``test_dashboard_browser.py`` (whose fixtures these
tests share).

A slider change updates the map in its frame (same document, view kept, the new markers), it
does not draw a new map.
"""

# ruff: noqa: F811  (the shared fixtures are imported, then named as arguments)
from __future__ import annotations

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
