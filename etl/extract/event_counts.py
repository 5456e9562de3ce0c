"""Counts of events by group, the numbers a survival analysis is made of: "13 deaths in the A
group and 22 in the B group", "88 progressions or deaths in the A arm", "45 OS events with A vs
60 with B", "67 and 74 patients died in the A and B arms, respectively", "death had occurred in
229 patients in the A group".

A count of deaths is of overall survival, one of progressions or deaths of progression-free
survival, one of events named by an endpoint ("EFS events") of that endpoint. A count is read
with the words that say what was counted (its span ends after them, so that a list "13 deaths in
the A group and 22 in the B group" joins its second, bare number to it), and is a result only
where it is a group's (of_groups): a total ("a total of 131 deaths had occurred") measures how
mature an analysis is, and a count stated with its share ("120 deaths (40%)") is that share's.
Deaths from a named cause ("2 deaths due to sepsis", "one patient died of pneumonia") are
adverse events, not counted here.
"""

from __future__ import annotations

import re

from etl.extract.facts import Fact, Span, in_masks, make_fact
from etl.extract.numbers import NUM, WORD_NUMBER, parse_number, parse_word_number
from etl.extract.value_endpoints import compares_times
from etl.regex_prefilter import Prefiltered
from etl.vocab.codes import code
from etl.vocab.endpoints import endpoint_mentions

_OS, _PFS = code("endpoint", "OS"), code("endpoint", "PFS")
# a count in digits (not part of a longer number), written to start with a digit so that the
# engine skips to the digits of a sentence (deaths counted in words are rare in results)
_COUNTED = r"(?P<n>\d(?<![\w.·,/-].)\d{0,4}(?![\d.·,]\d))"
# a cause named after the deaths: an adverse event's
_CAUSE = r"(?:of|from|due\s+to|because\s+of|attributed\s+to|related\s+to|caused\s+by|considered)\b(?!\s+any\b)"
_EVENTS = Prefiltered(
    re.compile(
        rf"{_COUNTED}\s+(?:"
        # progressions or deaths, however qualified: "23 centrally confirmed disease progressions or deaths"
        r"(?P<pd>(?:[\w-]+\s+){0,3}?progressions?(?:\s+events?)?\s+or\s+deaths?(?:\s+events?)?"
        r"|(?:disease\s+)?progression\s+events?)"
        # (with the verb that places them in their group: "14 deaths occurred in the A group and
        # 26 in the B group")
        rf"|(?P<deaths>deaths?(?:\s+(?:had\s+)?(?:occurred|(?:were|was)\s+(?:reported|observed|recorded))"
        r"(?=\s+(?:in|among)\s))?)"
        rf"(?!\s+(?:(?:were|was)\s+)?{_CAUSE})"
        # events named by their endpoint: "45 OS events", "31 EFS events"
        r"|(?P<named>[A-Za-z][\w-]*(?:\s+[\w-]+){0,2}?)\s+events?\b"
        # patients who died: "67 and 74 patients died", "120 had died"
        rf"|(?:(?:patients?|participants|subjects)\s+)?(?:had\s+)?(?P<died>died)\b(?!\s+{_CAUSE})"
        r")",
        re.IGNORECASE,
    )
)
# "death had occurred in 229 patients", "deaths were reported in 13 patients"
_DEATHS_IN = Prefiltered(
    re.compile(
        r"\bdeaths?\s+(?:had\s+)?(?:occurred|(?:was|were)\s+(?:reported|observed|recorded))\s+in\s+"
        rf"(?P<n>\d{{1,5}}(?![\d.·,]\d)|{WORD_NUMBER})(?:\s+(?:patients?|participants|subjects))?",
        re.IGNORECASE,
    )
)
# the groups between the counts and the verb: "56 patients in the A group and 69 in the B group
# had died", "... had disease progression or had died"
_GROUP = r"(?:in|with|receiving|on)\s+(?:the\s+)?[^.;,()]{1,50}?\s+(?:group|arm|cohort)s?"
_GROUPS_THEN_DIED = Prefiltered(
    re.compile(
        rf"{_COUNTED}\s+(?:patients?|participants|subjects)\s+{_GROUP}\s+and\s+"
        rf"(?P<n2>\d{{1,5}}(?![\d.·,]\d))\s+(?:patients?\s+)?{_GROUP}\s+"
        r"(?:(?P<pd>had\s+(?:disease\s+)?progress(?:ion|ed)\s+or\s+(?:had\s+)?died)|(?:had\s+)?died)\b"
        rf"(?!\s+{_CAUSE})",
        re.IGNORECASE,
    )
)
# a total: "405 OS events had occurred and ..." (not "... had occurred in the A group")
_OCCURRED_IN_ALL = re.compile(
    r"\s+(?:had\s+)?(?:occurred|been\s+(?:reported|observed))\b(?!\s+(?:in|among|with)\s)",
    re.IGNORECASE,
)
# a count stated with its share: the share is the result ("120 deaths (40%)", "120 deaths had
# occurred among 300 patients (40.0%)")
_WITH_SHARE = re.compile(
    rf"(?:\s+(?:(?:had\s+)?occurred\s+)?(?:among|of|in)\s+(?:the\s+)?{NUM}\s+(?:\w+\s+){{0,2}}?)?"
    rf"\s*[(\[]\s*{NUM}\s*%",
    re.IGNORECASE,
)


