"""The running commands end to end, through the real entry point, on SQLite and PostgreSQL: runs
add/import/list, load, shoes and the ramp, the foot plan after a spike, units in miles, and every
bad input as one line with exit code 2."""

from __future__ import annotations

import json
import tomllib
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from footcore.adapters.importers import Imported
from footcore.bootstrap import knowledge
from tests.cli_runner import checked as fc
from tests.cli_runner import js, ok, one_error_line
from tests.corpus import activity_samples, outcomes_each, strava_export
from tests.factories import high_load_start, profile_file
from tests.synthetic import Track, write_activity

DAY = timedelta(days=1)


def started(tmp_path: Path, today: date, units: str = "km", start: date | None = None) -> None:
    profile = profile_file(tmp_path, units)
    assert tomllib.loads(profile.read_text())["units"] == units
    ok("init", "--profile", str(profile), "--start", (start or today - 2 * DAY).isoformat())


def sample_files() -> list[Path]:
    return activity_samples()


# a short run of 2017 (long before the tests' today: no spike), as a Garmin fenix 5 recorded it
FENIX5_RUN = Track(start=datetime(2017, 6, 11, 14, 34, 9, tzinfo=UTC), km=0.15756, minutes=0.948)


# --- runs ---------------------------------------------------------------------------------------


def test_bad_runs_are_one_line_with_exit_2_and_nothing_is_stored(
    cli: str, tmp_path: Path, today: date
) -> None:
    started(tmp_path, today)
    day = today.isoformat()
    base = ("runs", "add", "--date", day, "--km", "5", "--minutes", "30")
    one_error_line(
        fc("runs", "add", "--date", day, "--km", "0", "--minutes", "30"),
        "km: 0.0 is not a distance; give more than 0 and at most 400 km",
    )
    one_error_line(
        fc("runs", "add", "--date", day, "--km", "1000", "--minutes", "6000"),
        "1,000.0 km is longer than the 400 km limit of one run",
    )
    one_error_line(
        fc("runs", "add", "--date", day, "--km", "5", "--minutes", "0"),
        "minutes: 0.0 is not a duration",
    )
    one_error_line(
        fc("runs", "add", "--date", (today + DAY).isoformat(), "--km", "5", "--minutes", "30"),
        "is in the future",
    )
    one_error_line(fc(*base, "--rpe", "11"), "--rpe 11 is not an effort rating; give 0 to 10")
    one_error_line(fc(*base, "--surface", "sand"), "'sand' is not one of 'road', 'trail'")
    one_error_line(fc(*base, "--shoe", "Ghost"), "no shoe 'Ghost'")
    one_error_line(
        fc("runs", "add", "--date", "2026-02-30", "--km", "5", "--minutes", "3"), "is not a date"
    )
    one_error_line(fc(*base, "--time", "25:00"), "is not a time of day")
    assert js("runs")["total"] == 0
    added = ok(*base, "--rpe", "4", "--surface", "road")
    assert f"Stored the run of {day}" in added.out and "5.00 km" in added.out
    assert "6:00 /km" in added.out and "effort 4/10" in added.out
    one_error_line(fc(*base), "already stored; give its start time (--time HH:MM)")
    ok(*base, "--time", "18:30")
    assert js("runs")["total"] == 2


