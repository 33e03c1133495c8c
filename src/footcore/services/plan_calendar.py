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
from datetime import date, timedelta

from footcore.adapters.storage.models import SessionRow, WeekRow
from footcore.adapters.storage.program_items import item_row
from footcore.domain.plan import Week
from footcore.services.coach_overlay import overlay
from footcore.services.context import Runner
from footcore.services.plan_items import session_items

WEEK = timedelta(days=7)


def end_of(week: WeekRow) -> date:
    return week.start + WEEK


def week_row(runner: Runner, seq: int, start: date, gen: Week, kind: str, note: str) -> WeekRow:
    return WeekRow(
        athlete_id=runner.id,
        seq=seq,
        start=start,
        plan_week=gen.index,
        phase=gen.phase.value,
        cycle=gen.cycle,
        week_in_cycle=gen.week_in_cycle,
        light=gen.light,
        retest=gen.retest,
        kind=kind,
        note=note,
        reviewed=False,
        gate=None,
    )


def store_new_plan(runner: Runner) -> None:
    plan = runner.generated()
    weeks = [week_row(runner, w.index, w.start, w, "planned", "") for w in plan.weeks]
    runner.uow.repo.add_all(weeks)
    runner.uow.repo.flush()
    _build_sessions(runner, weeks, plan.start)


def _build_sessions(runner: Runner, weeks: Sequence[WeekRow], from_day: date) -> None:
    plan = runner.generated()
    states = runner.uow.repo.states(runner.id)
    rows: list[SessionRow] = []
    for w in weeks:
        if end_of(w) <= from_day:
            continue
        gen = plan.weeks[w.plan_week - 1]
        offset = w.start - gen.start
        for s in gen.sessions:
            day = s.date + offset
            if day < from_day:
                continue
            session = SessionRow(athlete_id=runner.id, week_id=w.id, date=day)
            session.items.extend(
                item_row(runner.id, item) for item in session_items(runner, s.items, states)
            )
            rows.append(session)
    runner.uow.repo.add_all(rows)
    runner.uow.repo.flush()
    overlay(runner, from_day)


def safe_from(runner: Runner, day: date) -> date:
    """The first day a re-plan may touch: `day`, but never a day with a log or before it."""
    last = runner.uow.repo.last_log_date(runner.id)
    return max(day, last + timedelta(days=1)) if last is not None else day


def rebuild_from(runner: Runner, day: date) -> None:
    """Rebuild every session from `day` on from the generated plan (after a re-plan)."""
    day = safe_from(runner, day)
    runner.uow.repo.delete_sessions_from(runner.id, day)
    _build_sessions(runner, runner.uow.repo.weeks(runner.id), day)


def _renumber(runner: Runner, weeks: Sequence[WeekRow], shift_seq: int, shift_days: int) -> None:
    # Two passes through a free range of numbers, so the unique (athlete, seq) never collides.
    for w in weeks:
        w.seq = -w.seq
    runner.uow.repo.flush()
    for w in weeks:
        w.seq = -w.seq + shift_seq
        w.start = w.start + timedelta(days=shift_days)
    runner.uow.repo.flush()


def insert_weeks(
    runner: Runner, after: WeekRow, plan_weeks: Sequence[int], kind: str, note: str
) -> None:
    """Insert weeks following the given generated weeks right after `after`; later weeks move."""
    n = len(plan_weeks)
    later = [w for w in runner.uow.repo.weeks(runner.id) if w.seq > after.seq]
    _renumber(runner, later, n, 7 * n)
    plan = runner.generated()
    new = [
        week_row(
            runner, after.seq + 1 + i, end_of(after) + i * WEEK, plan.weeks[pw - 1], kind, note
        )
        for i, pw in enumerate(plan_weeks)
    ]
    runner.uow.repo.add_all(new)
    runner.uow.repo.flush()
    # Days already past keep their sessions as they were (the runner may have been away); they
    # only move to the week that now covers them. Everything from today on is rebuilt.
    first = end_of(after)
    keep_until = safe_from(runner, max(first, runner.as_of))
    weeks = runner.uow.repo.weeks(runner.id)
    for session in runner.uow.repo.sessions_between(runner.id, first, keep_until):
        session.week_id = next(w.id for w in weeks if w.start <= session.date < end_of(w))
    rebuild_from(runner, keep_until)


def remove_weeks(runner: Runner, weeks: Sequence[WeekRow]) -> None:
    """Remove weeks that have not started (a gate passed early); later weeks move back."""
    if not weeks:
        return
    first = min(w.seq for w in weeks)
    start = min(w.start for w in weeks)
    gone = {w.id for w in weeks}
    for w in weeks:
        runner.uow.repo.delete(w)
    runner.uow.repo.flush()
    later = [w for w in runner.uow.repo.weeks(runner.id) if w.seq > first and w.id not in gone]
    _renumber(runner, later, -len(weeks), -7 * len(weeks))
    rebuild_from(runner, start)
