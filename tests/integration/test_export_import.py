"""Export and import: every record of a runner, format_version 2; export -> import into an empty
database -> export gives the same bytes, on each backend and from one backend to the other."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from footcore.adapters.inputs import results_from_mapping
from footcore.adapters.storage.uow import SqlUnitOfWork
from footcore.errors import ConflictError, InputError, RedFlagError
from footcore.services import training
from footcore.services.logbook import LogEntry
from tests.factories import NORMAL_RESULTS, example_profile, example_results

DAY = timedelta(days=1)
START = date(2026, 3, 2)
PROFILE = example_profile()
BASELINE = example_results()


def a_history(uow: SqlUnitOfWork) -> None:
    """A bit of everything: logs, check-ins, decisions, a retest, a pause and its clearance."""
    training.init(
        uow,
        "ana",
        PROFILE,
        "runner.toml",
        results_from_mapping(BASELINE),
        BASELINE,
        START,
        8,
        START,
    )
    for offset in range(4):
        day = START + offset * DAY
        training.checkin(uow, "ana", day, offset % 2, "", [], day)
        items = training.day(uow, "ana", day, day).items
        training.log_session(
            uow,
            "ana",
            [
                LogEntry(i.exercise_done, day, rpe=5, pain=2 + offset, pain_area="heel")
                for i in items
            ],
            day,
        )
    raw = {
        "date": START + 4 * DAY,
        **{k: {"left": a, "right": b} for k, (a, b) in NORMAL_RESULTS.items()},
    }
    training.retest(uow, "ana", results_from_mapping(raw), raw, START + 4 * DAY)
    training.profile_set(uow, "ana", "schedule.minutes_per_day", "20", START + 4 * DAY)
    with pytest.raises(RedFlagError):
        training.checkin(uow, "ana", START + 5 * DAY, 2, "", ["night_pain"], START + 5 * DAY)
    training.clear(uow, "ana", True, START + 6 * DAY, "A. Lee, physiotherapist")


def test_export_import_export_gives_the_same_file(
    database_url: str, other_database_url: str
) -> None:
    source, target = SqlUnitOfWork.connect(database_url), SqlUnitOfWork.connect(other_database_url)
    try:
        a_history(source)
        first = training.export(source, "ana", START + 6 * DAY)
        assert training.import_data(target, first, "ana.json", None) == "ana"
        second = training.export(target, "ana", START + 6 * DAY)
    finally:
        source.dispose()
        target.dispose()
    assert second == first
    doc = json.loads(first)
    assert doc["format_version"] == 2
    assert {k for k in doc if doc[k]} >= {
        "athlete",
        "profiles",
        "plan",
        "weeks",
        "logs",
        "checkins",
        "assessments",
        "decisions",
        "exercise_states",
        "pauses",
    }
    assert [p["revision"] for p in doc["profiles"]] == [1, 2]  # init, then minutes_per_day


@pytest.mark.postgres
def test_an_export_moves_from_sqlite_to_postgresql_unchanged(
    tmp_path: object, postgres_url: str
) -> None:
    source = SqlUnitOfWork.connect(f"sqlite:///{tmp_path}/a.db")
    target = SqlUnitOfWork.connect(postgres_url)
    try:
        a_history(source)
        first = training.export(source, "ana", START + 6 * DAY)
        training.import_data(target, first, "ana.json", None)
        assert training.export(target, "ana", START + 6 * DAY) == first
    finally:
        source.dispose()
        target.dispose()


def test_importing_a_runner_that_exists_is_a_conflict_and_writes_nothing(
    uow: SqlUnitOfWork,
) -> None:
    a_history(uow)
    text = training.export(uow, "ana", START + 6 * DAY)
    with pytest.raises(ConflictError, match="already exists"):
        training.import_data(uow, text, "ana.json", None)
    assert training.import_data(uow, text, "ana.json", "ana2") == "ana2"
    assert training.export(uow, "ana2", START + 6 * DAY).replace('"ana2"', '"ana"') == text


def test_a_broken_export_is_one_input_error_and_nothing_is_imported(uow: SqlUnitOfWork) -> None:
    a_history(uow)
    doc = json.loads(training.export(uow, "ana", START + 6 * DAY))
    del doc["logs"][-1]["pain"]  # the very last record: everything before it was written
    with pytest.raises(InputError, match="not a complete footcore export"):
        training.import_data(uow, json.dumps(doc), "broken.json", "bea")
    with uow:
        assert uow.repo.athlete("bea") is None
    with pytest.raises(InputError, match="format_version 3 is not supported"):
        training.import_data(uow, json.dumps({**doc, "format_version": 3}), "x.json", "bea")
    with pytest.raises(InputError, match="not JSON"):
        training.import_data(uow, "{", "x.json", "bea")
