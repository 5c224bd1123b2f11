"""The mechanisms the held-out set (tests/fixtures/events_holdout) showed missing, pinned on
passages of their own (written for these tests in the phrasing of Vietnamese news; none is a
sentence of the holdout set or of a published article). Each failed before its fix.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from events.dates import find_dates
from events.pipeline import Extractor
from events.reader import article_from_text
from gazetteer import Gazetteer

REMOTE = "Explosions/Remote violence"
SHELLING = "Shelling/artillery/missile attack"
AIR = "Air/drone strike"
IED = "Remote explosive/landmine/IED"


@pytest.fixture(scope="module")
def extract(gaz: Gazetteer) -> Callable[..., dict]:
    extractor = Extractor(gaz)

    def run(text: str, published: str | None = "2025-06-10") -> dict:
        return extractor.extract(article_from_text(text, published=published))

    return run


def kinds(out: dict) -> list[tuple[str, str]]:
    return [(e["event_type"], e["sub_event_type"]) for e in out["events"]]


def where(out: dict) -> list[str]:
    return [e["location"] for e in out["events"]]


# --------------------------------------------------------------------------- type: means and launches


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a launch with its count between the verb and the weapon
        ("Nga phóng hàng chục tên lửa hành trình vào thành phố Odesa rạng sáng 3/6.", (REMOTE, SHELLING)),
        ("Lực lượng Houthi bắn hai quả tên lửa đạn đạo vào thành phố Eilat hôm 4/6.", (REMOTE, SHELLING)),
        ("Nga phóng hơn 100 UAV vào tỉnh Sumy trong đêm 5/6.", (REMOTE, AIR)),
        # the explosive and what carried it
        ("Một chiếc xe chở đầy chất nổ phát nổ trước đồn cảnh sát ở thành phố Quetta hôm 2/6, làm 10 người "
         "chết.", (REMOTE, IED)),
        # an air force as the subject of a bare attack verb
        ("Không quân Israel tập kích một kho nhiên liệu ở thành phố Hodeidah hôm 6/6.", (REMOTE, AIR)),
        # hit by a drone
        ("Một tàu chở dầu bốc cháy ngoài khơi cảng Novorossiysk hôm 7/6 sau khi trúng xuồng không người lái.",
         (REMOTE, AIR)),
        # beheading is an attack on civilians
        ("Các tay súng chặt đầu 5 dân làng ở thị trấn Macomia hôm 4/6.",
         ("Violence against civilians", "Attack")),
    ],
)  # fmt: skip
def test_type_from_means_launches_and_targets(extract, text: str, expected: tuple[str, str]) -> None:
    assert kinds(extract(text))[:1] == [expected]


# Guards: the two mechanisms above must not reach their neighbours (these passed before too).


def test_an_air_force_that_speaks_is_no_means(extract) -> None:
    out = extract("Không quân Ukraine cho biết lực lượng Nga đã tấn công thị trấn Kupiansk hôm 5/6.")
    assert kinds(out) == [("Battles", "Armed clash")]


def test_a_launcher_is_no_launch(extract) -> None:
    out = extract("Các cuộc không kích đã phá hủy nhiều bệ phóng tên lửa ở thành phố Hodeidah hôm 5/6.")
    assert kinds(out) == [(REMOTE, AIR)]


# --------------------------------------------------------------------------- protests that turn violent


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cảnh sát nổ súng vào đoàn người biểu tình ở thủ đô Nairobi hôm 8/6, làm 8 người chết.",
         ("Protests", "Excessive force against protesters")),
        ("Người biểu tình đụng độ với cảnh sát chống bạo động ở thành phố Mombasa hôm 8/6.",
         ("Riots", "Violent demonstration")),
        ("Người biểu tình phóng hỏa trụ sở quốc hội ở thủ đô Kathmandu hôm 9/6.",
         ("Riots", "Violent demonstration")),
    ],
)  # fmt: skip
def test_violence_in_a_protest_is_the_protest(extract, text: str, expected: tuple[str, str]) -> None:
    assert kinds(extract(text)) == [expected]


def test_what_happens_despite_a_curfew_is_no_curfew(extract) -> None:
    out = extract(
        "Hàng nghìn người biểu tình tập trung ở thủ đô Kathmandu hôm 9/6, bất chấp lệnh giới nghiêm."
    )
    assert kinds(out) == [("Protests", "Peaceful protest")]


# --------------------------------------------------------------------------- one event per incident


def test_a_strike_at_a_country_then_where_it_struck_is_one_event(extract) -> None:
    out = extract(
        "Hezbollah phóng hàng chục quả rocket về phía Israel tối 5/6. "
        "Lực lượng cứu hộ cho biết 4 người bị thương ở thành phố Haifa."
    )
    assert [(e["location"], e["event_type"], e["date"]) for e in out["events"]] == [
        ("Haifa", REMOTE, "2025-06-05")
    ]
    assert len(out["events"][0]["mentions"]) == 2


def test_a_toll_that_is_not_given_is_no_event(extract) -> None:
    """Guard of the toll sentence: a toll not given names no place struck (passed before too)."""
    out = extract("Pháo binh Nga nã đạn vào thành phố Kherson sáng 5/6. Kyiv chưa công bố thương vong.")
    assert where(out) == ["Kherson"]


def test_a_referring_attack_is_the_strike_told(extract) -> None:
    out = extract(
        "Máy bay Israel không kích thủ đô Sanaa rạng sáng 6/6. "
        "Ít nhất 3 người thiệt mạng trong các đợt tấn công ở Sanaa, theo giới chức Houthi."
    )
    assert kinds(out) == [(REMOTE, AIR)]


def test_a_capital_that_speaks_does_not_locate_the_violence(extract) -> None:
    out = extract(
        "Iran phóng tên lửa vào thành phố Haifa sáng 6/6. "
        "Tehran tuyên bố các cuộc tấn công chỉ nhằm vào các mục tiêu quân sự."
    )
    assert where(out) == ["Haifa"]


# --------------------------------------------------------------------------- one event per place


def test_a_second_target_with_its_own_place_is_an_event_there(extract) -> None:
    out = extract(
        "Tên lửa rơi trúng một trường học ở thành phố Sumy thuộc tỉnh Sumy và nhiều ngôi nhà ở Kharkiv "
        "hôm 3/6."
    )
    assert sorted(where(out)) == ["Kharkiv", "Sumy"]


def test_a_country_named_by_its_part_is_a_place_of_the_list(extract) -> None:
    out = extract("Israel không kích miền nam Lebanon và thung lũng Bekaa hôm 3/6.")
    assert sorted(where(out)) == ["Beqaa Valley", "Lebanon"]


def test_a_where_clause_happens_at_the_place_it_follows(extract) -> None:
    out = extract(
        "Biểu tình diễn ra ở thành phố Pokhara và Itahari, nơi 2 người chết trong đụng độ với cảnh sát "
        "hôm 8/6."
    )
    riots = [e for e in out["events"] if e["event_type"] == "Riots"]
    assert len(riots) == 1 and riots[0]["location"] != "Pokhara"


def test_part_of_a_place_is_in_it(extract) -> None:
    out = extract(
        "Biểu tình lan tới thành phố Pokhara hôm 8/6. "
        "Chính quyền ban bố lệnh giới nghiêm tại nhiều khu vực của Kathmandu."
    )
    assert where(out) == ["Pokhara", "Kathmandu"]


# --------------------------------------------------------------------------- dates


def test_a_sentence_with_no_date_goes_on_with_the_day_just_told(extract) -> None:
    out = extract(
        "Hôm 6/6, nhiều tiếng nổ lớn vang lên ở thủ đô Kabul. "
        "Chính quyền Taliban cáo buộc Pakistan không kích một khu chợ ở tỉnh Kandahar.",
        published="2025-06-10",
    )
    assert [(e["location"], e["date"]) for e in out["events"]] == [("Kandahar", "2025-06-06")]


def test_earlier_the_same_day_is_the_day_told(extract) -> None:
    out = extract(
        "Rạng sáng 8/6, pháo binh Israel nã đạn vào thị trấn Khiam ở miền nam Lebanon. "
        "Trước đó cùng ngày, Hezbollah phóng nhiều rocket vào thị trấn Metula ở miền bắc Israel. "
        "Trước đó vài giờ, một máy bay không người lái đã tấn công thị trấn Kiryat Shmona."
    )
    assert [e["date"] for e in out["events"]] == ["2025-06-08"] * 3


def test_a_relative_day_of_the_sentence_before_goes_on(extract) -> None:
    out = extract(
        "Tin về vụ việc ở làng Kyauk Pyin lan ra hôm thứ Sáu. "
        "Trực thăng quân đội đã nổ súng vào một trường học ở thị trấn Tabayin, khiến 7 học sinh thiệt mạng."
    )
    assert [e["date"] for e in out["events"]] == ["2025-06-06"]


def test_a_told_day_goes_on_past_a_sentence_that_dates_nothing(extract) -> None:
    out = extract(
        "Rạng sáng 7/6, Nga phóng hàng trăm UAV và tên lửa nhằm vào thủ đô Kiev. "
        "Theo thị trưởng Kiev, các đợt tấn công kéo dài nhiều giờ. "
        "Tại quận Obolon, mảnh vỡ rơi trúng một tòa chung cư, khiến hai người thiệt mạng. "
        "Ở quận Podil, một đám cháy bùng lên trong một nhà kho khiến một người chết."
    )
    assert {e["date"] for e in out["events"]} == {"2025-06-07"}


def test_a_caption_between_does_not_stop_the_day_told(extract) -> None:
    out = extract(
        "Bộ Tư lệnh Trung tâm Mỹ (CENTCOM) ngày 7/6 cho biết đã chặn nhiều đợt tấn công của Houthi.\n"
        "Một tàu hàng trên Biển Đỏ. Ảnh tư liệu: AFP\n"
        "Theo CENTCOM, quân đội Mỹ đã phá hủy hai bệ phóng tên lửa tại thành phố Hodeidah của Yemen."
    )
    assert {e["date"] for e in out["events"]} == {"2025-06-07"}


@pytest.mark.parametrize(
    "text",
    [
        "Binh sĩ hai nước đấu súng trong đêm dọc biên giới ở tỉnh Kunar, sau vụ tấn công nhằm vào một "
        "đồn biên phòng hôm 5/6.",
        "Không quân Israel ném bom thành phố Khan Younis để đáp trả cuộc tấn công bằng rocket của Hamas "
        "hôm 5/6.",
        "Quân đội nã pháo vào làng Tonzang sau khi phiến quân phục kích một đoàn xe hôm 5/6.",
    ],
)
def test_the_day_of_the_incident_it_follows_is_not_the_clauses(extract, text: str) -> None:
    first = extract(text)["events"][0]
    assert (first["date"], first["time_precision"]) == ("2025-06-10", 2)  # the publication's, not 5/6


def test_an_incident_weeks_before_is_dated_that_much_earlier(extract) -> None:
    out = extract(
        "Sáng 9/6, máy bay Israel không kích thành phố Khan Younis. "
        "Cuộc không kích diễn ra một tuần sau khi Hamas phóng rocket vào thành phố Sderot."
    )
    assert [e["date"] for e in out["events"] if e["cue"].startswith("phóng")] == ["2025-06-02"]
    out = extract(
        "Nhân chứng kể lại những gì họ thấy vào sáng thứ Ba. "
        "Các cuộc không kích vào Rafah diễn ra một tuần sau khi Hamas phóng rocket vào thành phố Sderot.",
        published="2025-06-11",
    )  # (the day the sentence before told, when no event was dated yet)
    assert [e["date"] for e in out["events"] if e["cue"].startswith("phóng")] == ["2025-06-03"]


def test_a_captions_day_does_not_replace_the_day_the_body_carried(extract) -> None:
    out = extract(
        "Ngày 7/6, quân đội Ukraine cho biết đang rút quân khỏi một số khu vực ở thành phố Pokrovsk.\n"
        "Nga đang cố gắng bao vây thành phố Pokrovsk và cắt đứt các tuyến tiếp tế.\n"
        "Binh sĩ Ukraine chiến đấu gần Pokrovsk ngày 3.6 AFP\n"
        "Giới chức địa phương cho biết việc sơ tán đang gặp khó khăn."
    )
    assert [e["date"] for e in out["events"]] == ["2025-06-07"]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Truyền thông Lebanon đưa tin ngày 12/6, lực lượng Israel đã thực hiện nhiều cuộc không kích vào "
         "một doanh trại cũ tại thị trấn Nabatieh, phía bắc sông Litani, đầu tuần này.", ("2025-06-09", 2)),
        ("Đài truyền hình Al Manar cho biết ngày 12/6, máy bay Israel đã ném bom một nhà kho tại thị trấn "
         "Nabatieh, phía bắc sông Litani, hôm thứ Hai.", ("2025-06-09", 1)),
    ],
)  # fmt: skip
def test_a_day_right_after_a_report_verb_dates_the_report(extract, text: str, day: tuple[str, int]) -> None:
    (event,) = extract(text, published="2025-06-13")["events"]
    assert (event["date"], event["time_precision"]) == day  # the incident's day told after its cue


def test_a_deadline_in_the_sentence_before_is_not_the_day(extract) -> None:
    out = extract(
        "Hai bên hôm 2/6 cam kết đạt thỏa thuận hòa bình trước ngày 30/6. "
        "Pháo binh nã đạn vào thị trấn Masisi."
    )
    assert [e["date"] for e in out["events"]] == ["2025-06-02"]


def test_two_days_joined_by_and_are_a_range() -> None:
    (mention,) = find_dates("giao tranh trong hai ngày 7 và 8/2 ở Debre Markos", dt.date(2025, 2, 10), "day")
    assert (mention.date, mention.date_end) == ("2025-02-07", "2025-02-08")
    both = find_dates("hôm 12/10 và 15/10", dt.date(2025, 11, 1), "day")
    assert [(d.date, d.date_end) for d in both] == [("2025-10-12", None), ("2025-10-15", None)]


def test_early_this_month_is_the_month(extract) -> None:
    """Guard: "Hồi đầu tháng này" is the month (time_precision 3, dated mid-month as ACLED does);
    the issue's leftover of a day precision was already gone when the holdout was written."""
    out = extract("Hồi đầu tháng này, quân đội Colombia giao tranh với các tay súng ở thành phố Cúcuta.")
    assert [(e["date"][:7], e["time_precision"]) for e in out["events"]] == [("2025-06", 3)]


