"""The stored plan: weeks on the calendar, each following a week of the generated plan, and the
sessions of every week that has not happened yet.

Re-planning changes only the future: sessions dated before the re-plan day (and any day with a
log) are never rewritten. Weeks can be inserted (a repeat after a missed week or a failed retest)
or removed (a retest passed early); the weeks after them move on the calendar and their sessions are
rebuilt from the generated plan, re-dated. Each stored item carries the dose after adaptation, so
reading a day never regenerates anything.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from footcore.domain.program import calendar
from footcore.domain.program.calendar import ProgramWeek, Rewrite, StoredSession
from footcore.services.coach_overlay import overlay
from footcore.services.context import Runner
from footcore.services.plan_items import session_items


def store_new_plan(runner: Runner) -> None:
    plan = runner.generated()
    weeks = [ProgramWeek.following(w.index, w.start, w, "planned", "") for w in plan.weeks]
    runner.uow.calendar.apply(runner.id, Rewrite.fresh(weeks))
    _build_sessions(runner, weeks, plan.start)


def _build_sessions(runner: Runner, weeks: Sequence[ProgramWeek], from_day: date) -> None:
    plan = runner.generated()
    states = runner.uow.slots.levels(runner.id)
    days = calendar.days_to_build(weeks, plan.weeks, from_day)
    runner.uow.calendar.add_sessions(
        runner.id,
        [
            StoredSession(d.seq, d.day, tuple(session_items(runner, d.planned.items, states)))
            for d in days
        ],
    )
    overlay(runner, from_day)


def safe_from(runner: Runner, day: date) -> date:
    """The first day a re-plan may touch: `day`, but never a day with a log or before it."""
    return calendar.safe_from(day, runner.uow.calendar.last_log(runner.id))


def rebuild_from(runner: Runner, day: date) -> None:
    """Rebuild every session from `day` on from the generated plan (after a re-plan)."""
    day = safe_from(runner, day)
    runner.uow.calendar.delete_sessions_from(runner.id, day)
    _build_sessions(runner, runner.uow.calendar.weeks(runner.id), day)


def insert_weeks(
    runner: Runner,
    after: ProgramWeek,
    plan_weeks: Sequence[int],
    kind: str,
    note: str,
    reviewed: int = 0,
) -> None:
    """Insert weeks following the given generated weeks right after `after`; later weeks move.
    The first `reviewed` of them are already reviewed (weeks the runner was away for)."""
    stored = runner.uow.calendar
    gen = runner.generated().weeks
    new = [
        replace(ProgramWeek.following(0, after.end, gen[pw - 1], kind, note), reviewed=i < reviewed)
        for i, pw in enumerate(plan_weeks)
    ]
    change = calendar.insert_after(stored.weeks(runner.id), after.seq, new)
    stored.apply(runner.id, change)
    # Days already past keep their sessions as they were (the runner may have been away); they
    # only move to the week that now covers them. Everything from today on is rebuilt.
    first = after.end
    keep_until = safe_from(runner, max(first, runner.as_of))
    days = stored.session_days(runner.id, first, keep_until)
    stored.assign_sessions(runner.id, calendar.weeks_of(change.weeks, days))
    rebuild_from(runner, keep_until)


def remove_weeks(runner: Runner, weeks: Sequence[ProgramWeek]) -> None:
    """Remove weeks that have not started (a gate passed early); later weeks move back."""
    if not weeks:
        return
    stored = runner.uow.calendar
    change = calendar.remove(stored.weeks(runner.id), {w.seq for w in weeks})
    stored.apply(runner.id, change)
    rebuild_from(runner, min(w.start for w in weeks))
