"""``ingest --engine dask``: workers read and extract, this process alone writes the store.

Runs on a LocalCluster of process workers (``--workers N``) or on an existing cluster
(``--scheduler tcp://host:8786``). Each worker builds one :class:`events.pipeline.Extractor`
per thread, once, and runs :func:`events.batch.run_task` on slices of the input; the client
submits a bounded window of tasks and stores their outcomes in input order, so memory stays
flat whatever the corpus size and the store ends up as a single-process ingest would leave it.

Imported only for ``--engine dask``: the plain path never pays for importing dask.
Workers need this repository importable and the built gazetteer (``var/gazetteer.sqlite`` or
``$DIADANH_GAZETTEER``), and they read the inputs at their absolute paths.
"""

from __future__ import annotations

import logging
import pickle
import threading
import time
from collections import deque
from collections.abc import Iterable
from typing import TYPE_CHECKING

from events.batch import FilesTask, Options, Outcome, Plan, Task, run_task
from store.db import ArticleRows, article_rows
from store.ingest import Ingest, task_size

if TYPE_CHECKING:
    from events.pipeline import Extractor

_local = threading.local()
# The LocalCluster's housekeeping, which runs in this process (scheduler, nannies) beside the writer:
# with Dask's defaults (an event-loop tick every 20 ms, the scheduler's system monitor every 0.5 s,
# each nanny's memory monitor every 0.1 s) it costs the client about 30 ms of CPU a second doing
# nothing (42 with 4 workers), about 6 (8) with these; none of them changes what a task does.
# Each worker's statistical profiler (a thread sampling the task's stack every 10 ms, for Dask's
# dashboard, which a LocalCluster here does not serve) cost the workers 0.25-0.3 ms of CPU an
# article outside their tasks (0.36-0.42 -> 0.10-0.11 ms, 2 workers, 3,250 bench articles): off.
LOCAL_CLUSTER_CONFIG = {
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.worker.profile.enabled": False,
}


class Known:
    """The stored digests of this batch's inputs, shipped once to every worker."""

    def __init__(self, digests: dict[str, str]):
        self.digests = digests

    def get(self, key: str) -> str | None:
        return self.digests.get(key)


class DaskError(RuntimeError):
    """The cluster cannot run the ingest; what was stored stays."""


class DaskTaskFailed(DaskError):
    """A task raised on a worker (an environment problem, not bad input: that is an outcome)."""


def _extractor() -> Extractor:
    extractor = getattr(_local, "extractor", None)
    if extractor is None:
        from events.pipeline import Extractor

        extractor = _local.extractor = Extractor()
    return extractor


def work(task: Task, options: Options, known: Known | None) -> bytes:
    """Runs on a worker: read and extract one task's inputs, and build the rows that store them
    (the writer only inserts: it keeps up with more workers); :func:`unpack` reads the result.

    The outcomes go back as one pickle of plain tuples (:func:`pack`): Dask would serialise a
    list of objects item by item (a header and a pickle each), and a dataclass costs more to
    unpickle than a tuple; bytes cross Dask's comms as they are and are unpickled once, by the
    writer. The task's CPU time (this thread's) travels with them: the writer reports what the
    workers spend beside what it spends itself (:class:`Costs`).
    """
    started = time.thread_time()
    return pack(run_task(task, options, _extractor, known.get if known else None, None), started)


def pack(outcomes: Iterable[Outcome], started: float | None = None) -> bytes:
    """Outcomes as the writer needs them: an extracted article's rows instead of its result and
    text; an error's message without its empty result (the writer reports, never stores, it).

    Equal strings of a task's rows (an article's id and path in each event, a place's names in
    each of its mentions) are made one object, so that pickle sends each once and the writer
    unpickles it once (30 → 22 µs an article on bench/extract.py's articles). ``started``: the
    thread time when the task began (its CPU time goes with the outcomes).
    """
    seen: dict[str, str] = {}
    one = seen.setdefault

    def shared(rows: list[tuple]) -> list[tuple]:
        return [tuple(one(v, v) if type(v) is str else v for v in row) for row in rows]

    packed = []
    for o in outcomes:
        rows = o.rows
        if o.status == "extracted" and o.result is not None and o.text is not None:
            rows = article_rows(o.result, o.text)
        if isinstance(rows, ArticleRows):
            rows = (rows.id, rows.article, shared(rows.places), shared(rows.unresolved), shared(rows.events))
        fields = (o.key, o.path, o.status, o.digest, o.error, o.warnings, o.article_id, o.stored_path)
        packed.append((*fields, rows))
    cpu = 0.0 if started is None else time.thread_time() - started
    return pickle.dumps((cpu, packed), protocol=pickle.HIGHEST_PROTOCOL)


def unpack(data: bytes) -> list[Outcome]:
    """The outcomes :func:`pack` packed (from this repository's workers: they are trusted code)."""
    return _unpacked(data)[1]


