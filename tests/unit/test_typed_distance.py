"""A distance as a runner types it: "10mi", "16 km", or a bare number in their own unit."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from footcore.presentation.units import M_PER_KM, M_PER_MI, parse_distance


@pytest.mark.parametrize(
    ("text", "unit", "metres"),
    [
        ("10mi", "km", 10 * M_PER_MI),
        ("16km", "mi", 16_000.0),
        ("16 KM", "mi", 16_000.0),
        ("5.5 miles", "km", 5.5 * M_PER_MI),
        ("12", "mi", 12 * M_PER_MI),
        ("12", "km", 12_000.0),
        (".5 mile", "km", 0.5 * M_PER_MI),
    ],
)
def test_a_typed_distance_is_read_in_its_unit(text: str, unit: str, metres: float) -> None:
    assert parse_distance(text, unit) == pytest.approx(metres)


@pytest.mark.parametrize("text", ["", "ten miles", "10 furlongs", "-3mi", "1e3km", "10 mi mi"])
def test_what_is_not_a_distance_is_refused_with_the_way_to_write_it(text: str) -> None:
    with pytest.raises(ValueError, match="write it as 16km or 10mi"):
        parse_distance(text, "km")


@given(st.decimals(min_value=0, max_value=10_000, places=3), st.sampled_from(["km", "mi"]))
def test_a_number_with_its_unit_reads_the_same_whatever_the_runners_unit(
    value: object, unit: str
) -> None:
    text = f"{value}{unit}"
    per = M_PER_KM if unit == "km" else M_PER_MI
    assert parse_distance(text, "km") == parse_distance(text, "mi")
    assert parse_distance(text, "km") == pytest.approx(float(str(value)) * per)
