"""Compile the pipeline's modules with Cython (``events.speedup`` says which and how they load).

    python -m events.compile           # build what is missing or stale (make compile)
    python -m events.compile --status  # which modules run compiled
    python -m events.compile events.phrases …  # only these

Never fails the setup: without Cython or a C compiler, or when a module does not compile or
import, it prints one warning line and extraction runs as pure Python.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from events.speedup import BUILD, MODULES, ROOT, SUFFIX, compiled_path, source_of

# Cython reads the modules as plain Python: annotations are documentation, not C types (a
# ``set`` parameter given a ``frozenset`` must not raise); functions keep Python's introspection.
_DIRECTIVES = "language_level=3,binding=True,annotation_typing=False"
# Cython's type inference is quick on most modules and runs for many minutes on a few (a long
# function of many branches; 1-2 s elsewhere): past this it is turned off for that module.
_INFERENCE_SECONDS = 20


def _run(step: list[str], timeout: float | None = None) -> str | None:
    """Run one build step; the reason when it failed."""
    import subprocess

    try:
        done = subprocess.run(step, capture_output=True, text=True, check=False, timeout=timeout)
    except OSError as exc:
        return f"{step[0]}: {exc.strerror}"
    except subprocess.TimeoutExpired:
        return "timeout"
    if done.returncode:
        lines = (done.stderr or done.stdout).strip().splitlines()
        return f"{Path(step[0]).name} failed: {lines[-1] if lines else done.returncode}"
    return None


def _compile(name: str, source: Path, target: Path, work: Path) -> str | None:
    """Compile one module to ``work / target.name``; the reason when it could not be."""
    import sysconfig

    c_file = work / f"{name}.c"
    cython = [sys.executable, "-m", "cython", "--module-name", name, "-o", str(c_file), str(source)]
    failed = _run([*cython, "-X", _DIRECTIVES], _INFERENCE_SECONDS)
    if failed == "timeout":
        failed = _run([*cython, "-X", _DIRECTIVES + ",infer_types=False"])
    if failed:
        return failed
    compiler = os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc"
    return _run(
        [
            *compiler.split(),
            *(sysconfig.get_config_var("CCSHARED") or "-fPIC").split(),
            "-shared",
            "-O2",
            "-fwrapv",
            "-DNDEBUG",
            "-w",
            f"-I{sysconfig.get_paths()['include']}",
            str(c_file),
            "-o",
            str(work / target.name),
        ]
    )


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def build(modules: tuple[str, ...] = MODULES, jobs: int = 2) -> int:
    """Compile the modules whose current source has no compiled copy; remove stale copies.
    Never fails: a module that does not compile stays pure Python, with one warning line."""
    import shutil
    import subprocess
    import tempfile
    from concurrent.futures import ThreadPoolExecutor

    todo = []
    for name in modules:
        source = source_of(name)
        target = compiled_path(name, source.read_bytes())
        if not target.is_file():
            todo.append((name, source, target))
    if not todo:
        print(f"compiled modules up to date ({len(modules)} in {_shown(BUILD)})")
        return 0
    BUILD.mkdir(parents=True, exist_ok=True)
    failed: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="compile-", dir=BUILD) as tmp:
        work = Path(tmp)
        with ThreadPoolExecutor(max(1, jobs)) as pool:
            reasons = list(pool.map(lambda t: _compile(t[0], t[1], t[2], work), todo))
        failed = [(t[0], r) for t, r in zip(todo, reasons, strict=True) if r]
        todo = [t for t, r in zip(todo, reasons, strict=True) if not r]
        # the new copies must import (with each other and the current ones) before they are used
        check = subprocess.run(
            [sys.executable, "-c", "import events.pipeline, events.batch"],
            capture_output=True,
            text=True,
            check=False,
            cwd=ROOT,
            env={**os.environ, "DIADANH_COMPILED_DIR": str(work)},
        )
        if check.returncode:
            lines = check.stderr.strip().splitlines()
            failed += [(t[0], f"does not import: {lines[-1] if lines else check.returncode}") for t in todo]
            todo = []
        for _, _, target in todo:
            shutil.move(work / target.name, target)
    current = {compiled_path(n, source_of(n).read_bytes()).name for n in MODULES}
    for old in BUILD.glob(f"*{SUFFIX}"):
        if old.name not in current:
            old.unlink()
    if todo:
        print(f"compiled {len(todo)} module(s) into {_shown(BUILD)}: {', '.join(t[0] for t in todo)}")
    if failed:
        names = ", ".join(n for n, _ in failed)
        print(f"warning: not compiled, run as pure Python: {names} ({failed[0][1]})", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args and args != ["--status"] and all(a in MODULES for a in args):
        return build(tuple(args))
    if not args:
        return build()
    if args == ["--status"]:
        for name in MODULES:
            built = compiled_path(name, source_of(name).read_bytes()).is_file()
            print(f"{name:<20} {'compiled' if built else 'pure Python (no build of this source)'}")
        return 0
    print("usage: python -m events.compile [--status | MODULE…]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
