"""Article → the output contract's object: places, unresolved names, events.

The data flows one way: normalized article → sentences → place mentions → resolved
places (with descriptive border places) → dates → event clauses → event records.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left

from events import lexicon
from events.borders import resolve_border_phrases
from events.clauses import Clause, event_clauses
from events.dates import DateMention, find_dates, parse_published, reference_date
from events.mentions import find_mentions
from events.reader import Article
from events.records import DateRef, event_record, incidents, is_background
from events.resolve import Resolver
from events.sentences import sentence_roles, split_sentences
from gazetteer import Gazetteer

_UNTIL = re.compile(r"(?:đến|tới|cho đến|kéo dài đến)\s+$")
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
UNDATED_WARNING = "no publication date: events are undated unless the text dates them with a year"


# "Cùng ngày", "Trước đó một ngày", "Ngày hôm sau": a date by reference to the one told before
_ANAPHOR = re.compile(
    rf"(?P<same>{lexicon.SAME_DAY})(?!\w)|(?P<before>{lexicon.DAY_BEFORE})(?!\w)|(?P<after>{lexicon.DAY_AFTER})(?!\w)",
    re.IGNORECASE,
)
_SHIFT = {"before": -1, "after": 1}
_ANAPHOR_REACH = 60  # the reference opens its sentence


def _anaphoric(kind: str, told: DateRef, when: DateRef) -> DateRef | None:
    """The date a sentence gives by reference (``kind`` of ``_ANAPHOR``) to the one told before
    it: "Cùng ngày" (the same day, unless the sentence has a date of its own), "Trước đó một
    ngày" (the day before: "trước đó" is not read against the publication date then), "Ngày
    hôm sau" (the day after)."""
    if kind == "same":
        return None if when.own else DateRef(told.date, None, told.precision)
    if told.precision != 1 or told.date is None or len(told.date) != 10:
        return None
    day = dt.date.fromisoformat(told.date) + dt.timedelta(days=_SHIFT[kind])
    return DateRef(day.isoformat(), None, 1)


def _absolute(mention: DateMention) -> bool:
    """A date the text gives in full (with its year), readable without a publication date."""
    return not mention.relative and _YEAR.search(mention.surface) is not None


def article_meta(article: Article) -> dict:
    return {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "language": article.language,
        "published": article.published,
        "published_precision": article.published_precision,
        "error": article.error,
        "warnings": list(article.warnings),
    }


def _iso(value: str) -> str:
    """A full ISO date: a month is dated mid-month, a year mid-year (ACLED's convention)."""
    if len(value) == 7:
        return f"{value}-15"
    if len(value) == 4:
        return f"{value}-07-01"
    return value


