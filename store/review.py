"""The review layer: an analyst's decisions on extracted events, kept apart from the extraction.

An analyst confirms, rejects, edits (type, sub-event type, place, date, actors, fatalities) or
merges events. Each decision is a row of the ``review`` table, keyed by what stays the same
when the article is ingested again (``--replace``) or extracted again after a gazetteer change:

- the **article id**: the hash of the article's normalised text, the same on every ingest;
- the event's **fingerprint** inside it: the offset of its sentence (``text_start``), its cue
  (the words that made it an event, case-folded) and the place as written (``place_surface``,
  "" when none).

Event ids (``<article>:<n>``) and incident keys are not used: the ordinal moves when an earlier
sentence gains or loses an event, and the incident key changes with the place the gazetteer
gives. A re-extraction may still change the fingerprint (a name the gazetteer now knows becomes
the event's place as written), so a decision is matched in three steps, each used only when it
is unambiguous on both sides: the whole fingerprint; then article, sentence and cue; then
article and sentence. A decision that matches no stored event (its article was removed, or
its text changed) stays in the table and applies again if the article comes back;
``python -m store review`` lists it as unmatched.

Decisions are applied whenever the store's events are read (:func:`apply`, called by
:meth:`store.db.EventStore.events_frame`): edited values replace the extracted ones (the map,
the table and the exports show them), the incident keys are computed again from the edited
values, merged events are linked into one incident with everything their incidents hold, and
every row gets a ``review_status``: ``rejected`` (all of the incident's reports rejected),
``edited``, ``confirmed`` or ``unreviewed``. A rejected report of an incident that has other
reports leaves the incident (it is no longer one of its sources).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import sqlite3
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from store.incidents import incident_key, label, signature

SCHEMA = """
CREATE TABLE IF NOT EXISTS review (
    article_id TEXT NOT NULL, sentence_start INTEGER NOT NULL, cue TEXT NOT NULL, place TEXT NOT NULL,
    verdict TEXT CHECK (verdict IN ('confirmed', 'rejected')), edits TEXT NOT NULL DEFAULT '{}',
    merge_group TEXT, updated_at TEXT NOT NULL,
    PRIMARY KEY (article_id, sentence_start, cue, place)
);
CREATE INDEX IF NOT EXISTS review_article ON review(article_id);
"""

STATUSES = ("unreviewed", "confirmed", "edited", "rejected")
# The fields an analyst may edit, and the columns a place edit sets together.
EDITABLE = ("event_type", "sub_event_type", "event_date", "actor1", "actor2", "fatalities", "place")
PLACE_COLUMNS = ("place_id", "location", "location_vi", "latitude", "longitude", "country", "geo_precision")
# Place kinds coded at the place itself (ACLED geo_precision 1); regions and wider places are 2-3.
_PRECISION_BY_KIND = {"city": 1, "town": 1, "village": 1, "landmark": 1, "admin2": 2, "admin1": 2,
                      "border-area": 2, "island": 2, "shoal": 2, "strait": 2, "river": 2}  # fmt: skip

Fingerprint = tuple[str, int, str, str]


def _blank(value: object) -> bool:
    return (
        value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value))
    )


def fingerprint(event: Mapping[str, object]) -> Fingerprint:
    """(article id, sentence start, cue, place as written): an event's identity for the review
    layer, the same after a re-ingest (see the module's docstring)."""
    start = event.get("text_start")
    return (
        str(event["article_id"]),
        -1 if _blank(start) else int(start),  # type: ignore[arg-type]
        "" if _blank(event.get("cue")) else str(event["cue"]).casefold(),
        "" if _blank(event.get("place_surface")) else str(event["place_surface"]),
    )


@dataclass
class Decision:
    """One review row: the event it is about, and what the analyst decided."""

    key: Fingerprint
    verdict: str | None = None  # "confirmed", "rejected" or None
    edits: dict | None = None
    merge_group: str | None = None
    updated_at: str = ""

    @property
    def status(self) -> str:
        if self.verdict == "rejected":
            return "rejected"
        if self.edits:
            return "edited"
        return "confirmed" if self.verdict == "confirmed" else "unreviewed"


def setup(con: sqlite3.Connection) -> None:
    """Create the review table (a store written before the review layer gets it on open)."""
    con.executescript(SCHEMA)


def load(con: sqlite3.Connection, article_ids: Iterable[str] | None = None) -> list[Decision]:
    """Every decision (or those about ``article_ids``)."""
    sql = "SELECT article_id, sentence_start, cue, place, verdict, edits, merge_group, updated_at FROM review"
    rows = con.execute(sql).fetchall()
    wanted = None if article_ids is None else set(article_ids)
    return [
        Decision((a, int(s), c, p), v, json.loads(e or "{}") or None, g, u)
        for a, s, c, p, v, e, g, u in rows
        if wanted is None or a in wanted
    ]


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="microseconds")


