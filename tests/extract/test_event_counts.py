"""Counts of events by group ("13 deaths in the A group and 22 in the B group"): each group's
count is a result of the endpoint whose events it counts; a total, a count stated with its share
and deaths from a named cause are not. Documents written for the tests."""

from __future__ import annotations

import polars as pl
import pytest

from etl.documents.stage import stage_documents
from etl.extract import outcomes_frame, sentences_frame
from tests.conftest import files_frame

_DECLARED = (
    "Zorvatinib versus placebo in advanced widget carcinoma: the phase 3 KESTREL-4 trial\n\n"
    "Patients were randomly assigned to zorvatinib (n=300) or placebo (n=298). "
)


def _counts(sentence: str) -> list[tuple]:
    staged = stage_documents(files_frame({"abstract.txt": _DECLARED + sentence}))
    outcomes, _ = outcomes_frame(sentences_frame(staged.record_lines, staged.publications))
    return (
        outcomes.filter(pl.col("measure") == "count")
        .sort("char_start")
        .select("endpoint", "value", "arm_label")
        .rows()
    )


def _groups(rows: list[tuple]) -> list[tuple]:
    """(endpoint, value, the group's drug): the group's name without 'group'/'arm'."""
    return [(e, v, (a or "").split()[0]) for e, v, a in rows]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Death had occurred in 120 patients in the zorvatinib group and 151 patients in "
            "the placebo group.",
            [("OS", 120.0, "zorvatinib"), ("OS", 151.0, "placebo")],
        ),
        (
            "There were 88 investigator-assessed progressions or deaths in the zorvatinib arm "
            "and 140 in the placebo arm.",
            [("PFS", 88.0, "zorvatinib"), ("PFS", 140.0, "placebo")],
        ),
        (
            "At the interim analysis (13 deaths in zorvatinib group and 22 in placebo group; "
            "p=0.02), survival favoured zorvatinib.",
            [("OS", 13.0, "zorvatinib"), ("OS", 22.0, "placebo")],
        ),
        (
            "We observed 45 PFS events with zorvatinib vs 60 with placebo.",
            [("PFS", 45.0, "zorvatinib"), ("PFS", 60.0, "placebo")],
        ),
        (
            "Overall, 67 and 74 patients died in the zorvatinib and placebo arms, respectively.",
            [("OS", 67.0, "zorvatinib"), ("OS", 74.0, "placebo")],
        ),
    ],
)
def test_a_count_of_events_of_each_group_is_a_result_of_what_it_counts(
    sentence: str, expected: list[tuple]
):
    assert _groups(_counts(sentence)) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # a total: how mature the analysis is
        "The final analysis was done after a total of 131 deaths had occurred.",
        # a count with its share: the share is the result
        "There were 88 progressions or deaths (29%) in the zorvatinib group.",
        # deaths from a named cause: adverse events
        "Two deaths due to sepsis occurred in the zorvatinib group.",
        "One patient in the zorvatinib arm died of pneumonia.",
        # events that are no time to an event
        "There were 12 serious adverse events in the zorvatinib group.",
    ],
)
def test_what_is_not_a_group_s_count_of_events_is_not_read_as_one(sentence: str):
    assert _counts(sentence) == []


def test_a_group_named_with_leading_digits_takes_its_count():
    # (a radioligand's name opens with its mass number)
    staged = stage_documents(
        files_frame(
            {
                "abstract.txt": "Patients were randomly assigned to 177Lu-zorvotide (n=116) or "
                "octreotide (n=113). There were 23 progressions or deaths in the 177Lu-zorvotide "
                "arm and 67 in the octreotide arm."
            }
        )
    )
    outcomes, _ = outcomes_frame(sentences_frame(staged.record_lines, staged.publications))
    rows = outcomes.filter(pl.col("measure") == "count").sort("char_start")
    assert rows.select("value").to_series().to_list() == [23.0, 67.0]
    assert [a.split()[0] for a in rows.get_column("arm_label")] == ["177Lu-zorvotide", "octreotide"]


def test_a_total_that_had_occurred_is_not_a_group_s_count_whatever_the_sentence_says_next():
    sentence = (
        "By the cutoff, 405 PFS events had occurred and 208 placebo-treated patients had "
        "crossed over to zorvatinib."
    )
    assert _counts(sentence) == []
