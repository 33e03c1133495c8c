"""Bodies of the REST API: progress (adherence, pain, retests, load) and the calendar link."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field

from footcore.entrypoints.http.api.schemas.assessment import BandPublic


class AdherenceWeekPublic(BaseModel):
    index: int
    start: dt.date
    planned: int
    done: int


class PainPointPublic(BaseModel):
    date: dt.date
    pain: int


class PainPublic(BaseModel):
    during: list[PainPointPublic]
    next_morning: list[PainPointPublic]


class RetestPointPublic(BaseModel):
    date: dt.date
    left: float | None
    right: float | None


class RetestSeriesPublic(BaseModel):
    test: str
    name: str
    unit: str
    points: list[RetestPointPublic]
    band: BandPublic | None
    band_note: str | None


class LoadWeekPublic(BaseModel):
    start: dt.date
    distance_m: float
    runs: int
    worst_spike: str | None
    marked: bool = Field(description="A spike that restricts the foot plan happened this week.")


class ProgressPublic(BaseModel):
    adherence: list[AdherenceWeekPublic]
    pain: PainPublic
    retests: list[RetestSeriesPublic]
    load: list[LoadWeekPublic]
    units: str


class CalendarPublic(BaseModel):
    url: str = Field(description="The subscription address (keep it private: it is the key).")
