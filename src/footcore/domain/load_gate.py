"""The foot plan on a day of raised running load: which items stay, which are left out and why.

The rule is load.py's `foot_load_restrictions` with data/load_rules.toml [restriction]: after a
moderate or large single-run spike (Frandsen 2025) or once a week's running reaches 20% over the
week before (Damsted 2019), plyometric and high-load foot items are left out on the run's day and
the three days after it. A restriction is kept per day with the ids of the exercises it rules
out, worked out from the catalog when the runs changed (`ruled_out`), so that applying it to a
stored session needs no catalog: an item is left out when the exercise to be done (after
adaptation: a regression may no longer be plyometric) is one of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

if TYPE_CHECKING:  # `footcore today` applies restrictions without importing the load rules
    from footcore.domain.catalog import Catalog
    from footcore.domain.load import Restriction


@dataclass(frozen=True, slots=True)
class DayRestriction:
    """A stored restriction: on `day`, the `exercises` are left out because of `reason`."""

    day: date
    trigger_date: date
    trigger: str
    drops: tuple[str, ...]
    reason: str
    sources: tuple[str, ...]
    exercises: frozenset[str]


class SessionItem(Protocol):
    @property
    def exercise(self) -> str: ...

    @property
    def exercise_done(self) -> str: ...


ItemT = TypeVar("ItemT", bound=SessionItem)


@dataclass(frozen=True, slots=True)
class DroppedItem(Generic[ItemT]):
    """An item left out today, with every restriction that rules it out (a day may have two)."""

    item: ItemT
    reasons: tuple[str, ...]
    sources: tuple[str, ...]


def ruled_out(restriction: Restriction, catalog: Catalog) -> frozenset[str]:
    """The ids of every catalog exercise the restriction leaves out."""
    return frozenset(ex.id for ex in catalog if restriction.rules_out(ex))


def apply_restrictions(
    items: Sequence[ItemT], restrictions: Iterable[DayRestriction]
) -> tuple[list[ItemT], list[DroppedItem[ItemT]]]:
    """The items kept, in order, and the items left out with their reasons and sources."""
    rules = list(restrictions)
    kept: list[ItemT] = []
    dropped: list[DroppedItem[ItemT]] = []
    for item in items:
        hits = [r for r in rules if item.exercise_done in r.exercises]
        if not hits:
            kept.append(item)
            continue
        reasons = tuple(dict.fromkeys(r.reason for r in hits))
        sources = tuple(dict.fromkeys(s for r in hits for s in r.sources))
        dropped.append(DroppedItem(item, reasons, sources))
    return kept, dropped
