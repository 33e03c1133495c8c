"""An assessment's findings as JSON-ready dicts and as text: each test against its norm, with the
evidence grade in words."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from footcore.domain.assessment import Finding
from footcore.presentation.evidence import GRADE_WORDS, cite_all


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
