"""The roster's reads: a fixed number of queries for any number of athletes (each query asks
for all of them at once and groups by athlete), so the roster's cost in round trips does not
grow with the team."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import (
    Connection,
    Integer,
    and_,
    bindparam,
    case,
    distinct,
    func,
    literal,
    select,
    union_all,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

from footcore.adapters.storage.coach_models import AlertAckRow
from footcore.adapters.storage.models import (
    AssessmentRow,
    Athlete,
    CheckinRow,
    LogRow,
    PauseRow,
    PlanRow,
    SessionRow,
    WeekRow,
)
from footcore.adapters.storage.running_models import FootRestrictionRow, RunRow

PAIN_DAYS = 14
ADHERENCE_DAYS = (7, 28)


@dataclass
class AthleteFacts:
    name: str
    plan_start: date | None = None
    phase: str | None = None
    week: int | None = None
    next_retest: date | None = None
    planned: dict[int, int] = field(default_factory=dict)  # window days -> sessions planned
    done: dict[int, int] = field(default_factory=dict)  # window days -> planned sessions logged
    pain_by_day: dict[date, int] = field(default_factory=dict)
    pause: tuple[date, str] | None = None
    retests: list[tuple[date, bool | None]] = field(default_factory=list)
    last_activity: date | None = None
    restriction: tuple[date, str] | None = None
    runs: list[tuple[date, float, float, float]] = field(default_factory=list)
    acked: set[str] = field(default_factory=set)


def roster_facts(
    session: Session, names: Sequence[str], today: date, run_days: int
) -> list[AthleteFacts]:
    """Everything the roster shows, for the named athletes that exist, in 12 queries. Core rows
    (the connection, not the ORM session): the ORM's row loading costs more than the queries."""
    conn = session.connection()
    rows = conn.execute(select(Athlete.id, Athlete.name).where(Athlete.name.in_(names))).all()
    by_id = {i: AthleteFacts(n) for i, n in rows}
    if not by_id:
        return []
    ids = list(by_id)
    among = _ids(conn, ids)
    yesterday = today - timedelta(days=1)
    for aid, start in conn.execute(
        select(PlanRow.athlete_id, PlanRow.start).where(PlanRow.athlete_id.in_(among))
    ):
        by_id[aid].plan_start = start
    for aid, phase, seq in conn.execute(
        select(WeekRow.athlete_id, WeekRow.phase, WeekRow.seq).where(
            WeekRow.athlete_id.in_(among),
            WeekRow.start <= today,
            WeekRow.start > today - timedelta(days=7),
        )
    ):
        by_id[aid].phase, by_id[aid].week = phase, seq
    for aid, first in conn.execute(
        select(WeekRow.athlete_id, func.min(WeekRow.start))
        .where(
            WeekRow.athlete_id.in_(among),
            WeekRow.retest.is_(True),
            WeekRow.start > today - timedelta(days=7),
        )
        .group_by(WeekRow.athlete_id)
    ):
        by_id[aid].next_retest = first
    _adherence(session, by_id, among, yesterday)
    pain = union_all(
        select(LogRow.athlete_id.label("a"), LogRow.date.label("d"), LogRow.pain.label("p")).where(
            LogRow.athlete_id.in_(among), LogRow.date > today - timedelta(days=PAIN_DAYS)
        ),
        select(CheckinRow.athlete_id, CheckinRow.date, CheckinRow.morning_pain).where(
            CheckinRow.athlete_id.in_(among), CheckinRow.date > today - timedelta(days=PAIN_DAYS)
        ),
    ).subquery()
    for aid, day, worst in conn.execute(
        select(pain.c.a, pain.c.d, func.max(pain.c.p)).group_by(pain.c.a, pain.c.d)
    ):
        by_id[aid].pain_by_day[day] = int(worst)
    for aid, started, message in conn.execute(
        select(PauseRow.athlete_id, PauseRow.started, PauseRow.message)
        .where(PauseRow.athlete_id.in_(among), PauseRow.cleared.is_(None))
        .order_by(PauseRow.started)
    ):
        by_id[aid].pause = (started, message)
    for aid, day, passed in conn.execute(
        select(AssessmentRow.athlete_id, AssessmentRow.date, AssessmentRow.passed)
        .where(AssessmentRow.athlete_id.in_(among), AssessmentRow.kind == "retest")
        .order_by(AssessmentRow.date)
    ):
        by_id[aid].retests.append((day, passed))
    activity = union_all(
        select(LogRow.athlete_id.label("a"), func.max(LogRow.date).label("d"))
        .where(LogRow.athlete_id.in_(among))
        .group_by(LogRow.athlete_id),
        select(CheckinRow.athlete_id, func.max(CheckinRow.date))
        .where(CheckinRow.athlete_id.in_(among))
        .group_by(CheckinRow.athlete_id),
        select(RunRow.athlete_id, func.max(RunRow.date))
        .where(RunRow.athlete_id.in_(among))
        .group_by(RunRow.athlete_id),
    ).subquery()
    for aid, last in conn.execute(
        select(activity.c.a, func.max(activity.c.d)).group_by(activity.c.a)
    ):
        by_id[aid].last_activity = last
    for aid, trigger, reason in conn.execute(
        select(
            FootRestrictionRow.athlete_id,
            FootRestrictionRow.trigger_date,
            FootRestrictionRow.reason,
        )
        .where(FootRestrictionRow.athlete_id.in_(among), FootRestrictionRow.day == today)
        .order_by(FootRestrictionRow.trigger_date)
    ):
        by_id[aid].restriction = (trigger, reason)
    for aid, day, dist, moving, elapsed in conn.execute(
        select(
            RunRow.athlete_id, RunRow.date, RunRow.distance_m, RunRow.moving_s, RunRow.elapsed_s
        ).where(RunRow.athlete_id.in_(among), RunRow.date > today - timedelta(days=run_days))
    ):
        by_id[aid].runs.append((day, dist, moving, elapsed))
    names_by = {f.name: f for f in by_id.values()}
    for athlete, key in conn.execute(
        select(AlertAckRow.athlete, AlertAckRow.key).where(AlertAckRow.athlete.in_(list(names_by)))
    ):
        names_by[athlete].acked.add(key)
    return sorted(by_id.values(), key=lambda f: f.name)


