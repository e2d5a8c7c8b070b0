"""Engines, migrations and upkeep: SQLite pragmas per connection, Alembic upgrade/downgrade, compacting."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlmodel import Session

from meetview.config import migrations_dir

SQLITE_BUSY_MS = 30_000
SQLITE_WRITE = "meetview_sqlite_write"  # execution option: begin with BEGIN IMMEDIATE (a writer)
PG_MIGRATION_LOCK = 0x6D656574  # "meet": serializes concurrent migrations on one PostgreSQL


def is_sqlite(engine_or_url: Engine | str) -> bool:
    url = engine_or_url.url if isinstance(engine_or_url, Engine) else make_url(engine_or_url)
    return url.get_backend_name() == "sqlite"


def make_engine(url: str) -> Engine:
    """An engine with the settings meetview relies on (WAL, busy timeout, foreign keys on SQLite)."""
    if is_sqlite(url):
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_MS / 1000}
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    return engine


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    # The sqlite3 module's own transaction handling issues no BEGIN before a SAVEPOINT, so a
    # savepoint opened first was the whole transaction and its release committed it. Off with it:
    # SQLAlchemy's begin event below starts every transaction, and savepoints nest inside it.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA temp_store=MEMORY")
    cur.close()


def _sqlite_begin(conn) -> None:
    """BEGIN, or BEGIN IMMEDIATE for a writer: it waits for the write lock up front (busy timeout)
    instead of failing when another writer committed after its first read."""
    options = conn.get_execution_options()
    if options.get("isolation_level") == "AUTOCOMMIT":
        return  # each statement its own transaction (VACUUM cannot run inside one)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if options.get(SQLITE_WRITE) else "BEGIN")


@contextlib.contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """A session whose work is one transaction: committed on success, rolled back on error."""
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


# --- migrations -------------------------------------------------------------------------------


def _alembic_config(connection=None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _run(engine: Engine, fn, revision: str) -> None:
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_MIGRATION_LOCK})
        fn(_alembic_config(conn), revision)


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    _run(engine, command.upgrade, revision)


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    _run(engine, command.downgrade, revision)


# The newest migration's revision. Opening a database compares its stored revision with this in plain
# SQL, so a command on an up-to-date database never loads Alembic (a quarter of a second);
# tests/test_migrations.py checks that it is Alembic's head.
SCHEMA_HEAD = "0007"


def stored_revision(engine: Engine) -> str | None:
    """The database's revision read without Alembic (None before the first migration)."""
    from sqlalchemy import inspect

    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        rows = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalars().all()
    return rows[0] if len(rows) == 1 else None


def ensure_schema(engine: Engine) -> bool:
    """Bring the database to head if it is behind. Returns True when it migrated anything."""
    if stored_revision(engine) == SCHEMA_HEAD or current_revision(engine) == head_revision():
        return False
    upgrade(engine)
    return True


# --- upkeep -------------------------------------------------------------------------------------


def database_size(engine: Engine) -> int:
    """Bytes the database takes: the SQLite file with its write-ahead log, or PostgreSQL's database."""
    if is_sqlite(engine):
        path = engine.url.database
        if not path or path == ":memory:":
            return 0
        return sum(os.path.getsize(p) for p in (path, f"{path}-wal") if os.path.exists(p))
    with engine.connect() as conn:
        return int(conn.execute(text("SELECT pg_database_size(current_database())")).scalar_one())


def compact(engine: Engine) -> tuple[int, int]:
    """Give free space back and refresh the planner's statistics: SQLite rewrites the file (VACUUM) and
    folds the write-ahead log into it; PostgreSQL vacuums and analyzes (no exclusive lock: a shared
    store stays usable, and the space it frees is reused rather than returned). Returns the sizes in
    bytes before and after."""
    before = database_size(engine)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("VACUUM")
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.exec_driver_sql("ANALYZE")
        else:
            conn.exec_driver_sql("VACUUM (ANALYZE)")
    return before, database_size(engine)
