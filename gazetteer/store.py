"""The gazetteer at run time: name lookup, reverse lookup and the user layer.

Two SQLite files: the built gazetteer (read-only, replaced whole by a rebuild) and the
user layer (places and aliases that users add; never touched by a rebuild). Lookups
read both through one connection, the user file being attached.
"""

from __future__ import annotations

import math
import os
import re
import sqlite3
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING

from gazetteer.candidate import Candidate
from gazetteer.cues import split_cue
from gazetteer.messages import Message
from gazetteer.schema import (
    COL,
    FLAG_CHECKED,
    FLAG_FOLDED,
    FLAG_PRIMARY,
    FLAG_VIETNAMESE,
    FLAG_WEAK,
    PLACE_COLUMNS,
    USER_SCHEMA,
)
from gazetteer.sources import KINDS
from gazetteer.textnorm import fold, looks_vietnamese, name_key, nfc, search_keys

if TYPE_CHECKING:
    import shapely

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = Path(os.environ.get("DIADANH_GAZETTEER", ROOT / "var" / "gazetteer.sqlite"))
DEFAULT_USER_DB = Path(os.environ.get("DIADANH_USER_PLACES", ROOT / "var" / "user_places.sqlite"))

FALLBACK_PENALTY = 0.15  # a fallback match (no accents, no hyphens/spaces) is worth less than an exact one
# A bare GeoNames alternate ("Pokrovsk" for Engels, its old name; "Islamabad" for Chattogram) loses
# to a place whose own (primary or checked) name it is.
ALTERNATE_PENALTY = 0.1
WEAK_PENALTY = 0.15  # a code, abbreviation or Vietnamese syllable (FLAG_WEAK) is little evidence
STRONG_NAME = FLAG_PRIMARY | FLAG_CHECKED
SHADOW_RATIO = 10  # ... when that place has at least a tenth of the alternate's population
COUNTRY_HINT_BONUS = 0.5
NEAR_BONUS = 0.4
NEAR_SCALE_KM = 250.0
POPULATED = ("city", "town", "village")

_COLS = ", ".join(f"p.{c}" for c in PLACE_COLUMNS)
_LOOKUP_SQL = f"SELECT {_COLS}, n.flags FROM names n JOIN places p ON p.rid = n.rid WHERE n.key = ?1"
_USER_LOOKUP_SQL = (
    _LOOKUP_SQL
    + f" UNION ALL SELECT {_COLS}, a.flags | {FLAG_CHECKED} FROM user.aliases a"
    + " JOIN places p ON p.id = a.place_id WHERE a.key = ?1"
    + f" UNION ALL SELECT {_COLS}, a.flags | {FLAG_CHECKED} FROM user.aliases a"
    + " JOIN user.places p ON p.id = a.place_id WHERE a.key = ?1"
)

# The same with the key first, for several keys at once ("{}": their parameters).
_KEYED_LOOKUP_SQL = (
    f"SELECT n.key, {_COLS}, n.flags FROM names n JOIN places p ON p.rid = n.rid WHERE n.key IN ({{0}})"
)
_KEYED_USER_LOOKUP_SQL = (
    _KEYED_LOOKUP_SQL
    + f" UNION ALL SELECT a.key, {_COLS}, a.flags | {FLAG_CHECKED} FROM user.aliases a"
    + " JOIN places p ON p.id = a.place_id WHERE a.key IN ({0})"
    + f" UNION ALL SELECT a.key, {_COLS}, a.flags | {FLAG_CHECKED} FROM user.aliases a"
    + " JOIN user.places p ON p.id = a.place_id WHERE a.key IN ({0})"
)
_CACHED_PLACES = 10_000  # places by id, countries by point
_MMAP_BYTES = 1 << 30  # more than the built file: all of it is mapped
_KEYS_PER_QUERY = 500  # below SQLite's oldest limit on parameters (999)

_USER_COLUMNS = (*PLACE_COLUMNS, "geometry")
MAX_POPULATION = 100_000_000_000  # more than any place on Earth, within SQLite's integers
# ISO 3166-1 codes that name no country: user-assigned (AA, QM–QZ, XA–XZ, ZZ) and reserved.
_PRIVATE_CODES = frozenset({"AA", "ZZ", "EU", "EZ", "UN"})
# Control characters, bidirectional overrides and other format characters (zero-width joiners,
# which some scripts need, and the soft hyphen are normalised away by name_key instead).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufff9-\ufffb]")
_USER_INSERT_SQL = (
    f"INSERT INTO places ({', '.join(_USER_COLUMNS)}) VALUES ({', '.join('?' * len(_USER_COLUMNS))})"
)
_ID, _KIND, _COUNTRY, _LAT, _LON, _POP, _PRIOR = (
    COL[c] for c in ("id", "kind", "country", "lat", "lon", "population", "prior")
)
_NAME, _NAME_VI, _ADMIN1, _SOURCE, _WEST, _SOUTH, _EAST, _NORTH = (
    COL[c] for c in ("name", "name_vi", "admin1", "source", "west", "south", "east", "north")
)


