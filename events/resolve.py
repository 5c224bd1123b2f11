"""Choose, for each place mention, the place it means, with the article's evidence.

Evidence: the countries the article names (those in the same sentence count most), the
article's focus (the place it is about: its most mentioned region or town), a cue before
the name ("thị trấn", "tại"), and each candidate's kind and population. A town that is
neither well known, nor cued, nor near the article's places is not taken for a place:
in news text such a match is almost always a person ("Donald") or a word.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from functools import lru_cache
from itertools import pairwise

from events import lexicon
from events.mentions import Mention
from events.phrases import Phrases
from gazetteer import Candidate, Gazetteer
from gazetteer.cues import split_cue
from gazetteer.store import haversine_km
from gazetteer.textnorm import fold, looks_vietnamese, name_key, search_keys

STRONG_KINDS = frozenset(
    {"country", "region", "admin1", "admin2", "border-area", "river", "other", "sea", "ocean", "gulf",
     "strait", "peninsula"}
)  # fmt: skip
POPULATED = frozenset({"city", "town", "village"})
# Kinds that a GeoNames name alone does not make a place in news text: like a town, they need a
# cue, fame or the article's context ("Ba" the island, "Let" the reef).
MINOR_KINDS = frozenset({"island", "shoal", "landmark"})
WELL_KNOWN_POPULATION = 100_000
WORLD_CITY_POPULATION = 1_000_000
NEAR_FOCUS_KM = 400.0
# How much a country named in the article (scaled by its share of mentions) or in the same
# sentence favours a town of that country over a namesake abroad. Kept below the prior gap
# between a capital and a village, so "Manila" stays Manila when "Mỹ" is in the sentence.
ARTICLE_COUNTRY_WEIGHT = 0.3
SENTENCE_COUNTRY_WEIGHT = 0.4
# The country written as the owner right after a name ("tỉnh Punjab của Pakistan") decides
# among namesakes, whichever countries the sentence names.
_OWNER = " của "
_RULED_BY = " do "  # "X do Nga kiểm soát"
# up to two lower-case words between the name and its owner ("tỉnh Punjab đông dân của Pakistan")
_OWNED = re.compile(r"((?: [^\W\d_]+){0,2}) của $")
# words of a part of a country right before a compass word ("phía Nam Sudan", "miền Bắc Syria")
_PART_OF = ("phía ", "miền ")
DWARFED = 5  # times smaller than the well-known namesake
SETTLEMENT_CUES = frozenset(
    {"thị trấn", "thành phố", "tp", "tp.", "thủ đô", "làng", "ngôi làng", "xã", "thôn", "bản", "thị xã",
     "thị trấn biên giới", "thành phố biên giới", "làng biên giới"}
)  # fmt: skip
REGION_CUES = frozenset(lexicon.ADMIN_CUES)
FEATURE_HEADS = frozenset(lexicon.FEATURE_HEADS)
# Heads that are part of a shoal's or reef's Vietnamese name ("bãi Cỏ Mây", "đá Vành Khăn"): read
# with it, as the press writes it, even where the name alone is known too
SHOAL_HEADS = ("bãi", "bãi cạn", "bãi đá", "đá", "rạn san hô")
# features as large as a province
AREA_FEATURE_HEADS = frozenset({"hành lang", "thung lũng", "rừng", "khu rừng"})
GEO_PRECISION = {
    "city": 1, "town": 1, "village": 1, "landmark": 1, "shoal": 1, "border-area": 2, "admin1": 2,
    "admin2": 2, "other": 2, "river": 2, "island": 2, "strait": 2,
}  # fmt: skip
_ADMIN = frozenset({"admin1", "admin2", "region"})
_AREA_KINDS = frozenset({"admin1", "admin2"})
_WATER = frozenset({"sea", "ocean", "gulf", "other"})
_WORKS = frozenset({"landmark", "other", "border-area"})
# The kinds a cue (or a lower-case head) names: "bang Shan" is a state, "biển Đen" a sea, "thành
# phố Armenia" a city. Candidates of those kinds are taken first.
CUE_KINDS: dict[str, frozenset[str]] = {
    **dict.fromkeys(REGION_CUES - {"huyện", "quận"}, _ADMIN),
    # a peninsula is a region in the plain sense: "vùng Balkan" is the Balkans, not Turkmenistan's
    # Balkan province
    **dict.fromkeys(("vùng", "khu vực", "miền"), _ADMIN | {"peninsula"}),
    "huyện": frozenset({"admin2", "admin1"}),
    "quận": frozenset({"admin2", "admin1"}),
    **dict.fromkeys(SETTLEMENT_CUES, POPULATED),
    "biển": _WATER,
    "vùng biển": _WATER | {"island", "region", "country"},  # "vùng biển Hoàng Sa": the islands' waters
    **dict.fromkeys(("eo biển", "eo"), frozenset({"strait", "other"})),
    "vịnh": frozenset({"gulf", "sea", "other"}),
    "sông": frozenset({"river", "other"}),
    "hồ": frozenset({"other"}),  # (lakes are curated as "other": "hồ Kivu", "hồ Chad")
    **dict.fromkeys(("đảo", "quần đảo"), frozenset({"island", "region", "country", "other", "admin1"})),
    "bán đảo": frozenset({"peninsula", "region", "other", "admin1"}),
    **dict.fromkeys(SHOAL_HEADS, frozenset({"shoal", "island", "other"})),
    **dict.fromkeys(("châu", "dải", "bờ"), frozenset({"region", "other"})),
    **dict.fromkeys(
        ("cầu", "cây cầu", "nhà máy", "nhà máy điện", "nhà máy điện hạt nhân", "thủy điện", "đập",
         "cửa khẩu", "đường hầm", "sân bay", "cảng", "hải cảng", "căn cứ", "đồn", "sân bay quốc tế",
         "sân bay quân sự", "phi trường", "căn cứ không quân", "căn cứ quân sự", "căn cứ hải quân"),
        _WORKS,
    ),
}  # fmt: skip
# Heads of a physical feature's name: written with it, they are part of the name
WATER_AND_LAND_HEADS = frozenset(
    {"biển", "vùng biển", "eo biển", "eo", "vịnh", "sông", "hồ", "đảo", "quần đảo", "bán đảo", *SHOAL_HEADS}
)
# Cues whose kind is the whole meaning: with no candidate of it, the name is not a town of the
# same name ("vịnh Aden" is not Aden, "cầu Crimea" not Crimea, "châu Phi" not a town "Phi").
CAPITAL_CUES = frozenset({"thủ đô", "thủ phủ"})
STRICT_CUES = frozenset(
    {"biển", "vùng biển", "eo biển", "eo", "vịnh", "sông", "hồ", *SHOAL_HEADS, "châu", "cầu", "cây cầu",
     "nhà máy", "nhà máy điện", "nhà máy điện hạt nhân", "thủy điện"}
)  # fmt: skip
# Cues after which a weak name (a code, a short alternate name) may stand for a place.
WEAK_NAME_CUES = frozenset(lexicon.PLACE_CUES) | frozenset(lexicon.NAME_HEADS) | {"ở", "tại", "gần"}
# One Vietnamese syllable (diacritics removed): an onset, one to three vowels, a final consonant.
# A sentence may start with any Vietnamese word, so a one-word town written like one there is
# taken for the word ("Hai bên …", "Trong khi …", "Sau đó …"); "Rafah", "Kyiv", "Gaza" are not.
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?"
)
_SYLLABLE_LETTERS = 7  # the longest Vietnamese syllable ("nghiêng")
SHORT_NAME = 3  # letters: a name this short that is not the place's own name is weak
ACRONYM = 5  # letters: an all-capitals name this short ("IS", "RSF") is weak unless it is the name


@dataclass(slots=True)
class ResolvedPlace:
    """A place mention with the place chosen for it (the ``places`` entries of the output)."""

    mention: Mention
    place: Candidate
    geo_precision: int
    score: float

    def to_dict(self) -> dict:
        p = self.place
        point = rounded_point(p.lat, p.lon)
        score = _ROUNDED_SCORES.get(self.score)
        if score is None:  # (as costly, and a few scores come back)
            if len(_ROUNDED_SCORES) >= 100_000:
                _ROUNDED_SCORES.clear()
            score = _ROUNDED_SCORES[self.score] = round(min(1.0, self.score), 3)
        return {
            "surface": self.mention.surface,
            "start": self.mention.start,
            "end": self.mention.end,
            "sentence": self.mention.sentence,
            "place_id": p.id,
            "name": p.name,
            "name_vi": p.name_vi,
            "kind": p.kind,
            "country": p.country,
            "lat": point[0],
            "lon": point[1],
            "geo_precision": self.geo_precision,
            "score": score,
        }


_ROUNDED: dict[tuple[float, float], tuple[float, float]] = {}  # a point → its output form
_ROUNDED_SCORES: dict[float, float] = {}  # a score → its output form


def rounded_point(lat: float, lon: float) -> tuple[float, float]:
    """The point as the output gives it (5 decimals), cached: ``round`` costs ten times a dict
    lookup, and the same places come back article after article."""
    point = _ROUNDED.get((lat, lon))
    if point is None:
        if len(_ROUNDED) >= 100_000:
            _ROUNDED.clear()
        point = _ROUNDED[(lat, lon)] = (round(lat, 5), round(lon, 5))
    return point


_ACTOR_NOUNS = Phrases(lexicon.ACTOR_NOUNS)
_FLAGS = "weak" in {f.name for f in fields(Candidate)}  # the gazetteer flags weak names
_NOUN_HEADS = Phrases((*lexicon.GROUP_HEADS, *lexicon.WEAPON_HEADS, *lexicon.PEOPLE_HEADS))
_PEOPLE = frozenset(lexicon.PEOPLE_HEADS) - frozenset(lexicon.GROUP_HEADS) - frozenset(lexicon.WEAPON_HEADS)
# A vessel's name: its noun ("tàu", also spelled "tầu"), up to three words of its type ("chở dầu",
# "khu trục", "hải cảnh") and up to two words of no Vietnamese ("M/V", "USS", "Chem"): "tàu chở
# dầu M/V Chem Ranger", "tầu Sierra Madre" are ships, not towns, in the whole article
_VESSEL_TYPES = (
    "chở|dầu|hàng|hóa|chất|khu|trục|chiến|sân|bay|ngầm|hải|cảnh|tuần|tra|duyên|hộ|tống|tiếp|tế|cá"
    "|buôn|công|vụ|đổ|bộ|kéo|cứu|khí|container"
)
_VESSEL = re.compile(
    rf"(?<!\w)(?:t[àầ]u|chiến hạm|khu trục hạm|tuần dương hạm|mẫu hạm)(?: (?:{_VESSEL_TYPES})){{0,3}}"
    r"((?: [^\W\d_]+(?:/[^\W\d_]+)?){0,2}) $"  # (words only: "tàu Philippines, Biển Đông" is no ship)
)


def _vessel_before(preceding: str) -> bool:
    """Whether the text before a name ends with a vessel's noun and type: the name is a ship's."""
    found = _VESSEL.search(preceding)
    if found is None:
        return False
    free = found.group(1).split()
    if not free:  # only "tầu" alone, the spelling the heads lack: "tàu hải cảnh X" may be a place's
        return found.group(0).split() == ["tầu"]
    # a ship's prefix ("M/V", "MV", "USS") or its foreign first word ("Chem") before the name
    return len(free) <= 2 and all("/" in w or (w.isascii() and len(w) <= 4) for w in free)


def is_weak(mention: Mention, candidate: Candidate) -> bool:
    """A candidate reached through a weak name: the gazetteer's flag, else a code or a very short
    name ("IS", "RSF", "Khi" → Karachi) that is neither the place's own name nor curated."""
    if getattr(candidate, "weak", False):
        return True
    surface = mention.surface
    if len(surface) > ACRONYM or candidate.kind == "country":
        return False
    if candidate.id.startswith(("curated:", "user:")):
        return False
    if surface.isupper():  # a code unless the place's own name is written so ("IS" is not "Is")
        return surface not in (candidate.name, candidate.name_vi)
    if len(surface) > SHORT_NAME:
        return False
    return mention.key != _own_key(candidate.name) and mention.key != _own_key(candidate.name_vi)


