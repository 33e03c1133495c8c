"""Every table a runner owns, read and written as plain records for the export file.

The list is derived from the metadata (every table with an `athlete_id`), so a table added by a
later migration travels without a change here; so does a column added to a table. A record holds
no database ids: a reference to another of the runner's rows (a run's `shoe_id`) is written as
that row's natural key (the shoe's name) under the column's name without `_id`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Float, Integer, String, Table, Text, insert, select
from sqlalchemy.engine import CursorResult
from sqlalchemy.orm import Session
from sqlalchemy.sql.schema import Column

from footcore.adapters.storage import running_models as _running  # noqa: F401  (registers tables)
from footcore.adapters.storage.models import Base

SKIP = frozenset({"id", "athlete_id"})
# Text columns that hold JSON written by the services: the file nests them as JSON, readable.
JSON_COLUMNS = frozenset(
    {
        "data",
        "warnings",
        "sources",
        "cues",
        "symptoms",
        "results",
        "findings",
        "reasons",
        "drops",
        "exercises",
    }
)
Record = dict[str, Any]


def runner_tables() -> list[Table]:
    """The tables holding a runner's records, parents before children."""
    return [t for t in Base.metadata.sorted_tables if "athlete_id" in t.c]


def natural_key(table: Table) -> tuple[str, ...]:
    """The columns that tell a runner's rows apart: the first unique constraint without the
    athlete, else every exported column."""
    for constraint in sorted(table.constraints, key=lambda c: str(c.name)):
        names = getattr(constraint, "columns", None)
        if constraint.__class__.__name__ == "UniqueConstraint" and names is not None:
            key = tuple(_field(c) for c in names if c.name not in SKIP)
            if key:
                return key
    for column in table.c:
        if column.unique and column.name not in SKIP:
            return (column.name,)
    return tuple(_field(c) for c in exported_columns(table))


def exported_columns(table: Table) -> list[Column[Any]]:
    return [c for c in table.c if c.name not in SKIP]


def _reference(column: Column[Any]) -> Table | None:
    """The runner's table this column points at (None for plain values and the athlete)."""
    for fk in column.foreign_keys:
        target = fk.column.table
        if isinstance(target, Table) and target.name != "athletes":
            return target
    return None


def _field(column: Column[Any]) -> str:
    if _reference(column) is not None and column.name.endswith("_id"):
        return column.name[: -len("_id")]
    return column.name


def _sortable(value: Any) -> tuple[int, Any]:
    if value is None:
        return (0, 0)
    if isinstance(value, int | float):
        return (1, value)
    return (2, json.dumps(value, sort_keys=True) if not isinstance(value, str) else value)


def sort_records(records: Iterable[Record], key: tuple[str, ...]) -> list[Record]:
    """In natural-key order, ties broken by the whole record: the same rows give the same list."""
    return sorted(
        records,
        key=lambda r: (
            tuple(_sortable(r.get(k)) for k in key),
            json.dumps(r, sort_keys=True),
        ),
    )


def out(column: Column[Any], value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if column.name in JSON_COLUMNS and isinstance(value, str):
        return json.loads(value)
    return value


def read(session: Session, table: Table, athlete_id: int) -> list[Record]:
    """Every row of `table` for the runner, as records in natural-key order."""
    keys: dict[str, dict[int, Any]] = {}
    for column in exported_columns(table):
        target = _reference(column)
        if target is not None:
            keys[column.name] = _keys_by_id(session, target, athlete_id)
    records = []
    for row in session.execute(select(table).where(table.c.athlete_id == athlete_id)).mappings():
        record: Record = {}
        for column in exported_columns(table):
            value = row[column.name]
            if column.name in keys:
                value = None if value is None else keys[column.name][value]
            record[_field(column)] = out(column, value)
        records.append(record)
    return sort_records(records, natural_key(table))


def _key_of(record: Record, key: tuple[str, ...]) -> Any:
    values = [record[k] for k in key]
    return values[0] if len(values) == 1 else values


def _keys_by_id(session: Session, table: Table, athlete_id: int) -> dict[int, Any]:
    key = natural_key(table)
    found: dict[int, Any] = {}
    for row in session.execute(select(table).where(table.c.athlete_id == athlete_id)).mappings():
        record = {_field(c): out(c, row[c.name]) for c in exported_columns(table)}
        found[row["id"]] = _key_of(record, key)
    return found


def typed(column: Column[Any], value: Any) -> Any:
    """The column's Python value from the file's value; ValueError names what is wrong."""
    if value is None:
        if not column.nullable:
            raise ValueError(f"{column.table.name}.{column.name} may not be null")
        return None
    kind = column.type
    if isinstance(kind, DateTime):
        return datetime.fromisoformat(value)
    if isinstance(kind, Date):
        return date.fromisoformat(value)
    if column.name in JSON_COLUMNS and isinstance(kind, Text):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    expected: tuple[type, ...] = (
        (bool,)
        if isinstance(kind, Boolean)
        else (int, float)
        if isinstance(kind, Float)
        else (int,)
        if isinstance(kind, Integer)
        else (str,)
        if isinstance(kind, String)
        else (object,)
    )
    wrong_bool = isinstance(value, bool) and bool not in expected
    if wrong_bool or not isinstance(value, expected):
        raise ValueError(f"{column.table.name}.{column.name}: {value!r} has the wrong type")
    return float(value) if isinstance(kind, Float) and isinstance(value, int | float) else value


def value_of(column: Column[Any], record: Record) -> Any:
    name = _field(column)
    if name in record:
        return record[name]
    # A column added after the file was written: its default, or nothing where it may be empty.
    default = column.default
    if default is not None and getattr(default, "is_scalar", False):
        return getattr(default, "arg", None)
    if column.nullable:
        return None
    raise KeyError(name)


def write(
    session: Session,
    table: Table,
    athlete_id: int,
    records: list[Record],
    ids: dict[str, dict[str, int]],
) -> None:
    """Insert the records for the runner; `ids` maps each written table's natural keys to the
    new ids (filled here, read for references)."""
    columns = {_field(c) for c in exported_columns(table)}
    mine: dict[str, int] = ids.setdefault(table.name, {})
    key = natural_key(table)
    for record in records:
        if not isinstance(record, dict):
            raise TypeError(f"{table.name}: a record is not an object")
        unknown = set(record) - columns
        if unknown:
            raise ValueError(f"{table.name}: unknown field {sorted(unknown)[0]!r}")
        values: dict[str, Any] = {"athlete_id": athlete_id}
        for column in exported_columns(table):
            raw = value_of(column, record)
            target = _reference(column)
            if target is not None and raw is not None:
                found = ids.get(target.name, {}).get(_hashable(raw))
                if found is None:
                    raise ValueError(f"{table.name}.{_field(column)}: no {raw!r} in {target.name}")
                values[column.name] = found
            else:
                values[column.name] = typed(column, raw)
        result: CursorResult[Any] = session.execute(insert(table).values(**values))  # type: ignore[assignment]
        new_id = result.inserted_primary_key
        if new_id is not None:
            mine[_hashable(_key_of({k: record.get(k) for k in key}, key))] = new_id[0]


def _hashable(value: Any) -> str:
    return json.dumps(value, sort_keys=True)
