"""Export format 2: every record of a runner travels, runs and shoes included; the list of tables
comes from the schema, so a table added later cannot be left out silently; a file of format 1
(written by footcore before runs travelled) still imports."""

from __future__ import annotations

import gzip
import json
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from footcore.adapters.storage import runner_tables
from footcore.adapters.storage.running_models import MinimalistRampRow
from footcore.adapters.storage.transfer import NESTED, flat_tables
from footcore.adapters.storage.uow import SqlUnitOfWork
from footcore.errors import InputError
from footcore.services import coach_edits, running, running_shoes, training
from tests.integration.test_export_import import START, a_history

DAY = timedelta(days=1)
AS_OF = START + 6 * DAY
FORMAT_1 = Path(__file__).parent / "data" / "export_format_1.json.gz"


def a_runner_with_runs(uow: SqlUnitOfWork) -> None:
    """The training history, two pairs of shoes, three easy weeks of runs then a long run (a
    spike that restricts the foot plan), and a started minimalist ramp."""
    a_history(uow)
    running_shoes.add_shoe(uow, "ana", "Daily trainer", AS_OF, drop_mm=10.0, reminder_km=600.0)
    running_shoes.add_shoe(uow, "ana", "Flat racer", AS_OF, kind="minimalist", weight_g=180.5)
    for week in range(3):
        for offset in (0, 2, 4):
            day = START - (21 - 7 * week - offset) * DAY
            running.add_run(
                uow, "ana", day=day, km=5.25, minutes=31.5, as_of=AS_OF, shoe="Daily trainer"
            )
    running.add_run(uow, "ana", day=START + DAY, km=6.0, minutes=40, as_of=AS_OF, rpe=4)
    running.add_run(
        uow, "ana", day=AS_OF, km=21.1, minutes=130, as_of=AS_OF, shoe="Flat racer", surface="trail"
    )
    with uow:
        athlete = uow.repo.athlete("ana")
        assert athlete is not None
        uow.repo.add(MinimalistRampRow(athlete_id=athlete.id, started_on=AS_OF, target_m=8000))
        uow.commit()
    # A coach's note on one of the plan's exercises travels with the runner too.
    slot = training.day(uow, "ana", AS_OF + DAY, AS_OF).items[0].exercise
    coach_edits.edit(
        uow,
        datetime(2026, 3, 1, 9, 30),
        "coach@club.example",
        "ana",
        "note",
        slot,
        "form check",
        AS_OF,
        note="3 s down",
    )


def counts(uow: SqlUnitOfWork, name: str) -> dict[str, int]:
    with uow:
        athlete = uow.repo.athlete(name)
        assert athlete is not None
        return {
            t.name: uow.repo.session.scalar(
                select(func.count()).select_from(t).where(t.c.athlete_id == athlete.id)
            )
            or 0
            for t in runner_tables.runner_tables()
        }


def test_every_table_a_runner_owns_is_in_the_export_with_its_records(
    database_url: str, other_database_url: str
) -> None:
    source, target = SqlUnitOfWork.connect(database_url), SqlUnitOfWork.connect(other_database_url)
    try:
        a_runner_with_runs(source)
        first = training.export(source, "ana", AS_OF)
        training.import_data(target, first, "ana.json", None)
        second = training.export(target, "ana", AS_OF)
        before, after = counts(source, "ana"), counts(target, "ana")
    finally:
        source.dispose()
        target.dispose()
    assert second == first
    assert after == before
    doc = json.loads(first)
    owned = {t.name for t in runner_tables.runner_tables()}
    # A new table must hold records in this history, so its export is really exercised.
    assert {name for name, n in before.items() if n == 0} == set()
    assert owned - NESTED == {t.name for t in flat_tables()}
    for table in flat_tables():
        assert len(doc[table.name]) == before[table.name], table.name
    assert len(doc["runs"]) == 11
    assert {s["name"] for s in doc["shoes"]} == {"Daily trainer", "Flat racer"}
    assert [r["shoe"] for r in doc["runs"]].count("Daily trainer") == 9
    assert doc["runs"][-1]["shoe"] == "Flat racer"
    assert doc["runs"][-1]["distance_m"] == 21100.0
    assert doc["foot_restrictions"], "the long run restricts the foot plan"
    assert doc["minimalist_ramps"] == [{"started_on": AS_OF.isoformat(), "target_m": 8000}]
    assert "id" not in doc["runs"][0] and "shoe_id" not in doc["runs"][0]


def _as_old(record: Any, was: Any) -> Any:
    """A record of today's export seen with the keys a format-1 file had: every column added
    since (a check-in's stiffness, a decision's made_at, a pause's cleared_by) must be empty."""
    if not isinstance(record, dict) or not isinstance(was, dict):
        return record
    added = {k: v for k, v in record.items() if k not in was}
    assert all(v in (None, "", []) for v in added.values()), added
    return {k: v for k, v in record.items() if k in was}


def test_a_format_1_export_still_imports(uow: SqlUnitOfWork) -> None:
    text = gzip.decompress(FORMAT_1.read_bytes()).decode()
    old = json.loads(text)
    assert old["format_version"] == 1
    assert training.import_data(uow, text, "old.json", None) == "ana"
    doc = json.loads(training.export(uow, "ana", AS_OF))
    assert doc["format_version"] == 2
    assert doc["exercise_states"] == old["states"]
    for key in ("profiles", "logs", "checkins", "assessments", "decisions", "pauses", "weeks"):
        assert [_as_old(new, was) for new, was in zip(doc[key], old[key], strict=True)] == old[
            key
        ], key
    assert doc["runs"] == [] and doc["shoes"] == []


def test_a_run_pointing_at_a_shoe_the_file_lacks_is_refused_and_nothing_is_stored(
    uow: SqlUnitOfWork,
) -> None:
    a_runner_with_runs(uow)
    doc = json.loads(training.export(uow, "ana", AS_OF))
    doc["runs"][0]["shoe"] = "Ghost"
    with pytest.raises(InputError, match="no 'Ghost' in shoes"):
        training.import_data(uow, json.dumps(doc), "x.json", "bea")
    doc["runs"][0]["shoe"] = None
    doc["runs"][0]["distance_m"] = "far"
    with pytest.raises(InputError, match=r"runs\.distance_m"):
        training.import_data(uow, json.dumps(doc), "x.json", "bea")
    with uow:
        assert uow.repo.athlete("bea") is None


def test_a_column_missing_from_an_older_file_takes_its_empty_value(uow: SqlUnitOfWork) -> None:
    a_runner_with_runs(uow)
    doc = json.loads(training.export(uow, "ana", AS_OF))
    for run in doc["runs"]:
        del run["device"]  # as if `device` had been added after the file was written
    training.import_data(uow, json.dumps(doc), "x.json", "bea")
    again = json.loads(training.export(uow, "bea", AS_OF))
    assert [r["device"] for r in again["runs"]] == [None] * 11
    assert date.fromisoformat(again["runs"][0]["date"]) < START


@pytest.mark.postgres
def test_runs_and_shoes_move_from_sqlite_to_postgresql_unchanged(
    tmp_path: Path, postgres_url: str
) -> None:
    source = SqlUnitOfWork.connect(f"sqlite:///{tmp_path}/a.db")
    target = SqlUnitOfWork.connect(postgres_url)
    try:
        a_runner_with_runs(source)
        first = training.export(source, "ana", AS_OF)
        training.import_data(target, first, "ana.json", None)
        assert training.export(target, "ana", AS_OF) == first
        assert counts(target, "ana") == counts(source, "ana")
    finally:
        source.dispose()
        target.dispose()
