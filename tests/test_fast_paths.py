"""The extractor's fast paths find exactly what the patterns they stand for find (the speed-up of
issue 13 changes no output): a cheaper test before a regex is a necessary condition of its match,
a rewritten pattern matches where the original does."""

from __future__ import annotations

import random
import re

from events import clauses, dates, mentions, pipeline, reader, sentences
from gazetteer import textnorm


def _strings(alphabet: list[str], count: int, most: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, most))) for _ in range(count)]


def test_emoji_test_of_the_encoded_text_agrees_with_the_class_on_every_code_point() -> None:
    step = 4096  # (code points a chunk at a time: each chunk's first emoji, or none, must agree)
    for first in range(0, 0x110000, step):
        chars = [chr(c) for c in range(first, min(first + step, 0x110000))]
        for c in chars if reader._EMOJI_ANY.search("".join(chars)) else chars[:1]:
            found = reader._EMOJI_ANY.search(f"a{c}b") is not None
            assert reader._has_emoji(f"a{c}b") == found, hex(ord(c))
    assert not reader._has_emoji("Xung đột ở Dải Gaza “leo thang” – (Ảnh: Reuters)…")
    assert reader._has_emoji("Nga🇷🇺") and reader._has_emoji("Azer🔥baijan") and reader._has_emoji("a\u200db")


def test_zero_width_test_agrees_with_the_pattern() -> None:
    for text in _strings(["a", "ế", " ", "\u200b", "\u00ad", "\ufeff", "\u2060", "x"], 3000, 6, 1):
        found = textnorm._ZERO_WIDTH.search(text) is not None
        assert any(c in text for c in textnorm._ZERO_WIDTH_CHARS) == found


def test_anaphor_pattern_for_lower_case_text_matches_as_the_case_blind_one() -> None:
    words = pipeline._ANAPHOR.pattern
    words = re.sub(r"\(\?P<\w+>|\(\?[:!]|\\[dw]|\{1,2\}|[()|]", " ", words).split()
    # the dotless i and the long s are what a case-blind match adds to lower-case text
    alphabet = [*words, *(w.replace("i", "ı").replace("s", "ſ") for w in words), "3", "12", ",", "x", " "]
    for text in _strings(alphabet, 20000, 8, 2):
        text = " ".join(text.split()).lower()
        a, b = pipeline._ANAPHOR.search(text), pipeline._ANAPHOR_LOWER.search(text)
        assert (a and (a.span(), a.lastgroup)) == (b and (b.span(), b.lastgroup)), text
    # no other letter of the pattern meets another lower-case character case-blind
    every = (chr(x) for x in range(0x110000) if not 0xD800 <= x < 0xE000)
    lower_case = "".join(c for c in every if c == c.lower())
    for c in {c for c in pipeline._ANAPHOR_LOWER.pattern if c.isalpha()} - set("Pıſ"):
        met = set(re.findall(c, lower_case, re.IGNORECASE)) - {c}
        assert met == {"i": {"ı"}, "s": {"ſ"}}.get(c, set()), c


def test_word_endings_before_a_cue_are_necessary_for_the_patterns_after_them() -> None:
    cases = [
        (clauses._COMPOUND, clauses._COMPOUND_WORDS),
        (clauses._WEAPON_BEFORE, clauses._WEAPON_WORDS),
        (clauses._TALLY_BEFORE, clauses._TALLY_WORDS),
        (clauses._SERIES_BEFORE, clauses._ATTACK_NOUNS),
        (clauses._PLURAL_BEFORE, clauses._ATTACK_NOUNS),
    ]
    assert clauses._COMPOUND_WORDS and clauses._WEAPON_WORDS  # (the lexicon's forms are read)
    for pattern, words in cases:
        assert words is not None
        alphabet = [*words, "12", "1.300", "các", "hàng loạt", "nhiều", "máy bay", " ", "  ", "\n", "x", ","]
        for text in _strings(alphabet, 4000, 6, 3):
            if pattern.search(text, 0, len(text)):
                assert clauses._ends_with(text, 0, len(text), words), (pattern.pattern, text)


def test_days_tried_at_digits_are_the_days_found_everywhere() -> None:
    alphabet = ["1", "27", "9", "/", "-", ".", " ", "ngày ", "tháng ", "năm ", "2020", "đến ", "và ", "sáng "]
    for text in _strings(alphabet, 5000, 10, 4):
        assert [m.span() for m in dates._days(text)] == [m.span() for m in dates._DAYS.finditer(text)], text


