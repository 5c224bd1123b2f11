"""Vietnamese exonyms, short forms and transcriptions of the press resolve to the right place.

The table mixes names that come from ``gazetteer/data/aliases.csv`` with names that CLDR
and GeoNames already give. Coordinates are the places' own (Wikipedia), not the
gazetteer's, so a wrong GeoNames id behind an alias would fail here.
"""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from gazetteer.sources import read_curated_aliases
from gazetteer.store import haversine_km

MAX_KM = 25.0

# name -> expected ISO country code
COUNTRIES = [
    # aliases.csv
    ("Mỹ", "US"),
    ("nước Mỹ", "US"),
    ("Mĩ", "US"),
    ("Hoa Kì", "US"),
    ("Anh", "GB"),
    ("Anh Quốc", "GB"),
    ("Trung Hoa", "CN"),
    ("Bắc Triều Tiên", "KP"),
    ("CHDCND Triều Tiên", "KP"),
    ("Nam Triều Tiên", "KR"),
    ("Đại Hàn Dân Quốc", "KR"),
    ("Trung Hoa Dân Quốc", "TW"),
    ("CHDCND Lào", "LA"),
    ("Arab Saudi", "SA"),
    ("UAE", "AE"),
    ("Các Tiểu vương quốc Arab Thống nhất", "AE"),
    ("Italia", "IT"),
    ("CH Séc", "CZ"),
    ("Thụy Sỹ", "CH"),
    ("Pa-le-xtin", "PS"),
    ("Miến Điện", "MM"),
    ("Cam-pu-chia", "KH"),
    ("Ma-lai-xi-a", "MY"),
    ("U-crai-na", "UA"),
    ("Bê-la-rút", "BY"),
    ("Môn-đô-va", "MD"),
    ("Ca-dắc-xtan", "KZ"),
    ("Gru-di-a", "GE"),
    ("A-déc-bai-gian", "AZ"),
    ("Ác-mê-ni-a", "AM"),
    ("I-rắc", "IQ"),
    ("Xy-ri", "SY"),
    ("Li-bi", "LY"),
    ("Xu-đăng", "SD"),
    ("Nam Xu-đăng", "SS"),
    ("Vê-nê-xu-ê-la", "VE"),
    ("Cu-ba", "CU"),
    ("I-xra-en", "IL"),
    ("Áp-ga-ni-xtan", "AF"),
    ("Pa-ki-xtan", "PK"),
    ("CHDC Congo", "CD"),
    ("Macedonia", "MK"),
    ("Hương Cảng", "HK"),
    # CLDR / Natural Earth names, already there
    ("Hoa Kỳ", "US"),
    ("Vương quốc Anh", "GB"),
    ("Ukraine", "UA"),
    ("Ukraina", "UA"),
    ("Triều Tiên", "KP"),
    ("Hàn Quốc", "KR"),
    ("Ả Rập Xê Út", "SA"),
    ("Saudi Arabia", "SA"),
    ("Các Tiểu vương quốc Ả Rập Thống nhất", "AE"),
    ("Ý", "IT"),
    ("Úc", "AU"),
    ("Australia", "AU"),
    ("Séc", "CZ"),
    ("Hà Lan", "NL"),
    ("Thụy Sĩ", "CH"),
    ("Thụy Điển", "SE"),
    ("Ấn Độ", "IN"),
    ("Ai Cập", "EG"),
    ("Palestine", "PS"),
    ("Myanmar", "MM"),
    ("Campuchia", "KH"),
    ("Lào", "LA"),
    ("Philippines", "PH"),
    ("Indonesia", "ID"),
    ("Đông Timor", "TL"),
    ("Belarus", "BY"),
    ("Gruzia", "GE"),
    ("Liban", "LB"),
    ("Li-băng", "LB"),
    ("Thổ Nhĩ Kỳ", "TR"),
    ("Hồng Kông", "HK"),
]

