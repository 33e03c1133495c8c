"""The foot-plan rule: the days after a spike or a sharp week on which the plan drops plyometric
and high-load items."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from footcore.domain.catalog import Exercise, LoadLevel
from footcore.domain.load.model import Drop, LoadRules, RunRecord, Trigger, monday_of, whole_metres
from footcore.domain.load.spikes import describe_spike, spikes


@dataclass(frozen=True, slots=True)
class Restriction:
    """On `day`, the foot plan drops `drops` because of the load event on `trigger_date`."""

    day: date
    trigger_date: date
    trigger: Trigger
    drops: frozenset[Drop]
    reason: str
    sources: tuple[str, ...]

    def rules_out(self, exercise: Exercise) -> bool:
        return (Drop.PLYOMETRIC in self.drops and exercise.is_plyometric) or (
            Drop.HIGH_LOAD in self.drops and exercise.load is LoadLevel.HIGH
        )


def sharp_weeks(runs: Iterable[RunRecord], rules: LoadRules) -> list[tuple[date, float]]:
    """(day, rise %) for each week whose distance reached the sharp-rise threshold over the week
    before, dated on the day whose run took it there. A week after one without running has no
    rise to measure and is skipped. Sums are whole metres, so the threshold is exact."""
    days: dict[date, dict[date, int]] = {}
    for r in runs:
        week = days.setdefault(monday_of(r.date), {})
        week[r.date] = week.get(r.date, 0) + whole_metres(r.distance_m)
    out = []
    for monday in sorted(days):
        prev = sum(days.get(monday - timedelta(days=7), {}).values())
        if prev <= 0:
            continue
        done = 0
        for day in sorted(days[monday]):
            done += days[monday][day]
            if 100 * done >= (100 + rules.sharp_week_pct) * prev:
                out.append((day, (done - prev) / prev * 100))
                break
    return out


def foot_load_restrictions(
    runs: Iterable[RunRecord], today: date, rules: LoadRules
) -> list[Restriction]:
    """Restrictions on `today` and later, from runs on or before today, sorted by date.

    A date covered by two events appears once for each, so that both reasons reach the runner.
    """
    done = [r for r in runs if r.date <= today]
    events: list[tuple[date, Trigger, str]] = []
    for s in spikes(done, rules):
        if s.band is not None and s.band in rules.restrict_after_spikes:
            events.append((s.run_date, Trigger.SPIKE, describe_spike(s, rules)))
    if rules.restrict_after_sharp_week:
        for day, rise in sharp_weeks(done, rules):
            events.append(
                (
                    day,
                    Trigger.SHARP_WEEK,
                    f"by {day.isoformat()} the week's running was {rise:.0f}% over the week"
                    f" before (sharp rise: {rules.sharp_week_pct}% or more)",
                )
            )
    out: list[Restriction] = []
    for trigger_date, trigger, what in events:
        sources = rules.spike_sources if trigger is Trigger.SPIKE else rules.weekly_sources
        for offset in range(rules.restrict_days_after + 1):
            day = trigger_date + timedelta(days=offset)
            if day >= today:
                out.append(
                    Restriction(
                        day,
                        trigger_date,
                        trigger,
                        rules.restrict_drops,
                        f"{what}; {rules.restrict_why}",
                        tuple(dict.fromkeys((*sources, *rules.restrict_sources))),
                    )
                )
    return sorted(out, key=lambda r: (r.day, r.trigger_date, r.trigger))
