"""Survival estimates given with their spread ("72% ± 4%", "0.64 ± 0.12", "80% (SE 4%)"), and the
time point a record declares once for its rates ("Outcomes are reported as 5-year EFS rates").
The sentences are written for these tests."""

from __future__ import annotations

import pytest

from etl.documents.stage import stage_documents
from etl.extract import outcomes_frame, sentences_frame
from etl.vocab.endpoints import endpoint_mentions
from tests.conftest import files_frame


def _rows(text: str) -> list[tuple]:
    staged = stage_documents(files_frame({"doc.txt": text}))
    outcomes, _ = outcomes_frame(sentences_frame(staged.record_lines, staged.publications))
    return (
        outcomes.sort("char_start")
        .select("endpoint", "value", "timepoint_months", "arm_label")
        .rows()
    )


@pytest.mark.parametrize(
    "spread",
    [" ± 4%", "±4%", " +/- 4%", " (SE 4%)", " (SE, 4%)", " (± SE 4%)", " (SD = 4%)"],
)
def test_a_rate_given_with_its_spread_keeps_the_group_named_after_the_spread(spread: str):
    text = (
        f"The 4-year EFS was 71%{spread} in the low-dose group and 56%{spread} in the high-dose "
        "group (P = .02)."
    )
    rows = _rows(text)
    # (the spread is no rate of its own, and each rate is of the group named after its spread)
    assert [(v, arm) for _, v, _, arm in rows] == [
        (71.0, "low-dose group"),
        (56.0, "high-dose group"),
    ]
    assert {tp for _, _, tp, _ in rows} == {48.0}


def test_a_proportion_given_with_its_spread_is_a_rate_as_written():
    rows = _rows(
        "Five-year OS was 0.83 ± 0.04 in the observation arm and 0.71±0.05 in the radiotherapy arm."
    )
    assert rows == [("OS", 0.83, 60.0, "observation arm"), ("OS", 0.71, 60.0, "radiotherapy arm")]


def test_a_decimal_with_a_spread_outside_a_results_sentence_is_no_rate():
    # (a measurement given with its spread: no survival, response or rate is named)
    assert _rows("Mean tumour thickness was 0.62 ± 0.11 cm in the cohort (12 patients).") == []


def test_a_declared_landmark_gives_the_rates_after_it_their_time_point():
    text = (
        "Survival results are reported as 3-year EFS rates. "
        "EFS was 0.72 ± 0.05 in the surgery group and 0.49 ± 0.06 in the chemoradiation group."
    )
    assert [(v, tp) for _, v, tp, _ in _rows(text)] == [(0.72, 36.0), (0.49, 36.0)]


def test_a_time_point_said_with_values_is_not_carried_to_the_next_sentence():
    # (the second sentence's rates may be event rates: they keep no time point)
    text = (
        "The 5-year OS rate was 88.1% in the A arm and 84.0% in the B arm. "
        "The OS event rates were 12.3% and 17.5% in the A and B arms, respectively."
    )
    assert [tp for _, _, tp, _ in _rows(text)] == [60.0, 60.0, None, None]


def test_a_landmark_is_not_carried_into_the_next_document():
    first = "Outcomes are reported as 2-year PFS rates. The trial enrolled 80 patients."
    second = "PFS rates were 61% and 40% in the A and B arms, respectively."
    staged = stage_documents(files_frame({"a.txt": first, "b.txt": second}))
    outcomes, _ = outcomes_frame(sentences_frame(staged.record_lines, staged.publications))
    assert outcomes.get_column("timepoint_months").to_list() == [None, None]


@pytest.mark.parametrize("population", ["PR-pts", "CR patients", "VGPR pts"])
def test_patients_in_a_response_are_a_group_not_a_result_named(population: str):
    text = f"EFS was 0.41 ± 0.05 for {population} and 0.30 ± 0.04 for the others."
    assert [m[3] for m in endpoint_mentions(text)] == ["EFS"]


@pytest.mark.parametrize(
    "sentence",
    [
        # (a measurement given with its spread, a rate named after it)
        "The mean relative dose intensity was 0.92 ± 0.08, and the objective response rate was 45%.",
        "Mean ejection fraction fell from 0.62 ± 0.05 to 0.55 ± 0.07 in patients with a response.",
    ],
)
def test_a_measurement_with_its_spread_is_no_rate(sentence: str):
    assert all(value >= 1 for _, value, _, _ in _rows(sentence))


def test_naming_a_landmark_without_saying_how_rates_are_given_declares_none():
    text = (
        "Historically, 5-year OS in relapsed disease is poor. The OS rate at last contact was 45%."
    )
    assert [tp for _, _, tp, _ in _rows(text)] == [None]


@pytest.mark.parametrize(
    ("sentence", "interval"),
    [
        ("Three-year EFS was 61.2%, 95% CI = (48.0%, 74.9%).", (48.0, 74.9)),
        ("The 3-year OS was 80.4%, 95% CI (70.1, 92.6).", (70.1, 92.6)),
        ("The hazard ratio was 0.74, 95% CI = (0.60-0.91), P = .004.", (0.60, 0.91)),
    ],
)
def test_an_interval_bracketed_after_its_label_is_the_values(sentence: str, interval: tuple):
    staged = stage_documents(files_frame({"doc.txt": sentence}))
    outcomes, _ = outcomes_frame(sentences_frame(staged.record_lines, staged.publications))
    # (its bounds are no values of their own)
    assert outcomes.select("ci_level", "ci_lower", "ci_upper").rows() == [(95.0, *interval)]