# --------------------------------------------------------------------------- actors: armed groups


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ("Phiến quân al-Shabaab tấn công một căn cứ quân sự ở thị trấn Jowhar hôm 2/6.",
         ("Al Shabaab", None)),
        ("Máy bay Mỹ không kích các tay súng al-Shabaab gần thị trấn Jilib hôm 2/6.",
         ("Military Forces of United States", "Al Shabaab")),
        ("Thành phố El Fasher bị RSF pháo kích dữ dội hôm 3/6.", ("Rapid Support Forces", None)),
        ("Lực lượng Houthi phóng một tên lửa về phía thành phố Eilat hôm 4/6.", ("Ansar Allah", None)),
        ("Phiến quân M23 giao tranh với dân quân Wazalendo gần thị trấn Masisi hôm 5/6.",
         ("M23: March 23 Movement", "Wazalendo")),
        ("Phiến quân al-Shabaab giao tranh với quân đội Somalia gần thị trấn Jowhar hôm 5/6.",
         ("Al Shabaab", "Military Forces of Somalia")),
    ],
)  # fmt: skip
def test_armed_groups_act_in_acled_names(extract, text: str, actors: tuple[str | None, str | None]) -> None:
    event = extract(text)["events"][0]
    assert (event["actor1"], event["actor2"]) == actors


# --------------------------------------------------------------------------- burning by armed men


def test_burning_by_the_attackers_is_part_of_their_attack(extract) -> None:
    out = extract(
        "Các tay súng tấn công một ngôi làng gần thị trấn Djibo hôm 4/6, sát hại 12 dân thường. "
        "Những kẻ tấn công cũng đốt phá nhiều ngôi nhà trước khi rút đi."
    )
    assert kinds(out) == [("Violence against civilians", "Attack")]


def test_burning_by_armed_men_is_no_riot(extract) -> None:
    out = extract("Các tay súng đốt phá chợ ở thị trấn Djibo hôm 4/6.")
    assert kinds(out) == [("Strategic developments", "Looting/property destruction")]


# --------------------------------------------------------------------------- the lede after its dateline


def test_a_strike_told_at_sea_then_off_which_coast_is_one_event(extract) -> None:
    out = extract(
        "Tàu hàng cháy trên Biển Đen\n"
        "Một tàu chở hàng bốc cháy trên Biển Đen hôm 28/5 sau khi trúng xuồng không người lái. "
        "Con tàu bị tấn công cách bờ biển tỉnh Kocaeli khoảng 30 hải lý.",
        published="2025-05-30",
    )
    assert [(e["location"], e["event_type"], e["sub_event_type"]) for e in out["events"]] == [
        ("Kocaeli", REMOTE, AIR)
    ]


@pytest.mark.parametrize("dateline", ["(VOV) - ", "VOV.VN - ", "(Dân trí) - ", "Thanh Niên - "])
def test_a_number_word_opening_the_lede_after_its_dateline_is_no_place(extract, dateline: str) -> None:
    out = extract(
        f"Tàu cháy\n{dateline}Hai tàu chở dầu của Nga đã bị hư hỏng gần bờ biển Thổ Nhĩ Kỳ hôm 28/5."
    )
    assert "Hai" not in [p["surface"] for p in out["places"]]


def test_targets_in_a_countrys_territory_are_in_that_country(extract) -> None:
    out = extract("Israel bất ngờ không kích hàng loạt mục tiêu trong lãnh thổ Iran hôm 7/6.")
    assert where(out) == ["Iran"]
    out = extract("Một tên lửa được phóng từ lãnh thổ Yemen về phía một tàu hàng ở Vịnh Aden hôm 7/6.")
    assert where(out) != ["Yemen"]  # where it came from is not where it struck


# --------------------------------------------------------------------------- a statement about an incident


def test_a_condemned_incident_with_its_day_or_toll_happened(extract) -> None:
    out = extract(
        "Hamas lên án cuộc không kích của Israel vào một trường học ở thành phố Gaza hôm 3/6, khiến 20 người "
        "chết."
    )
    assert [(e["location"], e["event_type"], e["actor1"]) for e in out["events"]] == [
        ("Gaza", REMOTE, "Military Forces of Israel")  # who condemns is not who strikes
    ]
    assert extract("Liên Hợp Quốc lên án các cuộc tấn công nhằm vào dân thường ở Gaza.")["events"] == []


def test_a_group_that_reports_its_own_strike_acts(extract) -> None:
    event = extract("Lực lượng Houthi cho biết đã phóng tên lửa vào thành phố Eilat hôm 2/6.")["events"][0]
    assert event["actor1"] == "Ansar Allah"


# --------------------------------------------------------------------------- places that are not where


@pytest.mark.parametrize(
    "speaker",
    ["theo thống đốc Sumy Oleh Hryhorov", "theo thị trưởng Sumy Artem Kobzar", "theo tỉnh trưởng Sumy"],
)
def test_the_place_of_an_officials_title_is_the_speakers_not_the_events(extract, speaker: str) -> None:
    out = extract(
        "Ít nhất 4 người thiệt mạng khi UAV Nga tấn công thị trấn Shostka hôm 3/6. "
        f"Một trực thăng cứu hộ cũng bị bắn hạ khi tới hiện trường, {speaker}."
    )
    assert "Sumy" not in where(out)
    assert "Shostka" in where(out)


@pytest.mark.parametrize(
    ("pair", "target"), [("Israel và Iran", "Iran"), ("Thái Lan và Campuchia", "Cambodia")]
)
def test_countries_between_are_the_parties_not_the_place(extract, pair: str, target: str) -> None:
    first, second = pair.split(" và ")
    out = extract(
        f"Căng thẳng giữa {pair} leo thang từ ngày 5/6 khi quân đội {first} nã pháo vào các mục tiêu trong "
        f"lãnh thổ {second}."
    )
    assert where(out) == [target]


@pytest.mark.parametrize("cue", ["huyện", "vùng", "tỉnh", "hòn đảo"])
def test_an_unknown_place_tied_to_nothing_is_in_its_sentences_country_not_the_articles_focus(
    extract, cue: str
) -> None:
    out = extract(
        "Đánh bom ở Karachi\nMột quả bom phát nổ ở thành phố Karachi hôm 2/6, làm 3 người chết. "
        f"Hôm 4/6, phiến quân phục kích một đoàn xe quân sự ở {cue} Zzyzxabad, làm 7 binh sĩ Afghanistan "
        "thiệt mạng."
    )
    ambush = [e for e in out["events"] if e["date"] == "2025-06-04"]
    assert [(e["location"], e["geo_precision"], e["location_written"]) for e in ambush] == [
        ("Afghanistan", 3, "Zzyzxabad")
    ]
    # a neighbour the place borders is not its country
    out = extract(
        "Giao tranh ở Myanmar\nQuân đội đụng độ với phiến quân ở thành phố Sittwe hôm 2/6. Hôm 4/6, phiến "
        "quân chiếm thị trấn Zzyzxadaw giáp biên giới Bangladesh."
    )
    assert "Bangladesh" not in where(out)


# --------------------------------------------------------------------------- attacks in general


@pytest.mark.parametrize(
    "sentence",
    [
        "Lực lượng Houthi nói các cuộc tấn công của họ nhằm ủng hộ người dân ở Gaza.",
        "Israel cho biết các cuộc không kích của họ nhằm làm suy yếu Hezbollah ở miền nam Lebanon.",
        "Chính quyền cáo buộc nhóm phiến quân, lực lượng đã tiến hành hàng loạt vụ tấn công ở miền bắc.",
        "Al-Shabaab đã thực hiện nhiều cuộc đánh bom tại thủ đô Mogadishu.",
    ],
)
def test_attacks_in_general_are_no_incident(extract, sentence: str) -> None:
    assert extract(f"Bạo lực leo thang\n{sentence}")["events"] == []


def test_a_series_with_a_day_or_a_toll_of_its_own_happened(extract) -> None:
    out = extract(
        "Quân đội Israel rạng sáng 7/6 tiến hành hàng loạt cuộc không kích nhằm vào thành phố Tyre."
    )
    assert where(out) == ["Tyre"]
    out = extract("Nga tiến hành nhiều đợt không kích vào thành phố Kharkiv, làm 6 người chết.")
    assert where(out) == ["Kharkiv"]


# --------------------------------------------------------------------------- one demonstration, one event


def test_a_protest_where_a_riot_broke_out_that_day_is_the_riot(extract) -> None:
    out = extract(
        "Biểu tình lan rộng\nNgười biểu tình cũng xuống đường tại thành phố Chittagong và Sylhet hôm 5/6, "
        "nơi đám đông đốt phá một đồn cảnh sát."
    )
    assert sorted((e["location"], e["event_type"]) for e in out["events"]) == [
        ("Chattogram", "Protests"),
        ("Sylhet", "Riots"),
    ]
    riot = next(e for e in out["events"] if e["event_type"] == "Riots")
    assert len(riot["mentions"]) == 2  # the protest's report is one of the riot's


# --------------------------------------------------------------------------- who was killed


