"""Sentences → result numbers (the staging table ``outcomes``).

Which sentences can hold results is decided column-wise; the candidates are then read record by
record (etl.extract.records), in one process or, for a large input, in several.
"""

from __future__ import annotations

import multiprocessing
import os
from bisect import bisect_left
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain, pairwise

import polars as pl

from etl.audit import rejections_frame
from etl.extract.records import OUTCOME_COLUMNS, read_records
from etl.schemas.staging import Outcomes, polars_schema

_CANDIDATE = r"\d\s*%|\d\s*(?:months?|mo|days?|weeks?|years?)\b|(?i:hazard ratio|odds ratio)|\bHR\b|\bOR\b|\d+\s+(?:had|achieved|partial|complete)"
_INPUT_COLUMNS = [
    "publication_id",
    "sentence_id",
    "document_id",
    "source_file",
    "text",
    "char_start",
    "char_end",
    "_candidate",
]


def outcomes_frame(
    sentences: pl.DataFrame,
    workers: int | None = None,
    parallel_from: int = 20_000,
    chunk: int = 10_000,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """``sentences`` (the staging frame) → (outcomes, rejections of unreadable numbers).

    Records are independent, so a large input (``parallel_from`` body sentences or more) is cut
    at record boundaries into parts of about ``chunk`` sentences, read by ``workers`` processes
    (default: the usable cores, at most 4; or ETL_WORKERS). The parts are joined in order, so the
    output is the same as one process's. A part is sent when a worker is about to need it, so
    only a few parts are in flight, whatever the size of the input."""
    body = sentences.filter(pl.col("role") == "body").sort("publication_id", "sentence_index")
    body = body.with_columns(pl.col("text").str.contains(_CANDIDATE).alias("_candidate"))
    n = workers or _default_workers()
    if n < 2 or body.height < parallel_from:
        return _read_records(body)
    body = body.select(_INPUT_COLUMNS)
    parts = (
        {c: part.get_column(c).to_list() for c in _INPUT_COLUMNS}
        for part in _record_slices(body, chunk)
    )
    frames, problems = [], []
    # fork: a spawned worker would import the main program again (the CLI: dbt, GX, pandera) and
    # lose more than it gains. The workers touch no polars (a forked copy of its thread pool is not
    # safe to use): plain lists in, plain lists out.
    with ProcessPoolExecutor(n, mp_context=multiprocessing.get_context("fork")) as pool:
        pending: deque[Future] = deque()
        for part in chain(parts, [None]):
            if part is not None:
                pending.append(pool.submit(_read_part, part))
            while pending and (part is None or len(pending) > 2 * n):
                columns, part_problems = pending.popleft().result()
                frames.append(pl.DataFrame(columns, schema=polars_schema(Outcomes)))
                problems.extend(part_problems)
    return pl.concat(frames, how="vertical"), rejections_frame(problems)


def _default_workers() -> int:
    configured = os.environ.get("ETL_WORKERS")
    if configured:
        return max(1, int(configured))
    return min(len(os.sched_getaffinity(0)), 4)


def _record_slices(body: pl.DataFrame, chunk: int) -> list[pl.DataFrame]:
    """``body`` (sorted by record) in slices of about ``chunk`` rows, cut where a record starts."""
    starts = (
        body.select((pl.col("publication_id") != pl.col("publication_id").shift(1)).arg_true())
        .to_series()
        .to_list()
    )
    cuts = [0]
    for target in range(chunk, body.height, chunk):
        i = bisect_left(starts, target)
        if i < len(starts) and starts[i] > cuts[-1]:
            cuts.append(starts[i])
    cuts.append(body.height)
    return [body.slice(a, b - a) for a, b in pairwise(cuts) if b > a]


def _read_part(part: dict[str, list]) -> tuple[dict[str, list], list[dict]]:
    """In a worker: the outcomes of a part of the input (columns), as columns."""
    names = list(part)
    sentences = (dict(zip(names, row, strict=True)) for row in zip(*part.values(), strict=True))
    found, problems = read_records(sentences)
    return {c: [row[c] for row in found] for c in OUTCOME_COLUMNS}, problems


def _read_records(body: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The outcomes of whole records (``body`` sorted by record, then sentence)."""
    rows, problems = read_records(body.iter_rows(named=True))
    return pl.DataFrame(rows, schema=polars_schema(Outcomes)), rejections_frame(problems)
