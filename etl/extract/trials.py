"""Sentences → mentions of trials (the staging table ``trial_mentions``).

A trial is named by its registry number (``NCT03298451``) or by a name the text uses as a trial's
(etl.extract.trial_names: "the phase III HIMALAYA study", "a phase 2 trial (DESTINY-Breast01)",
"RUBY Investigators", "TOPAZ-1 evaluated ...", "5-year results from CheckMate 227"), so that an
ordinary capitalised abbreviation (HCC, TACE, OS) or a biomarker never becomes a trial. Once a
name is known from one of those uses, every other use of it in the corpus is a mention too ("a
4-year updated analysis of HIMALAYA"), in upper case too; a name a text gives another in
brackets or after a slash is that trial's alias ("EV-302 (KEYNOTE-A39)").

Each record also gets the trial it reports itself (its ``is_primary`` mention): the one whose
uses place it best (in the title, registered, after a design, as the subject of what a trial
does; not "based on X"), else (for a primary study that names none) an unnamed trial of its own.
Linking names to numbers and merging across documents is done in dbt (int_trials_resolved).
"""

from __future__ import annotations

import re

import polars as pl

from etl.documents.ids import span_id_expr
from etl.documents.table_grid import REGISTRATION_AFTER
from etl.extract.numbers import AS_HYPHEN
from etl.extract.table_names import SPACED_REFERENCE
from etl.extract.trial_names import (
    aliases,
    defined_drugs,
    defined_terms,
    headed,
    investigators_only,
    molecular_use,
    named,
)
from etl.schemas.staging import TrialMentions, polars_schema
from etl.vocab.codes import PRIMARY_STUDY_TYPES, SECONDARY_STUDY_TYPES

NCT_RE = re.compile(r"\bNCT\d{8}\b")
# the numbers of other registries (ANZCTR, ISRCTN, UMIN, ChiCTR, DRKS, jRCT, JapicCTI, CTRI, EU
# CTR): a trial's name where the text gives it no other ("ACTRN12610000915055", "ISRCTN 36294212")
_OTHER_REGISTRIES = (  # (each number's prefix, and the number)
    ("ACTRN", r"ACTRN\s?\d{14}"),
    ("ISRCTN", r"ISRCTN\s?\d{8}"),
    ("UMIN", r"UMIN\s?\d{9}"),
    ("ChiCTR", r"ChiCTR-?[A-Z]{0,5}-?\d{6,12}"),
    ("DRKS", r"DRKS\s?\d{8}"),
    ("jRCT", r"jRCT[a-z]?\d{9,10}"),  # (jRCT2031200001, jRCTs031180003)
    ("JapicCTI", r"JapicCTI-\d{6}"),
    ("CTRI/", r"CTRI/\d{4}/\d{2,3}/\d{6}"),
    ("EudraCT", r"EudraCT\s+20\d\d-\d{6}-\d{2}"),
)
OTHER_REGISTRY = "|".join(number for _, number in _OTHER_REGISTRIES)
_REGISTRY_WORDS = "|".join(["NCT", *(prefix for prefix, _ in _OTHER_REGISTRIES)])
# a registration statement: the record's own trial ("ClinicalTrials.gov number, NCT...")
_REGISTERED = re.compile(
    r"(?i)(?:clinicaltrials\.gov|registered|registration|trial information|identifier|"
    r"clinical trial(?:s)? (?:number|id)|ct\.gov id)[^.;]{0,40}?NCT\d{8}"
)
# what makes a record speak of someone else's trial: "Based on X", "previously ... in X"
_BACKGROUND = re.compile(
    r"(?i)\b(?:based on|previously|prior|earlier|following|after|as in|similar to|like|than in|"
    r"building on|extension of|compared to results of)\b[^.;]{0,60}$"
    # (an earlier study's finding, which the record's own study builds on: "A demonstrated
    # antitumor activity and safety in the phase II X trial")
    r"|\b(?:demonstrated|showed|shown)\s+(?:[\w-]+\s+){0,3}?activity\b[^.;]{0,60}$"
)
_DESIGN = re.compile(
    r"(?i)\b(?:phase\s+[\dIV/]+[ab]?|randomi[sz]ed|open-label|double-blind|placebo-controlled|"
    r"pivotal|multicent(?:er|re)|single-arm)\b[^.;]{0,40}$"
)


