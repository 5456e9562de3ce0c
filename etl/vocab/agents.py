"""The reference vocabulary of interventions (etl/vocab/agents.csv), declared once.

Each row is an agent by its lower-case INN (or a procedure's name) with its synonyms: brand names,
development codes, abbreviations, and regimen names that contain it ("STRIDE" lists both
tremelimumab and durvalumab). The extractor matches these; dbt reads the same rows from
``raw.agent_vocab`` for classes and modalities.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import polars as pl

AGENTS_CSV = Path(__file__).with_name("agents.csv")

# International non-proprietary name stems of drug classes common in oncology: a word carrying one
# is a drug even when the vocabulary does not know it yet (it is kept, marked unclassified).
INN_STEMS = (
    "tinib", "fenib", "ciclib", "lisib", "parib", "zomib", "degib",
    "mab", "cept", "platin", "taxel", "rubicin", "tecan", "mustine", "citabine",
)  # fmt: skip


def agent_vocab() -> pl.DataFrame:
    """The vocabulary as a frame: name, synonyms ('|'-separated), agent_class, targets, modality."""
    frame = pl.read_csv(AGENTS_CSV, infer_schema=False).with_columns(
        pl.col("synonyms", "targets").fill_null("")
    )
    return frame


@cache
def synonym_index() -> dict[str, tuple[str, ...]]:
    """Every written form (name or synonym, as declared) → the agents it stands for."""
    index: dict[str, list[str]] = {}
    for row in agent_vocab().iter_rows(named=True):
        forms = [row["name"], *filter(None, row["synonyms"].split("|"))]
        for form in forms:
            index.setdefault(form, []).append(row["name"])
    return {form: tuple(dict.fromkeys(names)) for form, names in index.items()}


def _alternation(forms: list[str]) -> str:
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


@cache
def agent_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(words, codes): names written in words match in any case; abbreviations and codes
    (no lower-case letter, e.g. TACE, BSC, 5-FU) only as written, so that "tace" in a word or
    an all-caps heading does not count."""
    forms = list(synonym_index())
    codes = [f for f in forms if not re.search(r"[a-z]", f)]
    words = [f for f in forms if f not in codes]
    bound = r"(?<![\w-])(?:{})(?![\w-])"
    return (
        re.compile(bound.format(_alternation(words)), re.IGNORECASE),
        re.compile(bound.format(_alternation(codes))),
    )


UNKNOWN_DRUG = re.compile(
    r"(?<![\w-])(?P<name>[A-Za-z][a-z]{2,}(?:" + "|".join(INN_STEMS) + r"))(?![\w-])"
)
# the same without its look-arounds (polars' engine has none): matches wherever UNKNOWN_DRUG does
UNKNOWN_DRUG_STEMS = r"[A-Za-z][a-z]{2,}(?:" + "|".join(INN_STEMS) + r")"
