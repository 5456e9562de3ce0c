"""A result's label on one line and its value on the next (cards, scorecards, vendor pages) are
read as one line, every offset kept; on composed text."""

from __future__ import annotations

import polars as pl
from hypothesis import given
from hypothesis import strategies as st

from etl.documents.label_lines import join_label_values
from etl.documents.stage import stage_documents
from etl.extract import outcomes_frame, sentences_frame
from etl.quality.derive import _breaks_read, _joined_read
from tests.conftest import files_frame

CARD = (
    "Outcome Data\n"
    "- PFS Control\n"
    "- 5.1 months\n"
    "- PFS Gain\n"
    "- 3.2 months\n"
    "- PFS HR\n"
    "- 0.61 (0.50-0.75)\n"
    "- Trial Phase\n"
    "- Phase III\n"
)


def test_a_label_line_runs_on_into_its_value_line_and_nothing_else_moves():
    joined = join_label_values(CARD)
    assert len(joined) == len(CARD)
    assert joined.split("\n") == [
        "Outcome Data",
        "- PFS Control   5.1 months",
        "- PFS Gain   3.2 months",
        "- PFS HR   0.61 (0.50-0.75)",
        "- Trial Phase",  # (no endpoint named, no value after it)
        "- Phase III",
        "",
    ]


def test_the_values_of_a_card_take_their_labels_and_their_evidence_is_the_source():
    staged = stage_documents(files_frame({"card.txt": "Drug K scorecard\n\n" + CARD}))
    outcomes, _ = outcomes_frame(sentences_frame(staged.record_lines, staged.publications))
    read = outcomes.sort("char_start").select("endpoint", "measure", "value", "arm_label")
    assert read.rows() == [
        ("PFS", "median", 5.1, "control"),
        ("PFS", "difference", 3.2, None),
        ("PFS", "hazard_ratio", 0.61, None),
    ]
    # (the quality rule evidence_matches_source reads the break and the bullet as spaces)
    text = "Drug K scorecard\n\n" + CARD
    spans = outcomes.select("char_start", "char_end", "evidence_text").rows()
    frame = pl.DataFrame(
        {"source": [text[s:e] for s, e, _ in spans], "evidence": [ev for _, _, ev in spans]}
    )
    same = frame.select(_joined_read(pl.col("source")) == _breaks_read(pl.col("evidence")))
    assert same.to_series().all()


def test_table_lines_and_sentences_are_no_labels():
    for text in (
        "PFS | HR |\n0.61 | 0.70 |\n",
        "Median PFS was the primary endpoint.\n12 patients were enrolled.\n",
        "Median PFS:\n12 patients were enrolled in a cohort that is described at length here.\n",
    ):
        assert join_label_values(text) == text


def test_a_label_over_several_values_is_a_tables_row_and_stays_apart():
    text = "Median OS (months)\n6.1\n4.2\nMedian overall survival\n21.3 months\n"
    assert join_label_values(text).split("\n") == [
        "Median OS (months)",
        "6.1",
        "4.2",
        "Median overall survival 21.3 months",
        "",
    ]


@given(st.lists(st.sampled_from(["- PFS HR", "- 0.5 (0.4-0.6)", "OS", "12 months", "", "a | b"])))
def test_joining_keeps_every_offset_and_changes_only_breaks_bullets_and_spaces(lines):
    text = "\n".join(lines)
    joined = join_label_values(text)
    assert len(joined) == len(text)
    assert all(a == b or (a in "\n-" and b == " ") for a, b in zip(text, joined, strict=True))
