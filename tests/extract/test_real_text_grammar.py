"""The grammar of results text as real documents write it (issue 19, item 4): abbreviated units
and endpoints, intervals in their many spellings, ratios with bracketed keywords, endpoints the
vocabulary has no code for. Sentences written for the tests."""

from __future__ import annotations

import pytest

from etl.extract.context import record_context
from etl.extract.fact_roles import apply_context
from etl.extract.grammar import parse_sentence
from etl.vocab.endpoints import endpoint_mentions


def _read(sentence: str) -> list[tuple]:
    return [
        (
            f.endpoint,
            f.measure,
            f.value,
            f.unit,
            (f.ci.lower, f.ci.upper, f.ci.level) if f.ci else None,
        )
        for f in parse_sentence(sentence)
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "m" and "mo" after a number, in a survival context
        (
            "Median OS was 14.2 m with drug K vs 10.1 m with placebo.",
            [("OS", "median", 14.2, "months", None), ("OS", "median", 10.1, "months", None)],
        ),
        (
            "Median (95% CI) PFS was 7.1 (6.0\u20128.3) mo vs 4.4 (3.9\u20135.0) mo.",
            [
                ("PFS", "median", 7.1, "months", (6.0, 8.3, 95.0)),
                ("PFS", "median", 4.4, "months", (3.9, 5.0, 95.0)),
            ],
        ),
        # mOS / mPFS
        (
            "mPFS was 9.3 versus 5.2 months.",
            [("PFS", "median", 9.3, "months", None), ("PFS", "median", 5.2, "months", None)],
        ),
        # a ratio's name hyphenated
        (
            "The CR rate was 44.1% vs 28.5% (odds-ratio: 2.09, 95% CI: 1.26-3.48).",
            [
                ("CR", "rate", 44.1, "percent", None),
                ("CR", "rate", 28.5, "percent", None),
                ("CR", "odds_ratio", 2.09, "ratio", (1.26, 3.48, 95.0)),
            ],
        ),
        # the events of disease-free survival name its ratio's endpoint
        (
            "Drug K reduced the risk of recurrence or death (hazard-ratio 0.27; 95% CI 0.21-0.34).",
            [("OTHER", "hazard_ratio", 0.27, "ratio", (0.21, 0.34, 95.0))],
        ),
        # a ratio whose events are a series, the New England Journal's way
        (
            "Event-free survival was longer with drug K (hazard ratio for treatment failure,"
            " relapse, or death, 0.41; 96% CI, 0.22 to 0.77; P=0.004).",
            [("OTHER", "hazard_ratio", 0.41, "ratio", (0.22, 0.77, 96.0))],
        ),
        # radiographic PFS (prostate cancer trials) is PFS
        (
            "Median rPFS was 33.3 vs 10.9 mo (HR 0.30).",
            [
                ("PFS", "median", 33.3, "months", None),
                ("PFS", "median", 10.9, "months", None),
                ("PFS", "hazard_ratio", 0.30, "ratio", None),
            ],
        ),
        # an interval with "=", units inside, a bracketed "[CI]"
        (
            "Median PFS was 11.6 months (95% confidence interval [CI] = 9.4\u201313.8 months).",
            [("PFS", "median", 11.6, "months", (9.4, 13.8, 95.0))],
        ),
        # an interval whose bounds a comma splits, after its label
        (
            "The hazard ratio was 0.71 (95% CI: 0.52, 0.97).",
            [("OTHER", "hazard_ratio", 0.71, "ratio", (0.52, 0.97, 95.0))],
        ),
        # an odd dash decoded as U+FFFD
        (
            "Overall survival HR 0.88 (95% CI 0.71\ufffd1.09).",
            [("OS", "hazard_ratio", 0.88, "ratio", (0.71, 1.09, 95.0))],
        ),
        # a list of ratios after one keyword, each with its bracketed interval and p-value, or
        # bare: every one is a ratio
        (
            "The hazard ratio for death was 0.21 (95% CI 0.15-0.29; P < .001), 0.24 (95% CI "
            "0.16-0.36; P < .001) and 0.22 (95% CI 0.10-0.48; P < .001) in the three cohorts.",
            [
                ("OS", "hazard_ratio", 0.21, "ratio", (0.15, 0.29, 95.0)),
                ("OS", "hazard_ratio", 0.24, "ratio", (0.16, 0.36, 95.0)),
                ("OS", "hazard_ratio", 0.22, "ratio", (0.1, 0.48, 95.0)),
            ],
        ),
        (
            "Hazard ratios for death were 0.81, 0.74 and 0.69, respectively.",
            [
                ("OS", "hazard_ratio", 0.81, "ratio", None),
                ("OS", "hazard_ratio", 0.74, "ratio", None),
                ("OS", "hazard_ratio", 0.69, "ratio", None),
            ],
        ),
        # bounds split by a comma, each with its percent sign
        (
            "The response rate was 64% (95% CI 59.1%, 69.4%) with drug K.",
            [("ORR", "rate", 64.0, "percent", (59.1, 69.4, 95.0))],
        ),
    ],
)
def test_units_and_intervals_as_real_text_writes_them(sentence, expected):
    assert _read(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Median OS was 20.1 months (hazard ratio [HR], 0.69 [95% CI, 0.55 to 0.86]).",
        "Median OS was 20.1 months (hazard ratio [HR] = 0.69, P = .002).",
        "Median OS was 20.1 months (hazard ratio [HR] for death, 0.69 [95% CI, 0.55 to 0.86]).",
        "Median OS was 20.1 months; the HR was 0.69 (95% confidence interval [CI] = 0.55\u20130.86).",
    ],
)
def test_a_ratio_keyword_in_square_brackets_still_names_the_ratio(sentence):
    ratios = [f for f in parse_sentence(sentence) if f.measure == "hazard_ratio"]
    assert [(f.endpoint, f.value) for f in ratios] == [("OS", 0.69)]


def test_an_interval_open_at_its_top_is_no_number_and_no_rate():
    facts = parse_sentence(
        "Median duration of response was 14.5 months (95% CI, 11.0 months\u2013not evaluable)."
    )
    assert [(f.endpoint, f.measure, f.value, f.ci) for f in facts] == [
        ("DOR", "median", 14.5, None)
    ]


@pytest.mark.parametrize(
    ("sentence", "endpoint", "label"),
    [
        (
            "The 2-year relapse-free survival rate was 61% with drug K.",
            "OTHER",
            "relapse-free survival",
        ),
        ("Event-free survival at 3 years was 58%.", "OTHER", "Event-free survival"),
        ("PFS2 was 18.2 months with drug K.", "OTHER", "PFS2"),
        ("The median duration of CR was 9.0 months.", "DOR", "duration of CR"),
        ("The median response duration was 12.0 months.", "DOR", "response duration"),
        # a hyphen lost in copying; a combined remission rate
        ("Median progressionfree survival was 11.4 months.", "PFS", "progressionfree survival"),
        ("The CR + CRh rate was 21% with drug K.", "OTHER", "CR + CRh"),
        # the follow-up "for" an endpoint is the follow-up's
        ("The median follow-up for overall survival was 43.7 months.", "FOLLOWUP", "follow-up"),
        # a late harm of treatment
        (
            "The incidence of second malignancies was 15.1% with drug K.",
            "AE",
            "second malignancies",
        ),
    ],
)
def test_endpoints_read_by_their_own_name(sentence, endpoint, label):
    (fact,) = parse_sentence(sentence)
    assert (fact.endpoint, fact.endpoint_label) == (endpoint, label)


def test_an_age_is_no_result():
    facts = parse_sentence("The median age was 67 years (range, 40-85) and median OS 12 months.")
    assert [(f.endpoint, f.value) for f in facts] == [("OS", 12.0)]
    facts = parse_sentence("Median age was 71 years; median OS was 9.9 months.")
    assert [(f.endpoint, f.value) for f in facts] == [("OS", 9.9)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a reduction in the risk (or odds) of an endpoint restates a ratio (1 - HR): the ratio is
        # the result, the reduction none of its own (as a careful reader leaves it)
        (
            "Drug K gave a 31% reduction in the risk of death compared with placebo (HR 0.69).",
            [("OS", "hazard_ratio", 0.69)],
        ),
        ("Drug K reduced risk of death by 33% in women with visceral disease.", []),
        ("This gave an 85% reduced risk of progression or death.", []),
        ("This represents a 37% reduction in odds of death through 2 years.", []),
        # a time by which one group's exceeds the other's is a difference
        (
            "Median OS was 10 months longer with drug K vs drug L (59.1 vs 49.1 months).",
            [("OS", "difference", 10.0), ("OS", "median", 59.1), ("OS", "median", 49.1)],
        ),
        ("A 9.4 months increase in median OS with drug K.", [("OS", "difference", 9.4)]),
        # a rate of what follows it
        (
            "Overall, 21% versus 9% of patients achieved complete response.",
            [("CR", "rate", 21.0), ("CR", "rate", 9.0)],
        ),
        # the share of patients who died is not a survival rate
        (
            "At data cutoff, 120 deaths had occurred among 300 patients (40.0%) in the drug K group.",
            [("OTHER", "rate", 40.0)],
        ),
        # a share never measures follow-up
        (
            "At a median follow-up of 30 months, 64% of patients had discontinued drug K.",
            [("FOLLOWUP", "median", 30.0), ("OTHER", "rate", 64.0)],
        ),
        # a time followed by "follow-up" is the follow-up
        (
            "We report results after 40.5 months of median survival follow-up.",
            [("FOLLOWUP", "median", 40.5)],
        ),
        # baseline characteristics are not results
        (
            "The median age was 70 years, 35% had secondary disease and 20% had received prior drug K.",
            [],
        ),
    ],
)
def test_what_the_words_around_a_number_say_it_is(sentence, expected):
    assert [(f.endpoint, f.measure, f.value) for f in parse_sentence(sentence)] == expected


def test_an_endpoint_named_as_the_object_of_a_clause_does_not_head_a_list():
    sentence = (
        "In all, 14% versus 6% of patients achieved complete response, and median duration of "
        "response was 20.5 months versus 12.0 months, respectively."
    )
    got = [(f.endpoint, f.value) for f in parse_sentence(sentence)]
    assert got == [("CR", 14.0), ("CR", 6.0), ("DOR", 20.5), ("DOR", 12.0)]


