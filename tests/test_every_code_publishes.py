"""A folder of composed documents of every kind, every arm source and every trial link builds and
publishes (exit 0 or 3): the product never refuses real input because of its own codes.

The documents are written for the test (invented drugs, trials and numbers)."""

# ruff: noqa: E501
from __future__ import annotations

import textwrap
from pathlib import Path

import duckdb
import pytest

from etl.vocab.codes import codes
from tests.conftest import shared_build
from tests.fixtures import docs

_PROSE = (
    "Patients with advanced disease were treated in a multicentre programme and followed for "
    "survival, response and safety over several years of observation in routine practice."
)

DOCUMENTS = {
    # a single structured abstract of a randomised trial with sized arms (arm source "list")
    "abstract.txt": f"""Drug K Versus Placebo in Advanced Gastric Cancer (ORCA-7)

BACKGROUND: {_PROSE}
METHODS: In this phase 3, double-blind trial, 300 patients were randomized to drug K (n = 150) or placebo (n = 150).
RESULTS: Median overall survival was 12.4 months (95% CI, 10.1 to 14.0) with drug K and 9.1 months (95% CI, 8.0 to 10.3) with placebo (hazard ratio, 0.72; 95% CI, 0.58 to 0.89; P=0.002). In the PD-L1 ≥ 50% subgroup, the hazard ratio for death was 0.60 (95% CI, 0.45 to 0.80).
CONCLUSIONS: {_PROSE} ClinicalTrials.gov number, NCT01111111.
""",
    # several abstracts a page; the second a single-arm study (arm source "single_arm")
    "collection.txt": f"""Drug L After Drug M in Sarcoma: The HELIX-2 Trial

Doe J, Roe R, Moe M, Poe P, J Example Oncol, 2024, doi:10.1000/x2

Background: {_PROSE}
Methods: Patients were randomly assigned 1:1 to receive drug L or drug M.
Results: The objective response rate was 31% with drug L and 18% with drug M; the hazard ratio for progression was 0.66 (95% CI 0.50-0.87).

A Phase 2 Study of Velotinib in Relapsed Lymphoma

Abstract

{_PROSE} In this single-arm phase 2 study, 40 patients received velotinib. The objective response rate was 45% (95% CI, 29 to 62) and median progression-free survival was 6.1 months.
""",
    # a news piece naming its trial in the sentence of the numbers (trial link "sentence")
    "news.txt": f"""Drug P extends survival, company says

Results from the phase 3 HARBOR-3 trial were presented at the annual meeting by Jane Roe, MD, and colleagues. {_PROSE}
“These data are practice-changing,” said Dr Roe. In HARBOR-3, median overall survival was 22.3 months with drug P versus 16.0 months with chemotherapy (HR = 0.72).
""",
    # a page about one trial that a heading cuts into records (a title's words, not "Efficacy"):
    # the results section names no trial (trial link "document")
    "page.txt": """Drug Q in previously treated gastric cancer
The VEGA-9 trial was a randomised, open-label, phase 3 study that compared drug Q with paclitaxel in 480 patients with previously treated advanced gastric cancer. Patients were enrolled at 120 sites in 14 countries between 2019 and 2021.
Updated efficacy results from the final analysis
At the data cut-off, median progression-free survival was 7.1 months in the drug Q group and 3.9 months in the paclitaxel group. The hazard ratio for progression or death was 0.52 (95% CI 0.41-0.66; P<0.001).
""",
    "review.txt": f"""The evidence for drug R in myeloma comes from a phase 3 study published in a major journal, which built on earlier single-arm data. {_PROSE}
A second study, published later, confirmed the benefit of drug R. {_PROSE}
Efficacy
Drug R reduced the risk of progression compared with the control regimen (HR 0.60; 95% CI 0.48-0.75).
""",
    "table.txt": """Table 2. Randomised trials of drug S
| Trial | Treatment | Control | Median OS, treatment (95% CI) | Median OS, control (95% CI) | Hazard ratio (95% CI) |
|---|---|---|---|---|---|
| WAVE-1 | Drug S + letrozole (n = 120) | Placebo + letrozole (n = 118) | 24.1 months (20.0-28.3) | 19.0 months (16.2-21.9) | 0.58 (0.46-0.72) |
| WAVE-2 | Drug S + fulvestrant (n = 200) | Placebo + fulvestrant (n = 100) | 16.4 months (14.1-19.0) | 12.2 months (10.0-14.3) | 0.55 (0.44-0.69) |
""",
    # a registry page with an arm table (arm source "registry")
    "registry.txt": """Registry Record
ZENITH-4: Drug Q Versus Placebo in Recurrent Glioma
Registration Number
NCT02222222
Overall Status
Recruiting
Lead Sponsor
Example University Hospital
Phase
Phase 3
Enrollment
200
Arms and Interventions
Experimental: Drug Q
Drug: Drug Q
Drug Q 100 mg orally once daily.
Placebo Comparator: Placebo
Drug: Placebo
Matching placebo orally once daily.
Primary Outcome Measures
Overall survival [Time Frame: up to 3 years]
Results Overview
Median overall survival was 14.0 months with drug Q and 10.0 months with placebo.
Inclusion Criteria
- Age 18 years or older
Exclusion Criteria
- Prior drug Q
""",
    "listing.txt": docs.LISTING,
    "abstracts_export.txt": docs.ABSTRACTS,
    "vendor.txt": docs.VENDOR,
    "pubmed.xml": '<?xml version="1.0"?>\n<PubmedArticleSet><PubmedArticle><Abstract>Median OS was 9.8 months.</Abstract></PubmedArticle></PubmedArticleSet>\n',
    "study.json": '{"protocolSection": {"identificationModule": {"nctId": "NCT03333333", "briefTitle": "A study"}}}\n',
    "legacy.xml": "<clinical_study><id_info><nct_id>NCT03333334</nct_id></id_info>"
    "<brief_title>A legacy study</brief_title><phase>Phase 2</phase></clinical_study>\n",
    "chrome.txt": "Site map | Contact | Privacy",
    # a summary of two trials, a paragraph each (trial link "paragraph")
    "summary.txt": "Two trials in brief\n\n"
    "Drug P prolonged median survival (20.1 versus 15.2 months, HR 0.70; 95% CI 0.58-0.85) over "
    "placebo in a phase III trial ( TALON-2 ).\nResponses were durable (HR 0.66; 95% CI 0.50-0.87).\n\n"
    "Drug R was tested in the phase III trial ( MERLIN-4 ). Drug R prolonged median survival "
    "(18.3 versus 13.9 months, HR 0.75; 95% CI 0.61-0.92) over placebo.\n",
    # a trial's cohort compared with another trial's (trial link "group")
    "cohorts.txt": "In the single-arm phase II CEDAR-3 study, 80 patients received drug S. The "
    "complete response rate was 52% in CEDAR-3 and 18% in ASPEN-7, an external control cohort.\n",
    # an abstract copied from a PDF, every line cut mid-sentence (read as its paragraphs; its
    # evidence still the file's characters, the breaks read as spaces)
    "wrapped.txt": textwrap.fill(
        "In the phase 3 LYRA-5 trial, patients were randomly assigned in a 1:1 ratio to receive "
        "drug W or the physician's choice of chemotherapy. The median progression-free survival "
        "was 13.2 months (95% confidence interval [CI], 11.4 to 15.2) in the drug W group and "
        "8.1 months (95% CI, 7.0 to 9.0) in the chemotherapy group (hazard ratio, 0.62; 95% CI, "
        "0.52 to 0.75; P<0.001). Adverse events of grade 3 or higher occurred in 52.8% of the "
        "patients in the drug W group and in 44.4% of those in the chemotherapy group.",
        width=88,
    ),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[int, Path]:
    def fill(inbox: Path) -> None:
        inbox.mkdir()
        for name, text in DOCUMENTS.items():
            (inbox / name).write_text(text, encoding="utf-8")

    result, warehouse, _, _ = shared_build(tmp_path_factory, "every_code", fill)
    return result.exit_code, warehouse


def _rows(warehouse: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql).fetchall()


def _column(warehouse: Path, sql: str) -> set:
    return {row[0] for row in _rows(warehouse, sql)}


def test_a_folder_of_every_kind_publishes(built):
    exit_code, warehouse = built
    assert exit_code in (0, 3)
    assert warehouse.exists()


def test_every_document_kind_is_read(built):
    _, warehouse = built
    kinds = _column(warehouse, "select document_kind from dim_documents")
    assert kinds == set(codes("document_kind"))


def test_every_arm_source_is_written(built):
    _, warehouse = built
    assert _column(warehouse, "select arm_source from dim_arms") == set(codes("arm_source"))


def test_every_trial_link_is_written(built):
    _, warehouse = built
    links = _column(warehouse, "select trial_link from fct_outcomes where trial_link is not null")
    assert links == set(codes("trial_link"))


def test_every_source_kind_is_written(built):
    """A registry's page posts its trial's own results; every other text is a publication."""
    _, warehouse = built
    kinds = _column(warehouse, "select source_kind from fct_outcomes")
    assert kinds == set(codes("source_kind"))
    registry = _column(
        warehouse, "select source_kind from fct_outcomes where source_file = 'registry.txt'"
    )
    assert registry == {"registry_results"}


def test_a_subgroup_result_keeps_its_arm_and_its_subgroup(built):
    _, warehouse = built
    rows = _rows(
        warehouse,
        "select value, arm_label, comparator_label, subgroup_label from fct_outcomes "
        "where source_file = 'abstract.txt' and measure = 'hazard_ratio' order by value_start",
    )
    assert rows == [(0.72, "drug K", "placebo", None), (0.60, "drug K", "placebo", "PD-L1 ≥ 50%")]


def test_a_table_row_is_a_record_with_its_trial_and_arms(built):
    _, warehouse = built
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute(
            "select t.acronym, o.endpoint, o.measure, o.value, o.arm_label, o.comparator_label, "
            "o.ci_lower, o.ci_upper from fct_outcomes o join dim_trials t using (trial_id) "
            "where o.source_file = 'table.txt' order by o.char_start"
        ).fetchall()
        arms = con.execute(
            "select t.acronym, a.n_patients from dim_arms a join dim_trials t using (trial_id) "
            "where t.acronym in ('WAVE-1', 'WAVE-2') order by 1, 2"
        ).fetchall()
    assert (
        "WAVE-1",
        "OS",
        "hazard_ratio",
        0.58,
        "Drug S + letrozole",
        "Placebo + letrozole",
        0.46,
        0.72,
    ) in rows
    assert ("WAVE-2", "OS", "median", 16.4, "Drug S + fulvestrant", None, 14.1, 19.0) in rows
    assert arms == [("WAVE-1", 118), ("WAVE-1", 120), ("WAVE-2", 100), ("WAVE-2", 200)]


def test_a_hard_wrapped_abstract_publishes_its_numbers_with_their_evidence(built):
    _, warehouse = built
    rows = _rows(
        warehouse,
        "select value, ci_lower, evidence_text from fct_outcomes "
        "where source_file = 'wrapped.txt' order by char_start, value_start",
    )
    assert [(v, lo) for v, lo, _ in rows] == [
        (13.2, 11.4),
        (8.1, 7.0),
        (0.62, 0.52),
        (52.8, None),
        (44.4, None),
    ]
    # (each is traced to its whole sentence, which runs over the breaks)
    assert rows[0][2].startswith("The median progression-free survival was 13.2 months")
    assert rows[0][2].endswith("P<0.001).")
