"""What the read model answers: a day of the stored plan (`DayView`, its `ItemView`s) and the dict
that the CLI's JSON and the API print for it. Plain values, standard library only."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class ItemView:
    exercise: str
    exercise_done: str
    name: str
    sets: int
    reps: int | None
    hold_s: int | None
    distance_m: int | None
    tempo: str | None
    per_side: bool
    rest_s: int
    why: str
    sources: list[str]
    cues: list[str]
    adaptation: str
    decision: dict[str, Any] | None
    logged: bool


@dataclass(frozen=True)
class DayView:
    athlete: str
    date: dt.date
    week: dict[str, Any] | None
    items: list[ItemView] = field(default_factory=list)
    pause: str | None = None
    next_session: dt.date | None = None
    dropped: list[dict[str, Any]] = field(default_factory=list)  # left out for running load
    plan_start: dt.date | None = None  # the plan's first and last days (None: no plan stored)
    plan_end: dt.date | None = None

    @property
    def position(self) -> str:
        """Where the day falls: "before" the plan starts, "after" it ended, or "within" it."""
        if self.plan_start is not None and self.date < self.plan_start:
            return "before"
        if self.plan_end is not None and self.date > self.plan_end:
            return "after"
        return "within"


def item_dict(item: ItemView) -> dict[str, Any]:
    return {
        "exercise": item.exercise,
        "exercise_done": item.exercise_done,
        "name": item.name,
        "sets": item.sets,
        "reps": item.reps,
        "hold_s": item.hold_s,
        "distance_m": item.distance_m,
        "tempo": item.tempo,
        "per_side": item.per_side,
        "rest_s": item.rest_s,
        "cues": item.cues,
        "why": item.why,
        "sources": item.sources,
        "adaptation": item.adaptation,
        "decision": item.decision,
        "logged": item.logged,
    }


def day_dict(view: DayView) -> dict[str, Any]:
    return {
        "athlete": view.athlete,
        "date": view.date.isoformat(),
        "week": view.week,
        "paused": view.pause,
        "items": [item_dict(i) for i in view.items],
        "next_session": view.next_session.isoformat() if view.next_session else None,
        "dropped": view.dropped,
        "plan": None
        if view.plan_start is None or view.plan_end is None
        else {
            "starts": view.plan_start.isoformat(),
            "ends": view.plan_end.isoformat(),
            "position": view.position,
        },
    }
