"""The analyst's review in the dashboard: confirm, reject, edit and merge events, and where an
event comes from (provenance), shown without internal ids or paths.

Decisions go to the store's review layer (:mod:`store.review`), keyed by what survives a
re-ingest; the dashboard's data version includes the review table, so every page (map, table,
exports) shows a decision as soon as it is saved.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Mapping

import pandas as pd
import streamlit as st

from dashboard.add import parse_date
from dashboard.i18n import event_type_label, place_names, sub_event_label, t
from store import review
from store.db import EventStore
from store.export import EVENT_TYPES

# ACLED's sub-event types are unique across event types: picking one sets both.
SUB_EVENT_TYPES = {sub: event_type for event_type, subs in EVENT_TYPES.items() for sub in subs}
MERGE_WINDOW_DAYS = 3  # the incidents offered for a merge: this many days around the event's date


def _blank(value: object) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value)


def _text(value: object) -> str | None:
    return None if _blank(value) or value == "" else str(value)


def file_name(path: object) -> str | None:
    """An article's file as the user knows it: its name, never the folders above it."""
    text = _text(path)
    return re.split(r"[\\/]", text)[-1] if text else None


def source_label(outlet: object, title: object, path: object, lang: str) -> str:
    """Where an article comes from, as plain text: "outlet — title" when known, else the file's
    name, else "pasted text" (never an id or an absolute path)."""
    parts = [p for p in (_text(outlet), _text(title)) if p]
    if parts:
        return " — ".join(parts)
    return file_name(path) or t("pasted_text", lang)


def source_labels(
    frame: pd.DataFrame, lang: str, outlet: str = "source", title: str = "title", path: str = "path"
) -> list[str]:
    """:func:`source_label` of every row of ``frame`` (its outlet, title and path columns)."""
    columns = (frame[outlet], frame[title], frame[path])
    return [source_label(o, h, p, lang) for o, h, p in zip(*columns, strict=True)]


def source_html(outlet: object, title: object, path: object, url: object, lang: str) -> str:
    """:func:`source_label` as escaped HTML: the outlet (else the title) linked to the article's
    URL when it is http(s), then the title in italics."""
    name, heading = _text(outlet), _text(title)
    label = name or heading or file_name(path) or t("pasted_text", lang)
    text = html.escape(label)
    link = (_text(url) or "").strip()
    if link.lower().startswith(("http://", "https://")):
        href = html.escape(link, quote=True)
        text = f'<a href="{href}" target="_blank" rel="noopener noreferrer">{text}</a>'
    if name and heading:
        text += f" — <i>{html.escape(heading)}</i>"
    return text


def status_label(status: object, lang: str) -> str:
    return t(f"status_{status if status in review.STATUSES else 'unreviewed'}", lang)


def show_rejected(lang: str) -> bool:
    """The sidebar's "show rejected" switch (rejected events are hidden unless it is on)."""
    return st.sidebar.checkbox(t("show_rejected", lang), value=False, key="show_rejected")


def report_ids(event: Mapping[str, object]) -> list[str]:
    """The event ids of an incident's reports (the row's own id when it lists none)."""
    try:
        reports = json.loads(str(event.get("reports") or "[]"))
    except ValueError:
        reports = []
    ids = [str(r["event_id"]) for r in reports if isinstance(r, dict) and r.get("event_id")]
    return ids or [str(event["event_id"])]


def find_event(events: pd.DataFrame, event_id: str | None) -> pd.Series | None:
    """The incident row of ``event_id``: its own row, or the row that lists it among its reports
    (after a merge the incident is named by its first report)."""
    if not event_id:
        return None
    match = events[events["event_id"] == event_id]
    if match.empty and "reports" in events:
        needle = json.dumps(event_id)
        match = events[events["reports"].fillna("").str.contains(f'"event_id": {needle}', regex=False)]
    return None if match.empty else match.iloc[0]


