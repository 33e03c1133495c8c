"""Indexes for the coach's roster: it reads the recent logs' day and pain and the recent runs'
day and distance of every athlete, which these answer without reading the tables (measured in
bench/README.md, "Coach roster").

Revision ID: 0006_roster_indexes
Revises: 0005_coach
"""

from __future__ import annotations

from alembic import op

revision = "0006_roster_indexes"
down_revision = "0005_coach"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_logs_day_pain", "logs", ["athlete_id", "date", "pain"])
    op.create_index("ix_runs_day_distance", "runs", ["athlete_id", "date", "distance_m"])


def downgrade() -> None:
    op.drop_index("ix_runs_day_distance", table_name="runs")
    op.drop_index("ix_logs_day_pain", table_name="logs")
