"""Text conventions shared by every stage: offsets and white space follow Python ``str``."""

from __future__ import annotations

import sys
from collections.abc import Mapping

import polars as pl

# Python's notion of white space (str.isspace), which differs from Rust/polars' on \x1c-\x1f.
WHITESPACE = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace())


def slices(
    frame: pl.DataFrame, texts: Mapping[str, str | SpanText], key: str, start: str, end: str
) -> pl.Series:
    """``texts[key][start:end]`` for each row (Python str offsets, as the contract defines them);
    null where the key has no text or an offset is missing. Linear in the length of the slices:
    polars' ``str.slice`` walks a string from its start to find a character offset, so slicing
    the many records or sentences of one long text with it is quadratic (a 20 MB file took
    minutes); and a comprehension, not a join, which would copy a document's text to every row."""
    rows = frame.select(key, start, end).iter_rows()
    return pl.Series(
        [
            texts[k][a:b] if k in texts and a is not None and b is not None else None
            for k, a, b in rows
        ],
        dtype=pl.String,
    )


class SpanText:
    """What is known of a text of which only some spans were read (a streamed file's: see
    etl.documents.source_spans): its length, and ``text[a:b]`` for those spans (None for
    another)."""

    def __init__(self, n_chars: int, spans: Mapping[tuple[int, int], str]) -> None:
        self.n_chars, self.spans = n_chars, spans

    def __len__(self) -> int:
        return self.n_chars

    def __getitem__(self, span: slice) -> str | None:
        return self.spans.get((span.start, span.stop))
