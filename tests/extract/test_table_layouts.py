"""Two layouts of journal and review tables, on tables composed for the tests (invented drugs,
trials and numbers): groups as columns with results as rows, and studies as section rows."""

from __future__ import annotations

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.documents.stage import stage_documents
from etl.documents.table_grid import is_trial_name
from etl.documents.tables import find_tables, heading
from etl.extract import sentences_frame, table_frames, trial_mentions_frame
from etl.extract.table_outcomes import RowReading
from tests.conftest import files_frame
from tests.extract.test_table_outcomes import brief, ci, p, read

# ---- groups as columns, results as rows ----------------------------------------------------------

GROUP_COLUMNS = (
    "Table 4.\n"
    "Outcome | Velmurane 3 mg/kg Every 2 Weeks n = 120 | Velmurane 8 mg/kg Every 2 Weeks n = 118 "
    "| Docetaxel n = 121 |\n"
    "---|---|---|---|\n"
    "Overall Survival | |||\n"
    "Deaths, n (%) | 61 (51%) | 58 (49%) | 80 (66%) |\n"
    "Median in months (95% CI) | 11.4 (9.8, 13.0) | 12.1 (10.2, 14.4) | 8.3 (7.1, 9.6) |\n"
    "Hazard ratio (95% CI) | 0.71 (0.55, 0.92) | 0.66 (0.51, 0.86) | – |\n"
    "p-Value (stratified log-rank) | 0.004 | <0.001 | – |\n"
    "Disease Control Rate | |||\n"
    "DCR, n% (95% CI) | 48% (39, 57) | 52% (43, 61) | 30% (22, 39) |\n"
    "Stable disease % | 30% | 31% | 24% |\n"
)
LOW, HIGH, CONTROL = "Velmurane 3 mg/kg", "Velmurane 8 mg/kg", "Docetaxel"


def facts_of(readings: list[RowReading]) -> list:
    return [f for r in readings for f in r.facts]


def test_group_columns_give_each_number_its_group_and_no_schedule_is_a_unit():
    readings = read(GROUP_COLUMNS)
    # the doses tell the two groups of one drug apart; the schedule and size are left out
    assert readings[0].arms == ((LOW, 120), (HIGH, 118), (CONTROL, 121))
    facts = facts_of(readings)
    assert all(f.unit != "weeks" for f in facts)
    medians = [f for f in facts if f.measure == "median"]
    assert [brief(f) for f in medians] == [
        ("OS", "median", 11.4, "months", None, LOW, None),
        ("OS", "median", 12.1, "months", None, HIGH, None),
        ("OS", "median", 8.3, "months", None, CONTROL, None),
    ]
    assert [ci(f) for f in medians] == [(9.8, 13.0, 95), (10.2, 14.4, 95), (7.1, 9.6, 95)]


def test_a_ratio_is_against_the_group_left_without_one_and_takes_its_p_value_row():
    ratios = [f for f in facts_of(read(GROUP_COLUMNS)) if f.measure == "hazard_ratio"]
    assert [brief(f) for f in ratios] == [
        ("OS", "hazard_ratio", 0.71, "ratio", None, LOW, CONTROL),
        ("OS", "hazard_ratio", 0.66, "ratio", None, HIGH, CONTROL),
    ]
    assert [ci(f) for f in ratios] == [(0.55, 0.92, 95), (0.51, 0.86, 95)]
    assert [p(f) for f in ratios] == [("=", 0.004), ("<", 0.001)]
    medians = [f for f in facts_of(read(GROUP_COLUMNS)) if f.measure == "median"]
    assert all(f.p is None for f in medians)  # (the ratio is the comparative number)


def test_section_rows_name_the_endpoint_and_row_labels_the_measure():
    facts = facts_of(read(GROUP_COLUMNS))
    rates = [brief(f) for f in facts if f.endpoint in ("DCR", "SD")]
    assert rates == [
        ("DCR", "rate", 48.0, "percent", None, LOW, None),
        ("DCR", "rate", 52.0, "percent", None, HIGH, None),
        ("DCR", "rate", 30.0, "percent", None, CONTROL, None),
        ("SD", "rate", 30.0, "percent", None, LOW, None),
        ("SD", "rate", 31.0, "percent", None, HIGH, None),
        ("SD", "rate", 24.0, "percent", None, CONTROL, None),
    ]
    assert [ci(f) for f in facts if f.endpoint == "DCR"] == [
        (39.0, 57.0, 95),
        (43.0, 61.0, 95),
        (22.0, 39.0, 95),
    ]


def test_counts_of_deaths_are_no_survival_rate():
    deaths = [f for f in facts_of(read(GROUP_COLUMNS)) if f.n_patients is not None]
    assert [(f.endpoint, f.value, f.n_patients, f.arm) for f in deaths] == [
        ("OTHER", 51.0, 61, LOW),
        ("OTHER", 49.0, 58, HIGH),
        ("OTHER", 66.0, 80, CONTROL),
    ]


SCHEDULES = st.sampled_from(["Every 3 Weeks", "q3w", "once daily", "every 4 weeks", ""])
DRUGS = st.sampled_from(["Zentumab", "Orvexib", "Velmurane", "Talimab"])
VALUE = st.builds(lambda a, b: f"{a}.{b}", st.integers(1, 40), st.integers(0, 9))


@st.composite
def group_tables(draw) -> tuple[str, list[str], int, list[str], list[str]]:
    """A table of 2-4 groups as columns (one a reference, its ratio cell "–" or "Ref"), with a
    median row and a ratio row: (text, group labels, reference column, medians, ratios)."""
    k = draw(st.integers(2, 4))
    drugs = draw(st.lists(DRUGS, min_size=k, max_size=k, unique=True))
    headers, labels = [], []
    for i, drug in enumerate(drugs):
        dose = f" {i + 1}0 mg" if draw(st.booleans()) else ""
        headers.append(f"{drug}{dose} {draw(SCHEDULES)} n = {100 + i}".replace("  ", " "))
        labels.append(drug)
    reference = draw(st.integers(0, k - 1))
    medians = [draw(VALUE) for _ in range(k)]
    ratios = [f"0.{draw(st.integers(10, 99))}" for _ in range(k)]
    ratio_cells = [
        draw(st.sampled_from(["–", "Ref", ""])) if i == reference else r
        for i, r in enumerate(ratios)
    ]
    lines = ["Efficacy | " + " | ".join(headers) + " |", "---|" * (k + 1)]
    lines.append("Progression-free survival | " + "|" * k)
    lines.append("Median, months | " + " | ".join(medians) + " |")
    lines.append("Hazard ratio | " + " | ".join(ratio_cells) + " |")
    return "\n".join(lines) + "\n", labels, reference, medians, ratios


@settings(max_examples=60, deadline=None)
@given(group_tables())
def test_composed_group_column_tables_read_back(composed):
    text, labels, reference, medians, ratios = composed
    facts = facts_of(read(text))
    got_medians = [(f.value, f.unit, f.arm) for f in facts if f.measure == "median"]
    assert got_medians == [(float(v), "months", a) for v, a in zip(medians, labels, strict=True)]
    got_ratios = [(f.endpoint, f.value, f.arm, f.comparator) for f in facts if f.unit == "ratio"]
    assert got_ratios == [
        ("PFS", float(r), a, labels[reference])
        for i, (r, a) in enumerate(zip(ratios, labels, strict=True))
        if i != reference
    ]


# ---- studies as section rows -------------------------------------------------------------------

SECTIONS = (
    "Table 2. Overall survival.\n"
    "Analysis | Intervention | N | Median OS (months) | 95% CI for median OS (months) | HR "
    "| 95% CI for HR | P-value |\n"
    "---|---|---|---|---|---|---|---|\n"
    "BRAVO-3 study (Author et al, 2015; Other et al, 2016) | |||||||\n"
    "Final | Zentumab plus DRX | 410 | 21.3 | 19.0–23.5 | 0.78 | 0.66–0.92 | 0.003 |\n"
    "Placebo plus DRX | 405 | 17.9 | — | ||||\n"
    "Orvexib vs DRX phase III trial (Author et al, 2014) | |||||||\n"
    "Primary | Orvexib | 300 | 14.2a | 12–16 | 0.81 | 0.69–0.95 | 0.01 |\n"
    "DRX | 298 | 11.0a | 12–14 | ||||\n"
    "Abbreviations: CI=confidence interval; DRX=doxorubixin; HR=hazard ratio.\n"
)


