"""The map's front-end files: installed locally by the setup, and linked only from there."""

from __future__ import annotations

import json
import re

import pytest

from dashboard import assets
from dashboard.mapview import build_map, picker_map

EVENTS = '[[40.3,46.9,1,false,"tooltip","a:1"]]'
PLACES = '[[40,45,6,"place (1)","place:x"]]'
POPUPS = "/app/static/cache/popups-test.json"


def test_every_file_the_map_loads_is_installed() -> None:
    assert assets.missing_files() == [], "run `make assets`"
    needed = assets.needed_files()
    # CSS neighbours are followed: Font Awesome's webfonts, Leaflet's layer-control icon.
    assert any(path.startswith("fontawesome/webfonts/") for path in needed)
    assert "leaflet/images/layers.png" in needed


def _elements(element):
    yield element
    for child in element._children.values():
        yield from _elements(child)


@pytest.mark.parametrize("online", [False, True])
def test_maps_link_only_local_files(online: bool) -> None:
    """What st_folium loads (every element's default_js/css) and what the page links are local."""
    for fmap in (build_map(EVENTS, PLACES, POPUPS, {}, "vi", online_tiles=online), picker_map()):
        declared = [
            link
            for element in _elements(fmap.get_root())
            for _, link in [*getattr(element, "default_js", []), *getattr(element, "default_css", [])]
        ]
        page = fmap.get_root().render()
        linked = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', page)
        assert declared and linked
        for link in {*declared, *linked}:
            assert link.startswith(assets.STATIC_URL + "/"), link
            assert (assets.VENDOR / link.removeprefix(assets.STATIC_URL + "/")).is_file(), link


def test_online_tiles_only_when_asked() -> None:
    offline = build_map(EVENTS, "[]", POPUPS, {}, "vi").get_root().render()
    assert "://" not in offline.replace("http://www.w3.org", "")  # SVG/XHTML namespaces only
    online = build_map(EVENTS, "[]", POPUPS, {}, "vi", online_tiles=True).get_root().render()
    assert "tile.openstreetmap.org" in online


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


def test_labels_and_region_outlines_for_the_offline_map() -> None:
    labels = json.loads((assets.VENDOR / assets.LABELS).read_text(encoding="utf-8"))
    by_name = {row[2]: row for row in labels}
    # countries from the first zoom, regions from zoom 6, towns by population
    assert by_name["Azerbaijan"][4] <= 4 and by_name["Azerbaijan"][5] == 0
    assert by_name["Kharkiv"][5] == 2 and by_name["Kharkiv"][4] <= 6
    assert any(row[3] == "Stepanakert" and row[4] <= 9 for row in labels)  # Xankandi, as the press writes it
    assert all(row[4] >= 6 for row in labels if row[5] == 1)
    assert any(row[3] for row in labels)  # Vietnamese names where they differ
    assert (assets.VENDOR / assets.LABELS).stat().st_size < 1_500_000  # fetched once per page
    regions = json.loads((assets.VENDOR / assets.ADMIN1).read_text(encoding="utf-8"))
    assert len(regions["features"]) > 4000
    assert {f["geometry"]["type"] for f in regions["features"]} <= {"LineString", "MultiLineString"}
