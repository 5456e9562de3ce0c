"""One table (etl.documents.tables) → the result numbers of each data row, as facts of the
sentence grammar (etl.extract.grammar.Fact) with their endpoint, measure, unit, interval,
p-value, time point, group (arm / comparator) and the row's trial.

Columns are sorted by what their headers announce: the study's name ("Name of the trial",
"Study (phase)"), its treatments ("Treatment in the control arm: drug/dose (n of pts)", "Drug"),
patients ("N"), p-values, things that are not results (ages, dates, references), a first column
of row labels, and result columns. A result column's header, the row's headers (carried down
from the rows above where a row leaves them empty) and the words of the cell itself say which
result a number is (see etl.extract.table_cells). The number's group is the row's treatment under
the column's role ("control" / "experimental"), or the group its column header names.

Offsets of a fact (``start``, ``end``: the number as written) and of its p-value are relative to
the start of its row's span: ``text[span[0] + f.start : span[0] + f.end]`` is the number.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from etl.documents.table_grid import cell_kind, header_kind
from etl.documents.tables import Cell, Table
from etl.extract.grammar import Fact, Problem, _fact, parse_sentence
from etl.extract.numbers import NUM, Interval, PValue, find_p_values, parse_number
from etl.extract.phrases import is_generic
from etl.extract.table_cells import CellValue, Meaning, describe, merge, read_cell
from etl.extract.table_names import arm_label, phase_code, table_nct, trial_name
from etl.vocab.codes import RATIO_MEASURES, TIME_UNITS, code
from etl.vocab.endpoints import TIME_TO_EVENT, endpoint_mentions


@dataclass(frozen=True)
class RowReading:
    row: int  # index into table.rows
    span: tuple[int, int]  # = table.row_spans[row]
    trial: str | None  # the trial the row names
    phase: str | None  # "1", "1/2", "2", "2/3", "3", "4" or None
    # (label, size) of the row's groups, experimental first
    arms: tuple[tuple[str, int | None], ...]
    facts: list[Fact]  # the row's numbers


_SKIP_HEADER: Final = re.compile(
    r"\b(?:age|dates?|approv\w*|mechanism|indications?|doses?|dosing|schedule|design|setting"
    r"|population|sequence|endpoints?|years?\s+of\s+publication|publication|line of therapy"
    r"|characteristics?|comments?|notes?|remarks?)\b",
    re.IGNORECASE,
)
_SIZE_HEADER: Final = re.compile(
    r"\s*(?:N|n|No\.?|n of pts|no\.? of (?:patients|pts)|number of patients|patients|pts"
    r"|sample size|enrolled|evaluable)\s*",
    re.IGNORECASE,
)
_P_HEADER: Final = re.compile(r"\s*p(?:\s*[- ]?values?)?\s*", re.IGNORECASE)
_PHASE_HEADER: Final = re.compile(r"\s*phases?\s*", re.IGNORECASE)
_STUB_HEADER: Final = re.compile(
    r"\b(?:endpoints?|outcomes?|parameters?|variables?|measures?|dimensions?|characteristics?"
    r"|subgroups?|items?)\b",
    re.IGNORECASE,
)
# column headers over results that name no group: the whole population, or just "the numbers"
_NOT_A_GROUP: Final = re.compile(
    r"(?:results?|values?|data|descriptions?|findings?|estimates?|total|overall|all\b|evidence"
    r"|details?|summary|statistics?|effects?|outcomes?|measures?|numbers?)\b",
    re.IGNORECASE,
)
_CONTROL: Final = re.compile(
    r"\b(?:control|comparators?|reference|placebo|standard|SOC|BSC|observation)\b", re.I
)
_EXPERIMENTAL: Final = re.compile(r"\b(?:experimental|investigational)\b", re.IGNORECASE)
_TREATMENT: Final = re.compile(r"\b(?:treatment|intervention|study drug)\b", re.IGNORECASE)
_BARE_P_CELL: Final = re.compile(rf"\s*(?P<op><=|>=|[<>=≤≥])?\s*(?P<num>{NUM})\s*")
_NUMBER: Final = re.compile(NUM)
_OPS: Final = {"<": "<", ">": ">", "=": "=", "≤": "<=", "≥": ">=", "<=": "<=", ">=": ">="}


@dataclass(frozen=True)
class _Column:
    kind: str  # trial, arm, size, p, phase, skip, stub, result
    role: str | None  # exp, ctrl, both or None: whose number (or treatment) the column holds
    meaning: Meaning  # what its header says of its numbers
    group: tuple[str, int | None] | None  # the group its header names (layout d), with its size


# ---- the columns ------------------------------------------------------------------------------


def _header_cells(table: Table, c: int) -> list[Cell]:
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
        control, strong = _CONTROL.search(cell.text), _EXPERIMENTAL.search(cell.text)
        if control and strong:
            position = sum(1 for k in range(c) if row[k] == cell)
            spanned = position > 0 or (c + 1 < len(row) and row[c + 1] == cell)
            if not spanned:
                return "both"
            order = ["ctrl", "exp"] if control.start() < strong.start() else ["exp", "ctrl"]
            return order[position] if position < 2 else None
        if control:
            return "ctrl"
        if strong or _TREATMENT.search(cell.text):
            return "exp"
    return None


def _columns(table: Table) -> list[_Column]:
    width = max((len(r) for r in (*table.header, *table.rows)), default=0)
    has_row_labels = any(any(h is not None for h in rh) for rh in table.row_headers)
    columns = []
    for c in range(width):
        cells = _header_cells(table, c)
        text = " ".join(cell.text for cell in cells)
        kinds = [cell_kind(r[c].text if r[c] else None) for r in table.rows if c < len(r)]
        numeric = sum(k == "num" for k in kinds) * 2 >= max(1, sum(k != "empty" for k in kinds))
        kind = _column_kind(text, c, numeric, kinds, has_row_labels)
        if c == 0 and kind == "stub":
            has_row_labels = True
        meaning = merge([describe(cell.text) for cell in reversed(cells)])
        columns.append(_Column(kind, _role_of(table, c), meaning, None))
    return _with_groups(table, columns, has_row_labels)


def _column_kind(text: str, c: int, numeric: bool, kinds: list[str], row_labels: bool) -> str:
    """What a column holds, from its header and its cells' kinds; beside row labels, a column of
    sentences with numbers holds results ("Clinical benefit rate | 64% in 28 patients")."""
    hk = header_kind(text)
    if _SIZE_HEADER.fullmatch(text):
        return "size"
    if _P_HEADER.fullmatch(text):
        return "p"
    if _PHASE_HEADER.fullmatch(text):
        return "phase"
    if c == 0 and (_STUB_HEADER.search(text) or (not numeric and hk in ("none", "other"))):
        return "stub"
    if hk == "trial" and not numeric:
        return "trial"
    if hk == "arm" and not numeric:
        return "arm"
    if hk == "ref" or _SKIP_HEADER.search(text):
        return "skip"
    if not numeric and any(k in ("text", "trial") for k in kinds):
        return "result" if row_labels and "num" in kinds else "skip"
    return "result"


def _with_groups(table: Table, columns: list[_Column], has_row_labels: bool) -> list[_Column]:
    """Result columns whose header names no result but a group (the rows say which result):
    "| | NALIRIFOX | Gem+NabP |". The group named as control (or else the second of two) is the
    control; the others are experimental."""
    if not has_row_labels:
        return columns
    named: dict[int, tuple[str, int | None]] = {}
    for c, column in enumerate(columns):
        m = column.meaning
        cells = _header_cells(table, c)
        if column.kind != "result" or not cells or m.endpoint or m.measure or m.says_p or m.label:
            continue
        label, size = arm_label(cells[-1].text)
        if label and not is_generic(label) and not _NOT_A_GROUP.match(label):
            named[c] = (label, size)
    controls = [c for c, (label, _) in named.items() if _CONTROL.search(label)]
    if not controls and len(named) == 2:
        controls = [max(named)]
    out = list(columns)
    for c, group in named.items():
        role = "ctrl" if c in controls else "exp"
        out[c] = _Column("result", role, columns[c].meaning, group)
    return out


# ---- a row's trial and groups ------------------------------------------------------------------


def _row_trial(
    table: Table, columns: list[_Column], row: Sequence[Cell | None]
) -> tuple[str | None, str | None]:
    trial = phase = None
    for c, column in enumerate(columns):
        cell = row[c]
        if cell is None:
            continue
        if column.kind == "trial" and trial is None:
            header = " ".join(h.text for h in _header_cells(table, c))
            trial, phase = trial_name(cell.text, "phase" in header.lower())
        elif column.kind == "phase" and phase is None:
            phase = phase_code(cell.text, True)
    return trial, phase


@dataclass(frozen=True)
class _Arms:
    exp: tuple[str, int | None] | None
    ctrl: tuple[str, int | None] | None
    single: tuple[str, int | None] | None  # the one treatment of a row of a one-arm table

    def label(self, role: str | None) -> str | None:
        chosen = self.exp if role == "exp" else self.ctrl if role == "ctrl" else self.single
        return chosen[0] if chosen else None


def _row_arms(columns: list[_Column], row: Sequence[Cell | None]) -> _Arms:
    exp = ctrl = single = None
    size = None
    for c, column in enumerate(columns):
        cell = row[c]
        if column.group is not None:
            if column.role == "ctrl":
                ctrl = ctrl or column.group
            else:
                exp = exp or column.group
        if cell is None:
            continue
        if column.kind == "size" and cell.text.replace(",", "").isdigit():
            size = int(cell.text.replace(",", ""))
        if column.kind != "arm":
            continue
        label, n = arm_label(cell.text)
        if label is None:
            continue
        if column.role == "ctrl":
            ctrl = ctrl or (label, n)
        elif column.role == "exp":
            exp = exp or (label, n)
        else:
            single = single or (label, n)
    found = [a for a in (exp, ctrl, single) if a is not None]
    if len(found) == 1 and not any(column.group for column in columns):
        exp, ctrl, single = None, None, found[0]  # the row's only treatment, whatever its header
    if single is not None and single[1] is None and size is not None:
        single = (single[0], size)
    return _Arms(exp, ctrl, single)


# ---- the facts of a row -----------------------------------------------------------------------


def _effective_row_headers(table: Table) -> list[list[Cell | None]]:
    """Each row's row headers, those it leaves empty taken from the row above where a deeper
    one is given ("OS rate, %" / "12 months", then "" / "18 months")."""
    out: list[list[Cell | None]] = []
    previous: list[Cell | None] = []
    for cells in table.row_headers:
        first = next((i for i, cell in enumerate(cells) if cell is not None), len(cells))
        current = list(previous[:first]) + [None] * max(0, first - len(previous))
        current += list(cells[first:])
        out.append(current)
        previous = current
    return out


def read_table(text: str, table: Table) -> list[RowReading]:
    """The reading of each data row of ``table`` (one per row, in order, with its facts or
    none); ``text`` is the document the table was found in. A table without a trial column
    that gives one registry number (in its cells or caption) names that trial on every row."""
    columns = _columns(table)
    row_labels = _effective_row_headers(table) if table.row_headers else [[] for _ in table.rows]
    caption = table.caption.text if table.caption else ""
    named = None
    if not any(column.kind == "trial" for column in columns):
        named = table_nct(caption + " " + text[table.start : table.end])
    last_endpoint: tuple[str, str] | None = None
    readings = []
    for r, row in enumerate(table.rows):
        span = table.row_spans[r]
        labels = [cell for cell in row_labels[r] if cell is not None]
        stub = [row[c] for c, col in enumerate(columns) if col.kind == "stub" and row[c]]
        row_meaning = merge([describe(cell.text) for cell in reversed([*labels, *stub])])
        trial, phase = _row_trial(table, columns, row)
        arms = _row_arms(columns, row)
        context = _Context(row_meaning, last_endpoint, caption, span[0])
        facts = _row_facts(columns, row, arms, context)
        _attach_p_column(columns, row, facts, arms, span[0])
        listed = [a for a in (arms.exp, arms.ctrl) if a] or [a for a in (arms.single,) if a]
        readings.append(RowReading(r, span, trial or named, phase, tuple(listed), facts))
        last_endpoint = row_meaning.endpoint or last_endpoint
    return readings


@dataclass(frozen=True)
class _Context:
    row: Meaning  # what the row's headers say
    above: tuple[str, str] | None  # the last endpoint named by the rows above
    caption: str
    origin: int  # the start of the row's span


def _row_facts(
    columns: list[_Column], row: Sequence[Cell | None], arms: _Arms, context: _Context
) -> list[Fact]:
    facts: list[Fact] = []
    for c, column in enumerate(columns):
        cell = row[c]
        if cell is None or column.kind != "result":
            continue
        says_p = context.row.says_p or column.meaning.says_p
        counts_are_rates = context.row.counts_are_rates or column.meaning.counts_are_rates
        values = read_cell(cell.text, says_p, counts_are_rates)
        if values is None:
            facts += _prose_facts(cell, column, arms, context)
            continue
        for value in values:
            fact = _structured_fact(value, cell, c, columns, row, arms, context)
            if fact is not None:
                facts.append(fact)
    return facts


def _endpoint(
    meanings: Sequence[Meaning], ratio: bool, c: int, columns: list[_Column], context: _Context
) -> tuple[str, str]:
    """The endpoint a number's cell, row or column names (in that order); a header that names an
    unknown result ("MRD negativity, %", "CR/CRi rates, %") gives OTHER with its words. Else the
    endpoint of the nearest result column to the left, of the rows above, or of the caption (for
    a ratio, a time-to-event endpoint)."""
    for m in meanings:
        if m.endpoint:
            return m.endpoint
        if m.label:
            return code("endpoint", "OTHER"), m.label
    fits = TIME_TO_EVENT if ratio else None
    for k in range(c - 1, -1, -1):
        found = columns[k].meaning.endpoint
        if columns[k].kind == "result" and found and (fits is None or found[0] in fits):
            return found
    if context.above and (fits is None or context.above[0] in fits):
        return context.above
    for _, _, found, wording in endpoint_mentions(context.caption):
        if fits is None or found in fits:
            return code("endpoint", found), wording
    return code("endpoint", "OTHER"), ""


def _measure(
    value: CellValue, meanings: Sequence[Meaning], endpoint: str, ratio: bool
) -> tuple[str, str] | None:
    """The value's own unit ("%", "months") first; else what its cell, row or column says, a
    ratio before anything else ("Median PFS, months" beside a column "HR (95% CI)")."""
    said = next((m for m in meanings if m.measure in RATIO_MEASURES), None) if ratio else None
    said = said or next((m for m in meanings if m.measure), None)
    if value.unit == "percent":
        return code("measure", "rate"), value.unit
    if value.unit in TIME_UNITS:
        kind = said.measure if said and said.measure in ("mean", "difference") else "median"
        return code("measure", kind), value.unit
    if said is None or said.measure is None:
        return None
    unit = said.unit or next((m.unit for m in meanings if m.unit), None)
    if unit is None and said.measure in ("median", "mean") and endpoint in TIME_TO_EVENT:
        unit = code("unit", "months")  # ("Median OS": months, as such tables mean it)
    return (said.measure, unit) if unit else None


def _structured_fact(
    value: CellValue,
    cell: Cell,
    c: int,
    columns: list[_Column],
    row: Sequence[Cell | None],
    arms: _Arms,
    context: _Context,
) -> Fact | None:
    column = columns[c]
    own = describe(value.words)
    meanings = (own, context.row, column.meaning)
    ratio = any(m.measure in RATIO_MEASURES for m in meanings) and value.unit is None
    endpoint = _endpoint(meanings, ratio, c, columns, context)
    measure = _measure(value, meanings, endpoint[0], ratio)
    if measure is None:
        return None
    shift = cell.start - context.origin
    fact = _fact(value.value, shift + value.start, shift + value.end, measure[1], measure[0])
    fact.endpoint, fact.endpoint_label = endpoint
    problems: list[Problem] = []
    if value.interval_problem:
        problems.append(Problem("malformed_interval", value.interval_problem))
    if value.interval is not None:
        level = value.level or next((m.level for m in meanings if m.level), None)
        fact.ci = Interval(value.interval.lower, value.interval.upper, level)
    if value.p is not None:
        fact.p = value.p._replace(start=value.p.start + shift, end=value.p.end + shift)
    if fact.measure in ("rate", "count"):
        fact.timepoint_months = next(
            (m.timepoint_months for m in meanings if m.timepoint_months), None
        )
    fact.n_patients, fact.n_denominator = value.n_patients, value.n_denominator
    _set_groups(fact, column, arms, value.label if not (own.endpoint or own.measure) else "")
    fact.problems = tuple(problems) + _impossible(fact)
    return fact


def _set_groups(fact: Fact, column: _Column, arms: _Arms, cell_label: str) -> None:
    """A ratio compares the experimental group with the control; another number is the group's
    its column names, or whose treatment its column's role points to, or the row's one."""
    if fact.measure in RATIO_MEASURES or fact.measure == "difference":
        if arms.exp and arms.ctrl:
            fact.arm, fact.comparator = arms.exp[0], arms.ctrl[0]
        return
    if column.group is not None:
        fact.arm = column.group[0]
    elif column.role in ("exp", "ctrl"):
        fact.arm = arms.label(column.role)
    elif arms.single:
        fact.arm = arms.single[0]
    if fact.arm is None and cell_label and not is_generic(cell_label):
        fact.arm = arm_label(cell_label)[0]


def _impossible(fact: Fact) -> tuple[Problem, ...]:
    """An interval or p-value that cannot be is not kept (the value is), and said."""
    problems = []
    ci = fact.ci
    if ci is not None and fact.unit == "percent" and (ci.lower < 0 or ci.upper > 100):
        problems.append(
            Problem(
                "impossible_interval",
                f"interval {ci.lower:g} to {ci.upper:g} lies outside 0-100% (not kept)",
            )
        )
        fact.ci = None
    if fact.p is not None and not 0 <= fact.p.value <= 1:
        problems.append(
            Problem("impossible_p_value", f"p = {fact.p.value:g} is not a probability (not kept)")
        )
        fact.p = None
    return tuple(problems)


def _prose_facts(cell: Cell, column: _Column, arms: _Arms, context: _Context) -> list[Fact]:
    """A cell that holds a sentence is read by the sentence grammar, its header's endpoint the
    context; the groups its sentence does not name are the column's."""
    said = context.row.endpoint or column.meaning.endpoint
    shift = cell.start - context.origin
    out = []
    for fact in parse_sentence(cell.text, context_endpoint=said):
        number = _NUMBER.match(cell.text, fact.start)  # (the grammar's span holds the unit)
        end = number.end() if number else fact.end
        fact.start, fact.end = fact.start + shift, end + shift
        if fact.p is not None:
            fact.p = fact.p._replace(start=fact.p.start + shift, end=fact.p.end + shift)
        if fact.arm is None:
            _set_groups(fact, column, arms, "")
        if said and fact.endpoint == "OTHER" and not fact.endpoint_label:
            fact.endpoint, fact.endpoint_label = said
        out.append(fact)
    return out


def _attach_p_column(
    columns: list[_Column], row: Sequence[Cell | None], facts: list[Fact], arms: _Arms, origin: int
) -> None:
    """A p-value in a column of its own qualifies the row's ratio, else its experimental
    group's number."""
    for c, column in enumerate(columns):
        cell = row[c]
        if column.kind != "p" or cell is None:
            continue
        found = find_p_values(cell.text)
        bare = _BARE_P_CELL.fullmatch(cell.text)
        if found:
            p = found[0]
        elif bare:
            s, e = bare.span("num")
            p = PValue(parse_number(bare.group("num")), _OPS[bare.group("op") or "="], s, e)
        else:
            continue
        p = p._replace(start=p.start + cell.start - origin, end=p.end + cell.start - origin)
        targets = [f for f in facts if f.measure in RATIO_MEASURES and f.p is None]
        targets = targets or [
            f for f in facts if f.p is None and f.arm and f.arm == arms.label("exp")
        ]
        if targets and 0 <= p.value <= 1:
            targets[0].p = p
