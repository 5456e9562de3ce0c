"""Tables whose cells a page copied without anything between them (etl.documents.tables finds
them with the other layouts): a knowledge page's "Comparison of two groups" pasted as text reads

    EndpointDrug ASalvage Chemotherapy
    Median Overall Survival9.3 months5.6 months
    Hazard Ratio for Death0.64 (0.49-0.83)-

Each row is a label and two values or more, glued: a value ends with its unit, "%" or its
interval's bracket (or is a placeholder, "-"), so where one ends the next begins, and the label
ends where the first value starts. The line right above the first row is the header when its
words split where a small letter meets a capital into as many cells as the rows have (the
label column's cell first, or none). Two rows or more.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import Final

from etl.documents.table_model import Cell, Line, Table, finish, make_cell

# a value that says where it ends: a number with its unit, "%" or an interval in brackets after
# it; or a placeholder
_VALUE: Final = (
    r"(?:[<>≤≥]\s*)?\d+(?:[.·]\d+)?"
    r"(?:\s*(?:%|months?|mos?|weeks?|years?)(?:\s*\(\s*\d[\d.,·\s–-]*\))?"
    r"|\s*\(\s*\d[\d.,·\s–-]*\))"
    r"|[-–—]|NR|NE"
)
# (a label may open with its time point: "2-year survival rate41%27%")
_ROW: Final = re.compile(
    r"(?P<label>(?:\d{1,2}[- ](?:years?|months?|yrs?|mos?)[- ]\s*)?[A-Za-z][^\d|\t]*?[A-Za-z)])"
    rf"\s?(?P<values>(?:{_VALUE}){{2,}})"
)
_ONE_VALUE: Final = re.compile(_VALUE)
# what a glued row holds, asked of a document's lines first: a value's unit glued to the next
# value ("9.3 months5.6", "34.0%15.3%"; never in a sentence: "25.0 months (95% CI" is none)
GLUED_SIGN: Final = r"\d(?:%|\s?months?)\d"
_SIGN: Final = re.compile(GLUED_SIGN)
# where a header's cells meet: a small letter (or a bracket) then a capital
_CELL_BOUND: Final = re.compile(r"(?<=[a-z)])(?=[A-Z])")
_MIN_ROWS: Final = 2


def is_glued_line(line: str) -> bool:
    return _SIGN.search(line) is not None


def glued_tables(
    text: str, lines: list[Line], used: list[bool]
) -> Iterator[tuple[Table, int, int]]:
    i = 0
    while i < len(lines):
        if used[i] or _glued_row(text, lines[i]) is None:
            i += 1
            continue
        rows, j = [], i
        while j < len(lines) and not used[j] and (row := _glued_row(text, lines[j])) is not None:
            rows.append(row)
            j += 1
        width = max(len(r) for r in rows)
        if len(rows) >= _MIN_ROWS:
            top = i - 1 if i > 0 and not used[i - 1] else None
            header = _header(text, lines[top], width) if top is not None else None
            first = i if header is None else top
            body = [r + [None] * (width - len(r)) for r in rows]
            table = finish([header or [None, *([None] * (width - 1))]], body, None, "glued")
            if table is not None:
                yield table, first, j - 1
        i = j


def _glued_row(text: str, line: Line) -> list[Cell | None] | None:
    """A label's cell and its values' cells, or None when the line is no glued row (its values
    must meet: one space at most between them)."""
    m = _ROW.fullmatch(line.text.rstrip())
    if m is None:
        return None
    values = list(_ONE_VALUE.finditer(m.group("values")))
    base = line.start + m.start("values")
    if any(values[k].end() != values[k + 1].start() for k in range(len(values) - 1)):
        return None
    cells = [make_cell(text, line.start + m.start("label"), line.start + m.end("label"))]
    cells += [make_cell(text, base + v.start(), base + v.end()) for v in values]
    return cells


def _header(text: str, line: Line, width: int) -> list[Cell | None] | None:
    """The header's cells, where the line's words split into ``width`` cells (or one fewer: no
    cell over the labels)."""
    words = line.text.rstrip()
    if not words or any(ch.isdigit() for ch in words) or "|" in words or "\t" in words:
        return None
    bounds = [0, *(m.start() for m in _CELL_BOUND.finditer(words)), len(words)]
    cells = [make_cell(text, line.start + a, line.start + b) for a, b in itertools.pairwise(bounds)]
    if len(cells) == width:
        return cells
    if len(cells) == width - 1:
        return [None, *cells]
    return None