@lru_cache(maxsize=100_000)
def _is_syllable(key: str) -> bool:
    """Whether a word is written like one Vietnamese syllable (cached: sentences start with the
    same few words)."""
    return len(key) <= _SYLLABLE_LETTERS and _SYLLABLE.fullmatch(fold(key)) is not None


@lru_cache(maxsize=100_000)
def _own_key(name: str | None) -> str:
    """The lookup key of a place's own name (cached: the same places come back article after
    article)."""
    return name_key(name) if name else ""


@lru_cache(maxsize=100_000)
def _is_own_name(surface: str, key: str, name: str | None, name_vi: str | None) -> bool:
    """(cached: the same towns come back article after article)"""
    keys = {key, *search_keys(surface)}
    return any(k in keys or fold(k) in keys for k in (_own_key(name), _own_key(name_vi)) if k)


def is_actor_mention(mention: Mention) -> bool:
    """A name that says who acts ("Bộ Quốc phòng Armenia", "phía Azerbaijan"), not where."""
    if mention.actor is None:
        mention.actor = _ACTOR_NOUNS.ending(mention.preceding) is not None
    return mention.actor


def geo_precision(candidate: Candidate) -> int:
    """ACLED geo_precision of a place itself: 1 a town, 2 part of a region, 3 a region or country."""
    return GEO_PRECISION.get(candidate.kind, 3)


def is_strong(candidate: Candidate) -> bool:
    """A place the press names without a cue: countries, regions, curated and big cities, and
    places with a Vietnamese name of their own (an exonym: "Bắc Kinh"); a Vietnamese hamlet's
    name is its own name, no sign of fame ("Vương" of "Vương quốc Rakhine" is no village)."""
    return (
        candidate.kind in STRONG_KINDS
        or candidate.id.startswith(("curated:", "user:"))
        or (bool(candidate.name_vi) and candidate.name_vi != candidate.name)
        or (candidate.population or 0) >= WELL_KNOWN_POPULATION
    )


