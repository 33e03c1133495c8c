"""A dose as people read it ("3 x 12 reps (tempo 3-1-3 s) per side"), the one wording for the CLI,
the web, calendars and PDFs."""

from __future__ import annotations

from typing import Protocol

__all__ = ["DoseLike", "dose_text"]


class DoseLike(Protocol):
    """A domain Dose, or a stored prescription row's view with the same fields."""

    @property
    def sets(self) -> int: ...
    @property
    def reps(self) -> int | None: ...
    @property
    def hold_s(self) -> int | None: ...
    @property
    def distance_m(self) -> int | None: ...
    @property
    def tempo(self) -> str | None: ...
    @property
    def per_side(self) -> bool: ...


def dose_text(d: DoseLike) -> str:
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
