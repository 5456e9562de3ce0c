"""A drug label's table copied a cell a line without a "Table N" caption above it: its header
opens with the corner's words, each group's name wrapped over lines above its size, a row's
label wrapped before its bracket, each value's interval on the line after it, and bulleted
footnotes below. The document is written for these tests."""

from __future__ import annotations

import polars as pl

from etl.documents.stage import stage_documents
from etl.documents.tables import find_tables
from etl.extract import sentences_frame
from etl.extract.table_readings import table_frames
from etl.vocab.endpoints import endpoint_mentions
from tests.conftest import files_frame

LABEL_PAGE = (
    "Efficacy results in an invented randomised study\n\n"
    "Efficacy endpointsa Drug Q\nplus R\n(n = 40)\n"
    "Placebo\nplus R\n(n = 42)\n"
    "Overall response rate, %\n(95% CI, %)\n"
    "31.0\n(18.1, 46.6)\n"
    "45.2\n(29.8, 61.3)\n"
    "Complete response rate,b % 5.0 9.5\n"
    "Partial response rate, % 26.0 35.7\n"
    "  \u2022 aMedian duration of follow-up: drug Q: 9.1 months; placebo: 10.4 months.\n"
    "  \u2022 bConfirmed by a second scan at least 4 weeks later in every patient assessed.\n"
)


def test_a_header_without_a_caption_is_found_with_its_groups_whole():
    (table,) = find_tables(LABEL_PAGE)
    header = [c.text if c else None for c in table.header[0]]
    assert header[1:] == ["Drug Q\nplus R\n(n = 40)", "Placebo\nplus R\n(n = 42)"]
    # (the bulleted footnotes are no rows)
    assert not any("follow-up" in row[0].text for row in table.rows if row[0] is not None)


def test_each_value_of_the_table_is_its_groups_with_its_interval():
    staged = stage_documents(files_frame({"label.txt": LABEL_PAGE}))
    sentences = sentences_frame(staged.record_lines, staged.publications, staged.table_rows)
    outcomes = table_frames(sentences, staged.documents, staged.tables).outcomes
    rows = outcomes.filter(pl.col("measure") == "rate").select(
        "endpoint", "value", "arm_label", "ci_level", "ci_lower", "ci_upper"
    )
    assert sorted(rows.rows()) == [
        ("CR", 5.0, "Drug Q plus R", None, None, None),
        ("CR", 9.5, "Placebo plus R", None, None, None),
        ("ORR", 31.0, "Drug Q plus R", 95.0, 18.1, 46.6),
        ("ORR", 45.2, "Placebo plus R", 95.0, 29.8, 61.3),
        ("PR", 26.0, "Drug Q plus R", None, None, None),
        ("PR", 35.7, "Placebo plus R", None, None, None),
    ]


def test_remissions_and_first_responses_name_their_endpoints():
    assert [m[2] for m in endpoint_mentions("Partial remission rate was 25%")] == ["PR"]
    assert [m[2] for m in endpoint_mentions("the median time to initial response was 1 month")] == [
        "TTR"
    ]


def test_bulleted_row_labels_are_rows_not_footnotes():
    text = (
        "Table 3 Overall survival by subgroup\n"
        "Subgroup\nDrug Q\n(n = 50)\nPlacebo\n(n = 52)\n"
        "Age\n\u2022 < 65 years\n0.61\n0.72\n\u2022 \u2265 65 years\n0.80\n0.90\n"
    )
    (table,) = find_tables(text)
    labels = [row[0].text for row in table.rows if row[0] is not None]
    assert "\u2022 < 65 years" in labels and "\u2022 \u2265 65 years" in labels
