"""events.reader: decoding real bytes, normalization, headers, manifests, HTML and failures."""

from __future__ import annotations

import datetime
import hashlib
import os
import unicodedata
from pathlib import Path

import pytest

from events.reader import (
    Article,
    article_from_bytes,
    article_from_text,
    decode,
    normalize_text,
    read_article,
    read_manifest,
)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
SEED0 = SEEDS / "000_5083240e409e3a90.txt"
SEED1 = SEEDS / "001_2b42f16e1c45971c.txt"

VI = "Thổ Nhĩ Kỳ lên tiếng ủng hộ Azerbaijan giành lại khu vực Nagorno-Karabakh, hòa bình ở Đà Nẵng."
_TONES = "\u0300\u0301\u0303\u0309\u0323"


def cp1258_bytes(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows writes it: precomposed base letters, separate tone marks."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        out.append(base + "".join(c for c in parts if c in _TONES))
    return "".join(out).encode("cp1258")


def write(tmp_path: Path, data: bytes, name: str = "a.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def sha16(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# ------------------------------------------------------------------ decoding


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (VI.encode("utf-8"), "utf-8"),
        (VI.encode("utf-8-sig"), "utf-8-sig"),
        (b"\xff\xfe" + VI.encode("utf-16-le"), "utf-16-le"),
        (b"\xfe\xff" + VI.encode("utf-16-be"), "utf-16-be"),
        (VI.encode("utf-16"), "utf-16-le" if VI.encode("utf-16")[:2] == b"\xff\xfe" else "utf-16-be"),
        (VI.encode("utf-16-le"), "utf-16-le"),  # no BOM: found by its NUL bytes
        (VI.encode("utf-16-be"), "utf-16-be"),
        (cp1258_bytes(VI), "cp1258"),
    ],
    ids=[
        "utf-8",
        "utf-8-bom",
        "utf-16-le-bom",
        "utf-16-be-bom",
        "utf-16",
        "utf-16-le",
        "utf-16-be",
        "cp1258",
    ],
)
def test_every_encoding_reads_to_the_same_text(tmp_path: Path, data: bytes, encoding: str) -> None:
    article = read_article(write(tmp_path, data))
    assert article.error is None
    assert article.encoding == encoding
    assert article.text == normalize_text(VI)
    assert article.id == sha16(normalize_text(VI))
    assert article.warnings == []


def test_cp1258_bytes_are_not_utf8_and_decode_composes_the_tones() -> None:
    data = cp1258_bytes("Hòa bình")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text, encoding = decode(data)
    assert (text, encoding) == ("Hòa bình", "cp1258")
    assert unicodedata.is_normalized("NFC", text)


def test_latin1_is_the_last_resort_with_a_warning(tmp_path: Path) -> None:
    data = b"Nguyen van A noi chuyen voi phong vien. " * 5 + b"\x8a"  # 0x8A is undefined in cp1258
    article = read_article(write(tmp_path, data))
    assert article.encoding == "latin-1"
    assert article.error is None
    assert any("latin-1" in w for w in article.warnings)
    assert article.text == (b"Nguyen van A noi chuyen voi phong vien. " * 5).decode().strip()


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 50,
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00\x5c\x72\xa8\x66",
        b"\x00" * 1000,
        b"\x7fELF\x02\x01\x01\x00" + bytes(200),
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" + bytes(range(32)) * 4,
    ],
    ids=["all-bytes", "png", "nuls", "elf", "zip"],
)
def test_binary_data_is_an_error_not_an_exception(tmp_path: Path, data: bytes) -> None:
    article = read_article(write(tmp_path, data, "image.txt"))
    assert article.error == "binary file, not text"
    assert article.text == ""
    with pytest.raises(ValueError, match="binary"):
        decode(data)


def test_a_stray_control_character_is_not_binary_and_is_removed(tmp_path: Path) -> None:
    text = SEED1.read_text(encoding="utf-8")
    article = read_article(write(tmp_path, (text[:100] + "\x00" + text[100:] + "\x1a").encode()))
    assert article.error is None
    assert article.text == text


