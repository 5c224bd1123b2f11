"""Find the place names in an article: gazetteer-driven longest match over capitalised words.

Vietnamese capitalises every syllable of a proper name ("Thổ Nhĩ Kỳ", "Hoa Kỳ"), so a place
name is a run of capitalised words that the gazetteer knows. Before a match is kept, the
traps are ruled out: organisation names that contain a place ("Nhóm Minsk"), people's
names and bylines ("Vũ Anh"; "Tổng thống Mỹ Donald Trump"), and common words capitalised at
the start of a sentence ("Pháp luật …"). A capitalised name after a place cue ("thị trấn X")
that the gazetteer lacks is reported as unresolved.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from operator import itemgetter

import ahocorasick

from events import lexicon
from events.phrases import Phrases, lowered, words_before
from gazetteer.textnorm import fold, looks_vietnamese, name_key, search_keys

MAX_NAME_WORDS = 7
MAX_RUN_WORDS = 1_000  # far above any name: a longer run of capitalised words is cut there
UPPER = "".join(c for c in map(chr, range(0x41, 0x1F00)) if c.isupper() and c.isalpha())
# Arabic article particles stay lower case inside names ("Deir el-Balah", "Khan al-Ahmar").
_PARTICLES = (
    "al", "el", "ad", "adh", "ash", "as", "at", "ath", "an", "ar", "az", "ed", "es", "esh", "et", "ez",
    "er", "en", "ul", "ud", "ur", "us", "ut", "uz",
)  # fmt: skip
# A capitalised word (the definition: tokenize finds the same words, faster, in two steps).
_CAPITAL_WORD = re.compile(
    rf"(?<![^\W\d_])(?:(?:{'|'.join(_PARTICLES)})-)?[{UPPER}][^\W\d_]*(?:[-'’][^\W\d_]+)*"
)
# Step one: a pattern that starts with a capital lets the regex engine skip ahead to one (that no
# letter comes before it is checked behind it). Step two: a particle before the word.
_CAPITALISED = re.compile(rf"[{UPPER}](?<![^\W\d_](?s:.))[^\W\d_]*(?:[-'’][^\W\d_]+)*")
_LETTER = re.compile(r"[^\W\d_]")
_PARTICLE_SET = frozenset(_PARTICLES)
_PARTICLE_SIZES = sorted({len(p) for p in _PARTICLES})
# Romance particles inside a longer name ("Maguindanao del Sur", "Tren de Aragua"); none is a
# Vietnamese word ("do", "da", "la", "du" are, and are left out)
_ROMANCE = "de|del|della|des|dos|das|los|las"
_ROMANCE_AFTER = re.compile(rf" (?:{_ROMANCE}) [{UPPER}][^\W\d_]*")
_ROMANCE_BEFORE = re.compile(rf"[{UPPER}][^\W\d_]* (?:{_ROMANCE}) $")
_BYLINE_AFTER = re.compile(r"\s*\(\s*(?:theo|nguồn)\b", re.IGNORECASE)
# What the two patterns above need right before or after the run: most runs have neither, and need
# no regex (``str.endswith``/``startswith`` with these; " de \n": ``$`` also matches before a last "\n")
_ROMANCE_HEADS = tuple(f" {w} " for w in _ROMANCE.split("|"))
_ROMANCE_TAILS = _ROMANCE_HEADS + tuple(f" {w} \n" for w in _ROMANCE.split("|"))
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")
_OPENING_CHARS = " \"'“”‘’«»(-–—"
_OPENING = re.compile(f"[{re.escape(_OPENING_CHARS)}]*")
# a lede's dateline: "(VOV) - ", "(Dân trí) - ", "VOV.VN - ", "Thanh Niên - "
_DATELINE = re.compile(r"\s*(?:\([^()\n]{1,30}\)|[A-ZĐ][\w.]*(?: [A-ZĐ][\w.]*){0,2})\s*[-–—]\s+")
# Two-word cues and heads ("Cao nguyên", "Thung lũng"): capitalised as a name's first word,
# their first syllable is no place ("Cao" is no town in "Cao nguyên Golan")
_CUE_COMPOUNDS = frozenset(
    c for c in (*lexicon.PLACE_CUES, *lexicon.NAME_HEADS, *lexicon.FEATURE_HEADS) if c.count(" ") == 1
)
_COMPOUND_STARTS = frozenset(c.rsplit(" ", 1)[0] for c in (*lexicon.COMMON_COMPOUNDS, *_CUE_COMPOUNDS))


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    key: str
    sentence: int


@dataclass(slots=True)
class Mention:
    """A span that names a place (or looks like one, for ``unresolved``)."""

    surface: str
    start: int
    end: int
    sentence: int
    key: str
    cue: str | None = None  # the place or locative cue right before it, lower case
    preceding: str = ""  # the lower-case text just before it in its sentence
    in_person_run: bool = False  # part of a capitalised run with unknown words (a person?)
    after_title: bool = False  # right after a person's title ("Tổng thống Pháp")
    sentence_initial: bool = False  # one word, capitalised only because a sentence starts
    actor: bool | None = None  # named as who acts ("Bộ Quốc phòng Armenia"); set by resolve
    unresolved_reason: str | None = None
    extra: dict = field(default_factory=dict)
    # a name read with its head ("biển Đen", "Cao nguyên Golan"): the start and surface with the
    # head, and whether the writer capitalised the head as part of the name
    headed: tuple[int, str, bool] | None = None
    # the last word of a body's name glossed by its acronym ("Quân đội Độc lập Kachin (KIA)")
    in_body_name: bool = False
    # a cue and compass words only ("miền Đông", "phía Nam"): a part of whatever country is meant
    generic: bool = False
    # the province's or settlement's cue right before the name and the name with it ("tỉnh
    # Kherson", "thành phố Kherson"): the span that tells the oblast from its city
    cued: tuple[int, str] | None = None


def tokenize(text: str, sentence_starts: list[int]) -> Iterator[Token]:
    """The capitalised words (the only ones a name can start or run through), with offsets,
    lookup keys and sentence index. A lower-case word between two of them breaks their run.

    The words are those of ``_CAPITAL_WORD.finditer(text)``, found in two steps: a capital,
    then the checks that it starts a word and whether an Arabic particle comes before it.
    One at a time: a huge text is never held as a list of words."""
    letter = _LETTER.match
    # the sentence index of a word: how many sentences start at or before it, less one
    following = iter(sentence_starts)
    next_start = next(following, None)
    count = 0
    position = 0  # where the last word ended
    for m in _CAPITALISED.finditer(text):
        start, end = m.span()
        if start > 2 and text[start - 1] == "-":  # "al-Ahmar"
            for size in _PARTICLE_SIZES:
                particle = start - 1 - size
                if (
                    particle >= position
                    and text[particle : start - 1] in _PARTICLE_SET
                    and not (particle and letter(text, particle - 1))
                ):
                    start = particle
                    break
        while next_start is not None and next_start <= start:
            count += 1
            next_start = next(following, None)
        word = text[start:end]
        key = word.casefold()
        if not key.isalpha():
            key = name_key(word)
        yield Token(start, end, word, key, count - 1 if count else 0)
        position = end


def capital_runs(text: str, tokens: Iterable[Token]) -> Iterator[list[Token]]:
    """Maximal runs of capitalised words separated by single spaces within one sentence, one at
    a time; a run is cut every :data:`MAX_RUN_WORDS` words (no name is that long)."""
    # ``tokens`` are capitalised words only: a lower-case word between two leaves more than a space
    current: list[Token] = []
    last: Token | None = None
    for token in tokens:
        if (
            last is not None
            and token.start == last.end + 1
            and text[last.end] == " "
            and token.sentence == last.sentence
        ):
            current.append(token)
            if len(current) == MAX_RUN_WORDS:
                yield current
                current, last = [], None
                continue
        else:
            if current:
                yield current
            current = [token]
        last = token
    if current:
        yield current


# A name may hold lower-case words between or after its capitalised ones: "Jammu và Kashmir",
# "Trinidad và Tobago", "Sừng châu Phi", "Đường Kiểm soát" (the press writes a feature's generic
# words in lower case). At most this many of them, within a name of MAX_NAME_WORDS words.
_JOIN_WORDS = 2
_JOIN_REACH = 1 + _JOIN_WORDS * 8  # characters: two lower-case words of up to seven letters and spaces
_LOWER_WORDS = re.compile(rf"((?: [^\W\d_A-Z]+){{1,{_JOIN_WORDS}}})(?!\w)")


def joined_runs(
    text: str, runs: Iterable[list[Token]], known: frozenset[str] | set[str]
) -> Iterator[list[Token]]:
    """The capitalised runs, where a known name runs on through lower-case words ("Jammu và
    Kashmir", "Đường Kiểm soát") with that name as one token. The name must hold two capitalised
    words: "Hòa bình …" opening a sentence is no "Hòa Bình"."""
    pending: list[Token] | None = None
    for run in runs:
        if pending is None:
            pending = run
            continue
        if len(pending) == 1 and run[0].start - pending[0].end > _JOIN_REACH:
            yield pending  # (most runs: one word, the next run far after it: no name joins them)
            pending = run
            continue
        merged = _join(text, pending, run, known)
        if merged is None:
            yield pending
            pending = run
            continue
        pending, rest = merged
        if rest is run:  # the name stopped before the next run
            yield pending
            pending = run
        elif rest:  # the name took the next run's first words
            yield pending
            pending = rest
        # else: the next run went whole into the name, which may run on again
    if pending is not None:
        merged = _join(text, pending, None, known) if len(pending) > 1 else None
        yield pending if merged is None else merged[0]


def _join_one(
    text: str, word: Token, following: list[Token] | None, known: frozenset[str] | set[str]
) -> tuple[list[Token], list[Token] | None] | None:
    """:func:`_join` for a run of one word: the name must reach into the next run."""
    if (
        following is None
        or following[0].start - word.end > _JOIN_REACH
        or following[0].sentence != word.sentence
    ):
        return None
    gap = text[word.end : following[0].start]
    if gap[:1] != " " or gap[-1:] != " " or gap.count(" ") > _JOIN_WORDS + 1 or not gap.islower():
        return None
    gap = gap.strip()
    if not gap.replace(" ", "").isalpha():
        return None
    # the names to try, each one word longer than the one before: built once, tried longest first
    names = [f"{word.key} {gap}"]
    for t in following[: max(0, MAX_NAME_WORDS - 1 - gap.count(" ") - 1)]:
        names.append(f"{names[-1]} {t.key}")
    for taken in range(len(names) - 1, 0, -1):
        if names[taken] in known:
            start, end = word.start, following[taken - 1].end
            token = Token(start, end, text[start:end], name_key(text[start:end]), word.sentence)
            return [token], following[taken:]
    return None


def _join(
    text: str,
    run: list[Token],
    following: list[Token] | None,
    known: frozenset[str] | set[str],
) -> tuple[list[Token], list[Token] | None] | None:
    """``run`` with the longest known name that starts in it and runs on through lower-case words
    (and into ``following``, the next run, when only those words lie between them) as its last
    token, and what is left of ``following`` (``following`` itself when the name does not reach
    it); None when no such name is known."""
    end = run[-1].end
    if len(run) == 1:  # (most runs) one capitalised word needs another after the lower-case ones
        return _join_one(text, run[0], following, known)
    if end + 1 >= len(text) or text[end] != " " or not text[end + 1].islower():
        return None  # (a comma, a full stop or a capitalised word follows)
    found = _LOWER_WORDS.match(text, end)
    if found is None:
        return None
    lower = found.group(1).split()
    if not all(w.islower() for w in lower):  # ("Jammu và Đà Nẵng": a lower-case word, then a name)
        lower = lower[: next(n for n, w in enumerate(lower) if not w.islower())]
        if not lower:
            return None
    after = run[-1].end + sum(1 + len(w) for w in lower)
    nexts: list[Token] = []
    if (
        following is not None
        and following[0].start == after + 1
        and text[after] == " "
        and following[0].sentence == run[-1].sentence
    ):
        nexts = following[: max(0, MAX_NAME_WORDS - len(lower) - 1)]
    if len(run) == 1 and not nexts:
        return None  # one capitalised word and lower-case ones: no name of two capitalised words
    best: tuple[int, int, int, int] | None = None  # (words, first token, lower words, next tokens)
    # the next run's words as they follow a name (" kashmir", " kashmir x"), each built once
    tails = [""]
    for t in nexts:
        tails.append(f"{tails[-1]} {t.key}")
    for i in range(max(0, len(run) - 3), len(run)):
        head = [t.key for t in run[i:]]
        capitals = len(head)
        for used in range(1, len(lower) + 1):
            base = [*head, *lower[:used]]
            if len(base) > MAX_NAME_WORDS:
                break
            name = " ".join(base)
            for taken in range(len(nexts) if used == len(lower) else 0, -1, -1):
                size = len(base) + taken
                if capitals + taken < 2 or (best is not None and size <= best[0]):
                    continue
                if name + tails[taken] in known:
                    best = (size, i, used, taken)
    if best is None:
        return None
    _, i, used, taken = best
    end = nexts[taken - 1].end if taken else run[-1].end + sum(1 + len(w) for w in lower[:used])
    start = run[i].start
    word = text[start:end]
    token = Token(start, end, word, name_key(word), run[i].sentence)
    if not taken:
        return [*run[:i], token], following
    return [*run[:i], token], following[taken:] if following is not None else None


def _automaton(phrases: tuple[str, ...]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for phrase in phrases:
        automaton.add_word(phrase, len(phrase))
    automaton.make_automaton()
    return automaton


_ORGANISATIONS = _automaton(lexicon.ORGANISATIONS)
_ORG_CUES = Phrases(lexicon.ORGANISATION_CUES)
_TITLES = Phrases(lexicon.PERSON_TITLES)
_AGREEMENTS = Phrases((*lexicon.AGREEMENT_HEADS, *lexicon.ORDINAL_HEADS))  # heads of no place
# offices whose holder is named after the place they govern ("Thống đốc tỉnh Kharkiv Oleh …")
_OFFICES = Phrases((*lexicon.PERSON_TITLES, "chính quyền", "chính quyền quân sự", "người đứng đầu"))
_PLACE_CUES = sorted(
    set(lexicon.PLACE_CUES)
    | set(lexicon.NAME_HEADS)
    | set(lexicon.LOCATIVE_CUES)
    | set(lexicon.FEATURE_HEADS),
    key=len,
    reverse=True,
)
_PLACE_CUE_SET = (
    frozenset(lexicon.PLACE_CUES) | frozenset(lexicon.NAME_HEADS) | frozenset(lexicon.FEATURE_HEADS)
)
# Cues that name the kind of division or settlement the name is, or the work named after it:
# read as part of its mention when they tell places apart (``resolve``)
_NAMING_CUES = (
    frozenset(lexicon.ADMIN_CUES) | frozenset(lexicon.SETTLEMENT_CUES) | frozenset(lexicon.FEATURE_HEADS)
) - {"miền"}
_CUE_KEYS = {cue: name_key(cue) for cue in _PLACE_CUES}
_ALL_CUES = Phrases(_PLACE_CUES)
_CUE_SHAPES = {cue: (cue.count(" ") + 1, cue.split(" ", 1)[0]) for cue in _PLACE_CUES}  # words, first
_BEFORE_WORDS = 1 + max(
    _ORG_CUES.max_words + 2, _TITLES.max_words, _ALL_CUES.max_words, _AGREEMENTS.max_words
)  # (a body's noun and a modifier of two words)
_LAST_WORDS = (
    _ORG_CUES.last_words
    | _TITLES.last_words
    | _ALL_CUES.last_words
    | _AGREEMENTS.last_words
    | {m.rsplit(" ", 1)[-1] for m in lexicon.ORGANISATION_MODIFIERS}
)
_MAX_UNRESOLVED_WORDS = 5
# GeoNames' names of first-level divisions: "Kursk Oblast", "Shan State", "Idlib Governorate"
_ADMIN_SUFFIXES = (" oblast", " state", " province", " region", " governorate", " krai", " prefecture")
_ACRONYM_AFTER = re.compile(r" \(([A-ZĐ][A-ZĐ0-9.&-]{1,9})\)")
_INSTITUTIONS = lexicon.INSTITUTION_HEADS
# A body's capitalised head, then up to four words with no punctuation, right before a name
_BODY_REACH = 60
_SIGNATURE_TAIL = 200
# (and a treaty's capitalised head: "Hiệp ước Nước sông Indus")
# (a hospital or a university named after a country or a town, its donor or its seat: "Bệnh viện
# Phụ sản Saudi" in El Fasher, "Bệnh viện Nhi đồng Kuwait" in Gaza are works, not those places)
_WORK_HEADS = ("Bệnh viện", "Đại học")
_BODY_HEADS = (
    *lexicon.BODY_NAME_HEADS,
    *_WORK_HEADS,
    *(h[:1].upper() + h[1:] for h in lexicon.AGREEMENT_HEADS),
)
_BODY_HEAD_FINDER = _automaton(_BODY_HEADS)
_BODY_NAME = re.compile(rf"(?<![^\W\d_])(?:{'|'.join(map(re.escape, _BODY_HEADS))})((?: [^\W\d_]+){{0,4}}) $")
# one-word locatives ("Tại", "Ở", "Gần"): capitalised at a sentence's start, never a name's start
_OPENING_LOCATIVES = frozenset(c for c in lexicon.LOCATIVE_CUES if " " not in c)
_BODY_BREAKS = frozenset({*lexicon.LOCATIVE_CUES, "của", "và", "với", "cho", "theo", "gồm", "như", "là"})
_ENGLISH_HEADS = lexicon.ENGLISH_BODY_HEADS
# cues that, with compass words, name a part of a country ("miền Đông", "phía Nam"), unlike the
# heads of proper names ("biển Đông" is the South China Sea)
# Capitalised first words of a water's or a land feature's own name ("Biển Tây Philippines")
_FEATURE_WORDS = frozenset({"biển", "vịnh", "sông", "đảo", "eo", "núi"})  # ("Hồ" is a family name too)
_PART_CUES = frozenset({"miền", "phía", "vùng", "khu vực", "khu", "mạn", "hướng"})
_COMPASS = frozenset({"bắc", "nam", "đông", "tây", "trung", "thượng", "hạ"})


# An English title opened by its article ("The Global New Light of Myanmar", "The Times of
# Israel", "The Moscow Times"): a medium's or a work's name, every place in it part of that name
_TITLE_WORDS = rf"(?: [{UPPER}][^\W_]*)+"
_ENGLISH_TITLE = re.compile(rf"(?<![^\W\d_])The{_TITLE_WORDS}(?: (?:of|and|for|on|in|at|the){_TITLE_WORDS})*")
# A picture's or a figure's credit ("Ảnh: Frontier Myanmar", "Đồ họa: Khmer Times"): who made or
# published it, a medium's name when foreign words come before the place in it
_CREDIT = re.compile(r"(?:ảnh|ảnh minh họa|nguồn|nguồn ảnh|đồ họa|video|clip)\s*:\s*$")


def _title_spans(text: str, known: frozenset[str] | set[str]) -> list[tuple[int, int]]:
    """The spans of the English titles in the text, unless one is a place's own name ("The Hague",
    "The Crossings", with its article or without)."""
    if "The " not in text:  # (most texts)
        return []
    return [
        m.span()
        for m in _ENGLISH_TITLE.finditer(text)
        if name_key(m.group()) not in known and name_key(m.group()[4:]) not in known
    ]


def _blocked_spans(spans: list[tuple[int, int]], more: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Two lists of spans as one, in order, overlapping ones merged."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted([*spans, *more]):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


_HYPHENATED = re.compile(rf"[^\W\d_]-[{UPPER}]")


def _hyphenated(text: str) -> bool:
    """``_HYPHENATED.search(text) is not None``, the pattern tried only at the hyphens (the regex
    engine would try its class at every character: 24 µs an article)."""
    at = text.find("-", 1)
    while at >= 0:
        if _HYPHENATED.match(text, at - 1) is not None:
            return True
        at = text.find("-", at + 1)
    return False


def _pairs_apart(
    lower: str, runs: Iterable[list[Token]], known: frozenset[str] | set[str]
) -> Iterator[list[Token]]:
    """The runs, with a hyphenated word the gazetteer lacks whose two halves are capitalised known
    names, alone in its run, as two runs ("liên quân Anh-Mỹ", "chiến tranh Israel-Lebanon", "xa lộ
    Sarafand-Baysarieh": two places, as "biên giới Israel-Li Băng" names two countries). Not after
    a place's cue or head ("khu Tell-Hamra" is one place) nor where the gazetteer knows the word
    with the lower-case head before it ("biên giới Pakistan-Afghanistan")."""
    for run in runs:
        token = run[0]
        if (
            len(run) == 1
            and "-" in token.text
            and not is_known(token.key, known)
            and _cue_before(lower[max(0, token.start - 40) : token.start]) not in _PLACE_CUE_SET
            and _known_with_head(lower, max(0, token.start - 40), run, known) is None
        ):
            halves = token.text.split("-")
            if len(halves) == 2 and all(h[:1].isupper() for h in halves):
                keys = [h.casefold() if h.isalpha() else name_key(h) for h in halves]
                if all(is_known(k, known) for k in keys):
                    second = token.start + len(halves[0]) + 1
                    yield [Token(token.start, second - 1, halves[0], keys[0], token.sentence)]
                    yield [Token(second, token.end, halves[1], keys[1], token.sentence)]
                    continue
        yield run


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"  # what \w matches


def organisation_spans(lower: str) -> list[tuple[int, int]]:
    """Spans of known organisation names as whole words, leftmost first and the longest at a
    position, not overlapping (lower-cased text: same offsets as the text)."""
    found = []
    size = len(lower)
    for last, length in _ORGANISATIONS.iter(lower):
        start, end = last + 1 - length, last + 1
        if start > 0 and _is_word_char(lower[start - 1]):
            continue
        if end < size and _is_word_char(lower[end]):
            continue
        found.append((start, -length))
    spans: list[tuple[int, int]] = []
    for start, negative in sorted(found):
        if not spans or start >= spans[-1][1]:
            spans.append((start, start - negative))
    return spans


def find_mentions(
    text: str, sentence_starts: list[int], known: frozenset[str] | set[str], limit: int | None = None
) -> tuple[list[Mention], list[Mention], bool]:
    """Place-name candidates (``known`` keys, longest first), unresolved cued names, and whether
    the search was cut: with ``limit``, it stops once that many known names have been weighed
    (kept or not: a text of would-be names rejected one by one costs as much as one of names)
    or that many unresolved names found (a few more may come)."""
    lower = lowered(text)
    bylines = "(" in text  # "Vũ Anh (Theo RT)"
    tokens = tokenize(text, sentence_starts)
    blocked = organisation_spans(lower)
    titles = _title_spans(text, known)
    if titles:
        blocked = _blocked_spans(blocked, titles)
    signature = _signature_start(text)
    heads = _body_heads(text)
    mentions: list[Mention] = []
    unresolved: list[Mention] = []
    weighed = 0  # known names looked at, kept or not
    runs = capital_runs(text, tokens)
    if _hyphenated(text):  # (most texts hold no "X-Y" of two capitalised words)
        runs = _pairs_apart(lower, runs, known)
    for run in joined_runs(text, runs, known):
        if limit is not None and (weighed >= limit or len(unresolved) >= limit):
            break
        first = run[0]
        opens = len(run) > 1 and first.text.lower() in _OPENING_LOCATIVES
        if opens and _starts_sentence(text, first, sentence_starts):
            # "Tại Đông Jerusalem, …": a locative capitalised by its sentence, not a name's first
            # word ("Tại Đông" is no Taito): the name starts after it, with it as its cue
            run = run[1:]
            first = run[0]
        sentence_start = sentence_starts[first.sentence] if sentence_starts else 0
        before = lower[max(sentence_start, first.start - 40) : first.start]
        words = _phrase_words(before)
        matches = None  # (the run's known names, when read before any cue changed the run)
        if not words:
            matches = _longest_matches(run, known)
            if not matches and _list_cue(text, first, mentions, unresolved) is None:
                continue  # (most runs: no cue before it and no known name in it, nothing to read)
        if bylines and len(run) <= 4 and _byline_after(text, run[-1].end):
            continue  # "Vũ Anh (Theo RT)": the writer's name
        if first.start >= signature:
            continue  # "Anh Thư" alone on the last line: the writer's name
        if "giờ" in before and _time_zone(before):
            continue  # "(giờ Hà Nội)", "theo giờ Moskva", "2h sáng giờ Việt Nam": a clock, not a place
        if text.endswith(_ROMANCE_TAILS, max(sentence_start, first.start - 40), first.start) and (
            _ROMANCE_BEFORE.search(text, max(sentence_start, first.start - 40), first.start)
        ):
            continue  # "Sur" of "Maguindanao del Sur", "Aragua" of "Tren de Aragua": a longer name's
        longer = None
        if text.startswith(_ROMANCE_HEADS, run[-1].end):
            longer = _ROMANCE_AFTER.match(text, run[-1].end)
        if longer is not None:  # a longer name the gazetteer lacks (known ones were joined): not its part
            cue = _place_cue(_phrase_words(before)) if before else None
            if cue in _PLACE_CUE_SET:
                end = longer.end()
                surface = text[first.start : end]
                unresolved.append(
                    Mention(surface, first.start, end, first.sentence, name_key(surface), cue=cue,
                            unresolved_reason="not in gazetteer")
                )  # fmt: skip
            continue
        # "Liên minh các quốc gia Sahel": a body's name ends with the name (a country there still
        # names the country: resolve keeps only countries of such names)
        body = False
        if heads:  # (a head of a body's name ends within reach: most texts have none, most runs none)
            near = bisect_right(heads, first.start) - 1
            if near >= 0 and heads[near] >= first.start - _BODY_REACH:
                body = _body_name_before(text, max(sentence_start, first.start - _BODY_REACH), first.start)
        cue = before_cue = _place_cue(words) if words else None
        if cue is None and (mentions or unresolved):
            # "hai tỉnh Buri Ram và Surin", "các làng A, B và C": the cue heads the whole list
            listed = _list_cue(text, first, mentions, unresolved)
            if listed is not None:
                cue = before_cue = listed
        # (a locative is never part of a name: "ở Nga" is not looked up as one)
        named_with_cue, key = _named_with_cue(run, cue, known) if cue in _PLACE_CUE_SET else (0, "")
        if 0 < named_with_cue < len(run):
            rest = [
                (i + named_with_cue, j + named_with_cue)
                for i, j in _longest_matches(run[named_with_cue:], known)
            ]
            if _name_goes_on(run, 0, named_with_cue, [(0, named_with_cue), *rest], 0, False):
                named_with_cue, key = 0, ""  # "vùng Viễn Bắc": a longer name, not "vùng Viễn" (Vienna)
        if (
            cue is None
            and len(words) > 1
            and f"{words[-2]} {words[-1]}" in lexicon.SHORE_COMPOUNDS
            and not _known_whole(run, known)
        ):
            # "ven biển Caspi", "bờ biển Đen": the compound's last syllable still heads a known
            # name after it; where none is known ("cướp biển Somalia"), the name stands alone, as
            # does a name known alone ("bờ biển Philippines" is the country's coast, not the
            # Philippine Sea; "bờ biển Gaza" the Strip's)
            named_with_cue, key = _named_with_cue(run, words[-1], known)
            if named_with_cue:
                cue = words[-1]
        if named_with_cue:  # "quần đảo Trường Sa": looked up with its cue, not as "Trường Sa" (Changsha)
            start, end = first.start, run[named_with_cue - 1].end
            mention = Mention(text[start:end], start, end, first.sentence, key, cue=cue, preceding=before)
            mention.in_body_name = body
            if not key.endswith(_ADMIN_SUFFIXES):
                mention.headed = _with_head(text, lower, sentence_start, start, end, cue)
            if cue in _NAMING_CUES:
                with_cue = mention.headed or _with_head(text, lower, sentence_start, start, end, cue)
                mention.cued = with_cue[:2] if with_cue is not None else None
            compass = cue in _PART_CUES and all(t.key in _COMPASS for t in run[:named_with_cue])
            if compass and named_with_cue < len(run):
                pass  # "miền Đông Ukraine": the east of the place that follows, not a place "miền Đông"
            elif not (blocked and _inside(blocked, start, end)):  # "Liên minh châu Âu"
                mention.generic = compass  # "miền Đông" alone: the east of the article's country
                mentions.append(mention)
            run = run[named_with_cue:]
            if not run:
                continue
            first = run[0]
            before = lower[max(sentence_start, first.start - 40) : first.start]
            words = _phrase_words(before)
            cue, before_cue = None, _place_cue(words) if words else None
            matches = None
        if matches is None:
            matches = _longest_matches(run, known)
        cued = cue in _PLACE_CUE_SET
        if not (matches or cued):
            _add_with_head(text, lower, sentence_start, run, known, blocked, mentions)
            continue  # (most runs: a capitalised first word, a person)
        if words and (_organisation_cue(words) or _AGREEMENTS.ending_words(words) is not None):
            continue  # "Nhóm Minsk", "Thỏa thuận Minsk": a body's or a treaty's name
        if cue == "tỉnh" and _GROUP_PROVINCE.search(text, max(0, first.start - 60), first.start):
            continue  # "Nhà nước Hồi giáo (IS) tỉnh Sahel": an armed group's branch, no province
        if len(run) > 1 and not _ENGLISH_HEADS.isdisjoint([t.key for t in run]):
            continue  # "Kyiv Post", "The Moscow Times", "USS Abraham Lincoln": a medium, a ship
        if matches and matches[0][0] > 1 and run[0].key in _FEATURE_WORDS:
            # "Biển Tây Philippines", "Vịnh Bắc Bộ Việt Nam": a sea, a gulf, a river named with a
            # place the gazetteer lacks as one name; the place inside is not what is meant
            unresolved.append(_unresolved(text, run, run[0].key))
            continue
        if cued and _unknown_cued_name(run, matches, words, cue):
            if not _common_noun_start(text, run):
                unresolved.append(_unresolved(text, run, cue))
            continue
        if not matches:
            continue
        if blocked and _inside(blocked, first.start, run[-1].end):
            continue
        title = _TITLES.ending_words(words) if words else None
        office = title in lexicon.LOCAL_OFFICES  # "Thị trưởng Kharkiv Ihor Terekhov": the office's place
        after_title = title is not None and not office
        # ("Ảnh minh họa: Frontier Myanmar": a medium)
        credit = ":" in before[-3:] and _CREDIT.search(before) is not None
        covered = 0
        for i, j in matches:
            covered += j - i
        unknown = covered < len(run)  # the matches do not overlap
        if (
            unknown
            and covered == len(run) - 1
            and matches[0][0] == 1
            and _opening_word(text, run, sentence_starts)
        ):
            unknown = False  # "Phía Kyiv cáo buộc …": a word capitalised by the sentence, then the place
        if unknown and covered == len(run) - 1 and matches[0][0] == 1 and run[0].key in _COMPASS:
            unknown = False  # "ở Bắc Gaza", "Đông Sudan": a part of the place, not a person's first name
        # "tại Don Lum, huyện Khok Sung": after a locative, a known first word with capitalised
        # words glued to it may open one name the gazetteer lacks ("Lum" alone is a far town):
        # the whole stretch goes with the first word's mention, for resolve to read it whole
        glued = _glued_stretch(run, matches) if before_cue in _SITE_LOCATIVES and not after_title else 0
        longer_name_end = -1
        for n, (i, j) in enumerate(matches):
            weighed += 1
            if weighed == limit:
                break  # (one endless run of would-be names: the cap holds inside it too)
            start, end = run[i].start, run[j - 1].end
            if blocked and _inside(blocked, start, end):
                continue
            if i == longer_name_end:
                continue  # the last syllable of "Ấn Độ Dương"
            if j - i == 1 and run[i].key in _COMPASS and n + 1 < len(matches) and matches[n + 1][0] == j:
                continue  # "Nam Liban", "Bắc Syria": a part of the place that follows, not "Nam"
            if run[i].key in _INSTITUTIONS or (i and run[i - 1].key in _INSTITUTIONS):
                continue  # "Bộ Tư lệnh", "Bộ Y tế", "Viện …": a body's name, no place
            if i > 0 and run[i - 1].key in lexicon.SURNAMES:
                continue  # "Vũ Anh": a person's name
            if _juxtaposed(text, run, matches, n) or _after_foreign_words(
                run, matches, n, 1 if credit else 2
            ):
                continue  # "Jawad Basma", "The Nation Thailand": a person's or a medium's name
            if (after_title or office) and (n > 0 or i > 0):
                continue  # "Tổng thống Mỹ Donald Trump": after the country, a person
            if (
                j - i == 1
                and j == len(run)
                and run[i].key in _COMPOUND_STARTS
                and _is_common_compound(text, run, i, j)
            ):
                continue
            if j < len(run) and _name_goes_on(run, i, j, matches, n, after_title):
                longer_name_end = j
                continue  # "Ấn Độ Dương": a longer name the gazetteer lacks, not "Ấn Độ"
            if i == 0:
                preceding, cue = before, before_cue
            else:
                preceding = lower[max(sentence_start, start - 40) : start]
                if _AGREEMENTS.ending(preceding) is not None:
                    continue
                cue = _cue_before(preceding)
            one_word = j - i == 1
            surface, sentence, key = text[start:end], run[i].sentence, run[i].key
            if not one_word:
                key = " ".join([t.key for t in run[i:j]])
            sentence_initial = one_word and _starts_sentence(text, run[i], sentence_starts)
            # positional: twice as fast as by keyword, and this is the inner loop
            # "Ras Isa": a known name right before another continues one longer name too (the
            # second is dropped above): it stands only where a person's run would (a country)
            continued = n + 1 < len(matches) and _juxtaposed(text, run, matches, n + 1)
            mentions.append(
                Mention(surface, start, end, sentence, key, cue, preceding,
                        (unknown and not (i == 0 and office)) or continued, after_title and n == 0,
                        sentence_initial)
            )  # fmt: skip
            if cue in _NAMING_CUES:
                with_cue = _with_head(text, lower, sentence_start, start, end, cue)
                if with_cue is not None:
                    mentions[-1].cued = with_cue[:2]
            if i == 0 and j == len(run) and before.endswith(", ") and _CLAUSE_END.match(text, end):
                mentions[-1].extra["apposed"] = True  # "Saida, Lebanon,": maybe the place's country
            if i == 0 and j == len(run) and before.endswith(" do ") and _CONTROL_AFTER.match(text, end):
                mentions[-1].extra["controls"] = True  # "Kashmir do Pakistan kiểm soát": the ruler
            if glued and i == 0:
                glued_end = run[glued - 1].end
                mentions[-1].extra["glued"] = (glued_end, text[start:glued_end])
            if (body and i == 0) or (i > 1 and heads and _body_name_before(text, run[0].start, start)):
                # ("Đài Quan Sát Nhân Quyền Syria": the body's head capitalised in the run itself)
                mentions[-1].in_body_name = True
                mentions[-1].extra["body_head"] = True  # ("Hội Lưỡi liềm đỏ Palestine": its name's)
            elif text.startswith(" (", end) and _body_acronym(text, run, end):
                mentions[-1].in_body_name = True
    return mentions, unresolved, limit is not None and (weighed >= limit or len(unresolved) >= limit)


def _byline_after(text: str, end: int) -> bool:
    """``_BYLINE_AFTER.match(text, end)``: a bracket "(Theo …" after the spaces (most names have
    none: the regex runs only when the first character after the spaces is a bracket)."""
    size = len(text)
    while end < size and text[end].isspace():
        end += 1
    return end < size and text[end] == "(" and _BYLINE_AFTER.match(text, end) is not None


# A province's cue right after an armed group's name: the group's branch ("IS tỉnh Khorasan",
# "Nhà nước Hồi giáo (IS) tỉnh Tây Phi"), not a province of any country
_GROUP_PROVINCE = re.compile(
    r"(?:\b(?:IS|ISIS|ISIL|IS-K)|Nhà nước Hồi giáo|\([A-Z][A-Z0-9-]{1,9}\))\s+tỉnh\s+$"
)
# Words before a body's generic noun that make it a common noun ("các công ty Mỹ", "một công ty
# Anh", "nhiều hãng tin Nga", "các bệnh viện Gaza"): the name after it is where they are from
_PLURALS = frozenset({"các", "những", "nhiều", "mấy", "vài", "số", "một", "mỗi", "hai", "ba", "bốn", "năm"})
# One Vietnamese syllable (without diacritics): a word a sentence may open with ("Phía", "Theo")
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?"
)


# Cues a list of names shares ("các thị trấn Jermuk, Goris và Vardenis"), and what joins the list
_LIST_CUES = frozenset(
    {*lexicon.ADMIN_CUES, "thị trấn", "thành phố", "làng", "ngôi làng", "xã", "thôn", "bản", "thị xã"}
) - {"miền", "vùng", "khu vực"}
_LIST_JOINT = re.compile(r"\s*(?:,|,?\s+(?:và|hoặc|cùng với))\s+")


_HEAD_WORDS = 4  # lower-case words of a head ("nhà máy điện hạt nhân")


def _known_with_head(
    lower: str, since: int, run: list[Token], known: frozenset[str] | set[str]
) -> tuple[int, str] | None:
    """Where the longest head of lower-case words right before the run starts, with the key of
    head and run together, when the gazetteer knows that whole name as written (no accent-free
    fallback: "bà Hằng" is a woman, not Ba Hàng); else None. A head of one word is a cue's or
    a title's, read elsewhere."""
    start = run[0].start
    if lower[start - 1 : start] != " " or not lower[start - 2 : start - 1].isalpha():
        return None  # (most runs: after punctuation, or at the text's start)
    words = lower[since:start].split()[-_HEAD_WORDS:]
    name = " ".join(t.key for t in run)
    for size in range(len(words), 1, -1):
        head = words[-size:]
        if not all(w.isalpha() for w in head):
            continue
        key = f"{' '.join(head)} {name}"  # (the text's lower case is already a key's form)
        if key in known:
            return start - len(" ".join(head)) - 1, key
    return None


def _add_with_head(
    text: str,
    lower: str,
    sentence_start: int,
    run: list[Token],
    known: frozenset[str] | set[str],
    blocked: list[tuple[int, int]],
    mentions: list[Mention],
) -> None:
    """ "cơ sở hạt nhân Fordow": a name the gazetteer holds with its lower-case head only (a work
    named after a village it lacks), the head no cue: the mention, head and all."""
    headed = _known_with_head(lower, max(sentence_start, run[0].start - 40), run, known)
    if headed is not None and not (blocked and _inside(blocked, headed[0], run[-1].end)):
        start, end = headed[0], run[-1].end
        mentions.append(Mention(text[start:end], start, end, run[0].sentence, headed[1]))


def _list_cue(text: str, first: Token, mentions: list[Mention], unresolved: list[Mention]) -> str | None:
    """The cue of the list the name continues ("các thị trấn Minbya, Maungdaw và Kyauktaw": a name
    the gazetteer lacks or knows), or None: the last name found ends right before it, a comma or
    "và" apart, in the same sentence, and has a cue a list shares."""
    if not (mentions or unresolved):
        return None
    last = mentions[-1] if mentions else unresolved[-1]
    if unresolved and unresolved[-1].end > last.end:
        last = unresolved[-1]
    if (
        last.cue in _LIST_CUES
        and last.sentence == first.sentence
        and _LIST_JOINT.fullmatch(text, last.end, first.start)
    ):
        return last.cue
    return None


# Locatives that put what follows on the ground ("tại Don Lum"), not a time or a source ("từ",
# "vào", "trong" open a person's or a month's name too)
_SITE_LOCATIVES = frozenset({"ở", "tại", "gần", "quanh", "xung quanh", "ngoại ô", "khắp", "dọc"})
# English words of a division or a city written after its name ("Lviv Oblast", "Gaza City")
_NAME_TAILS = frozenset({"oblast", "state", "province", "region", "governorate", "krai", "city", "strip"})


# What ends a name set off by commas ("Saida, Lebanon, …", "…, Syria."): not a clause's subject
_CLAUSE_END = re.compile(r"\s*(?:[,.;:!?)\]]|$)| và ")


# "X do Pakistan kiểm soát", "… do Nga chiếm đóng": the country after "do" holds the place before
_CONTROL_AFTER = re.compile(r" (?:kiểm soát|chiếm đóng|chiếm giữ|quản lý|nắm giữ)(?!\w)")


def _glued_stretch(run: list[Token], matches: list[tuple[int, int]]) -> int:
    """How many words of the run form a name opened by a known first word that the gazetteer
    lacks whole ("Don Lum": "Don" known, "Don Lum" not, "Lum" alone or not; "Wat Prasat
    Srahkandal"), or 0: not after a compass word ("Bắc …") nor before an English division word
    ("Lviv Oblast"). (A country that ends it, "Kherson Ukraine", is told apart by resolve.)"""
    if len(run) < 2 or matches[0] != (0, 1) or run[0].key in _COMPASS or run[1].key in _NAME_TAILS:
        return 0
    return min(len(run), _MAX_UNRESOLVED_WORDS)


def _common_noun_start(text: str, run: list[Token]) -> bool:
    """One capitalised syllable with a lower-case word after it ("miền Trung nước này", "Thủ đô
    Beirut", "Pháo đài …"): a common noun written with a capital, no name the gazetteer lacks."""
    if len(run) != 1 or _SYLLABLE.fullmatch(fold(run[0].key)) is None:
        return False
    after = text[run[0].end : run[0].end + 2]
    return len(after) == 2 and after[0] == " " and after[1].islower()


def _juxtaposed(text: str, run: list[Token], matches: list[tuple[int, int]], n: int) -> bool:
    """Whether the match comes right after another one, a space apart: Vietnamese never puts two
    places side by side, so the second continues a name ("Jawad Basma" is a man, "Ukraine Volodymyr
    Zelensky" a country then its president), except after a direction ("Nam Liban")."""
    if n == 0:
        return False
    a, b = matches[n - 1]
    i = matches[n][0]
    if b != i or (b - a == 1 and run[a].key in _COMPASS):
        return False
    return text[run[b - 1].end : run[i].start] == " "


def _after_foreign_words(run: list[Token], matches: list[tuple[int, int]], n: int, words: int = 2) -> bool:
    """Whether the ``n``-th match ends a run of three capitalised words or more and the word right
    before it names no place and is no Vietnamese syllable: a longer foreign name ends with it
    ("The Nation Thailand", a newspaper), not a place ("phiến quân Houthi Yemen" is two words
    only; in a picture's credit, one foreign word is enough: "Ảnh: Frontier Myanmar"). (The
    matches are sorted and do not overlap: only the one before can hold that word.)"""
    i = matches[n][0]
    if i < words or _SYLLABLE.fullmatch(fold(run[i - 1].key)) is not None:
        return False
    return not (n > 0 and matches[n - 1][0] <= i - 1 < matches[n - 1][1])


def _organisation_cue(words: list[str]) -> bool:
    """Whether the words end with a body's generic noun ("công ty", "tờ", "hãng tin") that heads a
    name, not a common noun in the plural ("các công ty Mỹ") nor a syllable of a compound
    ("lực lượng vũ trang Philippines": "trang" is no web page there)."""
    cue = _ORG_CUES.ending_words(words)
    if cue is None:  # "truyền thông độc lập Irrawaddy": the body's noun, a modifier, the name
        for size in (1, 2):
            if len(words) > size and " ".join(words[-size:]) in lexicon.ORGANISATION_MODIFIERS:
                return _ORG_CUES.ending_words(words[:-size]) is not None
        return False
    size = cue.count(" ") + 1
    if len(words) <= size:
        return True
    before = words[-size - 1]
    return before not in _PLURALS and f"{before} {cue.split(' ', 1)[0]}" not in lexicon.NOT_CUE_COMPOUNDS


def _opening_word(text: str, run: list[Token], sentence_starts: list[int]) -> bool:
    """Whether the run's first word is one Vietnamese syllable that opens its sentence ("Phía …")
    and a name no Vietnamese syllable is written like follows ("Kyiv", not "Tư")."""
    first, name = run[0], run[1]
    if not _starts_sentence(text, first, sentence_starts) or _SYLLABLE.fullmatch(fold(first.key)) is None:
        return False
    return len(run) > 2 or _SYLLABLE.fullmatch(fold(name.key)) is None  # ("Theo Tư lệnh": a title)


def _unresolved(text: str, run: list[Token], cue: str) -> Mention:
    """The cued name the gazetteer lacks: the whole run (its first words when it is long)."""
    end_token = run[min(len(run), _MAX_UNRESOLVED_WORDS) - 1]
    surface = text[run[0].start : end_token.end]
    return Mention(
        surface=surface,
        start=run[0].start,
        end=end_token.end,
        sentence=run[0].sentence,
        key=name_key(surface),
        cue=cue,
        unresolved_reason="not in gazetteer",
    )


def _place_cue(words: list[str]) -> str | None:
    """The place or locative cue the words end with, unless its first word ends a common
    compound with the word before it ("yêu cầu Nga": "cầu" is no bridge there)."""
    cue = _ALL_CUES.ending_words(words)
    if cue is None:
        return None
    size, first = _CUE_SHAPES[cue]
    if len(words) > size and f"{words[-size - 1]} {first}" in lexicon.NOT_CUE_COMPOUNDS:
        return None
    return cue


def _unknown_cued_name(run: list[Token], matches: list[tuple[int, int]], words: list[str], cue: str) -> bool:
    """ "làng Let Yet Kone": a cued run that no known name covers whole is one name the gazetteer
    lacks; its first word ("Let") or a later one is no place. Not when an office holder follows
    the place ("Thống đốc tỉnh Kharkiv Oleh Synehubov") or a compass word comes before a known
    name ("miền Đông Ukraine"): then the known names are the places."""
    if matches and matches[0] == (0, len(run)):
        return False
    if not matches:
        return True
    first = matches[0][0]
    if first == 0 and run[0].key in _COMPASS and len(matches) > 1:
        # "miền Nam Liban": "Nam" may name a town of its own; here it is the part of Lebanon
        first = next((i for i, _ in matches if i and all(t.key in _COMPASS for t in run[:i])), 0)
    if first == 0:
        return not _office_before_cue(words, cue)
    return not all(t.key in _COMPASS for t in run[:first])


def _office_before_cue(words: list[str], cue: str) -> bool:
    """ "Thống đốc tỉnh …", "chính quyền thành phố …": an office of the place comes before the cue."""
    size = cue.count(" ") + 1
    return len(words) > size and _OFFICES.ending_words(words[:-size]) is not None


def _name_goes_on(
    run: list[Token], i: int, j: int, matches: list[tuple[int, int]], n: int, after_title: bool
) -> bool:
    """The capitalised run goes on past a Vietnamese name with an unknown Vietnamese syllable
    ("Ấn Độ Dương", "Thái Bình Dương"): one longer name, not the shorter one inside it. A
    family name and more after it are a person's name ("Việt Nam Nguyễn Phú Trọng"), as is anything after
    a title's country ("Chủ tịch Trung Quốc Tập Cận Bình")."""
    if after_title and i == 0:
        return False
    following = run[j]
    if (
        n + 1 < len(matches)
        and matches[n + 1][0] == j
        and not (matches[n + 1][1] == j + 1 == len(run) and looks_vietnamese(following.text))
    ):
        return False  # another known name follows (not just a last syllable)
    if following.key in lexicon.SURNAMES and j + 1 < len(run):
        return False  # a person's name: a family name and a given name at least
    return looks_vietnamese(following.text) and looks_vietnamese(run[j - 1].text)


def _named_with_cue(run: list[Token], cue: str, known: frozenset[str] | set[str]) -> tuple[int, str]:
    """How many words of the run form a known name with the cue before them ("quần đảo Trường
    Sa"), or, after a province's cue, with GeoNames' word for the division after them ("tỉnh
    Kursk" → "Kursk Oblast", "bang Shan" → "Shan State"); and that name's key. (0, "") for none."""
    size = _cue_and_name(run, cue, known)
    if size:
        if size < len(run) and _known_longer(run, size, known):
            return 0, ""  # "tỉnh Vân Nam": "Vân Nam" (Yunnan) is a name, "tỉnh Vân" (Van) a part of it
        return size, f"{_CUE_KEYS.get(cue) or name_key(cue)} {' '.join(t.key for t in run[:size])}"
    if cue in lexicon.ADMIN_CUES:
        keys = [t.key for t in run[:MAX_NAME_WORDS]]
        for j in range(len(keys), 0, -1):
            name = " ".join(keys[:j])
            for suffix in _ADMIN_SUFFIXES:
                if name + suffix in known:
                    if (
                        j < len(run)
                        and not run[j].text.isupper()
                        and not _longest_matches(run[j : j + 1], known)
                    ):
                        return 0, ""  # "khu vực Ban Nong Ya Kaew": a longer name, not "Ban Krai"
                    return j, name + suffix
    return 0, ""


def _body_heads(text: str) -> list[int]:
    """Where each head of a body's name ends, in order (found in one Aho–Corasick pass: a regex of
    the alternatives tries every position of the text, a ``str.find`` per head reads it once per head;
    no head overlaps itself, so every occurrence is one ``find`` would give)."""
    ends = []
    size = len(text)
    for last, length in _BODY_HEAD_FINDER.iter(text):
        at, end = last + 1 - length, last + 1
        if not (at and _is_word_char(text[at - 1])) and not (end < size and _is_word_char(text[end])):
            ends.append(end)
    ends.sort()
    return ends


def _body_name_before(text: str, start: int, end: int) -> bool:
    """Whether a body's capitalised head comes right before ``end``, with no break (a comma, a
    locative: "Liên minh châu Phi ở Addis Ababa") between them."""
    found = _BODY_NAME.search(text, start, end)
    return found is not None and _BODY_BREAKS.isdisjoint(found.group(1).split())


def _signature_start(text: str) -> int:
    """Where a byline alone on the article's last line starts ("Anh Thư": two to four capitalised
    words and nothing else); past the end of the text when there is none."""
    offset = max(0, len(text) - _SIGNATURE_TAIL)  # (a byline is short: only the tail is read)
    stripped = text[offset:].rstrip()
    start = stripped.rfind("\n") + 1
    if not start and offset:
        return len(text) + 1  # the tail is one long line: no byline alone on it
    words = stripped[start:].split()
    if 2 <= len(words) <= 4 and all(w[:1].isupper() and w.isalpha() for w in words):
        return offset + start + (len(stripped[start:]) - len(stripped[start:].lstrip()))
    return len(text) + 1


def _known_longer(run: list[Token], size: int, known: frozenset[str] | set[str]) -> bool:
    """Whether more than ``size`` words of the run form a known name by themselves."""
    keys = [t.key for t in run[:MAX_NAME_WORDS]]
    return any(is_known(" ".join(keys[:j]), known) for j in range(len(keys), size, -1))


def _body_acronym(text: str, run: list[Token], end: int) -> bool:
    """A name right before an acronym in brackets that is not its own ("Kachin (KIA)", "Arakan
    (AA)"; not "Hồ Chí Minh (TP.HCM)"): the name ends a body's name that the acronym stands for."""
    found = _ACRONYM_AFTER.match(text, end)
    if found is None:
        return False
    letters = fold("".join(c for c in found.group(1) if c.isalpha())).upper()
    initials = fold("".join(w[0] for t in run for w in t.text.split())).upper()
    return not (len(initials) > 1 and initials in letters)


def _with_head(
    text: str, lower: str, sentence_start: int, start: int, end: int, cue: str
) -> tuple[int, str, bool] | None:
    """Where the head before a name starts, the name with it ("biển Đen"), and whether the head
    is capitalised other than by the start of the sentence ("Cao nguyên Golan")."""
    before = lower[sentence_start:start].rstrip()
    if not before.endswith(cue):
        return None
    head_start = sentence_start + len(before) - len(cue)
    capitalised = text[head_start].isupper() and bool(text[sentence_start:head_start].strip(_OPENING_CHARS))
    return head_start, text[head_start:end], capitalised


def _cue_and_name(run: list[Token], cue: str, known: frozenset[str] | set[str]) -> int:
    """How many words of the run, with the cue before them, form a known name (0: none)."""
    keys = [_CUE_KEYS.get(cue) or name_key(cue), *(t.key for t in run[:MAX_NAME_WORDS])]
    for j in range(len(keys), 1, -1):
        if is_known(" ".join(keys[:j]), known):
            return j - 1
    return 0


def _known_whole(run: list[Token], known: frozenset[str] | set[str]) -> bool:
    """Whether the run's first words form a name the gazetteer knows alone."""
    matches = _longest_matches(run, known)
    return bool(matches) and matches[0][0] == 0


def is_known(key: str, known: frozenset[str] | set[str]) -> bool:
    """The gazetteer answers to this key, exactly or through a fallback of
    :func:`gazetteer.textnorm.search_keys` ("Mátxcơva" for "Mát-xcơ-va"), as its lookup does."""
    if key in known:
        return True
    if key.isascii() and " " not in key:
        return False  # (no fallback key differs from it: the usual miss, decided without a call)
    return not known.isdisjoint(search_keys(key)[1:])  # (one C call, no generator)


def _longest_matches(run: list[Token], known: frozenset[str] | set[str]) -> list[tuple[int, int]]:
    """Greedy left-to-right longest matches of token spans whose key the gazetteer knows."""
    size = len(run)
    if size == 1:  # most runs are one word
        return [(0, 1)] if is_known(run[0].key, known) else []
    keys = [t.key for t in run]
    found = []
    i = 0
    while i < size:
        for j in range(min(size, i + MAX_NAME_WORDS), i, -1):
            if is_known(keys[i] if j - i == 1 else " ".join(keys[i:j]), known):
                found.append((i, j))
                i = j
                break
        else:
            i += 1
    return found


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) lies in one of ``spans`` (in order, not overlapping: the only one that
    can hold it is the last one starting at or before it, found by bisection)."""
    i = bisect_right(spans, start, key=itemgetter(0)) - 1
    return i >= 0 and end <= spans[i][1]


# "giờ" right before a name: the name's clock ("(giờ Hà Nội)", "theo giờ Moskva"), unless "giờ" is
# a count of hours ("sau 5 giờ, Kyiv …", "hai giờ") or part of a word ("bây giờ", "bao giờ", "mấy giờ")
_CLOCK = re.compile(r"(?:^|\(|(\S+)\s+)giờ\s+$")
_NOT_CLOCK = frozenset({"bây", "bao", "mấy", "nhiêu", "vài", "nhiều", *lexicon.NUMBER_WORDS})


def _time_zone(preceding: str) -> bool:
    """Whether a name after ``preceding`` (lower-case text before it) names a time zone."""
    found = _CLOCK.search(preceding)
    if found is None:
        return False
    word = found.group(1)
    return word is None or not (word[-1].isdigit() or word in _NOT_CLOCK)


def _phrase_words(preceding: str) -> list[str]:
    """The last words of the text before a name when a cue, a body's or a title's word ends it (else
    none: most names follow another word, and then no phrase needs to be looked for)."""
    if not preceding[-1:].isspace():
        return []
    last = preceding.rsplit(None, 1)  # the last word alone first: cheaper
    if not last or last[-1] not in _LAST_WORDS:
        return []
    return words_before(preceding, _BEFORE_WORDS)


def _cue_before(preceding: str) -> str | None:
    """The place or locative cue ending right before a name ("thị trấn ", "tại ")."""
    words = words_before(preceding, _ALL_CUES.max_words + 1)
    return _place_cue(words) if words else None


def _starts_sentence(text: str, token: Token, sentence_starts: list[int]) -> bool:
    sentence_start = sentence_starts[token.sentence] if sentence_starts else 0
    if sentence_start >= token.start:
        return True
    # (a dateline ends with a dash, then spaces, right before the word: most words have none)
    before = token.start - 1
    while before > sentence_start and text[before].isspace():
        before -= 1
    dateline = None
    if before < token.start - 1 and text[before] in "-–—":
        dateline = _DATELINE.match(text, sentence_start, token.start)
    if dateline is not None and dateline.end() == token.start:
        return True  # "(VOV) - Hai tàu chở dầu …", "VOV.VN - Ba người …": the lede starts after its dateline
    if text[sentence_start] not in _OPENING_CHARS:
        return False  # (most sentences start with a letter: no need to look further)
    # nothing but quotes, brackets, dashes and spaces before it in its sentence
    return _OPENING.fullmatch(text, sentence_start, token.start) is not None


def _is_common_compound(text: str, run: list[Token], i: int, j: int) -> bool:
    """ "Pháp luật …", "lực lượng Không quân Israel": a one-word name that, with the lower-case
    word after it, is a common word capitalised by the sentence or by a body's name."""
    if j - i != 1 or j != len(run):
        return False
    if run[i].key not in _COMPOUND_STARTS and "" not in lexicon.COMMON_COMPOUNDS:
        return False  # no compound starts with it
    following = _NEXT_WORD.match(text, run[i].end)
    compound = f"{run[i].key} {following.group(1).casefold()}" if following else ""
    return compound in lexicon.COMMON_COMPOUNDS or compound in _CUE_COMPOUNDS
