"""The grammar of results sentences: one sentence in, the result numbers it reports out.

A sentence is read in passes, each a small function that changes nothing but the facts of the
sentence being read (it fills their attributes in place: they are that sentence's own until
parse_sentence returns them):
1. spans that hold numbers which are not results (doses, ages, n=, grades, IQRs, ± spreads,
   fractions, years) are masked;
2. intervals and p-values are found and masked;
3. values are found: ratios after their keyword, percentages, times with units, bare numbers that
   share the unit of a list they belong to ("38.2 vs. 5.9%", "792 and 403 days");
4. each value gets its interval, endpoint, measure, time point, p-value and group.
Lists that go together ("..., respectively") are resolved positionally.
"""

from __future__ import annotations

import copy
import functools
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import itemgetter
from typing import NamedTuple

from etl.extract.endpoint_lists import Value, list_slots
from etl.extract.group_labels import shared_head
from etl.extract.numbers import (
    DASH,
    INTERVAL_SEP,
    NUM,
    WORD_NUMBER,
    Interval,
    IntervalError,
    PValue,
    find_p_values,
    make_interval,
    num_not_after,
    parse_number,
    parse_word_number,
)
from etl.extract.phrases import CI_LEVEL, GROUP_NAME, GROUP_WORD, group_pattern, is_generic
from etl.extract.result_kinds import is_follow_up, reclassify
from etl.extract.subgroups import subgroups
from etl.regex_prefilter import (
    FromStarts,
    GatedAlternation,
    Prefiltered,
    alternatives,
    cheap_scan,
)
from etl.vocab.codes import MONTHS_PER_UNIT
from etl.vocab.endpoints import TIME_TO_EVENT, endpoint_mentions

_UNIT_WORDS = {
    "month": "months",
    "months": "months",
    "mo": "months",
    "mos": "months",
    "day": "days",
    "days": "days",
    "week": "weeks",
    "weeks": "weeks",
    "wk": "weeks",
    "wks": "weeks",
    "year": "years",
    "years": "years",
    "yr": "years",
    "yrs": "years",
    "m": "months",
}
_RATIOS = ("hazard_ratio", "odds_ratio", "risk_ratio")
_COMPARED_MEASURES = (*_RATIOS, "difference")
# ("m" after a number is a month where a survival time is meant, "13.0 m vs 11.4 m"; a value
# with it and no time-to-event endpoint is no result: _drop_non_results)
_UNIT = r"(?:months?|mos?|days?|weeks?|wks?|years?|yrs?|m(?![²³/]))\b"
_SEP = r"\s*(?:,\s*(?:and|or)\s+|,\s*|\s*(?:and|or|vs\.?|versus|v)\s+|\s*/\s*)"

_MASKS = [
    rf"(?:≥|≤|>/=|</=|>=|<=|=>|=<|>|<|at least|up to|more than|less than|over|under)\s*(?:approximately\s+)?{NUM}\s*(?:%|{_UNIT}|×\S*)?",
    rf"\(?\s*(?:interquartile range|IQR|range)\s*[,:]?\s*{NUM}\s*(?:%|{_UNIT})?\s*{INTERVAL_SEP}\s*{NUM}\s*(?:%|{_UNIT})?\s*\)?",
    # an interval open at its top: "(95% CI, 15.0 months-not evaluable)", "(95% CI, 34.2 to NR)"
    rf"[\(\[]\s*{CI_LEVEL.replace('lvl', 'lvl_open')}\s*[,:=]?\s*{NUM}\s*(?:%|{_UNIT})?\s*{INTERVAL_SEP}\s*(?:not\s+(?:reached|evaluable|estimable)|NR|NE|NA)\s*[\)\]]",
    # an age: "median age was 76 years", "aged 65 years or older"
    rf"\b(?:age[ds]?|years of age)\b[^.;,()]{{0,30}}?{NUM}(?:\s*(?:to|{DASH}|and)\s*{NUM})?\s*(?:years?|yrs?)?",
    rf"±\s*{NUM}",
    rf"\b[nN]\s*=\s*{NUM}",
    rf"{NUM}\s*(?:mg|g|mcg|µg|μg|ml|mL|Gy|°C|IU|ng|μM|µM|nM)\b(?:\s*/\s*\w+)?",
    rf"{NUM}\s*(?:-|\s)?(?:year|yr)s?[- ]old",
    r"\bgrade\s*(?:>/=|≥|>=|>)?\s*\d(?:\s*(?:/|-|or|and|to)\s*\d)?",
    r"\bphase\s+(?:\d|I{1,3}V?)[ab]?(?:\s*[/-]\s*(?:\d|I{1,3}V?)[ab]?)?",
    r"\b(?:19|20)\d{2}\b(?!\s*(?:%|months?|days?))",
    rf"{NUM}\s*/\s*{NUM}",
    rf"{NUM}\s+of\s+{NUM}\s+(?:patients|pts|participants|subjects)\b",
    r"\[\d+\](?:\s*\[\d+\])*",
    r"\bNCT\d{8}\b",
    r"\b(?:G|Group |groups? |arms? |cohort )\d+[ab]?\b|\bG\d[ab]?\b",
    rf"{NUM}(?:st|nd|rd|th)\b",
    rf"{NUM}\s*(?:cycles?|doses?|sites|countries|lines?)\b",
    # a range is not a result ("only 2-3% of patients", "for 2-3 weeks"); an interval is found apart
    rf"{NUM}\s*(?:%\s*)?{DASH}\s*{NUM}\s*(?:%|{_UNIT})",
    # a threshold of expression: "expression (1%)", "PD-L1 ≥ 50%"
    rf"\b(?:expression|TPS|CPS|PD-L1|cut-?off|threshold)\s*(?:of\s*)?[\(\[]?\s*(?:≥|>|<|≤)?\s*{NUM}\s*%\s*[\)\]]?",
    # the number of a cycle, day or line: "in Cycle 1", "day 8"
    rf"\b(?:cycles?|courses?|days?|lines?)\s+{NUM}\b(?!\s*%)",
    # a range in words: "30% to 50% of adults"
    rf"{NUM}\s*%\s*to\s*{NUM}\s*%\s*of\b",
    # the maturity of an analysis ("73.6% of OS events") and approximate background figures
    rf"{NUM}\s*%\s*of\s+(?:the\s+)?(?:[\w-]+\s+){{0,5}}?(?:events|deaths)\b",
    rf"[∼~≈]\s*{NUM}",
    # an interval's level is no rate, stated with its interval or not ("Odds Ratio 2.6 95%CI ...")
    rf"{NUM}\s*%\s*(?:CI|confidence interval)\b",
    # a median percentage is a characteristic ("expression range 21-100%, median = 80%")
    rf"\bmedian\s*[=:]\s*{NUM}\s*%",
]
# The masks are one alternation, (?:mask)|(?:mask)|..., case-insensitive. Its top-level branches
# are kept apart, each with a gate, so that a sentence is scanned with only the branches that can
# match in it (_mask_spans): most sentences have no dose, no year, no "grade".
_MASK_BRANCHES = [branch for m in _MASKS for branch in alternatives(m)]
_MASK_GATES = [
    Prefiltered(rx, cheap_scan(rx, NUM))
    for rx in (re.compile(b, re.IGNORECASE) for b in _MASK_BRANCHES)
]
_MASK_ALTERNATION = GatedAlternation(_MASK_GATES)

_CI_BRACKET = Prefiltered(
    re.compile(
        rf"[\(\[]\s*(?:{CI_LEVEL}(?:\s*[\[\(]CI[\]\)])?\s*[,:=]?\s*)?"
        rf"(?P<lo>{NUM})\s*(?:%|{_UNIT})?\s*{INTERVAL_SEP}\s*(?P<hi>{NUM})\s*(?:%|{_UNIT})?\s*(?=[;,\)\]])"
        # labelled, the bounds may be split by a comma: "[95% CI: 0.319, 0.748]"
        rf"|[\(\[]\s*{CI_LEVEL.replace('lvl', 'lvl2')}\s*[,:=]?\s*(?P<lo2>{NUM})\s*,\s*(?P<hi2>{NUM})\s*(?=[;\)\]])",
        re.IGNORECASE,
    )
)
# (a space after a digit is asked as "\s(?<=\d\s)", not "(?<=\d)\s": a pattern that opens with
# a look-behind is tried at every place of the text, one that opens with a class only where the
# class is; likewise "(?<=\d);" below is ";(?<=\d;)", one literal to skip to)
_CI_INLINE = Prefiltered(
    re.compile(
        rf"(?:[;,]|\s(?<=\d\s))\s*{CI_LEVEL}(?:\s*[\[\(]CI[\]\)])?\s*[,:=]?\s*(?P<lo>{NUM})\s*(?:%|{_UNIT})?\s*{INTERVAL_SEP}\s*(?P<hi>{NUM})\s*(?:%|{_UNIT})?"
        rf"|[;,]\s*{CI_LEVEL.replace('lvl', 'lvl2')}\s*[:=]?\s*(?P<lo2>{NUM})\s*,\s*(?P<hi2>{NUM})(?=\s*(?:[;\)\]]|$))",
        re.IGNORECASE,
    )
)
_LEVEL_STATED = re.compile(r"\d\s*%\s*(?:CI|confidence interval)", re.IGNORECASE)
_CI_UNLABELLED = re.compile(
    rf";(?<=\d;)\s*(?P<lo>{NUM})\s*{INTERVAL_SEP}\s*(?P<hi>{NUM})(?=\s*[;)\]])"
)
_HEADING = re.compile(rf"{CI_LEVEL}(?!\s*(?:[\[\(]CI[\]\)])?\s*[,:=]?\s*{NUM})", re.IGNORECASE)
_CI_HEADING = Prefiltered(_HEADING, cheap_scan(_HEADING, NUM))

