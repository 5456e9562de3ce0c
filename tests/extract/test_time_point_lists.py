"""Rates at several landmarks, named by their times only, listed as pairs of the two groups:
"Rates at 12, 24, and 36 months were 58% vs 42%, 36% vs 19%, and 26% vs 12%, respectively".
Sentences written for the tests."""

from __future__ import annotations

import pytest

from tests.conftest import parsed_with_groups


def _read(sentence: str, context: tuple[str, str] | None) -> list[tuple]:
    facts = parsed_with_groups(sentence, ["drug K group", "control group"], context)
    return [(f.endpoint, f.value, f.timepoint_months, f.arm) for f in facts]


def test_pairs_at_landmarks_take_one_landmark_a_pair_and_the_last_time_to_an_event():
    sentence = (
        "Rates at 6, 12, and 24 months were 71% vs 60%, 52% vs 38%, and 30% vs 21%, respectively."
    )
    assert _read(sentence, ("PFS", "progression-free survival")) == [
        ("PFS", 71.0, 6.0, "drug K group"),
        ("PFS", 60.0, 6.0, "control group"),
        ("PFS", 52.0, 12.0, "drug K group"),
        ("PFS", 38.0, 12.0, "control group"),
        ("PFS", 30.0, 24.0, "drug K group"),
        ("PFS", 21.0, 24.0, "control group"),
    ]


def test_a_landmark_rate_takes_no_endpoint_that_is_no_time_to_an_event():
    # (the record's last endpoint a response rate: the landmark's rates are of no endpoint read)
    sentence = "Rates at 6 and 12 months were 71% vs 60% and 52% vs 38%, respectively."
    assert {r[0] for r in _read(sentence, ("ORR", "objective response rate"))} <= {"OTHER"}


def test_time_points_by_groups_keep_their_order_when_the_values_are_not_pairs():
    sentence = (
        "The OS rates at 1 and 2 years with drug K and with placebo were 90%, 80%, 70% and 60%, "
        "respectively."
    )
    read = _read(sentence, None)
    assert [(r[1], r[2]) for r in read] == [(90.0, 12.0), (80.0, 24.0), (70.0, 12.0), (60.0, 24.0)]
    assert read[0][3] == read[1][3] != read[2][3] == read[3][3]


def test_real_world_endpoints_are_the_endpoints_they_abbreviate():
    # (registry and chart-review studies write "rw" before PFS and OS)
    read = _read("Median rwPFS was 14.2 months and median RwOS was 30.1 months.", None)
    assert [(r[0], r[1]) for r in read] == [("PFS", 14.2), ("OS", 30.1)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a hyphen between the time and the endpoint, not before the unit
        ("The 24 month-PFS was 41.3% and the 24 month-OS was 62.0%.", [24.0, 24.0]),
        # "m" glued to the number, before the endpoint it is the time of
        ("The 48m OS rate was 40.2% and the 36m PFS rate was 30.0%.", [48.0, 36.0]),
    ],
)
def test_a_time_written_against_its_endpoint_is_the_rates_time_point(sentence, expected):
    assert [r[2] for r in _read(sentence, None)] == expected


def test_alive_and_free_of_the_disease_is_a_disease_free_rate_at_its_time():
    sentence = (
        "The share of patients alive and disease-free at 6 months was 74.9% in the drug K group "
        "and 60.3% in the control group."
    )
    assert _read(sentence, None) == [
        ("OTHER", 74.9, 6.0, "drug K group"),
        ("OTHER", 60.3, 6.0, "control group"),
    ]
