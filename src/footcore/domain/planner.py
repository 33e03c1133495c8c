"""The planner: a profile (and an assessment) in, a periodized plan out.

Each phase gets one weekly template: the same exercises on the same weekdays for the whole phase,
so a runner can learn them, while the dose climbs week by week. A template is built once per phase
and re-dated for every week, which keeps a 52-week plan cheap to generate.

The constraints (tested in tests/unit/test_planner*.py):
- sessions fall only on training days and fit minutes_per_day;
- no plyometric or high-load item on the day before the long run or a hard run, nor on two days
  running;
- nothing that needs missing equipment or that current pain or past injuries rule out;
- no plyometrics before the running-specific phase, nor with lower-leg pain of 3/10 or more;
- every third week is lighter, at 60-90% of the week before.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from footcore.domain.assessment import Finding, priorities
from footcore.domain.catalog import Catalog, Category, Dose, Exercise, Phase
from footcore.domain.periodization import CycleRules, WeekSlot, skeleton
from footcore.domain.plan import Habit, Plan, Prescription, Session, Week
from footcore.domain.profile import WEEKDAYS, Profile


@dataclass(frozen=True, slots=True)
class InjuryFocus:
    qualities: tuple[str, ...]
    why: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ProtocolStep:
    from_week: int
    sets: int
    reps: int


@dataclass(frozen=True, slots=True)
class Protocol:
    exercise: str
    steps: tuple[ProtocolStep, ...]
    sources: tuple[str, ...]

    def step_for(self, weeks_done: int) -> ProtocolStep:
        return max((s for s in self.steps if s.from_week <= weeks_done), key=lambda s: s.from_week)

    def dose_for(self, base: Dose, weeks_done: int) -> Dose:
        step = self.step_for(weeks_done)
        return Dose(
            sets=step.sets,
            reps=step.reps,
            tempo=base.tempo,
            per_side=base.per_side,
            rest_s=base.rest_s,
        )


@dataclass(frozen=True, slots=True)
class PlannerRules:
    cycles: CycleRules
    light_target: float
    light_min: float
    light_max: float
    light_why: str
    light_sources: tuple[str, ...]
    slots: Mapping[Phase, tuple[tuple[Category, ...], ...]]
    repeat_slots: Mapping[Phase, tuple[tuple[Category, ...], ...]]
    week_factors: tuple[float, ...]
    max_reps: int
    max_hold_s: int
    max_distance_m: int
    progression_sources: tuple[str, ...]
    extra_sets: int
    max_sets: int
    plyometric_pain_threshold: int
    contraindication_pain_threshold: int
    lower_leg_areas: frozenset[str]
    always_available: frozenset[str]
    injury_focus: Mapping[str, InjuryFocus]
    protocols: Mapping[str, Protocol]
    quality_labels: Mapping[str, str]
    min_weeks: int = 1
    max_weeks: int = 104


# ---------------------------------------------------------------------------------------------
# Eligibility


def lower_leg_pain(profile: Profile, rules: PlannerRules) -> int:
    return max((profile.health.pain_in(a) for a in rules.lower_leg_areas), default=0)


def exclusion(ex: Exercise, profile: Profile, phase: Phase, rules: PlannerRules) -> str | None:
    """Why an exercise may not be prescribed in this phase for this runner, or None."""
    if ex.habit:
        return "an everyday habit, not a session item"
    if phase not in ex.phases:
        return f"not part of the {phase.value} phase"
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
    if ex.is_plyometric:
        if phase is not Phase.RUNNING_SPECIFIC:
            return "plyometrics wait for the running-specific phase"
        if lower_leg_pain(profile, rules) >= rules.plyometric_pain_threshold:
            return "lower-leg pain of 3/10 or more rules out plyometrics"
    return None


def eligible(
    catalog: Catalog, profile: Profile, phase: Phase, rules: PlannerRules
) -> list[Exercise]:
    return [ex for ex in catalog if exclusion(ex, profile, phase, rules) is None]


# ---------------------------------------------------------------------------------------------
# Priorities


def plan_priorities(
    findings: Sequence[Finding], profile: Profile, rules: PlannerRules
) -> tuple[tuple[str, ...], dict[str, str], dict[str, tuple[str, ...]]]:
    """Qualities to emphasise with a reason and sources each: assessment first, then history."""
    ordered = list(priorities(findings))
    reasons: dict[str, str] = {}
    sources: dict[str, tuple[str, ...]] = {}
    for f in findings:
        if f.is_priority and f.quality not in reasons:
            what = (
                "was below the norm"
                if "below" in (f.standing_left, f.standing_right)
                else ("differed between sides")
            )
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


# ---------------------------------------------------------------------------------------------
# Weekly template


@dataclass(frozen=True, slots=True)
class _Day:
    weekday: str
    allow_high_load: bool


def _day_types(profile: Profile, rules: PlannerRules) -> list[_Day]:
    """Training weekdays in Monday order, with whether high-load work may go on each.

    High-load days are never the day before a long or hard run and never follow another high-load
    day; the week is treated as a ring because the same pattern repeats week after week.
    """
    blocked = profile.days_before_demanding_runs
    training = [d for d in WEEKDAYS if d in profile.schedule.days]
    high: set[str] = set()
    for d in training:
        before = WEEKDAYS[(WEEKDAYS.index(d) - 1) % 7]
        if d in blocked or before in high:
            continue
        high.add(d)
    # Ring check: Sunday and Monday both high would put two loading days back to back.
    if "sun" in high and "mon" in high:
        high.discard("sun")
    return [_Day(d, d in high) for d in training]


EXTRA_SET = "; an extra set because "
TRIMMED = "; sets cut to fit your daily minutes"


def _shrink_to_fit(p: Prescription, used: float, minutes: int) -> Prescription | None:
    """Fewer sets until the item fits the time left; None when even one set does not.

    The reason says the dose was cut, and no longer promises the priority's extra set.
    """
    dose = p.dose
    while dose.sets > 1:
        dose = dose.evolve(sets=dose.sets - 1)
        if used + dose.minutes() <= minutes + 1e-9:
            why = p.why.rstrip(".").replace(EXTRA_SET, "; a priority because ")
            if TRIMMED not in why:
                why += TRIMMED
            return Prescription(
                p.exercise, p.name, p.category, p.load, dose, why + ".", p.sources, p.priority
            )
    return None


class _TemplateBuilder:
    def __init__(
        self,
        catalog: Catalog,
        profile: Profile,
        phase: Phase,
        rules: PlannerRules,
        prio: Sequence[str],
        reasons: Mapping[str, str],
        prio_sources: Mapping[str, tuple[str, ...]],
    ) -> None:
        self.profile = profile
        self.phase = phase
        self.rules = rules
        self.prio = tuple(prio)
        self.reasons = reasons
        self.prio_sources = prio_sources
        self.pool = eligible(catalog, profile, phase, rules)
        self.uses: dict[str, int] = {ex.id: 0 for ex in self.pool}
        self.order = {ex.id: i for i, ex in enumerate(self.pool)}
        self.best = {ex.id: self._best_priority(ex) for ex in self.pool}
        # Candidates per slot are drawn from the categories the slot names.
        self.by_category: dict[Category, list[Exercise]] = {}
        for ex in self.pool:
            self.by_category.setdefault(ex.category, []).append(ex)
        self.rx = {ex.id: self._prescribe(ex) for ex in self.pool}
        self.one_set = {k: p.dose.evolve(sets=1).minutes() for k, p in self.rx.items()}

    def _rank(self, ex: Exercise) -> tuple[int, int, int]:
        return (self.best[ex.id], self.uses[ex.id], self.order[ex.id])

    def _best_priority(self, ex: Exercise) -> int:
        hits = [self.prio.index(q) for q in ex.qualities if q in self.prio]
        return min(hits) if hits else len(self.prio) + 1

    def _prescribe(self, ex: Exercise) -> Prescription:
        prio_q = [q for q in ex.qualities if q in self.prio]
        dose = ex.dose
        why = ex.why.rstrip(".")
        sources = tuple(ex.sources)
        if prio_q:
            q = prio_q[0]
            dose = dose.evolve(sets=min(dose.sets + self.rules.extra_sets, self.rules.max_sets))
            why += f"{EXTRA_SET}{self.reasons.get(q, 'it is a priority')}"
            sources += tuple(s for s in self.prio_sources.get(q, ()) if s not in sources)
        return Prescription(
            exercise=ex.id,
            name=ex.name,
            category=ex.category,
            load=ex.load,
            dose=dose,
            why=why + ".",
            sources=sources,
            priority=bool(prio_q),
        )

    def session(self, day: _Day) -> tuple[Prescription, ...]:
        minutes = self.profile.schedule.minutes_per_day
        items: list[Prescription] = []
        used_ids: set[str] = set()
        used = 0.0
        slot_list = list(self.rules.slots[self.phase]) + list(self.rules.repeat_slots[self.phase])
        for slot in slot_list:
            candidates = sorted(
                (
                    ex
                    for category in slot
                    for ex in self.by_category.get(category, ())
                    if ex.id not in used_ids and (day.allow_high_load or not ex.is_high_load)
                ),
                key=self._rank,
            )
            for ex in candidates:
                if used + self.one_set[ex.id] > minutes + 1e-9:
                    continue
                p = self.rx[ex.id]
                if used + p.minutes > minutes + 1e-9:
                    shrunk = _shrink_to_fit(p, used, minutes)
                    if shrunk is None:
                        continue
                    p = shrunk
                used += p.minutes
                items.append(p)
                used_ids.add(ex.id)
                self.uses[ex.id] += 1
                break
        if not items:
            items = self._fallback(day, minutes)
        return tuple(items)

    def _fallback(self, day: _Day, minutes: int) -> list[Prescription]:
        """A very short session: the quickest eligible item, cut to one set."""
        for ex in sorted(self.pool, key=lambda e: (e.dose.minutes(), self._rank(e))):
            if not day.allow_high_load and ex.is_high_load:
                continue
            p = self.rx[ex.id]
            p = p.with_dose(p.dose.evolve(sets=1))
            if p.minutes <= minutes:
                self.uses[ex.id] += 1
                return [p]
        return []


def build_template(
    catalog: Catalog,
    profile: Profile,
    phase: Phase,
    rules: PlannerRules,
    prio: Sequence[str],
    reasons: Mapping[str, str],
    prio_sources: Mapping[str, tuple[str, ...]],
) -> dict[str, tuple[Prescription, ...]]:
    """The phase's sessions by weekday."""
    builder = _TemplateBuilder(catalog, profile, phase, rules, prio, reasons, prio_sources)
    template: dict[str, tuple[Prescription, ...]] = {}
    for day in _day_types(profile, rules):
        items = builder.session(day)
        if items:
            template[day.weekday] = items
    return template


