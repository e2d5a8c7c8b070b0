"""spans read from the stored records: the span table dropped

Every span a meeting's source gave was stored twice: in that source's record (`meeting_source.record`,
JSON, which the store keeps to recompute meetings) and as a row of `span` (~40 an article, each with
two index entries). Readers now take a meeting's spans from its records, so the table goes. The rows
of article-level spans (a publication date found in the text, no meeting) were never read.
Downgrade rebuilds the table from the records.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

import json
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("span", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_span_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_span_article_id"))
    op.drop_table("span")


def downgrade() -> None:
    span = op.create_table(
        "span",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("field", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("value", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["article.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["meeting_id"], ["meeting.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("span", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_span_article_id"), ["article_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_span_meeting_id"), ["meeting_id"], unique=False)
    sources = sa.table(
        "meeting_source", sa.column("meeting_id"), sa.column("article_id"), sa.column("record")
    )
    conn = op.get_bind()
    rows = []
    for meeting_id, article_id, record in conn.execute(
        sa.select(sources.c.meeting_id, sources.c.article_id, sources.c.record)
    ):
        for s in json.loads(record).get("spans") or []:
            rows.append(
                {
                    "article_id": article_id,
                    "meeting_id": meeting_id,
                    "field": s["field"],
                    "value": s["value"],
                    "start": s["start"],
                    "end": s["end"],
                }
            )
            if len(rows) >= 10_000:
                op.bulk_insert(span, rows)
                rows = []
    if rows:
        op.bulk_insert(span, rows)
