"""Runs that cannot be true are refused with a reason naming the limit (import_limits.toml), GPS
jumps are left out with a note, and a questionable file that would be a large spike is stored
only once confirmed; on SQLite and PostgreSQL, with files the tests write themselves."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from footcore.adapters.storage.uow import SqlUnitOfWork
from footcore.errors import InputError
from footcore.services import running, training
from tests.factories import example_profile
from tests.integration.test_running import stored_runs
from tests.synthetic_runs import gpx, tcx, track, with_jump

NAME = "default"
TODAY = date(2026, 11, 16)
DAY = timedelta(days=1)


def at(day: date, hour: int = 7) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def started(uow: SqlUnitOfWork) -> None:
    profile = example_profile()
    training.init(uow, NAME, profile, "profile", None, None, TODAY - 2 * DAY, 24, TODAY)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_impossible_files_are_refused_with_the_limit_and_nothing_is_stored(
    uow: SqlUnitOfWork, tmp_path: Path
) -> None:
    started(uow)
    files = [
        write(tmp_path, "ultra.tcx", tcx(at(TODAY - DAY), 504_000, 100 * 3600)),
        write(tmp_path, "rocket.tcx", tcx(at(TODAY - DAY), 10_000, 19 * 60)),
        write(tmp_path, "old.gpx", gpx(track(at(date(1900, 6, 1)), 10, 50))),
        write(tmp_path, "future.gpx", gpx(track(at(date(2099, 6, 1)), 10, 50))),
        write(tmp_path, "week.tcx", tcx(at(TODAY - 10 * DAY), 300_000, 170 * 3600)),
    ]
    report = running.import_paths(uow, NAME, files, TODAY)
    reasons = dict((Path(f).name, why) for f, why in report.failed)
    assert reasons["ultra.tcx"] == (
        "not stored: 504.0 km is longer than the 400 km limit of one run"
    )
    assert "an average of 1:54/km is at or faster than 2:00/km" in reasons["rocket.tcx"]
    assert "dated 1900-06-01, before 2000-01-01" in reasons["old.gpx"]
    assert "dated 2099-06-01, after today (2026-11-16)" in reasons["future.gpx"]
    assert "170.0 hours is longer than the 168-hour limit" in reasons["week.tcx"]
    assert report.imported == [] and stored_runs(uow) == []


def test_a_gps_jump_is_left_out_with_a_note(uow: SqlUnitOfWork, tmp_path: Path) -> None:
    started(uow)
    points = with_jump(track(at(TODAY - DAY), 10, 55), 200)
    report = running.import_paths(uow, NAME, [write(tmp_path, "jump.gpx", gpx(points))], TODAY)
    (run,) = stored_runs(uow)
    assert run.distance_m == pytest.approx(10_011, abs=30)  # not 1,600 km out and back
    assert [note for _, note in report.notes] == [
        "1 track point(s) left out: reaching them needed over 50 km/h from the point before "
        "(a GPS jump)"
    ]


def a_base_of_easy_runs(uow: SqlUnitOfWork) -> None:
    for days_ago in (3, 6, 9, 12):
        running.add_run(uow, NAME, day=TODAY - days_ago * DAY, km=5, minutes=30, as_of=TODAY)


@pytest.mark.parametrize(
    ("answer", "stored"), [(None, False), (False, False), (True, True)], ids=["none", "no", "yes"]
)
def test_a_questionable_file_that_would_be_a_large_spike_is_stored_only_once_confirmed(
    uow: SqlUnitOfWork, tmp_path: Path, answer: bool | None, stored: bool
) -> None:
    started(uow)
    a_base_of_easy_runs(uow)
    questions: list[str] = []

    def confirm(question: str) -> bool:
        questions.append(question)
        return bool(answer)

    points = with_jump(track(at(TODAY - DAY), 12, 70), 100)  # 12 km after 5 km runs: +140%
    path = write(tmp_path, "long.gpx", gpx(points))
    report = running.import_paths(
        uow, NAME, [path], TODAY, confirm=None if answer is None else confirm
    )
    assert len(stored_runs(uow)) == 4 + stored
    if answer is not None:
        assert "questionable file" in questions[0] and "Store it?" in questions[0]
    if not stored:
        (why,) = [why for _, why in report.failed]
        assert why.startswith("not stored: a questionable file") and "large spike" in why


def test_a_clean_file_with_a_large_spike_is_stored_without_asking(
    uow: SqlUnitOfWork, tmp_path: Path
) -> None:
    started(uow)
    a_base_of_easy_runs(uow)

    def never(question: str) -> bool:
        raise AssertionError(question)

    path = write(tmp_path, "long.gpx", gpx(track(at(TODAY - DAY), 12, 70)))
    running.import_paths(uow, NAME, [path], TODAY, confirm=never)
    assert len(stored_runs(uow)) == 5


@pytest.mark.parametrize(
    ("day", "km", "minutes", "field", "text"),
    [
        (TODAY, 1000, 6000, "km", "1,000.0 km is longer than the 400 km limit of one run"),
        (TODAY, 10, 15, "minutes", "an average of 1:30/km"),
        (date(1999, 12, 31), 10, 50, "date", "before 2000-01-01"),
        (TODAY, 10, 169 * 60, "minutes", "longer than the 168-hour limit"),
    ],
)
def test_a_run_typed_in_that_cannot_be_true_is_refused(
    uow: SqlUnitOfWork, day: date, km: float, minutes: float, field: str, text: str
) -> None:
    started(uow)
    with pytest.raises(InputError, match=text) as refused:
        running.add_run(uow, NAME, day=day, km=km, minutes=minutes, as_of=TODAY)
    assert refused.value.field == field
    assert stored_runs(uow) == []


def test_an_imported_run_without_a_distance_is_skipped_with_a_reason(
    uow: SqlUnitOfWork, tmp_path: Path
) -> None:
    started(uow)
    standing = [(45.0, 14.0, at(TODAY - DAY) + timedelta(seconds=s)) for s in range(0, 1800, 5)]
    files = [
        write(tmp_path, "treadmill.gpx", gpx(standing)),
        write(tmp_path, "indoor.tcx", tcx(at(TODAY - 2 * DAY), 0, 1800)),
    ]
    report = running.import_paths(uow, NAME, files, TODAY)
    assert [(Path(f).name, why) for f, why in report.skipped] == [
        (name, running.NO_DISTANCE) for name in ("treadmill.gpx", "indoor.tcx")
    ]
    assert stored_runs(uow) == [] and report.imported == []


def test_a_stored_run_without_a_distance_never_reads_as_zero_km(uow: SqlUnitOfWork) -> None:
    from footcore.adapters.storage.running_models import RunRow
    from footcore.presentation.runs import runs_text

    started(uow)
    with uow:
        athlete = uow.repo.athlete(NAME)
        assert athlete is not None
        start = datetime(2026, 11, 15, 7)
        uow.repo.add(
            RunRow(
                athlete_id=athlete.id,
                start=start,
                date=start.date(),
                distance_m=0.0,
                elapsed_s=1800.0,
                moving_s=1800.0,
                rpe=None,
                shoe_id=None,
                surface=None,
                source="old.fit",
                distance_source="device",
                device=None,
            )
        )
        uow.commit()
    text = runs_text(running.list_runs(uow, NAME, TODAY))
    assert "no distance" in text and "0.00 km" not in text
