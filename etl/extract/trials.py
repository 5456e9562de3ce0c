"""Sentences → mentions of trials (the staging table ``trial_mentions``).

A trial is named in text in three ways, and only these are taken as names, so that an ordinary
capitalised abbreviation (HCC, TACE, OS) never becomes a trial:

- a registry number: ``NCT03298451``;
- a name used as the head of "trial"/"study": "the phase III HIMALAYA study", "REFLECT trial",
  "the CheckMate 040 study", "KEYNOTE-240 trial", "Study 304";
- a parenthesised name that a trial noun introduces: "a phase III trial (DECISION)", or a title
  "... (RESORCE): a randomised, double-blind, phase 3 trial".

Once a name is known from one of those uses, every other use of it in the corpus is a mention too
("a 4-year updated analysis of HIMALAYA"). Each record also gets the trial it reports itself (its
``is_primary`` mention): its registry number, else the one trial it names, else (for a primary
study that names none) an unnamed trial of its own. Linking names to numbers and merging across
documents is done in dbt (int_trials_resolved), not here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import polars as pl

from etl.documents.ids import span_id_expr
from etl.schemas.staging import TrialMentions, polars_schema
from etl.vocab.codes import NOT_TRIAL_NAMES, PRIMARY_STUDY_TYPES, SECONDARY_STUDY_TYPES

NCT_RE = re.compile(r"\bNCT\d{8}\b")

# A trial name: at least two capitals in one word (HIMALAYA, CheckMate, IMbrave150, KEYNOTE),
# optionally followed by a number (CheckMate 040, KEYNOTE-240, LEAP-002); or "Study 304".
_NAME = r"(?:[A-Z][A-Za-z]*[A-Z][A-Za-z]*\d*(?:[- ]\d{1,4}[A-Za-z]?\b)?|Study \d{2,4}\b)"
_TRIAL_NOUN = r"(?:[Tt]rials?|[Ss]tud(?:y|ies))\b"
_NAME_AS_HEAD = re.compile(rf"\b(?P<name>{_NAME})\s+{_TRIAL_NOUN}")
_NAME_IN_PARENS = re.compile(
    rf"\b{_TRIAL_NOUN}[^.;()]{{0,40}}?\((?P<name>{_NAME})\)"
    rf"|\((?P<title>{_NAME})\)\s*:\s*(?:an?|the)\b[^.;]{{0,120}}?\b{_TRIAL_NOUN}"
)
_ROMAN = re.compile(r"^(?:[IVX]+[ab]?)(?:[/-][IVX]+[ab]?)?$")


def _clean_name(name: str) -> str | None:
    """The name as a trial identifier, or None when it is not one (a phase, an abbreviation)."""
    name = name.strip()
    head = re.split(r"[- ]", name)[0]
    if _ROMAN.match(head) or head.upper() in NOT_TRIAL_NAMES or head.startswith("NCT"):
        return None
    if sum(c.isalpha() for c in name) < 3:
        return None
    return name


def _named(text: str) -> Iterable[tuple[str, int, int]]:
    """(name, start, end) for each use of a trial name that the grammar above recognises."""
    for m in _NAME_AS_HEAD.finditer(text):
        if (name := _clean_name(m.group("name"))) is not None:
            yield name, m.start("name"), m.end("name")
    for m in _NAME_IN_PARENS.finditer(text):
        group = "name" if m.group("name") else "title"
        if (name := _clean_name(m.group(group))) is not None:
            yield name, m.start(group), m.end(group)


def known_names(sentences: pl.DataFrame) -> list[str]:
    """Every trial name the corpus introduces by one of the grammatical uses above."""
    texts = sentences.filter(pl.col("text").str.contains(r"(?i)trial|stud(?:y|ies)"))
    names = {name for text in texts.get_column("text") for name, _, _ in _named(text)}
    return sorted(names)


def _mentions(sentences: pl.DataFrame, names: list[str]) -> pl.DataFrame:
    """One row per NCT number or known trial name in a sentence, with its exact offsets."""
    alternatives = [r"NCT\d{8}"] + [re.escape(n) for n in sorted(names, key=len, reverse=True)]
    pattern = re.compile(r"\b(?:" + "|".join(alternatives) + r")(?![\w-])")
    literal = pl.col("text").str.contains("NCT")
    if names:
        literal = literal | pl.col("text").str.contains_any(names)
    rows = []
    for s in sentences.filter(literal).iter_rows(named=True):
        for m in pattern.finditer(s["text"]):
            is_nct = NCT_RE.fullmatch(m.group()) is not None
            rows.append(
                {
                    "publication_id": s["publication_id"],
                    "document_id": s["document_id"],
                    "source_file": s["source_file"],
                    "sentence_id": s["sentence_id"],
                    "nct_id": m.group() if is_nct else None,
                    "acronym": None if is_nct else m.group(),
                    "mention_text": m.group(),
                    "char_start": s["char_start"] + m.start(),
                    "char_end": s["char_start"] + m.end(),
                }
            )
    schema = {k: v for k, v in polars_schema(TrialMentions).items() if k in _MENTION_COLUMNS}
    return pl.DataFrame(rows, schema=schema)


_MENTION_COLUMNS = (
    "publication_id",
    "document_id",
    "source_file",
    "sentence_id",
    "nct_id",
    "acronym",
    "mention_text",
    "char_start",
    "char_end",
)


def _link_within_records(mentions: pl.DataFrame) -> pl.DataFrame:
    """Fill a name's NCT number (and a number's name) where the record ties the two together.

    A tie is a name and a number in the same sentence ("HIMALAYA study (NCT03298451)"), or a
    record that names exactly one trial and carries exactly one number (a trial report whose
    registration line is at its end).
    """
    by_sentence = mentions.group_by("sentence_id").agg(
        pl.col("nct_id").drop_nulls().unique().alias("_s_ncts"),
        pl.col("acronym").drop_nulls().unique().alias("_s_names"),
    )
    by_record = mentions.group_by("publication_id").agg(
        pl.col("nct_id").drop_nulls().unique().alias("_r_ncts"),
        pl.col("acronym").drop_nulls().unique().alias("_r_names"),
    )
    only = pl.col("_s_ncts").list.len() == 1
    record_tie = (pl.col("_r_ncts").list.len() == 1) & (pl.col("_r_names").list.len() == 1)
    return (
        mentions.join(by_sentence, on="sentence_id", how="left")
        .join(by_record, on="publication_id", how="left")
        .with_columns(
            nct_id=pl.coalesce(
                pl.col("nct_id"),
                pl.when(only).then(pl.col("_s_ncts").list.first()),
                pl.when(record_tie).then(pl.col("_r_ncts").list.first()),
            ),
            acronym=pl.coalesce(
                pl.col("acronym"),
                pl.when(pl.col("_s_names").list.len() == 1).then(pl.col("_s_names").list.first()),
                pl.when(record_tie).then(pl.col("_r_names").list.first()),
            ),
        )
        .drop("_s_ncts", "_s_names", "_r_ncts", "_r_names")
    )


def _primary(mentions: pl.DataFrame, publications: pl.DataFrame) -> pl.DataFrame:
    """Mark the mention naming each record's own trial, adding an unnamed one where needed.

    A record reports its own trial when it carries a registry number (its first one), or when it
    names exactly one trial and is not a review, meta-analysis or preclinical paper. A primary
    study (trial, cohort, case report) that names none is an unnamed trial of its own.
    """
    firsts = (
        mentions.sort("char_start")
        .group_by("publication_id", maintain_order=True)
        .agg(
            pl.col("char_start").filter(pl.col("nct_id").is_not_null()).first().alias("_first_nct"),
            pl.col("acronym").drop_nulls().n_unique().alias("_n_names"),
            pl.col("char_start")
            .filter(pl.col("acronym").is_not_null())
            .first()
            .alias("_first_name"),
        )
        .join(publications.select("publication_id", "study_type"), on="publication_id")
        .with_columns(
            _primary_at=pl.coalesce(
                pl.col("_first_nct"),
                pl.when(
                    ~pl.col("study_type").is_in(list(SECONDARY_STUDY_TYPES))
                    & (pl.col("_n_names") == 1)
                ).then(pl.col("_first_name")),
            )
        )
        .select("publication_id", "_primary_at")
    )
    marked = mentions.join(firsts, on="publication_id", how="left").with_columns(
        is_primary=(pl.col("char_start") == pl.col("_primary_at")).fill_null(False)
    )
    claimed = marked.filter(pl.col("is_primary")).get_column("publication_id").implode()
    unnamed = publications.filter(
        pl.col("study_type").is_in(list(PRIMARY_STUDY_TYPES))
        & ~pl.col("publication_id").is_in(claimed)
    ).select(
        "publication_id",
        "document_id",
        "source_file",
        pl.lit(None, pl.String).alias("sentence_id"),
        pl.lit(None, pl.String).alias("nct_id"),
        pl.lit(None, pl.String).alias("acronym"),
        pl.lit(None, pl.String).alias("mention_text"),
        pl.col("char_start"),
        pl.col("char_end"),
        pl.lit(True).alias("is_primary"),
    )
    return pl.concat([marked.drop("_primary_at"), unnamed], how="vertical_relaxed")


def trial_mentions_frame(sentences: pl.DataFrame, publications: pl.DataFrame) -> pl.DataFrame:
    """The staging frame ``trial_mentions``: every named or numbered trial use, plus unnamed ones.

    Citation lines are read too (a registration number often sits there), author lines are not.
    """
    readable = sentences.filter(pl.col("role") != "authors")
    mentions = _link_within_records(_mentions(readable, known_names(readable)))
    rows = _primary(mentions, publications).with_columns(
        span_id_expr(
            "tm", pl.col("publication_id"), pl.col("char_start"), pl.col("char_end")
        ).alias("mention_id")
    )
    return rows.select(list(polars_schema(TrialMentions))).sort("publication_id", "char_start")
