"""The red-flag screen: any positive symptom stops the program and refers the runner."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from footcore.errors import RedFlagError


@dataclass(frozen=True, slots=True)
class RedFlag:
    symptom: str
    label: str
    urgency: str
    reason: str
    sources: tuple[str, ...]


def referral_message(flags: Iterable[RedFlag]) -> str:
    """One plain paragraph: stop, whom to see, how soon and why."""
    flags = list(flags)
    urgent = any(f.urgency == "urgent" for f in flags)
    when = (
        "today, at an urgent care clinic or emergency department"
        if urgent
        else "within the next few days (a doctor or a sports physiotherapist)"
    )
    reasons = "; ".join(f.reason for f in flags)
    return (
        f"footcore will not prescribe a program: please see a clinician {when}. Why: {reasons}. "
        "Come back when a clinician has cleared you to train."
    )


def screen(symptoms: Iterable[str], catalog: Mapping[str, RedFlag]) -> None:
    """Raise RedFlagError when any of the given symptoms is a red flag."""
    positive = [catalog[s] for s in symptoms if s in catalog]
    if positive:
        raise RedFlagError(referral_message(positive), tuple(f.symptom for f in positive))
