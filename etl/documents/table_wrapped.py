"""Tables whose cells a page wrapped over lines (a journal's table page copied as text): after a
caption, a header whose cells run together on a line ("Median PFS (months) HR PFS (95% CI)
Median OS (months)") or stand one a line, then each row as the lines of its labels (the study,
its treatments, its sizes), each cell on a line or several, followed by its results ("5.7 vs.
5.8", "HR 0.75 (0.65 to 0.85)"), one a line or several to a line.

No grid can be cut from such a table by counting cells. Its rows are read by their results
instead: the header's result columns are found by their names, in order ("Median ... (months)",
"HR ... (95% CI)", "ORR (%)"); a row's results, in order, fill the columns of their kind (groups
compared under a median or a rate, an estimate with its interval under a ratio), and a row whose
results do not fit the columns so is not read (a block of subgroup results under a trial's row).
A row's label lines give its study (the line naming a trial) and its groups (the lines naming a
treatment, the first the experimental group, the next the control, under the header's
"Intervention" / "Control" when it names them). The grid made is etl.documents.table_model's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Final

from etl.documents.table_grid import is_trial_name, names_study
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
from etl.extract.numbers import DASH, NUM
from etl.vocab.agents import UNKNOWN_DRUG, synonym_index
from etl.vocab.lexicon import drug_lexicon

# ---- results in a row ------------------------------------------------------------------------

# a number as a result: a percentage, a time, or where none was reached
_VALUE = (
    rf"(?:{NUM}\s*%?|NR|NE|NA|not\s+reached)"
    r"(?:\s*(?:months?|mo|weeks?|wks?)\b\.?)?(?:\s*[(\[][^()\[\]\n]{1,40}[)\]])?"
)
_VERSUS = r"\s*(?:\bvs\b\.?|\bversus\b|\bv\.)\s*"
# groups compared: "18.6 vs. 17.3", "43% vs. 32.2%", "12.8 versus 9.0 (A) versus 5.6 (B)"
_COMPARED = rf"(?<![\w.]){_VALUE}(?:{_VERSUS}{_VALUE})+"
# an estimate with its interval: "HR 0.91 (0.76 to 1.10)", "0.44 (0.35–0.55)"; without a ratio's
# name the estimate has decimals (not "2009 [30,31]", not an age "62 (45–78)")
_BOUNDS = rf"\s*[(\[]\s*{NUM}\s*(?:{DASH}|to|,)\s*{NUM}\s*[)\]]"
_RATIO = (
    rf"\b(?:a?HR|OR|RR)\b\s*[:=]?\s*(?P<named>{NUM}{_BOUNDS})"
    rf"|(?<![\w.])\d*[.·]\d+\s*[(\[]\s*{NUM}\s*(?:{DASH}|to)\s*{NUM}\s*[)\]]"
)
_RESULT: Final = re.compile(rf"(?P<cmp>{_COMPARED})|(?P<ratio>{_RATIO})", re.IGNORECASE)
# a line holding a placeholder alone: a result not given ("NR", "–", "NA")
_GAP_LINE: Final = re.compile(r"\s*(?:NR|NE|NA|N/A|n\.?a\.?|not reported|[-–—])\s*[*†‡§]?\s*")
# a line of numbers alone (a size, a p-value): neither a label nor a result
_NUMBER_LINE: Final = re.compile(rf"\s*[<>≤≥=]?\s*{NUM}\s*[*†‡§%]?\s*")

# ---- the header's result columns -------------------------------------------------------------

# what opens the name of a result column: a statistic, a ratio, a response, an endpoint
_OPENS: Final = re.compile(
    r"\b(?:(?i:median|mean|hazard\s+ratio|odds\s+ratio|(?:overall\s+|objective\s+)?response"
    r"\s+rates?|disease\s+control\s+rates?|overall\s+survival|progression[- ]free\s+survival"
    r"|(?:\d+|one|two|three|five)[- ](?:years?|yr|months?|mo)\b)"
    r"|HR|OR|RR|ORR|DCR|CBR|MST|m?OS|m?PFS|m?DFS|m?EFS|RFS|MFS|m?TTP|m?DOR|pCR)\b"
)
# the endpoint named after a statistic, inside one column's name ("Median PFS", "HR OS")
_ENDPOINT_AFTER: Final = re.compile(
    r"(?i:overall\s+survival|progression[- ]free\s+survival|response|survival)"
    r"|\b(?:OS|PFS|DFS|EFS|RFS|MFS|TTP|ORR)\b"
)
_RATIO_NAME: Final = re.compile(r"\b(?:HR|OR|RR)\b|(?i:hazard\s+ratio|odds\s+ratio)")
_P_NAME: Final = re.compile(r"(?<!\w)p(?:\s*[- ]?values?)?(?!\w)", re.IGNORECASE)
_STATISTIC: Final = re.compile(r"(?i:median|mean|\d+[- ](?:years?|yr|months?|mo))|HR|OR|RR")

# the header's words over a row's groups
_EXPERIMENTAL_WORDS: Final = re.compile(
    r"\b(?:study\s+drugs?|interventions?|experimental(?:\s+arm)?|investigational(?:\s+arm)?"
    r"|treatment\s+arm)\b",
    re.IGNORECASE,
)
_CONTROL_WORDS: Final = re.compile(r"\b(?:control(?:\s+arm)?|comparators?)\b", re.IGNORECASE)
_TRIAL_WORDS: Final = re.compile(r"\b(?:trial(?:\s+name)?|stud(?:y|ies)|acronym)\b", re.I)

# a treatment line: its treatment, before a size or a remark ("Placebo 903 F: 51" → "Placebo")
_TREATMENT_PART: Final = re.compile(r"[^\d:;(\[]*[^\s\d:;(\[]")
_FIRST_WORD: Final = re.compile(r"[A-Za-z][A-Za-z'-]*(?:-\d+)?")
_CONTROL_TREATMENT: Final = re.compile(
    r"(?i:placebo|observation|best\s+supportive\s+care|BSC|standard\s+(?:of\s+care|therapy)"
    r"|chemotherapy|physician'?s?\s+choice)\b"
)

_MIN_COLUMNS: Final = 2  # result columns a header names at least
_MIN_ROWS: Final = 2  # rows read at least
_LONGEST_RESULT_LINE: Final = 3 * LONG_LINE  # a line of results longer than this is prose


@dataclass(frozen=True)
class _Column:
    start: int  # the column's name in the document
    end: int
    kind: str  # "cmp" (groups compared: a median, a rate), "ratio" or "p"


@dataclass(frozen=True)
class _Row:
    labels: tuple[Line, ...]  # its label lines
    results: tuple[tuple[str, int, int], ...]  # (kind, start, end) of each result, in order


def wrapped_tables(text: str, lines: list[Line], used: list[bool]):
    """Each table of wrapped cells after a caption, as (table, first line, last line)."""
    yield from after_captions(text, lines, used, _read)


def _read(text: str, lines: list[Line], caption: int, used: list[bool]) -> tuple[Table, int] | None:
    run = _run(lines, caption, used)
    if run is None:
        return None
    first, last = run
    results = {k: _results(lines[k].text, lines[k].start) for k in range(first, last + 1)}
    first_result = next((k for k in range(first, last + 1) if results[k]), None)
    if first_result is None:
        return None
    header_lines = [k for k in range(first, first_result) if lines[k].text.strip()]
    named = [k for k in header_lines if _OPENS.search(lines[k].text)]
    if not named:
        return None
    header_end = named[-1]
    header = [lines[k] for k in header_lines if k <= header_end]
    columns = columns_named(header)
    if sum(c.kind != "p" for c in columns) < _MIN_COLUMNS:
        return None
    rows = _rows(lines, header_end + 1, last, results)
    placed = [(row, cells) for row in rows if (cells := _placed(row, columns)) is not None]
    if len(placed) < _MIN_ROWS:
        return None
    table = _grid(
        text,
        header,
        columns,
        placed,
        caption=make_cell(text, lines[caption].start, lines[caption].end),
    )
    return (table, last) if table is not None else None


def _run(lines: list[Line], caption: int, used: list[bool]) -> tuple[int, int] | None:
    """(first, last) lines of the table under the caption at line ``caption``: past the caption's
    title (the first line below a caption that is only "Table 2."), to the blank line or the
    prose line that follows its rows."""
    k = caption + 1
    if len(lines[caption].text.strip()) <= 12:  # ("Table 2." alone: its title may come next)
        while k < len(lines) and not lines[k].text.strip():
            k += 1
        if k < len(lines) and is_title(lines[k].text):
            k += 1
    while k < len(lines) and not lines[k].text.strip():
        k += 1
    first, last, seen_result = k, None, False
    while k < len(lines) and not used[k]:
        line = lines[k].text
        stripped = line.strip()
        if "|" in line or "\t" in line or CAPTION.match(line):
            break
        if not stripped:
            if seen_result:
                break
            k += 1
            continue
        has_result = _RESULT.search(line) is not None
        if len(stripped) > (_LONGEST_RESULT_LINE if has_result else LONG_LINE):
            break
        seen_result = seen_result or has_result
        last = k
        k += 1
    return (first, last) if last is not None and seen_result else None


def is_title(line: str) -> bool:
    """A caption's title: a sentence, or a line naming no result column."""
    return line.rstrip().endswith(".") or _OPENS.search(line) is None


