"""The planner: a profile (and an assessment) in, a periodized plan out.

Each phase gets one weekly template (the same exercises on the same weekdays, so a runner can learn
them) while the dose climbs week by week; a template changes within a phase only when a published
protocol ends or a new kind of plyometric comes in. Templates and weeks are built once per distinct
state and re-dated, which keeps a 52-week plan cheap to generate.

The modules: `selection` (who may do what, priorities), `prescribing` (a starting dose and its
reason), `placement` (which weekday), `dosing` (growth and lighter weeks), `plan_gates` (retests).
The constraints are tested in tests/unit/test_planner*.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from footcore.domain.assessment import Finding
from footcore.domain.catalog import Catalog, Phase
from footcore.domain.dosing import lighten, progressed
from footcore.domain.periodization import WeekSlot, skeleton
from footcore.domain.placement import is_loading
from footcore.domain.plan import Habit, Plan, Prescription, Session, Week
from footcore.domain.plan_gates import WeekGate, cycle_gates
from footcore.domain.plan_rules import (
    InjuryFocus,
    PlannerRules,
    Protocol,
    ProtocolStep,
)
from footcore.domain.profile import WEEKDAYS, Profile
from footcore.domain.selection import (
    exclusion,
    impact_barred,
    lower_leg_pain,
)
from footcore.domain.weekly_template import PlanContext, WeekItems

__all__ = [
    "InjuryFocus",
    "PlannerRules",
    "Protocol",
    "ProtocolStep",
    "exclusion",
    "generate_plan",
    "lower_leg_pain",
]

_WeekItems = WeekItems


def generate_plan(
    catalog: Catalog,
    profile: Profile,
    rules: PlannerRules,
    start: date,
    weeks: int,
    findings: Iterable[Finding] = (),
) -> Plan:
    """A plan of `weeks` weeks from `start` (weeks run from the start date, seven days each).

    The caller screens red flags first; a runner with one gets no plan at all.
    """
    findings = tuple(findings)
    ctx = PlanContext(catalog, profile, rules, findings)
    slots = skeleton(weeks, rules.cycles)
    gates = (
        cycle_gates(slots, findings, lower_leg_pain(profile, rules), rules.gates, rules.test_names)
        if rules.gates is not None
        else {}
    )
    minutes = profile.schedule.minutes_per_day
    out: list[Week] = []
    weeks_done: dict[str, int] = {}
    previous_volume = 0.0
    # Weeks repeat: the same template, dose factor and protocol steps give the same sessions, and
    # a lighter week after the same kind of week is the same too, so each is computed once.
    templates: dict[tuple[object, ...], tuple[_WeekItems, dict[str, int]]] = {}
    cache: dict[tuple[object, ...], _WeekItems] = {}
    volumes: dict[tuple[object, ...], float] = {}
    daily = frozenset(k for k, p in rules.protocols.items() if p.daily)
    phase_start: dict[Phase, int] = {}
    capped = frozenset(ctx.scaler.starts)
    for slot in slots:
        phase_start.setdefault(slot.phase, slot.index)
        protocols = ctx.protocol_ids(slot.phase, weeks_done)
        kinds = ctx.plyometric_kinds(slot.phase, slot.index - phase_start[slot.phase] + 1)
        t_key = (slot.phase, protocols, kinds)
        if t_key not in templates:
            templates[t_key] = ctx.template(slot.phase, protocols, kinds)
        template, rank = templates[t_key]
        factor = rules.week_factors[min(slot.week_in_cycle, len(rules.week_factors)) - 1]
        steps = tuple((k, rules.protocols[k].step_for(weeks_done.get(k, 0))) for k in protocols)
        key: tuple[object, ...] = (t_key, factor, steps)
        if key not in cache:
            cache[key] = progressed(template, factor, rules, minutes, weeks_done, rank)
        week_items = cache[key]
        week_start = start + timedelta(weeks=slot.index - 1)
        if out:
            joined = _after(out[-1], week_start, week_items, daily)
            if joined is not week_items:
                week_items, key = joined, ("joined", slot.index)
        if slot.light:
            light_key = ("light", key, round(previous_volume, 6))
            if light_key not in cache:
                lighter = lighten(week_items, previous_volume, rules, capped, minutes)
                cache[light_key] = {
                    d: tuple(_light_note(p, rules) for p in ps) for d, ps in lighter.items()
                }
            week_items = cache[light_key]
            key = light_key
        if key not in volumes:
            volumes[key] = sum(p.volume for ps in week_items.values() for p in ps)
        previous_volume = volumes[key]
        week = _week(slot, start, week_items, gates.get(slot.cycle))
        ctx.check_coverage(slot.phase, week)
        if not slot.light:
            ctx.check_protocols(week, dict(steps))
        for ex_id in protocols:
            if any(p.exercise == ex_id for s in week.sessions for p in s.items):
                weeks_done[ex_id] = weeks_done.get(ex_id, 0) + 1
        out.append(week)
    return Plan(
        start=start,
        weeks=tuple(out),
        findings=findings,
        priorities=ctx.prio,
        warnings=tuple(_warnings(profile, slots, rules, ctx)),
        habits=_habits(catalog, profile, rules),
    )


def _week(slot: WeekSlot, start: date, items: _WeekItems, g: WeekGate | None) -> Week:
    week_start = start + timedelta(weeks=slot.index - 1)
    sessions = []
    for offset in range(7):
        day = week_start + timedelta(days=offset)
        today = items.get(WEEKDAYS[day.weekday()])
        if today:
            sessions.append(Session(day, today))
    return Week(
        index=slot.index,
        start=week_start,
        phase=slot.phase,
        cycle=slot.cycle,
        week_in_cycle=slot.week_in_cycle,
        light=slot.light,
        retest=slot.retest,
        sessions=tuple(sessions),
        gated_by=g.gated_by if g else (),
        gate_fails_now=g.failing_now if g else (),
        gate_note=g.note if g else "",
    )


def _after(
    previous: Week, week_start: date, items: _WeekItems, daily: frozenset[str]
) -> _WeekItems:
    """Where a new template meets the last one (a Sunday then a Monday), keep the loading rules.

    Within a template the week is a ring, so only a change of template can put the same loading
    exercise, or two high-load sessions, on consecutive days; the later day drops those items.
    Returns `items` itself when nothing had to go.
    """
    if not previous.sessions or previous.sessions[-1].date != week_start - timedelta(days=1):
        return items
    last = previous.sessions[-1]
    weekday = WEEKDAYS[week_start.weekday()]
    first = items.get(weekday, ())
    high = any(p.is_high_load and p.exercise not in daily for p in last.items)
    yesterday = {p.exercise for p in last.items if is_loading(p)}
    keep = tuple(
        p
        for p in first
        if p.exercise in daily or not (p.exercise in yesterday or (high and p.is_high_load))
    )
    if len(keep) == len(first):
        return items
    return {**items, weekday: keep}


def _light_note(p: Prescription, rules: PlannerRules) -> Prescription:
    return Prescription(
        p.exercise,
        p.name,
        p.category,
        p.load,
        p.dose,
        p.why.rstrip(".") + f"; lighter this week: {rules.light_why}.",
        p.sources + tuple(s for s in rules.light_sources if s not in p.sources),
        p.priority,
    )


def _habits(catalog: Catalog, profile: Profile, rules: PlannerRules) -> tuple[Habit, ...]:
    have = profile.equipment | rules.always_available
    barred = impact_barred(profile, rules)
    return tuple(
        Habit(ex.id, ex.name, ex.why, ex.sources)
        for ex in catalog
        if ex.habit
        and set(ex.equipment) <= have
        and not (barred and ex.id in rules.impact_habits)
        and not any(
            profile.health.pain_in(a) >= rules.contraindication_pain_threshold
            for a in ex.contraindications.pain_areas
        )
    )


def _warnings(
    profile: Profile, slots: Sequence[WeekSlot], rules: PlannerRules, ctx: PlanContext
) -> Iterable[str]:
    if Phase.RUNNING_SPECIFIC not in {s.phase for s in slots}:
        first = (len(rules.cycles.phase_order) - 1) * rules.cycles.max_weeks
        yield (
            f"a {len(slots)}-week plan ends before the running-specific phase (plyometrics and "
            f"drills); it needs more than {first} weeks of build-up first"
        )
    pain = lower_leg_pain(profile, rules)
    if pain >= rules.plyometric_pain_threshold:
        yield (
            f"current lower-leg pain of {pain}/10: no plyometrics, running drills or "
            f"minimalist-shoe walking until it is below {rules.plyometric_pain_threshold}/10"
        )
    for area, level in sorted(profile.health.pain.items()):
        if level > rules.acceptable_pain_max:
            yield (
                f"{area} pain of {level}/10 is above the acceptable zone (over "
                f"{rules.acceptable_pain_max}/10): consider seeing a physiotherapist before "
                "loading it"
            )
    blocked = profile.days_before_demanding_runs & set(profile.schedule.days)
    if blocked:
        days = ", ".join(sorted(blocked, key=WEEKDAYS.index))
        yield (
            f"sessions on {days} stay low-load (no plyometrics, running drills or high-load "
            "items) because a long or hard run follows the next day"
        )
    if ctx.achilles is not None:
        yield ctx.achilles.why
        if not any(e in ctx.seen_protocols for e in ctx.achilles.exercises):
            yield "the Alfredson heel drops need a step (add `step` to your equipment)"
    for name, (step, sets, needed) in ctx.cut_protocols.items():
        yield (
            f"{name}: its published {step.sets}x{step.reps} needs about {needed:.0f} minutes; "
            f"with {profile.schedule.minutes_per_day} minutes a day it runs at {sets} sets "
            "(every other item of that day was dropped first)"
        )
    labels = rules.quality_labels
    for (phase, quality), s in ctx.shortfalls.items():
        name = labels.get(quality, quality)
        phase_name = phase.value.replace("_", "-")
        if s.minutes <= 0:
            yield f"{name}: no exercise you can do trains it in the {phase_name} phase"
        else:
            yield (
                f"{name} fits on only {s.days} of the {s.needed} days a week it needs in the "
                f"{phase_name} phase: it needs about {s.minutes:.0f} more minutes on "
                f"{s.needed - s.days} more day(s) (raise minutes_per_day or add a training day)"
            )
