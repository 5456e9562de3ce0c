"""What a group (arm) of a study is called, cut out of the phrase that names it.

"either daily oral ibrutinib 560 mg" → "ibrutinib"; "nivolumab 480 mg and relatlimab 160 mg
fixed-dose combination" → "nivolumab and relatlimab"; "the difference in RFS for A" → "A";
"received ≤6 cycles of A+AVD" → "A+AVD". A phrase that is a clause, not a name ("Pembro + chemo
significantly improved survival"), is no label. Shared by the record context (the groups a record
declares) and the sized groups of dim_arms, so that the two name a group alike.
"""

from __future__ import annotations

import functools
import re

from etl.extract.phrases import DOSAGE_FORM, DOSE_UNIT, is_generic
from etl.vocab.lexicon import drug_lexicon
from etl.vocab.numerals import number_words

DROP_BRACKETS = re.compile(r"\s*[\(\[](?:[^()\[\]]|[\(\[][^)\]]*[\)\]])*[\)\]]")
_AGENT_CLASS = (
    # (what the class acts against may come first: "the anti-angiogenic tyrosine-kinase inhibitor")
    r"(?:anti-[\w-]+\s+)?(?:anti-)?[\w-]+(?:\s+kinase)?\s+(?:monoclonal\s+)?(?:antibody|inhibitor|antagonist)"
    r"(?=\s+(?!(?:plus|and|or|with|versus|vs|alone|monotherapy|therapy|group|arm)\b)[A-Za-z])"
)
_LEADING = re.compile(
    r"^(?:the|a|an|either|both|other|receive|receiving|received|to|or|and|with|combination of|"
    # (what a study's title does before its groups: "Study Comparing A with B versus C")
    r"comparing|evaluating|investigating|assessing|"
    # (who got it, counted: "(and) an additional 216 received A", "another 150 patients were
    # assigned to B")
    r"additional|another|further|remaining|\d+\s+(?:patients|pts|participants)|\d+(?=\s+(?:received|were)\b)|"
    r"were\s+(?:(?:randomly\s+)?(?:assigned|allocated|randomi[sz]ed)\s+to|given)|"
    r"first-line|second-line|front-?line|up-?front|1L/2L|1L|2L|adjuvant|neoadjuvant|perioperative|open-label|"
    # (how a group was to be given it: "to be treated with A alone")
    r"be treated with|be given|"
    r"(?:once|twice)[- ](?:daily|weekly)|daily|weekly|oral|intravenous|iv|subcutaneous|sc|"
    r"concurrent|continuous|matching|matched|combined with|in combination with|"
    r"single-agent|up to|≤\s*\d+|"
    # how it was given, before what: "double-blind treatment with A", "treatment with A and B"
    r"double-blind|single-blind|blinded|(?:treatment|therapy)\s+with|"
    # (the class an agent is of, before its name: "the anti-EGFR antibody A", "the PARP inhibitor A")
    rf"{_AGENT_CLASS})\s+",
    re.IGNORECASE,
)
# the class an agent is of, before its name (and not before a word that ends the group)
AGENT_CLASS_BEFORE = re.compile(rf"^{_AGENT_CLASS}\s+", re.IGNORECASE)
# where a phrase stops naming the group: its schedule, route, setting or who got it
CUT = re.compile(
    r"(?:^|\s+)(?:until|for|every|once|twice|daily|weekly|in a|stratified|according|at a dose|"
    r"at doses|on days?|which|who|given|administered|as (?:first|second)|followed by|"
    # (when a group's treatment was given: "secondary cytoreduction before chemotherapy")
    r"before|prior to|"
    # (how many times: "B alone to one 30-40 min infusion", "A to a maximum of six cycles")
    r"(?:up )?to (?:one|an?|\d+)\b(?=.*\b(?:infusions?|injections?|cycles?|doses?|courses?)\b)|"
    r"in (?:the|patients|participants|subjects|adults|men|women|previously|\d+-day)|"
    r"intravenously|orally|subcutaneously|q\dw|iv|po|sc|"
    # (the route said with its noun: "placebo by intravenous infusion", "B by mouth")
    r"by (?:\w+ )?(?:infusion|injection|mouth))\b.*$",
    re.IGNORECASE,
)
DOSE = re.compile(
    # (written as an adjective too: "300-mg drug K")
    rf"\s*(?:\bat\s+)?\b\d[\d.,]*(?:\s*[-–]\s*\d[\d.,]*)?\s*-?\s*(?:mg/m2|mg/m²|mg/kg|{DOSE_UNIT}|AUC)\b(?:\s*/\s*\w+)?",
    re.IGNORECASE,
)
# when, not what: "on days 1 and 15 of a 28-day cycle", "once every 3 weeks"
SCHEDULE = re.compile(
    # (its numbers and no space after them: "on day 1 every 3 weeks" leaves no glued words)
    r"\s+(?:on\s+)?days?\s+\d+(?:\s*,\s*\d+)*(?:\s*,?\s*(?:and|to|-|–)\s*\d+)?"
    r"(?:\s+of\s+(?:a|each|every|(?:\w+\s+)?\d+-day)\s+[\w-]*\s*cycles?)?"
    r"|\s+(?:once|twice)?\s*(?:daily|weekly|every\s+\d+\s+(?:weeks?|days?))(?:\s+for\s+\d+\s+\w+(?:\s+on/\d+\s+\w+\s+off)?)?"
    # (abbreviated: "gefitinib 250 mg qd po", "drug K q3w")
    r"|\s+(?:q\.?d|b\.?i\.?d|t\.?i\.?d|q\d+w|p\.?o)\.?(?![\w.])",
    re.IGNORECASE,
)
# how many cycles, after the group: "A ≤12 cycles", "B up to 6 courses"
_CYCLES_AFTER = re.compile(
    r"\s+(?:≤|<=|up to\s+)?\s*\d+\s*(?:cycles?|courses?)\b.*$", re.IGNORECASE
)
_FORM = re.compile(rf"\s+(?:(?:fixed-dose\s+)?combination|{DOSAGE_FORM})$", re.IGNORECASE)
# a phrase headed by what is not a group names its group after a preposition: "the difference in
# RFS for A" → "A", "≤6 cycles of A" → "A", "efficacy and safety of A" → "A" (but "chemotherapy of
# physician's choice" is a group)
_NOT_A_GROUP = re.compile(
    # (what a report's title puts before it: "Long-term outcomes with A", "Final results of A")
    rf"^(?:(?:the|a|an|in|of|\S*\d\S*|{number_words(12)}|[\w-]+-(?:term|year|month)|final|updated"
    r"|extended|mature|primary|long)\s+)*"
    r"(?:difference|cycles?|courses?|doses?|efficacy|safety|"
    r"addition|analysis|benefit|use|administration|survival|rfs|pfs|os|efs|dfs|response|risk|"
    r"outcomes?|results?)\b[^,;]*?\b(?:for|of|with|in|among|from)\s+(?=\S)",
    re.IGNORECASE,
)
_GROUP_SUFFIX = re.compile(r"\s+(?:groups?|arms?)$", re.IGNORECASE)
# a trial's name is not a group: "RELATIVITY-047 demonstrated ... over nivolumab"
_TRIAL_LIKE = re.compile(r"^[A-Z][A-Za-z]*[A-Z][A-Za-z]*[- ]?\d{1,4}[A-Za-z]?$")
# (a trial is no group: "The ZUMA-7 trial demonstrated that A ... compared to B")
_TRIAL_HEAD = re.compile(r"\b(?:trials?|stud(?:y|ies))$", re.IGNORECASE)
# words that show a phrase has run into a clause: verbs, adverbs, result words
# (a word joined to another by a hyphen, a plus or a slash is part of a name:
# "sorafenib-experienced", "platinum-based", "P+BSC")
_NOT_JOINED_BEFORE, _NOT_JOINED_AFTER = r"(?<![-\u2010\u2011])\b", r"\b(?![+/\-\u2010\u2011])"
_VERBS = (
    r"was|were|is|are|had|has|have|showed|shows|improved|demonstrated|reduced|achieved|"
    r"included|includes|including|occurred|experienced|"
    # (a negation: "did not receive post-PD therapy")
    r"did|does|not|significantly|statistically|compared|reached"
)
# an adverb that ends a phrase ("Median PFS2 was substantially", "A therapy also"): a clause
# cut before its verb ("intermittently dosed A", "early palliative care" are groups)
_ADVERB_AT_END = r"|\b(?:also|\w+(?:ally|ntly|edly|ably|ibly|ously|ively|ately))$"
_CLAUSE = re.compile(
    rf"{_NOT_JOINED_BEFORE}(?:{_VERBS}|"
    # (a data cut-off: "at the final data cutoff")
    r"cut-?off|"
    # (what is measured: "in the primary and key secondary endpoints of PFS (...)")
    r"endpoints?|end-?points?|"
    # ("based on", not the name of a backbone: "platinum-based chemotherapy")
    r"(?<!-)based|superiority|survival|response|rate|median|"
    r"versus|vs|than|benefit|risk|death|population|analysis|months?|years?|disease|"
    r"cancer|carcinoma|after|before|during|follow-up|respective|respectively|\d+%|"
    rf"ORR|OS|PFS|DOR|DFS|EFS|RFS|HR|CI|P){_NOT_JOINED_AFTER}" + _ADVERB_AT_END,
    re.IGNORECASE,
)
# only the verbs and adverbs of a clause (a list of groups may name a disease: "ovarian,
# endometrial and cervical cancer")
_CLAUSE_VERBS = re.compile(
    rf"{_NOT_JOINED_BEFORE}(?:{_VERBS}){_NOT_JOINED_AFTER}" + _ADVERB_AT_END, re.IGNORECASE
)


