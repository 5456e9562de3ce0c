"""How summaries, press releases and abstracts name their groups and gains when they assign no
one in so many words: sized alternatives, brand names with their marks, a trial "of A or B", a
list of groups followed by how it was stratified, a gain written as an adjective, "lived ...
longer". Sentences written for the tests."""

from __future__ import annotations

import pytest

from etl.extract.context import record_context
from etl.extract.grammar import parse_sentence
from etl.extract.group_labels import group_label
from tests.conftest import outcomes_of


def _groups_and_values(text: str) -> list[tuple]:
    outcomes = outcomes_of({"s.txt": text})
    return outcomes.select("endpoint", "measure", "value", "arm_label", "comparator_label").rows()


def test_sized_alternatives_on_a_card_declare_the_record_groups():
    card = (
        "New indication: drug K in metastatic prostate cancer\n\n"
        "Study\n"
        "International phase 3 trial (ZENITH-9)\n"
        "Drug K (n=410) or placebo (n=405) with docetaxel.\n\n"
        "Efficacy\n"
        "4-year OS: 61.2% vs 49.8%, HR: 0.71 [0.60-0.84, p<0.001]\n"
    )
    assert _groups_and_values(card) == [
        ("OS", "rate", 61.2, "Drug K", None),
        ("OS", "rate", 49.8, "placebo", None),
        ("OS", "hazard_ratio", 0.71, "Drug K", "placebo"),
    ]


def test_a_brand_s_mark_is_no_part_of_the_group_it_names():
    context = record_context(
        [
            "Results from the phase 3 ZENITH-9 trial comparing ZELTRA® (zelatinib) to chemotherapy "
            "in adults who had progressed were announced today."
        ]
    )
    assert context.labels == ["ZELTRA", "chemotherapy"]


def test_a_trial_of_one_agent_or_another_declares_both():
    context = record_context(
        [
            "We examined patients enrolled in the ZENITH-9 trial of drug K or placebo plus "
            "radiotherapy who received a single line of therapy."
        ]
    )
    assert context.labels == ["drug K", "placebo plus radiotherapy"]


def test_how_an_assignment_was_stratified_is_no_group():
    context = record_context(
        [
            "In all, 900 patients were randomized (1:1:1) to A+B+C, B+C, or C, stratified by "
            "PD-L1 expression (high vs low), region, and histology."
        ]
    )
    assert context.labels == ["A+B+C", "B+C", "C"]


@pytest.mark.parametrize(
    "phrase", ["did not receive post-PD therapy", "at the final data cutoff", "during induction"]
)
def test_a_negated_or_timed_phrase_names_no_group(phrase):
    assert group_label(phrase) == ""


def test_subgroups_of_an_analysis_named_group_1_and_2_are_no_record_groups():
    context = record_context(
        [
            "Outcomes were assessed in patients who did not receive post-PD therapy (Group 1) and "
            "patients who had no event at the final data cutoff (Group 2)."
        ]
    )
    assert context.labels == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Patients who received drug K lived a median of 4.1 months longer than those who "
            "received chemotherapy.",
            [("OS", "difference", 4.1)],
        ),
        (
            "Drug K resulted in a 2.8-month extension in median PFS (HR 0.70, P = .002).",
            [("PFS", "difference", 2.8), ("PFS", "hazard_ratio", 0.7)],
        ),
        (
            "A 4.4-month PFS extension was observed with drug K (HR 0.64).",
            [("PFS", "difference", 4.4), ("PFS", "hazard_ratio", 0.64)],
        ),
        # a landmark stays a landmark
        ("The 12-month PFS rate was 41%.", [("PFS", "rate", 41.0)]),
        ("No significant 3-year OS improvement was observed.", []),
        (
            "After median observation of 29 months, PFS was similar between groups.",
            [("FOLLOWUP", "median", 29.0)],
        ),
    ],
)
def test_a_gain_in_time_is_a_difference_however_written(sentence, expected):
    assert [(f.endpoint, f.measure, f.value) for f in parse_sentence(sentence)] == expected


