"""The groups a record declares, resolved once per record, and what the numbers of its sentences
take from them. Sentences written for the tests."""

from __future__ import annotations

import pytest

from etl.extract.context import record_context
from etl.extract.fact_roles import apply_context
from etl.extract.grammar import parse_sentence
from etl.extract.group_labels import group_label, split_groups
from tests.conftest import outcomes_of


@pytest.mark.parametrize(
    ("sentences", "arms", "control"),
    [
        (
            [
                "Adults were randomly assigned in a 1:1 ratio to receive either drug K (200 mg) or "
                "placebo, plus cisplatin and gemcitabine, every 3 weeks, followed by drug K or placebo "
                "maintenance."
            ],
            ["drug K", "placebo"],
            "placebo",
        ),
        (
            [
                "Overall, 412 patients were randomized 2:1 to zelatinib (n = 275) or placebo (n = 137) "
                "in 28-day cycles."
            ],
            ["zelatinib", "placebo"],
            "placebo",
        ),
        (
            ["We compared FOLFOX plus drug M [arm A] or drug N [arm B] in a second-line setting."],
            ["FOLFOX plus drug M", "drug N"],
            "drug N",
        ),
        (
            ["Drug R Plus Drug S Versus Drug S Alone in Advanced Melanoma", "We report the trial."],
            ["Drug R Plus Drug S", "Drug S Alone"],
            "Drug S Alone",
        ),
        (
            [
                "Patients were randomized to receive drug T at 20 mg once daily plus drug U at 200 mg "
                "once every 3 weeks (n = 300) or chemotherapy of physician's choice (n = 302)."
            ],
            ["drug T plus drug U", "chemotherapy of physician's choice"],
            "chemotherapy of physician's choice",
        ),
        (
            [
                "Patients were randomly assigned to drug V plus drug W, drug V alone, or chemotherapy."
            ],
            ["drug V plus drug W", "drug V alone", "chemotherapy"],
            "chemotherapy",
        ),
        (
            # (a phase of chemotherapy added to the other group's treatment is no control)
            [
                "Patients were randomly assigned to radiotherapy alone or induction chemotherapy "
                "followed by radiotherapy."
            ],
            ["radiotherapy alone", "induction chemotherapy"],
            "radiotherapy alone",
        ),
        (
            [
                "Drug X demonstrated a significant improvement in survival compared with drug Y in the "
                "earlier study."
            ],
            ["Drug X", "drug Y"],
            "drug Y",
        ),
        (["In this single-arm study, 60 patients received drug Z."], [], None),
        # the list follows "to receive", past an earlier " to " of the population ("stage II to
        # III"); a backbone named "-based" is a name ("based on" is a clause)
        (
            [
                "We randomly assigned patients with stage II to III disease to receive drug K plus "
                "taxane-based chemotherapy or taxane-based chemotherapy alone, followed by surgery."
            ],
            ["drug K plus taxane-based chemotherapy", "taxane-based chemotherapy alone"],
            "taxane-based chemotherapy alone",
        ),
        # a comparison whose second group is followed by when it was given
        (
            [
                "This analysis compared the efficacy of device M plus chemotherapy versus "
                "chemotherapy alone after first progression."
            ],
            ["device M plus chemotherapy", "chemotherapy alone"],
            "chemotherapy alone",
        ),
        # what a study is of, against what; a subject named by its last words; a reference
        # followed by what it was compared across
        (
            [
                "The company reported a phase 3 study of drug K and drug L compared to drug M in "
                "untreated patients."
            ],
            ["drug K and drug L", "drug M"],
            "drug M",
        ),
        (
            [
                "In resected disease, one year of adjuvant therapy with drug K plus drug L "
                "significantly reduced the risk of recurrence compared to placebo."
            ],
            ["drug K plus drug L", "placebo"],
            "placebo",
        ),
        (
            [
                "Drug K demonstrated these results compared with chemotherapy across all efficacy "
                "end points."
            ],
            ["Drug K", "chemotherapy"],
            "chemotherapy",
        ),
        # a card's interventions, one a line, each after its size
        (
            [
                "Interventions",
                "N=303 drug K plus drug L (drug K 3 mg/kg every 2 weeks plus drug L 1 mg/kg).",
                "N=302 platinum plus pemetrexed chemotherapy (every 3 weeks for 6 cycles).",
            ],
            ["drug K plus drug L", "platinum plus pemetrexed chemotherapy"],
            "platinum plus pemetrexed chemotherapy",
        ),
        # groups introduced by their roles: a card's lines, a registry record's arms
        (
            ["Regimen", "Experimental", "drug K + drug L", "Control", "placebo + drug L"],
            ["drug K + drug L", "placebo + drug L"],
            "placebo + drug L",
        ),
        (
            ["Placebo Comparator: placebo plus drug L", "Experimental: drug K plus drug L"],
            ["drug K plus drug L", "placebo plus drug L"],
            "placebo plus drug L",
        ),
        # a group named with when its treatment is given: its name is the treatment
        (
            [
                "A total of 400 patients underwent randomization, 198 to secondary surgery "
                "before chemotherapy and 202 to chemotherapy alone."
            ],
            ["secondary surgery", "chemotherapy alone"],
            "chemotherapy alone",
        ),
        # a radioligand's activity is a dose: its decimal point does not end the list
        (
            [
                "In all, 230 patients were randomized to receive either 177Lu-zetotide, 7.4 GBq "
                "every 8 weeks (four doses), or drug L 60 mg every 4 weeks."
            ],
            ["177Lu-zetotide", "drug L"],
            "drug L",
        ),
        # a group described at length before its size: its head before what qualifies it
        (
            [
                "In all, 310 patients were randomized to drug K 200 mg Q3W (n=155) or "
                "investigator-choice doublet chemotherapy with optional maintenance for "
                "nonsquamous histology (n=155)."
            ],
            ["drug K", "investigator-choice doublet chemotherapy"],
            "investigator-choice doublet chemotherapy",
        ),
        # "standard" qualifying a treatment another is added to is no control's mark
        (
            [
                "Patients were randomized 1:1 to standard RT (60 Gy) + drug K or RT + drug L "
                "(75 mg/m2 daily during RT)."
            ],
            ["standard RT + drug K", "RT + drug L"],
            "RT + drug L",
        ),
        # a regimen named by its days in quotation marks, against a code the record defines as
        # a drug: its name is read through the marks and the digits
        (
            [
                "A randomized trial of QX-210 vs conventional \u201c5+2\u201d regimen in older "
                "adults with leukemia.",
                "QX-210, a liposomal formulation of two cytotoxic agents, improved survival.",
            ],
            ["QX-210", "conventional 5+2 regimen"],
            "conventional 5+2 regimen",
        ),
        # a card's fields, each label and its value on one line without a colon
        (
            [
                "Design",
                "Phase 3 RCT",
                "Intervention Zorvatinib 200 mg IV every 21 days for 16 cycles (up to 1 year).",
                "Comparator Best supportive care (observation and routine scans).",
            ],
            ["Zorvatinib", "Best supportive care"],
            "Best supportive care",
        ),
    ],
)
def test_the_groups_a_record_declares_in_order_and_its_control(sentences, arms, control):
    context = record_context(sentences)
    assert context.labels == arms
    assert context.control == control


