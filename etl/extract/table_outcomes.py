"""One table (etl.documents.tables) → the result numbers of each data row, as facts of the
sentence grammar (etl.extract.grammar.Fact) with their endpoint, measure, unit, interval,
p-value, time point, group (arm / comparator) and the row's trial.

Columns are sorted by what their headers announce (etl.extract.table_columns): the study's
name, its treatments, patients, p-values, things that are not results, row labels, results, and
intervals of another column's results. A result column's header, the row's headers (carried
down from the rows above where a row leaves them empty), the heading of the row's section
("Progression-free survival | | |") and the words of the cell itself say which result a number
is (see etl.extract.table_cells). The number's trial and group are the row's (etl.extract.
table_groups): the trial its cells or its section's heading name; the row's treatment under the
column's role ("control" / "experimental"), or the group its column header names. P-values that
stand apart, in a column or a row of their own, go to the numbers they qualify
(etl.extract.table_p_values).

Offsets of a fact (``start``, ``end``: the number as written) and of its p-value are relative to
the start of its row's span: ``text[span[0] + f.start : span[0] + f.end]`` is the number.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Final

from etl.documents.table_grid import LEVEL_LABEL, caption_trial, is_trial_name
from etl.documents.tables import Cell, Table, heading, trial_rows
from etl.extract.facts import Fact, Problem, make_fact
from etl.extract.grammar import parse_sentence
from etl.extract.numbers import NUM, Interval
from etl.extract.phrases import is_generic
from etl.extract.table_cells import (
    CellValue,
    Meaning,
    describe,
    merge,
    names_something,
    read_cell,
    read_interval,
)
from etl.extract.table_columns import Column, legend_terms, read_columns
from etl.extract.table_groups import (
    Arms,
    Section,
    caption_groups,
    compare_in_sections,
    row_arms,
    row_trial,
    sections,
    with_caption_control,
)
from etl.extract.table_lettered import lettered_items
from etl.extract.table_names import arm_label, table_nct, uncited, undated, unreferenced
from etl.extract.table_p_values import Placed, attach_p_column, attach_p_row
from etl.extract.value_endpoints import compares_times
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
    enrolled: int | None = None  # the patients its trial enrolled, as a column gives them


_NUMBER: Final = re.compile(NUM)
_HAZARD_RATIO: Final = code("measure", "hazard_ratio")
_RATE: Final = code("measure", "rate")


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
    that gives one registry number (in its cells or caption), or whose caption names one study,
    names that trial on every row."""
    # (the legend: the lines after the table, which spell out its abbreviations)
    columns = read_columns(table, legend_terms(text[table.end : table.end + 3000]))
    row_labels = _effective_row_headers(table) if table.row_headers else [[] for _ in table.rows]
    caption = table.caption.text if table.caption else ""
    compared = caption_groups(caption)
    named = None
    if not any(column.kind == "trial" for column in columns):
        named = table_nct(caption + " " + text[table.start : table.end]) or caption_trial(caption)
    of_section = sections(table)
    last_endpoint: tuple[str, str] | None = None
    valued_above = False  # (the row that named it has numbers: it is no heading)
    placed: list[Placed] = []
    p_rows: list[int] = []
    facts: list[list[Fact]] = []
    arms: list[Arms] = []
    trials: list[tuple[str | None, str | None]] = []
    for r, row in enumerate(table.rows):
        origin = table.row_spans[r][0]
        row_meaning = _row_meaning(table, columns, row_labels[r], r, of_section[r].head)
        # (a heading that names no study, "1st line", names no trial either)
        heads = of_section[r].head == r and not of_section[r].study
        trials.append((None, None) if heads else row_trial(table, columns, row))
        arms.append(with_caption_control(row_arms(columns, row), compared))
        facts.append([])
        if _p_only(row_meaning):
            p_rows.append(r)
            continue
        # a row naming no result ("Not evaluable", "Missing") under rows that each name their
        # own ("Complete response | 3 (1%)"; not under a heading, "Overall survival") is none
        other = valued_above and _names_other_thing(row_meaning, [*row_labels[r], *row])
        above = None if other else last_endpoint
        context = _Context(row_meaning, above, caption, origin)
        found = _row_facts(columns, row, arms[r], context)
        placed += [Placed(r, c, f) for c, f in found]
        facts[r] = [f for _, f in found]
        attach_p_column(columns, row, found, arms[r].label("exp"), origin)
        if row_meaning.endpoint:
            last_endpoint, valued_above = row_meaning.endpoint, bool(facts[r])
    for r in p_rows:
        section = [x for x in placed if of_section[x.row].head == of_section[r].head]
        attach_p_row(r, table.rows[r], table.row_spans[r][0], columns, section)
    for r in range(1, len(table.rows)):
        level = _interval_row_level(row_labels[r])
        if level is not None:
            _bound_row_above(table.rows[r], [x for x in placed if x.row == r - 1], level)
    # (the names without the reference numbers set on them, "ARTIST42" is ARTIST, nor the years
    # of publication a column writes them with, "GEST 2013")
    elsewhere = text[: table.start] + "\n" + text[table.end :]
    names = uncited(unreferenced(undated([t for t, _ in trials])), elsewhere)
    trials = [(name, phase) for name, (_, phase) in zip(names, trials, strict=True)]
    own = _carried([_own_trial(t, of_section[r], r) for r, (t, _) in enumerate(trials)], table)
    # (the rows of one trial compare their groups, in a section or a trial's rows)
    blocks = [(of_section[r].head, _block(own, r)) for r in range(len(table.rows))]
    compare_in_sections(facts, arms, own, blocks)
    return [
        RowReading(
            r,
            table.row_spans[r],
            own[r] or of_section[r].trial or named,
            trials[r][1] or (of_section[r].phase if of_section[r].head == r else None),
            arms[r].listed(),
            facts[r],
            arms[r].enrolled,
        )
        for r in range(len(table.rows))
    ]