def test_therapy_after_progression_is_no_progressive_disease_and_a_share_of_the_population_no_rate():
    sentence = (
        "In patients with a PFS event who did not receive post-PD therapy (n = 225 [24.4% of the "
        "intent-to-treat population]), median OS was 9.1 months."
    )
    assert [(f.endpoint, f.measure, f.value) for f in parse_sentence(sentence)] == [
        ("OS", "median", 9.1)
    ]


def test_items_of_a_bracket_each_led_by_a_declared_group_and_a_comma_are_that_group_s():
    sentence = "The most common AEs were neutropenia (drug K-CHOP, 48.3%; R-CHOP, 40.7%)."
    facts = parse_sentence(sentence, None, ("K", "R"), ["K", "R"])
    assert [(f.value, f.arm) for f in facts] == [(48.3, "drug K-CHOP"), (40.7, "R-CHOP")]


def test_an_abbreviation_inside_a_sized_group_s_name_does_not_cut_the_name():
    context = record_context(
        [
            "Patients were randomised to receive either drug K (n=247) or standard of care (SOC) "
            "treatment (n=248), the investigator's choice of methotrexate or docetaxel."
        ]
    )
    assert context.labels == ["drug K", "standard of care treatment"]


def test_the_endpoints_a_result_is_said_in_are_no_groups_of_its_values():
    sentence = (
        "Drug N improved outcomes vs placebo in the primary and key secondary endpoints of "
        "progression-free survival (HR, 0.29 [95% CI: 0.15-0.55]) and objective response rate "
        "(ORR: 41% vs 8%; P<.001)."
    )
    facts = parse_sentence(sentence, None, ("drug N", "placebo"), ["drug N", "placebo"])
    assert [(f.value, f.arm) for f in facts] == [
        (0.29, "drug N"),
        (41.0, "drug N"),
        (8.0, "placebo"),
    ]


def test_a_subject_that_did_not_improve_a_result_over_a_reference_is_still_a_group():
    context = record_context(
        [
            "Two trials found that drug K maintenance did not significantly improve overall "
            "survival compared to placebo in newly diagnosed patients."
        ]
    )
    assert context.labels == ["drug K maintenance", "placebo"]


def test_patients_who_received_either_of_two_treatments_declare_them_without_the_examples():
    context = record_context(
        [
            "The ZEN-8 trial enrolled 303 patients. Patients received either drug K (240 mg "
            "every 3 weeks) plus drug M or investigator's choice chemotherapy, such as FOLFOX or "
            "FOLFIRI, often paired with bevacizumab."
        ]
    )
    assert context.labels == ["drug K plus drug M", "investigator's choice chemotherapy"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an interval after the group the value is of
        (
            "Median OS was 12.1 months for drug K (95% CI, 10.2-14.0) and 9.1 months in the "
            "placebo group (95% CI: 8.0, 10.0).",
            [(12.1, (10.2, 14.0)), (9.1, (8.0, 10.0))],
        ),
        # the risk named after what it is of restates the ratio: no rate of its own
        (
            "A 79% reduction in progression or death risk (HR 0.21, 95% CI: 0.14-0.32).",
            [(0.21, (0.14, 0.32))],
        ),
    ],
)
def test_intervals_after_a_group_and_risks_restated(sentence, expected):
    facts = parse_sentence(sentence)
    assert [(f.value, (f.ci.lower, f.ci.upper) if f.ci else None) for f in facts] == expected


def test_rates_after_a_landmark_analysis_are_at_its_time():
    sentence = (
        "In the 12-month analysis, Kaplan-Meier estimates of progression-free survival were 74% "
        "in the drug K group and 38% in the placebo group."
    )
    assert [(f.value, f.timepoint_months) for f in parse_sentence(sentence)] == [
        (74.0, 12.0),
        (38.0, 12.0),
    ]


def test_a_pair_of_values_takes_no_list_of_words_that_is_a_clause():
    sentence = (
        "Median OS was marginally higher with drug K (8.4 versus 7.1 months), however in a "
        "subset, drug K was associated with dramatic and significantly improved outcomes."
    )
    facts = parse_sentence(sentence, None, ("drug K", "placebo"), ["drug K", "placebo"])
    assert [(f.value, f.arm) for f in facts] == [(8.4, "drug K"), (7.1, "placebo")]


