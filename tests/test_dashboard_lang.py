"""One language at a time (issue 12 items 6–8), run headless with AppTest: every page in each
language holds no string of the other (data aside: article text, place and file names); adding
an article by URL (a local HTTP server, never the internet) with title, outlet and date, and its
result list selecting an event on the map; the places page's form, refusals and the user's
places edited and deleted.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pandas as pd
import pytest
from google.protobuf.message import Message as Proto
from streamlit.testing.v1 import AppTest

from dashboard import chrome, data, i18n
from store import EventStore

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "app.py")
GAZA = (
    "Quân đội Israel không kích thành phố Khan Younis ở Dải Gaza hôm qua, ít nhất 12 người thiệt mạng, "
    "Bộ Y tế Gaza cho biết."
)
KVITKOVE = "Pháo binh Nga pháo kích làng Kvitkove thuộc tỉnh Kharkiv hôm qua, ba dân thường thiệt mạng."
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4

# Streamlit's own English, which the page must never show in Vietnamese (nor anything like it).
STREAMLIT_EN = ("Choose options", "Choose an option", "Select all", "Browse files", "Drag and drop",
                "per file", "Press Enter", "No results", "Upload")  # fmt: skip
VIETNAMESE_LETTER = re.compile(
    "[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.IGNORECASE
)
# Widgets whose options are data (names found in articles, the user's places), and the switch
# that names both languages.
DATA_WIDGETS = ("online_name", "edit_choice", "alias_choice", "lang")


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, built_db: Path) -> AppTest:
    monkeypatch.setattr(data, "STORE", tmp_path / "events.sqlite")
    monkeypatch.setattr(data, "USER_PLACES", tmp_path / "user_places.sqlite")
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception, at.exception
    return at


def _proto_strings(message: Proto) -> Iterator[tuple[str, str]]:
    for field, value in message.ListFields():
        values = [value] if isinstance(value, (str, bytes, Proto, int, float, bool)) else list(value)
        for v in values:
            if isinstance(v, Proto):
                yield from _proto_strings(v)
            elif isinstance(v, str):
                yield field.name, v


def ui_strings(at: AppTest) -> list[str]:
    """Every text the page shows that is not data: labels, bodies, placeholders, help, options
    and table headers (``st.html`` holds the article and CSS; charts are checked apart)."""
    out: list[str] = []

    def walk(node: object) -> None:
        proto = getattr(node, "proto", None)
        kind = type(node).__name__
        if isinstance(proto, Proto) and kind not in ("Html", "UnknownElement"):
            key = getattr(proto, "id", "")
            data_widget = any(isinstance(key, str) and key.endswith("-" + k) for k in DATA_WIDGETS)
            if isinstance(key, str) and key.endswith("-lang"):  # the switch names both languages
                proto = None
            for name, text in _proto_strings(proto) if proto is not None else ():
                shown = name in ("label", "body", "placeholder", "help", "options")
                if shown and not (data_widget and name != "label"):
                    out.append(text)
                elif name == "columns" and kind == "Dataframe":
                    out.extend(c["label"] for c in json.loads(text).values() if "label" in c)
        children = getattr(node, "children", {})
        for child in children.values() if isinstance(children, dict) else children:
            walk(child)

    walk(at._tree)
    return out


def _words(pairs: object, side: int) -> set[str]:
    """One side of (vi, en) pairs, only where it differs from the other side."""
    return {pair[side] for pair in pairs if pair[0] != pair[1]}  # type: ignore[attr-defined]


def other_language(lang: str) -> set[str]:
    """The strings (fixed parts of messages included) that only the other language has."""
    pairs = [*i18n.TEXT.values(), *i18n.COLUMNS_TEXT.values(), *i18n.KINDS_TEXT.values()]
    pairs += [(vi, en) for en, vi in {**i18n.EVENT_TYPES_VI, **i18n.SUB_EVENT_TYPES_VI}.items()]
    side = 1 if lang == "vi" else 0
    words = {re.split(r"\{", w)[0].strip() for w in _words(pairs, side)}
    # Streamlit's and Leaflet's own words (dashboard.chrome), the fixed parts of their patterns
    own = [*chrome.STREAMLIT_TEXT.items(), *((en, vi) for vi, en in chrome.LEAFLET_TEXT.values())]
    own += [(part_en, part_vi) for en, vi in chrome.STREAMLIT_PATTERNS
            for part_en, part_vi in zip(en.split("{x}"), vi.split("{x}"), strict=True)]  # fmt: skip
    if lang == "vi":
        words |= set(STREAMLIT_EN) | {en.strip() for en, vi in own if en != vi}
    else:
        words |= {re.split(r"\{", w)[0].strip() for w in i18n.MESSAGES_VI.values()}
        words |= {vi.strip() for en, vi in own if en != vi}
    return {w for w in words if len(w) >= 3}


def foreign(strings: list[str], lang: str) -> list[str]:
    """The strings that hold text of the other language."""
    markers = other_language(lang)
    # Streamlit's shapes with a value ("Help for {x}", "{x} — start") in the other language
    side = 0 if lang == "vi" else 1
    shapes = [re.compile(chrome.pattern_regex(pair[side])) for pair in chrome.STREAMLIT_PATTERNS]
    found = []
    for text in strings:
        long_hit = any(m in text for m in markers if len(m) >= 8)
        short_hit = text.strip() in markers
        letters = lang == "en" and VIETNAMESE_LETTER.search(text)
        shaped = any(shape.match(text.strip()) for shape in shapes)
        if long_hit or short_hit or letters or shaped:
            found.append(text)
    return found


def _submit_add(at: AppTest, *, published: str = "", pasted: str = "", files: list | None = None) -> None:
    if files:
        at.file_uploader(key="uploads").set_value(files)
    if pasted:
        at.text_area(key="pasted").set_value(pasted)
    at.text_input(key="published").set_value(published)
    next(b for b in at.button if "add_articles" in str(b.form_id)).click().run()  # the form's submit
    assert not at.exception, at.exception


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_page_speaks_one_language(app: AppTest, lang: str) -> None:
    if lang == "en":
        app.radio(key="lang").set_value("en").run()
    seen = ui_strings(app)
    # Add articles: a good file, a binary one, an undated paste: success, error, warnings.
    _submit_add(
        app,
        published="12/05/2024",
        files=[("good.txt", GAZA.encode("utf-8"), "text/plain"), ("image.txt", PNG, "text/plain")],
    )
    seen += ui_strings(app)
    errors = [e.value for e in app.error]
    expected = {"vi": "image.txt: không đọc được — tệp nhị phân, không phải văn bản",
                "en": "image.txt: cannot be read — binary file, not text"}[lang]  # fmt: skip
    assert errors == [expected]
    # the event selected from the result list: the detail and review panels
    next(b for b in app.button if b.label == i18n.t("show_on_map", lang)).click().run()
    assert not app.exception, app.exception
    assert any("dd-event" in h.proto.body for h in app.get("html"))
    seen += ui_strings(app)
    _submit_add(app, pasted=KVITKOVE.replace("hôm qua", "ngày 1/6/2024"))
    seen += ui_strings(app)
    assert app.warning, "the undated paste is said to be undated"
    _submit_add(app, published="bad date", pasted=KVITKOVE)
    seen += ui_strings(app)
    _submit_add(app, published="02/06/2024", pasted=KVITKOVE)
    seen += ui_strings(app)
    # Places: a place with no coordinates is refused, one with them is added, then listed.
    app.text_input(key="place_name").set_value("Kvitkove")
    save = next(b for b in app.button if "add_place" in str(b.form_id))
    save.click().run()
    seen += ui_strings(app)
    refused = {"vi": "chưa có toạ độ", "en": "no coordinates"}[lang]
    assert any(refused in e.value for e in app.error), [e.value for e in app.error]
    app.text_input(key="place_name").set_value("Kvitkove")
    app.number_input(key="place_lat").set_value(49.71)
    app.number_input(key="place_lon").set_value(37.02)
    next(b for b in app.button if "add_place" in str(b.form_id)).click().run()
    assert not app.exception, app.exception
    seen += ui_strings(app)
    assert app.success and app.selectbox(key="edit_choice").value == "user:kvitkove"
    app.text_input(key="alias_name").set_value("Kharkov city")
    app.text_input(key="alias_target").set_value("Kharkiv")
    next(b for b in app.button if "add_alias" in str(b.form_id)).click().run()
    assert not app.exception, app.exception
    assert app.selectbox(key="alias_choice").value == 0  # the other names the user added, listed
    seen += ui_strings(app)
    app.checkbox(key="background").check().run()  # the background events' table and labels too
    seen += ui_strings(app)
    assert len(seen) > 100
    assert not foreign(seen, lang), sorted(set(foreign(seen, lang)))
    # a missing value is a dash, not the grid's English "None"; dates day/month/year, as dates
    tables = [d.proto for d in app.dataframe]
    assert tables and all(p.placeholder == "–" for p in tables)
    configs = [json.loads(p.columns or "{}") for p in tables]
    dated = [c["event_date"] for c in configs if "event_date" in c]
    assert dated and all(c["type_config"]["format"] == "DD/MM/YYYY" for c in dated), dated
    # the timeline speaks the language too: its tooltip titles, and no English month names
    charts = [json.loads(c.proto.spec) for c in app.get("vega_lite_chart")]
    assert charts, "the timeline is drawn"
    encodings = [e for c in charts for e in _encodings(c)]
    tooltips = {t.get("title") for e in encodings for t in e.get("tooltip", [])}
    assert tooltips == {
        i18n.t(k, lang) for k in ("chart_period", "chart_type", "chart_events", "chart_fatalities")
    }
    formats = {e["x"]["axis"]["format"] for e in encodings if "axis" in e.get("x", {})}
    assert formats and formats <= {"%d/%m/%Y", "%m/%Y", "%Y"}  # numbers only: no month names


def _encodings(spec: object) -> list[dict]:
    """Every ``encoding`` in a Vega-Lite spec, through its layers and concatenations."""
    if isinstance(spec, dict):
        found = [spec["encoding"]] if isinstance(spec.get("encoding"), dict) else []
        return found + [e for key, value in spec.items() if key != "encoding" for e in _encodings(value)]
    if isinstance(spec, list):
        return [e for item in spec for e in _encodings(item)]
    return []


def test_the_checker_finds_the_other_language() -> None:
    """The check above fails on mixed pages (the old page said "Choose options" in Vietnamese)."""
    assert foreign(["Loại sự kiện", "Choose options", "200MB per file • TXT"], "vi") == [
        "Choose options",
        "200MB per file • TXT",
    ]
    assert foreign(["Event types", "Thêm bài báo", "pasted text: không có ngày đăng"], "en") == [
        "Thêm bài báo",
        "pasted text: không có ngày đăng",
    ]


def test_messages_of_events_and_gazetteer_have_vietnamese() -> None:
    """Every message key written in events/ and gazetteer/ has its Vietnamese, with the same
    parameters as its English."""
    root = Path(__file__).resolve().parent.parent
    keys = set()
    for path in [*root.glob("events/*.py"), *root.glob("gazetteer/*.py")]:
        text = path.read_text(encoding="utf-8")
        keys |= set(re.findall(r'(?:Message|InvalidPlace)\(\s*"([a-z0-9_.]+)"', text))
    keys |= {"pipeline.capped.place_mentions.kept", "pipeline.capped.unresolved_names.kept"}
    keys |= {f"reader.where.{w}" for w in ("argument", "header", "html", "manifest")}
    keys |= {"place.what.name", "place.what.Vietnamese_name", "place.what.alias"}
    assert len(keys) > 40
    assert sorted(keys - i18n.MESSAGES_VI.keys()) == []


class _Page(BaseHTTPRequestHandler):
    """A news site on loopback: one article page, and a 404 for anything else."""

    pages: ClassVar[dict[str, bytes]] = {}

    def do_GET(self) -> None:
        body = self.pages.get(self.path)
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(body or b"not found")

    def log_message(self, *args: object) -> None:
        pass


ARTICLE_PAGE = f"""<!doctype html><html lang="vi"><head><meta charset="utf-8">
<title>Không kích ở Khan Younis | Báo Thử</title>
<meta property="og:site_name" content="Báo Thử"></head>
<body><nav><a href="/">Trang chủ</a> · <a href="/the-gioi">Thế giới</a></nav>
<article><h1>Không kích ở Khan Younis</h1><p>{GAZA}</p>
<p>Các nhân viên cứu hộ tiếp tục tìm kiếm người mắc kẹt dưới đống đổ nát suốt đêm qua.</p></article>
<footer>Bản quyền thuộc về Báo Thử. Liên hệ quảng cáo.</footer></body></html>""".encode()


@pytest.fixture
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    _Page.pages = {"/the-gioi/khong-kich.html": ARTICLE_PAGE}
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_article_added_by_url_lists_its_events_and_selects_one_on_the_map(app: AppTest, site: str) -> None:
    url = f"{site}/the-gioi/khong-kich.html"
    app.text_input(key="article_url").set_value(url)
    app.text_input(key="article_title").set_value("Không kích Khan Younis")
    app.text_input(key="source").set_value("Báo Thử")
    _submit_add(app, published="12/05/2024")
    assert [s.value for s in app.success] == ["Đã lưu 1 bài, 1 sự kiện."]
    with EventStore(data.STORE) as store:
        row = store.con.execute(
            "SELECT title, outlet, url, published, text FROM articles WHERE url = ?", (url,)
        ).fetchone()
        event_id = store.con.execute(
            "SELECT e.event_id FROM events e JOIN articles a ON a.id = e.article_id WHERE a.url = ?", (url,)
        ).fetchone()[0]
    title, outlet, stored_url, published, text = row
    assert (title, outlet, stored_url, published) == ("Không kích Khan Younis", "Báo Thử", url, "2024-05-12")
    assert "Khan Younis" in text and "Trang chủ" not in text and "quảng cáo" not in text  # the article only
    # the result list: type, place, date, and a button that selects the event on the map
    line = next(m.value for m in app.markdown if "Khān Yūnis" in m.value or "Khan" in m.value)
    assert "Nổ / tấn công từ xa" in line and "11/05/2024" in line
    show = next(b for b in app.button if b.label == "Xem trên bản đồ")
    show.click().run()
    assert app.session_state["selected_event"] == event_id
    assert any("Khan Younis" in h.proto.body for h in app.get("html") if "dd-event" in h.proto.body)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("javascript:alert(1)", "«javascript:alert(1)» không phải địa chỉ http(s). Chưa lưu gì."),
        ("/nowhere.html", "không tải được trang — HTTP Error 404: Not Found"),
    ],
)
def test_bad_urls_get_a_message_and_store_nothing(app: AppTest, site: str, url: str, expected: str) -> None:
    with EventStore(data.STORE) as store:
        before = store.counts()["articles"]
    app.text_input(key="article_url").set_value(site + url if url.startswith("/") else url)
    _submit_add(app, published="12/05/2024")
    assert any(expected in e.value.replace("\\", "") for e in app.error), [e.value for e in app.error]
    with EventStore(data.STORE) as store:
        assert store.counts()["articles"] == before


def test_a_typed_date_that_is_not_one_is_refused(app: AppTest) -> None:
    _submit_add(app, published="31/02/2024", pasted=GAZA)
    assert [e.value for e in app.error] == [
        "Ngày đăng «31/02/2024» không hợp lệ: hãy viết ngày/tháng/năm, ví dụ 28/09/2020. Chưa lưu gì."
    ]
    assert not app.success


def test_user_place_edited_then_deleted_reextracts_its_articles(app: AppTest) -> None:
    _submit_add(app, published="02/06/2024", pasted=KVITKOVE)
    app.text_input(key="place_name").set_value("Kvitkove")
    app.number_input(key="place_lat").set_value(49.0)
    app.number_input(key="place_lon").set_value(37.0)
    next(b for b in app.button if "add_place" in str(b.form_id)).click().run()
    assert [s.value for s in app.success] == ["Đã thêm Kvitkove. Đã xử lý lại 1 bài báo."]

    place = app.selectbox(key="edit_choice").value
    app.number_input(key=f"edit_lat_{place}").set_value(49.71)
    app.number_input(key=f"edit_lon_{place}").set_value(37.02)
    app.selectbox(key=f"edit_kind_{place}").set_value("town")
    next(b for b in app.button if b.label == "Lưu thay đổi").click().run()
    assert not app.exception, app.exception
    assert [s.value for s in app.success] == ["Đã sửa Kvitkove. Đã xử lý lại 1 bài báo."]
    app.text_input(key="query").set_value("Kvitkove").run()
    table = app.dataframe[0].value
    assert (table["latitude"].round(2) == 49.71).all() and (table["longitude"].round(2) == 37.02).all()

    app.number_input(key=f"edit_lat_{place}").set_value(0.0)
    app.number_input(key=f"edit_lon_{place}").set_value(0.0)
    next(b for b in app.button if b.label == "Lưu thay đổi").click().run()
    assert any("0,0 là giữa đại dương" in e.value for e in app.error)  # refused, nothing changed

    next(b for b in app.button if b.label == "Xoá địa danh này").click().run()
    assert not app.exception, app.exception
    assert [s.value for s in app.success] == ["Đã xoá Kvitkove. Đã xử lý lại 1 bài báo."]
    assert any(c.value == "Bạn chưa thêm địa danh nào." for c in app.caption)
    unresolved = next(d.value for d in app.dataframe if "surface" in d.value.columns)
    assert list(unresolved["surface"]) == ["Kvitkove"]  # unknown again, its article re-read


def test_reextraction_keeps_the_title_outlet_and_url_typed(tmp_path: Path, gaz) -> None:
    from events.pipeline import Extractor
    from events.reader import article_from_text

    extractor = Extractor(gaz)
    article = article_from_text(GAZA, published="2024-05-12")
    with EventStore(tmp_path / "events.sqlite") as store:
        store.add(
            extractor.extract(article), article.text, title="T", outlet="Báo Thử", url="https://x.example/a"
        )
        assert data.reextract_mentioning(["Khan Younis"], store, extractor) == 1
        row = store.con.execute("SELECT title, outlet, url FROM articles").fetchone()
    assert row == ("T", "Báo Thử", "https://x.example/a")


def test_show_on_map_selects_the_incident_another_article_reported_first(app: AppTest) -> None:
    """A new report of an incident the samples hold: its button selects the incident's row (the
    map shows one marker per incident, under its first report's id)."""
    _submit_add(app, published="29/09/2020", pasted="Armenia pháo kích nhằm vào thị trấn Terter hôm qua.")
    assert [s.value for s in app.success] == ["Đã lưu 1 bài, 1 sự kiện."]
    next(b for b in app.button if b.label == "Xem trên bản đồ").click().run()
    selected = app.session_state["selected_event"]
    with EventStore(data.STORE) as store:
        shown = set(data.events_frame(store)["event_id"])
        own = {r[0] for r in store.con.execute("SELECT event_id FROM events WHERE cue IS NOT NULL")}
        latest = store.con.execute("SELECT id FROM articles ORDER BY ingested_at DESC LIMIT 1").fetchone()[0]
    assert selected in shown and selected in own and not selected.startswith(latest)
    assert any("Terter" in h.proto.body for h in app.get("html") if "dd-event" in h.proto.body)


