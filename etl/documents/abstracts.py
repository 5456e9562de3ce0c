"""Abstracts as pages give them: where one abstract ends and the next begins, and which lines are
its title, authors and citation.

A page of abstracts (a journal's site, a conference book, a search engine's results) gives each
abstract as front matter (title, authors, citation, an "Abstract" heading, key-point bullets)
followed by its body (paragraphs, section headings: Background ... Results, Conclusions). A new
abstract starts where front matter follows a body (a heading of a few words between two
paragraphs, "Efficacy", is a section of the page, not front matter), or where an opening
section (Background, Purpose, Aims ...) follows a closing one (Results, Findings, Conclusions)
of the one before.
Each line is classed column-wise; the cut into abstracts is the one sequential step (a few
dozen lines a page). A page that turns out to hold several is an abstract collection.
"""

from __future__ import annotations

from itertools import groupby

import polars as pl

from etl.vocab.codes import code
from etl.vocab.marks import BULLET

TITLE, AUTHORS, CITATION, BODY = (
    code("sentence_role", "title"),
    code("sentence_role", "authors"),
    code("sentence_role", "citation"),
    code("sentence_role", "body"),
)

# Line classes
(
    _FRONT,
    _BULLET,
    _ABSTRACT_HEADING,
    _OPENING,
    _MIDDLE,
    _CLOSING,
    _PROSE,
    _TABLE,
    _SHORT,
    _SECTION,
) = range(10)
_OPENING_NAMES = r"background|introduction|purpose|aims?|objectives?|context|rationale"
_MIDDLE_NAMES = (
    r"methods|patients and methods|materials and methods|design|setting|participants"
    r"|visual abstract|graphical abstract"
)
_CLOSING_NAMES = r"results|findings|conclusions?|interpretation|discussion"
_ABSTRACT_NAMES = r"abstract(?:\s+[a-z]?\d+)?|summary|key points|highlights"
# a paragraph: long, or a line that opens with a section's name ("Results: ...", "Findings Of");
# a shorter sentence (_SHORT) is front matter before an abstract's body and body inside it, and
# never starts an abstract
_PARAGRAPH = 200
_INLINE = r"^(?:abstract\s*[–:-]?\s*)?(?:{names})(?:\s*[:.–-]\s*|\s+(?=[A-Z]))\S"
_BULLET_MARK = rf"^{BULLET}\s"
# A line of a few words between paragraphs ("Efficacy", "Toxicity", "Study design"): a heading of
# the page's own sections, not an abstract's title (front matter that opens another abstract has
# a title of more words, or authors, or a citation)
_SECTION_WORDS = 5
_TABLE_LINE = r"\||\t"
_YEAR = r"\b(?:19|20)\d{2}\b"


def _heading(names: str) -> pl.Expr:
    return pl.col("_lower").str.contains(rf"^(?:{names})\s*[:.]?$")


def _inline(names: str) -> pl.Expr:
    """A paragraph that opens with a section's name: "Results: ...", "RESULTS. ...", and the
    Lancet's "Findings Of the 733 patients"."""
    line = pl.col("line")
    labelled = line.str.contains(rf"(?i)^(?:{names})\s*[:.–-]\s*\S")
    lancet = line.str.contains(rf"^(?:{_capitalised(names)})\s+[A-Z]")
    return labelled | lancet


def _capitalised(names: str) -> str:
    """The section names of ``names`` as written at the start of a line: "Background", "BACKGROUND"."""
    return "|".join(f"(?i:{w[0]})(?:{w[1:]}|{w[1:].upper()})" for w in names.split("|"))


def _line_class() -> pl.Expr:
    """The class of each line, from its text and the columns abstract_lines works out first
    (_words, _authors, _citation, _title_case)."""
    line = pl.col("line")
    length = line.str.len_chars()
    words, authors = pl.col("_words"), pl.col("_authors")
    citation, title_case = pl.col("_citation"), pl.col("_title_case")
    return (
        pl.when(line.str.contains(_TABLE_LINE))
        .then(pl.lit(_TABLE))
        .when(line.str.contains(_BULLET_MARK))
        .then(pl.lit(_BULLET))
        .when(_heading(_ABSTRACT_NAMES))
        .then(pl.lit(_ABSTRACT_HEADING))
        .when(_heading(_OPENING_NAMES) | _inline(_OPENING_NAMES))
        .then(pl.lit(_OPENING))
        .when(_heading(_MIDDLE_NAMES) | _inline(_MIDDLE_NAMES))
        .then(pl.lit(_MIDDLE))
        .when(_heading(_CLOSING_NAMES) | _inline(_CLOSING_NAMES))
        .then(pl.lit(_CLOSING))
        .when((length >= _PARAGRAPH) & ~authors & ~title_case)
        .then(pl.lit(_PROSE))
        .when(
            line.str.contains(r"[.!?][\"”’)\]]*$")
            & (words >= 6)
            & ~authors
            & ~title_case
            & ~citation
        )
        .then(pl.lit(_SHORT))
        .when((words <= _SECTION_WORDS) & ~authors & ~citation)
        .then(pl.lit(_SECTION))
        .otherwise(pl.lit(_FRONT))
    )


def _is_title_case() -> pl.Expr:
    """Most words of four letters or more capitalised: a title or a list of names."""
    words = pl.col("line").str.extract_all(r"\b[A-Za-z][a-z]{3,}\b")
    capital = words.list.eval(pl.element().str.contains(r"^[A-Z]").cast(pl.Float64)).list.mean()
    return capital.fill_null(0.0) >= 0.6


