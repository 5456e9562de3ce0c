"""The shape of a table, read from what its cells hold: how many columns a table written one cell
per line has, which rows carry an extra (or lack a) leading cell, and which columns a header cell
spans. Pure functions over cell texts (``None``: no cell); etl.documents.tables places the cells.

A cell is of one kind: ``num`` (a result: "34.7 months (32.7-36.8)", "Median: 10.2 months",
"1y PFS rate; 48.7%"), ``na`` (a placeholder: "NR", "N/A", "Median: NE (...)"), ``ref`` ("[12]"),
``trial`` (a study's name: "ALEX (19)", "KEYNOTE-189"), ``text`` or ``empty``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final, NamedTuple

from etl.extract.numbers import AS_HYPHEN
from etl.vocab.codes import NOT_TRIAL_NAMES
from etl.vocab.endpoints import endpoint_mentions

# a short label before a value: "Median:", "1y PFS rate;", "Gefitinib/Erlotinib:"
LABEL: Final = r"(?:\d+\s*-?\s*(?:y|yrs?|years?|m|mos?|months?)\b)?[^\d:;()\[\]]{1,60}?\s*[:;]\s*"
PLACEHOLDER: Final = (
    r"(?:NR|NE|NA|N/A|n/a|ND|NS|NC|not reached|not estimable|not evaluable|not applicable"
    r"|not available|[-–—−]+)(?![\w/])"
)
_PLACEHOLDER = re.compile(rf"(?:{LABEL})?{PLACEHOLDER}", re.IGNORECASE)
# (a number glued to a word or hyphen starts a label: "12-month OS rate", "1y PFS rate")
_NUM_START = re.compile(rf"(?:{LABEL})?(?:[<>≤≥]\s*)?(?:\d[\d,]*(?:[.·]\d+)?|[.·]\d+)(?![\w-])")
_REF = re.compile(r"(?:\[\d+(?:\s*[,–-]\s*\d+)*\]\s*)+")
# a time point alone, in whole units, labels the row of a rate at that time ("6 mo | 67 (62-71) |
# 55 (50-60)" under "Survival rate, %"): a label, not a value
_TIME_POINT = re.compile(
    r"\d{1,3}\s*-?\s*(?:mo|mos|months?|wks?|weeks?|yrs?|years?)\.?", re.IGNORECASE
)
# a registry number set after a trial's name, glued or not, as tables of trials write it
# ("PALOMA-3NCT01942135", "MONARCH 2 NCT02107703"): no part of the name
REGISTRATION_AFTER: Final = re.compile(r"(?<=\S)\s*\(?NCT\d{8}\)?$")
_TRIAL_TOKEN = re.compile(r"[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*(?: \d{1,4}[A-Za-z]?)?")
# (a reference's number in square brackets may follow the name: "NEJ002[10]", "ALEX [19]")
_TRIAL_TAIL = re.compile(
    r"\s*(?:\[\d{1,3}(?:\s*[,\u2013-]\s*\d{1,3})*\])?\s*(?:\([^()]*\))?\s*(?:[;,].*)?", re.DOTALL
)

KINDS: Final = ("empty", "na", "num", "ref", "trial", "text")
_MAX_COLUMNS: Final = 40  # more columns than this one cell per line: not a table read here
_MAX_ALIGNED_COLUMNS: Final = 80  # header cells of wider tables are placed by position
_MAX_SPAN: Final = 8  # columns one header cell spans at most


_MARKED_ABBREVIATION: Final = re.compile(r"[A-Z]{2,3}[a-e]")
_TITLE_CASE_JOINED: Final = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)+")


def is_trial_name(text: str) -> bool:
    """A study's name, with at most a bracket and a remark after it: "COU-AA-302 (Nbib887198)",
    "ALEX (19)", "ALCANTARA (II); Ph-positive only", "PALOMA\u20103NCT01942135"; not "ADC anti-CD22",
    not "PFS (IA)"."""
    text = REGISTRATION_AFTER.sub("", text.translate(AS_HYPHEN))
    m = _TRIAL_TOKEN.match(text)
    if m is None or not _TRIAL_TAIL.fullmatch(text, m.end()):
        return False
    name = m.group(0)
    if _MARKED_ABBREVIATION.fullmatch(name) or _TITLE_CASE_JOINED.fullmatch(name):
        # (a statistic's abbreviation with its footnote's letter, "HRa", "ORb"; words in title
        # case joined by hyphens, "Progression-Free")
        return False
    head = re.split(r"[- ]", name)[0]
    capitals = sum(c.isupper() for c in name)
    letters = sum(c.isalpha() for c in name)
    return capitals >= 2 and letters >= 3 and head.upper() not in NOT_TRIAL_NAMES


# a word that may be a study's name in a caption, with its number ("KEYNOTE-426", "CheckMate 9ER")
_CAPTION_NAME: Final = re.compile(r"\b[A-Z][\w-]*[A-Z][\w-]*(?:[ -]\d[\w-]*)?")


def caption_trial(caption: str) -> str | None:
    """The one study a table's caption names ("Main efficacy endpoints, study KEYNOTE-426"),
    else None (no name, or names of several)."""
    found = {m.group(0) for m in _CAPTION_NAME.finditer(caption) if is_trial_name(m.group(0))}
    return found.pop() if len(found) == 1 else None


_ONE_STUDY = re.compile(r"\b(?:trial|study)\b", re.IGNORECASE)


def names_study(text: str) -> bool:
    """A heading that names one study: a trial's name ("ORION-7 (Author, 2020)") or a study noun
    in the singular ("ORION-7 study (...)", "Drug A vs drug B phase III trial"); not a category
    of studies ("Randomised trials") nor a result ("Progression-free survival")."""
    return is_trial_name(text) or _ONE_STUDY.search(text) is not None


def cell_kind(text: str | None) -> str:
    """The kind of a cell's text (see the module docstring)."""
    if not text:
        return "empty"
    if _PLACEHOLDER.fullmatch(text) or (_PLACEHOLDER.match(text) and _after_placeholder(text)):
        return "na"
    if (m := _PLACEHOLDER.match(text)) and _PAIRED_AFTER.match(text, m.end()):
        return "num"  # (a pair whose first value is not reached: "Not reached vs. 6.2")
    if _REF.fullmatch(text):
        return "ref"
    if _TIME_POINT.fullmatch(text):
        return "text"
    if _NUM_START.match(text):
        return "num"
    if is_trial_name(text):
        return "trial"
    return "text"


