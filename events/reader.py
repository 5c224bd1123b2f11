"""Reading one article: bytes → normalized text and metadata, never an exception for bad content.

Every offset the pipeline writes indexes :attr:`Article.text`: the decoded text after
:func:`normalize_text` and after its header (front matter, ``key: value`` lines, a ``date …``
prefix) has been removed. The publication date comes, strongest first, from the caller's
``published`` argument, a header in the file (or an HTML page's meta tags), a manifest row,
else nothing; an invalid or future date is a warning and is skipped, never an error.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from events.dates import parse_published
from gazetteer.messages import Message
from gazetteer.textnorm import nfc

__all__ = [
    "Article",
    "article_from_bytes",
    "article_from_error",
    "article_from_text",
    "decode",
    "manifest_row",
    "normalize_text",
    "read_article",
    "read_file",
    "read_manifest",
]

MAX_BYTES = 20_000_000
# Messages: English text with a stable key (gazetteer.messages), so that the dashboard translates them.
BINARY = Message("reader.binary", "binary file, not text")
EMPTY = Message("reader.empty", "empty article")
HTML_WARNING = Message("reader.html", "HTML converted to text")
LATIN1_WARNING = Message(
    "reader.latin1", "not valid UTF-8, UTF-16 or Windows-1258: decoded as latin-1, accents may be wrong"
)
MIXED = "utf-8+cp1258"
MIXED_WARNING = Message(
    "reader.mixed", "mixed encodings: UTF-8 with some Windows-1258 bytes, each part decoded as what it is"
)
CUT_WARNING = Message(
    "reader.cut", "the file ends inside a character (cut short?): its last bytes were left out"
)
GIBBERISH_WARNING = Message(
    "reader.gibberish",
    "not valid UTF-8: decoded as Windows-1258, but it does not read as Vietnamese (wrong encoding?): "
    "the text may be gibberish",
)
HTML_NOT_DECLARED = Message(
    "reader.html_not_declared",
    "looks like HTML but does not say so (no .html name, doctype or <html>): read as plain text",
)
MIN_PUBLISHED_YEAR = 1850  # before the first Vietnamese newspaper; dates before are mistakes
META_FIELDS = ("published", "source", "url", "title", "language")


@dataclass
class Article:
    id: str  # sha256 of the normalized text, first 16 hex chars
    path: str | None
    text: str  # normalized text, header removed: every offset downstream indexes this string
    title: str | None = None
    source: str | None = None
    url: str | None = None
    language: str = "vi"
    published: str | None = None  # ISO "2020-09-28" or "2020-10"
    published_precision: str | None = None  # "day" | "month" | None when unknown
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    encoding: str | None = None


# --------------------------------------------------------------------------- decoding

_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# Control characters that never occur in text (tab, line feed, CR, VT, FF do).
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
MAX_CONTROL_RATIO = 0.01


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding) of a file's bytes; ValueError("binary file, not text") for binary data.

    UTF-32/UTF-8/UTF-16 by their BOM, BOM-less UTF-32 and UTF-16 by their NUL bytes, then
    UTF-8, Windows-1258 (its combining tone marks composed to NFC), and latin-1 as a last
    resort (the caller warns: the encoding is then "latin-1").
    """
    text, encoding, _ = _decode(data)
    return text, encoding