_RATIO = FromStarts(
    re.compile(
        rf"(?P<kw>(?i:hazard ratio)|\bHR(?=s?\b)|(?i:odds ratio)|\bOR(?=s?\b)|(?i:risk ratio|relative risk)|\bRR(?=s?\b))(?:s\b)?(?:\s*[\(\[](?:HR|OR|RR)[\)\]])?"
        rf"(?:\s*[\(\[]\s*{NUM}\s*%\s*(?:CI|confidence interval)\s*[\)\]])?"
        # what it is of or favours: "for death", "favoring drug K", "for the X 20% or greater group"
        rf"(?:\s+(?:for|of|favou?ring|in favou?r of)\s+(?:[^,;()\d]|\d+\s*%){{1,80}}?)?\s*(?:[,:=]|\bwas\b|\bwere\b|\bof\b|\bis\b)?\s*"
        rf"(?P<num>{NUM})(?![\d%])(?!\s*(?:%|{_UNIT}))",
    ),
    # where a ratio's keyword starts: "hazard ratio" etc. in any case, "HR", "OR", "RR" as words
    re.compile(
        r"[hHoOrR](?=(?i:(?<=h)azard ratio|(?<=o)dds ratio|(?<=r)isk ratio|(?<=r)elative risk)"
        r"|(?<=[HOR])(?<!\w.)Rs?\b)"
    ),
    # what every keyword holds ("ratio" or "relative risk" in any case, "HR", "OR", "RR"): one
    # fast scan, where most sentences have none
    re.compile(r"[RrHO](?:(?<=[Rr])(?i:atio|elative risk)|(?<=[HOR])R)"),
)
_SPREAD = rf"(?:\s*±\s*{NUM})?"
# (?<![\w.·]){NUM}, written to start with the number (see num_not_after)
_ALONE = num_not_after(r"\w.·")
_ALONE_NOT_PER = num_not_after(r"\w.·/-")
# a rate or a time: one scan finds both (no match of one can overlap a match of the other: a
# number is followed by "%" or by a unit, not both)
_PERCENT_OR_TIME = Prefiltered(
    re.compile(rf"(?P<num>{_ALONE}){_SPREAD}\s*(?:(?P<pct>%)|(?P<unit>{_UNIT}))")
)
_BARE = re.compile(rf"(?P<num>{_ALONE_NOT_PER})(?![\w.·%/])")

_NUM_OR_WORD = rf"(?:{NUM}|{WORD_NUMBER})"
_COUNT = Prefiltered(
    re.compile(
        rf"(?<![\w.·])(?P<n>{NUM}|{WORD_NUMBER})\s+(?:(?:patients?|cases|participants)\s+)?"
        rf"(?:(?:had|achieved|showed|experienced|attained)\s+(?:an?\s+|a\s+)?(?=clinical benefit|(?:complete|partial|minor|objective) (?:response|remission)|stable disease|disease control)"
        rf"|(?=(?:complete|partial|minor|objective) responses\b)"
        # the noun shared with the next count: "three complete and 19 partial responses"
        rf"|(?=(?:complete|partial|minor) (?:and|or) {_NUM_OR_WORD} (?:complete|partial|minor) responses\b))",
        re.IGNORECASE,
    )
)
# a count labelled by the response it is of: "ORR was 62% (CR, n = 8; PR, n = 41)" (not one
# stated with its rate: "CR, n = 8 (6%)")
_LABELLED_COUNT = Prefiltered(
    re.compile(
        r"(?<![\w-])(?:s?CR[ih]?|PR|VGPR|nCR|MR|SD|ORR|complete (?:response|remission)s?|"
        r"partial (?:response|remission)s?|stable disease)\s*[,:]\s*n\s*=\s*(?P<n>\d{1,5})"
        r"(?![\d%]|\.\d|\s*[(\[]\s*\d)"
    )
)
_TIMEPOINT_LIST = Prefiltered(
    re.compile(
        r"(?<![\d.])(?P<list>(?:(?:\d+(?:\.\d+)?|one|two|three|four|five)[-\u2010]?,?\s*(?:and\s+|or\s+)?)+)(?P<unit>month|year|mo|yr|y)s?\b",
        re.IGNORECASE,
    )
)
_WORDS_1_10 = r"(?:one|two|three|four|five|six|seven|eight|nine|ten)\b"
_AT_TIMEPOINT = Prefiltered(
    re.compile(
        rf"\bat\s+(?P<n>\d+|{_WORDS_1_10})\s*(?:-\s*)?(?:(?P<unit>months?|years?)(?:\s+and\s+(?P<n2>\d+|{_WORDS_1_10})\s*(?P<unit2>months?|years?))?"
        rf"|and\s+(?P<n3>\d+|{_WORDS_1_10})\s*(?P<unit3>months?|years?))",
        re.IGNORECASE,
    )
)
_WORD_INT = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip

