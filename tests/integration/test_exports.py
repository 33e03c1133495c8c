"""Exporters from domain values: the calendar read back by a second iCalendar client (the `ics`
package), the printed plan rendered by poppler (pdftoppm, pdftotext), and the charts' file types
and the series they drew. Also the progress series those charts are drawn from."""

from __future__ import annotations

import io
import math
import os
import shutil
import subprocess
from datetime import date, datetime, time, timedelta
from pathlib import Path
from xml.etree import ElementTree

import ics
import pytest
from matplotlib import image as mpimg
from pypdf import PdfReader

from footcore.adapters.exporters.calendar_ics import CalendarOptions, plan_calendar, session_uid
from footcore.adapters.exporters.charts import KINDS, render_chart
from footcore.adapters.exporters.files import check_target, write_atomic
from footcore.adapters.exporters.pdf_plan import PrintOptions, card_doses, page_count, plan_pdf
from footcore.adapters.inputs import read_profile, read_results, results_from_mapping
from footcore.adapters.load_rules_file import load_load_rules
from footcore.adapters.storage.uow import SqlUnitOfWork
from footcore.bootstrap import knowledge
from footcore.domain.assessment import Results, SideResult
from footcore.domain.load import RunRecord, SpikeBand
from footcore.domain.plan import Plan
from footcore.domain.profile import Sex
from footcore.domain.progress import (
    CheckIn,
    Progress,
    SessionLog,
    adherence,
    load_series,
    pain_series,
    retest_series,
)
from footcore.errors import FileInputError, InputError
from footcore.services import training
from footcore.services.exports import calendar_for_athlete, chart_for_athlete, stored_runner
from footcore.services.planning import make_plan
from tests.conftest import EXAMPLES
from tests.factories import example_profile, example_results

START = date(2026, 11, 23)
STAMP = datetime(2026, 11, 20, 9, 0)
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftoppm") is None, reason="pdftoppm (Debian poppler-utils) is not installed"
)


@pytest.fixture(scope="module")
def plan() -> Plan:
    profile = read_profile(EXAMPLES / "runner.toml")
    return make_plan(knowledge(), profile, read_results(EXAMPLES / "assessment.toml"), START, 9)


def parsed(
    plan: Plan, athlete: str = "ana", options: CalendarOptions | None = None
) -> list[ics.Event]:
    data = plan_calendar(
        plan, knowledge().catalog, athlete, options or CalendarOptions(stamp=STAMP)
    )
    return sorted(ics.Calendar(data.decode("utf-8")).events, key=lambda e: e.begin)


# Calendar --------------------------------------------------------------------------------------


def test_a_second_client_reads_one_event_per_planned_session(plan: Plan) -> None:
    events = parsed(plan)
    assert len(events) == len(plan.sessions())
    assert [e.begin.date() for e in events] == [s.date for s in plan.sessions()]


def test_each_event_lasts_its_sessions_minutes_rounded_up(plan: Plan) -> None:
    for event, session in zip(parsed(plan), plan.sessions(), strict=True):
        assert event.duration == timedelta(minutes=math.ceil(session.minutes))
        assert session.minutes <= event.duration.total_seconds() / 60 < session.minutes + 1


def test_titles_mark_the_lighter_weeks_and_the_retest_day(plan: Plan) -> None:
    by_day = {e.begin.date(): e.name for e in parsed(plan)}
    for week in plan.weeks:
        for s in week.sessions:
            assert ("lighter" in by_day[s.date]) is week.light
            assert ("retest" in by_day[s.date]) is (week.retest and s is week.sessions[-1])
            assert by_day[s.date].startswith(
                f"footcore: {week.phase.value.replace('_', '-')} week {week.index}"
            )
    assert any(w.light for w in plan.weeks) and any(w.retest for w in plan.weeks)


def test_every_event_reminds_fifteen_minutes_before(plan: Plan) -> None:
    for event in parsed(plan):
        assert [a.trigger for a in event.alarms] == [timedelta(minutes=-15)]


def test_uids_are_unique_and_the_same_in_a_second_export(plan: Plan) -> None:
    first = [e.uid for e in parsed(plan)]
    again = [e.uid for e in parsed(plan, options=CalendarOptions(at=time(18, 30), stamp=STAMP))]
    assert first == again
    assert len(set(first)) == len(first)
    assert first[0] == f"footcore-ana-{plan.sessions()[0].date.isoformat()}@footcore.local"