def _hint_bonus(
    place_id: str,
    country: str | None,
    lat: float,
    lon: float,
    countries: dict[str, float],
    near: tuple[float, float] | None,
) -> float:
    """What the context adds to a place's score: its country named, its distance to a point."""
    bonus = 0.0
    if countries:
        if country:
            weight = countries.get(country, 0.0)
        elif place_id.startswith("border:"):
            weight = max(countries.get(c, 0.0) for c in place_id[7:].split("-"))
        else:
            weight = 0.0
        bonus += COUNTRY_HINT_BONUS * weight
    if near is not None:
        bonus += NEAR_BONUS * math.exp(-haversine_km(near[0], near[1], lat, lon) / NEAR_SCALE_KM)
    return bonus


_CANDIDATE_FIELDS = (
    "id", "name", "name_vi", "kind", "country", "admin1", "lat", "lon", "population", "bbox", "source",
    "score", "matched", "weak", "geometry_loader",
)  # fmt: skip
if tuple(f.name for f in fields(Candidate)) != _CANDIDATE_FIELDS:
    raise RuntimeError("Candidate's fields changed: update _CANDIDATE_FIELDS and _with_score")


# A candidate is made by setting its slots through their descriptors: the frozen dataclass's
# __init__ runs as interpreted Python and sets each field through object.__setattr__ (twice the
# cost; ranking makes one per row and per reranked candidate)
_NEW = object.__new__
(
    _SET_ID, _SET_NAME, _SET_NAME_VI, _SET_KIND, _SET_COUNTRY, _SET_ADMIN1, _SET_LAT, _SET_LON,
    _SET_POPULATION, _SET_BBOX, _SET_SOURCE, _SET_SCORE, _SET_MATCHED, _SET_WEAK, _SET_LOADER,
) = (getattr(Candidate, f).__set__ for f in _CANDIDATE_FIELDS)  # fmt: skip


def _new_candidate(
    place_id: str, name: str, name_vi: str | None, kind: str, country: str | None, admin1: str | None,
    lat: float, lon: float, population: int | None, bbox: tuple | None, source: str, score: float,
    matched: str, weak: bool, geometry_loader: object,
) -> Candidate:  # fmt: skip
    """``Candidate(…)`` with every field given, in the order of _CANDIDATE_FIELDS."""
    c = _NEW(Candidate)
    _SET_ID(c, place_id)
    _SET_NAME(c, name)
    _SET_NAME_VI(c, name_vi)
    _SET_KIND(c, kind)
    _SET_COUNTRY(c, country)
    _SET_ADMIN1(c, admin1)
    _SET_LAT(c, lat)
    _SET_LON(c, lon)
    _SET_POPULATION(c, population)
    _SET_BBOX(c, bbox)
    _SET_SOURCE(c, source)
    _SET_SCORE(c, score)
    _SET_MATCHED(c, matched)
    _SET_WEAK(c, weak)
    _SET_LOADER(c, geometry_loader)
    return c


def _with_score(c: Candidate, score: float) -> Candidate:
    """``dataclasses.replace(c, score=score)`` without its generic walk over the fields (several
    times faster; ranking makes one per candidate)."""
    return _new_candidate(
        c.id, c.name, c.name_vi, c.kind, c.country, c.admin1, c.lat, c.lon, c.population, c.bbox, c.source,
        score, c.matched, c.weak, c.geometry_loader,
    )  # fmt: skip


def _upper_keys(weights: dict[str, float] | None) -> dict[str, float]:
    """The weights by upper-case country code; the caller's dict itself when its codes are upper
    case already (as the extractor gives them, for every mention: no copy)."""
    if not weights:
        return {}
    for code in weights:
        if not code.isupper():
            return {c.upper(): w for c, w in weights.items()}
    return weights


class GazetteerMissing(RuntimeError):
    """The built gazetteer file is not there: it must be built first."""


class InvalidPlace(ValueError):
    """Input to the user layer that cannot be stored; nothing was written.

    ``str(exc)`` is the English text; ``key`` and ``params`` let a user interface translate it."""

    def __init__(self, key: str, template: str, **params: object):
        self.message = Message(key, template, **params)
        self.key, self.params = key, params
        super().__init__(self.message)

    def __reduce__(self) -> tuple:
        return _invalid_place, (self.key, self.message.template, self.params)


def _invalid_place(key: str, template: str, params: dict[str, object]) -> InvalidPlace:
    return InvalidPlace(key, template, **params)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance; inlined because ranking calls it for every candidate."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0088 * 2 * math.asin(min(1.0, math.sqrt(a)))


