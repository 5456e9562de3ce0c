"""An endpoint defined in a bracket after its name, a list of rates each with its count in
brackets, and group names that carry an abbreviation or the alternatives of one group. The
sentences are written for these tests."""

from __future__ import annotations

import pytest

from etl.extract.context import record_context
from etl.extract.grammar import parse_sentence
from etl.extract.trial_arms import sized_groups
from etl.vocab.endpoints import endpoint_mentions


@pytest.mark.parametrize(
    ("sentence", "named"),
    [
        # (the bracket defines the result named before it: its words name no result)
        (
            "Disease control (complete response, partial response or stable disease) was 71%",
            ["DCR"],
        ),
        ("Objective response (complete or partial response) was seen in 38% of patients", ["ORR"]),
        # (a bracket with values reports results of its own)
        ("The response rate was 52% (CR 10%, PR 42%)", ["ORR", "CR", "PR"]),
    ],
)
def test_a_result_defined_in_a_bracket_is_the_result_named_before_it(sentence, named):
    assert [m[2] for m in endpoint_mentions(sentence)] == named


def test_rates_each_with_its_count_in_brackets_are_one_list():
    sentence = (
        "The objective response rate was 52% (52/100) vs 21% (21/101) for drug K and placebo, "
        "respectively."
    )
    facts = parse_sentence(sentence)
    assert [(f.value, f.arm, f.n_patients, f.n_denominator) for f in facts] == [
        (52.0, "drug K", 52, 100),
        (21.0, "placebo", 21, 101),
    ]


def test_an_abbreviated_schedule_inside_a_group_name_does_not_cut_it():
    sentence = (
        "Patients were randomly assigned to drug K 3 mg/kg every 2 weeks (Q2W) + placebo (n = 150) "
        "or drug M every 3 weeks (Q3W) + placebo (n = 149)."
    )
    assert [(label, n) for label, n, *_ in sized_groups(sentence)] == [
        ("drug K + placebo", 150),
        ("drug M + placebo", 149),
    ]


@pytest.mark.parametrize(
    ("sentence", "named"),
    [
        # (a marker's status slashed to another: no result named)
        ("Median DOR for the MMRp/MSS cohort was 19.4 months", ["DOR"]),
        # (results slashed together are each named, a result's own variant too)
        ("The CR/PR rate was 40%", ["CR", "PR"]),
        ("The CR/CRu rate was 55%", ["CR"]),
        ("Disease-free survival/OS at 3 years were 70% and 80%", ["OTHER", "OS"]),
    ],
)
def test_an_abbreviation_slashed_to_a_marker_names_no_result(sentence, named):
    assert [m[2] for m in endpoint_mentions(sentence)] == named


def test_a_plural_noun_after_listed_groups_is_no_part_of_the_last_one():
    facts = parse_sentence(
        "ORR in the KRASm or BRAFm molecular subgroups was 18.1% and 40.0%, respectively."
    )
    assert [(f.value, f.arm) for f in facts] == [(18.1, "KRASm"), (40.0, "BRAFm")]


@pytest.mark.parametrize(
    ("declaring", "groups"),
    [
        # (the alternatives of one group are no groups of their own)
        (
            "A total of 150 patients were randomised to drug K with drug L and 151 patients were "
            "randomised to the control arm of either drug M or drug N with drug L.",
            ["drug K with drug L", "control"],
        ),
        # (a route said with its noun is no part of a group)
        (
            "Patients were randomly assigned to receive drug K 240 mg or placebo by intravenous "
            "infusion every two weeks.",
            ["drug K", "placebo"],
        ),
        # (a total broken down into sized groups without brackets, the sizes adding up to it)
        ("The study enrolled 97 evaluable patients, KL n = 50, KL-M n = 47.", ["KL", "KL-M"]),
        # (sizes that do not add up to the total break down something else)
        ("The study enrolled 97 evaluable patients, KL n = 50, KL-M n = 40.", []),
        # (nor does a breakdown by who the patients are, though its sizes add up)
        ("The study enrolled 97 evaluable patients, men n = 50, women n = 47.", []),
        # (a group's alternatives end where the next group begins)
        (
            "Patients were randomised to the control arm of either drug M or drug N, or to drug K.",
            ["control", "drug K"],
        ),
    ],
)
def test_the_groups_a_record_declares(declaring: str, groups: list[str]):
    context = record_context([declaring, "Median OS was 9.1 months vs 6.0 months."])
    assert context.labels == groups


def test_a_declared_group_given_its_value_with_an_equals_sign():
    facts = parse_sentence(
        "No difference in median PFS was seen [KL-M = 31 months, KL = 34 months, HR = 0.97].",
        None,
        ("KL-M", "KL"),
        ["KL", "KL-M"],
    )
    assert [(f.value, f.arm, f.comparator) for f in facts] == [
        (31.0, "KL-M", None),
        (34.0, "KL", None),
        (0.97, "KL-M", "KL"),
    ]


@pytest.mark.parametrize(
    ("sentence", "named"),
    [
        ("In cohort A, 62% of patients achieved response (complete or partial).", ["ORR"]),
        ("Overall, 31 patients achieved a response.", ["ORR"]),
        # (who they are, not what they had)
        ("The time to response among patients who achieved a response was 2 months.", ["TTR"]),
    ],
)
def test_achieving_a_response_names_the_response_rate(sentence: str, named: list[str]):
    assert [m[2] for m in endpoint_mentions(sentence)] == named


def test_a_result_named_before_the_head_it_shares_with_the_next():
    facts = parse_sentence("The respective response and disease control rates were 40% and 70%.")
    assert [(f.endpoint, f.value) for f in facts] == [("ORR", 40.0), ("DCR", 70.0)]


def test_a_word_of_a_group_is_no_kind_word_of_the_plural_noun():
    facts = parse_sentence(
        "ORR was 22% and 8% in the PD-L1 high and PD-L1 low subgroups, respectively."
    )
    assert [(f.value, f.arm) for f in facts] == [(22.0, "PD-L1 high"), (8.0, "PD-L1 low")]


def test_an_em_dash_before_a_treatment_word_joins_it():
    context = record_context(
        [
            "Patients were randomised to drug K\u2014chemotherapy or chemotherapy alone.",
            "OS 9.1 vs 6.0 months.",
        ]
    )
    assert context.labels == ["drug K\u2014chemotherapy", "chemotherapy alone"]
