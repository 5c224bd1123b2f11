"""diadanh dashboard: the event map with popups, filters, a date slider, detail panel, timeline,
table, uploads and the places page.

Run from the repository root: ``streamlit run dashboard/app.py`` (``make run`` does it).
The store is ``var/events.sqlite`` (``$DIADANH_STORE``); on first start it receives the
sample articles of ``articles/``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import sys
from pathlib import Path

import altair as alt
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dashboard import add as add_page
from dashboard import data
from dashboard import places as places_page
from dashboard import review as review_ui
from dashboard.i18n import LANGUAGES, column_labels, event_type_label, localized_cells, message, t
from dashboard.mapview import (
    STYLE,
    MapData,
    build_map,
    event_bounds,
    event_id_from_popup,
    event_popup,
    prepare_map_data,
    write_popups,
)
from events.pipeline import Extractor
from gazetteer import Gazetteer, GazetteerMissing
from store import export
from store.acled import ACLED_EXPORT_COLUMNS, acled_frame
from store.db import EventStore

st.set_page_config(page_title="diadanh", page_icon="🗺️", layout="wide")


@st.cache_resource
def _resources(user_places: str) -> tuple[Gazetteer, Extractor]:
    gazetteer = Gazetteer(user_path=user_places)
    return gazetteer, Extractor(gazetteer)


def resources() -> tuple[Gazetteer, Extractor]:
    """The gazetteer (with the user layer of ``data.USER_PLACES``) and an extractor, made once."""
    return _resources(str(data.USER_PLACES))


def open_store() -> EventStore:
    return EventStore(data.STORE)


_MARKDOWN = re.compile(r"([\\`*_{}\[\]()<>#|~$])")


def plain(text: object) -> str:
    """Untrusted text (file names, reasons, place names) shown literally in a Markdown message."""
    return _MARKDOWN.sub(r"\\\1", str(text))


def data_version(store: EventStore) -> tuple:
    """Changes whenever an article is stored or replaced, or a review decision saved: the key of
    the cached frames."""
    articles = store.con.execute("SELECT COUNT(*), MAX(ingested_at) FROM articles").fetchone()
    return (*articles, *store.con.execute("SELECT COUNT(*), MAX(updated_at) FROM review").fetchone())


# cache_resource, not cache_data: the frames are large and only read, so no copy per rerun.
@st.cache_resource(show_spinner=False, max_entries=4)
def load_frames(version: tuple, store_path: str) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The stored events, place mentions and unresolved names; ``version`` (see
    :func:`data_version`) is the cache key."""
    with EventStore(store_path) as store:
        return data.events_frame(store), data.places_frame(store), data.unresolved_frame(store)


@st.cache_resource(show_spinner=False, max_entries=4)
def load_undated(version: tuple, store_path: str) -> pd.DataFrame:
    """The events of articles stored without a date (see :func:`dashboard.data.undated_events`)."""
    with EventStore(store_path) as store:
        return data.undated_events(store)


def undated_list(version: tuple, lang: str) -> None:
    """The undated events, apart from the map and the timeline, with what to do about them."""
    undated = load_undated(version, str(data.STORE))
    if undated.empty:
        return
    with st.expander(t("undated", lang, n=len(undated)), expanded=False):
        columns = ["event_type", "sub_event_type", "location", "notes"]
        sources = review_ui.source_labels(undated, lang, title="article_title", path="article_path")
        shown = undated[columns].assign(source=sources)
        st.dataframe(
            localized_cells(shown, lang),
            hide_index=True,
            width="stretch",
            column_config=column_labels(shown.columns, lang),
        )


@st.cache_resource(show_spinner=False, max_entries=4)
def map_data(version: tuple, store_path: str, lang: str) -> tuple[MapData, str, dict]:
    """Markers, place circles, the popups file's URL and the extents: once per data version and
    language."""
    events, places, _ = load_frames(version, store_path)
    gazetteer, _ = resources()
    extents = data.event_extents(events, gazetteer)
    with EventStore(store_path) as store:
        texts = data.place_sentences(store, places)
    prepared = prepare_map_data(events, places, lang, texts)
    store_key = hashlib.sha1(str(Path(store_path).resolve()).encode()).hexdigest()[:10]
    url = write_popups(prepared.popups, prefix=f"popups-{store_key}-{lang}")
    return prepared, url, extents