class Resolver:
    """Resolves the mentions of one article; lookups are cached across articles."""

    def __init__(self, gazetteer: Gazetteer, cache_size: int = 50_000):
        self.gazetteer = gazetteer
        self._cache: dict[tuple, list[Candidate]] = {}
        self._weak_keys: dict[str, bool] = {}
        self._cue_cache: dict[tuple[str, str], list[Candidate]] = {}  # candidates of a cue's kinds
        self._cache_size = cache_size
        # the cued names of the last article whose only places of that name lie outside its
        # region ("làng Pansi" in Burkina Faso: Pasni is in Pakistan): unresolved, not away
        self.dropped: list[Mention] = []
        self._towns: dict[tuple[str, str], dict[int, list[tuple[str, str]]]] = {}  # (spelled_like)
        self._spelled: dict[tuple[str, tuple[str, ...]], Candidate | None] = {}
        self._divisions: dict[str, list[tuple[str, str]]] = {}  # (division_spelled_like)

    def lookup(self, key: str) -> list[Candidate]:
        """Every candidate of a name, without context (cached: names repeat across articles)."""
        found = self._cache.get(key)
        if found is None:
            found = self.gazetteer.lookup(key, limit=None)
            self._remember(key, found)
        return found

    def _remember(self, key: str, candidates: list[Candidate]) -> None:
        if len(self._cache) >= self._cache_size:
            self._cache.clear()
            self._weak_keys.clear()
            self._cue_cache.clear()
        self._cache[key] = candidates

    def resolve(self, mentions: list[Mention]) -> tuple[list[ResolvedPlace], Candidate | None]:
        """The resolved places of an article (in text order) and its focus place."""
        self.dropped = []
        new = [m.key for m in mentions if m.key not in self._cache]
        if new:  # the names not seen yet, in one query
            for key, candidates in self.gazetteer.lookup_many(new).items():
                self._remember(key, candidates)
        first = []
        cached = self._cache
        bodies: set[str] = set()  # names used for a group or a weapon in this article
        last: tuple[Mention, list[Candidate]] | None = None  # the mention before, as looked up
        apposed: dict[int, str] = {}  # where a name ends → the country written after it, a comma apart
        ruled: dict[int, str] = {}  # where a name ends → the country said to control it ("do Nga kiểm soát")
        for mention in mentions:
            candidates = cached.get(mention.key)
            if candidates is None:  # (only when the cache was just cleared)
                candidates = self.lookup(mention.key)
            if (
                last is not None
                and candidates
                and candidates[0].kind == "country"
                and mention.preceding.endswith(", ")
                and last[0].end + 2 == mention.start
                and last[0].sentence == mention.sentence
                and last[1][0].kind != "country"
                and any(c.country == candidates[0].country for c in last[1])
            ):
                # "thành phố Saida, Lebanon": a country after a place it may hold, a comma apart,
                # is that place's country in apposition, not a member of the list the place's
                # cue heads (no town of Tennessee named Lebanon); the place is ranked in it
                if mention.cue is not None and mention.cue == last[0].cue:
                    mention.cue = None  # (the list's cue, carried over the comma)
                if "apposed" in mention.extra:  # (the clause ends after it: no "Nga cho biết")
                    apposed[last[0].end] = candidates[0].country or ""
            if (
                last is not None
                and candidates
                and candidates[0].kind == "country"
                and "controls" in mention.extra
                and last[0].end + len(_RULED_BY) == mention.start
            ):
                ruled[last[0].end] = candidates[0].country or ""
            cue = mention.cue
            if cue in CUE_KINDS:  # "thành phố Armenia" is a city, not the country
                kept = self._cue_cache.get((mention.key, cue))
                if kept is None:
                    if len(self._cue_cache) >= self._cache_size:
                        self._cue_cache.clear()
                    kept = self._cue_cache[(mention.key, cue)] = _of_cue_kind(candidates, cue)
                candidates = kept
            if candidates and candidates[0].kind == "country" and mention.preceding.endswith(_PART_OF):
                candidates = self._part_of_country(mention, candidates)
            if (
                candidates
                and mention.extra
                and "glued" in mention.extra
                and self._glued_name_lacking(mention, candidates[0])
            ):
                # "tại Don Lum, huyện Khok Sung": "Don" alone is no village of Thailand; the
                # name read with what is glued to it is one the gazetteer lacks (its holder
                # may still place it)
                mention.end, mention.surface = mention.extra.pop("glued")
                mention.key = name_key(mention.surface)
                mention.unresolved_reason = "not in gazetteer"
                self.dropped.append(mention)
                continue
            if candidates:
                if mention.in_body_name and (candidates[0].kind != "country" or "body_head" in mention.extra):
                    continue  # "Quân đội Độc lập Kachin (KIA)", "Hội Lưỡi liềm đỏ Palestine": a body's name
                if candidates[0].kind != "country" and not mention.cue:
                    head = _NOUN_HEADS.ending(mention.preceding)  # (one look for both classes)
                    if head in _PEOPLE:
                        continue  # "người Kurd": a people, not a town named Kurd
                    if head is not None or _vessel_before(mention.preceding):
                        bodies.add(mention.key)
                first.append((mention, candidates))
                last = (mention, candidates)
        if bodies:  # "các tay súng Hamas" makes every "Hamas" of the article a group, not Hamm
            first = [(m, c) for m, c in first if m.key not in bodies or c[0].kind == "country"]
        countries = Counter(c[0].country for _, c in first if c[0].kind == "country")
        if any(m.generic for m, _ in first):  # "miền Đông": a region of a country the article is about
            main = _main_countries(countries)
            first = [(m, _part_of_main(c, main) if m.generic else c) for m, c in first]
            first = [(m, c) for m, c in first if c]
        if _FLAGS or any(len(m.surface) <= ACRONYM for m, _ in first):
            first = self._without_weak(first, _main_countries(countries), self._flagged)
        by_sentence: dict[int, set[str]] = {}
        owners: dict[int, str] = {}  # where a name ends → the country written as its owner after it
        for m, c in first:
            if c[0].kind == "country":
                by_sentence.setdefault(m.sentence, set()).add(c[0].country)
                owned = _OWNED.search(m.preceding) if m.preceding.endswith(_OWNER) else None
                if owned is not None:  # "tỉnh Punjab của Pakistan", "tỉnh Punjab đông dân của Pakistan"
                    words = owned.group(1)
                    for n, ch in enumerate(f"{words} "):
                        if ch == " ":  # the name may end before each of the words, or right before "của"
                            owners[m.start - len(_OWNER) - len(words) + n] = c[0].country
        if apposed:
            owners.update(apposed)
        top = max(countries.values(), default=1)
        main = _main_countries(countries)
        focus_place = self._focus(
            [(m, c) for m, c in first if self._acceptable(m, c[0], countries, None, None, main)], main
        )
        focus = (focus_place.lat, focus_place.lon) if focus_place else None
        beside = focus_place.country if focus_place is not None and focus_place.kind == "country" else None
        article_weights = {cc: ARTICLE_COUNTRY_WEIGHT * n / top for cc, n in countries.items()}
        chosen: list[ResolvedPlace | None] = [None] * len(first)
        works: list[str] = []  # names of works placed nowhere ("đền Preah Vihear")
        # the province or district a sentence names ("làng X ở tỉnh Donetsk") decides among the
        # homonyms of the other places of that sentence: those are resolved first
        # (a region of a bounded extent counts: "thành phố Seversk tại Donbass" is Siversk in
        # Ukraine, not Seversk in Siberia; a macro-region, wider, says too little)
        is_area = [m.cue in REGION_CUES or c[0].kind in _AREA_KINDS or _small_region(c[0]) for m, c in first]
        order: Iterable[int] = range(len(first))
        if any(is_area):
            # a province before the town that stands for a district in it ("huyện Taechon, tỉnh
            # Bắc Pyongan"): such a town is then ranked within the province like any other place
            regions = [a and first[i][1][0].kind in _AREA_KINDS for i, a in enumerate(is_area)]
            order = [i for i, r in enumerate(regions) if r]
            order += [i for i, a in enumerate(is_area) if a and not regions[i]]
            order += [i for i, a in enumerate(is_area) if not a]
        areas: dict[int, list[Candidate]] = {}
        holders: dict[int, list[Mention]] = {}  # the area mentions of a sentence
        rerank_best, acceptable = self.gazetteer.rerank_best, self._acceptable
        # the well-known town each sentence names: a province's name shared by several countries
        # ("tỉnh Punjab, gần thành phố Lahore") is the one holding it
        # (the nearest in the text; not when the sentence names its country: "bang Punjab của Ấn Độ")
        towns: dict[int, list[tuple[int, Candidate]]] = {}
        if any(is_area):
            for (m, c), area in zip(first, is_area, strict=True):
                if not area and c[0].kind in POPULATED and (c[0].population or 0) >= WELL_KNOWN_POPULATION:
                    towns.setdefault(m.sentence, []).append((m.start, c[0]))
        for index in order:  # (one loop, inlined: this runs for every mention)
            mention, candidates = first[index]
            if towns and is_area[index] and mention.sentence in towns and mention.end not in owners:
                near_town = min(towns[mention.sentence], key=lambda t: abs(t[0] - mention.start))[1]
                candidates = _holding(candidates, near_town)
            best, near = candidates[0], focus
            if best.name_vi and best.country in countries and self._known_by_own_name(mention, best):
                # "Islamabad" in an article naming Pakistan is its capital, even in a sentence on
                # Kashmir, not Anantnag there, which GeoNames also lists under that name
                candidates = [c for c in candidates if self._own_name(mention, c)]
            if areas and best.kind != "country" and (not is_area[index] or best.kind in POPULATED):
                area = areas.get(mention.sentence)
                if area:
                    every = candidates
                    candidates, near = _within(candidates, area)
                    held = holders[mention.sentence]
                    if (
                        candidates is every
                        and mention.cue
                        # not one of a list with its areas ("các huyện A, B và C"), and an area
                        # named as holding it ("huyện X, tỉnh Y")
                        and all(h.cue != mention.cue for h in held)
                        and any(_holds(mention, h) for h in held)
                        and (
                            not any(self._own_name(mention, c) for c in every)
                            # "thị trấn Muse thuộc bang Shan": a town of its own name in another
                            # country than the area holding it is a namesake far away
                            # (unless the article names that country: "huyện Kim Môn, tỉnh Phúc Kiến")
                            or (
                                None not in {c.country for c in every}  # (a river crosses borders)
                                and {c.country for c in every}.isdisjoint({a.country for a in area})
                                and {c.country for c in every}.isdisjoint(countries)
                            )
                        )
                    ):
                        # "huyện Taechon, tỉnh Bắc Pyongan": not Boryeong (once Taechon) outside
                        # the province the sentence names: a place the gazetteer lacks
                        self._drop(mention)
                        continue
            if best.kind != "country" or mention.cue in SETTLEMENT_CUES:
                named = by_sentence.get(mention.sentence, ())
                weights = {**article_weights, **{cc: SENTENCE_COUNTRY_WEIGHT for cc in named}}
                ruler = ruled.get(mention.end) if ruled else None
                if ruler is not None and best.kind in _ADMIN and best.country not in (None, ruler):
                    # "Punjab do Pakistan kiểm soát" is Pakistan's Punjab: a division the gazetteer
                    # holds by that name in the ruling country (never a town there: "Donetsk do Nga
                    # kiểm soát" stays Ukraine's oblast; a region of no country, Kashmir, stays)
                    candidates = [
                        c for c in candidates if c.country == ruler and c.kind in _ADMIN
                    ] or candidates
                owner = owners.get(mention.end) if owners else None
                if owner is not None:  # "X của Pakistan" is in Pakistan, whatever its namesakes
                    candidates = [c for c in candidates if c.country == owner] or candidates
                elif named and (best.population or 0) >= WELL_KNOWN_POPULATION:
                    candidates = _not_dwarfed(candidates, best)
                best = rerank_best(candidates, country_weights=weights, near=near)
            if mention.cue in REGION_CUES and best.kind in _ADMIN and best.country not in countries:
                # "vùng lãnh thổ Beni" in an article on Congo: not Bolivia's Beni department but
                # the town of a country the article names, which the territory is named after
                local = [c for c in self.lookup(mention.key) if c.country in countries]
                far = (
                    not local
                    and best.kind in _AREA_KINDS
                    and best.country is not None
                    and not any(self._beside(c, best.country) for c in countries)
                )
                cut = split_cue(mention.key) if far else None
                if cut is not None:
                    # "khu vực Uri" is Switzerland's canton by that Vietnamese name; in an article
                    # on Kashmir it is the town of a country the article names, named with its cue
                    # (not a district beside those countries: "huyện Pokrovsk" in Ukraine, Russia named)
                    local = [c for c in self.lookup(cut[0]) if c.country in countries]
                if local:
                    best = rerank_best(local, country_weights=article_weights, near=near)
            if not acceptable(mention, best, countries, near, beside, main):
                if (
                    mention.cue in SETTLEMENT_CUES
                    or mention.cue in REGION_CUES
                    or mention.cue in FEATURE_HEADS
                ):
                    # (a work's name too: "Bệnh viện Nasser" is no town abroad; unresolved, or
                    # placed at the town its sentence names as holding it)
                    self._drop(mention)
                continue
            headed = mention.headed
            if headed is not None and (
                headed[2]
                or mention.cue in WATER_AND_LAND_HEADS
                or (mention.cue not in REGION_CUES and not self._named_alone(mention, best))
            ):
                # "biển Đen": "Đen" alone is no name of the Black Sea; a sea's, strait's, river's,
                # lake's, island's or peninsula's lower-case head is part of its name as written
                # ("eo biển Hormuz", "sông Euphrates", "quần đảo Trường Sa"); a region's cue is not
                # ("vùng Sagaing" is "Sagaing", "huyện Kantharalak" "Kantharalak" though only "huyện
                # Kantharalak" names the district), unless the writer capitalised it ("Cao nguyên Golan")
                mention.extra["bare"] = mention.surface
                mention.start, mention.surface = headed[0], headed[1]
            elif mention.cued is not None and mention.cue in FEATURE_HEADS and best.kind != "country":
                # "cửa khẩu Adre", "hành lang Lachin": a place of its own, not the town it is
                # named after, where it is placed when the gazetteer lacks it; a temple or a
                # crossing named after a province is somewhere in it, not at its centre
                if best.kind in _ADMIN and mention.cue not in AREA_FEATURE_HEADS:
                    works.append(mention.surface)  # (the name is a work's here: one of two places)
                    continue
                mention.start, mention.surface = mention.cued
            chosen[index] = ResolvedPlace(mention, best, self._precision(mention, best), best.score)
            if is_area[index] and best.kind != "country":
                areas.setdefault(mention.sentence, []).append(best)
                holders.setdefault(mention.sentence, []).append(mention)
        resolved = [p for p in chosen if p is not None]
        self._regions_of_towns(resolved)
        if any(p.mention.cue in URBAN_CUES for p in resolved):
            resolved = self._districts_of_cities(resolved)
        _read_with_cues(resolved, works)
        return resolved, focus_place

    def _glued_name_lacking(self, mention: Mention, best: Candidate) -> bool:
        """Whether a known first word's place is too small to be what the longer name glued to
        it means: a country, a curated or user place, or a well-known town stays the place, and
        so does a first word right before a country ("ở Kherson Ukraine"); a village or hamlet
        named by the first word alone does not ("tại Don Lum"). A country that ends the longer
        name is cut from it ("Don Lum Thái Lan" is "Don Lum")."""
        if best.kind == "country" or best.id.startswith(("curated:", "user:")):
            return False
        if (best.population or 0) >= WELL_KNOWN_POPULATION and not is_weak(mention, best):
            return False  # (a city known by a code or an alternate spelling is no reason)
        end, surface = mention.extra["glued"]
        words = surface.split(" ")
        first = len(mention.surface.split(" "))
        for size in range(min(3, len(words) - first), 0, -1):
            tail = " ".join(words[-size:])
            after = self.lookup(name_key(tail))
            if after and after[0].kind == "country":
                if len(words) - size == first:
                    return False  # the first word, then its country
                surface = " ".join(words[:-size])
                mention.extra["glued"] = (end - len(tail) - 1, surface)
                break
        return True

    def _districts_of_cities(self, resolved: list[ResolvedPlace]) -> list[ResolvedPlace]:
        """A city's district ("quận Kyivskyi" with Kharkiv named in its sentence or the one
        before) the gazetteer lacks, not a town of that name far from every such city: dropped,
        for the city to hold it (``place_in_holders``)."""
        kept = []
        for p in resolved:
            if p.mention.cue in URBAN_CUES and p.place.kind in POPULATED:
                cities = [
                    q.place
                    for q in resolved
                    if q.place.kind == "city"
                    and q.place.id != p.place.id
                    and p.mention.sentence - 1 <= q.mention.sentence <= p.mention.sentence
                ]
                # (a rural district named after its seat, "quận Izmail" with Odesa named, lies in
                # the city's province: only a town of another province is a far namesake)
                if cities and all(
                    haversine_km(p.place.lat, p.place.lon, c.lat, c.lon) > DISTRICT_KM
                    and (c.country, c.admin1) != (p.place.country, p.place.admin1)
                    for c in cities
                ):
                    self._drop(p.mention)
                    continue
            kept.append(p)
        return kept

    def _named_alone(self, mention: Mention, place: Candidate) -> bool:
        """Whether the name without its head is a name of the place."""
        return any(c.id == place.id for c in self.lookup(name_key(mention.surface)))

    def _flagged(self, key: str, candidates: list[Candidate]) -> bool:
        """Whether the gazetteer flags a candidate of this name weak (cached by name)."""
        flagged = self._weak_keys.get(key)
        if flagged is None:  # all the name's candidates, before a cue kept some
            every = self._cache.get(key) or candidates
            flagged = self._weak_keys[key] = any(getattr(c, "weak", False) for c in every)
        return flagged

    @staticmethod
    def _without_weak(
        found: list[tuple[Mention, list[Candidate]]],
        main: set[str],
        flagged: Callable[[str, list[Candidate]], bool],
    ) -> list[tuple[Mention, list[Candidate]]]:
        """Weak candidates only after a place cue, or in a country the article is about (named about
        as often as the most named); a code ("IS", "TOS") and a word that starts a sentence ("Khi
        …", "Ba người …") only after a cue."""
        kept = []
        for mention, candidates in found:
            surface = mention.surface
            short = len(surface) <= SHORT_NAME or (len(surface) <= ACRONYM and surface.isupper())
            if not (short or (_FLAGS and flagged(mention.key, candidates))) or not any(
                is_weak(mention, c) for c in candidates
            ):
                kept.append((mention, candidates))
                continue
            if mention.cue in WEAK_NAME_CUES and not mention.sentence_initial:
                strong = candidates
            elif mention.sentence_initial or mention.surface.isupper():
                strong = [c for c in candidates if not is_weak(mention, c)]  # a code ("IS", "TOS")
            else:
                strong = [c for c in candidates if not is_weak(mention, c) or c.country in main]
            if strong:
                kept.append((mention, strong))
        return kept

    @staticmethod
    def _precision(mention: Mention, place: Candidate) -> int:
        """A town named after "tỉnh"/"bang" stands for its province: part of a region (2)."""
        precision = geo_precision(place)
        if precision == 1 and mention.cue in REGION_CUES:
            return 2
        return precision

    @staticmethod
    def _focus(
        accepted: list[tuple[Mention, list[Candidate]]], main: set[str] = frozenset()
    ) -> Candidate | None:
        """The place the article is about: its most mentioned region or town in the countries it
        names most (a Kosovo article's, not Belgrade named twice) or in none (a sea, a shoal), else
        anywhere; else the country it names most as a place rather than as an actor ("Bộ Quốc
        phòng Nga")."""
        local = Counter(
            c[0].id
            for _, c in accepted
            if c[0].kind not in ("country", "border-area")
            and (not main or c[0].country in main or not c[0].country)
        )
        if not local and main:
            local = Counter(c[0].id for _, c in accepted if c[0].kind not in ("country", "border-area"))
        if local:
            best_id = local.most_common(1)[0][0]
            return next(c[0] for _, c in accepted if c[0].id == best_id)
        scene = Counter(c[0].id for m, c in accepted if c[0].kind == "country" and not is_actor_mention(m))
        named = scene or Counter(c[0].id for _, c in accepted if c[0].kind == "country")
        if named:
            best_id = named.most_common(1)[0][0]
            return next(c[0] for _, c in accepted if c[0].id == best_id)
        return None

    def _acceptable(
        self,
        mention: Mention,
        best: Candidate,
        countries: Counter,
        focus: tuple[float, float] | None,
        beside: str | None = None,
        main: set[str] | None = None,
    ) -> bool:
        """Countries and regions stand alone; a town needs a cue, fame or the article's context:
        near its focus, in a country it names, or beside the country it is about (``beside``:
        the focus when it is a country, "Nga … Avdiivka")."""
        if best.kind not in POPULATED and best.kind not in MINOR_KINDS:
            if (
                best.kind in _AREA_KINDS
                and best.country not in countries
                and _DIRECTION_WORDS.issuperset(mention.key.split())
            ):
                return False  # "vùng Đông Bắc" of Thailand: no region of Vietnam named by directions
            if best.kind in _AREA_KINDS and not mention.cue and not best.id.startswith(("curated:", "user:")):
                # a province of any country ("Alba", "Acre", "Ain") is a place only in the
                # article's region, as a town is: its name is often a person's or a word
                if mention.in_person_run or mention.after_title:
                    return False
                return _near(best, focus) or best.country in countries or self._beside(beside, best.country)
            return not (mention.after_title and best.kind not in ("country", "region"))
        population = best.population or 0
        if mention.sentence_initial and population < WORLD_CITY_POPULATION:
            # "Hai bên …", "Không …": a word capitalised by the sentence, not a town; a name no
            # Vietnamese word is written like ("Avdiivka thất thủ") stands in the article's region
            if _is_syllable(mention.key):
                return False
            return _near(best, focus) or best.country in countries or self._beside(beside, best.country)
        if best.id.startswith(("curated:", "user:")):
            return True
        if mention.cue in REGION_CUES:  # a town standing for its province: in the article's region
            if _near(best, focus) or best.country in (main or ()):
                return True
            # ("huyện Taechon" in a North Korea article: not Boryeong, once called so, in the South)
            return is_strong(best) and (self._own_name(mention, best) or not (countries or focus))
        if mention.cue:
            # a cue makes a name a place, not this small namesake abroad ("núi Hermon" is no town
            # in Maine): a small town stands in the article's region, as an uncued one does
            # ("thành phố X" says it is a town: the writer's word for it)
            settled = mention.cue in SETTLEMENT_CUES or not (focus or countries)
            if settled and population and (countries or focus) and not self._own_name(mention, best):
                # "làng Pansi" in a Burkina Faso article is no Pasni in Pakistan, "làng Banjska" in
                # Kosovo no Bansko in Bulgaria: a name that is not the town's own (an old or foreign
                # spelling of it) stands in a country the article names or one beside those it is
                # about ("thành phố Jenin" beside Israel, "thị trấn Avdiivka" beside Russia), or
                # close to its focus
                return (
                    population >= WELL_KNOWN_POPULATION
                    or best.country in countries
                    or _near(best, focus, NEAR_FOCUS_KM / 4)
                    or any(self._beside(country, best.country) for country in (main or ()))
                )
            if (settled and population) or population >= WELL_KNOWN_POPULATION:
                # (a place GeoNames knows no population of, a seat or a hamlet, needs the article's
                # region as well: "thị trấn Tawila" in Darfur is no Aţ Ţawīlah in Yemen)
                return True
            return _near(best, focus) or best.country in countries or self._beside(beside, best.country)
        if mention.in_person_run or mention.after_title:
            return False  # "Donald Trump", "Ilham Aliyev": unknown capitalised words around it
        if population >= WORLD_CITY_POPULATION or is_strong(best):
            return True
        return _near(best, focus) or best.country in countries or self._beside(beside, best.country)

    def _part_of_country(self, mention: Mention, candidates: list[Candidate]) -> list[Candidate]:
        """ "phía Nam Sudan", "miền Bắc Triều Tiên": after a word of a part, a compass word and
        a country is that country's part, not the country named with the compass word (South
        Sudan) when the country alone is another one; the mention is then the country alone."""
        first, _, rest = mention.key.partition(" ")
        if not rest or first not in _DIRECTION_WORDS:
            return candidates
        alone = self.lookup(rest)
        if not alone or alone[0].kind != "country" or alone[0].country == candidates[0].country:
            return candidates
        shift = mention.surface.index(" ") + 1
        mention.preceding += mention.surface[:shift].lower()
        mention.start += shift
        mention.surface, mention.key = mention.surface[shift:], rest
        return alone

    def _known_by_own_name(self, mention: Mention, best: Candidate) -> bool:
        """Whether the best candidate is a well-known town or city named by its own name (with a
        Vietnamese name of its own: one the press writes about)."""
        return (
            best.kind in POPULATED
            and (best.population or 0) >= WELL_KNOWN_POPULATION
            and self._own_name(mention, best)
        )

    def _drop(self, mention: Mention) -> None:
        mention.unresolved_reason = "no place of this name in the article's region"
        self.dropped.append(mention)

    def _regions_of_towns(self, resolved: list[ResolvedPlace]) -> None:
        """A town's name right after a town, "ở"/"thuộc" between, is its province when the
        gazetteer has one of that name holding it: "Pokrovsk ở Donetsk", "Kupyansk (thuộc
        Kharkov)" name the oblasts, not the cities."""
        for before, after in pairwise(resolved):
            town, named = before.place, after.place
            if (
                named.kind not in POPULATED
                or town.kind not in POPULATED
                or not town.admin1
                or before.mention.sentence != after.mention.sentence
                or after.mention.start - before.mention.end > _IN_REGION_REACH
                or _IN_REGION.search(after.mention.preceding) is None
            ):
                continue
            region = next(
                (
                    c
                    for c in self.lookup(after.mention.key)
                    if c.kind == "admin1" and c.country == town.country and c.admin1 == town.admin1
                ),
                None,
            )
            if region is not None:
                after.place, after.geo_precision = region, geo_precision(region)

    @staticmethod
    def _own_name(mention: Mention, place: Candidate) -> bool:
        """Whether the mention names the place by its own or Vietnamese name (the accent-free or
        unspaced form too), not by one of its alternate names."""
        return _is_own_name(mention.surface, mention.key, place.name, place.name_vi)

    def place_in_holders(
        self, text: str, unresolved: list[Mention], places: list[ResolvedPlace]
    ) -> tuple[list[ResolvedPlace], list[Mention]]:
        """``place_in_holders`` with the gazetteer's land borders (a holder beside the article's
        countries stands), after the towns written with another spelling (``spelled_like``)."""
        found: list[ResolvedPlace] = []
        for mention in list(unresolved):  # (most articles: few unresolved names, most of none)
            parts = self._before_its_country(mention)
            if parts:
                unresolved = [m for m in unresolved if m is not mention]
                found.extend(parts)
        if unresolved and places:
            unresolved = list(unresolved)
            # (the countries the article is about: named at least half as often as the most named)
            countries = _main_countries(Counter(p.place.country for p in places if p.place.kind == "country"))
            # the first-level regions the article names, by country ("bang Shan"): a town spelled
            # like the name lies in one of its country's, when the article names any
            regions: dict[str, set[str | None]] = {}
            for p in places:
                if p.place.kind == "admin1":
                    regions.setdefault(p.place.country or "", set()).add(p.place.admin1)
            for mention in list(unresolved):
                if mention.cue in REGION_CUES and mention.unresolved_reason == "not in gazetteer":
                    division = self.division_spelled_like(mention.key, countries)
                    if division is not None:  # "bang Bắc Dafur" is North Darfur, "tỉnh Banteay Meanche" …
                        mention.unresolved_reason = None
                        unresolved.remove(mention)
                        found.append(
                            ResolvedPlace(mention, division, geo_precision(division), SPELLING_SCORE)
                        )
                        continue
                if mention.cue in SPELLING_CUES and mention.unresolved_reason == "not in gazetteer":
                    town = self.spelled_like(mention.key, countries)
                    named = regions.get(town.country or "") if town is not None else None
                    if town is not None and named and None not in named and town.admin1 not in named:
                        town = None  # "Hpaung Seng" in an article on Shan State: not Hpaung Saing in Sagaing
                    if town is not None:
                        mention.unresolved_reason = None
                        unresolved.remove(mention)
                        found.append(ResolvedPlace(mention, town, geo_precision(town), SPELLING_SCORE))
        placed, left = place_in_holders(text, unresolved, places + found, self._beside)
        return found + placed, left

    def _before_its_country(self, mention: Mention) -> list[ResolvedPlace]:
        """ "tỉnh Mae Hong Son Thái Lan": a cued name the gazetteer lacks whose last words name a
        country and whose first words name a place of that cue's kind there is that place, then
        the country written after it (the two places); none otherwise."""
        cue = mention.cue
        if mention.unresolved_reason != "not in gazetteer" or cue not in CUE_KINDS:
            return []
        words = mention.surface.split(" ")
        for size in range(1, min(3, len(words) - 1) + 1):
            tail = " ".join(words[-size:])
            country = self.lookup(name_key(tail))
            if not country or country[0].kind != "country":
                continue
            head = " ".join(words[:-size])
            own = [
                c for c in _of_cue_kind(self.lookup(name_key(head)), cue) if c.country == country[0].country
            ]
            if not own:
                return []
            place = self.gazetteer.rerank_best(own)
            first = Mention(
                head, mention.start, mention.start + len(head), mention.sentence, name_key(head), cue
            )
            first.preceding = mention.preceding
            end = mention.end
            last = Mention(tail, end - len(tail), end, mention.sentence, name_key(tail))
            last.preceding = (mention.preceding + head + " ").lower()
            return [
                ResolvedPlace(first, place, self._precision(first, place), place.score),
                ResolvedPlace(last, country[0], geo_precision(country[0]), country[0].score),
            ]
        return []

    def spelled_like(self, key: str, countries: Iterable[str]) -> Candidate | None:
        """The one town of the article's countries whose own name is written one letter apart
        (two for long names) from a cued name the gazetteer lacks: the press's spelling of it
        ("thị trấn Kyaukphyu" is Kyaukpyu, "Laukkaing" Laukkai, "Toungup" Taungup). None when no
        town or several are that close, or the name is short (a short name is one letter from
        many). (Cached by name and countries: the same names come back.)"""
        word = _spelling_key(key)
        if len(word) < SPELLING_MIN:
            return None
        ask = (word, tuple(sorted(countries)))
        if ask in self._spelled:
            return self._spelled[ask]
        limit = 1 if len(word) < SPELLING_LONG else 2
        found: set[str] = set()
        for country in ask[1]:
            towns = self._settlements(country, word[0])
            for size in range(len(word) - limit, len(word) + limit + 1):
                for place_id, name in towns.get(size, ()):
                    if _edits_within(name, word, limit):
                        found.add(place_id)
        town = self.gazetteer.get(found.pop()) if len(found) == 1 else None
        if len(self._spelled) >= 10_000:
            self._spelled.clear()
        self._spelled[ask] = town
        return town

    def division_spelled_like(self, key: str, countries: Iterable[str]) -> Candidate | None:
        """The one first-level division of the article's countries whose own or Vietnamese name
        is written one letter apart from a name after a province's cue the gazetteer lacks ("bang
        Bắc Dafur": Bắc Darfur, "tỉnh Banteay Meanche": Banteay Meanchey); None when none or
        several are that close, or the name is short. (One letter even for a long name: "Zamboanga
        del Monte" is no Zamboanga del Norte; provinces are few, their names written with care.)"""
        word = _spelling_key(key)
        if len(word) < SPELLING_MIN:
            return None
        limit = 1
        found: set[str] = set()
        for country in sorted(countries):
            names = self._divisions.get(country)
            if names is None:
                names = self._divisions[country] = [
                    (place_id, _spelling_key(name_key(n)))
                    for place_id, *own in self.gazetteer.divisions_of(country)
                    for n in own
                    if n
                ]
            for place_id, name in names:
                if abs(len(name) - len(word)) <= limit and _edits_within(name, word, limit):
                    found.add(place_id)
        return self.gazetteer.get(found.pop()) if len(found) == 1 else None

    def _settlements(self, country: str, letter: str) -> dict[int, list[tuple[str, str]]]:
        """A country's towns whose name starts with the letter, as (id, spelling key of the own
        name) by length (read the first time, then cached)."""
        towns = self._towns.get((country, letter))
        if towns is None:
            if len(self._towns) >= 5_000:
                self._towns.clear()
            towns = self._towns[(country, letter)] = {}
            for place_id, name in self.gazetteer.settlements_of(country, letter):
                word = _spelling_key(name_key(name))
                if word[:1] == letter:
                    towns.setdefault(len(word), []).append((place_id, word))
        return towns

    def _beside(self, country: str | None, other: str | None) -> bool:
        """Whether two countries share a land border (the gazetteer's ``border:`` places)."""
        if country is None or other is None or country == other:
            return False
        return self.gazetteer.get(f"border:{'-'.join(sorted((country, other)))}") is not None


