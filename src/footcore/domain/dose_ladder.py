"""The dose ladder: whole steps around the planned dose. Upwards the measure (reps, hold or
distance) grows first, up to its cap, then the sets; downwards the sets fall first, then the
measure, never below a floor share of the plan's. A step up followed by a step down always returns
to the same dose."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from footcore.domain.catalog import Dose


@dataclass(frozen=True, slots=True)
class DoseSteps:
    reps: int
    hold_s: int
    distance_m: int
    max_reps: int
    max_hold_s: int
    max_distance_m: int
    max_sets: int
    floor_ratio: float  # less volume never cuts the measure below this share of the plan's


# Doses --------------------------------------------------------------------------------------


def _measure_of(dose: Dose, s: DoseSteps) -> tuple[str, int, int, int] | None:
    if dose.reps is not None:
        return "reps", dose.reps, s.reps, max(s.max_reps, dose.reps)
    if dose.hold_s is not None:
        return "hold_s", dose.hold_s, s.hold_s, max(s.max_hold_s, dose.hold_s)
    if dose.distance_m is not None:
        return "distance_m", dose.distance_m, s.distance_m, max(s.max_distance_m, dose.distance_m)
    return None


def stepped(base: Dose, step: int, s: DoseSteps) -> Dose:
    """The dose `step` whole steps from `base` (see the module docstring)."""
    m = _measure_of(base, s)
    if m is None or step == 0:
        return base
    name, value, inc, cap = m
    if step > 0:
        grown = min(cap, value + step * inc)
        used = math.ceil((grown - value) / inc) if grown > value else 0
        sets = min(max(s.max_sets, base.sets), base.sets + (step - used))
        return _with(base, name, grown, sets)
    down = -step
    sets_cut = min(down, base.sets - 1)
    floor = max(1, math.ceil(value * s.floor_ratio))
    measure = max(floor, value - (down - sets_cut) * inc)
    return _with(base, name, measure, base.sets - sets_cut)


def _with(dose: Dose, name: str, value: int, sets: int) -> Dose:
    if name == "reps":
        return replace(dose, sets=sets, reps=value)
    if name == "hold_s":
        return replace(dose, sets=sets, hold_s=value)
    return replace(dose, sets=sets, distance_m=value)


def dose_measure(dose: Dose) -> int | None:
    return (
        dose.reps
        if dose.reps is not None
        else (dose.hold_s if dose.hold_s is not None else dose.distance_m)
    )


def can_step(base: Dose, step: int, direction: int, s: DoseSteps) -> bool:
    return stepped(base, step + direction, s) != stepped(base, step, s)
