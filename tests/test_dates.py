"""Vietnamese date expressions are found, resolved against the publication date, and traps give none."""

from __future__ import annotations

import datetime
import itertools

import pytest

from events.dates import DateMention, find_dates, parse_published, reference_date, resolve_day_month

D = datetime.date
PUB = D(2020, 9, 28)  # a Monday: the VnExpress article on Nagorno-Karabakh


def mentions(text: str, published: datetime.date = PUB, precision: str = "day") -> list[DateMention]:
    found = find_dates(text, published, precision)
    for m in found:
        assert text[m.start : m.end] == m.surface
    assert [m.start for m in found] == sorted(m.start for m in found)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))
    return found


def only(text: str, published: datetime.date = PUB, precision: str = "day") -> DateMention:
    found = mentions(text, published, precision)
    assert len(found) == 1, [m.surface for m in found]
    return found[0]


# --- written days -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "surface", "date", "part_of_day"),
    [
        ("Bộ Quốc phòng Azerbaijan hôm 3-10 cho biết phía Armenia bị tổn thất nặng.", D(2020, 10, 4),
         "hôm 3-10", "2020-10-03", None),
        ("Lực lượng Azerbaijan hôm 3/10 cho rằng pháo binh Armenia bắn vào 19 khu định cư.", D(2020, 10, 4),
         "hôm 3/10", "2020-10-03", None),
        ("Xung đột bùng phát ngày 27/9 tại Nagorno-Karabakh.", PUB, "ngày 27/9", "2020-09-27", None),
        ("Phái đoàn hai nước gặp nhau ở Moskva ngày 27-9.", PUB, "ngày 27-9", "2020-09-27", None),
        ("Hội nghị thượng đỉnh ASEAN khai mạc ngày 27.9 tại Hà Nội.", PUB, "ngày 27.9", "2020-09-27", None),
        ("Xung đột bùng phát sáng 27/9 sau khi Armenia cáo buộc Azerbaijan tấn công.", PUB,
         "sáng 27/9", "2020-09-27", "sáng"),
        ("Tàu hải cảnh Trung Quốc xuất hiện ở bãi Cỏ Mây trưa 26/9.", PUB, "trưa 26/9", "2020-09-26", "trưa"),
        ("Israel không kích dải Gaza chiều 26/9, Hamas đáp trả bằng rocket.", PUB,
         "chiều 26/9", "2020-09-26", "chiều"),
        ("Tên lửa Nga rơi xuống ngoại ô Kiev tối 27/9.", PUB, "tối 27/9", "2020-09-27", "tối"),
        ("Pháo binh Armenia nã vào Ganja đêm 27/9.", PUB, "đêm 27/9", "2020-09-27", "đêm"),
        ("Nga mở chiến dịch quân sự đặc biệt tại Ukraine rạng sáng 24/2.", D(2022, 2, 26),
         "rạng sáng 24/2", "2022-02-24", "sáng"),
        ("Giao tranh chưa có dấu hiệu hạ nhiệt vào sáng 28/9, khi cả hai phía chịu thiệt hại.", PUB,
         "sáng 28/9", "2020-09-28", "sáng"),
        ("Houthi tấn công tàu hàng trên Biển Đỏ chiều ngày 19/11.", D(2023, 11, 21),
         "chiều ngày 19/11", "2023-11-19", "chiều"),
        ("Ukraine cho biết lệnh ngừng bắn sẽ kéo dài đến 30/9.", PUB, "30/9", "2020-09-30", None),
        ("Hamas bất ngờ tấn công Israel hôm 7/10, khiến khoảng 1.200 người thiệt mạng.", D(2023, 10, 10),
         "hôm 7/10", "2023-10-07", None),
        ("Tổng thống Putin hôm 30/9 ký sắc lệnh sáp nhập bốn vùng của Ukraine.", D(2022, 10, 1),
         "hôm 30/9", "2022-09-30", None),
        ("NGÀY 27/9 ARMENIA BAN BỐ THIẾT QUÂN LUẬT", PUB, "NGÀY 27/9", "2020-09-27", None),
        ("Hiệp định được ký ngày 3 tháng 10 tại Washington.", D(2020, 10, 5),
         "ngày 3 tháng 10", "2020-10-03", None),
    ],
)  # fmt: skip
def test_written_day_without_year(
    text: str, published: datetime.date, surface: str, date: str, part_of_day: str | None
) -> None:
    m = only(text, published)
    assert (m.surface, m.date, m.date_end, m.precision) == (surface, date, None, 1)
    assert m.part_of_day == part_of_day
    assert not m.relative