def _ids(conn: Connection, ids: list[int]) -> Any:
    """The athletes' ids for `IN`: on PostgreSQL one array parameter (`= ANY`), since a thousand
    separate parameters cost more to send than the query takes; elsewhere the plain list."""
    if conn.dialect.name == "postgresql":
        return select(func.unnest(bindparam("ids", ids, type_=ARRAY(Integer)))).scalar_subquery()
    return ids


def _adherence(session: Session, by_id: dict[int, AthleteFacts], ids: Any, last: date) -> None:
    """Planned sessions and those with a log on their day, in the windows ending yesterday."""
    longest = max(ADHERENCE_DAYS)
    logged = (
        select(LogRow.athlete_id.label("a"), LogRow.date.label("d"))
        .where(LogRow.athlete_id.in_(ids), LogRow.date > last - timedelta(days=longest))
        .group_by(LogRow.athlete_id, LogRow.date)
        .subquery()
    )
    counts = []
    for days in ADHERENCE_DAYS:
        since = last - timedelta(days=days - 1)
        in_window = SessionRow.date >= since
        counts.append(func.count(distinct(case((in_window, SessionRow.date), else_=literal(None)))))
        counts.append(
            func.count(
                distinct(
                    case(
                        (and_(in_window, logged.c.d.is_not(None)), SessionRow.date),
                        else_=literal(None),
                    )
                )
            )
        )
    query = (
        select(SessionRow.athlete_id, *counts)
        .outerjoin(logged, and_(logged.c.a == SessionRow.athlete_id, logged.c.d == SessionRow.date))
        .where(
            SessionRow.athlete_id.in_(ids),
            SessionRow.date <= last,
            SessionRow.date > last - timedelta(days=longest),
        )
        .group_by(SessionRow.athlete_id)
    )
    per: dict[int, list[int]] = defaultdict(list)
    for row in session.connection().execute(query):
        per[row[0]] = [int(v) for v in row[1:]]
    for aid, values in per.items():
        for i, days in enumerate(ADHERENCE_DAYS):
            by_id[aid].planned[days] = values[2 * i]
            by_id[aid].done[days] = values[2 * i + 1]
