"""Facets give the same answer whether their two halves run side by side or in one statement."""

from __future__ import annotations

import pytest

import meetview.query.engine as engine
from meetview import query

QUERIES = [
    "",
    "country:UA",
    "-country:NO",
    "topic:air-defense",
    "person:boyev",
    "org:nato",
    "Oslo",
    "after:2024-12",
]


@pytest.mark.parametrize("text", QUERIES)
def test_side_by_side_equals_one_statement(db, text, monkeypatch):
    q = query.parse(text)
    with db.session() as s:
        assert engine._may_run_side_by_side(s)  # a fresh session on a file or server database
        both = query.facets(s, q)
    monkeypatch.setattr(engine, "_may_run_side_by_side", lambda session: False)
    with db.session() as s:
        one = query.facets(s, q)
    assert both == one
    with db.session() as s:
        assert both.total == query.count(s, q)
        assert [m.value for m in both.months] == [m.value for m in query.timeline(s, q)]
        assert [m.count for m in both.months] == [m.count for m in query.timeline(s, q)]


def test_a_session_with_its_own_writes_counts_them(db):
    """In a transaction the facets stay on the session's connection, so they see its writes."""
    from factories import extraction, make_article, meeting, person

    from meetview.store.writer import save_article

    with db.session() as s:
        before = query.facets(s, query.parse("country:IS")).total
        art = make_article("new.txt", "Reykjavik talks")
        save_article(
            s, art, extraction(art, meeting("2025-02-02", [person("Ann Smith")], ["IS"])), origin="new.txt"
        )
        assert s.in_transaction() and not engine._may_run_side_by_side(s)
        assert query.facets(s, query.parse("country:IS")).total == before + 1
