"""Sentences → mentions of interventions (the staging table ``agent_mentions``).

Agents are matched, in this order, by every written form of:
1. our own vocabulary (etl/vocab/agents.csv): regimens, procedures, placebo, and the names we
   spell our way;
2. the drug lexicon (etl/vocab/lexicon.py: ~107,000 forms of ~20,000 drugs, brand names and codes
   resolved to the INN): its forms are found column-wise, for all sentences at once, by one
   Aho-Corasick pass (polars' str.extract_many), and only the sentences with a candidate are read
   further; the longest form at a place wins ("trastuzumab deruxtecan", not "trastuzumab");
3. a drug-like word neither knows (an INN stem: -tinib, -ciclib, -mab, ...), captured with
   ``is_known`` false, so that it reaches dim_agents as unclassified and the report lists it for
   curation instead of it being silently missed (a known drug misspelt by one letter is that
   drug).
A form that stands for no agent given where it is written (a receptor, a tracer, a substance
measured) is no mention, and an agent a document names only in sentences about cells or animals
is none of its agents.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import polars as pl

from etl.schemas.staging import AgentMentions, polars_schema
from etl.vocab.agents import (
    UNKNOWN_DRUG,
    UNKNOWN_DRUG_STEMS,
    agent_patterns,
    form_alternation,
    renamed,
    synonym_index,
)
from etl.vocab.codes import code
from etl.vocab.lexicon import drug_lexicon, form_index, near_forms


@cache
def _lookup() -> dict[str, tuple[str, ...]]:
    """Written form (as declared, and lower-cased) → agents; built once, read per mention."""
    index = synonym_index()
    return index | {form.lower(): names for form, names in index.items()}


# a sentence about a model system, not people: an agent named only in such sentences is no agent
# of the document (a dye injected in mice, a drug added to a cell line)
_MODEL_SYSTEM = (
    r"(?i)\b(?:mice|mouse|murine|rats?|rodents?|xenografts?|cell lines?|in vitro|zebrafish"
    r"|organoids?|rabbits?|canine|primates?)\b"
)

# the sentences agents are read from: all but author lines and citations (a table's rows and
# headers name the regimens of its trials)
_READ_ROLES = [code("sentence_role", r) for r in ("title", "body", "table_header", "table_row")]


@cache
def _lexicon_forms() -> list[str]:
    """The lexicon's forms (those that start with a letter or digit: form_index) that our own
    vocabulary does not declare (ours come first)."""
    ours = _ours()
    return [form for forms in form_index().values() for form in forms if form not in ours]


_WORD = re.compile(r"\w+")


def _candidates_in(text: str) -> tuple[str, ...]:
    """The lexicon forms that start where a word of ``text`` starts (what lexicon_candidates gives
    a column, for one text, without building the column's automaton)."""
    lowered, index = text.lower(), form_index()
    ours = _ours()
    found = {
        form
        for m in _WORD.finditer(lowered)
        for form in index.get(m.group(), ())
        if lowered.startswith(form, m.start()) and form not in ours
    }
    return tuple(sorted(found))


@cache
def _ours() -> frozenset[str]:
    """Our forms, lower-cased (the lexicon's forms among them are not the lexicon's to read)."""
    return frozenset(_by_lower())


# a lexicon form that names no agent given where it stands: a receptor ("human epidermal growth
# factor receptor 2"), a tracer ("Ga DOTATATE PET/CT"), a substance measured ("serum
# thyroglobulin", "estradiol levels")
_NOT_GIVEN_AFTER = re.compile(
    r"\s*-?\s*(?:receptors?|PET|SPECT|scans?|scintigraphy|imaging|uptake|levels?|concentrations?"
    r"|expression)\b",
    re.IGNORECASE,
)
_NOT_GIVEN_BEFORE = re.compile(
    r"(?:\b(?:serum|plasma|blood|urinary|urine|elevated|circulating)|\d+\s*(?:Ga|F|Tc|In)|\bGa)\s*-?\s*$",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def _lexicon_pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    """The candidates of one sentence as one alternation, longest first (the longest form at a
    place wins), between word boundaries (a hyphen before a form is no part of it:
    "nab-paclitaxel" names paclitaxel)."""
    return re.compile(rf"(?<!\w)(?:{form_alternation(list(forms))})(?!\w)", re.IGNORECASE)


def _free(taken: list[tuple[int, int]], m: re.Match[str]) -> bool:
    """Whether no match already taken overlaps ``m``."""
    return not any(s < m.end() and m.start() < e for s, e in taken)


def _misspelt(text: str, m: re.Match[str]) -> tuple[str, ...]:
    """The agent a drug-like word the lexicon does not know names when it is a drug's name misspelt
    by one letter ("Inotuzomab ozogamicin"): the lexicon forms one edit away whose other words
    follow it, if they all name one agent (a word one edit from two drugs names neither)."""
    lexicon, rename = drug_lexicon(), renamed()
    rest = " ".join(text[m.end() : m.end() + 60].lower().split())
    agents = {
        lexicon[form]
        for form in near_forms(m.group("name"))
        if " " not in form or rest.startswith(form.split(" ", 1)[1])
    }
    if len(agents) != 1:
        return ()
    return tuple(rename.get(n, n) for n in agents.pop())


def our_candidates(text: pl.Expr) -> pl.Expr:
    """Column-wise, the forms of our vocabulary each text may hold (in any ASCII case, anywhere),
    as declared, sorted: mentions_in builds its patterns of these alone."""
    return (
        text.str.extract_many(list(synonym_index()), ascii_case_insensitive=True, overlapping=True)
        .list.eval(pl.element().str.to_lowercase())
        .list.unique()
        .list.eval(
            pl.element().replace_strict(_by_lower(), default=None, return_dtype=pl.List(pl.String))
        )
        .list.eval(pl.element().explode())
        .list.drop_nulls()
        .list.unique()
        .list.sort()
    )


@cache
def _by_lower() -> dict[str, list[str]]:
    """Our forms, as declared, by their lower case ("tace" -> ["TACE"])."""
    out: dict[str, list[str]] = {}
    for form in synonym_index():
        out.setdefault(form.lower(), []).append(form)
    return out


def lexicon_candidates(text: pl.Expr) -> pl.Expr:
    """Column-wise, the lexicon forms each text holds, anywhere (in any ASCII case, overlapping,
    inside words too: mentions_in keeps those between word boundaries), lower-cased and sorted.
    The forms are lower case and the text is lower-cased for them: an automaton of ~100,000 forms
    that matches case-sensitively is built in a quarter of the time of one that ignores case
    (0.25 s against 0.95 s, paid by every build, however small its input). Where an ASCII form
    matches in any ASCII case it matches the lower-cased text; a letter that only lower-casing
    outside ASCII turns into a form's letter ("K", the Kelvin sign, into "k") is one more
    candidate, which mentions_in, ignoring case as Python does, may find too."""
    return (
        text.str.to_lowercase()
        .str.extract_many(_lexicon_forms(), overlapping=True)
        .list.unique()
        .list.sort()
    )


def mentions_in(
    text: str, candidates: tuple[str, ...] | None = None, ours: tuple[str, ...] | None = None
) -> list[tuple[str, str, int, int, bool]]:
    """(agent name, text as written, start, end, known) for one sentence, left to right.
    ``candidates`` are the lexicon forms found in it (lexicon_candidates; looked for here when
    not given); ``ours`` the forms of our vocabulary it may hold (our_candidates; all of them
    when not given, or when the text is not ASCII: a case-insensitive match may then fold a
    letter the column's ASCII search does not)."""
    if candidates is None:
        candidates = _candidates_in(text)
    lookup = _lookup()
    found: list[tuple[str, str, int, int, bool]] = []
    taken: list[tuple[int, int]] = []
    every = ours is None or not text.isascii()
    for pattern in agent_patterns() if every else agent_patterns(ours) if ours else ():
        for m in pattern.finditer(text):
            if not _free(taken, m):
                continue
            names = lookup.get(m.group()) or lookup.get(m.group().lower()) or ()
            taken.append(m.span())
            found += [(name, m.group(), m.start(), m.end(), True) for name in names]
    if candidates:
        lexicon, rename = drug_lexicon(), renamed()
        for m in _lexicon_pattern(candidates).finditer(text):
            if not _free(taken, m):
                continue
            taken.append(m.span())  # (a concept that is no drug still takes its place)
            if _NOT_GIVEN_AFTER.match(text, m.end()) or _NOT_GIVEN_BEFORE.search(
                text, max(0, m.start() - 20), m.start()
            ):
                continue
            names = [rename.get(n, n) for n in lexicon.get(m.group().lower(), ())]
            found += [(name, m.group(), m.start(), m.end(), True) for name in names]
    for m in UNKNOWN_DRUG.finditer(text):
        if _free(taken, m):
            names = _misspelt(text, m)
            if names:
                found += [(name, m.group(), m.start(), m.end(), True) for name in names]
            else:
                found.append((m.group("name").lower(), m.group(), m.start(), m.end(), False))
    return sorted(found, key=lambda f: (f[2], f[0]))


def may_name_an_agent() -> pl.Expr:
    """Column-wise, a superset of the sentences mentions_in finds something in: one of the
    vocabulary's forms in any ASCII case (one Aho-Corasick pass), an INN stem after a word's
    start, or a non-ASCII character (which IGNORECASE may fold onto an ASCII letter: "ſ" ~ "s")."""
    text = pl.col("text")
    forms = list(_lookup())
    if not all(f.isascii() for f in forms):  # ("ſ" in a form matches "s" under IGNORECASE)
        return pl.lit(True)
    return (
        text.str.contains_any(forms, ascii_case_insensitive=True)
        | text.str.contains(UNKNOWN_DRUG_STEMS)
        | ~text.str.contains(r"^[\x00-\x7f]*$")
    )


def with_agent_forms(sentences: pl.DataFrame) -> pl.DataFrame:
    """``sentences`` with the agent forms each may hold (``_candidates``: the lexicon's,
    ``_ours``: our vocabulary's), found once for every reader of agents (mentions, doses): the
    lexicon's automaton of ~100,000 forms takes a second to build."""
    if "_candidates" in sentences.columns:
        return sentences
    return sentences.with_columns(
        lexicon_candidates(pl.col("text")).alias("_candidates"),
        our_candidates(pl.col("text")).alias("_ours"),
    )


# sentences read into Python at a time: the mentions of one part are a frame before the next part
# is read (a list of every mention's row at once held ~0.6 GB at 100,000 abstracts)
_PART = 50_000


def agent_mentions_frame(sentences: pl.DataFrame) -> pl.DataFrame:
    """The staging frame ``agent_mentions``: every intervention named in a sentence of _READ_ROLES."""
    readable = with_agent_forms(sentences).filter(pl.col("role").is_in(_READ_ROLES))
    readable = readable.filter(may_name_an_agent() | (pl.col("_candidates").list.len() > 0)).select(
        "publication_id",
        "document_id",
        "source_file",
        "sentence_id",
        "char_start",
        "text",
        "_candidates",
        "_ours",
        pl.col("text").str.contains(_MODEL_SYSTEM).alias("_model"),
    )
    schema = {**polars_schema(AgentMentions), "_model": pl.Boolean}
    parts = [
        pl.DataFrame(
            [
                (pub, doc, source, sentence, name, written, base + start, base + end, known, model)
                for pub, doc, source, sentence, base, text, candidates, ours, model in part.iter_rows()
                for name, written, start, end, known in mentions_in(
                    text, tuple(candidates), tuple(ours)
                )
            ],
            schema=schema,
            orient="row",
        )
        for part in readable.iter_slices(_PART)
    ]
    mentions = pl.concat(parts) if parts else pl.DataFrame(schema=schema)
    # an agent a document names only in sentences about cells or animals was given to no one
    return mentions.filter((~pl.col("_model")).any().over("document_id", "agent_name")).select(
        list(polars_schema(AgentMentions))
    )


# a development code: letters, a hyphen or a space, digits ("CPT-11", "MK-3475", "AZD 9291")
_CODE_SHAPE = r"^[A-Za-z]{1,6}[- ]?\d{1,7}[A-Za-z]?$"


def drug_codes(mentions: pl.DataFrame) -> list[str]:
    """The development codes (shaped as a trial's name is) that ``mentions`` (agent_mentions) show
    the corpus naming a drug the lexicon knows by: "CPT-11" is irinotecan, never a trial."""
    return sorted(
        mentions.filter(pl.col("is_known") & pl.col("mention_text").str.contains(_CODE_SHAPE))
        .get_column("mention_text")
        .unique()
        .to_list()
    )
