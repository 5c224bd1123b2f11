"""Article → the output contract's object: places, unresolved names, events.

The data flows one way: normalized article → sentences → place mentions → resolved
places (with descriptive border places) → dates → event clauses → event records.
"""

from __future__ import annotations

import datetime as dt
import gc
import re
from bisect import bisect_left, bisect_right

from events import lexicon
from events.borders import resolve_border_phrases
from events.clauses import Clause, event_clauses, toll_clause
from events.dates import DateMention, find_dates, parse_published, reference_date
from events.mentions import Mention, find_mentions
from events.phrases import lowered, lowered_by_offsets
from events.reader import Article
from events.records import (
    MAX_EVENT_TEXT,
    DateRef,
    SentencePlaces,
    aside,
    at_place,
    capital_as_state,
    coordinated,
    event_record,
    event_span,
    incidents,
    is_background,
    is_where_clause,
)
from events.resolve import ResolvedPlace, Resolver, is_actor_mention
from events.sentences import sentence_roles, split_sentences
from gazetteer import Gazetteer
from gazetteer.messages import Message

_UNTIL = re.compile(r"(?:đến|tới|cho đến|kéo dài đến)\s+$")
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
UNDATED_WARNING = Message(
    "pipeline.undated", "no publication date: events are undated unless the text dates them with a year"
)
# Per-article caps, far above any news article (the sample articles and 5,000 synthetic ones
# have at most 70 place mentions, 4 unresolved names and 35 events): past them a text is a
# list or a dump, not news, and the rest is dropped with a warning, so that what one article
# costs to store and to show stays bounded whatever it holds.
MAX_PLACES = 10_000
MAX_CANDIDATES = 2 * MAX_PLACES  # names looked up: resolving costs most, and some are not places
MAX_UNRESOLVED = 1_000
MAX_EVENTS = 2_000
TOO_MANY_EVENTS = Message(
    "pipeline.too_many_events",
    "more than {cap:,} events: only the first {cap:,} are kept (far more than a news article holds)",
    cap=MAX_EVENTS,
)


# "Cùng ngày", "Trước đó một ngày", "Ngày hôm sau": a date by reference to the one told before
_ANAPHOR = re.compile(
    # "(chỉ) một ngày sau khi …" first: the incident of the "sau khi" clause is the earlier one
    r"(?P<since>(?:một|hai|ba|bốn|năm|\d{1,2}) (?:ngày|tuần) sau khi)(?!\w)"
    r"|(?P<until>(?:một|hai|ba|bốn|năm|\d{1,2}) (?:ngày|tuần) trước khi)(?!\w)"
    rf"|(?P<same>{lexicon.SAME_DAY})(?!\w)|(?P<before>{lexicon.DAY_BEFORE})(?!\w)|(?P<after>{lexicon.DAY_AFTER})(?!\w)",
    re.IGNORECASE,
)
# _ANAPHOR for lower-cased text, without IGNORECASE (5× faster): there a letter of the pattern
# meets only itself, and "i" and "s" also the dotless "ı" and the long "ſ" (what IGNORECASE adds
# to lower-case input; a test checks both on text with them)
_FOLDED = {"i": "[iı]", "s": "[sſ]"}
_ANAPHOR_LOWER = re.compile(
    re.sub(r"\(\?P<\w+>|\\.|[is]", lambda m: _FOLDED.get(m.group(), m.group()), _ANAPHOR.pattern)
)
_COUNTED_DAYS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5}
_SHIFT = {"before": -1, "after": 1}
_ANAPHOR_REACH = 60  # the reference opens its sentence
# a word every _ANAPHOR phrase holds: most sentences hold none, and need no regex search
_ANAPHOR_WORDS = ("cùng", "trong ngày", "trước", "sau", "tiếp theo")
_ANAPHOR_HINT = re.compile("|".join(map(re.escape, _ANAPHOR_WORDS)))  # (one search, not five)


# "… thiệt mạng trong cuộc tấn công": the cue names an incident already told
_TOLD_BEFORE = re.compile(r"(?:trong|sau|từ|qua|của)\s+(?:các\s+|những\s+)?(?:cuộc|vụ|đợt|trận)\s+$")


