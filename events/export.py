"""``python -m events export``: the stored events as ACLED-style CSV, GeoJSON or Parquet."""

from __future__ import annotations

import calendar
import datetime as dt
import json
import math
import re
import sys
from pathlib import Path
from typing import IO

import pandas as pd

FORMATS = ("csv", "geojson", "parquet")
SUFFIXES = {".csv": "csv", ".geojson": "geojson", ".json": "geojson", ".parquet": "parquet"}

# ACLED's six event types and their 25 sub-event types (ACLED codebook).
EVENT_TYPES = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED", "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    ),
}  # fmt: skip
_BY_LOWER = {name.lower(): name for t, subs in EVENT_TYPES.items() for name in (t, *subs)}
_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def event_type(value: str) -> str:
    """ACLED's spelling of an event or sub-event type given in any case; ValueError when unknown."""
    name = _BY_LOWER.get(value.strip().lower())
    if name is None:
        known = ", ".join(EVENT_TYPES)
        raise ValueError(f"unknown event type '{value}' (one of: {known}, or a sub-event type)")
    return name


def period_bound(value: str, end: bool) -> str:
    """An ISO day from YYYY-MM-DD, YYYY-MM or YYYY: the period's first day, or its last with ``end``."""
    m = _DATE.fullmatch(value.strip())
    if not m:
        raise ValueError(f"not a date: '{value}' (YYYY-MM-DD, YYYY-MM or YYYY)")
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if day:
            return dt.date(year, int(month), int(day)).isoformat()
        if month:
            last = calendar.monthrange(year, int(month))[1] if 1 <= int(month) <= 12 else 0
            return dt.date(year, int(month), last if end else 1).isoformat()
        return dt.date(year, 12, 31).isoformat() if end else dt.date(year, 1, 1).isoformat()
    except ValueError as exc:
        raise ValueError(f"not a date: '{value}' ({exc})") from None


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Dates as ISO strings, as in the contract and ACLED's files."""
    out = frame.copy()
    out["event_date"] = out["event_date"].dt.strftime("%Y-%m-%d")
    return out


def _json_value(value: object) -> object:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return value.item()  # type: ignore[union-attr]
    return value


def to_geojson(frame: pd.DataFrame) -> dict:
    """A FeatureCollection: one Point per located event, properties = its ACLED-style row."""
    features = []
    for row in _plain(frame).to_dict(orient="records"):
        lat, lon = _json_value(row["latitude"]), _json_value(row["longitude"])
        if lat is None or lon is None:
            continue
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {k: _json_value(v) for k, v in row.items()},
            }
        )
    return {"type": "FeatureCollection", "features": features}


def write(frame: pd.DataFrame, fmt: str, out: Path | None, stdout: IO[str] | None = None) -> None:
    """Write the events in ``fmt`` to ``out`` (standard output when None; Parquet needs a file).

    A file is written beside its destination and renamed into place: never half an export.
    """
    if fmt == "parquet" and out is None:
        raise ValueError("parquet needs an output file: -o FILE")
    if out is None:
        (stdout or sys.stdout).write(as_text(frame, fmt))
        return
    part = out.with_name(out.name + ".part")
    try:
        if fmt == "parquet":
            _plain(frame).to_parquet(part, index=False)
        else:
            part.write_text(as_text(frame, fmt), encoding="utf-8")
        part.replace(out)
    finally:
        part.unlink(missing_ok=True)


def as_text(frame: pd.DataFrame, fmt: str) -> str:
    """The events as CSV (ACLED columns, ISO dates) or a GeoJSON FeatureCollection."""
    if fmt == "csv":
        return _plain(frame).to_csv(index=False, lineterminator="\n")
    return json.dumps(to_geojson(frame), ensure_ascii=False) + "\n"
