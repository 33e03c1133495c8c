"""The coach's endpoints: the roster and an athlete's alerts, and acknowledging one. The gate
(http.security.team) admits coaches and admins to the roster, and to an athlete's
alerts only with a grant (`edit` to acknowledge)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, Query, Request

from footcore.adapters.team_file import team_policy
from footcore.domain.accounts import Role
from footcore.entrypoints.http.api.schemas.team import (
    AckCreate,
    AlertPublic,
    AssignedPublic,
    EditCreate,
    EditPublic,
    RosterRowPublic,
    TemplateCreate,
    TemplatePublic,
)
from footcore.entrypoints.http.dependencies import StorageDep, TodayDep, athlete_name
from footcore.entrypoints.http.security.team import acting
from footcore.errors import ForbiddenError
from footcore.services import coach_edits, coach_retest, coach_templates, roster

if TYPE_CHECKING:
    from footcore.adapters.storage.uow import SqlUnitOfWork

router = APIRouter(tags=["coach"])


@router.get("/roster", response_model=list[RosterRowPublic])
def get_roster(
    request: Request,
    storage: StorageDep,
    today: TodayDep,
    sort: Annotated[str, Query(description=", ".join(roster.SORTS))] = "alerts",
    show: Annotated[str, Query(description=", ".join(roster.FILTERS))] = "all",
) -> Any:
    """Every athlete granted to you: phase, adherence, pain, alerts, pauses, retests, spikes."""
    actor = acting(request)
    rows = roster.roster(storage.uow(), team_policy(), actor.grants, today, sort, show)
    return [asdict(r) for r in rows]


@router.get("/alerts", response_model=list[AlertPublic])
def get_alerts(request: Request, storage: StorageDep, today: TodayDep) -> Any:
    """The athlete's open alerts, each with its reason and source."""
    found = roster.athlete_alerts(storage.uow(), team_policy(), athlete_name(request), today)
    return [asdict(a) for a in found]


@router.post("/alerts/ack", response_model=AlertPublic)
def post_ack(body: AckCreate, request: Request, storage: StorageDep, today: TodayDep) -> Any:
    """Acknowledge an open alert of the athlete (coaches with edit access; audited)."""
    actor = acting(request)
    if actor.role is Role.ATHLETE:
        raise ForbiddenError("alerts are acknowledged by the athlete's coach")
    done = roster.acknowledge(
        storage.uow(),
        team_policy(),
        request.app.state.now(),
        today,
        actor.email,
        athlete_name(request),
        body.key,
        body.reason,
    )
    return asdict(done)


@router.post("/coach/edits", response_model=EditPublic, status_code=201)
def post_edit(body: EditCreate, request: Request, storage: StorageDep, today: TodayDep) -> Any:
    """Change the athlete's plan from tomorrow, with why (coaches with edit access; audited)."""
    actor = acting(request)
    if actor.role is Role.ATHLETE:
        raise ForbiddenError("a coach changes the plan here; athletes change their profile")
    if body.kind == coach_retest.KIND:
        moved = coach_retest.move_retest(
            storage.uow(),
            request.app.state.now(),
            actor.email,
            athlete_name(request),
            coach_retest.day_of(body.to),
            body.reason,
            today,
        )
        return asdict(moved)
    done = coach_edits.edit(
        storage.uow(),
        request.app.state.now(),
        actor.email,
        athlete_name(request),
        body.kind,
        body.exercise,
        body.reason,
        today,
        to=body.to,
        dose={"sets": body.sets, "reps": body.reps, "hold_s": body.hold_s},
        note=body.note,
    )
    return asdict(done)


@router.get("/coach/edits", response_model=list[EditPublic])
def get_edits(request: Request, storage: StorageDep, today: TodayDep) -> Any:
    """The coach's changes standing in the athlete's plan, with their reasons."""
    return [asdict(e) for e in coach_edits.edits(storage.uow(), athlete_name(request), today)]


@router.get("/templates", response_model=list[TemplatePublic])
def get_templates(request: Request, storage: StorageDep) -> Any:
    """Your program templates (coaches)."""
    return [asdict(t) for t in coach_templates.templates(storage.uow(), acting(request).email)]


@router.post("/templates/save", response_model=TemplatePublic, status_code=201)
def save_template(
    body: TemplateCreate, request: Request, storage: StorageDep, today: TodayDep
) -> Any:
    """Save the athlete's standing coach's edits as a template under a name."""
    return _on_template(coach_templates.save, body, request, storage, today)


@router.post("/templates/assign", response_model=AssignedPublic)
def assign_template(
    body: TemplateCreate, request: Request, storage: StorageDep, today: TodayDep
) -> Any:
    """Apply one of your templates to the athlete's plan from tomorrow (audited per edit)."""
    return _on_template(coach_templates.assign, body, request, storage, today)


def _on_template(
    use: Callable[[SqlUnitOfWork, datetime, str, str, str, date], Any],
    body: TemplateCreate,
    request: Request,
    storage: StorageDep,
    today: date,
) -> dict[str, Any]:
    """Save or assign: the acting coach's template named in `body`, on the athlete of the path."""
    done = use(
        storage.uow(),
        request.app.state.now(),
        acting(request).email,
        body.name,
        athlete_name(request),
        today,
    )
    return asdict(done)