# "Cuộc tấn công khiến 6 người chết.": the noun of an attack opening its clause, its subject, is the
# attack just told (a new one is told with its actor or its place: "Nga tấn công …")
_OPENS_WITH_ATTACK = re.compile(r"(?:(?:các|những)\s+)?(?:cuộc|vụ|đợt|đòn|trận|loạt)\s+")

# a superlative's point of comparison: "tồi tệ nhất kể từ năm 2016", "lần đầu tiên kể từ tháng 3",
# "lớn nhất từ năm 2014 đến nay" (the date is not the occurrence's)
_SINCE_COMPARED = re.compile(
    r"(?<!\w)(?:nhất|đầu tiên)\s+(?:này\s+)?(?:kể\s+)?từ\s+"
    r"(?:(?:hồi|đầu|cuối|giữa)\s+)?(?:(?:năm|tháng|ngày)\s+)?$",
    re.IGNORECASE,
)
# A recap of recent incidents with no day of its own ("hai bên đã ký kết 3 thỏa thuận ngừng bắn trong
# thời gian gần đây", "các vụ tấn công gần đây của Ukraine"): not news of the day (ACLED codes them from
# the reports of their own days). ("Trước đó, …" alone is no recap: often earlier the same day.)
_RECENTLY = re.compile(r"(?<!\w)gần đây(?!\w)", re.IGNORECASE)


def _told_before(text: str, clause: Clause) -> bool:
    """Whether the clause's cue refers back to an incident ("trong cuộc tấn công", or "Cuộc tấn
    công khiến …" opening the clause)."""
    at = clause.cue_start if clause.cue_start is not None else clause.start
    if _TOLD_BEFORE.search(text[max(0, at - 24) : at].lower()):
        return True
    opening = text[clause.start : at].lower() if at - clause.start <= 12 else ""
    return _OPENS_WITH_ATTACK.fullmatch(opening) is not None


# a day that dates a report, not what it reports: "ngày 16/11 xác nhận thông tin vụ …"
_REPORTED_ON = re.compile(
    rf"\s*(?:\([^)]{{0,30}}\)\s*)?(?:(?:đã|vừa|cũng)\s+)?"
    rf"(?:{lexicon.CLAIM_VERBS}|đưa tin|thừa nhận|làm rõ)(?!\w)",
    re.IGNORECASE,
)
# a day right after a report verb dates the report: "Aljazeera đưa tin ngày 28/8, …", "cho biết hôm 5/9 rằng"
_TELLS_ON = re.compile(rf"(?:{lexicon.CLAIM_VERBS}|đưa tin)(?:\s+vào)?\s*$", re.IGNORECASE)
_ATTACK_WORDS = ("tấn công", "tập kích", "tiến công")
# where a strike is first told before the text says where in it it struck (records._broad_and_narrow)
_BROAD_KINDS = ("country", "sea", "ocean", "gulf")
_OWN_MEANS = ("bằng", "bởi", "từ phía", "của")
# a passive with no agent ("bị tấn công"), or a plural noun of attacks already told ("New Delhi tuyên
# bố các cuộc tấn công chỉ nhằm vào …": a place of its own still makes a report of its own)
_REFERRING = ("bị ", "các cuộc ", "những cuộc ", "các đợt ", "những đợt ", "các vụ ", "những vụ ")
# an attack on a count of targets ("đã tấn công khoảng 1.300 mục tiêu của Hezbollah"): strikes, told
# by who made them; with no means of its own, the strike just told
_TARGETS_AFTER = re.compile(
    r"\s+(?:(?:khoảng|hơn|gần|ít nhất|tổng cộng|thêm)\s+)?(?:[\d.,]+|các|nhiều|hàng loạt|hàng chục|hàng trăm"
    r"|hàng nghìn|hàng ngàn)\s+mục tiêu(?!\w)"
)
_ATTACKERS = re.compile(r"(?<!\w)(?:kẻ tấn công|những kẻ|các tay súng|nhóm tay súng|chúng)(?!\w)")