@pytest.mark.parametrize(
    "sentence",
    [
        "Tiếng súng nổ khắp thành phố Benghazi đêm 4/6 sau khi chỉ huy lữ đoàn Tariq Ben Ziyad bị sát hại.",
        "Các tay súng đã bắn chết một chỉ huy phiến quân ở thành phố Benghazi hôm 4/6.",
        "Hai binh sĩ bị giết hại trong một vụ phục kích gần thành phố Benghazi hôm 4/6.",
    ],
)
def test_killing_an_armed_man_is_fighting_not_violence_against_civilians(extract, sentence: str) -> None:
    assert kinds(extract(sentence)) == [("Battles", "Armed clash")]


def test_killing_civilians_stays_violence_against_civilians(extract) -> None:
    out = extract("Các tay súng đã bắn chết ba dân thường ở thành phố Benghazi hôm 4/6.")
    assert kinds(out) == [("Violence against civilians", "Attack")]


@pytest.mark.parametrize("targets", ["khoảng 1.200 mục tiêu", "hàng trăm mục tiêu", "nhiều mục tiêu"])
def test_an_attack_on_a_count_of_targets_is_the_strike_just_told(extract, targets: str) -> None:
    out = extract(
        "Israel không kích dữ dội\nHơn 100 người thiệt mạng trong các cuộc không kích của Israel nhằm vào "
        f"cao nguyên Golan hôm 5/6. Quân đội Israel tuyên bố đã tấn công {targets} của Hezbollah."
    )
    assert [(e["location"], e["event_type"], e["sub_event_type"]) for e in out["events"]] == [
        ("Golan Heights", REMOTE, AIR)
    ]


# --------------------------------------------------------------------------- dates told by reference


def test_a_sentence_after_one_dated_by_reference_goes_on_about_that_day(extract) -> None:
    out = extract(
        "Giao tranh ở biên giới\nHôm 3/6, pháo binh Israel nã đạn vào thị trấn Khiam. Tối cùng ngày, Israel "
        "không kích thành phố Tyre. Hezbollah đáp trả bằng cách phóng hàng chục quả rocket vào thành phố "
        "Safed."
    )
    assert {e["location"]: e["date"] for e in out["events"]}["Safed"] == "2025-06-03"


@pytest.mark.parametrize(
    "sentence",
    [
        "Rạng sáng 4/6, Iran phóng hai tên lửa về phía Israel; quân đội Israel cho biết đã đánh chặn cả hai.",
        "Hôm 4/6, Houthi phóng một UAV về phía Israel, nhưng quân đội Israel thông báo đã bắn hạ UAV này.",
    ],
)
def test_a_launch_told_with_its_interception_is_one_disrupted_weapons_use(extract, sentence: str) -> None:
    out = extract(f"Căng thẳng leo thang\n{sentence}")
    assert kinds(out) == [("Strategic developments", "Disrupted weapons use")]
    assert len(out["events"][0]["mentions"]) == 2


# --------------------------------------------------------------------------- the capital told again


@pytest.mark.parametrize("after", ["và một kho đạn ở tỉnh Khost", "trong đêm 9/10", "."])
def test_a_bare_capital_is_the_capital_named_before(extract, after: str) -> None:
    out = extract(
        "Giao tranh ở Kandahar\nHôm 9/10, quân đội Pakistan và Taliban giao tranh gần thành phố Kandahar. "
        "Cùng ngày, người dân nghe thấy các tiếng nổ tại thủ đô Kabul. Phía Taliban nói máy bay Pakistan đã "
        f"ném bom thủ đô {after}".replace(" .", ".")
    )
    assert "Kabul" in where(out)
    assert not [p for p in out["places"] if p["surface"] == "thủ đô"]  # no place the text names again


def test_a_second_target_with_its_own_locative_is_an_event_of_its_own(extract) -> None:
    out = extract(
        "Không kích ở Syria\nHôm 4/6, Israel không kích thành phố Homs và một kho vũ khí ở tỉnh Hama, "
        "theo giới chức Syria."
    )
    assert sorted(where(out)) == ["Hama", "Homs"]


# --------------------------------------------------------------------------- real-article round (events3)
# Mechanisms the events3 round found on real Vietnamese news outside the repository; every passage
# below is written for these tests in that style (none is a sentence of a published article).


@pytest.mark.parametrize("credit", ["Ảnh: AP.", "Ảnh: Xinhua News.", "(Ảnh: THX/TTXVN).", "Ảnh: Đức Anh."])
def test_a_caption_whose_credit_ends_with_a_full_stop_gives_no_event(extract, credit: str) -> None:
    out = extract(
        "Giao tranh ở Lebanon\nQuân đội Israel không kích thành phố Tyre hôm 9/6, khiến 5 người chết.\n"
        f"Những người định cư phóng hỏa nhiều ô tô tại thị trấn Huwara ở Bờ Tây ngày 8/6. {credit}\n"
        "Giới chức y tế Lebanon cho biết số người chết có thể tăng."
    )
    assert where(out) == ["Tyre"]


@pytest.mark.parametrize("subject", ["Cuộc tấn công", "Đòn tập kích", "Các cuộc tập kích", "Vụ tấn công"])
def test_a_toll_of_the_attack_just_told_is_that_attack(extract, subject: str) -> None:
    out = extract(
        "Nga tập kích Kyiv\nRạng sáng 9/6, Nga phóng hàng trăm UAV và tên lửa vào thủ đô Kyiv. "
        f"{subject} khiến ít nhất 6 người thiệt mạng và hàng chục người bị thương."
    )
    assert [(e["location"], e["event_type"], e["fatalities"]) for e in out["events"]] == [("Kyiv", REMOTE, 6)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Như vậy, kể từ đầu tháng này, 15 tay súng đã thiệt mạng trong các cuộc tấn công của Israel.",
        "Số thương vong mới nâng tổng số người chết trong các cuộc không kích vào Gaza lên hơn 30.",
        "Theo Bộ Y tế Gaza, 420 người đã thiệt mạng kể từ khi lệnh ngừng bắn có hiệu lực.",
        "Tính từ đầu năm, các vụ tấn công của phiến quân đã khiến hơn 900 người chết ở tỉnh Cabo Delgado.",
    ],
)
def test_a_running_total_is_no_incident(extract, sentence: str) -> None:
    out = extract(
        "Không kích ở miền nam Lebanon\nHôm 9/6, máy bay không người lái của Israel tấn công một xe ô tô ở "
        f"thành phố Tyre, khiến 2 người chết. {sentence}"
    )
    assert where(out) == ["Tyre"]


@pytest.mark.parametrize(
    ("lede", "place"),
    [
        ("Nga phóng hơn 500 UAV vào Ukraine trong đêm 9/6, buộc nước này báo động phòng không toàn quốc.",
         "Lutsk"),
        ("Quân đội Israel không kích Dải Gaza rạng sáng 9/6, theo giới chức y tế địa phương.", "Gaza"),
    ],
)  # fmt: skip
def test_a_strike_summed_up_at_a_country_is_the_strike_told_where_it_struck(
    extract, lede: str, place: str
) -> None:
    """The lede at a country or a large region, the figures, then where it struck further on: one
    event, at the place (ACLED codes strikes where they struck)."""
    where_struck = (
        "Tại thành phố Lutsk, UAV Nga đánh trúng một khu dân cư đêm 9/6, khiến 2 người bị thương."
        if "Ukraine" in lede
        else "Một cuộc không kích nhằm vào một ngôi nhà ở thành phố Gaza rạng sáng 9/6 khiến 5 người chết."
    )
    out = extract(
        f"Tin mới nhất\n{lede} Giới chức cho biết lực lượng phòng không đã hoạt động suốt đêm. "
        f"Người dân được yêu cầu ở trong hầm trú ẩn. {where_struck}"
    )
    strikes = [e["event_type"] for e in out["events"] if e["sub_event_type"] != "Disrupted weapons use"]
    assert strikes == [REMOTE]
    assert where(out)[-1] == place
    assert len(out["events"][-1]["mentions"]) == 2


def test_a_strike_at_a_country_on_another_day_stays_its_own(extract) -> None:
    """Guard: the summary joins the located strike of its day only."""
    out = extract(
        "Tin mới nhất\nNga phóng hơn 500 UAV vào Ukraine trong đêm 8/6. Người dân được yêu cầu ở trong hầm "
        "trú ẩn. Giới chức kêu gọi bình tĩnh. Tại thành phố Lutsk, UAV Nga đánh trúng một khu dân cư đêm 9/6."
    )
    assert sorted(e["date"] for e in out["events"]) == ["2025-06-08", "2025-06-09"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an air force that owns or makes the attack
        ("Ít nhất 20 người chết trong loạt cuộc tập kích dữ dội của không quân Israel vào thành phố Gaza "
         "tối 9/6.", (REMOTE, AIR)),
        ("Cuộc tấn công mới nhất do không quân Israel tiến hành tối 9/6 nhằm vào thành phố Tyre.",
         (REMOTE, AIR)),
        # a rocket in the press's other spelling
        ("Hamas phóng hàng chục quả rốc két về phía thành phố Ashkelon hôm 9/6.", (REMOTE, SHELLING)),
        # air defence shooting drones down, active or passive, with "hoặc" between verb and count
        ("Các đơn vị phòng không Nga bắn hạ hoặc vô hiệu hóa 40 UAV trên bầu trời tỉnh Belgorod đêm 9/6.",
         ("Strategic developments", "Disrupted weapons use")),
        ("Ukraine dùng 3 UAV tập kích thủ đô Moscow hôm 9/6, trong đó hai chiếc bị lực lượng phòng không "
         "bắn hạ ở khu vực Odintsovo.", ("Strategic developments", "Disrupted weapons use")),
    ],
)  # fmt: skip
def test_type_from_an_air_force_owning_the_attack_rocket_spellings_and_air_defence(
    extract, text: str, expected: tuple[str, str]
) -> None:
    assert expected in kinds(extract(text))


def test_an_attack_owned_by_a_country_has_no_means(extract) -> None:
    """Guard (passed before too): "của Nga" names who, not with what."""
    out = extract("Cuộc tấn công của Nga vào thị trấn Kupiansk hôm 9/6 khiến 3 binh sĩ thiệt mạng.")
    assert kinds(out) == [("Battles", "Armed clash")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Quân đội Mỹ ngày 12/6 xác nhận vụ đấu súng giữa lính thủy đánh bộ và các tay súng băng đảng ở "
        "thủ đô Port-au-Prince vào tối 9/6.",
        "Bộ Quốc phòng Thái Lan hôm 12/6 cho biết binh sĩ Campuchia đã nổ súng vào một chốt biên phòng ở "
        "tỉnh Surin rạng sáng 9/6.",
    ],
)
def test_the_day_of_a_report_does_not_date_the_incident_it_reports(extract, sentence: str) -> None:
    out = extract(f"Tin thế giới\n{sentence}", published="2025-06-13")
    assert [e["date"] for e in out["events"]] == ["2025-06-09"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what struck, told far from its verb ("lao vào", "va vào")
        ("Quả tên lửa lọt qua lưới phòng không mang theo đầu đạn chùm và nó đã lao vào một tòa chung cư ở "
         "thành phố Zaporizhzhia đêm 9/6.", (REMOTE, SHELLING)),
        ("Sáng 9/6, hai chiếc UAV bị gây nhiễu điện tử khi bay gần thành phố Kursk đã va vào một tòa nhà cao "
         "tầng.", (REMOTE, AIR)),
        # a launch of shells by count ("phóng hơn 80 quả đạn pháo phản lực")
        ("Quân đội Campuchia phóng hơn 80 quả đạn pháo phản lực vào tỉnh Sa Kaeo rạng sáng 9/6.",
         (REMOTE, SHELLING)),
    ],
)  # fmt: skip
def test_what_struck_far_from_its_verb_and_shells_launched_by_count(
    extract, text: str, expected: tuple[str, str]
) -> None:
    assert kinds(extract(text)) == [expected]


