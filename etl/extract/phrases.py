"""Phrase patterns shared by the extractors: how a group (arm, cohort) is named in text, and how
a dose and its schedule are written.

Declared once so that the record context (etl.extract.context) and the sentence grammar
(etl.extract.grammar) agree on what a group name is and which words never are one, and so that
the dose reader (etl.extract.doses) and the table reader (etl.extract.table_cells,
etl.extract.table_names) agree on what is a dose: "2 mg/kg every 3 weeks" in a group's header
is its regimen, never a unit of its numbers.
"""

from __future__ import annotations

import functools
import re

from etl.extract.numbers import NUM
from etl.vocab.numerals import number_words

# the event a time point counts from, after the time: "12 months after dosing", "2 years from
# randomization" (etl.extract.value_endpoints reads the time point, etl.extract.endpoint_lists
# keeps it out of a list's values)
AFTER_EVENT = (
    r"\s+(?:after|post|from|following)\s+(?:the\s+)?"
    r"(?:dosing|infusion|randomi[sz]ation|transplant\w*|treatment\s+start|start\s+of\s+treatment"
    r"|enrol+ment)\b"
)

# A word of a group name: never a function word ("for", "versus", "was", ...).
# (one may open with digits that are part of a name, a capital after them: "177Lu-Dotatate", "5-FU",
# "90Y-ibritumomab"; not "5-year")
# (a possessive is part of one: "investigator's choice")
GROUP_WORD = r"(?!(?:for|of|with|versus|vs|and|or|was|were|in|than|to|at)\b)(?:[A-Za-z]|\d+-?(?-i:[A-Z]))[\w+\-/]*(?:['’]s\b)?"
# an agent's dose inside a group's name, where it tells groups apart ("sotorasib 960 mg plus
# panitumumab" and "sotorasib 240 mg plus panitumumab"): an amount in a unit of weight
_GROUP_DOSE = (
    r"\d+(?:[.,]\d+)?\s?(?:mg|µg|μg|mcg)(?:/(?:kg|m2|m²|day|d))?(?![\w/])"
    # (then the name ends, or its next agent joins: "A 40 mg the ORR" names "A 40 mg" at most)
    r"(?=\s+(?:\+|plus|and|or|versus|vs\.?|v|arm|group|cohort|was|were|had)\b|\s*[,;.:()\[\]+]|\s*$)"
)
# A group name of up to four words, combinations joined by "+" or "plus" ("TACE + sorafenib").
GROUP_NAME = (
    rf"{GROUP_WORD}(?:\s+(?:\+|plus)\s+{GROUP_WORD}|\s+{GROUP_WORD}|\s+{_GROUP_DOSE}){{0,3}}?"
)

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
        # "in the respective arms" (the groups said before), "benefits over time"
        "respective",
        "time",
        # a statistic or a report, the subject or object of a comparison: "Results showed A
        # reduced ... compared to B", "compared to B with a Hazard Ratio (HR) of 0.79"
        "hazard",
        "odds",
        "results",
        "data",
        "findings",
        # quantifiers: "most patients had", "some had"
        "most",
        "many",
        "some",
        "few",
        # how one group's result compares, not a group: "PFS was longer in the A arm vs the B
        # arm" (not "higher"/"lower": "lower dose (n=50) vs higher dose (n=50)" are groups)
        "longer",
        "shorter",
        "better",
        "worse",
        "superior",
        "inferior",
        "similar",
        "comparable",
    ]
)

# "95% CI" / "95 % confidence interval" (the level captured as `lvl`).
CI_LEVEL = rf"(?P<lvl>{NUM})\s*%\s*(?:CI|confidence interval)"


_ARTICLES = frozenset(["a", "an", "the"])  # (in lower case: "A" may name a group)


def is_generic(label: str) -> bool:
    """A label that is empty or starts with a word that never names a group (alone or before a
    slash: "progression/death")."""
    words = label.split()
    if len(words) > 1 and words[0] in _ARTICLES:  # ("a median of": what follows the article)
        words = words[1:]
    return (
        not words or label.lower() in NOT_GROUPS or words[0].lower().partition("/")[0] in NOT_GROUPS
    )


