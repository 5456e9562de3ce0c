"""Tables of trials written a trial a column (reviews comparing a few trials side by side), and
the comparison a cell states in brackets after its groups' values. Tables written for the
tests."""

from __future__ import annotations

import polars as pl

from etl.documents.stage import stage_documents
from etl.documents.tables import find_tables
from etl.extract import sentences_frame, trial_mentions_frame
from etl.extract.table_groups import caption_groups
from etl.extract.table_outcomes import read_table
from etl.extract.table_readings import table_frames
from tests.conftest import files_frame

# (U+2010 in the first name, as pages typeset hyphens; registry numbers glued to the names)
SIDE_BY_SIDE = (
    "Table 1. Three invented trials of kinase inhibitors.\n"
    "Trial | | | |\n"
    "---|---|---|---|\n"
    "Characteristic | ORION\u20107NCT01234567 | ZENITH-12NCT07654321 | AURORA 3NCT01111111 |\n"
    "Treatment arms | | | |\n"
    "Women enrolled, n | 108 | 672 | 114 |\n"
    "Median PFS, mo, experimental vs. control | 11.2 vs. 4.6 | 23.8 vs. 13.0 | 16.4 vs. 9.3 |\n"
    "Median OS, mo, experimental vs. control (hazard ratio; 95% CI) "
    "| 34.9 vs. 28.0 (0.81; 0.64\u20131.03; p = .09) | NR vs. 40.9 (0.71; 0.54\u20130.95; p = .01) "
    "| 46.7 vs. 37.3 (0.76; 0.61\u20130.94; p = .01) |\n"
    "NR, not reached.\n"
)


def _facts(text: str) -> dict[str | None, list[tuple]]:
    (table,) = find_tables(text)
    out: dict[str | None, list[tuple]] = {}
    for reading in read_table(text, table):
        for f in reading.facts:
            written = text[reading.span[0] + f.start : reading.span[0] + f.end]
            assert float(written) == f.value  # each number traced to where it is written
            ci = (f.ci.lower, f.ci.upper) if f.ci else None
            p = (f.p.operator, f.p.value) if f.p else None
            out.setdefault(reading.trial, []).append(
                (f.endpoint, f.measure, f.value, f.arm, f.comparator, ci, p)
            )
    return out


def test_a_trial_a_column_is_read_a_trial_a_row():
    (table,) = find_tables(SIDE_BY_SIDE)
    assert [row[0].text for row in table.rows] == [
        "ORION\u20107NCT01234567",
        "ZENITH-12NCT07654321",
        "AURORA 3NCT01111111",
    ]
    # every cell still where the document writes it
    for row in table.rows:
        for cell in row:
            assert cell is None or SIDE_BY_SIDE[cell.start : cell.end] == cell.text


def test_each_trial_gets_its_own_column_s_results_with_the_header_s_groups():
    facts = _facts(SIDE_BY_SIDE)
    assert set(facts) == {"ORION-7", "ZENITH-12", "AURORA 3"}
    assert [f for f in facts["ORION-7"] if f[0] in ("PFS", "OS")] == [
        ("PFS", "median", 11.2, "experimental", None, None, None),
        ("PFS", "median", 4.6, "control", None, None, None),
        ("OS", "median", 34.9, "experimental", None, None, None),
        ("OS", "median", 28.0, "control", None, None, None),
        # the bracket after the pair is the comparison's: the ratio the header's bracket names
        ("OS", "hazard_ratio", 0.81, "experimental", "control", (0.64, 1.03), ("=", 0.09)),
    ]
    # a group not reached keeps its place: 40.9 is the control's
    assert [f for f in facts["ZENITH-12"] if f[0] == "OS"] == [
        ("OS", "median", 40.9, "control", None, None, None),
        ("OS", "hazard_ratio", 0.71, "experimental", "control", (0.54, 0.95), ("=", 0.01)),
    ]


def _table_mentions(text: str) -> pl.DataFrame:
    """The trial mentions of one page, the names its tables give included."""
    staged = stage_documents(files_frame({"review.txt": text}))
    sentences = sentences_frame(staged.record_lines, staged.publications, staged.table_rows)
    tabled = table_frames(sentences, staged.documents, staged.tables)
    return trial_mentions_frame(sentences, staged.publications, tabled.names)


def test_each_turned_row_names_its_own_trial_only():
    mentions = _table_mentions(SIDE_BY_SIDE)
    per_row = (
        mentions.filter(pl.col("acronym").is_not_null())
        .group_by("sentence_id")
        .agg(pl.col("acronym").unique())
        .get_column("acronym")
        .to_list()
    )
    assert sorted(names[0] for names in per_row) == ["AURORA 3", "ORION-7", "ZENITH-12"]
    assert all(len(names) == 1 for names in per_row)
    ncts = set(mentions.get_column("nct_id").drop_nulls())
    assert ncts == {"NCT01234567", "NCT07654321", "NCT01111111"}


