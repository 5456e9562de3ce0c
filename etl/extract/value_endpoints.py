"""What each value is a result of: its endpoint (named in the sentence, else the record's last),
its time point ("18-month OS 61%"), and whether it is a result at all (a cost, a threshold, a
dose intensity is not)."""

from __future__ import annotations

import re

from etl.extract.endpoint_lists import Value, list_slots
from etl.extract.facts import COMPARED_MEASURES, RATIOS, Fact
from etl.extract.numbers import parse_word_number
from etl.extract.phrases import AFTER_EVENT
from etl.extract.result_kinds import is_follow_up
from etl.regex_prefilter import (
    Prefiltered,
    case_folded,
)
from etl.vocab.codes import MONTHS_PER_UNIT
from etl.vocab.endpoints import TIME_TO_EVENT, TIMED_OTHER_ABBREVIATIONS, endpoint_mentions
from etl.vocab.numerals import number_words

_TIMEPOINT_LIST = Prefiltered(
    re.compile(
        rf"(?<![\d.])(?P<list>(?:(?:\d+(?:\.\d+)?|{number_words(12)})[-\u2010]?,?\s*(?:and\s+|or\s+)?)+)(?P<unit>month|year|mo|yr|y|(?<=[-\d])m)s?\b",
        re.IGNORECASE,
    )
)
_WORDS_1_10 = rf"(?:{number_words(10)})\b"
# time points that are not values: a list of them after "at" ("PFS rates at 3, 6, 12, and 18
# months"), a time before a bracket of rates ("at 12 mo (PFS rate 33.7% vs 17.6%) and 18 mo
# (22.5% vs 9.0%)"), a time heading the rates after its colon ("6 months: A 40.8% vs B 19.1%")
_AT_LIST = Prefiltered(
    re.compile(
        r"\b(?:at|by)\s+(?P<list>\d+(?:\s*,\s*\d+)+(?:\s*,?\s*(?:and|or)\s+\d+)?"
        r"|\d+(?:\s*,\s*\d+)*\s*,?\s*(?:and|or)\s+\d+)\s*(?P<unit>months?|mo|years?)\b",
        re.IGNORECASE,
    )
)
# a duration reached or passed, the time point of the share that reached it: "30% had a duration
# of response of 6 months or longer", "a response lasting ≥ 12 months", "PFS at 12 weeks or longer"
_OR_LONGER = Prefiltered(
    re.compile(
        r"≥\s*(?P<n>\d+)\s*(?P<unit>months?|weeks?|years?)\b"
        r"|\b(?P<n2>\d+)\s*(?P<unit2>months?|weeks?|years?)\s+or\s+(?:longer|more|greater)\b",
        re.IGNORECASE,
    ),
    # (what either alternative holds, scanned for on the folded text: the engine skips to the
    # letters they start with, where the pattern, opening with "\b", is tried at every place)
    re.compile(r"≥|longer|more|greater"),
)
_TIMES_LISTED = re.compile(
    r"\d(?:\s*,\s*|\s*-?\s*,?\s+(?:and|or)\s+)\d+\s*-?\s*(?:years?|months?|yrs?|mo|y)\b",
    re.IGNORECASE,
)
_BEFORE_RATES = Prefiltered(
    re.compile(
        # (not a difference: "prolonged OS by 5 months (OS rate 40% vs 30%)")
        # (the look-behinds asked after the first digit, "(?<![\d.])\d" as "\d(?<![\d.]\d)": a
        # pattern that opens with a class is tried only where the class is)
        r"(?P<n>\d(?<![\d.]\d)(?<!\bby \d)\d*)\s*(?P<unit>months?|mo|years?|yrs?)\.?"
        r"(?=\s*(?:[(\[]|:)\s*(?:[A-Za-z][\w-]*\s+){0,3}?\d+(?:\.\d+)?\s*%(?!\s*(?:CI|conf)))",
        re.IGNORECASE,
    )
)
_SINCE_EVENT = rf"(?=\d+\s*(?:months?|years?){AFTER_EVENT})"
_AT_TIMEPOINT = Prefiltered(
    re.compile(
        # ("by 10 years" opening a sentence or a clause: what a cumulative rate is by; not
        # "prolonged OS by 5 months")
        # (or a time after the event it counts from: "12 months after dosing")
        # (or at the median follow-up, which may be a decimal: "OS rates at a median 3.5 years
        # were ..."; elsewhere a decimal after "at" is a value: "longer, at 5.8 months vs 3.2")
        rf"\b(?:(?:at|after|(?<!\w\s)by)\s+(?:a\s+median\s+(?:of\s+)?)?|{_SINCE_EVENT})(?:least\s+)?(?P<n>(?:(?<=median )|(?<=median of ))\d+\.\d+|\d+|{_WORDS_1_10}|an?(?=\s+(?:year|month)\b))\s*(?:-\s*)?(?:(?P<unit>months?|years?)(?:\s+and\s+(?P<n2>\d+|{_WORDS_1_10})\s*(?P<unit2>months?|years?))?"
        rf"|and\s+(?P<n3>\d+|{_WORDS_1_10})\s*(?P<unit3>months?|years?))",
        re.IGNORECASE,
    )
)