def _results(line: str, offset: int) -> tuple[tuple[str, int, int], ...]:
    if _GAP_LINE.fullmatch(line):
        return (("gap", offset + len(line) - len(line.lstrip()), offset + len(line.rstrip())),)
    # (a ratio's cell is its number and interval: the column's header names the ratio)
    return tuple(
        ("cmp", offset + m.start(), offset + m.end())
        if m.group("cmp")
        else ("ratio", offset + m.start("named" if m.group("named") else 0), offset + m.end())
        for m in _RESULT.finditer(line)
    )


def columns_named(header: list[Line]) -> list[_Column]:
    """The result columns the header names, in order: each from a word that opens a result's
    name to its bracket ("(months)", "(95% CI)") or to the next such word; a statistic takes the
    endpoint named after it ("Median PFS", "HR OS (95% CI)")."""
    columns: list[_Column] = []
    for line in header:
        text, pos = line.text, 0
        while (m := _OPENS.search(text, pos)) is not None:
            end = m.end()
            if _STATISTIC.fullmatch(m.group(0)):
                after = _ENDPOINT_AFTER.match(text, _skip_space(text, end))
                if after is not None:
                    end = after.end()
            bracket = re.match(r"\s*[(\[][^()\[\]]*[)\])]", text[end:])
            if bracket is not None:
                end += bracket.end()
            name = text[m.start() : end]
            kind = "ratio" if _RATIO_NAME.match(name) else "cmp"
            columns.append(_Column(line.start + m.start(), line.start + end, kind))
            pos = end
        for p in _P_NAME.finditer(text):
            if not any(c.start <= line.start + p.start() < c.end for c in columns):
                columns.append(_Column(line.start + p.start(), line.start + p.end(), "p"))
    return sorted(columns, key=lambda c: c.start)


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] == " ":
        pos += 1
    return pos


