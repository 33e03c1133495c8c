"""The foot plan's load restrictions for `footcore load`: the stored rows that `today` applies
(restrictions_sql.py), read with the same SQL over the unit of work's connection and given back as
the load rules' values. `load` never recomputes them, so the two cannot disagree."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from footcore.domain.load import Drop, Restriction, Trigger
from footcore.services.queries.restrictions_sql import restrictions_from
from footcore.services.queries.sql import db_from

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def stored_restrictions(session: Session, athlete_id: int, since: date) -> list[Restriction]:
    """Every stored restriction dated `since` or later, by day, as `today` reads them."""
    conn = session.connection()
    db = db_from(conn.connection.dbapi_connection, conn.dialect.name)
    return [
        Restriction(
            r.day,
            r.trigger_date,
            Trigger(r.trigger),
            frozenset(Drop(d) for d in r.drops),
            r.reason,
            r.sources,
        )
        for r in restrictions_from(db, athlete_id, since)
    ]
