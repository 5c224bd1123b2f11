"""Events an analyst would record (issue 11): only occurrences the text reports, one event per
incident with every mention of it, ACLED types from the means and target, actors from the clause,
ACLED's fallback for places the gazetteer lacks, and no silent "today" for undated articles.

The passages are written for these tests in the phrasing of Vietnamese news (no article is
copied); each expectation follows ACLED's codebook.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from events.clauses import event_clauses, not_reported
from events.pipeline import Extractor
from events.reader import article_from_text
from events.sentences import sentence_roles, split_sentences
from gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parent.parent
REMOTE = "Explosions/Remote violence"
SHELLING = "Shelling/artillery/missile attack"
AIR = "Air/drone strike"


@pytest.fixture(scope="module")
def extract(gaz: Gazetteer) -> Callable[..., dict]:
    extractor = Extractor(gaz)

    def run(text: str, published: str | None = "2024-03-06") -> dict:
        return extractor.extract(article_from_text(text, published=published))

    return run


def kinds(out: dict) -> list[tuple[str, str]]:
    return [(e["event_type"], e["sub_event_type"]) for e in out["events"]]


# --------------------------------------------------------------------------- 1. factuality

NOT_EVENTS = [
    # opinion about the fighting (the seeds' sentence)
    "Ông Aliyev cho rằng một trong những lý do khiến cuộc giao tranh diễn ra như hiện nay là các bên "
    "hòa giải không kiên quyết.",
    # speculation
    "Giới phân tích lo ngại giao tranh có thể lan rộng sang các nước láng giềng trong mùa đông.",
    "Giao tranh ở miền đông có thể kéo dài thêm nhiều năm nữa, một chuyên gia quân sự nhận định.",
    # mutual blame with no incident
    "Hai bên cáo buộc nhau pháo kích vào các khu dân cư.",
    "Cả hai bên cáo buộc đối phương tấn công vào các khu vực dân sự.",
    # watching, talks, calls, offers, warnings, threats, plans
    "Tổng thống Mỹ cho hay đang theo dõi sát tình hình giao tranh ở Gaza.",
    "Tổng thống Pháp điện đàm với Tổng thống Ukraine về tình hình chiến sự ở miền đông.",
    "Liên Hợp Quốc kêu gọi các bên chấm dứt ngay các cuộc không kích nhằm vào khu dân cư.",
    "Thổ Nhĩ Kỳ đề nghị làm trung gian để chấm dứt giao tranh ở Sudan.",
    "Nga cảnh báo sẽ tấn công các cơ sở hạ tầng của Ukraine nếu Kiev dùng tên lửa tầm xa.",
    "Quân đội Israel lên kế hoạch tấn công thành phố Rafah trong những tuần tới.",
    # conditional, denial of the incident itself, pictures of it, a habit
    "Nếu giao tranh tiếp diễn, hàng nghìn người sẽ phải rời bỏ nhà cửa.",
    "Israel phủ nhận việc không kích bệnh viện ở Gaza.",
    "Quân đội khẳng định không hề pháo kích vào khu dân cư.",
    "Hai bên liên tục công bố video các cuộc tấn công gây thiệt hại cho đối phương.",
    # the war as a topic
    "Hơn 10 triệu người đã phải rời bỏ nhà cửa kể từ khi cuộc chiến bắt đầu.",
]


@pytest.mark.parametrize("text", NOT_EVENTS)
def test_statements_appeals_and_speculation_are_no_events(extract, text: str) -> None:
    assert kinds(extract(text)) == []


def test_a_reported_incident_is_kept_with_its_claim(extract) -> None:
    out = extract("Bộ Quốc phòng Ukraine cho biết Nga đã nã pháo vào thành phố Kherson sáng 5/3.")
    assert kinds(out) == [(REMOTE, SHELLING)]
    assert out["events"][0]["claimed_by"] == "Ukraine MoD"
    assert [m["claimed_by"] for m in out["events"][0]["mentions"]] == ["Ukraine MoD"]
    # words of the classes inside other words are not the classes: "dân thường", "nhiên liệu"
    for text in (
        "Ít nhất 5 dân thường thiệt mạng khi Nga pháo kích thành phố Kherson hôm 5/3.",
        "Kho nhiên liệu ở thành phố Kherson bị UAV Nga tấn công hôm 5/3.",
    ):
        assert len(extract(text)["events"][0]["mentions"]) == 1, text


def test_a_claim_the_other_side_denies_is_still_recorded(extract) -> None:
    out = extract(
        "Ukraine cáo buộc Nga pháo kích thành phố Kherson hôm 4/3. Nga bác bỏ việc pháo kích Kherson."
    )
    assert kinds(out) == [(REMOTE, SHELLING)]
    assert [m["claimed_by"] for m in out["events"][0]["mentions"]] == ["Ukraine"]


def test_the_class_that_rules_a_cue_out_is_named() -> None:
    text = "Giới phân tích lo ngại giao tranh có thể lan rộng."
    assert event_clauses(text, 0, len(text)) == []
    text = "Nga cảnh báo sẽ tấn công Kiev."
    assert not_reported(text, 0, len(text), _cue(text, "tấn công")) == "speech act"


def _cue(text: str, word: str):
    from events.clauses import find_cues

    cues, _ = find_cues(text, 0, len(text))
    return next(c for c in cues if text[c.start : c.end] == word)


def test_strategic_developments_only_where_acled_records_one(extract) -> None:
    out = extract("Hai bên đã đồng ý ngừng bắn từ 0h ngày 27/11 sau nhiều vòng đàm phán tại Washington.",
                  "2024-11-26")  # fmt: skip
    assert kinds(out) == [("Strategic developments", "Agreement")]
    event = out["events"][0]
    assert event["location"] == "Washington" and event["date"] == "2024-11-27"  # the venue, the day
    assert kinds(extract("Bộ trưởng Ngoại giao hai nước đã có cuộc gặp tại Geneva hôm 3/3.")) == []


# --------------------------------------------------------------------------- 2. headlines, captions


def test_a_caption_and_a_question_headline_give_no_event(extract) -> None:
    text = (
        "Su-35 Nga bắn hạ F-16 Ukraine?\n"
        "Video: Khoảnh khắc UAV tấn công nhà máy lọc dầu ở Ryazan\n"
        "Người dân trú ẩn trong ga tàu điện ngầm sau đợt không kích ở Kiev - Ảnh: Reuters\n"
        "Khói bốc lên sau vụ pháo kích ở Kharkiv hôm 5/3. Ảnh: AFP\n"
        "Nhà chức trách địa phương cho biết chưa có thông tin về thương vong."
    )
    assert kinds(extract(text)) == []
    spans = split_sentences(text)
    assert sentence_roles(text, spans) == ["question", "caption", "caption", "caption", "caption", "body"]


def test_a_file_photo_or_an_illustration_credit_makes_a_caption() -> None:
    text = (
        "Quân đội cho biết đã bắn hạ hai UAV trên biển.\n"
        "Một tàu tuần tra bị trúng đạn gần cảng. Ảnh tư liệu: Reuters\n"
        "Ảnh tư liệu: Binh sĩ tuần tra ở biên giới\n"
        "Xe tăng tiến vào thị trấn. Ảnh minh họa: AFP\n"
        "Binh sĩ nã pháo gần thị trấn Chasiv Yar ngày 3.5 REUTERS\n"
        "Giới chức địa phương chưa công bố thương vong.\n"
        "Nga tấn công Kharkiv, theo AFP\n"
        "Thành phố chìm trong bóng tối sau đợt tấn công."
    )
    roles = sentence_roles(text, split_sentences(text))
    assert roles == [
        "body",
        "caption",
        "caption",
        "caption",
        "caption",
        "caption",
        "caption",
        "body",
        "headline",
        "body",
    ]


def test_a_headline_supports_the_incident_the_body_reports(extract) -> None:
    text = (
        "Nga phóng tên lửa vào Kharkiv\n"
        "Nga phóng tên lửa vào thành phố Kharkiv sáng 5/3, khiến 4 người thiệt mạng, chính quyền địa "
        "phương cho biết."
    )
    out = extract(text)
    assert kinds(out) == [(REMOTE, SHELLING)]
    assert [m["role"] for m in out["events"][0]["mentions"]] == ["headline", "body"]


def test_a_headline_alone_is_no_event(extract) -> None:
    text = "UAV tấn công Kharkiv trong đêm\nThành phố đã mất điện trên diện rộng vào sáng nay."
    assert kinds(extract(text)) == []


# --------------------------------------------------------------------------- 3. one event per incident


def test_one_incident_told_in_several_sentences_is_one_event_with_its_mentions(extract) -> None:
    text = (
        "Giao tranh ác liệt nổ ra ở thị trấn Avdiivka hôm 4/3. "
        "Quân đội Ukraine cho biết đã giao tranh với lực lượng Nga ở Avdiivka suốt đêm, khiến ít nhất "
        "12 binh sĩ thiệt mạng. "
        "Theo một nguồn tin khác, giao tranh ở Avdiivka làm 7 binh sĩ thiệt mạng."
    )
    out = extract(text)
    assert kinds(out) == [("Battles", "Armed clash")]
    event = out["events"][0]
    assert event["fatalities"] == 7  # the most conservative figure (ACLED)
    assert [m["sentence"] for m in event["mentions"]] == [0, 1, 2]
    for mention in event["mentions"]:
        assert text[mention["start"] : mention["end"]] == mention["text"]
    assert event["mentions"][1]["claimed_by"] == "Ukraine army"


def test_two_incidents_on_one_day_stay_two(extract) -> None:
    text = (
        "Nga phóng tên lửa vào thành phố Kharkiv sáng 5/3. "
        "Cùng ngày, pháo binh Nga nã đạn vào thành phố Kherson, khiến 3 dân thường thiệt mạng."
    )
    assert [e["location"] for e in extract(text)["events"]] == ["Kharkiv", "Kherson"]


# --------------------------------------------------------------------------- 4. type from means, target


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nga tấn công tên lửa vào thành phố Kharkiv sáng 5/3.", (REMOTE, SHELLING)),
        ("Ukraine cho biết bị Nga tấn công bằng 30 UAV trong đêm qua ở tỉnh Odessa.", (REMOTE, AIR)),
        ("Máy bay chiến đấu Mỹ đã tấn công hơn 60 mục tiêu ở Yemen hôm 12/1.", (REMOTE, AIR)),
        ("Mìn phát nổ khiến hai binh sĩ thiệt mạng gần thị trấn Kupiansk.",
         (REMOTE, "Remote explosive/landmine/IED")),
        ("Các tay súng tấn công một trường học ở miền bắc Nigeria, sát hại 12 người.",
         ("Violence against civilians", "Attack")),
        ("Hàng nghìn người biểu tình tại Paris hôm 2/3 phản đối các cuộc không kích bằng máy bay không "
         "người lái.", ("Protests", "Peaceful protest")),
        ("Binh sĩ Thái Lan và Campuchia nổ súng vào nhau gần biên giới hôm 24/7.",
         ("Battles", "Armed clash")),
    ],
)  # fmt: skip
def test_type_from_the_means_and_the_target(extract, text: str, expected: tuple[str, str]) -> None:
    assert kinds(extract(text))[:1] == [expected]


# --------------------------------------------------------------------------- 5. actors


def test_the_seeds_19_civilian_shelling_is_armenias(extract) -> None:
    text = (ROOT / "articles" / "000_5083240e409e3a90.txt").read_text(encoding="utf-8")
    out = extract(text.split("\n", 1)[1], "2020-10")
    shelling = [e for e in out["events"] if e["fatalities"] == 19]
    assert len(shelling) == 1
    assert shelling[0]["actor1"] == "Military Forces of Armenia"
    assert shelling[0]["actor2"] == "Military Forces of Azerbaijan"
    assert shelling[0]["claimed_by"] == "Azerbaijan forces"


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        ("Bộ Quốc phòng Armenia cho hay các lực lượng của họ đã đẩy lùi một cuộc tấn công của Azerbaijan.",
         "Azerbaijan", "Armenia"),
        ("UAV Ukraine tấn công nhà máy lọc dầu ở Ryazan đêm qua, Bộ Quốc phòng Nga cho biết.", "Ukraine",
         "Russia"),
    ],
)  # fmt: skip
def test_who_does_what_to_whom(extract, text: str, actor1: str, actor2: str | None) -> None:
    event = extract(text)["events"][0]
    assert event["actor1"] == f"Military Forces of {actor1}"
    assert event["actor2"] == (f"Military Forces of {actor2}" if actor2 else None)


# --------------------------------------------------------------------------- 6. location


def test_an_incident_in_an_unknown_village_is_coded_at_its_province(extract) -> None:
    out = extract("Quân đội Nga hôm 4/3 pháo kích nhằm vào làng Novomykhailivka ở tỉnh Donetsk, khiến 2 "
                  "người thiệt mạng.")  # fmt: skip
    event = out["events"][0]
    assert event["country"] == "UA" and event["location"] == "Donetsk Oblast"  # the oblast (admin-1)
    assert event["place_id"].startswith("admin1:") and event["geo_precision"] == 2
    assert event["location_written"] == "Novomykhailivka"


def test_an_unknown_village_in_a_province_of_the_user_layer(fresh_gaz: Gazetteer) -> None:
    fresh_gaz.add_place("Xyzabad", "admin1", 37.5, 45.1, country="IR")
    text = "Pháo binh bắn vào làng Qwertabad ở tỉnh Xyzabad hôm 3/3, làm 2 người chết."
    event = Extractor(fresh_gaz).extract(article_from_text(text, published="2024-03-06"))["events"][0]
    assert (event["location"], event["geo_precision"], event["location_written"]) == (
        "Xyzabad",
        2,
        "Qwertabad",
    )


# --------------------------------------------------------------------------- 7. undated


def test_an_undated_article_gives_events_no_date_unless_the_text_gives_one_in_full(extract) -> None:
    out = extract(
        "Nga pháo kích thành phố Kherson hôm qua, khiến 3 người thiệt mạng. "
        "Ngày 3/10/2023, Nga cũng đã pháo kích thành phố Kharkiv.",
        None,
    )
    assert [(e["location"], e["date"], e["time_precision"]) for e in out["events"]] == [
        ("Kherson", None, None),
        ("Kharkiv", "2023-10-03", 1),
    ]
    assert any("no publication date" in w for w in out["article"]["warnings"])


def test_undated_output_through_the_cli_in_every_format(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "Nga pháo kích thành phố Kherson hôm qua, khiến 3 người thiệt mạng.\n", encoding="utf-8"
    )
    for fmt in ("jsonl", "csv", "geojson"):
        result = subprocess.run(
            [sys.executable, "-m", "events", "extract", str(article), "--format", fmt],
            cwd=ROOT, capture_output=True, text=True, check=False,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
    line = json.loads(
        subprocess.run(
            [sys.executable, "-m", "events", "extract", str(article)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    assert line["events"][0]["date"] is None and line["events"][0]["mentions"]


def test_a_date_given_by_reference_to_the_one_before(extract) -> None:
    out = extract(
        "Nga phóng tên lửa vào thành phố Kharkiv sáng 3/3. "
        "Cùng ngày, hàng trăm người biểu tình ở thủ đô Kiev. "
        "Trước đó một ngày, pháo binh Nga nã đạn vào thành phố Kherson."
    )
    assert [(e["location"], e["date"]) for e in out["events"]] == [
        ("Kharkiv", "2024-03-03"),
        ("Kyiv", "2024-03-03"),
        ("Kherson", "2024-03-02"),
    ]


@pytest.mark.parametrize(
    "text, places",
    [
        (
            "Quân đội Nga hôm 5/3 pháo kích các thị trấn Kupiansk, Izium và Balakliia ở tỉnh Kharkiv.",
            ["Kupiansk", "Izium", "Balakliia"],
        ),
        ("UAV Nga tấn công các thành phố Kharkiv, Odesa và Dnipro đêm 5/3.", ["Kharkiv", "Odesa", "Dnipro"]),
        ("Máy bay Israel hôm 5/3 không kích Gaza và Khan Younis.", ["Gaza", "Khan Younis"]),
        # a plural head names the members' kind, whatever kind the gazetteer read for one of them
        ("Các vụ nổ đánh sập hai cây cầu ở các tỉnh Bryansk và Kursk đêm 31/5.", ["Bryansk", "Kursk"]),
    ],
)
def test_a_list_of_places_gives_one_event_per_place(extract, text: str, places: list[str]) -> None:
    """ACLED codes one event per place of a list the clause names (issue 11, second round)."""
    events = extract(text)["events"]
    assert [e["place_surface"] for e in events] == places
    assert len({(e["event_type"], e["date"]) for e in events}) == 1


def test_a_list_stops_at_a_place_that_is_not_coordinated(extract) -> None:
    # "Goma, thủ phủ tỉnh Bắc Kivu": an apposition, not a list; a country is where, not another place
    out = extract("Phiến quân M23 pháo kích thành phố Goma, thủ phủ tỉnh Bắc Kivu, và Rwanda hôm 5/3.")
    assert [e["place_surface"] for e in out["events"]] == ["Goma"]


def test_a_placeless_clash_joins_the_days_incident_at_its_place(extract) -> None:
    """A follow-up naming no place and no figure ("các cuộc tấn công đã bị đẩy lùi") is the
    incident told before it, not a second event; one with its own figure stays its own."""
    told = "Azerbaijan hôm 11/10 bắn tên lửa vào khu dân cư ở thành phố Ganja, 9 dân thường thiệt mạng. "
    out = extract(told + "Phía Armenia nói các cuộc tấn công đã bị đẩy lùi.", published="2024-10-11")
    assert kinds(out) == [(REMOTE, SHELLING)]
    assert len(out["events"][0]["mentions"]) == 2
    own_figure = "Phía Armenia nói đã đẩy lùi các cuộc tấn công, 12 binh sĩ thiệt mạng."
    out = extract(told + own_figure, published="2024-10-11")
    assert len(out["events"]) == 2


@pytest.mark.parametrize(
    "sentence",
    [
        "Phiến quân hồi tháng 8/2024 đã chiếm thành phố Lashio sau nhiều tuần giao tranh.",
        "Thành phố El Fasher đã bị bao vây từ tháng 5/2024.",
        "Từ đầu tháng 11/2024, Mỹ đã tiến hành hơn 500 cuộc không kích nhằm vào Sanaa.",
    ],
)
def test_an_incident_retold_months_later_is_background(extract, sentence: str) -> None:
    """More than ten days before the article's date is not news of its time, even in the same or
    the previous year (issue 11, second round)."""
    out = extract(sentence, published="2025-02-20")
    assert out["events"] and all(e["background"] for e in out["events"])
    news = extract("Phiến quân hôm 12/2 đã chiếm thành phố Lashio.", published="2025-02-20")
    assert [e["background"] for e in news["events"]] == [False]
    # twelve days before: a recap, not the article's news
    recap = extract(
        "Cuộc tấn công của phe đối lập bắt đầu từ ngày 8/2 tại thành phố Lashio.", published="2025-02-20"
    )
    assert [e["background"] for e in recap["events"]] == [True]


@pytest.mark.parametrize(
    "text",
    [
        # a total over hours, as over days ("Năm ngày giao tranh")
        "Chỉ sau 48 giờ giao tranh, hai bên đồng ý ngừng bắn tại thị trấn Lachin.",
        "Sau ba đêm không kích, thành phố Kharkiv chìm trong bóng tối.",
        # a comparison retells the incident told before it
        "Đây là một trong những đợt tấn công lớn nhất nhằm vào thành phố Lviv kể từ đầu năm.",
        # a denied part in the fighting, like a denied incident
        "Ông Pashinyan khẳng định quân đội Armenia không tham gia giao tranh ở Nagorno-Karabakh.",
        "Chính quyền Kigali nói họ không dính líu đến các cuộc đụng độ ở thành phố Goma.",
    ],
)
def test_totals_over_hours_comparisons_and_denied_parts_are_no_events(extract, text: str) -> None:
    """Word classes widened (issue 11, second round): hours and nights are spans of time, "một
    trong những" compares an incident already told, a negated "tham gia"/"dính líu" denies it."""
    assert [e["cue"] for e in extract(text)["events"] if e["event_type"] != "Strategic developments"] == []


