"""The runner's profile use cases: `init` stores a new runner with their profile, baseline
assessment and plan; `profile_show` reads the profile; `profile_set` changes one key of it (a new
revision) and re-plans from tomorrow. Each is one transaction."""

from __future__ import annotations

import copy
import tomllib
from dataclasses import asdict, dataclass, replace
from datetime import date, timedelta
from typing import Any

from footcore.adapters.storage.models import AssessmentRow, Athlete, PlanRow, ProfileRow
from footcore.adapters.storage.uow import SqlUnitOfWork
from footcore.domain.assessment import Results, score
from footcore.domain.program.calendar import Rewrite
from footcore.domain.redflags import screen
from footcore.errors import ConflictError, InputError
from footcore.services.context import Runner, dumps, rules
from footcore.services.logbook import pause_for
from footcore.services.plan_calendar import rebuild_from, store_new_plan
from footcore.services.retesting import results_json
from footcore.services.use_case import in_transaction
from footcore.services.weekly import catch_up

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
        weeks_ = uow.calendar.weeks(athlete.id)
        ended = [replace(w, reviewed=True) for w in weeks_ if w.end <= as_of]
        uow.calendar.apply(athlete.id, Rewrite.updated(weeks_, *ended))
        uow.commit()
        return Initialised(name, first, weeks, list(plan.warnings))


def profile_show(uow: SqlUnitOfWork, name: str, as_of: date) -> dict[str, Any]:
    return in_transaction(uow, name, as_of, lambda runner: copy.deepcopy(runner.raw_profile))


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
        add_revision(runner, raw, as_of, profile.units)
        runner.uow.repo.flush()
        runner.forget()
        pause_for(runner, profile.health.symptoms)
        catch_up(runner)
        rebuild_from(runner, as_of + DAY)
        return ProfileChanged(key, parsed, True, as_of + DAY)

    return in_transaction(uow, name, as_of, work)


def add_revision(runner: Runner, raw: dict[str, Any], as_of: date, units: str) -> None:
    """Store `raw` as the runner's profile from `as_of`: the revision after the current one."""
    current = runner.uow.repo.profile(runner.id)
    runner.uow.repo.add(
        ProfileRow(
            athlete_id=runner.id,
            revision=current.revision + 1,
            valid_from=as_of,
            data=dumps(raw),
            units=units,
        )
    )