def _decide(
    open_store: Callable[[], EventStore], event: pd.Series, lang: str, action: str, **values: object
) -> None:
    """Apply one decision to every report of the incident; the message is shown after the rerun."""
    with open_store() as store:
        reports = store.reports_of(report_ids(event))
        try:
            if action == "verdict":
                review.set_verdict(store.con, reports, values["verdict"])  # type: ignore[arg-type]
            elif action == "edit":
                review.set_edits(store.con, reports, values["edits"])  # type: ignore[arg-type]
            elif action == "reset":
                review.reset(store.con, reports)
            elif action == "merge":
                others = store.reports_of(report_ids(values["other"]))  # type: ignore[arg-type]
                review.merge_events(store.con, [*reports, *others])
        except (ValueError, TypeError, KeyError) as exc:
            st.session_state["review_message"] = ("error", t("review_invalid", lang, reason=str(exc)))
            return
    st.session_state["review_message"] = ("ok", t("review_saved", lang))
    st.rerun()


def review_panel(
    event: pd.Series,
    events: pd.DataFrame,
    lang: str,
    open_store: Callable[[], EventStore],
    lookup: Callable[[str], list],
) -> None:
    """Confirm, reject, undo, edit (sub-event type, date, actors, fatalities), move to a
    gazetteer place, merge with a nearby incident; ``lookup(name)`` gives gazetteer candidates."""
    message = st.session_state.pop("review_message", None)
    if message:
        (st.success if message[0] == "ok" else st.error)(message[1])
    status = str(event.get("review_status") or "unreviewed")
    st.html(
        f'<div data-testid="dd-review-status" data-status="{html.escape(status)}">'
        f"<b>{html.escape(t('review', lang))}:</b> {html.escape(status_label(status, lang))}</div>"
    )
    confirm, reject, undo = st.container(key="dd_row_review").columns(3)  # a row at 800 px too
    if confirm.button(t("confirm", lang), key="review_confirm", disabled=status == "confirmed"):
        _decide(open_store, event, lang, "verdict", verdict="confirmed")
    if reject.button(t("reject", lang), key="review_reject", disabled=status == "rejected"):
        _decide(open_store, event, lang, "verdict", verdict="rejected")
    if undo.button(t("reset_review", lang), key="review_reset", disabled=status == "unreviewed"):
        _decide(open_store, event, lang, "reset")
    with st.expander(t("edit_event", lang), expanded=False):
        _edit_form(event, lang, open_store)
        _place_form(event, lang, open_store, lookup)
        _merge_form(event, events, lang, open_store)


def _was(event: pd.Series, name: str, lang: str) -> str | None:
    """ "as extracted: …" under an edited field."""
    before = event.get(f"extracted_{name}")
    if _blank(before):
        return None
    if isinstance(before, pd.Timestamp):
        before = before.strftime("%d/%m/%Y")
    return t("extracted_was", lang, value=before)


def _edit_form(event: pd.Series, lang: str, open_store: Callable[[], EventStore]) -> None:
    subs = list(SUB_EVENT_TYPES)
    current = str(event["sub_event_type"])
    # widgets keyed by the event: another event's values never carry over to this one's form
    tag = str(event["event_id"])
    with st.form(f"review_edit_{tag}"):
        sub = st.selectbox(
            t("sub_event_type", lang),
            subs,
            index=subs.index(current) if current in subs else 0,
            format_func=lambda s: (
                f"{event_type_label(SUB_EVENT_TYPES[s], lang)} · {sub_event_label(s, lang)}"
            ),
            help=_was(event, "sub_event_type", lang),
            key=f"review_sub_event_type_{tag}",
            placeholder=t("choose", lang),
        )
        day = event["event_date"]
        # typed day/month/year as on the add page: Streamlit's calendar speaks English only
        typed = st.text_input(
            t("date", lang),
            value="" if _blank(day) else pd.Timestamp(day).strftime("%d/%m/%Y"),
            placeholder=t("date_placeholder", lang),
            help=_was(event, "event_date", lang),
            key=f"review_date_{tag}",
        )
        actor1 = st.text_input(
            t("actor1", lang), value=_text(event.get("actor1")) or "", key=f"review_actor1_{tag}"
        )
        actor2 = st.text_input(
            t("actor2", lang), value=_text(event.get("actor2")) or "", key=f"review_actor2_{tag}"
        )
        deaths = event.get("fatalities")
        fatalities = st.number_input(
            t("fatalities", lang),
            min_value=0,
            max_value=10_000_000,
            value=None if _blank(deaths) else int(deaths),  # type: ignore[arg-type]
            step=1,
            help=_was(event, "fatalities", lang),
            key=f"review_fatalities_{tag}",
        )
        if st.form_submit_button(t("save_edits", lang)):
            edits: dict[str, object] = {}
            if sub != current:
                edits["sub_event_type"] = sub
                edits["event_type"] = SUB_EVENT_TYPES[sub]
            try:
                date = parse_date(typed)
            except ValueError:
                st.error(t("review_invalid", lang, reason=t("bad_review_date", lang, value=typed)))
                return
            if date is not None and (_blank(day) or date != pd.Timestamp(day).date()):
                edits["event_date"] = date.isoformat()
            for name, value in (("actor1", actor1), ("actor2", actor2)):
                if value.strip() != (_text(event.get(name)) or ""):
                    edits[name] = value
            if (None if fatalities is None else int(fatalities)) != (None if _blank(deaths) else int(deaths)):  # type: ignore[arg-type]
                edits["fatalities"] = fatalities
            if edits:
                _decide(open_store, event, lang, "edit", edits=edits)


