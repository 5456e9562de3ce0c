"""Whose the numbers of a table row are: the row's trial and groups, and the groups a ratio
compares, for the table reader (etl.extract.table_outcomes).

- A row names its trial in a trial column ("ORION-7 (III)"), else the heading of its section
  does: a row holding one cell (etl.documents.tables.heading) that names a study ("ORION-7 study
  (Author, 2020)", "Drug A vs drug B phase III trial") heads the rows below it, to the next
  heading, and those rows are that study's (its name is read as etl.extract.trial_names reads a
  trial's; an intervention cell or an abbreviation never names one).
- A row's groups are its treatment cells (under their role: "control", "experimental"), or the
  groups that result columns name in their headers (groups as columns, results as rows).
- A ratio in a group's column compares that group with the row's reference group: the group
  column the row leaves without a number ("–", "Ref", empty), else the control group, else the
  last group. A ratio in a row of one group compares it with the other group of its section
  (one row per group: "Drug A | 327 | 10.2 | 0.63", then "Placebo | 322 | 5.4 | —").
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, replace
from typing import Final

from etl.documents.table_grid import is_trial_name, names_study
from etl.documents.tables import Cell, Table, heading
from etl.extract.facts import Fact
from etl.extract.group_labels import LABEL_WORD
from etl.extract.phrases import is_generic
from etl.extract.table_cells import VERSUS_SEP, WITH_OR_WITHOUT, is_placeholder
from etl.extract.table_columns import CONTROL, Column, header_cells
from etl.extract.table_names import arm_label, phase_code, stated_phase, trial_name
from etl.extract.trial_names import bracketed_trial, named
from etl.vocab.codes import RATIO_MEASURES
from etl.vocab.endpoints import endpoint_mentions

Group = tuple[str, int | None]  # a group's label and size

_REFERENCE_CELL: Final = re.compile(
    r"\s*(?:1(?:[.·]0+)?\s*)?[(\[]?\s*(?:ref\.?|reference)\s*[)\]]?\s*", re.IGNORECASE
)


def row_trial(
    table: Table, columns: list[Column], row: Sequence[Cell | None]
) -> tuple[str | None, str | None]:
    """The (trial, phase) a row's own cells name."""
    trial = phase = said = None
    for c, column in enumerate(columns):
        cell = row[c]
        if cell is None:
            continue
        if column.kind == "trial" and trial is None:
            header = " ".join(h.text for h in header_cells(table, c))
            trial, phase = trial_name(cell.text, "phase" in header.lower())
        elif column.kind == "phase" and phase is None:
            phase = phase_code(cell.text, True)
        elif column.kind in ("skip", "stub") and said is None:
            said = stated_phase(cell.text)  # (a "Design" cell: "Phase II")
    if trial is None and "(" in "".join(cell.text for cell in row if cell is not None):
        # (no trial column: a bracket of the treatment cell names it, "A versus B (GRID)")
        trial = next(
            (
                name
                for c, column in enumerate(columns)
                if column.kind == "arm"
                and (cell := row[c]) is not None
                and (name := bracketed_trial(cell.text))
            ),
            None,
        )
    return trial, phase or said


# ---- sections ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    head: int | None  # the row of its heading; None: the rows above the first heading
    study: bool = False  # its heading names a study (with a name or without)
    trial: str | None = None  # the study's name
    phase: str | None = None


def sections(table: Table) -> list[Section]:
    """The section of each data row (a heading is in its own)."""
    out: list[Section] = []
    current = Section(None)
    for r in range(len(table.rows)):
        cell = heading(table, r)
        if cell is not None:
            study = names_study(cell.text)
            current = Section(r, study, *(_study(cell.text) if study else (None, None)))
        out.append(current)
    return out