@pytest.mark.parametrize(
    "text, kind",
    [
        # a drone reaching its target, whatever the verb of the hit
        ("Hôm 4/3, một loạt UAV đã đánh vào sân bay thành phố Kherson.", (REMOTE, AIR)),
        ("Đêm 4/3, nhiều UAV nhắm vào kho nhiên liệu ở thành phố Odesa.", (REMOTE, AIR)),
        # a rocket's origin told between it and its hit
        ("Hôm 4/3, rocket từ bệ phóng BM-21 của đối phương rơi trúng chợ ở Sumy.", (REMOTE, SHELLING)),
        # territory regained or taken
        ("Quân đội hôm 4/3 tuyên bố giành lại thị trấn Bara.", ("Battles", "Armed clash")),
        ("Phiến quân hôm 4/3 đã tái chiếm Kyaukme.", ("Battles", "Armed clash")),
        ("Phiến quân hôm 4/3 đã giành được sân bay Kavumu.", ("Battles", "Armed clash")),
        # a crowd's violence
        ("Một đám đông đã đánh chết một người đàn ông ở thị trấn Kaya hôm 4/3.", ("Riots", "Mob violence")),
        ("Hôm 4/3, một nghi phạm bị đám đông hành hình ở thị trấn Kaya.", ("Riots", "Mob violence")),
        # an interception told in the passive
        ("Hôm 4/3, 3 UAV bị bắn hạ gần Kirishi.", ("Strategic developments", "Disrupted weapons use")),
        # a deployment with a quantity word
        ("Hôm 4/3, Nga đã triển khai thêm binh sĩ tới thủ đô Niamey.", ("Strategic developments", "Other")),
    ],
)
def test_cue_classes_of_the_second_round(extract, text: str, kind: tuple[str, str]) -> None:
    """Cue classes widened by kind (issue 11, second round), each a class, not a phrase."""
    assert kinds(extract(text)) == [kind]