@pytest.mark.parametrize(
    ("text", "surface", "date"),
    [
        ("Ngày 12/7/2016, Tòa Trọng tài ra phán quyết về Biển Đông.", "Ngày 12/7/2016", "2016-07-12"),
        ("Văn bản được ký 27/9/2020 tại Baku.", "27/9/2020", "2020-09-27"),
        ("Thông cáo ghi ngày 3/10/2020.", "ngày 3/10/2020", "2020-10-03"),
        ("Hôm 3-10-2020, Azerbaijan pháo kích Stepanakert.", "Hôm 3-10-2020", "2020-10-03"),
        ("Hiệp định được ký ngày 3 tháng 10 năm 2020.", "ngày 3 tháng 10 năm 2020", "2020-10-03"),
        ("Ông Putin sinh ngày 7/10/1952 tại Leningrad.", "ngày 7/10/1952", "1952-10-07"),
        ("Nga và Trung Quốc ký thỏa thuận hôm 4/2 năm 2022 tại Bắc Kinh.", "hôm 4/2 năm 2022", "2022-02-04"),
    ],
)
def test_written_day_with_year(text: str, surface: str, date: str) -> None:
    m = only(text)
    assert (m.surface, m.date, m.date_end, m.precision, m.relative) == (surface, date, None, 1, False)


def test_the_year_boundary() -> None:
    m = only("Xung đột bùng phát hôm 28/12 tại Dải Gaza.", D(2021, 1, 2))
    assert (m.surface, m.date) == ("hôm 28/12", "2020-12-28")


def test_a_future_date_is_kept() -> None:
    """Articles announce events: a date weeks after publication is returned, in the same year."""
    m = only("Nga tuyên bố sẽ rút quân khỏi khu vực vào 15/10.", PUB)
    assert (m.surface, m.date, m.precision) == ("15/10", "2020-10-15", 1)


def test_a_list_of_days_after_one_cue() -> None:
    found = mentions("Hai bên đã có các cuộc gặp hôm 12/10 và 15/10 tại Geneva.", D(2020, 10, 20))
    assert [(m.surface, m.date) for m in found] == [("hôm 12/10", "2020-10-12"), ("15/10", "2020-10-15")]


# --- months and years ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "surface", "date"),
    [
        ("Liên Xô tan rã vào tháng 12/1991.", PUB, "tháng 12/1991", "1991-12"),
        ("Tháng 2-1988, xung đột bùng phát tại Nagorno-Karabakh.", PUB, "Tháng 2-1988", "1988-02"),
        ("Xung đột bùng phát vào tháng 2 năm 1988.", PUB, "tháng 2 năm 1988", "1988-02"),
        ("Hồi tháng 7, Trung Quốc tập trận gần quần đảo Hoàng Sa.", PUB, "tháng 7", "2020-07"),
        ("Hội nghị thượng đỉnh dự kiến diễn ra vào tháng 11.", PUB, "tháng 11", "2020-11"),
        ("Hamas tấn công Israel hồi tháng 10.", D(2024, 1, 5), "tháng 10", "2023-10"),
        ("Tháng 10 năm ngoái, Hamas tấn công Israel.", D(2024, 5, 2), "Tháng 10 năm ngoái", "2023-10"),
        ("Thỏa thuận ngừng bắn đạt được năm 1994.", PUB, "năm 1994", "1994"),
        ("Philippines kiện Trung Quốc ra tòa trọng tài năm 2013.", PUB, "năm 2013", "2013"),
    ],
)
def test_months_and_years(text: str, published: datetime.date, surface: str, date: str) -> None:
    m = only(text, published)
    assert (m.surface, m.date, m.date_end, m.precision) == (surface, date, None, 3)


