"""A registry's posted results (etl.documents.structured) → staging ``outcomes`` rows.

Each posted number is one outcome, already read field by field: its endpoint is told from the
measure's title (and its category) by the same endpoint vocabulary the text grammar uses, its
group is the registry's group title, and an analysis compares its two groups. Its sentence is
the line of the rendered page that says it in words; its spans are that line's, which the
rendering maps to the value's own span in the file.
"""

from __future__ import annotations

import hashlib

import polars as pl

from etl.schemas.staging import Outcomes, polars_schema
from etl.vocab.codes import MONTHS_PER_UNIT, code
from etl.vocab.endpoints import endpoint_mentions

_RESULT = code("sentence_role", "registry_result")
_OTHER = code("endpoint", "OTHER")


def _endpoint(title: str, category: str | None) -> tuple[str, str, str | None]:
    """(code, wording, subgroup) of a measure: a category that names an endpoint ("Complete
    Response") is its endpoint, else the title's; a category that names none is a subgroup
    ("PD-L1 expression >= 1%")."""
    found = endpoint_mentions(category or "")
    if found:
        return found[0][2], found[0][3], None
    found = endpoint_mentions(title)
    if found:
        return found[0][2], found[0][3], category
    return _OTHER, title, category


def posted_outcomes_frame(posted: pl.DataFrame, sentences: pl.DataFrame) -> pl.DataFrame:
    """``posted`` (POSTED_SCHEMA) joined to the sentences that say them → staging outcomes
    (spans in the renderings: etl.documents.structured.pieces.to_source maps them)."""
    schema = polars_schema(Outcomes)
    if posted.is_empty():
        return pl.DataFrame(schema=schema)
    lines = sentences.filter(pl.col("role") == _RESULT).select(
        "document_id",
        pl.col("char_start").alias("line_start"),
        pl.col("char_end").alias("line_end"),
        "sentence_id",
        "publication_id",
        "source_file",
    )
    joined = posted.join(lines, on=["document_id", "line_start"], how="inner")
    named = [_endpoint(t, c) for t, c in joined.select("title", "category").iter_rows()]
    ids = [
        "out_" + hashlib.sha1(f"{d}:{s}:{e}:{m}:posted".encode()).hexdigest()[:16]
        for d, s, e, m in joined.select(
            "document_id", "line_start", "line_end", "measure"
        ).iter_rows()
    ]
    months = pl.col("unit").replace_strict(
        dict(MONTHS_PER_UNIT), default=None, return_dtype=pl.Float64
    )
    return joined.with_columns(
        pl.Series("outcome_id", ids, dtype=pl.String),
        pl.Series("endpoint", [n[0] for n in named], dtype=pl.String),
        pl.Series("endpoint_label", [n[1] for n in named], dtype=pl.String),
        (pl.col("value") * months).alias("value_months"),
        pl.lit(None, dtype=pl.Float64).alias("timepoint_months"),
        pl.lit(None, dtype=pl.Int64).alias("n_denominator"),
        pl.Series("subgroup_label", [n[2] for n in named], dtype=pl.String),
        pl.col("line_start").alias("char_start"),
        pl.col("line_end").alias("char_end"),
        pl.col("line_start").alias("value_start"),
        pl.col("line_end").alias("value_end"),
    ).select(pl.col(c).cast(t) for c, t in schema.items())
