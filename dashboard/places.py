"""The places page: names the gazetteer lacks (a click puts one into the form), adding a place
(coordinates typed or picked on a small map, never 0,0 or none), an alias, the online look-up,
and the user's own places listed, edited and deleted. Every change re-extracts the articles
that hold the names concerned.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from dashboard import data
from dashboard import review as review_ui
from dashboard.add import plain
from dashboard.chrome import MapWords
from dashboard.i18n import column_labels, kind_label, message, place_names, t
from dashboard.mapview import picker_map
from gazetteer import Gazetteer, InvalidPlace
from gazetteer.sources import KINDS

Resources = Callable[[], tuple]
Reextract = Callable[[list[str]], int]


def places_tab(unresolved: pd.DataFrame, lang: str, resources: Resources, reextract: Reextract) -> None:
    st.subheader(t("unresolved", lang), anchor=False)
    if unresolved.empty:
        st.caption(t("no_unresolved", lang))
    else:
        columns = ["surface", "sentence_text", "source"]
        st.caption(t("unresolved_hint", lang))
        picked = st.dataframe(  # provenance: outlet/title, else the file's name, else pasted text
            unresolved[columns[:2]].assign(source=review_ui.source_labels(unresolved, lang)),
            hide_index=True,
            placeholder="–",
            width="stretch",
            column_config=column_labels(columns, lang),
            on_select="rerun",
            selection_mode="single-row",
            key="unresolved_table",
        )
        rows = list(getattr(getattr(picked, "selection", None), "rows", []) or [])
        if rows and rows[0] < len(unresolved):
            fill_name(str(unresolved["surface"].iloc[rows[0]]))
        online_lookup(unresolved, lang, resources, reextract)
    for kind, text in st.session_state.pop("lookup_messages", []):
        {"ok": st.success, "info": st.info}.get(kind, st.error)(text)
    note = st.session_state.pop("place_message", None)
    if note:
        (st.success if note[0] == "ok" else st.error)(note[1])
    left, right = st.columns(2)
    with left:
        add_place_form(lang, resources, reextract)
    with right:
        st.markdown(f"**{t('add_alias', lang)}**")
        with st.form("add_alias"):
            alias = st.text_input(t("alias", lang), key="alias_name")
            target = st.text_input(t("target", lang), key="alias_target")
            if st.form_submit_button(t("save", lang)):
                save_alias(lang, alias, target, resources, reextract)
    user_places(lang, resources, reextract)


def fill_name(name: str) -> None:
    """Put an unresolved name into the add-place form, once per click (typing over it stays)."""
    if st.session_state.get("_filled_name") != name:
        st.session_state["_filled_name"] = name
        st.session_state["place_name"] = name


def add_place_form(lang: str, resources: Resources, reextract: Reextract) -> None:
    st.markdown(f"**{t('add_place', lang)}**")
    # Off until asked: a second map would load with every page and slow the first one.
    if st.toggle(t("pick_on_map", lang), key="pick_toggle"):
        st.caption(t("pick_hint", lang))
        picked = st_folium(
            picker_map().add_child(MapWords(lang)),
            height=260,
            use_container_width=True,
            returned_objects=["last_clicked"],
            key="pick_map",
        )
        clicked = (picked or {}).get("last_clicked") or {}
        point = (clicked.get("lat"), clicked.get("lng"))
        if None not in point and st.session_state.get("_picked_point") != point:
            # a new click fills the fields (before the form draws them); typing over it stays
            st.session_state["_picked_point"] = point
            st.session_state["place_lat"] = round(float(point[0]), 5)
            st.session_state["place_lon"] = round(float(point[1]), 5)
        if st.session_state.get("_picked_point"):
            lat, lon = st.session_state["_picked_point"]
            st.caption(t("picked", lang, lat=lat, lon=lon))
    with st.form("add_place"):
        name = st.text_input(t("name", lang), key="place_name")
        kind = st.selectbox(
            t("kind", lang),
            KINDS,
            index=KINDS.index("village"),
            format_func=lambda k: kind_label(k, lang),
            key="place_kind",
            placeholder=t("choose", lang),
        )
        lat = st.number_input(
            t("lat", lang),
            -90.0,
            90.0,
            None,
            format="%.5f",
            key="place_lat",
            placeholder=t("lat_placeholder", lang),
        )
        lon = st.number_input(
            t("lon", lang),
            -180.0,
            180.0,
            None,
            format="%.5f",
            key="place_lon",
            placeholder=t("lon_placeholder", lang),
        )
        country = st.text_input(t("country_code", lang), key="place_country", max_chars=2)
        if st.form_submit_button(t("save", lang)):
            save_place(lang, name, resources, reextract, kind=kind, lat=lat, lon=lon, country=country or None)


def online_lookup(unresolved: pd.DataFrame, lang: str, resources: Resources, reextract: Reextract) -> None:
    """Buttons to look unresolved names up on OpenStreetMap's Nominatim: nothing leaves the
    machine until one is pressed."""
    names = sorted(set(unresolved["surface"]), key=str.casefold)
    st.markdown(f"**{t('online_lookup', lang)}**")
    st.caption(t("online_lookup_help", lang, n=data.MAX_ONLINE_LOOKUPS))
    choice = st.selectbox(t("online_name", lang), names, key="online_name", placeholder=t("choose", lang))
    one, every = st.container(key="dd_row_lookup").columns(2)
    if one.button(t("look_up_one", lang), key="look_up_one") and choice:
        look_up(lang, [choice], resources, reextract)
    if every.button(t("look_up_all", lang, n=min(len(names), data.MAX_ONLINE_LOOKUPS)), key="look_up_all"):
        look_up(lang, names, resources, reextract)


def look_up(lang: str, names: list[str], resources: Resources, reextract: Reextract) -> None:
    """Ask Nominatim for ``names``; the places found go to the user layer and the articles that
    mention them are extracted again."""
    gazetteer, _ = resources()
    with st.spinner(t("looking_up", lang, n=min(len(names), data.MAX_ONLINE_LOOKUPS))):
        report = data.look_up_online(names, data.online_geocoder(gazetteer))
    messages = []
    if report.found:
        n = reextract([name for name, _ in report.found])
        found = ", ".join(f"{name} → {place}" for name, place in report.found)
        messages.append(("ok", t("found_online", lang, names=plain(found), n=n)))
    if report.missing:
        messages.append(("info", t("not_found_online", lang, names=plain(", ".join(report.missing)))))
    if report.failed:
        messages.append(
            ("error", t("lookup_failed", lang, reason=plain(report.failed), n=len(report.not_asked)))
        )
    elif report.not_asked:
        messages.append(("info", t("not_asked", lang, n=len(report.not_asked))))
    st.session_state["lookup_messages"] = messages
    st.rerun()


def _refused(lang: str, exc: InvalidPlace) -> None:
    st.session_state["place_message"] = (
        "error",
        t("invalid", lang, reason=plain(message(exc.message, lang))),
    )


def save_place(lang: str, name: str, resources: Resources, reextract: Reextract, **fields: object) -> None:
    gazetteer, _ = resources()
    try:
        place = gazetteer.add_place(name, **fields)
    except InvalidPlace as exc:
        _refused(lang, exc)
    else:
        n = reextract([place.name])
        st.session_state["place_message"] = ("ok", t("added", lang, name=plain(place.name), n=n))
        for key in ("place_lat", "place_lon", "_picked_point"):  # the next place starts empty
            st.session_state.pop(key, None)
    st.rerun()


def save_alias(lang: str, alias: str, target: str, resources: Resources, reextract: Reextract) -> None:
    gazetteer, _ = resources()
    place = gazetteer.best(target) if target.strip() else None
    if place is None:
        reason = t("no_place_named", lang, name=target.strip())
        st.session_state["place_message"] = ("error", t("invalid", lang, reason=plain(reason)))
        st.rerun()
    try:
        gazetteer.add_alias(alias, place.id)
    except InvalidPlace as exc:
        _refused(lang, exc)
    else:
        n = reextract([alias])
        name = plain(f"{alias} → {place.name}")
        st.session_state["place_message"] = ("ok", t("added", lang, name=name, n=n))
    st.rerun()


def user_places(lang: str, resources: Resources, reextract: Reextract) -> None:
    """The user's own places: a table, then one chosen to edit (same checks as adding) or delete."""
    gazetteer: Gazetteer = resources()[0]
    st.subheader(t("your_places", lang), anchor=False)
    places = gazetteer.user_places()
    if not places:
        st.caption(t("no_user_places", lang))
    else:
        _edit_places(places, gazetteer, lang, reextract)
    user_aliases(gazetteer, lang, reextract)


