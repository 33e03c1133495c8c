"""The stored items of the plan: each prescription with its dose after adaptation (the slot's level
applied to the planned dose), the exercise done and its cues; kept in step with the levels from a
day on (`refresh`), under the coaches' edits."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from footcore.adapters.storage.models import PrescriptionRow, StateRow
from footcore.adapters.storage.program_items import stored_item, write_adapted
from footcore.domain.adaptation import Level
from footcore.domain.catalog import Dose
from footcore.domain.plan import Prescription
from footcore.domain.program import items
from footcore.domain.program.items import StoredItem
from footcore.services.coach_overlay import overlay
from footcore.services.context import Runner


def planned_dose(runner: Runner, p: PrescriptionRow) -> Dose:
    return items.planned_dose(stored_item(p), runner.catalog)


def base_dose(runner: Runner, p: PrescriptionRow, variant: str) -> Dose:
    """The dose a level counts its steps from: the plan's, or the variant's own default."""
    return items.base_dose(stored_item(p), variant, runner.catalog)


def adapt_item(runner: Runner, p: PrescriptionRow, state: StateRow | None) -> None:
    """Write the adapted dose, the exercise done and its cues onto one item."""
    level = Level(state.variant, state.step) if state is not None else None
    since = state.since if state is not None else None
    write_adapted(
        p, items.adapted(stored_item(p), level, since, runner.catalog, runner.adapt.steps)
    )


def session_items(
    runner: Runner, planned: Sequence[Prescription], states: Mapping[str, StateRow]
) -> list[StoredItem]:
    """The stored items of one planned session: the plan's prescriptions, each slot at its
    level."""
    out = []
    for i, p in enumerate(planned):
        state = states.get(p.exercise)
        level = Level(state.variant, state.step) if state is not None else None
        since = state.since if state is not None else None
        out.append(
            items.adapted(
                StoredItem.planned(i, p), level, since, runner.catalog, runner.adapt.steps
            )
        )
    return out


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
