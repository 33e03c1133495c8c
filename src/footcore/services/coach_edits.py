"""Coaches' edits of an athlete's plan: swap an exercise for another of the library, set a dose,
leave one out, or add a note, each with its reason, from the next day on (the past and today
stay as they were). Every edit is audited; the athlete sees it as "changed by your coach: ..."."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Protocol

from footcore.adapters.limits_file import limits
from footcore.adapters.program_limits_file import load_program_limits
from footcore.adapters.storage.uow import SqlUnitOfWork
from footcore.domain.program.overlay import CoachEdit
from footcore.errors import InputError
from footcore.services.accounts import audit, repo
from footcore.services.coach_overlay import active_edits
from footcore.services.context import open_runner
from footcore.services.plan_items import refresh

KINDS = ("swap", "dose", "exclude", "note")
# What a coach may set as a dose (data/program_limits.toml [coach_edit]); the API's schema reads it.
LIMITS = load_program_limits().coach_edit


@dataclass(frozen=True)
class EditView:
    id: int
    exercise: str
    kind: str
    value: str
    reason: str
    by: str
    from_day: date


def _value(kind: str, to: str | None, dose: dict[str, int | None], note: str | None) -> str:
    if kind == "swap":
        if not to:
            raise InputError("name the exercise to swap in (an id of the library)", "to")
        return to
    if kind == "dose":
        clean = {k: v for k, v in dose.items() if v is not None}
        if not clean:
            raise InputError("give sets, reps or hold_s", "sets")
        for key, v in clean.items():
            low, high = LIMITS[key]
            if not low <= v <= high:
                raise InputError(f"{v} is outside {low}-{high}", key)
        return json.dumps(clean, sort_keys=True)
    if kind == "note":
        if not (note or "").strip():
            raise InputError("write the note", "note")
        return (note or "").strip()[: limits().coach_note_chars]
    return ""


def edit(
    uow: SqlUnitOfWork,
    now: datetime,
    actor: str,
    athlete: str,
    kind: str,
    exercise: str,
    reason: str,
    as_of: date,
    to: str | None = None,
    dose: dict[str, int | None] | None = None,
    note: str | None = None,
) -> EditView:
    if kind not in KINDS:
        raise InputError(f"unknown edit '{kind}'; accepted: {', '.join(KINDS)}", "kind")
    if not reason.strip():
        raise InputError("say why: the athlete sees the reason with the change", "reason")
    value = _value(kind, to, dose or {}, note)
    start = as_of + timedelta(days=1)
    with uow:
        runner = open_runner(uow, athlete, as_of)
        if kind == "swap":
            runner.catalog.get(value)  # an exercise of the library, else 404
        if not uow.slots.items(runner.id, start, slot=exercise):
            raise InputError(f"'{exercise}' is not in the plan from {start}", "exercise")
        stored = uow.slots.add_edit(
            runner.id,
            CoachEdit(
                0,
                exercise,
                kind,
                value,
                reason.strip()[: limits().coach_reason_chars],
                actor,
                start,
            ),
            now,
        )
        refresh(runner, exercise, start)
        audit(
            repo(uow),
            now,
            actor,
            "coach.edit",
            athlete,
            f"{kind} {exercise}{' -> ' + value if value else ''} from {start}",
            reason,
        )
        uow.commit()
        return view(stored)


def edits(uow: SqlUnitOfWork, athlete: str, as_of: date) -> list[EditView]:
    with uow:
        return [view(e) for e in active_edits(open_runner(uow, athlete, as_of))]


class EditLike(Protocol):
    """A coach's edit as stored (domain/program/overlay.CoachEdit, or its row)."""

    @property
    def id(self) -> int: ...
    @property
    def slot(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def value(self) -> str: ...
    @property
    def reason(self) -> str: ...
    @property
    def actor(self) -> str: ...
    @property
    def from_day(self) -> date: ...


def view(e: EditLike) -> EditView:
    return EditView(e.id, e.slot, e.kind, e.value, e.reason, e.actor, e.from_day)
