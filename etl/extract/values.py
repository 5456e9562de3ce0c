"""The values of a sentence: ratios after their keyword, percentages, times with units, counts
of responders, bare numbers that share the unit of the list they are in ("38.2 vs. 5.9%"), and
the lists values form (chains), placeholders ("NR vs 11.8 months") keeping their places."""

from __future__ import annotations

import copy
import functools
import itertools
import operator
import re

from etl.extract.event_counts import event_counts
from etl.extract.facts import (
    COMPARED_SEP,
    RATIOS,
    SEP,
    UNIT,
    UNIT_WORDS,
    Fact,
    Span,
    in_masks,
    make_fact,
    overlaps,
)
from etl.extract.group_labels import AGENT_CLASS_BEFORE, FOOTNOTE_MARK, SECTION_HEADING
from etl.extract.masks import strip_masked
from etl.extract.numbers import (
    NUM,
    PROPORTION_SPREAD,
    SPREAD_AFTER,
    WORD_NUMBER,
    num_not_after,
    parse_number,
    parse_word_number,
)
from etl.extract.phrases import (
    DOSAGE_FORM,
    GROUP_NAME,
    MORE_BY,
    from_to,
    is_generic,
)
from etl.regex_prefilter import (
    FromStarts,
    Prefiltered,
)
from etl.vocab.codes import MONTHS_PER_UNIT
from etl.vocab.endpoints import endpoint_mentions

