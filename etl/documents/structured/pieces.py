"""A structured file read as text: the text a reader sees (its *rendering*) and, for each piece
of it, the span of the source file it was decoded from.

The extractors read renderings as they read plain text; their offsets are then carried back to
the source file (``to_source``), so that every row of a structured file points at the raw span
that holds its words: an element's text, a JSON string or number. A piece is *linear* when its
characters stand one for one in the file (``HR 0.62``), else (an entity, an escape, a label the
reader adds) a span that starts in it starts at the piece's raw start and one that ends in it
ends at its raw end.
"""

from __future__ import annotations

import html
import json
import re
from array import array
from dataclasses import dataclass, field

import polars as pl

PIECE_SCHEMA = {
    "document_id": pl.String,
    "r_start": pl.Int64,  # the piece in the rendering
    "r_end": pl.Int64,
    "raw_start": pl.Int64,  # its span in the source file's text
    "raw_end": pl.Int64,
    "linear": pl.Boolean,
}


_JOIN_EVERY = 4096


@dataclass
class Renderer:
    """Builds a rendering piece by piece (the pieces are added in the order they are read). A
    PubMed export of 100,000 articles has some 2 million pieces: they are kept as columns of
    machine integers, and the text's parts joined a few thousand at a time, not as 2 million
    tuples and strings."""

    parts: list[str] = field(default_factory=list)
    joined: list[str] = field(default_factory=list)  # the parts joined so far
    r_starts: array = field(default_factory=lambda: array("q"))
    raw_starts: array = field(default_factory=lambda: array("q"))
    raw_ends: array = field(default_factory=lambda: array("q"))
    linear: bytearray = field(default_factory=bytearray)
    length: int = 0
    raw_at: int = 0  # the raw end of the last piece (where an added separator is said to lie)

    def add(self, text: str, raw_start: int, raw_end: int, linear: bool | None = None) -> None:
        """``text`` as decoded from ``raw[raw_start:raw_end]`` (linear when it is that span)."""
        if not text:
            return
        if linear is None:
            linear = len(text) == raw_end - raw_start
        self.parts.append(text)
        if len(self.parts) >= _JOIN_EVERY:
            self.joined.append("".join(self.parts))
            self.parts = []
        self.r_starts.append(self.length)
        self.raw_starts.append(raw_start)
        self.raw_ends.append(raw_end)
        self.linear.append(linear)
        self.length += len(text)
        self.raw_at = raw_end

    def add_runs(self, runs: list[tuple[str, int, int]]) -> None:
        """Decoded runs of one text (an element's, a string's), with their raw spans."""
        for text, raw_start, raw_end in runs:
            self.add(text, raw_start, raw_end, linear=None)

    def say(self, text: str, raw_start: int | None = None, raw_end: int | None = None) -> None:
        """Words the file does not hold as such (a label, a line break): they are said to lie at
        ``raw_start:raw_end`` (the value they stand for; a label: where its value starts), else
        where the last piece ended."""
        at = self.raw_at if raw_start is None else raw_start
        self.add(text, at, at if raw_end is None else raw_end, linear=False)
        if raw_end is None:
            self.raw_at = at

    @property
    def text(self) -> str:
        return "".join([*self.joined, *self.parts])

    def finish(self) -> str:
        """The rendering, its parts let go (a large export's would double it for a while)."""
        text = self.text
        self.joined, self.parts = [], []
        return text


def pieces_frame(document_id: str, renderer: Renderer) -> pl.DataFrame:
    r_starts = pl.Series("r_start", renderer.r_starts, dtype=pl.Int64)
    return pl.DataFrame(
        {
            "document_id": pl.Series([document_id], dtype=pl.String).new_from_index(
                0, len(r_starts)
            ),
            "r_start": r_starts,
            # (a piece ends where the next starts; the last, at the rendering's end)
            "r_end": r_starts.shift(-1, fill_value=renderer.length),
            "raw_start": pl.Series(renderer.raw_starts, dtype=pl.Int64),
            "raw_end": pl.Series(renderer.raw_ends, dtype=pl.Int64),
            "linear": pl.Series(list(renderer.linear), dtype=pl.UInt8).cast(pl.Boolean),
        },
        schema=PIECE_SCHEMA,
    )


def empty_pieces() -> pl.DataFrame:
    return pl.DataFrame(schema=PIECE_SCHEMA)


