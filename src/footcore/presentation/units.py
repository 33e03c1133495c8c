"""Distances, paces and durations in the runner's units: the profile's `units = "km" | "mi"`;
distances as a runner types them ("10mi", "16 km"); and the km figures inside footcore's own
sentences (spike descriptions, ramp notes, restriction reasons) restated in miles. The rules and
their sentences work in kilometres, as the studies do; a runner who chose miles reads every figure
in miles.

The database, the services and every JSON field named `*_m` or `*_s` keep metres and seconds;
only what a person reads goes through here. One mile is 1.609344 km exactly (the international
mile of 1959), so a distance converts back and forth without drift.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Literal

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

M_PER_KM = 1000.0
M_PER_MI = 1609.344

# "12.00 km", "2 km", "480-800 km": a number (or range) of kilometres inside a sentence
_KM_FIGURE = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)(?:-(\d+(?:\.\d+)?))? km\b")


def _as_miles(figure: str) -> str:
    decimals = max(len(figure.partition(".")[2]), 1)  # "2 km" is 1.2 mi, not 1 mi
    return f"{float(figure) * M_PER_KM / M_PER_MI:.{decimals}f}"


def in_units(text: str, unit: str) -> str:
    """`text` with each km figure restated in `unit` ("km" leaves it as it is), to the same
    number of decimals (at least one)."""
    if unit != "mi":
        return text

    def restate(match: re.Match[str]) -> str:
        low, high = match.group(1), match.group(2)
        return _as_miles(low) + (f"-{_as_miles(high)}" if high else "") + " mi"

    return _KM_FIGURE.sub(restate, text)


# "10mi", "16 km", "5.5 miles", "12": a distance as a runner types it (a bare number is in the
# runner's own unit)
_TYPED = re.compile(
    r"^\s*(\d+(?:\.\d+)?|\.\d+)\s*(km|kms|kilometres?|kilometers?|mi|miles?)?\s*$", re.IGNORECASE
)


def parse_distance(text: str, unit: str) -> float:
    """Metres in a distance typed as "10mi", "16 km" or a bare number read in `unit` ("km" or
    "mi"). ValueError (saying what fits) when the text is not a distance."""
    found = _TYPED.match(text)
    if found is None:
        raise ValueError(f"'{text}' is not a distance; write it as 16km or 10mi")
    value, named = float(found.group(1)), (found.group(2) or unit).lower()
    return value * (M_PER_MI if named.startswith("mi") else M_PER_KM)


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
