"""Documents → lines → records (abstracts, listing entries, whole pages) with exact spans.

Spans are Python ``str`` offsets into the decoded file text: ``text[char_start:char_end]`` is the
record, without surrounding white space.
"""

from __future__ import annotations

import polars as pl

from etl.documents.abstracts import abstract_lines
from etl.documents.kinds import ABSTRACT, ABSTRACT_COLLECTION, CITATION_LINE
from etl.text import WHITESPACE
from etl.vocab.codes import code

_AUTHOR = r"[\p{Lu}][\p{L}'’\-]+(?:[ \-][\p{Lu}][\p{L}'’\-]+)* [\p{Lu}]{1,4}"
AUTHORS_LINE = rf"^(?:{_AUTHOR})(?:,\s*{_AUTHOR})*(?:,?\s+et al\.?)?\.?$"
_CITATION_ONE = CITATION_LINE.removeprefix("(?m)")
_PROSE_LINE = 120
# Kinds read as one record: the whole page is about one study, or is read as one piece.
_WHOLE_DOCUMENT_KINDS = tuple(
    code("document_kind", k)
    for k in (
        "vendor_sheet",
        "registry_record",
        "pubmed_xml",
        "ctgov_json",
        "news_article",
        "review",
        "trial_table",
        "other",
    )
)


def lines_frame(docs: pl.DataFrame) -> pl.DataFrame:
    """One row per line of every document, with the span of its non-blank content."""
    raw = pl.col("raw")
    return (
        docs.select(
            "document_id",
            "source_file",
            "document_kind",
            pl.col("text").str.split("\n").alias("raw"),
        )
        .explode("raw")
        .with_columns(
            pl.int_range(pl.len()).over("document_id").alias("line_no"),
            (raw.str.len_chars() + 1).alias("_width"),
            (raw.str.len_chars() - raw.str.strip_chars_start(WHITESPACE).str.len_chars()).alias(
                "_lead"
            ),
            (raw.str.len_chars() - raw.str.strip_chars_end(WHITESPACE).str.len_chars()).alias(
                "_trail"
            ),
            raw.str.strip_chars(WHITESPACE).alias("line"),
        )
        .with_columns(
            (pl.col("_width").cum_sum().over("document_id") - pl.col("_width")).alias("_off")
        )
        .with_columns(
            (pl.col("_off") + pl.col("_lead")).alias("char_start"),
            (pl.col("_off") + pl.col("_width") - 1 - pl.col("_trail")).alias("char_end"),
            (pl.col("line").str.len_chars() == 0).alias("is_blank"),
        )
        .drop("raw", "_width", "_lead", "_trail", "_off")
    )


def _whole_document_lines(lines: pl.DataFrame) -> pl.DataFrame:
    return lines.filter(
        pl.col("document_kind").is_in(_WHOLE_DOCUMENT_KINDS) & ~pl.col("is_blank")
    ).with_columns(pl.lit(0, dtype=pl.Int64).alias("record_index"), pl.lit("body").alias("role"))


def _abstract_lines(lines: pl.DataFrame) -> pl.DataFrame:
    """A collection of one abstract per line: each line a record."""
    return lines.filter(
        (pl.col("document_kind") == ABSTRACT_COLLECTION) & ~pl.col("is_blank")
    ).with_columns(
        pl.int_range(pl.len()).over("document_id").cast(pl.Int64).alias("record_index"),
        pl.lit("body").alias("role"),
    )