def _retold_attack(text: str, clause: Clause) -> bool:
    """Whether the clause tells an attack, with no means and no agent of its own, that can only be
    one told before: a passive ("Tàu Kairos bị tấn công"), or a noun referring back ("thiệt mạng
    trong các đợt tấn công ở Tehran")."""
    looting = clause.sub_event_type == "Looting/property destruction"
    if not looting and (
        clause.event_type != lexicon.BATTLES or (clause.cue or "").lower() not in _ATTACK_WORDS
    ):
        return False
    at = clause.cue_start if clause.cue_start is not None else clause.start
    if clause.sub_event_type == "Looting/property destruction":
        # "Những kẻ tấn công cũng đốt phá chợ …": what the attackers did, right after the attack
        return bool(_ATTACKERS.search(text[clause.start : at].lower()))
    after = text[at + len(clause.cue or "") : at + len(clause.cue or "") + 12].lower()
    if after.lstrip().startswith(_OWN_MEANS):
        return False  # "bị tấn công bằng súng máy": its own means, its own incident
    before = text[max(0, at - 12) : at].lower()
    if _TARGETS_AFTER.match(text[at + len(clause.cue or "") : at + 60].lower()):
        return True
    return before.endswith(_REFERRING) or _told_before(text, clause)


def _carry_on(record: dict, told: dict) -> None:
    """Give ``record`` (a mention naming no place and no date) the place and day of the incident
    told before it at a named place ("Hôm 1/6, JNIM tấn công căn cứ ở Boulkessi. … hơn 30 binh sĩ
    đã thiệt mạng trong cuộc tấn công."): news goes on about the incident it has just told."""
    for field in ("place_id", "location", "location_vi", "lat", "lon", "country", "date", "date_end",
                  "time_precision"):  # fmt: skip
        record[field] = told[field]
    record["geo_precision"] = max(2, told["geo_precision"])  # near the place told, not named there


def _previous_date(
    text: str,
    sentences: list[tuple[int, int]],
    index: int,
    roles: list[str],
    dates: list[DateMention],
    starts: list[int],
    reference: dt.date,
) -> DateRef | None:
    """The day the sentence before this one (of the body) gives, when it gives one that is news
    (not background): a sentence with no date of its own goes on about the day just told ("Hôm
    9/10, nhiều tiếng nổ lớn vang lên ở Kabul. Chính quyền Taliban cáo buộc Pakistan không kích
    thủ đô …"), not the publication day. Not an own date: a date of its own still wins a merge.
    A photo's caption in between is no sentence of the story ("CENTCOM ngày 14/6 cho biết …" /
    caption / "Theo thông báo của CENTCOM, …")."""
    if index == 0 or roles[index] != "body":
        return None
    j = index - 1
    while j > 0 and roles[j] == "caption":
        j -= 1
    if roles[j] != "body":
        return None
    before = sentences[j]
    lo, hi = bisect_left(starts, before[0]), bisect_left(starts, before[1])
    if lo == hi:
        return None
    for told in dates[lo:hi]:
        # only a day the text writes ("Hôm 9/10", "hôm thứ Sáu", "hôm qua"), not one read by reference
        # ("trước đó": a few days), nor a deadline ("trước ngày 18/8") or the past
        if told.precision != 1 or told.date_end is not None or len(told.date) != 10:
            continue
        if told.relative and told.date == reference.isoformat() and _REPORTED_ON.match(text, told.end):
            continue  # "Zelensky hôm nay cho biết": the day of the telling, no day of the incident
        if told.date > reference.isoformat() or is_background(told.date, reference):
            continue
        return DateRef(told.date, None, told.precision, own=False)
    return None


_CARRY_GAP = 2  # sentences with no event and no date a carried day passes over ("Mỹ coi …")


def _goes_on(
    told: int, index: int, sentences: list[tuple[int, int]], roles: list[str], starts: list[int]
) -> bool:
    """Whether sentence ``index`` goes on from sentence ``told`` (whose day was carried to it): the
    sentences in between are few, of the body or captions, and date nothing."""
    if not told < index <= told + 1 + _CARRY_GAP:
        return False
    if index == told + 1:
        return True
    between = (sentences[told + 1][0], sentences[index - 1][1])
    if bisect_left(starts, between[0]) != bisect_left(starts, between[1]):
        return False  # a date in between: what follows is told from it
    return all(role in ("body", "caption") for role in roles[told + 1 : index])


# "thủ đô" with no name after it ("cáo buộc Pakistan không kích thủ đô và …"): the capital named before
_BARE_CAPITAL = re.compile(
    r"(?<!\w)thủ đô(?=\s*[,.;]|\s+(?:và|hoặc|cùng|nước này|của nước này|trong|hôm|ngày"
    r"|sáng|trưa|chiều|tối|đêm|rạng)(?!\w))"
)


