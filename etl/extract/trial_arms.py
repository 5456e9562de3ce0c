"""Sentences → the groups a study assigned patients to, with their sizes (etl.extract.record_arms
makes the staging ``trial_arms`` of them, record by record).

Read from the statements that give sizes, in any of their usual shapes:
- "randomized to STRIDE (n = 393), durvalumab (n = 389), or sorafenib (n = 389)";
- "573 were enrolled and randomised (379 to regorafenib and 194 to placebo)";
- "Eighty sorafenib-naive and 154 sorafenib-experienced patients were treated";
- "300 patients were randomised to A and 298 to B", "300 women were assigned to A, and 150 were
  assigned to B";
- "200 were randomly assigned to receive either A (150 patients) or B (50 patients)";
- a total broken down in brackets: "400 patients (A, n=200; B, n=200) were included", "300 pts
  (A: 150; B: 150)", "Four hundred twelve patients (C1 = 300; C2 = 112)";
- groups named as arms where results are given: "in the A arm (n = 600) compared to ... in the B
  arm (n = 300)", "in the A (n = 400) and B (n = 401) arms".
A list needs at least two sized groups, so a subgroup aside ("survivors with X (n = 103)") is not
an arm. A record that lists none may size its arms one sentence at a time ("Twenty patients were
randomized to 250 mg", "Among 40 patients on the 750 mg arm"). A group is named as
etl.extract.group_labels names it ("A at 10 mg once daily plus B" → "A plus B"; a group named by
its dose alone keeps the dose). Single-arm studies get their one arm in dbt, from the enrolment
and the agent given.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from itertools import pairwise

from etl.extract.group_labels import (
    DROP_BRACKETS,
    WITH_OR_WITHOUT,
    group_label,
    simplify,
    with_or_without,
)
from etl.extract.numbers import NUM, WORD_NUMBER, parse_word_number
from etl.extract.phrases import DOSE_UNIT, GROUP_NAME, is_generic
from etl.regex_prefilter import Prefiltered

_ASSIGNING = Prefiltered(
    re.compile(
        r"randomi[sz]|randomly|assigned|allocated|divided|enrolled|treated|received|included|comparing"
        r"|given|administered",
        re.IGNORECASE,
    )
)
_LEAD = re.compile(
    r"^(?:(?:to|or|and|receive|receiving|either|the|a|an|into|of|with)\s+)+", re.IGNORECASE
)
# where a result is given for a group, the group after it: "70% in the A arm (n = 600)"
_IN_THE = re.compile(r"^(?:.*\s)?(?:in|among|on)\s+the\s+", re.IGNORECASE)
# The size of a group: "(n = 393)", "(150 patients)".
# (after what the bracket says of the group first: "(1500 mg daily; n=338)", "(A-B, n = 216)";
# never after another size: "(A, n=200; B, n=200)" breaks a total down)
# (a PDF's text may print "=" as "5": "(n 5 260)")
_SIZE = r"\((?:[^()=]{0,40}?[;,]\s*)?\s*(?:n\s*(?:=|\s5\s)\s*(?P<n>\d+)|(?P<people>\d+)\s+(?:patients|pts|participants|subjects))\s*\)"
# The label of a size is the phrase since the previous list delimiter (comma, or, and, to, ':').
_N_EQUALS = re.compile(
    r"(?:^|[,;:()]|\b(?:to|or|and|into|versus|vs\.?)\b)\s*"
    r"(?P<label>(?:(?!\b(?:to|or|and|into|versus|vs)\b)[^,;:()]){1,120}?)\s*" + _SIZE,
    re.IGNORECASE,
)
_GROUP_SUFFIX = re.compile(r"\s+(?:groups?|arms?)$", re.IGNORECASE)
_N_SIZE = re.compile(_SIZE, re.IGNORECASE)
# Groups named as arms where no assignment is told: each label ends with "arm" ("in the A arm
# (n = 600)"), or the list is followed by "arms" ("in the A (n = 400) and B (n = 401) arms").
_ARM_WORD = Prefiltered(re.compile(r"\b(?:arms?|groups?|cohorts?)\b", re.IGNORECASE))
_NAMED_AS_ARM = re.compile(r"\b(?:arm|group|cohort)\s*$", re.IGNORECASE)
_ARMS_AFTER = re.compile(r"\s*(?:arms|groups|cohorts)\b", re.IGNORECASE)


def _n_equals(text: str) -> list[re.Match[str]]:
    """_N_EQUALS.finditer(text), matched only where a match can start: it ends with "(n = N)"
    and its label holds no delimiter, so it starts at the last delimiter before that "(n = N)"
    (or at the start of the text, when there is none): the engine would otherwise try the label's
    lazy loop from every place of the sentence."""
    found, pos = [], 0
    for size in _N_SIZE.finditer(text):
        if size.start() < pos:
            continue
        last = _LAST_DELIMITER.match(text, pos, size.start())
        if last is None and pos > 0 and text[pos : size.start()].lstrip().startswith("of "):
            break  # ("B (n = 126) of A1 (n = 103), ...": the rest are the options B was made of)
        if last is None and pos > 0:
            continue
        m = _N_EQUALS.match(text, last.start("d") if last else 0, size.end())
        if m is not None:
            found.append(m)
            pos = m.end()
    return found


# The last delimiter before a place: its greedy lead runs to that place and gives back one
# character at a time, so that the text is read back from there, not from its start. (No two
# delimiters overlap, a sign or a whole word each: the last place one matches is where the last
# of a left-to-right scan's matches starts.)
_LAST_DELIMITER = re.compile(
    r"(?s:.*)(?P<d>[,;:()]|\b(?:to|or|and|into|versus|vs)\b)", re.IGNORECASE
)
_VERSUS_BETWEEN = re.compile(r"\s+(?:versus|vs\.?)\s+", re.IGNORECASE)
# sized alternatives: "A (n=651) or B (n=654)" (not "with (n = 206) or without (n = 204)")
_OR_BETWEEN = re.compile(r"\s+or\s+(?!without\b)", re.IGNORECASE)
# where a "versus" list of groups opens: "comparing", "randomized to", "to receive", ":"
_LIST_OPENING = re.compile(
    r"\b(?:comparing|compared|randomi[sz]ed\s+to|assigned\s+to|allocated\s+to|to\s+receive|between)\s+|:\s*",
    re.IGNORECASE,
)
_ASSIGNED = r"(?:were|was)\s+(?:randomly\s+)?(?:randomi[sz]ed|assigned|allocated)\s+"
# "379 to regorafenib and 194 to placebo", "300 patients were randomised to A and 298 to B",
# "300 women were randomly assigned to A, and 150 were assigned to B", "261 patients were
# assigned to receive A 5.4 mg/kg ... and 263 ... to receive B", "... to receive treatment with A"
_N_TO = re.compile(
    rf"\b(?P<n>\d+)\s+(?:(?:[\w-]+\s+){{0,3}}?{_ASSIGNED})?to\s+"
    rf"(?:receive\s+)?(?:(?:treatment|therapy)\s+with\s+)?(?P<label>{GROUP_NAME})"
    rf"(?=\s*(?:,|;|\(|\)|and\b|or\b|\.(?:\s|$)|$)|\s+{NUM}\s*{DOSE_UNIT}\b)"
)
_DOSE_START = re.compile(
    rf"\s+(?:at\s+)?{NUM}\s*{DOSE_UNIT}\b|\s+at\s+(?:an?\s+)?(?:daily\s+)?doses?\b",
    re.IGNORECASE,
)
# "Eighty A-naive and 154 A-experienced patients", "(88 A+B vs 44 B-alone)" (the second only
# as a whole bracket)
_COUNT_LABEL = re.compile(
    rf"(?P<n>\d+|{WORD_NUMBER})\s+(?P<label>[A-Za-z][\w+/-]*(?:-[\w]+)?)"
    rf"\s+(?:and|vs\.?|versus)\s+(?P<n2>\d+|{WORD_NUMBER})\s+(?P<label2>[A-Za-z][\w+/-]*)"
    r"(?:\s+(?:patients|participants)\b|\s*\))",
    re.IGNORECASE,
)


# the people counted or assigned
PEOPLE = r"(?:patients|pts|participants|subjects|women|men|adults|children)"
# who was given the group, before it: "Participating patients received A (n = 111)"
_SUBJECT_VERB = re.compile(
    rf"^.*?\b{PEOPLE}\s+(?:were\s+)?"
    r"(?:received|receiving|given|treated\s+with)\s+",
    re.IGNORECASE,
)


_LETTER = re.compile(r"[^\W\d_]")
# a result given before its group: "(A (n = 188) was 2.8 months vs) 2.1 months with B (n = 97)",
# "mOS was 12.1 months with A (n=235)"
_VALUE_FOR = re.compile(
    rf"(?<![\w.]){NUM}\s*(?:%|months?|mo|weeks?|years?)\s+(?:with|in|for|on|among)\s+(?:the\s+)?",
    re.IGNORECASE,
)


# a result named before its group: "The median PFS with A (n = 188)", "Median OS in the B arm"
_RESULT_FOR = re.compile(
    r"^(?:the\s+)?(?:median|mean)\s+(?:[\w-]+\s+){1,4}?(?:with|in|for|on|among)\s+(?:the\s+)?",
    re.IGNORECASE,
)


# what qualifies a group's description after its name: "investigator-choice chemotherapy with
# optional maintenance for nonsquamous histology (n=151)" is the group "investigator-choice
# chemotherapy" (asked only when the whole description is no group's name)
_OPTIONAL = re.compile(r"\s+with\s+optional\b.*$", re.IGNORECASE | re.DOTALL)
_QUALIFIED = re.compile(r"\s+(?:for|in|among|as|until|according\s+to)\s", re.IGNORECASE)


@functools.lru_cache(maxsize=4096)
def _label(raw: str) -> str | None:
    """The group a phrase before a size names: as group_label names it ("received up to 6 cycles
    of A+B" → "A+B", "A at 10 mg once daily plus B at 300 mg" → "A plus B"), else the phrase
    up to its dose ("250 mg" stays: a group named by its dose); a description too long to be a
    name, its head before what qualifies it."""
    label = _IN_THE.sub("", _LEAD.sub("", _SUBJECT_VERB.sub("", raw.strip()))).strip(" ,;:")
    if (value := _VALUE_FOR.search(label)) is not None:
        label = label[value.end() :]
    elif _RESULT_FOR.match(label):
        label = _RESULT_FOR.sub("", label)
    label = _OPTIONAL.sub("", label)
    named = group_label(simplify(label)) or group_label(simplify(_QUALIFIED.split(label, 1)[0]))
    if named:
        return named if len(named) <= 60 else None
    # "sorafenib 400 mg twice daily (n = 150)": the group is the agent; its dose is read apart
    dose = _DOSE_START.search(label)
    label = label[: dose.start()].strip(" ,;:") if dose else label
    label = _GROUP_SUFFIX.sub("", label)
    if not label or is_generic(label) or len(label) > 60 or not _LETTER.search(label):
        return None  # (a group is named in words: "10.7–14.0)" is what an interval left)
    return label


def _size(raw: str) -> int | None:
    try:
        return int(raw) if raw.isdigit() else parse_word_number(raw)
    except ValueError:
        return None


_NAMED_BY_ID = re.compile(
    r"^(?P<head>group|arm|cohort)s?\s+(?P<id>[IVX]+|[A-Z]|\d+)$", re.IGNORECASE
)
_BARE_ID = re.compile(r"^(?:[IVX]+|[A-Z]|\d+)$")


def _ids_named(found: list[tuple[str, int, int, int]]) -> list[tuple[str, int, int, int]]:
    """ "Groups I (n = 52) ...; II (n = 58) ...; and III (n = 46)": Group I, Group II, Group III."""
    first = _NAMED_BY_ID.match(found[0][0])
    if not first or not all(_BARE_ID.match(label) for label, *_ in found[1:]):
        return found
    head = first.group("head").capitalize()
    ids = [first.group("id"), *(label for label, *_ in found[1:])]
    return [(f"{head} {i}", *rest) for i, (_, *rest) in zip(ids, found, strict=True)]


def _size_of(m: re.Match[str]) -> int | None:
    return _size(m.group("n") or m.group("people"))


def assigned_to(text: str, start: int) -> bool:
    """Whether the count at ``start`` is assigned to a group: "300 patients were randomised to
    A (and 298 to B)"."""
    return _N_TO.match(text, start) is not None


def _sized(matches: Iterable[re.Match[str]]) -> list[tuple[str, int, int, int]]:
    return [
        (label, n, m.start(), m.end())
        for m in matches
        if (label := _label(m.group("label"))) is not None and (n := _size_of(m)) is not None
    ]


def _as_arms(text: str) -> list[tuple[str, int, int, int]]:
    """Sized groups named as arms, in a sentence that tells no assignment ("the rate was 86% in
    the A arm (n = 600) and 81% in the B arm (n = 300)")."""
    matches = _n_equals(text)
    if len(matches) < 2:
        return []
    named = all(_NAMED_AS_ARM.search(m.group("label")) for m in matches)
    return _sized(matches) if named or _ARMS_AFTER.match(text, matches[-1].end()) else []


# A total broken down in brackets: "400 patients (A, n=200; B, n=200)", "300 pts (A: 150; B:
# 150)", "Four hundred twelve patients (C1 = 300; C2 = 112)".
# a count in words: "Fifteen", "Five hundred eighteen", "One hundred and two"
WORD_COUNT = rf"(?!hundred\b){WORD_NUMBER}(?:\s+hundred(?:\s+(?:and\s+)?{WORD_NUMBER})?)?"
_TOTAL = rf"\d[\d,]*|{WORD_COUNT}"
# (found from its bracket, the total then read back from it: the total's pattern is dear to try
# at every word)
_BRACKETED_LIST = re.compile(r"\((?P<items>[^();]{1,80}(?:;[^();]{1,80})+)\)")
_TOTAL_BEFORE = re.compile(
    rf"(?<![\w.-])(?P<total>{_TOTAL})\s+(?:[\w-]+\s+){{0,3}}?{PEOPLE}"
    r"(?:\s+(?:(?:were|was)\s+)?(?:randomly\s+assigned|randomi[sz]ed|enrolled|included|treated))?\s*\Z",
    re.IGNORECASE,
)
_ITEM = re.compile(
    r"\s*(?P<label>[^,:=;]{1,60}?)\s*(?P<sep>,\s*n\s*=|:|=)\s*(?P<n>\d+)\s*", re.IGNORECASE
)


def parse_count(raw: str) -> int | None:
    """A count as written: "400", "1,171", "Fifteen", "Four hundred twelve" (None if not)."""
    if raw[0].isdigit():
        return int(raw.replace(",", "")) if raw.replace(",", "").isdigit() else None
    hundreds, hundred, rest = raw.lower().partition("hundred")
    try:
        if not hundred:
            return parse_word_number(raw)
        rest = rest.strip().removeprefix("and").strip()
        return parse_word_number(hundreds) * 100 + (parse_word_number(rest) if rest else 0)
    except ValueError:
        return None


def _breakdown(text: str, assigning: bool) -> list[tuple[str, int, int, int]]:
    """The groups a bracket breaks a total down into: when their sizes add up to the total, or
    when they are written as sizes ("A, n=200") in a sentence that tells an assignment."""
    for m in _BRACKETED_LIST.finditer(text):
        items = [_ITEM.fullmatch(item) for item in m.group("items").split(";")]
        if not all(items):
            continue
        before = _TOTAL_BEFORE.search(text, max(0, m.start() - 100), m.start())
        if before is None:
            continue
        found = [
            (label, int(item.group("n")), before.start(), m.end())
            for item in items
            if item and (label := _label(item.group("label"))) is not None
        ]
        if len(found) < len(items):
            continue
        adds_up = sum(n for _, n, _, _ in found) == parse_count(before.group("total"))
        written_as_sizes = all(item and item.group("sep") != ":" for item in items)
        if adds_up or (assigning and written_as_sizes and "n" in m.group("items").lower()):
            return found
    return []


def sized_groups(text: str) -> list[tuple[str, int, int, int]]:
    """(label, n, start, end) of each sized group a sentence lists; [] unless it lists two or more."""
    return _sized_groups(text, _ASSIGNING.search(text) is not None)


def versus_sized_groups(text: str) -> list[tuple[str, int, int, int]]:
    """The sized groups of a "versus" list, whatever the sentence's verb, or []: "Design: A (n=300)
    vs. B (n=300) vs. C (n=300)" (a summary's line). The record context takes a record's groups
    from it; the staging of arms does not (a sentence that assigns no one may list results)."""
    if not _VERSUS_BETWEEN.search(text):
        return []
    found = _versus_sized(text, _VERSUS_BETWEEN)
    return found if len(found) >= 2 else []


def alternative_sized_groups(text: str) -> list[tuple[str, int, int, int]]:
    """The sized groups of a list of alternatives, or []: a summary's "A (n=651) or B (n=654)
    with C", which the record context takes a record's groups from when nothing assigns them."""
    if not _OR_BETWEEN.search(text):
        return []
    found = _versus_sized(text, _OR_BETWEEN)
    return found if len(found) >= 2 else []


def _versus_sized(text: str, between: re.Pattern[str]) -> list[tuple[str, int, int, int]]:
    """ "comparing chemotherapy plus A (1500 mg daily; n=338) versus chemotherapy plus A and B
    (75 mg; n=338) versus chemotherapy alone (n=337)": sized groups a "versus" list separates,
    each the whole phrase between two "versus" (its asides in brackets dropped), so that "and"
    and brackets inside a group's name do not cut it."""
    sizes = list(_N_SIZE.finditer(text))
    if len(sizes) < 2 or not all(
        between.search(text, a.end(), b.start()) for a, b in pairwise(sizes)
    ):
        return []
    # (not a colon inside a bracket still open: "A (95% CI: 10.7-14.0) (n=235)")
    opening = [
        m
        for m in _LIST_OPENING.finditer(text, 0, sizes[0].start())
        if text.count("(", m.end(), sizes[0].start()) >= text.count(")", m.end(), sizes[0].start())
    ]
    start = opening[-1].end() if opening else 0
    found, cursor = [], start
    for size in sizes:
        phrase = text[cursor : size.start()]
        cut = list(between.finditer(phrase))
        label_start = cursor + (cut[-1].end() if cut else 0)
        if value := _VALUE_FOR.search(text, label_start, size.start()):
            label_start = value.end()  # (the group starts after the value given it)
        label = _label(DROP_BRACKETS.sub("", text[label_start : size.start()]))
        n = _size_of(size)
        if label is None or n is None:
            return []
        found.append((label, n, label_start, size.end()))
        cursor = size.end()
    return found


# "A was given to 92 patients and B to 62 others"
_GIVEN_TO = re.compile(
    rf"(?P<label>{GROUP_NAME})\s+(?:was|were)\s+(?:given|administered)\s+to\s+"
    rf"(?P<n>\d+)\s+(?:{PEOPLE}|individuals)\s*,?\s+and\s+(?:an?\s+|the\s+)?"
    rf"(?P<label2>{GROUP_NAME})\s+to\s+(?P<n2>\d+)\b",
    re.IGNORECASE,
)


# "of whom 228 received A and 220 received B"
_EACH_RECEIVED = re.compile(
    rf"\bof\s+(?:whom|these|them)[,:]?\s+(?P<n>\d+)\s+(?:{PEOPLE}\s+)?received\s+(?P<label>{GROUP_NAME})\s*,?\s+and\s+"
    rf"(?P<n2>\d+)\s+(?:{PEOPLE}\s+)?received\s+(?P<label2>{GROUP_NAME})(?=\s*(?:[,;.)]|$))",
    re.IGNORECASE,
)


# what may stand around a line that is only a "versus" list of sized groups: a heading's label
# before it ("Design:", "Arms -"), punctuation after it
_LIST_LEAD = re.compile(r"^(?:[^.;:]{0,30}[:\-–]\s*)?$")
_LIST_TAIL = re.compile(r"^[\s.;,|]*$")
_VERSUS_ONLY = re.compile(r"\s*(?:versus|vs\.?)\s*$", re.IGNORECASE)


def _only_the_list(text: str, found: list[tuple[str, int, int, int]]) -> bool:
    """Whether ``text`` is the "versus" list of ``found`` and nothing more: each group a clean
    name, nothing but "versus" between a size and the next group."""
    return bool(
        _LIST_LEAD.match(text[: found[0][2]].strip())
        and _LIST_TAIL.match(text[found[-1][3] :])
        and all(group_label(label) for label, *_ in found)
        and all(_VERSUS_ONLY.match(text, a[3], b[2]) for a, b in pairwise(found))
    )


# an abbreviation inside a group's name, with more of the name after it: "standard of care (SOC)
# treatment (n=248)", "A every 2 weeks (Q2W) + placebo (n = 210)" (read as spaces, offsets kept:
# a bracket would end the name before it)
_INNER_ABBREVIATION = re.compile(r"\((?-i:[A-Za-z][A-Za-z0-9+/-]{0,9})\)(?=\s+(?:[A-Za-z]|\+))")


def _sized_groups(text: str, assigning: bool) -> list[tuple[str, int, int, int]]:
    if "(" in text:
        text = _INNER_ABBREVIATION.sub(lambda m: " " * len(m.group()), text)
    # (in a sentence that assigns no one, only a line that is the list and nothing else: "A
    # (n=406) vs. B (n=202)"; elsewhere a list of results by subgroup)
    if (found := versus_sized_groups(text)) and (assigning or _only_the_list(text, found)):
        return found
    if assigning and " without " in text and (found := _with_or_without(text)):
        return found
    if assigning and (found := _bracket_list(text)):
        return found
    if assigning and " n" in text and (found := unbracketed_breakdown(text)):
        return found
    if assigning:
        for finder in (_n_equals, _N_TO.finditer):
            found = _sized(finder(text))
            if len(found) >= 2:
                return _ids_named(found)
        m = _COUNT_LABEL.search(text)
        if m and m.group().endswith(")") and not text[: m.start()].endswith("("):
            m = None
        if m is None:
            m = _GIVEN_TO.search(text) or _EACH_RECEIVED.search(text)
        if m:
            pairs = [(m.group("label"), m.group("n")), (m.group("label2"), m.group("n2"))]
            found = [
                (label, n, m.start(), m.end())
                for raw_label, raw_n in pairs
                if (label := _label(raw_label)) is not None and (n := _size(raw_n)) is not None
            ]
            if len(found) == 2:
                return found
    elif _ARM_WORD.search(text):
        found = _as_arms(text)
        if len(found) >= 2:
            return found
    return []


_RANDOMISED_BEFORE = re.compile(
    r"\b(?:randomi[sz]ed|randomly\s+assigned|allocated)\b[^()]{0,40}$", re.IGNORECASE
)


def _bracket_list(text: str) -> list[tuple[str, int, int, int]]:
    """The groups a bracket breaks the randomised total down into, each with its size: "535
    patients were randomized (A-B, n = 179; A, n = 179; C-B, n = 177)" (_breakdown); only right
    after the randomisation (elsewhere such a bracket may break a total down otherwise, "400
    patients enrolled (men, n = 200; women, n = 200)"). A record's groups so named are named by
    their own part too (etl.extract.context: "A" of "A + chemo")."""
    found = _breakdown(text, True) if "(" in text and ";" in text else []
    if not found:
        return []
    start, end = found[0][2], found[0][3]
    opened = text.rfind("(", start, end)
    return found if _RANDOMISED_BEFORE.search(text, start, opened) else []


# a group and its size without brackets, in a list: "103 evaluable patients, A n = 54, B n = 49"
_UNBRACKETED_SIZE = re.compile(
    r"(?:^|[,;:])\s*(?:and\s+)?(?P<label>[^,;:()=]{1,40}?)\s+[nN]\s*=\s*(?P<n>\d{1,5})"
    r"(?=\s*(?:[,;.)]|\band\b|$))"
)
# who patients are, not what they were given: a breakdown by these is no groups' ("men n = 50")
_POPULATION_WORD = re.compile(
    r"\b(?:men|women|males?|females?|stages?|grades?|age[ds]?|years?|positive|negative|high|low"
    r"|ECOG|risk|PD-?L1|wild[- ]type|mutant|mutated|amplified)\b",
    re.IGNORECASE,
)
# (a total of patients anywhere before the list: _TOTAL_BEFORE's parts, unanchored)
_TOTAL_OF_PEOPLE = re.compile(
    rf"(?<![\w.-])(?P<total>{_TOTAL})\s+(?:[\w-]+\s+){{0,3}}?{PEOPLE}\b", re.IGNORECASE
)


def unbracketed_breakdown(text: str) -> list[tuple[str, int, int, int]]:
    """The sized groups a total is broken down into without brackets, their sizes adding up to
    it: "enrolled 103 evaluable patients, A n = 54, B n = 49" (a list whose sizes do not add up
    to a total before it is not read, nor one by who the patients are: "men n = 50, women n =
    53" breaks the total down otherwise)."""
    found = [
        (label, int(m["n"]), m.start(), m.end())
        for m in _UNBRACKETED_SIZE.finditer(text)
        if (label := _label(m["label"])) is not None
    ]
    if len(found) < 2 or any(_POPULATION_WORD.search(label) for label, *_ in found):
        return []
    totals = {parse_count(m["total"]) for m in _TOTAL_OF_PEOPLE.finditer(text, 0, found[0][2])}
    return found if sum(n for _, n, *_ in found) in totals else []


def _with_or_without(text: str) -> list[tuple[str, int, int, int]]:
    """ "... with (n = 206) or without (n = 204) drug C": the agent's group and the one without
    it, each with its size (its bracket read as every group's size is, _N_SIZE)."""
    m = WITH_OR_WITHOUT.search(text)
    if m is None or m["n"] is None or m["n2"] is None:
        return []
    # (each group's bracket opens right before what WITH_OR_WITHOUT read inside it)
    sizes = [_N_SIZE.match(text, m.start(g) - 1) for g in ("n", "n2")]
    counts = [_size_of(size) if size else None for size in sizes]
    labels = with_or_without(m["agent"])
    if not labels or None in counts:
        return []
    return [(label, n, m.start(), m.end()) for label, n in zip(labels, counts, strict=True)]


# what says one size is each group's: "(N were randomly assigned) into each arm" (read by
# etl.extract.record_arms for the sizes, by etl.extract.trial_facts to read no enrolment from it)
TO_EACH_GROUP = r"\s+(?:in)?to\s+each\s+(?:arm|group|cohort)\b"


def assigns(text: str) -> bool:
    """Whether a sentence tells how patients were assigned or treated (its lists are arms)."""
    return _ASSIGNING.search(text) is not None


def stated_groups(text: str, assigning: bool | None = None) -> list[tuple[str, int, int, int]]:
    """sized_groups, or the groups a bracket breaks a total down into (``assigning``: assigns(text),
    when already known). (The record context reads a record's groups from sized_groups alone,
    which takes a breakdown only right after the randomisation, _bracket_list: a breakdown names
    the groups as results name them, "A + chemo", and the context names them by "A" too.)"""
    return _stated_groups(text, assigns(text) if assigning is None else assigning)


def _stated_groups(text: str, assigning: bool) -> list[tuple[str, int, int, int]]:
    if found := _sized_groups(text, assigning):
        return found
    return _breakdown(text, assigning) if "(" in text and ";" in text else []


# One arm sized in a sentence of its own: "Twenty patients were randomized to 250 mg", "Among 40
# patients on the 750 mg arm" (a group named by its dose, or named as an arm). Found from the
# verb or "among", the count then read back or on (the count's pattern is dear to try at every
# word).
_DOSE_NAME = rf"{NUM}\s*(?:mg|g|µg|μg|mcg|iu|gy)(?:/(?:m2|m²|kg))?"
_ASSIGNED_TO_ONE = Prefiltered(
    re.compile(
        rf"{_ASSIGNED}to\s+(?:receive\s+)?(?:the\s+)?"
        rf"(?P<label>{_DOSE_NAME}(?=[\s,.;)])|{GROUP_NAME}\s+(?:arm|group|cohort)\b)",
        re.IGNORECASE,
    )
)
_COUNT_BEFORE = re.compile(
    rf"(?<![\w-])(?P<n>\d+|{WORD_COUNT})\s+(?:[\w-]+\s+){{0,2}}?(?:{PEOPLE}\s+)?\Z",
    re.IGNORECASE,
)
_AMONG_ON_ARM = Prefiltered(
    re.compile(
        rf"\b(?:among|of)\s+(?:the\s+)?(?P<n>\d+|{WORD_COUNT})\s+{PEOPLE}\s+"
        r"(?:on|in|assigned\s+to|randomi[sz]ed\s+to|receiving)\s+(?:the\s+)?"
        rf"(?P<label>{_DOSE_NAME}|{GROUP_NAME})\s+(?:arm|group|cohort)\b",
        re.IGNORECASE,
    )
)


# a card's line that opens with a group's size: "N=303 A plus B (A 3 mg/kg ...)."
_SIZE_FIRST = re.compile(r"^\s*n\s*=\s*(?P<n>\d+)\s+(?P<label>[^()\[\].;:]{1,80})", re.IGNORECASE)


def one_sized_group(text: str, assigning: bool | None = None) -> tuple[str, int, int, int] | None:
    """(label, n, start, end) of the one arm a sentence sizes, or None."""
    return _one_sized_group(text, assigns(text) if assigning is None else assigning)


def _one_sized_group(text: str, assigning: bool) -> tuple[str, int, int, int] | None:
    for m in _ASSIGNED_TO_ONE.finditer(text) if assigning else ():
        count = _COUNT_BEFORE.search(text, max(0, m.start() - 60), m.start())
        if count and (label := _label(m.group("label"))) and (n := parse_count(count.group("n"))):
            return label, n, count.start(), m.end()
    for m in _AMONG_ON_ARM.finditer(text):
        if (label := _label(m.group("label"))) and (n := parse_count(m.group("n"))):
            return label, n, m.start(), m.end()
    m = _SIZE_FIRST.match(text)
    if m and (label := group_label(simplify(m.group("label")))):
        return label, int(m.group("n")), m.start(), m.end()
    return None
