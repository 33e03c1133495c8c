"""Laying coaches' edits over the stored sessions: after every rebuild or refresh of the plan's
items, each active edit rewrites the items of its slot from its first day, and says so to the
athlete ("changed by your coach: ..."). A coach's edit overrides the automatic adaptation of
that slot while it stands. How an edit rewrites an item: domain/program/overlay.py."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Protocol

from footcore.domain.program.overlay import PREFIX, CoachEdit, coach_part
from footcore.services.context import Runner
from footcore.services.plan_items import keep_in_step

__all__ = ["PREFIX", "active_edits", "coach_part", "left_out", "overlay"]


def active_edits(runner: Runner) -> list[CoachEdit]:
    return runner.uow.slots.edits(runner.id)


def overlay(runner: Runner, from_day: date) -> None:
    """Apply the athlete's active edits to their items from `from_day` on."""
    keep_in_step(
        runner.uow.slots, runner.id, from_day, runner.catalog, runner.adapt.steps, relevel=False
    )


class StoredWeek(Protocol):
    """A stored week as `left_out` reads it: the generated week it follows, and its start."""

    @property
    def plan_week(self) -> int: ...
    @property
    def start(self) -> date: ...


def left_out(
    runner: Runner,
    edits: Sequence[CoachEdit],
    week: StoredWeek,
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
