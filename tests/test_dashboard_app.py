"""The Streamlit app run headless (``streamlit.testing.v1.AppTest``): filters, uploads, bad uploads,
the language switch and the places page, each on a store of its own.
"""

from __future__ import annotations

import datetime as dt
import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar
from urllib.parse import parse_qs, urlparse

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import data
from dashboard.i18n import t
from store import EventStore

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "app.py")
ARTICLE = (
    "Quân đội Israel không kích thành phố Khan Younis ở Dải Gaza hôm qua, ít nhất 12 người thiệt mạng, "
    "Bộ Y tế Gaza cho biết."
)


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, built_db: Path) -> AppTest:
    """The app on an empty store of this test's own: its first run stores the sample articles."""
    monkeypatch.setattr(data, "STORE", tmp_path / "events.sqlite")
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception, at.exception
    return at


def shown(at: AppTest) -> tuple[int, int]:
    """The "N events shown of M" caption of the map tab, as numbers."""
    for caption in at.caption:
        if "sự kiện đang hiển thị" in caption.value or "events shown" in caption.value:
            numbers = [int(w) for w in caption.value.replace("/", " ").split() if w.isdigit()]
            return numbers[0], numbers[1]
    raise AssertionError(f"no events caption in {[c.value for c in at.caption]}")


def incidents_stored() -> int:
    """The incidents the app's store holds that are news, not background (what the map shows)."""
    with EventStore(data.STORE) as store:
        frame = store.events_frame()
    return int((~frame["background"]).sum())


def unresolved_table(at: AppTest):
    """The places page's table of unresolved names."""
    return next(d.value for d in at.dataframe if "surface" in d.value.columns)


def table_rows(at: AppTest) -> int:
    return len(at.dataframe[0].value)


def test_opens_on_the_samples(app: AppTest) -> None:
    n, total = shown(app)
    assert n == total == incidents_stored() > 0
    assert table_rows(app) == n
    assert app.slider(key="dates").value == (dt.date(2020, 9, 27), dt.date(2020, 10, 3))
    assert any("GeoNames" in c.value and "Natural Earth" in c.value for c in app.caption)


def test_filters_drive_the_map_count_and_the_table(app: AppTest) -> None:
    app.slider(key="dates").set_value((dt.date(2020, 9, 27), dt.date(2020, 9, 27))).run()
    n_27, total = shown(app)
    assert 0 < n_27 < total and table_rows(app) == n_27
    table = app.dataframe[0].value
    assert set(table["event_date"].dt.strftime("%Y-%m-%d")) == {"2020-09-27"}  # a date column
    assert "Terter" not in set(table["location"])  # Terter's shelling is of the 28th

    app.slider(key="dates").set_value((dt.date(2020, 9, 27), dt.date(2020, 10, 3))).run()
    app.multiselect(key="types").set_value(["Explosions/Remote violence"]).run()
    table = app.dataframe[0].value
    assert set(table["event_type"]) == {"Nổ / tấn công từ xa"} and shown(app)[0] == len(table)

    app.multiselect(key="types").set_value([]).run()
    app.text_input(key="query").set_value("Terter").run()
    assert shown(app)[0] == 1
    assert list(app.dataframe[0].value["location"]) == ["Terter"]  # its Vietnamese name

    app.text_input(key="query").set_value("").run()
    app.multiselect(key="countries").set_value(["IR"]).run()
    assert set(app.dataframe[0].value["country"]) == {"Iran"}  # ACLED: the country by name

    app.multiselect(key="countries").set_value([]).run()
    app.checkbox(key="background").check().run()
    assert shown(app)[0] > incidents_stored()  # the 1988–1994 war and 2008 talks are back
    assert app.slider(key="dates").value[0].year == 1988  # the slider widened to show them
    assert not app.exception


def test_language_switch(app: AppTest) -> None:
    app.radio(key="lang").set_value("en").run()
    assert shown(app) == (incidents_stored(),) * 2
    assert app.title[0].value == "diadanh — event map"
    assert [tab.label for tab in app.tabs] == ["Map", "Events table", "Add articles", "Places"]