_DIFFERENCE = Prefiltered(
    re.compile(
        r"(?:improvement|prolong\w*|delay\w*|gain|difference|extend\w*|increase\w*)\s+(?:in\s+[\w\- ]+?\s+)?(?:of|by)\s*$",
        re.I,
    )
)
_MEAN = Prefiltered(re.compile(r"\bmean\b|\bRMST\b", re.I))
# an endpoint that is a mean by its name: every value of it is ("RMST ... 44.6 months in arm A and
# 45.5 months in arm B")
_RESTRICTED_MEAN = re.compile(r"\bRMST\b|restricted mean", re.I)
_COUNT_GAP = re.compile(
    r"\s+(?:(?:patients?|cases|participants)\s+)?(?:(?:had|achieved|showed|experienced|attained)\s+(?:an?\s+)?)?",
    re.IGNORECASE,
)
# what stands between a rate and what those it counts reached: "of patients achieving a", "who
# attained" (not a plain "with": "45% with a CR rate of 10%" is no CR rate)
_REACHING = re.compile(
    r"\s*(?:[(\[][^()\[\]]{0,40}[)\]]\s*)?(?:of\s+(?:the\s+)?(?:patients|participants|subjects"
    r"|responders|responding\s+patients)\s+)?"
    r"(?P<verb>achieving|attaining|who\s+achieved|who\s+attained|reaching"
    # (what those counted had: "30% of responders had a duration of response of 6 months")
    r"|had|having)\s+(?:an?\s+)?",
    re.IGNORECASE,
)
# a count of patients opening the bracket a rate stands in, and the bracket closing before what
# they had: "10 patients (33.3%; 95% CI, 17.3-52.8%) had stable disease"
_COUNT_OPENS = re.compile(
    r"\b\d+\s+(?:patients|pts|participants|subjects)\s*[(\[]\s*$", re.IGNORECASE
)
_BRACKET_THEN_HAD = re.compile(
    r"(?:\s*[;,][^()\[\]]{0,60})?\s*[)\]]\s+(?:had|achieved|attained|experienced|developed)\s+"
    r"(?:an?\s+)?",
    re.IGNORECASE,
)
# a count's share in brackets, then what was counted: "there were 7 (13%) complete responses, 34
# (62%) partial responses and 7 (13%) patients with stable disease"
_COUNT_BRACKET = re.compile(r"\b\d[\d,]*\s*[(\[]\s*$")
_BRACKET_THEN_WHAT = re.compile(
    r"\s*%?\s*[)\]]\s+(?:(?:patients|pts|participants)\s+(?:with|who\s+had)\s+(?:an?\s+)?)?",
    re.IGNORECASE,
)
_COUNT_THEN_WHAT = ((_COUNT_OPENS, _BRACKET_THEN_HAD), (_COUNT_BRACKET, _BRACKET_THEN_WHAT))
# what they reached, when the vocabulary has no name for it: up to the next comma, bracket,
# "and" or the sentence's end ("very good partial response or greater")
_REACHED_WHAT = re.compile(r"[^,;.()\[\]]{3,60}?(?=\s*(?:[,;.()\[\]]|\band\b|$))")
_SHARED_NOUN = re.compile(
    r"\s+(?P<what>complete|partial|minor)\s+(?:and|or)\s+\S+\s+(?:complete|partial|minor)\s+"
    r"(?P<noun>responses?)\b",
    re.IGNORECASE,
)
_LABEL_GAP = re.compile(r"\s*[,:]\s*n\s*=\s*")
_COUNT_PHRASE = re.compile(r"\s+(?P<what>[a-z]+\s+responses?)\b", re.IGNORECASE)
_TIMEPOINT_NUMBER = re.compile(rf"\d+(?:\.\d+)?|{number_words(12)}", re.I)
_TIMEPOINT_FOLLOWS = re.compile(
    r"^\s*(?:os|pfs|overall|progression|survival|rates?|event|landmark|,\s*respectively"
    r"|time\s*-?\s*points?"  # ("At the 2-, 3- and 5-year time points, the OS rates were ...")
    # ("Five-year Kaplan-Meier estimates for OS are ...", "the 8-year estimates are ...")
    r"|(?:kaplan[- ]meier\s+)?estimates?"
    # (the landmark analysis the rates after it are estimates of: "In the 12-month analysis,
    # Kaplan-Meier estimates of PFS were 74% and 38%")
    r"|analysis\s*,)"
)
_OPEN_PAREN_AFTER_WORD = Prefiltered(re.compile(r"(\w[\w\- ]*?)\s*\((?:[A-Z]{2,5},\s*)?$"))
_MEDIAN = Prefiltered(re.compile(r"\bmedian\b", re.I))
_WINDOW_BEFORE = re.compile(
    r"(?:every|within|each|per|after|before|during|over|up to|at least|than|for|at|by|since|past|last|first)\s*$"
)
_SURVIVAL_BEFORE = re.compile(
    r"(?:survival|pfs|os|ttp|follow-up)\s+(?:of|was|were)?\s*$"
    # a value stated "at": "the median OS was reported at 25.6 months", "estimated at"
    r"|\b(?:reported|estimated|calculated|observed|recorded|measured)\s+at\s*$"
)
_HYPHEN_UNIT = re.compile(r"\s*[-\u2010]\s*(?:month|year)")
_FOLLOW_UP_SPAN = re.compile(r"\s+of\s+(?:additional\s+)?follow[- ]?up", re.IGNORECASE)
# an endpoint the vocabulary has no code for that is a time: "relapse-free survival", "PFS2"
_TIMED_OTHER = re.compile(
    rf"survival|free|time to|duration|\balive\b|\b(?:{'|'.join(TIMED_OTHER_ABBREVIATIONS)})\b",
    re.I,
)
_ECONOMIC = Prefiltered(
    re.compile(
        r"\bQALYs?\b|\bICER\b|cost[- ]effective|willingness[- ]to[- ]pay|incremental cost",
        re.IGNORECASE,
    )
)
_RESULT_WORDS = Prefiltered(re.compile(r"\b(?:patients|cases|had|rates?|of)\b", re.I))


