"""Phrases looked for at the end of the text before a name: cues, titles, actor nouns."""

from __future__ import annotations

from collections.abc import Iterable

_PUNCTUATION = "\"'“”‘’«»()[],:;–—-"


class Phrases:
    """A set of phrases looked for at the end of a text ("… thị trấn ", "Bộ Quốc phòng ")."""

    def __init__(self, phrases: Iterable[str]):
        self.phrases = frozenset(phrases)
        self.last_words = frozenset(p.split()[-1] for p in self.phrases)
        self.max_words = max(len(p.split()) for p in self.phrases)

    def ending(self, preceding: str) -> str | None:
        """The longest phrase the text ends with, as whole words, before a space."""
        if not preceding[-1:].isspace():
            return None
        words = preceding.split()[-self.max_words :]
        if not words or words[-1] not in self.last_words:
            return None
        for n in range(len(words), 0, -1):
            phrase = " ".join([words[-n].lstrip(_PUNCTUATION), *words[len(words) - n + 1 :]])
            if phrase in self.phrases:
                return phrase
        return None