def test_a_row_holding_one_cell_is_a_heading():
    (table,) = find_tables(SECTIONS)
    headings = [heading(table, r) for r in range(len(table.rows))]
    assert [h.text[:7] if h else None for h in headings] == [
        "BRAVO-3",
        None,
        None,
        "Orvexib",
        None,
        None,
    ]


def test_rows_below_a_study_heading_are_that_study_s():
    readings = read(SECTIONS)
    assert [(r.trial, r.phase) for r in readings] == [
        ("BRAVO-3", None),
        ("BRAVO-3", None),
        ("BRAVO-3", None),
        (None, "3"),  # a study without a name: its treatments are no name ("DRX phase III trial")
        (None, None),
        (None, None),
    ]
    assert [r.arms for r in readings] == [
        (),
        (("Zentumab plus DRX", 410),),
        (("Placebo plus DRX", 405),),
        (),
        (("Orvexib", 300),),
        (("DRX", 298),),
    ]


def test_a_ratio_compares_its_row_s_group_with_the_other_group_of_its_section():
    readings = read(SECTIONS)
    assert [brief(f) for f in readings[1].facts] == [
        ("OS", "median", 21.3, "months", None, "Zentumab plus DRX", None),
        ("OS", "hazard_ratio", 0.78, "ratio", None, "Zentumab plus DRX", "Placebo plus DRX"),
    ]
    assert [ci(f) for f in readings[1].facts] == [(19.0, 23.5, 95), (0.66, 0.92, 95)]
    assert [p(f) for f in readings[1].facts] == [None, ("=", 0.003)]
    assert [brief(f) for f in readings[2].facts] == [
        ("OS", "median", 17.9, "months", None, "Placebo plus DRX", None)
    ]
    assert readings[2].facts[0].ci is None  # "—": no interval
    assert brief(readings[4].facts[1]) == (
        "OS",
        "hazard_ratio",
        0.81,
        "ratio",
        None,
        "Orvexib",
        "DRX",
    )


def test_interval_columns_bound_only_the_numbers_they_hold():
    readings = read(SECTIONS)
    # "14.2a": a footnote mark is no part of the number
    assert (readings[4].facts[0].value, ci(readings[4].facts[0])) == (14.2, (12.0, 16.0, 95))
    control = readings[5].facts[0]
    assert (control.value, control.ci) == (11.0, None)  # "12–14" does not hold 11.0
    assert [pr.rule for pr in control.problems] == ["malformed_interval"]


def test_a_study_section_is_one_record_naming_its_study_and_no_treatment():
    staged = stage_documents(files_frame({"sections.txt": SECTIONS}))
    sentences = sentences_frame(staged.record_lines, staged.publications, staged.table_rows)
    tabled = table_frames(sentences, staged.documents, staged.tables)
    mentions = trial_mentions_frame(sentences, staged.publications, tabled.names, tabled.treatments)
    assert set(mentions.get_column("acronym").drop_nulls()) == {"BRAVO-3"}
    rows = sentences.filter(pl.col("role") == "table_row").join(
        staged.publications.select("publication_id", "record_index"), on="publication_id"
    )
    records = rows.sort("char_start").get_column("record_index").to_list()
    # each study's heading and rows are one record (the rows report that study)
    assert records[0] == records[1] == records[2] != records[3] == records[4] == records[5]
    primary = mentions.filter(pl.col("is_primary")).get_column("acronym").to_list()
    assert primary == ["BRAVO-3"]


HEADINGS = st.sampled_from(
    ["{name} study (Author et al, 2019)", "{name} (Author et al, 2020)", "The {name} trial"]
)
NAMES = st.sampled_from(["ORION-7", "KESTREL-2", "TALON 301", "BRAVO-12"])


@st.composite
def section_tables(draw) -> tuple[str, list[tuple[str, str, str, str, str]]]:
    """Studies as section rows, each of two groups (the second a placebo, the ratio on the
    first): (text, [(study, group, control, median, ratio)])."""
    names = draw(st.lists(NAMES, min_size=1, max_size=3, unique=True))
    # the first column: the analysis a row reports, or the study (left empty below its heading)
    # (a row that leaves the first cell out ends with an empty one, as such tables are written)
    first, label, pad = draw(st.sampled_from([("Analysis", "Final | ", ""), ("Study", "", " |")]))
    lines = [
        f"{first} | Arm | N | Median PFS, months | 95% CI | HR | 95% CI for HR | P |",
        "---|---|---|---|---|---|---|---|",
    ]
    expected = []
    for name in names:
        drug = draw(st.sampled_from(["Zentumab", "Orvexib", "Velmurane"]))
        median, control = draw(st.integers(50, 99)) / 10, draw(st.integers(10, 49)) / 10
        ratio = draw(st.integers(30, 95)) / 100
        lines.append(draw(HEADINGS).format(name=name) + " | " + "|" * 7)
        lines.append(
            f"{label}{drug} | 200 | {median} | {median - 1:.1f}–{median + 1:.1f} | {ratio} "
            f"| {ratio - 0.1:.2f}–{ratio + 0.05:.2f} | 0.01 |{pad}"
        )
        lines.append(f"Placebo | 190 | {control} | — | ||||")
        expected.append((name, drug, str(median), str(control), str(ratio)))
    return "\n".join(lines) + "\n", expected


@settings(max_examples=40, deadline=None)
@given(section_tables())
def test_composed_section_tables_read_back(composed):
    text, expected = composed
    readings = read(text)
    assert len(readings) == 3 * len(expected)
    for k, (name, drug, median, control, ratio) in enumerate(expected):
        head, first, second = readings[3 * k : 3 * k + 3]
        assert head.trial == first.trial == second.trial == name
        assert [brief(f) for f in first.facts] == [
            ("PFS", "median", float(median), "months", None, drug, None),
            ("PFS", "hazard_ratio", float(ratio), "ratio", None, drug, "Placebo"),
        ]
        assert [ci(f) is not None for f in first.facts] == [True, True]
        assert p(first.facts[1]) == ("=", 0.01)
        assert [brief(f) for f in second.facts] == [
            ("PFS", "median", float(control), "months", None, "Placebo", None)
        ]


# ---- a header that wraps over several lines; rates at time points under a section heading -------

WRAPPED_HEADER = (
    "Table 2. Survival in the Intention-to-Treat Population.\n"
    "Variable | Orvalimab plus Docetaxel (N = 400) |\n"
    "Docetaxel Alone (N = 400) |\n"
    "Hazard Ratio (95% CI) |\n"
    "P Value |\n"
    "---|---|---|---|---|\n"
    "Median overall survival — mo (95% CI) | 9.1 (8.0–10.2) | 7.0 (6.1–7.9) | 0.75 (0.64–0.88) "
    "| <0.001 |\n"
    "Survival rate — % (95% CI) | ||||\n"
    "6 mo | 70 (65–74) | 58 (53–63) | | <0.001 |\n"
    "12 mo | 38 (33–42) | 25 (21–30) | | <0.001 |\n"
)
ORV, DOC = "Orvalimab plus Docetaxel", "Docetaxel Alone"


def test_a_header_wrapped_over_lines_is_one_row_over_its_columns():
    (table,) = find_tables(WRAPPED_HEADER)
    assert [[c.text if c else None for c in row] for row in table.header] == [
        [
            "Variable",
            "Orvalimab plus Docetaxel (N = 400)",
            "Docetaxel Alone (N = 400)",
            "Hazard Ratio (95% CI)",
            "P Value",
        ]
    ]
    facts = facts_of(read(WRAPPED_HEADER))
    assert [brief(f) for f in facts[:3]] == [
        ("OS", "median", 9.1, "months", None, ORV, None),
        ("OS", "median", 7.0, "months", None, DOC, None),
        ("OS", "hazard_ratio", 0.75, "ratio", None, ORV, DOC),
    ]


def test_time_point_rows_under_a_rate_heading_are_rates_at_that_time():
    facts = facts_of(read(WRAPPED_HEADER))
    assert [brief(f) for f in facts[3:]] == [
        ("OS", "rate", 70.0, "percent", 6.0, ORV, None),
        ("OS", "rate", 58.0, "percent", 6.0, DOC, None),
        ("OS", "rate", 38.0, "percent", 12.0, ORV, None),
        ("OS", "rate", 25.0, "percent", 12.0, DOC, None),
    ]
    assert [ci(f) for f in facts[3:5]] == [(65.0, 74.0, 95), (53.0, 63.0, 95)]