def _capitals_again(
    text: str, places: list[ResolvedPlace], sentences: list[tuple[int, int]]
) -> list[ResolvedPlace]:
    """A bare "thủ đô" as a place of the events: the capital the text named last before it ("thủ
    đô Kabul"), nowhere when it named none. Not an output place (the text names it no more)."""
    lower = lowered(text)
    if "thủ đô" not in lower:
        return []
    named = [p for p in places if p.mention.preceding.endswith("thủ đô ") and p.place.kind != "country"]
    if not named:
        return []
    found = []
    starts = [p.mention.start for p in named]
    sentence_starts = [start for start, _ in sentences]
    for m in _BARE_CAPITAL.finditer(lower):
        i = bisect_left(starts, m.start())
        if not i:
            continue
        capital = named[i - 1]
        sentence = max(0, bisect_right(sentence_starts, m.start()) - 1)
        mention = Mention(
            text[m.start() : m.end()], m.start(), m.end(), sentence, capital.mention.key,
            preceding=lower[max(0, m.start() - 40) : m.start()],
        )  # fmt: skip
        found.append(ResolvedPlace(mention, capital.place, capital.geo_precision, capital.score))
    return found


def _names_a_town(
    text: str, places: list[ResolvedPlace], starts: list[int], sentence: tuple[int, int]
) -> bool:
    """Whether the sentence names a place below a country that is neither an actor nor a speaker."""
    inside = places[bisect_left(starts, sentence[0]) : bisect_left(starts, sentence[1])]
    return any(
        p.place.kind != "country" and not is_actor_mention(p.mention) and not aside(text, p) for p in inside
    )