def test_a_verb_after_a_hyphen_is_part_of_a_group_s_name():
    sentence = (
        "ORR was 20% (95% CI 12% to 30%) and 14% (95% CI 9% to 21%) in the drug-naive and "
        "drug-experienced groups, respectively."
    )
    facts = parse_sentence(sentence)
    assert [(f.value, f.arm) for f in facts] == [(20.0, "drug-naive"), (14.0, "drug-experienced")]


def test_a_letter_joined_to_a_name_by_a_plus_is_no_statistic():
    # ("P" is a p-value's letter elsewhere)
    sentence = "PR was achieved in 18.7% and 1.7% of patients in P+BSC and BSC arms, respectively."
    groups = ["drug P plus BSC", "BSC"]
    facts = parse_sentence(sentence, None, tuple(groups), groups)
    assert [(f.value, f.arm) for f in facts] == [(18.7, "P+BSC"), (1.7, "BSC")]


def test_a_unit_s_abbreviation_defined_inside_a_pair_does_not_part_it():
    sentence = "Kd improved median PFS vs Vd (18.7 months [mo] vs 9.4 mo; hazard ratio = 0.53)."
    facts = parse_sentence(sentence, None, ("Kd", "Vd"), ["Kd", "Vd"])
    assert [(f.value, f.arm) for f in facts] == [(18.7, "Kd"), (9.4, "Vd"), (0.53, "Kd")]


def test_a_regimen_s_short_name_after_a_declared_group_names_it():
    context = record_context(
        [
            "Drug K and dexamethasone (Kd) vs drug V and dexamethasone (Vd) in relapsed myeloma: "
            "results from a phase III study",
            "Kd showed longer PFS than Vd.",
        ]
    )
    assert context.labels == ["Drug K and dexamethasone", "drug V and dexamethasone"]
    assert context.arm_of("Vd").label == "drug V and dexamethasone"


def test_a_list_of_groups_may_name_a_disease():
    sentence = (
        "Median OS for patients with ovarian, endometrial and cervical cancer was 7.3, 7.0 and "
        "5.0 months, respectively."
    )
    facts = parse_sentence(sentence)
    assert [(f.value, f.arm) for f in facts] == [
        (7.3, "ovarian"),
        (7.0, "endometrial"),
        (5.0, "cervical cancer"),
    ]


def test_how_mature_an_analysis_is_is_no_result():
    sentence = (
        "Five-year OS rates were 76% with drug K and 72% with drug L (75% data maturity: 228 "
        "of 302 planned events)."
    )
    assert [f.value for f in parse_sentence(sentence)] == [76.0, 72.0]


def test_patients_who_stopped_for_adverse_reactions_are_an_adverse_event_rate():
    facts = parse_sentence(
        "Discontinuation: 17% of patients stopped treatment due to adverse reactions."
    )
    assert [(f.endpoint, f.value) for f in facts] == [("AE", 17.0)]


def test_two_values_compared_without_group_names_take_the_declared_groups_in_order():
    text = (
        "Patients were randomly assigned to drug K plus FOLFOX or placebo plus FOLFOX.\n"
        "Progression-free survival was longer, with a median of 8.9 months compared with "
        "6.7 months (HR, 0.71; 95% CI, 0.60-0.84).\n"
    )
    assert _groups_and_values(text) == [
        ("PFS", "median", 8.9, "drug K plus FOLFOX", None),
        ("PFS", "median", 6.7, "placebo plus FOLFOX", None),
        ("PFS", "hazard_ratio", 0.71, "drug K plus FOLFOX", "placebo plus FOLFOX"),
    ]


def test_a_p_value_after_values_that_each_name_their_group_qualifies_the_nearest_one():
    # (no declared groups: the comparison's subject is the value right before the p-value)
    facts = parse_sentence(
        "The median OS was 610 days for group B compared with 402 days for group A (P = .004)."
    )
    assert [(f.value, f.arm, f.p.value if f.p else None) for f in facts] == [
        (610.0, "group B", None),
        (402.0, "group A", 0.004),
    ]


