"""Which group, endpoint and time point each number belongs to, in list-shaped results sentences.

Sentences are composed for the tests in several phrasings each; none is copied from the seeds.
"""

import pytest

from etl.extract.grammar import listed_groups, parse_sentence
from etl.extract.group_labels import complement


def rows(text, **kw):
    return [
        (f.endpoint, f.value, f.timepoint_months, f.arm, f.comparator)
        for f in parse_sentence(text, **kw)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The hazard ratio for death was 0.69 (95% CI, 0.55 to 0.87; P<0.001).",
        "Overall survival was longer (hazard ratio, 0.69; 95% CI, 0.55-0.87).",
        "The risk of death was reduced by 31% (HR 0.69, 95% CI 0.55-0.87).",
    ],
)
def test_a_ratio_with_no_groups_named_compares_the_records_two_groups(text):
    got = [g for g in rows(text, comparison=("drug A", "placebo")) if g[1] == 0.69]
    assert got == [("OS", 0.69, None, "drug A", "placebo")]


@pytest.mark.parametrize(
    ("text", "groups"),
    [
        (
            "ORR was 20% [95% CI 12% to 30%] and 14% (95% CI 9% to 21%) in the treatment-naive and "
            "treatment-experienced groups, respectively.",
            ["treatment-naive", "treatment-experienced"],
        ),
        (
            "Median overall survival was 26.6 months (95% CI 16.6-30.6 months) and 15.1 months "
            "(95% CI 13.0-18.2 months) in treatment-naive and treatment-experienced patients, respectively.",
            ["treatment-naive", "treatment-experienced"],
        ),
        (
            "The response rate was 31%and 12% in the biomarker-high and biomarker-low groups, respectively.",
            ["biomarker-high", "biomarker-low"],
        ),
        (
            "The 2-year overall survival rates were 41% and 28% in the high-dose and low-dose arms, respectively.",
            ["high-dose", "low-dose"],
        ),
    ],
)
def test_groups_sharing_one_head_noun_split_in_order(text, groups):
    assert [g[3] for g in rows(text)] == groups


def test_respectively_with_no_groups_takes_the_groups_the_record_just_listed():
    got = rows("5-year OS rates were 14% and 12%, respectively.", arms=["naive", "experienced"])
    assert got == [("OS", 14.0, 60.0, "naive", None), ("OS", 12.0, 60.0, "experienced", None)]


@pytest.mark.parametrize(
    "text",
    [
        "For arm A, arm B, and arm C, median follow-up was 49.1 months (46.9-50.1 months), "
        "48.4 months (46.8-49.8 months), and 47.3 months (45.0-49.1 months), respectively.",
        "In arm A, arm B and arm C, the median follow-up was 49.1, 48.4 and 47.3 months, respectively.",
    ],
)
def test_groups_listed_before_a_respectively_list(text):
    got = rows(text)
    assert [(g[0], g[1], g[3]) for g in got] == [
        ("FOLLOWUP", 49.1, "arm A"),
        ("FOLLOWUP", 48.4, "arm B"),
        ("FOLLOWUP", 47.3, "arm C"),
    ]


def test_one_group_then_others_compared_with_than():
    got = rows(
        "The median survival time was significantly longer in the resection group (19.9 months) "
        "than in the ablation and radiotherapy groups (6.6 and 6.2 months, respectively)."
    )
    assert [(g[1], g[3]) for g in got] == [
        (19.9, "resection group"),
        (6.6, "ablation"),
        (6.2, "radiotherapy"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Grade 3 adverse events occurred in fewer patients receiving drug A than drug B (125 [38%] v 165 [50%]; P = .0018).",
        "Grade 3 adverse events were less frequent with drug A than with drug B (38% vs 50%; P = .0018).",
    ],
)
def test_a_than_b_pair_in_parentheses(text):
    got = parse_sentence(text)
    assert [(f.value, f.arm) for f in got if f.unit == "percent"] == [
        (38.0, "drug A"),
        (50.0, "drug B"),
    ]
    first = next(f for f in got if f.value == 38.0)
    assert first.p is not None and first.p.value == 0.0018


