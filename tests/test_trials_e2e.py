"""Two documents reporting one trial: one dim_trials row, both records bridged, outcomes linked."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tests.conftest import shared_build

_PAD = " Safety, tolerability and quality of life were assessed throughout the study." * 4

PRIMARY = (
    "BACKGROUND: Drug A is an oral kinase inhibitor. METHODS: In the phase 3 ZENITH-2 trial "
    "(NCT01234567), 400 patients were randomly assigned to drug A (n=200) or placebo (n=200). "
    "RESULTS: Median overall survival was 12.4 months (95% CI, 10.1 to 14.0) with drug A and "
    "9.1 months (95% CI, 8.0 to 10.3) with placebo." + _PAD + "\n"
    "BACKGROUND: Drug C is a novel antibody. METHODS: In this retrospective cohort, 80 patients "
    "treated with drug C and zelvotinib were reviewed. RESULTS: Median overall survival was 7.7 months."
    + _PAD
    + "\n"
    "METHODS: In the phase 3 ORION-5 trial (NCT07654321), 300 patients were randomly assigned "
    "to sorafenib 400 mg twice daily (n=150) or lenvatinib 12 mg once daily (n=150). RESULTS: "
    "The objective response rate was 9% with sorafenib and 24% with lenvatinib." + _PAD + "\n"
)
UPDATE = (
    "BACKGROUND: We report a 3-year update of ZENITH-2. METHODS: Patients were randomly assigned "
    "to drug A or placebo. RESULTS: Median overall survival was 12.6 months with drug A and 9.0 "
    "months with placebo." + _PAD + "\n"
    "BACKGROUND: This narrative review summarizes trials of kinase inhibitors in liver cancer. "
    "RESULTS: Median overall survival ranged from 8 months to 14 months." + _PAD + "\n"
)

REGISTRY = """Registry Record
ZENITH-2: Drug A Versus Placebo in Advanced Liver Cancer
Registration Number
NCT01234567
Overall Status
Completed
Lead Sponsor
Example Oncology Inc.
Phase
Phase 3
Enrollment
410
Arms and Interventions
Experimental: Drug A
Drug: Drug A
Drug A 200 mg orally twice daily, continuously.
Placebo Comparator: Placebo
Drug: Placebo
Matching placebo orally twice daily.
Primary Outcome Measures
Overall survival [Time Frame: up to 4 years]
Secondary Outcome Measures
Progression-free survival [Time Frame: up to 4 years]
Inclusion Criteria
- Age 18 years or older
- Child-Pugh class A
Exclusion Criteria
- Prior systemic therapy
Locations
Example University Hospital
Leiden, South Holland, Netherlands
"""

# a page about one study that its headings cut into records: the section of results names no
# trial
PAGE = (
    "Drug Q in previously treated gastric cancer\n"
    "The VEGA-7 trial was a randomised, open-label, phase 3 study that compared drug Q with "
    "paclitaxel in 480 patients with previously treated advanced gastric cancer. Patients were "
    "enrolled at 120 sites in 14 countries between 2019 and 2021.\n"
    "Updated efficacy results from the final analysis\n"
    "At the data cut-off, median progression-free survival was 7.1 months in the drug Q group and "
    "3.9 months in the paclitaxel group. The hazard ratio for progression or death was 0.52 (95% "
    "CI 0.41-0.66; P<0.001).\n"
)


# a summary page that reports one trial a paragraph: the numbers of a paragraph are its trial's
SUMMARY = (
    "Non-metastatic disease: a summary of two trials\n\n"
    "Drug K significantly increased median metastasis-free survival (40.1 months versus 16.0 "
    "months, HR 0.30; 95% CI 0.24-0.36) compared with placebo in a phase III trial ( KESTREL-3 ) "
    "of 1200 men.\n"
    "Data on overall survival are immature (HR 0.71; 95% CI 0.48-1.05).\n\n"
    "Drug L was evaluated in a second phase III trial ( ORCAS-2 ). In 1400 patients, drug L was "
    "superior to placebo for metastasis-free survival (36.1 months versus 14.2 months, HR 0.28; "
    "95% CI 0.23-0.34).\n"
)

# a single-arm trial's cohort compared with another trial's, in one sentence
COHORTS = (
    "In the single-arm phase II CEDAR-3 study, 80 patients received drug S. The complete "
    "response rate was 52% in CEDAR-3 and 18% in ASPEN-7, an external control cohort. Median "
    "overall survival was 25.1 months in CEDAR-3 versus 6.2 months in ASPEN-7.\n"
)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    """The build of the three documents, shared by the pytest-xdist workers (built once):
    (warehouse, reports folder)."""

    def fill(inbox: Path) -> None:
        inbox.mkdir()
        (inbox / "primary.txt").write_text(PRIMARY)
        (inbox / "update.txt").write_text(UPDATE)
        (inbox / "registry.txt").write_text(REGISTRY)
        (inbox / "page.txt").write_text(PAGE)
        (inbox / "summary.txt").write_text(SUMMARY)
        (inbox / "cohorts.txt").write_text(COHORTS)

    result, wh, reports, _ = shared_build(tmp_path_factory, "trials", fill)
    assert result.exit_code == 0, result.output
    return wh, reports


@pytest.fixture(scope="module")
def warehouse(built):
    return built[0]


@pytest.fixture(scope="module")
def reports(built):
    return built[1]


def _rows(wh, sql: str) -> list[tuple]:
    with duckdb.connect(str(wh), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_one_trial_row_for_two_documents(warehouse):
    rows = _rows(
        warehouse,
        "select nct_id, acronym, n_sources from dim_trials where nct_id is not null order by 1",
    )
    assert rows == [("NCT01234567", "ZENITH-2", 3), ("NCT07654321", "ORION-5", 1)]
    bridged = _rows(
        warehouse,
        "select b.source_file from bridge_trial_publications b join dim_trials t using (trial_id) "
        "where t.nct_id = 'NCT01234567' order by 1",
    )
    assert bridged == [("primary.txt",), ("registry.txt",), ("update.txt",)]


def test_outcomes_of_both_documents_link_to_that_trial(warehouse):
    rows = _rows(
        warehouse,
        "select o.source_file, o.value, t.nct_id from fct_outcomes o "
        "left join dim_trials t using (trial_id) where o.endpoint = 'OS' order by 1, 2",
    )
    by_value = {(f, v): nct for f, v, nct in rows}
    for value in (12.4, 9.1):
        assert by_value[("primary.txt", value)] == "NCT01234567"
    for value in (12.6, 9.0):
        assert by_value[("update.txt", value)] == "NCT01234567"


def test_an_unnamed_cohort_is_its_own_trial_and_a_review_has_none(warehouse):
    cohort = _rows(
        warehouse,
        "select t.nct_id, t.acronym, t.is_randomized from fct_outcomes o join dim_trials t using (trial_id) "
        "where o.value = 7.7",
    )
    assert cohort == [(None, None, False)]
    review = _rows(
        warehouse,
        "select trial_id from fct_outcomes where source_file = 'update.txt' and value in (8, 14)",
    )
    assert review and all(r == (None,) for r in review)


def test_arms_are_sized_linked_to_agents_and_outcomes(warehouse):
    arms = _rows(
        warehouse,
        "select a.label, a.n_patients, list(g.name order by g.name) from dim_arms a "
        "join dim_trials t using (trial_id) left join bridge_arm_agents b using (arm_id) "
        "left join dim_agents g using (agent_id) where t.nct_id = 'NCT01234567' group by all order by 1",
    )
    assert arms == [("drug A", 200, [None]), ("placebo", 200, ["placebo"])]
    linked = _rows(
        warehouse,
        "select o.value, a.label from fct_outcomes o join dim_arms a on a.arm_id = o.arm_id "
        "where o.source_file = 'primary.txt' and o.endpoint = 'OS' order by 1",
    )
    assert linked == [(9.1, "placebo"), (12.4, "drug A")]


def test_a_later_record_with_a_different_value_is_a_conflict(warehouse):
    rows = _rows(
        warehouse,
        "select endpoint, arm_label, value_a, value_b, source_file_a, source_file_b "
        "from fct_outcome_conflicts order by value_a",
    )
    assert ("OS", "drug A", 12.4, 12.6, "primary.txt", "update.txt") in rows
    assert ("OS", "placebo", 9.1, 9.0, "primary.txt", "update.txt") in rows
    assert all(r[2] != r[3] for r in rows)


def test_the_registry_page_gives_the_trial_its_fields_sites_criteria_and_measures(warehouse):
    trial = _rows(
        warehouse,
        "select status, sponsor, phase, n_enrolled, disagreeing_facts from dim_trials "
        "where nct_id = 'NCT01234567'",
    )
    # the registry outranks the abstract's "400 patients were randomly assigned"
    assert trial == [("Completed", "Example Oncology Inc.", "3", 410, "n_enrolled")]
    where = "join dim_trials t using (trial_id) where t.nct_id = 'NCT01234567'"
    assert _rows(
        warehouse,
        f"select kind, ordinal, criterion from dim_eligibility_criteria {where} order by 1, 2",
    ) == [
        ("exclusion", 1, "Prior systemic therapy"),
        ("inclusion", 1, "Age 18 years or older"),
        ("inclusion", 2, "Child-Pugh class A"),
    ]
    assert _rows(
        warehouse,
        f"select kind, endpoint, time_frame from dim_trial_outcome_measures {where} order by 1",
    ) == [("primary", "OS", "up to 4 years"), ("secondary", "PFS", "up to 4 years")]
    assert _rows(
        warehouse, f"select facility, city, region, country from dim_trial_locations {where}"
    ) == [("Example University Hospital", "Leiden", "South Holland", "Netherlands")]


def test_arms_take_their_registered_regimen(warehouse):
    arms = _rows(
        warehouse,
        "select a.label, a.n_patients, a.regimen from dim_arms a join dim_trials t using (trial_id) "
        "where t.nct_id = 'NCT01234567' order by 1",
    )
    assert arms == [
        ("drug A", 200, "Drug A 200 mg orally twice daily, continuously."),
        ("placebo", 200, "Matching placebo orally twice daily."),
    ]


def test_arms_take_the_doses_their_trials_reports_state(warehouse):
    arms = _rows(
        warehouse,
        "select a.label, a.n_patients, a.regimen, b.dose from dim_arms a "
        "join dim_trials t using (trial_id) join bridge_arm_agents b using (arm_id) "
        "where t.nct_id = 'NCT07654321' order by 1",
    )
    assert arms == [
        ("lenvatinib", 150, "lenvatinib 12 mg once daily", "12 mg once daily"),
        ("sorafenib", 150, "sorafenib 400 mg twice daily", "400 mg twice daily"),
    ]


def test_the_report_lists_the_disagreement_and_the_conflicts_for_curation(reports):
    report = (reports / "quality.md").read_text()
    disagreeing = report.split("## Trials whose sources disagree (1)", 1)[1].split("##", 1)[0]
    assert "ZENITH-2" in disagreeing and "n_enrolled" in disagreeing
    conflicts = report.split("## Outcome conflicts (", 1)[1].split("##", 1)[0]
    assert "12.4 | 12.6 | primary.txt | update.txt" in conflicts
    unknown = report.split("## Agents to curate (1)", 1)[1].split("##", 1)[0]
    # known to no vocabulary: listed for curation, with the class its stem gives
    assert "| zelvotinib | drug-like name only | kinase inhibitor |" in unknown
    page = (reports / "quality.html").read_text()
    assert "Trials whose sources disagree (1)" in page


def test_design_says_how_the_study_was_done(warehouse):
    designs = dict(
        _rows(
            warehouse,
            "select coalesce(t.nct_id, 'cohort'), t.design from dim_trials t "
            "where t.nct_id = 'NCT01234567' or t.trial_id in "
            "(select trial_id from fct_outcomes where value = 7.7)",
        )
    )
    assert designs == {
        "NCT01234567": "randomised, placebo-controlled trial",
        "cohort": "retrospective cohort",
    }


def test_a_section_of_a_page_about_one_trial_takes_the_page_trial(warehouse):
    rows = _rows(
        warehouse,
        "select o.value, t.acronym, o.trial_link, p.record_index from fct_outcomes o "
        "join dim_trials t using (trial_id) join dim_publications p using (publication_id) "
        "where o.source_file = 'page.txt' order by o.value",
    )
    assert [(v, a, link) for v, a, link, _ in rows] == [
        (0.52, "VEGA-7", "document"),
        (3.9, "VEGA-7", "document"),
        (7.1, "VEGA-7", "document"),
    ]
    assert {record for *_, record in rows} == {1}  # (the section, not the page's opening)


def test_a_page_reporting_one_trial_a_paragraph_gives_each_paragraph_s_numbers_its_trial(warehouse):
    rows = _rows(
        warehouse,
        "select o.value, t.acronym, o.trial_link from fct_outcomes o "
        "join dim_trials t using (trial_id) where o.source_file = 'summary.txt' "
        "and o.measure = 'hazard_ratio' order by o.value",
    )
    assert rows == [
        (0.28, "ORCAS-2", "paragraph"),
        (0.3, "KESTREL-3", "sentence"),
        (0.71, "KESTREL-3", "paragraph"),
    ]


def test_a_sentence_comparing_two_trials_cohorts_gives_each_value_its_group_s_trial(warehouse):
    """ "52% in CEDAR-3 and 18% in ASPEN-7": the second value is the other trial's, not the
    record's."""
    rows = _rows(
        warehouse,
        "select o.value, t.acronym, o.trial_link from fct_outcomes o "
        "join dim_trials t using (trial_id) where o.source_file = 'cohorts.txt' order by o.value",
    )
    assert rows == [
        (6.2, "ASPEN-7", "group"),
        (18.0, "ASPEN-7", "group"),
        (25.1, "CEDAR-3", "group"),
        (52.0, "CEDAR-3", "group"),
    ]
