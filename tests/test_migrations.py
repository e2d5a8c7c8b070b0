"""Migrations: the models and migrations agree, and upgrade/downgrade keep a populated database working."""

from __future__ import annotations

import sqlite3

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from factories import make_article, meeting, person, save
from sqlalchemy import inspect, text
from sqlmodel import SQLModel

from meetview import query
from meetview.store import db, open_store


def _include_name(name, type_, parent_names) -> bool:
    return not (name or "").startswith(("article_fts", "ix_article_fts"))


def test_models_and_migrations_agree(store):
    with store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_name": _include_name, "compare_type": True})
        diff = compare_metadata(ctx, SQLModel.metadata)
    assert diff == []


def test_fresh_database_is_at_head_with_alembic_version(db_path):
    store = open_store(str(db_path))
    assert db.current_revision(store.engine) == db.head_revision()
    tables = {
        r[0] for r in sqlite3.connect(db_path).execute("select name from sqlite_master where type='table'")
    }
    assert {"alembic_version", "article", "meeting", "article_fts"} <= tables


def _populate(store):
    save(
        store,
        make_article("a.txt", "Ministers discussed JATEC and air defense."),
        meeting("2024-11-14", [person("Jon Fredriksen", country="NO")], ["NO", "UA"], ["air-defense"]),
    )


def _state(store):
    with store.session() as s:
        rows = query.search(s, query.parse("")).rows
        found = query.search(s, query.parse("JATEC")).total
    return [(r.date, r.participants, r.countries, r.topics) for r in rows], found


def test_downgrade_and_upgrade_keep_data_and_search(store):
    _populate(store)
    before = _state(store)
    assert before[1] == 1
    db.downgrade(store.engine, "0001")  # drops the full-text index, keeps the tables
    with store.engine.connect() as conn:
        assert conn.execute(text("select count(*) from article")).scalar_one() == 1
    db.upgrade(store.engine)  # rebuilds the index from the stored articles
    assert _state(store) == before


def test_downgrade_before_0006_rebuilds_the_span_rows_from_the_records(store):
    from meetview.records import Span

    m = meeting("2024-11-14", [person("Jon Fredriksen", country="NO")], ["NO"])
    m.spans = [Span("participant", "Jon Fredriksen", 0, 14), Span("country", "NO", 30, 36)]
    save(store, make_article("a.txt", "Jon Fredriksen met officials in Norway."), m)
    db.downgrade(store.engine, "0005")
    with store.engine.connect() as conn:
        rows = conn.execute(
            text('select meeting_id is not null, field, value, start, "end" from span order by start')
        ).all()
    assert [tuple(r) for r in rows] == [
        (1, "participant", "Jon Fredriksen", 0, 14),
        (1, "country", "NO", 30, 36),
    ]
    db.upgrade(store.engine)
    with store.engine.connect() as conn:
        assert not inspect(conn).has_table("span")
        assert conn.execute(text("select count(*) from meeting_source")).scalar_one() == 1


def test_downgrade_to_base_then_upgrade_gives_a_working_empty_database(store):
    _populate(store)
    db.downgrade(store.engine, "base")
    assert db.current_revision(store.engine) is None
    db.upgrade(store.engine)
    assert store.is_empty()
    _populate(store)
    assert _state(store)[1] == 1


def test_ensure_schema_is_a_no_op_at_head(store):
    assert db.ensure_schema(store.engine) is False


def test_the_schema_head_constant_is_alembics_head():
    # a new migration must move db.SCHEMA_HEAD too, or every open would load Alembic to compare
    assert db.head_revision() == db.SCHEMA_HEAD


def test_ensure_schema_reads_the_revision_without_alembic_and_still_upgrades_an_older_database(store):
    assert db.stored_revision(store.engine) == db.SCHEMA_HEAD
    _populate(store)
    db.downgrade(store.engine, "0006")
    assert db.stored_revision(store.engine) == "0006"
    assert db.ensure_schema(store.engine) is True
    assert db.stored_revision(store.engine) == db.current_revision(store.engine) == db.SCHEMA_HEAD
    assert _state(store)[1] == 1
    db.downgrade(store.engine, "base")
    assert db.stored_revision(store.engine) is None


def test_opening_an_up_to_date_database_loads_neither_alembic_nor_the_extractor(db_path):
    """A read-only command (list, facets, the app) starts without either: ~0.45 s less at every start."""
    import subprocess
    import sys

    open_store(str(db_path)).close()
    probe = (
        "import sys; from meetview.store import open_store; from meetview import query; "
        f"s = open_store({str(db_path)!r}); q = query.parse('country:NO'); "
        "ss = s.session().__enter__(); query.search(ss, q); query.facets(ss, q); "
        "print(sorted(m for m in ('alembic', 'meetview.extract.pipeline') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
