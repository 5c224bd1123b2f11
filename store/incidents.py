"""Incidents across articles: the events several articles report are one map event.

ACLED's unit is one event per incident: a day, a place, a sub-event type and a pair of actors.
An event's **bucket** (:func:`incident_key`) is its day, its place (the gazetteer id, else its
point to about 1 km) and its sub-event type; events are linked on the day the text gives them
(precision 1, or 2 — "within a few days", as ACLED's time precision 2); undated events,
background events and events known only to the month (precision 3) have a bucket of their own
and are never linked: two reports of "October" are not evidence of one incident.

Within a bucket the **actors** (actor1, actor2; either may be blank) tell incidents apart
(:func:`link`). A signature *t* covers a signature *s* when *t* agrees with every actor *s*
names (a blank covers nothing and is covered by everything). Among the signatures the bucket's
stored events have, the *named incidents* are those no other signature covers. An event joins
the one named incident that covers it; when none or several do (a report that names no actor,
in a bucket where each side shelled the other), it stays with the events of its own signature.
Two events of one article are never one incident (the extractor kept them apart, so they are
two): an article's events claim their incidents most specific first, and an event whose
incident is already claimed by its article stays with its own signature, or alone.

So the link of an event depends only on its article and the set of signatures in its bucket,
never on the order in which articles arrived; the store (:mod:`store.db`) keeps the set per
bucket (``incident_actors``, with counts) and, when an added or removed article changes it,
links again the bucket's other events. The stored ``incident`` (:func:`label`) is the bucket
and the incident's actors; the events that share it are one incident.

:func:`merge` turns per-article event rows into one row per incident: the row of the first
report (the earliest published article, then the event id) with every report listed in
``reports`` (article, outlet, title, URL, sentence, claim, the file's name), ``n_reports``, ACLED's ``source``
(the outlets, ``"; "``-separated) and the most conservative fatality figure (ACLED's rule: the
lowest reported).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from itertools import groupby

import pandas as pd

# What an incident row adds to an event row, in this order.
INCIDENT_COLUMNS = ("n_reports", "sources", "reports")
# Places within this many degrees are one place when the event has no gazetteer id (≈ 1 km).
_GRID = 0.01


Signature = tuple[str, str]  # (actor1, actor2), "" where the report names none
UNLINKED = "event:"  # the bucket of an event that is never linked: this and its id


def incident_key(row: Mapping[str, object]) -> str:
    """The event's bucket: its day, place and sub-event type (its own id, after
    :data:`UNLINKED`, when it cannot be linked: undated, background, or dated only to the month)."""
    date, precision = row.get("event_date"), row.get("time_precision")
    if not date or row.get("background") or precision not in (None, 1, 2):
        return f"{UNLINKED}{row['event_id']}"
    place = row.get("place_id")
    if not place:
        lat, lon = row.get("latitude"), row.get("longitude")
        if not isinstance(lat, int | float) or not isinstance(lon, int | float):
            return f"{UNLINKED}{row['event_id']}"
        place = f"{round(float(lat) / _GRID)},{round(float(lon) / _GRID)}"
    return "|".join((str(date)[:10], str(place), str(row.get("sub_event_type") or row.get("event_type"))))


def _actor(value: object) -> str:
    if value is None or value == "":
        return ""
    if type(value) is str:
        return " ".join(value.split())
    return "" if _blank(value) else " ".join(str(value).split())


def signature(actor1: object, actor2: object) -> Signature:
    """An event's actors as linking compares them (blank as "", spaces collapsed)."""
    return _actor(actor1), _actor(actor2)


def label(bucket: str, actors: Signature, alone: str | None = None) -> str:
    """The stored incident: the bucket and the incident's actors (``alone``: an event id, for an
    event that its article's other event keeps from that incident)."""
    if bucket.startswith(UNLINKED):
        return bucket
    text = f"{bucket}|{actors[0]}|{actors[1]}"
    return text if alone is None else f"{text}|#{alone}"


def bucket_range(bucket: str) -> tuple[str, str]:
    """The stored incidents of a bucket's events sort in [low, high) (its labels start with
    ``bucket|``; a day, a place id and a type hold no ``|``)."""
    return f"{bucket}|", f"{bucket}}}"


def covers(t: Signature, s: Signature) -> bool:
    """True when ``t`` agrees with every actor ``s`` names."""
    return (not s[0] or s[0] == t[0]) and (not s[1] or s[1] == t[1])


