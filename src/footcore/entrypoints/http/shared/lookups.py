"""Input checks and views that the pages and the API share, over the core's services.

These only translate (words checked against the vocabulary, request bodies into domain values,
domain values into dicts); every rule stays in footcore.services and footcore.domain.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from footcore.adapters.datafiles import vocabulary
from footcore.adapters.inputs import results_from_mapping
from footcore.bootstrap import Knowledge
from footcore.domain.assessment import BatteryTest, Results
from footcore.domain.catalog import Exercise
from footcore.domain.redflags import RedFlag, referral_message
from footcore.errors import InputError

VOCABULARY_KINDS = (
    "equipment",
    "pain_areas",
    "injuries",
    "symptoms",
    "muscles",
    "categories",
    "qualities",
    "weekdays",
    "sexes",
)


def check_word(kind: str, word: str, field: str, extra: Iterable[str] = ()) -> None:
    accepted = [*extra, *vocabulary().words(kind)]
    if word not in accepted:
        raise InputError(f"unknown word '{word}'; accepted: {', '.join(accepted)}", field)


def find_exercises(
    k: Knowledge,
    category: str | None = None,
    equipment: Iterable[str] | None = None,
    muscle: str | None = None,
    search: str | None = None,
) -> list[Exercise]:
    """The library filtered as `footcore exercises` does; equipment 'none' means none at all."""
    if category:
        check_word("categories", category, "category")
    have: list[str] | None = None
    if equipment is not None:
        have = []
        for item in equipment:
            check_word("equipment", item, "equipment", extra=("none",))
            if item != "none":
                have.append(item)
        have += list(k.rules.always_available)
    if muscle:
        check_word("muscles", muscle, "muscle")
    text = search.strip() if search else None
    if text and len(text) > 100:
        raise InputError("at most 100 characters", "search")
    return k.catalog.filter(
        category=category or None, equipment=have, muscle=muscle or None, text=text or None
    )


def results_of(day: date, tests: Mapping[str, Mapping[str, Any]]) -> Results:
    """Per-test {left, right} values (None = not done) into checked domain results."""
    raw: dict[str, Any] = {"date": day}
    for test, sides in tests.items():
        given = {side: v for side, v in sides.items() if v is not None}
        if given:
            raw[test] = given
    return results_from_mapping(raw, "results")


def positive_flags(k: Knowledge, symptoms: Iterable[str]) -> list[RedFlag]:
    """The red flags among the answers; an unknown word is an input error."""
    out = []
    for s in symptoms:
        check_word("symptoms", s, "symptoms")
        out.append(k.red_flags[s])
    return list({f.symptom: f for f in out}.values())


def screen_dict(flags: list[RedFlag]) -> dict[str, Any]:
    return {
        "clear": not flags,
        "referral": referral_message(flags) if flags else None,
        "flags": [
            {
                "symptom": f.symptom,
                "label": f.label,
                "urgency": f.urgency,
                "reason": f.reason,
                "sources": list(f.sources),
            }
            for f in flags
        ],
    }


def battery_dict(t: BatteryTest) -> dict[str, Any]:
    norm = t.norm
    return {
        "id": t.id,
        "name": t.name,
        "kind": t.kind.value,
        "unit": t.unit,
        "quality": t.quality,
        "protocol": list(t.protocol),
        "hold_s": t.hold_s,
        "side_tolerance": t.side_tolerance,
        "side_tolerance_basis": t.side_tolerance_basis,
        "retest_noise": t.retest_noise,
        "grade": norm.grade if norm else "none",
        "basis": norm.basis if norm else "",
        "bands": [
            {
                "min_age": b.min_age,
                "max_age": b.max_age,
                "sexes": sorted(s.value for s in b.sexes),
                "reference": b.reference,
                "low": b.low,
                "high": b.high,
            }
            for b in (norm.bands if norm else ())
        ],
    }


def vocabulary_dict() -> dict[str, dict[str, str]]:
    vocab = vocabulary()
    return {kind: vocab.words(kind) for kind in VOCABULARY_KINDS}
