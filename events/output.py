"""Write extraction results: JSON lines (the contract), ACLED-style CSV rows, GeoJSON."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable

# ACLED's column names where ACLED has one; ours after them.
ACLED_COLUMNS = (
    "event_id", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
    "country", "location", "latitude", "longitude", "geo_precision", "source", "source_url", "notes",
    "fatalities", "claimed_by", "background", "date_end", "location_vi", "place_id", "place_surface",
    "place_start", "place_end", "cue", "article_id", "article_path", "text_start", "text_end",
)  # fmt: skip


def event_row(event: dict, article: dict) -> dict:
    """One event as an ACLED-style flat row (what CSV, the store and the DataFrame hold)."""
    return {
        "event_id": event["event_id"],
        "event_date": event["date"],
        "year": int(event["date"][:4]) if event["date"] else None,  # an undated article's event
        "time_precision": event["time_precision"],
        "event_type": event["event_type"],
        "sub_event_type": event["sub_event_type"],
        "actor1": event["actor1"],
        "actor2": event["actor2"],
        "country": event["country"],
        "location": event["location"],
        "latitude": event["lat"],
        "longitude": event["lon"],
        "geo_precision": event["geo_precision"],
        "source": article.get("source"),
        "source_url": article.get("url"),
        "notes": event["text"],
        "fatalities": event["fatalities"],
        "claimed_by": event["claimed_by"],
        "background": event["background"],
        "date_end": event["date_end"],
        "location_vi": event.get("location_vi"),
        "place_id": event["place_id"],
        "place_surface": event.get("place_surface"),
        "place_start": event.get("place_start"),
        "place_end": event.get("place_end"),
        "cue": event.get("cue"),
        "article_id": article["id"],
        "article_path": article.get("path"),
        "text_start": event["start"],
        "text_end": event["end"],
    }


# OWASP's CSV injection rule: a spreadsheet runs a cell that starts with one of these.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """A CSV cell that no spreadsheet runs as a formula: text starting with ``= + - @``, tab or
    CR gets a leading ``'`` (OWASP). Numbers stay numbers (a longitude of -98.6 is data)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_safe_row(row: dict) -> dict:
    """A row with every text cell through :func:`csv_cell` (what every CSV writer writes)."""
    return {key: csv_cell(value) for key, value in row.items()}


def rows(results: Iterable[dict]) -> Iterable[dict]:
    for result in results:
        for event in result["events"]:
            yield event_row(event, result["article"])


def to_jsonl(result: dict) -> str:
    return json.dumps(result, ensure_ascii=False, separators=(",", ":"))


def to_csv(results: Iterable[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(csv_safe_row(row) for row in rows(results))
    return buffer.getvalue()


def to_geojson(results: Iterable[dict]) -> dict:
    """A FeatureCollection of events (Point features; properties = the event fields)."""
    features = []
    for result in results:
        for event in result["events"]:
            if event["lat"] is None:
                continue
            properties = {
                **event,
                "article_id": result["article"]["id"],
                "source": result["article"]["source"],
            }
            features.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [event["lon"], event["lat"]]},
                    "properties": properties,
                }
            )
    return {"type": "FeatureCollection", "features": features}
