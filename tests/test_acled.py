"""ACLED's export format: its 31 columns in its order, its codes and conventions."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from ingest_support import ROOT, cli

from store.acled import ACLED_EXPORT_COLUMNS, disorder_type, event_id_cnty, inter_code, interaction
from store.acled import countries as country_facts

INTEGERS = ("year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision", "fatalities",
            "timestamp")  # fmt: skip


@pytest.fixture(scope="module")
def rows(built_db: Path, tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    folder = tmp_path_factory.mktemp("acled")
    source = sorted((ROOT / "articles").glob("*.txt"))[1]
    (folder / source.name).write_bytes(source.read_bytes())
    # a title and an outlet that a spreadsheet would run as formulas
    (folder / "manifest.csv").write_text(
        "file,published,source,language,url,title\n"
        f'{source.name},2020-09-28,"=HYPERLINK(""http://x"")",vi,https://example.org/a,"@SUM(A1)"\n',
        encoding="utf-8",
    )
    db = folder / "events.sqlite"
    result = cli(
        "ingest", str(folder / source.name), "--manifest", str(folder / "manifest.csv"), "--db", str(db)
    )
    assert result.returncode == 0, result.stderr
    result = cli("export", "--db", str(db), "--acled-only")
    assert result.returncode == 0, result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_exactly_acleds_columns_in_acleds_order(rows: list[dict]) -> None:
    assert rows and list(rows[0]) == list(ACLED_EXPORT_COLUMNS)
    assert len(ACLED_EXPORT_COLUMNS) == 31


def test_whole_numbers_are_written_as_whole_numbers(rows: list[dict]) -> None:
    for row in rows:
        for column in INTEGERS:
            assert "." not in row[column], (column, row[column])
    assert all(row["fatalities"] != "" for row in rows)  # 0 when none is reported
    assert {"0", "31"} <= {row["fatalities"] for row in rows}


def test_country_iso_region_and_admin1(rows: list[dict]) -> None:
    terter = next(r for r in rows if r["location"] == "Tartar")
    assert (terter["country"], terter["iso"], terter["region"]) == (
        "Azerbaijan",
        "31",
        "Caucasus and Central Asia",
    )
    assert terter["admin1"] == "Tartar" and terter["event_id_cnty"].startswith("AZE")
    assert terter["geo_precision"] == "1"
    # a region-wide event's point says nothing of its admin-1 region
    assert all(r["admin1"] == "" for r in rows if r["geo_precision"] == "3")


def test_actor_codes_and_interaction(rows: list[dict]) -> None:
    terter = next(r for r in rows if r["location"] == "Tartar")
    # Armenia's forces shelling a town of Azerbaijan: external forces (8) against state forces (1)
    assert (terter["actor1"], terter["inter1"]) == ("Military Forces of Armenia", "8")
    assert (terter["actor2"], terter["inter2"], terter["interaction"]) == (
        "Military Forces of Azerbaijan",
        "1",
        "18",
    )
    assert terter["disorder_type"] == "Political violence"


def test_source_and_cells_a_spreadsheet_would_run(rows: list[dict]) -> None:
    assert {r["source"] for r in rows} == {'\'=HYPERLINK("http://x")'}
    assert {r["source_scale"] for r in rows} == {"International"}


def test_codes() -> None:
    assert inter_code("Military Forces of Azerbaijan", "AZ") == 1
    assert inter_code("Military Forces of Russia (2000-)", "UA") == 8
    assert inter_code("Police Forces of Iran", "IR") == 1
    assert inter_code("Protesters (Iran)", "IR") == 6
    assert inter_code("Rioters (Kenya)", "KE") == 5
    assert inter_code("Civilians (Armenia)", "AZ") == 7
    assert inter_code("Unidentified Armed Group (Syria)", "SY") == 3
    assert inter_code("Hema Ethnic Militia (Democratic Republic of Congo)", "CD") == 4
    assert inter_code("United Nations", "ML") == 8
    assert inter_code(None, "AZ") is None and inter_code("Someone", "AZ") is None
    assert (interaction(1, 7), interaction(8, 1), interaction(6, None), interaction(None, None)) == (
        17,
        18,
        60,
        None,
    )
    assert disorder_type("Protests", "Peaceful protest") == "Demonstrations"
    assert (
        disorder_type("Protests", "Excessive force against protesters")
        == "Political violence; Demonstrations"
    )
    assert disorder_type("Riots", "Mob violence") == "Political violence"
    assert disorder_type("Strategic developments", "Agreement") == "Strategic developments"
    assert (
        event_id_cnty("AZE", "a|1|b|c") == event_id_cnty("AZE", "a|1|b|c") != event_id_cnty("AZE", "a|2|b|c")
    )
    facts = country_facts()
    assert (facts["PS"]["name"], facts["RU"]["region"], facts["IR"]["region"]) == (
        "Palestine",
        "Europe",
        "Middle East",
    )
    assert facts["FR"]["iso"] == 250 and facts["UA"]["region"] == "Europe"
