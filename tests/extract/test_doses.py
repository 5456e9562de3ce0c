"""Doses stated for agents: amount, unit, route and schedule, as written, after the agent."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from etl.extract.doses import doses_in
from etl.extract.trial_arms import sized_groups


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Patients received cabozantinib 60 mg orally once daily until progression.",
            [("cabozantinib", "60 mg orally once daily")],
        ),
        (
            "atezolizumab (1200 mg intravenously every 3 weeks) plus bevacizumab (15 mg/kg every 3 weeks)",
            [
                ("atezolizumab", "1200 mg intravenously every 3 weeks"),
                ("bevacizumab", "15 mg/kg every 3 weeks"),
            ],
        ),
        (
            "She was treated with lenvatinib at a starting dose of 8 mg/day.",
            [("lenvatinib", "a starting dose of 8 mg/day")],
        ),
        (
            "pembrolizumab monotherapy at doses of 2-10 mg/kg was given",
            [("pembrolizumab", "doses of 2-10 mg/kg")],
        ),
        (
            "regorafenib 120 mg, oral, on days 1-21 of each 28-day cycle",
            [("regorafenib", "120 mg, oral, on days 1-21 of each 28-day cycle")],
        ),
        ("nivolumab 240 mg q2w was continued", [("nivolumab", "240 mg q2w")]),
        # (a schedule's number in words, any of one to twelve: etl.vocab.numerals)
        (
            "ipilimumab 1 mg/kg every five weeks was added",
            [("ipilimumab", "1 mg/kg every five weeks")],
        ),
        (
            "zorvatinib 200 mg/m2 every eight weeks for two years",
            [("zorvatinib", "200 mg/m2 every eight weeks")],
        ),
    ],
)
def test_a_dose_after_its_agent_is_read_as_written(sentence, expected):
    found = doses_in(sentence)
    assert [(name, dose) for name, dose, _, _ in found] == expected
    for _, dose, start, end in found:
        assert sentence[start:end] == dose


@pytest.mark.parametrize(
    "sentence",
    [
        "Sorafenib improved survival in 602 patients.",  # no unit: no dose
        "Median AFP was 400 ng/mL with sorafenib.",  # a laboratory value, not after the agent
        "Patients with a bilirubin above 3 mg/dL were excluded; sorafenib was then started.",
    ],
)
def test_amounts_that_are_not_an_agents_dose_are_not_read(sentence):
    assert doses_in(sentence) == []


def test_a_sized_group_is_named_by_its_agent_without_the_dose():
    groups = sized_groups(
        "Patients were randomly assigned to cabozantinib 60 mg daily (n=120) or placebo (n=60)."
    )
    assert [(label, n) for label, n, _, _ in groups] == [("cabozantinib", 120), ("placebo", 60)]


@given(st.text(max_size=200))
def test_any_text_gives_doses_whose_offsets_slice_back(text):
    for _name, dose, start, end in doses_in(text):
        assert text[start:end] == dose