def test_an_abbreviation_the_record_defines_is_a_name_of_its_group():
    context = record_context(
        [
            "Drug K plus drug L (DK + DL) was compared with drug M (DM) in a phase 3 trial.",
            "Overall, 300 patients were randomised to DK + DL and 296 to DM.",
        ]
    )
    assert context.labels == ["DK + DL", "DM"]
    assert context.arm_of("drug K plus drug L").label == "DK + DL"
    assert context.arm_of("patients given drug M").label == "DM"


def test_the_subject_of_what_a_report_showed_is_a_group_not_the_report():
    context = record_context(
        [
            "ORVEX-7 efficacy data showed that the drug K triplet demonstrated superiority "
            "compared to a drug L triplet, with a median PFS of 36.6 vs 13.4 months."
        ]
    )
    assert context.labels == ["drug K triplet", "drug L triplet"]


@pytest.mark.parametrize(
    "sentence",
    [
        "PFS remained significantly better with DKL compared with DL (HR 0.71), medians of 12.7 "
        "vs 8.6 months.",
        "Overall survival was longer for DKL than for DL (HR 0.74).",
    ],
)
def test_the_groups_an_outcome_is_better_with_are_declared_not_its_verb(sentence):
    # (the sentence's subject is the outcome: "PFS remained" names no group)
    assert record_context([sentence]).labels == ["DKL", "DL"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Patients were randomly assigned to receive chemotherapy with or without drug K.",
        "In total, 410 patients were randomly assigned to receive drug L at 50 mg/m2 on day 1 of "
        "3-week cycles with (n = 206) or without (n = 204) drug K at 1,200 mg on day 1 every 3 "
        "weeks.",
    ],
)
def test_a_backbone_with_or_without_an_agent_declares_the_agent_and_its_absence(sentence):
    context = record_context([sentence])
    assert context.labels == ["drug K", "without drug K"]
    assert context.resolve("the control group") == "without drug K"


@pytest.mark.parametrize(
    ("sentence", "labels"),
    [
        (
            "Results showed the drug K combination reduced the risk of progression by 56% "
            "compared to standard care (HR 0.44).",
            ["drug K", "standard care"],
        ),
        (
            "In the final analysis drug K met the primary endpoint of superior PFS compared to "
            "drug L with a hazard ratio (HR) of 0.79.",
            ["drug K", "drug L"],
        ),
    ],
)
def test_a_report_or_a_statistic_is_never_a_declared_group(sentence, labels):
    assert record_context([sentence]).labels == labels


def test_a_summary_declares_its_groups_by_the_values_it_gives_each():
    context = record_context(
        [
            "Key findings",
            "Median overall survival was 20.1 months in the drug K group compared to 15.2 months "
            "in the placebo group (HR 0.70).",
        ]
    )
    assert context.labels == ["drug K", "placebo"]
    assert context.comparison == ("drug K", "placebo")


@pytest.mark.parametrize(
    ("proposed", "resolved"),
    [
        ("zelatinib + chemo", "zelatinib + chemo"),  # a clean name of a declared group, as written
        ("Zelatinib plus chemotherapy significantly improved survival", "zelatinib"),
        ("renal cell carcinoma based on superiority", None),  # a clause naming no group
        ("cohort D2", "cohort D2"),  # a subgroup the record does not declare, read as a name
        (None, None),
    ],
)
def test_a_proposed_label_is_resolved_against_the_declared_groups(proposed, resolved):
    context = record_context(["Patients were randomly assigned to zelatinib or placebo."])
    assert context.resolve(proposed) == resolved


def test_a_ratio_without_groups_compares_experimental_with_control():
    context = record_context(["Patients were randomly assigned to zelatinib or placebo."])
    sentence = "The hazard ratio for death was 0.72 (95% CI, 0.60 to 0.86; P<0.001)."
    (ratio,) = apply_context(
        parse_sentence(sentence, None, context.comparison, context.labels), context
    )
    assert (ratio.arm, ratio.comparator) == ("zelatinib", "placebo")


