"""The grid a table of a document is read into (etl.documents.tables finds the tables):
cells with exact offsets into the document, rows aligned to columns, and what a grid says of
itself (a row that heads a section, the rows a trial cell spans)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Final, NamedTuple

from etl.documents.table_grid import cell_kind, header_kind, is_trial_name


@dataclass(frozen=True)
class Cell:
    text: str  # the cell's text, stripped
    start: int  # offsets into the document text: text[start:end] == cell.text
    end: int


Row = tuple[Cell | None, ...]


@dataclass(frozen=True)
class Table:
    start: int  # span of the whole table (header and rows, not the caption) in the document
    end: int
    header: tuple[Row, ...]  # header rows aligned to the columns (a spanning cell repeated)
    rows: tuple[Row, ...]  # data rows aligned to the columns (None: no cell)
    row_spans: tuple[tuple[int, int], ...]  # each data row, from its first to its last character
    # the cells of each data row's row-header columns (leading columns without a column header:
    # a group label, "OS rate, %" / "12 months"); one tuple per data row, () when none
    row_headers: tuple[Row, ...] = ()
    caption: Cell | None = None  # "Table 2. ..." above the table, when there is one
    layout: str = (
        "pipe"  # pipe, tab, cell_lines, bar_lines, wrapped, spaced or glued (etl.documents.tables)
    )


# a line longer than this is prose (a footnote): it ends a table, in any layout
LONG_LINE: Final = 150
CAPTION: Final = re.compile(r"\s*(?:Table|TABLE)\s+[A-Z]?\d+[A-Za-z]?\b")


class Line(NamedTuple):
    start: int
    end: int
    text: str  # document[start:end], without its line break


def after_captions(
    text: str,
    lines: list[Line],
    used: list[bool],
    read: Callable[[str, list[Line], int, list[bool]], tuple[Table, int] | None],
) -> Iterator[tuple[Table, int, int]]:
    """(table, first line, last line) of each table that ``read`` finds after a caption line
    ("Table 2. ..."), given the caption's index; the lines of a table found are not read again."""
    i = 0
    while i < len(lines):
        if used[i] or not CAPTION.match(lines[i].text):
            i += 1
            continue
        found = read(text, lines, i, used)
        if found is None:
            i += 1
            continue
        table, last = found
        yield table, i, last
        i = last + 1


def make_cell(text: str, start: int, end: int) -> Cell | None:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return None
    left = start + len(piece) - len(piece.lstrip())
    return Cell(stripped, left, left + len(stripped))


# ---- the grid as a Table --------------------------------------------------------------------------


def finish(
    header: list[list[Cell | None]],
    body: list[list[Cell | None]],
    caption: Cell | None,
    layout: str,
) -> Table | None:
    """Columns empty in every row dropped; leading columns that no header names moved to the
    row headers; rows with no cell left out."""
    width = len(header[0]) if header else 0
    keep = [
        c
        for c in range(width)
        if any(r[c] is not None for r in body) or any(h[c] is not None for h in header)
    ]
    header = [[h[c] for c in keep] for h in header]
    body = [[r[c] for c in keep] for r in body if any(r[c] is not None for c in keep)]
    stub = 0
    while stub < len(keep) - 1 and all(h[stub] is None for h in header):
        stub += 1
    if not body or not keep or all(h[stub] is None for h in header):
        return None  # no column has a header
    spans = [_span(r) for r in body]
    everything = [c for r in [*header, *body] for c in r if c is not None]
    return Table(
        start=min(c.start for c in everything),
        end=max(c.end for c in everything),
        header=tuple(tuple(h[stub:]) for h in header),
        rows=tuple(tuple(r[stub:]) for r in body),
        row_spans=tuple(spans),
        row_headers=tuple(tuple(r[:stub]) for r in body),
        caption=caption,
        layout=layout,
    )


def heading(table: Table, r: int) -> Cell | None:
    """The cell of data row r when the row is a heading of the rows below it: its only cell, in
    its first column (row headers first), not a number, in a table of three columns or more."""
    cells = [*(table.row_headers[r] if table.row_headers else ()), *table.rows[r]]
    if len(cells) < 3 or cells[0] is None or any(c is not None for c in cells[1:]):
        return None
    return cells[0] if cell_kind(cells[0].text) in ("text", "trial") else None


def trial_rows(table: Table) -> list[int | None]:
    """For each data row, the row whose trial cell names its trial: its own, or, for a row that
    leaves the trial column empty right under a row of a trial, that row's (a trial cell that
    spans the rows of its groups, flattened: "ESPAC-9 | Drug A | 19.7", then "| Placebo |
    14.0"); None for a row of no trial cell, for a row that fills a cell before the trial column
    (a study of its own: "Author | | 2012"), and past a heading. The trial column: the first
    whose header announces a study ("Trial", "Study") and whose cells name one."""
    column = next(
        (
            c
            for c in range(len(table.rows[0]) if table.rows else 0)
            if any(header_kind(h[c].text if h[c] else None) == "trial" for h in table.header)
            and any(r[c] is not None and is_trial_name(r[c].text) for r in table.rows)
        ),
        None,
    )
    out: list[int | None] = []
    for r, row in enumerate(table.rows):
        if column is None or heading(table, r) is not None:
            out.append(None)
        elif row[column] is not None:
            out.append(r)
        elif any(cell is not None for cell in row[:column]):
            out.append(None)  # (a row of its own before the trial column: "Author | | 2012")
        else:
            out.append(out[-1] if out else None)
    return out


def _span(row: Sequence[Cell | None]) -> tuple[int, int]:
    cells = [c for c in row if c is not None]
    return (min(c.start for c in cells), max(c.end for c in cells))
