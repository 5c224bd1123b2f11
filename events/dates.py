"""Vietnamese date expressions in an article, resolved against its publication date.

The press writes dates without a year ("hôm 3-10", "sáng 28/9"), relative to the day it
publishes ("hôm qua", "đêm qua", "thứ Hai tuần trước", "trước đó"), and as months, years and
ranges ("từ tháng 2/1988 đến tháng 5/1994"). A bare number pair is a date only after a cue
word ("ngày", "hôm", a part of the day, "từ", "đến", "tới", "vào"): "3-10 người", "tỷ lệ 3/4",
"số 27/9" and "2-1" are numbers, and so is "từ 3-10 người" (a count noun follows).

Year inference: a day/month without a year takes the year that puts it closest to the
reference date, never more than 2 calendar months after it (``resolve_day_month``); a bare
month ("tháng 10") follows the same rule.

Weekdays: "thứ hai" is also the ordinal "second" ("lần thứ hai", "bên thứ ba"). A weekday is
read when the day's name is capitalised ("thứ Hai", "Thứ Bảy") and no ordinal noun precedes
it ("lần", "vòng", "người", …); a lower-case or numeric name ("thứ hai", "thứ 2") needs a
time cue: "hôm" or "sáng"/"trưa"/"chiều"/"tối" before it, "vào"/"từ"/"đến"/"tới" before it,
"tuần trước"/"tuần này"/"tới"/"vừa qua" after it, or a written date after it. "ngày" and
"đêm" before a lower-case name make an ordinal ("ngày thứ hai của cuộc xung đột"), and so does
"liên tiếp"/"liên tục" after any name. "Chủ nhật" is always a weekday.

Surfaces keep the time words ("hôm 3-10", "sáng 28/9", "hôm thứ Hai", "Cuối tuần qua") but not
the prepositions ("từ", "vào", "đến"); a range's surface starts at its "từ". ``opens_range`` is
set on single dates only: a written range is already closed. "năm ngoái" is the previous year,
"năm nay" this one (precision 3); "tháng qua", "ngày qua" and "N tuần qua" are spans, not dates.

Speed: every pattern starts with a literal word or a digit (the regex engine then skips ahead
to it) and runs on the lower-cased text; the cue words before an expression are found by short
backward searches. Candidates are kept leftmost-longest, so ranges win over their ends.
"""

from __future__ import annotations

import calendar
import datetime
import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import ahocorasick

from events.phrases import lowered

__all__ = ["DateMention", "find_dates", "parse_published", "reference_date", "resolve_day_month"]

