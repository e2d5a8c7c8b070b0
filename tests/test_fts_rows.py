"""SQLite's full-text rows: written as the writer's transaction commits, in step with the articles."""

from __future__ import annotations

import pytest
from factories import extraction, make_article, meeting, person
from sqlalchemy import text

from meetview import query
from meetview.store import db
from meetview.store.writer import delete_article, index_new_articles, save_article, savepoint


@pytest.fixture
def sqlite_store(db_path):
    from meetview.store import open_store

    store = open_store(str(db_path))
    yield store
    store.close()


def _save(session, source: str, body: str):
    art = make_article(source, body, title=f"Title of {source}")
    m = meeting("2024-11-14", [person("Ann Smith", country="GB")], ["GB"])
    return save_article(session, art, extraction(art, m), origin=source)


def _found(store, words: str) -> set[str]:
    """Sources of the articles the full-text index finds for these words."""
    with store.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT a.source FROM article_fts JOIN article a ON a.id = article_fts.rowid "
                "WHERE article_fts MATCH :q"
            ),
            {"q": words},
        )
        return set(rows.scalars())


_RAW_INSERT = text(
    "INSERT INTO article (source, kind, original_text, clean_text, content_hash, origin, imported_at, "
    "updated_at) VALUES (:source, 'text', :body, :body, :source, :source, '2024-01-01', '2024-01-01')"
)


def _insert_behind_the_writer(conn, source: str, body: str) -> None:
    conn.execute(_RAW_INSERT, {"source": source, "body": body})


def _fts_state(store) -> tuple[int, int]:
    """(articles, full-text rows); FTS5's own integrity check raises if the index disagrees with the text."""
    with store.engine.connect() as conn:
        conn.exec_driver_sql("INSERT INTO article_fts(article_fts, rank) VALUES ('integrity-check', 1)")
        articles = conn.exec_driver_sql("SELECT count(*) FROM article").scalar_one()
        rows = conn.exec_driver_sql("SELECT count(*) FROM article_fts_docsize").scalar_one()
    return articles, rows


def test_rows_are_written_at_commit_not_by_a_trigger(sqlite_store):
    with sqlite_store.engine.connect() as conn:
        triggers = {
            r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        }
    assert triggers == {"article_fts_au", "article_fts_ad"}
    with sqlite_store.session() as s:
        _save(s, "a.txt", "Ministers discussed artillery ammunition.")
        _save(s, "b.txt", "Talks on grain corridors.")
        uncommitted = s.execute(text("SELECT count(*) FROM article_fts_docsize")).scalar_one()
    assert uncommitted == 0  # none while the transaction writes
    assert _fts_state(sqlite_store) == (2, 2)
    assert _found(sqlite_store, "artillery") == {"a.txt"}
    assert _found(sqlite_store, "grain") == {"b.txt"}
    with sqlite_store.session() as s:  # through the query layer too
        assert query.search(s, query.parse('"grain corridors"')).total == 1


def test_an_article_changed_in_the_transaction_that_inserted_it(sqlite_store):
    with sqlite_store.session() as s:
        _save(s, "a.txt", "Ministers discussed artillery ammunition.")
        _save(s, "a.txt", "Ministers discussed demining instead.")  # the update trigger needs the first row
    assert _fts_state(sqlite_store) == (1, 1)
    assert _found(sqlite_store, "demining") == {"a.txt"}
    assert _found(sqlite_store, "artillery") == set()


def test_an_article_deleted_in_the_transaction_that_inserted_it(sqlite_store):
    with sqlite_store.session() as s:
        _save(s, "a.txt", "Ministers discussed artillery ammunition.")
        _save(s, "b.txt", "Talks on grain corridors.")
        first = s.execute(text("SELECT id FROM article WHERE source = 'a.txt'")).scalar_one()
        delete_article(s, first)
        _save(s, "c.txt", "Artillery again, in another article.")
    assert _fts_state(sqlite_store) == (2, 2)
    assert _found(sqlite_store, "artillery") == {"c.txt"}


def test_a_deleted_last_article_whose_id_is_reused(sqlite_store):
    with sqlite_store.session() as s:
        _save(s, "a.txt", "Talks on grain corridors.")
        _save(s, "b.txt", "Ministers discussed artillery ammunition.")
    with sqlite_store.session() as s:
        last = s.execute(text("SELECT max(id) FROM article")).scalar_one()
        delete_article(s, last)
    with sqlite_store.session() as s:
        _save(s, "c.txt", "Demining was on the agenda.")
        assert s.execute(text("SELECT id FROM article WHERE source = 'c.txt'")).scalar_one() == last
    assert _fts_state(sqlite_store) == (2, 2)
    assert _found(sqlite_store, "demining") == {"c.txt"}
    assert _found(sqlite_store, "artillery") == set()


def test_rolled_back_sources_leave_no_rows_and_later_ones_are_indexed(sqlite_store):
    with sqlite_store.session() as s:
        _save(s, "a.txt", "Talks on grain corridors.")
        with pytest.raises(RuntimeError), savepoint(s):
            _save(s, "b.txt", "Ministers discussed artillery ammunition.")
            raise RuntimeError("a source that fails half way")
        _save(s, "c.txt", "Demining was on the agenda.")
    assert _fts_state(sqlite_store) == (2, 2)
    assert _found(sqlite_store, "artillery") == set()
    assert _found(sqlite_store, "demining") == {"c.txt"}


def test_a_rolled_back_transaction_leaves_the_next_one_right(sqlite_store):
    with pytest.raises(RuntimeError), sqlite_store.session() as s:
        _save(s, "a.txt", "Ministers discussed artillery ammunition.")
        raise RuntimeError("the whole import fails")
    assert _fts_state(sqlite_store) == (0, 0)
    with sqlite_store.session() as s:
        _save(s, "b.txt", "Talks on grain corridors.")
    assert _fts_state(sqlite_store) == (1, 1)


def test_rows_inserted_behind_the_writer_are_indexed_on_request(sqlite_store):
    with sqlite_store.session() as s:
        _insert_behind_the_writer(s, "x.txt", "Grain talks.")
        index_new_articles(s)
    assert _fts_state(sqlite_store) == (1, 1)
    assert _found(sqlite_store, "grain") == {"x.txt"}


def test_downgrade_to_0006_indexes_what_has_no_row_and_restores_the_trigger(sqlite_store):
    with sqlite_store.session() as s:
        _save(s, "a.txt", "Talks on grain corridors.")
    with sqlite_store.engine.begin() as conn:  # an article without its row
        _insert_behind_the_writer(conn, "x.txt", "Demining.")
    db.downgrade(sqlite_store.engine, "0006")
    assert _fts_state(sqlite_store) == (2, 2)
    with sqlite_store.engine.begin() as conn:  # the trigger indexes as before 0007
        _insert_behind_the_writer(conn, "y.txt", "Artillery.")
    assert _fts_state(sqlite_store) == (3, 3)
    db.upgrade(sqlite_store.engine)
    with sqlite_store.session() as s:
        _save(s, "b.txt", "Ministers discussed artillery ammunition.")
    assert _fts_state(sqlite_store) == (4, 4)
    assert _found(sqlite_store, "artillery") == {"y.txt", "b.txt"}