@pytest.mark.parametrize("when", ["tối 9.6", "rạng sáng 9.6", "hôm 9.6"])
def test_a_day_written_with_a_dot_after_a_part_of_the_day(when: str) -> None:
    found = find_dates(f"Vụ đấu súng xảy ra {when}, theo cảnh sát.", dt.date(2025, 6, 12))
    assert [d.date for d in found] == ["2025-06-09"]


def test_a_decimal_after_a_part_of_the_day_word_is_no_date() -> None:
    """Guard (passed before too): "3.5" is a number unless a day word heads it."""
    assert find_dates("Giá tăng 3.5% trong tháng, khoảng 2.5 triệu người.", dt.date(2025, 6, 12)) == []


def test_a_month_written_with_a_dot_before_its_year() -> None:
    found = find_dates("Haiti ở trong tình trạng khẩn cấp từ tháng 3.2024.", dt.date(2025, 6, 12))
    assert [d.date for d in found] == ["2024-03"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Nga hiếm khi công bố thiệt hại do các cuộc không kích của Ukraine gây ra ở tỉnh Belgorod.",
        "Đây là vụ tấn công đẫm máu nhất ở tỉnh Sumy trong nhiều tháng.",
        "Đây là lần thứ hai trong tuần UAV Ukraine tập kích tỉnh Belgorod.",
    ],
)
def test_rare_habits_and_the_incident_compared_are_no_new_events(extract, sentence: str) -> None:
    out = extract(
        f"Tin chiến sự\nRạng sáng 9/6, UAV Ukraine tập kích thành phố Kursk, khiến 2 người chết. {sentence}"
    )
    assert len(out["events"]) == 1


def test_the_same_toll_in_the_lede_and_the_body_is_one_incident(extract) -> None:
    out = extract(
        "Tin Trung Đông\nQuân đội Israel sáng sớm 9/6 không kích Dải Gaza, khiến 12 người thiệt mạng. Israel "
        "nói mục tiêu là ba chỉ huy của nhóm Jihad. Nhà chức trách y tế tại Dải Gaza cho biết các cuộc không "
        "kích đã làm 12 người thiệt mạng, trong đó có phụ nữ và trẻ em."
    )
    assert [(e["fatalities"], len(e["mentions"])) for e in out["events"]] == [(12, 2)]


def test_an_undated_summary_joins_the_located_incident_of_the_article(extract) -> None:
    out = extract(
        "Tin thế giới\nQuân đội Burkina Faso tiếp tục giao tranh với phiến quân. Người dân được yêu cầu ở "
        "trong nhà. Chính quyền kêu gọi bình tĩnh. Hôm 5/6, 30 binh sĩ thiệt mạng khi giao tranh với phiến "
        "quân ở thị trấn Djibo.",
        published="2025-06-07",
    )
    assert [(e["location"], e["date"]) for e in out["events"]] == [("Djibo", "2025-06-05")]


def test_a_clash_summed_up_at_a_border_line_is_the_clash_told_at_its_place(extract) -> None:
    out = extract(
        "Biên giới nóng trở lại\nGiao tranh tại biên giới Thái Lan - Campuchia tiếp diễn trong ngày 9/6. "
        "Người dân được yêu cầu sơ tán. Chính quyền kêu gọi bình tĩnh. Quân khu 2 cho biết giao tranh diễn "
        "ra tại tỉnh Surin từ sáng 9/6."
    )
    assert [(e["location"], len(e["mentions"])) for e in out["events"]] == [("Surin", 2)]


def test_attacks_summed_up_with_a_bare_verb_are_the_strikes_told_at_their_place(extract) -> None:
    out = extract(
        "Gaza chìm trong khói lửa\nHôm 9/6, quân đội Israel tiến hành nhiều cuộc tấn công vào Dải Gaza, "
        "khiến ít nhất 40 người chết. Người dân được yêu cầu sơ tán. Chính quyền kêu gọi bình tĩnh. Máy bay "
        "Israel không kích một trường học ở thành phố Gaza tối 9/6, khiến 7 người chết."
    )
    assert [(e["location"], e["event_type"], e["fatalities"]) for e in out["events"]] == [("Gaza", REMOTE, 7)]


def test_a_caption_between_a_strike_and_its_toll_does_not_hide_the_strike(extract) -> None:
    out = extract(
        "Nga tập kích Dnipro\nNga phóng tên lửa vào thành phố Dnipro đêm 9/6, phá hủy một tòa chung cư.\n"
        "Lính cứu hỏa ở tòa nhà bị trúng tên lửa trong cuộc tấn công của Nga vào thành phố Dnipro đêm 9/6. "
        "Ảnh: Reuters\n"
        "Giới chức vùng Dnipropetrovsk cho biết các cuộc tấn công khiến một người chết và 26 người bị thương."
    )
    assert {e["event_type"] for e in out["events"]} == {REMOTE}


@pytest.mark.parametrize(
    "sentence",
    [
        "Các băng nhóm thường chặn đường và quấy nhiễu người dân ở thủ đô Port-au-Prince, bắt cóc, sát hại.",
        "Luật mới, dự kiến có hiệu lực từ tháng sau, sẽ cấm các cuộc tụ tập đông người, các hoạt động bạo "
        "loạn ở thủ đô Nairobi.",
    ],
)
def test_a_habit_or_an_intent_governs_the_items_listed_after_it(extract, sentence: str) -> None:
    assert extract(f"Tin thế giới\n{sentence}")["events"] == []


def test_an_item_told_as_done_after_an_intent_is_news(extract) -> None:
    """Guard: "…, pháo binh Nga đã bắn vào …" after "sẽ điều tra" is an incident of its own."""
    out = extract(
        "Tin chiến sự\nQuân đội cho biết sẽ điều tra, pháo binh Nga đã bắn vào thành phố Kherson hôm 9/6."
    )
    assert where(out) == ["Kherson"]


@pytest.mark.parametrize("who", ["Một số đối tượng biểu tình quá khích", "Nhiều người biểu tình"])
def test_what_demonstrators_burn_and_smash_is_their_riot(extract, who: str) -> None:
    out = extract(
        f"Bạo loạn ở Nairobi\nHôm 9/6, {who} tràn ra đường ở thủ đô Nairobi, phóng hỏa nhiều xe, đốt phá "
        "một đồn cảnh sát."
    )
    assert kinds(out) == [("Riots", "Violent demonstration")]


# --------------------------------------------------------------------------- one incident, told twice


@pytest.mark.parametrize(
    "text",
    [
        # a lede's bare attack over the strike told with its means
        "Nga mở đợt tấn công dữ dội vào thành phố Dnipro rạng sáng 9/6. Chính quyền Ukraine cho biết Nga đã "
        "phóng hàng chục tên lửa hành trình nhằm vào thành phố Dnipro trong đêm.",
        # the toll told with the bare noun after the strike
        "Israel không kích một khu dân cư ở thành phố Khan Younis hôm 9/6. Vụ tấn công khiến ít nhất 7 người "
        "thiệt mạng, giới chức y tế cho biết.",
        # the bare attack told of a night whose interception the next sentence tells
        "Ukraine tập kích thành phố Kursk trong đêm 8/6. Lực lượng phòng không Nga cho biết đã bắn hạ 40 UAV "
        "trên bầu trời thành phố Kursk.",
    ],
)
def test_a_bare_attack_at_the_place_and_day_of_a_strike_is_that_strike(extract, text: str) -> None:
    out = extract(text)
    assert len(out["events"]) == 1, kinds(out)
    assert out["events"][0]["event_type"] in (REMOTE, "Strategic developments")
    assert len(out["events"][0]["mentions"]) == 2


@pytest.mark.parametrize(
    "attacker", ["lực lượng Ukraine đã tấn công binh sĩ Nga", "phiến quân tấn công một đồn cảnh sát"]
)
def test_a_bare_attack_by_another_attacker_stays_its_own(extract, attacker: str) -> None:
    text = f"Nga phóng tên lửa vào thành phố Kharkiv hôm 9/6. Cùng ngày, {attacker} ở thành phố Kharkiv."
    out = extract(text)
    assert len(out["events"]) == 2, kinds(out)


def test_the_fatal_toll_told_with_the_bare_noun_goes_to_the_strike(extract) -> None:
    out = extract(
        "Israel không kích một khu dân cư ở thành phố Khan Younis hôm 9/6. Vụ tấn công khiến ít nhất 7 người "
        "thiệt mạng, giới chức y tế cho biết."
    )
    assert [e["fatalities"] for e in out["events"]] == [7]


# --------------------------------------------------------------------------- protests the police break up


@pytest.mark.parametrize(
    "text",
    [
        "Cảnh sát bắn hơi cay vào hàng nghìn người biểu tình tại thủ đô Nairobi hôm 8/6.",
        "Người dân xuống đường biểu tình ở thủ đô Lima hôm 8/6, cảnh sát dùng vòi rồng giải tán đám đông.",
        "Hàng trăm sinh viên tuần hành tại thủ đô Dhaka hôm 8/6 và nhiều người đã bị bắt.",
    ],
)
def test_a_protest_the_police_break_up_is_a_protest_with_intervention(extract, text: str) -> None:
    assert kinds(extract(text)) == [("Protests", "Protest with intervention")]


def test_one_demonstration_told_three_ways_is_one_event_of_its_gravest_kind(extract) -> None:
    out = extract(
        "Hàng nghìn người biểu tình tụ tập tại thủ đô Nairobi hôm 8/6 để phản đối dự luật thuế. "
        "Một số người biểu tình ném đá và đụng độ với cảnh sát chống bạo động ở thủ đô Nairobi. "
        "Cảnh sát sau đó dùng dùi cui tấn công những người biểu tình, khiến nhiều người bị thương."
    )
    assert kinds(out) == [("Riots", "Violent demonstration")]
    assert len(out["events"][0]["mentions"]) == 3


def test_protests_in_two_cities_stay_two(extract) -> None:
    out = extract(
        "Hàng nghìn người biểu tình tại thủ đô Nairobi hôm 8/6. Cùng ngày, cảnh sát bắn hơi cay giải tán "
        "người biểu tình ở thành phố Mombasa."
    )
    assert sorted(where(out)) == ["Mombasa", "Nairobi"]


# --------------------------------------------------------------------------- where a strike came from


@pytest.mark.parametrize(
    "text",
    [
        "Không quân Ukraine cho biết Nga đã phóng 80 UAV vào Ukraine trong đêm 8/6 từ các hướng Kursk, "
        "Bryansk và Millerovo.",
        "Nga phóng 12 tên lửa hành trình vào Ukraine hôm 8/6, xuất phát từ khu vực Rostov.",
    ],
)
def test_the_places_a_strike_came_from_are_not_where_it_struck(extract, text: str) -> None:
    assert where(extract(text)) == ["Ukraine"]


def test_a_strike_on_a_town_named_beside_its_origin_is_at_the_town(extract) -> None:
    out = extract("Nga phóng UAV từ tỉnh Kursk tấn công thành phố Sumy hôm 8/6.")
    assert where(out) == ["Sumy"]


# ------------------------------------------------------------------- the day of a report, the day before


def test_a_date_of_the_report_gives_way_to_the_incidents_own_day(extract) -> None:
    out = extract(
        "Truyền thông địa phương ngày 9/6 đưa tin binh sĩ hai nước đã đụng độ ở tỉnh Preah Vihear. Quân đội "
        "cho biết cuộc đụng độ ở tỉnh Preah Vihear diễn ra lúc 14 giờ ngày 8/6 và kéo dài 30 phút."
    )
    assert [e["date"] for e in out["events"]] == ["2025-06-08"]


def test_a_report_does_not_join_an_incident_weeks_before_it(extract) -> None:
    out = extract(
        "Tổ chức Mạng lưới Bác sĩ ngày 9/6 cho biết RSF đã pháo kích trại tị nạn Abu Shouk gần thành phố El "
        "Fasher. Trước đó, ngày 20/5, RSF cũng pháo kích thành phố El Fasher."
    )
    assert sorted(e["date"] for e in out["events"]) == ["2025-05-20", "2025-06-09"]