def _upsert(con: sqlite3.Connection, key: Fingerprint, **values: object) -> None:
    """Set some fields of the decision about ``key`` (created when there is none)."""
    con.execute(
        "INSERT INTO review (article_id, sentence_start, cue, place, updated_at) VALUES (?,?,?,?,?) "
        "ON CONFLICT DO NOTHING",
        (*key, _now()),
    )
    sets = ", ".join(f"{column} = ?" for column in values)
    con.execute(
        f"UPDATE review SET {sets}, updated_at = ? "
        "WHERE article_id = ? AND sentence_start = ? AND cue = ? AND place = ?",
        (*values.values(), _now(), *key),
    )


def _write(con: sqlite3.Connection, work: Callable[[], object]) -> None:
    con.execute("BEGIN IMMEDIATE")
    try:
        work()
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def set_verdict(con: sqlite3.Connection, events: Iterable[Mapping[str, object]], verdict: str | None) -> None:
    """Confirm (``"confirmed"``), reject (``"rejected"``) or clear (None) the verdict on every
    one of ``events`` (the reports of an incident, usually)."""
    if verdict not in (None, "confirmed", "rejected"):
        raise ValueError(f"not a verdict: {verdict!r}")
    keys = [fingerprint(e) for e in events]
    _write(con, lambda: [_upsert(con, key, verdict=verdict) for key in keys])


def clean_edits(edits: Mapping[str, object]) -> dict:
    """The edits checked and in stored form: known fields only, ACLED's types (a sub-event type
    alone brings its event type: ACLED's sub-types belong to one type each), dates from 1850 to
    tomorrow, actors as one line of at most 200 printable characters, fatalities a whole number
    from 0; ValueError otherwise (nothing is stored)."""
    from store.export import EVENT_TYPES

    out: dict[str, object] = {}
    for name, value in edits.items():
        if name not in EDITABLE:
            raise ValueError(f"not an editable field: {name}")
        if name == "event_type":
            if value not in EVENT_TYPES:
                raise ValueError(f"not an ACLED event type: {value!r}")
            out[name] = value
        elif name == "sub_event_type":
            owner = next((t for t, subs in EVENT_TYPES.items() if value in subs), None)
            if owner is None:
                raise ValueError(f"not an ACLED sub-event type: {value!r}")
            out[name] = value
            out.setdefault("event_type", edits.get("event_type", owner))
            if out["event_type"] != owner:
                raise ValueError(f"{value!r} is a sub-event type of {owner!r}, not of {out['event_type']!r}")
        elif name == "event_date":
            day = dt.date.fromisoformat(str(value)[:10])
            if not dt.date(1850, 1, 1) <= day <= dt.date.today() + dt.timedelta(days=1):
                raise ValueError(f"event_date: {day} is not between 1850 and tomorrow")
            out[name] = day.isoformat()
        elif name in ("actor1", "actor2"):
            text = "" if _blank(value) else "".join(c for c in str(value) if c.isprintable() or c.isspace())
            text = " ".join(text.split())
            if len(text) > 200:
                raise ValueError(f"{name}: longer than 200 characters")
            out[name] = text or None
        elif name == "fatalities":
            if _blank(value) or value == "":
                out[name] = None
            else:
                number = int(value)  # type: ignore[call-overload]
                if number < 0 or number != float(value):  # type: ignore[arg-type]
                    raise ValueError("fatalities: not a whole number from 0")
                out[name] = number
        elif name == "place":
            place = dict(value)  # type: ignore[call-overload]
            lat, lon = float(place["latitude"]), float(place["longitude"])
            if not (-90 <= lat <= 90 and -180 <= lon <= 180) or (lat, lon) == (0.0, 0.0):
                raise ValueError("place: no usable point")
            out[name] = {column: place.get(column) for column in PLACE_COLUMNS}
    return out


