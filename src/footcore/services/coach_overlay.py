"""Laying coaches' edits over the stored sessions: after every rebuild or refresh of the plan's
items, each active edit rewrites the items of its slot from its first day, and says so to the
athlete ("changed by your coach: ..."). A coach's edit overrides the automatic adaptation of
that slot while it stands."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import select

from footcore.adapters.storage.coach_models import CoachEditRow
from footcore.adapters.storage.models import PrescriptionRow
from footcore.domain.program.calendar import ProgramWeek
from footcore.services.context import Runner, dumps

PREFIX = "changed by your coach: "


def active_edits(runner: Runner) -> list[CoachEditRow]:
    session = runner.uow.repo.session
    return list(
        session.scalars(
            select(CoachEditRow)
            .where(CoachEditRow.athlete_id == runner.id, CoachEditRow.ended.is_(None))
            .order_by(CoachEditRow.id)
        )
    )


def overlay(runner: Runner, from_day: date) -> None:
    """Apply the athlete's active edits to their items from `from_day` on."""
    edits = active_edits(runner)
    if not edits:
        return
    repo = runner.uow.repo
    logged = {(lg.date, lg.slot) for lg in repo.logs_between(runner.id, from_day, from_day)}
    slots = {e.slot for e in edits}
    for p, day in repo.slot_items_from(runner.id, None, from_day):
        if p.exercise not in slots or (day, p.exercise) in logged:
            continue
        for e in edits:
            if e.slot == p.exercise and day >= e.from_day:
                _apply(runner, p, e)


def _apply(runner: Runner, p: PrescriptionRow, e: CoachEditRow) -> None:
    catalog = runner.catalog
    why = f" ({e.reason})" if e.reason else ""
    if e.kind == "swap":
        ex = catalog.get(e.value)
        p.exercise_done, p.name_done = ex.id, ex.name
        d = ex.dose
        p.sets, p.reps, p.hold_s, p.distance_m = d.sets, d.reps, d.hold_s, d.distance_m
        p.tempo, p.per_side, p.rest_s = d.tempo, d.per_side, d.rest_s
        p.cues = dumps(list(ex.cues))
        what = f"{ex.name} instead of {p.name}"
    elif e.kind == "dose":
        dose = json.loads(e.value)
        p.sets = int(dose.get("sets") or p.sets)
        p.reps = dose.get("reps", p.reps)
        p.hold_s = dose.get("hold_s", p.hold_s)
        what = f"dose set to {_dose_words(p)}"
    elif e.kind == "exclude":
        runner.uow.repo.delete(p)  # left out of the session; the edit itself says why
        return
    else:
        what = f"note: {e.value}"
    note = PREFIX + what + why
    # applied again after every refresh: keep the automatic notes, replace the coach's
    own = [part for part in p.adaptation.split("; ") if part and not part.startswith(PREFIX)]
    p.adaptation = "; ".join([*own, note])


def _dose_words(p: PrescriptionRow) -> str:
    parts = [f"{p.sets} sets"]
    if p.reps:
        parts.append(f"{p.reps} reps")
    if p.hold_s:
        parts.append(f"{p.hold_s} s holds")
    return " × ".join(parts)


def coach_part(text: str) -> str:
    """The coach's part of an item's adaptation or a week's note ("" when none): it is always
    written last, so it runs from its prefix to the end (a reason may hold any punctuation)."""
    at = text.find(PREFIX)
    return text[at:].replace("\n", "; ") if at >= 0 else ""


def left_out(
    runner: Runner,
    edits: list[CoachEditRow],
    week: ProgramWeek,
    day: date,
    present: set[str],
) -> tuple[str, ...]:
    """The coach's exclusions of a stored day, as notes: each excluded exercise the generated
    plan has on that day and the stored day no longer has."""
    excluded = [e for e in edits if e.kind == "exclude" and day >= e.from_day]
    if not excluded:
        return ()
    gen = runner.generated().weeks[week.plan_week - 1]
    offset = week.start - gen.start
    planned = next((s for s in gen.sessions if s.date + offset == day), None)
    if planned is None:
        return ()
    names = {p.exercise: p.name for p in planned.items}
    return tuple(
        f"{PREFIX}{names[e.slot]} left out ({e.reason})"
        for e in excluded
        if e.slot in names and e.slot not in present
    )
