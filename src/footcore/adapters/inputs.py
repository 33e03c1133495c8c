"""Reading the runner's own files (profile and assessment results, TOML) into domain values.

Every problem becomes one InputError line that names the file, the field and what is accepted.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from footcore.adapters.datafiles import vocabulary
from footcore.domain.assessment import Results, SideResult
from footcore.domain.distances import M_PER_KM, M_PER_MI, parse_distance
from footcore.domain.profile import WEEKDAYS, Health, Profile, Runner, Running, Schedule, Sex
from footcore.errors import FileInputError, InputError

MAX_INPUT_BYTES = 1_000_000


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=False)


class RunnerIn(_Strict):
    age: int = Field(ge=14, le=99)
    sex: str = "unspecified"
    name: str = Field(default="", max_length=100)


class RunningIn(_Strict):
    weekly_km: float = Field(default=0.0, ge=0, le=500)
    weekly_mi: float | None = Field(default=None, ge=0, le=310)  # the same, for a miles runner

    @field_validator("weekly_km", mode="before")
    @classmethod
    def _typed_distance(cls, value: Any) -> Any:
        """`weekly_km = "25mi"` (or "40 km") takes its unit from the text."""
        if isinstance(value, str):
            return parse_distance(value, "km") / M_PER_KM
        return value

    @model_validator(mode="after")
    def _miles(self) -> RunningIn:
        if self.weekly_mi is not None:
            if "weekly_km" in self.model_fields_set:
                raise ValueError("give weekly_km or weekly_mi, not both")
            self.weekly_km = round(self.weekly_mi * M_PER_MI / M_PER_KM, 3)
        return self

    runs_per_week: int = Field(default=0, ge=0, le=21)
    long_run_day: str | None = None
    hard_days: list[str] = []


class ScheduleIn(_Strict):
    minutes_per_day: int = Field(default=15, ge=5, le=90)
    days: list[str] = Field(default_factory=lambda: list(WEEKDAYS), min_length=1)


class EquipmentIn(_Strict):
    items: list[str] = []


class HealthIn(_Strict):
    past_injuries: list[str] = []
    # 0..10 per area, checked in profile_from_mapping with a message naming the area.
    pain: dict[str, int] = Field(
        default={},
        json_schema_extra={
            "additionalProperties": {"type": "integer", "minimum": 0, "maximum": 10}
        },
    )
    symptoms: list[str] = []
    # A current Achilles tendinopathy and where it hurts (optional; brings the Alfredson protocol).
    achilles_tendinopathy: Literal["mid_portion", "insertional"] | None = None


class ProfileIn(_Strict):
    runner: RunnerIn
    running: RunningIn = RunningIn()
    schedule: ScheduleIn = ScheduleIn()
    equipment: EquipmentIn = EquipmentIn()
    health: HealthIn = HealthIn()
    units: str = "km"


def read_toml_file(path: Path, what: str) -> dict[str, Any]:
    """Parse a user's TOML file; a missing, huge or malformed file is one InputError line."""
    try:
        if path.stat().st_size > MAX_INPUT_BYTES:
            raise FileInputError(f"{path}: the {what} file is over 1 MB; is it the right file?")
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FileInputError(f"{path}: no such {what} file") from None
    except IsADirectoryError:
        raise FileInputError(f"{path}: is a folder; give the {what} file") from None
    except UnicodeDecodeError:
        raise FileInputError(f"{path}: the {what} file is not UTF-8 text") from None
    except OSError as exc:
        raise FileInputError(f"{path}: cannot read the {what} file ({exc.strerror})") from None
    return parse_toml_text(text, str(path), what)


