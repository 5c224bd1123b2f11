"""First-level regions, seas, straits, shoals, macro-regions and landmarks; weak names; ranking.

Coordinates in the tables are the places' own (Wikipedia), not the gazetteer's: a wrong row or
a wrong Natural Earth unit behind a name fails here.
"""

from __future__ import annotations

import sqlite3

import pytest

from gazetteer import Gazetteer
from gazetteer.__main__ import main
from gazetteer.build import name_rows
from gazetteer.cues import split_cue
from gazetteer.sources import PlaceRecord, is_weak_name, read_vietnamese_syllables
from gazetteer.store import haversine_km
from gazetteer.textnorm import search_keys

# name as the press writes it -> (kind, country, lat, lon, km): the place must lie within km
ADMIN1 = [
    ("bang Kachin", "MM", 25.8, 97.4, 150),
    ("bang Shan", "MM", 21.5, 98.0, 200),
    ("vùng Sagaing", "MM", 24.0, 95.5, 250),
    ("tỉnh Zaporizhzhia", "UA", 47.5, 35.7, 100),
    ("tỉnh Kherson", "UA", 46.6, 33.5, 100),
    ("tỉnh Donetsk", "UA", 48.0, 37.8, 100),
    ("tỉnh Kharkiv", "UA", 49.5, 36.5, 100),
    ("Nam Darfur", "SD", 11.5, 24.8, 200),
    ("bang Tây Darfur", "SD", 13.0, 22.5, 200),
    ("tỉnh Battambang", "KH", 13.0, 103.0, 80),
    ("tỉnh Kampot", "KH", 10.8, 104.3, 80),
    ("tỉnh Idlib", "SY", 35.8, 36.6, 80),
    ("tỉnh Nineveh", "IQ", 36.3, 42.5, 200),
    ("tỉnh Kursk", "RU", 51.7, 36.2, 150),
    ("bang Rakhine", "MM", 19.5, 94.0, 250),
    ("tỉnh Raqqa", "SY", 35.9, 39.0, 150),
    ("tỉnh Anbar", "IQ", 33.4, 42.5, 300),  # Al Anbar: the Arabic article dropped
    ("tỉnh Hasakah", "SY", 36.5, 40.8, 150),
    ("tỉnh Sistan-Baluchestan", "IR", 28.0, 60.5, 400),  # "Sistan and Baluchestan"
    ("tỉnh Hodeidah", "YE", 15.0, 43.1, 100),
    ("bang Karen", "MM", 17.5, 97.7, 150),
]

FEATURES = [
    ("Biển Đen", "sea", 43.4, 34.0),
    ("Biển Đỏ", "sea", 20.0, 38.5),
    ("Biển Đông", "sea", 12.0, 113.0),
    ("Địa Trung Hải", "sea", 35.0, 18.0),
    ("biển Azov", "sea", 46.1, 36.8),
    ("vịnh Aden", "gulf", 12.5, 48.0),
    ("vịnh Ba Tư", "gulf", 26.5, 52.0),
    ("eo biển Hormuz", "strait", 26.57, 56.25),
    ("eo biển Bab el-Mandeb", "strait", 12.58, 43.33),
    ("eo biển Đài Loan", "strait", 24.0, 119.5),
    ("Đại Tây Dương", "ocean", 25.0, -40.0),
    ("Thái Bình Dương", "ocean", 0.0, -160.0),
    ("Ấn Độ Dương", "ocean", -15.0, 75.0),
    ("bãi Cỏ Mây", "shoal", 9.73, 115.87),
    ("bãi cạn Scarborough", "shoal", 15.15, 117.76),
    ("Trung Đông", "region", 29.0, 42.0),
    ("Trung Á", "region", 42.0, 64.0),
    ("Bắc Phi", "region", 27.0, 12.0),
    ("Đông Âu", "region", 50.0, 25.0),
    ("Sahel", "region", 15.0, 0.0),
    ("dải Gaza", "region", 31.42, 34.37),
    ("Bờ Tây", "region", 31.95, 35.25),
    ("Cao nguyên Golan", "region", 33.0, 35.75),
    ("cửa khẩu Rafah", "landmark", 31.247, 34.259),
    ("cầu Crimea", "landmark", 45.31, 36.51),
    ("nhà máy điện hạt nhân Zaporizhzhia", "landmark", 47.512, 34.586),
    ("sông Dnipro", "river", 46.8, 33.3),
    ("bán đảo Sinai", "peninsula", 29.5, 33.8),
    ("sông Donets", "river", 48.9, 37.8),
    ("sông Aras", "river", 39.15, 46.94),
    ("đảo Phú Lâm", "island", 16.834, 112.339),
    ("bãi Tư Chính", "shoal", 7.53, 109.73),
    ("thành phố Thụy Lệ", "city", 24.01, 97.85),
    ("đảo Luzon", "island", 16.0, 121.0),
    ("sân bay Goma", "landmark", -1.67, 29.24),
    ("căn cứ không quân Al Udeid", "landmark", 25.117, 51.315),
    ("vịnh Bengal", "gulf", 15.0, 88.0),
    ("sân bay Hostomel", "landmark", 50.604, 30.192),
    ("căn cứ không quân Ain al-Asad", "landmark", 33.8, 42.44),
]


