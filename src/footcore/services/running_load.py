"""`footcore load`: weekly distance and time, week-to-week change, each run's single-run spike,
the EWMA acute:chronic ratio with its caveat, and the days the foot plan is restricted.

The numbers and their sources are load.py's and data/load_rules.toml's; this module only picks
the window and puts the figures side by side. The ratio is shown, never acted on. The restricted
days are the stored ones that `today` applies (refreshed with every change of the runs,
running_store.py), read by the read model, never recomputed here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from footcore.adapters.storage.uow import SqlUnitOfWork
from footcore.domain.load import (
    AcwrPoint,
    Restriction,
    Spike,
    WeekLoad,
    acwr_context,
    daily_km,
    describe_spike,
    ewma_acwr,
    monday_of,
    spikes,
    weekly_loads,
)
from footcore.errors import InputError
from footcore.services.context import Runner
from footcore.services.queries.restrictions import stored_restrictions
from footcore.services.running_store import in_runner, load_rules, run_records

MAX_WEEKS = 520


@dataclass(frozen=True)
class SpikeLine:
    spike: Spike
    text: str
    restricts: bool


@dataclass(frozen=True)
class LoadReport:
    units: str
    as_of: date
    weeks: list[WeekLoad]
    weekly_note: str
    weekly_sources: tuple[str, ...]
    spikes: list[SpikeLine]
    spike_sources: tuple[str, ...]
    acwr: AcwrPoint | None
    acwr_lines: tuple[str, ...]  # the caveat first, then any published context for the ratio
    acwr_sources: tuple[str, ...]
    restrictions: list[Restriction]


def _window(loads: list[WeekLoad], first: date, last: date) -> list[WeekLoad]:
    """Every week from `first` to `last` (Mondays), empty weeks included, change vs the week
    before kept from the whole history."""
    by_week = {w.week_start: w for w in loads}
    out: list[WeekLoad] = []
    week = first
    while week <= last:
        found = by_week.get(week)
        if found is None:
            before = by_week.get(week - timedelta(days=7))
            prev = before.distance_m if before is not None else 0.0
            found = WeekLoad(week, 0.0, 0.0, 0, -100.0 if prev > 0 else None)
        out.append(found)
        week += timedelta(days=7)
    return out


def load_report(uow: SqlUnitOfWork, name: str, weeks: int, as_of: date) -> LoadReport:
    """The last `weeks` calendar weeks (Monday to Sunday) up to the one holding `as_of`."""
    if not 1 <= weeks <= MAX_WEEKS:
        raise InputError(f"{weeks} is out of range; accepted 1..{MAX_WEEKS}", "weeks")
    rules = load_rules()

    def work(runner: Runner) -> LoadReport:
        runs = [r for r in run_records(runner) if r.date <= as_of]
        last = monday_of(as_of)
        first = last - timedelta(days=7 * (weeks - 1))
        lines = [
            SpikeLine(s, describe_spike(s, rules), s.band in rules.restrict_after_spikes)
            for s in spikes(runs, rules)
            if s.run_date >= first
        ]
        daily = daily_km(runs)
        point = None
        if daily:
            daily.setdefault(as_of, 0.0)  # the averages decay through the days without runs
            point = ewma_acwr(daily, rules)[-1]
        context = (
            acwr_context(point.ratio, rules)
            if point is not None and point.ratio is not None
            else (rules.acwr_caveat,)
        )
        return LoadReport(
            units=runner.profile.units,
            as_of=as_of,
            weeks=_window(weekly_loads(runs), first, last),
            weekly_note=rules.weekly_note,
            weekly_sources=rules.weekly_sources,
            spikes=lines,
            spike_sources=rules.spike_sources,
            acwr=point,
            acwr_lines=context,
            acwr_sources=rules.acwr_sources,
            restrictions=stored_restrictions(runner.uow.repo.session, runner.id, as_of),
        )

    return in_runner(uow, name, as_of, work)
