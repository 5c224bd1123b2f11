"""Command line: ``python -m events extract PATH…``.

``extract`` prints one JSON object per article (the contract in ``docs/output.md``), or
ACLED-style CSV, or GeoJSON. A PATH is an article file, a folder of ``.txt`` files, or a
``.jsonl``/``.parquet`` corpus (field ``text``; optional ``published``, ``source``, ``url``,
``title``, ``language``, ``id``). Warnings go to standard error. Storing and exporting are the
store's: ``python -m store ingest`` and ``python -m store export``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from events import output
from events.batch import InputError, Options, Plan, plan, run_task
from events.dates import parse_published
from events.reader import article_from_error, check_year
from gazetteer.cli import exit_with

LOCAL_TASK = 256  # inputs per task: files read and extracted in one go


def published_arg(value: str) -> str:
    """argparse type of ``--published``: a date the reader accepts."""
    try:
        check_year(parse_published(value)[0].year)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return value


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m events", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    sub = p.add_subparsers(dest="command", required=True)
    add_input_arguments(sub.add_parser("extract", help="print places and events"))
    sub.choices["extract"].add_argument("--format", choices=("jsonl", "csv", "geojson"), default="jsonl")
    return p


def add_input_arguments(cmd: argparse.ArgumentParser) -> None:
    """The arguments that name the inputs (shared with ``python -m store ingest``)."""
    cmd.add_argument("paths", nargs="*", type=Path,
                     help="article files, folders of .txt files, .jsonl/.parquet corpora "
                          "(none: the files the manifest names)")  # fmt: skip
    cmd.add_argument("--published", type=published_arg, help="YYYY-MM-DD or YYYY-MM for files without one")
    cmd.add_argument("--manifest", type=Path, help="CSV with file,published[,source,url,title,language]")
    cmd.add_argument("--allow-outside", action="store_true",
                     help="read manifest rows that name files outside the manifest's folder")  # fmt: skip


def plan_inputs(args: argparse.Namespace, p: argparse.ArgumentParser) -> Plan:
    """The inputs the arguments name, or exit with the reason."""
    if not args.paths and not args.manifest:
        p.error("give article paths, or --manifest with the files to read")
    try:
        return plan(args.paths, args.manifest, allow_outside=args.allow_outside)
    except InputError as exc:
        raise SystemExit(f"error: {exc}") from None


def extract(args: argparse.Namespace, p: argparse.ArgumentParser) -> int:
    from events.pipeline import Extractor

    todo = plan_inputs(args, p)
    extractor = Extractor()
    options = Options(published=args.published)
    for warning in todo.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    failed = False
    results = []

    def emit(result: dict) -> None:
        if args.format == "jsonl":
            print(output.to_jsonl(result), flush=True)
        else:
            results.append(result)

    for path, reason in todo.errors:
        failed = True
        print(f"error: {path}: {reason}", file=sys.stderr)
        emit(extractor.extract(article_from_error(reason, path=path, published=args.published)))
    for task in todo.tasks(LOCAL_TASK):
        for outcome in run_task(task, options, lambda: extractor):
            for warning in outcome.warnings:
                print(f"warning: {outcome.path}: {warning}", file=sys.stderr)
            if outcome.error:
                failed = True
                print(f"error: {outcome.path}: {outcome.error}", file=sys.stderr)
            assert outcome.result is not None
            emit(outcome.result)
    if args.format == "csv":
        sys.stdout.write(output.to_csv(results))
    elif args.format == "geojson":
        print(json.dumps(output.to_geojson(results), ensure_ascii=False))
    return 1 if failed else 0


def run_command(command: Callable[[argparse.Namespace, argparse.ArgumentParser], int],
                args: argparse.Namespace, p: argparse.ArgumentParser) -> int:  # fmt: skip
    """A command's exit status; a gazetteer that was never built is one error line, exit 1."""
    from gazetteer import GazetteerMissing

    try:
        return command(args, p)
    except GazetteerMissing as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


def main(argv: list[str] | None = None) -> int:
    p = parser()
    return run_command(extract, p.parse_args(argv), p)


if __name__ == "__main__":
    exit_with(main)
