"""The training use cases, one transaction each: init, profile, today/week, log, session,
check-in, retest, status, clear, export and import.

Every function takes a unit of work, the runner's name and the day it is (`as_of`), does its work
and commits; an error leaves nothing written. Red flags are stored (the program pauses) and then
raised as RedFlagError, so the entrypoint shows the referral and exits 3.
"""

from __future__ import annotations

import copy
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import Any, TypeVar

from footcore.adapters.storage.models import AssessmentRow, Athlete, PlanRow, ProfileRow
from footcore.adapters.storage.uow import SqlUnitOfWork
from footcore.domain.assessment import Results, score
from footcore.domain.knowledge import Rules
from footcore.domain.redflags import screen
from footcore.errors import ConflictError, InputError, RedFlagError
from footcore.services.context import DEFAULT_ATHLETE, Runner, dumps, open_runner, rules
from footcore.services.logbook import (
    CheckedIn,
    LogEntry,
    Logged,
    ensure_not_paused,
    log_many,
    pause_for,
)
from footcore.services.logbook import checkin as _checkin
from footcore.services.logbook import log_exercise as _log
from footcore.services.plan_calendar import rebuild_from, store_new_plan
from footcore.services.queries.day_view import DayView
from footcore.services.queries.sql import db_from, read_day, read_week
from footcore.services.retesting import Retested, results_json
from footcore.services.retesting import retest as _retest
from footcore.services.status import StatusView
from footcore.services.status import status as _status
from footcore.services.weekly import catch_up

__all__ = [
    "DEFAULT_ATHLETE",
    "CheckedIn",
    "LogEntry",
    "Logged",
    "Retested",
    "StatusView",
    "checkin",
    "clear",
    "day",
    "export",
    "import_data",
    "init",
    "log",
    "log_session",
    "profile_set",
    "profile_show",
    "retest",
    "status",
    "week",
]

T = TypeVar("T")
DAY = timedelta(days=1)
LIST_KEYS = frozenset(
    {
        "running.hard_days",
        "schedule.days",
        "equipment.items",
        "health.past_injuries",
        "health.symptoms",
    }
)


def _run(
    uow: SqlUnitOfWork, name: str, as_of: date, work: Callable[[Runner], T], r: Rules | None = None
) -> T:
    """Run one use case in one transaction; a pause it stored is raised after the commit."""
    with uow:
        runner = open_runner(uow, name, as_of, r)
        result = work(runner)
        uow.commit()
        if runner.new_pause is not None:
            raise RedFlagError(runner.new_pause.message, runner.new_pause.symptoms)
        return result


@dataclass(frozen=True)
class Initialised:
    athlete: str
    start: date
    weeks: int
    warnings: list[str]


def init(
    uow: SqlUnitOfWork,
    name: str,
    profile_raw: dict[str, Any],
    profile_label: str,
    results: Results | None,
    results_raw: dict[str, Any] | None,
    start: date | None,
    weeks: int | None,
    as_of: date,
) -> Initialised:
    """Store a new runner with their profile, baseline assessment and plan."""
    from footcore.adapters.inputs import profile_from_mapping

    r = rules()
    profile = profile_from_mapping(profile_raw, profile_label)
    screen(profile.health.symptoms, r.k.red_flags)
    weeks = r.k.default_weeks if weeks is None else weeks
    if not r.k.rules.min_weeks <= weeks <= r.k.rules.max_weeks:
        raise InputError(
            f"{weeks} is out of range; accepted {r.k.rules.min_weeks}..{r.k.rules.max_weeks}",
            "weeks",
        )
    first = start or as_of
    with uow:
        if uow.repo.athlete(name) is not None:
            raise ConflictError(f"runner '{name}' already exists", action="profile_set")
        athlete = Athlete(name=name, created_on=as_of)
        uow.repo.add(athlete)
        uow.repo.flush()
        uow.repo.add(
            ProfileRow(
                athlete_id=athlete.id,
                revision=1,
                valid_from=as_of,
                data=dumps(profile_raw),
                units=profile.units,
            )
        )
        if results is not None and results_raw is not None:
            findings = score(r.k.battery, results, profile)
            uow.repo.add(
                AssessmentRow(
                    athlete_id=athlete.id,
                    date=results.date,
                    kind="baseline",
                    results=results_json(results_raw),
                    findings=dumps([asdict(f) for f in findings]),
                    passed=None,
                    reference=True,
                    reasons="[]",
                )
            )
        runner = Runner(uow, athlete, r, as_of)
        uow.repo.add(PlanRow(athlete_id=athlete.id, start=first, weeks=weeks, warnings="[]"))
        uow.repo.flush()
        plan = runner.generated()
        uow.repo.plan(athlete.id).warnings = dumps(list(plan.warnings))  # type: ignore[union-attr]
        store_new_plan(runner)
        # Weeks that ended before the runner started using footcore are not "missed".
        for w in uow.repo.weeks(athlete.id):
            w.reviewed = w.start + 7 * DAY <= as_of
        uow.commit()
        return Initialised(name, first, weeks, list(plan.warnings))