def test_counts_written_no_with_their_rates_in_brackets_give_the_rates():
    table = (
        "Table 3. End points.\n"
        "End Point | Orvalimab (N = 400) | Placebo (N = 200) |\n"
        "---|---|---|\n"
        "Confirmed PSA response — no. (%) | 300 (75) | 20 (10) |\n"
    )
    facts = facts_of(read(table))
    assert [(f.measure, f.value, f.unit, f.n_patients) for f in facts] == [
        ("rate", 75.0, "percent", 300),
        ("rate", 10.0, "percent", 20),
    ]


# a header wrapped as scraped from a journal page: one group per line, the row labels' column
# (its header empty) a lone bar; response categories as rows, ratios under their rows
CATEGORY_ROWS = (
    "Table 2.\n"
    "Best response\n"
    "Orvalimab plus docetaxel (n=210) |\n"
    "Placebo plus docetaxel n=205) |\n"
    "|\n"
    "---|---|---|\n"
    "Complete response | 4 (2%) | 2 (1%) |\n"
    "Partial response | 80 (38%) | 61 (30%) |\n"
    "Non-complete response or non-progressive disease | 3 (1%) | 2 (1%) |\n"
    "Not evaluable | 9 (4%) | 12 (6%) |\n"
    "Objective response (95% CI) | 40·0% (33·3–47·0) | 30·7% (24·5–37·6) |\n"
    "Stratified odds ratio (95% CI) | 1·52 (1·01–2·28) | ·· |\n"
)


def test_a_wrapped_header_with_an_empty_row_label_cell_heads_the_group_columns():
    (table,) = find_tables(CATEGORY_ROWS)
    assert [[c.text if c else None for c in row] for row in table.header] == [
        ["Orvalimab plus docetaxel (n=210)", "Placebo plus docetaxel n=205)"]
    ]
    facts = facts_of(read(CATEGORY_ROWS))
    assert [(f.endpoint, f.value, f.arm) for f in facts[:2]] == [
        ("CR", 2.0, "Orvalimab plus docetaxel"),
        ("CR", 1.0, "Placebo plus docetaxel"),
    ]


def test_rows_naming_no_result_under_category_rows_are_not_results():
    facts = facts_of(read(CATEGORY_ROWS))
    # "Non-complete response ..." is no complete response; "Not evaluable" is no partial response
    assert [
        (f.endpoint, f.value) for f in facts if f.measure == "rate" and f.endpoint != "OTHER"
    ] == [
        ("CR", 2.0),
        ("CR", 1.0),
        ("PR", 38.0),
        ("PR", 30.0),
        ("ORR", 40.0),
        ("ORR", 30.7),
    ]


def test_an_odds_ratio_row_takes_the_response_named_in_the_row_above():
    facts = facts_of(read(CATEGORY_ROWS))
    (ratio,) = [f for f in facts if f.measure == "odds_ratio"]
    assert (ratio.endpoint, ratio.value, ratio.arm, ratio.comparator) == (
        "ORR",
        1.52,
        "Orvalimab plus docetaxel",
        "Placebo plus docetaxel",
    )
    assert ci(ratio) == (1.01, 2.28, 95)


# a review's table of trials as scraped: a row's cells wrap over lines (the drug's name with its
# reference numbers, then its study's name), and each group's value is a "versus" list
WRAPPED_ROWS = (
    "Table 1.\n"
    "Study drug | Control arm | Patients | Median PFS (months) | HR PFS (95% CI) | ORR (%) |\n"
    "---|---|---|---|---|---|\n"
    "Velmurane12,13\n"
    "ORION-4 study |\n"
    "Placebo | 600 |\n"
    "6.1 versus 3.0 | 0.52 (0.41–0.66) | 14 versus 3 |\n"
    "Tarpalimab7\n"
    "phase II study |\n"
    "Docetaxel | 150 | 8.8 versus NR | 0.70 (0.50–0.98) | 22 versus 12 |\n"
    "Abbreviations are defined in the text.\n"
)


def test_rows_wrapped_over_lines_are_read_with_their_groups_in_versus_order():
    (table,) = find_tables(WRAPPED_ROWS)
    assert len(table.rows) == 2
    facts = facts_of(read(WRAPPED_ROWS))
    assert [brief(f) for f in facts if f.measure != "hazard_ratio"] == [
        ("PFS", "median", 6.1, "months", None, "Velmurane", None),
        ("PFS", "median", 3.0, "months", None, "Placebo", None),
        ("ORR", "rate", 14.0, "percent", None, "Velmurane", None),
        ("ORR", "rate", 3.0, "percent", None, "Placebo", None),
        ("PFS", "median", 8.8, "months", None, "Tarpalimab", None),
        ("ORR", "rate", 22.0, "percent", None, "Tarpalimab", None),
        ("ORR", "rate", 12.0, "percent", None, "Docetaxel", None),
    ]
    ratios = [f for f in facts if f.measure == "hazard_ratio"]
    assert [(f.value, f.arm, f.comparator) for f in ratios] == [
        (0.52, "Velmurane", "Placebo"),
        (0.70, "Tarpalimab", "Docetaxel"),
    ]


def test_a_versus_list_names_a_group_in_brackets_after_its_value():
    table = (
        "Table 2.\n"
        "Study drug | Control arm | ORR (%) |\n"
        "---|---|---|\n"
        "Velmurane + Docetaxel | Velmurane Docetaxel | 35 versus 20 (velmurane) versus 9 (docetaxel) |\n"
    )
    facts = facts_of(read(table))
    assert [(f.value, f.arm) for f in facts] == [
        (35.0, None),
        (20.0, "velmurane"),
        (9.0, "docetaxel"),
    ]


# spanning headers over each group's column, the groups (with their sizes) in a sub-header that
# repeats them under each; a column offering two ratios; footnote marks on the numbers
SPANNED_GROUPS = (
    "Table 3.\n"
    "Endpoint | Median months (95% CI) | HR or RR (95% CI) |\n"
    "p Value | Events, n | ||\n"
    "---|---|---|---|---|---|---|\n"
    "Velmurane + docetaxel (n=300) |\n"
    "Docetaxel (n=296) |\n"
    "Velmurane + docetaxel (n=300) |\n"
    "Docetaxel (n=296) |\n"
    "|||\n"
    "Overall survival | 20·1 (18·0–22·5) | 16·4 (14·2–18·9) | 0·80 (0·66–0·97)* | 0·02† | 180 | 201 |\n"
    "Objective response, n (%) | 120 (40%) | 89 (30% | 1·33 (1·07–1·66)‡ | 0·01§ | – | – |\n"
)
VEL, DOCETAXEL = "Velmurane + docetaxel", "Docetaxel"


def test_groups_repeated_under_spanning_headers_head_their_columns():
    (table,) = find_tables(SPANNED_GROUPS)
    assert [c.text if c else None for c in table.header[0][:3]] == [
        "Endpoint",
        "Median months (95% CI)",
        "Median months (95% CI)",
    ]
    facts = facts_of(read(SPANNED_GROUPS))
    medians = [f for f in facts if f.measure == "median"]
    assert [(f.value, f.arm) for f in medians] == [(20.1, VEL), (16.4, DOCETAXEL)]
    (hr,) = [f for f in facts if f.measure == "hazard_ratio"]
    assert (hr.endpoint, hr.arm, hr.comparator, p(hr)) == ("OS", VEL, DOCETAXEL, ("=", 0.02))


def test_a_column_offering_two_ratios_gives_rows_of_rates_the_rates_ratio():
    facts = facts_of(read(SPANNED_GROUPS))
    (rr,) = [f for f in facts if f.measure == "risk_ratio"]
    assert (rr.endpoint, rr.value, rr.arm, rr.comparator) == ("ORR", 1.33, VEL, DOCETAXEL)
    # (a rate whose closing bracket was lost is still the rate of its count)
    rates = [(f.value, f.n_patients, f.arm) for f in facts if f.measure == "rate"]
    assert rates == [(40.0, 120, VEL), (30.0, 89, DOCETAXEL)]


