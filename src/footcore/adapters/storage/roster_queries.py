"""The roster's reads: a fixed number of queries for any number of athletes (each query asks
for all of them at once and groups by athlete), so the roster's cost in round trips does not
grow with the team."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import (
    Connection,
    Integer,
    String,
    and_,
    any_,
    bindparam,
    case,
    func,
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

# The API names these windows (adherence_7, adherence_28), so they are its contract, not data.
ADHERENCE_DAYS = (7, 28)


@dataclass(frozen=True)
class SpikeWindow:
    """Which runs the roster measures for spikes: those of the last `days`, each against the
    longest run of the `window_days` before its day; `longer_only` leaves out the runs no longer
    than that longest (the caller's rule cannot call them spikes)."""

    days: int
    window_days: int
    longer_only: bool


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
    # recent runs: day, distance in m, the longest run of the window before it (None: no run)
    runs: list[tuple[date, float, float | None]] = field(default_factory=list)
    acked: set[str] = field(default_factory=set)


def roster_facts(
    session: Session, names: Sequence[str], today: date, spikes: SpikeWindow, pain_days: int
) -> list[AthleteFacts]:
    """Everything the roster shows, for the named athletes that exist, in 12 queries. Core rows
    (the connection, not the ORM session): the ORM's row loading costs more than the queries."""
    conn = session.connection()
    rows = conn.execute(
        select(Athlete.id, Athlete.name).where(_Ids(conn, names, "names")(Athlete.name))
    ).all()
    by_id = {i: AthleteFacts(n) for i, n in rows}
    if not by_id:
        return []
    ids = list(by_id)
    among = _Ids(conn, ids)
    yesterday = today - timedelta(days=1)
    for aid, start in conn.execute(
        select(PlanRow.athlete_id, PlanRow.start).where(among(PlanRow.athlete_id))
    ):
        by_id[aid].plan_start = start
    for aid, phase, seq in conn.execute(
        select(WeekRow.athlete_id, WeekRow.phase, WeekRow.seq).where(
            among(WeekRow.athlete_id),
            WeekRow.start <= today,
            WeekRow.start > today - timedelta(days=7),
        )
    ):
        by_id[aid].phase, by_id[aid].week = phase, seq
    for aid, first in conn.execute(
        select(WeekRow.athlete_id, func.min(WeekRow.start))
        .where(
            among(WeekRow.athlete_id),
            WeekRow.retest.is_(True),
            WeekRow.start > today - timedelta(days=7),
        )
        .group_by(WeekRow.athlete_id)
    ):
        by_id[aid].next_retest = first
    _adherence(session, by_id, among, yesterday)
    pain = union_all(
        select(LogRow.athlete_id.label("a"), LogRow.date.label("d"), LogRow.pain.label("p")).where(
            among(LogRow.athlete_id), LogRow.date > today - timedelta(days=pain_days)
        ),
        select(CheckinRow.athlete_id, CheckinRow.date, CheckinRow.morning_pain).where(
            among(CheckinRow.athlete_id), CheckinRow.date > today - timedelta(days=pain_days)
        ),
    ).subquery()
    for aid, day, worst in conn.execute(
        select(pain.c.a, pain.c.d, func.max(pain.c.p)).group_by(pain.c.a, pain.c.d)
    ):
        by_id[aid].pain_by_day[day] = int(worst)
    for aid, started, message in conn.execute(
        select(PauseRow.athlete_id, PauseRow.started, PauseRow.message)
        .where(among(PauseRow.athlete_id), PauseRow.cleared.is_(None))
        .order_by(PauseRow.started)
    ):
        by_id[aid].pause = (started, message)
    for aid, day, passed in conn.execute(
        select(AssessmentRow.athlete_id, AssessmentRow.date, AssessmentRow.passed)
        .where(among(AssessmentRow.athlete_id), AssessmentRow.kind == "retest")
        .order_by(AssessmentRow.date)
    ):
        by_id[aid].retests.append((day, passed))
    # One index probe per athlete and table (max of an indexed date is a single index lookup on
    # both backends) instead of grouping a year of logs, check-ins and runs.
    latest = [
        select(func.max(t.date)).where(t.athlete_id == Athlete.id).scalar_subquery()
        for t in (LogRow, CheckinRow, RunRow)
    ]
    for aid, *days in conn.execute(select(Athlete.id, *latest).where(among(Athlete.id))):
        seen = [d for d in days if d is not None]
        by_id[aid].last_activity = max(seen) if seen else None
    for aid, trigger, reason in conn.execute(
        select(
            FootRestrictionRow.athlete_id,
            FootRestrictionRow.trigger_date,
            FootRestrictionRow.reason,
        )
        .where(among(FootRestrictionRow.athlete_id), FootRestrictionRow.day == today)
        .order_by(FootRestrictionRow.trigger_date)
    ):
        by_id[aid].restriction = (trigger, reason)
    for aid, day, dist, longest in conn.execute(_recent_runs(conn, among, today, spikes)):
        by_id[aid].runs.append((day, dist, longest))
    names_by = {f.name: f for f in by_id.values()}
    for athlete, key in conn.execute(
        select(AlertAckRow.athlete, AlertAckRow.key).where(
            _Ids(conn, list(names_by), "names")(AlertAckRow.athlete)
        )
    ):
        names_by[athlete].acked.add(key)
    return sorted(by_id.values(), key=lambda f: f.name)


class _Ids:
    """The athletes' ids as a condition on a column. On PostgreSQL one array parameter
    (`= ANY(:ids)`): a thousand separate parameters cost more to send than the query takes, and
    unlike `IN (SELECT unnest(...))` the planner knows the array's length and uses the composite
    (athlete, date) indexes with the date bound. Elsewhere a plain `IN` list."""

    def __init__(self, conn: Connection, ids: Sequence[int | str], key: str = "ids") -> None:
        self.ids, self.key = list(ids), key
        self.array = conn.dialect.name == "postgresql"

    def __call__(self, column: Any) -> Any:
        if self.array:
            kind = ARRAY(String) if self.key == "names" else ARRAY(Integer)
            return column == any_(bindparam(self.key, self.ids, type_=kind))
        return column.in_(self.ids)


def _adherence(session: Session, by_id: dict[int, AthleteFacts], ids: _Ids, last: date) -> None:
    """Planned sessions and those with a log on their day, in the windows ending yesterday.

    A session is one per athlete and day (unique), so counting rows counts days; whether it was
    done is one probe of the logs' (athlete, date) index, not a join with the grouped logs."""
    longest = max(ADHERENCE_DAYS)
    done = (
        select(LogRow.id)
        .where(LogRow.athlete_id == SessionRow.athlete_id, LogRow.date == SessionRow.date)
        .exists()
    )
    counts = []
    for days in ADHERENCE_DAYS:
        in_window = SessionRow.date >= last - timedelta(days=days - 1)
        counts.append(func.sum(case((in_window, 1), else_=0)))
        counts.append(func.sum(case((and_(in_window, done), 1), else_=0)))
    query = (
        select(SessionRow.athlete_id, *counts)
        .where(
            ids(SessionRow.athlete_id),
            SessionRow.date <= last,
            SessionRow.date > last - timedelta(days=longest),
        )
        .group_by(SessionRow.athlete_id)
    )
    for aid, *values in session.connection().execute(query):
        for i, days in enumerate(ADHERENCE_DAYS):
            by_id[aid].planned[days] = int(values[2 * i])
            by_id[aid].done[days] = int(values[2 * i + 1])


def _recent_runs(conn: Connection, among: _Ids, today: date, spikes: SpikeWindow) -> Any:
    """The recent runs with the longest run of the window before each, in one pass over the
    runs of both windows (a window function over whole day numbers: `RANGE` between
    `window_days` and 1 day before), so only the recent runs are sent."""
    if conn.dialect.name == "sqlite":  # dates are ISO text there
        day_number: Any = func.julianday(RunRow.date)
    else:
        day_number = RunRow.date - date(2000, 1, 1)  # date - date is whole days
    longest = func.max(RunRow.distance_m).over(
        partition_by=RunRow.athlete_id,
        order_by=day_number,
        range_=(-spikes.window_days, -1),
    )
    window = (
        select(RunRow.athlete_id, RunRow.date, RunRow.distance_m, longest.label("longest"))
        .where(
            among(RunRow.athlete_id),
            RunRow.date > today - timedelta(days=spikes.days + spikes.window_days),
        )
        .subquery()
    )
    query = select(window).where(window.c.date > today - timedelta(days=spikes.days))
    if spikes.longer_only:
        query = query.where(window.c.distance_m > window.c.longest)
    return query
