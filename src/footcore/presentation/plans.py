"""Turning domain values into JSON-ready dicts, plain text and Markdown for every entrypoint."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from footcore.bootstrap import Knowledge
from footcore.domain.assessment import Finding
from footcore.domain.catalog import Exercise
from footcore.domain.plan import Plan, Prescription, Session, Week
from footcore.presentation.evidence import (
    GRADE_WORDS,
    cite_all,
    dose_text,
    evidence_summary_dict,
    evidence_summary_lines,
)


def prescription_dict(p: Prescription) -> dict[str, Any]:
    return {
        "exercise": p.exercise,
        "name": p.name,
        "category": p.category.value,
        "sets": p.dose.sets,
        "reps": p.dose.reps,
        "hold_s": p.dose.hold_s,
        "distance_m": p.dose.distance_m,
        "tempo": p.dose.tempo,
        "per_side": p.dose.per_side,
        "rest_s": p.dose.rest_s,
        "minutes": round(p.minutes, 1),
        "priority": p.priority,
        "why": p.why,
        "sources": list(p.sources),
    }


def session_dict(s: Session) -> dict[str, Any]:
    return {
        "date": s.date.isoformat(),
        "minutes": round(s.minutes, 1),
        "items": [prescription_dict(p) for p in s.items],
    }


def week_dict(w: Week) -> dict[str, Any]:
    return {
        "index": w.index,
        "start": w.start.isoformat(),
        "phase": w.phase.value,
        "cycle": w.cycle,
        "week_in_cycle": w.week_in_cycle,
        "light": w.light,
        "retest": w.retest,
        "gated_by": list(w.gated_by),
        "gate_fails_now": list(w.gate_fails_now),
        "gate_note": w.gate_note,
        "days": [session_dict(s) for s in w.sessions],
    }


def finding_dict(f: Finding) -> dict[str, Any]:
    return {
        "test": f.test,
        "name": f.name,
        "left": f.left,
        "right": f.right,
        "unit": f.unit,
        "standing": {"left": f.standing_left.value, "right": f.standing_right.value},
        "norm": {"reference": f.reference, "low": f.low, "high": f.high},
        "asymmetry": f.asymmetry,
        "difference": f.difference,
        "side_tolerance": f.side_tolerance,
        "quality": f.quality,
        "priority": f.is_priority,
        "grade": f.grade,
        "grade_text": GRADE_WORDS.get(f.grade, f.grade),
        "sources": list(f.sources),
        "note": f.note,
    }


def plan_dict(plan: Plan) -> dict[str, Any]:
    return {
        "start": plan.start.isoformat(),
        "weeks": [week_dict(w) for w in plan.weeks],
        "findings": [finding_dict(f) for f in plan.findings],
        "priorities": list(plan.priorities),
        "warnings": list(plan.warnings),
        "habits": [
            {"exercise": h.exercise, "name": h.name, "why": h.why, "sources": list(h.sources)}
            for h in plan.habits
        ],
        "evidence_summary": evidence_summary_dict(),
    }


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


def _side(v: object, unit: str) -> str:
    if v is None:
        return "-"
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, float):
        return f"{v:g} {unit}".strip()
    return str(v)


def beyond_error(difference: float, tolerance: float) -> str:
    """'more than' only when the printed difference really is larger than the error."""
    shown, tol = float(f"{difference:g}"), float(f"{tolerance:g}")
    return "more than" if shown > tol else "equal to" if shown == tol else "less than"


def findings_text(
    findings: Iterable[Finding], prios: Iterable[str], labels: Mapping[str, str]
) -> str:
    lines = ["Assessment"]
    for f in findings:
        norm = ""
        if f.reference is not None and f.unit:
            norm = f"  norm {f.low:g}-{f.high:g} {f.unit} (reference {f.reference:g})"
        lines.append(
            f"  {f.name}: left {_side(f.left, f.unit)} [{f.standing_left.value}], "
            f"right {_side(f.right, f.unit)} [{f.standing_right.value}]{norm}"
        )
        if f.asymmetry and f.difference is not None:
            lines.append(
                f"    left and right differ by {f.difference:g} {f.unit}, "
                f"{beyond_error(f.difference, f.side_tolerance)} the test's "
                f"measurement error ({f.side_tolerance:g} {f.unit})"
            )
        elif f.asymmetry:
            lines.append("    left and right differ")
        lines.append(f"    evidence: {GRADE_WORDS.get(f.grade, f.grade)}; {cite_all(f.sources)}")
        if f.note:
            lines.append(f"    {f.note}")
    prios = list(prios)
    named = ", ".join(labels.get(q, q) for q in prios)
    lines.append("Priorities: " + (named or "none; a balanced program"))
    return "\n".join(lines)


def plan_text(plan: Plan, k: Knowledge, markdown: bool = False) -> str:
    h1, h2, bullet = ("# ", "## ", "- ") if markdown else ("", "", "  ")
    labels = k.rules.quality_labels
    out = [f"{h1}footcore plan: {len(plan.weeks)} weeks from {plan.start.isoformat()}"]
    if plan.findings:
        out += ["", findings_text(plan.findings, plan.priorities, labels)]
    elif plan.priorities:
        out += ["", "Priorities: " + ", ".join(labels.get(q, q) for q in plan.priorities)]
    else:
        out += ["", "No assessment given: a balanced program."]
    out += ["", *evidence_summary_lines(markdown)]
    for w in plan.warnings:
        out.append(f"Warning: {w}")
    if plan.habits:
        out += ["", f"{h2}Everyday habits"]
        out += [f"{bullet}{h.name}: {h.why}" for h in plan.habits]
    for week in plan.weeks:
        tags = [week.phase.value.replace("_", "-"), f"cycle {week.cycle}"]
        if week.light:
            tags.append("lighter week")
        if week.retest:
            tags.append("retest at the end of this week")
        out += ["", f"{h2}Week {week.index} ({week.start.isoformat()}): {', '.join(tags)}"]
        if week.gated_by:
            out.append(f"{bullet}Gate: {week.gate_note}.")
        for s in week.sessions:
            out.append(f"{bullet}{s.date.strftime('%a %Y-%m-%d')} - {s.minutes:.0f} min")
            for p in s.items:
                pad, why_pad = ("  - ", "    ") if markdown else ("    ", "      ")
                out.append(f"{pad}{p.name}: {dose_text(p.dose)}")
                out.append(f"{why_pad}why: {p.why} [{cite_all(p.sources)}]")
    return "\n".join(out)


def exercise_text(ex: Exercise, k: Knowledge) -> str:
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