@pytest.mark.parametrize(
    "text",
    [
        "After a median follow-up of 27.2 months, the 2-year PFS rate was 81% in the drug A group.",
        "At a median follow-up of 27.2 months, 2-year PFS was 81% in the drug A group.",
    ],
)
def test_follow_up_is_not_a_group(text):
    got = {g[0]: g for g in rows(text)}
    assert got["FOLLOWUP"][3] is None
    assert got["PFS"][3] == "drug A group"


def test_endpoints_times_groups_nested_respectively():
    text = (
        "Median overall survival and time to progression were longer in the drug A group than in "
        "the drug B group (15 and 12.2 months versus 8 and 4.4 months, respectively; p=0.021 and "
        "p=0.002, respectively)."
    )
    got = rows(text)
    assert [(g[0], g[1], g[3]) for g in got] == [
        ("OS", 15.0, "drug A"),
        ("TTP", 12.2, "drug A"),
        ("OS", 8.0, "drug B"),
        ("TTP", 4.4, "drug B"),
    ]
    assert [g.p.value if g.p else None for g in parse_sentence(text)] == [0.021, 0.002, None, None]


def test_endpoint_list_with_one_value_each():
    got = rows(
        "Median progression-free and overall survival were 4.6 (95% CI 2.8-5.2) and 6.5 "
        "(95% CI 4.9-8.0) months, respectively."
    )
    assert [(g[0], g[1]) for g in got] == [("PFS", 4.6), ("OS", 6.5)]


def test_endpoint_list_with_a_pair_each():
    got = rows(
        "In the responders, the partial response rate, the disease control rate, and the clinical "
        "benefit rate were 38.2 vs. 5.9%, 85.3 vs. 60.3%, and 76.5 vs. 35.3%, respectively.",
        comparison=("A", "B"),
    )
    assert [(g[0], g[1], g[3]) for g in got] == [
        ("PR", 38.2, "A"),
        ("PR", 5.9, "B"),
        ("DCR", 85.3, "A"),
        ("DCR", 60.3, "B"),
        ("CBR", 76.5, "A"),
        ("CBR", 35.3, "B"),
    ]


def test_time_points_after_the_values():
    got = rows(
        "Survival rates were 37% and 12% at 1 and 2 years, respectively, in the drug B group."
    )
    assert [(g[0], g[1], g[2], g[3]) for g in got] == [
        ("OS", 37.0, 12.0, "drug B group"),
        ("OS", 12.0, 24.0, "drug B group"),
    ]


def test_time_points_times_groups():
    got = rows(
        "OS at 1 year and 2 years in the A group and B group were 96% and 82% and 77% and 64%, respectively."
    )
    assert [(g[1], g[2], g[3].removesuffix(" group")) for g in got] == [
        (96.0, 12.0, "A"),
        (82.0, 24.0, "A"),
        (77.0, 12.0, "B"),
        (64.0, 24.0, "B"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Only 2-3% of patients achieve a partial response with kinase inhibitors.",
        "Patients received drug A for 2-3 weeks before chemoembolisation.",
        "Overall survival was not analysed because only 73.6% of OS events had occurred.",
        "The probability of cost-effectiveness at a willingness-to-pay threshold of $50,000 "
        "per QALY was 100% and 0%.",
        "Drug A improved median overall survival by ~3 months over best supportive care.",
        "With 5 years of follow-up, drug A continued to provide durable benefit.",
    ],
)
def test_ranges_event_maturity_and_costs_are_not_results(text):
    assert parse_sentence(text) == []


def test_respectively_list_takes_the_groups_of_the_list_before_it_in_the_sentence():
    got = rows(
        "The 3-year OS rates were 30% in the low-risk and 18% in the high-risk groups; "
        "5-year OS rates were 16% and 9%, respectively."
    )
    assert [(g[1], g[2], g[3]) for g in got] == [
        (30.0, 36.0, "low-risk"),
        (18.0, 36.0, "high-risk groups"),
        (16.0, 60.0, "low-risk"),
        (9.0, 60.0, "high-risk groups"),
    ]


def test_respectively_list_takes_the_groups_listed_by_the_previous_sentence():
    first = parse_sentence(
        "Median PFS was 7.1 months in the drug A group and 4.2 months in the drug B group."
    )
    groups = listed_groups(first)
    assert groups == ("drug A group", "drug B group")
    got = parse_sentence(
        "Objective response rates were 24% and 11%, respectively.", recent_groups=groups
    )
    assert [(f.value, f.arm) for f in got] == [(24.0, "drug A group"), (11.0, "drug B group")]