def test_a_significance_threshold_is_no_p_value_of_a_result():
    facts = parse_sentence(
        "Median OS was 30.2 months with drug K (hazard ratio, 0.81; 95% CI, 0.66 to 1.00; "
        "P=0.051) (prespecified boundary for significance, P≤0.04)."
    )
    assert [(f.measure, f.p.value if f.p else None) for f in facts] == [
        ("median", None),
        ("hazard_ratio", 0.051),
    ]


@pytest.mark.parametrize(
    ("text", "operator", "value"),
    [
        ("(hazard ratio, 0.61; 95% CI, 0.45 to 0.83; P , .001)", "<", 0.001),  # a PDF's "<"
        ("(hazard ratio, 0.61; 95% CI, 0.45 to 0.83; P 5 .0004)", "=", 0.0004),  # a PDF's "="
        ("(hazard ratio, 0.61; two-sided P\u0101\u20ac\u2030=\u0101\u20ac\u20300.004)", "=", 0.004),
    ],
)
def test_p_values_as_copied_text_writes_them(text, operator, value):
    (ratio,) = parse_sentence(text)
    assert (ratio.p.operator, ratio.p.value) == (operator, value)


def test_a_pair_without_groups_takes_those_of_the_pair_before_it_in_its_sentence():
    from etl.extract.context import RecordContext
    from etl.extract.fact_roles import apply_context

    facts = apply_context(
        parse_sentence(
            "Two-year OS rates were 41% versus 30% for drug K versus chemotherapy (marker "
            "positive) and 35% versus 22% (marker negative)."
        ),
        RecordContext(),
    )
    assert [(f.value, f.arm) for f in facts] == [
        (41.0, "drug K"),
        (30.0, "chemotherapy"),
        (35.0, "drug K"),
        (22.0, "chemotherapy"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # the share of patients with an event, stated with its count
        "Progression or death was reported in 60 of 100 patients (60.0%) in the drug K group.",
        # patients still on treatment
        "At data cutoff, 12.5% and 6.1% of drug K and placebo patients, respectively, were still receiving treatment.",
    ],
)
def test_shares_of_patients_that_are_no_rate_of_a_result_are_other(sentence):
    assert {f.endpoint for f in parse_sentence(sentence)} == {"OTHER"}


def test_a_difference_in_rates_is_a_difference():
    (fact,) = parse_sentence(
        "The difference in response rate between the arms was 12.5% (95% CI, 2.0-23.0; P = .02)."
    )
    assert (fact.measure, fact.value, fact.ci.lower) == ("difference", 12.5, 2.0)


def test_a_named_endpoint_without_a_code_keeps_its_name_over_the_records_last_one():
    from etl.extract.grammar import parse_sentence as parse

    facts = parse(
        "The median time to deterioration was 8.1 months vs 4.2 months (HR, 0.52).",
        ("PFS", "progression-free survival"),
    )
    assert {(f.endpoint, f.endpoint_label) for f in facts} == {("OTHER", "time to deterioration")}


def test_the_list_of_endpoints_that_governs_values_is_the_one_read():
    facts = parse_sentence(
        "The median OS and DFS were not reached, and the estimated 3-year OS and DFS were 70% and "
        "61%, respectively."
    )
    assert [(f.endpoint, f.value, f.timepoint_months) for f in facts] == [
        ("OS", 70.0, 36.0),
        ("OTHER", 61.0, 36.0),
    ]


def test_a_pair_with_intervals_and_units_after_them_takes_the_pair_of_groups_after_it():
    facts = parse_sentence(
        "Median (95% CI) PFS was 9.4 (8.0\u201211.1) mo vs 5.2 (4.4\u20136.0) mo with drug K + "
        "chemo vs placebo + chemo (HR, 0.55)."
    )
    medians = [(f.value, f.arm, f.ci.lower) for f in facts if f.measure == "median"]
    assert medians == [(9.4, "drug K + chemo", 8.0), (5.2, "placebo + chemo", 4.4)]


def test_values_each_with_a_bracketed_second_value_are_two_lists():
    facts = parse_sentence(
        "Any-grade (grade 3 or higher) adverse events occurred in 91% (48%) versus 88% (40%) of "
        "patients.",
        comparison=("drug K", "placebo"),
        arms=["drug K", "placebo"],
    )
    assert [(f.value, f.arm) for f in facts] == [
        (91.0, "drug K"),
        (48.0, "drug K"),
        (88.0, "placebo"),
        (40.0, "placebo"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Immune-related adverse events occurred in 24.0% vs 8.8% in the safety population.",
        # (a copy cut off after the first group's name)
        "Serious adverse events occurred in 24.0% versus 8.8% of patients treated with drug K",
    ],
)
def test_one_group_after_two_compared_values_is_not_the_last_ones(sentence):
    facts = parse_sentence(sentence, arms=["drug K", "placebo"])
    assert [(f.value, f.arm) for f in facts] == [(24.0, "drug K"), (8.8, "placebo")]
    assert [f.arm for f in parse_sentence(sentence)] == [None, None]


def test_one_group_after_values_of_several_time_points_is_all_of_theirs():
    facts = parse_sentence("The 1- and 2-year OS rates were 81% and 64% in cohort B.")
    assert [(f.timepoint_months, f.arm) for f in facts] == [(12.0, "cohort B"), (24.0, "cohort B")]


def test_rates_after_their_counts_as_fractions_are_one_list():
    facts = parse_sentence(
        "Grade 3-5 adverse events occurred in 201/300 (67.0%) vs 90/150 (60.0%) of patients.",
        arms=["drug K", "placebo"],
    )
    assert [(f.value, f.arm, f.n_patients) for f in facts] == [
        (67.0, "drug K", 201),
        (60.0, "placebo", 90),
    ]


def test_counts_labelled_by_their_response_are_counts_of_it():
    facts = parse_sentence("The ORR was 71.0% (CR, n = 6; PR, n = 38).")
    assert [(f.endpoint, f.measure, f.value, f.unit) for f in facts] == [
        ("ORR", "rate", 71.0, "percent"),
        ("CR", "count", 6.0, "patients"),
        ("PR", "count", 38.0, "patients"),
    ]
    # (a count stated with its rate is not a fact of its own)
    stated = parse_sentence("The ORR was 71.0% (CR, n = 6 [5%]; PR, n = 38 [66%]).")
    assert [f.measure for f in stated] == ["rate", "rate", "rate"]


def test_an_interval_after_the_count_a_value_was_read_in_is_its_interval():
    facts = parse_sentence(
        "Median duration of response was 7.5 months (n=30; 95% CI, 5.1-9.9) with drug K vs "
        "3.8 months (n=15; 95% CI, 2.0-6.1) with placebo."
    )
    assert [(f.value, f.arm, f.ci.lower, f.ci.upper) for f in facts] == [
        (7.5, "drug K", 5.1, 9.9),
        (3.8, "placebo", 2.0, 6.1),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "For women treated with the combination of drug K plus letrozole, the median PFS was "
        "19.0 months, an improvement over the 9.5 months of PFS in women who received "
        "letrozole alone.",
        "A median PFS of 19.0 months was observed in the drug K plus letrozole arm versus 9.5 "
        "months for those who received letrozole alone.",
    ],
)
def test_groups_named_as_the_people_treated_with_them(sentence):
    facts = parse_sentence(sentence)
    assert [(f.value, f.arm) for f in facts] in (
        [(19.0, "drug K plus letrozole"), (9.5, "letrozole alone")],
        [(19.0, "drug K plus letrozole arm"), (9.5, "letrozole alone")],
    )


@pytest.mark.parametrize(
    ("sentence", "groups"),
    [
        # a group that had more than another is compared with it
        (
            "In exploratory analyses, early responders had longer EFS (20.5 vs 6.1 months; "
            "P = .01) and OS (35.0 vs 11.9 months; P = .03) compared with late responders.",
            ["early responders", "late responders"] * 2,
        ),
        # pairs of endpoints, each followed by the patients assigned to a group
        (
            "Survival and relapse rates were 88% and 12% in patients assigned to drug K, and 61% "
            "and 30% in patients assigned to chemotherapy, respectively.",
            ["drug K", "drug K", "chemotherapy", "chemotherapy"],
        ),
    ],
)
def test_groups_of_pairs_named_around_them(sentence, groups):
    assert [f.arm for f in parse_sentence(sentence)] == groups


def test_a_group_named_as_the_patients_a_drug_treated():
    (fact,) = parse_sentence("Notably, the 2-year survival of zenolimab-treated patients was 77%.")
    assert (fact.value, fact.arm, fact.timepoint_months) == (77.0, "zenolimab-treated", 24.0)


def test_an_age_range_is_no_result():
    facts = parse_sentence(
        "Outcomes were best for patients aged 20 to 45 years who had an early response (DFS, 90%)."
    )
    assert [f.value for f in facts] == [90.0]


@pytest.mark.parametrize(
    ("sentence", "groups"),
    [
        (
            "Five-year DFS was 41% versus 66% for patients with high versus low Z expression.",
            ["high Z expression", "low Z expression"],
        ),
        ("ORR was 52% and 31% in Z high and low groups, respectively.", ["Z high", "Z low"]),
        # (a pair that shares no head is as written)
        ("ORR was 52% vs 31% for drug K versus best supportive care.", None),
    ],
)
def test_two_groups_that_share_a_head_each_have_it(sentence, groups):
    found = [f.arm for f in parse_sentence(sentence)]
    assert found == (groups or ["drug K", "best supportive care"])


def test_an_interval_after_a_ratio_with_only_a_space_is_its_interval_and_no_rate():
    facts = parse_sentence(
        "Z on TILs was correlated with OS (P = 0.032, Odds Ratio 2.5 95%CI 1.1-6.3)."
    )
    assert [(f.measure, f.value, f.ci.lower, f.ci.upper) for f in facts] == [
        ("odds_ratio", 2.5, 1.1, 6.3)
    ]


def test_a_median_percentage_is_a_characteristic():
    sentence = "Z was expressed in all 50 samples (range 20-100%, median = 75%)."
    assert parse_sentence(sentence, ("OS", "survival")) == []


