"""The grammar of results sentences, on sentences written for the tests (not the seeds)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from etl.extract.grammar import parse_sentence


def facts(text, **kw):
    return [
        (f.endpoint, f.measure, f.value, f.unit, f.timepoint_months, f.arm)
        for f in parse_sentence(text, **kw)
    ]


def one(text, **kw):
    (f,) = parse_sentence(text, **kw)
    return f


def test_median_with_ci_and_arm_after():
    f = one(
        "Median progression-free survival was 7.4 months (95% CI, 5.5 to 9.2) with cabozantinib."
    )
    assert (f.endpoint, f.measure, f.value, f.unit) == ("PFS", "median", 7.4, "months")
    assert (f.ci.level, f.ci.lower, f.ci.upper) == (95, 5.5, 9.2)
    assert f.arm == "cabozantinib" and f.value_months == 7.4


def test_lancet_middle_dot_and_bare_interval_inherits_stated_level():
    got = parse_sentence(
        "Median overall survival was 13·6 months (95% CI 12·1-14·9) for drug A and 12·3 months (10·4-13·9) for drug B."
    )
    assert [(f.value, f.ci.lower, f.ci.upper, f.ci.level, f.arm) for f in got] == [
        (13.6, 12.1, 14.9, 95.0, "drug A"),
        (12.3, 10.4, 13.9, 95.0, "drug B"),
    ]


def test_in_the_group_and_days_are_converted_to_months():
    f = one("The median survival time was 420 days in the ablation group.")
    assert (f.endpoint, f.unit, f.arm) == ("OS", "days", "ablation group")
    assert f.value_months == pytest.approx(420 / 30.4375)


def test_respectively_list_with_groups_after_the_values():
    got = facts(
        "The objective response rates were 31% and 12% in the combination and control groups, respectively."
    )
    assert got == [
        ("ORR", "rate", 31.0, "percent", None, "combination"),
        ("ORR", "rate", 12.0, "percent", None, "control"),
    ]


def test_vs_pair_takes_the_records_comparison_order():
    got = facts("Median TTP was 8.1 vs 4.0 months (P = .002).", comparison=("drug A", "drug B"))
    assert got == [
        ("TTP", "median", 8.1, "months", None, "drug A"),
        ("TTP", "median", 4.0, "months", None, "drug B"),
    ]


def test_p_value_goes_to_the_first_value_of_the_comparison():
    got = parse_sentence("Median TTP was 8.1 vs 4.0 months (P = .002).", comparison=("A", "B"))
    assert (got[0].p.value, got[0].p.operator) == (0.002, "=") and got[1].p is None


def test_hazard_ratio_for_a_versus_b_with_inline_ci_and_p():
    f = one(
        "The hazard ratio for death for nivolumab versus docetaxel was 0.73 (96% CI, 0.59 to 0.89; P=0.002)."
    )
    assert (f.endpoint, f.measure, f.value, f.unit) == ("OS", "hazard_ratio", 0.73, "ratio")
    assert (f.arm, f.comparator) == ("nivolumab", "docetaxel")
    assert (f.ci.level, f.ci.lower, f.ci.upper) == (96, 0.59, 0.89)
    assert (f.p.value, f.p.operator) == (0.002, "=")


def test_hazard_ratio_with_semicolon_ci():
    f = one(
        "Progression-free survival was longer (hazard ratio, 0.52; 95% confidence interval, 0.41-0.66; p<0.001)."
    )
    assert (f.endpoint, f.value, f.ci.lower, f.ci.upper, f.p.operator) == (
        "PFS",
        0.52,
        0.41,
        0.66,
        "<",
    )


def test_ci_heading_applies_to_bare_intervals():
    f = one("The OS hazard ratio (95% CI) for arm A versus arm B was 0.81 (0.70-0.94).")
    assert (f.value, f.ci.level, f.ci.lower, f.ci.upper) == (0.81, 95, 0.70, 0.94)


def test_interquartile_range_and_spread_are_not_intervals():
    f = one("The median time to response was 2.8 months (interquartile range, 1.9 to 4.1).")
    assert (f.endpoint, f.value, f.ci) == ("TTR", 2.8, None)
    g = parse_sentence("Median overall survival was 11.20 ± 2.10 months.")
    assert [(x.value, x.ci) for x in g] == [(11.2, None)]


def test_time_point_rates():
    assert facts("The 2-year PFS rate was 41%.") == [("PFS", "rate", 41.0, "percent", 24.0, None)]
    assert facts("Overall survival at 18 months was 52%.") == [
        ("OS", "rate", 52.0, "percent", 18.0, None)
    ]


def test_list_of_time_points_resolved_in_order():
    got = facts("The 1-, 3- and 5-year overall survival rates were 88%, 61% and 40%, respectively.")
    assert [(g[2], g[4]) for g in got] == [(88.0, 12.0), (61.0, 36.0), (40.0, 60.0)]


def test_shared_unit_in_lists():
    got = facts(
        "Median overall survival was 14.2 and 9.8 months, respectively.", comparison=("A", "B")
    )
    assert [(g[2], g[3], g[5]) for g in got] == [(14.2, "months", "A"), (9.8, "months", "B")]
    got = facts("The disease control rate was 71.4 vs. 52.0%, respectively.", comparison=("A", "B"))
    assert [(g[0], g[2], g[3]) for g in got] == [("DCR", 71.4, "percent"), ("DCR", 52.0, "percent")]


@pytest.mark.parametrize(
    "text",
    [
        "Patients received 400 mg twice daily every 4 weeks.",
        "Eligible patients had a life expectancy of at least 3 months and LVEF ≥ 50%.",
        "A 67-year-old man was enrolled in 2019.",
        "Tumours were assessed every 8 weeks up to approximately 2 years.",
        "The trial was done at 120 sites in 14 countries.",
    ],
)
def test_not_results(text):
    assert parse_sentence(text) == []


def test_counts_given_alone():
    got = facts("Of 30 evaluable patients, 9 had clinical benefit, including 3 partial responses.")
    assert ("CBR", "count", 9.0, "patients", None, None) in got
    assert ("PR", "count", 3.0, "patients", None, None) in got


def test_adverse_event_list():
    got = facts(
        "The most common grade 3 adverse events were neutropenia (21%), fatigue (9%) and rash (4%)."
    )
    assert [(g[0], g[2]) for g in got] == [("AE", 21.0), ("AE", 9.0), ("AE", 4.0)]


def test_reversed_interval_is_reported_not_trusted():
    f = one("Median PFS was 5.1 months (95% CI, 6.8 to 3.9).")
    assert f.ci is None and any("reversed" in p.message for p in f.problems)


def test_group_codes_before_values():
    got = facts("Response rates by cohort were: G1, 30%; G2, 22%.")
    assert [(g[2], g[5]) for g in got] == [(30.0, "G1"), (22.0, "G2")]


@pytest.mark.parametrize(
    ("text", "n", "d"),
    [
        ("Stable disease: 60.7% (17 patients).", 17, None),
        ("No new serious adverse events occurred with A (17.5%; 68/388).", 68, 388),
        ("Overall, 57.3% (59/103) had no subsequent therapy.", 59, 103),
        ("Responses occurred in 12 of 40 patients (30%).", 12, 40),
        ("The ORR was 45% [9 of 20 evaluable patients].", 9, 20),
        ("Disease control: 9/20 (45%).", 9, 20),
    ],
)
def test_patients_stated_with_a_rate(text, n, d):
    (f,) = parse_sentence(text)
    assert (f.unit, f.n_patients, f.n_denominator) == ("percent", n, d)


@pytest.mark.parametrize(
    "text",
    [
        "The ORR was 25% (95% CI, 12 to 30) with A.",
        "Grade 3/4 events occurred in 24% of patients.",
        "The ORR was 25% (n = 28).",
    ],
)
def test_no_patients_where_none_are_stated_with_the_rate(text):
    assert all(f.n_patients is None and f.n_denominator is None for f in parse_sentence(text))


@given(
    st.integers(1, 5000).flatmap(lambda d: st.tuples(st.integers(0, d), st.just(d))),
    st.sampled_from(["({n}/{d})", "({n} of {d} patients)", "; {n}/{d}", "[{n}/{d}]"]),
)
def test_any_stated_fraction_is_read_back(fraction, form):
    n, d = fraction
    rate = round(100 * n / d, 1)
    (f,) = parse_sentence(f"Responses occurred in {rate}% {form.format(n=n, d=d)} of the group.")
    assert (f.value, f.n_patients, f.n_denominator) == (rate, n, d)


@pytest.mark.parametrize(
    ("sentence", "rule"),
    [
        ("The hazard ratio for death was 0.62 (95% CI 0.51-0.75; P = 1.2).", "impossible_p_value"),
        ("The HR was 0.62 (95% CI, 0.51 to 0.75), p value 3.5.", "impossible_p_value"),
        ("The objective response rate was 45% (95% CI 0.5-500%).", "impossible_interval"),
        (
            "Disease control was achieved in 60% (95% CI, 41 to 112) of patients.",
            "impossible_interval",
        ),
        ("Median PFS was 5.1 months (95% CI, 6.8 to 3.9).", "malformed_interval"),
    ],
)
def test_an_impossible_interval_or_p_is_reported_and_the_value_kept(sentence, rule):
    f = one(sentence)
    assert [p.rule for p in f.problems] == [rule]
    assert f.value in (0.62, 45.0, 60.0, 5.1)
    assert (f.ci is None) if rule != "impossible_p_value" else (f.p is None and f.ci is not None)


def test_thousands_separators_are_one_number():
    got = parse_sentence(
        "Median overall survival was 1,025 days with drug A and 812 days with placebo (P<.0001)."
    )
    assert [(f.value, f.unit, f.arm) for f in got] == [
        (1025.0, "days", "drug A"),
        (812.0, "days", "placebo"),
    ]
    assert [(f.p.value, f.p.operator) for f in got if f.p] == [(0.0001, "<")]