def test_every_sample_imports_and_a_second_import_finds_only_duplicates(
    cli: str, tmp_path: Path, today: date
) -> None:
    started(tmp_path, today)
    files = [str(p) for p in sample_files()]
    r = ok("runs", "import", *files, "--format", "json")
    assert r.err == ""  # no progress bar when stderr is not a terminal
    report = json.loads(r.out)
    assert list(report) == ["imported", "duplicates", "skipped", "failed"]
    assert all(
        list(x) == ["file", "start", "distance_m", "elapsed_s", "moving_s"]
        for x in report["imported"]
    )
    assert all(list(x) == ["file"] for x in report["duplicates"])
    assert all(list(x) == ["file", "reason"] for x in report["skipped"] + report["failed"])
    want = {}
    for path in sample_files():
        for outcome in outcomes_each(path):
            if isinstance(outcome, Imported):
                want[outcome.source] = outcome.activities[0]
    for x in report["imported"]:
        a = want[x["file"]]
        assert (x["start"], x["distance_m"], x["elapsed_s"], x["moving_s"]) == (
            a.start.isoformat(),
            a.distance_m,
            a.elapsed_s,
            a.moving_s,
        )
    assert len(report["imported"]) == 14 and len(report["duplicates"]) == 2
    reasons = {Path(x["file"]).name: x["reason"] for x in report["failed"]}
    assert "truncated" in reasons["fitparse__activity-unexpected-eof.fit"]
    assert "CRC" in reasons["fitparse__activity-filecrc.fit"]
    assert "not an activity" in reasons["fitparse__MonitoringFile.fit"]
    assert "route" in reasons["gpxpy__route.gpx"]
    skipped = {Path(x["file"]).name: x["reason"] for x in report["skipped"]}
    assert skipped["fitparse__garmin-fenix-5-walk.fit"] == "walking is not a run"
    assert skipped["sweatpy__4801048867_strava.gpx"] == "cycling is not a run"
    assert skipped["fitparse__antfs-dump.63.fit"].startswith("no distance recorded")

    again = js("runs", "import", *files)
    assert again["imported"] == [] and len(again["duplicates"]) == 16
    assert js("runs", "--limit", "100")["total"] == 14
    text = ok("runs", "import", *files[:3]).out
    assert text.startswith("Imported 0 run(s); 1 duplicate(s), 0 skipped, 2 failed (3 in all).")


def test_bad_files_are_reported_one_by_one_and_the_batch_goes_on(
    cli: str, tmp_path: Path, today: date
) -> None:
    started(tmp_path, today)
    (tmp_path / "empty.fit").write_bytes(b"")
    (tmp_path / "notes.txt").write_text("hello")
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
        '<gpx version="1.1"><trk><name>&b;</name></trk></gpx>'
    )
    (tmp_path / "laughs.gpx").write_text(laughs)
    write_activity(tmp_path / "ride.gpx", Track(start=FENIX5_RUN.start, km=36, sport="cycling"))
    with (tmp_path / "huge.tcx").open("wb") as f:
        f.truncate(51_000_000)
    run_fit = str(write_activity(tmp_path / "fenix-5-run.fit", FENIX5_RUN))
    paths = [
        str(tmp_path / n) for n in ("empty.fit", "notes.txt", "laughs.gpx", "ride.gpx", "huge.tcx")
    ]
    report = js("runs", "import", *paths, run_fit, str(tmp_path / "missing.fit"))
    failed = {Path(x["file"]).name: x["reason"] for x in report["failed"]}
    assert "empty file" in failed["empty.fit"]
    assert "unsupported file type ('.txt')" in failed["notes.txt"]
    assert "refused" in failed["laughs.gpx"] and "entities" in failed["laughs.gpx"]
    assert "50 MB" in failed["huge.tcx"]
    assert "no such file" in failed["missing.fit"]
    assert report["skipped"] == [
        {"file": str(tmp_path / "ride.gpx"), "reason": "cycling is not a run"}
    ]
    assert [Path(x["file"]).name for x in report["imported"]] == [Path(run_fit).name]
    assert js("runs")["total"] == 1


def test_a_strava_export_zip_imports_through_the_cli(cli: str, tmp_path: Path, today: date) -> None:
    started(tmp_path, today)
    report = js("runs", "import", str(strava_export(tmp_path)))
    assert [x["file"].split("!")[1] for x in report["imported"]] == [
        "activities/1.fit.gz",
        "activities.csv row 3",
        "activities/4.tcx.gz",
    ]
    assert [x["reason"] for x in report["skipped"]] == ["cycling is not a run"]
    assert len(report["failed"]) == 1 and "CRC" in report["failed"][0]["reason"]


# --- load ---------------------------------------------------------------------------------------


