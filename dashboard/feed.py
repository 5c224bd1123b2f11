"""The event feed beside the map, the scroll to an event's sentence, and the view in the URL.

The feed is an ``st.components.v2`` component: it runs in the page itself (no iframe), gets its
rows as data and sets every text with ``textContent`` (article text is untrusted), and a click
on a row sends the event's id back (``on_select_change``). The selection and the filters live
in ``st.query_params``, so a view can be shared and survives a reload.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd
import streamlit as st

from dashboard.i18n import event_type_label, place_names, sub_event_label, t
from dashboard.mapview import DEFAULT_STYLE, STYLE, n_sources

# The rows of one page of the feed, the latest events first; older ones on the next pages.
FEED_ROWS = 400

_FEED_CSS = """
@import url("/app/static/vendor/fontawesome/css/all.min.css");
.dd-feed { max-height: 560px; overflow-y: auto; border: 1px solid rgba(128,128,128,.3); border-radius: 6px;
  font: 13px/1.35 system-ui, sans-serif; }
.dd-row { display: flex; gap: 8px; padding: 6px 8px; cursor: pointer;
  border-bottom: 1px solid rgba(128,128,128,.15); }
.dd-row:hover { background: rgba(128,128,128,.12); }
.dd-row[aria-selected="true"] { background: #fff3bf; color: #111; box-shadow: inset 4px 0 0 #d62728; }
.dd-dot { flex: 0 0 22px; height: 22px; border-radius: 50%; color: #fff; display: flex;
  align-items: center; justify-content: center; font-size: 11px; }
.dd-main { flex: 1; min-width: 0; }
.dd-head { font-weight: 600; }
.dd-sub, .dd-actors { color: #666; font-size: 12px; overflow: hidden; text-overflow: ellipsis;
  white-space: nowrap; }
.dd-badges { flex: 0 0 auto; text-align: right; font-size: 12px; color: #555; white-space: nowrap; }
"""

_FEED_JS = """
export default function (component) {
    const { data, parentElement, setTriggerValue } = component;
    let list = parentElement.querySelector('.dd-feed');
    if (!list) {
        list = document.createElement('div');
        list.className = 'dd-feed';
        list.setAttribute('role', 'listbox');
        list.dataset.testid = 'dd-feed';
        parentElement.appendChild(list);
    }
    list.replaceChildren();
    let selectedRow = null;
    for (const row of data.rows) {
        const item = document.createElement('div');
        item.className = 'dd-row';
        item.setAttribute('role', 'option');
        item.dataset.event = row.id;
        item.setAttribute('aria-selected', row.id === data.selected ? 'true' : 'false');
        const dot = document.createElement('div');
        dot.className = 'dd-dot';
        dot.style.background = row.colour;
        const glyph = document.createElement('i');
        glyph.className = 'fa-solid ' + row.icon;
        dot.appendChild(glyph);
        dot.title = row.type;
        const main = document.createElement('div');
        main.className = 'dd-main';
        const head = document.createElement('div');
        head.className = 'dd-head';
        head.textContent = row.date + ' · ' + row.place;
        const sub = document.createElement('div');
        sub.className = 'dd-sub';
        sub.textContent = row.type + ' — ' + row.sub;
        const actors = document.createElement('div');
        actors.className = 'dd-actors';
        actors.textContent = row.actors;
        main.append(head, sub, actors);
        const badges = document.createElement('div');
        badges.className = 'dd-badges';
        badges.textContent = [row.dead, row.sources].filter(Boolean).join(' · ');
        item.append(dot, main, badges);
        item.addEventListener('click', () => setTriggerValue('select', row.id));
        list.appendChild(item);
        if (row.id === data.selected) { selectedRow = item; }
    }
    if (selectedRow) {
        const top = selectedRow.offsetTop - list.offsetTop;
        if (top < list.scrollTop || top > list.scrollTop + list.clientHeight - selectedRow.offsetHeight) {
            list.scrollTop = Math.max(0, top - 40);
        }
    }
}
"""

# Scrolls the detail panel's article to the event's sentence once per selection, and collapses
# the sidebar once on a narrow window (800 px: the map needs the width).
_PAGE_JS = """
export default function (component) {
    const { data } = component;
    if (window.innerWidth <= 900 && !sessionStorage.getItem('dd-narrow')) {
        sessionStorage.setItem('dd-narrow', '1');
        const collapse = document.querySelector('[data-testid="stSidebarCollapseButton"] button');
        const sidebar = document.querySelector('[data-testid="stSidebar"]');
        if (collapse && sidebar && sidebar.dataset.collapsed !== 'true') {
            collapse.click();
        }
    }
    if (!data.selected) { return; }
    let tries = 0;
    const scroll = () => {
        const box = document.querySelector('[data-testid="dd-article"]');
        const sentence = box && box.querySelector('.dd-sentence');
        if (!sentence) {
            if (tries++ < 40) { setTimeout(scroll, 100); }
            return;
        }
        if (box.dataset.scrolledTo === data.selected) { return; }
        box.dataset.scrolledTo = data.selected;
        box.scrollTop = Math.max(0, sentence.offsetTop - box.offsetTop - 24);
    };
    scroll();
}
"""


@st.cache_resource
def _components() -> tuple[Callable, Callable]:
    feed = st.components.v2.component("diadanh_feed", css=_FEED_CSS, js=_FEED_JS, isolate_styles=False)
    page = st.components.v2.component("diadanh_page", js=_PAGE_JS)
    return feed, page


def feed_order(shown: pd.DataFrame) -> pd.DataFrame:
    """The events as the feed lists them: newest first (ties by id, so pages never overlap)."""
    columns = ["event_id", "event_date", "event_type", "sub_event_type", "location", "location_vi"]
    columns += [c for c in ("actor1", "actor2", "fatalities", "n_reports") if c in shown]
    return shown[columns].sort_values(["event_date", "event_id"], ascending=[False, True])


def feed_rows(
    shown: pd.DataFrame,
    lang: str,
    selected: str | None,
    limit: int = FEED_ROWS,
    offset: int = 0,
    ordered: pd.DataFrame | None = None,
) -> list[dict]:
    """The feed's rows: ``limit`` events from the ``offset``-th latest (and the selected one),
    newest first (``ordered``: :func:`feed_order` of ``shown`` when the caller has it)."""
    ordered = feed_order(shown) if ordered is None else ordered
    rows = ordered.iloc[offset : offset + limit]
    if selected and selected not in set(rows["event_id"]):
        rows = pd.concat([rows, ordered[ordered["event_id"] == selected]])
    out = []
    for event in rows.to_dict("records"):
        colour, icon = STYLE.get(event["event_type"], DEFAULT_STYLE)
        actors = " – ".join(str(a) for a in (event.get("actor1"), event.get("actor2")) if _given(a))
        dead = event.get("fatalities")
        sources = n_sources(event)
        out.append(
            {
                "id": str(event["event_id"]),
                "date": event["event_date"].strftime("%d/%m/%Y"),
                "place": place_names(_given(event.get("location")), _given(event.get("location_vi")), lang)[
                    0
                ],
                "type": event_type_label(event["event_type"], lang),
                "sub": sub_event_label(str(event.get("sub_event_type") or ""), lang),
                "actors": actors,
                "dead": t("feed_dead", lang, n=int(dead)) if _given(dead) and int(dead) > 0 else "",
                "sources": t("n_sources", lang, n=sources) if sources > 1 else "",
                "colour": colour,
                "icon": icon,
            }
        )
    return out


def _given(value: object) -> object:
    """The value, or None for NULL, NaN and empty text."""
    if value is None or value is pd.NaT or (isinstance(value, float) and value != value) or value == "":
        return None
    return value


def _select_from_feed() -> None:
    value = st.session_state.get("feed")
    event_id = getattr(value, "select", None) if value is not None else None
    if event_id is None and isinstance(value, dict):
        event_id = value.get("select")
    if event_id:
        st.session_state["selected_event"] = str(event_id)


def feed_page(ordered_ids: list[str], selected: str | None, signature: object) -> int:
    """The feed's page now: the first after a filter change (``signature`` differs), the page
    of a newly selected event (a marker click, a URL), else the page the analyst turned to."""
    state = st.session_state
    pages = max(1, -(-len(ordered_ids) // FEED_ROWS))
    if state.get("_feed_signature") != signature:
        state["_feed_signature"] = signature
        state["feed_page"] = 0
    if selected != state.get("_feed_selected"):
        state["_feed_selected"] = selected
        if selected in ordered_ids:
            state["feed_page"] = ordered_ids.index(selected) // FEED_ROWS
    state["feed_page"] = min(max(0, int(state.get("feed_page", 0))), pages - 1)
    return state["feed_page"]


def _turn(step: int) -> None:
    st.session_state["feed_page"] = st.session_state.get("feed_page", 0) + step


def count_text(n: int, lang: str) -> str:
    """A whole number with thousands grouped as the language writes them (1.234 / 1,234)."""
    text = f"{n:,}"
    return text.replace(",", ".") if lang == "vi" else text


def event_feed(shown: pd.DataFrame, lang: str) -> None:
    """The filtered events by date, a page at a time; a click selects one (map, detail panel,
    URL)."""
    feed, _ = _components()
    selected = st.session_state.get("selected_event")
    st.markdown(f"**{t('feed', lang)}**")
    ordered = feed_order(shown)
    ids = ordered["event_id"].astype(str).tolist()
    page = feed_page(ids, selected, (len(ids), hash(tuple(ids))))
    offset = page * FEED_ROWS
    if len(ids) > FEED_ROWS:
        last = min(len(ids), offset + FEED_ROWS)
        first, total = count_text(offset + 1, lang), count_text(len(ids), lang)
        st.caption(t("feed_page", lang, first=first, last=count_text(last, lang), total=total))
        newer, older = st.container(key="dd_row_feed").columns(2)
        newer.button(
            t("feed_newer", lang),
            key="feed_newer",
            on_click=_turn,
            args=(-1,),
            disabled=page == 0,
            width="stretch",
        )
        older.button(
            t("feed_older", lang),
            key="feed_older",
            on_click=_turn,
            args=(1,),
            disabled=last >= len(ids),
            width="stretch",
        )
    feed(
        key="feed",
        data={
            "rows": feed_rows(shown, lang, selected, limit=FEED_ROWS, offset=offset, ordered=ordered),
            "selected": selected,
        },
        on_select_change=_select_from_feed,
    )


def page_script(selected: str | None) -> None:
    """Scroll the detail panel to the selected event's sentence; collapse the sidebar at 800 px."""
    _, page = _components()
    page(key="dd_page", data={"selected": selected}, height=0)


# -- the view in the URL -----------------------------------------------------------------

# URL parameter -> session_state key of the widget it restores
LIST_PARAMS = {
    "type": "types",
    "sub": "sub_types",
    "actor": "actors",
    "country": "countries",
    "precision": "precisions",
}


def restore_from_url() -> None:
    """On a session's first run, put the URL's filters and selection into the widgets' state
    (checked against the options later: :func:`keep_valid`)."""
    if st.session_state.get("_url_restored"):
        return
    st.session_state["_url_restored"] = True
    params = st.query_params
    for name, key in LIST_PARAMS.items():
        values = params.get_all(name)
        if values:
            st.session_state[key] = [int(v) for v in values if v.isdigit()] if name == "precision" else values
    if q := params.get("q"):
        st.session_state["query"] = q
    if params.get("bg") == "1":
        st.session_state["background"] = True
    if (lang := params.get("lang")) in ("vi", "en"):
        st.session_state["lang"] = lang
    if event := params.get("event"):
        st.session_state["selected_event"] = event
        st.session_state["_url_event"] = event
    dates = _dates(params.get("from"), params.get("to"))
    if dates:
        st.session_state["_url_dates"] = dates
    dead = params.get("dead", "")
    low, _, high = dead.partition("-")
    if low.isdigit() and high.isdigit():
        st.session_state["_url_fatalities"] = (int(low), int(high))


def _dates(start: str | None, end: str | None) -> tuple[dt.date, dt.date] | None:
    try:
        return dt.date.fromisoformat(start or ""), dt.date.fromisoformat(end or "")
    except ValueError:
        return None


def keep_valid(key: str, options: list) -> None:
    """Drop the values of a multiselect's state that are not among its options (a shared URL
    may name a type or an actor this store lacks)."""
    if key in st.session_state:
        st.session_state[key] = [v for v in st.session_state[key] if v in options]


def clamp_range(key: str, url_key: str, low, high) -> None:
    """A slider's state from the URL (``url_key``), or its own, kept inside [low, high]; a range
    that was the slider's whole range stays whole when the range changes (background shown)."""
    bounds_key = f"_{key}_bounds"
    previous = st.session_state.get(bounds_key)
    st.session_state[bounds_key] = (low, high)
    value = st.session_state.pop(url_key, None) or st.session_state.get(key)
    if value is None:
        return
    if previous is not None and tuple(value) == tuple(previous):
        value = (low, high)
    a, b = (max(low, min(high, v)) for v in value)
    st.session_state[key] = (min(a, b), max(a, b))


def write_url(params: dict[str, str | list[str]]) -> None:
    """Set the URL's query to ``params`` (empty values left out), only when it changed."""
    wanted = {k: v for k, v in params.items() if v not in (None, "", [])}
    current = {
        k: (st.query_params.get_all(k) if isinstance(v, list) else st.query_params.get(k))
        for k, v in wanted.items()
    }
    if current == wanted and set(st.query_params.keys()) == set(wanted):
        return
    st.query_params.from_dict(wanted)