_DIFFERENCE = Prefiltered(
    re.compile(
        r"(?:improvement|prolong\w*|delay\w*|gain|difference|extend\w*|increase\w*)\s+(?:in\s+[\w\- ]+?\s+)?(?:of|by)\s*$",
        re.I,
    )
)
_MEAN = Prefiltered(re.compile(r"\bmean\b", re.I))
# (a group's name may hold "and" when a group noun closes it: "the A plus B and C group")
_ARM_PHRASE = (
    rf"(?:the\s+)?(?P<arm>{GROUP_NAME}(?:\s+and\s+{GROUP_WORD}(?:\s+{GROUP_WORD})?(?=\s+(?:groups?|arms?|cohorts?)\b))?)"
    rf"(?P<grp>\s+(?:groups?|arms?|cohorts?))?"
)
_ARM_AFTER = Prefiltered(
    re.compile(
        # (the value's unit; "was observed"; its endpoint: "10.2 months of PFS in ...")
        rf"^\s*(?:months?|days?|weeks?|years?|patients)?\s*(?:(?:was|were)\s+(?:observed|seen|reported|noted)\s+)?(?:of\s+[A-Z]{{2,5}}\s+)?"
        # "(29.4%) out of 347 patients in the A arm"
        r"(?:(?:out\s+)?of\s+\d+\s+(?:patients|pts|participants)\s+)?"
        rf"(?:(?:of|for|in|among)\s+(?:the\s+)?(?:patients|pts|those|women|men|participants)\s+(?:who\s+(?:received|took|were\s+(?:treated\s+with|given|assigned\s+to|randomi[sz]ed\s+to))|(?:assigned|allocated|randomi[sz]ed)\s+to)\s+"
        rf"|(?:of\s+(?:the\s+)?(?:patients|those)\s+)?(?:with|for|in|within|among|on|receiving|given|treated with|(?:assigned|allocated|randomi[sz]ed) to)\s+"
        # "52.5% of the A arm": a share of a group its noun names
        rf"|of\s+(?=(?:the\s+)?{GROUP_NAME}(?:\s+and\s+{GROUP_WORD})?\s+(?:arm|group|cohort)\b)"
        rf"|(?={GROUP_WORD}(?:\s+{GROUP_WORD})?\s+(?:recipients|group)\b)){_ARM_PHRASE}(?:\s+recipients)?"
        rf"(?=\s*(?:[,;.()\]]|\s+(?:and|vs\.?|v|versus|compared|respectively|group|arm|only"
        r"|were|was|had|experienced|achieved|remained)\b|$))",
        re.IGNORECASE,
    )
)
# The group named before a value, right before it (the match ends the gap between the previous
# value and this one): the alternatives of one pattern, (?:a|b|...)\s*$, each with its own gate
# (most gaps lack what all but one or two need), run as one alternation of those that the gap
# admits; see _arm_before.
_ARM_BEFORE = tuple(
    Prefiltered(re.compile(rf"(?:{branch})\s*$", re.IGNORECASE))
    for branch in (
        r"(?P<arm3>\b(?:G|Group\s+|Arm\s+|Cohort\s+)(?:\d+[ab]?|[IVX]+)\b)\s*[,:]?\s*",
        rf"(?:in|for|with|among)\s+(?:all\s+)?(?P<arm4>{GROUP_WORD}(?:\s+{GROUP_WORD})?)\s+(?:recipients|patients|group)\s*\(\s*{NUM}\s*[\[\(]?\s*",
        r"(?:^|[,;:]\s*)(?:patients|those)\s+(?:who|that)\s+(?P<arm5>(?:developed|had|received|achieved|experienced)\s+[\w/+-]+(?:\s+[\w/+-]+){0,2}?)"
        r"\s+(?:had|showed|experienced|achieved)\b[^,;]*?",
        rf"(?:for|with|in)\s+{_ARM_PHRASE}\s+(?:was|were|at|of|had|remained [\w ]+? at)",
        rf"(?:^|[,;]|while|whereas|and)\s*(?:the\s+)?(?P<arm2>{GROUP_NAME})"
        rf"\s+(?P<grp2>groups?|arms?)\s+had\b[^,;]*?",
        # "399 of 636 patients assigned to A (62.7%)"
        rf"(?:patients|pts|participants)\s+(?:assigned|allocated|randomi[sz]ed)\s+to\s+(?:the\s+)?"
        rf"(?P<arm7>{GROUP_NAME})\s*[(\[]\s*",
        # "the 3-year survival of A-treated patients was"
        r"\b(?:of|in|for|among)\s+(?:the\s+)?(?P<arm6>[A-Za-z][\w+/-]*-(?:treated|exposed)\s+"
        r"(?:patients|pts|participants))\s+(?:was|were)",
    )
)
_ARM_BEFORE_ALTERNATION = GatedAlternation(_ARM_BEFORE, cache=32)
_GROUP_THEN_BRACKET = Prefiltered(
    re.compile(
        rf"(?:in|for|with|among)\s+(?:the\s+)?(?P<arm>{GROUP_NAME}\s+(?:group|arm|cohort))\s*\(\s*$",
        re.IGNORECASE,
    )
)
_SENTENCE_COMPARISON = Prefiltered(
    re.compile(
        rf"(?:in|for|with|among|on|receiving|given|treated with)\s+(?:the\s+)?(?P<a>{GROUP_NAME})(?:\s+groups?)?\s+"
        rf"(?:than|(?:when\s+|as\s+)?compared (?:to|with)|versus|vs\.?)\s+(?:(?:in|with|for|on|among|receiving)\s+)?(?:the\s+)?(?P<b>{GROUP_WORD}(?:\s+{GROUP_WORD}){{0,3}}?)(?:\s+groups?)?(?=\s*(?:[,;.(]|$))",
        re.IGNORECASE,
    )
)
# a group that had more of something than another: "In landmark analyses, complete responders had
# longer RFS (23.6 vs 5.7 months) and OS (...) compared with nonresponders", "A extended the
# median time to X compared to B (23.2 vs 14.6 months)"
_SUBJECT_COMPARISON = Prefiltered(
    re.compile(
        rf"^(?:[^,;]*,\s*)?(?:the\s+)?(?P<a>{GROUP_NAME})\s+(?:(?:had|showed|achieved|experienced|demonstrated)\s+"
        r"(?:(?:a|an|significantly|numerically|statistically\s+significantly)\s+)*"
        r"(?:longer|shorter|higher|lower|better|worse|improved|superior|inferior|prolonged)"
        # "A extended the median time to X compared to B (23.2 vs 14.6 months)"
        r"|(?:(?:significantly|further)\s+)?(?:extended|prolonged|improved|increased|reduced|lowered|decreased))\b.{0,200}?"
        r"\b(?:compared\s+(?:with|to)|than|versus|vs\.?)\s+(?:the\s+|those\s+(?:in|with|on)\s+(?:the\s+)?)?"
        rf"(?P<b>{GROUP_NAME})(?=\s*(?:[,;.(]|$))",
        re.IGNORECASE,
    )
)
_VERSUS = Prefiltered(
    re.compile(
        rf"(?:(?:for|of|with|between)\s+|[(;]\s*)(?:the\s+)?(?P<a>{GROUP_WORD}(?:\s+(?:\+|plus)\s+{GROUP_WORD}|\s+{GROUP_WORD}){{0,3}}?)"
        rf"\s+(?:versus|vs\.?|(?:when\s+|as\s+)?compared with|(?:when\s+|as\s+)?compared to|and)\s+(?:the\s+)?"
        rf"(?:(?:those|patients)\s+(?:on|receiving|given|treated with)\s+)?(?P<b>{GROUP_NAME})(?=\s*(?:was|were|is|[,;():]|\.(?!\d)|$))",
        re.IGNORECASE,
    )
)
_FAVOUR = re.compile(
    rf"\s*[;,]?\s*(?:(?:which\s+was\s+)?(?:statistically\s+)?(?:significant(?:ly)?\s+)?)?"
    rf"in\s+favou?r\s+of\s+(?:the\s+)?(?P<a>{GROUP_NAME})(?=\s*(?:[,;.()]|\s+(?:treatment|therapy)\b|$))",
    re.IGNORECASE,
)
_NONINFERIOR = Prefiltered(
    re.compile(
        rf"(?:with\s+)?(?P<a>{GROUP_WORD}(?:\s+{GROUP_WORD}){{0,2}}?)\s+(?:was|were)\s+(?:non-?inferior|superior|inferior)\s+to\s+"
        rf"(?P<b>{GROUP_WORD}(?:\s+{GROUP_WORD}){{0,2}}?)(?=\s*[,;()]|$)",
        re.IGNORECASE,
    )
)
_HEAD_ITEM_HINT = Prefiltered(re.compile(r"\b(?:median|mean)\b[^.;]*?\sand\s", re.IGNORECASE))
_COUNT_GAP = re.compile(
    r"\s+(?:(?:patients?|cases|participants)\s+)?(?:(?:had|achieved|showed|experienced|attained)\s+(?:an?\s+)?)?",
    re.IGNORECASE,
)
_SHARED_NOUN = re.compile(
    r"\s+(?P<what>complete|partial|minor)\s+(?:and|or)\s+\S+\s+(?:complete|partial|minor)\s+"
    r"(?P<noun>responses?)\b",
    re.IGNORECASE,
)
_LABEL_GAP = re.compile(r"\s*[,:]\s*n\s*=\s*")
_COUNT_PHRASE = re.compile(r"\s+(?P<what>[a-z]+\s+responses?)\b", re.IGNORECASE)
_COUNT_ASIDE = re.compile(r"\s*\((?:[nN]\s*=\s*)?\d+(?:\s+(?:patients|cases|subjects))?\)")
_POSITIVE_SIGN = re.compile(r"\s*\(\s*\+\s*\)")
_NEGATIVE_SIGN = re.compile(r"\s*\(\s*[-−–]\s*\)")
_FRONTED = Prefiltered(
    re.compile(
        rf"^(?:[A-Z]+:\s*)?(?:among|in|for)\s+(?:the\s+)?(?:\d+\s+)?(?:(?P<who>patients|pts|those|subjects|participants|women|men|children|adults)\s+"
        rf"(?:who\s+received|receiving|treated\s+with|given|on(?:\s+the)?)\s+(?:the\s+combination\s+of\s+)?)?"
        rf"(?P<g>(?:\d+[\s-]*(?:mg(?:/kg|/m2)?)\b\s*)?{GROUP_NAME}|\d+[\s-]*mg(?:/kg|/m2)?\b)"
        rf"(?P<head>\s+(?:group|arm|cohort))?\s*,"
        # "Among 57 pts who completed 35 cycles of X,": a group by what it did
        r"|^(?:[A-Z]+:\s*)?among\s+(?:the\s+)?(?:\d+\s+)?(?P<did>(?:patients|pts|those|subjects)\s+who\s+"
        r"(?:completed|received|achieved|had|discontinued)\s+[^,;]{3,60}?)\s*,",
        re.IGNORECASE,
    )
)
_FACTOR_RATIO = r"(?i:hazard ratio|odds ratio)|HR|OR"
_FACTOR_ITEM = Prefiltered(
    re.compile(
        rf"(?:^|[,;:]\s*(?:and\s+)?|\)\s+and\s+)(?P<label>[A-Za-z][^,;:()]{{1,60}}?)\s*\(\s*"
        rf"(?:(?P<kw>{_FACTOR_RATIO})\s*[=:,]?\s*)?(?P<num>{NUM})\s*[,;]\s*[pP]\b"
    )
)
# what a factor with its ratio named holds, from its bracket to its p ("(HR = 0.49, p"): the list
# is only read when one is there (most sentences with a ratio name it before the value)
_FACTOR_NAMED = re.compile(rf"\(\s*(?:{_FACTOR_RATIO})\s*[=:,]?\s*{NUM}\s*[,;]\s*[pP]\b")
_GROUP_PHRASE = Prefiltered(
    re.compile(rf"\bthe\s+(?P<g>{GROUP_NAME})\s+(?:group|arm|cohort)\b", re.IGNORECASE)
)
_GROUP_LIST = Prefiltered(
    re.compile(
        rf"(?:in|for|with|among|between)\s+(?:the\s+)?(?P<list>{GROUP_WORD}(?:\s+{GROUP_WORD}){{0,3}}?"
        rf"(?:\s*,\s*(?:and\s+)?(?:the\s+)?{GROUP_WORD}(?:\s+{GROUP_WORD}){{0,3}}?)*\s*,?\s+(?:and|or|vs\.?|versus)\s+(?:the\s+)?"
        rf"{GROUP_WORD}(?:\s+(?:\+|plus)\s+{GROUP_WORD}|\s+{GROUP_WORD}){{0,3}}?)(?:\s+(?:groups?|arms?|patients|cohorts?))?"
        # (then the values: "in the A vs. B groups of 16.7 vs. 12.1 months")
        rf"(?=\s*(?:[,;.()]|\s+(?:respectively|were|was|had|of)\b|$))",
        re.IGNORECASE,
    )
)

# Patterns used inside the passes, compiled once (re's own cache costs a lookup per call).
# values listed together, each possibly closing its own bracket: "20% [95% CI 12-30%] and 14%"
# and a rate may follow its count in brackets: "125 [38%] v 165 [50%]", "47 patients (13%) vs one (1%)",
# "12/40 (30%) vs 5 of 41 (12%)" (a count masked as a fraction: "12/40" is no value)
_SEP_RE = re.compile(
    # (each value may be followed by its group: "31.6% for A v 24.5% for B")
    rf"(?:\s*[\])])*(?:\s+(?:for|with|in)\s+(?:the\s+)?{GROUP_NAME}(?:\s+(?:arm|group))?)?{_SEP}(?:(?:{NUM}(?:\s*(?:/|of)\s*{NUM})?|{WORD_NUMBER})?\s*(?:patients?|cases|participants)?\s*[\[(]\s*)?",
    re.IGNORECASE,
)
_COMPARED_GAP = re.compile(
    r"(?:\s*[\])])*\s*,?\s*(?:vs\.?|versus|(?:as\s+)?compared (?:with|to))\s+", re.IGNORECASE
)
# one value of every group: "13% in each group discontinued", "in both arms"
_EACH_GROUP = re.compile(
    r"\s*(?:of\s+(?:the\s+)?patients\s+)?in\s+(?:each|both|all)\s+(?:of\s+the\s+)?(?:\w+\s+)?"
    r"(?:groups?|arms?|cohorts?)\b",
    re.IGNORECASE,
)
# a group's place in a list kept by a value that is not a number: "NR vs 11.8 mo", "9.7 m vs. NE"
_PLACEHOLDER_WORDS = (
    r"(?<![\w-])(?:NR|NE|(?i:not\s+(?:yet\s+)?reached|not\s+estimable|not\s+evaluable))(?![\w-])"
)
_PLACEHOLDER = re.compile(_PLACEHOLDER_WORDS)
_NR_NE = re.compile(r"\bN[RE]\b")


def _may_hold_placeholder(text: str) -> bool:
    """Whether a placeholder can be in ``text``: the words asked with ``in`` first (an alternation
    that has no first letter to skip to is tried at every place of the text, ten times slower)."""
    if ("NR" in text or "NE" in text) and _NR_NE.search(text):
        return True
    lowered = text.lower()
    return "reached" in lowered or "estimable" in lowered or "evaluable" in lowered