def test_a_list_without_respectively_does_not_borrow_groups():
    got = parse_sentence(
        "Objective response rates were 24% and 11%.", recent_groups=("drug A", "drug B")
    )
    assert [f.arm for f in got] == [None, None]


@pytest.mark.parametrize(
    "text",
    [
        "Patients in the surgery + drug A group had a longer TTP (29 mo vs 22 mo, P = 0.04) "
        "compared to patients in the surgery group.",
        "In the surgery + drug A group, time to progression was longer than in the surgery group "
        "(29 vs. 22 months, respectively, p = 0.04).",
    ],
)
def test_a_pair_of_values_follows_the_two_groups_the_sentence_names(text):
    got = parse_sentence(text)
    assert [(f.endpoint, f.value, f.arm) for f in got] == [
        ("TTP", 29.0, "surgery + drug A group"),
        ("TTP", 22.0, "surgery group"),
    ]
    assert got[0].p is not None and got[0].p.value == 0.04


def test_a_ratio_compares_the_two_groups_its_sentence_names():
    got = parse_sentence(
        "The 2-year PFS rate was 70% in the drug A group and 30% in the placebo group "
        "(hazard ratio for progression or death, 0.21; 95% CI, 0.1 to 0.4)."
    )
    ratio = next(f for f in got if f.measure == "hazard_ratio")
    assert (ratio.arm, ratio.comparator) == ("drug A group", "placebo group")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Median PFS and OS were 5.1 versus 3.2 months and 11.0 versus 8.4 months, respectively.",
            [("PFS", 5.1, "A"), ("PFS", 3.2, "B"), ("OS", 11.0, "A"), ("OS", 8.4, "B")],
        ),
        (
            "Median duration of treatment and overall survival were 4.0 and 7.5 months in cohort X; "
            "2.5 and 5.0 months in cohort Y.",
            # (a duration of treatment is a result too: OTHER, its wording kept)
            [
                ("OTHER", 4.0, "cohort X"),
                ("OS", 7.5, "cohort X"),
                ("OTHER", 2.5, "cohort Y"),
                ("OS", 5.0, "cohort Y"),
            ],
        ),
        (
            "The complete response rate and the objective response rate were 9% and 31%, respectively.",
            [("CR", 9.0, None), ("ORR", 31.0, None)],
        ),
    ],
)
def test_endpoint_lists_in_other_shapes(text, expected):
    got = rows(text, comparison=("A", "B"))
    assert [(g[0], g[1], g[3]) for g in got] == expected


def test_endpoints_each_followed_by_its_own_pair_are_not_a_list():
    got = rows(
        "The median OS (21.7 vs. 11.5 months) and TTP (10.2 vs. 6.7 months) were longer in the "
        "drug A group compared to the drug B group."
    )
    # (a trailing "group" is not part of the group's key: dbt's arm_key drops it)
    assert [(g[0], g[1], g[3].removesuffix(" group")) for g in got] == [
        ("OS", 21.7, "drug A"),
        ("OS", 11.5, "drug B"),
        ("TTP", 10.2, "drug A"),
        ("TTP", 6.7, "drug B"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Patients who developed rash had median OS of 9.1 months (95% CI 7.0-11.2) compared with "
        "5.2 (95% CI 4.0-6.3) for those without rash (hazard ratio 0.5, 95% CI 0.3-0.8, p = 0.004).",
        "Patients who developed rash had a median overall survival of 9.1 months versus 5.2 for "
        "those without rash (Hazard Ratio (HR) 0.5; p = 0.004).",
    ],
)
def test_values_compared_with_a_bare_number_and_the_ratio_between_them(text):
    got = parse_sentence(text)
    assert [(f.measure, f.value, f.arm, f.comparator) for f in got] == [
        ("median", 9.1, "developed rash", None),
        ("median", 5.2, "patients without rash", None),
        ("hazard_ratio", 0.5, "developed rash", "patients without rash"),
    ]
    assert [f.p.value if f.p else None for f in got] == [None, None, 0.004]
    assert got[1].unit == "months"


def test_time_to_an_objective_response_is_ttr():
    got = rows(
        "The median time to an objective response was 2.8 months (interquartile range, 1.4 to 4.1) "
        "in the drug A group."
    )
    assert got == [("TTR", 2.8, None, "drug A group", None)]


