"""Batched transactions stay resumable: a kill -9 inside a batch loses only that open batch,
and the rerun stores exactly it, leaving the store a clean run leaves."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from ingest_support import ROOT, cli, dump, summary, synthetic, write_jsonl

from store.db import SECONDARY_INDEXES, EventStore

BATCH = 40

# The real command in a subprocess, with batches of BATCH articles and no time bound, that kills
# itself (SIGKILL: no handler, no cleanup) at a chosen point: after the Nth article was written
# into the open batch, or when the deferred indexes are about to be built.
_CRASHING_INGEST = textwrap.dedent(
    """
    import os, signal, sys
    import store.ingest
    from store.db import EventStore
    from store.__main__ import main

    store.ingest.BATCH_ARTICLES, store.ingest.BATCH_SECONDS = {batch}, 3600.0
    at = {at}
    add, calls = EventStore.add_rows, [0]

    def crashing_add(self, *args, **kwargs):
        added = add(self, *args, **kwargs)
        calls[0] += 1
        if calls[0] == at:
            os.kill(os.getpid(), signal.SIGKILL)
        return added

    def crashing_build(self):
        self.flush()
        if self._deferred:
            os.kill(os.getpid(), signal.SIGKILL)

    EventStore.add_rows = crashing_add
    if at == 0:
        EventStore.build_indexes = crashing_build
    sys.exit(main(sys.argv[1:]))
    """
)


def _crash(corpus: Path, db: Path, at: int) -> None:
    script = _CRASHING_INGEST.format(batch=BATCH, at=at)
    proc = subprocess.run([sys.executable, "-c", script, "ingest", str(corpus), "--db", str(db)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)  # fmt: skip
    assert proc.returncode == -signal.SIGKILL, proc.stderr


def _indexes(db: Path) -> set[str]:
    con = sqlite3.connect(db)
    try:
        return {
            r[0]
            for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
        }
    finally:
        con.close()


@pytest.fixture(scope="module")
def corpus(built_db: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    folder = tmp_path_factory.mktemp("resume")
    path = write_jsonl(folder / "corpus.jsonl", list(synthetic(100, seed=21)))
    reference = folder / "reference.sqlite"
    result = cli("ingest", str(path), "--db", str(reference))
    assert result.returncode == 0, result.stderr
    return path, dump(reference)


@pytest.mark.parametrize("at", [BATCH + BATCH // 2, 2 * BATCH + 1])
def test_kill_9_inside_a_batch_loses_only_the_open_batch(
    corpus: tuple[Path, dict], tmp_path: Path, at: int
) -> None:
    path, reference = corpus
    db = tmp_path / "events.sqlite"
    _crash(path, db, at)
    committed = (at // BATCH) * BATCH  # the batches closed before the kill
    with EventStore(db) as store:
        assert store.check() == []  # whole articles only, each with all its places and events
        assert store.counts()["articles"] == committed
        assert store.con.execute("SELECT COUNT(*) FROM files").fetchone()[0] == committed
    rerun = cli("ingest", str(path), "--db", str(db))
    assert rerun.returncode == 0, rerun.stderr
    counts = summary(rerun.stderr)
    assert (counts["skipped"], counts["stored"], counts["duplicates"]) == (committed, 100 - committed, 0)
    assert dump(db) == reference  # as if it had never been interrupted
    assert set(SECONDARY_INDEXES) <= _indexes(db)


def test_kill_9_before_the_deferred_indexes_are_built(corpus: tuple[Path, dict], tmp_path: Path) -> None:
    path, reference = corpus
    db = tmp_path / "events.sqlite"
    _crash(path, db, 0)
    assert not set(SECONDARY_INDEXES) & _indexes(db)  # every article stored, the indexes not yet
    with EventStore(db) as store:  # the next open builds them
        assert store.counts()["articles"] == 100
    assert set(SECONDARY_INDEXES) <= _indexes(db)
    rerun = cli("ingest", str(path), "--db", str(db))
    assert summary(rerun.stderr)["skipped"] == 100
    assert dump(db) == reference
