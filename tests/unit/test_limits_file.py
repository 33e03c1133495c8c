"""limits.toml: every number loads with its reason, and a count below one is refused."""

from __future__ import annotations

import pytest

from footcore.adapters.datafiles import read_toml, validate_data
from footcore.adapters.limits_file import NAME, LimitsFile, limits
from footcore.errors import DataFileError


def test_the_bundled_limits_load_as_positive_counts() -> None:
    found = limits()
    assert min(vars(found).values()) >= 1


def test_a_count_below_one_is_a_packaging_bug() -> None:
    raw = read_toml(NAME)
    raw["lists"]["runs_shown"] = 0
    with pytest.raises(DataFileError, match="runs_shown"):
        validate_data(LimitsFile, raw, NAME)


def test_every_limit_says_it_is_footcores_choice() -> None:
    raw = read_toml(NAME)
    raw["names"]["choice"] = "because"
    with pytest.raises(DataFileError):
        validate_data(LimitsFile, raw, NAME)


def test_the_api_bodies_take_their_lengths_from_the_limits_file() -> None:
    from footcore.entrypoints.http.api.schemas.runner import ClearCreate, SessionLogCreate
    from footcore.entrypoints.http.api.schemas.team import EditCreate, TemplateCreate

    found = limits()
    edit = EditCreate.model_json_schema()["properties"]
    assert TemplateCreate.model_json_schema()["properties"]["name"]["maxLength"] == (
        found.template_name_chars
    )
    assert edit["reason"]["maxLength"] == found.coach_reason_chars
    assert edit["note"]["anyOf"][0]["maxLength"] == found.coach_note_chars
    assert ClearCreate.model_json_schema()["properties"]["by"]["maxLength"] == found.clearer_chars
    entries = SessionLogCreate.model_json_schema()["properties"]["entries"]
    assert entries["maxItems"] == found.session_entries
