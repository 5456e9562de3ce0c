"""A review's table copied a cell a line, each trial's name heading a block of cells of its own
width: its design, its groups, its results in words. No grid holds it; each block is read as a
record whose title is the trial's name. The document is written for these tests."""

from __future__ import annotations

import polars as pl
import pytest

from etl.documents.kinds import is_trial_heading, trial_heading
from etl.documents.stage import stage_documents
from etl.documents.tables import find_tables
from etl.extract import outcomes_frame, sentences_frame
from etl.extract.context import record_context
from etl.extract.trial_names import named
from tests.conftest import files_frame

BLOCKS = (
    "Table 2 Outcomes of invented phase 3 trials in untreated disease\n\n"
    "From: An invented review of first-line choices\n\n"
    "Study\n\nResponse\n\nPFS\n\nOS\n\n"
    "CLL31 [11, 12]\n\n"
    "Phase III, fit patients (aged 30-80)\n\n"
    "ABX vs. AB\u2014intended six cycles each\n\n"
    "Median follow-up 4.1 years; median PFS 48.2 m (ABX) vs. 30.1 m (AB), HR 0.61 "
    "(95% CI 0.50\u20130.74), (p < 0.001)\n\n"
    "OS rates 85% (ABX) vs. 80% (AB), (p = 0.03)\n\n"
    "ORBIT-7 [13]\n\n"
    "Phase III, older patients\n\n"
    "Zx vs. Cb, cross-over allowed upon progression\n\n"
    "Median follow-up 60 months; median PFS 40 m (Zx) vs. 18 m (Cb), HR 0.35 "
    "(95% CI, 0.25\u20130.49)\n"
)


def test_no_grid_is_read_in_blocks_of_cells_a_trial_each():
    assert find_tables(BLOCKS) == []


def test_each_block_is_a_record_titled_by_its_trial():
    staged = stage_documents(files_frame({"review.txt": BLOCKS}))
    titles = staged.record_lines.filter(pl.col("role") == "title").get_column("line")
    assert titles.to_list() == ["CLL31 [11, 12]", "ORBIT-7 [13]"]


def test_each_result_is_its_blocks_trials_and_its_groups():
    staged = stage_documents(files_frame({"review.txt": BLOCKS}))
    sentences = sentences_frame(staged.record_lines, staged.publications)
    outcomes, _ = outcomes_frame(sentences)
    titles = dict(
        staged.record_lines.filter(pl.col("role") == "title")
        .join(staged.publications.select("publication_id", "record_index"), on="record_index")
        .select("publication_id", "line")
        .iter_rows()
    )
    rows = {
        (titles.get(p), e, m, v): (a, c)
        for p, e, m, v, a, c in outcomes.select(
            "publication_id", "endpoint", "measure", "value", "arm_label", "comparator_label"
        ).iter_rows()
    }
    assert rows[("CLL31 [11, 12]", "PFS", "median", 48.2)] == ("ABX", None)
    assert rows[("CLL31 [11, 12]", "PFS", "median", 30.1)] == ("AB", None)
    assert rows[("CLL31 [11, 12]", "PFS", "hazard_ratio", 0.61)] == ("ABX", "AB")
    assert rows[("CLL31 [11, 12]", "OS", "rate", 80.0)] == ("AB", None)
    assert rows[("ORBIT-7 [13]", "PFS", "hazard_ratio", 0.35)] == ("Zx", "Cb")


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("CLL31 [11, 12]", True),  # (a disease's initials with the number glued: a study's)
        ("ORBIT-7 [13]", True),
        ("AML17", True),
        ("AML1", False),  # (a gene)
        ("MCL1", False),
        ("HCC827", False),  # (a cell line)
        ("NSCLC 2", False),
        ("HER2", False),
        ("Table 2", False),
    ],
)
def test_a_trial_heading_may_carry_its_references(line: str, heading: bool):
    assert is_trial_heading(line) is heading
    assert pl.select(trial_heading(pl.lit(line))).item() is heading


def test_a_disease_numbered_study_is_a_trial_name_and_a_gene_is_not():
    assert [n for n, _, _ in named("CLL31 [11, 12]", first=True)] == ["CLL31"]
    assert list(named("AML1 mutations were frequent", first=True)) == []


def test_an_em_dash_remark_after_a_group_is_no_part_of_its_name():
    context = record_context(["ORBIT-7", "Zx vs. Cb\u2014until progression", "PFS 40 m vs. 18 m"])
    assert context.labels == ["Zx", "Cb"]


def test_a_disease_numbered_gene_in_a_sentence_is_no_trial():
    assert "MCL1" not in [
        n for n, _, _ in named("The MCL1 inhibitor was given to 30 patients.", first=True)
    ]


def test_a_row_of_many_numbers_is_read_at_once_and_names_no_trial():
    # (a number-at-risk row: the heading pattern once tried every split of its digits)
    row = "OS " + " ".join(str(400 - 7 * i) for i in range(40)) + " (no. at risk)"
    assert not is_trial_heading(row)
    assert not pl.select(trial_heading(pl.lit(row))).item()