@pytest.mark.parametrize(
    "data", [b"", b"   \n\t\r\n  ", b"\xef\xbb\xbf", b"\xef\xbb\xbf \n", "\u200b\n".encode()]
)
def test_empty_files(tmp_path: Path, data: bytes) -> None:
    article = read_article(write(tmp_path, data))
    assert article.error == "empty article"
    assert article.text == ""


def test_a_header_without_a_body_is_an_empty_article() -> None:
    article = article_from_text("---\ntitle: Tin\ndate: 2020-09-28\n---\n\n")
    assert article.error == "empty article"
    assert article.title == "Tin"


# ------------------------------------------------------------------ files that cannot be read


def test_missing_file(tmp_path: Path) -> None:
    article = read_article(tmp_path / "nope.txt")
    assert isinstance(article, Article)
    assert article.error == "file not found"
    assert article.text == ""
    assert article.path == str(tmp_path / "nope.txt")


def test_directory(tmp_path: Path) -> None:
    assert read_article(tmp_path).error == "is a directory"


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, VI.encode())

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    article = read_article(path)
    assert article.error == "permission denied"
    assert article.text == ""


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_permission_denied_for_real(tmp_path: Path) -> None:
    path = write(tmp_path, VI.encode())
    path.chmod(0)
    try:
        assert read_article(path).error == "permission denied"
    finally:
        path.chmod(0o644)


def test_file_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as fh:
        fh.truncate(21_000_000)  # sparse: instant, no disk used
    article = read_article(path)
    assert article.error == "file too large (21 MB > 20 MB limit)"
    assert article.text == ""


def test_file_too_large_with_a_custom_limit(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, VI.encode()), max_bytes=10)
    assert article.error is not None
    assert article.error.startswith("file too large")


def test_unreadable_articles_keep_manifest_metadata_and_distinct_ids(tmp_path: Path) -> None:
    manifest = {"a.txt": {"published": "2020-09-28", "source": "VnExpress"}}
    a = read_article(tmp_path / "a.txt", manifest=manifest)
    b = read_article(tmp_path / "b.txt")
    assert a.error == b.error == "file not found"
    assert (a.published, a.source) == ("2020-09-28", "VnExpress")
    assert a.id != b.id


# ------------------------------------------------------------------ normalization


def test_nfd_input_gives_the_same_text_and_id_as_nfc() -> None:
    nfc_article = article_from_text(VI)
    nfd_article = article_from_text(unicodedata.normalize("NFD", VI))
    assert nfd_article.text == nfc_article.text == VI
    assert nfd_article.id == nfc_article.id == sha16(VI)


def test_old_tone_placement_gives_the_new_one() -> None:
    old = article_from_text("Hoà bình cho Khánh Hoà, thuỷ điện và Thuỵ Sĩ.")
    new = article_from_text("Hòa bình cho Khánh Hòa, thủy điện và Thụy Sĩ.")
    assert old.text == new.text == "Hòa bình cho Khánh Hòa, thủy điện và Thụy Sĩ."
    assert old.id == new.id


def test_zero_width_characters_are_removed() -> None:
    text = "Azer\u200bbaijan và Ar\u200dmenia\u2060 \ufeffđụng độ\u00ad."
    assert normalize_text(text) == "Azerbaijan và Armenia đụng độ."


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        ("Azer🔥baijan tấn công.", "Azerbaijan tấn công."),
        ("Ar🇦🇲menia", "Armenia"),
        ("Nga🇷🇺 và Mỹ🇺🇸.", "Nga và Mỹ."),
        ("Đà👍🏽Nẵng", "ĐàNẵng"),
        ("Ho🔥à bình", "Hòa bình"),  # the letters that meet take the tone convention
        ("🔥 Nóng: giao tranh", "🔥 Nóng: giao tranh"),  # not inside a word: kept
        ("giao tranh 🔥", "giao tranh 🔥"),
    ],
)
def test_emoji_inside_a_word_are_removed(raw: str, want: str) -> None:
    assert normalize_text(raw) == want