def place_edit(candidate: object) -> dict:
    """The ``place`` edit for a gazetteer place (a :class:`gazetteer.candidate.Candidate`)."""
    kind = getattr(candidate, "kind", "")
    return {
        "place_id": candidate.id,  # type: ignore[attr-defined]
        "location": candidate.name,  # type: ignore[attr-defined]
        "location_vi": getattr(candidate, "name_vi", None),
        "latitude": candidate.lat,  # type: ignore[attr-defined]
        "longitude": candidate.lon,  # type: ignore[attr-defined]
        "country": getattr(candidate, "country", None),
        "geo_precision": _PRECISION_BY_KIND.get(
            kind, 3 if kind in ("country", "region", "sea", "ocean") else 2
        ),
    }


def set_edits(
    con: sqlite3.Connection, events: Iterable[Mapping[str, object]], edits: Mapping[str, object]
) -> None:
    """Edit every one of ``events``: ``edits`` (see :data:`EDITABLE`) are added to what each
    already had; a field set to its extracted value is no longer an edit."""
    cleaned = clean_edits(edits)
    rows = list(events)
    known = {d.key: d for d in load(con, {str(e["article_id"]) for e in rows})}

    def work() -> None:
        for event in rows:
            key = fingerprint(event)
            merged = dict((known.get(key) or Decision(key)).edits or {})
            merged.update(cleaned)
            for name in cleaned:
                if name != "place" and name in merged and _same(_extracted(event, name), merged[name]):
                    del merged[name]  # edited back to what the extractor said
            _upsert(con, key, edits=json.dumps(merged, ensure_ascii=False))

    _write(con, work)


def _extracted(event: Mapping[str, object], name: str) -> object:
    """What the extractor gave for a field (the current value when the field is not edited)."""
    before = event.get(f"extracted_{name}")
    return event.get(name) if _blank(before) else before


def _same(extracted: object, value: object) -> bool:
    if _blank(extracted):
        return value is None
    if isinstance(extracted, pd.Timestamp | dt.date):
        extracted = extracted.isoformat()[:10]
    if isinstance(extracted, float) and extracted.is_integer():
        extracted = int(extracted)
    return str(extracted) == str(value)


def merge_events(con: sqlite3.Connection, events: Iterable[Mapping[str, object]]) -> str:
    """Make ``events`` (the reports of two or more incidents) one incident; returns the group's
    name. Events already in merge groups bring their groups along."""
    rows = list(events)
    keys = [fingerprint(e) for e in rows]
    known = {d.key: d for d in load(con, {k[0] for k in keys})}
    groups = {known[k].merge_group for k in keys if k in known and known[k].merge_group}
    name = min(groups) if groups else "|".join(map(str, min(keys)))

    def work() -> None:
        for group in groups - {name}:
            con.execute(
                "UPDATE review SET merge_group = ?, updated_at = ? WHERE merge_group = ?",
                (name, _now(), group),
            )
        for key in keys:
            _upsert(con, key, merge_group=name)

    _write(con, work)
    return name


def unmerge(con: sqlite3.Connection, events: Iterable[Mapping[str, object]]) -> None:
    """Take ``events`` out of their merge groups."""
    keys = [fingerprint(e) for e in events]
    _write(con, lambda: [_upsert(con, key, merge_group=None) for key in keys])


def reset(con: sqlite3.Connection, events: Iterable[Mapping[str, object]]) -> None:
    """Forget every decision about ``events``: they are as extracted again."""
    keys = [fingerprint(e) for e in events]
    _write(
        con,
        lambda: con.executemany(
            "DELETE FROM review WHERE article_id = ? AND sentence_start = ? AND cue = ? AND place = ?", keys
        ),
    )


def match(events: list[dict], decisions: list[Decision]) -> dict[int, Decision]:
    """{position in ``events``: its decision}, in the three steps of the module's docstring."""
    found: dict[int, Decision] = {}
    left = list(decisions)
    for width in (4, 3, 2):
        by_event: dict[tuple, list[int]] = {}
        for i, event in enumerate(events):
            if i not in found:
                by_event.setdefault(fingerprint(event)[:width], []).append(i)
        by_decision: dict[tuple, list[Decision]] = {}
        for decision in left:
            by_decision.setdefault(decision.key[:width], []).append(decision)
        rest = []
        for key, group in by_decision.items():
            targets = by_event.get(key, [])
            if width == 4 and targets:  # the same fingerprint: every event that has it
                for i in targets:
                    found[i] = group[0]
            elif len(group) == 1 and len(targets) == 1:
                found[targets[0]] = group[0]
            else:
                rest.extend(group)
        left = rest
    return found


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        parent = self.parent.setdefault(key, key)
        if parent != key:
            parent = self.parent[key] = self.find(parent)
        return parent

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