def _decode(data: bytes) -> tuple[str, str, list[str]]:
    """:func:`decode` with the warnings a reader should see (a cut UTF-16/32 file, gibberish)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            body, cut = _whole_units(data[len(bom) :], codec)
            try:
                text = body.decode(codec)
            except UnicodeDecodeError:
                break
            return _checked(text), codec, [CUT_WARNING] if cut else []
    if b"\x00" in data:
        for guess in (_utf32_guess, _utf16_guess):
            codec = guess(data)
            if codec is None:
                continue
            body, cut = _whole_units(data, codec)
            try:
                return _checked(body.decode(codec)), codec, [CUT_WARNING] if cut else []
            except (UnicodeDecodeError, ValueError):
                pass
    try:
        return _checked(data.decode("utf-8")), "utf-8", []
    except UnicodeDecodeError:
        pass
    if (mixed := _utf8_with_cp1258(data)) is not None:
        return _checked(mixed), MIXED, [MIXED_WARNING]
    try:
        text = _checked(unicodedata.normalize("NFC", data.decode("cp1258")))
    except UnicodeDecodeError:
        return _checked(data.decode("latin-1")), "latin-1", [LATIN1_WARNING]
    return text, "cp1258", ([] if _looks_vietnamese(text) else [GIBBERISH_WARNING])


def _whole_units(data: bytes, codec: str) -> tuple[bytes, bool]:
    """The bytes without an incomplete last code unit of UTF-16/32 (a file cut short), and
    whether there was one."""
    unit = 4 if "32" in codec else 2 if "16" in codec else 1
    extra = len(data) % unit
    return (data[: len(data) - extra], True) if extra else (data, False)


# The letters Vietnamese writes beyond ASCII: a vowel with at most a tone mark and, on a, e, o
# a circumflex, on a a breve, on o, u a horn; and đ. With the typographic characters
# Windows-1258 holds, anything else in a Windows-1258 reading is a sign of gibberish.
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_SHAPES = {"\u0302": "aeo", "\u0306": "a", "\u031b": "ou"}
_CP1258_PUNCTUATION = frozenset("\u00a0\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u2022\u00ab\u00bb\u00b0")
MAX_ODD_RATIO = 0.1


def _vietnamese_letter(ch: str) -> bool:
    base, *marks = unicodedata.normalize("NFD", ch.lower())
    if base == "đ" and not marks:
        return True
    if base not in "aeiouy" or len(marks) > 2 or sum(m in _TONES for m in marks) > 1:
        return False
    return all(m in _TONES or base in _SHAPES.get(m, "") for m in marks)


def _looks_vietnamese(text: str) -> bool:
    """Whether the non-ASCII characters of a text are mostly Vietnamese letters or punctuation."""
    odd = total = 0
    for ch in text:
        if ch < "\x80":
            continue
        total += 1
        if ch not in _CP1258_PUNCTUATION and not _vietnamese_letter(ch):
            odd += 1
    return odd <= MAX_ODD_RATIO * total


def _utf32_guess(data: bytes) -> str | None:
    """'utf-32-le'/'utf-32-be' when the high byte of every four is NUL and the next one at most
    0x10 (every code point is below U+110000), and the low bytes are mostly not NUL, as in text."""
    size = len(data) - len(data) % 4
    if size < 4:
        return None
    quarter = size // 4
    for codec, high, plane, low in (("utf-32-le", 3, 2, 0), ("utf-32-be", 0, 1, 3)):
        if (
            not data[high:size:4].strip(b"\x00")
            and max(data[plane:size:4]) <= 0x10
            and data[low:size:4].count(0) < quarter // 2
        ):
            return codec
    return None


_ESCAPED = re.compile("[\udc80-\udcff]+")


def _utf8_with_cp1258(data: bytes) -> str | None:
    """Mostly UTF-8 text with a few runs of Windows-1258 bytes (a pasted paragraph), else None.

    Mixed when the valid multi-byte UTF-8 characters outnumber the invalid bytes: a whole
    Windows-1258 file almost never forms valid UTF-8 sequences, a UTF-8 file does on every
    accented letter.
    """
    text = data.decode("utf-8", errors="surrogateescape")
    invalid = sum(len(m) for m in _ESCAPED.findall(text))
    multibyte = sum(1 for ch in text if ch > "\x7f") - invalid
    if multibyte <= invalid:
        return None

    def legacy(match: re.Match[str]) -> str:
        raw = match.group().encode("utf-8", errors="surrogateescape")
        return "".join(_cp1258_or_latin1(raw[i : i + 1]) for i in range(len(raw)))

    return unicodedata.normalize("NFC", _ESCAPED.sub(legacy, text))


def _cp1258_or_latin1(byte: bytes) -> str:
    try:
        return byte.decode("cp1258")
    except UnicodeDecodeError:
        return byte.decode("latin-1")


def _checked(text: str) -> str:
    if text and len(text) - len(_CONTROL.sub("", text)) > MAX_CONTROL_RATIO * len(text):
        raise ValueError(BINARY)
    return text


def _utf16_guess(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when the NUL bytes fall on one side of the byte pairs, as in text.

    An odd last byte (a file cut short) is left out of the count."""
    data = data[: len(data) - len(data) % 2]
    if len(data) < 2:
        return None
    even, odd = data[0::2], data[1::2]
    nul_even, nul_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if nul_odd >= 0.2 and nul_even <= nul_odd / 4:
        return "utf-16-le"
    if nul_even >= 0.2 and nul_odd <= nul_even / 4:
        return "utf-16-be"
    return None