@pytest.mark.parametrize(("count", "day"), [("một", "2025-06-07"), ("hai", "2025-06-06")])
def test_the_incident_of_a_sau_khi_clause_is_the_days_before(extract, count: str, day: str) -> None:
    out = extract(
        f"UAV tấn công một xe khách gần thành phố El Obeid hôm 8/6, làm 9 người chết. Vụ việc xảy ra chỉ "
        f"{count} ngày sau khi một đoàn xe cứu trợ bị UAV tấn công gần thành phố Kosti."
    )
    assert sorted((e["location"], e["date"]) for e in out["events"]) == [
        ("El Obeid", "2025-06-08"),
        ("Kosti", day),
    ]


def test_the_incident_told_before_a_truoc_khi_clause_keeps_its_day(extract) -> None:
    out = extract(
        "Nga phóng tên lửa vào thành phố Odesa hôm 8/6. Cuộc tấn công bằng tên lửa ở thành phố Odesa diễn ra "
        "hai ngày trước khi hai bên nối lại đàm phán."
    )
    assert [e["date"] for e in out["events"]] == ["2025-06-08"]


def test_a_month_the_clause_writes_dates_it_not_a_vague_before_that(extract) -> None:
    out = extract(
        "Ukraine tập kích nhà máy lọc dầu ở thành phố Ryazan hôm 9/6. Một cuộc tấn công bằng UAV trước đó đã "
        "buộc nhà máy ở thành phố Ryazan ngừng hoạt động hồi đầu tháng 4."
    )
    dates = sorted(e["date"] for e in out["events"])
    assert dates[0].startswith("2025-04") and dates[1] == "2025-06-09"


# --------------------------------------------------------------------------- a capital for its state


@pytest.mark.parametrize(
    "text",
    [
        "Bangkok cáo buộc Phnom Penh nã pháo vào tỉnh Surin hôm 8/6, khiến hai binh sĩ Thái Lan bị thương.",
        "Moskva ngày 8/6 tuyên bố quân đội Nga đã pháo kích thành phố Kupiansk.",
        "Tổng thống Mỹ ngày 8/6 kêu gọi chấm dứt cuộc xung đột giữa Moskva và Kiev, sau khi Nga không kích "
        "thành phố Kharkiv hôm 7/6.",
    ],
)
def test_a_capital_that_speaks_accuses_or_is_a_party_is_no_place_of_the_event(extract, text: str) -> None:
    assert not {"Bangkok", "Phnom Penh", "Moscow", "Kyiv"} & set(where(extract(text)))


@pytest.mark.parametrize(
    "text",
    ["Nga phóng tên lửa tấn công Kiev rạng sáng 8/6.", "Kiev bị tấn công bằng tên lửa rạng sáng 8/6."],
)
def test_a_capital_struck_stays_the_place(extract, text: str) -> None:
    assert where(extract(text)) == ["Kyiv"]


def test_a_capital_that_strikes_is_no_place_of_the_strike(extract) -> None:
    assert where(extract("Moskva tấn công thành phố Kharkiv bằng tên lửa hôm 8/6.")) == ["Kharkiv"]


# --------------------------------------------------------------------------- an agreement in force


@pytest.mark.parametrize("verb", ["vi phạm", "phá vỡ"])
def test_an_agreement_broken_is_no_agreement_but_the_fire_is_news(extract, verb: str) -> None:
    out = extract(
        f"Thái Lan cáo buộc Campuchia {verb} thỏa thuận ngừng bắn khi nã cối vào tỉnh Surin hôm 8/6."
    )
    assert kinds(out) == [(REMOTE, SHELLING)]


def test_a_ceasefire_is_no_stopping_of_what_the_clause_tells(extract) -> None:
    # "ngừng bắn" is a noun (a ceasefire), not "ngừng" (to stop) governing the shelling after it
    out = extract(
        "Quân đội Thái Lan cáo buộc Campuchia phớt lờ lệnh ngừng bắn và nã pháo vào tỉnh Surin hôm 8/6."
    )
    assert kinds(out) == [(REMOTE, SHELLING)]


@pytest.mark.parametrize("weapon", ["cối", "rocket", "tên lửa"])
def test_na_with_a_weapon_is_a_shelling(extract, weapon: str) -> None:
    assert kinds(extract(f"Campuchia nã {weapon} vào tỉnh Surin hôm 8/6.")) == [(REMOTE, SHELLING)]


# --------------------------------------------------------------------------- interceptions of a strike


def test_a_count_of_the_launched_is_still_an_interception(extract) -> None:
    out = extract("Không quân Ukraine cho biết đã bắn hạ 70 trong số 85 UAV Nga phóng vào Ukraine đêm 8/6.")
    assert kinds(out) == [("Strategic developments", "Disrupted weapons use")]


def test_interceptions_told_at_the_country_join_the_strike_on_its_town(extract) -> None:
    out = extract(
        "Nga phóng tên lửa hành trình tấn công thành phố Lviv rạng sáng 8/6, làm 3 người bị thương. Lực "
        "lượng phòng không Ukraine cho biết đã đánh chặn phần lớn các mục tiêu trên không trong đêm 8/6."
    )
    assert kinds(out) == [(REMOTE, SHELLING)]
    assert len(out["events"][0]["mentions"]) == 2


def test_interceptions_over_another_region_stay_their_own(extract) -> None:
    out = extract(
        "Nga phóng tên lửa hành trình tấn công thành phố Lviv rạng sáng 8/6. Cùng ngày, lực lượng "
        "phòng không Nga bắn hạ 20 UAV trên bầu trời tỉnh Belgorod."
    )
    assert len(out["events"]) == 2, kinds(out)


# --------------------------------------------------------------------------- the means in the headline


def test_a_headline_gives_its_means_to_the_one_bare_attack_of_the_body(extract) -> None:
    out = extract(
        "Tấn công bằng UAV ở Sudan, ít nhất 20 người thiệt mạng\n\n"
        "Cuộc tấn công của RSF xảy ra hôm 8/6 tại thị trấn Kadugli, bang Nam Kordofan, giới chức y tế "
        "cho biết."
    )
    assert kinds(out) == [(REMOTE, AIR)]


def test_a_headline_does_not_guess_between_two_bare_attacks(extract) -> None:
    out = extract(
        "Tấn công bằng UAV ở Sudan, ít nhất 20 người thiệt mạng\n\n"
        "Cuộc tấn công của RSF xảy ra hôm 8/6 tại thị trấn Kadugli. Cùng ngày, quân đội Sudan tấn công "
        "các vị trí của RSF ở thành phố El Obeid."
    )
    assert ("Battles", "Armed clash") in kinds(out)


# --------------------------------------------------------------------------- alerts, thrown bombs, waves


@pytest.mark.parametrize(
    "text",
    [
        "Còi báo động không kích vang lên khắp Ukraine trong đêm 8/6.",
        "Chính quyền phát cảnh báo không kích tại tỉnh Kharkiv tối 8/6.",
    ],
)
def test_an_air_raid_alert_is_no_strike(extract, text: str) -> None:
    assert extract(text)["events"] == []


@pytest.mark.parametrize("bomb", ["bom xăng", "bom khói"])
def test_a_bomb_thrown_by_hand_is_no_air_strike(extract, bomb: str) -> None:
    out = extract(f"Hàng trăm người bạo động ném {bomb} vào đồn cảnh sát ở thủ đô Santiago hôm 8/6.")
    assert AIR not in [sub for _, sub in kinds(out)]


def test_a_wave_of_protests_is_a_topic_not_a_protest(extract) -> None:
    out = extract(
        "Trước đó, ngày 7/6, làn sóng biểu tình phản đối dự luật vẫn tiếp diễn tại thủ đô Santiago."
    )
    assert out["events"] == []


def test_a_lede_dated_by_its_report_is_the_strike_the_body_goes_on_about(extract) -> None:
    out = extract(
        "Tổ chức y tế địa phương hôm qua (9/6) cho biết, RSF đã pháo kích một trại tị nạn, khiến ít nhất 12 "
        "người thiệt mạng. Theo tổ chức này, vụ pháo kích xảy ra hôm 8/6 tại trại Zamzam gần thành phố El "
        "Fasher."
    )
    assert len(out["events"]) == 1, kinds(out)


def test_a_report_of_more_dead_is_news_of_its_own(extract) -> None:
    out = extract(
        "Campuchia nã pháo vào một chốt biên phòng ở tỉnh Sa Kaeo lúc 21 giờ ngày 8/6, làm một binh sĩ thiệt "
        "mạng. Quân đội Thái Lan sáng nay cho biết thêm hai binh sĩ thiệt mạng vì đạn cối từ phía Campuchia."
    )
    assert len(out["events"]) == 2, kinds(out)


# --------------------------------------------------------------------------- each side's account of one clash


def test_each_side_placing_one_clash_at_home_is_one_clash(extract) -> None:
    out = extract(
        "Quân đội Thái Lan cho biết binh sĩ hai nước đã đụng độ ở tỉnh Si Sa Ket lúc 14 giờ ngày 8/6, làm "
        "hai binh sĩ Thái Lan bị thương. Bộ Quốc phòng Campuchia cáo buộc binh sĩ Thái Lan nổ súng trước vào "
        "lực lượng Campuchia tại tỉnh Preah Vihear ngày 8/6."
    )
    assert [e["event_type"] for e in out["events"]] == ["Battles"], where(out)


def test_strikes_each_side_makes_across_the_border_stay_two(extract) -> None:
    out = extract(
        "Pakistan cho biết Ấn Độ đã không kích thành phố Muzaffarabad hôm 8/6. Cùng ngày, quân đội Ấn Độ cáo "
        "buộc Pakistan pháo kích thị trấn Poonch."
    )
    assert len(out["events"]) == 2, where(out)


# --------------------------------------------------------------------------- as-of tallies


@pytest.mark.parametrize(
    "opening", ["Tính đến ngày 8/6", "Tính đến nay", "Cho đến nay", "Tính tới thời điểm này"]
)
def test_a_tally_as_of_a_day_is_no_incident(extract, opening: str) -> None:
    out = extract(f"{opening}, các cuộc không kích của Israel đã làm hơn 50.000 người chết ở Dải Gaza.")
    assert out["events"] == []


def test_the_incident_before_an_as_of_tally_keeps_its_toll(extract) -> None:
    out = extract(
        "Nga pháo kích thành phố Kherson hôm 8/6, làm 3 người chết. Tính đến ngày 8/6, các cuộc tấn công của "
        "Nga đã khiến 500 người chết ở thành phố Kherson."
    )
    assert [(e["location"], e["fatalities"]) for e in out["events"]] == [("Kherson", 3)]


# --------------------------------------------------------------------------- events5: real articles judged


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a video as the evidence of what it shows, in the body: the strikes are reported
        (
            "Đoạn video do một kênh địa phương đăng tải cho thấy các cuộc không kích nhắm vào thị trấn "
            "Talbiseh hôm 6/12.",
            "Tallbīsah",
        ),
        ("Hình ảnh vệ tinh ghi lại cảnh quân đội pháo kích thị trấn Rastan hôm 6/12.", "Ar Rastan"),
        (
            "Hải quân nước này hôm 23/3 công bố video cáo buộc tàu hải cảnh phun vòi rồng vào một tàu "
            "tiếp tế gần bãi Cỏ Mây.",
            "Second Thomas Shoal",
        ),
    ],
)
def test_a_picture_told_as_evidence_reports_the_incident(extract, text: str, place: str) -> None:
    assert where(extract(text)) == [place]


@pytest.mark.parametrize(
    "text",
    [
        "Video: Khoảnh khắc UAV tấn công thị trấn Talbiseh.",
        "Đoạn video cho thấy khoảnh khắc UAV tấn công thị trấn Talbiseh hôm 6/12.",
        "Quân đội công bố video các cuộc không kích vào thị trấn Talbiseh hôm 6/12.",
    ],
)
def test_a_picture_of_the_incident_is_still_no_event(extract, text: str) -> None:
    assert extract(text)["events"] == []


