"""Keeping the stored items in step from a day on: the items of a slot (or of every slot) take
their slot's level again, and the coaches' edits are laid over every item. A day that already has
a log for a slot keeps that slot's item as it was logged."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from footcore.domain.catalog import Catalog
from footcore.domain.dose_ladder import DoseSteps
from footcore.domain.program.items import DatedItem, at_level
from footcore.domain.program.levels import SlotLevel
from footcore.domain.program.overlay import CoachEdit, overlaid


@dataclass(frozen=True)
class Refresh:
    """What storage writes: the items that change (their new values) and those left out."""

    changed: tuple[DatedItem, ...] = ()
    removed: tuple[DatedItem, ...] = ()


@dataclass(frozen=True)
class Relevel:
    """Which items take their level again: those of `slot` (None: every slot), at `levels`."""

    levels: Mapping[str, SlotLevel]
    slot: str | None = None

    def wants(self, slot: str) -> bool:
        return self.slot is None or self.slot == slot


def refreshed(
    items: Sequence[DatedItem],
    logged: Collection[tuple[date, str]],
    edits: Iterable[CoachEdit],
    catalog: Catalog,
    steps: DoseSteps,
    relevel: Relevel | None = None,
) -> Refresh:
    """The changes to `items` (those of the days to keep in step): each unlogged item at its
    slot's level (when `relevel` wants it), then under the coaches' edits."""
    edits = tuple(edits)
    changed: list[DatedItem] = []
    removed: list[DatedItem] = []
    for d in items:
        if (d.day, d.item.slot) in logged:
            continue
        item = d.item
        if relevel is not None and relevel.wants(item.slot):
            item = at_level(item, relevel.levels.get(item.slot), catalog, steps)
        new = overlaid(item, d.day, edits, catalog) if edits else item
        if new is None:
            removed.append(d)
        elif new != d.item:
            changed.append(DatedItem(d.day, new, d.id))
    return Refresh(tuple(changed), tuple(removed))
