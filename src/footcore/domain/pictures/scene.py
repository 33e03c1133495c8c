"""One step drawn: the rig posed, the equipment placed, the working muscles and the arrows.

`draw_step` is the only entry the writers need; `ARROW_UNIT` and `STROKE` carry each view's scale
(centimetres for the body, millimetres for the foot).
"""

from __future__ import annotations

import math

from footcore.domain.pictures.anatomy import SOLE_FROM_ABOVE, muscle_lines
from footcore.domain.pictures.body import body_scene
from footcore.domain.pictures.foot import foot_side_scene, foot_top_scene
from footcore.domain.pictures.model import Arrow, Point, Role, Scene, Shape, Step, View
from footcore.domain.pictures.props import add_props

ARROW_UNIT = {View.BODY_SIDE: 20.0, View.FOOT_SIDE: 55.0, View.FOOT_TOP: 55.0}
STROKE = {View.BODY_SIDE: 1.0, View.FOOT_SIDE: 2.6, View.FOOT_TOP: 2.6}
RIGS = {View.BODY_SIDE: body_scene, View.FOOT_SIDE: foot_side_scene, View.FOOT_TOP: foot_top_scene}


def _head(tip: Point, heading: Point, size: float) -> tuple[Point, ...]:
    hx, hy = heading
    back = (tip[0] - hx * size, tip[1] - hy * size)
    side = (-hy * size * 0.55, hx * size * 0.55)
    return (tip, (back[0] + side[0], back[1] + side[1]), (back[0] - side[0], back[1] - side[1]))


def arrow_shapes(arrow: Arrow, marks: dict[str, Point], view: View, key: str) -> list[Shape]:
    """A straight, two-headed or curved arrow at a landmark, in the view's own units."""
    unit = ARROW_UNIT[view]
    base = marks[arrow.at]
    start = (base[0] + arrow.offset[0] * unit, base[1] + arrow.offset[1] * unit)
    length = arrow.length * unit
    head = unit * 0.32
    width = STROKE[view] * 2.2
    if arrow.kind in ("arc_cw", "arc_ccw"):
        sign = -1.0 if arrow.kind == "arc_cw" else 1.0
        r = length / 2
        a0 = math.radians(90.0 - arrow.angle)
        pts = [
            (
                start[0] + r * math.cos(a0 + sign * t * 0.26),
                start[1] + r * math.sin(a0 + sign * t * 0.26),
            )
            for t in range(19)
        ]
        end_a = a0 + sign * 18 * 0.26
        heading = (-math.sin(end_a) * sign, math.cos(end_a) * sign)
        tip = (pts[-1][0] + heading[0] * head * 0.6, pts[-1][1] + heading[1] * head * 0.6)
        return [
            Shape(key, Role.ARROW, tuple(pts), width=width),
            Shape(key + "h", Role.ARROW, _head(tip, heading, head), closed=True, width=width / 2),
        ]
    a = math.radians(arrow.angle)
    d = (math.sin(a), math.cos(a))
    end = (start[0] + d[0] * length, start[1] + d[1] * length)
    shapes = [
        Shape(
            key,
            Role.ARROW,
            (start, (end[0] - d[0] * head * 0.8, end[1] - d[1] * head * 0.8)),
            width=width,
        ),
        Shape(key + "h", Role.ARROW, _head(end, d, head), closed=True, width=width / 2),
    ]
    if arrow.kind == "double":
        shapes.append(
            Shape(
                key + "t",
                Role.ARROW,
                _head(start, (-d[0], -d[1]), head),
                closed=True,
                width=width / 2,
            )
        )
    return shapes


def draw_step(step: Step, muscles: tuple[str, ...]) -> Scene:
    """Every shape of one step, in drawing order, with y up and the floor at y = 0."""
    scene = RIGS[step.view](step)
    seat = ("chair",) if step.support == "seat" and "chair" not in step.equipment else ()
    add_props(step.view, (*seat, *step.equipment), scene)
    stroke = STROKE[step.view]
    for muscle in muscles:
        for i, (a, b) in enumerate(muscle_lines(step.view, muscle, scene.marks)):
            # Muscles of the sole, seen through the foot from above: thinner and dashed.
            dashed = step.view is View.FOOT_TOP and muscle in SOLE_FROM_ABOVE
            width = stroke * (4.0 if step.view is View.BODY_SIDE else 3.0) * (0.6 if dashed else 1)
            scene.add(Shape(f"m_{muscle}_{i}", Role.MUSCLE, (a, b), width=width, dashed=dashed))
    for i, arrow in enumerate(step.arrows):
        scene.shapes += arrow_shapes(arrow, scene.marks, step.view, f"arrow{i}")
    if step.view is not View.FOOT_TOP and not (
        step.view is View.FOOT_SIDE and step.support == "air"
    ):
        x0, _, x1, _ = scene.bounds()
        # A hill tilts the ground through the standing foot (the origin); the body stays upright.
        rise = math.tan(math.radians(step.slope))
        scene.shapes.insert(
            0,
            Shape(
                "ground",
                Role.GROUND,
                (
                    (x0 - 5 * stroke, (x0 - 5 * stroke) * rise),
                    (x1 + 5 * stroke, (x1 + 5 * stroke) * rise),
                ),
                width=stroke * 1.5,
            ),
        )
    return scene
