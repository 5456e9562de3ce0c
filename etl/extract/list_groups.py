"""The group a whole list of values is of, where one value of the list names it: the first
("the 12- and 24-month rates with A were 76% and 68%") or the last ("... were 80% and 62% in
cohort X"). A list of one result at several time points is of one group, never one per group
(etl.extract.value_groups gives the record's groups by position only to other lists)."""

from __future__ import annotations

import itertools
import re

from etl.extract.facts import COMPARED_MEASURES, Fact

VERSUS_WORD = re.compile(r"\b(?:vs|versus)\b", re.IGNORECASE)
_AN_ARM = re.compile(r"\s(?:arm|group)$", re.IGNORECASE)
# inside a pair of a list of pairs, and between two pairs (past a unit, an interval or an aside)
_PAST_VALUE = r"\s*(?:%|months?|mo)?\s*(?:[(\[][^()\[\]]*[)\]]\s*)?"
_IN_PAIR = re.compile(rf"{_PAST_VALUE}(?:vs\.?|versus|v)\s*", re.IGNORECASE)
_BETWEEN_PAIRS = re.compile(rf"{_PAST_VALUE}(?:[,;]|,?\s*and)\s*", re.IGNORECASE)


def of_time_points(chain: list[Fact]) -> bool:
    """Whether a list's values are one result at as many time points ("76% and 68% at 12 and 24
    months"): of one group, never one per group."""
    return len({f.timepoint_months for f in chain if f.timepoint_months is not None}) == len(chain)


def list_group(
    text: str, chains: dict[int, list[Fact]], by_position: set[int], arms: list[str]
) -> None:
    """One group named before the first of a list of values of several endpoints or time
    points, while the others name none ("the 12- and 24-month rates with A were 76% and 68%"),
    is all of theirs. One group named after the last of a list of values:
    - "Median duration of treatment and OS were 4.0 and 7.5 months in cohort X", "1- and 2-year
      OS rates were 80% and 62% in cohort X": values of a list of endpoints or time points share
      it;
    - "AEs occurred in 27% vs 9% in the ITT population", "... in 97% versus 93% of patients
      treated with A" (the rest cut off): values of one result compared with each other cannot
      all be of it, and it is no more the last one's than the first's; none takes it (the
      record's groups may, by position: ``arms``, as the values before it were given them);
      but a group named as one ("27.7 vs 11.1 months in the placebo arm") is the last one's."""
    for chain in chains.values():
        if len(chain) < 2:
            continue
        last = chain[-1]
        first = chain[0]
        if (
            first.arm is not None
            and id(first) not in by_position
            and all(f.arm is None for f in chain[1:])
            and first.measure not in COMPARED_MEASURES
            and (of_time_points(chain) or len({f.endpoint_label for f in chain}) == len(chain))
        ):
            for f in chain[1:]:  # ("the 12- and 24-month rates with A were 76% and 68%")
                f.arm = first.arm
            continue
        if (
            last.arm is None
            or any(f.arm is not None and id(f) not in by_position for f in chain[:-1])
            or last.measure in COMPARED_MEASURES
        ):
            continue
        if any(f.arm is not None for f in chain[:-1]):
            if (
                id(last) not in by_position  # (given its place already, in the order said)
                and VERSUS_WORD.search(text, chain[-2].end, last.start)
                and len(arms) == len(chain)
            ):
                last.arm = arms[-1]
            continue
        if len({f.endpoint_label for f in chain}) == len(chain) or len(
            {f.timepoint_months for f in chain}
        ) == len(chain):
            for f in chain[:-1]:
                f.arm = last.arm
        elif (
            len({(f.endpoint, f.measure, f.timepoint_months) for f in chain}) == 1
            and all(VERSUS_WORD.search(text, a.end, b.start) for a, b in itertools.pairwise(chain))
            and not _AN_ARM.search(last.arm)
        ):
            last.arm = None


def versus_pairs(text: str, facts: list[Fact]) -> list[Fact]:
    """A list of pairs, each one result of two groups ("9 vs 6%, 10 vs 8% and 33 vs 26%",
    "rates of 84% vs 75% and 17% vs 11% for A vs B"): the first of each pair is of the first
    group, the second of the second (group_index 0 and 1), whatever the pairs are of. Only a
    list of bare pairs: a "versus" and nothing else inside each, a separator between them (values
    that name their groups, "14% for A versus 6% for B and 16% for C versus 5% for B", are read
    by their names)."""
    chains: dict[int, list[Fact]] = {}
    for f in facts:
        chains.setdefault(f.chain, []).append(f)
    for chain in chains.values():
        if (
            len(chain) < 4
            or len(chain) % 2
            or any(f.group_index >= 0 or f.slots or f.measure in COMPARED_MEASURES for f in chain)
        ):
            continue
        gaps = [text[a.end : b.start] for a, b in itertools.pairwise(chain)]
        if all(_IN_PAIR.fullmatch(g) for g in gaps[0::2]) and all(
            _BETWEEN_PAIRS.fullmatch(g) for g in gaps[1::2]
        ):
            for i, f in enumerate(chain):
                f.group_index = i % 2
    return facts
