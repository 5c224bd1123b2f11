"""The "add articles" tab: files, pasted text or a web page's address, with title, outlet and
publication date; what was found is listed, each event with a button that selects it on the map.

A web page is fetched only when the user presses the button, at most :data:`MAX_PAGE_BYTES`,
and its article text and metadata are taken out by trafilatura.
"""

from __future__ import annotations

import datetime as dt
import re
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field

import streamlit as st

from dashboard.i18n import event_type_label, message, sub_event_label, t
from events.pipeline import Extractor
from events.reader import MAX_BYTES, Article, article_from_bytes, article_from_text, too_large
from store.db import EventStore

MAX_UPLOAD_MB = MAX_BYTES // 1_000_000  # the reader's limit, said by the uploader
MAX_PAGE_BYTES = MAX_BYTES
FETCH_TIMEOUT = 20.0  # seconds
USER_AGENT = "diadanh (news event map; fetches one page when its user asks)"

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()<>#|~$])")


def plain(text: object) -> str:
    """Untrusted text shown literally in a Markdown message."""
    return _MARKDOWN.sub(r"\\\1", str(text))


@dataclass
class Found:
    """An article stored by this form: its name and its events (type, sub-type, place, date, id)."""

    name: str
    events: list[dict] = field(default_factory=list)


@dataclass
class AddReport:
    stored: int = 0
    events: int = 0
    found: list[Found] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    errors: list[tuple[str, object]] = field(default_factory=list)
    warnings: list[tuple[str, object]] = field(default_factory=list)


def parse_date(text: str) -> dt.date | None:
    """A publication date typed as day/month/year (28/09/2020, 28-9-2020, 28.09.2020) or ISO
    (2020-09-28); None for an empty field; ValueError for anything else."""
    text = text.strip()
    if not text:
        return None
    if m := re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text):
        return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text):
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    raise ValueError(text)


