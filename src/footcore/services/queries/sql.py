"""The read side's SQL: one day and one week of the stored plan, with adapted doses, cues,
decisions and the day's load restrictions (restrictions_sql.py), over any DB-API connection.

Why plain SQL and not the repository: `footcore today` must answer in well under 300 ms, and
importing SQLAlchemy alone costs more than that on a small machine. So the read side has its own
queries, here and only here (as in cosmicpython's CQRS chapter, whose `views.py` reads with plain
SQL beside the write model's repository); they import the standard library alone. The same
functions read over the unit of work's connection on the other path (reads.py), so both paths
answer from the same SQL.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any, TypeVar

from footcore.adapters.storage.database import HEAD_REVISION
from footcore.services.queries.day_view import DayView, ItemView
from footcore.services.queries.restrictions_sql import gate_items

T = TypeVar("T")


class Db:
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


def db_from(conn: Any, dialect: str) -> Db:
    return Db(conn, qmark=dialect == "sqlite")


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def read_fresh(
    sqlite_path: str, athlete: str, as_of: date, read: Callable[[Db, int, str], T]
) -> T | None:
    """`read(db, athlete_id, athlete)` on an up-to-date SQLite file (opened read-only), or None
    when the unit of work must answer: a schema to migrate, an unknown runner, a week that has
    ended unreviewed, or a file that cannot be read."""
    try:
        conn = sqlite3.connect(f"file:{sqlite_path}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        db = Db(conn, qmark=True)
        version = db.one("SELECT version_num FROM alembic_version")
        if version is None or version[0] != HEAD_REVISION:
            return None
        row = db.one("SELECT id FROM athletes WHERE name = ?", athlete)
        if row is None or needs_review(db, row[0], as_of):
            return None
        return read(db, row[0], athlete)
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def needs_review(db: Db, athlete_id: int, as_of: date) -> bool:
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


def _week(db: Db, athlete_id: int, day: date) -> dict[str, Any] | None:
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


def _decision(db: Db, athlete_id: int, slot: str) -> dict[str, Any] | None:
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


def read_day(db: Db, athlete_id: int, athlete: str, day: date) -> DayView:
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


def read_week(db: Db, athlete_id: int, athlete: str, day: date) -> list[DayView]:
    """Every day of the stored week around `day` (Monday-to-Sunday weeks of the plan)."""
    week = _week(db, athlete_id, day)
    start = date.fromisoformat(week["start"]) if week else day
    return [read_day(db, athlete_id, athlete, start + timedelta(days=i)) for i in range(7)]
