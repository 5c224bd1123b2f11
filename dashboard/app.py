"""diadanh dashboard: the event map with popups, filters, a date slider, detail panel, timeline,
table, uploads and the places page.

Run from the repository root: ``streamlit run dashboard/app.py`` (``make run`` does it).
The store is ``var/events.sqlite`` (``$DIADANH_STORE``); on first start it receives the
sample articles of ``articles/``.
"""

from __future__ import annotations

import copy
import dataclasses
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
from dashboard import chrome, data, feed
from dashboard import places as places_page
from dashboard import review as review_ui
from dashboard.i18n import (
    LANGUAGES,
    column_labels,
    event_type_label,
    localized_cells,
    message,
    sub_event_label,
    t,
)
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

st.set_page_config(page_title="diadanh", page_icon="🗺️", layout="wide", initial_sidebar_state="auto")
# At 800 px: columns stacked (Streamlit stacks them only under 640 px), the map full width.
st.html(
    "<style>@media (max-width: 900px) { [data-testid='stHorizontalBlock'] { flex-direction: column; }"
    " [data-testid='stHorizontalBlock'] > [data-testid='stColumn'] { width: 100% !important;"
    " flex: 1 1 100% !important; min-width: 100% !important; }"
    # rows of buttons stay rows (containers keyed dd_row_…)
    " [class*='st-key-dd_row'] [data-testid='stHorizontalBlock'] { flex-direction: row; }"
    " [class*='st-key-dd_row'] [data-testid='stHorizontalBlock'] > [data-testid='stColumn'] {"
    " width: auto !important; flex: 1 1 0 !important; min-width: 0 !important; } }</style>"
)


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
            localized_cells(shown.assign(location_vi=undated["location_vi"]), lang)[shown.columns],
            hide_index=True,
            placeholder="–",
            width="stretch",
            column_config=column_labels(shown.columns, lang),
        )


@st.cache_resource(show_spinner=False, max_entries=4)
def map_data(version: tuple, store_path: str, lang: str) -> tuple[MapData, str, dict, str]:
    """Markers, place circles, the popups file's URL, the extents and the place circles' file URL:
    once per data version and language."""
    events, places, _ = load_frames(version, store_path)
    gazetteer, _ = resources()
    extents = data.event_extents(events, gazetteer)
    with EventStore(store_path) as store:
        texts = data.place_sentences(store, places)
    prepared = prepare_map_data(events, places, lang, texts)
    store_key = hashlib.sha1(str(Path(store_path).resolve()).encode()).hexdigest()[:10]
    url = write_popups(prepared.popups, prefix=f"popups-{store_key}-{lang}")
    places_url = write_popups(prepared.places, prefix=f"places-{store_key}-{lang}")
    return prepared, url, extents, places_url


@st.cache_resource(show_spinner=False, max_entries=8)
def filter_options(version: tuple, store_path: str, lang: str) -> tuple[list[str], list[str], int]:
    """The actors (most frequent first), the countries (by their name in ``lang``) and the most
    fatalities of one event: once per data version, not on every rerun."""
    events, _, _ = load_frames(version, store_path)
    countries = sorted(
        events["country"].dropna().unique(), key=lambda c: data.country_name(c, lang).casefold()
    )
    return data.actor_options(events), countries, max(1, data.max_fatalities(events))


