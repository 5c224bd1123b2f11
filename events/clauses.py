"""Split sentences into clauses and read each clause's event cue (ACLED type and sub-type).

One event per event-bearing clause: a sentence is cut at semicolons, commas and the
conjunctions that join two reports ("trong khi", "sau khi", "nhưng", "còn"); the cue of
highest priority in a clause decides its type. Clauses of one sentence with the same type
are one event (a list of destroyed materiel is one clash, not three).

A cue is an event only when its clause reports it as having happened or happening: a word of
the factuality classes of ``lexicon.NOT_REPORTED`` before it in the clause (intent, appeal,
hedge, condition, denial, topic, picture), a modal right after it, or a negation right before
it makes the clause no event (and no continuation of the event before it either).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

import ahocorasick

from events import lexicon
from events.phrases import lowered_by_offsets

_CONJUNCTIONS = "trong khi|sau khi|nhưng|còn|song|tuy nhiên|đồng thời|khiến cho"
# (the leading lookahead, implied by every alternative, lets the regex engine skip to a candidate)
_CUT = re.compile(rf"(?=[\s;,])(?:\s*;\s*|,\s+|\s+(?=(?:{_CONJUNCTIONS})\s))")
_STARTS_WITH_CONJUNCTION = re.compile(rf"(?:{_CONJUNCTIONS})\s")


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regex alternation."""
    alternatives, depth, current = [], 0, ""
    for char in pattern:
        if char == "|" and depth == 0:
            alternatives.append(current)
            current = ""
            continue
        depth += (char == "(") - (char == ")")
        current += char
    alternatives.append(current)
    return alternatives


def _leading_literals(pattern: str) -> tuple[str, ...]:
    """The literal text each top-level alternative of a cue pattern starts with."""
    alternatives = _alternatives(pattern)
    literals = []
    for alternative in alternatives:
        literal = re.split(r"[\\(\[.*+?{]", alternative, maxsplit=1)[0]
        if alternative[len(literal) : len(literal) + 1] in ("?", "*", "{"):
            literal = literal[:-1]  # its last character may be missing ("lính?")
        literals.append(literal)
    if any(len(literal) < 2 for literal in literals):
        raise ValueError(f"every alternative of a cue must start with a word: {pattern!r}")
    return tuple(literals)


_CUES = [(re.compile(p), t, s, prio) for p, t, s, prio in lexicon.EVENT_CUES]
_NOT_REPORTED_AFTER = re.compile(rf"\s*(?:[^\s,;.]+\s+){{0,4}}?(?:{lexicon.NOT_REPORTED_AFTER})(?!\w)")
_NEGATED_BEFORE = re.compile(lexicon.NEGATED_BEFORE)
# A picture as the evidence of what it shows: "Video … cho thấy các cuộc không kích nhắm vào thị trấn
# Talbiseh", "công bố video cáo buộc hải cảnh … phun vòi rồng": the occurrence is reported (a picture
# of a moment, "cho thấy khoảnh khắc UAV tấn công", is still a picture: its own word is a marker too)
_SHOWS = re.compile(rf"(?<!\w)(?:{lexicon.MEDIA_SHOWS})(?!\w)")
_MEDIA = list(lexicon.NOT_REPORTED).index("media")
_DURATION_BEFORE = re.compile(lexicon.DURATION_BEFORE)
# A tally of incidents right before the cue, aimed nowhere: "đã có 172 cuộc giao tranh xảy ra", "thực
# hiện 3.038 cuộc pháo kích" (a day's or a war's count; "hàng chục cuộc không kích nhằm vào các kho vũ
# khí gần Damascus" is one incident, told where it struck)
_TALLY_BEFORE = re.compile(r"(?<![\w.,])(?:\d{2,}|\d{1,3}(?:[.,]\d{3})+)\s+(?:vụ|cuộc|đợt|trận|lần)\s+$")
_TALLY_WORDS = ("vụ", "cuộc", "đợt", "trận", "lần")  # (its last words: see _ends_with)
_AIMED = re.compile(r"(?<!\w)(?:ở|tại|vào|nhằm vào|nhắm vào|gần|xuống|trên)\s")
_RESULTS = lexicon.RESULT_CUES
BATTLES = lexicon.BATTLES
_VIOLENT = frozenset({lexicon.BATTLES, lexicon.REMOTE, lexicon.CIVILIANS})
_COMPOUND = re.compile(lexicon.COMPOUND_BEFORE)
_WEAPON_BEFORE = re.compile(lexicon.WEAPON_BEFORE)


def _last_words(pattern: str) -> tuple[str, ...] | None:
    """The words of a pattern "(?:a|b c|…)\\s+$" (None for any other form): what the text before a
    cue must end with, spaces aside, for the pattern to find anything there."""
    m = re.fullmatch(r"\(\?:([^()\[\]\\?*+{}.^$]+)\)\\s\+\$", pattern)
    return tuple(m.group(1).split("|")) if m else None


def _ends_with(lower: str, start: int, end: int, words: tuple[str, ...] | None) -> bool:
    """Whether lower[start:end] ends with one of ``words`` and then whitespace (``words`` None:
    True): a necessary condition of a pattern "(?:words)\\s+$" searched there, tested without it."""
    if words is None:
        return True
    window = lower[start:end]
    head = window.rstrip()
    return len(head) < len(window) and head.endswith(words)