def test_values_each_followed_by_its_group_are_one_list_for_their_p_value():
    facts = parse_sentence(
        "Response rates were similar (30.5% for drug K v 22.0% for SC; P = .14)."
    )
    assert [(f.value, f.arm, f.p.value if f.p else None) for f in facts] == [
        (30.5, "drug K", 0.14),
        (22.0, "SC", None),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Median OS was NR vs 11.8 mo (HR 0.62).", [(11.8, "placebo")]),
        ("Median PFS was NE vs. 9.7 m with drug K vs placebo.", [(9.7, "placebo")]),
        ("Median OS was 14.1 months vs not reached.", [(14.1, "drug K")]),
        ("Median OS was NR (95% CI, 20.1-NR) vs 11.8 months.", [(11.8, "placebo")]),
    ],
)
def test_a_value_not_reached_keeps_its_groups_place_in_a_list(sentence, expected):
    from etl.extract.context import record_context
    from etl.extract.fact_roles import apply_context

    context = record_context(["Patients were randomly assigned to drug K or placebo."])
    facts = apply_context(parse_sentence(sentence, None, context.comparison, []), context)
    assert [(f.value, f.arm) for f in facts if f.measure == "median"] == expected


def test_counts_of_responses_that_share_their_noun():
    facts = parse_sentence("There were four complete and 17 partial responses.")
    assert [(f.endpoint, f.measure, f.value) for f in facts] == [
        ("CR", "count", 4.0),
        ("PR", "count", 17.0),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a ratio named with what it favours, and ratios listed after their keyword
        ("The endpoint was met, with a hazard ratio favoring drug K of 0.79 (P = .002).", [0.79]),
        (
            "Hazard ratios for the Z 20% or greater and Z 50% or greater groups were 0.75 "
            "(P = .003), and 0.66 (P = .0004).",
            [0.75, 0.66],
        ),
        ("The HRs were 0.72 and 0.61 for OS and PFS, respectively.", [0.72, 0.61]),
        # (a whole number after a ratio is no ratio)
        ("HR 0.62 (95% CI 0.50-0.77) and 12 patients had responses.", [0.62]),
    ],
)
def test_ratios_as_news_and_abstracts_phrase_them(sentence, expected):
    facts = parse_sentence(sentence)
    assert [f.value for f in facts if f.measure == "hazard_ratio"] == expected
    assert all(f.measure == "hazard_ratio" for f in facts)


def test_ratios_listed_before_their_endpoints_are_each_of_its_own():
    facts = parse_sentence("The HRs were 0.72 and 0.61 for OS and PFS, respectively.")
    assert [(f.endpoint, f.arm, f.comparator) for f in facts] == [
        ("OS", None, None),
        ("PFS", None, None),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Median OS in the drug K vs. placebo groups was 15.9 vs. 11.0 months.",
            [(15.9, "drug K"), (11.0, "placebo")],
        ),
        (
            "Respective median OS in the drug K vs. placebo groups of 15.9 vs. 11.0 months.",
            [(15.9, "drug K"), (11.0, "placebo")],
        ),
        (
            "OS at 36 months was 55.1% (95% CI, 50.0 to 60.2) within the drug K group and 44.0% "
            "(95% CI, 38.1 to 49.9) within the placebo group.",
            [(55.1, "drug K group"), (44.0, "placebo group")],
        ),
        (
            "Adverse events occurred in 300 of 500 patients assigned to drug K (60.0%), vs. 420 "
            "of 500 patients assigned to placebo (84.0%).",
            [(60.0, "drug K"), (84.0, "placebo")],
        ),
    ],
)
def test_groups_named_around_values_as_news_write_them(sentence, expected):
    assert [(f.value, f.arm) for f in parse_sentence(sentence)] == expected


def test_no_ratio_compares_follow_up():
    facts = parse_sentence(
        "After a mean follow-up of 20.1 months, 60% of patients had an event (HR: 0.95, 95% CI, "
        "0.75-1.20)."
    )
    assert [f.endpoint for f in facts if f.measure == "hazard_ratio"] == ["OTHER"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Grade 3 or greater events occurred in 19.0% vs. 40% of patients, respectively.",
        "Grade ≥3 treatment-related events occurred in 19.0% vs. 40% of patients.",
        "TEAEs occurred in 19.0% vs. 40% of patients.",
    ],
)
def test_adverse_events_by_grade_or_abbreviation_are_ae_rates(sentence):
    assert {f.endpoint for f in parse_sentence(sentence)} == {"AE"}


def test_percent_in_words_is_a_percent_and_alive_at_a_time_is_survival():
    facts = parse_sentence(
        "About 85 percent of patients who took drug K were alive at five years.", arms=[]
    )
    assert [(f.endpoint, f.measure, f.value, f.unit, f.timepoint_months, f.arm) for f in facts] == [
        ("OS", "rate", 85.0, "percent", 60.0, "drug K")
    ]


def test_a_time_to_an_event_without_a_code_is_a_timed_endpoint_of_its_own():
    facts = parse_sentence(
        "Drug K extended the median time to death or distant metastasis compared to placebo "
        "(20.1 months vs. 12.9 months)."
    )
    assert [(f.endpoint, f.endpoint_label, f.value, f.arm) for f in facts] == [
        ("OTHER", "time to death or distant metastasis", 20.1, "Drug K"),
        ("OTHER", "time to death or distant metastasis", 12.9, "placebo"),
    ]
    assert [f.endpoint for f in parse_sentence("Median time to progression was 5.1 months.")] == [
        "TTP"
    ]


def test_groups_named_after_counts_and_with_and_in_their_name():
    facts = parse_sentence(
        "Grade 3 or 4 adverse events occurred in 140 (41%) patients in the chemotherapy plus "
        "drug K group, 160 (48%) in the chemotherapy plus drug K and drug L group, and 130 (39%) "
        "in the chemotherapy alone group."
    )
    assert [f.arm for f in facts] == [
        "chemotherapy plus drug K group",
        "chemotherapy plus drug K and drug L group",
        "chemotherapy alone group",
    ]


def test_an_unlabelled_interval_after_a_ratio_where_others_are_labelled():
    facts = parse_sentence(
        "PFS HR was 0.70 (95% CI 0.60-0.82) and median OS was 12.0 months (10.0-14.1) versus 10.5 "
        "months (9.0-12.0; HR 0.88; 0.74-1.05; p=0.14)."
    )
    ratios = [
        (f.value, f.ci.lower, f.ci.upper, f.ci.level) for f in facts if f.measure == "hazard_ratio"
    ]
    assert ratios == [(0.70, 0.60, 0.82, 95.0), (0.88, 0.74, 1.05, 95.0)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "At the cut-off, 100 (28.0%) out of 350 patients in the drug K arm and 90 (51.0%) out "
            "of 176 patients in the placebo arm had progressed or died.",
            [(28.0, "drug K arm"), (51.0, "placebo arm")],
        ),
        (
            "SD was reported in 50.5% (40.0%>24 weeks) of the drug K and letrozole arm.",
            [(50.5, "drug K and letrozole arm"), (40.0, None)],
        ),
        (
            "The HR was 0.45 (95% CI: 0.33, 0.61; 1-sided p-value <0.0001) in favour of drug K.",
            [(0.45, "drug K")],
        ),
    ],
)
def test_groups_of_shares_and_of_ratios_as_regulatory_reports_write_them(sentence, expected):
    assert [(f.value, f.arm) for f in parse_sentence(sentence)] == expected


def test_a_rate_in_a_group_of_what_its_patients_achieved():
    facts = parse_sentence(
        "No patient achieved a CR in the drug K arm, while 20% in the drug K arm achieved a PR."
    )
    assert [(f.endpoint, f.value, f.arm) for f in facts] == [("PR", 20.0, "drug K arm")]


def test_the_share_of_planned_events_is_no_result():
    sentence = "A total of 190 events (80% of the total planned final PFS events) were included."
    # (in a record whose last endpoint was a survival time, which a bare time would take)
    assert parse_sentence(sentence, context_endpoint=("PFS", "progression-free survival")) == []


def test_an_endpoint_named_after_each_list_of_values_is_that_lists():
    facts = parse_sentence(
        "Estimated 3-year rates for velmurane and placebo were 61.2% (55.0 to 66.8) versus "
        "50.1% (43.7 to 56.2) for OS and 40.3% (34.1 to 46.4) versus 22.9% (17.5 to 28.8) for PFS."
    )
    assert [(f.endpoint, f.value, f.timepoint_months, f.arm) for f in facts] == [
        ("OS", 61.2, 36.0, "velmurane"),
        ("OS", 50.1, 36.0, "placebo"),
        ("PFS", 40.3, 36.0, "velmurane"),
        ("PFS", 22.9, 36.0, "placebo"),
    ]


def test_ratios_each_followed_by_their_endpoint():
    facts = parse_sentence("The hazard ratios were 0.66 for PFS and 0.72 for OS.")
    assert [(f.endpoint, f.value) for f in facts] == [("PFS", 0.66), ("OS", 0.72)]


def test_a_concentration_in_a_label_s_handling_text_is_no_rate():
    # (a label's preparation section: the vial's excipients and the diluent)
    for sentence in (
        "Each carton holds one vial of drug K and one vial of sterile water containing 1.1% "
        "benzyl alcohol as a preservative.",
        "The infusion is prepared in 0.9% sodium chloride bags.",
    ):
        assert _read(sentence) == []


def test_a_time_point_written_with_a_non_breaking_hyphen_is_read():
    assert _read("The 3\u2011year PFS rate was 40% with drug K.") == [
        ("PFS", "rate", 40.0, "percent", None)
    ]
    (fact,) = parse_sentence("The 3\u2011year PFS rate was 40% with drug K.")
    assert fact.timepoint_months == 36.0


def test_a_time_point_in_months_written_with_m_after_a_hyphen_is_read():
    """Conference abstracts write "18-m PFS" for 18-month PFS; a time point in front of a
    timed endpoint, so the rates are landmark rates, each of its group."""
    facts = parse_sentence("18-m PFS rates were 82% for drug K and 48% for drug L.")
    assert [(f.endpoint, f.value, f.timepoint_months, f.arm) for f in facts] == [
        ("PFS", 82.0, 18.0, "drug K"),
        ("PFS", 48.0, 18.0, "drug L"),
    ]


