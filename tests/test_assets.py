"""The map's front-end files: installed locally by the setup, and folium pointed at them."""

from __future__ import annotations

import gc
import json
import re
from typing import ClassVar

import pytest
from branca.element import MacroElement

from dashboard import assets
from dashboard.mapview import build_map, picker_map

EVENTS = '[[40.3,46.9,1,false,"tooltip","a:1"]]'
PLACES = '[[40,45,6,"place (1)","place:x"]]'
POPUPS = "/app/static/cache/popups-test.json"


def test_every_file_the_map_loads_is_installed() -> None:
    assert assets.missing_files() == [], "run `make assets`"
    needed = assets.needed_files()
    # CSS neighbours are followed: Font Awesome's webfonts, awesome-markers' sprites.
    assert any(path.startswith("fontawesome/webfonts/") for path in needed)
    assert "leaflet/images/marker-icon.png" in needed


def test_rendered_maps_link_nothing_remote() -> None:
    assets.use_local_assets()
    assets.use_local_assets()  # idempotent
    for fmap in (build_map(EVENTS, PLACES, POPUPS, {}, "vi"), picker_map()):
        page = fmap.get_root().render()
        links = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', page)
        assert links and all(link.startswith(assets.STATIC_URL + "/") for link in links), links
        for link in links:
            assert (assets.VENDOR / link.removeprefix(assets.STATIC_URL + "/")).is_file(), link
        assert "https://" not in page.replace("https://github.com", "")


def test_online_tiles_only_when_asked() -> None:
    assets.use_local_assets()
    assert "tile.openstreetmap.org" not in build_map(EVENTS, "[]", POPUPS, {}, "vi").get_root().render()
    online = build_map(EVENTS, "[]", POPUPS, {}, "vi", online_tiles=True)
    assert "tile.openstreetmap.org" in online.get_root().render()


def test_an_unknown_cdn_url_is_an_error_and_changes_nothing() -> None:
    class NewPlugin(MacroElement):
        default_js: ClassVar = [("new", "https://cdn.example.org/new-plugin.js")]

    before = dict(assets.CDN_URLS)
    try:
        with pytest.raises(assets.AssetsError, match=r"cdn\.example\.org/new-plugin\.js"):
            assets.use_local_assets()
        assert NewPlugin.default_js == [("new", "https://cdn.example.org/new-plugin.js")]
    finally:
        del NewPlugin
        gc.collect()  # drop it from MacroElement.__subclasses__()
    assert before == assets.CDN_URLS
    assets.use_local_assets()


def test_country_outlines_for_the_offline_base_layer() -> None:
    path = assets.VENDOR / assets.COUNTRIES
    collection = json.loads(path.read_text(encoding="utf-8"))
    codes = {f["properties"]["code"] for f in collection["features"]}
    assert len(codes) >= 190
    assert {"AZ", "AM", "IR", "TR", "VN", "UA"} <= codes
    assert path.stat().st_size < 2_000_000  # loaded by every page


def test_install_fails_cleanly_without_node_modules(tmp_path) -> None:
    vendor = tmp_path / "vendor"
    vendor.mkdir()
    (vendor / "keep.txt").write_text("old copy")
    with pytest.raises(assets.AssetsError, match="npm install"):
        assets.install(tmp_path / "node_modules", vendor)
    assert (vendor / "keep.txt").read_text() == "old copy"  # the old copy is left alone
