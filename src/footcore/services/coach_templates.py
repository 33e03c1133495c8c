"""Program templates: a coach saves the standing edits of one athlete's plan under a name and
assigns them to another athlete, each edit applied as if made anew (from the next day, with its
reason); edits whose exercise is not in that athlete's plan are skipped and said so."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from footcore.adapters.limits_file import limits
from footcore.adapters.storage.coach_models import CoachTemplateRow
from footcore.adapters.storage.uow import SqlUnitOfWork
from footcore.errors import ConflictError, InputError, NotFoundError
from footcore.services import coach_edits
from footcore.services.accounts import audit, repo


@dataclass(frozen=True)
class TemplateView:
    name: str
    edits: list[dict[str, str]]


@dataclass(frozen=True)
class Assigned:
    applied: int
    skipped: list[str]


def save(
    uow: SqlUnitOfWork, now: datetime, owner: str, name: str, athlete: str, as_of: date
) -> TemplateView:
    clean, longest = name.strip(), limits().template_name_chars
    if not clean or len(clean) > longest:
        raise InputError(f"give the template a name of 1 to {longest} characters", "name")
    edits = [
        {"kind": e.kind, "exercise": e.exercise, "value": e.value, "reason": e.reason}
        for e in coach_edits.edits(uow, athlete, as_of)
        if e.kind != "retest"  # a retest move belongs to one plan's calendar, not a template
    ]
    if not edits:
        raise InputError(f"{athlete}'s plan has no coach's edits to save", "athlete")
    with uow:
        session = uow.repo.session
        taken = session.scalar(
            select(CoachTemplateRow).where(
                CoachTemplateRow.owner == owner, CoachTemplateRow.name == clean
            )
        )
        if taken is not None:
            raise ConflictError(f"you have a template '{clean}' already")
        session.add(
            CoachTemplateRow(owner=owner, name=clean, edits=json.dumps(edits), created_at=now)
        )
        audit(repo(uow), now, owner, "template.save", athlete, clean)
        uow.commit()
    return TemplateView(clean, edits)


def templates(uow: SqlUnitOfWork, owner: str) -> list[TemplateView]:
    with uow:
        rows = uow.repo.session.scalars(
            select(CoachTemplateRow)
            .where(CoachTemplateRow.owner == owner)
            .order_by(CoachTemplateRow.name)
        )
        return [TemplateView(r.name, json.loads(r.edits)) for r in rows]


def assign(
    uow: SqlUnitOfWork, now: datetime, owner: str, name: str, athlete: str, as_of: date
) -> Assigned:
    found = next((t for t in templates(uow, owner) if t.name == name), None)
    if found is None:
        raise NotFoundError(f"no template '{name}' of yours", action="templates")
    applied, skipped = 0, []
    for e in found.edits:
        dose = json.loads(e["value"]) if e["kind"] == "dose" else None
        try:
            coach_edits.edit(
                uow,
                now,
                owner,
                athlete,
                e["kind"],
                e["exercise"],
                e["reason"],
                as_of,
                to=e["value"] if e["kind"] == "swap" else None,
                dose=dose,
                note=e["value"] if e["kind"] == "note" else None,
            )
            applied += 1
        except InputError as exc:
            skipped.append(f"{e['kind']} {e['exercise']}: {exc.message}")
    return Assigned(applied, skipped)
