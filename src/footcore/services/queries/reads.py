"""The read model's answers: a day and a week of the stored plan, each by the one choice of path.

Two paths answer, with the same SQL (sql.py):
- the fast path reads an SQLite file directly, read-only and without SQLAlchemy, when the file is
  at the schema's head revision, the runner is known and no week has ended unreviewed;
- otherwise the unit of work path: the training use case settles the weeks that ended (a write,
  one transaction) and then reads over its own connection (services/training.day and week).

`_answer` is the only place that chooses; the CLI, the web pages and the API all come here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from footcore.services.queries.day_view import DayView
from footcore.services.queries.sql import Db, read_day, read_fresh, read_week

if TYPE_CHECKING:
    from footcore.adapters.storage.uow import SqlUnitOfWork

T = TypeVar("T")


class Store(Protocol):
    """Where the plan is stored: the SQLite file when it is one, and a fresh unit of work."""

    @property
    def sqlite_path(self) -> Path | None: ...

    def uow(self) -> SqlUnitOfWork: ...


@dataclass(frozen=True)
class UrlStore:
    """The database a command names by URL; finding the SQLite file opens no engine."""

    url: str | None
    open_uow: Callable[[str | None], SqlUnitOfWork]

    @property
    def sqlite_path(self) -> Path | None:
        from footcore.adapters.storage.database import resolve_url

        return resolve_url(self.url).sqlite_path

    def uow(self) -> SqlUnitOfWork:
        return self.open_uow(self.url)


def _answer(
    store: Store,
    name: str,
    as_of: date,
    fast: Callable[[Db, int, str], T],
    settled: Callable[[SqlUnitOfWork], T],
) -> T:
    path = store.sqlite_path
    if path is not None and path.exists():
        found = read_fresh(str(path), name, as_of, fast)
        if found is not None:
            return found
    return settled(store.uow())


def day(store: Store, name: str, day_: date, as_of: date) -> DayView:
    """The stored session of `day_` with adapted doses, cues, decisions and load restrictions."""

    def settled(uow: SqlUnitOfWork) -> DayView:
        from footcore.services import training

        return training.day(uow, name, day_, as_of)

    return _answer(store, name, as_of, lambda db, aid, who: read_day(db, aid, who, day_), settled)


def week(store: Store, name: str, day_: date, as_of: date) -> list[DayView]:
    """The seven days of the plan's week around `day_`, as `day` shows each."""

    def settled(uow: SqlUnitOfWork) -> list[DayView]:
        from footcore.services import training

        return training.week(uow, name, day_, as_of)

    return _answer(store, name, as_of, lambda db, aid, who: read_week(db, aid, who, day_), settled)