def sidebar(events: pd.DataFrame, lang: str, version: tuple) -> tuple[data.Filters, bool]:
    """The filters (their state restored from the URL first: :func:`dashboard.feed.restore_from_url`)."""
    st.sidebar.header(t("filters", lang), anchor=False)
    background = st.sidebar.checkbox(t("background", lang), value=False, key="background")
    low, high = data.date_bounds(events, background)
    if low == high:
        high = low + dt.timedelta(days=1)
    feed.clamp_range("dates", "_url_dates", low, high)
    # The value comes from the state when it holds one (URL, play control), else the whole range.
    initial = {} if "dates" in st.session_state else {"value": (low, high)}
    dates = st.sidebar.slider(
        t("dates", lang), min_value=low, max_value=high, format="DD/MM/YYYY", key="dates", **initial
    )
    play_controls(lang)
    types = st.sidebar.multiselect(
        t("event_types", lang),
        list(STYLE),
        format_func=lambda v: event_type_label(v, lang),
        key="types",
        placeholder=t("choose", lang),
        select_all=False,
    )
    subs = events if not types else events[events["event_type"].isin(types)]
    sub_options = sorted(subs["sub_event_type"].dropna().unique())
    feed.keep_valid("sub_types", sub_options)
    sub_types = st.sidebar.multiselect(
        t("sub_event_types", lang),
        sub_options,
        format_func=lambda v: sub_event_label(v, lang),
        key="sub_types",
        placeholder=t("choose", lang),
        select_all=False,
    )
    actor_options, country_options, most = filter_options(version, str(data.STORE), lang)
    feed.keep_valid("actors", actor_options)
    actors = st.sidebar.multiselect(
        t("actors", lang), actor_options, key="actors", placeholder=t("choose", lang), select_all=False
    )
    feed.keep_valid("countries", country_options)
    countries = st.sidebar.multiselect(
        t("countries", lang),
        country_options,
        format_func=lambda c: data.country_name(c, lang),
        key="countries",
        placeholder=t("choose", lang),
        select_all=False,
    )
    feed.clamp_range("fatalities", "_url_fatalities", 0, most)
    initial = {} if "fatalities" in st.session_state else {"value": (0, most)}
    dead = st.sidebar.slider(t("fatalities_range", lang), 0, most, key="fatalities", **initial)
    feed.keep_valid("precisions", [1, 2, 3])
    precisions = st.sidebar.multiselect(
        t("precision", lang),
        [1, 2, 3],
        help=t("precision_help", lang),
        key="precisions",
        placeholder=t("choose", lang),
        select_all=False,
    )
    query = st.sidebar.text_input(t("search", lang), key="query", placeholder=t("search_help", lang))
    online = st.sidebar.checkbox(t("online_tiles", lang), value=False, key="online_tiles")
    filters = data.Filters(
        tuple(dates),
        types,
        countries,
        precisions,
        query,
        background,
        sub_event_types=sub_types,
        actors=actors,
        fatalities=None if tuple(dead) == (0, most) else (int(dead[0]), int(dead[1])),
    )
    return filters, online


def url_params(filters: data.Filters, lang: str) -> dict[str, str | list[str]]:
    """The view as URL parameters (see :func:`dashboard.feed.restore_from_url`)."""
    start, end = filters.dates or (None, None)
    return {
        "lang": lang,
        "from": start.isoformat() if start else "",
        "to": end.isoformat() if end else "",
        "type": list(filters.event_types),
        "sub": list(filters.sub_event_types),
        "actor": list(filters.actors),
        "country": list(filters.countries),
        "precision": [str(p) for p in filters.precisions],
        "q": filters.query,
        "bg": "1" if filters.background else "",
        "dead": f"{filters.fatalities[0]}-{filters.fatalities[1]}" if filters.fatalities else "",
        "event": st.session_state.get("selected_event") or "",
    }


def detail_panel(event_id: str | None, events: pd.DataFrame, places: pd.DataFrame, lang: str) -> None:
    st.subheader(t("detail", lang), anchor=False)
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
        '<style>.dd-id{display:none}</style><div data-testid="dd-event">'
        + event_popup(event.drop("review_status", errors="ignore"), lang)  # the panel below says it
        + "</div>"
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
            localized_cells(others[[*columns, "location_vi"]], lang)[columns],
            hide_index=True,
            placeholder="–",
            width="stretch",
            column_config=column_labels(columns, lang),
        )


def timeline(period: pd.DataFrame, filters: data.Filters, version: tuple, lang: str) -> None:
    """Events and fatalities per day, week, month or year (by the period's length) and type, over
    the whole period of the other filters, the date slider's range marked. The chart is made
    once per data version, filters but the dates, and language: a slider move only moves the mark."""
    if period.empty:
        st.markdown(f"**{t('timeline', lang)}**")
        return
    low, high = period["date"].min(), period["date"].max()
    if filters.dates:
        low, high = min(low, filters.dates[0]), max(high, filters.dates[1])
    freq = data.timeline_freq(low, high)
    st.markdown(f"**{t('timeline_bin', lang, bin=t('bin_' + freq, lang))}**")
    others = dataclasses.replace(filters, dates=None)
    spec = copy.deepcopy(timeline_spec(version, repr(others), freq, lang, period))
    if filters.dates:
        # the range's last day is whole: the mark ends where the next day begins
        start = pd.Timestamp(filters.dates[0]).isoformat()
        end = (pd.Timestamp(filters.dates[1]) + pd.Timedelta(days=1)).isoformat()
        spec["datasets"][WINDOW] = [{"a": start, "b": end}]
    st.vega_lite_chart(spec, width="stretch", alt=t("timeline_bin", lang, bin=t("bin_" + freq, lang)))


