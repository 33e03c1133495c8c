"""Distances in kilometres and miles: the metres in each, a distance as a runner types it ("10mi",
"16 km"), and the km figures inside footcore's own sentences (spike descriptions, ramp notes,
restriction reasons) restated in miles. The rules and their sentences work in kilometres, as the
studies do; a runner who chose miles reads every figure in miles.

One mile is 1.609344 km exactly (the international mile of 1959), so a distance converts back and
forth without drift. Pure: the services convert with it, presentation/units.py shows with it.
"""

from __future__ import annotations

import re

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
