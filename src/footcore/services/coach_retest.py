"""A coach moves an athlete's next retest to another week of the plan, with a reason.

The retest closes its week (services.weekly gates the next phase on it), so moving it moves the
week boundaries of the plan, the way a failed or passed retest does (services.plan_calendar):
- later: repeats of the week before the retest are inserted ahead of it (more weeks of the phase
  at the same dose), and every later week moves on;
- earlier: the weeks between the target week and the retest are dropped (they must not have
  begun), and every later week moves back.
Sessions are rebuilt from the next day only; the past and today stay as they were. The move is
stored as a coach's edit of kind "retest" (value: the retest week's new first day), audited,
and said to the athlete on this week, the moved retest week and any inserted week.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from footcore.adapters.limits_file import limits
from footcore.adapters.storage.uow import SqlUnitOfWork
from footcore.domain.program.calendar import ProgramWeek, Rewrite, with_note
from footcore.domain.program.overlay import CoachEdit
from footcore.errors import InputError
from footcore.services.accounts import audit, repo
from footcore.services.coach_edits import EditView, view
from footcore.services.coach_overlay import PREFIX
from footcore.services.context import Runner, open_runner
from footcore.services.plan_calendar import insert_weeks, remove_weeks
from footcore.services.weekly import catch_up

KIND = "retest"
DAY = timedelta(days=1)


def _next_retest(runner: Runner, weeks: list[ProgramWeek]) -> ProgramWeek:
    ahead = [w for w in weeks if w.retest and w.gate is None and w.end > runner.as_of]
    if not ahead:
        raise InputError("the plan has no retest to come", "to")
    first = ahead[0]
    if first.start <= runner.as_of:
        raise InputError(
            f"the retest week under way ({first.start} to {first.end - DAY}) cannot move: "
            "record the retest by its end",
            "to",
        )
    return first


def _target(weeks: list[ProgramWeek], to: date, tomorrow: date) -> ProgramWeek:
    if to < tomorrow:
        raise InputError(f"{to} is before tomorrow ({tomorrow}): a retest moves ahead only", "to")
    found = next((w for w in weeks if w.covers(to)), None)
    if found is None:
        raise InputError(
            f"{to} is outside the plan ({weeks[0].start} to {weeks[-1].end - DAY})", "to"
        )
    return found


def day_of(text: str | None) -> date:
    """The `to` day of a retest move, from its ISO text."""
    try:
        return date.fromisoformat((text or "").strip())
    except ValueError:
        raise InputError(f"'{text or ''}' is not a day: give YYYY-MM-DD", "to") from None


def move_retest(
    uow: SqlUnitOfWork,
    now: datetime,
    actor: str,
    athlete: str,
    to: date,
    reason: str,
    as_of: date,
) -> EditView:
    """Move the athlete's next retest to the week holding `to`, from tomorrow on (audited)."""
    if not reason.strip():
        raise InputError("say why: the athlete sees the reason with the change", "reason")
    tomorrow = as_of + DAY
    with uow:
        runner = open_runner(uow, athlete, as_of)
        catch_up(runner)
        weeks = uow.calendar.weeks(runner.id)
        if not weeks:
            raise InputError("the athlete has no stored plan", "to")
        target = _target(weeks, to, tomorrow)
        retest = _next_retest(runner, weeks)
        old_start = retest.start
        shift = target.seq - retest.seq
        if shift == 0:
            raise InputError(f"the retest is already in the week of {to}", "to")
        if shift < 0:
            gone = [w for w in weeks if target.seq <= w.seq < retest.seq]
            if gone[0].start <= as_of:
                free = next(w.start for w in weeks if w.start > as_of)
                raise InputError(
                    f"the week of {to} has begun: the retest can move to the week from "
                    f"{free} at the earliest",
                    "to",
                )
        new_start = old_start + timedelta(days=7 * shift)
        text = f"{PREFIX}retest moved to the week from {new_start} ({reason.strip()})"
        if shift > 0:
            before = next((w for w in weeks if w.seq == retest.seq - 1), None)
            if before is None:
                raise InputError("the plan has no week before its retest to repeat", "to")
            insert_weeks(runner, before, [before.plan_week] * shift, "coach", text)
        else:
            remove_weeks(runner, gone)
        # The retest week is now the target's place in the calendar: inserted or removed weeks
        # before it moved it there.
        placed = uow.calendar.weeks(runner.id)
        noted = [with_note(w, text) for w in placed if w.seq == target.seq or w.covers(as_of)]
        uow.calendar.apply(runner.id, Rewrite.updated(placed, *noted))
        uow.slots.end_edits(runner.id, KIND, as_of)  # the latest move stands; the rest is history
        edit = uow.slots.add_edit(
            runner.id,
            CoachEdit(
                0,
                KIND,
                KIND,
                new_start.isoformat(),
                reason.strip()[: limits().coach_reason_chars],
                actor,
                tomorrow,
            ),
            now,
        )
        audit(
            repo(uow),
            now,
            actor,
            "coach.edit",
            athlete,
            f"retest moved from the week of {old_start} to the week of {new_start}",
            reason,
        )
        uow.commit()
        return view(edit)