_COMPOUND_WORDS = _last_words(lexicon.COMPOUND_BEFORE)
_WEAPON_WORDS = _last_words(lexicon.WEAPON_BEFORE)
_ATTACK_VERB = re.compile(rf"(?:{lexicon.ATTACK_VERBS})(?!\w)")
_MEANS_SUBS = list(lexicon.MEANS)
_MEANS_GROUPS = "|".join(f"(?P<m{i}>{means})" for i, means in enumerate(lexicon.MEANS.values()))
_MEANS_GROUPS_2 = "|".join(f"(?P<n{i}>{means})" for i, means in enumerate(lexicon.MEANS.values()))
_COUNT = lexicon.MEANS_QUANTITY + lexicon.MEANS_UNIT
# "tấn công tên lửa", "tập kích bằng 30 UAV", "tấn công … bằng hàng chục quả rocket"
_MEANS_AFTER = re.compile(
    rf"(?:\s+(?:{lexicon.MEANS_WORDS}))?\s+{_COUNT}(?:{_MEANS_GROUPS})(?!\w)"
    rf"|(?:\s+[^\s,;.]+){{1,8}}?\s+(?:{lexicon.MEANS_WORDS})\s+{_COUNT}(?:{_MEANS_GROUPS_2})(?!\w)"
    # an air force that owns or makes the attack: "cuộc tập kích dữ dội của không quân Israel", "cuộc
    # tấn công mới nhất do không quân Israel tiến hành" (group p0: the first of lexicon.MEANS, the air)
    r"|(?:\s+[^\s,;.]+){0,3}?\s+(?:của|do)\s+(?:lực lượng\s+)?"
    r"(?P<p0>không quân|chiến đấu cơ|máy bay chiến đấu|tiêm kích|oanh tạc cơ)(?!\w)"
)
# The means an attack's subject names before the verb: "Máy bay chiến đấu … đã tấn công", "tên lửa
# Nga tập kích" (never a target: "căn cứ không quân", nor the air defence: "phòng không").
# (the pattern starts with its words, so the regex engine skips to where one may start; the
# word boundary before it and the targets are checked on each match)
_MEANS_BEFORE = re.compile(
    r"(?P<air>máy bay chiến đấu|máy bay quân sự|máy bay không người lái|thiết bị bay(?: không người lái)?|uav"
    r"|drone|tiêm kích|chiến đấu cơ|oanh tạc cơ|trực thăng vũ trang|phi cơ)(?!\w)"
    r"|(?P<shelling>tên lửa|hỏa tiễn|rocket|pháo binh|pháo(?! đài| hoa)|súng cối|tàu chiến"
    r"|tàu khu trục)(?!\w)"
)
# an air force as the subject right before the verb (not a claimant: "Không quân Ukraine cho biết Nga …")
_AIR_FORCE_BEFORE = re.compile(
    r"(?<!\w)không quân(?:\s+[^\s,;.]+){0,2}?\s+(?:(?:cũng|đã|vừa|tiếp tục|lại)\s+)*$"
)
_MEANS_BEFORE_SUBS = {"air": "Air/drone strike", "shelling": "Shelling/artillery/missile attack"}
_NOT_MEANS = ("căn cứ ", "sân bay ", "phòng ")  # "căn cứ không quân" is a target
_MARKER_TRIGGER = -1  # a word of the factuality classes (lexicon.NOT_REPORTED) may start here
_CONJUNCTION_TRIGGER = -2  # a conjunction that may cut the sentence
# One Aho-Corasick pass finds where the cue patterns can match a sentence: every alternative of
# a pattern starts with its literal, so a pattern is tried only where one of its literals starts.
_TRIGGERS = ahocorasick.Automaton()
_LITERALS: dict[str, list[int]] = {}
for _index, (_pattern, *_) in enumerate(lexicon.EVENT_CUES):
    for _literal in _leading_literals(_pattern):
        _LITERALS.setdefault(_literal, []).append(_index)
for _alternation in (*lexicon.NOT_REPORTED.values(), lexicon.NOT_REPORTED_AFTER, "|".join(lexicon.NEGATIONS)):
    for _literal in _leading_literals(_alternation):
        _LITERALS.setdefault(_literal, []).append(_MARKER_TRIGGER)
# The factuality words by the literal they start with: at a marker only its own words are tried.
_CLASSES = list(lexicon.NOT_REPORTED)
_BY_LITERAL: dict[str, list[str]] = {}
for _class, _alternation in enumerate(lexicon.NOT_REPORTED.values()):
    for _literal, _alternative in zip(
        _leading_literals(_alternation), _alternatives(_alternation), strict=True
    ):
        _words = _BY_LITERAL.setdefault(_literal, [])
        _words.append(f"(?P<c{_class}_{len(_words)}>{_alternative})")
_MARKER_WORDS = {
    literal: re.compile(rf"(?<!\w)(?:{'|'.join(words)})(?!\w)") for literal, words in _BY_LITERAL.items()
}
for _literal in _CONJUNCTIONS.split("|"):
    _LITERALS.setdefault(_literal, []).append(_CONJUNCTION_TRIGGER)
for _literal, _indices in _LITERALS.items():  # (length, pattern indices, whether a marker starts)
    _patterns = tuple(sorted(set(_indices) - {_MARKER_TRIGGER}))  # (no comprehension: see below)
    _TRIGGERS.add_word(_literal, (len(_literal), _patterns, _MARKER_TRIGGER in _indices))
_TRIGGERS.make_automaton()