# the words between a time point and the endpoint it is of: "3-year distant relapse-free survival"
# (or a hyphen: "the 24 month-PFS was 41%")
_BEFORE_NAME = re.compile(r"\s*(?:[-\u2010]\s*)?(?:[A-Za-z]+(?:-[A-Za-z]+)*\s+){0,2}")
# what follows an endpoint that a time point labels: "12 months PFS: 62%", "24-month OS rate = 80%"
_LABEL_END = re.compile(r"\s*(?:rates?\s*)?(?:\([^()]{0,12}\)\s*)?[:=]")


def _follow_up_at(text: str, pos: int, mentions: list[tuple[int, int, str, str]]) -> bool:
    """Whether the follow-up is named right at ``pos`` ("at 4-year follow-up", "at 4-y FU"): the
    time it is at is the time point of the rates that follow."""
    return any(
        endpoint == "FOLLOWUP" and start >= pos and not text[pos:start].strip()
        for start, _, endpoint, _ in mentions
    )


def _timed_endpoint_after(
    text: str, pos: int, mentions: list[tuple[int, int, str, str]]
) -> tuple[int, int, str, str] | None:
    """The endpoint with a time named right after ``pos`` (two words may come first: "distant"),
    of the sentence's ``mentions`` (endpoint_mentions), or None."""
    gap = _BEFORE_NAME.match(text, pos)
    reach = gap.end() if gap else pos
    for mention in mentions:
        start, _, endpoint, label = mention
        if start < pos:
            continue
        return mention if compares_times(endpoint, label) and start <= reach else None
    return None