def sidebar(events: pd.DataFrame, lang: str) -> tuple[data.Filters, bool]:
    st.sidebar.header(t("filters", lang))
    background = st.sidebar.checkbox(t("background", lang), value=False, key="background")
    low, high = data.date_bounds(events, background)
    if low == high:
        high = low + dt.timedelta(days=1)
    dates = st.sidebar.slider(
        t("dates", lang), min_value=low, max_value=high, value=(low, high), format="DD/MM/YYYY", key="dates"
    )
    types = st.sidebar.multiselect(
        t("event_types", lang),
        list(STYLE),
        format_func=lambda v: event_type_label(v, lang),
        key="types",
        placeholder=t("choose", lang),
        select_all=False,
    )
    countries = st.sidebar.multiselect(
        t("countries", lang),
        sorted(events["country"].dropna().unique()),
        key="countries",
        placeholder=t("choose", lang),
        select_all=False,
    )
    precisions = st.sidebar.multiselect(
        t("precision", lang),
        [1, 2, 3],
        help=t("precision_help", lang),
        key="precisions",
        placeholder=t("choose", lang),
        select_all=False,
    )
    query = st.sidebar.text_input(t("search", lang), key="query")
    online = st.sidebar.checkbox(t("online_tiles", lang), value=False, key="online_tiles")
    filters = data.Filters(tuple(dates), types, countries, precisions, query, background)
    return filters, online


def detail_panel(event_id: str | None, events: pd.DataFrame, places: pd.DataFrame, lang: str) -> None:
    st.subheader(t("detail", lang))
    event = review_ui.find_event(events, event_id)
    if event is None:
        st.caption(t("detail_hint", lang))
        return
    event_id = str(event["event_id"])
    with open_store() as store:
        text = store.article_text(event["article_id"]) or ""
    # The popup's escaped HTML (never Markdown: article text and metadata are untrusted); the
    # popup's hidden id line stays hidden here too.
    st.html(
        f'<style>.dd-id{{display:none}}</style><div data-testid="dd-event">{event_popup(event, lang)}</div>'
    )
    review_ui.review_panel(event, events, lang, open_store, lambda name: resources()[0].lookup(name, limit=8))
    article_places = places[places["article_id"] == event["article_id"]]
    body = data.highlighted_article(text, article_places, (int(event["text_start"]), int(event["text_end"])))
    st.html(
        "<style>.dd-place{background:#ffe066}.dd-sentence{text-decoration:underline 2px #d62728}"
        ".dd-article{max-height:420px;overflow:auto;font-size:14px;line-height:1.5}</style>"
        f'<div class="dd-article" data-testid="dd-article">{body}</div>'
    )
    others = events[(events["article_id"] == event["article_id"]) & (events["event_id"] != event_id)]
    if not others.empty:
        st.markdown(f"**{t('other_events', lang)}**")
        columns = ["event_date", "event_type", "sub_event_type", "location", "fatalities"]
        st.dataframe(
            localized_cells(others[columns], lang).assign(
                event_date=others["event_date"].dt.strftime("%d/%m/%Y")
            ),
            hide_index=True,
            width="stretch",
            column_config=column_labels(columns, lang),
        )


def timeline(shown: pd.DataFrame, lang: str) -> None:
    st.markdown(f"**{t('timeline', lang)}**")
    if shown.empty:
        return
    counts = shown.groupby(["date", "event_type"]).size().reset_index(name="n")
    counts["date"] = pd.to_datetime(counts["date"])
    counts["label"] = [event_type_label(v, lang) for v in counts["event_type"]]
    colours = alt.Scale(
        domain=[event_type_label(k, lang) for k in STYLE], range=[colour for colour, _ in STYLE.values()]
    )
    chart = (
        alt.Chart(counts)
        .mark_bar()
        .encode(
            x=alt.X("date:T", title=None, axis=alt.Axis(format="%d/%m/%Y")),  # no English month names
            y=alt.Y("n:Q", title=None),
            color=alt.Color("label:N", scale=colours, title=None),
            tooltip=[
                alt.Tooltip("date:T", title=t("date_axis", lang), format="%d/%m/%Y"),
                alt.Tooltip("label:N", title=t("kind_of", lang)),
                alt.Tooltip("n:Q", title=t("count_axis", lang)),
            ],
        )
        .properties(height=180)
    )
    st.altair_chart(chart, width="stretch")


