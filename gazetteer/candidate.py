"""What a lookup returns: one place that a name may refer to."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field, fields


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place a name may refer to, with the score it got in this lookup (higher is better)."""

    id: str
    name: str
    name_vi: str | None
    kind: str
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    population: int | None
    bbox: tuple[float, float, float, float] | None  # west, south, east, north
    source: str
    score: float = 0.0
    matched: str = ""  # the lookup key that found it
    # reached only through weak names (codes, abbreviations, Vietnamese syllables: FLAG_WEAK)
    weak: bool = False
    # reads the stored GeoJSON on demand: outlines are large and most lookups never draw them
    geometry_loader: Callable[[str], str | None] | None = field(default=None, repr=False, compare=False)

    @property
    def geometry(self) -> dict:
        """GeoJSON geometry: the stored outline or line, else the extent, else the point."""
        stored = self.geometry_loader(self.id) if self.geometry_loader else None
        if stored:
            return json.loads(stored)
        if self.bbox is not None and self.bbox[0] < self.bbox[2] and self.bbox[1] < self.bbox[3]:
            west, south, east, north = self.bbox
            ring = [[west, south], [east, south], [east, north], [west, north], [west, south]]
            return {"type": "Polygon", "coordinates": [ring]}
        return {"type": "Point", "coordinates": [self.lon, self.lat]}

    @property
    def border_countries(self) -> tuple[str, ...]:
        """For the built ``border:AA-BB`` places, the two countries; else ()."""
        if self.id.startswith("border:"):
            return tuple(self.id[7:].split("-"))
        return ()

    def contains(self, lat: float, lon: float) -> bool:
        """True when the point lies within this place's extent (bounding box)."""
        if self.bbox is None:
            return False
        west, south, east, north = self.bbox
        return south <= lat <= north and west <= lon <= east

    def covers(self, lat: float, lon: float) -> bool:
        """True when the point lies within this place's outline (its extent when it has none).

        Outlines are parsed once (GEOS reads the stored GeoJSON several times faster than
        ``json`` and ``shape()``) and kept for built places; a user place may change."""
        import shapely
        from shapely.geometry import shape

        key = (self.id, self.bbox, self.geometry_loader)
        outline = _OUTLINES.get(key, _OUTLINES)
        if outline is _OUTLINES:
            stored = self.geometry_loader(self.id) if self.geometry_loader else None
            if stored:
                outline = shapely.from_geojson(stored)
            else:
                geometry = self.geometry  # (its extent, or its point)
                outline = shape(geometry) if geometry.get("type") == "Polygon" else None
            if outline is not None and outline.geom_type not in ("Polygon", "MultiPolygon"):
                outline = None
            if not self.id.startswith("user:"):
                if len(_OUTLINES) >= 256:
                    _OUTLINES.clear()
                _OUTLINES[key] = outline
        if outline is None:
            return self.contains(lat, lon)
        return bool(outline.covers(shapely.Point(lon, lat)))

    def to_dict(self, geometry: bool = False) -> dict:
        """A JSON-ready dict; the geometry only when asked (country outlines are large)."""
        data = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "geometry_loader"}
        data["bbox"] = list(self.bbox) if self.bbox else None
        data["score"] = round(self.score, 4)
        if geometry:
            data["geometry"] = self.geometry
        return data


# the outlines Candidate.covers read, by place (a built place's outline changes only with a new
# gazetteer file, read by a new connection: its loader is part of the key)
_OUTLINES: dict = {}