def _point_lists(
    text: str, mentions: list[tuple[int, int, str, str]]
) -> list[tuple[re.Match[str], tuple[int, int, str, str] | None]]:
    """Times, or lists of them ("1-, 2- and 3-year", "5 and 10 year"), that a time-to-event
    endpoint, a rate or the follow-up follows: time points, each with the endpoint named right
    after it that it heads, or None."""
    found = []
    for m in _TIMEPOINT_LIST.finditer(text):
        named = _timed_endpoint_after(text, m.end(), mentions)
        if (
            named is not None
            or _TIMEPOINT_FOLLOWS.match(text[m.end() : m.end() + 40].lower())
            or _follow_up_at(text, m.end(), mentions)
        ):
            found.append((m, named))
    return found


def _listed_months(m: re.Match[str]) -> list[float]:
    """The months of each time of a _TIMEPOINT_LIST match ("1-, 2- and 3-year": 12, 24, 36)."""
    mult = 12.0 if m.group("unit").lower() in ("year", "yr", "y") else 1.0
    return [
        (parse_word_number(n) if n[0].isalpha() else float(n)) * mult
        for n in _TIMEPOINT_NUMBER.findall(m.group("list"))
    ]


def landmarks_named(
    text: str, mentions: list[tuple[int, int, str, str]]
) -> list[tuple[str, str, float]]:
    """(endpoint, label, months) of each single time point that heads a timed endpoint ("the
    5-year EFS", "reported as 3-yr OS rates"), in order."""
    return [
        (named[2], named[3], months[0])
        for m, named in _point_lists(text, mentions)
        if named is not None and len(months := _listed_months(m)) == 1
    ]


def _timepoints(
    text: str, mentions: list[tuple[int, int, str, str]]
) -> list[tuple[int, list[float], bool]]:
    """(position, [months, ...], heads) of each time point, or list of them ("1-, 2- and 3-year"),
    in order; ``heads`` when it stands before the endpoint it is the time of ("the 3-year OS
    rate"), whose values follow it."""
    found: list[tuple[int, list[float], bool]] = [
        (m.start(), _listed_months(m), named is not None)
        for m, named in _point_lists(text, mentions)
    ]
    for pattern in (_AT_LIST, _BEFORE_RATES):
        for m in pattern.finditer(text):
            mult = 12.0 if m.group("unit").lower().startswith("y") else 1.0
            numbers = re.findall(r"\d+", m.group("list")) if pattern is _AT_LIST else [m["n"]]
            found.append((m.start(), [float(n) * mult for n in numbers], False))
    for m in _OR_LONGER.finditer(text):
        n, unit = (m["n"], m["unit"]) if m["n"] else (m["n2"], m["unit2"])
        unit = unit.lower().rstrip("s") + "s"
        found.append((m.start(), [float(n) * MONTHS_PER_UNIT[unit]], False))
    for m in _AT_TIMEPOINT.finditer(text):
        # "at 1 year and 2 years", or with the unit said once: "at 1 and 2 years"
        pairs = (
            ((m.group("n"), m.group("unit")), (m.group("n2"), m.group("unit2")))
            if m.group("unit")
            else ((m.group("n"), m.group("unit3")), (m.group("n3"), m.group("unit3")))
        )
        points = [
            (
                1
                if n.lower() in ("a", "an")
                else parse_word_number(n)
                if n[0].isalpha()
                else float(n)
            )
            * (12.0 if u.lower().startswith("year") else 1.0)
            for n, u in pairs
            if n
        ]
        found.append((m.start(), points, False))
    return sorted(found)


def compares_times(code: str, label: str) -> bool:
    """Whether a hazard ratio can be of this endpoint: a time to an event (not the follow-up), or
    one the vocabulary has no code for that is timed ("DFS", "relapse-free survival")."""
    return (code in TIME_TO_EVENT and code != "FOLLOWUP") or (
        code == "OTHER" and _TIMED_OTHER.search(label) is not None
    )


# a harm that defines who is counted, not what: "in patients with grade 2 or higher neuropathy",
# "patients who developed colitis", "a history of colitis", "baseline lymphopenia"
_SUBGROUP_BY_HARM = re.compile(
    r"(?:\b(?:patients|pts|those|subjects|participants)\s+(?:with|who\s+(?:developed|had|experienced))"
    r"|\bhistory\s+of|\bbaseline|\bprior)\s+(?:(?:an?|any|grade\s*\S+(?:\s+or\s+(?:higher|greater))?)\s+)*$",
    re.IGNORECASE,
)