@pytest.mark.parametrize(
    ("text", "surface", "date"),
    [
        ("Năm ngoái, Nga và Ukraine trao đổi tù binh.", "Năm ngoái", "2019"),
        ("Năm nay, Trung Quốc tăng ngân sách quốc phòng.", "Năm nay", "2020"),
        ("Tháng trước, Trung Quốc tập trận gần Đài Loan.", "Tháng trước", "2020-08"),
        ("Tháng này, Nga chủ trì Hội đồng Bảo an.", "Tháng này", "2020-09"),
        ("Cách đây 30 năm, Liên Xô tan rã.", "Cách đây 30 năm", "1990"),
        ("Hơn 30 năm trước, xung đột bùng phát tại Nagorno-Karabakh.", "Hơn 30 năm trước", "1990"),
    ],
)
def test_relative_months_and_years(text: str, surface: str, date: str) -> None:
    m = only(text)
    assert (m.surface, m.date, m.precision, m.relative) == (surface, date, 3, True)


# --- ranges -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "surface", "date", "date_end", "precision"),
    [
        ("Đỉnh điểm là cuộc chiến tranh kéo dài từ tháng 2/1988 đến tháng 5/1994.", PUB,
         "từ tháng 2/1988 đến tháng 5/1994", "1988-02", "1994-05", 3),
        ("Chiến sự kéo dài từ tháng 2 đến tháng 5/1994.", PUB, "từ tháng 2 đến tháng 5/1994", "1994-02",
         "1994-05", 3),
        ("Từ năm 1988 đến năm 1994, hơn 30.000 người thiệt mạng.", PUB, "Từ năm 1988 đến năm 1994", "1988",
         "1994", 3),
        ("Kế hoạch giai đoạn 2016-2020 đã hoàn tất.", PUB, "giai đoạn 2016-2020", "2016", "2020", 3),
        ("Từ ngày 27/9 đến ngày 29/9, giao tranh diễn ra ác liệt.", PUB, "Từ ngày 27/9 đến ngày 29/9",
         "2020-09-27", "2020-09-29", 1),
        ("Từ 27 đến 29/9, giao tranh diễn ra ác liệt.", PUB, "Từ 27 đến 29/9", "2020-09-27", "2020-09-29",
         1),
        ("Trung Quốc tập trận ngày 27-29/9 ở Biển Đông.", PUB, "ngày 27-29/9", "2020-09-27", "2020-09-29",
         1),
        ("Tàu hải cảnh Trung Quốc hoạt động từ 28/12 đến 2/1 gần bãi Ba Đầu.", D(2021, 1, 3),
         "từ 28/12 đến 2/1", "2020-12-28", "2021-01-02", 1),
        ("Mỹ và Anh không kích Houthi ở Yemen đêm 11 rạng sáng 12/1.", D(2024, 1, 15),
         "đêm 11 rạng sáng 12/1", "2024-01-11", "2024-01-12", 1),
        # the month in words after the last day
        ("Không quân nã rocket vào các làng ven sông vào các ngày 3 và 4 tháng 10.", D(2020, 10, 6),
         "ngày 3 và 4 tháng 10", "2020-10-03", "2020-10-04", 1),
        ("Lệnh giới nghiêm áp dụng từ ngày 1 đến ngày 5 tháng 10 năm 2020.", PUB,
         "từ ngày 1 đến ngày 5 tháng 10 năm 2020", "2020-10-01", "2020-10-05", 1),
    ],
)  # fmt: skip
def test_ranges_are_one_mention(
    text: str, published: datetime.date, surface: str, date: str, date_end: str, precision: int
) -> None:
    m = only(text, published)
    assert (m.surface, m.date, m.date_end, m.precision) == (surface, date, date_end, precision)
    assert not m.opens_range


