"""A list of endpoints whose rates are given at a time ("the OS and PFS rates at 12 months were
52% and 30%", "estimates of OS, PFS and NRM 12 months after dosing were ..."): the time is no
value of the list, and each rate is of its endpoint at that time; rates of patients who "were
progression-free". Sentences written for the tests."""

from __future__ import annotations

import pytest

from etl.extract.grammar import parse_sentence


def _read(text: str) -> list[tuple]:
    return [(f.endpoint, f.measure, f.value, f.timepoint_months) for f in parse_sentence(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The OS and PFS rates at 12 months were 52% and 30%.",
            [("OS", "rate", 52.0, 12.0), ("PFS", "rate", 30.0, 12.0)],
        ),
        (
            "Kaplan-Meier estimates of OS and PFS 12 months after infusion were 52% and 30%, "
            "respectively.",
            [("OS", "rate", 52.0, 12.0), ("PFS", "rate", 30.0, 12.0)],
        ),
        # a median list stays one: its times are its values
        (
            "Median OS and PFS were 12 months and 6 months, respectively.",
            [("OS", "median", 12.0, None), ("PFS", "median", 6.0, None)],
        ),
    ],
)
def test_a_time_the_listed_rates_are_at_is_no_value_of_the_list(text, expected):
    assert _read(text) == expected


def test_deaths_without_relapse_are_not_overall_survival():
    text = "Nonrelapse mortality (NRM) at 1 year was 6%."
    assert [f.endpoint for f in parse_sentence(text)] == ["OTHER"]


def test_patients_who_were_progression_free_at_a_time_are_a_pfs_rate():
    text = "At 5 years, 35% of patients in the drug K arm were progression-free."
    assert _read(text) == [("PFS", "rate", 35.0, 60.0)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Safety was consistent after 18.7-month median study follow-up.",
            [("FOLLOWUP", "median", 18.7, None)],
        ),
        (
            "Drug K cut the risk of progression by 81% vs control at 28.3-month median follow-up.",
            [("FOLLOWUP", "median", 28.3, None)],
        ),
    ],
)
def test_a_follow_up_written_as_an_adjective_is_read(text, expected):
    assert [r for r in _read(text) if r[0] == "FOLLOWUP"] == expected


def test_those_who_had_a_response_are_a_response_rate_unless_they_qualify_a_population():
    text = (
        "Overall, 43% of patients in the drug K group and 36% in the control group had a response."
    )
    assert [r[0] for r in _read(text)] == ["ORR", "ORR"]
    text = "The median time to response among patients who had a response was 9.6 months."
    assert [r[0] for r in _read(text)] == ["TTR"]
