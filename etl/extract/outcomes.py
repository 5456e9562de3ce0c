"""Sentences → result numbers (the staging table ``outcomes``).

Which sentences can hold results is decided column-wise; each candidate sentence is then read by
the grammar (etl.extract.grammar), in record order, because a record's context (the groups it
compares, the endpoint it is talking about) carries from one sentence to the next.
"""

from __future__ import annotations

import hashlib
from itertools import groupby
from operator import itemgetter

import polars as pl

from etl.audit import rejection_row, rejections_frame
from etl.extract.arms import record_arms
from etl.extract.grammar import Fact, listed_groups, parse_sentence
from etl.schemas.staging import Outcomes, polars_schema
from etl.vocab.endpoints import endpoint_mentions

_CANDIDATE = r"\d\s*%|\d\s*(?:months?|mo|days?|weeks?|years?)\b|hazard ratio|\bHR\b|odds ratio|\bOR\b|\d+\s+(?:had|achieved|partial|complete)"


def _outcome_id(document_id: str, start: int, end: int, endpoint: str, measure: str) -> str:
    key = f"{document_id}:{start}:{end}:{endpoint}:{measure}"
    return "out_" + hashlib.sha1(key.encode()).hexdigest()[:16]


def _rows(sentence: dict, facts: list[Fact]) -> tuple[list[dict], list[dict]]:
    rows, problems = [], []
    base = sentence["char_start"]
    for f in facts:
        if f.problems:
            problems.append(
                rejection_row(
                    sentence["source_file"],
                    "extract",
                    "malformed_interval",
                    f"{f.value} {f.unit}: {'; '.join(f.problems)} in: {sentence['text'][:300]}",
                    sentence["char_start"],
                    sentence["char_end"],
                )
            )
        rows.append(
            {
                "outcome_id": _outcome_id(
                    sentence["document_id"], base + f.start, base + f.end, f.endpoint, f.measure
                ),
                "source_file": sentence["source_file"],
                "document_id": sentence["document_id"],
                "publication_id": sentence["publication_id"],
                "sentence_id": sentence["sentence_id"],
                "endpoint": f.endpoint,
                "endpoint_label": f.endpoint_label or f.endpoint,
                "measure": f.measure,
                "value": f.value,
                "unit": f.unit,
                "value_months": f.value_months,
                "timepoint_months": f.timepoint_months,
                "ci_level": f.ci.level if f.ci else None,
                "ci_lower": f.ci.lower if f.ci else None,
                "ci_upper": f.ci.upper if f.ci else None,
                "p_value": f.p.value if f.p else None,
                "p_operator": f.p.operator if f.p else None,
                "arm_label": f.arm,
                "comparator_label": f.comparator,
                "n_patients": f.n_patients,
                "evidence_text": sentence["text"],
                "char_start": sentence["char_start"],
                "char_end": sentence["char_end"],
                "value_start": base + f.start,
                "value_end": base + f.end,
            }
        )
    return rows, problems


def outcomes_frame(sentences: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """``sentences`` (the staging frame) → (outcomes, rejections of unreadable numbers)."""
    body = sentences.filter(pl.col("role") == "body").sort("publication_id", "sentence_index")
    body = body.with_columns(pl.col("text").str.contains(_CANDIDATE).alias("_candidate"))
    rows: list[dict] = []
    problems: list[dict] = []
    # sorted by record, so a record's sentences are adjacent (rows are read in buffered slices)
    for _, group in groupby(body.iter_rows(named=True), key=itemgetter("publication_id")):
        record = list(group)
        arms = record_arms([sentence["text"] for sentence in record])
        comparison = (arms[0], arms[1]) if len(arms) >= 2 else None
        context: tuple[str, str] | None = None
        recent: tuple[str, ...] = ()
        for sentence in record:
            mentions = endpoint_mentions(sentence["text"])
            if sentence["_candidate"]:
                facts = parse_sentence(
                    sentence["text"], context, comparison, arms, mentions, recent_groups=recent
                )
                recent = listed_groups(facts) or recent
                r, p = _rows(sentence, facts)
                rows.extend(r)
                problems.extend(p)
            if mentions:
                context = (mentions[-1][2], mentions[-1][3])
    frame = pl.DataFrame(rows, schema=polars_schema(Outcomes))
    return frame, rejections_frame(problems)