_DESIGN_WORDS = (
    r"(?i)\b(?:phase|randomi[sz]ed|multi-?cent(?:er|re)|open-label|double-blind|placebo-controlled"
    r"|study|trial)\b"
)


def _is_authors() -> pl.Expr:
    """A list of names: three commas or more, most pieces one to four capitalised words."""
    pieces = pl.col("line").str.split(",")
    named = pieces.list.eval(
        pl.element()
        .str.strip_chars()
        .str.contains(r"^(?:[A-Z][\w'’.\-]*\.?)(?:\s+[A-Z][\w'’.\-]*\.?){0,3}(?:\s+\d{1,2})?$")
        .cast(pl.Float64)
    ).list.mean()
    # (a title listing a design in capitals is none: "A Phase 3, Multicenter, Randomized,
    # Open-label Study to Compare ...")
    design = pl.col("line").str.contains(_DESIGN_WORDS)
    return (pieces.list.len() >= 4) & (named.fill_null(0.0) >= 0.6) & ~design


def _is_citation() -> pl.Expr:
    line = pl.col("line")
    return line.str.contains(_YEAR) & line.str.contains(
        r"(?i)\bdoi\b|\bet al\b|;\s*\d+\s*[(:]|\bpmid\b|\bpmcid\b|\b(?:j|journal|n engl|ann|lancet|blood)\b[^.]{0,40}\.\s"
    )


_BODY_CLASSES = (_PROSE, _OPENING, _MIDDLE, _CLOSING)


def _cuts(classes: list[int]) -> list[int]:
    """The abstract (0, 1, ...) each line belongs to, from the classes of a page's lines."""
    record, prose, closed = 0, False, False
    out = []
    for c in classes:
        if (prose and c in (_FRONT, _BULLET, _ABSTRACT_HEADING)) or (closed and c == _OPENING):
            record, prose, closed = record + 1, False, False
        prose = prose or c in _BODY_CLASSES
        closed = closed or c == _CLOSING
        out.append(record)
    # a cut is made only after a body, so only the last part can lack one: lines after the last
    # paragraph (a footer, a reference) belong to the abstract before them
    if record and not prose:
        out = [min(r, record - 1) for r in out]
    return out


_WORKING = ("_lower", "_words", "_authors", "_citation", "_title_case", "_class")


def abstract_lines(lines: pl.DataFrame, kind: str) -> pl.DataFrame:
    """The non-blank lines of ``kind`` documents with their abstract (``record_index``) and role
    (title, authors, citation or body)."""
    classed = (
        lines.filter((pl.col("document_kind") == kind) & ~pl.col("is_blank"))
        # (what the class of a line is told from, each worked out once)
        .with_columns(
            pl.col("line").str.to_lowercase().alias("_lower"),
            pl.col("line").str.count_matches(r"\S+").alias("_words"),
            _is_authors().alias("_authors"),
            _is_citation().alias("_citation"),
            _is_title_case().alias("_title_case"),
        )
        .with_columns(_line_class().alias("_class"))
    )
    if classed.is_empty():
        return classed.with_columns(
            pl.lit(0, dtype=pl.Int64).alias("record_index"), pl.lit(BODY).alias("role")
        ).drop(*_WORKING)
    records: list[int] = []
    for _, group in groupby(
        classed.select("document_id", "_class").iter_rows(), key=lambda row: row[0]
    ):
        records.extend(_cuts([c for _, c in group]))
    keys = ["document_id", "record_index"]
    front = pl.col("_class").is_in([_FRONT, _SECTION])
    # the front matter before the abstract's first heading or paragraph: its longest line that
    # is neither a list of names nor a citation is its title
    opened = pl.col("_class").is_in([*_BODY_CLASSES, _ABSTRACT_HEADING]).cum_sum().over(keys) > 0
    # (a record of front lines only is text of its own, not a title: "Median OS was 9 months.")
    has_body = pl.col("_class").is_in([*_BODY_CLASSES, _SHORT]).any().over(keys)
    # (nor after a whole sentence: a card's "A (n=410) or B (n=405) with C." then its results)
    short = (pl.col("_class") == _SHORT).cast(pl.Int64)
    after_sentence = (short.cum_sum().over(keys) - short) > 0
    candidate = (
        front
        & has_body
        & ~opened
        & ~after_sentence
        # (nor a card's number and what it is of: "96.7% (95% CI ...) of men achieved ...")
        & ~pl.col("line").str.contains(r"^\s*[<>≥≤~]?\d+(?:[.,]\d+)?\s*%")
        & (pl.col("_words") >= 4)
        & ~pl.col("_authors")
        & ~pl.col("_citation")
    )
    length = pl.when(candidate).then(pl.col("line").str.len_chars())
    return (
        classed.with_columns(pl.Series("record_index", records, dtype=pl.Int64))
        .with_columns(
            opened.alias("_opened"),
            (candidate & (length == length.max().over(keys))).alias("_title"),
        )
        .with_columns(
            (pl.col("_title") & (pl.col("_title").cum_sum().over(keys) == 1)).alias("_title")
        )
        .with_columns(
            pl.when(pl.col("_title"))
            .then(pl.lit(TITLE))
            .when(front & ~pl.col("_opened") & pl.col("_authors"))
            .then(pl.lit(AUTHORS))
            .when(front & ~pl.col("_opened") & pl.col("_citation"))
            .then(pl.lit(CITATION))
            .otherwise(pl.lit(BODY))
            .alias("role")
        )
        .drop(*_WORKING, "_title", "_opened")
    )
