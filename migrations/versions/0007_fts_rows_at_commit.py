"""full-text rows written at commit: SQLite's insert trigger dropped

Migration 0002's trigger wrote an article's FTS5 row as the article was inserted. FTS5 flushes the
terms it holds to a new segment at every savepoint and statement journal, and the writer opens those
for each source, so that made one segment an article, merged over and over: ~0.3 ms an article, twice
what writing them together costs. The writer now writes the rows of a transaction's new articles
before it commits (`store.writer.index_new_articles`). The update and delete triggers stay. Downgrade
indexes any article without a row and puts the trigger back. PostgreSQL: nothing to do (a generated
tsvector column, migration 0004).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEX_UNINDEXED = """INSERT INTO article_fts(rowid, title, clean_text)
    SELECT id, coalesce(title, ''), clean_text FROM article
    WHERE id > (SELECT coalesce(max(id), 0) FROM article_fts_docsize)"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS article_fts_ai")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(INDEX_UNINDEXED)
        op.execute(
            """CREATE TRIGGER article_fts_ai AFTER INSERT ON article BEGIN
                   INSERT INTO article_fts(rowid, title, clean_text)
                   VALUES (new.id, coalesce(new.title, ''), new.clean_text);
               END"""
        )