def test_line_endings_spaces_and_trailing_whitespace() -> None:
    raw = "  Dòng một  \r\nDòng\u00a0hai\u202fđây\t\rDòng ba\u2028Dòng   bốn\n\n\n"
    assert normalize_text(raw) == "Dòng một\nDòng hai đây\nDòng ba\nDòng   bốn"


@pytest.mark.parametrize(
    "raw",
    [
        VI,
        unicodedata.normalize("NFD", VI),
        "Hoà\u200b🔥bình\r\n  \u00a0x  \n\n",
        "A\u200b🔥B Nga🇷🇺🔥x Nga🇷🇺🔥 x",
        "\x00🔥E🔥(U🇺H🇺🇷\u0323🇷Qh\u0300",  # a removal lets a letter compose with its mark
        "\ufeff date 2020-10 Thuỵ\u0301 ",
        SEED0.read_text(encoding="utf-8"),
        SEED1.read_text(encoding="utf-8"),
    ],
)
def test_normalize_text_is_idempotent(raw: str) -> None:
    once = normalize_text(raw)
    assert normalize_text(once) == once


def test_inner_spaces_and_word_lengths_are_kept() -> None:
    raw = 'Ông  Aliyev   nói:\t"Chúng ta" - 19.000 người.'
    assert normalize_text(raw) == raw


def test_byline_is_kept() -> None:
    article = read_article(SEED1)
    assert article.text.endswith("được đưa ra.Vũ Anh (Theo RT)")


# ------------------------------------------------------------------ metadata


def test_seed_date_prefix_on_the_first_line() -> None:
    article = read_article(SEED0)
    assert article.error is None
    assert article.text.startswith("Các lực lượng Armenia và Azerbaijan đã đụng độ")
    assert article.published == "2020-10"
    assert article.published_precision == "month"
    assert article.encoding == "utf-8"
    assert article.id == sha16(article.text)
    assert "date 2020-10" not in article.text


@pytest.mark.parametrize(
    ("raw", "published", "precision"),
    [
        ("date: 2020-09-28 Giao tranh bùng phát.", "2020-09-28", "day"),
        ("Date 2020-10\nGiao tranh bùng phát.", "2020-10", "month"),
        ("  date 2020-9-3 Giao tranh bùng phát.", "2020-09-03", "day"),
        ("published: 28/09/2020 Giao tranh bùng phát.", "2020-09-28", "day"),
    ],
)
def test_date_prefix_forms(raw: str, published: str, precision: str) -> None:
    article = article_from_text(raw)
    assert article.text == "Giao tranh bùng phát."
    assert (article.published, article.published_precision) == (published, precision)


def test_a_word_date_is_not_a_prefix() -> None:
    article = article_from_text("Date palm exports 2020-10 rose.")
    assert article.text == "Date palm exports 2020-10 rose."
    assert article.published is None
    assert article.published_precision is None


def test_front_matter(tmp_path: Path) -> None:
    raw = (
        "---\n"
        'title: "Giao tranh ở Nagorno-Karabakh"\n'
        "date: 2020-09-28\n"
        "source: VnExpress\n"
        "url: https://vnexpress.net/a.html\n"
        "language: vi\n"
        "tags: [chiến sự]\n"
        "---\n"
        "\n"
        "Giao tranh bùng phát.\n"
    )
    article = read_article(write(tmp_path, raw.encode()))
    assert article.text == "Giao tranh bùng phát."
    assert article.title == "Giao tranh ở Nagorno-Karabakh"
    assert (article.published, article.published_precision) == ("2020-09-28", "day")
    assert article.source == "VnExpress"
    assert article.url == "https://vnexpress.net/a.html"
    assert article.language == "vi"
    assert article.id == sha16("Giao tranh bùng phát.")


def test_front_matter_published_beats_date_and_language_is_the_primary_tag() -> None:
    article = article_from_text("---\npublished: 2020-09-28\ndate: 2020-10\nlang: EN-us\n---\nText.")
    assert article.published == "2020-09-28"
    assert article.language == "en"


