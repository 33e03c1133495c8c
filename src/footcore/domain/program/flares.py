"""A flare's reach beyond yesterday's exercises: which items of the following days load the
painful area (each slot once), and the step of volume each takes, once per flare (rules:
data/adaptation_rules.toml [baseline] and [area_load]; domain/flare.py)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date

from footcore.domain.adaptation import Action, AdaptationRules, Decision, Options, reduce_volume
from footcore.domain.catalog import Catalog, Exercise
from footcore.domain.flare import Baseline, loading_slots
from footcore.domain.program.decisions import flare_reason, reduced_in_flare
from footcore.domain.program.items import DatedItem, StoredItem
from footcore.domain.program.levels import DecisionLike


def loading_items(
    items: Sequence[DatedItem],
    day: date,
    area: str,
    catalog: Catalog,
    rules: AdaptationRules,
    decided: Collection[str],
) -> list[tuple[StoredItem, Exercise]]:
    """The first item of each slot planned from `day` over the following days whose exercise (as
    done) loads `area`, in date order; `decided` are slots already decided from the session."""
    first: dict[str, tuple[StoredItem, Exercise]] = {}
    planned: list[tuple[date, str, Exercise]] = []
    for d in items:
        ex = catalog.exercises.get(d.item.exercise_done) or catalog.exercises.get(d.item.slot)
        if ex is not None:
            planned.append((d.day, d.item.slot, ex))
            first.setdefault(d.item.slot, (d.item, ex))
    return [first[s] for s in loading_slots(planned, day, area, rules.baseline, set(decided))]


def to_reduce(history: Sequence[DecisionLike], since: date) -> bool:
    """Whether a loading slot still takes a step in the flare reaching back to `since`: one
    step per flare, not one per morning above the baseline."""
    return not reduced_in_flare(history, since)


def flare_decision(
    ex: Exercise,
    morning: int,
    day: date,
    area: str,
    base: Baseline,
    opts: Options,
    rules: AdaptationRules,
) -> Decision | None:
    """The step of volume a flare's morning takes from one loading slot (`to_reduce`); None
    when nothing can be taken."""
    decision = reduce_volume(
        flare_reason(morning, day, area, base, ex.name),
        rules.morning_sources + rules.baseline.area_sources,
        opts,
    )
    return None if decision.action is Action.NONE else decision
