"""Users add places and aliases; bad input changes nothing; a rebuild loses nothing."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from gazetteer import Gazetteer, InvalidPlace


def user_rows(gaz: Gazetteer) -> tuple[int, int]:
    if not gaz.user_path.exists():
        return (0, 0)
    with sqlite3.connect(gaz.user_path) as con:
        return (
            con.execute("SELECT COUNT(*) FROM places").fetchone()[0],
            con.execute("SELECT COUNT(*) FROM aliases").fetchone()[0],
        )


def test_add_place_then_look_it_up(fresh_gaz: Gazetteer) -> None:
    place = fresh_gaz.add_place(
        "Làng Chiến Thắng", "village", 39.6, 46.9, country="az", aliases=["Qələbə kəndi"]
    )
    assert place.id.startswith("user:") and place.country == "AZ"
    for name in ("Làng Chiến Thắng", "lang chien thang", "Qələbə kəndi"):
        assert fresh_gaz.best(name).id == place.id
    assert [p.id for p in fresh_gaz.user_places()] == [place.id]


def test_same_name_twice_gets_two_ids(fresh_gaz: Gazetteer) -> None:
    first = fresh_gaz.add_place("Springfield X", "town", 10, 10)
    second = fresh_gaz.add_place("Springfield X", "town", 11, 11)
    assert first.id != second.id
    assert {c.id for c in fresh_gaz.lookup("Springfield X")} == {first.id, second.id}


def test_alias_for_a_built_place(fresh_gaz: Gazetteer) -> None:
    assert fresh_gaz.best("Xứ Karabakh Núi") is None
    fresh_gaz.add_alias("Xứ Karabakh Núi", "curated:nagorno-karabakh")
    assert fresh_gaz.best("Xứ Karabakh Núi").id == "curated:nagorno-karabakh"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"name": "X", "kind": "town", "lat": 91, "lon": 0}, "latitude"),
        ({"name": "X", "kind": "town", "lat": -90.5, "lon": 0}, "latitude"),
        ({"name": "X", "kind": "town", "lat": 0, "lon": 180.01}, "longitude"),
        ({"name": "X", "kind": "town", "lat": float("nan"), "lon": 0}, "latitude"),
        ({"name": "X", "kind": "town", "lat": "north", "lon": 0}, "numbers"),
        ({"name": "", "kind": "town", "lat": 0, "lon": 0}, "empty"),
        ({"name": "   ", "kind": "town", "lat": 0, "lon": 0}, "empty"),
        ({"name": "–", "kind": "town", "lat": 0, "lon": 0}, "empty"),
        ({"name": "X", "kind": "castle", "lat": 0, "lon": 0}, "unknown kind"),
        ({"name": "X", "kind": "town", "lat": 0, "lon": 0, "country": "Iran"}, "two-letter"),
        ({"name": "X", "kind": "town", "lat": 0, "lon": 0, "population": -3}, "population"),
        ({"name": "X", "kind": "town", "lat": 0, "lon": 0, "aliases": [""]}, "empty"),
        ({"name": "x" * 201, "kind": "town", "lat": 0, "lon": 0}, "200"),
        ({"name": "X", "kind": "region", "lat": 0, "lon": 0, "bbox": (5, 5, 1, 1)}, "west"),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(fresh_gaz: Gazetteer, kwargs: dict, message: str) -> None:
    fresh_gaz.add_place("Kept Place", "town", 1, 1)
    before = user_rows(fresh_gaz)
    with pytest.raises(InvalidPlace, match=message):
        fresh_gaz.add_place(**kwargs)
    assert user_rows(fresh_gaz) == before
    assert fresh_gaz.best("Kept Place") is not None


def test_alias_to_unknown_place_is_refused(fresh_gaz: Gazetteer) -> None:
    with pytest.raises(InvalidPlace, match="no place"):
        fresh_gaz.add_alias("Somewhere", "geonames:0")
    with pytest.raises(InvalidPlace, match="empty"):
        fresh_gaz.add_alias(" ", "country:US")
    assert user_rows(fresh_gaz) == (0, 0)


def test_hostile_names_are_stored_as_text(fresh_gaz: Gazetteer) -> None:
    name = "Robert'); DROP TABLE places;--"
    fresh_gaz.add_place(name, "other", 1, 1)
    assert fresh_gaz.best(name).name == name
    assert fresh_gaz.best("Terter") is not None


@pytest.mark.slow
def test_rebuild_keeps_the_user_layer(built_db: Path, tmp_path: Path) -> None:
    from gazetteer.build import build

    db = tmp_path / "gazetteer.sqlite"
    shutil.copy(built_db, db)
    gaz = Gazetteer(db, tmp_path / "user.sqlite")
    added = gaz.add_place("Đồi Rebuild", "other", 12.5, 108.1, country="VN")
    gaz.add_alias("Xứ Terter", "geonames:584871")
    build(db, log=lambda _m: None)
    after = Gazetteer(db, tmp_path / "user.sqlite")
    assert after.best("Đồi Rebuild").id == added.id
    assert after.best("Xứ Terter").name == "Tartar"


def test_list_update_and_delete_a_user_place(fresh_gaz: Gazetteer) -> None:
    place = fresh_gaz.add_place("Làng Cũ", "village", 39.6, 46.9, country="AZ", aliases=["Kohne kend"])
    moved = fresh_gaz.update_place(place.id, "Làng Mới", "town", 39.7, 47.0, country="AZ")
    assert (moved.id, moved.name, moved.kind, moved.lat, moved.lon) == (
        place.id,
        "Làng Mới",
        "town",
        39.7,
        47.0,
    )
    assert fresh_gaz.best("Làng Cũ") is None  # its old own name is gone
    assert fresh_gaz.best("Làng Mới").id == place.id
    assert fresh_gaz.best("Kohne kend").id == place.id  # its other aliases stay
    assert fresh_gaz.aliases_of(place.id) == ["Kohne kend", "Làng Mới"]
    assert [p.name for p in fresh_gaz.user_places()] == ["Làng Mới"]

    assert sorted(fresh_gaz.delete_place(place.id)) == ["Kohne kend", "Làng Mới"]
    assert fresh_gaz.user_places() == [] and user_rows(fresh_gaz) == (0, 0)
    assert fresh_gaz.best("Kohne kend") is None


@pytest.mark.parametrize(
    ("lat", "lon", "key"),
    [(0, 0, "place.zero"), (None, 47.0, "place.no_coordinates"), (91, 0, "place.latitude")],
)
def test_bad_update_changes_nothing(
    fresh_gaz: Gazetteer, lat: float | None, lon: float | None, key: str
) -> None:
    place = fresh_gaz.add_place("Làng Giữ", "village", 39.6, 46.9)
    before = user_rows(fresh_gaz)
    with pytest.raises(InvalidPlace) as caught:
        fresh_gaz.update_place(place.id, "Làng Khác", "village", lat, lon)
    assert caught.value.key == key
    assert user_rows(fresh_gaz) == before and fresh_gaz.best("Làng Giữ").lat == 39.6


def test_only_user_places_are_changed_or_deleted(fresh_gaz: Gazetteer) -> None:
    for change in (
        lambda: fresh_gaz.delete_place("geonames:584871"),
        lambda: fresh_gaz.update_place("geonames:584871", "Terter", "town", 40.3, 46.9),
        lambda: fresh_gaz.delete_place("user:nowhere"),
    ):
        with pytest.raises(InvalidPlace, match="no place of your own") as caught:
            change()
        assert caught.value.key == "place.not_user"
    assert fresh_gaz.best("Terter") is not None


def test_refusals_carry_a_key_and_their_english_text(fresh_gaz: Gazetteer) -> None:
    import pickle

    with pytest.raises(InvalidPlace) as caught:
        fresh_gaz.add_place("  ", "town", 1, 1)
    exc = caught.value
    assert (exc.key, str(exc)) == ("place.empty", "name must not be empty")
    assert exc.params["what"].key == "place.what.name"  # a parameter a translator translates too
    again = pickle.loads(pickle.dumps(exc))
    assert (again.key, str(again)) == (exc.key, str(exc))


def test_list_and_delete_the_users_aliases_of_built_places(fresh_gaz: Gazetteer) -> None:
    fresh_gaz.add_alias("Xứ Karabakh Núi", "curated:nagorno-karabakh")
    own = fresh_gaz.add_place("Làng Riêng", "village", 39.6, 46.9, aliases=["Lang R"])
    assert fresh_gaz.user_aliases() == [("Xứ Karabakh Núi", "curated:nagorno-karabakh")]  # not own's names
    fresh_gaz.delete_alias("Xứ Karabakh Núi", "curated:nagorno-karabakh")
    assert fresh_gaz.user_aliases() == []
    assert fresh_gaz.best("Xứ Karabakh Núi") is None and fresh_gaz.best("xu karabakh nui") is None
    assert fresh_gaz.best("Karabakh") is not None and fresh_gaz.best("Lang R").id == own.id
    before = user_rows(fresh_gaz)
    with pytest.raises(InvalidPlace) as caught:
        fresh_gaz.delete_alias("Xứ Karabakh Núi", "curated:nagorno-karabakh")
    assert caught.value.key == "place.no_alias" and user_rows(fresh_gaz) == before