@dataclass(slots=True)
class Clause:
    start: int  # offsets into the article text
    end: int
    text: str
    spans: list[tuple[int, int]] = field(default_factory=list)  # this clause and those merged into it
    event_type: str | None = None
    sub_event_type: str | None = None
    cue_start: int | None = None  # where the cue is, in article offsets
    cue: str | None = None
    after_comma: bool = False  # cut from the clause before by a comma, not by a conjunction
    history_only: bool = False  # its cue makes a background event only (talks: lexicon.HISTORY_ONLY)
    # a series or a plural of attacks told with a purpose ("hàng loạt vụ tấn công", "các cuộc tấn
    # công … nhằm ủng hộ …"): an incident only with a day or a toll of its own (events.pipeline)
    attacks_in_general: bool = False


def _clause_spans(text: str, start: int, end: int, may_cut: bool = True) -> Iterator[tuple[int, int, bool]]:
    """(start, end, after a comma) of each clause of the sentence text[start:end]; ``may_cut``
    False: it has no comma, semicolon or conjunction (one clause)."""
    if not may_cut:
        if start < end:
            yield start, end, False
        return
    position = start
    comma = False
    for m in _CUT.finditer(text, start, end):
        cut = m.start()
        if cut > position:
            yield position, cut, comma
        position = m.end()
        # cut by ", " (not by ";" or before a conjunction), and no conjunction after it
        comma = text[cut] == "," and not _STARTS_WITH_CONJUNCTION.match(text, position, end)
    if position < end:
        yield position, end, comma


class Cue(NamedTuple):
    start: int  # article offsets
    end: int
    event_type: str
    sub_event_type: str
    priority: int


# (a Cue made as its NamedTuple __new__ makes it, without that interpreted function's frame)
_tuple_new = tuple.__new__
if Cue._fields != ("start", "end", "event_type", "sub_event_type", "priority"):
    raise RuntimeError("Cue's fields changed: update _find_cues")


def find_cues(text: str, start: int, end: int) -> tuple[list[Cue], list[int]]:
    """Event cues of the sentence text[start:end] (as each pattern's finditer), and where a word of
    the factuality classes may start (article offsets)."""
    cues, markers, _, _ = _find_cues(text, start, end)
    return cues, [start + m for m, _ in markers]


def _find_cues(text: str, start: int, end: int) -> tuple[list[Cue], list[tuple[int, int]], bool, str]:
    """:func:`find_cues` (marker positions relative to ``start``), whether a comma, a semicolon or
    a conjunction may cut the sentence, and the sentence lower-cased."""
    whole = lowered_by_offsets(text)  # (the article's, lower-cased once for all its sentences)
    lower = whole[start:end] if whole is not None else text[start:end].lower()
    # (pattern index, where one of its literals starts), by pattern then position
    found = list(_TRIGGERS.iter(lower))
    hits = sorted([(index, last + 1 - value[0]) for last, value in found for index in value[1]])
    # (where, length): a word of the factuality classes may start
    markers = sorted([(last + 1 - value[0], value[0]) for last, value in found if value[2]])
    cues: list[Cue] = []
    may_cut = "," in lower or ";" in lower
    current, reached = None, 0
    for index, position in hits:
        if index != current:
            current, reached = index, 0
        if position < reached:
            continue  # inside the pattern's last match
        if index == _CONJUNCTION_TRIGGER:
            may_cut = True
        else:
            pattern, event_type, sub_type, priority = _CUES[index]
            m = pattern.match(lower, position)
            if (
                m
                and event_type == BATTLES
                and _ends_with(lower, max(0, position - 16), position, _COMPOUND_WORDS)
                and _COMPOUND.search(lower, max(0, position - 16), position)
            ):
                reached = m.end()  # "máy bay chiến đấu", "những kẻ tấn công": a noun, not an event
            elif (
                m
                and _ends_with(lower, max(0, position - 12), position, _WEAPON_WORDS)
                and _WEAPON_BEFORE.search(lower, max(0, position - 12), position)
            ):
                reached = m.end()  # "bệ phóng tên lửa": a launcher, not a launch
            elif m and _in_name(text, start + position, start, end):
                reached = m.end()  # "Hải quân Quân Giải phóng nhân dân": a name
            elif m:
                reached = m.end()
                found_cue = (start + position, start + reached, event_type, sub_type, priority)
                cues.append(_tuple_new(Cue, found_cue))
    return cues, markers, may_cut, lower


def _in_name(text: str, at: int, start: int, end: int) -> bool:
    """Whether the cue at ``at`` is capitalised inside its sentence text[start:end], right after a
    capitalised word: then it is part of a name ("Quân Giải phóng nhân dân Trung Quốc", "Tư lệnh Quân
    Giải phóng"), not an occurrence, unless the sentence capitalises most of its words (a
    headline in title case: "Nga Tấn Công Thành Phố Kharkiv")."""
    if at <= start or not text[at].isupper() or not text[at + 1 : at + 2].islower():
        return False  # (an acronym is no name's word: "một UAV của RSF đánh vào")
    before = text[max(start, at - 2) : at]
    if len(before) < 2 or before[1] != " " or not before[0].isalpha():
        return False
    # the name goes on from a capitalised word ("Quân Giải phóng"), not from lower-case text glued to
    # the cue ("… hôm 5/11 Giao tranh")
    previous = text[max(start, at - 30) : at].split()[-1:]
    if not (previous and previous[0][:1].isupper()):
        return False
    words = text[start:end].split()
    return 2 * sum(w[:1].isupper() for w in words) <= len(words)