# --- relative days ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "date", "precision", "part_of_day"),
    [
        ("Phát ngôn viên Bộ Quốc phòng Armenia cho biết hôm nay.", "hôm nay", "2020-09-28", 1, None),
        ("Armenia hôm qua ban bố tình trạng thiết quân luật.", "hôm qua", "2020-09-27", 1, None),
        ("Các cuộc đụng độ diễn ra suốt đêm qua tại khu vực Nagorno-Karabakh.", "đêm qua", "2020-09-28", 1,
         "đêm"),
        ("Sáng nay, Iran cảnh báo sẽ không dung thứ bất kỳ sự xâm nhập nào.", "Sáng nay", "2020-09-28", 1,
         "sáng"),
        ("Chiều nay, Hội đồng Bảo an họp khẩn về Ukraine.", "Chiều nay", "2020-09-28", 1, "chiều"),
        ("Tối nay, Thủ tướng Israel sẽ phát biểu trước quốc dân.", "Tối nay", "2020-09-28", 1, "tối"),
        ("Trưa nay, tàu Philippines bị phun vòi rồng ở Scarborough.", "Trưa nay", "2020-09-28", 1, "trưa"),
        ("Nga phóng hơn 80 tên lửa vào Ukraine sáng qua.", "sáng qua", "2020-09-27", 1, "sáng"),
        ("Chiều qua, còi báo động không kích vang lên khắp Kiev.", "Chiều qua", "2020-09-27", 1, "chiều"),
        ("Tối qua, Israel không kích miền nam Lebanon.", "Tối qua", "2020-09-27", 1, "tối"),
        ("Chiều ngày hôm qua, Hamas phóng rocket về phía Tel Aviv.", "Chiều ngày hôm qua", "2020-09-27", 1,
         "chiều"),
        ("Hôm kia, Houthi tấn công tàu hàng ở Biển Đỏ.", "Hôm kia", "2020-09-26", 1, None),
        ("Ngày mai, ngoại trưởng hai nước sẽ gặp nhau tại Moskva.", "Ngày mai", "2020-09-29", 1, None),
        ("Tuần trước, Houthi tấn công một tàu chở dầu.", "Tuần trước", "2020-09-21", 2, None),
        ("Tình hình Biển Đông căng thẳng trong tuần qua.", "tuần qua", "2020-09-21", 2, None),
        ("Tuần này, NATO họp bàn về viện trợ cho Ukraine.", "Tuần này", "2020-09-28", 2, None),
        ("Bộ Quốc phòng Armenia trước đó thông báo phá hủy ba xe tăng.", "trước đó", "2020-09-27", 2, None),
        ("Cuối tuần qua, tàu tiếp tế Philippines bị chặn ở bãi Cỏ Mây.", "Cuối tuần qua", "2020-09-26", 2,
         None),
        ("Hai tuần trước, Houthi bắn tên lửa vào Eilat.", "Hai tuần trước", "2020-09-14", 2, None),
        # the start or middle of a week: its Monday or Wednesday
        ("Israel không kích một doanh trại cũ gần Damascus đầu tuần này.", "đầu tuần này", "2020-09-28", 2,
         None),
        ("Phiến quân phục kích đoàn xe hồi giữa tuần qua.", "giữa tuần qua", "2020-09-23", 2, None),
        ("Đầu tuần trước, hai bên đấu pháo dọc biên giới.", "Đầu tuần trước", "2020-09-21", 2, None),
    ],
)  # fmt: skip
def test_relative_days(text: str, surface: str, date: str, precision: int, part_of_day: str | None) -> None:
    m = only(text)
    assert (m.surface, m.date, m.date_end, m.precision) == (surface, date, None, precision)
    assert m.relative
    assert m.part_of_day == part_of_day


