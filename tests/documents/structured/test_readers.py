"""Structured files read as a reader reads them, with spans that point into the file."""

from __future__ import annotations

import json

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.documents.structured import render_structured, source_format
from etl.documents.structured.json_spans import parse, runs
from etl.documents.structured.pieces import Renderer, decoded, to_source
from etl.documents.structured.pubmed import render_pubmed
from tests.documents.structured.formats import CTGOV_JSON, CTGOV_XML, HTML, PUBMED, ctgov_study


def _rendered(text: str):
    files = pl.DataFrame({"document_id": ["d"], "source_file": ["f"], "text": [text]})
    return render_structured(files)


def test_formats_are_told_from_content():
    assert source_format(PUBMED) == "pubmed_xml"
    assert source_format(CTGOV_JSON) == "ctgov_json"
    assert source_format(CTGOV_XML) == "ctgov_xml"
    assert source_format(HTML) == "html"
    assert source_format("Median OS was 12 months.") == "text"


def test_pubmed_articles_give_their_fields_and_labelled_sections():
    out = Renderer()
    articles, problem, books = render_pubmed(PUBMED, out)
    assert problem is None and books == 0
    assert [a.pmid for a in articles] == ["31000001", "31000002"]
    first = articles[0]
    assert (first.doi, first.pmc_id, first.year, first.nct_ids) == (
        "10.1000/jco.2021.001",
        "PMC7000001",
        2021,
        "NCT09000001",
    )
    assert first.authors == "Moreau AB, ORCHID-7 Investigators"
    assert first.publication_types == "Randomized Controlled Trial"
    assert articles[1].year == 2020  # (from a MedlineDate)
    lines = out.text.splitlines()
    # the title without its inline markup; each section's label on a line of its own
    assert lines[0] == "Zorvatinib versus placebo in advanced KRAS-mutant lung cancer (ORCHID-7)."
    assert "RESULTS" in lines
    assert any("0.58–0.87; P < .001" in line for line in lines)


def test_a_sentence_span_maps_to_the_raw_span_that_decodes_to_it():
    rendered = _rendered(PUBMED)
    text = rendered.files.get_column("text")[0]
    start = text.index("Median overall survival")
    end = text.index("< .001).") + len("< .001).")
    frame = pl.DataFrame({"document_id": ["d"], "char_start": [start], "char_end": [end]})
    mapped = to_source(frame, rendered.pieces).row(0)
    raw = PUBMED[mapped[1] : mapped[2]]
    assert raw.startswith("Median overall survival") and raw.endswith("&lt; .001).")
    assert decoded("pubmed_xml", raw) == text[start:end]


def test_a_truncated_export_keeps_the_articles_before_the_fault():
    cut = PUBMED[: PUBMED.index("<PubmedArticle>", PUBMED.index("</PubmedArticle>")) + 60]
    rendered = _rendered(cut)
    assert rendered.records.get_column("pmid").to_list() == ["31000001"]
    (rule, detail) = rendered.rejections.select("rule", "detail").row(0)
    assert rule == "pubmed_xml_unreadable" and "line" in detail


def test_entity_declarations_are_refused():
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE PubmedArticleSet [<!ENTITY a "aaaa">]>'
        "<PubmedArticleSet><PubmedArticle>&a;</PubmedArticle></PubmedArticleSet>"
    )
    rendered = _rendered(bomb)
    assert "declares entities" in rendered.rejections.get_column("detail")[0]


def test_a_ctgov_study_renders_as_its_registry_page_and_posts_its_results():
    rendered = _rendered(CTGOV_JSON)
    text = rendered.files.get_column("text")[0]
    assert "Identifier: NCT09000002" in text
    assert "Estimated Enrollment : 420 participants" in text
    assert "Phase : Phase 3" in text and "Allocation: Randomized" in text
    assert "Overall Survival\nTime Frame: up to 5 years\n" in text
    posted = rendered.posted.sort("value")
    ratio = posted.filter(pl.col("measure") == "hazard_ratio").row(0, named=True)
    assert (ratio["value"], ratio["ci_lower"], ratio["ci_upper"], ratio["ci_level"]) == (
        0.62,
        0.47,
        0.81,
        95.0,
    )
    assert (ratio["p_value"], ratio["p_operator"]) == (0.001, "<")
    assert (ratio["arm_label"], ratio["comparator_label"]) == ("Velorimab", "Docetaxel")
    # the value's span is the JSON string's content
    assert CTGOV_JSON[ratio["value_start"] : ratio["value_end"]] == "0.62"
    medians = posted.filter(pl.col("measure") == "median").select(
        "arm_label", "value", "n_patients"
    )
    assert medians.rows() == [("Docetaxel", 6.0, 210), ("Velorimab", 9.2, 210)]