@pytest.mark.parametrize(
    "text, where",
    [
        # a speaker's seat
        (
            "Các tay súng hôm 4/3 bắt cóc hai kỹ sư tại một mỏ vàng ở vùng Kayes, Đại sứ quán Trung Quốc"
            " tại Bamako xác nhận.",
            "Kayes",
        ),
        (
            "Tiêm kích Nga hôm 4/3 bắn rơi một máy bay trên bầu trời tỉnh Dnipropetrovsk, trong khi Kiev nói"
            " máy bay gặp sự cố.",
            "Dnipropetrovsk",
        ),
        # a route's end
        (
            "Phiến quân hôm 4/3 phục kích đoàn xe trên quốc lộ nối Bamako với biên giới Senegal, vùng Kayes.",
            "Kayes",
        ),
    ],
)
def test_a_place_named_aside_is_not_where(extract, text: str, where: str) -> None:
    """A speaker's seat or a route's end is not the event's place when another is named (issue 11)."""
    assert [e["place_surface"] for e in extract(text)["events"]] == [where]


def test_a_mention_without_place_or_date_carries_on_the_incident_told(extract) -> None:
    """A sentence naming no place and no date goes on about the incident told before it at a named
    place (its place and day): a clash or a mention of the same type joins it, one that refers back
    ("trong cuộc tấn công") even with a figure; a figure of its own or a strike stays its own."""
    told = "Phiến quân hôm 1/6 tấn công một căn cứ quân sự ở thành phố Timbuktu. "
    out = extract(
        told + "Hơn 30 binh sĩ đã thiệt mạng trong cuộc tấn công kéo dài nhiều giờ. Phiến quân tuyên bố đã"
        " chiếm căn cứ.",
        published="2025-06-03",
    )
    assert [(e["date"], e["place_surface"], len(e["mentions"])) for e in out["events"]] == [
        ("2025-06-01", "Timbuktu", 3)
    ]
    for other in ("Ít nhất 31 binh sĩ đã tử trận.", "Một UAV đánh vào khuôn viên dinh thự."):
        assert len(extract(told + other, published="2025-06-03")["events"]) == 2, other
    # the strike told on is near the place told, not named there
    strike = extract(told + "Một UAV đánh vào khuôn viên dinh thự.", published="2025-06-03")["events"][1]
    assert (strike["location"], strike["date"], strike["geo_precision"]) == ("Timbuktu", "2025-06-01", 2)