def test_rows_without_closing_bars_stay_one_row_per_line():
    table = (
        "Table 5.\n"
        "Arm | Median OS (months) | ORR (%)\n"
        "---|---|---\n"
        "Velmurane | 12.1 | 40\n"
        "Docetaxel | 9.3 | 25\n"
    )
    facts = facts_of(read(table))
    assert [(f.endpoint, f.value, f.arm) for f in facts] == [
        ("OS", 12.1, "Velmurane"),
        ("ORR", 40.0, "Velmurane"),
        ("OS", 9.3, "Docetaxel"),
        ("ORR", 25.0, "Docetaxel"),
    ]


# ---- months written "M" in cells, as the table's key says ("M, months") ---------------------------

MONTHS_AS_M = (
    "Table 2. Trials of checkpoint inhibitors in an invented cancer.\n"
    "Agent (Trial) | Phase | Regimen | Response Rate | Median PFS | Median OS |\n"
    "---|---|---|---|---|---|\n"
    "Zentumab (ORCA-2) | 2 | Zentumab | 17% | 1.6M | 10.8M |\n"
    "Talimab (ORCA-3) | 3 | Talimab vs. docetaxel | 19% vs. 22% | 1.7M vs. 3.4M | 10.9 m vs. 8.4 m |\n"
    "M, months; OS, overall survival; PFS, progression-free survival.\n"
)


def test_a_number_with_m_in_a_table_cell_is_in_months():
    medians = [brief(f) for f in facts_of(read(MONTHS_AS_M)) if f.measure == "median"]
    assert medians == [
        ("PFS", "median", 1.6, "months", None, "Zentumab", None),
        ("OS", "median", 10.8, "months", None, "Zentumab", None),
        ("PFS", "median", 1.7, "months", None, "Talimab", None),
        ("PFS", "median", 3.4, "months", None, "docetaxel", None),
        ("OS", "median", 10.9, "months", None, "Talimab", None),
        ("OS", "median", 8.4, "months", None, "docetaxel", None),
    ]


ENROLLED = (
    "Table 1. Trials of an invented agent class.\n"
    "Agent (Trial) | Phase | Enrolled patients | Regimen | Median OS |\n"
    "---|---|---|---|---|\n"
    "Talimab (ORCA-2) | 2 | 65 | Talimab | 10.8 months |\n"
    "Zentumab (ORCA-3) | 3 | 419 | Zentumab vs. docetaxel | 10.9 vs. 8.4 months |\n"
)


def test_a_patients_column_is_the_enrolment_of_a_row_that_compares_groups():
    staged = stage_documents(files_frame({"enrolled.txt": ENROLLED}))
    sentences = sentences_frame(staged.record_lines, staged.publications, staged.table_rows)
    tabled = table_frames(sentences, staged.documents, staged.tables)
    enrolled = tabled.facts.filter(pl.col("fact") == "n_enrolled").get_column("value").to_list()
    # (the two-group row's count is its trial's; the one-group row's is that group's size)
    assert enrolled == ["419"]
    sizes = tabled.arms.select("label", "n_patients").rows()
    assert sizes == [("Talimab", 65)]


# ---- a trial's groups on rows of their own, its trial and ratio cells spanning them -------------

TRIAL_GROUP_ROWS = (
    "TABLE 2.\n"
    "Trial | Region | Treatment arms | Median OS (mo) | HR | P value | 5\u2010y OS (%) |\n"
    "---|---|---|---|---|---|---|\n"
    "ORION\u20117 | Europe | Velmurane + folinic acid | 21.5 | 0.71 | .004 | 24.2 |\n"
    "Observation | 15.1 | 9.5 | ||||\n"
    "KESTREL 12 | Asia | Zorvatinib | 30.2 | 0.85 | .12 | 31.0 a |\n"
    "Velmurane | 27.9 | 25.3 | ||||\n"
)


def test_a_trial_s_second_group_row_reads_its_numbers_past_the_ratio_the_first_row_holds():
    readings = read(TRIAL_GROUP_ROWS)
    rows = [[brief(f) for f in r.facts] for r in readings]
    assert rows[0] == [
        ("OS", "median", 21.5, "months", None, "Velmurane + folinic acid", None),
        ("OS", "hazard_ratio", 0.71, "ratio", None, "Velmurane + folinic acid", "Observation"),
        ("OS", "rate", 24.2, "percent", 60.0, "Velmurane + folinic acid", None),
    ]
    # (9.5 is the 5-year rate, under its column: not a second ratio)
    assert rows[1] == [
        ("OS", "median", 15.1, "months", None, "Observation", None),
        ("OS", "rate", 9.5, "percent", 60.0, "Observation", None),
    ]
    assert rows[2][1][5:] == ("Zorvatinib", "Velmurane")
    assert rows[2][2][:3] == ("OS", "rate", 31.0)  # (the footnote letter set apart)
    # (the non-breaking hyphen read as a hyphen: "ORION-7" as analysts search it, one trial
    # with the "ORION-7" other documents write)
    assert [r.trial for r in readings] == ["ORION-7", "ORION-7", "KESTREL 12", "KESTREL 12"]


def test_a_trial_s_group_rows_are_one_record_of_that_trial():
    staged = stage_documents(files_frame({"groups.txt": TRIAL_GROUP_ROWS}))
    sentences = sentences_frame(staged.record_lines, staged.publications, staged.table_rows)
    rows = sentences.filter(pl.col("role") == "table_row").join(
        staged.publications.select("publication_id", "record_index"), on="publication_id"
    )
    records = rows.sort("char_start").get_column("record_index").to_list()
    assert records[0] == records[1] != records[2] == records[3]


# ---- a benefit-scale table: "A ± B" treatments, control, gain and ratio columns per endpoint --------

BENEFIT_TABLE = (
    "Table 5.\n"
    "Medication | Trial name | PFS control | PFS gain | PFS HR | OS control | OS gain | OS HR |\n"
    "---|---|---|---|---|---|---|---|\n"
    "Velmurane-d \u00b1 zorvatinib | ORION-7 | 5.1 months | 4.2 months | 0.61 (0.50\u20130.75) "
    "| 21.0 months | 3.5 months | 0.82 (0.70\u20130.96) |\n"
)


def test_a_with_or_without_treatment_gives_the_control_and_gain_columns_their_groups():
    (reading,) = read(BENEFIT_TABLE)
    both, alone = "Velmurane-d + zorvatinib", "Velmurane-d"
    assert reading.trial == "ORION-7"
    assert [brief(f) for f in reading.facts] == [
        ("PFS", "median", 5.1, "months", None, alone, None),
        ("PFS", "difference", 4.2, "months", None, both, alone),
        ("PFS", "hazard_ratio", 0.61, "ratio", None, both, alone),
        ("OS", "median", 21.0, "months", None, alone, None),
        ("OS", "difference", 3.5, "months", None, both, alone),
        ("OS", "hazard_ratio", 0.82, "ratio", None, both, alone),
    ]


# ---- a label's table flattened one cell per line, rows of unequal width --------------------------

LABEL_CELLS = (
    "Table 9: Overall Survival by Marker Status\n"
    "|\n"
    "VC\n"
    "(N=210)* |\n"
    "VC + Z\n"
    "(N=214)\u2020 |\n"
    "|\n"
    "Marker-low subgroup (N=120) |\n"
    "Median OS (mos.) |\n"
    "9.1 |\n"
    "8.4 |\n"
    "95% CI (mos.) |\n"
    "(7.0, 11.2) |\n"
    "(6.9, 10.1) |\n"
    "Hazard ratio (95% CI) |\n"
    "1.21 (0.85, 1.72) |\n"
    "Marker-high subgroup (N=304) |\n"
    "Median OS (mos.) |\n"
    "12.9 |\n"
    "17.5 |\n"
    "95% CI (mos.) |\n"
    "(11.0, 14.8) |\n"
    "(15.2, 20.3) |\n"
    "Hazard ratio (95% CI) |\n"
    "0.70 (0.53, 0.91) |\n"
)


