"""A group's result broken into its parts right after it ("the ORR in the A arm was 61.0%, with
a 49.0% PR rate and a 12.0% CR rate"), and a clause after a semicolon that puts its own group
first ("; in the B arm, the ORR was 63.0%"): the parts are that group's. Sentences written for
the tests."""

from __future__ import annotations

import pytest

from etl.extract.grammar import parse_sentence


def _arms(text: str) -> list[tuple[str, float, str | None]]:
    return [(f.endpoint, f.value, f.arm) for f in parse_sentence(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The ORR in the drug K arm was 61.0%, with a 49.0% PR rate and a 12.0% CR rate.",
            [("ORR", 61.0, "drug K arm"), ("PR", 49.0, "drug K arm"), ("CR", 12.0, "drug K arm")],
        ),
        (
            "The ORR was 58.0% in the drug K arm, with a 45.0% partial response rate.",
            [("ORR", 58.0, "drug K arm"), ("PR", 45.0, "drug K arm")],
        ),
        (
            "A median OS of 20.1 months was seen in the drug K group, with a 2-year OS rate of 43%.",
            [("OS", 20.1, "drug K group"), ("OS", 43.0, "drug K group")],
        ),
    ],
)
def test_the_parts_of_a_group_result_are_that_group_s(text, expected):
    assert _arms(text) == expected


def test_a_clause_after_a_semicolon_may_put_its_own_group_first():
    text = (
        "The ORR in the drug K arm was 61.0% (OR vs control, 1.32; 95% CI, 0.89-1.98); "
        "in the drug K+L arm, the ORR was 63.0% with a 47.0% PR rate."
    )
    got = [(f.endpoint, f.measure, f.value, f.arm) for f in parse_sentence(text)]
    assert ("ORR", "rate", 63.0, "drug K+L arm") in got
    assert ("PR", "rate", 47.0, "drug K+L arm") in got
    assert ("ORR", "rate", 61.0, "drug K arm") in got


@pytest.mark.parametrize(
    "text",
    [
        # another group compared: the second value is not the first one's group's
        "The ORR was 61.0% in the drug K arm versus 30.0%.",
        # the whole population, after a group's
        "The ORR was 61.0% in the drug K arm, and the CR rate overall was 12.0%.",
        # a clause of its own
        "The ORR was 61.0% in the drug K arm; the CR rate was 12.0%.",
    ],
)
def test_a_value_after_another_group_or_clause_takes_no_group_from_it(text):
    arms = [f.arm for f in parse_sentence(text)]
    assert arms[0] == "drug K arm"
    assert arms[1] != "drug K arm"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a run of events in brackets, closed by the group they are all of, then the next group's
        (
            "Grade 3 or worse events were rash (31.5%), fatigue (22.4%), and febrile neutropenia "
            "(11.2%) for DK and rash (8.5%) for DL.",
            [("AE", 31.5, "DK"), ("AE", 22.4, "DK"), ("AE", 11.2, "DK"), ("AE", 8.5, "DL")],
        ),
        # two results of one group, its name after both, intervals between them
        (
            "The ORR was 40% (95% CI, 30-50) and the median DOR 8.1 months (95% CI, 6.0-9.9) with "
            "drug K, compared with 20% and 5.0 months with drug L.",
            [
                ("ORR", 40.0, "drug K"),
                ("DOR", 8.1, "drug K"),
                ("ORR", 20.0, "drug L"),
                ("DOR", 5.0, "drug L"),
            ],
        ),
        # a group whose name joins its agents with "with", a group noun closing it
        (
            "The median PFS was 23.4 months (95% CI 19.0, 27.1) in the drug K with drug L arm and "
            "16.2 months (95% CI 14.1, 18.3) in the drug M arm.",
            [("PFS", 23.4, "drug K with drug L arm"), ("PFS", 16.2, "drug M arm")],
        ),
    ],
)
def test_the_values_before_the_group_named_after_them_are_that_group_s(text, expected):
    assert [(value, arm) for _, value, arm in _arms(text)] == [(v, a) for _, v, a in expected]


@pytest.mark.parametrize(
    "text",
    [
        # the whole population first, then a group's
        "The ORR was 40% overall and 55% in the drug K arm.",
        # a population of its own before the group's value
        "The ORR was 40% among all patients and the DCR 70% in the drug K arm.",
        # a pair of values: not one group's, whatever the group after the next value
        "The ORR was 40% vs 25%, and the DCR 70% in the drug M arm.",
    ],
)
def test_a_value_before_another_group_s_takes_no_group_from_it_across_a_population(text):
    assert _arms(text)[0][2] is None