def known_names(sentences: pl.DataFrame) -> list[str]:
    """Every trial name the corpus introduces by one of the uses etl.extract.trial_names reads,
    with the upper-case form of each mixed-case one (ALPHASTAR7 for AlphaStar7)."""
    names: set[str] = set()
    first = (pl.col("sentence_index") == 0) | (pl.col("role") == "title")
    for text, is_first in sentences.select("text", first.alias("first")).iter_rows():
        # (a registry number glued to a name is no part of it: "PALOMA-3NCT01942135")
        names.update(REGISTRATION_AFTER.sub("", name) for name, _, _ in named(text, is_first))
    return sorted(names | {n.upper() for n in names if not n.isupper() and len(n) > 4})


def not_names(sentences: pl.DataFrame, treatments: list[str]) -> set[str]:
    """The keys (name_key) of what never names a trial: the abbreviations the corpus defines as
    terms (etl.extract.trial_names.defined_terms), the codes it defines as drugs ("CPX-351 is a
    ... liposomal encapsulation": defined_drugs), and the treatments tables name in their
    intervention cells ("IFN" in "| IFN | 363 | 5.2 |")."""
    texts = sentences.filter(pl.col("text").str.contains(r"(?i)abbreviation")).get_column("text")
    terms = {term for text in texts for term in defined_terms(text)}
    defining = sentences.filter(pl.col("text").str.contains(r"\b(?:is|was|,) an? ")).get_column(
        "text"
    )
    drugs = {name for text in defining for name in defined_drugs(text)}
    return {name_key(name) for name in (*terms, *drugs, *treatments)}


def alias_map(sentences: pl.DataFrame, names: list[str]) -> dict[str, str]:
    """Each alias a text ties to a name ("EV-302 (KEYNOTE-A39)") → the name, by its key."""
    texts = sentences.filter(pl.col("text").str.contains(r"\(|/")).get_column("text")
    mapping: dict[str, str] = {}
    for text in texts:
        for name, alias in aliases(text):
            key_name, key_alias = name_key(name), name_key(alias)
            if key_alias != key_name and key_alias not in mapping:
                mapping[key_alias] = mapping.get(key_name, name)
    return mapping


def name_key(name: str) -> str:
    """ "CheckMate 040", "CheckMate-040" and "CHECKMATE 040" are one name (as dbt keys them)."""
    return re.sub(r"[^A-Z0-9]", "", name.upper())