_PLACE_SEP = r"\s*(?:vs\.?|versus|v|and|or|,)\s*"
_PLACE_TAIL = rf"(?:\s*{_UNIT})?(?:\s*[(\[][^()\[\]]*[)\]])?"
_PLACEHOLDERS_BEFORE = re.compile(rf"(?:{_PLACEHOLDER_WORDS}{_PLACE_TAIL}{_PLACE_SEP})+$")
_PLACEHOLDERS_AFTER = re.compile(
    rf"{_PLACE_TAIL}(?:{_PLACE_SEP}{_PLACEHOLDER_WORDS}{_PLACE_TAIL})+"
)
_OPENS = re.compile(r"\s*[(\[]\s*")
_CLOSES = re.compile(r"\s*[)\]]")
# "51 percent", "88 per cent" (news): a percent sign in words
_PERCENT_WORD = re.compile(r"(?<=\d)\s?(?:percent|per cent)\b", re.IGNORECASE)
_DECIMAL = re.compile(r"\d*[.·]\d+")
_EMPTY_BRACKETS = re.compile(r"\s*[(\[]\s*[)\]]")
_VERSUS_WORD = re.compile(r"\b(?:vs|versus)\b", re.IGNORECASE)
_UNIT_LEAD = re.compile(rf"^\s*{_UNIT}")
# the unit a value's interval stands between it and: "22.0 (19.5-24.5) mo vs 10.6 (...) mo"
# (the interval itself masked: what is left of it is its closing bracket)
_UNIT_PAST_BRACKETS = re.compile(rf"^\s*(?:[(\[][^()\[\]]*)?[)\]]\s*{_UNIT}")
_UNIT_AFTER = re.compile(rf"\s*[\])]?\s*(?:(?P<pct>%)|(?P<unit>{_UNIT}))")
# a description, not a group's name: "an excellent outlook", "a CR + CRi rate"
_LEADING_ARTICLE = re.compile(r"^(?:the|all)\s+", re.I)
_QUALIFIED_PATIENTS = re.compile(
    r"^(?:patients|those|subjects)\s+(?=(?:with|without|who|on|receiving|treated|given)\s+\S)",
    re.IGNORECASE,
)
_TRAILING_NOUN = re.compile(r"\s+(?:patients|recipients|subjects)$", re.I)
_TIMEPOINT_NUMBER = re.compile(r"\d+(?:\.\d+)?|one|two|three|four|five", re.I)
_TIMEPOINT_FOLLOWS = re.compile(
    r"^\s*(?:os|pfs|overall|progression|survival|rates?|event|landmark|,\s*respectively)"
)
_OPEN_PAREN_AFTER_WORD = Prefiltered(re.compile(r"(\w[\w\- ]*?)\s*\((?:[A-Z]{2,5},\s*)?$"))
# between a value and its interval: its unit, or the bracketed count it was read in ("8.0
# months (n=39; 95% CI, 4.9-10.4)")
_INTERVAL_GAP = re.compile(r"\s*(?:%|[a-z]+)?\s*(?:[(\[]\s*[nN]\s*=\s*\d{1,6}\s*)?")
_MEDIAN = Prefiltered(re.compile(r"\bmedian\b", re.I))
_WINDOW_BEFORE = re.compile(
    r"(?:every|within|each|per|after|before|during|over|up to|at least|than|for|at|by|since|past|last|first)\s*$"
)
_SURVIVAL_BEFORE = re.compile(r"(?:survival|pfs|os|ttp|follow-up)\s+(?:of|was|were)?\s*$")
_HYPHEN_UNIT = re.compile(r"\s*[-\u2010]\s*(?:month|year)")
_FOLLOW_UP_SPAN = re.compile(r"\s+of\s+(?:additional\s+)?follow[- ]?up", re.IGNORECASE)
# an endpoint the vocabulary has no code for that is a time: "relapse-free survival", "PFS2"
_TIMED_OTHER = re.compile(
    r"survival|free|time to|duration|\b(?:RFS|DFS|EFS|MFS|MSS|CSS|PFS-?2|TTNT|iDFS|DMFS|CFS)\b",
    re.I,
)
_THRESHOLD = re.compile(
    r"(?:significance|threshold|boundary|alpha|significance level|level of significance)\W{0,3}$",
    re.IGNORECASE,
)
_THRESHOLD_WORDS = Prefiltered(re.compile(r"significance|threshold|boundary|alpha", re.IGNORECASE))
_ECONOMIC = Prefiltered(
    re.compile(
        r"\bQALYs?\b|\bICER\b|cost[- ]effective|willingness[- ]to[- ]pay|incremental cost",
        re.IGNORECASE,
    )
)
_RESULT_WORDS = Prefiltered(re.compile(r"\b(?:patients|cases|had|rate|of)\b", re.I))
_LIST_SEP = re.compile(
    r"\s*,\s*(?:and\s+|or\s+)?(?:the\s+)?|\s+(?:and|or|vs\.?|versus)\s+(?:the\s+)?"
)
_BRACKET = re.compile(r"[()\[\]]")
# Patients stated with a rate, right after it ("60.7% (17 patients)", "17.5%; 68/388",
# "45% [9 of 20]") or right before it ("59/103 (57.3%)", "17 patients (60.7%)")
_PATIENTS = r"(?:patients?|pts|participants|subjects|cases|individuals)\b"
_STATED_COUNT = (
    rf"(?:(?P<n>\d{{1,6}})\s*/\s*(?P<d>\d{{1,6}})(?!\s*(?:\d|%|{_UNIT}))"
    rf"|(?P<n_of>\d{{1,6}})\s+of\s+(?P<d_of>\d{{1,6}})(?:\s+(?:evaluable\s+)?{_PATIENTS})?"
    rf"|(?P<n_only>\d{{1,6}})\s+{_PATIENTS})"
)
_COUNT_AFTER = re.compile(rf"\s*[(\[;,]\s*{_STATED_COUNT}\s*[)\];,.]?", re.IGNORECASE)
_COUNT_BEFORE = re.compile(rf"{_STATED_COUNT}\s*[(\[]\s*$", re.IGNORECASE)
_CLOSING = re.compile(r"[\])]+\s*(?:of\s+\d+\s+)?")
_RESPECTIVELY = Prefiltered(re.compile("respectively", re.IGNORECASE))
_RESPECTIVELY_TAIL = re.compile(
    r"(?:\s*at\s+[\w\s,-]*?(?:months?|years?))?\s*,?\s*respectively\s*,?", re.IGNORECASE
)


class Problem(NamedTuple):
    """A part of a result that was read but cannot be right: the rule it breaks and why."""

    rule: str
    message: str


@dataclass(eq=False)
class Fact:
    """One result number read from a sentence (offsets are into the sentence). The passes of
    parse_sentence fill its attributes in place: a fact belongs to the sentence being read until
    parse_sentence returns it, and is not changed after. A fact is itself, equal to no other
    (two facts of one sentence differ in their offsets): finding one in a list compares no
    fields."""

    value: float
    start: int
    end: int
    unit: str
    measure: str
    endpoint: str = "OTHER"
    endpoint_label: str = ""
    timepoint_months: float | None = None
    ci: Interval | None = None
    p: PValue | None = None
    arm: str | None = None
    comparator: str | None = None
    n_patients: int | None = None
    n_denominator: int | None = None
    chain: int = -1
    group_index: int = -1  # its group's position when a list repeats endpoints per group
    each_group: bool = False  # "13% in each group": of every group the record declares
    # its place in its list when the list holds placeholders ("NR vs 11.8 months": 1 of 2)
    slot: int = -1
    slots: int = 0
    subgroup: str | None = None  # the part of the population it is of (etl.extract.subgroups)
    problems: tuple[Problem, ...] = field(default=())  # what was read but not kept, and why

    @property
    def value_months(self) -> float | None:
        return self.value * MONTHS_PER_UNIT[self.unit] if self.unit in MONTHS_PER_UNIT else None


_BLANK = Fact(0.0, 0, 0, "", "")


def _fact(value: float, start: int, end: int, unit: str, measure: str) -> Fact:
    """Fact(value, start, end, unit, measure), made as a copy of a blank one: a Fact has no
    ``__post_init__`` and no ``init=False`` field, so that is the same value, without the
    generated ``__init__``'s assignment of every field in turn."""
    attributes = _BLANK.__dict__.copy()  # (a copy at its full size: no dict grown key by key)
    attributes.update(value=value, start=start, end=end, unit=unit, measure=measure)
    new = object.__new__(Fact)
    new.__dict__ = attributes
    return new


# (start, end) of a piece of a sentence: a plain tuple, made for every number, interval and
# mask read (a named tuple costs ten times as much to make)
_Span = tuple[int, int]


def _masked(spans: list[_Span], start: int, end: int) -> bool:
    # (a loop, not any() over a generator: it runs for every number of every sentence)
    for span_start, span_end in spans:  # noqa: SIM110
        if span_start <= start and end <= span_end:
            return True
    return False


def _overlaps(spans: list[_Span], start: int, end: int) -> bool:
    for span_start, span_end in spans:  # noqa: SIM110
        if span_start < end and start < span_end:
            return True
    return False


def _intervals(text: str) -> list[tuple[_Span, Interval | None, str | None]]:
    """Intervals with their spans (None + reason where malformed)."""
    found: list[tuple[_Span, Interval | None, str | None]] = []
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
        for m in _CI_UNLABELLED.finditer(text):
            if not any(s <= m.start() < e for (s, e), _, _ in found):
                try:
                    found.append(
                        (m.span(), make_interval(m.group("lo"), m.group("hi"), None), None)
                    )
                except IntervalError as exc:
                    found.append((m.span(), None, str(exc)))
    if len(found) > 1:
        found.sort(key=itemgetter(0))  # (by start: no two start at one place)
    return found