# one word of a pair that shares the other's head: "high versus low pSrc expression", "early vs
# late relapse" (the groups are "high pSrc expression" and "low pSrc expression")
_POLAR = re.compile(
    r"^(?:high|low|higher|lower|positive|negative|early|late|short|long|present|absent|mutated"
    r"|unmutated|mutant|wild-type|elevated|normal|increased|decreased|major|minor|complete"
    r"|partial|good|poor|favou?rable|unfavou?rable"
    # (how or when a treatment is given: "concurrent versus sequential CRT")
    r"|concurrent|sequential|intermittent|continuous|adjuvant|neoadjuvant|perioperative"
    r"|immediate|delayed|deferred|upfront)$",
    re.IGNORECASE,
)


# (maybe after a word that says what kind: "the TP53mut and POLE molecular subgroups"; a closed
# list: "the PD-L1 high and PD-L1 low subgroups" keeps its "low")
_PLURAL_GROUP_NOUN = re.compile(
    r"\s+(?:(?-i:molecular|genomic|histologic(?:al)?|biomarker|treatment|risk|age|dose|disease)\s+)?"
    r"(?:regimens|arms|groups|subgroups|cohorts|populations|subtypes)$",
    re.IGNORECASE,
)


# the last group's word after its hyphen, which prefixes left hanging before it share: "G- vs
# R-chemo", "T- and B-cell"
_SUSPENDED = re.compile(r"\s*[\w+]+(?P<tail>-\S+)")
_PREFIX_ONLY = re.compile(r"\s*[\w+]+-\s*")