def _rows(
    lines: list[Line], first: int, last: int, results: dict[int, tuple[tuple[str, int, int], ...]]
) -> list[_Row]:
    """The rows from line ``first``: a row's label lines, then its lines of results; a label
    line after results opens the next row. A line of a number alone (a size, a p-value) belongs
    to the row it is in."""
    rows: list[_Row] = []
    labels: list[Line] = []
    found: list[tuple[str, int, int]] = []
    for k in range(first, last + 1):
        line = lines[k]
        if not line.text.strip():
            continue
        if results[k]:
            found.extend(results[k])
        elif _NUMBER_LINE.fullmatch(line.text) and (found or labels):
            if not found:
                labels.append(line)
        else:
            if found:
                rows.append(_Row(tuple(labels), tuple(found)))
                labels, found = [], []
            labels.append(line)
    if found:
        rows.append(_Row(tuple(labels), tuple(found)))
    return rows


def _placed(row: _Row, columns: list[_Column]) -> list[tuple[int, int] | None] | None:
    """The span of the row's result in each column, in order: each result fills the next column
    of its kind, past p-value columns only (a placeholder fills the next column of any kind);
    None when a result finds no such column (results that are not this row's)."""
    spans: list[tuple[int, int] | None] = [None] * len(columns)
    c = 0
    for kind, start, end in row.results:
        while c < len(columns) and columns[c].kind == "p" and kind != "gap":
            c += 1
        if c >= len(columns) or (kind != "gap" and columns[c].kind != kind):
            return None
        if kind != "gap":
            spans[c] = (start, end)
        c += 1
    return spans


