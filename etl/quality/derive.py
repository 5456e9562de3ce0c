"""Per-row facts the GX suites check but cannot compute themselves: they span columns (a CI against
its p-value), tables (an arm's trial) or the source text (provenance). Pure functions over polars
frames; a fact is null where its rule does not apply, and GX leaves null values out.
"""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl

from etl.documents.structured.pieces import decoded
from etl.text import SpanText, slices
from etl.vocab.codes import MONTHS_PER_UNIT, RATIO_MEASURES, code
from etl.vocab.marks import BULLET_MARKS

# A number token as written: "16.43", "10·6", "1,234", ".0245"
_NUMBER_TOKEN = r"\d[\d,]*(?:[.·]\d+)?|[.·]\d+"
_SIGNIFICANCE = 0.05
_RATE_TOLERANCE = 1.0  # percentage points: "17.5%; 68/388" is 17.53%, rounded


def known(column: str, keys: pl.Series) -> pl.Expr:
    """True where ``column`` names a row of the parent table, False where it names none; null where
    the column is null (an optional link)."""
    return (
        pl.when(pl.col(column).is_null()).then(None).otherwise(pl.col(column).is_in(keys.implode()))
    )


def _written_as(value: pl.Expr, span: pl.Expr) -> pl.Expr:
    """True where one number token of ``span`` reads as ``value`` (a comma either groups thousands
    or marks decimals; signs are not compared: "-1", "−1" and "1" all read as 1 here); null where
    the span has no digit (a number written in words)."""
    tokens = span.str.replace_all("·", ".", literal=True).str.extract_all(_NUMBER_TOKEN)
    grouped = tokens.list.eval(
        pl.element().str.replace_all(",", "", literal=True).cast(pl.Float64, strict=False)
    )
    decimal = tokens.list.eval(
        pl.element().str.replace_all(",", ".", literal=True).cast(pl.Float64, strict=False)
    )
    magnitude = value.abs()
    tolerance = 1e-9 * pl.max_horizontal(pl.lit(1.0), magnitude)

    def close(readings: pl.Expr) -> pl.Expr:
        gap = (readings - magnitude).list.eval(pl.element().abs()).list.min()
        return (gap <= tolerance).fill_null(False)

    return pl.when(~span.str.contains(r"\d")).then(None).otherwise(close(grouped) | close(decimal))


# a line break, and the bullet that opens the next line where a result's label runs on into
# its value (etl.documents.label_lines)
_BREAK_AND_BULLET = f"[\\r\\n]([ \\t]*)[{BULLET_MARKS}]([ \\t])"


def _breaks_read(text: pl.Expr) -> pl.Expr:
    """``text`` with its line breaks as the reader reads a wrapped text's: one space each (the
    same length, every other character the same)."""
    return text.str.replace_all(r"[\r\n]", " ")


def _joined_read(text: pl.Expr) -> pl.Expr:
    """``text`` as etl.documents.label_lines reads a label's line run on into its value's: the
    break and the bullet after it as spaces, every other character the same."""
    return _breaks_read(text.str.replace_all(_BREAK_AND_BULLET, " ${1} ${2}"))


