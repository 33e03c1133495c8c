"""Running load and footwear through the services, on SQLite and PostgreSQL: importing every
sample file, duplicates, one transaction per file, a Strava export, the foot plan after a spike,
shoes and the minimalist ramp. The importer's own figures are checked against independent
references in test_importers.py; here the stored runs must carry exactly those figures."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from footcore.adapters.importers import Imported
from footcore.adapters.inputs import results_from_mapping
from footcore.adapters.storage import running_models
from footcore.adapters.storage.database import alembic_config
from footcore.adapters.storage.models import Base
from footcore.adapters.storage.uow import SqlUnitOfWork
from footcore.bootstrap import knowledge
from footcore.entrypoints.cli.words import cli_message
from footcore.errors import ConflictError, InputError, NotFoundError
from footcore.services import running, running_import, training
from footcore.services.logbook import LogEntry
from tests.corpus import SAMPLES, activity_samples, outcomes_each, strava_export
from tests.factories import example_profile, high_load_start, normal_results_on
from tests.synthetic import Track, tcx_text

REPO = Path(__file__).resolve().parents[2]
DAY = timedelta(days=1)
NAME = "default"


def normal(today: date) -> dict[str, Any]:
    """Normal assessment results, taken ten weeks before `today`."""
    return normal_results_on(today - 70 * DAY)


def sample_files() -> list[Path]:
    return activity_samples()


def profile(units: str = "km", pain: dict[str, int] | None = None) -> dict[str, Any]:
    return example_profile(units, pain if pain is not None else {})


def started(
    uow: SqlUnitOfWork,
    today: date,
    days_ago: int = 2,
    units: str = "km",
    results: dict[str, Any] | None = None,
) -> None:
    parsed = results_from_mapping(results, "results") if results is not None else None
    training.init(
        uow, NAME, profile(units), "profile", parsed, results, today - days_ago * DAY, 24, today
    )


def stored_runs(uow: SqlUnitOfWork) -> list[SimpleNamespace]:
    """Every stored run as plain values (the rows are gone with their session)."""
    with uow:
        rows = uow.repo.session.query(running_models.RunRow).order_by(running_models.RunRow.start)
        return [
            SimpleNamespace(**{c.name: getattr(r, c.name) for c in r.__table__.columns})
            for r in rows
        ]


# --- the schema -----------------------------------------------------------------------------------


def test_the_running_tables_match_their_models_and_migrate_down_and_up(uow: SqlUnitOfWork) -> None:
    with uow.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
    cfg = alembic_config(uow.engine)
    command.downgrade(cfg, "0001_training")
    with uow.engine.connect() as conn:
        names = set(conn.dialect.get_table_names(conn))
    assert not names & {"runs", "shoes", "foot_restrictions", "minimalist_ramps"}
    command.upgrade(cfg, "head")


# --- import -----------------------------------------------------------------------------------


def test_every_sample_imports_with_the_importers_figures_and_again_as_duplicates(
    uow: SqlUnitOfWork, today: date
) -> None:
    started(uow, today)
    files = sample_files()
    expected = {}
    for path in files:  # one batch each: the importer's figures for every file on its own
        for outcome in outcomes_each(path):
            if isinstance(outcome, Imported):
                expected[outcome.source] = outcome.activities
    report = running.import_paths(uow, NAME, files, today)
    # the same run in two formats (GPX and TCX of one run) is stored once
    assert sorted(report.duplicates) == [
        str(SAMPLES / "tcx" / "runpandas__run.tcx"),
        str(SAMPLES / "tcx" / "runpandas__stopped_example.tcx"),
    ]
    got = {(r.file, r.start, r.distance_m, r.elapsed_s, r.moving_s) for r in report.imported}
    want = {
        (a.source, a.start, a.distance_m, a.elapsed_s, a.moving_s)
        for source, acts in expected.items()
        for a in acts
        if source not in report.duplicates and a.distance_m > 0
    }
    assert got == want and len(got) == 14
    # two FIT runs record no distance: skipped with the reason, never stored as 0 km
    no_distance = {Path(f).name for f, why in report.skipped if why == running.NO_DISTANCE}
    assert no_distance == {"fitparse__antfs-dump.63.fit", "sweatpy__6471559601_ACTIVITY.fit"}
    assert {Path(f).name for f, _ in report.skipped} - no_distance == {
        "fitparse__coros-pace-2-cycling-misaligned-fields.fit",
        "fitparse__garmin-fenix-5-walk.fit",
        "sweatpy__2020-06-01-16-52-40.fit",
        "fitparse__event_timestamp.fit",
        "fitparse__elemnt-bolt-no-application-id-inside-developer-data-id.fit",
        "sweatpy__activity_5039744860.gpx",
        "sweatpy__4801048867_strava.gpx",
        "sweatpy__activity_5039744860.tcx",
        "saf__walking_activity_1.tcx",
        "saf__pool_swim-activity_1.tcx",
    }
    assert all(
        why.endswith("is not a run") for f, why in report.skipped if Path(f).name not in no_distance
    )
    assert {Path(f).name for f, _ in report.failed} == {
        "fitparse__activity-unexpected-eof.fit",
        "fitparse__activity-filecrc.fit",
        "fitparse__activity-settings-corruptheader.fit",
        "fitparse__MonitoringFile.fit",
        "gpxpy__route.gpx",
        "gpxpy__cerknicko-without-times.gpx",
    }
    rows = stored_runs(uow)
    assert {(r.source, r.distance_m, r.elapsed_s, r.moving_s) for r in rows} == {
        (f, d, e, m) for f, _, d, e, m in got
    }
    assert {r.distance_source for r in rows} == {"device", "track"}

    again = running.import_paths(uow, NAME, files, today)
    assert again.imported == [] and len(again.duplicates) == 16
    assert len(stored_runs(uow)) == 14


def test_a_file_whose_storage_fails_half_way_leaves_nothing(
    uow: SqlUnitOfWork, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, today: date
) -> None:
    started(uow, today)
    # one TCX holding two runs: the second is the first moved a day later
    text = tcx_text(Track(start=datetime(2018, 11, 25, 7, 20, 49, tzinfo=UTC), km=2.15))
    body = text.split("<Activities>")[1].split("</Activities>")[0]
    later = body.replace("2018-11-25T", "2018-11-26T")
    two = text.replace(body, body + later)
    (tmp_path / "two.tcx").write_text(two)
    calls = {"n": 0}
    real = running_import._duplicate

    def failing(runner: Any, activity: Any) -> bool:
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk full")
        return real(runner, activity)

    monkeypatch.setattr(running_import, "_duplicate", failing)
    with pytest.raises(RuntimeError):
        running.import_paths(uow, NAME, [tmp_path / "two.tcx"], today)
    assert stored_runs(uow) == []
    monkeypatch.setattr(running_import, "_duplicate", real)
    report = running.import_paths(uow, NAME, [tmp_path / "two.tcx"], today)
    assert len(report.imported) == 2 and len(stored_runs(uow)) == 2


def test_a_strava_export_stores_its_runs_and_manual_entries_and_names_the_rest(
    uow: SqlUnitOfWork, tmp_path: Path, today: date
) -> None:
    started(uow, today)
    export = strava_export(tmp_path)
    report = running.import_paths(uow, NAME, [export], today)
    assert [(Path(r.file.split("!")[1]).name, round(r.distance_m, 2)) for r in report.imported] == [
        ("1.fit.gz", 9008.22),
        ("activities.csv row 3", 10500.0),
        ("4.tcx.gz", 2153.67),
    ]
    assert report.skipped == [(f"{export}!activities/2.gpx", "cycling is not a run")]
    assert [(f.split("!")[1], "CRC" in why) for f, why in report.failed] == [
        ("activities/5.fit.gz", True)
    ]
    manual = [r for r in stored_runs(uow) if r.distance_source == "manual"]
    assert [(r.elapsed_s, r.moving_s) for r in manual] == [(3600.0, 3500.0)]
    assert not (tmp_path / "activities").exists()


# --- runs typed in, and the foot plan after a spike ------------------------------------------


def test_a_run_typed_in_is_checked_and_the_same_one_twice_is_refused(
    uow: SqlUnitOfWork, today: date
) -> None:
    started(uow, today)
    for bad, field in (
        (dict(km=0.0), "km"),
        (dict(km=1000.0), "km"),
        (dict(minutes=0.0), "minutes"),
        (dict(day=today + DAY), "date"),
        (dict(rpe=11), "rpe"),
        (dict(surface="sand"), "surface"),
    ):
        args: dict[str, Any] = {"day": today, "km": 5.0, "minutes": 30.0, **bad}
        with pytest.raises(InputError, match=field):
            running.add_run(uow, NAME, as_of=today, **args)
    with pytest.raises(NotFoundError, match="no shoe 'Nope'"):
        running.add_run(uow, NAME, day=today, km=5, minutes=30, as_of=today, shoe="Nope")
    running.add_run(uow, NAME, day=today, km=5, minutes=30, as_of=today)
    with pytest.raises(ConflictError) as twice:
        running.add_run(uow, NAME, day=today, km=5, minutes=30, as_of=today)
    # the service names the next step; the command line says it with its option
    assert re.search("--time", cli_message(twice.value))
    from datetime import time

    running.add_run(uow, NAME, day=today, km=5, minutes=30, as_of=today, at=time(18, 0))
    assert len(stored_runs(uow)) == 2


@pytest.mark.any_weekday
def test_after_a_large_spike_the_next_days_leave_out_plyometric_and_high_load_items(
    uow: SqlUnitOfWork, today: date
) -> None:
    start = high_load_start(today)
    training.init(uow, NAME, profile(pain={"knee": 2}), "profile", None, None, start, 24, today)
    days = [today + i * DAY for i in range(4)]
    before = {d: training.day(uow, NAME, d, today).items for d in days}
    # the reference run falls in the week before last: no week-on-week rise, on any weekday
    monday = today - today.weekday() * DAY
    running.add_run(uow, NAME, day=monday - 12 * DAY, km=10, minutes=55, as_of=today)
    run = running.add_run(uow, NAME, day=today, km=20.01, minutes=120, as_of=today)
    assert run.spike is not None and "a large spike" in run.spike
    assert run.restricted_until == today + 3 * DAY
    catalog = knowledge().catalog
    dropped_any = False
    for d in days:
        view = training.day(uow, NAME, d, today)
        gone = [i for i in before[d] if i not in view.items]
        assert [g.exercise for g in gone] == [x["exercise"] for x in view.dropped]
        assert all(catalog.get(g.exercise_done).is_high_load for g in gone)
        assert all(not catalog.get(i.exercise_done).is_high_load for i in view.items)
        for x in view.dropped:
            assert "a large spike" in x["reasons"][0] and "Frandsen 2025" in x["reasons"][0]
            assert "evidence:frandsen_2025" in x["sources"]
        dropped_any = dropped_any or bool(gone)
    assert dropped_any
    after = training.day(uow, NAME, today + 4 * DAY, today)
    assert after.dropped == []


# --- load ---------------------------------------------------------------------------------------


@pytest.mark.any_weekday
def test_the_load_report_shows_weeks_spikes_and_the_ratio_with_its_caveat(
    uow: SqlUnitOfWork, today: date
) -> None:
    started(uow, today)
    monday = today - today.weekday() * DAY
    for day, km in ((monday - 14 * DAY, 10.0), (monday - 7 * DAY, 10.0), (today, 12.0)):
        running.add_run(uow, NAME, day=day, km=km, minutes=km * 6, as_of=today)
    report = running.load_report(uow, NAME, 3, today)
    assert [(w.week_start, w.distance_m, w.change_pct) for w in report.weeks] == [
        (monday - 14 * DAY, 10_000.0, None),
        (monday - 7 * DAY, 10_000.0, 0.0),
        (monday, 12_000.0, pytest.approx(20.0)),
    ]
    assert [s.spike.band.value for s in report.spikes if s.spike.band] == ["none", "small"]
    assert report.acwr is not None and report.acwr.ratio is not None
    assert report.acwr_lines[0].startswith("The acute:chronic ratio is shown for context only")
    assert "Damsted 2019" in report.weekly_note
    # a 20% rise over the week before is a sharply higher week: the foot plan is restricted
    assert {r.trigger.value for r in report.restrictions} == {"sharp_week"}


# --- shoes and the ramp ---------------------------------------------------------------------------


def test_shoes_have_their_distance_reminder_and_rotation(uow: SqlUnitOfWork, today: date) -> None:
    started(uow, today)
    running.add_shoe(uow, NAME, "Old", today, kind="cushioned", reminder_km=480)
    running.add_shoe(uow, NAME, "New", today, kind="neutral", drop_mm=8, weight_g=250)
    with pytest.raises(ConflictError):
        running.add_shoe(uow, NAME, "Old", today)
    with pytest.raises(InputError, match="reminder_km"):
        running.add_shoe(uow, NAME, "Odd", today, reminder_km=100)
    with pytest.raises(InputError, match="kind"):
        running.add_shoe(uow, NAME, "Odd", today, kind="boot")
    for i in range(25):  # 500 km in the old pair, spread over 50 days
        running.add_run(
            uow, NAME, day=today - (50 - 2 * i) * DAY, km=20, minutes=110, as_of=today, shoe="Old"
        )
    running.add_run(uow, NAME, day=today - DAY, km=8, minutes=45, as_of=today, shoe="New")
    report = running.shoes_report(uow, NAME, today)
    lines = {x.shoe.name: x for x in report.shoes}
    assert lines["Old"].distance_m == 500_000 and lines["Old"].reminder is not None
    assert lines["Old"].shoe.reminder_km == 480
    assert lines["New"].distance_m == 8000 and lines["New"].reminder is None
    assert lines["New"].shoe.reminder_km == 650  # the default
    assert "no study links shoe mileage to injury" in report.reminder_note
    assert report.reminder_grade == "S"
    assert report.rotation.parallel and report.rotation.pairs == ("Old", "New")
    running.retire_shoe(uow, NAME, "Old", today)
    assert {x.shoe.name: x.reminder for x in running.shoes_report(uow, NAME, today).shoes}[
        "Old"
    ] is None


def log_weeks(uow: SqlUnitOfWork, weeks: int, today: date) -> None:
    """Log the first item of one session in each of the last `weeks` calendar weeks."""
    monday = today - today.weekday() * DAY
    for w in range(weeks, 0, -1):
        days = [monday - 7 * w * DAY + i * DAY for i in range(7)]
        day, items = next(
            (d, v.items) for d in days if (v := training.day(uow, NAME, d, today)).items
        )
        training.log(
            uow,
            NAME,
            LogEntry(items[0].exercise_done, day, None, None, None, "both", 4, 0, ""),
            today,
        )


@pytest.mark.any_weekday
def test_the_minimalist_ramp_is_offered_only_once_the_milestones_are_met(
    uow: SqlUnitOfWork, today: date
) -> None:
    started(uow, today, days_ago=70, results=normal(today))
    running.add_shoe(uow, NAME, "Vibram", today, kind="minimalist")
    ramp = running.ramp_report(uow, NAME, today)
    assert ramp.status == "not_offered"
    assert [c.milestone.id for c in ramp.checks if not c.met] == ["foot_training"]
    with pytest.raises(InputError, match="at least 8 weeks"):
        running.start_ramp(uow, NAME, 20, today)
    log_weeks(uow, 8, today)
    assert running.ramp_report(uow, NAME, today).status == "offered"
    started_ramp = running.start_ramp(uow, NAME, 20, today)
    assert started_ramp.status == "active" and started_ramp.week is not None
    assert started_ramp.week.allowance_m == 2000
    with pytest.raises(ConflictError):
        running.start_ramp(uow, NAME, 20, today)
    running.add_run(uow, NAME, day=today, km=1.5, minutes=9, as_of=today, shoe="Vibram")
    ramp = running.ramp_report(uow, NAME, today)
    assert ramp.week is not None and ramp.week.used_m == 1500 and ramp.status == "active"
    training.checkin(uow, NAME, today, 4, "shin", [], today)
    paused = running.ramp_report(uow, NAME, today)
    assert paused.status == "paused" and "lower-leg pain 4/10" in paused.note
