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
from store import EventStore, view
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
        view.drop_index_triggers(store.con)  # such a store had no view index either
        store.con.execute("DROP INDEX events_incident")
        store.con.execute("ALTER TABLE events DROP COLUMN incident")
    with EventStore(tmp_path / "events.sqlite") as store:
        assert _terter(store.events_frame())["n_reports"].tolist() == [2]
        assert store.check() == []


# --------------------------------------------------------------------------- actors (issue 11, items 3 and 8)
# Stored results written for these tests (the store is what is tested: the extractor's actors
# are given), all on one day at one place with one sub-event type unless said otherwise.
ARMENIA, AZERBAIJAN = "Military Forces of Armenia", "Military Forces of Azerbaijan"
SHELLING = ("Explosions/Remote violence", "Shelling/artillery/missile attack")


def _event(article_id: str, n: int, actor1: str | None, actor2: str | None, **other: object) -> dict:
    event = {
        "event_id": f"{article_id}:{n}", "date": "2020-10-04", "date_end": None, "time_precision": 1,
        "event_type": SHELLING[0], "sub_event_type": SHELLING[1], "place_id": "geonames:147622",
        "location": "Tartar", "location_vi": None, "place_surface": "Terter", "place_start": 0,
        "place_end": 6, "lat": 40.34, "lon": 46.93, "geo_precision": 1, "country": "AZ",
        "actor1": actor1, "actor2": actor2, "fatalities": None, "claimed_by": None, "background": False,
        "cue": "pháo kích", "text": f"Câu {n} của bài {article_id}.", "start": 10 * n, "end": 10 * n + 9,
    }  # fmt: skip
    return {**event, **other}


def _result(article_id: str, *actors: tuple[str | None, str | None], source: str = "VOV") -> dict:
    article = {
        "id": article_id, "path": f"{article_id}.txt", "title": article_id, "source": source, "url": None,
        "language": "vi", "published": "2020-10-04", "published_precision": "day", "warnings": [],
    }  # fmt: skip
    events = [_event(article_id, n, a1, a2) for n, (a1, a2) in enumerate(actors)]
    return {"article": article, "places": [], "unresolved": [], "events": events}


def _incidents(store: EventStore) -> dict[str, set[str]]:
    """{incident: its event ids}, as stored."""
    out: dict[str, set[str]] = {}
    for event_id, incident in store.con.execute("SELECT event_id, incident FROM events"):
        out.setdefault(incident, set()).add(event_id)
    return out


def _groups(store: EventStore) -> set[frozenset[str]]:
    return {frozenset(ids) for ids in _incidents(store).values()}


def _stored(tmp_path: Path, *results: dict, name: str = "events.sqlite") -> EventStore:
    store = EventStore(tmp_path / name)
    for result in results:
        assert store.add(result, f"text of {result['article']['id']}")
    return store


def test_each_side_shelling_the_other_in_one_article_is_two_incidents(tmp_path: Path) -> None:
    """The extractor kept them apart (the actors differ): one article, two incidents, each
    listing the article once."""
    with _stored(tmp_path, _result("a", (ARMENIA, AZERBAIJAN), (AZERBAIJAN, ARMENIA))) as store:
        frame = store.events_frame()
        assert store.check() == []
    assert len(frame) == 2
    assert frame["n_reports"].tolist() == [1, 1]
    assert [len(json.loads(r)) for r in frame["reports"]] == [1, 1]


def test_two_events_of_one_article_are_never_one_incident(tmp_path: Path) -> None:
    """Even when their actors agree or one names none."""
    result = _result("a", (ARMENIA, AZERBAIJAN), (None, None), (ARMENIA, None), (ARMENIA, AZERBAIJAN))
    with _stored(tmp_path, result) as store:
        assert _groups(store) == {frozenset({f"a:{n}"}) for n in range(4)}
        assert store.check() == []


def test_two_attackers_reported_by_two_articles_are_two_incidents(tmp_path: Path) -> None:
    with _stored(tmp_path, _result("a", (ARMENIA, AZERBAIJAN)), _result("b", (AZERBAIJAN, ARMENIA))) as store:
        assert _groups(store) == {frozenset({"a:0"}), frozenset({"b:0"})}


def test_a_report_naming_no_actor_or_one_joins_the_incident_it_fits(tmp_path: Path) -> None:
    results = (
        _result("a", (ARMENIA, AZERBAIJAN), source="VnExpress"),
        _result("b", (None, None), source="Tuổi Trẻ"),
        _result("c", (ARMENIA, None), source="VOV"),
        _result("d", (None, AZERBAIJAN), source="Dân trí"),
    )
    with _stored(tmp_path, *results) as store:
        frame = store.events_frame()
    assert len(frame) == 1
    assert frame.iloc[0]["n_reports"] == 4
    assert frame.iloc[0]["actor1"] == ARMENIA and frame.iloc[0]["actor2"] == AZERBAIJAN


