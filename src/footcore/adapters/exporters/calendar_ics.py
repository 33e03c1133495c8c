"""The plan as an iCalendar (RFC 5545) file: one event per planned session, each with a reminder.

Choices (the README's `footcore calendar` section says the same to users):
- Start times are floating local times by default (no TZID): a 07:00 session stays at 07:00
  wherever the runner is, which is what a morning routine means, and every client shows it in its
  own zone. `tz` (an IANA name such as Europe/Berlin) pins the events to that zone instead, with
  the zone's VTIMEZONE included.
- UID = footcore-<athlete>-<YYYY-MM-DD>@footcore.local. A plan has at most one session a day, so
  athlete + day names a session for good: importing a new export updates the events instead of
  duplicating them. An athlete id that is not plain ASCII letters, digits, '.', '_' or '-' is
  replaced by a short hash of it, so the UID stays a valid, stable token.
- DURATION = the session's estimated minutes rounded up to a whole minute, so the block fits it.
- One display alarm per event, `alarm_minutes` before the start (15 by default).
"""

from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from footcore.domain.catalog import Catalog
from footcore.domain.plan import Plan, Session, Week
from footcore.errors import InputError
from footcore.presentation.doses import dose_text
from footcore.presentation.evidence import evidence_summary_lines

PRODID = "-//footcore//footcore training plan//EN"
UID_DOMAIN = "footcore.local"
DEFAULT_ALARM_MINUTES = 15
# How often a subscribed client should fetch the calendar again: twice a day keeps a changed plan
# (after a check-in or a retest) visible before the next morning session.
REFRESH = timedelta(hours=12)

_PLAIN_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


@dataclass(frozen=True, slots=True)
class CalendarOptions:
    at: time = time(7, 0)
    tz: str | None = None
    alarm_minutes: int = DEFAULT_ALARM_MINUTES
    name: str = ""
    stamp: datetime | None = None  # DTSTAMP; now (UTC) when None


def athlete_token(athlete: str) -> str:
    if _PLAIN_ID.fullmatch(athlete):
        return athlete
    return "h" + hashlib.sha256(athlete.encode("utf-8")).hexdigest()[:16]


def session_uid(athlete: str, day: date) -> str:
    return f"footcore-{athlete_token(athlete)}-{day.isoformat()}@{UID_DOMAIN}"


def parse_time(value: str) -> time:
    """`HH:MM` (24-hour clock) as a time; anything else is an input error on the field "time"."""
    match = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", value.strip())
    if match is None:
        raise InputError(
            f"{value!r} is not a time of day; use HH:MM on a 24-hour clock, e.g. 07:00", "time"
        )
    return time(int(match.group(1)), int(match.group(2)))


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InputError(
            f"unknown time zone {name!r}; use an IANA name such as Europe/Berlin", "tz"
        ) from None


def session_minutes(session: Session) -> int:
    return max(1, math.ceil(session.minutes - 1e-9))


def _is_retest_day(week: Week, session: Session) -> bool:
    return week.retest and session is week.sessions[-1]


def session_title(week: Week, session: Session) -> str:
    tags = ["lighter"] if week.light else []
    if _is_retest_day(week, session):
        tags.append("retest")
    phase = week.phase.value.replace("_", "-")
    return f"footcore: {phase} week {week.index}" + (f" ({', '.join(tags)})" if tags else "")


def session_description(week: Week, session: Session, catalog: Catalog) -> str:
    phase = week.phase.value.replace("_", "-")
    lines = [
        f"Week {week.index} of your plan: {phase} phase, cycle {week.cycle}, "
        f"about {session_minutes(session)} min."
    ]
    if week.light:
        lines.append("A lighter week: doses are lower on purpose, so the foot can absorb the work.")
    if week.gated_by:
        lines.append(f"Gate: this week is {week.gate_note}.")
    if week.coach_note:
        lines.append(week.coach_note)
    lines.append("")
    for n, p in enumerate(session.items, start=1):
        lines.append(f"{n}. {p.name}: {dose_text(p.dose)}")
        if p.coach:
            lines.append(f"   {p.coach}")
        if p.exercise in catalog:
            for cue in catalog.get(p.exercise).cues:
                lines.append(f"   - {cue}")
    lines += list(session.notes)
    if _is_retest_day(week, session):
        lines += [
            "",
            "Retest today: after the session, repeat the assessment "
            "(footcore retest, or footcore assess) to see what changed.",
        ]
    elif week.retest:
        lines += ["", "Retest at the end of this week."]
    lines += [
        "",
        "Pain up to 5/10 during the session is acceptable if it settles by the next "
        "morning; stop and see a clinician if it does not.",
        "",
        *evidence_summary_lines(),
    ]
    return "\n".join(lines)


def plan_calendar(
    plan: Plan, catalog: Catalog, athlete: str, options: CalendarOptions = CalendarOptions()
) -> bytes:
    """Every session of the plan as a VEVENT with a VALARM, as iCalendar bytes (UTF-8, CRLF)."""
    from icalendar import Alarm, Calendar, Event, vDuration  # imported here: only exports need it

    tzinfo = zone(options.tz) if options.tz else None
    stamp = (options.stamp or datetime.now(UTC)).astimezone(UTC)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    title = f"footcore plan: {options.name}" if options.name else "footcore plan"
    cal.add("x-wr-calname", title)
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    # An X- property is text to icalendar, so the duration is written out as RFC 5545 text.
    ttl = vDuration(REFRESH).to_ical()  # type: ignore[no-untyped-call]
    cal.add("x-published-ttl", ttl.decode("ascii"))
    for week in plan.weeks:
        for session in week.sessions:
            event = Event()
            event.add("uid", session_uid(athlete, session.date))
            event.add("dtstamp", stamp)
            event.add("last-modified", stamp)
            event.add("dtstart", datetime.combine(session.date, options.at, tzinfo=tzinfo))
            event.add("duration", timedelta(minutes=session_minutes(session)))
            summary = session_title(week, session)
            event.add("summary", summary)
            event.add("description", session_description(week, session, catalog))
            event.add("categories", ["footcore"])
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", summary)
            alarm.add("trigger", timedelta(minutes=-options.alarm_minutes))
            event.add_component(alarm)
            cal.add_component(event)
    if tzinfo is not None:
        cal.add_missing_timezones()
    data: bytes = cal.to_ical()
    return data