# ---------------------------------------------------------------------------------------------
# Doses over the weeks


def _scale_measure(dose: Dose, factor: float, rules: PlannerRules) -> Dose:
    def scaled(value: int | None, cap: int) -> int | None:
        if value is None:
            return None
        grown = max(1, round(value * factor))
        # Never push past the cap, but never cut a dose that already starts above it.
        return min(grown, max(cap, value)) if factor > 1 else grown

    if factor == 1.0:
        return dose
    return dose.evolve(
        reps=scaled(dose.reps, rules.max_reps),
        hold_s=scaled(dose.hold_s, rules.max_hold_s),
        distance_m=scaled(dose.distance_m, rules.max_distance_m),
    )


def _progressed(
    template: Mapping[str, tuple[Prescription, ...]],
    factor: float,
    rules: PlannerRules,
    minutes: int,
    weeks_done: Mapping[str, int],
) -> dict[str, tuple[Prescription, ...]]:
    out: dict[str, tuple[Prescription, ...]] = {}
    # The same exercise recurs on several weekdays: scale each distinct dose once.
    scaled: dict[Dose, Dose] = {}
    for weekday, items in template.items():
        new: list[Prescription] = []
        used = 0.0
        for p in items:
            protocol = rules.protocols.get(p.exercise)
            if protocol is not None:
                dose = protocol.dose_for(p.dose, weeks_done.get(p.exercise, 0))
            else:
                if p.dose not in scaled:
                    scaled[p.dose] = _scale_measure(p.dose, factor, rules)
                dose = scaled[p.dose]
            q = p.with_dose(dose)
            if used + q.minutes > minutes + 1e-9:
                # A grown dose that no longer fits keeps the previous size (or fewer sets).
                q = _shrink_to_fit(q, used, minutes) or p
                if used + q.minutes > minutes + 1e-9:
                    q = _shrink_to_fit(p, used, minutes) or p
            if used + q.minutes > minutes + 1e-9:
                continue
            used += q.minutes
            new.append(q)
        out[weekday] = tuple(new)
    return out


