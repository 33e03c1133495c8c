"""Adaptation that reads a flare right, and clearance with a name: morning stiffness beside
morning pain, when each decision was made (its date becomes its session's), and who cleared a
red-flag pause.

Older databases upgrade in place: a decision's old `date` was the day it was made, so it moves to
`made_at`, and a decision about a session takes the session's date.

Revision ID: 0003_adaptation
Revises: 0002_running
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_adaptation"
down_revision = "0002_running"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("checkins", sa.Column("stiffness", sa.Integer(), nullable=True))
    op.add_column("decisions", sa.Column("made_at", sa.Date(), nullable=True))
    op.add_column("pauses", sa.Column("cleared_by", sa.String(length=200), nullable=True))
    decisions = sa.table(
        "decisions",
        sa.column("date", sa.Date()),
        sa.column("made_at", sa.Date()),
        sa.column("session_date", sa.Date()),
    )
    op.execute(decisions.update().values(made_at=decisions.c.date))
    op.execute(
        decisions.update()
        .where(decisions.c.session_date.is_not(None))
        .values(date=decisions.c.session_date)
    )


def downgrade() -> None:
    decisions = sa.table("decisions", sa.column("date", sa.Date()), sa.column("made_at", sa.Date()))
    op.execute(
        decisions.update().where(decisions.c.made_at.is_not(None)).values(date=decisions.c.made_at)
    )
    with op.batch_alter_table("pauses") as batch:
        batch.drop_column("cleared_by")
    with op.batch_alter_table("decisions") as batch:
        batch.drop_column("made_at")
    with op.batch_alter_table("checkins") as batch:
        batch.drop_column("stiffness")
