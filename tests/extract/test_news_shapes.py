"""Shapes of results text that news articles and summary cards use: rates in words, p-values in
words, "vs." glued to the next number, shares of a group named by what it was given. Documents
written for the tests."""

from __future__ import annotations

import polars as pl
import pytest

from etl.documents.stage import stage_documents
from etl.extract import outcomes_frame, sentences_frame
from etl.extract.numbers import find_p_values
from tests.conftest import files_frame

_DECLARED = (
    "In the phase 3 LUMEN-9 trial, 600 patients were randomly assigned to zorvatinib plus "
    "carboplatin or carboplatin alone. "
)


def _outcomes(text: str) -> pl.DataFrame:
    staged = stage_documents(files_frame({"news.txt": text}))
    outcomes, _ = outcomes_frame(sentences_frame(staged.record_lines, staged.publications))
    return outcomes.sort("char_start")


def _read(text: str) -> list[tuple]:
    return _outcomes(text).select("endpoint", "measure", "value", "unit", "arm_label").rows()


def test_a_sentence_whose_only_numbers_are_rates_in_words_is_read():
    rows = _read(_DECLARED + "The objective response rate was 41 percent.")
    assert ("ORR", "rate", 41.0, "percent", None) in rows


@pytest.mark.parametrize("unit", ["mos", "mo", "wks", "yrs"])
def test_a_sentence_whose_times_are_written_with_a_short_unit_is_read(unit: str):
    rows = _read(f"mPFS: 22.4 vs 14.1 {unit}, p<0.001.")
    assert [r[2] for r in rows] == [22.4, 14.1]
    assert {r[0] for r in rows} == {"PFS"}


def test_vs_glued_to_the_next_number_separates_two_values():
    rows = _read(_DECLARED + "Median PFS was 9.4 vs.7.1 months.")
    assert [(r[2], r[4]) for r in rows] == [
        (9.4, "zorvatinib plus carboplatin"),
        (7.1, "carboplatin alone"),
    ]


@pytest.mark.parametrize(
    ("text", "value", "operator"),
    [
        ("(HR 0.70; P less than .001)", 0.001, "<"),
        ("with a p value less than or equal to 0.05", 0.05, "<="),
        ("(P greater than 0.2)", 0.2, ">"),
        ("(P  less  than 0.01)", 0.01, "<"),
    ],
)
def test_a_p_value_with_its_operator_in_words(text: str, value: float, operator: str):
    [p] = find_p_values(text)
    assert (p.value, p.operator) == (value, operator)


def test_a_hazard_ratio_takes_a_p_value_written_in_words():
    [hr] = _outcomes(
        _DECLARED
        + "The hazard ratio for progression was 0.70 (95% CI 0.58-0.84; P less than .001)."
    ).rows(named=True)
    assert (hr["value"], hr["p_value"], hr["p_operator"]) == (0.70, 0.001, "<")


def test_shares_of_groups_named_by_what_they_were_given():
    rows = _read(
        _DECLARED + "Responses occurred in 48% of zorvatinib patients compared to 31% of "
        "carboplatin patients."
    )
    assert [(r[2], r[4]) for r in rows] == [(48.0, "zorvatinib"), (31.0, "carboplatin")]


def test_a_share_of_patients_described_otherwise_is_given_no_group():
    rows = _read(_DECLARED + "Responses occurred in 48% of evaluable patients.")
    assert [(r[2], r[4]) for r in rows] == [(48.0, None)]


@pytest.mark.parametrize(
    ("sentence", "endpoint", "months"),
    [
        ("5-year metastasis-free survival: 87.3% vs. 71.4%", "OTHER", 60.0),
        ("3-year distant relapse-free survival: 81.5% vs 72.0%", "OTHER", 36.0),
        ("12 months PFS: 62% vs. 27%", "PFS", 12.0),
        ("24-month OS rate: 80.1% vs 71.0%", "OS", 24.0),
        # (no colon: the rate after the endpoint says what the time is)
        ("The 3 y PFS was 62% versus 27%.", "PFS", 36.0),
        ("The 5-yr OS rate was 80.1% and 71.0%, respectively.", "OS", 60.0),
    ],
)
def test_a_time_point_before_any_timed_endpoint_is_the_rates_time_point(
    sentence: str, endpoint: str, months: float
):
    rows = _outcomes(sentence).select("endpoint", "measure", "timepoint_months").rows()
    assert rows == [(endpoint, "rate", months)] * 2  # (no "12 months" median is read)


def test_a_time_before_an_endpoint_whose_own_value_is_a_time_stays_a_median():
    rows = _outcomes("Median OS was 15 months PFS 6 months and ORR 40%.")
    assert rows.select("endpoint", "measure", "value").rows() == [
        ("OS", "median", 15.0),
        ("PFS", "median", 6.0),
        ("ORR", "rate", 40.0),
    ]


