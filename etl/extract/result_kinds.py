"""What a number is a result of, where the words around it say so better than the last endpoint
named before it: one pass of the sentence grammar (etl.extract.grammar), over its facts.

- "a 25% reduction in the risk of death", "reduced the risk of death by 34%", "a 37% reduction
  in odds of death": a ratio restated (1 - HR), no result of its own (dropped, as a careful
  reader leaves it: the ratio is the result);
- "13% versus 5% of patients achieved complete response", "21% in the A arm achieved a PR":
  rates of what follows them;
- "181 deaths had occurred among 334 patients (54.2%)", "57 deaths (46%)": the share of
  patients with an event, not a survival rate (OTHER);
- a share of patients never measures follow-up: "At a median follow-up of 38 months, 81%
  discontinued" is OTHER, not FOLLOWUP; "13% discontinued the study due to AEs" is an AE's;
- "after 44.0 months of median survival follow-up", "(18.1 months median survival follow-up)":
  a time followed by "follow-up" is the follow-up;
- "38% had secondary AML", "poor-risk cytogenetics in 49% of patients": baseline
  characteristics are not results (dropped) when the sentence names no endpoint of its own.
"""

from __future__ import annotations

import re
from typing import Protocol

from etl.extract.phrases import MORE_BY
from etl.regex_prefilter import GatedAlternation, Prefiltered, alternatives, case_folded
from etl.vocab.codes import TIME_UNITS
from etl.vocab.endpoints import TIME_TO_EVENT, endpoint_mentions


class _Fact(Protocol):  # (etl.extract.grammar.Fact; a protocol: no import cycle)
    value: float
    start: int
    end: int
    unit: str
    measure: str
    endpoint: str
    endpoint_label: str
    arm: str | None
    n_patients: int | None