def _holds(mention: Mention, area: Mention) -> bool:
    """Whether the sentence says the area holds the mention: the area named right after it,
    in apposition or with "thuộc"/"ở"/"của" ("huyện Taechon, tỉnh Bắc Pyongan", "làng Pansi
    (thuộc tỉnh Yagha)"), not beside it in a list ("Buriram và Sa Kaeo")."""
    if not 0 <= area.start - mention.end <= _HOLDER_REACH:
        return False
    between = area.preceding.rstrip()
    if area.cue and between.endswith(area.cue):
        between = between[: -len(area.cue)].rstrip()
    return _HOLDER.search(between) is not None


# the words between a place and the area named as holding it, the area's cue aside
_HOLDER = re.compile(r"(?:,|\(|\bthuộc|\bở|\btại|\bcủa)$")
_HOLDER_REACH = 16  # characters: ", thuộc tỉnh "

# "X ở Y", "X (thuộc Y)", "X, thuộc Y": the words between a town and the province it is in
_IN_REGION = re.compile(r"(?:\bở|\bthuộc|\btại|\btrong)\s*$")
_IN_REGION_REACH = 10  # characters: " (thuộc ", ", thuộc "


# Words of direction: a region named by them only ("Đông Bắc", "Northeast") is one in an article
# about its country, and the same words name a part of any other
_DIRECTION_WORDS = frozenset(
    "bắc nam đông tây trung north south east west northeast northwest southeast southwest".split()
)


