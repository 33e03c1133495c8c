"""Training log and adaptation: athletes, profiles, the stored plan, logs, check-ins,
assessments, decisions, exercise states and pauses.

Revision ID: 0001_training
Revises: (none: the first migration)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_training"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "app_meta",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_app_meta")),
    )
    app_meta = sa.table("app_meta", sa.column("key", sa.String), sa.column("value", sa.Text))
    op.bulk_insert(app_meta, [{"key": "schema", "value": "footcore training database"}])
    op.create_table(
        "athletes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("created_on", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_athletes")),
        sa.UniqueConstraint("name", name=op.f("uq_athletes_name")),
    )
    op.create_table(
        "assessments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("results", sa.Text(), nullable=False),
        sa.Column("findings", sa.Text(), nullable=False),
        sa.Column("passed", sa.Boolean(), nullable=True),
        sa.Column("reference", sa.Boolean(), nullable=False),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name=op.f("fk_assessments_athlete_id_athletes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessments")),
        sa.UniqueConstraint(
            "athlete_id", "date", "kind", name=op.f("uq_assessments_athlete_id_date_kind")
        ),
    )
    op.create_index(op.f("ix_assessments_athlete_id"), "assessments", ["athlete_id"], unique=False)
    op.create_table(
        "checkins",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("area", sa.String(length=64), nullable=False),
        sa.Column("morning_pain", sa.Integer(), nullable=False),
        sa.Column("symptoms", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name=op.f("fk_checkins_athlete_id_athletes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checkins")),
        sa.UniqueConstraint(
            "athlete_id", "date", "area", name=op.f("uq_checkins_athlete_id_date_area")
        ),
    )
    op.create_index(op.f("ix_checkins_athlete_id"), "checkins", ["athlete_id"], unique=False)
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("session_date", sa.Date(), nullable=True),
        sa.Column("exercise", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("variant", sa.String(length=64), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("sources", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name=op.f("fk_decisions_athlete_id_athletes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decisions")),
        sa.UniqueConstraint("athlete_id", "seq", name=op.f("uq_decisions_athlete_id_seq")),
    )
    op.create_index(op.f("ix_decisions_athlete_id"), "decisions", ["athlete_id"], unique=False)
    op.create_index(
        "ix_decisions_slot", "decisions", ["athlete_id", "exercise", "seq"], unique=False
    )
    op.create_table(
        "exercise_states",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("exercise", sa.String(length=64), nullable=False),
        sa.Column("variant", sa.String(length=64), nullable=False),
        sa.Column("step", sa.Integer(), nullable=False),
        sa.Column("since", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name=op.f("fk_exercise_states_athlete_id_athletes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exercise_states")),
        sa.UniqueConstraint(
            "athlete_id", "exercise", name=op.f("uq_exercise_states_athlete_id_exercise")
        ),
    )
    op.create_index(
        op.f("ix_exercise_states_athlete_id"), "exercise_states", ["athlete_id"], unique=False
    )
    op.create_table(
        "logs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("exercise", sa.String(length=64), nullable=False),
        sa.Column("slot", sa.String(length=64), nullable=False),
        sa.Column("side", sa.String(length=16), nullable=False),
        sa.Column("sets", sa.Integer(), nullable=False),
        sa.Column("reps", sa.Integer(), nullable=True),
        sa.Column("hold_s", sa.Integer(), nullable=True),
        sa.Column("distance_m", sa.Integer(), nullable=True),
        sa.Column("rpe", sa.Integer(), nullable=True),
        sa.Column("pain", sa.Integer(), nullable=False),
        sa.Column("pain_area", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name=op.f("fk_logs_athlete_id_athletes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_logs")),
        sa.UniqueConstraint(
            "athlete_id",
            "date",
            "exercise",
            "side",
            name=op.f("uq_logs_athlete_id_date_exercise_side"),
        ),
    )
    op.create_index(op.f("ix_logs_athlete_id"), "logs", ["athlete_id"], unique=False)
    op.create_index("ix_logs_slot", "logs", ["athlete_id", "slot", "date"], unique=False)
    op.create_table(
        "pauses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("started", sa.Date(), nullable=False),
        sa.Column("symptoms", sa.Text(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("cleared", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name=op.f("fk_pauses_athlete_id_athletes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pauses")),
    )
    op.create_index(op.f("ix_pauses_athlete_id"), "pauses", ["athlete_id"], unique=False)
    op.create_table(
        "planned_weeks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("plan_week", sa.Integer(), nullable=False),
        sa.Column("phase", sa.String(length=32), nullable=False),
        sa.Column("cycle", sa.Integer(), nullable=False),
        sa.Column("week_in_cycle", sa.Integer(), nullable=False),
        sa.Column("light", sa.Boolean(), nullable=False),
        sa.Column("retest", sa.Boolean(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("reviewed", sa.Boolean(), nullable=False),
        sa.Column("gate", sa.String(length=16), nullable=True),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name=op.f("fk_planned_weeks_athlete_id_athletes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_planned_weeks")),
        sa.UniqueConstraint("athlete_id", "seq", name=op.f("uq_planned_weeks_athlete_id_seq")),
    )
    op.create_index(
        op.f("ix_planned_weeks_athlete_id"), "planned_weeks", ["athlete_id"], unique=False
    )
    op.create_index("ix_weeks_start", "planned_weeks", ["athlete_id", "start"], unique=False)
    op.create_table(
        "plans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("weeks", sa.Integer(), nullable=False),
        sa.Column("warnings", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name=op.f("fk_plans_athlete_id_athletes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plans")),
        sa.UniqueConstraint("athlete_id", name=op.f("uq_plans_athlete_id")),
    )
    op.create_table(
        "profiles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("units", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name=op.f("fk_profiles_athlete_id_athletes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_profiles")),
        sa.UniqueConstraint("athlete_id", "revision", name=op.f("uq_profiles_athlete_id_revision")),
    )
    op.create_index(op.f("ix_profiles_athlete_id"), "profiles", ["athlete_id"], unique=False)
    op.create_table(
        "planned_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("week_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name=op.f("fk_planned_sessions_athlete_id_athletes"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["week_id"],
            ["planned_weeks.id"],
            name=op.f("fk_planned_sessions_week_id_planned_weeks"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_planned_sessions")),
        sa.UniqueConstraint("athlete_id", "date", name=op.f("uq_planned_sessions_athlete_id_date")),
    )
    op.create_index(
        op.f("ix_planned_sessions_athlete_id"), "planned_sessions", ["athlete_id"], unique=False
    )
    op.create_index(
        op.f("ix_planned_sessions_week_id"), "planned_sessions", ["week_id"], unique=False
    )
    op.create_table(
        "prescriptions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("exercise", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("load", sa.String(length=16), nullable=False),
        sa.Column("planned_sets", sa.Integer(), nullable=False),
        sa.Column("planned_reps", sa.Integer(), nullable=True),
        sa.Column("planned_hold_s", sa.Integer(), nullable=True),
        sa.Column("planned_distance_m", sa.Integer(), nullable=True),
        sa.Column("tempo", sa.String(length=16), nullable=True),
        sa.Column("per_side", sa.Boolean(), nullable=False),
        sa.Column("rest_s", sa.Integer(), nullable=False),
        sa.Column("priority", sa.Boolean(), nullable=False),
        sa.Column("why", sa.Text(), nullable=False),
        sa.Column("sources", sa.Text(), nullable=False),
        sa.Column("exercise_done", sa.String(length=64), nullable=False),
        sa.Column("name_done", sa.String(length=200), nullable=False),
        sa.Column("sets", sa.Integer(), nullable=False),
        sa.Column("reps", sa.Integer(), nullable=True),
        sa.Column("hold_s", sa.Integer(), nullable=True),
        sa.Column("distance_m", sa.Integer(), nullable=True),
        sa.Column("cues", sa.Text(), nullable=False),
        sa.Column("adaptation", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name=op.f("fk_prescriptions_athlete_id_athletes"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["planned_sessions.id"],
            name=op.f("fk_prescriptions_session_id_planned_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_prescriptions")),
        sa.UniqueConstraint(
            "session_id", "position", name=op.f("uq_prescriptions_session_id_position")
        ),
    )
    op.create_index(
        "ix_prescriptions_slot", "prescriptions", ["athlete_id", "exercise"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_prescriptions_slot", table_name="prescriptions")
    op.drop_table("prescriptions")
    op.drop_index(op.f("ix_planned_sessions_week_id"), table_name="planned_sessions")
    op.drop_index(op.f("ix_planned_sessions_athlete_id"), table_name="planned_sessions")
    op.drop_table("planned_sessions")
    op.drop_index(op.f("ix_profiles_athlete_id"), table_name="profiles")
    op.drop_table("profiles")
    op.drop_table("plans")
    op.drop_index("ix_weeks_start", table_name="planned_weeks")
    op.drop_index(op.f("ix_planned_weeks_athlete_id"), table_name="planned_weeks")
    op.drop_table("planned_weeks")
    op.drop_index(op.f("ix_pauses_athlete_id"), table_name="pauses")
    op.drop_table("pauses")
    op.drop_index("ix_logs_slot", table_name="logs")
    op.drop_index(op.f("ix_logs_athlete_id"), table_name="logs")
    op.drop_table("logs")
    op.drop_index(op.f("ix_exercise_states_athlete_id"), table_name="exercise_states")
    op.drop_table("exercise_states")
    op.drop_index("ix_decisions_slot", table_name="decisions")
    op.drop_index(op.f("ix_decisions_athlete_id"), table_name="decisions")
    op.drop_table("decisions")
    op.drop_index(op.f("ix_checkins_athlete_id"), table_name="checkins")
    op.drop_table("checkins")
    op.drop_index(op.f("ix_assessments_athlete_id"), table_name="assessments")
    op.drop_table("assessments")
    op.drop_table("athletes")
    op.drop_table("app_meta")