def changes(stored: Iterable[Signature], new: Iterable[Signature]) -> bool:
    """Whether signatures ``new`` to a bucket (or gone from it) can change the link of an event
    of ``stored``: only one that names a side or none, and only when one of them covers it."""
    new = list(new)
    return any(not (s[0] and s[1]) and any(covers(t, s) for t in new) for s in stored)


def _target(own: Signature, signatures: Iterable[Signature]) -> Signature:
    """The signature of the incident an event joins: the one named incident that covers it,
    else its own (the named incidents that cover it are the maximal ones of those covering it)."""
    if own[0] and own[1]:  # names both sides: nothing else covers it
        return own
    over = [t for t in signatures if t != own and covers(t, own)]
    if len(over) > 1:
        over = [t for t in over if not any(u != t and covers(u, t) for u in over)]
    return over[0] if len(over) == 1 else own


def link(bucket: str, signatures: Iterable[Signature], events: Sequence[tuple[str, Signature]]) -> list[str]:
    """The stored incidents of one article's events ``(event_id, signature)`` of one bucket,
    given every signature stored in the bucket (this article's included); in ``events``'s order."""
    if len(events) == 1:
        return [label(bucket, _target(events[0][1], signatures))]
    order = sorted(range(len(events)), key=lambda i: (-sum(map(bool, events[i][1])), events[i][0]))
    claimed: set[Signature] = set()
    out = [""] * len(events)
    for i in order:
        event_id, own = events[i]
        target = _target(own, signatures)
        if target in claimed:
            target = own
        if target in claimed:
            out[i] = label(bucket, own, alone=event_id)
            continue
        claimed.add(target)
        out[i] = label(bucket, target)
    return out


def _blank(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)) or value == ""


def _text(value: object) -> str:
    return "" if _blank(value) else str(value)


def _first(values: list[object]) -> object:
    """The first value that is not blank (reports in order), else None."""
    return next((value for value in values if not _blank(value)), None)


def _report(event: dict) -> dict:
    """One report of an incident: what its article says of it."""
    value = {key: (None if _blank(event[column]) else event[column]) for key, column in _REPORT_FIELDS}
    if value["fatalities"] is not None:
        value["fatalities"] = int(value["fatalities"])
    if value["file"] is not None:  # provenance: the file's name, never the folders above it
        value["file"] = re.split(r"[\\/]", str(value["file"]))[-1]
    return value


_REPORT_FIELDS = (
    ("event_id", "event_id"), ("article_id", "article_id"), ("source", "source"), ("title", "article_title"),
    ("url", "source_url"), ("published", "article_published"), ("sentence", "notes"),
    ("claimed_by", "claimed_by"), ("fatalities", "fatalities"), ("file", "article_path"),
)  # fmt: skip
_MERGED = ("actor1", "actor2", "claimed_by", "source_url", "location_vi")


def merge(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per incident from one row per reported event (see the module's docstring).

    ``frame`` needs the store's event columns plus ``incident``, ``article_title`` and
    ``article_published``; the result has the same columns (``incident`` aside) plus
    :data:`INCIDENT_COLUMNS`. Plain dicts, one pass: a frame of 10,000 events takes well under
    a second.
    """
    columns = [c for c in frame.columns if c != "incident"]
    if frame.empty:
        out = frame[columns].copy()
        for column in INCIDENT_COLUMNS:
            out[column] = pd.Series(dtype=int if column == "n_reports" else str)
        return out
    events = frame.to_dict("records")
    # reports in order: the earliest published article first, then the event id
    events.sort(key=lambda e: (e["incident"], _text(e["article_published"]), e["event_id"]))
    rows = []
    for _, group in groupby(events, key=lambda e: e["incident"]):
        reports_of = list(group)
        row = {c: reports_of[0][c] for c in columns}
        if len(reports_of) > 1:
            for column in _MERGED:
                row[column] = _first([e[column] for e in reports_of])
            figures = [e["fatalities"] for e in reports_of if not _blank(e["fatalities"])]
            row["fatalities"] = min(figures) if figures else None
        reports = [_report(e) for e in reports_of]
        outlets = list(dict.fromkeys(r["source"] for r in reports if r["source"] is not None))
        row["n_reports"] = len({r["article_id"] for r in reports})
        row["sources"] = "; ".join(outlets)
        if outlets:
            row["source"] = row["sources"]  # ACLED's column: every outlet that reported it
        row["reports"] = json.dumps(reports, ensure_ascii=False)
        rows.append(row)
    out = pd.DataFrame(rows, columns=[*columns, *INCIDENT_COLUMNS])
    return out.sort_values(["event_date", "event_id"], kind="stable").reset_index(drop=True)
