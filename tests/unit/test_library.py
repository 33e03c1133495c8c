"""The exercise library and the knowledge files: complete, linked, and every entry sourced."""

from __future__ import annotations

import pytest

from footcore.adapters.datafiles import SEED_FILES, load_catalog, vocabulary
from footcore.adapters.topics import load_topics
from footcore.domain.catalog import Category, Phase

CATALOG = load_catalog()


def test_the_library_holds_about_fifty_exercises_or_more() -> None:
    assert len(CATALOG) >= 50


def test_every_category_is_represented() -> None:
    assert {ex.category for ex in CATALOG} == set(Category)


def test_every_seed_article_contributes_exercises() -> None:
    cited = {s.removeprefix("seed:") for ex in CATALOG for s in ex.sources if s.startswith("seed:")}
    assert cited == set(SEED_FILES)


@pytest.mark.parametrize(
    "words",
    [
        "towel",
        "heel walk",
        "forefoot",
        "invers",
        "evers",
        "toe spread",
        "alphabet",
        "calf raise",
        "heel-to-toe",
        "arch lift",
        "marble",
        "massage",
        "toe tap",
        "big-toe",
        "lesser-toes",
        "kneeling",
        "sandbag",
        "pogo",
        "lateral",
        "step-edge",
        "high-knee",
        "med-ball",
        "hinge",
        "eccentric",
        "rathleff",
        "vele",
        "tandem",
        "minimalist",
        "brush",
    ],
)
def test_the_seed_exercises_are_in_the_library(words: str) -> None:
    hits = CATALOG.filter(text=words)
    assert hits, f"nothing in the library matches '{words}'"


def test_intrinsic_foot_muscles_are_in_the_vocabulary_and_trained() -> None:
    intrinsic = {
        "abductor_hallucis",
        "flexor_digitorum_brevis",
        "flexor_hallucis_brevis",
        "abductor_digiti_minimi",
        "quadratus_plantae",
        "lumbricals",
        "interossei",
    }
    assert intrinsic <= set(vocabulary().words("muscles"))
    trained = {m for ex in CATALOG for m in ex.muscles}
    assert intrinsic <= trained
    assert {
        "tibialis_posterior",
        "tibialis_anterior",
        "peroneus_longus",
        "peroneus_brevis",
        "gastrocnemius",
        "soleus",
        "plantar_fascia",
    } <= trained


def test_progressions_and_regressions_point_both_ways() -> None:
    for ex in CATALOG:
        for nxt in ex.progression:
            assert ex.id in CATALOG.get(nxt).regression, (ex.id, nxt)
        for prev in ex.regression:
            assert ex.id in CATALOG.get(prev).progression, (ex.id, prev)


def test_plyometrics_and_drills_belong_only_to_the_running_specific_phase() -> None:
    for ex in CATALOG:
        if ex.category in (Category.PLYOMETRIC, Category.RUNNING_DRILL):
            assert ex.phases == (Phase.RUNNING_SPECIFIC,), ex.id


def test_the_deep_forefoot_squat_is_ruled_out_by_knee_pain() -> None:
    squat = next(iter(CATALOG.filter(text="squat")))
    assert "knee" in squat.contraindications.pain_areas


def test_everyday_habits_are_entries() -> None:
    assert sum(ex.habit for ex in CATALOG) >= 3


def test_learn_topics_cover_anatomy_gait_problems_care_and_recovery() -> None:
    topics = load_topics()
    kinds = {t.kind for t in topics.values()}
    assert kinds == {"anatomy", "gait", "problem", "care", "recovery"}
    problems = {t.related_injury for t in topics.values() if t.kind == "problem"}
    assert {
        "plantar_fasciitis",
        "achilles_tendinopathy",
        "shin_splints",
        "stress_fracture",
        "blisters",
        "black_toenails",
        "mortons_neuroma",
    } <= problems