def _anaphoric(kind: str, told: DateRef, when: DateRef, days: int = 1) -> DateRef | None:
    """The date a sentence gives by reference (``kind`` of ``_ANAPHOR``) to the one told before
    it: "Cùng ngày" (the same day, unless the sentence has a date of its own), "Trước đó một
    ngày" (the day before: "trước đó" is not read against the publication date then), "Ngày
    hôm sau" (the day after). "Vụ việc xảy ra một ngày sau khi đoàn xe … bị tấn công": the
    incident of the "sau khi" clause (``since``) is ``days`` before the one told, that of a
    "trước khi" clause (``until``) ``days`` after; the caller gives these kinds only to such clauses."""
    if kind == "same":
        return None if when.own else DateRef(told.date, None, told.precision)
    if told.precision != 1 or told.date is None or len(told.date) != 10:
        return None
    shift = {"since": -days, "until": days}.get(kind, _SHIFT.get(kind, 0))
    day = dt.date.fromisoformat(told.date) + dt.timedelta(days=shift)
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
        # the gazetteer's million name keys (and the tables of the modules) live as long as the
        # extractor: out of the cyclic collector's reach, its full collections no longer walk them
        # (3 % of extraction's instructions on bench/extract.py's corpus)
        gc.freeze()

    def extract(self, article: Article) -> dict:
        """The contract's object for one article (empty lists when it could not be read)."""
        out = {"article": article_meta(article), "places": [], "unresolved": [], "events": []}
        if article.error or not article.text:
            return out
        text = article.text
        sentences = split_sentences(text)
        starts = [s for s, _ in sentences]
        # (one more than the cap: to know that it was passed)
        mentions, unresolved, cut = find_mentions(text, starts, self.known, MAX_CANDIDATES + 1)
        warnings = out["article"]["warnings"]
        if cut:
            warnings.append(
                Message(
                    "pipeline.too_many_names",
                    "more than {cap:,} names that may be places: the text is read only up to there"
                    " (far more than a news article holds)",
                    cap=MAX_CANDIDATES,
                )
            )
            del mentions[MAX_CANDIDATES:]
        places, focus = self.resolver.resolve(mentions)
        if self.resolver.dropped:  # cued names whose namesakes lie outside the article's region
            unresolved = sorted([*unresolved, *self.resolver.dropped], key=lambda u: u.start)
        focus_point = (focus.lat, focus.lon) if focus else None
        places += resolve_border_phrases(text, places, focus_point, self.gazetteer)
        placed, unresolved = self.resolver.place_in_holders(text, unresolved, places)  # ACLED's fallback
        places += placed
        places.sort(key=lambda p: (p.mention.start, -p.mention.end))
        if len(places) > MAX_PLACES:
            warnings.append(_capped(len(places), "place mentions", MAX_PLACES))
            del places[MAX_PLACES:]
        if len(unresolved) > MAX_UNRESOLVED:
            warnings.append(_capped(len(unresolved), "unresolved names", MAX_UNRESOLVED))
            del unresolved[MAX_UNRESOLVED:]
        event_places = places + _capitals_again(text, places, sentences)  # (the output's places stay as read)
        event_places.sort(key=lambda p: (p.mention.start, -p.mention.end))
        for before, p in zip([None, *event_places], event_places, strict=False):
            if capital_as_state(text, p, before):
                p.mention.actor = True  # "Bangkok cáo buộc Phnom Penh …": who, not where
        undated = not article.published
        if article.published:
            published, precision = parse_published(article.published)
        else:
            # relative dates cannot be read: only dates written with their year count
            published, precision = dt.date.today(), "day"
            warnings.append(UNDATED_WARNING)
        # the event clauses first (at most MAX_EVENTS): the dates are read only when there are
        # events, and in a capped text only up to its last event's sentence
        roles = sentence_roles(text, sentences, article.title)
        place_starts = [p.mention.start for p in places]
        event_starts = [p.mention.start for p in event_places]
        planned: list[tuple[int, tuple[int, int], list[Clause]]] = []
        count, capped = 0, False
        for index, sentence in enumerate(sentences):
            if roles[index] == "question":
                continue  # "Su-35 Nga bắn hạ F-16 Ukraine?"
            clauses = event_clauses(text, *sentence)
            after_event = bool(planned) and planned[-1][0] == index - 1 and roles[index] == "body"
            if not clauses and after_event and _names_a_town(text, places, place_starts, sentence):
                toll = toll_clause(text, *sentence, planned[-1][2][-1])
                if toll is not None:
                    clauses = [toll]  # "… ít nhất 16 người bị thương ở Tel Aviv": where it struck
            if count + len(clauses) > MAX_EVENTS:
                warnings.append(TOO_MANY_EVENTS)
                clauses, capped = clauses[: MAX_EVENTS - count], True
            if clauses:
                planned.append((index, sentence, clauses))
                count += len(clauses)
            if capped:
                break
        dates: list[DateMention] = []
        reference, reference_precision = published, 1
        if planned:
            read = text[: planned[-1][1][1]] if capped else text
            reference, reference_precision = reference_date(read, published, precision)
            dates = find_dates(read, published, precision)
            del read
        if undated:
            dates = [d for d in dates if _absolute(d)]
        date_starts = [d.start for d in dates]
        candidates: list[tuple[dict, dict]] = []
        unresolved_starts = [u.start for u in unresolved]
        told: DateRef | None = None  # the last date an event of the text was given
        # the day a sentence gave by reference ("Tối cùng ngày, …"): the next one goes on about it
        carried: tuple[int, DateRef] | None = None
        last: dict | None = None  # the last event of the body told at a named place
        # the last strike or attack of the body, its sentence, the number of candidates after it
        recent: tuple[dict, int, int] | None = None
        told_aside, before_this = 0, 0  # candidates of captions and headlines; before this clause
        # (the lower case, offset for offset: where it lacks "gần đây", _RECENTLY finds nothing)
        low = lowered_by_offsets(text)
        for index, sentence, clauses in planned:
            opening = text[sentence[0] : min(sentence[1], sentence[0] + _ANAPHOR_REACH)].lower()
            hinted = any(word in opening for word in _ANAPHOR_WORDS)  # (as _ANAPHOR_HINT.search)
            m = _ANAPHOR_LOWER.search(opening) if hinted else None
            anaphor = m.lastgroup if m is not None else None
            # "… N ngày sau khi / trước khi …": the count, and where the clause it shifts begins
            counted, shifted_from = 1, None
            if anaphor in ("since", "until") and m is not None:
                word, unit = m.group().lower().split()[:2]
                counted = int(word) if word.isdigit() else _COUNTED_DAYS[word]
                counted *= 7 if unit == "tuần" else 1  # "một tuần sau khi …"
                shifted_from = sentence[0] + m.end()
            # the places a sentence's events may use are those of the sentence
            near = SentencePlaces(
                event_places[bisect_left(event_starts, sentence[0]) : bisect_left(event_starts, sentence[1])]
            )
            sentence_text = (
                text[sentence[0] : sentence[1]] if sentence[1] - sentence[0] <= MAX_EVENT_TEXT else None
            )
            lost = unresolved[
                bisect_left(unresolved_starts, sentence[0]) : bisect_left(unresolved_starts, sentence[1])
            ]
            previous: DateRef | bool | None = False  # (read when a clause has no date of its own)
            for clause in clauses:
                when = self._when(text, clause, sentence, dates, reference, reference_precision, date_starts)
                if not when.own:
                    if previous is False:
                        previous = _previous_date(
                            text, sentences, index, roles, dates, date_starts, reference
                        )
                        if (
                            previous is None
                            and carried is not None
                            and _goes_on(carried[0], index, sentences, roles, date_starts)
                        ):
                            previous = carried[1] if roles[index] == "body" else None
                    if isinstance(previous, DateRef):
                        when = previous  # "Hôm 9/10, … ở Kabul. Chính quyền Taliban cáo buộc …": that day
                        if roles[index] == "body":
                            carried = (index, previous)  # the next sentence goes on about it too
                # (no event dated yet: the day the sentence before told, "… vào sáng thứ Ba.")
                base = told if told is not None else previous if isinstance(previous, DateRef) else None
                if anaphor is not None and base is not None:
                    kind = anaphor
                    if shifted_from is not None and (clause.cue_start or clause.start) < shifted_from:
                        kind = "same"  # "Cuộc không kích xảy ra hai ngày trước khi …": the incident told
                    by_reference = _anaphoric(kind, base, when, counted)
                    if by_reference is not None:
                        when = by_reference  # "Cùng ngày, …"
                        if by_reference.date is not None and roles[index] == "body":
                            carried = (
                                index,
                                DateRef(by_reference.date, None, by_reference.precision, own=False),
                            )
                if undated and not when.own:
                    when = DateRef(None, None, None, own=False)
                if when.own and when.date is not None and not clause.history_only:
                    told = when
                if clause.history_only and not (when.date and is_background(when.date, reference)):
                    continue  # talks and "the war" are no news event (ACLED); past ones are background
                record = event_record(
                    article.id,
                    0,
                    text,
                    clause,
                    sentence,
                    when,
                    reference,
                    near,
                    focus,
                    lost,
                    sentence_text,
                )
                if clause.attacks_in_general and not when.own and record["fatalities"] is None:
                    continue  # "nhóm đã tiến hành hàng loạt vụ tấn công": a series, a topic
                if (
                    (not when.own or when.precision != 1)
                    and (low is None or low.find("gần đây", sentence[0], clause.end) >= 0)
                    and _RECENTLY.search(text, sentence[0], clause.end)
                ):
                    record["background"] = True  # "… trong thời gian gần đây": a recap
                # (the last incident told, a few sentences back at most, and no other event since)
                # (a caption's or a headline's candidate in between tells nothing new: not counted)
                told_last = recent is not None and recent[2] == len(candidates) - told_aside
                if told_last and index - recent[1] <= 3 and _retold_attack(text, clause):
                    told_record = recent[0]
                    same_area = told_record["country"] in (record["country"], None)  # (a sea has none)
                    if (same_area or record["place_surface"] is None) and (
                        not when.own or when.date == told_record["date"]
                    ):
                        # "Tàu Kairos bị tấn công …", "… trong các đợt tấn công ở Tehran": the strike told
                        record["event_type"] = told_record["event_type"]
                        record["sub_event_type"] = told_record["sub_event_type"]
                continues = (
                    record["place_surface"] is None
                    and (not when.own or (last is not None and when.date == last["date"]))
                    and roles[index] == "body"
                    and last is not None
                    and not record["background"]
                    and (record["fatalities"] is None or _told_before(text, clause))
                )
                if continues:  # no place and no date of its own: the incident told before goes on
                    same_kind = recent is not None and recent[0]["sub_event_type"] == record["sub_event_type"]
                    # ("Vụ không kích xảy ra …" after a clash told since: the strike told, not the clash)
                    _carry_on(record, recent[0] if same_kind and _told_before(text, clause) else last)
                at_start = record["place_start"]
                here = next(near.at(at_start), None) if at_start is not None else None
                cue_end = (clause.cue_start or clause.start) + len(clause.cue or "")
                end = clause.spans[-1][1] if clause.spans else clause.end
                start, end = event_span(clause, (clause.start, end))  # at most MAX_EVENT_TEXT long
                how = {
                    "support": roles[index] != "body",
                    "cue_end": cue_end,
                    "specific": record["place_surface"] is not None and record["geo_precision"] <= 2,
                    "own_date": when.own and not when.reported,
                    "reported": when.reported,
                    "continues": continues,
                    "country_level": not continues and here is not None and here.place.kind in _BROAD_KINDS,
                    # placed at the article's focus only, for want of a place of its own
                    "focus_only": not continues and here is None and record["place_id"] is not None,
                    "mention": {
                        "sentence": index,
                        "start": start,
                        "end": end,
                        "text": text[start:end],
                        "cue": clause.cue,
                        "role": roles[index],
                        "claimed_by": record["claimed_by"],
                        "fatalities": record["fatalities"],
                    },
                }
                candidates.append((record, how))
                named = how["specific"] or (here is not None and here.place.kind != "country")
                if named and roles[index] == "body" and not record["background"]:
                    last = record  # (a region too: "thung lũng Bekaa")
                if (
                    roles[index] == "body"
                    and not record["background"]
                    and record["event_type"] in (lexicon.REMOTE, lexicon.CIVILIANS)
                ):
                    recent = (record, index, -1)
                if record["place_start"] is not None:
                    at = near.at(record["place_start"])
                    where = next((p for p in at if p.place.id == record["place_id"]), None)
                    listed = where is not None and not is_where_clause(text, clause)
                    for other in coordinated(text, where, near) if listed else ():
                        candidates.append((at_place(record, other), dict(how, mention=dict(how["mention"]))))
                if recent is not None and recent[0] is record:
                    recent = (record, index, len(candidates) - told_aside)
                elif roles[index] != "body":
                    told_aside += len(candidates) - before_this
                before_this = len(candidates)
        events = incidents(candidates, text, {p.place.id: p.place for p in places})
        for ordinal, event in enumerate(events, 1):
            event["event_id"] = f"{article.id}:{ordinal}"
        if undated and any(e["date"] is None for e in events):
            out["article"]["warnings"].append(
                Message(
                    "pipeline.left_undated",
                    "{n} event(s) left undated (date null)",
                    n=sum(e["date"] is None for e in events),
                )
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
        starts: list[int] | None = None,
    ) -> DateRef:
        """The clause's own date, else the nearest in its sentence, else the article's date.

        ``dates`` are in text order (``starts``: their starts): each is found by bisection."""
        if starts is None:
            starts = [d.start for d in dates]
        lo, hi = bisect_left(starts, sentence[0]), bisect_left(starts, sentence[1])  # the sentence's
        chosen, reported = None, False
        if lo < hi:
            spans = clause.spans or [(clause.start, clause.end)]
            i = bisect_left(starts, spans[0][0], lo, hi)  # its own
            own = i < hi and starts[i] < spans[0][1]
            if own and _of_another(text, clause, dates[i]):
                # "đấu súng trong đêm … sau vụ tấn công khủng bố … hôm 22-4": the other incident's day;
                # only a date before it may be the clause's
                own, hi = False, i
            if own:
                chosen = dates[i]
                if chosen.relative and chosen.precision > 1:
                    # "một cuộc tấn công trước đó … hồi đầu tháng 8": the date the clause writes,
                    # not the vague "before that" read against the publication day
                    written = next(
                        (d for d in dates[i + 1 : hi] if d.start < spans[0][1] and not d.relative), None
                    )
                    chosen = written or chosen
                cue = clause.cue_start
                if cue is not None and cue > chosen.end and _REPORTED_ON.match(text, chosen.end, cue):
                    # "ngày 16/11 xác nhận vụ đấu súng … vào tối 13/11": the first dates the report;
                    # the incident's own day comes after its cue, in its sentence
                    later = bisect_left(starts, cue, i + 1, hi)
                    if later < hi:
                        chosen = dates[later]
                    else:
                        reported = chosen.precision == 1  # (none: the incident is on that day or before)
            else:
                i = bisect_left(starts, clause.start, lo, hi)  # the nearest before it
                if i > lo:
                    chosen = dates[i - 1]
                    # "… hôm qua (17/8) cho biết, RSF đã pháo kích …": the day of the report before it
                    # (a day the text names: "trước đó cho biết" tells when it was said, not a day)
                    reported = (
                        chosen.precision == 1
                        and _REPORTED_ON.match(text, chosen.end, clause.start) is not None
                    )
                    cue = clause.cue_start
                    told_from = max(sentence[0], chosen.start - 24)
                    if (
                        cue is not None
                        and chosen.precision == 1
                        and _TELLS_ON.search(text, told_from, chosen.start)
                    ):
                        # "Aljazeera đưa tin ngày 28/8, Israel đã không kích … đầu tuần này": the report's
                        # day; the incident's own comes after its cue
                        later = bisect_left(starts, cue, i, hi)
                        if later < hi and not _of_another(text, clause, dates[later]):
                            chosen, reported = dates[later], False
                else:
                    for s, e in spans:  # in the clauses merged into it
                        i = bisect_left(starts, s, lo, hi)
                        if i < hi and starts[i] < e and _of_another(text, clause, dates[i]):
                            hi = i  # (as above)
                            break
                        if i < hi and starts[i] < e:
                            chosen = dates[i]
                            break
                    else:
                        chosen = dates[lo]  # the sentence's first
        if chosen is not None and _SINCE_COMPARED.search(text, max(0, chosen.start - 30), chosen.start):
            chosen = None  # "các cuộc đụng độ tồi tệ nhất kể từ năm 2016": what it is compared with
        elif chosen is not None and _of_another(text, clause, chosen):
            chosen = None  # "đấu súng trong đêm … sau vụ tấn công … hôm 22-4": the other incident's day
        if chosen is None:
            return DateRef(reference.isoformat(), None, max(2, reference_precision), own=False)
        end = chosen.date_end
        i = bisect_right(starts, chosen.start, lo, hi)
        later = dates[i] if i < hi else None
        if (
            end is None
            and later is not None
            and (chosen.opens_range or _UNTIL.search(text, max(0, later.start - 24), later.start))
        ):
            end = later.date  # "từ ngày 27/9 … sáng 28/9", "Tháng 2/1988 … kéo dài đến năm 1994"
        return DateRef(_iso(chosen.date), _iso(end) if end else None, chosen.precision, reported=reported)


