"""Spans of a sentence that hold numbers which are not results: doses, ages, sample sizes,
grades, ranges, ± spreads, fractions, years, identifiers. The grammar reads no value inside one.
The masks are one alternation, run with only the alternatives whose gates admit the sentence
(GatedAlternation)."""

from __future__ import annotations

import re

from etl.extract.facts import UNIT, Span
from etl.extract.numbers import (
    BRACKETED_SPREAD,
    DASH,
    INTERVAL_SEP,
    NUM,
    SPREAD,
)
from etl.extract.phrases import CI_LEVEL
from etl.regex_prefilter import (
    GatedAlternation,
    Prefiltered,
    alternatives,
    cheap_scan,
)

# a bound that was not reached or cannot be estimated, with its abbreviation after it or alone
_NOT_REACHED = (
    r"(?:not\s+(?:reached|evaluable|estimable|estimated|calculable|applicable)|NR|NE|NA|NC)"
    r"(?:\s*[\[\(](?:NR|NE|NA|NC)[\]\)])?"
)
# the abbreviation a spelled-out level may carry: "95% confidence interval [CI]"
_CI_ABBREVIATED = r"(?:\s*[\[\(\{]CI[\]\)\}])?"

_MASKS = [
    rf"(?:≥|≤|>/=|</=|>=|<=|=>|=<|>|<|at least|up to|more than|less than|over|under)\s*(?:approximately\s+)?{NUM}\s*(?:%|{UNIT}|×\S*)?",
    # (its bounds may be parted by a comma after a colon: "(range: 0.9, 5.6 months)")
    # (in square brackets too, spelled out with its abbreviation, open at its end: "[interquartile
    # range {IQR}, 33.8-43]", "(IQR, 20.7 to not reached)")
    rf"[(\[]?\s*(?:interquartile range(?:\s*[\[({{]IQR[\])}}])?|IQR|range)\s*(?:[,:]?\s*{NUM}\s*(?:%|{UNIT})?\s*{INTERVAL_SEP}|:\s*{NUM}\s*(?:%|{UNIT})?\s*,)\s*(?:{NUM}\s*(?:%|{UNIT})?|{_NOT_REACHED})\s*[)\]]?",
    # an interval with a bound not reached or not estimable: "(95% CI, 15.0 months-not
    # evaluable)", "(95% confidence interval [CI]: 34.2 to not reached [NR])", "(95% CI: 28.1,
    # NE)", "(95% CI, NR-NR)", or inline after a ratio's other statistics ("; 95% CI 11.2-NR")
    rf"(?:[\(\[]|[;,]\s*(?={NUM}\s*%))\s*{CI_LEVEL.replace('lvl', 'lvl_open')}{_CI_ABBREVIATED}\s*[,:=]?\s*"
    rf"(?:{NUM}\s*(?:%|{UNIT})?|{_NOT_REACHED})\s*(?:{INTERVAL_SEP}|,)\s*{_NOT_REACHED}\s*(?:[\)\]]|(?=[;,]))",
    # an age: "median age was 76 years", "aged 65 years or older"
    # (past the count it is of: "the median age of the 38 participants was 65 years")
    # (the groups' ages listed: "median age, 70.0 years versus 69.5 years", "64 years and 63
    # years"; of the patients it is of: "the median age of the patients in the study was 71"; not
    # a value after it: "in patients aged under 65 and 9.8 months in those ...")
    rf"\b(?:age[ds]?|years of age)\b(?:\s*[,:=])?(?:\s+of\s+(?:the\s+)?\d+\s+[a-z]+)?[^.;,()%]{{0,45}}?{NUM}(?:\s*(?:years?|yrs?)?\s*(?:to|{DASH}|and|vs\.?|versus)\s*{NUM}(?![\d.]|\s*(?:%|mo\b|months?|weeks?|days?)))*\s*(?:years?|yrs?)?",
    # a spread: "± 4%", "(SD = 2%)", "(SE 3.4)" (etl.extract.numbers.SPREAD_AFTER)
    SPREAD,
    BRACKETED_SPREAD,
    rf"\b[nN]\s*(?:=|\s5\s)\s*{NUM}",  # (a PDF's "=" printed as "5": "(n 5 260)")
    rf"{NUM}\s*(?:mg|g|mcg|µg|μg|ml|mL|Gy|°C|IU|ng|μM|µM|nM)\b(?:\s*/\s*\w+)?",
    rf"{NUM}\s*(?:-|\s)?(?:year|yr)s?[- ]old",
    r"\bgrade\s*(?:>/=|≥|>=|>)?\s*\d(?:\s*(?:/|-|or|and|to)\s*\d)?",
    r"\bphase\s+(?:\d|I{1,3}V?)[ab]?(?:\s*[/-]\s*(?:\d|I{1,3}V?)[ab]?)?",
    r"\b(?:19|20)\d{2}\b(?!\s*(?:%|months?|days?))",
    rf"{NUM}\s*/\s*{NUM}",
    rf"{NUM}\s+of\s+{NUM}\s+(?:patients|pts|participants|subjects)\b",
    # a count of a total with its share after it or a bracket closing it: "(94 of 410 [23%] vs 17 of
    # 411 [4%])", "23% (94 of 410)": neither number is a value of the list
    rf"{NUM}\s+of\s+{NUM}(?=\s*[\[(]\s*{NUM}\s*%|\s*[)\]])",
    r"\[\d+\](?:\s*\[\d+\])*",
    r"\bNCT\d{8}\b",
    r"\b(?:G|Group |groups? |arms? |cohort )\d+[ab]?\b|\bG\d[ab]?\b",
    rf"{NUM}(?:st|nd|rd|th)\b",
    rf"{NUM}\s*(?:cycles?|doses?|sites|countries|lines?)\b",
    # a range is not a result ("only 2-3% of patients", "for 2-3 weeks"); an interval is found apart
    rf"{NUM}\s*(?:%\s*)?{DASH}\s*{NUM}\s*(?:%|{UNIT})",
    # a threshold of expression: "expression (1%)", "PD-L1 ≥ 50%"
    rf"\b(?:expression|TPS|CPS|PD-L1|cut-?off|threshold)\s*(?:of\s*)?[\(\[]?\s*(?:≥|>|<|≤)?\s*{NUM}\s*%\s*[\)\]]?",
    # the number of a cycle, day or line: "in Cycle 1", "day 8"
    rf"\b(?:cycles?|courses?|days?|lines?)\s+{NUM}\b(?!\s*%)",
    # a range in words: "30% to 50% of adults"
    rf"{NUM}\s*%\s*to\s*{NUM}\s*%\s*of\b",
    # the maturity of an analysis ("73.6% of OS events") and approximate background figures
    rf"{NUM}\s*%\s*of\s+(?:the\s+)?(?:[\w-]+\s+){{0,5}}?(?:events|deaths)\b",
    rf"[∼~≈]\s*{NUM}",
    # how mature an analysis is, no result: "(75% data maturity: 228 of 302 planned events)"
    # ("... data (maturity, 20%) showed")
    rf"{NUM}\s*%\s*(?:data\s+|information\s+)?maturity\b|\bmaturity\s*[,:=]?\s*{NUM}\s*%",
    # a unit's abbreviation defined after it, no part of a list's gap: "18.7 months [mo] vs 9.4 mo"
    r"[\[(]\s*(?:mo|mos|wk|wks|yr|yrs)\.?\s*[\])]",
    # the share of the trial a subgroup is, no rate: "(n = 225 [24.4% of the intent-to-treat
    # population])"
    rf"{NUM}\s*%\s*of\s+(?:the\s+)?(?:intent(?:ion)?-to-treat|ITT|overall|total|study|safety"
    r"|randomi[sz]ed|enrolled)\s+(?:population|cohort)\b",
    # a concentration, no rate: "containing 1.1% benzyl alcohol", "in 0.9% sodium chloride"
    rf"\b(?:containing|contains|diluted in|in)\s+{NUM}\s*%\s*(?:w/v\s+)?(?:sodium|dextrose|glucose|benzyl|saline|ethanol|alcohol|polysorbate|sucrose)\b",
    # an interval's level is no rate, stated with its interval or not ("Odds Ratio 2.6 95%CI ...")
    rf"{NUM}\s*%\s*(?:CI|confidence interval)\b",
    # a median percentage is a characteristic ("expression range 21-100%, median = 80%")
    rf"\bmedian\s*[=:]\s*{NUM}\s*%",
    # why patients stopped treatment is their disposition, no result: "Reasons for treatment
    # discontinuation were disease progression (n = 45 [51.1%]), adverse event (...)"
    # (a bracket is read whole: "adverse event (AE; n = 11 [12.5%])" does not end it)
    r"\breasons?\s+for\s+(?:treatment\s+|study\s+|drug\s+)?discontinuation\b"
    r"(?:[^.;()]|\([^()]*\)|\.(?=\d))*",
    # a trial's design assumptions are a plan, to the end of their clause: "the hypothesis that it
    # will improve ORR from 20% to 40%", "assuming a median PFS of 4 months", "powered to detect
    # an improvement of 15%" (not "the primary hypothesis was met: ...", "assuming proportional
    # hazards, the HR was ...", "a hypothesis-generating analysis")
    r"\b(?:(?:the|a|our)\s+hypothesis\s+that|hypothesi[sz]ed\s+that|assuming\s+(?:an?|the)\s+"
    r"(?!proportional)|(?:powered|designed)\s+to\s+detect|to\s+detect\s+an?"
    # (the events a sample size needs: "490 pts were required to observe 342 events to show a
    # gain in 3-year DFS from 17% to 27% (HR = 0.74) with 80% power"; not "continued to show an
    # improvement in PFS (17.2 vs. 4.6 months)", a result)
    r"|(?:required|needed)\s+to\s+(?:observe|show|detect))\b(?:[^.;:,]|[.,](?=\d))*",
    # who went on to other treatment is a disposition, no result, to the end of its clause:
    # "29% of patients in the A group and 34% in the B group received additional anticancer
    # therapy", "and 30% received subsequent therapy"
    r"(?:^|(?<=[,;:] ))[^.;,]*\b(?:received|underwent)\s+(?:an?\s+)?(?:subsequent|additional"
    r"|further|post-?progression|next-line)\s+(?:[\w-]+\s+){0,2}?(?:therap(?:y|ies)|treatments?)"
    r"\b[^.;]*",
    # the share of patients an event count is ("Number of PFS events: 62 (54%) with A"): no rate
    # (or "OS events were recorded in 188 (81.7%) patients in A and 212 (91.4%) in B")
    rf"\bevents?\s*(?::|(?:were|was)\s+(?:recorded|observed|reported|documented)\s+in)?\s*"
    rf"\d{{1,5}}\s*[(\[]\s*{NUM}\s*%\s*[)\]]"
    rf"(?:[^.;]*?\b\d{{1,5}}\s*[(\[]\s*{NUM}\s*%\s*[)\]])*",
    # a registered outcome measure's time frame is a plan, no result: "[Time Frame: up to 5
    # years]", "Time Frame: Week 52"
    r"\[\s*time\s*frame\s*:[^\]]*\]?|^\s*time\s*frame\s*:.*$",
]
# The masks are one alternation, (?:mask)|(?:mask)|..., case-insensitive. Its top-level branches
# are kept apart, each with a gate, so that a sentence is scanned with only the branches that can
# match in it (mask_spans): most sentences have no dose, no year, no "grade".
_MASK_BRANCHES = [branch for m in _MASKS for branch in alternatives(m)]
_MASK_GATES = [
    Prefiltered(rx, cheap_scan(rx, NUM))
    for rx in (re.compile(b, re.IGNORECASE) for b in _MASK_BRANCHES)
]
_MASK_ALTERNATION = GatedAlternation(_MASK_GATES)


def strip_masked(gap: str, offset: int, masks: list[Span]) -> str:
    """The gap text with masked spans (intervals, p-values; ``masks`` sorted) removed."""
    end = offset + len(gap)
    pieces, cursor = [], offset
    for span_start, span_end in masks:
        if span_start >= end:
            break
        if span_end <= offset:
            continue
        if span_start > cursor:
            pieces.append(gap[cursor - offset : span_start - offset])
        cursor = max(cursor, span_end)
    if cursor < end:
        pieces.append(gap[cursor - offset :])
    return "".join(pieces)


def mask_spans(text: str) -> list[Span]:
    """Spans of the masks, as the whole alternation finds them (see GatedAlternation)."""
    pattern = _MASK_ALTERNATION.for_text(text)
    return [] if pattern is None else [m.span() for m in pattern.finditer(text)]
