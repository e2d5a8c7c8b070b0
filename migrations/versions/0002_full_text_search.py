"""full-text search over article titles and text

SQLite: an external-content FTS5 table kept in sync by triggers (porter stemming, diacritics
folded). PostgreSQL: a GIN expression index on the English tsvector of title and text; the query
layer uses the same expression, so the index serves it.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PG_TSVECTOR = "to_tsvector('english', coalesce(title, '') || ' ' || clean_text)"

SQLITE_UP = [
    """CREATE VIRTUAL TABLE article_fts USING fts5(
           title, clean_text, content='article', content_rowid='id',
           tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER article_fts_ai AFTER INSERT ON article BEGIN
           INSERT INTO article_fts(rowid, title, clean_text)
           VALUES (new.id, coalesce(new.title, ''), new.clean_text);
       END""",
    """CREATE TRIGGER article_fts_ad AFTER DELETE ON article BEGIN
           INSERT INTO article_fts(article_fts, rowid, title, clean_text)
           VALUES ('delete', old.id, coalesce(old.title, ''), old.clean_text);
       END""",
    """CREATE TRIGGER article_fts_au AFTER UPDATE OF title, clean_text ON article BEGIN
           INSERT INTO article_fts(article_fts, rowid, title, clean_text)
           VALUES ('delete', old.id, coalesce(old.title, ''), old.clean_text);
           INSERT INTO article_fts(rowid, title, clean_text)
           VALUES (new.id, coalesce(new.title, ''), new.clean_text);
       END""",
    "INSERT INTO article_fts(article_fts) VALUES ('rebuild')",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS article_fts_au",
    "DROP TRIGGER IF EXISTS article_fts_ad",
    "DROP TRIGGER IF EXISTS article_fts_ai",
    "DROP TABLE IF EXISTS article_fts",
]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for stmt in SQLITE_UP:
            op.execute(stmt)
    elif dialect == "postgresql":
        op.execute(f"CREATE INDEX ix_article_fts ON article USING gin ({PG_TSVECTOR})")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for stmt in SQLITE_DOWN:
            op.execute(stmt)
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_article_fts")
