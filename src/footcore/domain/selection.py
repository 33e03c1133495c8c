"""Which exercises a runner may get in a phase, and which training qualities come first.

Eligibility: the phase, the equipment, current pain and past injuries; plyometrics and running
drills wait for the running-specific phase and stop at the lower-leg pain threshold of
planner_rules.toml [restrictions]. Priorities: tests below their norm or sides apart first, then
what past injuries call for; each with a reason that its sources support.
"""

from __future__ import annotations

from collections.abc import Sequence

from footcore.domain.assessment import Finding, Standing, priorities
from footcore.domain.catalog import Category, Exercise, Phase
from footcore.domain.plan_rules import PlannerRules
from footcore.domain.profile import Profile

LOADING_CATEGORIES = frozenset({Category.PLYOMETRIC, Category.RUNNING_DRILL})


def lower_leg_pain(profile: Profile, rules: PlannerRules) -> int:
    return max((profile.health.pain_in(a) for a in rules.lower_leg_areas), default=0)


def impact_barred(profile: Profile, rules: PlannerRules) -> bool:
    """Lower-leg pain at the threshold bars plyometrics, running drills and minimalist walking."""
    return lower_leg_pain(profile, rules) >= rules.plyometric_pain_threshold


def exclusion(ex: Exercise, profile: Profile, phase: Phase, rules: PlannerRules) -> str | None:
    """Why an exercise may not be prescribed in this phase for this runner, or None."""
    if ex.habit:
        return "an everyday habit, not a session item"
    if phase not in ex.phases:
        return f"not part of the {phase.value} phase"
    return _personal_exclusion(ex, profile, phase, rules)


def _personal_exclusion(
    ex: Exercise, profile: Profile, phase: Phase, rules: PlannerRules
) -> str | None:
    have = profile.equipment | rules.always_available
    missing = [e for e in ex.equipment if e not in have]
    if missing:
        return f"needs {', '.join(missing)}"
    for area in ex.contraindications.pain_areas:
        if profile.health.pain_in(area) >= rules.contraindication_pain_threshold:
            return f"current {area} pain"
    for condition in ex.contraindications.conditions:
        if condition in profile.health.past_injuries:
            return f"history of {condition.replace('_', ' ')}"
    if ex.category in LOADING_CATEGORIES:
        kind = "plyometrics" if ex.is_plyometric else "running drills"
        if phase is not Phase.RUNNING_SPECIFIC:
            return f"{kind} wait for the running-specific phase"
        if impact_barred(profile, rules):
            return (
                f"lower-leg pain of {rules.plyometric_pain_threshold}/10 or more rules out {kind}"
            )
    return None


def protocol_exclusion(ex: Exercise, profile: Profile, rules: PlannerRules) -> str | None:
    """A published protocol is offered in any phase; equipment and pain still rule it out."""
    return _personal_exclusion(ex, profile, Phase.FOUNDATION, rules)


def trains(ex: Exercise, quality: str, rules: PlannerRules) -> bool:
    """Whether an exercise counts as training a priority: stretching does not load tissue."""
    if quality not in ex.qualities:
        return False
    return quality in rules.mobility_qualities or ex.category not in rules.easy_categories


def plan_priorities(
    findings: Sequence[Finding], profile: Profile, rules: PlannerRules
) -> tuple[tuple[str, ...], dict[str, str], dict[str, tuple[str, ...]]]:
    """Qualities to emphasise with a reason and sources each: assessment first, then history."""
    ordered = list(priorities(findings))
    reasons: dict[str, str] = {}
    sources: dict[str, tuple[str, ...]] = {}
    for f in findings:
        if f.is_priority and f.quality not in reasons:
            below = Standing.BELOW in (f.standing_left, f.standing_right)
            if below and f.reference is None:
                what = "was not a pass on both sides"  # a pass/fail or yes/no test has no norm
            elif below:
                what = "was below the norm for your age"
            else:
                what = "differed between sides by more than the test's measurement error"
            reasons[f.quality] = f"your {f.name.lower()} result {what}"
            sources[f.quality] = f.sources
    for injury in profile.health.past_injuries:
        focus = rules.injury_focus.get(injury)
        if focus is None:
            continue
        for q in focus.qualities:
            if q not in reasons:
                ordered.append(q)
                reasons[q] = focus.why
                sources[q] = focus.sources
    return tuple(dict.fromkeys(ordered)), reasons, sources
