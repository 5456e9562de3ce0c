"""Charts of the evidence report, drawn with matplotlib as inline SVG (text kept as text, no
fonts, images or scripts fetched from anywhere)."""

from __future__ import annotations

import functools
import io
import re
from dataclasses import dataclass

import matplotlib

matplotlib.use("svg")  # (no display, no GUI toolkit: the SVG backend only)

import matplotlib.pyplot as plt
from matplotlib.font_manager import FontProperties
from matplotlib.textpath import text_to_path

plt.rcParams.update(
    {
        "svg.fonttype": "none",  # text as <text>, not glyph paths: a fifth of the size
        "svg.hashsalt": "evidence",  # the same ids on every build of the same data
        "font.size": 9,
        "font.family": "sans-serif",
    }
)
_ROW_INCHES = 0.26
_AXES_INCHES = 5.8  # (the plotting area; the labels' width is added to the figure's)
_LABEL_PAD_INCHES = 0.25  # (tick marks and the gap before the labels)
_RIGHT_INCHES = 0.3
_TOP_INCHES = 0.15
_BOTTOM_INCHES = 0.6  # (tick values and the axis title)
_LOG_TICKS = (0.05, 0.1, 0.2, 0.25, 0.5, 0.75, 1, 1.5, 2, 4, 10, 20, 50)
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
    fig.savefig(buffer, format="svg", metadata=_NO_METADATA)
    plt.close(fig)
    return _PROLOGUE.sub("", buffer.getvalue(), count=1)


@functools.cache
def _glyph_points(char: str, bold: bool) -> float:
    """How wide one character is drawn at the charts' font size, in points (from the font's
    metrics: no figure is drawn to learn it)."""
    font = FontProperties(size=plt.rcParams["font.size"], weight="bold" if bold else "normal")
    return text_to_path.get_text_width_height_descent(char, font, ismath=False)[0]


def _label_inches(rows: list[Row]) -> float:
    """The width of the widest row label, in inches."""
    return max((sum(_glyph_points(c, r.heading) for c in r.label) / 72 for r in rows), default=0.0)


def _axes(rows: list[Row]) -> tuple[plt.Figure, plt.Axes]:
    """A figure sized to its labels: they are measured, so the figure needs no second drawing to
    fit them (as savefig's bbox_inches="tight" makes, which doubled the report's drawing time)."""
    left = _label_inches(rows) + _LABEL_PAD_INCHES
    width = left + _AXES_INCHES + _RIGHT_INCHES
    height = _TOP_INCHES + _ROW_INCHES * max(len(rows), 1) + _BOTTOM_INCHES
    fig, ax = plt.subplots(figsize=(width, height))
    fig.subplots_adjust(
        left=left / width,
        right=1 - _RIGHT_INCHES / width,
        bottom=_BOTTOM_INCHES / height,
        top=1 - _TOP_INCHES / height,
    )
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels([r.label for r in rows])
    for tick, r in zip(ax.get_yticklabels(), rows, strict=True):
        if r.heading:
            tick.set_fontweight("bold")
    ax.spines[["top", "right"]].set_visible(False)
    return fig, ax


def _points(ax: plt.Axes, rows: list[Row]) -> None:
    """Each row's estimate (a square; an open circle where no interval is stated) and interval
    (a bar), drawn as one artist per kind and colour: a chart of 60 rows is then a handful of
    artists to lay out, not 120."""
    for marked, colour in ((False, "#1f4e79"), (True, "#c0392b")):
        drawn = [(y, r) for y, r in enumerate(rows) if not r.heading and r.marked == marked]
        bars = [(y, r) for y, r in drawn if r.lower is not None and r.upper is not None]
        bare = [(y, r) for y, r in drawn if r.lower is None or r.upper is None]
        if bars:
            ys = [y for y, _ in bars]
            ax.hlines(
                ys,
                [r.lower for _, r in bars],
                [r.upper for _, r in bars],
                color=colour,
                linewidth=1.4,
            )
            ax.plot(
                [r.value for _, r in bars],
                ys,
                linestyle="none",
                marker="s",
                color=colour,
                markersize=5,
            )
        if bare:
            ax.plot(
                [r.value for _, r in bare],
                [y for y, _ in bare],
                linestyle="none",
                marker="o",
                markerfacecolor="white",
                color=colour,
            )


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