WINDOW = "dd_window"  # the named dataset of the slider's range in the timeline's spec


@st.cache_resource(show_spinner=False, max_entries=16)
def timeline_spec(version: tuple, filters_key: str, freq: str, lang: str, _period: pd.DataFrame) -> dict:
    """The timeline's Vega-Lite spec for one data version, filters (but the dates) and language
    (``_period``: the events those give, not hashed: the key says what they are)."""
    counts = data.timeline_counts(_period, freq)
    counts["label"] = [event_type_label(v, lang) for v in counts["event_type"]]
    time_format = {"D": "%d/%m/%Y", "W": "%d/%m/%Y", "M": "%m/%Y", "Y": "%Y"}[freq]
    # What a screen reader says of a bar, in the page's language (Vega's own is "start
    # (year-month-date): …; label: …", field names and English).
    counts["aria"] = [
        f"{label}, {pd.Timestamp(start).strftime(time_format)}: {t('chart_events', lang)} {n}, "
        f"{t('chart_fatalities', lang)} {dead}"
        for label, start, n, dead in zip(
            counts["label"], counts["start"], counts["events"], counts["fatalities"], strict=True
        )
    ]
    colours = alt.Scale(
        domain=[event_type_label(k, lang) for k in STYLE], range=[colour for colour, _ in STYLE.values()]
    )
    # A bar as wide as its bin (day, week, month, year), ticks on whole bins.
    unit = {"D": "yearmonthdate", "W": "yearweek", "M": "yearmonth", "Y": "year"}[freq]
    x = alt.X(
        "start:T",
        timeUnit=unit,
        title=None,
        axis=alt.Axis(format=time_format, labelOverlap=True, description=t("chart_period", lang)),
    )
    tooltip = [
        alt.Tooltip("start:T", title=t("chart_period", lang), format=time_format),
        alt.Tooltip("label:N", title=t("chart_type", lang)),
        alt.Tooltip("events:Q", title=t("chart_events", lang)),
        alt.Tooltip("fatalities:Q", title=t("chart_fatalities", lang)),
    ]
    colour = alt.Color(
        "label:N",
        scale=colours,
        title=None,
        legend=alt.Legend(orient="bottom", description=t("chart_type", lang)),
    )
    described = alt.Description("aria:N")
    window = alt.Chart(alt.NamedData(WINDOW)).mark_rect(color="#fab005", opacity=0.18, aria=False)
    window = window.encode(x="a:T", x2="b:T")
    bars = alt.Chart(counts).mark_bar()
    events_chart = alt.layer(
        window,
        bars.encode(
            x=x,
            y=alt.Y(
                "events:Q", title=t("chart_events", lang), axis=alt.Axis(description=t("chart_events", lang))
            ),
            color=colour,
            tooltip=tooltip,
            description=described,
        ),
    ).properties(height=150)
    dead = counts[counts["fatalities"] > 0]
    dead_bars = alt.Chart(dead if not dead.empty else counts.head(0)).mark_bar()
    dead_chart = alt.layer(
        window,
        dead_bars.encode(
            x=x,
            y=alt.Y(
                "fatalities:Q",
                title=t("chart_fatalities", lang),
                axis=alt.Axis(description=t("chart_fatalities", lang)),
            ),
            color=colour,
            tooltip=tooltip,
            description=described,
        ),
    ).properties(height=100)
    spec = alt.vconcat(events_chart, dead_chart).resolve_scale(x="shared").to_dict()
    spec.setdefault("datasets", {})[WINDOW] = []
    return spec


def _step(direction: int) -> None:
    """Move the date slider's range by its own length (a callback: before the slider is made)."""
    bounds = st.session_state.get("_date_bounds")
    value = st.session_state.get("dates")
    if not bounds or not value:
        return
    low, high = bounds
    a, b = value
    if (a, b) == (low, high):  # the whole period: start with its first twentieth
        b = a + max(dt.timedelta(days=1), (high - low) / 20)
        st.session_state["dates"] = (a, min(b, high))
        return
    width = b - a + dt.timedelta(days=1)
    a, b = a + direction * width, b + direction * width
    if b > high:
        a, b = high - (b - a), high
        st.session_state["playing"] = False
    if a < low:
        a, b = low, low + (b - a)
    st.session_state["dates"] = (a, min(b, high))


def _toggle_play() -> None:
    st.session_state["playing"] = not st.session_state.get("playing", False)
    if st.session_state["playing"]:
        _step(+1)