def _part_of_main(candidates: list[Candidate], main: set[str]) -> list[Candidate]:
    """A cue and compass words only ("miền Đông", "khu vực Trung Đông"): the part of a country
    the article is about, else the region of no country known by those words (the Middle East:
    "Trung Đông" names no part of Israel or of Việt Nam)."""
    return [c for c in candidates if c.country in main] or [
        c for c in candidates if c.country is None and c.kind == "region"
    ]


def _of_cue_kind(candidates: list[Candidate], cue: str) -> list[Candidate]:
    """The candidates of the kinds the cue names; with none, all of them, or none at all after a
    cue whose kind is its whole meaning ("vịnh Aden" is no town)."""
    if cue in CAPITAL_CUES:
        # "thủ đô Nga", "thủ đô Ukraine": the capital of a country names the country (its capital
        # is not named): the country, not a hamlet of its name somewhere
        countries = [c for c in candidates if c.kind == "country"]
        if countries:
            return countries
    kinds = CUE_KINDS[cue]
    chosen = [c for c in candidates if c.kind in kinds]
    if chosen or cue in STRICT_CUES:
        return chosen
    return candidates


# A cued settlement the gazetteer lacks, written by the press one letter from a town's own name
SPELLING_CUES = frozenset(c for c, kinds in CUE_KINDS.items() if kinds & POPULATED)
SPELLING_MIN = 6  # letters: shorter names are one letter from too many towns
SPELLING_LONG = 9  # letters: from here two edits are allowed
SPELLING_SCORE = 0.5