def test_a_flattened_label_table_is_read_by_its_row_labels_with_its_interval_rows():
    readings = read(LABEL_CELLS)
    facts = facts_of(readings)
    medians = [f for f in facts if f.measure == "median"]
    # (group names without their sizes and footnote signs; "mos." is months, no endpoint)
    assert [(f.endpoint, f.value, f.arm) for f in medians] == [
        ("OS", 9.1, "VC"),
        ("OS", 8.4, "VC + Z"),
        ("OS", 12.9, "VC"),
        ("OS", 17.5, "VC + Z"),
    ]
    # the row of intervals under the medians bounds them
    assert [ci(f) for f in medians] == [
        (7.0, 11.2, 95.0),
        (6.9, 10.1, 95.0),
        (11.0, 14.8, 95.0),
        (15.2, 20.3, 95.0),
    ]
    ratios = [f for f in facts if f.measure == "hazard_ratio"]
    assert [(f.value, ci(f)) for f in ratios] == [
        (1.21, (0.85, 1.72, 95.0)),
        (0.7, (0.53, 0.91, 95.0)),
    ]


# ---- one study's results, each row's label and values joined with spaces, a line a row ---------

SPACED_LABEL_ROWS = (
    "Table 2.\n"
    "\n"
    "Efficacy and safety results, study ORION-7\n"
    "\n"
    "Efficacy endpoint Velmurane plus zorvatinib\n"
    "(n=210)\n"
    "Docetaxel\n"
    "(n=205)\n"
    "Overall survival\n"
    " Deaths, n (%) 80 (38) 101 (49)\n"
    " Median overall survival (months) (95% CI) 14.2 (12.0 to 16.1) 10.3 (8.8 to 11.9)\n"
    "  Stratified HR (95% CI) 0.68 (0.54 to 0.85)\n"
    "  Stratified log-rank test, p value 0.0008\n"
    "Safety (%)\n"
    "Grade 3-5 AEs 61.2 55.0\n"
    "Fatigue leading to discontinuation 4.3 1.0\n"
    "\n"
    "AE, adverse event; HR, hazard ratio.\n"
)


def test_a_study_s_table_of_rows_joined_with_spaces_gives_each_column_s_group_its_values():
    """A journal's results table copied as text: the groups (with their sizes) head the columns,
    each row's label and values stand on one line joined with spaces."""
    readings = read(SPACED_LABEL_ROWS)
    facts = facts_of(readings)
    both, control = "Velmurane plus zorvatinib", "Docetaxel"
    medians = [f for f in facts if f.measure == "median"]
    assert [(f.endpoint, f.value, f.arm, ci(f)) for f in medians] == [
        ("OS", 14.2, both, (12.0, 16.1, 95.0)),
        ("OS", 10.3, control, (8.8, 11.9, 95.0)),
    ]
    (ratio,) = [f for f in facts if f.measure == "hazard_ratio"]
    assert (ratio.value, ratio.arm, ratio.comparator, p(ratio)) == (
        0.68,
        both,
        control,
        ("=", 0.0008),
    )
    assert [(f.value, f.arm) for f in facts if f.endpoint == "AE"] == [
        (61.2, both),
        (55.0, control),
        (4.3, both),
        (1.0, control),
    ]
    # (the one study the title names is every row's)
    assert {r.trial for r in readings} == {"ORION-7"}


def test_a_study_s_spaced_table_is_one_record_of_that_study_and_keeps_its_lines():
    """Staged as a document, the table's lines are not taken for hard-wrapped prose, and its
    rows are the record of the study its title names (one record, not one per row)."""
    staged = stage_documents(files_frame({"t.txt": SPACED_LABEL_ROWS}))
    sentences = sentences_frame(staged.record_lines, staged.publications, staged.table_rows)
    rows = sentences.filter(pl.col("role") == "table_row")
    assert rows.height == 9
    assert staged.publications.height == 1
    assert "14.2 (12.0 to 16.1) 10.3 (8.8 to 11.9)" in rows.get_column("text").to_list()[2]
    tabled = table_frames(sentences, staged.documents, staged.tables)
    assert tabled.outcomes.height == 9


SEMICOLON_LISTS = (
    "Table 2. Randomized trials of single agents.\n"
    "Trial | Phase | Line | Agent | Treatment arms | Patients (n) | mOS (month) | HR OS "
    "| mPFS (month) | HR PFS |\n"
    "---|---|---|---|---|---|---|---|---|---|\n"
    "ORION 017 (12) | III | 2nd | Velmurane | Velmurane 3mg/kg q2 weeks; docetaxel | 135; 137 "
    "| 9.1; 6 | 0.58 | 3.4; 2.8 | 0.61 |\n"
    "KESTREL 24 (13) | III | 1st | Zorvatinib | Zorvatinib; platinum-based CT | 154; 151 "
    "| 30; 14.1 | 0.64 | 10.2; 6 | 0.51 |\n"
)


def test_a_row_listing_its_groups_with_semicolons_gives_each_listed_value_its_group():
    """ "A; B" in the treatments' cell and "9.1; 6" in a result cell: one value a group, in the
    order the groups are listed; the ratio is the first group's against the second; "135; 137"
    under "Patients (n)" are the groups' sizes."""
    readings = read(SEMICOLON_LISTS)
    assert [(f.endpoint, f.measure, f.value, f.arm, f.comparator) for f in readings[0].facts] == [
        ("OS", "median", 9.1, "Velmurane", None),
        ("OS", "median", 6.0, "docetaxel", None),
        ("OS", "hazard_ratio", 0.58, "Velmurane", "docetaxel"),
        ("PFS", "median", 3.4, "Velmurane", None),
        ("PFS", "median", 2.8, "docetaxel", None),
        ("PFS", "hazard_ratio", 0.61, "Velmurane", "docetaxel"),
    ]
    assert readings[0].arms == (("Velmurane", 135), ("docetaxel", 137))
    assert [(f.value, f.arm) for f in readings[1].facts if f.endpoint == "OS"][:2] == [
        (30.0, "Zorvatinib"),
        (14.1, "platinum-based CT"),
    ]


def test_populations_a_cell_lists_with_semicolons_are_no_groups_compared():
    """ "All patients (n = 655); treatment-naive (n = 151)": who the row's results are of, not
    two groups, when no result cell lists a value per item."""
    table = (
        "Table 3. Long-term results.\n"
        "Trial | Treatment arms | 5-year OS | 5-year PFS |\n"
        "---|---|---|---|\n"
        "ORION-5 | All patients (n = 655); treatment-naive (n = 151) | 34% in all patients "
        "| 21% in all patients |\n"
    )
    (reading,) = read(table)
    assert [(f.endpoint, f.value, f.comparator) for f in reading.facts] == [
        ("OS", 34.0, None),
        ("PFS", 21.0, None),
    ]
    assert len(reading.arms) <= 1


BARE_WRAPPED_ROWS = (
    "Table 3. Completed trials of checkpoint inhibitors in example cancer.\n"
    "| Trial | Phase | Agent | No. | ORR (%) | DOR (month) | Median PFS (month) | Reference |\n"
    "| ORR, objective response rate; DOR, duration of response. | |||||||\n"
    "| First-line | |||||||\n"
    "| ZEPHYR-11 | III | Velmurane vs.\n"
    "placebo |\n"
    "150 vs. 148 | 41.5 vs. 30.2 | 6.1 vs. 4.4 | 5.5 vs. 4.1 | (7) |\n"
    "| NCT09999901 | II | Tarpalimab | 40 | 22.5 | − | 3.3 | (8) |\n"
    "| ORBIT-7 | II | Tarpalimab | 52 | 19.2 | 8.1 | 2.7 | (9) |\n"
)


def test_a_pipe_table_without_separator_keeps_rows_wrapped_over_lines_and_dashes_are_empty():
    """Bars without a "---" line under the header, rows whose cells run over lines, and a minus
    sign for a value the trial did not report: every row is one row, every result column read."""
    (table,) = find_tables(BARE_WRAPPED_ROWS)
    assert len(table.rows) == 5  # (the legend and "First-line" are single-cell heading rows)
    facts = facts_of(read(BARE_WRAPPED_ROWS))
    assert [(f.endpoint, f.value, f.arm) for f in facts if f.endpoint == "DOR"] == [
        ("DOR", 6.1, "Velmurane"),
        ("DOR", 4.4, "placebo"),
        ("DOR", 8.1, "Tarpalimab"),
    ]
    assert [(f.endpoint, f.value, f.arm) for f in facts if f.endpoint == "PFS"] == [
        ("PFS", 5.5, "Velmurane"),
        ("PFS", 4.1, "placebo"),
        ("PFS", 3.3, "Tarpalimab"),
        ("PFS", 2.7, "Tarpalimab"),
    ]


