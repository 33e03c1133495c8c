"""Running load and footwear: shoes, runs, the foot plan's load restrictions and the minimalist
ramp (models: adapters/storage/running_models.py).

Revision ID: 0002_running
Revises: 0001_training
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_running"
down_revision = "0001_training"
branch_labels = None
depends_on = None


def _athlete(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["athlete_id"],
        ["athletes.id"],
        name=op.f(f"fk_{table}_athlete_id_athletes"),
        ondelete="CASCADE",
    )


def upgrade() -> None:
    op.create_table(
        "shoes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("drop_mm", sa.Float(), nullable=True),
        sa.Column("stack_mm", sa.Float(), nullable=True),
        sa.Column("weight_g", sa.Float(), nullable=True),
        sa.Column("reminder_km", sa.Float(), nullable=True),
        sa.Column("retired", sa.Boolean(), nullable=False),
        sa.Column("added_on", sa.Date(), nullable=False),
        _athlete("shoes"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shoes")),
        sa.UniqueConstraint("athlete_id", "name", name=op.f("uq_shoes_athlete_id_name")),
    )
    op.create_index(op.f("ix_shoes_athlete_id"), "shoes", ["athlete_id"], unique=False)
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.DateTime(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("distance_m", sa.Float(), nullable=False),
        sa.Column("elapsed_s", sa.Float(), nullable=False),
        sa.Column("moving_s", sa.Float(), nullable=False),
        sa.Column("rpe", sa.Integer(), nullable=True),
        sa.Column("shoe_id", sa.Integer(), nullable=True),
        sa.Column("surface", sa.String(length=16), nullable=True),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("distance_source", sa.String(length=16), nullable=False),
        sa.Column("device", sa.String(length=200), nullable=True),
        _athlete("runs"),
        sa.ForeignKeyConstraint(
            ["shoe_id"], ["shoes.id"], name=op.f("fk_runs_shoe_id_shoes"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_runs")),
        sa.UniqueConstraint(
            "athlete_id", "start", "distance_m", name=op.f("uq_runs_athlete_id_start_distance_m")
        ),
    )
    op.create_index(op.f("ix_runs_athlete_id"), "runs", ["athlete_id"], unique=False)
    op.create_index(op.f("ix_runs_shoe_id"), "runs", ["shoe_id"], unique=False)
    op.create_index("ix_runs_day", "runs", ["athlete_id", "date"], unique=False)
    op.create_table(
        "foot_restrictions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("trigger_date", sa.Date(), nullable=False),
        sa.Column("trigger", sa.String(length=16), nullable=False),
        sa.Column("drops", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("sources", sa.Text(), nullable=False),
        sa.Column("exercises", sa.Text(), nullable=False),
        _athlete("foot_restrictions"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_foot_restrictions")),
    )
    op.create_index(
        "ix_foot_restrictions_day", "foot_restrictions", ["athlete_id", "day"], unique=False
    )
    op.create_table(
        "minimalist_ramps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("target_m", sa.Integer(), nullable=False),
        _athlete("minimalist_ramps"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_minimalist_ramps")),
        sa.UniqueConstraint("athlete_id", name=op.f("uq_minimalist_ramps_athlete_id")),
    )


def downgrade() -> None:
    op.drop_table("minimalist_ramps")
    op.drop_index("ix_foot_restrictions_day", table_name="foot_restrictions")
    op.drop_table("foot_restrictions")
    op.drop_index("ix_runs_day", table_name="runs")
    op.drop_index(op.f("ix_runs_shoe_id"), table_name="runs")
    op.drop_index(op.f("ix_runs_athlete_id"), table_name="runs")
    op.drop_table("runs")
    op.drop_index(op.f("ix_shoes_athlete_id"), table_name="shoes")
    op.drop_table("shoes")
