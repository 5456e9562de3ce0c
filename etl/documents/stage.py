"""Files → the staging frames of documents, publications (records) and their lines."""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

from etl.audit import rejection_row, rejections_frame
from etl.documents.biblio import citation_fields, identifier_fields, title_expr, year_expr
from etl.documents.ids import span_id_expr
from etl.documents.kinds import ABSTRACT_COLLECTION, with_document_kind
from etl.documents.records import lines_frame, record_lines, records_frame, with_collections
from etl.documents.structured import POSTED_SCHEMA, render_structured
from etl.documents.structured.pieces import empty_pieces
from etl.documents.study_type import study_type_expr
from etl.documents.table_glued import GLUED_SIGN
from etl.documents.table_grid import GROUP_SIZE
from etl.documents.tables import Table, find_tables
from etl.schemas.staging import Documents, Publications, polars_schema
from etl.text import WHITESPACE, slices
from etl.vocab.codes import STRUCTURED_KINDS


@dataclass(frozen=True)
class Staged:
    documents: pl.DataFrame
    publications: pl.DataFrame
    record_lines: pl.DataFrame
    rejections: pl.DataFrame
    # the tables of each document that has any (by document_id), and one row per table row:
    # its record, span and text (a sentence of its own, read by the table reader)
    tables: dict[str, list[Table]] = field(default_factory=dict)
    table_rows: pl.DataFrame = field(default_factory=lambda: empty_table_rows())
    # structured files: where each piece of their renderings lies in the file, and the results
    # a registry posted (etl.documents.structured)
    pieces: pl.DataFrame = field(default_factory=empty_pieces)
    posted: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema=POSTED_SCHEMA))


def _document_title() -> pl.Expr:
    first_line = (
        pl.col("text")
        .str.strip_chars_start("\ufeff \t\r\n")
        .str.extract(r"^([^\n]{1,200})(?:\n|$)", 1)
        .str.strip_chars(WHITESPACE)
    )
    breadcrumb_tail = first_line.str.split(" > ").list.last()
    return (
        pl.when(pl.col("document_kind") == "abstract_collection")
        .then(pl.lit(None, dtype=pl.String))
        .otherwise(pl.coalesce(pl.col("record_title"), breadcrumb_tail))
        .alias("title")
    )


def _kind_findings(docs: pl.DataFrame) -> pl.DataFrame:
    """A warning for each file with text whose kind is none the readers know (an HTML page is
    parsed and read as its text: etl.documents.structured)."""
    rows = []
    for name, kind, n_chars in docs.select("source_file", "document_kind", "n_chars").iter_rows():
        if n_chars == 0:
            continue
        if kind == "other":
            rows.append(
                rejection_row(
                    name,
                    "read",
                    "unknown_kind",
                    "document kind not recognised: read as one record",
                    severity="warning",
                )
            )
    return rejections_frame(rows)


# (what etl.documents.tables.is_table_line looks for: a bar, a tab, a caption, a glued row, a
# group's size alone on its line)
_TABLE_SIGNS = (
    rf"[|\t]|(?m)^\s*(?:Table|TABLE)\s+[A-Z]?\d|{GLUED_SIGN}|(?m)^\s*{GROUP_SIZE.pattern}\s*$"
)


def document_tables(docs: pl.DataFrame) -> dict[str, list[Table]]:
    """The tables of each document that has a table line (most have none: not parsed)."""
    candidates = docs.filter(pl.col("text").str.contains(_TABLE_SIGNS))
    found = {
        document_id: find_tables(text)
        for document_id, text in candidates.select("document_id", "text").iter_rows()
    }
    return {document_id: tables for document_id, tables in found.items() if tables}


def empty_table_rows() -> pl.DataFrame:
    return pl.DataFrame(
        schema={
            "document_id": pl.String,
            "source_file": pl.String,
            "record_index": pl.Int64,
            "char_start": pl.Int64,
            "char_end": pl.Int64,
            "text": pl.String,
        }
    )


def _table_rows(
    tables: dict[str, list[Table]], texts: dict[str, str], rec_lines: pl.DataFrame
) -> pl.DataFrame:
    """One row per table row: the record its lines belong to, its span and its text."""
    spans = [
        (document_id, start, end, texts[document_id][start:end])
        for document_id, found in tables.items()
        for table in found
        for start, end in table.row_spans
    ]
    if not spans:
        return empty_table_rows()
    rows = pl.DataFrame(
        spans,
        schema={
            "document_id": pl.String,
            "char_start": pl.Int64,
            "char_end": pl.Int64,
            "text": pl.String,
        },
        orient="row",
    )
    records = rec_lines.select("document_id", "source_file", "record_index", "char_start").sort(
        "document_id", "char_start"
    )
    return (
        rows.sort("document_id", "char_start")
        .join_asof(
            records, on="char_start", by="document_id", strategy="backward", check_sortedness=False
        )
        .select(list(empty_table_rows().schema))
    )


