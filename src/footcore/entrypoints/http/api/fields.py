"""Field types of the API's request bodies: what the server really accepts, published as such.

Request models are strict (a boolean is not a number, a number is not text); a date is an ISO
text `YYYY-MM-DD` and nothing else (pydantic's lax mode reads `0` as 1970-01-01). Ranges that
the server checks are stated as `minimum`/`maximum` in the OpenAPI document; word lists come from
the vocabulary file when the document is built, so the file stays their one source.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
ISO_TIME = re.compile(r"\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?")


def _iso_date(value: Any) -> Any:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str) or not ISO_DATE.fullmatch(value):
        raise ValueError("give the date as text YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value} is not a calendar date") from None


def _iso_time(value: Any) -> Any:
    if isinstance(value, dt.time):
        return value
    if not isinstance(value, str) or not ISO_TIME.fullmatch(value):
        raise ValueError("give the time as text HH:MM")
    try:
        return dt.time.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value} is not a time of day") from None


IsoDate = Annotated[
    dt.date,
    BeforeValidator(_iso_date),
    Field(json_schema_extra={"pattern": ISO_DATE.pattern}),
]
IsoTime = Annotated[dt.time, BeforeValidator(_iso_time)]


def words(kind: str, *extra: str) -> Callable[[dict[str, Any]], None]:
    """Publish the words of a vocabulary kind as the field's enum (read when the document is
    built). On a list field the enum goes to its items."""

    def publish(schema: dict[str, Any]) -> None:
        from footcore.adapters.datafiles import vocabulary

        found = [*extra, *vocabulary().words(kind)]
        for option in schema.get("anyOf", [schema]):
            target = option.get("items", option)
            if target.get("type") == "string":
                target["enum"] = found

    return publish


def choices(values: tuple[str, ...] | list[str]) -> Callable[[dict[str, Any]], None]:
    def publish(schema: dict[str, Any]) -> None:
        for option in schema.get("anyOf", [schema]):
            if option.get("type") == "string":
                option["enum"] = list(values)

    return publish


def bounds(low: float, high: float) -> Callable[[dict[str, Any]], None]:
    """Publish a range the service checks itself (with its own message)."""

    def publish(schema: dict[str, Any]) -> None:
        for option in schema.get("anyOf", [schema]):
            if option.get("type") in ("integer", "number"):
                option["minimum"], option["maximum"] = low, high

    return publish


def _plan_length(weeks: int | None) -> int | None:
    from footcore.bootstrap import knowledge

    rules = knowledge().rules
    if weeks is not None and not rules.min_weeks <= weeks <= rules.max_weeks:
        raise ValueError(f"{weeks} is out of range; accepted {rules.min_weeks}..{rules.max_weeks}")
    return weeks


PlanWeeks = Annotated[int | None, AfterValidator(_plan_length)]


def planner_weeks(schema: dict[str, Any]) -> None:
    """The plan lengths planner_rules.toml allows."""
    from footcore.bootstrap import knowledge

    rules = knowledge().rules
    for option in schema.get("anyOf", [schema]):
        if option.get("type") == "integer":
            option["minimum"], option["maximum"] = rules.min_weeks, rules.max_weeks


def shoe_reminder(schema: dict[str, Any]) -> None:
    """The conventional retirement range of load_rules.toml."""
    from footcore.services.running_store import footwear_rules

    retirement = footwear_rules().retirement
    for option in schema.get("anyOf", [schema]):
        if option.get("type") == "number":
            option["minimum"], option["maximum"] = retirement.min_km, retirement.max_km


def run_limit(name: str) -> Callable[[dict[str, Any]], None]:
    """The longest run of import_limits.toml, in km or minutes."""

    def publish(schema: dict[str, Any]) -> None:
        from footcore.adapters.import_limits_file import plausibility

        limits = plausibility()
        top = limits.max_distance_km if name == "km" else limits.max_duration_hours * 60
        schema["exclusiveMinimum"], schema["maximum"] = 0, top

    return publish
