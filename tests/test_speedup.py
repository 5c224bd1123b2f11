"""The compiled copies of the pipeline's modules (events/speedup.py, events/compile.py): used only
when built from the current source, the same output as pure Python, never a failed setup."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from events import speedup

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "fixtures" / "seeds" / "000_5083240e409e3a90.txt"
# extracts the seed article; prints which modules ran compiled, then the output
EXTRACT = (
    "import json, sys; from events import speedup; from events.pipeline import Extractor; "
    "from events.reader import read_article; "
    "out = Extractor().extract(read_article(sys.argv[1], published='2020-10-05')); "
    "print(json.dumps(speedup.loaded())); print(json.dumps(out, ensure_ascii=False, sort_keys=True))"
)


def run(args: list[str], build: Path, **env: str) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k != "DIADANH_PURE"}
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env={**environ, "DIADANH_COMPILED_DIR": str(build), **env},
    )


def extract(build: Path, **env: str) -> tuple[list[str], str]:
    done = run(["-c", EXTRACT, str(SEED)], build, **env)
    assert done.returncode == 0, done.stderr
    loaded, output = done.stdout.split("\n", 1)
    return json.loads(loaded), output


def test_compiled_module_gives_the_same_output_and_only_for_its_source(tmp_path: Path) -> None:
    build = tmp_path / "compiled"
    done = run(["-m", "events.compile", "events.phrases"], build)
    assert done.returncode == 0 and "compiled 1 module(s)" in done.stdout, done.stderr
    copies = list(build.glob(f"events.phrases.*{speedup.SUFFIX}"))
    assert len(copies) == 1 and not list(build.glob("compile-*"))
    compiled, out = extract(build)
    assert compiled == ["events.phrases"]
    pure, pure_out = extract(build, DIADANH_PURE="1")
    assert pure == [] and out == pure_out
    # a copy built from another source (an edit since the build) is never loaded
    copies[0].rename(build / f"events.phrases.0{speedup.SUFFIX}")
    assert extract(build)[0] == []
    done = run(["-m", "events.compile", "events.phrases"], build)  # the rebuild removes the stale copy
    assert [p.name for p in build.glob(f"events.phrases.*{speedup.SUFFIX}")] == [copies[0].name]


def test_without_a_build_everything_is_pure_python(tmp_path: Path) -> None:
    loaded, out = extract(tmp_path / "nothing")
    assert loaded == [] and '"events": [' in out


def test_a_failed_compile_warns_in_one_line_and_fails_nothing(tmp_path: Path) -> None:
    build = tmp_path / "compiled"
    done = run(["-m", "events.compile", "events.phrases"], build, CC="false")
    assert done.returncode == 0
    assert done.stderr.startswith("warning: not compiled, run as pure Python: events.phrases")
    assert len(done.stderr.strip().splitlines()) == 1
    assert not list(build.glob(f"*{speedup.SUFFIX}"))
    assert extract(build)[0] == []


def test_a_compiled_module_reads_beside_its_source(tmp_path: Path) -> None:
    # a compiled copy's __file__ is its .py file, set before its code runs: a module that finds
    # files through Path(__file__) (gazetteer.store: the default gazetteer's path) can be compiled
    build = tmp_path / "compiled"
    done = run(["-m", "events.compile", "gazetteer.cues"], build)
    assert done.returncode == 0 and "compiled 1 module(s)" in done.stdout, done.stderr
    show = (
        "import json, events, gazetteer.cues as m; from events import speedup; "
        "print(json.dumps([speedup.loaded(), m.__file__, m.__spec__.origin]))"
    )
    done = run(["-c", show], build)
    assert done.returncode == 0, done.stderr
    loaded, file, origin = json.loads(done.stdout)
    assert loaded == ["gazetteer.cues"]
    assert file == str(ROOT / "gazetteer" / "cues.py")
    assert origin.startswith(str(build)) and origin.endswith(speedup.SUFFIX)


def test_each_compiled_module_imported_alone_exits_cleanly() -> None:
    # a reference-count slip in a compiled copy shows only when the interpreter exits
    # ("Fatal Python error: none_dealloc", exit 134) and only when nothing else keeps None's count
    # up: events.clauses did, through a set comprehension in a module-level loop (Cython 3.3.1)
    build = speedup.BUILD
    for name in speedup.MODULES:
        done = run(
            ["-c", f"import events, {name}; from events import speedup; print(speedup.loaded())"], build
        )
        assert done.returncode == 0, (name, done.returncode, done.stderr[-300:])
