"""Shared fixtures: isolated user dirs and databases, factories for articles and meeting records."""

from __future__ import annotations

import contextlib
import os
import uuid
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


PG_URL_ENV = "MEETVIEW_TEST_PG_URL"


def pg_base_url() -> str:
    """The test server's URL, or a skip (a failure where CI requires PostgreSQL)."""
    url = os.environ.get(PG_URL_ENV)
    if not url:
        message = f"no PostgreSQL server for this run: set {PG_URL_ENV} (.ci/run starts one)"
        if os.environ.get("MEETVIEW_REQUIRE_PG") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return url


@contextlib.contextmanager
def pg_schema_url():
    """A URL whose connections use a fresh, private schema on the test server; dropped afterwards."""
    from sqlalchemy import create_engine, text

    base = pg_base_url()
    schema = "t_" + uuid.uuid4().hex[:12]
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request, db_path):
    """The database every store/query test runs on: a SQLite file, and a PostgreSQL schema."""
    if request.param == "sqlite":
        yield str(db_path)
        return
    with pg_schema_url() as url:
        yield url


@pytest.fixture
def pg_url():
    with pg_schema_url() as url:
        yield url


@pytest.fixture
def store(store_url):
    from meetview.store import open_store

    s = open_store(store_url)
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


GENERATED_MEETINGS = 3000


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def generated(request, tmp_path_factory):
    """A store of a few thousand generated meetings (benchmarks/synth.py, bulk rows identical to
    the writer's) plus a few hand-made odd ones through the writer; one per module and backend."""
    import sys

    from factories import build_odd_meetings

    from meetview.store import open_store

    sys.path.insert(0, str(ROOT / "benchmarks"))
    import synth

    def build(url: str):
        store = open_store(url)
        synth.build_bulk(store, synth.generate(GENERATED_MEETINGS, seed=5))
        if store.backend == "postgresql":  # the bulk rows came with their ids: move the sequences on
            from sqlalchemy import text

            with store.session() as s:
                for table in (
                    "article",
                    "meeting",
                    "person",
                    "person_alias",
                    "participant",
                    "organization",
                ):
                    s.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                            f"(SELECT max(id) FROM {table}))"
                        )
                    )
        build_odd_meetings(store)
        return store

    if request.param == "sqlite":
        store = build(str(tmp_path_factory.mktemp("generated") / "generated.db"))
        yield store
        store.close()
        return
    with pg_schema_url() as url:
        store = build(url)
        yield store
        store.close()
