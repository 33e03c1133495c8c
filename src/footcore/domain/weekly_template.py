"""One phase's weekly template for one runner: the pool of exercises, their doses and weekdays.

A template is made per distinct state of a plan: the phase, the published protocols running that
week (Alfredson ends after 12 weeks) and the plyometric kinds introduced so far.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from footcore.domain.assessment import Finding
from footcore.domain.catalog import Catalog, Category, Exercise, Phase
from footcore.domain.dosing import AbilityScaler
from footcore.domain.placement import Placer, Shortfall, priority_members
from footcore.domain.plan import Prescription, Week
from footcore.domain.plan_rules import PlannerRules, ProtocolStep
from footcore.domain.prescribing import prescribe
from footcore.domain.profile import Profile
from footcore.domain.selection import exclusion, plan_priorities, protocol_exclusion, trains

WeekItems = dict[str, tuple[Prescription, ...]]


class PlanContext:
    """What stays the same for every template of one plan."""

    def __init__(
        self, catalog: Catalog, profile: Profile, rules: PlannerRules, findings: Sequence[Finding]
    ) -> None:
        self.catalog, self.profile, self.rules = catalog, profile, rules
        self.prio, self.reasons, self.prio_sources = plan_priorities(findings, profile, rules)
        self.scaler = AbilityScaler(findings, rules.ability)
        self.shortfalls: dict[tuple[Phase, str], Shortfall] = {}
        site = profile.health.achilles_tendinopathy
        self.achilles = rules.achilles.get(site) if site else None
        self._trainers: dict[str, list[Exercise]] = {}
        self.seen_protocols: set[str] = set()
        self.cut_protocols: dict[str, tuple[ProtocolStep, int, float]] = {}

    def protocol_ids(self, phase: Phase, weeks_done: dict[str, int]) -> tuple[str, ...]:
        """Protocol exercises this week: Alfredson while its weeks last, Rathleff for the fascia."""
        ids: list[str] = []
        if self.achilles is not None:
            ids += [
                e
                for e in self.achilles.exercises
                if weeks_done.get(e, 0) < self.rules.protocols[e].weeks
                or not self.rules.protocols[e].weeks
            ]
        for ex_id, protocol in self.rules.protocols.items():
            if protocol.offered_for and protocol.offered_for in self.prio and ex_id not in ids:
                ids.append(ex_id)
        return tuple(
            e
            for e in ids
            if protocol_exclusion(self.catalog.get(e), self.profile, self.rules) is None
        )

    def plyometric_kinds(self, phase: Phase, week_in_phase: int) -> frozenset[str]:
        ply = self.rules.plyometrics
        if ply is None or phase is not Phase.RUNNING_SPECIFIC:
            return frozenset()
        count = ply.first_kinds + (week_in_phase - 1) // ply.add_kind_every_weeks
        return frozenset(ply.order[:count])

    def template(
        self, phase: Phase, protocols: tuple[str, ...], kinds: frozenset[str]
    ) -> tuple[WeekItems, dict[str, int]]:
        rules = self.rules
        pool: list[Exercise] = []
        swap_notes: dict[str, str] = {}
        for ex in self.catalog:
            if ex.id in protocols:
                pool.append(ex)
                continue
            if ex.id in rules.protocols or exclusion(ex, self.profile, phase, rules) is not None:
                continue
            if ex.is_plyometric and ex.id not in kinds:
                continue
            if self.scaler.swapped_out(ex.id):
                easier, why = self.scaler.swaps[ex.id]
                swap_notes[easier] = why
                continue
            pool.append(ex)
        pool = [ex for ex in pool if not self.scaler.swapped_out(ex.id)]
        rx = {
            ex.id: prescribe(
                ex,
                rules,
                self.prio,
                self.reasons,
                self.prio_sources,
                self.scaler,
                swap_notes.get(ex.id, ""),
            )
            for ex in pool
        }
        daily = frozenset(e for e in protocols if rules.protocols[e].daily)
        placer = Placer(self.profile, rules, pool, rx, daily)
        placer.protocols(protocols)
        # Mobility priorities last: an easy item needs company (at most half of a day's items).
        loading_first = sorted(self.prio, key=lambda q: q in rules.mobility_qualities)
        strength = [ex for ex in pool if ex.category is Category.STRENGTH and ex.id not in daily]
        for q in loading_first:
            if q in rules.mobility_qualities:
                placer.cover("strength work", rules.strength_days, strength)
            placer.cover(q, rules.priority_days, priority_members(pool, q, rules))
        placer.cover("strength work", rules.strength_days, strength)
        rank = {ex.id: (0 if ex.id in protocols else 1 if rx[ex.id].priority else 2) for ex in pool}
        placer.fill(list(rules.slots[phase]) + list(rules.repeat_slots[phase]), rank)
        placer.fallback()
        for s in placer.shortfalls:
            self.shortfalls.setdefault((phase, s.quality), s)
        return placer.template(), rank

    def check_coverage(self, phase: Phase, week: Week) -> None:
        """Record a priority that a week carries on fewer days than it needs (a dose that grew
        can push an item out of a full day), so the plan's warnings name it."""
        need = min(self.rules.priority_days, len(self.profile.schedule.days))
        for q in self.prio:
            if (phase, q) in self.shortfalls:
                continue
            if q not in self._trainers:
                self._trainers[q] = [
                    ex for ex in self.catalog if trains(ex, q, self.rules) and not ex.habit
                ]
            ids = {ex.id for ex in self._trainers[q]}
            covered = sum(any(p.exercise in ids for p in s.items) for s in week.sessions)
            if covered < need:
                smallest = min(
                    (ex.dose.minutes() for ex in self._trainers[q] if phase in ex.phases),
                    default=0.0,
                )
                self.shortfalls[(phase, q)] = Shortfall(q, covered, need, smallest)

    def check_protocols(self, week: Week, steps: Mapping[str, ProtocolStep]) -> None:
        """Record a published protocol whose sets had to be cut to fit the daily minutes."""
        for s in week.sessions:
            for p in s.items:
                step = steps.get(p.exercise)
                if step is None:
                    continue
                self.seen_protocols.add(p.exercise)
                if p.dose.sets < step.sets and p.name not in self.cut_protocols:
                    needed = p.dose.evolve(sets=step.sets).minutes()
                    self.cut_protocols[p.name] = (step, p.dose.sets, needed)
