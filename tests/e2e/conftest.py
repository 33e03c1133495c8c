"""Fixtures of the end-to-end tests: the runner's CLI on a fresh database, of each backend
(`cli`) or on an SQLite file only (`sqlite_cli`), each with its own footcore home folder. A test
that needs a stored runner adds one with `tests.cli_runner.init_runner` (the options differ per
test: start, weeks, an assessment)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


def _point_the_cli_at(url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("FOOTCORE_DATABASE_URL", url)
    monkeypatch.setenv("FOOTCORE_HOME", str(tmp_path / "home"))


@pytest.fixture
def cli(database_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[str]:
    """The runner's CLI on a fresh database (given by URL, as FOOTCORE_DATABASE_URL), with its
    own footcore home folder; yields the URL."""
    _point_the_cli_at(database_url, monkeypatch, tmp_path)
    yield database_url


@pytest.fixture
def sqlite_cli(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[str]:
    """The runner's CLI on a fresh SQLite file in `tmp_path` (tests whose subject is not the
    backend), with its own footcore home folder; yields the URL."""
    url = f"sqlite:///{tmp_path / 'footcore.db'}"
    _point_the_cli_at(url, monkeypatch, tmp_path)
    yield url