def test_a_p_value_after_a_versus_list_naming_each_group_goes_to_the_experimental_group():
    text = (
        "Patients were randomly assigned to drug K or placebo.\n"
        "Median OS was 9.1 months for placebo versus 14.2 months for drug K (P = .01).\n"
    )
    outcomes = outcomes_of({"s.txt": text})
    assert outcomes.select("value", "arm_label", "p_value").rows() == [
        (9.1, "placebo", None),
        (14.2, "drug K", 0.01),
    ]


def test_groups_given_either_agent_on_a_shared_backbone_are_named_by_the_agents():
    context = record_context(
        [
            "In all, 640 patients were treated with FOLFOX plus either the anti-EGFR antibody "
            "zorvamab or the PARP inhibitor zelparib every 2 weeks."
        ]
    )
    assert context.labels == ["zorvamab", "zelparib"]


def test_a_subject_that_continued_to_improve_a_result_over_a_reference_declares_both():
    context = record_context(
        ["Adjuvant drug K continued to improve disease-free survival vs placebo at 5 years."]
    )
    assert context.labels == ["drug K", "placebo"]


def test_a_second_list_restated_for_another_group_after_a_semicolon_is_that_group_s():
    facts = parse_sentence(
        "The 1-, 2- and 3-year DFS rates in the drug K arm were 81.0%, 70.2%, and 64.4%; in the "
        "control arm, these respective rates were 72.5%, 61.3%, and 55.0%."
    )
    assert [(f.value, f.timepoint_months, f.arm) for f in facts] == [
        (81.0, 12.0, "drug K arm"),
        (70.2, 24.0, "drug K arm"),
        (64.4, 36.0, "drug K arm"),
        (72.5, 12.0, "control arm"),
        (61.3, 24.0, "control arm"),
        (55.0, 36.0, "control arm"),
    ]


def test_rates_at_listed_time_points_take_them_in_order():
    facts = parse_sentence(
        "At the 2-, 4-, and 6-year time points, the OS rates with drug K were 90.1%, 80.2%, and "
        "70.3%, respectively; with placebo, these rates were 85.0%, 75.5%, and 60.6%."
    )
    assert [(f.value, f.timepoint_months, f.arm) for f in facts] == [
        (90.1, 24.0, "drug K"),
        (80.2, 48.0, "drug K"),
        (70.3, 72.0, "drug K"),
        (85.0, 24.0, "placebo"),
        (75.5, 48.0, "placebo"),
        (60.6, 72.0, "placebo"),
    ]


def test_a_stage_s_digit_is_no_ratio():
    facts = parse_sentence(
        "The HR for DFS in those with M0 high-risk disease was 0.75 (95% CI, 0.61-0.93)."
    )
    assert [(f.measure, f.value) for f in facts] == [("hazard_ratio", 0.75)]


def test_a_combination_joined_by_an_en_dash_is_a_group_and_a_range_s_dash_stays():
    facts = parse_sentence(
        "Median PFS was 7.2 months in the drug K\u2013fulvestrant group, as compared with 3.6 "
        "months in the placebo\u2013fulvestrant group (hazard ratio, 0.60; 95% CI, 0.51\u20130.71)."
    )
    assert [(f.value, f.arm) for f in facts if f.measure == "median"] == [
        (7.2, "drug K-fulvestrant group"),
        (3.6, "placebo-fulvestrant group"),
    ]
    ratio = next(f for f in facts if f.measure == "hazard_ratio")
    assert (ratio.ci.lower, ratio.ci.upper) == (0.51, 0.71)


def test_a_footnote_s_number_on_a_group_s_last_word_is_no_part_of_its_name():
    text = (
        "Drug K demonstrated a significant improvement in OS vs single-agent chemotherapy2\n"
        "mOS was 12.1 months with drug K (n=235) vs 6.7 months with single-agent "
        "chemotherapy2 (n=233); HR: 0.48 (95% CI: 0.38-0.59)\n"
    )
    assert _groups_and_values(text) == [
        ("OS", "median", 12.1, "drug K", None),
        ("OS", "median", 6.7, "single-agent chemotherapy", None),
        ("OS", "hazard_ratio", 0.48, "drug K", "chemotherapy"),
    ]


