"""Split sentences into clauses and read each clause's event cue (ACLED type and sub-type).

One event per event-bearing clause: a sentence is cut at semicolons, commas and the
conjunctions that join two reports ("trong khi", "sau khi", "nhưng", "còn"); the cue of
highest priority in a clause decides its type. Clauses of one sentence with the same type
are one event (a list of destroyed materiel is one clash, not three).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import ahocorasick

from events import lexicon

_CONJUNCTIONS = "trong khi|sau khi|nhưng|còn|song|tuy nhiên|đồng thời|khiến cho"
_CUT = re.compile(rf"\s*;\s*|,\s+|\s+(?=(?:{_CONJUNCTIONS})\s)")
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
    literals = tuple(re.split(r"[\\(\[.*+?{]", alt, maxsplit=1)[0] for alt in alternatives)
    if any(len(literal) < 2 for literal in literals):
        raise ValueError(f"every alternative of a cue must start with a word: {pattern!r}")
    return literals


_CUES = [(re.compile(p), t, s, prio) for p, t, s, prio in lexicon.EVENT_CUES]
# One Aho-Corasick pass finds which cue patterns can match a sentence; only those run.
_TRIGGERS = ahocorasick.Automaton()
for _index, (_pattern, *_) in enumerate(lexicon.EVENT_CUES):
    for _literal in _leading_literals(_pattern):
        _TRIGGERS.add_word(_literal, (*_TRIGGERS.get(_literal, ()), _index))
_TRIGGERS.make_automaton()
_STATEMENT = re.compile(rf"(?:{lexicon.STATEMENT_VERBS})")


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


def split_clauses(text: str, start: int, end: int) -> list[Clause]:
    """The clauses of the sentence text[start:end] (offsets stay article offsets)."""
    clauses = []
    position = start
    sentence = text[start:end]
    comma = False
    for m in _CUT.finditer(sentence):
        cut = start + m.start()
        if cut > position:
            clauses.append(Clause(position, cut, text[position:cut], after_comma=comma))
        position = start + m.end()
        comma = m.group(0).strip() == "," and not _STARTS_WITH_CONJUNCTION.match(sentence, m.end())
    if position < end:
        clauses.append(Clause(position, end, text[position:end], after_comma=comma))
    return clauses


@dataclass(slots=True, frozen=True)
class Cue:
    start: int  # article offsets
    end: int
    event_type: str
    sub_event_type: str
    priority: int


def find_cues(text: str, start: int, end: int) -> tuple[list[Cue], list[Cue]]:
    """Event cues and statement verbs of the sentence text[start:end] (one scan per pattern)."""
    lower = text[start:end].lower()
    possible = {index for _, indices in _TRIGGERS.iter(lower) for index in indices}
    cues = [
        Cue(start + m.start(), start + m.end(), event_type, sub_type, priority)
        for pattern, event_type, sub_type, priority in (_CUES[i] for i in sorted(possible))
        for m in pattern.finditer(lower)
    ]
    statements = [
        Cue(start + m.start(), start + m.end(), lexicon.STRATEGIC, "Other", 0)
        for m in _STATEMENT.finditer(lower)
    ]
    return cues, statements


def classify(clause: Clause, cues: list[Cue], statements: list[Cue]) -> Clause:
    """Set the clause's event type from its strongest cue (none: not an event)."""
    inside = [c for c in cues if clause.start <= c.start < clause.end]
    if not inside:
        return clause
    best = min(inside, key=lambda c: (-c.priority, c.start))
    statement = next((s for s in statements if clause.start <= s.start < best.start), None)
    if best.event_type != lexicon.STRATEGIC and statement is not None:
        best = statement  # "kêu gọi chấm dứt các cuộc đụng độ": a statement about the violence
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
    merged: dict[tuple, Clause] = {}
    previous: Clause | None = None
    cues, statements = find_cues(text, start, end)
    if not cues:
        return []
    for clause in split_clauses(text, start, end):
        classify(clause, cues, statements)
        if clause.event_type is None:
            if previous is not None:
                previous.spans.append((clause.start, clause.end))
            continue
        key = (clause.event_type, clause.sub_event_type)
        if key in merged and not clause.after_comma:
            key = (*key, clause.start)  # "…, trong khi X …": a second report of its own
        if key in merged:
            merged[key].spans.append((clause.start, clause.end))
        else:
            clause.spans = [(clause.start, clause.end)]
            merged[key] = clause
        previous = merged[key]
    return sorted(merged.values(), key=lambda c: c.start)