def test_an_athlete_id_with_spaces_becomes_a_stable_token() -> None:
    uid = session_uid("Ana María López", START)
    assert uid == session_uid("Ana María López", START)
    assert " " not in uid and uid.isascii()
    assert uid != session_uid("Ana Maria Lopez", START)


def test_the_description_lists_exercises_doses_and_cues(plan: Plan) -> None:
    from footcore.presentation.doses import dose_text

    event = parsed(plan)[0]
    first = plan.sessions()[0]
    for p in first.items:
        assert f"{p.name}: {dose_text(p.dose)}" in event.description
        for cue in knowledge().catalog.get(p.exercise).cues:
            assert cue in event.description


def test_times_float_by_default_and_carry_a_tzid_when_asked(plan: Plan) -> None:
    floating = plan_calendar(plan, knowledge().catalog, "ana", CalendarOptions(stamp=STAMP))
    assert b"DTSTART:20261123T070000\r\n" in floating
    assert b"VTIMEZONE" not in floating
    zoned = plan_calendar(
        plan, knowledge().catalog, "ana", CalendarOptions(stamp=STAMP, tz="Europe/Berlin")
    )
    assert b"DTSTART;TZID=Europe/Berlin:20261123T070000\r\n" in zoned
    first = sorted(ics.Calendar(zoned.decode()).events, key=lambda e: e.begin)[0]
    assert first.begin.utcoffset() == timedelta(hours=1)


def test_an_unknown_time_zone_is_an_input_error(plan: Plan) -> None:
    with pytest.raises(InputError, match="unknown time zone 'Mars/Olympus'"):
        plan_calendar(plan, knowledge().catalog, "ana", CalendarOptions(tz="Mars/Olympus"))


# Printable plan --------------------------------------------------------------------------------


def _retests() -> list[Results]:
    base = read_results(EXAMPLES / "assessment.toml")
    later = Results(
        base.date + timedelta(weeks=6),
        {
            "heel_raise_reps": SideResult(19.0, 23.0),
            "knee_to_wall_cm": SideResult(11.5, 11.5),
        },
    )
    return [base, later]


def a_progress(plan: Plan) -> Progress:
    """Two weeks of logs and check-ins, two assessments and three weeks of runs."""
    logs = [
        SessionLog(s.date, done=i % 4 != 0, pain=i % 5) for i, s in enumerate(plan.sessions()[:14])
    ]
    checkins = [
        CheckIn(s.date + timedelta(days=1), i % 3) for i, s in enumerate(plan.sessions()[:14])
    ]
    runs = [
        RunRecord(START + timedelta(days=d), m, m / 3, m / 3)
        for d, m in ((0, 10_000.0), (3, 8_000.0), (7, 10_000.0), (10, 14_000.0), (14, 9_000.0))
    ]
    battery = knowledge().battery
    return Progress(
        adherence(plan, logs, START + timedelta(days=13)),
        pain_series(logs, checkins),
        retest_series(battery, _retests(), 34, Sex.FEMALE),
        load_series(runs, load_load_rules()),
    )


def pdftotext(pdf: Path, page: int) -> str:
    """One page's text, with runs of white space as one space (table cells wrap their lines)."""
    text = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return " ".join(text.split())


@pytest.fixture(scope="module")
def printed(plan: Plan, tmp_path_factory: pytest.TempPathFactory) -> Path:
    profile = read_profile(EXAMPLES / "runner.toml")
    k = knowledge()
    path = tmp_path_factory.mktemp("pdf") / "plan.pdf"
    write_atomic(
        path,
        plan_pdf(
            plan,
            k.catalog,
            profile,
            PrintOptions(
                name="Ana",
                labels=k.rules.quality_labels,
                progress=a_progress(plan),
                printed=date(2026, 11, 20),
            ),
        ),
    )
    return path


