"""The spans of a streamed file that its rows point at, read from the file.

A file parsed as it is streamed (a PubMed or registry XML export: etl.documents.structured) keeps
no text in the warehouse; the provenance rules still compare every row's evidence with the file's
own text at its offsets. So, once the rows are known, each such file is read once more, as a
stream, and the spans they point at are kept (``source_spans``): a few hundred bytes a row, not
the file.
"""

from __future__ import annotations

import codecs

import polars as pl

import etl.documents.decode  # noqa: F401  (registers the "etl-legacy" decoding errors)

SOURCE_SPAN_SCHEMA = {
    "document_id": pl.String,
    "char_start": pl.Int64,
    "char_end": pl.Int64,
    "text": pl.String,
}
# (table, start column, end column): the spans the quality rules read
SPAN_COLUMNS = (
    ("outcomes", "char_start", "char_end"),
    ("outcomes", "value_start", "value_end"),
    ("publications", "char_start", "char_end"),
)
_CHUNK = 1 << 20


def read_spans(path: str, spans: list[tuple[int, int]]) -> dict[tuple[int, int], str]:
    """``text[a:b]`` for each (a, b) of ``spans``, where ``text`` is the file's text (decoded as
    etl.documents.decode does: UTF-8, a bad byte one character), read once, as a stream."""
    wanted = sorted({(a, b) for a, b in spans if 0 <= a <= b})
    found: dict[tuple[int, int], str] = {}
    decoder = codecs.getincrementaldecoder("utf-8")("etl-legacy")
    buffer, base = "", 0  # buffer holds the text from offset base on
    with open(path, "rb") as f:
        at_end = False
        for i, (a, b) in enumerate(wanted):
            while base + len(buffer) < b and not at_end:
                chunk = f.read(_CHUNK)
                at_end = not chunk
                buffer += decoder.decode(chunk, final=at_end)
            if base + len(buffer) >= b:
                found[(a, b)] = buffer[a - base : b - base]
            # (the spans are in order of their start: what lies before the next one is done)
            end = base + len(buffer)
            next_start = min(wanted[i + 1][0], end) if i + 1 < len(wanted) else end
            if next_start > base:
                buffer, base = buffer[next_start - base :], next_start
    return found


def source_spans_frame(files: pl.DataFrame, tables: dict[str, pl.DataFrame]) -> pl.DataFrame:
    """The spans the rows of ``tables`` point at in the streamed ``files`` (those with a
    ``path``), with their text."""
    if "path" not in files.columns:
        return pl.DataFrame(schema=SOURCE_SPAN_SCHEMA)
    paths = dict(
        files.filter(pl.col("path").is_not_null()).select("document_id", "path").iter_rows()
    )
    if not paths:
        return pl.DataFrame(schema=SOURCE_SPAN_SCHEMA)
    wanted = pl.concat(
        [
            tables[name]
            .filter(pl.col("document_id").is_in(list(paths)))
            .select(
                "document_id",
                pl.col(start).cast(pl.Int64).alias("char_start"),
                pl.col(end).cast(pl.Int64).alias("char_end"),
            )
            .drop_nulls()
            for name, start, end in SPAN_COLUMNS
            if name in tables
        ]
    ).unique()
    rows = []
    for (document_id,), spans in wanted.partition_by("document_id", as_dict=True).items():
        pairs = list(spans.select("char_start", "char_end").iter_rows())
        try:
            found = read_spans(paths[document_id], pairs)
        except OSError:
            continue  # (the file is gone: its rows' provenance fails, as it must)
        rows.extend(
            {"document_id": document_id, "char_start": a, "char_end": b, "text": text}
            for (a, b), text in found.items()
        )
    return pl.DataFrame(rows, schema=SOURCE_SPAN_SCHEMA)