def _study(text: str) -> tuple[str | None, str | None]:
    """The (name, phase) of the study a heading names: "ORION-7 study (Author, 2020)" →
    ("ORION-7", None); "Drug A vs drug B phase III trial" → (None, "3")."""
    name, phase = trial_name(text)
    found = next((n for n, _, _ in named(text, first=True)), None)
    return found or (name if is_trial_name(text) else None), phase


# ---- groups ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Arms:
    exp: Group | None
    ctrl: Group | None
    single: Group | None  # the one treatment of a row of a one-arm table
    groups: tuple[Group, ...] = ()  # the groups result columns name, in column order
    controls: tuple[str, ...] = ()  # (of those, the ones named as control)
    reference: Group | None = None  # the group column this row leaves without a number
    enrolled: int | None = None  # the count of the row's patients column ("Enrolled patients")
    written: tuple[str, ...] = ()  # the groups of an "A vs. B" cell, in the order it wrote them
    # the groups' cell lists them with semicolons ("A 3 mg/kg; B"): so do its result cells
    # ("9.2; 6", "135; 137")
    semicolons: bool = False

    def label(self, role: str | None) -> str | None:
        chosen = self.exp if role == "exp" else self.ctrl if role == "ctrl" else self.single
        return chosen[0] if chosen else None

    def listed(self) -> tuple[Group, ...]:
        """The row's groups, experimental first."""
        if self.groups:
            ordered = sorted(self.groups, key=lambda g: g[0] in self.controls)
            return tuple(ordered)
        found = [a for a in (self.exp, self.ctrl) if a] or [a for a in (self.single,) if a]
        return tuple(found)

    def compared_with(self, arm: str) -> str | None:
        """The group a ratio in the column of group ``arm`` compares it with (module doc)."""
        if self.reference is not None and self.reference[0] != arm:
            return self.reference[0]
        others = [c for c in self.controls if c != arm]
        if len(others) == 1:
            return others[0]
        last = self.groups[-1][0] if self.groups else None
        return last if last != arm else None


def row_arms(columns: list[Column], row: Sequence[Cell | None]) -> Arms:
    """The groups of a row: its treatment cells, or the groups its result columns name."""
    exp = ctrl = single = None
    size = None
    sizes: tuple[int, int] | None = None  # ("275 vs. 281": the sizes of an "A vs. B" cell)
    written: tuple[str, ...] = ()
    semicolons = False
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
        elif column.kind == "size" and (
            pair := _SIZE_PAIR.fullmatch(cell.text) or _SIZE_PAIR_LISTED.fullmatch(cell.text)
        ):
            sizes = (int(pair.group(1).replace(",", "")), int(pair.group(2).replace(",", "")))
        if column.kind != "arm":
            continue
        if (roles := _role_labelled(cell.text)) is not None and column.role != "ctrl":
            # "Standard: B; Experimental: A" in a treatment cell: its groups by their roles
            exp, ctrl = exp or roles[0], ctrl or roles[1]
            continue
        versus = _compared_in_cell(cell.text, listed=_values_listed(row))
        if versus is not None and column.role != "ctrl":
            # "A vs. B" in a treatment cell: the row's experimental group against its control
            # (the first, unless the other adds to it: "Surgery vs. surgery → CRT")
            written = (versus[0][0], versus[1][0])
            first, second = (versus[1], versus[0]) if _adds_to(versus[1], versus[0]) else versus
            exp, ctrl = exp or first, ctrl or second
            semicolons = VERSUS_SEP.search(cell.text) is None and ";" in cell.text
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
    if sizes is not None and written and exp is not None and ctrl is not None:
        by_label = dict(zip(written, sizes, strict=True))
        exp = (exp[0], by_label.get(exp[0], exp[1]))
        ctrl = (ctrl[0], by_label.get(ctrl[0], ctrl[1]))
        size = sum(sizes)
    return Arms(
        exp,
        ctrl,
        single,
        *_named_groups(columns, row),
        enrolled=size,
        written=written,
        semicolons=semicolons,
    )