# --- weekdays -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "surface", "date"),
    [
        ("Thứ Bảy, Israel không kích trại tị nạn Jabalia.", PUB, "Thứ Bảy", "2020-09-26"),
        ("Hôm thứ Hai, Nga tấn công hạ tầng năng lượng ở Kharkiv.", PUB, "Hôm thứ Hai", "2020-09-28"),
        ("Iran thử tên lửa đạn đạo hôm Chủ nhật.", PUB, "hôm Chủ nhật", "2020-09-27"),
        ("Nga hôm thứ Ba tấn công tháp truyền hình Kiev.", D(2022, 3, 3), "hôm thứ Ba", "2022-03-01"),
        ("Vào thứ 2 tuần trước, Ukraine phản công ở Kherson.", PUB, "thứ 2 tuần trước", "2020-09-21"),
        ("Thứ Hai tuần trước, Trung Quốc điều tàu sân bay qua eo biển Đài Loan.", PUB, "Thứ Hai tuần trước",
         "2020-09-21"),
        ("Kiev bị tấn công bằng UAV vào thứ sáu.", PUB, "thứ sáu", "2020-09-25"),
        ("Thứ Năm tuần tới, Hội đồng Bảo an sẽ bỏ phiếu.", PUB, "Thứ Năm tuần tới", "2020-10-08"),
        ("Sáng thứ Tư, Israel ra lệnh sơ tán miền bắc Gaza.", PUB, "Sáng thứ Tư", "2020-09-23"),
    ],
)  # fmt: skip
def test_weekdays(text: str, published: datetime.date, surface: str, date: str) -> None:
    m = only(text, published)
    assert (m.surface, m.date, m.precision, m.relative) == (surface, date, 1, True)


def test_a_weekday_with_its_date_is_the_written_date() -> None:
    m = only("Thứ Bảy (26/9), Israel không kích Gaza.")
    assert (m.surface, m.date, m.relative) == ("Thứ Bảy (26/9)", "2020-09-26", False)


@pytest.mark.parametrize(
    "text",
    [
        "Thứ trưởng Ngoại giao Nga Andrei Rudenko cho biết Moskva sẵn sàng đàm phán.",
        "Đây là lần thứ hai Houthi tấn công tàu Mỹ trong tháng.",
        "Vòng thứ hai của đàm phán hòa bình diễn ra ở Istanbul.",
        "Người thứ hai bị thương là một nhà báo Ukraine.",
        "Ngày thứ hai của cuộc xung đột, Israel không kích Gaza.",
        "Ngày thứ Hai liên tiếp, Israel không kích Gaza.",
        "Đêm thứ hai của chiến dịch, pháo binh nã liên tục.",
        "Thứ hai, Nga cần rút quân khỏi lãnh thổ Ukraine.",
        "Trung Quốc là nền kinh tế lớn thứ hai thế giới.",
        "Ông kêu gọi một bên thứ ba làm trung gian hòa giải.",
    ],
)
def test_ordinals_are_not_weekdays(text: str) -> None:
    assert mentions(text) == []


