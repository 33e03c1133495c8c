"""One exercise as prescribed to one runner: its starting dose and the sentence that explains it.

The `why` is built from parts that each carry their own support: the exercise's reason (its
sources in exercises.toml), the tested ability that set the starting dose, the priority it serves
(the norm or the injury focus, with their sources) and a published protocol's schedule.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from footcore.domain.catalog import Category, Exercise
from footcore.domain.dosing import AbilityScaler
from footcore.domain.plan import Prescription
from footcore.domain.plan_rules import PlannerRules
from footcore.domain.selection import trains

NO_EXTRA_SET = frozenset({Category.PLYOMETRIC, Category.RUNNING_DRILL})


def prescribe(
    ex: Exercise,
    rules: PlannerRules,
    prio: Sequence[str],
    reasons: Mapping[str, str],
    prio_sources: Mapping[str, tuple[str, ...]],
    scaler: AbilityScaler,
    swap_note: str = "",
) -> Prescription:
    """The exercise at its starting dose for this runner, with the reason and its sources."""
    # Hops and drills come in by their own progression, not as a priority's extra work, so the
    # norm studies behind a priority are not cited for them.
    prio_q = [] if ex.category in NO_EXTRA_SET else [q for q in prio if trains(ex, q, rules)]
    protocol = rules.protocols.get(ex.id)
    dose = ex.dose
    parts = [ex.why.rstrip(".")]
    sources = list(ex.sources)
    if swap_note:
        parts.append(swap_note)
    if protocol is not None:
        dose = protocol.dose_for(dose, 0)
        if protocol.note:
            parts.append(protocol.note)
        sources += protocol.sources
    else:
        start = scaler.start(ex.id, dose)
        if start is not None:
            dose = start.dose
            parts.append(start.note)
    if prio_q and protocol is None:
        q = prio_q[0]
        parts.append(f"a priority: {reasons.get(q, 'it is a priority')}")
        sources += prio_sources.get(q, ())
        if rules.extra_sets:
            sets = min(dose.sets + rules.extra_sets, rules.max_sets)
            if sets > dose.sets:
                dose = dose.evolve(sets=sets)
                parts.append("one extra set for a priority (footcore's choice)")
    return Prescription(
        exercise=ex.id,
        name=ex.name,
        category=ex.category,
        load=ex.load,
        dose=dose,
        why="; ".join(parts) + ".",
        sources=tuple(dict.fromkeys(sources)),
        priority=bool(prio_q),
    )