# --------------------------------------------------------------------------- normalization

_LINE_BREAKS = re.compile("\r\n?|[\u2028\u2029\x85\x0b\x0c]")
_SPACE_CHARS = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_TRAILING = re.compile(r"[ \t]+$", re.M)
# Any character that _LINE_BREAKS, _CONTROL or _SPACE_CHARS would change.
_UNUSUAL = re.compile(
    "[\r\u2028\u2029\x85\x0b\x0c\x00-\x08\x0e-\x1f\x7f-\x9f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]"
)
_LETTER = r"[^\W\d_]"
_EMOJI = (
    "[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u2300-\u23ff"
    "\ufe0e\ufe0f\u20e3\u200d\U000e0020-\U000e007f]"
)
_FLAG = "[\U0001f1e6-\U0001f1ff]"
_EMOJI_ANY = re.compile(_EMOJI)
# The same characters in UTF-8 (one lead byte, then the bytes that place it in a range): a search of
# the encoded text skips to those lead bytes, 1.5× faster than _EMOJI_ANY's class over every character
_EMOJI_UTF8 = re.compile(
    rb"\xe2(?:\x80\x8d|\x83\xa3|[\x8c-\x8f\x98-\x9e\xac-\xaf])|\xef\xb8[\x8e\x8f]"
    rb"|\xf0\x9f[\x80-\xab]|\xf3\xa0(?:\x80[\xa0-\xbf]|\x81)"
)


def _has_emoji(text: str) -> bool:
    """``_EMOJI_ANY.search(text) is not None`` (a test checks every code point)."""
    return _EMOJI_UTF8.search(text.encode("utf-8", "surrogatepass")) is not None


# A run of emoji between two letters ("Azer🔥baijan"), or a flag glued to a word ("Nga🇷🇺").
_EMOJI_IN_WORD = re.compile(rf"(?<={_LETTER})(?:{_EMOJI}+(?={_LETTER})|(?:{_FLAG}{_FLAG})+)")


def normalize_text(text: str) -> str:
    """The text every offset indexes: idempotent, and it changes no word's length but by removals.

    Line endings become "\\n"; control characters, zero-width characters and emoji inside a
    word go; Unicode spaces (no-break, narrow no-break, …) become plain spaces; NFC with one
    tone placement (:func:`gazetteer.textnorm.nfc`); trailing whitespace of every line and
    blank lines and spaces around the whole text are stripped. Runs of spaces stay.
    """
    if _UNUSUAL.search(text):  # most articles have none of these: skip their passes
        text = _LINE_BREAKS.sub("\n", text)
        text = _CONTROL.sub("", text)
    text = nfc(text)
    while _has_emoji(text) and (without_emoji := _EMOJI_IN_WORD.sub("", text)) != text:
        text = nfc(without_emoji)  # letters that met may take the tone convention (and compose)
    if _UNUSUAL.search(text):
        text = _SPACE_CHARS.sub(" ", text)
    if " \n" in text or "\t" in text or text.endswith(" "):
        text = _TRAILING.sub("", text)
    return text.strip()