@functools.lru_cache(maxsize=1024)
def group_pattern(name: str) -> re.Pattern[str]:
    """A case-insensitive pattern for a known group name as a whole word (cached: a record's
    groups are looked for in each of its sentences)."""
    return re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])", re.IGNORECASE)


# A dose's amount and its schedule, as written after an agent ("400 mg twice daily", "2 mg/kg
# every 3 weeks", "75 mg/m2 q3w", "160 mg orally once daily during weeks 1-3 of each 4-week cycle").
# the units a dose is given in (a radioligand's activity too: "7.4 GBq"), said once for every
# pattern that reads or drops a dose
# the words of a time by which one group's result exceeds another's: "10 months longer", "a 9.4
# months increase", "a 3.6-month extension"
MORE_BY = r"(?:longer|increase|improvement|gain|prolongation|extension)\b"
DOSE_UNIT = r"(?:mg|g|µg|μg|mcg|IU|Gy|GBq|MBq|mCi)"
# the form a drug is given in, no part of its group's name: "drug K tablets"
DOSAGE_FORM = r"(?:film-coated\s+)?tablets?|capsules?"
DOSE_AMOUNT = rf"{NUM}(?:\s*(?:-|–|to)\s*{NUM})?\s*{DOSE_UNIT}\b(?:\s*/\s*(?:kg|m2|m²|day|d|dose))*"
_WORD_N = rf"(?:\d+|{number_words(12)})"
DOSE_SCHEDULE = (
    r"(?:once|twice|three times)\s+(?:daily|a day|weekly)|daily|weekly|b\.?i\.?d\.?|t\.?i\.?d\.?|q\.?d\.?"
    rf"|q{_WORD_N}w|every\s+{_WORD_N}\s+(?:days|weeks|months)|per\s+day|one\s+dose|a\s+single\s+dose|continuously"
    rf"|on\s+days?\s+\d+(?:\s*(?:-|–|to|and)\s*\d+)?|for\s+{NUM}(?:\s*(?:-|–)\s*{NUM})?\s+(?:days|weeks|months)"
    rf"|(?:during|in)\s+weeks\s+\d+\s*(?:-|–)\s*\d+(?:\s+of\s+each\s+{_WORD_N}-week\s+cycle)?"
    rf"|(?:of|in)\s+(?:each\s+)?{_WORD_N}-(?:week|day)\s+cycles?"
)


# a change from one value to another: "improved median OS from 25.5 to 28 months" (the first
# value shares the second's unit; it is the reference's, the second the group the change is
# of); not a range: "ranged from 25.5 to 28 months"
_FROM_BEFORE = re.compile(
    r"(?<!ranged\s)(?<!ranging\s)(?<!range\s)(?<!varied\s)(?<!varying\s)"
    r"\bfrom\s+(?:a\s+median\s+(?:of\s+)?)?$",
    re.IGNORECASE,
)
_TO_GAP = re.compile(
    r"\s*(?:%|months?|mos?|weeks?|years?)?\s+to\s+(?:a\s+median\s+(?:of\s+)?)?", re.IGNORECASE
)


def from_to(text: str, first_start: int, first_end: int, second_start: int) -> bool:
    """Whether two values are written as a change from the first to the second."""
    return (
        _FROM_BEFORE.search(text, max(0, first_start - 40), first_start) is not None
        and _TO_GAP.fullmatch(text, first_end, second_start) is not None
    )


def change_between_groups(text: str, first_start: int, compared: bool, groups: list[str]) -> bool:
    """Whether a change from one value to another is a treatment's effect, from the reference
    group's value to its own: the sentence gives the comparison's ratio (``compared``) or names
    one of the ``groups`` before the values ("adding A improved OS from 11.2 to 14.9 months");
    not a change over time ("mortality declined from 19% to 12%")."""
    return compared or any(group_pattern(g).search(text, 0, first_start) for g in groups)
