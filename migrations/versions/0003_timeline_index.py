"""covering index for the timeline and the month facet

Counting meetings per month (day- and month-precise ones) read every row of the meeting table,
evidence text included; this index holds all the query needs (precision, start date, id).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_meeting_precision_start", "meeting", ["date_precision", "date_start"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_meeting_precision_start", table_name="meeting")
