"""Loading and validating the bundled knowledge files (data/*.toml) into domain values.

Every file is checked when loaded: unknown keys, unknown vocabulary words, dangling exercise ids and
sources that name no seed or evidence row are packaging bugs and raise DataFileError.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from footcore.domain.catalog import (
    Catalog,
    Category,
    Contraindications,
    Dose,
    Exercise,
    LoadLevel,
    Phase,
    set_timing,
)
from footcore.errors import DataFileError

SEED_FILES = (
    "000_d8bd327811651ded.txt",
    "001_85198d6a88623ffb.txt",
    "002_df0dd73e01ef0a58.txt",
    "003_e2f22ad55acb70ec.txt",
    "004_ce1d02cf1f1a8434.txt",
)


def read_toml(name: str) -> dict[str, Any]:
    """Parse one bundled data file by name (e.g. 'exercises.toml')."""
    try:
        text = resources.files("footcore.data").joinpath(name).read_text(encoding="utf-8")
        return tomllib.loads(text)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise DataFileError(f"bundled data file {name} cannot be read: {exc}") from exc


class Vocabulary:
    """The controlled words of data/vocabulary.toml, each with its label."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.raw = raw

    def words(self, kind: str) -> dict[str, str]:
        table = self.raw.get(kind)
        if not isinstance(table, dict):
            raise DataFileError(f"vocabulary.toml has no table [{kind}]")
        if "items" in table:
            return {w: w for w in table["items"]}
        return dict(table)

    def check(self, kind: str, words: list[str] | tuple[str, ...], where: str) -> None:
        known = self.words(kind)
        for w in words:
            if w not in known:
                raise DataFileError(f"{where}: '{w}' is not a word of [{kind}]")


@cache
def vocabulary() -> Vocabulary:
    return Vocabulary(read_toml("vocabulary.toml"))


@cache
def evidence_keys() -> frozenset[str]:
    return frozenset(read_toml("evidence.toml").get("source", {}).keys())


def check_sources(sources: list[str] | tuple[str, ...], where: str) -> None:
    """A source is 'seed:<file name>' or 'evidence:<key of evidence.toml>'."""
    if not sources:
        raise DataFileError(f"{where}: cites no source")
    keys = evidence_keys()
    for s in sources:
        kind, _, name = s.partition(":")
        if kind == "seed" and name in SEED_FILES:
            continue
        if kind == "evidence" and name in keys:
            continue
        raise DataFileError(f"{where}: source '{s}' names no seed file or evidence row")


class StrictModel(BaseModel):
    """Base of every data-file schema: an unknown key is an error, values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True)


M = TypeVar("M", bound=BaseModel)


def validate_data(model: type[M], raw: Mapping[str, Any], name: str) -> M:
    """Validate a parsed data file; the first problem becomes one DataFileError line."""
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = ".".join(str(p) for p in err["loc"])
        raise DataFileError(f"{name}: {loc}: {err['msg']}") from None


class DoseModel(StrictModel):
    sets: int = Field(ge=1, le=10)
    reps: int | None = Field(default=None, ge=1, le=200)
    hold_s: int | None = Field(default=None, ge=1, le=600)
    distance_m: int | None = Field(default=None, ge=1, le=2000)
    tempo: str | None = Field(default=None, pattern=r"^\d+(-\d+){0,3}$")
    per_side: bool = False
    rest_s: int = Field(default=30, ge=0, le=300)

    @model_validator(mode="after")
    def _one_measure(self) -> DoseModel:
        given = [v for v in (self.reps, self.hold_s, self.distance_m) if v is not None]
        if len(given) != 1:
            raise ValueError("a dose sets exactly one of reps, hold_s, distance_m")
        return self


class ContraModel(StrictModel):
    pain_areas: list[str] = []
    conditions: list[str] = []


class ExerciseModel(StrictModel):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str = Field(min_length=3)
    aliases: list[str] = []
    category: Category
    muscles: list[str] = Field(min_length=1)
    qualities: list[str] = Field(min_length=1)
    equipment: list[str] = []
    position: Literal["seated", "standing", "kneeling", "lying", "moving"]
    load: LoadLevel
    dose: DoseModel
    cues: list[str] = Field(min_length=2)
    why: str = Field(min_length=20)
    description: str = Field(min_length=20)
    progression: list[str] = []
    regression: list[str] = []
    contraindications: ContraModel = ContraModel()
    phases: list[Phase] = Field(min_length=1)
    sources: list[str] = Field(min_length=1)
    habit: bool = False


class TimingModel(StrictModel):
    setup_s: int = Field(ge=0, le=120)
    seconds_per_rep: float = Field(gt=0, le=10)
    note: str


class ExerciseFile(StrictModel):
    timing: TimingModel
    exercise: list[ExerciseModel] = Field(min_length=1)


@cache
def load_catalog() -> Catalog:
    parsed = validate_data(ExerciseFile, read_toml("exercises.toml"), "exercises.toml")
    set_timing(parsed.timing.setup_s, parsed.timing.seconds_per_rep)
    vocab = vocabulary()
    ids = [e.id for e in parsed.exercise]
    if len(set(ids)) != len(ids):
        dup = next(i for i in ids if ids.count(i) > 1)
        raise DataFileError(f"exercises.toml: id '{dup}' appears twice")
    known = set(ids)
    exercises: dict[str, Exercise] = {}
    for e in parsed.exercise:
        where = f"exercises.toml: {e.id}"
        vocab.check("muscles", e.muscles, where)
        vocab.check("qualities", e.qualities, where)
        vocab.check("equipment", e.equipment, where)
        vocab.check("pain_areas", e.contraindications.pain_areas, where)
        vocab.check("injuries", e.contraindications.conditions, where)
        for link in (*e.progression, *e.regression):
            if link not in known:
                raise DataFileError(f"{where}: progression/regression '{link}' is no exercise id")
            if link == e.id:
                raise DataFileError(f"{where}: links to itself")
        check_sources(e.sources, where)
        exercises[e.id] = Exercise(
            id=e.id,
            name=e.name,
            aliases=tuple(e.aliases),
            category=e.category,
            muscles=tuple(e.muscles),
            qualities=tuple(e.qualities),
            equipment=tuple(e.equipment),
            position=e.position,
            load=e.load,
            dose=Dose(**e.dose.model_dump()),
            cues=tuple(e.cues),
            why=e.why,
            progression=tuple(e.progression),
            regression=tuple(e.regression),
            contraindications=Contraindications(
                frozenset(e.contraindications.pain_areas),
                frozenset(e.contraindications.conditions),
            ),
            phases=tuple(e.phases),
            sources=tuple(e.sources),
            habit=e.habit,
            description=e.description,
        )
    return Catalog(exercises)
