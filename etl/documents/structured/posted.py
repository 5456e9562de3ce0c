"""A registry's posted results (ClinicalTrials.gov outcome measures and their analyses), read
from either of its formats into one shape: ``Posted``, one number each.

A measurement is one group's value of one measure (a median with its confidence interval, a
percentage, a count); an analysis compares groups (a hazard, odds or risk ratio, a difference)
with its interval and p-value. The words a reader needs are put together in ``evidence`` ("Overall
Survival — Nivolumab: median 9.23 months (95% CI 7.33 to 12.62)"); the value's own span in the
file is ``value_span``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass

from etl.extract.context import is_control
from etl.vocab.codes import code

# How the registry names a measure's parameter and an analysis's estimate → the measure code
_PARAMETERS = {
    "median": "median",
    "mean": "mean",
    "least squares mean": "mean",
    "geometric mean": "mean",
    "number": None,  # (a percentage, a count or a time: told by its unit)
    "count of participants": "count",
    "count of units": None,
}
_ESTIMATES = (
    (re.compile(r"hazard\s+ratio", re.I), "hazard_ratio"),
    (re.compile(r"odds\s+ratio", re.I), "odds_ratio"),
    (re.compile(r"risk\s+ratio|relative\s+risk|rate\s+ratio", re.I), "risk_ratio"),
    (re.compile(r"difference", re.I), "difference"),
)
_TIME_UNIT = re.compile(r"^\s*(months?|weeks?|days?|years?)\b", re.I)
_PERCENT_UNIT = re.compile(r"percent|percentage|%|proportion of participants", re.I)
_PEOPLE_UNIT = re.compile(r"^\s*(?:participants|patients|subjects|people)\s*$", re.I)
_CI = re.compile(r"(\d+(?:\.\d+)?)\s*%\s*confidence\s+interval|confidence_interval_(\d+)", re.I)
_P = re.compile(r"^\s*(<=|>=|<|>|=|≤|≥)?\s*(\d*\.?\d+(?:[eE]-?\d+)?)\s*$")
_OPERATORS = {"≤": "<=", "≥": ">="}


@dataclass(frozen=True)
class Value:
    text: str  # as written in the file (decoded)
    start: int  # its span in the file
    end: int


@dataclass(frozen=True)
class Posted:
    title: str  # the outcome measure's title
    measure: str
    unit: str
    value: float
    written: str  # the value as the file writes it ("7.0")
    value_span: tuple[int, int]
    arm: str | None
    comparator: str | None = None
    ci_level: float | None = None
    ci_lower: float | None = None
    ci_upper: float | None = None
    p_value: float | None = None
    p_operator: str | None = None
    n_patients: int | None = None
    category: str | None = None  # a class or category of the measure ("PD-L1 >= 1%")
    evidence: str = ""


@dataclass(frozen=True)
class Measure:
    """An outcome measure's own fields, whichever format gives them."""

    title: str
    kind: tuple[str, str] | None  # (measure, unit code) of its measurements; None: no code fits
    ci_level: float | None  # the level of the confidence interval its dispersion is, else None
    groups: Mapping[str | None, str | None]  # group id → the group's title
    counts: Mapping[str | None, float | None]  # group id → participants analysed


def measure_of(
    title: str | None,
    unit: str | None,
    parameter: str | None,
    dispersion: str | None,
    groups: Mapping[str | None, str | None],
    counts: Mapping[str | None, float | None],
) -> Measure:
    level = ci_level(dispersion)
    is_ci = level is not None and "confidence" in (dispersion or "").lower()
    return Measure(
        title or "Outcome measure",
        unit_of(unit, parameter),
        level if is_ci else None,
        groups,
        counts,
    )


def measurement(
    m: Measure,
    group_id: str | None,
    category: str | None,
    written: str | None,
    span: tuple[int, int] | None,
    lower: str | None,
    upper: str | None,
) -> Posted | None:
    """One group's value of measure ``m`` (None where it has no number or no unit code)."""
    value = number(written)
    if m.kind is None or value is None or span is None:
        return None
    low, high = number(lower), number(upper)
    bounded = m.ci_level is not None and low is not None and high is not None
    n = m.counts.get(group_id)
    return _said(
        Posted(
            title=m.title,
            measure=m.kind[0],
            unit=m.kind[1],
            value=value,
            written=(written or "").strip(),
            value_span=span,
            arm=m.groups.get(group_id),
            ci_level=m.ci_level if bounded else None,
            ci_lower=low if bounded else None,
            ci_upper=high if bounded else None,
            n_patients=int(n) if n is not None else None,
            category=category,
        )
    )