DATED_STUDIES = (
    "Table 2.\n"
    "Study | Regimens | No. of patients | Median survival (months) | Hazard ratio |\n"
    "---|---|---|---|---|\n"
    "ZEPHYR-3 2011 | Velmurane plus gemcitabine | 280 | 9.9 | 0.81 |\n"
    "ORBIT 2016 | Tarpalimab | 141 | 8.2 | 0.90 |\n"
)


def test_a_study_column_that_writes_each_name_with_its_year_names_the_trials_without_it():
    assert [r.trial for r in read(DATED_STUDIES)] == ["ZEPHYR-3", "ORBIT"]
    # (one name with a number that looks like a year keeps it: no column habit to read)
    single = DATED_STUDIES.replace("ORBIT 2016", "ORBIT")
    assert [r.trial for r in read(single)] == ["ZEPHYR-3 2011", "ORBIT"]


# ---- a table whose cells a page copied with nothing between them -------------------------------

GLUED = (
    "Comparison of two groups\n"
    "\n"
    "EndpointZorvatinibInvestigator Choice\n"
    "Median Overall Survival10.4 months6.2 months\n"
    "Hazard Ratio for Death0.61 (0.47-0.80)-\n"
    "Complete Remission with Full or Partial Hematologic Recovery31.5%12.0%\n"
    "\n"
    "Other findings: rash was common.\n"
)


def test_a_table_copied_without_separators_is_read_by_where_values_end():
    (table,) = find_tables(GLUED)
    assert [c.text for c in table.header[0]] == ["Endpoint", "Zorvatinib", "Investigator Choice"]
    assert [brief(f) for f in facts_of(read(GLUED))] == [
        ("OS", "median", 10.4, "months", None, "Zorvatinib", None),
        ("OS", "median", 6.2, "months", None, "Investigator Choice", None),
        ("OS", "hazard_ratio", 0.61, "ratio", None, "Zorvatinib", "Investigator Choice"),
        ("OTHER", "rate", 31.5, "percent", None, "Zorvatinib", None),
        ("OTHER", "rate", 12.0, "percent", None, "Investigator Choice", None),
    ]


def test_a_glued_row_may_open_with_its_time_point():
    """ "2-year survival rate41%27%": the label's time point is no value of the row."""
    text = (
        "OutcomeZentumabPlacebo\n"
        "Median overall survival20.1 months15.2 months\n"
        "2-year survival rate44%31%\n"
        "Objective response rate38%12%\n"
    )
    (table,) = find_tables(text)
    assert [c.text for c in table.header[0]] == ["Outcome", "Zentumab", "Placebo"]
    assert [(f.endpoint, f.value, f.timepoint_months, f.arm) for f in facts_of(read(text))] == [
        ("OS", 20.1, None, "Zentumab"),
        ("OS", 15.2, None, "Placebo"),
        ("OS", 44.0, 24.0, "Zentumab"),
        ("OS", 31.0, 24.0, "Placebo"),
        ("ORR", 38.0, None, "Zentumab"),
        ("ORR", 12.0, None, "Placebo"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The median OS was 10.4 months vs 6.2 months.\nThe HR was 0.61 (0.47-0.80).\n",
        "Survival10.4 months\nOnly one value on a line.\n",
    ],
)
def test_sentences_and_lone_glued_values_are_no_glued_table(text: str):
    assert find_tables(text) == []


def test_tab_rows_parted_by_blank_lines_are_one_table_with_every_row():
    text = (
        "Table 1\n\nStudy\tPhase\tORR\n\n"
        "ORVEX-1\tIII\t44%\n\nORVEX-2\tIII\t31%\n\nORVEX-3\tII\t20%\n"
    )
    (table,) = find_tables(text)
    assert [[c.text for c in row if c] for row in table.rows] == [
        ["ORVEX-1", "III", "44%"],
        ["ORVEX-2", "III", "31%"],
        ["ORVEX-3", "II", "20%"],
    ]


# ---- cells wrapped over lines: rows read by their results ----------------------------------------

# (a journal's table page copied as text: the header's cells run together on one line, a row's
# treatment cell runs over two lines, the study's name on the second, and its results stand on
# one line after its labels)
WRAPPED_HEADER_ON_ONE_LINE = (
    "Table 2.\n"
    "\n"
    "Outcomes of the randomised trials of two invented agents (composed for the tests).\n"
    "\n"
    "Study drug Control arm Patients Primary endpoint Median PFS (months) HR PFS (95% CI) "
    "Median OS (months) HR OS (95% CI) ORR (%)\n"
    "Zentumab12,13\n"
    "ORVEX-4 study\n"
    "Placebo 512\n"
    "PFS 8.1 versus 3.2 0.41 (0.33–0.52) 20.4 versus 16.0 0.79 (0.64–0.97) 22 versus 4\n"
    "Orvexitinib14\n"
    "KALDA-2 study\n"
    "Zentumab 388\n"
    "OS 6.0 versus 5.1 0.83 (0.70–0.99) 18.2 versus 14.9 0.71 (0.58–0.87) 15 versus 11\n"
    "\n"
    "CI, confidence interval; HR, hazard ratio; ORR, objective response rate.\n"
)

# (each cell on a line of its own, the header's too; under a trial's row, a block of subgroup
# ratios that fits no column of the header)
WRAPPED_ONE_CELL_A_LINE = (
    "Table 1.\n"
    "\n"
    "Randomised trials of two invented agents (composed for the tests).\n"
    "\n"
    "Author, Year\nTrial Name\nRegion\nIntervention\nn\nControl\nn\n"
    "Median Overall Survival (Months)\nHR (95% CI)\n"
    "Median Progression-Free Survival (Months)\nHR (95% CI)\nResponse Rate\n"
    "Smith, 2011 [4]\nORVEX-9\nEurope\nZentumab\n201\nPlacebo\n199\n"
    "22.5 vs. 19.0\nHR 0.80 (0.64 to 0.99)\n7.7 vs. 4.2\nHR 0.52 (0.41 to 0.66)\n41% vs. 12%\n"
    "Subgroup: marker positive\nHR 0.61 (0.40 to 0.93)\nHR 0.44 (0.30 to 0.65)\n"
    "Jones, 2014 [5]\nKALDA-3\nAsia\nOrvexitinib\n150\nCisplatin and docetaxel\n148\n"
    "NR vs. 15.2\nHR 0.70 (0.52 to 0.94)\n9.9 vs. 5.0\nHR 0.38 (0.28 to 0.51)\n60% vs. 25%\n"
)


def test_a_table_whose_header_runs_together_is_read_by_its_rows_results():
    readings = read(WRAPPED_HEADER_ON_ONE_LINE)
    assert [(r.trial, r.arms) for r in readings] == [
        ("ORVEX-4", (("Zentumab", None), ("Placebo", None))),
        ("KALDA-2", (("Orvexitinib", None), ("Zentumab", None))),
    ]
    facts = [brief(f) for f in facts_of(readings[:1])]
    assert facts == [
        ("PFS", "median", 8.1, "months", None, "Zentumab", None),
        ("PFS", "median", 3.2, "months", None, "Placebo", None),
        ("PFS", "hazard_ratio", 0.41, "ratio", None, "Zentumab", "Placebo"),
        ("OS", "median", 20.4, "months", None, "Zentumab", None),
        ("OS", "median", 16.0, "months", None, "Placebo", None),
        ("OS", "hazard_ratio", 0.79, "ratio", None, "Zentumab", "Placebo"),
        ("ORR", "rate", 22.0, "percent", None, "Zentumab", None),
        ("ORR", "rate", 4.0, "percent", None, "Placebo", None),
    ]
    assert [ci(f) for f in facts_of(readings[:1]) if f.ci] == [(0.33, 0.52, 95), (0.64, 0.97, 95)]


