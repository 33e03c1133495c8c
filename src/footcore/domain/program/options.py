"""What a slot may become on a day, from where it stands: a dose step up or down on the ladder,
the next exercise of its chain or an easier variant. A variant is offered only when the runner may
do it (the planner's exclusions: equipment, pain, phase) and the week does not already hold it."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from footcore.domain.adaptation import Level, Options, can_step
from footcore.domain.catalog import Catalog, Dose, Phase
from footcore.domain.dose_ladder import DoseSteps
from footcore.domain.plan_rules import PlannerRules
from footcore.domain.planner import exclusion
from footcore.domain.profile import Profile
from footcore.domain.program.items import StoredItem


def taken(week: Iterable[StoredItem], slot: str) -> set[str]:
    """The exercises the other slots of the week stand for or are done as: never offered."""
    return {e for item in week if item.slot != slot for e in (item.slot, item.exercise_done)}


def eligible(
    ids: Iterable[str],
    phase: Phase,
    easier: bool,
    taken: set[str],
    catalog: Catalog,
    profile: Profile,
    rules: PlannerRules,
) -> str | None:
    """The first variant the runner may do; never one that is already an item of the week."""
    for ex_id in ids:
        ex = catalog.exercises.get(ex_id)
        if ex is None or ex.habit or ex_id in taken:
            continue
        # An easier variant may come from an earlier phase; a harder one must fit this phase.
        at = phase if (phase in ex.phases or not easier) else ex.phases[0]
        if exclusion(ex, profile, at, rules) is None:
            return ex_id
    return None


def options_for(
    day: date,
    level: Level,
    since: date | None,
    base: Dose,
    phase: Phase,
    taken: set[str],
    catalog: Catalog,
    profile: Profile,
    rules: PlannerRules,
    steps: DoseSteps,
) -> Options:
    """What the dose and the chain allow a slot at `level` (since `since`) on `day`; `base` is
    the dose the level counts its steps from."""
    ex = catalog.exercises.get(level.variant)
    protocol = rules.protocols.get(level.variant)
    return Options(
        can_step_up=can_step(base, level.step, +1, steps),
        can_step_down=can_step(base, level.step, -1, steps),
        harder=(
            eligible(ex.progression, phase, False, taken, catalog, profile, rules) if ex else None
        ),
        easier=eligible(ex.regression, phase, True, taken, catalog, profile, rules) if ex else None,
        days_at_level=(day - since).days if since is not None else 0,
        names={e.id: e.name for e in catalog},
        protocol=protocol.note if protocol is not None else None,
    )
