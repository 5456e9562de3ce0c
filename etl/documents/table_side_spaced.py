"""Tables of a few trials side by side whose cells a page joined with single spaces (a review's
table copied as text), one row a line: after a caption, a header line whose label is followed by
the trials' names, each maybe with its reference number ("Study name and reference ORION-7 (19)
ZENITH-12 (21) AURORA 3 (20)"), then rows whose label is followed by one cell per trial, each a
value or a pair of the trial's groups' values ("Median PFS (months) 14.7 vs. 3.7 Not reached vs.
6.2 na", "Any grade CRS/NE (%) 92%/60% 49%/11% 61%/10%").

No cell boundary is left: a row is read where its words end in exactly as many cells as the
header names trials, each a number with its unit or a placeholder, alone or paired by "vs." or a
slash, with the bracket that follows it; a line that ends otherwise (a row of words: "Bridging
therapy allowed Steroids only One cycle of ...") is no row of numbers and is left out. The grid
made is etl.documents.table_model's, one trial a column, which etl.documents.table_transposed
turns one trial a row.
"""

from __future__ import annotations

import re
from typing import Final

from etl.documents.table_grid import is_trial_name
from etl.documents.table_model import (
    LONG_LINE,
    Cell,
    Line,
    Table,
    after_captions,
    finish,
    make_cell,
)
from etl.extract.numbers import NUM

# a trial's name, then maybe its reference's number in brackets: "ZUMA-7 (19)", "AURORA 3 (20)"
_NAMED: Final = re.compile(
    r"(?P<name>[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*(?:[- ]\d{1,4}[A-Za-z]{0,2}\b)?(?:-[A-Za-z0-9]+)*)"
    r"(?:\s*\(\d{1,3}\))?"
)
# one value: a number with its unit or sign, or a placeholder
_ITEM: Final = (
    rf"(?:{NUM}\s*(?:%|months?|mo|days?|weeks?|years?)?|[Nn]ot\s+reached|NR|NE|[Nn]/?[Aa]|[-–—])"
)
# one cell: a value, or two paired ("14.7 vs. 3.7", "92%/60%"), with the bracket after it
_CELL: Final = rf"(?:{_ITEM}(?:\s*(?:vs\.?|versus|/)\s*{_ITEM})?(?:\s*\([^()]*\))?)"
# how far below its caption a table's header may stand (the caption's own lines between)
_HEADER_WITHIN: Final = 6
_TREATMENT_WORD: Final = r"(?:arms?|groups?|treatments?|regimens?|interventions?)"
_MIN_ROWS: Final = 2
# rows of words in a row that a table may hold between its rows of numbers ("Bridging therapy
# allowed ...", "Crossover to CAR ..."); more, and the lines are prose after the table
_MAX_WORD_ROWS: Final = 3


def side_spaced_tables(text: str, lines: list[Line], used: list[bool]):
    yield from after_captions(text, lines, used, _read)


def _read(text: str, lines: list[Line], caption: int, used: list[bool]) -> tuple[Table, int] | None:
    for h in range(caption + 1, min(len(lines), caption + 1 + _HEADER_WITHIN)):
        if used[h]:
            return None
        names = _trial_names(text, lines[h])
        if names is not None:
            return _rows(text, lines, caption, h, names, used)
    return None


def _trial_names(text: str, line: Line) -> list[Cell | None] | None:
    """The header's label cell and its trials' names, when the line ends with two names or more
    (only spaces between them) after a label; else None."""
    run: list[re.Match[str]] = []
    end = len(line.text.rstrip())
    for m in reversed(list(_NAMED.finditer(line.text))):
        if m.end() != end or not is_trial_name(m.group("name")):
            break
        run.insert(0, m)
        end = len(line.text[: m.start()].rstrip())
    if len(run) < 2 or end == 0:
        return None
    label = make_cell(text, line.start, line.start + end)
    return [label, *(make_cell(text, line.start + m.start(), line.start + m.end()) for m in run)]


def _rows(
    text: str, lines: list[Line], caption: int, h: int, header: list[Cell | None], used: list[bool]
) -> tuple[Table, int] | None:
    n = len(header) - 1
    # (the spaces between cells taken whole: a line that is no row fails without trying every
    # split of its spaces)
    row = re.compile(
        r"(?P<label>\S.*?)\s+" + r"\s++".join(f"(?P<c{k}>{_CELL})" for k in range(n)) + r"\s*+"
    )
    # (or a row of treatments, one word each, under a label that says so: "CD19-CAR T-cell in
    # experimental arm Axi-cel Liso-cel Tisa-cel")
    treatments = re.compile(
        rf"(?P<label>\S.*?\b{_TREATMENT_WORD})\s+"
        + r"\s+".join(f"(?P<c{k}>[A-Za-z][\\w+/-]*)" for k in range(n))
        + r"\s*",
        re.IGNORECASE,
    )
    body: list[list[Cell | None]] = []
    last, missed = h, 0
    for j in range(h + 1, len(lines)):
        line = lines[j]
        if used[j] or missed > _MAX_WORD_ROWS:
            break
        if not line.text.strip():
            if body:
                break
            continue
        # (a row of words may be long; prose is, and ends in no cells: left out either way)
        m = (
            row.fullmatch(line.text.rstrip()) or treatments.fullmatch(line.text.rstrip())
            if len(line.text) <= 2 * LONG_LINE
            else None
        )
        if m is None or not any(ch.isalpha() for ch in m.group("label")):
            missed += 1  # (a row of words, or a line that is no row: left out; prose ends it)
            continue
        missed = 0
        cells = [
            make_cell(text, line.start + m.start(g), line.start + m.end(g))
            for g in ("label", *(f"c{k}" for k in range(n)))
        ]
        body.append(cells)
        last = j
    if len(body) < _MIN_ROWS:
        return None
    # (the caption: its line and those under it, to the header: "Table 1.", "Summary of ...")
    caption_cell = make_cell(text, lines[caption].start, lines[h - 1].end)
    table = finish([header], body, caption_cell, "spaced")
    return (table, last) if table is not None else None