# who a share is among: "Among patients with an overall response, 83% ... had ongoing
# responses" counts ongoing responses, of responders
_AMONG_WHO = re.compile(
    r"\bamong\s+(?:the\s+)?(?:\d+\s+)?(?:patients|pts|those|subjects|participants)\s+"
    r"(?:with|who\s+(?:had|achieved|attained))\s+(?:an?\s+|any\s+)?(?:confirmed\s+)?$",
    re.IGNORECASE,
)


def _defines_a_subgroup(text: str, mention: tuple[int, int, str, str]) -> bool:
    """Whether an endpoint's name says who is counted rather than what is: "ORR was 65% in
    patients with grade 2 neuropathy" is a response rate of a subgroup, no neuropathy rate;
    "among patients with a response, 83% ..." is no response rate."""
    window = max(0, mention[0] - 60)
    if mention[2] == "AE" and _SUBGROUP_BY_HARM.search(text, window, mention[0]):
        return True
    # (asked only where the window holds "among", found in the text folded once for the sentence)
    folded = case_folded(text)
    if folded is not None and folded.find("among", window, mention[0]) < 0:
        return False
    return _AMONG_WHO.search(text, window, mention[0]) is not None


def _endpoint_for(
    text: str, fact: Fact, mentions: list[tuple[int, int, str, str]]
) -> tuple[str, str]:
    before = [m for m in mentions if m[1] <= fact.start and not _defines_a_subgroup(text, m)]
    if fact.event:  # (a count of events, read with what it counts: "13 deaths")
        return fact.endpoint, fact.endpoint_label
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
        # (no share is of the follow-up: "after 3 years of follow-up, 63% were alive")
        before = [m for m in before if m[2] != "FOLLOWUP"]
        # a rate with its endpoint right after it: "83% (58% complete response rate)"
        following = next((m for m in mentions if m[0] >= fact.end), None)
        if following is not None and not text[fact.end : following[0]].strip():
            return following[2], following[3]
        # the share of a count of patients that had what the sentence names after it: "and 10
        # patients (33.3%; 95% CI, 17.3-52.8%) had stable disease", "7 (13%) complete responses"
        if following is not None and any(
            opens.search(text, max(0, fact.start - 40), fact.start)
            and (then := what.match(text, fact.end))
            and following[0] == then.end()
            for opens, what in _COUNT_THEN_WHAT
        ):
            return following[2], following[3]
        # a rate of those who reached what it names after it: "37% (...), with 3.2% achieving a
        # complete response", "80% of patients achieving very good partial response or greater"
        reached = _REACHING.match(text, fact.end)
        if reached is not None:
            if following is not None and following[0] == reached.end():
                return following[2], following[3]
            if reached["verb"].lower().startswith("ha"):
                pass  # ("12% had a serious adverse event": what was had is read as any rate's)
            elif what := _REACHED_WHAT.match(text, reached.end()):
                return "OTHER", what.group(0).strip()
        # a list whose endpoint follows its "respectively": "45.3% versus 20.6%, respectively,
        # were alive and had not received a subsequent treatment"
        if (
            following is not None
            and "respectively" in text
            and _RESPECTIVELY_THEN.match(text, fact.end, following[0])
        ):
            return following[2], following[3]
        # a clause of its own, its endpoint after its values: "(HR ..., P = 0.01); 43% of the
        # patients in the A group and 36% in the B group had a response"
        if before and following is not None:
            opened = _clause_start(text, fact.start)
            if before[-1][1] <= opened and _clause_start(text, following[0]) == opened:
                return following[2], following[3]
        near_ae = any(m[2] == "AE" and m[0] >= fact.start - 40 for m in before)
        # (the cheap test first: the pattern is slow on the 40 characters before every rate)
        if near_ae and _OPEN_PAREN_AFTER_WORD.search(text[max(0, fact.start - 40) : fact.start]):
            last = [m for m in before if m[2] == "AE"][-1]
            return "AE", last[3]
    if fact.measure in RATIOS:
        # (no ratio compares follow-up: "a mean follow-up of 17.9 months, ... (HR: 0.99)")
        before = [m for m in before if m[2] != "FOLLOWUP"]
        tte = [m for m in before if compares_times(m[2], m[3])]
        if tte:
            return tte[-1][2], tte[-1][3]
        # "X (HR 0.49), Y (3.42) correlated with survival": the ratio's endpoint may come after
        tte_after = [m for m in mentions if m[0] >= fact.end and compares_times(m[2], m[3])]
        if tte_after:
            return tte_after[0][2], tte_after[0][3]
    if before:
        # (not a name inside an aside closed before the value: "59% with A (20% complete
        # response; 39% partial response), compared with 5% with B": 5% is a response rate)
        outside = [m for m in before if not _in_closed_aside(text, m, fact.start)]
        last = outside[-1] if outside else before[-1]
        return last[2], last[3]
    after = [m for m in mentions if m[0] >= fact.end]
    if after:
        return after[0][2], after[0][3]
    return "OTHER", ""


