"""The event store: one SQLite file of articles, place mentions and events.

Each article is all or nothing (its own transaction, or a savepoint in a batch of articles
for the batch writer, :meth:`EventStore.batching`); an article is identified by the hash of
its normalized text, so the same article ingested twice is stored once. ``files`` remembers
which input (a file's absolute path, or a corpus row) gave which article and the hash of its
bytes, in the article's transaction, so a rerun skips what is stored without decoding or
extracting it again. WAL mode lets the dashboard read while an ingest writes; writers wait for
each other (busy timeout, ``BEGIN IMMEDIATE``). Each article row carries how many places,
unresolved names and events it has, so that :meth:`EventStore.check` can prove that no article
was stored by halves. The map's view queries use an R*Tree over the events (:mod:`store.view`),
kept by triggers.
Each event's ``incident`` is linked as its article is stored or removed (:mod:`store.incidents`:
its day, place, sub-event type and actors, from the set of actor pairs of its bucket, counted in
``incident_actors``), in the article's transaction.
The analyst's decisions are the ``review`` table (:mod:`store.review`), keyed apart from event
ids so that they survive re-ingest and re-extraction, and applied whenever events are read.
"""

from __future__ import annotations

import datetime
import json
import sqlite3
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path

import pandas as pd

from events.output import ACLED_COLUMNS, event_row
from store import incidents, review, view
from store.incidents import incident_key, merge

PLACE_FIELDS = ("surface", "start", "end", "sentence", "place_id", "name", "name_vi", "kind", "country",
                "lat", "lon", "geo_precision", "score")  # fmt: skip

SCHEMA = f"""
PRAGMA journal_mode = WAL;
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, path TEXT, title TEXT, source TEXT, url TEXT, language TEXT,
    published TEXT, published_precision TEXT, text TEXT NOT NULL, warnings TEXT NOT NULL,
    ingested_at TEXT NOT NULL, n_places INTEGER, n_unresolved INTEGER, n_events INTEGER, outlet TEXT
);
CREATE TABLE IF NOT EXISTS files (
    key TEXT PRIMARY KEY, digest TEXT NOT NULL, article_id TEXT NOT NULL, ingested_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS places (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, ordinal INTEGER NOT NULL,
    surface TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, sentence INTEGER NOT NULL,
    place_id TEXT, name TEXT, name_vi TEXT, kind TEXT, country TEXT, lat REAL, lon REAL,
    geo_precision INTEGER, score REAL, PRIMARY KEY (article_id, ordinal)
);
CREATE TABLE IF NOT EXISTS unresolved (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, ordinal INTEGER NOT NULL,
    surface TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, sentence INTEGER NOT NULL,
    reason TEXT, PRIMARY KEY (article_id, ordinal)
);
CREATE TABLE IF NOT EXISTS events (
    {", ".join(f'"{c}"' for c in ACLED_COLUMNS)}, incident TEXT,
    PRIMARY KEY (event_id)
);
CREATE TABLE IF NOT EXISTS incident_stale (bucket TEXT PRIMARY KEY) WITHOUT ROWID;
"""
# Indexes no write needs (the writer finds rows by primary key): an ingest into an empty store
# drops them and builds them once at the end, which halves the writer's CPU (bench/scale.py).
# Linking reads a bucket's events by their incident when an article changes what links them;
# while that index is dropped the bucket is marked (incident_stale) and linked after the build.
SECONDARY_INDEXES = {
    "events_date": "events(event_date)",
    "events_article": "events(article_id)",
    "events_incident": "events(incident)",
    "places_place": "places(place_id)",
    "files_article": "files(article_id)",
}
_CREATE_INDEXES = "\n".join(f"CREATE INDEX IF NOT EXISTS {n} ON {on};" for n, on in SECONDARY_INDEXES.items())
_COUNT_COLUMNS = ("n_places", "n_unresolved", "n_events")
ARTICLE_COLUMNS = ("id", "path", "title", "source", "url", "language", "published", "published_precision",
                   "text", "warnings", "ingested_at", *_COUNT_COLUMNS)  # fmt: skip