def user_aliases(gazetteer: Gazetteer, lang: str, reextract: Reextract) -> None:
    """The other names the user gave places of the gazetteer, each one deletable."""
    aliases = gazetteer.user_aliases()
    if not aliases:
        return
    st.markdown(f"**{t('your_aliases', lang)}**")
    labels = []
    for name, place_id in aliases:
        place = gazetteer.get(place_id)
        shown = place_names(place.name, place.name_vi, lang)[0] if place else place_id
        labels.append(f"{name} → {shown}")
    frame = pd.DataFrame({"alias": labels})
    st.dataframe(
        frame,
        hide_index=True,
        placeholder="–",
        width="stretch",
        column_config={"alias": t("alias_to_delete", lang)},
    )
    chosen = st.selectbox(
        t("alias_to_delete", lang),
        range(len(aliases)),
        format_func=labels.__getitem__,
        key="alias_choice",
        placeholder=t("choose", lang),
    )
    if st.button(t("delete_alias", lang), key="delete_alias"):
        name, place_id = aliases[chosen]
        try:
            gazetteer.delete_alias(name, place_id)
        except InvalidPlace as exc:
            _refused(lang, exc)
        else:
            n = reextract([name])
            st.session_state["place_message"] = (
                "ok",
                t("alias_deleted", lang, name=plain(labels[chosen]), n=n),
            )
        st.rerun()