def test_mos_after_a_number_is_months_and_names_no_overall_survival():
    from etl.vocab.endpoints import endpoint_mentions

    assert endpoint_mentions("Median PFS was 7.1 mos (95% CI, 6.0-8.3 mos).")[0][2] == "PFS"
    assert {m[2] for m in endpoint_mentions("Median PFS was 7.1 mos.")} == {"PFS"}
    assert {m[2] for m in endpoint_mentions("mOS was 20.1 months")} == {"OS"}


@pytest.mark.parametrize(
    "sentence",
    [
        "At the interim analysis, the median time from randomization to the data-cutoff date "
        "was 24.1 months.",
        "At a median observation time of 24.1 months, the benefit of drug K was maintained.",
        "The median observation period was 24.1 months.",
    ],
)
def test_a_follow_up_named_as_time_to_cutoff_or_observation_is_the_follow_up(sentence: str):
    assert _read(sentence)[0] == ("FOLLOWUP", "median", 24.1, "months", None)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Drug K gave an objective response rate of 41.0% (41 of 100 patients), with 4.0% "
            "achieving a complete response and 37.0% achieving a partial response.",
            [("ORR", 41.0), ("CR", 4.0), ("PR", 37.0)],
        ),
        (
            "The response rate after induction was 90%, with 70% of patients achieving very good "
            "partial response or better and 30% achieving stringent complete response.",
            [("ORR", 90.0), ("OTHER", 70.0), ("OTHER", 30.0)],
        ),
        # (a group after "with" is no endpoint: the rates keep the one named before them)
        (
            "Grade 3 rash occurred in 12% with drug K and 4% with placebo.",
            [("AE", 12.0), ("AE", 4.0)],
        ),
    ],
)
def test_a_rate_takes_what_those_it_counts_achieved(sentence: str, expected: list):
    assert [(f.endpoint, f.value) for f in parse_sentence(sentence)] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # an age past the count it is of
        "The median age of the 120 participants was 63 years.",
        # why patients stopped treatment: their disposition
        "Reasons for treatment discontinuation were disease progression (n = 40 [45.5%]), "
        "adverse event (n = 9 [10.2%]) and withdrawal of consent (n = 2 [2.3%]).",
        # a design's assumptions: a plan, no result
        "On the hypothesis that drug K would raise the ORR from 15% to 35% (one-sided alpha 0.1), "
        "30 patients were needed.",
        "The trial was powered to detect an improvement in median PFS from 4.0 to 6.0 months.",
    ],
)
def test_ages_dispositions_and_design_assumptions_are_no_results(sentence: str):
    # (even where the record last named an endpoint a bare time would take)
    assert parse_sentence(sentence, ("FOLLOWUP", "median follow-up")) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a slide's abbreviation of follow-up
        ("Median f/u: 41 months.", [("FOLLOWUP", "median", 41.0)]),
        # harms written as toxic events or effects
        (
            "Immune-related toxic events occurred in 45% of patients, with 12% experiencing "
            "grade 3 or 4 events.",
            [("AE", "rate", 45.0), ("AE", "rate", 12.0)],
        ),
    ],
)
def test_follow_up_and_harms_in_short_words(sentence: str, expected: list):
    assert [(f.endpoint, f.measure, f.value) for f in parse_sentence(sentence)] == expected


def test_each_list_of_endpoints_in_a_sentence_governs_its_own_values():
    sentence = (
        "At 3 years, PFS and OS were 70% and 85%, respectively, with 5-year PFS and OS of 55% "
        "and 72%, respectively."
    )
    assert [(f.endpoint, f.value, f.timepoint_months) for f in parse_sentence(sentence)] == [
        ("PFS", 70.0, 36.0),
        ("OS", 85.0, 36.0),
        ("PFS", 55.0, 60.0),
        ("OS", 72.0, 60.0),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Grade 1 or 2 peripheral neuropathy occurred in 29% of patients.",
        "Grade 3 or 4 leukopenia (7% v 2%) was more common with drug K.",
        "Mucositis (12%) and constipation (9%) were the most common events.",
    ],
)
def test_harms_named_by_name_are_adverse_events(sentence: str):
    assert {f.endpoint for f in parse_sentence(sentence)} == {"AE"}


def test_a_count_of_patients_with_a_rate_takes_what_they_had_after_the_bracket():
    sentence = (
        "A partial response was seen in 3 patients (10%; 95% CI, 2.1-26.5%), and 10 patients "
        "(33.3%; 95% CI, 17.3-52.8%) had stable disease."
    )
    assert [(f.endpoint, f.value) for f in parse_sentence(sentence)] == [("PR", 10.0), ("SD", 33.3)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Drug K gave a higher overall and complete remission rate (70% vs 50%, P = .003; 8% vs 1%).",
        "Drug K gave higher overall and complete response rates (70% vs 50%; 8% vs 1%).",
    ],
)
def test_two_adjectives_sharing_one_head_name_two_endpoints(sentence: str):
    assert [(f.endpoint, f.value) for f in parse_sentence(sentence)] == [
        ("ORR", 70.0),
        ("ORR", 50.0),
        ("CR", 8.0),
        ("CR", 1.0),
    ]


def test_time_to_next_intervention_abbreviated_is_no_carried_endpoint():
    """A sentence after one about PFS: "TTNI" names its own endpoint, the PFS is not carried."""
    (fact,) = parse_sentence(
        "TTNI was also longer (HR, 0.26; 95% CI, 0.15 to 0.43).", ("PFS", "PFS")
    )
    assert (fact.endpoint, fact.endpoint_label, fact.value) == ("OTHER", "TTNI", 0.26)
    facts = parse_sentence("PFS was longer with drug K (HR, 0.39), and TTNI too (HR, 0.26).")
    assert [(f.endpoint, f.value) for f in facts] == [("PFS", 0.39), ("OTHER", 0.26)]


@pytest.mark.parametrize(
    "sentence",
    [
        "A benefit with drug K vs placebo (HR [95% CI]) was seen across subgroups, including "
        "patients given drug A (0.69 [0.51, 0.94]) or drug B (0.66 [0.47, 0.91]).",
        "HRs for OS (95% CI) were: group one, 0.69 (0.51-0.94); and group two, 0.66 (0.47-0.91).",
    ],
)
def test_a_list_of_ratios_whose_statistic_the_sentence_announces_once_is_read(sentence):
    """ "(HR [95% CI])" or "HRs for OS (95% CI) were:" before a list of bare numbers, each with
    its interval: each number is such a ratio, with its interval."""
    facts = parse_sentence(sentence)
    assert [(f.measure, f.value, (f.ci.lower, f.ci.upper, f.ci.level)) for f in facts] == [
        ("hazard_ratio", 0.69, (0.51, 0.94, 95.0)),
        ("hazard_ratio", 0.66, (0.47, 0.91, 95.0)),
    ]


def test_bare_numbers_with_intervals_are_no_ratios_unless_a_ratio_is_announced():
    assert parse_sentence("Scores were 0.69 (0.51-0.94) and 0.66 (0.47-0.91) in the groups.") == []


def test_landmark_estimates_take_their_time_points():
    """ "Five-year Kaplan-Meier estimates for OS are ...", "the 8-year estimates are ...": the
    time point heads the estimates, not only a rate or a survival."""
    facts = parse_sentence(
        "Five-year Kaplan-Meier estimates for OS are 96.4% with drug K and 95.0% with placebo "
        "and the 8-year estimates are 91.8% and 90.3%, respectively."
    )
    assert [(f.endpoint, f.value, f.timepoint_months) for f in facts] == [
        ("OS", 96.4, 60.0),
        ("OS", 95.0, 60.0),
        ("OS", 91.8, 96.0),
        ("OS", 90.3, 96.0),
    ]


def test_y_after_a_number_of_a_survival_is_years():
    facts = parse_sentence("Median OS in the A, B, and C arm were 5.8 y, 10.2 y, and 8.2 y.")
    assert [(f.endpoint, f.value, f.unit) for f in facts] == [
        ("OS", 5.8, "years"),
        ("OS", 10.2, "years"),
        ("OS", 8.2, "years"),
    ]
    # (an age in years is no result)
    assert parse_sentence("The median age was 67 y (range, 30-85 y).") == []


def test_a_delta_before_a_rate_makes_it_the_difference_of_the_rates_at_their_time_point():
    facts = parse_sentence(
        "The 3-year OS rate was 37.4% with drug K versus 27.9% with placebo (Δ+9.5% [95% CI, "
        "0.9-18.1])."
    )
    assert [(f.measure, f.value, f.timepoint_months, f.arm, f.comparator) for f in facts] == [
        ("rate", 37.4, 36.0, "drug K", None),
        ("rate", 27.9, 36.0, "placebo", None),
        ("difference", 9.5, 36.0, "drug K", "placebo"),
    ]


def test_a_baseline_aside_keeps_its_sentence_one_of_baseline_characteristics():
    """ "Of 150 patients enrolled (median age, 66 years), 72% had ECOG PS 1": the shares are of
    the population, no results (a mend of a session's rule that read such asides as no
    baseline)."""
    assert (
        parse_sentence(
            "Of 150 patients enrolled (median age, 66 years), 72% had ECOG PS 1 and 35% had "
            "liver metastases."
        )
        == []
    )


def test_a_number_with_a_unit_after_a_p_is_no_p_value():
    """ "... plus drug P was 5.6 months": a drug named P, not a p-value of 5.6 (which masked the
    median)."""
    facts = parse_sentence("The median PFS with drug K plus drug P was 5.6 months (HR, 0.49).")
    assert [(f.measure, f.value, f.p) for f in facts] == [
        ("median", 5.6, None),
        ("hazard_ratio", 0.49, None),
    ]