def test_a_table_one_cell_a_line_with_a_subgroup_block_reads_each_trials_row_only():
    readings = read(WRAPPED_ONE_CELL_A_LINE)
    assert [(r.trial, r.arms) for r in readings] == [
        ("ORVEX-9", (("Zentumab", None), ("Placebo", None))),
        ("KALDA-3", (("Orvexitinib", None), ("Cisplatin and docetaxel", None))),
    ]
    second = [brief(f) for f in facts_of(readings[1:])]
    # (not reached: no number for the experimental group's median; the ratio under an "HR"
    # header takes the endpoint of the median before it)
    assert second == [
        ("OS", "median", 15.2, "months", None, "Cisplatin and docetaxel", None),
        ("OS", "hazard_ratio", 0.70, "ratio", None, "Orvexitinib", "Cisplatin and docetaxel"),
        ("PFS", "median", 9.9, "months", None, "Orvexitinib", None),
        ("PFS", "median", 5.0, "months", None, "Cisplatin and docetaxel", None),
        ("PFS", "hazard_ratio", 0.38, "ratio", None, "Orvexitinib", "Cisplatin and docetaxel"),
        ("ORR", "rate", 60.0, "percent", None, "Orvexitinib", None),
        ("ORR", "rate", 25.0, "percent", None, "Cisplatin and docetaxel", None),
    ]
    # the subgroup block's ratios are no row of the table
    assert all(f.value not in (0.61, 0.44) for f in facts_of(readings))


@pytest.mark.parametrize(
    "text",
    [
        # prose under a caption: its results open the text, no header names columns
        "Table 1. Results\nThe median OS was 10.4 vs 6.2 months (HR 0.61 [0.47-0.80]).\n"
        "The median PFS was 5.0 vs 3.1 months (HR 0.55 [0.40-0.75]).\n",
        # arms stacked one a line, their numbers one a line: no row of compared results
        "Table 5.\nMajor trials\nTrial name Year Treatment groups Response rate (%) MST (months)\n"
        "ORVEX-1 2009 Zentumab\nPlacebo\n38\n9\n12.3\n10.8\n"
        "KALDA-1 2011 Orvexitinib\nPlacebo\n31\n8\n11.0\n9.9\n",
    ],
)
def test_prose_and_stacked_rows_under_a_caption_are_no_wrapped_table(text: str):
    assert [t.layout for t in find_tables(text)] != ["wrapped"]


def test_a_primary_outcome_column_of_sentences_gives_each_value_the_group_named_after_it():
    # ("Drug studied" is the experimental group, "Comparison drug" the control, "Indication for
    # treatment" no group, "Primary outcome" no group but results)
    text = (
        "Table 1\n"
        "Study\tDrug studied\tComparison drug\tIndication for treatment\tPrimary outcome\n"
        "ORVEX-5\tZentumab\tObservation\tAdjuvant\tDisease-free survival, median – 20.1 months "
        "zentumab vs. 11.0 months observation\n"
        "KALDA-7\tOrvexitinib\tPlacebo\tAdjuvant\tOverall survival, median – 25.0 months placebo "
        "vs. 30.5 months orvexitinib\n"
    )
    readings = read(text)
    assert [r.arms for r in readings] == [
        (("Zentumab", None), ("Observation", None)),
        (("Orvexitinib", None), ("Placebo", None)),
    ]
    assert [(f.value, f.arm.lower()) for f in facts_of(readings)] == [
        (20.1, "zentumab"),
        (11.0, "observation"),
        (25.0, "placebo"),
        (30.5, "orvexitinib"),
    ]


def test_a_header_comparing_two_groups_names_the_values_of_its_cells_and_a_p_after_them():
    text = (
        "Table 2.\n"
        "Composed trials.\n"
        "Trial\tDesign\tTreatment\tORR (%), ICI arm versus placebo arm\n"
        "ORVEX-2\tPhase III\tZentumab 240 mg or placebo, with cisplatin\t77.4 versus 66.4 p = 0.0335\n"
        "KALDA-3\tPhase III\tOrvexumab 200 mg or placebo, with cisplatin\t69.5 versus 55.3\n"
    )
    facts = facts_of(read(text))
    # (the p-value after the pair is the comparison's: with the first group's number)
    assert [(f.value, f.arm, p(f)) for f in facts] == [
        (77.4, "ICI arm", ("=", 0.0335)),
        (66.4, "placebo arm", None),
        (69.5, "ICI arm", None),
        (55.3, "placebo arm", None),
    ]


# (a journal's table copied with its cells joined by single spaces, one row a line, the results
# last; a row under a study's row is another group of it; a section's heading is no row)
SPACED = (
    "Table 3.\n"
    "\n"
    "Invented strategies (composed for the tests)\n"
    "\n"
    "Trial Phase N Patients Treatment Endpoint ORR (%) mPFS (Months) mOS (Months) Result\n"
    "Anti-K antibody\n"
    " ORVEX-12 III 490 First-line CE + Zentumab PFS, OS 70.8 5.4 (HR 1.11; P = 0.35) 13.6 "
    "(HR 1.04, P = 0.79) Negative\n"
    "CE + Placebo 65.6 5.6 13.6\n"
    "Kinase inhibitor\n"
    "ACME-GROUP 2511 II 128 First-line PE + Orvexitinib PFS 71.9 6.1 (95% CI, 5.0–7.2) 10.3 "
    "Positive\n"
    "KALDA-4 II 76 Relapsed Orvexitinib CBR at 24 Weeks Ongoing\n"
    "\n"
    "CE, carboplatin and etoposide.\n"
)


def test_a_table_of_space_joined_cells_is_read_by_the_results_that_end_its_rows():
    readings = read(SPACED)
    assert [(r.trial, r.arms) for r in readings] == [
        ("ORVEX-12", (("CE + Zentumab", None),)),
        ("ORVEX-12", (("CE + Placebo", None),)),
        ("ACME-GROUP 2511", (("PE + Orvexitinib", None),)),
    ]
    first = [brief(f) for f in facts_of(readings[:1])]
    # (the ratio in a median's bracket is not that median's: the median is read alone)
    assert first == [
        ("ORR", "rate", 70.8, "percent", None, "CE + Zentumab", None),
        ("PFS", "median", 5.4, "months", None, "CE + Zentumab", None),
        ("OS", "median", 13.6, "months", None, "CE + Zentumab", None),
    ]
    third = facts_of(readings[2:])
    assert [(f.value, ci(f)) for f in third] == [
        (71.9, None),
        (6.1, (5.0, 7.2, 95.0)),
        (10.3, None),
    ]


# ---- groups stacked in a study's row, one cell a line ------------------------------------------

STACKED_LINES = (
    "Table 2.\n"
    "\n"
    "Invented phase III trials (composed for the tests).\n"
    "\n"
    "Trial name Published\n"
    "year\n"
    "No. of\n"
    "patients\n"
    "Line of\n"
    "treatment\n"
    "Treatment groups Response\n"
    "rate (%)\n"
    "MST\n"
    "(months)\n"
    "P-value\n"
    "ORVEX-3 (12) 2011 610 1st Orvexib\n"
    "Orvexib + zentumab\n"
    "22\n"
    "41\n"
    "9.8\n"
    "12.6\n"
    "0.003*\n"
    "KESTREL-9 (13) 2016 702 2nd Placebo\n"
    "Daltumab\n"
    "Daltumab +\n"
    "orvexib\n"
    "4\n"
    "15\n"
    "19\n"
    "5.1\n"
    "6.0\n"
    "7.7\n"
    "0.04\n"
    "(Daltumab + orvexib vs. placebo)\n"
    "\n"
    "Abbreviations: MST, median survival time; ORR, objective response rate.\n"
)


def test_groups_stacked_one_a_line_under_each_study_take_their_results_column_by_column():
    readings = read(STACKED_LINES)
    assert [(r.trial, r.arms) for r in readings] == [
        ("ORVEX-3", (("Orvexib", 610),)),
        ("ORVEX-3", (("Orvexib + zentumab", None),)),
        ("KESTREL-9", (("Placebo", 702),)),
        ("KESTREL-9", (("Daltumab", None),)),
        # (a name wrapped over two lines is one group)
        ("KESTREL-9", (("Daltumab + orvexib", None),)),
    ]
    facts = [(brief(f), p(f)) for f in facts_of(readings)]
    # the legend spells "MST" out: the median of overall survival
    assert facts[:4] == [
        (("ORR", "rate", 22.0, "percent", None, "Orvexib", None), None),
        (("OS", "median", 9.8, "months", None, "Orvexib", None), None),
        (("ORR", "rate", 41.0, "percent", None, "Orvexib + zentumab", None), None),
        (("OS", "median", 12.6, "months", None, "Orvexib + zentumab", None), ("=", 0.003)),
    ]
    # the p-value goes to the group its remark names first, with the number it follows
    daltumab_orvexib = [f for f in facts if f[0][5] == "Daltumab + orvexib"]
    assert daltumab_orvexib == [
        (("ORR", "rate", 19.0, "percent", None, "Daltumab + orvexib", None), None),
        (("OS", "median", 7.7, "months", None, "Daltumab + orvexib", None), ("=", 0.04)),
    ]


