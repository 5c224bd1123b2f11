"""Compile the pipeline's modules with Cython (``events.speedup`` says which and how they load).

    python -m events.compile           # build what is missing or stale (make compile)
    python -m events.compile --status  # which modules run compiled

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
_DIRECTIVES = "language_level=3,binding=True,annotation_typing=False,infer_types=False"


def _compile(name: str, source: Path, target: Path, work: Path) -> str | None:
    """Compile one module to ``target``; the reason when it could not be."""
    import subprocess
    import sysconfig

    c_file = work / f"{name}.c"
    steps = [
        [
            sys.executable,
            "-m",
            "cython",
            "-X",
            _DIRECTIVES,
            "--module-name",
            name,
            "-o",
            str(c_file),
            str(source),
        ],
        [
            *(sysconfig.get_config_var("CC") or "cc").split(),
            *sysconfig.get_config_var("CCSHARED").split(),
            "-shared",
            "-O2",
            "-fwrapv",
            "-DNDEBUG",
            "-w",
            f"-I{sysconfig.get_paths()['include']}",
            str(c_file),
            "-o",
            str(work / target.name),
        ],
    ]
    for step in steps:
        try:
            done = subprocess.run(step, capture_output=True, text=True, check=False)
        except OSError as exc:
            return f"{step[0]}: {exc.strerror}"
        if done.returncode:
            lines = (done.stderr or done.stdout).strip().splitlines()
            return f"{Path(step[0]).name} failed: {lines[-1] if lines else done.returncode}"
    return None


def build(jobs: int = 2) -> int:
    """Compile the modules whose current source has no compiled copy; remove stale copies.
    Never fails: on any error it prints one warning line and the modules run as pure Python."""
    import shutil
    import subprocess
    import tempfile
    from concurrent.futures import ThreadPoolExecutor

    todo = []
    for name in MODULES:
        source = source_of(name)
        target = compiled_path(name, source.read_bytes())
        if not target.is_file():
            todo.append((name, source, target))
    if not todo:
        print(f"compiled modules up to date ({len(MODULES)} in {BUILD.relative_to(ROOT)})")
        return 0
    BUILD.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="compile-", dir=BUILD) as tmp:
        work = Path(tmp)
        with ThreadPoolExecutor(max(1, jobs)) as pool:
            reasons = list(pool.map(lambda t: _compile(t[0], t[1], t[2], work), todo))
        failed = [(t[0], r) for t, r in zip(todo, reasons, strict=True) if r]
        if failed:
            name, reason = failed[0]
            print(
                f"warning: compiled modules not built ({name}: {reason}): extraction runs as pure Python",
                file=sys.stderr,
            )
            return 0
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
            print(
                f"warning: compiled modules do not import ({lines[-1] if lines else check.returncode}):"
                " extraction runs as pure Python",
                file=sys.stderr,
            )
            return 0
        for _, _, target in todo:
            shutil.move(work / target.name, target)
    current = {compiled_path(n, source_of(n).read_bytes()).name for n in MODULES}
    for old in BUILD.glob(f"*{SUFFIX}"):
        if old.name not in current:
            old.unlink()
    print(f"compiled {len(todo)} module(s) into {BUILD.relative_to(ROOT)}: {', '.join(t[0] for t in todo)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        return build()
    if args == ["--status"]:
        for name in MODULES:
            built = compiled_path(name, source_of(name).read_bytes()).is_file()
            print(f"{name:<20} {'compiled' if built else 'pure Python (no build of this source)'}")
        return 0
    print("usage: python -m events.compile [--status]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
