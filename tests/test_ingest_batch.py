"""Batch ingest as a user runs it: progress, summary, resume after kill -9, and bad input."""

from __future__ import annotations

import csv
import datetime
import io
import json
import os
import signal
import sqlite3
import time
import tracemalloc
from pathlib import Path

import ingest_support as support
import pytest
from ingest_support import ROOT, SEEDS, cli, count, dump, module_of, popen, summary, synthetic, write_articles

from events.batch import Options, plan, run_task
from events.reader import MAX_BYTES, read_article, read_file
from store.db import EventStore


def no_extraction() -> None:
    raise AssertionError("an input was extracted that should have been skipped")


def test_progress_bar_rate_eta_and_summary(built_db: Path, tmp_path: Path) -> None:
    write_articles(tmp_path / "in", synthetic(30))
    db = tmp_path / "events.sqlite"
    result = cli("ingest", str(tmp_path / "in"), "--db", str(db), "--progress")
    assert result.returncode == 0, result.stderr
    bar = result.stderr.replace("\r", "\n")
    assert "30/30" in bar and "article/s" in bar and "<00:00" in bar  # count, rate, ETA
    counts = summary(result.stderr)
    with EventStore(db) as store:
        stored = store.counts()
    assert counts["stored"] == 30 == stored["articles"]
    assert counts["events"] == stored["events"] > 30 and counts["unresolved"] == stored["unresolved"]
    assert (counts["skipped"], counts["duplicates"], counts["errors"]) == (0, 0, 0)
    quiet = cli("ingest", str(tmp_path / "in"), "--db", str(db))  # not a terminal: no bar
    assert "article/s" not in quiet.stderr and summary(quiet.stderr)["skipped"] == 30


def test_a_rerun_skips_stored_inputs_before_decoding_or_extracting(built_db: Path, tmp_path: Path) -> None:
    paths = write_articles(tmp_path / "in", synthetic(12))
    db = tmp_path / "events.sqlite"
    assert cli("ingest", str(tmp_path / "in"), "--db", str(db)).returncode == 0
    todo = plan([tmp_path / "in"])
    with EventStore(db) as store:
        outcomes = [
            o
            for task in todo.tasks(5)
            for o in run_task(task, Options(), no_extraction, store.file_digest, store.article_path)
        ]
        assert [o.status for o in outcomes] == ["skipped"] * 12
    old_id = read_article(paths[3]).id
    paths[3].write_text("date 2020-10-05\nGiao tranh ác liệt ở Terter hôm 4-10.", encoding="utf-8")
    rerun = cli("ingest", str(tmp_path / "in"), "--db", str(db))
    assert summary(rerun.stderr) | {"events": 0, "unresolved": 0} == {
        "stored": 1, "skipped": 11, "duplicates": 0, "events": 0, "unresolved": 0, "errors": 0
    }  # fmt: skip
    with EventStore(db) as store:
        assert store.counts()["articles"] == 12  # the changed file's earlier version was replaced
        assert not store.has(old_id) and store.has(read_article(paths[3]).id)
        assert store.check() == []


def test_kill_9_mid_batch_loses_nothing_committed_and_a_rerun_completes_the_set(
    built_db: Path, tmp_path: Path
) -> None:
    texts = synthetic(240)
    write_articles(tmp_path / "in", texts)
    db, reference = tmp_path / "events.sqlite", tmp_path / "reference.sqlite"
    seen = []
    for at_least in (25, 120):  # killed twice, at two different points of the batch
        proc = popen("ingest", str(tmp_path / "in"), "--db", str(db))
        deadline = time.monotonic() + 120
        while count(db) < at_least and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
        proc.communicate()
        assert proc.returncode == -signal.SIGKILL, "the ingest finished before it was killed"
        with EventStore(db) as store:
            assert store.check() == []  # integrity, and every article has all its places and events
            seen.append(store.counts()["articles"])
        assert at_least <= seen[-1] < len(texts)
    rerun = cli("ingest", str(tmp_path / "in"), "--db", str(db))
    assert rerun.returncode == 0, rerun.stderr
    counts = summary(rerun.stderr)
    assert counts["skipped"] == seen[-1] and counts["stored"] == len(texts) - seen[-1]
    assert counts["duplicates"] == 0
    assert cli("ingest", str(tmp_path / "in"), "--db", str(reference)).returncode == 0
    assert dump(db) == dump(reference)  # as if it had never been interrupted: no duplicate, no gap