_PAIRED_AFTER = re.compile(r"\s*(?:vs\.?|versus|/)\s*\d", re.IGNORECASE)


def _after_placeholder(text: str) -> bool:
    """A placeholder followed only by a bracket: "NE (range: 20.3 months-NE)", "NR (12.1-NR)"."""
    m = _PLACEHOLDER.match(text)
    assert m is not None
    return text[m.end() :].lstrip().startswith(("(", "["))


def _family(kind: str) -> str:
    """Kinds that a column mixes freely count as one: a trial's name is text too."""
    return "text" if kind == "trial" else kind


# ---- one cell per line: how many columns ------------------------------------------------------


def infer_columns(kinds: Sequence[str], max_skip: int = 2) -> tuple[int, int] | None:
    """(skip, k): the cells ``kinds[skip:]``, read k to a row, the first row the header, make the
    table whose columns are most consistent in kind; None when no k makes a results table (a
    header of text, at least two data rows, a column of numbers). Cells left over after the last
    complete row, and skipped leading cells (a caption's second line), cost a little."""
    best: tuple[float, int, int] | None = None
    for skip in range(min(max_skip, len(kinds)) + 1):
        cells = kinds[skip:]
        for k in range(2, min(len(cells) // 3, _MAX_COLUMNS) + 1):
            score = _layout_score(cells, k)
            if score is None:
                continue
            score -= 0.02 * skip
            if best is None or score > best[0] + 1e-9:
                best = (score, skip, k)
    return None if best is None else (best[1], best[2])


def _layout_score(cells: Sequence[str], k: int) -> float | None:
    header = cells[:k]
    if any(h not in ("text", "trial", "empty") for h in header) or all(
        h == "empty" for h in header
    ):
        return None
    n_rows = (len(cells) - k) // k
    if n_rows < 2:
        return None
    agreeing = total = 0
    numeric_column = False
    for j in range(k):
        counts: dict[str, int] = {}
        for r in range(1, n_rows + 1):
            kind = _family(cells[r * k + j])
            if kind not in ("empty", "na"):
                counts[kind] = counts.get(kind, 0) + 1
        if counts:
            agreeing += max(counts.values())
            total += sum(counts.values())
            numeric_column |= counts.get("num", 0) * 2 >= sum(counts.values())
    if not numeric_column or total == 0:
        return None
    leftover = cells[(n_rows + 1) * k :]
    return agreeing / total - 0.05 * sum(kind != "empty" for kind in leftover)


# ---- pipe rows: which rows lack or carry a leading cell ---------------------------------------


def column_kinds(rows: Sequence[Sequence[str]], width: int) -> list[str]:
    """The kind most cells of each column have (rows of ``width`` cells only); "empty" for a
    column of empty cells and placeholders."""
    out = []
    for j in range(width):
        counts: dict[str, int] = {}
        for row in rows:
            if len(row) == width and row[j] not in ("empty", "na"):
                counts[row[j]] = counts.get(row[j], 0) + 1
        out.append(max(counts, key=lambda k: (counts[k], k == "trial")) if counts else "empty")
    return out


def _agreement(kind: str, column: str) -> float:
    if kind in ("empty", "na") or column == "empty":
        return 0.0
    if kind == column:
        return 1.0
    return 0.5 if _family(kind) == _family(column) else -1.0


def row_gap(row: Sequence[str], columns: Sequence[str]) -> tuple[int, int]:
    """(shift, gap) of a row shorter than the table, the place of its cells that puts them under
    columns of their kind, when one does so clearly better than leaving the missing cells out at
    its end (else (0, len(row))). The row starts ``shift`` columns to the right (a group label cell
    that it omits: "| TRIAL (x) | ..." under "| Group | TRIAL (y) | ..."), or it leaves one cell
    out at its cell ``gap`` (a study row without a trial cell: "Author | 2012 | Phase II |" under
    "Ref. | Clinical trial | Yr | Design"), where that puts every cell under a column of its kind."""
    room = len(columns) - len(row)
    if room <= 0:
        return 0, len(row)

    def score(shift: int, gap: int) -> float:
        return sum(
            _agreement(kind, columns[shift + i + (room - shift if i >= gap else 0)])
            for i, kind in enumerate(row)
        )

    def fits(gap: int) -> bool:  # (every cell under a column of its kind)
        return all(
            _agreement(kind, columns[i + (room if i >= gap else 0)]) >= 0
            for i, kind in enumerate(row)
        )

    # (one cell missing inside a row: more than one is a cell spanning columns, "Immature" over
    # three, which kinds alone cannot place)
    gaps = [(0, g) for g in range(1, len(row)) if room == 1 and fits(g)]
    places = [(s, len(row)) for s in range(room + 1)] + gaps
    best = max(places, key=lambda p: (score(*p), p == (0, len(row)), p[1] == len(row), -p[0]))
    return best if score(*best) >= score(0, len(row)) + 2 else (0, len(row))


def value_kind(text: str | None) -> str:
    """A cell's kind as a value: a time with its unit is one ("4 weeks" under a median's column),
    though as a row's first cell it labels the row (cell_kind)."""
    kind = cell_kind(text)
    return "num" if kind == "text" and _TIME_POINT.fullmatch(text or "") else kind


def group_row_place(
    row: Sequence[str], columns: Sequence[str], header: Sequence[str | None]
) -> list[int] | None:
    """The columns of a stacked group's row, a row that gives only another group of the study
    above it: its label and its numbers ("Placebo | 284 | 8.0 | 3.55 | 5.9" under "Study | Regimen
    | Eligibility | No. | RR | PFS | p | OS | HR | p"). The label goes under the header's
    treatment column; its numbers fill the number columns right of it in order: all of them, or,
    when fewer, those of one group's numbers (not a ratio's or a p-value's, which the row above
    states once for the comparison). ``row`` holds the kinds of its label (cell_kind) and of its
    values (value_kind). None when the row is of no such shape or its count of numbers fits
    neither."""
    kinds = [k for k in row if k != "empty"]
    if (
        len(header) != len(columns)
        or len(kinds) < 3
        or row[0] != "text"
        or any(k not in ("num", "na") for k in row[1:])
    ):
        return None
    group = next((c for c, text in enumerate(header) if header_kind(text) == "arm"), None)
    if group is None or group == 0 or columns[group] not in ("text", "trial"):
        return None
    numbers = [c for c in range(group + 1, len(columns)) if columns[c] in ("num", "na", "empty")]
    if len(row) - 1 != len(numbers):
        numbers = [c for c in numbers if not is_comparison_header(header[c])]
    if len(row) - 1 != len(numbers):
        return None
    return [group, *numbers]


# ---- header cells over columns -----------------------------------------------------------------

_RESULT_HEADER = re.compile(
    r"\b(?:median|mean|rates?|ratio|HR|OR|RR|CI|survival|response|months?|weeks?|years?|p-?\s?values?"
    r"|events?|incidence|efficacy|outcomes?)\b|%",
    re.IGNORECASE,
)
_REF_HEADER = re.compile(r"\b(?:references?|refs?\.?|authors?|citations?|sources?)\b", re.I)
_ARM_HEADER = re.compile(
    r"\b(?:treatments?|arms?|drugs?|medications?|interventions?|regimens?|agents?|therap(?:y|ies)|groups?"
    r"|control|experimental|comparators?|comparisons?)\b",
    re.IGNORECASE,
)
# a row label that opens with a number, an interval's level: "95% CI (months)" (no value)
LEVEL_LABEL: Final = re.compile(r"\s*\d+(?:\.\d+)?\s*%\s*(?:CI|confidence)", re.IGNORECASE)
# the signs of a footnote after a number or a name: "0.57*", "FC (N=296)†"
FOOTNOTE_SIGNS: Final = "[*†‡§¶]"
# a group's size: "A (n = 262)", "B N=267)" (a header stating one heads that group's numbers)
GROUP_SIZE: Final = re.compile(r"\(?\s*\b[nN]\s*=\s*(?P<n>\d[\d,]*)\s*\)?")
_TRIAL_HEADER = re.compile(r"\b(?:trials?|stud(?:y|ies)|names?|acronyms?)\b", re.IGNORECASE)
# a ratio or a p-value: one number, of the comparison (its header spans one column)
_ONE_NUMBER_HEADER = re.compile(
    r"\b(?:HR|OR|RR|hazard ratio|odds ratio|risk ratio|p[- ]?values?)\b|^\s*p\s*$", re.I
)


def is_comparison_header(text: str | None) -> bool:
    """A header over one number of the comparison of two groups (a ratio, a p-value)."""
    return bool(text) and _ONE_NUMBER_HEADER.search(text) is not None


_TWO_GROUPS = re.compile(
    r"\b(?:vs\.?|versus|v)\s|\bcontrol\b.*\bexperimental\b|\bexperimental\b.*\bcontrol\b", re.I
)

# how well a header of one kind sits over a column of one kind
_COMPAT: Final = {
    "trial": {"trial": 3.0, "text": 1.0, "num": -2.0, "ref": -1.0},
    "arm": {"trial": 0.5, "text": 1.5, "num": -1.5, "ref": -1.0},
    "result": {"num": 2.0, "trial": -1.5, "text": -1.0, "ref": -1.0, "empty": 0.3},
    "ref": {"ref": 2.0, "text": 1.0, "num": -1.0},
    "sized": {"num": 2.0, "empty": 0.3, "text": -1.0, "trial": -1.0},
    "other": {"text": 1.0, "trial": 0.5},
}


def header_kind(text: str | None) -> str:
    """What a header cell announces: a study's name, a treatment, a result, a reference."""
    if not text:
        return "none"
    if _REF_HEADER.search(text):
        return "ref"
    if GROUP_SIZE.search(text):
        return "sized"
    if _RESULT_HEADER.search(text) or endpoint_mentions(text):
        return "result"
    if _ARM_HEADER.search(text):
        return "arm"
    if _TRIAL_HEADER.search(text):
        return "trial"
    return "other"


def header_offset(header: Sequence[str | None], columns: Sequence[str]) -> int:
    """How many header cells stand before the first column of a body whose rows are all
    narrower than the header: none, unless the header's cells clearly sit better over the
    columns' kinds further right (a first column that only headings fill: "Study" over the
    rows of each study, its name in a row of its own)."""
    room = len(header) - len(columns)
    if room <= 0:
        return 0
    kinds = [header_kind(text) for text in header]

    def score(offset: int) -> float:
        pairs = zip(kinds[offset:], columns, strict=False)
        return sum(_COMPAT.get(kind, {}).get(column, 0.0) for kind, column in pairs)

    best = max(range(room + 1), key=lambda o: (score(o), -o))
    return best if score(best) >= score(0) + 1.0 else 0


class _HeaderCell(NamedTuple):
    kind: str  # header_kind of its text
    two_groups: bool  # "A vs B": it may span the two groups' columns
    one_number: bool  # a ratio or a p-value: its header spans one column


def _header_cell(text: str | None) -> _HeaderCell:
    if not text:
        return _HeaderCell("none", False, False)
    return _HeaderCell(
        header_kind(text), bool(_TWO_GROUPS.search(text)), bool(_ONE_NUMBER_HEADER.search(text))
    )


def _span_score(
    header: _HeaderCell, columns: Sequence[str], start: int, width: int, sub_headers: bool
) -> float:
    covered = columns[start : start + width]
    compat = _COMPAT.get(header.kind, {})
    score = sum(compat.get(c, 0.0) for c in covered) / width
    if width == 1:
        return score
    extra = width - 1
    if sub_headers:
        score -= 0.2 * extra
    elif header.two_groups and width == 2:
        score -= 0.3
    else:
        score -= 1.0 * extra
    if header.one_number:
        score -= 1.0
    first = next((c for c in covered if c != "empty"), None)
    return score - 0.5 * sum(c not in ("empty", first) for c in covered)


def align_header(
    header: Sequence[str | None],
    columns: Sequence[str],
    sub_headers: bool = False,
    span: int | None = None,
) -> list[int | None]:
    """The header cell over each column (an index into ``header``, or None), for a header with
    fewer cells than the table has columns: some cells span several columns (those with
    sub-headers, or "A vs B" over two), and a leading column of group labels may have none. The
    cells stay in order; the placement that best puts each cell over columns of its kind wins.
    ``span``: the sub-headers repeat the same groups, so many to a cycle ("A | B | A | B"
    under "Median | Events"): a cell spans one column or that many."""
    m, k = len(header), len(columns)
    if k > _MAX_ALIGNED_COLUMNS:
        return [i if i < m else None for i in range(k)]
    cells = [_header_cell(text) for text in header]
    neg = float("-inf")
    # best[i][j]: the score of placing the first i header cells over the first j columns
    best = [[neg] * (k + 1) for _ in range(m + 1)]
    back: list[list[tuple[int, int, int] | None]] = [[None] * (k + 1) for _ in range(m + 1)]
    best[0][0] = 0.0
    for i in range(m + 1):
        for j in range(k + 1):
            here = best[i][j]
            if here == neg:
                continue
            if j < k:  # column j without a header cell
                cost = 0.5 if i == 0 else 1.5
                if here - cost > best[i][j + 1]:
                    best[i][j + 1], back[i][j + 1] = here - cost, (i, j, 0)
            if i < m:
                for width in range(1, min(k - j, _MAX_SPAN) + 1):
                    if span and width not in (1, span):
                        continue
                    score = here + _span_score(cells[i], columns, j, width, sub_headers)
                    if score > best[i + 1][j + width]:
                        best[i + 1][j + width], back[i + 1][j + width] = score, (i, j, width)
    placed: list[int | None] = [None] * k
    i, j = m, k
    while (i, j) != (0, 0):
        step = back[i][j]
        if step is None:  # (unreachable: every state has a way back to (0, 0))
            break
        pi, pj, width = step
        for c in range(pj, pj + width):
            placed[c] = pi
        i, j = pi, pj
    return placed