def test_a_placebo_group_is_the_comparator_whatever_its_place():
    study = ctgov_study()
    groups = study["resultsSection"]["outcomeMeasuresModule"]["outcomeMeasures"][0]["groups"]
    groups[0]["title"], groups[1]["title"] = "Placebo", "Velorimab"
    rendered = _rendered(json.dumps(study))
    ratio = rendered.posted.filter(pl.col("measure") == "hazard_ratio").row(0, named=True)
    assert (ratio["arm_label"], ratio["comparator_label"]) == ("Velorimab", "Placebo")


def test_json_that_is_not_a_study_is_reported_and_the_rest_is_read():
    lines = "\n".join(
        [
            json.dumps(ctgov_study("NCT09000004")),
            '{"protocolSection": 1, "x": [',
            json.dumps({"nope": 1}),
        ]
    )
    rendered = _rendered(lines)
    details = rendered.rejections.get_column("detail").to_list()
    assert any("line 2: not JSON" in d for d in details)
    assert any("line 3" in d and "without protocolSection" in d for d in details)
    assert "Identifier: NCT09000004" in rendered.files.get_column("text")[0]


def test_a_legacy_record_gives_the_same_page_and_results():
    rendered = _rendered(CTGOV_XML)
    text = rendered.files.get_column("text")[0]
    assert text.startswith("Ostraparib Versus Placebo After Platinum Response (HERON-2)\n")
    assert "Actual Enrollment : 250" in text and "Masking: Double" in text
    ratio = rendered.posted.filter(pl.col("measure") == "hazard_ratio").row(0, named=True)
    assert (ratio["value"], ratio["p_value"], ratio["p_operator"]) == (0.30, 0.0001, "<")
    assert (ratio["arm_label"], ratio["comparator_label"]) == ("Ostraparib", "Placebo")
    assert CTGOV_XML[ratio["value_start"] : ratio["value_end"]] == "0.30"
    median = rendered.posted.filter(
        pl.col("arm_label") == "Ostraparib", pl.col("measure") == "median"
    )
    assert median.select("value", "ci_lower", "ci_upper").row(0) == (19.1, 16.2, 22.0)


def test_a_posted_ratio_outside_its_interval_is_refused_by_its_element_path():
    bad = CTGOV_XML.replace("<ci_upper_limit>0.41<", "<ci_upper_limit>0.29<")
    rendered = _rendered(bad)
    assert rendered.posted.filter(pl.col("measure") == "hazard_ratio").is_empty()
    (rule, detail, start, end) = rendered.rejections.select(
        "rule", "detail", "char_start", "char_end"
    ).row(0)
    assert rule == "posted_ci_not_enclosing"
    assert detail.startswith(
        "clinical_study[1]/clinical_results/outcome_list/outcome[1]/analysis_list/analysis[1]: "
    )
    assert bad[start:end] == "0.30"
    # the group medians of the same measure are still read
    assert rendered.posted.filter(pl.col("measure") == "median").height == 2


def test_an_html_page_gives_its_article_not_its_chrome():
    text = _rendered(HTML).files.get_column("text")[0]
    assert "KESTREL-5 improves survival in gastric cancer" in text
    assert "(HR 0.77; 95% CI, 0.63–0.94; P = .009)" in text
    for chrome in ("99.9", "88.8", "cookies", "77.7", "color:red"):
        assert chrome not in text


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40))
def test_json_strings_keep_their_spans_whatever_they_hold(value):
    text = json.dumps({"k": value, "n": 1.5})
    node, _ = parse(text)
    string = node.get("k")
    assert string.value == value
    pieces = runs(text, string)
    assert "".join(p[0] for p in pieces) == value
    for piece, start, end in pieces:
        assert json.loads(f'"{text[start:end]}"') == piece


@pytest.mark.parametrize("raw", ["{", '{"a": }', "[1, 2"])
def test_broken_json_says_where(raw):
    with pytest.raises(ValueError, match="at character"):
        parse(raw)
