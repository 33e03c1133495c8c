"""Which planned days are done, partly done or missed: what the plan page marks on past days."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from footcore.adapters.storage.uow import SqlUnitOfWork
from footcore.services.context import open_runner

DONE, PARTLY, MISSED = "done", "partly done", "missed"


def mark(planned: set[str], done: set[str], past: bool) -> str | None:
    """A day's mark: every planned item logged, some of them, or none on a day gone by (a day
    still to come, or today with nothing logged yet, has no mark)."""
    if not planned:
        return None
    logged = planned & done
    if logged == planned:
        return DONE
    if logged:
        return PARTLY
    return MISSED if past else None


def day_marks(uow: SqlUnitOfWork, name: str, as_of: date) -> dict[date, str]:
    """The marks of the plan's days up to `as_of`, read in one transaction."""
    with uow:
        runner = open_runner(uow, name, as_of)
        sessions = uow.calendar.sessions(runner.id, date.min, as_of + timedelta(days=1))
        done: dict[date, set[str]] = defaultdict(set)
        if sessions:
            for lg in uow.programs.logs_between(runner.id, sessions[0].day, as_of):
                done[lg.day].add(lg.slot)
        marks = {}
        for s in sessions:
            found = mark({p.slot for p in s.items}, done[s.day], s.day < as_of)
            if found is not None:
                marks[s.day] = found
        return marks