class Extractor:
    """Extracts places and events; keep one per process (it caches gazetteer lookups)."""

    def __init__(self, gazetteer: Gazetteer | None = None):
        self.gazetteer = gazetteer or Gazetteer()
        self.known = self.gazetteer.name_keys()
        self.resolver = Resolver(self.gazetteer)

    def extract(self, article: Article) -> dict:
        """The contract's object for one article (empty lists when it could not be read)."""
        out = {"article": article_meta(article), "places": [], "unresolved": [], "events": []}
        if article.error or not article.text:
            return out
        text = article.text
        sentences = split_sentences(text)
        starts = [s for s, _ in sentences]
        mentions, unresolved = find_mentions(text, starts, self.known)
        places, focus = self.resolver.resolve(mentions)
        focus_point = (focus.lat, focus.lon) if focus else None
        places += resolve_border_phrases(text, places, focus_point, self.gazetteer)
        places.sort(key=lambda p: (p.mention.start, -p.mention.end))
        undated = not article.published
        if article.published:
            published, precision = parse_published(article.published)
        else:
            # relative dates cannot be read: only dates written with their year count
            published, precision = dt.date.today(), "day"
            out["article"]["warnings"].append(UNDATED_WARNING)
        reference, reference_precision = reference_date(text, published, precision)
        dates = find_dates(text, published, precision)
        if undated:
            dates = [d for d in dates if _absolute(d)]
        candidates: list[tuple[dict, dict]] = []
        place_starts = [p.mention.start for p in places]
        unresolved_starts = [u.start for u in unresolved]
        roles = sentence_roles(text, sentences, article.title)
        told: DateRef | None = None  # the last date an event of the text was given
        for index, sentence in enumerate(sentences):
            if roles[index] == "question":
                continue  # "Su-35 Nga bắn hạ F-16 Ukraine?"
            clauses = event_clauses(text, *sentence)
            if not clauses:
                continue
            m = _ANAPHOR.search(text, sentence[0], min(sentence[1], sentence[0] + _ANAPHOR_REACH))
            anaphor = m.lastgroup if m is not None else None
            # the places a sentence's events may use are those of the sentence
            near = places[bisect_left(place_starts, sentence[0]) : bisect_left(place_starts, sentence[1])]
            lost = unresolved[
                bisect_left(unresolved_starts, sentence[0]) : bisect_left(unresolved_starts, sentence[1])
            ]
            for clause in clauses:
                when = self._when(text, clause, sentence, dates, reference, reference_precision)
                if anaphor is not None and told is not None:
                    when = _anaphoric(anaphor, told, when) or when  # "Cùng ngày, …"
                if undated and not when.own:
                    when = DateRef(None, None, None, own=False)
                if when.own and when.date is not None and not clause.history_only:
                    told = when
                if clause.history_only and not (when.date and is_background(when.date, reference.year)):
                    continue  # talks and "the war" are no news event (ACLED); past ones are background
                record = event_record(
                    article.id, 0, text, clause, sentence, when, reference.year, near, focus, lost
                )
                cue_end = (clause.cue_start or clause.start) + len(clause.cue or "")
                end = clause.spans[-1][1] if clause.spans else clause.end
                how = {
                    "support": roles[index] != "body",
                    "cue_end": cue_end,
                    "specific": record["place_surface"] is not None and record["geo_precision"] <= 2,
                    "own_date": when.own,
                    "mention": {
                        "sentence": index,
                        "start": clause.start,
                        "end": end,
                        "text": text[clause.start : end],
                        "cue": clause.cue,
                        "role": roles[index],
                        "claimed_by": record["claimed_by"],
                        "fatalities": record["fatalities"],
                    },
                }
                candidates.append((record, how))
        events = incidents(candidates, text)
        for ordinal, event in enumerate(events, 1):
            event["event_id"] = f"{article.id}:{ordinal}"
        if undated and any(e["date"] is None for e in events):
            out["article"]["warnings"].append(
                f"{sum(e['date'] is None for e in events)} event(s) left undated (date null)"
            )
        out["places"] = [p.to_dict() for p in places]
        out["unresolved"] = [
            {"surface": u.surface, "start": u.start, "end": u.end, "sentence": u.sentence,
             "reason": u.unresolved_reason}
            for u in unresolved
        ]  # fmt: skip
        out["events"] = events
        return out

    @staticmethod
    def _when(
        text: str,
        clause: Clause,
        sentence: tuple[int, int],
        dates: list[DateMention],
        reference: dt.date,
        reference_precision: int,
    ) -> DateRef:
        """The clause's own date, else the nearest in its sentence, else the article's date."""
        in_sentence = [d for d in dates if sentence[0] <= d.start < sentence[1]]
        first_span = clause.spans[0] if clause.spans else (clause.start, clause.end)
        own = [d for d in in_sentence if first_span[0] <= d.start < first_span[1]]
        earlier = [d for d in in_sentence if d.start < clause.start]
        merged = [d for d in in_sentence if any(s <= d.start < e for s, e in clause.spans)]
        candidates = own or earlier[-1:] or merged or in_sentence
        chosen = candidates[0] if candidates else None
        if chosen is None:
            return DateRef(reference.isoformat(), None, max(2, reference_precision), own=False)
        end = chosen.date_end
        later = [d for d in in_sentence if d.start > chosen.start]
        if (
            end is None
            and later
            and (chosen.opens_range or _UNTIL.search(text, max(0, later[0].start - 24), later[0].start))
        ):
            end = later[0].date  # "từ ngày 27/9 … sáng 28/9", "Tháng 2/1988 … kéo dài đến năm 1994"
        return DateRef(_iso(chosen.date), _iso(end) if end else None, chosen.precision)