@pytest.mark.parametrize(("name", "country", "lat", "lon", "km"), ADMIN1)
def test_first_level_regions(
    gaz: Gazetteer, name: str, country: str, lat: float, lon: float, km: float
) -> None:
    best = gaz.best(name)
    assert best is not None, f"{name!r} not found"
    assert (best.kind, best.country) == ("admin1", country), (
        f"{name!r} -> {best.id} {best.name} ({best.kind})"
    )
    assert haversine_km(lat, lon, best.lat, best.lon) < km
    assert best.geometry["type"] in ("Polygon", "MultiPolygon")
    assert best.contains(lat, lon)


def test_the_cue_chooses_between_the_oblast_and_the_city(gaz: Gazetteer) -> None:
    oblast = gaz.best("tỉnh Zaporizhzhia")
    city = gaz.best("thành phố Zaporizhzhia")
    assert oblast is not None and oblast.kind == "admin1"
    assert city is not None and city.kind == "city" and city.country == "UA"
    assert gaz.best("Zaporizhzhia").kind == "city"  # bare: the city, the press's usual meaning
    assert city.admin1 == oblast.admin1  # a town carries its region's code


def test_lookup_many_reads_cues_as_lookup_does(gaz: Gazetteer) -> None:
    names = ["tỉnh Kherson", "thành phố Kherson", "bang Kachin"]
    many = gaz.lookup_many(names)
    for name in names:
        assert [c.id for c in many[name]] == [c.id for c in gaz.lookup(name, limit=None)]


def test_split_cue() -> None:
    assert split_cue("tỉnh Zaporizhzhia") == ("Zaporizhzhia", frozenset({"admin1"}))
    assert split_cue("Thành phố Kherson")[0] == "Kherson"
    assert split_cue("nhà máy điện hạt nhân Zaporizhzhia")[0] == "Zaporizhzhia"
    assert split_cue("tỉnh") is None and split_cue("Kherson") is None


def test_every_country_has_regions_with_outlines(gaz: Gazetteer) -> None:
    with sqlite3.connect(f"file:{gaz.path}?mode=ro", uri=True) as con:
        rows = con.execute(
            "SELECT country, COUNT(*), SUM(geometry IS NULL), SUM(west IS NULL), SUM(country IS NULL) "
            "FROM places WHERE kind = 'admin1' GROUP BY country"
        ).fetchall()
    counts = {r[0]: r[1] for r in rows}
    assert sum(counts.values()) > 4000 and len(counts) > 190
    assert counts["UA"] >= 25 and counts["MM"] >= 14 and counts["SD"] >= 17
    assert all(r[2] == 0 and r[3] == 0 and r[4] == 0 for r in rows)


