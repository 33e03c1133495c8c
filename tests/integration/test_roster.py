"""The roster on SQLite and PostgreSQL: each athlete's adherence in compliance colours, pain and
its trend, the alerts raised and acknowledged, and a query count that does not grow with the
number of athletes."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import event

from footcore.adapters.storage.uow import SqlUnitOfWork
from footcore.adapters.team_file import team_policy
from footcore.domain.roster import Colour
from footcore.services import accounts, roster, training
from footcore.services.logbook import LogEntry
from tests.factories import example_profile

TODAY = date(2026, 11, 16)
START = TODAY - timedelta(days=35)
NOW = datetime(2026, 11, 16, 12, 0)
POLICY = team_policy()
PROFILE: dict[str, Any] = example_profile()


def new_runner(uow: SqlUnitOfWork, name: str) -> None:
    training.init(uow, name, PROFILE, "profile", None, None, START, 12, START)


def log_days(uow: SqlUnitOfWork, name: str, days: int, pain: int = 0, every: int = 1) -> int:
    """Log the first exercise of every `every`-th planned session of the last `days` days."""
    logged = 0
    for back in range(days, 0, -1):
        day = TODAY - timedelta(days=back)
        view = training.day(uow, name, day, day)
        if view.items and back % every == 0:
            item = view.items[0]
            entry = LogEntry(
                item.exercise, day, sets=item.sets, reps=item.reps, hold_s=item.hold_s, pain=pain
            )
            training.log_session(uow, name, [entry], day)
            logged += 1
    return logged


def test_the_roster_shows_adherence_pain_and_alerts_per_athlete(uow: SqlUnitOfWork) -> None:
    new_runner(uow, "ana")
    new_runner(uow, "ben")
    log_days(uow, "ana", 28, pain=1)
    training.checkin(uow, "ana", TODAY - timedelta(days=1), 7, "", [], TODAY)
    rows = {r.athlete: r for r in roster.roster(uow, POLICY, ["ana", "ben", "nobody"], TODAY)}
    assert set(rows) == {"ana", "ben"}
    ana, ben = rows["ana"], rows["ben"]
    assert ana.adherence_7 == ana.adherence_28 == 100 and ana.colour_7 is Colour.GREEN
    assert ana.worst_pain == 7 and ana.pain_trend == "rising"
    assert [a.kind for a in ana.alerts] == ["pain"] and ana.alerts[0].severity == "critical"
    assert "MedBridge" in ana.alerts[0].source
    assert (
        ana.phase is not None and ana.week == 6 and ana.last_activity == TODAY - timedelta(days=1)
    )
    assert ben.adherence_7 == 0 and ben.colour_7 is Colour.RED and ben.worst_pain is None
    assert [(a.kind, a.severity) for a in ben.alerts] == [("engagement", "high")]
    assert "dropped" in ben.alerts[0].reason
    ordered = roster.roster(uow, POLICY, ["ana", "ben"], TODAY, sort="alerts")
    assert [r.athlete for r in ordered] == ["ana", "ben"]  # critical first
    only_red = roster.roster(uow, POLICY, ["ana", "ben"], TODAY, show="red")
    assert [r.athlete for r in only_red] == ["ben"]


def test_an_acknowledged_alert_closes_until_raised_again_and_is_audited(
    uow: SqlUnitOfWork,
) -> None:
    new_runner(uow, "ana")
    log_days(uow, "ana", 3, pain=0)
    training.checkin(uow, "ana", TODAY - timedelta(days=1), 8, "", [], TODAY)
    (alert,) = roster.athlete_alerts(uow, POLICY, "ana", TODAY)
    roster.acknowledge(
        uow, POLICY, NOW, TODAY, "coach@club.example", "ana", alert.key, "called her"
    )
    assert roster.athlete_alerts(uow, POLICY, "ana", TODAY) == ()
    entry = accounts.audit_log(uow)[0]
    assert (entry.action, entry.athlete, entry.reason) == ("alert.acknowledge", "ana", "called her")
    training.checkin(uow, "ana", TODAY, 9, "", [], TODAY)
    (again,) = roster.athlete_alerts(uow, POLICY, "ana", TODAY)
    assert again.key != alert.key and "9/10" in again.reason


def count_roster_queries(uow: SqlUnitOfWork, names: list[str]) -> int:
    seen: list[str] = []

    def count(*args: object) -> None:
        seen.append(str(args[2]))

    event.listen(uow.engine, "before_cursor_execute", count)
    try:
        rows = roster.roster(uow, POLICY, names, TODAY)
    finally:
        event.remove(uow.engine, "before_cursor_execute", count)
    assert len(rows) == len(names)
    return len(seen)


def test_the_roster_query_count_does_not_grow_with_the_team(uow: SqlUnitOfWork) -> None:
    names = [f"runner{i:02d}" for i in range(30)]
    for i, name in enumerate(names):
        new_runner(uow, name)
        if i % 3 == 0:
            log_days(uow, name, 8, pain=i % 5, every=2)
    few = count_roster_queries(uow, names[:3])
    many = count_roster_queries(uow, names)
    assert few == many <= 16


def test_running_spikes_are_counted_by_the_load_rule(uow: SqlUnitOfWork) -> None:
    from footcore.services import running

    new_runner(uow, "ana")
    for back, km in ((20, 10.0), (12, 10.0), (5, 13.5), (1, 27.5)):
        day = TODAY - timedelta(days=back)
        running.add_run(uow, "ana", day=day, km=km, minutes=km * 6, as_of=day)
    (row,) = roster.roster(uow, POLICY, ["ana"], TODAY)
    # +35% over 10 km is moderate, +104% over 13.5 km large; the first run has no reference
    assert (row.spikes, row.largest_spike) == (2, "large")
