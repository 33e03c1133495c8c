"""Pages: the exercise library (search and filters) and the learn topics."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from footcore.adapters.topics import load_topics
from footcore.entrypoints.http.dependencies import KnowledgeDep
from footcore.entrypoints.http.pages.templating import page
from footcore.entrypoints.http.shared.lookups import find_exercises, vocabulary_dict
from footcore.errors import NotFoundError

router = APIRouter()


@router.get("/library")
def library(
    request: Request,
    k: KnowledgeDep,
    category: str = "",
    muscle: str = "",
    search: Annotated[str, Query(alias="q")] = "",
    equipment: Annotated[list[str] | None, Query()] = None,
) -> Response:
    """The exercise library with search and filters."""
    chosen = [e for e in (equipment or []) if e]
    found = find_exercises(k, category or None, chosen or None, muscle or None, search or None)
    return page(
        request,
        "library.html",
        exercises=found,
        total=len(k.catalog),
        vocab=vocabulary_dict(),
        category=category,
        muscle=muscle,
        q=search,
        equipment=chosen,
    )


@router.get("/library/{exercise_id}")
def exercise(request: Request, exercise_id: str, k: KnowledgeDep) -> Response:
    """One exercise in full."""
    ex = k.catalog.get(exercise_id)
    links = {i: k.catalog.get(i).name for i in (*ex.progression, *ex.regression)}
    return page(request, "exercise.html", ex=ex, links=links, vocab=vocabulary_dict())


@router.get("/learn")
def learn(request: Request) -> Response:
    """The learn topics by kind."""
    return page(request, "learn.html", topics=list(load_topics().values()))


@router.get("/learn/{topic_id}")
def topic(request: Request, topic_id: str, k: KnowledgeDep) -> Response:
    """One learn topic."""
    t = load_topics().get(topic_id)
    if t is None:
        raise NotFoundError(f"unknown topic '{topic_id}'; the Learn page lists them")
    names = {e: k.catalog.get(e).name for e in t.exercises}
    return page(request, "topic.html", t=t, names=names)
