"""What the adaptation use cases read and write, as the domain sees it: the slots' decisions and
levels, the stored items, the coaches' edits and the pain history (`uow.slots`:
adapters/storage/program_slots.py; tests/fakes.py `FakeSlots`), and what they know of the runner
(services.context.Runner, or a plain record in tests)."""

from __future__ import annotations

from datetime import date
from typing import Protocol

from footcore.domain.adaptation import AdaptationRules
from footcore.domain.catalog import Catalog, Phase
from footcore.domain.plan_rules import PlannerRules
from footcore.domain.profile import Profile
from footcore.domain.program import CheckIn, LogRecord
from footcore.domain.program.decision_log import StoredDecision
from footcore.domain.program.items import DatedItem
from footcore.domain.program.levels import SlotLevel
from footcore.domain.program.overlay import CoachEdit
from footcore.domain.program.refresh import Refresh


class Slots(Protocol):
    def decisions(self, athlete_id: int, slot: str | None) -> list[StoredDecision]:
        """A slot's decisions in their order (None: every decision of the program)."""
        ...

    def last_seq(self, athlete_id: int) -> int:
        """The number of the athlete's latest decision (0 before any)."""
        ...

    def add_decision(self, athlete_id: int, decision: StoredDecision) -> None: ...

    def levels(self, athlete_id: int) -> dict[str, SlotLevel]: ...

    def set_level(self, athlete_id: int, slot: str, level: SlotLevel) -> None: ...

    def week_on(self, athlete_id: int, day: date) -> tuple[date, Phase] | None:
        """The first day and the phase of the stored week holding `day`."""
        ...

    def items(
        self, athlete_id: int, start: date, end: date | None = None, slot: str | None = None
    ) -> list[DatedItem]:
        """The stored items with start <= day (< end), of one slot or all, by day and position."""
        ...

    def logged(self, athlete_id: int, day: date) -> set[tuple[date, str]]:
        """The (day, slot) pairs with a log on `day`."""
        ...

    def write(self, athlete_id: int, refresh: Refresh) -> None: ...

    def edits(self, athlete_id: int) -> list[CoachEdit]:
        """The coaches' edits standing (not ended), in the order they were made."""
        ...

    def history(self, athlete_id: int, end: date) -> tuple[list[CheckIn], list[LogRecord]]:
        """Every check-in and log up to `end` (inclusive), in date order."""
        ...


class Knows(Protocol):
    """What the adaptation use cases know of the runner besides storage."""

    @property
    def id(self) -> int: ...
    @property
    def as_of(self) -> date: ...
    @property
    def catalog(self) -> Catalog: ...
    @property
    def adapt(self) -> AdaptationRules: ...
    @property
    def planner_rules(self) -> PlannerRules: ...
    @property
    def profile(self) -> Profile: ...


__all__ = ["Knows", "Slots"]