def fetch_page(url: str, timeout: float = FETCH_TIMEOUT, max_bytes: int = MAX_PAGE_BYTES) -> bytes:
    """The bytes of a web page (http or https only, at most ``max_bytes``); OSError when it
    cannot be had, ValueError when it is too large."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    with urllib.request.urlopen(request, timeout=timeout) as response:  # the caller checked: http(s)
        data = response.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ValueError(too_large(len(data), max_bytes))
    return data


def article_from_page(
    url: str, data: bytes, published: str | None, title: str | None, outlet: str | None
) -> Article:
    """The article of a fetched page: trafilatura's main text, the fields the user typed before
    the page's own title, site name and date; the page as a plain HTML file when trafilatura
    finds no article in it."""
    import trafilatura

    page = article_from_bytes(data, path=url, published=published, meta={"url": url})  # decoding, limits
    if page.error:
        return page
    found = trafilatura.bare_extraction(
        data, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    text = getattr(found, "text", None) if found is not None else None
    meta = {"url": url}
    if found is not None:
        meta |= {
            "title": getattr(found, "title", None) or "",
            "source": getattr(found, "sitename", None) or "",
            "published": getattr(found, "date", None) or "",
        }
    meta |= {k: v for k, v in {"title": title, "source": outlet}.items() if v}
    if not text or not text.strip():
        return article_from_bytes(data, path=url + "#.html", published=published, meta=meta)
    return article_from_text(text, path=url, published=published, meta=meta)


def uploaded_items(
    files: list[tuple[str, bytes]],
    pasted: str,
    published: str | None,
    title: str = "",
    outlet: str = "",
    pasted_name: str = "pasted text",
) -> list[tuple[str, Article]]:
    """Uploaded files and pasted text as (name, article) pairs, with what the user typed."""
    meta = {k: v for k, v in {"title": title, "source": outlet}.items() if v} or None
    items = [
        (name, article_from_bytes(raw, path=name, published=published, meta=meta)) for name, raw in files
    ]
    if pasted.strip():
        items.append((pasted_name, article_from_text(pasted, path=None, published=published, meta=meta)))
    return items


def ingest(
    items: list[tuple[str, Article]],
    store: EventStore,
    extractor: Extractor,
    *,
    outlet: str | None = None,
) -> AddReport:
    """Extract and store each article; bad input is reported, not raised."""
    report = AddReport()
    for name, article in items:
        if article.error:
            report.errors.append((name, article.error))
            continue
        result = extractor.extract(article)
        report.warnings.extend((name, warning) for warning in result["article"]["warnings"])
        if store.add(
            result, article.text, title=article.title, outlet=outlet or article.source, url=article.url
        ):
            report.stored += 1
            report.events += len(result["events"])
            rows = [_event_row(e) for e in result["events"]]
            for row in rows:
                row["event_id"] = incident_row_id(store, row["event_id"])
            report.found.append(Found(name, rows))
        else:
            report.duplicates.append(name)
    return report


def incident_row_id(store: EventStore, event_id: str) -> str:
    """The id under which the map shows an event: its incident's first report (earliest
    published article, then event id: ``store.incidents.merge``'s order) when other articles
    reported it first."""
    row = store.con.execute(
        "SELECT e.event_id FROM events e JOIN articles a ON a.id = e.article_id "
        "WHERE e.incident = (SELECT incident FROM events WHERE event_id = ?) "
        "ORDER BY COALESCE(a.published, ''), e.event_id LIMIT 1",
        (event_id,),
    ).fetchone()
    return row[0] if row else event_id


def _event_row(event: dict) -> dict:
    return {
        "event_id": event.get("event_id"),
        "event_type": event.get("event_type"),
        "sub_event_type": event.get("sub_event_type"),
        "place": event.get("location") or event.get("place_surface"),
        "place_vi": event.get("location_vi") or event.get("location") or event.get("place_surface"),
        "date": event.get("date"),
        "background": bool(event.get("background")),
    }


def _select(event_id: str) -> None:
    """Button callback: runs before the next run, so the map tab (drawn first) sees the selection."""
    st.session_state["selected_event"] = event_id


TEXT_FIELDS = ("pasted", "article_url", "article_title", "source", "published")


def _uploads_key() -> str:
    """The uploader's key: a new one after each stored submission empties it (Streamlit cannot
    set an uploader's value)."""
    n = st.session_state.get("_uploads_round", 0)
    return "uploads" if n == 0 else f"uploads_{n}"


def add_tab(lang: str, resources: Callable[[], tuple], open_store: Callable[[], EventStore]) -> None:
    """The form and, after a submission, what it stored and found. The form is read by the
    submit button's callback: a mistyped date or address keeps everything typed; what is stored
    empties the form."""
    with st.form("add_articles", clear_on_submit=False):
        st.file_uploader(
            t("upload", lang),
            type=["txt", "html", "htm"],
            accept_multiple_files=True,
            key=_uploads_key(),
            max_upload_size=MAX_UPLOAD_MB,
        )
        st.text_area(t("paste", lang), key="pasted", height=160)
        st.text_input(t("url", lang), key="article_url", placeholder="https://…", help=t("url_help", lang))
        st.text_input(t("article_title", lang), key="article_title")
        st.text_input(t("outlet", lang), key="source")
        st.text_input(
            t("published_text", lang),
            key="published",
            placeholder=t("date_placeholder", lang),
            help=t("published_help", lang),
        )
        st.form_submit_button(t("process", lang), on_click=_submit, args=(lang, resources, open_store))
    problem = st.session_state.pop("add_problem", None)
    if problem:
        (st.warning if problem[0] == "warning" else st.error)(problem[1])
    show_report(st.session_state.pop("add_report", None), lang)  # below the form: what it did last