def test_a_table_of_a_trial_a_row_is_not_turned():
    text = (
        "Table 2. Trials.\n"
        "Trial | Median PFS, mo | Median OS, mo |\n"
        "---|---|---|\n"
        "ORION-7 | 11.2 | 34.9 |\n"
        "ZENITH-12 | 23.8 | 40.9 |\n"
    )
    (table,) = find_tables(text)
    assert [row[0].text for row in table.rows] == ["ORION-7", "ZENITH-12"]


def test_a_pair_s_bracket_without_a_named_ratio_gives_no_number():
    text = (
        "Table 3. Trials.\n"
        "Trial | Median OS, mo, A vs. B |\n"
        "---|---|\n"
        "ORION-7 | 34.9 vs. 28.0 (0.81; 0.64\u20131.03) |\n"
        "ZENITH-12 | 23.8 vs. 13.0 (HR 0.61, 95% CI 0.50\u20130.75) |\n"
    )
    facts = _facts(text)
    assert [f[1:3] for f in facts["ORION-7"]] == [("median", 34.9), ("median", 28.0)]
    assert facts["ZENITH-12"][-1][:3] == ("OS", "hazard_ratio", 0.61)


# a review's table of trials whose first column, headed "Ref.", names each row's trial with the
# number of its reference glued on
UNDER_REF = (
    "Table 2.\nRandomized trials of drug K against chemotherapy\n"
    "| Ref. | Treatment | Median PFS (mo) | HR for PFS |\n"
    "| HERON7[9] | drug K | 9.2 | 0.48 |\n"
    "| SANDPIPER[10] | drug K | 10.8 | 0.30 |\n"
    "HR: Hazard ratio; PFS: Progression-free survival.\n"
)


def test_trials_named_under_a_reference_header_with_their_reference_numbers_are_the_rows():
    mentions = _table_mentions(UNDER_REF)
    assert set(mentions.get_column("acronym").drop_nulls()) == {"HERON7", "SANDPIPER"}


# a review's table of three trials side by side, its cells joined with single spaces, its caption
# saying what the trials compare
SPACED_SIDE_BY_SIDE = (
    "Table 1.\n"
    "\n"
    "Results of randomized trials comparing drug K versus standard chemotherapy in patients "
    "with an invented lymphoma.\n"
    "\n"
    "Study name and reference ORION-7 (19) ZENITH-12 (21) KALDA-3 (20)\n"
    "Drug K product in experimental arm Kel-A Kel-B Kel-C\n"
    "Number of patients 359 184 322\n"
    "Median time to infusion 29 days 34 days 52 days\n"
    "Bridging therapy allowed Steroids only One cycle of chemotherapy Two cycles\n"
    "Complete response rate (%) 65% vs 32% 74% vs 43% 28% vs 28%\n"
    "Median progression-free survival (months) 14.7 vs. 3.7 Not reached vs. 6.2 na\n"
    "Any grade CRS/NE (%) 92%/60% 49%/11% 61%/10%\n"
    "\n"
    "CRS, cytokine release syndrome; NE, neurologic event.\n"
)


def test_a_spaced_table_of_trials_side_by_side_gives_each_trial_its_column_s_pairs():
    """Each trial's column: its pairs are its experimental group's (the row of treatments) and
    the control's (what the caption compares with); "Not reached vs. 6.2" keeps its place; a
    slash pair under a slashed header ("CRS/NE") is two results of the experimental group."""
    facts = _facts(SPACED_SIDE_BY_SIDE)
    assert set(facts) == {"ORION-7", "ZENITH-12", "KALDA-3"}
    assert [f[:4] for f in facts["ZENITH-12"] if f[0] != "OTHER"] == [
        ("CR", "rate", 74.0, "Kel-B"),
        ("CR", "rate", 43.0, "standard chemotherapy"),
        ("PFS", "median", 6.2, "standard chemotherapy"),
        ("AE", "rate", 49.0, "Kel-B"),
        ("AE", "rate", 11.0, "Kel-B"),
    ]
    # (a value that is no pair stays the trial's treatment's)
    assert next(f[2:4] for f in facts["ZENITH-12"] if f[0] == "OTHER") == (34.0, "Kel-B")
    # (the row of words, "Bridging therapy allowed ...", is no row of numbers)
    (table,) = find_tables(SPACED_SIDE_BY_SIDE)
    assert not any("Bridging" in c.text for c in table.header[0] if c is not None)


def test_a_caption_comparing_results_names_no_groups():
    assert caption_groups("Trials comparing drug K versus placebo in men") == ("drug K", "placebo")
    assert caption_groups("Trials comparing response rates to chemotherapy") is None
    assert caption_groups("Trials comparing outcomes with and without maintenance") is None
