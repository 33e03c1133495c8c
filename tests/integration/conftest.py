"""The database fixtures live in tests/db_fixtures.py (loaded for every test by tests/conftest.py);
these names stay importable from here for test modules that import them."""

from __future__ import annotations

from tests.databases import libpq, with_database
from tests.db_fixtures import (
    database_url,
    other_database_url,
    postgres_server_url,
    postgres_url,
    postgres_url_2,
    uow,
)

__all__ = [
    "database_url",
    "libpq",
    "other_database_url",
    "postgres_server_url",
    "postgres_url",
    "postgres_url_2",
    "uow",
    "with_database",
]