def shared_head(groups: list[str]) -> list[str]:
    """Groups with the head one of them shares with the others: ["high", "low pSrc expression"]
    → ["high pSrc expression", "low pSrc expression"], ["PD-L1 high", "low"] → ["PD-L1 high",
    "PD-L1 low"], a prefix whose hyphen waits for the last one's word: ["G-", "R-chemo"] →
    ["G-chemo", "R-chemo"]; other lists as given."""
    suspended = _SUSPENDED.match(groups[-1])
    if suspended and len(groups) > 1 and all(_PREFIX_ONLY.fullmatch(g) for g in groups[:-1]):
        tail = suspended.group("tail")
        return [f"{g.strip().rstrip('-')}{tail}" for g in groups[:-1]] + [groups[-1]]
    first, _, rest = groups[-1].partition(" ")
    # (the earlier ones may come with who had them: "patients who received concurrent")
    if (
        rest
        and _POLAR.match(first)
        and all(_POLAR.match(g.rsplit(" ", 1)[-1]) for g in groups[:-1])
    ):
        return [f"{g} {rest}" for g in groups[:-1]] + [groups[-1]]
    # the head first: "PD-L1 high and low" → "PD-L1 high", "PD-L1 low"
    head, _, last = groups[0].rpartition(" ")
    if head and _POLAR.match(last) and all(_POLAR.match(g) for g in groups[1:]):
        return [groups[0]] + [f"{head} {g}" for g in groups[1:]]
    # a plural noun of them all after the last: "the A and B regimens" → "A", "B"
    plural = _PLURAL_GROUP_NOUN.search(groups[-1])
    if plural and len(groups) > 1 and plural.start() > 0:
        return [*groups[:-1], groups[-1][: plural.start()]]
    return groups


