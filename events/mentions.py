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
from events.phrases import Phrases, words_before
from gazetteer.textnorm import name_key

MAX_NAME_WORDS = 7
MAX_RUN_WORDS = 1_000  # far above any name: a longer run of capitalised words is cut there
UPPER = "".join(c for c in map(chr, range(0x41, 0x1F00)) if c.isupper() and c.isalpha())
# Arabic article particles stay lower case inside names ("Deir el-Balah", "Khan al-Ahmar").
_PARTICLES = ("al", "el", "ad", "ash", "as", "at", "an", "ar", "az", "ed", "es", "ul")
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
_BYLINE_AFTER = re.compile(r"\s*\(\s*(?:theo|nguồn)\b", re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")
_OPENING_CHARS = " \"'“”‘’«»(-–—"
_OPENING = re.compile(f"[{re.escape(_OPENING_CHARS)}]*")
_COMPOUND_STARTS = frozenset(c.rsplit(" ", 1)[0] for c in lexicon.COMMON_COMPOUNDS)


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


def _automaton(phrases: tuple[str, ...]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for phrase in phrases:
        automaton.add_word(phrase, len(phrase))
    automaton.make_automaton()
    return automaton


_ORGANISATIONS = _automaton(lexicon.ORGANISATIONS)
_ORG_CUES = Phrases(lexicon.ORGANISATION_CUES)
_TITLES = Phrases(lexicon.PERSON_TITLES)
_PLACE_CUES = sorted(set(lexicon.PLACE_CUES) | set(lexicon.LOCATIVE_CUES), key=len, reverse=True)
_PLACE_CUE_SET = frozenset(lexicon.PLACE_CUES)
_CUE_KEYS = {cue: name_key(cue) for cue in _PLACE_CUES}
_ALL_CUES = Phrases(_PLACE_CUES)
_BEFORE_WORDS = max(_ORG_CUES.max_words, _TITLES.max_words, _ALL_CUES.max_words)
_LAST_WORDS = _ORG_CUES.last_words | _TITLES.last_words | _ALL_CUES.last_words


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
) -> tuple[list[Mention], list[Mention]]:
    """Place-name candidates (``known`` keys, longest first) and unresolved cued names; with
    ``limit``, the search stops once either list holds that many (a few more may come)."""
    lower = text.lower()
    bylines = "(" in text  # "Vũ Anh (Theo RT)"
    tokens = tokenize(text, sentence_starts)
    blocked = organisation_spans(lower)
    mentions: list[Mention] = []
    unresolved: list[Mention] = []
    for run in capital_runs(text, tokens):
        if limit is not None and (len(mentions) >= limit or len(unresolved) >= limit):
            break
        first = run[0]
        sentence_start = sentence_starts[first.sentence] if sentence_starts else 0
        before = lower[max(sentence_start, first.start - 40) : first.start]
        if bylines and len(run) <= 4 and _BYLINE_AFTER.match(text, run[-1].end):
            continue  # "Vũ Anh (Theo RT)": the writer's name
        words = _phrase_words(before)
        cue = before_cue = _ALL_CUES.ending_words(words) if words else None
        named_with_cue = _cue_and_name(run, cue, known) if cue else 0
        if named_with_cue:  # "quần đảo Trường Sa": looked up with its cue, not as "Trường Sa" (Changsha)
            start, end = first.start, run[named_with_cue - 1].end
            key = f"{name_key(cue)} {name_key(text[start:end])}"
            mentions.append(
                Mention(text[start:end], start, end, first.sentence, key, cue=cue, preceding=before)
            )
            run = run[named_with_cue:]
            if not run:
                continue
            first = run[0]
            before = lower[max(sentence_start, first.start - 40) : first.start]
            words = _phrase_words(before)
            cue, before_cue = None, _ALL_CUES.ending_words(words) if words else None
        matches = _longest_matches(run, known)
        organisation = bool(words) and _ORG_CUES.ending_words(words) is not None
        if not matches:
            if cue in _PLACE_CUE_SET and not organisation:
                unresolved.append(_unresolved(text, run, matches, cue))
            continue
        if matches[0][0] > 0 and cue in _PLACE_CUE_SET and not organisation:
            unresolved.append(_unresolved(text, run, matches, cue))
        if organisation or (blocked and _inside(blocked, first.start, run[-1].end)):
            continue
        after_title = bool(words) and _TITLES.ending_words(words) is not None
        covered = 0
        for i, j in matches:
            covered += j - i
        unknown = covered < len(run)  # the matches do not overlap
        for n, (i, j) in enumerate(matches):
            start, end = run[i].start, run[j - 1].end
            if blocked and _inside(blocked, start, end):
                continue
            if i > 0 and run[i - 1].key in lexicon.SURNAMES:
                continue  # "Vũ Anh": a person's name
            if after_title and (n > 0 or i > 0):
                continue  # "Tổng thống Mỹ Donald Trump": after the country, a person
            if j - i == 1 and j == len(run) and _is_common_compound(text, run, i, j):
                continue
            if i == 0:
                preceding, cue = before, before_cue
            else:
                preceding = lower[max(sentence_start, start - 40) : start]
                cue = _cue_before(preceding)
            one_word = j - i == 1
            surface, sentence, key = text[start:end], run[i].sentence, run[i].key
            if not one_word:
                key = " ".join([t.key for t in run[i:j]])
            sentence_initial = one_word and _starts_sentence(text, run[i], sentence_starts)
            # positional: twice as fast as by keyword, and this is the inner loop
            mentions.append(
                Mention(surface, start, end, sentence, key, cue, preceding, unknown, after_title and n == 0,
                        sentence_initial)
            )  # fmt: skip
    return mentions, unresolved


def _unresolved(text: str, run: list[Token], matches: list[tuple[int, int]], cue: str) -> Mention:
    """The cued name the gazetteer lacks: the run up to its first known name (4 words at most)."""
    end_token = run[matches[0][0] - 1] if matches else run[min(len(run), 4) - 1]
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


def _cue_and_name(run: list[Token], cue: str, known: frozenset[str] | set[str]) -> int:
    """How many words of the run, with the cue before them, form a known name (0: none)."""
    keys = [_CUE_KEYS.get(cue) or name_key(cue), *(t.key for t in run[:MAX_NAME_WORDS])]
    for j in range(len(keys), 1, -1):
        if " ".join(keys[:j]) in known:
            return j - 1
    return 0


def _longest_matches(run: list[Token], known: frozenset[str] | set[str]) -> list[tuple[int, int]]:
    """Greedy left-to-right longest matches of token spans whose key the gazetteer knows."""
    size = len(run)
    if size == 1:  # most runs are one word
        return [(0, 1)] if run[0].key in known else []
    keys = [t.key for t in run]
    found = []
    i = 0
    while i < size:
        for j in range(min(size, i + MAX_NAME_WORDS), i, -1):
            if (keys[i] if j - i == 1 else " ".join(keys[i:j])) in known:
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
    return _ALL_CUES.ending(preceding)


def _starts_sentence(text: str, token: Token, sentence_starts: list[int]) -> bool:
    sentence_start = sentence_starts[token.sentence] if sentence_starts else 0
    if sentence_start >= token.start:
        return True
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
    return compound in lexicon.COMMON_COMPOUNDS
