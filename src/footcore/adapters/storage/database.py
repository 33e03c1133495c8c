"""Where the database is, how to connect to it, and bringing its schema up to date.

URL resolution: `--database-url` > `FOOTCORE_DATABASE_URL` > an SQLite file `footcore.db` in
`FOOTCORE_HOME` or else the user's data directory (platformdirs). `postgresql://` URLs use the
psycopg (v3) driver. SQLite runs with foreign keys on, WAL and a busy timeout.

Migrations run automatically on first use: the schema's revision is read with one query and Alembic
is imported only when it differs from `HEAD_REVISION`, so a command on an up-to-date database does
not pay for Alembic.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from footcore.errors import StorageError

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

# The newest migration in migrations/versions; a test checks it against Alembic's own head.
HEAD_REVISION = "0006_roster_indexes"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Connections kept open between requests: as many as the web server's worker threads (anyio's
# default limit, 40), since beyond SQLAlchemy's default of 5 every request in a busy moment opened
# a connection (and, for SQLite, ran its pragmas) and closed it again. The CLI holds one.
POOL_SIZE = 40
POOL_OVERFLOW = 10


@dataclass(frozen=True)
class DatabaseUrl:
    url: str  # SQLAlchemy URL with its driver
    sqlite_path: Path | None  # the file, for SQLite

    @property
    def display(self) -> str:
        """The URL without its password, for messages."""
        return re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", self.url)


def data_home() -> Path:
    home = os.environ.get("FOOTCORE_HOME")
    if home:
        return Path(home).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("footcore"))


def resolve_url(option: str | None = None) -> DatabaseUrl:
    raw = option or os.environ.get("FOOTCORE_DATABASE_URL") or ""
    if not raw:
        path = data_home() / "footcore.db"
        return DatabaseUrl(f"sqlite:///{path}", path)
    for prefix in ("postgresql://", "postgres://", "postgresql+psycopg2://"):
        if raw.startswith(prefix):
            return DatabaseUrl("postgresql+psycopg://" + raw[len(prefix) :], None)
    if raw.startswith("postgresql+psycopg://"):
        return DatabaseUrl(raw, None)
    if raw.startswith("sqlite:///"):
        rest = raw[len("sqlite:///") :]
        return DatabaseUrl(raw, Path(rest) if rest and rest != ":memory:" else None)
    raise StorageError(
        f"database URL {raw!r} is not supported; use postgresql://USER@HOST:PORT/DB or "
        "sqlite:///PATH"
    )


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def create_engine_for(db: DatabaseUrl) -> Engine:
    from sqlalchemy import create_engine, event

    if db.sqlite_path is not None:
        try:
            db.sqlite_path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(
                f"cannot create the folder for {db.sqlite_path} ({exc.strerror}); set "
                "FOOTCORE_HOME to a writable folder"
            ) from None
        engine = create_engine(db.url, pool_size=POOL_SIZE, max_overflow=POOL_OVERFLOW)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if db.url.startswith("postgresql"):
        return create_engine(db.url, pool_size=POOL_SIZE, max_overflow=POOL_OVERFLOW)
    return create_engine(db.url)  # SQLite in memory: one connection per thread, SQLAlchemy's own


def current_revision(engine: Engine) -> str | None:
    from sqlalchemy import inspect, text

    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        return None if row is None else str(row[0])


def alembic_config(engine: Engine) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def migrate(engine: Engine, db: DatabaseUrl) -> None:
    """Bring the schema to the newest revision (creating it on an empty database)."""
    from sqlalchemy.exc import SQLAlchemyError

    try:
        if current_revision(engine) == HEAD_REVISION:
            return
        from alembic import command

        command.upgrade(alembic_config(engine), "head")
    except SQLAlchemyError as exc:
        raise StorageError(
            f"the database at {db.display} cannot be reached or migrated: {_first_line(exc)}"
        ) from None


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def open_engine(option: str | None = None) -> tuple[Engine, DatabaseUrl]:
    """The engine for the resolved URL, its schema migrated."""
    db = resolve_url(option)
    engine = create_engine_for(db)
    migrate(engine, db)
    return engine, db
