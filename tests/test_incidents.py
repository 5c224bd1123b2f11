"""Incidents across articles (issue 11, item 8): two outlets reporting one shelling are one map
event with two sources; linking is deterministic and follows articles in and out of the store."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from events.pipeline import Extractor
from events.reader import article_from_text
from gazetteer import Gazetteer
from store import EventStore
from store.export import as_text
from store.incidents import incident_key

# Two reports of one incident, written for this test in the style of Vietnamese wire copy.
REPORT_A = (
    "Azerbaijan cáo buộc Armenia pháo kích thị trấn Terter\n\n"
    "Bộ Quốc phòng Azerbaijan hôm nay cho biết pháo binh Armenia đã nã đạn vào thị trấn Terter, "
    "khiến 4 dân thường thiệt mạng."
)
REPORT_B = (
    "Giao tranh tiếp diễn ở Nagorno-Karabakh\n\n"
    "Theo Bộ Quốc phòng Azerbaijan, lực lượng Armenia hôm nay pháo kích dữ dội vào thị trấn Terter, "
    "làm 3 người chết."
)
OTHER_DAY = "Bộ Quốc phòng Azerbaijan cho biết pháo binh Armenia hôm qua pháo kích thị trấn Terter."


@pytest.fixture(scope="module")
def extractor(gaz: Gazetteer) -> Extractor:
    return Extractor(gaz)


def _store(tmp_path: Path, extractor: Extractor, *reports: tuple[str, str, str]) -> EventStore:
    store = EventStore(tmp_path / "events.sqlite")
    for text, source, url in reports:
        article = article_from_text(
            text, path=f"{source}.txt", published="2020-10-04", meta={"source": source, "url": url}
        )
        assert store.add(extractor.extract(article), article.text)
    return store


def _terter(frame):
    return frame[(frame["location"] == "Tartar") & ~frame["background"]]


def test_two_articles_one_shelling_are_one_event_with_two_sources(
    tmp_path: Path, extractor: Extractor
) -> None:
    a = (REPORT_A, "VnExpress", "https://vnexpress.net/a")
    b = (REPORT_B, "Tuổi Trẻ", "https://tuoitre.vn/b")
    with _store(tmp_path, extractor, a, b) as store:
        reported = _terter(store.events_frame(incidents=False))
        assert len(reported) == 2  # each article keeps its own record
        incidents = _terter(store.events_frame())
    assert len(incidents) == 1
    row = incidents.iloc[0]
    assert row["n_reports"] == 2
    assert row["source"] == "VnExpress; Tuổi Trẻ"  # ACLED's source column: every outlet
    assert row["fatalities"] == 3  # ACLED: the most conservative figure reported
    assert row["sub_event_type"] == "Shelling/artillery/missile attack"
    reports = json.loads(row["reports"])
    assert [r["source"] for r in reports] == ["VnExpress", "Tuổi Trẻ"]
    assert {r["url"] for r in reports} == {"https://vnexpress.net/a", "https://tuoitre.vn/b"}
    assert all("Terter" in r["sentence"] for r in reports)


def test_export_has_one_row_per_incident(tmp_path: Path, extractor: Extractor) -> None:
    a = (REPORT_A, "VnExpress", "")
    b = (REPORT_B, "Tuổi Trẻ", "")
    with _store(tmp_path, extractor, a, b) as store:
        frame = store.events_frame()
    rows = [r for r in csv.DictReader(io.StringIO(as_text(frame, "csv"))) if r["location"] == "Tartar"]
    assert len(rows) == 1 and rows[0]["n_reports"] == "2" and rows[0]["source"] == "VnExpress; Tuổi Trẻ"


def test_linking_does_not_depend_on_arrival_order(tmp_path: Path, extractor: Extractor) -> None:
    a = (REPORT_A, "VnExpress", "")
    b = (REPORT_B, "Tuổi Trẻ", "")
    (tmp_path / "ab").mkdir()
    (tmp_path / "ba").mkdir()
    with _store(tmp_path / "ab", extractor, a, b) as one, _store(tmp_path / "ba", extractor, b, a) as two:
        first, second = one.events_frame(), two.events_frame()
    columns = ["event_id", "event_date", "location", "sub_event_type", "n_reports", "source", "fatalities"]
    assert first[columns].fillna(-1).to_dict("records") == second[columns].fillna(-1).to_dict("records")


def test_an_incident_follows_its_articles_out_of_the_store(tmp_path: Path, extractor: Extractor) -> None:
    a = (REPORT_A, "VnExpress", "")
    b = (REPORT_B, "Tuổi Trẻ", "")
    with _store(tmp_path, extractor, a, b) as store:
        gone = store.con.execute("SELECT id FROM articles WHERE source = 'Tuổi Trẻ'").fetchone()[0]
        store.con.execute("DELETE FROM events WHERE article_id = ?", (gone,))
        store.con.execute("DELETE FROM articles WHERE id = ?", (gone,))
        row = _terter(store.events_frame()).iloc[0]
    assert row["n_reports"] == 1 and row["source"] == "VnExpress"


def test_another_day_is_another_incident(tmp_path: Path, extractor: Extractor) -> None:
    a = (REPORT_A, "VnExpress", "")
    c = (OTHER_DAY, "VOV", "")
    with _store(tmp_path, extractor, a, c) as store:
        incidents = _terter(store.events_frame())
    assert sorted(incidents["event_date"].dt.strftime("%Y-%m-%d")) == ["2020-10-03", "2020-10-04"]
    assert set(incidents["n_reports"]) == {1}


def test_loose_or_missing_dates_are_never_linked() -> None:
    row = {"event_id": "x:1", "event_date": "2020-10-04", "time_precision": 1, "place_id": "geonames:1",
           "sub_event_type": "Armed clash", "background": False}  # fmt: skip
    assert incident_key(row) == "2020-10-04|geonames:1|Armed clash"
    assert incident_key({**row, "time_precision": 2}) == "2020-10-04|geonames:1|Armed clash"
    assert incident_key({**row, "time_precision": 3}) == "event:x:1"
    assert incident_key({**row, "event_date": None}) == "event:x:1"
    assert incident_key({**row, "background": True}) == "event:x:1"


def test_a_store_written_before_incidents_is_linked_when_opened(tmp_path: Path, extractor: Extractor) -> None:
    a = (REPORT_A, "VnExpress", "")
    b = (REPORT_B, "Tuổi Trẻ", "")
    with _store(tmp_path, extractor, a, b) as store:
        store.con.execute("DROP INDEX events_incident")
        store.con.execute("ALTER TABLE events DROP COLUMN incident")
    with EventStore(tmp_path / "events.sqlite") as store:
        assert _terter(store.events_frame())["n_reports"].tolist() == [2]
        assert store.check() == []
