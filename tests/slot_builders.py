"""Builders for the slot use cases' unit tests: the runner as those use cases know it, the
knowledge and rules from the data files, and stored items of a one-athlete program in the fake
unit of work (tests/fakes.py `FakeSlotsUnitOfWork`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from footcore.domain.adaptation import AdaptationRules
from footcore.domain.catalog import Catalog, Phase
from footcore.domain.plan_rules import PlannerRules
from footcore.domain.profile import Profile
from footcore.domain.program.items import StoredItem
from footcore.services import ports
from tests.factories import a_profile
from tests.fakes import FakeSlotsUnitOfWork

ATHLETE = 1
DAY = timedelta(days=1)
KNOWLEDGE = ports.knowledge()
CATALOG = KNOWLEDGE.catalog
RULES = ports.rules().adapt
STEPS = RULES.steps
RANGES = {"sets": (1, 20), "reps": (1, 500), "hold_s": (1, 600)}
AREAS = ("heel", "arch", "achilles")


@dataclass(frozen=True)
class Knowing:
    """What the adaptation use cases know of the runner (services/slot_store.py `Knows`)."""

    as_of: date
    profile: Profile = field(default_factory=a_profile)
    id: int = ATHLETE
    catalog: Catalog = CATALOG
    adapt: AdaptationRules = RULES
    planner_rules: PlannerRules = KNOWLEDGE.rules


def planned(slot: str, position: int = 0) -> StoredItem:
    """A slot as the plan prescribes it: the exercise at its own default dose."""
    ex = CATALOG.get(slot)
    d = ex.dose
    return StoredItem(
        position=position,
        slot=slot,
        name=ex.name,
        category=ex.category.value,
        load=ex.load.value,
        planned_sets=d.sets,
        planned_reps=d.reps,
        planned_hold_s=d.hold_s,
        planned_distance_m=d.distance_m,
        priority=False,
        why="planned",
        sources=(),
        exercise_done=slot,
        name_done=ex.name,
        dose=d,
        cues=tuple(ex.cues),
    )


def program(
    first: date, days: int, slots: Sequence[str], phase: Phase = Phase.FOUNDATION
) -> FakeSlotsUnitOfWork:
    """A program with the same slots every day from `first`, in weeks of one phase."""
    uow = FakeSlotsUnitOfWork()
    for k in range(0, days, 7):
        uow.slots.add_week(ATHLETE, first + k * DAY, phase)
    for k in range(days):
        uow.slots.add_items(ATHLETE, first + k * DAY, [planned(s, i) for i, s in enumerate(slots)])
    return uow
