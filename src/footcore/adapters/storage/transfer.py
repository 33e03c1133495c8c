"""Export and import every record of one runner as JSON (format_version 2).

The file holds no database ids: records are sorted by their natural keys (dates, names, the
decision sequence) and nested where they belong (sessions in weeks, items in sessions), so an
export imported into an empty database exports again byte for byte, on SQLite and PostgreSQL.
Every other table with an `athlete_id` travels as a list under its table name (runs, shoes, foot
restrictions, the minimalist ramp, and any table a later migration adds); see
storage/runner_tables.py. Format 1 (before runs and shoes travelled) still imports.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

from footcore.adapters.storage import runner_tables
from footcore.adapters.storage.models import (
    Athlete,
    Base,
    PlanRow,
    PrescriptionRow,
    SessionRow,
    WeekRow,
)
from footcore.adapters.storage.uow import SqlUnitOfWork
from footcore.errors import ConflictError, InputError

FORMAT_VERSION = 2
READS = (1, 2)
WEEK = timedelta(days=7)
SKIP = frozenset({"id", "athlete_id", "week_id", "session_id"})
# Written nested under "plan" and "weeks" rather than as flat lists.
NESTED = frozenset(
    {
        PlanRow.__tablename__,
        WeekRow.__tablename__,
        SessionRow.__tablename__,
        PrescriptionRow.__tablename__,
    }
)
# Format 1 named one list differently.
FORMAT_1_KEYS = {"exercise_states": "states"}


def flat_tables() -> list[Any]:
    """The runner's tables written as flat lists, parents (shoes) before children (runs)."""
    return [t for t in runner_tables.runner_tables() if t.name not in NESTED]


def _columns(model: type[Base]) -> list[Any]:
    return [c for c in model.__table__.columns if c.name not in SKIP]


def _record(row: Base) -> dict[str, Any]:
    return {c.name: runner_tables.out(c, getattr(row, c.name)) for c in _columns(type(row))}


def _row(model: type[Base], data: dict[str, Any], **extra: Any) -> Any:
    values = {
        c.name: runner_tables.typed(c, runner_tables.value_of(c, data)) for c in _columns(model)
    }
    return model(**values, **extra)


def export(uow: SqlUnitOfWork, athlete: Athlete) -> str:
    repo = uow.repo
    plan = repo.plan(athlete.id)
    weeks = []
    for w in repo.weeks(athlete.id):
        week = _record(w)
        week["sessions"] = [
            {"date": s.date.isoformat(), "items": [_record(p) for p in s.items]}
            for s in repo.sessions_between(athlete.id, w.start, w.start + WEEK)
            if s.week_id == w.id
        ]
        weeks.append(week)
    doc: dict[str, Any] = {
        "format_version": FORMAT_VERSION,
        "athlete": {"name": athlete.name, "created_on": athlete.created_on.isoformat()},
        "plan": _record(plan) if plan is not None else None,
        "weeks": weeks,
    }
    for table in flat_tables():
        doc[table.name] = runner_tables.read(repo.session, table, athlete.id)
    return json.dumps(doc, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def import_data(uow: SqlUnitOfWork, text: str, label: str, name: str | None = None) -> Athlete:
    """Load an export into the database under its name (or `name`); the caller commits."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{label}: not JSON ({exc.msg}, line {exc.lineno})") from None
    found = doc.get("format_version") if isinstance(doc, dict) else None
    if found not in READS or isinstance(found, bool):
        raise InputError(
            f"{label}: format_version {found!r} is not supported; this footcore "
            f"reads format_version {', '.join(map(str, READS))}"
        )
    try:
        return _load(uow, doc, name)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise InputError(
            f"{label}: not a complete footcore export ({type(exc).__name__}: {exc})"
        ) from None


def _load(uow: SqlUnitOfWork, doc: dict[str, Any], name: str | None) -> Athlete:
    repo = uow.repo
    who = name or doc["athlete"]["name"]
    if repo.athlete(who) is not None:
        raise ConflictError(f"runner '{who}' already exists in this database", action="import_as")
    athlete = Athlete(name=who, created_on=date.fromisoformat(doc["athlete"]["created_on"]))
    repo.add(athlete)
    repo.flush()
    aid = athlete.id
    if doc["plan"] is not None:
        repo.add(_row(PlanRow, doc["plan"], athlete_id=aid))
    for week in doc["weeks"]:
        w = _row(WeekRow, week, athlete_id=aid)
        repo.add(w)
        repo.flush()
        for s in week["sessions"]:
            session = SessionRow(athlete_id=aid, week_id=w.id, date=date.fromisoformat(s["date"]))
            session.items.extend(_row(PrescriptionRow, p, athlete_id=aid) for p in s["items"])
            repo.add(session)
    repo.flush()
    ids: dict[str, dict[str, int]] = {}
    for table in flat_tables():
        key = table.name
        if doc["format_version"] == 1:
            key = FORMAT_1_KEYS.get(key, key)
        # A table the file does not know (added after it was written) is empty for this runner.
        records = doc.get(key, [])
        if not isinstance(records, list):
            raise TypeError(f"{key} is not a list")
        runner_tables.write(repo.session, table, aid, records, ids)
    repo.flush()
    return athlete