# name -> (country, latitude, longitude) of the town it means
CITIES = [
    # aliases.csv
    ("Mát-xcơ-va", "RU", 55.7558, 37.6173),
    ("Oa-sinh-tơn", "US", 38.9072, -77.0369),
    ("Niu Oóc", "US", 40.7128, -74.0060),
    ("Béc-lin", "DE", 52.5200, 13.4050),
    ("Rô-ma", "IT", 41.9028, 12.4964),
    ("Brúc-xen", "BE", 50.8503, 4.3517),
    ("Giơ-ne-vơ", "CH", 46.2044, 6.1432),
    ("La Hay", "NL", 52.0705, 4.3007),
    ("Vác-sa-va", "PL", 52.2297, 21.0122),
    ("Min-xcơ", "BY", 53.9006, 27.5590),
    ("Ki-si-nhốp", "MD", 47.0105, 28.8638),
    ("Xanh Pê-téc-bua", "RU", 59.9311, 30.3609),
    ("Đô-nét-xcơ", "UA", 48.0159, 37.8029),
    ("Lu-gan-xcơ", "UA", 48.5740, 39.3078),
    ("Khác-cốp", "UA", 49.9935, 36.2304),
    ("Ma-ri-u-pôn", "UA", 47.0971, 37.5434),
    ("Ô-đét-xa", "UA", 46.4825, 30.7233),
    ("Khéc-xôn", "UA", 46.6354, 32.6169),
    ("Zaporizhia", "UA", 47.8388, 35.1396),
    ("Xê-va-xtô-pôn", "UA", 44.6167, 33.5254),
    ("Ba-cu", "AZ", 40.4093, 49.8671),
    ("Ê-rê-van", "AM", 40.1792, 44.4991),
    ("Tbi-li-xi", "GE", 41.7151, 44.8271),
    ("An-ca-ra", "TR", 39.9334, 32.8597),
    ("Ix-tan-bun", "TR", 41.0082, 28.9784),
    ("Tê-hê-ran", "IR", 35.6892, 51.3890),
    ("Bát-đa", "IQ", 33.3152, 44.3661),
    ("Mô-xun", "IQ", 36.3400, 43.1300),
    ("Đa-mát", "SY", 33.5138, 36.2765),
    ("A-lép-pô", "SY", 36.2021, 37.1343),
    ("Bê-rút", "LB", 33.8938, 35.5018),
    ("Giê-ru-xa-lem", "IL", 31.7683, 35.2137),
    ("Ten A-víp", "IL", 32.0853, 34.7818),
    ("Bêlem", "PS", 31.7054, 35.2024),
    ("Thành phố Gaza", "PS", 31.5017, 34.4668),
    ("Deir al-Balah", "PS", 31.4181, 34.3517),
    ("Ri-át", "SA", 24.7136, 46.6753),
    ("Xa-na-a", "YE", 15.3694, 44.1910),
    ("Hodeidah", "YE", 14.7978, 42.9545),
    ("Cai-rô", "EG", 30.0444, 31.2357),
    ("Ca-bun", "AF", 34.5553, 69.2075),
    ("Ixlamabat", "PK", 33.6844, 73.0479),
    ("Niu Đê-li", "IN", 28.6139, 77.2090),
    ("Xơ-un", "KR", 37.5665, 126.9780),
    ("Tô-ky-ô", "JP", 35.6762, 139.6503),
    ("Băng Cốc", "TH", 13.7563, 100.5018),
    ("Gia-các-ta", "ID", -6.2088, 106.8456),
    ("Khai Thành", "KP", 37.9707, 126.5547),
    ("Luông Pha Băng", "LA", 19.8856, 102.1347),
    # GeoNames names and alternate names, already there
    ("Matxcơva", "RU", 55.7558, 37.6173),
    ("Bắc Kinh", "CN", 39.9042, 116.4074),
    ("Washington", "US", 38.9072, -77.0369),
    ("Luân Đôn", "GB", 51.5074, -0.1278),
    ("Pa-ri", "FR", 48.8566, 2.3522),
    ("Kiev", "UA", 50.4501, 30.5234),
    ("Kyiv", "UA", 50.4501, 30.5234),
    ("Ki-ép", "UA", 50.4501, 30.5234),
    ("Baghdad", "IQ", 33.3152, 44.3661),
    ("Damascus", "SY", 33.5138, 36.2765),
    ("Jerusalem", "IL", 31.7683, 35.2137),
    ("Tel Aviv", "IL", 32.0853, 34.7818),
    ("Beirut", "LB", 33.8938, 35.5018),
    ("Baku", "AZ", 40.4093, 49.8671),
    ("Yerevan", "AM", 40.1792, 44.4991),
    ("Tbilisi", "GE", 41.7151, 44.8271),
    ("Ankara", "TR", 39.9334, 32.8597),
    ("Istanbul", "TR", 41.0082, 28.9784),
    ("Bình Nhưỡng", "KP", 39.0392, 125.7625),
    ("Pyongyang", "KP", 39.0392, 125.7625),
    ("Seoul", "KR", 37.5665, 126.9780),
    ("Tokyo", "JP", 35.6762, 139.6503),
    ("Đài Bắc", "TW", 25.0330, 121.5654),
    ("Thượng Hải", "CN", 31.2304, 121.4737),
    ("Manila", "PH", 14.5995, 120.9842),
    ("Bangkok", "TH", 13.7563, 100.5018),
    ("Viêng Chăn", "LA", 17.9757, 102.6331),
    ("Phnôm Pênh", "KH", 11.5564, 104.9282),
    ("Jakarta", "ID", -6.2088, 106.8456),
    ("Kabul", "AF", 34.5553, 69.2075),
    ("Cairo", "EG", 30.0444, 31.2357),
    ("Riyadh", "SA", 24.7136, 46.6753),
    ("Đô-ha", "QA", 25.2854, 51.5310),
    ("Donetsk", "UA", 48.0159, 37.8029),
    ("Luhansk", "UA", 48.5740, 39.3078),
    ("Lugansk", "UA", 48.5740, 39.3078),
    ("Kharkov", "UA", 49.9935, 36.2304),
    ("Kharkiv", "UA", 49.9935, 36.2304),
    ("Mariupol", "UA", 47.0971, 37.5434),
    ("Odessa", "UA", 46.4825, 30.7233),
    ("Odesa", "UA", 46.4825, 30.7233),
    ("Kherson", "UA", 46.6354, 32.6169),
    ("Zaporizhzhia", "UA", 47.8388, 35.1396),
    ("Zaporozhye", "UA", 47.8388, 35.1396),
    ("Bakhmut", "UA", 48.5956, 38.0003),
    ("Artemovsk", "UA", 48.5956, 38.0003),
    ("Avdiivka", "UA", 48.1394, 37.7497),
    ("Belgorod", "RU", 50.5997, 36.5983),
    ("Kursk", "RU", 51.7373, 36.1874),
    ("Sevastopol", "UA", 44.6167, 33.5254),
    ("Aleppo", "SY", 36.2021, 37.1343),
    ("Idlib", "SY", 35.9306, 36.6339),
    ("Mosul", "IQ", 36.3400, 43.1300),
    ("Kandahar", "AF", 31.6289, 65.7372),
    ("Rafah", "PS", 31.2968, 34.2435),
    ("Khan Younis", "PS", 31.3462, 34.3063),
    ("Gaza City", "PS", 31.5017, 34.4668),
    ("Sanaa", "YE", 15.3694, 44.1910),
]


