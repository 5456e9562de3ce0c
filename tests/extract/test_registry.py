"""Registry pages: eligibility criteria, outcome measures with time frames, sites and arms, read
from the layouts registries print (pages composed for these tests, not the seed's)."""

from __future__ import annotations

import polars as pl
from hypothesis import given
from hypothesis import strategies as st

from etl.documents.stage import stage_documents
from etl.extract import outcomes_frame, registry_frames, sentences_frame
from etl.extract.registry import (
    Line,
    arms,
    criteria,
    locations,
    outcome_measures,
    sections,
    without_measure_definitions,
)
from tests.conftest import files_frame

_CTGOV_STYLE = """Study Overview
A Phase 2 Study of Zanubrutinib Plus Regorafenib in Advanced Gastric Cancer
ClinicalTrials.gov Identifier: NCT09876543
Overall Status
Active, not recruiting
Sponsor
Northern Oncology Group
Enrollment
64
Arms and Interventions
Experimental: Zanubrutinib + Regorafenib
Drug: Zanubrutinib
Drug: Regorafenib
Zanubrutinib 160 mg orally twice daily plus regorafenib 80 mg once daily, days 1-21 of each 28-day cycle.
Active Comparator: Regorafenib
Drug: Regorafenib
Regorafenib 160 mg orally once daily, days 1-21 of each 28-day cycle.
Primary Outcome Measures
Progression-free survival [Time Frame: up to 36 months]
Time from randomization to progression or death.
Secondary Outcome Measures
Overall survival [Time Frame: up to 5 years]
Objective response rate
Time Frame: every 8 weeks until progression
Quality of life score (EORTC QLQ-C30) [Time Frame: baseline to week 24]
Eligibility Criteria
Inclusion Criteria:
- Histologically confirmed gastric adenocarcinoma
- ECOG performance status 0 or 1
Exclusion Criteria:
- Prior BTK inhibitor
- Active hepatitis B infection
Locations
Hospital Universitario del Norte
Santander, Cantabria, 39008, Spain
Klinikum Rechts der Isar
Munich, Germany
Contact: Dr. A. Example
"""


def _lines(text: str) -> list[Line]:
    out, at = [], 0
    for i, raw in enumerate(text.split("\n")):
        out.append(Line(raw, at, f"s{i}"))
        at += len(raw) + 1
    return out


def _section(text: str, code: str) -> list[Line]:
    return next(lines for c, lines in sections(_lines(text)) if c == code)


def test_sections_run_from_their_heading_to_the_next_heading():
    found = [code for code, _ in sections(_lines(_CTGOV_STYLE))]
    assert found == [
        "arms",
        "primary_outcome",
        "secondary_outcome",
        "inclusion",
        "exclusion",
        "locations",
    ]
    # "Overall Status" and "Sponsor" are headings too: they end no read section but are not items
    assert all(
        line.text != "Sponsor" for _, lines in sections(_lines(_CTGOV_STYLE)) for line in lines
    )


def test_criteria_are_split_by_kind_without_their_bullets():
    rows = criteria("inclusion", _section(_CTGOV_STYLE, "inclusion"))
    rows += criteria("exclusion", _section(_CTGOV_STYLE, "exclusion"))
    assert [(r["kind"], r["ordinal"], r["criterion"]) for r in rows] == [
        ("inclusion", 1, "Histologically confirmed gastric adenocarcinoma"),
        ("inclusion", 2, "ECOG performance status 0 or 1"),
        ("exclusion", 1, "Prior BTK inhibitor"),
        ("exclusion", 2, "Active hepatitis B infection"),
    ]
    for r in rows:  # the offsets give back the criterion
        assert _CTGOV_STYLE[r["char_start"] : r["char_end"]] == r["criterion"]


def test_criteria_under_subheadings_of_one_eligibility_section():
    page = (
        "Eligibility\nCriteria\nInclusion criteria\n* Age 18 years or older\n"
        "Exclusion criteria\n* Pregnancy\n* Prior liver transplant\n"
    )
    rows = [r for code, lines in sections(_lines(page)) for r in criteria(code, lines)]
    assert [(r["kind"], r["ordinal"], r["criterion"]) for r in rows] == [
        ("inclusion", 1, "Age 18 years or older"),
        ("exclusion", 1, "Pregnancy"),
        ("exclusion", 2, "Prior liver transplant"),
    ]


def test_a_number_on_its_own_line_belongs_to_the_criterion_after_it():
    page = "Exclusion Criteria\n  1.\nPrior anti-PD-1 therapy;\n  2.\nUncontrolled ascites;\n"
    rows = criteria("exclusion", _section(page, "exclusion"))
    assert [(r["ordinal"], r["criterion"]) for r in rows] == [
        (1, "Prior anti-PD-1 therapy"),
        (2, "Uncontrolled ascites"),
    ]


def test_outcome_measures_keep_their_time_frames_in_each_layout():
    primary = outcome_measures("primary_outcome", _section(_CTGOV_STYLE, "primary_outcome"))
    assert [(r["measure_name"], r["endpoint"], r["time_frame"]) for r in primary] == [
        ("Progression-free survival", "PFS", "up to 36 months")
    ]
    assert primary[0]["description"] == "Time from randomization to progression or death."
    secondary = outcome_measures("secondary_outcome", _section(_CTGOV_STYLE, "secondary_outcome"))
    assert [(r["kind"], r["measure_name"], r["endpoint"], r["time_frame"]) for r in secondary] == [
        ("secondary", "Overall survival", "OS", "up to 5 years"),
        ("secondary", "Objective response rate", "ORR", "every 8 weeks until progression"),
        ("secondary", "Quality of life score (EORTC QLQ-C30)", "OTHER", "baseline to week 24"),
    ]


