"""Values of two groups written as one slashed pair where a sentence slashes the groups' names:
"side effects in TPF/PF arms were: tracheostomy 13/9; feeding tube dependency 6/10", "median
OS was 12.1/9.8 months for A/B". Elsewhere a slashed pair of numbers is a fraction
(etl.extract.masks masks it)."""

from __future__ import annotations

import functools
import itertools
import re

from etl.extract.facts import UNIT, UNIT_WORDS, Fact, make_fact
from etl.extract.numbers import NUM, parse_number


# the two groups, slashed: "in TPF/ PF arms", "for A/B:", "(drug K/placebo)"
@functools.lru_cache(maxsize=256)
def _slashed(first: str, second: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?<![\w/-]){re.escape(first)}\s*/\s*{re.escape(second)}(?![\w/-])", re.IGNORECASE
    )


# a slashed pair of values, each maybe a rate, the pair maybe in a unit: "13/9", "42.9%/50%",
# "12.1/9.8 months" (not a count of a whole, "10/40 (25%)")
_PAIR = re.compile(
    rf"(?<![\w./])(?P<x>{NUM})\s*(?P<p1>%)?\s*/\s*(?P<y>{NUM})\s*(?P<p2>%)?"
    rf"(?:\s*(?P<unit>{UNIT}))?(?![\w/])(?!\s*[(\[]\s*{NUM}\s*%)"
)


def slash_pairs(text: str, arms: list[str]) -> tuple[list[tuple[Fact, str]], int]:
    """(value, group) of each slashed pair of values after the slashed names of two of the
    record's groups (``arms``), in the order the names are slashed ([] when the sentence slashes
    no two of its groups), and where the names start (what the sentence names before them, "side
    effects in A/B arms were:", is what the values are of)."""
    # (most sentences with a slash name no two groups, "mg/m2": the names are looked for first)
    lowered = text.lower()
    present = [a for a in dict.fromkeys(arms) if a.lower() in lowered]
    named, first, second = None, "", ""
    for a, b in itertools.permutations(present, 2):
        if (m := _slashed(a, b).search(text)) is not None and (
            named is None or m.start() < named.start()
        ):
            named, first, second = m, a, b
    if named is None:
        return [], 0
    found: list[tuple[Fact, str]] = []
    for m in _PAIR.finditer(text):
        rate = bool(m["p1"] or m["p2"])
        # (before the names, only a pair with its unit: "12.1/9.8 months for A/B"; a bare pair
        # there may count a whole, "10/40 patients in the A/B arms")
        if m.start() < named.end() and not (rate or m["unit"]):
            continue
        if named.start() <= m.start() < named.end():
            continue
        unit = "percent" if rate else UNIT_WORDS[m["unit"].lower()] if m["unit"] else "patients"
        measure = "rate" if rate else "median" if m["unit"] else "count"
        for group, key in ((first, "x"), (second, "y")):
            found.append(
                (make_fact(parse_number(m[key]), m.start(key), m.end(key), unit, measure), group)
            )
    return found, named.start()