def test_a_lone_value_in_brackets_after_its_group():
    got = rows(
        "One-year survival was higher in the low-risk and intermediate groups (82% and 78%, "
        "respectively) and lower in the high-risk group (50%)."
    )
    assert [(g[1], g[3]) for g in got] == [
        (82.0, "low-risk"),
        (78.0, "intermediate"),
        (50.0, "high-risk group"),
    ]


@pytest.mark.parametrize(
    ("text", "group"),
    [
        (
            "Among patients who received drug A, the most common adverse events were rash (40%) "
            "and fatigue (31%).",
            "drug A",
        ),
        (
            "In the drug A group, the most common adverse events were rash (40%) and fatigue (31%).",
            "drug A group",
        ),
    ],
)
def test_a_group_put_before_the_clause_is_its_values_group(text, group):
    assert [(g[0], g[1], g[3]) for g in rows(text)] == [("AE", 40.0, group), ("AE", 31.0, group)]


@pytest.mark.parametrize(
    "text",
    [
        "In conclusion, the objective response rate was 30% in this cohort.",
        "In contrast, the objective response rate was 30%.",
    ],
)
def test_a_fronted_phrase_that_names_no_group_gives_none(text):
    assert [g[3] for g in rows(text)] == [None]


def test_groups_named_by_a_sign_with_counts_in_brackets():
    got = rows(
        "In the KRAS (+) (12 patients) and KRAS (-) (9 patients) groups, the median survival time "
        "was 512 and 301 days, respectively."
    )
    assert [(g[1], g[3]) for g in got] == [(512.0, "KRAS positive"), (301.0, "KRAS negative")]


def test_a_count_takes_the_response_written_right_after_it():
    got = parse_sentence(
        "Of 12 evaluable patients, 7 had clinical benefit (5 partial responses, 2 minor responses)."
    )
    assert [(f.value, f.endpoint, f.endpoint_label) for f in got] == [
        (7.0, "CBR", "clinical benefit"),
        (5.0, "PR", "partial responses"),
        (2.0, "OTHER", "minor responses"),
    ]


def test_a_share_of_those_in_a_group():
    got = rows(
        "Grade 3 or 4 adverse events occurred in 57% of patients in the drug A group and 55% of "
        "those in the drug B group."
    )
    assert [(g[0], g[1], g[3]) for g in got] == [
        ("AE", 57.0, "drug A group"),
        ("AE", 55.0, "drug B group"),
    ]


def test_each_ratio_takes_the_comparison_named_just_before_it():
    got = parse_sentence(
        "Prognostic factors for overall survival were initial treatment (resection vs. ablation: "
        "hazard ratio=1.750, p=0.036; resection vs. drug A: hazard ratio=2.262, p=0.006) and "
        "stage (hazard ratio=1.705, p=0.008)."
    )
    assert [(f.value, f.arm, f.comparator) for f in got] == [
        (1.75, "resection", "ablation"),
        (2.262, "resection", "drug A"),
        (1.705, None, None),
    ]


def test_a_difference_for_patients_on_a_when_compared_to_those_on_b():
    got = parse_sentence(
        "The trial showed an improvement in progression-free survival of 5 months for patients "
        "on drug A when compared to those on placebo."
    )
    assert [(f.measure, f.value) for f in got] == [("difference", 5.0)]
    assert got[0].arm.endswith("drug A") and got[0].comparator.endswith("placebo")


@pytest.mark.parametrize(
    "text",
    [
        "Child-Pugh score 5 (Hazard Ratio = 0.492, p = 0.049), absent toxicity (3.423, p = 0.015), "
        "and tumor numbers ≤ 3 (0.313, p = 0.009) significantly correlated with patient survival.",
        "On multivariate analysis, Child-Pugh score 5 (HR 0.492, p = 0.049), absent toxicity "
        "(3.423, p = 0.015) and tumor numbers ≤ 3 (0.313; p = 0.009) predicted overall survival.",
    ],
)
def test_a_list_of_prognostic_factors_each_with_its_ratio(text):
    got = parse_sentence(text)
    assert [(f.endpoint, f.measure, f.value, f.arm, f.p.value) for f in got] == [
        ("OS", "hazard_ratio", 0.492, "Child-Pugh score 5", 0.049),
        ("OS", "hazard_ratio", 3.423, "absent toxicity", 0.015),
        ("OS", "hazard_ratio", 0.313, "tumor numbers ≤ 3", 0.009),
    ]
    # a level whose words say what it is compared with is compared with that: "absent X" with
    # "present X", "X ≤ 3" with "X more than 3"; a score's other levels are not said
    assert [f.comparator for f in got] == [None, "present toxicity", "tumor numbers more than 3"]