def test_an_unknown_village_is_coded_at_the_place_it_is_tied_to(extract) -> None:
    out = extract(
        "Quân đội Nga hôm 1/11 tuyên bố đã giải phóng làng Novomykhailivka ở tỉnh Donetsk, giữa lúc giao"
        " tranh ác liệt quanh thành phố Pokrovsk."
    )
    first = out["events"][0]
    assert (first["place_surface"], first["location_written"], first["geo_precision"]) == (
        "Donetsk",
        "Novomykhailivka",
        2,
    )


def test_gunmen_attacking_is_an_event(extract) -> None:
    # "tay súng" + a cue is a subject and its verb, not a compound noun ("máy bay chiến đấu")
    out = extract("Các tay súng tấn công trại quân sự ở thành phố Timbuktu hôm 2/6.")
    assert [e["place_surface"] for e in out["events"]] == ["Timbuktu"]


@pytest.mark.parametrize(
    "text, kind",
    [
        # an arrest or a dispersal in a sentence that tells a protest is the protest, intervened in
        (
            "Tại Jerusalem, cảnh sát bắt giữ 10 người khi hàng nghìn người chặn đường cao tốc tối 29-6 để"
            " phản đối lệnh nhập ngũ.",
            ("Protests", "Protest with intervention"),
        ),
        (
            "Cảnh sát dùng hơi cay giải tán hàng trăm người biểu tình ở thủ đô Yerevan tối 20/9.",
            ("Protests", "Protest with intervention"),
        ),
        # an arrest with no protest told stays an arrest
        ("Cảnh sát hôm 29/6 bắt giữ 10 người tại thành phố Nablus.", ("Strategic developments", "Arrests")),
        # taken away, a base set up
        (
            "Một nhóm người định cư hôm 28-6 đã bắt đi một người chăn cừu gần thành phố Ramallah.",
            ("Violence against civilians", "Abduction/forced disappearance"),
        ),
        (
            "Quân đội hôm 29-6 hoàn tất xây dựng một tiền đồn mới ở phía bắc thành phố Rafah.",
            ("Strategic developments", "Headquarters or base established"),
        ),
    ],
)
def test_protests_intervened_in_abductions_and_bases(extract, text: str, kind: tuple[str, str]) -> None:
    assert kinds(extract(text, published="2025-06-30")) == [kind]


