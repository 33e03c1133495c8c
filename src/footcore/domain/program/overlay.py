"""Coaches' edits laid over the stored items: each edit standing on an item's day rewrites it
(swap, dose, note) or leaves it out (exclude), and says so to the athlete ("changed by your
coach: ..."). A coach's edit overrides the automatic adaptation of its slot while it stands, so it
is laid again after every refresh of the items."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from footcore.domain.catalog import Catalog, Dose
from footcore.domain.program.items import StoredItem

PREFIX = "changed by your coach: "


@dataclass(frozen=True)
class CoachEdit:
    """A coach's change to one slot from `from_day` on: `kind` swap (value: the exercise id),
    dose (value: JSON sets/reps/hold_s), exclude or note (value: the text); a retest move
    (kind "retest") is kept beside them."""

    id: int
    slot: str
    kind: str
    value: str
    reason: str
    actor: str
    from_day: date


def dose_words(dose: Dose) -> str:
    parts = [f"{dose.sets} sets"]
    if dose.reps:
        parts.append(f"{dose.reps} reps")
    if dose.hold_s:
        parts.append(f"{dose.hold_s} s holds")
    return " × ".join(parts)


def edited(item: StoredItem, edit: CoachEdit, catalog: Catalog) -> StoredItem | None:
    """The item after one edit; None when the edit leaves it out of its session."""
    if edit.kind == "exclude":
        return None
    if edit.kind == "swap":
        ex = catalog.get(edit.value)
        item = replace(
            item, exercise_done=ex.id, name_done=ex.name, dose=ex.dose, cues=tuple(ex.cues)
        )
        what = f"{ex.name} instead of {item.name}"
    elif edit.kind == "dose":
        dose = json.loads(edit.value)
        d = item.dose
        new = replace(
            d,
            sets=int(dose.get("sets") or d.sets),
            reps=dose.get("reps", d.reps),
            hold_s=dose.get("hold_s", d.hold_s),
        )
        item = replace(item, dose=new)
        what = f"dose set to {dose_words(new)}"
    else:
        what = f"note: {edit.value}"
    why = f" ({edit.reason})" if edit.reason else ""
    # Laid again after every refresh: keep the automatic notes, replace the coach's.
    own = [part for part in item.adaptation.split("; ") if part and not part.startswith(PREFIX)]
    return replace(item, adaptation="; ".join([*own, PREFIX + what + why]))


def overlaid(
    item: StoredItem, day: date, edits: Iterable[CoachEdit], catalog: Catalog
) -> StoredItem | None:
    """The item of `day` under every edit of its slot standing on that day, in their order;
    None when one leaves it out."""
    out: StoredItem | None = item
    for e in edits:
        if out is None:
            break
        if e.slot == item.slot and day >= e.from_day:
            out = edited(out, e, catalog)
    return out


def coach_part(text: str) -> str:
    """The coach's part of an item's adaptation or a week's note ("" when none): it is always
    written last, so it runs from its prefix to the end (a reason may hold any punctuation)."""
    at = text.find(PREFIX)
    return text[at:].replace("\n", "; ") if at >= 0 else ""