def _submit(lang: str, resources: Callable[[], tuple], open_store: Callable[[], EventStore]) -> None:
    """The submit button's callback (it runs before the page, so it may empty the fields)."""
    state = st.session_state
    pasted, url, title, outlet, published = (str(state.get(k) or "") for k in TEXT_FIELDS)
    uploads = state.get(_uploads_key()) or []
    try:
        day = parse_date(published)
    except ValueError:
        state["add_problem"] = ("error", t("bad_date", lang, value=plain(published)))
        return
    url = url.strip()
    if url and not url.lower().startswith(("http://", "https://")):
        state["add_problem"] = ("error", t("bad_url", lang, url=plain(url)))
        return
    files = [(f.name, f.getvalue()) for f in uploads]
    if not files and not pasted.strip() and not url:
        state["add_problem"] = ("warning", t("nothing_to_add", lang))
        return
    iso = day.isoformat() if day else None
    items = uploaded_items(files, pasted, iso, title.strip(), outlet.strip(), t("pasted_text", lang))
    fetch_errors: list[tuple[str, object]] = []
    if url:
        try:
            items.append((url, article_from_page(url, fetch_page(url), iso, title.strip(), outlet.strip())))
        except (OSError, ValueError) as exc:
            reason = exc.args[0] if isinstance(exc, ValueError) and exc.args else exc
            if isinstance(exc, urllib.error.URLError) and not isinstance(exc, urllib.error.HTTPError):
                reason = exc.reason
            fetch_errors.append((url, reason))
    _, extractor = resources()
    with open_store() as store:
        report = ingest(items, store, extractor, outlet=outlet.strip() or None)
    report.errors[:0] = [(name, ("fetch", reason)) for name, reason in fetch_errors]
    state["add_report"] = report
    if report.stored or report.duplicates:  # done: an empty form for the next article
        for key in TEXT_FIELDS:
            state[key] = ""
        state["_uploads_round"] = state.get("_uploads_round", 0) + 1


def show_report(report: AddReport | None, lang: str) -> None:
    """The messages of the last submission, then each stored article's events with a button
    that selects the event on the map (``st.session_state["selected_event"]``)."""
    if report is None:
        report = st.session_state.get("add_found")
        if report is None:
            return
    else:
        if report.stored:
            st.success(t("stored", lang, n=report.stored, e=report.events))
        for name in report.duplicates:
            st.info(t("duplicate", lang, name=plain(name)))
        for name, reason in report.errors:
            if isinstance(reason, tuple) and reason[:1] == ("fetch",):
                st.error(t("fetch_failed", lang, url=plain(name), reason=plain(reason[1])))
            else:
                st.error(t("bad_file", lang, name=plain(name), reason=plain(message(reason, lang))))
        for name, warning in report.warnings:
            st.warning(f"{plain(name)}: {plain(message(warning, lang))}")
        st.session_state["add_found"] = report  # the list stays until the next submission
    if not report.found:
        return
    st.markdown(f"**{t('result', lang)}**")
    for article_no, found in enumerate(report.found):
        if not found.events:
            st.caption(t("no_events_found", lang, name=plain(found.name)))
            continue
        st.caption(t("events_found", lang, name=plain(found.name), n=len(found.events)))
        for event_no, event in enumerate(found.events):
            cells = st.columns([5, 2])
            place = (event["place_vi"] if lang == "vi" else event["place"]) or t("unknown_place", lang)
            day = (
                dt.date.fromisoformat(event["date"][:10]).strftime("%d/%m/%Y")
                if event["date"] and len(event["date"]) >= 10
                else (event["date"] or t("undated_short", lang))
            )
            cells[0].markdown(
                f"{plain(event_type_label(event['event_type'], lang))} — "
                f"{plain(sub_event_label(event['sub_event_type'], lang))} · {plain(place)} · {plain(day)}"
            )
            if event["date"] and cells[1].button(
                t("show_on_map", lang),
                key=f"show_{article_no}_{event_no}",
                on_click=_select,
                args=(event["event_id"],),
            ):
                st.toast(t("selected_on_map", lang))
