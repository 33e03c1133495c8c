"""A periodized plan as values: prescriptions in sessions, sessions in weeks, weeks in cycles."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from footcore.domain.assessment import Finding
from footcore.domain.catalog import Category, Dose, LoadLevel, Phase


@dataclass(frozen=True, slots=True)
class Prescription:
    """One exercise at one dose on one day, with the reason and its sources."""

    exercise: str
    name: str
    category: Category
    load: LoadLevel
    dose: Dose
    why: str
    sources: tuple[str, ...]
    priority: bool = False
    coach: str = ""  # a coach's change to this item, "changed by your coach: ..." (team mode)

    @property
    def minutes(self) -> float:
        return self.dose.minutes()

    @property
    def volume(self) -> float:
        """Work seconds: sets x sides x time under work per set (rests excluded)."""
        sides = 2 if self.dose.per_side else 1
        return self.dose.sets * sides * self.dose.work_seconds()

    @property
    def is_high_load(self) -> bool:
        return self.load is LoadLevel.HIGH or self.category is Category.PLYOMETRIC

    def with_dose(self, dose: Dose) -> Prescription:
        return Prescription(
            self.exercise,
            self.name,
            self.category,
            self.load,
            dose,
            self.why,
            self.sources,
            self.priority,
        )


@dataclass(frozen=True, slots=True)
class Session:
    date: date
    items: tuple[Prescription, ...]
    notes: tuple[str, ...] = ()  # a coach's changes that are no item's: an exercise left out

    @property
    def minutes(self) -> float:
        return sum(p.minutes for p in self.items)

    @property
    def volume(self) -> float:
        return sum(p.volume for p in self.items)

    @property
    def is_high_load(self) -> bool:
        return any(p.is_high_load for p in self.items)


@dataclass(frozen=True, slots=True)
class Week:
    index: int
    start: date
    phase: Phase
    cycle: int
    week_in_cycle: int
    light: bool
    retest: bool
    sessions: tuple[Session, ...]
    # Reached only through a passing retest: the tests that must pass (empty for the first cycle),
    # those the baseline already fails, and the sentence that says so.
    gated_by: tuple[str, ...] = ()
    gate_fails_now: tuple[str, ...] = ()
    gate_note: str = ""
    coach_note: str = ""  # a coach's change to the week: a retest moved (team mode)

    @property
    def volume(self) -> float:
        return sum(s.volume for s in self.sessions)

    @property
    def minutes(self) -> float:
        return sum(s.minutes for s in self.sessions)


@dataclass(frozen=True, slots=True)
class Habit:
    exercise: str
    name: str
    why: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Plan:
    start: date
    weeks: tuple[Week, ...]
    findings: tuple[Finding, ...] = ()
    priorities: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    habits: tuple[Habit, ...] = field(default_factory=tuple)

    def sessions(self) -> list[Session]:
        return [s for w in self.weeks for s in w.sessions]

    def session_on(self, day: date) -> Session | None:
        for w in self.weeks:
            for s in w.sessions:
                if s.date == day:
                    return s
        return None

    def week_of(self, day: date) -> Week | None:
        for w in self.weeks:
            if w.start <= day < date.fromordinal(w.start.toordinal() + 7):
                return w
        return None
