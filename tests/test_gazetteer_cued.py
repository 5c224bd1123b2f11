"""Places found only after their cue (``gazetteer/data/cued.csv``): districts, rivers, lakes,
ranges, islands, deserts and works named after a place. The cued name finds them; the bare name
stays what it was (the town, the country), so a district never takes its seat's name."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from events.pipeline import Extractor
from events.reader import article_from_text
from gazetteer import Gazetteer, sources

ROOT = Path(__file__).resolve().parent.parent


def lookup(*args: str) -> list[dict]:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "gazetteer",
            "--user-db",
            "/nonexistent/user.sqlite",
            "lookup",
            *args,
            "--json",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return json.loads(result.stdout) if result.returncode == 0 else []


@pytest.mark.parametrize(
    ("name", "place_id", "kind"),
    [
        ("huyện Bakhmut", "curated:bakhmut-raion", "admin2"),
        ("quận Marjayoun", "curated:marjayoun-district", "admin2"),
        ("sông Orontes", "curated:orontes", "river"),
        ("dãy núi Nuba", "curated:nuba-mountains", "region"),
        ("hồ Sevan", "curated:lake-sevan", "other"),
        ("đảo Ba Bình", "curated:itu-aba", "island"),
        ("sa mạc Negev", "curated:negev", "region"),
        ("cửa khẩu Muse", "curated:muse-crossing", "landmark"),
        ("nhà tù Sednaya", "curated:saydnaya-prison", "landmark"),
    ],
)
def test_cued_lookup(built_db: Path, name: str, place_id: str, kind: str) -> None:
    best = lookup(name)[0]
    assert (best["id"], best["kind"]) == (place_id, kind)


@pytest.mark.parametrize(
    ("name", "not_id"),
    [
        ("Bakhmut", "curated:bakhmut-raion"),  # the seat keeps the bare name
        ("Niger", "curated:niger-river"),  # the country, not the river
        ("Orontes", "curated:orontes"),
        ("Sevan", "curated:lake-sevan"),
    ],
)
def test_bare_name_is_not_the_feature(built_db: Path, name: str, not_id: str) -> None:
    assert all(c["id"] != not_id for c in lookup(name))


def test_every_row_has_a_head_and_no_bare_name() -> None:
    places = list(sources.read_cued_places())
    assert len(places) > 250
    for place in places:
        assert all(" " in name for name in place.names), place.id
    assert set(sources.CUED_TYPES) >= {
        "district",
        "river",
        "lake",
        "mountains",
        "island",
        "desert",
        "crossing",
    }


@pytest.fixture(scope="module")
def extract(gaz: Gazetteer) -> Callable[[str], dict]:
    extractor = Extractor(gaz)
    return lambda text: extractor.extract(article_from_text(text, published="2024-03-01"))


def found(out: dict) -> dict[str, tuple[str, str]]:
    return {p["surface"]: (p["name"], p["kind"]) for p in out["places"]}


def test_district_and_its_seat_in_one_article(extract: Callable[[str], dict]) -> None:
    out = found(extract("Pháo binh Nga nã đạn vào huyện Pokrovsk, còn thị trấn Pokrovsk bị mất điện."))
    assert out["huyện Pokrovsk"][1] == "admin2"
    assert out["thị trấn Pokrovsk"][1] in ("town", "city")


def test_district_alone_keeps_the_bare_surface(extract: Callable[[str], dict]) -> None:
    out = found(extract("Đạn pháo rơi xuống huyện Bint Jbeil ở miền Nam Liban hôm thứ Ba."))
    assert out["Bint Jbeil"] == ("Bint Jbeil District", "admin2")


def test_features_after_their_heads(extract: Callable[[str], dict]) -> None:
    out = found(
        extract(
            "Binh sĩ vượt sông Inhulets trong đêm. Máy bay không người lái xuất hiện trên hồ Tana. "
            "Tàu Trung Quốc áp sát đảo Song Tử Tây. Các tay súng rút về dãy núi Qalamoun."
        )
    )
    assert out["sông Inhulets"][1] == "river"
    assert out["hồ Tana"] == ("Lake Tana", "other")
    assert out["đảo Song Tử Tây"][1] == "island"
    assert any(name == "Qalamoun Mountains" for name, _ in out.values())


def test_works_named_after_a_place(extract: Callable[[str], dict]) -> None:
    out = found(
        extract(
            "Đoàn xe cứu trợ chờ ở cửa khẩu Bab al-Hawa. Người dân tụ tập tại quảng trường Umayyad. "
            "Pháo kích trúng trại Zamzam."
        )
    )
    assert out["cửa khẩu Bab al-Hawa"][1] == "landmark"
    assert out["quảng trường Umayyad"] == ("Umayyad Square", "landmark")
    assert out["trại Zamzam"][0] == "Zamzam camp"


def test_a_range_named_like_a_town_needs_its_range_head(extract: Callable[[str], dict]) -> None:
    """ "núi Sinjar" stays the town's cue (a settlement of Iraq is Sinjar); "dãy núi Qandil" is
    the range, read with its whole head."""
    out = found(extract("Người Yazidi chạy lên núi Sinjar. Phiến quân PKK rút về dãy núi Qandil ở Iraq."))
    assert out["Sinjar"][1] in ("town", "city")
    assert out["dãy núi Qandil"] == ("Qandil Mountains", "region")
