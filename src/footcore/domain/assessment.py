"""The baseline assessment: the battery, norms by age and sex, scoring, findings and priorities.

A test's result is compared with the norm band of the runner's age (and sex where the source has
one). A left-right difference counts only when it is larger than the test's measurement error; a
difference inside it is retest noise, not an asymmetry (evidence.md section 1).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from footcore.domain.profile import Profile, Sex


class ResultKind(StrEnum):
    NUMBER = "number"
    PASS_FAIL = "pass_fail"
    BOOLEAN = "boolean"


class Standing(StrEnum):
    BELOW = "below"
    WITHIN = "within"
    ABOVE = "above"
    NO_NORM = "no_norm"


@dataclass(frozen=True, slots=True)
class NormBand:
    """One row of a norm table: the band of ages (inclusive) and sexes it applies to."""

    min_age: int
    max_age: int
    sexes: frozenset[Sex]
    reference: float
    low: float
    high: float

    def applies(self, age: int, sex: Sex) -> bool:
        return self.min_age <= age <= self.max_age and sex in self.sexes


@dataclass(frozen=True, slots=True)
class Norm:
    bands: tuple[NormBand, ...]
    grade: str
    sources: tuple[str, ...]
    basis: str

    def band_for(self, age: int, sex: Sex) -> tuple[NormBand | None, str | None]:
        """The band for this runner, or the nearest band with a note that it is borrowed."""
        for band in self.bands:
            if band.applies(age, sex):
                return band, None
        same_sex = [b for b in self.bands if sex in b.sexes] or list(self.bands)
        if not same_sex:
            return None, None
        nearest = min(same_sex, key=lambda b: min(abs(age - b.min_age), abs(age - b.max_age)))
        return nearest, (
            f"no norm for age {age}; compared with ages {nearest.min_age}-{nearest.max_age}"
        )


@dataclass(frozen=True, slots=True)
class BatteryTest:
    id: str
    name: str
    kind: ResultKind
    unit: str
    quality: str
    protocol: tuple[str, ...]
    side_tolerance: float
    side_tolerance_basis: str
    side_sources: tuple[str, ...]
    retest_noise: float
    hold_s: int | None
    norm: Norm | None
    higher_is_better: bool = True
    trials: int = 1  # trials per side the protocol asks for; the best one is the result


@dataclass(frozen=True, slots=True)
class SideResult:
    left: float | bool | str | None
    right: float | bool | str | None


@dataclass(frozen=True, slots=True)
class Results:
    date: date
    values: Mapping[str, SideResult] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Finding:
    """The scored result of one test for one runner."""

    test: str
    name: str
    left: float | bool | str | None
    right: float | bool | str | None
    standing_left: Standing
    standing_right: Standing
    reference: float | None
    low: float | None
    high: float | None
    unit: str
    asymmetry: bool
    difference: float | None
    side_tolerance: float
    quality: str
    grade: str
    sources: tuple[str, ...]
    note: str

    @property
    def is_priority(self) -> bool:
        return Standing.BELOW in (self.standing_left, self.standing_right) or self.asymmetry


def _score_value(
    test: BatteryTest, value: float | bool | str | None, band: NormBand | None
) -> Standing:
    if value is None:
        return Standing.NO_NORM
    if test.kind is ResultKind.PASS_FAIL:
        return Standing.WITHIN if value == "pass" else Standing.BELOW
    if test.kind is ResultKind.BOOLEAN:
        return Standing.WITHIN if value is True else Standing.BELOW
    if band is None:
        return Standing.NO_NORM
    number = float(value)
    if number < band.low:
        return Standing.BELOW
    if number > band.high:
        return Standing.ABOVE
    return Standing.WITHIN


def exact(value: float | bool | str) -> Decimal:
    """A measured value with decimal semantics: 2.2 - 0.7 is 1.5, not 1.5000000000000002."""
    return Decimal(str(float(value)))


def change(before: float, after: float) -> float:
    """after - before, computed on the decimals as entered (see `exact`)."""
    return float(exact(after) - exact(before))


def exceeds(amount: float, limit: float) -> bool:
    """Strictly beyond a limit, compared as decimals: an amount equal to the limit is not."""
    return exact(amount) > exact(limit)


def _difference(test: BatteryTest, side: SideResult) -> tuple[bool, float | None]:
    left, right = side.left, side.right
    if left is None or right is None:
        return False, None
    if test.kind is not ResultKind.NUMBER:
        return left != right, None
    diff = abs(change(float(right), float(left)))
    # Strictly beyond the measurement error: a difference equal to it is still noise.
    return exceeds(diff, test.side_tolerance), diff


def score(battery: Sequence[BatteryTest], results: Results, profile: Profile) -> list[Finding]:
    """Score every test present in the results, in battery order."""
    findings = []
    for test in battery:
        side = results.values.get(test.id)
        if side is None:
            continue
        band, note = (None, None)
        if test.norm is not None:
            band, note = test.norm.band_for(profile.runner.age, profile.runner.sex)
        asym, diff = _difference(test, side)
        notes = [n for n in (note, test.norm.basis if test.norm else None) if n]
        findings.append(
            Finding(
                test=test.id,
                name=test.name,
                left=side.left,
                right=side.right,
                standing_left=_score_value(test, side.left, band),
                standing_right=_score_value(test, side.right, band),
                reference=band.reference if band else None,
                low=band.low if band else None,
                high=band.high if band else None,
                unit=test.unit,
                asymmetry=asym,
                difference=diff,
                side_tolerance=test.side_tolerance,
                quality=test.quality,
                grade=test.norm.grade if test.norm else "none",
                sources=tuple(
                    dict.fromkeys((test.norm.sources if test.norm else ()) + test.side_sources)
                ),
                note="; ".join(notes),
            )
        )
    return findings


def priorities(findings: Sequence[Finding]) -> tuple[str, ...]:
    """Training qualities to emphasise, most urgent first (below norm on both sides first)."""
    ranked: list[tuple[int, str]] = []
    for f in findings:
        if not f.is_priority:
            continue
        below = (f.standing_left is Standing.BELOW) + (f.standing_right is Standing.BELOW)
        ranked.append((-(below * 2 + f.asymmetry), f.quality))
    out: list[str] = []
    for _, quality in sorted(ranked):
        if quality not in out:
            out.append(quality)
    return tuple(out)


def retest_change_is_real(test: BatteryTest, before: float, after: float) -> bool:
    """A change counts only when it is larger than the test's retest noise."""
    return exceeds(abs(change(before, after)), test.retest_noise)
