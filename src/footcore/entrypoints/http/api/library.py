"""API: the exercise library, the learn topics and the controlled vocabulary."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from footcore.adapters.topics import load_topics
from footcore.entrypoints.http.api.fields import words
from footcore.entrypoints.http.api.schemas.library import (
    ExercisePublic,
    TopicPublic,
    TopicSummary,
    VocabularyPublic,
)
from footcore.entrypoints.http.dependencies import KnowledgeDep
from footcore.entrypoints.http.shared.lookups import find_exercises, vocabulary_dict
from footcore.errors import NotFoundError
from footcore.presentation.exercises import exercise_dict
from footcore.presentation.topics import topic_dict, topic_summary

router = APIRouter(tags=["library"])


@router.get("/exercises", response_model=list[ExercisePublic])
def list_exercises(
    k: KnowledgeDep,
    category: Annotated[
        str | None, Query(description="A category word.", json_schema_extra=words("categories"))
    ] = None,
    equipment: Annotated[
        list[str] | None,
        Query(
            description="Equipment you have (repeat); lists exercises needing nothing else. "
            "'none' = no equipment.",
            json_schema_extra=words("equipment", "none"),
        ),
    ] = None,
    muscle: Annotated[
        str | None, Query(description="A muscle word.", json_schema_extra=words("muscles"))
    ] = None,
    search: Annotated[
        str | None, Query(description="Words in names, aliases, descriptions.")
    ] = None,
) -> list[dict[str, Any]]:
    """List the exercise library, filtered by category, equipment, muscle and words."""
    found = find_exercises(k, category, equipment, muscle, search)
    return [exercise_dict(ex) for ex in found]


@router.get("/exercises/{exercise_id}", response_model=ExercisePublic)
def get_exercise(exercise_id: str, k: KnowledgeDep) -> dict[str, Any]:
    """One exercise: how to do it, cues, dose, progressions and sources."""
    return exercise_dict(k.catalog.get(exercise_id))


@router.get("/topics", response_model=list[TopicSummary])
def list_topics() -> list[dict[str, Any]]:
    """The learn topics: anatomy, gait, common problems, foot care and recovery."""
    return [topic_summary(t) for t in load_topics().values()]


@router.get("/topics/{topic_id}", response_model=TopicPublic)
def get_topic(topic_id: str) -> dict[str, Any]:
    """One learn topic with its points, helpful exercises and sources."""
    topics = load_topics()
    t = topics.get(topic_id)
    if t is None:
        raise NotFoundError(f"unknown topic '{topic_id}'; GET /api/topics lists the ids")
    return topic_dict(t)


@router.get("/vocabulary", response_model=VocabularyPublic)
def get_vocabulary() -> dict[str, Any]:
    """Every controlled word (equipment, pain areas, symptoms, muscles, ...) with its label."""
    return {"words": vocabulary_dict()}
