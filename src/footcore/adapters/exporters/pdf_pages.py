"""The pages of the printable plan, as reportlab flowables: cover, week, exercise card, log sheet.

Each builder returns the flowables of exactly one page (pdf_plan wraps them so that they shrink
rather than spill), so a plan of W weeks with E exercises prints a predictable number of pages.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from reportlab.platypus import Spacer

from footcore.adapters.exporters.pdf_style import (
    TickBox,
    bullets,
    labelled,
    para,
    table,
)
from footcore.domain.assessment import Finding, Standing
from footcore.domain.catalog import Catalog, Exercise
from footcore.domain.plan import Plan, Prescription, Week
from footcore.domain.profile import WEEKDAYS, Profile
from footcore.presentation.doses import dose_text
from footcore.presentation.evidence import GRADE_WORDS, cite_all, evidence_summary_lines

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
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


@dataclass(frozen=True)
class Context:
    """What every page needs besides its own values."""

    width: float  # usable width of the page in points
    labels: Mapping[str, str]  # training quality -> its words
    catalog: Catalog


def phase_words(week: Week) -> str:
    return week.phase.value.replace("_", "-")


def week_title(week: Week) -> str:
    tags = [f"{phase_words(week)} phase"]
    if week.light:
        tags.append("lighter week")
    if week.retest:
        tags.append("retest week")
    if week.gated_by:
        tags.append("after a retest gate")
    return f"Week {week.index} · " + " · ".join(tags)


# Cover -----------------------------------------------------------------------------------------


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
    weekly = run.weekly_km if unit == "km" else run.weekly_km / 1.609344
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


# Weeks -----------------------------------------------------------------------------------------


def week_page(week: Week, ctx: Context) -> list[Any]:
    end = week.start + timedelta(days=6)
    out: list[Any] = [
        para(week_title(week), "h1"),
        para(
            f"{week.start.isoformat()} to {end.isoformat()} · cycle {week.cycle}, week "
            f"{week.week_in_cycle} · about {week.minutes:.0f} min in {len(week.sessions)} "
            "sessions",
            "small",
        ),
    ]
    if week.light:
        out.append(
            para(
                "A lighter week: the doses are lower on purpose, so that the foot absorbs "
                "the work of the last weeks."
            )
        )
    if week.retest:
        out.append(
            para(
                "Retest at the end of this week: repeat the assessment to see what "
                "changed (footcore retest, or footcore assess)."
            )
        )
    if week.gated_by:
        out.append(para(f"Gate: this week is {week.gate_note}."))
    if week.coach_note:
        out.append(para(week.coach_note))
    w = ctx.width
    for s in week.sessions:
        out.append(
            para(
                f"{DAY_NAMES[s.date.weekday()]} {s.date.isoformat()} · about {s.minutes:.0f} min",
                "h2",
            )
        )
        rows: list[list[Any]] = [["Done", "Exercise", "Dose", "Kind"]]
        rows += [
            [
                TickBox(),
                para(
                    p.name
                    + (" (priority)" if p.priority else "")
                    + (f" - {p.coach}" * bool(p.coach)),
                    "cell",
                ),
                para(dose_text(p.dose), "cell"),
                p.category.value.replace("_", " "),
            ]
            for p in s.items
        ]
        out.append(table(rows, [w * 0.08, w * 0.42, w * 0.32, w * 0.18]))
        out += [para(note, "small") for note in s.notes]
    if not week.sessions:
        out.append(para("No sessions this week."))
    return out


# Exercise cards --------------------------------------------------------------------------------


def _dose_lines(doses: Sequence[tuple[Week, Prescription]]) -> list[str]:
    """'Weeks 1-2: 3 x 12 reps' lines, one per run of consecutive weeks with the same dose."""
    per_week: dict[int, list[str]] = {}
    for week, p in doses:
        text = dose_text(p.dose) + (" (lighter week)" if week.light else "")
        texts = per_week.setdefault(week.index, [])
        if text not in texts:
            texts.append(text)
    runs: list[tuple[int, int, str]] = []
    for index in sorted(per_week):
        text = " or ".join(per_week[index])
        if runs and runs[-1][2] == text and runs[-1][1] == index - 1:
            runs[-1] = (runs[-1][0], index, text)
        else:
            runs.append((index, index, text))
    return [f"Week {a}: {t}" if a == b else f"Weeks {a}-{b}: {t}" for a, b, t in runs]


def _names(catalog: Catalog, ids: Sequence[str]) -> str:
    return ", ".join(catalog.get(i).name if i in catalog else i for i in ids)


def exercise_card(
    ex: Exercise, doses: Sequence[tuple[Week, Prescription]], ctx: Context
) -> list[Any]:
    gear = ", ".join(ex.equipment) or "no equipment"
    out: list[Any] = [
        para(ex.name, "h1"),
        para(
            f"{ex.category.value.replace('_', ' ')} · {ex.load.value} load · {ex.position} · "
            f"{gear}",
            "small",
        ),
        para(ex.description),
        para("Cues", "h2"),
        *bullets(list(ex.cues)),
        para("Your dose", "h2"),
        *bullets(_dose_lines(doses)),
        para("Progression", "h2"),
    ]
    if ex.progression:
        out.append(labelled("When it is easy:", _names(ctx.catalog, ex.progression)))
    if ex.regression:
        out.append(labelled("When it is too hard or hurts:", _names(ctx.catalog, ex.regression)))
    out.append(
        para(
            "Within the plan the dose climbs by itself: more reps or longer holds from "
            "the fourth week of a cycle, less in the lighter weeks."
        )
    )
    why = doses[0][1].why if doses else ex.why
    out += [
        para("Why", "h2"),
        para(why),
        para("Sources: " + cite_all(doses[0][1].sources if doses else ex.sources), "small"),
    ]
    return out


# Log sheet -------------------------------------------------------------------------------------


def log_page(weeks: Sequence[Week], ctx: Context) -> list[Any]:
    span = f"{weeks[0].index}" if len(weeks) == 1 else f"{weeks[0].index}-{weeks[-1].index}"
    out: list[Any] = [
        para(f"Log sheet · week{'s' if len(weeks) > 1 else ''} {span}", "h1"),
        para(
            "Tick the session when it is done. Pain from 0 (none) to 10 (the worst): during the "
            "session, and on waking the next morning.",
            "small",
        ),
    ]
    w = ctx.width
    for week in weeks:
        out.append(para(week_title(week), "h2"))
        rows: list[list[Any]] = [["Done", "Day", "Session", "Pain during", "Next morning", "Notes"]]
        for s in week.sessions:
            rows.append(
                [
                    TickBox(),
                    f"{DAY_NAMES[s.date.weekday()][:3]} {s.date.isoformat()}",
                    para(", ".join(p.name for p in s.items), "cell"),
                    "___ /10",
                    "___ /10",
                    "",
                ]
            )
        out.append(table(rows, [w * 0.07, w * 0.15, w * 0.36, w * 0.13, w * 0.14, w * 0.15]))
    return out
