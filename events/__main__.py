"""Command line: ``python -m events extract FILE… | ingest PATH… --db FILE``.

``extract`` prints one JSON object per article (the contract in shared/spec/output.md),
or ACLED-style CSV, or GeoJSON. ``ingest`` stores articles, places and events in SQLite.
Warnings and progress go to standard error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from events import output
from events.dates import parse_published
from events.reader import Article, read_article, read_manifest

DEFAULT_STORE = Path(__file__).resolve().parent.parent / "var" / "events.sqlite"


def _published(value: str) -> str:
    try:
        parse_published(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return value


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m events", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    for name, help_text in (("extract", "print places and events"), ("ingest", "store them in SQLite")):
        cmd = sub.add_parser(name, help=help_text)
        cmd.add_argument("paths", nargs="+", type=Path, help="article files or folders of .txt files")
        cmd.add_argument("--published", type=_published, help="YYYY-MM-DD or YYYY-MM for files without one")
        cmd.add_argument("--manifest", type=Path, help="CSV with file,published[,source,url,title,language]")
    sub.choices["extract"].add_argument("--format", choices=("jsonl", "csv", "geojson"), default="jsonl")
    sub.choices["ingest"].add_argument("--db", type=Path, default=DEFAULT_STORE, help="the SQLite store")
    sub.choices["ingest"].add_argument("--replace", action="store_true", help="re-extract stored articles")
    return p


def article_files(paths: list[Path]) -> Iterator[Path]:
    """The files named, and the .txt files under the folders named, in a stable order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.txt") if p.is_file())
        else:
            yield path


def read_all(args: argparse.Namespace) -> Iterator[Article]:
    manifest = None
    if args.manifest:
        try:
            manifest = read_manifest(args.manifest)
        except (OSError, ValueError) as exc:
            raise SystemExit(f"error: cannot read manifest {args.manifest}: {exc}") from None
    elif len(args.paths) == 1 and args.paths[0].is_dir() and (args.paths[0] / "manifest.csv").exists():
        manifest = read_manifest(args.paths[0] / "manifest.csv")
    for path in article_files(args.paths):
        article = read_article(path, published=args.published, manifest=manifest)
        for warning in article.warnings:
            print(f"warning: {path}: {warning}", file=sys.stderr)
        if article.error:
            print(f"error: {path}: {article.error}", file=sys.stderr)
        yield article


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    from events.pipeline import Extractor

    extractor = Extractor()
    failed = False
    if args.command == "extract":
        results = []
        for article in read_all(args):
            failed |= bool(article.error)
            result = extractor.extract(article)
            if args.format == "jsonl":
                print(output.to_jsonl(result), flush=True)
            else:
                results.append(result)
        if args.format == "csv":
            sys.stdout.write(output.to_csv(results))
        elif args.format == "geojson":
            print(json.dumps(output.to_geojson(results), ensure_ascii=False))
        return 1 if failed else 0

    from events.store import EventStore

    totals = {"articles": 0, "stored": 0, "duplicates": 0, "events": 0, "unresolved": 0, "errors": 0}
    with EventStore(args.db) as store:
        for article in read_all(args):
            totals["articles"] += 1
            if article.error:
                totals["errors"] += 1
                continue
            if store.has(article.id) and not args.replace:
                totals["duplicates"] += 1
                continue
            result = extractor.extract(article)
            if store.add(result, article.text, replace=args.replace):
                totals["stored"] += 1
                totals["events"] += len(result["events"])
                totals["unresolved"] += len(result["unresolved"])
            else:
                totals["duplicates"] += 1
    print(", ".join(f"{k} {v}" for k, v in totals.items()) + f" → {args.db}", file=sys.stderr)
    return 1 if totals["errors"] else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # the reader of our output went away (e.g. `| head`)
        sys.stderr.close()
        sys.exit(0)
