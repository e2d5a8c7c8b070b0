"""Backups of a SQLite store with SQLite's online backup API (safe while the app or an import runs)."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from sqlalchemy import Engine


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why."""


def _sqlite_path(engine: Engine) -> Path:
    if engine.dialect.name != "sqlite" or not engine.url.database:
        raise BackupError("backups work on SQLite databases; for PostgreSQL use pg_dump / pg_restore")
    return Path(engine.url.database)


def backup(engine: Engine, target: Path) -> int:
    """Copy the live database to `target` (a new file). Returns its size in bytes."""
    source = _sqlite_path(engine)
    target = Path(target).expanduser()
    if target.exists():
        raise BackupError(f"{target} exists; choose a new file name")
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target.stat().st_size


def check_backup(path: Path) -> str:
    """Verify a file is a sound meetview database; returns its migration revision."""
    path = Path(path).expanduser()
    if not path.is_file():
        raise BackupError(f"{path}: no such file")
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            if con.execute("PRAGMA integrity_check").fetchone() != ("ok",):
                raise BackupError(f"{path} fails SQLite's integrity check")
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            con.execute("SELECT count(*) FROM article").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as e:
        raise BackupError(f"{path} is not a meetview database ({e})") from None
    if not row:
        raise BackupError(f"{path} has no migration revision")
    return row[0]


def restore(engine: Engine, source: Path) -> str:
    """Replace the database's content with a backup's (online). Returns the backup's revision."""
    revision = check_backup(source)
    target = _sqlite_path(engine)
    engine.dispose()
    src = sqlite3.connect(f"file:{Path(source).expanduser()}?mode=ro", uri=True)
    dst = sqlite3.connect(target, timeout=30)
    try:
        before = _data_version(dst)
        src.backup(dst)
        _advance_data_version(dst, before)
    finally:
        dst.close()
        src.close()
    return revision


def _data_version(con: sqlite3.Connection) -> int:
    try:
        row = con.execute("SELECT value FROM meta WHERE key = 'data_version'").fetchone()
    except sqlite3.OperationalError:  # a database from before migration 0005
        return 0
    return row[0] if row else 0


def _advance_data_version(con: sqlite3.Connection, before: int) -> None:
    """The restored data gets a version above the replaced data's, so a running app reloads it (a
    backup from before migration 0005 gets a fresh one when it is migrated)."""
    with contextlib.suppress(sqlite3.OperationalError), con:
        con.execute("UPDATE meta SET value = max(value, ?) + 1 WHERE key = 'data_version'", (before,))
