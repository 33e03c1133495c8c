"""Bodies of the REST API: runs, imports of run files, shoes and the ramp check."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

from footcore.domain.footwear import ShoeKind
from footcore.entrypoints.http.api.fields import (
    IsoDate,
    IsoTime,
    bounds,
    choices,
    run_limit,
    shoe_reminder,
)
from footcore.entrypoints.http.api.schemas.base import (
    StrictIn,
)
from footcore.services.running import SURFACES


class RunCreate(StrictIn):
    date: IsoDate = Field(description="The day of the run (not in the future).")
    # Published only: the service checks these with messages that say what a run can be.
    km: float = Field(
        description="Distance in kilometres.",
        json_schema_extra=run_limit("km"),
    )
    minutes: float = Field(
        description="Moving time in minutes.",
        json_schema_extra=run_limit("minutes"),
    )
    rpe: int | None = Field(
        default=None, description="Effort 0-10.", json_schema_extra=bounds(0, 10)
    )
    shoe: str | None = Field(default=None, description="A stored shoe's name.")
    surface: str | None = Field(
        default=None, description="Where it was run.", json_schema_extra=choices(SURFACES)
    )
    time: IsoTime | None = Field(default=None, description="Start time (UTC), for a second run.")


class RunPublic(BaseModel):
    start: str
    date: str
    distance_m: float
    distance: float = Field(description="The distance in the runner's units.")
    elapsed_s: float
    moving_s: float
    pace: str
    rpe: int | None
    shoe: str | None
    surface: str | None
    source: str
    distance_source: str
    device: str | None


class RunAddedPublic(RunPublic):
    spike: str | None = Field(description="Why the run is a spike, when it is one.")
    restricted_until: dt.date | None = Field(
        description="The foot plan leaves out plyometric and high-load items until this day."
    )


class RunsPublic(BaseModel):
    units: str
    total: int
    runs: list[RunPublic]


class UploadFilePublic(BaseModel):
    source: str
    outcome: Literal["imported", "duplicate", "skipped", "failed", "note"]
    detail: str


class UploadPublic(BaseModel):
    summary: str
    files: list[UploadFilePublic]
    restricted_days: list[dt.date]


class ShoeCreate(StrictIn):
    name: str = Field(description="A name unique among your shoes.")
    kind: str = Field(
        default="neutral",
        description="A shoe kind (see the README).",
        json_schema_extra=choices([k.value for k in ShoeKind]),
    )
    drop_mm: float | None = Field(default=None, ge=0, le=50)
    stack_mm: float | None = Field(default=None, ge=0, le=100)
    weight_g: float | None = Field(default=None, ge=0, le=2000)
    reminder_km: float | None = Field(
        default=None,
        description="Reminder distance; the default when omitted.",
        json_schema_extra=shoe_reminder,
    )


class ShoePublic(BaseModel):
    name: str
    kind: str
    drop_mm: float | None
    stack_mm: float | None
    weight_g: float | None
    reminder_km: float
    retired: bool
    added_on: dt.date


class RampCreate(StrictIn):
    target_km: float = Field(gt=0, le=300, description="Your weekly goal in minimalist shoes, km.")
