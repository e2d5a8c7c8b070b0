"""Shared fixtures: isolated user dirs and databases, factories for articles and meeting records."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()


@pytest.fixture(autouse=True)
def isolated_env(tmp_path_factory, monkeypatch):
    """No test reads or writes the user's real data: user dirs point into a temp folder."""
    home = tmp_path_factory.mktemp("home")
    for var in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    monkeypatch.delenv("MEETVIEW_DB", raising=False)
    monkeypatch.delenv("MEETVIEW_TOPICS", raising=False)
    return home


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture
def store(db_path):
    from meetview.store import open_store

    s = open_store(str(db_path))
    yield s
    s.close()


@pytest.fixture
def shared() -> Path:
    """../shared beside the project (gold sets, seeds, notes); tests needing it skip without it."""
    if not (SHARED / "gold").is_dir():
        pytest.skip(f"{SHARED} is absent (the gold sets live beside the project, not in it)")
    return SHARED


@pytest.fixture
def db(store):
    """A store holding the five hand-made meetings of factories.build_sample."""
    from factories import build_sample

    return build_sample(store)