def event_counts(text: str, masks: list[Span]) -> list[Fact]:
    """The counts of events of a sentence, each with the endpoint it counts events of, marked
    ``event`` (of_groups keeps those of a group)."""
    found: list[Fact] = []
    for m in _EVENTS.finditer(text):
        endpoint = _endpoint(m)
        if endpoint is not None and _counted(text, m, masks):
            found.append(_fact(m, endpoint))
    for m in _DEATHS_IN.finditer(text):
        if _counted(text, m, masks):
            found.append(_fact(m, (_OS, "deaths")))
    for m in _GROUPS_THEN_DIED.finditer(text):
        if not (in_masks(masks, *m.span("n")) or in_masks(masks, *m.span("n2"))):
            endpoint = (_PFS, "progression or death") if m.group("pd") else (_OS, "deaths")
            for group in ("n", "n2"):
                f = make_fact(parse_number(m.group(group)), *m.span(group), "patients", "count")
                f.endpoint, f.endpoint_label, f.event = endpoint[0], endpoint[1], True
                found.append(f)
    return found


def _counted(text: str, m: re.Match[str], masks: list[Span]) -> bool:
    """Whether a count read is one: not masked (a sample size), not stated with its share, not a
    total that "had occurred" (in no group)."""
    return not (
        in_masks(masks, *m.span("n"))
        or _WITH_SHARE.match(text, m.end())
        or _OCCURRED_IN_ALL.match(text, m.end())
    )


def _endpoint(m: re.Match[str]) -> tuple[str, str] | None:
    if m.group("pd"):
        return _PFS, "progression or death"
    if m.group("deaths") or m.group("died"):
        return _OS, "deaths"
    named = endpoint_mentions(m.group("named"))
    # (only a time to an event is counted in events: not "12 serious adverse events")
    if named and named[-1][1] == len(m.group("named")) and compares_times(*named[-1][2:]):
        return named[-1][2], named[-1][3]
    return None


def _fact(m: re.Match[str], endpoint: tuple[str, str]) -> Fact:
    raw = m.group("n")
    value = float(parse_word_number(raw)) if raw[0].isalpha() else parse_number(raw)
    f = make_fact(value, m.start("n"), m.end(), "patients", "count")
    f.endpoint, f.endpoint_label, f.event = endpoint[0], endpoint[1], True
    return f


def of_groups(facts: list[Fact]) -> list[Fact]:
    """The facts without the counts of events that are no group's (a total)."""
    return [f for f in facts if not f.event or f.arm is not None]