# --- traps --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Chúng ta không còn thời gian để đợi thêm 30 năm nữa.",
        "Từ 3-10 người thiệt mạng trong mỗi đợt pháo kích.",
        "Khoảng 3-10 binh sĩ bị thương trong vụ tấn công.",
        "Azerbaijan cáo buộc Armenia pháo kích thị trấn Terter với dân số 19.000 người.",
        "Trong 5 năm, hai bên đã tổ chức hơn 10 cuộc gặp cấp cao.",
        "Tỷ lệ 3/4 số dân ủng hộ thỏa thuận.",
        "Cuộc họp bắt đầu lúc 10h30 tại trụ sở Liên Hợp Quốc.",
        "Nghị quyết số 27/9 được thông qua.",
        "Liên hệ đường dây nóng 0912-345 để được hỗ trợ.",
        "Khoảng 1/2 số dân phải sơ tán khỏi Khan Younis.",
        "Tới 1/2 số dân phải sơ tán khỏi Khan Younis.",
        "Ukraine thắng Nga với tỷ số 2-1.",
        "Nagorno-Karabakh nằm sâu trong lãnh thổ phía tây nam Azerbaijan.",
        "Ngày 31/2 không tồn tại, cũng như ngày 0/5 hay ngày 12/13.",
        "Sau 3 tháng 10 ngày, cuộc bao vây kết thúc.",
        "Hai ngày trước đó, Israel đã cảnh báo sơ tán.",
        "Ba ngày trước khi bầu cử, Nga tấn công.",
        "Trong 3 tuần qua, giá dầu tăng mạnh.",
        "Nhóm gửi bản tin hàng tuần qua email.",
        "Kinh tế Nga suy yếu trong những năm 1990.",
        "Ánh sáng qua cửa sổ chiếu vào phòng họp.",
        "Quyết định số 27/9/2020 có hiệu lực.",
        # earlier the same day: the day told before (events.pipeline reads "cùng ngày"), not the day before
        "Trước đó cùng ngày, phiến quân phục kích một đoàn xe.",
        "Trước đó, sáng cùng ngày, cảnh sát phong tỏa quảng trường.",
        "Trước đó trong ngày, pháo binh nã đạn vào làng.",
        "Trước đó vài giờ, máy bay không người lái rơi xuống kho dầu.",
        "Trước đó khoảng hai tiếng, còi báo động vang lên.",
    ],
)
def test_no_date(text: str) -> None:
    assert mentions(text) == []


# --- "từ" opens a range -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "opens"),
    [
        ("Giao tranh dữ dội bùng phát giữa hai bên từ ngày 27/9, kéo dài xuyên đêm.", "ngày 27/9", True),
        ("Kể từ năm 2008, Azerbaijan và Armenia đã tổ chức hơn 10 cuộc gặp cấp cao.", "năm 2008", True),
        ("Lệnh giới nghiêm bắt đầu từ 27/9.", "27/9", True),
        ("Hamas giữ con tin từ tháng 10/2023.", "tháng 10/2023", True),
        ("Xung đột bùng phát sáng 27/9.", "sáng 27/9", False),
    ],
)
def test_opens_range(text: str, surface: str, opens: bool) -> None:
    m = only(text)
    assert (m.surface, m.opens_range) == (surface, opens)


# --- whole passages -----------------------------------------------------------------------------

VNEXPRESS = (
    "Giao tranh dữ dội bùng phát giữa hai bên từ ngày 27/9, kéo dài xuyên đêm và chưa có dấu hiệu hạ "
    "nhiệt vào sáng 28/9, khi cả hai phía đều hứng chịu nhiều thiệt hại về người và khí tài. Armenia hôm "
    "qua ban bố tình trạng thiết quân luật và tổng động viên, trong khi Tổng thống Azerbaijan Ilham Aliyev "
    "hôm nay ký sắc lệnh huy động một phần quân đội.Nagorno-Karabakh nằm sâu trong lãnh thổ phía tây nam "
    "Azerbaijan. Đỉnh điểm là cuộc chiến tranh kéo dài từ tháng 2/1988 đến tháng 5/1994.Bất chấp thỏa "
    "thuận ngừng bắn đạt được năm 1994, xung đột vẫn xảy ra. Kể từ năm 2008, Azerbaijan và Armenia đã tổ "
    "chức hơn 10 cuộc gặp cấp cao."
)