# a time by which one group's result exceeds another's (phrases.MORE_BY)
_TIME_WORD = r"(?:months?|mo|weeks?|years?)"
# (an endpoint's abbreviation may stand between: "a 5.2-month PFS extension")
_GAIN = rf"(?:(?-i:[A-Z]{{2,5}})\s+)?{MORE_BY}"
# a gain named before its time: "the improvement in median PFS time in the A arm compared with
# the B arm was 4.3 months"
_GAIN_IN = rf"\b{MORE_BY}\s+in\s+(?:the\s+)?median\b"
_GAIN_IN_BEFORE = re.compile(rf"{_GAIN_IN}[^.;()%]{{0,100}}?\b(?:was|of|by)\s*$", re.IGNORECASE)
_RISK = r"(?:risk|odds|hazard)"  # (what a reduction is of: the reduction restates a ratio)
_REDUCTION = re.compile(
    r"^\s*(?:relative\s+)?(?:(?:reduction|decrease|lower)\s+in|reduced)\s+(?:the\s+)?(?:relative\s+)?"
    rf"(?:{_RISK}\s+of\s+"
    r"(?P<what>[\w ,/-]{3,60}?)(?=\s+(?:with|for|in|compared|versus|vs|among|by|relative)\b|[,;.()]|$)"
    # (or the risk named after what it is of: "a 79% reduction in progression or death risk")
    rf"|(?P<what2>[\w ,/-]{{3,40}}?)\s+{_RISK}\b)",
    re.IGNORECASE,
)
# the words of a change of one result against another's, relative or absolute
_CHANGE = r"(?:improvement|increase|reduction|decrease|benefit|gain)"
_RELATIVE_CHANGE = rf"relative\s+{_CHANGE}"
_RELATIVE_AFTER = re.compile(rf"^\s*{_RELATIVE_CHANGE}\b", re.IGNORECASE)
_RELATIVE_BEFORE = re.compile(rf"\b{_RELATIVE_CHANGE}\s+(?:of|by)\s*$", re.IGNORECASE)
_REDUCED_BY = Prefiltered(
    re.compile(
        rf"reduced\s+(?:the\s+)?(?:relative\s+)?{_RISK}\s+of\s+(?P<what>[\w -]{{3,40}}?)\s+by\s*$",
        re.I,
    )
)
_OF_PATIENTS = re.compile(
    r"^\s*(?:\)\s*)?(?:versus|vs\.?|and)?[\s\d.%()vsersu]*?of\s+(?:the\s+)?(?:patients|pts|participants)\s+"
    r"(?:\([^)]{1,30}\)\s+)?(?:who\s+)?(?:achieved|had|experienced|developed|attained|showed)\s+(?:an?\s+)?"
    r"(?P<what>[\w +()-]{3,80})",
    re.IGNORECASE,
)
_OF_PATIENTS_GATE = re.compile(
    r"of (?:the )?(?:patients|pts|participants) (?:\([^)]{1,30}\) )?(?:who )?"
    r"(?:achieved|had|experienced|developed|attained|showed)"
)
# "21% in the treatment arm achieved a PR": the rate of what the patients of a group achieved
_IN_ARM_ACHIEVED = re.compile(
    r"^\s*(?:\)\s*)?in\s+the\s+[\w +/-]{1,40}?\s+(?:arm|group|cohort)\s+"
    r"(?:achieved|had|experienced|attained|developed)\s+(?:an?\s+)?(?P<what>[\w +()-]{2,80})",
    re.IGNORECASE,
)
_IN_ARM_GATE = re.compile(r"(?:arm|group|cohort) (?:achieved|had|experienced|attained|developed)")
_EVENTS = Prefiltered(
    re.compile(
        # counts of deaths and events, not the names of endpoints ("progression or death")
        r"\b(?:\d+\s+deaths|deaths\s+(?:had\s+)?occurred|died|(?<!adverse )events?\s+(?:had\s+)?occurred)\b",
        re.IGNORECASE,
    )
)
_FOLLOW_UP_AFTER = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:of\s+)?(?:(?:median|mean|survival|overall|additional|total|study)\s+){0,2}"
    r"follow[- ]?up\b",
    re.IGNORECASE,
)
_BASELINE = Prefiltered(
    re.compile(
        r"\b(?:median|mean) age\b|\d\s*%\s+(?:women|men|female|male)\b|\bbaseline\b|\bcharacteristics\b|\bcytogenetics\b|\bwere (?:male|female|men|women|white|asian|black)\b"
        r"|\bhad (?:secondary|de novo|received prior|prior|poor-risk|adverse-risk|intermediate|high[- ]risk"
        r"|low[- ]risk|(?:\w+\s+){0,2}[\w-]+-(?:deficient|proficient|positive|negative|mutated|mutant|high|low)\b)"
        r"|\bpreviously received\b|\bhad received\b"
        # the disease's stage and what tumours carry, the therapy given before the study's
        r"|\bdisease stage\b|\bstage\s+(?:[IV]+[ABC]?|[1-4][ABC]?)\s+in\s+\d"
        r"|\b(?:tumou?rs?|mutations?|alterations?)\s+(?:were|was)\s+(?:identified|detected|found)\b"
        r"|\breceived (?:prior|previous|adjuvant|neoadjuvant)\b",
        re.IGNORECASE,
    )
)
# what one of the rules needs in a sentence, in any case (a gate: wider than the rules); asked
# whether any of its alternatives is found (GatedAlternation.found: each gated on its own words)
_ANY = GatedAlternation(
    [
        Prefiltered(re.compile(branch, re.IGNORECASE))
        for branch in alternatives(
            r"reduc|decreas|lower|relative|\d+\s+deaths|deaths\s+(?:had\s+)?occurred|died|(?<!adverse )events? (?:had )?occurred"
            r"|follow|at a median"
            # (the baseline rule's own wording: the gate cannot drift from it)
            rf"|{_OF_PATIENTS_GATE.pattern}|{_IN_ARM_GATE.pattern}|{_BASELINE.compiled.pattern}"
            r"|still (?:receiving|on)|remain(?:ed)? on|discontinu|stopped|subsequent|reported in|difference"
            rf"|{_TIME_WORD}\s+{_GAIN}|{_GAIN_IN}"
        )
    ]
)
_STILL = re.compile(
    r"\b(?:were |was )?(?:still (?:receiving|on)|remain(?:ed|s)? on|discontinued|received (?:a )?subsequent)",
    re.IGNORECASE,
)
# "13% in each group discontinued the study due to AEs": a rate of an adverse event
_STOPPED_FOR_AE = re.compile(
    r"[^.;]{0,40}?\b(?:discontinued|stopped)\b[^.;]{0,40}?\b(?:due to|because of|owing to|for)\s+"
    r"(?:an?\s+)?(?:(?:treatment-related|drug-related|treatment-emergent)\s+)?"
    r"(?:AEs?|adverse (?:events?|reactions?)|toxicit(?:y|ies))\b",
    re.IGNORECASE,
)
_DIFFERENCE_IN = re.compile(r"\bdifference in\b[^.;]{0,100}$", re.IGNORECASE)
# (not a value a "vs" pairs with another: "a difference in grade 3 AEs (62% vs. 27%)" gives each
# group's rate)
_PAIRED = re.compile(r"[^\d;()]{0,12}?\b(?:vs|versus)\b\.?\s*\d", re.IGNORECASE)
# a difference labelled right before its value: "(difference: 18.5%; 95% CI ...)", "a difference
# of 12%"
_DIFFERENCE_LABEL = re.compile(r"\bdifference\s*(?:[,:=]|\bof\b|\bwas\b)?\s*$", re.IGNORECASE)
# an absolute difference named before its value: "the absolute iDFS gain with addition of A was
# 6.4%", "the 4-year DRFS absolute difference was 5.9%" (no other rate between them)
_ABSOLUTE_BEFORE = re.compile(
    rf"\babsolute\s+(?:[\w-]+\s+){{0,2}}(?:difference|{_CHANGE})\b[^.;()%]{{0,60}}$",
    re.IGNORECASE,
)
# or after it: "compared to a 4.1% difference at 3 years", "a 7% absolute benefit"
_DIFFERENCE_AFTER = re.compile(
    r"\s*(?:absolute\s+)?(?:difference|gain|benefit|improvement)\b", re.IGNORECASE
)
# a difference written with its sign, the Greek capital delta (or the increment sign U+2206):
# "(Δ+9.5% [95% CI, 0.9-18.1])"
_DELTA = ("Δ", "∆")
_DELTA_BEFORE = re.compile(r"[Δ∆]\s*[=:]?\s*\+?\s*$")
# ("10 months longer with A", "a 9.4 months increase in median OS", "2.7 months longer in the A
# group")
_LONGER_BY = re.compile(rf"\s*(?:{_TIME_WORD}\s+)?{_GAIN}", re.IGNORECASE)
# a rate stated after its count: "60 of 100 patients (60.0%)", "120/300 ("
_COUNTED = re.compile(r"\d+\s*(?:of|/)\s*\d+(?:\s+(?:patients|pts|participants))?\s*[(\[]\s*$")
_TIMED = TIME_TO_EVENT - {"FOLLOWUP"}
_LONGER_WORDS = re.compile(rf"\b{MORE_BY}|{_GAIN_IN}")


