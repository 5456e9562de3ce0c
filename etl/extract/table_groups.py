"""Whose the numbers of a table row are: the row's trial and groups, and the groups a ratio
compares, for the table reader (etl.extract.table_outcomes).

- A row names its trial in a trial column ("ORION-7 (III)").
- A row's groups are its treatment cells (under their role: "control", "experimental"), or the
  groups that result columns name in their headers (groups as columns, results as rows).
- A ratio in a group's column compares that group with the row's reference group: the group
  column the row leaves without a number ("–", "Ref", empty), else the control group, else the
  last group.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from etl.documents.tables import Cell, Table
from etl.extract.table_cells import is_placeholder
from etl.extract.table_columns import Column, header_cells
from etl.extract.table_names import arm_label, phase_code, trial_name

Group = tuple[str, int | None]  # a group's label and size

_REFERENCE_CELL: Final = re.compile(
    r"\s*(?:1(?:[.·]0+)?\s*)?[(\[]?\s*(?:ref\.?|reference)\s*[)\]]?\s*", re.IGNORECASE
)


def row_trial(
    table: Table, columns: list[Column], row: Sequence[Cell | None]
) -> tuple[str | None, str | None]:
    """The (trial, phase) a row's own cells name."""
    trial = phase = None
    for c, column in enumerate(columns):
        cell = row[c]
        if cell is None:
            continue
        if column.kind == "trial" and trial is None:
            header = " ".join(h.text for h in header_cells(table, c))
            trial, phase = trial_name(cell.text, "phase" in header.lower())
        elif column.kind == "phase" and phase is None:
            phase = phase_code(cell.text, True)
    return trial, phase


# ---- groups ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Arms:
    exp: Group | None
    ctrl: Group | None
    single: Group | None  # the one treatment of a row of a one-arm table
    groups: tuple[Group, ...] = ()  # the groups result columns name, in column order
    controls: tuple[str, ...] = ()  # (of those, the ones named as control)
    reference: Group | None = None  # the group column this row leaves without a number

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
    named_groups = [(column, row[c]) for c, column in enumerate(columns) if column.group]
    return Arms(
        exp,
        ctrl,
        single,
        tuple(column.group for column, _ in named_groups if column.group),
        tuple(
            column.group[0] for column, _ in named_groups if column.group and column.role == "ctrl"
        ),
        _reference(named_groups),
    )


def _reference(named_groups: list[tuple[Column, Cell | None]]) -> Group | None:
    """The one group column a row leaves without a number ("–", "Ref", empty) while another
    holds one: the group the others' ratios are against."""
    without = [
        column.group
        for column, cell in named_groups
        if cell is None or is_placeholder(cell.text) or _REFERENCE_CELL.fullmatch(cell.text)
    ]
    return without[0] if len(without) == 1 and len(named_groups) > 1 else None