# a phrase that describes rather than names ("with an androgen-receptor inhibitor", "in a
# subgroup"): a group only where it names one the record declares (lower case: "A" may name one)
# (or places it in time: "at the final data cutoff", "during induction")
DESCRIBED = re.compile(r"^(?:an?|at|during|within|since|by)\s")


@functools.lru_cache(maxsize=4096)
def is_clean_label(label: str) -> bool:
    """A label that reads as a group's name, not a clause that happens to precede a number or a
    description. (Cached: every record's groups are asked about, in the same words.)"""
    words = label.split()
    return (
        0 < len(words) <= 6
        and not _CLAUSE.search(label)
        and not DESCRIBED.match(label)
        and not _DANGLING.search(label)
    )


def has_clause_words(label: str) -> bool:
    """Whether a phrase holds a verb or an adverb: a clause, not a name."""
    return _CLAUSE_VERBS.search(label) is not None


# a phrase that ends on a joining word runs on into what follows it: no name ("ratio and exposure
# in vivo and", "chemotherapy with")
_DANGLING = re.compile(
    r"(?:^|\s)(?:and|or|with|of|in|to|for|by|the|an?|versus|vs\.?|than|at|on|from)$", re.IGNORECASE
)


def simplify(text: str) -> str:
    """``text`` without doses and schedules: "lenvatinib at 20 mg once daily plus pembrolizumab
    at 200 mg once every 3 weeks (n = 411)" → "lenvatinib plus pembrolizumab (n = 411)"."""
    return SCHEDULE.sub("", DOSE.sub("", text))


def _strip_leading(label: str) -> str:
    label = SECTION_HEADING.sub("", label)
    while _LEADING.match(label):
        label = _LEADING.sub("", label, count=1)
    return label


# an abstract's section heading run into its first sentence ("Results CPX-351 significantly
# improved ..."): no word of a group
SECTION_HEADING = re.compile(
    r"^(?:Results|Conclusions?|(?:Patients\s+and\s+)?Methods|Background|Purpose|Findings"
    r"|Interpretation|Objectives?)\s+(?=\S)"
)


LABEL_WORD = re.compile(r"[a-z0-9]+")
# words that never tell one group from another
NO_GROUP_WORDS = frozenset(
    """the a an group groups arm arms patients patient with in of on for plus and alone
    monotherapy treated treatment receiving received who those cohort regimen to assigned
    randomized randomised therapy combination""".split()  # noqa: SIM905
)