def test_a_ratio_naming_only_the_control_compares_the_other_group_with_it():
    context = record_context(["Patients were randomly assigned to zelatinib or placebo."])
    sentence = "Renal toxicity was lower (hazard ratio, 0.70) compared with placebo."
    (ratio,) = apply_context(parse_sentence(sentence, None, None, context.labels), context)
    assert (ratio.arm, ratio.comparator) == ("zelatinib", "placebo")


def test_a_versus_list_without_group_names_takes_the_declared_order():
    context = record_context(["Patients were randomized to drug K (n = 101) or placebo (n = 99)."])
    sentence = "Median overall survival was 12.4 vs 9.8 months (HR 0.74; 95% CI 0.58-0.94)."
    facts = apply_context(
        parse_sentence(sentence, None, context.comparison, context.labels), context
    )
    assert [(f.value, f.arm) for f in facts if f.measure == "median"] == [
        (12.4, "drug K"),
        (9.8, "placebo"),
    ]


def test_a_versus_list_follows_the_order_its_sentence_compares_the_groups_in():
    context = record_context(["Patients were randomly assigned to six cycles of K-CHOP or L-CHOP."])
    assert context.labels == ["K-CHOP", "L-CHOP"]  # ("six cycles of" is no part of the name)
    sentence = (
        "Patients in the L-CHOP arm had longer progression-free survival compared with patients "
        "in the K-CHOP arm (56% v 42%; P = .01)."
    )
    facts = apply_context(
        parse_sentence(sentence, None, context.comparison, context.labels), context
    )
    # (the p-value stays with the group the sentence makes its subject)
    assert [(f.value, f.arm, f.p and f.p.value) for f in facts] == [
        (56.0, "L-CHOP", 0.01),
        (42.0, "K-CHOP", None),
    ]


def test_a_versus_list_follows_the_groups_a_between_phrase_names():
    context = record_context(["Patients were randomly assigned to K-CHOP or L-CHOP."])
    sentence = (
        "There was no significant difference between the L-CHOP and K-CHOP arms in the "
        "incidence of second malignancies (15.1% v 16.1%; P = .81)."
    )
    facts = apply_context(
        parse_sentence(sentence, None, context.comparison, context.labels), context
    )
    assert [(f.value, f.arm) for f in facts] == [(15.1, "L-CHOP"), (16.1, "K-CHOP")]


def test_a_pair_opened_right_after_a_named_group_is_that_groups_first():
    context = record_context(["Patients were randomized to drug K (n = 100) or drug L (n = 100)."])
    sentence = (
        "Time to treatment failure was shorter in the drug L arm (11 vs 18 months; P = .004)."
    )
    facts = apply_context(
        parse_sentence(sentence, None, context.comparison, context.labels), context
    )
    assert [(f.value, f.arm) for f in facts] == [(11.0, "drug L"), (18.0, "drug K")]


@pytest.mark.parametrize(
    ("phrase", "label"),
    [
        ("either daily oral drug K 560 mg", "drug K"),
        ("received ≤6 cycles of AB+CD", "AB+CD"),
        ("drug K 480 mg and drug L 160 mg fixed-dose combination", "drug K and drug L"),
        ("the difference in RFS for drug K plus drug L", "drug K plus drug L"),
        ("Drug K significantly improved survival", ""),
        ("ZEPHYR-12", ""),  # a trial's name is not a group
        # (a report's title before its group; how a group was to be treated)
        ("Long-term outcomes with frontline drug K", "drug K"),
        ("to be treated with drug L", "drug L"),
    ],
)
def test_a_group_label_is_cut_out_of_its_phrase(phrase, label):
    assert group_label(phrase) == label


def test_a_list_of_groups_drops_its_backbone_and_schedule():
    assert split_groups(
        "drug K on days 1 and 15 of a 28-day cycle or drug L on days 1, 8 and 15, both given with "
        "either cisplatin or carboplatin"
    ) == ["drug K", "drug L"]


def test_an_abbreviated_schedule_and_route_are_no_part_of_a_group():
    assert split_groups(
        "zelatinib 240 mg once daily (qd) orally (po) or gefitinib 250 mg qd po"
    ) == [
        "zelatinib",
        "gefitinib",
    ]


def test_an_add_on_design_declares_the_combination_and_the_agent_alone():
    context = record_context(
        [
            "Results come from a randomized phase 2 study of drug K in combination with drug L.",
            "Survival was longer than with drug L alone.",
        ]
    )
    assert context.labels == ["drug K plus drug L", "drug L alone"]
    assert context.comparison == ("drug K plus drug L", "drug L alone")


def test_a_ratio_whose_labels_name_no_declared_group_compares_the_declared_ones():
    context = record_context(["Patients were randomly assigned to drug K or placebo."])
    sentence = (
        "In a multivariable analysis adjusting for baseline demographic and disease factors, "
        "the benefit was preserved (HR 0.61; 95% CI 0.41-0.90)."
    )
    (ratio,) = apply_context(
        parse_sentence(sentence, None, context.comparison, context.labels), context
    )
    assert (ratio.arm, ratio.comparator) == ("drug K", "placebo")


@pytest.mark.parametrize(
    ("sentence", "group"),
    [
        ("Among 40 patients on the 800 mg arm, the ORR was 52%.", "800 mg arm"),
        (
            "Among 51 pts who completed 24 cycles of drug K, the ORR was 80.0%.",
            "pts who completed 24 cycles of drug K",
        ),
    ],
)
def test_a_group_put_before_the_clause_with_a_count(sentence, group):
    (rate,) = parse_sentence(sentence)
    assert rate.arm == group


