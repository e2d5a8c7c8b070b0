"""The store: a database opened by --db / MEETVIEW_DB / the default path, migrated to head."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import Engine, select
from sqlmodel import Session

from meetview.config import resolve_db
from meetview.store import db
from meetview.store.models import Article


@dataclass
class Store:
    url: str
    engine: Engine
    is_default: bool = False

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on error."""
        with db.session_scope(self.engine) as session:
            yield session

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    def is_empty(self) -> bool:
        with Session(self.engine) as session:
            return session.execute(select(Article.id).limit(1)).first() is None

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_store(db_option: str | None = None, *, migrate: bool = True) -> Store:
    """Open the database the user chose (or the default), bringing its schema to head."""
    url, is_default = resolve_db(db_option)
    engine = db.make_engine(url)
    if migrate:
        db.ensure_schema(engine)
    return Store(url=url, engine=engine, is_default=is_default)
