"""Integration fixtures: a test that takes `database_url` runs once on SQLite (a file in tmp_path)
and once on PostgreSQL, each time on a fresh, empty database.

PostgreSQL comes from FOOTCORE_TEST_DATABASE_URL when it is set (.ci/run sets it): every test gets
its own database, created with a unique name and dropped afterwards. Otherwise a throwaway server
from the `pgserver` package is started once for the session. Without either the PostgreSQL half is
skipped, which CI counts as a failure.
"""

from __future__ import annotations

import os
import uuid
import warnings
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from footcore.adapters.storage.uow import SqlUnitOfWork

PG_ENV = "FOOTCORE_TEST_DATABASE_URL"


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))


def libpq(url: str) -> str:
    """A URL psycopg accepts (no SQLAlchemy driver suffix)."""
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


@pytest.fixture(scope="session")
def postgres_server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """An administrative URL of a PostgreSQL server for the whole test session."""
    url = os.environ.get(PG_ENV)
    if url:
        yield url
        return
    try:
        with warnings.catch_warnings():  # platformdirs warns when XDG_RUNTIME_DIR is unset
            warnings.simplefilter("ignore")
            import pgserver

            server = pgserver.get_server(tmp_path_factory.mktemp("pgdata"), cleanup_mode="stop")
            uri = server.get_uri()
    except Exception as exc:  # any failure to start a server means: no PostgreSQL here
        pytest.skip(f"no PostgreSQL: set {PG_ENV} or let pgserver start one ({exc})")
    try:
        yield uri
    finally:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            server.cleanup()


@pytest.fixture
def postgres_url(postgres_server_url: str) -> Iterator[str]:
    """A fresh PostgreSQL database for one test, dropped afterwards."""
    yield from _fresh_postgres(postgres_server_url)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'footcore.db'}"
    url: str = request.getfixturevalue("postgres_url")
    return url


@pytest.fixture
def uow(database_url: str) -> Iterator[SqlUnitOfWork]:
    """A unit of work on the fresh database, its schema migrated; disposed afterwards."""
    unit = SqlUnitOfWork.connect(database_url)
    try:
        yield unit
    finally:
        unit.dispose()


@pytest.fixture
def other_database_url(database_url: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """A second fresh database on the same backend as `database_url` (to import into)."""
    if database_url.startswith("sqlite"):
        return f"sqlite:///{tmp_path / 'other.db'}"
    url: str = request.getfixturevalue("postgres_url_2")
    return url


@pytest.fixture
def postgres_url_2(postgres_server_url: str) -> Iterator[str]:
    yield from _fresh_postgres(postgres_server_url)


def _fresh_postgres(server_url: str) -> Iterator[str]:
    import psycopg

    name = f"footcore_test_{uuid.uuid4().hex[:16]}"
    admin = libpq(server_url)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield with_database(admin, name)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
