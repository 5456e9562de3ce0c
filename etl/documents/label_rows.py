"""Rows of a table flattened one cell per line whose rows are not all as wide: read by their
labels (etl.documents.tables, layout ``bar_lines``).

A drug label's table of results by subgroup, flattened: the header cells (an empty corner, then
one cell per group: "A (N=296)", "A + B (N=298)"), then, row after row, a label ("Median OS
(months)") and its values ("8.8", "8.3"), a heading row of one cell ("Subgroup X (N=133)"), and
rows of fewer values than groups ("Hazard ratio (95% CI)", "1.33 (0.92, 1.92)": one value for
the comparison). No number of columns reads such a list into rows; its labels do: a row starts
at each cell that is not a value, and takes the values after it. The table is as wide as its
longest row; its header is that many cells from the start, and the cells between the header and
the first row of values are headings.
"""

from __future__ import annotations

import re
from typing import Final, Protocol, TypeVar

from etl.documents.table_grid import GROUP_SIZE, LEVEL_LABEL, cell_kind


class _Cell(Protocol):
    text: str


C = TypeVar("C", bound=_Cell)

# a table's footnote, its number then its words: "1 Median is the Kaplan-Meier estimate",
# "3 Cox model analysis" (no value: "12 months", "75 (64)")
_FOOTNOTE: Final = re.compile(r"\d{1,2}\s+[A-Z][\w'-]+\s+\w")
# a value given as its interval only: "(6.4, 11.7)", "[0.61-0.97]"
_BRACKETED_NUMBER: Final = re.compile(r"\s*[(\[]\s*[<>≤≥]?\s*\d")


def is_value(cell: _Cell | None) -> bool:
    """A cell that gives a value: a number, a placeholder, a bracketed interval."""
    if cell is None or LEVEL_LABEL.match(cell.text.lstrip("([ ")) or _FOOTNOTE.match(cell.text):
        return False
    return cell_kind(cell.text) in ("num", "na") or _BRACKETED_NUMBER.match(cell.text) is not None


def label_rows(
    cells: list[C | None],
) -> tuple[list[C | None], list[list[C | None]]] | None:
    """(header, rows) of ``cells`` (None: an empty cell) read by their labels (module doc), or
    None when they make no such table: at least two rows of values, a header whose cells over
    the values are named."""
    rows: list[tuple[int, list[C | None]]] = []  # (where it starts, its cells)
    i = 0
    while i < len(cells):
        cell = cells[i]
        if cell is None or is_value(cell):
            i += 1
            continue
        j = i + 1
        while j < len(cells) and is_value(cells[j]):
            j += 1
        rows.append((i, [cell, *cells[i + 1 : j]]))
        i = j
    valued = [row for _, row in rows if len(row) > 1]
    if len(valued) < 2:
        return None
    width = max(len(row) for row in valued)
    header = list(cells[:width])
    first = width
    # (no corner cell over the labels: the groups' cells, each with its size, open the list)
    if (
        width > 2
        and all(_sized(c) for c in cells[: width - 1])
        and not (len(cells) >= width and _sized(cells[width - 1]))
    ):
        header, first = [None, *cells[: width - 1]], width - 1
    if len(header) < width or any(is_value(c) for c in header):
        return None
    if sum(c is not None for c in header[1:]) < width - 1:
        return None
    # (the rows past the header; those of one cell are headings)
    body = [row + [None] * (width - len(row)) for start, row in rows if start >= first]
    return header, body


def _sized(cell: _Cell | None) -> bool:
    return cell is not None and GROUP_SIZE.search(cell.text) is not None


def labels_misplaced(rows: list[list[_Cell | None]], first: int) -> bool:
    """Whether rows read as a grid put row labels among the values: a column (from ``first``)
    that mostly holds values holds a label too ("95% CI (months)" under a group's column)."""
    width = max((len(r) for r in rows), default=0)
    for c in range(first, width):
        column = [r[c] for r in rows if c < len(r) and r[c] is not None]
        labels = sum(not is_value(cell) for cell in column)
        if labels and len(column) - labels >= labels:
            return True
    return False