def test_no_region_extent_spans_the_world(gaz: Gazetteer) -> None:
    """Units across the antimeridian (Kiribati's Line Islands) keep the extent of their main part."""
    with sqlite3.connect(f"file:{gaz.path}?mode=ro", uri=True) as con:
        wide = con.execute(
            "SELECT id FROM places WHERE kind = 'admin1' AND east - west > 180 AND country != 'AQ'"
        ).fetchall()
    assert wide == []
    assert gaz.reverse(0.0, -140.0)["regions"] == []


@pytest.mark.parametrize(("name", "kind", "lat", "lon"), FEATURES)
def test_seas_straits_shoals_regions_landmarks(
    gaz: Gazetteer, name: str, kind: str, lat: float, lon: float
) -> None:
    best = gaz.best(name)
    assert best is not None, f"{name!r} not found"
    assert best.kind == kind, f"{name!r} -> {best.id} ({best.kind})"
    assert haversine_km(lat, lon, best.lat, best.lon) < 100


def test_indian_ocean_is_not_india(gaz: Gazetteer) -> None:
    assert gaz.best("Ấn Độ Dương").id == "curated:indian-ocean"
    assert gaz.best("Ấn Độ").id == "country:IN"


def test_a_region_named_by_common_words_needs_its_cue(gaz: Gazetteer) -> None:
    """Sudan's and Egypt's Red Sea states ("Biển Đỏ" in Natural Earth), Israel's Central district,
    Iceland's Capital region ("Thủ đô"), Fiji's Central ("Trung tâm"): the sea keeps its name and
    the common words name no region without a cue."""
    found = gaz.lookup("Biển Đỏ", limit=None)
    assert found[0].id == "curated:red-sea" and not found[0].weak
    assert all(c.kind != "admin1" for c in found)
    for words in ("Red Sea", "Central", "Thủ đô", "Trung tâm", "Trung Ương"):
        assert all(c.kind != "admin1" for c in gaz.lookup(words, limit=None)), words
    assert gaz.best("bang Red Sea").kind == "admin1"


# ---- ranking: current over historical names, own names over alternates -------------------------

RANKING = [
    ("Pokrovsk", None, "geonames:704422"),  # not Engels (Pokrovsk until 1931)
    ("Pokrovsk", "UA", "geonames:704422"),
    ("Islamabad", None, "geonames:1176615"),  # not Chattogram
    ("Tokmak", None, "geonames:691469"),  # not Tokmok, Kyrgyzstan
    ("Nazareth", None, "geonames:294098"),  # not Nazrēt (Adama), Ethiopia
    ("Sloviansk", None, "geonames:693468"),  # not Nikopol
    ("Bethlehem", None, "geonames:284315"),  # the West Bank's
    ("Odessa", None, "geonames:698740"),  # not Odessa, Texas
]


@pytest.mark.parametrize(("name", "country", "place_id"), RANKING)
def test_current_and_own_names_rank_first(
    gaz: Gazetteer, name: str, country: str | None, place_id: str
) -> None:
    best = gaz.best(name, countries=[country] if country else None)
    assert best is not None and best.id == place_id, f"{name!r} -> {best.id if best else None}"


def test_cli_pokrovsk_with_and_without_country(capsys: pytest.CaptureFixture, gaz: Gazetteer) -> None:
    for extra in ([], ["--country", "UA"]):
        assert (
            main(["--db", str(gaz.path), "--user-db", str(gaz.user_path), "lookup", "Pokrovsk", *extra]) == 0
        )
        first = capsys.readouterr().out.splitlines()[0]
        assert "geonames:704422" in first and "[town, UA]" in first


# ---- weak names ---------------------------------------------------------------------------------


