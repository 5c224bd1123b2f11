"""Text normalisation shared by the gazetteer and the article reader.

Vietnamese text arrives in NFC or NFD, with old or new tone placement ("hoà" / "hòa"),
with zero-width characters and with several dash and apostrophe characters. Every
comparison of names goes through the keys built here, so that the same name written
in any of these ways meets the same gazetteer entry.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Combining tone marks of Vietnamese (after NFD): grave, acute, hook above, tilde, dot below.
_TONES = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}
_ZERO_WIDTH_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_ZERO_WIDTH = re.compile(f"[{_ZERO_WIDTH_CHARS}]")
_DASHES = re.compile("[\u2010\u2011\u2012\u2013\u2014\u2015\u2212_-]+")
_APOSTROPHES = re.compile("[\u2018\u2019\u02bc\u02bb\u0060\u00b4']")
_SPACES = re.compile(r"\s+")
_KEY_DROP = re.compile(r"[.,;:!?\"()\[\]{}«»“”]")

# Old-style placement puts the tone on the second vowel of open "oa", "oe", "uy"
# ("hoà", "thuỷ"); we use the placement of the Vietnamese Wikipedia ("hòa", "thủy").
_OLD_STYLE = re.compile(r"(?<![qQ])([oOuU])([aAeEyY])([\u0300\u0301\u0309\u0303\u0323])(?![\w\u0300-\u036f])")


# What :func:`nfc` may change in a text that is NFC already: zero-width characters and an "o"/"u"
# before a toned a/e/y that ends a word (a superset of the old-style placements). The toned
# letter comes first in the pattern, then what is behind it: the regex engine skips ahead to
# one of its characters (a pattern that starts with a look-behind tries every position).
_MAYBE_OLD_STYLE = re.compile("[àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ](?<=[oOuU].)(?<![qQ][oOuU].)(?!\\w)")


def nfc(text: str) -> str:
    """NFC with one tone-placement convention and no zero-width characters."""
    if text.isascii():
        return text
    if (
        unicodedata.is_normalized("NFC", text)
        # (six substring tests: 20× faster than the class's search over a whole article)
        and not any(c in text for c in _ZERO_WIDTH_CHARS)
        and not _MAYBE_OLD_STYLE.search(text)
    ):
        return text  # the usual case, without the NFD round trip
    decomposed = unicodedata.normalize("NFD", _ZERO_WIDTH.sub("", text))
    decomposed = _OLD_STYLE.sub(_move_tone, decomposed)
    return unicodedata.normalize("NFC", decomposed)


def _move_tone(match: re.Match[str]) -> str:
    first, second, tone = match.groups()
    if (first + second).lower() not in ("oa", "oe", "uy"):
        return match.group(0)
    return first + tone + second


# Every character name_key removes or turns into a space, and every space but " " (all are below
# U+3001): a key without them, runs of spaces or spaces at its ends is its own key.
_KEY_CHANGES = re.compile(
    "[\u2018\u2019\u02bc\u02bb\u0060\u00b4'\u2010-\u2015\u2212_\\-.,;:!?\"()\\[\\]{}«»“”"
    + "".join(c for c in map(chr, range(0x3001)) if c.isspace() and c != " ")
    + "]"
)


def name_key(name: str) -> str:
    """Exact lookup key: normalised, case-folded, dashes and runs of spaces as one space."""
    text = nfc(name).casefold()
    if not _KEY_CHANGES.search(text) and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text  # (the usual name: the passes below would change nothing)
    text = _APOSTROPHES.sub("", text)
    text = _DASHES.sub(" ", text)
    text = _KEY_DROP.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def fold(text: str) -> str:
    """Remove diacritics (đ → d too) for the diacritic-insensitive fallback."""
    return unicodedata.normalize("NFD", text).translate(_FOLD)


class _FoldTable(dict):
    """``str.translate`` table of :func:`fold`: combining marks removed, "đ", "Đ", "ı" replaced;
    filled as characters come (only those below U+3000, the scripts names are written in: the
    table stays small whatever a text holds)."""

    def __missing__(self, code: int) -> str | None:
        char = chr(code)
        out = None if unicodedata.combining(char) else char
        if code < 0x3000:
            self[code] = out
        return out


_FOLD = _FoldTable({ord("đ"): "d", ord("Đ"): "D", ord("ı"): "i"})


_VIETNAMESE_ONLY = re.compile(
    "[ăâđêôơưĂÂĐÊÔƠƯ"
    "ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
    "ẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ]"
)
# Latin letters with their diacritics, modifier letters, punctuation and spaces.
_NOT_LATIN = re.compile("[^\x00-\u02ff\u0300-\u036f\u1e00-\u1eff\u2000-\u206f]")


_VIETNAMESE_ALPHABET = re.compile(
    "[a-zA-Zàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
    "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ '-]+"
)


def looks_vietnamese(name: str) -> bool:
    """True for a name written in the Vietnamese alphabet with a letter only Vietnamese uses.

    ("Mát-xcơ-va" yes; "Chişinău", "Sêûl" (Hakka), "Ngâ-kâ-tha̍t" no: letters outside it.)
    """
    text = unicodedata.normalize("NFC", name)
    return _VIETNAMESE_ONLY.search(text) is not None and _VIETNAMESE_ALPHABET.fullmatch(text) is not None


def is_latin(name: str) -> bool:
    """True for names written in Latin letters (the only script Vietnamese news uses)."""
    return _NOT_LATIN.search(name) is None and any(c.isalpha() for c in name)


def compact_key(key: str) -> str:
    """A key without its spaces: "oa sinh tơn" → "oasinhtơn" (hyphens are spaces in a key already)."""
    return key.replace(" ", "")


@lru_cache(maxsize=65536)
def search_keys(name: str) -> tuple[str, ...]:
    """The keys a lookup tries, best first: the exact key, then the fallbacks.

    Fallbacks: the name without the hyphens and spaces inside it, so that "Oasinhtơn" meets
    "Oa-sinh-tơn" and "Mátxcơva" meets "Mát-xcơ-va"; and, unless it is one word written with
    Vietnamese letters, the name without accents ("Chisinau" meets "Chişinău"). The builder
    stores these forms of every name (flagged as fallbacks), so every key here can be found.
    """
    key = name_key(name)
    if not key:
        return ()
    keys = [key]
    # One accented word that Vietnamese could write keeps its accents: without them "Cả" (a word)
    # meets "CA" (California) and "Hàng" meets "Hang" (Hangzhou). Only the spacing may differ.
    one_vietnamese_word = (
        " " not in key and not key.isascii() and _VIETNAMESE_ALPHABET.fullmatch(key) is not None
    )
    # Never both: "ở Dải" without accents and spaces would be "odai", a Romanian village (Odăi).
    folds = () if one_vietnamese_word else (fold(key),)
    for candidate in (compact_key(key), *folds):
        if candidate not in keys:
            keys.append(candidate)
    return tuple(keys)