def _row_meaning(
    table: Table, columns: list[Column], labels: Sequence[Cell | None], r: int, head: int | None
) -> Meaning:
    """What row r's headers, its row-label cells and (for a heading) its own cell say of its
    numbers, the most specific first; then how the heading of its section measures them, where
    the row leaves it unsaid ("Survival rate — % (95% CI)" over "6 mo | 67 (62–71) | 55
    (50–60)": rates, in percent, with 95% intervals). (Its endpoint comes down as every row's
    does, as the last one named above: a heading's endpoint is not that of a row naming another
    thing, "Deaths, n (%)" under "Overall survival".)"""
    stub = [
        cell for c, col in enumerate(columns) if col.kind == "stub" and (cell := table.rows[r][c])
    ]
    said = [cell for cell in [*labels, *stub, heading(table, r)] if cell is not None]
    meanings = [describe(cell.text) for cell in reversed(dict.fromkeys(said))]
    section = heading(table, head) if head is not None and head != r else None
    if section is not None and section not in said:
        measured = describe(section.text)
        meanings.append(replace(measured, endpoint=None, composite=False, label=""))
    return merge(meanings)


def _interval_row_level(labels: Sequence[Cell | None]) -> float | None:
    """The level of a row of intervals, by its label ("95% CI (months)": 95.0): a label that
    says an interval and no result of its own. None for any other row."""
    label = next((cell for cell in labels if cell is not None), None)
    if label is None or not LEVEL_LABEL.match(label.text.lstrip("([ ")):  # (or "(95% CI)")
        return None
    meaning = describe(label.text)
    if meaning.endpoint or meaning.level is None:
        return None
    return meaning.level


def _bound_row_above(row: Sequence[Cell | None], above: list[Placed], level: float) -> None:
    """The intervals of a row of intervals bound the numbers of the row above in their columns,
    when they hold them ("Median OS (months) | 8.8 | 8.3", then "95% CI | (6.4, 11.7) | (6.2,
    10.7)")."""
    for placed in above:
        cell = row[placed.column] if placed.column < len(row) else None
        interval = read_interval(cell.text) if cell is not None else None
        fact = placed.fact
        if (
            interval is not None
            and fact.ci is None
            and interval.lower <= fact.value <= interval.upper
        ):
            fact.ci = interval._replace(level=level)


def _names_other_thing(meaning: Meaning, cells: Sequence[Cell | None]) -> bool:
    """A row's label (its first cell) names something, and no result, measure or time point:
    "Not evaluable"."""
    if meaning.endpoint or meaning.measure or meaning.says_p or meaning.label:
        return False
    if meaning.timepoint_months is not None or meaning.level is not None:
        return False
    label = next((cell for cell in cells if cell is not None), None)
    return label is not None and names_something(label.text)


def _carried(own: list[str | None], table: Table) -> list[str | None]:
    """A row that leaves its trial cell empty under a row of a trial is that trial's (a trial
    cell spanning the rows of its groups: etl.documents.tables.trial_rows)."""
    return [
        trial if trial is not None or owner is None else own[owner]
        for trial, owner in zip(own, trial_rows(table), strict=True)
    ]


def _block(trials: list[str | None], r: int) -> int | None:
    """The first row of the run of rows of row r's trial (None: no trial)."""
    if trials[r] is None:
        return None
    while r and trials[r - 1] == trials[r]:
        r -= 1
    return r


