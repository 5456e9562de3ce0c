"""The group a whole list of values is of, where one value of the list names it: the first
("the 12- and 24-month rates with A were 76% and 68%") or the last ("... were 80% and 62% in
cohort X"). A list of one result at several time points is of one group, never one per group
(etl.extract.value_groups gives the record's groups by position only to other lists)."""

from __future__ import annotations

import itertools
import re

from etl.extract.facts import COMPARED_MEASURES, Fact

_VERSUS_WORD = re.compile(r"\b(?:vs|versus)\b", re.IGNORECASE)


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
      record's groups may, by position: ``arms``, as the values before it were given them)."""
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
                and _VERSUS_WORD.search(text, chain[-2].end, last.start)
                and len(arms) == len(chain)
            ):
                last.arm = arms[-1]
            continue
        if len({f.endpoint_label for f in chain}) == len(chain) or len(
            {f.timepoint_months for f in chain}
        ) == len(chain):
            for f in chain[:-1]:
                f.arm = last.arm
        elif len({(f.endpoint, f.measure, f.timepoint_months) for f in chain}) == 1 and all(
            _VERSUS_WORD.search(text, a.end, b.start) for a, b in itertools.pairwise(chain)
        ):
            last.arm = None
