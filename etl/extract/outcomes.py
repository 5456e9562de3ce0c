"""Sentences → result numbers (the staging table ``outcomes``).

Which sentences can hold results is decided column-wise; the candidates are then read record by
record (etl.extract.records), in one process or, for a large input, in several.
"""

from __future__ import annotations

import multiprocessing
import os
from bisect import bisect_left
from concurrent.futures import ProcessPoolExecutor
from itertools import chain, pairwise

import polars as pl

from etl.audit import rejections_frame
from etl.extract.records import read_records
from etl.schemas.staging import Outcomes, polars_schema

_CANDIDATE = r"\d\s*%|\d\s*(?:months?|mo|days?|weeks?|years?)\b|(?i:hazard ratio|odds ratio)|\bHR\b|\bOR\b|\d+\s+(?:had|achieved|partial|complete)"


def outcomes_frame(
    sentences: pl.DataFrame, workers: int | None = None, parallel_from: int = 20_000
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """``sentences`` (the staging frame) → (outcomes, rejections of unreadable numbers).

    Records are independent, so a large input (``parallel_from`` body sentences or more) is cut at
    record boundaries and read by ``workers`` processes (default: the usable cores, at most 4; or
    ETL_WORKERS); the parts are joined in order, so the output is the same as one process's."""
    body = sentences.filter(pl.col("role") == "body").sort("publication_id", "sentence_index")
    body = body.with_columns(pl.col("text").str.contains(_CANDIDATE).alias("_candidate"))
    n = workers or _default_workers()
    if n < 2 or body.height < parallel_from:
        return _read_records(body)
    columns = ["publication_id", "sentence_id", "document_id", "source_file", "text"]
    columns += ["char_start", "char_end", "_candidate"]
    parts = [part.select(columns).to_dicts() for part in _record_slices(body, n)]
    # fork: a spawned worker would import the main program again (the CLI: dbt, GX, pandera) and
    # lose more than it gains. The workers touch no polars (a forked copy of its thread pool is not
    # safe to use): plain dicts in, plain dicts out.
    with ProcessPoolExecutor(n, mp_context=multiprocessing.get_context("fork")) as pool:
        results = list(pool.map(read_records, parts))
    return (
        pl.DataFrame(
            list(chain.from_iterable(r for r, _ in results)), schema=polars_schema(Outcomes)
        ),
        rejections_frame(list(chain.from_iterable(p for _, p in results))),
    )


def _default_workers() -> int:
    configured = os.environ.get("ETL_WORKERS")
    if configured:
        return max(1, int(configured))
    return min(len(os.sched_getaffinity(0)), 4)


def _record_slices(body: pl.DataFrame, n: int) -> list[pl.DataFrame]:
    """``body`` (sorted by record) in ``n`` slices of about equal size, cut where a record starts."""
    starts = (
        body.select((pl.col("publication_id") != pl.col("publication_id").shift(1)).arg_true())
        .to_series()
        .to_list()
    )
    cuts = [0]
    for k in range(1, n):
        i = bisect_left(starts, body.height * k // n)
        if i < len(starts) and starts[i] > cuts[-1]:
            cuts.append(starts[i])
    cuts.append(body.height)
    return [body.slice(a, b - a) for a, b in pairwise(cuts) if b > a]


def _read_records(body: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The outcomes of whole records (``body`` sorted by record, then sentence)."""
    rows, problems = read_records(body.iter_rows(named=True))
    return pl.DataFrame(rows, schema=polars_schema(Outcomes)), rejections_frame(problems)