def is_follow_up(text: str, f) -> bool:
    """Is a time a follow-up's ("44.0 months of median survival follow-up", "rates at a median
    3.5 years": the time point the rates are at, the median follow-up)?"""
    return (
        _FOLLOW_UP_AFTER.match(text, f.end) is not None
        or _AT_A_MEDIAN.search(text, max(0, f.start - 24), f.start) is not None
    )


_AT_A_MEDIAN = re.compile(
    # (opening a sentence or a clause, or after the rates it is the time of: "Responses occurred at
    # a median of 1.8 months" is a time to response)
    r"(?:^\s*|[,;:]\s*|\brates?\s+)at\s+a\s+median\s+(?:of\s+)?$",
    re.IGNORECASE,
)


def _endpoint_of(phrase: str) -> tuple[str, str] | None:
    found = endpoint_mentions(phrase)
    return (found[0][2], found[0][3]) if found else None


_OCCURRED_IN = re.compile(
    r"\boccurred\s+in\s+(?:\d+(?:\.\d+)?\s*%\s*(?:,|and|vs\.?|versus)?\s*)*$", re.IGNORECASE
)
_EFFICACY_EVENT = re.compile(
    r"\b(?:deaths?|died|progress\w*|relapses?|recurrences?|respon\w*|remissions?|survival)\b",
    re.IGNORECASE,
)


