"""Assemble ACLED-style event records from event clauses, places and dates.

For each event clause: the date (the clause's own, else its sentence's, else the article's
reference date at precision 2), the location (a place the clause locates with a cue, never
an actor; else the article's focus), fatalities stated for that clause, who claims it, the
actors, and ``background`` for dated mentions of the past.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

import ahocorasick

from events import lexicon
from events.clauses import Clause
from events.mentions import Mention
from events.resolve import ResolvedPlace, is_actor_mention
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
SPECIFICITY = {"border-area": 0, "village": 0, "town": 0, "city": 0, "admin2": 1, "other": 1, "river": 1,
               "region": 2, "admin1": 2, "country": 3}  # fmt: skip


@dataclass(slots=True)
class DateRef:
    """A resolved date for an event: ISO date, optional end, ACLED precision."""

    date: str | None  # None: an undated article's event the text does not date absolutely
    date_end: str | None
    precision: int
    own: bool = True  # read from the event's sentence (False: the article's reference date)


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


def is_actor(place: ResolvedPlace) -> bool:
    """A place named as who acts ("Bộ Quốc phòng Armenia", "phía Azerbaijan"), not where."""
    return is_actor_mention(place.mention)


def _in(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    for s, e in spans:  # noqa: SIM110 (a loop: any() over a generator is twice as slow here)
        if s <= start and end <= e:
            return True
    return False


@functools.lru_cache(maxsize=2)
def _lowered(text: str) -> str:
    """The article lower-cased, once for all its events (the same text object comes again)."""
    return text.lower()


def _located(p: ResolvedPlace) -> bool:
    """A place the text puts an event at: a border area, or not an actor and cued or not a country."""
    kind = p.place.kind
    if kind == "border-area":
        return True
    if is_actor(p):
        return False
    return kind != "country" or p.mention.cue in _LOCATIVE


def choose_location(
    clause: Clause, sentence: tuple[int, int], places: list[ResolvedPlace]
) -> ResolvedPlace | None:
    """The clause's place: a located place (cue, or not a country), most specific, never an actor."""
    # the most specific (then the first) located place in the clause, else in the sentence
    best_in_clause: ResolvedPlace | None = None
    best_in_sentence: ResolvedPlace | None = None
    clause_key = sentence_key = (4, 0)  # above any place's key
    for p in places:
        start, end = p.mention.start, p.mention.end
        in_clause = _in(clause.spans, start, end)
        in_sentence = sentence[0] <= start and end <= sentence[1]
        if not (in_clause or in_sentence) or not _located(p):
            continue
        key = (SPECIFICITY.get(p.place.kind, 3), start)
        if in_clause and key < clause_key:
            best_in_clause, clause_key = p, key
        if in_sentence and key < sentence_key:
            best_in_sentence, sentence_key = p, key
    if best_in_clause is not None or best_in_sentence is not None:
        return best_in_clause or best_in_sentence
    cue = clause.cue_start if clause.cue_start is not None else clause.start
    for p in places:  # "nã pháo vào các vị trí của quân đội Ukraine": the target's country
        if (
            p.mention.start > cue
            and _in(clause.spans, p.mention.start, p.mention.end)
            and _TARGET_OF.search(p.mention.preceding)
        ):
            return p
    return None


def subject_country(
    clause: Clause, sentence: tuple[int, int], places: list[ResolvedPlace]
) -> ResolvedPlace | None:
    """Who declares, calls, signs: the country named before the cue in the clause, else the
    nearest before the clause in its sentence ("Bộ Ngoại giao Nga, trung gian …, kêu gọi …")."""
    cue = clause.cue_start if clause.cue_start is not None else clause.start
    countries = [
        p for p in places if p.place.kind == "country" and sentence[0] <= p.mention.start < sentence[1]
    ]
    in_clause = [p for p in countries if clause.start <= p.mention.start < cue]
    if in_clause:
        return in_clause[0]
    before = [p for p in countries if p.mention.start < clause.start]
    return before[-1] if before else None


def claim(
    text: str,
    sentence: tuple[int, int],
    places: list[ResolvedPlace],
    before: int,
    spans: list[tuple[int, int]] | None = None,
) -> tuple[str, int] | None:
    """Who the sentence says reports the event: (label, position), the nearest before ``before``;
    else, when the clause's ``spans`` are given, the first inside them ("…, Bộ Quốc phòng Nga cho
    biết"), never one that speaks in another clause after the event."""
    found = []
    lower = _lowered(text)
    for p in places:
        if not (sentence[0] <= p.mention.start < sentence[1]) or p.place.kind not in ("country", "region"):
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
    if not found:
        return None
    earlier = [f for f in found if f[1] <= before]
    if earlier:
        return max(earlier, key=lambda f: f[1])
    if spans is not None:
        return next((f for f in found if any(s <= f[1] < e for s, e in spans)), None)
    return found[0]