def test_weak_names_rule() -> None:
    syllables = read_vietnamese_syllables()
    assert len(syllables) > 5000 and {"khi", "hai", "ba", "cả"} <= syllables
    for weak in ("KHI", "KN", "SPB", "N.Y.", "Khi", "Hai", "Ba", "kn", "mskw", "Tos"):
        assert is_weak_name(weak, syllables), weak
    for strong in ("Karachi", "Kharkiv", "Hamm", "Bath", "Zaporizhzhia", "Hai Phong", "St. Petersburg"):
        assert not is_weak_name(strong, syllables), strong


@pytest.mark.parametrize(
    ("name", "far_town"), [("Khi", "Karachi"), ("KN", "Cannes"), ("Ba", "Bath"), ("Hai", "Three Rivers")]
)
def test_codes_and_syllables_reach_far_towns_only_weakly(gaz: Gazetteer, name: str, far_town: str) -> None:
    found = gaz.lookup(name, limit=None)
    far = [c for c in found if c.name == far_town]
    assert far and all(c.weak for c in far)
    # the town whose own name it is, when there is one, ranks before the far town
    own = [c for c in found if not c.weak]
    if own:
        assert found.index(own[0]) < found.index(far[0])


def test_primary_cldr_and_curated_names_are_never_weak(gaz: Gazetteer) -> None:
    for name in ("Nga", "Mỹ", "Anh", "Ba Lan", "Terter", "Biển Đen"):
        assert not gaz.best(name).weak, name
    ba = [c for c in gaz.lookup("Ba", limit=None) if c.name == "Ba"]
    assert ba and not any(c.weak for c in ba)


def test_a_key_is_weak_only_when_every_name_behind_it_is() -> None:
    place = PlaceRecord(
        id="x",
        name="Ba",
        kind="town",
        lat=0,
        lon=0,
        source="t",
        names=["Ba", "BA", "Bà"],
        weak_names={"BA", "Bà"},
    )
    flags = {key: f for key, _, f in name_rows(1, place)}
    assert not flags["ba"] & 8  # "Ba" its own name
    assert flags["bà"] & 8


# ---- keys ---------------------------------------------------------------------------------------


def test_search_keys() -> None:
    assert search_keys("Oa-sinh-tơn")[:2] == ("oa sinh tơn", "oasinhtơn")
    assert "oasinhtơn" in search_keys("Oasinhtơn")
    assert "chisinau" in search_keys("Chişinău")
    assert search_keys("Cả") == ("cả",)  # one Vietnamese word keeps its accents
    assert "odai" not in search_keys("ở Dải")  # no key both without accents and without spaces
    assert search_keys("") == ()


@pytest.mark.parametrize(
    ("variant", "canonical"),
    [
        ("Oasinhtơn", "Oa-sinh-tơn"),
        ("Mátxcơva", "Mát-xcơ-va"),
        ("Matxcova", "Mát-xcơ-va"),
        ("Zaporizhzhia", "Zaporizhzhia"),
    ],
)
def test_spacing_variants_find_the_same_place(gaz: Gazetteer, variant: str, canonical: str) -> None:
    assert gaz.best(variant).id == gaz.best(canonical).id


def test_name_keys_hold_every_search_key_of_stored_names(gaz: Gazetteer) -> None:
    known = gaz.name_keys()
    for name in ("Mátxcơva", "Oasinhtơn", "Oa sinh tơn", "Thuong Karabakh", "Zaporizhzhia", "bang Kachin"):
        found = gaz.lookup(name)
        assert found, name
        assert any(k in known for k in search_keys(name)) or found[0].kind == "admin1", name


def test_display_names_are_the_press_spelling(gaz: Gazetteer) -> None:
    kharkiv = gaz.best("Kharkiv", countries=["UA"])
    assert kharkiv.kind == "city" and (kharkiv.name_vi or kharkiv.name) == "Kharkiv"
    assert gaz.get("admin1:UA-23").name_vi == "Zaporizhzhia"
    assert gaz.get("geonames:1816670").name_vi == "Bắc Kinh"  # a Vietnamese name stays