def test_follow_up_abbreviated_fu_is_the_follow_up_and_its_landmark_a_time_point():
    assert _read("Data are reported at a median FU of 38 mo.") == [
        ("FOLLOWUP", "median", 38.0, "months", None)
    ]
    facts = parse_sentence("At 3-y FU, drug K had a PFS rate of 40% vs 25% with placebo.")
    assert [(f.endpoint, f.value, f.timepoint_months) for f in facts] == [
        ("PFS", 40.0, 36.0),
        ("PFS", 25.0, 36.0),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "With 5-FU plus drug K, the median was 14.1 months.",
        "Patients given LV/FU had a median of 9.2 months.",
    ],
)
def test_fluorouracil_written_fu_is_no_follow_up(sentence):
    assert all(f.endpoint != "FOLLOWUP" for f in parse_sentence(sentence))


def test_a_relative_change_and_a_reduction_of_risk_restate_a_ratio():
    facts = parse_sentence(
        "Drug K gave a 31% reduction in risk of progression/death vs placebo (HR 0.69, 95% CI "
        "0.55-0.86) and a relative improvement of 60% in PFS (40 vs 25%)."
    )
    assert [(f.measure, f.value) for f in facts] == [
        ("hazard_ratio", 0.69),
        ("rate", 40.0),
        ("rate", 25.0),
    ]
    assert facts[0].arm is None  # ("progression/death" names no group)


def test_a_count_with_its_bracketed_share_is_no_rate_and_the_first_item_orders_the_rest():
    facts = parse_sentence(
        "The common events were rash (50 in the placebo group [40%] vs 120 in the drug K group "
        "[60%]) and nausea (10 [8%] vs 90 [45%])."
    )
    assert [(f.value, f.arm) for f in facts] == [
        (40.0, "placebo group"),
        (60.0, "drug K group"),
        (8.0, "placebo group"),
        (45.0, "drug K group"),
    ]


def test_a_cumulative_rate_of_any_result_takes_its_time_point_by_or_at():
    facts = parse_sentence(
        "By 8 years, cumulative rates of molecular response were 71.5% with zorvatinib and "
        "60.2% with imatinib."
    )
    assert [(f.value, f.timepoint_months) for f in facts] == [(71.5, 96.0), (60.2, 96.0)]
    # ("by" after a word is no time point: "prolonged OS by 5 months")
    facts = parse_sentence("Zorvatinib prolonged OS by 5 months (OS rate 40% vs 30%).")
    assert [f.timepoint_months for f in facts if f.unit == "percent"] == [None, None]


def test_items_headed_by_a_dose_in_a_drugs_bracket_are_that_drug_at_that_dose():
    facts = parse_sentence(
        "Rates of remission were higher with zorvatinib (200 mg BID, 44.1% and 30.2%, "
        "respectively; 300 mg twice daily, 47.9% and 33.0%, respectively)."
    )
    assert [(f.value, f.arm) for f in facts] == [
        (44.1, "zorvatinib 200 mg BID"),
        (30.2, "zorvatinib 200 mg BID"),
        (47.9, "zorvatinib 300 mg twice daily"),
        (33.0, "zorvatinib 300 mg twice daily"),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a time before a bracket of rates is their time point, not a median
        (
            "More patients were free of progression with drug K vs placebo at 12 mo (PFS rate "
            "30.1% vs 15.2%) and 24 mo (20.5% vs 8.0%).",
            [(30.1, 12.0), (15.2, 12.0), (20.5, 24.0), (8.0, 24.0)],
        ),
        # a time heading the rates after its colon
        (
            "PFS rates: 3 months: drug K 50.2% (95% CI: 40.1-60.3) vs placebo 35.5% (95% CI: "
            "25.0-46.0); 6 months: drug K 38.0% vs placebo 18.0%",
            [(50.2, 3.0), (35.5, 3.0), (38.0, 6.0), (18.0, 6.0)],
        ),
        # a list of time points after "at": none of them a median, each its rate's
        ("PFS rates at 3, 6, and 12 months were 55%, 40% and 20%.", [(55, 3), (40, 6), (20, 12)]),
        ("PFS rates at 3, 6, 12, and 18 months are Kaplan-Meier estimates.", []),
    ],
)
def test_times_that_head_or_list_rates_are_their_time_points(sentence, expected):
    assert [(f.value, f.timepoint_months) for f in parse_sentence(sentence)] == expected


def test_a_median_before_a_bracket_of_its_interval_stays_a_median():
    facts = parse_sentence(
        "The median PFS was 8 months (95% CI 6-10) versus 4 months (95% CI 3-5)."
    )
    assert [(f.measure, f.value) for f in facts] == [("median", 8.0), ("median", 4.0)]


def test_median_fu_in_lower_case_is_the_follow_up():
    facts = parse_sentence("At the second analysis (median fu 25.7 mo; range 16.8-39.1), PFS held.")
    assert [(f.endpoint, f.measure, f.value) for f in facts] == [("FOLLOWUP", "median", 25.7)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a list of whole times before its endpoint: no median of 5 years
        ("Median OS was not reached; 5 and 10 year OS was 94% and 83%.", [(94, 60), (83, 120)]),
        # a list after "at" without a comma before its "and"
        (
            "Estimated OS rates were 56%, 30%, 21% and 17% at 1, 2, 3 and 4 years.",
            [(56, 12), (30, 24), (21, 36), (17, 48)],
        ),
        # a time point in words past five
        ("Twelve-month OS rates were 21.2% and 13.0%.", [(21.2, 12), (13.0, 12)]),
        # a sample size's assumptions are no result; a result "continued to show" is
        (
            "In all, 400 patients were required to observe 300 events to show a gain in 3-year "
            "DFS from 20% to 30% (HR = 0.75) with 80% power.",
            [],
        ),
        (
            "The update continued to show an improvement in median PFS (17.2 vs. 4.6 months).",
            [(17.2, None), (4.6, None)],
        ),
    ],
)
def test_time_point_lists_and_sample_size_assumptions(sentence, expected):
    assert [(f.value, f.timepoint_months) for f in parse_sentence(sentence)] == expected


def test_a_declared_group_whose_name_holds_and_is_not_cut_at_it():
    facts = parse_sentence(
        "The median OS was 24.0 months with drug K and azacitidine and 7.9 months with placebo "
        "and azacitidine.",
        arms=["drug K and azacitidine", "placebo and azacitidine"],
        comparison=("drug K and azacitidine", "placebo and azacitidine"),
    )
    assert [(f.value, f.arm) for f in facts] == [
        (24.0, "drug K and azacitidine"),
        (7.9, "placebo and azacitidine"),
    ]


def test_the_sentences_own_order_of_groups_before_its_verb_orders_its_pairs():
    # (the record declares drug A first; this sentence names drug B first)
    facts = parse_sentence(
        "AEs more common with drug B than with drug A were rash (54% v 14%) and diarrhea (33% v "
        "23%).",
        arms=["drug A", "drug B"],
        comparison=("drug A", "drug B"),
    )
    assert [(f.value, f.arm) for f in facts] == [
        (54.0, "drug B"),
        (14.0, "drug A"),
        (33.0, "drug B"),
        (23.0, "drug A"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # the share of patients an event count is, no rate
        "Number of PFS events: 62 (54%) with drug K vs 78 (69%) with placebo.",
        # who went on to other treatment
        "After the end of study treatment, 29% of patients in the drug K group and 34% in the "
        "placebo group received additional anticancer therapy during survival follow-up.",
    ],
)
def test_event_shares_and_later_treatment_are_no_results(sentence):
    # (in a record whose last endpoint was a survival time, which a bare time would take)
    assert parse_sentence(sentence, context_endpoint=("PFS", "progression-free survival")) == []


def test_a_clause_on_later_treatment_leaves_the_result_before_it():
    facts = parse_sentence("Median OS was 20.1 months, and 30% received subsequent therapy.")
    assert [(f.endpoint, f.value) for f in facts] == [("OS", 20.1)]


def test_a_response_rate_ratio_is_a_risk_ratio_of_the_two_groups():
    facts = parse_sentence(
        "ORR was 80% in the drug K arm and 73% in the drug L arm (response rate ratio 1.10, 95% "
        "CI: 1.01, 1.20; p=0.0264)."
    )
    ratio = facts[-1]
    assert (ratio.endpoint, ratio.measure, ratio.value) == ("ORR", "risk_ratio", 1.10)
    assert (ratio.ci.lower, ratio.ci.upper, ratio.ci.level) == (1.01, 1.20, 95.0)
    assert ratio.p is not None and ratio.p.value == 0.0264


def test_values_then_their_groups_in_the_plural_pair_in_order_and_an_occurring_harm_is_an_ae():
    facts = parse_sentence(
        "Safety was consistent; myelodysplastic syndrome occurred in 4% and 3% of patients in "
        "the drug K and placebo arms."
    )
    assert [(f.endpoint, f.value, f.arm) for f in facts] == [
        ("AE", 4.0, "drug K"),
        ("AE", 3.0, "placebo"),
    ]
    # (an efficacy event that occurs is no harm)
    assert [f.endpoint for f in parse_sentence("Disease progression occurred in 30%.")] != ["AE"]


@pytest.mark.parametrize(
    "interval",
    [
        "(95% confidence interval [CI]: 21.3\u2013NR)",
        "(95% CI, 21.3 to not reached [NR])",
        "[95% confidence interval {CI}, 21.3 to not reached]",
        "(95% CI: 21.3, NE)",
        "(95% CI, NR-NR)",
        "(95% CI, 21.3 months-not evaluable)",
    ],
)
def test_an_interval_with_a_bound_not_reached_keeps_the_list_of_medians_together(interval):
    # the two medians are one list (both groups in order), and neither reads a bound as a value
    sentence = (
        "Drug K was compared with placebo, with a median PFS of 30.2 months "
        f"{interval} vs 11.4 months (95% CI: 9.1\u201313.5), respectively."
    )
    context = record_context(["Patients were randomly assigned to drug K or placebo."])
    facts = apply_context(
        parse_sentence(sentence, None, context.comparison, context.labels), context
    )
    assert [(f.value, f.arm) for f in facts] == [(30.2, "drug K"), (11.4, "placebo")]
    assert facts[0].ci is None


@pytest.mark.parametrize(
    "sentence",
    [
        "There was a median follow-up of 20.1 months and 31.5 months for progression-free "
        "survival (PFS) and overall survival (OS) respectively.",
        "Median follow-up was 20.1 and 31.5 months for PFS and OS, respectively.",
    ],
)
def test_follow_up_times_for_a_list_of_endpoints_stay_follow_up_of_no_group(sentence):
    context = record_context(["Patients were randomly assigned to drug K or placebo."])
    facts = apply_context(
        parse_sentence(sentence, None, context.comparison, context.labels), context
    )
    assert [(f.endpoint, f.value, f.arm) for f in facts] == [
        ("FOLLOWUP", 20.1, None),
        ("FOLLOWUP", 31.5, None),
    ]