def _strongest(cues: list[Cue], start: int, end: int, starts: list[int] | None = None) -> Cue | None:
    """The cue that decides the type of the clause text[start:end] (None: not an event).

    ``starts``: the starts of ``cues`` when they are in text order (then the clause's are found
    by bisection: linear time in a sentence of many clauses)."""
    if starts is not None:
        cues = cues[bisect_left(starts, start) : bisect_left(starts, end)]
    best = None
    for cue in cues:  # the highest priority, then the first
        if start <= cue.start < end and (
            best is None or (-cue.priority, cue.start) < (-best.priority, best.start)
        ):
            best = cue
    if best is None or best.event_type not in _VIOLENT:
        return best
    # "biểu tình phản đối các cuộc không kích": the violence is what the protest is about
    demonstrations = (lexicon.PROTESTS, lexicon.RIOTS)
    return next((c for c in cues if start <= c.start < best.start and c.event_type in demonstrations), best)


def by_means(text: str, start: int, cue: Cue, end: int | None = None, lower: str | None = None) -> Cue:
    """An attack ("tấn công", "tập kích" …, also "tấn công một trường học") typed by its means
    (ACLED types by means, not by verb): the means it is made with, right after the verb or after
    "bằng" in the clause (up to ``end``), else the means its subject names before it in the
    sentence text[start:…] (after the last semicolon). Aircraft and drones make an air/drone
    strike, missiles, rockets and guns a shelling, mines and IEDs an explosive attack.
    ``lower``: the sentence lower-cased from ``start`` on, when the caller has it."""
    if cue.event_type not in (BATTLES, lexicon.CIVILIANS):
        return cue
    if end is None:
        end = min(len(text), cue.start + 120)
    if lower is None:
        lower = text[start:end].lower()
    at = cue.start - start
    verb = _ATTACK_VERB.match(lower, at, end - start)
    if verb is None:
        return cue
    m = _MEANS_AFTER.match(lower, verb.end(), end - start)
    if m is not None and m.lastgroup:
        return Cue(cue.start, cue.end, lexicon.REMOTE, _MEANS_SUBS[int(m.lastgroup[1:])], cue.priority)
    region = lower.rfind(";", 0, at) + 1
    if _AIR_FORCE_BEFORE.search(lower, max(region, at - 60), at):  # "không quân Israel cũng tập kích …"
        return Cue(cue.start, cue.end, lexicon.REMOTE, "Air/drone strike", cue.priority)
    for m in _MEANS_BEFORE.finditer(lower, region, at):
        position = m.start()
        if (position == 0 or not lower[position - 1].isalnum()) and not lower.endswith(
            _NOT_MEANS, 0, position
        ):
            return Cue(
                cue.start, cue.end, lexicon.REMOTE, _MEANS_BEFORE_SUBS[m.lastgroup or ""], cue.priority
            )
    return cue


# an agreement already in force, that a clause breaks, keeps to or acts under: not news of its own
_AGREEMENT_IN_FORCE = re.compile(
    r"(?<!\w)(?:vi phạm|phá vỡ|phá hoại|tuân thủ|duy trì|theo|khuôn khổ|bất chấp|trong thời gian)"
    r"\s+(?:(?:các|những|một|cả)\s+)?$"
)
_PROTEST_SETTING = re.compile(rf"(?<!\w)(?:{lexicon.PROTEST_SETTING})(?!\w)")
_INTERVENTION = re.compile(rf"(?<!\w)(?:{lexicon.INTERVENTION_WORDS})(?!\w)")


def with_intervention(
    cue: Cue, lower: str, clause_start: int, clause_end: int, start: int, intervened: bool | None = None
) -> Cue:
    """An arrest or a dispersal (water cannon, tear gas) in a sentence that tells a protest is the
    protest with the intervention (ACLED), not a strategic development of its own. ``lower``: the
    sentence lower-cased from ``start`` on; ``intervened``: whether it holds an intervention word,
    when the caller knows."""
    if cue.event_type == lexicon.PROTESTS and cue.sub_event_type == "Peaceful protest":
        # "Cảnh sát bắn hơi cay vào những người biểu tình", "Người dân biểu tình trở lại, cảnh sát
        # bắn hơi cay giải tán": the protest the police broke up, wherever in the sentence
        if _INTERVENTION.search(lower) is not None if intervened is None else intervened:
            return Cue(cue.start, cue.end, lexicon.PROTESTS, "Protest with intervention", cue.priority)
        return cue
    if cue.event_type != lexicon.STRATEGIC:
        return cue
    if cue.sub_event_type not in lexicon.INTERVENTION_SUBS and not _INTERVENTION.search(
        lower, clause_start - start, clause_end - start
    ):
        return cue
    if not _PROTEST_SETTING.search(lower):
        return cue
    return Cue(cue.start, cue.end, lexicon.PROTESTS, "Protest with intervention", cue.priority)


_ARMED = re.compile(rf"(?<!\w)(?:{lexicon.ARMED_SUBJECTS})(?!\w)")


def by_armed_men(cue: Cue, lower: str, clause_start: int, start: int) -> Cue:
    """Burning and looting by armed men ("Những kẻ tấn công cũng đốt phá chợ") is no riot (a
    crowd's violence, ACLED) but property destruction: an event of its own, or part of the attack
    they have just made (events.pipeline). ``lower``: the sentence lower-cased from ``start`` on."""
    if cue.event_type != lexicon.RIOTS or cue.sub_event_type != "Violent demonstration":
        return cue
    if not _ARMED.search(lower, clause_start - start, cue.start - start):
        return cue
    return Cue(cue.start, cue.end, lexicon.STRATEGIC, "Looting/property destruction", cue.priority)


