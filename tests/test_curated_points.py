"""Every curated point lies where its row says it is.

The rows of ``gazetteer/data/cued.csv`` and ``places.csv`` were written by hand. Each is checked
against the open data the gazetteer is built from, so that a point in the wrong place fails here
whoever adds it:

- inside its country's Natural Earth outline (the stored, simplified one), within a tolerance
  that depends on what it is (``tolerance_km``);
- inside the first-level region its ``admin1`` column names (an ISO 3166-2 code), same tolerance;
- inside its own extent when its row gives one (``bbox:``);
- a district (raion, township, amphoe, huyện) or self-administered zone within a plausible
  distance of its seat, when GeoNames has a settlement of that name in its country.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import shapely
from shapely.geometry import Point, shape
from shapely.ops import nearest_points

from events.pipeline import Extractor
from events.reader import article_from_text
from gazetteer import Gazetteer, sources

# The stored outlines are simplified by up to 0.02° (about 2 km): a point on land gets 3 km.
LAND_KM = 3.0
# A border crossing, a border river or dam, a range along a border lies on the line, on either
# side of it.
BORDER_KM = 12.0
# Islands, ports, shoals, straits: Natural Earth 10m drops small islands and cuts coasts (Snake
# Island lies 35 km off Ukraine's coast, Greater Tunb 30 km off Iran's).
SHORE_KM = 40.0
# A district's centre lies within this distance of its seat (raions of 2020 span ~100 km); a
# self-administered zone or division is larger.
SEAT_KM = {"district": 60.0, "zone": 110.0}

# Land a country holds or claims that Natural Earth 10m's outline of it lacks (its edition draws
# the Golan apart, and carries neither the Paracel nor the Spratly islands as Vietnam's, nor Pratas
# and Matsu as Taiwan's, nor Vietnam's Vanguard Bank): a row of that country inside one of these
# extents is inside its country. The first three are the extents of their own curated rows
# (places.csv), the others boxes around the island groups and the bank (Wikipedia).
CLAIM_ROWS = ("curated:spratly-islands", "curated:paracel-islands", "curated:golan-heights")
CLAIM_BOXES = {
    "TW": [(116.6, 20.6, 116.95, 20.8), (119.85, 25.9, 120.55, 26.45)],
    "VN": [(109.3, 7.2, 110.1, 7.9)],
}

SETTLEMENTS = ("city", "town", "village")
BORDER_TYPES = frozenset({"crossing", "river", "dam", "mountains", "mountain", "lake", "temple"})
SHORE_TYPES = frozenset({"island", "islands", "port", "base"})
SHORE_KINDS = frozenset({"island", "shoal", "strait", "peninsula", "gulf"})
BORDER_KINDS = frozenset({"border-area", "river", "landmark"})


@dataclass(frozen=True)
class Row:
    file: str
    id: str
    type: str  # cued.csv's type, or places.csv's kind
    cores: tuple[str, ...]
    country: str
    admin1: str
    lat: float
    lon: float
    geometry: str

    def __str__(self) -> str:
        return f"{self.file}:{self.id}"


def tolerance_km(row: Row) -> float:
    """How far outside its country or region a row's point may fall (see the module's doc)."""
    if row.type in SHORE_TYPES or row.type in SHORE_KINDS:
        return SHORE_KM
    if row.type in BORDER_TYPES or row.type in BORDER_KINDS:
        return BORDER_KM
    return LAND_KM


def curated_rows() -> Iterator[Row]:
    for row in sources.read_curated_places(sources.CUED_PLACES):
        yield Row(
            "cued.csv",
            row["id"],
            row["type"],
            tuple(c.strip() for c in row["core"].split("|") if c.strip()),
            row.get("country", ""),
            row.get("admin1", ""),
            float(row["lat"]),
            float(row["lon"]),
            "",
        )
    for row in sources.read_curated_places(sources.CURATED_PLACES):
        if not row.get("lat") or not row.get("lon"):
            continue  # an amendment of names only
        yield Row(
            "places.csv",
            row["id"],
            row["kind"],
            (),
            row.get("country", ""),
            row.get("admin1", ""),
            float(row["lat"]),
            float(row["lon"]),
            row.get("geometry", ""),
        )


ROWS = list(curated_rows())


def bbox_of(geometry: str) -> tuple[float, float, float, float] | None:
    for part in geometry.split("&"):
        if part.startswith("bbox:"):
            west, south, east, north = (float(v) for v in part[5:].split(","))
            return west, south, east, north
    return None


def claims() -> dict[str, list[tuple[float, float, float, float]]]:
    found = {country: list(boxes) for country, boxes in CLAIM_BOXES.items()}
    for row in ROWS:
        box = bbox_of(row.geometry)
        if row.id in CLAIM_ROWS and box is not None:
            found.setdefault(row.country, []).append(box)
    assert sum(len(b) for b in found.values()) == len(CLAIM_ROWS) + 3
    return found


CLAIMS = claims()


def claimed(row: Row) -> bool:
    return any(w <= row.lon <= e and s <= row.lat <= n for w, s, e, n in CLAIMS.get(row.country, []))


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def km_outside(geometry: shapely.Geometry, lat: float, lon: float) -> float:
    """0 when the point is inside ``geometry``, else its distance to the nearest edge."""
    point = Point(lon, lat)
    if geometry.covers(point):
        return 0.0
    nearest = nearest_points(geometry, point)[0]
    return km(lat, lon, nearest.y, nearest.x)


@pytest.fixture(scope="module")
def outlines(gaz: Gazetteer) -> dict[str, shapely.Geometry]:
    """The stored outline of every country and first-level region a row names."""
    ids = {f"country:{r.country}" for r in ROWS if r.country}
    ids |= {f"admin1:{r.admin1}" for r in ROWS if "-" in r.admin1}
    found = {}
    for place_id in ids:
        text = gaz.geometry_json(place_id)
        if text:
            found[place_id] = shapely.make_valid(shape(json.loads(text)))
    return found


def test_rows_are_read() -> None:
    assert len([r for r in ROWS if r.file == "cued.csv"]) > 250
    assert len([r for r in ROWS if r.file == "places.csv"]) > 100


def test_every_point_is_inside_its_country(outlines: dict[str, shapely.Geometry]) -> None:
    bad = []
    for row in ROWS:
        if not row.country:
            continue
        outline = outlines.get(f"country:{row.country}")
        if outline is None:
            bad.append(f"{row}: no outline for country {row.country}")
            continue
        off = km_outside(outline, row.lat, row.lon)
        if off > tolerance_km(row) and not claimed(row):
            bad.append(f"{row}: {off:.0f} km outside {row.country} (tolerance {tolerance_km(row):.0f})")
    assert not bad, "\n".join(bad)


def test_every_point_is_inside_the_admin1_it_names(outlines: dict[str, shapely.Geometry]) -> None:
    bad = []
    for row in ROWS:
        if not row.admin1:
            continue
        if not row.admin1.startswith(f"{row.country}-"):
            bad.append(f"{row}: admin1 {row.admin1!r} is not an ISO 3166-2 code of {row.country}")
            continue
        outline = outlines.get(f"admin1:{row.admin1}")
        if outline is None:
            bad.append(f"{row}: no first-level region admin1:{row.admin1}")
            continue
        off = km_outside(outline, row.lat, row.lon)
        if off > tolerance_km(row):
            bad.append(f"{row}: {off:.0f} km outside {row.admin1} (tolerance {tolerance_km(row):.0f})")
    assert not bad, "\n".join(bad)


def test_every_point_is_inside_its_own_extent() -> None:
    bad = []
    for row in ROWS:
        box = bbox_of(row.geometry)
        if box is not None and not (box[0] <= row.lon <= box[2] and box[1] <= row.lat <= box[3]):
            bad.append(f"{row}: point {row.lat}, {row.lon} outside its extent {box}")
    assert not bad, "\n".join(bad)


def test_districts_lie_near_their_seat(gaz: Gazetteer) -> None:
    bad = []
    checked = 0
    for row in ROWS:
        limit = SEAT_KM.get(row.type)
        if limit is None:
            continue
        seats = [
            c
            for core in row.cores
            for c in gaz.lookup(core, countries=[row.country], limit=50)
            if c.id.startswith("geonames:") and c.kind in SETTLEMENTS and c.country == row.country
        ]
        if not seats:
            continue  # GeoNames has no settlement of that name: nothing to check against
        checked += 1
        nearest = min(km(row.lat, row.lon, s.lat, s.lon) for s in seats)
        if nearest > limit:
            names = ", ".join(f"{s.name} {s.lat:.3f},{s.lon:.3f}" for s in seats[:3])
            bad.append(f"{row}: {nearest:.0f} km from its seat ({names}; limit {limit:.0f})")
    assert checked > 50
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("path", [sources.CUED_PLACES, sources.CURATED_PLACES])
def test_every_row_names_its_source(path: Path) -> None:
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    assert all(r["source"].strip() for r in rows)


# Towns GeoNames lists without a population (absent from cities500) and districts no package
# carries, named as the Vietnamese press names them (own sentences): each is found in its
# country and within a few kilometres of its source's point, none is left unresolved.
@pytest.mark.parametrize(
    ("text", "surface", "place_id", "lat", "lon"),
    [
        (
            "Quân đội Arakan tuyên bố kiểm soát thị trấn Maungdaw sát biên giới Bangladesh.",
            "Maungdaw",
            "curated:maungdaw",
            20.817,
            92.367,
        ),
        (
            "Giao tranh lan tới thị trấn Rathedaung và Minbya ở bang Rakhine.",
            "Minbya",
            "curated:minbya",
            20.362,
            93.273,
        ),
        (
            "Hàng chục nghìn người rời El-Fasher, dựng lều ở thị trấn Tawila, Bắc Darfur.",
            "Tawila",
            "curated:tawila",
            13.517,
            24.867,
        ),
        (
            "Một cuộc không kích nhằm vào làng Deir Mimas ở miền nam Li Băng.",
            "Deir Mimas",
            "curated:deir-mimas",
            33.302,
            35.545,
        ),
        (
            "Xe bom phát nổ gần chốt kiểm soát ở quận Bajaur, tây bắc Pakistan.",
            "Bajaur",
            "curated:bajaur-district",
            34.683,
            71.500,
        ),
        (
            "Hai bên ngừng bắn tại khu vực Na-go-rơ-nưi Ca-ra-bắc từ trưa nay.",
            "Na-go-rơ-nưi Ca-ra-bắc",
            "curated:nagorno-karabakh",
            39.92,
            46.82,
        ),
        (
            "Xe tăng Israel tiến vào thị trấn Abasan al-Kabira ở phía đông Khan Younis.",
            "Abasan al-Kabira",
            "geonames:281165",
            31.319,
            34.340,
        ),
        (
            "Quân đội Myanmar không kích thị trấn Nawnghkio ở bắc bang Shan.",
            "Nawnghkio",
            "curated:nawnghkio",
            22.317,
            96.800,
        ),
        (
            "Giao tranh nổ ra tại quận Mutraw, bang Kayin, hàng nghìn người chạy sang Thái Lan.",
            "Mutraw",
            "curated:hpapun-district",
            18.065,
            97.445,
        ),
        (
            "Pháo binh Israel pháo kích vào làng Maroun al-Ras ở miền nam Li Băng.",
            "Maroun al-Ras",
            "curated:maroun-al-ras",
            33.081,
            35.422,
        ),
        (
            "Một máy bay không người lái tấn công một chiếc xe máy ở ngoại ô Marwahin, sát biên giới.",
            "Marwahin",
            "curated:marwahin",
            33.109,
            35.276,
        ),
        (
            "Giao tranh ác liệt diễn ra quanh làng Aita al-Shaab sát biên giới Israel - Li Băng.",
            "Aita al-Shaab",
            "curated:ayta-ash-shab",
            33.097,
            35.334,
        ),
        (
            "Một tòa nhà ở thị trấn Jwaya, phía đông thành phố Tyre, bị san phẳng sau cuộc không kích.",
            "Jwaya",
            "curated:jwaya",
            33.233,
            35.333,
        ),
        (
            "Máy bay không người lái Israel bắn tên lửa vào một ô tô ở thị trấn Al-Doueir gần Nabatieh.",
            "Al-Doueir",
            "curated:doueir",
            33.386,
            35.414,
        ),
        (
            "Không kích đánh trúng khu lều trại của người sơ tán ở al-Mawasi, phía tây Khan Younis.",
            "al-Mawasi",
            "curated:al-mawasi",
            31.329,
            34.230,
        ),
        (
            "Hàng trăm nghìn người dồn về vùng ven biển Mawasi ở nam Dải Gaza.",
            "Mawasi",
            "curated:al-mawasi",
            31.329,
            34.230,
        ),
        (
            "Binh sĩ hai nước đấu súng gần Prasat Ta Kwai trên biên giới Thái Lan - Campuchia.",
            "Prasat Ta Kwai",
            "curated:ta-krabey",
            14.353,
            103.373,
        ),
        (
            "Du khách vẫn đổ về Angkor Wat dù giao tranh ở biên giới phía bắc.",
            "Angkor Wat",
            "curated:angkor-wat",
            13.412,
            103.867,
        ),
    ],
)
def test_missing_towns_are_found_where_their_source_puts_them(
    gaz: Gazetteer, text: str, surface: str, place_id: str, lat: float, lon: float
) -> None:
    out = Extractor(gaz).extract(article_from_text(text, published="2025-06-01"))
    found = [p for p in out["places"] if p["surface"] == surface]
    assert found, (out["places"], out["unresolved"])
    assert found[0]["place_id"] == place_id
    assert km(found[0]["lat"], found[0]["lon"], lat, lon) < 2