def test_table_cells_run_together_are_split_at_the_time_frame():
    page = (
        "Primary Outcome Measures\nNameTimeMethod\n"
        "Time to progression (TTP)through study completion, an average of 18 months.\n"
        "TTP is the time from the first dose to radiological progression.\n"
        "Duration of response | 3 years | From first response to progression\n"
    )
    rows = outcome_measures("primary_outcome", _section(page, "primary_outcome"))
    assert [(r["measure_name"], r["endpoint"], r["time_frame"]) for r in rows] == [
        ("Time to progression (TTP)", "TTP", "through study completion, an average of 18 months"),
        ("Duration of response", "DOR", "3 years"),
    ]
    assert rows[0]["description"].startswith("TTP is the time")


def test_sites_pair_a_facility_with_its_address():
    rows = locations(_section(_CTGOV_STYLE, "locations"))
    assert [(r["facility"], r["city"], r["region"], r["country"]) for r in rows] == [
        ("Hospital Universitario del Norte", "Santander", "Cantabria", "Spain"),
        ("Klinikum Rechts der Isar", "Munich", None, "Germany"),
    ]
    first = rows[0]
    assert _CTGOV_STYLE[first["char_start"] : first["char_end"]].startswith(
        "Hospital Universitario"
    )
    assert _CTGOV_STYLE[first["char_start"] : first["char_end"]].endswith("Spain")


def test_typed_arms_collect_their_interventions_and_description():
    rows = arms(_section(_CTGOV_STYLE, "arms"))
    assert [(r["label"], r["intervention"]) for r in rows] == [
        ("Zanubrutinib + Regorafenib", "Zanubrutinib; Regorafenib"),
        ("Regorafenib", "Regorafenib"),
    ]
    assert (
        rows[1]["description"]
        == "Regorafenib 160 mg orally once daily, days 1-21 of each 28-day cycle."
    )


def test_arm_table_rows_with_cells_run_together_are_split():
    page = (
        "Arms & Interventions\nGroupInterventionDescription\n"
        "Cohort ATislelizumab injectionTislelizumab 200 mg, intravenous, every 3 weeks\n"
        "Placebo ArmMatching placeboPlacebo, intravenous, every 3 weeks\n"
    )
    rows = arms(_section(page, "arms"))
    assert [(r["label"], r["intervention"], r["description"]) for r in rows] == [
        ("Cohort A", "Tislelizumab injection", "Tislelizumab 200 mg, intravenous, every 3 weeks"),
        ("Placebo Arm", "Matching placebo", "Placebo, intravenous, every 3 weeks"),
    ]


def test_registry_frames_read_registry_pages_only():
    abstract = (
        "BACKGROUND: Inclusion criteria were age over 18 years. Exclusion criteria were prior "
        "therapy. Primary outcome measures were progression-free survival at 12 months."
        + " Safety, tolerability and quality of life were assessed throughout."
        * 5
    )
    files = files_frame({"ctgov.txt": _CTGOV_STYLE, "abstracts.txt": abstract + "\n"})
    staged = stage_documents(files)
    sentences = sentences_frame(staged.record_lines, staged.publications)
    found = registry_frames(sentences, staged.documents)
    assert found.criteria.get_column("source_file").unique().to_list() == ["ctgov.txt"]
    assert found.criteria.height == 4
    assert found.outcome_measures.height == 4
    assert found.locations.height == 2
    assert found.arms.height == 2
    by_kind = found.outcome_measures.group_by("kind").len().sort("kind")
    assert by_kind.rows() == [("primary", 1), ("secondary", 3)]
    assert found.locations.get_column("country").to_list() == ["Spain", "Germany"]
    assert isinstance(found.arms, pl.DataFrame)


def test_a_number_that_defines_a_registered_measure_is_no_result():
    page = _CTGOV_STYLE.replace(
        "Objective response rate\n",
        "Percentage of participants with a 50% reduction in tumour size\n",
    ).replace(
        "Arms and Interventions\n",
        "Brief Summary\nIn the pilot cohort, median progression-free survival was 7.4 months.\n"
        "Arms and Interventions\n",
    )
    files = files_frame({"ctgov.txt": page})
    staged = stage_documents(files)
    sentences = sentences_frame(staged.record_lines, staged.publications)
    read, _ = outcomes_frame(sentences)
    found = registry_frames(sentences, staged.documents)
    kept = without_measure_definitions(read, found.outcome_measures)
    assert sorted(read.get_column("value").to_list()) == [7.4, 50.0]  # (what the grammar reads)
    assert kept.get_column("value").to_list() == [7.4]


_ITEM = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")),
    min_size=0,
    max_size=60,
)


@given(
    st.lists(st.tuples(st.sampled_from(["", "- ", "* ", "1. ", "(2) ", "12) "]), _ITEM), max_size=8)
)
def test_every_criterion_read_is_the_slice_its_offsets_give(items):
    page = "Inclusion Criteria\n" + "".join(f"{mark}{text}\n" for mark, text in items)
    rows = [r for code, lines in sections(_lines(page)) for r in criteria(code, lines)]
    assert [r["ordinal"] for r in rows] == list(range(1, len(rows) + 1))
    for r in rows:
        assert page[r["char_start"] : r["char_end"]] == r["criterion"]
        assert "\n" not in r["criterion"]
