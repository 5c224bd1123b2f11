"""diadanh dashboard: the event map with popups, filters, a date slider, detail panel, timeline,
table, uploads and the places page.

Run from the repository root: ``streamlit run dashboard/app.py`` (``make run`` does it).
The store is ``var/events.sqlite`` (``$DIADANH_STORE``); on first start it receives the
sample articles of ``articles/``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import re
import sqlite3
import sys
import threading
from pathlib import Path

import altair as alt
import pandas as pd
import streamlit as st
from streamlit import dataframe_util

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dashboard import add as add_page
from dashboard import archive, chrome, data, feed
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
from dashboard.keptmap import kept_map
from dashboard.mapview import (
    STYLE,
    MapData,
    event_bounds,
    event_id_from_popup,
    event_popup,
    js_data,
    map_update,
    prepare_map_data,
    write_popups,
    write_static,
)
from events.pipeline import Extractor
from gazetteer import Gazetteer, GazetteerMissing
from store import export
from store import view as store_view
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


@st.cache_resource
def _version_watch(store_path: str) -> dict:
    """A connection kept open on the store, whose ``PRAGMA data_version`` moves on when any other
    connection commits: the version is read again only then."""
    con = sqlite3.connect(store_path, check_same_thread=False)
    return {"con": con, "lock": threading.Lock(), "seen": None, "version": None}


def current_version(store: EventStore) -> tuple:
    """:func:`data_version`, read again only when the store changed (an archive's articles take
    a tenth of a second to scan, at every rerun)."""
    watch = _version_watch(str(data.STORE))
    with watch["lock"]:
        seen = watch["con"].execute("PRAGMA data_version").fetchone()[0]
        if watch["version"] is None or seen != watch["seen"]:
            watch["version"], watch["seen"] = data_version(store), seen
        return watch["version"]


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
def map_data(version: tuple, store_path: str, lang: str) -> tuple[MapData, str, dict, str, str]:
    """Markers, place circles, the popups file's URL, the extents, the place circles' file URL
    and the markers file's URL: once per data version and language."""
    events, places, _ = load_frames(version, store_path)
    gazetteer, _ = resources()
    extents = data.event_extents(events, gazetteer)
    with EventStore(store_path) as store:
        texts = data.place_sentences(store, places)
    prepared = prepare_map_data(events, places, lang, texts)
    store_key = hashlib.sha1(str(Path(store_path).resolve()).encode()).hexdigest()[:10]
    url = write_popups(prepared.popups, prefix=f"popups-{store_key}-{lang}")
    places_url = write_popups(prepared.places, prefix=f"places-{store_key}-{lang}")
    markers_url = write_static(prepared.rows_file(), prefix=f"markers-{store_key}-{lang}")
    return prepared, url, extents, places_url, markers_url


@dataclasses.dataclass
class Choices:
    """What the filters offer: from the frames, or from the store's indexes (archive mode)."""

    bounds: dict[bool, tuple[dt.date, dt.date]]  # with background events or not → the slider's range
    sub_types: dict[str, list[str]]  # event type → its sub-event types
    actors: list[str]  # most frequent first
    countries: list[str]  # by their name in the language
    most: int  # the most fatalities of one event (at least 1)

    def sub_options(self, types: list[str]) -> list[str]:
        chosen = types or list(self.sub_types)
        return sorted({sub for t_ in chosen for sub in self.sub_types.get(t_, [])})


@st.cache_resource(show_spinner=False, max_entries=8)
def filter_options(version: tuple, store_path: str, lang: str) -> Choices:
    """The filters' choices from the frames: once per data version, not on every rerun."""
    events, _, _ = load_frames(version, store_path)
    countries = sorted(
        events["country"].dropna().unique(), key=lambda c: data.country_name(c, lang).casefold()
    )
    subs = events.dropna(subset=["sub_event_type"]).groupby("event_type")["sub_event_type"].unique()
    return Choices(
        {flag: data.date_bounds(events, flag) for flag in (False, True)},
        {k: sorted(v) for k, v in subs.items()},
        data.actor_options(events),
        countries,
        max(1, data.max_fatalities(events)),
    )