SCHEMA_RETRIES = 50
# The signatures of each bucket's stored events, counted (store.incidents: what links an event
# depends on); a store without this table is linked whole when opened.
INCIDENT_SCHEMA = """
CREATE TABLE incident_actors (
    bucket TEXT NOT NULL, actor1 TEXT NOT NULL, actor2 TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (bucket, actor1, actor2)
) WITHOUT ROWID
"""
_ACTORS_OF = (
    "SELECT bucket, actor1, actor2 FROM incident_actors WHERE bucket IN (SELECT value FROM json_each(?))"
)
_COUNT_UP = (
    "INSERT INTO incident_actors VALUES (?,?,?,?) "
    "ON CONFLICT (bucket, actor1, actor2) DO UPDATE SET n = n + excluded.n"
)
# what linking reads of a bucket's events: the bucket's fields, the article, the actors
_BUCKET_EVENTS = (
    "SELECT event_id, article_id, actor1, actor2, incident, event_date, time_precision, background, "
    "place_id, latitude, longitude, sub_event_type, event_type FROM events "
    "WHERE incident >= ? AND incident < ?"
)
_EVENT_COLUMNS = ", ".join(f'"{c}"' for c in (*ACLED_COLUMNS, "incident"))
_INSERT_EVENT = f"INSERT INTO events ({_EVENT_COLUMNS}) VALUES ({','.join('?' * (len(ACLED_COLUMNS) + 1))})"
_ROW_COLUMNS = tuple(c for c in ARTICLE_COLUMNS if c != "ingested_at")  # ArticleRows.article
_INSERT_ARTICLE = (
    f"INSERT INTO articles ({','.join(_ROW_COLUMNS)}, ingested_at) "
    f"VALUES ({','.join('?' * len(ARTICLE_COLUMNS))})"
)
_place_values = itemgetter(*PLACE_FIELDS)
_event_values = itemgetter(*ACLED_COLUMNS)
_ACTOR1, _ACTOR2 = ACLED_COLUMNS.index("actor1"), ACLED_COLUMNS.index("actor2")
# The writer's page cache (KiB, negative = size): the indexes of a store of a million articles are
# far larger than SQLite's 2 MB default, and every insert touches a leaf of each.
WRITER_CACHE_KIB = 64 * 1024
WAL_CHECKPOINT_PAGES = 10_000  # SQLite: 1,000 (4 MB of WAL)


@dataclass
class ArticleRows:
    """One article as the store's rows (:func:`article_rows`), built where it was extracted
    (a Dask worker), so that the single writer only inserts them: smaller to send than the
    result's dicts and cheaper to unpickle."""

    id: str
    article: tuple  # the articles row without ingested_at (set when stored)
    places: list[tuple]
    unresolved: list[tuple]
    events: list[tuple]  # the events row, its last column the event's bucket (linked when stored)


def article_rows(result: dict, text: str) -> ArticleRows:
    """The rows that store one extracted article (the contract's object) and its text."""
    article = result["article"]
    aid = article["id"]
    values = (
        aid, article["path"], article["title"], article["source"], article["url"],
        article["language"], article["published"], article["published_precision"], text,
        json.dumps(article["warnings"], ensure_ascii=False),
        len(result["places"]), len(result["unresolved"]), len(result["events"]),
    )  # fmt: skip
    rows = (event_row(e, article) for e in result["events"])
    return ArticleRows(
        aid,
        values,
        [(aid, n, *_place_values(p)) for n, p in enumerate(result["places"])],
        [(aid, n, u["surface"], u["start"], u["end"], u["sentence"], u["reason"])
         for n, u in enumerate(result["unresolved"])],
        [(*_event_values(row), incident_key(row)) for row in rows],
    )  # fmt: skip


def _now() -> str:
    """Microseconds: readers (the dashboard's cache key) see every replacement as a change."""
    return datetime.datetime.now().isoformat(timespec="microseconds")