# --------------------------------------------------------------------------- dates


_ISO_DATETIME = re.compile(
    r"(\d{4}-\d{1,2}-\d{1,2})[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?"
)
_ISO_UNPADDED = re.compile(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?")
_DMY = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_MY = re.compile(r"(\d{1,2})[/.-](\d{4})")


def _coerce_published(value: str) -> tuple[str, str]:
    """(ISO day or month, precision) of a header or manifest date; ValueError when it is none.

    Accepts YYYY-MM-DD and YYYY-MM (also unpadded), an ISO date-time (its date is kept) and
    the Vietnamese day-first DD/MM/YYYY and MM/YYYY.
    """
    text = value.strip()
    if m := _ISO_DATETIME.fullmatch(text):
        text = m.group(1)
    if m := _DMY.fullmatch(text):
        text = f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    elif m := _MY.fullmatch(text):
        text = f"{m.group(2)}-{int(m.group(1)):02d}"
    elif m := _ISO_UNPADDED.fullmatch(text):
        text = f"{m.group(1)}-{int(m.group(2)):02d}" + (f"-{int(m.group(3)):02d}" if m.group(3) else "")
    date, precision = parse_published(text)
    check_year(date.year)
    iso = date.isoformat() if precision == "day" else f"{date.year:04d}-{date.month:02d}"
    return iso, precision


def check_year(year: int) -> None:
    """ValueError for a publication year before :data:`MIN_PUBLISHED_YEAR` (0001-01-01 is a
    placeholder, not a date: relative dates would fall before year 1)."""
    if year < MIN_PUBLISHED_YEAR:
        raise ValueError(
            Message(
                "reader.year_too_early",
                "the year {year} is before {first}: not a news article's date",
                year=year,
                first=MIN_PUBLISHED_YEAR,
            )
        )


def _in_future(iso: str, precision: str, today: datetime.date) -> bool:
    if precision == "day":
        return datetime.date.fromisoformat(iso) > today
    return (int(iso[:4]), int(iso[5:7])) > (today.year, today.month)


# --------------------------------------------------------------------------- headers

_FIELD_ALIASES = {
    "title": "title",
    "date": "published",
    "published": "published",
    "pubdate": "published",
    "published_at": "published",
    "source": "source",
    "url": "url",
    "link": "url",
    "language": "language",
    "lang": "language",
}
_PLAIN_KEYS = "title|date|published|source|url|language"
_PLAIN_LINE = re.compile(rf"(?i)({_PLAIN_KEYS})[ \t]*:[ \t]*(.*)")
_FRONT_LINE = re.compile(r"([A-Za-z][\w-]*)[ \t]*:(?:[ \t]+(.*))?")
_FRONT_MAX_LINES = 60
_DATE_TOKEN = r"\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?"
_DATE_PREFIX = re.compile(
    rf"(?i)(?:date|published)[ \t]*:?[ \t]*(?P<value>{_DATE_TOKEN})(?:[ \t]+|[ \t]*(?:\n|$))"
)


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1].strip()
    return value


def _put(meta: dict[str, str], key: str, value: str) -> None:
    """Store a header field under its canonical name; "published" beats "date" whatever the order."""
    name = _FIELD_ALIASES.get(key.lower())
    value = _unquote(value or "")
    if name is None or not value:
        return
    if name == "published" and key.lower() != "published" and "published" in meta:
        return
    meta[name] = value


