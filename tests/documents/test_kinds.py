import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.documents.kinds import (
    _REGISTRY_LABELS,
    _VENDOR_MARKERS,
    _n_distinct,
    document_kind_expr,
    with_document_kind,
)
from etl.documents.stage import stage_documents
from tests.conftest import files_frame
from tests.fixtures import docs


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (docs.LISTING, "publication_listing"),
        (docs.ABSTRACTS, "abstract_collection"),
        (docs.REGISTRY, "registry_record"),
        (docs.VENDOR, "vendor_sheet"),
        (docs.NEWS, "news_article"),
        ("Site map | Contact | Privacy", "other"),
        ("", "other"),
    ],
)
def test_kind_is_told_from_content(text, kind):
    frame = files_frame({"any-name.txt": text})
    assert with_document_kind(frame).get_column("document_kind").to_list() == [kind]
    assert frame.with_columns(document_kind_expr()).equals(with_document_kind(frame))


def test_a_structured_file_is_its_formats_kind_and_an_html_page_its_texts():
    # (the format is told once, from the file's head: etl.documents.structured.source_format)
    page = (
        "<!DOCTYPE html><html><body><p>" + docs.NEWS.replace("\n", "</p><p>") + "</p></body></html>"
    )
    files = files_frame(
        {
            "a.xml": '<?xml version="1.0"?>\n<PubmedArticleSet><PubmedArticle><MedlineCitation>'
            "<PMID>1</PMID><Article><ArticleTitle>A title.</ArticleTitle></Article>"
            "</MedlineCitation></PubmedArticle></PubmedArticleSet>",
            "b.json": '{"protocolSection": {"identificationModule": {"nctId": "NCT01234567"}}}',
            "c.xml": "<clinical_study><id_info><nct_id>NCT01234568</nct_id></id_info></clinical_study>",
            "d.html": page,
            "e.txt": docs.NEWS,
        }
    )
    kinds = dict(
        stage_documents(files).documents.select("source_file", "document_kind").iter_rows()
    )
    assert kinds == {
        "a.xml": "pubmed_xml",
        "b.json": "ctgov_json",
        "c.xml": "ctgov_xml",
        "d.html": kinds["e.txt"],
        "e.txt": "news_article",
    }


def test_kind_does_not_depend_on_the_file_name():
    frame = files_frame({"registry.txt": docs.ABSTRACTS, "abstracts.txt": docs.REGISTRY})
    kinds = dict(
        frame.with_columns(document_kind_expr()).select("source_file", "document_kind").iter_rows()
    )
    assert kinds == {"registry.txt": "abstract_collection", "abstracts.txt": "registry_record"}


def test_an_abstract_mentioning_a_registry_label_stays_an_abstract():
    text = (
        "Inclusion criteria were broad; we enrolled 300 patients in a randomised trial of drug A. "
        * 5
    ).strip()
    frame = files_frame({"a.txt": text}).with_columns(document_kind_expr())
    assert frame.item(0, "document_kind") == "abstract"


# a web story told in long paragraphs, none labelled, one short heading between them
_STORY = [
    "Regulators have cleared drug K for adults with an advanced soft-tissue tumour that surgery "
    "cannot treat. The approval rests on the phase 3 ORVEX-7 trial, whose full results appeared "
    "this spring and showed the first durable tumour shrinkage seen with a tablet in this disease, "
    "a finding that specialists at several centres described as a real change for their patients.",
    "The trial ran in two parts. In the first, 140 patients were randomly assigned to drug K "
    "once daily or to a matching placebo for 24 weeks; in the second, everyone still enrolled "
    "could take drug K openly, and the investigators followed them for two more years to see "
    "whether the benefit held and whether any late side effects appeared with longer use.",
    "Drug K shrinks tumours",
    "Eight patients in the placebo group and six in the drug K group stopped early. The response "
    "rate was 36% with drug K against 2% with placebo at week 25, and responses lasted: nearly "
    "all responders were still responding six months later, the investigators reported, and "
    "most of them also felt their stiffness and pain had eased by the end of the first part.",
    "Serious side effects were seen in 12% of the drug K group and 3% of the placebo group. The "
    "commonest were changes in hair colour, tiredness and raised liver enzymes, which resolved "
    "when the dose was lowered or paused, according to the trial's safety committee, which "
    "met every three months and asked for closer liver tests in the second part of the study.",
]
# one abstract a line, none opening with a label: as many as a text export holds
_ONE_A_LINE = [
    f"Study {n} of drug {name} enrolled {40 + n} patients with an advanced solid tumour in a "
    "single-centre cohort followed for two years by the same investigators. "
    * 3
    + f"The response rate was {10 + n}% and median survival {6 + n} months."
    for n, name in enumerate("ABCDEFGHI")
]