def profile_show(uow: SqlUnitOfWork, name: str, as_of: date) -> dict[str, Any]:
    return _run(uow, name, as_of, lambda runner: copy.deepcopy(runner.raw_profile))


def _parse_value(key: str, value: str) -> Any:
    try:
        parsed: Any = tomllib.loads(f"v = {value}")["v"]
    except tomllib.TOMLDecodeError:
        parsed = value
    if key in LIST_KEYS and isinstance(parsed, str):
        parsed = [v.strip() for v in parsed.split(",") if v.strip()]
    return parsed


def _set_path(raw: dict[str, Any], key: str, value: Any) -> None:
    parts = key.split(".")
    if not all(parts):
        raise InputError(f"profile key {key!r} is not a dotted key such as schedule.days")
    node = raw
    for part in parts[:-1]:
        child = node.setdefault(part, {})
        if not isinstance(child, dict):
            raise InputError(f"profile key {key!r}: '{part}' is not a table")
        node = child
    node[parts[-1]] = value


@dataclass(frozen=True)
class ProfileChanged:
    key: str
    value: Any
    changed: bool
    replanned_from: date | None


def profile_set(uow: SqlUnitOfWork, name: str, key: str, value: str, as_of: date) -> ProfileChanged:
    """Change one profile key; the plan is rebuilt from tomorrow (never the past)."""
    from footcore.adapters.inputs import profile_from_mapping

    def work(runner: Runner) -> ProfileChanged:
        raw = copy.deepcopy(runner.raw_profile)
        parsed = _parse_value(key, value)
        _set_path(raw, key, parsed)
        # The weekly distance has one key per unit: setting one replaces the other.
        other = {"weekly_km": "weekly_mi", "weekly_mi": "weekly_km"}.get(key.split(".")[-1])
        if key.startswith("running.") and other and isinstance(raw.get("running"), dict):
            raw["running"].pop(other, None)
        profile = profile_from_mapping(raw, "profile")
        if raw == runner.raw_profile:
            return ProfileChanged(key, parsed, False, None)
        current = runner.uow.repo.profile(runner.id)
        runner.uow.repo.add(
            ProfileRow(
                athlete_id=runner.id,
                revision=current.revision + 1,
                valid_from=as_of,
                data=dumps(raw),
                units=profile.units,
            )
        )
        runner.uow.repo.flush()
        runner.forget()
        pause_for(runner, profile.health.symptoms)
        catch_up(runner)
        rebuild_from(runner, as_of + DAY)
        return ProfileChanged(key, parsed, True, as_of + DAY)

    return _run(uow, name, as_of, work)


def log(uow: SqlUnitOfWork, name: str, entry: LogEntry, as_of: date) -> Logged:
    return _run(uow, name, as_of, lambda runner: _log(runner, entry))


def log_session(
    uow: SqlUnitOfWork, name: str, entries: Sequence[LogEntry], as_of: date
) -> list[Logged]:
    """Log a whole session at once: all of it is stored, or none of it."""
    return _run(uow, name, as_of, lambda runner: log_many(runner, entries))


