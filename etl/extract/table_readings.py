"""Tables → the staging rows their rows give: outcomes (each number with its row as evidence),
the trial each row names, the sized groups it lists, the phase it states and the patients its
patients column counts.

The table reader (etl.extract.table_outcomes) reads each row; each row is a sentence of its own
(etl.extract.sentences), so its numbers are traced to it like any sentence's, and a trial the row
names is a mention in it (etl.extract.trials reads the names given here).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import polars as pl

from etl.audit import rejections_frame
from etl.documents.table_grid import is_trial_name
from etl.documents.tables import Table
from etl.extract.records import FACT_COLUMNS, SENTENCE_COLUMNS, fact_row, problem_rows
from etl.extract.table_outcomes import read_table
from etl.extract.trial_names import clean_name
from etl.schemas.staging import Outcomes, TrialArms, TrialFacts, polars_schema
from etl.vocab.codes import code

_TABLE_ROW = code("sentence_role", "table_row")
_RECORD = code("fact_scope", "record")
_PHASE = code("trial_fact", "phase")
_ENROLLED = code("trial_fact", "n_enrolled")


@dataclass(frozen=True)
class TableFrames:
    outcomes: pl.DataFrame  # the staging outcomes of the table rows
    rejections: pl.DataFrame  # what a row held that could not be right
    names: list[str]  # the trial names the rows give
    treatments: list[str]  # the treatments they name (labels of their groups): never trials
    arms: pl.DataFrame  # the sized groups of the rows (staging trial_arms)
    facts: pl.DataFrame  # the phases and enrolments the rows state (staging trial_facts)
    # the documents whose tables give each name not shaped as a trial's ("Rosell", "NCIC CTG
    # PA.3", a misread table's "Afatinib"): looked for in those documents only
    name_documents: dict[str, frozenset[str]] = field(default_factory=dict)


# (a decimal in a row's "trial" is a misread table's value: "HR 0.91")
_DECIMAL = re.compile(r"\d[.·]\d")


def table_frames(
    sentences: pl.DataFrame, documents: pl.DataFrame, tables: dict[str, list[Table]]
) -> TableFrames:
    """What the rows of ``tables`` (by document) say, against their row sentences."""
    rows = sentences.filter(pl.col("role") == _TABLE_ROW)
    by_span = {(r["document_id"], r["char_start"]): r for r in rows.iter_rows(named=True)}
    texts = dict(
        documents.filter(pl.col("document_id").is_in(list(tables)))
        .select("document_id", "text")
        .iter_rows()
    )
    facts: list[tuple] = []
    sentence_of: list[dict] = []
    problems: list[dict] = []
    names: set[str] = set()
    name_documents: dict[str, set[str]] = {}
    treatments: set[str] = set()
    arms: list[dict] = []
    trial_facts: list[dict] = []
    for document_id, found in tables.items():
        text = texts.get(document_id)
        if text is None:
            continue
        for table in found:
            for reading in read_table(text, table):
                sentence = by_span.get((document_id, reading.span[0]))
                if sentence is None:
                    continue
                if (
                    reading.trial
                    and clean_name(reading.trial)
                    and not _DECIMAL.search(reading.trial)
                ):
                    names.add(reading.trial)
                    if not is_trial_name(reading.trial):  # (a name by its shape: anywhere)
                        name_documents.setdefault(reading.trial, set()).add(document_id)
                treatments.update(label for label, _ in reading.arms)
                for f in reading.facts:
                    facts.append(fact_row(document_id, reading.span[0], f))
                    sentence_of.append(sentence)
                    problems.extend(
                        problem_rows(
                            sentence["source_file"],
                            sentence["text"],
                            sentence["char_start"],
                            sentence["char_end"],
                            f,
                        )
                    )
                arms.extend(_arms(sentence, reading.arms))
                if reading.phase:
                    trial_facts.append(_trial_fact(sentence, _PHASE, reading.phase))
                if reading.enrolled and len(reading.arms) >= 2:
                    # (the count of a row that compares its groups: its trial's enrolment; a row
                    # of one group's is that group's size)
                    trial_facts.append(_trial_fact(sentence, _ENROLLED, str(reading.enrolled)))
    return TableFrames(
        outcomes=_outcomes(facts, sentence_of),
        rejections=rejections_frame(problems),
        names=sorted(names),
        name_documents={name: frozenset(docs) for name, docs in name_documents.items()},
        treatments=sorted(treatments),
        arms=pl.DataFrame(arms, schema=polars_schema(TrialArms)),
        facts=pl.DataFrame(trial_facts, schema=polars_schema(TrialFacts)),
    )


def _outcomes(facts: list[tuple], sentence_of: list[dict]) -> pl.DataFrame:
    schema = polars_schema(Outcomes)
    read = pl.DataFrame(facts, schema={c: schema[c] for c in FACT_COLUMNS}, orient="row")
    sentence = pl.DataFrame(
        [{column: s[source] for column, source in SENTENCE_COLUMNS.items()} for s in sentence_of],
        schema={column: schema[column] for column in SENTENCE_COLUMNS},
    )
    return pl.concat([sentence, read], how="horizontal").select(list(schema))


def _arms(sentence: dict, listed: tuple[tuple[str, int | None], ...]) -> list[dict]:
    return [
        {
            "publication_id": sentence["publication_id"],
            "sentence_id": sentence["sentence_id"],
            "source_file": sentence["source_file"],
            "arm_order": order,
            "label": label,
            "n_patients": n,
            "char_start": sentence["char_start"],
            "char_end": sentence["char_end"],
        }
        for order, (label, n) in enumerate(listed)
        if n is not None and n > 0 and 0 < len(label) <= 60
    ]


def _trial_fact(sentence: dict, fact: str, value: str) -> dict:
    return {
        "publication_id": sentence["publication_id"],
        "sentence_id": sentence["sentence_id"],
        "source_file": sentence["source_file"],
        "scope": _RECORD,
        "fact": fact,
        "value": value,
        "char_start": sentence["char_start"],
        "char_end": sentence["char_end"],
    }
