"""A table of trials written one trial a column, turned a trial a row.

Reviews compare a few trials side by side: the header (or the first row under it) names a trial
over each column but the first, and each row below gives one characteristic or result of every
trial, its label in the first column::

    Characteristic          | ORION-7        | ZENITH-12     |
    Median PFS, mo, A vs. B | 11.2 vs. 4.6   | 23.8 vs. 13.0 |

Read as written, a row would mix the trials. Turned (the labels become the header, each trial a
row), every row reader of etl.extract reads it like any table of a trial a row: the trial's cell
names the row's trial, each label says what the row's values are. The cells keep their offsets
into the document; a turned row's span runs from its trial's cell to its last value, across the
other trials' cells between (the evidence of its numbers is that stretch of the table).
"""

from __future__ import annotations

from collections.abc import Sequence

from etl.documents.table_grid import cell_kind, is_trial_name
from etl.documents.table_model import Cell, Row, Table

# the rows above the row of names that may stand in the header ("Trial | | |")
_NAMES_WITHIN = 3


def transposed(table: Table) -> Table | None:
    """``table`` turned a trial a row when it is written a trial a column (module doc); None
    when it is not."""
    grid = _full_rows(table)
    names_at = next((i for i, row in enumerate(grid[:_NAMES_WITHIN]) if _names_trials(row)), None)
    if names_at is None:
        return None
    names, below = grid[names_at], grid[names_at + 1 :]
    labelled = [row for row in below if row and row[0] is not None]
    valued = [row for row in labelled if any(_is_value(c) for c in row[1:])]
    if len(valued) < 2 or any(_is_value(row[0]) for row in labelled):
        return None
    columns = [j for j in range(1, len(names)) if names[j] is not None]
    header: Row = (names[0], *(row[0] for row in labelled))
    rows: list[Row] = [
        (names[j], *(row[j] if j < len(row) else None for row in labelled)) for j in columns
    ]
    return Table(
        start=table.start,
        end=table.end,
        header=(header,),
        rows=tuple(rows),
        row_spans=tuple(_span(row) for row in rows),
        row_headers=(),
        caption=table.caption,
        layout=table.layout,
    )


def _full_rows(table: Table) -> list[Row]:
    """Header rows and data rows across every column, row headers first."""
    stub = len(table.row_headers[0]) if table.row_headers else 0
    header = [(None,) * stub + tuple(h) for h in table.header]
    body = [
        tuple(table.row_headers[r] if table.row_headers else ()) + tuple(row)
        for r, row in enumerate(table.rows)
    ]
    return [*header, *body]


def _names_trials(row: Sequence[Cell | None]) -> bool:
    """A row that names a trial over each of two columns or more after the first, and nothing
    else there; its first cell a label or empty."""
    if len(row) < 3 or (row[0] is not None and cell_kind(row[0].text) not in ("text", "empty")):
        return False
    after = [c for c in row[1:] if c is not None]
    return len(after) >= 2 and all(is_trial_name(c.text) for c in after)


def _is_value(cell: Cell | None) -> bool:
    return cell is not None and cell_kind(cell.text) in ("num", "na")


def _span(row: Sequence[Cell | None]) -> tuple[int, int]:
    cells = [c for c in row if c is not None]
    return (min(c.start for c in cells), max(c.end for c in cells))
