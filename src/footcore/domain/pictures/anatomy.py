"""Where each muscle word of data/vocabulary.toml is drawn on each rig.

A region is a stretch of the line between two landmarks (from t0 to t1 along it), moved sideways
by `side` units (+ = to the left when looking from the first landmark to the second). Muscles a
view cannot show are simply not drawn in it.
"""

from __future__ import annotations

from footcore.domain.pictures.model import Point, View, offset_segment

Region = tuple[str, str, float, float, float]

_SOLE_BODY: tuple[Region, ...] = (("heel_r", "ball_r", 0.1, 0.95, 1.2),)
BODY: dict[str, tuple[Region, ...]] = {
    "quadriceps": (("hip", "knee_r", 0.15, 0.85, 3.2),),
    "hamstrings": (("hip", "knee_r", 0.15, 0.85, -3.2),),
    "gastrocnemius": (("knee_r", "ankle_r", 0.05, 0.5, -3.2),),
    "soleus": (("knee_r", "ankle_r", 0.4, 0.85, -2.8),),
    "achilles_tendon": (("knee_r", "ankle_r", 0.8, 1.05, -3.2),),
    "tibialis_anterior": (("knee_r", "ankle_r", 0.15, 0.85, 3.2),),
    "tibialis_posterior": (("knee_r", "ankle_r", 0.55, 0.95, -1.2),),
    "peroneus_longus": (("knee_r", "ankle_r", 0.15, 0.9, 0.0),),
    "peroneus_brevis": (("knee_r", "ankle_r", 0.5, 0.95, 0.0),),
    "extensor_hallucis_longus": (
        ("knee_r", "ankle_r", 0.45, 0.95, 3.0),
        ("instep_r", "ball_top_r", 0, 1, 0),
    ),
    "extensor_digitorum_longus": (
        ("knee_r", "ankle_r", 0.3, 0.95, 3.0),
        ("instep_r", "ball_top_r", 0, 1, 0),
    ),
    "flexor_hallucis_longus": (("knee_r", "ankle_r", 0.55, 0.95, -1.8), *_SOLE_BODY),
    "flexor_digitorum_longus": (("knee_r", "ankle_r", 0.5, 0.9, -1.8), *_SOLE_BODY),
    "hip_stabilizers": (("hip", "shoulder", 0.0, 0.2, 5.0),),
    "core": (("hip", "shoulder", 0.2, 0.7, -5.0),),
}
for _word in (
    "abductor_hallucis",
    "abductor_digiti_minimi",
    "flexor_digitorum_brevis",
    "flexor_hallucis_brevis",
    "quadratus_plantae",
    "lumbricals",
    "interossei",
    "plantar_fascia",
):
    BODY[_word] = _SOLE_BODY

