"""Fixtures for the app: built by the app factory over a store, with its own state directory."""

from __future__ import annotations

import pytest

SIZE = (220, 55)


@pytest.fixture
def state_dir(tmp_path):
    return tmp_path / "state"


@pytest.fixture
def make_app(state_dir):
    """make_app(store, **kw): the real app (meetview.tui.make_app) with an isolated state dir."""
    from meetview.tui import make_app as factory

    def build(store, **kw):
        kw.setdefault("state_dir", state_dir)
        return factory(store, **kw)

    return build


@pytest.fixture
def app(db, make_app):
    """The app over the five hand-made meetings of factories.build_sample."""
    return make_app(db)


@pytest.fixture
def sqlite_db(tmp_path):
    """The sample on SQLite only (snapshots must not depend on the backend)."""
    from factories import build_sample

    from meetview.store import open_store

    store = open_store(str(tmp_path / "snap.db"))
    yield build_sample(store)
    store.close()