def _spelling_key(key: str) -> str:
    """A name's letters only, accent-free ("Mrauk-U" → "mrauku")."""
    return "".join(ch for ch in fold(key) if ch.isalnum())


def _edits_within(a: str, b: str, limit: int) -> bool:
    """Whether the Levenshtein distance of two words is at most ``limit`` (stops as soon as a
    row of the table exceeds it)."""
    if a == b:
        return True
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return False
        previous = current
    return previous[-1] <= limit


REGION_SPAN = 8.0  # degrees: the widest region that holds the towns named with it (Donbas: ~4)


def _small_region(place: Candidate) -> bool:
    """A region whose extent is known and small enough to tell a town's namesakes apart."""
    if place.kind != "region" or place.bbox is None:
        return False
    west, south, east, north = place.bbox
    return 0 < east - west <= REGION_SPAN and 0 < north - south <= REGION_SPAN


def _holding(candidates: list[Candidate], town: Candidate) -> list[Candidate]:
    """Of an area's namesakes in several countries, the areas holding the town (its first-level
    division, else its extent); all of them when none does (a town abroad named in the same
    sentence, "Washington", says nothing of where "Kashmir" is)."""
    if all(c.country == candidates[0].country for c in candidates):
        return candidates
    inside = [
        c
        for c in candidates
        if c.kind in _ADMIN
        and c.country == town.country
        and ((c.admin1 and c.admin1 == town.admin1) or c.contains(town.lat, town.lon))
    ]
    return inside or candidates


