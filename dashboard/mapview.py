"""The folium map: events (clustered, coloured and iconed by type), places, extents, legend.

The map is drawn once per data version, language and tiles (:func:`base_map`), and stays in
its frame: streamlit-folium keeps a map whose script has not changed and evaluates, at each
rerun, only the feature group passed as ``feature_group_to_add`` (:func:`map_update`), which
calls the map's ``ddUpdate``. So a filter or slider change keeps the view, an open popup and a
click in progress, and costs what changed: the markers' rows (:class:`MapData`) and popups are
in files the browser fetches once per data version, an update names the shown markers by their
index, and the browser adds and removes only the difference. On an archive
(``dashboard/archive.py``) an update carries the view's markers or counts per cell and the
clicked event's popup instead. Every text that comes from an article is escaped here, on the
server; the browser assigns it with ``innerHTML`` only inside our markup, and sets tooltips as
text.
"""

from __future__ import annotations

import hashlib
import html
import json
import math
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import folium
import pandas as pd
from branca.element import Element, MacroElement
from folium.plugins import MarkerCluster
from folium.template import Template

from dashboard import assets
from dashboard.chrome import MapWords
from dashboard.i18n import event_type_label, place_names, sub_event_label, t
from dashboard.review import source_html, status_label

STYLE = {  # ACLED event type → (colour, Font Awesome icon)
    "Battles": ("#d62728", "fa-crosshairs"),
    "Explosions/Remote violence": ("#ff7f0e", "fa-bomb"),
    "Violence against civilians": ("#9467bd", "fa-user-injured"),
    "Strategic developments": ("#1f77b4", "fa-flag"),
    "Protests": ("#2ca02c", "fa-bullhorn"),
    "Riots": ("#8c564b", "fa-fire"),
}
DEFAULT_STYLE = ("#7f7f7f", "fa-circle")
COUNTRIES_URL = assets.url(assets.COUNTRIES)
ADMIN1_URL = assets.url(assets.ADMIN1)
LABELS_URL = assets.url(assets.LABELS)
# The types the first view fits (not the statements and talks placed at capitals and centroids).
VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians")
# Keys of the browser's sessionStorage: the map's view and the last event it zoomed to.
VIEW_KEY = "dd-view"
FOCUS_KEY = "dd-focused"
POPUP_DIR = Path(__file__).parent / "static" / "cache"  # generated, served at POPUP_URL
POPUP_URL = "/app/static/cache"
EVENT_ID_PREFIX = "ID: "
# On the map itself, not on a tile layer: offline there is none, and the marker clusters need
# the map's maxZoom ("Map has no maxZoom specified").
_ZOOMS = {"minZoom": 2, "maxZoom": 18}
# Offline the map stops at zoom 12 (town level: the labels and outlines hold nothing finer). The
# clusters are built for every zoom up to the last (where events on one spot spiderfy): at
# 10,000 events each level costs about 30 ms in the browser, so six fewer save about 180 ms.
OFFLINE_MAX_ZOOM = 12

_CSS = """
<style>
.dd-marker { width: 24px; height: 24px; border-radius: 50%; border: 2px solid #fff; color: #fff;
  display: flex; align-items: center; justify-content: center; font-size: 12px;
  box-shadow: 0 0 3px rgba(0,0,0,.6); }
.dd-marker.dd-approx { border: 2px dashed #222; opacity: .85; }
.dd-popup { font: 13px/1.4 system-ui, sans-serif; }
.dd-popup .dd-type { font-weight: 600; }
.dd-popup mark { background: #ffe066; padding: 0 1px; }
.dd-id { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%);
  white-space: nowrap; }  /* never shown; in the popup's text for event_id_from_popup */
.dd-popup .dd-reports ol { margin: 2px 0; padding-left: 18px; max-height: 220px; overflow: auto; }
.dd-popup .dd-report { margin-bottom: 4px; }
.dd-legend { position: absolute; bottom: 24px; left: 10px; z-index: 1000; max-width: 46%;
  background: rgba(255,255,255,.92); padding: 4px 9px; border-radius: 4px;
  font: 12px/1.5 system-ui, sans-serif; box-shadow: 0 0 4px rgba(0,0,0,.3); }
.dd-legend summary { cursor: pointer; font-weight: 600; }
.dd-legend span { display: inline-block; width: 11px; height: 11px; border-radius: 50%; margin-right: 5px;
  vertical-align: -1px; }
.dd-legend .dd-l-place { background: rgba(69,123,157,.45); border: 1px solid #1d3557; }
.dd-legend .dd-l-approx { border: 2px dashed #222; width: 9px; height: 9px; }
.dd-cluster { border-radius: 50%; display: flex; align-items: center; justify-content: center;
  box-shadow: 0 0 0 2px rgba(255,255,255,.9), 0 0 4px rgba(0,0,0,.5); }
.dd-cluster b { background: rgba(255,255,255,.92); color: #111; border-radius: 50%; min-width: 55%;
  height: 55%; display: flex; align-items: center; justify-content: center; font: 600 11px system-ui; }
.marker-cluster.dd-cluster-icon { background: none; }
.dd-label-icon { position: absolute; left: 0; top: 0; }
.dd-label { pointer-events: none; white-space: nowrap; font: 11px/1.1 system-ui, sans-serif; color: #333;
  text-shadow: 0 0 2px #fff, 0 0 2px #fff, 0 0 3px #fff; transform: translate(-50%, -50%); }
.dd-label.dd-c0 { font-weight: 700; font-size: 13px; color: #222; text-transform: uppercase;
  letter-spacing: .5px; }
.dd-label.dd-c1 { font-style: italic; color: #6b5b3e; font-size: 12px; }
.dd-label.dd-c2::before { content: ''; display: inline-block; width: 4px; height: 4px; border-radius: 50%;
  background: #444; margin-right: 3px; vertical-align: 2px; }
</style>
"""


