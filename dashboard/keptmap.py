"""The dashboard's map component, its base rendered once.

``st_folium`` builds and renders the whole folium map at every rerun (a hundred elements, each
with a new uuid and template) to send the same strings again: the frame is kept because they
are the same. :func:`kept_map` renders :func:`dashboard.mapview.base_map` once per data version,
language and tiles, and at each rerun only the update (``feature_group_to_add``), then calls
streamlit-folium's component with exactly the arguments ``st_folium`` gives it (its own steps,
with the version pinned in constraints.txt).
"""

from __future__ import annotations

import threading

import streamlit as st
import streamlit_folium as folium_support

from dashboard.mapview import base_map


@st.cache_resource(show_spinner=False, max_entries=8)
def _rendered_map(base: tuple) -> dict:
    """:func:`base_map` of ``base`` (its arguments) rendered as streamlit-folium renders it: once
    per data version, language and tiles. Building and rendering it anew at every rerun cost
    more than the rest of a slider change (a hundred folium elements, each a new uuid and
    template); its output is the same string every time, which is why the frame stays."""
    fmap = base_map(*base)
    fmap.get_root().render()
    fmap.render()
    html, header = folium_support._get_html(fmap), folium_support._get_header(fmap)
    leaflet = folium_support._get_map_string(fmap)  # after the two above: it renames the elements
    css, js = [], []
    for element in _folium_elements(fmap):
        css += [href for _, href in getattr(element, "default_css", [])]
        js += [src for _, src in getattr(element, "default_js", [])]
    south_west, north_east = fmap.get_bounds()
    bounds = {
        "_southWest": {"lat": south_west[0], "lng": south_west[1]},
        "_northEast": {"lat": north_east[0], "lng": north_east[1]},
    }
    return {
        "map": fmap,
        "lock": threading.Lock(),
        "html": html,
        "header": header,
        "leaflet": leaflet,
        "id": folium_support.get_full_id(fmap),
        "css": list(dict.fromkeys(css)),
        "js": list(dict.fromkeys(js)),
        "bounds": bounds,
        "zoom": fmap.options.get("zoom"),
    }


def _folium_elements(element: object) -> list:
    out = [element]
    for child in getattr(element, "_children", {}).values():
        out += _folium_elements(child)
    return out


def kept_map(base: tuple, update: object, returned: list[str], key: str = "event_map") -> dict | None:
    """``st_folium(base_map(*base), feature_group_to_add=update, key=key, …)`` with the base map
    rendered once (:func:`_rendered_map`): the same component and arguments, so the same frame,
    and only the update is rendered at each rerun. (streamlit-folium's own steps, pinned in
    constraints.txt; the map is drawn full width, 560 pixels high.)"""
    kept = _rendered_map(base)
    with kept["lock"]:  # the update joins the kept map (by its fixed name) to be rendered
        group = folium_support._get_feature_group_string(update, map=kept["map"], idx=0)
    hash_key = folium_support.generate_js_hash(kept["leaflet"], key, False)
    defaults = {"last_clicked": None, "last_object_clicked": None, "last_object_clicked_count": None,
                "last_object_clicked_tooltip": None, "last_object_clicked_popup": None, "all_drawings": None,
                "last_active_drawing": None, "bounds": kept["bounds"], "zoom": kept["zoom"],
                "last_circle_radius": None, "last_circle_polygon": None, "selected_layers": None,
                "selected_tags": None, "last_geocoder_result": None}  # fmt: skip

    def changed() -> None:
        st.session_state[key] = st.session_state.get(hash_key, {})

    return folium_support._component_func(
        script=kept["leaflet"],
        header=kept["header"],
        html=kept["html"],
        id=kept["id"],
        key=hash_key,
        height=560,
        width=None,
        returned_objects=returned,
        default={k: v for k, v in defaults.items() if k in returned},
        zoom=None,
        center=None,
        feature_group=group,
        return_on_hover=False,
        layer_control=None,
        pixelated=False,
        css_links=kept["css"],
        js_links=kept["js"],
        on_change=changed,
        wrap_longitude=False,
    )