FOOT_SIDE: dict[str, tuple[Region, ...]] = {
    "abductor_hallucis": (("heel", "ball", 0.05, 0.9, 16.0),),
    "flexor_digitorum_brevis": (("heel", "ball", 0.25, 0.8, 7.0),),
    "quadratus_plantae": (("heel", "ball", 0.05, 0.4, 12.0),),
    "flexor_hallucis_brevis": (("heel", "ball", 0.7, 1.0, 9.0),),
    "lumbricals": (("heel", "ball", 0.8, 1.0, 18.0),),
    "interossei": (("heel", "ball", 0.75, 1.0, 24.0),),
    "abductor_digiti_minimi": (("heel", "ball", 0.1, 0.9, 3.0),),
    "plantar_fascia": (("heel", "ball", 0.0, 1.0, 3.0),),
    "flexor_hallucis_longus": (
        ("ball", "big_toe", 0.1, 0.9, -7.0),
        ("calf", "ankle", 0.3, 1.0, -20.0),
    ),
    "flexor_digitorum_longus": (("calf", "ankle", 0.1, 0.9, -14.0),),
    "extensor_hallucis_longus": (
        ("ball", "big_toe", 0.1, 0.9, 7.0),
        ("calf", "ankle", 0.4, 1.0, 20.0),
    ),
    "extensor_digitorum_longus": (
        ("calf", "ankle", 0.2, 1.0, 14.0),
        ("instep", "ball", 0.0, 0.8, 8.0),
    ),
    "tibialis_anterior": (("calf", "ankle", 0.0, 1.0, 24.0),),
    "tibialis_posterior": (("calf", "ankle", 0.3, 1.0, -10.0), ("ankle", "arch", 0.2, 0.9, 6.0)),
    "peroneus_longus": (("shank", "ankle", 0.2, 0.9, 0.0),),
    "peroneus_brevis": (("calf", "ankle", 0.2, 0.9, 4.0),),
    "gastrocnemius": (("shank", "calf", 0.0, 1.0, -26.0),),
    "soleus": (("calf", "ankle", 0.0, 0.6, -24.0),),
    "achilles_tendon": (("calf", "heel_back", 0.5, 1.0, -4.0),),
}
FOOT_TOP: dict[str, tuple[Region, ...]] = {
    "abductor_hallucis": (("heel", "medial", 0.1, 0.95, 10.0),),
    "abductor_digiti_minimi": (("heel", "lateral", 0.1, 0.95, -10.0),),
    "interossei": (("midfoot", "ball", 0.3, 1.0, 14.0), ("midfoot", "ball", 0.3, 1.0, -14.0)),
    "lumbricals": (("midfoot", "ball", 0.4, 1.0, 0.0),),
    "extensor_hallucis_longus": (("arch", "toe1", 0.0, 1.0, 0.0),),
    "extensor_digitorum_longus": tuple(("midfoot", f"toe{i}", 0.2, 1.0, 0.0) for i in (2, 3, 4, 5)),
    "flexor_hallucis_brevis": (("arch", "toe1", 0.4, 0.75, 0.0),),
    "flexor_digitorum_brevis": (("heel", "ball", 0.2, 0.85, -6.0),),
    "quadratus_plantae": (("heel", "ball", 0.05, 0.4, 6.0),),
    "plantar_fascia": (("heel", "ball", 0.0, 0.95, 0.0),),
    "flexor_hallucis_longus": (("arch", "toe1", 0.0, 1.0, 0.0),),
    "flexor_digitorum_longus": tuple(("midfoot", f"toe{i}", 0.4, 1.0, 0.0) for i in (2, 3, 4, 5)),
    "tibialis_posterior": (("heel", "arch", 0.3, 1.0, 8.0),),
    "tibialis_anterior": (("heel", "arch", 0.6, 1.0, 2.0),),
    "peroneus_longus": (("heel", "lateral", 0.0, 0.6, -4.0),),
    "peroneus_brevis": (("heel", "lateral", 0.2, 0.7, -4.0),),
}
REGIONS: dict[View, dict[str, tuple[Region, ...]]] = {
    View.BODY_SIDE: BODY,
    View.FOOT_SIDE: FOOT_SIDE,
    View.FOOT_TOP: FOOT_TOP,
}
# Muscles seen through the foot from above are drawn dashed (they lie on the sole).
SOLE_FROM_ABOVE = frozenset(
    {
        "flexor_hallucis_brevis",
        "flexor_digitorum_brevis",
        "quadratus_plantae",
        "plantar_fascia",
        "flexor_hallucis_longus",
        "flexor_digitorum_longus",
        "lumbricals",
    }
)


def muscle_lines(view: View, muscle: str, marks: dict[str, Point]) -> list[tuple[Point, Point]]:
    """The segments that show `muscle` in `view` (none when the view cannot show it)."""
    out = []
    for a, b, t0, t1, side in REGIONS[view].get(muscle, ()):
        if a in marks and b in marks:
            out.append(offset_segment(marks[a], marks[b], t0, t1, side))
    return out