class Gazetteer:
    """Read the built gazetteer and the user layer; add to the user layer."""

    def __init__(self, path: Path | str = DEFAULT_DB, user_path: Path | str = DEFAULT_USER_DB):
        self.path = Path(path)
        self.user_path = Path(user_path)
        if not self.path.exists():
            raise GazetteerMissing(
                Message(
                    "gazetteer.missing",
                    "gazetteer not built: {path} is missing. "
                    "Run `make gazetteer` or `python -m gazetteer build`.",
                    path=self.path,
                )
            )
        self._lock = threading.RLock()
        self._countries: list | None = None
        self._connect()

    # -- connection -------------------------------------------------------------------

    def _connect(self) -> None:
        self._built_places: dict[str, Candidate | None] = {}  # get() of ids outside the user layer
        self._border_ids: frozenset[str] | None = None  # the built "border:" ids (read when first needed)
        con = sqlite3.connect(read_only_uri(self.path), uri=True, check_same_thread=False)
        # read the built file through memory mapping: a lookup then reads its pages in place, with
        # no copy into SQLite's page cache (safe: a rebuild replaces the file, never rewrites it)
        con.execute(f"PRAGMA main.mmap_size = {_MMAP_BYTES}")
        self._has_user = self.user_path.exists()
        if self._has_user:
            con.execute("ATTACH DATABASE ? AS user", (read_only_uri(self.user_path),))
        self._con = con
        self._sql = _USER_LOOKUP_SQL if self._has_user else _LOOKUP_SQL
        self._keyed_sql = _KEYED_USER_LOOKUP_SQL if self._has_user else _KEYED_LOOKUP_SQL

    def close(self) -> None:
        self._con.close()

    def meta(self) -> dict[str, str]:
        with self._lock:
            return dict(self._con.execute("SELECT key, value FROM meta"))

    # -- lookup -----------------------------------------------------------------------

    def lookup(
        self,
        name: str,
        *,
        countries: Iterable[str] | None = None,
        near: tuple[float, float] | None = None,
        kinds: Iterable[str] | None = None,
        limit: int | None = 10,
        country_weights: dict[str, float] | None = None,
    ) -> list[Candidate]:
        """Places a name may refer to, best first.

        The keys of :func:`~gazetteer.textnorm.search_keys` are tried: exact (normalised,
        case-insensitive) matches win; without one, the fallbacks (no accents, no hyphens or spaces
        inside the name). A name that starts with a place cue and is not known whole ("tỉnh
        Zaporizhzhia", "thành phố Zaporizhzhia", "bang Kachin") is looked up without it, the cue
        choosing among the kinds (the oblast, the city). Ranking: the place's prior (kind,
        population), the name's evidence (primary or checked over a bare alternate, weak names
        last), then the hints: the country codes the context names (``country_weights`` grades
        them from 0 to 1), and a point the place should be near.
        """
        keys = search_keys(name or "")
        if not keys:
            return []
        rows, fallback = self._rows_for(keys)
        cue_kinds: frozenset[str] | None = None
        if fallback or not rows:
            cued = split_cue(name)
            if cued is not None:
                rest, cue_kinds = cued
                rest_rows, rest_fallback = self._rows_for(search_keys(rest))
                if rest_rows and (not rows or not rest_fallback):
                    rows, fallback = rest_rows, rest_fallback
                else:
                    cue_kinds = None
        if cue_kinds:  # the cue's kinds when any candidate has one of them
            preferred = [r for r in rows if r[_KIND] in cue_kinds]
            rows = preferred or rows
        weights = {c.upper(): 1.0 for c in countries or ()}
        weights.update({c.upper(): w for c, w in (country_weights or {}).items()})
        return self._ranked(rows, fallback, keys[0], weights, near, set(kinds) if kinds else None, limit)

    def _rows_for(self, keys: tuple[str, ...]) -> tuple[list[tuple], bool]:
        """The rows of the first key when some are exact (False), else of all keys (True)."""
        if not keys:
            return [], False
        with self._lock:
            rows = self._con.execute(self._sql, (keys[0],)).fetchall()
        exact = [r for r in rows if not r[-1] & FLAG_FOLDED]
        if exact:
            return exact, False
        if len(keys) > 1:
            for found in self._rows_of(list(keys[1:])).values():
                rows.extend(found)
        return rows, True

    def lookup_many(self, names: Iterable[str]) -> dict[str, list[Candidate]]:
        """``{name: self.lookup(name, limit=None)}`` for several names, with one query for them all
        (a query per name costs several times more: an article's new names come together)."""
        keys = {name: search_keys(name or "") for name in names}
        rows = self._rows_of(sorted({k[0] for k in keys.values() if k}))
        exact = {key: [r for r in found if not r[-1] & FLAG_FOLDED] for key, found in rows.items()}
        wanted = {f for k in keys.values() if k and not exact[k[0]] for f in k[1:]}
        refetched = self._rows_of(sorted(wanted - rows.keys()))
        refetched.update({k: v for k, v in rows.items() if k in wanted})
        ranked: dict[str, list[Candidate]] = {}
        out: dict[str, list[Candidate]] = {}
        for name, k in keys.items():
            if not k:
                out[name] = []
                continue
            if k not in ranked:
                if exact[k[0]]:
                    ranked[k] = self._ranked(exact[k[0]], False, k[0], {}, None, None, None)
                elif rows[k[0]] or any(refetched[f] for f in k[1:]):
                    found = rows[k[0]] + [r for f in k[1:] for r in refetched[f]]
                    ranked[k] = self._ranked(found, True, k[0], {}, None, None, None)
                elif split_cue(name) is not None:  # a cued name ("tỉnh Kherson") as lookup reads it
                    ranked[k] = self.lookup(name, limit=None)
                else:
                    ranked[k] = []
            out[name] = ranked[k]
        return out

    def _rows_of(self, keys: list[str]) -> dict[str, list[tuple]]:
        """The rows of ``self._sql`` for each key (no row: an empty list), in a few queries."""
        found: dict[str, list[tuple]] = {key: [] for key in keys}
        for first in range(0, len(keys), _KEYS_PER_QUERY):
            chunk = keys[first : first + _KEYS_PER_QUERY]
            sql = self._keyed_sql.format(", ".join(f"?{i}" for i in range(1, len(chunk) + 1)))
            with self._lock:
                rows = self._con.execute(sql, chunk).fetchall()
            for row in rows:
                found[row[0]].append(row[1:])
        return found

    def _ranked(
        self,
        rows: list[tuple],
        fallback: bool,
        key: str,
        weights: dict[str, float],
        near: tuple[float, float] | None,
        kind_set: set[str] | None,
        limit: int | None,
    ) -> list[Candidate]:
        # a town's bare alternate loses to a town whose own or checked name this is (a historical
        # name: "Pokrovsk" for Engels), unless that town is tiny beside it (a village named after
        # a city); likewise among regions and features
        strong: dict[bool, int] = {}
        for row in rows:
            if row[-1] & STRONG_NAME:
                populated = row[_KIND] in POPULATED
                strong[populated] = max(strong.get(populated, 0), row[_POP] or 0)
        best: dict[str, tuple[float, tuple]] = {}
        for row in rows:
            if kind_set and row[_KIND] not in kind_set:
                continue
            rival = strong.get(row[_KIND] in POPULATED)
            demoted = rival is not None and (row[_POP] or 0) <= SHADOW_RATIO * rival
            score = self._score(row, fallback, weights, near, demoted)
            if row[_ID] not in best or best[row[_ID]][0] < score:
                best[row[_ID]] = (score, row)
        ranked = sorted(best.values(), key=lambda sr: (-sr[0], -(sr[1][_POP] or 0), sr[1][_ID]))
        return [
            self._candidate(row, score, key, bool(row[-1] & FLAG_WEAK))
            for score, row in (ranked[:limit] if limit else ranked)
        ]

    @staticmethod
    def _score(
        row: tuple,
        fallback: bool,
        countries: dict[str, float],
        near: tuple[float, float] | None,
        strong: bool = False,
    ) -> float:
        flags = row[-1]
        score = (
            row[_PRIOR]
            + (0.03 if flags & FLAG_PRIMARY else 0)
            + (0.02 if flags & FLAG_VIETNAMESE else 0)
            + (0.02 if flags & FLAG_CHECKED else 0)
        )
        if fallback:
            score -= FALLBACK_PENALTY
        if flags & FLAG_WEAK:
            score -= WEAK_PENALTY
        if strong and not flags & STRONG_NAME:
            score -= ALTERNATE_PENALTY
        return score + _hint_bonus(row[_ID], row[_COUNTRY], row[_LAT], row[_LON], countries, near)

    @staticmethod
    def rerank(
        candidates: Iterable[Candidate],
        *,
        country_weights: dict[str, float] | None = None,
        near: tuple[float, float] | None = None,
    ) -> list[Candidate]:
        """Candidates of a hint-free lookup ranked as a lookup with these hints ranks them.

        Lets a caller cache one lookup per name and apply each document's context cheaply.
        """
        weights = {c.upper(): w for c, w in (country_weights or {}).items()}
        scored = [
            _with_score(c, c.score + _hint_bonus(c.id, c.country, c.lat, c.lon, weights, near))
            for c in candidates
        ]
        return sorted(scored, key=lambda c: (-c.score, -(c.population or 0), c.id))

    @staticmethod
    def rerank_best(
        candidates: Iterable[Candidate],
        *,
        country_weights: dict[str, float] | None = None,
        near: tuple[float, float] | None = None,
    ) -> Candidate | None:
        """The first of :meth:`rerank` (None for no candidates), without copying the others."""
        weights = _upper_keys(country_weights)  # (read only)
        best, best_key = None, None
        for c in candidates:
            score = c.score + _hint_bonus(c.id, c.country, c.lat, c.lon, weights, near)
            key = (-score, -(c.population or 0), c.id)
            if best_key is None or key < best_key:
                best, best_key = (c, score), key
        return _with_score(*best) if best else None

    def best(self, name: str, **hints) -> Candidate | None:
        """The best candidate for a name, or None."""
        found = self.lookup(name, limit=1, **hints)
        return found[0] if found else None

    def name_keys(self) -> frozenset[str]:
        """Every lookup key (built and user layer), exact and fallback: what a text matcher looks
        for. Every form :func:`~gazetteer.textnorm.search_keys` makes of a stored name is here."""
        sql = "SELECT DISTINCT key FROM names"
        if self._has_user:
            sql += " UNION SELECT key FROM user.aliases"
        with self._lock:
            return frozenset(k for (k,) in self._con.execute(sql))

    def get(self, place_id: str) -> Candidate | None:
        """A place by its id, from the built data or the user layer."""
        if place_id in self._built_places:
            return self._built_places[place_id]
        if place_id.startswith("border:") and place_id not in self._borders():
            return None  # (most pairs of countries share no border: no query for each pair asked)
        sql = f"SELECT {_COLS}, 4 FROM places p WHERE p.id = ?1"
        if self._has_user:
            sql += f" UNION ALL SELECT {_COLS}, 4 FROM user.places p WHERE p.id = ?1"
        with self._lock:
            row = self._con.execute(sql, (place_id,)).fetchone()
        found = self._candidate(row) if row else None
        if not place_id.startswith("user:"):  # the built data changes only with a new connection
            if len(self._built_places) >= _CACHED_PLACES:
                self._built_places.clear()
            self._built_places[place_id] = found
        return found

    def _borders(self) -> frozenset[str]:
        """The ids of the built land borders (``border:AA-BB``; a user place's id starts "user:")."""
        if self._border_ids is None:
            sql = "SELECT id FROM places WHERE id >= 'border:' AND id < 'border;'"
            with self._lock:
                self._border_ids = frozenset(i for (i,) in self._con.execute(sql))
        return self._border_ids

    def divisions_of(self, country: str) -> list[tuple[str, str, str | None]]:
        """(id, own name, Vietnamese name) of a country's built first-level divisions: the
        provinces a misspelt province's name may stand for (``events.resolve``)."""
        sql = "SELECT id, name, name_vi FROM places WHERE country = ?1 AND kind = 'admin1'"
        with self._lock:
            return list(self._con.execute(sql, (country.upper(),)))

    def settlements_of(self, country: str, letter: str) -> list[tuple[str, str]]:
        """(id, own name) of the built towns, cities and villages of a country with people counted
        whose name starts with the letter (or with a letter outside ASCII: "Ḩudaydah"), the
        places a spelling variant may stand for (``events.resolve``)."""
        sql = (
            "SELECT id, name FROM places WHERE country = ?1 AND kind IN ('city','town','village') "
            "AND population > 0 AND (name LIKE ?2 OR unicode(name) > 127)"
        )
        pattern = letter.replace("%", "").replace("_", "")[:1] + "%"
        with self._lock:
            return list(self._con.execute(sql, (country.upper(), pattern)))

    # -- reverse ----------------------------------------------------------------------

    def reverse(self, lat: float, lon: float, max_km: float = 50.0) -> dict:
        """What is at a point: the nearest town within ``max_km``, the regions whose extent
        holds it and the country whose outline holds it (each may be None or empty)."""
        _check_point(lat, lon)
        lat_margin = max_km / 111.0
        lon_margin = min(180.0, max_km / (111.0 * max(0.01, math.cos(math.radians(lat)))))
        sql = (
            f"SELECT {_COLS}, 0 FROM places p WHERE CAST(p.lat AS INTEGER) BETWEEN ?1 AND ?2 "
            "AND CAST(p.lon AS INTEGER) BETWEEN ?3 AND ?4 AND p.kind IN ('city','town','village')"
        )
        bounds = (
            int(lat - lat_margin) - 1,
            int(lat + lat_margin) + 1,
            int(lon - lon_margin) - 1,
            int(lon + lon_margin) + 1,
        )
        with self._lock:
            rows = self._con.execute(sql, bounds).fetchall()
            region_rows = self._con.execute(
                f"SELECT {_COLS}, 0 FROM places p WHERE p.kind IN ('region','admin1','admin2') "
                "AND p.west <= ?2 AND p.east >= ?2 AND p.south <= ?1 AND p.north >= ?1",
                (lat, lon),
            ).fetchall()
        nearest, distance = None, None
        for row in rows:
            d = haversine_km(lat, lon, row[_LAT], row[_LON])
            if d <= max_km and (distance is None or d < distance):
                nearest, distance = row, d
        regions = [self._candidate(r) for r in region_rows if not r[0].startswith("continent:")]
        return {
            "place": self._candidate(nearest) if nearest else None,
            "distance_km": round(distance, 2) if distance is not None else None,
            "regions": sorted(regions, key=lambda c: (c.bbox[2] - c.bbox[0]) * (c.bbox[3] - c.bbox[1])),
            "country": self.country_at(lat, lon),
        }

    def country_at(self, lat: float, lon: float) -> Candidate | None:
        """The country whose (simplified) outline contains the point."""
        import shapely

        with self._lock:
            if self._countries is None:
                rows = self._con.execute(
                    f"SELECT {_COLS}, 0 FROM places p WHERE p.kind = 'country'"
                ).fetchall()
                geoms = [self._outline(r) for r in rows]
                shapely.prepare(geoms)  # a point-in-outline test then reads an index, not every vertex
                areas = [g.area for g in geoms]
                self._countries = [rows, shapely.STRtree(geoms), geoms, areas, {}]
        rows, tree, geoms, areas, found = self._countries
        if (lat, lon) in found:  # articles about one place ask for its point again and again
            return found[lat, lon]
        point = shapely.Point(lon, lat)
        # the outlines whose extent holds the point, then those that hold it (as predicate="intersects")
        hits = [i for i in tree.query(point) if geoms[i].intersects(point)]
        country = self._candidate(rows[min(hits, key=lambda i: areas[i])]) if hits else None
        if len(found) >= _CACHED_PLACES:
            found.clear()
        found[lat, lon] = country
        return country

    def _outline(self, row: tuple) -> shapely.Geometry:
        """``shape(candidate.geometry)``, parsed by GEOS when stored (several times faster)."""
        import shapely
        from shapely.geometry import shape

        stored = self.geometry_json(row[_ID])
        return shapely.from_geojson(stored) if stored else shape(self._candidate(row).geometry)

    def _candidate(
        self, row: tuple, score: float | None = None, matched: str = "", weak: bool = False
    ) -> Candidate:
        west = row[_WEST]
        # positional, in the order of _CANDIDATE_FIELDS (checked above): twice as fast as by keyword
        return _new_candidate(
            row[_ID], row[_NAME], row[_NAME_VI], row[_KIND], row[_COUNTRY], row[_ADMIN1], row[_LAT],
            row[_LON], row[_POP], (west, row[_SOUTH], row[_EAST], row[_NORTH]) if west is not None else None,
            row[_SOURCE], row[_PRIOR] if score is None else score, matched, weak, self.geometry_json,
        )  # fmt: skip

    def geometry_json(self, place_id: str) -> str | None:
        """The stored GeoJSON of a place's outline or line (None for points)."""
        sql = "SELECT geometry FROM places WHERE id = ?1"
        if self._has_user:
            sql += " UNION ALL SELECT geometry FROM user.places WHERE id = ?1"
        with self._lock:
            row = self._con.execute(sql, (place_id,)).fetchone()
        return row[0] if row else None

    # -- user layer -------------------------------------------------------------------

    def add_place(
        self,
        name: str,
        kind: str,
        lat: float,
        lon: float,
        *,
        country: str | None = None,
        name_vi: str | None = None,
        admin1: str | None = None,
        population: int | None = None,
        aliases: Sequence[str] = (),
        bbox: Sequence[float] | None = None,
        source: str = "user",
        allow_zero: bool = False,
    ) -> Candidate:
        """Add a place to the user layer; raises InvalidPlace and writes nothing on bad input.

        A place at 0,0 is refused (a form left at its defaults, not a place) unless ``allow_zero``;
        ``country`` must be a country of the gazetteer or an ISO 3166-1 code.
        """
        aliases = [_clean_name(a, "alias") for a in aliases]
        name, name_vi, kind, lat, lon, country, box = self._checked(
            name, kind, lat, lon, country, name_vi, population, bbox, allow_zero
        )
        place_id = "user:" + (re.sub(r"[^a-z0-9]+", "-", fold(name_key(name))).strip("-") or "place")
        with self._user_write() as con:
            taken = {r[0] for r in con.execute("SELECT id FROM places WHERE id LIKE ?", (place_id + "%",))}
            base, n = place_id, 2
            while place_id in taken:
                place_id, n = f"{base}-{n}", n + 1
            con.execute(
                _USER_INSERT_SQL,
                (
                    place_id,
                    name,
                    name_vi,
                    kind,
                    country,
                    admin1,
                    lat,
                    lon,
                    population,
                    *(box or (None, None, None, None)),
                    0.95,
                    source,
                    None,
                ),
            )
            for alias in [name, *([name_vi] if name_vi else []), *aliases]:
                _insert_alias(con, alias, place_id, primary=alias in (name, name_vi))
        self._connect()
        found = self.get(place_id)
        assert found is not None
        return found

    def _checked(
        self,
        name: str,
        kind: str,
        lat: float,
        lon: float,
        country: str | None,
        name_vi: str | None,
        population: int | None,
        bbox: Sequence[float] | None,
        allow_zero: bool,
    ) -> tuple:
        """The fields of a user place, cleaned; InvalidPlace for the first that is wrong."""
        name = _clean_name(name, "name")
        name_vi = _clean_name(name_vi, "Vietnamese name") if name_vi else None
        if kind not in KINDS:
            raise InvalidPlace(
                "place.unknown_kind",
                "unknown kind {kind!r}: use one of {kinds}",
                kind=kind,
                kinds=", ".join(KINDS),
            )
        lat, lon = _check_point(lat, lon)
        if country is not None:
            country = country.strip().upper() or None
            if country is not None and not re.fullmatch(r"[A-Z]{2}", country):
                raise InvalidPlace(
                    "place.country_code",
                    "country must be a two-letter ISO code, not {country!r}",
                    country=country,
                )
            if country is not None and not self._is_country(country):
                raise InvalidPlace(
                    "place.unknown_country",
                    "unknown country code {country!r} (not an ISO 3166-1 country)",
                    country=country,
                )
        if population is not None:
            _check_population(population)
        box = _check_bbox(bbox) if bbox is not None else None
        if lat == 0 and lon == 0 and not allow_zero:
            raise InvalidPlace(
                "place.zero", "no coordinates: 0,0 is in the ocean (give the latitude and longitude)"
            )
        return name, name_vi, kind, lat, lon, country, box

    def update_place(
        self,
        place_id: str,
        name: str,
        kind: str,
        lat: float,
        lon: float,
        *,
        country: str | None = None,
        name_vi: str | None = None,
        population: int | None = None,
        allow_zero: bool = False,
    ) -> Candidate:
        """Change a place of the user layer (same checks as :meth:`add_place`; its id and its
        other aliases stay); InvalidPlace and nothing written on bad input or an unknown id."""
        old = self.get(place_id)
        if old is None or not place_id.startswith("user:"):
            raise InvalidPlace(
                "place.not_user", "no place of your own with id {place_id!r}", place_id=place_id
            )
        name, name_vi, kind, lat, lon, country, _ = self._checked(
            name, kind, lat, lon, country, name_vi, population, None, allow_zero
        )
        with self._user_write() as con:
            con.execute(
                "UPDATE places SET name = ?, name_vi = ?, kind = ?, country = ?, lat = ?, lon = ?, "
                "population = ? WHERE id = ?",
                (name, name_vi, kind, country, lat, lon, population, place_id),
            )
            # the old own names go (other aliases stay), the new ones come
            con.execute(
                "DELETE FROM aliases WHERE place_id = ? AND name IN (?, ?)",
                (place_id, old.name, old.name_vi or ""),
            )
            for alias in [name, *([name_vi] if name_vi else [])]:
                _insert_alias(con, alias, place_id, primary=True)
        self._connect()
        found = self.get(place_id)
        assert found is not None
        return found

    def delete_place(self, place_id: str) -> list[str]:
        """Remove a place of the user layer and every alias that names it; returns the names it
        answered to (the articles that hold them need extracting again). InvalidPlace for an id
        that is not a user place."""
        if not place_id.startswith("user:") or self.get(place_id) is None:
            raise InvalidPlace(
                "place.not_user", "no place of your own with id {place_id!r}", place_id=place_id
            )
        names = self.aliases_of(place_id)
        with self._user_write() as con:
            con.execute("DELETE FROM aliases WHERE place_id = ?", (place_id,))
            con.execute("DELETE FROM places WHERE id = ?", (place_id,))
        self._connect()
        return names

    def user_aliases(self) -> list[tuple[str, str]]:
        """(name as written, place id) of every alias the user gave a place of the built
        gazetteer (a user place's own names are :meth:`aliases_of`), in the order added."""
        if not self._has_user:
            return []
        with self._lock:
            rows = self._con.execute(
                "SELECT name, place_id FROM user.aliases WHERE flags & ? = 0 AND place_id NOT LIKE 'user:%' "
                "ORDER BY added_at, name",
                (FLAG_FOLDED,),
            ).fetchall()
        return list(dict.fromkeys((name, place_id) for name, place_id in rows))

    def delete_alias(self, name: str, place_id: str) -> None:
        """Remove an alias the user gave a place (its accent-free key too); InvalidPlace when the
        user layer has no such alias."""
        with self._user_write() as con:
            deleted = con.execute(
                "DELETE FROM aliases WHERE name = ? AND place_id = ?", (name, place_id)
            ).rowcount
            if not deleted:
                raise InvalidPlace(
                    "place.no_alias",
                    "no name {name!r} of your own for {place_id!r}",
                    name=name,
                    place_id=place_id,
                )
        self._connect()

    def aliases_of(self, place_id: str) -> list[str]:
        """The names (as written) the user layer gives a place, in the order they were added."""
        if not self._has_user:
            return []
        with self._lock:
            rows = self._con.execute(
                "SELECT name FROM user.aliases WHERE place_id = ? AND flags & ? = 0 ORDER BY added_at, name",
                (place_id, FLAG_FOLDED),
            ).fetchall()
        return list(dict.fromkeys(r[0] for r in rows))

    def _is_country(self, code: str) -> bool:
        """A country of the gazetteer, or an ISO 3166-1 code CLDR knows (not a private-use one)."""
        if self.get(f"country:{code}") is not None:
            return True
        if code in _PRIVATE_CODES or code[0] == "X" or "QM" <= code <= "QZ":
            return False
        from babel import Locale

        return code in Locale("en").territories

    def add_alias(self, name: str, place_id: str) -> Candidate:
        """Let a place answer to one more name (e.g. a Vietnamese spelling)."""
        name = _clean_name(name, "alias")
        place = self.get(place_id)
        if place is None:
            raise InvalidPlace("place.no_id", "no place with id {place_id!r}", place_id=place_id)
        with self._user_write() as con:
            _insert_alias(con, name, place_id, primary=False)
        self._connect()
        return place

    def user_places(self) -> list[Candidate]:
        """Every place of the user layer."""
        if not self._has_user:
            return []
        with self._lock:
            rows = self._con.execute(f"SELECT {_COLS}, 4 FROM user.places p ORDER BY p.name").fetchall()
        return [self._candidate(r) for r in rows]

    def _user_write(self) -> sqlite3.Connection:
        self.user_path.parent.mkdir(parents=True, exist_ok=True)
        con = sqlite3.connect(self.user_path, timeout=10)
        con.executescript(USER_SCHEMA)
        return _Transaction(con)


