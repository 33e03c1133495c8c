"""Where each planned exercise (a slot) stands: the fold of its decisions. Each session's latest
decision counts once; a decision that changes the level starts a new level the day after its
session ("since"), one that holds keeps the level and its start."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from footcore.domain.adaptation import Action, Decision, Kind, Level

SLOT_KINDS = (Kind.PROGRESS.value, Kind.HOLD.value, Kind.REGRESS.value)
DAY = timedelta(days=1)


class DecisionLike(Protocol):
    """A stored decision as the fold reads it (a row or a plain record)."""

    @property
    def kind(self) -> str: ...
    @property
    def action(self) -> str: ...
    @property
    def reason(self) -> str: ...
    @property
    def variant(self) -> str | None: ...
    @property
    def session_date(self) -> date | None: ...


def fold(
    decisions: Iterable[DecisionLike], slot: str, before: date | None = None
) -> tuple[Level, date | None]:
    """The level of a slot from its decisions in order (only sessions before `before`, when
    given), and since when."""
    latest: dict[date, DecisionLike] = {}
    for d in decisions:
        if (
            d.kind in SLOT_KINDS
            and d.session_date is not None
            and (before is None or d.session_date < before)
        ):
            latest[d.session_date] = d
    level, since = Level(slot), None
    for day in sorted(latest):
        d = latest[day]
        new = Decision(Kind(d.kind), Action(d.action), d.reason, (), d.variant).apply(level)
        since = since or day
        if new != level:
            level, since = new, day + DAY
    return level, since


@dataclass(frozen=True)
class SlotLevel:
    """A slot's level as stored beside its decisions (the fold of them), and since when."""

    variant: str
    step: int
    since: date

    @property
    def level(self) -> Level:
        return Level(self.variant, self.step)


def stored_level(decisions: Iterable[DecisionLike], slot: str, day: date) -> SlotLevel:
    """The level to store after a decision about the session of `day`: the fold of every
    decision of the slot, since its start (`day` while the slot has never moved)."""
    level, since = fold(decisions, slot)
    return SlotLevel(level.variant, level.step, since or day)