@pytest.mark.parametrize(
    "sentence",
    [
        "Overall, 9% in each group discontinued the study due to adverse events.",
        "Grade 3 rash occurred in 9% of patients in both arms.",
    ],
)
def test_a_value_in_each_group_is_one_outcome_of_every_group(sentence):
    from etl.extract.records import fact_row

    context = record_context(["Patients were randomly assigned to zelatinib or placebo."])
    facts = apply_context(parse_sentence(sentence, None, context.comparison, []), context)
    assert [(f.value, f.arm) for f in facts] == [(9.0, "zelatinib"), (9.0, "placebo")]
    assert facts[0].endpoint == "AE"
    assert len({fact_row("doc", 0, f)[0] for f in facts}) == 2  # (two outcome ids)
    # (without declared groups it stays one value of no group)
    assert [f.arm for f in apply_context(parse_sentence(sentence), record_context([]))] == [None]


def test_a_described_group_is_the_declared_group_it_describes_or_none():
    context = record_context(
        ["Men were randomly assigned to drug K or an androgen-receptor inhibitor."]
    )
    sentence = (
        "Median PFS was 8.0 months with drug K and 3.1 months with an androgen-receptor "
        "inhibitor (hazard ratio for progression or death, 0.50), and a PSA response occurred "
        "in 40.2% and 12.9% of the patients, respectively."
    )
    facts = apply_context(parse_sentence(sentence, None, context.comparison, []), context)
    groups = [(f.value, f.arm) for f in facts if f.measure != "hazard_ratio"]
    assert groups == [
        (8.0, "drug K"),
        (3.1, "androgen-receptor inhibitor"),
        (40.2, "drug K"),
        (12.9, "androgen-receptor inhibitor"),
    ]
    # (a description of no declared group is no group, with declared groups or without)
    for record in (context, record_context([])):
        alone = apply_context(parse_sentence("ORR was 30% in a younger population."), record)
        assert [f.arm for f in alone] == [None]


def test_a_summary_line_of_sized_groups_declares_the_record_groups_without_a_verb():
    context = record_context(
        ["Design: drug Z plus letrozole (n=300) vs. letrozole (n=300) vs. drug Z (n=300)"]
    )
    assert context.labels == ["drug Z plus letrozole", "letrozole", "drug Z"]
    facts = apply_context(parse_sentence("5-year OS: 90.1% vs. 85.0% vs. 88.2%"), context)
    assert [(f.value, f.arm) for f in facts] == [
        (90.1, "drug Z plus letrozole"),
        (85.0, "letrozole"),
        (88.2, "drug Z"),
    ]


@pytest.mark.parametrize(
    ("phrase", "label"),
    [
        ("double-blind treatment with drug E", "drug E"),
        ("treatment with drug K and cetuximab", "drug K and cetuximab"),
        ("therapy with drug K", "drug K"),
        # its dose, written as an adjective too, and the form it is given in
        ("300-mg drug K tablets", "drug K"),
        ("drug K film-coated tablets", "drug K"),
        ("drug L capsules", "drug L"),
    ],
)
def test_how_a_group_was_treated_is_no_part_of_its_name(phrase: str, label: str):
    assert group_label(phrase) == label


def test_the_treatment_and_control_arms_are_the_record_declared_groups():
    context = record_context(
        [
            "In all, 220 patients were randomized to receive drug K and cetuximab, and 221 "
            "patients were assigned to irinotecan with cetuximab."
        ]
    )
    facts = apply_context(
        parse_sentence(
            "Median overall survival was 8.4 months in the treatment arm compared to 5.4 months "
            "in the control arm."
        ),
        context,
    )
    assert [(f.value, f.arm) for f in facts] == [
        (8.4, "drug K and cetuximab"),
        (5.4, "irinotecan with cetuximab"),
    ]


_THREE_HEADED_GROUPS = (
    "Patients were randomly assigned to triplet therapy with drug E, drug B and cetuximab, "
    "doublet therapy with drug E and cetuximab, or control treatment with cetuximab and "
    "irinotecan."
)


def test_groups_named_by_a_head_before_their_agents_are_not_cut_at_the_agents_commas():
    assert split_groups(
        "either triplet therapy with drug E, drug B and cetuximab, doublet therapy with drug E "
        "and cetuximab, or control treatment with cetuximab and irinotecan"
    ) == ["triplet therapy", "doublet therapy", "control treatment"]
    assert split_groups(
        "triplet therapy with drug E, drug B and cetuximab, doublet therapy with drug E and "
        "cetuximab, or placebo"
    ) == ["triplet therapy", "doublet therapy", "placebo"]


def test_a_route_given_one_way_or_another_parts_no_groups():
    # ("subcutaneous or intravenous B" is how B is given; "matched placebo" is placebo)
    assert split_groups(
        "oral drug K (500 mg once daily) and subcutaneous or intravenous azacitidine (75 mg per "
        "square meter for 7 days) or to receive matched placebo and azacitidine"
    ) == ["drug K and azacitidine", "placebo and azacitidine"]


