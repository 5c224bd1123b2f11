"""Phrases looked for at the end of the text before a name: cues, titles, actor nouns."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

_PUNCTUATION = "\"'“”‘’«»()[],:;–—-"


def words_before(preceding: str, count: int) -> list[str]:
    """The last ``count`` words of a text that ends with a space; none when it does not (no phrase
    ends right before a name then). One cut serves several :meth:`Phrases.ending_words`."""
    if not preceding[-1:].isspace():
        return []
    # rsplit: only the last words are cut out (a text of 40 characters has ~8)
    return preceding.rsplit(None, count)[-count:]


class Phrases:
    """A set of phrases looked for at the end of a text ("… thị trấn ", "Bộ Quốc phòng ")."""

    def __init__(self, phrases: Iterable[str]):
        self.phrases = frozenset(phrases)
        self.last_words = frozenset(p.split()[-1] for p in self.phrases)
        self.max_words = max(len(p.split()) for p in self.phrases)
        # for each last word, the lengths (in words) of the phrases it ends, longest first: only
        # those are tried
        sizes: dict[str, set[int]] = {}
        for p in self.phrases:
            sizes.setdefault(p.split()[-1], set()).add(len(p.split()))
        self._sizes = {w: tuple(sorted(n, reverse=True)) for w, n in sizes.items()}

    def ending(self, preceding: str) -> str | None:
        """The longest phrase the text ends with, as whole words, before a space."""
        if not preceding[-1:].isspace():
            return None
        last = preceding.rsplit(None, 1)  # the last word alone first: most texts end with no phrase
        if not last or last[-1] not in self._sizes:
            return None
        return self.ending_words(words_before(preceding, self.max_words))

    def ending_words(self, words: list[str]) -> str | None:
        """:meth:`ending` of a text given by :func:`words_before` (``count`` ≥ ``max_words``)."""
        if not words:
            return None
        sizes = self._sizes.get(words[-1])
        if sizes is None:
            return None
        count = len(words)
        for n in sizes:
            if n <= count:
                phrase = " ".join([words[-n].lstrip(_PUNCTUATION), *words[count - n + 1 :]])
                if phrase in self.phrases:
                    return phrase
        return None


@lru_cache(maxsize=2)
def lowered(text: str) -> str:
    """``text.lower()``, made once for every module that reads an article lower-cased (the same
    text object comes again: for its names, clauses, dates and records)."""
    return text.lower()


@lru_cache(maxsize=2)
def lowered_by_offsets(text: str) -> str | None:
    """:func:`lowered` when its every slice is the lower case of the text's same slice (no
    character's lower case is longer, as "İ"'s, or hangs on its neighbours, as "Σ"'s); else None."""
    low = lowered(text)
    return low if len(low) == len(text) and "Σ" not in text else None