def _split_header(text: str) -> tuple[str, dict[str, str]]:
    """(body, header fields) of a normalized text; the body is the text when there is no header."""
    lines = text.split("\n")
    if lines[0].strip() == "---":
        for n in range(1, min(len(lines), _FRONT_MAX_LINES + 2)):
            if lines[n].strip() in ("---", "..."):
                block = lines[1:n]
                if all(
                    not line.strip()
                    or line.lstrip().startswith("#")
                    or line[0] in " \t-"
                    or _FRONT_LINE.fullmatch(line)
                    for line in block
                ):
                    meta: dict[str, str] = {}
                    for line in block:
                        if m := _FRONT_LINE.fullmatch(line):
                            _put(meta, m.group(1), m.group(2) or "")
                    return "\n".join(lines[n + 1 :]), meta
                break
    n = 0
    while n < len(lines) and _PLAIN_LINE.fullmatch(lines[n]):
        n += 1
    if 0 < n < len(lines) and not lines[n].strip():
        meta = {}
        for line in lines[:n]:
            m = _PLAIN_LINE.fullmatch(line)
            assert m is not None
            _put(meta, m.group(1), m.group(2))
        return "\n".join(lines[n + 1 :]), meta
    if m := _DATE_PREFIX.match(text):
        return text[m.end() :], {"published": m.group("value")}
    return text, {}


# --------------------------------------------------------------------------- HTML

_HTML_START = re.compile(r"(?is)\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b")
_HTML_TAG = re.compile(
    r"(?i)</?(?:p|div|br|span|a|b|i|u|strong|em|h[1-6]|ul|ol|li|table|tr|td|th|img|meta|head|body|script"
    r"|style|title|article|section|header|footer|nav|link|iframe|figure|figcaption|blockquote)\b[^<>]*>"
)
MIN_HTML_TAGS = 5
_SKIP = frozenset("script style noscript template svg head iframe object canvas math".split())
_BLOCK = frozenset(
    "p div br h1 h2 h3 h4 h5 h6 ul ol li table tr td th article section header footer nav aside main"
    " blockquote pre figure figcaption dl dt dd hr form address caption".split()
)


HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def _is_html(text: str, path: str | None) -> bool:
    """HTML only when the input says so: an .html/.htm name, or a doctype or <html> at the start.

    A text with tags in it is otherwise plain text: reading it as HTML would drop its header
    and everything after a stray <script> or <svg>.
    """
    if path is not None and path.lower().endswith(HTML_SUFFIXES):
        return True
    return bool(_HTML_START.match(text[:4096]))


def _looks_like_html(text: str) -> bool:
    """Many tags in a text that does not declare itself HTML (worth a warning, nothing more)."""
    return any(n >= MIN_HTML_TAGS for n, _ in enumerate(_HTML_TAG.finditer(text, 0, 200_000), 1))


