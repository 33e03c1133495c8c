"""The stored items of a program: each prescription of a planned day as the plan made it, and the
dose after adaptation (the slot's level applied to it), the exercise done and its cues."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from footcore.domain.adaptation import Level
from footcore.domain.catalog import Catalog, Dose
from footcore.domain.dose_ladder import DoseSteps, stepped
from footcore.domain.plan import Prescription
from footcore.domain.program.levels import SlotLevel


@dataclass(frozen=True)
class StoredItem:
    """One prescription of a planned session. `slot` is the planned exercise; `exercise_done`,
    `dose`, `cues` and `adaptation` say what to do now, after the slot's level (and a coach's
    edit) were applied. The planned dose is kept apart, so a level always counts from it."""

    position: int
    slot: str
    name: str
    category: str
    load: str
    planned_sets: int
    planned_reps: int | None
    planned_hold_s: int | None
    planned_distance_m: int | None
    priority: bool
    why: str
    sources: tuple[str, ...]
    exercise_done: str
    name_done: str
    dose: Dose
    cues: tuple[str, ...] = ()
    adaptation: str = ""

    @classmethod
    def planned(cls, position: int, p: Prescription) -> StoredItem:
        """A prescription of the generated plan, before any adaptation."""
        return cls(
            position=position,
            slot=p.exercise,
            name=p.name,
            category=p.category.value,
            load=p.load.value,
            planned_sets=p.dose.sets,
            planned_reps=p.dose.reps,
            planned_hold_s=p.dose.hold_s,
            planned_distance_m=p.dose.distance_m,
            priority=p.priority,
            why=p.why,
            sources=tuple(p.sources),
            exercise_done=p.exercise,
            name_done=p.name,
            dose=p.dose,
        )


@dataclass(frozen=True)
class DatedItem:
    """A stored item on its day; `id` is storage's handle to write it back (0 before stored)."""

    day: date
    item: StoredItem
    id: int = 0


def planned_dose(item: StoredItem, catalog: Catalog) -> Dose:
    """The plan's dose of a slot, with the exercise's own tempo, sides and rest."""
    ex = catalog.exercises.get(item.slot)
    base = ex.dose if ex is not None else Dose(sets=item.planned_sets, per_side=item.dose.per_side)
    return replace(
        base,
        sets=item.planned_sets,
        reps=item.planned_reps,
        hold_s=item.planned_hold_s,
        distance_m=item.planned_distance_m,
    )


def base_dose(item: StoredItem, variant: str, catalog: Catalog) -> Dose:
    """The dose a level counts its steps from: the plan's, or the variant's own default."""
    if variant == item.slot:
        return planned_dose(item, catalog)
    return catalog.get(variant).dose


def adapted(
    item: StoredItem, level: Level | None, since: date | None, catalog: Catalog, steps: DoseSteps
) -> StoredItem:
    """The item at the slot's level (None: the plan's own), saying how it differs from the plan.
    A variant that left the catalogue falls back to the planned exercise."""
    level = level if level is not None else Level(item.slot)
    variant = level.variant if level.variant in catalog else item.slot
    dose = stepped(base_dose(item, variant, catalog), level.step, steps)
    ex = catalog.exercises.get(variant)
    name_done = ex.name if ex is not None else item.name
    notes = []
    if variant != item.slot:
        notes.append(f"{name_done} instead of {item.name}")
    if level.step:
        word = "above" if level.step > 0 else "below"
        notes.append(
            f"{abs(level.step)} dose step{'s' if abs(level.step) > 1 else ''} {word} "
            f"{'the plan' if variant == item.slot else 'its default'}"
        )
    if notes and since is not None:
        notes[-1] += f" (since {since.isoformat()})"
    return replace(
        item,
        exercise_done=variant,
        name_done=name_done,
        dose=dose,
        cues=tuple(ex.cues) if ex is not None else (),
        adaptation="; ".join(notes),
    )


def at_level(
    item: StoredItem, stood: SlotLevel | None, catalog: Catalog, steps: DoseSteps
) -> StoredItem:
    """The item at its slot's stored level (the plan's own without one)."""
    if stood is None:
        return adapted(item, None, None, catalog, steps)
    return adapted(item, stood.level, stood.since, catalog, steps)
