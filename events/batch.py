"""Batch input for ``extract`` and ``ingest``: files, folders, manifests, Parquet/JSONL corpora.

The inputs are planned once (:func:`plan`) into :class:`Plan` whose tasks each read and
extract a slice of the input (:func:`run_task`); the same tasks run one after the other in
this process or on Dask workers (:mod:`store.cluster`), and their outcomes go, in input
order, to one writer (:class:`store.ingest.Ingest`): SQLite has a single writer.

Every input has a key, its identity in the store (a file's absolute path; a corpus row's
``file#id=…`` or ``file:N``), and a digest (sha256 of its bytes). A key stored with the same
digest is skipped before decoding or extraction, which makes an interrupted ingest cheap to
resume.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING

from events.reader import (
    MAX_BYTES,
    Article,
    article_from_bytes,
    article_from_error,
    article_from_text,
    manifest_row,
    read_file,
    read_manifest,
)

if TYPE_CHECKING:
    from events.pipeline import Extractor

CORPUS_FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}
ROW_META = ("published", "source", "url", "title", "language")
ROW_COLUMNS = ("text", "id", *ROW_META)
ROW_ALIASES = {"source": "outlet"}  # a corpus may name the outlet so (read when 'source' is absent)
_BLOCK = 1 << 20
LISTED = 20  # names listed one by one in a message


class InputError(ValueError):
    """An input that cannot be planned at all (an unreadable manifest or corpus)."""


# --------------------------------------------------------------------------- tasks


@dataclass(frozen=True)
class FileItem:
    path: str  # as given: shown in messages, stored as the article's path
    key: str  # the absolute path: where workers read it, the input's identity in the store
    meta: dict[str, str] | None = None  # its manifest row


@dataclass(frozen=True)
class FilesTask:
    items: tuple[FileItem, ...]

    def __len__(self) -> int:
        return len(self.items)


@dataclass(frozen=True)
class JsonlTask:
    path: str
    key: str
    start: int  # byte offset of the first line
    stop: int  # byte offset after the last line
    first: int  # line number of the first row (1-based)
    count: int  # rows (non-blank lines)

    def __len__(self) -> int:
        return self.count


@dataclass(frozen=True)
class ParquetTask:
    path: str
    key: str
    group: int  # row group
    offset: int  # first row within the group
    first: int  # number of the first row in the file (1-based)
    count: int

    def __len__(self) -> int:
        return self.count


Task = FilesTask | JsonlTask | ParquetTask


@dataclass(frozen=True)
class Options:
    published: str | None = None
    replace: bool = False
    max_bytes: int = MAX_BYTES


@dataclass
class Outcome:
    """What became of one input."""

    key: str
    path: str
    status: str  # "skipped" (stored with this digest), "error", "duplicate" (text stored), "extracted"
    digest: str | None = None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    article_id: str | None = None
    stored_path: str | None = None  # for a duplicate: the path the text was stored from
    result: dict | None = None  # the contract's object (also for an error, with empty lists)
    text: str | None = None
    rows: object | None = None  # instead of result and text: the store's rows, built on a Dask worker


# --------------------------------------------------------------------------- planning


@dataclass
class Plan:
    """The inputs, in order: runs of files and whole corpora; :meth:`tasks` slices them."""

    segments: list[tuple] = field(default_factory=list)
    total: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)  # inputs that cannot be read at all
    warnings: list[str] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)  # the file keys (corpora: prefixes)
    prefixes: list[str] = field(default_factory=list)

    def tasks(self, size: int) -> Iterator[Task]:
        """Tasks of at most ``size`` inputs each, in input order."""
        size = max(1, size)
        for segment in self.segments:
            kind = segment[0]
            if kind == "files":
                items = segment[1]
                for i in range(0, len(items), size):
                    yield FilesTask(tuple(items[i : i + size]))
            elif kind == "jsonl":
                _, path, key, starts, end, numbers = segment
                for i in range(0, len(starts), size):
                    j = min(i + size, len(starts))
                    stop = starts[j] if j < len(starts) else end
                    yield JsonlTask(path, key, starts[i], stop, numbers[i], j - i)
            else:
                _, path, key, groups = segment
                first = 1
                for group, rows in enumerate(groups):
                    for offset in range(0, rows, size):
                        count = min(size, rows - offset)
                        yield ParquetTask(path, key, group, offset, first + offset, count)
                    first += rows


def plan(
    paths: Sequence[Path],
    manifest: Path | None = None,
    *,
    max_bytes: int = MAX_BYTES,
    allow_outside: bool = False,
) -> Plan:
    """Plan the inputs: files, folders (their ``*.txt``, recursively), ``.jsonl``/``.parquet``
    corpora, and with no path the files a manifest names. A folder given alone that holds a
    ``manifest.csv`` uses it. Raises :class:`InputError` for an unreadable manifest.

    A manifest row naming a file outside the manifest's folder (``../../etc/passwd``, an
    absolute path, a symlink out) is an error and is not read, unless ``allow_outside``.
    """
    out = Plan()
    rows: dict[str, dict[str, str]] | None = None
    if manifest is None and len(paths) == 1 and paths[0].is_dir() and (paths[0] / "manifest.csv").exists():
        manifest = paths[0] / "manifest.csv"
    if manifest is not None:
        try:
            rows = read_manifest(manifest)
        except (OSError, ValueError) as exc:
            raise InputError(f"cannot read manifest {manifest}: {exc}") from None
        named: dict[str, tuple[str, Path]] = {}  # resolved path -> (name as written, path to read)
        outside: dict[str, str] = {}
        folder = Path(_key(manifest.parent))
        for row in rows.values():
            path = manifest.parent / row["file"]
            key = _key(path)
            if not allow_outside and not Path(key).is_relative_to(folder):
                outside.setdefault(key, row["file"])
                continue
            named.setdefault(key, (row["file"], path))
        if not paths:
            why = f"outside the manifest's folder {folder}: not read (--allow-outside to read it)"
            out.errors += [(name, why) for name in outside.values()]
        missing = [name for name, path in named.values() if not path.is_file()]
        if missing:
            listed = ", ".join(missing[:LISTED])
            more = f" and {len(missing) - LISTED} more" if len(missing) > LISTED else ""
            out.warnings.append(
                f"manifest {manifest} names {len(missing)} file{'s' * (len(missing) > 1)} "
                f"that do{'es' * (len(missing) == 1)} not exist: {listed}{more}"
            )
        if not paths:
            paths = [path for _, path in named.values()]

    files: list[FileItem] = []
    for path in paths:
        fmt = CORPUS_FORMATS.get(path.suffix.lower())
        if fmt and path.is_file():
            if files:
                out.segments.append(("files", files))
                files = []
            try:
                segment = _plan_corpus(path, fmt)
            except InputError as exc:
                out.errors.append((str(path), str(exc)))
                continue
            out.segments.append(segment)
            out.total += len(segment[3]) if fmt == "jsonl" else sum(segment[3])
            out.prefixes.append(segment[2] + "#")
            out.prefixes.append(segment[2] + ":")
            continue
        found = list(_article_files(path))
        if not found:
            out.warnings.append(f"{path}: no .txt files in this folder")
        for file in found:
            key = _key(file)
            files.append(FileItem(str(file), key, manifest_row(rows, file)))
            out.keys.add(key)
            out.total += 1
    if files:
        out.segments.append(("files", files))
    return out


def _key(path: Path) -> str:
    try:
        return str(path.resolve())
    except (OSError, RuntimeError, ValueError):
        return str(Path.cwd() / path)


def _article_files(path: Path) -> Iterator[Path]:
    """The file named, or the .txt files under the folder named, in a stable order."""
    if path.is_dir():
        found = []
        for root, dirs, names in os.walk(path):
            dirs.sort()
            found += [Path(root) / n for n in names if n.lower().endswith(".txt")]
        yield from sorted(found)
    else:
        yield path


def _plan_corpus(path: Path, fmt: str) -> tuple:
    key = _key(path)
    if fmt == "jsonl":
        starts, numbers, end = _line_starts(path)
        return ("jsonl", str(path), key, starts, end, numbers)
    try:
        import pyarrow.parquet as pq

        meta = pq.ParquetFile(path).metadata
        columns = set(meta.schema.names)
    except Exception as exc:  # pyarrow raises several types for a file that is not Parquet
        raise InputError(f"not a readable Parquet file: {exc}") from None
    if "text" not in columns:
        raise InputError(f"no 'text' column (columns: {', '.join(sorted(columns)) or 'none'})")
    return ("parquet", str(path), key, [meta.row_group(i).num_rows for i in range(meta.num_row_groups)])


def _line_starts(path: Path) -> tuple[array, array, int]:
    """Byte offsets and line numbers of the non-blank lines of a JSONL file, and its size.

    One streaming pass, never more than a megabyte of a line in memory.
    """
    starts, numbers = array("q"), array("q")
    offset = number = 0
    try:
        with path.open("rb") as fh:
            while line := fh.readline(_BLOCK):
                start, number = offset, number + 1
                offset += len(line)
                content = bool(line.strip())
                while not line.endswith(b"\n") and (line := fh.readline(_BLOCK)):
                    offset += len(line)
                    content = content or bool(line.strip())
                if content:
                    starts.append(start)
                    numbers.append(number)
    except OSError as exc:
        raise InputError(f"cannot read corpus: {exc.strerror or exc}") from None
    return starts, numbers, offset


# --------------------------------------------------------------------------- reading + extracting


def run_task(
    task: Task,
    options: Options,
    extractor: Callable[[], Extractor],
    known: Callable[[str], str | None] | None = None,
    stored: Callable[[str], str | None] | None = None,
) -> Iterator[Outcome]:
    """Read and extract a task's inputs, one outcome each, in order; never raises for bad input.

    ``known(key)`` is the digest stored for an input (it is skipped when unchanged);
    ``stored(article_id)`` the path an article was stored from (its extraction is skipped).
    ``extractor`` is called only when something needs extracting.
    """
    if isinstance(task, FilesTask):
        yield from _run_files(task, options, extractor, known, stored)
    elif isinstance(task, JsonlTask):
        yield from _run_rows(_jsonl_rows(task, options), options, extractor, known, stored)
    else:
        yield from _run_rows(_parquet_rows(task), options, extractor, known, stored)


def _run_files(
    task: FilesTask,
    options: Options,
    extractor: Callable[[], Extractor],
    known: Callable[[str], str | None] | None,
    stored: Callable[[str], str | None] | None,
) -> Iterator[Outcome]:
    for item in task.items:
        data, error = read_file(item.key, options.max_bytes)
        if data is None:
            article = article_from_error(
                error or "unreadable", path=item.path, published=options.published, meta=item.meta
            )
            yield _finish(item.key, None, article, options, extractor, None)
            continue
        digest = hashlib.sha256(data).hexdigest()
        if known is not None and not options.replace and known(item.key) == digest:
            yield Outcome(item.key, item.path, "skipped", digest)
            continue
        try:
            article = article_from_bytes(data, path=item.path, published=options.published, meta=item.meta)
        except Exception as exc:  # a bug, never bad input: this file is one error line, the batch goes on
            article = article_from_error(f"cannot be read: {type(exc).__name__}: {exc}", path=item.path)
        del data
        yield _finish(item.key, digest, article, options, extractor, stored)


def _run_rows(
    rows: Iterator[tuple[str, str, str | None, dict | None, str | None]],
    options: Options,
    extractor: Callable[[], Extractor],
    known: Callable[[str], str | None] | None,
    stored: Callable[[str], str | None] | None,
) -> Iterator[Outcome]:
    for key, path, digest, row, error in rows:
        if error is not None or row is None:
            article = article_from_error(error or "no row", path=path, published=options.published)
            yield _finish(key, None, article, options, extractor, None)
            continue
        if known is not None and not options.replace and known(key) == digest:
            yield Outcome(key, path, "skipped", digest)
            continue
        meta, warnings = _row_meta(row)
        try:
            article = article_from_text(row["text"], path=path, published=options.published, meta=meta)
        except Exception as exc:  # a bug, never bad input: this row is one error line, the batch goes on
            article = article_from_error(f"cannot be read: {type(exc).__name__}: {exc}", path=path)
        article.warnings[:0] = warnings
        yield _finish(key, digest, article, options, extractor, stored)


_SCALARS = (str, int, float, datetime.date)


def _row_meta(row: dict) -> tuple[dict[str, str], list[str]]:
    """A corpus row's metadata as text, and a warning for each field that is not text, a
    number or a date (a JSON object or list is left out, never stored as its Python repr)."""
    meta, warnings = {}, []
    for name in ROW_META:
        value = row.get(name)
        if value is None and name in ROW_ALIASES:
            value = row.get(ROW_ALIASES[name])
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, _SCALARS):
            warnings.append(f"'{name}' is {_json_type(value)}, not text: ignored")
            continue
        meta[name] = str(value)
    return meta, warnings


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "a list", bool: "true/false"}
    return next((n for t, n in names.items() if isinstance(value, t)), type(value).__name__)


def _finish(
    key: str,
    digest: str | None,
    article: Article,
    options: Options,
    extractor: Callable[[], Extractor],
    stored: Callable[[str], str | None] | None,
) -> Outcome:
    path = article.path or key
    if article.error:
        return Outcome(key, path, "error", digest, article.error, list(article.warnings), article.id,
                       result=_empty_result(article))  # fmt: skip
    if stored is not None and not options.replace and (where := stored(article.id)) is not None:
        return Outcome(key, path, "duplicate", digest, None, list(article.warnings), article.id, where)
    extract = extractor().extract  # a missing gazetteer stops the batch here, once
    try:
        result = extract(article)
    except Exception as exc:  # a bug, never bad input: report it for this article and go on
        error = f"extraction failed: {type(exc).__name__}: {exc}"
        return Outcome(key, path, "error", digest, error, list(article.warnings), article.id,
                       result=_empty_result(article, error))  # fmt: skip
    # the result's warnings: the reader's and the extractor's (caps, undated)
    return Outcome(key, path, "extracted", digest, None, list(result["article"]["warnings"]), article.id,
                   result=result, text=article.text)  # fmt: skip


def _empty_result(article: Article, error: str | None = None) -> dict:
    from events.pipeline import article_meta

    meta = article_meta(article)
    if error:
        meta["error"] = error
    return {"article": meta, "places": [], "unresolved": [], "events": []}


def _row_key(key: str, number: int, row: dict) -> str:
    ident = row.get("id")
    if ident in (None, "") or ident != ident:  # none, empty, or NaN (a Parquet float column's null)
        return f"{key}:{number}"
    return f"{key}#id={ident}"


def _unpaired_surrogate(value: str) -> str | None:
    """The first lone UTF-16 surrogate of a string (JSON allows "\\ud800"; UTF-8 cannot hold it)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        return f"U+{ord(value[exc.start]):04X}"
    return None