class _HTMLText(HTMLParser):
    """Visible text of a page (no script/style/head), its <title> and a few meta tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self.meta: dict[str, str] = {}
        self.skip = 0
        self.in_title = False
        self.skipped_tag = ""  # the outermost element whose content is left out (script, svg, …)
        self.hidden: list[str] = []  # its text, kept in case it is never closed

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k.lower(): (v or "") for k, v in attrs}
        if tag == "title":
            self.in_title = True
        elif tag == "meta":
            self._meta(attr)
        elif tag == "link" and "canonical" in attr.get("rel", "").lower() and attr.get("href"):
            self.meta.setdefault("url", attr["href"])
        elif tag == "html" and attr.get("lang"):
            self.meta.setdefault("language", attr["lang"])
        elif tag == "body":
            self.skip = 0  # a <head> never closed ends here
            self.hidden = []
        elif tag in _SKIP:
            if not self.skip:
                self.skipped_tag, self.hidden = tag, []
            self.skip += 1
        elif tag in _BLOCK:
            (self.hidden if self.skip else self.parts).append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            if not self.skip:
                self.hidden = []
        elif tag in _BLOCK:
            (self.hidden if self.skip else self.parts).append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        elif not self.skip:
            self.parts.append(re.sub(r"\s+", " ", data))
        elif self.skip == 1:
            self.hidden.append(re.sub(r"\s+", " ", data))

    def _meta(self, attr: dict[str, str]) -> None:
        name = (attr.get("property") or attr.get("name") or attr.get("itemprop") or "").lower()
        content = attr.get("content", "").strip()
        if not content:
            return
        if name in ("article:published_time", "og:published_time", "pubdate", "datepublished", "date"):
            self.meta.setdefault("published", content)
        elif name == "og:site_name":
            self.meta.setdefault("source", content)
        elif name == "og:url":
            self.meta.setdefault("url", content)
        elif name == "og:title":
            self.meta.setdefault("og:title", content)


def _never_closed(tag: str) -> Message:
    return Message("reader.never_closed", "<{tag}> never closed: the text after it was kept", tag=tag)


_MAX_REPARSE = 20  # unclosed <script>s recovered, one after the other


def _html_to_text(html: str) -> tuple[str, dict[str, str], list[str]]:
    """(visible text, one blank line between blocks; metadata: title, published, source, url,
    language; warnings). An element left out (script, svg, …) that is never closed does not
    swallow the rest of the page: its text is kept, with a warning."""
    parser = _HTMLText()
    parser.feed(html)
    parser.close()
    warnings: list[str] = []
    for _ in range(_MAX_REPARSE):
        if parser.cdata_elem is None or not parser.rawdata.strip():
            break
        # an unclosed <script>/<style>: the parser holds the rest of the page unread; read it as HTML
        tag, rest = parser.cdata_elem, parser.rawdata
        warnings.append(_never_closed(tag))
        parts, title_parts, meta = parser.parts, parser.title_parts, parser.meta
        parser = _HTMLText()
        parser.parts, parser.title_parts, parser.meta = parts, title_parts, meta
        parser.feed(rest)
        parser.close()
    if parser.skip and "".join(parser.hidden).strip():
        warnings.append(_never_closed(parser.skipped_tag))
        parser.parts += parser.hidden
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in "".join(parser.parts).split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    meta = dict(parser.meta)
    title = re.sub(r"\s+", " ", "".join(parser.title_parts)).strip() or meta.get("og:title", "")
    meta.pop("og:title", None)
    if title:
        meta["title"] = title
    return text, meta, warnings


# --------------------------------------------------------------------------- articles


def _article_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _clean_meta(meta: dict[str, str] | None) -> dict[str, str]:
    out = {}
    for key, value in (meta or {}).items():
        if isinstance(value, str) and value.strip():
            out[key] = nfc(value.strip())
    return out


# Where a publication date was read (a parameter of the date warnings).
_WHERE = {
    name: Message(f"reader.where.{key}", name)
    for key, name in (
        ("argument", "argument"),
        ("header", "header"),
        ("html", "HTML meta"),
        ("manifest", "manifest"),
    )
}


def _build(
    text: str,
    path: str | None,
    published: str | None,
    meta: dict[str, str] | None,
    *,
    error: str | None = None,
    warnings: list[str] | None = None,
    encoding: str | None = None,
) -> Article:
    warnings = list(warnings or [])
    html_meta: dict[str, str] = {}
    header: dict[str, str] = {}
    if error is None and _is_html(text, path):
        text, html_meta, html_warnings = _html_to_text(text)
        html_meta = _clean_meta(html_meta)
        warnings += [HTML_WARNING, *html_warnings]
    elif error is None and _looks_like_html(text):
        warnings.append(HTML_NOT_DECLARED)
    if error is None:
        # A header ends in whitespace, so the body of a normalized text is normalized once stripped.
        body, header = _split_header(normalize_text(text))
        text = body.strip()
        header = _clean_meta(header)
        if not text:
            error = EMPTY
    else:
        text = ""
    row = _clean_meta(meta)

    chosen: tuple[str, str] | None = None
    today = datetime.date.today()
    sources = (("argument", published), ("header", header.get("published")))
    sources += (("HTML meta", html_meta.get("published")), ("manifest", row.get("published")))
    for where, value in sources:
        if value is None or not value.strip():
            continue
        try:
            iso, precision = _coerce_published(value)
        except ValueError as exc:
            reason = exc.args[0] if exc.args and isinstance(exc.args[0], Message) else str(exc)
            warnings.append(
                Message(
                    "reader.invalid_date",
                    "invalid published date '{value}' in {where}: {reason}",
                    value=value.strip(),
                    where=_WHERE[where],
                    reason=reason,
                )
            )
            continue
        # a day of grace: the article's time zone may be ahead of this machine's
        if _in_future(iso, precision, today + datetime.timedelta(days=1)):
            warnings.append(
                Message(
                    "reader.future_date",
                    "published date '{iso}' in {where} is in the future (today is {today}): ignored",
                    iso=iso,
                    where=_WHERE[where],
                    today=today,
                )
            )
            continue
        if chosen is None:
            chosen = iso, precision

    def pick(key: str) -> str | None:
        return header.get(key) or html_meta.get(key) or row.get(key)

    language = (pick("language") or "vi").lower().replace("_", "-").split("-")[0] or "vi"
    # An unreadable file gets an id of its path, so that two of them never share one.
    article_id = _article_id(text if text or path is None else f"\x00unreadable:{path}")
    return Article(
        id=article_id,
        path=path,
        text=text,
        title=pick("title"),
        source=pick("source"),
        url=pick("url"),
        language=language,
        published=chosen[0] if chosen else None,
        published_precision=chosen[1] if chosen else None,
        error=error,
        warnings=warnings,
        encoding=encoding,
    )


def article_from_text(
    text: str,
    *,
    path: str | None = None,
    published: str | None = None,
    meta: dict[str, str] | None = None,
) -> Article:
    """An article from already decoded text; ``meta`` is a manifest row (weakest metadata)."""
    if not text.strip():
        return _build("", path, published, meta, error=EMPTY)
    return _build(text, path, published, meta)


def manifest_row(manifest: dict[str, dict[str, str]] | None, path: str | Path) -> dict[str, str] | None:
    """The manifest row of a file: by its resolved path, the path as given, or its name."""
    if not manifest:
        return None
    given = str(path)
    p = Path(path)
    try:
        resolved = str(p.resolve())
    except (OSError, RuntimeError, ValueError):
        resolved = given
    for key in (resolved, given, p.as_posix(), p.name):
        if key in manifest:
            return manifest[key]
    return None


def _size(n: int) -> str:
    if n >= 100_000:
        return f"{n / 1_000_000:.1f}".removesuffix(".0") + " MB"
    return Message("reader.bytes", "{n} bytes", n=n)


def too_large(size: int, max_bytes: int = MAX_BYTES) -> str:
    """The error of an input of ``size`` bytes over the limit."""
    return Message(
        "reader.too_large",
        "file too large ({size} > {limit} limit)",
        size=_size(size),
        limit=_size(max_bytes),
    )


IS_DIRECTORY = Message("reader.is_directory", "is a directory")
NOT_REGULAR = Message("reader.not_regular", "not a regular file")
NOT_FOUND = Message("reader.not_found", "file not found")


def read_file(path: str | Path, max_bytes: int = MAX_BYTES) -> tuple[bytes | None, str | None]:
    """(bytes, None) or (None, why it cannot be read); a file over ``max_bytes`` is refused unread."""
    p = Path(path)
    try:
        info = p.stat()
        if stat.S_ISDIR(info.st_mode):
            return None, IS_DIRECTORY
        if not stat.S_ISREG(info.st_mode):
            return None, NOT_REGULAR
        if info.st_size > max_bytes:
            return None, too_large(info.st_size, max_bytes)
        with p.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except (FileNotFoundError, NotADirectoryError):
        return None, NOT_FOUND
    except PermissionError:
        return None, Message("reader.permission", "permission denied")
    except IsADirectoryError:
        return None, IS_DIRECTORY
    except OSError as exc:
        return None, Message("reader.cannot_read", "cannot read file: {reason}", reason=exc.strerror or exc)
    except ValueError as exc:  # e.g. a NUL character in the path
        return None, Message("reader.invalid_path", "invalid path: {reason}", reason=exc)
    if len(data) > max_bytes:  # it grew since stat()
        return None, Message(
            "reader.grew", "file too large (more than {limit} limit)", limit=_size(max_bytes)
        )
    return data, None


def article_from_error(
    error: str,
    *,
    path: str | None = None,
    published: str | None = None,
    meta: dict[str, str] | None = None,
) -> Article:
    """The empty article of an input that could not be read (its metadata kept, ``error`` set)."""
    return _build("", path, published, meta, error=error)


def article_from_bytes(
    data: bytes,
    *,
    path: str | None = None,
    published: str | None = None,
    meta: dict[str, str] | None = None,
    max_bytes: int = MAX_BYTES,
) -> Article:
    """The article in a file's bytes (any supported encoding); problems in ``error``/``warnings``."""
    if len(data) > max_bytes:
        return _build("", path, published, meta, error=too_large(len(data), max_bytes))
    try:
        text, encoding, warnings = _decode(data)
    except ValueError:
        return _build("", path, published, meta, error=BINARY)
    if not text.strip():
        return _build("", path, published, meta, error=EMPTY, encoding=encoding)
    return _build(text, path, published, meta, warnings=warnings, encoding=encoding)


