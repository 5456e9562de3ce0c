"""Sentence splitting with exact offsets.

A line never spans two sentences. Inside a line, a sentence ends at ``.``, ``!`` or ``?`` (with
any closing quotes or brackets) followed by white space and a capital letter, a digit or an
opening bracket, unless the word before the stop is an abbreviation ("vs.", "et al.", "e.g.",
"Fig."). Author and citation lines of listings are kept whole. Decimals ("10·6", ".0245", "P = .0245") and "95% CI" never contain such a
boundary, so they are safe by construction.
"""

from __future__ import annotations

import re
import string

import polars as pl

from etl.documents.ids import span_id_expr

_ABBREVIATIONS = frozenset(
    [
        "vs",
        "v",
        "al",
        "e.g",
        "eg",
        "i.e",
        "ie",
        "cf",
        "fig",
        "figs",
        "no",
        "nos",
        "dr",
        "mr",
        "mrs",
        "ms",
        "prof",
        "approx",
        "ca",
        "inc",
        "ltd",
        "co",
        "corp",
        "st",
        "jr",
        "sr",
        "vol",
        "pp",
        "ref",
        "refs",
        "eq",
        "resp",
        "dept",
        "univ",
        "est",
        "min",
        "max",
        "mo",
        "mos",
        "wk",
        "wks",
        "yr",
        "yrs",
        "hr",
        "hrs",
        "pts",
        "pt",
        "med",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "ph.d",
        "m.d",
        "b.i.d",
        "t.i.d",
        "q.d",
    ]
)
_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_WORD_CHARS = frozenset(string.ascii_letters + ".")
_LONGEST = max(map(len, _ABBREVIATIONS))


def _run_start(text: str, stop: int) -> int:
    """Where the run of letters and dots that ends at ``stop`` (or just before a newline there)
    starts: no match of _WORD_BEFORE can start earlier."""
    end = stop - 1 if text[stop - 1 : stop] == "\n" else stop
    while end > 0 and text[end - 1] in _WORD_CHARS:
        end -= 1
    return end


def _is_abbreviation(text: str, stop: int) -> bool:
    """Is the word ending at ``stop`` (the index of the '.') an abbreviation or an initial?"""
    if text[stop] != ".":
        return False
    before = text[max(0, stop - _LONGEST - 1) : stop]
    if len(before) > _LONGEST and before.isascii() and before.isalpha():
        return False  # (the common case) a word of more letters than any abbreviation
    # searched from the start of the word, not of the text: from 0 the search is quadratic
    m = _WORD_BEFORE.search(text, _run_start(text, stop), stop)
    if not m:
        return False
    return m.group(1).lower().rstrip(".") in _ABBREVIATIONS


def split_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in ``text``, white space trimmed, in order."""
    spans: list[tuple[int, int]] = []
    line_start = 0
    for line in text.split("\n"):
        start = line_start
        for m in _BOUNDARY.finditer(line):
            if _is_abbreviation(line, m.start()):
                continue
            spans.append((line_start + (start - line_start), line_start + m.end()))
            start = line_start + m.end()
        spans.append((start, line_start + len(line)))
        line_start += len(line) + 1
    trimmed = []
    for s, e in spans:
        if s < e and not text[s].isspace() and not text[e - 1].isspace():
            trimmed.append((s, e))  # (the common case: nothing to trim)
            continue
        piece = text[s:e]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece) - len(piece.rstrip())
        if e - trail > s + lead:
            trimmed.append((s + lead, e - trail))
    return trimmed


_LONG_LINE = 20_000  # characters
_WHOLE_ROLES = ("authors", "citation")  # lines kept whole


def _span_columns(lines: list[str]) -> dict[str, list]:
    """The sentences of ``lines`` as columns: the line's position, start, end, and the text of
    the sentences of long lines (None for the others: polars cuts those)."""
    rows: list[int] = []
    starts: list[int] = []
    ends: list[int] = []
    texts: list[str | None] = []
    for row, line in enumerate(lines):
        long = len(line) > _LONG_LINE
        for start, end in split_spans(line):
            rows.append(row)
            starts.append(start)
            ends.append(end)
            texts.append(line[start:end] if long else None)
    return {"_row": rows, "start": starts, "end": ends, "cut": texts}


def sentences_frame(rec_lines: pl.DataFrame, publications: pl.DataFrame) -> pl.DataFrame:
    """Split every record line into sentences; offsets are into the source file's text.

    ``rec_lines``: document_id, record_index, role, line, char_start; ``publications``:
    document_id, record_index, publication_id. Titles and citation lines are sentences too;
    ``role`` says which part of the record a sentence comes from.
    """
    # A long line's sentences are cut in Python, where a str offset costs nothing: polars'
    # str.slice walks the line from its start, quadratic over the sentences of one long line (a
    # 5 MB line took 25 s). Other lines are cut by polars: Python strings for every sentence
    # would cost memory (a third more at 100,000 abstracts). The spans come back as plain
    # columns joined to their line by its position (as structs, one per sentence, they cost
    # polars as much again as the splitting).
    lines = rec_lines.select(
        "document_id", "source_file", "record_index", "line_no", "role", "line", "char_start"
    ).with_row_index("_row")
    whole = pl.col("role").is_in(_WHOLE_ROLES)
    split = lines.filter(~whole)
    columns = _span_columns(split.get_column("line").to_list())
    positions = pl.Series(columns.pop("_row"), dtype=pl.UInt32)
    split_spans_frame = pl.DataFrame(
        columns, schema={"start": pl.Int64, "end": pl.Int64, "cut": pl.String}
    ).select(split.get_column("_row").gather(positions).alias("_row"), pl.all())
    whole_spans = lines.filter(whole).select(
        "_row",
        pl.lit(0, dtype=pl.Int64).alias("start"),
        pl.col("line").str.len_chars().cast(pl.Int64).alias("end"),
        pl.col("line").alias("cut"),
    )
    spans = pl.concat([split_spans_frame, whole_spans]).join(lines, on="_row")
    # (polars computes both sides of a coalesce: the long lines' sentences, cut already, get an
    # empty slice there)
    cut = pl.col("cut")
    offset = pl.when(cut.is_null()).then(pl.col("start")).otherwise(0)
    length = pl.when(cut.is_null()).then(pl.col("end") - pl.col("start")).otherwise(0)
    return (
        spans.with_columns(
            (pl.col("char_start") + pl.col("start")).alias("s"),
            (pl.col("char_start") + pl.col("end")).alias("e"),
            pl.coalesce(cut, pl.col("line").str.slice(offset, length)).alias("text"),
        )
        .join(
            publications.select("document_id", "record_index", "publication_id"),
            on=["document_id", "record_index"],
        )
        .sort("document_id", "s")
        .with_columns(pl.int_range(pl.len()).over("publication_id").alias("sentence_index"))
        .select(
            span_id_expr("sen", pl.col("document_id"), pl.col("s"), pl.col("e")).alias(
                "sentence_id"
            ),
            "publication_id",
            "document_id",
            "source_file",
            "sentence_index",
            pl.col("role"),
            pl.col("s").alias("char_start"),
            pl.col("e").alias("char_end"),
            "text",
        )
    )
