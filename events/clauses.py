"""Split sentences into clauses and read each clause's event cue (ACLED type and sub-type).

One event per event-bearing clause: a sentence is cut at semicolons, commas and the
conjunctions that join two reports ("trong khi", "sau khi", "nhưng", "còn"); the cue of
highest priority in a clause decides its type. Clauses of one sentence with the same type
are one event (a list of destroyed materiel is one clash, not three).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

import ahocorasick

from events import lexicon

_CONJUNCTIONS = "trong khi|sau khi|nhưng|còn|song|tuy nhiên|đồng thời|khiến cho"
# (the leading lookahead, implied by every alternative, lets the regex engine skip to a candidate)
_CUT = re.compile(rf"(?=[\s;,])(?:\s*;\s*|,\s+|\s+(?=(?:{_CONJUNCTIONS})\s))")
_STARTS_WITH_CONJUNCTION = re.compile(rf"(?:{_CONJUNCTIONS})\s")


def _leading_literals(pattern: str) -> tuple[str, ...]:
    """The literal text each top-level alternative of a cue pattern starts with."""
    alternatives, depth, current = [], 0, ""
    for char in pattern:
        if char == "|" and depth == 0:
            alternatives.append(current)
            current = ""
            continue
        depth += (char == "(") - (char == ")")
        current += char
    alternatives.append(current)
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
_STATEMENT = re.compile(rf"(?:{lexicon.STATEMENT_VERBS})")
_STATEMENT_TRIGGER = -1  # the statement verbs' index among the triggers
_CONJUNCTION_TRIGGER = -2  # a conjunction that may cut the sentence
# One Aho-Corasick pass finds where the cue patterns can match a sentence: every alternative of
# a pattern starts with its literal, so a pattern is tried only where one of its literals starts.
_TRIGGERS = ahocorasick.Automaton()
_LITERALS: dict[str, list[int]] = {}
for _index, (_pattern, *_) in enumerate(lexicon.EVENT_CUES):
    for _literal in _leading_literals(_pattern):
        _LITERALS.setdefault(_literal, []).append(_index)
for _literal in _leading_literals(lexicon.STATEMENT_VERBS):
    _LITERALS.setdefault(_literal, []).append(_STATEMENT_TRIGGER)
for _literal in _CONJUNCTIONS.split("|"):
    _LITERALS.setdefault(_literal, []).append(_CONJUNCTION_TRIGGER)
for _literal, _indices in _LITERALS.items():
    _TRIGGERS.add_word(_literal, (len(_literal), tuple(sorted(set(_indices)))))
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


def split_clauses(text: str, start: int, end: int) -> list[Clause]:
    """The clauses of the sentence text[start:end] (offsets stay article offsets)."""
    return [Clause(s, e, text[s:e], after_comma=comma) for s, e, comma in _clause_spans(text, start, end)]


class Cue(NamedTuple):
    start: int  # article offsets
    end: int
    event_type: str
    sub_event_type: str
    priority: int


def find_cues(text: str, start: int, end: int) -> tuple[list[Cue], list[Cue]]:
    """Event cues and statement verbs of the sentence text[start:end] (as each pattern's finditer)."""
    cues, statements, _ = _find_cues(text, start, end)
    return cues, statements


def _find_cues(text: str, start: int, end: int) -> tuple[list[Cue], list[Cue], bool]:
    """:func:`find_cues`, and whether a comma, a semicolon or a conjunction may cut the sentence."""
    lower = text[start:end].lower()
    # (pattern index, where one of its literals starts), by pattern then position
    hits = sorted(
        [(index, last + 1 - size) for last, (size, indices) in _TRIGGERS.iter(lower) for index in indices]
    )
    cues: list[Cue] = []
    statements: list[Cue] = []
    may_cut = "," in lower or ";" in lower
    current, reached = None, 0
    for index, position in hits:
        if index != current:
            current, reached = index, 0
        if position < reached:
            continue  # inside the pattern's last match
        if index == _CONJUNCTION_TRIGGER:
            may_cut = True
        elif index == _STATEMENT_TRIGGER:
            m = _STATEMENT.match(lower, position)
            if m:
                reached = m.end()
                statements.append(Cue(start + position, start + reached, lexicon.STRATEGIC, "Other", 0))
        else:
            pattern, event_type, sub_type, priority = _CUES[index]
            m = pattern.match(lower, position)
            if m:
                reached = m.end()
                cues.append(Cue(start + position, start + reached, event_type, sub_type, priority))
    return cues, statements, may_cut


def _strongest(
    cues: list[Cue],
    statements: list[Cue],
    start: int,
    end: int,
    starts: tuple[list[int], list[int]] | None = None,
) -> Cue | None:
    """The cue that decides the type of the clause text[start:end] (None: not an event).

    ``starts``: the starts of ``cues`` and ``statements`` when both are in text order (then the
    clause's are found by bisection: linear time in a sentence of many clauses)."""
    if starts is not None:
        cues = cues[bisect_left(starts[0], start) : bisect_left(starts[0], end)]
    best = None
    for cue in cues:  # the highest priority, then the first
        if start <= cue.start < end and (
            best is None or (-cue.priority, cue.start) < (-best.priority, best.start)
        ):
            best = cue
    if best is None or best.event_type == lexicon.STRATEGIC:
        return best
    # "kêu gọi chấm dứt các cuộc đụng độ": a statement about the violence
    if starts is not None:
        i = bisect_left(starts[1], start)
        return statements[i] if i < len(statements) and statements[i].start < best.start else best
    return next((s for s in statements if start <= s.start < best.start), best)


def classify(clause: Clause, cues: list[Cue], statements: list[Cue]) -> Clause:
    """Set the clause's event type from its strongest cue (none: not an event)."""
    best = _strongest(cues, statements, clause.start, clause.end)
    if best is not None:
        clause.event_type, clause.sub_event_type = best.event_type, best.sub_event_type
        clause.cue_start, clause.cue = (
            best.start,
            clause.text[best.start - clause.start : best.end - clause.start],
        )
    return clause


def event_clauses(text: str, start: int, end: int) -> list[Clause]:
    """The event-bearing clauses of a sentence, same-type clauses merged into the first.

    A clause with no cue continues the event before it ("…, khiến 19 dân thường thiệt mạng").
    """
    cues, statements, may_cut = _find_cues(text, start, end)
    if not cues:
        return []
    starts = None  # a few cues: scanned for each clause; many: sorted and bisected (linear time)
    if len(cues) > 8:
        cues.sort(key=lambda cue: cue.start)  # (stable: equal starts stay in the patterns' order)
        starts = ([cue.start for cue in cues], [s.start for s in statements])
    merged: dict[tuple, Clause] = {}
    previous: Clause | None = None
    for clause_start, clause_end, after_comma in _clause_spans(text, start, end, may_cut):
        best = _strongest(cues, statements, clause_start, clause_end, starts)
        if best is None:
            if previous is not None:
                previous.spans.append((clause_start, clause_end))
            continue
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
            )
        previous = merged[key]
    return list(merged.values())  # in order: a clause is added before those after it
