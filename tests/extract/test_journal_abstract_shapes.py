"""How journal abstracts copied from a PDF or a database page write their groups and their
spreads: the study's investigators at the end of the author line, "the authors assigned 866
patients to A + B or C alone", "compared A with those of B", a word the page broke with a
hyphen ("gemcita-bine"), a value with its group bracketed before the unit of its list ("19.4
(A + B) versus 18.8 months (B)"), interquartile ranges in square brackets or open at their end.
Sentences written for the tests."""

from __future__ import annotations

import pytest

from etl.documents.stage import stage_documents
from etl.extract import sentences_frame, trial_mentions_frame
from etl.extract.context import record_context
from etl.extract.grammar import parse_sentence
from etl.extract.group_labels import group_label
from tests.conftest import files_frame, outcomes_of

_ABSTRACT = (
    "J Clin Oncol. 2031;49(2):100-9\n\n"
    "Smith AB, Jones CD, Brown EF; MERIDIAN-7 Investigators\n\n"
    "Adjuvant drug K plus drug L in resected pancreatic cancer: a randomized phase 3 trial\n\n"
    "Methods: The authors assigned 900 patients to drug K (125 mg/m2) + drug L (1000 mg/m2) or "
    "drug L alone on days 1, 8, and 15 of six 28-day cycles.\n"
    "Results: The median DFS was 19.4 (drug K + drug L) versus 18.8 months (drug L; hazard "
    "ratio [HR] = 0.88; 95% CI: 0.73-1.06; p = 0.18).\n"
)


def test_a_study_named_by_its_investigators_on_the_author_line_is_the_record_s_trial():
    staged = stage_documents(files_frame({"a.txt": _ABSTRACT}))
    sentences = sentences_frame(staged.record_lines, staged.publications)
    names = set(trial_mentions_frame(sentences, staged.publications)["acronym"].drop_nulls())
    assert names == {"MERIDIAN-7"}
    outcomes = outcomes_of({"a.txt": _ABSTRACT})
    assert outcomes.filter(outcomes["value"] == 19.4)["arm_label"].to_list() == ["drug K + drug L"]


def test_an_author_s_initials_on_the_author_line_name_no_trial():
    text = _ABSTRACT.replace("; MERIDIAN-7 Investigators", ", ORCA-12 JK")
    staged = stage_documents(files_frame({"a.txt": text}))
    sentences = sentences_frame(staged.record_lines, staged.publications)
    assert trial_mentions_frame(sentences, staged.publications)["acronym"].drop_nulls().len() == 0


@pytest.mark.parametrize(
    ("sentence", "groups"),
    [
        (
            "The authors assigned 900 patients with resected disease to drug K (125 mg/m2) + "
            "drug L (1000 mg/m2) or drug L alone on days 1, 8, and 15 of six 28-day cycles.",
            ["drug K + drug L", "drug L alone"],
        ),
        (
            "This open-label trial compared the efficacy and safety of adjuvant drug K + drug L "
            "with those of drug L for resected pancreatic cancer.",
            ["drug K + drug L", "drug L"],
        ),
    ],
)
def test_assignments_and_comparisons_of_journal_abstracts_declare_the_groups(sentence, groups):
    assert record_context([sentence]).labels == groups


def test_a_group_label_rejoins_an_agent_a_page_broke_with_a_hyphen():
    assert group_label("nab-paclitaxel + gemcita-bine") == "nab-paclitaxel + gemcitabine"
    assert group_label("nab-paclitaxel") == "nab-paclitaxel"  # (no agent "nabpaclitaxel")


def test_a_schedule_after_the_last_group_is_no_part_of_its_name():
    assert group_label("drug L alone to one 30-40 min infusion") == "drug L alone"


def test_a_value_with_its_group_bracketed_before_its_list_s_unit_is_that_group_s():
    text = "The median DFS was 19.4 (drug K + drug L) versus 18.8 months (drug L)."
    # (the record declared "drug L alone": the bracket names it in fewer words)
    got = [
        (f.value, f.unit, f.arm)
        for f in parse_sentence(text, arms=["drug K + drug L", "drug L alone"])
    ]
    assert got == [(19.4, "months", "drug K + drug L"), (18.8, "months", "drug L")]


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        (
            "At data cut-off (median follow-up, 38.5 [interquartile range {IQR}, 33.8\u221243] "
            "months), the median DFS was 19.4 months.",
            [("FOLLOWUP", 38.5), ("OTHER", 19.4)],
        ),
        ("The median follow-up was 38.5 [IQR, 33.8-43] months.", [("FOLLOWUP", 38.5)]),
        (
            "The median OS was 40.5 (IQR, 20.7 to not reached) and 36.2 (IQR, 17.7-53.3) "
            "months, respectively.",
            [("OS", 40.5), ("OS", 36.2)],
        ),
    ],
)
def test_interquartile_ranges_are_no_values(sentence, values):
    assert [(f.endpoint, f.value) for f in parse_sentence(sentence)] == values


def test_what_a_comparison_is_read_with_is_no_part_of_its_first_group():
    sentence = (
        "Background: We report updated data for drug K plus drug L versus sunitinib in patients "
        "with advanced renal cell carcinoma from the phase III ZENITH Renal 101 trial."
    )
    assert record_context([sentence]).labels == ["drug K plus drug L", "sunitinib"]


def test_a_group_named_before_a_square_bracket_of_statistics_is_the_value_s():
    sentence = (
        "Median OS was not reached [42.2 months-not estimable (NE)] with drug K versus 37.8 "
        "months (31.4-NE) with sunitinib [hazard ratio (HR) 0.79, 95% CI 0.64-0.97]."
    )
    got = {f.value: f.arm for f in parse_sentence(sentence)}
    assert got[37.8] == "sunitinib"


def test_the_class_an_agent_is_of_is_no_part_of_a_group_named_after_a_value():
    sentence = "The 24-month OS rate was 49% with the anti\u2013PD-1 antibody drugmab plus drugnib."
    assert [f.arm for f in parse_sentence(sentence)] == ["drugmab plus drugnib"]