def _values(text: str, masks: list[_Span]) -> list[Fact]:
    facts: list[Fact] = []
    taken: list[_Span] = []

    def free(s: int, e: int, num: tuple[int, int] | None = None) -> bool:
        ns, ne = num or (s, e)
        return not _masked(masks, ns, ne) and not _overlaps(taken, s, e)

    for m in _RATIO.finditer(text):
        s, e = m.start("num"), m.end("num")
        if free(s, e):
            kw = m.group("kw").lower()
            measure = (
                "odds_ratio"
                if kw in ("odds ratio", "or")
                else "risk_ratio"
                if kw in ("risk ratio", "relative risk", "rr")
                else "hazard_ratio"
            )
            facts.append(_fact(parse_number(m.group("num")), s, e, "ratio", measure))
            taken.append((s, e))
    # a list of factors, the first with its ratio named: "X (HR = 0.49, p = 0.04), Y (3.42, p = 0.01)"
    if facts and _FACTOR_NAMED.search(text):
        measure = facts[0].measure
        found = list(_FACTOR_ITEM.finditer(text))
        items = [m for m in found if free(m.start("num"), m.end("num"))]
        named = [m for m in found if m.group("kw")]
        if named and len(items) + len(named) >= 2:
            for m in items:
                s, e = m.span("num")
                label = _clean_arm(m.group("label"))
                fact = _fact(parse_number(m.group("num")), s, e, "ratio", measure)
                fact.arm = label
                facts.append(fact)
                taken.append((s, e))
            for m in named:
                for f in facts:
                    if f.start == m.start("num"):
                        f.arm = _clean_arm(m.group("label"))
    for m in _PERCENT_OR_TIME.finditer(text):
        if free(m.start(), m.end(), m.span("num")):
            value = parse_number(m.group("num"))
            if m.group("pct"):
                facts.append(_fact(value, m.start(), m.end(), "percent", "rate"))
            else:
                unit = _UNIT_WORDS[m.group("unit").lower().rstrip(".")]
                facts.append(_fact(value, m.start(), m.end(), unit, "median"))
            taken.append(m.span())
    for m in _COUNT.finditer_lowered(text):  # (a number, in words or digits: no case to keep)
        s, e = m.span("n")
        if free(s, e):
            raw = m.group("n")
            value = float(parse_word_number(raw)) if raw[0].isalpha() else parse_number(raw)
            facts.append(_fact(value, s, e, "patients", "count"))
            taken.append((s, e))
    for m in _LABELLED_COUNT.finditer(text):  # (its number is masked as a sample size)
        s, e = m.span("n")
        if not _overlaps(taken, s, e):
            facts.append(_fact(float(m.group("n")), s, e, "patients", "count"))
            taken.append((s, e))
    bare = [m for m in _BARE.finditer(text) if free(m.start(), m.end())]
    return _share_units(text, sorted(facts, key=lambda f: f.start), bare, masks)


def _share_units(
    text: str, facts: list[Fact], bare: list[re.Match], masks: list[_Span]
) -> list[Fact]:
    """A bare number joined to a number with a unit by and / or / vs / a comma takes that unit:
    "38.2 vs. 5.9%", "792 and 403 days", "4.6 (95 % CI 2.8-5.2) and 6.5 (…) months"."""
    if not bare:
        return facts  # (sorted by their start, as given)
    ordered: list[tuple[int, int, Fact | None]] = sorted(
        [(f.start, f.end, f) for f in facts] + [(m.start(), m.end(), None) for m in bare]
    )
    out = list(facts)
    # first the bare numbers with a unit of their own after an interval ("6.5 (…) months") …
    for i, (start, end, fact) in enumerate(ordered):
        if fact is not None:
            continue
        unit_after = _UNIT_AFTER.match(_strip_masked(text[end : end + 60], end, masks))
        if unit_after:
            unit = (
                "percent"
                if unit_after.group("pct")
                else _UNIT_WORDS[unit_after.group("unit").lower()]
            )
            measure = "rate" if unit == "percent" else "median"
            ordered[i] = (
                start,
                end,
                _fact(parse_number(text[start:end]), start, end, unit, measure),
            )
            out.append(ordered[i][2])
    # … then those that share the unit of the next number of their list ("4.6 (…) and 6.5 (…) months")
    for i, (start, end, fact) in enumerate(ordered):
        if fact is not None:
            continue
        j, prev_end, anchor = i, end, None
        while j + 1 < len(ordered) and anchor is None:
            gap = _strip_masked(text[prev_end : ordered[j + 1][0]], prev_end, masks)
            if not _SEP_RE.fullmatch(gap):
                break
            j += 1
            anchor, prev_end = ordered[j][2], ordered[j][1]
        if anchor is None and i:
            # or the unit of the value it is compared with: "8.2 months (…) compared with 4.1 (…)";
            # or of the ratio it is listed after: "the hazard ratios were 0.77 (…) and 0.69"
            before = ordered[i - 1][2]
            gap = _strip_masked(text[before.end : start], before.end, masks) if before else ""
            if before is not None and (
                _COMPARED_GAP.fullmatch(gap)
                or (
                    before.measure in _RATIOS
                    # (past the brackets of its p-value: "0.77 (P = .002), and 0.69")
                    and _SEP_RE.fullmatch(_EMPTY_BRACKETS.sub("", gap))
                    and _DECIMAL.fullmatch(text, start, end)  # (a ratio is written "0.69")
                )
            ):
                anchor = before
        if anchor is not None:
            shared = copy.copy(anchor)
            shared.value, shared.start, shared.end = parse_number(text[start:end]), start, end
            out.append(shared)
    return sorted(out, key=lambda f: f.start)


def _strip_masked(gap: str, offset: int, masks: list[_Span]) -> str:
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


def _chains(text: str, facts: list[Fact], masks: list[_Span]) -> list[Fact]:
    """Number the runs of values that are listed together (same unit, joined by separators; a
    unit may stand after a value's interval)."""
    chain = -1
    for i, f in enumerate(facts):
        if (
            i == 0
            or f.unit != facts[i - 1].unit
            or not _SEP_RE.fullmatch(
                _UNIT_PAST_BRACKETS.sub(
                    "", _strip_masked(text[facts[i - 1].end : f.start], facts[i - 1].end, masks)
                )
            )
        ):
            chain += 1
        f.chain = chain
    return _bracketed_lists(text, facts)


def list_place(f: Fact, chain: list[Fact]) -> tuple[int, int]:
    """(size, position) of a value's list, placeholders counted ("NR vs 11.8 months": 2, 1)."""
    return (f.slots, f.slot) if f.slots else (len(chain), chain.index(f))


def _placeholders(text: str, facts: list[Fact]) -> list[Fact]:
    """A value not reached or not estimable holds its group's place in a list without a number:
    "NR vs 11.8 months", "9.7 m vs NE": no value is read for it, and the others keep their
    places (slot, slots)."""
    if not _may_hold_placeholder(text):
        return facts
    chains: dict[int, list[Fact]] = {}
    for f in facts:
        chains.setdefault(f.chain, []).append(f)
    for chain in chains.values():
        before = _PLACEHOLDERS_BEFORE.search(text, max(0, chain[0].start - 80), chain[0].start)
        lead = len(_PLACEHOLDER.findall(before.group())) if before else 0
        after = _PLACEHOLDERS_AFTER.match(text, chain[-1].end)
        trail = len(_PLACEHOLDER.findall(after.group())) if after else 0
        if lead or trail:
            for i, f in enumerate(chain):
                f.slot, f.slots = lead + i, lead + len(chain) + trail
    return facts


def _bracketed_lists(text: str, facts: list[Fact]) -> list[Fact]:
    """ "in 97% (67%) versus 93% (55%) of patients": values that each carry a second one in
    brackets are two lists, of the values and of the bracketed ones (not "67% versus 93%")."""
    if len(facts) < 4:
        return facts  # (two lists of two values at the least: four values)
    pairs = [
        i
        for i in range(len(facts) - 1)
        if _OPENS.fullmatch(text, facts[i].end, facts[i + 1].start)
        and _CLOSES.match(text, facts[i + 1].end)
    ]
    runs: list[list[int]] = []
    for i in pairs:
        if runs and runs[-1][-1] + 2 == i and facts[i - 1].chain == facts[i].chain:
            runs[-1].append(i)
        else:
            runs.append([i])
    runs = [r for r in runs if len(r) > 1]
    if not runs:
        return facts
    fresh = 1 + max(f.chain for f in facts)
    for run in runs:
        outer = facts[run[0]].chain
        for i in run:
            facts[i].chain, facts[i + 1].chain = outer, fresh
        fresh += 1
    order = {c: n for n, c in enumerate(dict.fromkeys(f.chain for f in facts))}
    for f in facts:
        f.chain = order[f.chain]
    return facts


@functools.lru_cache(maxsize=4096)
def _names_an_endpoint(label: str) -> bool:
    """Is the label an endpoint's name ("OS", "progression-free survival"), not a group's?"""
    found = endpoint_mentions(label)
    return len(found) == 1 and found[0][0] == 0 and found[0][1] == len(label)


def _clean_arm(label: str | None) -> str | None:
    if not label:
        return None
    label = _LEADING_ARTICLE.sub("", label.strip())
    qualified = _QUALIFIED_PATIENTS.match(label)
    if qualified:  # "those without this toxicity", "patients on placebo": a group by what it has
        return "patients " + label[qualified.end() :]
    label = _TRAILING_NOUN.sub("", label)
    if is_generic(label) or _names_an_endpoint(label):
        return None
    return label


def _clean_pair(a: str, b: str) -> tuple[str | None, str | None]:
    """Two groups compared ("A versus B"), cleaned, with a head they share ("high versus low X")."""
    a, b = shared_head([a, b])
    return _clean_arm(a), _clean_arm(b)


