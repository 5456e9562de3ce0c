"""The groups a record compares, in the order the text names them (the randomisation statement,
"A versus B", "compared A with B"), for attributing "x vs y" and "..., respectively" lists."""

from __future__ import annotations

import re

from etl.extract.phrases import is_generic
from etl.regex_prefilter import Prefiltered

_ITEM = (
    r"[A-Za-z][\w+\-/]*(?:\s+(?:\+|plus|with|and)\s+[A-Za-z][\w+\-/]*|\s+[A-Za-z][\w+\-/]*){0,4}?"
)
_RANDOMISED = Prefiltered(
    re.compile(
        r"(?:randomi[sz]ed|randomly assigned|assigned|allocated)\s*(?:\([^)]*\)\s*)?(?:in a \d:\d ratio\s*)?"
        r"(?:to\s+(?:receive\s+)?(?:one of \w+ regimens:\s*)?)(?P<list>.+?)(?:\.\s|\.$|;|$)",
        re.IGNORECASE,
    )
)
_NUMBER_TO = Prefiltered(
    re.compile(rf"\b\d+\s+to\s+(?P<arm>{_ITEM})(?=\s*(?:,|and|;|\)|$))", re.IGNORECASE)
)
_COMPARED = Prefiltered(
    re.compile(
        rf"\bcompar\w*\s+(?:the\s+[\w\s]+?\s+of\s+)?(?P<a>{_ITEM})\s+(?:with|to|versus|vs\.?)\s+(?P<b>{_ITEM})(?=\s*(?:[,.;():]|(?:using|in|for|on|of|as|among|regarding)\b|$))",
        re.IGNORECASE,
    )
)
_VERSUS = Prefiltered(
    re.compile(
        rf"(?<![\w-])(?P<a>{_ITEM})\s+(?:versus|vs\.?)\s+(?P<b>{_ITEM})(?=\s*(?:[,.;():]|(?:in|for|on|of|as|among|regarding|with)\b|$))",
        re.IGNORECASE,
    )
)
_DROP = re.compile(r"\s*\((?:[^()]|\([^)]*\))*\)")
_LEADING = re.compile(r"^(?:the|a|an|either|both|receive|to|or|and)\s+", re.IGNORECASE)


_CUT = re.compile(
    r"\s+(?:until|for|every|once|twice|daily|in a|stratified|according|at a dose|at doses|on days?|which|who)\b.*$",
    re.IGNORECASE,
)
_ROUTE = re.compile(
    r"^(?:oral|intravenous|iv|subcutaneous|sc|concurrent|continuous|adjuvant|matching)\s+",
    re.IGNORECASE,
)
_NAMED_GROUP = Prefiltered(
    re.compile(r"\((?:the\s+)?(?P<name>[\w+\-/]+(?:\s+[\w+\-/]+){0,3}?)\s+group\)", re.IGNORECASE)
)
_GROUP_SUFFIX = re.compile(r"\s+(?:groups?|arms?)$", re.IGNORECASE)
_LIST_SEP = re.compile(r"\s*,\s*(?:or\s+|and\s+)?|\s+or\s+")
_ASSIGNMENT = Prefiltered(re.compile(r"randomi[sz]|randomly|assigned|allocated", re.IGNORECASE))


def _clean(label: str) -> str:
    label = _CUT.sub("", _DROP.sub("", label)).strip(" ,;:")
    label = _ROUTE.sub("", label)
    while _LEADING.match(label):
        label = _LEADING.sub("", label)
    label = _GROUP_SUFFIX.sub("", label).strip()
    return "" if is_generic(label) else label


def _split_list(text: str) -> list[str]:
    text = _DROP.sub("", text)
    parts = _LIST_SEP.split(text)
    return [p for p in (_clean(x) for x in parts) if p and len(p.split()) <= 5]


def record_arms(sentences: list[str]) -> list[str]:
    """The compared groups, experimental first where the wording says so; [] when unknown."""
    for s in sentences:
        if _ASSIGNMENT.search(s):
            numbered = [_clean(x.group("arm")) for x in _NUMBER_TO.finditer(s)]
            if len(numbered) >= 2:
                return numbered
        m = _RANDOMISED.search(s)
        if m:
            numbered = [_clean(x.group("arm")) for x in _NUMBER_TO.finditer(m.group("list"))]
            arms = numbered if len(numbered) >= 2 else _split_list(m.group("list"))
            if len(arms) >= 2 and all(len(a) <= 60 for a in arms):
                return arms
    named = [m.group("name") for s in sentences for m in _NAMED_GROUP.finditer(s)]
    named = list(dict.fromkeys(n for n in named if not is_generic(n)))
    if len(named) >= 2:
        return named
    for s in sentences:
        plain = _DROP.sub("", s)
        for pattern in (_COMPARED, _VERSUS):
            m = pattern.search(plain)
            if m:
                a, b = _clean(m.group("a")), _clean(m.group("b"))
                if a and b and a.lower() != b.lower():
                    return [a, b]
    return []