_ARMED_PERSON = re.compile(rf"(?<!\w)(?:{lexicon.ARMED_PERSONS})(?!\w)")
_KILLINGS = ("sát hại", "giết hại", "bắn chết")
_PASSIVE_BEFORE = re.compile(r"(?<!\w)(?:đã |vừa )?bị\s+$")


def by_victim(cue: Cue, lower: str, clause_start: int, clause_end: int, start: int) -> Cue:
    """A killing whose victim is armed ("thủ lĩnh lực lượng SSA … bị sát hại", "bắn chết một chỉ huy
    phiến quân") is fighting, not violence against civilians (ACLED's civilians are unarmed): the
    victim is the subject before a passive "bị", else the object right after the verb."""
    if cue.event_type != lexicon.CIVILIANS or not lower.startswith(_KILLINGS, cue.start - start):
        return cue
    at, end = cue.start - start, cue.end - start
    if _PASSIVE_BEFORE.search(lower, max(clause_start - start, at - 12), at):
        armed = _ARMED_PERSON.search(lower, max(clause_start - start, at - 100), at)
    else:
        armed = _ARMED_PERSON.match(lower, end + 1, clause_end - start) or _ARMED_PERSON.match(
            lower, end + 5, clause_end - start
        )  # "bắn chết chỉ huy …", "bắn chết một chỉ huy …" ("một " is 4 letters and a space)
    if armed is None:
        return cue
    return Cue(cue.start, cue.end, BATTLES, "Armed clash", cue.priority)


def protest_setting(lower: str) -> bool:
    """Whether the (lower-cased) sentence tells a protest."""
    return any(word in lower for word in _PROTEST_WORDS) and _PROTEST_SETTING.search(lower) is not None


# a word every protest setting holds (most sentences hold none: no regex search for them)
_PROTEST_WORDS = ("biểu tình", "tuần hành", "xuống đường", "chặn đường", "phong tỏa đường", "phản đối")
_PROTESTERS = re.compile(rf"(?<!\w)(?:{lexicon.PROTESTERS})(?!\w)")
_POLICE = re.compile(rf"(?<!\w)(?:{lexicon.POLICE})(?!\w)")


def in_protest(
    cue: Cue, lower: str, clause_start: int, clause_end: int, start: int, setting: bool | None = None
) -> Cue:
    """Violence in a protest the sentence tells is the protest's (ACLED): the police firing on the
    crowd is excessive force against protesters; a clash with the police, or arson by the
    protesters, a violent demonstration (Riots), not a battle or an attack of its own. ``lower``:
    the sentence lower-cased from ``start`` on; ``setting``: whether it tells a protest, when the
    caller knows (:func:`protest_setting`)."""
    if cue.event_type not in (BATTLES, lexicon.CIVILIANS, lexicon.STRATEGIC):
        return cue
    if not (protest_setting(lower) if setting is None else setting):
        return cue
    clause = lower[clause_start - start : clause_end - start]
    if cue.event_type == lexicon.CIVILIANS and cue.sub_event_type == "Attack" and _PROTESTERS.search(clause):
        return Cue(cue.start, cue.end, lexicon.PROTESTS, "Excessive force against protesters", cue.priority)
    if cue.event_type == BATTLES and _POLICE.search(clause):
        return Cue(cue.start, cue.end, lexicon.RIOTS, "Violent demonstration", cue.priority)
    if cue.sub_event_type == "Looting/property destruction" and _PROTESTERS.search(
        lower, clause_start - start, cue.start - start
    ):
        return Cue(cue.start, cue.end, lexicon.RIOTS, "Violent demonstration", cue.priority)
    return cue


def protesters_act(
    best: Cue, cues: list[Cue], lower: str, clause_end: int, start: int, starts: list[int] | None = None
) -> Cue:
    """ "Người biểu tình phóng hỏa …", "Đối tượng biểu tình quá khích đập phá …": the protest word
    names who acts; what they do after it (arson,
    a clash, an attack) makes the event a violent demonstration (ACLED Riots)."""
    at = best.start - start
    if best.event_type != lexicon.PROTESTS or not lower.endswith(_WHO_PROTESTS, 0, at):
        return best
    if starts is not None:  # (sorted: only the cues just after it)
        cues = cues[bisect_left(starts, best.end) : bisect_left(starts, best.end + 40)]
    for cue in cues:
        if best.end <= cue.start < min(clause_end, best.end + 40) and (
            cue.event_type in _VIOLENT or cue.sub_event_type == "Looting/property destruction"
        ):
            between = lower[best.end - start : cue.start - start]
            if any(word in between for word in _WHAT_IS_PROTESTED):
                return best  # "người biểu tình … phản đối các cuộc không kích": what they protest
            return Cue(best.start, best.end, lexicon.RIOTS, "Violent demonstration", best.priority)
    return best


_WHAT_IS_PROTESTED = ("phản đối", "lên án", "chống", "về", "cuộc", "vụ")
# who the protest word names: "người biểu tình", and the press's words for rioters ("đối tượng biểu
# tình quá khích", "phần tử biểu tình")
_WHO_PROTESTS = ("người ", "đối tượng ", "phần tử ")


