"""The schema: migrations build it from empty on both backends, and match the models exactly."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text

from footcore.adapters.storage.database import (
    HEAD_REVISION,
    alembic_config,
    create_engine_for,
    current_revision,
    migrate,
    resolve_url,
)
from footcore.adapters.storage.models import Base
from footcore.adapters.storage.uow import SqlUnitOfWork

TABLES = {
    "app_meta",
    "athletes",
    "profiles",
    "plans",
    "planned_weeks",
    "planned_sessions",
    "prescriptions",
    "logs",
    "checkins",
    "assessments",
    "decisions",
    "exercise_states",
    "pauses",
}


def test_migrations_from_empty_create_every_table(empty_database_url: str) -> None:
    db = resolve_url(empty_database_url)
    engine = create_engine_for(db)
    try:
        assert current_revision(engine) is None
        migrate(engine, db)
        assert current_revision(engine) == HEAD_REVISION
        names = set(inspect(engine).get_table_names())
        assert names >= TABLES | {"alembic_version"}
        with engine.connect() as conn:
            meta = conn.execute(text("SELECT value FROM app_meta WHERE key = 'schema'")).scalar()
        assert meta == "footcore training database"
    finally:
        engine.dispose()


def test_the_migrated_schema_has_no_drift_from_the_models(uow: SqlUnitOfWork) -> None:
    with uow.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diffs = [d for d in compare_metadata(context, Base.metadata) if not _is_later_table(d)]
    assert diffs == []


def _is_later_table(diff: object) -> bool:
    # Tables added by later migrations of other features are not this test's concern, but every
    # table of the training log must match its model exactly.
    if isinstance(diff, tuple) and diff and diff[0] == "remove_table":
        return diff[1].name not in TABLES
    return False


def test_downgrade_to_empty_and_upgrade_again(uow: SqlUnitOfWork) -> None:
    cfg = alembic_config(uow.engine)
    command.downgrade(cfg, "base")
    assert set(inspect(uow.engine).get_table_names()) - {"alembic_version"} == set()
    command.upgrade(cfg, "head")
    assert current_revision(uow.engine) == HEAD_REVISION


def test_the_head_constant_is_alembics_head() -> None:
    # The script directory is read from files; the engine is never connected.
    script = ScriptDirectory.from_config(alembic_config(create_engine("sqlite://")))
    assert script.get_current_head() == HEAD_REVISION


def test_sqlite_runs_with_foreign_keys_and_wal(tmp_path: object) -> None:
    unit = SqlUnitOfWork.connect(f"sqlite:///{tmp_path}/x.db")
    try:
        with unit.engine.connect() as conn:
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    finally:
        unit.dispose()
