"""Where the runner stands: phase, cycle and week; adherence; each exercise's dose and last
decision; active warnings."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from footcore.domain.program import calendar
from footcore.domain.program.items import StoredItem
from footcore.domain.program.weeks import failed_in_a_row
from footcore.services.context import Runner

DAY = timedelta(days=1)


@dataclass(frozen=True)
class ExerciseStatus:
    exercise: str
    exercise_done: str
    name: str
    sets: int
    reps: int | None
    hold_s: int | None
    distance_m: int | None
    tempo: str | None
    per_side: bool
    adaptation: str
    decision: dict[str, Any] | None


@dataclass(frozen=True)
class StatusView:
    athlete: str
    as_of: date
    week: dict[str, Any] | None
    weeks_total: int
    adherence_week: tuple[int, int]
    adherence_overall: tuple[int, int]
    exercises: list[ExerciseStatus] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    paused: str | None = None
    cleared: dict[str, Any] | None = None  # the last cleared pause: date, by (None before 0003)
    checkins: list[dict[str, Any]] = field(default_factory=list)  # the latest, newest first
    plan_start: date | None = None  # the plan's first and last days
    plan_end: date | None = None


def _adherence(runner: Runner, start: date, end: date) -> tuple[int, int]:
    repo = runner.uow.repo
    if end < start:
        return 0, 0
    return repo.logged_items(runner.id, start, end), repo.count_items(runner.id, start, end)


def status(runner: Runner) -> StatusView:
    repo = runner.uow.repo
    as_of = runner.as_of
    weeks = runner.uow.calendar.weeks(runner.id)
    week = calendar.covering(weeks, as_of)
    plan = repo.plan(runner.id)
    week_dict = None
    exercises: list[ExerciseStatus] = []
    if week is not None:
        week_dict = {
            "seq": week.seq,
            "plan_week": week.plan_week,
            "start": week.start.isoformat(),
            "phase": week.phase,
            "cycle": week.cycle,
            "week_in_cycle": week.week_in_cycle,
            "light": week.light,
            "retest": week.retest,
            "kind": week.kind,
            "note": week.note,
        }
        # Each exercise of the week at its next dose (or its last one when none is left).
        upcoming: dict[str, StoredItem] = {}
        past: dict[str, StoredItem] = {}
        for s in runner.uow.calendar.sessions(runner.id, week.start, week.end):
            for p in s.items:
                if s.day >= as_of:
                    upcoming.setdefault(p.slot, p)
                else:
                    past[p.slot] = p
        latest = {d.slot: d for d in runner.uow.slots.decisions(runner.id, None)}
        for slot, p in (past | upcoming).items():
            d = latest.get(slot)
            exercises.append(
                ExerciseStatus(
                    slot,
                    p.exercise_done,
                    p.name_done,
                    p.dose.sets,
                    p.dose.reps,
                    p.dose.hold_s,
                    p.dose.distance_m,
                    p.dose.tempo,
                    p.dose.per_side,
                    p.adaptation,
                    None
                    if d is None
                    else {
                        "kind": d.kind,
                        "date": d.date.isoformat(),
                        "made_at": d.made_at.isoformat() if d.made_at else None,
                        "reason": d.reason,
                        "sources": list(d.sources),
                    },
                )
            )
    start = plan.start if plan is not None else as_of
    pause = runner.pause()
    return StatusView(
        athlete=runner.athlete.name,
        as_of=as_of,
        week=week_dict,
        weeks_total=len(weeks),
        adherence_week=_adherence(runner, week.start, as_of) if week else (0, 0),
        adherence_overall=_adherence(runner, start, as_of),
        exercises=exercises,
        warnings=warnings(runner, week_dict),
        paused=pause.message if pause is not None else None,
        cleared=_cleared(runner),
        checkins=latest_checkins(runner),
        plan_start=weeks[0].start if weeks else None,
        plan_end=max(w.start for w in weeks) + 6 * DAY if weeks else None,
    )


def _cleared(runner: Runner) -> dict[str, Any] | None:
    last = runner.uow.programs.last_cleared(runner.id)
    if last is None:
        return None
    return {"date": last.cleared.isoformat(), "by": last.by, "started": last.started.isoformat()}


def latest_checkins(runner: Runner) -> list[dict[str, Any]]:
    """The latest morning check-ins up to today, newest first."""
    rows = runner.uow.programs.checkins_until(runner.id, runner.as_of)
    return [
        {
            "date": c.day.isoformat(),
            "area": c.area,
            "morning_pain": c.morning_pain,
            "stiffness": c.stiffness,
            "symptoms": list(c.symptoms),
        }
        for c in reversed(rows[-runner.limits.latest_checkins :])
    ]


def warnings(runner: Runner, week: dict[str, Any] | None) -> list[str]:
    repo = runner.uow.repo
    out: list[str] = []
    pause = runner.pause()
    if pause is not None:
        out.append("program paused: " + pause.message)
    plan = repo.plan(runner.id)
    if plan is not None:
        out += json.loads(plan.warnings)
    failed = failed_in_a_row(runner.uow.calendar.retests(runner.id))
    if failed >= runner.gates.clinician_after:
        out.append(
            f"{failed} retests in a row did not open the next phase: please see a "
            "physiotherapist or sports doctor, who can tailor the program to you"
        )
    if week is not None:
        if week["kind"] != "planned" and week["note"]:
            out.append(f"this week: {week['note']}")
        if week["retest"]:
            out.append(
                "retest week: do the assessment battery again by the end of the week and "
                "record it as a retest"
            )
    limits = runner.limits
    recent = [
        d
        for d in runner.uow.slots.decisions(runner.id, None)
        if d.date >= runner.as_of - limits.recent_days * DAY and d.kind == "regress"
    ]
    for d in recent[-limits.recent_reductions :]:
        name = runner.catalog.name_of(d.slot)
        out.append(f"{name} reduced after the session of {d.date.isoformat()}: {d.reason}")
    return out
