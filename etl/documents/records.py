"""Documents → lines → records (abstracts, listing entries, whole pages) with exact spans.

Spans are Python ``str`` offsets into the decoded file text: ``text[char_start:char_end]`` is the
record, without surrounding white space.
"""

from __future__ import annotations

import re
from typing import Final

import polars as pl

from etl.documents.abstracts import abstract_lines
from etl.documents.kinds import (
    ABSTRACT,
    ABSTRACT_COLLECTION,
    CITATION_LINE,
    NUMBERED_ABSTRACT,
    RULE_LINE,
    trial_heading,
)
from etl.documents.table_grid import caption_trial, is_trial_name, names_study
from etl.documents.tables import Table, heading, trial_rows
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
        "news_article",
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
        .pipe(_unglued_headings)
    )


# the headings of a structured abstract, as a page copied them glued to the end of the paragraph
# before ("... mature data are now available.Objective", then the objective on the next line)
_GLUED_HEADING = r"[.?!)\]]([A-Z][a-z]+(?:,? (?:[a-z]+|[A-Z][a-z]+))*)$"
_HEADINGS = frozenset(
    [
        *"""importance objective objectives background purpose aims context design setting
        participants methods interventions intervention exposure exposures results findings
        conclusions conclusion interpretation observations""".split(),  # noqa: SIM905
        "design, setting, and participants",
        "design, setting and participants",
        "patients and methods",
        "materials and methods",
        "main outcomes and measures",
        "main outcome and measures",
        "main outcome measures",
        "conclusions and relevance",
        "evidence review",
    ]
)


def _unglued_headings(lines: pl.DataFrame) -> pl.DataFrame:
    """Each line that ends in a structured abstract's heading glued to its last sentence, as two
    lines: the paragraph, then the heading (spans still the text's)."""
    heading = pl.col("line").str.extract(_GLUED_HEADING, 1)
    glued = heading.str.to_lowercase().is_in(list(_HEADINGS)).fill_null(False)
    marked = lines.with_columns(
        pl.when(glued).then(heading.str.len_chars()).otherwise(0).alias("_heading")
    )
    if marked.get_column("_heading").max() in (None, 0):
        return lines  # (no page copied its headings so: most)
    cut = pl.col("line").str.len_chars() - pl.col("_heading")
    paragraphs = marked.with_columns(
        pl.col("line").str.slice(0, cut),
        (pl.col("char_start") + cut).alias("char_end"),
        pl.lit(0).alias("_part"),
    )
    headings = marked.filter(pl.col("_heading") > 0).with_columns(
        pl.col("line").str.slice(cut),
        (pl.col("char_start") + cut).alias("char_start"),
        pl.lit(1).alias("_part"),
    )
    return (
        pl.concat([paragraphs, headings])
        .sort("document_id", "line_no", "_part")
        .with_columns(pl.int_range(pl.len()).over("document_id").alias("line_no"))
        .drop("_heading", "_part")
    )


def _whole_document_lines(lines: pl.DataFrame) -> pl.DataFrame:
    return lines.filter(
        pl.col("document_kind").is_in(_WHOLE_DOCUMENT_KINDS) & ~pl.col("is_blank")
    ).with_columns(pl.lit(0, dtype=pl.Int64).alias("record_index"), pl.lit("body").alias("role"))


_REVIEW = code("document_kind", "review")


def _review_lines(lines: pl.DataFrame) -> pl.DataFrame:
    """A review or knowledge page: a record per trial section, each opened by a line that is only
    the trial's name (its title: "KEYNOTE-590", then its arms and results); what comes before the
    first is a record of the page's own (a page with no such line is one record)."""
    heading = trial_heading(pl.col("line"))
    section = heading.cast(pl.Int64).cum_sum().over("document_id")
    return (
        lines.filter((pl.col("document_kind") == _REVIEW) & ~pl.col("is_blank"))
        .sort("document_id", "line_no")
        .with_columns(section.alias("_section"), heading.alias("_heading"))
        .with_columns(
            (pl.col("_section").rank("dense").over("document_id") - 1)
            .cast(pl.Int64)
            .alias("record_index"),
            pl.when(pl.col("_heading"))
            .then(pl.lit(code("sentence_role", "title")))
            .otherwise(pl.lit(code("sentence_role", "body")))
            .alias("role"),
        )
        .drop("_section", "_heading")
    )