def km(candidate, lat: float, lon: float) -> float:
    return haversine_km(candidate.lat, candidate.lon, lat, lon)


@pytest.mark.parametrize(("name", "country"), COUNTRIES)
def test_country_names(gaz: Gazetteer, name: str, country: str) -> None:
    best = gaz.best(name)
    assert best is not None, f"{name!r} not found"
    assert (best.kind, best.country) == ("country", country), f"{name!r} -> {best.id} {best.name}"


@pytest.mark.parametrize(("name", "country", "lat", "lon"), CITIES)
def test_city_names(gaz: Gazetteer, name: str, country: str, lat: float, lon: float) -> None:
    best = gaz.best(name)
    assert best is not None, f"{name!r} not found"
    assert best.kind in ("city", "town", "village"), f"{name!r} -> {best.id} {best.name} ({best.kind})"
    assert best.country == country, f"{name!r} -> {best.id} {best.name} in {best.country}"
    off = km(best, lat, lon)
    assert off < MAX_KM, f"{name!r} -> {best.id} {best.name} is {off:.0f} km off"


def test_congo_offers_both_countries(gaz: Gazetteer) -> None:
    found = gaz.lookup("Congo", limit=2)
    assert {c.id for c in found} == {"country:CD", "country:CG"}
    assert gaz.best("Congo", countries=["CG"]).id == "country:CG"


def test_every_curated_alias_is_its_places_best_answer(gaz: Gazetteer) -> None:
    """Each name of aliases.csv answers first with (one of) the places it was written for."""
    wanted: dict[str, set[str]] = {}
    for row in read_curated_aliases():
        wanted.setdefault(row["name"], set()).add(row["place_id"])
    wrong = {}
    for name, ids in wanted.items():
        best = gaz.best(name)
        if best is None or best.id not in ids:
            wrong[name] = best.id if best else None
    assert not wrong, wrong


@pytest.mark.parametrize(
    ("text", "surface", "place_id"),
    [
        ("Ngoại trưởng Nga đã tới Oasinhtơn hôm qua để hội đàm.", "Oasinhtơn", "geonames:4140963"),
        ("Phái đoàn Ukraine đến Mátxcơva sáng 3/10.", "Mátxcơva", "geonames:524901"),
        ("Tàu hàng bị tấn công ở eo biển Bab el-Mandeb.", "eo biển Bab el-Mandeb", "curated:bab-el-mandeb"),
    ],
)
def test_the_extractor_finds_what_lookup_finds(
    gaz: Gazetteer, text: str, surface: str, place_id: str
) -> None:
    """Spellings found through a fallback key of ``search_keys`` (no hyphens or spaces) are found
    in text too: the extractor's key check uses the same keys as the lookup."""
    from events.pipeline import Extractor
    from events.reader import article_from_text

    assert gaz.best(surface).id == place_id
    out = Extractor(gaz).extract(article_from_text(text, published="2024-02-25"))
    assert (surface, place_id) in {(p["surface"], p["place_id"]) for p in out["places"]}
