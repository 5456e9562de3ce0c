"""Wordings close to the ones the grammar now drops or regroups, that must stay as they were:
results after a met hypothesis, a pair ordered by "than", a group after "while", a size list
that is no assignment. Sentences written for the tests."""

from __future__ import annotations

import pytest

from etl.extract.context import record_context
from etl.extract.grammar import parse_sentence
from etl.extract.trial_arms import sized_groups

_COMPARISON = ("drug K", "chemotherapy")


def _read(sentence: str) -> list[tuple]:
    return [
        (f.endpoint, f.measure, f.value, f.arm)
        for f in parse_sentence(sentence, None, _COMPARISON, list(_COMPARISON))
    ]


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        # a hypothesis met, or generated, is no design assumption: its results stay
        (
            "The primary hypothesis was met: median OS was 16.2 months with drug K versus 11.5 "
            "months with chemotherapy (HR 0.69).",
            [16.2, 11.5, 0.69],
        ),
        ("In a hypothesis-generating analysis, PFS was 8.1 vs 5.2 months.", [8.1, 5.2]),
        ("Assuming proportional hazards, the HR for OS was 0.72 (95% CI 0.60-0.86).", [0.72]),
        # a list of reasons for stopping ends at its clause
        (
            "The most common reasons for treatment discontinuation were progression; the ORR was "
            "35% with drug K versus 20% with chemotherapy.",
            [35.0, 20.0],
        ),
    ],
)
def test_results_near_plan_and_disposition_words_stay(sentence: str, values: list[float]):
    assert [r[2] for r in _read(sentence)] == values


def test_a_pair_after_than_with_a_group_keeps_the_sentences_order():
    rows = _read("Median PFS was longer with drug K than with chemotherapy (12.1 vs 6.3 months).")
    assert [(r[2], r[3]) for r in rows] == [(12.1, "drug K"), (6.3, "chemotherapy")]


def test_a_rate_followed_by_with_and_another_rate_keeps_its_endpoint():
    rows = _read("The ORR was 45% with a CR rate of 10%.")
    assert [(r[0], r[2], r[3]) for r in rows] == [("ORR", 45.0, None), ("CR", 10.0, None)]


def test_a_subgroup_after_while_is_named_without_while():
    rows = _read("The ORR was 40%, while PD-L1-positive patients had a rate of 55%.")
    assert rows[-1][2:] == (55.0, "PD-L1-positive")


def test_a_factor_as_subject_yields_to_the_records_groups_the_sentence_names():
    rows = _read("Patients with squamous histology had improved OS (HR 0.70) with drug K.")
    assert [(r[2], r[3]) for r in rows] == [(0.7, "drug K")]


def test_a_reduction_in_the_hazard_restates_a_ratio():
    assert _read("Drug K reduced the hazard of death by 25%.") == []


def test_an_adjective_ending_in_ly_opens_a_group():
    context = record_context(
        ["Patients were randomly assigned to early palliative care or standard oncology care."]
    )
    assert context.labels == ["early palliative care", "standard oncology care"]


def test_counts_of_later_treatments_are_no_arms():
    assert (
        sized_groups("Subsequent therapy: 45 received docetaxel and 30 received nivolumab.") == []
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a harm that says who is counted is no endpoint of the values after it
        (
            "ORR was 65% in patients with grade 2 or higher neuropathy versus 40% in those without.",
            [("ORR", 65.0), ("ORR", 40.0)],
        ),
        (
            "Median OS was 14.2 months in patients with hypothyroidism vs 9.1 months in those "
            "without.",
            [("OS", 14.2), ("OS", 9.1)],
        ),
        (
            "Patients who developed colitis had a higher ORR (60% vs 30%).",
            [("ORR", 60.0), ("ORR", 30.0)],
        ),
    ],
)
def test_a_harm_that_defines_a_subgroup_is_no_endpoint(sentence: str, expected: list):
    assert [(f.endpoint, f.value) for f in parse_sentence(sentence)] == expected
