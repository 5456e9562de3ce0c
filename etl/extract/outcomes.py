"""Sentences → result numbers (the staging table ``outcomes``).

Which sentences can hold results is decided column-wise; the candidates are then read record by
record (etl.extract.records), in one process or, for a large input, in several.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from bisect import bisect_left
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain, pairwise

import polars as pl

from etl.audit import rejections_frame
from etl.extract.facts import UNIT_WORDS
from etl.extract.numbers import PROPORTION_SPREAD
from etl.extract.records import FACT_COLUMNS, INPUT_COLUMNS, SENTENCE_COLUMNS, read_records
from etl.schemas.staging import Outcomes, polars_schema
from etl.vocab.codes import code

_BODY, _TITLE = code("sentence_role", "body"), code("sentence_role", "title")

# Which sentences can hold a result (polars' engine: no look-around): a rate, written with its sign
# or in words ("51 percent"), a time in one of the units the grammar reads (UNIT_WORDS: "14.1
# mos", "9.7 m"), a ratio's name, a count of responders.
_CANDIDATE = (
    r"\d\s*%|\d\s*(?i:percent|per cent)\b"
    rf"|\d\s*(?:{'|'.join(sorted(UNIT_WORDS, key=len, reverse=True))})\b"
    # (or after the value's range or interval: "24.7 (0.6-42.3) mo", "39.6 (31.7-48.8) months")
    rf"|\d\s*[)\]]\s*(?:{'|'.join(sorted(UNIT_WORDS, key=len, reverse=True))})\b"
    r"|(?i:hazard[- ]ratio|odds[- ]ratio)|\bHR\b|\bOR\b|\d+\s+(?:had|achieved|partial|complete)"
    # (counts of events: "13 deaths", "88 progressions or deaths", "45 OS events", "74 died")
    r"|\d\s+(?:\S+\s+){0,6}?(?i:deaths?|died|events?)\b|(?i:deaths?\s+(?:had\s+)?(?:occurred|were|was))"
    # (a unit announced for the bare numbers after it: "median PFS (months [95% CI]) was 18.5",
    # "ORR (%): 45 vs 30", "median OS, mo: 12.1 vs 9.8"; see etl.extract.values)
    rf"|[(\[]\s*(?:%|(?i:{'|'.join(sorted(UNIT_WORDS, key=len, reverse=True))}))\s*[)\],;\[]"
    rf"|,\s*(?:%|(?i:{'|'.join(sorted(UNIT_WORDS, key=len, reverse=True))}))\s*:"
    # (a proportion with its spread: "EFS was 0.64±0.12"; see etl.extract.values)
    rf"|\d{PROPORTION_SPREAD}"
)


# Body sentences from which forked workers pay: starting two costs ~0.1 s, and 1,000 abstracts
# (7,000 sentences) took 1.0 s in two against 1.7 s in one.
PARALLEL_FROM = 4_000


def outcomes_frame(
    sentences: pl.DataFrame,
    workers: int | None = None,
    parallel_from: int = PARALLEL_FROM,
    chunk: int = 10_000,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """``sentences`` (the staging frame) → (outcomes, rejections of unreadable numbers).

    Records are independent, so a large input (``parallel_from`` body sentences or more) is cut
    at record boundaries into parts of at most ``chunk`` sentences, and at least eight parts per
    worker (so that no worker is left with a long last part while the others wait), read by
    ``workers`` processes (default: the usable cores, at most 4; or ETL_WORKERS). The parts are
    joined in order, so the output is the same as one process's. A part is sent when a worker is
    about to need it, so only a few parts are in flight, whatever the size of the input. A worker
    gets the columns the grammar reads and returns the facts with the row of their sentence; the
    sentence's own columns (ids, evidence, offsets) are joined here, column-wise."""
    # titles come along for the record's context (the groups "A Versus B" compares); only body
    # sentences are read for numbers
    body = sentences.filter(pl.col("role").is_in([_BODY, _TITLE])).sort(
        "publication_id", "sentence_index"
    )
    body = body.with_columns(
        ((pl.col("role") == _BODY) & pl.col("text").str.contains(_CANDIDATE)).alias("_candidate"),
        (pl.col("role") == _TITLE).alias("_title"),
    )
    n = workers or _default_workers()
    if n < 2 or body.height < parallel_from:
        facts, problems = read_records(_columns(body))
        return _outcomes(body, facts), rejections_frame(problems)
    parts = _record_slices(body, min(chunk, max(1, -(-body.height // (8 * n)))))
    frames, problems = [], []
    # fork: a spawned worker would import the main program again (the CLI: dbt, GX, pandera) and
    # lose more than it gains. The workers touch no polars (a forked copy of its thread pool is not
    # safe to use): plain lists in, plain lists out. They run without the cyclic garbage collector:
    # the grammar makes no cycles worth collecting, and each collection walks every object the
    # worker holds (0.8% of the reading of 2,000 abstracts, in instructions) and copies the
    # parent's pages it touches.
    with ProcessPoolExecutor(
        n, mp_context=multiprocessing.get_context("fork"), initializer=gc.disable
    ) as pool:
        pending: deque[tuple[pl.DataFrame, Future]] = deque()
        for part in chain(parts, [None]):
            if part is not None:
                pending.append((part, pool.submit(read_records, _columns(part))))
            while pending and (part is None or len(pending) > 2 * n):
                done, future = pending.popleft()
                facts, part_problems = future.result()
                frames.append(_outcomes(done, facts))
                problems.extend(part_problems)
    return pl.concat(frames, how="vertical"), rejections_frame(problems)


def _columns(body: pl.DataFrame) -> dict[str, list]:
    """What the grammar reads of each sentence, as Python lists."""
    return {c: body.get_column(c).to_list() for c in INPUT_COLUMNS}


def _outcomes(body: pl.DataFrame, facts: dict[str, list]) -> pl.DataFrame:
    """The staging rows of ``facts`` read from ``body``: each fact with its sentence's columns."""
    schema = polars_schema(Outcomes)
    read = pl.DataFrame(
        {c: facts[c] for c in FACT_COLUMNS}, schema={c: schema[c] for c in FACT_COLUMNS}
    )
    rows = pl.Series("row", facts["sentence_row"], dtype=pl.UInt32)
    sentence = body.select(
        pl.col(source).gather(rows).cast(schema[column]).alias(column)
        for column, source in SENTENCE_COLUMNS.items()
    )
    return pl.concat([sentence, read], how="horizontal").select(list(schema))


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