def play_controls(lang: str) -> None:
    """Back, play/pause and forward under the date slider: its range steps through time (play:
    a step every 1.5 s)."""
    back, play, forward = st.sidebar.container(key="dd_row_play").columns([1, 1, 1])
    # Text, not Material icon names: offline or before the icon font loads, ":material/play_arrow:"
    # shows (and is read aloud) as "play_arrow". A shape and the word, the word its accessible name.
    back.button(
        "◀ " + t("step_back", lang),
        key="step_back",
        help=t("step_back", lang),
        on_click=_step,
        args=(-1,),
        width="stretch",
    )
    playing = st.session_state.get("playing", False)
    play.button(
        ("❚❚ " + t("pause", lang)) if playing else ("▶ " + t("play", lang)),
        key="play",
        on_click=_toggle_play,
        help=t("play_help", lang),
        width="stretch",
    )
    forward.button(
        t("step_forward", lang) + " ▶",
        key="step_forward",
        help=t("step_forward", lang),
        on_click=_step,
        args=(1,),
        width="stretch",
    )
    if playing:
        with st.sidebar:
            _player()


@st.fragment(run_every=1.5)
def _player() -> None:
    if st.session_state.get("_player_started"):
        _step(+1)
        st.session_state["_player_started"] = False
        st.rerun()
    st.session_state["_player_started"] = True


def map_tab(
    shown: pd.DataFrame,
    period: pd.DataFrame,
    events: pd.DataFrame,
    places: pd.DataFrame,
    filters: data.Filters,
    version: tuple,
    lang: str,
    online: bool,
) -> None:
    """Map and feed side by side (stacked at 800 px), then the detail panel and the timeline."""
    prepared, popups_url, extents, places_url = map_data(version, str(data.STORE), lang)
    shown_extents = {k: v for k, v in extents.items() if k in set(shown["place_id"])}
    shown_places = places.loc[places["article_id"].isin(set(shown["article_id"])), "place_id"].unique()
    st.caption(t("events_shown", lang, n=len(shown), total=int((~events["background"]).sum())))
    left, right = st.columns([3, 2])
    with left:
        if shown.empty:
            st.info(t("no_events", lang))
        fmap = build_map(
            prepared.events_js(shown["event_id"]),
            prepared.places_js(shown_places),
            popups_url,
            shown_extents,
            lang,
            online,
            bounds=event_bounds(shown),
            selected=st.session_state.get("selected_event"),
            places_url=places_url,
        )
        state = st_folium(
            fmap,
            height=560,
            use_container_width=True,
            returned_objects=["last_object_clicked_popup"],
            key="event_map",
        )
        # A marker click: only when it is a new one (the component keeps reporting the last).
        clicked = event_id_from_popup((state or {}).get("last_object_clicked_popup"))
        if clicked and clicked != st.session_state.get("_map_clicked"):
            st.session_state["_map_clicked"] = clicked
            st.session_state["selected_event"] = clicked
    with right:
        feed.event_feed(shown, lang)
    detail_panel(st.session_state.get("selected_event"), events, places, lang)
    feed.page_script(st.session_state.get("selected_event"))
    timeline(period, filters, version, lang)
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
        localized_cells(rows[[*TABLE_COLUMNS, "location_vi"]], lang)[list(TABLE_COLUMNS)],
        hide_index=True,
        placeholder="–",
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
    feed.restore_from_url()
    lang = st.sidebar.radio(
        "Ngôn ngữ / Language", list(LANGUAGES), format_func=LANGUAGES.get, horizontal=True, key="lang"
    )
    chrome.translate_page(lang)
    st.title(t("title", lang), anchor=False)
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
    filters, online = sidebar(events, lang, version)
    filters.rejected = review_ui.show_rejected(lang)
    st.session_state["_date_bounds"] = data.date_bounds(events, filters.background)
    shown = data.apply_filters(events, filters)
    period = data.apply_filters(events, filters, dates=False)
    tab_map, tab_table, tab_add, tab_places = st.tabs(
        [t("tab_map", lang), t("tab_table", lang), t("tab_add", lang), t("tab_places", lang)]
    )
    with tab_map:
        map_tab(shown, period, events, places, filters, version, lang, online)
    with tab_table:
        table_tab(shown, version, lang)
    with tab_add:
        add_page.add_tab(lang, resources, open_store)
    with tab_places:
        places_page.places_tab(unresolved, lang, resources, _reextract)
    st.caption(t("credits", lang))
    feed.write_url(url_params(filters, lang))


main()