def _own_trial(trial: str | None, section: Section, r: int) -> str | None:
    """The trial a row's own cells name; under a study's heading, only a trial's name ("Final"
    in the trial column is an analysis of the heading's study), and the heading's own."""
    if not section.study or trial is None:
        return trial
    return trial if section.head != r and is_trial_name(trial) else None


def _p_only(meaning: Meaning) -> bool:
    """A row of p-values: its label says p-value and names no result ("p-Value (stratified
    log-rank)")."""
    return meaning.says_p and not (meaning.measure or meaning.endpoint)


@dataclass(frozen=True)
class _Context:
    row: Meaning  # what the row's headers say
    above: tuple[str, str] | None  # the last endpoint named by the rows above
    caption: str
    origin: int  # the start of the row's span


def _row_facts(
    columns: list[Column], row: Sequence[Cell | None], arms: Arms, context: _Context
) -> list[tuple[int, Fact]]:
    """The numbers of a row's result cells, each with its column."""
    facts: list[tuple[int, Fact]] = []
    for c, column in enumerate(columns):
        cell = row[c]
        if cell is None or column.kind != "result":
            continue
        says_p = context.row.says_p or column.meaning.says_p
        counts_are_rates = context.row.counts_are_rates or column.meaning.counts_are_rates
        has_ci = context.row.level is not None or column.meaning.level is not None
        values = read_cell(
            cell.text, says_p, counts_are_rates, comma_interval=has_ci, semicolons=arms.semicolons
        )
        if values is None:
            facts += [(c, f) for f in _prose_facts(cell, column, arms, context)]
            continue
        for value in values:
            fact = _structured_fact(value, cell, c, columns, row, arms, context)
            if fact is not None:
                _bounded(fact, c, columns, row)
                facts.append((c, fact))
    return facts


def _bounded(fact: Fact, c: int, columns: list[Column], row: Sequence[Cell | None]) -> None:
    """A number without an interval takes the one its row gives in the column of its intervals
    ("95% CI for HR"), when that interval holds it (else the interval is not kept, and said)."""
    for k, column in enumerate(columns):
        cell = row[k]
        if column.kind != "interval" or column.of != c or cell is None or fact.ci is not None:
            continue
        interval = read_interval(cell.text)
        if interval is None:
            continue
        if interval.lower <= fact.value <= interval.upper:
            fact.ci = interval._replace(level=column.meaning.level)
        else:
            problem = Problem(
                "malformed_interval",
                f"interval {interval.lower:g} to {interval.upper:g} does not hold "
                f"{fact.value:g} (not kept)",
            )
            fact.problems = (*fact.problems, problem)


