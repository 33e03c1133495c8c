"""Progress as plain series for charts and printouts: sessions done per week, pain over time,
retest results against the norm band of the runner's age and sex, and weekly running distance
with the weeks that held a restricting single-run spike marked.

Inputs are plain values that any store (or a test) can build; every function is pure, returns its
series in date order, and returns an empty series (never an error) when there is nothing yet.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from footcore.domain.assessment import BatteryTest, NormBand, ResultKind, Results
from footcore.domain.load import LoadRules, RunRecord, SpikeBand, monday_of, spikes, weekly_loads
from footcore.domain.plan import Plan
from footcore.domain.profile import Sex


@dataclass(frozen=True, slots=True)
class SessionLog:
    """A logged foot session: its day, whether it was done, and the pain felt during it (0-10)."""

    date: date
    done: bool = True
    pain: int | None = None


@dataclass(frozen=True, slots=True)
class CheckIn:
    """A morning check-in: the pain (0-10) on waking, the morning after the day before."""

    date: date
    pain: int


# Adherence --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AdherenceWeek:
    index: int
    start: date
    planned: int
    done: int

    @property
    def percent(self) -> float | None:
        return None if self.planned == 0 else 100.0 * self.done / self.planned


def adherence(plan: Plan, logs: Iterable[SessionLog], until: date) -> tuple[AdherenceWeek, ...]:
    """Planned and done sessions in every plan week that has begun by `until`.

    Planned counts the week's sessions dated up to `until`, so the week in progress is not judged
    on days still to come. Done counts the distinct days of the week with a session logged as
    done, on or before `until`: a session moved to another day of the same week still counts.
    """
    done_days = {log.date for log in logs if log.done and log.date <= until}
    out = []
    for week in plan.weeks:
        if week.start > until:
            break
        end = week.start + timedelta(days=7)
        planned = sum(1 for s in week.sessions if s.date <= until)
        done = sum(1 for d in done_days if week.start <= d < end)
        out.append(AdherenceWeek(week.index, week.start, planned, done))
    return tuple(out)


# Pain -------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PainPoint:
    date: date
    pain: int


@dataclass(frozen=True, slots=True)
class PainSeries:
    during: tuple[PainPoint, ...]
    next_morning: tuple[PainPoint, ...]

    @property
    def empty(self) -> bool:
        return not self.during and not self.next_morning


def _worst_per_day(points: Iterable[tuple[date, int]]) -> tuple[PainPoint, ...]:
    worst: dict[date, int] = {}
    for day, pain in points:
        worst[day] = max(pain, worst.get(day, pain))
    return tuple(PainPoint(d, worst[d]) for d in sorted(worst))


def pain_series(logs: Iterable[SessionLog], checkins: Iterable[CheckIn]) -> PainSeries:
    """Pain during sessions (by session day) and on the next morning (by check-in day).

    A day with two readings shows the worse one: the pain-monitoring rules act on the highest.
    """
    return PainSeries(
        during=_worst_per_day((log.date, log.pain) for log in logs if log.pain is not None),
        next_morning=_worst_per_day((c.date, c.pain) for c in checkins),
    )


# Retests ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RetestPoint:
    date: date
    left: float | None
    right: float | None


@dataclass(frozen=True, slots=True)
class RetestSeries:
    """One numeric test over time, with the norm band it is judged against (None: no norm)."""

    test: str
    name: str
    unit: str
    points: tuple[RetestPoint, ...]
    band: NormBand | None
    band_note: str | None


def _number(value: float | bool | str | None) -> float | None:
    if value is None or isinstance(value, bool | str):
        return None
    return float(value)


def retest_series(
    battery: Sequence[BatteryTest], results: Iterable[Results], age: int, sex: Sex
) -> tuple[RetestSeries, ...]:
    """Each numeric test that has a result, in battery order, its results in date order.

    Pass/fail and yes/no tests are left out: a line through two values says nothing.
    """
    ordered = sorted(results, key=lambda r: r.date)
    out = []
    for test in battery:
        if test.kind is not ResultKind.NUMBER:
            continue
        points = []
        for r in ordered:
            side = r.values.get(test.id)
            if side is None:
                continue
            left, right = _number(side.left), _number(side.right)
            if left is not None or right is not None:
                points.append(RetestPoint(r.date, left, right))
        if not points:
            continue
        band, note = test.norm.band_for(age, sex) if test.norm else (None, None)
        out.append(RetestSeries(test.id, test.name, test.unit, tuple(points), band, note))
    return tuple(out)


# Running load -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LoadWeek:
    """A calendar week (Monday start) of running: total distance, runs, and its worst spike."""

    start: date
    distance_m: float
    runs: int
    worst_spike: SpikeBand | None
    marked: bool


def load_series(runs: Iterable[RunRecord], rules: LoadRules) -> tuple[LoadWeek, ...]:
    """Weekly distance from the first run's week to the last; a week is marked when one of its
    runs was a spike of a band that restricts the foot plan (load_rules.toml: moderate, large)."""
    runs = list(runs)
    worst: dict[date, SpikeBand] = {}
    for s in spikes(runs, rules):
        if s.band is None:
            continue
        week = monday_of(s.run_date)
        if week not in worst or s.band.rank > worst[week].rank:
            worst[week] = s.band
    return tuple(
        LoadWeek(
            w.week_start,
            w.distance_m,
            w.runs,
            worst.get(w.week_start),
            worst.get(w.week_start) in rules.restrict_after_spikes,
        )
        for w in weekly_loads(runs)
    )


# Everything a progress chart or printout shows --------------------------------------------------


@dataclass(frozen=True, slots=True)
class Progress:
    adherence: tuple[AdherenceWeek, ...] = ()
    pain: PainSeries = PainSeries((), ())
    retests: tuple[RetestSeries, ...] = ()
    load: tuple[LoadWeek, ...] = ()
    units: str = "km"

    def latest(self, kind: str) -> date | None:
        """The last day that holds data for a chart kind (a week counts by its last day)."""
        days: list[date] = []
        if kind == "load":
            days = [w.start + timedelta(days=6) for w in self.load if w.distance_m > 0]
        elif kind == "pain":
            days = [p.date for p in (*self.pain.during, *self.pain.next_morning)]
        elif kind == "adherence":
            days = [w.start + timedelta(days=6) for w in self.adherence if w.done]
        elif kind == "retests":
            days = [p.date for r in self.retests for p in r.points]
        return max(days, default=None)

    def recent(self, kind: str, weeks: int) -> Progress:
        """The last `weeks` weeks up to the last day that holds data for `kind` (all of it when
        there is none), so a few old files do not stretch a chart over years."""
        last = self.latest(kind)
        if last is None:
            return self
        return self.between(last - timedelta(days=7 * weeks - 1), last)

    def between(self, since: date | None, until: date | None) -> Progress:
        """The same series cut to a period (both ends inclusive; a week counts if it overlaps)."""

        def keep(day: date, days: int = 1) -> bool:
            last = day + timedelta(days=days - 1)
            return (since is None or last >= since) and (until is None or day <= until)

        retests = []
        for r in self.retests:
            points = tuple(p for p in r.points if keep(p.date))
            if points:
                retests.append(RetestSeries(r.test, r.name, r.unit, points, r.band, r.band_note))
        return Progress(
            adherence=tuple(w for w in self.adherence if keep(w.start, 7)),
            pain=PainSeries(
                tuple(p for p in self.pain.during if keep(p.date)),
                tuple(p for p in self.pain.next_morning if keep(p.date)),
            ),
            retests=tuple(retests),
            load=tuple(w for w in self.load if keep(w.start, 7)),
            units=self.units,
        )