def test_a_passage_in_order() -> None:
    found = mentions(VNEXPRESS)
    assert [(m.surface, m.date, m.date_end, m.precision, m.relative) for m in found] == [
        ("ngày 27/9", "2020-09-27", None, 1, False),
        ("sáng 28/9", "2020-09-28", None, 1, False),
        ("hôm qua", "2020-09-27", None, 1, True),
        ("hôm nay", "2020-09-28", None, 1, True),
        ("từ tháng 2/1988 đến tháng 5/1994", "1988-02", "1994-05", 3, False),
        ("năm 1994", "1994", None, 3, False),
        ("năm 2008", "2008", None, 3, False),
    ]
    assert [m.opens_range for m in found] == [True, False, False, False, False, False, True]


def test_a_date_across_a_line_break_is_not_read() -> None:
    assert mentions("Armenia hôm\nqua ban bố thiết quân luật.") == []


# --- month-dated publications -------------------------------------------------------------------

MONTH_ARTICLE = (
    "Bộ Quốc phòng Azerbaijan hôm 3-10 cho biết phía Armenia đã bị tổn thất nghiêm trọng. Lực lượng "
    "Azerbaijan hôm 3-10 cho rằng pháo binh Armenia bắn vào 19 khu định cư. Armenia hôm qua cáo buộc "
    "Azerbaijan pháo kích Stepanakert."
)


def test_reference_of_a_month_dated_article_is_its_latest_written_day() -> None:
    assert reference_date(MONTH_ARTICLE, D(2020, 10, 1), "month") == (D(2020, 10, 3), 1)
    found = mentions(MONTH_ARTICLE, D(2020, 10, 1), "month")
    assert [(m.surface, m.date, m.precision) for m in found] == [
        ("hôm 3-10", "2020-10-03", 1),
        ("hôm 3-10", "2020-10-03", 1),
        ("hôm qua", "2020-10-02", 1),
    ]


def test_a_month_dated_article_without_a_day_in_its_month() -> None:
    text = "Xung đột bùng phát hôm 27/9. Armenia hôm qua ban bố thiết quân luật."
    assert reference_date(text, D(2020, 10, 1), "month") == (D(2020, 10, 15), 3)
    found = mentions(text, D(2020, 10, 1), "month")
    assert [(m.surface, m.date, m.precision) for m in found] == [
        ("hôm 27/9", "2020-09-27", 1),
        ("hôm qua", "2020-10-14", 3),  # relative to a guessed day: no finer than the month
    ]


def test_reference_of_a_day_dated_article_is_the_publication_day() -> None:
    assert reference_date(MONTH_ARTICLE, PUB, "day") == (PUB, 1)


def test_unknown_publication_precision() -> None:
    with pytest.raises(ValueError, match="published_precision"):
        find_dates("hôm qua", PUB, "week")


# --- year inference -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "month", "reference", "expected"),
    [
        (27, 9, D(2020, 10, 3), D(2020, 9, 27)),
        (28, 12, D(2021, 1, 2), D(2020, 12, 28)),
        (5, 1, D(2020, 12, 20), D(2021, 1, 5)),  # less than 2 months ahead: next year
        (20, 3, D(2020, 12, 20), D(2020, 3, 20)),  # more than 2 months ahead: this year, in the past
        (29, 2, D(2021, 3, 1), D(2020, 2, 29)),
        (29, 2, D(2019, 6, 1), D(2016, 2, 29)),
        (31, 2, D(2020, 10, 3), None),
        (0, 5, D(2020, 10, 3), None),
        (12, 13, D(2020, 10, 3), None),
    ],
)
def test_resolve_day_month(
    day: int, month: int, reference: datetime.date, expected: datetime.date | None
) -> None:
    assert resolve_day_month(day, month, reference) == expected


# --- publication dates --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-09-28", (D(2020, 9, 28), "day")),
        ("2020-10", (D(2020, 10, 1), "month")),
        (" 2024-02-29 ", (D(2024, 2, 29), "day")),
    ],
)
def test_parse_published(value: str, expected: tuple[datetime.date, str]) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["2020-13", "yesterday", "", "2020-02-30", "28/09/2020", "2020"])
def test_parse_published_rejects(value: str) -> None:
    with pytest.raises(ValueError, match="publication date"):
        parse_published(value)
