"""``python -m gazetteer``: the commands a user types, run as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from gazetteer import build as build_module
from gazetteer.build import BuildError, apply_curated, is_stale, parse_geometry
from gazetteer.store import haversine_km

ROOT = Path(__file__).resolve().parent.parent


def cli(*args: str, user_db: Path | None = None) -> subprocess.CompletedProcess:
    extra = ["--user-db", str(user_db)] if user_db else ["--user-db", "/nonexistent/user.sqlite"]
    return subprocess.run(
        [sys.executable, "-m", "gazetteer", *extra, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def lookup_json(*args: str) -> list[dict]:
    result = cli("lookup", *args, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_lookup_terter_json(built_db: Path) -> None:
    best = lookup_json("Terter")[0]
    assert {"name", "kind", "country", "lat", "lon"} <= best.keys()
    assert (best["name"], best["country"]) == ("Tartar", "AZ")
    assert haversine_km(best["lat"], best["lon"], 40.345, 46.929) < 5


def test_lookup_hints_from_the_command_line(built_db: Path) -> None:
    jolfa = lookup_json("Jolfa", "--country", "IR")[0]
    assert jolfa["country"] == "IR"
    near = lookup_json("Armenia", "--near", "4.5,-75.7", "--kind", "city")[0]
    assert near["country"] == "CO"
    stepanakert = lookup_json("Stepanakert")[0]
    assert haversine_km(stepanakert["lat"], stepanakert["lon"], 39.815, 46.752) < 1
    region = lookup_json("Nagorno-Karabakh", "--geometry")[0]
    assert region["kind"] == "region" and region["geometry"]["type"] == "Polygon"


def test_lookup_miss_and_text_output(built_db: Path) -> None:
    miss = cli("lookup", "Qwxzv Nowhere")
    assert miss.returncode == 1 and "no place named" in miss.stderr and miss.stdout == ""
    assert cli("lookup", "Qwxzv Nowhere", "--json").stdout.strip() == "[]"
    text = cli("lookup", "Thổ Nhĩ Kỳ")
    assert text.returncode == 0 and "[country, TR]" in text.stdout


def test_reverse(built_db: Path) -> None:
    result = cli("reverse", "40.34", "46.93", "--json")
    answer = json.loads(result.stdout)
    assert answer["place"]["name"] == "Tartar" and answer["country"]["country"] == "AZ"
    assert "Tartar" in cli("reverse", "40.34", "46.93").stdout


def test_add_and_alias_then_lookup(built_db: Path, tmp_path: Path) -> None:
    user = tmp_path / "user.sqlite"
    added = cli(
        "add",
        "Đồn Biên Phòng Số 9",
        "--kind",
        "other",
        "--lat",
        "39.1",
        "--lon",
        "46.9",
        "--country",
        "IR",
        "--alias",
        "Border Post 9",
        user_db=user,
    )
    assert added.returncode == 0, added.stderr
    found = json.loads(cli("lookup", "Border Post 9", "--json", user_db=user).stdout)
    assert found[0]["name"] == "Đồn Biên Phòng Số 9"
    assert cli("alias", "Xứ Terter", "geonames:584871", user_db=user).returncode == 0
    assert json.loads(cli("lookup", "Xứ Terter", "--json", user_db=user).stdout)[0]["name"] == "Tartar"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["X", "--kind", "town", "--lat", "91", "--lon", "0"], "latitude"),
        (["", "--kind", "town", "--lat", "1", "--lon", "0"], "empty"),
        (["X", "--kind", "fortress", "--lat", "1", "--lon", "0"], "unknown kind"),
        (["X", "--kind", "town", "--lat", "abc", "--lon", "0"], "numbers"),
    ],
)
def test_add_bad_input_gives_a_clear_error(built_db: Path, tmp_path: Path, args: list, message: str) -> None:
    user = tmp_path / "user.sqlite"
    result = cli("add", *args, user_db=user)
    assert result.returncode == 2
    assert message in result.stderr and "nothing was changed" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_gazetteer_is_a_clear_message(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "gazetteer", "--db", str(tmp_path / "none.sqlite"), "lookup", "Nga"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1 and "not built" in result.stderr and "Traceback" not in result.stderr


def test_build_if_stale_is_a_no_op_when_fresh(built_db: Path) -> None:
    assert not is_stale(built_db)
    result = subprocess.run(
        [sys.executable, "-m", "gazetteer", "build", "--if-stale"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0 and "up to date" in result.stderr


def test_a_changed_input_makes_the_build_stale(built_db: Path, tmp_path: Path, monkeypatch) -> None:
    curated = tmp_path / "aliases.csv"
    curated.write_text(build_module.sources.CURATED_ALIASES.read_text() + "Xứ Mới,country:VN,vi,test\n")
    monkeypatch.setattr(build_module.sources, "DATA_DIR", tmp_path)
    (tmp_path / "places.csv").write_text(build_module.sources.CURATED_PLACES.read_text())
    assert is_stale(built_db)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("curated:x,X,,castle,,,1,1,,,,src", "unknown kind"),
        ("curated:x,X,,town,,,95,1,,,,src", "out of range"),
        ("curated:x,X,,town,,,1,1,,,,", "source"),
        ("curated:x,X,,region,,,1,1,,bbox:1,2,3,,,src", "4 numbers"),
        ("curated:x,X,,border-area,,,1,1,,border:AZ-JP,,src", "no shared border"),
        ("geonames:999999999,X,,town,,,1,1,,,,src", "not in the GeoNames"),
    ],
)
def test_bad_curated_rows_fail_the_build_with_their_line(
    tmp_path: Path, monkeypatch, row: str, message: str
) -> None:
    header = build_module.sources.CURATED_PLACES.read_text().splitlines()
    header = [line for line in header if line.startswith(("#", "id,"))]
    places = tmp_path / "places.csv"
    places.write_text("\n".join([*header, row]) + "\n")
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("name,place_id,lang,source\n")
    monkeypatch.setattr(build_module.sources, "CURATED_PLACES", places)
    monkeypatch.setattr(build_module.sources, "CURATED_ALIASES", aliases)
    borders = {("AZ", "IR"): parse_geometry("wkt:LINESTRING(46 39, 47 39.2)", {})}
    with pytest.raises(BuildError, match=message) as info:
        apply_curated({}, borders)
    assert f"line {len(header) + 1}" in str(info.value)


def test_unknown_alias_target_fails_the_build(tmp_path: Path, monkeypatch) -> None:
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("name,place_id,lang,source\nFoo,country:ZZ,vi,test\n")
    places = tmp_path / "places.csv"
    places.write_text("id,name,name_vi,kind,country,admin1,lat,lon,population,geometry,aliases,source\n")
    monkeypatch.setattr(build_module.sources, "CURATED_PLACES", places)
    monkeypatch.setattr(build_module.sources, "CURATED_ALIASES", aliases)
    with pytest.raises(BuildError, match="unknown place 'country:ZZ'"):
        apply_curated({}, {})


def test_curated_files_have_a_source_on_every_row() -> None:
    for path in (build_module.sources.CURATED_PLACES, build_module.sources.CURATED_ALIASES):
        rows = build_module.sources.read_curated_places(path)
        assert rows, path
        assert all(row["source"] for row in rows), path


@pytest.mark.parametrize(
    "command",
    [
        ["gazetteer", "lookup", "Terter"],
        ["events", "extract", "tests/fixtures/seeds/000_5083240e409e3a90.txt", "--published", "2020-10-01"],
    ],
)
def test_a_reader_that_went_away_is_no_traceback(built_db: Path, command: list[str]) -> None:
    """`python -m gazetteer lookup X | head -1`: the reader closes before we print."""
    proc = subprocess.Popen(
        [sys.executable, "-m", *command], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    proc.stdout.close()  # before the interpreter has even started: the first print meets a closed pipe
    _, err = proc.communicate(timeout=120)
    assert b"Traceback" not in err, err.decode()
    assert proc.returncode == 0