# what stands between a list's last value and its endpoint: "..., respectively, were "
# (the list's other values only between: "% versus 20.6%, respectively, were ")
_RESPECTIVELY_THEN = re.compile(
    r"\s*%?\s*(?:(?:,|and|or|vs\.?|versus)\s*\d+(?:[.·]\d+)?\s*%\s*)*"
    r",?\s*respectively,?\s+(?:were|was|had|achieved|experienced|remained)\s+"
    r"(?:still\s+)?(?:an?\s+)?$",
    re.IGNORECASE,
)


def _clause_start(text: str, pos: int) -> int:
    """Where the clause holding ``pos`` starts: after the last semicolon before it outside
    brackets (0 when none)."""
    depth = 0
    for i in range(pos - 1, -1, -1):
        ch = text[i]
        if ch in ")]":
            depth += 1
        elif ch in "([":
            depth = max(0, depth - 1)
        elif ch == ";" and depth == 0:
            return i + 1
    return 0


def _in_closed_aside(text: str, mention: tuple[int, int, str, str], before: int) -> bool:
    """Whether a name lies in brackets that close before ``before`` (and after the name)."""
    start, end = mention[0], mention[1]
    opened = max(text.rfind("(", 0, start), text.rfind("[", 0, start))
    if opened < 0 or max(text.rfind(")", opened, start), text.rfind("]", opened, start)) >= 0:
        return False  # (no bracket open at the name)
    # (the bracket that closes the one opened, past those opened inside it: "(complete
    # response [CR], 5.9%; ...)" is open at 5.9, whose "[CR]" closes before it)
    depth = 0
    for i in range(opened + 1, before):
        if text[i] in "([":
            depth += 1
        elif text[i] in ")]":
            if depth == 0:
                return i >= end
            depth -= 1
    return False


# after a value: its interval or aside, then "for" and the endpoint it is of
_PAST_ASIDE = re.compile(r"\s*(?:\([^()]*\)|\[[^\[\]]*\])?\s*,?\s*for\s+(?:the\s+)?")


def postposed_endpoints(text: str, facts: list[Fact], mentions) -> list[Fact]:
    """ "5-year rates were 43% (...) versus 33% (...) for OS and 33% (...) versus 19% (...) for
    PFS", "hazard ratios of 0.66 for PFS and 0.72 for OS": the values of a list up to one
    followed by "for" and an endpoint are of that endpoint, whatever the sentence named before."""
    starts = {m[0]: m for m in mentions}
    pending: list[Fact] = []
    fresh = max((f.chain for f in facts), default=0)
    for f in facts:
        pending.append(f)
        after = _PAST_ASIDE.match(text, f.end)
        named = starts.get(after.end()) if after else None
        if named is None or named[2] == "FOLLOWUP":
            continue
        fresh += 1
        for g in pending:
            if g.chain == f.chain and g.endpoint != "FOLLOWUP":
                g.endpoint, g.endpoint_label = named[2], named[3]
        # (each part is a list of its own: "A vs B for OS and C vs D for PFS" is two)
        for g in [g for g in facts if g.chain == f.chain and g.start > f.start]:
            g.chain = fresh
        pending = []
    return facts


# rates at a landmark, named by their times only: "Rates at 12, 24, and 36 months were ...", "the
# 2-year rates were ..."
_LANDMARK_RATE = re.compile(
    r"\brates?\s+(?:at|by)\s+(?:\d+|one|two|three|four|five)\b"
    r"|\b\d+[- ](?:months?|years?)\s+rates?\b",
    re.IGNORECASE,
)