def test_a_labelled_interval_whose_bounds_a_comma_splits_after_an_abbreviation_in_brackets():
    [hr] = _outcomes("OS: hazard ratio [HR]: 0.63; 95% confidence interval [CI]: 0.29, 1.34.").rows(
        named=True
    )
    assert (hr["value"], hr["ci_lower"], hr["ci_upper"], hr["ci_level"]) == (0.63, 0.29, 1.34, 95)


def test_a_breakdown_in_brackets_names_its_own_endpoints_and_the_list_goes_on_after_it():
    rows = (
        _outcomes(
            _DECLARED + "The response rate was 59% with zorvatinib (20% complete response; 39% "
            "partial response), compared with 22% with carboplatin."
        )
        .select("endpoint", "value")
        .rows()
    )
    assert rows == [("ORR", 59.0), ("CR", 20.0), ("PR", 39.0), ("ORR", 22.0)]
    rows = _outcomes("The objective response rate was 83% (58% complete response rate).")
    assert rows.select("endpoint", "value").rows() == [("ORR", 83.0), ("CR", 58.0)]


def test_a_median_stated_at_a_value_is_a_result_and_a_schedule_at_a_time_is_none():
    rows = (
        _outcomes(
            "The median OS was reported at 25.6 months (95% CI, 19.4-36.3). Scans were repeated "
            "at 6 months."
        )
        .select("endpoint", "measure", "value")
        .rows()
    )
    assert rows == [("OS", "median", 25.6)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Disease stage was IB in 212 patients (32% of each group) and II in 236 (34%).",
        "Overall, 60% of patients in each group received adjuvant chemotherapy.",
        "PD-L1-positive tumors were identified in 213 (53%) patients in the drug K arm.",
    ],
)
def test_the_patients_characteristics_are_no_results(sentence: str):
    assert _outcomes(_DECLARED + sentence).filter(pl.col("measure") == "rate").is_empty()


def test_the_items_of_a_list_take_the_endpoint_its_lead_in_names():
    rows = _read(
        _DECLARED + "\n\nIn the intention-to-treat population (n=600), objective responses were "
        "seen in:\n8.5% of the zorvatinib plus carboplatin group (26/300).\n"
        "2.0% of the carboplatin alone group (6/300).\n\nGrade 3 rash occurred in 4% of patients."
    )
    assert [(r[0], r[2]) for r in rows] == [("ORR", 8.5), ("ORR", 2.0), ("AE", 4.0)]


def test_a_lead_in_that_states_a_number_is_no_list_heading():
    # (the shares after it are of patients with an event, no progression-free survival rates)
    rows = _read(
        _DECLARED + "\n\nAt the cutoff, 259 patients with progression or death had been reported:\n"
        "145 (41.8% of 347 patients) were from the zorvatinib plus carboplatin arm."
    )
    assert all(r[0] != "PFS" for r in rows)


def test_a_lead_in_at_its_follow_up_still_heads_its_list():
    # (the follow-up it is at is a result of its own, not of the items)
    rows = _read(
        _DECLARED + "\n\nAfter a median follow-up of 30 months, median overall survival was:\n"
        "- 19.2 months with zorvatinib plus carboplatin\n- 14.0 months with carboplatin alone\n"
    )
    assert [(r[0], r[2], r[4]) for r in rows] == [
        ("FOLLOWUP", 30.0, None),
        ("OS", 19.2, "zorvatinib plus carboplatin"),
        ("OS", 14.0, "carboplatin alone"),
    ]


def test_baseline_characteristics_with_a_mean_age_are_no_results():
    rows = _read(
        _DECLARED + "Among the 600 patients (mean age, 56.9 years; 58.2% women; 46.0% with "
        "stage IV disease), all were included in the primary analysis."
    )
    assert rows == []


def test_a_plain_language_summarys_bulleted_survival_takes_its_lead_ins_group():
    rows = _read(
        "Summary of results\n\nThe team looked at the notes of people who had surgery or "
        "radiotherapy.\n\nThe team found that of those who had surgery\n\n"
        "  • More than 6 out of 10 (65%) lived for at least a year\n"
        "  • Just over 4 out of 10 (41%) lived for at least 5 years\n\n"
        "And of those who had radiotherapy\n\n"
        "  • Almost 8 out of 10 (78%) lived for at least a year\n"
    )
    assert [(r[0], r[1], r[2], r[4]) for r in rows] == [
        ("OS", "rate", 65.0, "surgery"),
        ("OS", "rate", 41.0, "surgery"),
        ("OS", "rate", 78.0, "radiotherapy"),
    ]
    times = _outcomes("Of those who had surgery:\n• 41% lived for at least 5 years\n")
    assert times.get_column("timepoint_months").to_list() == [60.0]


def test_a_lead_ins_group_is_named_as_groups_are():
    rows = _read("For patients who received drug K 10 mg daily (n = 40):\n• 41% had a response\n")
    assert [(r[2], r[4]) for r in rows] == [(41.0, "drug K")]


