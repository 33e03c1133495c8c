"""The pages of the printable plan, as reportlab flowables: week, exercise card, log sheet (the
cover is in pdf_cover.py).

Each builder returns the flowables of exactly one page (pdf_plan wraps them so that they shrink
rather than spill), so a plan of W weeks with E exercises prints a predictable number of pages.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from footcore.adapters.exporters.pdf_style import (
    TickBox,
    bullets,
    labelled,
    para,
    table,
)
from footcore.domain.catalog import Catalog, Exercise
from footcore.domain.plan import Prescription, Week
from footcore.presentation.doses import dose_text
from footcore.presentation.evidence import cite_all

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


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