# what opens the telling of another, earlier or later, incident after a clause's cue: "… sau vụ tấn công
# khủng bố … hôm 22-4", "… để đáp trả cuộc không kích ngày 1/10", "… sau khi Hamas phóng rocket hôm 3/10"
_ANOTHER_INCIDENT = re.compile(
    r"(?<!\w)(?:(?:sau|trước)\s+khi|(?:(?:ngay|chỉ|vài\s+giờ|ít\s+giờ)\s+)?sau|kể\s+từ|đáp\s+trả|trả\s+đũa|trả\s+thù)"
    r"(?:\s+(?:lại|cho|các|những|một|hai|ba))?\s+(?:vụ|cuộc|đợt|trận|loạt|đòn)(?!\w)"
    r"|(?<!\w)(?:sau|trước)\s+khi(?!\w)",
    re.IGNORECASE,
)
_ANOTHER_REACH = 160  # the other incident's day follows its words closely
_ANOTHER_WORDS = ("sau", "trước", "kể", "trả")  # (case-folded: "ſau" matches the case-blind "sau")


def _of_another(text: str, clause: Clause, mention: DateMention) -> bool:
    """Whether the date, written after the clause's cue, dates another incident the clause names
    after its cue (the day of a "sau vụ …" / "sau khi …" / "đáp trả cuộc …"), not the clause's."""
    if clause.cue_start is None:
        return False
    cue_end = clause.cue_start + len(clause.cue or "")
    if mention.start < cue_end:
        return False
    begin = max(cue_end, mention.start - _ANOTHER_REACH)
    window = text[begin : mention.start].casefold()
    if not any(word in window for word in _ANOTHER_WORDS):
        return False  # (the cheap test first: every alternative of the pattern holds one of these)
    return _ANOTHER_INCIDENT.search(text, begin, mention.start) is not None


def _capped(found: int, what: str, cap: int, done: str = "kept") -> str:
    return Message(
        f"pipeline.capped.{what.replace(' ', '_')}.{done}",
        "{found:,} {what}: only the first {cap:,} are {done} (far more than a news article holds)",
        found=found,
        what=what,
        cap=cap,
        done=done,
    )
