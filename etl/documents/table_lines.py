"""Tables written one cell per line (etl.documents.tables finds them with the other layouts):

- ``cell_lines``: after a caption ("Table 1 ..."), one cell per line, header cells first, then
  the data cells row after row; the number of columns is inferred. A long line ends the table.
- ``bar_lines``: one cell per line, each ending with " |", a bare "|" an empty cell (a table
  flattened into an abstract or a label); a cell may run over two lines, its bar on the second.
  Rows of unequal width are read by their labels (etl.documents.label_rows).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from etl.documents.kinds import is_trial_heading
from etl.documents.label_rows import is_value, label_rows, labels_misplaced
from etl.documents.table_grid import GROUP_SIZE, cell_kind, infer_columns
from etl.documents.table_model import CAPTION, LONG_LINE, Cell, Line, Table, finish, make_cell
from etl.documents.table_spaced import corner_split, label_and_values
from etl.vocab.lexicon import drug_lexicon

_FROM_LINE: Final = re.compile(r"\s*From\s*:")
# (a footnote is a sentence: a bulleted row label, "• < 65 years", is short)
_FOOTNOTE_BULLET: Final = re.compile(r"[•▪◦●■‣]\s+\S.{39,}")
_BAR_LINE: Final = re.compile(r"[^|]*\|\s*")
_MIN_LINE_CELLS: Final = 6
# lines that hold a label and two values or more, joined with spaces, that make a table's rows
# so many lines (etl.documents.table_spaced.label_and_values)
_MIN_SPACED_ROWS: Final = 2


def bar_line_tables(text: str, lines: list[Line], used: list[bool]):
    i = 0
    while i < len(lines):
        if used[i] or not _BAR_LINE.fullmatch(lines[i].text):
            i += 1
            continue
        j, cells, bare = i, [], 0
        wrapped: int | None = None  # where a cell that runs over lines began
        while j < len(lines) and not used[j]:
            line = lines[j]
            if _BAR_LINE.fullmatch(line.text):
                bar = line.text.rindex("|")
                begin = line.start if wrapped is None else wrapped
                cells.append(make_cell(text, begin, line.start + bar))
                bare += cells[-1] is None
                wrapped = None
            elif _wraps_into_bar(lines, j, used):
                # (a cell's first line, its bar on the next: "FC" then "(N=296) |")
                wrapped = line.start if wrapped is None else wrapped
            elif line.text.strip():
                break
            j += 1
        last = j - 1
        while last > i and not lines[last].text.strip():
            last -= 1
        if len(cells) >= _MIN_LINE_CELLS and bare >= 2:
            found = _from_cells(cells, None, "bar_lines", skip_allowed=False)
            if (found is None or _misread(found)) and (read := label_rows(cells)) is not None:
                # (rows of unequal width: read by their labels)
                found = finish([read[0]], read[1], None, "bar_lines")
            if found is not None:
                yield found, i, last
        i = j


def cell_line_tables(text: str, lines: list[Line], used: list[bool]):
    i = 0
    while i < len(lines):
        captioned = not used[i] and CAPTION.match(lines[i].text) is not None
        if used[i] or not (captioned or _opens_sized_header(text, lines, i, used)):
            i += 1
            continue
        # (a table without a "Table N" caption starts at its header's first line)
        caption = make_cell(text, lines[i].start, lines[i].end) if captioned else None
        j, cells = (i + 1 if captioned else i), []
        while j < len(lines) and not used[j]:
            line = lines[j].text
            stripped = line.strip()
            if len(stripped) > LONG_LINE or "|" in line or "\t" in line or CAPTION.match(line):
                break
            if cells and _FOOTNOTE_BULLET.match(stripped):
                break  # (the table's footnotes, bulleted below it: "• aMedian follow-up: ...")
            if stripped and not (not cells and _FROM_LINE.match(line)):
                cells.append(make_cell(text, lines[j].start, lines[j].end))
            j += 1
        if _trials_in_blocks(cells):
            pass  # (no grid: each trial's cells are read as its record's lines)
        elif (spaced := _spaced_rows(text, cells)) is not None and (
            read := label_rows(spaced[1])
        ) is not None:
            # (each row's label and values on a line, joined with spaces: read by the labels;
            # the title's lines above the corner are the caption's)
            if spaced[0] is not None and caption is not None:
                caption = make_cell(text, caption.start, spaced[0].end)
            caption, header = named_from_caption(text, caption, read[0])
            found = finish([header], read[1], caption, "cell_lines")
            yield found, i, _line_of(lines, found.end, i)
        elif len(cells) >= _MIN_LINE_CELLS:
            # (groups whose sizes stand on lines of their own: no grid counts those lines as
            # cells; the rows are read by their labels, as a label's table of results is)
            sized = _sizes_joined(text, cells)
            found = (
                None
                if len(sized) < len(cells)
                else _from_cells(cells, caption, "cell_lines", skip_allowed=True)
            )
            if (found is None or _misread(found)) and (read := label_rows(sized)) is not None:
                # (rows of unequal width, as a label's table of results: read by their labels)
                found = finish([read[0]], read[1], caption, "cell_lines")
            elif found is None:
                found = _from_cells(cells, caption, "cell_lines", skip_allowed=True)
            if found is not None:
                yield found, i, _line_of(lines, found.end, i)
        i = j if j > i + 1 else i + 1


# a cell that states results in words, as a sentence does: "median PFS 56.8 m (A) vs. 32.9 m (B),
# HR 0.59 (95% CI 0.50-0.69)" (not a value cell: "56.8 (50.1-61.0)")
_PROSE_RESULT: Final = re.compile(
    r"\d\s*(?:%|m\b|mo\b|months?\b)|\b(?:HR|OR)\b|hazard ratio", re.IGNORECASE
)
_PROSE_WORDS: Final = 4


def _trials_in_blocks(cells: list[Cell | None]) -> bool:
    """Cells that no grid holds: a review's table copied a cell a line where each trial's name
    heads a block of cells of its own width ("CLL10 [18, 21]", its design, its groups, then its
    results in words, "median PFS 42.3 m (A) vs. 57.6 m (B), HR 1.59 ..."): two trials' names
    alone on their lines, and at least as many cells of results in words
    (etl.documents.records reads each block as a record of lines, its name the title)."""
    texts = [c.text for c in cells if c is not None]
    headings = sum(is_trial_heading(t) for t in texts)
    prose = sum(
        cell_kind(t) == "text"
        and len(t.split()) >= _PROSE_WORDS
        and _PROSE_RESULT.search(t) is not None
        for t in texts
    )
    return headings >= 2 and prose >= headings


# how far below a header's first line the first group's size may stand ("Efficacy endpoints
# Drug A", "B-cell lymphoma", "(n = 75)")
_SIZE_WITHIN: Final = 3


def _opens_sized_header(text: str, lines: list[Line], i: int, used: list[bool]) -> bool:
    """Line i opens a header without a caption above it, as a drug label's page copies a table:
    the corner's words and the first group's name ("Efficacy endpoints Drug A"), the group's
    size alone on a line a few lines below ("(n = 75)")."""
    cell = make_cell(text, lines[i].start, lines[i].end)
    if cell is None or len(cell.text) > LONG_LINE or corner_split(text, cell) is None:
        return False
    below = [k for k in range(i + 1, min(len(lines), i + 1 + _SIZE_WITHIN)) if not used[k]]
    return any(GROUP_SIZE.fullmatch(lines[k].text.strip()) for k in below)


def _spaced_rows(
    text: str, cells: list[Cell | None]
) -> tuple[Cell | None, list[Cell | None]] | None:
    """The cells of a table whose rows a page wrote a line each, a row's label and values
    joined with spaces under a header of the groups, each with its size ("Efficacy endpoint
    Drug A", "(n=432)", "Drug B", "(n=429)", "Median PFS (months) (95% CI) 15.1 (12.6 to 17.7)
    11.0 (8.7 to 12.5)"): each such line cut into its label and its values, each group's size
    joined to its name, the corner's words cut from the first group's (the lines above the
    corner are the table's title). Returns (the title's last cell or None, the cells); None
    when fewer than two lines hold a label and two values, or the header sizes no group."""
    split = [label_and_values(text, c) if c is not None else None for c in cells]
    if sum(parts is not None and len(parts) >= 3 for parts in split) < _MIN_SPACED_ROWS and (
        _first_value_rows(split, cells) < _MIN_SPACED_ROWS
    ):
        return None
    out: list[Cell | None] = []
    for cell, parts in zip(cells, split, strict=True):
        out.extend(parts if parts is not None else [cell])
    out = _intervals_joined(text, _sizes_joined(text, _names_joined(text, out)))
    out = _label_brackets_joined(text, out)
    first = next(
        (k for k, c in enumerate(out) if c is not None and GROUP_SIZE.search(c.text)), None
    )
    if first is None:
        return None
    title = None
    if (corner := corner_split(text, out[first])) is not None:
        title = next((c for c in reversed(out[:first]) if c is not None), None)
        out = [*corner, *out[first + 1 :]]
    return title, out


def _first_value_rows(split: list[list[Cell] | None], cells: list[Cell | None]) -> int:
    """How many lines hold a label and one value with the next line a value alone: a drug
    label's table copied a cell a line, each row's label joined to its first group's value
    ("Number of Events (%) 117 (55%)", then "77 (71%)")."""
    return sum(
        parts is not None
        and len(parts) == 2
        and k + 1 < len(cells)
        and (after := cells[k + 1]) is not None
        and cell_kind(after.text) == "num"
        for k, parts in enumerate(split)
    )


def named_from_caption(
    text: str, caption: Cell | None, header: list[Cell | None]
) -> tuple[Cell | None, list[Cell | None]]:
    """A header whose first group is its size alone ("N = 214", then "Chemotherapy N = 108") whose
    name the caption's line ends with, as a page copies a table's caption and first header cell
    on one line ("... Response Results Mekinist"): the name cut from the caption, joined to its
    size. (caption, header) unchanged otherwise."""
    first = next((k for k, c in enumerate(header) if c is not None), None)
    if caption is None or first is None or not GROUP_SIZE.fullmatch(header[first].text):
        return caption, header
    m = _LAST_NAME.search(caption.text)
    # (a drug's name, as the first group's of a drug label's table: not "... Efficacy Results")
    if m is None or not drug_lexicon().get(m.group("name").lower()):
        return caption, header
    at = caption.start + m.start("name")
    named = make_cell(text, at, header[first].end)
    return make_cell(text, caption.start, at), [*header[:first], named, *header[first + 1 :]]


_LAST_NAME: Final = re.compile(r"\s(?P<name>[A-Z][A-Za-z0-9-]{2,})\s*$")


_NAME_LINE: Final = 40  # (the longest line of a group's name wrapped in a header)


def _names_joined(text: str, cells: list[Cell | None]) -> list[Cell | None]:
    """A group's name a header wrapped over lines above its size, joined into one cell with the
    line before the size ("Locally advanced", "CSCC", then "(n = 33)"): the short lines of words
    after the previous group's size; the first group's from the line that opens with the
    corner's words ("Efficacy endpoints Metastatic", "CSCC", "(n = 75)"), when one does."""
    sizes = [k for k, c in enumerate(cells) if c is not None and GROUP_SIZE.fullmatch(c.text)]
    if len(sizes) < 2:
        return cells
    out = list(cells)
    previous = -1
    for n, k in enumerate(sizes):
        first = k - 1
        while first - 1 > previous and _name_line(out[first - 1]):
            first -= 1
        if n == 0:  # (from the corner's line only: the lines above it are the title's)
            first = next(
                (f for f in range(first, k) if corner_split(text, out[f]) is not None),
                k - 1,  # type: ignore[arg-type]
            )
        if 0 <= first < k - 1 and all(_name_line(c) for c in out[first : k - 1]):
            start, end = out[first].start, out[k - 1].end  # type: ignore[union-attr]
            out[first : k - 1] = [None] * (k - 1 - first)
            out[k - 1] = make_cell(text, start, end)
        previous = k
    return [c for c in out if c is not None] if any(c is None for c in out) else out


def _name_line(cell: Cell | None) -> bool:
    return (
        cell is not None
        and len(cell.text) <= _NAME_LINE
        and cell_kind(cell.text) in ("text", "trial")
    )


_INTERVAL_CELL: Final = re.compile(r"[(\[]\s*-?\d[\d.]*\s*(?:,|to|[-\u2013])\s*-?\d[\d.]*\s*[)\]]")


def _intervals_joined(text: str, cells: list[Cell | None]) -> list[Cell | None]:
    """A value's interval on the line after it joins it: "46.7" then "(35.1, 58.6)" is one cell
    (a row of three groups' values so written is three cells, not six)."""
    return _joined_to_previous(
        text,
        cells,
        lambda before, cell: (
            _INTERVAL_CELL.fullmatch(cell.text) is not None
            and cell_kind(before.text) == "num"
            and _INTERVAL_CELL.search(before.text) is None
        ),
    )


_BRACKET_LABEL: Final = re.compile(r"[(\[][^()\[\]]*[)\]]")


def _label_brackets_joined(text: str, cells: list[Cell | None]) -> list[Cell | None]:
    """A row's label wrapped before its bracket ("Objective response rate, %", then "(95% CI,
    %)", then the values): the bracket joins the label's line."""
    return _joined_to_previous(
        text,
        cells,
        lambda before, cell: (
            _BRACKET_LABEL.fullmatch(cell.text) is not None
            and not is_value(cell)
            and not is_value(before)
            and GROUP_SIZE.fullmatch(cell.text) is None
        ),
    )


def _joined_to_previous(
    text: str, cells: list[Cell | None], joins: Callable[[Cell, Cell], bool]
) -> list[Cell | None]:
    """``cells`` with each cell that ``joins`` the one before it (both filled) made one cell with
    it, from the first's start to the second's end."""
    out: list[Cell | None] = []
    for cell in cells:
        before = out[-1] if out else None
        if cell is not None and before is not None and joins(before, cell):
            out[-1] = make_cell(text, before.start, cell.end)
        else:
            out.append(cell)
    return out


def _sizes_joined(text: str, cells: list[Cell | None]) -> list[Cell | None]:
    """A group's size on a line of its own joins the group's name on the line before:
    "A+B" then "(N= 117)" is one header cell "A+B\n(N= 117)"."""
    return _joined_to_previous(
        text, cells, lambda _, cell: GROUP_SIZE.fullmatch(cell.text) is not None
    )


def _misread(table: Table) -> bool:
    """A grid whose rows were cut at a fixed width where they are not as wide: row labels
    among the values."""
    return labels_misplaced([list(r) for r in table.rows], 0 if table.row_headers else 1)


def _wraps_into_bar(lines: list[Line], j: int, used: list[bool]) -> bool:
    """Line j, without a bar, is the first part of a cell: short, and the next line ends with
    one."""
    line = lines[j].text.strip()
    return (
        0 < len(line) <= 60
        and j + 1 < len(lines)
        and not used[j + 1]
        and _BAR_LINE.fullmatch(lines[j + 1].text) is not None
        and lines[j + 1].text.strip() != "|"
    )


def _line_of(lines: list[Line], offset: int, first: int) -> int:
    for k in range(first, len(lines)):
        if lines[k].start <= offset <= lines[k].end:
            return k
    return len(lines) - 1


def _from_cells(
    cells: list[Cell | None], caption: Cell | None, layout: str, skip_allowed: bool
) -> Table | None:
    kinds = [cell_kind(c.text if c else None) for c in cells]
    shape = infer_columns(kinds, max_skip=2 if skip_allowed else 0)
    if shape is None:
        return None
    skip, k = shape
    cells = cells[skip:]
    n_rows = (len(cells) - k) // k
    header = [list(cells[:k])]
    body = [list(cells[(r + 1) * k : (r + 2) * k]) for r in range(n_rows)]
    return finish(header, body, caption, layout)
