"""The parts of a group's result written right after it: "the ORR in the A arm was 61.9%, with a
49.0% PR rate and a 12.9% CR rate", "the ORR was 55.1%, which comprised a 45.5% partial response
rate", "a median OS of 20.1 months in the A group, with a 2-year OS rate of 43%". A value that
names no group, written after one that does with nothing between them but the words of its own
result, is of the same group (and so is the next, after it)."""

from __future__ import annotations

import collections
import itertools
import re
from collections.abc import Callable
from typing import Final

from etl.extract.facts import Fact

# the results a group's value may be broken into or followed by (not ratios or differences:
# they compare two groups, read elsewhere)
_PART_MEASURES: Final = frozenset({"rate", "median", "count", "mean"})
_LONGEST_GAP: Final = 80
# what, between the two values, says the second is not the first one's group's: another group
# compared or listed, the whole population, a clause of its own
_NOT_A_PART: Final = re.compile(
    r"[;:]|\b(?:vs|versus|v|compared|comparison|respectively|whereas|while|but|than|overall"
    r"|total|all|each|both|either|other|others|among|across|pooled|cohorts?|arms?|groups?"
    r"|patients|participants|subgroups?|population)\b",
    re.IGNORECASE,
)
_GROUP_NOUN: Final = re.compile(r"^\s*(?:arm|group|cohort)\b", re.IGNORECASE)


def of_the_value_before(
    text: str, facts: list[Fact], names_group: Callable[[str], bool]
) -> list[Fact]:
    """Give each value that names no group the group of the value right before it, where that
    value stands alone (not one of a list of values), names a group, is of another result
    (endpoint, measure or time point), and the words between them (``names_group`` false for
    them) name no group, comparison or population."""
    for before, f in itertools.pairwise(facts):
        if (
            f.arm is not None
            or f.comparator is not None
            or before.arm is None
            or before.comparator is not None
            or f.measure not in _PART_MEASURES
            or before.measure not in _PART_MEASURES
            or f.chain == before.chain
            or (f.endpoint, f.measure, f.timepoint_months)
            == (before.endpoint, before.measure, before.timepoint_months)
        ):
            continue
        if sum(x.chain == before.chain for x in facts) > 1:
            continue  # (a list's last value: which group the next is of, it does not say)
        gap = text[before.end : f.start]
        named = gap.lower().rfind(before.arm.lower())
        if named >= 0:  # ("61.9% in the A arm, with a 49.0% PR rate": the words of its group)
            gap = _GROUP_NOUN.sub("", gap[named + len(before.arm) :], count=1)
        if len(gap) > _LONGEST_GAP or _NOT_A_PART.search(gap) or names_group(gap):
            continue
        f.arm = before.arm
    return facts


# a complete bracket between two values (an interval, a count, a p-value), passed over
_BRACKETED: Final = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
# words that would name a group, a time or a population of their own between two values
_OWN_GROUP: Final = re.compile(
    r"\d|\b(?:in|with|without|for|on|of|at|after|receiving|given|treated|who)\b", re.IGNORECASE
)


def of_the_group_after(
    text: str, facts: list[Fact], named_after: Callable[[Fact], str | None]
) -> list[Fact]:
    """Give the group named right after a value (``named_after``) to the values of the run of
    results written before it, each of its own result and naming no group: "neutropenia (88.4%),
    anaemia (49.3%) and febrile neutropenia (36.2%) for A, and neutropenia (79.5%) for B" (all
    three are A's); "the ORR was 45% and the DCR 80% in the A arm". The run stops at a value that
    is one of a list (its groups are the list's), compares groups, or at words that name a group,
    a comparison or a population between two values."""
    chain_size = collections.Counter(f.chain for f in facts)
    for i, last in enumerate(facts):
        if (
            i == 0
            or last.arm is None
            or last.comparator is not None
            or chain_size[last.chain] > 1
            # (nothing to give when the value before it has a group: the run would stop there;
            # asked before the group after it is looked for, a pattern per value)
            or facts[i - 1].arm is not None
            or named_after(last) != last.arm
        ):
            continue
        after = last
        for f in reversed(facts[:i]):
            gap = _BRACKETED.sub(" ", text[f.end : after.start])
            if (
                f.arm is not None
                or f.comparator is not None
                or f.measure not in _PART_MEASURES
                or chain_size[f.chain] > 1
                or len(gap) > _LONGEST_GAP
                or _NOT_A_PART.search(gap)
                or _OWN_GROUP.search(gap)
            ):
                break
            f.arm = last.arm
            after = f
    return facts
