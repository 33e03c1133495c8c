"""Where the database is: --database-url, then FOOTCORE_DATABASE_URL, then FOOTCORE_HOME."""

from __future__ import annotations

from pathlib import Path

import pytest

from footcore.adapters.storage.database import resolve_url
from footcore.errors import StorageError


def test_the_option_wins_over_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOOTCORE_DATABASE_URL", "sqlite:////tmp/env.db")
    assert resolve_url("sqlite:////tmp/option.db").url == "sqlite:////tmp/option.db"
    assert resolve_url(None).url == "sqlite:////tmp/env.db"


def test_footcore_home_holds_the_default_sqlite_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("FOOTCORE_DATABASE_URL", raising=False)
    monkeypatch.setenv("FOOTCORE_HOME", str(tmp_path))
    db = resolve_url(None)
    assert db.sqlite_path == tmp_path / "footcore.db"
    assert db.url == f"sqlite:///{tmp_path}/footcore.db"


def test_without_footcore_home_the_user_data_folder_is_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import platformdirs

    monkeypatch.delenv("FOOTCORE_DATABASE_URL", raising=False)
    monkeypatch.delenv("FOOTCORE_HOME", raising=False)
    db = resolve_url(None)
    assert db.sqlite_path == Path(platformdirs.user_data_dir("footcore")) / "footcore.db"


def test_postgresql_urls_use_the_psycopg_3_driver() -> None:
    assert resolve_url("postgresql://u@h:5432/d").url == "postgresql+psycopg://u@h:5432/d"
    assert resolve_url("postgres://u@h/d").url == "postgresql+psycopg://u@h/d"
    assert resolve_url("postgresql://u@h/d").sqlite_path is None


def test_a_password_never_appears_in_messages() -> None:
    assert resolve_url("postgresql://me:secret@h/d").display == "postgresql+psycopg://me:***@h/d"


def test_an_unknown_url_scheme_is_a_storage_error() -> None:
    with pytest.raises(StorageError, match="is not supported"):
        resolve_url("mysql://u@h/d")
