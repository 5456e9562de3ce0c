"""The subgroup a result is of, kept apart from its arm (issue 19: subgroup hazard ratios).
Sentences written for the tests."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from etl.extract.grammar import parse_sentence

_ARMS = {"comparison": ("drug K", "placebo"), "arms": ["drug K", "placebo"]}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "PD-L1 ≥ 50% HR, 0.68 [95% CI, 0.52-0.90]; PD-L1 1-49% HR, 0.91 [95% CI, 0.72-1.15].",
            [(0.68, "drug K", "PD-L1 ≥ 50%"), (0.91, "drug K", "PD-L1 1-49%")],
        ),
        (
            "In the PD-L1 CPS ≥ 10 subgroup, OS HR was 0.61 (95% CI 0.50-0.75).",
            [(0.61, "drug K", "PD-L1 CPS ≥ 10")],
        ),
        (
            "3-year OS rates were 31% versus 20% for drug K versus placebo (TROP2 ≥ 1%) and 25% "
            "versus 12% (TROP2 < 1%).",
            [
                (31.0, "drug K", "TROP2 ≥ 1%"),
                (20.0, "placebo", "TROP2 ≥ 1%"),
                (25.0, "drug K", "TROP2 < 1%"),
                (12.0, "placebo", "TROP2 < 1%"),
            ],
        ),
        ("Among KRAS-mutant patients, the ORR was 41%.", [(41.0, None, "KRAS-mutant")]),
        # the whole population, and thresholds that name no subgroup
        ("Median OS was 16.0 vs 11.2 months (HR 0.70; P < 0.001).", None),
        ("Grade ≥3 adverse events occurred in 30% vs 21%.", None),
    ],
)
def test_the_subgroup_a_result_is_of_is_kept_beside_its_arm(sentence, expected):
    facts = parse_sentence(sentence, None, **_ARMS)
    if expected is None:
        assert [f.subgroup for f in facts] == [None] * len(facts)
    else:
        assert [(f.value, f.arm, f.subgroup) for f in facts] == expected


@given(
    st.sampled_from(["PD-L1", "CPS", "HER2", "TMB"]),
    st.sampled_from(["≥", "<", ">"]),
    st.integers(1, 99),
)
def test_any_threshold_before_a_ratio_is_its_subgroup(marker, operator, threshold):
    sentence = f"{marker} {operator} {threshold}% HR, 0.75 (95% CI, 0.60-0.94)."
    (ratio,) = parse_sentence(sentence, None, **_ARMS)
    assert (ratio.value, ratio.subgroup) == (0.75, f"{marker} {operator} {threshold}%")
