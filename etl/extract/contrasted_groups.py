"""Values a sentence gives of two groups or more it contrasts, each group named once before its
values: "Common AEs in the drug K cohort included anemia (9%) and pain (7%), while the placebo
cohort experienced anemia (14%)". A value the grammar gave no group takes the group named last
before it in the sentence, by a phrase that calls it a group ("the drug K cohort", "in the
placebo arm"), where the sentence names two such groups or more and no comparison stands
between the group and the value."""

from __future__ import annotations

import re
from typing import Final

from etl.extract.facts import COMPARED_MEASURES, Fact
from etl.extract.phrases import GROUP_NAME

_GROUP_PHRASE: Final = re.compile(
    rf"\b(?:in|the|while|whereas|and|but|among)\s+(?:the\s+)?(?P<g>{GROUP_NAME})\s+"
    r"(?P<noun>cohort|arm|group)\b",
    re.IGNORECASE,
)
_NOUNS: Final = ("cohort", "arm", "group")


def contrasted_groups(text: str, facts: list[Fact]) -> list[Fact]:
    """``facts`` with each that has no group given the one named last before it (module doc)."""
    if all(f.arm is not None or f.measure in COMPARED_MEASURES for f in facts) or not any(
        noun in text for noun in _NOUNS
    ):
        return facts
    named = [(m.end(), f"{m.group('g')} {m.group('noun')}") for m in _GROUP_PHRASE.finditer(text)]
    if len({label.lower() for _, label in named}) < 2:
        return facts
    for f in facts:
        if f.arm is None and f.measure not in COMPARED_MEASURES:
            before = [(at, label) for at, label in named if at <= f.start]
            # (not past a comparison: "(57 [15%] in the A group vs 9 [5%] in the B group),
            # pain (47 [13%] vs one [1%])" lists both groups' values in order)
            if before and not _COMPARING.search(text, before[-1][0], f.start):
                f.arm = before[-1][1]
    return facts


_COMPARING: Final = re.compile(r"\b(?:vs|versus|compared|than)\b", re.IGNORECASE)
