"""A plan (its weeks, sessions and prescriptions) as JSON-ready dicts and as text or Markdown."""

from __future__ import annotations

from typing import Any, Protocol

from footcore.domain.plan import Plan, Prescription, Session, Week
from footcore.domain.planner import PlannerRules
from footcore.presentation.doses import dose_text
from footcore.presentation.evidence import cite_all, evidence_summary_dict, evidence_summary_lines
from footcore.presentation.findings import finding_dict, findings_text


class HasRules(Protocol):
    """What the text needs of footcore's knowledge: the planner rules, for the qualities' labels."""

    @property
    def rules(self) -> PlannerRules: ...


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


def plan_text(plan: Plan, k: HasRules, markdown: bool = False) -> str:
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