# a footnote's number set on a group's last word ("vs single-agent chemotherapy2")
FOOTNOTE_MARK = re.compile(r"(?<=[a-z]{4})\d{1,2}$")


@functools.lru_cache(maxsize=4096)
def label_words(label: str) -> frozenset[str]:
    """The words of a group's label that tell it from another group (lower case)."""
    return frozenset(w for w in LABEL_WORD.findall(label.lower()) if w not in NO_GROUP_WORDS)


@functools.lru_cache(maxsize=4096)
def group_label(phrase: str, drugs: frozenset[str] = frozenset()) -> str:
    """The group a phrase names, or "" when it names none (module doc); ``drugs``: codes the
    record defines as drugs, groups though shaped as trials' names ("CPX-351"). (Cached: a corpus
    names its groups in the same words again and again.)"""
    label = DOSE.sub("", DROP_BRACKETS.sub("", phrase)).strip(" ,;:")
    if label[-1:].isdigit():
        label = FOOTNOTE_MARK.sub("", label)
    label = _strip_leading(label)
    for _ in range(3):  # "difference in RFS for A": past each head that is not a group
        label = _NOT_A_GROUP.sub("", label)
    label = CUT.sub("", _CYCLES_AFTER.sub("", label)).strip(" ,;:")
    label = _strip_leading(label)
    label = _FORM.sub("", _GROUP_SUFFIX.sub("", label)).strip(" ,;:")
    label = re.sub(r"\s+", " ", label)
    if "-" in label:
        label = _BROKEN_WORD.sub(_rejoined, label)
    if (
        is_generic(label)
        or not is_clean_label(label)
        or (_TRIAL_LIKE.match(label) and label not in drugs)
        or _TRIAL_HEAD.search(label)
    ):
        return ""
    return label


# a word a page broke across a line with a hyphen, the line break since lost: "gemcita-bine"
_BROKEN_WORD = re.compile(r"\b[a-z]{3,}-[a-z]{3,}\b")


def _rejoined(m: re.Match[str]) -> str:
    """A hyphenated word whose two parts joined are a drug of the drug lexicon, joined; any
    other ("nab-paclitaxel") as it is."""
    joined = m.group().replace("-", "")
    return joined if drug_lexicon().get(joined) else m.group()