def test_a_story_in_long_paragraphs_is_one_record_not_a_collection():
    staged = stage_documents(files_frame({"story.txt": "\n".join(_STORY)}))
    assert staged.documents.item(0, "document_kind") != "abstract_collection"
    assert staged.publications.height == 1


def test_many_unlabelled_abstracts_one_a_line_are_a_collection():
    staged = stage_documents(files_frame({"export.txt": "\n".join(_ONE_A_LINE)}))
    assert staged.documents.item(0, "document_kind") == "abstract_collection"
    assert staged.publications.height == len(_ONE_A_LINE)


def test_kind_expr_is_columnar():
    frame = files_frame({f"f{i}.txt": t for i, t in enumerate([docs.LISTING, docs.VENDOR])})
    assert isinstance(document_kind_expr(), pl.Expr)
    assert frame.with_columns(document_kind_expr()).height == 2


# marks and labels in any case, broken or run into words, among the characters that case
# folding and lower case treat apart (ſ, the Kelvin sign, İ) and other non-ASCII letters
_MARK_PIECES = st.sampled_from(
    [
        *("RUO", "ruo", "Purity", "PURITY", "CAS No.", "cas no.", "Cat. No.", "cat.no."),
        *(
            "Study Type",
            "STUDY TYPE",
            "study \u212aype",
            "Sponsor",
            "SPONSOR",
            "ſponsor",
            "reſearch use only",
            "Lead Sponsor",
        ),
        *("Locations", "Arms & Interventions", "arms and interventions", "Enrollment"),
        *("ſ", "\u212a", "İ", "ı", "é", "x", "_", "1", " ", "\n", ": ", ".", ""),
    ]
)


@given(st.lists(st.lists(_MARK_PIECES, max_size=12).map("".join), min_size=1, max_size=6))
@settings(max_examples=200, deadline=None)
def test_marks_are_found_in_any_case(texts):
    """Looked for in lower case where that finds the same, the marks and labels are counted as
    a pattern that ignores case counts them."""
    frame = pl.DataFrame({"text": texts})
    for pattern in (_REGISTRY_LABELS, _VENDOR_MARKERS):
        caseless = (
            pl.col("text")
            .str.extract_all("(?i)" + pattern)
            .list.eval(pl.element().str.to_lowercase())
            .list.n_unique()
        )
        found = frame.select(_n_distinct(pattern).alias("n"), caseless.alias("expected"))
        assert found.get_column("n").to_list() == found.get_column("expected").to_list()


def test_a_trial_card_headed_like_a_registry_is_no_registry_record():
    """A knowledge base's card prints a study's design and eligibility under the labels a
    registry uses; a registry page has its own labels besides (status, enrolment, sponsor)."""
    card = (
        "ZOLTAN (advanced gastric cancer)\n"
        "Study design\nMulti-center\nDouble blinded\nRCT\n"
        "Inclusion criteria: adults with untreated advanced gastric cancer.\n"
        "Key exclusion criteria: prior systemic therapy.\n"
        "Primary outcome\nMedian overall survival\n"
        "Increase in median overall survival (14.1 months vs. 11.2 months; HR 0.77, 95% CI "
        "0.64 to 0.92).\n"
    )
    registry = card + "Study type\nInterventional\nEnrollment (Actual)\n540\nSponsor\nA company\n"
    kinds = with_document_kind(files_frame({"card.txt": card, "registry.txt": registry}))
    assert kinds.get_column("document_kind").to_list() == ["abstract", "registry_record"]


def test_a_dated_report_of_an_approval_is_news_whatever_its_subheadings():
    """A byline's "Last Updated" and "(FDA) approved" say a page is a news report, even when a
    subheading in sentence case stands between its paragraphs."""
    para = (
        "Median progression-free survival among patients treated with drug K plus drug L was 7.8 "
        "months compared with 5.6 months in those treated with placebo plus drug L, and median "
        "overall survival was 21.9 months compared with 17.4 months in the phase III ORCA-7 trial."
    )
    text = (
        "Agency Approves Drug K for Advanced Disease\n\nBy A. Writer - Last Updated: March 2, 2025"
        "\n\nThe U.S. Food and Drug Administration (FDA) approved drug K in combination with drug "
        "L for advanced disease after one or more prior treatments, on the strength of the ORCA-7 "
        "trial of 612 patients.\n\nImproved survival with the addition of drug K\n\n" + para
    )
    staged = stage_documents(files_frame({"approval.txt": text}))
    assert staged.documents.item(0, "document_kind") == "news_article"
    assert staged.publications.height == 1
