"""Incidents across articles: the events several articles report are one map event.

ACLED's unit is one event per incident. Each stored event carries an ``incident`` key made
from what identifies an incident — its day, its place and its sub-event type — so linking is
deterministic (the same articles give the same incidents whatever order they arrive in) and
stays right as articles are added, replaced or removed: an incident is simply the group of
stored events that share a key. Actors are not part of the key (one outlet names them, another
does not); they are merged. Events are linked on the day the text gives them (precision 1, or
2 — "within a few days", as ACLED's time precision 2); undated events, background events and
events known only to the month (precision 3) are never linked: two reports of "October" are
not evidence of one incident.

:func:`merge` turns per-article event rows into one row per incident: the row of the first
report (the earliest published article, then the event id) with every report listed in
``reports`` (article, outlet, title, URL, sentence, claim), ``n_reports``, ACLED's ``source``
(the outlets, ``"; "``-separated) and the most conservative fatality figure (ACLED's rule: the
lowest reported).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping

import pandas as pd

# What an incident row adds to an event row, in this order.
INCIDENT_COLUMNS = ("n_reports", "sources", "reports")
# Places within this many degrees are one place when the event has no gazetteer id (≈ 1 km).
_GRID = 0.01


def incident_key(row: Mapping[str, object]) -> str:
    """The key an event shares with the other reports of its incident (its own id when it
    cannot be linked: undated, background, or dated only to the month)."""
    date, precision = row.get("event_date"), row.get("time_precision")
    if not date or row.get("background") or precision not in (None, 1, 2):
        return f"event:{row['event_id']}"
    place = row.get("place_id")
    if not place:
        lat, lon = row.get("latitude"), row.get("longitude")
        if not isinstance(lat, int | float) or not isinstance(lon, int | float):
            return f"event:{row['event_id']}"
        place = f"{round(float(lat) / _GRID)},{round(float(lon) / _GRID)}"
    return "|".join((str(date)[:10], str(place), str(row.get("sub_event_type") or row.get("event_type"))))


def _blank(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)) or value == ""


def _first(values: pd.Series) -> object:
    """The first value that is not blank (reports in order), else None."""
    for value in values:
        if not _blank(value):
            return value
    return None


def merge(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per incident from one row per reported event (see the module's docstring).

    ``frame`` needs the store's event columns plus ``incident``, ``article_title`` and
    ``article_published``; the result has the same columns plus ``reports`` (a JSON list),
    ``n_reports`` and ``sources``.
    """
    if frame.empty:
        out = frame.drop(columns=["incident"]).copy()
        for column in INCIDENT_COLUMNS:
            out[column] = pd.Series(dtype=int if column == "n_reports" else str)
        return out
    ordered = frame.assign(_published=frame["article_published"].fillna("")).sort_values(
        ["incident", "_published", "event_id"], kind="stable"
    )
    rows = []
    for _, group in ordered.groupby("incident", sort=False):
        first = group.iloc[0].drop(["_published", "incident"]).copy()
        if len(group) > 1:
            for column in ("actor1", "actor2", "claimed_by", "source_url", "location_vi"):
                if column in group:
                    first[column] = _first(group[column])
            figures = [f for f in group["fatalities"] if not _blank(f)]
            first["fatalities"] = min(figures) if figures else None
        reports, outlets = [], []
        for _, event in group.iterrows():
            reports.append(
                {
                    "event_id": event["event_id"],
                    "article_id": event["article_id"],
                    "source": None if _blank(event["source"]) else event["source"],
                    "title": None if _blank(event["article_title"]) else event["article_title"],
                    "url": None if _blank(event["source_url"]) else event["source_url"],
                    "published": None if _blank(event["article_published"]) else event["article_published"],
                    "sentence": None if _blank(event["notes"]) else event["notes"],
                    "claimed_by": None if _blank(event["claimed_by"]) else event["claimed_by"],
                    "fatalities": None if _blank(event["fatalities"]) else int(event["fatalities"]),
                }
            )
            outlet = event["source"]
            if not _blank(outlet) and outlet not in outlets:
                outlets.append(outlet)
        first["n_reports"] = len({r["article_id"] for r in reports})
        first["sources"] = "; ".join(outlets)
        first["reports"] = json.dumps(reports, ensure_ascii=False)
        if outlets:
            first["source"] = first["sources"]  # ACLED's column: every outlet that reported it
        rows.append(first)
    out = pd.DataFrame(rows).reset_index(drop=True)
    return out.sort_values(["event_date", "event_id"], kind="stable").reset_index(drop=True)