def _within(
    candidates: list[Candidate], areas: list[Candidate]
) -> tuple[list[Candidate], tuple[float, float]]:
    """The candidates in the province or district named in the same sentence (same first-level
    division, else inside its extent), and the point to rank them by: the area's."""
    area = areas[0]
    codes = {(a.country, a.admin1) for a in areas if a.admin1}
    inside = [c for c in candidates if c.admin1 and (c.country, c.admin1) in codes]
    if not inside:
        inside = [c for c in candidates if any(a.contains(c.lat, c.lon) for a in areas)]
    return inside or candidates, (area.lat, area.lon)


def _main_countries(countries: Counter) -> set[str]:
    """The countries an article is about: named at least half as often as the most named."""
    top = max(countries.values(), default=0)
    return {cc for cc, n in countries.items() if 2 * n >= top}


def _near(place: Candidate, focus: tuple[float, float] | None, km: float = NEAR_FOCUS_KM) -> bool:
    return focus is not None and haversine_km(place.lat, place.lon, *focus) <= km


def _read_with_cues(resolved: list[ResolvedPlace], works: Iterable[str] = ()) -> None:
    """Where the article's cues give one name to two places ("tỉnh Kherson" the oblast, "thành
    phố Kherson" its city), a mention whose cue tells which is read with its cue; elsewhere the
    name alone is the mention (a bare "Donetsk" beside "tỉnh Donetsk" is no sign of two)."""
    places: dict[str, set[str]] = {name: {"work"} for name in works}
    for p in resolved:
        if p.place.kind == "landmark" and p.mention.cue not in FEATURE_HEADS:
            continue  # "sân bay Port Sudan": a work named after the city gives its name no second place
        # (a temple, a crossing known or not does: "đền Preah Vihear" beside "tỉnh Preah Vihear")
        bare = p.mention.extra.get("bare") if p.mention.extra else None
        if bare is None and p.mention.cued is None and p.place.kind != "country":
            # a name found whole with its capitalised head ("Dải Gaza" beside "thành phố Gaza")
            bare = next(iter(split_cue(p.mention.surface) or ()), None)
        if p.mention.cued is not None or bare is not None:  # ("sông Dnipro" beside "thành phố Dnipro")
            places.setdefault(bare or p.mention.surface, set()).add(p.place.id)
    for p in resolved:
        mention = p.mention
        named = places.get(mention.surface, "")
        if mention.cued is not None and p.place.kind != "country" and len(named) > 1:
            mention.start, mention.surface = mention.cued


