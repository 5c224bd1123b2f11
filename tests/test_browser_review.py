"""End to end, the analyst's review: reject one event and edit another in the browser, ingest the
articles again from the command line, and the map still shows both decisions. Provenance: the
popup names the outlet or the file, never an id.

Reuses the server, browser and map helpers of ``test_dashboard_browser.py`` (a server of its
own: this module changes its store).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from test_dashboard_browser import MARKERS, SCREENSHOTS, TIMEOUT, browser, event_map, expect, server  # noqa: F401

from dashboard.browser import CHROMIUM
from dashboard.i18n import sub_event_label

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} missing: run `make chromium`")
ROOT = Path(__file__).resolve().parent.parent


def search(page, text: str, shown: int) -> None:
    box = page.get_by_label("Tìm trong nội dung")
    box.fill(text)
    box.press("Enter")
    expect(page.get_by_text(re.compile(rf"^{shown} sự kiện đang hiển thị"))).to_be_visible(timeout=TIMEOUT)


# the marker's tooltip names the sub-event type in the page's language (Vietnamese here)
AIR_STRIKE = sub_event_label("Air/drone strike", "vi")


def open_marker(page, title: str):
    """Click the marker whose tooltip holds ``title``; its popup. A click that lands while
    Streamlit swaps the map's frame for the rerun's new one (after a search) opens nothing in
    the new frame: the marker is clicked again there, as a user would."""
    popup = event_map(page).locator(".leaflet-popup-content")
    for attempt in range(3):
        marker = event_map(page).locator(f'{MARKERS}[title*="{title}"]')
        expect(marker).to_have_count(1, timeout=TIMEOUT)
        marker.click()
        try:
            expect(popup).to_be_visible(timeout=15_000 if attempt < 2 else TIMEOUT)
            return popup
        except AssertionError:
            if attempt == 2:
                raise
    return popup


def status(page):
    return page.get_by_test_id("dd-review-status")


def test_rejected_and_edited_events_stay_so_after_a_reingest(browser, server) -> None:  # noqa: F811
    context = browser.new_context(viewport={"width": 1500, "height": 1100}, locale="vi-VN")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server.url)
    expect(event_map(page).locator(MARKERS).first).to_be_visible(timeout=TIMEOUT)

    # Provenance: the popup names the outlet, never the event's id.
    search(page, "Terter", 1)
    popup = open_marker(page, "Tartar")
    expect(popup).to_contain_text("VnExpress")
    # the popup's id line is there for event_id_from_popup (streamlit-folium returns the popup's
    # text) but never seen: a 1-pixel box clipped away
    hidden = popup.locator(".dd-id")
    assert hidden.evaluate("e => getComputedStyle(e).clipPath") == "inset(50%)"
    assert hidden.bounding_box()["width"] <= 1
    assert "ID:" not in page.get_by_test_id("dd-event").inner_text()
    expect(status(page)).to_have_attribute("data-status", "unreviewed", timeout=TIMEOUT)

    # Reject the Terter shelling: it leaves the map, the panel says so.
    page.get_by_role("button", name="Loại bỏ").click()
    expect(status(page)).to_have_attribute("data-status", "rejected", timeout=TIMEOUT)
    expect(page.get_by_text(re.compile(r"^0 sự kiện đang hiển thị"))).to_be_visible(timeout=TIMEOUT)
    expect(event_map(page).locator(f'{MARKERS}[title*="Tartar"]')).to_have_count(0, timeout=TIMEOUT)

    # Edit the air strike: 4 killed (the article gives no figure).
    search(page, "tấn công bằng không quân", 1)  # "Không quân" alone is also the downed jets
    popup = open_marker(page, AIR_STRIKE)
    expect(status(page)).to_have_attribute("data-status", "unreviewed", timeout=TIMEOUT)
    page.get_by_text("Sửa sự kiện").click()
    deaths = page.get_by_label("Thương vong (chết)")
    expect(deaths).to_have_count(1, timeout=TIMEOUT)  # the Terter form gone (Streamlit's rerun done)
    deaths.fill("4")
    deaths.press("Tab")
    page.get_by_role("button", name="Lưu chỉnh sửa").click()
    expect(status(page)).to_have_attribute("data-status", "edited", timeout=TIMEOUT)
    popup = open_marker(page, AIR_STRIKE)
    expect(popup).to_contain_text("Thương vong (chết): 4", timeout=TIMEOUT)

    # Read and extract every article again, as a user would from the command line.
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "store",
            "ingest",
            str(ROOT / "articles"),
            "--db",
            str(server.store),
            "--replace",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr

    page.reload()
    expect(event_map(page).locator(MARKERS).first).to_be_visible(timeout=TIMEOUT)
    search(page, "Terter", 0)  # still rejected
    page.get_by_text("Hiện cả sự kiện đã loại").click()
    expect(page.get_by_text(re.compile(r"^1 sự kiện đang hiển thị"))).to_be_visible(timeout=TIMEOUT)
    open_marker(page, "Tartar")
    expect(status(page)).to_have_attribute("data-status", "rejected", timeout=TIMEOUT)
    search(page, "tấn công bằng không quân", 1)  # "Không quân" alone is also the downed jets
    popup = open_marker(page, AIR_STRIKE)
    expect(popup).to_contain_text("Thương vong (chết): 4", timeout=TIMEOUT)  # still edited
    expect(popup).to_contain_text("Thẩm định: đã sửa")
    expect(status(page)).to_have_attribute("data-status", "edited", timeout=TIMEOUT)
    page.get_by_text("Sửa sự kiện").click()  # the review panel open, for the README's picture
    expect(page.get_by_role("button", name="Lưu chỉnh sửa")).to_be_visible(timeout=TIMEOUT)
    page.set_viewport_size({"width": 1500, "height": 1600})
    page.wait_for_timeout(1000)  # the expander's animation
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "review.png", full_page=True)
    assert not errors, errors
    context.close()
