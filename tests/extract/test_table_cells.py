"""What one table cell says, on cells composed for the tests (invented drugs and numbers)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from etl.extract.numbers import Interval
from etl.extract.table_cells import describe, read_cell, read_interval
from etl.extract.table_names import arm_label

DOSES = st.sampled_from(["", " 2 mg/kg", " 10 mg/kg", " 200 mg", " 75 mg/m2", " 1.5 mg/kg"])
SCHEDULES = st.sampled_from(
    ["", " Every 3 Weeks", " every 2 weeks", " Q3W", " once daily", " twice daily", " weekly"]
)
SIZES = st.sampled_from(["", " n = 180", " (n=64)", " (N = 1,020)"])


@given(st.sampled_from(["Zentumab", "Orvexib plus DRX", "Velmurane"]), DOSES, SCHEDULES, SIZES)
def test_a_group_header_has_no_unit_and_names_its_group(drug, dose, schedule, size):
    header = f"{drug}{dose}{schedule}{size}"
    meaning = describe(header)
    assert (meaning.measure, meaning.unit, meaning.timepoint_months) == (None, None, None)
    label, n = arm_label(header)
    assert label == drug
    assert n == (int(size.strip(" ()nN=").replace(",", "")) if size else None)
    # where two groups are of one drug, the dose tells them apart; never the schedule
    assert arm_label(header, keep_dose=True)[0] == f"{drug}{dose}"


@pytest.mark.parametrize(
    "cell",
    [
        "placebo (ORBIT-7) Lindqvist et al, NEJM8",
        "placebo (ORBIT-7) Lindqvist et al, Lancet10",
        "placebo Lindqvist et al, NEJM14 Okafor et al, JCO15",
        "placebo Lindqvist et al 53",
    ],
)
def test_the_publications_a_group_cell_cites_are_no_part_of_the_group(cell: str):
    assert arm_label(cell)[0] == "placebo"


def test_result_headers_keep_their_units_and_time_points():
    assert (describe("Median DOR, weeks").unit, describe("PFS rate at 24 weeks").unit) == (
        "weeks",
        "percent",
    )
    assert describe("PFS rate at 24 weeks").timepoint_months == 5.52


def test_a_comma_interval_is_read_only_under_a_heading_that_announces_one():
    (value,) = read_cell("2.9 (2.8, 3.8)", comma_interval=True)
    assert (value.value, value.interval) == (2.9, Interval(2.8, 3.8, None))
    (rate,) = read_cell("21% (15, 28)", comma_interval=True)
    assert (rate.value, rate.unit, rate.interval) == (21.0, "percent", Interval(15.0, 28.0, None))
    assert read_cell("2.9 (2.8, 3.8)")[0].interval is None
    assert read_cell("2.9 (3.0, 3.8)", comma_interval=True)[0].interval is None  # not around it


def test_a_footnote_mark_is_no_part_of_the_number():
    (value,) = read_cell("11b")
    assert (value.value, value.start, value.end) == (11.0, 0, 2)
    (ratio,) = read_cell("0.57* (0.45-0.73)")
    assert (ratio.value, ratio.interval) == (0.57, Interval(0.45, 0.73, None))


def test_an_interval_cell():
    assert read_interval("7.5–9.7") == Interval(7.5, 9.7, None)
    assert read_interval("(15, 28)") == Interval(15.0, 28.0, None)
    assert read_interval("10 to 12 months") == Interval(10.0, 12.0, None)
    assert read_interval("9.7–7.5") is None  # reversed
    assert read_interval("—") is None and read_interval("0.63") is None


@given(st.integers(0, 500), st.integers(1, 500), st.sampled_from(["–", "-", " to ", ", "]))
def test_any_ordered_interval_cell_reads_back(lo, width, sep):
    assert read_interval(f"{lo / 10}{sep}{(lo + width) / 10}") == Interval(
        lo / 10, (lo + width) / 10, None
    )


def test_a_cell_of_the_whole_population_then_its_subgroups_is_the_whole_population_s():
    (value,) = read_cell("All: 30% SCC: 28% AC: 40%")
    assert (value.value, value.unit, value.label) == (30.0, "percent", "All")
    listed = read_cell("Overall: 13.1% vs 6.7% PD-L1(+): 21.5% vs. 6.1% SCC: 16.7% vs. 7.4%")
    assert [(v.value, v.listed) for v in listed] == [(13.1, (0, 2)), (6.7, (1, 2))]
    (months,) = read_cell("All: 2.0M SCC: 2.1M AC: 1.9M")
    assert (months.value, months.unit) == (2.0, "months")


def test_a_count_and_its_rate_then_the_rate_s_interval_is_the_rate_with_its_interval():
    """ "105 (37), (31, 43)" under "n (%), (95% CI)": the rate 37 of 105 patients, 31 to 43."""
    (value,) = read_cell("105 (37), (31, 43)", counts_are_rates=True, comma_interval=True)
    assert (value.value, value.n_patients, value.unit) == (37.0, 105, "percent")
    assert (value.interval.lower, value.interval.upper) == (31.0, 43.0)
    # (an interval that does not hold the rate is none of it)
    (value,) = read_cell("105 (37), (41, 53)", counts_are_rates=True, comma_interval=True)
    assert value.value == 37.0 and value.interval is None


def test_durations_of_complete_response_abbreviated_are_durations_of_response():
    assert describe("Median DoCR (months), (95% CI)").endpoint[0] == "DOR"
    assert describe("Median DOCR+CRh (months), (95% CI)").endpoint[0] == "DOR"


def test_two_shares_joined_by_a_slash_are_a_pair_and_a_count_over_its_denominator_is_not():
    assert [v.value for v in read_cell("92%/60%")] == [92.0, 60.0]
    assert [v.listed for v in read_cell("94% / 36%")] == [(0, 2), (1, 2)]
    assert all(v.listed is None for v in read_cell("12/48 (25%)"))
