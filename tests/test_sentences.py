"""events.sentences: sentence spans of Vietnamese news, glued sentences, numbers and abbreviations."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from events.reader import read_article
from events.sentences import split_sentences

SEEDS = Path(__file__).resolve().parent / "fixtures" / "seeds"


def sentences(text: str) -> list[str]:
    spans = split_sentences(text)
    for start, end in spans:
        assert 0 <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    return [text[s:e] for s, e in spans]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # terminators and line breaks
        ("Giao tranh bùng phát. Hai bên thiệt hại!", ["Giao tranh bùng phát.", "Hai bên thiệt hại!"]),
        (
            "Ai bắn trước? Chưa rõ… Bộ Quốc phòng im lặng.",
            ["Ai bắn trước?", "Chưa rõ…", "Bộ Quốc phòng im lặng."],
        ),
        ("Tiêu đề không dấu chấm\nCâu thứ hai", ["Tiêu đề không dấu chấm", "Câu thứ hai"]),
        ("Đoạn một.\n\n\nĐoạn hai.\n", ["Đoạn một.", "Đoạn hai."]),
        ("Thật sao?! Đúng vậy.", ["Thật sao?!", "Đúng vậy."]),
        ("  Câu có khoảng trắng.   Câu sau.  ", ["Câu có khoảng trắng.", "Câu sau."]),
        ("Không có dấu kết thúc", ["Không có dấu kết thúc"]),
        # glued sentences
        ("cho biết hôm nay.Giao tranh dữ dội.", ["cho biết hôm nay.", "Giao tranh dữ dội."]),
        (
            '(OSCE), nhằm "nối lại đàm phán càng sớm càng tốt".Nagorno-Karabakh nằm sâu.',
            ['(OSCE), nhằm "nối lại đàm phán càng sớm càng tốt".', "Nagorno-Karabakh nằm sâu."],
        ),
        (
            'Ông nói: "Chúng tôi sẽ đáp trả.".Đêm qua yên tĩnh.',
            ['Ông nói: "Chúng tôi sẽ đáp trả.".', "Đêm qua yên tĩnh."],
        ),
        ('Họ đã rút lui."Chúng tôi thắng", ông nói.', ["Họ đã rút lui.", '"Chúng tôi thắng", ông nói.']),
        (
            "Cuộc chiến kết thúc năm 1994.Bất chấp thỏa thuận.",
            ["Cuộc chiến kết thúc năm 1994.", "Bất chấp thỏa thuận."],
        ),
        ("được đưa ra.Vũ Anh (Theo RT)", ["được đưa ra.", "Vũ Anh (Theo RT)"]),
        # numbers
        (
            "Thị trấn Terter với dân số 19.000 người. Hết.",
            ["Thị trấn Terter với dân số 19.000 người.", "Hết."],
        ),
        ("Tăng 3.5 lần và 1.000.000 USD. Giảm 2,5%.", ["Tăng 3.5 lần và 1.000.000 USD.", "Giảm 2,5%."]),
        ("Từ năm 2008. 10 cuộc gặp đã diễn ra.", ["Từ năm 2008.", "10 cuộc gặp đã diễn ra."]),
        ("1. Armenia\n2. Azerbaijan", ["1. Armenia", "2. Azerbaijan"]),
        # abbreviations and initials
        ("Sống ở TP.HCM và TP. Hồ Chí Minh. Hết.", ["Sống ở TP.HCM và TP. Hồ Chí Minh.", "Hết."]),
        ("Gặp Mr. Smith ở St. Petersburg. Xong.", ["Gặp Mr. Smith ở St. Petersburg.", "Xong."]),
        ("Quân đội U.S. Army có mặt. Xong.", ["Quân đội U.S. Army có mặt.", "Xong."]),
        ("Ông A. Putin và ông V.V. Putin gặp nhau.", ["Ông A. Putin và ông V.V. Putin gặp nhau."]),
        ("PGS. TS. Nguyễn Văn A phát biểu.", ["PGS. TS. Nguyễn Văn A phát biểu."]),
        ("(TP. Hà Nội) đã nhận.", ["(TP. Hà Nội) đã nhận."]),
        ("Gạo, muối, v.v. Sau đó là thuốc.", ["Gạo, muối, v.v.", "Sau đó là thuốc."]),
        ("Trang vnexpress.net cho biết.", ["Trang vnexpress.net cho biết."]),
        # lowercase after a terminator: no new sentence
        ('"Tại sao?" ông hỏi. "Không biết!" bà đáp.', ['"Tại sao?" ông hỏi.', '"Không biết!" bà đáp.']),
        ("Các nước Mỹ, Nga… đã kêu gọi ngừng bắn.", ["Các nước Mỹ, Nga… đã kêu gọi ngừng bắn."]),
        # quotes
        (
            'Ông nói: "Chúng tôi sẽ chiến đấu." Sau đó ông rời đi.',
            ['Ông nói: "Chúng tôi sẽ chiến đấu."', "Sau đó ông rời đi."],
        ),
        ("Bà nói: “Xong rồi!” Rồi bà đi.", ["Bà nói: “Xong rồi!”", "Rồi bà đi."]),
        ('Ông nói: "Tôi… Không biết… Có lẽ vậy." Hết.', ['Ông nói: "Tôi… Không biết… Có lẽ vậy."', "Hết."]),
        ("Bà nói: “Chờ đã... Để xem.” Xong.", ["Bà nói: “Chờ đã... Để xem.”", "Xong."]),
        ("Chưa rõ... Quân đội im lặng.", ["Chưa rõ...", "Quân đội im lặng."]),
        ("(Xem thêm bài trước.) Hôm nay khác.", ["(Xem thêm bài trước.)", "Hôm nay khác."]),
        ("Hai bên đàm phán. (Ảnh: AFP)", ["Hai bên đàm phán.", "(Ảnh: AFP)"]),
        # separators without words are left out
        ("Câu một.\n* * *\nCâu hai.", ["Câu một.", "Câu hai."]),
        ("", []),
        ("   \n  ", []),
    ],
)
def test_split(text: str, want: list[str]) -> None:
    assert sentences(text) == want


def test_offsets_index_the_text() -> None:
    text = "Một.Hai. Ba!\nBốn"
    assert split_sentences(text) == [(0, 4), (4, 8), (9, 12), (13, 16)]


def test_first_seed() -> None:
    article = read_article(SEEDS / "000_5083240e409e3a90.txt")
    got = sentences(article.text)
    assert len(got) == 18
    assert got[0].startswith("Các lực lượng Armenia và Azerbaijan đã đụng độ")
    assert got[0].endswith("làm chết hơn 50 binh sĩ Armenia.")
    assert got[3] == (
        'Người phát ngôn Bộ Quốc phòng Armenia, bà Shushan Stepanyan, cho hay: "Giao tranh ác liệt đang '
        'diễn ra ở các sườn khác".'
    )
    assert got[12] == '"Chúng ta không còn thời gian để đợi thêm 30 năm nữa.'
    assert got[13] == 'Xung đột phải được giải quyết ngay bây giờ" – Tổn thống Aliyev nhấn mạnh.'
    assert got[-1].endswith("ủng hộ quyền tự vệ của Azerbaijan.")


def test_second_seed_one_line_of_glued_sentences() -> None:
    article = read_article(SEEDS / "001_2b42f16e1c45971c.txt")
    assert "\n" not in article.text
    got = sentences(article.text)
    assert len(got) == 22
    assert (
        "Azerbaijan cáo buộc Armenia pháo kích nhằm vào thị trấn Terter với dân số 19.000 người ở biên giới "
        "hai nước."
    ) in got
    assert got[1].endswith("phát ngôn viên Bộ Quốc phòng Armenia cho biết hôm nay.")
    assert got[2].startswith("Giao tranh dữ dội bùng phát giữa hai bên từ ngày 27/9")
    assert got[4].endswith('"gây thiệt hại nặng cho đối phương về nhân lực và trang thiết bị quân sự".')
    assert got[7] == (
        '"Những biện pháp phù hợp sẽ được tiến hành nếu các hoạt động này không chấm dứt", Bộ Quốc phòng '
        "Azerbaijan ra thông cáo cho hay."
    )
    assert got[16].endswith('(OSCE), nhằm "nối lại đàm phán càng sớm càng tốt".')
    assert got[17].startswith("Nagorno-Karabakh nằm sâu trong lãnh thổ phía tây nam Azerbaijan")
    assert got[18].endswith("từ tháng 2/1988 đến tháng 5/1994.")
    assert got[-1] == "Vũ Anh (Theo RT)"
    spans = split_sentences(article.text)
    covered = "".join(article.text[s:e] for s, e in spans)
    assert covered.replace(" ", "") == article.text.replace(" ", "")  # nothing but spaces left out
