"""An exercise of the library as a JSON-ready dict and as text (`footcore exercise ID`)."""

from __future__ import annotations

from typing import Any, Protocol

from footcore.domain.catalog import Catalog, Exercise
from footcore.presentation.doses import dose_text
from footcore.presentation.evidence import cite_all


class HasCatalog(Protocol):
    """What the text needs of footcore's knowledge: the catalog, to name related exercises."""

    @property
    def catalog(self) -> Catalog: ...


def exercise_dict(ex: Exercise) -> dict[str, Any]:
    return {
        "id": ex.id,
        "name": ex.name,
        "aliases": list(ex.aliases),
        "category": ex.category.value,
        "muscles": list(ex.muscles),
        "qualities": list(ex.qualities),
        "equipment": list(ex.equipment),
        "position": ex.position,
        "load": ex.load.value,
        "dose": {
            "sets": ex.dose.sets,
            "reps": ex.dose.reps,
            "hold_s": ex.dose.hold_s,
            "distance_m": ex.dose.distance_m,
            "tempo": ex.dose.tempo,
            "per_side": ex.dose.per_side,
            "rest_s": ex.dose.rest_s,
        },
        "description": ex.description,
        "cues": list(ex.cues),
        "why": ex.why,
        "progression": list(ex.progression),
        "regression": list(ex.regression),
        "contraindications": {
            "pain_areas": sorted(ex.contraindications.pain_areas),
            "conditions": sorted(ex.contraindications.conditions),
        },
        "phases": [p.value for p in ex.phases],
        "habit": ex.habit,
        "sources": list(ex.sources),
    }


# Text ------------------------------------------------------------------------------------------


def exercise_text(ex: Exercise, k: HasCatalog) -> str:
    lines = [
        f"{ex.name} ({ex.id})",
        f"  category: {ex.category.value}; position: {ex.position}; load: {ex.load.value}",
        f"  dose: {dose_text(ex.dose)}",
        f"  equipment: {', '.join(ex.equipment) or 'none'}",
        f"  muscles: {', '.join(ex.muscles)}",
        f"  phases: {', '.join(p.value for p in ex.phases)}",
        f"  {ex.description}",
        "  cues:",
        *[f"    - {c}" for c in ex.cues],
        f"  why: {ex.why}",
    ]
    if ex.aliases:
        lines.append(f"  also called: {', '.join(ex.aliases)}")

    def names(ids: tuple[str, ...] | list[str]) -> str:
        # By name, as a person reads them; the id (for `footcore exercise ID`) in brackets.
        found = [k.catalog.exercises.get(i) for i in ids]
        return ", ".join(f"{e.name} ({e.id})" if e else i for e, i in zip(found, ids, strict=True))

    if ex.progression:
        lines.append(f"  progression: {names(ex.progression)}")
    if ex.regression:
        lines.append(f"  regression: {names(ex.regression)}")
    contra = sorted(ex.contraindications.pain_areas | ex.contraindications.conditions)
    if contra:
        lines.append(f"  avoid with: {', '.join(contra)}")
    lines.append(f"  sources: {cite_all(ex.sources)}")
    return "\n".join(lines)