def test_regions_named_by_a_vietnamese_word_need_their_cue(gaz: Gazetteer) -> None:
    """Burkina Faso's Tuy, Somalia's Bay, Myanmar's Mon: a region stands alone in text, so a name
    that is a Vietnamese syllable or a code is stored only with its cue."""
    assert gaz.best("bang Mon").id == "admin1:MM-15"
    assert gaz.best("tỉnh Tuy").id == "admin1:BF-TUI"
    for word in ("Tuy", "Bay", "Mon", "Ma", "Giang", "Huy"):
        assert all(c.kind != "admin1" for c in gaz.lookup(word, limit=None)), word
    assert gaz.best("An Giang").id == "admin1:VN-44"


@pytest.mark.parametrize(
    "text",
    [
        "Tuy nhiên, quân đội Nga vẫn tấn công.",
        "Bay qua khu vực này, máy bay bị bắn hạ.",
        "Ma túy bị thu giữ.",
    ],
)
def test_sentence_initial_words_are_no_regions(gaz: Gazetteer, text: str) -> None:
    from events.pipeline import Extractor
    from events.reader import article_from_text

    out = Extractor(gaz).extract(article_from_text(text, published="2024-02-25"))
    assert all(p["kind"] != "admin1" for p in out["places"]), out["places"]


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        ("Giao tranh nổ ra tại bang Shan, gần thị trấn Lashio.", "admin1:MM-17"),
        ("Lực lượng RSF tuyên bố kiểm soát bang Gezira của Sudan.", "admin1:SD-GZ"),
        ("Một tàu hàng bị tấn công ở vịnh Aden, ngoài khơi Yemen.", "curated:gulf-of-aden"),
        ("Căng thẳng leo thang ở Biển Đen và Trung Đông.", "curated:black-sea"),
        ("Căng thẳng leo thang ở Biển Đen và Trung Đông.", "curated:middle-east"),
        ("Tàu tiếp tế bị chặn gần bãi Cỏ Mây.", "curated:second-thomas-shoal"),
        ("Xe chở hàng cứu trợ đi qua cửa khẩu Rafah.", "curated:rafah-crossing"),
        ("Hạm đội tuần tra trên Ấn Độ Dương.", "curated:indian-ocean"),
    ],
)
def test_the_extractor_places_regions_and_features(gaz: Gazetteer, text: str, place_id: str) -> None:
    from events.pipeline import Extractor
    from events.reader import article_from_text

    out = Extractor(gaz).extract(article_from_text(text, published="2024-02-25"))
    assert place_id in {p["place_id"] for p in out["places"]}, out["places"]


@pytest.mark.parametrize(
    ("name", "country", "lat", "lon"),
    [
        ("vùng Tillabéri", "NE", 14.5, 1.5),
        ("tỉnh Khyber Pakhtunkhwa", "PK", 34.2, 72.0),
        ("vùng Mandalay", "MM", 21.6, 96.0),
    ],
)
def test_a_regions_point_is_its_centre(
    gaz: Gazetteer, name: str, country: str, lat: float, lon: float
) -> None:
    """A first-level region's point is its outline's centroid, where encyclopaedias put it, not
    Natural Earth's label point (placed for a label's room, 100 km and more off for these)."""
    found = next(c for c in gaz.lookup(name, limit=None) if c.kind == "admin1" and c.country == country)
    assert haversine_km(found.lat, found.lon, lat, lon) < 100  # (the yardstick's radius for a region)


def test_the_centre_of_islands_far_apart_is_a_label_point() -> None:
    """A centroid that falls in the sea between a region's islands is no place of it."""
    from shapely.geometry import box

    from gazetteer.build import _central_point

    islands = box(0, 0, 1, 1).union(box(9, 0, 10, 1))
    assert _central_point(islands, 0.5, 0.5) == (0.5, 0.5)
    assert _central_point(box(0, 0, 2, 2), 0.2, 0.2) == (1.0, 1.0)