def outcome_facts(
    outcomes: pl.DataFrame,
    texts: Mapping[str, str | SpanText],
    keys: Mapping[str, pl.Series],
    arm_trials: pl.DataFrame,
    formats: Mapping[str, str] | None = None,
) -> pl.DataFrame:
    """``fct_outcomes`` with the facts its rules read. ``texts``: document_id → text (or the spans read
    of a streamed file's: etl.text.SpanText); ``keys``:
    the ids of dim_documents, dim_publications, dim_trials, dim_arms; ``arm_trials``: arm_id,
    arm_trial_id, arm_n (dim_arms: the arm's trial where known, and its size); ``formats``:
    document_id → source_format of the parsed files (their spans are decoded before they are
    compared: etl.documents.structured.pieces.decoded)."""
    value, lower, upper = pl.col("value"), pl.col("ci_lower"), pl.col("ci_upper")
    has_text = pl.col("document_id").is_in(list(texts))
    parsed = {k: v for k, v in (formats or {}).items() if v != "text"}
    # what a rate's count is a share of: the denominator stated with it, else its arm's size
    denominator = pl.coalesce(pl.col("n_denominator"), pl.col("arm_n"))
    evidence = _decoded(
        outcomes, slices(outcomes, texts, "document_id", "char_start", "char_end"), parsed
    )
    value_span = _decoded(
        outcomes, slices(outcomes, texts, "document_id", "value_start", "value_end"), parsed
    )
    # a parsed file's row: its words are the decoded span's (white space collapsed); a posted
    # result's evidence says in words the value its span holds
    is_parsed = pl.col("document_id").is_in(list(parsed))
    posted = pl.col("source_kind") == code("source_kind", "registry_results")
    said = pl.col("evidence_text").str.replace_all(r"\s+", " ").str.strip_chars()
    matches = (
        pl.when(is_parsed & posted)
        .then(said.str.contains(pl.col("_evidence_in_source"), literal=True))
        .when(is_parsed)
        .then(pl.col("_evidence_in_source") == said)
        # (a text file's hard wraps are read as spaces, offsets kept: etl.documents.wraps; a
        # label's line run on into its value's, the bullet too: etl.documents.label_lines)
        .otherwise(
            (_breaks_read(pl.col("_evidence_in_source")) == _breaks_read(pl.col("evidence_text")))
            | (_joined_read(pl.col("_evidence_in_source")) == _breaks_read(pl.col("evidence_text")))
        )
    )
    factor = pl.col("unit").replace_strict(
        dict(MONTHS_PER_UNIT), default=None, return_dtype=pl.Float64
    )
    is_ratio = pl.col("measure").is_in(sorted(RATIO_MEASURES))
    p, op = pl.col("p_value"), pl.col("p_operator").fill_null("=")
    significant = (
        pl.when(op.is_in(["<", "<="]) & (p <= _SIGNIFICANCE))
        .then(True)
        .when((op == "=") & (p < _SIGNIFICANCE))
        .then(True)
        .when(op.is_in(["=", ">", ">="]) & (p >= _SIGNIFICANCE))
        .then(False)
    )
    excludes_one = (upper < 1) | (lower > 1)
    includes_one = (lower < 1) & (upper > 1)
    applicable = (
        is_ratio
        & lower.is_not_null()
        & upper.is_not_null()
        & (pl.col("ci_level").fill_null(95) == 95)
    )
    return (
        outcomes.with_columns(
            _evidence_in_source=evidence,
            _value_span=value_span,
        )
        .join(arm_trials, on="arm_id", how="left")
        .with_columns(
            ci_bounds_paired=lower.is_null() == upper.is_null(),
            # (a difference's interval may be of any size: it is not a time)
            ci_upper_months=pl.when(pl.col("measure") != "difference").then(upper * factor),
            value_months_consistent=pl.when(factor.is_null())
            .then(pl.col("value_months").is_null())
            .otherwise(
                (pl.col("value_months") - value * factor).abs()
                <= 1e-6 * pl.max_horizontal(pl.lit(1.0), (value * factor).abs())
            )
            .fill_null(False),
            ci_agrees_with_p=pl.when(applicable & significant.is_not_null()).then(
                ~((excludes_one & ~significant) | (includes_one & significant))
            ),
            # (null where the document is unknown: that is document_known's failure)
            evidence_matches_source=pl.when(has_text).then(matches.fill_null(False)),
            value_in_evidence=pl.when(has_text).then(
                (
                    (pl.col("value_start") >= pl.col("char_start"))
                    & (pl.col("value_end") <= pl.col("char_end"))
                    & _written_as(value, pl.col("_value_span")).fill_null(True)
                ).fill_null(False)
            ),
            document_known=known("document_id", keys["documents"]),
            publication_known=known("publication_id", keys["publications"]),
            trial_known=known("trial_id", keys["trials"]),
            arm_known=known("arm_id", keys["arms"]),
            comparator_known=known("comparator_arm_id", keys["arms"]),
            # (an unknown arm is arm_known's failure, not this rule's)
            # (an unknown arm, an arm of an unknown trial or an unknown trial_id is another
            # rule's failure, not this one's)
            count_agrees_with_rate=pl.when(
                (pl.col("measure") == "rate")
                & pl.col("n_patients").is_not_null()
                & (denominator > 0)
            ).then((100 * pl.col("n_patients") / denominator - value).abs() <= _RATE_TOLERANCE),
            arm_in_trial=pl.when(
                pl.col("arm_trial_id").is_not_null()
                & known("trial_id", keys["trials"]).fill_null(True)
            ).then((pl.col("arm_trial_id") == pl.col("trial_id")).fill_null(False)),
        )
        .drop("_evidence_in_source", "_value_span", "arm_trial_id", "arm_n")
    )


def trial_facts(trials: pl.DataFrame, arms: pl.DataFrame) -> pl.DataFrame:
    """``dim_trials`` with ``arms_total``: the sum of its arms' sizes (null without sized arms)."""
    totals = (
        arms.filter(pl.col("n_patients").is_not_null())
        .group_by("trial_id")
        .agg(pl.col("n_patients").sum().cast(pl.Int64).alias("arms_total"))
    )
    return trials.join(totals, on="trial_id", how="left")


def _decoded(frame: pl.DataFrame, spans: pl.Series, formats: Mapping[str, str]) -> pl.Series:
    """``spans`` of ``frame``'s rows, decoded where the row's document is a parsed file."""
    if not formats:
        return spans
    rows = frame.get_column("document_id").to_list()
    return pl.Series(
        [
            decoded(formats[d], s) if s is not None and d in formats else s
            for d, s in zip(rows, spans.to_list(), strict=True)
        ],
        dtype=pl.String,
    )
