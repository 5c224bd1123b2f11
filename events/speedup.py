"""Compiled copies of the extraction pipeline's modules (Cython), used when they match the source.

The ``.py`` files stay the source of truth. ``python -m events.compile`` (``make compile``, part
of ``make setup``) compiles the unchanged files of
:data:`MODULES` with Cython in pure-Python mode into ``build/compiled/``, each named after the
hash of the source it was built from; :func:`install` (run by ``import events``) loads a compiled
module only when its source is byte for byte the one it was built from, so an edited ``.py`` is
read as Python until the next build, and without a build (a fresh checkout, no compiler, a failed
compile) everything runs as pure Python. ``DIADANH_PURE=1`` in the environment ignores the
compiled modules.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = Path(os.environ.get("DIADANH_COMPILED_DIR") or ROOT / "build" / "compiled")
# The modules of the pipeline's own time (pure Python, bench/extract.py's corpus, cProfile: mentions
# 22 %, records 12 %, clauses 9 %, resolve 8 %, pipeline 6 %, dates 4 %, sentences, phrases 2 %,
# borders 1 %; reader: the CLI's reading). Compiled, an article costs 11 % fewer instructions
# (callgrind) and 10-20 % less CPU time. Data tables (lexicon) gain nothing. A module that reads a
# file next to itself through ``__file__`` still finds it: a compiled copy's ``__file__`` is its
# source (:class:`_Loader`). The gazetteer's lookup, ranking and keys (gazetteer.store, textnorm,
# cues) run inside every article's resolution (lookups and ranking: about 11 % of extraction's
# time while they ran as Python); compiled, an article costs 0.9 % fewer instructions.
MODULES = (
    "events.clauses",
    "events.dates",
    "events.mentions",
    "events.phrases",
    "events.pipeline",
    "events.records",
    "events.resolve",
    "events.sentences",
    "events.borders",
    "events.reader",
    "gazetteer.store",
    "gazetteer.textnorm",
    "gazetteer.cues",
)
SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]


def source_of(name: str) -> Path:
    """The ``.py`` file of a module of the repository."""
    return ROOT.joinpath(*name.split(".")).with_suffix(".py")


def compiled_path(name: str, source: bytes) -> Path:
    """Where the compiled copy of ``name`` built from ``source`` lives."""
    return BUILD / f"{name}.{hashlib.sha256(source).hexdigest()[:16]}{SUFFIX}"


class _Loader(importlib.machinery.ExtensionFileLoader):
    """Loads a compiled copy as the module of its source: ``__file__`` is the ``.py`` file before
    the module's code runs (``Path(__file__).parent`` finds what lies beside the source), the
    copy's own path stays in ``__spec__.origin``."""

    def __init__(self, name: str, path: str, source: Path):
        super().__init__(name, path)
        self.source = source

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> object:
        module = super().create_module(spec)
        module.__file__ = str(self.source)  # (multi-phase init: the module's code has not run yet)
        return module


class _Finder(importlib.abc.MetaPathFinder):
    """Finds the compiled copy of a module of :data:`MODULES` built from its current source."""

    def find_spec(
        self, fullname: str, path: object = None, target: object = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in MODULES:
            return None
        source = source_of(fullname)
        try:
            compiled = compiled_path(fullname, source.read_bytes())
        except OSError:
            return None
        if not compiled.is_file():
            return None
        return importlib.util.spec_from_file_location(
            fullname, compiled, loader=_Loader(fullname, str(compiled), source)
        )


def install() -> None:
    """Load the compiled modules that match their source from now on (idempotent)."""
    if os.environ.get("DIADANH_PURE") or any(isinstance(f, _Finder) for f in sys.meta_path):
        return
    sys.meta_path.insert(0, _Finder())


def loaded() -> list[str]:
    """The modules of :data:`MODULES` imported so far from a compiled copy."""
    return [n for n in MODULES if n in sys.modules and isinstance(sys.modules[n].__loader__, _Loader)]
