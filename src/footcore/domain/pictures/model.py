"""The values a picture is made of: joint ranges, arrows, steps, pictures and drawn shapes.

A picture is 2-4 steps (start, movement, end) of one exercise or test; each step is a pose of one
rig (the whole body from the side, or the foot from the side or from above) with the equipment,
arrows and caption drawn with it. Shapes are what the rigs produce and every writer (SVG, PNG,
PDF) draws: plain points in the rig's units, y pointing up.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import StrEnum

Point = tuple[float, float]


class View(StrEnum):
    BODY_SIDE = "body_side"
    FOOT_SIDE = "foot_side"
    FOOT_TOP = "foot_top"


class Role(StrEnum):
    """What a shape shows; each writer maps a role to its colour and line."""

    GROUND = "ground"
    PROP = "prop"
    PROP_SOFT = "prop_soft"
    FAR = "far"
    BODY = "body"
    OUTLINE = "outline"
    MUSCLE = "muscle"
    ARROW = "arrow"


@dataclass(frozen=True)
class JointRange:
    """A joint's allowed range in degrees (or mm for the arch), with where the range comes from."""

    joint: str
    low: float
    high: float
    unit: str
    basis: str

    def holds(self, value: float) -> bool:
        return self.low <= value <= self.high


@dataclass(frozen=True)
class Arrow:
    """A movement arrow at a rig landmark: straight along `angle` (0 = up, 90 = toward the toes,
    clockwise), or an arc turning clockwise or anticlockwise around the landmark."""

    at: str
    angle: float = 0.0
    length: float = 1.0
    kind: str = "straight"
    offset: Point = (0.0, 0.0)


@dataclass(frozen=True)
class Step:
    view: View
    angles: tuple[tuple[str, float], ...]
    caption: str
    support: str = "floor"
    equipment: tuple[str, ...] = ()
    arrows: tuple[Arrow, ...] = ()
    lift: float = 0.0
    animate: bool = False
    slope: float = 0.0  # the ground's incline in degrees, + = rising toward the front (a hill)

    def angle(self, joint: str, default: float = 0.0) -> float:
        for name, value in self.angles:
            if name == joint:
                return value
        return default

    @property
    def equipment_words(self) -> tuple[str, ...]:
        """The equipment words drawn, without their placement variant ('band:front' -> 'band')."""
        return tuple(e.partition(":")[0] for e in self.equipment)


@dataclass(frozen=True)
class Picture:
    """The drawn steps of one exercise or test, with the muscles to highlight."""

    id: str
    title: str
    steps: tuple[Step, ...]
    muscles: tuple[str, ...] = ()

    def signature(self) -> tuple[object, ...]:
        """What makes two drawings the same: the poses, props and arrows (not the words, and not
        the highlighted muscles: two exercises must differ in what the body does)."""
        return tuple(
            (s.view, tuple(sorted(s.angles)), s.support, s.equipment, s.arrows, s.lift, s.slope)
            for s in self.steps
        )


@dataclass(frozen=True)
class Shape:
    """A polyline (open or closed) or a circle, keyed so a writer can morph it between steps."""

    key: str
    role: Role
    points: tuple[Point, ...]
    width: float = 1.0
    closed: bool = False
    radius: float = 0.0
    dashed: bool = False


@dataclass
class Scene:
    """The shapes of one step, in drawing order, and the rig's named landmarks."""

    shapes: list[Shape] = field(default_factory=list)
    marks: dict[str, Point] = field(default_factory=dict)

    def add(self, shape: Shape) -> None:
        self.shapes.append(shape)

    def bounds(self) -> tuple[float, float, float, float]:
        """min x, min y, max x, max y over every shape, widened by line widths and radii."""
        xs: list[float] = []
        ys: list[float] = []
        for s in self.shapes:
            pad = s.radius + s.width / 2
            for x, y in s.points:
                xs += [x - pad, x + pad]
                ys += [y - pad, y + pad]
        return min(xs), min(ys), max(xs), max(ys)


def direction(angle_deg: float) -> Point:
    """Unit vector `angle_deg` from straight down, positive toward the front (+x)."""
    a = math.radians(angle_deg)
    return (math.sin(a), -math.cos(a))


def along(p: Point, angle_deg: float, length: float) -> Point:
    dx, dy = direction(angle_deg)
    return (p[0] + dx * length, p[1] + dy * length)


def lerp(a: Point, b: Point, t: float) -> Point:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def offset_segment(a: Point, b: Point, t0: float, t1: float, side: float) -> tuple[Point, Point]:
    """The part t0..t1 of segment a-b moved `side` units to its left (facing from a to b)."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    n = math.hypot(dx, dy) or 1.0
    nx, ny = -dy / n * side, dx / n * side
    p, q = lerp(a, b, t0), lerp(a, b, t1)
    return ((p[0] + nx, p[1] + ny), (q[0] + nx, q[1] + ny))


def rotate(p: Point, about: Point, angle_deg: float) -> Point:
    """Rotate anticlockwise by angle_deg (y up)."""
    a = math.radians(angle_deg)
    x, y = p[0] - about[0], p[1] - about[1]
    c, s = math.cos(a), math.sin(a)
    return (about[0] + x * c - y * s, about[1] + x * s + y * c)