# ------------------------------------------------------------------ bad input


def _cp1258(text: str) -> bytes:
    import unicodedata

    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones)))
        out.append("".join(c for c in parts if c in tones))
    return "".join(out).encode("cp1258")


GOOD = "Giao tranh ác liệt tại thị trấn Terter hôm 3-10 khiến 12 binh sĩ Azerbaijan thiệt mạng."
HTML = (
    "<!DOCTYPE html><html lang='vi'><head><title>Tin chiến sự</title>"
    "<script>alert('Armenia tấn công')</script><style>p{color:red}</style></head>"
    "<body><h1>Chiến sự</h1><p>Quân đội Armenia pháo kích nhằm vào thành phố Ganja hôm 4-10.</p>"
    "<p onclick='x()'>Hàng nghìn người biểu tình tại Baku hôm 5-10.</p></body></html>"
)


@pytest.fixture(scope="module")
def bad_batch(built_db: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """A store holding the sample articles, then one ingest of a folder of bad files."""
    tmp = tmp_path_factory.mktemp("bad")
    db = tmp / "events.sqlite"
    first = cli("ingest", str(ROOT / "articles"), "--db", str(db))
    assert first.returncode == 0, first.stderr
    before = dump(db)
    folder = tmp / "in"
    folder.mkdir()
    future = (datetime.date.today() + datetime.timedelta(days=800)).isoformat()
    files = {
        "good.txt": f"date 2020-10-03\n{GOOD}".encode(),
        "copy of good.txt": f"date 2020-10-03\n{GOOD}".encode(),  # the same text under another name
        "good utf16.txt": f"date 2020-10-03\n{GOOD}".encode("utf-16"),  # and in other encodings
        "good cp1258.txt": _cp1258(f"date 2020-10-03\n{GOOD}"),
        "empty.txt": b"",
        "blank.txt": b" \n\t\n",
        "image.txt": bytes.fromhex("89504e470d0a1a0a0000000d49484452") + os.urandom(3000),
        "random.txt": os.urandom(5000),
        "mixed.txt": "Quân đội Armenia pháo kích thị trấn Terter hôm 3-10. ".encode() * 3
        + _cp1258("Người dân ở Barda sơ tán.")
        + " Giao tranh tiếp diễn ở Nagorno-Karabakh.".encode(),
        "page.txt": HTML.encode(),
        "bad header date.txt": "date: 2020-13-45\n\nGiao tranh ở Shusha hôm 8-10.".encode(),
        "future front matter.txt": f"---\npublished: {future}\n---\nĐụng độ ở Hadrut hôm qua.".encode(),
        "bad manifest date.txt": "Pháo kích ở Martakert hôm 6-10.".encode(),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    with (folder / "big.txt").open("wb") as fh:  # 50 MB, sparse: no disk used
        fh.truncate(50_000_000)
    (folder / "manifest.csv").write_text(
        "file,published,source\n"
        "bad manifest date.txt,2020-02-30,VnExpress\n"
        "page.txt,3000-01-01,VnExpress\n"
        "gone.txt,2020-10-01,VnExpress\n",
        encoding="utf-8",
    )
    result = cli("ingest", str(folder), "--db", str(db))
    with EventStore(db) as store:
        articles = {
            Path(row[0]).name: dict(zip(("path", "published", "warnings", "text", "title"), row, strict=True))
            for row in store.con.execute("SELECT path, published, warnings, text, title FROM articles")
        }
        check = store.check()
    return {"result": result, "before": before, "after": dump(db), "articles": articles, "check": check}


def test_bad_input_exit_1_one_clear_line_each_and_no_traceback(bad_batch: dict) -> None:
    result = bad_batch["result"]
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    by_name = {Path(line.split(": ")[1]).name: line.split(": ", 2)[2] for line in errors}
    assert by_name == {
        "empty.txt": "empty article",
        "blank.txt": "empty article",
        "image.txt": "binary file, not text",
        "random.txt": "binary file, not text",
        "big.txt": "file too large (50 MB > 20 MB limit)",
    }
    counts = summary(result.stderr)
    assert counts["errors"] == 5 and counts["duplicates"] == 3
    assert "manifest" in result.stderr and "names 1 file that does not exist: gone.txt" in result.stderr


def test_bad_input_loses_nothing_already_stored(bad_batch: dict) -> None:
    before, after = bad_batch["before"], bad_batch["after"]
    for table in ("articles", "places", "unresolved", "events"):
        assert set(before[table]) <= set(after[table])
    assert bad_batch["check"] == []


def test_duplicates_in_any_encoding_are_stored_once_and_reported(bad_batch: dict) -> None:
    articles, stderr = bad_batch["articles"], bad_batch["result"].stderr
    copies = {"good.txt", "copy of good.txt", "good utf16.txt", "good cp1258.txt"}
    (stored,) = copies & set(articles)  # the first in folder order
    assert stored == "copy of good.txt"
    for name in copies - {stored}:
        assert f"/{name}: same text as {articles[stored]['path']}" in stderr
    assert stderr.count("same text as") == 3


def test_mixed_encodings_and_html_are_read_as_text(bad_batch: dict) -> None:
    articles = bad_batch["articles"]
    assert "Người dân ở Barda sơ tán." in articles["mixed.txt"]["text"]
    assert "mixed encodings" in articles["mixed.txt"]["warnings"]
    page = articles["page.txt"]
    assert page["text"] == (
        "Chiến sự\n\nQuân đội Armenia pháo kích nhằm vào thành phố Ganja hôm 4-10.\n\n"
        "Hàng nghìn người biểu tình tại Baku hôm 5-10."
    )
    assert page["title"] == "Tin chiến sự" and "HTML converted to text" in page["warnings"]


def test_invalid_and_future_dates_warn_and_fall_back(bad_batch: dict) -> None:
    articles, stderr = bad_batch["articles"], bad_batch["result"].stderr
    assert articles["bad header date.txt"]["published"] is None
    assert "bad header date.txt: invalid published date '2020-13-45' in header" in stderr
    assert articles["bad manifest date.txt"]["published"] is None
    assert "invalid published date '2020-02-30' in manifest" in stderr
    assert "in header is in the future" in articles["future front matter.txt"]["warnings"]
    assert articles["future front matter.txt"]["published"] is None
    assert articles["page.txt"]["published"] is None  # the manifest's year 3000 is ignored
    assert "page.txt: published date '3000-01-01' in manifest is in the future" in stderr


def test_a_50_mb_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as fh:
        fh.truncate(50_000_000)
    tracemalloc.start()
    try:
        data, error = read_file(path)
        article = read_article(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert data is None and error == article.error == "file too large (50 MB > 20 MB limit)"
    assert peak < 1_000_000 and MAX_BYTES == 20_000_000


def test_a_folder_of_10000_files(built_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "many"
    for n in range(100):
        sub = folder / f"{n:02d}"
        sub.mkdir(parents=True)
        for m in range(100):
            (sub / f"{m:02d}.txt").write_text(
                f"Tin {n}-{m}: pháo kích ở Terter hôm {m % 28 + 1}-10 khiến {n} người bị thương.",
                encoding="utf-8",
            )
    db = tmp_path / "events.sqlite"
    started = time.monotonic()
    first = cli("ingest", str(folder), "--db", str(db), "--published", "2020-10-30")
    took = time.monotonic() - started
    assert first.returncode == 0, first.stderr[-2000:]
    assert summary(first.stderr)["stored"] == 10_000 and count(db) == 10_000
    assert took < 90, f"{took:.0f} s for 10,000 small files"
    started = time.monotonic()
    again = cli("ingest", str(folder), "--db", str(db), "--published", "2020-10-30")
    assert summary(again.stderr)["skipped"] == 10_000
    assert time.monotonic() - started < took


def test_a_manifest_naming_missing_files(built_db: Path, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Giao tranh ở Terter hôm 3-10.", encoding="utf-8")
    (tmp_path / "list.csv").write_text(
        "file,published\na.txt,2020-10-04\nmissing one.txt,2020-10-04\nsub/b.txt,2020-10-05\n",
        encoding="utf-8",
    )
    db = tmp_path / "events.sqlite"
    result = cli("ingest", "--manifest", str(tmp_path / "list.csv"), "--db", str(db))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    listing = "names 2 files that do not exist: missing one.txt, sub/b.txt"
    assert f"warning: manifest {tmp_path / 'list.csv'} {listing}" in result.stderr
    assert summary(result.stderr) | {"events": 0} == {
        "stored": 1, "skipped": 0, "duplicates": 0, "events": 0, "unresolved": 0, "errors": 2
    }  # fmt: skip
    with EventStore(db) as store:
        assert store.con.execute("SELECT published FROM articles").fetchall() == [("2020-10-04",)]


def test_corpus_rows_with_problems(built_db: Path, tmp_path: Path) -> None:
    corpus = support.write_jsonl(tmp_path / "c.jsonl", list(synthetic(3)))
    with corpus.open("a", encoding="utf-8") as fh:
        fh.write("\n{not json\n")
        fh.write('{"title": "no text"}\n')
        fh.write('["a list"]\n')
        fh.write(json.dumps({"text": "", "id": "empty"}) + "\n")
    db = tmp_path / "events.sqlite"
    result = cli("ingest", str(corpus), "--db", str(db))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert [e.split(": ", 2)[1:] for e in errors] == [
        [
            f"{corpus}:5",
            "invalid JSON: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
        ],
        [f"{corpus}:6", "no 'text' field"],
        [f"{corpus}:7", "not a JSON object but list"],
        [f"{corpus}:8", "empty article"],
    ]
    assert summary(result.stderr)["stored"] == 3
    todo = plan([corpus])
    big = [o for t in todo.tasks(100) for o in run_task(t, Options(max_bytes=100), no_extraction)]
    assert [o.error for o in big][:3] == ["line too large (over 100 bytes)"] * 3


def test_a_store_that_is_not_sqlite_is_left_alone(built_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "not-a-store.sqlite"
    db.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(4000))
    result = cli("ingest", str(SEEDS[0]), "--db", str(db))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip() == f"error: cannot open the store {db}: file is not a database"
    assert db.read_bytes() == b"\x89PNG\r\n\x1a\n" + bytes(4000)


@pytest.mark.parametrize(
    "args",
    [
        ["ingest"],
        ["ingest", "x.txt", "--workers", "2"],
        ["ingest", "x.txt", "--engine", "spark"],
        ["ingest", "x.txt", "--engine", "dask", "--workers", "0"],
        ["export", "--type", "Earthquakes"],
        ["export", "--from", "2020-13"],
        ["export", "--format", "parquet"],
    ],
)
def test_usage_errors_exit_2(args: list[str], tmp_path: Path) -> None:
    result = cli(*args, "--db", str(tmp_path / "x.sqlite"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith(f"python -m {module_of(args[0])}")
    assert not (tmp_path / "x.sqlite").exists()


def test_the_store_records_counts_that_check_can_verify(built_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "events.sqlite"
    assert cli("ingest", str(ROOT / "articles"), "--db", str(db)).returncode == 0
    with EventStore(db) as store:
        assert store.check() == []
        article_id = store.con.execute("SELECT id FROM articles LIMIT 1").fetchone()[0]
        store.con.execute("DELETE FROM events WHERE rowid IN (SELECT rowid FROM events WHERE article_id = ? "
                          "LIMIT 1)", (article_id,))  # fmt: skip
        problems = store.check()
    # the article's count, then what linking finds (an event gone by hand, not through the store)
    assert problems[0].startswith(f"article {article_id}: ")
    assert all(p.startswith(("event ", "incident_actors ")) for p in problems[1:])
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


class _Failing:
    """Fault injection: an extractor with a bug (no real input makes the real one raise)."""

    def extract(self, article: object) -> dict:
        raise RuntimeError("boom")


def test_an_extraction_bug_is_an_error_for_that_article_only(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Giao tranh ở Terter.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "empty folder").mkdir()
    todo = plan([tmp_path / "empty folder", tmp_path])
    assert todo.warnings == [f"{tmp_path / 'empty folder'}: no .txt files in this folder"]
    outcomes = [o for t in todo.tasks(10) for o in run_task(t, Options(), _Failing)]
    assert [(o.status, o.error) for o in outcomes] == [
        ("error", "extraction failed: RuntimeError: boom"),
        ("error", "empty article"),
    ]
    assert outcomes[0].result is not None and outcomes[0].result["article"]["error"] == outcomes[0].error


def test_a_missing_gazetteer_is_one_clear_line(tmp_path: Path) -> None:
    env = dict(os.environ, DIADANH_GAZETTEER=str(tmp_path / "none.sqlite"))
    result = cli("ingest", str(ROOT / "articles"), "--db", str(tmp_path / "events.sqlite"), env=env)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"error: gazetteer not built: {tmp_path / 'none.sqlite'} is missing. "
        "Run `make gazetteer` or `python -m gazetteer build`."
    )


def test_ingest_prints_the_extractors_warnings(built_db: Path, tmp_path: Path) -> None:
    """Caps and a missing date are said per article by ``store ingest``, as ``extract`` records them."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "list.txt").write_text("Azerbaijan pháo kích " + ", ".join(["Terter"] * 10_500) + ".", "utf-8")
    (folder / "undated.txt").write_text("Hôm qua, Azerbaijan pháo kích thị trấn Terter.", "utf-8")
    result = cli("ingest", str(folder), "--db", str(tmp_path / "events.sqlite"), "--published", "2020-10-01")
    assert result.returncode == 0, result.stderr
    assert "list.txt: 10,501 place mentions: only the first 10,000 are kept" in result.stderr
    undated = cli("ingest", str(folder / "undated.txt"), "--db", str(tmp_path / "undated.sqlite"))
    assert "undated.txt: no publication date: events are undated" in undated.stderr, undated.stderr


def test_provenance_from_manifest_jsonl_and_parquet_columns(built_db: Path, tmp_path: Path) -> None:
    """Title, outlet and URL reach the store from every input that carries them (a corpus or a
    manifest may call the outlet 'outlet'); exports name the file, never its folders."""
    import pandas as pd

    texts = ["date 2020-10-04\nPháo binh Azerbaijan pháo kích thị trấn Terter hôm 3/10."] * 3
    texts = [f"{t} Bài số {n}." for n, t in enumerate(texts)]
    meta = {"title": "Terter bị pháo kích", "url": "https://bao.example/terter"}
    jsonl = tmp_path / "c.jsonl"
    jsonl.write_text(
        json.dumps({"id": "j", "text": texts[0], "outlet": "Báo A", **meta}) + "\n", encoding="utf-8"
    )
    parquet = tmp_path / "c.parquet"
    pd.DataFrame([{"id": "p", "text": texts[1], "outlet": "Báo B", **meta}]).to_parquet(parquet)
    folder = tmp_path / "files"
    folder.mkdir()
    (folder / "c.txt").write_text(texts[2], encoding="utf-8")
    (folder / "manifest.csv").write_text(
        f"file,outlet,title,url\nc.txt,Báo C,{meta['title']},{meta['url']}\n", encoding="utf-8"
    )
    db = tmp_path / "events.sqlite"
    for args in (
        [str(jsonl)],
        [str(parquet)],
        [str(folder / "c.txt"), "--manifest", str(folder / "manifest.csv")],
    ):
        result = cli("ingest", *args, "--db", str(db))
        assert result.returncode == 0, result.stderr
    con = sqlite3.connect(db)
    stored = sorted(con.execute("SELECT source, title, url FROM articles"))
    con.close()
    assert stored == [(outlet, meta["title"], meta["url"]) for outlet in ("Báo A", "Báo B", "Báo C")]
    result = cli("export", "--db", str(db), "--format", "csv")
    assert str(tmp_path) not in result.stdout  # no absolute path anywhere in the export
    (row,) = csv.DictReader(io.StringIO(result.stdout))  # one incident, three reports
    reports = json.loads(row["reports"])
    assert {r["file"] for r in reports} == {"c.jsonl:1", "c.parquet:1", "c.txt"}
    assert row["article_file_name"] in {"c.jsonl:1", "c.parquet:1", "c.txt"}
    assert {r["url"] for r in reports} == {row["article_url"]} == {meta["url"]}
    assert sorted(row["source"].split("; ")) == ["Báo A", "Báo B", "Báo C"]
