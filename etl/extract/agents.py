"""Sentences → mentions of interventions (the staging table ``agent_mentions``).

Known agents are matched by every written form the vocabulary declares (etl/vocab/agents.csv).
A drug-like word the vocabulary does not know (an INN stem: -tinib, -ciclib, -mab, ...) is still
captured, with ``is_known`` false, so that it reaches dim_agents as unclassified and the report
lists it for curation instead of it being silently missed.
"""

from __future__ import annotations

from functools import cache

import polars as pl

from etl.schemas.staging import AgentMentions, polars_schema
from etl.vocab.agents import UNKNOWN_DRUG, UNKNOWN_DRUG_STEMS, agent_patterns, synonym_index


@cache
def _lookup() -> dict[str, tuple[str, ...]]:
    """Written form (as declared, and lower-cased) → agents; built once, read per mention."""
    index = synonym_index()
    return index | {form.lower(): names for form, names in index.items()}


def mentions_in(text: str) -> list[tuple[str, str, int, int, bool]]:
    """(agent name, text as written, start, end, known) for one sentence, left to right."""
    lookup = _lookup()
    found: list[tuple[str, str, int, int, bool]] = []
    taken: list[tuple[int, int]] = []
    for pattern in agent_patterns():
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            names = lookup.get(m.group()) or lookup.get(m.group().lower()) or ()
            taken.append(m.span())
            found += [(name, m.group(), m.start(), m.end(), True) for name in names]
    for m in UNKNOWN_DRUG.finditer(text):
        if not any(s < m.end() and m.start() < e for s, e in taken):
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


def agent_mentions_frame(sentences: pl.DataFrame) -> pl.DataFrame:
    """The staging frame ``agent_mentions``: every intervention named in a body or title sentence."""
    readable = sentences.filter(pl.col("role").is_in(["body", "title"]) & may_name_an_agent())
    rows = [
        {
            "publication_id": s["publication_id"],
            "document_id": s["document_id"],
            "source_file": s["source_file"],
            "sentence_id": s["sentence_id"],
            "agent_name": name,
            "mention_text": written,
            "char_start": s["char_start"] + start,
            "char_end": s["char_start"] + end,
            "is_known": known,
        }
        for s in readable.select(
            "publication_id", "document_id", "source_file", "sentence_id", "char_start", "text"
        ).iter_rows(named=True)
        for name, written, start, end, known in mentions_in(s["text"])
    ]
    return pl.DataFrame(rows, schema=polars_schema(AgentMentions))