def test_each_ratio_names_its_group_and_the_list_its_shared_reference():
    context = record_context([_THREE_HEADED_GROUPS])
    facts = apply_context(
        parse_sentence(
            "The median overall survival durations were 9.0 months, 8.4 months and 5.4 months, "
            "respectively (HR 0.52 for the triplet and 0.60 for the doublet versus the control "
            "treatment)."
        ),
        context,
    )
    assert [(f.value, f.arm, f.comparator) for f in facts] == [
        (9.0, "triplet therapy", None),
        (8.4, "doublet therapy", None),
        (5.4, "control treatment", None),
        (0.52, "triplet", "control treatment"),
        (0.60, "doublet", "control treatment"),
    ]


@pytest.mark.parametrize(
    "opening",
    ["", "1. ", "In the overall population, ", "RESULTS: "],
)
def test_a_subject_compared_with_a_reference_declares_the_groups_after_a_scene_setting_clause(
    opening: str,
):
    context = record_context(
        [opening + "drug N significantly reduced the risk of progression compared to placebo."]
    )
    assert [label.lower() for label in context.labels] == ["drug n", "placebo"]


def test_a_trial_that_demonstrated_a_result_is_no_group_and_a_hyphenated_reference_stays_whole():
    """ "The X-9 trial demonstrated that A ... compared to standard-of-care ..." names no groups
    (a trial is none, and "standard-" is half a word); the next sentence that compares two
    groups declares them."""
    context = record_context(
        [
            "The ZEPHYR-9 trial demonstrated that velmurane improves survival compared to "
            "standard-of-care salvage chemotherapy and transplantation in relapsed lymphoma.",
            "Velmurane significantly improved event-free survival compared to standard-of-care "
            "(SOC), with a median of 8.1 versus 2.2 months.",
        ]
    )
    assert [label.lower() for label in context.labels] == ["velmurane", "standard-of-care"]


def test_a_rate_in_brackets_after_a_declared_group_is_that_group_s():
    context = record_context([_THREE_HEADED_GROUPS])
    facts = apply_context(
        parse_sentence(
            "Grade 3 adverse events were less frequent with the triplet (58%) and with the "
            "doublet (50%) than with control treatment (61%).",
            None,
            context.comparison,
            context.labels,
        ),
        context,
    )
    assert [(f.value, f.arm) for f in facts] == [
        (58.0, "triplet"),
        (50.0, "doublet"),
        (61.0, "control treatment"),
    ]
    # a group the record does not declare is not taken from before the brackets
    [fact] = parse_sentence(
        "Rash occurred more often in the elderly (9%).", None, None, context.labels
    )
    assert fact.arm is None


def test_a_title_s_verb_before_its_groups_is_no_part_of_the_first():
    context = record_context(
        [
            "Randomized Phase 3 Study Comparing Velmurane (VEL) in Combination with Docetaxel "
            "(D) versus D Alone in Advanced Sarcoma: Study ZX-406"
        ]
    )
    assert [label.split()[0] for label in context.labels] == ["Velmurane", "D"]


def test_pairs_of_values_take_the_two_groups_a_subject_compares_in_its_order():
    facts = parse_sentence(
        "The K-Rd vs Rd arm showed a higher overall response rate (ORR; 92.9% vs 81.6%) and "
        "complete response rate (51.1% vs 30.1%)."
    )
    assert [(f.value, f.arm) for f in facts] == [
        (92.9, "K-Rd"),
        (81.6, "Rd"),
        (51.1, "K-Rd"),
        (30.1, "Rd"),
    ]


@pytest.mark.parametrize("name", ["drug K", "zanubrelimab"])
def test_a_ratio_s_groups_named_after_it_are_read_whole_however_far_the_second_runs(name):
    """ "(HR, 0.39; ... P=0.00001), median PFS for A and placebo was ...": the comparison after
    the ratio is read whole, not cut where a window of characters ends ("placeb", "p")."""
    facts = parse_sentence(
        f"PFS favored the {name} arm (HR, 0.39; 95% CI, 0.27 to 0.56; 1-sided P=0.000000067), "
        f"median PFS for {name} and placebo was 27.7 vs 11.1 months, respectively."
    )
    assert [(f.value, f.arm, f.comparator) for f in facts] == [
        (0.39, name, "placebo"),
        (27.7, name, None),
        (11.1, "placebo", None),
    ]


@pytest.mark.parametrize("declared", [[], ["drug K regimen", "placebo regimen"]])
def test_a_list_of_rates_at_several_time_points_is_of_the_one_group_it_names(declared):
    """ "the 12- and 24-month rates with A were 76% and 68%, compared to 70% and 60% with B":
    each list is one group's at two time points; never the record's groups by position."""
    facts = parse_sentence(
        "The 12- and 24-month EFS rates with drug K were 76.0% and 67.8%, respectively, "
        "compared to 69.9% and 59.8% with chemotherapy alone.",
        None,
        None,
        declared,
    )
    assert [(f.value, f.timepoint_months, f.arm) for f in facts] == [
        (76.0, 12.0, "drug K"),
        (67.8, 24.0, "drug K"),
        (69.9, 12.0, "chemotherapy alone"),
        (59.8, 24.0, "chemotherapy alone"),
    ]