@pytest.mark.parametrize(
    ("sentence", "endpoint", "label"),
    [
        (
            "Drug K extended the time to progression of worst pain intensity (9.2 vs 6.4 months; "
            "HR 0.75).",
            "OTHER",
            "time to progression of worst pain intensity",
        ),
        ("The time to progression of disease was 9.2 vs 6.4 months (HR 0.75).", "TTP", None),
        ("Median time to progression was 9.2 vs 6.4 months (HR 0.75).", "TTP", None),
    ],
)
def test_the_progression_of_a_symptom_is_no_time_to_progression(sentence, endpoint, label):
    facts = parse_sentence(sentence)
    assert {f.endpoint for f in facts} == {endpoint}
    if label:
        assert {f.endpoint_label for f in facts if f.measure == "median"} == {label}


@pytest.mark.parametrize(
    "sentence",
    [
        "PFS was longer with drug K (hazard ratio [HR] unadjusted 0.71 (95% CI, 0.57-0.89)).",
        "PFS was longer with drug K (HR (stratified) 0.71; 95% CI 0.57-0.89).",
        "PFS was longer with drug K (hazard ratio, adjusted, 0.71; 95% CI 0.57-0.89).",
    ],
)
def test_a_ratio_qualified_after_its_keyword_is_read(sentence):
    assert _read(sentence) == [("PFS", "hazard_ratio", 0.71, "ratio", (0.57, 0.89, 95.0))]


@pytest.mark.parametrize(
    "sentence",
    [
        "Median follow-up in the final OS analysis was 49 months.",
        "The median follow-up was 20 months in the updated PFS analysis.",
    ],
)
def test_follow_up_counted_in_an_analysis_is_follow_up_of_no_group(sentence):
    facts = parse_sentence(sentence)
    assert [(f.endpoint, f.arm or None) for f in facts] == [("FOLLOWUP", None)]


def test_a_complete_response_rate_abbreviated_crr_is_a_complete_response():
    facts = parse_sentence("ORRs were 80.8% (CRR 33.9%) for drug K and 47.7% (CRR 14.6%) for B.")
    assert [(f.endpoint, f.value) for f in facts] == [
        ("ORR", 80.8),
        ("CR", 33.9),
        ("ORR", 47.7),
        ("CR", 14.6),
    ]


def test_a_response_named_with_its_abbreviation_in_brackets_is_that_response():
    # ("[CR]" closes before the value, "(complete response" does not)
    facts = parse_sentence(
        "The objective response rate was 31.0% (complete response [CR], 6.0%; partial response "
        "[PR], 25.0%)."
    )
    assert [(f.endpoint, f.value) for f in facts] == [("ORR", 31.0), ("CR", 6.0), ("PR", 25.0)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the time to the response it names, its range after a colon and a comma
        (
            "Of the 20 patients with CR or CRh, the median time to CR or CRh was 1.8 months "
            "(range: 0.8, 5.5 months).",
            [("TTR", 1.8)],
        ),
        ("The median time to first response was 2.1 months.", [("TTR", 2.1)]),
        # the duration of the response it names
        ("The median CR+CRh duration was 6.1 months.", [("DOR", 6.1)]),
        # the share of the patients an event count is: no rate
        (
            "OS events were recorded in 180 (80.1%) patients in the drug K group and 200 (90.2%) "
            "in the placebo group.",
            [],
        ),
    ],
)
def test_times_and_durations_of_a_named_response_and_counts_of_events(sentence, expected):
    assert [(f.endpoint, f.value) for f in parse_sentence(sentence)] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "At 6, 12, and 18 months, 70%, 61%, and 50% of patients were still responding, "
            "respectively.",
            [("DOR", 70.0, 6.0), ("DOR", 61.0, 12.0), ("DOR", 50.0, 18.0)],
        ),
        (
            "Kidney cancer-specific overall survival was 98% after 24 months of follow-up.",
            [("OTHER", 98.0, 24.0)],
        ),
    ],
)
def test_responses_still_ongoing_and_a_cancer_specific_survival(sentence, expected):
    facts = parse_sentence(sentence)
    assert [(f.endpoint, f.value, f.timepoint_months) for f in facts] == expected


def test_values_right_after_a_plural_list_of_groups_are_theirs_in_order():
    facts = parse_sentence(
        "The median TTPs for the drug K and drug L groups were 5.9 and 3.6 months."
    )
    assert [(f.endpoint, f.value, f.arm) for f in facts] == [
        ("TTP", 5.9, "drug K"),
        ("TTP", 3.6, "drug L"),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a time point before a name of two hyphenated words and an endpoint
        (
            "The 5-year biochemical-clinical failure disease-free survival was 85% (95% CI: 82-88%).",
            [("OTHER", 85.0, 60.0)],
        ),
        ("The median time to respond was 18.1 months.", [("TTR", 18.1, None)]),
    ],
)
def test_a_landmark_before_a_long_endpoint_name_and_a_time_to_respond(sentence, expected):
    facts = parse_sentence(sentence)
    assert [(f.endpoint, f.value, f.timepoint_months) for f in facts] == expected


def test_an_absolute_difference_of_rates_is_a_difference_not_a_rate():
    read = _read(
        "The 4-year DFS absolute difference was 5.9% (88.4% vs 82.5%), compared to a 4.1% "
        "difference at 3 years."
    )
    assert [(r[1], r[2]) for r in read] == [
        ("difference", 5.9),
        ("rate", 88.4),
        ("rate", 82.5),
        ("difference", 4.1),
    ]


def test_how_a_treatment_is_given_shares_the_treatment_named_after_the_last():
    from etl.extract.grammar import parse_sentence

    facts = parse_sentence(
        "PFS was longer among patients who received concurrent versus sequential CRT (median, "
        "23.7 versus 19.3 mo)."
    )
    assert [f.arm for f in facts] == ["patients who received concurrent CRT", "sequential CRT"]


def test_a_placeholder_after_one_list_keeps_its_place_there_and_not_in_the_next():
    facts = parse_sentence(
        "Median OS and 5-year OS rates for drug K versus drug K + drug M were 6.5 years versus "
        "not reached and 58% versus 70%, respectively (hazard ratio [HR]; 0.74; 95% CI, 0.51 to "
        "1.07; P = .11)."
    )
    assert [(f.endpoint, f.measure, f.value, f.arm) for f in facts][:3] == [
        ("OS", "median", 6.5, "drug K"),
        ("OS", "rate", 58.0, "drug K"),
        ("OS", "rate", 70.0, "drug K + drug M"),
    ]
    (ratio,) = [f for f in facts if f.measure == "hazard_ratio"]
    assert (ratio.ci.lower, ratio.ci.upper, ratio.p.value) == (0.51, 1.07, 0.11)


def test_intervals_a_head_announces_once_are_read_after_each_value():
    facts = parse_sentence(
        "The 3-year EFS (95% CI) was 91.5% (87.2, 94.1) with drug K vs. 80.4% (75.0, 84.9) with "
        "drug M."
    )
    assert [(f.value, f.ci.lower, f.ci.upper, f.ci.level) for f in facts] == [
        (91.5, 87.2, 94.1, 95.0),
        (80.4, 75.0, 84.9, 95.0),
    ]
    # (without a level stated, a bracket of two numbers is no interval: references, counts)
    assert [f.value for f in parse_sentence("The ORR was 41.5% (12, 14) with drug K.")] == [41.5]


def test_rates_at_a_median_time_are_at_that_time_point_the_median_follow_up():
    facts = parse_sentence("OS rates at a median 2.5 years were 81% and 62%, respectively.")
    assert [(f.endpoint, f.measure, f.value, f.timepoint_months) for f in facts] == [
        ("FOLLOWUP", "median", 2.5, None),
        ("OS", "rate", 81.0, 30.0),
        ("OS", "rate", 62.0, 30.0),
    ]
    # (elsewhere a decimal after "at" is a value, and a time something occurred at is no
    # follow-up)
    later = parse_sentence("The TTNT was longer with drug K, at 6.1 months vs 3.9 months.")
    assert [(f.value, f.timepoint_months) for f in later] == [(6.1, None), (3.9, None)]
    assert all(
        f.endpoint != "FOLLOWUP"
        for f in parse_sentence("Responses occurred at a median of 1.8 months in 40% of patients.")
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The median age of the patients in the study was 68 years.",
        "The median age at baseline was 61 years and 62 years, respectively.",
        "Characteristics (drug K vs placebo): median age, 66.0 years versus 67.5 years.",
    ],
)
def test_the_groups_ages_are_no_survival_times(sentence: str):
    # (in a record whose last endpoint was a survival time, which a bare time would take)
    assert parse_sentence(sentence, context_endpoint=("PFS", "progression-free survival")) == []


def test_a_value_right_after_an_age_is_still_read():
    facts = parse_sentence(
        "Median OS was 12.4 months in patients aged under 65 and 9.6 months in those aged 65 or "
        "older."
    )
    assert [f.value for f in facts] == [12.4, 9.6]


def test_myelomas_stringent_and_very_good_responses_are_no_cr_or_pr_rates():
    facts = parse_sentence(
        "The ORR was 81% (stringent complete response, 9%; complete response, 12%; very good "
        "partial response, 25%; and partial response, 35%)."
    )
    assert [(f.endpoint, f.endpoint_label, f.value) for f in facts][1:] == [
        ("OTHER", "stringent complete response", 9.0),
        ("CR", "complete response", 12.0),
        ("OTHER", "very good partial response", 25.0),
        ("PR", "partial response", 35.0),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "By central review there were 6 (11%) complete responses, 31 (58%) partial responses, "
            "and 9 (17%) patients with stable disease.",
            [(11.0, "CR"), (58.0, "PR"), (17.0, "SD")],
        ),
        (
            "There were 12 (20%) complete responses and 30 (50%) partial responses.",
            [(20.0, "CR"), (50.0, "PR")],
        ),
    ],
)
def test_a_counts_share_in_brackets_is_a_rate_of_what_is_counted_after_it(sentence, expected):
    assert [(f.value, f.endpoint) for f in parse_sentence(sentence)] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "ORR was higher with drug K (88 of 400 [22%] vs 19 of 402 [5%]; P < .001).",
        "The ORR was 22% (88 of 400) with drug K vs 5% (19 of 402) with drug L (P < .001).",
    ],
)
def test_a_count_of_a_total_beside_its_share_gives_no_value_of_the_list(sentence):
    assert [(f.value, f.unit) for f in parse_sentence(sentence)] == [
        (22.0, "percent"),
        (5.0, "percent"),
    ]


