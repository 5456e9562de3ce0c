"""Groups that news reports and summaries name around a value in their own shapes, read
against the record's declared groups where the words alone do not make a group:
- a share of a group named by what it was given: "7.5% of A patients compared to 2.1% of B
  patients" (only where the words name a declared group: "of evaluable patients" names none);
- a value in brackets after a declared group's name: "with the triplet (58%) and with the
  doublet (50%)", "favored A (36.9 mo) vs B (24.1 mo)"; a value right after one, as items of a
  bracketed list: "(A 6%, B 3%)";
- a ratio's own group right after it, then the group the ratios are against: "HR 0.52 for the
  triplet and 0.60 for the doublet versus the control".
"""

from __future__ import annotations

import re

from etl.extract.facts import Fact
from etl.extract.group_labels import label_words
from etl.extract.phrases import DOSE_AMOUNT, DOSE_SCHEDULE, GROUP_NAME
from etl.extract.values import clean_arm

_SHARE_OF_GROUP = re.compile(
    rf"^\s*of\s+(?:the\s+)?(?P<arm>{GROUP_NAME})\s+(?:patients|participants|subjects|recipients)\b"
    r"(?=\s*(?:[,;.()\]]|\s+(?:and|vs\.?|v|versus|compared|respectively|were|was|had|who|in|at)\b|$))",
    re.IGNORECASE,
)
# a group's name right before the bracket a value opens, at the end of the text before the value
_GROUP_THEN_OPEN = rf"(?:the\s+)?(?P<arm>{GROUP_NAME})\s*\(\s*$"
_DECLARED_THEN_BRACKET = re.compile(
    rf"(?:in|for|with|among|on)\s+{_GROUP_THEN_OPEN}", re.IGNORECASE
)
# (a value's own group may also follow a comparison's word, or the verb that favours it:
# "favored A + B (36.9 mo) vs C + B (24.1 mo)", "higher with A (50%) than C (31%)"; a pair's
# first group may not: after "vs" a group is the comparison's reference, see pair_led_by)
_DECLARED_AFTER_WORD_THEN_BRACKET = re.compile(
    r"(?:\b(?:in|for|with|among|on|favou?red|favou?ring|vs\.?|versus|than|over|and|or)\s+|[,;:]\s*)"
    + _GROUP_THEN_OPEN,
    re.IGNORECASE,
)
# what puts a group second in a comparison, right before it: "than", "compared with (those)"
_COMPARED_BEFORE = re.compile(
    r"\b(?:than|compared\s+(?:with|to)|versus|vs\.?|over|relative\s+to|against)\s+"
    r"(?:(?:those|patients|the\s+patients)\s+)?$",
    re.IGNORECASE,
)
_RATIO_OF = re.compile(
    rf"\s*(?:[(\[][^()\[\]]*[)\]])?\s*for\s+(?:the\s+)?(?P<a>{GROUP_NAME})"
    r"(?=\s*(?:,|and\b|versus\b|vs\b|(?:when\s+|as\s+)?compared\b))",
    re.IGNORECASE,
)
_AGAINST = re.compile(
    rf"\b(?:versus|vs\.?|compared\s+(?:with|to))\s+(?:the\s+)?(?P<b>{GROUP_NAME})"
    r"(?=\s*(?:[,;.()]|$))",
    re.IGNORECASE,
)


def names_a_declared_group(label: str, arms: list[str]) -> bool:
    """Whether a label shares a telling word with one of the record's declared groups."""
    words = label_words(label)
    return any(words & label_words(arm) for arm in arms)


def share_of_declared_group(rest: str, arms: list[str]) -> str | None:
    """The group of "48% of A patients", read from the text after the value, or None."""
    if " of " not in rest[:6] or (share := _SHARE_OF_GROUP.match(rest)) is None:
        return None
    label = clean_arm(share.group("arm"))
    return label if label and names_a_declared_group(label, arms) else None


def declared_group_before_bracket(gap: str, arms: list[str]) -> str | None:
    """The declared group named right before the bracket a value opens ("with the triplet
    (58%)"), read from the text before the value, or None."""
    return _declared_label(_DECLARED_AFTER_WORD_THEN_BRACKET.search(gap), arms)


# a declared group's name right before its value, as items of a bracketed list: "(A + B 77.0%;
# C + B 54.2%)", "(A 6%, B 3%)", "(A: 6%; B: 3%)", "(A, 48.3%; B, 40.7%)"
_DECLARED_RIGHT_BEFORE = re.compile(
    # (or after the value before it and "vs": "(A 19% vs. B 18%)", not "A vs B: 20.5 vs 12.8")
    # (or given its value with "=": "[A = 31 months, B = 34 months]")
    rf"(?:[(\[;,]|(?:^|(?<=%))\s*(?:vs\.?|versus)(?=\s))\s*(?:the\s+)?(?P<arm>{GROUP_NAME})\s*[:,=]?\s*$",
    re.IGNORECASE,
)


