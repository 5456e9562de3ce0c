"""A unit announced once for the list after it, as results summaries and conference abstracts
write them: "median PFS (months [95% CI]) was ...; Cohort A: ...", "ORR (%): 45 vs 30", and a
list whose brackets are announced as ranges. Documents and sentences written for the tests."""

from __future__ import annotations

import polars as pl
import pytest

from etl.extract.grammar import parse_sentence
from tests.conftest import outcomes_of


def _read(sentence: str) -> list[tuple]:
    return [
        (
            f.endpoint,
            f.value,
            f.unit,
            f.arm or None,
            (f.ci.lower, f.ci.upper, f.ci.level) if f.ci else None,
        )
        for f in parse_sentence(sentence)
    ]


def test_a_unit_announced_in_brackets_is_the_unit_of_every_value_of_the_list():
    sentence = (
        "Median PFS (months [95% CI]) for all patients was 11.5 (9.3-14.1); Group 1: 12.4 "
        "(8.8-16.0); Group 2: 10.2 (7.1-13.5); Cohort C: 9.9 (6.0-12.2)."
    )
    assert _read(sentence) == [
        ("PFS", 11.5, "months", None, (9.3, 14.1, 95.0)),
        ("PFS", 12.4, "months", "Group 1", (8.8, 16.0, 95.0)),
        ("PFS", 10.2, "months", "Group 2", (7.1, 13.5, 95.0)),
        ("PFS", 9.9, "months", "Cohort C", (6.0, 12.2, 95.0)),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("ORR (%): 45 vs 30.", [("ORR", 45.0, "percent"), ("ORR", 30.0, "percent")]),
        ("Median OS, mo: 12.1 vs 9.8.", [("OS", 12.1, "months"), ("OS", 9.8, "months")]),
        # (a value with a unit of its own ends the announced list: the count is no time)
        (
            "Median OS (months) was 14.0 vs 11.2, and 31% vs 22% were alive at 3 years.",
            [
                ("OS", 14.0, "months"),
                ("OS", 11.2, "months"),
                ("OS", 31.0, "percent"),
                ("OS", 22.0, "percent"),
            ],
        ),
    ],
)
def test_the_announced_unit_spellings(sentence: str, expected: list[tuple]):
    assert [r[:3] for r in _read(sentence)] == expected


def test_a_number_that_stands_as_no_value_of_the_list_takes_no_unit():
    # (a patient count and a year after an announced unit)
    read = _read("Median OS (months) in 2019 was 14.0 in 120 patients.")
    assert [r[:3] for r in read] == [("OS", 14.0, "months")]


def test_brackets_announced_as_ranges_are_no_confidence_intervals():
    sentence = (
        "Median follow-up (months [range]) was 15.0 (0.9-40.2); Group 1: 17.5 (1.2-40.0); "
        "Group 2: 14.1 (0.9-40.2)."
    )
    read = _read(sentence)
    assert [(r[0], r[1], r[3], r[4]) for r in read] == [
        ("FOLLOWUP", 15.0, None, None),
        ("FOLLOWUP", 17.5, "Group 1", None),
        ("FOLLOWUP", 14.1, "Group 2", None),
    ]


def test_a_sentence_whose_only_unit_is_announced_is_read_in_a_document():
    text = (
        "Drug K in advanced cutaneous carcinoma: a phase 2 study of three dose groups\n"
        "Methods: Patients received drug K in three groups (G1, G2 and G3).\n"
        "Results: Median duration of response (months [95% CI]) was 20.1 (15.2-24.0); "
        "G1: 22.3 (16.0-28.5); G2: 19.0 (12.2-25.1).\n"
    )
    outcomes = outcomes_of({"abstract.txt": text})
    rows = outcomes.select("endpoint", "value", "unit", "arm_label").rows()
    assert rows == [
        ("DOR", 20.1, "months", None),
        ("DOR", 22.3, "months", "G1"),
        ("DOR", 19.0, "months", "G2"),
    ]
    assert outcomes.filter(pl.col("ci_lower").is_null()).height == 0
