"""What one number of a sentence is read into (Fact) and what went wrong reading it (Problem),
with the span helpers every pass of the grammar shares."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from etl.extract.numbers import (
    Interval,
    PValue,
)
from etl.vocab.codes import MONTHS_PER_UNIT, RATIO_MEASURES, code

UNIT_WORDS = {
    "month": "months",
    "months": "months",
    "mo": "months",
    "mos": "months",
    "day": "days",
    "days": "days",
    "week": "weeks",
    "weeks": "weeks",
    "wk": "weeks",
    "wks": "weeks",
    "year": "years",
    "years": "years",
    "yr": "years",
    "yrs": "years",
    "m": "months",
    "y": "years",
}
# (the measure codes of etl/vocab/codes.py: a ratio, and what compares two groups)
RATIOS = RATIO_MEASURES
COMPARED_MEASURES = RATIO_MEASURES | {code("measure", "difference")}
# ("m" after a number is a month where a survival time is meant, "13.0 m vs 11.4 m", as "y" is a
# year, "5.8 y, 10.2 y"; a value with it and no time-to-event endpoint is no result:
# drop_non_results)
UNIT = r"(?:months?|mos?|days?|weeks?|wks?|years?|yrs?|m(?![²³/])|y(?!/))\b"
SEP = r"\s*(?:,\s*(?:and|or)\s+|,\s*|\s*(?:and|or|vs\.?|versus|v)\s+|\s*/\s*)"
# a comparison of two values that name no group joins them in a list as "versus" does: "a median
# of 12.4 months compared with 9.8 months" (one that names its group first, "12.4 months for A
# compared with 9.8 months for B", is two results; the one after it is the comparison's subject)
COMPARED_SEP = r",?\s*(?:as\s+|when\s+)?compared\s+(?:with|to)\s+"


class Problem(NamedTuple):
    """A part of a result that was read but cannot be right: the rule it breaks and why."""

    rule: str
    message: str


@dataclass(eq=False)
class Fact:
    """One result number read from a sentence (offsets are into the sentence). The passes of
    parse_sentence fill its attributes in place: a fact belongs to the sentence being read until
    parse_sentence returns it, and is not changed after. A fact is itself, equal to no other
    (two facts of one sentence differ in their offsets): finding one in a list compares no
    fields."""

    value: float
    start: int
    end: int
    unit: str
    measure: str
    endpoint: str = "OTHER"
    endpoint_label: str = ""
    timepoint_months: float | None = None
    ci: Interval | None = None
    p: PValue | None = None
    arm: str | None = None
    comparator: str | None = None
    n_patients: int | None = None
    n_denominator: int | None = None
    chain: int = -1
    group_index: int = -1  # its group's position when a list repeats endpoints per group
    each_group: bool = False  # "13% in each group": of every group the record declares
    event: bool = False  # a count of events ("13 deaths"), its endpoint read with it
    # its place in its list when the list holds placeholders ("NR vs 11.8 months": 1 of 2)
    slot: int = -1
    slots: int = 0
    subgroup: str | None = None  # the part of the population it is of (etl.extract.subgroups)
    # a ratio of a factor of a regression, which its arm names ("involved lobe (HR = 1.7)"), not
    # of the groups the record compares
    factor: bool = False
    problems: tuple[Problem, ...] = field(default=())  # what was read but not kept, and why

    @property
    def value_months(self) -> float | None:
        return self.value * MONTHS_PER_UNIT[self.unit] if self.unit in MONTHS_PER_UNIT else None


_BLANK = Fact(0.0, 0, 0, "", "")


def make_fact(value: float, start: int, end: int, unit: str, measure: str) -> Fact:
    """Fact(value, start, end, unit, measure), made as a copy of a blank one: a Fact has no
    ``__post_init__`` and no ``init=False`` field, so that is the same value, without the
    generated ``__init__``'s assignment of every field in turn."""
    attributes = _BLANK.__dict__.copy()  # (a copy at its full size: no dict grown key by key)
    attributes.update(value=value, start=start, end=end, unit=unit, measure=measure)
    new = object.__new__(Fact)
    new.__dict__ = attributes
    return new


# (start, end) of a piece of a sentence: a plain tuple, made for every number, interval and
# mask read (a named tuple costs ten times as much to make)
Span = tuple[int, int]


def in_masks(spans: list[Span], start: int, end: int) -> bool:
    # (a loop, not any() over a generator: it runs for every number of every sentence)
    for span_start, span_end in spans:  # noqa: SIM110
        if span_start <= start and end <= span_end:
            return True
    return False


def overlaps(spans: list[Span], start: int, end: int) -> bool:
    for span_start, span_end in spans:  # noqa: SIM110
        if span_start < end and start < span_end:
            return True
    return False


def list_place(f: Fact, chain: list[Fact]) -> tuple[int, int]:
    """(size, position) of a value's list, placeholders counted ("NR vs 11.8 months": 2, 1)."""
    return (f.slots, f.slot) if f.slots else (len(chain), chain.index(f))
