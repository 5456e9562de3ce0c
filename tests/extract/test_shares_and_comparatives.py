"""How a report words shares of responders reaching a duration, values listed after "at", and the
groups a comparison's adjective stands before. Sentences written for the tests."""

from __future__ import annotations

import pytest

from etl.extract.context import record_context
from etl.extract.grammar import parse_sentence
from etl.extract.trial_arms import versus_sized_groups
from tests.conftest import outcomes_of


def _read(sentence: str) -> list[tuple]:
    return [
        (f.endpoint, f.measure, f.value, f.timepoint_months, f.arm)
        for f in parse_sentence(sentence, comparison=("drug K", "placebo"), arms=None)
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (  # a share of responders whose response lasted: its duration's rate at that time
            "The overall response rate was 40% (95% CI, 20%-60%), and 25% of responders had a "
            "duration of response of 6 months or longer.",
            [("ORR", "rate", 40.0, None, None), ("DOR", "rate", 25.0, 6.0, None)],
        ),
        (
            "Of the responding patients, 55% had a response lasting 12 months or longer.",
            [("DOR", "rate", 55.0, 12.0, None)],
        ),
        (
            "The response rate was 34%, with 23% of patients having a duration of response of "
            "≥ 9 months.",
            [("ORR", "rate", 34.0, None, None), ("DOR", "rate", 23.0, 9.0, None)],
        ),
        (  # a time passed, in weeks: the rates' time point
            "The PFS rate at 12 weeks or longer was 40.1% vs 30.2% with drug K vs placebo.",
            [
                ("PFS", "rate", 40.1, pytest.approx(12 / 4.348), "drug K"),
                ("PFS", "rate", 30.2, pytest.approx(12 / 4.348), "placebo"),
            ],
        ),
        (  # values listed after "at" are values, not a time point
            "Time to next treatment was longer with drug K vs placebo, at 5.8 months vs 3.2 "
            "months, respectively.",
            [("OTHER", "median", 5.8, None, "drug K"), ("OTHER", "median", 3.2, None, "placebo")],
        ),
    ],
)
def test_shares_and_values_a_report_words_this_way(sentence: str, expected: list[tuple]):
    assert _read(sentence) == expected


def test_what_else_a_share_had_is_still_read_as_its_endpoint():
    assert _read("Grade 3 events occurred in 30% of patients; 12% had a serious adverse event.")[1][
        :3
    ] == ("AE", "rate", 12.0)


def test_a_comparative_adjective_is_never_a_declared_group():
    context = record_context(
        [
            "Drug K improves PFS in advanced sarcoma.",
            "The median PFS with drug K (n = 188) was 2.8 months vs 2.1 months with placebo "
            "(n = 97).",
            "PFS was significantly longer in the investigative arm vs the control arm at 12 "
            "weeks or longer, at 46.8% vs 34.0%, respectively.",
        ]
    )
    assert context.labels == ["drug K", "placebo"]


def test_a_role_word_of_the_experimental_arm_names_it():
    context = record_context(
        [
            "PFS was longer in the investigative arm than in the control arm (hazard ratio, 0.70).",
        ]
    )
    assert context.resolve("investigative arm") == context.experimental


def test_groups_counted_then_given_a_regimen_are_named_by_the_regimen():
    context = record_context(
        [
            "A total of 200 patients were randomized to 12 cycles of drug K plus drug M, and an "
            "additional 198 received a drug L-plus-drug M regimen."
        ]
    )
    assert context.labels[0] == "drug K plus drug M"
    assert context.labels[1].startswith("drug L-plus-drug M")


def test_a_colon_inside_an_interval_does_not_open_the_list_of_groups():
    sentence = (
        "mOS was 12.1 months with drug K (95% CI: 10.7-14.0) (n=235) vs 6.7 months with "
        "chemotherapy (95% CI: 5.8-7.7) (n=233); HR: 0.48."
    )
    assert [label for label, *_ in versus_sized_groups(sentence)] == ["drug K", "chemotherapy"]


@pytest.mark.parametrize(
    "sentence",
    [
        "ORR was 20.6% for drug K versus 2.0% for placebo (difference: 18.6%; 95% CI 8.3-27.6).",
        "The response rate was 22.6% vs 4.0%, a difference of 18.6%.",
    ],
)
def test_a_difference_labelled_before_its_value_is_a_difference(sentence: str):
    read = parse_sentence(sentence, comparison=("drug K", "placebo"), arms=None)
    assert [(f.measure, f.value) for f in read if f.value == 18.6] == [("difference", 18.6)]


def _ratios_read(sentence: str, comparison: tuple[str, str]) -> list[tuple]:
    """(measure, value, CI bounds) of every number the sentence gives."""
    read = parse_sentence(sentence, comparison=comparison, arms=None)
    return [(f.measure, f.value, f.ci.lower, f.ci.upper) for f in read]


def test_a_ratio_naming_what_it_compares_with_before_its_value_is_read():
    assert _ratios_read(
        "The primary analysis supported approval (hazard ratio [HR] vs investigator choice of "
        "treatment = 0.55, 95% CI = 0.40-0.75, P < .0001).",
        ("drug K", "investigator's choice"),
    ) == [("hazard_ratio", 0.55, 0.40, 0.75)]


def test_a_median_whose_unit_follows_its_range_is_read_in_a_whole_record():
    text = (
        "Drug K versus drug L in relapsed lymphoma\n\n"
        "Patients were randomized to drug K or drug L. 300 were treated. Median (range) "
        "follow-up: 22.4 (0.5-40.1) mo. Most had received two prior lines.\n"
    )
    outcomes = outcomes_of({"abstract.txt": text})
    assert ("FOLLOWUP", "median", 22.4) in outcomes.select("endpoint", "measure", "value").rows()


def test_a_ratio_naming_its_comparator_compares_the_group_of_the_value_before_it():
    read = parse_sentence(
        "The ORR in the K+L arm was 61.9% (OR vs L, 1.32; 95% CI, 0.89-1.98); in the K+L+M arm, "
        "the ORR was 63.6% (OR vs L, 1.44; 95% CI, 0.95-2.18).",
        comparison=("K+L", "K+L+M"),
        arms=["L", "K+L", "K+L+M"],
    )
    assert [(f.value, f.arm, f.comparator) for f in read if f.measure == "odds_ratio"] == [
        (1.32, "K+L arm", "L"),
        (1.44, "K+L+M arm", "L"),
    ]


def test_the_events_a_ratio_is_based_on_are_not_its_value():
    assert _ratios_read(
        "The stratified hazard ratio for PFS based on 231 events was 1·18 (95% CI, 0·91-1·53) "
        "favouring the placebo arm.",
        ("drug K", "placebo"),
    ) == [("hazard_ratio", 1.18, 0.91, 1.53)]


def test_a_ratio_stated_after_the_events_it_counts_among_how_many_is_read():
    assert _ratios_read(
        "The PFS hazard ratio (HR) after PFS events in 280 of 340 patients was 0.52 (95% CI, "
        "0.41 to 0.66; P < .001).",
        ("drug K", "placebo"),
    ) == [("hazard_ratio", 0.52, 0.41, 0.66)]