def _timepoints(text: str) -> list[tuple[int, list[float]]]:
    """(position, [months, ...]) of each time point, or list of them ("1-, 2- and 3-year"), in order."""
    found: list[tuple[int, list[float]]] = []
    for m in _TIMEPOINT_LIST.finditer(text):
        nums = _TIMEPOINT_NUMBER.findall(m.group("list"))
        mult = 12.0 if m.group("unit").lower() in ("year", "yr", "y") else 1.0
        follows = text[m.end() : m.end() + 40].lower()
        if not _TIMEPOINT_FOLLOWS.match(follows):
            continue
        found.append((m.start(), [(_WORD_INT.get(n.lower()) or float(n)) * mult for n in nums]))
    for m in _AT_TIMEPOINT.finditer(text):
        # "at 1 year and 2 years", or with the unit said once: "at 1 and 2 years"
        pairs = (
            ((m.group("n"), m.group("unit")), (m.group("n2"), m.group("unit2")))
            if m.group("unit")
            else ((m.group("n"), m.group("unit3")), (m.group("n3"), m.group("unit3")))
        )
        points = [
            (_WORD_INT.get(n.lower()) or int(n)) * (12.0 if u.lower().startswith("year") else 1.0)
            for n, u in pairs
            if n
        ]
        found.append((m.start(), points))
    return sorted(found)


def _is_timed(mention: tuple[int, int, str, str]) -> bool:
    """A time-to-event endpoint, or one the vocabulary has no code for that is timed (RFS)."""
    return mention[2] in TIME_TO_EVENT or (
        mention[2] == "OTHER" and _TIMED_OTHER.search(mention[3]) is not None
    )


def _endpoint_for(
    text: str, fact: Fact, mentions: list[tuple[int, int, str, str]]
) -> tuple[str, str]:
    before = [m for m in mentions if m[1] <= fact.start]
    if fact.measure == "count":
        # the response the count is of, right after it: "6 had clinical benefit", "2 minor responses"
        following = [m for m in mentions if m[0] >= fact.end]
        if following and _COUNT_GAP.fullmatch(text, fact.end, following[0][0]):
            return following[0][2], following[0][3]
        shared = _SHARED_NOUN.match(text, fact.end)
        if shared:  # "three complete and 19 partial responses": complete responses
            found = endpoint_mentions(f"{shared.group('what')} {shared.group('noun')}")
            if found:
                return found[0][2], found[0][3]
        labelled = [m for m in before if _LABEL_GAP.fullmatch(text, m[1], fact.start)]
        if labelled:  # "CR, n = 8"
            return labelled[-1][2], labelled[-1][3]
        phrase = _COUNT_PHRASE.match(text, fact.end)
        return "OTHER", phrase.group("what") if phrase else ""
    if fact.unit == "percent":
        near_ae = any(m[2] == "AE" and m[0] >= fact.start - 40 for m in before)
        # (the cheap test first: the pattern is slow on the 40 characters before every rate)
        if near_ae and _OPEN_PAREN_AFTER_WORD.search(text[max(0, fact.start - 40) : fact.start]):
            last = [m for m in before if m[2] == "AE"][-1]
            return "AE", last[3]
    if fact.measure in ("hazard_ratio", "odds_ratio", "risk_ratio"):
        # (no ratio compares follow-up: "a mean follow-up of 17.9 months, ... (HR: 0.99)")
        before = [m for m in before if m[2] != "FOLLOWUP"]
        tte = [m for m in before if _is_timed(m)]
        if tte:
            return tte[-1][2], tte[-1][3]
        # "X (HR 0.49), Y (3.42) correlated with survival": the ratio's endpoint may come after
        tte_after = [
            m for m in mentions if m[0] >= fact.end and _is_timed(m) and m[2] != "FOLLOWUP"
        ]
        if tte_after:
            return tte_after[0][2], tte_after[0][3]
    if before:
        return before[-1][2], before[-1][3]
    after = [m for m in mentions if m[0] >= fact.end]
    if after:
        return after[0][2], after[0][3]
    return "OTHER", ""


def _as_percent_sign(m: re.Match[str]) -> str:
    """ "51 percent" read as "51%", padded to its length: every offset stays the text's."""
    return "%" + " " * (len(m.group()) - 1)


def _mask_spans(text: str) -> list[_Span]:
    """Spans of the masks, as the whole alternation finds them (see GatedAlternation)."""
    pattern = _MASK_ALTERNATION.for_text(text)
    return [] if pattern is None else [m.span() for m in pattern.finditer(text)]


def parse_sentence(
    text: str,
    context_endpoint: tuple[str, str] | Callable[[], tuple[str, str] | None] | None = None,
    comparison: tuple[str, str] | None = None,
    arms: list[str] | None = None,
    mentions: list[tuple[int, int, str, str]] | None = None,
    recent_groups: tuple[str, ...] = (),
) -> list[Fact]:
    """Every result number of one sentence. ``context_endpoint`` is the last endpoint the record
    named before this sentence (or a function that gives it, called only if a value needs it);
    ``comparison`` the (experimental, reference) groups it compares; ``recent_groups`` the
    groups of the last list of values before this sentence (see ``listed_groups``)."""
    if "per" in text:
        text = _PERCENT_WORD.sub(_as_percent_sign, text)
    masks = _mask_spans(text)
    intervals = _intervals(text)
    p_values = find_p_values(text)
    masks += [s for s, _, _ in intervals] + [(p.start, p.end) for p in p_values]
    # a level stated without an interval ("95% CI" heading a list) applies to the bare ones
    heading = _CI_HEADING.search(text)
    heading_level = parse_number(heading.group("lvl")) if heading else None
    if heading:
        masks.append((heading.start(), heading.end()))
    masks.sort()
    facts = _placeholders(text, _chains(text, _values(text, masks), masks))
    if not facts:
        return []
    mentions = endpoint_mentions(text) if mentions is None else mentions
    facts = _attach_intervals(text, facts, intervals, heading_level)
    facts = [_with_endpoint(text, f, mentions, context_endpoint) for f in facts]
    if len(mentions) > 1 or _HEAD_ITEM_HINT.search(text):
        facts = _endpoint_list_slots(text, facts, mentions)
    facts = reclassify(text, _drop_non_results(text, facts), mentions)
    facts = _attach_timepoints(text, facts)
    facts = _attach_arms(text, facts, comparison, arms or [])
    facts = _attach_counts(text, facts)
    if "respectively" in text.lower():
        facts = _carry_groups(facts, recent_groups)
    if p_values and _THRESHOLD_WORDS.can_match(text):
        # a significance threshold qualifies no result: "(prespecified boundary, P≤0.043)"
        p_values = [
            p for p in p_values if not _THRESHOLD.search(text, max(0, p.start - 50), p.start)
        ]
    facts = _attach_p_values(facts, p_values)
    for i, sub in subgroups(text, [(f.start, f.end, f.chain) for f in facts]).items():
        facts[i].subgroup = sub
    return [_possible(f) for f in facts]


def _possible(f: Fact) -> Fact:
    """An interval or p-value that cannot be (a percentage's interval beyond 0-100, a p-value
    above 1) is not kept; the value is, and the problem is reported."""
    ci, p = f.ci, f.p
    if ci is None and p is None:
        return f
    problems = list(f.problems)
    if ci is not None and f.unit == "percent" and (ci.lower < 0 or ci.upper > 100):
        problems.append(
            Problem(
                "impossible_interval",
                f"interval {ci.lower:g} to {ci.upper:g} lies outside 0-100% (not kept)",
            )
        )
        ci = None
    if p is not None and not 0 <= p.value <= 1:
        problems.append(
            Problem("impossible_p_value", f"p = {p.value:g} is not a probability (not kept)")
        )
        p = None
    if ci is not f.ci or p is not f.p:
        f.ci, f.p, f.problems = ci, p, tuple(problems)
    return f


def _attach_counts(text: str, facts: list[Fact]) -> list[Fact]:
    """A rate's patients, as stated with it: "68/388" gives n_patients 68 and n_denominator 388,
    "(17 patients)" n_patients 17."""
    for f in facts:
        if f.unit != "percent":
            continue
        found = _COUNT_AFTER.match(text, f.end)
        # (the count before a rate ends with an open bracket: only then is it looked for)
        if found is None and text[: f.start].rstrip()[-1:] in ("(", "["):
            found = _COUNT_BEFORE.search(text, 0, f.start)
        if found is not None:
            n = found.group("n") or found.group("n_of") or found.group("n_only")
            d = found.group("d") or found.group("d_of")
            f.n_patients, f.n_denominator = int(n), int(d) if d else None
    return facts


def listed_groups(facts: list[Fact]) -> tuple[str, ...]:
    """The groups, in order, of the last set of values that report one result (endpoint, measure,
    time point) for several groups, a different group each: "7.1 months in A and 4.2 in B"."""
    sets: dict[tuple, list[Fact]] = {}
    for f in facts:
        if f.measure not in _COMPARED_MEASURES:
            sets.setdefault((f.endpoint, f.measure, f.unit, f.timepoint_months), []).append(f)
    for members in sorted(sets.values(), key=lambda m: m[-1].end, reverse=True):
        groups = tuple(f.arm for f in members if f.arm)
        if len(members) > 1 and len(groups) == len(members) and len(set(groups)) == len(groups):
            return groups
    return ()


def _carry_groups(facts: list[Fact], recent: tuple[str, ...]) -> list[Fact]:
    """ "..., 28% in the A and 20% in the B groups; 5-year rates were 14% and 12%, respectively":
    a list with no group of its own takes, in order, the groups of the last list before it (in
    the sentence, else in the previous one) when it has as many values."""
    for chain in sorted({f.chain for f in facts}):
        members = [f for f in facts if f.chain == chain]
        if len(members) < 2 or any(f.arm for f in members):
            continue
        if any(f.measure in _COMPARED_MEASURES for f in members):
            continue
        groups = listed_groups([f for f in facts if f.end <= members[0].start]) or recent
        if len(groups) == len(members):
            for f, group in zip(members, groups, strict=True):
                f.arm = group
    return facts


