"""The article lower-cased once (events.phrases.lowered): a sentence's clauses read it by offsets
only where that gives what lower-casing the sentence alone gives."""

from __future__ import annotations

import pytest

from events.clauses import event_clauses, find_cues
from events.phrases import lowered, lowered_by_offsets

SENTENCE = "Quân đội Nga pháo kích thị trấn Terter sáng 3/10, khiến 2 người thiệt mạng."


@pytest.mark.parametrize(
    "before",
    [
        "",
        "Tin từ İzmir. ",  # "İ" lower-cases to two characters: the offsets would shift
        "ΟΔΥΣ ΣΟΦΙΑΣ. ",  # "Σ" lower-cases by its neighbours ("σ", or "ς" at a word's end)
    ],
)
def test_clauses_read_as_with_the_sentence_alone(before: str) -> None:
    text = before + SENTENCE
    start, end = len(before), len(text)
    alone = [(c.start, c.end, c.event_type) for c in find_cues(SENTENCE, 0, len(SENTENCE))[0]]
    assert [(c.start - start, c.end - start, c.event_type) for c in find_cues(text, start, end)[0]] == alone
    clauses = event_clauses(text, start, end)
    assert [(c.text, c.cue, c.sub_event_type) for c in clauses] == [
        (c.text, c.cue, c.sub_event_type) for c in event_clauses(SENTENCE, 0, len(SENTENCE))
    ]
    assert clauses and clauses[0].cue == "pháo kích"


def test_the_lower_case_by_offsets_only_when_it_keeps_them() -> None:
    assert lowered_by_offsets(SENTENCE) == lowered(SENTENCE) == SENTENCE.lower()
    assert lowered_by_offsets("Tin từ İzmir.") is None
    assert "ΑΣΒ".lower()[:2] != "ΑΣ".lower()  # (why: "ασ" in the word, "ας" cut after the Σ)
    assert lowered_by_offsets("ΑΣΒ") is None
