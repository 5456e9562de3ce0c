"""Stable identifiers: the same input always gives the same ids, whatever else is in the folder."""

from __future__ import annotations

import hashlib

import polars as pl


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def document_id(source_file: str) -> str:
    """A document is identified by its file name within the input folder."""
    return f"doc_{_digest(source_file)}"


def span_id_expr(prefix: str, *parts: pl.Expr) -> pl.Expr:
    """``prefix_<hash of parts>`` computed column-wise; stable across runs and machines."""
    joined = pl.concat_str([p.cast(pl.String) for p in parts], separator=":")
    return pl.lit(prefix + "_") + joined.map_batches(
        lambda s: pl.Series([_digest(v) for v in s.to_list()], dtype=pl.String),
        return_dtype=pl.String,
    )