_OR = re.compile(r",?\s+or\s+", re.IGNORECASE)
# how an agent of a group is given, before it, one way or another: "oral A and subcutaneous or
# intravenous B" (its "or" parts no groups)
_ROUTES_BEFORE = re.compile(
    r"\b(?:oral|intravenous|subcutaneous|intramuscular)"
    r"(?:\s+or\s+(?:oral|intravenous|subcutaneous|intramuscular))?\s+(?=[A-Za-z])",
    re.IGNORECASE,
)
# a backbone all groups get, after the last of them: "A or B, plus C", "A or B, both given with
# C", "A or B in combination with C"
_BACKBONE = re.compile(
    r"\s*,\s*(?:both\s+|each\s+|all\s+)?(?:given\s+)?(?:plus|in combination with|combined with|with|"
    r"on a background of)\s+.*$",
    re.IGNORECASE,
)
_SHARED_TAIL = re.compile(r"\s+(?:in combination with|combined with)\s+.*$", re.IGNORECASE)
_FOLLOWED = re.compile(r"\s*,?\s*(?:followed by|then)\b.*$", re.IGNORECASE)
# what the last group's treatment may be, after the list: "A or investigator's choice chemotherapy,
# such as FOLFOX or FOLFIRI" (no groups of their own)
_EXAMPLES = re.compile(r"\s*,\s*(?:such as|e\.g\.|for example|including)\b.*$", re.IGNORECASE)
# how the assignment was balanced, after the list: "to A, B, or C, stratified by PD-L1 expression"
_STRATIFIED = re.compile(
    r"\s*,?\s*(?:and\s+)?(?:stratified|with\s+stratification|stratification)\b.*$", re.IGNORECASE
)
# when the groups were given, after the last of them: "to A or placebo after response to
# first-line chemotherapy", "following surgery"
# (and its schedule, commas and all: "B alone on days 1, 8, and 15 of each cycle")
# what a group's treatment is one of, after its name: "the control arm of either A or B with C"
# (one group, the control; its alternatives are no groups of their own)
_ONE_OF = re.compile(
    r"(?:(?<=\barm)|(?<=\bgroup))\s+(?:consisting\s+)?of\s+either\b"
    # (up to the next group: "... or drug N, or to drug K")
    r"(?:(?!\s+(?:or|and)\s+(?:to|an?|the)\b)[^,;])*",
    re.IGNORECASE,
)
_WHEN_GIVEN = re.compile(
    r"\s+(?:(?:after|following|upon|until)\s|on\s+days?\s+\d).*$",
    re.IGNORECASE,
)
_ITEM_SEP = re.compile(r"\s*;\s*(?:or\s+|and\s+)?|\s*,\s*(?:or\s+|and\s+)?|\s+and\s+(?=\d)")
_NUMBER_TO = re.compile(
    r"\b\d+\s+(?:\w+\s+){0,3}?(?:were\s+)?(?:(?:randomi[sz]ed|assigned|allocated)\s+)?to\s+",
    re.IGNORECASE,
)
_AND_NUMBER_TO = re.compile(
    r"\s+and\s+(?=\d+\s+(?:\w+\s+){0,3}?(?:were\s+)?(?:(?:randomi[sz]ed|assigned|allocated)\s+)?to\s)",
    re.IGNORECASE,
)
_COMBINED = re.compile(r"\s+in combination with\s+", re.IGNORECASE)


# a group named by a head before what it is given: "triplet therapy with A, B and C", "control
# treatment with D"
_HEADED = re.compile(
    r"(?:^|,\s*(?:or\s+|and\s+)?|\s+or\s+)(?:either\s+)?"
    r"(?P<head>(?:[A-Za-z][\w-]*\s+){0,2}(?:therapy|treatment|regimen))\s+with\s",
    re.IGNORECASE,
)


def _headed_groups(text: str) -> list[str]:
    """The heads of a list whose groups are named by one before what they are given ("triplet
    therapy with A, B and C, doublet therapy with A and C, or control treatment with D"): the
    commas of an agents' list are no group's end. The last group may be named alone after ", or"
    ("..., or placebo"). [] unless the list is that: two or more heads, the first opening it."""
    found = list(_HEADED.finditer(text))
    if len(found) < 2 or found[0].start() != 0:
        return []
    labels = [group_label(m.group("head")) for m in found]
    rest = text[found[-1].end() :]
    if ", or " in rest:  # the last group, named alone
        *agents, last = rest.split(", or ")
        if len(agents) != 1 or "," in last or " or " in agents[0]:
            return []
        labels.append(group_label(last))
    elif " or " in rest:
        return []
    return labels if all(labels) else []


# a backbone given "with or without" an agent: the groups are the agent's and the one without it
# ("chemotherapy with or without drug B", "A and B with (n = 206) or without (n = 204) drug C")
WITH_OR_WITHOUT = re.compile(
    r"\bwith\s*(?:\((?P<n>[^()]*)\)\s*)?or\s+without\s*(?:\((?P<n2>[^()]*)\)\s*)?"
    # (an agent's name of two words has a capital or a digit in its second: "drug K", "MK 12")
    r"(?P<agent>[A-Za-z][\w+/-]*(?:\s+(?-i:[A-Z0-9])[\w+/-]*)?"
    r"(?:\s+(?:\+|plus|and)\s+[A-Za-z][\w+/-]*)?)",
    re.IGNORECASE,
)