def test_byline_and_romance_tests_are_those_of_their_patterns() -> None:
    alphabet = [" ", "  ", "\n", "(", "Theo", "theo", "nguồn", "Nguồn", " RT)", "x", "de", "del", "Sur"]
    for text in _strings(alphabet, 5000, 7, 5):
        for end in range(len(text) + 1):
            byline = mentions._BYLINE_AFTER.match(text, end) is not None
            assert mentions._byline_after(text, end) == byline, (text, end)
            if mentions._ROMANCE_AFTER.match(text, end):
                assert text.startswith(mentions._ROMANCE_HEADS, end), (text, end)
            if mentions._ROMANCE_BEFORE.search(text, 0, end):
                assert text.endswith(mentions._ROMANCE_TAILS, 0, end), (text, end)


def test_lines_read_with_find_are_the_line_pattern_matches() -> None:
    alphabet = ["a", "b c", "\n", "\n\n", " ", "\r\n", "\u2028", "\x0b", "\x85", "."]
    for text in _strings(alphabet, 5000, 8, 6):
        assert sentences._lines(text) == [m.span() for m in sentences._LINE.finditer(text)], repr(text)


def test_recently_is_found_only_where_its_lower_case_is() -> None:
    # every character the case-blind "gần đây" meets is one whose lower case is the pattern's
    every = "".join(chr(x) for x in range(0x110000) if not 0xD800 <= x < 0xE000)
    for c in set("gần đây"):
        assert {x.lower() for x in re.findall(re.escape(c), every, re.IGNORECASE)} == {c}, c


def test_dateline_needs_a_dash_then_spaces_right_before_the_word() -> None:
    alphabet = ["(VOV)", " ", "-", "–", "VOV.VN", "Hai", "x", "(", ")", "  "]
    for text in _strings(alphabet, 5000, 6, 7):
        for end in range(1, len(text) + 1):
            m = mentions._DATELINE.match(text, 0, end)
            if m is not None and m.end() == end:
                before = end - 1
                while before > 0 and text[before].isspace():
                    before -= 1
                assert before < end - 1 and text[before] in "-–—", (text, end)


def _word_before_by_characters(text: str, sentence: int, i: int) -> str:
    s = i
    while s > sentence and not text[s - 1].isspace():
        s -= 1
    return text[s:i].strip("\"'“”‘’()[]{}«»")


def test_word_before_a_period_is_read_as_character_by_character() -> None:
    alphabet = ["a", "TP", " ", "\u00a0", "\n", "(", "”", "x" * 45, "U.S", "."]
    for text in _strings(alphabet, 3000, 8, 8):
        for sentence in range(min(len(text), 3)):
            for i in range(sentence, len(text) + 1):
                want = _word_before_by_characters(text, sentence, i)
                assert sentences._word_before(text, sentence, i) == want, (text, sentence, i)


def test_hyphenated_pairs_tried_at_hyphens_are_those_the_pattern_finds() -> None:
    for text in _strings(["a", "B", "-", "1", "_", "Ư", "ế", " ", "²", "Đ", "\n"], 20000, 8, 7):
        assert mentions._hyphenated(text) == (mentions._HYPHENATED.search(text) is not None), text


def test_another_incident_needs_one_of_its_words_case_folded() -> None:
    words = re.sub(r"\(\?[:!<]+|\\[sw]\+?|[()|?+]", " ", pipeline._ANOTHER_INCIDENT.pattern).split()
    # (the long s, the Kelvin sign and capitals are what a case-blind match adds)
    alphabet = [f"{w} " for w in [*words, *(w.upper() for w in words), "ſau", "\u212aể"]] + ["x", ","]
    found = 0
    for text in _strings(alphabet, 20000, 6, 8):
        if pipeline._ANOTHER_INCIDENT.search(text) is not None:
            found += 1
            assert any(word in text.casefold() for word in pipeline._ANOTHER_WORDS), text
    assert found > 1000


def test_a_border_the_gazetteer_lacks_is_answered_without_a_query(gaz) -> None:
    queries: list[str] = []
    gaz._con.set_trace_callback(queries.append)
    try:
        assert gaz.get("border:KH-TH") is not None  # (a built border: read, then cached)
        assert gaz.get("border:AQ-VA") is None and gaz.get("border:AQ-VN") is None
        asked = len(queries)
        assert gaz.get("border:FR-MN") is None
        assert len(queries) == asked  # (the set of built borders answers: no query for the pair)
    finally:
        gaz._con.set_trace_callback(None)
