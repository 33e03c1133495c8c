"""The knowledge topics behind `footcore learn` (data/knowledge.toml), validated when loaded."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from footcore.adapters.datafiles import check_sources, load_catalog, read_toml, vocabulary
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


class TopicIn(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: str
    kind: Literal["anatomy", "gait", "problem", "care", "recovery"]
    summary: str = Field(min_length=20)
    points: list[str] = []
    related_injury: str | None = None
    exercises: list[str] = []
    sources: list[str] = Field(min_length=1)


class TopicsIn(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    topic: list[TopicIn] = Field(min_length=1)


@cache
def load_topics() -> dict[str, Topic]:
    try:
        parsed = TopicsIn.model_validate(read_toml("knowledge.toml"))
    except ValidationError as exc:
        err = exc.errors()[0]
        raise DataFileError(
            f"knowledge.toml: {'.'.join(str(p) for p in err['loc'])}: {err['msg']}"
        ) from None
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
        out[t.id] = Topic(t.id, t.title, t.kind, t.summary, tuple(t.points), t.related_injury,
                          tuple(t.exercises), tuple(t.sources))
    return out
