"""Arm sizes a record gives where it reports its results, not in a list of assigned groups: a
size after a declared group's name, counts before their groups, one size for every group."""

from __future__ import annotations

import pytest

from etl.documents.stage import stage_documents
from etl.extract import sentences_frame, trial_arms_frame
from etl.extract.trial_facts import stated_enrolments
from tests.conftest import files_frame

_PAD = " Safety and quality of life were assessed throughout the study period." * 5


def _arms(text: str) -> list[tuple[str, int]]:
    staged = stage_documents(files_frame({"abstract.txt": text + _PAD + "\n"}))
    frame = trial_arms_frame(sentences_frame(staged.record_lines, staged.publications))
    for label, n, start, end in frame.select(
        "label", "n_patients", "char_start", "char_end"
    ).rows():
        assert str(n) in text[start:end], (label, text[start:end])
    return frame.sort("arm_order").select("label", "n_patients").rows()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # sizes given where the medians are
            "BACKGROUND: Patients were randomly assigned to drug K or chemotherapy. RESULTS: The "
            "median EFS was not reached in the drug K arm (n = 410), while it was 40.2 months in "
            "the chemotherapy arm (n = 405; HR, 0.70; 95% CI, 0.57-0.86).",
            [("drug K", 410), ("chemotherapy", 405)],
        ),
        (  # the subject of the result, sized, against the comparator sized after "vs"
            "Patients were randomized 2:1 to drug K or investigator's choice (IC). With 30 "
            "months of follow-up, drug K (n = 200) improved overall survival vs IC (n = 101).",
            [("drug K", 200), ("investigator's choice", 101)],
        ),
        (  # bare counts in brackets, in a sentence that tells the assignment
            "Patients were randomized to receive DRK 480 mg or PBO every 4 weeks. Overall, 600 "
            "patients were randomized to DRK (400) vs PBO (200); most had stage IIB disease.",
            [("DRK", 400), ("PBO", 200)],
        ),
        (  # counts, then their groups, "respectively"
            "This randomized trial compared drug K versus placebo. A total of 630 patients were "
            "randomly assigned (420 and 210 into the drug K and placebo arms, respectively).",
            [("drug K", 420), ("placebo", 210)],
        ),
        (  # counts, then their groups in a "versus" list
            "Patients were randomised to drug K monotherapy or placebo. At the cutoff, 300 and 99 "
            "pts were randomised to drug K monotherapy vs placebo.",
            [("drug K monotherapy", 300), ("placebo", 99)],
        ),
        (  # one size for each group, after the total
            "Patients were randomly assigned to drug K plus RT or drug L plus RT. A total of 500 "
            "patients were randomized, 250 to each arm.",
            [("drug K plus RT", 250), ("drug L plus RT", 250)],
        ),
        (  # a total broken down into its groups, after "were enrolled"
            "Results: 120 patients were enrolled (G1: 40; G2: 50; G3: 30).",
            [("G1", 40), ("G2", 50), ("G3", 30)],
        ),
    ],
)
def test_arm_sizes_stated_where_results_are_given(text: str, expected: list[tuple[str, int]]):
    assert _arms(text) == expected


def test_a_subgroups_sizes_are_not_the_arms():
    text = (
        "Patients were randomly assigned to drug K or placebo. In the PD-L1 ≥ 50% subgroup, the "
        "response rate was 40% with drug K (n = 120) and 20% with placebo (n = 118)."
    )
    assert _arms(text) == []


def test_sizes_that_add_up_to_more_than_the_enrolment_are_not_the_arms():
    text = (
        "A total of 300 patients were randomly assigned to drug K or placebo. Among patients "
        "evaluable at two sites, the rate was 40% with drug K (n = 250) and 20% with placebo "
        "(n = 240)."
    )
    assert _arms(text) == []


def test_the_enrolment_of_listed_counts_is_their_sum():
    assert stated_enrolments("At the cutoff, 300 and 99 pts were randomised to K vs L.") == [399]
    assert stated_enrolments(
        "In all, 200, 150 and 100 patients were randomized to K, L and M."
    ) == [450]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # those treated in a named study
        (
            "Among 24 patients treated in the multicenter Study 204, the response rate was 40%.",
            [24],
        ),
        # the dates of enrolment between the count and its verb
        (
            "In the open-label trial, 360 patients enrolled between April 2018 and May 2021 were "
            "randomly assigned 2:1 to receive drug K or drug L.",
            [360],
        ),
        # a subgroup treated with a drug is no enrolment
        ("Among 40 patients treated with drug K, 10 responded.", []),
    ],
)
def test_enrolments_worded_as_regulators_and_news_word_them(sentence: str, expected: list[int]):
    assert stated_enrolments(sentence) == expected