def test_a_leading_rule_without_key_value_lines_is_text() -> None:
    raw = "---\nĐây là đoạn mở đầu của bài.\n---\nCâu tiếp."
    assert article_from_text(raw).text == raw


def test_plain_header_lines() -> None:
    article = article_from_text(
        "Title: Xung đột\nDATE: 2020-09-28\nSource: Tuổi Trẻ\n\nGiao tranh bùng phát."
    )
    assert article.text == "Giao tranh bùng phát."
    assert (article.title, article.published, article.source) == ("Xung đột", "2020-09-28", "Tuổi Trẻ")


@pytest.mark.parametrize(
    "raw",
    [
        "Title: Xung đột\nGiao tranh bùng phát.",  # no blank line after it
        "Title: Xung đột\nTác giả: Vũ Anh\n\nGiao tranh bùng phát.",  # an unknown key
        "Ghi chú: Giao tranh bùng phát.\n\nCâu sau.",
    ],
)
def test_not_plain_headers(raw: str) -> None:
    article = article_from_text(raw)
    assert article.text == raw
    assert article.title is None


@pytest.mark.parametrize(
    ("header", "value"),
    [
        ("date: 2020-13-45", "2020-13-45"),
        ("date: hôm qua", "hôm qua"),
        ("published: 2020-02-30", "2020-02-30"),
    ],
)
def test_invalid_header_date_is_a_warning(header: str, value: str) -> None:
    article = article_from_text(f"{header}\n\nGiao tranh bùng phát.")
    assert article.error is None
    assert article.text == "Giao tranh bùng phát."
    assert article.published is None
    assert article.published_precision is None
    assert any(w.startswith(f"invalid published date '{value}' in header:") for w in article.warnings)


def test_invalid_date_prefix_is_removed_with_a_warning() -> None:
    article = article_from_text(" date 2020-13-45 Giao tranh bùng phát.")
    assert article.text == "Giao tranh bùng phát."
    assert article.published is None
    assert any("'2020-13-45' in header" in w for w in article.warnings)


def test_invalid_header_date_falls_back_to_the_manifest() -> None:
    article = article_from_text("date: hôm qua\n\nGiao tranh.", meta={"published": "2020-09-28"})
    assert article.published == "2020-09-28"
    assert any("in header" in w for w in article.warnings)


def test_invalid_argument_and_manifest_dates_are_warnings() -> None:
    article = article_from_text("Giao tranh.", published="28 tháng 9", meta={"published": "2020-9-31"})
    assert article.published is None
    assert any("in argument" in w for w in article.warnings)
    assert any("in manifest" in w for w in article.warnings)


def test_future_date_is_a_warning_and_the_next_source_is_used() -> None:
    future = datetime.date.today() + datetime.timedelta(days=400)
    article = article_from_text(f"date: {future.isoformat()}\n\nGiao tranh.")
    assert article.published is None
    warning = f"published date '{future}' in header is in the future"
    assert any(w.startswith(warning) for w in article.warnings)
    fallback = article_from_text(f"date: {future.isoformat()}\n\nGiao tranh.", meta={"published": "2020-10"})
    assert fallback.published == "2020-10"
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)  # another time zone's today
    assert article_from_text(f"date: {tomorrow}\n\nGiao tranh.").published == tomorrow.isoformat()


def test_no_date_anywhere() -> None:
    article = read_article(SEED1)
    assert (article.published, article.published_precision) == (None, None)
    assert article.warnings == []


# ------------------------------------------------------------------ precedence and manifests


def test_the_sample_manifest() -> None:
    manifest = read_manifest(ROOT / "articles" / "manifest.csv")
    row = manifest["001_2b42f16e1c45971c.txt"]
    assert row["published"] == "2020-09-28"
    assert row["source"] == "VnExpress"
    assert "url" not in row  # empty cells are left out
    assert manifest[str((ROOT / "articles" / "001_2b42f16e1c45971c.txt").resolve())] is row
    article = read_article(ROOT / "articles" / "001_2b42f16e1c45971c.txt", manifest=manifest)
    assert (article.published, article.published_precision, article.source) == (
        "2020-09-28",
        "day",
        "VnExpress",
    )
    assert article.language == "vi"