def read_article(
    path: str | Path,
    *,
    published: str | None = None,
    manifest: dict[str, dict[str, str]] | None = None,
    max_bytes: int = MAX_BYTES,
) -> Article:
    """The article in a file; problems are reported in ``error`` / ``warnings``, never raised."""
    given = str(path)
    row = manifest_row(manifest, path)
    data, error = read_file(path, max_bytes)
    if data is None:
        return _build("", given, published, row, error=error)
    return article_from_bytes(data, path=given, published=published, meta=row)


_FILE_COLUMNS = ("file", "path", "filename")


def read_manifest(path: str | Path) -> dict[str, dict[str, str]]:
    """Manifest rows keyed by the file as written in the CSV and by its resolved absolute path.

    Columns: file (or path, filename), published (or date), source (or outlet), url, title, language;
    headers are case-insensitive, other columns are ignored, empty cells are left out.
    Raises OSError when the file cannot be read (also a device, a pipe or a file over
    :data:`MAX_BYTES`: never read without end) and ValueError when it has no file column.
    """
    p = Path(path)
    data, error = read_file(p)
    if data is None:
        raise OSError(error)
    text, _ = decode(data)
    reader = csv.reader(io.StringIO(nfc(text)))
    header = [h.strip().lower() for h in next(reader, [])]
    file_col = next((header.index(c) for c in _FILE_COLUMNS if c in header), None)
    if file_col is None:
        raise ValueError(f"manifest {p}: no 'file' column (columns: {', '.join(header) or 'none'})")
    out: dict[str, dict[str, str]] = {}
    for cells in reader:
        if len(cells) <= file_col or not cells[file_col].strip():
            continue
        name = cells[file_col].strip()
        raw = {h: c.strip() for h, c in zip(header, cells, strict=False) if c.strip()}
        if "published" not in raw and "date" in raw:
            raw["published"] = raw["date"]
        if "source" not in raw and "outlet" in raw:
            raw["source"] = raw["outlet"]
        row = {"file": name} | {k: raw[k] for k in META_FIELDS if k in raw}
        out[name] = row
        out[str((p.parent / name).resolve())] = row
    return out
