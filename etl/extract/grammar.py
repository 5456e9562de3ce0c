"""The grammar of results sentences: one sentence in, the result numbers it reports out.

A sentence is read in passes, each a small function that changes nothing but the facts of the
sentence being read (it fills their attributes in place: they are that sentence's own until
parse_sentence returns them):
1. spans that hold numbers which are not results (doses, ages, n=, grades, IQRs, ± spreads,
   fractions, years) are masked (etl.extract.masks);
2. intervals and p-values are found and masked (etl.extract.intervals, etl.extract.numbers);
3. values are found (etl.extract.values): ratios after their keyword, percentages, times with
   units, bare numbers that share the unit of a list they belong to ("38.2 vs. 5.9%");
4. each value gets its interval, endpoint, measure and time point (etl.extract.value_endpoints),
   its group (etl.extract.value_groups), its p-value and its subgroup.
Lists that go together ("..., respectively") are resolved positionally.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from etl.documents.table_grid import FOOTNOTE_SIGNS
from etl.extract.contrasted_groups import contrasted_groups
from etl.extract.facts import COMPARED_MEASURES, RATIOS, UNIT, Fact, Problem
from etl.extract.intervals import attach_intervals, find_intervals
from etl.extract.list_groups import VERSUS_WORD, versus_pairs
from etl.extract.masks import mask_spans
from etl.extract.numbers import (
    AS_HYPHEN,
    NUM,
    WORD_DASH,
    PValue,
    find_p_values,
    parse_number,
)
from etl.extract.phrases import CI_LEVEL, from_to
from etl.extract.result_kinds import reclassify
from etl.extract.slash_pairs import slash_pairs
from etl.extract.subgroups import subgroups
from etl.extract.value_endpoints import (
    attach_timepoints,
    drop_non_results,
    endpoint_list_slots,
    postposed_endpoints,
    with_endpoint,
)
from etl.extract.value_groups import attach_arms
from etl.extract.values import as_percent_sign, find_values, keep_placeholder_places, link_chains
from etl.regex_prefilter import (
    Prefiltered,
    cheap_scan,
)
from etl.vocab.endpoints import endpoint_mentions

_HEADING = re.compile(rf"{CI_LEVEL}(?!\s*(?:[\[\(]CI[\]\)])?\s*[,:=]?\s*{NUM})", re.IGNORECASE)
_CI_HEADING = Prefiltered(_HEADING, cheap_scan(_HEADING, NUM))
# a list whose brackets the sentence announces as ranges: its unlabelled intervals are none
# ("median follow-up (months [range]) was 15.7 (0.6-43.2); A: 18.5 (1.1-41.0)", "age (range)")
_RANGE_HEADING = Prefiltered(
    re.compile(
        r"[(\[,]\s*(?:[a-z%]+\s*[,;]?\s*)?[(\[]?\s*(?:range|IQR|interquartile range)\s*[)\]]",
        re.IGNORECASE,
    )
)
_HEAD_ITEM_HINT = Prefiltered(re.compile(r"\b(?:median|mean)\b[^.;]*?\sand\s", re.IGNORECASE))
# "51 percent", "88 per cent" (news): a percent sign in words
_PERCENT_WORD = re.compile(r"(?<=\d)\s?(?:percent|per cent)\b", re.IGNORECASE)
# a footnote's sign set on a word, with the reference numbers a web page glues after it: "GnRH
# therapy*", "placebo + GnRH therapy*1", "HCC†" (not a p-value's star after a number)
_FOOTNOTE_MARK = re.compile(
    rf"(?<=[A-Za-z)]){FOOTNOTE_SIGNS}+(?:\d{{1,2}}(?:,\d{{1,2}})*)?(?![\w*])"
)
_FOOTNOTE_SIGN = re.compile(FOOTNOTE_SIGNS)
# "9.4 vs.7.1 months": a "vs." glued to the next number, whose dot would be read as that number's
# (a number starts after no letter, dot or digit); read as "vs 7.1", same length
# (its look-behind asked after the dot: a pattern that opens with a look-behind is tried at every
# place of the text, one that opens with the dot only where a dot is)
_GLUED_VS = re.compile(r"\.(?<=\bvs\.)(?=\d)", re.IGNORECASE)
_THRESHOLD = re.compile(
    r"(?:significance|threshold|boundary|alpha|significance level|level of significance)\W{0,3}$",
    re.IGNORECASE,
)
_THRESHOLD_WORDS = Prefiltered(re.compile(r"significance|threshold|boundary|alpha", re.IGNORECASE))
# Patients stated with a rate, right after it ("60.7% (17 patients)", "17.5%; 68/388",
# "45% [9 of 20]") or right before it ("59/103 (57.3%)", "17 patients (60.7%)")
_PATIENTS = r"(?:patients?|pts|participants|subjects|cases|individuals)\b"
_STATED_COUNT = (
    rf"(?:(?P<n>\d{{1,6}})\s*/\s*(?P<d>\d{{1,6}})(?!\s*(?:\d|%|{UNIT}))"
    rf"|(?P<n_of>\d{{1,6}})\s+of\s+(?P<d_of>\d{{1,6}})(?:\s+(?:evaluable\s+)?{_PATIENTS})?"
    rf"|(?P<n_only>\d{{1,6}})\s+{_PATIENTS})"
)
_COUNT_AFTER = re.compile(rf"\s*[(\[;,]\s*{_STATED_COUNT}\s*[)\];,.]?", re.IGNORECASE)
_COUNT_BEFORE = re.compile(rf"{_STATED_COUNT}\s*[(\[]\s*$", re.IGNORECASE)


def parse_sentence(
    text: str,
    context_endpoint: tuple[str, str] | Callable[[], tuple[str, str] | None] | None = None,
    comparison: tuple[str, str] | None = None,
    arms: list[str] | None = None,
    mentions: list[tuple[int, int, str, str]] | None = None,
    recent_groups: tuple[str, ...] = (),
    lead: tuple[str, str] | None = None,
) -> list[Fact]:
    """Every result number of one sentence. ``context_endpoint`` is the last endpoint the record
    named before this sentence (or a function that gives it, called only if a value needs it);
    ``comparison`` the (experimental, reference) groups it compares; ``recent_groups`` the
    groups of the last list of values before this sentence (see ``listed_groups``); ``lead`` the
    endpoint of the lead-in of a list this sentence is an item of ("objective responses were
    seen in:", then "8.5% of the A group."): a value naming none is of it."""
    if "\u2010" in text or "\u2011" in text:  # (AS_HYPHEN's only characters: most have none)
        text = text.translate(AS_HYPHEN)
    if "\u2013" in text or "\u2014" in text:
        text = WORD_DASH.sub("-", text)
    if "per" in text:
        text = _PERCENT_WORD.sub(as_percent_sign, text)
    if "s." in text:
        text = _GLUED_VS.sub(" ", text)
    if _FOOTNOTE_SIGN.search(text):
        # (blanked, the offsets kept: "with A + B* vs C + B*1" names A + B and C + B)
        text = _FOOTNOTE_MARK.sub(lambda m: " " * len(m.group()), text)
    masks = mask_spans(text)
    intervals = find_intervals(text)
    p_values = find_p_values(text)
    masks += [s for s, _, _ in intervals] + [(p.start, p.end) for p in p_values]
    if intervals and (ranges := _RANGE_HEADING.search(text)) is not None:
        # (masked all the same: their bounds are no values)
        intervals = [
            iv for iv in intervals if iv[1] is None or iv[1].level or iv[0][0] < ranges.end()
        ]
    # a level stated without an interval ("95% CI" heading a list) applies to the bare ones
    heading = _CI_HEADING.search(text)
    heading_level = parse_number(heading.group("lvl")) if heading else None
    if heading:
        masks.append((heading.start(), heading.end()))
    masks.sort()
    found = find_values(text, masks)
    slashed, named_at = slash_pairs(text, arms) if arms and "/" in text else ([], 0)
    if slashed:  # (in place of what was read of them: "42.9%/50%" holds two rates)
        pairs = [(f.start, f.end) for f, _ in slashed]
        found = sorted(
            [f for f in found if not any(s < f.end and f.start < e for s, e in pairs)]
            + [f for f, _ in slashed],
            key=lambda f: f.start,
        )
    facts = keep_placeholder_places(text, link_chains(text, found, masks))
    if not facts:
        return []
    mentions = endpoint_mentions(text) if mentions is None else mentions
    facts = attach_intervals(text, facts, intervals, heading_level)
    facts = [with_endpoint(text, f, mentions, context_endpoint, lead) for f in facts]
    if slashed and (named := [m for m in mentions if m[1] <= named_at]):
        for f, _ in slashed:  # (what the sentence names before the groups, where it names none)
            if f.endpoint == "OTHER" and not f.endpoint_label:
                f.endpoint, f.endpoint_label = named[-1][2], named[-1][3]
    if " for " in text and mentions:
        facts = postposed_endpoints(text, facts, mentions)
    if len(mentions) > 1 or _HEAD_ITEM_HINT.search(text):
        facts = endpoint_list_slots(text, facts, mentions)
    if len(facts) >= 4 and VERSUS_WORD.search(text):
        facts = versus_pairs(text, facts)
    facts = reclassify(text, drop_non_results(text, facts, mentions), mentions)
    facts = attach_timepoints(text, facts, mentions)
    facts = contrasted_groups(text, attach_arms(text, facts, comparison, arms or []))
    for f, group in slashed:  # (the group its slashed place names)
        f.arm, f.comparator = group, None
    if len(text) <= _LONGEST_ROLE_LINE and ("ontrol" in text or "ain" in text):
        facts = _role_labelled(text, facts)
    facts = _attach_counts(text, facts)
    if "respectively" in text.lower():
        facts = _carry_groups(facts, recent_groups)
    if p_values and _THRESHOLD_WORDS.can_match(text):
        # a significance threshold qualifies no result: "(prespecified boundary, P≤0.043)"
        p_values = [
            p for p in p_values if not _THRESHOLD.search(text, max(0, p.start - 50), p.start)
        ]
    facts = _attach_p_values(facts, p_values, text)
    for i, sub in subgroups(text, [(f.start, f.end, f.chain) for f in facts]).items():
        facts[i].subgroup = sub
    return [_possible(f) for f in facts]


# a line labelled with a role, its value right after the label, as benefit scorecards and cards
# list results: "PFS Control 4.9 months" (the control group's), "PFS Gain 2.7 months" (what the
# treatment adds to it); not "Weight gain 5% or more occurred in 10%", "Disease control 64%"
_ROLE_LABEL = re.compile(
    r"^\W*(?:[\w-]+\s+){0,3}?(?P<role>(?<!disease )control|(?<!weight )gain)\s*:?\s+(?=\d)",
    re.IGNORECASE,
)
_LONGEST_ROLE_LINE = 50  # (a card's line: a label and its value)


def _role_labelled(text: str, facts: list[Fact]) -> list[Fact]:
    """The values of a line whose label names a role: a control's are the control group's, a
    gain's are differences."""
    m = _ROLE_LABEL.match(text)
    if m is None:
        return facts
    control = m.group("role").lower() == "control"
    for f in facts:
        if f.measure not in ("median", "rate") or f.arm is not None:
            continue
        if control:
            f.arm = "control"
        else:
            f.measure = "difference"
    return facts


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
        if f.measure not in COMPARED_MEASURES:
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
        if any(f.measure in COMPARED_MEASURES for f in members):
            continue
        groups = listed_groups([f for f in facts if f.end <= members[0].start]) or recent
        if len(groups) == len(members):
            for f, group in zip(members, groups, strict=True):
                f.arm = group
    return facts


# what stands between a p-value and the ratio right after it that it qualifies: "p<0.0001, HR
# 0.21", "(P = .03; hazard ratio [HR], 0.74"
_TO_THE_RATIO = re.compile(
    r"\s*[,;]?\s*(?:and\s+)?(?:an?\s+|the\s+)?(?:adjusted\s+)?"
    r"(?:a?HR|hazard\s+ratio|OR|odds\s+ratio)(?:\s*\[(?:a?HR|OR)\])?\s*(?:[:=,]|was|of)?\s*$",
    re.IGNORECASE,
)


def _ratio_right_after(
    facts: list[Fact], p_values: list[PValue], p: PValue, text: str
) -> int | None:
    """The index of the ratio right after a p-value (only its name between them) that no p-value
    of its own follows, or None."""
    after = [i for i, f in enumerate(facts) if f.start >= p.end]
    if not after:
        return None
    i = after[0]
    f = facts[i]
    if f.measure not in RATIOS or f.p is not None or not _TO_THE_RATIO.match(text[p.end : f.start]):
        return None
    following = [i for i, g in enumerate(facts) if g.start >= f.end]
    until = facts[following[0]].start if following else len(text)
    if any(f.end <= q.start < until for q in p_values):
        return None
    return i


def _attach_p_values(facts: list[Fact], p_values: list[PValue], text: str = "") -> list[Fact]:
    """A p-value qualifies the comparison it follows: the ratio before it if any, otherwise the
    first value (the experimental group) of the list it closes, or the second of a change from
    one value to another ("increased from 72% to 93% (P < .001)")."""
    out = facts
    used: set[int] = set()
    for p in p_values:
        ratio = _ratio_right_after(out, p_values, p, text) if text else None
        if ratio is not None:  # ("8.4 months in the control group, p<0.0001, HR 0.21")
            out[ratio].p = p
            continue
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
        ratios = [i for i in before if out[i].measure in RATIOS]
        last = before[-1]
        target = (
            ratios[-1]
            if ratios and ratios[-1] >= min(i for i in before if out[i].chain == out[last].chain)
            else None
        )
        if target is None:
            target = next(i for i in before if out[i].chain == out[last].chain)
            pair = [i for i in before if out[i].chain == out[target].chain]
            if len(pair) == 2 and from_to(
                text, out[pair[0]].start, out[pair[0]].end, out[pair[1]].start
            ):
                target = pair[1]
        if out[target].p is None:
            out[target].p = p
            used.update(i for i in before if out[i].chain == out[target].chain)
    return out