def _endpoint(
    meanings: Sequence[Meaning],
    ratio: str | None,
    c: int,
    columns: list[Column],
    context: _Context,
    timed: bool = False,
) -> tuple[str, str]:
    """The endpoint a number's cell, row or column names (in that order); a header that names an
    unknown result ("MRD negativity, %", "CR/CRi rates, %") gives OTHER with its words. Else the
    endpoint of the nearest result column to the left, of the rows above, or of the caption:
    for a ``ratio``, one it can compare (a hazard ratio: a time-to-event endpoint; an odds or
    risk ratio: a rate's, "Objective response (95% CI)" over "Stratified odds ratio")."""
    for m in meanings:
        if m.endpoint:
            return m.endpoint
        if m.label:
            return code("endpoint", "OTHER"), m.label

    def fits(endpoint: str, wording: str = "") -> bool:
        if ratio is None:
            # (a time is of a time to an event: "Median, months" under the rows of a PFS's
            # events, "Progressive disease", is the PFS's; "event-free survival" is one too)
            return not timed or endpoint in TIME_TO_EVENT or compares_times(endpoint, wording)
        return (endpoint in TIME_TO_EVENT) == (ratio == _HAZARD_RATIO)

    for k in range(c - 1, -1, -1):
        found = columns[k].meaning.endpoint
        if columns[k].kind == "result" and found and fits(*found):
            return found
    if context.above and fits(*context.above):
        return context.above
    for _, _, found, wording in endpoint_mentions(context.caption):
        if fits(found, wording):
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
    columns: list[Column],
    row: Sequence[Cell | None],
    arms: Arms,
    context: _Context,
) -> Fact | None:
    column = columns[c]
    own = describe(value.words)
    column_meaning = column.meaning
    rates = context.row.counts_are_rates or context.row.measure == _RATE
    if column_meaning.other_ratio and rates:
        # "HR or RR (95% CI)" beside a row of rates ("n (%)"): the rates' ratio
        column_meaning = replace(column_meaning, measure=column_meaning.other_ratio)
    meanings = (own, context.row, column_meaning)
    said_ratio = next((m.measure for m in meanings if m.measure in RATIO_MEASURES), None)
    if value.compares:
        # (the comparison's statistic after the groups' values: the ratio its keyword, its
        # header's bracket or its header names; none named, no result read)
        said_ratio = own.measure or next(
            (m.bracket_ratio or m.measure for m in meanings[1:] if m.bracket_ratio), said_ratio
        )
        if said_ratio not in RATIO_MEASURES:
            return None
        meanings = (Meaning(measure=said_ratio, unit=code("unit", "ratio")), *meanings)
    ratio = said_ratio is not None and value.unit is None
    timed = value.unit in TIME_UNITS or any(m.unit in TIME_UNITS for m in meanings)
    endpoint = _endpoint(meanings, said_ratio if ratio else None, c, columns, context, timed)
    measure = _measure(value, meanings, endpoint[0], ratio)
    if measure is None:
        return None
    shift = cell.start - context.origin
    fact = make_fact(value.value, shift + value.start, shift + value.end, measure[1], measure[0])
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
    if value.listed is not None and value.listed[1] == len(column.parts) == 2:
        # ("Any grade CRS/NE (%)": "92%/60%" is the row's group's CRS and NE; a part the
        # vocabulary does not name is of its partner's kind)
        kinds = [
            found[0][2] if (found := endpoint_mentions(part)) else None for part in column.parts
        ]
        known = next((k for k in kinds if k is not None), fact.endpoint)
        fact.endpoint = kinds[value.listed[0]] or known
        fact.endpoint_label = column.parts[value.listed[0]]
        fact.arm = arms.label("exp") or arms.label(None)
    elif value.listed is not None and fact.measure not in RATIO_MEASURES:
        _set_listed_group(fact, value.listed, arms, value.label, column.compared)
    elif value.compares and len(column.compared) >= 2:
        fact.arm, fact.comparator = column.compared[0], column.compared[1]
    else:
        _set_groups(fact, column, arms, value.label if not (own.endpoint or own.measure) else "")
    fact.problems = tuple(problems) + _impossible(fact)
    return fact


def _set_groups(fact: Fact, column: Column, arms: Arms, cell_label: str) -> None:
    """A ratio compares the experimental group with the control (in a group's column: that group
    with the row's reference group); another number is the group's its column names, or whose
    treatment its column's role points to, or the row's one."""
    if fact.measure in RATIO_MEASURES or fact.measure == "difference":
        if column.group is not None:
            fact.arm, fact.comparator = column.group[0], arms.compared_with(column.group[0])
        elif arms.exp and arms.ctrl:
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


def _set_listed_group(
    fact: Fact, listed: tuple[int, int], arms: Arms, named: str, compared: tuple[str, ...] = ()
) -> None:
    """A value of a cell comparing groups ("5.5 versus 2.8") is of the group its bracket names,
    else of the row's group at its position, when the row has as many (experimental first), else
    of the group its column's header compares at its position ("A arm versus B arm")."""
    if named and not is_generic(named):
        fact.arm = arm_label(named)[0]
        return
    position, size = listed
    groups = arms.listed()
    if len(groups) == size:
        fact.arm = groups[position][0]
    elif len(compared) == size:
        fact.arm = compared[position]


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


def _prose_facts(cell: Cell, column: Column, arms: Arms, context: _Context) -> list[Fact]:
    """A cell that holds a sentence is read by the sentence grammar, its header's endpoint the
    context; the groups its sentence does not name are the column's."""
    said = context.row.endpoint or column.meaning.endpoint
    shift = cell.start - context.origin
    out = []
    # (its groups: the row's, in the order its "A vs. B" cell wrote them, which a list of values
    # follows; a ratio compares the experimental group with the control)
    exp, ctrl = arms.label("exp"), arms.label("ctrl")
    comparison = (exp, ctrl) if exp and ctrl else None
    in_order = list(arms.written) or [label for label, _ in arms.listed()]
    # (the groups' values by their letters, "A: 2 y DFS: 85.8 C: ...", read apart)
    lettered = lettered_items(cell.text)
    for fact, _ in lettered:
        fact.endpoint, fact.endpoint_label = said or ("OTHER", "")
        fact.start, fact.end = fact.start + shift, fact.end + shift
        out.append(fact)
    taken = [span for _, span in lettered]
    for fact in parse_sentence(
        cell.text, context_endpoint=said, comparison=comparison, arms=in_order
    ):
        if any(s <= fact.start < e for s, e in taken):
            continue
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
