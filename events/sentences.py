"""Sentence spans of a normalized article, glued sentences ("hôm nay.Giao tranh") included.

A sentence ends at a line break, or at ``.`` ``!`` ``?`` ``…`` (or a run of them) when the
next sentence visibly starts: after spaces an uppercase letter or a digit (an opening quote,
bracket or dash may come first), or with no space at all an uppercase letter. Closing quotes
and brackets right after the terminator belong to the sentence before. A period does not end
a sentence after an abbreviation ("TP.HCM", "TP. Hồ Chí Minh", "Mr.", "St."), an initial
("ông A. Putin"), a dotted acronym ("U.S."), or the number of a list item; an ellipsis inside
a quotation that goes on does not either. Numbers ("19.000", "3.5") are never split since a
digit never starts a glued sentence.
"""

from __future__ import annotations

import re

__all__ = ["split_sentences"]

_LINE = re.compile("[^\n\r\u2028\u2029\x0b\x0c\x85]+")
_OTHER_BREAKS = "\r\u2028\u2029\x0b\x0c\x85"  # (a normalised text has none: see _lines)
_TERMINATORS = ".!?…"
_CLOSERS = ")]}”’»"  # plus '"' when it closes an open quotation
_OPENERS = "\"“‘'([{«–—-"
_MARKS = re.compile('["“”.!?…]')  # the characters _split_line acts on
_ALNUM = re.compile(r"[^\W_]")  # what str.isalnum() accepts
# Words after which a period is part of the word, not the end of a sentence.
ABBREVIATIONS = frozenset(
    """
    TP Tp tp TX Tx TT Tt ThS Th TS PGS GS BS KS NXB Mr Mrs Ms Dr Prof St Mt Ste Jr Sr Gen Col Lt
    Maj Capt Sgt Adm Cdr Gov Sen Rep Pres Rev Hon Co Corp Inc Ltd Bros Mfg Dept Univ No Nos Nr Vol Fig
    vs etc approx Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    """.split()
)
_DOTTED = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")  # "U.S" of "U.S.", "a.m" of "a.m."
_NOT_DOTTED = frozenset({"v.v"})  # "v.v." (etc.) often ends a sentence


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every match of ``_LINE``: the non-empty lines. Where "\\n" is the only line
    break (a normalised text), read with ``str.find``: 10× faster than the regex's character class."""
    if any(c in text for c in _OTHER_BREAKS):
        return [m.span() for m in _LINE.finditer(text)]
    lines = []
    start, size = 0, len(text)
    while (found := text.find("\n", start)) >= 0:
        if found > start:
            lines.append((start, found))
        start = found + 1
    if size > start:
        lines.append((start, size))
    return lines


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence, in order, without surrounding whitespace.

    Spans with no letter or digit (separator lines such as "* * *") are left out.
    """
    spans: list[tuple[int, int]] = []
    for start, end in _lines(text):
        _split_line(text, start, end, spans)
    return spans


def _split_line(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    sentence = start
    in_straight = False  # inside a "…" quotation (straight quotes toggle)
    curly = 0  # depth of “…” quotations
    # only quotes and terminators change the state: jump from one to the next
    search = _MARKS.search
    m = search(text, start, end)
    while m is not None:
        i = m.start()
        c = text[i]
        if c == '"':
            in_straight = not in_straight
            k = i + 1
        elif c == "“":
            curly += 1
            k = i + 1
        elif c == "”":
            curly = max(0, curly - 1)
            k = i + 1
        else:
            j = i + 1
            while j < end and text[j] in _TERMINATORS:
                j += 1
            k = j
            while k < end and (text[k] in _CLOSERS or (text[k] == '"' and in_straight)):
                if text[k] == '"':
                    in_straight = False
                elif text[k] == "”":
                    curly = max(0, curly - 1)
                k += 1
            if _ends_sentence(text, sentence, i, j, k, end, quoted=in_straight or curly > 0):
                _emit(text, sentence, k, spans)
                sentence = k
        m = search(text, k, end)
    _emit(text, sentence, end, spans)


def _ends_sentence(text: str, sentence: int, i: int, j: int, k: int, end: int, *, quoted: bool) -> bool:
    """Whether terminators text[i:j] (closers up to k) end the sentence that began at ``sentence``."""
    rest = k
    while rest < end and text[rest] in " \t":
        rest += 1
    if rest == end:
        return True
    run = text[i:j]
    ellipsis = "…" in run or ".." in run
    if ellipsis and quoted:
        return False
    glued = rest == k
    p = rest
    while p < end and text[p] in _OPENERS:
        p += 1
    if p == end or not (text[p].isupper() or (text[p].isdigit() and not glued)):
        return False
    if glued and p > rest and text[rest] in "-–—":
        return False  # "Nagorno.-Karabakh"-like joins are not sentence starts
    if run != ".":
        return True
    word = _word_before(text, sentence, i)
    if not word:
        return True
    if word in ABBREVIATIONS:
        return False
    if len(word) == 1 and word.isalpha() and word.isupper():
        return False  # an initial: "ông A. Putin"
    if _DOTTED.fullmatch(word) and word not in _NOT_DOTTED:
        return False
    return not (word.isdigit() and len(word) <= 2 and text[sentence:i].strip() == word)  # "1. …" list item


def _word_before(text: str, sentence: int, i: int) -> str:
    """The word the period at ``i`` ends, without quotes or brackets around it ("(TP" → "TP")."""
    # (the last word of a few characters before it, split by str.split's whitespace, which is
    # str.isspace's: a character at a time, each read as a new string, cost 5× more)
    lo = max(sentence, i - 40)
    window = text[lo:i]
    if not window or window[-1].isspace():
        return ""
    parts = window.rsplit(None, 1)
    if len(parts) == 2 or lo == sentence or window[0].isspace():
        return parts[-1].strip("\"'“”‘’()[]{}«»")
    s = lo  # (a word longer than the window)
    while s > sentence and not text[s - 1].isspace():
        s -= 1
    return text[s:i].strip("\"'“”‘’()[]{}«»")


def _emit(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if _ALNUM.search(text, start, end):  # a letter or a digit
        spans.append((start, end))


# Lines that are not the body of a report: a photo or video caption, a credit, a link to
# another story. Matched at the start of a line (after an opening bracket) or, for a credit,
# at its end ("… - Ảnh: Reuters", "(Ảnh: AFP)", "… hôm 5/11. Ảnh: Xinhua." with its full stop).
_CAPTION_START = re.compile(
    r"[\[(]?\s*(?:ảnh|video|clip|hình|infographic|đồ họa|nguồn|ảnh minh họa|ảnh tư liệu|xem thêm|đọc thêm"
    r"|tin liên quan|có thể bạn quan tâm|bài liên quan|xem video|mời xem)(?:\s*\d+)?\s*(?:[:\]\)–—-]|$)",
    re.IGNORECASE,
)
# What _CAPTION_START's words begin with: a cheap test before the regex.
_CAPTION_WORDS = (
    "ảnh", "video", "clip", "hình", "infographic", "đồ họa", "nguồn", "xem", "đọc", "tin", "có thể", "bài",
    "mời",
)  # fmt: skip
# A credit that ends with a full stop ("Ảnh: Xinhua News."): a few capitalised names, so that a
# sentence that only says "ảnh: …" or "video: …" before its full stop stays body text.
_UPPER = "A-ZĐÂĂÊÔƠƯÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ"
_CREDIT = rf"(?-i:[{_UPPER}])[^\s.!?]*(?:[ /,-]+(?-i:[{_UPPER}])[^\s.!?]*){{0,4}}"
_CAPTION_END = re.compile(
    r"(?:[-–—(]\s*|\s)(?:ảnh|video|clip|nguồn|hình|ảnh chụp màn hình|ảnh (?:tư liệu|minh họa|minh hoạ))"
    r"(?:\s*\d+)?"
    # (a page's separator may trail the credit: "… Ảnh: Reuters. |")
    r"\s*(?::\s*[^.!?|]{0,60}|:\s*" + _CREDIT + r"\.)?\)?[\s|]*$|(?:[-–—]\s*)hình\s*\d+\s*$"
    # a bare agency credit in capitals ends the line: "… gần Avdiivka ngày 11.2 AFP" (not "theo AFP")
    r"|(?<!theo)(?<!của)(?<!dẫn)\s(?-i:AFP|REUTERS|AP|EPA|TTXVN|XINHUA|GETTY IMAGES|ANADOLU|TASS)\s*$",
    re.IGNORECASE,
)
_CLOSING = "\"'”’»)] \t"
_TAIL = 90  # a credit is short: only a line's last characters are searched for one
_CAPTION_SENTENCES = 3  # a credit makes its whole line a caption when the line is this short


def _ends_sentence_mark(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] ends with sentence punctuation (closing quotes may follow)."""
    tail = text[max(start, end - 8) : end].rstrip(_CLOSING)
    return bool(tail) and tail[-1] in _TERMINATORS


