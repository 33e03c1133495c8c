"""The athlete's printable plan, calendar and week-by-week plan carry each coach's change on the
days it touches, with its reason, on SQLite and PostgreSQL: a swap shows the exercise swapped in,
a dose its dose, an exclusion leaves the exercise out and says so, a note is shown, and a moved
retest is said on its week."""

from __future__ import annotations

import io
import re
from datetime import date, datetime, timedelta

from icalendar import Calendar
from pypdf import PdfReader

from footcore.adapters.exporters.calendar_ics import CalendarOptions
from footcore.adapters.storage.uow import SqlUnitOfWork
from footcore.bootstrap import knowledge
from footcore.services import coach_edits
from footcore.services.coach_retest import move_retest
from footcore.services.exports import calendar_for_athlete, pdf_for_athlete, stored_runner
from tests.integration.test_coach_edits import COACH, NOW, next_session
from tests.integration.test_roster import TODAY, new_runner

STAMP = datetime(2026, 11, 16, 12, 0)


def edited(uow: SqlUnitOfWork) -> tuple[date, dict[str, str]]:
    """Ana's plan with a swap, a dose, an exclusion and a note on one day's four exercises, and
    her next retest a week later; the day and the names the athlete should read."""
    new_runner(uow, "ana")
    day, items = next_session(uow, items=4)
    first, second, third, fourth = (i.exercise for i in items[:4])
    catalog = knowledge().catalog
    target = next(e for e in sorted(catalog.exercises) if e not in {first, second, third, fourth})
    edit = coach_edits.edit
    edit(uow, NOW, COACH, "ana", "swap", first, "sore big toe", TODAY, to=target)
    dose = {"sets": 2, "reps": 7, "hold_s": None}
    edit(uow, NOW, COACH, "ana", "dose", second, "easier week", TODAY, dose=dose)
    edit(uow, NOW, COACH, "ana", "exclude", third, "no band at home", TODAY)
    edit(uow, NOW, COACH, "ana", "note", fourth, "slow", TODAY, note="3 s down")
    retest = next(
        w for w in stored_runner(uow, "ana", TODAY).plan.weeks if w.retest and w.start > TODAY
    )
    move_retest(uow, NOW, COACH, "ana", retest.start + timedelta(days=7), "race first", TODAY)
    names = {
        "swap": f"changed by your coach: {catalog.get(target).name} instead of "
        f"{catalog.get(first).name} (sore big toe)",
        "dose": "changed by your coach: dose set to 2 sets × 7 reps (easier week)",
        "exclude": f"changed by your coach: {catalog.get(third).name} left out (no band at home)",
        "note": "changed by your coach: note: 3 s down (slow)",
        "retest": "changed by your coach: retest moved to the week from "
        f"{retest.start + timedelta(days=7)} (race first)",
        "left_out": catalog.get(third).name,
        "swapped_in": catalog.get(target).name,
    }
    return day, names


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_the_calendar_shows_each_coach_change_on_its_day(uow: SqlUnitOfWork) -> None:
    day, names = edited(uow)
    data = calendar_for_athlete(uow, "ana", TODAY, CalendarOptions(stamp=STAMP))
    events = {
        e.decoded("dtstart").date(): str(e.get("description"))
        for e in Calendar.from_ical(data).walk("VEVENT")
    }
    text = events[day]
    for key in ("swap", "dose", "exclude", "note"):
        assert names[key] in text
    assert f"{names['left_out']}:" not in text  # left out of the session, only named in the note
    assert f"{names['swapped_in']}:" in text
    assert "changed by your coach" not in events[min(events)]  # today and before stay as they were
    assert any(names["retest"] in t for t in events.values())


def test_the_printed_plan_shows_each_coach_change_on_its_day(uow: SqlUnitOfWork) -> None:
    _, names = edited(uow)
    pdf = pdf_for_athlete(uow, "ana", TODAY)
    text = flat(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))
    for key in ("swap", "dose", "exclude", "note", "retest"):
        assert flat(names[key]) in text, key


def test_the_week_by_week_plan_carries_the_changes(uow: SqlUnitOfWork) -> None:
    day, names = edited(uow)
    plan = stored_runner(uow, "ana", TODAY).plan
    session = next(s for w in plan.weeks for s in w.sessions if s.date == day)
    coach = {p.name: p.coach for p in session.items}
    assert coach[names["swapped_in"]] == names["swap"]
    assert names["left_out"] not in coach
    assert session.notes == (names["exclude"],)
    moved = next(w for w in plan.weeks if w.retest and w.start > TODAY)
    assert moved.coach_note == names["retest"]
