"""The profile form of the pages (onboarding, settings, plan preview) as the profile mapping that
footcore.adapters.inputs validates, and back, so that forms and files share one validation."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from starlette.datastructures import FormData

from footcore.domain.profile import Profile, Runner
from footcore.errors import InputError
from footcore.presentation.profiles import UNKNOWN_AGE
from footcore.presentation.units import M_PER_KM, M_PER_MI


def default_profile() -> tuple[Profile, str]:
    """The stand-in when no profile is known, and the warning that says so."""
    return Profile(runner=Runner(age=UNKNOWN_AGE)), (
        f"no profile given: compared with the norms of age {UNKNOWN_AGE}, sex unspecified"
    )


def _number(
    form: FormData, name: str, field: str, kind: type[int] | type[float]
) -> int | float | None:
    raw = str(form.get(name) or "").strip()
    if not raw:
        return None
    try:
        return kind(raw)
    except ValueError:
        word = "a whole number" if kind is int else "a number"
        raise InputError(f"'{raw}' is not {word}", field) from None


def _put(table: dict[str, Any], key: str, value: Any) -> None:
    if value is not None:
        table[key] = value


def _in_units(km: float, units: str) -> float:
    """A weekly distance in km as the form shows it: in miles for a runner who chose miles."""
    return round(km * M_PER_KM / M_PER_MI, 1) if units == "mi" else km


def profile_mapping(form: FormData, pain_areas: list[str]) -> dict[str, Any]:
    """Read the profile fields of a submitted form; missing optional fields keep their defaults."""
    runner: dict[str, Any] = {"sex": str(form.get("sex") or "unspecified")}
    _put(runner, "age", _number(form, "age", "runner.age", int))
    name = str(form.get("name") or "").strip()
    if name:
        runner["name"] = name
    running: dict[str, Any] = {"hard_days": [str(d) for d in form.getlist("hard_days")]}
    weekly = _number(form, "weekly_km", "running.weekly_km", float)
    if weekly is not None and str(form.get("units") or "km") == "mi":
        # The field is in the units chosen on the same form; the profile keeps kilometres.
        weekly = round(weekly * M_PER_MI / M_PER_KM, 3)
    _put(running, "weekly_km", weekly)
    _put(running, "runs_per_week", _number(form, "runs_per_week", "running.runs_per_week", int))
    long_run = str(form.get("long_run_day") or "").strip()
    if long_run:
        running["long_run_day"] = long_run
    schedule: dict[str, Any] = {"days": [str(d) for d in form.getlist("days")]}
    _put(
        schedule,
        "minutes_per_day",
        _number(form, "minutes_per_day", "schedule.minutes_per_day", int),
    )
    pain: dict[str, int] = {}
    for area in pain_areas:
        level = _number(form, f"pain_{area}", f"health.pain.{area}", int)
        if level:
            pain[area] = int(level)
    return {
        "units": str(form.get("units") or "km"),
        "runner": runner,
        "running": running,
        "schedule": schedule,
        "equipment": {"items": [str(e) for e in form.getlist("equipment")]},
        "health": {
            "past_injuries": [str(i) for i in form.getlist("past_injuries")],
            "pain": pain,
            "symptoms": [str(s) for s in form.getlist("symptoms")],
            # Left out when empty, so the profile stays as an older one would be.
            **(
                {"achilles_tendinopathy": str(form.get("achilles_tendinopathy"))}
                if form.get("achilles_tendinopathy")
                else {}
            ),
        },
    }


def profile_values(profile: Profile | None) -> dict[str, Any]:
    """A profile as the values a form shows (for settings and for re-showing a bad form)."""
    if profile is None:
        return {
            "age": "",
            "sex": "unspecified",
            "name": "",
            "units": "km",
            "weekly_km": "",
            "runs_per_week": "",
            "long_run_day": "",
            "hard_days": [],
            "days": [],
            "minutes_per_day": 15,
            "equipment": [],
            "past_injuries": [],
            "pain": {},
            "achilles_tendinopathy": "",
        }
    return {
        "age": profile.runner.age,
        "sex": profile.runner.sex.value,
        "name": profile.runner.name,
        "units": profile.units,
        "weekly_km": f"{_in_units(profile.running.weekly_km, profile.units):g}",
        "runs_per_week": profile.running.runs_per_week,
        "long_run_day": profile.running.long_run_day or "",
        "hard_days": list(profile.running.hard_days),
        "days": list(profile.schedule.days),
        "minutes_per_day": profile.schedule.minutes_per_day,
        "equipment": sorted(profile.equipment),
        "past_injuries": list(profile.health.past_injuries),
        "pain": dict(profile.health.pain),
        "achilles_tendinopathy": profile.health.achilles_tendinopathy or "",
    }


def values_from_mapping(raw: Mapping[str, Any]) -> dict[str, Any]:
    """The form values of a submitted (possibly invalid) mapping, to re-show what was typed."""
    runner, running = raw.get("runner", {}), raw.get("running", {})
    schedule, health = raw.get("schedule", {}), raw.get("health", {})
    return {
        "age": runner.get("age", ""),
        "sex": runner.get("sex", "unspecified"),
        "name": runner.get("name", ""),
        "units": raw.get("units", "km"),
        "weekly_km": f"{_in_units(running['weekly_km'], raw.get('units', 'km')):g}"
        if isinstance(running.get("weekly_km"), int | float)
        else running.get("weekly_km", ""),
        "runs_per_week": running.get("runs_per_week", ""),
        "long_run_day": running.get("long_run_day", ""),
        "hard_days": running.get("hard_days", []),
        "days": schedule.get("days", []),
        "minutes_per_day": schedule.get("minutes_per_day", 15),
        "equipment": raw.get("equipment", {}).get("items", []),
        "past_injuries": health.get("past_injuries", []),
        "pain": health.get("pain", {}),
        "achilles_tendinopathy": health.get("achilles_tendinopathy", ""),
    }