def _jsonl_rows(task: JsonlTask, options: Options) -> Iterator[tuple]:
    """(key, shown path, digest, row, error) of each non-blank line of a task's byte range."""
    try:
        fh = open(task.key, "rb")  # noqa: SIM115 (closed by the with below)
    except OSError as exc:
        shown = f"{task.path}:{task.first}"
        yield f"{task.key}:{task.first}", shown, None, None, f"cannot read: {exc.strerror}"
        return
    with fh:
        fh.seek(task.start)
        number, rows = task.first - 1, 0
        while rows < task.count and fh.tell() < task.stop:
            line, whole = _read_line(fh, options.max_bytes)
            number += 1
            if whole and not line.strip():
                continue
            rows += 1
            key, shown = f"{task.key}:{number}", f"{task.path}:{number}"
            if not whole:
                yield key, shown, None, None, f"line too large (over {options.max_bytes:,} bytes)"
                continue
            try:
                row = json.loads(line)
            except (ValueError, UnicodeDecodeError) as exc:
                yield key, shown, None, None, f"invalid JSON: {exc}"
                continue
            error = _row_error(row)
            if error is not None:
                yield key, shown, None, None, error
                continue
            yield _row_key(task.key, number, row), shown, hashlib.sha256(line.strip()).hexdigest(), row, None