class _RemoteGeoJson(MacroElement):
    """A GeoJSON layer the browser fetches from our static folder (not inlined: it is large)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map) {
            // Its own pane under the overlays: the outlines arrive last (fetched) and, drawn on
            // the shared canvas, would otherwise cover the place circles and the extents.
            if (!map.getPane('ddBase')) {
                map.createPane('ddBase').style.zIndex = 250;
            }
            fetch({{ this.url|tojson }}).then(function (r) { return r.json(); }).then(function (data) {
                L.geoJSON(data, {style: {{ this.style|tojson }}, interactive: false, pane: 'ddBase'})
                    .addTo({{ this._parent.get_name() }});
            });
        })({{ this._map_name }});
        {% endmacro %}
        """
    )

    def __init__(self, url: str, style: dict):
        super().__init__()
        self._name = "RemoteGeoJson"
        self.url = url
        self.style = style

    def render(self, **kwargs) -> None:
        self._map_name = _map_of(self).get_name()
        super().render(**kwargs)


def _map_of(element: Element) -> folium.Map:
    """The map an element was added to (through its feature groups)."""
    while not isinstance(element, folium.Map):
        element = element._parent
    return element


class _Popups(MacroElement):
    """Fetches the popups file once; ``ddBindPopup`` fills a layer's popup when it opens.

    Popup HTML is escaped on the server (:func:`event_popup`, :func:`place_popup`); the ID line
    is there from the start (as text) so that a click reports the event at once."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        // Fetched after the markers are drawn (or at the first click): parsing megabytes of
        // popups must not hold up the map.
        // Every filter change draws the map in a new frame: the files it fetches (popups, labels,
        // outlines) are parsed once and kept in the page (same origin), not fetched again.
        function ddShared(url) {
            var box;
            try { box = window.parent.ddShared = window.parent.ddShared || {}; } catch (e) { box = {}; }
            if (box[url]) { return Promise.resolve(box[url]); }
            return fetch(url)
                .then(function (r) { return r.ok ? r.json() : null; })
                .then(function (data) {
                    var keys = Object.keys(box);
                    if (keys.length > 8) { delete box[keys[0]]; }
                    if (data) { box[url] = data; }
                    return data;
                })
                .catch(function () { return null; });
        }
        var ddPopups = null;
        function ddLoadPopups() {
            if (!ddPopups) {
                var url = {{ this.url|tojson }};  // none on an archive: each comes with its click
                ddPopups = url ? ddShared(url).then(function (d) { return d || {}; }) : Promise.resolve({});
            }
            return ddPopups;
        }
        setTimeout(ddLoadPopups, 1000);
        // Popups sent with an update (an archive's clicked event): kept, and filled in at once
        // when their popup is open.
        var ddExtra = {}, ddFill = {};
        function ddAddPopups(popups) {
            Object.keys(popups || {}).forEach(function (key) {
                ddExtra[key] = popups[key];
                if (ddFill[key]) { ddFill[key](); }
            });
        }
        function ddBindPopup(layer, key, idLine) {
            var content = document.createElement('div');
            if (idLine) {
                var line = document.createElement('div');
                line.className = 'dd-id';
                line.textContent = idLine;
                content.appendChild(line);
            }
            // Kept 60 px from the map's edges: the close button never sits under the layers
            // control (top right) or the zoom buttons (top left).
            layer.bindPopup(content, {maxWidth: 380, autoPanPadding: [60, 60]});
            function fill(html) {
                if (html && layer.isPopupOpen()) { content.innerHTML = html; layer.getPopup().update(); }
            }
            ddFill[key] = function () { fill(ddExtra[key]); };
            layer.on('popupopen', function () {
                if (ddExtra[key]) { fill(ddExtra[key]); return; }
                ddLoadPopups().then(function (popups) { fill(popups[key]); });
            });
        }
        {% endmacro %}
        """
    )

    def __init__(self, url: str):
        super().__init__()
        self._name = "Popups"
        self.url = url


