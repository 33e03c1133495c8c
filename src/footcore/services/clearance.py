"""Clearance after a red-flag pause: the runner confirms that a clinician cleared them, and the
program resumes (one transaction)."""

from __future__ import annotations

import copy
from datetime import date

from footcore.adapters.limits_file import limits
from footcore.adapters.storage.uow import SqlUnitOfWork
from footcore.errors import InputError
from footcore.services.context import Runner
from footcore.services.profiles import add_revision
from footcore.services.use_case import in_transaction
from footcore.services.weekly import catch_up


def clearer(by: str | None) -> str:
    """Who cleared the runner, checked: "NAME, ROLE" (a name and a role, comma-separated)."""
    text = " ".join((by or "").split())
    name, _, role = text.partition(",")
    longest = limits().clearer_chars
    if not name.strip() or not role.strip() or len(text) > longest:
        raise InputError(
            '"NAME, ROLE": who cleared you to train (e.g. "A. Lee, physiotherapist"; '
            f"at most {longest} characters)",
            "by",
        )
    return f"{name.strip()}, {role.strip()}"


def clear(uow: SqlUnitOfWork, name: str, confirm: bool, as_of: date, by: str | None = None) -> str:
    """The runner confirms that a clinician (`by`: "NAME, ROLE") cleared them: the pause ends and
    records who cleared it and when; the symptoms are cleared."""
    if not confirm:
        raise InputError(
            "a clinician's clearance must be confirmed before the program resumes",
            action="confirm_clearance",
        )
    who = clearer(by)

    def work(runner: Runner) -> str:
        from footcore.services.adapting import record

        repo = runner.uow.repo
        if not runner.uow.programs.clear_pause(runner.id, as_of, who):
            return "The program is not paused; nothing to clear."
        raw = copy.deepcopy(runner.raw_profile)
        if raw.get("health", {}).get("symptoms"):
            raw["health"]["symptoms"] = []
            add_revision(runner, raw, as_of, repo.profile(runner.id).units)
        record(
            runner,
            "",
            "resume",
            "none",
            f"the runner confirmed that {who} cleared them to train",
            [],
        )
        catch_up(runner)
        return (
            f"Cleared by {who} on {as_of.isoformat()}: the program resumes. Log any pain as before."
        )

    return in_transaction(uow, name, as_of, work)
