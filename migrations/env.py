"""Alembic environment: runs migrations on the connection meetview hands over (or a URL)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine
from sqlmodel import SQLModel

import meetview.store.models  # noqa: F401  (registers the tables on SQLModel.metadata)

config = context.config
target_metadata = SQLModel.metadata

# Full-text search objects live outside the models (FTS5 tables, triggers, expression indexes):
# autogenerate must neither drop nor recreate them.
FTS_PREFIX = "article_fts"


def include_name(name, type_, parent_names) -> bool:
    return not (name or "").startswith(FTS_PREFIX) and not (name or "").startswith("ix_article_fts")


def run_migrations(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        include_name=include_name,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def main() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        run_migrations(connection)
        return
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        raise SystemExit("set sqlalchemy.url, or run migrations through `meetview db upgrade`")
    with create_engine(url).begin() as conn:
        run_migrations(conn)


main()