def test_values_in_brackets_or_listed_right_after_a_declared_group_are_that_group_s():
    """ "favored A + B (36.9 mo) vs C + B (24.1 mo)", "(A + B 77.0%; C + B 54.2%)": each value
    of the group named right before it, where the name is one of the record's groups."""
    context = record_context(
        [
            "Patients were randomized 1:1 to drug K (n = 60) or placebo (n = 61); all received drug E."
        ]
    )
    read = [
        "Interim OS data favored drug K + drug E (36.9 mo) vs placebo + drug E (24.1 mo).",
        "Any-grade rash was more common in one group (drug K + drug E 77.0%; placebo + drug E "
        "54.2%).",
        "AEs of interest included atrial fibrillation (drug K 6%, placebo 3%).",
    ]
    arms = [
        (f.value, f.arm)
        for sentence in read
        for f in apply_context(
            parse_sentence(sentence, None, context.comparison, context.labels), context
        )
    ]
    assert arms == [
        (36.9, "drug K + drug E"),
        (24.1, "placebo + drug E"),
        (77.0, "drug K + drug E"),
        (54.2, "placebo + drug E"),
        (6.0, "drug K"),
        (3.0, "placebo"),
    ]
    # a name the record does not declare is not taken from before the value
    [fact] = parse_sentence("Rash was rare (elderly 9%).", None, None, context.labels)
    assert fact.arm is None


@pytest.mark.parametrize(
    "listed",
    [
        "drug N or placebo after response to first-line chemotherapy",
        "drug N or placebo following surgery",
        "drug N or placebo until progression",
    ],
)
def test_when_the_groups_were_given_is_no_part_of_the_last_group(listed: str):
    assert split_groups(listed) == ["drug N", "placebo"]


_TWO_GROUPS = ["Patients were randomly assigned to receive zelatinib or placebo."]


@pytest.mark.parametrize(
    ("sentence", "groups"),
    [
        # a value followed by a bracket that holds a declared group's name is that group's
        (
            "After 44 months, the median PFS was 35.6 mo (zelatinib) vs 19.1 mo (placebo).",
            [(35.6, "zelatinib"), (19.1, "placebo")],
        ),
        # of two values of one result, the one naming no group is the other declared group's
        (
            "Zelatinib resulted in a response rate of 9.4% compared with 0% for placebo (P=0.05).",
            [(9.4, "zelatinib"), (0.0, "placebo")],
        ),
        # a label that runs into a clause ("... cohort included anemia") is the declared group
        # it names
        (
            "The most common grade 3 events in the zelatinib cohort included anemia (9%).",
            [(9.0, "zelatinib")],
        ),
        # (not when both name a group)
        (
            "The response rate was 9.4% in the first cohort compared with 3% in the second.",
            [(9.4, "first cohort"), (3.0, "second")],
        ),
    ],
)
def test_a_value_s_group_from_the_two_declared_groups(sentence, groups):
    context = record_context(_TWO_GROUPS)
    facts = apply_context(
        parse_sentence(sentence, None, context.comparison, context.labels), context
    )
    assert [(f.value, f.arm) for f in facts] == groups


@pytest.mark.parametrize(
    "sentence",
    [
        "Zelatinib resulted in a response rate of 9.4% compared with 0% for placebo (P = 0.05).",
        "The response rate was 0% with placebo compared with 9.4% with zelatinib (P = 0.05).",
    ],
)
def test_a_p_value_of_two_groups_values_qualifies_the_experimental_group_s(sentence):
    context = record_context(_TWO_GROUPS)
    facts = apply_context(
        parse_sentence(sentence, None, context.comparison, context.labels), context
    )
    assert {f.arm: (f.p.value if f.p else None) for f in facts} == {
        "zelatinib": 0.05,
        "placebo": None,
    }


@pytest.mark.parametrize(
    "sentence",
    [
        # an adverb before the verb is no subject: no group "substantially"
        "Median time to second progression was substantially improved for drug K vs placebo.",
        # "over time" compares no groups, and "also" is no part of a name
        "Drug K therapy also demonstrated increasing survival benefits over time.",
    ],
)
def test_adverbs_and_time_are_no_declared_groups(sentence: str):
    labels = record_context([sentence]).labels
    assert not any(
        w in label.split() for label in labels for w in ("substantially", "time", "also")
    )


def test_values_in_the_respective_arms_name_no_group_of_their_own():
    # (with no declared groups to give them, they stay without one: "respective arms" and "the
    # 36-month PFS rates" are no groups)
    sentence = (
        "The 24-month PFS rates were 70.6% and 59.7% in the respective arms, and the 36-month "
        "PFS rates were 64.3% and 55.6%."
    )
    assert [(f.value, f.arm) for f in parse_sentence(sentence)] == [
        (70.6, None),
        (59.7, None),
        (64.3, None),
        (55.6, None),
    ]
    context = record_context(["Patients were randomized to drug K (n = 101) or placebo (n = 99)."])
    facts = apply_context(
        parse_sentence(sentence, None, context.comparison, context.labels), context
    )
    assert [f.arm for f in facts] == ["drug K", "placebo", "drug K", "placebo"]


def test_an_abbreviation_right_after_a_declared_group_names_it_whatever_its_letters():
    # "ZPd" does not spell "drug K triplet" letter by letter, but it is written right after it
    sentences = [
        "ORVEX-7 data showed that the drug K triplet (ZPd) demonstrated superiority compared to "
        "a drug L triplet (LVd), with a median PFS of 36.6 vs 13.4 months.",
        "The most common side effects (\u226520%) in ZPd included dry eye (51%) and rash (32%).",
        "Fatigue occurred in 18% of patients with LVd.",
    ]
    context = record_context(sentences)
    assert context.arm_of("ZPd").label == "drug K triplet"
    assert context.arm_of("LVd").label == "drug L triplet"
    for sentence, group in ((sentences[1], "drug K triplet"), (sentences[2], "drug L triplet")):
        facts = apply_context(
            parse_sentence(sentence, None, context.comparison, context.labels), context, sentence
        )
        assert {context.arm_of(f.arm).label for f in facts} == {group}


