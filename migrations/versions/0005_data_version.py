"""a data version for readers that keep a copy of the data

A `meta` table of named integers; `data_version` is bumped by the writer once per article saved,
changed or deleted, so the app's in-memory index knows with one primary-key read whether it is
stale. It starts at the migration's time in microseconds, not 0: a database migrated afresh (a
restored old backup, a downgrade and upgrade) never repeats a version a running reader has seen.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""

import time
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    meta = op.create_table(
        "meta",
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.bulk_insert(meta, [{"key": "data_version", "value": time.time_ns() // 1000}])


def downgrade() -> None:
    op.drop_table("meta")