def _attach_intervals(
    text: str, facts: list[Fact], intervals, heading_level: float | None
) -> list[Fact]:
    stated_level = heading_level
    for f in facts:
        follow = [
            iv
            for iv in intervals
            if 0 <= iv[0][0] - f.end <= 24 and _INTERVAL_GAP.fullmatch(text, f.end, iv[0][0])
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


def _with_endpoint(text: str, f: Fact, mentions, context_endpoint) -> Fact:
    code, label = _endpoint_for(text, f, mentions)
    # (an endpoint named but without a code of its own, "relapse-free survival", is kept: only
    # a value that names none takes the record's last one)
    if (
        code == "OTHER"
        and not label
        and context_endpoint
        and (f.ci is not None or _MEDIAN.search(text))
    ):
        context = context_endpoint() if callable(context_endpoint) else context_endpoint
        if context:
            code, label = context
    measure = f.measure
    if f.unit in MONTHS_PER_UNIT:
        # (asked first of the whole sentence, folded once: most name no difference and no mean)
        head = text[max(0, f.start - 60) : f.start]
        if _DIFFERENCE.can_match(text) and _DIFFERENCE.search(head):
            measure = "difference"
        elif (
            _MEAN.can_match(text)
            and _MEAN.search(text[max(0, f.start - 80) : f.start])
            and "median" not in text[max(0, f.start - 80) : f.start].lower()
        ):
            measure = "mean"
    f.endpoint, f.endpoint_label, f.measure = code, label, measure
    return f


def _endpoint_list_slots(text: str, facts: list[Fact], mentions) -> list[Fact]:
    """Values read against a list of endpoints named together (etl.extract.endpoint_lists)."""
    values = [Value(f.start, f.end, f.chain, f.measure in _COMPARED_MEASURES) for f in facts]
    items, slots = list_slots(text, mentions, values)
    for i, slot in slots.items():
        f = facts[i]
        f.endpoint, f.endpoint_label = items[slot.item]
        f.group_index = slot.group
    return facts


def _drop_non_results(text: str, facts: list[Fact]) -> list[Fact]:
    """Times that are schedules or windows ("every 4 weeks", "within 2 months", "at 36 months")
    and time values with no time-to-event endpoint are not results."""
    keep = []
    at_points: list[tuple[int, int]] | None = None
    for f in facts:
        before = text[max(0, f.start - 25) : f.start].lower()
        if f.unit in MONTHS_PER_UNIT:
            if (
                (_WINDOW_BEFORE.search(before) and f.measure != "difference")
                and not _SURVIVAL_BEFORE.search(before)
                and not is_follow_up(text, f)  # "after 44 months of median follow-up"
            ):
                continue
            if _HYPHEN_UNIT.match(text[f.end - 8 : f.end + 3]) or text[f.end : f.end + 1] == "-":
                continue
            if (
                f.endpoint not in TIME_TO_EVENT
                and f.measure not in ("difference",)
                and not (f.endpoint == "OTHER" and _TIMED_OTHER.search(f.endpoint_label))
            ):
                continue
            if _FOLLOW_UP_SPAN.match(text, f.end) and not _MEDIAN.search(before):
                continue  # "with 5 years of follow-up": how long patients were watched
            if at_points is None:
                at_points = [m.span() for m in _AT_TIMEPOINT.finditer(text)]
            if any(s <= f.start and f.end <= e for s, e in at_points):
                continue  # "OS at 1 year and 2 years": time points, not values
        if (
            f.unit == "percent"
            and f.endpoint == "OTHER"
            and (
                (not f.endpoint_label and not _RESULT_WORDS.search(text)) or _ECONOMIC.search(text)
            )
        ):
            continue  # a share with no endpoint, in no results sentence, or a cost model's
        keep.append(f)
    return keep


def _attach_timepoints(text: str, facts: list[Fact]) -> list[Fact]:
    rates = [
        f
        for f in facts
        if f.unit == "percent"
        and f.measure == "rate"
        and (
            f.endpoint in TIME_TO_EVENT
            or (f.endpoint == "OTHER" and _TIMED_OTHER.search(f.endpoint_label))
        )
    ]
    if not rates:  # only these take a time point: no need to look for one
        return facts
    points = _timepoints(text)
    if not points:
        return facts
    by_chain: dict[int, list[Fact]] = {}
    for f in rates:
        by_chain.setdefault(f.chain, []).append(f)
    for f in rates:
        chain = by_chain[f.chain]
        prior = [p for p in points if p[0] < chain[0].start]
        later = [p for p in points if p[0] > chain[-1].end]
        # time points right after the values are theirs: "37% and 0% at 1 and 2 years"
        if later and later[0][0] - chain[-1].end <= 12 and len(later[0][1]) == len(chain):
            group = later[0][1]
        else:
            group = prior[-1][1] if prior else later[0][1] if later else points[-1][1]
        position = chain.index(f)
        if len(group) > 1 and len(chain) == len(group):
            tp = group[position]
        elif len(group) > 1 and len(chain) % len(group) == 0:
            # time points × groups: "at 1 and 2 years in A and B were 96%, 83%, 77% and 65%"
            tp = group[position % len(group)]
            f.group_index = position // len(group)
        else:
            tp = group[0] if len(group) == 1 else None
        f.timepoint_months = tp
    return facts


def _group_list(text: str) -> list[str]:
    """The last list of groups the sentence names ("in the A and B groups"), or []. Asides with
    counts are passed over and signs read: "in the MT (+) (11 patients) and MT (-) groups"."""
    if "(" in text:
        text = _NEGATIVE_SIGN.sub(
            " negative", _POSITIVE_SIGN.sub(" positive", _COUNT_ASIDE.sub("", text))
        )
    candidates = list(_GROUP_LIST.finditer(text))
    if not candidates:
        return []
    m = candidates[-1]
    parts = shared_head(_LIST_SEP.split(m.group("list")))
    cleaned = [_clean_arm(p) for p in parts]
    return [c for c in cleaned if c] if all(cleaned) else []


def _attach_arms(
    text: str, facts: list[Fact], comparison: tuple[str, str] | None, arms: list[str]
) -> list[Fact]:
    chains: dict[int, list[Fact]] = {}
    for f in facts:
        chains.setdefault(f.chain, []).append(f)
    respectively = "respectively" in text.lower()
    # the sentence's own comparison only serves ratios, differences and pairs of values, and
    # group lists only lists of values; both are looked for when a value first needs them
    # (most values name their group themselves)
    comparisons: list[tuple[str, str] | None] = []  # (the sentence's, once looked for)
    group_lists: list[list[str]] = []

    def own_comparison() -> tuple[str, str] | None:
        if not comparisons:
            compared = any(
                f.measure in _COMPARED_MEASURES or f.group_index >= 0 for f in facts
            ) or any(len(c) == 2 for c in chains.values())
            comparisons.append(_sentence_comparison(text, comparison) if compared else comparison)
        return comparisons[0]

    def group_list() -> list[str]:
        if not group_lists:
            listed_values = any(len(c) > 1 for c in chains.values())
            group_lists.append(_group_list(text) if listed_values else [])
        return group_lists[0]

    prev_end = 0
    by_position: set[int] = set()  # (the facts given the record's groups by their position)
    for f in facts:
        arm = comparator = None
        if f.measure in _COMPARED_MEASURES and f.arm is not None:  # a factor of a list
            arm = f.arm
        elif f.measure in _COMPARED_MEASURES:
            # the comparison named nearest before the value, else right after it: "A vs. B:
            # hazard ratio=1.75; A vs. C: hazard ratio=2.26"
            named_before = list(_VERSUS.finditer(text[max(0, prev_end, f.start - 160) : f.start]))
            vs = (
                named_before[-1]
                if named_before
                else _VERSUS.search(text[f.end : f.end + 80]) or _NONINFERIOR.search(text)
            )
            if vs:
                arm, comparator = _clean_pair(vs.group("a"), vs.group("b"))
            elif favoured := _FAVOUR.match(_after_value(text, f)):
                # "HR 0.42 (...) in favour of A": A against the other (the record's context)
                arm = _clean_arm(favoured.group("a"))
            elif own_comparison():
                arm, comparator = own_comparison()
        elif f.group_index >= 0:  # endpoints × groups: "15 and 12 months versus 8 and 4 months"
            count = 1 + max(x.group_index for x in chains[f.chain])
            arm = _nth_group(f.group_index, count, group_list(), own_comparison(), arms)
        else:
            chain = chains[f.chain]
            size, position = list_place(f, chain)
            listed = respectively and size > 1 and len(group_list()) == size
            arm = (
                group_list()[position]
                if listed
                else _arm_around(text, f, prev_end, alone=len(chain) == 1)
            )
            if arm is None and size > 1 and len({x.endpoint for x in chain}) == 1:
                groups = group_list()
                if groups and len(groups) == size:
                    arm = groups[position]
                elif len(arms) == size:
                    arm = arms[position]
                    by_position.add(id(f))
                elif own_comparison() and size == 2:
                    arm = own_comparison()[position]
                    by_position.add(id(f))
        f.arm, f.comparator = arm, comparator
        if arm is None and comparator is None and len(chains[f.chain]) == 1:
            f.each_group = _EACH_GROUP.match(_after_value(text, f)) is not None
        prev_end = f.end
    _list_then_groups(text, chains)
    facts = _whole_list_arms(text, _single_arm_mention(text, facts, arms))
    _list_group(text, chains, by_position, arms)
    return _ratio_of_the_two_groups(_fronted_group(text, facts, arms))


def _list_then_groups(text: str, chains: dict[int, list[Fact]]) -> None:
    """ "41% versus 30% for drug K versus chemotherapy", "9.1 (7.0-11.2) mo vs 5.0 (4.1-6.3) mo
    with K + chemo vs chemo": a pair of values followed by the pair of
    groups they are of takes them in order (each value's own look for a group finds only the
    first of them)."""
    for chain in chains.values():
        if list_place(chain[0], chain)[0] != 2 or chain[0].measure in _COMPARED_MEASURES:
            continue
        after = _UNIT_LEAD.sub("", _after_value(text, chain[-1]))
        after = _PLACEHOLDERS_AFTER.sub("", after) if chain[0].slots else after
        m = _VERSUS.compiled.match(after.lstrip(" ,"))
        if m is not None:
            pair = _clean_pair(m.group("a"), m.group("b"))
            if all(pair):
                for f in chain:
                    f.arm = pair[list_place(f, chain)[1]]


def _list_group(
    text: str, chains: dict[int, list[Fact]], by_position: set[int], arms: list[str]
) -> None:
    """One group named after the last of a list of values:
    - "Median duration of treatment and OS were 4.0 and 7.5 months in cohort X", "1- and 2-year
      OS rates were 80% and 62% in cohort X": values of a list of endpoints or time points share
      it;
    - "AEs occurred in 27% vs 9% in the ITT population", "... in 97% versus 93% of patients
      treated with A" (the rest cut off): values of one result compared with each other cannot
      all be of it, and it is no more the last one's than the first's; none takes it (the
      record's groups may, by position: ``arms``, as the values before it were given them)."""
    for chain in chains.values():
        if len(chain) < 2:
            continue
        last = chain[-1]
        if (
            last.arm is None
            or any(f.arm is not None and id(f) not in by_position for f in chain[:-1])
            or last.measure in _COMPARED_MEASURES
        ):
            continue
        if any(f.arm is not None for f in chain[:-1]):
            if _VERSUS_WORD.search(text, chain[-2].end, last.start) and len(arms) == len(chain):
                last.arm = arms[-1]
            continue
        if len({f.endpoint_label for f in chain}) == len(chain) or len(
            {f.timepoint_months for f in chain}
        ) == len(chain):
            for f in chain[:-1]:
                f.arm = last.arm
        elif len({(f.endpoint, f.measure, f.timepoint_months) for f in chain}) == 1 and all(
            _VERSUS_WORD.search(text, a.end, b.start) for a, b in itertools.pairwise(chain)
        ):
            last.arm = None


def _fronted_group(text: str, facts: list[Fact], arms: list[str]) -> list[Fact]:
    """ "Among patients who received A, rash (73%) and fatigue (67%) were the most common": a
    group put before the sentence's clause is the group of its values that name none."""
    if all(f.arm is not None or f.measure in _COMPARED_MEASURES for f in facts):
        return facts
    m = _FRONTED.search(text)  # (anchored at the start)
    if not m:
        return facts
    if m.group("did"):
        for f in facts:
            if f.arm is None and f.measure not in _COMPARED_MEASURES:
                f.arm = m.group("did")
        return facts
    group = _clean_arm(m.group("g"))
    known = {a.lower() for a in arms}
    if not group or not (m.group("who") or m.group("head") or group.lower() in known):
        return facts
    label = group + (m.group("head") or "")
    for f in facts:
        if f.arm is None and f.measure not in _COMPARED_MEASURES:
            f.arm = label
    return facts


def _ratio_of_the_two_groups(facts: list[Fact]) -> list[Fact]:
    """A ratio with no groups of its own compares the two groups whose values its sentence gives:
    "8.2 months in patients with X compared with 4.1 in those without (HR 0.4)"."""
    if all(f.arm is not None or f.measure not in _COMPARED_MEASURES for f in facts):
        return facts
    named = list(
        dict.fromkeys(f.arm for f in facts if f.arm and f.measure not in _COMPARED_MEASURES)
    )
    if len(named) != 2:
        return facts
    for f in facts:
        if f.arm is None and f.measure in _COMPARED_MEASURES:
            f.arm, f.comparator = named[0], named[1]
    return facts


def _nth_group(
    index: int, count: int, groups: list[str], comparison: tuple[str, str] | None, arms: list[str]
) -> str | None:
    """The index-th of ``count`` groups: from the sentence's list, its comparison, or the record's."""
    for source in (groups, list(comparison or ()), arms):
        if len(source) == count:
            return source[index]
    return None


def _sentence_comparison(text: str, comparison: tuple[str, str] | None) -> tuple[str, str] | None:
    """The groups the sentence itself compares ("longer with A than with B", "A had longer RFS
    (...) compared with B"; or the only two groups it names: "in the A group had ... compared to
    patients in the B group"), else ``comparison``."""
    for pattern in (_SENTENCE_COMPARISON, _SUBJECT_COMPARISON):
        local = pattern.search(text)
        if local and all(pair := _clean_pair(local.group("a"), local.group("b"))):
            return pair
    named = list(dict.fromkeys(m.group("g") for m in _GROUP_PHRASE.finditer(text)))
    if len(named) == 2 and all(_clean_arm(g) for g in named):
        return (f"{named[0]} group", f"{named[1]} group")
    return comparison


def _arm_around(text: str, f: Fact, prev_end: int, alone: bool = False) -> str | None:
    """The group named right after a value, else the one named between the previous value and
    it (the second is only looked for when the first is not there). A value ``alone`` (not one
    of a list) may also be the bracketed value of the group before it: "in the A group (50%)"."""
    after = _ARM_AFTER.search(_after_value(text, f))
    if after:
        return _clean_arm(after.group("arm") + (after.group("grp") or ""))
    gap = text[prev_end : f.start]
    before = _arm_before(gap)
    if not before:
        bracketed = alone and gap.rstrip().endswith("(") and _GROUP_THEN_BRACKET.search(gap)
        return _clean_arm(bracketed.group("arm")) if bracketed else None
    label = (
        before.get("arm")
        or before.get("arm2")
        or before.get("arm3")
        or before.get("arm4")
        or before.get("arm5")
        or before.get("arm6")
        or before.get("arm7")
    )
    return _clean_arm(label + (before.get("grp") or "") if before.get("arm") else label)


def _arm_before(gap: str) -> dict[str, str | None] | None:
    """The groups of the match of _ARM_BEFORE's alternatives in ``gap`` that their alternation
    finds (see GatedAlternation)."""
    pattern = _ARM_BEFORE_ALTERNATION.for_text(gap)
    m = None if pattern is None else pattern.search(gap, _arm_before_start(gap))
    return None if m is None else m.groupdict()


def _arm_before_start(gap: str) -> int:
    """Where in ``gap`` a match of one of _ARM_BEFORE's alternatives can start: at its last ";", or at its last comma
    but one between digits ("1,171") or one that only white space follows ("Group II, "), or
    later. (A match runs to the end of the gap and holds a ";" or "," only as its first
    character, in a number, or after a group's number at its end: the engine need not try
    every earlier place, which costs more than the rest of the grammar's look for groups.)"""
    start = gap.rfind(";")
    comma = len(gap)
    while (comma := gap.rfind(",", start + 1, comma)) > start:
        in_number = (
            0 < comma < len(gap) - 1 and gap[comma - 1].isdigit() and gap[comma + 1].isdigit()
        )
        if not in_number and gap[comma + 1 :].strip():
            return comma
    return max(start, 0)


def _after_value(text: str, f: Fact) -> str:
    """The text after a value, past its (possibly nested) interval/p-value brackets."""
    rest = text[f.end :]
    closing = _CLOSING.match(rest)
    if closing:
        return " " + rest[closing.end() :]
    i = len(rest) - len(rest.lstrip())
    if i < len(rest) and rest[i] in "([":
        depth = 0
        for bracket in _BRACKET.finditer(rest, i):  # (only brackets change the depth)
            depth += 1 if bracket.group() in "([" else -1
            if depth == 0:
                return rest[bracket.end() :]
    return rest


def _attach_p_values(facts: list[Fact], p_values: list[PValue]) -> list[Fact]:
    """A p-value qualifies the comparison it follows: the ratio before it if any, otherwise the
    first value (the experimental group) of the list it closes."""
    out = facts
    used: set[int] = set()
    for p in p_values:
        before = [i for i, f in enumerate(out) if f.end <= p.start and i not in used]
        if not before:
            continue
        # endpoints × groups: the p-values, one per endpoint, go to the first group's values
        slotted = [
            i
            for i in before
            if out[i].chain == out[before[-1]].chain
            and out[i].group_index == 0
            and out[i].p is None
        ]
        if slotted:
            out[slotted[0]].p = p
            continue
        ratios = [
            i for i in before if out[i].measure in ("hazard_ratio", "odds_ratio", "risk_ratio")
        ]
        last = before[-1]
        target = (
            ratios[-1]
            if ratios and ratios[-1] >= min(i for i in before if out[i].chain == out[last].chain)
            else None
        )
        if target is None:
            target = next(i for i in before if out[i].chain == out[last].chain)
        if out[target].p is None:
            out[target].p = p
            used.update(i for i in before if out[i].chain == out[target].chain)
    return out


def _whole_list_arms(text: str, facts: list[Fact]) -> list[Fact]:
    """ "60%, 35% and 26%, respectively, in the combination group": the group is the whole list's."""
    if not _RESPECTIVELY.can_match(text):
        return facts  # (no list is followed by "respectively")
    for chain in {f.chain for f in facts}:
        members = [f for f in facts if f.chain == chain]
        if len(members) < 2:
            continue
        rest = _after_value(text, members[-1])
        tail = _RESPECTIVELY_TAIL.match(rest)
        if not tail:
            continue
        m = _ARM_AFTER.search(rest[tail.end() :])
        label = _clean_arm(m.group("arm") + (m.group("grp") or "")) if m else None
        if label:
            for f in members:
                f.arm = label
    return facts


def _single_arm_mention(text: str, facts: list[Fact], arms: list[str]) -> list[Fact]:
    """A sentence that names exactly one of the record's groups speaks of that group."""
    if all(f.arm is not None or f.measure in _RATIOS for f in facts):
        return facts  # no fact would take the group: no need to look for it
    named = [a for a in arms if group_pattern(a).search(text)]
    if len(named) != 1:
        return facts
    for f in facts:
        if f.arm is None and f.measure not in _RATIOS:
            f.arm = named[0]
    return facts
