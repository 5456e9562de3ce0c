"""Tables whose cells stand one a line and whose rows each hold several groups (a journal's table
page copied as text, the lines of each multi-line cell kept): after a caption, the header's names
over one line or several ("Trial name Published / year / No. of / patients / ... / Treatment groups
Response / rate (%) / MST / (months) / P-value"), then for each study

- a line opening with its name, then its other label cells and its first group ("ORION-7 (12)
  2019 704 1st Drug A"),
- its other groups, one a line (a name wrapped over lines is joined: a line that opens with "+"
  or a bracket, or follows one that ends with "+"),
- its results column by column, one line per group under each result column the header names
  ("Response rate (%)": k lines, then "MST (months)": k lines),
- its p-values, one a line, each maybe followed by a bracketed remark naming the groups it
  compares ("(A vs. B)").

A study is read only when its lines of numbers are as many as its groups times the header's
result columns, plus p-values (numbers up to 1) after them; a table only when two studies are.
The grid made (etl.documents.table_model's) has a row per group: the study's name and size in its
first, then the group and its results; a p-value stands in the row of the group its remark names
first, else of the last group that is not a control's (a table of this kind lists the reference
first), with the number it follows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from etl.documents.table_grid import is_trial_name
from etl.documents.table_model import (
    CAPTION,
    LONG_LINE,
    Cell,
    Line,
    Table,
    after_captions,
    finish,
    make_cell,
)
from etl.documents.table_wrapped import columns_named, is_title
from etl.extract.numbers import NUM

# a line of a value alone: a number (a footnote mark may follow), or a placeholder
_VALUE_LINE: Final = re.compile(
    rf"\s*(?:[<>≤≥=]\s*)?{NUM}\s*[*†‡§¶+]*\s*%?\s*|\s*(?:NR|NE|NA|N/A|[-–—])\s*"
)
_P_LINE: Final = re.compile(rf"\s*(?:[<>≤≥=]\s*)?(?P<num>{NUM})\s*[*†‡§¶+]*\s*")
_REMARK_LINE: Final = re.compile(r"\s*\([^()]*\)\s*")
# the label cells of a study's first line before its first group: its reference, year, size,
# line of treatment ("(58) 2009 704 1st", "≥3rd")
_LABEL_TOKEN: Final = re.compile(r"[≥≤<>]?\(?\[?\d[\d,]*\]?\)?(?:st|nd|rd|th)?|\((?:\d+[,-]?)+\)")
_YEAR: Final = re.compile(r"(?:19|20)\d{2}")
_SIZE: Final = re.compile(r"\d[\d,]*")
_NAME_END: Final = re.compile(r"\s+(?=\(|\d|[≥≤<>]\d)")
# a group's name continued on the next line
_CONTINUES: Final = re.compile(r"\s*(?:[+(/&]|and\b|with\b)")
_HEADER_TRIAL: Final = re.compile(r"\b(?:trial(?:\s+name)?|stud(?:y|ies)|acronym)\b", re.I)
_HEADER_SIZE: Final = re.compile(r"\bNo\.\s+of\s+patients\b|\bpatients\b|\bN\b", re.I)
# (over the groups: "Treatment groups" before a "Line of treatment" that opens earlier)
_HEADER_GROUPS: Final = re.compile(
    r"\b(?:treatment\s+(?:groups?|arms?)|regimens?|arms?|groups?|interventions?)\b", re.I
)
_HEADER_TREATMENT: Final = re.compile(r"\btreatments?\b", re.I)
_CONTROL: Final = re.compile(r"\b(?:placebo|observation|best\s+supportive\s+care|BSC)\b", re.I)
_MIN_STUDIES: Final = 2


@dataclass(frozen=True)
class _Study:
    name: Cell
    size: Cell | None
    groups: tuple[Cell, ...]
    values: tuple[Line, ...]  # k per result column, column by column
    p_values: tuple[tuple[Line, Line | None], ...]  # each with its remark


def stacked_tables(text: str, lines: list[Line], used: list[bool]):
    """Each table of stacked groups after a caption, as (table, first line, last line)."""
    yield from after_captions(text, lines, used, _read)


def _read(text: str, lines: list[Line], caption: int, used: list[bool]) -> tuple[Table, int] | None:
    k = caption + 1
    while k < len(lines) and not lines[k].text.strip():
        k += 1
    if len(lines[caption].text.strip()) <= 12 and k < len(lines) and is_title(lines[k].text):
        k += 1  # ("Table 5." alone: its title may come next)
    while k < len(lines) and not lines[k].text.strip():
        k += 1
    end = _end(lines, k, used)
    starts = [j for j in range(k, end) if _opens_study(lines[j].text)]
    if len(starts) < _MIN_STUDIES or starts[0] == k:
        return None
    first, last_line = lines[k], lines[starts[0] - 1]
    # (the header's lines as one: a name wrapped over lines keeps its offsets, "\n" read as " ")
    header = Line(first.start, last_line.end, text[first.start : last_line.end].replace("\n", " "))
    columns = columns_named([header])
    results = sum(c.kind != "p" for c in columns)
    if results == 0:
        return None
    studies = []
    for a, b in zip(starts, [*starts[1:], end], strict=True):
        study = _study(text, lines[a:b], results)
        if study is not None:
            studies.append(study)
    if len(studies) < _MIN_STUDIES:
        return None
    head_text = header.text[: columns[0].start - header.start]
    head: list[Cell | None] = [
        _header_word(text, header.start, head_text, _HEADER_TRIAL),
        _header_word(text, header.start, head_text, _HEADER_SIZE),
        _header_word(text, header.start, head_text, _HEADER_GROUPS)
        or _header_word(text, header.start, head_text, _HEADER_TREATMENT),
        *(make_cell(text, c.start, c.end) for c in columns),
    ]
    body = [row for study in studies for row in _rows(study, columns)]
    caption_cell = make_cell(text, lines[caption].start, lines[caption].end)
    table = finish([head], body, caption_cell, "stacked")
    return (table, end - 1) if table is not None else None


def _end(lines: list[Line], k: int, used: list[bool]) -> int:
    """The line after the table's last: a blank line after values, a long line, a caption."""
    seen_value = False
    while k < len(lines) and not used[k]:
        stripped = lines[k].text.strip()
        if len(stripped) > LONG_LINE or (CAPTION.match(lines[k].text) and seen_value):
            break
        if not stripped:
            if seen_value:
                break
        elif _VALUE_LINE.fullmatch(lines[k].text):
            seen_value = True
        k += 1
    return k


