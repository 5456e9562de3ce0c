"""Tables in plain text → grids of cells, on tables composed for the tests (invented drugs,
trials and numbers) in each layout the reader knows."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.documents.table_grid import names_study
from etl.documents.tables import Table, find_tables, heading, is_table_line

FOOTNOTE = (
    "Abbreviations: CI, confidence interval; HR, hazard ratio; NR, not reached; OS, overall "
    "survival; PFS, progression-free survival; ORR, objective response rate; q3w, every 3 weeks."
)


def texts(row) -> list[str | None]:
    return [c.text if c is not None else None for c in row]


def grid(table: Table) -> tuple[list[list[str | None]], list[list[str | None]]]:
    return [texts(h) for h in table.header], [texts(r) for r in table.rows]


def assert_offsets(text: str, table: Table) -> None:
    cells = [c for r in (*table.header, *table.rows, *table.row_headers) for c in r if c]
    for c in cells:
        assert text[c.start : c.end] == c.text and c.text == c.text.strip() and c.text
    for (start, end), row, labels in zip(
        table.row_spans, table.rows, table.row_headers, strict=True
    ):
        inside = [c for c in (*labels, *row) if c]
        assert start == min(c.start for c in inside) and end == max(c.end for c in inside)
    assert table.start <= min(c.start for c in cells) and max(c.end for c in cells) <= table.end


def only_table(text: str) -> Table:
    (table,) = find_tables(text)
    assert_offsets(text, table)
    return table


# ---- (a) pipe rows, one per line ----------------------------------------------------------------


def test_pipe_rows_two_header_rows_and_a_group_label_only_some_rows_carry():
    text = (
        "Table 3.\n"
        "Randomised trials of two invented agents.\n"
        "| Trial (registration number) | Study intervention | Median PFS (95% CI) | Hazard ratio (95% CI; P-value) | Notes | |||\n"
        "|---|---|---|---|---|---|---|---|\n"
        "| Treatment | Control | Treatment | Control | ||||\n"
        "| Targeted agents | ORION-7 (Nbib123456) | Zentumab | Placebo | 9.1 months (8.0–10.2) "
        "| 5.4 months (4.9–6.1) | 0.61 (0.50–0.74; P < 0.001) | first line |\n"
        "| ORION-8 (Nbib654321) | Zentumab + Orvexib | Orvexib | 11.0 months (9.6–12.5) "
        "| 8.2 months (7.1–9.0) | 0.72 (0.60–0.86; P = 0.002) | second line | |\n"
        "Footnote: invented numbers.\n"
    )
    table = only_table(text)
    assert table.layout == "pipe"
    assert table.caption is not None and table.caption.text.startswith("Table 3.")
    header, rows = grid(table)
    assert header == [
        [
            "Trial (registration number)",
            "Study intervention",
            "Study intervention",
            "Median PFS (95% CI)",
            "Median PFS (95% CI)",
            "Hazard ratio (95% CI; P-value)",
            "Notes",
        ],
        [None, "Treatment", "Control", "Treatment", "Control", None, None],
    ]
    # the second row omits the group label: its trial still lands under "Trial"
    assert [r[0] for r in rows] == ["ORION-7 (Nbib123456)", "ORION-8 (Nbib654321)"]
    assert rows[1][3] == "11.0 months (9.6–12.5)"
    assert [texts(r) for r in table.row_headers] == [["Targeted agents"], [None]]
    first_row_line = text.index("| Targeted")
    assert table.row_spans[0] == (first_row_line + 2, text.index(" |\n| ORION-8"))


def test_pipe_rows_markdown_without_separator_need_three_rows():
    text = "Intro.\n| Arm | ORR, % |\n| Zentumab | 41 |\n| Placebo | 12 |\nEnd."
    header, rows = grid(only_table(text))
    assert header == [["Arm", "ORR, %"]] and rows == [["Zentumab", "41"], ["Placebo", "12"]]
    assert find_tables("Home | About | Contact\nNews and more.") == []


# ---- (b) pipe rows continued over lines -------------------------------------------------------


def test_rows_continued_over_lines_and_a_two_group_header_spanning_two_columns():
    text = (
        "Trial | Control arm: drug/dose (n of pts) | Experimental arm: drug/dose (n of pts) "
        "| OS control vs experimental arm | PFS: HR (95% CI) | |\n"
        "---|---|---|---|---|---|\n"
        "KESTREL-2 (14) | orvexib 100 mg QD (120) |\n"
        "zentumab 5 mg/kg q3w (118) |\n"
        "Median: 14.1 months | Median: 19.9 months |\n"
        "0.70 (95% CI: 0.55-0.89). p=0.004 |\n"
        "TALON (15) | placebo (60) | zentumab 5 mg/kg q3w (61) | Median: 7.0 months | Median: NR | 0.52 (95% CI: 0.33-0.81). p=0.003 |\n"
    )
    table = only_table(text)
    header, rows = grid(table)
    assert header[0][3:5] == ["OS control vs experimental arm"] * 2
    assert header[0][5] == "PFS: HR (95% CI)"
    assert rows == [
        [
            "KESTREL-2 (14)",
            "orvexib 100 mg QD (120)",
            "zentumab 5 mg/kg q3w (118)",
            "Median: 14.1 months",
            "Median: 19.9 months",
            "0.70 (95% CI: 0.55-0.89). p=0.004",
        ],
        [
            "TALON (15)",
            "placebo (60)",
            "zentumab 5 mg/kg q3w (61)",
            "Median: 7.0 months",
            "Median: NR",
            "0.52 (95% CI: 0.33-0.81). p=0.003",
        ],
    ]
    # a continued row spans its lines
    start, end = table.row_spans[0]
    assert text[start:end].startswith("KESTREL-2") and text[start:end].endswith("p=0.004")
    assert text[start:end].count("\n") == 3


# ---- (c) one cell per line ------------------------------------------------------------------------


def test_one_cell_per_line_after_a_caption_with_the_column_count_inferred():
    cells = ["Drug", "Study (phase)", "N", "ORR, %", "Median OS, months", "Reference"]
    cells += ["Zentumab", "ORION-7 (III)", "210", "44", "15.2", "[3]"]
    cells += ["Orvexib", "TALON (II)", "58", "N/A", "NR", "[4]"]
    cells += ["Velmurane", "BRAVO (I/II)", "31", "29", "9.8", "[5]"]
    text = (
        "Table 2 Agents in an invented disease\n\nFrom: A review of nothing in particular\n\n"
        + "\n\n".join(cells)
        + "\n\n  1. "
        + FOOTNOTE
        + "\n"
    )
    table = only_table(text)
    assert table.layout == "cell_lines" and table.caption.text.startswith("Table 2")
    header, rows = grid(table)
    assert header == [cells[:6]]
    assert rows == [cells[6:12], cells[12:18], cells[18:24]]
    assert FOOTNOTE[:20] not in text[table.start : table.end]


# ---- (d) one cell per line, each ending with a bar ---------------------------------------------


def test_bar_lines_in_an_abstract_with_row_headers():
    lines = ["|", "|", "Zentumab |", "Placebo |", "|"]
    lines += ["PFS, months, median (95% CI) |", "|", "8.8 (7.1–9.9) |", "4.2 (3.9–5.0) |", "|"]
    lines += ["PFS rate, % |", "6 months |", "61.0 |", "35.5 |", "|"]
    lines += ["|", "12 months |", "40.2 |", "18.7 |", "|"]
    text = "Results: the invented trial met its primary endpoint in every analysis. " * 3
    text += "\n" + "\n".join(lines) + "\nConclusions: " + "nothing to conclude here. " * 8
    table = only_table(text)
    assert table.layout == "bar_lines"
    header, rows = grid(table)
    assert header == [["Zentumab", "Placebo"]]
    assert rows == [["8.8 (7.1–9.9)", "4.2 (3.9–5.0)"], ["61.0", "35.5"], ["40.2", "18.7"]]
    assert [texts(r) for r in table.row_headers] == [
        ["PFS, months, median (95% CI)", None],
        ["PFS rate, %", "6 months"],
        [None, "12 months"],
    ]


# ---- tabs ------------------------------------------------------------------------------------------


def test_tab_separated_rows():
    text = (
        "Outcome\tZentumab (n=120)\tPlacebo (n=118)\nORR, %\t38\t9\nMedian PFS, months\t7.9\t3.1\n"
    )
    header, rows = grid(only_table(text))
    assert header == [["Outcome", "Zentumab (n=120)", "Placebo (n=118)"]]
    assert rows == [["ORR, %", "38", "9"], ["Median PFS, months", "7.9", "3.1"]]


def test_is_table_line():
    assert is_table_line("a | b")
    assert is_table_line("a\tb")
    assert is_table_line("Table 4 Adverse events")
    assert not is_table_line("Median OS was 12.1 months.")


def test_prose_has_no_table():
    assert find_tables("Median OS was 12.1 months (95% CI 10.0-14.2) with zentumab.\n") == []


# ---- any table composed in a layout reads back as the same grid -------------------------------

WORD = st.text(alphabet=string.ascii_lowercase, min_size=3, max_size=9).filter(
    lambda w: w not in ("not",)
)
LABEL = st.lists(WORD, min_size=1, max_size=3).map(lambda ws: " ".join(ws).capitalize())
NUMBER = st.one_of(
    st.builds(lambda a, b: f"{a}.{b}", st.integers(0, 99), st.integers(0, 9)),
    st.builds(lambda a: f"{a}%", st.integers(0, 100)),
    st.builds(
        lambda a, b, c: f"{a}.{b} months ({a}.0–{a + 1}.{c})",
        st.integers(1, 40),
        st.integers(1, 9),
        st.integers(0, 9),
    ),
)


@st.composite
def typed_grids(draw) -> tuple[list[str], list[list[str]]]:
    """A header of labels over a column of labels and columns of numbers."""
    width = draw(st.integers(2, 6))
    height = draw(st.integers(2, 6))
    header = draw(st.lists(LABEL, min_size=width, max_size=width))
    rows = [
        [draw(LABEL), *draw(st.lists(NUMBER, min_size=width - 1, max_size=width - 1))]
        for _ in range(height)
    ]
    return header, rows


def _pipe(header, rows, draw) -> str:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(out)


def _continued(header, rows, draw) -> str:
    out = [" | ".join(header) + " |", "---|" * len(header)]
    for r in rows:
        cuts = sorted(draw(st.sets(st.integers(1, len(r) - 1), max_size=len(r) - 1)))
        for a, b in zip([0, *cuts], [*cuts, len(r)], strict=True):
            out.append(" | ".join(r[a:b]) + " |")
    return "\n".join(out)


def _tabs(header, rows, draw) -> str:
    return "\n".join("\t".join(r) for r in [header, *rows])


def _cell_lines(header, rows, draw) -> str:
    cells = [c for r in [header, *rows] for c in r]
    return "Table 1 Composed\n\n" + "\n\n".join(cells) + "\n\n" + FOOTNOTE


def _bar_lines(header, rows, draw) -> str:
    cells = [c for r in [["", *header[1:]], *rows] for c in [*r, ""]]
    return "\n".join(f"{c} |" if c else "|" for c in cells)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    typed_grids(),
    st.sampled_from([_pipe, _continued, _tabs, _cell_lines, _bar_lines]),
    st.data(),
)
def test_composed_tables_read_back_as_composed(composed, layout, data):
    header, rows = composed
    body = layout(header, rows, data.draw)
    text = "An invented report opens here.\n\n" + body + "\n\nIt closes here.\n"
    table = only_table(text)
    labels = [texts(r) for r in table.row_headers]
    full_rows = [lab + r for lab, r in zip(labels, grid(table)[1], strict=True)]
    assert full_rows == rows
    expected_header = header[1:] if layout is _bar_lines else header
    assert grid(table)[0] == [expected_header]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                ["|", " | ", "\n", "\t", "---|---|", "Table 1", "\n|\n", "NR", "(", ")", "–"]
            ),
            st.text(alphabet="ab |\n\t0123456789.%-:;()", max_size=12),
        ),
        max_size=60,
    ).map("".join)
)
def test_any_text_reads_without_error_and_cells_slice_the_text(text):
    for table in find_tables(text):
        assert_offsets(text, table)
        assert len(table.rows) == len(table.row_spans) == len(table.row_headers)


# ---- headings of sections ------------------------------------------------------------------------


def test_a_row_of_one_cell_heads_the_rows_below_it():
    text = (
        "| Outcome | Zentumab | Placebo |\n|---|---|---|\n"
        "| Overall survival | | |\n"
        "| Median, months | 11.2 | 8.0 |\n"
        "| 12.5 | | |\n"
        "| ORION-7 study (Author, 2020) | | |\n"
        "| Median, months | 9.1 | 6.3 |\n"
    )
    table = only_table(text)
    found = [heading(table, r) for r in range(len(table.rows))]
    assert [h.text if h else None for h in found] == [
        "Overall survival",
        None,
        None,  # (a number alone is no heading)
        "ORION-7 study (Author, 2020)",
        None,
    ]
    assert [names_study(h.text) for h in found if h] == [False, True]
    two_columns = only_table("| Arm | ORR, % |\n|---|---|\n| Zentumab | |\n| Placebo | 12 |\n")
    assert heading(two_columns, 0) is None


def test_a_study_heading_names_one_study():
    assert names_study("ORION-7 (Author et al, 2020)")
    assert names_study("Drug A vs drug B phase III trial (Author, 2019)")
    assert not names_study("Randomised trials")
    assert not names_study("Progression-free survival")


def test_rows_all_narrower_than_the_header_sit_under_the_header_cells_their_kinds_fit():
    # the study column holds only the headings: the rows start under "Arm"
    text = (
        "Study | Arm | N | Median OS, months | HR |\n---|---|---|---|---|\n"
        "ORION-7 study (Author, 2020) | ||||\n"
        "Zentumab | 120 | 11.2 | 0.71 | |\n"
        "Placebo | 118 | 8.0 | ||\n"
    )
    _, rows = grid(only_table(text))
    assert rows == [
        ["ORION-7 study (Author, 2020)", None, None, None, None],
        [None, "Zentumab", "120", "11.2", "0.71"],
        [None, "Placebo", "118", "8.0", None],
    ]
    # a last column that no row fills stays where it is
    notes = "| Trial | N | ORR, % | Notes |\n|---|---|---|---|\n| ORION-7 | 120 | 41 |\n"
    notes += "| TALON-2 | 64 | 30 |\n"
    assert grid(only_table(notes))[1] == [
        ["ORION-7", "120", "41", None],
        ["TALON-2", "64", "30", None],
    ]
