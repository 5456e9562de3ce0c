"""A folder of structured files (PubMed XML, ClinicalTrials.gov JSON and legacy XML, an HTML
page), broken ones among them, builds into a warehouse whose rows point into the files."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from etl.documents.structured.pieces import decoded
from tests.conftest import shared_build
from tests.documents.structured.formats import CTGOV_XML, HTML, PUBMED, ctgov_study

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"
# a publication of the trial the JSON study registers, with a median that differs from the
# posted one: a conflict between a registry and a publication
PUBLICATION = (
    "Velorimab versus docetaxel in previously treated lung cancer (LARK-3): a phase 3 trial.\n"
    "METHODS: In the phase 3 LARK-3 trial (NCT09000002), 420 patients were randomly assigned to "
    "velorimab or docetaxel. RESULTS: Median overall survival was 9.4 months with velorimab and "
    "6.0 months with docetaxel (hazard ratio 0.62; 95% CI, 0.47 to 0.81; P < .001).\n"
)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    def fill(inbox: Path) -> None:
        inbox.mkdir()
        (inbox / "export.xml").write_text(PUBMED)
        (inbox / "study.json").write_text(json.dumps(ctgov_study(), indent=1))
        (inbox / "legacy.xml").write_text(CTGOV_XML)
        (inbox / "page.html").write_text(HTML)
        (inbox / "publication.txt").write_text(PUBLICATION)
        first_end = PUBMED.index("</PubmedArticle>") + len("</PubmedArticle>")
        (inbox / "cut.xml").write_text(PUBMED[: first_end + 80])
        (inbox / "not_a_study.json").write_text('{"protocolSection": null, "studies": 3}')
        bad = ctgov_study("NCT09000005", hr_upper="0.55")  # (its CI does not enclose 0.62)
        (inbox / "bad_ci.json").write_text(json.dumps(bad))

    result, warehouse, _, inbox = shared_build(tmp_path_factory, "structured", fill)
    assert result.exit_code in (0, 3), result.output
    return warehouse, inbox


def _rows(warehouse: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_each_file_has_its_kind(built):
    kinds = dict(_rows(built[0], "select source_file, document_kind from dim_documents"))
    assert kinds["export.xml"] == "pubmed_xml"
    assert kinds["study.json"] == "ctgov_json"
    assert kinds["legacy.xml"] == "ctgov_xml"
    assert kinds["page.html"] == "news_article"  # (an HTML page is the kind its text is)


def test_pubmed_records_are_publications_with_their_ids(built):
    rows = _rows(
        built[0],
        "select pmid, doi, pmc_id, nct_ids, journal, year from dim_publications "
        "where source_file = 'export.xml' order by pmid",
    )
    assert rows[0] == (
        "31000001",
        "10.1000/jco.2021.001",
        "PMC7000001",
        "NCT09000001",
        "Journal of Composed Oncology",
        2021,
    )
    assert rows[1][0] == "31000002"


def test_posted_results_are_outcomes_marked_as_registry_results(built):
    rows = _rows(
        built[0],
        "select t.nct_id, o.endpoint, o.value, o.ci_lower, o.ci_upper, o.p_value, o.p_operator, "
        "o.arm_label, o.comparator_label from fct_outcomes o join dim_trials t using (trial_id) "
        "where o.source_kind = 'registry_results' and o.measure = 'hazard_ratio' order by 1",
    )
    assert ("NCT09000002", "OS", 0.62, 0.47, 0.81, 0.001, "<", "Velorimab", "Docetaxel") in rows
    assert ("NCT09000003", "PFS", 0.30, 0.22, 0.41, 0.0001, "<", "Ostraparib", "Placebo") in rows


def test_every_structured_row_decodes_to_its_evidence(built):
    warehouse, inbox = built
    rows = _rows(
        warehouse,
        "select source_file, source_kind, char_start, char_end, evidence_text from fct_outcomes "
        "where source_file in ('export.xml', 'study.json', 'legacy.xml', 'page.html')",
    )
    formats = {
        "export.xml": "pubmed_xml",
        "study.json": "ctgov_json",
        "legacy.xml": "ctgov_xml",
        "page.html": "html",
    }
    assert {r[0] for r in rows} == set(formats)
    for name, kind, start, end, evidence in rows:
        words = decoded(formats[name], (inbox / name).read_text()[start:end])
        said = " ".join(evidence.split())
        assert (words in said) if kind == "registry_results" else (words == said), (name, evidence)


def test_the_page_chrome_gives_no_numbers(built):
    values = {
        r[0]
        for r in _rows(built[0], "select value from fct_outcomes where source_file = 'page.html'")
    }
    assert {15.4, 11.9, 0.77} <= values
    assert not values & {99.9, 88.8, 77.7, 100.0}


def test_bad_structured_input_is_reported_and_the_rest_is_read(built):
    rows = _rows(built[0], "select source_file, rule, detail from audit_rejections")
    by_file = {}
    for name, rule, detail in rows:
        by_file.setdefault(name, []).append((rule, detail))
    assert any(rule == "pubmed_xml_unreadable" for rule, _ in by_file["cut.xml"])
    assert any("not a list of studies" in d for _, d in by_file["not_a_study.json"])
    # the refused analysis is named by its element's path in the file
    (detail,) = [d for rule, d in by_file["bad_ci.json"] if rule == "posted_ci_not_enclosing"]
    assert detail.startswith(
        "$.resultsSection.outcomeMeasuresModule.outcomeMeasures[0].analyses[0]"
    )
    assert "0.62" in detail and "0.55" in detail
    # the cut export still gives its first article; the study whose ratio is refused, its medians
    assert (
        _rows(built[0], "select count(*) from dim_publications where source_file = 'cut.xml'")[0][0]
        == 1
    )
    medians = _rows(
        built[0],
        "select count(*) from fct_outcomes where source_file = 'bad_ci.json' and measure = 'median'",
    )
    assert medians[0][0] == 2


def test_a_registry_says_whether_its_enrolment_is_actual_or_estimated(built):
    rows = _rows(
        built[0],
        "select nct_id, n_enrolled, enrolment_type from dim_trials where nct_id is not null "
        "order by nct_id",
    )
    # (the JSON study's enrolment is its estimate, the legacy record's the actual count)
    assert ("NCT09000002", 420, "estimated") in rows
    assert ("NCT09000003", 250, "actual") in rows


def test_registry_and_publication_disagreeing_is_a_conflict(built):
    rows = _rows(
        built[0],
        "select value_a, value_b, source_kind_a, source_kind_b from fct_outcome_conflicts "
        "where endpoint = 'OS' and measure = 'median'",
    )
    pairs = {(frozenset({a, b}), frozenset({ka, kb})) for a, b, ka, kb in rows}
    assert (frozenset({9.2, 9.4}), frozenset({"registry_results", "publication"})) in pairs


@pytest.mark.skipif(
    not SAMPLES.is_dir(), reason="reads ../shared/samples (real files, not committed)"
)
def test_the_shared_samples_build_and_give_their_numbers(tmp_path_factory):
    """End to end over the real files in ../shared/samples (read in place, never copied into
    the project)."""

    def fill(inbox: Path) -> None:
        inbox.mkdir()
        for f in SAMPLES.iterdir():
            if f.suffix in (".xml", ".json"):
                (inbox / f.name).symlink_to(f)

    result, warehouse, _, _ = shared_build(tmp_path_factory, "samples", fill)
    assert result.exit_code in (0, 3), result.output
    assert (
        _rows(
            warehouse,
            "select count(pmid) from dim_publications p join dim_documents d "
            "using (document_id) where d.document_kind = 'pubmed_xml'",
        )[0][0]
        == 108
    )
    found = _rows(
        warehouse,
        "select t.nct_id, o.measure, o.value, o.ci_lower, o.ci_upper, o.p_value, o.p_operator, "
        "lower(o.arm_label), lower(o.comparator_label) from fct_outcomes o "
        "left join dim_trials t using (trial_id)",
    )
    assert (
        "NCT01642004",
        "hazard_ratio",
        0.62,
        0.47,
        0.81,
        0.0004,
        "=",
        "nivolumab",
        "docetaxel",
    ) in found
    assert any(
        r[:7] == ("NCT02552212", "odds_ratio", 15.231, 7.336, 31.623, 0.001, "<") for r in found
    )
    assert any(r[1:7] == ("hazard_ratio", 0.81, 0.65, 1.0, 0.044, "=") for r in found)
    trial = _rows(
        warehouse,
        "select phase, n_enrolled, enrolment_type from dim_trials where nct_id = 'NCT04267848'",
    )
    assert trial == [("3", 1210, "estimated")]
    arms = _rows(
        warehouse,
        "select count(*) from dim_arms a join dim_trials t using (trial_id) "
        "where t.nct_id = 'NCT04267848'",
    )
    assert arms[0][0] >= 3