def _mapped(frame: pl.DataFrame, pieces: pl.DataFrame, column: str, is_end: bool) -> pl.Series:
    """``column`` (offsets into renderings) → offsets into the source files; unchanged for a
    document without a rendering."""
    at = pl.col(column) - 1 if is_end else pl.col(column)
    keyed = frame.select(
        pl.int_range(pl.len(), dtype=pl.Int64).alias("_row"),
        pl.col("document_id"),
        pl.col(column).alias("_p"),
        at.alias("_at"),
    )
    found = (
        keyed.filter(pl.col("_at").is_not_null())
        .sort("document_id", "_at")
        .join_asof(
            pieces.sort("document_id", "r_start"),
            left_on="_at",
            right_on="r_start",
            by="document_id",
            strategy="backward",
            check_sortedness=False,
        )
    )
    inside = pl.col("linear") & (pl.col("_p") <= pl.col("r_end"))
    raw = (
        pl.when(pl.col("r_start").is_null())
        .then(pl.col("_p"))  # (no rendering: already an offset into the file)
        .when(inside)
        .then(pl.col("raw_start") + pl.col("_p") - pl.col("r_start"))
        .otherwise(pl.col("raw_end") if is_end else pl.col("raw_start"))
    )
    return (
        keyed.select("_row", "_p")
        .join(found.select("_row", raw.alias("_raw")), on="_row", how="left")
        .sort("_row")
        .select(pl.coalesce("_raw", "_p").alias(column))
        .to_series()
    )


def to_source(frame: pl.DataFrame, pieces: pl.DataFrame) -> pl.DataFrame:
    """``frame`` with its spans (char_start/char_end, value_start/value_end) carried from the
    renderings of its documents to their source files (only the rows of rendered documents are
    touched: a folder of text with one XML file maps that file's rows, not all)."""
    if pieces.is_empty() or "document_id" not in frame.columns or frame.is_empty():
        return frame
    rendered = pl.col("document_id").is_in(pieces.get_column("document_id").unique().implode())
    if not frame.select(rendered.any()).item():
        return frame
    indexed = frame.with_row_index("_row")
    inside = indexed.filter(rendered)
    pairs = [("char_start", "char_end"), ("value_start", "value_end")]
    out = inside
    for start, end in pairs:
        if start in frame.columns:
            out = out.with_columns(
                _mapped(inside, pieces, start, is_end=False).cast(frame.schema[start]),
                _mapped(inside, pieces, end, is_end=True).cast(frame.schema[end]),
            )
    out = _hulls(inside, out, pieces)
    # a span that lies wholly in words the rendering added (a label such as "Placebo
    # Comparator:", which the file writes as PLACEBO_COMPARATOR) holds nothing of the file
    said_only = (pl.col("char_end") <= pl.col("char_start")) & pl.lit(
        inside.select(pl.col("char_end") > pl.col("char_start")).to_series()
    )
    kept = out.filter(~said_only.fill_null(False))
    return pl.concat([kept, indexed.filter(~rendered)]).sort("_row").drop("_row")


def _hulls(frame: pl.DataFrame, out: pl.DataFrame, pieces: pl.DataFrame) -> pl.DataFrame:
    """A span over pieces the file holds in another order (a record whose title the file gives
    after its registry number) maps to the hull of its pieces' spans: from the first character
    of the file any of them holds to the last. ``frame`` (rendering offsets) and ``out`` (file
    offsets) are the same rows, keyed by ``_row``."""
    backwards = out.select((pl.col("char_end") < pl.col("char_start")).fill_null(False)).to_series()
    if not backwards.any():
        return out
    hull = (
        frame.filter(backwards)
        .select(
            "_row", "document_id", pl.col("char_start").alias("_s"), pl.col("char_end").alias("_e")
        )
        .join(pieces, on="document_id")
        .filter(
            (pl.col("r_start") < pl.col("_e"))
            & (pl.col("r_end") > pl.col("_s"))
            & (pl.col("raw_end") > pl.col("raw_start"))
        )
        .group_by("_row")
        .agg(pl.col("raw_start").min().alias("_hs"), pl.col("raw_end").max().alias("_he"))
    )
    dtype = out.schema["char_start"]
    return (
        out.join(hull, on="_row", how="left", maintain_order="left")
        .with_columns(
            pl.coalesce("_hs", "char_start").cast(dtype).alias("char_start"),
            pl.coalesce("_he", "char_end").cast(dtype).alias("char_end"),
        )
        .drop("_hs", "_he")
    )


_TAG = re.compile(r"<[^<>]*>")
_JSON_ESCAPE = re.compile(r'\\(?:u[0-9a-fA-F]{4}|["\\/bfnrt])')


def decoded(source_format: str, raw: str) -> str:
    """A span of a parsed file as a reader reads it, white space collapsed: markup (XML, HTML)
    without its tags and with its entities resolved; a JSON span with its escapes resolved
    and without the quotes of a whole string."""
    if source_format == "ctgov_json":
        text = raw[1:-1] if len(raw) >= 2 and raw[0] == raw[-1] == '"' else raw
        text = _JSON_ESCAPE.sub(lambda m: json.loads(f'"{m.group()}"'), text)
    elif source_format in ("pubmed_xml", "ctgov_xml", "html"):
        text = html.unescape(_TAG.sub("", raw))
    else:
        return raw
    return " ".join(text.split())
