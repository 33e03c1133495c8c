"""The program's decisions as stored values: each with its place in the athlete's order (`seq`),
its reason and sources; appended, never rewritten. A session's decision identical to the one
already in force for that session is not stored twice."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from footcore.domain.adaptation import Decision
from footcore.domain.flare import decision_dates


@dataclass(frozen=True)
class StoredDecision:
    """One decision of the log. `slot` is the planned exercise ('' for the whole program: pause,
    resume, repeat, gate); `date` the session's date when it follows a session, else the day it
    was made (`made_at`, None in older databases)."""

    seq: int
    slot: str
    kind: str
    action: str
    variant: str | None
    reason: str
    sources: tuple[str, ...]
    date: dt.date
    session_date: dt.date | None
    made_at: dt.date | None


def appended(
    last_seq: int,
    slot: str,
    kind: str,
    action: str,
    reason: str,
    sources: Iterable[str],
    made_on: dt.date,
    session_date: dt.date | None = None,
    variant: str | None = None,
) -> StoredDecision:
    """The next decision of the log after the one numbered `last_seq` (0 for none); its sources
    once each, in their order."""
    dated, made_at = decision_dates(session_date, made_on)
    return StoredDecision(
        seq=last_seq + 1,
        slot=slot,
        kind=kind,
        action=action,
        variant=variant,
        reason=reason,
        sources=tuple(dict.fromkeys(sources)),
        date=dated,
        session_date=session_date,
        made_at=made_at,
    )


def in_force(
    history: Sequence[StoredDecision], day: dt.date, decision: Decision
) -> StoredDecision | None:
    """The decision in force for the session of `day` when it says the same as `decision` (kind,
    action and reason): then nothing new is stored."""
    current = next((d for d in reversed(history) if d.session_date == day), None)
    if current is not None and (current.kind, current.action, current.reason) == (
        decision.kind.value,
        decision.action.value,
        decision.reason,
    ):
        return current
    return None