def analysis(
    m: Measure,
    param_type: str | None,
    written: str | None,
    span: tuple[int, int] | None,
    group_ids: list[str | None],
    ci_percent: str | None,
    lower: str | None,
    upper: str | None,
    p: str | None,
) -> Posted | None:
    """An analysis of measure ``m`` comparing ``group_ids`` (None where it is no ratio or
    difference the warehouse has a code for, or has no number)."""
    estimate, value = estimate_of(param_type), number(written)
    if estimate is None or value is None or span is None:
        return None
    unit = "ratio" if estimate != "difference" else (m.kind[1] if m.kind else None)
    if unit is None:
        return None
    arm, comparator = arm_and_comparator([m.groups.get(i) or i or "" for i in group_ids])
    low, high = number(lower), number(upper)
    two = low is not None and high is not None
    p_number, operator = p_value(p)
    return _said(
        Posted(
            title=m.title,
            measure=estimate,
            unit=unit,
            value=value,
            written=(written or "").strip(),
            value_span=span,
            arm=arm,
            comparator=comparator,
            ci_level=number(ci_percent) if two else None,
            ci_lower=low if two else None,
            ci_upper=high if two else None,
            p_value=p_number,
            p_operator=operator,
        )
    )


def _said(p: Posted) -> Posted:
    return dataclasses.replace(p, evidence=describe(p))


def number(text: str | None) -> float | None:
    try:
        return float(text.replace(",", "")) if text else None
    except ValueError:
        return None  # ("NA": not estimable, not reached)


def unit_of(unit: str | None, parameter: str | None) -> tuple[str, str] | None:
    """(measure, unit code) of a measurement, from its parameter and unit of measure; None for
    what the warehouse has no code for (a score, a concentration)."""
    unit = unit or ""
    param = (parameter or "").replace("_", " ").strip().lower()
    measure = _PARAMETERS.get(param, "unknown")
    if measure == "unknown":
        return None
    if _PERCENT_UNIT.search(unit):
        return ("rate" if measure in (None, "count") else measure), "percent"
    if m := _TIME_UNIT.match(unit):
        word = m.group(1).lower()
        return measure or "median", (word if word.endswith("s") else word + "s")
    if _PEOPLE_UNIT.match(unit) or measure == "count":
        return "count", "patients"
    return None


def estimate_of(param_type: str | None) -> str | None:
    for pattern, measure in _ESTIMATES:
        if param_type and pattern.search(param_type):
            return measure
    return None


def ci_level(text: str | None) -> float | None:
    if not text:
        return None
    m = _CI.search(text)
    if m:
        return float(m.group(1) or m.group(2))
    return number(text)


def p_value(text: str | None) -> tuple[float | None, str | None]:
    m = _P.match(text or "")
    if not m:
        return None, None
    value = float(m.group(2))
    return (
        (value, _OPERATORS.get(m.group(1) or "=", m.group(1) or "="))
        if value <= 1
        else (None, None)
    )


def arm_and_comparator(labels: list[str]) -> tuple[str | None, str | None]:
    """The compared groups of an analysis: the control (placebo, standard of care ...) is the
    comparator; else the first listed group is compared with the second, as the registry
    lists an estimate ("Nivolumab over Docetaxel")."""
    if len(labels) != 2:
        return (labels[0] if labels else None), None
    if is_control(labels[0]) and not is_control(labels[1]):
        return labels[1], labels[0]
    return labels[0], labels[1]


def describe(p: Posted) -> str:
    """The words of a posted number, as a reader would say them."""
    what = p.title + (f", {p.category}" if p.category else "")
    if p.comparator is not None or p.measure in (
        "hazard_ratio",
        "odds_ratio",
        "risk_ratio",
        "difference",
    ):
        groups = f"{p.arm} vs {p.comparator}" if p.comparator else (p.arm or "all groups")
        name = p.measure.replace("_", " ")
        text = f"{what} — {groups}: {name} {p.written}"
        if p.unit not in ("ratio",):
            text += " " + _unit_words(p.unit)
    else:
        text = (
            f"{what} — {p.arm or 'all participants'}: {p.measure} {p.written} {_unit_words(p.unit)}"
        )
    if p.ci_lower is not None and p.ci_upper is not None:
        level = f"{_fmt(p.ci_level)}% " if p.ci_level is not None else ""
        text += f" ({level}CI {_fmt(p.ci_lower)} to {_fmt(p.ci_upper)})"
    if p.p_value is not None:
        text += f", p {p.p_operator or '='} {_fmt(p.p_value)}"
    if p.n_patients is not None and p.measure != "count":
        text += f"; {p.n_patients} analysed"
    return " ".join(text.split())


def _fmt(x: float | None) -> str:
    return "" if x is None else (f"{x:g}" if abs(x) >= 1e-4 or x == 0 else f"{x:.2e}")


def _unit_words(unit: str) -> str:
    return {"percent": "%", "patients": "participants"}.get(unit, unit)


RATIO_UNIT = code("unit", "ratio")