def test_single_run_spikes_fall_in_frandsens_bands_at_their_exact_edges(
    cli: str, tmp_path: Path, today: date
) -> None:
    # evidence.md boundary case 2: longest run of the last 30 days = 10 km
    started(tmp_path, today)
    cases = [
        ("11.0", "none"),
        ("11.01", "small"),
        ("13.0", "small"),
        ("13.01", "moderate"),
        ("20.0", "moderate"),
        ("20.01", "large"),
    ]
    base = today - 250 * DAY
    for k, (km, _) in enumerate(cases):  # 40 days apart: each pair has its own 30-day window
        reference, spike = base + 40 * k * DAY, base + (40 * k + 1) * DAY
        ok("runs", "add", "--date", reference.isoformat(), "--km", "10", "--minutes", "60")
        ok("runs", "add", "--date", spike.isoformat(), "--km", km, "--minutes", "60")
    report = js("load", "--weeks", "40")
    bands = {s["date"]: (s["band"], s["restricts"]) for s in report["spikes"]}
    for k, (_, band) in enumerate(cases):
        assert bands[(base + (40 * k + 1) * DAY).isoformat()] == (
            band,
            band in ("moderate", "large"),
        )
    text = ok("load", "--weeks", "40").out
    assert "The acute:chronic ratio is shown for context only" in text
    # One row per run; each band's reason once, however many runs fall in it.
    assert "  20.01 km    10.00 km   +100%  large" in text
    assert text.count("hazard rate ratio") == 3 and "\n  large: a large spike (over" in text
    assert text.count("against the longest run of the previous 30 days") == 1
    assert report["acwr_caveat"].startswith("The acute:chronic ratio is shown for context only")
    assert "Frandsen 2025" in report["acwr_caveat"]


@pytest.mark.any_weekday
def test_the_load_shows_weekly_distance_and_its_change(
    cli: str, tmp_path: Path, today: date
) -> None:
    started(tmp_path, today)
    monday = today - today.weekday() * DAY
    ok("runs", "add", "--date", (monday - 7 * DAY).isoformat(), "--km", "10", "--minutes", "60")
    ok("runs", "add", "--date", today.isoformat(), "--km", "15", "--minutes", "90")
    report = js("load", "--weeks", "2")
    assert [(w["distance_m"], w["change_pct"]) for w in report["weeks"]] == [
        (10_000.0, None),
        (15_000.0, 50.0),
    ]
    assert report["acwr"]["ratio"] is not None and report["acwr"]["date"] == today.isoformat()
    assert {r["trigger"] for r in report["restrictions"]} >= {"sharp_week", "spike"}
    text = ok("load", "--weeks", "2").out
    assert "+50%" in text and "Damsted 2019" in text
    one_error_line(fc("load", "--weeks", "0"), "--weeks 0 is out of range; accepted 1..520")


# --- the foot plan after a spike -----------------------------------------------------------------


@pytest.mark.any_weekday
@pytest.mark.parametrize(("units", "figure"), [("km", "20.00 km"), ("mi", "12.43 mi")])
def test_today_leaves_out_plyometric_and_high_load_items_after_a_large_spike(
    cli: str, tmp_path: Path, units: str, figure: str, today: date
) -> None:
    started(tmp_path, today, units=units, start=high_load_start(today))
    days = [today + i * DAY for i in range(4)]
    before = {d: js("today", "--date", d.isoformat())["items"] for d in days}
    # the reference run falls in the week before last: no week-on-week rise, on any weekday
    monday = today - today.weekday() * DAY
    ok("runs", "add", "--date", (monday - 12 * DAY).isoformat(), "--km", "8", "--minutes", "45")
    added = ok("runs", "add", "--date", today.isoformat(), "--km", "20", "--minutes", "120").out
    assert (
        "a large spike" in added
        and f"leaves out plyometric and high-load items until {(today + 3 * DAY).isoformat()}"
        in added
    )
    catalog = knowledge().catalog
    seen = 0
    for d in days:
        after = js("today", "--date", d.isoformat())
        kept = [i["exercise"] for i in after["items"]]
        gone = [i for i in before[d] if i["exercise"] not in kept]
        assert [g["exercise"] for g in gone] == [x["exercise"] for x in after["dropped"]]
        assert all(catalog.get(g["exercise_done"]).is_high_load for g in gone)
        seen += len(gone)
        if gone:
            text = ok("today", "--date", d.isoformat()).out
            assert "left out: " in text and "+150% against the longest run" in text
            assert f"{figure} is +150%" in text and "[Frandsen et al. 2025 (grade A)" in text
            week = ok("week", "--date", d.isoformat()).out
            assert "left out: " in week
    assert seen


# --- shoes ----------------------------------------------------------------------------------------