def test_manifest_matches_by_name_relative_path_or_absolute_path(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    write(tmp_path, b"Giao tranh.", "sub/x.txt")
    write(tmp_path, b"file,published\nsub/x.txt,2020-09-28\n", "manifest.csv")
    manifest = read_manifest(tmp_path / "manifest.csv")
    assert read_article(tmp_path / "sub" / "x.txt", manifest=manifest).published == "2020-09-28"
    assert (
        read_article(tmp_path / "sub" / ".." / "sub" / "x.txt", manifest=manifest).published == "2020-09-28"
    )
    by_name = {"x.txt": {"published": "2020-10"}}
    assert read_article(tmp_path / "sub" / "x.txt", manifest=by_name).published == "2020-10"


def test_header_beats_manifest_and_argument_beats_both(tmp_path: Path) -> None:
    path = write(tmp_path, SEED0.read_bytes(), "000_5083240e409e3a90.txt")
    write(
        tmp_path,
        "\ufeffFILE,Published,Source,Notes,Title\n"
        '000_5083240e409e3a90.txt,2020-09-28,Tuổi Trẻ,"x, y",Giao tranh\n'.encode("utf-8"),
        "manifest.csv",
    )
    manifest = read_manifest(tmp_path / "manifest.csv")
    assert set(manifest["000_5083240e409e3a90.txt"]) == {"file", "published", "source", "title"}
    from_header = read_article(path, manifest=manifest)
    assert (from_header.published, from_header.published_precision) == ("2020-10", "month")
    assert (from_header.source, from_header.title) == (
        "Tuổi Trẻ",
        "Giao tranh",
    )  # the manifest fills the rest
    from_argument = read_article(path, manifest=manifest, published="2020-10-03")
    assert (from_argument.published, from_argument.published_precision) == ("2020-10-03", "day")
    assert from_argument.text == from_header.text
    assert from_argument.id == from_header.id
    plain = write(tmp_path, b"Giao tranh.", "plain.txt")
    assert read_article(plain, manifest={"plain.txt": {"published": "2020-09"}}).published == "2020-09"


def test_header_fields_beat_manifest_fields() -> None:
    article = article_from_text(
        "---\ntitle: Từ tệp\nsource: Dân Trí\n---\nGiao tranh.",
        meta={"title": "Từ manifest", "source": "VnExpress", "url": "https://x.vn/a", "language": "vi"},
    )
    assert (article.title, article.source, article.url) == ("Từ tệp", "Dân Trí", "https://x.vn/a")


def test_manifest_without_a_file_column(tmp_path: Path) -> None:
    write(tmp_path, b"name,published\na.txt,2020-10\n", "m.csv")
    with pytest.raises(ValueError, match="file"):
        read_manifest(tmp_path / "m.csv")


# ------------------------------------------------------------------ HTML


HTML = """<!DOCTYPE html>
<html lang="vi-VN">
<head>
  <meta charset="utf-8">
  <title>Giao tranh   ở Nagorno-Karabakh - VnExpress</title>
  <meta property="article:published_time" content="2020-09-28T10:15:00+07:00">
  <meta property="og:site_name" content="VnExpress">
  <link rel="canonical" href="https://vnexpress.net/a.html">
  <style>body { color: red; }</style>
  <script>var x = "Armenia tấn công";</script>
</head>
<body>
  <h1>Giao tranh ở Nagorno-Karabakh</h1>
  <p>Azerbaijan cáo buộc Armenia pháo kích
     nhằm vào thị trấn Terter &amp; Barda.</p>
  <script>document.write("quảng cáo")</script>
  <p>Vũ Anh&nbsp;(Theo RT)</p>
</body>
</html>
"""


def test_html_saved_as_text(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, HTML.encode("utf-8"), "page.txt"))
    assert article.error is None
    assert "HTML converted to text" in article.warnings
    assert article.title == "Giao tranh ở Nagorno-Karabakh - VnExpress"
    assert article.text == (
        "Giao tranh ở Nagorno-Karabakh\n\n"
        "Azerbaijan cáo buộc Armenia pháo kích nhằm vào thị trấn Terter & Barda.\n\n"
        "Vũ Anh (Theo RT)"
    )
    assert (article.published, article.published_precision) == ("2020-09-28", "day")
    assert (article.source, article.url, article.language) == (
        "VnExpress",
        "https://vnexpress.net/a.html",
        "vi",
    )
    assert "<" not in article.text
    assert "quảng cáo" not in article.text