class EventStore:
    """Read and write the store; safe to open from several processes at once."""

    def __init__(self, path: Path | str, timeout: float = 60.0):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.con = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
        self.con.execute("PRAGMA foreign_keys = ON")
        self.con.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        self._setup()
        # In WAL mode a commit survives a crash of this process (kill -9) without an fsync per
        # article; only a power cut can lose the last commits, and never corrupts the file.
        self.con.execute("PRAGMA synchronous = NORMAL")
        self.batch_articles = 1  # see batching()
        self.batch_seconds = 0.0
        self._batch_count = 0
        self._batch_started = 0.0
        self._deferred = False
        self._link_later = False  # the incident index is dropped: changed buckets are marked

    def batching(self, articles: int = 500, seconds: float = 0.1) -> None:
        """Group the articles :meth:`add` stores into transactions of at most ``articles``
        articles or ``seconds`` (the batch is committed by the first article past either).

        Each article is still all-or-nothing (a savepoint inside the batch), and its input's
        row (``files``) is in the same transaction, so a crash loses at most the open batch and
        a rerun stores exactly that batch again. Readers see whole batches; a concurrent writer
        waits at most about ``seconds`` plus one article. :meth:`flush` commits the open batch
        (call it before waiting for input); :meth:`close` does too.
        """
        self.batch_articles, self.batch_seconds = max(1, articles), seconds
        self.con.execute(f"PRAGMA cache_size = {-WRITER_CACHE_KIB}")
        # fewer, larger checkpoints: a page rewritten by many batches reaches the file once, and
        # each checkpoint costs two fsyncs
        self.con.execute(f"PRAGMA wal_autocheckpoint = {WAL_CHECKPOINT_PAGES}")

    def defer_indexes(self, adding: int = 0) -> bool:
        """Before a bulk load of about ``adding`` articles: in an empty store, drop the indexes no
        write needs and stop the view index's triggers. A store that holds articles keeps them:
        each batch adds its events to the view index in one statement a part (:func:`store.view.
        append_view`), which costs less than rebuilding it whole at the end whatever the share
        added (bench: 5,000 articles onto 10,000, 700 vs 530 articles/CPU s). :meth:`build_indexes`
        (called by :meth:`close`) builds what was dropped; a store a crash left without them gets
        them when it is next opened (as it does when another process opens it meanwhile). While
        the incident index is dropped, the buckets whose links an article changes are marked
        (``incident_stale``) and linked after the build. True when something was deferred."""
        stored = self.con.execute("SELECT MAX(rowid) FROM articles").fetchone()[0]
        if stored is not None:
            return False
        self.con.executescript("".join(f"DROP INDEX IF EXISTS {name};" for name in SECONDARY_INDEXES))
        self._link_later = True
        view.drop_index_triggers(self.con)
        self._deferred = True
        return True

    def build_indexes(self) -> None:
        """Commit the open batch and build the indexes :meth:`defer_indexes` dropped."""
        self.flush()
        if self._deferred:
            self.con.executescript(_CREATE_INDEXES)
            self._link_later = False
            self._link_stale()
            view.ensure_index(self.con)
            self._deferred = False

    def _link_stale(self) -> None:
        """Link again the buckets marked while the incident index was dropped (one transaction)."""
        if self.con.execute("SELECT 1 FROM incident_stale LIMIT 1").fetchone() is None:
            return
        self.con.execute("BEGIN IMMEDIATE")
        try:
            stale = [bucket for (bucket,) in self.con.execute("SELECT bucket FROM incident_stale")]
            signatures: dict[str, set[incidents.Signature]] = {}
            for bucket, a1, a2 in self.con.execute(_ACTORS_OF, (json.dumps(stale),)):
                signatures.setdefault(bucket, set()).add((a1, a2))
            for bucket in stale:
                if bucket in signatures:
                    self._relink(bucket, signatures[bucket])
            self.con.execute("DELETE FROM incident_stale")
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def flush(self) -> None:
        """Commit the open batch, if any."""
        if self.con.in_transaction:
            view.append_view(self.con)  # the batch's events into the view index, one statement a part
            view.sync_search(self.con)  # the batch's events into the search index, past its savepoints
            self.con.execute("COMMIT")
        self._batch_count = 0

    @contextmanager
    def _unit(self) -> Iterator[None]:
        """One article's writes, all or nothing: its own transaction, or a savepoint of the
        open batch (see :meth:`batching`)."""
        con = self.con
        if self.batch_articles <= 1:
            con.execute("BEGIN IMMEDIATE")
            try:
                yield
                view.append_view(con)
                view.sync_search(con)
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
            return
        if not con.in_transaction:
            con.execute("BEGIN IMMEDIATE")
            self._batch_count, self._batch_started = 0, time.monotonic()
        con.execute("SAVEPOINT article")
        try:
            yield
        except BaseException:
            if con.in_transaction:  # some errors (a full disk) roll the whole transaction back
                con.execute("ROLLBACK TO article")
                con.execute("RELEASE article")
            raise
        con.execute("RELEASE article")
        self._batch_count += 1
        if (
            self._batch_count >= self.batch_articles
            or time.monotonic() - self._batch_started >= self.batch_seconds
        ):
            self.flush()

    def _setup(self) -> None:
        """Create or upgrade the schema; retried because switching a new file to WAL is not
        covered by the busy timeout when two processes open it at the same moment."""
        for attempt in range(SCHEMA_RETRIES):
            try:
                self.con.executescript(SCHEMA)
                self._add_columns()
                self._link_incidents()
                review.setup(self.con)
                self.con.executescript(_CREATE_INDEXES)  # also those a bulk load cut short left out
                self._link_stale()
                view.ensure_index(self.con)
                return
            except sqlite3.OperationalError as exc:
                if ("locked" not in str(exc) and "busy" not in str(exc)) or attempt == SCHEMA_RETRIES - 1:
                    raise
                if self.con.in_transaction:
                    self.con.execute("ROLLBACK")
                time.sleep(0.1)

    def _add_columns(self) -> None:
        """A store written before the counts or the outlet existed: add their columns, in one
        write transaction that looks again, so two processes opening it at once add them once."""
        wanted = [*((c, "INTEGER") for c in _COUNT_COLUMNS), ("outlet", "TEXT")]

        def missing() -> list[tuple[str, str]]:
            have = {row[1] for row in self.con.execute("PRAGMA table_info(articles)")}
            return [(name, kind) for name, kind in wanted if name not in have]

        if not missing():
            return
        self.con.execute("BEGIN IMMEDIATE")
        try:
            for name, kind in missing():
                self.con.execute(f"ALTER TABLE articles ADD COLUMN {name} {kind}")
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def _link_incidents(self) -> None:
        """A store written before incidents were linked by actors (or at all): link its events
        once, in one write transaction that looks again (two processes opening it at once)."""

        def linked() -> bool:
            sql = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'incident_actors'"
            columns = {row[1] for row in self.con.execute("PRAGMA table_info(events)")}
            return "incident" in columns and self.con.execute(sql).fetchone() is not None

        if linked():
            return
        self.con.execute("BEGIN IMMEDIATE")
        try:
            if not linked():
                if "incident" not in {row[1] for row in self.con.execute("PRAGMA table_info(events)")}:
                    self.con.execute("ALTER TABLE events ADD COLUMN incident TEXT")
                self.con.execute("DROP TABLE IF EXISTS incident_actors")
                self.con.execute(INCIDENT_SCHEMA)
                self._link_all()
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def _link_all(self) -> None:
        """Count every bucket's signatures and store every event's incident (one pass)."""
        stored, fresh, counts = self._incidents_from_scratch()
        self.con.execute("DELETE FROM incident_actors")
        rows = [(*k, n) for k, n in counts.items()]
        self.con.executemany("INSERT INTO incident_actors VALUES (?,?,?,?)", rows)
        self.con.executemany(
            "UPDATE events SET incident = ? WHERE event_id = ?",
            [(label, event_id) for event_id, label in fresh.items() if stored[event_id] != label],
        )

    def _incidents_from_scratch(
        self,
    ) -> tuple[dict[str, str | None], dict[str, str], Counter[tuple[str, str, str]]]:
        """Every event's stored and due incident, and every bucket's signature counts, from the
        events alone."""
        cursor = self.con.execute("SELECT * FROM events")
        names = [d[0] for d in cursor.description]
        stored: dict[str, str | None] = {}
        buckets: dict[str, dict[str, list[tuple[str, incidents.Signature]]]] = {}
        counts: Counter[tuple[str, str, str]] = Counter()
        fresh: dict[str, str] = {}
        for values in cursor:
            row = dict(zip(names, values, strict=True))
            stored[row["event_id"]] = row["incident"]
            bucket = incident_key(row)
            if bucket.startswith(incidents.UNLINKED):
                fresh[row["event_id"]] = bucket
                continue
            actors = incidents.signature(row["actor1"], row["actor2"])
            counts[(bucket, *actors)] += 1
            buckets.setdefault(bucket, {}).setdefault(row["article_id"], []).append((row["event_id"], actors))
        signatures: dict[str, set[incidents.Signature]] = {}
        for bucket, a1, a2 in counts:
            signatures.setdefault(bucket, set()).add((a1, a2))
        for bucket, articles in buckets.items():
            for events in articles.values():
                linked = incidents.link(bucket, signatures[bucket], events)
                fresh.update(zip((e for e, _ in events), linked, strict=True))
        return stored, fresh, counts

    def _linked(self, events: list[tuple]) -> list[tuple]:
        """An article's event rows (their last column the bucket) with their incidents, the
        buckets' counts updated and the bucket's other events linked again where the article
        changes what links them (:mod:`store.incidents`). In the article's transaction."""
        con = self.con
        mine: dict[str, list[tuple[str, incidents.Signature]]] = {}
        at: dict[str, list[int]] = {}
        counts: dict[tuple[str, str, str], int] = {}
        signature, unlinked = incidents.signature, incidents.UNLINKED
        for i, row in enumerate(events):
            bucket = row[-1]
            if not bucket.startswith(unlinked):
                actors = signature(row[_ACTOR1], row[_ACTOR2])
                mine.setdefault(bucket, []).append((row[0], actors))
                at.setdefault(bucket, []).append(i)
                key = (bucket, *actors)
                counts[key] = counts.get(key, 0) + 1
        if not mine:
            return events
        before: dict[str, set[incidents.Signature]] = {}
        for bucket, a1, a2 in con.execute(_ACTORS_OF, (json.dumps(list(mine)),)):
            before.setdefault(bucket, set()).add((a1, a2))
        con.executemany(_COUNT_UP, [(*k, n) for k, n in counts.items()])
        out = list(events)
        for bucket, items in mine.items():
            had = before.get(bucket, set())
            now = had | {actors for _, actors in items}
            if had and incidents.changes(had, now - had):  # the other events' links may change
                self._relink_later(bucket, now)
            for i, label in zip(at[bucket], incidents.link(bucket, now, items), strict=True):
                out[i] = (*events[i][:-1], label)
        return out

    def _relink(self, bucket: str, signatures: set[incidents.Signature]) -> None:
        """Store again the incidents of a bucket's stored events, its signatures being these."""
        con = self.con
        cursor = con.execute(_BUCKET_EVENTS, incidents.bucket_range(bucket))
        names = [d[0] for d in cursor.description]
        articles: dict[str, list[tuple[str, incidents.Signature]]] = {}
        stored: dict[str, str] = {}
        for values in cursor.fetchall():
            row = dict(zip(names, values, strict=True))
            if incident_key(row) != bucket:  # a place id holding "|" (never seen) cannot mix buckets
                continue
            stored[row["event_id"]] = row["incident"]
            actors = incidents.signature(row["actor1"], row["actor2"])
            articles.setdefault(row["article_id"], []).append((row["event_id"], actors))
        changed = []
        for events in articles.values():
            for (event_id, _), now in zip(events, incidents.link(bucket, signatures, events), strict=True):
                if stored[event_id] != now:
                    changed.append((now, event_id))
        con.executemany("UPDATE events SET incident = ? WHERE event_id = ?", changed)

    def _unlink(self, article_id: str) -> None:
        """Delete an article and its events, its buckets' counts updated and their other events
        linked again where its going changes what links them. In the caller's transaction."""
        con = self.con
        cursor = con.execute("SELECT * FROM events WHERE article_id = ?", (article_id,))
        names = [d[0] for d in cursor.description]
        counts: Counter[tuple[str, str, str]] = Counter()
        for values in cursor.fetchall():
            row = dict(zip(names, values, strict=True))
            bucket = incident_key(row)
            if not bucket.startswith(incidents.UNLINKED):
                counts[(bucket, *incidents.signature(row["actor1"], row["actor2"]))] += 1
        con.execute("DELETE FROM events WHERE article_id = ?", (article_id,))
        con.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        if not counts:
            return
        con.executemany(
            "UPDATE incident_actors SET n = n - ? WHERE bucket = ? AND actor1 = ? AND actor2 = ?",
            [(n, *k) for k, n in counts.items()],
        )
        buckets = json.dumps(sorted({k[0] for k in counts}))
        among = "n <= 0 AND bucket IN (SELECT value FROM json_each(?))"
        found = con.execute(f"SELECT bucket FROM incident_actors WHERE {among}", (buckets,))
        emptied = {bucket for (bucket,) in found}
        if not emptied:
            return
        con.execute(f"DELETE FROM incident_actors WHERE {among}", (buckets,))
        left: dict[str, set[incidents.Signature]] = {}
        for bucket, a1, a2 in con.execute(_ACTORS_OF, (json.dumps(sorted(emptied)),)):
            left.setdefault(bucket, set()).add((a1, a2))
        for bucket in sorted(emptied):
            if bucket in left:
                self._relink_later(bucket, left[bucket])

    def _relink_later(self, bucket: str, signatures: set[incidents.Signature]) -> None:
        """:meth:`_relink` now, or (the incident index dropped by a bulk load) after the build."""
        if self._link_later:
            self.con.execute("INSERT OR IGNORE INTO incident_stale VALUES (?)", (bucket,))
        else:
            self._relink(bucket, signatures)

    def remove(self, article_id: str) -> bool:
        """Remove an article, its records and its inputs' rows; its incidents are linked again.
        False when it is not stored."""
        with self._unit():
            if not self.has(article_id):
                return False
            self.con.execute("DELETE FROM files WHERE article_id = ?", (article_id,))
            self._unlink(article_id)
        return True

    def close(self) -> None:
        """Commit the open batch (whole articles only) and close."""
        try:
            self.build_indexes()
        finally:
            self.con.close()

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def has(self, article_id: str) -> bool:
        return self.con.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def article_path(self, article_id: str) -> str | None:
        """The path an article was stored from ("" when it had none), None when it is not stored."""
        row = self.con.execute("SELECT path FROM articles WHERE id = ?", (article_id,)).fetchone()
        return None if row is None else (row[0] or "")

    def file_digest(self, key: str) -> str | None:
        """The hash of the bytes last stored from an input (a file's absolute path, a corpus row)."""
        row = self.con.execute("SELECT digest FROM files WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def file_digests(self, keys: Iterable[str] = (), prefixes: Iterable[str] = ()) -> dict[str, str]:
        """{key: digest} of the stored inputs among ``keys`` or starting with one of ``prefixes``."""
        wanted, prefixes = set(keys), tuple(prefixes)
        return {
            key: digest
            for key, digest in self.con.execute("SELECT key, digest FROM files")
            if key in wanted or (prefixes and key.startswith(prefixes))
        }

    def link_file(self, key: str, digest: str, article_id: str) -> None:
        """Remember that an input gave an article that is already stored (a duplicate)."""
        with self._unit():
            self._link(key, digest, article_id)

    def _link(self, key: str, digest: str, article_id: str) -> None:
        """Upsert the input's row; an earlier version of the input no other input gave is removed."""
        con = self.con
        row = con.execute("SELECT article_id FROM files WHERE key = ?", (key,)).fetchone()
        con.execute("INSERT OR REPLACE INTO files VALUES (?,?,?,?)", (key, digest, article_id, _now()))
        if row and row[0] != article_id:
            old = row[0]
            if con.execute("SELECT 1 FROM files WHERE article_id = ? LIMIT 1", (old,)).fetchone() is None:
                self._unlink(old)

    def add(
        self,
        result: dict,
        text: str,
        replace: bool = False,
        *,
        file_key: str | None = None,
        digest: str | None = None,
        title: str | None = None,
        outlet: str | None = None,
        url: str | None = None,
    ) -> bool:
        """Store one article's result in one transaction; False when it was stored already.

        With ``file_key`` and ``digest`` the input is remembered in the same transaction (also
        when the article was stored already), so a rerun can skip it before reading it again.
        ``title``, ``outlet`` and ``url``, when given, are stored over the article's own metadata.
        """
        if result["article"].get("error"):
            return False
        return self.add_rows(
            article_rows(result, text),
            replace,
            file_key=file_key,
            digest=digest,
            title=title,
            outlet=outlet,
            url=url,
        )

    def add_rows(
        self,
        rows: ArticleRows,
        replace: bool = False,
        *,
        file_key: str | None = None,
        digest: str | None = None,
        title: str | None = None,
        outlet: str | None = None,
        url: str | None = None,
    ) -> bool:
        """:meth:`add` for an article's prepared rows."""
        con = self.con
        aid = rows.id
        with self._unit():
            if self.has(aid):
                if not replace:
                    if file_key is not None and digest is not None:
                        self._link(file_key, digest, aid)
                    return False
                self._unlink(aid)
            con.execute(_INSERT_ARTICLE, (*rows.article, _now()))
            con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows.places)
            con.executemany("INSERT INTO unresolved VALUES (?,?,?,?,?,?,?)", rows.unresolved)
            con.executemany(_INSERT_EVENT, self._linked(rows.events))
            if title or outlet or url:  # what a user typed, over the article's own metadata
                con.execute(
                    "UPDATE articles SET title = COALESCE(?, title), outlet = ?, url = COALESCE(?, url) "
                    "WHERE id = ?",
                    (title or None, outlet or None, url or None, aid),
                )
            if file_key is not None and digest is not None:
                self._link(file_key, digest, aid)
        return True

    def check(self) -> list[str]:
        """What is wrong with the store, from one snapshot: [] when it is consistent.

        SQLite's integrity and foreign-key checks, then every article against its recorded
        number of places, unresolved names and events, every event's incident against the one
        linking them all again gives, and events or inputs without an article.
        """
        con = self.con
        con.execute("BEGIN")
        try:
            problems = [f"integrity: {r[0]}" for r in con.execute("PRAGMA integrity_check") if r[0] != "ok"]
            problems += [f"foreign key: {r}" for r in con.execute("PRAGMA foreign_key_check")]
            problems += view.index_problems(con)
            for table, column in zip(("places", "unresolved", "events"), _COUNT_COLUMNS, strict=True):
                for article_id, want, have in con.execute(
                    f"SELECT a.id, a.{column}, (SELECT COUNT(*) FROM {table} t WHERE t.article_id = a.id) "
                    f"FROM articles a WHERE a.{column} IS NOT NULL"
                ):
                    if want != have:
                        problems.append(f"article {article_id}: {have} {table} stored of {want}")
            problems += [
                f"event {r[0]}: no article {r[1]}"
                for r in con.execute(
                    "SELECT event_id, article_id FROM events "
                    "WHERE article_id NOT IN (SELECT id FROM articles)"
                )
            ]
            stored, fresh, counts = self._incidents_from_scratch()
            problems += [
                f"event {event_id}: incident {stored[event_id]!r}, due {due!r}"
                for event_id, due in fresh.items()
                if stored[event_id] != due
            ]
            have = {(b, a1, a2): n for b, a1, a2, n in con.execute("SELECT * FROM incident_actors")}
            problems += [
                f"incident_actors {'/'.join(k)}: {have.get(k, 0)} counted, {counts.get(k, 0)} due"
                for k in sorted(have.keys() | counts.keys())
                if have.get(k, 0) != counts.get(k, 0)
            ]
            problems += [
                f"input {r[0]}: no article {r[1]}"
                for r in con.execute(
                    "SELECT key, article_id FROM files WHERE article_id NOT IN (SELECT id FROM articles)"
                )
            ]
        finally:
            con.execute("COMMIT")
        return problems

    def counts(self) -> dict[str, int]:
        return {
            table: self.con.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("articles", "places", "unresolved", "events")
        }

    def events_frame(
        self,
        *,
        date_from: str | None = None,
        date_to: str | None = None,
        event_types: Sequence[str] | None = None,
        incidents: bool = True,
        rejected: bool = False,
    ) -> pd.DataFrame:
        """One row per incident (``incidents=False``: per reported event), ACLED-style columns,
        with the article's title, publication date and time of ingest; an incident's row lists
        its reports (:func:`store.incidents.merge`: ``reports``, ``n_reports``, ``sources``).

        The analyst's decisions are applied (:func:`store.review.apply`): edited values, merged
        incidents, ``review_status``; rejected events only with ``rejected``.
        ``date_from``/``date_to`` (ISO, inclusive) keep the events whose dates overlap the
        period (an event with a ``date_end`` spans event_date..date_end); ``event_types`` keeps
        the events whose ``event_type`` or ``sub_event_type`` is one of them (both on the
        reviewed values).
        """
        decisions = review.load(self.con)
        where, params = [], []
        if date_from:
            where.append("COALESCE(e.date_end, e.event_date) >= ?")
            params.append(date_from)
        if date_to:
            where.append("e.event_date <= ?")
            params.append(date_to)
        if event_types:
            marks = ",".join("?" * len(event_types))
            where.append(f"(e.event_type IN ({marks}) OR e.sub_event_type IN ({marks}))")
            params += [*event_types, *event_types]
        if decisions:  # an edit may move an event into the period or the type: filtered after
            where, params = [], []
        frame = pd.read_sql_query(
            "SELECT e.*, a.title AS article_title, a.published AS article_published, "
            "a.ingested_at AS article_ingested_at FROM events e JOIN articles a ON a.id = e.article_id"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY e.event_date, e.event_id",
            self.con,
            params=params,
        )
        frame = review.apply(frame, decisions)
        if decisions:
            keep = pd.Series(True, index=frame.index)
            dates = frame["event_date"].astype("string")
            if date_from:
                keep &= frame["date_end"].astype("string").fillna(dates) >= date_from
            if date_to:
                keep &= dates <= date_to
            if event_types:
                keep &= frame["event_type"].isin(event_types) | frame["sub_event_type"].isin(event_types)
            frame = frame[keep.fillna(False)]
        if not rejected:
            frame = frame[frame["review_status"] != "rejected"]
        frame = merge(frame) if incidents else frame.drop(columns=["incident"])
        frame["event_date"] = pd.to_datetime(frame["event_date"])
        frame["background"] = frame["background"].astype(bool)
        return frame.reset_index(drop=True)

    def reports_of(self, event_ids: Iterable[str]) -> list[dict]:
        """The stored rows (as extracted) of ``event_ids``: an incident's reports, what the
        review layer keys its decisions on."""
        ids = list(dict.fromkeys(event_ids))
        if not ids:
            return []
        cursor = self.con.execute(
            f"SELECT * FROM events WHERE event_id IN ({','.join('?' * len(ids))}) ORDER BY event_id", ids
        )
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def places_frame(self) -> pd.DataFrame:
        """One row per place mention, with its article id."""
        return pd.read_sql_query("SELECT * FROM places ORDER BY article_id, ordinal", self.con)

    def article_text(self, article_id: str) -> str | None:
        row = self.con.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None


def events_frame(path: Path | str, **filters: object) -> pd.DataFrame:
    """The stored events as a pandas DataFrame (one row per event, ACLED-style columns);
    ``filters``: see :meth:`EventStore.events_frame`."""
    with EventStore(path) as store:
        return store.events_frame(**filters)  # type: ignore[arg-type]