@pytest.mark.parametrize(
    ("level", "other"),
    [
        ("absent TACE", "present TACE"),
        ("no prior surgery", "prior surgery"),
        ("present ascites", "absent ascites"),
        ("sorafenib duration ≤ 1 cycle", "sorafenib duration more than 1 cycle"),
        ("age ≥ 65 years", "age less than 65 years"),
        ("Child-Pugh score 5", None),
        ("male sex", None),
    ],
)
def test_a_factor_level_is_compared_with_its_complement(level, other):
    assert complement(level) == other


def test_a_single_bracketed_number_with_a_p_value_is_not_a_ratio():
    got = parse_sentence("Median age was 61 (58, p = 0.3) and the response rate was 20%.")
    assert [(f.measure, f.value) for f in got] == [("rate", 20.0)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # those undergoing a treatment, before their value; a group of two treatments in order
        (
            "The relapse rate for patients undergoing wide excision was 9% and for patients "
            "undergoing marginal excision followed by brachytherapy was 14%.",
            [
                (9.0, "patients undergoing wide excision"),
                (14.0, "marginal excision followed by brachytherapy"),
            ],
        ),
        # a group's patients achieving a value, against another group's after it
        (
            "Survival was shorter, with ctDNA-positive patients achieving a median OS of 21.5 "
            "months compared to 60.2 months in ctDNA-negative patients.",
            [(21.5, "ctDNA-positive"), (60.2, "ctDNA-negative")],
        ),
        # (a quantifier is no group)
        ("Overall, most patients had a response rate of 40%.", [(40.0, None)]),
    ],
)
def test_a_group_named_before_its_value_by_what_its_patients_underwent_or_achieved(text, expected):
    assert [(g[1], g[3]) for g in rows(text)] == expected


def test_a_reference_put_first_is_the_comparator_of_the_subject_after_it():
    text = (
        "Compared to the low-risk group, the high-risk group had shorter median PFS (3.1 months vs. "
        "8.2 months [HR, 2.50; 95% CI, 1.40 to 4.46; p=0.002])."
    )

    def bare(label):  # ("high-risk" and "high-risk group" name one group)
        return label.removesuffix(" group") if label else label

    assert [(g[0], g[1], bare(g[3]), bare(g[4])) for g in rows(text)] == [
        ("PFS", 3.1, "high-risk", None),
        ("PFS", 8.2, "low-risk", None),
        ("PFS", 2.5, "high-risk", "low-risk"),
    ]


def test_patients_with_a_factor_as_the_subject_are_compared_with_those_without_it():
    text = "Patients with prior surgery had longer PFS (HR, 0.40; 95% CI, 0.20 to 0.80; p = 0.01)."
    assert [(g[1], g[3], g[4]) for g in rows(text)] == [(0.4, "prior surgery", "no prior surgery")]


def test_groups_told_apart_by_their_doses_keep_them():
    got = parse_sentence(
        "The response rate was 31% with zorvatinib 960 mg plus cetuximab, 8% with zorvatinib "
        "240 mg plus cetuximab and 2% with investigator's choice."
    )
    assert [(f.value, f.arm) for f in got] == [
        (31.0, "zorvatinib 960 mg plus cetuximab"),
        (8.0, "zorvatinib 240 mg plus cetuximab"),
        (2.0, "investigator's choice"),
    ]


def test_groups_compared_before_a_colon_order_the_pair_after_it():
    got = parse_sentence("Median PFS for zorvatinib vs placebo: 8.8 vs 3.7 months.")
    assert [(f.value, f.arm) for f in got] == [(8.8, "zorvatinib"), (3.7, "placebo")]


