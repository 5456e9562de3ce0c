# ruff: noqa: E501
"""Pages of abstracts as sites give them: where one abstract ends and the next begins, and the
kinds of documents analysts collect besides the seed kinds. All texts written for the tests."""

from __future__ import annotations

import polars as pl
import pytest

from etl.documents.kinds import with_document_kind
from etl.documents.stage import stage_documents
from tests.conftest import files_frame

_PROSE = (
    "Patients with advanced disease were treated in a multicentre programme and followed closely "
    "for survival, response and safety over several years of observation in routine care."
)

COLLECTION = f"""Drug K Plus Drug L in Advanced Gastric Cancer: The ORCA-7 Trial.

Smith AB, Jones CD, Brown EF, Green GH, White IJ, J Clin Example, 2024 Jan 3, doi:10.1000/x1


Background: {_PROSE}

Methods: Patients were randomly assigned 1:1 to receive drug K plus drug L or drug L alone.

Results: Median overall survival was 14.1 months with drug K plus drug L versus 10.2 months with drug L alone (hazard ratio, 0.71; 95% CI, 0.58 to 0.87).

Long-Term Outcomes of a Phase 2 Study of Drug M in Pretreated Sarcoma

Doe J et al. Ann Example Oncol. 2023 May.

Abstract

{_PROSE} The objective response rate was 31% (95% CI, 22 to 41) and median progression-free survival was 5.5 months.

• Drug N added to standard induction improved remission in older adults.
• Median OS was 9.9 months with drug N.

{_PROSE} In this phase 3 trial, 300 patients were randomized 2:1 to drug N (n = 200) or placebo (n = 100). Median OS was 9.9 months vs 6.1 months.

Copyright 2024 Example Press
"""

SINGLE = f"""Drug P in Relapsed Lymphoma: A Phase 2 Study

Abstract

BACKGROUND
{_PROSE}

METHODS
In this single-arm phase 2 trial, 60 patients received drug P until progression.

RESULTS
The overall response rate was 45% (95% CI, 32 to 58). Median progression-free survival was 8.2 months.

CONCLUSIONS
{_PROSE}
"""

NEWS = f"""Drug Q extends survival in lung cancer, company says

Results from the phase 3 HARBOR-3 trial were presented at the annual meeting by Jane Roe, MD, and colleagues. {_PROSE}
“These data are practice-changing,” said Dr Roe. Median overall survival was 22.3 months with drug Q versus 16.0 months with chemotherapy (HR = 0.72).
"""

REVIEW = f"""The evidence for drug R in myeloma comes from a phase 3 study published in a major journal in 2019, which built on earlier single-arm data. {_PROSE}
A second study, published in 2021, confirmed the benefit of drug R in later lines. {_PROSE}
Efficacy
Drug R reduced the risk of progression by 40% compared with the control regimen (HR 0.60; 95% CI 0.48-0.75).
"""

PIPE_TABLE = """Table 3. Randomised trials of drug S in breast cancer
| Trial | Treatment | Control | Median PFS (95% CI) | Hazard ratio (95% CI) |
|---|---|---|---|---|
| WAVE-1 | Drug S + letrozole | Placebo + letrozole | 24.1 months (20.0-28.3) | 0.58 (0.46-0.72) |
| WAVE-2 | Drug S + fulvestrant | Placebo + fulvestrant | 16.4 months (14.1-19.0) | 0.55 (0.44-0.69) |
"""


def _kinds(texts: dict[str, str]) -> dict[str, str]:
    staged = stage_documents(files_frame(texts))
    return dict(staged.documents.select("source_file", "document_kind").iter_rows())


def test_each_kind_analysts_collect_is_told_from_its_content():
    kinds = _kinds(
        {
            "a.txt": COLLECTION,
            "b.txt": SINGLE,
            "c.txt": NEWS,
            "d.txt": REVIEW,
            "e.txt": PIPE_TABLE,
        }
    )
    assert kinds == {
        "a.txt": "abstract_collection",
        "b.txt": "abstract",
        "c.txt": "news_article",
        "d.txt": "review",
        "e.txt": "trial_table",
    }


def test_a_collection_is_cut_where_front_matter_follows_a_body():
    staged = stage_documents(files_frame({"a.txt": COLLECTION}))
    publications = staged.publications.sort("record_index")
    assert publications.height == 3
    titles = publications.get_column("title").to_list()
    assert titles[0].startswith("Drug K Plus Drug L")
    assert titles[1].startswith("Long-Term Outcomes of a Phase 2 Study")
    # the key points open the third abstract; the copyright line after it stays with it
    third = COLLECTION[publications.item(2, "char_start") : publications.item(2, "char_end")]
    assert third.startswith("• Drug N added")
    assert third.endswith("Copyright 2024 Example Press")