@pytest.mark.parametrize("force", ["hải cảnh", "cảnh sát biển", "lực lượng bảo vệ bờ biển", "tuần duyên"])
def test_a_coast_guard_names_its_state_as_actor_not_as_place(extract, force: str) -> None:
    out = extract(
        f"Philippines cáo buộc tàu {force} Trung Quốc phun vòi rồng vào tàu tiếp tế gần bãi Cỏ Mây hôm 8/6. "
        f"Hai tàu của {force} Trung Quốc liên tục phun vòi rồng vào con tàu."
    )
    assert where(out) == ["Second Thomas Shoal"], [e["mentions"] for e in out["events"]]


def test_a_list_of_towns_glossed_with_their_provinces_gives_one_event_each(extract) -> None:
    out = extract(
        "Bộ Tổng tham mưu Ukraine cho biết ngày 8/6 giao tranh ác liệt nhất diễn ra ở các thành phố Pokrovsk "
        "(Donetsk) và Huliaipole (Zaporizhzhia)."
    )
    assert sorted(where(out)) == ["Hulyaypole", "Pokrovsk"]


@pytest.mark.parametrize(
    "text",
    [
        # a day's tally told with no target of its own
        "Bộ Tổng tham mưu cho biết trong ngày 8/6 đã có 165 cuộc giao tranh xảy ra.",
        '"Hôm nay, đối phương đã thực hiện 24 cuộc không kích và 2.950 cuộc pháo kích", Bộ Tổng tham mưu '
        "Ukraine cho biết.",
        # a series as a topic
        "Chiến sự Nga - Ukraine tiếp tục leo thang với loạt vụ không kích được báo cáo từ hai bên.",
    ],
)
def test_tallies_and_series_are_no_incident(extract, text: str) -> None:
    assert extract(text)["events"] == []


@pytest.mark.parametrize(
    "text",
    [
        # a judgement of the incident just told, not another one
        "Đây được coi là cuộc tấn công tên lửa dữ dội nhất của Hezbollah vào Israel trong nhiều ngày qua.",
        # what a group mostly does: a habit
        "Trước đó, nhóm vũ trang này chủ yếu tiến hành các đợt tập kích nhỏ lẻ vào Israel.",
    ],
)
def test_a_judgement_or_a_habit_after_a_strike_adds_no_incident(extract, text: str) -> None:
    out = extract(
        "Lực lượng Phòng vệ Israel cho biết Hezbollah đã phóng khoảng 55 quả rocket vào miền Bắc Israel hôm "
        f"8/6. {text}"
    )
    assert len(out["events"]) == 1, [e["mentions"] for e in out["events"]]


def test_a_count_of_strikes_aimed_at_a_place_is_still_one_incident(extract) -> None:
    # (a guard of the tally rule above: passed before it too)
    out = extract(
        "Ngày 8/6, Israel tiến hành 20 cuộc không kích nhằm vào các kho vũ khí gần thủ đô Damascus."
    )
    assert where(out) == ["Damascus"]


def test_a_neighbour_country_is_neither_side_nor_place(extract) -> None:
    out = extract(
        "Ngày 8/6, giới chức Niger cho biết 11 người đã thiệt mạng trong vụ tấn công nhằm vào ba ngôi làng ở "
        "khu vực Tillaberi, miền Tây Niger, giáp giới với Mali."
    )
    assert [(e["location"], e["actor2"]) for e in out["events"]] == [("Tillabéri", None)]


@pytest.mark.parametrize(
    "attack",
    ["vụ tấn công bất ngờ nhằm vào ba ngôi làng", "cuộc tấn công đêm qua nhắm vào các làng"],
)
def test_an_attack_aimed_at_villages_is_violence_against_civilians(extract, attack: str) -> None:
    out = extract(f"Ngày 8/6, ít nhất 20 người đã thiệt mạng trong {attack} ở khu vực Tillaberi.")
    assert kinds(out) == [("Violence against civilians", "Attack")]


@pytest.mark.parametrize(
    "recap",
    [
        "Hai bên đã ký kết ba thỏa thuận ngừng bắn trong thời gian gần đây nhưng đều đổ vỡ.",
        "Gần đây, nhóm này đã tấn công thị trấn Kyauktaw.",
    ],
)
def test_a_recap_of_recent_incidents_is_background(extract, recap: str) -> None:
    out = extract(f"Quân đội Arakan chiếm căn cứ quân sự ở thị trấn Mrauk-U hôm 8/6. {recap}")
    assert [e["location"] for e in out["events"] if not e["background"]] == ["Mrauk U"], out["events"]


def test_an_earlier_incident_with_its_own_day_is_news(extract) -> None:
    # (a guard: "Trước đó, …" with a day of its own is news; passed before the recap rule too)
    out = extract(
        "Quân đội Arakan chiếm căn cứ quân sự ở thị trấn Mrauk-U hôm 8/6. Trước đó, hôm 6/6, lực lượng này "
        "đã tấn công thị trấn Kyauktaw."
    )
    assert sorted(e["location"] for e in out["events"] if not e["background"]) == ["Kyauktaw", "Mrauk U"]


def test_a_bare_attack_typed_by_its_headline_joins_the_strike_at_its_town(extract) -> None:
    out = extract(
        "Những đợt không kích mới của Israel khiến ít nhất 5 người thiệt mạng\n\n"
        "Theo bệnh viện Nasser tại thành phố Khan Younis, miền Nam Gaza, 5 người đã thiệt mạng trong các "
        "cuộc tấn công vào rạng sáng cùng ngày. Trong số các nạn nhân có hai trẻ em thiệt mạng khi một ngôi "
        "nhà ở phía Đông Khan Younis bị trúng không kích.\n\n"
        'Nhiều người dân lo ngại chiến sự có thể quay lại. "Tiếng pháo kích và tiếng nổ ở phía Đông Gaza đêm '
        'qua rất đáng sợ" - anh Samir, 40 tuổi, sống tại khu Shujaiya, thành phố Gaza, kể lại.'
    )
    assert where(out).count("Khān Yūnis") == 1, where(out)


def test_a_headline_attack_at_the_country_sums_up_the_attack_on_villages(extract) -> None:
    out = extract(
        "Nhóm vũ trang tấn công tại Niger, ít nhất 9 người thiệt mạng\n\n"
        "Ngày 8/6, giới chức Niger cho biết ít nhất 9 người đã thiệt mạng trong vụ tấn công bất ngờ một ngày "
        "trước đó nhằm vào hai ngôi làng ở khu vực Tillaberi, miền Tây nước này."
    )
    assert kinds(out) == [("Violence against civilians", "Attack")], where(out)


def test_where_an_armed_group_is_based_is_not_where_it_strikes(extract) -> None:
    out = extract(
        "Hôm 8/6, lực lượng Houthi ở Yemen đã phóng một quả tên lửa tấn công một tàu chở hàng trên Biển Đỏ."
    )
    assert [(e["location"], e["actor1"]) for e in out["events"]] == [("Red Sea", "Ansar Allah")]


def test_a_group_named_as_the_target_keeps_its_place(extract) -> None:
    # (a guard of the rule above: passed before it too)
    out = extract(
        "Israel ra lệnh không kích các mục tiêu của Hamas ở Gaza hôm 8/6, khiến 20 người thiệt mạng."
    )
    assert where(out) == ["Gaza"]


def test_one_strike_at_sea_told_by_both_sides_is_one_event(extract) -> None:
    out = extract(
        "Lực lượng Houthi tuyên bố tên lửa của nhóm đã đánh trúng tàu chở dầu Ocean Star trên Biển Đỏ hôm "
        "8/6. Tuy nhiên, cơ quan hàng hải của Vương quốc Anh cho biết quả tên lửa của Houthi đã bắn trượt "
        "con tàu."
    )
    assert where(out) == ["Red Sea"], [e["mentions"] for e in out["events"]]


def test_who_accuses_is_not_who_destroys(extract) -> None:
    out = extract(
        "Giới chức Ukraine cáo buộc Nga đã tấn công thành phố Kharkiv bằng UAV rạng sáng 8/6, khiến 2 người "
        "thiệt mạng, đồng thời phá hủy một trường học."
    )
    assert [(e["sub_event_type"], e["actor1"]) for e in out["events"]] == [(AIR, "Military Forces of Russia")]


# ------------------------------------------------------------- one incident, two scales (session 18)
# Now that the gazetteer knows hospitals, temples and prisons, a sentence told at one of them, or at
# the province that holds the place of the incident, must not become an incident of its own.


def test_a_strike_told_again_at_a_hospital_of_its_town_is_one_strike_at_the_town(extract) -> None:
    out = extract(
        "Ngày 9/6, máy bay Israel không kích một khu nhà ở thành phố Khan Younis, miền Nam Dải Gaza, khiến "
        "ít nhất 7 người thiệt mạng. Các bác sĩ cho biết nhiều người bị thương trong cuộc không kích được "
        "đưa tới bệnh viện Nasser."
    )
    strikes = [e for e in out["events"] if e["sub_event_type"] == "Air/drone strike"]
    assert [e["location"] for e in strikes] == ["Khān Yūnis"], where(out)


def test_a_province_account_of_a_clash_joins_the_clash_at_the_temple_it_holds(extract) -> None:
    out = extract(
        "Sáng 9/6, binh sĩ Thái Lan và Campuchia đấu súng gần đền Ta Muen Thom trên biên giới hai nước. "
        "Quân đội Thái Lan cáo buộc binh sĩ Campuchia nổ súng trước vào một chốt quân sự ở tỉnh Surin."
    )
    clashes = [e for e in out["events"] if e["event_type"] == "Battles"]
    assert [e["location"] for e in clashes] == ["Prasat Ta Muen Thom"], where(out)
    assert len(clashes[0]["mentions"]) == 2


def test_a_province_account_stays_apart_when_the_province_holds_two_clashes(extract) -> None:
    out = extract(
        "Sáng 9/6, binh sĩ Thái Lan và Campuchia đấu súng gần đền Ta Muen Thom. Cùng ngày, binh sĩ hai nước "
        "cũng đấu súng tại thị trấn Phanom Dong Rak. Quân đội Thái Lan cáo buộc binh sĩ Campuchia nổ súng "
        "vào một chốt quân sự ở tỉnh Surin."
    )
    clashes = [e for e in out["events"] if e["event_type"] == "Battles"]
    assert len(clashes) == 3, where(out)


# --------------------------------------------------------------------------- events6b: real articles 2


@pytest.mark.parametrize(
    ("text", "places", "attacker"),
    [
        # the struck place as the subject: "đang hứng chịu đạn pháo", each town of the list its own event
        (
            "Bộ Quốc phòng Armenia cho biết các thị trấn Goris và Jermuk đang hứng chịu đạn pháo dày đặc của "
            "phía Azerbaijan.",
            ["Goris", "Jermuk"],
            "Military Forces of Azerbaijan",
        ),
        # the victims "trúng đạn pháo từ phía X": X fires
        (
            "Ít nhất 4 dân thường thiệt mạng do trúng đạn pháo từ phía lực lượng Ấn Độ tại thành phố Kotli "
            "hôm 8/6.",
            ["Kotli"],
            "Military Forces of India",
        ),
        # the weapon's owner after it: "trúng tên lửa Nga"
        (
            "Một bệnh viện ở thành phố Kherson trúng tên lửa Nga hôm 8/6, khiến 2 người chết.",
            ["Kherson"],
            "Military Forces of Russia",
        ),
    ],
)
def test_fire_told_from_the_struck_side_is_a_shelling_by_the_other(
    extract, text: str, places: list[str], attacker: str
) -> None:
    out = extract(text)
    assert kinds(out) == [(REMOTE, SHELLING)] * len(places)
    assert sorted(where(out)) == places
    assert {e["actor1"] for e in out["events"]} == {attacker}


