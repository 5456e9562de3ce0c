"""The marts as dataframes for GX, with the cross-table facts each suite checks."""

from __future__ import annotations

import duckdb
import pandas as pd
import polars as pl

from etl.text import WHITESPACE


def staging_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return {
        t: con.execute(f"select count(*) from raw.{t}").fetchall()[0][0]
        for t in ("documents", "publications", "sentences", "rejections")
    }


def _documents(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    return con.sql("select * from main.dim_documents").pl()


def _publications(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    pubs = con.sql(
        "select p.*, d.document_kind, d.n_chars from main.dim_publications p "
        "left join main.dim_documents d using (document_id)"
    ).pl()
    texts = con.sql("select document_id, text from raw.documents").pl()
    span = pl.col("text").str.slice(pl.col("char_start"), pl.col("char_end") - pl.col("char_start"))
    return (
        pubs.join(texts, on="document_id", how="left")
        .with_columns(
            (
                (pl.col("char_start") >= 0)
                & (pl.col("char_start") < pl.col("char_end"))
                & (pl.col("char_end") <= pl.col("n_chars"))
            )
            .fill_null(False)
            .alias("span_in_document"),
            ((span.str.len_chars() > 0) & (span == span.str.strip_chars(WHITESPACE)))
            .fill_null(False)
            .alias("span_is_trimmed"),
        )
        .drop("text")
    )


LOADERS = {"dim_documents": _documents, "dim_publications": _publications}


def mart_frames(con: duckdb.DuckDBPyConnection) -> dict[str, pd.DataFrame]:
    return {name: load(con).to_pandas() for name, load in LOADERS.items()}