def sentence_roles(text: str, spans: list[tuple[int, int]], title: str | None = None) -> list[str]:
    """The role of each sentence: ``body``, ``headline`` (the article's title, or a line with no
    sentence punctuation that body text follows), ``caption`` (a photo/video caption or credit, a
    link to another story) or ``question`` (it ends with "?"). Only body sentences report events.
    ``spans`` are :func:`split_sentences`'s (no sentence runs over a line break)."""
    roles = ["body"] * len(spans)
    title_key = " ".join(title.split()).casefold() if title else None
    index = 0
    for line_start, line_end in _lines(text):
        first = index
        while index < len(spans) and spans[index][0] < line_end:
            index += 1
        if first == index:
            continue
        # a caption's credit ends its line: "Khói bốc lên … hôm 5/11. Ảnh: AFP" (every sentence of it)
        credit = _CAPTION_END.search(text, max(line_start, spans[index - 1][1] - _TAIL), spans[index - 1][1])
        # past its first sentence, a long line without "?" has only body (a one-line article)
        last = (
            index
            if credit or title_key or index - first == 1 or text.find("?", line_start, line_end) >= 0
            else first + 1
        )
        for i in range(first, last):
            start, end = spans[i]
            if (
                (credit and (i == index - 1 or index - first <= _CAPTION_SENTENCES))
                or (
                    i == first  # a caption starts its line ("Ảnh: …", "Video: …")
                    and text[start : start + 24].lower().lstrip("[( ").startswith(_CAPTION_WORDS)
                    and _CAPTION_START.match(text, start, end)
                )
            ):
                roles[i] = "caption"
            elif text[max(start, end - 8) : end].rstrip(_CLOSING).endswith("?"):
                roles[i] = "question"
            elif (
                title_key is not None
                and abs(end - start - len(title_key)) < 16
                and " ".join(text[start:end].split()).casefold() == title_key
            ) or (
                index - first == 1
                and not _ends_sentence_mark(text, start, end)
                and i + 1 < len(spans)
                and _ends_sentence_mark(text, *spans[i + 1])
            ):
                roles[i] = "headline"
    return roles
