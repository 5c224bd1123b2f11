"""Choose, for each place mention, the place it means, with the article's evidence.

Evidence: the countries the article names (those in the same sentence count most), the
article's focus (the place it is about: its most mentioned region or town), a cue before
the name ("thị trấn", "tại"), and each candidate's kind and population. A town that is
neither well known, nor cued, nor near the article's places is not taken for a place:
in news text such a match is almost always a person ("Donald") or a word.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from events import lexicon
from events.mentions import Mention
from events.phrases import Phrases
from gazetteer import Candidate, Gazetteer
from gazetteer.store import haversine_km

STRONG_KINDS = frozenset({"country", "region", "admin1", "admin2", "border-area", "river", "other"})
POPULATED = frozenset({"city", "town", "village"})
WELL_KNOWN_POPULATION = 100_000
WORLD_CITY_POPULATION = 1_000_000
NEAR_FOCUS_KM = 400.0
# How much a country named in the article (scaled by its share of mentions) or in the same
# sentence favours a town of that country over a namesake abroad. Kept below the prior gap
# between a capital and a village, so "Manila" stays Manila when "Mỹ" is in the sentence.
ARTICLE_COUNTRY_WEIGHT = 0.3
SENTENCE_COUNTRY_WEIGHT = 0.4
SETTLEMENT_CUES = frozenset(
    {"thị trấn", "thành phố", "tp", "tp.", "thủ đô", "làng", "ngôi làng", "xã", "thôn", "bản", "thị xã"}
)
REGION_CUES = frozenset({"tỉnh", "bang", "vùng", "miền", "huyện", "quận", "khu vực"})
GEO_PRECISION = {"city": 1, "town": 1, "village": 1, "border-area": 2, "admin2": 2, "other": 2, "river": 2}


@dataclass(slots=True)
class ResolvedPlace:
    """A place mention with the place chosen for it (the ``places`` entries of the output)."""

    mention: Mention
    place: Candidate
    geo_precision: int
    score: float

    def to_dict(self) -> dict:
        p = self.place
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
            "lat": round(p.lat, 5),
            "lon": round(p.lon, 5),
            "geo_precision": self.geo_precision,
            "score": round(min(1.0, self.score), 3),
        }


_ACTOR_NOUNS = Phrases(lexicon.ACTOR_NOUNS)


def is_actor_mention(mention: Mention) -> bool:
    """A name that says who acts ("Bộ Quốc phòng Armenia", "phía Azerbaijan"), not where."""
    if mention.actor is None:
        mention.actor = _ACTOR_NOUNS.ending(mention.preceding) is not None
    return mention.actor


def geo_precision(candidate: Candidate) -> int:
    """ACLED geo_precision of a place itself: 1 a town, 2 part of a region, 3 a region or country."""
    return GEO_PRECISION.get(candidate.kind, 3)


def is_strong(candidate: Candidate) -> bool:
    """A place the press names without a cue: countries, regions, curated and big cities."""
    return (
        candidate.kind in STRONG_KINDS
        or candidate.id.startswith(("curated:", "user:"))
        or bool(candidate.name_vi)
        or (candidate.population or 0) >= WELL_KNOWN_POPULATION
    )


class Resolver:
    """Resolves the mentions of one article; lookups are cached across articles."""

    def __init__(self, gazetteer: Gazetteer, cache_size: int = 50_000):
        self.gazetteer = gazetteer
        self._cache: dict[tuple, list[Candidate]] = {}
        self._cache_size = cache_size

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
        self._cache[key] = candidates

    def resolve(self, mentions: list[Mention]) -> tuple[list[ResolvedPlace], Candidate | None]:
        """The resolved places of an article (in text order) and its focus place."""
        new = [m.key for m in mentions if m.key not in self._cache]
        if new:  # the names not seen yet, in one query
            for key, candidates in self.gazetteer.lookup_many(new).items():
                self._remember(key, candidates)
        first = []
        cached = self._cache
        for mention in mentions:
            candidates = cached.get(mention.key)
            if candidates is None:  # (only when the cache was just cleared)
                candidates = self.lookup(mention.key)
            if mention.cue in SETTLEMENT_CUES:  # "thành phố Armenia" is a city, not the country
                candidates = [c for c in candidates if c.kind in POPULATED] or candidates
            if candidates:
                first.append((mention, candidates))
        countries = Counter(c[0].country for _, c in first if c[0].kind == "country")
        by_sentence: dict[int, set[str]] = {}
        for m, c in first:
            if c[0].kind == "country":
                by_sentence.setdefault(m.sentence, set()).add(c[0].country)
        top = max(countries.values(), default=1)
        focus_place = self._focus([(m, c) for m, c in first if self._acceptable(m, c[0], countries, None)])
        focus = (focus_place.lat, focus_place.lon) if focus_place else None
        resolved = []
        article_weights = {cc: ARTICLE_COUNTRY_WEIGHT * n / top for cc, n in countries.items()}
        for mention, candidates in first:
            best = candidates[0]
            if best.kind != "country" or mention.cue in SETTLEMENT_CUES:
                named = by_sentence.get(mention.sentence, ())
                weights = {**article_weights, **{cc: SENTENCE_COUNTRY_WEIGHT for cc in named}}
                best = self.gazetteer.rerank_best(candidates, country_weights=weights, near=focus)
            if not self._acceptable(mention, best, countries, focus):
                continue
            resolved.append(ResolvedPlace(mention, best, self._precision(mention, best), best.score))
        return resolved, focus_place

    @staticmethod
    def _precision(mention: Mention, place: Candidate) -> int:
        """A town named after "tỉnh"/"bang" stands for its province: part of a region (2)."""
        precision = geo_precision(place)
        if precision == 1 and mention.cue in REGION_CUES:
            return 2
        return precision

    @staticmethod
    def _focus(accepted: list[tuple[Mention, list[Candidate]]]) -> Candidate | None:
        """The place the article is about: its most mentioned region or town, else the country
        it names most as a place rather than as an actor ("Bộ Quốc phòng Nga")."""
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

    @staticmethod
    def _acceptable(
        mention: Mention, best: Candidate, countries: Counter, focus: tuple[float, float] | None
    ) -> bool:
        """Countries and regions stand alone; a town needs a cue, fame or the article's context."""
        if best.kind not in POPULATED:
            return not (mention.after_title and best.kind not in ("country", "region"))
        population = best.population or 0
        if mention.sentence_initial and population < WORLD_CITY_POPULATION:
            return False  # "Hai bên …", "Không …": a word capitalised by the sentence, not a town
        if mention.cue or best.id.startswith(("curated:", "user:")):
            return True
        if mention.in_person_run or mention.after_title:
            return False  # "Donald Trump", "Ilham Aliyev": unknown capitalised words around it
        if population >= WORLD_CITY_POPULATION or is_strong(best):
            return True
        near = focus is not None and haversine_km(best.lat, best.lon, *focus) <= NEAR_FOCUS_KM
        return near or best.country in countries
