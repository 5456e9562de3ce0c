"""The p-values of a table that stand apart from the numbers they qualify, for the table reader
(etl.extract.table_outcomes): a column of p-values ("| P-value |" beside "| HR |"), or a row of
them ("p-Value (stratified log-rank) | <0.001 | <0.001 | –", groups as columns). Each goes to the
comparative number it qualifies: the ratio when there is one, else the experimental group's
number (a p-value row: the number of its column above it, in its section).

A p-value's offsets are relative to the start of its own row's span.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from etl.documents.tables import Cell
from etl.extract.facts import Fact
from etl.extract.numbers import NUM, PValue, find_p_values, parse_number
from etl.extract.table_columns import Column
from etl.vocab.codes import RATIO_MEASURES

# (a footnote mark may follow: "0·50†")
_BARE_P_CELL: Final = re.compile(rf"\s*(?P<op><=|>=|[<>=≤≥])?\s*(?P<num>{NUM})\s*[*†‡§¶]*\s*")
_OPS: Final = {"<": "<", ">": ">", "=": "=", "≤": "<=", "≥": ">=", "<=": "<=", ">=": ">="}


def cell_p(cell: Cell, origin: int) -> PValue | None:
    """The p-value a cell holds ("P = 0.002", "<0.0001", "0.04"), offsets from ``origin``."""
    found = find_p_values(cell.text)
    bare = _BARE_P_CELL.fullmatch(cell.text)
    if found:
        p = found[0]
    elif bare:
        s, e = bare.span("num")
        p = PValue(parse_number(bare.group("num")), _OPS[bare.group("op") or "="], s, e)
    else:
        return None
    if not 0 <= p.value <= 1:
        return None
    return p._replace(start=p.start + cell.start - origin, end=p.end + cell.start - origin)


def attach_p_column(
    columns: list[Column],
    row: Sequence[Cell | None],
    found: list[tuple[int, Fact]],
    experimental: str | None,
    origin: int,
) -> None:
    """A p-value in a column of its own qualifies the row's ratio, else its experimental
    group's number (a row that holds one group: its number): of the columns since the last
    p-value's column first ("Median PFS | P | Median OS | HR | P": the first is the median's, the
    second the ratio's), else of the whole row."""
    since = 0
    for c, column in enumerate(columns):
        cell = row[c]
        if column.kind != "p":
            continue
        # (the block's numbers nearest the p-value's column first)
        block, since = [f for k, f in reversed(found) if since <= k < c], c + 1
        if cell is None or (p := cell_p(cell, origin)) is None:
            continue
        for facts in (block, [f for _, f in found]):
            targets = [f for f in facts if f.measure in RATIO_MEASURES and f.p is None]
            targets = targets or [
                f for f in facts if f.p is None and f.arm and f.arm == experimental
            ]
            # (a row of one group, the study's first, stacked over its other groups' rows:
            # its own number, of the columns the p-value follows)
            if not targets and experimental is None and facts is block:
                targets = [f for f in facts if f.p is None and f.arm]
            if targets:
                targets[0].p = p
                break


@dataclass(frozen=True)
class Placed:
    """A number read from a table, with the row and column it stands in."""

    row: int
    column: int
    fact: Fact


def attach_p_row(
    r: int, row: Sequence[Cell | None], origin: int, columns: list[Column], placed: list[Placed]
) -> None:
    """Each p-value of row r (a row of p-values) to the number of its column that it qualifies,
    among ``placed`` (the numbers of its section): the nearest ratio, else the nearest number
    above it."""
    for c, column in enumerate(columns):
        cell = row[c]
        if column.kind != "result" or cell is None or (p := cell_p(cell, origin)) is None:
            continue
        free = [x for x in placed if x.column == c and x.fact.p is None]
        ratios = [x for x in free if x.fact.measure in RATIO_MEASURES]
        above = [x for x in free if x.row < r]
        if ratios:
            min(ratios, key=lambda x: (abs(x.row - r), x.row > r)).fact.p = p
        elif above:
            max(above, key=lambda x: x.row).fact.p = p