def _mentions(
    sentences: pl.DataFrame,
    names: list[str],
    canonical: dict[str, str],
    cited: frozenset[str] = frozenset(),
) -> pl.DataFrame:
    """One row per NCT number or known trial name in a sentence, with its exact offsets and what
    the sentence says around it (_subject_score); an alias takes its name ("KEYNOTE-A39" written,
    "EV-302" its acronym), a name spelled out takes its own ("(CALGB) 50901" written). A name of
    ``cited`` (a table's) may be written with a reference number set on it ("ARTIST42")."""
    alternatives = [r"NCT\d{8}", OTHER_REGISTRY] + [
        re.escape(n).replace(r"\ ", r"\)?\ ") for n in sorted(names, key=len, reverse=True)
    ]
    # (a registry number may be glued to the name before it, as tables of trials write them:
    # "PALOMA-3NCT01942135" is both)
    pattern = re.compile(
        r"(?:\b|(?=NCT\d{8}))(?:"
        + "|".join(alternatives)
        + r")(?P<cite>\d{1,3})?(?:(?![\w-])|(?=NCT\d{8}))"
    )
    literal = pl.col("text").str.contains(_REGISTRY_WORDS)
    if names:
        spelled = [n.replace(" ", ") ") for n in names if " " in n]  # "(CALGB) 50901"
        literal = literal | pl.col("text").str.contains_any(names + spelled)
    by_key = {name_key(n): n for n in names}
    rows = []
    for s in sentences.filter(literal).iter_rows(named=True):
        text = s["text"]
        first = s["sentence_index"] == 0 or s["role"] == "title"
        for m in pattern.finditer(text):
            end = m.start("cite") if m.group("cite") else m.end()
            name = text[m.start() : end]
            if m.group("cite") and name not in cited:
                continue
            is_nct = NCT_RE.fullmatch(name) is not None
            written = name if ")" not in name else by_key[name_key(name)]
            rows.append(
                {
                    "publication_id": s["publication_id"],
                    "document_id": s["document_id"],
                    "source_file": s["source_file"],
                    "sentence_id": s["sentence_id"],
                    "nct_id": written if is_nct else None,
                    "acronym": None if is_nct else canonical.get(name_key(written), written),
                    "mention_text": written,
                    "char_start": s["char_start"] + m.start(),
                    "char_end": s["char_start"] + end,
                    "_score": _subject_score(text, m.start(), end, first, is_nct),
                    "_molecular": not is_nct and molecular_use(text, m.start(), end),
                    "_within": s["char_start"],
                }
            )
    schema = {k: v for k, v in polars_schema(TrialMentions).items() if k in _MENTION_COLUMNS}
    found = pl.DataFrame(
        rows,
        schema={**schema, "_score": pl.Float64, "_molecular": pl.Boolean, "_within": pl.Int64},
    )
    # (a name in two sentences is the one's that starts nearest before it: the rows of a table
    # turned a trial a row overlap, each running over the names of the trials after it)
    nearest = pl.col("_within") == pl.col("_within").max().over("document_id", "char_start")
    return found.filter(nearest).drop("_within")


def without_molecules(mentions: pl.DataFrame, sentences: pl.DataFrame) -> pl.DataFrame:
    """``mentions`` less the names the corpus uses as a molecule's, a cell line's or a reagent's
    somewhere ("TTF-1 expression", "clone AC-1A1") and never as a trial's (the head of "trial" or
    "study", its investigators: etl.extract.trial_names.headed)."""
    suspects = set(
        mentions.filter(pl.col("_molecular")).get_column("acronym").drop_nulls().to_list()
    )
    if not suspects:
        return mentions.drop("_molecular")
    texts = sentences.filter(
        pl.col("text").str.contains(r"(?i)trial|stud(?:y|ies)|investigators|protocol|group")
    ).get_column("text")
    trials = {name_key(name) for text in texts for name in headed(text)}
    molecules = [name for name in suspects if name_key(name) not in trials]
    return mentions.filter(~pl.col("acronym").is_in(molecules).fill_null(False)).drop("_molecular")


# a name as the subject of what its trial does ("X evaluated", "X randomized 400 patients"), not
# as the head of a design's words ("the X randomized clinical trial")
_SUBJECT_OF = re.compile(
    r"\s+(?:trial|study)?\s*(?:evaluated|compared|assessed|investigated|randomi[sz]ed|enrolled)\b"
    r"(?!\s+(?:(?:clinical|controlled|phase|open-label|double-blind|multicent(?:er|re)|[IV\d]+[ab]?)\S*\s+)*"
    r"(?:trials?|study|studies)\b)",
    re.IGNORECASE,
)


# the trial's investigators signing the record as its authors
_BYLINE = re.compile(
    r"\s+(?:Study\s+|Trial\s+)?(?:Investigators|Study\s+Group|Trialists|Collaborative\s+Group)\b"
)