def test_shoes_show_distance_reminder_rotation_and_the_ramp_milestones(
    cli: str, tmp_path: Path, today: date
) -> None:
    started(tmp_path, today)
    ok("shoes", "add", "Old pair", "--kind", "cushioned", "--reminder-km", "480")
    ok("shoes", "add", "Racer", "--kind", "minimalist", "--drop-mm", "0", "--weight-g", "180")
    one_error_line(fc("shoes", "add", "Racer"), "already stored")
    one_error_line(
        fc("shoes", "add", "X", "--reminder-km", "100"),
        "reminder_km: 100 km is outside the conventional 480-800 km",
    )
    one_error_line(fc("shoes", "add", "X", "--kind", "boot"), "'boot' is not one of")
    for i in range(24):
        ok(
            "runs",
            "add",
            "--date",
            (today - (48 - 2 * i) * DAY).isoformat(),
            "--km",
            "20",
            "--minutes",
            "110",
            "--shoe",
            "Old pair",
        )
    ok(
        "runs",
        "add",
        "--date",
        today.isoformat(),
        "--km",
        "3",
        "--minutes",
        "18",
        "--shoe",
        "Racer",
    )
    text = ok("shoes").out
    assert "Old pair: cushioned; 480.00 km in 24 run(s)" in text
    assert "reminder: 480.00 km reached the 480 km reminder" in text
    assert "more than one pair in parallel" in text
    why = ok("shoes", "--explain").out  # the long reasons, once, on request
    assert "no study links shoe mileage to injury" in why and "secondary source" in why
    assert "Malisoux 2015" in why
    assert "Minimalist transition: not offered yet" in text
    assert "[ ] at least 8 weeks of the foot-strength plan" in text
    data = js("shoes")
    old = next(s for s in data["shoes"] if s["name"] == "Old pair")
    assert (old["distance_m"], old["reminder_due"], old["runs"]) == (480_000.0, True, 24)
    assert data["rotation"]["parallel"] is True
    assert data["ramp"]["status"] == "not_offered"
    one_error_line(
        fc("shoes", "ramp", "--target-km", "20"),
        "offered once every milestone is met; not yet: at least 8 weeks",
    )
    ok("shoes", "retire", "Old pair")
    assert "Old pair: cushioned; 480.00 km in 24 run(s), last" in ok("shoes").out
    assert "reminder: " not in ok("shoes").out
    one_error_line(fc("shoes", "retire", "Nope"), "no shoe 'Nope'")


# --- units ----------------------------------------------------------------------------------------


@pytest.mark.any_weekday
def test_a_runner_who_chose_miles_reads_miles_everywhere(
    cli: str, tmp_path: Path, today: date
) -> None:
    started(tmp_path, today, units="mi")
    ok("shoes", "add", "Daily")
    ok(
        "runs",
        "add",
        "--date",
        (today - 3 * DAY).isoformat(),
        "--km",
        "8.04672",
        "--minutes",
        "40",
        "--shoe",
        "Daily",
    )
    added = ok(
        "runs", "add", "--date", today.isoformat(), "--km", "16.09344", "--minutes", "80"
    ).out
    assert "10.00 mi" in added and "8:00 /mi" in added and " km" not in added
    assert "10.00 mi is +100% against the longest run of the previous 30 days (5.00 mi)" in added
    listed = ok("runs").out
    assert "10.00 mi" in listed and "5.00 mi" in listed and " km" not in listed
    data = js("runs")
    assert data["units"] == "mi" and data["runs"][0]["distance"] == 10.0
    load = ok("load", "--weeks", "1").out
    assert "(mi)" in load and "10.00 mi" in load and " km" not in load
    # 5 mi three days ago and 10 mi today: in this week or the one before, by the weekday
    assert sum(w["distance"] for w in js("load", "--weeks", "2")["weeks"]) == 15.0
    shoes = ok("shoes").out
    assert "5.00 mi in 1 run(s)" in shoes and "reminder at 404 mi" in shoes
    imported = ok("runs", "import", str(write_activity(tmp_path / "fenix-5-run.fit", FENIX5_RUN)))
    assert "0.10 mi" in imported.out
    ramp = ok("shoes", "ramp").out
    assert "1.2 mi" in ramp and "2 km" not in ramp
    shown = js("today")
    reasons = [r for x in shown["dropped"] for r in x["reasons"]]
    assert all(" km " not in r for r in reasons)