def test_upload_and_paste_add_events(app: AppTest) -> None:
    before = incidents_stored()
    app.file_uploader(key="uploads").set_value([("gaza.txt", ARTICLE.encode("utf-8"), "text/plain")])
    app.text_input(key="published").set_value("12/05/2024")
    app.button[0].click().run()  # the form's submit button
    assert not app.exception, app.exception
    assert [s.value for s in app.success] == ["Đã lưu 1 bài, 1 sự kiện."]
    assert shown(app)[1] > before
    app.checkbox(key="background").check().run()
    assert app.slider(key="dates").value[1] == dt.date(2024, 5, 11)  # "hôm qua" of 12 May 2024
    app.text_input(key="query").set_value("Khan Younis").run()
    table = app.dataframe[0].value
    assert len(table) >= 1 and set(table["country"]) == {"Palestine"}

    # The same text again (pasted this time) is a duplicate, stored once.
    app.text_area(key="pasted").set_value(ARTICLE)
    app.text_input(key="published").set_value("12/05/2024")
    app.button[0].click().run()
    assert any("đã có trong kho" in i.value for i in app.info)


def test_bad_uploads_get_a_clear_message_and_lose_nothing(app: AppTest) -> None:
    before = shown(app)
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    app.file_uploader(key="uploads").set_value(
        [
            ("empty.txt", b"", "text/plain"),
            ("image.txt", png, "text/plain"),
            ("good.txt", ARTICLE.encode("utf-8"), "text/plain"),
        ]
    )
    app.text_input(key="published").set_value("12/05/2024")
    app.button[0].click().run()
    assert not app.exception, app.exception
    errors = [e.value for e in app.error]
    assert len(errors) == 2, errors
    assert any(e.startswith("empty.txt: không đọc được") for e in errors)
    assert any(e.startswith("image.txt: không đọc được") for e in errors)
    assert any(s.value.startswith("Đã lưu 1 bài") for s in app.success)
    assert shown(app)[1] > before[1]  # good.txt was stored, nothing was lost

    # Nothing at all: a warning, no crash.
    app.button[0].click().run()
    assert any("Chưa có tệp" in w.value for w in app.warning)


def test_text_without_a_date_is_stored_with_a_warning(app: AppTest) -> None:
    app.text_area(key="pasted").set_value(ARTICLE)
    app.button[0].click().run()
    assert not app.exception, app.exception
    warnings = [w.value for w in app.warning]
    assert (
        warnings[0]
        == "văn bản dán vào: không có ngày đăng: các sự kiện không có ngày, trừ khi bài ghi ngày kèm năm"
    )
    assert any(s.value.startswith("Đã lưu 1 bài") for s in app.success)
    # no silent "today": the event is listed apart, not on the map or the timeline (issue 11)
    assert [e.label for e in app.expander if "chưa có ngày" in e.label] == [
        "1 sự kiện chưa có ngày: bài của chúng không ghi ngày đăng, nên chúng không có trên bản đồ "
        "và dòng thời gian. Thêm lại bài kèm ngày đăng để đưa chúng lên bản đồ."
    ]
    assert "Khan" not in " ".join(app.dataframe[0].value["location"].astype(str))