def _grid(
    text: str,
    header: list[Line],
    columns: list[_Column],
    placed: list[tuple[_Row, list[tuple[int, int] | None]]],
    caption: Cell | None,
) -> Table | None:
    """The grid: the trial's column, the groups' columns (when the header names them), then the
    result columns."""
    region = [(line.start, min(line.end, columns[0].start)) for line in header]
    region = [(s, e) for s, e in region if s < e]
    experimental = _word(text, region, _EXPERIMENTAL_WORDS)
    control = _word(text, region, _CONTROL_WORDS)
    trial = _word(text, region, _TRIAL_WORDS, not_in=(experimental, control))
    groups = experimental is not None and control is not None
    # (a trial column the header does not name stands after the groups' columns: a leading
    # column without a header would be read as the rows' labels)
    trial_first = trial is not None or not groups
    head: list[Cell | None] = [experimental, control] if groups else []
    head = [trial, *head] if trial_first else [*head, trial]
    head += [make_cell(text, c.start, c.end) for c in columns]
    body: list[list[Cell | None]] = []
    for row, spans in placed:
        cells: list[Cell | None] = []
        if groups:
            treatments = _treatment_cells(text, row)
            cells += [*treatments, *[None] * (2 - len(treatments))][:2]
        named = _trial_cell(text, row)
        cells = [named, *cells] if trial_first else [*cells, named]
        cells += [make_cell(text, *span) if span is not None else None for span in spans]
        body.append(cells)
    return finish([head], body, caption, "wrapped")


def _word(
    text: str,
    region: list[tuple[int, int]],
    pattern: re.Pattern[str],
    not_in: tuple[Cell | None, ...] = (),
) -> Cell | None:
    """The first header word of ``pattern`` in the header's part before its results."""
    for start, end in region:
        for m in pattern.finditer(text, start, end):
            if any(c is not None and c.start <= m.start() < c.end for c in not_in):
                continue
            return make_cell(text, m.start(), m.end())
    return None


def _trial_cell(text: str, row: _Row) -> Cell | None:
    """The row's line that names its study: a trial's name ("IPASS", "TARGET study")."""
    for line in row.labels:
        stripped = line.text.strip()
        # (or the first of two names: "ACRONYM/GROUP-0802")
        if (
            is_trial_name(stripped)
            or is_trial_name(stripped.split("/")[0])
            or (names_study(stripped) and _FIRST_WORD.match(stripped))
        ):
            return make_cell(text, line.start, line.end)
    return None


def _treatment_cells(text: str, row: _Row) -> list[Cell]:
    """The row's lines that name a treatment, the part before a size or a remark of each: the
    first two, the experimental group's and the control's."""
    out: list[Cell] = []
    for line in row.labels:
        stripped = line.text.strip()
        if is_trial_name(stripped) or not names_treatment(stripped):
            continue
        m = _TREATMENT_PART.match(line.text, len(line.text) - len(line.text.lstrip()))
        if m is not None and (
            cell := make_cell(text, line.start + m.start(), line.start + m.end())
        ):
            out.append(cell)
        if len(out) == 2:
            break
    return out


def names_treatment(line: str) -> bool:
    """A label line that opens with a drug, a regimen or a control's treatment ("Gefitinib",
    "Carboplatin and paclitaxel", "Placebo 903", "Sorafenib28,29"): a form of our vocabulary or
    of the drug lexicon, or a drug-like word neither knows (an INN stem)."""
    if _CONTROL_TREATMENT.match(line):
        return True
    m = _FIRST_WORD.match(line)
    if m is None:
        return False
    word = re.sub(r"\d+$", "", m.group(0))
    return (
        word.lower() in _treatment_forms()
        or word.lower() in drug_lexicon()
        or UNKNOWN_DRUG.fullmatch(word) is not None
    )


@cache
def _treatment_forms() -> frozenset[str]:
    return frozenset(form.lower() for form, agents in synonym_index().items() if agents)