def test_subgroup_items_repeating_the_first_pair_without_its_unit_are_of_that_unit():
    got = parse_sentence(
        "Of the patients, 40 had liver metastases (PFS for zorvatinib vs placebo: 9.1 vs 3.2 "
        "months; HR: 0.40), 200 had none (16.5 vs. 3.9; HR: 0.22) and 60 had bone metastases "
        "(not reached vs 2.8; HR: 0.30)."
    )
    assert [(f.measure, f.value, f.unit, f.arm) for f in got] == [
        ("median", 9.1, "months", "zorvatinib"),
        ("median", 3.2, "months", "placebo"),
        ("hazard_ratio", 0.40, "ratio", "zorvatinib"),
        ("median", 16.5, "months", "zorvatinib"),
        ("median", 3.9, "months", "placebo"),
        ("hazard_ratio", 0.22, "ratio", "zorvatinib"),
        ("median", 2.8, "months", "placebo"),  # (the unreached median keeps its place)
        ("hazard_ratio", 0.30, "ratio", "zorvatinib"),
    ]


def test_a_bare_pair_with_no_timed_pair_before_it_is_no_median():
    got = parse_sentence("Median OS was 14.1 months; serious events (12 vs 8; P = 0.3) were rare.")
    assert [f.value for f in got] == [14.1]


def test_a_value_compared_with_the_other_groups_value_is_the_subjects():
    got = parse_sentence(
        "Zorvatinib achieved 2-year progression-free survival of 81% compared to 70% with "
        "placebo (hazard ratio 0.62; 95% CI 0.45-0.85)."
    )
    assert [(f.measure, f.value, f.timepoint_months, f.arm, f.comparator) for f in got] == [
        ("rate", 81.0, 24.0, "Zorvatinib", None),
        ("rate", 70.0, 24.0, "placebo", None),
        ("hazard_ratio", 0.62, None, "Zorvatinib", "placebo"),
    ]


def test_patients_alive_without_progression_after_a_time_are_a_pfs_rate_at_that_time():
    got = parse_sentence(
        "After 5 years, 46% of patients on zorvatinib versus 19% on placebo were alive and had "
        "not progressed."
    )
    assert [(f.endpoint, f.value, f.timepoint_months, f.arm) for f in got] == [
        ("PFS", 46.0, 60.0, "zorvatinib"),
        ("PFS", 19.0, 60.0, "placebo"),
    ]


def test_groups_named_after_a_pairs_bracket_with_their_sizes_take_the_pair_in_order():
    got = parse_sentence(
        "Median PFS was 7.8 versus 4.9 months (HR, 0.44; 95% CI, 0.28-0.68; P = .0002) for "
        "zorvatinib (n = 60) versus placebo (n = 81)."
    )
    assert [(f.measure, f.value, f.arm, f.comparator) for f in got] == [
        ("median", 7.8, "zorvatinib", None),
        ("median", 4.9, "placebo", None),
        ("hazard_ratio", 0.44, "zorvatinib", "placebo"),
    ]


def test_mrd_negativity_written_with_a_hyphen_is_a_result():
    got = parse_sentence(
        "MRD-negativity rates were greater with zorvatinib versus placebo (14% vs. 2%)."
    )
    assert [(f.endpoint, f.value, f.arm) for f in got] == [
        ("OTHER", 14.0, "zorvatinib"),
        ("OTHER", 2.0, "placebo"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Median PFS was 8.8 vs 3.7 months (HR 0.50); deaths (45 vs 60; p = 0.04) were fewer.",
        "Median OS was 18.2 vs 12.1 months; number of events (120 vs 150; HR 0.75).",
        "Median OS was 18.2 vs 12.1 months, and the median age (62 vs 64) was similar.",
    ],
)
def test_bare_pairs_of_counts_ages_or_other_measures_take_no_unit_of_the_first_pair(text):
    assert [f.value for f in parse_sentence(text) if f.measure == "median"] == [
        v for v in (8.8, 3.7, 18.2, 12.1) if str(v) in text
    ]


@pytest.mark.parametrize(
    ("text", "median"),
    [("OS was 24 months and PFS 52%.", 24.0), ("DFS 36 months OS 80%.", 36.0)],
)
def test_a_time_that_is_its_own_endpoints_value_stays_a_median(text: str, median: float):
    assert [f.value for f in parse_sentence(text) if f.measure == "median"] == [median]


def test_a_dose_ends_a_groups_name_before_the_clause_after_it():
    got = parse_sentence("In patients treated with zorvatinib 40 mg the ORR was 30%.")
    assert [(f.value, f.arm) for f in got] == [(30.0, None)]