def test_a_bracketed_word_after_a_group_is_no_name_of_it_unless_written_as_an_abbreviation():
    context = record_context(
        [
            "Patients were randomly assigned to drug K or chemotherapy (docetaxel).",
            "Median OS was 12.1 months with drug K and 9.0 months with docetaxel.",
        ]
    )
    assert context.arm_of("docetaxel") is None


def test_a_dose_in_a_heading_comparison_stays_inside_the_first_group():
    context = record_context(
        [
            "International, randomized, open-label, phase 3 trial (ORVEX-4)",
            "Drug K deruxtecan 6.4 mg/kg q3w vs. drug L + paclitaxel",
        ]
    )
    assert context.labels == ["Drug K deruxtecan", "drug L + paclitaxel"]


def test_a_section_heading_run_into_the_sentence_is_no_part_of_a_group_and_a_regimen_may_open_with_a_digit():
    context = record_context(
        [
            "Results Drug K significantly improved median overall survival versus 7+3 "
            "(9.6 v 6.0 months; hazard ratio, 0.69)."
        ]
    )
    assert context.labels == ["Drug K", "7+3"]


def test_a_code_the_record_defines_as_a_drug_names_a_group_though_shaped_as_a_trial():
    sentences = [
        "ZX-101 is a liposomal encapsulation of drug A and drug B.",
        "ZX-101 significantly improved median overall survival versus 7+3 (9.6 v 6.0 months).",
    ]
    assert record_context(sentences).labels == ["ZX-101", "7+3"]
    # (a trial's name is still no group where no sentence defines it as a drug)
    assert record_context(sentences[1:]).labels == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The 5-year disease-free survival in both arms was 85% (95% CI: 82-88%).",
        "The 5-year disease-free survival was 85% (95% CI: 82-88%) in both arms.",
    ],
)
def test_a_value_said_of_both_groups_is_one_of_each(sentence):
    context = record_context(
        ["Patients were randomly assigned to drug K (n = 600) or placebo (n = 600)."]
    )
    facts = apply_context(
        parse_sentence(sentence, None, context.comparison, context.labels), context, sentence
    )
    assert [(f.value, f.arm) for f in facts] == [(85.0, "drug K"), (85.0, "placebo")]


def test_a_word_that_points_back_to_a_group_declares_none():
    sentence = (
        "An analysis showed the combination reduced the risk of progression by 84 percent "
        "compared to standard of care drug B."
    )
    assert record_context([sentence]).labels == []


def test_a_group_put_first_with_with_is_the_group_of_the_values_naming_none():
    sentence = (
        "With zelatinib, the median time to response was 18.1 months (95% CI, 15.2 to not "
        "applicable), compared to 8.3 months (95% CI, 6.9 to 11.1) with gefitinib."
    )
    facts = parse_sentence(sentence, None, ("zelatinib", "gefitinib"), ["zelatinib", "gefitinib"])
    assert [(f.value, f.arm) for f in facts] == [(18.1, "zelatinib"), (8.3, "gefitinib")]


@pytest.mark.parametrize("label", ["ratio and exposure in vivo and", "chemotherapy with", "and"])
def test_a_phrase_that_ends_on_a_joining_word_is_no_group(label):
    assert group_label(label) == ""


def test_a_subject_that_runs_on_into_its_verb_declares_no_group():
    sentence = (
        "Prior studies demonstrated a sustained drug ratio and exposure in vivo and prolonged "
        "survival versus standard chemotherapy in older patients."
    )
    assert record_context([sentence]).labels == []


_SHARED_BACKBONE = [
    "Adults were randomized 1:1 to drug Q 40 mg daily or placebo, plus drug Z 160 mg daily.",
    "Of 300 patients (drug Q + drug Z, n = 151; placebo + drug Z, n = 149), 41 had BRCA "
    "alterations.",
    "Median PFS was 21.4 vs 14.0 months (HR 0.62; 95% CI 0.48-0.80).",
]


def test_groups_declared_apart_from_their_shared_treatment_are_named_with_it():
    context = record_context(_SHARED_BACKBONE)
    assert context.labels == ["drug Q + drug Z", "placebo + drug Z"]
    outcomes = outcomes_of({"q.txt": " ".join(_SHARED_BACKBONE)})
    assert outcomes.select("value", "arm_label", "comparator_label").rows() == [
        (21.4, "drug Q + drug Z", None),
        (14.0, "placebo + drug Z", None),
        (0.62, "drug Q + drug Z", "placebo + drug Z"),
    ]


def test_a_phrase_naming_only_the_agent_that_differs_is_that_agent_s_group():
    context = record_context(_SHARED_BACKBONE)
    assert context.resolve("patients who stayed on drug Q for two years") == "drug Q"
    assert context.resolve("patients who received drug Q + drug Z after surgery") == (
        "drug Q + drug Z"
    )


def test_a_treatment_joined_to_one_group_only_is_no_shared_one():
    context = record_context(
        [
            "Adults were randomized 1:1 to drug Q 40 mg daily or placebo, plus drug Z.",
            "Drug Q + radiotherapy was given to 12 patients after progression.",
        ]
    )
    assert context.labels == ["drug Q", "placebo"]