def parse_toml_text(text: str, name: str, what: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        detail = str(exc)
        hint = " (a date that does not exist?)" if "date" in detail.lower() else ""
        raise InputError(f"{name}: not valid TOML: {detail}{hint}") from None


def _pydantic_message(name: str, model: type[BaseModel], exc: ValidationError) -> str:
    err = exc.errors()[0]
    loc = [str(p) for p in err["loc"]]
    field = ".".join(loc)
    kind = err["type"]
    if kind == "extra_forbidden":
        parent = _model_at(model, loc[:-1])
        accepted = ", ".join(parent.model_fields) if parent else ""
        return f"{name}: unknown key '{field}'; accepted here: {accepted}"
    if kind == "missing":
        return f"{name}: '{field}' is missing"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        lo, hi = _bounds(model, loc)
        return f"{name}: {field} = {err['input']!r} is out of range; accepted {lo}..{hi}"
    if kind == "too_short":
        return f"{name}: {field} must not be empty"
    if kind == "too_long":
        return f"{name}: {field} is too long"
    return f"{name}: {field}: {err['msg'].lower()}"


def _model_at(model: type[BaseModel], loc: list[str]) -> type[BaseModel] | None:
    current: type[BaseModel] = model
    for part in loc:
        field = current.model_fields.get(part)
        ann = field.annotation if field else None
        if not (isinstance(ann, type) and issubclass(ann, BaseModel)):
            return None
        current = ann
    return current


def _bounds(model: type[BaseModel], loc: list[str]) -> tuple[object, object]:
    parent = _model_at(model, loc[:-1])
    if parent is None or loc[-1] not in parent.model_fields:
        return ("?", "?")
    lo: object = "?"
    hi: object = "?"
    for m in parent.model_fields[loc[-1]].metadata:
        lo = getattr(m, "ge", lo)
        hi = getattr(m, "le", hi)
    return lo, hi


def _check_words(name: str, field: str, words: list[str], kind: str) -> None:
    accepted = vocabulary().words(kind)
    for w in words:
        if w not in accepted:
            raise InputError(
                f"{name}: {field}: unknown word '{w}'; accepted: {', '.join(accepted)}"
            )


def profile_from_mapping(raw: Mapping[str, Any], name: str = "profile") -> Profile:
    try:
        p = ProfileIn.model_validate(raw)
    except ValidationError as exc:
        raise InputError(_pydantic_message(name, ProfileIn, exc)) from None
    _check_words(name, "runner.sex", [p.runner.sex], "sexes")
    _check_words(name, "running.hard_days", p.running.hard_days, "weekdays")
    if p.running.long_run_day is not None:
        _check_words(name, "running.long_run_day", [p.running.long_run_day], "weekdays")
    _check_words(name, "schedule.days", p.schedule.days, "weekdays")
    _check_words(name, "equipment.items", p.equipment.items, "equipment")
    _check_words(name, "health.past_injuries", p.health.past_injuries, "injuries")
    _check_words(name, "health.pain", list(p.health.pain), "pain_areas")
    _check_words(name, "health.symptoms", p.health.symptoms, "symptoms")
    for area, level in p.health.pain.items():
        if not 0 <= level <= 10:
            raise InputError(
                f"{name}: health.pain.{area} = {level} is out of range; accepted 0..10"
            )
    if p.units not in ("km", "mi"):
        raise InputError(f"{name}: units: unknown word '{p.units}'; accepted: km, mi")
    return Profile(
        runner=Runner(age=p.runner.age, sex=Sex(p.runner.sex), name=p.runner.name),
        running=Running(
            weekly_km=p.running.weekly_km,
            runs_per_week=p.running.runs_per_week,
            long_run_day=p.running.long_run_day,
            hard_days=tuple(dict.fromkeys(p.running.hard_days)),
        ),
        schedule=Schedule(
            minutes_per_day=p.schedule.minutes_per_day,
            days=tuple(d for d in WEEKDAYS if d in p.schedule.days),
        ),
        equipment=frozenset(p.equipment.items),
        health=Health(
            past_injuries=tuple(dict.fromkeys(p.health.past_injuries)),
            pain={k: v for k, v in p.health.pain.items() if v > 0},
            symptoms=tuple(dict.fromkeys(p.health.symptoms)),
            achilles_tendinopathy=p.health.achilles_tendinopathy,
        ),
        units=p.units,
    )


def read_profile(path: Path) -> Profile:
    return profile_from_mapping(read_toml_file(path, "profile"), str(path))


# Assessment results ---------------------------------------------------------------------------

NUMBER_TESTS: dict[str, tuple[float, float]] = {
    # The plausible range of each measurement, to catch typos (seconds, reps, centimetres).
    "single_leg_stance_eyes_open_s": (0, 600),
    "single_leg_stance_eyes_closed_s": (0, 600),
    "heel_raise_reps": (0, 300),
    "knee_to_wall_cm": (0, 40),
    "short_foot_hold_s": (0, 600),
}
PASS_FAIL_TESTS = ("paper_grip",)
BOOLEAN_TESTS = ("toe_yoga_hallux_lift", "toe_yoga_lesser_toes_lift")
RESULT_KEYS = ("date", *NUMBER_TESTS, *PASS_FAIL_TESTS, *BOOLEAN_TESTS)


def _side_value(name: str, test: str, side: str, value: object) -> float | bool | str:
    field = f"{test}.{side}"
    if test in NUMBER_TESTS:
        lo, hi = NUMBER_TESTS[test]
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise InputError(f"{name}: {field} must be a number")
        if not lo <= value <= hi:
            raise InputError(f"{name}: {field} = {value} is out of range; accepted {lo:g}..{hi:g}")
        return float(value)
    if test in PASS_FAIL_TESTS:
        if value not in ("pass", "fail"):
            raise InputError(f"{name}: {field}: unknown word {value!r}; accepted: pass, fail")
        return str(value)
    if not isinstance(value, bool):
        raise InputError(f"{name}: {field} must be true or false")
    return value


def results_from_mapping(raw: Mapping[str, Any], name: str = "results") -> Results:
    unknown = [k for k in raw if k not in RESULT_KEYS]
    if unknown:
        raise InputError(f"{name}: unknown key '{unknown[0]}'; accepted: {', '.join(RESULT_KEYS)}")
    if "date" not in raw:
        raise InputError(f"{name}: 'date' is missing; write date = YYYY-MM-DD")
    when = raw["date"]
    if isinstance(when, str):
        try:
            when = dt.date.fromisoformat(when)
        except ValueError:
            raise InputError(f"{name}: date = {when!r} is not a date; use YYYY-MM-DD") from None
    if isinstance(when, dt.datetime):
        when = when.date()
    if not isinstance(when, dt.date):
        raise InputError(f"{name}: date must be a date such as 2026-03-01")
    values: dict[str, SideResult] = {}
    for test, sides in raw.items():
        if test == "date":
            continue
        if not isinstance(sides, dict):
            raise InputError(
                f"{name}: {test} must be a table such as {{ left = ..., right = ... }}"
            )
        extra = [k for k in sides if k not in ("left", "right")]
        if extra:
            raise InputError(f"{name}: {test}: unknown key '{extra[0]}'; accepted: left, right")
        if not sides:
            raise InputError(f"{name}: {test} needs a left or right value")
        values[test] = SideResult(
            left=_side_value(name, test, "left", sides["left"]) if "left" in sides else None,
            right=_side_value(name, test, "right", sides["right"]) if "right" in sides else None,
        )
    return Results(date=when, values=values)


def read_results(path: Path) -> Results:
    return results_from_mapping(read_toml_file(path, "results"), str(path))
