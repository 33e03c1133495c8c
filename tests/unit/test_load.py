"""Running load: spikes, weekly change, the EWMA ratio and the foot-plan restrictions they trigger.

The rules are the shipped data/load_rules.toml (validated, sources checked apart), so the boundary
cases of evidence.md are tested against the numbers users get.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from footcore.adapters.datafiles import read_toml
from footcore.adapters.load_rules_file import (
    build_load_rules,
    check_references,
    load_footwear_rules,
    load_load_rules,
    parse_load_rules,
)
from footcore.domain.catalog import (
    Category,
    Contraindications,
    Dose,
    Exercise,
    LoadLevel,
    Phase,
)
from footcore.domain.load import (
    Drop,
    LoadRules,
    RunRecord,
    SpikeBand,
    Trigger,
    acwr_context,
    classify_spike,
    daily_km,
    describe_spike,
    ewma_acwr,
    foot_load_restrictions,
    spikes,
    weekly_loads,
    whole_metres,
)
from footcore.errors import DataFileError, InputError

MONDAY = date(2026, 3, 2)
EVIDENCE = Path(__file__).resolve().parents[2] / "src" / "footcore" / "data" / "evidence.toml"


@cache
def rules() -> LoadRules:
    return build_load_rules(parse_load_rules(read_toml("load_rules.toml")))


def run(day: date | int, km: float, shoe: str | None = None) -> RunRecord:
    when = day if isinstance(day, date) else MONDAY + timedelta(days=day)
    return RunRecord(when, km * 1000, km * 360, km * 380, shoe=shoe)


def steady_weeks(weeks: int, km: float = 10.0) -> list[RunRecord]:
    """Mon/Wed/Fri runs of `km` for `weeks` weeks from MONDAY."""
    return [run(7 * w + d, km) for w in range(weeks) for d in (0, 2, 4)]


def exercise(category: Category, load: LoadLevel) -> Exercise:
    return Exercise(
        id="x",
        name="Example",
        aliases=(),
        category=category,
        muscles=("soleus",),
        qualities=("calf_endurance",),
        equipment=(),
        position="standing",
        load=load,
        dose=Dose(sets=1, reps=10),
        cues=("a", "b"),
        why="example",
        progression=(),
        regression=(),
        contraindications=Contraindications(),
        phases=(Phase.FOUNDATION,),
        sources=("evidence:frandsen_2025",),
    )


# Single-run spikes (Frandsen 2025) --------------------------------------------------------------


@pytest.mark.parametrize(
    ("km", "band"),
    [
        (11.0, SpikeBand.NONE),
        (11.01, SpikeBand.SMALL),
        (13.0, SpikeBand.SMALL),
        (13.01, SpikeBand.MODERATE),
        (20.0, SpikeBand.MODERATE),
        (20.01, SpikeBand.LARGE),
    ],
)
def test_spike_bands_against_a_ten_km_longest_run(km: float, band: SpikeBand) -> None:
    assert classify_spike(km * 1000, 10_000.0, rules()) is band


def test_run_just_over_ten_percent_is_a_small_spike() -> None:
    assert classify_spike(11_001.0, 10_000.0, rules()) is SpikeBand.SMALL


def test_distances_summed_from_laps_stay_on_their_band_edge() -> None:
    laps_13_km = sum([1.3] * 10) * 1000
    laps_20_km = sum([0.1] * 200) * 1000
    laps_10_km = sum([0.1] * 100) * 1000
    # Floating-point sums land a hair off the edge: 13000.000000000002, 20000.000000000015 and
    # 9999.999999999998; in whole metres they are exactly on it.
    assert laps_13_km > 13_000 and laps_20_km > 20_000 and laps_10_km < 10_000
    assert classify_spike(laps_13_km, 10_000.0, rules()) is SpikeBand.SMALL
    assert classify_spike(laps_20_km, 10_000.0, rules()) is SpikeBand.MODERATE
    assert classify_spike(11_000.0, laps_10_km, rules()) is SpikeBand.NONE


def test_distances_are_compared_in_whole_metres() -> None:
    assert whole_metres(11_000.4) == 11_000
    assert whole_metres(11_000.5) == 11_001
    assert classify_spike(11_000.4, 10_000.0, rules()) is SpikeBand.NONE
    assert classify_spike(11_000.5, 10_000.0, rules()) is SpikeBand.SMALL


def test_shorter_run_is_no_spike() -> None:
    assert classify_spike(4_000.0, 10_000.0, rules()) is SpikeBand.NONE


def test_without_a_run_in_the_previous_thirty_days_no_spike_can_be_computed() -> None:
    assert classify_spike(25_000.0, None, rules()) is None
    first, later = spikes([run(0, 5), run(31, 25)], rules())
    assert first.band is None and later.band is None
    assert later.reference_m is None and later.ratio is None
    assert "no spike can be computed" in describe_spike(later, rules())


def test_a_run_thirty_days_back_is_still_in_the_window() -> None:
    later = spikes([run(0, 5), run(30, 25)], rules())[1]
    assert later.reference_m == 5000 and later.band is SpikeBand.LARGE


def test_a_run_on_the_same_day_is_not_part_of_the_window() -> None:
    morning, evening = spikes([run(0, 5), run(0, 15)], rules())
    assert morning.band is None and evening.band is None


def test_the_longest_run_of_the_window_is_the_reference() -> None:
    last = spikes([run(0, 10), run(5, 5), run(10, 11.5)], rules())[-1]
    assert last.reference_m == 10_000
    assert last.band is SpikeBand.SMALL
    assert last.ratio == pytest.approx(1.15)
    assert last.increase_pct == pytest.approx(15)


def test_a_spike_description_names_the_hazard_ratio_and_the_source() -> None:
    last = spikes([run(0, 10), run(3, 25)], rules())[-1]
    text = describe_spike(last, rules())
    assert "large spike" in text and "2.28" in text and "Frandsen 2025" in text


@given(
    reference=st.integers(min_value=1, max_value=60_000),
    a=st.integers(min_value=0, max_value=200_000),
    b=st.integers(min_value=0, max_value=200_000),
)
def test_spike_band_never_falls_as_the_run_gets_longer(reference: int, a: int, b: int) -> None:
    short, long = sorted((a, b))
    band_short = classify_spike(float(short), float(reference), rules())
    band_long = classify_spike(float(long), float(reference), rules())
    assert band_short is not None and band_long is not None
    assert band_short.rank <= band_long.rank


@given(reference=st.integers(min_value=1, max_value=60_000))
def test_ten_percent_over_the_reference_is_never_a_spike(reference: int) -> None:
    limit = reference * 110 // 100
    assert classify_spike(float(limit), float(reference), rules()) is SpikeBand.NONE


# The EWMA acute:chronic ratio (Williams 2017) ----------------------------------------------------


def test_ewma_lambdas_are_two_over_n_plus_one() -> None:
    assert rules().acute_days == 7 and rules().chronic_days == 28
    assert rules().acute_lambda == 0.25
    assert rules().chronic_lambda == 2 / 29
    assert round(rules().chronic_lambda, 4) == 0.0690


def test_day_one_seeds_both_averages_with_its_load() -> None:
    first = ewma_acwr({MONDAY: 8.0}, rules())[0]
    assert (first.acute, first.chronic, first.ratio) == (8.0, 8.0, 1.0)


def test_a_rest_day_after_the_first_day_decays_each_average_by_its_lambda() -> None:
    points = ewma_acwr({MONDAY: 10.0, MONDAY + timedelta(days=1): 0.0}, rules())
    assert points[1].acute == pytest.approx(7.5)
    assert points[1].chronic == pytest.approx(10 * (1 - 2 / 29))


def test_days_without_a_run_count_as_zero_load() -> None:
    points = ewma_acwr({MONDAY: 10.0, MONDAY + timedelta(days=3): 10.0}, rules())
    assert [p.daily_load for p in points] == [10.0, 0.0, 0.0, 10.0]
    assert [p.date for p in points] == [MONDAY + timedelta(days=i) for i in range(4)]


def test_ratio_is_unknown_while_the_chronic_load_is_zero() -> None:
    assert ewma_acwr({MONDAY: 0.0, MONDAY + timedelta(days=1): 0.0}, rules())[1].ratio is None


@given(load=st.floats(min_value=0.1, max_value=100.0), days=st.integers(min_value=1, max_value=200))
def test_a_constant_daily_load_gives_a_ratio_of_one_every_day(load: float, days: int) -> None:
    loads = {MONDAY + timedelta(days=i): load for i in range(days)}
    assert all(p.ratio == 1.0 for p in ewma_acwr(loads, rules()))


def test_daily_load_is_the_days_distance_in_km() -> None:
    assert daily_km([run(0, 5), run(0, 7.5), run(2, 3)]) == {
        MONDAY: 12.5,
        MONDAY + timedelta(days=2): 3.0,
    }


def test_acwr_bands_are_context_after_the_caveat() -> None:
    caveat = rules().acwr_caveat
    assert "Lolli 2019" in caveat and "Impellizzeri 2021" in caveat and "Frandsen 2025" in caveat
    assert acwr_context(1.0, rules())[0] == caveat
    assert any("sweet spot" in t for t in acwr_context(1.0, rules()))
    at_two = acwr_context(2.0, rules())
    assert any("danger zone" in t for t in at_two)
    assert not any("Murray" in t for t in at_two)
    assert len(acwr_context(2.11, rules())) == 4
    assert acwr_context(1.4, rules()) == (caveat,)


def test_gabbett_bands_are_graded_as_a_secondary_source() -> None:
    gabbett = [c for c in rules().acwr_context if "Gabbett" in c.text]
    assert len(gabbett) == 2
    assert all(c.grade == "S" and c.sources == ("evidence:gabbett_2016",) for c in gabbett)


# Weekly totals ----------------------------------------------------------------------------------


def test_weeks_start_on_monday_and_empty_weeks_are_kept() -> None:
    weeks = weekly_loads([run(2, 10), run(6, 5), run(15, 12)])
    assert [w.week_start for w in weeks] == [MONDAY + timedelta(days=7 * i) for i in range(3)]
    assert [w.distance_m for w in weeks] == [15_000, 0, 12_000]
    assert [w.runs for w in weeks] == [2, 0, 1]


def test_week_change_compares_with_the_week_before() -> None:
    weeks = weekly_loads([run(0, 20), run(7, 25), run(14, 10), run(28, 10)])
    assert [w.change_pct for w in weeks] == [None, 25.0, -60.0, -100.0, None]


@given(
    st.lists(
        st.tuples(
            st.integers(min_value=0, max_value=120), st.integers(min_value=0, max_value=50_000)
        ),
        max_size=60,
    )
)
def test_weekly_totals_sum_to_the_total_distance(days_and_metres: list[tuple[int, int]]) -> None:
    runs = [RunRecord(MONDAY + timedelta(days=d), float(m), 60.0, 60.0) for d, m in days_and_metres]
    weeks = weekly_loads(runs)
    assert sum(w.distance_m for w in weeks) == sum(r.distance_m for r in runs)
    assert sum(w.runs for w in weeks) == len(runs)
    assert all(w.week_start.weekday() == 0 for w in weeks)


# The foot-plan rule -----------------------------------------------------------------------------


def test_a_moderate_spike_drops_high_load_foot_work_that_day_and_the_next_three() -> None:
    runs = [run(0, 10), run(2, 10), run(4, 10), run(6, 5), run(9, 13.5)]  # +35% on day 9
    out = [
        r
        for r in foot_load_restrictions(runs, MONDAY + timedelta(days=9), rules())
        if r.trigger is Trigger.SPIKE
    ]
    assert [r.day for r in out] == [MONDAY + timedelta(days=9 + i) for i in range(4)]
    assert all(r.trigger_date == MONDAY + timedelta(days=9) for r in out)
    assert out[0].drops == frozenset({Drop.PLYOMETRIC, Drop.HIGH_LOAD})
    assert "moderate spike" in out[0].reason and "evidence:frandsen_2025" in out[0].sources


def test_a_small_spike_alone_restricts_nothing() -> None:
    runs = [*steady_weeks(2), run(14, 10), run(16, 5), run(18, 12)]  # +20%, week 27 km < 30
    assert spikes(runs, rules())[-1].band is SpikeBand.SMALL
    assert foot_load_restrictions(runs, MONDAY + timedelta(days=18), rules()) == []


def test_a_week_twenty_percent_over_the_last_restricts_from_the_day_it_got_there() -> None:
    runs = [*steady_weeks(2), run(14, 10), run(16, 10), run(18, 10), run(20, 6)]  # 36 vs 30 km
    out = foot_load_restrictions(runs, MONDAY + timedelta(days=20), rules())
    assert {r.trigger for r in out} == {Trigger.SHARP_WEEK}
    assert [r.day for r in out] == [MONDAY + timedelta(days=20 + i) for i in range(4)]
    assert "20% over the week before" in out[0].reason
    assert "evidence:damsted_2019" in out[0].sources


def test_a_week_a_metre_short_of_twenty_percent_restricts_nothing() -> None:
    runs = [*steady_weeks(2), run(14, 10), run(16, 10), run(18, 10), run(20, 5.999)]
    assert foot_load_restrictions(runs, MONDAY + timedelta(days=20), rules()) == []


def test_a_week_after_a_week_without_running_is_not_a_sharp_rise() -> None:
    runs = [*steady_weeks(1), run(14, 10), run(16, 10), run(18, 10)]
    assert foot_load_restrictions(runs, MONDAY + timedelta(days=18), rules()) == []


def test_restrictions_that_ended_before_today_are_gone() -> None:
    runs = [run(0, 10), run(9, 25)]
    assert foot_load_restrictions(runs, MONDAY + timedelta(days=13), rules()) == []
    last_day = MONDAY + timedelta(days=12)
    assert {r.day for r in foot_load_restrictions(runs, last_day, rules())} == {last_day}


def test_planned_runs_after_today_trigger_nothing() -> None:
    assert (
        foot_load_restrictions([run(0, 10), run(9, 25)], MONDAY + timedelta(days=5), rules()) == []
    )


def test_a_restriction_rules_out_plyometric_and_high_load_items_only() -> None:
    r = foot_load_restrictions([run(0, 10), run(3, 25)], MONDAY + timedelta(days=3), rules())[0]
    assert r.rules_out(exercise(Category.PLYOMETRIC, LoadLevel.LOW))
    assert r.rules_out(exercise(Category.STRENGTH, LoadLevel.HIGH))
    assert not r.rules_out(exercise(Category.STRENGTH, LoadLevel.MODERATE))
    assert not r.rules_out(exercise(Category.MOBILITY, LoadLevel.LOW))


@given(
    st.lists(
        st.tuples(st.integers(min_value=0, max_value=90), st.integers(min_value=1, max_value=40)),
        min_size=1,
        max_size=40,
    ),
    st.integers(min_value=0, max_value=100),
)
def test_restrictions_fall_between_their_trigger_and_its_window_and_never_before_today(
    days_and_km: list[tuple[int, int]], today_offset: int
) -> None:
    runs = [run(d, km) for d, km in days_and_km]
    today = MONDAY + timedelta(days=today_offset)
    run_days = {r.date for r in runs}
    window = timedelta(days=rules().restrict_days_after)
    for r in foot_load_restrictions(runs, today, rules()):
        assert r.trigger_date in run_days and r.trigger_date <= today
        assert r.trigger_date <= r.day <= r.trigger_date + window
        assert r.day >= today


# Run records ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"distance_m": -1.0}, "distance_m"),
        ({"distance_m": math.nan}, "distance_m"),
        ({"moving_s": 400.0, "elapsed_s": 300.0}, "moving_s"),
        ({"rpe": 11}, "rpe"),
    ],
)
def test_a_run_record_rejects_impossible_values(kwargs: dict[str, Any], field: str) -> None:
    values: dict[str, Any] = {
        "date": MONDAY,
        "distance_m": 5000.0,
        "moving_s": 1500.0,
        "elapsed_s": 1600.0,
        **kwargs,
    }
    with pytest.raises(InputError) as err:
        RunRecord(**values)
    assert err.value.field == field


# The data file ----------------------------------------------------------------------------------


def raw_rules() -> dict[str, Any]:
    return read_toml("load_rules.toml")


def test_the_shipped_spike_bands_are_frandsens() -> None:
    t = rules().spike_thresholds
    assert [(x.band, x.over_pct, x.hrr, x.ci) for x in t] == [
        (SpikeBand.SMALL, 10, 1.64, (1.31, 2.05)),
        (SpikeBand.MODERATE, 30, 1.52, (1.16, 2.00)),
        (SpikeBand.LARGE, 100, 2.28, (1.50, 3.48)),
    ]
    assert rules().spike_window_days == 30


def test_the_shipped_restriction_rule_follows_moderate_and_large_spikes_and_sharp_weeks() -> None:
    assert rules().restrict_after_spikes == {SpikeBand.MODERATE, SpikeBand.LARGE}
    assert rules().restrict_after_sharp_week and rules().sharp_week_pct == 20
    assert rules().restrict_days_after == 3


def test_an_unknown_key_in_the_data_file_is_a_one_line_data_file_error() -> None:
    raw = raw_rules()
    raw["spike"]["thresholds"] = [1]
    with pytest.raises(DataFileError) as err:
        parse_load_rules(raw)
    assert "spike.thresholds" in str(err.value) and "\n" not in str(err.value)


def test_spike_bands_out_of_order_are_rejected() -> None:
    raw = raw_rules()
    raw["spike"]["bands"].reverse()
    with pytest.raises(DataFileError, match="bands must rise"):
        parse_load_rules(raw)


def test_a_hazard_ratio_outside_its_interval_is_rejected() -> None:
    raw = raw_rules()
    raw["spike"]["bands"][0]["hrr"] = 3.0
    with pytest.raises(DataFileError, match="confidence interval"):
        parse_load_rules(raw)


def test_a_ramp_growing_faster_than_the_single_run_reference_band_is_rejected() -> None:
    raw = raw_rules()
    raw["minimalist"]["growth_pct"] = 15
    with pytest.raises(DataFileError, match="growth_pct"):
        parse_load_rules(raw)


def test_a_milestone_with_the_fields_of_another_kind_is_rejected() -> None:
    raw = raw_rules()
    raw["minimalist"]["milestone"][0]["test"] = "heel_raise_reps"
    with pytest.raises(DataFileError, match="training_weeks milestone"):
        parse_load_rules(raw)


def test_a_milestone_naming_no_assessment_test_is_rejected() -> None:
    parsed = parse_load_rules(raw_rules())
    with pytest.raises(DataFileError, match="unknown test 'heel_raise_reps'"):
        check_references(parsed, frozenset({"single_leg_stance_eyes_open_s"}))


@pytest.mark.skipif(not EVIDENCE.exists(), reason="data/evidence.toml is not in the repo yet")
def test_every_rule_cites_an_evidence_row_and_the_loaders_build() -> None:
    assert load_load_rules() == rules()
    assert load_footwear_rules().ramp.pause_pain == 3
