"""Distances, paces and durations in the runner's units: the profile's `units = "km" | "mi"`.
The conversions themselves (metres per unit, a typed distance, km figures in a sentence restated
in miles) are the domain's (domain/distances.py); their names stay importable from here.

The database, the services and every JSON field named `*_m` or `*_s` keep metres and seconds;
only what a person reads goes through here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from footcore.domain.distances import M_PER_KM, M_PER_MI, in_units, parse_distance
from footcore.errors import InputError

__all__ = [
    "KM",
    "MI",
    "M_PER_KM",
    "M_PER_MI",
    "Units",
    "duration_text",
    "in_units",
    "parse_distance",
    "units_of",
]

UnitName = Literal["km", "mi"]


@dataclass(frozen=True, slots=True)
class Units:
    name: UnitName

    @property
    def metres(self) -> float:
        """Metres in one unit."""
        return M_PER_KM if self.name == "km" else M_PER_MI

    def distance(self, metres: float, digits: int = 2) -> float:
        """A distance in this unit, rounded: the number JSON outputs give next to `*_m`."""
        return round(metres / self.metres, digits)

    def distance_text(self, metres: float, digits: int = 2) -> str:
        return f"{metres / self.metres:.{digits}f} {self.name}"

    def to_metres(self, value: float) -> float:
        return value * self.metres

    def pace_text(self, seconds: float, metres: float) -> str:
        """Time per unit, "m:ss /km" or "m:ss /mi"; a dash when no distance was covered."""
        if metres <= 0 or not math.isfinite(seconds) or seconds <= 0:
            return "-"
        per_unit = round(seconds * self.metres / metres)
        return f"{per_unit // 60}:{per_unit % 60:02d} /{self.name}"

    def text(self, sentence: str) -> str:
        """One of footcore's sentences (spike, ramp, restriction) with its km figures restated."""
        return in_units(sentence, self.name)


KM = Units("km")
MI = Units("mi")


def units_of(name: str | None) -> Units:
    """The units a profile names; a profile without `units` reads kilometres."""
    if name in (None, "", "km"):
        return KM
    if name == "mi":
        return MI
    raise InputError(f"units {name!r} is not accepted; use km or mi", "units")


def duration_text(seconds: float) -> str:
    """Whole seconds as "m:ss" under an hour, else "h:mm:ss"."""
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