def test_html_fragment_with_many_tags() -> None:
    raw = "<div><p>Câu một.</p><p>Câu <b>hai</b>.</p><br><p>Câu <i>ba</i>.</p></div>"
    article = article_from_bytes(raw.encode(), path="fragment.html")  # HTML when its name says so
    assert "HTML converted to text" in article.warnings
    assert article.text == "Câu một.\n\nCâu hai.\n\nCâu ba."
    assert article.title is None
    kept = article_from_text(raw)  # otherwise plain text, kept whole, with a warning
    assert kept.text == raw and "HTML converted to text" not in kept.warnings


def test_a_few_angle_brackets_are_not_html() -> None:
    raw = "Giá trị x<5 và y>3, <b>đậm</b> một lần."
    article = article_from_text(raw)
    assert article.text == raw
    assert article.warnings == []


def test_the_published_argument_beats_html_meta() -> None:
    article = article_from_text(HTML, published="2020-10")
    assert (article.published, article.published_precision) == ("2020-10", "month")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hoà bình", "hòa bình"),  # NFC already, old placement: still moved
        ("Thuỷ điện, toà nhà, xoè", "Thủy điện, tòa nhà, xòe"),
        ("quà, quý, hoàng, thoại, hoạt", "quà, quý, hoàng, thoại, hoạt"),  # not old-style
        ("Nga\u200bAzer\u00adbaijan", "NgaAzerbaijan"),  # zero-width in NFC text
        ("Ho\u0300a", "Hòa"),  # NFD
    ],
)
def test_nfc_fast_path_changes_only_what_it_must(text: str, expected: str) -> None:
    from gazetteer.textnorm import nfc

    assert nfc(text) == expected
    assert normalize_text(text) == expected


@pytest.mark.parametrize(
    ("data", "limit", "key", "english"),
    [
        (b"", 100, "reader.empty", "empty article"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(32)) * 8, 1000, "reader.binary", "binary file, not text"),
        (b"x" * 300_001, 200_000, "reader.too_large", "file too large (0.3 MB > 0.2 MB limit)"),
        (b"x" * 50, 40, "reader.too_large", "file too large (50 bytes > 40 bytes limit)"),
    ],
)
def test_errors_carry_a_stable_key_and_stay_english(data: bytes, limit: int, key: str, english: str) -> None:
    """The CLI prints the English text; the dashboard translates by key (issue 12)."""
    from gazetteer.messages import key_of

    article = article_from_bytes(data, path="a.txt", max_bytes=limit)
    assert article.error == english and key_of(article.error) == key


def test_warnings_carry_keys_with_translatable_parameters() -> None:
    import pickle

    from gazetteer.messages import key_of

    article = article_from_text("date 2999-01-01\nNga pháo kích Kharkiv.", published="0001-01-01")
    invalid, future = article.warnings
    assert key_of(invalid) == "reader.invalid_date" and key_of(future) == "reader.future_date"
    assert invalid.startswith("invalid published date '0001-01-01' in argument: the year 1 is before 1850")
    assert key_of(invalid.params["where"]) == "reader.where.argument"
    assert key_of(invalid.params["reason"]) == "reader.year_too_early"
    assert pickle.loads(pickle.dumps(future)).key == "reader.future_date"  # Dask workers send it back
