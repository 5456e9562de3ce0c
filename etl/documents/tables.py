"""Tables written as plain text → grids of cells with exact offsets into the document.

The layouts read (all seen in collected documents):

- ``pipe``: rows of cells between bars, one row per line, under a header and a ``|---|---|``
  separator; a row may also run over several lines (each ending with a bar) until it has as many
  cells as the header (so may a row of a table whose header has no separator below it). A
  second header row of sub-headers ("Treatment | Control" under a spanning
  heading) may follow the separator. Rows may carry a leading group-label cell that the rows below
  omit: they are aligned by what their cells hold (etl.documents.table_grid).
- ``tab``: rows of tab-separated cells, the first row the header.
- ``cell_lines``: after a caption ("Table 1 ..."), one cell per line, header cells first, then
  the data cells row after row; the number of columns is inferred. A long line ends the table.
- ``bar_lines``: one cell per line, each ending with " |", a bare "|" an empty cell (a table
  flattened into an abstract). Leading columns with no header are row headers ("OS rate, %",
  "12 months"), moved to ``Table.row_headers``. A table one cell per line whose rows are not
  all as wide (a label's results: a row label, then two values, one or none) is read by its
  row labels (etl.documents.label_rows).
- ``wrapped``: after a caption, a table whose cells a page wrapped over lines, the header's cells
  run together on a line or one a line, each row's labels over lines and its results after them
  ("5.7 vs. 5.8", "HR 0.75 (0.65 to 0.85)"): its rows are read by their results
  (etl.documents.table_wrapped).
- ``spaced``: after a caption, a table whose cells a page joined with single spaces, one row a
  line, its results last: read by that run of results (etl.documents.table_spaced).
- ``stacked``: after a caption, one cell a line, each study's row holding several groups: its
  name and labels with its first group, its other groups one a line, then its results column by
  column, one a group (etl.documents.table_stacked).
- ``glued``: a table whose cells a page copied with nothing between them ("Median Overall
  Survival9.3 months5.6 months"), read by where each value ends (etl.documents.table_glued).

In any layout, a data row holding a single cell, in its first column, is a heading of the rows
below it (``heading``): a section of the table ("Progression-free survival | | |", "ORION-7
study (Author, 2020) | ||||").

The pipe and tab layouts are read here (their rows placed under the columns by
etl.documents.table_rows), the one-cell-per-line layouts in
etl.documents.table_lines and etl.documents.table_wrapped; the grid they all make is etl.documents.table_model's. Everything here
is a pure function of the text; offsets are Python ``str`` offsets.
"""

from __future__ import annotations

import re
from typing import Final

from etl.documents.table_glued import glued_tables, is_glued_line
from etl.documents.table_grid import GROUP_SIZE
from etl.documents.table_lines import bar_line_tables, cell_line_tables
from etl.documents.table_model import (
    CAPTION,
    LONG_LINE,
    Cell,
    Line,
    Row,
    Table,
    heading,
    make_cell,
    trial_rows,
)
from etl.documents.table_rows import from_rows, trimmed
from etl.documents.table_side_spaced import side_spaced_tables
from etl.documents.table_spaced import spaced_tables
from etl.documents.table_stacked import stacked_tables
from etl.documents.table_transposed import transposed
from etl.documents.table_wrapped import wrapped_tables

# (the grid's types and readings, imported from here by the readers of tables)
__all__ = ["Cell", "Row", "Table", "find_tables", "heading", "is_table_line", "trial_rows"]

_SEPARATOR_CELL: Final = re.compile(r"\s*:?-{2,}:?\s*")


def is_table_line(line: str) -> bool:
    """A cheap test of whether a line can belong to a table (or start one): it holds a bar or a
    tab, it is a caption ("Table 1 ..."), or a group's size alone, as a header copied a cell a
    line holds it ("(n = 75)"). A document without such a line has no table."""
    return (
        "|" in line
        or "\t" in line
        or CAPTION.match(line) is not None
        or is_glued_line(line)
        or ("=" in line and GROUP_SIZE.fullmatch(line.strip()) is not None)
    )


def find_tables(text: str) -> list[Table]:
    """Every table in the text, in order of position."""
    if not any(is_table_line(line) for line in text.split("\n")):
        return []
    lines = _lines(text)
    used = [False] * len(lines)
    tables: list[Table] = []
    for finder in (
        _pipe_tables,
        _listed_header_tables,
        _tab_tables,
        bar_line_tables,
        wrapped_tables,
        spaced_tables,
        side_spaced_tables,
        stacked_tables,
        cell_line_tables,
        glued_tables,
    ):
        for table, first, last in finder(text, lines, used):
            tables.append(transposed(table) or table)
            for i in range(first, last + 1):
                used[i] = True
    return sorted(tables, key=lambda t: t.start)


