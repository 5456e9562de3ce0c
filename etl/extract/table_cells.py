"""What one table cell says: the result number it holds (with its interval, p-value and time
point), and what a header says of the numbers under or beside it (endpoint, measure, unit, CI
level, time point). Pure functions of the cell's text; offsets are relative to the cell.

A cell is read when it *is* a result, possibly after a short label: "34.7 months (32.7-36.8)",
"0.81 (0.70-0.93; P = 0.0033)", "Median: 10.2 months (range: 8.2-12.0)", "1y PFS rate; 48.7%
(95% CI: 40.4-56.9%)", "54% at 18 months", "12 (25.0)", "0.83 (0.70-0.99); <0.0001"; under a
heading that announces a confidence interval, "2.9 (2.8, 3.8)" too. A footnote mark glued to the
number ("11b", "0.57*") is no part of it. A cell that holds a sentence instead is prose
(``read_cell`` gives None): the sentence grammar reads it. A cell of an interval column holds
only an interval ("7.5–9.7", "(15, 28)"): ``read_interval``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Final

from etl.documents.table_grid import FOOTNOTE_SIGNS, LABEL, PLACEHOLDER
from etl.extract.numbers import (
    AS_HYPHEN,
    INTERVAL_SEP,
    NUM,
    Interval,
    IntervalError,
    PValue,
    find_p_values,
    make_interval,
    parse_number,
)
from etl.extract.phrases import CI_LEVEL, DOSE_AMOUNT, DOSE_SCHEDULE
from etl.vocab.codes import code
from etl.vocab.endpoints import endpoint_mentions

_UNIT_WORDS: Final = {
    "month": "months",
    "mo": "months",
    "m": "months",
    "week": "weeks",
    "wk": "weeks",
    "day": "days",
    "year": "years",
    "yr": "years",
}
_UNIT: Final = r"(?:months?|mos?|weeks?|wks?|days?|years?|yrs?)\b"
_TERMINATOR: Final = (
    r"(?=\s*$|\s*[(\[;,]|\s+at\b|\s*\.(?:\s|$)|\s+(?:vs\.?|versus)\s|\s+[pP]\s*[=<>≤≥])"
)
# (a table's "1.6M", "10.8 m": months, as its key says "M, months"; no metre is a result)
_VALUE: Final = re.compile(
    rf"\s*(?P<label>{LABEL})?(?P<num>{NUM})(?![\d.·])"
    rf"(?:\s*(?P<pct>%)|\s*(?P<unit>{_UNIT}|m\b))?{_TERMINATOR}",
    re.IGNORECASE,
)
_PLACEHOLDER_CELL: Final = re.compile(rf"\s*(?:{LABEL})?{PLACEHOLDER}", re.IGNORECASE)
# "n (%)" and "n/N (%)": the rate is the bracketed number
_COUNT_THEN_RATE: Final = re.compile(
    rf"\s*(?P<n>\d+)(?:\s*/\s*(?P<d>\d+))?\s*\(\s*(?P<num>{NUM})\s*(?P<pct>%)?\s*\)?"
    # (and the rate's interval after it: "105 (37), (31, 43)")
    rf"(?:\s*,?\s*[(\[]\s*(?P<lo>{NUM})\s*%?\s*(?:,|-|–|to)\s*(?P<hi>{NUM})\s*%?\s*[)\]])?\s*$"
)
_INTERVAL: Final = re.compile(
    rf"[(\[]\s*(?:(?P<range>range|IQR|interquartile range)\s*[:,]?\s*|{CI_LEVEL}\s*[:,]?\s*)?"
    rf"(?P<lo>{NUM})\s*(?:%|{_UNIT})?\s*(?:-|–|—|to|;(?=\s*{NUM}\s*\]))\s*(?P<hi>{NUM}|NR|NE|NA)\s*(?:%|{_UNIT})?"
    # (a cell's bounds may be set apart by a semicolon in square brackets: "0.42 [0.34; 0.51]")
    rf"\s*(?=[;,)\]])"
    rf"|[;,]\s*{CI_LEVEL.replace('lvl', 'lvl2')}\s*[:,]?\s*(?P<lo2>{NUM})\s*%?\s*(?:-|–|—|to)\s*(?P<hi2>{NUM})\s*%?",
    re.IGNORECASE,
)
# "(2.8, 3.8)": an interval only where a heading says the cell gives one, and around its value
_COMMA_INTERVAL: Final = re.compile(
    rf"\s*[(\[]\s*(?P<lo>{NUM})\s*%?\s*,\s*(?P<hi>{NUM})\s*%?\s*[)\]]"
)
_ONLY_INTERVAL: Final = re.compile(
    rf"\s*[(\[]?\s*(?P<lo>{NUM})\s*(?:%|{_UNIT})?\s*(?:{INTERVAL_SEP}|,)\s*(?P<hi>{NUM})"
    rf"\s*(?:%|{_UNIT})?\s*[)\]]?\s*",
    re.IGNORECASE,
)
# a footnote mark glued to a number: "11b", "0.57*", "2.9†" (a letter only after a digit), or
# a letter set apart after the cell's last number ("63.4 a")
_FOOTNOTE_MARK: Final = re.compile(
    rf"(?<=\d)[a-c](?=\s|$|[(\[;,])|(?<=\d )[a-c](?=\s*(?:$|[)\]]))|(?<=[\d%)\]]){FOOTNOTE_SIGNS}+"
)
_BARE_P: Final = re.compile(rf"\s*[;,]\s*(?P<op><=|>=|[<>=≤≥])?\s*(?P<num>{NUM})\s*$")
_FRACTION_AFTER: Final = re.compile(r"\s*\(\s*(?P<n>\d+)\s*/\s*(?P<d>\d+)\s*\)")
# what separates the groups a cell compares: "5.5 versus 2.8", "Zentumab vs. docetaxel"
VERSUS_SEP: Final = re.compile(r"\s+(?:vs\.?|versus)\s+", re.IGNORECASE)
# values a cell lists with semicolons, as its row's groups are ("9.2; 6", "12.7; 10.4; 8.5"):
# read as a "vs" list
_LISTED_VALUES: Final = re.compile(r"[^;a-zA-Z]+(?:;\s*[^;a-zA-Z]+)+")
_LIST_SEP: Final = re.compile(r"\s*;\s*")
# two shares a cell writes with a slash between ("92%/60%", "94% / 36%"; not a count over its
# denominator, "12/48")
_SLASHED_RATES: Final = re.compile(rf"\s*{NUM}\s*%\s*/\s*{NUM}\s*%\s*")
_SLASH: Final = re.compile(r"\s*/\s*")
# what a cell writes between a treatment and what is added to it in one group only: "A ± B"
WITH_OR_WITHOUT: Final = re.compile(r"\s*(?:±|\+/-|\bwith or without\b)\s*", re.IGNORECASE)
# a group named in brackets after its value: "9.0 (lenvatinib)"
_GROUP_IN_BRACKETS: Final = re.compile(r"\s*\((?P<g>[A-Za-z][^()\d]{0,40})\)\s*$")
# a bracket's words (one level): what a header or a cell says aside
BRACKETS: Final = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_WORD: Final = re.compile(r"[A-Za-z][A-Za-z0-9]+")  # (a word may hold digits: "R0")
_NOT_PROSE: Final = frozenset(
    {"at", "vs", "versus", "months", "month", "mo", "mos", "weeks", "days", "years", "yr", "ci"}
)
# words of a header that say how a result is given, not which result it is (how a ratio was
# estimated, whom a share counts: "% of patients (95% CI)" under a heading "Objective response"
# is that heading's)
_RESULT_WORDS: Final = frozenset(
    """median mean rate rates percent percentage proportion ratio hazard odds risk relative hr or
    rr ci value values months month mo mos weeks week days day years year yr yrs no number of the
    in and at vs versus with for by per range iqr time stratified unstratified adjusted
    unadjusted estimated patients participants subjects pts response responses""".split()  # noqa: SIM905
)
_OPS: Final = {"<": "<", ">": ">", "=": "=", "≤": "<=", "≥": ">=", "<=": "<=", ">=": ">="}

# ---- what a header says ------------------------------------------------------------------------

_TIMEPOINTS: Final = (
    re.compile(rf"^\s*(?:at\s+)?(?P<n>\d+)\s*-?\s*(?P<u>{_UNIT}|y\b|m\b)\s*$", re.I),
    re.compile(rf"\bat\s+(?P<n>\d+)\s*-?\s*(?P<u>{_UNIT})", re.I),
    re.compile(
        r"\b(?P<n>\d+)\s*-?\s*(?P<u>months?|mos?|years?|yrs?|y|m)\b(?=[\s-]*(?:(?-i:[A-Z]{2,4})\b|overall|progression"
        r"|event|relapse|disease|recurrence|survival|rates?|landmark))",
        re.I,
    ),
    # (in brackets after what it is the time point of: "RFS (3-year)", "OS (5 yr)")
    re.compile(rf"\(\s*(?:at\s+)?(?P<n>\d+)\s*-?\s*(?P<u>{_UNIT}|y\b|m\b)\s*\)", re.I),
)
_RATIOS: Final = (
    ("hazard_ratio", re.compile(r"\bHR\b|(?i:hazard ratio)")),
    ("odds_ratio", re.compile(r"\bOR\b|(?i:odds ratio)")),
    ("risk_ratio", re.compile(r"\bRR\b|(?i:risk ratio|relative risk|rate ratio)")),
)
_RATE: Final = re.compile(r"%|\brates?\b|\bpercent(?:age)?\b|\bproportion\b", re.I)
_COUNT: Final = re.compile(
    r"^\s*(?:n|no\.?|number)\b|\bnumber of\b|\bevents?\b|\bresponders\b|\bn\s*$", re.I
)
# "n (%)", "no. (%)" (a journal's table), "number (%)", "No. of patients (%)": a count, its rate
# in brackets
_COUNTS_RATES: Final = re.compile(
    r"\b(?:n|no\.|number)(?:\s+of\s+\w+)?\s*\(\s*%\s*\)", re.IGNORECASE
)
_MEAN: Final = re.compile(r"\bmean\b", re.I)
_MEDIAN: Final = re.compile(r"\bmedian\b", re.I)
_DIFFERENCE: Final = re.compile(r"\b(?:difference|gain|delta)\b", re.I)
_P_WORDS: Final = re.compile(r"\bp\s*[- ]?values?\b|(?<![\w-])p(?![\w-])", re.I)
_LEVEL: Final = re.compile(CI_LEVEL, re.I)
_UNIT_WORD: Final = re.compile(rf"\b{_UNIT}", re.I)
_SIZE: Final = re.compile(r"\(?\s*\b[nN]\s*=\s*(?P<n>\d[\d,]*)\s*\)?")
# a group's regimen in its header ("drug X 2 mg/kg every 3 weeks"): no unit or time point
_REGIMEN: Final = re.compile(rf"(?<![\w.·]){DOSE_AMOUNT}|\b(?:{DOSE_SCHEDULE})(?![\w-])", re.I)


@dataclass(frozen=True)
class Meaning:
    """What a header (or a cell's words) says of a number."""

    endpoint: tuple[str, str] | None = None  # (code, wording): the first endpoint it names
    composite: bool = False  # it names an endpoint only inside a compound ("CR/CRi")
    measure: str | None = None
    unit: str | None = None
    level: float | None = None  # "95% CI"
    timepoint_months: float | None = None
    says_p: bool = False  # "p-value"
    # the header's words when it announces a result but names no known endpoint ("MRD
    # negativity, %"): the label of an OTHER endpoint
    label: str = ""
    counts_are_rates: bool = False  # "n (%)": in "12 (25.0)" the rate is 25.0, of 12 patients
    # the second ratio a header offers, "HR or RR (95% CI)": the one of rows that give rates
    other_ratio: str | None = None
    # the ratio a header names in its bracket after what else it heads, "Median OS, mo (hazard
    # ratio; 95% CI)": that of the comparison a cell gives in brackets after its groups' values
    bracket_ratio: str | None = None


@dataclass(frozen=True)
class CellValue:
    """The result number of a cell (offsets relative to the cell's text)."""

    value: float
    start: int
    end: int
    unit: str | None  # what the cell itself writes after the number: "percent" or a time unit
    interval: Interval | None
    interval_problem: str | None  # why an interval read after the value was not kept
    level: float | None  # the CI level the cell states
    p: PValue | None
    words: str  # the cell's text around the number (its label, "at 18 months", "(PFS)")
    label: str  # the label before the number, without its colon ("Median", "Gefitinib")
    n_patients: int | None = None
    n_denominator: int | None = None
    # (position, size) of a value in a cell that compares groups: "5.5 versus 2.8" (see
    # ``read_cell``); its group is the row's group at that position, or its bracket's "(B)"
    listed: tuple[int, int] | None = None
    # the comparison's own statistic in brackets after the groups' values, "34.9 vs. 28.0 (0.81;
    # 0.64-1.03; p = .09)": a ratio of the groups compared (its keyword in ``words``, if written)
    compares: bool = False


def _unit(word: str) -> str:
    word = word.lower().rstrip("s")
    return code("unit", _UNIT_WORDS.get(word, word + "s"))


def _months(n: str, unit: str) -> float:
    u = unit.lower()
    if u.startswith("y"):
        return int(n) * 12.0
    if u.startswith("w"):
        return round(int(n) / 4.348, 2)
    if u.startswith("d"):
        return round(int(n) / 30.4375, 2)
    return float(int(n))


def _endpoint(text: str, mentions) -> tuple[tuple[str, str] | None, bool]:
    composite = False
    for start, end, found, wording in mentions:
        joined = (end < len(text) and text[end] == "/" and text[end + 1 : end + 2].isalnum()) or (
            start > 0 and text[start - 1] == "/" and text[start - 2 : start - 1].isalnum()
        )
        if joined:
            composite = True
            continue
        return (code("endpoint", found), wording), composite
    return None, composite


# a footnote's number glued to the end of a label: "p-value4", "Overall Survival1,2", "Hazard
# Ratio (95% CI)3" (not a marker's: "PD-L1")
_GLUED_NOTE: Final = re.compile(r"(?<=[a-z)])\d(?:,\d)*$")


_RESPONSE_ONLY: Final = re.compile(
    r"^\s*(?:overall\s+|objective\s+)?responses?\s*(?:\(%\))?\s*$", re.I
)


def describe(text: str) -> Meaning:
    """What a header or a cell's words say: "OS, months, median (95% CI)" → OS, median, months,
    level 95; "1y PFS rate" → PFS, rate, percent, 12 months; "HR (95% CI); p-value" → hazard
    ratio, level 95, says p; "CR/CRi rates, %" → a compound (no endpoint), rate, percent. A dose
    and its schedule say nothing of the numbers: "drug X 2 mg/kg every 3 weeks" has no unit."""
    if not text.strip():
        return Meaning()
    text = _GLUED_NOTE.sub("", text.translate(AS_HYPHEN).rstrip())
    level_match = _LEVEL.search(text)
    level = parse_number(level_match.group("lvl")) if level_match else None
    rest = _REGIMEN.sub(" ", _LEVEL.sub(" ", text))
    timepoint = None
    for pattern in _TIMEPOINTS:
        m = pattern.search(rest)
        if m:
            timepoint = _months(m.group("n"), m.group("u"))
            rest = rest[: m.start()] + " " + rest[m.end() :]
            break
    rest = _SIZE.sub(" ", rest)
    # (a header that is only "Response" heads response rates: "Response | CR" over "% | %")
    mentions = endpoint_mentions("Response rate" if _RESPONSE_ONLY.match(rest) else rest)
    endpoint, composite = _endpoint(rest, mentions)
    # (every ratio it names: the first is its measure, a second one it offers: "HR or RR")
    ratios = [code("measure", name) for name, pattern in _RATIOS if pattern.search(rest)]
    measure, unit = _measure(rest, ratios)
    bracket_ratio = None
    outside = BRACKETS.sub(" ", rest)
    if ratios and not any(pattern.search(outside) for _, pattern in _RATIOS):
        # ("Median OS, mo (hazard ratio: 95% CI)": medians, and their comparison's ratio)
        own_measure, own_unit = _measure(outside, [])
        if own_measure is not None:
            measure, unit, bracket_ratio = own_measure, own_unit, ratios[0]
    names = names_something(rest)
    label = text.strip() if not endpoint and names and (measure or level) else ""
    says_p = bool(_P_WORDS.search(rest))
    counted = bool(_COUNTS_RATES.search(text))
    other = ratios[1] if len(ratios) > 1 else None
    return Meaning(
        endpoint,
        composite,
        measure,
        unit,
        level,
        timepoint,
        says_p,
        label,
        counted,
        other,
        bracket_ratio,
    )


def names_something(text: str) -> bool:
    """The text holds a word that says no result, unit or statistic ("Not evaluable")."""
    return any(w.lower() not in _RESULT_WORDS for w in _WORD.findall(text))


def merge(meanings: list[Meaning]) -> Meaning:
    """Several headers of one number, the first saying most: each field from the first that
    gives it (an unknown result's label only when none names a known endpoint)."""
    if len(meanings) == 1:
        return meanings[0]
    endpoint = next((m.endpoint for m in meanings if m.endpoint), None)
    return Meaning(
        endpoint,
        any(m.composite for m in meanings),
        next((m.measure for m in meanings if m.measure), None),
        next((m.unit for m in meanings if m.unit), None),
        next((m.level for m in meanings if m.level is not None), None),
        next((m.timepoint_months for m in meanings if m.timepoint_months is not None), None),
        any(m.says_p for m in meanings),
        "" if endpoint else next((m.label for m in meanings if m.label), ""),
        any(m.counts_are_rates for m in meanings),
        next((m.other_ratio for m in meanings if m.other_ratio), None),
        next((m.bracket_ratio for m in meanings if m.bracket_ratio), None),
    )


def _measure(text: str, ratios: list[str]) -> tuple[str | None, str | None]:
    if ratios:
        return ratios[0], code("unit", "ratio")
    if _RATE.search(text):
        return code("measure", "rate"), code("unit", "percent")
    unit_match = _UNIT_WORD.search(text)
    unit = _unit(unit_match.group(0)) if unit_match else None
    if _DIFFERENCE.search(text):  # (its unit may be the cells': "PFS gain" over "6.6 months")
        return code("measure", "difference"), unit
    if _MEAN.search(text):
        return code("measure", "mean"), unit
    if _MEDIAN.search(text) or unit:
        return code("measure", "median"), unit
    if _COUNT.search(text):
        return code("measure", "count"), code("unit", "patients")
    return None, None


# ---- what a cell holds ------------------------------------------------------------------------


def is_placeholder(text: str) -> bool:
    """ "NR", "N/A", "Median: NE (range: 20.3 months-NE)", "-": no number is given."""
    m = _PLACEHOLDER_CELL.match(text)
    return m is not None and (not text[m.end() :].strip() or text[m.end() :].lstrip()[:1] in "([")


def read_interval(text: str) -> Interval | None:
    """The interval a cell holds and nothing else ("7.5–9.7", "(2.8, 3.8)", "10 to 12 months"),
    its level unknown; None when it holds something else or bounds that cannot be."""
    m = _ONLY_INTERVAL.fullmatch(text.translate(AS_HYPHEN))
    if m is None:
        return None
    try:
        return make_interval(m.group("lo"), m.group("hi"))
    except IntervalError:
        return None


# a cell that gives the whole population's result, then its subgroups', each after a label:
# "All: 30% SCC: 28% AC: 40%", "Overall: 2.1M vs. 3.4M PD-L1(+): 2.6M vs. 3.0M"
_WHOLE_THEN_SUBGROUPS: Final = re.compile(
    r"\s*(?:All|Overall|ITT|Total|All patients)\s*:\s*(?P<whole>.+?)(?=\s+[A-Za-z][\w()+\-/≥≤<>]*"
    r"(?:\s+[\w()+\-/≥≤<>]+)?\s*:\s*\S)",
    re.IGNORECASE,
)


def read_cell(
    text: str,
    p_after_interval: bool = False,
    counts_are_rates: bool = False,
    comma_interval: bool = False,
    semicolons: bool = False,
) -> list[CellValue] | None:
    """The result numbers of a cell: [] when it holds none (a placeholder, text), None when it is
    prose (a sentence, for the sentence grammar). ``p_after_interval``: its header announces a
    p-value, so that a bare number after the interval is one ("0.83 (0.70-0.99); 0.04");
    ``counts_are_rates``: its header says "n (%)", so that "12 (25.0)" is the rate 25.0 of 12;
    ``comma_interval``: its header announces an interval, so that in "2.9 (2.8, 3.8)" the two
    numbers in brackets around the value are one; ``semicolons``: the row lists its groups with
    semicolons, so that "9.2; 6" is one value a group as "9.2 vs 6" is."""
    if semicolons and _LISTED_VALUES.fullmatch(text):
        return _versus_values(text, p_after_interval, counts_are_rates, comma_interval, _LIST_SEP)
    text = _FOOTNOTE_MARK.sub(lambda m: " " * len(m.group(0)), text.translate(AS_HYPHEN))
    if not text.strip() or is_placeholder(text):
        return []
    whole = _WHOLE_THEN_SUBGROUPS.match(text)
    if whole is not None:
        # "All: 9.9% SCC: 14.3% AC: 5.2%": the cell's result is the whole population's; the
        # subgroups' after it are not read (offsets kept)
        text = text[: whole.end("whole")] + " " * (len(text) - whole.end("whole"))
    counted = _counted(text, counts_are_rates)
    if counted is not None:
        return [counted]
    if "/" in text and _SLASHED_RATES.fullmatch(text):  # ("94% / 36%": two values, a pair)
        return _versus_values(text, p_after_interval, counts_are_rates, comma_interval, _SLASH)
    if VERSUS_SEP.search(text):
        listed = _versus_values(text, p_after_interval, counts_are_rates, comma_interval)
        if listed is not None:
            return listed
        if _NUMBERS_COMPARED.search(text):
            return None  # ("9.4 versus 10.7 mo PFS": words after the pair, for the grammar)
    m = _VALUE.match(text)
    if m is None:
        return None if _WORD.search(text) and any(ch.isdigit() for ch in text) else []
    end = m.end()
    iv = _INTERVAL.search(text, end)
    if iv is not None and iv.start() - end > 3:
        iv = None  # (an interval is the value's only right after it)
    interval, problem, level = _interval(iv)
    comma = _COMMA_INTERVAL.match(text, end) if comma_interval and iv is None else None
    if comma is not None:
        interval = _enclosing(comma, parse_number(m.group("num")))
        iv = comma if interval is not None else None
    p = next((pv for pv in find_p_values(text) if pv.start >= end), None)
    if p is None and p_after_interval and iv is not None and interval is not None:
        p = _bare_p(text, iv.end() + (text[iv.end() : iv.end() + 1] in ")]"))
    if _is_prose(text[end:], iv, p, end):
        return None
    fraction = _FRACTION_AFTER.match(text, end)
    unit = _value_unit(m)
    n, d = (
        (int(fraction["n"]), int(fraction["d"])) if fraction and unit == "percent" else (None, None)
    )
    return [
        CellValue(
            value=parse_number(m.group("num")),
            start=m.start("num"),
            end=m.end("num"),
            unit=unit,
            interval=interval,
            interval_problem=problem,
            level=level,
            p=p,
            words=text[: m.start("num")] + " " + _without(text[end:], iv, p, end),
            label=(m.group("label") or "").strip().rstrip(":;").strip(),
            n_patients=n,
            n_denominator=d,
        )
    ]


# two numbers compared in a cell: "9.4 versus 10.7", "46 vs. 36%"
_NUMBERS_COMPARED: Final = re.compile(rf"\d%?{VERSUS_SEP.pattern}\d", re.IGNORECASE)


def _versus_values(
    text: str,
    p_after_interval: bool,
    counts_are_rates: bool,
    comma_interval: bool,
    separator: re.Pattern[str] = VERSUS_SEP,
) -> list[CellValue] | None:
    """ "5.5 versus 2.8", "12.8 versus 9.0 (B) versus 5.6 (C)", "NR vs 11.8 (9.0-14.1)": one value
    per group compared, in order (a placeholder keeps its place), each with its interval and its
    bracketed group name; None when a part is not one value (prose)."""
    bounds, pos = [], 0
    for sep in separator.finditer(text):
        bounds.append((pos, sep.start()))
        pos = sep.end()
    compared = _COMPARISON_BRACKET.search(text, pos)
    if compared is not None:  # (read apart; the last group's part without it)
        text = text[: compared.start()] + " " * (len(text) - compared.start())
    bounds.append((pos, len(text)))
    values = []
    for i, (start, end) in enumerate(bounds):
        part = text[start:end]
        read = read_cell(part, p_after_interval, counts_are_rates, comma_interval)
        if read is None or len(read) > 1 or (not read and not is_placeholder(part)):
            return None
        for v in read:
            named = _GROUP_IN_BRACKETS.match(part, v.end)
            values.append(
                replace(
                    v,
                    start=v.start + start,
                    end=v.end + start,
                    p=v.p._replace(start=v.p.start + start, end=v.p.end + start) if v.p else None,
                    label=named.group("g").strip() if named else v.label,
                    listed=(i, len(bounds)),
                )
            )
    # (the p-value written after the last group's number is the comparison's: it goes with the
    # first group's, as it would with a ratio: "77.4 versus 66.4 p = 0.0335")
    if len(values) > 1 and values[-1].p is not None and all(v.p is None for v in values[:-1]):
        values[0], values[-1] = replace(values[0], p=values[-1].p), replace(values[-1], p=None)
    if values and compared is not None:
        values.append(_comparison(compared))
    return values if values else None


# the comparison's statistic in brackets after the last group's value: "(0.81; 0.64-1.03; p =
# .09)", "(HR 0.52, 95% CI 0.40-0.66)": a number, then its interval (a lone number in brackets is
# the group's: "28.0 (B)", "12 (25%)")
_COMPARISON_BRACKET: Final = re.compile(
    r"\s*[(\[]\s*(?P<kw>HR|OR|RR|(?i:hazard ratio|odds ratio|risk ratio))?\s*[:=,]?\s*"
    rf"(?P<num>{NUM})\s*[;,]\s*(?:{CI_LEVEL}\s*[:,]?\s*)?"
    rf"(?P<lo>{NUM})\s*{INTERVAL_SEP}\s*(?P<hi>{NUM})\s*(?P<rest>[;,][^()\[\]]*)?[)\]]\s*$"
)


def _comparison(m: re.Match) -> CellValue:
    problem = None
    try:
        interval = make_interval(m.group("lo"), m.group("hi"))
    except IntervalError as e:
        interval, problem = None, str(e)
    rest = m.start("rest") if m.group("rest") else None
    p = None
    if rest is not None:
        p = next(
            (
                pv._replace(start=pv.start + rest, end=pv.end + rest)
                for pv in find_p_values(m.group("rest"))
            ),
            None,
        )
    return CellValue(
        value=parse_number(m.group("num")),
        start=m.start("num"),
        end=m.end("num"),
        unit=None,
        interval=interval,
        interval_problem=problem,
        level=parse_number(m.group("lvl")) if m.group("lvl") else None,
        p=p,
        words=m.group("kw") or "",
        label="",
        compares=True,
    )


def _counted(text: str, counts_are_rates: bool) -> CellValue | None:
    """ "12 (25.0%)", "12/48 (25.0)", or "12 (25.0)" under "n (%)": the rate, of 12 patients
    (with its interval when one follows: "12 (25.0), (14, 39)")."""
    m = _COUNT_THEN_RATE.match(text)
    if m is None or not (m.group("pct") or m.group("d") or counts_are_rates):
        return None
    rate = parse_number(m.group("num"))
    return CellValue(
        value=rate,
        start=m.start("num"),
        end=m.end("num"),
        unit=code("unit", "percent"),
        interval=_enclosing(m, rate) if m.group("lo") else None,
        interval_problem=None,
        level=None,
        p=None,
        words="",
        label="",
        n_patients=int(m.group("n")),
        n_denominator=int(m.group("d")) if m.group("d") else None,
    )


def _enclosing(m: re.Match, value: float) -> Interval | None:
    """ "(2.8, 3.8)" after 2.9: the interval, when its bounds are ordered and hold the value."""
    lo, hi = parse_number(m.group("lo")), parse_number(m.group("hi"))
    return Interval(lo, hi, None) if lo < hi and lo <= value <= hi else None


def _value_unit(m: re.Match) -> str | None:
    if m.group("pct"):
        return code("unit", "percent")
    return _unit(m.group("unit")) if m.group("unit") else None


def _interval(iv: re.Match | None) -> tuple[Interval | None, str | None, float | None]:
    """(interval, why it was not kept, the level stated) of an interval read after a value; a
    range or an IQR is no confidence interval, nor is one open at its end ("18.5-NR")."""
    if iv is None:
        return None, None, None
    lo, hi = iv.group("lo") or iv.group("lo2"), iv.group("hi") or iv.group("hi2")
    stated = iv.group("lvl") or iv.group("lvl2")
    level = parse_number(stated) if stated else None
    if iv.group("range") or not (hi[0].isdigit() or hi[0] in ".·"):
        return None, None, level
    try:
        return make_interval(lo, hi, stated), None, level
    except IntervalError as exc:
        return None, str(exc), level


def _bare_p(text: str, at: int) -> PValue | None:
    """A p-value written as a bare number after the interval: "; 0.04", "; <0.0001"."""
    m = _BARE_P.match(text, at)
    if m is None:
        return None
    return PValue(parse_number(m.group("num")), _OPS[m.group("op") or "="], *m.span("num"))


def _without(rest: str, iv: re.Match | None, p: PValue | None, offset: int) -> str:
    """The text after a value (at ``offset`` in its cell) with its interval and p-value out."""
    cuts = []
    if iv is not None:
        cuts.append((iv.start() - offset, iv.end() - offset))
    if p is not None:
        cuts.append((p.start - offset, p.end - offset))
    out, pos = [], 0
    for s, e in sorted(cuts):
        if s >= pos:
            out.append(rest[pos:s])
            pos = e
    out.append(rest[pos:])
    return " ".join(out)


def _is_prose(rest: str, iv: re.Match | None, p: PValue | None, offset: int) -> bool:
    """After the value, words that are no label, interval or time point: a sentence."""
    bare = BRACKETS.sub(" ", _without(rest, iv, p, offset))
    words = [w.lower() for w in _WORD.findall(bare)]
    return sum(w not in _NOT_PROSE for w in words) >= 3