def not_reported(
    text: str,
    start: int,
    end: int,
    cue: Cue,
    lower: str | None = None,
    base: int = 0,
    markers: list[tuple[int, int]] | None = None,
) -> str | None:
    """Why the cue of the clause text[start:end] is not a reported occurrence (the factuality
    class of ``lexicon.NOT_REPORTED``, "negation", "modality"), or None when it is one.
    ``lower``: the lower-cased text from ``base`` on, and where words of the classes may start in
    it (:func:`find_cues`), when the caller has them."""
    if lower is None or markers is None:
        _, markers, _, lower = _find_cues(text, start, min(end, cue.end + 40))
        base = start
    begin, at = start - base, cue.start - base
    index, count, near = bisect_left(markers, (begin, 0)), len(markers), False
    while index < count and markers[index][0] < at:
        position, size = markers[index]
        words = _MARKER_WORDS.get(lower[position : position + size])
        m = words.match(lower, position, at) if words is not None else None
        if m is not None:
            found = int(m.lastgroup[1 : m.lastgroup.index("_")])  # type: ignore[index]
            if m.group() == "để" and _USED_TO.search(lower, max(begin, position - 80), position):
                pass  # "đã sử dụng tiêm kích F-16 để ném bom": the means used for what was done
            elif found != _MEDIA or not _SHOWS.search(lower, m.end(), at):
                return _CLASSES[found]
        near = near or position >= at - 30
        index += 1
    window = max(begin, at - 30)
    if near and _NEGATED_BEFORE.search(lower, window, at):
        return "negation"
    if lower[max(window, at - 8) : at].rstrip().endswith(lexicon.DURATION_UNITS) and _DURATION_BEFORE.search(
        lower, window, at
    ):
        return "total"
    if (
        _ends_with(lower, window, at, _TALLY_WORDS)
        and _TALLY_BEFORE.search(lower, window, at)
        and not _AIMED.search(lower, cue.end - base, end - base)
    ):
        return "total"
    after, limit = cue.end - base, min(end, cue.end + 40) - base
    index = bisect_left(markers, (after, 0), index)
    if index < count and markers[index][0] < limit and _NOT_REPORTED_AFTER.match(lower, after, limit):
        return "modality"
    return None


# a weapon told as used, then "để" and what it did: "đã sử dụng tiêm kích F-16 để ném bom một cây cầu",
# "vừa dùng UAV để tấn công" (the purpose of a use told as done, not a plan)
_USED_TO = re.compile(
    rf"(?<!\w)(?:đã|vừa)\s+(?:\S+\s+){{0,2}}?(?:dùng|sử dụng|triển khai|điều)\s+(?:\S+\s+){{0,4}}?"
    rf"(?:{lexicon.AIR_MEANS}|{lexicon.SHELLING_MEANS}|tiêm kích|máy bay|xe tăng|tàu chiến)(?!\w)"
    r"(?:\s+(?!để(?!\w))\S+){0,3}\s+$"
)
_GOVERNING = re.compile(
    rf"(?<!\w)(?:{lexicon.NOT_REPORTED['habit']}|{lexicon.NOT_REPORTED['modality']})(?!\w)"
)
_TOLD_AS_DONE = re.compile(r"(?<!\w)(?:đã|vừa|đang)(?!\w)")
_TOTAL = re.compile(rf"(?<!\w)(?:{lexicon.NOT_REPORTED['total']})(?!\w)")
_TOLL = re.compile(rf"(?<!\w)(?:{lexicon.DEATH_VERBS}|{lexicon.INJURY_WORDS})(?!\w)")


def toll_clause(text: str, start: int, end: int, before: Clause) -> Clause | None:
    """The sentence text[start:end], which has no cue of its own, as a report of the incident told
    in the sentence just before it (``before``, violent) when it tells that incident's toll
    ("Iran phóng khoảng 30 tên lửa về phía Israel. Lực lượng cứu hộ cho biết ít nhất 16 người bị
    thương ở Tel Aviv và thành phố cảng Haifa."): the toll says where the incident struck. None
    when it tells no toll, or the toll is not reported ("Không có thương vong")."""
    if before.event_type not in _VIOLENT:
        return None
    lower = text[start:end].lower()
    m = _TOLL.search(lower)
    if m is None or _TOTAL.search(lower) or _OPENS_WITH_TOTAL.match(lower):
        return None  # (a running total: "Số thương vong mới nâng tổng số người chết lên 30")
    cue = Cue(start + m.start(), start + m.end(), before.event_type, before.sub_event_type or "", 0)
    if not_reported(text, start, end, cue) is not None:
        return None
    return Clause(
        start,
        end,
        text[start:end],
        spans=[(start, end)],
        event_type=before.event_type,
        sub_event_type=before.sub_event_type,
        cue_start=cue.start,
        cue=text[cue.start : cue.end],
    )


def classify(clause: Clause, cues: list[Cue]) -> Clause:
    """Set the clause's event type from its strongest cue (none: not an event)."""
    best = _strongest(cues, clause.start, clause.end)
    if best is not None:
        clause.event_type, clause.sub_event_type = best.event_type, best.sub_event_type
        clause.cue_start, clause.cue = (
            best.start,
            clause.text[best.start - clause.start : best.end - clause.start],
        )
    return clause


_CONDEMN = re.compile(r"(?<!\w)(?:lên án|chỉ trích|tố cáo)\s+(?:[^\s,;.]+\s+){0,3}?(?:cuộc|vụ|đợt)\s+$")
# what a told incident has of its own: its day ("hôm 3/6", "sáng 5/11") or its toll ("khiến 20 người chết")
_INCIDENT_OWN = re.compile(
    r"(?<!\w)(?:hôm|ngày|sáng|trưa|chiều|tối|đêm|rạng sáng)\s+\d{1,2}[/-]\d{1,2}"
    r"|(?<!\w)(?:khiến|làm)\s+(?:ít nhất\s+|hơn\s+|khoảng\s+)?\d+\s+(?:người|dân thường|binh sĩ|trẻ em)"
)