# a declared group the subject of "had" right before its value, in a clause of its own: "where A
# had 34.5 months ... and B had 39.9 months"
_SUBJECT_VERB = r"\b(?:had|showed|achieved|reached)\s+(?:an?\s+)?$"
_DECLARED_SUBJECT_BEFORE = re.compile(
    rf"(?:^|[,;]|\b(?:and|where|whereas|while))\s*(?:the\s+)?(?P<arm>{GROUP_NAME})\s+{_SUBJECT_VERB}",
    re.IGNORECASE,
)
# (the verb alone, asked first on the gap's end: most gaps end with none)
_SUBJECT_VERB_END = re.compile(_SUBJECT_VERB, re.IGNORECASE)


def declared_group_right_before(gap: str, arms: list[str]) -> str | None:
    """The declared group named right before a value as an item of a bracketed list ("(A 6%, B
    3%)", "(A 19% vs. B 18%)"), or as the subject of "had" ("and B had 39.9 months"), read from
    the text before the value, or None."""
    if (listed := _declared_label(_DECLARED_RIGHT_BEFORE.search(gap), arms)) is not None:
        return listed
    if _SUBJECT_VERB_END.search(gap) is None:
        return None
    return _declared_label(_DECLARED_SUBJECT_BEFORE.search(gap), arms)


def _declared_label(declared: re.Match[str] | None, arms: list[str]) -> str | None:
    """The label a match of these patterns names, if it is one of the declared groups'."""
    label = clean_arm(declared.group("arm")) if declared else None
    return label if label and names_a_declared_group(label, arms) else None


def pair_led_by(gap: str, arms: list[str]) -> list[str] | None:
    """The two declared groups, the one named right before the bracket a pair of values opens
    first ("in the B arm (11 vs 18 months)": B, A), or None."""
    # (the pattern ends with the bracket and white space: a gap that ends otherwise is not read)
    declared = _DECLARED_THEN_BRACKET.search(gap) if gap.rstrip().endswith("(") else None
    if declared is None or _COMPARED_BEFORE.search(gap, 0, declared.start()):
        return None  # (the reference of a comparison: "longer with A than with B (12 vs 6)")
    named = _declared_label(declared, arms)
    if named is None:
        return None
    words = label_words(named)
    first = [a for a in arms if label_words(a) <= words or words <= label_words(a)]
    return [first[0], *(a for a in arms if a != first[0])] if len(first) == 1 else None


def ratio_of_group(text: str, f: Fact) -> tuple[str, str] | None:
    """(group, comparator) of a ratio that names its own group right after it and the group
    the sentence's ratios are against after that, or None."""
    if " for " not in text[f.end : f.end + 40]:
        return None
    own = _RATIO_OF.match(text, f.end)
    if own is None or (arm := clean_arm(own.group("a"))) is None:
        return None
    against = _AGAINST.search(text, own.end(), own.end() + 120)
    comparator = clean_arm(against.group("b")) if against else None
    return (arm, comparator) if comparator else None


# a dose heading an item of the bracket after a drug's name: "A (300 mg BID, 48.6%; 400 mg BID,
# 47.3%)", "A (300 mg twice daily [BID], 77.7% and 61.0%, respectively; ...)"
_DOSE_ITEM = re.compile(
    rf"^\s*(?P<dose>{DOSE_AMOUNT}(?:\s+(?:{DOSE_SCHEDULE}))?)\s*(?:\[[^\]]{{1,12}}\]\s*)?,"
    r"[\d\s.,%]*(?:and[\d\s.,%]*)?$",
    re.IGNORECASE,
)
_DRUG_BEFORE = re.compile(r"(?P<drug>[A-Za-z][\w-]{2,})\s*$")


def dose_item_group(text: str, start: int) -> str | None:
    """The group of a value that an item of a drug's bracket heads with a dose: the drug at that
    dose ("A 300 mg BID"), or None."""
    depth, i = 0, start - 1
    while i >= 0 and start - i < 240:  # (the bracket the value stands in)
        if text[i] in ")]":
            depth += 1
        elif text[i] in "([":
            if depth == 0 and text[i] == "(":
                break
            depth -= 1
        i -= 1
    else:
        return None
    if i < 0:
        return None
    item = text[i + 1 : start].rpartition(";")[2]
    dosed, drug = _DOSE_ITEM.match(item), _DRUG_BEFORE.search(text, 0, i)
    if dosed is None or drug is None or (name := clean_arm(drug.group("drug"))) is None:
        return None
    return f"{name} {dosed.group('dose')}"
