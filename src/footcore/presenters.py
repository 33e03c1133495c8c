"""Words for domain values that every output shares: the CLI, the web, calendars and PDFs."""

from __future__ import annotations

from footcore.domain.catalog import Dose

__all__ = ["GRADE_WORDS", "dose_text"]

# Plain words for the evidence grades, shown next to every norm (evidence.md: grades).
GRADE_WORDS = {
    "A": "read in the primary paper",
    "S": "secondary source",
    "R": "unconfirmed",
    "none": "no published norm: footcore's practice target",
}


def dose_text(d: Dose) -> str:
    if d.reps is not None:
        amount = f"{d.sets} x {d.reps} reps"
    elif d.hold_s is not None:
        amount = f"{d.sets} x {d.hold_s} s hold"
    else:
        amount = f"{d.sets} x {d.distance_m} m"
    if d.tempo:
        amount += f" (tempo {d.tempo} s)"
    if d.per_side:
        amount += " per side"
    return amount