MAX_MONTHS_AHEAD = 2  # a date with no year is at most this many calendar months after the reference


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date expression: its span, ISO date (day, month or year), ACLED precision and flags."""

    start: int  # offsets into `text`; text[start:end] == surface
    end: int
    surface: str
    date: str  # ISO: "2020-09-27", or "2020-09" (month), or "1994" (year)
    date_end: str | None  # the end of a range ("từ tháng 2/1988 đến tháng 5/1994" -> "1994-05")
    precision: int  # ACLED time_precision: 1 day; 2 within a few days/a week; 3 month or coarser
    relative: bool  # resolved from the reference date (hôm qua, tuần trước, thứ Hai, trước đó, …)
    part_of_day: str | None  # "sáng", "trưa", "chiều", "tối", "đêm" when written
    opens_range: bool  # a single date preceded by "từ" / "kể từ" / "bắt đầu từ"


# --- calendar ---------------------------------------------------------------------------------


def _possible(day: int, month: int, year: int | None = None) -> bool:
    """Whether day/month exists (in ``year``, or in some year when no year is given)."""
    if not 1 <= month <= 12 or day < 1:
        return False
    return day <= (calendar.monthrange(year, month)[1] if year else (29 if month == 2 else 31))


def _plausible_year(year: int | None) -> bool:
    return year is None or 1000 <= year <= 2199


def _months_ahead(year: int, month: int, reference: datetime.date) -> int:
    return (year - reference.year) * 12 + month - reference.month


@functools.lru_cache(maxsize=4096)  # the same dates come again with the same reference
def resolve_day_month(day: int, month: int, reference: datetime.date) -> datetime.date | None:
    """The year of a day/month written without one: the one closest to ``reference`` that is not
    more than 2 calendar months after it (27/9 in an article of 3 Oct 2020 -> 2020-09-27; 28/12 in
    an article of 2 Jan 2021 -> 2020-12-28). None for a date no year has (31/2, 0/5, 12/13)."""
    if not _possible(day, month):
        return None
    best: tuple[int, datetime.date] | None = None
    last = reference.year - (9 if (day, month) == (29, 2) else 2)  # a 29 February may be 8 years back
    for year in range(reference.year + 1, last, -1):
        if _months_ahead(year, month, reference) > MAX_MONTHS_AHEAD or not _possible(day, month, year):
            continue
        candidate = datetime.date(year, month, day)
        distance = abs((candidate - reference).days)
        if best is None or distance < best[0]:
            best = (distance, candidate)
        if candidate < reference:
            break  # earlier years are further away
    return best[1] if best else None


def _resolve_month(month: int, reference: datetime.date) -> int:
    """The year of a month written without one, by the rule of ``resolve_day_month``."""
    years = [
        y
        for y in (reference.year + 1, reference.year, reference.year - 1)
        if _months_ahead(y, month, reference) <= MAX_MONTHS_AHEAD
    ]
    return min(years, key=lambda y: abs(_months_ahead(y, month, reference)))


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def _iso_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _iso_year(year: int) -> str:
    return f"{year:04d}"


def _monday(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


# --- words ------------------------------------------------------------------------------------
# Patterns run on lower-cased text, without re.IGNORECASE.

_WS = r"[^\S\r\n]+"  # whitespace within a line
_OWS = r"[^\S\r\n]*"
_NE = r"(?!\w|%|[/.,-]\d|/\w)"  # a number that does not go on ("3/4/5", "10h30", "3-10%", "19.000")
_D = r"\d{1,2}"
_Y = r"\d{4}"
_POD = rf"rạng{_WS}sáng|sáng{_WS}sớm|nửa{_WS}đêm|sáng|trưa|chiều|tối|đêm"
_STRONG = rf"(?:{_POD})(?:{_WS}(?:ngày|hôm))?|ngày|hôm"  # cues that belong to the surface
_CONN = rf"(?:{_WS}(?:cho{_WS})?(?:đến|tới){_WS}(?:hết{_WS})?|{_OWS}[-–—]{_OWS}|{_WS}và{_WS}(?=\d))"
_REL_YEAR = rf"(?:{_WS}năm{_WS}(?P<ry>nay|ngoái|trước|tới)(?!\w))?"  # "tháng 10 năm ngoái"
_RY_OFFSET = {"nay": 0, "ngoái": -1, "trước": -1, "tới": 1}
_NUM_WORDS = {
    "một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
    "mười một": 11, "mười hai": 12,
}  # fmt: skip
_NUM = r"\d{1,3}|mười(?:[^\S\r\n]+(?:một|hai))?|một|hai|ba|bốn|năm|sáu|bảy|tám|chín"
_APPROX = r"hơn|gần|khoảng|chừng|tròn|đúng|trên"
_WEEKDAYS = {"hai": 0, "ba": 1, "tư": 2, "năm": 3, "sáu": 4, "bảy": 5, "2": 0, "3": 1, "4": 2, "5": 3, "6": 4,
             "7": 5}  # fmt: skip

# Nouns an ordinal "thứ hai" follows ("lần thứ hai", "bên thứ ba", "quốc gia thứ hai").
_ORDINAL_NOUNS = frozenset(
    "lần vòng người đợt phiên hạng lớp năm tuần tháng quý kỳ khóa khoá lượt trận cuộc bước điều phần mục "
    "chương đoạn loại ván hiệp tầng nước đời hệ con đứa bên giới số trí viên gia chiếc tàu đội nhóm cấp tập "
    "bài câu lượng lớn nhỏ đứng xếp về thế hàng".split()
)
# First words of what a number range counts ("3-10 người", "tới 1/2 số dân"): not a date.
_COUNT_NOUNS = frozenset(
    "người binh lính quân chiến dân thường trẻ phụ ngày tuần tháng năm giờ phút giây km m cm kg tấn tỷ tỉ "
    "triệu nghìn ngàn trăm chục chiếc quả viên khẩu tên máy xe tàu cuộc lần vụ đợt phần độ đô usd euro lít "
    "thùng hộ gia làng tỉnh nước quốc thành ghế điểm bàn số ca nạn tù con cơ mục căn trận hecta ha lữ "
    "tiểu sư đại".split()
)
# Words before "tuần/tháng/năm qua" that make a span or a frequency ("3 tuần qua", "hàng năm nay").
_PLURAL = frozenset("những các vài mấy nhiều hàng mỗi mọi từng số".split()) | set(_NUM_WORDS)
_TIME_UNITS = frozenset("ngày tuần tháng năm giờ phút hôm lúc khi thời điểm".split())
_LIGHT = frozenset("ánh chiếu soi tỏa tia lóe".split())  # "ánh sáng qua cửa": light, not yesterday
_DECADE_WORDS = frozenset("những các niên kỷ kỉ mấy".split())  # "những năm 1990", "thập niên 1990"

_PREV_WORD = re.compile(rf"(?<!\w)(\w+){_WS}$")
_NEXT_WORD = re.compile(rf"{_WS}(\w+)")
_AND = re.compile(rf"{_WS}và{_WS}")
_BACK_CUE = re.compile(rf"(?<!\w)(?:{_STRONG}){_WS}$")
_BACK_FROM = re.compile(rf"(?<!\w)từ{_WS}$")
_BACK_WEAK = re.compile(rf"(?<!\w)(?:từ|đến|tới|vào){_WS}$")
_BACK_OPENS = re.compile(rf"(?<!\w)từ(?:{_WS}(?:đầu|giữa|cuối|hồi|vào|khoảng|sau))?{_WS}$")
# A cued date then "và"/"," before a bare one: "hôm 12/10 và 15/10", "ngày 3/10, 5/10 và 7/10".
_BACK_LIST = re.compile(
    rf"(?<!\w)(?:{_STRONG}|từ|đến|tới|vào){_WS}{_D}[/.-]{_D}(?:{_OWS},{_OWS}{_D}[/.-]{_D})*"
    rf"(?:{_OWS},|{_WS}và|{_WS}hoặc){_WS}$"
)
_BACK_SO = re.compile(rf"(?<!\w)số{_WS}$")
_BACK_HOM = re.compile(rf"(?<!\w)(?:(?P<pod>{_POD}){_WS}(?:ngày{_WS})?|ngày{_WS})$")  # "chiều (ngày) hôm qua"
_BACK_POD = re.compile(rf"(?<!\w)(?:rạng|nửa){_WS}$")  # "rạng sáng nay", "nửa đêm qua"
_BACK_CUOI = re.compile(rf"(?<!\w)cuối{_WS}$")
_BACK_DAU = re.compile(rf"(?<!\w)(?P<part>đầu|giữa){_WS}$")  # "đầu tuần này", "giữa tuần qua"
_BACK_NUM = re.compile(rf"(?<![\w.,/-])(?:(?P<a>{_APPROX}){_WS})?(?P<n>{_NUM}){_WS}$")
_BACK_WD = re.compile(rf"(?<!\w)(?:(?P<pod>{_POD}){_WS}(?:(?:ngày|hôm){_WS})?|(?P<cue>ngày|hôm){_WS})$")
_AFTER_TRUOC = re.compile(rf"{_WS}(?:đó|khi|nữa)(?!\w)")
_AFTER_ORDINAL = re.compile(rf"{_WS}liên{_WS}(?:tiếp|tục)(?!\w)")
_AFTER_PUNCT = re.compile(rf"{_OWS}(?:[,.;:!?)\]\"”’…–—\r\n-]|$)")


def _back(pattern: re.Pattern[str], low: str, pos: int, reach: int = 24) -> re.Match[str] | None:
    """``pattern`` (ending in $) right before ``pos``."""
    return pattern.search(low, max(0, pos - reach), pos)


def _prev_word(low: str, pos: int) -> str:
    m = _back(_PREV_WORD, low, pos)
    return m.group(1) if m else ""


def _next_word(low: str, pos: int) -> str:
    m = _NEXT_WORD.match(low, pos)
    return m.group(1) if m else ""


def _glued(low: str, pos: int, chars: str = "") -> bool:
    """Whether ``pos`` is inside a word or number (the char before is alphanumeric or in ``chars``)."""
    return pos > 0 and (low[pos - 1].isalnum() or low[pos - 1] in chars)


def _part_of_day(cue: str | None) -> str | None:
    if not cue:
        return None
    word = cue.split()[0]
    return {"rạng": "sáng", "nửa": "đêm", "ngày": None, "hôm": None}.get(word, word)


def _int(value: str | None) -> int | None:
    return int(value) if value else None


def _number(text: str) -> int:
    text = " ".join(text.split())
    return int(text) if text.isdigit() else _NUM_WORDS[text]


def _per_head(template: str, *heads: str) -> tuple[re.Pattern[str], ...]:
    """One pattern per head word ("<HEAD>" in ``template``): a literal start lets the regex engine
    skip ahead to it, several times faster than an alternation of heads."""
    return tuple(re.compile(template.replace("<HEAD>", head)) for head in heads)


# --- candidates -------------------------------------------------------------------------------

_Resolved = tuple[str, str | None, int]
_Resolver = Callable[[datetime.date], "_Resolved | None"]


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    resolve: _Resolver
    relative: bool = False
    pod: str | None = None
    written_day: bool = False  # a written day and month: evidence for a month-dated article's reference
    is_range: bool = False


def _day_resolver(day: int, month: int, year: int | None, rel_year: str | None = None) -> _Resolver:
    def resolve(ref: datetime.date) -> _Resolved | None:
        if year is not None:
            found: datetime.date | None = datetime.date(year, month, day)
        elif rel_year is not None:
            y = ref.year + _RY_OFFSET[rel_year]
            found = datetime.date(y, month, day) if _possible(day, month, y) else None
        else:
            found = resolve_day_month(day, month, ref)
        return (found.isoformat(), None, 1) if found else None

    return resolve


def _fixed_day(offset: int, precision: int) -> _Resolver:
    return lambda ref: ((ref + datetime.timedelta(days=offset)).isoformat(), None, precision)


# Day and month: "27/9", "3-10", "27.9", "27/9/2020", "3/10 năm 2020", "3 tháng 10 (năm 2020)".
_DAY = re.compile(
    rf"(?P<d>{_D})(?:(?P<s>[/.-])(?P<m>{_D})(?:(?P=s)(?P<y>{_Y})|{_WS}năm{_WS}(?P<yb>{_Y}))?"
    rf"|{_WS}tháng{_WS}(?P<tm>{_D})(?:(?:{_WS}năm{_WS}|{_OWS}[/-]{_OWS})(?P<ty>{_Y}))?){_NE}{_REL_YEAR}"
)


# the words after which a day may be written with a dot ("tối 13.11"); elsewhere "3.5" is a number
_DOT_DAY_CUES = ("ngày", "hôm", "sáng", "trưa", "chiều", "tối", "đêm", "khuya")


def _h_day(m: re.Match[str], low: str, text: str) -> _Cand | None:
    start = m.start()
    if _glued(low, start, ".,/-"):
        return None  # the tail of a number
    day = int(m.group("d"))
    month = int(m.group("m") or m.group("tm"))
    year = _int(m.group("y") or m.group("yb") or m.group("ty"))
    if not _possible(day, month, year) or not _plausible_year(year):
        return None
    cue_m = _back(_BACK_CUE, low, start)
    cue = cue_m.group() if cue_m else None
    sep = m.group("s")  # None for "3 tháng 10"
    if year is None or sep is None:
        if not cue and not _back(_BACK_WEAK, low, start, 8) and not _back(_BACK_LIST, low, start, 60):
            return None  # "tỷ lệ 3/4", "số 27/9", "2-1", "sau 3 tháng 10 ngày"
        if sep == "." and not (cue and cue.rstrip().endswith(_DOT_DAY_CUES)):
            return None  # "27.9" only as "ngày 27.9", "hôm 27.9", "tối 27.9"
        if not cue and _next_word(low, m.end("m") if sep else m.end("tm")) in _COUNT_NOUNS:
            return None  # "từ 3-10 người"
    elif not cue and _back(_BACK_SO, low, start, 8):
        return None  # "số 27/9/2020": a document number
    rel_year = m.group("ry") if year is None else None
    return _Cand(
        cue_m.start() if cue_m else start,
        m.end(),
        _day_resolver(day, month, year, rel_year),
        relative=rel_year is not None,
        pod=_part_of_day(cue),
        written_day=True,
    )


# Month: "tháng 10", "tháng 2/1988", "tháng 2-1988", "tháng 3.2024", "tháng 2 năm 1988", "tháng 10 năm ngoái".
_MONTH = re.compile(
    rf"tháng{_WS}(?P<m>{_D})(?:{_OWS}[/.-]{_OWS}(?P<y>{_Y})|{_WS}năm{_WS}(?P<yb>{_Y}))?{_NE}{_REL_YEAR}"
)


def _after_number(low: str, pos: int) -> bool:
    """Whether a number stands right before ``pos`` ("3 tháng 10 ngày": a duration)."""
    word = _prev_word(low, pos)
    return word.isdigit() or word in _NUM_WORDS


def _h_month(m: re.Match[str], low: str, text: str) -> _Cand | None:
    month = int(m.group("m"))
    year = _int(m.group("y") or m.group("yb"))
    if _glued(low, m.start()) or not 1 <= month <= 12 or not _plausible_year(year):
        return None
    if _after_number(low, m.start()):
        return None  # "sau 3 tháng 10 ngày": a duration
    rel_year = m.group("ry") if year is None else None

    def resolve(ref: datetime.date) -> _Resolved:
        if year is not None:
            return _iso_month(year, month), None, 3
        if rel_year is not None:
            return _iso_month(ref.year + _RY_OFFSET[rel_year], month), None, 3
        return _iso_month(_resolve_month(month, ref), month), None, 3

    return _Cand(m.start(), m.end(), resolve, relative=rel_year is not None)


_YEAR = re.compile(rf"năm{_WS}(?P<y>{_Y}){_NE}")


def _h_year(m: re.Match[str], low: str, text: str) -> _Cand | None:
    year = int(m.group("y"))
    if _glued(low, m.start()) or not _plausible_year(year) or _prev_word(low, m.start()) in _DECADE_WORDS:
        return None
    return _Cand(m.start(), m.end(), lambda ref: (_iso_year(year), None, 3))


# --- ranges -----------------------------------------------------------------------------------

# "27 đến 29/9", "27/9 đến ngày 29/9", "27-29/9", "28/12/2020 - 2/1/2021" (the cues before the
# first day are found backwards).
_RANGE_DAY = re.compile(
    rf"(?P<d1>{_D})(?:(?P<s1>[/.-])(?P<m1>{_D})(?:(?P=s1)(?P<y1>{_Y}))?)?{_CONN}"
    rf"(?:(?P<cue2>{_STRONG}){_WS})?(?P<d2>{_D})"
    rf"(?:(?P<s2>[/.-])(?P<m2>{_D})(?:(?P=s2)(?P<y2>{_Y}))?|{_WS}tháng{_WS}(?P<tm2>{_D})(?:{_WS}năm{_WS}(?P<ty2>{_Y}))?)"
    rf"{_NE}"
)  # (the last day's month in words too: "các ngày 14 và 15 tháng 7")
# "đêm 27 rạng sáng 28/9", "đêm 27, rạng sáng 28/9": the night between two days.
_NIGHT = re.compile(
    rf"đêm{_WS}(?P<d1>{_D})(?:[/-](?P<m1>{_D}))?{_OWS}(?:[,–-]|{_WS}và)?{_OWS}rạng{_WS}sáng{_WS}"
    rf"(?P<d2>{_D})(?P<s2>[/.-])(?P<m2>{_D})(?:(?P=s2)(?P<y2>{_Y}))?{_NE}"
)


def _day_range(
    start: int,
    end: int,
    first: tuple[int, int | None, int | None],
    last: tuple[int, int, int | None],
    pod: str | None,
) -> _Cand | None:
    """A range of days; a missing month or year comes from the other end."""
    d1, m1, y1 = first
    d2, m2, y2 = last
    m1 = m1 or m2
    if not (_possible(d1, m1, y1) and _possible(d2, m2, y2) and _plausible_year(y1) and _plausible_year(y2)):
        return None
    if m1 == m2 and y1 is None and y2 is None and d1 >= d2:
        return None  # "từ 29 đến 27/9"

    def resolve(ref: datetime.date) -> _Resolved | None:
        if y2 is not None:
            last_day: datetime.date | None = datetime.date(y2, m2, d2)
        elif y1 is not None:
            year = y1 if (m2, d2) >= (m1, d1) else y1 + 1
            last_day = datetime.date(year, m2, d2) if _possible(d2, m2, year) else None
        else:
            last_day = resolve_day_month(d2, m2, ref)
        if last_day is None:
            return None
        year = y1 if y1 is not None else last_day.year - ((m1, d1) > (m2, d2))
        if not _possible(d1, m1, year) or datetime.date(year, m1, d1) >= last_day:
            return None
        return datetime.date(year, m1, d1).isoformat(), last_day.isoformat(), 1

    return _Cand(start, end, resolve, pod=pod, written_day=True, is_range=True)


def _h_range_day(m: re.Match[str], low: str, text: str) -> _Cand | None:
    start = m.start()
    if _glued(low, start, ".,/-"):
        return None
    cue_m = _back(_BACK_CUE, low, start)
    cue = cue_m.group() if cue_m else None
    if cue_m:
        start = cue_m.start()
    from_m = _back(_BACK_FROM, low, start, 8)
    if not (from_m or cue or _back(_BACK_WEAK, low, start, 8)):
        return None  # "2-1", "3-10/9" with no cue
    s1, s2 = m.group("s1"), m.group("s2")
    if s1 and s1 != s2:
        return None
    if m.group("m1") is None and not cue and _AND.match(low, m.end("d1")):
        return None  # "7 và 8/2" is two days only after a cue ("ngày 7 và 8/2")
    if m.group("m1") is not None and _AND.match(low, m.end("y1") if m.group("y1") else m.end("m1")):
        return None  # "hôm 12/10 và 15/10": two dates, not a range
    if "." in (s1, s2) and "ngày" not in f"{cue} {m.group('cue2')}":
        return None
    first = (int(m.group("d1")), _int(m.group("m1")), _int(m.group("y1")))
    last = (int(m.group("d2")), int(m.group("m2") or m.group("tm2")), _int(m.group("y2") or m.group("ty2")))
    return _day_range(from_m.start() if from_m else start, m.end(), first, last, _part_of_day(cue))


# Days and day ranges in one pass over the digits (a range is tried first at each position); the
# leading lookahead lets the regex engine skip to the next digit.
_DAYS = re.compile(rf"(?=\d)(?:{_RANGE_DAY.pattern}|{_DAY.pattern})")
_DAYS_AT = re.compile(_DAYS.pattern[len("(?=\\d)") :])  # (matched where a digit is, see _days)
_DIGIT = re.compile(r"\d")


def _days(low: str) -> Iterator[re.Match[str]]:
    """``_DAYS.finditer(low)``, its pattern tried only where a digit is (the regex engine would try
    the look-ahead at every character: 20 % of the scan's time)."""
    position, find, match = 0, _DIGIT.search, _DAYS_AT.match
    while (digit := find(low, position)) is not None:
        at = digit.start()
        m = match(low, at)
        if m is None:
            position = at + 1
        else:
            yield m
            position = max(m.end(), at + 1)


def _h_days(m: re.Match[str], low: str, text: str, found: list[_Cand]) -> None:
    if m.group("d2") is None:
        cand = _h_day(m, low, text)
    else:
        cand = _h_range_day(m, low, text)
        if cand is None:  # not a range, but its ends may be dates: "27/9/2020 - 29/9/2020"
            for pos in (m.start(), m.start("d2")):
                day = _DAY.match(low, pos)
                cand = _h_day(day, low, text) if day else None
                if cand is not None:
                    found.append(cand)
            return
    if cand is not None:
        found.append(cand)


def _h_night(m: re.Match[str], low: str, text: str) -> _Cand | None:
    if _glued(low, m.start()):
        return None
    first = (int(m.group("d1")), _int(m.group("m1")), None)
    last = (int(m.group("d2")), int(m.group("m2")), _int(m.group("y2")))
    return _day_range(m.start(), m.end(), first, last, "đêm")


def _month_year(name: str) -> str:
    """An optional year after a month: '/1988', '-1988', ' năm 1988' (groups ``name``, ``name``b)."""
    return rf"(?:{_OWS}[/-]{_OWS}(?P<{name}>{_Y})|{_WS}năm{_WS}(?P<{name}b>{_Y}))?"


# "tháng 2/1988 đến tháng 5/1994", "tháng 2 đến hết tháng 5 năm 1994", "tháng 2-5/2020".
_RANGE_MONTH = re.compile(
    rf"tháng{_WS}(?P<m1>{_D}){_month_year('y1')}"
    rf"(?:{_WS}(?:cho{_WS})?(?:đến|tới){_WS}(?:hết{_WS})?tháng{_WS}|{_OWS}[-–—]{_OWS}(?:tháng{_WS})?)"
    rf"(?P<m2>{_D}){_month_year('y2')}{_NE}"
)


def _h_range_month(m: re.Match[str], low: str, text: str) -> _Cand | None:
    m1, m2 = int(m.group("m1")), int(m.group("m2"))
    y1, y2 = _int(m.group("y1") or m.group("y1b")), _int(m.group("y2") or m.group("y2b"))
    if _glued(low, m.start()) or not (1 <= m1 <= 12 and 1 <= m2 <= 12):
        return None
    if not (_plausible_year(y1) and _plausible_year(y2)) or _after_number(low, m.start()):
        return None

    def resolve(ref: datetime.date) -> _Resolved | None:
        if y2 is not None:
            end_year = y2
        elif y1 is not None:
            end_year = y1 if m2 >= m1 else y1 + 1
        else:
            end_year = _resolve_month(m2, ref)
        start_year = y1 if y1 is not None else end_year - (m1 > m2)
        if (start_year, m1) >= (end_year, m2):
            return None
        return _iso_month(start_year, m1), _iso_month(end_year, m2), 3

    from_m = _back(_BACK_FROM, low, m.start(), 8)
    return _Cand(from_m.start() if from_m else m.start(), m.end(), resolve, is_range=True)


# "năm 1988 đến năm 1994", "năm 2019-2020", "giai đoạn 2016-2020".
_RANGE_YEAR = _per_head(
    rf"<HEAD>{_WS}(?P<y1>{_Y})(?:{_WS}(?:cho{_WS})?(?:đến|tới){_WS}|{_OWS}[-–—]{_OWS})(?:năm{_WS})?(?P<y2>{_Y}){_NE}",
    "năm",
    rf"giai{_WS}đoạn(?:{_WS}năm)?",
)


def _h_range_year(m: re.Match[str], low: str, text: str) -> _Cand | None:
    y1, y2 = int(m.group("y1")), int(m.group("y2"))
    if _glued(low, m.start()) or not (1000 <= y1 < y2 <= 2199) or _prev_word(low, m.start()) in _DECADE_WORDS:
        return None
    from_m = _back(_BACK_FROM, low, m.start(), 8)
    start = from_m.start() if from_m else m.start()
    return _Cand(start, m.end(), lambda ref: (_iso_year(y1), _iso_year(y2), 3), is_range=True)


# --- relative expressions ---------------------------------------------------------------------

# "hôm nay/qua/kia" (backwards: "sáng", "chiều ngày", "ngày"), "sáng/trưa/chiều/tối/đêm nay/qua/mai".
_DAY_WORD = _per_head(
    rf"(?P<head><HEAD>){_WS}(?P<w>nay|qua|kia|mai)(?!\w)", *"hôm sáng trưa chiều tối đêm".split()
)
_DAY_OFFSET = {"nay": 0, "qua": -1, "kia": -2, "mai": 1}


def _h_day_word(m: re.Match[str], low: str, text: str) -> _Cand | None:
    start = m.start()
    if _glued(low, start):
        return None
    head, word = m.group("head"), m.group("w")
    if head == "hôm":
        if word == "mai":
            return None
        before = _back(_BACK_HOM, low, start)
        pod = _part_of_day(before.group("pod")) if before else None
    else:
        if word == "kia":
            return None
        before = _back(_BACK_POD, low, start, 8)
        pod = _part_of_day(before.group() if before else head)
    if before:
        start = before.start()
    if _prev_word(low, start) in _LIGHT:
        return None  # "ánh sáng qua cửa sổ"
    # "đêm qua" is the night that has just ended: the press dates its events to the reference day.
    offset = 0 if (pod == "đêm" and word == "qua") else _DAY_OFFSET[word]
    return _Cand(start, m.end(), _fixed_day(offset, 1), relative=True, pod=pod)


# "ngày mai", "tuần trước/qua/này/tới", "tháng trước/này/tới", "năm nay/ngoái/trước/tới", and with a
# number before them "2 tuần trước", "30 năm trước", "3 ngày trước đây" (N units ago).
_UNIT_WORD = _per_head(
    rf"(?P<u><HEAD>){_WS}(?P<w>trước|qua|này|tới|nay|ngoái|mai|vừa{_WS}qua)(?P<day>{_WS}đây)?(?!\w)",
    *"ngày tuần tháng năm".split(),
)
_UNIT_WORDS = {
    "ngày": {"mai"},
    "tuần": {"trước", "qua", "này", "tới", "vừa qua"},
    "tháng": {"trước", "này", "tới"},
    "năm": {"nay", "ngoái", "trước", "tới"},
}


def _h_unit_word(m: re.Match[str], low: str, text: str) -> _Cand | None:
    start, end = m.start(), m.end()
    if _glued(low, start):
        return None
    unit, word = m.group("u"), " ".join(m.group("w").split())
    number = _back(_BACK_NUM, low, start, 20)
    if number and _prev_word(low, number.start()) != "thứ":  # not "lần thứ hai tuần trước"
        if word != "trước" or not (m.group("day") or _AFTER_PUNCT.match(low, end)):
            return None  # "3 tuần qua" (a span), "hai ngày trước khi …" (before something else)
        return _ago(number.start(), end, _number(number.group("n")), unit, bool(number.group("a")))
    if m.group("day"):
        end = m.end("w")
    if word not in _UNIT_WORDS[unit] or _prev_word(low, start) in _PLURAL:
        return None  # "ngày nay" (nowadays), "những tháng trước", "hàng năm nay"
    if word in ("trước", "tới") and _AFTER_TRUOC.match(low, end):
        return None  # "năm trước đó", "tuần trước khi …"
    if unit == "ngày":
        return _Cand(start, end, _fixed_day(1, 1), relative=True)
    if unit == "tuần":
        cuoi = _back(_BACK_CUOI, low, start, 8)
        if cuoi:
            return _Cand(cuoi.start(), end, _weekend(word), relative=True)
        part = _back(_BACK_DAU, low, start, 8)
        if part:
            return _Cand(part.start(), end, _week_part(word, part.group("part")), relative=True)
        return _Cand(start, end, _fixed_day({"này": 0, "tới": 7}.get(word, -7), 2), relative=True)
    delta = {"trước": -1, "ngoái": -1, "này": 0, "nay": 0, "tới": 1}[word]
    if unit == "tháng":

        def month(ref: datetime.date) -> _Resolved:
            return _iso_month(*_add_months(ref.year, ref.month, delta)), None, 3

        return _Cand(start, end, month, relative=True)
    return _Cand(start, end, lambda ref: (_iso_year(ref.year + delta), None, 3), relative=True)


def _weekend(word: str) -> _Resolver:
    """'cuối tuần qua': the last Saturday before the reference day; 'cuối tuần này/tới': this/next one."""

    def resolve(ref: datetime.date) -> _Resolved:
        if word in ("này", "tới"):
            saturday = _monday(ref) + datetime.timedelta(days=5 + (7 if word == "tới" else 0))
        else:
            saturday = ref - datetime.timedelta(days=(ref.weekday() - 5) % 7 or 7)
        return saturday.isoformat(), None, 2

    return resolve


def _week_part(word: str, part: str) -> _Resolver:
    """'đầu tuần này': the Monday of the reference's week ('giữa': its Wednesday); 'qua'/'trước': the
    week before, 'tới': the week after (never after the reference day when the week is this one)."""

    def resolve(ref: datetime.date) -> _Resolved:
        weeks = {"này": 0, "tới": 1}.get(word, -1)
        day = _monday(ref) + datetime.timedelta(days=7 * weeks + (2 if part == "giữa" else 0))
        return (min(day, ref) if weeks == 0 else day).isoformat(), None, 2

    return resolve


def _ago(start: int, end: int, n: int, unit: str, approx: bool) -> _Cand:
    def resolve(ref: datetime.date) -> _Resolved:
        if unit == "ngày":
            return (ref - datetime.timedelta(days=n)).isoformat(), None, 2 if approx else 1
        if unit == "tuần":
            return (ref - datetime.timedelta(days=7 * n)).isoformat(), None, 2
        if unit == "tháng":
            return _iso_month(*_add_months(ref.year, ref.month, -n)), None, 3
        return _iso_year(ref.year - n), None, 3

    return _Cand(start, end, resolve, relative=True)


_CACH_DAY = re.compile(
    rf"cách{_WS}đây{_WS}(?:(?P<a>{_APPROX}){_WS})?(?P<n>{_NUM}){_WS}(?P<u>ngày|tuần|tháng|năm)(?!\w)"
)


def _h_cach_day(m: re.Match[str], low: str, text: str) -> _Cand | None:
    if _glued(low, m.start()):
        return None
    return _ago(m.start(), m.end(), _number(m.group("n")), m.group("u"), bool(m.group("a")))


_TRUOC_DO = re.compile(rf"trước{_WS}đó(?!\w)")
# "Trước đó cùng ngày", "Trước đó, sáng cùng ngày", "Trước đó vài giờ", "trước đó không lâu":
# earlier the same day, the day told before (read by reference, not against the publication day)
_SAME_DAY_AFTER = re.compile(
    rf"{_OWS},?{_OWS}(?:(?:vào|trong|{_POD}){_WS})?(?:(?:vào|trong|{_POD}){_WS})?"
    rf"(?:(?:cũng{_WS})?(?:trong{_WS})?cùng{_WS}(?:ngày|đêm|hôm|buổi)|(?:cũng{_WS})?trong{_WS}ngày"
    rf"|(?:ít|vài|mấy){_WS}(?:giờ|tiếng|phút)|(?:(?:{_APPROX}){_WS})?(?:{_NUM}){_WS}(?:tiếng|giờ|phút)"
    rf"|không{_WS}lâu|ít{_WS}lâu)(?!\w)"
)


def _h_truoc_do(m: re.Match[str], low: str, text: str) -> _Cand | None:
    prev = _prev_word(low, m.start())
    if _glued(low, m.start()) or prev in _TIME_UNITS or prev.isdigit() or prev in _NUM_WORDS:
        return None  # "hai ngày trước đó": counted from another date
    if _SAME_DAY_AFTER.match(low, m.end()):
        return None  # "Trước đó cùng ngày": the day told before, not the day before publication
    return _Cand(m.start(), m.end(), _fixed_day(-1, 2), relative=True)


# "thứ Hai", "thứ 2", "Chủ nhật", then "tuần trước/này/tới", "vừa qua", "tới", then an optional
# written date: "thứ Hai (28/9)", "Chủ nhật, 27/9", "thứ Bảy ngày 3/10".
_WEEKDAY = _per_head(
    rf"<HEAD>(?!\w)"
    rf"(?:{_WS}(?P<q>tuần{_WS}(?:trước|qua|này|tới|sau|vừa{_WS}qua)|vừa{_WS}qua|vừa{_WS}rồi|tới|này)(?!\w))?"
    rf"(?:(?:(?P<par>{_OWS}\({_OWS})|{_OWS},{_OWS}(?:ngày{_WS})?|{_WS}(?:ngày{_WS})?)"
    rf"(?P<d>{_D})(?P<s>[/-])(?P<m>{_D})(?:(?P=s)(?P<y>{_Y}))?(?(par){_OWS}\)|{_NE}))?",
    rf"thứ{_WS}(?P<name>hai|ba|tư|năm|sáu|bảy|[2-7])",
    rf"(?P<cn>chủ{_WS}nhật)",
)


def _h_weekday(m: re.Match[str], low: str, text: str) -> _Cand | None:
    start, end = m.start(), m.end()
    if _glued(low, start):
        return None
    before = _back(_BACK_WD, low, start)
    pod = _part_of_day(before.group("pod")) if before else None
    cue = before.group("cue") if before else None
    if before:
        start = before.start()
    dated = m.group("d") is not None
    name = m.groupdict().get("name")
    if name:
        if _AFTER_ORDINAL.match(low, m.end("name")):
            return None  # "ngày thứ hai liên tiếp"
        if not before and _prev_word(low, start) in _ORDINAL_NOUNS:
            return None  # "lần thứ hai", "bên thứ Ba"
        capitalised = text[m.start("name")].isupper()
        if not (capitalised or dated or m.group("q")):
            cued = (pod and pod != "đêm") or cue == "hôm" or (not before and _back(_BACK_WEAK, low, start, 8))
            if not cued:
                return None  # "Thứ hai, …" (secondly), "ngày thứ hai", "đứng thứ hai"
        weekday = _WEEKDAYS[name]
    else:
        weekday = 6  # Chủ nhật
    if dated:
        day, month, year = int(m.group("d")), int(m.group("m")), _int(m.group("y"))
        if _possible(day, month, year) and _plausible_year(year):
            return _Cand(start, end, _day_resolver(day, month, year), pod=pod, written_day=True)
        end = m.end("q") if m.group("q") else m.end("name") if name else m.end("cn")
    q = " ".join((m.group("q") or "").split())

    def resolve(ref: datetime.date) -> _Resolved:
        if q in ("tuần trước", "tuần qua", "tuần vừa qua"):
            day = _monday(ref) - datetime.timedelta(days=7 - weekday)
        elif q in ("tuần này", "này"):
            day = _monday(ref) + datetime.timedelta(days=weekday)
        elif q in ("tuần tới", "tuần sau"):
            day = _monday(ref) + datetime.timedelta(days=7 + weekday)
        elif q == "tới":
            day = ref + datetime.timedelta(days=(weekday - ref.weekday()) % 7 or 7)
        else:  # bare, "vừa qua", "vừa rồi": the latest such day on or before the reference
            day = ref - datetime.timedelta(days=(ref.weekday() - weekday) % 7)
        return day.isoformat(), None, 1

    return _Cand(start, end, resolve, relative=True, pod=pod)


# --- scanning ---------------------------------------------------------------------------------

_Handler = Callable[[re.Match[str], str, str], "_Cand | None"]


def _head(pattern: re.Pattern[str]) -> str:
    """The word a pattern's matches start with (after the groups it opens)."""
    source = re.sub(r"^(?:\(\?P<\w+>)+", "", pattern.pattern)
    word = re.match(r"[^\W\d_]*", source).group()
    if source[len(word) : len(word) + 1] in ("?", "*", "{"):
        word = word[:-1]  # its last letter may be missing
    if len(word) < 2 or source[len(word) : len(word) + 1] == "|":
        raise ValueError(f"a date pattern must start with a word: {pattern.pattern!r}")
    return word


_PATTERNS: tuple[tuple[re.Pattern[str], _Handler, str], ...] = tuple(
    (pattern, handler, _head(pattern))
    for pattern, handler in (
        (_NIGHT, _h_night),
        (_MONTH, _h_month),
        (_RANGE_MONTH, _h_range_month),
        (_YEAR, _h_year),
        *((p, _h_range_year) for p in _RANGE_YEAR),
        *((p, _h_day_word) for p in _DAY_WORD),
        *((p, _h_unit_word) for p in _UNIT_WORD),
        (_CACH_DAY, _h_cach_day),
        (_TRUOC_DO, _h_truoc_do),
        *((p, _h_weekday) for p in _WEEKDAY),
    )
)
_HEADS = ahocorasick.Automaton()
for _pattern, _handler, _word in _PATTERNS:
    _HEADS.add_word(_word, _word)
_HEADS.make_automaton()


def _lower(text: str) -> str:
    """Lower-cased text with the same offsets (a char whose lower case is longer stays as it is)."""
    low = lowered(text)
    if len(low) == len(text):
        return low
    del low
    lowered.cache_clear()  # (its copy would stay beside the one made here: memory stays bounded)
    # character by character, a chunk at a time (one string object per character of a whole
    # 20 MB text would take GBs)
    return "".join(
        "".join(c if len(lc := c.lower()) != 1 else lc for c in text[i : i + _LOWER_CHUNK])
        for i in range(0, len(text), _LOWER_CHUNK)
    )


_LOWER_CHUNK = 1 << 12


def _scan(text: str, low: str) -> list[_Cand]:
    """The candidates, non-overlapping: leftmost first, the longest at a position."""
    found: list[_Cand] = []
    for m in _days(low):
        _h_days(m, low, text, found)
    # Each pattern runs where its head word is (as its finditer would: one pass finds all heads).
    heads: dict[str, list[int]] = {}
    for last, head in _HEADS.iter(low):
        heads.setdefault(head, []).append(last + 1 - len(head))
    for pattern, handler, head in _PATTERNS:
        reached = 0
        for position in heads.get(head, ()):
            if position >= reached:
                m = pattern.match(low, position)
                if m is not None:
                    reached = m.end()
                    cand = handler(m, low, text)
                    if cand is not None:
                        found.append(cand)
    found.sort(key=lambda c: (c.start, -c.end))
    kept: list[_Cand] = []
    for cand in found:
        if not kept or cand.start >= kept[-1].end:
            kept.append(cand)
    return kept


# --- public -----------------------------------------------------------------------------------


def _check_precision(published_precision: str) -> None:
    if published_precision not in ("day", "month"):
        raise ValueError(f"published_precision must be 'day' or 'month', not {published_precision!r}")


def _as_date(value: datetime.date) -> datetime.date:
    return value.date() if isinstance(value, datetime.datetime) else value


def _reference(
    cands: list[_Cand], published: datetime.date, published_precision: str
) -> tuple[datetime.date, int]:
    published = _as_date(published)
    if published_precision == "day":
        return published, 1
    first = published.replace(day=1)
    latest: datetime.date | None = None
    for cand in cands:
        if not cand.written_day or cand.relative:
            continue
        resolved = cand.resolve(first)
        for iso in resolved[:2] if resolved else ():
            if iso and len(iso) == 10:
                day = datetime.date.fromisoformat(iso)
                if (day.year, day.month) == (first.year, first.month) and (latest is None or day > latest):
                    latest = day
    if latest is not None:
        return latest, 1
    return first.replace(day=15), 3


def reference_date(
    text: str, published: datetime.date, published_precision: str
) -> tuple[datetime.date, int]:
    """The date the article's news happens on, with its precision. For a day-precision publication:
    the publication date, precision 1. For a month-precision one (``published`` is the 1st of the
    month): the latest written day-month date in the text that falls in that month ("hôm 3-10" ->
    2020-10-03) with precision 1, else the 15th of the month with precision 3."""
    _check_precision(published_precision)
    if published_precision == "day":
        return _as_date(published), 1
    return _reference(_scan(text, _lower(text)), published, published_precision)


def find_dates(text: str, published: datetime.date, published_precision: str = "day") -> list[DateMention]:
    """All date expressions in text, in order of position, non-overlapping.

    Relative expressions resolve against ``reference_date``; their precision is never finer than
    the reference's (in a month-dated article with no written day, "hôm qua" has precision 3).
    """
    _check_precision(published_precision)
    low = _lower(text)
    cands = _scan(text, low)
    ref, ref_precision = _reference(cands, published, published_precision)
    mentions = []
    for cand in cands:
        resolved = cand.resolve(ref)
        if resolved is None:
            continue
        date, date_end, precision = resolved
        if cand.relative:
            precision = max(precision, ref_precision)
        # (its "từ" must be within reach: most dates have none, and then no regex needs to run)
        opens = (
            not cand.is_range
            and low.find("từ", max(0, cand.start - 20), cand.start) != -1
            and _back(_BACK_OPENS, low, cand.start, 20) is not None
        )
        mentions.append(
            DateMention(
                start=cand.start,
                end=cand.end,
                surface=text[cand.start : cand.end],
                date=date,
                date_end=date_end,
                precision=precision,
                relative=cand.relative,
                part_of_day=cand.pod,
                opens_range=opens,
            )
        )
    return mentions


_PUBLISHED = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")


def parse_published(value: str) -> tuple[datetime.date, str]:
    """'2020-09-28' -> (date(2020, 9, 28), 'day'); '2020-10' -> (date(2020, 10, 1), 'month')."""
    m = _PUBLISHED.fullmatch(value.strip()) if isinstance(value, str) else None
    if m is None:
        raise ValueError(f"publication date {value!r} is not YYYY-MM-DD or YYYY-MM")
    year, month = int(m.group(1)), int(m.group(2))
    try:
        date = datetime.date(year, month, int(m.group(3) or 1))
    except ValueError as exc:
        raise ValueError(f"publication date {value!r} is not a calendar date ({exc})") from None
    return date, "day" if m.group(3) else "month"
