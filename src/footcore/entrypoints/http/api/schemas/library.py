"""Bodies of the REST API: the exercise library, the topics and the vocabulary."""

from __future__ import annotations

from pydantic import BaseModel


class DosePublic(BaseModel):
    sets: int
    reps: int | None
    hold_s: int | None
    distance_m: int | None
    tempo: str | None
    per_side: bool
    rest_s: int


class ContraindicationsPublic(BaseModel):
    pain_areas: list[str]
    conditions: list[str]


class ExercisePublic(BaseModel):
    id: str
    name: str
    aliases: list[str]
    category: str
    muscles: list[str]
    qualities: list[str]
    equipment: list[str]
    position: str
    load: str
    dose: DosePublic
    description: str
    cues: list[str]
    why: str
    progression: list[str]
    regression: list[str]
    contraindications: ContraindicationsPublic
    phases: list[str]
    habit: bool
    sources: list[str]


class TopicSummary(BaseModel):
    id: str
    title: str
    kind: str


class TopicPublic(TopicSummary):
    summary: str
    points: list[str]
    related_injury: str | None
    exercises: list[str]
    sources: list[str]


class VocabularyPublic(BaseModel):
    """Every controlled word with its label, by kind (equipment, muscles, pain_areas, ...)."""

    words: dict[str, dict[str, str]]