@st.cache_resource(show_spinner=False, max_entries=8)
def archive_options(version: tuple, store_path: str, lang: str) -> Choices:
    """The filters' choices from the store's indexes (archive mode): once per data version."""
    with EventStore(store_path) as store:
        found = archive.options(store)
    countries = sorted(found["countries"], key=lambda c: data.country_name(c, lang).casefold())
    dates = found["dates"]
    bounds = {False: dates["news"] if dates["news"][0] else dates["all"], True: dates["all"]}
    return Choices(bounds, found["types"], found["actors"], countries, max(1, found["fatalities"]))


def sidebar(choices: Choices, lang: str) -> tuple[data.Filters, bool]:
    """The filters (their state restored from the URL first: :func:`dashboard.feed.restore_from_url`)."""
    st.sidebar.header(t("filters", lang), anchor=False)
    background = st.sidebar.checkbox(t("background", lang), value=False, key="background")
    low, high = choices.bounds[background]
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
    sub_options = choices.sub_options(types)
    feed.keep_valid("sub_types", sub_options)
    sub_types = st.sidebar.multiselect(
        t("sub_event_types", lang),
        sub_options,
        format_func=lambda v: sub_event_label(v, lang),
        key="sub_types",
        placeholder=t("choose", lang),
        select_all=False,
    )
    actor_options, country_options, most = choices.actors, choices.countries, choices.most
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
    spec = timeline_spec(version, repr(others), freq, lang, period)
    draw_timeline(spec, filters, t("timeline_bin", lang, bin=t("bin_" + freq, lang)))


def draw_timeline(spec: dict, filters: data.Filters, alt_text: str) -> None:
    """The timeline's chart with the slider's range marked (a copy of the cached spec);
    ``alt_text``: what a screen reader says of the chart."""
    # A copy of the spec's top level and datasets only: the window is the one part that
    # changes (a deep copy of a year's bins cost more than the rest of the timeline's rerun).
    spec = {**spec, "datasets": dict(spec["datasets"])}
    if filters.dates:
        # the range's last day is whole: the mark ends where the next day begins
        start = pd.Timestamp(filters.dates[0]).isoformat()
        end = (pd.Timestamp(filters.dates[1]) + pd.Timedelta(days=1)).isoformat()
        spec["datasets"][WINDOW] = [{"a": start, "b": end}]
    st.vega_lite_chart(spec, width="stretch", alt=alt_text)


WINDOW = "dd_window"  # the named dataset of the slider's range in the timeline's spec


@st.cache_resource(show_spinner=False, max_entries=16)
def timeline_spec(version: tuple, filters_key: str, freq: str, lang: str, _period: pd.DataFrame) -> dict:
    """The timeline's Vega-Lite spec for one data version, filters (but the dates) and language
    (``_period``: the events those give, not hashed: the key says what they are)."""
    return timeline_chart(data.timeline_counts(_period, freq), freq, lang)


TIMELINE_DATA = "dd_counts"  # the named dataset of the timeline's bins