# the rate of an event the vocabulary has no code for, named by its noun before "rate(s)":
# "discontinuation rates", "the hospitalization rate", "adherence rates" (a noun of an event or a
# state: -tion, -sion, -ence, -ance, -ity, -ment, -ure); not one that says after it what it is
# of or for ("the progression rate of the A group", "remission rates for B"): the words after it
# name the result then, read apart
_EVENT_RATE = re.compile(
    r"\b(?P<what>[a-z]+(?:tion|sion|ence|ance|ity|ment|ure))\s+rates?\b(?![^.;]*\b(?:of|for)\s+\w)",
    re.IGNORECASE,
)


def _rate_of_an_event(text: str, start: int) -> str:
    """The last "<event> rate(s)" named before a value, as its label, or ""."""
    found = list(_EVENT_RATE.finditer(text, max(0, start - 80), start)) if "rate" in text else []
    return found[-1].group(0) if found else ""


def with_endpoint(
    text: str, f: Fact, mentions, context_endpoint, lead: tuple[str, str] | None = None
) -> Fact:
    code, label = _endpoint_for(text, f, mentions)
    landmark = False
    if code == "OTHER" and not label and lead is not None and f.measure != "count":
        code, label = lead  # (an item of a list its lead-in names the endpoint of)
    if code == "OTHER" and not label and (own := _rate_of_an_event(text, f.start)):
        label = own  # ("discontinuation rates at 1, 2 and 3 years were ...": no survival's)
    # (an endpoint named but without a code of its own, "relapse-free survival", is kept: only
    # a value that names none takes the record's last one)
    if (
        code == "OTHER"
        and not label
        and context_endpoint
        # (a hazard ratio is always of a time to an event: the record's last one; so is a rate
        # at a landmark, "Rates at 12 and 24 months were ...")
        and (
            f.ci is not None
            or f.measure == "hazard_ratio"
            # (a share is no median: "median follow-up: 21.4 months), ... 44.5% vs. 27.6%")
            or (f.unit != "percent" and _MEDIAN.search(text))
            or (landmark := f.unit == "percent" and _LANDMARK_RATE.search(text) is not None)
        )
    ):
        timed = f.measure == "hazard_ratio" or landmark
        context = (
            (context_endpoint(timed=True) if timed else context_endpoint())
            if callable(context_endpoint)
            else context_endpoint
        )
        # (a hazard ratio or a landmark's rate takes the last time to an event: never "ORR")
        if context and (not timed or compares_times(*context)):
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
        ) or (label and _RESTRICTED_MEAN.search(label)):
            measure = "mean"
    f.endpoint, f.endpoint_label, f.measure = code, label, measure
    return f


def endpoint_list_slots(text: str, facts: list[Fact], mentions) -> list[Fact]:
    """Values read against a list of endpoints named together (etl.extract.endpoint_lists); the
    follow-up stays the follow-up ("a median follow-up of 28 and 39 months for PFS and OS,
    respectively": how long each was followed, not their medians)."""
    values = [Value(f.start, f.end, f.chain, f.measure in COMPARED_MEASURES) for f in facts]
    items, slots = list_slots(text, mentions, values)
    fresh = max((f.chain for f in facts), default=0)
    for i, slot in slots.items():
        f = facts[i]
        if f.endpoint == "FOLLOWUP":
            fresh += 1
            f.chain = fresh  # (each its own: the list is of endpoints, not of groups)
            continue
        f.endpoint, f.endpoint_label = items[slot.item]
        f.group_index = slot.group
    return facts


# what makes a time the value of what stands before it: "OS was 24 months", "DFS 36 months",
# "Follow-up: 36 months" (not "The 3 y PFS")
_VALUE_OF_BEFORE = re.compile(
    r"(?:\b(?:was|were|is|of|reached)|[:=]|\b(?:OS|PFS|DFS|EFS|RFS|TTP|DOR|follow-up|survival))\s*$",
    re.IGNORECASE,
)


def _point_of_rate(f: Fact, named_end: int, facts: list[Fact], before: str) -> bool:
    """A whole time right before an endpoint whose rate the sentence gives after it is that
    rate's time point, not a median: "the 3 y RFS was 72%", "5-yr OS rate of 61%" (not "median
    12 months OS", nor a list of medians "OS 15 months PFS 6 months": the endpoint's own value
    is a time)."""
    if f.value != int(f.value) or _MEDIAN.search(before) or _VALUE_OF_BEFORE.search(before):
        return False
    after = [g for g in facts if g.start >= named_end]
    return bool(after) and min(after, key=lambda g: g.start).unit == "percent"