def test_alias_added_then_deleted_reextracts_its_articles(app: AppTest) -> None:
    _submit_add(app, published="02/06/2024", pasted=KVITKOVE)
    app.text_input(key="alias_name").set_value("Kvitkove")
    app.text_input(key="alias_target").set_value("Kharkiv")
    next(b for b in app.button if "add_alias" in str(b.form_id)).click().run()
    assert [s.value for s in app.success] == ["Đã thêm Kvitkove → Kharkiv. Đã xử lý lại 1 bài báo."]
    assert any(c.value == "Không có tên nào chưa xác định." for c in app.caption)
    app.button(key="delete_alias").click().run()
    assert not app.exception, app.exception
    (done,) = [s.value for s in app.success]
    assert done.startswith("Đã xoá Kvitkove → ") and done.endswith("Đã xử lý lại 1 bài báo.")
    unresolved = next(d.value for d in app.dataframe if "surface" in d.value.columns)
    assert list(unresolved["surface"]) == ["Kvitkove"]  # unknown again, its article re-read


def test_a_mistyped_date_keeps_the_form_and_a_stored_article_empties_it(app: AppTest) -> None:
    _submit_add(app, published="28/13/2024", pasted=GAZA)
    assert app.error and app.text_area(key="pasted").value == GAZA  # nothing lost to a typo
    _submit_add(app, published="12/05/2024")
    assert [s.value for s in app.success] == ["Đã lưu 1 bài, 1 sự kiện."]
    assert app.text_area(key="pasted").value == "" and app.text_input(key="published").value == ""


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_feed_pages_through_every_event_and_says_how_many(
    app: AppTest, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """Past a page of events the feed says which ones it shows of how many, and pages through
    them all (issue 12: "at most 400 events with no word about the rest"); a page of 4 here."""
    from dashboard import feed

    monkeypatch.setattr(feed, "FEED_ROWS", 4)
    app.radio(key="lang").set_value(lang).run()
    with EventStore(data.STORE) as store:
        events = data.apply_filters(data.events_frame(store), data.Filters())
    order = feed.feed_order(events)["event_id"].tolist()
    total = len(order)
    assert total > 8  # the samples: three pages

    said = re.compile(r"(Sự kiện|Events) [\d.,]+–")

    def page_caption() -> str:
        return next(c.value for c in app.caption if said.match(c.value))

    assert page_caption() == i18n.t("feed_page", lang, first=1, last=4, total=total)
    assert app.button(key="feed_newer").disabled and not app.button(key="feed_older").disabled
    app.button(key="feed_older").click().run()
    assert page_caption() == i18n.t("feed_page", lang, first=5, last=8, total=total)
    assert [r["id"] for r in feed.feed_rows(events, lang, None, limit=4, offset=4)] == order[4:8]
    while not app.button(key="feed_older").disabled:
        app.button(key="feed_older").click().run()
    last_first = (total - 1) // 4 * 4 + 1
    assert page_caption() == i18n.t("feed_page", lang, first=last_first, last=total, total=total)
    # a selection on the map (or in the URL) turns the feed to its page
    app.session_state["selected_event"] = order[0]
    app.run()
    assert page_caption() == i18n.t("feed_page", lang, first=1, last=4, total=total)
    # a filter change starts again at the newest
    app.button(key="feed_older").click().run()
    assert app.session_state["feed_page"] == 1
    app.multiselect(key="types").set_value(["Battles", "Explosions/Remote violence"]).run()
    assert app.session_state["feed_page"] == 0
    # within a page the feed says nothing: at most one page of events
    monkeypatch.setattr(feed, "FEED_ROWS", 400)
    app.run()
    assert not [c for c in app.caption if said.match(c.value)]
    assert not app.exception, app.exception


def test_tables_name_places_and_write_dates_in_the_language() -> None:
    """The tables' places as the feed names them (Vietnamese name in Vietnamese), dates as dates
    (the grid writes them day/month/year: ``column_labels``), types in the language."""
    frame = pd.DataFrame(
        {
            "event_date": ["2020-10-03", "2020-09-28"],
            "event_type": ["Explosions/Remote violence", "Battles"],
            "location": ["Azerbaijan–Iran border", "Tartar"],
            "location_vi": ["biên giới Azerbaijan – Iran", None],
            "fatalities": [None, 3.0],
        }
    )
    vi, en = i18n.localized_cells(frame, "vi"), i18n.localized_cells(frame, "en")
    assert vi["location"].tolist() == ["biên giới Azerbaijan – Iran", "Tartar"]
    assert en["location"].tolist() == ["Azerbaijan–Iran border", "Tartar"]
    assert vi["event_type"].tolist() == ["Nổ / tấn công từ xa", "Giao tranh"]
    assert str(vi["event_date"].dtype).startswith("datetime64")
    config = i18n.column_labels(frame.columns, "vi")
    assert config["event_date"]["type_config"]["format"] == "DD/MM/YYYY"
    assert config["location"] == "Địa điểm"


def test_streamlit_words_go_both_ways() -> None:
    """The page script's table (dashboard.chrome): every Vietnamese word stands for one English
    string, so the English page maps back exactly what the Vietnamese page changed; the shapes
    with a value keep the value (our label) whole."""
    vi, en = chrome.words("vi"), chrome.words("en")
    words = [w for w in chrome.STREAMLIT_TEXT.values() if w != "Chọn…"]  # our placeholder word
    assert len(set(words)) == len(words)
    for source, target in chrome.STREAMLIT_TEXT.items():
        assert vi["exact"][source] == target
        assert en["exact"][target] in (source, "Choose…")
    samples = {
        "Help for Độ chính xác vị trí": "Trợ giúp: Độ chính xác vị trí",
        "Khoảng ngày — start": "Khoảng ngày — đầu",
        "File must be 20.0MB or smaller.": "Tệp phải nhỏ hơn hoặc bằng 20.0MB.",
        "20MB per file": "Tối đa 20 MB mỗi tệp",
        "value Giao tranh focused, 2 of 6.": "đang ở giá trị Giao tranh, 2 trên 6.",
        "25 options available.": "Có 25 lựa chọn.",
    }

    def swap(text: str, table: dict) -> str:
        for pattern, replacement in table["patterns"]:
            if re.match(pattern, text):
                return re.sub(pattern, re.sub(r"\$(\d)", r"\\\1", replacement).replace("$$", "$"), text)
        return text

    for english, vietnamese in samples.items():
        assert swap(english, vi) == vietnamese and swap(vietnamese, en) == english
    assert not foreign(list(samples.values()), "vi")
    assert foreign(list(samples), "vi") == list(samples)  # the checker sees each shape
