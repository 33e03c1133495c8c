"""limits.toml: every number loads with its reason, and a range that runs backwards is refused."""

from __future__ import annotations

import pytest

from footcore.adapters.datafiles import read_toml, validate_data
from footcore.adapters.limits_file import NAME, LimitsFile, limits
from footcore.errors import DataFileError


def test_the_bundled_limits_load_with_ranges_from_low_to_high() -> None:
    found = limits()
    for low, high in (*found.log_ranges.values(), *found.coach_dose_ranges.values()):
        assert 1 <= low <= high
    assert set(found.log_ranges) == set(found.coach_dose_ranges) == {"reps", "hold_s", "sets"}


def test_a_range_that_runs_backwards_is_a_packaging_bug() -> None:
    raw = read_toml(NAME)
    raw["log"]["reps"] = [500, 1]
    with pytest.raises(DataFileError, match="log"):
        validate_data(LimitsFile, raw, NAME)


def test_every_limit_says_it_is_footcores_choice() -> None:
    raw = read_toml(NAME)
    raw["names"]["choice"] = "because"
    with pytest.raises(DataFileError):
        validate_data(LimitsFile, raw, NAME)