def condemned_incident(lower: str, clause_start: int, clause_end: int, at: int) -> bool:
    """Whether a condemnation names an incident that happened: "lên án cuộc không kích … hôm 3/6,
    khiến 20 người chết" (a day or a toll of its own), not "lên án các cuộc tấn công" (violence as a
    topic). Offsets into ``lower``, the sentence lower-cased; ``at``: where the cue starts."""
    if not _CONDEMN.search(lower, max(clause_start, at - 60), at):
        return False
    return _INCIDENT_OWN.search(lower, at, min(len(lower), clause_end + 80)) is not None


_SERIES_BEFORE = re.compile(r"(?<!\w)(?:hàng loạt|một loạt|loạt|nhiều|vô số)\s+(?:vụ|cuộc|đợt|trận)\s+$")
_PLURAL_BEFORE = re.compile(r"(?<!\w)(?:các|những)\s+(?:vụ|cuộc|đợt|trận)\s+$")
_ATTACK_NOUNS = ("vụ", "cuộc", "đợt", "trận")  # (the last words of both: see _ends_with)
# a purpose right after the noun ("các cuộc tấn công của họ nhằm ủng hộ …"), not a target ("nhằm vào")
_PURPOSE_AFTER = re.compile(
    r"\s+(?:[^\s,;.]+\s+){0,3}?(?:nhằm|để|là để|là nhằm)\s+(?!vào\b|thẳng vào\b|lại\b)"
    r"(?:ủng hộ|trả đũa|đáp trả|đáp lại|trừng phạt|gây sức ép|buộc|ngăn|phản đối|bảo vệ|hỗ trợ|làm suy yếu)"
)


def attacks_in_general(lower: str, at: int, cue_end: int, clause_end: int) -> bool:
    """Whether the cue is a noun of attacks in general: a series ("tiến hành hàng loạt vụ tấn công",
    "nhiều cuộc không kích") or a plural told with its purpose ("Houthi nói các cuộc tấn công của
    họ nhằm ủng hộ người Palestine"). Offsets into ``lower``; ``at``: where the cue starts."""
    window = lower[max(0, at - 16) : at]
    if not _ends_with(window, 0, len(window), _ATTACK_NOUNS):
        return False  # (most cues: no noun of attacks right before them, as both patterns need)
    if _SERIES_BEFORE.search(window):
        return True
    return bool(_PLURAL_BEFORE.search(window)) and bool(_PURPOSE_AFTER.match(lower, cue_end, clause_end))


# A sentence that opens with the span it adds up ("Kể từ đầu tháng này, …", "Như vậy, tính từ khi lệnh
# ngừng bắn có hiệu lực, 420 người đã thiệt mạng") tells a running total of the dead, not an incident
# (lexicon.NOT_REPORTED["total"]).
_OPENS_WITH_TOTAL = re.compile(
    r"(?:[^\s,;.]+(?:\s+[^\s,;.]+){0,2},\s*)?(?:(?:kể từ|tính từ|tính chung từ)\s+"
    r"(?:đầu|ngày|tháng|năm|cuối|khi|hôm)"
    # as of a day: "Tính đến ngày 8/6, …", "Cho đến nay, …"
    r"|(?:tính đến|tính tới|cho đến|cho tới)\s+(?:nay|ngày|hôm|thời điểm|cuối|hết|tháng|năm)"
    r"|(?:đến|tới) nay)(?!\w)"
)


# a defence against one attack: "đẩy lùi cuộc tấn công …", "đánh chặn đợt tập kích …"
_REPEL = re.compile(
    r"(?:đẩy lùi|đánh chặn|chặn đứng|ngăn chặn|bẻ gãy|đối phó với|chống lại)\s+(?:một\s+)?"
    r"(?:cuộc|đợt|vụ)\s+$"
)
# the attack named as a real one: its means or its attacker follow it ("… bằng UAV", "… của Nga")
_ATTACK_NAMED = re.compile(r"[^.;]{0,50}?(?<!\w)(?:bằng|của\s+(?:quân đội\s+|lực lượng\s+)?[A-ZĐ])")
_NOT_YET = re.compile(r"(?<!\w)(?:trong tương lai|có thể|tiềm tàng|tiềm năng|sắp tới|dự kiến)(?!\w)")


def repelled_attack(
    text: str, lower: str, start: int, cue: Cue, cues: list[Cue], clause_end: int
) -> Cue | None:
    """The attack a defence is told to repel ("hệ thống phòng không đã được triển khai … để đẩy lùi
    cuộc tấn công bằng máy bay không người lái của Nga vào thủ đô Kiev"): the purpose ("để") makes
    the defence an intent, but the attack it names, with its means or its attacker, happened. Its
    cue (typed by its means), or None. Never a generic or a future one ("các cuộc tấn công",
    "… có thể xảy ra")."""
    for attack in cues:
        if not (cue.start <= attack.start < clause_end) or attack.event_type not in (BATTLES, lexicon.REMOTE):
            continue
        at = attack.start - start
        if not _REPEL.search(lower, max(0, at - 40), at) or lower.startswith(("đẩy lùi", "đánh chặn"), at):
            continue
        window = lower[at : min(len(lower), clause_end - start, at + 120)]
        if not _ATTACK_NAMED.match(text, attack.end, clause_end) or _NOT_YET.search(window):
            continue
        return attack
    return None


