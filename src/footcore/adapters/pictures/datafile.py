"""Loading data/pictures/*.toml: the joint ranges and named poses (joints.toml) and every
exercise's and test's drawn steps, validated when loaded.

Checked: every exercise and every test has 2-4 steps and nothing else has any; every joint named
belongs to the step's view and stays within its range; equipment drawn is equipment the exercise
lists (or a wall or chair, which every home has; a test may draw only what its protocol names);
arrows start at landmarks the view has; no two pictures draw the same thing.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from importlib import resources
from typing import Any, Literal

from pydantic import Field

from footcore.adapters.datafiles import StrictModel, validate_data, vocabulary
from footcore.domain.assessment import BatteryTest
from footcore.domain.catalog import Catalog
from footcore.domain.pictures import Arrow, JointRange, Picture, Step, View
from footcore.domain.pictures.props import placement_ok
from footcore.domain.pictures.scene import draw_step
from footcore.errors import DataFileError

Support = Literal["floor", "step", "seat", "knees", "sit", "lying", "air", "ball"]
SUPPORTS: dict[View, frozenset[str]] = {
    View.BODY_SIDE: frozenset({"floor", "step", "seat", "knees", "sit", "lying", "air"}),
    View.FOOT_SIDE: frozenset({"floor", "ball", "air"}),
    View.FOOT_TOP: frozenset({"floor"}),
}


class ArrowIn(StrictModel):
    at: str
    angle: float = Field(default=0.0, ge=-360, le=360)
    length: float = Field(default=1.0, gt=0, le=4)
    kind: Literal["straight", "double", "arc_cw", "arc_ccw"] = "straight"
    offset: tuple[float, float] = (0.0, 0.0)


class StepIn(StrictModel):
    pose: str | None = None
    view: View | None = None
    support: Support | None = None
    angles: dict[str, float] = Field(default_factory=dict)
    caption: str = Field(min_length=8, max_length=90)
    equipment: list[str] = Field(default_factory=list)
    arrows: list[ArrowIn] = Field(default_factory=list)
    lift: float = Field(default=0.0, ge=0, le=60)
    animate: bool = False
    # footcore's choice: steep enough to read as a hill in a drawing, no steeper than hill repeats.
    slope: float = Field(default=0.0, ge=-12, le=12)


class PictureIn(StrictModel):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    muscles: list[str] = Field(default_factory=list)
    step: list[StepIn] = Field(min_length=2, max_length=4)


class PicturesFile(StrictModel):
    picture: list[PictureIn] = Field(min_length=1)


class JointIn(StrictModel):
    views: list[View] = Field(min_length=1)
    low: float
    high: float
    unit: Literal["deg", "mm"]
    basis: str = Field(min_length=10)


class PoseIn(StrictModel):
    view: View
    support: Support = "floor"
    angles: dict[str, float] = Field(default_factory=dict)


class JointsFile(StrictModel):
    joint: dict[str, JointIn]
    pose: dict[str, PoseIn]
    props: dict[str, str] = Field(default_factory=dict)


@dataclass(frozen=True)
class Pictures:
    """Every exercise's and test's picture by id, and the joint ranges they were checked by."""

    exercises: dict[str, Picture]
    tests: dict[str, Picture]
    ranges: dict[str, JointRange]
    joint_views: dict[str, frozenset[View]]

    def all(self) -> list[Picture]:
        return [*self.exercises.values(), *self.tests.values()]


def _files() -> list[tuple[str, dict[str, Any]]]:
    root = resources.files("footcore.data").joinpath("pictures")
    out = []
    try:
        for entry in sorted(root.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".toml"):
                out.append((entry.name, tomllib.loads(entry.read_text(encoding="utf-8"))))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise DataFileError(f"bundled picture data cannot be read: {exc}") from exc
    return out


def _step(s: StepIn, poses: dict[str, PoseIn], where: str) -> Step:
    base = poses.get(s.pose) if s.pose else None
    if s.pose and base is None:
        raise DataFileError(f"{where}: pose '{s.pose}' is not in pictures/joints.toml")
    view = s.view or (base.view if base else None)
    if view is None:
        raise DataFileError(f"{where}: names neither a pose nor a view")
    if base and s.view and s.view is not base.view:
        raise DataFileError(f"{where}: view {s.view} differs from pose '{s.pose}'")
    angles = {**(base.angles if base else {}), **s.angles}
    support = s.support or (base.support if base else "floor")
    if support not in SUPPORTS[view]:
        raise DataFileError(f"{where}: support '{support}' is not one of {sorted(SUPPORTS[view])}")
    arrows = tuple(Arrow(a.at, a.angle, a.length, a.kind, a.offset) for a in s.arrows)
    return Step(
        view=view,
        angles=tuple(sorted(angles.items())),
        caption=s.caption,
        support=support,
        equipment=tuple(s.equipment),
        arrows=arrows,
        lift=s.lift,
        animate=s.animate,
        slope=s.slope,
    )


def _check_step(
    step: Step, ranges: dict[str, JointRange], views: dict[str, frozenset[View]], where: str
) -> None:
    for joint, value in step.angles:
        if joint not in ranges:
            raise DataFileError(f"{where}: '{joint}' is not a joint of pictures/joints.toml")
        if step.view not in views[joint]:
            raise DataFileError(f"{where}: joint '{joint}' is not part of the {step.view} view")
        r = ranges[joint]
        if not r.holds(value):
            raise DataFileError(
                f"{where}: {joint} = {value:g} {r.unit} is outside its range "
                f"{r.low:g} to {r.high:g}"
            )
    scene = draw_step(replace(step, arrows=()), ())
    for arrow in step.arrows:
        if arrow.at not in scene.marks:
            raise DataFileError(
                f"{where}: arrow at '{arrow.at}', which the {step.view} view does not have"
            )


def _check_equipment(step: Step, allowed: Iterable[str], where: str) -> None:
    allowed = set(allowed)
    for entry in step.equipment:
        if not placement_ok(entry):
            raise DataFileError(f"{where}: '{entry}' is not a placement footcore can draw")
    for word in step.equipment_words:
        if word not in allowed:
            raise DataFileError(f"{where}: draws '{word}', which is not among {sorted(allowed)}")


def load_pictures(
    catalog: Catalog,
    battery: tuple[BatteryTest, ...],
    files: list[tuple[str, dict[str, Any]]] | None = None,
) -> Pictures:
    """Every picture, checked; `files` (name, parsed TOML) replaces the bundled ones in tests."""
    files = _files() if files is None else files
    raw_joints = next((raw for name, raw in files if name == "joints.toml"), None)
    if raw_joints is None:
        raise DataFileError("pictures/joints.toml is missing")
    joints = validate_data(JointsFile, raw_joints, "pictures/joints.toml")
    ranges = {k: JointRange(k, j.low, j.high, j.unit, j.basis) for k, j in joints.joint.items()}
    views = {k: frozenset(j.views) for k, j in joints.joint.items()}
    vocab = vocabulary()
    always = set(vocab.words("equipment_always_available"))
    known_equipment = set(vocab.words("equipment")) | set(joints.props)
    tests = {t.id: t for t in battery}
    exercises: dict[str, Picture] = {}
    test_pictures: dict[str, Picture] = {}
    seen: dict[tuple[object, ...], str] = {}
    for name, raw in files:
        if name == "joints.toml":
            continue
        parsed = validate_data(PicturesFile, raw, f"pictures/{name}")
        for p in parsed.picture:
            where = f"pictures/{name}: {p.id}"
            steps = tuple(
                _step(s, joints.pose, f"{where} step {i + 1}") for i, s in enumerate(p.step)
            )
            if p.id in catalog:
                ex = catalog.get(p.id)
                title, muscles = ex.name, tuple(p.muscles or ex.muscles)
                allowed: set[str] = set(ex.equipment) | always
                target = exercises
            elif p.id in tests:
                t = tests[p.id]
                title, muscles = t.name, tuple(p.muscles)
                words = " ".join(t.protocol).lower()
                allowed = {w for w in known_equipment if w.replace("_", " ") in words}
                target = test_pictures
            else:
                raise DataFileError(f"{where}: is neither an exercise id nor a test id")
            if p.id in exercises or p.id in test_pictures:
                raise DataFileError(f"{where}: drawn twice")
            vocab.check("muscles", muscles, where)
            for i, step in enumerate(steps):
                _check_step(step, ranges, views, f"{where} step {i + 1}")
                _check_equipment(step, allowed, f"{where} step {i + 1}")
            picture = Picture(p.id, title, steps, muscles)
            sig = picture.signature()
            if sig in seen:
                raise DataFileError(f"{where}: draws exactly what {seen[sig]} draws")
            seen[sig] = p.id
            target[p.id] = picture
    missing = [e.id for e in catalog if e.id not in exercises] + [
        t for t in tests if t not in test_pictures
    ]
    if missing:
        raise DataFileError(f"pictures: no picture for {', '.join(missing)}")
    return Pictures(exercises, test_pictures, ranges, views)
