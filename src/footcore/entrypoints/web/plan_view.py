"""A plan as the pages and the API show it, from a generated plan (preview) or from the stored,
adapted plan of a runner: weeks by phase, lighter and retest weeks marked, each day's items."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from footcore.domain.catalog import Dose
from footcore.domain.plan import Plan
from footcore.entrypoints.render import dose_text
from footcore.entrypoints.web.storage import Storage


@dataclass(frozen=True)
class ItemView:
    exercise: str
    name: str
    dose: Dose
    priority: bool
    why: str
    sources: tuple[str, ...]
    adaptation: str = ""


@dataclass(frozen=True)
class DayPlan:
    date: date
    items: tuple[ItemView, ...]

    @property
    def minutes(self) -> float:
        return sum(i.dose.minutes() for i in self.items)


@dataclass(frozen=True)
class WeekPlan:
    index: int
    start: date
    phase: str
    cycle: int
    week_in_cycle: int
    light: bool
    retest: bool
    days: tuple[DayPlan, ...]
    kind: str = "planned"
    note: str = ""

    def contains(self, day: date) -> bool:
        return self.start <= day < self.start + timedelta(days=7)


def from_plan(plan: Plan) -> list[WeekPlan]:
    return [
        WeekPlan(w.index, w.start, w.phase.value, w.cycle, w.week_in_cycle, w.light, w.retest,
                 tuple(DayPlan(s.date, tuple(
                     ItemView(p.exercise, p.name, p.dose, p.priority, p.why, p.sources)
                     for p in s.items)) for s in w.sessions))
        for w in plan.weeks
    ]


def stored(storage: Storage, name: str, as_of: date) -> list[WeekPlan]:
    """The runner's stored weeks with their adapted items (after settling ended weeks)."""
    from footcore.services import training

    training.week(storage.uow(), name, as_of, as_of)  # settles weeks that ended unreviewed
    uow = storage.uow()
    with uow:
        athlete = uow.repo.athlete(name)
        if athlete is None:
            return []
        weeks = uow.repo.weeks(athlete.id)
        if not weeks:
            return []
        sessions = uow.repo.sessions_between(athlete.id, weeks[0].start,
                                             weeks[-1].start + timedelta(days=7))
        by_week: dict[int, list[DayPlan]] = {}
        for s in sessions:
            items = tuple(
                ItemView(p.exercise_done, p.name_done,
                         Dose(sets=p.sets, reps=p.reps, hold_s=p.hold_s, distance_m=p.distance_m,
                              tempo=p.tempo, per_side=p.per_side, rest_s=p.rest_s),
                         p.priority, p.why, tuple(json.loads(p.sources)), p.adaptation)
                for p in s.items)
            by_week.setdefault(s.week_id, []).append(DayPlan(s.date, items))
        return [WeekPlan(w.seq, w.start, w.phase, w.cycle, w.week_in_cycle, w.light, w.retest,
                         tuple(by_week.get(w.id, [])), w.kind, w.note) for w in weeks]


def item_dict(i: ItemView) -> dict[str, Any]:
    d = i.dose
    return {"exercise": i.exercise, "name": i.name, "sets": d.sets, "reps": d.reps,
            "hold_s": d.hold_s, "distance_m": d.distance_m, "tempo": d.tempo,
            "per_side": d.per_side, "rest_s": d.rest_s, "dose": dose_text(d),
            "priority": i.priority, "why": i.why, "sources": list(i.sources),
            "adaptation": i.adaptation}


def week_dict(w: WeekPlan) -> dict[str, Any]:
    return {"index": w.index, "start": w.start, "phase": w.phase, "cycle": w.cycle,
            "week_in_cycle": w.week_in_cycle, "light": w.light, "retest": w.retest,
            "kind": w.kind, "note": w.note,
            "days": [{"date": day.date, "minutes": round(day.minutes, 1),
                      "items": [item_dict(i) for i in day.items]} for day in w.days]}