def _listing_lines(lines: pl.DataFrame) -> pl.DataFrame:
    """Listing entries: blocks of lines separated by blank lines, each holding a citation line.

    Inside a block: [authors,] title line(s), the citation line, then the abstract. A prose block
    without a citation that follows an entry is that entry's abstract continued; other blocks
    (page chrome) belong to no record.
    """
    block_keys = ["document_id", "block"]
    listing = (
        lines.filter(pl.col("document_kind") == "publication_listing")
        .with_columns(
            pl.col("is_blank").cast(pl.Int64).cum_sum().over("document_id").alias("block")
        )
        .filter(~pl.col("is_blank"))
        .with_columns(
            pl.int_range(pl.len()).over(block_keys).alias("pos"),
            pl.col("line").str.contains(_CITATION_ONE).alias("is_citation"),
        )
        .with_columns(
            pl.when(pl.col("is_citation") & (pl.col("pos") > 0))
            .then(pl.col("pos"))
            .min()
            .over(block_keys)
            .alias("citation_pos"),
            pl.col("line").str.len_chars().max().over(block_keys).alias("_widest"),
        )
    )
    first_line = pl.col("line").first().over(block_keys)
    has_authors = (pl.col("citation_pos") >= 2) & first_line.str.contains(AUTHORS_LINE)
    role = (
        pl.when(pl.col("citation_pos").is_null())
        .then(pl.lit("body"))
        .when(pl.col("pos") == pl.col("citation_pos"))
        .then(pl.lit("citation"))
        .when(pl.col("pos") > pl.col("citation_pos"))
        .then(pl.lit("body"))
        .when((pl.col("pos") == 0) & has_authors)
        .then(pl.lit("authors"))
        .otherwise(pl.lit("title"))
    )
    entry_block = pl.when(pl.col("citation_pos").is_not_null()).then(pl.col("block"))
    continued = pl.when(pl.col("_widest") >= _PROSE_LINE).then(
        entry_block.forward_fill().over("document_id")
    )
    return (
        listing.with_columns(role.alias("role"), entry_block.alias("_entry"))
        .with_columns(pl.coalesce("_entry", continued).alias("_entry"))
        .filter(pl.col("_entry").is_not_null())
        .with_columns(
            pl.col("_entry")
            .rank("dense")
            .over("document_id")
            .cast(pl.Int64)
            .sub(1)
            .alias("record_index")
        )
        .drop("block", "pos", "is_citation", "citation_pos", "_widest", "_entry")
    )


def record_lines(lines: pl.DataFrame) -> pl.DataFrame:
    """Every line that belongs to a record, with its record_index and role
    (authors, title, citation or body)."""
    cols = [
        "document_id",
        "source_file",
        "document_kind",
        "record_index",
        "line_no",
        "role",
        "line",
        "char_start",
        "char_end",
    ]
    return pl.concat(
        [
            f.select(cols)
            for f in (
                _whole_document_lines(lines),
                _abstract_lines(lines),
                abstract_lines(lines, ABSTRACT),
                _listing_lines(lines),
            )
        ]
    ).sort("document_id", "line_no")


def with_collections(rec_lines: pl.DataFrame) -> pl.DataFrame:
    """An abstract page whose lines turned out to hold several abstracts is a collection."""
    several = (pl.col("document_kind") == ABSTRACT) & (
        pl.col("record_index").max().over("document_id") > 0
    )
    return rec_lines.with_columns(
        pl.when(several)
        .then(pl.lit(ABSTRACT_COLLECTION))
        .otherwise(pl.col("document_kind"))
        .alias("document_kind")
    )


def records_frame(rec_lines: pl.DataFrame) -> pl.DataFrame:
    """One row per record: its span and the lines that carry its bibliographic parts."""

    def joined(role: str) -> pl.Expr:
        return pl.col("line").filter(pl.col("role") == role).str.join(" ")

    return (
        rec_lines.group_by("document_id", "record_index", maintain_order=True)
        .agg(
            pl.col("source_file").first(),
            pl.col("document_kind").first(),
            pl.col("char_start").min(),
            pl.col("char_end").max(),
            joined("authors").alias("authors_line"),
            joined("title").alias("title_line"),
            joined("citation").alias("citation_line"),
        )
        .with_columns(
            [
                pl.when(pl.col(c) != "").then(pl.col(c)).alias(c)
                for c in ("authors_line", "title_line", "citation_line")
            ]
        )
    )
