"""The stored items of the plan: each prescription with its dose after adaptation (the slot's level
applied to the planned dose), the exercise done and its cues; kept in step with the levels from a
day on (`refresh`), under the coaches' edits."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

from footcore.adapters.storage.models import PrescriptionRow, StateRow
from footcore.domain.adaptation import Level, stepped
from footcore.domain.catalog import Dose
from footcore.domain.plan import Prescription
from footcore.services.coach_overlay import overlay
from footcore.services.context import Runner, dumps


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


def session_items(
    runner: Runner, planned: Sequence[Prescription], states: Mapping[str, StateRow]
) -> list[PrescriptionRow]:
    """The stored items of one planned session: the plan's prescriptions with their adapted
    doses (each slot at its level)."""
    rows = []
    for i, item in enumerate(planned):
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
        rows.append(p)
    return rows


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
