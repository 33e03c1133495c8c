"""The exercise library as domain values: exercises, their default doses, and the catalog.

The catalog is built by an adapter from `data/exercises.toml` after validation; here it is only
plain frozen values and the look-ups the planner needs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from footcore.errors import NotFoundError


class Category(StrEnum):
    MOBILITY = "mobility"
    ACTIVATION = "activation"
    STRENGTH = "strength"
    BALANCE = "balance"
    PLYOMETRIC = "plyometric"
    RUNNING_DRILL = "running_drill"
    STRETCH = "stretch"
    RELEASE = "release"
    RECOVERY = "recovery"


class Phase(StrEnum):
    FOUNDATION = "foundation"
    STRENGTH = "strength"
    RUNNING_SPECIFIC = "running_specific"


class LoadLevel(StrEnum):
    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"


@dataclass(frozen=True, slots=True)
class Dose:
    """A default or prescribed dose. Exactly one of reps, hold_s and distance_m is set."""

    sets: int
    reps: int | None = None
    hold_s: int | None = None
    distance_m: int | None = None
    tempo: str | None = None
    per_side: bool = False
    rest_s: int = 30
    # Derived once: the planner asks for these thousands of times per plan.
    _work: float = field(init=False, repr=False, compare=False, default=0.0)
    _minutes: float = field(init=False, repr=False, compare=False, default=0.0)

    def __post_init__(self) -> None:
        if self.hold_s is not None:
            work = float(self.hold_s)
        elif self.distance_m is not None:
            # Drills and walks over a short distance: about 1 m/s including the walk back.
            work = float(self.distance_m)
        else:
            work = (self.reps or 0) * _seconds_per_rep(self.tempo)
        sides = 2 if self.per_side else 1
        rests = self.rest_s * max(self.sets * sides - 1, 0)
        minutes = (work * self.sets * sides + rests + TRANSITION_S) / 60.0
        object.__setattr__(self, "_work", work)
        object.__setattr__(self, "_minutes", minutes)

    def work_seconds(self) -> float:
        """Estimated time under work for one set on one side."""
        return self._work

    def minutes(self) -> float:
        """Estimated minutes for the whole prescription: work, rests and getting set up."""
        return self._minutes

    def evolve(
        self,
        sets: int | None = None,
        reps: int | None = None,
        hold_s: int | None = None,
        distance_m: int | None = None,
    ) -> Dose:
        """The same dose with new amounts; the measure kept is whichever one this dose uses."""
        return Dose(
            sets=self.sets if sets is None else sets,
            reps=None if self.reps is None else (self.reps if reps is None else reps),
            hold_s=None if self.hold_s is None else (self.hold_s if hold_s is None else hold_s),
            distance_m=None
            if self.distance_m is None
            else (self.distance_m if distance_m is None else distance_m),
            tempo=self.tempo,
            per_side=self.per_side,
            rest_s=self.rest_s,
        )


# Seconds to get into position and read the cue before an exercise (without it a 15-minute session
# would be packed with more exercises than anyone can do in 15 minutes), and seconds a rep takes
# without a tempo. Both are footcore's choice and live in exercises.toml [timing]; the adapter sets
# them here before it builds the first dose (the values below only mirror the data file).
TRANSITION_S = 20
SECONDS_PER_REP = 2.0


def set_timing(setup_s: int, seconds_per_rep: float) -> None:
    """Called once by the catalog loader with exercises.toml [timing]."""
    global TRANSITION_S, SECONDS_PER_REP
    TRANSITION_S, SECONDS_PER_REP = setup_s, seconds_per_rep


def _seconds_per_rep(tempo: str | None) -> float:
    # A tempo such as "3-2-3" is seconds up, hold, down.
    if not tempo:
        return SECONDS_PER_REP
    try:
        return float(sum(float(part) for part in tempo.split("-")))
    except ValueError:
        return SECONDS_PER_REP


@dataclass(frozen=True, slots=True)
class Contraindications:
    pain_areas: frozenset[str] = frozenset()
    conditions: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Exercise:
    id: str
    name: str
    aliases: tuple[str, ...]
    category: Category
    muscles: tuple[str, ...]
    qualities: tuple[str, ...]
    equipment: tuple[str, ...]
    position: str
    load: LoadLevel
    dose: Dose
    cues: tuple[str, ...]
    why: str
    progression: tuple[str, ...]
    regression: tuple[str, ...]
    contraindications: Contraindications
    phases: tuple[Phase, ...]
    sources: tuple[str, ...]
    habit: bool = False
    description: str = ""

    @property
    def is_plyometric(self) -> bool:
        return self.category is Category.PLYOMETRIC

    @property
    def is_high_load(self) -> bool:
        return self.load is LoadLevel.HIGH or self.is_plyometric


@dataclass(frozen=True)
class Catalog:
    """All exercises by id, in the order of the data file."""

    exercises: Mapping[str, Exercise] = field(default_factory=dict)

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self.exercises.values())

    def __len__(self) -> int:
        return len(self.exercises)

    def __contains__(self, exercise_id: object) -> bool:
        return exercise_id in self.exercises

    def get(self, exercise_id: str) -> Exercise:
        try:
            return self.exercises[exercise_id]
        except KeyError:
            raise NotFoundError(f"unknown exercise '{exercise_id}'", action="exercises") from None

    def name_of(self, exercise_id: str) -> str:
        """An exercise as a person reads it: its name ("Trigger-point release"), never its id;
        an id the library no longer holds (an old log) is shown in words."""
        found = self.exercises.get(exercise_id)
        return found.name if found is not None else exercise_id.replace("_", " ")

    def filter(
        self,
        category: str | None = None,
        equipment: Iterable[str] | None = None,
        muscle: str | None = None,
        text: str | None = None,
    ) -> list[Exercise]:
        """Exercises of a category that need only the given equipment (None = any)."""
        have = None if equipment is None else frozenset(equipment)
        needle = text.lower() if text else None
        out = []
        for ex in self:
            if category and ex.category != category:
                continue
            if have is not None and not set(ex.equipment) <= have:
                continue
            if muscle and muscle not in ex.muscles:
                continue
            if needle and not _matches(ex, needle):
                continue
            out.append(ex)
        return out


def _matches(ex: Exercise, needle: str) -> bool:
    haystack = " ".join((ex.id, ex.name, *ex.aliases, ex.description)).lower()
    return needle in haystack
