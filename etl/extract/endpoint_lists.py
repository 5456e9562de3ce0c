"""Lists of endpoints named as one phrase, and which value of a list reports which of them.

"Median progression-free and overall survival were 4.6 and 6.5 months, respectively",
"the partial response rate, the disease control rate, and the rate of X were 38.2 vs. 5.9%,
85.3 vs. 60.3%, and 76.5 vs. 35.3%", "median survival time and TTF were 15 and 12.2 months
versus 8 and 4.4 months": the values are read against the list positionally. An item of the list
that the endpoint vocabulary does not know ("median duration of treatment and survival") still
takes its place, as OTHER, so that the values after it do not shift.

Pure functions over the sentence text, its endpoint mentions and the positions of its values.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from etl.extract.phrases import AFTER_EVENT
from etl.regex_prefilter import Prefiltered

# between two items: the first's head noun or abbreviation, then a list separator
_GAP = re.compile(
    r"(?:\s+rates?)?(?:\s*\([^()\d]*\))?"
    r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+)?(?:patients'\s+)?",
    re.IGNORECASE,
)
# an item the vocabulary does not know, closing the list: ", and the rate of X were"
_TAIL_ITEM = re.compile(
    r"(?:\s+rates?)?(?:\s*\([^()\d]*\))?\s*,\s*and\s+(?:the\s+)?(?P<np>[^,;()]{3,120}?)"
    # (with what the values are given with, after it: "CILP (± SE) were")
    r"(?:\s*\([^()\d]*\))?\s+(?:were|was)\b",
    re.IGNORECASE,
)
# or opening it after a shared "median"/"mean": "Median duration of treatment and survival were"
_HEAD_ITEM = Prefiltered(
    re.compile(
        r"\b(?:median|mean)\s+(?P<np>[a-z][a-z'-]+(?:\s+(?!(?:was|were|is|are|and)\b)[a-z][\w'-]*){0,6})"
        r"\s+and\s+(?:the\s+)?(?:patients'\s+)?$",
        re.IGNORECASE,
    )
)
_ABBREVIATION = re.compile(r"\s*\(\s*$")
# values, then the list they are of: "0.70 and 0.65 for OS and PFS, respectively"
_BEFORE_LIST = re.compile(
    r"\s*(?:%|months?|mo)?\s*(?:[\])]\s*)?(?:\([^()]*\)\s*)?(?:for|in|of)\s+(?:the\s+)?",
    re.IGNORECASE,
)
_RESPECTIVELY_AFTER = re.compile(r"\s*(?:\([^()]*\)\s*)?,?\s*respectively\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[;,]|\.(?!\d)")
# "respectively" closing the last value's statistics: "0.50 [95% CI, 0.30 to 0.85], respectively"
_RESPECTIVELY_NEAR = re.compile(
    r"[^;()]{0,8}(?:[(\[][^()\[\]]{0,60}[)\]])?[^;()]{0,8}?,?\s*respectively\b", re.IGNORECASE
)
_VERSUS = re.compile(r"\b(?:vs|versus|v)\b", re.IGNORECASE)

Mention = tuple[int, int, str, str]


class EndpointList(NamedTuple):
    start: int  # where its first item is named
    end: int
    items: list[tuple[str, str]]  # (code, label), in order
    stop: int  # where the next endpoint is named: the list governs the values before it


class Slot(NamedTuple):
    item: int  # index into EndpointList.items
    group: int  # position of the value's group when the list repeats per group, else -1


class Value(NamedTuple):
    start: int
    end: int
    chain: int
    compared: bool  # a ratio or difference: it compares groups, it is not one item's value


def endpoint_list(text: str, mentions: list[Mention]) -> EndpointList | None:
    """The first list of two or more endpoints named together, else None."""
    return next(endpoint_lists(text, mentions), None)


def endpoint_lists(text: str, mentions: list[Mention]) -> Iterator[EndpointList]:
    """Every list of two or more endpoints named together, in order."""
    ordered = [
        m
        for i, m in enumerate(mentions)
        # "overall survival (OS)": the abbreviation is the same item
        if not (
            i
            and m[2] == mentions[i - 1][2]
            and _ABBREVIATION.fullmatch(text[mentions[i - 1][1] : m[0]])
        )
    ]
    i = 0
    while i < len(ordered):
        run = [ordered[i]]
        while (
            i + 1 < len(ordered)
            and ordered[i + 1][2] != run[-1][2]
            and _GAP.fullmatch(text[run[-1][1] : ordered[i + 1][0]])
        ):
            i += 1
            run.append(ordered[i])
        items = [(m[2], m[3]) for m in run]
        end = run[-1][1]
        head = _HEAD_ITEM.search(text[: run[0][0]])
        if head:
            items.insert(0, ("OTHER", head.group("np")))
        tail = _TAIL_ITEM.match(text, end)
        if tail:
            items.append(("OTHER", tail.group("np")))
            end = tail.end("np")
        if len(items) >= 2:
            later = [m[0] for m in ordered if m[0] >= end]
            yield EndpointList(run[0][0], end, items, later[0] if later else len(text))
        i += 1


def list_slots(
    text: str, mentions: list[Mention], values: list[Value]
) -> tuple[list[tuple[str, str]], dict[int, Slot]]:
    """Index of a value → its slot, for the values that an endpoint list governs: those after
    the list and before any other endpoint is named. Three shapes are read:
    one list of k×g values ("15 and 12.2 months versus 8 and 4.4 months": endpoints vary
    fastest unless the first separator is "versus"), k lists, one per endpoint ("38.2 vs. 5.9%,
    85.3 vs. 60.3%"), or lists of k values each ("4.0 and 7.5 months in A; 2.5 and 5.0 in B")."""
    # every list that governs values ("median OS and DFS were not reached, and the 3-year OS and
    # DFS were 71% and 65%": the second; "3-year PFS and OS were 80% and 90%, with 5-year PFS
    # and OS of 64% and 77%": both), each over its own values
    all_items: list[tuple[str, str]] = []
    all_slots: dict[int, Slot] = {}
    for found in endpoint_lists(text, mentions):
        items, slots = _slots(text, found, values)
        if slots and not slots.keys() & all_slots.keys():
            offset = len(all_items)
            all_items += items
            all_slots |= {i: Slot(s.item + offset, s.group) for i, s in slots.items()}
    if all_slots:
        return all_items, all_slots
    for found in endpoint_lists(text, mentions):
        slots = _values_before(text, found, values)
        if slots:
            return found.items, slots
    return [], {}


def _values_before(text: str, found: EndpointList, values: list[Value]) -> dict[int, Slot]:
    """ "The HRs were 0.70 and 0.65 for OS and PFS, respectively": a list of as many values right
    before the list, with "respectively" after it, is read in order (ratios too: each is of one
    endpoint)."""
    if not _RESPECTIVELY_AFTER.match(text, found.end):
        return {}
    before = [i for i, v in enumerate(values) if v.end <= found.start]
    if not before:
        return {}
    chain = values[before[-1]].chain
    members = [i for i in before if values[i].chain == chain]
    if len(members) != len(found.items) or not _BEFORE_LIST.fullmatch(
        text, values[members[-1]].end, found.start
    ):
        return {}
    return {i: Slot(pos, -1) for pos, i in enumerate(members)}


# a time the list's results are at, not one of its values: "the OS and PFS rates at 12 months
# were", "estimates of OS and PFS 12 months after infusion were" (a value's span may hold its
# unit)
_AT_TIME = re.compile(r"\b(?:at|after|by|within)\s+$", re.IGNORECASE)
_TIME_UNIT = re.compile(r"\s*(?:months?|years?|weeks?|days?)\b", re.IGNORECASE)
_ENDS_TIMED = re.compile(r"(?:months?|years?|weeks?|days?)$", re.IGNORECASE)
_THEN_AFTER = re.compile(AFTER_EVENT, re.IGNORECASE)


def _time_point(text: str, v: Value) -> bool:
    """Whether a value names the time of the results rather than one of them."""
    end = v.end
    if (unit := _TIME_UNIT.match(text, end)) is not None:
        end = unit.end()
    elif not _ENDS_TIMED.search(text, v.start, v.end):
        return False
    return bool(_AT_TIME.search(text, max(0, v.start - 8), v.start) or _THEN_AFTER.match(text, end))


def _slots(
    text: str, found: EndpointList, values: list[Value]
) -> tuple[list[tuple[str, str]], dict[int, Slot]]:
    # a first item whose clause already holds values is that clause's object, not a list's head:
    # "13% versus 5% achieved complete response, and median duration of response was ..."
    clause = max((m.end() for m in _CLAUSE_END.finditer(text, 0, found.start)), default=0)
    if any(clause <= v.start < found.start for v in values):
        return [], {}
    k = len(found.items)
    governed = [
        i
        for i, v in enumerate(values)
        if found.end <= v.start < found.stop and not v.compared and not _time_point(text, v)
    ]
    chains: dict[int, list[int]] = {}
    for i in governed:
        chains.setdefault(values[i].chain, []).append(i)
    lists = list(chains.values())
    slots: dict[int, Slot] = {}
    if len(lists) == 1 and len(lists[0]) % k == 0:
        members = lists[0]
        groups = len(members) // k
        group_first = groups > 1 and _VERSUS.search(
            text[values[members[0]].end : values[members[1]].start]
        )
        for pos, i in enumerate(members):
            if group_first:
                slots[i] = Slot(pos // groups, pos % groups)
            else:
                slots[i] = Slot(pos % k, pos // k if groups > 1 else -1)
    elif len(lists) == k and not all(
        len(c) == k and not _VERSUS.search(text[values[c[0]].end : values[c[-1]].start])
        for c in lists
    ):
        for item, members in enumerate(lists):
            for i in members:
                slots[i] = Slot(item, -1)
    elif all(len(c) == k for c in lists):
        for members in lists:
            for pos, i in enumerate(members):
                slots[i] = Slot(pos, -1)
    # one ratio of each item, in its order, said to be so: "PFS and OS were longer with A (HR
    # 0.16 [95% CI ...] and 0.50 [...], respectively)"
    ratios = [i for i, v in enumerate(values) if found.end <= v.start < found.stop and v.compared]
    if len(ratios) == k and _RESPECTIVELY_NEAR.match(text, values[ratios[-1]].end):
        slots |= {i: Slot(pos, -1) for pos, i in enumerate(ratios)}
    return found.items, slots
