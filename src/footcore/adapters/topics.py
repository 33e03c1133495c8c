"""The knowledge topics behind `footcore learn` (data/knowledge.toml), validated when loaded."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

from pydantic import Field

from footcore.adapters.datafiles import (
    StrictModel,
    check_sources,
    load_catalog,
    read_toml,
    validate_data,
    vocabulary,
)
from footcore.errors import DataFileError


@dataclass(frozen=True, slots=True)
class Topic:
    id: str
    title: str
    kind: str
    summary: str
    points: tuple[str, ...]
    related_injury: str | None
    exercises: tuple[str, ...]
    sources: tuple[str, ...]


class TopicIn(StrictModel):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: str
    kind: Literal["anatomy", "gait", "problem", "care", "recovery"]
    summary: str = Field(min_length=20)
    points: list[str] = Field(default_factory=list)
    related_injury: str | None = None
    exercises: list[str] = Field(default_factory=list)
    sources: list[str] = Field(min_length=1)


class TopicsIn(StrictModel):
    topic: list[TopicIn] = Field(min_length=1)


@cache
def load_topics() -> dict[str, Topic]:
    parsed = validate_data(TopicsIn, read_toml("knowledge.toml"), "knowledge.toml")
    catalog = load_catalog()
    out: dict[str, Topic] = {}
    for t in parsed.topic:
        where = f"knowledge.toml: {t.id}"
        if t.id in out:
            raise DataFileError(f"{where}: id appears twice")
        if t.related_injury is not None:
            vocabulary().check("injuries", [t.related_injury], where)
        for ex in t.exercises:
            if ex not in catalog:
                raise DataFileError(f"{where}: unknown exercise '{ex}'")
        check_sources(t.sources, where)
        out[t.id] = Topic(
            t.id,
            t.title,
            t.kind,
            t.summary,
            tuple(t.points),
            t.related_injury,
            tuple(t.exercises),
            tuple(t.sources),
        )
    return out
