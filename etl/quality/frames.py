"""The marts as dataframes for GX, with the cross-column, cross-table and source-text facts each
suite checks (etl.quality.derive)."""

from __future__ import annotations

import duckdb
import polars as pl

from etl.quality.derive import known, outcome_facts, trial_facts
from etl.text import WHITESPACE, SpanText, slices

_STAGING_COUNTS = {
    "documents": "select count(*) from raw.documents",
    "publications": "select count(*) from raw.publications",
    "sentences": "select count(*) from raw.sentences",
    "rejections": "select count(*) from raw.rejections",
    "outcomes": "select count(*) from raw.outcomes",
    "agents": "select count(distinct agent_name) from raw.agent_mentions",
}


def staging_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Rows (or, for agents, distinct names) each mart should hold, counted in staging."""
    return {name: con.execute(sql).fetchall()[0][0] for name, sql in _STAGING_COUNTS.items()}


def source_texts(con: duckdb.DuckDBPyConnection) -> dict[str, str | SpanText]:
    """document_id → the text its rows' offsets point into: the whole text as read, or, for a
    file parsed as it was streamed, the spans of it that were read (raw.source_spans)."""
    texts: dict[str, str | SpanText] = {}
    lengths: dict[str, int] = {}
    for document_id, text, n_chars in con.execute(
        "select document_id, min(text), min(n_chars) from raw.documents group by document_id"
    ).fetchall():
        if text is not None:
            texts[document_id] = text
        else:
            lengths[document_id] = n_chars
    spans: dict[str, dict[tuple[int, int], str]] = {k: {} for k in lengths}
    has_spans = con.execute(
        "select count(*) from information_schema.tables "
        "where table_schema = 'raw' and table_name = 'source_spans'"
    ).fetchall()[0][0]
    if has_spans and lengths:
        for document_id, a, b, text in con.execute(
            "select document_id, char_start, char_end, text from raw.source_spans"
        ).fetchall():
            if document_id in spans:
                spans[document_id][(a, b)] = text
    texts.update({k: SpanText(n, spans[k]) for k, n in lengths.items()})
    return texts


def _ids(con: duckdb.DuckDBPyConnection, table: str, column: str) -> pl.Series:
    return con.sql(f"select {column} from main.{table}").pl().get_column(column)


def _documents(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    return con.sql("select * from main.dim_documents").pl()


def _publications(con: duckdb.DuckDBPyConnection, texts: dict[str, str | SpanText]) -> pl.DataFrame:
    """dim_publications, with its spans checked against the document's text as read (null where
    the document is unknown: that is document_known's failure, not the span's). Parents are read
    one row per key, so a duplicated key fails its own rule and no other."""
    pubs = con.sql(
        "select p.*, d.document_kind from main.dim_publications p left join "
        "(select document_id, min(document_kind) as document_kind from main.dim_documents "
        "group by document_id) d using (document_id)"
    ).pl()
    start, end = pl.col("char_start"), pl.col("char_end")
    has_text = pl.col("document_id").is_in(list(texts))
    length = pl.col("document_id").replace_strict(
        {k: len(v) for k, v in texts.items()}, default=None, return_dtype=pl.Int64
    )
    in_document = (start >= 0) & (start < end) & (end <= length)
    span = pl.col("_span")
    documents = _ids(con, "dim_documents", "document_id")
    return (
        pubs.with_columns(_span=slices(pubs, texts, "document_id", "char_start", "char_end"))
        .with_columns(
            span_in_document=pl.when(has_text).then(in_document.fill_null(False)),
            span_is_trimmed=pl.when(has_text & in_document).then(
                (span.str.len_chars() > 0) & (span == span.str.strip_chars(WHITESPACE))
            ),
            document_known=known("document_id", documents),
        )
        .drop("_span")
    )


def _outcomes(con: duckdb.DuckDBPyConnection, texts: dict[str, str | SpanText]) -> pl.DataFrame:
    keys = {
        "documents": _ids(con, "dim_documents", "document_id"),
        "publications": _ids(con, "dim_publications", "publication_id"),
        "trials": _ids(con, "dim_trials", "trial_id"),
        "arms": _ids(con, "dim_arms", "arm_id"),
    }
    arm_trials = con.sql(
        "select a.arm_id, min(t.trial_id) as arm_trial_id, min(a.n_patients) as arm_n "
        "from main.dim_arms a left join main.dim_trials t using (trial_id) group by a.arm_id"
    ).pl()
    outcomes = con.sql("select * from main.fct_outcomes").pl()
    formats = dict(con.execute("select document_id, source_format from raw.documents").fetchall())
    return outcome_facts(outcomes, texts, keys, arm_trials, formats)


def _trials(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    return trial_facts(
        con.sql("select * from main.dim_trials").pl(),
        con.sql("select trial_id, n_patients from main.dim_arms").pl(),
    )


def _arms(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    trials = _ids(con, "dim_trials", "trial_id")
    return (
        con.sql("select * from main.dim_arms")
        .pl()
        .with_columns(trial_known=known("trial_id", trials))
    )


def _agents(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    return con.sql("select * from main.dim_agents").pl()


def _bridge(table: str, left: tuple[str, str], right: tuple[str, str], joiner: str):
    """A bridge's loader: its rows named "<left> <joiner> <right>", each key checked against its
    dimension (``left``/``right``: column, dimension table)."""

    def load(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
        return (
            con.sql(f"select * from main.{table}")
            .pl()
            .with_columns(
                bridge_id=pl.concat_str(left[0], right[0], separator=f" {joiner} "),
                **{
                    f"{column.removesuffix('_id')}_known": known(column, _ids(con, dim, column))
                    for column, dim in (left, right)
                },
            )
        )

    return load


def _conflicts(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    outcomes = _ids(con, "fct_outcomes", "outcome_id")
    return (
        con.sql("select * from main.fct_outcome_conflicts")
        .pl()
        .with_columns(
            outcome_a_known=known("outcome_id_a", outcomes),
            outcome_b_known=known("outcome_id_b", outcomes),
            values_differ=(pl.col("value_a") != pl.col("value_b")).fill_null(False),
        )
    )


LOADERS = {
    "dim_documents": _documents,
    "dim_publications": _publications,
    "fct_outcomes": _outcomes,
    "dim_trials": _trials,
    "dim_arms": _arms,
    "dim_agents": _agents,
    "bridge_arm_agents": _bridge(
        "bridge_arm_agents", ("arm_id", "dim_arms"), ("agent_id", "dim_agents"), "+"
    ),
    "bridge_trial_publications": _bridge(
        "bridge_trial_publications",
        ("trial_id", "dim_trials"),
        ("publication_id", "dim_publications"),
        "in",
    ),
    "fct_outcome_conflicts": _conflicts,
}


# the loaders that compare rows with the source text, which is read once for them all
_WITH_TEXTS = frozenset({"dim_publications", "fct_outcomes"})


def mart_frames(con: duckdb.DuckDBPyConnection) -> dict[str, pl.DataFrame]:
    texts = source_texts(con)
    return {
        name: load(con, texts) if name in _WITH_TEXTS else load(con)
        for name, load in LOADERS.items()
    }