def reclassify(text: str, facts: list, mentions: list) -> list:
    """``facts`` with what the words around each say it is a result of (module doc)."""
    # (the rules read rates, and times only for a follow-up or a time one group's exceeds
    # another's by; then one search for what any rule needs: most sentences need none of them)
    lowered = text.lower()
    if all(f.unit != "percent" for f in facts) and (
        all(f.unit not in TIME_UNITS for f in facts)
        or ("follow" not in lowered and not _LONGER_WORDS.search(lowered))
    ):
        return facts
    delta = any(d in text for d in _DELTA)
    occurred = "occurred in" in lowered
    if (
        not _ANY.found(text)
        and not delta
        and not occurred
        and all(f.endpoint != "FOLLOWUP" for f in facts)
    ):
        return facts
    reductions = any(w in lowered for w in ("reduc", "decrease", "lower", "relative"))
    of_patients = _OF_PATIENTS_GATE.search(lowered) is not None
    in_arm = _IN_ARM_GATE.search(lowered) is not None
    events = _EVENTS.search(text) is not None  # (search asks the gate first)
    baseline = _BASELINE.search(text) is not None
    follow_up = "follow" in lowered or "at a median" in lowered
    # (the words _STILL and the difference patterns before a value need, asked of the sentence
    # folded once: those are otherwise tried at every place of each value's window)
    folded = case_folded(text)
    still = folded is None or any(
        w in folded for w in ("still", "remain", "discontinued", "received")
    )
    difference = folded is None or "difference" in folded
    keep = []
    for f in facts:
        if f.unit == "percent":
            if reductions and _reduction(text, f):
                continue  # (a ratio restated, 1 - HR: no result of its own)
            after = text[f.end : f.end + 120]
            achieved = (of_patients and " of " in after[:60] and _OF_PATIENTS.match(after)) or (
                in_arm and _IN_ARM_ACHIEVED.match(after)
            )
            # (who stopped for a harm first: "17% of patients stopped treatment due to adverse
            # reactions" is no rate of "treatment")
            stopped = ("discontinu" in lowered or "stopped" in lowered) and _STOPPED_FOR_AE.match(
                text, f.end, f.end + 120
            )
            if stopped:
                f.endpoint, f.endpoint_label = "AE", "discontinuation due to adverse events"
            elif achieved and (named := _endpoint_of(achieved.group("what"))):
                f.endpoint, f.endpoint_label = named
            elif (
                f.endpoint == "FOLLOWUP"
                or (still and _STILL.search(text, f.end, f.end + 120))
                or (
                    (events or (f.endpoint in _TIMED and _COUNTED.search(text, 0, f.start)))
                    and f.endpoint not in ("AE", "ORR", "CR", "PR", "SD", "DCR", "CBR")
                    and not _rate_named_near(text, f)
                )
            ):
                # (the share of patients with an event, "95 of 129 patients (73.6%)", or still
                # on treatment: no rate of a result)
                f.endpoint, f.endpoint_label = "OTHER", ""
            if (
                f.endpoint == "OTHER"
                and occurred
                and _OCCURRED_IN.search(text[max(0, f.start - 80) : f.start])
                and not _EFFICACY_EVENT.search(text, 0, f.start)
            ):
                # (what "occurred in 4% and 3% of patients" is a harm: "myelodysplastic syndrome
                # occurred in 4%"; not "progression occurred in 30%")
                f.endpoint = "AE"
            if (
                (
                    difference
                    and _DIFFERENCE_IN.search(text, max(0, f.start - 120), f.start)
                    and not _PAIRED.match(text, f.end)
                )
                or (difference and _DIFFERENCE_LABEL.search(text, max(0, f.start - 20), f.start))
                or (delta and _DELTA_BEFORE.search(text, max(0, f.start - 6), f.start))
                or (
                    "absolute" in text
                    and _ABSOLUTE_BEFORE.search(text, max(0, f.start - 120), f.start)
                )
                or _DIFFERENCE_AFTER.match(text, f.end)
            ):
                f.measure = "difference"
            if baseline and not _rate_named_near(text, f):
                continue
        elif (
            follow_up
            and f.unit in TIME_UNITS
            and f.endpoint != "FOLLOWUP"
            and is_follow_up(text, f)
        ):
            f.endpoint, f.endpoint_label, f.measure = "FOLLOWUP", "follow-up", "median"
        elif (
            f.unit in TIME_UNITS
            and f.measure == "median"
            and (
                _LONGER_BY.match(text, f.end)
                or _GAIN_IN_BEFORE.search(text, max(0, f.start - 140), f.start)
            )
        ):
            f.measure = "difference"
        keep.append(f)
    return keep


def _reduction(text: str, f) -> re.Match[str] | None:
    """ "25% reduction in the risk of death", "reduced the risk of death by 34%"; a relative
    change of one result against another's ("a relative improvement of 50% in PFS", "a 40%
    relative increase"): a ratio restated, no rate."""
    after = text[f.end : f.end + 120]
    if (m := _REDUCTION.match(after) or _RELATIVE_AFTER.match(after)) is not None:
        return m
    before = text[max(0, f.start - 80) : f.start]
    if (m := _RELATIVE_BEFORE.search(before)) is not None:
        return m
    return _REDUCED_BY.search(before) if _REDUCED_BY.can_match(before) else None


_RATE_WORDS = re.compile(r"\b(?:rates?|survival|response|remission|incidence)\b", re.IGNORECASE)


def _rate_named_near(text: str, f) -> bool:
    """Does the sentence name a rate of something close before the value ("OS rate", "response")?"""
    return _RATE_WORDS.search(text, max(0, f.start - 60), f.start) is not None