def checkin(
    uow: SqlUnitOfWork,
    name: str,
    day_: date,
    morning_pain: int,
    area: str,
    symptoms: Sequence[str],
    as_of: date,
    stiffness: int | None = None,
) -> CheckedIn:
    return _run(
        uow,
        name,
        as_of,
        lambda runner: _checkin(runner, day_, morning_pain, area, symptoms, stiffness),
    )


def retest(
    uow: SqlUnitOfWork, name: str, results: Results, raw: dict[str, Any], as_of: date
) -> Retested:
    return _run(uow, name, as_of, lambda runner: _retest(runner, results, raw))


def status(uow: SqlUnitOfWork, name: str, as_of: date) -> StatusView:
    def work(runner: Runner) -> StatusView:
        catch_up(runner)
        return _status(runner)

    return _run(uow, name, as_of, work)


def clearer(by: str | None) -> str:
    """Who cleared the runner, checked: "NAME, ROLE" (a name and a role, comma-separated)."""
    text = " ".join((by or "").split())
    name, _, role = text.partition(",")
    if not name.strip() or not role.strip() or len(text) > 200:
        raise InputError(
            '"NAME, ROLE": who cleared you to train (e.g. "A. Lee, physiotherapist"; '
            "at most 200 characters)",
            "by",
        )
    return f"{name.strip()}, {role.strip()}"


def clear(uow: SqlUnitOfWork, name: str, confirm: bool, as_of: date, by: str | None = None) -> str:
    """The runner confirms that a clinician (`by`: "NAME, ROLE") cleared them: the pause ends and
    records who cleared it and when; the symptoms are cleared."""
    if not confirm:
        raise InputError(
            "a clinician's clearance must be confirmed before the program resumes",
            action="confirm_clearance",
        )
    who = clearer(by)

    def work(runner: Runner) -> str:
        from footcore.services.adapting import record

        repo = runner.uow.repo
        pause = repo.active_pause(runner.id)
        if pause is None:
            return "The program is not paused; nothing to clear."
        pause.cleared, pause.cleared_by = as_of, who
        raw = copy.deepcopy(runner.raw_profile)
        if raw.get("health", {}).get("symptoms"):
            raw["health"]["symptoms"] = []
            current = repo.profile(runner.id)
            repo.add(
                ProfileRow(
                    athlete_id=runner.id,
                    revision=current.revision + 1,
                    valid_from=as_of,
                    data=dumps(raw),
                    units=current.units,
                )
            )
        record(
            runner,
            "",
            "resume",
            "none",
            f"the runner confirmed that {who} cleared them to train",
            [],
        )
        catch_up(runner)
        return (
            f"Cleared by {who} on {as_of.isoformat()}: the program resumes. Log any pain as before."
        )

    return _run(uow, name, as_of, work)


def _views(uow: SqlUnitOfWork, name: str, as_of: date, read: Callable[[Any, int], T]) -> T:
    def work(runner: Runner) -> T:
        catch_up(runner)
        runner.uow.repo.flush()
        conn = runner.uow.repo.session.connection()
        return read(db_from(conn.connection.dbapi_connection, conn.dialect.name), runner.id)

    return _run(uow, name, as_of, work)


def day(uow: SqlUnitOfWork, name: str, day_: date, as_of: date) -> DayView:
    """The stored session of a day with adapted doses (after settling ended weeks)."""
    return _views(uow, name, as_of, lambda db, aid: read_day(db, aid, name, day_))


def week(uow: SqlUnitOfWork, name: str, day_: date, as_of: date) -> list[DayView]:
    return _views(uow, name, as_of, lambda db, aid: read_week(db, aid, name, day_))


def export(uow: SqlUnitOfWork, name: str, as_of: date) -> str:
    from footcore.services.transfer import export as _export

    return _run(uow, name, as_of, lambda runner: _export(uow, runner.athlete))


def import_data(uow: SqlUnitOfWork, text: str, label: str, name: str | None) -> str:
    from footcore.services.transfer import import_data as _import

    with uow:
        athlete = _import(uow, text, label, name)
        uow.commit()
        return athlete.name


def assert_not_paused(uow: SqlUnitOfWork, name: str, as_of: date) -> None:
    _run(uow, name, as_of, ensure_not_paused)
