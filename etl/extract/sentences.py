"""Sentence splitting with exact offsets.

A line never spans two sentences. Inside a line, a sentence ends at ``.``, ``!`` or ``?`` (with
any closing quotes or brackets) followed by white space and a capital letter, a digit or an
opening bracket, unless the word before the stop is an abbreviation ("vs.", "et al.", "e.g.",
"Fig."). An abbreviated unit or noun ("mo.", "pts.", "yrs.") ends a sentence when a capitalised
word follows it ("... 10.6 mo. Median PFS ...", "... of pts. Among ..."), not before a number. Author and citation lines of listings are kept whole. Decimals ("10·6", ".0245",
"P = .0245") and "95% CI" never contain such a boundary, so they are safe by construction.

split_spans is the rule, in Python; sentences_frame makes the same cuts with polars (line_spans),
on all cores rather than in a Python loop on one.
"""

from __future__ import annotations

import re
import string

import polars as pl

from etl.documents.ids import span_id_expr
from etl.vocab.codes import code

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
# abbreviations that a sentence ends with when a capital letter (_CAPITAL_START) follows
_UNIT_ABBREVIATIONS = frozenset(["mo", "mos", "wk", "wks", "yr", "yrs", "hr", "hrs", "pts", "pt"])
# (a sentence starts with a capital, or an abbreviation whose first letters only are small:
# "rPFS was ...", "mOS was ...", "ctDNA clearance ...", "pCR rates ..."; or with a digit)
_CAPITAL_START = r"(?:[A-Z]|[a-z]{1,3}[A-Z])"
_NEXT_START = rf"(?:[0-9]|{_CAPITAL_START})"
_CAPITAL_NEXT = re.compile(rf"[\"'”’)\]]*\s+[\"'“‘(\[]?{_CAPITAL_START}")
_BOUNDARY = re.compile(rf"[.!?][\"'”’)\]]*(?=\s+[\"'“‘(\[]?{_NEXT_START})")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_WORD_CHARS = frozenset(string.ascii_letters + ".")


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
    # searched from the start of the word, not of the text: from 0 the search is quadratic
    m = _WORD_BEFORE.search(text, _run_start(text, stop), stop)
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    if word in _UNIT_ABBREVIATIONS:
        return _CAPITAL_NEXT.match(text, stop + 1) is None
    return word in _ABBREVIATIONS


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
        piece = text[s:e]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece) - len(piece.rstrip())
        if e - trail > s + lead:
            trimmed.append((s + lead, e - trail))
    return trimmed


_WHOLE_ROLES = ("authors", "citation")  # lines kept whole
_TABLE_ROW = code("sentence_role", "table_row")

# split_spans again, for polars (whose regex engine has no look-around): a stop after an
# abbreviation is first swapped for _KEEP (the run of letters and dots that ends at it is the
# abbreviation, after any leading dots and with any trailing ones), then _CUT is put at every
# sentence end left, where the line is cut. Python's white space (str.isspace, re's \s) is spelt
# out: Rust's lacks U+001C-U+001F. Lines that hold _KEEP, _CUT, _END or a newline are split by
# split_spans. The tests hold the two splits to the same spans.
_SPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_KEEP, _CUT, _END = "\ue000", "\ue001", "\ue002"
_SPACE_CLASS = "[" + "".join(f"\\x{{{ord(c):X}}}" for c in _SPACE) + "]"


def _alternation(words: frozenset[str]) -> str:
    return "|".join(
        "".join(f"[{c}{c.upper()}]" if c.isalpha() else "\\." for c in word)
        for word in sorted(words)
    )


_ABBREVIATION_STOP = f"(^|[^A-Za-z.])(\\.*(?:{_alternation(_ABBREVIATIONS)})\\.*)\\."
# (an abbreviated unit's stop before a capital letter is first swapped for _END, kept from _KEEP)
_UNIT_END = (
    f"(^|[^A-Za-z.])(\\.*(?:{_alternation(_UNIT_ABBREVIATIONS)})\\.*)\\."
    f"([\"'”’)\\]]*{_SPACE_CLASS}+[\"'“‘(\\[]?{_CAPITAL_START})"
)
_SENTENCE_END = f"([.!?][\"'”’)\\]]*)({_SPACE_CLASS}+[\"'“‘(\\[]?{_NEXT_START})"


def _python_spans(lines: pl.DataFrame) -> pl.DataFrame:
    """_row, start, end and text of the sentences of ``lines`` (_row, line), split by split_spans."""
    rows: list[int] = []
    starts: list[int] = []
    ends: list[int] = []
    texts: list[str] = []
    for row, line in lines.select("_row", "line").iter_rows():
        for start, end in split_spans(line):
            rows.append(row)
            starts.append(start)
            ends.append(end)
            texts.append(line[start:end])
    return pl.DataFrame(
        {"_row": rows, "start": starts, "end": ends, "text": texts},
        schema={"_row": pl.UInt32, "start": pl.Int64, "end": pl.Int64, "text": pl.String},
    )


