"""The importer on files the tests write (tests/synthetic.py): each format's run comes back with the
figures it was written with, so the importer is exercised on a fresh clone without the corpus."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from footcore.adapters.importers import Imported, Skipped, read_activities
from tests.synthetic import Track, fit_bytes, write_activity

TRACK = Track(start=datetime(2025, 5, 4, 6, 15, 30, tzinfo=UTC), km=10.0, minutes=52.5)


@pytest.mark.parametrize(("suffix", "source"), [(".fit", "device"), (".tcx", "device")])
def test_a_run_with_a_device_distance_comes_back_with_its_figures(
    tmp_path: Path, suffix: str, source: str
) -> None:
    (outcome,) = read_activities([write_activity(tmp_path / f"run{suffix}", TRACK)], workers=1)
    assert isinstance(outcome, Imported), outcome
    (run,) = outcome.activities
    assert (run.sport, run.start, run.distance_m) == ("running", TRACK.start, 10_000.0)
    assert (run.elapsed_s, run.moving_s, run.distance_source) == (3150.0, 3150.0, source)


def test_a_gpx_run_is_measured_along_its_track(tmp_path: Path) -> None:
    (outcome,) = read_activities([write_activity(tmp_path / "run.gpx", TRACK)], workers=1)
    assert isinstance(outcome, Imported), outcome
    (run,) = outcome.activities
    assert run.start == TRACK.start and run.elapsed_s == 3150.0
    # gpxpy's earth radius is 0.1% larger than the one the track was laid out with
    assert run.distance_m == pytest.approx(10_000.0, rel=0.002)
    assert run.distance_source == "track" and run.device == "footcore tests"


def test_a_fit_session_without_a_total_takes_the_record_distance(tmp_path: Path) -> None:
    path = tmp_path / "no-total.fit"
    path.write_bytes(fit_bytes(TRACK, with_total=False))
    (outcome,) = read_activities([path], workers=1)
    assert isinstance(outcome, Imported), outcome
    assert outcome.activities[0].distance_m == 10_000.0
    assert outcome.activities[0].distance_source == "device"


@pytest.mark.parametrize("suffix", [".fit", ".gpx"])
def test_a_ride_is_skipped_as_not_a_run(tmp_path: Path, suffix: str) -> None:
    ride = Track(start=TRACK.start, km=30, sport="cycling")
    (outcome,) = read_activities([write_activity(tmp_path / f"ride{suffix}", ride)], workers=1)
    assert isinstance(outcome, Skipped) and outcome.reason == "cycling is not a run"