def _place_form(
    event: pd.Series, lang: str, open_store: Callable[[], EventStore], lookup: Callable[[str], list]
) -> None:
    tag = str(event["event_id"])
    query = st.text_input(
        t("move_place", lang), key=f"review_place_query_{tag}", help=_was(event, "place", lang)
    )
    if not query.strip():
        return
    found = lookup(query.strip())
    if not found:
        st.caption(t("no_place_found", lang))
        return
    choice = st.selectbox(
        t("place_choice", lang),
        range(len(found)),
        format_func=lambda i: _place_label(found[i]),
        key=f"review_place_choice_{tag}",
        placeholder=t("choose", lang),
    )
    if st.button(t("move_here", lang), key=f"review_move_{tag}"):
        _decide(open_store, event, lang, "edit", edits={"place": review.place_edit(found[choice])})


def _place_label(place: object) -> str:
    name = getattr(place, "name_vi", None) or place.name  # type: ignore[attr-defined]
    if name != place.name:  # type: ignore[attr-defined]
        name += f" / {place.name}"  # type: ignore[attr-defined]
    return f"{name} ({place.kind}, {place.country or '—'})"  # type: ignore[attr-defined]


def merge_candidates(event: pd.Series, events: pd.DataFrame, days: int = MERGE_WINDOW_DAYS) -> pd.DataFrame:
    """The other incidents within ``days`` of the event's date (not rejected), nearest first."""
    if _blank(event["event_date"]):
        return events.iloc[0:0]
    day = pd.Timestamp(event["event_date"])
    near = events[
        (events["event_id"] != event["event_id"])
        & (events["review_status"] != "rejected")
        & ((events["event_date"] - day).abs() <= pd.Timedelta(days=days))
    ]
    order = (near["event_date"] - day).abs().sort_values(kind="stable").index
    return near.loc[order]


def _merge_form(
    event: pd.Series, events: pd.DataFrame, lang: str, open_store: Callable[[], EventStore]
) -> None:
    candidates = merge_candidates(event, events)
    if candidates.empty:
        st.caption(t("no_merge_candidates", lang))
        return
    rows = candidates.to_dict("records")
    choice = st.selectbox(
        t("merge_with", lang),
        range(len(rows)),
        format_func=lambda i: _incident_label(rows[i], lang),
        key=f"review_merge_choice_{event['event_id']}",
        placeholder=t("choose", lang),
    )
    if st.button(t("merge", lang), key="review_merge"):
        _decide(open_store, event, lang, "merge", other=rows[choice])


def _incident_label(row: Mapping[str, object], lang: str) -> str:
    day = pd.Timestamp(row["event_date"]).strftime("%d/%m/%Y")  # type: ignore[arg-type]
    place = place_names(_text(row.get("location")), _text(row.get("location_vi")), lang)[0]
    kind = (
        f"{event_type_label(str(row['event_type']), lang)} · {sub_event_label(row['sub_event_type'], lang)}"
    )
    return f"{day} · {kind} · {place}"