def _opens_study(line: str) -> bool:
    """A study's first line: a trial's name, then label cells with a number ("ORION-7 (12) 2019
    704 1st Drug A")."""
    name = _NAME_END.split(line.strip(), maxsplit=1)
    return (
        len(name) == 2
        and is_trial_name(name[0])
        and any(_LABEL_TOKEN.fullmatch(t) for t in name[1].split()[:3])
    )


def _study(text: str, block: list[Line], results: int) -> _Study | None:
    head = block[0]
    stripped = head.text.strip()
    left = head.start + len(head.text) - len(head.text.lstrip())
    name_part = _NAME_END.split(stripped, maxsplit=1)[0]
    name = Cell(name_part, left, left + len(name_part))
    # past the label cells: the first group
    pos, size = left + len(name_part), None
    after = pos
    for m in re.finditer(r"\S+", text[pos : head.end]):
        token = m.group()
        if not _LABEL_TOKEN.fullmatch(token):
            break
        if _SIZE.fullmatch(token) and not _YEAR.fullmatch(token) and size is None:
            size = Cell(token, pos + m.start(), pos + m.end())
        after = pos + m.end()
    groups: list[tuple[int, int]] = []
    first_group = make_cell(text, after, head.end)
    if first_group is not None:
        groups.append((first_group.start, first_group.end))
    j = 1
    while j < len(block) and not _VALUE_LINE.fullmatch(block[j].text):
        line = block[j]
        if not line.text.strip():
            return None
        joins = groups and (
            _CONTINUES.match(line.text) or text[groups[-1][0] : groups[-1][1]].endswith("+")
        )
        if joins:
            groups[-1] = (groups[-1][0], line.end)
        elif _REMARK_LINE.fullmatch(line.text) and not groups:
            pass  # (a remark on the study's label cells: "(HER2-positive)")
        else:
            groups.append((line.start, line.end))
        j += 1
    cells = [c for s, e in groups if (c := make_cell(text, s, e)) is not None]
    values = [line for line in block[j:] if _VALUE_LINE.fullmatch(line.text)]
    wanted = len(cells) * results
    if len(cells) < 2 or len(values) < wanted:
        return None
    rest = block[j:]
    # past the values: the p-values, each with the remark after it
    taken, p_values = 0, []
    for i, line in enumerate(rest):
        if _VALUE_LINE.fullmatch(line.text):
            taken += 1
            if taken <= wanted:
                continue
            p = _P_LINE.fullmatch(line.text)
            if p is None or float(p.group("num").replace("·", ".")) > 1:
                return None
            after_line = rest[i + 1] if i + 1 < len(rest) else None
            remark = (
                after_line
                if after_line is not None and _REMARK_LINE.fullmatch(after_line.text)
                else None
            )
            p_values.append((line, remark))
        elif not _REMARK_LINE.fullmatch(line.text) and line.text.strip():
            return None  # (a line of words among the values: no study of this shape)
    return _Study(name, size, tuple(cells), tuple(values[:wanted]), tuple(p_values))


def _rows(study: _Study, columns) -> list[list[Cell | None]]:
    k = len(study.groups)
    result_columns = [i for i, c in enumerate(columns) if c.kind != "p"]
    p_columns = [i for i, c in enumerate(columns) if c.kind == "p"]
    rows: list[list[Cell | None]] = []
    for g, group in enumerate(study.groups):
        cells: list[Cell | None] = [None] * len(columns)
        for r, column in enumerate(result_columns):
            line = study.values[r * k + g]
            cells[column] = Cell(line.text.strip(), *_stripped_span(line))
        first = g == 0
        rows.append([study.name if first else None, study.size if first else None, group, *cells])
    for n, (line, remark) in enumerate(study.p_values):
        if not p_columns:
            break
        column = p_columns[min(n, len(p_columns) - 1)]
        g = _group_of(study, remark)
        rows[g][3 + column] = Cell(line.text.strip(), *_stripped_span(line))
    return rows


def _group_of(study: _Study, remark: Line | None) -> int:
    """The group a p-value is of: the first its remark names, else the last not a control's."""
    if remark is not None:
        said = " ".join(remark.text.split()).lower()
        names = [" ".join(g.text.split()).lower() for g in study.groups]
        # (the first named, the longest name there: "A + B vs. C" is A + B's, not A's)
        named = [(said.find(n), -len(n), i) for i, n in enumerate(names) if n in said]
        if named:
            return min(named)[2]
    for i in range(len(study.groups) - 1, -1, -1):
        if not _CONTROL.search(study.groups[i].text):
            return i
    return len(study.groups) - 1


def _stripped_span(line: Line) -> tuple[int, int]:
    left = line.start + len(line.text) - len(line.text.lstrip())
    return left, left + len(line.text.strip())


def _header_word(text: str, origin: int, head: str, pattern: re.Pattern[str]) -> Cell | None:
    m = pattern.search(head)
    return make_cell(text, origin + m.start(), origin + m.end()) if m else None
