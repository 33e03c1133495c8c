"""The database fixtures live in tests/db_fixtures.py (loaded for every test by tests/conftest.py);
these names stay importable from here for test modules that import them."""

from __future__ import annotations

from collections.abc import Iterator

from tests.databases import create_empty, drop, libpq, with_database
from tests.db_fixtures import (
    PG_ENV,
    database_url,
    other_database_url,
    postgres_server_url,
    postgres_url,
    postgres_url_2,
    uow,
)


def _fresh_postgres(server_url: str) -> Iterator[str]:
    """An empty PostgreSQL database (no schema), dropped afterwards: kept for modules that used
    it; `empty_database_url` is the fixture."""
    url = create_empty(server_url)
    try:
        yield url
    finally:
        drop(server_url, url)


__all__ = [
    "PG_ENV",
    "database_url",
    "libpq",
    "other_database_url",
    "postgres_server_url",
    "postgres_url",
    "postgres_url_2",
    "uow",
    "with_database",
]