class _Transaction:
    """``with``: one transaction on the user file, committed on success, then closed."""

    def __init__(self, con: sqlite3.Connection):
        self.con = con

    def __enter__(self) -> sqlite3.Connection:
        self.con.execute("BEGIN IMMEDIATE")
        return self.con

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.con.commit()
        else:
            self.con.rollback()
        self.con.close()


def _insert_alias(con: sqlite3.Connection, name: str, place_id: str, primary: bool) -> None:
    flags = (FLAG_PRIMARY if primary else 0) | (FLAG_VIETNAMESE if looks_vietnamese(name) else 0)
    now = time.strftime("%Y-%m-%dT%H:%M:%S")
    key = name_key(name)
    rows = [(key, place_id, flags, name, now)]
    if fold(key) != key:
        rows.append((fold(key), place_id, flags | FLAG_FOLDED, name, now))
    con.executemany("INSERT OR REPLACE INTO aliases VALUES (?,?,?,?,?)", rows)


def read_only_uri(path: Path) -> str:
    """A read-only SQLite URI of a path, any character in it quoted (``#``, ``?``, ``%`` …)."""
    return Path(path).absolute().as_uri() + "?mode=ro"


# What a name is, in the messages about it.
_WHAT = {w: Message(f"place.what.{w.replace(' ', '_')}", w) for w in ("name", "Vietnamese name", "alias")}


