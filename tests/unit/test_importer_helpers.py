"""The importers' small pure helpers: sport names, duplicates, file kinds, Strava rows."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from footcore.adapters.importers import ParsedActivity, is_duplicate
from footcore.adapters.importers.formats import kind_of_name, sniff, unsupported
from footcore.adapters.importers.model import Imported, SessionSkip, Skipped, outcome_from
from footcore.adapters.importers.sports import is_run, sport_label
from footcore.adapters.importers.strava_csv import manual_run, read_rows
from footcore.errors import FileInputError, InputError

START = datetime(2021, 1, 10, 8, 54, 28, tzinfo=UTC)


def a_run(**changes: Any) -> ParsedActivity:
    run = ParsedActivity(
        source="a.fit",
        sport="running",
        start=START,
        distance_m=10_000.0,
        elapsed_s=3_000.0,
        moving_s=2_900.0,
        distance_source="device",
        device="garmin fr645m",
    )
    return replace(run, **changes)


@pytest.mark.parametrize(
    "name",
    [
        "running",
        "Running",
        "run",
        "Run",
        "9",
        "trail_running",
        "Trail Run",
        "Virtual Run",
        "treadmill_running",
        "street running",
    ],
)
def test_every_spelling_of_a_run_is_a_run(name: str) -> None:
    assert is_run(name)


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("1", "cycling"),
        ("cycling", "cycling"),
        ("Biking", "cycling"),
        ("Ride", "cycling"),
        ("Virtual Ride", "cycling"),
        ("E-Bike Ride", "cycling"),
        ("walking", "walking"),
        ("Walk", "walking"),
        ("Hike", "hiking"),
        ("swimming", "swimming"),
        ("Other", "other sport"),
        ("transition", "transition"),
        ("rowing", "rowing"),
        ("Weight Training", "weight training"),
        ("4", "Strava activity type 4"),
        ("treadmill_walking", "treadmill walking"),
    ],
)
def test_other_sports_get_a_readable_name(name: str, label: str) -> None:
    assert not is_run(name)
    assert sport_label(name) == label


def test_a_run_read_twice_is_a_duplicate() -> None:
    assert is_duplicate(a_run(), a_run(source="b.gpx"))


def test_the_same_run_in_another_format_is_a_duplicate() -> None:
    other = a_run(start=START - timedelta(seconds=6), distance_m=10_480.0)
    assert is_duplicate(a_run(), other)


def test_a_run_starting_over_a_minute_apart_is_not_a_duplicate() -> None:
    assert not is_duplicate(a_run(), a_run(start=START + timedelta(seconds=61)))


def test_a_much_shorter_activity_at_the_same_moment_is_not_a_duplicate() -> None:
    assert not is_duplicate(a_run(), a_run(distance_m=8_000.0))


def test_tiny_runs_compare_within_100_m() -> None:
    assert is_duplicate(a_run(distance_m=0.0), a_run(distance_m=90.0))
    assert not is_duplicate(a_run(distance_m=0.0), a_run(distance_m=150.0))


def test_a_run_needs_a_utc_start() -> None:
    with pytest.raises(InputError, match="UTC"):
        a_run(start=datetime(2021, 1, 10, 8, 54))
    with pytest.raises(InputError, match="UTC"):
        a_run(start=datetime(2021, 1, 10, 8, 54, tzinfo=timezone(timedelta(hours=2))))


@pytest.mark.parametrize(
    "changes",
    [{"distance_m": -1.0}, {"elapsed_s": float("nan")}, {"moving_s": 3_001.0}],
)
def test_a_run_refuses_impossible_figures(changes: dict[str, float]) -> None:
    with pytest.raises(InputError):
        a_run(**changes)


@pytest.mark.parametrize(
    ("name", "kind", "gzipped"),
    [
        ("a.fit", "fit", False),
        ("A.FIT", "fit", False),
        ("a.gpx.gz", "gpx", True),
        ("a.tcx.gz", "tcx", True),
        ("export.zip", "zip", False),
        ("a.zip.gz", None, True),
        ("a.txt", None, False),
        ("fit", None, False),
    ],
)
def test_file_names_promise_a_format(name: str, kind: str | None, gzipped: bool) -> None:
    assert kind_of_name(name) == (kind, gzipped)


def test_the_unsupported_reason_lists_what_is_accepted() -> None:
    reason = unsupported("notes.txt")
    assert "'.txt'" in reason and ".fit.gz" in reason and ".zip" in reason


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (bytes([14, 16, 0, 0, 0, 0, 0, 0]) + b".FIT", "fit"),
        (b"\x1f\x8b\x08", "gzip"),
        (b"PK\x03\x04", "zip"),
        (b'\xef\xbb\xbf<?xml version="1.0"?>\n<gpx version="1.1">', "gpx"),
        (b"  <TrainingCenterDatabase>", "tcx"),
        (b"<kml/>", "xml"),
        (b"hello", None),
    ],
)
def test_content_is_recognised_cheaply(data: bytes, kind: str | None) -> None:
    assert sniff(data) == kind


def test_a_multisport_file_without_a_run_names_its_sports() -> None:
    outcome = outcome_from(
        "tri.fit",
        [SessionSkip("swimming", "swimming is not a run"), SessionSkip("cycling", "x")],
    )
    assert isinstance(outcome, Skipped) and "swimming, cycling" in outcome.reason


def test_skipped_sessions_become_notes_beside_the_run() -> None:
    outcome = outcome_from("tri.fit", [SessionSkip("cycling", "cycling is not a run"), a_run()])
    assert isinstance(outcome, Imported)
    assert outcome.notes == ("cycling session skipped: cycling is not a run",)


CSV = (
    "Activity ID,Activity Date,Activity Type,Elapsed Time,Distance,Filename,Elapsed Time,"
    "Moving Time,Distance\n"
    '1,"Jul 5, 2018, 3:00:00 PM",Run,1800,5.01,,1800.0,1750.0,5010.0\n'
    '2,"Dec 31, 2019, 11:59:59 PM",Run,600,1.5,,,,\n'
)


def test_a_manual_strava_entry_becomes_a_run_from_its_row() -> None:
    first, second = read_rows(CSV.encode())
    run = manual_run("export.zip!activities.csv row 1", first)
    assert run.start == datetime(2018, 7, 5, 15, 0, tzinfo=UTC)
    assert (run.distance_m, run.elapsed_s, run.moving_s) == (5010.0, 1800.0, 1750.0)
    assert run.distance_source == "manual"
    # no metres column value and no moving time: km x 1000, and moving = elapsed
    run = manual_run("row 2", second)
    assert run.start == datetime(2019, 12, 31, 23, 59, 59, tzinfo=UTC)
    assert (run.distance_m, run.moving_s) == (1500.0, 600.0)


def test_a_csv_that_is_not_a_strava_export_is_refused() -> None:
    with pytest.raises(FileInputError, match="Activity Date"):
        list(read_rows(b"name,when\nx,y\n"))


def test_a_strava_date_in_another_format_is_refused() -> None:
    row, _ = read_rows(CSV.replace('"Jul 5, 2018, 3:00:00 PM"', "2018-07-05").encode())
    with pytest.raises(FileInputError, match="Activity Date"):
        manual_run("row 1", row)
