"""A number a record gives twice, in its text and in its table or its key points, is one result.

An abstract restates its results in a table under it ("Median OS was 11.1 versus 9.2 months
(Table)" above a row "11.1 (10.0-12.1) | 9.2 (8.3-10.6)"), a journal page in key points above
the abstract ("Median OS was 8.4 months vs 4.1 months"). Within a record, numbers with the same
endpoint, measure, value, unit and time point read from two of these channels (text, table,
key points) are one: the reading that says most (interval, p-value, groups) is kept, the text's
on a tie. Numbers restated within one channel stay: "5.6 months" for the control group in two
subgroup sentences are two results.
"""

from __future__ import annotations

import polars as pl

from etl.vocab.codes import code
from etl.vocab.marks import BULLET

_TABLE_ROW = code("sentence_role", "table_row")
_BULLET = rf"^\s*{BULLET}\s"
_KEY = ["publication_id", "endpoint", "measure", "value", "unit", "_timepoint"]


def without_restatements(outcomes: pl.DataFrame, sentences: pl.DataFrame) -> pl.DataFrame:
    """``outcomes`` less the readings another channel of their record gives better (module doc)."""
    roles = sentences.select("sentence_id", "role")
    channel = (
        pl.when(pl.col("role") == _TABLE_ROW)
        .then(pl.lit(1))
        .when(pl.col("evidence_text").str.contains(_BULLET))
        .then(pl.lit(2))
        .otherwise(pl.lit(0))
    )
    says = (
        pl.col("ci_lower").is_not_null().cast(pl.Int32) * 2
        + pl.col("p_value").is_not_null().cast(pl.Int32)
        + pl.col("arm_label").is_not_null().cast(pl.Int32)
        + pl.col("comparator_label").is_not_null().cast(pl.Int32)
    )
    ranked = (
        outcomes.join(roles, on="sentence_id", how="left")
        .with_columns(
            channel.alias("_channel"),
            says.alias("_says"),
            pl.col("timepoint_months").fill_null(-1.0).alias("_timepoint"),
        )
        .with_columns(
            pl.col("_channel").n_unique().over(_KEY).alias("_channels"),
            pl.struct(
                (-pl.col("_says")).alias("a"), pl.col("_channel").alias("b"), pl.col("char_start")
            )
            .rank("ordinal")
            .over(_KEY)
            .alias("_rank"),
        )
        .with_columns(
            pl.col("_channel").filter(pl.col("_rank") == 1).first().over(_KEY).alias("_kept")
        )
    )
    keep = (pl.col("_channels") == 1) | (pl.col("_channel") == pl.col("_kept"))
    return (
        ranked.filter(keep)
        .select(outcomes.columns)
        .unique("outcome_id", keep="first", maintain_order=True)
    )