def _clean_name(name: str | None, what: str) -> str:
    if not isinstance(name, str) or not name_key(name):
        raise InvalidPlace("place.empty", "{what} must not be empty", what=_WHAT[what])
    if bad := _CONTROL.search(name):
        raise InvalidPlace(
            "place.control",
            "{what} must not hold control characters (U+{code:04X})",
            what=_WHAT[what],
            code=ord(bad.group()),
        )
    name = nfc(" ".join(name.split()))
    if len(name) > 200:
        raise InvalidPlace("place.too_long", "{what} is longer than 200 characters", what=_WHAT[what])
    return name


def _check_point(lat: float | None, lon: float | None) -> tuple[float, float]:
    if lat is None or lon is None:
        raise InvalidPlace("place.no_coordinates", "no coordinates: give the latitude and longitude")
    try:
        lat, lon = float(lat), float(lon)
    except (TypeError, ValueError):
        raise InvalidPlace(
            "place.not_numbers", "coordinates must be numbers, not {lat!r}, {lon!r}", lat=lat, lon=lon
        ) from None
    if not (math.isfinite(lat) and -90 <= lat <= 90):
        raise InvalidPlace("place.latitude", "latitude must be between -90 and 90, not {lat}", lat=lat)
    if not (math.isfinite(lon) and -180 <= lon <= 180):
        raise InvalidPlace("place.longitude", "longitude must be between -180 and 180, not {lon}", lon=lon)
    return lat, lon


def _check_population(population: object) -> None:
    whole = isinstance(population, int) and not isinstance(population, bool)
    if not whole or not 0 <= population <= MAX_POPULATION:  # type: ignore[operator]
        raise InvalidPlace(
            "place.population",
            "population must be a whole number, 0 to {most:,}, not {population}",
            most=MAX_POPULATION,
            population=population,
        )


def _check_bbox(bbox: Sequence[float]) -> tuple[float, float, float, float]:
    if len(bbox) != 4:
        raise InvalidPlace("place.extent_size", "an extent is four numbers: west, south, east, north")
    west, south = _check_point(bbox[1], bbox[0])[::-1]
    east, north = _check_point(bbox[3], bbox[2])[::-1]
    if west > east or south > north:
        raise InvalidPlace("place.extent_order", "an extent needs west ≤ east and south ≤ north")
    return west, south, east, north