@pytest.mark.parametrize(
    "text",
    [
        "Tư lệnh Quân Giải phóng Nhân dân Trung Quốc đến thăm thành phố Hạ Môn hôm 8/6.",
        "Một tàu của Hải quân Quân Giải phóng Nhân dân Trung Quốc cập cảng Ream của Campuchia hôm 8/6.",
    ],
)
def test_a_cue_word_inside_a_capitalised_name_is_no_event(extract, text: str) -> None:
    assert extract(text)["events"] == []
    # an acronym is no name's word: its strike stays one
    out = extract("Hôm 8/6, một UAV của RSF đánh vào kho nhiên liệu ở thành phố Port Sudan.")
    assert kinds(out) == [(REMOTE, AIR)]


def test_a_collision_in_a_chase_at_sea_is_a_confrontation_where_the_ships_are(extract) -> None:
    out = extract(
        "Tàu hải cảnh Trung Quốc truy đuổi tàu tuần duyên Philippines rồi va chạm với một tàu cá gần bãi cạn "
        "Scarborough hôm 8/6."
    )
    assert kinds(out) == [("Strategic developments", "Other")]
    assert where(out) == ["Scarborough Shoal"]


@pytest.mark.parametrize(
    ("text", "published"),
    [
        (
            "Các cuộc đụng độ ác liệt nhất kể từ năm 2016 đã nổ ra dọc giới tuyến ở Nagorno-Karabakh.",
            "2020-09-28",
        ),
        ("Nga không kích thành phố Sumy, đợt tấn công lớn nhất kể từ tháng 3.", "2025-06-10"),
    ],
)
def test_the_date_a_superlative_compares_with_is_not_the_incidents(
    extract, text: str, published: str
) -> None:
    out = extract(text, published=published)
    assert [(e["date"], e["background"]) for e in out["events"]] == [(published, False)]


def test_a_weapon_used_to_strike_is_a_strike_told_as_done(extract) -> None:
    out = extract(
        "Phía Campuchia cho biết quân đội Thái Lan đã sử dụng tiêm kích F-16 để ném bom một cây cầu ở huyện "
        "Srei Snam hôm 8/6."
    )
    assert kinds(out) == [(REMOTE, AIR)]
    # a purpose not yet carried out stays none
    assert (
        extract("Quân đội Thái Lan chuẩn bị tiêm kích F-16 để ném bom các vị trí ở huyện Srei Snam.")[
            "events"
        ]
        == []
    )


def test_bombs_dropped_with_their_count_are_an_air_strike(extract) -> None:
    out = extract("Chiều 8/6, hai tiêm kích Thái Lan ném 4 quả bom xuống thành phố Samraong.")
    assert kinds(out) == [(REMOTE, AIR)]
    assert where(out) == ["Samraong"]
    # a day's count of dropped bombs is a tally, not a strike
    tally = (
        "Bộ Tổng tham mưu cho biết trong ngày 9/6, đối phương đã thực hiện 31 cuộc không kích, sử dụng 12 "
        "tên lửa và thả 85 quả bom lượn xuống các khu vực ở tỉnh Zaporizhzhia."
    )
    assert extract(tally)["events"] == []
    # a petrol bomb thrown by hand is none
    assert AIR not in [
        s for _, s in kinds(extract("Người biểu tình ném hai quả bom xăng vào đồn cảnh sát ở Hà Nội."))
    ]


def test_a_spot_on_the_line_between_two_districts_is_one_event(extract) -> None:
    out = extract(
        "Sáng 8/6, không quân Thái Lan ném bom khu vực biên giới giữa huyện Chong Kal và huyện Srei Snam."
    )
    assert kinds(out) == [(REMOTE, AIR)]


def test_a_caption_with_a_trailing_separator_is_no_event(extract) -> None:
    out = extract(
        "Nga pháo kích thị trấn Kupiansk hôm 8/6.\n\nMột ngôi nhà ở thị trấn Kupiansk bốc cháy vì giao "
        "tranh. Ảnh: AFP. |\n\nGiới chức địa phương đang thống kê thiệt hại."
    )
    assert kinds(out) == [(REMOTE, SHELLING)]


def test_the_day_and_place_of_a_back_referenced_incident_are_not_the_clauses(extract) -> None:
    out = extract(
        "Binh sĩ Ấn Độ và Pakistan đã đấu súng trong đêm dọc Đường Kiểm soát ở vùng Kashmir, giữa lúc căng "
        "thẳng leo thang sau vụ xả súng nhằm vào du khách ở thị trấn Pahalgam hôm 3/6.",
        published="2025-06-10",
    )
    assert [e["date"] for e in out["events"] if e["sub_event_type"] == "Armed clash"] == ["2025-06-10"]
    out = extract(
        "Rạng sáng 9/6, quân đội Ấn Độ đã tấn công nhiều mục tiêu tại Pakistan, gọi đây là đòn đáp trả vụ "
        "tấn công tại thị trấn Pahalgam hôm 3/6."
    )
    assert where(out) == ["Pakistan"]


@pytest.mark.parametrize(
    "text",
    [
        "Mưa lớn khiến giao tranh dọc biên giới phải tạm dừng trong chiều 9/6, hai bên vẫn giữ nguyên vị trí "
        "chiến đấu.",
        "Giao tranh đã tạm lắng ở tỉnh Preah Vihear từ tối 9/6.",
        "Quân đội hai nước vẫn trong tư thế chiến đấu dọc biên giới tỉnh Surin.",
    ],
)
def test_a_halt_or_a_readiness_is_no_clash(extract, text: str) -> None:
    assert extract(text)["events"] == []


def test_the_owner_of_a_struck_position_is_not_who_strikes(extract) -> None:
    out = extract("Quân đội Thái Lan tấn công các vị trí của Campuchia ở tỉnh Preah Vihear hôm 9/6.")
    assert [(e["actor1"], e["actor2"]) for e in out["events"]] == [
        ("Military Forces of Thailand", "Military Forces of Cambodia")
    ]


def test_drones_put_out_of_action_are_a_disrupted_strike(extract) -> None:
    out = extract('Quân đội Pakistan ngày 9/6 tuyên bố 9 UAV của Ấn Độ đã bị "vô hiệu hóa" tại tỉnh Punjab.')
    assert kinds(out) == [("Strategic developments", "Disrupted weapons use")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tối 9/6, phát ngôn viên quân đội đã báo cáo về vụ đấu súng dọc biên giới ở tỉnh Surin.",
            ("Battles", "Armed clash"),
        ),
        (
            "Có thông tin về các cuộc pháo kích dữ dội ở tỉnh Oddar Meanchey trong tối 9/6.",
            (REMOTE, SHELLING),
        ),
    ],
)
def test_a_report_of_an_incident_is_the_incident(extract, text: str, expected: tuple[str, str]) -> None:
    assert kinds(extract(text)) == [expected]
    # what is said about one is still no incident
    assert extract("Thủ tướng bình luận về vụ đấu súng ở tỉnh Surin hôm 9/6.")["events"] == []


def test_an_agreement_called_the_second_of_the_week_is_the_one_just_told(extract) -> None:
    out = extract(
        "Bộ Ngoại giao hai nước đều thông báo về việc đạt được thỏa thuận ngừng bắn mới từ 0 giờ ngày 9/6 "
        "tại Moskva. Đây là thỏa thuận ngừng bắn thứ hai trong một tuần."
    )
    assert kinds(out) == [("Strategic developments", "Agreement")]
    assert [m["cue"] for m in out["events"][0]["mentions"]] == ["đạt được thỏa thuận"]  # the telling


# ---------------------------------------------------------------- events6a: real-article mechanisms


@pytest.mark.parametrize(
    "text",
    [
        "UAV của Ukraine đánh trúng các kho nhiên liệu tại Belgorod, Voronezh, Krasnodar Krai và Crimea"
        " đêm 8/6.",
    ],
)
def test_a_list_of_places_of_mixed_kinds_gives_one_event_per_place(extract, text: str) -> None:
    out = extract(text)
    assert len(out["events"]) == len({e["place_id"] for e in out["events"]}) >= 3


def test_a_region_glossing_a_listed_town_is_not_a_place_of_its_own(extract) -> None:
    # a guard (passes on the old code too): the list of mixed kinds keeps out the region holding a member
    out = extract("Nga phóng tên lửa vào Kharkiv và tỉnh Kharkiv hôm 9/6.")
    assert len(out["events"]) == 1


@pytest.mark.parametrize(
    "earlier",
    ["Trước đó cùng ngày", "Trước đó vài giờ", "Trước đó trong ngày"],
)
def test_earlier_on_the_same_day_is_not_the_day_before(extract, earlier: str) -> None:
    text = (
        "Sáng 8/6, lực lượng Hamas bắn nhiều quả đạn cối vào cửa khẩu Kerem Shalom.\n\n"
        f"{earlier}, Israel không kích thành phố Rafah, khiến 5 người thiệt mạng."
    )
    out = extract(text)
    assert {e["date"] for e in out["events"]} == {"2025-06-08"}


@pytest.mark.parametrize(
    ("written", "day", "end"),
    [
        ("vào các ngày 14 và 15 tháng 7", "2025-07-14", "2025-07-15"),
        ("trong hai ngày 3-4 tháng 7", "2025-07-03", "2025-07-04"),
        ("từ ngày 20 đến 22 tháng 6 năm 2025", "2025-06-20", "2025-06-22"),
    ],
)
def test_days_written_with_the_month_word_form_a_range(written: str, day: str, end: str) -> None:
    found = find_dates(f"Israel không kích gần thành phố Sweida {written}.", dt.date(2025, 9, 1))
    assert [(d.date, d.date_end) for d in found] == [(day, end)]


@pytest.mark.parametrize(
    "text",
    [
        "Quân đội Mỹ cho biết đã tấn công hai bệ phóng tên lửa của Houthi gần thành phố Hodeidah hôm 9/6.",
        "Lực lượng Mỹ đã phá hủy ba thiết bị bay không người lái tại một khu vực gần thành phố Sanaa"
        " hôm 9/6.",
        "Quân đội Israel tấn công một kho vũ khí gần thị trấn Nabatieh hôm 9/6.",
        "Một kho nhiên liệu ở thành phố Engels đã bị quân đội Ukraine tấn công đêm 8/6.",
    ],
)
def test_a_state_attack_on_a_target_only_a_strike_reaches_is_a_strike(extract, text: str) -> None:
    assert [t for t, _ in kinds(extract(text))] == [REMOTE]


def test_a_state_attack_on_a_village_stays_a_clash(extract) -> None:
    # a guard (passes on the old code too): ground troops assault villages
    out = extract("Quân đội Nga tấn công các vị trí của Ukraine gần thị trấn Pokrovsk hôm 9/6.")
    assert [t for t, _ in kinds(out)] == ["Battles"]


def test_a_flying_device_is_an_air_means(extract) -> None:
    out = extract("Nhà máy hóa chất ở thành phố Novomoskovsk bị tấn công bằng thiết bị bay đêm 8/6.")
    assert kinds(out) == [(REMOTE, AIR)]


def test_the_attack_a_defence_is_deployed_to_repel_happened(extract) -> None:
    out = extract(
        "Phòng không Ukraine đã được kích hoạt rạng sáng 9/6 để đẩy lùi cuộc tấn công bằng UAV của Nga vào"
        " thành phố Odesa."
    )
    assert [(e["location"], e["sub_event_type"], e["actor1"]) for e in out["events"]] == [
        ("Odesa", AIR, "Military Forces of Russia")
    ]


def test_attacks_a_defence_may_meet_are_no_incident(extract) -> None:
    # a guard (passes on the old code too): generic, future attacks
    out = extract("Quân đội tăng cường phòng thủ để ngăn chặn các cuộc tấn công có thể xảy ra ở Odesa.")
    assert out["events"] == []


