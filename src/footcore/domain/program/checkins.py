"""The rules of the next-morning check-in: what one holds, and when a second check-in of the same
morning and area is the same one again or a conflict. A check-in is refused, never replaced:
yesterday's decisions were made from it, and the decision log must keep saying what from."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from footcore.domain.program.logbook import check_past, check_scale, check_word
from footcore.errors import ConflictError


@dataclass(frozen=True)
class CheckIn:
    day: date
    area: str  # "" for overall
    morning_pain: int
    stiffness: int | None
    symptoms: tuple[str, ...]  # sorted


def check_checkin(
    c: CheckIn, as_of: date, pain_areas: Iterable[str], symptom_words: Iterable[str]
) -> None:
    check_scale(c.morning_pain, "morning_pain")
    check_scale(c.stiffness, "stiffness")
    check_past(c.day, as_of)
    check_word(c.area, pain_areas, "area")
    known = list(symptom_words)
    for s in c.symptoms:
        check_word(s, known, "symptom")


def same_or_conflict(c: CheckIn, stored: CheckIn | None) -> bool:
    """True when `c` repeats the stored check-in of its morning and area; False when there is
    none; a different one raises ConflictError."""
    if stored is None:
        return False
    if (stored.morning_pain, stored.stiffness, stored.symptoms) == (
        c.morning_pain,
        c.stiffness,
        c.symptoms,
    ):
        return True
    where = c.area or "overall"
    raise ConflictError(
        f"the check-in of {c.day.isoformat()} ({where}) is already stored with "
        f"morning pain {stored.morning_pain}/10"
        + (f", stiffness {stored.stiffness}/10" if stored.stiffness is not None else "")
        + ", and yesterday's exercises were decided from it; one check-in per morning and "
        "area (a different area is a check-in of its own)"
    )
