"""Reading the assessment and logging forms into the shapes the services take. Only parsing:
numbers, yes/no and pass/fail; every range and word is checked by the services behind."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time
from typing import Any

from starlette.datastructures import FormData

from footcore.domain.assessment import BatteryTest, ResultKind
from footcore.errors import InputError

SIDES = ("left", "right")


def text(form: FormData, name: str) -> str:
    return str(form.get(name) or "").strip()


def number(form: FormData, name: str, field: str | None = None) -> float | None:
    raw = text(form, name)
    if not raw:
        return None
    try:
        value = float(raw.replace(",", "."))
    except ValueError:
        raise InputError(f"'{raw}' is not a number", field or name) from None
    if value != value or value in (float("inf"), float("-inf")):
        raise InputError(f"'{raw}' is not a number", field or name)
    return value


def whole(form: FormData, name: str, field: str | None = None) -> int | None:
    value = number(form, name, field)
    if value is None:
        return None
    if value != int(value):
        raise InputError(f"'{text(form, name)}' is not a whole number", field or name)
    return int(value)


def day(form: FormData, name: str, default: date) -> date:
    raw = text(form, name)
    if not raw:
        return default
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise InputError(f"'{raw}' is not a date; use YYYY-MM-DD", name) from None


def clock(form: FormData, name: str) -> time:
    raw = text(form, name)
    try:
        return time.fromisoformat(raw)
    except ValueError:
        raise InputError(f"'{raw}' is not a time; use HH:MM", name) from None


def side_value(test: BatteryTest, form: FormData, side: str) -> float | bool | str | None:
    name = f"{test.id}_{side}"
    raw = text(form, name)
    if not raw:
        return None
    if test.kind is ResultKind.NUMBER:
        return number(form, name, f"{test.id}.{side}")
    if test.kind is ResultKind.PASS_FAIL:
        return raw
    if raw in ("yes", "no"):
        return raw == "yes"
    raise InputError(f"'{raw}' is not yes or no", f"{test.id}.{side}")


def battery_values(battery: Sequence[BatteryTest], form: FormData) -> dict[str, dict[str, Any]]:
    """Per test id the {left, right} values typed in; tests left blank are left out."""
    out: dict[str, dict[str, Any]] = {}
    for test in battery:
        sides = {side: side_value(test, form, side) for side in SIDES}
        if any(v is not None for v in sides.values()):
            out[test.id] = sides
    return out
