"""The stored items of the plan: each prescription with its dose after adaptation (the slot's level
applied to the planned dose), the exercise done and its cues; kept in step with the levels from a
day on (`refresh`), under the coaches' edits. The rules: domain/program/items.py and refresh.py;
storage: `uow.slots`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from footcore.domain.catalog import Catalog
from footcore.domain.dose_ladder import DoseSteps
from footcore.domain.plan import Prescription
from footcore.domain.program import items
from footcore.domain.program.items import StoredItem
from footcore.domain.program.levels import SlotLevel
from footcore.domain.program.refresh import Relevel, refreshed
from footcore.services.context import Runner
from footcore.services.slot_store import Slots


def session_items(
    runner: Runner, planned: Sequence[Prescription], levels: Mapping[str, SlotLevel]
) -> list[StoredItem]:
    """The stored items of one planned session: the plan's prescriptions, each slot at its
    level."""
    return [
        items.at_level(
            StoredItem.planned(i, p), levels.get(p.exercise), runner.catalog, runner.adapt.steps
        )
        for i, p in enumerate(planned)
    ]


def keep_in_step(
    slots: Slots,
    athlete_id: int,
    from_day: date,
    catalog: Catalog,
    steps: DoseSteps,
    slot: str | None = None,
    relevel: bool = True,
) -> None:
    """Re-apply the levels to the items of a slot (None = all) from a day on (unless `relevel`
    is False), then lay the coaches' edits over every item from that day; a day with a log for
    a slot keeps that slot's item."""
    edits = slots.edits(athlete_id)
    if not edits and not relevel:
        return
    # Without edits only the slot's own items can change: read no others.
    dated = slots.items(athlete_id, from_day, slot=None if edits else slot)
    levels = Relevel(slots.levels(athlete_id), slot) if relevel else None
    change = refreshed(dated, slots.logged(athlete_id, from_day), edits, catalog, steps, levels)
    if change.changed or change.removed:
        slots.write(athlete_id, change)


def refresh(runner: Runner, slot: str | None, from_day: date) -> None:
    """Re-apply the adapted doses to the items of a slot (None = all) from a day on, skipping any
    item whose day already has a log for it; the coaches' edits stay over them."""
    keep_in_step(runner.uow.slots, runner.id, from_day, runner.catalog, runner.adapt.steps, slot)
