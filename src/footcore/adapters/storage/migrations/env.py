"""Alembic environment: the engine comes from footcore (config.attributes["engine"]) or, when the
alembic command line is used by a developer, from the `sqlalchemy.url` option."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from footcore.adapters.storage import (  # noqa: F401  (their tables join Base)
    account_models,
    coach_models,
    running_models,
)
from footcore.adapters.storage.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            compare_type=True,
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


if context.is_offline_mode():
    raise SystemExit("footcore migrations run online only")
run_migrations_online()
