"""Text of the training log for people: a day's session (or why there is none), a decision in one
line, and `footcore status`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from footcore.presentation.doses import dose_text
from footcore.presentation.evidence import cite_all

if TYPE_CHECKING:
    from footcore.services.queries.day_view import DayView
    from footcore.services.status import StatusView


def outside_text(view: DayView) -> str | None:
    """Why a day outside the plan has no session (it is not a rest day), or None."""
    if view.position == "before" and view.plan_start is not None:
        return (
            f"before your plan starts (it starts {view.plan_start.strftime('%a %Y-%m-%d')}); "
            "nothing is planned yet."
        )
    if view.position == "after" and view.plan_end is not None:
        return f"after your plan ended (its last day was {view.plan_end.strftime('%a %Y-%m-%d')})."
    return None


def day_text(view: DayView, brief: bool = False) -> str:
    head = view.date.strftime("%a %Y-%m-%d")
    left_out = [
        f"  left out: {d['name']} - {'; '.join(d['reasons'])} [{cite_all(d['sources'])}]"
        for d in view.dropped
    ]
    if not view.items:
        nxt = f" Next session: {view.next_session.isoformat()}." if view.next_session else ""
        if left_out:
            return "\n".join([f"{head}: every item is left out today.{nxt}", *left_out])
        return f"{head}: {outside_text(view) or 'no session planned (a rest day).' + nxt}"
    lines = [head]
    if view.week and not brief:
        w = view.week
        tags = [
            w["phase"].replace("_", "-"),
            f"cycle {w['cycle']}",
            f"week {w['week_in_cycle']} of the cycle",
        ]
        tags += ["lighter week"] * w["light"] + ["retest week"] * w["retest"]
        lines[0] += f" - plan week {w['seq']} ({', '.join(tags)})"
        if w["note"]:
            lines.append(f"  note: {w['note']}")
    for n, item in enumerate(view.items, start=1):
        done = " [logged]" if item.logged else ""
        lines.append(f"  {n}. {item.name}: {dose_text(item)}{done}  ({item.exercise_done})")
        if brief:
            continue
        lines += [f"     - {c}" for c in item.cues]
        lines.append(f"     why: {item.why} [{cite_all(item.sources)}]")
        if item.adaptation:
            lines.append(f"     adapted: {item.adaptation}")
        if item.decision:
            d = item.decision
            lines.append(f"     last decision ({d['date']}): {d['kind']} - {d['reason']}")
    return "\n".join(lines + left_out)


def decision_line(d: Any, exercise: str) -> str:
    """A decision of the adaptation in one line; `exercise` is its name as a person reads it."""
    return f"Decision for {exercise}: {d.kind} - {d.reason}"


def _pct(done: int, planned: int) -> str:
    return f"{done}/{planned}" + (f" ({100 * done // planned}%)" if planned else "")


def status_text(s: StatusView) -> str:
    """`footcore status` as text: where the runner stands, the latest check-ins, warnings."""
    out: list[str] = []
    out.append(f"Runner '{s.athlete}' on {s.as_of.isoformat()}")
    if s.week:
        w = s.week
        out.append(
            f"Plan week {w['seq']} of {s.weeks_total}: {w['phase'].replace('_', '-')}, "
            f"cycle {w['cycle']}, week {w['week_in_cycle']} of the cycle"
            + (" (lighter)" * w["light"])
            + (" (retest week)" * w["retest"])
        )
    else:
        if s.plan_start is not None and s.as_of < s.plan_start:
            out.append(f"Today is before your plan starts (it starts {s.plan_start.isoformat()}).")
        elif s.plan_end is not None and s.as_of > s.plan_end:
            out.append(
                f"Today is after your plan ended (its last day was {s.plan_end.isoformat()})."
            )
        else:
            out.append("Today is outside the plan's weeks.")
    out.append(
        f"Adherence: this week {_pct(*s.adherence_week)}, overall "
        f"{_pct(*s.adherence_overall)} of the planned items"
    )
    for e in s.exercises:
        out.append(f"  {e.name}: {dose_text(e)}  ({e.exercise_done})")
        if e.adaptation:
            out.append(f"     adapted: {e.adaptation}")
        if e.decision:
            out.append(
                f"     last decision ({e.decision['date']}): {e.decision['kind']} - "
                f"{e.decision['reason']}"
            )
    if s.checkins:
        out.append(
            "Latest check-ins: "
            + "; ".join(
                f"{c['date']} {c['morning_pain']}/10"
                + (f", stiffness {c['stiffness']}/10" if c.get("stiffness") is not None else "")
                + f" ({c['area'] or 'overall'})"
                for c in s.checkins
            )
        )
    else:
        out.append("No morning check-in yet: `footcore checkin --morning-pain N` records one.")
    for w_ in s.warnings:
        out.append(f"Warning: {w_}")
    if s.cleared:
        who = s.cleared["by"] or "no one recorded"
        out.append(f"Last red-flag pause cleared on {s.cleared['date']} by {who}.")
    return "\n".join(out)
