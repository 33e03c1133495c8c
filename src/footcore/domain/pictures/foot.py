"""The close-up foot rig of a right foot, in millimetres: from the inside (side view, toes to the
right) and from above (top view, toes up).

Joints: `ankle` (dorsiflexion +, plantarflexion -), `arch` (rise of the arch's highest point in
mm, + = domed), `big_toe` and `lesser_toes` (extension + / flexion - at the ball of the foot),
`big_toe_curl` and `toe_curl` (bend of the toe joints, + = curled), `spread` (the toes fanned
apart) and `turn` (the foot turned inward +, outward -, seen from above).
In the side view `leg` tilts the lower leg back from upright when the foot is off the floor.
"""

from __future__ import annotations

import math

from footcore.domain.pictures.model import Point, Role, Scene, Shape, Step, along, rotate

SHANK_LENGTH = 190.0
SOLE = -80.0
# (proximal, distal) phalanx lengths and stroke widths of the big toe and the lesser toes.
BIG_TOE = (34.0, 28.0, 24.0)
LESSER_TOE = (26.0, 20.0, 15.0)


def _bezier(a: Point, c: Point, b: Point, n: int = 8) -> list[Point]:
    out = []
    for i in range(n + 1):
        t = i / n
        u = 1 - t
        out.append(
            (
                u * u * a[0] + 2 * u * t * c[0] + t * t * b[0],
                u * u * a[1] + 2 * u * t * c[1] + t * t * b[1],
            )
        )
    return out


def _toe(
    base: Point, angle: float, curl: float, lengths: tuple[float, float, float]
) -> list[Point]:
    mid = along(base, angle, lengths[0])
    return [base, mid, along(mid, angle - curl, lengths[1])]


def foot_side_scene(step: Step) -> Scene:
    a = step.angle
    ankle = a("ankle")
    arch = a("arch")
    heel, ball = (-48.0, SOLE), (150.0, SOLE)
    sole = _bezier(heel, (45.0, SOLE + 40.0 + 4.0 * arch), ball)
    outline = [
        (-20.0, 18.0),
        (-60.0, -30.0),
        (-62.0, -62.0),
        *sole,
        (162.0, -70.0),
        (150.0, -56.0),
        (60.0, -22.0 + 0.8 * arch),
        (22.0, 14.0),
    ]
    # Toes leave the ball of the foot pointing forward (90 deg from straight down).
    big = _toe((155.0, -68.0), 90.0 + a("big_toe"), a("big_toe_curl"), BIG_TOE)
    lesser = _toe((146.0, -64.0), 90.0 + a("lesser_toes"), a("toe_curl"), LESSER_TOE)
    shank_top = along((0.0, 0.0), 180.0 - ankle, SHANK_LENGTH)
    marks: dict[str, Point] = {
        "ankle": (0.0, 0.0),
        "heel": heel,
        "heel_back": (-60.0, -40.0),
        "ball": ball,
        "arch": sole[4],
        "instep": (60.0, -22.0),
        "big_toe": big[-1],
        "lesser_toes": lesser[-1],
        "shank": shank_top,
        "calf": along((0.0, 0.0), 180.0 - ankle, 120.0),
    }
    turn = 0.0
    # Standing on the ball turns the foot about the ball so the lower leg stays upright; in the
    # air the lower leg keeps its `leg` tilt and the foot turns about the ankle.
    if step.support == "ball":
        turn = ankle
        pivot = ball
    elif step.support == "air":
        turn = ankle + a("leg")
        pivot = (0.0, 0.0)
    else:
        pivot = heel

    def place(p: Point) -> Point:
        q = rotate(p, pivot, turn)
        return (q[0], q[1] - SOLE) if step.support != "air" else q

    def placed(ps: list[Point]) -> tuple[Point, ...]:
        return tuple(place(p) for p in ps)

    lift = 0.0
    if step.support != "air":
        lowest = min(place(p)[1] for p in (heel, ball))
        lift = -lowest + step.lift
    scene = Scene(marks={k: (place(v)[0], place(v)[1] + lift) for k, v in marks.items()})

    def up(ps: tuple[Point, ...]) -> tuple[Point, ...]:
        return tuple((x, y + lift) for x, y in ps)

    def grounded(ps: tuple[Point, ...], width: float) -> tuple[Point, ...]:
        # A curled toe presses into the floor; it does not go through it.
        if step.support == "air":
            return ps
        return tuple((x, max(y, width / 2)) for x, y in ps)

    lesser_pts = grounded(up(placed(lesser)), LESSER_TOE[2])
    big_pts = grounded(up(placed(big)), BIG_TOE[2])
    scene.marks["big_toe"], scene.marks["lesser_toes"] = big_pts[-1], lesser_pts[-1]
    scene.add(Shape("lesser", Role.FAR, lesser_pts, width=LESSER_TOE[2]))
    scene.add(Shape("shank", Role.BODY, up(placed([(0.0, 0.0), shank_top])), width=50.0))
    scene.add(Shape("foot", Role.BODY, up(placed(outline)), width=2.0, closed=True))
    scene.add(Shape("big", Role.BODY, big_pts, width=BIG_TOE[2]))
    scene.add(Shape("malleolus", Role.OUTLINE, up(placed([(2.0, 2.0)])), radius=11.0))
    scene.marks["sole_mid"] = up(placed([sole[4]]))[0]
    scene.marks["sole_back"] = up(placed([sole[1]]))[0]
    scene.marks["sole_front"] = up(placed([sole[7]]))[0]
    return scene


