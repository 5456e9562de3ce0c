"""PubMed XML (``PubmedArticleSet``: efetch or a saved search) → one record per article.

Each article is rendered as a reader sees it (its title, then each abstract section: the
``Label`` attribute on a line of its own, then the section's text) for the sentence and outcome
extractors, and its bibliographic fields are taken from their elements (PMID, DOI, PMC id,
journal, year, authors, publication types, and the NCT numbers of its ``DataBankList``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import BinaryIO
from xml.parsers.expat import ExpatError

from etl.documents.structured.pieces import Renderer
from etl.documents.structured.xml_nodes import Node, XmlRefused, attribute_span, iter_records

RECORD_TAG = "PubmedArticle"
BOOK_TAG = "PubmedBookArticle"
_NCT = re.compile(r"^NCT\d{8}$")
_YEAR = re.compile(r"(1[89]\d\d|20\d\d)")


@dataclass(frozen=True)
class Article:
    r_start: int  # the record's span in the rendering
    r_end: int
    pmid: str | None
    doi: str | None
    pmc_id: str | None
    title: str | None
    journal: str | None
    year: int | None
    authors: str | None
    publication_types: str | None
    nct_ids: str | None


def _authors(article: Node) -> str | None:
    names = []
    for author in article.find_all("AuthorList/Author"):
        collective = author.text_of("CollectiveName")
        last, initials = author.text_of("LastName"), author.text_of("Initials")
        name = collective or " ".join(p for p in (last, initials) if p)
        if name:
            names.append(name)
    return ", ".join(names) or None


def _year(article: Node) -> int | None:
    date = article.find("Journal/JournalIssue/PubDate")
    for text in (
        date.text_of("Year") if date else None,
        date.text_of("MedlineDate") if date else None,
        article.text_of("ArticleDate/Year"),
    ):
        m = _YEAR.search(text or "")
        if m:
            return int(m.group(1))
    return None


def _ids(record: Node, article: Node) -> tuple[str | None, str | None]:
    doi = pmc = None
    for node in record.find_all("PubmedData/ArticleIdList/ArticleId"):
        kind, value = node.attrs.get("IdType"), " ".join(node.text().split())
        if kind == "doi" and value:
            doi = doi or value
        elif kind == "pmc" and value:
            pmc = pmc or value
    if doi is None:
        for node in article.find_all("ELocationID"):
            if node.attrs.get("EIdType") == "doi":
                doi = " ".join(node.text().split()) or None
    return doi, pmc


def _nct_ids(article: Node) -> str | None:
    found = []
    for bank in article.find_all("DataBankList/DataBank"):
        for accession in bank.find_all("AccessionNumberList/AccessionNumber"):
            value = " ".join(accession.text().split())
            if _NCT.match(value) and value not in found:
                found.append(value)
    return ", ".join(found) or None


def render_article(record: Node, out: Renderer) -> Article:
    """Render one ``PubmedArticle`` into ``out`` and return its fields."""
    citation = record.find("MedlineCitation")
    article = citation.find("Article") if citation else None
    start = out.length
    if article is None:
        out.say("(an article without its Article element)\n", record.start, record.end)
        return Article(start, out.length, None, None, None, None, None, None, None, None, None)
    title = article.find("ArticleTitle")
    if title is not None and title.text().strip():
        out.add_runs(title.runs())
        out.say("\n")
    for section in article.find_all("Abstract/AbstractText"):
        label = section.attrs.get("Label")
        span = attribute_span(section, "Label") if label else None
        if label and span:
            out.add(label, *span)
            out.say("\n")
        if section.text().strip():
            out.add_runs(section.runs())
            out.say("\n")
    doi, pmc = _ids(record, article)
    types = [
        " ".join(t.text().split()) for t in article.find_all("PublicationTypeList/PublicationType")
    ]
    if out.length == start:  # (no title and no abstract: the record still has a span)
        out.say("(an article without a title or an abstract)\n", record.start, record.end)
    return Article(
        r_start=start,
        r_end=out.length,
        pmid=citation.text_of("PMID") if citation else None,
        doi=doi,
        pmc_id=pmc,
        title=" ".join(title.text().split()) if title is not None else None,
        journal=article.text_of("Journal/Title") or article.text_of("Journal/ISOAbbreviation"),
        year=_year(article),
        authors=_authors(article),
        publication_types="; ".join(t for t in types if t) or None,
        nct_ids=_nct_ids(article),
    )


def render_pubmed(source: str | BinaryIO, out: Renderer) -> tuple[list[Article], str | None, int]:
    """Every article of a PubMed XML file (its text, or the file opened in binary, streamed),
    rendered into ``out``; what stopped the reading (None when the file was read to its end:
    the articles before a fault are kept); and how many book chapters (PubmedBookArticle, not
    read) it holds."""
    articles: list[Article] = []
    books = {BOOK_TAG: 0}
    try:
        for record in iter_records(source, RECORD_TAG, books, spanned=frozenset({"Label"})):
            articles.append(render_article(record, out))
    except (XmlRefused, ExpatError) as exc:
        return articles, f"{type(exc).__name__}: {exc}", books[BOOK_TAG]
    return articles, None, books[BOOK_TAG]