# "bị X tấn công": X acts; "cuộc tấn công của X", "các cuộc pháo kích từ phía X": X acts.
_PASSIVE = re.compile(r"(?<!\w)bị\s+(?:(?:quân đội|lực lượng|các lực lượng|quân|phía|pháo binh)\s+)?$")
_ATTACK_OF_ENDS = ("của", "phía", "từ", "đội", "lượng", "quân")  # what _ATTACK_OF's text ends with
_ATTACK_OF = re.compile(
    r"(?:tấn công|pháo kích|không kích|tập kích|oanh tạc|đột kích|tiến công|bắn phá|tên lửa|rocket|uav|drone"
    r"|máy bay không người lái|pháo binh|đạn pháo)[^,.;]{0,30}?\s"
    r"(?:của|từ phía|từ)\s+(?:(?:quân đội|lực lượng|các lực lượng|phía|quân)\s+)?$"
)


def actors(
    event_type: str,
    clause: Clause,
    places: list[ResolvedPlace],
    claimant: tuple[str, int] | None,
) -> tuple[str | None, str | None]:
    """actor1 (who acts) and actor2 (the other side), from the clause's countries.

    Who acts: a country inside the cue ("pháo binh Armenia đã bắn", "UAV Ukraine tấn công"), the
    agent of a passive ("bị Nga tấn công") or of an attack noun ("cuộc tấn công của Azerbaijan"),
    else the country named last before the cue that is not the claimant, else the claimant
    ("Quân đội Israel cho biết đã không kích …"). The other side: the passive's subject, else the
    first other country of the clause.
    """
    countries = [
        p for p in places if p.place.kind == "country" and _in(clause.spans, p.mention.start, p.mention.end)
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
    ]
    before = [p for p in countries if p.mention.start < cue and p.mention.start != claimant_at]
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
    elif before:
        first = before[-1]
    if first is None and claimant_at is not None:
        first = next(
            (p for p in places if p.mention.start == claimant_at and p.place.kind == "country"), None
        )
    if second is None and attacker and first is attacker[0] and claimant_at is not None:
        second = next(  # "Bộ Quốc phòng Armenia cho hay … đã đẩy lùi cuộc tấn công của Azerbaijan"
            (p for p in places if p.mention.start == claimant_at and p.place.kind == "country"
             and p.place.country != first.place.country),
            None,
        )  # fmt: skip
    if second is None:
        second = next((p for p in countries if first is None or p.place.country != first.place.country), None)
    template = "Military Forces of {}" if event_type in VIOLENT else (
        "Protesters ({})" if event_type == lexicon.PROTESTS else "Government of {}"
    )  # fmt: skip
    return (
        template.format(first.place.name) if first else None,
        template.format(second.place.name) if second and event_type != lexicon.PROTESTS else None,
    )


def is_background(date: str, reference_year: int) -> bool:
    """A dated mention of the past, not news of the article's time (before last year)."""
    return int(date[:4]) < reference_year - 1


_SETTLEMENT_CUES = frozenset(
    {"làng", "ngôi làng", "xã", "thôn", "bản", "thị trấn", "thị xã", "khu định cư", "thành phố", "huyện",
     "quận", "khu", "trại tị nạn", "trại", "đồn", "cảng", "sân bay", "căn cứ", "cửa khẩu"}
)  # fmt: skip


def written_place(clause: Clause, unresolved: list[Mention]) -> Mention | None:
    """A place the clause names with a settlement cue that the gazetteer lacks ("làng Novomykhailivka")."""
    for u in unresolved:
        if u.cue in _SETTLEMENT_CUES and _in(clause.spans, u.start, u.end):
            return u
    return None


