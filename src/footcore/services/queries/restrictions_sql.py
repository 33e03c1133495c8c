"""The foot plan's load restrictions as stored (refreshed with every change of the runs: the one
source of truth that `today`, `week` and `load` all read), with plain SQL like sql.py (standard
library only, so `footcore today` stays fast), and applied to a day's items."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any, Protocol, TypeVar

from footcore.domain.load_gate import DayRestriction, DroppedItem, SessionItem, apply_restrictions


class Rows(Protocol):
    def rows(self, sql: str, *args: Any) -> list[tuple[Any, ...]]: ...


ItemT = TypeVar("ItemT", bound=SessionItem)


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


_COLUMNS = "day, trigger_date, trigger, drops, reason, sources, exercises"


def _restriction(r: tuple[Any, ...]) -> DayRestriction:
    return DayRestriction(
        _day(r[0]),
        _day(r[1]),
        r[2],
        tuple(json.loads(r[3])),
        r[4],
        tuple(json.loads(r[5])),
        frozenset(json.loads(r[6])),
    )


def restrictions_on(db: Rows, athlete_id: int, day: date) -> list[DayRestriction]:
    rows = db.rows(
        f"SELECT {_COLUMNS} FROM foot_restrictions WHERE athlete_id = ? AND day = ? "
        "ORDER BY trigger_date, trigger, id",
        athlete_id,
        day,
    )
    return [_restriction(r) for r in rows]


def restrictions_from(db: Rows, athlete_id: int, day: date) -> list[DayRestriction]:
    """Every stored restriction dated `day` or later, by day (then as `restrictions_on`)."""
    rows = db.rows(
        f"SELECT {_COLUMNS} FROM foot_restrictions WHERE athlete_id = ? AND day >= ? "
        "ORDER BY day, trigger_date, trigger, id",
        athlete_id,
        day,
    )
    return [_restriction(r) for r in rows]


def gate_items(
    db: Rows, athlete_id: int, day: date, items: Sequence[ItemT]
) -> tuple[list[ItemT], list[dict[str, Any]]]:
    """The day's items without those a load restriction leaves out, and those as dicts."""
    kept, dropped = apply_restrictions(items, restrictions_on(db, athlete_id, day))
    return kept, [dropped_dict(d) for d in dropped]


def dropped_dict(d: DroppedItem[Any]) -> dict[str, Any]:
    item = d.item
    return {
        "exercise": item.exercise,
        "exercise_done": item.exercise_done,
        "name": getattr(item, "name", item.exercise_done),
        "reasons": list(d.reasons),
        "sources": list(d.sources),
    }
