"""Between the web (JSON bodies, forms) and the training services: requests into the services'
inputs, their results into dicts. No rule lives here; the services check every value."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from starlette.datastructures import FormData

from footcore.entrypoints.http.shared import forms
from footcore.entrypoints.http.storage import Storage
from footcore.presentation.findings import finding_dict

if TYPE_CHECKING:
    from footcore.domain.progress import Progress
    from footcore.services.adapting import DecisionInfo
    from footcore.services.logbook import CheckedIn, LogEntry, Logged
    from footcore.services.queries.day_view import DayView
    from footcore.services.retesting import Retested
    from footcore.services.status import StatusView

# The profile keys the settings form edits, each changed through the profile service.
PROFILE_KEYS = (
    "units",
    "runner.name",
    "runner.age",
    "runner.sex",
    "running.weekly_km",
    "running.runs_per_week",
    "running.long_run_day",
    "running.hard_days",
    "schedule.minutes_per_day",
    "schedule.days",
    "equipment.items",
    "health.past_injuries",
    "health.pain",
    "health.symptoms",
)
DEFAULTS: dict[str, Any] = {
    "units": "km",
    "runner.name": "",
    "runner.sex": "unspecified",
    "running.weekly_km": 0.0,
    "running.runs_per_week": 0,
    "running.long_run_day": None,
    "running.hard_days": [],
    "schedule.minutes_per_day": 15,
    "schedule.days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
    "equipment.items": [],
    "health.past_injuries": [],
    "health.pain": {},
    "health.symptoms": [],
}


def decision_dict(d: DecisionInfo) -> dict[str, Any]:
    out = dataclasses.asdict(d)
    out["sources"] = list(d.sources)
    return out


def logged_dict(done: Logged) -> dict[str, Any]:
    return {
        "exercise": done.entry.exercise,
        "date": done.entry.day,
        "side": done.entry.side,
        "already": done.already,
        "slot": done.slot,
        "sets": done.sets,
        "measure": done.measure,
        "decision": decision_dict(done.decision) if done.decision else None,
    }


def checkin_dict(done: CheckedIn) -> dict[str, Any]:
    return {
        "date": done.day,
        "area": done.area,
        "morning_pain": done.morning_pain,
        "stiffness": done.stiffness,
        "already": done.already,
        "decisions": [decision_dict(d) for d in done.decisions],
    }


def retest_dict(done: Retested) -> dict[str, Any]:
    return {
        "date": done.day,
        "passed": done.result.passed,
        "entering": done.entering,
        "reasons": list(done.result.reasons),
        "sources": list(done.result.sources),
        "effect": done.effect,
        "already": done.already,
        "failed_in_a_row": done.failed_in_a_row,
        "findings": [finding_dict(f) for f in done.findings],
    }


def status_dict(s: StatusView) -> dict[str, Any]:
    return dataclasses.asdict(s)


def entry(
    exercise: str,
    day: date,
    sets: int | None = None,
    reps: int | None = None,
    hold_s: int | None = None,
    side: str = "both",
    rpe: int | None = None,
    pain: int = 0,
    pain_area: str = "",
) -> LogEntry:
    from footcore.services.logbook import LogEntry

    return LogEntry(exercise, day, sets, reps, hold_s, side, rpe, pain, pain_area)


def session_entries(form: FormData, view: DayView) -> list[LogEntry]:
    """The session player's form: per item, sets (and reps or seconds) done per side."""
    out = []
    for i, item in enumerate(view.items):
        if item.logged:
            continue
        rpe = forms.whole(form, f"rpe_{i}", f"{item.name}: effort")
        pain = forms.whole(form, f"pain_{i}", f"{item.name}: pain") or 0
        area = forms.text(form, f"area_{i}")
        for side in ("left", "right") if item.per_side else ("both",):
            sets = forms.whole(form, f"sets_{i}_{side}", f"{item.name}: sets ({side})")
            if not sets:
                continue
            amount = forms.whole(form, f"amount_{i}_{side}", f"{item.name}: per set ({side})")
            amount = amount or None  # 0 or blank: as prescribed
            reps = amount if item.reps is not None else None
            hold = amount if item.reps is None and item.hold_s is not None else None
            out.append(
                entry(
                    item.exercise_done,
                    view.date,
                    sets,
                    reps,
                    hold,
                    side,
                    rpe,
                    pain,
                    area if pain else "",
                )
            )
    return out


# Profile changes ---------------------------------------------------------------------------------


def _flat(raw: Mapping[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for key, value in raw.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping) and name != "health.pain":
            yield from _flat(value, name + ".")
        else:
            yield name, value


def _toml(value: Any) -> str:
    """A value as the TOML literal the profile service parses."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{k} = {_toml(v)}" for k, v in value.items()) + " }"
    return "[" + ", ".join(_toml(v) for v in value) + "]"


def _same_distance(a: Any, b: Any) -> bool:
    """Two weekly distances (km) that differ by less than the form's 0.1 mi display step."""
    numbers = all(isinstance(x, int | float) and not isinstance(x, bool) for x in (a, b))
    return numbers and abs(float(a) - float(b)) < 0.161


def changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The (key, TOML value) pairs that turn the stored profile into the submitted one."""
    before = {**DEFAULTS, **dict(_flat(old))}
    after = {**DEFAULTS, **dict(_flat(new))}
    out = []
    for key in PROFILE_KEYS:
        if key == "running.weekly_km" and _same_distance(before.get(key), after.get(key)):
            continue  # the form shows miles to a tenth: its round trip is not a change
        if after.get(key) != before.get(key) and after.get(key) is not None:
            out.append((key, _toml(after[key])))
    return out


def apply_profile(
    storage: Storage, name: str, new: Mapping[str, Any], as_of: date
) -> tuple[list[str], date | None]:
    """Change each differing key through the profile service; the keys changed and the day the
    plan was rebuilt from. The whole profile is checked first, so a bad form changes nothing."""
    from footcore.adapters.inputs import profile_from_mapping
    from footcore.services import training

    profile_from_mapping(new, "profile")
    old = training.profile_show(storage.uow(), name, as_of)
    changed: list[str] = []
    replanned: date | None = None
    for key, value in changes(old, new):
        done = training.profile_set(storage.uow(), name, key, value, as_of)
        if done.changed:
            changed.append(key)
            replanned = done.replanned_from or replanned
    return changed, replanned


def progress_dict(p: Progress) -> dict[str, Any]:
    """Progress series as plain values (norm bands with their sexes as words)."""
    out = dataclasses.asdict(p)
    for series, raw in zip(p.retests, out["retests"], strict=True):
        if series.band is not None:
            raw["band"]["sexes"] = sorted(s.value for s in series.band.sexes)
    for week, raw in zip(p.load, out["load"], strict=True):
        raw["worst_spike"] = week.worst_spike.value if week.worst_spike else None
    return out