def _edit_places(places: list, gazetteer: Gazetteer, lang: str, reextract: Reextract) -> None:
    frame = pd.DataFrame(
        {
            "name": [p.name for p in places],
            "kind": [kind_label(p.kind, lang) for p in places],
            "country": [p.country or "" for p in places],
            "lat": [p.lat for p in places],
            "lon": [p.lon for p in places],
            "aliases": [", ".join(a for a in gazetteer.aliases_of(p.id) if a != p.name) for p in places],
        }
    )
    st.dataframe(
        frame,
        hide_index=True,
        placeholder="–",
        width="stretch",
        column_config=column_labels(frame.columns, lang),
    )
    st.markdown(f"**{t('edit_place', lang)}**")
    by_id = {p.id: p for p in places}
    chosen = st.selectbox(
        t("place_to_edit", lang),
        list(by_id),
        format_func=lambda i: f"{by_id[i].name} ({kind_label(by_id[i].kind, lang)})",
        key="edit_choice",
        placeholder=t("choose", lang),
    )
    place = by_id[chosen]
    with st.form(f"edit_place_{chosen}"):
        name = st.text_input(t("name", lang), value=place.name, key=f"edit_name_{chosen}")
        kind = st.selectbox(
            t("kind", lang),
            KINDS,
            index=KINDS.index(place.kind) if place.kind in KINDS else KINDS.index("other"),
            format_func=lambda k: kind_label(k, lang),
            key=f"edit_kind_{chosen}",
            placeholder=t("choose", lang),
        )
        lat = st.number_input(
            t("lat", lang), -90.0, 90.0, float(place.lat), format="%.5f", key=f"edit_lat_{chosen}"
        )
        lon = st.number_input(
            t("lon", lang), -180.0, 180.0, float(place.lon), format="%.5f", key=f"edit_lon_{chosen}"
        )
        country = st.text_input(
            t("country_code", lang), value=place.country or "", max_chars=2, key=f"edit_country_{chosen}"
        )
        save, delete = st.container(key="dd_row_place_edit").columns(2)
        if save.form_submit_button(t("update", lang)):
            old = gazetteer.aliases_of(chosen)
            try:
                new = gazetteer.update_place(
                    chosen, name, kind, lat, lon, country=country or None, name_vi=place.name_vi
                )
            except InvalidPlace as exc:
                _refused(lang, exc)
            else:
                n = reextract([*old, new.name])
                st.session_state["place_message"] = ("ok", t("updated", lang, name=plain(new.name), n=n))
            st.rerun()
        if delete.form_submit_button(t("delete", lang)):
            try:
                names = gazetteer.delete_place(chosen)
            except InvalidPlace as exc:
                _refused(lang, exc)
            else:
                n = reextract(names)
                st.session_state["place_message"] = ("ok", t("deleted", lang, name=plain(place.name), n=n))
            st.rerun()
