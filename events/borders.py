"""Descriptive border places: "các ngôi làng của Iran dọc biên giới" and its variants.

The phrase names one country (the owner of the villages) and a border; the other side is
either named ("… biên giới với Azerbaijan") or is the country at war in the article: the
neighbour of the owner that holds the article's focus, else the neighbour the article
names most. The place is the land border of the two (``border:AA-BB`` in the gazetteer),
placed at the point of that border nearest the article's focus.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass

import shapely
from shapely.geometry import shape

from events.mentions import UPPER, Mention
from events.resolve import ResolvedPlace
from gazetteer import Candidate, Gazetteer
from gazetteer.textnorm import name_key

_SETTLEMENTS = (
    "ngôi làng", "làng mạc", "làng", "khu dân cư", "thị trấn", "khu vực", "vùng", "thôn", "bản",
    "đồn biên phòng", "khu định cư", "xã",
)  # fmt: skip
_QUANTIFIERS = ("các", "những", "một số", "nhiều")
_SETTLEMENT = f"(?:{'|'.join(_SETTLEMENTS)})"
_NAME = rf"([{UPPER}][\w'’-]*(?: [{UPPER}][\w'’-]*){{0,3}})"
_QUANT = f"(?:(?i:{'|'.join(_QUANTIFIERS)}) )?"
# Implied by both phrase patterns: they start with one of these letters (the regex engine then
# rejects the other positions of a window at once, 2× faster).
_START = f"(?=(?i:[{''.join(sorted({w[0] for w in _SETTLEMENTS + _QUANTIFIERS}))}]))"
_ALONG = r"(?:nằm )?(?:dọc|gần|sát|ở|tại|giáp|ven|trên)(?: theo)? (?:khu vực |đường |vùng |tuyến )?biên giới"
# "biên giới" in any case; a first letter given as a set lets the regex engine skip ahead to it
_BORDER_WORD = re.compile(r"[bB](?i:iên giới)")
# "các ngôi làng của Iran dọc biên giới (với Azerbaijan)"
_OWNED_ALONG = re.compile(
    rf"{_START}{_QUANT}(?i:{_SETTLEMENT})(?: biên giới)? (?:của|thuộc) {_NAME} {_ALONG}"
    rf"(?: (?:với|giáp) {_NAME})?"
)
# "các làng biên giới của Iran", "khu vực biên giới của Iran với Azerbaijan"
_BORDER_OF = re.compile(
    rf"{_START}{_QUANT}(?i:{_SETTLEMENT}) biên giới (?:của|thuộc) {_NAME}(?: (?:với|giáp) {_NAME})?"
)

# "biên giới Thái Lan - Campuchia", "khu vực biên giới giữa Armenia và Azerbaijan": the border of
# the two countries named
_BETWEEN = re.compile(
    rf"(?:(?i:khu vực|vùng) )?[bB](?i:iên giới) (?:(?i:giữa) )?{_NAME}(?: ?[-–] ?| (?i:và|với) ){_NAME}"
)


@dataclass(slots=True)
class BorderPhrase:
    start: int
    end: int
    owner_start: int
    owner_end: int
    other_start: int | None
    other_end: int | None


def find_border_phrases(text: str) -> list[BorderPhrase]:
    """Descriptive border phrases with the spans of the country names they contain."""
    found: list[BorderPhrase] = []
    windows = [(max(0, m.start() - 120), m.end() + 60) for m in _BORDER_WORD.finditer(text)]
    for pattern, (start, end) in ((p, w) for p in (_OWNED_ALONG, _BORDER_OF, _BETWEEN) for w in windows):
        for m in pattern.finditer(text, start, end):
            if any(p.start < m.end() and m.start() < p.end for p in found):
                continue
            other = m.span(2) if m.group(2) else (None, None)
            found.append(BorderPhrase(m.start(), m.end(), *m.span(1), *other))
    return sorted(found, key=lambda p: p.start)


def _country_in(places: list[ResolvedPlace], start: int, end: int) -> Candidate | None:
    """The country mention starting the span [start, end) (the name group may run long)."""
    for p in places:
        if p.place.kind == "country" and p.mention.start == start and p.mention.end <= end:
            return p.place
    return None


def resolve_border_phrases(
    text: str,
    places: list[ResolvedPlace],
    focus: tuple[float, float] | None,
    gazetteer: Gazetteer,
) -> list[ResolvedPlace]:
    """A border-area place for each descriptive phrase whose countries share a border."""
    phrases = find_border_phrases(text)
    if not phrases:
        return []
    mentions_per_country = Counter(p.place.country for p in places if p.place.kind == "country")
    focus_country = gazetteer.country_at(*focus) if focus else None
    out = []
    for phrase in phrases:
        owner = _country_in(places, phrase.owner_start, phrase.owner_end)
        if owner is None:
            continue
        other = None
        if phrase.other_start is not None:
            other = _country_in(places, phrase.other_start, phrase.other_end)
        if other is None:
            other = _war_neighbour(owner, mentions_per_country, focus_country, gazetteer)
        if other is None:
            continue
        border = gazetteer.get(f"border:{'-'.join(sorted((owner.country, other.country)))}")
        if border is None:
            continue
        lat, lon = _nearest_point(border, focus)
        surface_end = phrase.end
        mention = Mention(
            surface=text[phrase.start : surface_end],
            start=phrase.start,
            end=surface_end,
            sentence=next((p.mention.sentence for p in places if p.place is owner), 0),
            key=name_key(text[phrase.start : surface_end]),
            cue="dọc biên giới",
        )
        located = Candidate(
            id=border.id,
            name=border.name,
            name_vi=border.name_vi,
            kind="border-area",
            country=owner.country,
            admin1=None,
            lat=lat,
            lon=lon,
            population=None,
            bbox=border.bbox,
            source=border.source,
            score=border.score,
            geometry_loader=border.geometry_loader,
        )
        out.append(ResolvedPlace(mention, located, 2, 0.9))
    return out


def _war_neighbour(
    owner: Candidate, mentions: Counter, focus_country: Candidate | None, gazetteer: Gazetteer
) -> Candidate | None:
    """The neighbour of ``owner`` the article is about: the focus's country, else the most named."""
    ranked = [cc for cc, _ in mentions.most_common() if cc != owner.country]
    if focus_country is not None and focus_country.country != owner.country:
        ranked.insert(0, focus_country.country)
    for code in ranked:
        if gazetteer.get(f"border:{'-'.join(sorted((owner.country, code)))}") is not None:
            return gazetteer.get(f"country:{code}")
    return None


def _nearest_point(border: Candidate, focus: tuple[float, float] | None) -> tuple[float, float]:
    """The point of the border line nearest the focus (its middle when there is no focus)."""
    if focus is None:
        return border.lat, border.lon
    line = _line(border)
    point = line.interpolate(line.project(shapely.Point(focus[1], focus[0])))
    return round(point.y, 4), round(point.x, 4)


_LINES: dict[str, shapely.Geometry] = {}  # a stored GeoJSON line → its shape
_MAX_LINES = 256  # far more than the land borders the news of a corpus names


def _line(border: Candidate) -> shapely.Geometry:
    """The border's line, parsed once per stored geometry (parsing cost more than the rest of the
    phrase's resolution; keyed by the stored text, so that another gazetteer never meets it)."""
    stored = border.geometry_loader(border.id) if border.geometry_loader else None
    if not stored:
        return shape(border.geometry)
    line = _LINES.get(stored)
    if line is None:
        if len(_LINES) >= _MAX_LINES:
            _LINES.clear()
        line = _LINES[stored] = shape(json.loads(stored))
    return line
