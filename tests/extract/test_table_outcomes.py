"""The result numbers of tables, on tables composed for the tests (invented drugs, trials and
numbers): the right numbers, with the right endpoint, group, trial, interval and p-value, at the
right offsets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from etl.documents.tables import find_tables
from etl.extract.facts import Fact
from etl.extract.table_columns import legend_terms
from etl.extract.table_names import uncited, unreferenced
from etl.extract.table_outcomes import RowReading, read_table
from etl.vocab.codes import ENDPOINTS, MEASURES, P_OPERATORS, UNITS

FOOTNOTE = (
    "  1. Abbreviations: CI, confidence interval; HR, hazard ratio; NR, not reached; OS, overall "
    "survival; N/A, not applicable; ORR, objective response rate; q3w, every 3 weeks."
)


def read(text: str) -> list[RowReading]:
    (table,) = find_tables(text)
    readings = read_table(text, table)
    for reading in readings:
        assert reading.span == table.row_spans[reading.row]
        for f in reading.facts:
            written = text[reading.span[0] + f.start : reading.span[0] + f.end]
            assert float(written.replace("·", ".")) == f.value  # the number itself, as written
            assert f.endpoint in ENDPOINTS and f.measure in MEASURES and f.unit in UNITS
            assert f.p is None or f.p.operator in P_OPERATORS
    return readings


def brief(f: Fact) -> tuple:
    return (f.endpoint, f.measure, f.value, f.unit, f.timepoint_months, f.arm, f.comparator)


def ci(f: Fact) -> tuple | None:
    return None if f.ci is None else (f.ci.lower, f.ci.upper, f.ci.level)


def p(f: Fact) -> tuple | None:
    return None if f.p is None else (f.p.operator, f.p.value)


# ---- (a) pipe rows: a trial per row, treatment and control under spanning headers -------------

PIPE = (
    "Table 3.\n"
    "Randomised trials of two invented agents.\n"
    "| Trial (registration number) | Study intervention | Median PFS (95% CI) "
    "| Hazard ratio (95% CI; P-value) | Notes | |||\n"
    "|---|---|---|---|---|---|---|---|\n"
    "| Treatment | Control | Treatment | Control | ||||\n"
    "| Targeted agents | ORION-7 (Nbib123456) | Zentumab | Placebo | 9.1 months (8.0–10.2) "
    "| 5.4 months (4.9–6.1) | 0.61 (0.50–0.74; P < 0.001) | first line |\n"
    "| ORION-8 (III) | Zentumab + Orvexib | Orvexib | 11·0 months (9·6–12·5) | NR "
    "| 0.72 (0.80–0.66; P = 0.002) | second line | |\n"
)


def test_pipe_table_medians_and_ratio_with_arms_trial_ci_and_p():
    first, second = read(PIPE)
    assert (first.trial, first.phase) == ("ORION-7", None)
    assert first.arms == (("Zentumab", None), ("Placebo", None))
    assert [brief(f) for f in first.facts] == [
        ("PFS", "median", 9.1, "months", None, "Zentumab", None),
        ("PFS", "median", 5.4, "months", None, "Placebo", None),
        ("PFS", "hazard_ratio", 0.61, "ratio", None, "Zentumab", "Placebo"),
    ]
    assert [ci(f) for f in first.facts] == [(8.0, 10.2, 95), (4.9, 6.1, 95), (0.5, 0.74, 95)]
    assert [p(f) for f in first.facts] == [None, None, ("<", 0.001)]
    # the row without the group label: its cells still sit under their headers
    assert (second.trial, second.phase) == ("ORION-8", "3")
    assert second.arms == (("Zentumab + Orvexib", None), ("Orvexib", None))


def test_placeholder_gives_no_fact_and_a_reversed_interval_is_dropped_with_its_problem():
    second = read(PIPE)[1]
    median, ratio = second.facts  # (NR under the control median: nothing)
    assert brief(median) == ("PFS", "median", 11.0, "months", None, "Zentumab + Orvexib", None)
    assert brief(ratio)[:3] == ("PFS", "hazard_ratio", 0.72) and ratio.ci is None
    assert p(ratio) == ("=", 0.002)
    assert [pr.rule for pr in ratio.problems] == ["malformed_interval"]
    assert "reversed" in ratio.problems[0].message


# ---- (b) rows continued over lines, treatments with doses and sizes --------------------------

CONTINUED = (
    "Table 1.\nInvented trials.\n"
    "Name of the trial | Treatment in the control arm: drug/dose (n of pts) "
    "| Treatment in the experimental arm: drug/dose (n of pts) "
    "| Median follow-up time in the experimental arm | OS control vs experimental arm "
    "| PFS: HR (95% CI) and p value (experimental vs control) | |\n"
    "---|---|---|---|---|---|---|\n"
    "KESTREL-2 (14) | orvexib 100 mg QD (120) |\n"
    "zentumab 5 mg/kg q3w (118) |\n"
    "22.4 months | 2y OS rate; 41.0% (95% CI: 33.2-48.8%) |\n"
    "2y OS rate: 55.5% (95% CI: 46.0-64.1%) | 0.70 (95% CI: 0.55-0.89). p=0.004 |\n"
    "TALON (15) | placebo (60) | zentumab 5 mg/kg q3w (61) | NA "
    "| Median: 7.0 months (range: 2.1-15.0) | Median: NE (range: 9.9 months-NE) "
    "| 0.52 (95% CI: 0.33-0.81). p<0.0001 |\n"
)


def test_continued_rows_give_each_number_its_arm_from_the_treatment_columns():
    first, second = read(CONTINUED)
    assert first.trial == "KESTREL-2"
    assert first.arms == (("zentumab", 118), ("orvexib", 120))  # dose and size taken out
    assert [brief(f) for f in first.facts] == [
        ("FOLLOWUP", "median", 22.4, "months", None, "zentumab", None),
        ("OS", "rate", 41.0, "percent", 24, "orvexib", None),
        ("OS", "rate", 55.5, "percent", 24, "zentumab", None),
        ("PFS", "hazard_ratio", 0.7, "ratio", None, "zentumab", "orvexib"),
    ]
    assert [ci(f) for f in first.facts] == [
        None,
        (33.2, 48.8, 95),
        (46.0, 64.1, 95),
        (0.55, 0.89, 95),
    ]
    assert p(first.facts[-1]) == ("=", 0.004)
    assert second.arms == (("zentumab", 61), ("placebo", 60))


def test_a_range_is_not_an_interval_and_not_estimable_gives_nothing():
    second = read(CONTINUED)[1]
    assert [brief(f) for f in second.facts] == [
        ("OS", "median", 7.0, "months", None, "placebo", None),
        ("PFS", "hazard_ratio", 0.52, "ratio", None, "zentumab", "placebo"),
    ]
    assert second.facts[0].ci is None and second.facts[0].problems == ()
    assert p(second.facts[1]) == ("<", 0.0001)


# ---- (c) one cell per line: a drug per row -----------------------------------------------------


def test_one_cell_per_line_single_arm_rows():
    cells = ["Drug", "Study (phase)", "Date of approval", "N", "Median age, years [range]"]
    cells += ["CR/CRi rate, %", "MRD negativity, %", "Median OS, months", "Reference"]
    cells += ["Zentumab", "ORION-7 (III)", "May 2020", "210", "61 [22-80]", "44", "80"]
    cells += ["15.2", "[3]"]
    cells += ["Orvexib", "TALON (II)", "June 2021", "58", "57 [30-79]", "N/A", "71"]
    cells += ["62% at 12 months", "[4]"]
    cells += ["Velmurane", "BRAVO (I/II)", "July 2022", "31", "66 [41-83]", "29", "90"]
    cells += ["NR", "[5]"]
    text = "Table 2 Agents in an invented disease\n\nFrom: A review\n\n" + "\n\n".join(cells)
    first, second, third = read(text + "\n\n" + FOOTNOTE)
    assert (first.trial, first.phase, first.arms) == ("ORION-7", "3", (("Zentumab", 210),))
    assert [brief(f) for f in first.facts] == [
        ("OTHER", "rate", 44.0, "percent", None, "Zentumab", None),
        ("OTHER", "rate", 80.0, "percent", None, "Zentumab", None),
        ("OS", "median", 15.2, "months", None, "Zentumab", None),
    ]
    assert [f.endpoint_label for f in first.facts[:2]] == ["CR/CRi", "MRD negativity"]
    assert [brief(f) for f in second.facts] == [
        ("OTHER", "rate", 71.0, "percent", None, "Orvexib", None),
        ("OS", "rate", 62.0, "percent", 12, "Orvexib", None),
    ]
    assert (third.trial, third.phase) == ("BRAVO", "1/2")
    assert [f.value for f in third.facts] == [29.0, 90.0]  # NR: no fact; no age, date or size


# ---- (d) bar-ended cells in an abstract: groups as columns, results as rows ---------------------


def test_bar_lines_groups_are_columns_and_row_headers_carry_the_endpoint():
    lines = ["|", "|", "Zentumab |", "Placebo |", "|"]
    lines += ["PFS, months, median (95% CI) |", "|", "8.8 (7.1–9.9) |", "4.2 (3.9–5.0) |", "|"]
    lines += ["HR (95% CI); p-value |", "|", "0.48 (0.36–0.64); <0.0001 |", "|", "|"]
    lines += ["PFS rate, % |", "6 months |", "61.0 |", "35.5 |", "|"]
    lines += ["|", "12 months |", "40.2 |", "18.7 |", "|"]
    text = "Results: the invented trial met its primary endpoint in every analysis. " * 3
    text += "\n" + "\n".join(lines) + "\nConclusions: " + "nothing to conclude here. " * 8
    readings = read(text)
    facts = [f for r in readings for f in r.facts]
    assert [brief(f) for f in facts] == [
        ("PFS", "median", 8.8, "months", None, "Zentumab", None),
        ("PFS", "median", 4.2, "months", None, "Placebo", None),
        ("PFS", "hazard_ratio", 0.48, "ratio", None, "Zentumab", "Placebo"),
        ("PFS", "rate", 61.0, "percent", 6, "Zentumab", None),
        ("PFS", "rate", 35.5, "percent", 6, "Placebo", None),
        ("PFS", "rate", 40.2, "percent", 12, "Zentumab", None),
        ("PFS", "rate", 18.7, "percent", 12, "Placebo", None),
    ]
    assert ci(facts[0]) == (7.1, 9.9, 95) and ci(facts[2]) == (0.36, 0.64, 95)
    assert p(facts[2]) == ("<", 0.0001)  # a bare number after the interval, under "p-value"
    assert all(r.trial is None for r in readings)  # the table names no trial


# ---- tabs: an outcome column, group columns, a p-value column --------------------------------

TABS = (
    "Endpoint\tZentumab (n=120)\tPlacebo (n=118)\tHR (95% CI)\tp\n"
    "Median PFS, months\t7.9 (6.1-9.0)\t3.1 (2.8-3.9)\t0.45 (0.31-0.66)\t<0.001\n"
    "Grade >=3 adverse events, n (%)\t30 (25.0)\t12 (10.2)\t\t\n"
    "Objective response\t38% (95% CI 29-47) among those with measurable disease\t9%\t\t\n"
)


def test_tab_table_with_group_columns_a_ratio_column_and_a_p_value_column():
    pfs, harms, response = read(TABS)
    assert pfs.arms == (("Zentumab", 120), ("Placebo", 118))
    assert [brief(f) for f in pfs.facts] == [
        ("PFS", "median", 7.9, "months", None, "Zentumab", None),
        ("PFS", "median", 3.1, "months", None, "Placebo", None),
        ("PFS", "hazard_ratio", 0.45, "ratio", None, "Zentumab", "Placebo"),
    ]
    assert [ci(f) for f in pfs.facts] == [(6.1, 9.0, None), (2.8, 3.9, None), (0.31, 0.66, 95)]
    assert [p(f) for f in pfs.facts] == [None, None, ("<", 0.001)]
    # "n (%)": the rate is the bracketed number, its patients the first
    assert [(brief(f), f.n_patients) for f in harms.facts] == [
        (("AE", "rate", 25.0, "percent", None, "Zentumab", None), 30),
        (("AE", "rate", 10.2, "percent", None, "Placebo", None), 12),
    ]
    # a cell that is a sentence is read by the sentence grammar, with its row's endpoint
    assert [brief(f) for f in response.facts] == [
        ("ORR", "rate", 38.0, "percent", None, "Zentumab", None),
        ("ORR", "rate", 9.0, "percent", None, "Placebo", None),
    ]
    assert ci(response.facts[0]) == (29.0, 47.0, 95)


def test_one_treatment_column_gives_every_number_of_its_row_that_group():
    text = (
        "| Study | Intervention | N | ORR, % | Median PFS, months |\n|---|---|---|---|---|\n"
        "| BRAVO-12 (phase 2) | velmurane 40 mg BID | 64 | 35.9 | 6.3 |\n"
        "| CORAL | orvexib 100 mg QD | 41 | 22.0 | 4.4 |\n"
    )
    first, second = read(text)
    assert (first.trial, first.phase, first.arms) == ("BRAVO-12", "2", (("velmurane", 64),))
    assert [brief(f) for f in first.facts] == [
        ("ORR", "rate", 35.9, "percent", None, "velmurane", None),
        ("PFS", "median", 6.3, "months", None, "velmurane", None),
    ]
    assert (second.trial, second.arms) == ("CORAL", (("orvexib", 41),))


def test_key_value_table_reads_sentences_with_their_row_label_as_the_endpoint():
    text = (
        "Parameter\tResult\n"
        "Design\tPhase 2, single-arm study of velmurane [2]\n"
        "Patients\t44 patients with an invented cancer\n"
        "Disease control rate\t61.4% in 44 evaluable patients [2].\n"
        "Median DOR\tnot reached\n"
        "Median PFS\t5.2 months (IQR 3.1-9.0)\n"
    )
    facts = [f for r in read(text) for f in r.facts]
    assert [brief(f) for f in facts] == [
        ("DCR", "rate", 61.4, "percent", None, None, None),
        ("PFS", "median", 5.2, "months", None, None, None),
    ]
    assert facts[1].ci is None  # an interquartile range is no confidence interval


def test_a_table_without_a_trial_column_takes_the_one_registry_number_it_gives():
    text = (
        "| Measure | Result |\n|---|---|\n"
        "| Median OS | 20.1 months (95% CI, 17.0-23.3) |\n"
        "| Design | Randomised phase 3 study (NCT01234567) |\n"
    )
    (first, second) = read(text)
    assert brief(first.facts[0]) == ("OS", "median", 20.1, "months", None, None, None)
    assert first.trial == second.trial == "NCT01234567" and second.facts == []


# ---- any two-arm table composed in any layout reads back --------------------------------------

ROWS = st.sampled_from(
    [
        ("Median OS, months", "OS", "median", "months", None),
        ("Median PFS, months", "PFS", "median", "months", None),
        ("ORR, %", "ORR", "rate", "percent", None),
        ("12-month OS rate, %", "OS", "rate", "percent", 12),
        ("Median DOR, weeks", "DOR", "median", "weeks", None),
        ("Disease control rate, %", "DCR", "rate", "percent", None),
    ]
)
VALUE = st.builds(lambda a, b: f"{a}.{b}", st.integers(1, 99), st.integers(0, 9))
HEADER = ["Outcome", "Velmurane (n=88)", "Placebo (n=90)"]


def as_pipe(rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(HEADER) + " |", "|---|---|---|"]
    return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in rows])


def as_tabs(rows: list[list[str]]) -> str:
    return "\n".join("\t".join(r) for r in [HEADER, *rows])


def as_cell_lines(rows: list[list[str]]) -> str:
    return "\n".join(c for r in [HEADER, *rows] for c in r) + "\n" + FOOTNOTE


def as_bar_lines(rows: list[list[str]]) -> str:
    cells = [c for r in [["", *HEADER[1:]], *rows] for c in [*r, ""]]
    return "\n".join(f"{c} |" if c else "|" for c in cells)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.tuples(ROWS, VALUE, VALUE), min_size=2, max_size=6),
    st.sampled_from([as_pipe, as_tabs, as_cell_lines, as_bar_lines]),
)
def test_composed_two_arm_tables_read_back(rows, layout):
    body = layout([[label, a, b] for (label, *_), a, b in rows])
    readings = read("Table 5 Composed results\n" + body + "\n\nThe end.\n")
    got = [brief(f) for r in readings for f in r.facts]
    expected = []
    for (_, endpoint, measure, unit, timepoint), a, b in rows:
        expected.append((endpoint, measure, float(a), unit, timepoint, "Velmurane", None))
        expected.append((endpoint, measure, float(b), unit, timepoint, "Placebo", None))
    assert got == expected


# ---- (f) a review's table: each trial's groups in one cell, results told in a sentence -------

REVIEW = (
    "Table 4.\n"
    "Survival in trials of invented regimens.\n"
    "| Trial | Arms | n | Outcome |\n"
    "|---|---|---|---|\n"
    "| ORION-712 | Surgery vs. surgery → Zentumab | 300 vs. 298 | 3-year OS rate, 40% vs. 52%; "
    "HR, 0.72; 95% CI: 0.58–0.89; P=0.002 |\n"
    "| LYRA13 | Orvexib vs. Zentumab | 210 vs. 205 | 5-year OS rate, 61% vs. 55%; HR, 0.84; "
    "95% CI: 0.66–1.07; P = 0.16 |\n"
    "| VEGA-AIO14 | Zentumab vs. placebo | 120 vs. 118 | 2-year OS rate, 70% vs. 58% |\n"
    "ORION-7: Oncology Research trial 7; LYRA: Long-term trial; OS: overall survival.\n"
)


def test_a_sentence_cell_under_an_outcome_header_is_read_with_the_rows_groups():
    first, second, _ = read(REVIEW)
    assert [brief(f) for f in first.facts] == [
        ("OS", "rate", 40.0, "percent", 36.0, "Surgery", None),
        ("OS", "rate", 52.0, "percent", 36.0, "surgery → Zentumab", None),
        # (the group that adds to the other is the experimental one)
        ("OS", "hazard_ratio", 0.72, "ratio", None, "surgery → Zentumab", "Surgery"),
    ]
    assert [ci(f) for f in first.facts][2] == (0.58, 0.89, 95)
    assert [p(f) for f in first.facts][2] == ("=", 0.002)
    # "A vs. B" sizes are the groups' sizes, their sum the trial's enrolment
    assert set(first.arms) == {("Surgery", 300), ("surgery → Zentumab", 298)}
    assert first.enrolled == 598
    # otherwise the first group is the experimental one
    assert brief(second.facts[2]) == (
        "OS",
        "hazard_ratio",
        0.84,
        "ratio",
        None,
        "Orvexib",
        "Zentumab",
    )


def test_reference_numbers_set_on_trial_names_are_cut():
    # the legend names ORION-7 and LYRA: their last digits are references (12, 13), and so are
    # VEGA-AIO's, the next in the article's order
    assert [r.trial for r in read(REVIEW)] == ["ORION-7", "LYRA", "VEGA-AIO"]


def test_a_name_of_its_own_keeps_its_digits():
    # two names the legend confirms, and one whose digits would leave "KEYNOTE-0"
    names = ["ARTIST42", "KEYNOTE-062", "MAGIC47", "CheckMate 227"]
    assert uncited(names, "ARTIST: a trial; MAGIC: a trial") == [
        "ARTIST",
        "KEYNOTE-062",
        "MAGIC",
        "CheckMate 227",
    ]


# ---- (g) a header listed one cell per line, a legend, a row without its trial's cell ----------

LISTED = (
    "Table 2.\nRef.\n|\nClinical trial\n|\nYr\n|\nDesign\n|\nCases\n|\nAgent\n|\nRR\n|\nPFS\n|\n"
    "Smith et al[3] | ORION-7 | 2009 | Phase II | 30 | Zentumab | 7% | 2-yr PFS; 83% |\n"
    "Jones et al[4] | 2012 | Phase II | 14 | Zentumab | 43% | 4-yr PFS; 64% | |\n"
    "Brown et al[5] | LYRA-2 | 2017 | Subset phase III | 53 | Orvexib | 62% | 2-yr PFS; 89% |\n"
    "RR: Response rate; PFS: Progression-free survival.\n"
)


def test_a_listed_header_its_legend_and_a_row_that_lacks_a_cell():
    rows = read(LISTED)
    assert [r.trial for r in rows] == ["ORION-7", None, "LYRA-2"]
    assert [r.phase for r in rows] == ["2", "2", "3"]  # (as a "Design" cell states it)
    # "RR" is what the legend says (a response rate, not a relative risk); the year is no result
    assert [brief(f) for f in rows[1].facts] == [
        ("ORR", "rate", 43.0, "percent", None, "Zentumab", None),
        ("PFS", "rate", 64.0, "percent", 48.0, "Zentumab", None),
    ]
    assert [f.value for r in rows for f in r.facts if f.unit == "years"] == []


def test_a_share_of_patients_under_a_heading_is_the_headings_result():
    text = (
        "Table 2.\nVariable | Zentumab (N = 211) | Orvexib (N = 212) |\n---|---|---|\n"
        "Objective response | ||\n% of patients (95% CI) | 26 (20–33) | 33 (27–40) |\n"
        "Estimated odds ratio (95% CI) | 0.70 (0.46–1.06) | |\n"
    )
    facts = [f for r in read(text) for f in r.facts]
    assert [(f.endpoint, f.measure, f.value) for f in facts] == [
        ("ORR", "rate", 26.0),
        ("ORR", "rate", 33.0),
        ("ORR", "odds_ratio", 0.70),
    ]


def test_a_legend_spells_out_capital_abbreviations_up_to_its_blank_line():
    legend = "RR: Response rate; Phase: randomised III; N: number\nHR = hazard ratio\n\nOS: later"
    assert legend_terms(legend) == {"RR": "Response rate", "HR": "hazard ratio"}


# ---- (g) a review's table: control and experimental treatment columns, the endpoint in a column
# of its own, reference numbers after the names, typeset hyphens (U+2010) -----------------------

LANDMARK = (
    "TABLE 2.\n"
    "Landmark trials of invented adjuvant regimens\n"
    "Trial name | Backbone | Experimental | Outcome | Control | Experimental | Hazard ratio (95% CI) | P value |\n"
    "---|---|---|---|---|---|---|---|\n"
    "ORION\u20105 a , 31 | Velmurane alone | VZ | 3\u2010year RFS | 48% | 61% | 0.70 (0.52\u20100.94 b ) | .01 |\n"
    "LYRA2207 34 | Velmurane | Velmurane + zentumab | DFS (5\u2010year) | 70.2% | 75.9% | 0.81 (0.66\u20100.99) | .04 |\n"
    "PAVO-3 36 | Surgery | Surgery + zentumab | OS | 40 months | 47 months | 0.85 (0.70\u20101.03) | .10 |\n"
    "KESTREL 37 | Surgery | Surgery + orvexib | OS | 41 months | 52 months | 0.77 (0.61\u20100.97) | .03 |\n"
    "Abbreviations: RFS, relapse\u2010free survival; VZ, velmurane + zentumab.\n"
)


def test_a_landmark_table_reads_each_rows_groups_endpoint_interval_and_trial():
    readings = read(LANDMARK)
    # (two names with their own numbers show the column's references: "KESTREL 37" loses its)
    assert [r.trial for r in readings] == ["ORION-5", "LYRA2207", "PAVO-3", "KESTREL"]
    first, _, _, third = ([brief(f) for f in r.facts] for r in readings)
    assert first == [
        ("OTHER", "rate", 48.0, "percent", 36.0, "Velmurane alone", None),
        ("OTHER", "rate", 61.0, "percent", 36.0, "VZ", None),
        ("OTHER", "hazard_ratio", 0.70, "ratio", None, "VZ", "Velmurane alone"),
    ]
    assert [f.timepoint_months for f in readings[1].facts][:2] == [60.0, 60.0]
    assert third[2] == ("OS", "hazard_ratio", 0.77, "ratio", None, "Surgery + orvexib", "Surgery")
    assert [ci(r.facts[2]) for r in readings] == [
        (0.52, 0.94, 95),
        (0.66, 0.99, 95),
        (0.70, 1.03, 95),
        (0.61, 0.97, 95),
    ]


# ---- (h) a drug label's table one cell a line: groups with their sizes on lines of their own,
# rows of two values, one value or none, intervals and p-values on rows of their own ----------

LABEL_TABLE = (
    "Table 4: Efficacy results from an invented study\n"
    "Velmurane+folinic acid\n"
    "(N= 120)\n"
    "Folinic acid\n"
    "(N= 118)\n"
    "Overall Survival1\n"
    "Median OS (months)\n"
    "7.2\n"
    "5.0\n"
    "(95% CI)\n"
    "(5.9, 8.8)\n"
    "(4.1, 6.0)\n"
    "Hazard Ratio (95% CI)2\n"
    "0.71 (0.52-0.96)\n"
    "p-value3\n"
    "0.021\n"
    "1 Median is the Kaplan-Meier estimate\n"
    "2 Cox model analysis\n"
    "3 Unstratified log-rank test\n"
)


def test_a_labels_table_one_cell_a_line_is_read_by_its_row_labels():
    facts = [f for r in read(LABEL_TABLE) for f in r.facts]
    assert [brief(f) for f in facts] == [
        ("OS", "median", 7.2, "months", None, "Velmurane+folinic acid", None),
        ("OS", "median", 5.0, "months", None, "Folinic acid", None),
        ("OS", "hazard_ratio", 0.71, "ratio", None, "Velmurane+folinic acid", "Folinic acid"),
    ]
    assert [ci(f) for f in facts] == [(5.9, 8.8, 95), (4.1, 6.0, 95), (0.52, 0.96, 95)]
    assert p(facts[2]) == ("=", 0.021)


def test_a_setting_column_before_the_experimental_treatment_is_no_control_group():
    text = (
        "Table 3. Invented trials\n"
        "| Trial | Setting | Experimental | Control | Experimental | HR |\n"
        "|---|---|---|---|---|---|\n"
        "| ORCHID-2 | Adjuvant | Zorvatinib | 48% | 61% | 0.70 |\n"
        "| LYRA-4 | Metastatic | Velmurane | 30% | 41% | 0.81 |\n"
    )
    arms = {(f.value, f.arm, f.comparator) for r in read(text) for f in r.facts}
    assert not {a for _, a, c in arms} & {"Adjuvant", "Metastatic"}
    assert not {c for _, a, c in arms} & {"Adjuvant", "Metastatic"}


def test_numbers_that_name_trials_are_no_references():
    assert unreferenced(["JCOG1104 52", "KEYNOTE 054", "ORCHID-3 56"]) == [
        "JCOG1104",
        "KEYNOTE 054",
        "ORCHID-3",
    ]
    assert unreferenced(["ICON 7", "GOG-0218 12"]) == ["ICON 7", "GOG-0218"]


def test_tab_rows_under_section_lines_with_a_design_column_and_results_in_words():
    # (a header parted from its rows by a blank line and a section's line; the "Study design"
    # column holds the groups each row compares; the results are written as pairs with their
    # unit and endpoint after them)
    text = (
        "Table 2\n\nTrials of an invented antibody.\n\n"
        "Study\tPhase\tStudy design\tResults\tReference\n"
        "\n"
        "1st line\n"
        " ORVEX-1\tIII\tFOLFOX ± zentumab\t44 versus 31% RR\t[3]\n"
        " ORVEX-2\tIII\tCAPOX ± zentumab\t9.8 versus 8.1 mo PFS\t[4]\n"
        "2nd line\n"
        " ORVEX-5\tIII\tZentumab versus supportive care\t6.4 versus 4.2 mo OS\t[5]\n"
    )
    readings = read(text)
    assert [r.trial for r in readings] == [None, "ORVEX-1", "ORVEX-2", None, "ORVEX-5"]
    assert [brief(f) for r in readings for f in r.facts] == [
        ("ORR", "rate", 44.0, "percent", None, "FOLFOX + zentumab", None),
        ("ORR", "rate", 31.0, "percent", None, "FOLFOX", None),
        ("PFS", "median", 9.8, "months", None, "CAPOX + zentumab", None),
        ("PFS", "median", 8.1, "months", None, "CAPOX", None),
        ("OS", "median", 6.4, "months", None, "Zentumab", None),
        ("OS", "median", 4.2, "months", None, "supportive care", None),
    ]


# ---- stacked groups: a study's first row, then a row for each of its other groups ------------

STACKED = (
    "Table 2.\n"
    "Study | Regimen | Setting | No. of patients | Response rate (%) | Median PFS (months) "
    "| p value | Median OS (months) | Hazard ratio | p value |\n"
    "---|---|---|---|---|---|---|---|---|---|\n"
    "ORVEX-1 | Zentumab plus orvexib | M | 210 | 31.5 | 6.2 | < 0.001 | 11.4 | 0.61 | 0.002 |\n"
    "Orvexib | 205 | 12.0 | 3.4 | 7.9 | |||||\n"
    "KESTREL-3 | Daltumab | LA M | 150 | 20.0 | 4 weeks | 0.03 | 8.8 | 0.80 | 0.04 |\n"
    "Kelvimab | 149 | 18.0 | 3.1 | 0.02 | 8.1 | 0.90 | 0.3 | ||\n"
    "Orvexib | 151 | 9.0 | 2 weeks | 7.0 | |||||\n"
)


def test_a_stacked_groups_row_puts_its_label_under_the_treatments_and_its_numbers_in_order():
    rows = read(STACKED)
    by_row = {
        r.row: [(f.endpoint, f.measure, f.value, f.unit, f.arm, p(f)) for f in r.facts]
        for r in rows
    }
    # the reference group's row: no ratio, no p-value, its numbers under its own columns
    assert by_row[1] == [
        ("ORR", "rate", 12.0, "percent", "Orvexib", None),
        ("PFS", "median", 3.4, "months", "Orvexib", None),
        ("OS", "median", 7.9, "months", "Orvexib", None),
    ]
    # each p-value goes to the number of the columns it follows: the median's, then the ratio's
    assert ("PFS", "median", 6.2, "months", "Zentumab plus orvexib", ("<", 0.001)) in by_row[0]
    assert ("OS", "hazard_ratio", 0.61, "ratio", "Zentumab plus orvexib", ("=", 0.002)) in by_row[0]
    # a second experimental group's row fills every number column; a time with its unit counts
    assert [f[:5] for f in by_row[3]] == [
        ("ORR", "rate", 18.0, "percent", "Kelvimab"),
        ("PFS", "median", 3.1, "months", "Kelvimab"),
        ("OS", "median", 8.1, "months", "Kelvimab"),
        ("OS", "hazard_ratio", 0.9, "ratio", "Kelvimab"),
    ]
    assert ("PFS", "median", 2.0, "weeks", "Orvexib", None) in by_row[4]


# ---- lettered groups: a review's table gives each group's values by the letter it gave it ------

LETTERED = (
    "Table 2.\n"
    "Trial | Phase | Treatment | n | DFS | OS |\n"
    "---|---|---|---|---|---|\n"
    "ZENITH-4 | III | A: 1 y K B: 2 y K C: Observation |\n"
    "2100 | A: 2 y DFS: 84.1 C: 2 y DFS: 76.0 p < 0.001 A: 8 y DFS: 70 B: 8 y DFS: 69.5 "
    "HR 0.78 (0.69–0.88) (A vs. C) |\n"
    "A: 2 y: 95 C: 2 y: 94.2 p = 0.31 B/C: 8 y OS: 81 |\n"
)


def test_a_cell_s_values_each_after_its_group_s_letter_are_rates_at_their_times():
    (row,) = read(LETTERED)
    rates = [
        (f.endpoint, f.value, f.timepoint_months, f.arm) for f in row.facts if f.measure == "rate"
    ]
    assert rates == [
        ("OTHER", 84.1, 24.0, "A"),
        ("OTHER", 76.0, 24.0, "C"),
        ("OTHER", 70.0, 96.0, "A"),
        ("OTHER", 69.5, 96.0, "B"),
        ("OS", 95.0, 24.0, "A"),
        ("OS", 94.2, 24.0, "C"),
        ("OS", 81.0, 96.0, "B/C"),
    ]
    assert [(f.value, f.arm, f.comparator) for f in row.facts if f.measure == "hazard_ratio"] == [
        (0.78, "A", "C")
    ]


_ROLES_AND_ENDPOINTS = (
    "Table 1. Completed trials of a device in glioma.\n"
    "Trial Name | Number of Patients | Intervention | Endpoints | Primary endpoint |\n"
    "---|---|---|---|---|\n"
    "ORBIT-11 (NCT09900001) | 240 | Standard: chemotherapy alone; Experimental: device alone "
    "(20-24 h/d) | Median OS 6.8 vs. 6.1 months; 6-month PFS 22.4% vs. 14.1% (NS) | OS |\n"
    "ORBIT-14 (NCT09900002) | 690 | Standard: drug T; Experimental: drug T with device | "
    "Median PFS 7.1 months vs. 4.2 months (p < 0.001) | PFS |\n"
)


def test_a_treatment_cell_that_names_its_groups_by_role_and_an_endpoints_column_of_results():
    readings = read(_ROLES_AND_ENDPOINTS)
    got = [(r.trial, *brief(f)[:3], f.arm) for r in readings for f in r.facts]
    assert got == [
        ("ORBIT-11", "OS", "median", 6.8, "device alone"),
        ("ORBIT-11", "OS", "median", 6.1, "chemotherapy alone"),
        ("ORBIT-11", "PFS", "rate", 22.4, "device alone"),
        ("ORBIT-11", "PFS", "rate", 14.1, "chemotherapy alone"),
        ("ORBIT-14", "PFS", "median", 7.1, "drug T with device"),
        ("ORBIT-14", "PFS", "median", 4.2, "drug T"),
    ]