def _lighten(
    week: Mapping[str, tuple[Prescription, ...]],
    previous_volume: float,
    rules: PlannerRules,
) -> dict[str, tuple[Prescription, ...]]:
    """Scale a week's doses so its volume is 60-90% of the week before (75% aimed for).

    Measures (reps, holds, distances) are scaled first; where whole numbers leave the ratio
    outside the band, single items are nudged by one unit or one set until it fits.
    """
    current = sum(p.volume for items in week.values() for p in items)
    if current <= 0 or previous_volume <= 0:
        return dict(week)
    factor = min(1.0, rules.light_target * previous_volume / current)
    scaled: dict[Dose, Dose] = {}
    for items in week.values():
        for p in items:
            if p.dose not in scaled:
                scaled[p.dose] = _scale_measure(p.dose, factor, rules)
    lighter: dict[str, list[Prescription]] = {
        d: [p.with_dose(scaled[p.dose]) for p in items] for d, items in week.items()
    }

    total = sum(p.volume for items in lighter.values() for p in items)
    flat = [(d, i) for d, items in lighter.items() for i in range(len(items))]
    guard = 0
    while total > rules.light_max * previous_volume and guard < 10_000:
        guard += 1
        d, i = max(flat, key=lambda k: lighter[k[0]][k[1]].volume)
        p = lighter[d][i]
        q = p.with_dose(_one_step(p.dose, -1))
        if q.dose == p.dose:
            break
        lighter[d][i] = q
        total += q.volume - p.volume
    while total < rules.light_min * previous_volume and guard < 10_000:
        guard += 1
        d, i = min(flat, key=lambda k: lighter[k[0]][k[1]].volume)
        p = lighter[d][i]
        q = p.with_dose(_one_step(p.dose, +1))
        lighter[d][i] = q
        total += q.volume - p.volume
    return {d: tuple(items) for d, items in lighter.items()}


