"""Fixtures of the end-to-end tests: the runner's CLI on a fresh database of each backend."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture
def cli(database_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[str]:
    """The runner's CLI on a fresh database (given by URL, as FOOTCORE_DATABASE_URL), with its
    own footcore home folder; yields the URL."""
    monkeypatch.setenv("FOOTCORE_DATABASE_URL", database_url)
    monkeypatch.setenv("FOOTCORE_HOME", str(tmp_path / "home"))
    yield database_url
