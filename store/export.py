"""``python -m store export``: the stored events as CSV, GeoJSON or Parquet in ACLED's columns
(:mod:`store.acled`), then diadanh's."""

from __future__ import annotations

import calendar
import datetime as dt
import errno
import json
import math
import os
import re
import stat
import sys
import tempfile
from pathlib import Path
from typing import IO

import pandas as pd

from events.output import csv_cell

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
    if pd.api.types.is_datetime64_any_dtype(out["event_date"]):
        out["event_date"] = out["event_date"].dt.strftime("%Y-%m-%d")
    return out


def _csv_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells neutralised against formulas (:func:`events.output.csv_cell`); numeric columns
    are left as they are, so negative coordinates stay numbers."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column].dtype):
            out[column] = out[column].map(csv_cell)
    return out


def _json_value(value: object) -> object:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
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

    A regular file (or one to be created) is written beside its destination and renamed into
    place: never half an export. A symlink is followed (the link stays, its target is written).
    A named pipe, a device or a socket is written into directly: it is never replaced.
    Raises IsADirectoryError for a folder and OSError when the destination cannot be written.
    """
    if fmt == "parquet" and out is None:
        raise ValueError("parquet needs an output file: -o FILE")
    if out is None:
        (stdout or sys.stdout).write(as_text(frame, fmt))
        return
    try:
        target = out.resolve() if out.is_symlink() else out
    except RuntimeError:  # a symlink loop
        raise OSError(errno.ELOOP, "too many levels of symbolic links", str(out)) from None
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "is a directory", str(out))
    if mode is not None and not stat.S_ISREG(mode):
        with target.open("wb") as fh:  # a pipe or a device: written as it is, never replaced
            _write_to(fh, frame, fmt)
        return
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    part = Path(name)
    try:
        os.chmod(fd, stat.S_IMODE(mode) if mode is not None else 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as fh:
            _write_to(fh, frame, fmt)
        part.replace(target)
    finally:
        part.unlink(missing_ok=True)


def _write_to(fh: IO[bytes], frame: pd.DataFrame, fmt: str) -> None:
    if fmt == "parquet":
        _plain(frame).to_parquet(fh, index=False)
    else:
        fh.write(as_text(frame, fmt).encode("utf-8"))


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def as_text(frame: pd.DataFrame, fmt: str) -> str:
    """The events as CSV (ACLED columns, ISO dates) or a GeoJSON FeatureCollection."""
    if fmt == "csv":
        return _csv_safe(_plain(frame)).to_csv(index=False, lineterminator="\n")
    return json.dumps(to_geojson(frame), ensure_ascii=False) + "\n"
