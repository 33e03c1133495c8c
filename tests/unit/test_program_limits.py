"""data/program_limits.toml: footcore's own bounds and windows, each with the reason for it, are
validated when loaded; a broken file is a packaging bug named in one line."""

from __future__ import annotations

from typing import Any

import pytest

from footcore.adapters import program_limits_file
from footcore.adapters.datafiles import read_toml
from footcore.errors import DataFileError


def load_with(monkeypatch: pytest.MonkeyPatch, raw: dict[str, Any]) -> None:
    monkeypatch.setattr(program_limits_file, "read_toml", lambda name: raw)
    program_limits_file.load_program_limits.cache_clear()
    try:
        program_limits_file.load_program_limits()
    finally:
        program_limits_file.load_program_limits.cache_clear()


def test_the_bundled_limits_load_with_a_log_range_per_measure() -> None:
    limits = program_limits_file.load_program_limits()
    assert set(limits.log) == {"sets", "reps", "hold_s"}
    assert all(low <= high for low, high in limits.coach_edit.values())


def test_a_limit_without_its_reason_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = read_toml("program_limits.toml")
    raw["status"] = {k: v for k, v in raw["status"].items() if k != "choice"}
    with pytest.raises(DataFileError, match=r"status\.choice"):
        load_with(monkeypatch, raw)


def test_a_range_whose_low_end_is_above_its_high_end_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    raw = read_toml("program_limits.toml")
    raw["log"] = {**raw["log"], "reps": [50, 5]}
    with pytest.raises(DataFileError, match=r"program_limits\.toml"):
        load_with(monkeypatch, raw)