class _EventCluster(MarkerCluster):
    """The event markers, clustered, made in the browser from :class:`MapData` rows.

    One divIcon per style is shared by all markers and ``addLayers`` adds them in one go:
    10,000 markers take a fraction of a second. A cluster is a pie of its events' types (the
    legend's colours, the largest share first) with its count; at the last zoom, markers on
    one spot spiderfy. The markers are kept by event id (``ddMarkers``) for the selection.

    The layer starts empty: :class:`_Update` (sent on every rerun, the map itself staying in
    place) gives it its rows (``ddSetEvents``), or counts per grid cell (``ddSetCells``)."""

    default_js = assets.js_links("markerclusterjs")
    default_css = assets.css_links("markerclustercss", "markerclusterdefaultcss")

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = (function () {
            var styles = {{ this.styles }};
            var labels = {{ this.labels }};
            var icons = {};
            function icon(style, approx) {
                var key = style + (approx ? 'a' : '');
                if (!icons[key]) {
                    icons[key] = L.divIcon({
                        className: 'dd-icon',
                        html: '<div class="dd-marker' + (approx ? ' dd-approx' : '') + '" style="background:'
                            + styles[style][0] + '"><i class="fa-solid ' + styles[style][1] + '"></i></div>',
                        iconSize: [26, 26], iconAnchor: [13, 13], popupAnchor: [0, -12]
                    });
                }
                return icons[key];
            }
            function clusterIcon(cluster) {
                var children = cluster.getAllChildMarkers(), counts = {}, n = children.length;
                for (var i = 0; i < n; i++) {
                    var k = children[i].options.ddStyle;
                    counts[k] = (counts[k] || 0) + 1;
                }
                var keys = Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a]; });
                var stops = [], acc = 0, title = [];
                keys.forEach(function (k) {
                    var a = acc / n * 360; acc += counts[k];
                    var b = acc / n * 360;
                    stops.push(styles[k][0] + ' ' + a.toFixed(1) + 'deg ' + b.toFixed(1) + 'deg');
                    title.push(labels[k] + ': ' + counts[k]);
                });
                var size = n < 10 ? 30 : n < 100 ? 36 : n < 1000 ? 42 : 48;
                var div = document.createElement('div');
                div.className = 'dd-cluster';
                div.style.cssText = 'width:' + size + 'px;height:' + size + 'px;background:conic-gradient('
                    + stops.join(',') + ')';
                div.title = title.join(' · ');
                div.dataset.dominant = keys[0];
                var count = document.createElement('b');
                count.textContent = n;
                div.appendChild(count);
                return L.divIcon({html: div, className: 'marker-cluster dd-cluster-icon',
                                  iconSize: L.point(size, size)});
            }
            // Markers are made once per event and kept (byId); an update adds and removes only
            // the difference between the events shown and the events asked for (ddSetEvents), so
            // a slider step of a day moves a few markers, not 10,000.
            var byId = {}, current = {};
            function make(row) {
                var marker = L.marker([row[0], row[1]], {icon: icon(row[2], row[3]), title: row[4],
                                                          ddStyle: row[2], ddId: row[5]});
                ddBindPopup(marker, row[5], {{ this.id_prefix|tojson }} + row[5]);
                marker.on('click', function (e) {
                    try {
                        sessionStorage.setItem({{ this.focus_key|tojson }}, e.target.options.ddId);
                    } catch (err) {}
                });
                byId[row[5]] = marker;
                return marker;
            }
            var cluster = L.markerClusterGroup({
                showCoverageOnHover: false,
                spiderfyOnMaxZoom: true,
                // Without animations: an animated cluster ignores the moves of its first 200 ms,
                // so a view restored and then moved to the selected event would be drawn stale.
                animate: false,
                // Clusters break up as one zooms in, but never vanish: events on one spot stay a
                // cluster to the last zoom, where a click spiderfies them.
                maxClusterRadius: function (zoom) { return zoom >= 9 ? 28 : 60; },
                iconCreateFunction: clusterIcon
            });
            cluster.addTo({{ this._parent.get_name() }});
            // Every marker row of the data version (:func:`write_popups` of MapData.rows), fetched
            // once: an update then names the shown ones by their index in it.
            var all = null;
            window.ddMarkerRows = function () {
                var url = {{ this.url|tojson }};
                if (!all) {
                    all = url ? ddShared(url).then(function (d) { return d || []; }) : Promise.resolve([]);
                }
                return all;
            };
            // Counts per grid cell (a view of more events than markers can show: store.view).
            var cellLayer = L.layerGroup().addTo({{ this._parent.get_name() }});
            window.ddSetEvents = function (rows) {
                var wanted = {}, add = [], remove = [];
                for (var i = 0; i < rows.length; i++) {
                    var id = rows[i][5];
                    wanted[id] = byId[id] || make(rows[i]);
                    if (!current[id]) { add.push(wanted[id]); }
                }
                Object.keys(current).forEach(function (id) {
                    if (!wanted[id]) { remove.push(current[id]); }
                });
                if (remove.length) { cluster.removeLayers(remove); }
                if (add.length) { cluster.addLayers(add); }
                current = wanted;
                window.ddMarkers = wanted;
            };
            window.ddSetCells = function (cells) {
                cellLayer.clearLayers();
                (cells || []).forEach(function (c) {
                    var n = c[2], size = n < 10 ? 30 : n < 100 ? 36 : n < 1000 ? 42 : n < 10000 ? 48 : 56;
                    var div = document.createElement('div');
                    div.className = 'dd-cluster dd-cell';
                    div.style.cssText = 'width:' + size + 'px;height:' + size + 'px;background:#6c757d';
                    var count = document.createElement('b');
                    count.textContent = n >= 10000 ? Math.round(n / 1000) + 'k' : n;
                    div.appendChild(count);
                    var cell = L.marker([c[0], c[1]], {icon: L.divIcon({html: div,
                        className: 'marker-cluster dd-cluster-icon', iconSize: L.point(size, size)}),
                        title: String(n)});
                    // A click zooms into the cell: its events come as markers when they are few.
                    cell.on('click', function () {
                        cell._map.fitBounds([[c[3], c[4]], [c[5], c[6]]], {animate: false});
                    });
                    cellLayer.addLayer(cell);
                });
            };
            window.ddMarkers = current;
            window.ddCluster = cluster;
            return cluster;
        })();
        {% endmacro %}
        """
    )

    def __init__(self, lang: str = "vi", url: str = ""):
        super().__init__()
        self._name = "EventCluster"
        self.url = url
        self.styles = _STYLES_JS
        self.labels = js_data([*(event_type_label(k, lang) for k in STYLE), "?"])
        self.id_prefix = EVENT_ID_PREFIX
        self.focus_key = FOCUS_KEY


class _Labels(MacroElement):
    """Place names from the gazetteer (``labels.json``, :func:`dashboard.assets.labels_json`):
    at each zoom the labels whose first zoom has come, inside the view, as plain text (set with
    ``textContent``, never HTML: a user's place is untrusted). The file is fetched once."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map, group) {
            if (!map.getPane('ddLabels')) {
                var pane = map.createPane('ddLabels');
                pane.style.zIndex = 450;
                pane.style.pointerEvents = 'none';
            }
            var lang = {{ this.lang|tojson }};
            var shown = {};
            function draw(labels) {
                var zoom = map.getZoom(), bounds = map.getBounds().pad(0.2), keep = {}, count = 0;
                for (var i = 0; i < labels.length && count < 600; i++) {
                    var l = labels[i];
                    if (l[4] > zoom || !bounds.contains([l[0], l[1]])) { continue; }
                    keep[i] = true; count++;
                    if (shown[i]) { continue; }
                    var el = document.createElement('div');
                    el.className = 'dd-label dd-c' + l[5];
                    el.textContent = (lang === 'vi' && l[3]) ? l[3] : l[2];
                    shown[i] = L.marker([l[0], l[1]], {
                        icon: L.divIcon({html: el, className: 'dd-label-icon', iconSize: null}),
                        pane: 'ddLabels', interactive: false, keyboard: false
                    }).addTo(group);
                    // a label is no marker: it must not count as one (tests, clicks, styles)
                    shown[i]._icon.classList.remove('leaflet-marker-icon');
                }
                Object.keys(shown).forEach(function (i) {
                    if (!keep[i]) { group.removeLayer(shown[i]); delete shown[i]; }
                });
            }
            ddShared({{ this.url|tojson }}).then(function (labels) {
                labels = labels || [];
                draw(labels);
                map.on('moveend', function () { draw(labels); });
            });
        })({{ this._map_name }}, {{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, url: str, lang: str):
        super().__init__()
        self._name = "Labels"
        self.url = url
        self.lang = lang

    def render(self, **kwargs) -> None:
        self._map_name = _map_of(self).get_name()
        super().render(**kwargs)


class _Admin1(MacroElement):
    """The first-level regions' outlines, thin, under the events: fetched at the first view of
    zoom 5 or more (2 MB: the world view does not need them)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map, group) {
            if (!map.getPane('ddAdmin1')) {
                map.createPane('ddAdmin1').style.zIndex = 260;
            }
            var style = {color: '#8d8d8d', weight: 0.6, opacity: 0.8, fill: false};
            var data = null, added = {}, asked = false;
            function box(geometry) {  // [west, south, east, north] of a (multi)line's coordinates
                var b = [180, 90, -180, -90];
                (function walk(c) {
                    if (typeof c[0] === 'number') {
                        b[0] = Math.min(b[0], c[0]); b[1] = Math.min(b[1], c[1]);
                        b[2] = Math.max(b[2], c[0]); b[3] = Math.max(b[3], c[1]);
                    } else { c.forEach(walk); }
                })(geometry.coordinates);
                return b;
            }
            // Only the regions in (or near) the view are drawn: 4,600 outlines at once would slow
            // every redraw of the map.
            function draw() {
                if (!data || map.getZoom() < 5) { return; }
                var v = map.getBounds().pad(0.5);
                data.features.forEach(function (f, i) {
                    if (added[i]) { return; }
                    var b = f.ddBox || (f.ddBox = box(f.geometry));
                    var outside = b[2] < v.getWest() || b[0] > v.getEast()
                        || b[3] < v.getSouth() || b[1] > v.getNorth();
                    if (outside) { return; }
                    added[i] = true;
                    L.geoJSON(f, {style: style, interactive: false, pane: 'ddAdmin1'}).addTo(group);
                });
            }
            function load() {
                if (map.getZoom() < 5) { return; }
                if (!asked) {
                    asked = true;
                    ddShared({{ this.url|tojson }}).then(function (d) { data = d; draw(); });
                }
                draw();
            }
            map.on('moveend', load);
            load();
        })({{ this._map_name }}, {{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, url: str):
        super().__init__()
        self._name = "Admin1"
        self.url = url

    def render(self, **kwargs) -> None:
        self._map_name = _map_of(self).get_name()
        super().render(**kwargs)


class _View(MacroElement):
    """The view the user left (sessionStorage), else (at the first update) the fit of the
    events' bounds; the view is saved at every move. Defines ``ddUpdate``, which
    :class:`_Update` calls on every rerun: the map stays, only its data change, so the view,
    an open popup and a click in progress survive a filter or slider change."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map) {
            // On a narrow page (800 px) the legend starts closed: it would cover the map.
            var legend = document.querySelector('.dd-legend'), page = window.innerWidth;
            try { page = window.parent.innerWidth; } catch (e) {}
            if (legend && page <= 900) { legend.removeAttribute('open'); }
            var saved = null;
            try { saved = JSON.parse(sessionStorage.getItem({{ this.view_key|tojson }})); } catch (e) {}
            var placed = false;
            function save() {
                var c = map.getCenter();
                try {
                    sessionStorage.setItem({{ this.view_key|tojson }},
                        JSON.stringify({lat: c.lat, lng: c.lng, zoom: map.getZoom()}));
                } catch (e) {}
            }
            if (saved && typeof saved.zoom === 'number') {
                map.setView([saved.lat, saved.lng], saved.zoom, {animate: false});
                placed = true;
                save();
            }
            map.on('moveend', save);
            // One popup at a time, whichever opened it (a click, the selection, a spiderfied
            // cluster's delayed open): the map stays, so the last event's may still be open.
            // No fade (folium drops a false option): a closed popup would stay in the page for
            // 200 ms beside the one opening.
            map._fadeAnimated = false;
            map.on('popupopen', function (e) {
                map.eachLayer(function (layer) {
                    if (layer instanceof L.Popup && layer !== e.popup) { map.removeLayer(layer); }
                });
            });
            var ring = null, selected = null, updates = 0;
            // Its popup, when it is in the view; from a cluster of events on one spot, spiderfied.
            function open(marker) {
                var parent = window.ddCluster.getVisibleParent(marker);
                if (!parent) { return; }

                if (parent !== marker && parent.spiderfy) {
                    parent.spiderfy();
                    setTimeout(function () { marker.openPopup(); }, 300);
                } else if (!marker.isPopupOpen()) {
                    marker.openPopup();
                }
            }
            var pending = null;  // selected where the map had no marker for it: opened when it comes
            function select(id, changed, focus) {
                var marker = id && window.ddMarkers && window.ddMarkers[id];
                if (ring && (!marker || !ring.getLatLng().equals(marker.getLatLng()))) {
                    map.removeLayer(ring); ring = null;
                }
                if (!marker && changed && focus) {
                    // An archive draws only its view: go to the event, its marker comes with the
                    // view's update (the map returns its new bounds).
                    try { sessionStorage.setItem({{ this.focus_key|tojson }}, id); } catch (e) {}
                    pending = id;
                    map.setView(focus, Math.max(map.getZoom(), 11), {animate: false});
                    return;
                }
                if (!marker) { return; }
                if (pending === id) {
                    pending = null;
                    changed = false;
                    setTimeout(function () { open(marker); }, 50);
                }
                if (!ring) {
                    ring = L.circleMarker(marker.getLatLng(), {radius: 19, color: '#111', weight: 3,
                                                               fill: false, interactive: false}).addTo(map);
                }
                if (!changed) { return; }
                var focused = null;
                try { focused = sessionStorage.getItem({{ this.focus_key|tojson }}); } catch (e) {}
                if (focused !== id) {  // newly selected (the feed, the URL): go to it
                    try { sessionStorage.setItem({{ this.focus_key|tojson }}, id); } catch (e) {}
                    map.once('moveend', function () { setTimeout(function () { open(marker); }, 50); });
                    map.setView(marker.getLatLng(), Math.max(map.getZoom(), 9), {animate: false});
                } else {
                    setTimeout(function () { open(marker); }, 50);
                }
            }
            // Updates apply in order; one that names its markers by index (``idx``) waits for
            // the markers file (fetched once per data version).
            var queue = Promise.resolve();
            window.ddUpdate = function (p) {
                queue = queue.then(function () {
                    if (!p.idx) { return apply(p, p.rows || []); }
                    return window.ddMarkerRows().then(function (all) {
                        var rows = [];
                        for (var i = 0; i < p.idx.length; i++) {
                            if (all[p.idx[i]]) { rows.push(all[p.idx[i]]); }
                        }
                        return apply(p, rows);
                    });
                }).catch(function (e) { console.error(e); });
            };
            function apply(p, rows) {
                window.ddSetEvents(rows);
                window.ddSetCells(p.cells || []);
                ddAddPopups(p.popups);
                if (window.ddSetPlaces) { window.ddSetPlaces(p.places || []); }
                if (window.ddSetAreas) { window.ddSetAreas(p.extents || {}); }
                if (!placed) {
                    placed = true;
                    if (p.fit) { map.fitBounds(p.fit, {maxZoom: 8, animate: false}); }
                    save();
                }
                var changed = p.selected !== selected;
                selected = p.selected;
                select(selected, changed, p.focus);
                // For tests and the benchmark: how many updates this map has drawn.
                document.body.dataset.ddUpdates = ++updates;
            }
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self):
        super().__init__()
        self._name = "View"
        self.view_key = VIEW_KEY
        self.focus_key = FOCUS_KEY


class _Update(MacroElement):
    """One rerun's data for the map in place (``ddUpdate``, :class:`_View`): the shown events'
    marker rows or counts per cell, the place circles' ids, the outlines of the regions events
    are placed in, the first view's bounds and the selected event. Sent as a feature group that
    streamlit-folium evaluates in the frame it keeps (``st_folium(feature_group_to_add=…)``)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        window.ddUpdate({{ this.payload }});
        {% endmacro %}
        """
    )

    def __init__(self, payload_js: str):
        super().__init__()
        self._name = "Update"
        self.payload = payload_js


