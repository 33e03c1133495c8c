"""The equipment drawn beside the body or the foot, placed from the rig's landmarks.

Each item is a word of data/vocabulary.toml [equipment] (or a drawing-only prop such as `paper`),
optionally with a placement after a colon: `band:front`, `towel:bunched`, `massage_ball:heel`.
Props return (behind, in_front) shapes and how far the body must rise to rest on them.
"""

from __future__ import annotations

import math

from footcore.domain.pictures.model import Point, Role, Scene, Shape, View, lerp

Props = tuple[list[Shape], list[Shape], float]


def _box(key: str, x0: float, y0: float, x1: float, y1: float, role: Role = Role.PROP) -> Shape:
    return Shape(key, role, ((x0, y0), (x1, y0), (x1, y1), (x0, y1)), width=1.5, closed=True)


def _ball(key: str, c: Point, r: float, role: Role = Role.PROP) -> Shape:
    return Shape(key, role, (c,), radius=r, width=1.5)


def _body(item: str, place: str, m: dict[str, Point]) -> Props:
    if item == "step":
        x = m["ball_r"][0]
        return [_box("step", x - 4, 0, x + 42, m["ball_r"][1])], [], 0.0
    if item == "wall":
        # `wall:N` stands N cm in front of the heel (behind it when negative); a plain wall is
        # where the hands or the knee reach.
        reach = max(m["hand_r"][0], m["hand_l"][0], m["knee_r"][0], m["knee_l"][0]) + 2.0
        x = m["heel_r"][0] + float(place) if place else reach
        return [Shape("wall", Role.PROP, ((x, 0.0), (x, 190.0)), width=3.0)], [], 0.0
    if item == "chair":
        hx, hy = m["hip"]
        seat = hy - 6.0
        shapes = [
            Shape("chair", Role.PROP, ((hx - 16, seat + 42), (hx - 16, 0.0)), width=2.5),
            Shape("seat", Role.PROP, ((hx - 16, seat), (hx + 18, seat), (hx + 18, 0.0)), width=2.5),
        ]
        return shapes, [], 0.0
    if item == "medicine_ball":
        hand, elbow = m["hand_r"], m["elbow_r"]
        d = math.hypot(hand[0] - elbow[0], hand[1] - elbow[1]) or 1.0
        c = (hand[0] + (hand[0] - elbow[0]) / d * 9, hand[1] + (hand[1] - elbow[1]) / d * 9)
        if place == "floor":
            c = (m["toe_r"][0] + 14.0, 11.0)
        return [], [_ball("medicine_ball", c, 11.0)], 0.0
    if item == "band":
        end = (m["toe_r"][0] + 45.0, m["toe_r"][1]) if place == "front" else m["hand_r"]
        return [], [Shape("band", Role.PROP, (m["ball_r"], end), width=1.8)], 0.0
    if item == "towel":
        if place == "rolled":
            return [_ball("towel", (m["ball_r"][0] + 3.0, 2.5), 2.5, Role.PROP_SOFT)], [], 0.0
        x0, x1 = m["heel_r"][0] - 2.0, m["toe_r"][0] + 20.0
        return [_box("towel", x0, 0.0, x1, 1.2, Role.PROP_SOFT)], [], 0.0
    if item in ("massage_ball", "foam_roller"):
        r = 3.5 if item == "massage_ball" else 6.0
        at = m["arch_r"] if item == "massage_ball" else m["ball_r"]
        return [_ball(item, (at[0], r), r)], [], 2 * r - min(at[1], m["heel_r"][1])
    if item == "balance_pad":
        x0, x1 = m["heel_r"][0] - 8.0, m["toe_r"][0] + 8.0
        return [_box("balance_pad", x0, 0.0, x1, 6.0, Role.PROP_SOFT)], [], 0.0
    if item == "sandbag":
        k = lerp(m["hip"], m["knee_r"], 0.78)
        return [], [_box("sandbag", k[0] - 8, k[1] + 5, k[0] + 8, k[1] + 12)], 0.0
    if item == "backpack":
        b = lerp(m["hip"], m["shoulder"], 0.55)
        return [_box("backpack", b[0] - 18, b[1] - 12, b[0] - 8, b[1] + 14)], [], 0.0
    if item == "marbles":
        x = m["toe_r"][0]
        return [], [_ball(f"marble{i}", (x + 4 + 3 * i, 1.0), 1.0) for i in range(3)], 0.0
    if item == "paper":
        x = m["ball_r"][0]
        return [_box("paper", x - 8, 0.0, x + 12, 0.5)], [], 0.0
    return [], [], 0.0


