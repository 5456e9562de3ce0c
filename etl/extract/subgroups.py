"""The subgroup a result is of, where a sentence reports one part of the population: a biomarker
threshold ("PD-L1 ≥ 50% HR, 0.71", "in the PD-L1 CPS ≥ 10 subgroup, ...", "24% versus 14%
(PD-L1 ≥ 1%)"), a biomarker's state ("in EGFR-mutant patients", "HER2-low") or a band of it
("PD-L1 1-49%").

The subgroup is kept apart from the group (``arm_label`` stays the arm the number is of, as the
record declares it): an analyst filters subgroups without losing which arm a number belongs to.
"""

from __future__ import annotations

import re

from etl.regex_prefilter import Prefiltered

# a biomarker: an upper-case name (PD-L1, CPS, TPS, HER2, EGFR, TMB, MSI), with a scale after it;
# not a statistic's (HR, CI, NR, ...: a name that is one of those two letters alone). (Asked after
# the first two letters, not before them: a pattern that opens with a class is tried only where
# the class is, one that opens with a look-ahead at every place of the text.)
_MARKER = (
    r"(?:[A-Z][A-Z0-9](?:(?<!HR|OR|RR|CI|NS|NR|NE)|(?=\w))[A-Z0-9]*(?:-[A-Z0-9]+)*"
    r"(?:\s+(?:CPS|TPS|TC|IC|H-score))?)"
)
_OPERATOR = r"(?:≥|≤|>=|<=|>/=|</=|<|>)"
_NUMBER = r"\d+(?:\.\d+)?"
_BAND = (
    rf"{_MARKER}\s*(?:{_OPERATOR}\s*{_NUMBER}\s*%?|{_NUMBER}\s*%?\s*[-–]\s*{_NUMBER}\s*%?)"
    rf"|{_MARKER}[-\s](?:positive|negative|high|low|mutant|mutated|wild-type|amplified)"
)
# a subgroup is named by a band: wherever none is, none is named (a band's dash is more often an
# interval's, "95% CI 0.70-1.06", which _may_name_subgroup lets through)
_ANY_BAND = re.compile(_BAND)
# "PD-L1 ≥ 50% HR, 0.71", "In the PD-L1 CPS ≥ 10 subgroup, ...", "among EGFR-mutant patients"
_BEFORE = Prefiltered(
    re.compile(
        rf"(?:^|[;,(]\s*|\b(?i:in|among|for)\s+(?:the\s+|those\s+with\s+|patients\s+with\s+)?)"
        rf"(?P<sub>{_BAND})(?:\s+(?:subgroup|population|cohort|tumou?rs?|patients|disease))?"
        rf"\s*[,:]?\s*(?:(?:the|median|mean|overall|[A-Z]{{2,5}})\s+){{0,3}}"
        r"(?:\(?(?:HR|hazard ratio|OR|odds ratio)\)?(?:\s+for\s+[a-z]+(?:\s+or\s+[a-z]+)?)?\s*[,:=]?\s*)?"
        r"(?:(?:was|were|of)\s*)?$"
    )
)
# "24% versus 14% (PD-L1 ≥ 1%)": a subgroup in brackets after the values
# (matched at a value's end; past the groups the values are of: "24% versus 14% for A versus B
# (PD-L1 ≥ 1%)")
_AFTER = re.compile(
    rf"(?:\s+(?:for|with|in)\s+[^()\[\];,.]{{1,80}}?)?\s*[(\[]\s*(?P<sub>{_BAND})\s*[)\]]"
)
_UNIT = re.compile(r"\s*(?:%|(?:months?|mo|weeks?|years?)\b)")


def _may_name_subgroup(text: str) -> bool:
    """Whether a subgroup can be named in ``text``: what every band holds, an operator, a state's
    word or a dash, asked with ``in`` (faster than any pattern), then a band itself."""
    return (
        "≥" in text
        or "≤" in text
        or "<" in text
        or ">" in text
        or "-" in text
        or "–" in text
        or "positive" in text
        or "negative" in text
        or "high" in text
        or "low" in text
        or "muta" in text
        or "wild-type" in text
        or "amplified" in text
    ) and _ANY_BAND.search(text) is not None


def names_band(text: str) -> bool:
    """Whether ``text`` names a biomarker's band ("PD-L1 ≥ 50%", "EGFR-mutant"): a subgroup's."""
    return _may_name_subgroup(text)


def subgroups(text: str, spans: list[tuple[int, int, int]]) -> dict[int, str]:
    """The subgroup of each value of ``spans`` (start, end, chain) that one is stated for, by the
    value's index: named before it in its clause, or in brackets right after it or after the last
    value of its list."""
    if not _may_name_subgroup(text):
        return {}
    found: dict[int, str] = {}
    last_of_chain: dict[int, int] = {}
    for i, (_, _, chain) in enumerate(spans):
        last_of_chain[chain] = i
    for i, (start, _, chain) in enumerate(spans):
        clause_start = max(text.rfind(";", 0, start), text.rfind(". ", 0, start), -1) + 1
        # (the band the clause must hold to name one before the value: _BEFORE, anchored at the
        # clause's end, is otherwise tried at each place of it)
        before = (
            _BEFORE.search(text[clause_start:start].strip())
            if _ANY_BAND.search(text, clause_start, start)
            else None
        )
        if before is not None:
            found[i] = _clean(before.group("sub"))
            continue
        for j in (i, last_of_chain[chain]):  # its own brackets, else its list's
            after = _AFTER.match(text, _closing(text, spans[j][1]))
            if after is not None:
                found[i] = _clean(after.group("sub"))
                break
    return found


def _closing(text: str, end: int) -> int:
    """Where the text after a value goes on, past its unit."""
    m = _UNIT.match(text, end)
    return m.end() if m else end


def _clean(sub: str) -> str:
    return " ".join(sub.split())