@needs_poppler
def test_the_printout_has_a_cover_a_page_per_week_a_card_per_exercise_and_log_sheets(
    plan: Plan, printed: Path, tmp_path: Path
) -> None:
    exercises = len(card_doses(plan.weeks))
    expected = page_count(len(plan.weeks), exercises, charts=4)
    assert expected == 1 + 9 + exercises + 5 + 2
    assert len(PdfReader(printed).pages) == expected
    subprocess.run(["pdftoppm", "-png", "-r", "30", str(printed), str(tmp_path / "p")], check=True)
    pngs = sorted(tmp_path.glob("p-*.png"))
    assert len(pngs) == expected
    for png in pngs:
        pixels = mpimg.imread(png)
        assert pixels.std() > 0.02, f"{png.name} looks blank"


@needs_poppler
def test_the_printed_text_has_findings_priorities_weeks_cards_and_log_sheets(
    plan: Plan, printed: Path
) -> None:
    k = knowledge()
    cover = pdftotext(printed, 1)
    for f in plan.findings:
        assert f.name in cover
    assert (
        "Priorities" in cover and k.rules.quality_labels[plan.priorities[0]].split(" (")[0] in cover
    )
    assert "A: read in the primary paper" in cover
    for week in plan.weeks:
        page = pdftotext(printed, 1 + week.index)
        assert f"Week {week.index}" in page
        assert ("lighter week" in page) is week.light
        assert week.sessions[0].items[0].name in page
    names = list(card_doses(plan.weeks))
    first_card = pdftotext(printed, 2 + len(plan.weeks))
    assert k.catalog.get(names[0]).name in first_card and "Cues" in first_card
    log = pdftotext(printed, 2 + len(plan.weeks) + len(names))
    assert "Log sheet" in log and "Pain during" in log
    assert "Progress" in pdftotext(printed, len(PdfReader(printed).pages))


def test_the_paper_size_is_a4_or_letter(plan: Plan) -> None:
    k = knowledge()
    profile = read_profile(EXAMPLES / "runner.toml")
    for paper, size in (("a4", (595, 842)), ("letter", (612, 792))):
        pdf = plan_pdf(plan, k.catalog, profile, PrintOptions(paper=paper, weeks=1))
        box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == size


def test_printing_past_the_plans_end_is_an_input_error(plan: Plan) -> None:
    profile = read_profile(EXAMPLES / "runner.toml")
    with pytest.raises(InputError, match="the plan has no week 10"):
        plan_pdf(plan, knowledge().catalog, profile, PrintOptions(first_week=10))


# Charts ----------------------------------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("kind", KINDS)
def test_each_chart_is_a_png_or_an_svg_by_format(plan: Plan, kind: str) -> None:
    progress = a_progress(plan)
    png = render_chart(kind, progress, "png")
    assert png.image.startswith(PNG) and not png.empty
    svg = render_chart(kind, progress, "svg")
    root = ElementTree.fromstring(svg.image)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert svg.series == png.series


def test_the_adherence_chart_draws_planned_and_done_sessions_per_week(plan: Plan) -> None:
    week1, week2 = plan.weeks[0], plan.weeks[1]
    done = [s.date for s in week1.sessions[:3]] + [week2.sessions[0].date]
    skipped = [SessionLog(week1.sessions[3].date, done=False)]
    until = week2.sessions[2].date
    chart = render_chart(
        "adherence", Progress(adherence(plan, [SessionLog(d) for d in done] + skipped, until))
    )
    assert chart.series["planned"] == (
        (week1.start.isoformat(), float(len(week1.sessions))),
        (week2.start.isoformat(), 3.0),
    )
    assert chart.series["done"] == ((week1.start.isoformat(), 3.0), (week2.start.isoformat(), 1.0))


def test_a_session_moved_to_another_day_of_the_week_still_counts_as_done(plan: Plan) -> None:
    week = plan.weeks[0]
    rest_days = [
        week.start + timedelta(days=i)
        for i in range(7)
        if week.start + timedelta(days=i) not in {s.date for s in week.sessions}
    ]
    moved = rest_days[0] if rest_days else week.sessions[0].date
    weeks = adherence(plan, [SessionLog(moved)], week.start + timedelta(days=6))
    assert weeks[0].done == 1 and weeks[0].planned == len(week.sessions)


