"""Text and JSON for `footcore shoes` and `footcore shoes ramp`, in the runner's units."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from footcore.presentation.evidence import cite_all
from footcore.presentation.units import Units, units_of

if TYPE_CHECKING:
    from footcore.services.running_shoes import RampReport, ShoeLine, ShoesReport

GRADES = {"A": "read in the paper", "S": "secondary source", "none": "footcore's choice"}


def _sources(sources: tuple[str, ...]) -> str:
    return f"[{cite_all(sources)}]"


def _shoe_line(line: ShoeLine, u: Units) -> list[str]:
    s = line.shoe
    specs = [
        f"{v:g} {unit}"
        for v, unit in ((s.drop_mm, "mm drop"), (s.stack_mm, "mm stack"), (s.weight_g, "g"))
        if v is not None
    ]
    used = (
        f"{line.runs} run(s), last {line.last_run.isoformat()}" if line.last_run else "no runs yet"
    )
    head = (
        f"  {s.name}: {s.kind}{', ' + ', '.join(specs) if specs else ''}; "
        f"{u.distance_text(line.distance_m)} in {used}"
    )
    if s.retired:
        return [head + "; retired"]
    out = [head + f"; reminder at {u.distance_text(s.reminder_km * 1000, 0)}"]
    if line.reminder is not None:
        out.append(
            f"    reminder: {u.distance_text(line.distance_m)} reached the "
            f"{u.distance_text(line.reminder.reminder_m, 0)} reminder; think about a new "
            "pair, or retire this one with `footcore shoes retire`"
        )
    return out


def ramp_lines(r: RampReport, u: Units, explain: bool = True) -> list[str]:
    titles = {
        "not_offered": "not offered yet; every milestone below must be met first",
        "offered": "offered: every milestone is met. Start it with "
        "`footcore shoes ramp --target-km N` (your weekly goal)",
        "active": "active",
        "paused": "paused",
        "complete": "complete",
    }
    lines = [f"Minimalist transition: {titles[r.status]}"]
    if r.started_on is not None and r.target_m is not None:
        lines.append(
            f"  started {r.started_on.isoformat()}, aiming at "
            f"{u.distance_text(r.target_m)} a week in minimalist shoes"
        )
    if r.week is not None:
        allowed = (
            "no limit"
            if r.week.allowance_m is None
            else f"{u.distance_text(r.week.allowance_m)} allowed"
        )
        lines.append(
            f"  this week: {u.distance_text(r.week.used_m)} in {r.week.runs} "
            f"minimalist run(s), {allowed}"
        )
    if r.note and r.status != "not_offered":
        lines.append(f"  {u.text(r.note)}")
    for c in r.checks:
        mark = "x" if c.met else " "
        lines.append(
            f"  [{mark}] {c.milestone.text} ({c.detail}; "
            f"{GRADES.get(c.milestone.grade, c.milestone.grade)})"
        )
    if explain:
        lines.append(f"  How: {u.text(r.choice)}. Pain: {r.pain_choice}. {_sources(r.sources)}")
    return lines


def shoes_text(r: ShoesReport, explain: bool = False) -> str:
    """The shoes, their rotation and the ramp; the long reasons (the reminder's evidence, the
    rotation study, how the ramp works) only with `explain`, so that they are said once."""
    u = units_of(r.units)
    lines = [f"Shoes ({u.name})"]
    for line in r.shoes:
        lines += _shoe_line(line, u)
    if not r.shoes:
        lines.append("  none stored yet: `footcore shoes add NAME --kind KIND`")
    if r.no_shoe_runs:
        lines.append(
            f"  runs without a shoe: {u.distance_text(r.no_shoe_m)} in {r.no_shoe_runs} run(s)"
        )
    if explain:
        lines.append(
            f"  The reminder ({GRADES.get(r.reminder_grade, r.reminder_grade)}): "
            f"{r.reminder_note} {_sources(r.reminder_sources)}"
        )
    rot = r.rotation
    used = ", ".join(f"{p} ({u.distance_text(rot.distance_m[p])})" for p in rot.pairs) or "none"
    lines.append(
        f"Rotation, last 4 weeks: {used}"
        + ("; more than one pair in parallel" if rot.parallel else "")
    )
    if explain:
        lines.append(f"  {rot.note} {_sources(rot.sources)}")
    lines += ramp_lines(r.ramp, u, explain)
    if not explain:
        lines.append(
            "Why the reminder, the rotation and the ramp, with their sources: "
            "`footcore shoes --explain`; `footcore learn minimalist_shoes`."
        )
    return "\n".join(lines)


def ramp_dict(r: RampReport, u: Units) -> dict[str, Any]:
    week = None
    if r.week is not None:
        week = {
            "week_start": r.week.week_start.isoformat(),
            "allowance_m": r.week.allowance_m,
            "used_m": r.week.used_m,
            "used": u.distance(r.week.used_m),
            "runs": r.week.runs,
            "max_pain": r.week.max_pain,
        }
    return {
        "status": r.status,
        "started_on": r.started_on.isoformat() if r.started_on else None,
        "target_m": r.target_m,
        "week": week,
        "note": u.text(r.note),
        "milestones": [
            {
                "id": c.milestone.id,
                "text": c.milestone.text,
                "met": c.met,
                "detail": c.detail,
                "why": c.milestone.why,
                "grade": c.milestone.grade,
                "sources": list(c.milestone.sources),
            }
            for c in r.checks
        ],
        "choice": r.choice,
        "pain_choice": r.pain_choice,
        "sources": list(r.sources),
    }


def shoes_dict(r: ShoesReport) -> dict[str, Any]:
    u = units_of(r.units)
    return {
        "units": r.units,
        "shoes": [
            {
                "name": x.shoe.name,
                "kind": x.shoe.kind,
                "drop_mm": x.shoe.drop_mm,
                "stack_mm": x.shoe.stack_mm,
                "weight_g": x.shoe.weight_g,
                "retired": x.shoe.retired,
                "added_on": x.shoe.added_on.isoformat(),
                "distance_m": x.distance_m,
                "distance": u.distance(x.distance_m),
                "runs": x.runs,
                "last_run": x.last_run.isoformat() if x.last_run else None,
                "reminder_km": x.shoe.reminder_km,
                "reminder": u.distance(x.shoe.reminder_km * 1000, 0),
                "reminder_due": x.reminder is not None,
            }
            for x in r.shoes
        ],
        "no_shoe": {
            "distance_m": r.no_shoe_m,
            "distance": u.distance(r.no_shoe_m),
            "runs": r.no_shoe_runs,
        },
        "reminder": {
            "note": r.reminder_note,
            "grade": r.reminder_grade,
            "sources": list(r.reminder_sources),
        },
        "rotation": {
            "pairs": list(r.rotation.pairs),
            "distance_m": dict(r.rotation.distance_m),
            "parallel": r.rotation.parallel,
            "note": r.rotation.note,
            "sources": list(r.rotation.sources),
        },
        "ramp": ramp_dict(r.ramp, u),
    }