def event_record(
    article_id: str,
    ordinal: int,
    text: str,
    clause: Clause,
    sentence: tuple[int, int],
    when: DateRef,
    reference_year: int,
    places: list[ResolvedPlace],
    focus: Candidate | None,
    unresolved: list[Mention] | None = None,
) -> dict:
    """One event in the output contract's shape.

    A place the gazetteer lacks ("làng X ở tỉnh Y") is coded ACLED's way: at the nearest named
    place the sentence ties it to (the province, the town), geo_precision 2 at least, with the
    written name in ``location_written``.
    """
    if clause.event_type == lexicon.STRATEGIC:
        # a declaration or a statement happens where its author is, unless it names a town or
        # a region for it ("ban bố thiết quân luật ở thị trấn Lashio")
        chosen = choose_location(clause, sentence, places)
        located = None if chosen is None or chosen.place.kind == "country" else chosen
        where = located or subject_country(clause, sentence, places) or chosen
    else:
        where = choose_location(clause, sentence, places)
    place: Candidate | None = where.place if where else focus
    precision = where.geo_precision if where else 3
    written = written_place(clause, unresolved) if unresolved else None
    if written is not None:  # ACLED: a place near or in the named one (a country: only that is known)
        precision = 3 if where is None or where.place.kind == "country" else 2
    claimant = claim(text, sentence, places, clause.cue_start or clause.start, clause.spans)
    actor1, actor2 = actors(clause.event_type, clause, places, claimant)
    deaths = None
    for start, end in clause.spans:
        if deaths is None:
            deaths = fatalities(text[start:end])
    background = when.date is not None and is_background(when.date, reference_year)
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
        "lat": round(place.lat, 5) if place else None,
        "lon": round(place.lon, 5) if place else None,
        "geo_precision": precision,
        "country": place.country if place else None,
        "actor1": actor1,
        "actor2": actor2,
        "fatalities": deaths,
        "claimed_by": claimant[0] if claimant else None,
        "background": background,
        "cue": clause.cue,
        "text": text[sentence[0] : sentence[1]],
        "start": sentence[0],
        "end": sentence[1],
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
        return ours == theirs
    return len(ours | theirs) <= 2


def _dates_agree(event: dict, mention: dict, event_own: bool, mention_own: bool) -> bool:
    return event["date"] == mention["date"] or not (event_own and mention_own)


def incidents(candidates: list[tuple[dict, dict]], text: str) -> list[dict]:
    """One event per incident (ACLED's unit): each ``(record, how)`` joins an earlier event of the
    article with the same event and sub-event type, place, day (one side may be undated) and
    actors (none contradicting) when the two can be told to be one incident: the mention comes
    from a headline or a caption (``how["support"]``: those never make an event of their own),
    or :func:`retells` an incident (its cue ends at ``how["cue_end"]``), or both are at a named
    place (``how["specific"]``). The event keeps every mention (``mentions``), the first claim and
    date read from the text, the actors any mention names, and the lowest fatality figure
    (ACLED's conservative rule)."""
    events: list[dict] = []
    same: dict[tuple, list[tuple[dict, dict]]] = {}  # earlier events by type, place, background
    ordered = [c for c in candidates if not c[1]["support"]] + [c for c in candidates if c[1]["support"]]
    for record, how in ordered:
        key = (record["event_type"], record["sub_event_type"], record["place_id"], record["background"])
        earlier = same.setdefault(key, [])
        joined = None
        may_join = None  # whether this mention may join an event that is not at a named place
        for event, event_how in reversed(earlier):
            if not (how["support"] or (how["specific"] and event_how["specific"])):
                if may_join is None:
                    may_join = retells(record, text, how["cue_end"])
                if not may_join:
                    continue
            if not _dates_agree(event, record, event_how["own_date"], how["own_date"]) or not _actors_agree(
                event, record
            ):
                continue
            if joined is None or (event["date"] == record["date"] and joined[0]["date"] != record["date"]):
                joined = (event, event_how)
        if joined is None:
            if not how["support"]:
                record["mentions"] = [how["mention"]]
                events.append(record)
                earlier.append((record, how))
            continue
        event, event_how = joined
        event["mentions"].append(how["mention"])
        event["mentions"].sort(key=lambda m: m["start"])
        for field in ("actor1", "actor2", "claimed_by", "location_written"):
            if event[field] is None and record[field] is not None:
                event[field] = record[field]
        figures = [f for f in (event["fatalities"], record["fatalities"]) if f is not None]
        event["fatalities"] = min(figures) if figures else None
        if how["own_date"] and not event_how["own_date"]:
            event["date"], event["date_end"] = record["date"], record["date_end"]
            event["time_precision"] = record["time_precision"]
            event_how["own_date"] = True
    return events


def iso(day: dt.date) -> str:
    return day.isoformat()
