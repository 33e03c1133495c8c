"""Placing exercises on the weekdays of one phase's weekly template.

In order: published protocols (daily, or every second day), then every priority on at least two
days, then strength work on at least two days, then the phase's slots. Throughout:
- a loading exercise (moderate or high load, plyometrics, running drills) never on two days in a
  row, and no two high-load days in a row (the week repeats, so Sunday neighbours Monday);
- the day before a long or hard run: no plyometrics, running drills or high-load items;
- mobility, stretching and release at most half of a day's items;
- every day within minutes_per_day.
A daily published protocol (Alfredson) is the written exception to the first two rules.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from footcore.domain.catalog import Category, Exercise, LoadLevel
from footcore.domain.dosing import shrink_to_fit
from footcore.domain.plan import Prescription
from footcore.domain.plan_rules import PlannerRules
from footcore.domain.profile import WEEKDAYS, Profile
from footcore.domain.selection import LOADING_CATEGORIES, trains

EPS = 1e-9
DISPLAY_ORDER = {
    c: i
    for i, c in enumerate(
        (
            Category.MOBILITY,
            Category.RELEASE,
            Category.ACTIVATION,
            Category.STRENGTH,
            Category.BALANCE,
            Category.PLYOMETRIC,
            Category.RUNNING_DRILL,
            Category.STRETCH,
            Category.RECOVERY,
        )
    )
}


def is_loading(ex: Exercise | Prescription) -> bool:
    return ex.load is not LoadLevel.LOW or ex.category in LOADING_CATEGORIES


def is_heavy(ex: Exercise | Prescription) -> bool:
    """Barred on the day before a long or hard run."""
    return ex.load is LoadLevel.HIGH or ex.category in LOADING_CATEGORIES


@dataclass(slots=True)
class DayPlan:
    weekday: str
    low_load: bool
    items: list[Prescription] = field(default_factory=list)
    used: float = 0.0


@dataclass(frozen=True, slots=True)
class Shortfall:
    quality: str
    days: int
    needed: int
    minutes: float  # minutes a further day would need; 0 when no exercise can train it


class Placer:
    def __init__(
        self,
        profile: Profile,
        rules: PlannerRules,
        pool: Sequence[Exercise],
        rx: Mapping[str, Prescription],
        daily: frozenset[str],
    ) -> None:
        self.rules = rules
        self.minutes = profile.schedule.minutes_per_day
        self.pool = list(pool)
        self.rx = rx
        self.daily = daily
        self.order = {ex.id: i for i, ex in enumerate(pool)}
        self.qualities = {ex.id: frozenset(ex.qualities) for ex in pool}
        self.uses: dict[str, int] = {ex.id: 0 for ex in pool}
        blocked = profile.days_before_demanding_runs
        self.days = {d: DayPlan(d, d in blocked) for d in WEEKDAYS if d in profile.schedule.days}
        self.shortfalls: list[Shortfall] = []

    # Constraints ------------------------------------------------------------------------------

    def _neighbours(self, day: DayPlan) -> list[DayPlan]:
        i = WEEKDAYS.index(day.weekday)
        out = [self.days.get(WEEKDAYS[(i + step) % 7]) for step in (-1, 1)]
        return [d for d in out if d is not None and d is not day]

    def allowed(self, ex: Exercise, day: DayPlan) -> bool:
        """Every rule but the minutes and the share of easy items."""
        if any(p.exercise == ex.id for p in day.items):
            return False
        if ex.id in self.daily:
            return True
        if ex.category not in self.rules.easy_categories and any(
            p.exercise in self.daily and self.qualities[ex.id] & self.qualities[p.exercise]
            for p in day.items
        ):
            return False  # a daily protocol is that tissue's whole load for the day
        if day.low_load and is_heavy(ex):
            return False
        for other in self._neighbours(day):
            if is_loading(ex) and any(p.exercise == ex.id for p in other.items):
                return False
            if is_loading(ex) and any(self._same_tissue(ex, p) for p in other.items):
                return False
            if ex.is_high_load and any(
                p.is_high_load and p.exercise not in self.daily for p in other.items
            ):
                return False
        return True

    def _same_tissue(self, ex: Exercise, p: Prescription) -> bool:
        """A high-load item and loading work on the same quality the day before or after: the
        tissue gets its 48 h (Rathleff 2015 trained every second day)."""
        if p.exercise in self.daily or not is_loading(p):
            return False
        if LoadLevel.HIGH not in (ex.load, p.load):
            return False
        return bool(self.qualities[ex.id] & self.qualities.get(p.exercise, frozenset()))

    def _easy_ok(self, ex: Exercise, day: DayPlan) -> bool:
        if ex.category not in self.rules.easy_categories:
            return True
        easy = sum(p.category in self.rules.easy_categories for p in day.items) + 1
        return easy <= self.rules.max_easy_share * (len(day.items) + 1)

    def _fit(self, p: Prescription, day: DayPlan, cut: bool, min_sets: int) -> Prescription | None:
        if day.used + p.minutes <= self.minutes + EPS:
            return p
        return shrink_to_fit(p, day.used, self.minutes, min_sets) if cut else None

    def place(
        self,
        ex: Exercise,
        day: DayPlan,
        cut: bool = False,
        easy_rule: bool = True,
        min_sets: int = 1,
    ) -> bool:
        if not self.allowed(ex, day) or (easy_rule and not self._easy_ok(ex, day)):
            return False
        p = self._fit(self.rx[ex.id], day, cut, min(min_sets, self.rx[ex.id].dose.sets))
        if p is None:
            return False
        day.items.append(p)
        day.used += p.minutes
        self.uses[ex.id] += 1
        return True

    # Steps ------------------------------------------------------------------------------------

    def protocols(self, ids: Sequence[str]) -> None:
        by_id = {ex.id: ex for ex in self.pool}
        for ex_id in ids:
            ex = by_id.get(ex_id)
            if ex is None:
                continue
            if ex_id in self.daily:
                for day in self.days.values():
                    self.place(ex, day, cut=True, easy_rule=False)
                continue
            for day in self._every_second_day(ex):
                self.place(ex, day, cut=True, easy_rule=False)

    def _every_second_day(self, ex: Exercise) -> list[DayPlan]:
        """The most days at least 48 h apart (the week as a ring) that may take this item."""
        ok = [d for d in self.days.values() if self.allowed(ex, d)]
        best: list[DayPlan] = []
        for first in range(len(ok)):
            chosen: list[DayPlan] = []
            for d in ok[first:] + ok[:first]:
                if all(
                    abs(WEEKDAYS.index(d.weekday) - WEEKDAYS.index(c.weekday)) % 7 not in (1, 6)
                    for c in chosen
                ):
                    chosen.append(d)
            if len(chosen) > len(best):
                best = chosen
        return sorted(best, key=lambda d: WEEKDAYS.index(d.weekday))

    def _spread(self, day: DayPlan, taken: Sequence[DayPlan]) -> int:
        if not taken:
            return 7
        i = WEEKDAYS.index(day.weekday)
        return min(
            min((i - WEEKDAYS.index(t.weekday)) % 7, (WEEKDAYS.index(t.weekday) - i) % 7)
            for t in taken
        )

    def cover(self, quality: str, need: int, members: Sequence[Exercise]) -> None:
        """Put `quality` on at least `need` days; record a shortfall when it cannot fit."""
        need = min(need, len(self.days))
        covered = [
            d
            for d in self.days.values()
            if any(any(p.exercise == m.id for m in members) for p in d.items)
        ]
        for cut in (False, True):
            while len(covered) < need:
                options = [
                    (ex, d)
                    for ex in sorted(members, key=lambda e: (self.uses[e.id], self.order[e.id]))
                    for d in sorted(
                        (d for d in self.days.values() if d not in covered),
                        key=lambda d: (-self._spread(d, covered), d.used),
                    )
                ]
                if not any(self.place(ex, d, cut=cut) for ex, d in options):
                    break
                covered = [
                    d
                    for d in self.days.values()
                    if any(any(p.exercise == m.id for m in members) for p in d.items)
                ]
        if len(covered) < need:
            smallest = min((self.rx[m.id].minutes for m in members), default=0.0)
            self.shortfalls.append(Shortfall(quality, len(covered), need, smallest))

    def fill(self, slots: Sequence[tuple[Category, ...]], rank: Mapping[str, int]) -> None:
        by_category: dict[Category, list[Exercise]] = {}
        for ex in self.pool:
            if ex.id not in self.daily and ex.id not in self.rules.protocols:
                by_category.setdefault(ex.category, []).append(ex)
        # Loading slots first, so the easy ones (at most half the items) have company.
        hard = [s for s in slots if not set(s) <= self.rules.easy_categories]
        easy = [s for s in slots if set(s) <= self.rules.easy_categories]
        # The least time an item takes when it is cut to its fewest sets: a cheap test first.
        fewest = self.rules.min_fill_sets
        least = {
            ex.id: self.rx[ex.id].dose.evolve(sets=min(fewest, self.rx[ex.id].dose.sets)).minutes()
            for ex in self.pool
        }
        smallest = min(least.values(), default=0.0)
        for day in self.days.values():
            for slot in hard + easy:
                if day.used + smallest > self.minutes + EPS:
                    break
                candidates = sorted(
                    (ex for c in slot for ex in by_category.get(c, ())),
                    key=lambda e: (rank.get(e.id, 9) + self.uses[e.id], self.order[e.id]),
                )
                for ex in candidates:
                    if day.used + least[ex.id] > self.minutes + EPS:
                        continue
                    # Filling a day, an item cut below min_fill_sets is a token: leave it out.
                    if self.place(ex, day, cut=True, min_sets=fewest):
                        break

    def fallback(self) -> None:
        """A day left empty gets the quickest item it may take, cut to one set."""
        for day in self.days.values():
            if day.items:
                continue
            for ex in sorted(
                self.pool,
                key=lambda e: (e.category in self.rules.easy_categories, self.rx[e.id].minutes),
            ):
                if not self.allowed(ex, day):
                    continue
                p = self.rx[ex.id]
                p = p.with_dose(p.dose.evolve(sets=1))
                if p.minutes <= self.minutes + EPS:
                    day.items.append(p)
                    day.used += p.minutes
                    break

    def template(self) -> dict[str, tuple[Prescription, ...]]:
        return {
            d.weekday: tuple(sorted(d.items, key=lambda p: DISPLAY_ORDER[p.category]))
            for d in self.days.values()
            if d.items
        }


def priority_members(pool: Sequence[Exercise], quality: str, rules: PlannerRules) -> list[Exercise]:
    return [ex for ex in pool if trains(ex, quality, rules)]