def timeline_chart(counts: pd.DataFrame, freq: str, lang: str) -> dict:
    """The Vega-Lite spec of :func:`dashboard.data.timeline_counts`'s counts: the chart's shape
    (:func:`_timeline_shape`, made once per bin and language) with the bins as its data."""
    time_format = _TIME_FORMATS[freq]
    labels = [event_type_label(v, lang) for v in counts["event_type"]]
    # What a screen reader says of a bar, in the page's language (Vega's own is "start
    # (year-month-date): …; label: …", field names and English).
    aria = [
        f"{label}, {pd.Timestamp(start).strftime(time_format)}: {t('chart_events', lang)} {n}, "
        f"{t('chart_fatalities', lang)} {dead}"
        for label, start, n, dead in zip(
            labels, counts["start"], counts["events"], counts["fatalities"], strict=True
        )
    ]
    bins = pd.DataFrame(
        {"start": pd.to_datetime(counts["start"]).dt.strftime("%Y-%m-%dT%H:%M:%S"), "label": labels,
         "events": counts["events"].astype(int), "fatalities": counts["fatalities"].astype(int), "aria": aria}
    )  # fmt: skip
    spec = json.loads(_timeline_shape(freq, lang))
    # The bins as Arrow bytes once (Streamlit would convert them again at every rerun).
    spec["datasets"] = {TIMELINE_DATA: dataframe_util.convert_anything_to_arrow_bytes(bins), WINDOW: []}
    return spec


_TIME_FORMATS = {"D": "%d/%m/%Y", "W": "%d/%m/%Y", "M": "%m/%Y", "Y": "%Y"}