def test_a_page_with_headings_of_its_own_sections_is_one_record():
    # "Efficacy" / "Toxicity" between paragraphs head sections of one page: no abstract's front
    # matter (a title of more words, authors, a citation), so the page is not cut there and its
    # later sections keep the groups its first one declared
    text = (
        f"In this phase 3 trial, 400 patients were randomised to drug K or drug L. {_PROSE}\n"
        "Efficacy\n"
        f"Median PFS was 9.9 months in the drug K group and 6.1 months in the drug L group. {_PROSE}\n"
        "Safety Results\n"
        f"Grade 3 events occurred in 30% of drug K patients and 22% of drug L patients. {_PROSE}\n"
    )
    staged = stage_documents(files_frame({"p.txt": text}))
    assert staged.publications.height == 1
    # (front matter that follows a body still opens the next abstract of a collection)
    assert stage_documents(files_frame({"a.txt": COLLECTION})).publications.height == 3


def test_title_authors_and_citation_lines_have_their_roles():
    staged = stage_documents(files_frame({"a.txt": COLLECTION}))
    roles = staged.record_lines.filter(pl.col("role") != "body").select("record_index", "role")
    assert roles.rows() == [(0, "title"), (0, "authors"), (1, "title"), (1, "citation")]


def test_a_single_structured_abstract_is_one_record_with_its_title():
    staged = stage_documents(files_frame({"b.txt": SINGLE}))
    assert staged.publications.height == 1
    assert staged.publications.item(0, "title") == "Drug P in Relapsed Lymphoma: A Phase 2 Study"


@pytest.mark.parametrize(
    "text",
    [
        "Overall survival was 12.0 months. Progression-free survival was 4.1 months.",
        "Median OS was 9 months (95% CI 7-11).",
    ],
)
def test_a_short_text_is_read_as_body_not_as_a_title(text):
    staged = stage_documents(files_frame({"s.txt": text}))
    assert staged.record_lines.get_column("role").to_list() == ["body"]


def test_three_paragraphs_of_one_abstract_are_not_a_collection():
    paragraph = _PROSE + " " + _PROSE
    text = f"{paragraph}\n\nWe randomly assigned 200 patients to drug T or placebo. {paragraph}\n\n{paragraph} Median OS was 11 months."
    assert with_document_kind(files_frame({"p.txt": text})).item(0, "document_kind") == "abstract"
    assert _kinds({"p.txt": text}) == {"p.txt": "abstract"}


def test_a_structured_abstract_with_a_section_a_line_is_one_abstract():
    # (as a PubMed page is copied: the title, then each labelled section on a line of its own)
    long = f"{_PROSE} {_PROSE} {_PROSE}"
    text = (
        "Drug T in Resected Pancreatic Cancer: A Randomized Trial\n\n"
        f"BACKGROUND: {long}\n"
        f"METHODS: We randomly assigned 200 patients to drug T or placebo. {long}\n"
        f"RESULTS: Median overall survival was 21.0 months with drug T. {long}\n"
        f"CONCLUSIONS: Drug T improved survival. {long}\n"
    )
    assert _kinds({"s.txt": text}) == {"s.txt": "abstract"}
    staged = stage_documents(files_frame({"s.txt": text}))
    assert staged.publications.height == 1
    # (lines that each open an abstract are still a collection)
    lines = "\n".join(f"BACKGROUND: Study {i}. {long}" for i in range(4))
    assert _kinds({"c.txt": lines}) == {"c.txt": "abstract_collection"}


def test_a_piece_that_cites_a_news_release_is_a_news_article():
    text = (
        "Drug T lowers the risk of death by a third\n\n"
        "Drug T reduced the risk of death in a phase 3 study of 600 patients with early lung "
        "cancer. About 85 percent of patients who took drug T were alive at five years, and the "
        "placebo group had a 75 percent survival rate, according to a May 4 news release.\n"
    )
    assert _kinds({"n.txt": text}) == {"n.txt": "news_article"}


def test_a_title_that_lists_its_design_in_capitals_is_no_author_list():
    page = (
        "Clinical Trial Results:\n"
        "A Phase 3, Multicenter, Randomized, Open-label Study to Compare Drug K in Combination "
        "with Low-Dose Dexamethasone versus High-Dose Dexamethasone in Refractory Myeloma\n"
        "Summary\n"
        "Patients were randomized to drug K plus low-dose dexamethasone or high-dose "
        "dexamethasone; median PFS was 4.0 versus 1.9 months.\n"
    )
    staged = stage_documents(files_frame({"register.txt": page}))
    roles = dict(staged.record_lines.select("line", "role").iter_rows())
    title = next(line for line in roles if line.startswith("A Phase 3"))
    assert roles[title] != "authors"
