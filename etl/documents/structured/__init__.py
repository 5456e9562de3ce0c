"""Structured files (PubMed XML, ClinicalTrials.gov JSON and legacy XML, HTML pages) → the text
a reader sees of them, with the span of each piece in the file (``pieces``), their records and
fields, and their posted results.

``render_structured`` is the one place a structured file is told and parsed; everything after it
reads the renderings as text, and etl.documents.structured.pieces.to_source carries the offsets
back to the file.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import BinaryIO
from xml.parsers.expat import ExpatError

import polars as pl

from etl.audit import rejection_row, rejections_frame
from etl.documents.cards import join_cards
from etl.documents.label_lines import join_label_values
from etl.documents.structured.ctgov import Page, render_clinical_study, render_study
from etl.documents.structured.html_text import render_html
from etl.documents.structured.json_spans import J, JsonError, parse
from etl.documents.structured.pieces import Renderer, empty_pieces, pieces_frame
from etl.documents.structured.posted import Posted
from etl.documents.structured.pubmed import render_pubmed
from etl.documents.structured.xml_nodes import XmlRefused, iter_records
from etl.documents.wraps import unwrap
from etl.vocab.codes import STREAMED_FORMATS, code

PUBMED_XML, CTGOV_JSON, CTGOV_XML, HTML, TEXT = (
    code("source_format", f) for f in ("pubmed_xml", "ctgov_json", "ctgov_xml", "html", "text")
)
_HEAD = 4096
_XML_ROOT = re.compile(r"<(?!\?|!)([A-Za-z_][\w.-]*)")
_HTML_HEAD = re.compile(
    r"^\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html)", re.IGNORECASE | re.DOTALL
)

RECORD_SCHEMA = {
    "document_id": pl.String,
    "record_index": pl.Int64,
    "r_start": pl.Int64,
    "r_end": pl.Int64,
    "pmid": pl.String,
    "doi": pl.String,
    "pmc_id": pl.String,
    "title": pl.String,
    "journal": pl.String,
    "year": pl.Int64,
    "authors": pl.String,
    "publication_types": pl.String,
    "nct_ids": pl.String,
}
POSTED_SCHEMA = {
    "document_id": pl.String,
    "line_start": pl.Int64,  # the start of the line that says it, in the rendering
    "title": pl.String,
    "measure": pl.String,
    "unit": pl.String,
    "value": pl.Float64,
    "value_start": pl.Int64,  # in the file
    "value_end": pl.Int64,
    "arm_label": pl.String,
    "comparator_label": pl.String,
    "ci_level": pl.Float64,
    "ci_lower": pl.Float64,
    "ci_upper": pl.Float64,
    "p_value": pl.Float64,
    "p_operator": pl.String,
    "n_patients": pl.Int64,
    "category": pl.String,
    "evidence_text": pl.String,
}


@dataclass(frozen=True)
class Rendered:
    files: pl.DataFrame  # the files, ``text`` the rendering, ``source_text`` the file's own
    pieces: pl.DataFrame  # etl.documents.structured.pieces.PIECE_SCHEMA
    records: pl.DataFrame  # RECORD_SCHEMA: the records of the structured files, with fields
    posted: pl.DataFrame  # POSTED_SCHEMA
    rejections: pl.DataFrame


def source_format(text: str) -> str:
    """What a file is, told from its first characters."""
    head = text[:_HEAD].lstrip("\ufeff \t\r\n")
    if head.startswith(("{", "[")) and '"protocolSection"' in text:
        return CTGOV_JSON
    if head.startswith("<"):
        if _HTML_HEAD.match(head):
            return HTML
        root = next(
            (m.group(1) for m in _XML_ROOT.finditer(head) if m.group(1).lower() != "doctype"), ""
        )
        if root in ("PubmedArticleSet", "PubmedArticle"):
            return PUBMED_XML
        if root == "clinical_study":
            return CTGOV_XML
        if re.search(r"<(?:body|p|div|h1)\b", head, re.IGNORECASE):
            return HTML
    return TEXT


def _studies(text: str) -> tuple[list[tuple[J | None, str]], list[str]]:
    """The studies of a ClinicalTrials.gov JSON file (a study, a page ``{"studies": [...]}``,
    or JSON lines), each with its path in the file; and what could not be read."""
    found: list[tuple[J | None, str]] = []
    problems: list[str] = []
    try:
        top, end = parse(text)
        rest = text[end:].strip()
        if rest:  # JSON lines: one study per line
            raise JsonError("more than one value", end)
        values = [(top, "$")]
    except JsonError:
        values = []
        offset = 0
        for n, line in enumerate(text.split("\n"), start=1):
            if line.strip():
                try:
                    value, _ = parse(text, offset)
                    values.append((value, f"line {n}"))
                except JsonError as exc:
                    problems.append(f"line {n}: not JSON ({exc})")
            offset += len(line) + 1
    for value, path in values:
        if isinstance(value.value, dict) and "studies" in value.value:
            if not isinstance(value.value["studies"].value, list):
                problems.append(f"{path}.studies: not a list of studies")
            for i, study in enumerate(value.items("studies")):
                found.append((study, f"{path}.studies[{i}]"))
        elif isinstance(value.value, list):
            found.extend((study, f"{path}[{i}]") for i, study in enumerate(value.value))
        else:
            found.append((value, path))
    return found, problems


def _render_ctgov_json(
    text: str, out: Renderer, page: Page
) -> tuple[list[tuple[int, int]], list[str]]:
    studies, problems = _studies(text)
    spans = []
    for study, path in studies:
        if study is None or not isinstance(study.value, dict):
            problems.append(f"{path}: not a study (a JSON object with a protocolSection)")
            continue
        protocol = study.get("protocolSection")
        if protocol is None or not isinstance(protocol.value, dict):
            problems.append(f"{path}: a study without protocolSection: not read")
            continue
        start = out.length
        page.where = path
        render_study(text, study, page)
        spans.append((start, out.length))
    return spans, problems


def _posted_row(document_id: str, line_start: int, p: Posted) -> dict:
    """A posted number as a row of POSTED_SCHEMA (the line that says it, the value's span)."""
    row = {k: v for k, v in dataclasses.asdict(p).items() if k in POSTED_SCHEMA}
    return row | {
        "document_id": document_id,
        "line_start": line_start,
        "value_start": p.value_span[0],
        "value_end": p.value_span[1],
        "arm_label": p.arm,
        "comparator_label": p.comparator,
        "evidence_text": p.evidence,
    }


def streamed_format(head: str) -> str | None:
    """The format of a file that begins with ``head`` if it is read from disk as it is parsed
    (etl.documents.read then keeps no text of it, only this format): the XML formats, as a
    PubMed export can hold a million articles. None for any other file."""
    fmt = source_format(head)
    return fmt if fmt in STREAMED_FORMATS else None


@contextmanager
def _source(text: str | None, path: str | None) -> Iterator[str | BinaryIO]:
    """A file's text as read, or, for a streamed file, the file opened in binary."""
    if text is not None:
        yield text
        return
    with open(path or "", "rb") as f:
        yield f


def render_structured(files: pl.DataFrame) -> Rendered:
    """``files`` (etl.documents.read) with the structured ones rendered as text. A streamed
    file's text is null, its format told by read_folder, and its ``path`` is read here, as it
    is parsed."""
    for column in ("path", "source_format"):
        if column not in files.columns:
            files = files.with_columns(pl.lit(None, dtype=pl.String).alias(column))
    formats = [
        source_format(t) if t is not None else told
        for t, told in files.select("text", "source_format").iter_rows()
    ]
    texts, pieces, records, posted, rejections = [], [], [], [], []
    for (document_id, name, text, path), fmt in zip(
        files.select("document_id", "source_file", "text", "path").iter_rows(),
        formats,
        strict=True,
    ):
        if fmt == TEXT:
            # (a hard-wrapped text's breaks inside paragraphs read as spaces, as is the break
            # between a result's label and its value on the next line; offsets kept)
            texts.append(join_label_values(join_cards(unwrap(text))))
            continue
        out = Renderer()
        page = Page(out)
        problems: list[str] = []
        spans: list[tuple[int, int]] = []
        fields: list[dict] = []
        if fmt == PUBMED_XML:
            try:
                with _source(text, path) as source:
                    articles, problem, books = render_pubmed(source, out)
            except OSError as exc:
                articles, problem, books = [], f"cannot read the file: {exc}", 0
            if problem:
                problems.append(problem)
            for a in articles:
                spans.append((a.r_start, a.r_end))
                fields.append(
                    {k: v for k, v in a.__dict__.items() if k not in ("r_start", "r_end")}
                )
            if books:
                rejections.append(
                    rejection_row(
                        name,
                        "read",
                        "pubmed_book_not_read",
                        f"{books} PubmedBookArticle record(s) (book chapters) not read",
                        severity="warning",
                    )
                )
        elif fmt == CTGOV_XML:
            try:
                with _source(text, path) as source:
                    studies = iter_records(source, "clinical_study", spanned=frozenset({"value"}))
                    for k, study in enumerate(studies, start=1):
                        start = out.length
                        page.where = f"clinical_study[{k}]"
                        render_clinical_study(study, page)
                        spans.append((start, out.length))
            except (ExpatError, XmlRefused) as exc:
                problems.append(f"{type(exc).__name__}: {exc}")
            except OSError as exc:
                problems.append(f"cannot read the file: {exc}")
        elif fmt == CTGOV_JSON:
            spans, problems = _render_ctgov_json(text, out, page)
        else:
            render_html(text, out)
        for problem in problems:
            rejections.append(
                rejection_row(
                    name,
                    "read",
                    f"{fmt}_unreadable",
                    f"{problem}; what could be read of the file was kept",
                    severity="error",
                )
            )
        pieces.append(pieces_frame(document_id, out))
        texts.append(out.finish())
        for i, (a, b) in enumerate(spans):
            row = {"document_id": document_id, "record_index": i, "r_start": a, "r_end": b}
            row.update(fields[i] if i < len(fields) else {})
            records.append(row)
        posted.extend(_posted_row(document_id, line_start, p) for line_start, p, _ in page.posted)
        rejections.extend(
            rejection_row(
                name,
                "read",
                "posted_ci_not_enclosing",
                f"{path}: {p.title}: {p.measure} {p.written} lies outside its "
                f"{p.ci_level or 95:g}% CI {p.ci_lower:g} to {p.ci_upper:g}; not read",
                *p.value_span,
            )
            for p, path in page.refused
        )
    return Rendered(
        files=files.with_columns(
            pl.col("text").alias("source_text"),
            pl.Series("text", texts, dtype=pl.String),
            pl.Series("source_format", formats, dtype=pl.String),
        ),
        pieces=pl.concat(pieces) if pieces else empty_pieces(),
        records=pl.DataFrame(records, schema=RECORD_SCHEMA),
        posted=pl.DataFrame(posted, schema=POSTED_SCHEMA),
        rejections=rejections_frame(rejections),
    )
