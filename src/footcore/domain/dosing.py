"""Doses: where they start (the runner's tested ability), how they grow, and lighter weeks.

A hold or a set of single-leg raises starts near what the runner could do in the assessment
(planner_rules.toml [[ability]]); below a floor the easier variant is used instead. Published
protocols keep their published sets and reps. Reps, holds and distances then grow by the cycle's
week factor, and every third week is lighter (60-90% of the week before).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from footcore.domain.assessment import Finding
from footcore.domain.catalog import Dose
from footcore.domain.plan import Prescription
from footcore.domain.plan_rules import AbilityRule, PlannerRules

TRIMMED = "; sets cut to fit your daily minutes"


@dataclass(frozen=True, slots=True)
class Start:
    """A starting dose set by a tested result, and the sentence that says so."""

    dose: Dose
    note: str


def _worse_side(f: Finding) -> float | None:
    values = [
        v for v in (f.left, f.right) if isinstance(v, int | float) and not isinstance(v, bool)
    ]
    return float(min(values)) if values else None


class AbilityScaler:
    """Starting doses and easier variants from the assessment, by the rules in the data file."""

    def __init__(self, findings: Sequence[Finding], rules: Sequence[AbilityRule]) -> None:
        tested = {f.test: (f, _worse_side(f)) for f in findings}
        self.swaps: dict[str, tuple[str, str]] = {}
        self.starts: dict[str, tuple[float, float, AbilityRule, Finding]] = {}
        for rule in rules:
            if rule.test not in tested:
                continue
            finding, value = tested[rule.test]
            if value is None:
                continue
            for ex_id, fraction in rule.exercises.items():
                self.starts[ex_id] = (value, fraction, rule, finding)
                easier = rule.easier.get(ex_id)
                if value < rule.floor and easier is not None:
                    why = rule.easier_why.format(tested=f"{value:g}", floor=rule.floor)
                    self.swaps[ex_id] = (easier, why)

    def swapped_out(self, exercise: str) -> bool:
        return exercise in self.swaps

    def start(self, exercise: str, dose: Dose) -> Start | None:
        """The dose scaled to the tested result, or None when no test speaks for it."""
        if exercise not in self.starts:
            return None
        value, fraction, rule, finding = self.starts[exercise]
        unit = finding.unit or ""
        if dose.hold_s is not None:
            start = max(rule.floor, min(dose.hold_s, int(value * fraction)))
            return Start(
                dose.evolve(hold_s=start),
                f"you held {value:g} {unit} in the {finding.name.lower()} test; "
                f"start at {start} s (footcore's choice: {fraction:.0%} of your weaker side, "
                f"at least {rule.floor} s) and build from there",
            )
        if dose.reps is not None:
            start = max(rule.floor, min(dose.reps, int(value * fraction)))
            return Start(
                dose.evolve(reps=start),
                f"you managed {value:g} in the {finding.name.lower()} test; start at {start} "
                f"a set (footcore's choice: {fraction:.0%} of your weaker side, at least "
                f"{rule.floor}) and build from there",
            )
        return None


def scale_measure(dose: Dose, factor: float, rules: PlannerRules) -> Dose:
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


def shrink_to_fit(
    p: Prescription, used: float, minutes: int, min_sets: int = 1
) -> Prescription | None:
    """Fewer sets (down to `min_sets`) until the item fits the time left, else None."""
    dose = p.dose
    while dose.sets > min_sets:
        dose = dose.evolve(sets=dose.sets - 1)
        if used + dose.minutes() <= minutes + 1e-9:
            why = p.why.rstrip(".")
            if TRIMMED not in why:
                why += TRIMMED
            return Prescription(
                p.exercise, p.name, p.category, p.load, dose, why + ".", p.sources, p.priority
            )
    return None


def progressed(
    template: Mapping[str, tuple[Prescription, ...]],
    factor: float,
    rules: PlannerRules,
    minutes: int,
    weeks_done: Mapping[str, int],
    rank: Mapping[str, int],
) -> dict[str, tuple[Prescription, ...]]:
    """One week's sessions: protocols at their published step, the rest grown by `factor`.

    Items are fitted in rank order (protocols, then priorities, then the rest), so a grown
    protocol dose drops other items before its own sets are cut.
    """
    out: dict[str, tuple[Prescription, ...]] = {}
    scaled: dict[Dose, Dose] = {}
    for weekday, items in template.items():
        keep: dict[int, Prescription] = {}
        used = 0.0
        for i in sorted(range(len(items)), key=lambda j: rank.get(items[j].exercise, 9)):
            p = items[i]
            protocol = rules.protocols.get(p.exercise)
            if protocol is not None:
                dose = protocol.dose_for(p.dose, weeks_done.get(p.exercise, 0))
            else:
                if p.dose not in scaled:
                    scaled[p.dose] = scale_measure(p.dose, factor, rules)
                dose = scaled[p.dose]
            q: Prescription | None = p.with_dose(dose)
            if q is not None and used + q.minutes > minutes + 1e-9:
                if protocol is None:
                    # A grown dose that no longer fits keeps the previous size (or fewer sets).
                    q = p if used + p.minutes <= minutes + 1e-9 else shrink_to_fit(p, used, minutes)
                else:
                    q = shrink_to_fit(q, used, minutes)
            if q is None:
                continue
            used += q.minutes
            keep[i] = q
        out[weekday] = tuple(keep[i] for i in sorted(keep))
    return out


def lighten(
    week: Mapping[str, tuple[Prescription, ...]],
    previous_volume: float,
    rules: PlannerRules,
    capped: frozenset[str] = frozenset(),
    minutes: int = 0,
) -> dict[str, tuple[Prescription, ...]]:
    """Scale a week's doses so its volume is 60-90% of the week before (75% aimed for).

    Measures (reps, holds, distances) are scaled first; a published protocol keeps its reps and
    loses one set instead, unless that would leave it under 60% (a protocol cut to two sets by
    the daily minutes), when its reps scale as any other item's. Where whole numbers leave the
    ratio outside the band, single items are nudged by one unit until it fits.
    """
    current = sum(p.volume for items in week.values() for p in items)
    if current <= 0 or previous_volume <= 0:
        return dict(week)
    factor = min(1.0, rules.light_target * previous_volume / current)
    lighter: dict[str, list[Prescription]] = {}
    for d, items in week.items():
        lighter[d] = []
        for p in items:
            # A set off a protocol's two sets would halve it, below the band: its reps scale.
            sets = p.dose.sets
            if p.exercise in rules.protocols and sets - 1 >= rules.light_min * sets:
                q = p.with_dose(p.dose.evolve(sets=sets - 1))
            else:
                q = p.with_dose(scale_measure(p.dose, factor, rules))
            lighter[d].append(q)
    total = sum(p.volume for items in lighter.values() for p in items)
    flat = [
        (d, i)
        for d, items in lighter.items()
        for i, p in enumerate(items)
        if p.exercise not in rules.protocols
    ]
    everything = [(d, i) for d, items in lighter.items() for i in range(len(items))]
    guard = 0
    while total > rules.light_max * previous_volume and guard < 10_000:
        guard += 1

        # Other items first; a protocol already at one set gives reps only as a last resort.
        def can_shrink(k: tuple[str, int]) -> bool:
            dose = lighter[k[0]][k[1]].dose
            return one_step(dose, -1) != dose

        shrinkable = [k for k in flat if can_shrink(k)] or [k for k in everything if can_shrink(k)]
        if not shrinkable:
            break
        d, i = max(shrinkable, key=lambda k: lighter[k[0]][k[1]].volume)
        p = lighter[d][i]
        q = p.with_dose(one_step(p.dose, -1))
        lighter[d][i] = q
        total += q.volume - p.volume
    if not flat:
        return {d: tuple(items) for d, items in lighter.items()}
    full: set[tuple[str, int]] = set()
    while total < rules.light_min * previous_volume and guard < 10_000:
        guard += 1
        # A dose set by the runner's tested ability only backs up to its own size, never past it,
        # and no day grows past the daily minutes.
        room = [
            k
            for k in flat
            if k not in full
            and (
                lighter[k[0]][k[1]].exercise not in capped
                or lighter[k[0]][k[1]].volume < week[k[0]][k[1]].volume
            )
        ]
        if not room:
            break
        d, i = min(room, key=lambda k: lighter[k[0]][k[1]].volume)
        p = lighter[d][i]
        q = p.with_dose(one_step(p.dose, +1))
        if minutes and sum(x.minutes for x in lighter[d]) - p.minutes + q.minutes > minutes + 1e-9:
            full.add((d, i))
            continue
        lighter[d][i] = q
        total += q.volume - p.volume
    return {d: tuple(items) for d, items in lighter.items()}


def one_step(dose: Dose, step: int) -> Dose:
    if dose.reps is not None:
        return dose.evolve(reps=max(1, dose.reps + step))
    if dose.hold_s is not None:
        return dose.evolve(hold_s=max(1, dose.hold_s + step))
    if dose.distance_m is not None:
        return dose.evolve(distance_m=max(1, dose.distance_m + step))
    return dose