def test_the_rate_of_an_event_without_a_code_keeps_its_name_and_its_time_points():
    """ "discontinuation rates at 1, 2 and 3 years": the rates are of the discontinuation, by each
    time point, not of the survival the record named last."""
    sentence = (
        "Therapy was well tolerated; discontinuation rates at 1, 2, and 3 years were 21%, 33%, "
        "and 41%, respectively."
    )
    facts = parse_sentence(sentence, context_endpoint=("OS", "overall survival"))
    assert [(f.value, f.endpoint, f.timepoint_months) for f in facts] == [
        (21.0, "OTHER", 12.0),
        (33.0, "OTHER", 24.0),
        (41.0, "OTHER", 36.0),
    ]
    assert {f.endpoint_label for f in facts} == {"discontinuation rates"}


def test_a_prefix_whose_hyphen_waits_for_the_next_groups_word_names_a_whole_group():
    """ "in the K- vs L-chemo arm": the first group is K-chemo, not "K-"."""
    sentence = (
        "Time to next treatment was longer in the K- vs L-chemo arm (HR 0.72; 95% CI: 0.57-0.90; "
        "79.7% [95% CI: 76.1-82.7] vs 72.9% [95% CI: 69.1-76.4])."
    )
    facts = parse_sentence(sentence)
    assert [(f.value, f.arm) for f in facts] == [
        (0.72, "K-chemo"),
        (79.7, "K-chemo"),
        (72.9, "L-chemo"),
    ]


def test_a_standard_deviation_after_a_value_is_no_stable_disease_rate():
    sentence = (
        "Survival estimates at 6 years were 86% (SD = 2%) for arm K; 92% (SD = 2%) for arm L; and "
        "89% (SD = 3%) for arm M (P = .17)."
    )
    facts = parse_sentence(sentence, context_endpoint=("OS", "overall survival"))
    assert [(f.value, f.endpoint) for f in facts] == [(86.0, "OS"), (92.0, "OS"), (89.0, "OS")]


def test_a_restricted_mean_survival_time_is_overall_survival_s_mean_for_every_value():
    sentence = (
        "RMST did not differ in the whole population, with 41.2 months (95% CI: 40.0, 42.5) in "
        "arm K and 42.0 months (95% CI: 40.9, 43.1) in arm L (P=0.61)."
    )
    assert [(f.endpoint, f.measure, f.value, f.arm) for f in parse_sentence(sentence)] == [
        ("OS", "mean", 41.2, "arm K"),
        ("OS", "mean", 42.0, "arm L"),
    ]
    spelled = "The restricted mean survival time was 30.1 months with drug K."
    assert [(f.endpoint, f.measure) for f in parse_sentence(spelled)] == [("OS", "mean")]


def test_a_declared_group_the_subject_of_had_right_before_its_value_is_its_group():
    """ "where K had 30.5 months ... and L had 35.9 months": each value is its subject's."""
    sentence = (
        "A difference in mean survival was found where drug K had 30.5 months (95% CI: 28.0, "
        "33.0) and placebo had 35.9 months (95% CI: 33.0, 38.7) (P=0.03)."
    )
    facts = parse_sentence(sentence, arms=["drug K", "placebo"])
    assert [(f.value, f.arm) for f in facts] == [(30.5, "drug K"), (35.9, "placebo")]


def test_a_time_to_first_response_of_a_named_response_is_a_time_to_response():
    sentence = (
        "The median time to first response of CR or CRh was 1.2 months (range: 0.7-12.1 months) "
        "with drug K."
    )
    assert [(f.endpoint, f.measure, f.value) for f in parse_sentence(sentence)] == [
        ("TTR", "median", 1.2)
    ]


def test_a_bracket_after_a_pair_of_times_with_an_interval_and_p_is_the_pair_s_ratio():
    """ "3.0 versus 1.8 months [0.55 (0.39-0.78), P = 0.0005] in the second-line group": the
    ratio of the pair, its groups the sentence's; the group after the pair is its subgroup."""
    sentence = (
        "Median PFS for drug K versus placebo was 3.0 versus 1.8 months [0.55 (0.39-0.78), "
        "P = 0.0005] in the second-line group and 2.0 versus 1.7 months [0.58 (0.45-0.75), "
        "P < 0.0001] in the later-line group."
    )
    facts = parse_sentence(sentence)
    assert [(f.measure, f.value, f.arm, f.comparator) for f in facts] == [
        ("median", 3.0, "drug K", None),
        ("median", 1.8, "placebo", None),
        ("hazard_ratio", 0.55, "drug K", "placebo"),
        ("median", 2.0, "drug K", None),
        ("median", 1.7, "placebo", None),
        ("hazard_ratio", 0.58, "drug K", "placebo"),
    ]
    assert [(f.ci.lower, f.ci.upper) for f in facts if f.measure == "hazard_ratio"] == [
        (0.39, 0.78),
        (0.45, 0.75),
    ]


def test_a_ratio_label_with_its_abbreviation_and_its_interval_s_spelled_level():
    sentence = (
        "Median OS was 6.9 versus 3.3 months {hazard ratio (HR) [95% confidence interval (CI)] = "
        "0.69 (0.48-0.98), P = 0.03}."
    )
    ratios = [f for f in parse_sentence(sentence) if f.measure == "hazard_ratio"]
    assert [(f.value, f.ci.lower, f.ci.upper, f.p.value) for f in ratios] == [
        (0.69, 0.48, 0.98, 0.03)
    ]


def test_endpoints_that_share_the_survival_named_last_are_each_their_own():
    """ "event-free, progression-free, and overall survival were 70%, 72%, and 80%": each
    "-free" of the list is its own survival, not overall survival."""
    sentence = (
        "24-month estimates (95% CI) of duration of response and event-free, progression-free, "
        "and overall survival were 80.8% (62.9%-90.4%), 71.0% (54.6%-83.4%), 72.1% "
        "(56.5%-85.2%), and 80.1% (63.4%-89.5%), respectively."
    )
    assert [(f.endpoint, f.value) for f in parse_sentence(sentence)] == [
        ("DOR", 80.8),
        ("OTHER", 71.0),
        ("PFS", 72.1),
        ("OS", 80.1),
    ]
    two = "The 5-year disease-free and overall survival rates were 81.7% and 88.5%, respectively."
    assert [(f.endpoint, f.endpoint_label, f.value) for f in parse_sentence(two)] == [
        ("OTHER", "disease-free", 81.7),
        ("OS", "overall survival", 88.5),
    ]


def test_a_treatment_after_the_second_value_of_a_pair_stays_its_group():
    """ "3.2 months (...) with drug K vs 5.0 months (...) with LMN": LMN is the second value's
    group, not a subgroup of the pair (only "in ..." after a pair is)."""
    sentence = (
        "Median PFS was 3.2 months (95% CI, 2.2-3.4) with drug K vs 5.0 months (95% CI, 4.8-5.8) "
        "with LMN (HR=1.15; 95% CI, 0.95-1.38)."
    )
    facts = parse_sentence(sentence, comparison=("drug K", "chemotherapy"))
    assert [(f.value, f.arm) for f in facts if f.measure == "median"] == [
        (3.2, "drug K"),
        (5.0, "LMN"),
    ]


def test_children_who_received_a_treatment_and_those_still_alive():
    """ "73% of children who received drug K were still alive": overall survival, drug K's."""
    sentence = (
        "An updated analysis found that 73% of children who received drug K were still alive, "
        "compared with 58% of children who received placebo."
    )
    assert [(f.endpoint, f.value, f.arm) for f in parse_sentence(sentence)] == [
        ("OS", 73.0, "drug K"),
        ("OS", 58.0, "placebo"),
    ]


def test_values_each_with_its_own_population_after_it_keep_them():
    """Only a pair written together ("5.2 versus 3.7 months in S") shares the population after
    it; "2.1 months in cohort B and 1.7 months in cohort C" gives each value its own."""
    sentence = (
        "Median PFS was 6.9 months in cohort A compared with 2.1 months in cohort B and 1.7 "
        "months in cohort C."
    )
    facts = parse_sentence(sentence, comparison=("drug K", "placebo"))
    assert [(f.value, f.arm) for f in facts] == [
        (6.9, "cohort A"),
        (2.1, "cohort B"),
        (1.7, "cohort C"),
    ]


def test_an_unknown_last_item_of_an_endpoint_list_keeps_its_place_before_a_bracket():
    """ "EFS, OS, and CILR (± SE) were ...": the bracket after the last item (what the values are
    given with) does not drop it, so the values do not shift onto OS."""
    sentence = (
        "Five-year EFS, OS, and CILR (± SE) were 41.5% ± 3.7%, 52.9% ± 3.7%, and 10.9% ± 2.2%, "
        "respectively."
    )
    assert [(f.endpoint, f.value) for f in parse_sentence(sentence)] == [
        ("OTHER", 41.5),
        ("OS", 52.9),
        ("OTHER", 10.9),
    ]


def test_as_compared_to_ends_the_group_before_it():
    sentence = "The 42-month DMFS rate was 64.7% with drug K as compared to 50.2% with placebo."
    assert [(f.value, f.arm) for f in parse_sentence(sentence)] == [
        (64.7, "drug K"),
        (50.2, "placebo"),
    ]
    # (a group's noun before it stays out of the name: "in the K-gem group as compared with")
    grouped = "Median OS was 8.4 months in the K-gem group as compared with 6.6 months."
    assert [(f.value, f.arm) for f in parse_sentence(grouped)] == [(8.4, "K-gem"), (6.6, None)]