def _lines(text: str) -> list[Line]:
    out, pos = [], 0
    for piece in text.split("\n"):
        out.append(Line(pos, pos + len(piece), piece))
        pos += len(piece) + 1
    return out


def _split(text: str, line: Line, sep: str) -> list[Cell | None]:
    """The cells of one line; for bars, those before a leading and after a trailing bar are
    not cells ("| a | b |" has two)."""
    bounds, pos = [], line.start
    for i, ch in enumerate(line.text):
        if ch == sep:
            bounds.append((pos, line.start + i))
            pos = line.start + i + 1
    bounds.append((pos, line.end))
    if sep == "|":
        stripped = line.text.strip()
        if stripped.startswith("|"):
            bounds = bounds[1:]
        if stripped.endswith("|") and bounds:
            bounds = bounds[:-1]
    return [make_cell(text, s, e) for s, e in bounds]


def _is_separator(line: str) -> bool:
    if "|" not in line or "--" not in line:
        return False
    parts = line.strip().strip("|").split("|")
    return all(_SEPARATOR_CELL.fullmatch(p) for p in parts)


def _caption_above(text: str, lines: list[Line], first: int, used: list[bool]) -> Cell | None:
    """A caption in the two lines above a table's first line ("Table 2." and its title)."""
    for j in range(first - 1, max(-1, first - 3), -1):
        if used[j] or not lines[j].text.strip():
            return None
        if CAPTION.match(lines[j].text):
            return make_cell(text, lines[j].start, lines[first - 1].end)
    return None


# ---- pipe and tab rows ---------------------------------------------------------------------------


def _pipe_tables(text: str, lines: list[Line], used: list[bool]):
    i = 0
    while i < len(lines):
        if not _is_separator(lines[i].text) or used[i]:
            i += 1
            continue
        top, header_rows = _pipe_header(text, lines, i, used)
        if top == i:  # a separator with no header above it
            i += 1
            continue
        width = max(max(len(r) for r in header_rows), _separator_width(lines[i].text))
        body, last = _pipe_body(text, lines, i + 1, width, used)
        table = from_rows(header_rows, body, _caption_above(text, lines, top, used), "pipe")
        if table is not None:
            yield table, top, last
        i = last + 1
    yield from _bare_pipe_tables(text, lines, used)


def _bare_pipe_tables(text: str, lines: list[Line], used: list[bool]):
    """Rows of bars without a separator under their header ("| a | b |" lines): the first whole
    row of three or more cells is the header, and the rows below it are read as after a
    separator, so that a row whose cells wrap over lines stays one row ("| Trial | Phase |
    Agent vs." / "placebo |" / "201 vs. 202 | 62.7 vs. 65.4 |"). Two rows or more."""
    i = 0
    while i < len(lines):
        if used[i] or not _is_whole_bar_row(lines[i].text) or _data_without_bar(lines[i].text):
            i += 1
            continue
        header = _split(text, lines[i], "|")
        headers, first = [header], i + 1
        # (a heading row spanning the header's columns above it: "Median PFS | Median OS |", then
        # "Study | A | B | HR [95% CI] | A | B | HR |", no digit in it but a level's)
        if (
            first < len(lines)
            and _is_whole_bar_row(lines[first].text)
            and not any(ch.isdigit() for ch in _CI_LEVEL.sub("", lines[first].text))
            and len(under := _split(text, lines[first], "|")) > len(trimmed(header))
        ):
            headers, first = [_over_groups(trimmed(header), under), under], first + 1
        body, last = _pipe_body(text, lines, first, len(headers[-1]), used)
        if sum(1 for r in body if sum(c is not None for c in r) >= 2) >= 2:
            table = from_rows(headers, body, _caption_above(text, lines, i, used), "pipe")
            if table is not None:
                yield table, i, last
                i = last + 1
                continue
        i += 1


_CI_LEVEL = re.compile(r"\d+(?:\.\d+)?\s*%\s*CI")


def _over_groups(spanning: list[Cell | None], under: list[Cell | None]) -> list[Cell | None]:
    """A heading row's cells over the groups of columns the row under it repeats ("Median PFS |
    Median OS" over "A | B | HR | A | B | HR"): the last groups, one a cell, each cell spanning
    its group; as it stands when the groups are fewer than its cells."""
    texts = [c.text if c else None for c in under]
    counts = {t: texts.count(t) for t in texts if t}
    repeated = [t for t in texts if t and counts[t] >= 2]
    cells = [c for c in spanning if c is not None]
    if not repeated:
        return spanning
    starts = [j for j, t in enumerate(texts) if t == repeated[0]]
    if len(starts) < len(cells):
        return spanning
    placed: list[Cell | None] = [None] * len(under)
    starts = starts[-len(cells) :]
    for cell, start, end in zip(cells, starts, [*starts[1:], len(under)], strict=True):
        for j in range(start, end):
            placed[j] = cell
    return placed


