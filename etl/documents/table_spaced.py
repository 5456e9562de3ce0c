"""Tables whose cells a page joined with single spaces, one row a line (a journal's table page
copied as text): after a caption, a header line whose cells run together ("Trial Phase N
Treatment Endpoint ORR (%) mPFS (Months) mOS (Months) Result"), then each row on a line, its
labels first (the study, its phase and size, the treatment) and its results last ("... 70.8 5.4
(HR 1.11; P = 0.35) 13.6 (HR 1.04, P = 0.79) Negative"); a row under a study's row that names no
study is another group of it ("CE + Placebo 65.6 5.6 13.6").

No cell boundary is left but for the results: a row is read by the run of results that ends it,
as many as the header names result columns (etl.documents.table_wrapped finds the names), each
a number with its bracket; a line without such a run (a section's heading, a study without
results) is no row. The row's labels give its study (a trial's name opening them) and its group
(the treatment: from its first word that names one, past the endpoint words that close the
labels). The grid made is etl.documents.table_model's.
"""

from __future__ import annotations

import re
from typing import Final

from etl.documents.table_grid import is_trial_name
from etl.documents.table_model import CAPTION, Cell, Line, Table, after_captions, finish, make_cell
from etl.documents.table_wrapped import columns_named, is_title, names_treatment
from etl.extract.numbers import NUM

# one result: a number (a share, a time) or a placeholder, with the bracket that follows it
_ITEM: Final = rf"(?:{NUM}\s*%?|NR|NE|NA|N/A|[-–—])(?:\s*[(\[][^()\[\]]*[)\]])?"
# what ends a row after its results: a word or two of verdict ("Negative", "Ongoing")
_VERDICT: Final = r"(?:\s+[A-Za-z][A-Za-z -]{0,30})?"
_PHASE: Final = re.compile(r"\s*(?:phase\s+)?(?:I{1,3}|IV)[ab]?(?:/(?:I{1,3}|IV)[ab]?)?\s+", re.I)
_SIZE: Final = re.compile(r"\s*\d{1,5}\s+")
_STUDY_HEAD: Final = re.compile(
    r"(?P<name>\S.{0,40}?)\s+(?:phase\s+)?(?:I{1,3}|IV)[ab]?(?:/(?:I{1,3}|IV)[ab]?)?\s+\d{1,5}\s",
    re.IGNORECASE,
)
# the endpoints a row's labels close with ("PFS, OS", "DLT, ORR", "CBR at 24 Weeks", "Safety")
_ENDPOINTS_LAST: Final = re.compile(
    r"(?:\s+(?:PFS|OS|ORR|DCR|CBR|DLT|DFS|EFS|RFS|TTP|DOR|MTD|Safety|Efficacy)\b"
    r"(?:\s*(?:,|and)\s*(?:PFS|OS|ORR|DCR|CBR|DLT|DFS|EFS|RFS|TTP|DOR|MTD|Safety|Efficacy)\b)*"
    r"(?:\s+at\s+\d+\s+\w+)?)$"
)
_RATIO_BRACKET: Final = re.compile(r"\s*[(\[]\s*(?:a?HR|OR|RR|hazard ratio)\b", re.IGNORECASE)
_TRIAL_WORD: Final = re.compile(r"\b(?:Trial|Study|Studies)\b", re.IGNORECASE)
_TREATMENT_WORD: Final = re.compile(r"\b(?:Treatments?|Regimens?|Interventions?|Arms?)\b", re.I)
_MIN_ROWS: Final = 2
_LONGEST_ROW: Final = 400
# a row whose label and values a page joined with spaces, one row a line: the label (a word at
# its end, or a bracket: "Grade 3-5 AEs", "Median PFS (months) (95% CI)"), then its values
_LABEL_THEN_VALUES: Final = re.compile(
    rf"(?P<label>[^\d\s].*?[^\s\d.,;:=<>≤≥+–—-])\s+(?P<items>{_ITEM}(?:\s+{_ITEM})*)\s*"
)
# the corner cell's words, run together with the first group's name on the header's line
# ("Efficacy endpoint Pembrolizumab axitinib")
_CORNER: Final = re.compile(
    # (a footnote's letter may be glued on: "Efficacy endpointsa Drug A")
    r"\s*(?:(?:efficacy|safety)\s+)?(?:end\s?points?|outcomes?|characteristics?|variables?"
    r"|parameters?|measures?)(?-i:(?<=s)[a-e](?=\s))?\s+(?=\S)",
    re.IGNORECASE,
)


def spaced_tables(text: str, lines: list[Line], used: list[bool]):
    """Each table of space-joined cells after a caption, as (table, first line, last line)."""
    yield from after_captions(text, lines, used, _read)


def _read(text: str, lines: list[Line], caption: int, used: list[bool]) -> tuple[Table, int] | None:
    k = _next_filled(lines, caption + 1)
    if k < len(lines) and len(lines[caption].text.strip()) <= 12 and is_title(lines[k].text):
        k = _next_filled(lines, k + 1)  # ("Table 3." alone, then its title)
    if k >= len(lines) or used[k] or "\t" in lines[k].text or "|" in lines[k].text:
        return None
    header = lines[k]
    columns = [c for c in columns_named([header]) if c.kind != "p"]
    if len(columns) < 2:
        return None
    row = re.compile(
        rf"\s*(?P<label>\S.*?)\s+(?P<items>{_ITEM}(?:\s+{_ITEM}){{{len(columns) - 1}}}){_VERDICT}\s*"
    )
    rows: list[tuple[Line, re.Match[str]]] = []
    last = k
    for j in range(k + 1, len(lines)):
        line = lines[j]
        stripped = line.text.strip()
        if used[j] or not stripped or CAPTION.match(stripped) or len(stripped) > _LONGEST_ROW:
            break
        if "\t" in line.text or "|" in line.text:
            break
        last = j
        if (m := row.fullmatch(line.text)) is not None:
            rows.append((line, m))
    if len(rows) < _MIN_ROWS:
        return None
    return _grid(
        text, header, columns, rows, make_cell(text, lines[caption].start, lines[caption].end)
    ), last