_RANK = {status: n for n, status in enumerate(STATUSES)}


def apply(frame: pd.DataFrame, decisions: list[Decision]) -> pd.DataFrame:
    """The per-event frame (store columns with ``incident``) with the decisions applied: edited
    values, incident keys computed again, merges, ``review_status`` on every row (an incident's
    status on each of its reports) and the extracted values of edited fields in
    ``extracted_<field>`` (None when not edited)."""
    out = frame.copy()
    out["review_status"] = "unreviewed"
    out["reviewed_at"] = None
    if frame.empty or not decisions:  # the common case: nothing to apply, no copy of the rows
        return out
    events = out.to_dict("records")
    matched = match(events, decisions) if decisions else {}
    union = _Union()
    status = ["unreviewed"] * len(events)
    for i, event in enumerate(events):
        decision = matched.get(i)
        if decision is None:
            continue
        status[i] = decision.status
        for name, value in (decision.edits or {}).items():
            if name == "place":
                for column in PLACE_COLUMNS:
                    event[column] = value.get(column)
            elif name == "event_date":
                event["event_date"], event["year"], event["time_precision"] = value, int(value[:4]), 1
                event["date_end"] = None
            else:
                event[name] = value
        if decision.edits:
            event["incident"] = label(incident_key(event), signature(event["actor1"], event["actor2"]))
        if decision.merge_group and status[i] != "rejected":
            group = f"merge:{decision.merge_group}"
            union.join(event["incident"], group)
    incident = []
    for i, event in enumerate(events):
        key = event["incident"]
        if status[i] == "rejected":
            incident.append(f"rejected:{event['event_id']}")
        else:
            incident.append(union.find(key) if key in union.parent else key)
    best: dict[str, str] = {}
    for key, state in zip(incident, status, strict=True):
        if _RANK[state] > _RANK.get(best.get(key, "unreviewed"), 0):
            best[key] = state
    edited_columns = {c for d in matched.values() for c in (d.edits or {})}
    result = pd.DataFrame(events, columns=list(out.columns))
    result["incident"] = incident
    result["review_status"] = [best.get(key, "unreviewed") for key in incident]
    result["reviewed_at"] = [matched[i].updated_at if i in matched else None for i in range(len(events))]
    # what the extractor said, for the edited fields (the panel shows it; an edit back to it is dropped)
    for name in edited_columns:
        column = "event_date" if name == "event_date" else ("location" if name == "place" else name)
        result[f"extracted_{name}"] = [
            frame.iloc[i][column] if i in matched and name in (matched[i].edits or {}) else None
            for i in range(len(events))
        ]
    for column in ("year", "time_precision", "geo_precision", "fatalities"):
        if column in result:
            result[column] = pd.to_numeric(result[column], errors="coerce")
    return result


def listing(con: sqlite3.Connection) -> list[dict]:
    """Every decision with the event it applies to now (None when unmatched), for
    ``python -m store review``."""
    decisions = load(con)
    if not decisions:
        return []
    ids = sorted({d.key[0] for d in decisions})
    marks = ",".join("?" * len(ids))
    cursor = con.execute(
        "SELECT event_id, article_id, text_start, cue, place_surface, event_date, event_type, "
        f"sub_event_type, location FROM events WHERE article_id IN ({marks}) ORDER BY article_id, event_id",
        ids,
    )
    names = [d[0] for d in cursor.description]
    events = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    matched = match(events, decisions)
    by_decision = {id(d): events[i] for i, d in matched.items()}
    titles = dict(
        con.execute(f"SELECT id, COALESCE(title, source, path, '') FROM articles WHERE id IN ({marks})", ids)
    )
    rows = []
    for d in sorted(decisions, key=lambda d: (d.key[0], d.key[1])):
        event = by_decision.get(id(d))
        rows.append(
            {
                "status": d.status,
                "article": titles.get(d.key[0], ""),
                "article_id": d.key[0],
                "sentence_start": d.key[1],
                "cue": d.key[2],
                "place": d.key[3],
                "edits": d.edits or {},
                "merge_group": d.merge_group,
                "updated_at": d.updated_at,
                "event": event,
            }
        )
    return rows