def _polars_spans(lines: pl.DataFrame) -> pl.DataFrame:
    """What _python_spans gives, for lines free of _KEEP, _CUT, _END and newlines, found by polars (its
    streaming engine, which runs the regexes over parts of the lines on all cores: twice as fast
    as in one piece on two)."""
    piece = pl.col("piece")
    length = piece.str.len_chars().cast(pl.Int64)
    text = piece.str.strip_chars(_SPACE)
    start = pl.col("_at") + length - piece.str.strip_chars_start(_SPACE).str.len_chars()
    lengths = pl.element().str.len_chars().cast(pl.Int64)
    return (
        lines.lazy()
        .select(
            "_row",
            pl.col("line")
            # (twice: a match takes the letter after it, which a next one may start before)
            .str.replace_all(_UNIT_END, "${1}${2}" + _END + "${3}")
            .str.replace_all(_UNIT_END, "${1}${2}" + _END + "${3}")
            .str.replace_all(_ABBREVIATION_STOP, "${1}${2}" + _KEEP)
            .str.replace_all(_END, ".", literal=True)
            .str.replace_all(_SENTENCE_END, "${1}" + _CUT + "${2}")
            .str.replace_all(_KEEP, ".", literal=True)
            .str.split(_CUT)
            .alias("piece"),
        )
        .with_columns(piece.list.eval(lengths.cum_sum() - lengths).alias("_at"))
        .explode("piece", "_at")
        .select(
            "_row",
            start.alias("start"),
            (start + text.str.len_chars()).alias("end"),
            text.alias("text"),
        )
        .filter(pl.col("end") > pl.col("start"))
        .collect(engine="streaming")
    )


def line_spans(lines: pl.DataFrame) -> pl.DataFrame:
    """_row, start, end and text of every sentence of ``lines`` (_row, line): split_spans' spans,
    found by polars but for lines that hold _KEEP, _CUT, _END or a newline (split_spans cuts
    there)."""
    marked = pl.col("line").str.contains(f"[\n{_KEEP}{_CUT}{_END}]")
    return pl.concat([_polars_spans(lines.filter(~marked)), _python_spans(lines.filter(marked))])


def sentences_frame(
    rec_lines: pl.DataFrame, publications: pl.DataFrame, table_rows: pl.DataFrame | None = None
) -> pl.DataFrame:
    """Split every record line into sentences; offsets are into the source file's text.

    ``rec_lines``: document_id, record_index, role, line, char_start; ``publications``:
    document_id, record_index, publication_id. Titles and citation lines are sentences too;
    ``role`` says which part of the record a sentence comes from. A table's row is one sentence,
    however many lines it runs over (``table_rows``: document_id, record_index, char_start,
    char_end, text, from etl.documents.stage); its lines are not split. ``paragraph_index``: the
    paragraph of its record a sentence stands in, from 0 (a blank line between two of a record's
    lines starts the next).
    """
    if table_rows is not None:  # (without them, a row's lines are split as any others)
        rec_lines = rec_lines.filter(pl.col("role") != _TABLE_ROW)
    lines = rec_lines.select(
        "document_id", "source_file", "record_index", "line_no", "role", "line", "char_start"
    ).with_row_index("_row")
    whole = pl.col("role").is_in(_WHOLE_ROLES)
    split = lines.filter(~whole).select("_row", "line")
    whole_spans = lines.filter(whole).select(
        "_row",
        pl.lit(0, dtype=pl.Int64).alias("start"),
        pl.col("line").str.len_chars().cast(pl.Int64).alias("end"),
        pl.col("line").alias("text"),
    )
    spans = pl.concat([line_spans(split), whole_spans]).join(lines.drop("line"), on="_row")
    spans = spans.with_columns(
        (pl.col("char_start") + pl.col("start")).alias("s"),
        (pl.col("char_start") + pl.col("end")).alias("e"),
    ).select("document_id", "source_file", "record_index", "line_no", "role", "s", "e", "text")
    if table_rows is not None and table_rows.height:
        rows = table_rows.select(
            "document_id",
            "source_file",
            "record_index",
            pl.lit(None, dtype=pl.Int64).alias("line_no"),  # (in the paragraph of the line before)
            pl.lit(_TABLE_ROW).alias("role"),
            pl.col("char_start").alias("s"),
            pl.col("char_end").alias("e"),
            "text",
        )
        spans = pl.concat([spans, rows], how="vertical_relaxed")
    # a paragraph starts where a blank line stands between two lines of a record (the record's
    # lines hold none: a line number skipped)
    line = pl.col("line_no").forward_fill().over("publication_id")
    skipped = (line - line.shift(1).over("publication_id")).fill_null(1) > 1
    return (
        spans.join(
            publications.select("document_id", "record_index", "publication_id"),
            on=["document_id", "record_index"],
        )
        .sort("document_id", "s")
        .with_columns(pl.int_range(pl.len()).over("publication_id").alias("sentence_index"))
        .with_columns(
            skipped.cast(pl.Int64).cum_sum().over("publication_id").alias("paragraph_index")
        )
        .select(
            span_id_expr("sen", pl.col("document_id"), pl.col("s"), pl.col("e")).alias(
                "sentence_id"
            ),
            "publication_id",
            "document_id",
            "source_file",
            "sentence_index",
            pl.col("paragraph_index").fill_null(0),
            pl.col("role"),
            pl.col("s").alias("char_start"),
            pl.col("e").alias("char_end"),
            "text",
        )
    )