def event_clauses(text: str, start: int, end: int) -> list[Clause]:
    """The event-bearing clauses of a sentence, same-type clauses merged into the first.

    A clause with no cue continues the event before it ("…, khiến 19 dân thường thiệt mạng").
    A clause whose cue is not reported (:func:`not_reported`) is no event and ends the one before.
    """
    cues, markers, may_cut, lower = _find_cues(text, start, end)
    if not cues or (_OPENS_WITH_TOTAL.match(lower) and _TOLL.search(lower)):
        return []  # (a total of the dead; "Kể từ năm 2008, hai bên đã tổ chức 10 cuộc gặp": background)
    starts = None  # a few cues: scanned for each clause; many: sorted and bisected (linear time)
    if len(cues) > 8:
        cues.sort(key=lambda cue: cue.start)  # (stable: equal starts stay in the patterns' order)
        starts = [cue.start for cue in cues]
    merged: dict[tuple, Clause] = {}
    previous: Clause | None = None
    setting: bool | None = None  # whether the sentence tells a protest (read when first needed)
    intervened: bool | None = None  # whether it holds a police intervention (read when first needed)
    # a habit or an intent told before a list ("thường kiểm soát các tuyến đường và quấy nhiễu người
    # dân bằng bạo lực, bắt cóc, …", "sẽ cấm sự can thiệp nước ngoài, các hoạt động bạo loạn …"):
    # the items after its commas are what it governs, up to a conjunction or a semicolon
    governed: str | None = None
    for clause_start, clause_end, after_comma in _clause_spans(text, start, end, may_cut):
        if not after_comma:
            governed = None
        best = _strongest(cues, clause_start, clause_end, starts)
        if best is None:
            if previous is not None:
                previous.spans.append((clause_start, clause_end))
            m = _GOVERNING.search(lower, clause_start - start, clause_end - start)
            if m is not None:
                governed = m.group()
            continue
        why = not_reported(text, clause_start, clause_end, best, lower, start, markers)
        if (
            why is None
            and governed is not None
            and after_comma
            and not _TOLD_AS_DONE.search(lower, clause_start - start, best.end - start)
        ):
            why = "governed"  # (an item told as done, "…, pháo binh Nga đã bắn vào …", is news)
        if why == "speech act" and condemned_incident(
            lower, clause_start - start, clause_end - start, best.start - start
        ):
            why = None  # "Hamas lên án cuộc không kích … hôm 3/6, khiến 20 người chết": it happened
        if why is None and lower.endswith(lexicon.ALERT_BEFORE, 0, best.start - start):
            why = "alert"  # "còi báo động không kích vang lên khắp Ukraine": a warning, no strike
        if (
            why is None
            and best.sub_event_type == "Agreement"
            and _AGREEMENT_IN_FORCE.search(lower, max(0, best.start - start - 30), best.start - start)
        ):
            why = "in force"  # "vi phạm thỏa thuận ngừng bắn", "theo lệnh ngừng bắn": one made before
        if why == "modality":
            repelled = repelled_attack(text, lower, start, best, cues, clause_end)
            if repelled is not None:
                best, why = repelled, None  # "… để đẩy lùi cuộc tấn công bằng UAV của Nga vào Kiev"
        if why == "despite":
            best = Cue(best.start, best.end, best.event_type, best.sub_event_type, lexicon.HISTORY_ONLY)
        elif why is not None:
            previous = None
            continue
        if previous is not None and after_comma and lower.startswith(_RESULTS, best.start - start):
            previous.spans.append((clause_start, clause_end))  # "…, phá hủy nhà ga": what it did
            continue
        if (
            previous is not None
            and after_comma
            and previous.event_type in (lexicon.PROTESTS, lexicon.RIOTS)
            and previous.sub_event_type != "Protest with intervention"
            and best.sub_event_type == "Looting/property destruction"
        ):
            # "Đối tượng biểu tình quá khích đập phá các cửa hàng, phóng hỏa, …": what the
            # demonstrators did, their demonstration turned violent (ACLED Riots)
            previous.event_type, previous.sub_event_type = lexicon.RIOTS, "Violent demonstration"
            previous.spans.append((clause_start, clause_end))
            continue
        best = by_means(text, start, best, clause_end, lower)
        if intervened is None and best.sub_event_type == "Peaceful protest":
            intervened = _INTERVENTION.search(lower) is not None  # (once a sentence, as the setting)
        best = with_intervention(best, lower, clause_start, clause_end, start, intervened)
        best = by_armed_men(best, lower, clause_start, start)
        best = by_victim(best, lower, clause_start, clause_end, start)
        best = protesters_act(best, cues, lower, clause_end, start, starts)
        if best.event_type in (BATTLES, lexicon.CIVILIANS, lexicon.STRATEGIC):
            if setting is None:
                setting = protest_setting(lower)  # (once a sentence: a long one stays linear)
            best = in_protest(best, lower, clause_start, clause_end, start, setting)
        key: tuple = (best.event_type, best.sub_event_type)
        if key in merged and not after_comma:
            key = (*key, clause_start)  # "…, trong khi X …": a second report of its own
        if key in merged:
            merged[key].spans.append((clause_start, clause_end))
        else:
            merged[key] = Clause(
                clause_start,
                clause_end,
                text[clause_start:clause_end],
                spans=[(clause_start, clause_end)],
                event_type=best.event_type,
                sub_event_type=best.sub_event_type,
                cue_start=best.start,
                cue=text[best.start : min(best.end, clause_end)],
                after_comma=after_comma,
                history_only=best.priority == lexicon.HISTORY_ONLY,
                attacks_in_general=attacks_in_general(
                    lower, best.start - start, best.end - start, clause_end - start
                ),
            )
        previous = merged[key]
    return list(merged.values())  # in order: a clause is added before those after it
