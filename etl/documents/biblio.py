"""Bibliographic fields of records, as polars expressions over record frames."""

from __future__ import annotations

import polars as pl

from etl.text import WHITESPACE

_CITATION_PARTS = (
    r"^(?P<journal>.+?)\.\s+(?P<year>(?:19|20)\d{2})\b[^;]*;\s*"
    r"(?P<volume>[^\s(:\[;]+)?\s*(?:\((?P<issue>[^)]*)\))?\s*(?::\s*(?P<pages>[\w\-–]+))?"
)
_MARKDOWN_TITLE = r"(?m)^#{1,3}[ \t]+\**([^\n*]+?)\**[ \t]*$"
_DATE_YEAR = r"(?i)\b(?:date|published|posted|updated)\s*:?\s*(?:[A-Za-z]+\.?\s+)?(?:\d{1,2},?\s+)?((?:19|20)\d{2})\b"
_PMID = r"(?i)\bPMID:?\s*(\d{1,9})\b"
_DOI = r"(?i)\b(?:doi:?\s*|https?://(?:dx\.)?doi\.org/)?(10\.\d{4,9}/[^\s\"<>\]\)]+)"
NCT_ID = r"NCT\d{8}"


def citation_fields() -> list[pl.Expr]:
    """journal, year, volume, issue, pages from ``citation_line``."""
    parts = pl.col("citation_line").str.extract_groups(_CITATION_PARTS)
    return [
        parts.struct.field("journal").str.strip_chars(WHITESPACE).alias("journal"),
        parts.struct.field("year").cast(pl.Int64, strict=False).alias("_citation_year"),
        parts.struct.field("volume").alias("volume"),
        parts.struct.field("issue").alias("issue"),
        parts.struct.field("pages").alias("pages"),
    ]


def _first_titleish_line(text: pl.Expr) -> pl.Expr:
    """The first short line of four or more words near the top of a page (skips site banners)."""
    return (
        text.str.split("\n")
        .list.head(40)
        .list.eval(
            pl.element()
            .str.strip_chars(WHITESPACE)
            .filter(
                (pl.element().str.count_matches(r"\S+") >= 4)
                & (pl.element().str.len_chars() <= 200)
                & ~pl.element().str.contains(r"[?|>]")
            )
        )
        .list.first()
    )


def title_expr() -> pl.Expr:
    """Listing entries: their title line; whole pages: the first heading or title-like line."""
    text = pl.col("record_text")
    page_title = pl.coalesce(text.str.extract(_MARKDOWN_TITLE, 1), _first_titleish_line(text))
    return (
        pl.when(pl.col("title_line").is_not_null())
        .then(pl.col("title_line"))
        .when(pl.col("document_kind").is_in(["abstract_collection", "publication_listing"]))
        .then(pl.lit(None, dtype=pl.String))
        .otherwise(page_title)
        .str.strip_chars(WHITESPACE)
        .alias("title")
    )


def identifier_fields() -> list[pl.Expr]:
    text = pl.col("record_text")
    return [
        text.str.extract(_PMID, 1).alias("pmid"),
        text.str.extract(_DOI, 1).str.strip_chars_end(".,;").alias("doi"),
        text.str.extract_all(NCT_ID)
        .list.unique(maintain_order=True)
        .list.join(", ")
        .alias("_ncts"),
    ]


def year_expr() -> pl.Expr:
    return pl.coalesce(
        pl.col("_citation_year"),
        pl.col("record_text").str.extract(_DATE_YEAR, 1).cast(pl.Int64, strict=False),
    ).alias("year")
