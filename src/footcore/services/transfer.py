"""Export and import every record of one athlete as JSON (format_version 1).

The file holds no database ids: records are sorted by their natural keys (dates, names, the
decision sequence) and nested where they belong (sessions in weeks, items in sessions), so an
export imported into an empty database exports again byte for byte, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Date

from footcore.adapters.storage.models import (
    AssessmentRow,
    Athlete,
    Base,
    CheckinRow,
    DecisionRow,
    LogRow,
    PauseRow,
    PlanRow,
    PrescriptionRow,
    ProfileRow,
    SessionRow,
    StateRow,
    WeekRow,
)
from footcore.adapters.storage.uow import SqlUnitOfWork
from footcore.errors import ConflictError, InputError
from footcore.services.context import dumps

FORMAT_VERSION = 1
WEEK = timedelta(days=7)
SKIP = frozenset({"id", "athlete_id", "week_id", "session_id"})
JSON_COLUMNS = frozenset(
    {"data", "warnings", "sources", "cues", "symptoms", "results", "findings", "reasons"}
)
# Columns added after format_version 1 was defined (migration 0003): an older export lacks them.
LATER_COLUMNS = frozenset({"stiffness", "made_at", "cleared_by"})
# Every table of an athlete, by its key in the file, with the sort key of its records.
TABLES: dict[str, tuple[type[Base], tuple[str, ...]]] = {
    "profiles": (ProfileRow, ("revision",)),
    "logs": (LogRow, ("date", "exercise", "side")),
    "checkins": (CheckinRow, ("date", "area")),
    "assessments": (AssessmentRow, ("date", "kind")),
    "decisions": (DecisionRow, ("seq",)),
    "states": (StateRow, ("exercise",)),
    "pauses": (PauseRow, ("started", "message")),
}


def _columns(model: type[Base]) -> list[Any]:
    return [c for c in model.__table__.columns if c.name not in SKIP]


def _record(row: Base) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for c in _columns(type(row)):
        value = getattr(row, c.name)
        if isinstance(value, date):
            value = value.isoformat()
        elif c.name in JSON_COLUMNS and isinstance(value, str):
            value = json.loads(value)
        out[c.name] = value
    return out


def _row(model: type[Base], data: dict[str, Any], **extra: Any) -> Any:
    values: dict[str, Any] = {}
    for c in _columns(model):
        if c.name not in data and c.name not in LATER_COLUMNS:
            raise KeyError(c.name)
        value = data.get(c.name)
        if isinstance(c.type, Date) and value is not None:
            value = date.fromisoformat(value)
        elif c.name in JSON_COLUMNS:
            value = dumps(value)
        values[c.name] = value
    return model(**values, **extra)


def _sort_key(record: dict[str, Any], keys: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(
        ""
        if record[k] is None
        else f"{record[k]:>012}"
        if isinstance(record[k], int)
        else str(record[k])
        for k in keys
    )


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
    for key, (model, order) in TABLES.items():
        records = [_record(r) for r in repo.all(model, athlete.id)]
        doc[key] = sorted(records, key=lambda r, o=order: _sort_key(r, o))  # type: ignore[misc]
    return json.dumps(doc, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def import_data(uow: SqlUnitOfWork, text: str, label: str, name: str | None = None) -> Athlete:
    """Load an export into the database under its name (or `name`); the caller commits."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{label}: not JSON ({exc.msg}, line {exc.lineno})") from None
    if not isinstance(doc, dict) or doc.get("format_version") != FORMAT_VERSION:
        found = doc.get("format_version") if isinstance(doc, dict) else None
        raise InputError(
            f"{label}: format_version {found!r} is not supported; this footcore "
            f"reads format_version {FORMAT_VERSION}"
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
        raise ConflictError(
            f"runner '{who}' already exists in this database; import into an "
            "empty database or give another name with --athlete"
        )
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
    for key, (model, _order) in TABLES.items():
        repo.add_all([_row(model, r, athlete_id=aid) for r in doc[key]])
    repo.flush()
    return athlete