@pytest.mark.parametrize(
    ("text", "order"),
    [
        ("Rates of rash and cough were 84 vs 75% and 17 vs 11% for drug K vs placebo.", 0),
        ("Grade 3 rash, cough and fatigue (drug K vs placebo: 9 vs 6%, 10 vs 8%, 5 vs 8%).", 0),
        (
            "Rates of rash and cough were 84% versus 75% and 17% versus 11% with placebo vs drug K.",
            1,
        ),
    ],
)
def test_a_list_of_bare_pairs_gives_each_pair_the_two_groups_in_order(text, order):
    groups = ["drug K", "placebo"][:: 1 if order == 0 else -1]
    got = rows(text, comparison=("drug K", "placebo"), arms=["drug K", "placebo"])
    assert [g[3] for g in got] == groups * (len(got) // 2)
    assert len(got) >= 4


def test_pairs_whose_values_name_their_groups_are_read_by_the_names():
    text = (
        "The 2-year OS rate was 14.4% for drug K versus 6.5% for drug M and 16.0% for drug K "
        "plus drug L versus 5.2% for drug M."
    )
    got = rows(text, arms=["drug K", "drug K plus drug L", "drug M"])
    assert [g[3] for g in got] == ["drug K", "drug M", "drug K plus drug L", "drug M"]


_OTHER_STUDY = (
    "In a phase III study (ZX-105) of drug K versus placebo in treatment-naive or pretreated "
    "patients (N = 435), median PFS was 9.2 versus 4.2 months (P < 0.0001)."
)


@pytest.mark.parametrize("declared", [None, ["drug M", "drug N"]])
def test_a_sentence_of_a_study_of_two_groups_gives_its_values_those_groups(declared):
    # (a review's sentence, each of its own study: the record's groups, where it declared any,
    # are another study's; the kinds of patients the study took are no groups)
    facts = (
        parse_sentence(_OTHER_STUDY)
        if declared is None
        else parse_sentence(_OTHER_STUDY, None, tuple(declared), declared)
    )
    assert [(f.value, f.arm) for f in facts] == [(9.2, "drug K"), (4.2, "placebo")]


@pytest.mark.parametrize(
    "sentence",
    [
        # the groups after their values, as "patients receiving" and "those receiving" them
        "Median OS was 35.3 months (95% CI, 32.2-NR) for patients receiving drug K + GnRH therapy "
        "vs 31.3 months (95% CI, 28.8-34.2) for those receiving placebo + GnRH therapy.",
        # a drug label's page: footnote signs on the groups, reference numbers glued after them
        "Median OS was 35.3 months (95% CI, 32.2-NR) with drug K + GnRH therapy* vs 31.3 months "
        "(95% CI, 28.8-34.2) with placebo + GnRH therapy*1",
    ],
)
def test_groups_named_after_their_values_as_a_label_page_writes_them(sentence):
    facts = parse_sentence(sentence)
    assert [(f.value, f.arm) for f in facts] == [
        (35.3, "drug K + GnRH therapy"),
        (31.3, "placebo + GnRH therapy"),
    ]
    # (the offsets are the sentence's own: the footnote signs were blanked, not cut)
    assert [sentence[f.start : f.end] for f in facts] == ["35.3 months", "31.3 months"]


def test_a_plural_noun_after_the_last_group_is_of_them_all():
    facts = parse_sentence(
        "Median PFS was 11.7 months versus 8.0 months (HR = 0.52; 95% CI = 0.36, 0.74) for the "
        "drug K and placebo regimens, respectively."
    )
    assert [(f.value, f.arm, f.comparator) for f in facts] == [
        (11.7, "drug K", None),
        (8.0, "placebo", None),
        (0.52, "drug K", "placebo"),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Men treated with zorvatinib plus standard care lived a median of 14.2 months vs 10.9 "
            "months with standard care alone.",
            [(14.2, "zorvatinib plus standard care"), (10.9, "standard care alone")],
        ),
        (
            "Patients receiving zorvatinib had an ORR of 44% compared with 21% in the placebo arm.",
            [(44.0, "zorvatinib"), (21.0, "placebo arm")],
        ),
    ],
)
def test_the_group_people_were_treated_with_is_the_subjects_and_the_other_named_after(
    sentence, expected
):
    assert [(f.value, f.arm) for f in parse_sentence(sentence)] == expected