@st.cache_resource(show_spinner=False, max_entries=16)
def _timeline_shape(freq: str, lang: str) -> str:
    """The timeline's spec without its data (JSON): bars of :data:`TIMELINE_DATA` by bin and
    type, fatalities below, the slider's window (:data:`WINDOW`) behind both. Altair builds
    and validates it once per bin and language; a new filter only brings new bins."""
    time_format = _TIME_FORMATS[freq]
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
    bars = alt.Chart(alt.NamedData(TIMELINE_DATA)).mark_bar()
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
    dead_bars = alt.Chart(alt.NamedData(TIMELINE_DATA)).transform_filter("datum.fatalities > 0").mark_bar()
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
    spec.pop("datasets", None)
    return json.dumps(spec)


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
    prepared, popups_url, extents, places_url, markers_url = map_data(version, str(data.STORE), lang)
    shown_ids = set(shown["place_id"])
    shown_extents = {k: v for k, v in extents.items() if k in shown_ids}
    shown_places = places.loc[places["article_id"].isin(set(shown["article_id"])), "place_id"].unique()
    st.caption(t("events_shown", lang, n=len(shown), total=int((~events["background"]).sum())))
    left, right = st.columns([3, 2])
    with left:
        notice = st.empty()  # always there: the map keeps its place in the page (and its frame)
        if shown.empty:
            notice.info(t("no_events", lang))
        # The map stays in its frame (its script is the same until the data, the language or
        # the tiles change); a filter or slider change sends only the update (the shown markers).
        # The shown markers by their index in the markers file the map fetched once.
        update = map_update(
            "[]",
            prepared.places_js(shown_places),
            shown_extents,
            bounds=event_bounds(shown),
            selected=st.session_state.get("selected_event"),
            indexes=prepared.indexes_js(shown["event_id"]),
        )
        state = kept_map(
            (popups_url, lang, online, places_url, markers_url), update, ["last_object_clicked_popup"]
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
    event_table(acled_rows(version).loc[shown.index], lang)


def event_table(rows: pd.DataFrame, lang: str) -> None:
    """The events in ACLED's columns, with their downloads."""
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
        version = current_version(store)
    if store_is_archive(version, str(data.STORE)):
        return archive_main(version, lang)
    events, places, unresolved = load_frames(version, str(data.STORE))
    filters, online = sidebar(filter_options(version, str(data.STORE), lang), lang)
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


# ----------------------------------------------------------------------------- archive mode
# Past archive.ARCHIVE_EVENTS stored events: no frame of every event; the store answers each
# question (dashboard/archive.py), the map asks for its view (bounds and zoom it returns).

ARCHIVE_UNRESOLVED = 5_000  # the places page's names in archive mode (the first, by name)


@st.cache_resource(show_spinner=False, max_entries=4)
def store_is_archive(version: tuple, store_path: str) -> bool:
    with EventStore(store_path) as store:
        return archive.is_archive(store)


@st.cache_resource(show_spinner=False, max_entries=2)
def archive_summary(version: tuple, store_path: str) -> pd.DataFrame:
    """Incidents per month, type, country, precision and coarse cell (:func:`dashboard.archive.summary`)."""
    with EventStore(store_path) as store:
        return archive.summary(store)


@st.cache_resource(show_spinner=False, max_entries=2)
def archive_day_summary(version: tuple, store_path: str) -> pd.DataFrame:
    """Incidents per day, type and sub-event type (:func:`dashboard.archive.summary`, by day):
    the timeline's days and weeks, for the first page (it costs what one timeline from the
    per-day counts did) and every type filter after it."""
    with EventStore(store_path) as store:
        return archive.summary(store, days=True)


@st.cache_resource(show_spinner=False, max_entries=64)
def archive_total(version: tuple, store_path: str, key: str, _q: object) -> int:
    """Incidents of a query (``key``: its repr), once per data version."""
    with EventStore(store_path) as store:
        if archive.summarizable(_q):
            return archive.summary_total(store, archive_summary(version, store_path), _q)
        return store_view.total(store, _q)


@st.cache_resource(show_spinner=False, max_entries=16)
def archive_page(
    version: tuple,
    store_path: str,
    key: str,
    _q: object,
    limit: int,
    after: tuple | None = None,
    offset: int = 0,
    _skip: frozenset = frozenset(),
) -> pd.DataFrame:
    """The latest ``limit`` incidents of a query (``key``: its repr): the feed's page, the table's
    rows; a later page of the feed from the cursor ``after`` (:func:`dashboard.archive.feed_frame`)."""
    with EventStore(store_path) as store:
        summary = archive_summary(version, store_path)
        return archive.feed_frame(store, _q, limit, summary, False, after, _skip, offset)


def archive_feed_page(q: object, version: tuple, lang: str, total: int) -> pd.DataFrame:
    """The archive feed's page now (the first after a filter change), with its caption and its
    newer and older buttons: each older page read from where the one before stopped (a cursor
    on the date index, not an offset into every incident of the filters)."""
    state, signature = st.session_state, repr(q)
    if state.get("_archive_feed_signature") != signature:
        state["_archive_feed_signature"] = signature
        state["_archive_feed_pages"] = [(None, frozenset())]  # each page's cursor and incidents to pass
        state["archive_feed_page"] = 0
    pages = state["_archive_feed_pages"]
    number = min(max(0, int(state.get("archive_feed_page", 0))), len(pages) - 1)
    after, skip = pages[number]
    rows = archive.FEED_ROWS
    page = archive_page(version, str(data.STORE), signature, q, rows, after, number * rows, skip)
    state["_archive_feed_next"] = (page.attrs.get("next"), frozenset(page.attrs.get("incidents", [])))
    first, last = number * rows + 1, number * rows + len(page)
    if number or page.attrs.get("next") is not None:
        shown = {"first": feed.count_text(first, lang), "last": feed.count_text(last, lang)}
        st.caption(t("feed_page", lang, total=feed.count_text(max(total, last), lang), **shown))
        newer, older = st.container(key="dd_row_archive_feed").columns(2)
        newer.button(t("feed_newer", lang), key="archive_newer", on_click=_archive_turn, args=(-1,),
                     disabled=number == 0, width="stretch")  # fmt: skip
        older.button(t("feed_older", lang), key="archive_older", on_click=_archive_turn, args=(1,),
                     disabled=page.attrs.get("next") is None, width="stretch")  # fmt: skip
    return page


def _archive_turn(step: int) -> None:
    """The feed's newer or older page (a callback: the older one's cursor is the shown page's end)."""
    state = st.session_state
    number = int(state.get("archive_feed_page", 0)) + step
    pages = state.get("_archive_feed_pages") or [(None, frozenset())]
    if step > 0 and number >= len(pages):
        cursor, skip = state.get("_archive_feed_next") or (None, frozenset())
        if cursor is None:
            return
        pages.append((cursor, pages[-1][1] | skip))  # the incidents of every page before: passed over
    state["archive_feed_page"] = max(0, min(number, len(pages) - 1))


@st.cache_resource(show_spinner=False, max_entries=16)
def archive_timeline_spec(
    version: tuple, store_path: str, key: str, freq: str, lang: str, _q: object
) -> dict:
    by = (archive_summary if freq in ("M", "Y") else archive_day_summary)(version, store_path)
    if archive.summary_covers(by, _q):
        counts = archive.summary_timeline(by, _q, freq)
    else:
        with EventStore(store_path) as store:
            counts = archive.timeline_counts(store, _q, freq)
    return timeline_chart(counts, freq, lang)


@st.cache_resource(show_spinner=False, max_entries=32)
def archive_view(version: tuple, store_path: str, key: str, zoom: float, lang: str, _q: object) -> tuple:
    """The map's markers or cells of a view (``key``: its query's repr): a rerun that moves
    neither the map nor the filters (a click, the feed) asks nothing of the store."""
    with EventStore(store_path) as store:
        rows, cells, _, latest = archive.map_view(store, _q, zoom, lang, archive_summary(version, store_path))
    return rows, cells, latest


@st.cache_resource(show_spinner=False, max_entries=16)
def archive_day_range(version: tuple, store_path: str, key: str, _q: object) -> tuple | None:
    with EventStore(store_path) as store:
        return archive.first_and_last(store, _q, archive_summary(version, store_path))


@st.cache_resource(show_spinner=False, max_entries=4)
def archive_unresolved(version: tuple, store_path: str) -> pd.DataFrame:
    with EventStore(store_path) as store:
        return data.unresolved_frame(store, limit=ARCHIVE_UNRESOLVED)


def map_view_asked() -> tuple[dict | None, float]:
    """The bounds and zoom the map last returned (None, 3: the world, before it has)."""
    state = st.session_state.get("event_map") or {}
    bounds, zoom = state.get("bounds") or {}, state.get("zoom")
    south_west, north_east = bounds.get("_southWest") or {}, bounds.get("_northEast") or {}
    corners = (south_west.get("lat"), south_west.get("lng"), north_east.get("lat"), north_east.get("lng"))
    if any(not isinstance(c, int | float) for c in corners):
        return None, 3.0
    south, west, north, east = (float(c) for c in corners)
    return {"south": south, "west": west, "north": north, "east": east}, float(zoom or 3)


@st.fragment
def archive_map(filters: data.Filters, version: tuple, lang: str, online: bool, selected: str | None) -> None:
    """The archive's map, a fragment: a pan or a zoom (the bounds and zoom the map returns)
    reruns only this, which asks the store for the new view; a marker click reruns the page."""
    store_path = str(data.STORE)
    bounds, zoom = map_view_asked()
    in_view = archive.query(filters, bounds=bounds)
    rows, cells, latest = archive_view(version, store_path, repr(in_view), zoom, lang, in_view)
    with open_store() as store:
        found = archive.popup_html(store, selected, lang) if selected else None
        if found and not cells and selected not in {row[5] for row in rows}:
            extra = archive.marker_row(store, selected, lang)  # older than a crowded view's latest
            rows = rows + ([extra] if extra else [])
    popups, focus = ({selected: found[0]}, found[1]) if selected and found else (None, None)
    update = map_update(js_data(rows), "[]", {}, selected=selected, cells=cells, popups=popups, focus=focus)
    state = kept_map(("", lang, online, "", ""), update, ["last_object_clicked_popup", "bounds", "zoom"])
    if latest:  # a crowded view zoomed in: its latest incidents (store.view.DETAIL_ZOOM)
        st.caption(t("map_latest", lang, n=feed.count_text(len(rows), lang)))
    clicked = event_id_from_popup((state or {}).get("last_object_clicked_popup"))
    if clicked and clicked != st.session_state.get("_map_clicked"):
        st.session_state["_map_clicked"] = clicked
        st.session_state["selected_event"] = clicked
        st.rerun()  # the feed, the detail panel and the popup follow the click


def archive_map_tab(filters: data.Filters, version: tuple, lang: str, online: bool) -> None:
    """The map tab on an archive: the map's view from the store (markers, or counts per cell when
    it holds too many), the feed's latest page, the detail panel of the selected event and the
    timeline, each from SQL."""
    store_path = str(data.STORE)
    q = archive.query(filters)
    everything = archive.query(data.Filters())
    n = archive_total(version, store_path, repr(q), q)
    total = archive_total(version, store_path, repr(everything), everything)
    st.caption(t("events_shown", lang, n=n, total=total))
    selected = st.session_state.get("selected_event")
    left, right = st.columns([3, 2])
    with left:
        notice = st.empty()
        if not n:
            notice.info(t("no_events", lang))
        archive_map(filters, version, lang, online, selected)
    with right:
        page = archive_feed_page(q, version, lang, n)
        feed.event_feed(page, lang)
    if selected:
        with open_store() as store:
            events, places = archive.article_frames(store, selected)
    else:
        events, places = page.head(0), pd.DataFrame()
    detail_panel(selected, events, places, lang)
    feed.page_script(selected)
    others = dataclasses.replace(filters, dates=None)
    q_all = archive.query(others)
    span = archive_day_range(version, store_path, repr(q_all), q_all)
    if span is None:
        st.markdown(f"**{t('timeline', lang)}**")
    else:
        low, high = span
        if filters.dates:
            low, high = min(low, filters.dates[0]), max(high, filters.dates[1])
        freq = data.timeline_freq(low, high)
        st.markdown(f"**{t('timeline_bin', lang, bin=t('bin_' + freq, lang))}**")
        draw_timeline(
            archive_timeline_spec(version, store_path, repr(q_all), freq, lang, q_all),
            filters,
            t("timeline_bin", lang, bin=t("bin_" + freq, lang)),
        )
    undated_list(version, lang)


def archive_main(version: tuple, lang: str) -> None:
    """The page on an archive (see :mod:`dashboard.archive`)."""
    choices = archive_options(version, str(data.STORE), lang)
    filters, online = sidebar(choices, lang)
    filters.rejected = review_ui.show_rejected(lang)
    st.session_state["_date_bounds"] = choices.bounds[filters.background]
    # Only the open tab runs (a tab switch reruns the page): the places tab's thousands of
    # names and the forms cost a filter change nothing while the map is looked at. The map tab
    # always runs, so that its frame (and the view the analyst left) stays in the page.
    tab_map, tab_table, tab_add, tab_places = st.tabs(
        [t("tab_map", lang), t("tab_table", lang), t("tab_add", lang), t("tab_places", lang)],
        key="archive_tab",
        on_change="rerun",
    )
    with tab_map:
        archive_map_tab(filters, version, lang, online)
    if tab_table.open:
        with tab_table:
            # On demand: the ACLED rows of a thousand incidents cost a third of a second, which a
            # filter change should not pay while the table is not looked at.
            if st.toggle(t("archive_table_show", lang), key="archive_table"):
                q = archive.query(filters)
                page = archive_page(version, str(data.STORE), repr(q), q, archive.TABLE_ROWS)
                st.caption(t("archive_table", lang, n=len(page)))
                event_table(acled_frame(page, resources()[0]).set_index(page.index), lang)
    if tab_add.open:
        with tab_add:
            add_page.add_tab(lang, resources, open_store)
    if tab_places.open:
        with tab_places:
            places_page.places_tab(archive_unresolved(version, str(data.STORE)), lang, resources, _reextract)
    st.caption(t("credits", lang))
    feed.write_url(url_params(filters, lang))


main()
