"""The coach's roster and alerts: every granted athlete in one batched read (roster_queries), the
alerts raised by domain/roster.py, and acknowledging one (audited)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from footcore.adapters.storage.coach_models import AlertAckRow
from footcore.adapters.storage.roster_queries import AthleteFacts, SpikeWindow, roster_facts
from footcore.adapters.storage.uow import SqlUnitOfWork
from footcore.adapters.team_file import TeamPolicy
from footcore.domain.load import SpikeBand, classify_spike
from footcore.domain.roster import Alert, Colour, Facts, adherence, alerts, colour, pain_trend
from footcore.errors import InputError, NotFoundError
from footcore.services.accounts import audit, repo
from footcore.services.running_store import load_rules

SORTS = ("name", "alerts", "pain", "adherence_7", "adherence_28", "last_activity")
FILTERS = ("all", "alerts", "paused", "red", "spikes")


@dataclass(frozen=True)
class RosterRow:
    athlete: str
    phase: str | None
    week: int | None
    adherence_7: int | None
    colour_7: Colour
    adherence_28: int | None
    colour_28: Colour
    worst_pain: int | None
    pain_trend: str
    alerts: tuple[Alert, ...]
    paused: str | None
    last_activity: date | None
    next_retest: date | None
    spikes: int
    largest_spike: str | None


def _facts(f: AthleteFacts, today: date) -> Facts:
    return Facts(
        today=today,
        pain_by_day=f.pain_by_day,
        pause=f.pause,
        retests=tuple(f.retests),
        last_activity=f.last_activity,
        active_since=f.plan_start if f.plan_start and f.plan_start <= today else None,
        restriction=f.restriction,
    )


def _spikes(f: AthleteFacts) -> tuple[int, str | None]:
    """Spikes of the roster's spike window (team.toml [roster]) by the athlete's own rule
    (domain.load.classify_spike: each run against the longest run of the window before it); the
    window's longest comes from the query."""
    rules = load_rules()
    count, largest = 0, None
    for _, dist, longest in f.runs:
        band = classify_spike(dist, longest, rules)
        if band is not None and band is not SpikeBand.NONE:
            count += 1
            if largest is None or band.rank > largest.rank:
                largest = band
    return count, None if largest is None else largest.value


def _row(f: AthleteFacts, today: date, policy: TeamPolicy) -> RosterRow:
    open_alerts = tuple(a for a in alerts(_facts(f, today), policy.alerts) if a.key not in f.acked)
    worst, trend = pain_trend(f.pain_by_day, today, policy.roster.pain_window_days)
    a7 = adherence(f.done.get(7, 0), f.planned.get(7, 0))
    a28 = adherence(f.done.get(28, 0), f.planned.get(28, 0))
    count, largest = _spikes(f)
    return RosterRow(
        athlete=f.name,
        phase=f.phase,
        week=f.week,
        adherence_7=a7,
        colour_7=colour(a7, policy.compliance),
        adherence_28=a28,
        colour_28=colour(a28, policy.compliance),
        worst_pain=worst,
        pain_trend=trend,
        alerts=open_alerts,
        paused=None if f.pause is None else f"since {f.pause[0]}",
        last_activity=f.last_activity,
        next_retest=f.next_retest,
        spikes=count,
        largest_spike=largest,
    )


def roster(
    uow: SqlUnitOfWork,
    policy: TeamPolicy,
    names: Iterable[str],
    today: date,
    sort: str = "alerts",
    show: str = "all",
) -> list[RosterRow]:
    """The granted athletes' rows, filtered and sorted (most urgent first for 'alerts')."""
    if sort not in SORTS:
        raise InputError(f"unknown sort '{sort}'; accepted: {', '.join(SORTS)}", "sort")
    if show not in FILTERS:
        raise InputError(f"unknown filter '{show}'; accepted: {', '.join(FILTERS)}", "show")
    rules = load_rules()
    # A run no longer than the longest before it has no positive increase, so no band above
    # NONE while every threshold is an increase: then the query leaves those runs out.
    spikes = SpikeWindow(
        days=policy.roster.spike_days,
        window_days=rules.spike_window_days,
        longer_only=all(t.over_pct >= 0 for t in rules.spike_thresholds),
    )
    with uow:
        pain_days = 2 * policy.roster.pain_window_days  # the window and the one before it
        facts = roster_facts(uow.repo.session, sorted(set(names)), today, spikes, pain_days)
    rows = [_row(f, today, policy) for f in facts]
    rows = [r for r in rows if _shown(r, show)]
    return sorted(rows, key=lambda r: _order(r, sort))


def _shown(r: RosterRow, show: str) -> bool:
    if show == "alerts":
        return bool(r.alerts)
    if show == "paused":
        return r.paused is not None
    if show == "red":
        return r.colour_7 is Colour.RED
    if show == "spikes":
        return r.spikes > 0
    return True


SEVERITY = {"critical": 0, "high": 1, "medium": 2}


def _order(r: RosterRow, sort: str) -> tuple[object, ...]:
    missing = 10_000  # rows without a value go last
    if sort == "alerts":
        worst = min((SEVERITY[a.severity] for a in r.alerts), default=9)
        return (worst, -len(r.alerts), r.athlete)
    if sort == "pain":
        return (-(r.worst_pain if r.worst_pain is not None else -1), r.athlete)
    if sort in ("adherence_7", "adherence_28"):
        value = getattr(r, sort)
        return (value if value is not None else missing, r.athlete)
    if sort == "last_activity":
        return ((r.last_activity or date.min).toordinal(), r.athlete)
    return (r.athlete,)


def athlete_alerts(
    uow: SqlUnitOfWork, policy: TeamPolicy, name: str, today: date
) -> tuple[Alert, ...]:
    rows = roster(uow, policy, [name], today)
    return rows[0].alerts if rows else ()


def acknowledge(
    uow: SqlUnitOfWork,
    policy: TeamPolicy,
    now: datetime,
    today: date,
    actor: str,
    athlete: str,
    key: str,
    reason: str,
) -> Alert:
    """A coach acknowledges an open alert, with why; it stays closed until raised anew."""
    alert = next((a for a in athlete_alerts(uow, policy, athlete, today) if a.key == key), None)
    if alert is None:
        raise NotFoundError(f"no open alert '{key}' for {athlete}: reload the alerts")
    with uow:
        accounts = repo(uow)
        uow.repo.session.add(
            AlertAckRow(athlete=athlete, key=key, at=now, actor=actor, reason=reason)
        )
        audit(accounts, now, actor, "alert.acknowledge", athlete, alert.reason, reason)
        uow.commit()
    return alert
