"""Command line: ``python -m store ingest PATH… [--db FILE]`` and ``python -m store export``.

``ingest`` reads and extracts articles (as ``python -m events extract`` does) and stores
articles, places and events in SQLite, in transactions of whole articles (a batch of at most
500 articles or 0.1 s: a crash loses at most that batch), resumable, in this process
or on Dask (``--engine dask``). ``export`` writes the stored events as CSV, GeoJSON or Parquet,
one row per incident (the events several articles report are one), in ACLED's columns then
diadanh's (review status, provenance). ``review`` lists the analyst's decisions. Warnings, progress and
summaries go to standard error. ``index`` indexes for the search the events a bulk ingest
left out (:mod:`store.view`: the search index is lazy).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from events.__main__ import LOCAL_TASK, add_input_arguments, plan_inputs, run_command
from events.batch import Options, Plan, run_task
from events.reader import MAX_BYTES
from gazetteer.cli import exit_with
from store import export as exporter
from store import review
from store.acled import acled_frame
from store.db import EventStore
from store.ingest import Ingest

if TYPE_CHECKING:
    from events.pipeline import Extractor
    from gazetteer import Gazetteer

DEFAULT_STORE = Path(
    os.environ.get("DIADANH_STORE", Path(__file__).resolve().parent.parent / "var" / "events.sqlite")
)


def _checked(check: Callable[[str], str]) -> Callable[[str], str]:
    def convert(value: str) -> str:
        try:
            return check(value)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    return convert


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: '{value}'")
    return int(value)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m store", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    sub = p.add_subparsers(dest="command", required=True)
    ingest = sub.add_parser("ingest", help="read, extract and store articles in SQLite")
    add_input_arguments(ingest)
    ingest.add_argument("--db", type=Path, default=DEFAULT_STORE, help="the SQLite store")
    ingest.add_argument("--replace", action="store_true", help="re-read and re-extract stored articles")
    ingest.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                        help="progress bar on standard error (default: when it is a terminal)")  # fmt: skip
    ingest.add_argument("--engine", choices=("local", "dask"), default="local",
                        help="local: this process; dask: extraction on dask.distributed workers")  # fmt: skip
    ingest.add_argument("--workers", type=_positive, help="dask: LocalCluster processes (default: cores)")
    ingest.add_argument("--scheduler", help="dask: address of an existing scheduler, e.g. tcp://host:8786")
    export = sub.add_parser("export", help="write the stored events as CSV, GeoJSON or Parquet")
    export.add_argument("--db", type=Path, default=DEFAULT_STORE, help="the SQLite store")
    export.add_argument("--format", choices=exporter.FORMATS, help="default: from the -o suffix, else csv")
    export.add_argument("--from", dest="date_from", type=_checked(lambda v: exporter.period_bound(v, False)),
                        metavar="DATE", help="events on or after (YYYY-MM-DD, YYYY-MM or YYYY)")  # fmt: skip
    export.add_argument("--to", dest="date_to", type=_checked(lambda v: exporter.period_bound(v, True)),
                        metavar="DATE", help="events on or before (YYYY-MM-DD, YYYY-MM or YYYY)")  # fmt: skip
    types = _checked(exporter.event_type)
    export.add_argument("--type", dest="types", nargs="+", action="extend", type=types,
                        metavar="EVENT_TYPE", help="ACLED event or sub-event types (any case)")  # fmt: skip
    export.add_argument("--acled-only", action="store_true",
                        help="ACLED's 31 columns only (not diadanh's after them)")  # fmt: skip
    export.add_argument("--rejected", action="store_true", help="also the events an analyst rejected")
    export.add_argument("-o", "--output", type=Path, help="output file (default: standard output)")
    review = sub.add_parser(
        "review", help="list the analyst's decisions (review layer) and what they apply to"
    )
    review.add_argument("--db", type=Path, default=DEFAULT_STORE, help="the SQLite store")
    index = sub.add_parser("index", help="index for the search the events a bulk ingest left out")
    index.add_argument("--db", type=Path, default=DEFAULT_STORE, help="the SQLite store")
    return p


def ingest(args: argparse.Namespace, p: argparse.ArgumentParser) -> int:
    if args.engine != "dask" and (args.workers or args.scheduler):
        p.error("--workers and --scheduler go with --engine dask")
    if args.workers and args.scheduler:
        p.error("--workers is for the local cluster; an existing cluster (--scheduler) has its own")
    todo = plan_inputs(args, p)
    options = Options(published=args.published, replace=args.replace, max_bytes=MAX_BYTES)
    try:
        store = EventStore(args.db)
    except (sqlite3.Error, OSError) as exc:
        raise SystemExit(f"error: cannot open the store {args.db}: {exc}") from None
    with store:
        run = Ingest(store, todo.total, replace=args.replace, progress=args.progress)
        for warning in todo.warnings:
            run.say(f"warning: {warning}")
        for path, reason in todo.errors:
            run.error(path, reason)
        try:
            if args.engine == "dask":
                _ingest_dask(args, todo, options, run)
            else:
                _ingest_local(todo, options, run)
        except KeyboardInterrupt:
            run.close()
            print(run.summary(args.db), file=sys.stderr)
            print("interrupted: what is stored stays; run the same command again to resume", file=sys.stderr)
            return 130
        except Exception as exc:
            from store.cluster import DaskError

            if not isinstance(exc, DaskError | OSError | sqlite3.Error):
                raise
            run.close()
            print(run.summary(args.db), file=sys.stderr)
            print(f"error: {exc}; what is stored stays, rerun to resume", file=sys.stderr)
            return 1
        run.close()
        print(run.summary(args.db), file=sys.stderr)
        _search_hint(store, args.db)
    return 1 if run.totals["errors"] else 0


def _search_hint(store: EventStore, db: Path) -> None:
    """What a bulk ingest left to the search index (it is lazy: :mod:`store.view`)."""
    from store import view

    behind = view.search_behind(store.con)
    if behind:
        print(f"search index: {behind:,} events not indexed yet (searches read them one by one meanwhile): "
              f"python -m store index --db {db}", file=sys.stderr)  # fmt: skip


def _ingest_local(todo: Plan, options: Options, run: Ingest) -> None:
    extractor = None

    def get_extractor() -> Extractor:  # built on first need: a rerun that skips everything never loads it
        nonlocal extractor
        if extractor is None:
            from events.pipeline import Extractor

            extractor = Extractor()
        return extractor

    store = run.store
    started, writing, count = time.process_time(), 0.0, 0
    for task in todo.tasks(LOCAL_TASK):
        for outcome in run_task(task, options, get_extractor, store.file_digest, store.article_path):
            t = time.process_time()
            run.record(outcome)
            writing += time.process_time() - t
            count += 1
    if count:  # as store.cluster.Costs says it for Dask
        n = count / 1000
        extracting = time.process_time() - started - writing
        run.costs(f"local: CPU an input: {extracting / n:.2f} ms reading and extracting, "
                  f"{writing / n:.2f} ms writing")  # fmt: skip


def _ingest_dask(args: argparse.Namespace, todo: Plan, options: Options, run: Ingest) -> None:
    from store import cluster

    known = {} if args.replace else run.store.file_digests(todo.keys, todo.prefixes)
    cluster.run(todo, options, run, known=known, workers=args.workers, scheduler=args.scheduler)


def export(args: argparse.Namespace, p: argparse.ArgumentParser) -> int:
    fmt = args.format or (exporter.SUFFIXES.get(args.output.suffix.lower()) if args.output else None) or "csv"
    if fmt == "parquet" and args.output is None:
        p.error("--format parquet needs an output file: -o FILE")
    if not args.db.is_file():
        raise SystemExit(f"error: no store at {args.db} (python -m store ingest … --db {args.db})")
    try:
        with EventStore(args.db) as store:
            frame = store.events_frame(
                date_from=args.date_from, date_to=args.date_to, event_types=args.types, rejected=args.rejected
            )
    except (sqlite3.Error, OSError) as exc:
        raise SystemExit(f"error: cannot export from {args.db}: {exc}") from None
    frame = acled_frame(frame, _gazetteer(), acled_only=args.acled_only)
    try:
        exporter.write(frame, fmt, args.output)
    except OSError as exc:
        raise SystemExit(f"error: cannot write {args.output}: {exc.strerror or exc}") from None
    where = args.output or "standard output"
    print(f"exported {len(frame)} events as {fmt} → {where}", file=sys.stderr)
    return 0


def _gazetteer() -> Gazetteer | None:
    """The gazetteer for ``admin1``; None (and a warning) when it is not built."""
    from gazetteer import Gazetteer, GazetteerMissing

    try:
        return Gazetteer()
    except GazetteerMissing as exc:
        print(f"warning: {exc}: admin1 left blank", file=sys.stderr)
        return None


def review_listing(args: argparse.Namespace, p: argparse.ArgumentParser) -> int:
    """One line per decision: status, the article, the sentence's offset and cue, the edits, and
    the event it applies to now (or "unmatched")."""
    if not args.db.is_file():
        raise SystemExit(f"error: no store at {args.db}")
    with EventStore(args.db) as store:
        rows = review.listing(store.con)
    for row in rows:
        event = row["event"]
        now = (
            f"{event['event_date'] or '?'} {event['sub_event_type']} @ {event['location'] or '?'}"
            if event
            else "unmatched (article not stored, or its text changed)"
        )
        edits = ", ".join(
            f"{k}={v['location'] if k == 'place' else v}" for k, v in sorted(row["edits"].items())
        )
        merged = f" merged:{row['merge_group']}" if row["merge_group"] else ""
        line = (
            f"{row['status']:<10} {row['article'] or row['article_id']} @{row['sentence_start']} "
            f"«{row['cue']}» {row['place']}: {now}" + (f" [{edits}]" if edits else "") + merged
        )
        print("".join(c if c.isprintable() else " " for c in line))  # titles and cues are untrusted
    print(f"{len(rows)} decisions", file=sys.stderr)
    return 0


def index_search(args: argparse.Namespace, p: argparse.ArgumentParser) -> int:
    """Catch the search index up (:func:`store.view.catch_up_search`): resumable, batch by batch."""
    from store import view

    if not args.db.is_file():
        raise SystemExit(f"error: no store at {args.db}")
    with EventStore(args.db) as store:
        behind = view.search_behind(store.con)
        done = 0
        while done < behind:
            step = view.catch_up_search(store.con, seconds=1.0)
            if not step:
                break
            done += step
            print(f"search index: {done:,} of {behind:,} events indexed", file=sys.stderr, flush=True)
    print(f"search index: up to date ({done:,} events indexed now)", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    p = parser()
    args = p.parse_args(argv)
    commands = {"ingest": ingest, "export": export, "review": review_listing, "index": index_search}
    return run_command(commands[args.command], args, p)


if __name__ == "__main__":
    exit_with(main)