def map_tab(
    shown: pd.DataFrame, events: pd.DataFrame, places: pd.DataFrame, version: tuple, lang: str, online: bool
) -> None:
    prepared, popups_url, extents = map_data(version, str(data.STORE), lang)
    shown_extents = {k: v for k, v in extents.items() if k in set(shown["place_id"])}
    st.caption(t("events_shown", lang, n=len(shown), total=int((~events["background"]).sum())))
    left, right = st.columns([3, 2])
    with left:
        if shown.empty:
            st.info(t("no_events", lang))
        fmap = build_map(
            prepared.events_js(shown["event_id"]),
            prepared.places,
            popups_url,
            shown_extents,
            lang,
            online,
            bounds=event_bounds(shown),
        )
        state = st_folium(
            fmap,
            height=560,
            use_container_width=True,
            returned_objects=["last_object_clicked_popup"],
            key="event_map",
        )
        clicked = event_id_from_popup((state or {}).get("last_object_clicked_popup"))
        if clicked:
            st.session_state["selected_event"] = clicked
    with right:
        detail_panel(st.session_state.get("selected_event"), events, places, lang)
    timeline(shown, lang)
    undated_list(version, lang)


# The table's columns: ACLED's that an analyst reads, the review status; no ids, no paths.
TABLE_COLUMNS = ("event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1",
                 "location", "latitude", "longitude", "fatalities", "source", "review_status",
                 "notes")  # fmt: skip


@st.cache_resource(show_spinner=False, max_entries=4)
def acled_rows(version: tuple) -> pd.DataFrame:
    """Every incident in ACLED's columns then diadanh's (:func:`store.acled.acled_frame`), once
    per data version (a filter change only selects rows); indexed like the events frame."""
    events, _, _ = load_frames(version, str(data.STORE))
    return acled_frame(events, resources()[0]).set_index(events.index)


def table_tab(shown: pd.DataFrame, version: tuple, lang: str) -> None:
    rows = acled_rows(version).loc[shown.index]
    st.dataframe(
        localized_cells(rows[list(TABLE_COLUMNS)], lang),
        hide_index=True,
        width="stretch",
        column_config=column_labels(TABLE_COLUMNS, lang),
    )
    left, middle, right = st.columns(3)
    left.download_button(
        t("download_csv", lang),
        lambda: export.as_text(rows, "csv").encode("utf-8"),  # made on click, not on every rerun
        file_name="diadanh-events.csv",
        mime="text/csv",
        key="download_csv",
    )
    middle.download_button(
        t("download_acled", lang),
        lambda: export.as_text(rows[list(ACLED_EXPORT_COLUMNS)], "csv").encode("utf-8"),
        file_name="diadanh-events-acled.csv",
        mime="text/csv",
        key="download_acled",
    )
    right.download_button(
        t("download_geojson", lang),
        lambda: export.as_text(rows, "geojson").encode("utf-8"),
        file_name="diadanh-events.geojson",
        mime="application/geo+json",
        key="download_geojson",
    )


def _reextract(names: list[str]) -> int:
    """After the gazetteer changed: a fresh extractor (it knows the new names) on the affected articles."""
    _resources.clear()
    _, extractor = resources()
    with open_store() as store:
        return data.reextract_mentioning(names, store, extractor)


def main() -> None:
    lang = st.sidebar.radio(
        "Ngôn ngữ / Language", list(LANGUAGES), format_func=LANGUAGES.get, horizontal=True, key="lang"
    )
    st.title(t("title", lang))
    st.caption(t("subtitle", lang))
    try:
        _, extractor = resources()
    except GazetteerMissing as exc:
        st.error(plain(message(exc.args[0], lang)))
        st.stop()
    with open_store() as store:
        data.ensure_samples(store, extractor)
        version = data_version(store)
    events, places, unresolved = load_frames(version, str(data.STORE))
    filters, online = sidebar(events, lang)
    filters.rejected = review_ui.show_rejected(lang)
    shown = data.apply_filters(events, filters)
    tab_map, tab_table, tab_add, tab_places = st.tabs(
        [t("tab_map", lang), t("tab_table", lang), t("tab_add", lang), t("tab_places", lang)]
    )
    with tab_map:
        map_tab(shown, events, places, version, lang, online)
    with tab_table:
        table_tab(shown, version, lang)
    with tab_add:
        add_page.add_tab(lang, resources, open_store)
    with tab_places:
        places_page.places_tab(unresolved, lang, resources, _reextract)
    st.caption(t("credits", lang))


main()
