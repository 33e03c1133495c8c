"""The runner's pre-flare baseline for one area, from the stored check-ins and logs
(the rule itself: domain/flare.py)."""

from __future__ import annotations

from datetime import date

from footcore.domain.flare import Baseline, PainDay, pre_flare_baseline
from footcore.services.context import Runner


def pain_days(runner: Runner, area: str, end: date) -> list[PainDay]:
    """Every day up to `end` with its morning pain and worst session pain for an area: the area's
    own check-in, else the overall one ('' = the worst of any area); logs of the area or unnamed."""
    repo = runner.uow.repo
    mornings: dict[date, dict[str, int]] = {}
    for c in repo.checkins_between(runner.id, date.min, end):
        mornings.setdefault(c.date, {})[c.area] = c.morning_pain
    sessions: dict[date, int] = {}
    for lg in repo.logs_between(runner.id, date.min, end):
        if not area or lg.pain_area in (area, ""):
            sessions[lg.date] = max(sessions.get(lg.date, 0), lg.pain)
    days = []
    for day in sorted(set(mornings) | set(sessions)):
        by_area = mornings.get(day, {})
        morning = (
            by_area.get(area, by_area.get("")) if area else max(by_area.values(), default=None)
        )
        days.append(PainDay(day, morning, sessions.get(day)))
    return days


def baseline_for(runner: Runner, on: date, area: str) -> Baseline:
    """The baseline a morning of `on` in `area` is judged against."""
    pain = runner.profile.health.pain
    fallback = pain.get(area, 0) if area else max(pain.values(), default=0)
    rules = runner.r.adapt
    return pre_flare_baseline(
        pain_days(runner, area, on),
        on,
        rules.safe_max,
        rules.acceptable_max,
        rules.baseline,
        fallback,
    )