_AT_END = re.compile(r"\bat\s*$")


def _AT_LISTED_VALUES(before: str, f: Fact, facts: list[Fact]) -> bool:
    """ "longer with A vs B, at 5.8 months vs 3.2 months": the first of a list of values of one
    unit said after "at", not a time point."""
    return (
        _AT_END.search(before) is not None
        and f.chain is not None
        and any(g is not f and g.chain == f.chain and g.unit == f.unit for g in facts)
    )


def drop_non_results(
    text: str, facts: list[Fact], mentions: list[tuple[int, int, str, str]]
) -> list[Fact]:
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
                and not _AT_LISTED_VALUES(before, f, facts)
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
                at_points = [
                    m.span()
                    for pattern in (_AT_TIMEPOINT, _AT_LIST, _BEFORE_RATES, _OR_LONGER)
                    for m in pattern.finditer(text)
                ]
                # (a list of two or more whole times before its endpoint: "5 and 10 year OS";
                # looked for only where two numbers are listed before a time's unit)
                at_points += [
                    m.span()
                    for m in (_TIMEPOINT_LIST.finditer(text) if _TIMES_LISTED.search(text) else ())
                    if "." not in m.group("list")
                    and len(_TIMEPOINT_NUMBER.findall(m.group("list"))) > 1
                    and _timed_endpoint_after(text, m.end(), mentions) is not None
                ]
            if any(s <= f.start and f.end <= e for s, e in at_points) and not _MEDIAN.search(
                before
            ):
                continue  # "OS at 1 year and 2 years": time points, not values
            named = _timed_endpoint_after(text, f.end, mentions)
            if named is not None and (
                _LABEL_END.match(text, named[1]) or _point_of_rate(f, named[1], facts, before)
            ):
                continue  # "12 months PFS: 62% vs. 27%": the time point of the rates after it
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


def attach_timepoints(
    text: str, facts: list[Fact], mentions: list[tuple[int, int, str, str]]
) -> list[Fact]:
    # (a cumulative rate is a rate by a time, of any result: "cumulative 10-year rates of MMR")
    cumulative = "umulative" in text
    rates = [
        f
        for f in facts
        if f.unit == "percent"
        and f.measure in ("rate", "difference")  # (a difference of two rates: their time point)
        and (
            f.endpoint in TIME_TO_EVENT
            or (f.endpoint == "OTHER" and _TIMED_OTHER.search(f.endpoint_label))
            # (an event's rate by a time: "discontinuation rates at 1 and 2 years")
            or (f.endpoint == "OTHER" and _EVENT_RATE.fullmatch(f.endpoint_label))
            or cumulative
        )
    ]
    if not rates:  # only these take a time point: no need to look for one
        return facts
    points = _timepoints(text, mentions)
    if not points:
        return facts
    by_chain: dict[int, list[Fact]] = {}
    for f in rates:
        by_chain.setdefault(f.chain, []).append(f)
    for f in rates:
        chain = by_chain[f.chain]
        prior = [p for p in points if p[0] < chain[0].start]
        later = [p for p in points if p[0] > chain[-1].end]
        # time points right after the values are theirs: "37% and 0% at 1 and 2 years" (not one
        # heading the next endpoint: "40% and the 3-year PFS rate was 30%")
        if (
            later
            and later[0][0] - chain[-1].end <= 12
            and len(later[0][1]) == len(chain)
            and not (later[0][2] and prior)
        ):
            group = later[0][1]
        else:
            group = prior[-1][1] if prior else later[0][1] if later else points[-1][1]
        position = chain.index(f)
        if len(group) > 1 and len(chain) == len(group):
            tp = group[position]
        elif len(group) > 1 and len(chain) % len(group) == 0:
            groups = len(chain) // len(group)
            if all(g.group_index == i % groups for i, g in enumerate(chain)):
                # pairs of the groups, one per time point (list_groups.versus_pairs): "at 12, 24
                # and 36 months were 58% vs 42%, 36% vs 19%, and 26% vs 12%, respectively"
                tp = group[position // groups]
            else:
                # time points × groups: "at 1 and 2 years in A and B were 96%, 83%, 77% and 65%"
                tp = group[position % len(group)]
                f.group_index = position // len(group)
        else:
            tp = group[0] if len(group) == 1 else None
        f.timepoint_months = tp
    return facts
