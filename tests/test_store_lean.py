"""Lean statements run what SQLAlchemy would: same SQL, defaults, bind processing and error classes."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import bindparam, insert, select
from sqlalchemy.exc import IntegrityError

from meetview.store.lean import Lean
from meetview.store.models import Article, Country, ImportSource, Meta
from meetview.store.writer import DATA_VERSION, lock_for_writing

INSERT_ARTICLE = Lean(insert(Article).returning(Article.id))


def _article(source: str) -> dict:
    stamp = dt.datetime(2024, 5, 1, 12, 30, tzinfo=dt.UTC)
    return {
        "source": source,
        "original_text": "t",
        "clean_text": "t",
        "content_hash": source,
        "origin": source,
        "imported_at": stamp,
        "updated_at": stamp,
    }


def test_an_insert_fills_scalar_defaults_and_processes_datetimes(store):
    with store.session() as s:
        lock_for_writing(s)
        article_id = INSERT_ARTICLE.scalar(s.connection(), _article("a.txt"))
    with store.session() as s:
        row = s.get(Article, article_id)
    assert row.kind == "text"  # the column's default, which SQLAlchemy fills in Python
    assert row.imported_at.replace(tzinfo=dt.UTC) == dt.datetime(2024, 5, 1, 12, 30, tzinfo=dt.UTC)


def test_a_duplicate_raises_sqlalchemys_integrity_error_and_the_savepoint_survives(store):
    with store.session() as s:
        lock_for_writing(s)
        INSERT_ARTICLE.scalar(s.connection(), _article("a.txt"))
        with pytest.raises(IntegrityError), s.begin_nested():
            INSERT_ARTICLE.scalar(s.connection(), _article("a.txt"))
        INSERT_ARTICLE.scalar(s.connection(), _article("b.txt"))
    with store.session() as s:
        assert sorted(s.execute(select(Article.source)).scalars()) == ["a.txt", "b.txt"]


def test_run_many_and_all_round_trip_rows(store):
    rows = [{"code": code, "name": name} for code, name in [("QQ", "Q land"), ("QR", "R land")]]
    pick = Lean(select(Country.code, Country.name).where(Country.code.in_([bindparam("a"), bindparam("b")])))
    with store.session() as s:
        lock_for_writing(s)
        Lean(insert(Country)).run_many(s.connection(), rows)
        got = pick.all(s.connection(), {"a": "QQ", "b": "QR"})
    assert sorted(tuple(r) for r in got) == [("QQ", "Q land"), ("QR", "R land")]


def test_literal_values_in_the_statement_are_bound(store):
    from meetview.store.writer import _BUMP_DATA_VERSION

    read = Lean(select(Meta.value).where(Meta.key == DATA_VERSION))
    with store.session() as s:
        lock_for_writing(s)
        before = read.scalar(s.connection())
        _BUMP_DATA_VERSION.execute(s.connection())
        assert read.scalar(s.connection()) == before + 1


def test_statements_it_cannot_run_faithfully_are_refused(store):
    expanding = Lean(select(Country.code).where(Country.code.in_(bindparam("codes", expanding=True))))
    datetimes_out = Lean(select(ImportSource.imported_at))
    with store.session() as s:
        with pytest.raises(ValueError, match="expand"):
            expanding.all(s.connection(), {"codes": ["NO"]})
        if s.get_bind().dialect.name == "sqlite":  # SQLite returns datetimes as text to be parsed
            with pytest.raises(ValueError, match="raw values"):
                datetimes_out.all(s.connection())
