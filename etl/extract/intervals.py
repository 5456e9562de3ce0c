"""Confidence intervals of a sentence ("95% CI, 0.51-0.83", "(0.61–0.97)", an unlabelled one
after a ratio where the sentence labels others) and which value each belongs to."""

from __future__ import annotations

import itertools
import re
from operator import itemgetter

from etl.extract.facts import UNIT, Fact, Problem, Span
from etl.extract.numbers import (
    INTERVAL_SEP,
    NUM,
    Interval,
    IntervalError,
    make_interval,
)
from etl.extract.phrases import CI_LEVEL
from etl.regex_prefilter import (
    Prefiltered,
)

_CI_BRACKET = Prefiltered(
    re.compile(
        rf"[\(\[]\s*(?:{CI_LEVEL}(?:\s*[\[\(]CI[\]\)])?\s*[,:=]?\s*)?"
        rf"(?P<lo>{NUM})\s*(?:%|{UNIT})?\s*{INTERVAL_SEP}\s*(?P<hi>{NUM})\s*(?:%|{UNIT})?\s*(?=[;,\)\]])"
        # labelled, the bounds may be split by a comma: "[95% CI: 0.319, 0.748]"
        rf"|[\(\[]\s*{CI_LEVEL.replace('lvl', 'lvl2')}(?:\s*[\[\(]CI[\]\)])?\s*[,:=]?\s*(?P<lo2>{NUM})\s*%?\s*,\s*(?P<hi2>{NUM})\s*%?\s*(?=[;\)\]])",
        re.IGNORECASE,
    )
)
# (a space after a digit is asked as "\s(?<=\d\s)", not "(?<=\d)\s": a pattern that opens with
# a look-behind is tried at every place of the text, one that opens with a class only where the
# class is; likewise "(?<=\d);" below is ";(?<=\d;)", one literal to skip to)
_CI_INLINE = Prefiltered(
    re.compile(
        # (its bounds may be bracketed after the label: "58.4%, 95% CI = (43.5%, 78.4%)")
        rf"(?:[;,]|\s(?<=\d\s))\s*{CI_LEVEL}(?:\s*[\[\(]CI[\]\)])?\s*[,:=]?\s*(?:[(\[]\s*)?(?P<lo>{NUM})\s*(?:%|{UNIT})?\s*{INTERVAL_SEP}\s*(?P<hi>{NUM})\s*(?:%|{UNIT})?"
        rf"|[;,]\s*{CI_LEVEL.replace('lvl', 'lvl2')}(?:\s*[\[\(]CI[\]\)])?\s*[:=]?\s*(?:[(\[]\s*)?(?P<lo2>{NUM})\s*%?\s*,\s*(?P<hi2>{NUM})\s*%?(?=\s*(?:[;\)\]]|\.(?!\d)|$))",
        re.IGNORECASE,
    )
)
_LEVEL_STATED = re.compile(r"\d\s*%\s*(?:CI|confidence interval)", re.IGNORECASE)
_CI_UNLABELLED = re.compile(
    rf";(?<=\d;)\s*(?P<lo>{NUM})\s*{INTERVAL_SEP}\s*(?P<hi>{NUM})(?=\s*[;)\]])"
)
# (or, there, two decimals a comma parts in square brackets, as a list of ratios under "(HR [95%
# CI])" writes each one's: "GemCis (0.69 [0.51, 0.94])"; references are whole numbers)
_CI_DECIMAL_PAIR = re.compile(
    r"\[\s*(?P<lo>\d*[.·]\d+)\s*,\s*(?P<hi>\d*[.·]\d+)\s*\]"
    # (or in round brackets after a value, under a head that states the level once: "3-year EFS
    # (95% CI) was 92.1% (88.4, 94.7) with A vs. 82.5% (77.4, 86.5) with B")
    # (its look-behind asked after the bracket, "\((?<=[\d%] \()": both alternatives then open
    # with a bracket, which the engine skips to)
    r"|\((?<=[\d%] \()\s*(?P<lo2>\d*[.·]\d+)\s*,\s*(?P<hi2>\d*[.·]\d+)\s*\)"
)
# between a value and its interval: its unit, the bracketed count it was read in ("8.0
# months (n=39; 95% CI, 4.9-10.4)"), or the group it is of, named right after it ("12.1 months in
# the A group (95% CI, ...)", "5.8 months for chemotherapy (95% CI: 4.4, 7.8)"; no number there)
_INTERVAL_GAP = re.compile(
    r"\s*(?:%|[a-z]+)?\s*"
    r"(?:(?:in|for|with|among|on)\s+(?:the\s+)?[A-Za-z][A-Za-z+/’'\- ]{0,40}?\s*)?"
    r"(?:[(\[]\s*[nN]\s*=\s*\d{1,6}\s*)?"
)
_INTERVAL_REACH = 64


def find_intervals(text: str) -> list[tuple[Span, Interval | None, str | None]]:
    """Intervals with their spans (None + reason where malformed)."""
    found: list[tuple[Span, Interval | None, str | None]] = []
    for pattern in (_CI_INLINE, _CI_BRACKET):
        for m in pattern.finditer_lowered(text):  # (an interval's groups are numbers)
            span = m.span()
            for (s, e), _, _ in found:
                if s <= span[0] < e:
                    break
            else:
                try:
                    lo, hi, lvl, lo2, hi2, lvl2 = m.group("lo", "hi", "lvl", "lo2", "hi2", "lvl2")
                    if lo is None:  # (the labelled interval whose bounds a comma splits)
                        lo, hi, lvl = lo2, hi2, lvl2
                    found.append((span, make_interval(lo, hi, lvl), None))
                except IntervalError as exc:
                    found.append((span, None, str(exc)))
    if _LEVEL_STATED.search(text):
        # an interval without its label after a ratio, where the sentence labels others: "(HR
        # 0·86; 0·72–1·02; p=0·076)" (its level is the one stated before it)
        for m in itertools.chain(_CI_UNLABELLED.finditer(text), _CI_DECIMAL_PAIR.finditer(text)):
            if not any(s <= m.start() < e for (s, e), _, _ in found):
                try:
                    lo, hi = (
                        (m.group("lo"), m.group("hi")) if m.group("lo") else m.group("lo2", "hi2")
                    )
                    found.append((m.span(), make_interval(lo, hi, None), None))
                except IntervalError as exc:
                    found.append((m.span(), None, str(exc)))
    if len(found) > 1:
        found.sort(key=itemgetter(0))  # (by start: no two start at one place)
    return found


def attach_intervals(
    text: str, facts: list[Fact], intervals, heading_level: float | None
) -> list[Fact]:
    stated_level = heading_level
    for f in facts:
        follow = [
            iv
            for iv in intervals
            if 0 <= iv[0][0] - f.end <= _INTERVAL_REACH
            and _INTERVAL_GAP.fullmatch(text, f.end, iv[0][0])
        ]
        if follow:
            _span, iv, problem = follow[0]
            if iv is None:
                f.problems = (
                    *f.problems,
                    Problem("malformed_interval", problem or "malformed interval"),
                )
            else:
                if iv.level is not None:
                    stated_level = iv.level
                level = iv.level if iv.level is not None else stated_level
                f.ci = Interval(iv.lower, iv.upper, level)
    return facts