class _Areas(MacroElement):
    """The outlines of the regions, seas and borders the shown events are placed in
    (``ddSetAreas``: replaced at each update)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (group) {
            var style = {color: '#c1121f', weight: 2, dashArray: '6 4', fillOpacity: 0.06};
            window.ddSetAreas = function (extents) {
                group.clearLayers();
                Object.keys(extents).forEach(function (id) {
                    L.geoJSON({type: 'Feature', geometry: extents[id], properties: {}},
                              {style: style, interactive: false}).addTo(group);
                });
            };
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self):
        super().__init__()
        self._name = "Areas"


class _PlaceLayer(MacroElement):
    """One circle per mentioned place of the shown events, sized by its mentions (tooltips set
    as text). The circles' rows are in a file (``url``: :func:`write_popups` of
    :attr:`MapData.places`) fetched when the layer is first shown: it is off by default. The
    ids come with each update (``ddSetPlaces``)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (group) {
            var ids = [], drawn = null;
            function draw() {
                var asked = ids;
                ddShared({{ this.url|tojson }}).then(function (rows) {
                    if (asked !== ids || !group._map) { return; }
                    rows = rows || {};
                    group.clearLayers();
                    drawn = ids;
                    ids.forEach(function (id) {
                        var row = rows[id];
                        if (!row) { return; }
                        var circle = L.circleMarker([row[0], row[1]], {radius: row[2], color: '#1d3557',
                            weight: 1, fillColor: '#457b9d', fillOpacity: 0.45});
                        var tip = document.createElement('span');
                        tip.textContent = row[3];
                        circle.bindTooltip(tip);
                        ddBindPopup(circle, row[4], null);
                        circle.addTo(group);
                    });
                });
            }
            window.ddSetPlaces = function (next) {
                if (JSON.stringify(next) === JSON.stringify(ids)) { return; }
                ids = next;
                if (group._map) { draw(); }
            };
            group.on('add', function () { if (drawn !== ids) { draw(); } });
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, url: str):
        super().__init__()
        self._name = "PlaceLayer"
        self.url = url


