"""The event store: one SQLite file of articles, place mentions and events.

One transaction per article; an article is identified by the hash of its normalized text,
so the same article ingested twice is stored once. WAL mode lets the dashboard read while
an ingest writes.
"""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

import pandas as pd

from events.output import ACLED_COLUMNS, event_row

PLACE_FIELDS = ("surface", "start", "end", "sentence", "place_id", "name", "name_vi", "kind", "country",
                "lat", "lon", "geo_precision", "score")  # fmt: skip

SCHEMA = f"""
PRAGMA journal_mode = WAL;
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, path TEXT, title TEXT, source TEXT, url TEXT, language TEXT,
    published TEXT, published_precision TEXT, text TEXT NOT NULL, warnings TEXT NOT NULL,
    ingested_at TEXT NOT NULL
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
    {", ".join(f'"{c}"' for c in ACLED_COLUMNS)},
    PRIMARY KEY (event_id)
);
CREATE INDEX IF NOT EXISTS events_date ON events(event_date);
CREATE INDEX IF NOT EXISTS events_article ON events(article_id);
CREATE INDEX IF NOT EXISTS places_place ON places(place_id);
"""


class EventStore:
    """Read and write the store; safe to open from several processes at once."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.con = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        self.con.execute("PRAGMA foreign_keys = ON")
        self.con.execute("PRAGMA busy_timeout = 30000")
        self.con.executescript(SCHEMA)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def has(self, article_id: str) -> bool:
        return self.con.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def add(self, result: dict, text: str, replace: bool = False) -> bool:
        """Store one article's result in one transaction; False when it was stored already."""
        article = result["article"]
        if article.get("error"):
            return False
        con = self.con
        con.execute("BEGIN IMMEDIATE")
        try:
            if self.has(article["id"]):
                if not replace:
                    con.execute("ROLLBACK")
                    return False
                con.execute("DELETE FROM events WHERE article_id = ?", (article["id"],))
                con.execute("DELETE FROM articles WHERE id = ?", (article["id"],))
            con.execute(
                "INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (article["id"], article["path"], article["title"], article["source"], article["url"],
                 article["language"], article["published"], article["published_precision"], text,
                 json.dumps(article["warnings"], ensure_ascii=False), time.strftime("%Y-%m-%dT%H:%M:%S")),
            )  # fmt: skip
            con.executemany(
                "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [(article["id"], n, *(p[k] for k in PLACE_FIELDS)) for n, p in enumerate(result["places"])],
            )  # fmt: skip
            con.executemany(
                "INSERT INTO unresolved VALUES (?,?,?,?,?,?,?)",
                [(article["id"], n, u["surface"], u["start"], u["end"], u["sentence"], u["reason"])
                 for n, u in enumerate(result["unresolved"])],
            )  # fmt: skip
            row_values = [tuple(event_row(e, article)[c] for c in ACLED_COLUMNS) for e in result["events"]]
            con.executemany(f"INSERT INTO events VALUES ({','.join('?' * len(ACLED_COLUMNS))})", row_values)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return True

    def counts(self) -> dict[str, int]:
        return {
            table: self.con.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("articles", "places", "unresolved", "events")
        }

    def events_frame(self) -> pd.DataFrame:
        """One row per event, ACLED-style columns, with the article's title and publication date."""
        frame = pd.read_sql_query(
            "SELECT e.*, a.title AS article_title, a.published AS article_published "
            "FROM events e JOIN articles a ON a.id = e.article_id ORDER BY e.event_date, e.event_id",
            self.con,
        )
        frame["event_date"] = pd.to_datetime(frame["event_date"])
        frame["background"] = frame["background"].astype(bool)
        return frame

    def places_frame(self) -> pd.DataFrame:
        """One row per place mention, with its article id."""
        return pd.read_sql_query("SELECT * FROM places ORDER BY article_id, ordinal", self.con)

    def article_text(self, article_id: str) -> str | None:
        row = self.con.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None


def events_frame(path: Path | str) -> pd.DataFrame:
    """The stored events as a pandas DataFrame (one row per event, ACLED-style columns)."""
    with EventStore(path) as store:
        return store.events_frame()