def test_a_study_with_fewer_numbers_than_its_groups_times_the_columns_is_not_read():
    third = "SOLACE-1 (14) 2019 300 2nd Zentumab\nPlacebo\n30\n10\n8.1\n6.2\n0.01\n\n"
    broken = STACKED_LINES.replace("4\n15\n19\n5.1\n", "4\n15\n").replace(
        "(Daltumab + orvexib vs. placebo)\n\n", "(Daltumab + orvexib vs. placebo)\n" + third
    )
    readings = read(broken)
    assert [r.trial for r in readings] == ["ORVEX-3", "ORVEX-3", "SOLACE-1", "SOLACE-1"]


def test_a_table_page_under_the_line_of_the_paper_it_is_from_is_a_table_of_trials():
    text = ". 2016 Mar 3;4(2):10-19. doi: 10.0000/invented.2016\n\n" + STACKED_LINES
    staged = stage_documents(files_frame({"t.txt": text}))
    assert staged.documents.get_column("document_kind").to_list() == ["trial_table"]


# rows that leave out their opening bar, under a heading row whose cells span the groups of
# columns the header repeats, the header's words broken at a hyphen ("Inter- vention")
_SPANNED = (
    "Table. Randomized trials of drug K\n"
    "Median PFS | Median OS | Response | |||||||\n"
    "Study | Inter- vention | Comparison | Inter- vention | Comparison | HR for PFS[95% CI] "
    "| Inter- vention | Comparison | Inter- vention | Comparison |\n"
    "ZENITH-1 | K-Rd | Rd | 36 | 19 | 0.42 [0.34-0.51] | NR | 40 | 81% | 70% |\n"
    "ZENITH-2 | K-Vd | Vd | 14 | 10 | 0.70 [0.53-0.93] | 30 | 25 | 76% | 62% |\n"
)


def test_a_heading_row_spans_the_groups_of_columns_its_header_repeats():
    found = [(f.endpoint, f.measure, f.value) for f in facts_of(read(_SPANNED))]
    assert found == [
        ("PFS", "median", 36.0),
        ("PFS", "median", 19.0),
        ("PFS", "hazard_ratio", 0.42),
        ("OS", "median", 40.0),
        ("ORR", "rate", 81.0),
        ("ORR", "rate", 70.0),
        ("PFS", "median", 14.0),
        ("PFS", "median", 10.0),
        ("PFS", "hazard_ratio", 0.70),
        ("OS", "median", 30.0),
        ("OS", "median", 25.0),
        ("ORR", "rate", 76.0),
        ("ORR", "rate", 62.0),
    ]


def test_values_under_a_spanning_heading_take_the_row_s_groups_by_their_column_s_role():
    first = read(_SPANNED)[0].facts
    assert [(f.value, f.arm, f.comparator) for f in first[:3]] == [
        (36.0, "K-Rd", None),
        (19.0, "Rd", None),
        (0.42, "K-Rd", "Rd"),
    ]
    assert ci(first[2]) == (0.34, 0.51, 95.0)


def test_a_cell_s_bounds_may_be_set_apart_by_a_semicolon_in_square_brackets():
    text = (
        "Table 3.\n| Trial | Drug | HR for PFS [95% CI] |\n|---|---|---|\n"
        "| ZENITH-1 | K-Rd | 0.42 [0.34; 0.51] |\n| ZENITH-2 | K-Vd | 0.70 [0.53; 0.93] |\n"
    )
    assert [ci(f) for r in read(text) for f in r.facts] == [(0.34, 0.51, 95.0), (0.53, 0.93, 95.0)]


# ---- a review's table citing each row's publication after its groups -----------------------------

CITED_ROWS = (
    "Table 3.\n"
    "Treatment | Setting | PFS control | PFS gain | PFS HR |\n"
    "Zentumab versus placebo (HALCYON)* Okafor et al 41 |\n"
    "Second-line | 2.1 months | 3.4 months | 0.41 (0.30\u20130.56) |\n"
    "Velmurane + docetaxel versus docetaxel van der Berg et al. [42] |\n"
    "First-line | 4.0 months | 1.9 months | 0.72 (0.58\u20130.90) |\n"
    "Drug Q (DQ) versus drug R Lindqvist-Moreau et al 43 |\n"
    "Second-line | 3.0 months | 0.8 months | 0.88 (0.70\u20131.10) |\n"
)


def test_a_cited_publication_is_no_part_of_a_group_and_a_bracketed_name_is_the_row_s_trial():
    readings = [r for r in read(CITED_ROWS) if r.facts]
    assert [(r.trial, tuple(label for label, _ in r.arms)) for r in readings] == [
        ("HALCYON", ("Zentumab", "placebo")),
        (None, ("Velmurane + docetaxel", "docetaxel")),
        # (an abbreviation of the words before it names no trial)
        (None, ("Drug Q", "drug R")),
    ]
    hazard_ratios = [f for r in readings for f in r.facts if f.measure == "hazard_ratio"]
    assert [(f.arm, f.comparator) for f in hazard_ratios] == [
        ("Zentumab", "placebo"),
        ("Velmurane + docetaxel", "docetaxel"),
        ("Drug Q", "drug R"),
    ]


# ---- a drug label's table copied a cell a line, each row's label joined to its first value ------

# (the first group's name glued to the caption's line, as a page copies the caption and the first
# header cell; the second group's value on a line of its own)
LABEL_FIRST_VALUES = (
    "Table 4. Progression-Free Survival and Objective Response Results Sorafenib\n"
    "N = 214\n"
    "Chemotherapy\n"
    "N = 108\n"
    "Progression-Free Survival\n"
    "Number of Events (%) 117 (55%)\n"
    "77 (71%)\n"
    "Progressive Disease 107 (50%)\n"
    "70 (65%)\n"
    "Median, months (95% CI) 4.8 (4.3, 4.9)\n"
    "1.5 (1.4, 2.7)\n"
    "HRa (95% CI)\n"
    "Objective Response Rate 22%\n"
    "8%\n"
    "\n"
    "a Stratified Cox model.\n"
)


def test_a_label_s_table_with_each_row_s_first_value_on_its_label_s_line_is_read():
    """The first group named from the caption's line; the median under the rows of the PFS's
    events is the PFS's (a time is of a time to an event); "HRa" is no trial."""
    (table,) = find_tables(LABEL_FIRST_VALUES)
    assert [c.text.split("\n")[0] for c in table.header[0] if c is not None] == [
        "Sorafenib",
        "Chemotherapy",
    ]
    facts = facts_of(read(LABEL_FIRST_VALUES))
    assert [
        (f.endpoint, f.measure, f.value, f.arm) for f in facts if f.value in (4.8, 1.5, 22.0, 8.0)
    ] == [
        ("PFS", "median", 4.8, "Sorafenib"),
        ("PFS", "median", 1.5, "Chemotherapy"),
        ("ORR", "rate", 22.0, "Sorafenib"),
        ("ORR", "rate", 8.0, "Chemotherapy"),
    ]
    assert all(r.trial is None for r in read(LABEL_FIRST_VALUES))


@pytest.mark.parametrize(
    ("cell", "names"),
    [
        ("ORION-7 (19)", True),
        ("KEYNOTE-426", True),
        ("HRa (95% CI)", False),  # (a ratio's abbreviation with its footnote's letter)
        ("Progression-Free Survival", False),  # (words in title case joined by a hyphen)
    ],
)
def test_footnoted_abbreviations_and_hyphenated_title_words_name_no_trial(cell: str, names: bool):
    assert is_trial_name(cell) is names


def test_a_caption_ending_in_a_word_that_is_no_drug_names_no_group():
    """ "... Efficacy Results" then "N = 214": "Results" is no group's name."""
    text = LABEL_FIRST_VALUES.replace("Results Sorafenib", "Efficacy Results")
    (table,) = find_tables(text)
    assert not any(c is not None and c.text.startswith("Results") for c in table.header[0])