def _foot_side(item: str, place: str, m: dict[str, Point]) -> Props:
    toe, ball = m["big_toe"], m["ball"]
    if item == "towel":
        if place == "rolled":
            return [_ball("towel", (ball[0] + 32.0, 13.0), 13.0, Role.PROP_SOFT)], [], 0.0
        strip = _box("towel", -90.0, 0.0, 300.0, 6.0, Role.PROP_SOFT)
        if place == "bunched":
            bump = Shape(
                "towel_bunch",
                Role.PROP_SOFT,
                ((toe[0] - 30, 0.0), (toe[0] - 5, 24.0), (toe[0] + 20, 28.0), (toe[0] + 45, 0.0)),
                width=1.5,
                closed=True,
            )
            return [strip], [bump], 6.0
        return [strip], [], 6.0
    if item == "marbles":
        shapes = [_ball(f"marble{i}", (toe[0] + 40 + 24 * i, 8.0), 8.0) for i in range(3)]
        cup_x = toe[0] + 115
        shapes.append(
            Shape(
                "cup",
                Role.PROP,
                ((cup_x, 45.0), (cup_x + 8, 0.0), (cup_x + 44, 0.0), (cup_x + 52, 45.0)),
                width=2.0,
            )
        )
        if place == "gripped":
            shapes[0] = _ball("marble0", (toe[0] - 4.0, toe[1] - 6.0), 8.0)
        return [], shapes, 0.0
    if item == "band":
        if place == "front":
            end = (ball[0] + 170.0, 30.0)
            post = _box("band_post", end[0], 0.0, end[0] + 14, 70.0)
            return [post], [Shape("band", Role.PROP, (m["instep"], end), width=4.0)], 0.0
        return (
            [],
            [Shape("band", Role.PROP, ((ball[0] - 6, ball[1] + 4), (-170.0, 230.0)), width=4.0)],
            0.0,
        )
    if item in ("massage_ball", "foam_roller"):
        r = 20.0 if item == "massage_ball" else 40.0
        at = {"heel": m["sole_back"], "ball": m["sole_front"]}.get(place, m["sole_mid"])
        if item == "foam_roller":
            at = m["sole_front"] if place != "mid" else m["sole_mid"]
        return [_ball(item, (at[0], r), r)], [], 2 * r - at[1]
    if item == "sandbag":
        top = m["shank"]
        return [], [_box("sandbag", top[0] - 45, top[1] - 20, top[0] + 45, top[1] + 15)], 0.0
    if item == "paper":
        return [_box("paper", ball[0] - 50, 0.0, ball[0] + 110, 5.0)], [], 5.0
    if item == "balance_pad":
        return [_box("balance_pad", -120.0, 0.0, 320.0, 34.0, Role.PROP_SOFT)], [], 34.0
    if item == "step":
        return [_box("step", -160.0, 0.0, ball[0] + 6.0, 70.0)], [], 70.0
    if item == "wall":
        x = toe[0] + 30.0
        return [Shape("wall", Role.PROP, ((x, 0.0), (x, 300.0)), width=6.0)], [], 0.0
    return [], [], 0.0


def _foot_top(item: str, place: str, m: dict[str, Point]) -> Props:
    if item == "band":
        if place == "toes":
            tips = [m[f"toe{i}"] for i in (1, 2, 3, 4, 5)]
            # A loop round the toes' middle joints: the band the toes spread against.
            mid = [(x, y - 12.0) for x, y in tips]
            ring = (*mid, (mid[4][0] + 4, mid[4][1] - 14), (mid[0][0] - 6, mid[0][1] - 14), mid[0])
            return [], [Shape("band", Role.PROP, ring, width=5.0)], 0.0
        start = m["lateral"] if place == "lateral" else m["medial"]
        sign = 1.0 if place == "lateral" else -1.0
        loop = Shape("band_loop", Role.PROP, (m["medial"], m["ball"], m["lateral"]), width=5.0)
        pull = Shape(
            "band", Role.PROP, (start, (start[0] + sign * 150.0, start[1] - 20.0)), width=5.0
        )
        return [], [loop, pull], 0.0
    if item == "towel":
        return [_box("towel", -90.0, 40.0, 100.0, 300.0, Role.PROP_SOFT)], [], 0.0
    if item == "marbles":
        return [], [_ball(f"marble{i}", (-50.0 + 32 * i, 270.0), 9.0) for i in range(4)], 0.0
    if item == "massage_ball":
        return [_ball("massage_ball", m["arch"], 24.0)], [], 0.0
    if item == "paper":
        return [_box("paper", -60.0, 120.0, 70.0, 250.0)], [], 0.0
    return [], [], 0.0


DRAW = {View.BODY_SIDE: _body, View.FOOT_SIDE: _foot_side, View.FOOT_TOP: _foot_top}


def add_props(view: View, equipment: tuple[str, ...], scene: Scene) -> float:
    """Draw each item around the body (behind or in front) and return how far the body rises."""
    rise = 0.0
    behind: list[Shape] = []
    for entry in equipment:
        item, _, place = entry.partition(":")
        back, front, up = DRAW[view](item, place, scene.marks)
        behind += back
        scene.shapes += front
        rise = max(rise, up)
    if rise:
        # The body (and what it holds) rises onto what is under it; floor props stay put.
        scene.shapes = [
            Shape(
                s.key,
                s.role,
                tuple((x, y + rise) for x, y in s.points),
                s.width,
                s.closed,
                s.radius,
                s.dashed,
            )
            for s in scene.shapes
        ]
        scene.marks = {k: (x, y + rise) for k, (x, y) in scene.marks.items()}
    scene.shapes = behind + scene.shapes
    return rise


def placement_ok(entry: str) -> bool:
    """Whether `item:placement` names a placement the item has (`wall:N` takes a number)."""
    item, _, place = entry.partition(":")
    if item == "wall" and place:
        try:
            float(place)
        except ValueError:
            return False
        return True
    return place in PLACEMENTS.get(item, frozenset({""}))


PLACEMENTS: dict[str, frozenset[str]] = {
    "band": frozenset({"", "front", "lateral", "medial", "toes"}),
    "towel": frozenset({"", "rolled", "bunched"}),
    "marbles": frozenset({"", "gripped"}),
    "massage_ball": frozenset({"", "heel", "ball"}),
    "foam_roller": frozenset({"", "mid"}),
    "medicine_ball": frozenset({"", "floor"}),
}
