"""Phrase patterns shared by the extractors: how a group (arm, cohort) is named in text.

Declared once so that the record context (etl.extract.context) and the sentence grammar
(etl.extract.grammar) agree on what a group name is and which words never are one.
"""

from __future__ import annotations

import functools
import re

from etl.extract.numbers import NUM

# A word of a group name: never a function word ("for", "versus", "was", ...).
GROUP_WORD = r"(?!(?:for|of|with|versus|vs|and|or|was|were|in|than|to|at)\b)[A-Za-z][\w+\-/]*"
# A group name of up to four words, combinations joined by "+" or "plus" ("TACE + sorafenib").
GROUP_NAME = rf"{GROUP_WORD}(?:\s+(?:\+|plus)\s+{GROUP_WORD}|\s+{GROUP_WORD}){{0,3}}?"

# Words that head a noun phrase but never name a group.
NOT_GROUPS = frozenset(
    [
        "patients",
        "participants",
        "subjects",
        "cases",
        "those",
        "them",
        "others",
        "all",
        "both",
        "each",
        "total",
        "this",
        "these",
        "which",
        "whom",
        "median",
        "overall",
        "survival",
        "terms",
        "trial",
        "study",
        "addition",
        "contrast",
        "particular",
        "comparison",
        "general",
        "subgroups",
        "subgroup",
        # the events an endpoint counts: "hazard ratio for progression or death"
        "progression",
        "death",
        "relapse",
        "recurrence",
    ]
)

# "95% CI" / "95 % confidence interval" (the level captured as `lvl`).
CI_LEVEL = rf"(?P<lvl>{NUM})\s*%\s*(?:CI|confidence interval)"


def is_generic(label: str) -> bool:
    """A label that is empty or starts with a word that never names a group."""
    words = label.split()
    return not words or label.lower() in NOT_GROUPS or words[0].lower() in NOT_GROUPS


@functools.lru_cache(maxsize=1024)
def group_pattern(name: str) -> re.Pattern[str]:
    """A case-insensitive pattern for a known group name as a whole word (cached: a record's
    groups are looked for in each of its sentences)."""
    return re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])", re.IGNORECASE)
