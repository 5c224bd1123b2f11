"""The dashboard's data side: the sample store, filters, uploads, popups and escaping."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest
import shapely
from shapely.geometry import shape

from dashboard import add, assets, data
from dashboard.feed import feed_rows
from dashboard.mapview import (
    VIOLENT,
    build_map,
    event_bounds,
    event_id_from_popup,
    event_popup,
    place_popup,
    prepare_map_data,
    write_popups,
)
from events.output import ACLED_COLUMNS
from events.pipeline import Extractor
from events.reader import MAX_BYTES, article_from_text
from gazetteer import Gazetteer
from gazetteer.textnorm import fold
from store import export
from store.db import EventStore

HOSTILE = '<script>alert(1)</script> Nga <img src=x onerror="alert(2)"> [x](javascript:alert(3))'

# Two outlets reporting one shelling of Terter (written for these tests in the style of wire copy):
# (title, text, outlet, URL). The second outlet's title and URL are hostile.
TERTER_REPORTS = (
    (
        "Pháo binh Armenia nã đạn vào Terter",
        "Bộ Quốc phòng Azerbaijan hôm nay thông báo pháo binh Armenia đã pháo kích thị trấn Terter, "
        "làm 2 dân thường thiệt mạng.",
        "Báo Mẫu",
        "https://bao-mau.example/terter",
    ),
    (
        "<b>Terter</b> lại bị <img src=x onerror=alert(1)> pháo kích",
        "Phía Azerbaijan cho biết quân đội Armenia hôm nay tiếp tục pháo kích vào thị trấn Terter, "
        "khiến 3 người chết.",
        "Tin <i>Thử</i>",
        "javascript:alert(2)",
    ),
)


def store_terter_reports(store: EventStore, extractor: Extractor) -> None:
    """Ingest :data:`TERTER_REPORTS`, published the same day."""
    for i, (title, text, outlet, url) in enumerate(TERTER_REPORTS):
        meta = {"source": outlet, "url": url, "title": title}
        article = article_from_text(text, path=f"terter-{i}.txt", published="2020-10-05", meta=meta)
        assert store.add(extractor.extract(article), article.text)


@pytest.fixture(scope="module")
def extractor(gaz: Gazetteer) -> Extractor:
    return Extractor(gaz)


@pytest.fixture
def store(tmp_path: Path, extractor: Extractor) -> EventStore:
    store = EventStore(tmp_path / "events.sqlite")
    assert data.ensure_samples(store, extractor) == 2
    assert data.ensure_samples(store, extractor) == 0  # only into an empty store
    yield store
    store.close()


def test_filters(store: EventStore) -> None:
    events = data.events_frame(store)
    everything = data.apply_filters(events, data.Filters(background=True))
    assert len(everything) == len(events)
    news = data.apply_filters(events, data.Filters())
    assert not news["background"].any() and len(news) < len(events)
    before_28 = data.apply_filters(events, data.Filters(dates=(dt.date(2020, 9, 1), dt.date(2020, 9, 27))))
    assert "Tartar" not in set(before_28["location"]) and len(before_28) > 0
    terter = data.apply_filters(events, data.Filters(query="terter"))
    assert set(terter["location"]) == {"Tartar"}
    shelling = data.apply_filters(events, data.Filters(event_types=["Explosions/Remote violence"]))
    assert set(shelling["event_type"]) == {"Explosions/Remote violence"}
    iran = data.apply_filters(events, data.Filters(countries=["IR"], precisions=[2]))
    assert set(iran["country"]) == {"IR"} and set(iran["geo_precision"]) == {2}
    low, high = data.date_bounds(events, background=False)
    assert (low, high) == (dt.date(2020, 9, 27), dt.date(2020, 10, 3))
    assert data.date_bounds(events, background=True)[0].year == 1988


def test_uploads_good_duplicate_and_bad(store: EventStore, extractor: Extractor) -> None:
    good = "Quân đội Ukraine cho biết Nga đã pháo kích nhằm vào thành phố Kharkov hôm qua.".encode()
    items = add.uploaded_items(
        [
            ("a.txt", good),
            ("a-again.txt", good),
            ("empty.txt", b""),
            ("image.txt", bytes(range(256)) * 40),
            ("big.txt", b"x" * (MAX_BYTES + 1)),
            ("old.txt", "Giao tranh ở Donetsk.".encode("utf-16")),
        ],
        pasted="Biểu tình ở Tbilisi hôm nay.",
        published="2024-03-01",
        outlet="Test",
    )
    report = add.ingest(items, store, extractor, outlet="Test")
    assert report.stored == 3 and report.events >= 3
    assert report.duplicates == ["a-again.txt"]
    errors = dict(report.errors)
    assert set(errors) == {"empty.txt", "image.txt", "big.txt"}
    assert "empty" in errors["empty.txt"] and "binary" in errors["image.txt"] and "20 MB" in errors["big.txt"]
    events = data.events_frame(store)
    kharkiv = events[events["location"].fillna("").str.contains("Kharkiv")]
    assert not kharkiv.empty and kharkiv.iloc[0]["event_date"] == pd.Timestamp("2024-02-29")
    assert set(kharkiv["source"]) == {"Test"}


def test_hostile_text_is_escaped_everywhere(store: EventStore, extractor: Extractor) -> None:
    text = f"Nga pháo kích nhằm vào thành phố Kharkov hôm qua {HOSTILE}."  # few tags: read as text, not HTML
    report = add.ingest(add.uploaded_items([], text, "2024-03-01", outlet="<b>evil</b>"), store, extractor)
    assert report.stored == 1
    events = data.events_frame(store)
    event = events[events["notes"].str.contains("Kharkov")].iloc[0]
    popup = event_popup(event, "vi")
    assert "<script>" not in popup and "onerror=" not in popup.replace("onerror=&quot;", "")
    assert "&lt;script&gt;" in popup and "<b>evil</b>" not in popup
    places = data.places_frame(store)
    article_places = places[places["article_id"] == event["article_id"]]
    body = data.highlighted_article(
        store.article_text(event["article_id"]), article_places, (event["text_start"], event["text_end"])
    )
    assert "<script>" not in body and "<img" not in body and "&lt;img" in body
    assert '<mark class="dd-place">Nga</mark>' in body
    texts = data.place_sentences(store, article_places)
    russia = article_places[article_places["name"] == "Russia"]
    assert "<script>" not in place_popup(russia, "en", texts[russia["place_id"].iloc[0]])
    prepared = prepare_map_data(events, article_places, "vi", texts)
    for text in (*prepared.events.values(), prepared.places, *prepared.popups.values()):
        assert "<script>" not in text and "<img" not in text


def test_javascript_links_are_not_links() -> None:
    event = pd.Series(
        {
            "event_type": "Battles", "sub_event_type": "Armed clash",
            "event_date": pd.Timestamp("2020-09-28"), "date_end": None, "location": "Tartar",
            "location_vi": "Terter", "place_surface": "Terter",
            "geo_precision": 1, "notes": "pháo kích nhằm vào thị trấn Terter", "claimed_by": None,
            "fatalities": float("nan"), "source": "VnExpress", "source_url": "javascript:alert(1)",
            "article_path": "a.txt", "article_id": "x", "event_id": "x:1",
        }
    )  # fmt: skip
    popup = event_popup(event, "en")
    assert "href" not in popup and "<mark>Terter</mark>" in popup
    event["source_url"] = 'https://example.org/a?b=1&c="2"'
    assert 'href="https://example.org/a?b=1&amp;c=&quot;2&quot;"' in event_popup(event, "en")
    assert event_id_from_popup("Giao tranh\n...\nID: abc123:4") == "abc123:4"
    assert event_id_from_popup("Thổ Nhĩ Kỳ (1 lần nhắc)") is None


def test_places_layer_and_geojson(store: EventStore) -> None:
    places = data.places_frame(store)
    texts = data.place_sentences(store, places)
    prepared = prepare_map_data(data.events_frame(store), places, "vi", texts)
    tooltips = " ".join(row[3] for row in prepared.places.values())
    for name in ("Thổ Nhĩ Kỳ", "Pakistan", "Hungary"):
        assert name in tooltips
    terter = places[places["surface"] == "Terter"]
    # The extractor's sentence, not cut at the "." of "19.000".
    sentence = (
        "Azerbaijan cáo buộc Armenia pháo kích nhằm vào thị trấn Terter với dân số 19.000 người "
        "ở biên giới hai nước."
    )
    assert texts[terter["place_id"].iloc[0]] == [("Terter", sentence)]
    row = terter.iloc[0]
    assert store.article_text(row["article_id"])[row["sentence_start"] : row["sentence_end"]] == sentence
    assert "thị trấn <mark>Terter</mark> với dân số 19.000" in prepared.popups[f"place:{row['place_id']}"]
    events = data.apply_filters(data.events_frame(store), data.Filters())
    collection = json.loads(export.as_text(events[list(ACLED_COLUMNS)], "geojson"))
    assert len(collection["features"]) == len(events)
    assert collection["features"][0]["geometry"]["type"] == "Point"


def test_reextract_after_a_new_place(tmp_path: Path, built_db: Path) -> None:
    gaz = Gazetteer(built_db, tmp_path / "user.sqlite")
    store = EventStore(tmp_path / "events.sqlite")
    items = add.uploaded_items([], "Pháo binh bắn vào làng Xyzabad ở Azerbaijan hôm qua.", "2020-09-28")
    report = add.ingest(items, store, Extractor(gaz))
    assert report.stored == 1
    assert "Xyzabad" in set(data.unresolved_frame(store)["surface"])
    gaz.add_place("Xyzabad", "village", 40.1, 47.0, country="AZ")
    assert data.reextract_mentioning(["Xyzabad"], store, Extractor(gaz)) == 1
    assert data.unresolved_frame(store).empty
    assert "Xyzabad" in set(data.events_frame(store)["location"])


def test_popups_file_is_named_by_content_and_replaces_older_ones(tmp_path: Path) -> None:
    first = write_popups({"a:1": "<b>x</b>"}, tmp_path, prefix="popups-s-vi")
    again = write_popups({"a:1": "<b>x</b>"}, tmp_path, prefix="popups-s-vi")
    other_lang = write_popups({"a:1": "<b>y</b>"}, tmp_path, prefix="popups-s-en")
    assert first == again and first.startswith("/app/static/cache/popups-s-vi-")
    second = write_popups({"a:1": "<b>z</b>"}, tmp_path, prefix="popups-s-vi")
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted([second.rsplit("/", 1)[1], other_lang.rsplit("/", 1)[1]])
    text = (tmp_path / second.rsplit("/", 1)[1]).read_text(encoding="utf-8")
    assert json.loads(text) == {"a:1": "<b>z</b>"} and "<" not in text  # safe inside a script too


def test_incident_popup_lists_every_source_escaped(tmp_path: Path, extractor: Extractor) -> None:
    with EventStore(tmp_path / "events.sqlite") as store:
        store_terter_reports(store, extractor)
        events = data.events_frame(store)
        no_places = data.places_frame(store).iloc[0:0]
    terter = events[events["location"] == "Tartar"]
    assert len(terter) == 1 and terter.iloc[0]["n_reports"] == 2
    event = terter.iloc[0]
    for lang, word in (("vi", "2 nguồn"), ("en", "2 sources")):
        popup = event_popup(event, lang)
        assert popup.count('<li class="dd-report">') == 2 and word in popup
        assert '<a href="https://bao-mau.example/terter"' in popup and ">Báo Mẫu</a>" in popup
        assert "Tin &lt;i&gt;Thử&lt;/i&gt;" in popup and "javascript" not in popup  # not a link
        assert "&lt;img src=x onerror=alert(1)&gt;" in popup and "<img" not in popup
        assert "<i>Pháo binh Armenia nã đạn vào Terter</i>" in popup
        assert "05/10/2020" in popup and popup.count("<mark>Terter</mark>") == 2
        assert "làm 2 dân thường" in popup and "khiến 3 người chết" in popup
        prepared = prepare_map_data(terter, no_places, lang)
        (marker,) = (json.loads(m) for m in prepared.events.values())
        assert marker[4].endswith(f"· {word}")  # the marker's tooltip
        assert prepared.popups[event["event_id"]] == popup


def test_single_report_popup_is_unchanged(store: EventStore) -> None:
    events = data.events_frame(store)
    event = events[events["location"] == "Tartar"].iloc[0]
    assert event["n_reports"] == 1
    popup = event_popup(event, "vi")
    assert "dd-report" not in popup and "nguồn:" not in popup and "<b>Nguồn:</b>" in popup


# Events placed in an admin-1 region, on a sea and in a strait (written for this test).
REGION_ARTICLES = (
    "Thống đốc cho biết Ukraine hôm qua tập kích bằng máy bay không người lái vào tỉnh Belgorod "
    "của Nga, làm 2 người bị thương.",
    "Hải quân Ukraine cho biết đã tấn công một tàu tuần tra của Nga trên Biển Đen hôm qua.",
    "Lực lượng Houthi hôm qua phóng tên lửa vào một tàu hàng ở eo biển Bab el-Mandeb.",
    "Quân đội Israel hôm qua không kích miền nam Liban.",
)


def test_region_and_sea_events_get_their_outline(
    tmp_path: Path, extractor: Extractor, gaz: Gazetteer
) -> None:
    with EventStore(tmp_path / "events.sqlite") as store:
        for i, text in enumerate(REGION_ARTICLES):
            article = article_from_text(text, path=f"region-{i}.txt", published="2024-05-02")
            assert store.add(extractor.extract(article), article.text)
        events = data.events_frame(store)
    by_place = events.set_index("place_id")["geo_precision"]
    assert by_place["admin1:RU-BEL"] == 2
    extents = data.event_extents(events, gaz)
    assert set(extents) == {"admin1:RU-BEL", "curated:black-sea", "curated:bab-el-mandeb"}  # no country
    assert extents["admin1:RU-BEL"]["type"] in {"Polygon", "MultiPolygon"}
    fmap = build_map("[]", "[]", "/x.json", extents, "vi")
    page = fmap.get_root().render()
    for outline in extents.values():
        assert json.dumps(float(shapely.get_coordinates(shape(outline))[0][0])) in page  # drawn


def test_large_outlines_are_simplified_to_a_page_budget(gaz: Gazetteer) -> None:
    stored = gaz.geometry_json("admin1:CA-NU")  # Nunavut: 160 kB of islands
    assert stored and len(stored) > data.MAX_OUTLINE_CHARS
    outline = data.drawable(stored)
    assert len(json.dumps(outline)) <= data.MAX_OUTLINE_CHARS * 1.1
    assert outline["type"] in {"Polygon", "MultiPolygon"}
    original, simple = shape(json.loads(stored)).bounds, shape(outline).bounds
    assert all(abs(a - b) < 1.0 for a, b in zip(original, simple, strict=True))
    assert data.drawable('{"type":"Point","coordinates":[1,2]}') == {"type": "Point", "coordinates": [1, 2]}


def test_provenance_is_outlet_and_title_else_file_name_else_pasted_text() -> None:
    from dashboard.review import source_html, source_label

    assert source_label("VnExpress", "Giao tranh ở Terter", "/home/u/news/a.txt", "vi") == (
        "VnExpress — Giao tranh ở Terter"
    )
    assert source_label(None, None, "/home/u/news/a.txt", "en") == "a.txt"  # never the folders
    assert source_label(None, None, "C:\\news\\b.txt", "en") == "b.txt"
    assert source_label(None, "", None, "vi") == "văn bản dán vào"
    assert source_label(float("nan"), None, None, "en") == "pasted text"
    linked = source_html("Báo <A>", "Tin", None, "https://bao.example/x?a=1&b=2", "vi")
    assert (
        linked.startswith('<a href="https://bao.example/x?a=1&amp;b=2"')
        and "Báo &lt;A&gt;</a> — <i>Tin</i>" in linked
    )
    assert "<a" not in source_html("Báo", None, None, "javascript:alert(1)", "vi")


# -- analyst filters, timeline, first view, labels (issue 12 items 2–4) --------------------


def test_search_ignores_case_and_accents_and_reads_actors(store: EventStore) -> None:
    events = data.events_frame(store)
    accented = data.apply_filters(events, data.Filters(query="pháo kích"))
    assert len(accented) > 0
    for query in ("phao kich", "PHAO KICH", "Pháo Kích", "  phao   kich "):
        found = data.apply_filters(events, data.Filters(query=query))
        assert list(found["event_id"]) == list(accented["event_id"]), query
    assert set(data.apply_filters(events, data.Filters(query="terter"))["location"]) == {"Tartar"}
    # an actor is found by its name alone, without accents
    actor = next(a for a in data.actor_options(events) if a)
    by_actor = data.apply_filters(events, data.Filters(query=fold(actor).upper()))
    pairs = zip(by_actor["actor1"], by_actor["actor2"], strict=True)
    assert len(by_actor) > 0 and all(actor in pair for pair in pairs)
    assert data.search_key("Đà Nẵng") == "da nang"


def test_actor_sub_event_and_fatality_filters(store: EventStore) -> None:
    events = data.events_frame(store)
    actor = data.actor_options(events)[0]
    kept = data.apply_filters(events, data.Filters(actors=[actor], background=True))
    assert len(kept) > 0 and ((kept["actor1"] == actor) | (kept["actor2"] == actor)).all()
    sub = events["sub_event_type"].dropna().iloc[0]
    kept = data.apply_filters(events, data.Filters(sub_event_types=[sub], background=True))
    assert set(kept["sub_event_type"]) == {sub}
    dead = pd.to_numeric(events["fatalities"], errors="coerce").fillna(0)
    assert dead.max() > 0
    most = data.max_fatalities(events)
    kept = data.apply_filters(events, data.Filters(fatalities=(1, most), background=True))
    assert len(kept) == int((dead >= 1).sum()) > 0
    none = data.apply_filters(events, data.Filters(fatalities=(0, 0), background=True))
    assert len(none) + len(kept) == len(events)  # an event without a figure counts as 0


def test_countries_by_name_in_the_ui_language() -> None:
    assert data.country_name("AZ", "vi") == "Azerbaijan"
    assert data.country_name("DE", "vi") == "Đức" and data.country_name("DE", "en") == "Germany"
    assert data.country_name("RU", "vi") == "Nga" and data.country_name("QX", "en") == "QX"


def test_timeline_bins_follow_the_period_and_wars_span_their_years(store: EventStore) -> None:
    assert data.timeline_freq(dt.date(2020, 9, 27), dt.date(2020, 10, 3)) == "D"
    assert data.timeline_freq(dt.date(2020, 1, 1), dt.date(2020, 12, 31)) == "W"
    assert data.timeline_freq(dt.date(2015, 1, 1), dt.date(2020, 12, 31)) == "M"
    assert data.timeline_freq(dt.date(1988, 2, 1), dt.date(2020, 10, 3)) == "Y"
    events = data.events_frame(store)
    war = events[events["background"] & events["date_end"].notna()]
    assert not war.empty  # the 1988–1994 war, "từ tháng 2/1988 đến tháng 5/1994"
    yearly = data.timeline_counts(war.head(1), "Y")
    start, end = war.iloc[0]["event_date"].year, pd.Timestamp(war.iloc[0]["date_end"]).year
    assert list(yearly["start"].dt.year) == list(range(start, end + 1)) and end - start >= 5
    monthly = data.timeline_counts(war.head(1), "M")
    assert len(monthly) > 60 and set(monthly["events"]) == {1}
    news = data.apply_filters(events, data.Filters())
    daily = data.timeline_counts(news, "D")
    spans = (pd.to_datetime(news["date_end"]).fillna(news["event_date"]) - news["event_date"]).dt.days
    assert daily["events"].sum() == len(news) + spans.sum()  # a two-day clash is in both days
    dead = pd.to_numeric(news["fatalities"], errors="coerce").fillna(0).sum()
    assert daily["fatalities"].sum() == dead


def test_first_view_fits_violent_events_not_capitals(store: EventStore) -> None:
    events = data.apply_filters(data.events_frame(store), data.Filters())
    assert set(events["event_type"]) - set(VIOLENT)  # statements and talks are there too
    (_, west), (_, east) = event_bounds(events)
    violent = events[events["event_type"].isin(VIOLENT)]
    assert west <= violent["longitude"].min() and east >= violent["longitude"].max()
    everything = event_bounds(events[~events["event_type"].isin(VIOLENT)])
    assert (east - west) < (everything[1][1] - everything[0][1])  # not the world of capitals


def test_place_circles_follow_the_filters(store: EventStore) -> None:
    events, places = data.events_frame(store), data.places_frame(store)
    prepared = prepare_map_data(events, places, "vi", data.place_sentences(store, places))
    terter = data.apply_filters(events, data.Filters(query="terter"))
    shown = places.loc[places["article_id"].isin(set(terter["article_id"])), "place_id"].unique()
    assert 0 < len(json.loads(prepared.places_js(shown))) < len(json.loads(prepared.places_js()))
    fmap = build_map(prepared.events_js(terter["event_id"]), prepared.places_js(shown), "/p.json", {}, "vi")
    page = fmap.get_root().render()
    assert "show: false" in page or '"show": false' in page or "place" in page
    for text in ("Địa danh được nhắc đến", "dd-legend", "<details"):
        assert text in page


def test_feed_rows_newest_first_with_the_selected_one(store: EventStore) -> None:
    events = data.apply_filters(data.events_frame(store), data.Filters())
    rows = feed_rows(events, "en", None)
    dates = [dt.datetime.strptime(r["date"], "%d/%m/%Y") for r in rows]
    assert dates == sorted(dates, reverse=True) and len(rows) == len(events)
    oldest = events.sort_values("event_date").iloc[0]["event_id"]
    few = feed_rows(events, "en", oldest, limit=2)
    assert len(few) == 3 and few[-1]["id"] == oldest
    assert all(r["colour"].startswith("#") and r["icon"].startswith("fa-") for r in rows)


def test_labels_are_decluttered_per_zoom() -> None:
    # three towns 5 km apart: one label at a low zoom, all three once the zoom spreads them
    points = [(40.0, 47.0), (40.045, 47.0), (40.0, 47.06)]
    first = assets.declutter(points, 90, range(3, 14))
    assert first[0] == 3 and 9 < first[1] <= 13 and 9 < first[2] <= 13
    far = assets.declutter([(40.0, 47.0), (-33.9, 151.2)], 90, range(3, 12))
    assert far == [3, 3]
