"""Hard-wrapped prose (a PDF's or a mail's copy) is read as its paragraphs. Texts written for the
tests."""

from __future__ import annotations

import textwrap

from hypothesis import given
from hypothesis import strategies as st

from etl.documents.stage import stage_documents
from etl.documents.wraps import unwrap
from etl.extract import outcomes_frame, sentences_frame
from tests.conftest import files_frame

_ABSTRACT = (
    "Drug K has shown activity in pretreated disease. We conducted a phase 3, open-label trial "
    "in patients with advanced gastric cancer who had received one previous line of therapy. "
    "Patients were randomly assigned in a 1:1 ratio to receive drug K or the physician's choice "
    "of chemotherapy. The primary end point was progression-free survival. The median "
    "progression-free survival was 9.4 months (95% confidence interval [CI], 8.1 to 10.9) in "
    "the drug K group and 5.2 months (95% CI, 4.4 to 6.0) in the chemotherapy group (hazard "
    "ratio for disease progression or death, 0.61; 95% CI, 0.50 to 0.74; P<0.001)."
)


def _outcomes(text: str):
    staged = stage_documents(files_frame({"w.txt": text}))
    outcomes, _ = outcomes_frame(sentences_frame(staged.record_lines, staged.publications))
    return outcomes.sort("char_start")


def test_a_wrapped_abstract_reads_as_the_same_abstract_on_one_line():
    wrapped = textwrap.fill(_ABSTRACT, width=88)
    assert wrapped.count("\n") >= 5
    got = _outcomes(wrapped).select("measure", "value", "ci_lower", "ci_upper", "arm_label").rows()
    assert (
        got
        == _outcomes(_ABSTRACT)
        .select("measure", "value", "ci_lower", "ci_upper", "arm_label")
        .rows()
    )
    # the interval split over two lines and the groups named across a break are read
    assert ("median", 5.2, 4.4, 6.0, "chemotherapy group") in got
    assert ("hazard_ratio", 0.61, 0.5, 0.74, "drug K group") in got


def test_evidence_still_points_at_the_file():
    wrapped = textwrap.fill(_ABSTRACT, width=80)
    outcomes = _outcomes(wrapped)
    for start, end, value_start, value_end in outcomes.select(
        "char_start", "char_end", "value_start", "value_end"
    ).rows():
        # (the same characters but for the breaks, read as spaces)
        assert wrapped[start:end].replace("\n", " ") in unwrap(wrapped)
        assert wrapped[value_start:value_end].replace("\n", " ").strip()[0].isdigit()


def test_lines_that_are_paragraphs_or_a_list_are_left_as_they_are():
    paragraphs = "\n".join([_ABSTRACT] * 3)
    assert unwrap(paragraphs) == paragraphs
    summary = (
        "Design: phase 3, randomised\n"
        "Drug K (n=300) vs. placebo (n=301)\n"
        "Efficacy\n"
        "Median PFS: 9.4 vs. 5.2 months, HR 0.61, p<0.001\n"
        "Median OS: 20.1 vs. 16.3 months, HR 0.80, p=0.02\n"
        "Safety\n"
        "Grade 3 events: 30% vs. 22%\n"
    )
    assert unwrap(summary) == summary
    table = "\n".join(f"| Trial {i} | Drug K | 9.{i} months | 0.6{i} |" for i in range(6))
    assert unwrap(table) == table


def test_lines_that_end_with_values_are_a_table_s_rows_not_wrapped_prose():
    """A table copied as text, each row's label and values joined with spaces on a line (some
    lines filled to the width and ending in no full stop, as wrapped prose does): left as it is."""
    rows = (
        "Outcome Drug K (n=300) Placebo (n=301)\n"
        "Median progression-free survival (months) (95% CI) 9.4 (8.1 to 10.9) 5.2 (4.4 to 6.0)\n"
        "  Stratified hazard ratio for progression or death (95% CI) 0.61 (0.50 to 0.74)\n"
        "Median overall survival (months) (95% CI) 20.1 (18.0 to 22.9) 16.3 (14.1 to 18.0)\n"
        "Objective response rate, % (95% CI) 41 (35 to 47) 12 (9 to 16)\n"
        "Grade 3 or higher adverse events, % of the patients in each group 30.2 22.4\n"
        "Adverse events leading to discontinuation of the assigned treatment 8.1 3.3\n"
        "Treatment-related deaths, n, in the safety population of either group 2 1\n"
    )
    assert unwrap(rows) == rows


def test_headings_and_the_last_line_of_a_paragraph_keep_their_breaks():
    wrapped = "Results\n" + textwrap.fill(_ABSTRACT, width=88) + "\nConclusions\nDrug K works."
    lines = unwrap(wrapped).split("\n")
    assert lines[0] == "Results"
    assert lines[-2:] == ["Conclusions", "Drug K works."]


@given(st.text(alphabet=st.sampled_from("ab .,\n\r|x"), max_size=400))
def test_unwrapping_changes_only_line_breaks_into_spaces(text: str):
    out = unwrap(text)
    assert len(out) == len(text)
    for a, b in zip(text, out, strict=True):
        assert a == b or (a in "\r\n" and b == " ")


def test_a_wrapped_abstract_above_an_abstract_of_paragraphs_is_still_unwrapped():
    wrapped = textwrap.fill(_ABSTRACT, width=88)
    paragraphs = "\n\n".join(["Final analysis of the trial", _ABSTRACT + " " + _ABSTRACT])
    text = wrapped + "\n\n" + paragraphs
    unwrapped = unwrap(text)
    assert len(unwrapped) == len(text)
    # (a break left in the wrapped part ends a sentence; the paragraphs are as they were)
    first = unwrapped[: len(wrapped)]
    assert first.count("\n") < wrapped.count("\n")
    assert all(line.endswith(".") for line in first.split("\n")[:-1])
    assert unwrapped.endswith(paragraphs)