def _data_without_bar(line: str) -> bool:
    """A row without its opening bar that holds a number: a table's data, never its header
    (the header above it is written another way: one cell a line)."""
    return not line.lstrip().startswith("|") and any(ch.isdigit() for ch in _CI_LEVEL.sub("", line))


def _is_whole_bar_row(line: str) -> bool:
    """ "| a | b |", or "a | b | c | d |" (a page that left out each row's opening bar: four
    bars at least, as a row of three cells with both of its bars has)."""
    stripped = line.strip()
    return stripped.endswith("|") and stripped.count("|") >= (3 if stripped.startswith("|") else 4)


def _pipe_header(
    text: str, lines: list[Line], separator: int, used: list[bool]
) -> tuple[int, list[list[Cell | None]]]:
    """(first line, rows) of the header above a separator: up to three rows of bars, or one row
    whose cells wrap over several lines, each ending with a bar and none holding a whole row
    ("Variable | A (N = 431) |", "B (N = 430) |", "Hazard ratio (95% CI) |", "P |" over a
    five-column separator): its lines, from the separator up, until they hold as many cells."""
    width = _separator_width(lines[separator].text)
    fragments: list[list[Cell | None]] = []
    top = separator
    while top > 0 and not used[top - 1] and _is_header_fragment(lines[top - 1].text):
        line = lines[top - 1].text.strip()
        # (a lone bar is a cell with no text: the row labels' column, its header left empty)
        cells = [None] if line == "|" else _split(text, lines[top - 1], "|")
        whole_row = line.startswith("|") and line != "|"
        if whole_row or len(cells) >= width or sum(map(len, fragments)) >= width:
            break
        fragments.insert(0, cells)
        top -= 1
    if len(fragments) > 1 and sum(map(len, fragments)) == width:
        return top, [[c for cells in fragments for c in cells]]
    top = separator
    while (
        top > 0 and separator - top < 3 and not used[top - 1] and _is_bar_row(lines[top - 1].text)
    ):
        top -= 1
    return top, [_split(text, lines[j], "|") for j in range(top, separator)]


def _is_header_fragment(line: str) -> bool:
    """A line of a header wrapped over lines: cells ending with bars, or a lone bar."""
    return "|" in line and not _is_separator(line)


def _is_bar_row(line: str) -> bool:
    return "|" in line and line.strip() != "|" and not _is_separator(line)


def _separator_width(line: str) -> int:
    return len(line.strip().strip("|").split("|"))


def _pipe_body(
    text: str, lines: list[Line], first: int, width: int, used: list[bool]
) -> tuple[list[list[Cell | None]], int]:
    """The data rows after a separator, and the index of the table's last line. A line that does
    not start with a bar continues a row that has fewer cells than the header; a cell may wrap
    over lines (a line without a bar, or one not ending with a bar, runs on into the next line's
    first cell: "Sorafenib28,29" / "TARGET study |", "| Moore et al." / "(2004) |")."""
    rows: list[list[Cell | None]] = []
    last = first - 1
    complete = True
    open_from: int | None = None  # where a cell not yet closed by a bar began
    carried: Cell | None = None  # (that cell, when it is a row's last: kept if it runs on not)
    for j in range(first, len(lines)):
        line = lines[j]
        if used[j] or _is_separator(line.text):
            break
        if "|" not in line.text:
            if not _wraps_on(lines, j, used):
                break
            if open_from is None:
                open_from = line.start + len(line.text) - len(line.text.lstrip())
            continue
        cells = _split(text, line, "|")
        starts_row = line.text.lstrip().startswith("|")
        if open_from is not None and not starts_row:
            cells[0] = make_cell(text, open_from, line.start + line.text.index("|"))
        elif carried is not None:
            rows[-1].append(carried)
        carried, open_from = None, None
        if not complete and not starts_row:
            rows[-1].extend(cells)
        else:
            rows.append(cells)
        row = rows[-1]
        if (
            not line.text.rstrip().endswith("|")
            and row
            and row[-1] is not None
            and len(row) < width
        ):
            carried = row.pop()  # (a row short of cells: its last one runs on into the next line)
            open_from = carried.start
        complete = len(row) >= width or (starts_row and open_from is None)
        last = j
    if carried is not None:
        rows[-1].append(carried)
    return rows, last


