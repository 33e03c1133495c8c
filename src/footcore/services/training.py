"""The training use cases, one transaction each: init, profile, today/week, log, session,
check-in, retest, status, clear, export and import. `init` and the profile's use cases live in
services/profiles.py, `clear` in services/clearance.py; their names stay importable from here,
where the entrypoints find every training use case.

Every function takes a unit of work, the runner's name and the day it is (`as_of`), does its work
and commits; an error leaves nothing written. Red flags are stored (the program pauses) and then
raised as RedFlagError, so the entrypoint shows the referral and exits 3.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, TypeVar

from footcore.adapters.storage.uow import SqlUnitOfWork
from footcore.domain.assessment import Results
from footcore.services.clearance import clear
from footcore.services.context import DEFAULT_ATHLETE, Runner
from footcore.services.logbook import (
    CheckedIn,
    LogEntry,
    Logged,
    log_many,
)
from footcore.services.logbook import checkin as _checkin
from footcore.services.logbook import log_exercise as _log
from footcore.services.profiles import init, profile_set, profile_show
from footcore.services.queries.day_view import DayView
from footcore.services.queries.sql import db_from, read_day, read_week
from footcore.services.retesting import Retested
from footcore.services.retesting import retest as _retest
from footcore.services.status import StatusView
from footcore.services.status import status as _status
from footcore.services.use_case import in_transaction
from footcore.services.weekly import catch_up

__all__ = [
    "DEFAULT_ATHLETE",
    "CheckedIn",
    "LogEntry",
    "Logged",
    "Retested",
    "StatusView",
    "checkin",
    "clear",
    "day",
    "export",
    "import_data",
    "init",
    "log",
    "log_session",
    "profile_set",
    "profile_show",
    "retest",
    "status",
    "week",
]

T = TypeVar("T")


def log(uow: SqlUnitOfWork, name: str, entry: LogEntry, as_of: date) -> Logged:
    return in_transaction(uow, name, as_of, lambda runner: _log(runner, entry))


def log_session(
    uow: SqlUnitOfWork, name: str, entries: Sequence[LogEntry], as_of: date
) -> list[Logged]:
    """Log a whole session at once: all of it is stored, or none of it."""
    return in_transaction(uow, name, as_of, lambda runner: log_many(runner, entries))


def checkin(
    uow: SqlUnitOfWork,
    name: str,
    day_: date,
    morning_pain: int,
    area: str,
    symptoms: Sequence[str],
    as_of: date,
    stiffness: int | None = None,
) -> CheckedIn:
    return in_transaction(
        uow,
        name,
        as_of,
        lambda runner: _checkin(runner, day_, morning_pain, area, symptoms, stiffness),
    )


def retest(
    uow: SqlUnitOfWork, name: str, results: Results, raw: dict[str, Any], as_of: date
) -> Retested:
    return in_transaction(uow, name, as_of, lambda runner: _retest(runner, results, raw))


def status(uow: SqlUnitOfWork, name: str, as_of: date) -> StatusView:
    def work(runner: Runner) -> StatusView:
        catch_up(runner)
        return _status(runner)

    return in_transaction(uow, name, as_of, work)


def _views(uow: SqlUnitOfWork, name: str, as_of: date, read: Callable[[Any, int], T]) -> T:
    def work(runner: Runner) -> T:
        catch_up(runner)
        runner.uow.repo.flush()
        conn = runner.uow.repo.session.connection()
        return read(db_from(conn.connection.dbapi_connection, conn.dialect.name), runner.id)

    return in_transaction(uow, name, as_of, work)


def day(uow: SqlUnitOfWork, name: str, day_: date, as_of: date) -> DayView:
    """The stored session of a day with adapted doses (after settling ended weeks)."""
    return _views(uow, name, as_of, lambda db, aid: read_day(db, aid, name, day_))


def week(uow: SqlUnitOfWork, name: str, day_: date, as_of: date) -> list[DayView]:
    return _views(uow, name, as_of, lambda db, aid: read_week(db, aid, name, day_))


def export(uow: SqlUnitOfWork, name: str, as_of: date) -> str:
    from footcore.adapters.storage.transfer import export as _export

    return in_transaction(uow, name, as_of, lambda runner: _export(uow, runner.athlete))


def import_data(uow: SqlUnitOfWork, text: str, label: str, name: str | None) -> str:
    from footcore.adapters.storage.transfer import import_data as _import

    with uow:
        athlete = _import(uow, text, label, name)
        uow.commit()
        return athlete.name
