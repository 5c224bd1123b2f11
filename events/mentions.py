"""Find the place names in an article: gazetteer-driven longest match over capitalised words.

Vietnamese capitalises every syllable of a proper name ("Thổ Nhĩ Kỳ", "Hoa Kỳ"), so a place
name is a run of capitalised words that the gazetteer knows. Before a match is kept, the
traps are ruled out: organisation names that contain a place ("Nhóm Minsk"), people's
names and bylines ("Vũ Anh"; "Tổng thống Mỹ Donald Trump"), and common words capitalised at
the start of a sentence ("Pháp luật …"). A capitalised name after a place cue ("thị trấn X")
that the gazetteer lacks is reported as unresolved.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from events import lexicon
from events.phrases import Phrases
from gazetteer.textnorm import name_key

MAX_NAME_WORDS = 7
UPPER = "".join(c for c in map(chr, range(0x41, 0x1F00)) if c.isupper() and c.isalpha())
# Arabic article particles stay lower case inside names ("Deir el-Balah", "Khan al-Ahmar").
_CAPITAL_WORD = re.compile(
    rf"(?<![^\W\d_])(?:(?:al|el|ad|ash|as|at|an|ar|az|ed|es|ul)-)?[{UPPER}][^\W\d_]*(?:[-'’][^\W\d_]+)*"
)
_BYLINE_AFTER = re.compile(r"\s*\(\s*(?:theo|nguồn)\b", re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")


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


def tokenize(text: str, sentence_starts: list[int]) -> list[Token]:
    """The capitalised words (the only ones a name can start or run through), with offsets,
    lookup keys and sentence index. A lower-case word between two of them breaks their run."""
    tokens = []
    for m in _CAPITAL_WORD.finditer(text):
        word = m.group(0)
        sentence = max(bisect.bisect_right(sentence_starts, m.start()) - 1, 0)
        tokens.append(Token(m.start(), m.end(), word, _word_key(word), sentence))
    return tokens


def _word_key(word: str) -> str:
    """:func:`name_key` of one word of already normalized text, fast for the common case."""
    key = word.casefold()
    return name_key(word) if not key.isalpha() else key


def capital_runs(text: str, tokens: list[Token]) -> list[list[Token]]:
    """Maximal runs of capitalised words separated by single spaces within one sentence."""
    # ``tokens`` are capitalised words only: a lower-case word between two leaves more than a space
    runs: list[list[Token]] = []
    current: list[Token] = []
    for token in tokens:
        joined = (
            current and token.sentence == current[-1].sentence and text[current[-1].end : token.start] == " "
        )
        if joined:
            current.append(token)
            continue
        if current:
            runs.append(current)
        current = [token]
    if current:
        runs.append(current)
    return runs


def _alternation(phrases: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted(phrases, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in ordered) + r")(?!\w)")


_ORGANISATIONS = _alternation(lexicon.ORGANISATIONS)
_ORG_CUES = Phrases(lexicon.ORGANISATION_CUES)
_TITLES = Phrases(lexicon.PERSON_TITLES)
_PLACE_CUES = sorted(set(lexicon.PLACE_CUES) | set(lexicon.LOCATIVE_CUES), key=len, reverse=True)
_ALL_CUES = Phrases(_PLACE_CUES)


def organisation_spans(lower: str) -> list[tuple[int, int]]:
    """Spans of known organisation names (lower-cased text: same offsets as the text)."""
    return [m.span() for m in _ORGANISATIONS.finditer(lower)]


def find_mentions(
    text: str, sentence_starts: list[int], known: frozenset[str] | set[str]
) -> tuple[list[Mention], list[Mention]]:
    """Place-name candidates (``known`` keys, longest first) and unresolved cued names."""
    lower = text.lower()
    tokens = tokenize(text, sentence_starts)
    blocked = organisation_spans(lower)
    mentions: list[Mention] = []
    unresolved: list[Mention] = []
    for run in capital_runs(text, tokens):
        sentence_start = sentence_starts[run[0].sentence] if sentence_starts else 0
        before = lower[max(sentence_start, run[0].start - 40) : run[0].start]
        if _BYLINE_AFTER.match(text, run[-1].end) and len(run) <= 4:
            continue  # "Vũ Anh (Theo RT)": the writer's name
        cue = _cue_before(before)
        named_with_cue = _cue_and_name(run, cue, known) if cue else 0
        if named_with_cue:  # "quần đảo Trường Sa": looked up with its cue, not as "Trường Sa" (Changsha)
            start, end = run[0].start, run[named_with_cue - 1].end
            key = f"{name_key(cue)} {name_key(text[start:end])}"
            mentions.append(
                Mention(text[start:end], start, end, run[0].sentence, key, cue=cue, preceding=before)
            )
            run = run[named_with_cue:]
            if not run:
                continue
            before = lower[max(sentence_start, run[0].start - 40) : run[0].start]
            cue = None
        matches = _longest_matches(run, known)
        unmatched_start = not matches or matches[0][0] > 0
        if unmatched_start and cue in lexicon.PLACE_CUES and not _ORG_CUES.ending(before):
            unresolved.append(_unresolved(text, run, matches, cue))
        if not matches or _ORG_CUES.ending(before) or _inside(blocked, run[0].start, run[-1].end):
            continue
        after_title = _TITLES.ending(before) is not None
        matched_tokens = {id(t) for i, j in matches for t in run[i:j]}
        unknown = any(id(t) not in matched_tokens for t in run)
        for n, (i, j) in enumerate(matches):
            start, end = run[i].start, run[j - 1].end
            if _inside(blocked, start, end):
                continue
            if i > 0 and run[i - 1].key in lexicon.SURNAMES:
                continue  # "Vũ Anh": a person's name
            if after_title and (n > 0 or i > 0):
                continue  # "Tổng thống Mỹ Donald Trump": after the country, a person
            if _is_common_compound(text, run, i, j):
                continue
            preceding = before if i == 0 else lower[max(sentence_start, start - 40) : start]
            mentions.append(
                Mention(
                    surface=text[start:end],
                    start=start,
                    end=end,
                    sentence=run[i].sentence,
                    key=" ".join(t.key for t in run[i:j]),
                    cue=_cue_before(preceding),
                    preceding=preceding,
                    in_person_run=unknown,
                    after_title=after_title and n == 0,
                    sentence_initial=j - i == 1 and _starts_sentence(text, run[i], sentence_starts),
                )
            )
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
    for j in range(min(len(run), MAX_NAME_WORDS), 0, -1):
        if f"{name_key(cue)} {' '.join(t.key for t in run[:j])}" in known:
            return j
    return 0


def _longest_matches(run: list[Token], known: frozenset[str] | set[str]) -> list[tuple[int, int]]:
    """Greedy left-to-right longest matches of token spans whose key the gazetteer knows."""
    found = []
    i = 0
    while i < len(run):
        for j in range(min(len(run), i + MAX_NAME_WORDS), i, -1):
            if " ".join(t.key for t in run[i:j]) in known:
                found.append((i, j))
                i = j
                break
        else:
            i += 1
    return found


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _cue_before(preceding: str) -> str | None:
    """The place or locative cue ending right before a name ("thị trấn ", "tại ")."""
    return _ALL_CUES.ending(preceding)


def _starts_sentence(text: str, token: Token, sentence_starts: list[int]) -> bool:
    sentence_start = sentence_starts[token.sentence] if sentence_starts else 0
    return text[sentence_start : token.start].strip(" \"'“”‘’«»(-–—") == ""


def _is_common_compound(text: str, run: list[Token], i: int, j: int) -> bool:
    """ "Pháp luật …", "lực lượng Không quân Israel": a one-word name that, with the lower-case
    word after it, is a common word capitalised by the sentence or by a body's name."""
    if j - i != 1 or j != len(run):
        return False
    following = _NEXT_WORD.match(text, run[i].end)
    compound = f"{run[i].key} {following.group(1).casefold()}" if following else ""
    return compound in lexicon.COMMON_COMPOUNDS
