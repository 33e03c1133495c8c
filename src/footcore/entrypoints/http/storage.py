"""The app's database: one engine, opened (and migrated) on the first request that needs it, and
a fresh unit of work per request, since a unit of work holds one session and requests run on
several threads at once."""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from footcore.errors import NotFoundError

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from footcore.adapters.storage.database import DatabaseUrl
    from footcore.adapters.storage.uow import SqlUnitOfWork


class OnboardingNeeded(NotFoundError):
    """No runner is stored yet: pages send the browser to onboarding, the API answers 404."""


@dataclass(frozen=True)
class Opened:
    engine: Engine
    db: DatabaseUrl
    stamped: tuple[str, ...]  # for SQLite, the file and its write-ahead log (see signature)


class Storage:
    def __init__(self, url: str | None) -> None:
        self._url = url
        self._lock = threading.Lock()
        self._opened: Opened | None = None
        self._known: set[str] = set()
        # Bumped by every write this app makes; part of the keys of cached pages.
        self.version = 0

    def _open(self) -> Opened:
        opened = self._opened
        if opened is None:
            with self._lock:
                if self._opened is None:
                    from footcore.adapters.storage.database import open_engine

                    engine, db = open_engine(self._url)
                    path = db.sqlite_path
                    stamped = () if path is None else (str(path), f"{path}-wal")
                    self._opened = Opened(engine, db, stamped)
                opened = self._opened
        return opened

    def uow(self) -> SqlUnitOfWork:
        from footcore.adapters.storage.uow import SqlUnitOfWork

        opened = self._open()
        return SqlUnitOfWork(opened.engine, opened.db)

    @property
    def sqlite_path(self) -> Path | None:
        return self._open().db.sqlite_path

    def changed(self) -> None:
        self.version += 1

    def signature(self) -> tuple[object, ...] | None:
        """A value that changes whenever the database does: this app's writes and, for SQLite,
        any process's (the file and its write-ahead log change on every commit). None for a
        server database, whose pages are then never cached."""
        stamped = self._open().stamped  # asked on every request: the names are made once
        if not stamped:
            return None
        stamps: list[object] = [self.version]
        for f in stamped:
            try:
                st = os.stat(f)
                stamps.append((st.st_ino, st.st_size, st.st_mtime_ns))
            except OSError:
                stamps.append(None)
        return tuple(stamps)

    def knows(self, name: str) -> bool:
        """Whether the runner is known to exist, without asking the database."""
        return name in self._known

    def has_athlete(self, name: str) -> bool:
        """Whether the runner exists; remembered once true (the web never deletes a runner)."""
        if name in self._known:
            return True
        uow = self.uow()
        with uow:
            found = uow.repo.athlete(name) is not None
        if found:
            self._known.add(name)
        return found

    def require_athlete(self, name: str) -> None:
        if not self.has_athlete(name):
            raise OnboardingNeeded(
                f"no runner '{name}' yet: create one with POST /api/athlete (or at /onboarding)"
            )

    def dispose(self) -> None:
        if self._opened is not None:
            self._opened.engine.dispose()
            self._opened = None
