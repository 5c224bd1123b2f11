"""Two ingests into one store at once, and an ingest while the dashboard's reader reads."""

from __future__ import annotations

import time
from pathlib import Path

from ingest_support import cli, dump, popen, summary, synthetic, write_articles

from store.db import EventStore, events_frame


def test_two_ingests_into_one_new_store_at_once(built_db: Path, tmp_path: Path) -> None:
    paths = write_articles(tmp_path / "in", synthetic(160, seed=11))
    first, second = paths[:100], paths[60:]  # 40 articles in both batches
    db = tmp_path / "events.sqlite"
    procs = [popen("ingest", *map(str, batch), "--db", str(db)) for batch in (first, second)]
    results = [proc.communicate(timeout=300) for proc in procs]
    for proc, (_, stderr) in zip(procs, results, strict=True):
        assert proc.returncode == 0, stderr
    counts = [summary(stderr) for _, stderr in results]
    assert counts[0]["stored"] + counts[1]["stored"] == 160
    assert counts[0]["skipped"] + counts[1]["skipped"] == 40  # each shared article stored by one of them
    assert counts[0]["duplicates"] == counts[1]["duplicates"] == 0
    with EventStore(db) as store:
        assert store.check() == []
        assert store.counts()["articles"] == 160
    reference = tmp_path / "reference.sqlite"
    assert cli("ingest", *map(str, paths), "--db", str(reference)).returncode == 0
    assert dump(db) == dump(reference)


def test_ingest_while_the_dashboard_reads(built_db: Path, tmp_path: Path) -> None:
    write_articles(tmp_path / "in", synthetic(200, seed=12))
    db = tmp_path / "events.sqlite"
    assert cli("ingest", str(tmp_path / "in" / "a00000.txt"), "--db", str(db)).returncode == 0
    proc = popen("ingest", str(tmp_path / "in"), "--db", str(db))
    frames = []
    while proc.poll() is None:
        frames.append(events_frame(db, incidents=False))  # a new connection each time, as the dashboard
        time.sleep(0.05)
    _, stderr = proc.communicate()
    assert proc.returncode == 0, stderr
    final = events_frame(db, incidents=False)
    with EventStore(db) as store:
        assert store.check() == []
        n_events = dict(store.con.execute("SELECT id, n_events FROM articles"))
    sizes = [len(f) for f in frames]
    assert sum(0 < n < len(final) for n in sizes) >= 3, f"the reads did not overlap the ingest: {sizes}"
    assert sizes == sorted(sizes)
    for frame in frames:
        assert frame["event_id"].is_unique
        # every article a reader saw had all its events: no half-stored article is ever visible
        assert frame.groupby("article_id").size().to_dict() == {
            a: n_events[a] for a in frame["article_id"].unique()
        }