def with_or_without(agent: str) -> list[str]:
    """The two groups of a "with or without" ``agent`` list: [agent, "without agent"] ([] when
    the agent names no group)."""
    label = group_label(agent)
    return [label, f"without {label}"] if label else []


def split_groups(listed: str) -> list[str]:
    """The groups of an assignment's list, in order: "either A or B, plus C, every 3 weeks,
    followed by A or B" → [A, B]; "A and 328 to B" → [A, B]; "A with or without B" → [B,
    without B]. Empty strings mark pieces that name no group (the caller decides what a list
    with such a piece is worth)."""
    if (m := WITH_OR_WITHOUT.search(listed)) is not None and (pair := with_or_without(m["agent"])):
        return pair
    text = _FOLLOWED.sub("", simplify(_ROUTES_BEFORE.sub("", DROP_BRACKETS.sub("", listed))))
    text = _EXAMPLES.sub("", _STRATIFIED.sub("", text))
    text = _ONE_OF.sub("", _WHEN_GIVEN.sub("", text))
    headed = _headed_groups(text.strip())
    if headed:
        return headed
    first_or = _OR.search(text)
    if first_or:  # the backbone after the groups
        backbone = _BACKBONE.search(text, first_or.end())
        if backbone:
            text = text[: backbone.start()]
        last = list(_OR.finditer(text))[-1].end()
        shared = _SHARED_TAIL.search(text, last)
        if shared and not _COMBINED.search(text[:last]) and " plus " not in text[:last]:
            text = text[: shared.start()]
    text = _COMBINED.sub(" plus ", _NUMBER_TO.sub("", _AND_NUMBER_TO.sub(", ", text)))
    pieces = [p for part in _OR.split(text) for p in _ITEM_SEP.split(part) if p.strip()]
    labels = [(group_label(p), p) for p in pieces]
    # a piece that is only a schedule or a route ("given intravenously") is no group
    return [label for label, p in labels if label or not CUT.match(p.strip())]


def tail_label(phrase: str, max_words: int = 8, drugs: frozenset[str] = frozenset()) -> str:
    """The longest run of the last words of ``phrase`` that is a group label: "We compared
    FOLFOX plus drug M" → "FOLFOX plus drug M" (``drugs``: as for group_label)."""
    words = phrase.split()
    for n in range(min(len(words), max_words), 0, -1):
        label = group_label(" ".join(words[-n:]), drugs)
        if label:
            return label
    return ""


# a factor's level and the level it is compared with where the text names only one: a
# prognostic factor of a multivariable model ("absent TACE (HR 3.197)", "tumor numbers <= 3 (0.313)")
_ABSENT = re.compile(r"^absent\s+(?P<what>.+)$", re.IGNORECASE)
_NO = re.compile(r"^(?:no|without)\s+(?P<what>.+)$", re.IGNORECASE)
_PRESENT = re.compile(r"^present\s+(?P<what>.+)$", re.IGNORECASE)
_AT_MOST = re.compile(
    r"^(?P<what>.+?)\s*(?P<op>≤|<=|=<|≥|>=|=>)\s*(?P<n>\d+(?:[.·]\d+)?)(?P<unit>\s+[A-Za-z]+)?$"
)


def complement(level: str) -> str | None:
    """The level a factor's level is compared with, where its words say it ("absent X" -> "present
    X", "no X" -> "X", "X <= 3" -> "X more than 3", "X >= 65 years" -> "X less than 65 years"),
    else None."""
    if m := _ABSENT.match(level):
        return f"present {m.group('what')}"
    if m := _PRESENT.match(level):
        return f"absent {m.group('what')}"
    if m := _NO.match(level):
        return m.group("what")
    if m := _AT_MOST.match(level):
        than = "more than" if m.group("op") in ("≤", "<=", "=<") else "less than"
        return f"{m.group('what')} {than} {m.group('n')}{m.group('unit') or ''}"
    return None