def _highlight(sentence: str, surface: str | None) -> str:
    """The sentence escaped, with the place as written in <mark>."""
    if not surface or surface not in sentence:
        return html.escape(sentence)
    before, _, after = sentence.partition(surface)
    return f"{html.escape(before)}<mark>{html.escape(surface)}</mark>{html.escape(after)}"


def event_popup(event: pd.Series, lang: str) -> str:
    """The popup of one event, as escaped HTML."""
    rows = [
        f'<div class="dd-type">{html.escape(event_type_label(event["event_type"], lang))}'
        f" — {html.escape(sub_event_label(event['sub_event_type'], lang))}</div>",
        f"<b>{t('date', lang)}:</b> {html.escape(_date_text(event))}",
    ]
    location, location_vi, surface = (
        _text(event["location"]),
        _text(event["location_vi"]),
        _text(event["place_surface"]),
    )
    first, other = place_names(location, location_vi, lang)  # in English, the English name first
    place = html.escape(first)
    if surface:
        place += f" ({t('as_written', lang)}: «{html.escape(surface)}»)"
    if other:
        place += f" — {html.escape(other)}"
    if int(event["geo_precision"]) > 1:
        place += f" <i>≈ {t('approximate', lang)}</i>"
    rows.append(f"<b>{t('place', lang)}:</b> {place}")
    reports = event_reports(event)
    if len(reports) < 2:  # an incident's sentences and claims are in its list of reports
        rows.append(f"<div>“{_highlight(str(event['notes']), surface)}”</div>")
        if claimed := _text(event["claimed_by"]):
            rows.append(f"<b>{t('claimed_by', lang)}:</b> {html.escape(claimed)}")
    if not _missing(event["fatalities"]):
        rows.append(f"<b>{t('fatalities', lang)}:</b> {int(event['fatalities'])}")
    if (status := _text(event.get("review_status"))) and status != "unreviewed":  # the analyst's review
        rows.append(f"<b>{t('review', lang)}:</b> {html.escape(status_label(status, lang))}")
    if len(reports) > 1:
        rows.append(_reports_html(reports, surface, lang))
    else:
        rows.append(f"<b>{t('source', lang)}:</b> {_source_html(event, lang)}")
    rows.append(
        f'<div class="dd-id" aria-hidden="true">{EVENT_ID_PREFIX}{html.escape(str(event["event_id"]))}</div>'
    )
    return (
        '<div class="dd-popup">'
        + "".join(r if r.startswith("<div") else f"<div>{r}</div>" for r in rows)
        + "</div>"
    )


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT


def _text(value: object) -> str | None:
    """A cell as text, None for NULL, NaN and empty."""
    return None if _missing(value) or value == "" else str(value)


def _date_text(event: pd.Series) -> str:
    text = event["event_date"].strftime("%d/%m/%Y")
    if end := _text(event["date_end"]):
        text += " – " + pd.Timestamp(end).strftime("%d/%m/%Y")
    return text


def _source_html(event: pd.Series, lang: str) -> str:
    """Outlet and title linked to the article's http(s) URL, else the file's name, else "pasted
    text" (:func:`dashboard.review.source_html`): never an id or an absolute path."""
    return source_html(
        event["source"], event.get("article_title"), event["article_path"], event["source_url"], lang
    )


def event_reports(event: Mapping[str, object]) -> list[dict]:
    """The reports of an incident (``reports``, the store's JSON list); [] when there is none
    or the cell is not a list of objects."""
    raw = _text(event.get("reports"))
    if not raw:
        return []
    try:
        reports = json.loads(raw)
    except ValueError:
        return []
    if not isinstance(reports, list):
        return []
    return [r for r in reports if isinstance(r, dict)]


def n_sources(event: Mapping[str, object]) -> int:
    """How many articles report the event (1 when the frame has no ``n_reports``)."""
    value = event.get("n_reports")
    return 1 if _missing(value) or value is None else max(1, int(value))  # type: ignore[arg-type]


def _day(value: object) -> str:
    """A report's publication date as dd/mm/yyyy (the text itself when it is not a date)."""
    text = _text(value)
    if not text:
        return ""
    try:
        return pd.Timestamp(text).strftime("%d/%m/%Y")
    except (ValueError, OverflowError):
        return text


def _reports_html(reports: list[dict], surface: str | None, lang: str) -> str:
    """Each report of an incident: outlet (linked), title, date, its sentence, its claim."""
    items = []
    for report in reports:
        head = source_html(
            report.get("source"), report.get("title"), report.get("file"), report.get("url"), lang
        )
        if day := _day(report.get("published")):
            head += f" ({html.escape(day)})"
        parts = [f"<div>{head}</div>"]
        if sentence := _text(report.get("sentence")):
            parts.append(f"<div>“{_highlight(sentence, surface)}”</div>")
        if claimed := _text(report.get("claimed_by")):
            parts.append(f"<div><b>{t('claimed_by', lang)}:</b> {html.escape(claimed)}</div>")
        if isinstance(deaths := report.get("fatalities"), int):
            parts.append(f"<div><b>{t('fatalities', lang)}:</b> {deaths}</div>")
        items.append(f'<li class="dd-report">{"".join(parts)}</li>')
    return (
        f'<div class="dd-reports"><b>{t("n_sources", lang, n=len(reports))}:</b>'
        f"<ol>{''.join(items)}</ol></div>"
    )


def place_popup(place: pd.DataFrame, lang: str, texts: list[tuple[str, str]] | None = None) -> str:
    """The popup of one place: its names and the sentences that mention it (``texts``: its
    (surface, sentence) pairs, see ``dashboard.data.place_sentences``; else the frame's
    ``sentence_text`` column)."""
    first = place.iloc[0]
    shown, other = place_names(_text(first["name"]), _text(first["name_vi"]), lang)
    title = html.escape(shown) + (f" — {html.escape(other)}" if other else "")
    sentences = []
    if texts is None:
        texts = list(zip(place["surface"], place["sentence_text"], strict=True))
    for surface, sentence in texts:
        item = f"<li>{_highlight(sentence, surface)}</li>"
        if item not in sentences:
            sentences.append(item)
    return (
        f'<div class="dd-popup"><b>{title}</b> ({len(place)} {t("mentions", lang)})'
        f"<ul>{''.join(sentences[:12])}</ul></div>"
    )


