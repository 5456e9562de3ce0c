"""A table's rows of cells, as a layout split them, placed under the table's columns: a second
header row of sub-headers recognised, rows that lack or carry a leading cell shifted under the
columns of their kind, a stacked group's row (another group of the study above: its label, then
its numbers) put under the treatments and the number columns, a short row's numbers past the
comparison's columns, header cells placed over the columns they span. Pure functions; the kinds
and scores are etl.documents.table_grid's."""

from __future__ import annotations

from etl.documents.table_grid import (
    GROUP_SIZE,
    align_header,
    cell_kind,
    column_kinds,
    group_row_place,
    header_offset,
    is_comparison_header,
    row_gap,
    value_kind,
)
from etl.documents.table_model import Cell, Table, finish


def from_rows(
    header_rows: list[list[Cell | None]], body: list[list[Cell | None]], caption, layout: str
) -> Table | None:
    """A table from rows of cells as split: sub-headers recognised, rows that lack or carry a
    leading cell shifted under their columns, header cells placed over the columns they span."""
    body = [trimmed(r) for r in body if any(c is not None for c in r)]
    header_rows = [trimmed(r) for r in header_rows]
    if len(body) >= 2 and _is_sub_header(body[0], body[1:]):
        header_rows.append(body.pop(0))
    if not body or not any(header_rows):
        return None
    kinds = [[cell_kind(c.text if c else None) for c in r] for r in body]
    full = max(len(r) for r in body)
    columns = column_kinds(kinds, full)
    offset = header_offset([c.text if c else None for c in header_rows[0]], columns)
    columns, full = ["empty"] * offset + columns, full + offset
    head = [c.text if c else None for c in header_rows[0]]
    head = [None] * offset + head if len(head) + offset == full else head
    aligned = []
    for row, row_kinds in zip(body, kinds, strict=True):
        # (a row of one more group of the study above: its label under the treatments)
        place = (
            group_row_place(
                row_kinds[:1] + [value_kind(c.text if c else None) for c in row[1:]],
                columns,
                head,
            )
            if len(row) < full and head
            else None
        )
        if place is not None:
            placed: list[Cell | None] = [None] * full
            for column, cell in zip(place, row, strict=True):
                placed[column] = cell
            aligned.append(placed)
            continue
        # (a row that lacks cells lacks them at its start, or inside it: a row without its
        # trial's cell)
        shift, gap = row_gap(row_kinds, columns) if len(row) < full else (0, len(row))
        inside = [None] * (full - len(row) - shift) if gap < len(row) else []
        aligned.append([None] * shift + row[:gap] + inside + row[gap:])
    width = max(full, *(len(h) for h in header_rows))
    columns += ["empty"] * (width - len(columns))
    header = _place_header(header_rows, columns, width)
    comparisons = [
        any(is_comparison_header(h[c].text if h[c] else None) for h in header) for c in range(width)
    ]
    aligned = [_past_comparisons(r, columns, comparisons) for r in aligned]
    return finish(header, [r + [None] * (width - len(r)) for r in aligned], caption, layout)


def _past_comparisons(
    row: list[Cell | None], columns: list[str], comparisons: list[bool]
) -> list[Cell | None]:
    """A short row's numbers under the columns of one group's numbers, past those of the
    comparison (a ratio, a p-value), which the row above states once for both groups (a cell
    spanning two rows, flattened): "Trial A | Drug | 19.7 | 0.66 | .005 | 21.1", then "Placebo |
    14 | 8" (8 is the 5-year rate, not a second ratio). Only when its numbers fill exactly the
    number columns to its right that are no comparison's."""
    filled = [c for c, cell in enumerate(row) if cell is not None]
    if len(filled) < 2 or len(row) >= len(columns):
        return row
    label, numbers = filled[0], filled[1:]
    if not any(comparisons[c] for c in numbers) or any(
        cell_kind(row[c].text) != "num"
        for c in numbers  # type: ignore[union-attr]
    ):
        return row
    slots = [
        c
        for c in range(label + 1, len(columns))
        if not comparisons[c] and columns[c] in ("num", "empty")
    ]
    if len(slots) != len(numbers):
        return row
    placed: list[Cell | None] = [None] * (slots[-1] + 1)
    placed[label] = row[label]
    for c, n in zip(slots, numbers, strict=True):
        placed[c] = row[n]
    return placed


def trimmed(row: list[Cell | None]) -> list[Cell | None]:
    end = len(row)
    while end and row[end - 1] is None:
        end -= 1
    return row[:end]


def _is_sub_header(row: list[Cell | None], rest: list[list[Cell | None]]) -> bool:
    """The first row after the separator is a second header row ("Treatment | Control | ..."):
    two or more short cells, none holding a digit, fewer than the rows below have, which do hold
    numbers."""
    cells = [c for c in row if c is not None]
    # (a group's size is no number of a result: "A (n=492)")
    texts = [GROUP_SIZE.sub("", c.text) for c in cells]
    return (
        len(cells) >= 2
        and all(len(t) <= 40 and not any(ch.isdigit() for ch in t) for t in texts)
        and len(cells) < max(sum(c is not None for c in r) for r in rest)
        and any(c is not None and any(ch.isdigit() for ch in c.text) for r in rest for c in r)
    )


def _place_header(
    header_rows: list[list[Cell | None]], columns: list[str], width: int
) -> list[list[Cell | None]]:
    """Each header row as ``width`` cells: the first row placed by content when it has fewer
    cells than the table has columns (see align_header); a left-packed row below it fills the
    columns under its spanning cells, in order; any other row stays where it is."""
    first, rest = header_rows[0], header_rows[1:]
    if len(first) in (0, width):
        placement = list(range(len(first))) + [None] * (width - len(first))
    else:
        texts = [c.text if c else None for c in first]
        placement = align_header(texts, columns, bool(rest), _group_cycle(rest))
    out = [[first[p] if p is not None else None for p in placement]]
    spanned = [
        c
        for c in range(width)
        if placement[c] is not None and placement.count(placement[c]) > 1 and first[placement[c]]
    ]
    for row in rest:
        cells = [c for c in row if c is not None]
        if row and row[0] is not None and len(row) < width and 0 < len(cells) <= len(spanned):
            placed: list[Cell | None] = [None] * width
            for column, cell in zip(spanned, cells, strict=False):
                placed[column] = cell
            out.append(placed)
        else:
            out.append(row + [None] * (width - len(row)))
    return out


def _group_cycle(rows: list[list[Cell | None]]) -> int | None:
    """How many groups a sub-header row names when it names them over and over ("A | B | A |
    B": 2), None when it does not repeat."""
    if not rows:
        return None
    names = [c.text for c in rows[0] if c is not None]
    for size in range(1, len(names) // 2 + 1):
        cycle = len(names) % size == 0 and len(set(names[:size])) == size
        if cycle and all(names[i] == names[i % size] for i in range(len(names))):
            return size
    return None