@pytest.mark.parametrize("mark", ["•", "-", "▪", "●", "■"])
def test_a_list_reads_the_same_whatever_its_bullet_mark(mark: str):
    # (one declaration of the marks, etl.vocab.marks: the lead-in's endpoint reaches items
    # written with any of them, with no colon to say the line before is a lead-in)
    rows = _read(
        _DECLARED + "\n\nObjective responses were seen in\n"
        f"{mark} 8.5% of the zorvatinib plus carboplatin group\n"
        f"{mark} 2.0% of the carboplatin alone group\n"
    )
    assert [(r[0], r[2]) for r in rows] == [("ORR", 8.5), ("ORR", 2.0)]


def test_values_take_the_part_of_the_study_their_sentences_speak_of():
    rows = _read(
        "Results: Part I included 40 pts evaluable for efficacy. Among them, CR and ORR rates "
        "were 90% and 98%. All 30 pts enrolled to part II were evaluable; 24 (80%) achieved CR. "
        "Among 70 pts from parts I and II, the ORR was 96%."
    )
    assert [(r[0], r[2], r[4]) for r in rows] == [
        ("CR", 90.0, "part I"),
        ("ORR", 98.0, "part I"),
        ("CR", 80.0, "part II"),
        ("ORR", 96.0, None),
    ]


def test_a_cohort_named_in_a_randomised_record_does_not_take_its_values():
    rows = _read(
        _DECLARED + "Cohort B enrolled 40 patients with brain metastases. The objective "
        "response rate was 41 percent with zorvatinib plus carboplatin."
    )
    assert all(r[4] != "cohort B" for r in rows)


@pytest.mark.parametrize(
    "text",
    [
        # a Simon design's stages are one group; the whole after the stages is no stage's
        "Methods: Stage 1 enrolled 21 patients. An additional 22 patients were enrolled in stage "
        "2. Among all 43 patients, the ORR was 28% and median PFS was 5.1 months.",
        # two cohorts named together, then the whole: no cohort takes the values
        "Methods: Cohort 1 enrolled 20 patients and cohort 2 enrolled 15. The ORR was 40% in "
        "cohort 1 and 20% in cohort 2. Overall, median PFS was 4.5 months.",
    ],
)
def test_values_of_the_whole_or_of_several_parts_take_no_part(text: str):
    assert all(r[4] is None or r[4] not in ("stage 2", "cohort 1") for r in _read(text))
    assert _read(text)[-1][4] is None


def test_a_part_a_sentence_sets_its_scene_in_is_the_part_of_what_follows():
    rows = _read(
        "Drug Q in two cohorts: a phase 2 study. Of 160 patients, 83 had carcinoma in situ "
        "(Cohort A) and 77 had papillary disease (Cohort B). In Cohort A, the complete response "
        "rate was 71%. At 12 months, 62% of patients were still responding. In Cohort B, median "
        "disease-free survival was 23.6 months."
    )
    assert [(r[0], r[2], r[4]) for r in rows] == [
        ("CR", 71.0, "cohort A"),
        ("DOR", 62.0, "cohort A"),
        ("OTHER", 23.6, "cohort B"),
    ]


def test_what_an_agent_is_set_between_commas_leaves_its_group_whole():
    from etl.extract.context import record_context

    sentence = (
        "The company presented the phase 3 ORCA-3 trial of zorvatinib, an investigational "
        "first-in-class Claudin 18.2 (CLDN18.2) targeted antibody, plus mFOLFOX6 (a regimen of "
        "oxaliplatin, leucovorin and fluorouracil) versus placebo plus mFOLFOX6 in gastric cancer."
    )
    assert record_context([sentence]).labels == [
        "zorvatinib plus mFOLFOX6",
        "placebo plus mFOLFOX6",
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a bulleted summary's "In NAME, the phase 3 study evaluating ..."
        (
            "SUMMARY\n- In LODESTAR, the phase 3 study evaluating zorvatinib with prednisone, "
            "PSA progression was not used alone.\n",
            "LODESTAR",
        ),
        # a numbered name after "based on"
        (
            "Treatment of advanced disease\nBackground\nChemotherapy remains the backbone of "
            "treatment. Based on ZENITH 130, the agency approved zorvatinib with nab-paclitaxel in patients "
            "with advanced disease.\n",
            "ZENITH 130",
        ),
    ],
)
def test_trials_named_as_summaries_and_approvals_name_them(text, name):
    from etl.extract import trial_mentions_frame

    staged = stage_documents(files_frame({"news.txt": text}))
    sentences = sentences_frame(staged.record_lines, staged.publications)
    names = trial_mentions_frame(sentences, staged.publications)["acronym"].drop_nulls()
    assert name in names.to_list()


def test_a_group_named_before_the_population_a_value_is_of_is_that_value_s():
    text = (
        "After a median follow-up of 22.1 months, median PFS was 21.6 months with zorvatinib "
        "versus 16.6 months with placebo in the older population (hazard ratio [HR] 0.55, 95% "
        "CI 0.41-0.75).\n"
    )
    rows = _outcomes(text).select("value", "arm_label", "comparator_label").rows()
    assert (16.6, "placebo", None) in rows
    assert (0.55, "zorvatinib", "placebo") in rows