def test_differences_bracketed_after_two_rates_are_in_their_unit_and_take_the_p_value():
    facts = parse_sentence(
        "Major pathologic response rates were 30.2% versus 11.0% (difference, 19.2; 95% CI, "
        "13.9 to 24.7; P<0.001).",
        comparison=("drug K", "placebo"),
        arms=["drug K", "placebo"],
    )
    assert [
        (f.endpoint, f.measure, f.value, f.unit, f.p.value if f.p else None) for f in facts
    ] == [
        ("OTHER", "rate", 30.2, "percent", None),
        ("OTHER", "rate", 11.0, "percent", None),
        ("OTHER", "difference", 19.2, "percent", 0.001),
    ]


def test_a_group_named_as_an_arm_after_the_second_of_two_values_is_that_value_s():
    # (no declared groups; "in the ITT population" after such a pair names neither value)
    facts = parse_sentence(
        "PFS was longer, with a median of 27.7 vs 11.1 months in the placebo arm."
    )
    assert [(f.value, f.arm) for f in facts] == [(27.7, None), (11.1, "placebo arm")]


def test_a_short_name_bracketed_before_versus_names_the_first_group():
    context = record_context(
        [
            "In the phase 3 ZENITH-9 study, survival was longer with liposomal drug K, "
            "fluorouracil and leucovorin (K+FU/LV) versus FU/LV in patients progressing after "
            "gemcitabine."
        ]
    )
    assert context.labels == ["K+FU/LV", "FU/LV"]


def test_a_group_list_item_may_open_with_a_digit_after_its_joiner():
    context = record_context(
        [
            "Survival with drug K plus 5-fluorouracil and leucovorin versus 5-fluorouracil and "
            "leucovorin in the per-protocol population of ZENITH-9"
        ]
    )
    assert context.labels == [
        "drug K plus 5-fluorouracil and leucovorin",
        "5-fluorouracil and leucovorin",
    ]


def test_fluorouracil_written_with_a_typeset_hyphen_is_no_follow_up():
    text = (
        "Patients were randomly assigned to drug K+5\u2010FU/LV or 5\u2010FU/LV.\n"
        "Median OS with drug K+5\u2010FU/LV was 6.1 vs 4.2 months with 5\u2010FU/LV alone.\n"
    )
    assert [row[:3] for row in _groups_and_values(text)] == [
        ("OS", "median", 6.1),
        ("OS", "median", 4.2),
    ]


def test_a_second_progression_is_no_progression_free_survival_and_maturity_no_rate():
    ratio = parse_sentence(
        "The HR for second disease progression or death favored drug K (HR, 0.66; 95% CI, "
        "0.43 to 1.02)."
    )
    rates = parse_sentence("Overall survival data (maturity, 20%) showed a 36-month OS of 84%.")
    assert [(f.endpoint, f.measure, f.value) for f in ratio + rates] == [
        ("OTHER", "hazard_ratio", 0.66),
        ("OS", "rate", 84.0),
    ]


def test_a_ratio_takes_the_comparison_its_sentence_states_with_a_noun_of_benefit():
    facts = parse_sentence(
        "Drug K with drug L demonstrated a statistically significant improvement in PFS "
        "compared to drug M with a hazard ratio of 0.70 (95% CI 0.58, 0.85)."
    )
    assert [(f.measure, f.arm, f.comparator) for f in facts] == [
        ("hazard_ratio", "Drug K with drug L", "drug M")
    ]


def test_a_number_announced_with_its_share_is_no_percentage():
    # ("Number (%)": the bare numbers are counts, not rates of 364%)
    assert (
        parse_sentence("Number (%) of deaths was 364 (68) for drug K and 210 (79) for placebo.")
        == []
    )
    assert [f.value for f in parse_sentence("ORR (%): 45 vs 30")] == [45.0, 30.0]


def test_a_difference_in_an_endpoint_given_as_two_rates_is_each_groups_rate():
    facts = parse_sentence(
        "Significant difference in grade 3 or higher adverse events (41% vs. 18%).",
        comparison=("drug K", "placebo"),
        arms=["drug K", "placebo"],
    )
    assert [(f.endpoint, f.measure, f.value, f.arm) for f in facts] == [
        ("AE", "rate", 41.0, "drug K"),
        ("AE", "rate", 18.0, "placebo"),
    ]
    (single,) = parse_sentence("There was a difference in ORR of 12% between the arms.")
    assert single.measure == "difference"