def test_a_report_that_fits_two_incidents_joins_neither(tmp_path: Path) -> None:
    """Each side shelled the other's side of the town; a third outlet names nobody: which of the
    two it reports is not known, so it stays apart (an analyst may merge it)."""
    results = (_result("a", (ARMENIA, AZERBAIJAN)), _result("b", (AZERBAIJAN, ARMENIA)),
               _result("c", (None, None)), _result("d", (ARMENIA, None)))  # fmt: skip
    with _stored(tmp_path, *results) as store:
        assert _groups(store) == {frozenset({"a:0", "d:0"}), frozenset({"b:0"}), frozenset({"c:0"})}


# articles whose links change as others arrive and leave: blank, partial and named reports,
# an article holding both sides, another day
LINKING_SET = (
    _result("a", (ARMENIA, AZERBAIJAN)),
    _result("b", (None, None)),
    _result("c", (ARMENIA, None), (None, None)),
    _result("d", (AZERBAIJAN, ARMENIA), (ARMENIA, AZERBAIJAN)),
    _result("e", (None, AZERBAIJAN)),
    _result("f", (None, None), (AZERBAIJAN, None)),
)


def test_linking_does_not_depend_on_arrival_order_with_actors(tmp_path: Path) -> None:
    import itertools
    import random

    orders = list(itertools.permutations(LINKING_SET))
    random.Random(11).shuffle(orders)
    seen = set()
    for n, order in enumerate(orders[:25]):
        with _stored(tmp_path, *order, name=f"order{n}.sqlite") as store:
            assert store.check() == []
            seen.add(frozenset((k, frozenset(v)) for k, v in _incidents(store).items()))
    assert len(seen) == 1


def test_links_follow_articles_added_replaced_and_removed(tmp_path: Path) -> None:
    """After every change the store links as a store built from what it holds."""
    import itertools

    for n, gone in enumerate(itertools.chain.from_iterable(
        itertools.combinations(LINKING_SET, k) for k in (1, 2)
    )):  # fmt: skip
        kept = [r for r in LINKING_SET if r not in gone]
        with _stored(tmp_path, *LINKING_SET, name=f"all{n}.sqlite") as store:
            for result in gone:
                assert store.remove(result["article"]["id"])
            assert store.check() == []
            after_removal = _groups(store)
            for result in kept[:2]:  # re-extracted: stored again over itself
                store.add(result, f"text of {result['article']['id']}", replace=True)
            assert store.check() == []
            assert _groups(store) == after_removal
        with _stored(tmp_path, *kept, name=f"kept{n}.sqlite") as fresh:
            assert _groups(fresh) == after_removal


def test_a_new_version_of_an_input_relinks_the_incident(tmp_path: Path) -> None:
    """A file edited and ingested again replaces its old article: the report that named no
    actor, alone beside two attackers, joins the one attacker left."""
    store = _stored(tmp_path, _result("a", (ARMENIA, AZERBAIJAN)), _result("c", (None, None)))
    old, new = _result("b", (AZERBAIJAN, ARMENIA)), _result("b2", (None, None))
    with store:
        store.add(old, "old text", file_key="/news/b.txt", digest="1")
        assert _groups(store) == {frozenset({"a:0"}), frozenset({"b:0"}), frozenset({"c:0"})}
        store.add(new, "new text", file_key="/news/b.txt", digest="2")
        assert store.check() == []
        assert _groups(store) == {frozenset({"a:0", "c:0", "b2:0"})}


def test_a_store_linked_without_actors_is_linked_again_when_opened(tmp_path: Path) -> None:
    with _stored(tmp_path, _result("a", (ARMENIA, AZERBAIJAN)), _result("b", (AZERBAIJAN, ARMENIA))) as store:
        # as the store was left by the version that keyed incidents by day, place and type only
        store.con.execute("DROP TABLE incident_actors")
        store.con.execute("UPDATE events SET incident = '2020-10-04|geonames:147622|" + SHELLING[1] + "'")
    with EventStore(tmp_path / "events.sqlite") as store:
        assert _groups(store) == {frozenset({"a:0"}), frozenset({"b:0"})}
        assert store.check() == []


def test_a_bulk_load_links_as_article_by_article_also_after_a_crash(tmp_path: Path) -> None:
    """A bulk load into an empty store drops the incident index: the buckets whose links change
    are marked and linked when the indexes are built, or when a store a crash left is opened."""
    with _stored(tmp_path, *LINKING_SET, name="one-by-one.sqlite") as store:
        want = _groups(store)
    for crash in (False, True):
        store = EventStore(tmp_path / f"bulk-{crash}.sqlite")
        store.batching(articles=3)
        assert store.defer_indexes(adding=len(LINKING_SET))
        for result in LINKING_SET:
            assert store.add(result, f"text of {result['article']['id']}")
        if crash:  # committed batches, no index build: as a killed ingest leaves the store
            store.flush()
            assert store.con.execute("SELECT COUNT(*) FROM incident_stale").fetchone()[0] > 0
            store.con.close()
        else:
            store.close()
        with EventStore(tmp_path / f"bulk-{crash}.sqlite") as store:
            assert store.check() == []
            assert _groups(store) == want
            assert store.con.execute("SELECT COUNT(*) FROM incident_stale").fetchone()[0] == 0