def _abstract_lines(lines: pl.DataFrame) -> pl.DataFrame:
    """A collection of one abstract per line: each line a record; or of pieces ruled off from
    each other ("---" between them): each piece a record; or of numbered abstracts
    ("Abstract 7000: title", then its lines): each from its heading, the heading its title (what
    stands before the first is a record of the page's own)."""
    heading = pl.col("line").str.contains(NUMBERED_ABSTRACT)
    numbered = heading.any().over("document_id")
    sections = heading.cast(pl.Int64).cum_sum().over("document_id")
    ruled = pl.col("_rule").any().over("document_id")
    pieces = pl.col("_rule").cast(pl.Int64).cum_sum().over("document_id")
    return (
        lines.filter((pl.col("document_kind") == ABSTRACT_COLLECTION) & ~pl.col("is_blank"))
        .sort("document_id", "line_no")
        .with_columns(pl.col("line").str.contains(RULE_LINE).alias("_rule"))
        .with_columns(
            pl.when(numbered)
            .then(sections.rank("dense").over("document_id") - 1)
            .when(ruled)  # (a piece between rules: "---" lines, themselves no record's)
            .then(pieces.rank("dense").over("document_id") - 1)
            .otherwise(pl.int_range(pl.len()).over("document_id"))
            .cast(pl.Int64)
            .alias("record_index"),
            pl.when(numbered & heading)
            .then(pl.lit(code("sentence_role", "title")))
            .otherwise(pl.lit(code("sentence_role", "body")))
            .alias("role"),
        )
        .filter(~pl.col("_rule"))
        .drop("_rule")
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


TABLE_HEADER, TABLE_ROW = code("sentence_role", "table_header"), code("sentence_role", "table_row")
TRIAL_TABLE = code("document_kind", "trial_table")


def table_lines(lines: pl.DataFrame, tables: dict[str, list[Table]]) -> pl.DataFrame:
    """The lines of the documents' tables: document_id, line_no, their role (a row's or the
    header's) and the number of their row in the document (0, 1, ... over its tables); rows
    under a heading that names a study take the heading's number (_row_numbers)."""
    rows: list[tuple[str, int, str, int | None]] = []
    with_tables = lines.filter(pl.col("document_id").is_in(list(tables)))
    for (document_id,), group in with_tables.group_by(["document_id"], maintain_order=True):
        spans: list[tuple[int, int, int | None]] = []  # (start, end, row number or None)
        number = 0
        for table in tables[document_id]:
            head_end = table.row_spans[0][0] if table.row_spans else table.end
            start = table.caption.start if table.caption is not None else table.start
            spans.append((start, head_end, None))
            for (row_start, row_end), row in zip(
                table.row_spans, _row_numbers(table, number), strict=True
            ):
                spans.append((row_start, row_end, row))
            number += len(table.row_spans)
        for line_no, line_start, line_end, blank in group.select(
            "line_no", "char_start", "char_end", "is_blank"
        ).iter_rows():
            if blank:
                continue
            # rows first: a row's span starts after its line's opening bar, inside the header's;
            # and it may end before its last bar
            for start, end, row in sorted(spans, key=lambda span: span[2] is None):
                if start < line_end and line_start < end:
                    rows.append(
                        (document_id, line_no, TABLE_ROW if row is not None else TABLE_HEADER, row)
                    )
                    break
    return pl.DataFrame(
        rows,
        schema={
            "document_id": pl.String,
            "line_no": pl.Int64,
            "_table_role": pl.String,
            "_row": pl.Int64,
        },
        orient="row",
    )


def _row_numbers(table: Table, first: int) -> list[int]:
    """The number of each data row, from ``first``: a heading that names a study ("ORION-7 study
    (Author, 2020) | | |") and the rows below it, to the next heading, share the heading's (in a
    table of trials they are one record: the rows report that study). A table of no trial column
    whose caption names one study reports that study: its rows are the caption's record (-1)."""
    of_trial = trial_rows(table)
    if (
        table.caption is not None
        and all(owner is None for owner in of_trial)
        and caption_trial(table.caption.text) is not None
    ):
        return [-1] * len(table.rows)
    out: list[int] = []
    study: int | None = None
    # (and a row whose trial cell is the row above's, spanning both, is that row's record)
    for r in range(len(table.rows)):
        cell = heading(table, r)
        if cell is not None:
            study = first + r if names_study(cell.text) else None
        owner = of_trial[r]
        if study is not None:
            out.append(study)
        elif owner is not None and owner < r:
            out.append(out[owner])
        else:
            out.append(first + r)
    return out


def _with_tables(rec_lines: pl.DataFrame, tables_by_line: pl.DataFrame) -> pl.DataFrame:
    """Table lines take their role; in a table of trials, each row is a record of its own
    (the caption, header and other lines are record 0, and so are the rows of one study's
    table: -1 + 1)."""
    joined = rec_lines.join(tables_by_line, on=["document_id", "line_no"], how="left")
    # (a table of trials no grid was read in keeps the records of its lines: _trial_table_lines)
    in_trial_table = (pl.col("document_kind") == TRIAL_TABLE) & pl.col(
        "_row"
    ).is_not_null().any().over("document_id")
    return joined.with_columns(
        pl.coalesce("_table_role", "role").alias("role"),
        pl.when(in_trial_table)
        .then(pl.coalesce(pl.col("_row") + 1, pl.lit(0, dtype=pl.Int64)))
        .otherwise(pl.col("record_index"))
        .alias("record_index"),
    ).drop("_table_role", "_row")


# a bracket that holds a study's name ("(ORION)", "(ORION-7)", "(EORTC 40954)", "(INT- 0116)"),
# and two numbers apart
_BRACKETED: Final = re.compile(
    r"\(\s*([A-Z][A-Z0-9]*[A-Z][A-Z0-9]*(?:[\s\u2010-]+[A-Z0-9]+)*)\s*\)"
)
_TWO_NUMBERS: Final = r"\d[\d.,]*\D+\d"


def _names_study_in_brackets(line: str) -> bool:
    return any(
        sum(c.isupper() for c in m.group(1)) >= 3
        and is_trial_name(re.sub(r"[\s\u2010-]+", "-", m.group(1)))
        for m in _BRACKETED.finditer(line)
    )


def _trial_table_lines(lines: pl.DataFrame) -> pl.DataFrame:
    """The lines of tables of trials, record 0; where no grid is read in the document (etl.
    documents.tables: _with_tables), a row whose cells a page joined with spaces, a line that
    names its study in brackets and gives numbers ("Author et al. 9 (ORION-7) 503 A versus B
    0.75 (0.009) 5-year OS: 36% versus 23%"), opens a record of its own (the lines below it that
    name none, its other groups, are of it); so does a line that is only a trial's name, as a
    review's table copied a cell a line heads each trial's cells ("CLL10 [18, 21]", then its
    design, its groups and its results, each a line), the record's title."""
    table_lines = lines.filter((pl.col("document_kind") == TRIAL_TABLE) & ~pl.col("is_blank"))
    heading = trial_heading(pl.col("line"))
    # (where headings name the trials, a bracket names a group: "56.8 m (FCR) vs. 32.9 m (FC)")
    opens = heading | (
        ~heading.any().over("document_id")
        & pl.col("line").str.contains(_TWO_NUMBERS)
        & pl.col("line").map_elements(_names_study_in_brackets, return_dtype=pl.Boolean)
    )
    return table_lines.with_columns(
        opens.cast(pl.Int64).cum_sum().over("document_id").alias("record_index"),
        pl.when(heading)
        .then(pl.lit(code("sentence_role", "title")))
        .otherwise(pl.lit("body"))
        .alias("role"),
    )


def structured_lines(
    lines: pl.DataFrame, records: pl.DataFrame, results: pl.DataFrame
) -> pl.DataFrame:
    """The lines of structured files (etl.documents.structured): each in the record whose span
    holds it, its first line the record's title, a posted result's line of role
    ``registry_result``; lines outside every record (none are rendered so) belong to none."""
    spans = records.select("document_id", "record_index", "r_start", "r_end").sort(
        "document_id", "r_start"
    )
    said = results.select("document_id", pl.col("line_start").alias("char_start")).with_columns(
        pl.lit(True).alias("_result")
    )
    return (
        lines.filter(pl.col("document_id").is_in(spans.get_column("document_id").implode()))
        .filter(~pl.col("is_blank"))
        .sort("document_id", "char_start")
        .join_asof(
            spans,
            left_on="char_start",
            right_on="r_start",
            by="document_id",
            strategy="backward",
            check_sortedness=False,
        )
        .filter(pl.col("r_end").is_not_null() & (pl.col("char_start") < pl.col("r_end")))
        .join(said, on=["document_id", "char_start"], how="left")
        .with_columns(
            pl.when(pl.col("_result").fill_null(False))
            .then(pl.lit(REGISTRY_RESULT))
            .when(pl.col("line_no") == pl.col("line_no").min().over("document_id", "record_index"))
            .then(pl.lit(code("sentence_role", "title")))
            .otherwise(pl.lit(code("sentence_role", "body")))
            .alias("role")
        )
        .drop("r_start", "r_end", "_result")
    )


REGISTRY_RESULT = code("sentence_role", "registry_result")


def record_lines(
    lines: pl.DataFrame,
    tables: dict[str, list[Table]] | None = None,
    structured: tuple[pl.DataFrame, pl.DataFrame] | None = None,
) -> pl.DataFrame:
    """Every line that belongs to a record, with its record_index and role (authors, title,
    citation, body, or a table's header or row)."""
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
    parsed = (
        structured[0].get_column("document_id").unique().implode()
        if structured is not None
        else pl.Series([], dtype=pl.String).implode()
    )
    plain = lines.filter(~pl.col("document_id").is_in(parsed))
    found = pl.concat(
        [
            f.select(cols)
            for f in (
                *([structured_lines(lines, *structured)] if structured is not None else []),
                _whole_document_lines(plain),
                _review_lines(plain),
                _trial_table_lines(plain),
                _abstract_lines(plain),
                abstract_lines(plain, ABSTRACT),
                _listing_lines(plain),
            )
        ]
    )
    if tables:
        found = _with_tables(found, table_lines(lines, tables))
    return found.sort("document_id", "line_no")


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
