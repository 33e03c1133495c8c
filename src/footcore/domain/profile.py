"""The runner as the planner sees them: who they are, how they run, when they train, what hurts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class Sex(StrEnum):
    FEMALE = "female"
    MALE = "male"
    UNSPECIFIED = "unspecified"


@dataclass(frozen=True, slots=True)
class Runner:
    age: int
    sex: Sex = Sex.UNSPECIFIED
    name: str = ""


@dataclass(frozen=True, slots=True)
class Running:
    weekly_km: float = 0.0
    runs_per_week: int = 0
    long_run_day: str | None = None
    hard_days: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Schedule:
    minutes_per_day: int = 15
    days: tuple[str, ...] = WEEKDAYS


@dataclass(frozen=True, slots=True)
class Health:
    past_injuries: tuple[str, ...] = ()
    pain: Mapping[str, int] = field(default_factory=dict)
    symptoms: tuple[str, ...] = ()
    # A current Achilles tendinopathy and its site: "mid_portion" or "insertional" (None = none).
    achilles_tendinopathy: str | None = None

    def pain_in(self, area: str) -> int:
        return self.pain.get(area, 0)


@dataclass(frozen=True, slots=True)
class Profile:
    runner: Runner
    running: Running = Running()
    schedule: Schedule = Schedule()
    equipment: frozenset[str] = frozenset()
    health: Health = Health()
    units: str = "km"

    @property
    def demanding_run_days(self) -> frozenset[str]:
        """Days of the long run and the hard runs: the day before each stays light."""
        days = set(self.running.hard_days)
        if self.running.long_run_day:
            days.add(self.running.long_run_day)
        return frozenset(days)

    @property
    def days_before_demanding_runs(self) -> frozenset[str]:
        return frozenset(WEEKDAYS[(WEEKDAYS.index(d) - 1) % 7] for d in self.demanding_run_days)