def _subject_score(text: str, start: int, end: int, first: bool, is_nct: bool) -> float:
    """How much a use of a trial's name says the record reports that trial: in its title or
    first line, its registration, its investigators as the record's authors, after a design ("the
    phase 3 X trial"), as the subject of what a trial does ("X evaluated"); less when the record
    builds on it ("Based on X")."""
    before, after = text[max(0, start - 80) : start], text[end : end + 40]
    score = 1.0
    if first:
        score += 3
    if is_nct and _REGISTERED.search(text[max(0, start - 60) : end]):
        score += 4
    if _BYLINE.match(after):  # ("..., and M.R. Smith, for the X Investigators": its own authors)
        score += 4
    if _DESIGN.search(before):
        score += 2
    if _SUBJECT_OF.match(after):
        score += 2
    if _BACKGROUND.search(before):
        score -= 4
    return score


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
    record whose best-placed name (_subject_score) and only number both speak of its own study
    (a trial report whose registration line is at its end).
    """
    by_sentence = mentions.group_by("sentence_id").agg(
        pl.col("nct_id").drop_nulls().unique().alias("_s_ncts"),
        pl.col("acronym").drop_nulls().unique().alias("_s_names"),
    )
    named = mentions.filter(pl.col("acronym").is_not_null())
    best_name = named.group_by("publication_id", "acronym").agg(pl.col("_score").sum())
    best_name = (
        best_name.sort("_score", "acronym", descending=[True, False])
        .group_by("publication_id", maintain_order=True)
        .agg(
            pl.col("acronym").first().alias("_r_name"),
            pl.col("_score").first().alias("_r_score"),
            (pl.col("_score").len() == 1).alias("_one_name"),
        )
    )
    by_record = (
        mentions.group_by("publication_id")
        .agg(
            pl.col("nct_id").drop_nulls().unique().alias("_r_ncts"),
        )
        .join(best_name, on="publication_id", how="left")
    )
    only = pl.col("_s_ncts").list.len() == 1
    record_tie = (pl.col("_r_ncts").list.len() == 1) & (
        pl.col("_one_name") | (pl.col("_r_score") >= _SUBJECT)
    )
    tied = pl.col("acronym").is_null() | (pl.col("acronym") == pl.col("_r_name"))
    return (
        mentions.join(by_sentence, on="sentence_id", how="left")
        .join(by_record, on="publication_id", how="left")
        .with_columns(
            nct_id=pl.coalesce(
                pl.col("nct_id"),
                pl.when(only).then(pl.col("_s_ncts").list.first()),
                pl.when(record_tie & tied).then(pl.col("_r_ncts").list.first()),
            ),
            acronym=pl.coalesce(
                pl.col("acronym"),
                pl.when(pl.col("_s_names").list.len() == 1).then(pl.col("_s_names").list.first()),
                pl.when(record_tie).then(pl.col("_r_name")),
            ),
        )
        .drop("_s_ncts", "_s_names", "_r_ncts", "_r_name", "_r_score", "_one_name")
    )


# a name placed as the record's own study (in its title, after a design, registered): enough to
# tie it to the record's one registry number when the record names other trials too
_SUBJECT = 4.0


def _primary(mentions: pl.DataFrame, publications: pl.DataFrame) -> pl.DataFrame:
    """Mark the mention naming each record's own trial, adding an unnamed one where needed.

    A record reports the trial its uses place best (_subject_score summed over its uses of each
    trial: the registry number, else the name); a review, meta-analysis or preclinical paper
    reports none of the trials it names unless it registers one. A primary study (trial, cohort,
    case report) that names none is an unnamed trial of its own.
    """
    trial = pl.coalesce(pl.col("nct_id"), pl.lit("name:") + pl.col("acronym"))
    scored = (
        mentions.with_columns(trial.alias("_trial"))
        .join(publications.select("publication_id", "study_type"), on="publication_id")
        .with_columns(
            pl.col("_score").sum().over("publication_id", "_trial").alias("_total"),
            pl.col("char_start").min().over("publication_id", "_trial").alias("_first_at"),
        )
    )
    chosen = (
        scored.filter(
            ~pl.col("study_type").is_in(list(SECONDARY_STUDY_TYPES))
            | pl.col("nct_id").is_not_null()
        )
        .sort("_total", "_first_at", descending=[True, False])
        .group_by("publication_id", maintain_order=True)
        .agg(pl.col("_first_at").first().alias("_primary_at"))
    )
    marked = (
        scored.join(chosen, on="publication_id", how="left")
        .with_columns(is_primary=(pl.col("char_start") == pl.col("_primary_at")).fill_null(False))
        .drop("_primary_at", "_trial", "_total", "_first_at", "study_type", "_score")
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
    return pl.concat([marked, unnamed], how="vertical_relaxed")


# the hyphens AS_HYPHEN reads as one, as a class
_TYPESET_HYPHENS = "[" + "".join(map(chr, AS_HYPHEN)) + "]"


def _in_own_documents(mentions: pl.DataFrame, only_in: dict[str, frozenset[str]]) -> pl.DataFrame:
    """The mentions without those of a name only a table gives, outside its table's documents."""
    if not only_in or mentions.is_empty():
        return mentions
    pairs = pl.DataFrame(
        [(name, doc) for name, docs in only_in.items() for doc in docs],
        schema={"acronym": pl.String, "document_id": pl.String},
        orient="row",
    )
    indexed = mentions.with_row_index("_order")
    tabled = pl.col("acronym").is_in(list(only_in))
    own = indexed.filter(tabled).join(pairs, on=["acronym", "document_id"], how="semi")
    kept = pl.concat([indexed.filter(~tabled | pl.col("acronym").is_null()), own])
    return kept.sort("_order").drop("_order")