def _unpacked(data: bytes) -> tuple[float, list[Outcome]]:
    """The task's CPU seconds on its worker, and its outcomes."""
    cpu, packed = pickle.loads(data)
    return cpu, [
        Outcome(*fields, rows=None if rows is None else ArticleRows(*rows)) for *fields, rows in packed
    ]


class Costs:
    """Where a Dask ingest's CPU goes, per article: the workers' tasks (reading, extracting,
    building and pickling the rows: their own thread's time), the writer (unpickling and
    storing: the client's main thread) and the rest of the client's process (with a
    LocalCluster: its scheduler, nannies and comms), the bytes a worker returns, and how long
    the writer waited for results (it idles: the workers are the bound)."""

    def __init__(self, size: int, window: int):
        self.size, self.window = size, window
        self.tasks = self.articles = self.nbytes = 0
        self.workers = self.writing = self.waited = 0.0
        self._process, self._wall = time.process_time(), time.perf_counter()

    def line(self) -> str:
        n = max(1, self.articles)
        client = time.process_time() - self._process
        wall = time.perf_counter() - self._wall

        def ms(seconds: float) -> str:
            return f"{seconds / n * 1000:.2f} ms"

        return (
            f"dask: {self.tasks:,} tasks of up to {self.size} inputs, at most {self.window} in flight, "
            f"{self.nbytes / n / 1024:.1f} KB returned an input; CPU an input: workers {ms(self.workers)} "
            f"in tasks, client {ms(self.writing)} writing + {ms(max(0.0, client - self.writing))} "
            f"scheduler/comms; the writer waited for results {self.waited:.1f} of {wall:.1f} s"
        )


def _describe(task: Task) -> str:
    if isinstance(task, FilesTask):
        first, last = task.items[0].path, task.items[-1].path
        return first if first == last else f"{first} … {last}"
    return f"{task.path}:{task.first}+{task.count}"


def run(
    plan: Plan,
    options: Options,
    ingest: Ingest,
    *,
    known: dict[str, str],
    workers: int | None = None,
    scheduler: str | None = None,
    processes: bool = True,
) -> None:
    """Extract ``plan`` on Dask and record every outcome with ``ingest`` (in input order).

    Raises :class:`DaskError` when the scheduler cannot be reached or a task fails on a worker;
    what was stored stays.
    """
    import dask

    with dask.config.set({} if scheduler else LOCAL_CLUSTER_CONFIG):
        _run(plan, options, ingest, known, workers, scheduler, processes)


def _run(
    plan: Plan,
    options: Options,
    ingest: Ingest,
    known: dict[str, str],
    workers: int | None,
    scheduler: str | None,
    processes: bool,
) -> None:
    from distributed import Client, LocalCluster

    cluster = None
    if scheduler:
        try:  # waits distributed.comm.timeouts.connect (30 s; DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT)
            client = Client(scheduler)
        except (OSError, TimeoutError, ValueError) as exc:
            raise DaskError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    else:
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=processes,
            dashboard_address=None,
            # shutdown races log heartbeat errors; failures reach us as task errors
            silence_logs=logging.CRITICAL,
        )
        client = Client(cluster)
    try:
        threads = sum(client.nthreads().values()) or 1
        known_future = client.scatter(Known(known), broadcast=True) if known else None
        size = task_size(plan.total, threads)
        tasks = plan.tasks(size)
        window = 2 * threads + 2  # enough to keep every worker busy, few enough to stay small
        costs = Costs(size, window)
        pending: deque = deque()

        def submit() -> None:
            task = next(tasks, None)
            if task is not None:
                pending.append((task, client.submit(work, task, options, known_future, pure=False)))

        for _ in range(window):
            submit()
        while pending:
            task, future = pending.popleft()
            writing = time.thread_time()
            if not future.done():  # waiting: let readers and other writers see what is stored
                ingest.store.flush()
            costs.writing += time.thread_time() - writing
            waiting = time.perf_counter()
            try:
                data = future.result()
            except Exception as exc:
                for _, other in pending:
                    other.cancel()
                reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
                if "deserializ" in reason:
                    reason += " (the scheduler and every worker need this repository importable, e.g."
                    reason += " PYTHONPATH=/path/to/diadanh, and the same package versions)"
                raise DaskTaskFailed(f"a task failed on a worker ({_describe(task)}): {reason}") from exc
            costs.waited += time.perf_counter() - waiting
            future.release()
            submit()
            writing = time.thread_time()
            cpu, outcomes = _unpacked(data)
            for outcome in outcomes:
                ingest.record(outcome)
            costs.writing += time.thread_time() - writing
            costs.tasks, costs.articles = costs.tasks + 1, costs.articles + len(outcomes)
            costs.workers, costs.nbytes = costs.workers + cpu, costs.nbytes + len(data)
        ingest.costs(costs.line())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
