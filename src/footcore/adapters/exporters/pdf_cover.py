"""The cover of the printable plan: who it is for, the findings against their norms, the
priorities and warnings, the evidence in brief, how to use the plan and when to see a clinician.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from reportlab.platypus import Spacer

from footcore.adapters.exporters.pdf_pages import Context
from footcore.adapters.exporters.pdf_style import bullets, para, table
from footcore.domain.assessment import Finding, Standing
from footcore.domain.distances import M_PER_KM, M_PER_MI
from footcore.domain.plan import Plan, Week
from footcore.domain.profile import WEEKDAYS, Profile
from footcore.presentation.evidence import GRADE_WORDS, evidence_summary_lines

HOW_TO_USE = (
    "One page per week: tick each exercise as you finish it. Each exercise has a card with how to "
    "do it, the cues to think of, your dose and how to progress. Fill in the log sheet after each "
    "session and on the next morning: pain up to 5/10 during a session is acceptable if it has "
    "settled by the next morning and does not rise from week to week (Silbernagel 2007)."
)
DISCLAIMER = (
    "footcore gives exercise advice, not a diagnosis. Stop and see a clinician if pain is sharp, "
    "rises during a session, wakes you at night, or has not settled by the next morning."
)


def _value(v: float | bool | str | None, unit: str) -> str:
    if v is None:
        return "-"
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, float | int):
        return f"{v:g} {unit}".strip()
    return str(v)


def _standing(f: Finding) -> str:
    words = {
        Standing.BELOW: "below",
        Standing.WITHIN: "within",
        Standing.ABOVE: "above",
        Standing.NO_NORM: "no norm",
    }
    text = f"L {words[f.standing_left]}, R {words[f.standing_right]}"
    return text + ("; sides differ" if f.asymmetry else "")


def _norm(f: Finding) -> str:
    if isinstance(f.left, str) or isinstance(f.right, str):
        return "pass"  # a pass/fail test: its norm is to pass
    if isinstance(f.left, bool) or isinstance(f.right, bool):
        return "yes"
    if f.low is None or f.high is None:
        return "-"
    return f"{f.low:g}-{f.high:g} {f.unit}"


def _findings_table(findings: Sequence[Finding], ctx: Context) -> Any:
    rows: list[list[Any]] = [["Test", "Left", "Right", "Norm", "Result", "Evidence"]]
    for f in findings:
        norm = _norm(f)
        rows.append(
            [
                para(f.name, "cell"),
                _value(f.left, f.unit),
                _value(f.right, f.unit),
                norm,
                para(_standing(f), "cell"),
                para(f"{f.grade}: {GRADE_WORDS.get(f.grade, f.grade)}", "cell"),
            ]
        )
    w = ctx.width
    return table(rows, [w * 0.27, w * 0.1, w * 0.1, w * 0.13, w * 0.2, w * 0.2])


def _priority_lines(plan: Plan, ctx: Context) -> list[str]:
    lines = []
    for quality in plan.priorities:
        label = ctx.labels.get(quality, quality)
        found = [f for f in plan.findings if f.quality == quality and f.is_priority]
        if found:
            f = found[0]
            what = (
                "was below the norm"
                if Standing.BELOW in (f.standing_left, f.standing_right)
                else "differed between sides"
            )
            lines.append(
                f"{label}: your {f.name.lower()} result {what} (evidence {f.grade}: "
                f"{GRADE_WORDS.get(f.grade, f.grade)})"
            )
        else:
            lines.append(f"{label}: from your injury history")
    return lines


def _runner_lines(profile: Profile) -> list[str]:
    r, run, s, h = profile.runner, profile.running, profile.schedule, profile.health
    lines = [f"Age {r.age}, sex {r.sex.value}"]
    unit = profile.units
    weekly = run.weekly_km if unit == "km" else run.weekly_km * M_PER_KM / M_PER_MI
    lines.append(
        f"Running: {run.runs_per_week} runs, about {weekly:g} {unit} a week"
        + (f"; long run on {run.long_run_day}" if run.long_run_day else "")
        + (f"; hard days {', '.join(run.hard_days)}" if run.hard_days else "")
    )
    days = [d for d in WEEKDAYS if d in s.days]
    lines.append(f"Foot sessions: {s.minutes_per_day} min on {', '.join(days)}")
    lines.append("Equipment: " + (", ".join(sorted(profile.equipment)) or "none"))
    if h.past_injuries:
        lines.append("Past injuries: " + ", ".join(i.replace("_", " ") for i in h.past_injuries))
    if h.pain:
        lines.append("Current pain: " + ", ".join(f"{a} {v}/10" for a, v in sorted(h.pain.items())))
    return lines


def cover(
    plan: Plan, profile: Profile, weeks: Sequence[Week], name: str, printed: date, ctx: Context
) -> list[Any]:
    first, last = weeks[0].start, weeks[-1].start + timedelta(days=6)
    out: list[Any] = [
        para("footcore: foot-and-ankle plan" + (f" for {name}" if name else ""), "title"),
        para(
            f"Weeks {weeks[0].index}-{weeks[-1].index} of a {len(plan.weeks)}-week plan, "
            f"{first.isoformat()} to {last.isoformat()}. Printed {printed.isoformat()}.",
            "small",
        ),
        para("The runner", "h2"),
        *bullets(_runner_lines(profile)),
        para("Findings", "h2"),
    ]
    if plan.findings:
        out.append(_findings_table(plan.findings, ctx))
    else:
        out.append(
            para(
                "No assessment yet: a balanced program. Run `footcore assess` to tailor "
                "it to your feet."
            )
        )
    out.append(para("Priorities", "h2"))
    prios = _priority_lines(plan, ctx)
    out += bullets(prios) if prios else [para("None: a balanced program.")]
    if plan.warnings:
        out += [para("Warnings", "h2"), *bullets(list(plan.warnings))]
    if plan.habits:
        habits = [f"{h.name}: {h.why}" for h in plan.habits]
        out += [para("Everyday habits", "h2"), *bullets(habits)]
    summary = evidence_summary_lines()
    out += [para(summary[0], "h2"), *bullets([line.strip() for line in summary[1:]])]
    out += [
        para("How to use this plan", "h2"),
        para(HOW_TO_USE),
        Spacer(1, 6),
        para(DISCLAIMER, "small"),
    ]
    return out