# a group its cell introduces by its role: "Standard: best available chemotherapy alone;
# Experimental: device alone (20-24 h/d)"
_ROLE_LABELLED: Final = re.compile(
    r"(?:^|[;.]\s*)(?P<role>standard|control|comparator|reference|experimental|investigational)"
    r"(?:\s+(?:arm|group|treatment))?\s*:\s*(?P<label>[^;]+)",
    re.IGNORECASE,
)


def _role_labelled(text: str) -> tuple[Group, Group] | None:
    """(experimental, control) of a cell that names one group of each role after its role's
    name, else None."""
    found: dict[bool, Group] = {}
    for m in _ROLE_LABELLED.finditer(text):
        label, n = arm_label(m.group("label"))
        control = CONTROL.search(m.group("role")) is not None  # (the roles headers name)
        if label is None or control in found:
            return None
        found[control] = (label, n)
    return (found[False], found[True]) if len(found) == 2 else None


# the sizes of the two groups an "A vs. B" cell compares: "275 vs. 281"
_SIZE_PAIR: Final = re.compile(r"\s*(\d[\d,]*)\s+(?:vs\.?|versus)\s+(\d[\d,]*)\s*", re.IGNORECASE)
# (or listed with a semicolon, as the groups' cell lists them: "135; 137")
_SIZE_PAIR_LISTED: Final = re.compile(r"\s*(\d[\d,]*)\s*;\s*(\d[\d,]*)\s*")


_LIST_SEP: Final = re.compile(r"\s*;\s*")
# a cell of two numbers a semicolon sets apart ("9.2; 6", "135; 137")
_NUMBERS_LISTED: Final = re.compile(r"\s*[<>≤≥]?\d[\d.,]*\s*;\s*[<>≤≥]?\d[\d.,]*\s*")


def _values_listed(row: Sequence[Cell | None]) -> bool:
    """Whether a row lists values with semicolons, one a group, in a cell of its own."""
    return any(cell is not None and _NUMBERS_LISTED.fullmatch(cell.text) for cell in row)


def _adds_to(group: Group, other: Group) -> bool:
    """Whether ``group`` is ``other`` with more added: its words hold all of the other's and more
    ("surgery (D2) → S1" adds to "Surgery (D2)")."""
    words = set(LABEL_WORD.findall(group[0].lower()))
    others = set(LABEL_WORD.findall(other[0].lower()))
    return bool(others) and others < words


def _compared_in_cell(text: str, listed: bool = False) -> tuple[Group, Group] | None:
    """The two groups a treatment cell compares ("Zentumab vs. docetaxel", or, in a row that
    lists its values with semicolons (``listed``), "Zentumab 3 mg/kg; docetaxel"), or None;
    "A ± B" ("A with or without B") compares A + B with A."""
    parts = VERSUS_SEP.split(text)
    if listed and len(parts) == 1 and len(items := _LIST_SEP.split(text)) == 2:
        parts = items
    if len(parts) != 2:
        added = WITH_OR_WITHOUT.split(text)
        if len(added) != 2 or not added[0].strip() or not added[1].strip():
            return None
        parts = [f"{added[0].strip()} + {added[1].strip()}", added[0]]
    a, b = arm_label(parts[0]), arm_label(parts[1])
    return (a, b) if a[0] is not None and b[0] is not None else None


def _named_groups(
    columns: list[Column], row: Sequence[Cell | None]
) -> tuple[tuple[Group, ...], tuple[str, ...], Group | None]:
    """The groups result columns name (in column order), those named as control, and the one
    group column the row leaves without a number ("–", "Ref", empty) while another holds one:
    the group the others' ratios are against."""
    named = [(column.group, column.role, row[c]) for c, column in enumerate(columns)]
    given = [(group, role, cell) for group, role, cell in named if group is not None]
    without = [
        group
        for group, _, cell in given
        if cell is None or is_placeholder(cell.text) or _REFERENCE_CELL.fullmatch(cell.text)
    ]
    return (
        tuple(group for group, _, _ in given),
        tuple(group[0] for group, role, _ in given if role == "ctrl"),
        without[0] if len(without) == 1 and len(given) > 1 else None,
    )