def test_a_change_from_one_value_to_another_is_from_the_control_s_to_the_experimental_s():
    """ "improved median OS from 25.5 to 28 months": both values read (the first shares the
    second's unit), the first the control's, the second the experimental group's; a range
    ("ranged from 25.5 to 28 months") stays one."""
    context = record_context(["Patients were randomly assigned to drug K or placebo."])
    for sentence in (
        "Drug K improved median OS from 25.5 to 28 months.",
        "Median overall survival improved from 11.2 months to 14.9 months (HR 0.74).",
    ):
        facts = apply_context(
            parse_sentence(sentence, comparison=context.comparison, arms=context.labels),
            context,
            sentence,
        )
        medians = [(f.value, f.arm) for f in facts if f.measure == "median"]
        assert medians in (
            [(25.5, "placebo"), (28.0, "drug K")],
            [(11.2, "placebo"), (14.9, "drug K")],
        )
    assert [f.value for f in parse_sentence("Follow-up ranged from 25.5 to 28 months.")] == [28.0]
    # (a change over time, naming no group and no ratio, is no comparison of the groups)
    trend = "Treatment-related mortality declined from 18% to 11% (P = .02)."
    facts = apply_context(
        parse_sentence(trend, comparison=context.comparison, arms=context.labels), context, trend
    )
    assert [(f.value, f.arm) for f in facts] == [(18.0, None), (11.0, None)]
    # (its p-value is the change's: the second value's, where a comparison's goes to the first)
    rose = parse_sentence("MRD negativity increased from 71% to 92% (P < .001).")
    assert [(f.value, f.p.value if f.p else None) for f in rose] == [(71.0, None), (92.0, 0.001)]
    # (a placeholder's place in a pair: "NR vs 9.1 months" is no change)
    held = parse_sentence(
        "Median OS was NR vs 9.1 months (P = .01).",
        comparison=("drug K", "placebo"),
        arms=["drug K", "placebo"],
    )
    assert [(f.value, f.arm) for f in held] == [(9.1, "placebo")]


def test_a_share_after_the_follow_up_is_of_what_the_sentence_names_after_it():
    """ "After 3 years of follow-up, 63% ... were alive": no share is of the follow-up; the
    survivors' share is overall survival at 3 years."""
    sentence = (
        "After 3 years of follow-up, 63% of patients given drug K and 51% of those given placebo "
        "were alive."
    )
    assert [(f.endpoint, f.value, f.timepoint_months, f.arm) for f in parse_sentence(sentence)] == [
        ("OS", 63.0, 36.0, "drug K"),
        ("OS", 51.0, 36.0, "placebo"),
    ]


def test_the_receptor_named_with_a_bracket_is_no_progressive_disease():
    """ "a PD-(L)1 inhibitor" names the receptor, not progressive disease; "PD in 10%" is."""
    assert endpoint_mentions("crossed over to a PD-(L)1 inhibitor or a PD-L1 inhibitor") == []
    assert [m[2] for m in endpoint_mentions("PD in 10% of patients")] == ["PD"]


@pytest.mark.parametrize(
    ("sentence", "arm"),
    [
        (
            "Overall survival improved with drug M-chemotherapy in the total population (HR, "
            "0.71; 95% CI, 0.59 to 0.85).",
            "drug M-chemotherapy",
        ),
        (
            "Overall survival improved with drug K in the total population (HR, 0.81; 95% CI, "
            "0.68 to 0.97).",
            "drug K",
        ),
    ],
)
def test_a_ratio_in_a_record_of_three_groups_compares_the_group_named_before_it(
    sentence: str, arm: str
):
    """Of three groups, a ratio that names none compares the group its sentence names before it
    with the control, not the record's first group with it."""
    context = record_context(
        [
            "Patients were randomly assigned (1:1:1) to drug K, drug M-chemotherapy, or drug "
            "L-chemotherapy.",
            sentence,
        ]
    )
    facts = apply_context(
        parse_sentence(sentence, comparison=context.comparison, arms=context.labels),
        context,
        sentence,
    )
    assert [(f.arm, f.comparator) for f in facts] == [(arm, "drug L-chemotherapy")]


def test_a_ratio_naming_only_its_reference_of_three_groups_is_of_the_group_named_before_it():
    """ "Drug K-orvex resulted in improved PFS vs drug K monotherapy (HR, 0.58)" in a record of
    three groups: drug K-orvex against drug K."""
    sentences = [
        "Overall, 535 patients were randomized to drug K-orvex (n = 179), drug K monotherapy (n "
        "= 179) or drug L-orvex (n = 177).",
        "Drug K-orvex resulted in improved PFS vs drug K monotherapy (hazard ratio [HR], 0.58; "
        "P = .0229).",
    ]
    context = record_context(sentences)
    facts = apply_context(
        parse_sentence(sentences[1], comparison=context.comparison, arms=context.labels),
        context,
        sentences[1],
    )
    assert [(f.arm.lower(), f.comparator.lower()) for f in facts] == [
        ("drug k-orvex", "drug k monotherapy")
    ]


def test_a_p_value_right_before_the_ratio_it_qualifies_is_the_ratio_s():
    """ "8.4 months in the control group, p<0.0001, HR 0.21": the p-value is the comparison's,
    given before its ratio; a ratio with a p-value of its own after it keeps that one."""
    facts = parse_sentence(
        "The median PFS was not reached for drug K and was 8.4 months in the control group, "
        "p<0.0001, HR 0.21."
    )
    assert [(f.measure, f.p.value if f.p else None) for f in facts] == [
        ("median", None),
        ("hazard_ratio", 0.0001),
    ]
    facts = parse_sentence(
        "Median OS was 12.1 vs 9.0 months, p=0.01; HR 0.74 (95% CI 0.6-0.9), p=0.02."
    )
    assert [(f.measure, f.p.value if f.p else None) for f in facts] == [
        ("median", 0.01),
        ("median", None),
        ("hazard_ratio", 0.02),
    ]


def test_values_after_a_group_named_as_a_cohort_are_its_until_the_next_one():
    """ "AEs in the drug K cohort included anemia (9%) and pain (7%), while the placebo cohort
    experienced anemia (14%)": each value is of the group named last before it; values listed
    as pairs after both groups keep the pairs' order."""
    facts = parse_sentence(
        "Common grade 3/4 AEs in the drug K cohort included anemia (9%; n=8) and abdominal pain "
        "(7%; n=6), while the placebo cohort experienced anemia (14%; n=6)."
    )
    assert [(f.value, f.arm) for f in facts] == [
        (9.0, "drug K cohort"),
        (7.0, "drug K cohort"),
        (14.0, "placebo cohort"),
    ]
    facts = parse_sentence(
        "Events were hypertension (57 patients [15%] in the drug K group vs nine patients [5%] in "
        "the placebo group) and rash (47 patients [13%] vs one [1%])."
    )
    assert [(f.value, f.arm) for f in facts][2:] == [(13.0, "drug K group"), (1.0, "placebo group")]


def test_an_interval_whose_dash_was_decoded_as_a_q_is_read():
    """ "95% CI=0.383Q0.798": a lost en dash decoded as "Q" between two decimals."""
    (f,) = parse_sentence(
        "Drug K was a predictive factor for longer OS (hazard ratio [HR]=0.553, 95% confidence "
        "interval [CI]=0.383Q0.798, P=0.0015)."
    )
    assert (f.value, f.ci.lower, f.ci.upper, f.ci.level) == (0.553, 0.383, 0.798, 95.0)


def test_the_pronoun_after_a_group_is_no_part_of_its_name():
    """ "for placebo it was 17.8 months": the group is placebo."""
    facts = parse_sentence(
        "The median TTNI was not reached for drug K and for placebo it was 17.8 months."
    )
    assert [(f.value, f.arm) for f in facts] == [(17.8, "placebo")]


def test_alive_without_a_next_treatment_is_no_overall_survival_and_keeps_its_time():
    """ "..., and 45.3% versus 20.6%, respectively, were alive and had not received a first
    subsequent treatment": the endpoint after "respectively" is the list's (not the OS named
    before it), at the sentence's 7 years."""
    facts = parse_sentence(
        "At 7 years, 67.0% of drug K patients versus 46.5% of placebo patients were alive, and "
        "45.3% versus 20.6%, respectively, were alive and had not received a first subsequent "
        "treatment."
    )
    assert [(f.value, f.endpoint, f.timepoint_months) for f in facts] == [
        (67.0, "OS", 84.0),
        (46.5, "OS", 84.0),
        (45.3, "OTHER", 84.0),
        (20.6, "OTHER", 84.0),
    ]


def test_deaths_the_treatment_caused_are_adverse_events():
    """ "Treatment-related deaths occurred in 4% of the drug K group": an adverse event's rate."""
    facts = parse_sentence(
        "Treatment-related deaths occurred in 4% of the drug K group and 3% of the placebo group."
    )
    assert [(f.value, f.endpoint) for f in facts] == [(4.0, "AE"), (3.0, "AE")]
    assert [m[2] for m in endpoint_mentions("toxic deaths occurred in 2%")] == ["AE"]


def test_the_endpoint_after_respectively_is_only_its_own_list_s():
    """Two lists, the second closed by ", respectively, were alive and disease-free": the first
    keeps the PFS it follows."""
    facts = parse_sentence(
        "The 2-year PFS rates were 60% and 40%, and 30% and 20%, respectively, were alive and "
        "disease-free."
    )
    assert [(f.value, f.endpoint) for f in facts][:2] == [(60.0, "PFS"), (40.0, "PFS")]


def test_a_ratio_of_three_groups_takes_the_longest_group_name_before_it():
    """ "improved with drug K plus drug M (HR, 0.62)": the group is drug K plus drug M, not the
    drug M named inside it."""
    sentence = "Overall survival improved with drug K plus drug M (HR, 0.62; 95% CI, 0.46 to 0.84)."
    context = record_context(
        [
            "Patients were randomly assigned (1:1:1) to drug M, drug K plus drug M, or drug L.",
            sentence,
        ]
    )
    facts = apply_context(
        parse_sentence(sentence, comparison=context.comparison, arms=context.labels),
        context,
        sentence,
    )
    assert facts[0].arm == "drug K plus drug M"
