"""Values a table's cell gives each group by the letter its treatment cell gave the group: "A: 2 y
DFS: 85.8 C: 2 y DFS: 77.4 p < 0.0001 A: 10 y DFS: 69 B: 10 y DFS: 69", "A: 5 y: 95.2 B: 5 y:
95", "B/C: 10 y OS: 85" (a review's table of trials, its groups lettered A, B, C in the treatment
column). Each item is a rate of the column's endpoint (a share of patients), at the time it
names, of the group its letter names; the sentence grammar reads the rest of the cell (ratios,
p-values), which names no letter before a bare number.
"""

from __future__ import annotations

import re

from etl.extract.facts import UNIT_WORDS, Fact, make_fact
from etl.extract.numbers import NUM, parse_number
from etl.vocab.codes import MONTHS_PER_UNIT

# "A: 2 y DFS: 85.8", "C: 10y DFS: 63", "A: 2 y: 96", "A: 5 year-DFS: 88.5", "B/C: 10 y OS: 85"
# (a letter alone, after a space or the cell's start, and a bare number: no "%" or unit, no
# interval opening after it)
_ITEM = re.compile(
    r"(?:^|(?<=\s))(?P<arm>[A-H](?:/[A-H])?):\s*"
    r"(?:(?P<time>\d+(?:\.\d+)?)\s*[- ]?\s*(?P<unit>y|yrs?|years?|m|mo|months?)\b[- ]?\s*)?"
    r"(?:(?P<endpoint>[A-Za-z][A-Za-z-]{1,10})\s*)?:?\s*"
    rf"(?P<num>{NUM})(?![\d.,]|\s*(?:%|[-–]\s*\d|\()|\s*(?:y|yrs?|years?|m|mo|months?|w|wks?|weeks?)\b)"
)


def lettered_items(text: str) -> list[tuple[Fact, tuple[int, int]]]:
    """The lettered groups' values of a cell, each with the span of its item ([] unless it gives
    two groups' values or more); offsets are the cell's."""
    found = list(_ITEM.finditer(text))
    if len({m.group("arm") for m in found}) < 2:
        return []
    facts = []
    for m in found:
        value = parse_number(m.group("num"))
        if not 0 <= value <= 100:
            continue
        fact = make_fact(value, m.start("num"), m.end("num"), "percent", "rate")
        fact.arm = m.group("arm")
        if m.group("time"):
            unit = UNIT_WORDS[m.group("unit").lower()]
            fact.timepoint_months = float(m.group("time")) * MONTHS_PER_UNIT[unit]
        facts.append((fact, m.span()))
    return facts
