"""Shared fixtures: the built gazetteer (``make test`` builds it first) and a private user layer."""

from __future__ import annotations

from pathlib import Path

import pytest

from gazetteer import DEFAULT_DB, Gazetteer

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture(scope="session")
def built_db() -> Path:
    """The gazetteer built by setup; built here when a test run starts without it."""
    from gazetteer.build import build, is_stale

    if is_stale(DEFAULT_DB):
        build(DEFAULT_DB)
    return DEFAULT_DB


@pytest.fixture(scope="session")
def gaz(built_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    """A read-only view of the built gazetteer with an empty user layer."""
    return Gazetteer(built_db, tmp_path_factory.mktemp("user") / "user_places.sqlite")


@pytest.fixture
def fresh_gaz(built_db: Path, tmp_path: Path) -> Gazetteer:
    """The built gazetteer with a user layer of this test's own."""
    return Gazetteer(built_db, tmp_path / "user_places.sqlite")
