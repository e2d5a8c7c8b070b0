"""`meetview db backup` / `db restore`: a consistent copy while in use, restored with its data."""

from __future__ import annotations

import sqlite3

from factories import write_articles
from typer.testing import CliRunner

from meetview.cli import app

runner = CliRunner()


def count(db) -> int:
    return sqlite3.connect(db).execute("select count(*) from article").fetchone()[0]


def test_backup_then_restore_brings_back_the_data(tmp_path):
    db, bak = tmp_path / "m.db", tmp_path / "backups" / "m-1.db"
    write_articles(tmp_path / "a", 12)
    write_articles(tmp_path / "b", 5, seed=9)
    assert runner.invoke(app, ["import", str(tmp_path / "a"), "--db", str(db)]).exit_code == 0
    result = runner.invoke(app, ["db", "backup", str(bak), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert sqlite3.connect(bak).execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert count(bak) == 12
    runner.invoke(app, ["import", str(tmp_path / "b"), "--db", str(db)])
    assert count(db) == 17
    result = runner.invoke(app, ["db", "restore", str(bak), "--db", str(db), "--yes"])
    assert result.exit_code == 0, result.output
    assert count(db) == 12
    everything = runner.invoke(app, ["list", "--db", str(db)]).output.splitlines()[-1]
    by_text = runner.invoke(app, ["list", "item", "--db", str(db)]).output.splitlines()[-1]
    assert by_text == everything and "meeting" in everything  # the full-text index came back too


def test_backup_refuses_to_overwrite_and_restore_refuses_junk(tmp_path):
    db = tmp_path / "m.db"
    runner.invoke(app, ["db", "upgrade", "--db", str(db)])
    (tmp_path / "exists.db").write_bytes(b"x")
    result = runner.invoke(app, ["db", "backup", str(tmp_path / "exists.db"), "--db", str(db)])
    assert result.exit_code == 2 and "exists" in result.output
    (tmp_path / "junk.db").write_bytes(b"not a database at all" * 100)
    result = runner.invoke(app, ["db", "restore", str(tmp_path / "junk.db"), "--db", str(db), "--yes"])
    assert result.exit_code == 2 and "not a meetview database" in result.output
    result = runner.invoke(app, ["db", "restore", str(tmp_path / "missing.db"), "--db", str(db), "--yes"])
    assert result.exit_code == 2 and "no such file" in result.output


def test_restore_asks_before_replacing(tmp_path):
    db, bak = tmp_path / "m.db", tmp_path / "b.db"
    runner.invoke(app, ["db", "upgrade", "--db", str(db)])
    runner.invoke(app, ["db", "backup", str(bak), "--db", str(db)])
    result = runner.invoke(app, ["db", "restore", str(bak), "--db", str(db)], input="n\n")
    assert result.exit_code == 1
