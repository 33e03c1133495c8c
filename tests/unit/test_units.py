"""Distances and paces in the runner's units: one mile is 1.609344 km exactly."""

from __future__ import annotations

import pytest

from footcore.errors import InputError
from footcore.presentation.units import KM, MI, duration_text, in_units, units_of


def test_a_mile_is_exactly_1609_344_metres() -> None:
    assert MI.metres == 1609.344
    assert MI.distance(1609.344) == 1.0
    assert MI.distance(42_195, 3) == 26.219
    assert MI.to_metres(26.2) == pytest.approx(42_164.81, abs=0.01)


def test_distances_read_in_the_chosen_unit() -> None:
    assert KM.distance_text(12_345.6) == "12.35 km"
    assert MI.distance_text(10_000) == "6.21 mi"
    assert MI.distance_text(650_000, 0) == "404 mi"


def test_paces_are_minutes_and_seconds_per_unit() -> None:
    assert KM.pace_text(3000, 10_000) == "5:00 /km"
    assert MI.pace_text(3000, 10_000) == "8:03 /mi"
    assert KM.pace_text(25, 0) == "-"  # an indoor run without distance has no pace


def test_durations_under_and_over_an_hour() -> None:
    assert duration_text(57) == "0:57"
    assert duration_text(2832.4) == "47:12"
    assert duration_text(5127) == "1:25:27"


def test_a_profile_without_units_reads_kilometres_and_others_are_refused() -> None:
    assert units_of(None) is KM and units_of("mi") is MI
    with pytest.raises(InputError, match="use km or mi"):
        units_of("furlong")


def test_km_figures_in_footcores_sentences_are_restated_in_miles() -> None:
    spike = (
        "20.01 km is +100% against the longest run of the previous 30 days (10.00 km): "
        "a large spike"
    )
    assert in_units(spike, "mi") == (
        "12.43 mi is +100% against the longest run of the previous 30 days (6.21 mi): a large spike"
    )
    assert in_units("start with 2 km a week", "mi") == "start with 1.2 mi a week"
    assert in_units("480-800 km", "mi") == "298.3-497.1 mi"
    assert in_units(spike, "km") == spike
    assert in_units("a 5km run", "mi") == "a 5km run"  # only "N km" figures are footcore's