def compare_in_sections(
    facts: Sequence[Sequence[Fact]],
    arms: Sequence[Arms],
    own_trials: Sequence[str | None],
    of_section: Sequence[Hashable],
) -> None:
    """Ratios of rows of one group each (by row: its facts, groups, the trial its own cells
    name and the section it is in, rows of one section sharing a key) compare that group with the
    section's other group; a ratio on a row of no group, the section's two groups. Not in a
    section whose rows name different trials."""
    by_head: dict[Hashable, list[int]] = {}
    for r, section in enumerate(of_section):
        by_head.setdefault(section, []).append(r)
    for rows in by_head.values():
        if len({own_trials[r] for r in rows} - {None}) > 1:
            continue
        singles = [arms[r].single[0] for r in rows if arms[r].single and not arms[r].groups]
        section_groups = list(dict.fromkeys(singles))
        for r in rows:
            own = arms[r].single[0] if arms[r].single else None
            for fact in facts[r]:
                if fact.measure in RATIO_MEASURES and fact.arm is None and fact.comparator is None:
                    fact.arm, fact.comparator = _compared(own, section_groups)


def _compared(own: str | None, groups: list[str]) -> tuple[str | None, str | None]:
    """(arm, comparator) of a ratio on the row of group ``own`` (or of none) in a section of
    ``groups``: against the one other group, or the one other named as control; a ratio written
    on the control's row still compares the other group with it."""
    others = [g for g in groups if g != own]
    controls = [g for g in others if CONTROL.search(g)]
    if own is None:
        if len(groups) != 2:
            return None, None
        first, second = groups
        if CONTROL.search(first) and not CONTROL.search(second):
            return second, first
        return first, second
    if len(others) == 1:
        if CONTROL.search(own) and not CONTROL.search(others[0]):
            return others[0], own
        return own, others[0]
    return own, controls[0] if len(controls) == 1 else None


# what a table's caption says it compares: "Summary of trials comparing CD19-CAR T versus
# autologous stem cell transplant in patients with ..."
_CAPTION_COMPARES: Final = re.compile(
    r"\b(?:comparing|compared)\s+(?P<a>[^,;.()]{2,60}?)\s+(?:versus|vs\.?|with|to)\s+"
    r"(?P<b>[^,;.()]{2,60}?)(?=\s+(?:in|among|for|as|after|before)\b|\s*[,;.(]|\s*$)",
    re.IGNORECASE,
)


def caption_groups(caption: str) -> tuple[str, str] | None:
    """(experimental, control) of what a table's caption says it compares, or None."""
    m = _CAPTION_COMPARES.search(caption) if "ompar" in caption else None
    if m is None:
        return None
    a, b = m.group("a").strip(), m.group("b").strip()
    # (groups, not what is compared of them: "comparing response rates to chemotherapy",
    # "comparing outcomes with and without maintenance")
    if any(is_generic(g) or endpoint_mentions(g) or _NOT_A_GROUP.match(g) for g in (a, b)):
        return None
    return a, b


_NOT_A_GROUP: Final = re.compile(r"(?:and|or|with|without|outcomes?|results?|the)\b", re.IGNORECASE)


def with_caption_control(arms: Arms, compared: tuple[str, str] | None) -> Arms:
    """A row of one group (or none) in a table whose caption says what it compares: the row's
    group (else the caption's first) against the caption's second, so that a cell's pair ("65%
    vs 32%") is of the two."""
    if compared is None or arms.ctrl is not None or arms.groups:
        return arms
    exp = arms.exp or arms.single or (compared[0], None)
    # (the row's one treatment stays its values' group where a cell names no pair)
    return replace(arms, exp=exp, ctrl=(compared[1], None))
