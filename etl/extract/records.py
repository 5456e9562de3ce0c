"""Records → result rows: the sequential part of outcome extraction, with no polars in it.

A record's sentences are read in order, because its context (the groups it compares, the endpoint
it last named, the groups it last listed) carries from one sentence to the next. Records are
independent of each other, so etl.extract.outcomes may hand slices of them to worker processes,
which import only this module and the grammar.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from itertools import groupby
from operator import itemgetter

from etl.audit import rejection_row
from etl.extract.arms import record_arms
from etl.extract.grammar import Fact, listed_groups, parse_sentence
from etl.vocab.endpoints import endpoint_mentions

# The columns of an outcome row, in the order of the staging table.
OUTCOME_COLUMNS = (
    "outcome_id",
    "source_file",
    "document_id",
    "publication_id",
    "sentence_id",
    "endpoint",
    "endpoint_label",
    "measure",
    "value",
    "unit",
    "value_months",
    "timepoint_months",
    "ci_level",
    "ci_lower",
    "ci_upper",
    "p_value",
    "p_operator",
    "arm_label",
    "comparator_label",
    "n_patients",
    "n_denominator",
    "evidence_text",
    "char_start",
    "char_end",
    "value_start",
    "value_end",
)


def _outcome_id(document_id: str, start: int, end: int, endpoint: str, measure: str) -> str:
    key = f"{document_id}:{start}:{end}:{endpoint}:{measure}"
    return "out_" + hashlib.sha1(key.encode()).hexdigest()[:16]


def _rows(sentence: dict, facts: list[Fact]) -> tuple[list[dict], list[dict]]:
    rows, problems = [], []
    base = sentence["char_start"]
    for f in facts:
        problems.extend(
            rejection_row(
                sentence["source_file"],
                "extract",
                problem.rule,
                f"{f.value:g} {f.unit}: {problem.message} in: {sentence['text'][:300]}",
                sentence["char_start"],
                sentence["char_end"],
            )
            for problem in f.problems
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
                "n_denominator": f.n_denominator,
                "evidence_text": sentence["text"],
                "char_start": sentence["char_start"],
                "char_end": sentence["char_end"],
                "value_start": base + f.start,
                "value_end": base + f.end,
            }
        )
    return rows, problems


def read_records(sentences: Iterable[dict]) -> tuple[list[dict], list[dict]]:
    """(outcome rows, rejection rows) of whole records: ``sentences`` are body sentences sorted
    by record then position, each with ``_candidate`` (whether it can hold a result)."""
    rows: list[dict] = []
    problems: list[dict] = []
    for _, group in groupby(sentences, key=itemgetter("publication_id")):
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
    return rows, problems