_RATIO = FromStarts(
    re.compile(
        rf"(?P<kw>(?i:hazard[- ]ratio)|\bHR(?=s?\b)|(?i:odds[- ]ratio)|\bOR(?=s?\b)|(?i:risk[- ]ratio|relative risk|rate[- ]ratio)|\bRR(?=s?\b))(?:s\b)?(?:\s*[\(\[](?:HR|OR|RR)[\)\]])?"
        # (how it was computed, after its keyword: "HR unadjusted 0.71", "HR (stratified) 0.64")
        r"(?:\s*,?\s*[\(\[]?(?i:un)?(?i:adjusted|stratified)[\)\]]?)?"
        # (its interval's level, the abbreviation spelled: "[95% confidence interval (CI)]")
        rf"(?:\s*[\(\[]\s*{NUM}\s*%\s*(?:CI|confidence interval)(?:\s*\(CI\))?\s*[\)\]])?"
        # what it is of or favours: "for death", "favoring drug K", "for the X 20% or greater group"
        # (a stage's digits are part of its words: "for DFS in those with M0 disease was 0.75")
        # (the events it counts may be a series: "for disease progression, relapse, or death")
        # (or what it compares with: "HR vs investigator's choice of treatment = 0.51")
        rf"(?:\s+(?:for|of|favou?ring|in favou?r of|vs\.?|versus|after)\s+(?:[a-z][a-z -]{{1,40}}?,\s+){{0,3}}(?:(?<=,\s)(?:or|and)\s+)?(?:[^,;()\d]|\d+\s*%|(?<=[A-Za-z])\d+|\d+(?=\s+(?:events?|deaths?)\b)|\d+\s+of\s+\d+(?=\s+(?:patients|pts|participants)\b)){{1,80}}?)?\s*(?:[,:=;]|\bwas\b|\bwere\b|\bof\b|\bis\b)?\s*"
        # (a semicolon may stand for the colon: "(hazard ratio [HR]; 0.72; 95% CI ...)")
        # (not a count: "the hazard ratio for PFS based on 224 events was 1.21", "the HR after
        # events in 301 of 361 patients was 0.48")
        rf"(?<![A-Za-z])(?P<num>{NUM})(?![\d%])(?!\s*(?:%|{UNIT}|events?\b|deaths?\b))(?!\s+of\s+\d)",
    ),
    # where a ratio's keyword starts: "hazard ratio" (or "hazard-ratio") etc. in any case, "HR",
    # "OR", "RR" as words
    re.compile(
        r"[hHoOrR](?=(?i:(?<=h)azard[- ]ratio|(?<=o)dds[- ]ratio|(?<=r)isk[- ]ratio|(?<=r)elative risk|(?<=r)ate[- ]ratio)"
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
    re.compile(rf"(?P<num>{_ALONE}){_SPREAD}\s*(?:(?P<pct>%)|(?P<unit>{UNIT}))")
)
_BARE = re.compile(rf"(?P<num>{_ALONE_NOT_PER})(?![\w·%/]|\.\w)")
# a gain written as an adjective: "a 3.6-month extension in median PFS", "a 5.2-month PFS
# extension" (a time, not a landmark: "12-month OS" names none); a follow-up so written
_HYPHENATED_GAIN = Prefiltered(
    re.compile(
        rf"(?P<num>{_ALONE})-(?P<unit>months?|weeks?|years?)(?=\s+{MORE_BY})"
        # (with its endpoint between, a whole number is the landmark: "no 3-year OS improvement")
        rf"|(?P<num2>\d+\.\d+)-(?P<unit2>months?|weeks?)(?=\s+(?-i:[A-Z]{{2,5}})\s+{MORE_BY})"
        # (or a follow-up's: "after 18.7-month median study follow-up", "at 28.3-month median
        # follow-up")
        rf"|(?P<num3>{_ALONE})-(?P<unit3>months?|weeks?|years?)(?=\s+median\s+(?:[a-z]+\s+)?follow-?up)",
        re.IGNORECASE,
    )
)

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

# Patterns used inside the passes, compiled once (re's own cache costs a lookup per call).
# values listed together, each possibly closing its own bracket: "20% [95% CI 12-30%] and 14%"
# and a rate may follow its count in brackets: "125 [38%] v 165 [50%]", "47 patients (13%) vs one (1%)",
# "12/40 (30%) vs 5 of 41 (12%)" (a count masked as a fraction: "12/40" is no value)
_SEP_RE = re.compile(
    # (each value may be followed by its group: "31.6% for A v 24.5% for B")
    # (or its group in brackets: "19.4 (A + B) versus 18.8 months (B)")
    rf"(?:\s*[\])])*(?:(?:\s+(?:for|with|in)\s+(?:the\s+)?{GROUP_NAME}(?:\s+(?:arm|group))?|\s*[(\[]\s*{GROUP_NAME}\s*[)\]])?{SEP}|\s*{COMPARED_SEP})(?:(?:{NUM}(?:\s*(?:/|of)\s*{NUM})?|{WORD_NUMBER})?\s*(?:patients?|cases|participants)?\s*[\[(]\s*)?",
    re.IGNORECASE,
)
# what stands between a value and the value it is compared with: "8.2 months (...) compared with
# 4.1", "92% compared to 83%", ", versus"
COMPARED_GAP = re.compile(
    r"(?:\s*[\])])*\s*,?\s*(?:vs\.?|versus|(?:as\s+|when\s+)?compared\s+(?:with|to))\s+",
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
_PLACE_TAIL = rf"(?:\s*{UNIT})?(?:\s*[(\[][^()\[\]]*[)\]])?"
_PLACEHOLDERS_BEFORE = re.compile(rf"(?:{_PLACEHOLDER_WORDS}{_PLACE_TAIL}{_PLACE_SEP})+$")
PLACEHOLDERS_AFTER = re.compile(rf"{_PLACE_TAIL}(?:{_PLACE_SEP}{_PLACEHOLDER_WORDS}{_PLACE_TAIL})+")
_OPENS = re.compile(r"\s*[(\[]\s*")
_CLOSES = re.compile(r"\s*[)\]]")
_DECIMAL = re.compile(r"\d*[.·]\d+")
# (what is left of brackets whose interval and p-value are masked: "(95% CI ...; P < .001)"
# leaves " ; )", "(P = .002)" leaves "( )")
_EMPTY_BRACKETS = re.compile(r"\s*[(\[]?[\s;,]*[)\]]")
# a count with its share of the patients bracketed after it, or after its group: "138 (58%)",
# "138 [58%]", "155 in the B group [65%]" (the share is the value; the count never takes a unit
# from its list)
_SHARE_AFTER = re.compile(
    r"\s*(?:in\s+(?:the\s+)?[\w +/-]{1,40}?\s+(?:group|arm|cohort)\s*)?"
    r"[(\[]\s*\d+(?:[.·]\d+)?\s*%\s*[)\]]",
    re.IGNORECASE,
)
# the unit a value's interval stands between it and: "22.0 (19.5-24.5) mo vs 10.6 (...) mo"
# (the interval itself masked: what is left of it is its closing bracket)
_UNIT_PAST_BRACKETS = re.compile(rf"^\s*(?:[(\[][^()\[\]]*)?[)\]]\s*{UNIT}")
_UNIT_AFTER = re.compile(rf"\s*[\])]?\s*(?:(?P<pct>%)|(?P<unit>{UNIT}))")
# a description, not a group's name: "an excellent outlook", "a CR + CRi rate"
_LEADING_ARTICLE = re.compile(r"^(?:the|all)\s+", re.I)
_QUALIFIED_PATIENTS = re.compile(
    r"^(?:patients|those|subjects)\s+(?=(?:with|without|who|on|receiving|undergoing|treated|given)\s+\S)",
    re.IGNORECASE,
)
# an analysis is no group: "follow-up in the final OS analysis was 49 months"
_AN_ANALYSIS = re.compile(r"\banaly[sz][ie]s$", re.IGNORECASE)
# (asked first: most sentences write no "-month", "-week" or "-year")
_HYPHENATED_UNIT = re.compile(r"-(?:months?|weeks?|years?)\b", re.IGNORECASE)
# what a study measures, no group: "in the primary and key secondary endpoints of PFS (...)"
_MEASURE_NOUN = re.compile(r"\b(?:end-?\s?points?|objectives?)$", re.IGNORECASE)
# (who or what form: "drug K recipients", a label's "drug K tablets", "drug K capsules")
# (or the pronoun a clause's subject is after its group: "for placebo it was 17.8 months")
_TRAILING_NOUN = re.compile(
    rf"\s+(?:patients|recipients|subjects|{DOSAGE_FORM}|it|they|this|these)$", re.I
)
# a label that opens with a time point ("36-month", "2-year", "5 year"): with an endpoint's name
# after it, it names a result at that time, no group ("12-month trastuzumab" is one)
_TIMED = re.compile(r"\d+(?:\.\d+)?\s*-?\s*(?:months?|years?|weeks?|days?|mo|yr)\b", re.I)


_ANNOUNCED_RATIO = Prefiltered(
    re.compile(
        r"(?P<kw>\bHRs?\b|\bORs?\b|(?i:hazard ratios?|odds ratios?))"
        r"(?:\s*[(\[]\s*(?:95\s*%\s*)?CI\s*[)\]]"
        r"|\s+for\s+\w+(?:\s*[(\[]\s*(?:95\s*%\s*)?CI\s*[)\]])?\s+(?:were|was)\s*:)"
    ),
    # (what follows its keyword: few sentences have it, where most have "HR")
    re.compile(r"CI\s*[)\]]|(?:were|was)\s*:"),
)
_VALUE_THEN_INTERVAL = re.compile(
    r"(?<![\w.·/-])(?P<num>\d+(?:[.·]\d+)?)\s*[(\[]\s*(?P<lo>\d*[.·]?\d+)\s*(?:,|;|–|—|-|to)\s*"
    r"(?P<hi>\d*[.·]?\d+)\s*[)\]]"
    # (a median's or a count's interval has its unit after it: "12.1 (10.2-14.0) months")
    r"(?!\s*(?:%|(?:months?|mos?|m|weeks?|wks?|years?|yrs?|days?|cycles?|patients|pts)\b))"
)
_MOST_RATIO = 20.0  # (a bare number above this, with an interval, is no ratio)
# a comparison's ratio by its place: the bracket right after a pair of times holding a number,
# its interval and a p-value ("5.2 versus 3.7 months [0.73 (0.55-0.95), P = 0.019]"), of the
# kind the sentence names first ("... HR = 0.68 (0.47-0.97), P = 0.03} in the first group and"),
# else a hazard ratio (of two times)
_PAIR_THEN_RATIO = re.compile(
    rf"{NUM}\s*(?:vs\.?|versus)\s*{NUM}\s*(?:months?|mos?|years?|weeks?)\s*[\[({{]\s*"
    rf"(?P<num>{NUM})\s*[(\[]\s*(?P<lo>{NUM})\s*(?:-|–|—|to|,)\s*(?P<hi>{NUM})\s*[)\]]\s*[,;]\s*[pP]\b"
)
_BY_START = operator.attrgetter("start")  # (a sort key, asked for every value of every sentence)


def _ratio_measure(keyword: str) -> str:
    """The measure a ratio's keyword names ("HR", "odds-ratio", "relative risk", "response rate
    ratio": a ratio of two rates)."""
    kw = keyword.lower().replace("-", " ").rstrip("s")
    return (
        "odds_ratio"
        if kw in ("odds ratio", "or")
        else "risk_ratio"
        if kw in ("risk ratio", "relative risk", "rate ratio", "rr")
        else "hazard_ratio"
    )


def find_values(text: str, masks: list[Span]) -> list[Fact]:
    facts: list[Fact] = []
    taken: list[Span] = []

    def free(s: int, e: int, num: tuple[int, int] | None = None) -> bool:
        ns, ne = num or (s, e)
        return not in_masks(masks, ns, ne) and not overlaps(taken, s, e)

    for m in _RATIO.finditer(text):
        s, e = m.start("num"), m.end("num")
        if free(s, e):
            measure = _ratio_measure(m.group("kw"))
            facts.append(make_fact(parse_number(m.group("num")), s, e, "ratio", measure))
            taken.append((s, e))
    # a list whose statistic the sentence announces once, "(HR [95% CI])", "HRs for OS (95% CI)
    # were:": each bare number after it with its interval right after it is such a ratio
    if (announced := _ANNOUNCED_RATIO.search(text)) is not None:
        measure = _ratio_measure(announced.group("kw"))
        for m in _VALUE_THEN_INTERVAL.finditer(text, announced.end()):
            s, e = m.span("num")
            value = parse_number(m.group("num"))
            low, high = parse_number(m.group("lo")), parse_number(m.group("hi"))
            if free(s, e) and 0 < value <= _MOST_RATIO and low <= value <= high:
                facts.append(make_fact(value, s, e, "ratio", measure))
                taken.append((s, e))
    ratios = [f for f in facts if f.unit == "ratio"]
    for m in _PAIR_THEN_RATIO.finditer(text) if (" vers" in text or " vs" in text) else ():
        s, e = m.span("num")
        value = parse_number(m.group("num"))
        low, high = parse_number(m.group("lo")), parse_number(m.group("hi"))
        if free(s, e) and 0 < value <= _MOST_RATIO and low <= value <= high:
            measure = ratios[0].measure if ratios else "hazard_ratio"  # (of two times)
            facts.append(make_fact(value, s, e, "ratio", measure))
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
                label = clean_arm(m.group("label"))
                fact = make_fact(parse_number(m.group("num")), s, e, "ratio", measure)
                fact.arm, fact.factor = label, True
                facts.append(fact)
                taken.append((s, e))
            for m in named:
                for f in facts:
                    if f.start == m.start("num"):
                        f.arm, f.factor = clean_arm(m.group("label")), True
    # (a spread holds "±", "+/-", or a bracket opening with its SE or SD)
    spread = (
        _SPREAD_AFTER.match
        if "±" in text or "+/-" in text or "(S" in text or "[S" in text or "(s.e." in text
        else None
    )
    for m in _PERCENT_OR_TIME.finditer(text):
        if free(m.start(), m.end(), m.span("num")):
            value = parse_number(m.group("num"))
            # (the value's span runs over its spread: "72% ± 4% in the A group" is A's)
            end = sp.end() if spread and (sp := spread(text, m.end())) else m.end()
            if m.group("pct"):
                facts.append(make_fact(value, m.start(), end, "percent", "rate"))
            else:
                unit = UNIT_WORDS[m.group("unit").lower().rstrip(".")]
                facts.append(make_fact(value, m.start(), end, unit, "median"))
            taken.append((m.start(), end))
    if "±" in text or "+/-" in text:
        facts += _proportions(text, free, taken)
    if "ifference" in text:
        facts += _bracketed_differences(text, facts, free, taken)
    gains = _HYPHENATED_GAIN.finditer(text) if _HYPHENATED_UNIT.search(text) else ()
    for m in gains:
        num = next(g for g in ("num", "num2", "num3") if m.group(g))
        if free(m.start(), m.end(), m.span(num)):
            unit = UNIT_WORDS[(m.group("unit") or m.group("unit2") or m.group("unit3")).lower()]
            facts.append(make_fact(parse_number(m.group(num)), m.start(), m.end(), unit, "median"))
            taken.append(m.span())
    for m in _COUNT.finditer_lowered(text):  # (a number, in words or digits: no case to keep)
        s, e = m.span("n")
        if free(s, e):
            raw = m.group("n")
            value = float(parse_word_number(raw)) if raw[0].isalpha() else parse_number(raw)
            facts.append(make_fact(value, s, e, "patients", "count"))
            taken.append((s, e))
    for f in event_counts(text, masks):
        if not overlaps(taken, f.start, f.end):
            facts.append(f)
            taken.append((f.start, f.end))
    for m in _LABELLED_COUNT.finditer(text):  # (its number is masked as a sample size)
        s, e = m.span("n")
        if not overlaps(taken, s, e):
            facts.append(make_fact(float(m.group("n")), s, e, "patients", "count"))
            taken.append((s, e))
    bare = [m for m in _BARE.finditer(text) if free(m.start(), m.end())]
    if bare and ("(" in text or "[" in text or ":" in text):
        facts, bare = _announced_unit(text, facts, bare, masks)
    return _share_units(text, sorted(facts, key=_BY_START), bare, masks)


_SPREAD_AFTER = re.compile(SPREAD_AFTER)
# a proportion given with its spread, as survival estimates are ("EFS was 0.64±0.12 for ..."),
# in a sentence that names what it is a rate of (a survival, a response, a relapse, a rate)
_PROPORTION = re.compile(rf"(?P<num>{_ALONE}){PROPORTION_SPREAD}")
_RATE_WORDS = Prefiltered(
    re.compile(
        r"surviv|\b(?:[EPDRLF]?FS|OS|CIR|ORR|CR)\b|respon|remission|relapse|probabilit|\brates?\b",
        re.IGNORECASE,
    )
)


# what a measurement given with its spread is, not a rate: "mean dose intensity 0.92 ± 0.08"
_MEASUREMENT = re.compile(r"\b(?:mean|index|ratio|intensity|fraction|score|level|volume)\b", re.I)


def _proportions(text: str, free, taken: list[Span]) -> list[Fact]:
    """The proportions given with their spread (_PROPORTION) after the name of what they are a
    rate of (a rate's word before them, no measurement's between): rates as written (0.64 is
    kept as 0.64, its unit a rate's)."""
    named = [m.end() for m in _RATE_WORDS.finditer(text)]
    if not named:
        return []
    found = []
    for m in _PROPORTION.finditer(text):
        s, e = m.span("num")
        value = parse_number(m.group("num"))
        last = max((end for end in named if end <= s), default=None)
        if (
            last is None
            or _MEASUREMENT.search(text, last, s)
            or _MEASUREMENT.search(text, max(0, last - 40), last)
        ):
            continue
        if 0 < value <= 1 and free(s, e):
            end = _SPREAD_AFTER.match(text, e)
            found.append(make_fact(value, s, end.end() if end else e, "percent", "rate"))
            taken.append((s, found[-1].end))
    return found


# a difference stated in the bracket after the values it compares, its unit theirs: "30.2% versus
# 11.0% (difference, 19.2; 95% CI, 13.9 to 24.7)", "[difference, 4.1 percentage points]"
_BRACKETED_DIFFERENCE = re.compile(
    rf"[(\[;]\s*(?:absolute\s+|between-group\s+)?[Dd]ifference\s*[,:=]?\s*(?P<num>-?{NUM})"
    r"(?:\s*percentage\s+points?)?(?!\s*(?:%|[\w.·]))"
)


def _bracketed_differences(text: str, facts: list[Fact], free, taken: list[Span]) -> list[Fact]:
    """The differences bracketed after two values of one unit (_BRACKETED_DIFFERENCE)."""
    found = []
    for m in _BRACKETED_DIFFERENCE.finditer(text):
        s, e = m.span("num")
        before = [f for f in facts if f.end <= m.start() and f.measure not in RATIOS]
        if len(before) < 2 or before[-1].unit != before[-2].unit or not free(s, e):
            continue
        found.append(make_fact(parse_number(m.group("num")), s, e, before[-1].unit, "difference"))
        taken.append((s, e))
    return found


# the unit a sentence announces once, bracketed after what it measures, for the bare numbers
# after it: "median PFS (months [95% CI]) was 18.5 (10.3-31.3); A: 18.4 (...)", "follow-up
# (months [range])", "ORR (%): 45 vs 30", "median OS, mo: 12.1 vs 9.8"
# (written to start with its bracket or comma, not with a look-behind for the letter before it,
# which the engine would try at every character: _announced_unit asks for the letter)
_ANNOUNCED_UNIT = Prefiltered(
    re.compile(
        rf"[(\[]\s*(?P<unit>{UNIT}|%)(?:\s*[,;]?\s*[(\[]?\s*(?:(?:\d+\s*%\s*)?"
        rf"(?:CI|confidence interval)|range|IQR)\s*[)\]]?)?\s*[)\]]|,\s*(?P<unit2>{UNIT}|%)\s*:",
        re.IGNORECASE,
    )
)
# where a number stands as a value of the announced list: after a verb, a label's colon, a
# separator ("was 18.5", "A: 18.4", "vs 9.8") and before its interval, a separator or the end
_VALUE_BEFORE = re.compile(r"(?:\b(?:was|were|is|are|of)|[:=;,]|\bvs\.?|\bversus|\band)\s*$", re.I)
_VALUE_AFTER = re.compile(
    r"\s*(?:[()\[\];,]|\.?\s*$|\b(?:vs\.?|versus|and|or|in|for|with|among)\b)", re.I
)


_COUNT_WORD = re.compile(r"\b(?:number|no\.|n)\s*$", re.IGNORECASE)


def _announced_unit(
    text: str, facts: list[Fact], bare: list[re.Match], masks: list[Span]
) -> tuple[list[Fact], list[re.Match]]:
    """The bare numbers of a list whose unit is announced before it take that unit, up to the
    first value with a unit of its own (another list)."""
    announced = next(
        (
            m
            for m in _ANNOUNCED_UNIT.finditer(text)
            if text[: m.start()].rstrip()[-1:].isalpha()
            # ("Number (%) of deaths was 364 (68)": counts, each with its share in brackets)
            and not _COUNT_WORD.search(text, max(0, m.start() - 10), m.start())
        ),
        None,
    )
    if announced is None:
        return facts, bare
    word = (announced.group("unit") or announced.group("unit2")).lower().rstrip(".")
    unit = "percent" if word == "%" else UNIT_WORDS[word]
    measure = "rate" if unit == "percent" else "median"
    stop = min(
        (f.start for f in facts if f.start >= announced.end() and f.unit != unit), default=len(text)
    )
    out, left = list(facts), []
    for m in bare:
        start, end = m.span()
        before = strip_masked(text[announced.end() : start], announced.end(), masks)
        after = strip_masked(text[end : end + 40], end, masks)
        if (
            announced.end() <= start < stop
            and _VALUE_BEFORE.search(before)
            and _VALUE_AFTER.match(after)
        ):
            out.append(make_fact(parse_number(m.group("num")), start, end, unit, measure))
        else:
            left.append(m)
    return out, left


def _share_units(
    text: str, facts: list[Fact], bare: list[re.Match], masks: list[Span]
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
        unit_after = _UNIT_AFTER.match(strip_masked(text[end : end + 60], end, masks))
        if unit_after:
            unit = (
                "percent"
                if unit_after.group("pct")
                else UNIT_WORDS[unit_after.group("unit").lower()]
            )
            measure = "rate" if unit == "percent" else "median"
            ordered[i] = (
                start,
                end,
                make_fact(parse_number(text[start:end]), start, end, unit, measure),
            )
            out.append(ordered[i][2])
    # … then those that share the unit of the next number of their list ("4.6 (…) and 6.5 (…) months")
    for i, (start, end, fact) in enumerate(ordered):
        if fact is not None or _SHARE_AFTER.match(text, end):
            continue
        j, prev_end, anchor = i, end, None
        while j + 1 < len(ordered) and anchor is None:
            gap = strip_masked(text[prev_end : ordered[j + 1][0]], prev_end, masks)
            if not _SEP_RE.fullmatch(gap) and not (
                j == i and from_to(text, start, end, ordered[j + 1][0])
            ):
                break
            j += 1
            anchor, prev_end = ordered[j][2], ordered[j][1]
        if anchor is None and i:
            # or the unit of the value it is compared with: "8.2 months (…) compared with 4.1 (…)";
            # or of the ratio it is listed after: "the hazard ratios were 0.77 (…) and 0.69"
            before = ordered[i - 1][2]
            gap = strip_masked(text[before.end : start], before.end, masks) if before else ""
            if (
                before is not None
                and (
                    COMPARED_GAP.fullmatch(gap)
                    # or the count of events it is listed after: "13 deaths in A and 22 in B"
                    or (before.event and _SEP_RE.fullmatch(gap) and text[start:end].isdigit())
                    or (
                        before.measure in RATIOS
                        # (past the brackets of its p-value: "0.77 (P = .002), and 0.69")
                        and _SEP_RE.fullmatch(_EMPTY_BRACKETS.sub("", gap))
                        and _DECIMAL.fullmatch(text, start, end)  # (a ratio is written "0.69")
                    )
                )
            ):
                anchor = before
        if anchor is not None:
            shared = copy.copy(anchor)
            shared.value, shared.start, shared.end = parse_number(text[start:end]), start, end
            out.append(shared)
            # (the next bare number of the list may take it from this one: "0.21, 0.24 and 0.22")
            ordered[i] = (start, end, shared)
    return sorted(out + _mirrored_pairs(text, ordered, masks), key=_BY_START)


# an item of a list that opens with a pair of values ("(18.7 vs. 3.6; HR: 0.21)", "(NR vs 3.6;")
_ITEM_OPEN = re.compile(r"[(\[;]\s*$")
_ITEM_CLOSE = re.compile(r"\s*[;)\]]")
_VS_GAP = re.compile(r"\s*(?:vs\.?|versus)\s+", re.IGNORECASE)


# what an item's words before its bracket say when its pair is not the first pair's measure:
# counts, ages, doses, another measure ("deaths (45 vs 60", "median age (62 vs 64", "the HR (")
_OTHER_MEASURE = re.compile(
    r"\b(?:deaths?|died|events?|age[ds]?|patients|enrolled|rates?|ratios?|HRs?|ORs?|doses?|cycles?"
    r"|number|n|counts?|scores?|percent|%|years?|size)\b",
    re.IGNORECASE,
)


def _item_of_subgroup(text: str, start: int) -> bool:
    """Whether the words before the bracket that opens the pair at ``start`` name a subgroup
    (the item's "376 without brain metastases"), not another measure or a count."""
    lead_start = max(text.rfind(s, 0, start) for s in (",", ";", ")", ":")) + 1
    bracket = text.rfind("(", lead_start, start)
    lead = text[lead_start : bracket if bracket >= 0 else start]
    return not _OTHER_MEASURE.search(lead) and not endpoint_mentions(lead)


def _mirrored_pairs(
    text: str, ordered: list[tuple[int, int, Fact | None]], masks: list[Span]
) -> list[Fact]:
    """Bare pairs that repeat a sentence's first pair of times without its unit: "brain (PFS
    for A vs B: 8.8 vs 3.7 months; HR: 1.00), bone (14.8 vs 2.1; HR: 0.26), liver (not estimable
    vs 3.6; HR: 0.24)": each item's pair, opened by a bracket or ";" and closed by ";" or a
    bracket, is of the first pair's unit."""
    template: Fact | None = None
    for (_, _, a), (_, _, b) in itertools.pairwise(ordered):
        if (
            a is not None
            and b is not None
            and a.unit in MONTHS_PER_UNIT
            and a.unit == b.unit
            and _VS_GAP.fullmatch(strip_masked(text[a.end : b.start], a.end, masks))
        ):
            template = a
            break
    if template is None:
        return []
    found: list[Fact] = []
    opened = False  # (the last number opened a pair: the next closes it)
    for start, end, fact in ordered:
        if start < template.end:
            continue
        if fact is not None:
            opened = False
            continue
        before = strip_masked(text[max(0, start - 20) : start], max(0, start - 20), masks)
        after = strip_masked(text[end : end + 20], end, masks)
        if _VS_GAP.match(after) and _ITEM_OPEN.search(before) and _item_of_subgroup(text, start):
            opened = True  # "(18.7 vs. 3.6"
        elif not (
            _ITEM_CLOSE.match(after)
            and _VS_GAP.search(before)
            and (opened or _PLACEHOLDER.search(before))
        ):
            opened = False
            continue
        else:
            opened = False
        shared = copy.copy(template)
        shared.value, shared.start, shared.end = parse_number(text[start:end]), start, end
        found.append(shared)
    return found


_EMPTIED_BRACKET = re.compile(r"\s*[(\[]\s*[)\]]")


def link_chains(text: str, facts: list[Fact], masks: list[Span]) -> list[Fact]:
    """Number the runs of values that are listed together (same unit, joined by separators; a
    unit may stand after a value's interval)."""
    chain = -1
    for i, f in enumerate(facts):
        if (
            i == 0
            or f.unit != facts[i - 1].unit
            or not (
                _SEP_RE.fullmatch(
                    _UNIT_PAST_BRACKETS.sub(
                        "",
                        # (a bracket whose count was masked, "40% (84/210) vs 14%", is empty)
                        _EMPTIED_BRACKET.sub(
                            "",
                            strip_masked(text[facts[i - 1].end : f.start], facts[i - 1].end, masks),
                        ),
                    )
                )
                # (or a change from one to the other: "from 11.2 months to 14.9 months")
                or from_to(text, facts[i - 1].start, facts[i - 1].end, f.start)
            )
        ):
            chain += 1
        f.chain = chain
    return _bracketed_lists(text, facts)


def keep_placeholder_places(text: str, facts: list[Fact]) -> list[Fact]:
    """A value not reached or not estimable holds its group's place in a list without a number:
    "NR vs 11.8 months", "9.7 m vs NE": no value is read for it, and the others keep their
    places (slot, slots)."""
    if not _may_hold_placeholder(text):
        return facts
    chains: dict[int, list[Fact]] = {}
    for f in facts:
        chains.setdefault(f.chain, []).append(f)
    claimed = 0  # (where the placeholders after the list before end: "7.5 years versus not
    # reached and 63% versus 72%" holds one for the first list, none for the second)
    for chain in chains.values():
        start = max(0, chain[0].start - 80, claimed)
        before = _PLACEHOLDERS_BEFORE.search(text, start, chain[0].start)
        lead = len(_PLACEHOLDER.findall(before.group())) if before else 0
        after = PLACEHOLDERS_AFTER.match(text, chain[-1].end)
        trail = len(_PLACEHOLDER.findall(after.group())) if after else 0
        claimed = after.end() if after else chain[-1].end
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


# (an article, in lower case: "A" names a group; a rate word: "a CR rate" is the endpoint's)
_RATE_WORD = re.compile(r"^an?\s+|\s+(?i:rates?)$")


@functools.lru_cache(maxsize=4096)
def _names_an_endpoint(label: str) -> bool:
    """Is the label an endpoint's name ("OS", "progression-free survival"), not a group's?"""
    bare = _RATE_WORD.sub("", label)  # ("CR rate", "ORR rates": the endpoint's rate)
    found = endpoint_mentions(bare)
    return len(found) == 1 and found[0][0] == 0 and found[0][1] == len(bare)


def clean_arm(label: str | None) -> str | None:
    if not label:
        return None
    label = _LEADING_ARTICLE.sub("", SECTION_HEADING.sub("", label.strip()))
    if ("ntibody" in label or "nhibitor" in label or "ntagonist" in label) and (
        unclassed := AGENT_CLASS_BEFORE.sub("", label)
    ):  # ("the anti-PD-1 antibody A plus B": A plus B)
        label = unclassed
    if label[-1:].isdigit():
        label = FOOTNOTE_MARK.sub("", label)
    qualified = _QUALIFIED_PATIENTS.match(label)
    if qualified:  # "those without this toxicity", "patients on placebo": a group by what it has
        return "patients " + label[qualified.end() :]
    label = _TRAILING_NOUN.sub("", label)
    if (
        is_generic(label)
        or _names_an_endpoint(label)
        or _AN_ANALYSIS.search(label)
        or _MEASURE_NOUN.search(label)
    ):
        return None
    if _TIMED.match(label) and endpoint_mentions(label):
        return None  # (a landmark result's name: "the 36-month PFS rates were 64.3% and 55.6%")
    return label


def as_percent_sign(m: re.Match[str]) -> str:
    """ "51 percent" read as "51%", padded to its length: every offset stays the text's."""
    return "%" + " " * (len(m.group()) - 1)
