"""Database fixtures (a plugin of tests/conftest.py, so every test can use them): a test that
takes `database_url` runs once on SQLite (a file in tmp_path) and once on PostgreSQL, each time on
a fresh database of its own with the schema migrated (a copy of a migrated template:
tests/databases.py). `empty_database_url` has no schema at all.

PostgreSQL comes from FOOTCORE_TEST_DATABASE_URL when it is set (.ci/run sets it): every test gets
its own database, created with a unique name and dropped afterwards. Otherwise a throwaway server
from the `pgserver` package is started once for the session. Without either the PostgreSQL half is
skipped, which CI counts as a failure.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from footcore.adapters.storage.uow import SqlUnitOfWork
from tests.databases import PostgresPool, SqliteTemplate, create_empty, drop, libpq, with_database

PG_ENV = "FOOTCORE_TEST_DATABASE_URL"
__all__ = ["libpq", "with_database"]  # kept importable from here


@pytest.fixture(scope="session")
def postgres_server_url() -> Iterator[str]:
    """An administrative URL of a PostgreSQL server for the whole test session."""
    url = os.environ.get(PG_ENV)
    if url:
        yield url
        return
    try:
        with warnings.catch_warnings():  # platformdirs warns when XDG_RUNTIME_DIR is unset
            warnings.simplefilter("ignore")
            from pgserver.postgres_server import get_server

            # Not under pytest's own temporary folder: as root, pgserver runs the server as
            # another user and opens the folder's parents to it, and any pytest session that
            # starts meanwhile closes /tmp/pytest-of-root again (0700), killing the server.
            folder = Path(tempfile.mkdtemp(prefix="footcore-pgserver-"))
            server = get_server(folder / "pgdata", cleanup_mode="stop")
            uri = server.get_uri()
    except Exception as exc:  # any failure to start a server means: no PostgreSQL here
        pytest.skip(f"no PostgreSQL: set {PG_ENV} or let pgserver start one ({exc})")
    try:
        yield uri
    finally:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            server.cleanup()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_pool(postgres_server_url: str) -> Iterator[PostgresPool]:
    pool = PostgresPool(postgres_server_url)
    try:
        yield pool
    finally:
        pool.close()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> SqliteTemplate:
    return SqliteTemplate(tmp_path_factory.mktemp("sqlite-template"))


@pytest.fixture
def postgres_url(postgres_pool: PostgresPool) -> Iterator[str]:
    """A fresh, migrated PostgreSQL database for one test, dropped afterwards."""
    url = postgres_pool.take()
    try:
        yield url
    finally:
        postgres_pool.give_back(url)


@pytest.fixture
def postgres_url_2(postgres_pool: PostgresPool) -> Iterator[str]:
    url = postgres_pool.take()
    try:
        yield url
    finally:
        postgres_pool.give_back(url)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        template: SqliteTemplate = request.getfixturevalue("sqlite_template")
        return template.copy_to(tmp_path / "footcore.db")
    url: str = request.getfixturevalue("postgres_url")
    return url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def empty_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh database with no schema at all, on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.db'}"
        return
    server: str = request.getfixturevalue("postgres_server_url")
    url = create_empty(server)
    try:
        yield url
    finally:
        drop(server, url)


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
        template: SqliteTemplate = request.getfixturevalue("sqlite_template")
        return template.copy_to(tmp_path / "other.db")
    url: str = request.getfixturevalue("postgres_url_2")
    return url
