"""``ingest --engine dask``: on a LocalCluster and on an existing scheduler, the store ends up
exactly as a single-process ingest leaves it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from ingest_support import ROOT, cli, dump, summary, synthetic, write_articles, write_jsonl


@pytest.fixture(scope="module")
def inputs(built_db: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Files (with bad ones and a duplicate), a JSONL and a Parquet corpus; and the local result."""
    tmp = tmp_path_factory.mktemp("dask")
    texts = synthetic(30, seed=5)
    folder = tmp / "files"
    write_articles(folder, texts[:12])
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "zz copy.txt").write_bytes((folder / "a00003.txt").read_bytes())
    jsonl = write_jsonl(tmp / "corpus.jsonl", list(texts[12:22]))
    parquet = tmp / "corpus.parquet"
    rows = {"text": texts[22:30], "published": "2020-10-04", "title": [f"t{n}" for n in range(8)]}
    pd.DataFrame(rows).to_parquet(parquet, row_group_size=3)
    args = [str(folder), str(jsonl), str(parquet)]
    local = tmp / "local.sqlite"
    result = cli("ingest", *args, "--db", str(local))
    assert result.returncode == 1, result.stderr  # the two bad files
    return {"tmp": tmp, "args": args, "local": local, "counts": summary(result.stderr)}


@pytest.mark.slow
def test_a_local_cluster_gives_the_single_process_store(inputs: dict) -> None:
    db = inputs["tmp"] / "dask.sqlite"
    result = cli("ingest", *inputs["args"], "--db", str(db), "--engine", "dask", "--workers", "2")
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert summary(result.stderr) == inputs["counts"]
    counts = inputs["counts"]
    assert (counts["stored"], counts["duplicates"], counts["errors"]) == (30, 1, 2)
    assert "image.txt: binary file, not text" in result.stderr
    assert dump(db) == dump(inputs["local"])


@pytest.mark.slow
def test_an_existing_scheduler(inputs: dict) -> None:
    from distributed import LocalCluster

    db = inputs["tmp"] / "scheduler.sqlite"
    # worker threads in this process: the client is a separate process, as on a real cluster
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, protocol="tcp://", host="127.0.0.1",
                      dashboard_address=None) as cluster:  # fmt: skip
        address = cluster.scheduler_address
        args = [*inputs["args"], "--db", str(db), "--engine", "dask", "--scheduler", address]
        result = cli("ingest", *args)
        again = cli("ingest", *args)  # the stored digests go to the workers: nothing is extracted again
    assert summary(result.stderr) == inputs["counts"], result.stderr
    assert dump(db) == dump(inputs["local"])
    assert summary(again.stderr) | {"events": 0, "unresolved": 0} == {
        "stored": 0, "skipped": 31, "duplicates": 0, "events": 0, "unresolved": 0, "errors": 2
    }  # fmt: skip


def test_an_unreachable_scheduler_is_a_clear_error(inputs: dict) -> None:
    db = inputs["tmp"] / "nowhere.sqlite"
    env = dict(os.environ, DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT="1s")
    result = cli("ingest", *inputs["args"], "--db", str(db), "--engine", "dask", "--scheduler",
                 "tcp://127.0.0.1:9", env=env)  # fmt: skip
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "error: cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.stderr


def test_the_plain_path_does_not_import_dask(inputs: dict) -> None:
    code = (
        "import sys; from store.__main__ import main; "
        f"main(['ingest', {inputs['args'][1]!r}, '--db', {str(inputs['tmp'] / 'plain.sqlite')!r}]); "
        "print(sorted(m for m in ('dask', 'distributed', 'hypothesis') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "[]", out.stderr