def test_the_agent_of_an_attack_noun_after_do_is_the_attacker(extract) -> None:
    out = extract(
        "Bộ Y tế Lebanon cho biết hai đợt không kích do không quân Israel tiến hành vào thị trấn Nabatieh"
        " hôm 9/6 khiến 3 người chết."
    )
    assert [e["actor1"] for e in out["events"]] == ["Military Forces of Israel"]


def test_a_captions_day_does_not_redate_a_body_dated_by_its_sentence_before(extract) -> None:
    text = (
        "Ngày 8/6, Ukraine cho biết đang rút quân khỏi một số vị trí ở thị trấn Chasiv Yar.\n\n"
        "Quân Nga đang bao vây và tấn công thị trấn Chasiv Yar từ nhiều hướng.\n\n"
        "Binh sĩ Ukraine chiến đấu gần Chasiv Yar ngày 3.6 AFP\n\n"
        "Các chỉ huy Ukraine nói tình hình rất khó khăn."
    )
    out = extract(text)
    assert [e["date"] for e in out["events"] if not e["background"]] == ["2025-06-08"]


def test_a_health_ministry_is_no_side_of_the_strike_it_counts(extract) -> None:
    text = (
        "Một cuộc không kích của quân đội Israel vào miền nam Lebanon ngày 8/6 (giờ địa phương) đã khiến 3"
        " người thiệt mạng, theo thông báo của Bộ Y tế Lebanon.\n\n"
        "Dù có lệnh ngừng bắn từ tháng 11/2024, Israel vẫn giữ quân ở nhiều điểm tại miền nam Lebanon và"
        " thường xuyên không kích các mục tiêu mà họ cho là của Hezbollah.\n\n"
        "Số liệu sơ bộ của Bộ Y tế Lebanon cũng cho biết cuộc không kích vừa qua diễn ra tại quận Nabatieh"
        " còn khiến 2 người bị thương."
    )
    out = extract(text)
    assert [(e["location"], e["date"], e["actor1"]) for e in out["events"]] == [
        ("Nabatieh District", "2025-06-08", "Military Forces of Israel")
    ]


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("Bộ Quốc phòng Nga thông báo quân đội nước này đã giành quyền kiểm soát làng Kurakhove ở tỉnh"
         " Donetsk hôm 9/6.", "Government regains territory"),
        ("Phiến quân M23 đã chiếm được thị trấn Uvira hôm 9/6.", "Non-state actor overtakes territory"),
        ("Quân đội Sudan thông báo đã giành lại thị trấn Bara từ tay RSF hôm 9/6.",
         "Government regains territory"),
    ],
)  # fmt: skip
def test_a_capture_is_coded_as_a_change_of_territory(extract, text: str, sub: str) -> None:
    assert kinds(extract(text)) == [("Battles", sub)]


def test_control_established_over_villages_is_a_capture(extract) -> None:
    out = extract(
        "Quân đội Nga đã thiết lập quyền kiểm soát hoàn toàn đối với các khu dân cư Sokil và Novotoretske ở"
        " tỉnh Donetsk hôm 9/6."
    )
    assert {e["sub_event_type"] for e in out["events"]} == {"Government regains territory"}


def test_who_made_the_weapon_is_not_who_attacked(extract) -> None:
    # (a fix of this branch's own "do X tiến hành" rule: fails on its previous commit)
    text = (
        "Giới chức Ukraine cáo buộc Nga đã tấn công thành phố Kharkiv bằng máy bay không người lái (UAV)"
        " rạng sáng 9/6, khiến 1 người thiệt mạng và 4 người bị thương.\n\n"
        "Thống đốc khu vực Kharkiv cho biết vụ tấn công xảy ra tại một quận ở phía tây thành phố.\n\n"
        "Theo ông Ivan Petrenko, người đứng đầu văn phòng công tố khu vực, cuộc tấn công nhiều khả năng được"
        " thực hiện bằng UAV Geran-2 - loại UAV cảm tử do Iran sản xuất và được Nga sử dụng rộng rãi."
    )
    out = extract(text)
    assert [e["actor1"] for e in out["events"]] == ["Military Forces of Russia"]


def test_a_capture_told_beside_a_strike_does_not_retype_it(extract) -> None:
    # (a fix of this branch's capture rule: fails on its previous commit)
    text = (
        "Quân đội Israel tấn công một ngôi nhà ở trại tị nạn Nuseirat hôm 9/6, khiến 5 người thiệt mạng.\n\n"
        "Binh sĩ Israel sau đó tiến vào trại Nuseirat."
    )
    out = extract(text)
    assert all("territory" not in e["sub_event_type"] for e in out["events"] if "ngôi nhà" in e["text"])


# ---------------------------------------------------------------- lead: merging the round


def test_a_bare_attack_told_at_the_region_is_the_strike_inside_it(extract) -> None:
    """A later sentence tells the night's strike only as "vụ tấn công" at the oblast (after a day
    was carried to it): the one strike told inside that region, not a clash of its own."""
    out = extract(
        "Nga tấn công thành phố Zaporizhzhia bằng tên lửa đêm 8/6, khiến 3 người bị thương.\n\n"
        "Chính quyền khu vực Zaporizhzhia cho biết vụ tấn công xảy ra tại một khu dân cư phía bắc."
    )
    assert kinds(out) == [(REMOTE, SHELLING)], where(out)
    assert [m["sentence"] for m in out["events"][0]["mentions"]] == [0, 1]


def test_a_bare_attack_at_a_region_with_two_strikes_in_it_stays_apart(extract) -> None:
    out = extract(
        "Nga tấn công thành phố Zaporizhzhia bằng tên lửa đêm 8/6. UAV Nga cũng tấn công thị trấn Orikhiv"
        " đêm 8/6.\n\nChính quyền khu vực Zaporizhzhia cho biết vụ tấn công xảy ra tại một khu dân cư."
    )
    assert len(out["events"]) == 3, where(out)


# ------------------------------------------------- events7: one strike told twice at a country or region


def test_a_strike_told_twice_at_the_country_by_its_attacker_is_one_event(extract) -> None:
    """The lede and a later confirmation both tell one attacker's missiles at a country on one day:
    ACLED's unit (a day, a place, a sub-event type, the actors) makes them one event."""
    out = extract(
        "Iran phóng một loạt tên lửa đạn đạo vào Israel tối 9/6, khiến còi báo động vang lên ở nhiều nơi.\n\n"
        "Hãng thông tấn nhà nước Iran sau đó xác nhận quân đội Iran đã bắn loạt tên lửa về phía Israel."
    )
    assert kinds(out) == [(REMOTE, SHELLING)], where(out)
    assert [m["sentence"] for m in out["events"][0]["mentions"]] == [0, 1]


def test_a_lede_at_the_country_joins_the_strike_near_an_unknown_village(extract) -> None:
    """The lede names the country, the body the village the gazetteer lacks: one strike, kept with
    the body's written place and toll."""
    out = extract(
        "Quân đội Israel tiếp tục không kích Lebanon hôm 8/6.\n\n"
        "Bộ Y tế Lebanon cho biết 3 người thiệt mạng trong cuộc không kích của Israel nhằm vào một chiếc xe"
        " gần làng Kfar Dounine ở miền nam Lebanon."
    )
    assert kinds(out) == [(REMOTE, AIR)], where(out)
    event = out["events"][0]
    assert (event["location_written"], event["fatalities"]) == ("Kfar Dounine", 3)


@pytest.mark.parametrize(
    "text",
    [
        # two attackers
        "Quân đội Israel không kích Lebanon hôm 8/6.\n\nHezbollah cũng không kích Lebanon hôm 8/6.",
        # two days
        "Quân đội Israel không kích Lebanon hôm 8/6.\n\nQuân đội Israel cũng không kích Lebanon hôm 9/6.",
        # two villages the gazetteer lacks
        "Quân đội Israel không kích vào một ngôi nhà gần làng Kfar Dounine ở miền nam Lebanon hôm 8/6.\n\n"
        "Quân đội Israel cũng không kích một chiếc xe gần làng Ain Baal ở miền nam Lebanon hôm 8/6.",
        # two tolls
        "Israel không kích Lebanon hôm 8/6, khiến 2 người thiệt mạng.\n\n"
        "Israel cũng không kích Lebanon hôm 8/6, khiến 5 người thiệt mạng.",
        # a car struck on a road, and a tally of strikes elsewhere in the country
        "Một chỉ huy của Hezbollah thiệt mạng khi máy bay không người lái của Israel không kích chiếc xe của"
        " ông trên một tuyến đường ven biển ở miền nam Lebanon hôm 8/6.\n\nNguồn tin Lebanon cho biết máy bay"
        " chiến đấu Israel cũng đã thực hiện khoảng 15 cuộc không kích nhằm vào các vị trí của Hezbollah ở"
        " miền đông Lebanon hôm 8/6.",
    ],
)
def test_two_strikes_at_a_country_stay_two(extract, text: str) -> None:
    assert len(extract(text)["events"]) == 2


@pytest.mark.parametrize(
    "text",
    [
        # its losses in the attack
        "Lục quân Thái Lan báo cáo 2 binh sĩ thiệt mạng trong vụ tấn công vào căn cứ Sakda hôm 9/6.",
        # the weapons fired at it, in the passive
        "Quân đội Israel thông báo khoảng 8 quả đạn súng cối đã được bắn từ thành phố Rafah nhằm vào cửa khẩu"
        " Kerem Shalom hôm 9/6.",
    ],
)
def test_the_struck_side_that_speaks_is_not_the_attacker(extract, text: str) -> None:
    """The side that reports an attack it suffered, naming no attacker, is its target: made the
    attacker, it kept the retelling of an incident apart from the incident (another actor1)."""
    (event,) = extract(text)["events"]
    assert event["actor1"] is None, event["actor1"]


@pytest.mark.parametrize(
    ("text", "attacker"),
    [
        ("Quân đội Israel cho biết đã không kích một kho vũ khí ở thị trấn Nabatieh hôm 9/6.", "Israel"),
        (
            "Bộ Quốc phòng Nga thông báo đã giành quyền kiểm soát làng Novoselivka ở tỉnh Donetsk hôm 9/6.",
            "Russia",
        ),
        ("Quân đội Nga tấn công thành phố Kharkiv hôm 9/6, khiến 3 người thiệt mạng.", "Russia"),
    ],
)
def test_the_speaker_of_its_own_action_stays_the_attacker(extract, text: str, attacker: str) -> None:
    (event,) = extract(text)["events"]
    assert event["actor1"] == f"Military Forces of {attacker}"


def test_a_retelling_of_the_struck_side_joins_the_attack_it_names(extract) -> None:
    """The attacker's shelling of a base the gazetteer lacks, then the struck army's toll in "the
    attack on" that base: one incident (the retelling names no attacker of its own)."""
    out = extract(
        "Người phát ngôn quân đội Thái Lan cho biết lực lượng Campuchia đã dùng pháo tấn công căn cứ Sakda"
        " hôm 9/6.\n\n"
        "Lục quân Thái Lan báo cáo 2 binh sĩ thiệt mạng trong vụ tấn công vào căn cứ Sakda."
    )
    assert len(out["events"]) == 1, [(e["actor1"], e["location"]) for e in out["events"]]
    assert out["events"][0]["actor1"] == "Military Forces of Cambodia"


def test_an_undated_lede_is_not_redated_by_a_recap_at_the_country(extract) -> None:
    """An undated lede (the article's news) and a strike of days before told later at the same
    country by the same attacker: two incidents; the recap's day never moves the lede."""
    out = extract(
        "Quân đội Israel tiếp tục không kích Lebanon, bất chấp lệnh ngừng bắn.\n\n"
        "Hôm 5/6, quân đội Israel cũng đã không kích Lebanon."
    )
    assert sorted(e["date"] for e in out["events"]) == ["2025-06-05", "2025-06-10"], where(out)
