"""Batch ingest's writer: stores the outcomes of :func:`events.batch.run_task` in input order,
with a progress bar, counts that always equal what the store holds, and one summary line."""

from __future__ import annotations

import sqlite3
import sys
import time
from collections import Counter
from pathlib import Path
from typing import IO

from events.batch import Outcome
from store import view
from store.db import EventStore, article_rows

LISTED = 20  # errors and duplicates named one by one in the summary
# A transaction per batch, not per article (bench/scale.py's writer-ceiling row): committed at
# this many articles or after this long, whichever comes first, so that the dashboard sees an
# ingest progress and a second ingest into the same store waits only briefly. (Larger batches
# cost less when appending to a large store, whose indexes a commit writes page by page: 405 ->
# 497 articles/CPU s appending 5,000 to 50,000 with 1 s batches, but a kill then loses up to a
# second of work and readers see progress less often: kept.)
BATCH_ARTICLES = 500
BATCH_SECONDS = 0.1
COSTS_FROM = 1000  # inputs: a bulk ingest says where its CPU went (one line, before the summary)


class Ingest:
    """The single writer: stores outcomes in order, shows progress, counts, and reports."""

    def __init__(
        self,
        store: EventStore,
        total: int,
        *,
        replace: bool = False,
        progress: bool | None = None,
        out: IO[str] | None = None,
        batch: int | None = None,
        batch_seconds: float | None = None,
        defer_indexes: bool = True,
    ):
        from tqdm import tqdm

        self.store = store
        store.batching(batch or BATCH_ARTICLES, BATCH_SECONDS if batch_seconds is None else batch_seconds)
        if defer_indexes:
            store.defer_indexes(adding=total)
        self.replace = replace
        self.out = out or sys.stderr
        self.totals: Counter[str] = Counter()
        self.errors: list[tuple[str, str]] = []
        self.duplicates: list[tuple[str, str]] = []
        self.row_ids: set[int] = set()  # hashes of the id keys of this batch's corpus rows
        self.replaced: set[str] = set()  # with --replace: the articles stored by this batch
        self.started = time.perf_counter()
        # progress=None: a bar only when standard error is a terminal (not in logs)
        disable = None if progress is None else not progress
        self.bar = tqdm(total=total, unit="article", desc="ingest", file=self.out, mininterval=0.5,
                        smoothing=0.05, dynamic_ncols=True, disable=disable)  # fmt: skip

    def say(self, line: str) -> None:
        self.bar.write(line, file=self.out)

    def costs(self, line: str) -> None:
        """Where a bulk ingest's CPU went (bench/scale.py reads it); a small one says nothing."""
        if self.bar.total >= COSTS_FROM:
            self.say(line)

    def error(self, path: str, reason: str) -> None:
        self.totals["errors"] += 1
        self.errors.append((path, reason))
        self.say(f"error: {path}: {reason}")

    def record(self, outcome: Outcome) -> None:
        for warning in outcome.warnings:
            self.say(f"warning: {outcome.path}: {warning}")
        if (clash := self._id_clash(outcome)) is not None:
            self.error(outcome.path, clash)
        elif outcome.status == "skipped":
            self.totals["skipped"] += 1
        elif outcome.status == "error":
            self.error(outcome.path, outcome.error or "unreadable")
        elif outcome.status == "duplicate":
            self._duplicate(outcome, outcome.stored_path or "")
        else:
            rows = outcome.rows
            if rows is None:
                assert outcome.result is not None and outcome.text is not None
                rows = article_rows(outcome.result, outcome.text)
            if outcome.article_id in self.replaced:  # --replace: this text was stored by this batch
                self._duplicate(outcome, self.store.article_path(outcome.article_id or "") or "")
                self.bar.update(1)
                return
            try:
                added = self.store.add_rows(rows, self.replace, file_key=outcome.key, digest=outcome.digest)
            except (sqlite3.IntegrityError, sqlite3.InterfaceError, UnicodeError, OverflowError) as exc:
                self.error(outcome.path, f"cannot be stored: {exc}")  # rolled back, reported
                self.bar.update(1)
                return
            if added and self.replace and outcome.article_id:
                self.replaced.add(outcome.article_id)
            if added:
                self.totals["stored"] += 1
                self.totals["events"] += len(rows.events)
                self.totals["unresolved"] += len(rows.unresolved)
            else:  # stored meanwhile: by another input of this batch or another process
                self._duplicate(outcome, self.store.article_path(outcome.article_id or "") or "", linked=True)
        self.bar.update(1)

    def _id_clash(self, outcome: Outcome) -> str | None:
        """An error when a corpus row repeats the id of an earlier row of this batch with other
        bytes: the store keeps one input per id, so the second would silently replace the first.

        Only a hash of each id is kept (a few dozen bytes a row); the store, which holds the
        digest of the row stored under the id, settles the rare repeat.
        """
        if "#id=" not in outcome.key or outcome.digest is None:
            return None
        h = hash(outcome.key)
        if h not in self.row_ids:
            self.row_ids.add(h)
            return None
        first = self.store.file_digest(outcome.key)
        if first is None or first == outcome.digest:
            return None
        ident = outcome.key.partition("#id=")[2]
        return f"id '{ident}' was given to an earlier row with another text: refused (ids must be unique)"

    def _duplicate(self, outcome: Outcome, stored_path: str, linked: bool = False) -> None:
        if not linked and outcome.digest and outcome.article_id:
            self.store.link_file(outcome.key, outcome.digest, outcome.article_id)
        if stored_path == outcome.path:
            self.totals["skipped"] += 1  # this very input, stored before its key was remembered
        else:
            self.totals["duplicates"] += 1
            self.duplicates.append((outcome.path, stored_path))

    def close(self) -> None:
        """Commit, build the deferred indexes, and index the search for the events stored when
        they are few (at most one catch-up batch: an everyday ingest is searched from the index
        at once); a bulk load leaves them to :func:`store.view.catch_up_search` (``python -m
        store index``, or the archive's first search), which costs a third of the writer."""
        self.store.build_indexes()
        con = self.store.con
        if view.search_behind(con, view.SEARCH_BATCH) <= view.SEARCH_BATCH:
            view.catch_up_search(con)
        self.bar.close()

    def summary(self, db: Path | str) -> str:
        """One line of counts, then the errors and duplicates (the first few, by name)."""
        t = self.totals
        elapsed = time.perf_counter() - self.started
        done = t["stored"] + t["skipped"] + t["duplicates"] + t["errors"]
        lines = [
            f"stored {t['stored']}, skipped {t['skipped']} (already stored), duplicates {t['duplicates']}, "
            f"events {t['events']}, unresolved {t['unresolved']}, errors {t['errors']} → {db} "
            f"({elapsed:.1f} s, {_rate(done, elapsed)})"
        ]
        for title, entries, fmt, more in (
            ("errors", self.errors, "{0}: {1}", " (each listed above)"),
            ("duplicates (same text, stored once)", self.duplicates, "{0}: same text as {1}", ""),
        ):
            if entries:
                lines.append(f"{title}:")
                lines += ["  " + fmt.format(*entry) for entry in entries[:LISTED]]
                if len(entries) > LISTED:
                    lines.append(f"  … and {len(entries) - LISTED} more{more}")
        return "\n".join(lines)


def _rate(done: int, elapsed: float) -> str:
    """Inputs per second, or seconds per input when that is under one (never "0 inputs/s")."""
    if not done or elapsed <= 0:
        return "0 inputs/s" if not done else f"{done:,} inputs"
    rate = done / elapsed
    if rate >= 10:
        return f"{rate:,.0f} inputs/s"
    if rate >= 1:
        return f"{rate:.1f} inputs/s"
    return f"{elapsed / done:,.1f} s/input"


def task_size(total: int, workers: int, largest: int = 250) -> int:
    """Inputs per task: at least four tasks per worker, at most ``largest`` inputs each.

    A Dask task costs the client (scheduler, comms, gathering its result) about 3 ms of CPU
    whatever its size: 0.03 ms an article at 100 articles a task, 0.013 at 250; a task of 250
    articles is a few MB of results and under a second of a worker's time (the last one idles
    no longer than that)."""
    return max(1, min(largest, -(-total // max(1, 4 * workers))))
