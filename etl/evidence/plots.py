"""Charts of the evidence report, drawn with matplotlib as inline SVG (text kept as text, no
fonts, images or scripts fetched from anywhere)."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import matplotlib

matplotlib.use("svg")  # (no display, no GUI toolkit: the SVG backend only)

import matplotlib.pyplot as plt

plt.rcParams.update(
    {
        "svg.fonttype": "none",  # text as <text>, not glyph paths: a fifth of the size
        "svg.hashsalt": "evidence",  # the same ids on every build of the same data
        "font.size": 9,
        "font.family": "sans-serif",
    }
)
_ROW_INCHES = 0.26
_LOG_TICKS = (0.05, 0.1, 0.2, 0.25, 0.5, 0.75, 1, 1.5, 2, 4, 10, 20, 50)
_WIDTH_INCHES = 7.5
_PROLOGUE = re.compile(r"^.*?(?=<svg)", re.DOTALL)
_NO_METADATA = {"Creator": None, "Date": None, "Format": None, "Type": None}


@dataclass(frozen=True)
class Row:
    """One line of a chart: a label, an estimate and its interval (None where not stated)."""

    label: str
    value: float
    lower: float | None
    upper: float | None
    marked: bool = False  # (a forest row in fct_outcome_conflicts; drawn in red)
    heading: bool = False  # (a group's heading: a label only)


def _svg(fig: plt.Figure) -> str:
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight", metadata=_NO_METADATA)
    plt.close(fig)
    return _PROLOGUE.sub("", buffer.getvalue(), count=1)


def _axes(rows: list[Row]) -> tuple[plt.Figure, plt.Axes]:
    fig, ax = plt.subplots(figsize=(_WIDTH_INCHES, 0.9 + _ROW_INCHES * max(len(rows), 1)))
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels([r.label for r in rows])
    for tick, r in zip(ax.get_yticklabels(), rows, strict=True):
        if r.heading:
            tick.set_fontweight("bold")
    ax.spines[["top", "right"]].set_visible(False)
    return fig, ax


def _points(ax: plt.Axes, rows: list[Row]) -> None:
    for y, r in enumerate(rows):
        if r.heading:
            continue
        colour = "#c0392b" if r.marked else "#1f4e79"
        if r.lower is not None and r.upper is not None:
            ax.plot([r.lower, r.upper], [y, y], color=colour, linewidth=1.4)
            ax.plot([r.value], [y], marker="s", color=colour, markersize=5)
        else:  # (no interval stated: an open point)
            ax.plot([r.value], [y], marker="o", markerfacecolor="white", color=colour)


def forest_svg(rows: list[Row], xlabel: str) -> str:
    """A forest plot: a row per estimate, its CI as a bar, a log axis, a line at 1."""
    fig, ax = _axes(rows)
    ax.set_xscale("log")
    ax.axvline(1.0, color="#555555", linewidth=0.8, linestyle="--")
    _points(ax, rows)
    ax.set_xlabel(f"{xlabel} (log scale; < 1 favours the first group)")
    low, high = ax.get_xlim()
    ax.set_xticks([t for t in _LOG_TICKS if low <= t <= high])
    ax.xaxis.set_major_formatter(matplotlib.ticker.FormatStrFormatter("%g"))
    ax.xaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())
    return _svg(fig)


def values_svg(rows: list[Row], xlabel: str) -> str:
    """Per-arm values (medians, rates) with their CIs, on a linear axis from 0."""
    fig, ax = _axes(rows)
    _points(ax, rows)
    ax.set_xlim(left=0)
    ax.set_xlabel(xlabel)
    ax.grid(axis="x", color="#eeeeee")
    return _svg(fig)
