"""`meetview db compact`: the space deleted data left is given back, the data and its search stay."""

from __future__ import annotations

import sqlite3

import pytest
from factories import write_articles
from sqlalchemy.exc import OperationalError
from typer.testing import CliRunner

from meetview.cli import app
from meetview.store import db as dbmod
from meetview.store import open_store
from meetview.store.writer import delete_article

runner = CliRunner()


def _import_then_delete_most(store, tmp_path) -> int:
    write_articles(tmp_path / "a", 40)
    assert runner.invoke(app, ["import", str(tmp_path / "a"), "--db", store.url]).exit_code == 0
    with store.engine.connect() as conn:
        ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM article ORDER BY id")]
    with store.session() as s:
        for article_id in ids[5:]:
            delete_article(s, article_id)
    return 5


def test_compact_gives_back_the_space_and_keeps_the_data(store, tmp_path):
    kept = _import_then_delete_most(store, tmp_path)
    listed = runner.invoke(app, ["list", "--db", store.url]).output
    if store.backend == "sqlite":
        path = store.engine.url.database
        sqlite3.connect(path).execute("PRAGMA wal_checkpoint(TRUNCATE)")
        free_before = sqlite3.connect(path).execute("PRAGMA freelist_count").fetchone()[0]
    before, after = dbmod.compact(store.engine)
    assert before > 0 and after > 0
    if store.backend == "sqlite":
        con = sqlite3.connect(path)
        assert free_before > 10 and con.execute("PRAGMA freelist_count").fetchone()[0] == 0
        assert after < before * 0.8  # 35 of 40 articles' pages were free
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM article").scalar_one() == kept
    assert runner.invoke(app, ["list", "--db", store.url]).output == listed
    assert (
        "meeting" in runner.invoke(app, ["list", "item", "--db", store.url]).output
    )  # full text still there
    dbmod.compact(store.engine)  # again, on a compact database: nothing to do, no error


def test_compact_command_reports_the_sizes_and_a_busy_database_clearly(tmp_path, monkeypatch):
    db = tmp_path / ("a-folder-name-long-enough-that-the-report-is-wider-than-a-terminal" * 2) / "m.db"
    db.parent.mkdir()
    write_articles(tmp_path / "a", 3)
    runner.invoke(app, ["import", str(tmp_path / "a"), "--db", str(db)])
    result = runner.invoke(app, ["db", "compact", "--db", str(db)])
    assert result.exit_code == 0, result.output
    # one line, the path whole (copyable), however narrow the terminal
    assert result.output.startswith(f"Compacted sqlite:///{db}: ") and " MB -> " in result.output
    assert result.output.count("\n") == 1

    def busy(engine):
        raise OperationalError("VACUUM", {}, sqlite3.OperationalError("database is locked"))

    monkeypatch.setattr(dbmod, "compact", busy)
    result = runner.invoke(app, ["db", "compact", "--db", str(db)])
    assert result.exit_code == 2
    assert "cannot compact" in result.output and "database is locked" in result.output
    assert "Traceback" not in result.output


def test_other_connections_still_run_in_transactions_after_compacting(tmp_path):
    """Only the compacting connection skips BEGIN: every other one still opens a transaction."""
    store = open_store(str(tmp_path / "m.db"))
    dbmod.compact(store.engine)
    with pytest.raises(OperationalError, match="within a transaction"), store.engine.connect() as conn:
        conn.exec_driver_sql("VACUUM")
    write_articles(tmp_path / "a", 2)
    assert runner.invoke(app, ["import", str(tmp_path / "a"), "--db", store.url]).exit_code == 0
