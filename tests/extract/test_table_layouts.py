"""Layouts of journal and review tables, on tables composed for the tests (invented drugs,
trials and numbers): groups as columns with results as rows."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from etl.extract.table_outcomes import RowReading
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