_FIELDS = ("title", "authors", "journal", "year", "pmid", "doi", "nct_ids")


def _with_structured_kind(docs: pl.DataFrame) -> pl.DataFrame:
    """A parsed file's kind is its format's (an HTML page is the kind its text is)."""
    return docs.with_columns(
        pl.col("source_format")
        .replace_strict(dict(STRUCTURED_KINDS), default=None, return_dtype=pl.String)
        .fill_null(pl.col("document_kind"))
        .alias("document_kind")
    )


def stage_documents(files: pl.DataFrame) -> Staged:
    """``files`` (from etl.documents.read) → documents, publications and record lines."""
    rendered = render_structured(files)
    docs = _with_structured_kind(with_document_kind(rendered.files))
    tables = document_tables(docs)
    rec_lines = with_collections(
        record_lines(lines_frame(docs), tables, (rendered.records, rendered.posted))
    )
    collections = rec_lines.filter(pl.col("document_kind") == ABSTRACT_COLLECTION)
    docs = docs.with_columns(
        pl.when(pl.col("document_id").is_in(collections.get_column("document_id").implode()))
        .then(pl.lit(ABSTRACT_COLLECTION))
        .otherwise(pl.col("document_kind"))
        .alias("document_kind")
    )
    records = records_frame(rec_lines)
    texts = dict(docs.select("document_id", "text").iter_rows())
    records = records.with_columns(
        slices(records, texts, "document_id", "char_start", "char_end").alias("record_text")
    )
    # (the streaming engine reads the records in parts, on all cores: the study-type rules alone
    # took 1.1 s on one for 100,000 abstracts)
    publications = (
        records.lazy()
        .with_columns(
            span_id_expr("pub", pl.col("document_id"), pl.col("record_index")).alias(
                "publication_id"
            ),
            pl.col("authors_line").alias("authors"),
            title_expr(),
            *citation_fields(),
            *identifier_fields(),
            study_type_expr(),
        )
        .with_columns(
            year_expr(),
            pl.when(pl.col("_ncts") != "").then(pl.col("_ncts")).alias("nct_ids"),
        )
        .collect(engine="streaming")
    )
    publications = _with_fields(publications, rendered.records)
    record_titles = publications.filter(pl.col("record_index") == 0).select(
        "document_id", pl.col("title").alias("record_title")
    )
    whole_page = (
        pl.col("document_kind")
        .is_in(["abstract_collection", "publication_listing", "pubmed_xml"])
        .not_()
    )
    documents = (
        docs.join(record_titles, on="document_id", how="left")
        .with_columns(pl.when(whole_page).then(pl.col("record_title")).alias("record_title"))
        .with_columns(_document_title())
        # (a parsed file's own text is its text: the spans of its rows point into it)
        .with_columns(pl.col("source_text").alias("text"))
        .select(list(polars_schema(Documents)))
    )
    return Staged(
        tables=tables,
        table_rows=_table_rows(tables, texts, rec_lines),
        documents=documents,
        publications=publications.select(list(polars_schema(Publications))),
        record_lines=rec_lines.join(
            publications.select("document_id", "record_index", "publication_id"),
            on=["document_id", "record_index"],
        ),
        rejections=pl.concat([rendered.rejections, _kind_findings(docs)]),
        pieces=rendered.pieces,
        posted=rendered.posted,
    )


def _with_fields(publications: pl.DataFrame, fields: pl.DataFrame) -> pl.DataFrame:
    """Records of parsed files take their fields from their elements, not from their text."""
    extra = ["pmc_id", "publication_types"]
    if fields.is_empty():
        return publications.with_columns(pl.lit(None, dtype=pl.String).alias(c) for c in extra)
    given = fields.select(
        "document_id",
        "record_index",
        *(pl.col(c).alias(f"_{c}") for c in _FIELDS),
        *extra,
    )
    joined = publications.join(given, on=["document_id", "record_index"], how="left")
    is_given = pl.col("document_id").is_in(fields.get_column("document_id").unique().implode())
    return joined.with_columns(
        pl.when(is_given)
        .then(pl.col(f"_{c}"))
        .otherwise(pl.col(c))
        .cast(publications.schema[c])
        .alias(c)
        for c in _FIELDS
    ).drop(f"_{c}" for c in _FIELDS)
