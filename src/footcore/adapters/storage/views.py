"""Read views of the stored plan: one day and one week, with adapted doses, cues and decisions.

These are plain SQL over a DB-API connection and import only the standard library, because
`footcore today` must answer in well under 300 ms and importing SQLAlchemy alone costs more than
that on a small machine. `fast_day` answers from an SQLite file directly when it can; it returns
None whenever the full path is needed (another backend, a schema to migrate, an unknown runner, or
a week that has ended unreviewed), and the caller then goes through the unit of work.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from footcore.adapters.storage.database import HEAD_REVISION
from footcore.adapters.storage.running_views import gate_items


@dataclass(frozen=True)
class ItemView:
    exercise: str
    exercise_done: str
    name: str
    sets: int
    reps: int | None
    hold_s: int | None
    distance_m: int | None
    tempo: str | None
    per_side: bool
    rest_s: int
    why: str
    sources: list[str]
    cues: list[str]
    adaptation: str
    decision: dict[str, Any] | None
    logged: bool


@dataclass(frozen=True)
class DayView:
    athlete: str
    date: dt.date
    week: dict[str, Any] | None
    items: list[ItemView] = field(default_factory=list)
    pause: str | None = None
    next_session: dt.date | None = None
    dropped: list[dict[str, Any]] = field(default_factory=list)  # left out for running load
    plan_start: dt.date | None = None  # the plan's first and last days (None: no plan stored)
    plan_end: dt.date | None = None

    @property
    def position(self) -> str:
        """Where the day falls: "before" the plan starts, "after" it ended, or "within" it."""
        if self.plan_start is not None and self.date < self.plan_start:
            return "before"
        if self.plan_end is not None and self.date > self.plan_end:
            return "after"
        return "within"


class _Db:
    """A DB-API connection with `?` placeholders whatever the driver; dates as date objects."""

    def __init__(self, conn: Any, qmark: bool) -> None:
        self.conn = conn
        self.qmark = qmark

    def rows(self, sql: str, *args: Any) -> list[tuple[Any, ...]]:
        if not self.qmark:
            sql = sql.replace("?", "%s")
        params = [a.isoformat() if self.qmark and isinstance(a, date) else a for a in args]
        cur = self.conn.cursor()
        try:
            cur.execute(sql, params)
            return list(cur.fetchall())
        finally:
            cur.close()

    def one(self, sql: str, *args: Any) -> tuple[Any, ...] | None:
        found = self.rows(sql, *args)
        return found[0] if found else None


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def fast_day(sqlite_path: str | None, athlete: str, day: date, as_of: date) -> DayView | None:
    """The day from an up-to-date SQLite file, or None when the full path must answer."""
    if sqlite_path is None:
        return None
    try:
        conn = sqlite3.connect(f"file:{sqlite_path}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        db = _Db(conn, qmark=True)
        version = db.one("SELECT version_num FROM alembic_version")
        if version is None or version[0] != HEAD_REVISION:
            return None
        row = db.one("SELECT id FROM athletes WHERE name = ?", athlete)
        if row is None or needs_review(db, row[0], as_of):
            return None
        return read_day(db, row[0], athlete, day)
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def needs_review(db: _Db, athlete_id: int, as_of: date) -> bool:
    return (
        db.one(
            "SELECT 1 FROM planned_weeks WHERE athlete_id = ? AND reviewed = ? AND "
            "start <= ? LIMIT 1",
            athlete_id,
            False,
            as_of - timedelta(days=7),
        )
        is not None
    )


def _week(db: _Db, athlete_id: int, day: date) -> dict[str, Any] | None:
    row = db.one(
        "SELECT seq, start, plan_week, phase, cycle, week_in_cycle, light, retest, kind, "
        "note FROM planned_weeks WHERE athlete_id = ? AND start <= ? "
        "ORDER BY start DESC LIMIT 1",
        athlete_id,
        day,
    )
    if row is None or day >= _day(row[1]) + timedelta(days=7):
        return None
    keys = (
        "seq",
        "start",
        "plan_week",
        "phase",
        "cycle",
        "week_in_cycle",
        "light",
        "retest",
        "kind",
        "note",
    )
    out = dict(zip(keys, row, strict=True))
    out["start"] = _day(out["start"]).isoformat()
    out["light"], out["retest"] = bool(out["light"]), bool(out["retest"])
    return out


def _decision(db: _Db, athlete_id: int, slot: str) -> dict[str, Any] | None:
    row = db.one(
        "SELECT kind, date, session_date, reason, sources, made_at FROM decisions "
        "WHERE athlete_id = ? AND exercise = ? ORDER BY seq DESC LIMIT 1",
        athlete_id,
        slot,
    )
    if row is None:
        return None
    return {
        "kind": row[0],
        "date": _day(row[1]).isoformat(),
        "session_date": _day(row[2]).isoformat() if row[2] is not None else None,
        "reason": row[3],
        "sources": json.loads(row[4]),
        "made_at": _day(row[5]).isoformat() if row[5] is not None else None,
    }


def read_day(db: _Db, athlete_id: int, athlete: str, day: date) -> DayView:
    pause = db.one(
        "SELECT message FROM pauses WHERE athlete_id = ? AND cleared IS NULL "
        "ORDER BY id DESC LIMIT 1",
        athlete_id,
    )
    rows = db.rows(
        "SELECT p.exercise, p.exercise_done, p.name_done, p.sets, p.reps, p.hold_s, p.distance_m,"
        " p.tempo, p.per_side, p.rest_s, p.why, p.sources, p.cues, p.adaptation "
        "FROM prescriptions p JOIN planned_sessions s ON p.session_id = s.id "
        "WHERE s.athlete_id = ? AND s.date = ? ORDER BY p.position",
        athlete_id,
        day,
    )
    logged = {
        r[0]
        for r in db.rows(
            "SELECT DISTINCT slot FROM logs WHERE athlete_id = ? AND date = ?", athlete_id, day
        )
    }
    items = [
        ItemView(
            exercise=r[0],
            exercise_done=r[1],
            name=r[2],
            sets=r[3],
            reps=r[4],
            hold_s=r[5],
            distance_m=r[6],
            tempo=r[7],
            per_side=bool(r[8]),
            rest_s=r[9],
            why=r[10],
            sources=json.loads(r[11]),
            cues=json.loads(r[12]),
            adaptation=r[13],
            decision=_decision(db, athlete_id, r[0]),
            logged=r[0] in logged,
        )
        for r in rows
    ]
    items, dropped = gate_items(db, athlete_id, day, items)
    nxt = None
    if not items:
        found = db.one(
            "SELECT MIN(date) FROM planned_sessions WHERE athlete_id = ? AND date > ?",
            athlete_id,
            day,
        )
        nxt = _day(found[0]) if found and found[0] is not None else None
    span = db.one(
        "SELECT MIN(start), MAX(start) FROM planned_weeks WHERE athlete_id = ?", athlete_id
    )
    first = _day(span[0]) if span and span[0] is not None else None
    last = _day(span[1]) + timedelta(days=6) if span and span[1] is not None else None
    return DayView(
        athlete,
        day,
        _week(db, athlete_id, day),
        items,
        pause[0] if pause else None,
        nxt,
        dropped,
        first,
        last,
    )


def read_week(db: _Db, athlete_id: int, athlete: str, day: date) -> list[DayView]:
    """Every day of the stored week around `day` (Monday-to-Sunday weeks of the plan)."""
    week = _week(db, athlete_id, day)
    start = date.fromisoformat(week["start"]) if week else day
    return [read_day(db, athlete_id, athlete, start + timedelta(days=i)) for i in range(7)]


def db_from(conn: Any, dialect: str) -> _Db:
    return _Db(conn, qmark=dialect == "sqlite")


def item_dict(item: ItemView) -> dict[str, Any]:
    return {
        "exercise": item.exercise,
        "exercise_done": item.exercise_done,
        "name": item.name,
        "sets": item.sets,
        "reps": item.reps,
        "hold_s": item.hold_s,
        "distance_m": item.distance_m,
        "tempo": item.tempo,
        "per_side": item.per_side,
        "rest_s": item.rest_s,
        "cues": item.cues,
        "why": item.why,
        "sources": item.sources,
        "adaptation": item.adaptation,
        "decision": item.decision,
        "logged": item.logged,
    }


def day_dict(view: DayView) -> dict[str, Any]:
    return {
        "athlete": view.athlete,
        "date": view.date.isoformat(),
        "week": view.week,
        "paused": view.pause,
        "items": [item_dict(i) for i in view.items],
        "next_session": view.next_session.isoformat() if view.next_session else None,
        "dropped": view.dropped,
        "plan": None
        if view.plan_start is None or view.plan_end is None
        else {
            "starts": view.plan_start.isoformat(),
            "ends": view.plan_end.isoformat(),
            "position": view.position,
        },
    }