def _one_step(dose: Dose, step: int) -> Dose:
    if dose.reps is not None:
        return dose.evolve(reps=max(1, dose.reps + step))
    if dose.hold_s is not None:
        return dose.evolve(hold_s=max(1, dose.hold_s + step))
    if dose.distance_m is not None:
        return dose.evolve(distance_m=max(1, dose.distance_m + step))
    return dose


# ---------------------------------------------------------------------------------------------
# The plan

_WeekItems = dict[str, tuple[Prescription, ...]]


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
    prio, reasons, prio_sources = plan_priorities(findings, profile, rules)
    slots = skeleton(weeks, rules.cycles)
    templates: dict[Phase, dict[str, tuple[Prescription, ...]]] = {}
    warnings = list(_warnings(profile, slots, rules))
    minutes = profile.schedule.minutes_per_day
    out: list[Week] = []
    weeks_done: dict[str, int] = {}
    previous_volume = 0.0
    # Weeks repeat: the same phase, dose factor and protocol steps give the same sessions, and a
    # lighter week after the same kind of week is the same too, so each is computed once.
    cache: dict[tuple[object, ...], _WeekItems] = {}
    volumes: dict[tuple[object, ...], float] = {}
    protocol_ids = frozenset(rules.protocols)
    previous_key: tuple[object, ...] = ()
    for slot in slots:
        if slot.phase not in templates:
            templates[slot.phase] = build_template(
                catalog, profile, slot.phase, rules, prio, reasons, prio_sources
            )
        template = templates[slot.phase]
        factor = rules.week_factors[min(slot.week_in_cycle, len(rules.week_factors)) - 1]
        protocol_steps = tuple(
            (k, p.step_for(weeks_done.get(k, 0))) for k, p in sorted(rules.protocols.items())
        )
        key: tuple[object, ...] = (slot.phase, factor, protocol_steps)
        if key not in cache:
            cache[key] = _progressed(template, factor, rules, minutes, weeks_done)
        week_items = cache[key]
        if slot.light:
            light_key = ("light", key, previous_key)
            if light_key not in cache:
                lighter = _lighten(week_items, previous_volume, rules)
                cache[light_key] = {
                    d: tuple(_light_note(p, rules) for p in ps) for d, ps in lighter.items()
                }
            week_items = cache[light_key]
            key = light_key
        if key not in volumes:
            volumes[key] = sum(p.volume for ps in week_items.values() for p in ps)
        previous_key = key
        week_start = start + timedelta(weeks=slot.index - 1)
        sessions = []
        for offset in range(7):
            day = week_start + timedelta(days=offset)
            items = week_items.get(WEEKDAYS[day.weekday()])
            if items:
                sessions.append(Session(day, items))
        week = Week(
            index=slot.index,
            start=week_start,
            phase=slot.phase,
            cycle=slot.cycle,
            week_in_cycle=slot.week_in_cycle,
            light=slot.light,
            retest=slot.retest,
            sessions=tuple(sessions),
        )
        previous_volume = volumes[key]
        for ex_id in protocol_ids:
            if any(p.exercise == ex_id for s in sessions for p in s.items):
                weeks_done[ex_id] = weeks_done.get(ex_id, 0) + 1
        out.append(week)
    return Plan(
        start=start,
        weeks=tuple(out),
        findings=findings,
        priorities=prio,
        warnings=tuple(warnings),
        habits=_habits(catalog, profile, rules),
    )