# Top view: heel centre at the origin, toes toward +y; x < 0 is the inside (big-toe side).
TOE_BASES: tuple[tuple[Point, float, float, float], ...] = (
    ((-27.0, 168.0), -4.0, 40.0, 30.0),
    ((0.0, 174.0), 3.0, 30.0, 19.0),
    ((17.0, 167.0), 9.0, 26.0, 18.0),
    ((31.0, 157.0), 15.0, 22.0, 17.0),
    ((43.0, 143.0), 23.0, 17.0, 16.0),
)
SPREAD_SHARE = (-1.0, 0.1, 0.45, 0.75, 1.0)


def _toe_reach(length: float, extension: float, curl: float) -> float:
    """How long a toe looks from above: extension or flexion and curling shorten it."""
    bend = math.cos(math.radians(min(abs(extension), 80.0)))
    return length * bend * (0.55 + 0.45 * math.cos(math.radians(min(curl, 90.0))))


def foot_top_scene(step: Step) -> Scene:
    a = step.angle
    turn = a("turn")
    spread = a("spread")
    outline = [
        (0.0, -36.0),
        (16.0, -33.0),
        (26.0, -22.0),
        (34.0, 20.0),
        (44.0, 100.0),
        (52.0, 140.0),
        (40.0, 160.0),
        (-2.0, 186.0),
        (-40.0, 178.0),
        (-44.0, 150.0),
        (-30.0, 80.0),
        (-30.0, 20.0),
        (-24.0, -22.0),
        (-15.0, -33.0),
    ]
    scene = Scene()

    def place(ps: list[Point]) -> tuple[Point, ...]:
        return tuple(rotate(p, (0.0, 0.0), turn) for p in ps)

    toes = []
    for i, (base, angle, length, width) in enumerate(TOE_BASES):
        ext = a("big_toe") if i == 0 else a("lesser_toes")
        curl = a("big_toe_curl") if i == 0 else a("toe_curl")
        heading = angle + spread * SPREAD_SHARE[i]
        reach = _toe_reach(length, ext, curl)
        tip = (
            base[0] + math.sin(math.radians(heading)) * reach,
            base[1] + math.cos(math.radians(heading)) * reach,
        )
        toes.append((f"toe{i + 1}", place([base, tip]), width))
    scene.add(Shape("foot", Role.BODY, place(outline), width=2.0, closed=True))
    for key, pts, width in toes:
        scene.add(Shape(key, Role.BODY, pts, width=width))
    names = {
        "heel": (0.0, -10.0),
        "arch": (-22.0, 80.0),
        "midfoot": (5.0, 90.0),
        "ball": (0.0, 160.0),
        "medial": (-38.0, 150.0),
        "lateral": (46.0, 130.0),
    }
    scene.marks = {k: place([v])[0] for k, v in names.items()}
    for key, pts, _ in toes:
        scene.marks[key] = pts[-1]
    scene.marks["big_toe"] = scene.marks["toe1"]
    scene.marks["lesser_toes"] = scene.marks["toe3"]
    return scene