def test_the_pain_chart_draws_the_worst_pain_of_each_day_and_the_morning_after() -> None:
    logs = [
        SessionLog(START, pain=2),
        SessionLog(START, pain=4),
        SessionLog(START + timedelta(2)),
        SessionLog(START + timedelta(4), pain=6),
    ]
    checkins = [CheckIn(START + timedelta(1), 1), CheckIn(START + timedelta(5), 3)]
    chart = render_chart("pain", Progress(pain=pain_series(logs, checkins)), "svg")
    assert chart.series["during"] == (("2026-11-23", 4.0), ("2026-11-27", 6.0))
    assert chart.series["next_morning"] == (("2026-11-24", 1.0), ("2026-11-28", 3.0))
    assert b"5/10" in chart.image


def test_the_retest_chart_draws_each_result_against_the_norm_band_of_age_and_sex() -> None:
    battery = knowledge().battery
    heel = next(t for t in battery if t.id == "heel_raise_reps")
    assert heel.norm is not None
    for age, sex in ((34, Sex.FEMALE), (34, Sex.MALE)):
        band, _ = heel.norm.band_for(age, sex)
        assert band is not None
        chart = render_chart(
            "retests", Progress(retests=retest_series(battery, _retests(), age, sex))
        )
        assert chart.series["heel_raise_reps.norm"] == (
            ("low", band.low),
            ("reference", band.reference),
            ("high", band.high),
        )
        assert chart.series["heel_raise_reps.left"] == (("2026-11-16", 14.0), ("2026-12-28", 19.0))
        assert chart.series["heel_raise_reps.right"] == (("2026-11-16", 22.0), ("2026-12-28", 23.0))
    # Yes/no and pass/fail tests have no line to draw.
    assert not any(key.startswith(("paper_grip", "toe_yoga")) for key in chart.series)


def test_the_load_chart_marks_the_week_of_a_moderate_spike_but_not_a_small_one() -> None:
    monday = date(2026, 11, 2)
    runs = [
        RunRecord(monday + timedelta(days=d), m, m / 3, m / 3)
        for d, m in (
            (0, 10_000.0),
            (7, 12_000.0),  # +20% over the 30-day longest: a small spike
            (14, 10_000.0),
            (21, 17_000.0),  # +42%: a moderate spike
        )
    ]
    weeks = load_series(runs, load_load_rules())
    assert [w.worst_spike for w in weeks] == [
        None,
        SpikeBand.SMALL,
        SpikeBand.NONE,
        SpikeBand.MODERATE,
    ]
    chart = render_chart("load", Progress(load=weeks))
    assert chart.series["distance"] == tuple(
        ((monday + timedelta(weeks=i)).isoformat(), km) for i, km in enumerate((10, 12, 10, 17))
    )
    assert chart.series["marked"] == (((monday + timedelta(weeks=3)).isoformat(), 17.0),)


def test_the_load_chart_speaks_the_runners_units() -> None:
    run = RunRecord(date(2026, 11, 2), 16_093.44, 3600, 3600)
    chart = render_chart("load", Progress(load=load_series([run], load_load_rules()), units="mi"))
    ((day, distance),) = chart.series["distance"]
    assert day == "2026-11-02" and distance == pytest.approx(10.0)


@pytest.mark.parametrize("kind", KINDS)
def test_a_period_without_data_gives_a_chart_that_says_no_data_yet(plan: Plan, kind: str) -> None:
    empty = a_progress(plan).between(date(2030, 1, 1), date(2030, 2, 1))
    chart = render_chart(kind, empty, "svg")
    assert chart.empty and chart.series == {}
    assert b"No data yet" in chart.image
    assert render_chart(kind, empty, "png").image.startswith(PNG)


def test_a_period_keeps_the_weeks_that_overlap_it(plan: Plan) -> None:
    progress = a_progress(plan)
    cut = progress.between(START + timedelta(days=9), START + timedelta(days=9))
    assert [w.start for w in cut.adherence] == [START + timedelta(days=7)]
    assert [p.date for p in cut.pain.during] == [
        d for d in (START + timedelta(days=9),) if d in {p.date for p in progress.pain.during}
    ]


def test_an_unknown_chart_kind_names_the_kinds() -> None:
    with pytest.raises(
        InputError, match="unknown chart kind 'steps'; accepted: retests, adherence, pain, load"
    ):
        render_chart("steps", Progress())


# Files -----------------------------------------------------------------------------------------


