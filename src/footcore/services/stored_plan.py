"""The stored plan: weeks on the calendar, each following a week of the generated plan, and the
sessions of every week that has not happened yet.

Re-planning changes only the future: sessions dated before the re-plan day (and any day with a
log) are never rewritten. Weeks can be inserted (a repeat after a missed week or a failed retest)
or removed (a retest passed early); the weeks after them move on the calendar and their sessions are
rebuilt from the generated plan, re-dated. Each stored item carries the dose after adaptation, so
reading a day never regenerates anything.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from footcore.adapters.storage.models import PrescriptionRow, SessionRow, StateRow, WeekRow
from footcore.domain.adaptation import Level, stepped
from footcore.domain.catalog import Dose
from footcore.domain.plan import Week
from footcore.services.coach_overlay import overlay
from footcore.services.context import Runner, dumps

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


def planned_dose(runner: Runner, p: PrescriptionRow) -> Dose:
    ex = runner.catalog.exercises.get(p.exercise)
    base = ex.dose if ex is not None else Dose(sets=p.planned_sets, per_side=p.per_side)
    return replace(
        base,
        sets=p.planned_sets,
        reps=p.planned_reps,
        hold_s=p.planned_hold_s,
        distance_m=p.planned_distance_m,
    )


def base_dose(runner: Runner, p: PrescriptionRow, variant: str) -> Dose:
    """The dose a level counts its steps from: the plan's, or the variant's own default."""
    if variant == p.exercise:
        return planned_dose(runner, p)
    return runner.catalog.get(variant).dose


def adapt_item(runner: Runner, p: PrescriptionRow, state: StateRow | None) -> None:
    """Write the adapted dose, the exercise done and its cues onto one item."""
    level = Level(state.variant, state.step) if state is not None else Level(p.exercise)
    catalog = runner.catalog
    variant = level.variant if level.variant in catalog else p.exercise
    dose = stepped(base_dose(runner, p, variant), level.step, runner.adapt.steps)
    ex = catalog.exercises.get(variant)
    p.exercise_done = variant
    p.name_done = ex.name if ex is not None else p.name
    p.sets, p.reps, p.hold_s, p.distance_m = dose.sets, dose.reps, dose.hold_s, dose.distance_m
    p.tempo, p.per_side, p.rest_s = dose.tempo, dose.per_side, dose.rest_s
    p.cues = dumps(list(ex.cues) if ex is not None else [])
    notes = []
    if variant != p.exercise:
        notes.append(f"{p.name_done} instead of {p.name}")
    if level.step:
        word = "above" if level.step > 0 else "below"
        notes.append(
            f"{abs(level.step)} dose step{'s' if abs(level.step) > 1 else ''} {word} "
            f"{'the plan' if variant == p.exercise else 'its default'}"
        )
    if notes and state is not None:
        notes[-1] += f" (since {state.since.isoformat()})"
    p.adaptation = "; ".join(notes)


def refresh(runner: Runner, slot: str | None, from_day: date) -> None:
    """Re-apply the adapted doses to the items of a slot (None = all) from a day on, skipping any
    item whose day already has a log for it."""
    repo = runner.uow.repo
    states = repo.states(runner.id)
    logged = {(lg.date, lg.slot) for lg in repo.logs_between(runner.id, from_day, from_day)}
    for p, day in repo.slot_items_from(runner.id, slot, from_day):
        if (day, p.exercise) not in logged:
            adapt_item(runner, p, states.get(p.exercise))
    overlay(runner, from_day)  # coaches' edits stay over the adapted doses


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
            for i, item in enumerate(s.items):
                p = PrescriptionRow(
                    athlete_id=runner.id,
                    position=i,
                    exercise=item.exercise,
                    name=item.name,
                    category=item.category.value,
                    load=item.load.value,
                    planned_sets=item.dose.sets,
                    planned_reps=item.dose.reps,
                    planned_hold_s=item.dose.hold_s,
                    planned_distance_m=item.dose.distance_m,
                    tempo=item.dose.tempo,
                    per_side=item.dose.per_side,
                    rest_s=item.dose.rest_s,
                    priority=item.priority,
                    why=item.why,
                    sources=dumps(list(item.sources)),
                )
                adapt_item(runner, p, states.get(item.exercise))
                session.items.append(p)
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


def sources_of(p: PrescriptionRow) -> list[str]:
    return list(json.loads(p.sources))