def _read_line(fh: IO[bytes], limit: int) -> tuple[bytes, bool]:
    """The next line (at most ``limit`` bytes); False when it was longer (the rest is skipped)."""
    line = fh.readline(limit + 1)
    if len(line) <= limit or line.endswith(b"\n"):
        return line, True
    while (more := fh.readline(_BLOCK)) and not more.endswith(b"\n"):
        pass
    return b"", False


def _row_error(row: object) -> str | None:
    if not isinstance(row, dict):
        return f"not a JSON object but {type(row).__name__}"
    text = row.get("text")
    if text is None:
        return "no 'text' field"
    if not isinstance(text, str):
        return f"'text' is {type(text).__name__}, not a string"
    ident = row.get("id")
    if ident is not None and (isinstance(ident, bool) or not isinstance(ident, str | int | float)):
        return f"'id' is {_json_type(ident)}, not a string or a number"
    for name in (*ROW_COLUMNS, *ROW_ALIASES.values()):
        value = row.get(name)
        if isinstance(value, str) and (where := _unpaired_surrogate(value)):
            return f"'{name}' is not valid Unicode (an unpaired surrogate {where}, escaped in the JSON)"
    return None


def _parquet_rows(task: ParquetTask) -> Iterator[tuple]:
    try:
        import pyarrow.parquet as pq

        file = pq.ParquetFile(task.key)
        columns = [c for c in (*ROW_COLUMNS, *ROW_ALIASES.values()) if c in file.schema_arrow.names]
        rows = file.read_row_group(task.group, columns=columns).slice(task.offset, task.count).to_pylist()
    except Exception as exc:  # a file changed or broken since it was planned
        for n in range(task.first, task.first + task.count):
            yield f"{task.key}:{n}", f"{task.path}:{n}", None, None, f"cannot read Parquet rows: {exc}"
        return
    for n, row in enumerate(rows, task.first):
        digest = hashlib.sha256(json.dumps(row, sort_keys=True, default=str).encode()).hexdigest()
        error = _row_error(row)
        yield _row_key(task.key, n, row), f"{task.path}:{n}", digest, (row if error is None else None), error