def _next_filled(lines: list[Line], k: int) -> int:
    while k < len(lines) and not lines[k].text.strip():
        k += 1
    return k


def _grid(text, header: Line, columns, rows, caption: Cell | None) -> Table | None:
    """The grid: the groups' column, the studies' column, then the result columns."""
    before = header.text[: columns[0].start - header.start]
    arm_word = _TREATMENT_WORD.search(before)
    trial_word = _TRIAL_WORD.search(before)
    arm_head = (
        make_cell(text, header.start + arm_word.start(), header.start + arm_word.end())
        if arm_word
        else None
    )
    trial_head = (
        make_cell(text, header.start + trial_word.start(), header.start + trial_word.end())
        if trial_word
        else None
    )
    # (the studies' column first when the header names it, so that a row under a study's row
    # that names none is of that study; after the groups' otherwise, or it would be read as the
    # rows' labels)
    trial_first = trial_head is not None
    head = [trial_head, arm_head] if trial_first else [arm_head, trial_head]
    head += [make_cell(text, c.start, c.end) for c in columns]
    body: list[list[Cell | None]] = []
    for line, m in rows:
        trial, group = _labels(text, line, m)
        cells: list[Cell | None] = [trial, group] if trial_first else [group, trial]
        offset = line.start + m.start("items")
        for item in re.finditer(_ITEM, m.group("items")):
            # (a ratio in the bracket of a median is the comparison's, not this number's: the
            # number is read alone, "5.4" of "5.4 (HR 1.11; P = 0.35)")
            end = item.end()
            if (bracket := _RATIO_BRACKET.search(item.group(0))) is not None:
                end = item.start() + bracket.start()
            cells.append(make_cell(text, offset + item.start(), offset + end))
        body.append(cells)
    return finish([head], body, caption, "spaced")


def _labels(text: str, line: Line, m: re.Match[str]) -> tuple[Cell | None, Cell | None]:
    """(the study's name opening a row's labels, the row's treatment)."""
    label = m.group("label")
    start = line.start + m.start("label")
    trial = None
    words = label.split(" ")
    if (head := _STUDY_HEAD.match(label)) is not None:
        # (what stands before a phase and a size is a study's name, whatever it looks like:
        # "SWOG S1929 (NCT04334941) II 106", "ECOG-ACRIN 2511 II 128")
        trial = make_cell(text, start, start + head.end("name"))
    for n in (2, 1) if trial is None else ():  # ("SKYSCRAPER-02 First-line ...")
        name = " ".join(words[:n])
        if len(words) > n and is_trial_name(name):
            trial = make_cell(text, start, start + len(name))
            break
    rest = label[trial.end - start :] if trial else label
    pos = len(label) - len(rest)
    if trial is not None:  # (past its phase and size: "III 490")
        for pattern in (_PHASE, _SIZE):
            if (p := pattern.match(rest)) is not None:
                pos += p.end()
                rest = rest[p.end() :]
    closing = _ENDPOINTS_LAST.search(rest)
    end = len(rest) - (len(closing.group(0)) if closing else 0)
    first = _first_treatment(rest[:end])
    if first is None:
        return trial, None
    return trial, make_cell(text, start + pos + first, start + pos + end)


def _first_treatment(labels: str) -> int | None:
    """Where the first word that names a treatment (or a regimen's initials joined with "+")
    begins."""
    for m in re.finditer(r"\S+", labels):
        word = m.group(0)
        joined = labels[m.end() : m.end() + 3].strip().startswith("+")
        if names_treatment(word) or (joined and word.isupper() and len(word) >= 2):
            return m.start()
    return None


def label_and_values(text: str, cell: Cell) -> list[Cell] | None:
    """A cell that holds a whole row, its label then its values joined with spaces ("Median PFS
    (months) (95% CI) 15.1 (12.6 to 17.7) 11.0 (8.7 to 12.5)"), as the label's cell and a cell
    per value; None when it is not such a row."""
    m = _LABEL_THEN_VALUES.fullmatch(cell.text)
    if m is None:
        return None
    cells = [make_cell(text, cell.start + m.start("label"), cell.start + m.end("label"))]
    offset = cell.start + m.start("items")
    cells += [
        make_cell(text, offset + item.start(), offset + item.end())
        for item in re.finditer(_ITEM, m.group("items"))
    ]
    return cells


def corner_split(text: str, cell: Cell) -> tuple[Cell, Cell] | None:
    """A header cell that opens with the corner's words ("Efficacy endpoint Drug A (n=432)"),
    as (the corner, the group); None when it does not."""
    m = _CORNER.match(cell.text)
    if m is None:
        return None
    return (
        make_cell(text, cell.start, cell.start + m.end()),
        make_cell(text, cell.start + m.end(), cell.end),
    )