def _not_dwarfed(candidates: list[Candidate], known: Candidate) -> list[Candidate]:
    """A well-known city and its namesakes of a size near it: a country named in the sentence
    ("Tại Geneva, các phái đoàn Mỹ và Ukraine …") does not make a town a fifth its size or less
    there the place."""
    floor = (known.population or 0) / DWARFED
    kept = [c for c in candidates if c.kind not in POPULATED or (c.population or 0) >= floor]
    return kept or candidates  # (an area may have left only small towns: they stand)


# ACLED's fallback for a cued name the gazetteer lacks: the area or town its sentence names as
# holding it ("làng Don Ao và Krisana, huyện Kantharalak", "thị trấn Rathedaung của bang
# Rakhine", "khu vực Al-Mawasi ở thành phố Khan Younis", "vùng ngoại ô Dahiyeh của thủ đô
# Beirut"). The holder follows the name (or the list the name is one of), joined by a comma and
# its cue, or by a word of belonging or place and an optional cue; a country is too coarse to
# hold it (the name stays unresolved), and a place merely beside it ("tiếp giáp tỉnh Buri Ram",
# "giữa tỉnh Surin và …") holds nothing.
# (a province is too coarse as well: its centre is often 100 km and more from the village, a
# point that would be wrong on the map; there the name stays unresolved and its event falls back)
HOLDER_KINDS = frozenset({"admin2", "city", "town", "village"})
URBAN_CUES = frozenset({"quận", "phường", "khu phố"})  # a city's parts
DISTRICT_KM = 30.0  # a city's district lies within this of its centre (Kyiv's widest: ~20 km)
_HOLDER_CUES = "|".join(
    re.escape(c) for c in sorted({*lexicon.ADMIN_CUES, *lexicon.SETTLEMENT_CUES}, key=len, reverse=True)
)
_HOLDER_LINK = re.compile(
    rf"\s*,\s+(?:{_HOLDER_CUES})\s+"
    rf"|,?\s+(?:thuộc|của|ở|tại|trong|gần)"
    rf"(?:\s+(?:phía|miền|ngoại ô)(?:\s+(?:bắc|nam|đông|tây))?(?:\s+của)?)?"
    rf"(?:\s+(?:{_HOLDER_CUES}))?\s+"
)


def place_in_holders(
    text: str,
    unresolved: list[Mention],
    places: list[ResolvedPlace],
    beside: Callable[[str | None, str | None], bool] | None = None,
) -> tuple[list[ResolvedPlace], list[Mention]]:
    """The unresolved cued names whose sentence names the area or town holding them, placed there
    (ACLED geo_precision 2: the event happened in or near it), and the names left unresolved."""
    if not unresolved or not places:
        return [], unresolved
    lower = text.lower()
    ordered = sorted(places, key=lambda p: p.mention.start)
    # (a holder in a country the article never names, nor one beside those, is itself in doubt:
    # "Palma" of Spain in an article on Mozambique places nothing)
    named = {p.place.country for p in places if p.place.kind == "country"}

    def in_region(country: str | None) -> bool:
        if not named or country in named:
            return True
        return beside is not None and any(beside(c, country) for c in named)

    starts = [p.mention.start for p in ordered]
    times = Counter(p.place.id for p in places)
    placed: list[ResolvedPlace] = []
    left: list[Mention] = []
    group: list[Mention] = []
    for index, mention in enumerate(unresolved):
        group.append(mention)
        following = unresolved[index + 1] if index + 1 < len(unresolved) else None
        if (
            following is not None
            and following.sentence == mention.sentence
            and _LIST_JOINT.fullmatch(text, mention.end, following.start)
        ):
            continue  # "hai làng Don Ao và Krisana, huyện …": the list shares its holder
        end = mention.end
        at = bisect_left(starts, end)
        while (
            at < len(ordered)
            and ordered[at].mention.sentence == mention.sentence
            and _LIST_JOINT.fullmatch(text, end, ordered[at].mention.start)
        ):  # "các thị trấn Minbya, Maungdaw, Mrauk-U và Kyauktaw của bang Rakhine": known ones
            end = ordered[at].mention.end  # of the list too, then its holder
            at += 1
        holder = ordered[at] if at < len(ordered) else None
        if not (
            holder is not None
            and holder.place.kind in HOLDER_KINDS
            and in_region(holder.place.country)
            and holder.mention.sentence == mention.sentence
            and _HOLDER_LINK.fullmatch(lower, end, holder.mention.start)
        ):
            holder = None
            if group[0].cue in URBAN_CUES:
                # "… tại Kiev. Một tòa nhà ở quận Solomyansky bốc cháy": a city's district, the
                # city named last, in its sentence or the one before
                before = bisect_left(starts, group[0].start) - 1
                while before >= 0 and ordered[before].mention.sentence >= group[0].sentence - 1:
                    city = ordered[before].place
                    if city.kind == "city":
                        # (a city the article is about, named again, or in the same sentence:
                        # "quận" also names a rural district, "quận Shangla" is no part of
                        # Bannu, named once in the sentence before)
                        if in_region(city.country) and (
                            ordered[before].mention.sentence == group[0].sentence or times[city.id] > 1
                        ):
                            holder = ordered[before]
                        break
                    before -= 1
                if holder is None:
                    # "… ở quận Kyivskyi", Thị trưởng Kharkiv viết: the city named after it in its
                    # sentence
                    after = bisect_left(starts, group[-1].end)
                    while after < len(ordered) and ordered[after].mention.sentence == group[0].sentence:
                        city = ordered[after].place
                        if city.kind == "city":
                            if in_region(city.country):
                                holder = ordered[after]
                            break
                        after += 1
        if holder is not None:
            for member in group:
                placed.append(_placed_at(text, lower, member, holder))
        else:
            left.extend(group)
        group = []
    if placed and left:
        # "chùa Wat Bat Thkao, huyện Chongkal", then "tại chùa Wat Bat Thkao": a name placed by
        # its sentence's holder is placed there wherever the article names it again
        first = {p.mention.key: p for p in reversed(placed)}
        again = [m for m in left if m.key in first]
        if again:
            left = [m for m in left if m.key not in first]
            placed += [_placed_at(text, lower, m, first[m.key]) for m in again]
    return placed, left


def _placed_at(text: str, lower: str, member: Mention, holder: ResolvedPlace) -> ResolvedPlace:
    """An unresolved name placed at its holder (geo_precision 2), with its work's head."""
    member.unresolved_reason = None
    cue = member.cue
    if (cue in FEATURE_HEADS or looks_vietnamese(member.surface)) and lower.startswith(
        f"{cue} ", member.start - len(cue) - 1
    ):
        # "đồng cỏ Baisaran", "nhà tù Munzenze": a work's head is part of its name, as is the head
        # of a name translated into Vietnamese words ("khu Phố Cổ")
        member.start -= len(cue) + 1
        member.surface = text[member.start : member.end]
    return ResolvedPlace(member, holder.place, 2, holder.score)


_LIST_JOINT = re.compile(r"\s*(?:,|,?\s+(?:và|hoặc|cùng với))\s+")