@pytest.mark.parametrize(
    ("sentence", "labels"),
    [
        # a title: "A compared with B in patients with ...", not "B" and the patients' disease
        (
            "Zentumab compared with velmurane in patients with relapsed glioma (ORCA): a "
            "randomised, phase 2 trial.",
            ["Zentumab", "velmurane"],
        ),
        # the same title in a reference after its authors
        (
            "Okafor, J. et al. Drug K compared with placebo in patients with advanced sarcoma: a "
            "randomised trial. Lancet (2019)",
            ["Drug K", "placebo"],
        ),
        # "the superiority of (the kinase inhibitor) A over B"
        (
            "The data show the superiority of the anti-angiogenic multikinase inhibitor zentumab over "
            "velmurane in this setting.",
            ["zentumab", "velmurane"],
        ),
        # the verb's object: "compared A with B"
        ("We compared drug K with placebo in patients with glioma.", ["drug K", "placebo"]),
        # a clause's conjunction is no group
        ("When compared with the drug L arm, the HR was 0.78.", []),
    ],
)
def test_a_comparison_named_without_an_assignment_declares_its_groups(sentence, labels):
    assert record_context([sentence]).labels == labels


def _read_in_record(declaring: str, sentence: str) -> list:
    """The facts of ``sentence`` in a record whose ``declaring`` sentence declares its groups."""
    context = record_context([declaring])
    return apply_context(
        parse_sentence(sentence, None, context.comparison, context.labels), context
    )


def test_a_factor_s_ratio_keeps_its_factor_where_the_record_declares_groups():
    facts = _read_in_record(
        "Patients were randomly assigned to drug K or placebo.",
        "On multivariate analysis, tumour size (HR 1.71, p = 0.01) and ascites (2.26, p = 0.006) "
        "predicted overall survival.",
    )
    assert [(f.value, f.arm, f.comparator) for f in facts] == [
        (1.71, "tumour size", None),
        (2.26, "ascites", None),
    ]


def test_the_group_the_text_calls_the_standard_is_the_control_whatever_the_order():
    context = record_context(
        [
            "This randomised trial aimed to determine whether zorvatinib plus docetaxel (ZD) is "
            "non-inferior to the standard doxorubicin plus ifosfamide (DI).",
            "Patients were randomised to receive DI or ZD.",
        ]
    )
    assert [a.label for a in context.arms] == ["DI", "ZD"]
    assert context.comparison == ("ZD", "DI")  # (a ratio without its comparison: ZD against DI)
    # (with nothing called the standard, the last declared stays the control)
    plain = record_context(["Patients were randomised to receive DI or ZD."])
    assert plain.comparison == ("DI", "ZD")


def test_groups_named_before_their_values_in_a_bracketed_versus_list():
    """ "(AB-CD 19% vs. Xy-AB-CD 18%, p=0.8)": each value is the group named right before it, and
    a rate of a result the vocabulary has no name for ("iPET+ rates") is still a result."""
    context = record_context(
        [
            "Patients were randomized to AB-CD or Xy-AB-CD.",
            "iPET+ rates were comparable (AB-CD 19% vs. Xy-AB-CD 18%, p=0.8).",
        ]
    )
    facts = apply_context(
        parse_sentence(
            "iPET+ rates were comparable (AB-CD 19% vs. Xy-AB-CD 18%, p=0.8).",
            comparison=context.comparison,
            arms=context.labels,
        ),
        context,
    )
    assert [(f.value, f.arm) for f in facts] == [(19.0, "AB-CD"), (18.0, "Xy-AB-CD")]


def test_a_group_after_versus_before_a_colon_is_the_pair_s_second_not_the_first_value_s():
    """ "improved with A versus B: 20.5 months ... versus 12.8 months, respectively": 20.5 is A's."""
    sentence = (
        "Median PFS was improved with drug K plus drug M versus placebo plus drug M: 20.5 months "
        "(95% CI, 18.5 to 23.5 months) versus 12.8 months (95% CI, 10.9 to 16.3), respectively."
    )
    arms = ["drug K plus drug M", "placebo plus drug M"]
    facts = parse_sentence(sentence, comparison=(arms[0], arms[1]), arms=arms)
    assert [(f.value, f.arm) for f in facts] == [(20.5, arms[0]), (12.8, arms[1])]


def test_a_pair_headed_by_its_groups_after_a_bracket_keeps_their_order():
    """ "A (with C) vs B ORR: 45% vs 29%": the bracket closes A's name, no value; 45% is A's."""
    sentence = "Drug K plus chemotherapy (drug C) vs placebo plus chemotherapy ORR: 45% vs 29.3%"
    arms = ["Drug K plus chemotherapy", "placebo plus chemotherapy"]
    facts = parse_sentence(sentence, comparison=(arms[0], arms[1]), arms=arms)
    assert [(f.value, f.arm) for f in facts] == [(45.0, arms[0]), (29.3, arms[1])]


def test_a_lay_summary_s_subject_that_helped_people_live_longer_is_the_experimental_group():
    context = record_context(
        [
            "The approval is based on the phase 3 ORCA study, which showed that drug K in "
            "combination with chemotherapy helped people live significantly longer compared with "
            "chemotherapy alone (median overall survival 12.1 versus 10.2 months)."
        ]
    )
    assert context.comparison == ("drug K in combination with chemotherapy", "chemotherapy alone")


def test_groups_joined_to_one_shared_treatment_are_named_by_their_own_part_too():
    """ "zentumab + pem-platinum" and "placebo + pem-platinum": "zentumab" alone names the
    first ("patients who completed 35 cycles of zentumab")."""
    context = record_context(
        [
            "Among 616 patients randomized (zentumab + pem-platinum, n = 410; placebo + "
            "pem-platinum, n = 206), the median follow-up was 64 months."
        ]
    )
    assert [(a.label, a.names) for a in context.arms] == [
        ("zentumab + pem-platinum", ("zentumab + pem-platinum", "zentumab")),
        ("placebo + pem-platinum", ("placebo + pem-platinum", "placebo")),
    ]