def js_data(value: object) -> str:
    """JSON that is safe inside a <script> element (no "</script>", no "<!--")."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


STYLE_INDEX = {name: i for i, name in enumerate(STYLE)}
_STYLES_JS = js_data([*STYLE.values(), DEFAULT_STYLE])


@dataclass
class MapData:
    """What the browser needs, prepared once per data version and language.

    ``events`` holds each event's marker as JSON text (position, style, approximate, tooltip,
    id), so that a filter change only joins the shown ones; the popups (the bulk) go to a file
    the browser fetches once and keeps (:func:`write_popups`), not into every page.
    """

    events: dict[str, str] = field(default_factory=dict)
    places: dict[str, list] = field(default_factory=dict)
    popups: dict[str, str] = field(default_factory=dict)
    _index: dict[str, int] = field(default_factory=dict, repr=False)

    def events_js(self, event_ids: Iterable[str]) -> str:
        """The JS array of the markers of ``event_ids`` (unknown or unplaced ids are skipped)."""
        rows = self.events
        return "[" + ",".join(rows[i] for i in event_ids if i in rows) + "]"

    def rows_file(self) -> str:
        """Every marker row as one JSON array, the file the map fetches once (its order is the
        index :meth:`indexes_js` gives)."""
        return "[" + ",".join(self.events.values()) + "]"

    def indexes_js(self, event_ids: Iterable[str]) -> str:
        """The JS array of the indexes of ``event_ids``' markers in :meth:`rows_file`."""
        if len(self._index) != len(self.events):
            self._index = {event_id: i for i, event_id in enumerate(self.events)}
        index = self._index
        return "[" + ",".join(str(index[i]) for i in event_ids if i in index) + "]"

    def places_js(self, place_ids: Iterable[str] | None = None) -> str:
        """The JS array of the ids of the circles of ``place_ids`` (all when None): the rows
        themselves are in the file the layer fetches when it is shown."""
        rows = self.places
        ids = rows if place_ids is None else place_ids
        return js_data([str(i) for i in ids if i in rows])


def prepare_map_data(
    events: pd.DataFrame,
    places: pd.DataFrame,
    lang: str,
    texts: dict[str, list[tuple[str, str]]] | None = None,
) -> MapData:
    """Markers, place circles and popups of the stored events and place mentions (``texts``:
    each place id's sentences, see ``dashboard.data.place_sentences``)."""
    out = MapData()
    for event in events.itertuples(index=False):
        if _missing(event.latitude):
            continue
        row = event._asdict()
        sub_event = sub_event_label(event.sub_event_type, lang)
        # the place in the page's language; in Vietnamese the gazetteer's name after it ("Terter
        # (Tartar)"), in English no Vietnamese
        shown, other = place_names(_text(event.location), _text(row.get("location_vi")), lang)
        place = f"{shown} ({other})" if other and lang == "vi" else shown
        tooltip = f"{event.event_date:%d/%m/%Y} · {place} · {sub_event}"
        if (sources := n_sources(row)) > 1:
            tooltip += f" · {t('n_sources', lang, n=sources)}"
        style = STYLE_INDEX.get(event.event_type, len(STYLE))
        approximate = int(event.geo_precision) > 1
        marker = [float(event.latitude), float(event.longitude), style, approximate, tooltip, event.event_id]
        out.events[event.event_id] = js_data(marker)
        out.popups[event.event_id] = event_popup(row, lang)
    for place_id, group in places.groupby("place_id", sort=False):
        first = group.iloc[0]
        radius = round(min(22, 4 + 3 * math.sqrt(len(group))), 1)
        tooltip = f"{place_names(_text(first['name']), _text(first['name_vi']), lang)[0]} ({len(group)})"
        key = f"place:{place_id}"
        out.places[str(place_id)] = [float(first["lat"]), float(first["lon"]), radius, tooltip, key]
        out.popups[key] = place_popup(group, lang, None if texts is None else texts.get(place_id, []))
    return out


def write_popups(popups: Mapping[str, object], folder: Path = POPUP_DIR, prefix: str = "popups") -> str:
    """Write the popups where Streamlit serves static files; returns their URL.

    The file is named by its content, so browsers may keep it; older files with the same
    ``prefix`` (same store and language) are removed."""
    return write_static(js_data(popups), folder, prefix)


def write_static(text: str, folder: Path = POPUP_DIR, prefix: str = "markers") -> str:
    """Write JSON text (safe in a script: :func:`js_data`) where Streamlit serves static files,
    named by its content; returns its URL (see :func:`write_popups`)."""
    name = f"{prefix}-{hashlib.sha1(text.encode('utf-8')).hexdigest()[:16]}.json"
    path = folder / name
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(text, encoding="utf-8")
        partial.replace(path)
        for old in folder.glob(f"{prefix}-*.json"):
            if old != path:
                old.unlink(missing_ok=True)
    return f"{POPUP_URL}/{name}"


def base_map(
    popups_url: str, lang: str, online_tiles: bool = False, places_url: str = "", markers_url: str = ""
) -> folium.Map:
    """The map without its data: outlines, labels, legend, layers control and the empty event,
    area and place layers that :func:`map_update` fills. It depends only on the data version
    (the popups' and places' files), the language and the tiles, so streamlit-folium keeps the
    same frame across filter and slider changes and only evaluates the update. ``markers_url``:
    the file of every marker row (:meth:`MapData.rows_file`), which updates name by index."""
    max_zoom = _ZOOMS["maxZoom"] if online_tiles else OFFLINE_MAX_ZOOM
    fmap = _local_map(zoom_start=3, location=(35, 45), prefer_canvas=True, maxZoom=max_zoom)
    fmap.get_root().header.add_child(Element(_CSS))
    fmap.add_child(_Popups(popups_url))  # first: it defines what the layers below use
    outlines = folium.FeatureGroup(name=t("layer_countries", lang), overlay=False, control=True)
    outlines.add_child(
        _RemoteGeoJson(
            COUNTRIES_URL, {"color": "#6c757d", "weight": 0.7, "fillColor": "#f1efe9", "fillOpacity": 1}
        )
    )
    outlines.add_to(fmap)
    admin1 = folium.FeatureGroup(name=t("layer_admin1", lang))
    admin1.add_child(_Admin1(ADMIN1_URL))
    admin1.add_to(fmap)
    if online_tiles:  # the user's choice: the only request that leaves the machine
        folium.TileLayer("OpenStreetMap", name="OpenStreetMap").add_to(fmap)

    areas = folium.FeatureGroup(name=t("layer_areas", lang))
    areas.add_child(_Areas())
    areas.add_to(fmap)

    # Off until asked: at 10,000 events the circles would bury the clusters.
    place_layer = folium.FeatureGroup(name=t("layer_places", lang), show=False)
    place_layer.add_child(_PlaceLayer(places_url))
    place_layer.add_to(fmap)

    labels = folium.FeatureGroup(name=t("layer_labels", lang))
    labels.add_child(_Labels(LABELS_URL, lang))
    labels.add_to(fmap)

    event_layer = folium.FeatureGroup(name=t("layer_events", lang))
    event_layer.add_child(_EventCluster(lang, markers_url))
    event_layer.add_to(fmap)

    fmap.get_root().html.add_child(Element(legend_html(lang)))
    folium.LayerControl(collapsed=True).add_to(fmap)
    fmap.add_child(_View())
    fmap.add_child(MapWords(lang))  # Leaflet's own titles in the page's language
    return fmap