def test_a_wrong_extension_names_the_accepted_ones(tmp_path: Path) -> None:
    with pytest.raises(FileInputError, match=r"needs one of \.png, \.svg; got '\.jpg'"):
        check_target(tmp_path / "out.jpg", (".png", ".svg"), "chart")


def test_an_unwritable_folder_is_refused_before_rendering(tmp_path: Path) -> None:
    locked = unwritable_dir(tmp_path)
    with pytest.raises(FileInputError, match=r"cannot write .*: permission denied"):
        check_target(locked / "plan.ics", (".ics",), "calendar")


def test_a_failed_write_leaves_the_old_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "plan.ics"
    target.write_bytes(b"old")
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.ics"]
    with pytest.raises(FileInputError, match="it is a directory"):
        write_atomic(tmp_path, b"x")


def unwritable_dir(tmp_path: Path) -> Path:
    """A folder this process cannot write to: a read-only one, or /sys when running as root
    (root ignores file modes, but the kernel refuses new files in sysfs to everyone)."""
    if os.geteuid() == 0:
        return Path("/sys")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    return locked


# A stored runner (SQLite and PostgreSQL) -------------------------------------------------------


def a_stored_runner_whose_doses_stepped_down(uow: SqlUnitOfWork) -> date:
    """Two logged days, then a morning above the baseline and the safe zone: the doses of the
    exercises of that day step down for the days ahead. Returns the day it is."""
    raw = example_profile()
    res = example_results()
    training.init(
        uow, "ana", raw, "runner.toml", results_from_mapping(res, "results"), res, START, 12, START
    )
    for offset, morning in ((0, 0), (1, 3)):  # 3/10: beyond the safe zone, so it reduces
        day = START + timedelta(days=offset)
        view = training.day(uow, "ana", day, day)
        training.log_session(
            uow,
            "ana",
            [
                training.LogEntry(
                    exercise=i.exercise_done,
                    day=day,
                    sets=i.sets,
                    reps=i.reps,
                    hold_s=i.hold_s,
                    pain=1,
                )
                for i in view.items
            ],
            day,
        )
        training.checkin(
            uow, "ana", day + timedelta(days=1), morning, "", [], day + timedelta(days=1)
        )
    return START + timedelta(days=2)


def test_a_stored_runners_exports_carry_the_doses_after_adaptation(uow: SqlUnitOfWork) -> None:
    from footcore.presentation.doses import dose_text

    today = a_stored_runner_whose_doses_stepped_down(uow)
    found = stored_runner(uow, "ana", today)
    adapted = 0
    for offset in range(7):
        day = today + timedelta(days=offset)
        view = training.day(uow, "ana", day, today)
        session = found.plan.session_on(day)
        assert session is not None
        assert [(p.exercise, p.dose.sets, p.dose.reps, p.dose.hold_s) for p in session.items] == [
            (i.exercise_done, i.sets, i.reps, i.hold_s) for i in view.items
        ]
        adapted += sum(1 for i in view.items if i.adaptation)
    assert adapted > 0, "the scenario must step some dose down"
    calendar = calendar_for_athlete(uow, "ana", today, CalendarOptions(stamp=STAMP))
    events = {e.begin.date(): e for e in ics.Calendar(calendar.decode()).events}
    session = found.plan.session_on(today)
    assert session is not None
    for p in session.items:
        assert f"{p.name}: {dose_text(p.dose)}" in events[today].description
    assert len(events) == len(found.plan.sessions())


def test_a_stored_runners_progress_counts_logged_days_and_the_worst_pain(
    uow: SqlUnitOfWork,
) -> None:
    today = a_stored_runner_whose_doses_stepped_down(uow)
    progress = stored_runner(uow, "ana", today).progress
    assert [(w.planned, w.done) for w in progress.adherence] == [(3, 2)]
    assert [(p.date, p.pain) for p in progress.pain.during] == [
        (START, 1),
        (START + timedelta(days=1), 1),
    ]
    assert [p.pain for p in progress.pain.next_morning] == [0, 3]
    assert [r.points[0].date for r in progress.retests] == [date(2026, 11, 16)] * len(
        progress.retests
    )
    chart = chart_for_athlete(uow, "ana", "adherence", "svg", today)
    assert chart.series["done"] == ((START.isoformat(), 2.0),)
