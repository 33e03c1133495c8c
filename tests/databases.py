"""Fresh test databases, made cheaply: migrating a schema costs about a second per database and
PostgreSQL's CREATE/DROP DATABASE another second or two each, which added up to minutes.

- SQLite: one file is migrated per test process; each test gets a copy of it.
- PostgreSQL: one database is migrated per test process and used as the TEMPLATE of each test's
  database, whose commits do not wait for the disk. A background thread keeps a few of them made
  ahead and drops the used ones, so a test waits neither for CREATE nor for DROP DATABASE.
"""

from __future__ import annotations

import os
import queue
import shutil
import threading
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from footcore.adapters.storage.uow import SqlUnitOfWork

AHEAD = 2  # databases made ahead of need (each is a few MB on disk)
# A test database need not survive a crash of the server: its commits do not wait for the disk
# (about 9 ms each here). Atomicity and isolation are unchanged. A database's settings are not
# copied from its template, so each one gets it.
NO_COMMIT_WAIT = 'ALTER DATABASE "{name}" SET synchronous_commit = off'


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))


def libpq(url: str) -> str:
    """A URL psycopg accepts (no SQLAlchemy driver suffix)."""
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def migrate(url: str) -> None:
    SqlUnitOfWork.connect(url).dispose()


class SqliteTemplate:
    """A migrated SQLite file, copied for each test that wants a fresh database."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "template.db"
        migrate(f"sqlite:///{self.path}")

    def copy_to(self, target: Path) -> str:
        shutil.copyfile(self.path, target)
        return f"sqlite:///{target}"


class PostgresPool:
    """Migrated databases cloned from one template, made and dropped by a background thread."""

    def __init__(self, server_url: str) -> None:
        import psycopg

        self.admin = libpq(server_url)
        tag = f"{os.getpid()}_{uuid.uuid4().hex[:8]}"
        self.prefix = f"footcore_test_{tag}"
        self.template = f"footcore_template_{tag}"
        with psycopg.connect(self.admin, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{self.template}"')
            conn.execute(NO_COMMIT_WAIT.format(name=self.template))
        migrate(with_database(self.admin, self.template))
        self.ready: queue.Queue[str] = queue.Queue()
        self.work: queue.Queue[tuple[str, str] | None] = queue.Queue()
        self.errors: list[BaseException] = []
        self.thread = threading.Thread(target=self._serve, name="postgres-pool", daemon=True)
        self.thread.start()
        for _ in range(AHEAD):
            self.work.put(("create", self._name()))

    def _name(self) -> str:
        return f"{self.prefix}_{uuid.uuid4().hex[:12]}"

    def _serve(self) -> None:
        import psycopg

        with psycopg.connect(self.admin, autocommit=True) as conn:
            while (job := self.work.get()) is not None:
                kind, name = job
                try:
                    if kind == "create":
                        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"')
                        conn.execute(NO_COMMIT_WAIT.format(name=name))
                        self.ready.put(name)
                    else:
                        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                except BaseException as exc:  # handed to the test that waits, never lost
                    self.errors.append(exc)
                    if kind == "create":
                        self.ready.put("")

    def take(self) -> str:
        """A fresh, migrated database's URL; another is made ahead in its place."""
        self.work.put(("create", self._name()))
        name = self.ready.get(timeout=120)
        if not name:
            raise RuntimeError(f"could not create a test database: {self.errors[-1]}")
        return with_database(self.admin, name)

    def give_back(self, url: str) -> None:
        self.work.put(("drop", urlsplit(url).path.lstrip("/")))

    def close(self) -> None:
        import psycopg

        self.work.put(None)
        self.thread.join(timeout=300)
        with psycopg.connect(self.admin, autocommit=True) as conn:
            while not self.ready.empty():
                if name := self.ready.get():
                    conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'DROP DATABASE IF EXISTS "{self.template}" WITH (FORCE)')


def create_empty(server_url: str) -> str:
    """A fresh database with no schema at all (for the tests of the migrations themselves)."""
    import psycopg

    admin = libpq(server_url)
    name = f"footcore_empty_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
        conn.execute(NO_COMMIT_WAIT.format(name=name))
    return with_database(admin, name)


def drop(server_url: str, url: str) -> None:
    import psycopg

    with psycopg.connect(libpq(server_url), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{urlsplit(url).path.lstrip("/")}" WITH (FORCE)')