_INVESTIGATORS_GATE = r"(?i)investigators|study group|collaborative group|trialists"


def trial_mentions_frame(
    sentences: pl.DataFrame,
    publications: pl.DataFrame,
    table_names: list[str] | None = None,
    table_treatments: list[str] | None = None,
    drug_codes: list[str] | None = None,
    table_name_documents: dict[str, frozenset[str]] | None = None,
) -> pl.DataFrame:
    """The staging frame ``trial_mentions``: every named or numbered trial use, plus unnamed ones.

    Citation lines are read too (a registration number often sits there), author lines are not.
    ``table_names``: the trials tables name in a column or a heading of their own, and
    ``table_treatments`` the treatments they name (etl.extract.table_readings): never a trial;
    nor are ``drug_codes``, the development codes the corpus names drugs by ("CPT-11", "MK-3475":
    etl.extract.agents.drug_codes), shaped as trial names are. ``table_name_documents``: the
    documents whose tables give each of ``table_names``; a name only a table gives is looked for
    in those documents alone.
    """
    # (a hyphen written as U+2010 or U+2011, as pages typeset "START‐2", is read as one: one
    # character for one, so offsets stay; the name is then written as analysts search it)
    # (and of author lines only their study groups: "...; ORCA-7 Investigators")
    authors = pl.col("role") == "authors"
    readable = sentences.filter(
        ~authors | pl.col("text").str.contains(_INVESTIGATORS_GATE)
    ).with_columns(
        pl.when(authors)
        .then(pl.col("text").map_elements(investigators_only, return_dtype=pl.String))
        .otherwise(pl.col("text"))
        .str.replace_all(_TYPESET_HYPHENS, "-")
        .alias("text")
    )
    excluded = not_names(readable, [*(table_treatments or []), *(drug_codes or [])])
    in_text = known_names(readable)
    found = {*in_text, *(table_names or ())}
    # (a table's name with the reference number its reader cut off, "CRITICS 58", is that name)
    found -= {
        n for n in found if (m := SPACED_REFERENCE.match(n)) and m["base"] in (table_names or ())
    }
    names = sorted(n for n in found if name_key(n) not in excluded)
    found_in_text = {name_key(n) for n in in_text}
    mentions = _link_within_records(
        _in_own_documents(
            without_molecules(
                _mentions(
                    readable, names, alias_map(readable, names), frozenset(table_names or ())
                ),
                readable,
            ),
            {
                name: docs
                for name, docs in (table_name_documents or {}).items()
                if name_key(name) not in found_in_text
            },
        )
    )
    rows = _primary(mentions, publications).with_columns(
        span_id_expr(
            "tm", pl.col("publication_id"), pl.col("char_start"), pl.col("char_end")
        ).alias("mention_id")
    )
    return rows.select(list(polars_schema(TrialMentions))).sort("publication_id", "char_start")