def test_every_anaphoric_date_phrase_passes_the_prefilter() -> None:
    """The sentence-opening date references are searched only in sentences holding one of
    ``_ANAPHOR_WORDS`` (a speed-up): every phrase of the word classes must hold one."""
    from events import lexicon
    from events.pipeline import _ANAPHOR_WORDS

    for phrase in "|".join((lexicon.SAME_DAY, lexicon.DAY_BEFORE, lexicon.DAY_AFTER)).split("|"):
        assert any(word in phrase for word in _ANAPHOR_WORDS), phrase


@pytest.mark.parametrize(
    "text, kind",
    [
        # a list whose next member has its own cue after "và"
        (
            "Máy bay Mỹ rạng sáng 12/1 không kích nhiều mục tiêu, trong đó có thủ đô Sanaa và thành phố cảng"
            " Hodeidah.",
            ["Sanaa", "Hodeidah"],
        ),
        # an agreement "về" a ceasefire; a side fighting back
        ("Ngoại trưởng hai nước đã nhất trí về lệnh ngừng bắn tại Moskva rạng sáng 27/1.", ["Moskva"]),
        ("Binh sĩ chính phủ chống trả quanh sân bay thành phố Goma ngày 27/1.", ["Goma"]),
    ],
)
def test_lists_with_cues_agreements_about_a_ceasefire_and_resistance(extract, text: str, kind: list) -> None:
    assert [e["place_surface"] for e in extract(text, published="2025-01-28")["events"]] == kind