def map_update(
    events_js: str,
    places_js: str,
    extents: dict[str, dict],
    bounds: list[list[float]] | None = None,
    selected: str | None = None,
    cells: list[list[float]] | None = None,
    popups: dict[str, str] | None = None,
    focus: list[float] | None = None,
    indexes: str | None = None,
) -> folium.FeatureGroup:
    """One rerun's data for :func:`base_map`, as the feature group that ``st_folium`` sends
    and evaluates in the kept frame (``feature_group_to_add``): the markers of ``events_js``
    (:meth:`MapData.events_js`) or, for a view of too many events, ``cells`` (rows of lat, lon,
    count, south, west, north, east); the place circles of ``places_js``; the outlines of
    ``extents``; ``bounds`` fitted when the map has no view yet; the ``selected`` event ringed,
    and zoomed to when it is newly selected; ``popups`` (key → escaped HTML) for the events
    the popups file does not hold (an archive has none: its clicked event's comes here);
    ``focus``: the selected event's point, where the map goes when the event is newly selected
    and not drawn (an archive's feed: the view then asks for its markers); ``indexes``: the
    shown markers as a JS array of indexes into the markers file (:meth:`MapData.indexes_js`),
    instead of their rows (``events_js`` then "[]"): a few bytes an event."""
    payload = (
        '{"rows":' + events_js + (',"idx":' + indexes if indexes else "") + ',"places":' + places_js
        + ',"extents":' + js_data(extents) + ',"fit":' + js_data(bounds) + ',"selected":' + js_data(selected)
        + ',"cells":' + js_data(cells or []) + ',"popups":' + js_data(popups or {})
        + ',"focus":' + js_data(focus) + "}"
    )  # fmt: skip
    group = folium.FeatureGroup(name="dd-update", control=False)
    group.add_child(_Update(payload))
    return group


def build_map(
    events_js: str,
    places_js: str,
    popups_url: str,
    extents: dict[str, dict],
    lang: str,
    online_tiles: bool = False,
    bounds: list[list[float]] | None = None,
    selected: str | None = None,
    places_url: str = "",
) -> folium.Map:
    """The whole map in one page (:func:`base_map` with its :func:`map_update`), as a file or a
    test renders it; the dashboard sends the two apart. ``extents`` maps place ids to GeoJSON
    geometries of the regions and borders that events are placed in."""
    fmap = base_map(popups_url, lang, online_tiles, places_url)
    fmap.add_child(map_update(events_js, places_js, extents, bounds, selected))
    return fmap


def _local_map(**options: object) -> folium.Map:
    """A map without tiles that loads Leaflet and Font Awesome from our copies (folium's own
    defaults are CDN links, and jQuery, Bootstrap and awesome-markers that our divIcon markers
    and plain-DOM popups do not need)."""
    fmap = folium.Map(tiles=None, **{**_ZOOMS, **options})
    fmap.default_js = assets.js_links("leaflet")
    fmap.default_css = assets.css_links("leaflet_css", "fontawesome")
    return fmap


def event_bounds(events: pd.DataFrame, pad: float = 0.5) -> list[list[float]] | None:
    """The padded bounds of the located violent events (:data:`VIOLENT`: not the statements
    placed at capitals and country centroids), of all located events when none is violent;
    None when there is none."""
    violent = events[events["event_type"].isin(VIOLENT) & events["latitude"].notna()]
    if not violent.empty:
        events = violent
    lats, lons = events["latitude"].dropna(), events["longitude"].dropna()
    if lats.empty or lons.empty:
        return None
    return [[lats.min() - pad, lons.min() - pad], [lats.max() + pad, lons.max() + pad]]


def picker_map() -> folium.Map:
    """A small offline map to pick a point by clicking it (the places page)."""
    fmap = _local_map(location=(39.8, 46.8), zoom_start=5)
    fmap.add_child(_RemoteGeoJson(COUNTRIES_URL, {"color": "#6c757d", "weight": 0.7, "fillOpacity": 0}))
    return fmap


def legend_html(lang: str) -> str:
    """The legend: type colours (markers and cluster shares), approximate markers, place
    circles; a <details> that closes by a click, closed from the start on a narrow map."""
    items = "".join(
        f'<div><span style="background:{colour}"></span>{html.escape(event_type_label(name, lang))}</div>'
        for name, (colour, _icon) in STYLE.items()
    )
    pie = ",".join(f"{c} {i * 60}deg {(i + 1) * 60}deg" for i, (c, _) in enumerate(STYLE.values()))
    items += (
        f'<div><span style="background:conic-gradient({pie})"></span>{t("legend_cluster", lang)}</div>'
        f'<div><span class="dd-l-approx"></span>{t("legend_approx", lang)}</div>'
        f'<div><span class="dd-l-place"></span>{t("legend_places", lang)}</div>'
    )
    return f'<details class="dd-legend" open><summary>{t("legend", lang)}</summary>{items}</details>'


def event_id_from_popup(text: str | None) -> str | None:
    """The event id in a clicked popup's text (its last line reads "ID: …")."""
    if not text or EVENT_ID_PREFIX not in text:
        return None
    return text.rsplit(EVENT_ID_PREFIX, 1)[1].split()[0].strip()
