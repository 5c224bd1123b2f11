"""What the Dask ingest's client (the writer's process) pays per article: a task's outcomes
arrive as one compact pickle whose rows the writer stores as the single-process path would,
and the LocalCluster's housekeeping in the client's process runs at a slow pace."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from ingest_support import synthetic, write_jsonl

from events.batch import Options, plan, run_task
from store import cluster
from store.db import EventStore, article_rows
from store.ingest import Ingest


@pytest.fixture(scope="module")
def corpus(built_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Six articles, a row that is not JSON and a row without text."""
    path = write_jsonl(tmp_path_factory.mktemp("client") / "corpus.jsonl", list(synthetic(6, seed=11)))
    with path.open("a", encoding="utf-8") as fh:
        fh.write("{not json\n" + json.dumps({"id": "no-text", "title": "t"}) + "\n")
    return path


def test_a_task_comes_back_as_one_pickle_of_the_rows_the_writer_stores(corpus: Path) -> None:
    task = next(plan([corpus]).tasks(100))
    packed = cluster.work(task, Options(), None)
    assert isinstance(packed, bytes)  # one object: Dask does not serialise it item by item
    got = cluster.unpack(packed)
    want = list(run_task(task, Options(), cluster._extractor))
    assert [(o.key, o.path, o.status, o.digest, o.error, o.warnings, o.article_id) for o in got] == [
        (o.key, o.path, o.status, o.digest, o.error, o.warnings, o.article_id) for o in want
    ]
    assert [o.status for o in got].count("error") == 2
    for g, w in zip(got, want, strict=True):
        if w.status == "extracted":
            assert g.rows == article_rows(w.result, w.text)  # type: ignore[arg-type]
        else:
            assert g.rows is None and g.result is None  # an error's empty result stays on the worker
    # equal strings of a task travel once: each event of an article names it by one object
    events = [row for o in got if o.rows is not None for row in o.rows.events]  # type: ignore[attr-defined]
    assert len(events) > 6 and len({id(row[1]) for row in events}) == len({row[1] for row in events})


def test_the_packed_rows_make_the_single_process_store(corpus: Path, tmp_path: Path) -> None:
    """The writer stores unpacked outcomes exactly as it stores the single process's."""
    from ingest_support import dump

    task = next(plan([corpus]).tasks(100))
    for name, outcomes in (
        ("local", list(run_task(task, Options(), cluster._extractor))),
        ("packed", cluster.unpack(cluster.work(task, Options(), None))),
    ):
        store = EventStore(tmp_path / f"{name}.sqlite")
        run = Ingest(store, len(outcomes), progress=False, out=io.StringIO())
        for outcome in outcomes:
            run.record(outcome)
        run.close()
        store.close()
        assert run.totals["stored"] == 6 and run.totals["errors"] == 2
    assert dump(tmp_path / "packed.sqlite") == dump(tmp_path / "local.sqlite")


def test_the_local_cluster_housekeeping_is_slow_paced(corpus: Path, tmp_path: Path) -> None:
    """The scheduler's event-loop tick (20 ms by Dask's default) and system monitor (0.5 s) run
    in the writer's process: at the default pace they cost it 30 ms of CPU a second. The
    workers' profiler (a stack sample every 10 ms) is off: 0.25-0.3 ms of CPU an article."""
    import dask
    from distributed import default_client

    seen: dict[str, float] = {}

    class Looking(Ingest):
        def record(self, outcome: object) -> None:
            if not seen:
                scheduler = default_client().cluster.scheduler
                seen["tick"] = scheduler._tick_interval
                seen["monitor"] = scheduler.periodic_callbacks["monitor"].callback_time
                seen["profile"] = dask.config.get("distributed.worker.profile.enabled")
            super().record(outcome)  # type: ignore[arg-type]

    todo = plan([corpus])
    store = EventStore(tmp_path / "paced.sqlite")
    run = Looking(store, todo.total, progress=False, out=io.StringIO())
    cluster.run(todo, Options(), run, known={}, workers=1, processes=False)
    run.close()
    store.close()
    assert run.totals["stored"] == 6
    assert seen == {"tick": 1.0, "monitor": 5000, "profile": False}


def test_the_ingest_says_where_the_cpu_went(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One line: the workers' CPU in tasks (sent back with each task's rows), the writer's, the
    rest of the client's, the bytes returned and the writer's wait (bench/scale.py reads it)."""
    import re

    from store import ingest

    monkeypatch.setattr(ingest, "COSTS_FROM", 8)  # said by a bulk ingest only
    todo = plan([corpus])
    store = EventStore(tmp_path / "costs.sqlite")
    out = io.StringIO()
    run = Ingest(store, todo.total, progress=False, out=out)
    cluster.run(todo, Options(), run, known={}, workers=1, processes=False)
    run.close()
    store.close()
    line = next(line for line in out.getvalue().splitlines() if line.startswith("dask: "))
    m = re.fullmatch(
        r"dask: 4 tasks of up to 2 inputs, at most 4 in flight, ([\d.]+) KB returned an input; CPU an "
        r"input: workers ([\d.]+) ms in tasks, client ([\d.]+) ms writing \+ [\d.]+ ms scheduler/comms; "
        r"the writer waited for results [\d.]+ of [\d.]+ s",
        line,
    )
    assert m, line
    kb, workers, writing = map(float, m.groups())
    assert kb > 1 and workers > 0 and writing > 0


def test_a_task_carries_its_cpu_time(corpus: Path) -> None:
    task = next(plan([corpus]).tasks(100))
    cpu, outcomes = cluster._unpacked(cluster.work(task, Options(), None))
    assert 0 < cpu < 60 and len(outcomes) == 8
