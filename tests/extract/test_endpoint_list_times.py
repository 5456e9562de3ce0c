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
