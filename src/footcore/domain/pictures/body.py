"""The whole-body rig, seen from the side and facing right: forward kinematics from joint angles.

Angles are in degrees, as a clinician measures them: hip and knee flexion, ankle dorsiflexion
(negative = plantarflexion), toe extension at the ball of the foot, shoulder flexion, elbow flexion,
and the trunk's forward lean from upright. `_r` is the near (right) side, `_l` the far side.
Lengths are in centimetres of a 177 cm runner (footcore's choice of proportions).
"""

from __future__ import annotations

from footcore.domain.pictures.model import Point, Role, Scene, Shape, Step, along, direction

TRUNK, THIGH, SHANK, UPPER_ARM, FOREARM, NECK, HEAD = 52.0, 44.0, 43.0, 30.0, 27.0, 7.0, 10.5
TOE = 6.0
STEP_HEIGHT = 18.0
PAD_HEIGHT = 6.0
# The sole seen from the side, in the foot's own frame (x along the foot, y up from the ankle).
FOOT_OUTLINE = {
    "ankle_top": (-1.5, 1.5),
    "heel_back": (-6.0, -4.5),
    "heel": (-4.5, -7.5),
    "ball": (15.0, -7.5),
    "ball_top": (15.0, -5.0),
    "instep": (5.0, -1.5),
}
BODY_JOINTS = (
    "trunk",
    "hip_r",
    "knee_r",
    "ankle_r",
    "toes_r",
    "hip_l",
    "knee_l",
    "ankle_l",
    "toes_l",
    "shoulder_r",
    "elbow_r",
    "shoulder_l",
    "elbow_l",
)


def _foot(ankle: Point, foot_abs: float, toes: float) -> dict[str, Point]:
    ux, uy = direction(foot_abs)
    vx, vy = -uy, ux

    def local(p: Point) -> Point:
        return (ankle[0] + p[0] * ux + p[1] * vx, ankle[1] + p[0] * uy + p[1] * vy)

    pts = {name: local(p) for name, p in FOOT_OUTLINE.items()}
    toe_abs = foot_abs + toes
    tip = along(pts["ball"], toe_abs, TOE)
    tx, ty = direction(toe_abs)
    pts["toe"] = tip
    pts["toe_top"] = (tip[0] - ty * 2.0, tip[1] + tx * 2.0)
    pts["arch"] = local((5.0, -7.0))
    return pts


def joints(step: Step) -> dict[str, Point]:
    """Every landmark of the body with the pelvis at the origin."""
    a = step.angle
    trunk = a("trunk")
    pts: dict[str, Point] = {"hip": (0.0, 0.0)}
    up = direction(180.0 - trunk)
    pts["shoulder"] = (up[0] * TRUNK, up[1] * TRUNK)
    pts["neck"] = along(pts["shoulder"], 180.0 - trunk, NECK)
    pts["head"] = along(pts["shoulder"], 180.0 - trunk, NECK + HEAD)
    for side in ("r", "l"):
        thigh = a(f"hip_{side}") - trunk
        knee = along(pts["hip"], thigh, THIGH)
        shank = thigh - a(f"knee_{side}")
        ankle = along(knee, shank, SHANK)
        foot = _foot(ankle, shank + 90.0 + a(f"ankle_{side}"), a(f"toes_{side}"))
        pts[f"knee_{side}"], pts[f"ankle_{side}"] = knee, ankle
        pts.update({f"{k}_{side}": v for k, v in foot.items()})
        arm = a(f"shoulder_{side}") - trunk
        elbow = along(pts["shoulder"], arm, UPPER_ARM)
        pts[f"elbow_{side}"] = elbow
        pts[f"hand_{side}"] = along(elbow, arm + a(f"elbow_{side}"), FOREARM)
    return pts


def _surface(step: Step, pts: dict[str, Point]) -> float:
    """How far to move the body up so it rests on what supports it in this step."""
    feet = [pts[f"{k}_{s}"] for k in ("heel", "ball", "toe") for s in ("r", "l")]
    floor = PAD_HEIGHT if "balance_pad" in step.equipment_words else 0.0
    if step.support == "step":
        return STEP_HEIGHT - pts["ball_r"][1]
    if step.support == "knees":
        low = min(p[1] for p in [pts["knee_r"], pts["knee_l"], *feet])
        return floor - low
    if step.support in ("sit", "lying"):
        low = min(p[1] for p in [pts["hip"], pts["shoulder"], pts["head"], *feet])
        return floor + 4.0 - low if low == pts["hip"][1] else floor - low
    return floor + step.lift - min(p[1] for p in feet)


def _anchor(step: Step, pts: dict[str, Point]) -> float:
    """The x that stays put between steps: the seat, the foot on the step, or the standing heel."""
    if step.support in ("seat", "sit", "lying", "knees"):
        return pts["hip"][0]
    if step.support == "step":
        return pts["ball_r"][0]
    low_r = min(pts["heel_r"][1], pts["ball_r"][1])
    low_l = min(pts["heel_l"][1], pts["ball_l"][1])
    return pts["heel_r"][0] if low_r <= low_l + 0.5 else pts["heel_l"][0]


def body_scene(step: Step) -> Scene:
    pts = joints(step)
    dy = _surface(step, pts)
    dx = _anchor(step, pts)
    pts = {k: (x - dx, y + dy) for k, (x, y) in pts.items()}
    scene = Scene(marks=dict(pts))
    for side, role in (("l", Role.FAR), ("r", Role.BODY)):
        if side == "r":
            scene.add(Shape("trunk", Role.BODY, (pts["hip"], pts["shoulder"]), width=15.0))
            scene.add(Shape("neck", Role.BODY, (pts["shoulder"], pts["neck"]), width=6.0))
            scene.add(Shape("head", Role.BODY, (pts["head"],), radius=HEAD))
        leg = (pts["hip"], pts[f"knee_{side}"], pts[f"ankle_{side}"])
        scene.add(Shape(f"leg_{side}", role, leg, width=10.0))
        outline = ("ankle_top", "heel_back", "heel", "ball", "toe", "toe_top", "ball_top", "instep")
        foot = tuple(pts[f"{k}_{side}"] for k in outline)
        scene.add(Shape(f"foot_{side}", role, foot, width=2.0, closed=True))
        arm = (pts["shoulder"], pts[f"elbow_{side}"], pts[f"hand_{side}"])
        scene.add(Shape(f"arm_{side}", role, arm, width=7.0))
    return scene