def _habits(catalog: Catalog, profile: Profile, rules: PlannerRules) -> tuple[Habit, ...]:
    have = profile.equipment | rules.always_available
    return tuple(
        Habit(ex.id, ex.name, ex.why, ex.sources)
        for ex in catalog
        if ex.habit
        and set(ex.equipment) <= have
        and not any(
            profile.health.pain_in(a) >= rules.contraindication_pain_threshold
            for a in ex.contraindications.pain_areas
        )
    )


def _warnings(profile: Profile, slots: Sequence[WeekSlot], rules: PlannerRules) -> Iterable[str]:
    phases = {s.phase for s in slots}
    if Phase.RUNNING_SPECIFIC not in phases:
        yield (
            f"a {len(slots)}-week plan ends before the running-specific phase (plyometrics and "
            "drills); it needs more than 16 weeks of build-up first"
        )
    pain = lower_leg_pain(profile, rules)
    if pain >= rules.plyometric_pain_threshold:
        yield (
            f"current lower-leg pain of {pain}/10: no plyometrics until it is below "
            f"{rules.plyometric_pain_threshold}/10"
        )
    for area, level in sorted(profile.health.pain.items()):
        if level >= 6:
            yield (
                f"{area} pain of {level}/10 is above the acceptable zone (over 5/10): consider "
                "seeing a physiotherapist before loading it"
            )
    if not profile.days_before_demanding_runs.isdisjoint(profile.schedule.days):
        days = sorted(
            profile.days_before_demanding_runs & set(profile.schedule.days), key=WEEKDAYS.index
        )
        yield (
            "sessions on "
            + ", ".join(days)
            + " stay low-load because a long or hard run follows the next day"
        )