def _wraps_on(lines: list[Line], j: int, used: list[bool]) -> bool:
    """Line j, without a bar, is part of a cell: short, and a line with a bar comes within the
    next three lines, none of them blank."""
    for k in range(j, min(j + 4, len(lines))):
        stripped = lines[k].text.strip()
        if used[k] or not stripped or len(stripped) > LONG_LINE:
            return False
        if "|" in stripped:
            return True
    return False


def _tab_tables(text: str, lines: list[Line], used: list[bool]):
    yield from _runs(text, lines, used, lambda s: "\t" in s.strip(" "), "\t", "tab", 2)


# a line between rows of a table that heads the rows below it ("1st line", "Second-line
# therapy", "KRAS wild type"): short, no sentence
_SECTION_LINE: Final = re.compile(r"\s*[\w(][^.;:|\t]{0,38}[\w)]\s*")


def _bridged(lines: list[Line], j: int, used: list[bool], is_row) -> int | None:
    """Past blank lines and one section line between rows of a table (a section line is kept as
    a row of one cell: a heading), the index of the next line of the run; None when the run
    ends at line j."""
    k, section = j, None
    while k < len(lines) and not used[k] and not is_row(lines[k].text):
        stripped = lines[k].text.strip()
        if stripped:
            if (
                section is not None
                or not _SECTION_LINE.fullmatch(stripped)
                or CAPTION.match(stripped)
            ):
                return None
            section = k
        k += 1
    if k >= len(lines) or used[k] or k == j:
        return None
    return section if section is not None else k


def _listed_header_tables(text: str, lines: list[Line], used: list[bool]):
    """Rows of bars under a header listed one cell per line, its cells parted by lines that are
    a lone bar ("Ref." / "|" / "Clinical trial" / "|" / ... then "Author | TRIAL | 2009 | ..."):
    three or more rows of three or more cells, the header as many cells as the widest row."""
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and not used[j] and lines[j].text.count("|") >= 2:
            j += 1
        if j - i < 3:
            i = max(j, i + 1)
            continue
        top, header = _listed_header(text, lines, i, used)
        rows = [_split(text, lines[x], "|") for x in range(i, j)]
        widest = max((len(trimmed(r)) for r in rows), default=0)
        if header and len(header) >= widest - 1 >= 2:
            table = from_rows([header], rows, _caption_above(text, lines, top, used), "pipe")
            if table is not None:
                yield table, top, j - 1
        i = max(j, i + 1)


def _listed_header(
    text: str, lines: list[Line], first: int, used: list[bool]
) -> tuple[int, list[Cell | None]]:
    """(first line, cells) of a header listed one cell per line right above line ``first``, each
    cell parted from the next by a line that is a lone bar (and the last one maybe followed by
    one); (first, []) when there is none."""
    cells: list[Cell | None] = []
    k = first - 1  # (its last cell, with or without a bar after it)
    if k >= 0 and lines[k].text.strip() == "|" and not used[k]:
        k -= 1
    top = first
    while k >= 0 and not used[k]:
        cell = lines[k].text.strip()
        if not cell or "|" in cell or CAPTION.match(lines[k].text):
            break
        cells.insert(0, make_cell(text, lines[k].start, lines[k].end))
        top = k
        if k < 1 or lines[k - 1].text.strip() != "|" or used[k - 1]:
            break
        k -= 2
    return (top, cells) if len(cells) >= 3 else (first, [])


def _runs(text, lines, used, is_row, sep: str, layout: str, least: int):
    """Tables of consecutive lines that each are a row (``is_row``): the first the header."""
    i = 0
    while i < len(lines):
        j, taken = i, []
        while j < len(lines) and not used[j]:
            if is_row(lines[j].text):
                taken.append(j)
                j += 1
            elif taken and (past := _bridged(lines, j, used, is_row)) is not None:
                # (blank lines and a section's line between rows, the header's and the first
                # row's too: "Study | Phase | ...", "", "1st line", "TRIAL-1 | III | ..."; a
                # section's line is kept as a heading row, and a row always follows it)
                if is_row(lines[past].text):
                    j = past
                else:
                    taken.append(past)
                    j = past + 1
            else:
                break
        j = taken[-1] + 1 if taken else i
        if len(taken) >= least:
            rows = [_split(text, lines[x], sep) for x in taken]
            if sum(1 for r in rows if sum(c is not None for c in r) >= 2) >= least:
                table = from_rows(rows[:1], rows[1:], _caption_above(text, lines, i, used), layout)
                if table is not None:
                    yield table, i, j - 1
        i = max(j, i + 1)
