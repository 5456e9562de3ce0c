"""The columns of one table (etl.documents.tables): what each holds, read from what its headers
announce and what its cells are, for the table reader (etl.extract.table_outcomes).

A column holds the study's name ("Name of the trial", "Study (phase)"), its treatments
("Treatment in the control arm: drug/dose (n of pts)", "Drug", "Intervention"), patients ("N"),
p-values, the phase, things that are not results (ages, dates, references), row labels (a first
column of words: "Endpoint", or a first column whose cells name results under a heading such as
"Efficacy"), results, or the intervals of another column's results ("95% CI for HR" beside
"HR"). Beside row labels, a result column whose header names a group rather than a result
("Drug X 2 mg/kg every 3 weeks n = 180") holds that group's numbers: groups as columns, results
as rows.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Final

from etl.documents.table_grid import cell_kind, header_kind, is_trial_name, names_study
from etl.documents.tables import Cell, Table
from etl.extract.phrases import is_generic
from etl.extract.table_cells import (
    BRACKETS,
    VERSUS_SEP,
    WITH_OR_WITHOUT,
    Meaning,
    describe,
    is_placeholder,
    merge,
    read_interval,
)
from etl.extract.table_names import arm_label
from etl.vocab.endpoints import endpoint_mentions

_SKIP_HEADER: Final = re.compile(
    r"\b(?:age|dates?|approv\w*|mechanism|indications?|doses?|dosing|schedule|design|setting"
    r"|population|sequence|endpoints?|years?\s+of\s+publication|publication|line of therapy"
    r"|characteristics?|comments?|notes?|remarks?)\b",
    re.IGNORECASE,
)
# the year of a study or its publication: "Yr", "Year"
_YEAR_HEADER: Final = re.compile(r"\s*(?:yrs?|years?|publication\s+year)\.?\s*", re.IGNORECASE)
_SIZE_HEADER: Final = re.compile(
    r"\s*(?:N|n|No\.?|n of pts|no\.? of (?:patients|pts)|number of patients|patients|pts"
    r"|sample size|enrolled|evaluable|(?:enrolled|randomi[sz]ed) (?:patients|pts)"
    r"|(?:patients|pts) (?:enrolled|randomi[sz]ed)|enrol(?:l)?ment)"
    r"(?:\s*[(\[](?:n|N|no\.?)[)\]])?\s*",  # ("Patients (n)")
    re.IGNORECASE,
)
# a header over what a treatment is for, not over a group: "Indication for treatment", "Line of
# therapy", "Setting"
_PURPOSE_HEADER: Final = re.compile(
    r"\b(?:indications?|settings?|line\s+of\s+(?:therapy|treatment))\b", re.IGNORECASE
)
_DESIGN_HEADER: Final = re.compile(r"\bdesign\b", re.IGNORECASE)
_P_HEADER: Final = re.compile(r"\s*p(?:\s*[- ]?values?)?\s*", re.IGNORECASE)
_PHASE_HEADER: Final = re.compile(r"\s*phases?\s*", re.IGNORECASE)
_STUB_HEADER: Final = re.compile(
    r"\b(?:endpoints?|outcomes?|parameters?|variables?|measures?|dimensions?|characteristics?"
    r"|subgroups?|items?)\b",
    re.IGNORECASE,
)
# column headers over results that name no group: the whole population, or just "the numbers"
_NOT_A_GROUP: Final = re.compile(
    r"(?:(?:primary|secondary|main|key|co-?primary|exploratory|other)\s+)?"
    r"(?:endpoints?|results?|values?|data|descriptions?|findings?|estimates?|total|overall|all\b|evidence"
    r"|details?|summary|statistics?|effects?|outcomes?|measures?|numbers?)\b",
    re.IGNORECASE,
)
CONTROL: Final = re.compile(
    r"\b(?:control|comparators?|comparison|reference|placebo|standard|SOC|BSC|observation)\b", re.I
)
_EXPERIMENTAL: Final = re.compile(r"\b(?:experimental|investigational|studied)\b", re.IGNORECASE)
_TREATMENT: Final = re.compile(r"\b(?:treatment|intervention|study drug)\b", re.IGNORECASE)
# a sub-header naming a role, not a group: "Treatment | Control" (the rows name the groups)
_ROLE_WORD: Final = re.compile(
    r"(?:control|comparator|reference|treatment|intervention|experimental|investigational)"
    r"(?:\s+(?:arm|group))?",
    re.IGNORECASE,
)
_CI_WORDS: Final = re.compile(r"\bCI\b|confidence interval", re.IGNORECASE)
# a header over results told in sentences, and the numbers a result's sentence holds
_RESULTS_HEADER: Final = re.compile(
    r"\b(?:outcomes?|results?|efficacy|findings?|survival)\b", re.IGNORECASE
)
_DIGIT: Final = re.compile(r"\d")
_ENDPOINTS_HEADER: Final = re.compile(r"\b(?:endpoints?|outcomes?)\b", re.IGNORECASE)
_VALUED: Final = re.compile(r"\d\s*(?:%|months?\b|mo\b)", re.IGNORECASE)
_RESULT_NUMBER: Final = re.compile(
    r"\d\s*%|(?-i:\b(?:HR|OR|RR|CI)\b)|\b(?:hazard|months?|mo)\b|\bP\s*[=<≤]", re.IGNORECASE
)


@dataclass(frozen=True)
class Column:
    kind: str  # trial, arm, size, p, phase, skip, stub, result, interval
    role: str | None  # exp, ctrl, both or None: whose number (or treatment) the column holds
    meaning: Meaning  # what its header says of its numbers
    group: tuple[str, int | None] | None = None  # the group its header names, with its size
    of: int | None = None  # an interval column: the result column whose numbers it bounds
    # the groups its header compares, in order ("ORR (%), A arm versus B arm"): whose the values
    # of a cell "77.4 versus 66.4" are when the row does not name as many groups
    compared: tuple[str, ...] = ()
    # the two things its header names joined by a slash ("Any grade CRS/NE (%)"): what the two
    # values of a cell "92%/60%" are each of, for one group
    parts: tuple[str, ...] = ()


def header_cells(table: Table, c: int) -> list[Cell]:
    """The distinct header cells over column c, top down."""
    out: list[Cell] = []
    for row in table.header:
        cell = row[c] if c < len(row) else None
        if cell is not None and cell not in out:
            out.append(cell)
    return out


def _role_of(table: Table, c: int) -> str | None:
    """Whose the numbers (or treatments) of column c are, from its lowest header that says: a
    cell "A vs B" spanning two columns gives A to the first and B to the second."""
    for row in reversed(table.header):
        cell = row[c]
        if cell is None:
            continue
        text = _unbroken(cell.text)
        control, strong = CONTROL.search(text), _EXPERIMENTAL.search(text)
        versus = VERSUS_SEP.search(text) if control and not strong else None
        if versus is not None and versus.start() < control.start():
            strong = versus  # ("ORR, ICI arm versus placebo arm": the first is the experimental)
        if control and strong:
            position = sum(1 for k in range(c) if row[k] == cell)
            spanned = position > 0 or (c + 1 < len(row) and row[c + 1] == cell)
            if not spanned:
                return "both"
            order = ["ctrl", "exp"] if control.start() < strong.start() else ["exp", "ctrl"]
            return order[position] if position < 2 else None
        if control:
            return "ctrl"
        if strong or _TREATMENT.search(text):
            return "exp"
    return None


# a word a page broke at a hyphen and a space ("Inter- vention"): read whole in a header
_BROKEN_WORD: Final = re.compile(r"(?<=[a-z])- (?=[a-z])")


def _unbroken(text: str) -> str:
    return _BROKEN_WORD.sub("", text) if "- " in text else text


_SLASHED: Final = re.compile(r"(?<![\w/])(?P<a>[A-Za-z][\w-]*)/(?P<b>[A-Za-z][\w-]*)(?![\w/])")


def _slashed_parts(header: str) -> tuple[str, ...]:
    """The two names a header joins with a slash, "CRS/NE" -> ("CRS", "NE"); () when none (or
    when it compares groups)."""
    m = _SLASHED.search(header) if "/" in header and not VERSUS_SEP.search(header) else None
    # (results' names, one at least the vocabulary's: not groups, "Zentumab/placebo")
    if m is None or not (endpoint_mentions(m.group("a")) or endpoint_mentions(m.group("b"))):
        return ()
    return (m.group("a"), m.group("b"))


def _compared_groups(header: str) -> tuple[str, ...]:
    """The groups a header compares after its result's name: "ORR (%), A arm versus B arm" ->
    ("A arm", "B arm"); () when it compares none."""
    if not VERSUS_SEP.search(header):
        return ()
    # (what its brackets say is how the results are given: "A vs. B (hazard ratio: 95% CI)")
    tail = re.split(r"[,:;]", BRACKETS.sub(" ", header))[-1]
    parts = [arm_label(part)[0] for part in VERSUS_SEP.split(tail)]
    if not 2 <= len(parts) <= 3 or not all(parts) or any(is_generic(p) for p in parts if p):
        return ()
    return tuple(p for p in parts if p)


# the abbreviations a table's legend spells out: "RR: Response rate; PFS: Progression-free
# survival", "HR = hazard ratio"
_LEGEND_ITEM: Final = re.compile(
    r"(?:^|(?<=[;\n]))\s*(?P<abbr>[A-Z][A-Z0-9/-]{1,9})\s*[:=]\s*(?P<words>[^;:=\n]{3,80}?)\s*(?=[;\n]|\.?$)",
    re.MULTILINE,
)


# a legend's paragraph of abbreviations, each "ABBR, words", parted by semicolons
_ABBREVIATIONS: Final = re.compile(r"\s*abbreviations?\s*(?:used)?\s*[:.]", re.IGNORECASE)
_LISTED_ITEM: Final = re.compile(
    r"(?<=[;:])\s*(?P<abbr>[A-Za-z0-9][\w/-]{0,9})\s*,\s*(?P<words>[^;,\n][^;\n]{2,80}?)\s*(?:;|\.?$)",
    re.MULTILINE,
)


def legend_terms(after: str) -> dict[str, str]:
    """The abbreviations (capitals) the legend of a table spells out, as written: {"RR":
    "Response rate"}; ``after`` is the text after the table, the legend up to its first blank
    line, and a paragraph of abbreviations among the next two ("Abbreviations: MST, median
    survival time; 5-FU, fluorouracil")."""
    paragraphs = after.lstrip("\n").split("\n\n", 3)
    terms = {m.group("abbr"): m.group("words") for m in _LEGEND_ITEM.finditer(paragraphs[0])}
    for paragraph in paragraphs[:3]:
        if (listed := _ABBREVIATIONS.match(paragraph)) is not None:
            items = _LISTED_ITEM.finditer(paragraph, listed.end())
            terms.update({m.group("abbr"): m.group("words") for m in items})
    return terms


def spelled_out(name: str, terms: dict[str, str]) -> str:
    """A header's name, its abbreviation spelled out as the legend does ("MST (months)" →
    "median survival time (months)"): whole, or as the name's first word."""
    if name.strip() in terms:
        return terms[name.strip()]
    first = name.split(maxsplit=1)
    if first and first[0] in terms:
        return " ".join([terms[first[0]], *first[1:]])
    return name


def read_columns(table: Table, terms: dict[str, str] | None = None) -> list[Column]:
    """What each column of ``table`` holds (module doc). A header that is an abbreviation the
    table's legend spells out (``terms``: "RR: Response rate") says what its words say."""
    width = max((len(r) for r in (*table.header, *table.rows)), default=0)
    has_row_labels = any(any(h is not None for h in rh) for rh in table.row_headers)
    columns = []
    for c in range(width):
        cells = header_cells(table, c)
        # (a header cell wrapped over lines reads as one: "Response\nrate (%)")
        names = [_unbroken(" ".join(cell.text.split())) for cell in cells]
        text = " ".join(names)
        texts = [r[c].text for r in table.rows if c < len(r) and r[c] is not None]
        kinds = [cell_kind(r[c].text if r[c] else None) for r in table.rows if c < len(r)]
        numeric = sum(k == "num" for k in kinds) * 2 >= max(1, sum(k != "empty" for k in kinds))
        kind = _column_kind(text, c, numeric, kinds, has_row_labels, texts)
        if c == 0 and not numeric and kind == "skip" and _names_results(texts):
            kind = "stub"  # ("Efficacy" over "Median PFS, months", "Hazard ratio (95% CI)")
        if c == 0 and kind == "stub":
            has_row_labels = True
        meaning = merge([describe(spelled_out(name, terms or {})) for name in reversed(names)])
        columns.append(
            Column(
                kind,
                _role_of(table, c),
                meaning,
                compared=_compared_groups(text),
                parts=_slashed_parts(text),
            )
        )
    return _with_intervals(
        table, _with_groups(table, _control_treatments(table, columns), has_row_labels)
    )


# a column's header over something else than a treatment
_NOT_TREATMENT_HEADER: Final = re.compile(
    r"\b(?:patients|population|subgroups?|stage|disease|histology|country|region|line|phase"
    r"|authors?|references?|trials?|stud(?:y|ies)|n|no\.?|number)\b",
    re.IGNORECASE,
)


def _control_treatments(table: Table, columns: list[Column]) -> list[Column]:
    """Where results are given for the control and the experimental group ("Control |
    Experimental") and only the experimental treatment has a column ("Experimental | S-1 +
    docetaxel"), the column of treatments right before it is the control's ("Adjuvant | S-1
    alone"): each row states both groups it compares."""
    roles = {(col.kind, col.role) for col in columns}
    if ("result", "ctrl") not in roles or ("arm", "exp") not in roles:
        return columns
    if any(col.kind == "arm" and col.role != "exp" for col in columns):
        return columns
    exp = next(c for c, col in enumerate(columns) if col.kind == "arm" and col.role == "exp")
    if exp == 0 or columns[exp - 1].kind != "skip":
        return columns
    header = " ".join(cell.text for cell in header_cells(table, exp - 1))
    if _SKIP_HEADER.search(header) or _NOT_TREATMENT_HEADER.search(header):
        return columns  # ("Setting | Metastatic", "Population | Elderly patients")
    kinds = [
        cell_kind(r[exp - 1].text if r[exp - 1] else None) for r in table.rows if exp - 1 < len(r)
    ]
    if not kinds or sum(k == "text" for k in kinds) * 2 < len(kinds):
        return columns
    return [
        replace(col, kind="arm", role="ctrl") if c == exp - 1 else col
        for c, col in enumerate(columns)
    ]


def _column_kind(
    text: str, c: int, numeric: bool, kinds: list[str], row_labels: bool, texts: list[str]
) -> str:
    """What a column holds, from its header and its cells' kinds; beside row labels, a column of
    sentences with numbers holds results ("Clinical benefit rate | 64% in 28 patients")."""
    hk = header_kind(text)
    if _SIZE_HEADER.fullmatch(text):
        return "size"
    if _P_HEADER.fullmatch(text):
        return "p"
    if _PHASE_HEADER.fullmatch(text):
        return "phase"
    if c == 0 and hk in ("none", "other", "ref") and texts and all(is_trial_name(t) for t in texts):
        # (a first column naming a study in every row: a table of trials turned, or its studies
        # under "Ref.", each name with its reference's number)
        return "trial"
    if c == 0 and (_STUB_HEADER.search(text) or (not numeric and hk in ("none", "other"))):
        return "stub"
    if _DESIGN_HEADER.search(text) and not numeric:
        # ("Study design" over "FOLFOX ± drug K": the groups a row compares; over "open-label,
        # randomised": nothing to read)
        return "arm" if _compare_treatments(texts) else "skip"
    if hk == "trial" and not numeric:
        return "trial"
    if hk == "none" and texts and all(names_study(t) for t in texts):
        return "trial"  # (a column its header leaves unnamed, every cell of which names a study)
    if hk == "arm" and not numeric and not _PURPOSE_HEADER.search(text):
        return "arm"
    if hk == "ref" or _SKIP_HEADER.search(text) or _YEAR_HEADER.fullmatch(text):
        # ("Endpoints" over the results themselves: "Median OS 6.6 vs. 6.0 months; 1-y OS 20%
        # vs. 20%", not over their names, "OS", "12-month PFS rate")
        if _ENDPOINTS_HEADER.search(text) and not numeric and _valued_results(texts):
            return "result"
        return "skip"
    if not numeric and any(k in ("text", "trial") for k in kinds):
        said = row_labels and "num" in kinds
        if said or _results_in_words(text, texts):
            return "result"
        if _STUB_HEADER.search(text) and _names_results(texts):
            return "stub"  # (each row's endpoint, in a column of its own: "Outcome | 3-year RFS")
        return "skip"
    return "result"


def _valued_results(texts: list[str]) -> bool:
    """Cells most of which give results with their values ("6.6 vs. 6.0 months", "20%")."""
    filled = [t for t in texts if t.strip()]
    valued = sum(bool(_VALUED.search(t)) for t in filled)
    return bool(filled) and valued * 2 > len(filled)


def _compare_treatments(texts: list[str]) -> bool:
    """Cells most of which compare treatments, without a number: "A ± B", "A versus B"."""
    filled = [t for t in texts if t.strip()]
    compared = sum(
        bool((VERSUS_SEP.search(t) or WITH_OR_WITHOUT.search(t)) and not _DIGIT.search(t))
        for t in filled
    )
    return bool(filled) and compared * 2 > len(filled)


def _results_in_words(header: str, texts: list[str]) -> bool:
    """A column of sentences whose header says they are results ("Outcome", "Results",
    "Efficacy", or an endpoint), most of them with a result's number: "3-year OS rate, 41% vs.
    50%; HR, 1.35; 95% CI: 1.09-1.66"."""
    if not (_RESULTS_HEADER.search(header) or describe(header).endpoint):
        return False
    filled = [t for t in texts if t.strip()]
    valued = sum(bool(_DIGIT.search(t) and _RESULT_NUMBER.search(t)) for t in filled)
    return bool(filled) and valued * 2 >= len(filled)


def _names_results(texts: list[str]) -> bool:
    """Cells most of which name a result (an endpoint, a measure or a p-value): row labels."""
    said = [describe(t) for t in texts]
    named = sum(bool(m.endpoint or m.measure or m.says_p) for m in said)
    return bool(texts) and named * 2 >= len(texts)


def _with_groups(table: Table, columns: list[Column], has_row_labels: bool) -> list[Column]:
    """Result columns whose header names no result but a group (the rows say which result):
    "| | NALIRIFOX | Gem+NabP |". The group named as control (or else the second of two) is the
    control; the others are experimental. Groups of one drug at two doses keep their doses in
    their labels ("drug X 2 mg/kg", "drug X 10 mg/kg"), never their schedules."""
    if not has_row_labels:
        return columns
    named: dict[int, str] = {}
    for c, column in enumerate(columns):
        cells = header_cells(table, c)
        # (under a spanning header that says the result, "Median months (95% CI)", the cell
        # right over the column may name the group: "A (n=492)")
        m = describe(cells[-1].text) if len(cells) > 1 else column.meaning
        said = m.endpoint or m.measure or m.says_p or m.label or m.level is not None
        said = said or (len(cells) > 1 and _ROLE_WORD.fullmatch(cells[-1].text.strip()))
        if column.kind != "result" or not cells or said or _CI_WORDS.search(cells[-1].text):
            continue
        named[c] = cells[-1].text
    groups = _group_labels(named)
    controls = [c for c, (label, _) in groups.items() if CONTROL.search(label)]
    labels = list(dict.fromkeys(label for label, _ in groups.values()))
    if not controls and len(labels) == 2:
        # (the second of two groups, under each spanning header: "A | B | A | B")
        controls = [c for c, (label, _) in groups.items() if label == labels[1]]
    out = list(columns)
    for c, group in groups.items():
        role = "ctrl" if c in controls else "exp"
        out[c] = Column("result", role, columns[c].meaning, group)
    return out


def _group_labels(headers: dict[int, str]) -> dict[int, tuple[str, int | None]]:
    """The (label, size) each group header gives; where two labels would be one, their doses."""
    labels = {c: arm_label(text) for c, text in headers.items()}
    twice = {label for label, n in Counter(lab for lab, _ in labels.values()).items() if n > 1}
    out = {}
    for c, (label, size) in labels.items():
        if label in twice:
            label, size = arm_label(headers[c], keep_dose=True)
        if label and not is_generic(label) and not _NOT_A_GROUP.match(label):
            out[c] = (label, size)
    return out


def _with_intervals(table: Table, columns: list[Column]) -> list[Column]:
    """Result columns whose header announces a confidence interval and whose cells are bare
    intervals ("95% CI for HR" over "0.52–0.75"): the intervals of another column's numbers, the
    nearest to the left that measures what the header names ("for median PFS (months)"), else
    the nearest to the left."""
    out = list(columns)
    for c, column in enumerate(columns):
        header = " ".join(cell.text for cell in header_cells(table, c))
        if column.kind != "result" or column.group or not _CI_WORDS.search(header):
            continue
        texts = [r[c].text for r in table.rows if c < len(r) and r[c] is not None]
        given = [t for t in texts if not is_placeholder(t)]
        if not given or sum(read_interval(t) is not None for t in given) * 2 < len(given):
            continue
        of = _bounded_column(columns, c)
        if of is not None:
            out[c] = Column("interval", column.role, column.meaning, None, of)
    return out


def _bounded_column(columns: list[Column], c: int) -> int | None:
    said = columns[c].meaning
    left = [k for k in range(c - 1, -1, -1) if columns[k].kind == "result"]
    for k in left:
        m = columns[k].meaning
        same_endpoint = said.endpoint is None or m.endpoint == said.endpoint
        if said.measure and m.measure == said.measure and same_endpoint:
            return k
    return left[0] if left else None
