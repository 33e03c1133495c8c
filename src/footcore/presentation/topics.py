"""A learn topic as a JSON-ready dict (the CLI's `learn --format json` and the API's
/api/topics) and as text (`footcore learn TOPIC`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from footcore.presentation.evidence import cite_all

if TYPE_CHECKING:
    from footcore.adapters.topics import Topic
    from footcore.domain.catalog import Catalog


def topic_summary(t: Topic) -> dict[str, Any]:
    """What a list of topics shows of each: its id, title and kind."""
    return {"id": t.id, "title": t.title, "kind": t.kind}


def topic_dict(t: Topic) -> dict[str, Any]:
    return {
        **topic_summary(t),
        "summary": t.summary,
        "points": list(t.points),
        "related_injury": t.related_injury,
        "exercises": list(t.exercises),
        "sources": list(t.sources),
    }


def topic_text(t: Topic, catalog: Catalog) -> str:
    """The title, the summary, its points, the exercises that help (by name) and the sources."""
    lines = [t.title, "", t.summary, *(f"  - {p}" for p in t.points)]
    if t.exercises:
        names = [catalog.get(e).name for e in t.exercises]
        lines.append(f"\nExercises that help: {', '.join(names)}")
    lines.append(f"Sources: {cite_all(t.sources)}")
    return "\n".join(lines)