def test_places_page_adds_a_place_and_reextracts(
    app: AppTest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(data, "USER_PLACES", tmp_path / "user_places.sqlite")
    app.text_area(key="pasted").set_value(
        "Pháo binh Nga pháo kích làng Kvitkove thuộc tỉnh Kharkiv hôm qua, ba dân thường thiệt mạng."
    )
    app.text_input(key="published").set_value("02/06/2024")
    app.button[0].click().run()
    unresolved = unresolved_table(app)  # the places page's table
    assert list(unresolved["surface"]) == ["Kvitkove"]
    assert list(unresolved["source"]) == ["văn bản dán vào"]  # provenance, never an id or a path
    assert "pháo kích" in unresolved["sentence_text"].iloc[0]

    app.toggle(key="pick_toggle").set_value(True).run()  # the picker map renders
    assert not app.exception, app.exception
    app.text_input(key="place_name").set_value("Kvitkove")
    app.number_input(key="place_lat").set_value(49.71)
    app.number_input(key="place_lon").set_value(37.02)
    app.text_input(key="place_country").set_value("UA")
    save = next(b for b in app.button if b.label == "Lưu" and "add_place" in str(b.form_id))
    save.click().run()
    assert not app.exception, app.exception
    assert [s.value for s in app.success] == ["Đã thêm Kvitkove. Đã xử lý lại 1 bài báo."]
    assert any(c.value == "Không có tên nào chưa xác định." for c in app.caption)
    app.text_input(key="query").set_value("Kvitkove").run()
    table = app.dataframe[0].value
    assert list(table["location"]) == ["Kvitkove"]
    assert (table["latitude"].round(2) == 49.71).all()


class _Nominatim(BaseHTTPRequestHandler):
    """Answers like OpenStreetMap's Nominatim, on loopback: it knows one village, Kvitkove."""

    asked: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        name = parse_qs(urlparse(self.path).query)["q"][0]
        type(self).asked.append(name)
        body = []
        if name == "Kvitkove":
            body = [
                {
                    "lat": "49.71", "lon": "37.02", "name": "Kvitkove", "display_name": "Kvitkove, Ukraine",
                    "addresstype": "village", "osm_type": "node", "osm_id": 7,
                    "boundingbox": ["49.70", "49.72", "37.01", "37.03"], "address": {"country_code": "ua"},
                }
            ]  # fmt: skip
        payload = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def nominatim() -> str:
    """The local Nominatim's URL; no request of these tests leaves the machine."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Nominatim)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _Nominatim.asked = []
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def _paste(app: AppTest, text: str) -> None:
    app.text_area(key="pasted").set_value(text)
    app.text_input(key="published").set_value("02/06/2024")
    app.button[0].click().run()


KVITKOVE = "Pháo binh Nga pháo kích làng Kvitkove thuộc tỉnh Kharkiv hôm qua, ba dân thường thiệt mạng."
NOWHERE = "Quân đội Nga tấn công làng Zzyzxovka ở tỉnh Donetsk hôm qua."


def test_places_page_looks_names_up_online_only_when_asked(
    app: AppTest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nominatim: str
) -> None:
    monkeypatch.setattr(data, "USER_PLACES", tmp_path / "user_places.sqlite")
    monkeypatch.setattr(data, "NOMINATIM", nominatim)
    _paste(app, KVITKOVE)
    _paste(app, NOWHERE)
    assert sorted(unresolved_table(app)["surface"]) == ["Kvitkove", "Zzyzxovka"]
    assert _Nominatim.asked == []  # nothing was asked: the page only offers it
    assert app.button(key="look_up_all").label == "Tra tất cả (2)"

    app.selectbox(key="online_name").set_value("Zzyzxovka")
    app.button(key="look_up_one").click().run()
    assert not app.exception, app.exception
    assert _Nominatim.asked == ["Zzyzxovka"]
    assert [i.value for i in app.info] == [
        "OpenStreetMap không có địa danh nào tên: Zzyzxovka. Có thể thêm thủ công bên dưới."
    ]

    app.button(key="look_up_all").click().run()
    assert not app.exception, app.exception
    assert _Nominatim.asked == ["Zzyzxovka", "Kvitkove", "Zzyzxovka"]
    assert "Tìm thấy trực tuyến: Kvitkove → Kvitkove. Đã xử lý lại 1 bài báo." in [
        s.value for s in app.success
    ]
    assert list(unresolved_table(app)["surface"]) == ["Zzyzxovka"]  # Kvitkove is resolved now
    app.text_input(key="query").set_value("Kvitkove").run()
    table = app.dataframe[0].value
    assert list(table["location"]) == ["Kvitkove"] and (table["latitude"].round(2) == 49.71).all()


def test_online_lookup_offline_says_so(app: AppTest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(data, "USER_PLACES", tmp_path / "user_places.sqlite")
    with socket.socket() as sock:  # a port nothing listens on: what offline looks like
        sock.bind(("127.0.0.1", 0))
        monkeypatch.setattr(data, "NOMINATIM", f"http://127.0.0.1:{sock.getsockname()[1]}")
    _paste(app, KVITKOVE)
    app.button(key="look_up_all").click().run()
    assert not app.exception, app.exception
    (error,) = [e.value for e in app.error]
    assert error.startswith("Không kết nối được dịch vụ tra cứu (máy đang ngoại tuyến?): GeocoderUnavailable")
    assert error.endswith("1 tên chưa được tra; có thể thêm địa danh thủ công bên dưới.")
    assert list(unresolved_table(app)["surface"]) == ["Kvitkove"]  # nothing changed


def events_table(app: AppTest):
    """The events tab's table (the detail panel may show the article's other events first)."""
    return next(d.value for d in app.dataframe if "review_status" in d.value)


def _select(app: AppTest, location: str, sub_event_type: str | None = None) -> str:
    """Select (as a marker click does) the incident at ``location``; its event id."""
    with EventStore(data.STORE) as store:
        frame = store.events_frame(rejected=True)
    rows = frame[frame["location"] == location]
    if sub_event_type:
        rows = rows[rows["sub_event_type"] == sub_event_type]
    event_id = str(rows.iloc[0]["event_id"])
    app.session_state["selected_event"] = event_id
    app.run()
    return event_id


def test_review_panel_rejects_moves_and_merges(app: AppTest, gaz) -> None:
    """The review panel's decisions reach the map count and the table at once; rejected events
    come back with "show rejected"."""
    n, _ = shown(app)
    event_id = _select(app, "Tartar")
    app.button(key="review_reject").click().run()
    assert not app.exception, app.exception
    assert shown(app)[0] == n - 1 and "Terter" not in set(events_table(app)["location"])
    app.checkbox(key="show_rejected").check().run()
    assert shown(app)[0] == n
    table = events_table(app)
    assert list(table.loc[table["location"] == "Terter", "review_status"]) == [t("status_rejected", "vi")]
    app.button(key="review_reset").click().run()  # undo: as extracted again
    app.checkbox(key="show_rejected").uncheck().run()
    assert shown(app)[0] == n

    # move the Terter shelling to Goris (a gazetteer search in the panel)
    app.text_input(key=f"review_place_query_{event_id}").set_value("Goris").run()
    choice = app.selectbox(key=f"review_place_choice_{event_id}")
    goris = next(i for i, label in enumerate(choice.options) if label.startswith("Goris"))
    choice.set_value(int(goris) if isinstance(goris, int) else goris).run()
    app.button(key=f"review_move_{event_id}").click().run()
    assert not app.exception, app.exception
    table = events_table(app)
    assert "Goris" in set(table["location"]) and "Terter" not in set(table["location"])
    assert list(table.loc[table["location"] == "Goris", "review_status"]) == [t("status_edited", "vi")]

    # merge the air strike with the nearest incident: one incident fewer
    n = shown(app)[0]
    event_id = _select(app, "Nagorno-Karabakh", "Air/drone strike")
    app.button(key="review_merge").click().run()
    assert not app.exception, app.exception
    assert shown(app)[0] == n - 1


# -- mapui (issue 12 items 3–4): the view in the URL, analyst filters, the play control -----


def test_the_url_restores_filters_and_selection_and_follows_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, built_db: Path
) -> None:
    monkeypatch.setattr(data, "STORE", tmp_path / "events.sqlite")
    first = AppTest.from_file(APP, default_timeout=120)
    first.run()  # stores the samples
    with EventStore(data.STORE) as store:
        frame = store.events_frame()
    terter = frame[frame["location"] == "Tartar"].iloc[0]["event_id"]
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params.update(
        {"q": "phao kich", "type": ["Explosions/Remote violence"], "event": terter, "from": "2020-09-28",
         "to": "2020-10-02", "actor": ["No such actor"], "country": ["AZ", "QX"]}
    )  # fmt: skip
    at.run()
    assert not at.exception, at.exception
    assert at.text_input(key="query").value == "phao kich"
    assert at.multiselect(key="types").value == ["Explosions/Remote violence"]
    assert at.multiselect(key="actors").value == []  # unknown values from a shared link are dropped
    assert at.multiselect(key="countries").value == ["AZ"]
    assert at.slider(key="dates").value == (dt.date(2020, 9, 28), dt.date(2020, 10, 2))
    assert at.session_state["selected_event"] == terter
    assert 1 <= shown(at)[0] < shown(at)[1]
    # and a change goes back into the URL
    at.text_input(key="query").set_value("terter").run()
    assert at.query_params["q"] == "terter" and at.query_params["event"] == terter
    assert at.query_params["from"] == "2020-09-28" and at.query_params["country"] == "AZ"


def test_analyst_filters_and_country_names(app: AppTest) -> None:
    countries = app.multiselect(key="countries")
    assert "Azerbaijan" in countries.options and "AZ" not in countries.options  # names, not codes
    app.text_input(key="query").set_value("PHAO KICH").run()
    accent_free = shown(app)[0]
    app.text_input(key="query").set_value("pháo kích").run()
    assert shown(app)[0] == accent_free > 0
    app.text_input(key="query").set_value("").run()
    actor = app.multiselect(key="actors").options[0]
    app.multiselect(key="actors").set_value([actor]).run()
    table = app.dataframe[0].value
    assert len(table) > 0 and ((table["actor1"] == actor) | (table["actor2"] == actor)).all()
    app.multiselect(key="actors").set_value([]).run()
    _, high = app.slider(key="fatalities").value
    app.slider(key="fatalities").set_value((1, high)).run()
    assert (pd.to_numeric(app.dataframe[0].value["fatalities"]) >= 1).all()
    assert not app.exception


def test_step_control_moves_the_date_range(app: AppTest) -> None:
    low, high = app.slider(key="dates").value
    app.button(key="step_forward").click().run()
    a, b = app.slider(key="dates").value
    assert a == low and b < high  # from the whole period: its first stretch
    app.button(key="step_forward").click().run()
    c, d = app.slider(key="dates").value
    assert c == b + dt.timedelta(days=1) and (d - c) == (b - a)  # moved by its own length
    app.button(key="step_back").click().run()
    assert app.slider(key="dates").value == (a, b)
    assert not app.exception
