"""The study a record reports, resolved once per record before its numbers are read: the groups
it compares, in the order it declares them, which is experimental and which the control, and the
names each group goes by.

Groups are declared by sized lists ("randomized 2:1 to A (n = 143) or B (n = 68)"), the
randomisation statement ("randomly assigned (1:1) to receive either A or B, plus C", "379 to A
and 194 to B"), groups given identifiers ("A [arm A] or B [arm B]", "(the A group)"), a card's
lines that each open with a group's size ("N=303 A (...)"), or a comparison in the title or
text ("A Versus B", "compared A with B", "a study of A compared to B", "A demonstrated ...
compared with B", its subject's last words that name a group: "one year of therapy with A
reduced ... compared to B"). A group defined with an abbreviation ("nivolumab plus cabozantinib
(NIVO + CABO)", "pembrolizumab (pembro)") goes by both. Groups declared apart from the treatment
they share ("to A or B, plus C") are named with it when the record names each so ("A + C", "B
plus C"), as its readers do. The control is the group given
placebo, best supportive care, the standard of care or an investigator's choice ("X alone"),
else the last one declared.

A group label that the sentence grammar proposes is resolved against the declared groups
(``RecordContext.resolve``; etl.extract.fact_roles applies the context to a sentence's values): a label that holds all the words of one of a group's names is that
group, kept as written when it is a clean name and replaced by the declared label when it drags a
clause along ("Pembro + chemo significantly improved survival"); a label that names no declared
group is kept only when it reads as a group's name (a subgroup: "D1", "MRD responders").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from etl.extract.group_labels import (
    DROP_BRACKETS,
    NO_GROUP_WORDS,
    group_label,
    is_clean_label,
    label_words,
    simplify,
    split_groups,
    tail_label,
)
from etl.extract.phrases import DOSE_UNIT, is_generic
from etl.extract.trial_arms import (
    alternative_sized_groups,
    sized_groups,
    unbracketed_breakdown,
    versus_sized_groups,
)
from etl.extract.trial_names import defined_drugs
from etl.regex_prefilter import GatedAlternation, Prefiltered, alternatives
from etl.vocab.endpoints import endpoint_mentions
from etl.vocab.lexicon import drug_lexicon
from etl.vocab.marks import TRADEMARK_MARKS

# (never ending inside a hyphenated word: "standard-" of "standard-of-care")
# (or a dose among its words: "Trastuzumab deruxtecan 6.4 mg/kg q3w vs. B"; the label drops it;
# a regimen may open with a digit: "7+3", "5-FU")
_ITEM = (
    r"(?:[A-Za-z]|\d+\+\d|\d-[A-Za-z])[\w+\-/]*(?:\s+(?:\+|plus|with|and)\s+(?:[A-Za-z]|\d-[A-Za-z])[\w+\-/]*"
    r"|\s+(?:[A-Za-z]|\d+\+\d)[\w+\-/]*"
    r"|\s+\d+(?:[.,]\d+)?\s*(?:mg|µg|μg|mcg|g)(?:/(?:kg|m2|m²))?(?![\w+\-/])){0,4}?"
    r"(?![\w+\-/])"
)
# the words a group named in a comparison ends before: "A versus B in ...", "... after first
# recurrence", "compared with B across all end points", "... B who received ..."
_GROUP_ENDS = (
    r"in|for|on|of|as|among|regarding|after|following|across|by|from|within|when|who|which|that"
)
# what an agent is, set between commas before the agent it is combined with: "A, an
# investigational first-in-class antibody, plus B versus C plus B"
_APPOSITIVE = re.compile(
    r"(?<=\w),\s+an?\s+(?:[^,;.]|\.(?=\d)){3,120}?,\s+(?=(?:plus|\+|in\s+combination\s+with|combined\s+with)\s)",
    re.IGNORECASE,
)
_DEFINES = re.compile(r"\b(?:is|was|,) an? ")
ASSIGNMENT = Prefiltered(re.compile(r"randomi[sz]|randomly|assigned|allocated", re.IGNORECASE))
# "randomly assigned (1:1) to receive A or B", "randomized 2:1 to A or B", "randomly assigned, in a
# 1:1 ratio, patients who had ... to receive A or B", "at a two-to-one ratio to A or B". (The
# ratio keeps no trailing space: the lazy gap after it would otherwise find a later " to ".)
_RATIO = r"(?:\s*,?\s*(?:in|at)\s+an?\s+[\w:-]+\s+ratio,?|\s+\d:\d(?::\d)?,?|\s*\(\s*\d:\d(?::\d)?\s*\))?"
# "The authors assigned 866 patients ... to A or B" (a count of patients right after the verb)
_ASSIGNED_COUNT = r"\b(?:assigned|allocated)(?=\s+\d[\d,]*\s)"
_RANDOMISED = Prefiltered(
    re.compile(
        rf"(?:randomi[sz]ed|randomly\s+(?:assigned|allocated)|{_ASSIGNED_COUNT}){_RATIO}"
        rf"(?:[^.;]{{0,200}}?)?\s+to\s+(?:receive\s+)?(?:either\s*:?\s*)?(?:one of \w+ regimens:\s*)?"
        r"(?P<list>[^.;]+?)(?:\.\s|\.$|;|$)",
        re.IGNORECASE,
    )
)
# the list the patients were assigned to "receive", wherever the sentence says so: "randomly
# assigned patients with stage IB to IIIA disease to receive A or B" (the first " to " is not it)
_RANDOMISED_TO_RECEIVE = Prefiltered(
    re.compile(
        rf"(?:randomi[sz]ed|randomly\s+(?:assigned|allocated)|{_ASSIGNED_COUNT}){_RATIO}"
        rf"[^.;]{{0,200}}?\s+to\s+(?:receive|be\s+treated\s+with)\s+(?:either\s*:?\s*)?"
        r"(?P<list>[^.;]+?)(?:\.\s|\.$|;|$)",
        re.IGNORECASE,
    )
)
# the alternatives a study's patients were given: "Patients received either A or B"
_EITHER = re.compile(
    # (a backbone may come first: "were treated with X plus either A or B")
    r"\b(?:received|were\s+given|were\s+treated\s+with)\s+(?:[^.;]{1,80}?\s+(?:plus|and|with)\s+)?"
    r"either\s+(?P<list>[^.;]+?)(?:\.\s|\.$|;|$)",
    re.IGNORECASE,
)
_COMPARED = Prefiltered(
    re.compile(
        # (not the participle of "A compared with B": _NAMED_COMPARED)
        rf"\bcompar\w*\s+(?!(?:with|to|versus|vs)\b)(?:the\s+[\w\s]+?\s+of\s+)?(?P<a>{_ITEM})\s+(?:with|to|versus|vs\.?)\s+(?:th(?:ose|at)\s+of\s+)?(?P<b>{_ITEM})(?=\s*(?:[,.;():]|(?:using|{_GROUP_ENDS})\b|$))",
        re.IGNORECASE,
    )
)
_VERSUS = Prefiltered(
    re.compile(
        rf"(?<![\w-])(?P<a>{_ITEM})\s+(?:versus|vs\.?)\s+(?P<b>{_ITEM})(?=\s*(?:[,.;():]|(?:with|at|{_GROUP_ENDS})\b|$))",
        re.IGNORECASE,
    )
)
# "a phase III study of A compared to B", "a trial of A versus B", "the X trial of A or B plus C":
# what a study is of, against what
_STUDY_OF_VERSUS = Prefiltered(
    re.compile(
        rf"\b(?:study|trial)\s+of\s+(?P<a>{_ITEM})\s+(?:compared\s+(?:with|to)|versus|vs\.?|or)\s+"
        rf"(?P<b>{_ITEM})(?=\s*(?:[,.;():]|(?:with|at|{_GROUP_ENDS})\b|$))",
        re.IGNORECASE,
    )
)
# a title's "A compared with B in patients with ...", as a sentence or after a reference's
# authors ("Smith, J. et al. A compared with B ...")
_NAMED_COMPARED = Prefiltered(
    re.compile(
        # (not a clause's conjunction: "When compared with B, the HR was ...")
        r"(?:^|\bet\s+al\.\s+|:\s+)(?!(?:when|while|as|if|once|although|though|whereas|because"
        r"|since|unless|until|also|and|but|or|not|even|especially|notably|significantly)\b)"
        rf"(?P<a>{_ITEM})\s+(?:compared\s+(?:with|to)|in\s+comparison\s+"
        rf"(?:with|to))\s+(?P<b>{_ITEM})(?=\s*(?:[,.;():]|(?:with|at|{_GROUP_ENDS})\b|$))",
        re.IGNORECASE,
    )
)
# "the superiority of (the kinase inhibitor) A over B": the last words of the first are its group
_SUPERIORITY_OF = Prefiltered(
    re.compile(
        r"\b(?:superiority|benefit|advantage)\s+of\s+(?:the\s+)?(?P<a>[^.;,()]{1,80}?)\s+over\s+"
        rf"(?:the\s+)?(?P<b>{_ITEM})(?=\s*(?:[,.;():]|(?:with|at|{_GROUP_ENDS})\b|$))",
        re.IGNORECASE,
    )
)
# a group's short name bracketed right before "versus": "liposomal A, B and C (A+BC) versus BC"
_SHORT_VERSUS = re.compile(
    rf"\((?P<a>[^()]{{2,30}}?)\)\s+(?:versus|vs\.?)\s+(?P<b>{_ITEM})"
    rf"(?=\s*(?:[,.;():]|(?:with|at|{_GROUP_ENDS})\b|$))",
    re.IGNORECASE,
)
# "PFS remained better with A compared with B", "OS was longer for A than for B": the groups an
# outcome is compared between, named after the comparison's adjective (the subject is the outcome)
_BETTER_WITH = Prefiltered(
    re.compile(
        r"\b(?:better|longer|superior|improved|prolonged|higher|greater|lower|shorter|reduced)\s+"
        rf"(?:with|for|in|on)\s+(?:the\s+)?(?P<a>{_ITEM})\s+(?:compared\s+(?:with|to)|versus|vs\.?"
        rf"|than(?:\s+(?:with|for|in|on))?|relative\s+to|over)\s+(?:the\s+)?(?P<b>{_ITEM})"
        rf"(?=\s*(?:[,.;():]|(?:with|at|{_GROUP_ENDS})\b|$))",
        re.IGNORECASE,
    )
)
# "A demonstrated/improved ... compared with B": the subject of a sentence against its reference
_SUBJECT = r"[A-Za-z][\w+\-/]*(?:\s+(?:\+|plus|with|and|of)\s+[A-Za-z][\w+\-/]*|\s+[A-Za-z][\w+\-/]*){0,7}?"
_SUBJECT_CLAUSE = (
    rf"(?P<a>{_SUBJECT})\s+(?:demonstrated|showed|improved|prolonged|reduced|extended|resulted|led|met|"
    # (a lay summary's: "A helped people live longer compared with B")
    r"helped|"
    r"continue[sd]?\s+to\s+\w+|"
    # (or denied: "A did not significantly improve OS compared to B")
    r"(?:did|does|do)\s+not|failed\s+to|"
    r"(?:was|were)\s+associated|significantly|achieved|produced|yielded)\b[^.;]{0,200}?\b(?:compared\s+(?:with|to)|versus|vs\.?|over|relative\s+to)\s+"
    rf"(?P<b>{_ITEM})(?=\s*(?:[,.;():]|(?:with|at|{_GROUP_ENDS})\b|$))"
)
_SUBJECT_OVER = Prefiltered(
    re.compile(
        # (after a heading, a list's number, or a clause that sets the scene: "In the overall
        # population, A reduced ... compared to B")
        r"^(?:[A-Z]+:\s*|\d{1,2}\.\s+)?(?:(?:in|among|for|at)\s[^,;.]{3,80},\s*)?"
        + _SUBJECT_CLAUSE,
        re.IGNORECASE,
    )
)
# the subject of what a report showed: "The trial's data showed that A demonstrated superiority
# compared to B" (A, not "the trial's data")
_THAT_SUBJECT_OVER = Prefiltered(
    re.compile(
        r"\b(?:showed|demonstrated|found|indicated|confirmed|revealed)\s+(?:that\s+)?"
        + _SUBJECT_CLAUSE,
        re.IGNORECASE,
    )
)
# groups named with an identifier: "FOLFIRI plus cetuximab [arm A] or bevacizumab [arm B]"
_IDENTIFIED = re.compile(
    rf"(?P<label>{_ITEM})\s*[\[(]\s*(?P<id>(?:arm|group|cohort)\s+[A-Z0-9]{{1,3}})\s*[\])]",
    re.IGNORECASE,
)
# a group's line that opens with its size: "N=303 nivolumab plus ipilimumab (3 mg/kg ...)"
_SIZE_FIRST = re.compile(
    r"^\s*N\s*=\s*\d{1,6}\s+(?P<label>[A-Za-z][^()\[\].;:]{1,80}?)\s*(?:[(\[.;:]|$)"
)
_OR_SPLIT = re.compile(r",?\s+or\s+", re.IGNORECASE)
# a dose or a schedule, that simplify() takes out before groups are read (asked only whether one
# is there: GatedAlternation.found)
_DOSED = GatedAlternation(
    [
        Prefiltered(re.compile(branch, re.IGNORECASE))
        for branch in alternatives(rf"\d\s*(?:{DOSE_UNIT}|AUC)\b|daily|weekly|every|\bdays?\s+\d")
    ]
)
_STUDY_OF = Prefiltered(
    re.compile(
        r"\b(?:study|trial)\s+of\s+(?P<a>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?)\s+"
        r"(?:in combination with|plus|combined with|with)\s+(?P<b>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?)\b",
        re.IGNORECASE,
    )
)
# the two groups a sentence gives values of, each named "the ... group": "53.3 months in the A
# group compared to 36.5 months in the B group", "... (95% CI ...) in the A arm and 12% in the B
# arm" (the last resort: a summary that declares its groups nowhere else)
_GROUP_VALUES = Prefiltered(
    re.compile(
        rf"\b(?:in|with|for|among)\s+the\s+(?P<a>{_ITEM})\s+(?:group|arm)\b(?:[^.;]|\.\d){{0,120}}?"
        r"\b(?:and|versus|vs\.?|compared\s+(?:with|to)|than)\s+(?:[^.;]|\.\d){0,60}?"
        rf"\b(?:in|with|for|among)\s+the\s+(?P<b>{_ITEM})\s+(?:group|arm)\b",
        re.IGNORECASE,
    )
)
_IDENTIFIER_GATE = re.compile(r"[\[(]\s*(?:arm|group|cohort)\s+[A-Z0-9]", re.IGNORECASE)
_NAMED_GROUP = Prefiltered(
    re.compile(r"\((?:the\s+)?(?P<name>[\w+\-/]+(?:\s+[\w+\-/]+){0,3}?)\s+group\)", re.IGNORECASE)
)
# an abbreviation a text defines: "nivolumab plus cabozantinib (NIVO + CABO)"
_DEFINED = re.compile(r"\((?P<short>[A-Za-z][\w+\-/]*(?:\s*[+/]\s*[\w\-]+){0,3})\)")
# (a bracket right after a group's label names it when it is written as an abbreviation is: an
# upper-case letter besides the first, as "BVd", "Pola-R-CHP", "TAS-102", or a capital and one
# or two small letters, as a regimen's "Kd", "Vd"; not "(docetaxel)")
_ABBREVIATION_LIKE = re.compile(r"^(?:.+[A-Z]|[A-Z][a-z]{1,2}$)")
_WORDS_BEFORE = re.compile(r"[A-Za-z][\w\-/+]*")
# what the control group is given, and (weaker) what a group given one agent alone is called
_CONTROL_WORDS = re.compile(
    r"\b(?:placebo|pbo|best supportive care|bsc|standard(?:-of-care| of care| care| therapy| treatment)|"
    r"physician.?s? choice|investigator.?s? choice|observation|conventional|control|usual care|"
    r"active monitoring"
    # ("standard" alone qualifies a treatment: the control's, unless another is added to it,
    # "standard RT + drug K", "standard chemotherapy plus drug K")
    r"|standard(?![^;]*?(?:\+|\bplus\b|\bwith\b)))\b",
    re.IGNORECASE,
)
# a group given chemotherapy and nothing named besides ("platinum-based chemotherapy"), not a
# phase of treatment added to another ("induction chemotherapy" followed by chemoradiotherapy,
# against "chemoradiotherapy alone", is the experimental group)
_CHEMOTHERAPY = re.compile(
    r"^(?!(?:induction|neoadjuvant|adjuvant|consolidation|maintenance)\b)"
    r"(?:[\w-]+[- ])?(?:chemotherapy|chemo|CTx)$",
    re.IGNORECASE,
)
_ALONE = re.compile(r"\b(?:alone|only)\b", re.IGNORECASE)
_ABSENCE = frozenset(["without", "no"])  # ("A" against "without A": no agent added)
# "A versus A with C" (the lazy reading stops at "with": two groups alike): the second group's
# added agent, up to where the name ends
_ADDED_WITH = re.compile(
    rf"\s+with\s+(?P<c>{_ITEM})(?=\s*(?:[,.;():]|(?:vs|versus|at|{_GROUP_ENDS})\b|$))",
    re.IGNORECASE,
)
# a group named by its role in the comparison, not by what it was given
_ROLE = re.compile(
    r"^(?:the\s+)?(?:(?P<experimental>treatment|experimental|investigational|investigative|intervention|active)"
    r"|control|comparator|reference)(?:\s+(?:arm|group|cohort))?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Arm:
    label: str
    names: tuple[str, ...]  # the label and the other names defined for it
    control: bool
    bags: tuple[frozenset[str], ...] = ()
    # the label without the treatment all groups share, when the label is joined to it
    alone: str | None = None

    def named_by(self, words: frozenset[str]) -> str:
        """The name for a phrase of these words that means this group: its label, or the label
        without the shared treatment when the phrase leaves that out ("pts who completed 35
        cycles of A" in a record of "A + C" and "B + C")."""
        if self.alone is None or label_words(self.label) <= words:
            return self.label
        return self.alone


@dataclass(frozen=True)
class RecordContext:
    arms: tuple[Arm, ...] = ()
    _resolved: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)
    _arm_of: dict[str, Arm | None] = field(default_factory=dict, compare=False, repr=False)

    @property
    def labels(self) -> list[str]:
        return [a.label for a in self.arms]

    # (the roles are asked of every value of the record: worked out once, the context being
    # frozen)
    @functools.cached_property
    def experimental(self) -> str | None:
        return next((a.label for a in self.arms if not a.control), None)

    @functools.cached_property
    def control(self) -> str | None:
        return next((a.label for a in reversed(self.arms) if a.control), None)

    @functools.cached_property
    def comparison(self) -> tuple[str, str] | None:
        """(experimental, control), the groups a ratio compares when it says nothing else."""
        experimental, control = self.experimental, self.control
        if experimental and control and experimental != control:
            return experimental, control
        return None

    def arm_of(self, label: str) -> Arm | None:
        """The declared group a label names: the one with the most words of one of its names,
        all of them in the label."""
        if label in self._arm_of:
            return self._arm_of[label]
        bag = label_words(label)
        best, best_size = None, 0
        for arm in self.arms:
            for names in arm.bags:
                if names <= bag and len(names) > best_size:
                    best, best_size = arm, len(names)
        self._arm_of[label] = best
        return best

    def resolve(self, label: str | None) -> str | None:
        """The label a number is given, checked against the declared groups (module doc)."""
        if label is None or not self.arms:
            return label
        if label not in self._resolved and (role := _ROLE.match(label)) and self.comparison:
            # "the treatment arm", "the control group": the group the record gives that role
            self._resolved[label] = self.comparison[0 if role.group("experimental") else 1]
        if label not in self._resolved:
            arm = self.arm_of(label)
            clean = is_clean_label(label)
            self._resolved[label] = (
                (label if clean else arm.named_by(label_words(label)))
                if arm
                else (label if clean else None)
            )
        return self._resolved[label]


# Words that declare no group alone: they point back to one named before ("An analysis showed
# the combination reduced ... compared to standard of care B"), where a value's label may use
# them as a role ("31% and 18% in the combination and control groups")
_POINTING_BACK = frozenset(["combination", "regimen", "treatment", "therapy", "drug", "agent"])


def _pair(a: str, b: str, drugs: frozenset[str] = frozenset()) -> list[str]:
    """The groups of "A versus B" ("A or B versus C": three)."""
    groups = [group_label(x, drugs) for x in (*_OR_SPLIT.split(a), b)]
    if any(g.lower() in _POINTING_BACK for g in groups):
        return []
    if all(groups) and len({g.lower() for g in groups}) == len(groups):
        return groups
    return []


# what a comparison's first group may be read with, before it: "updated data for A versus B",
# "the outcomes of A versus B"
_HEAD_OF = re.compile(r"^.*?\b(?:for|of)\s+(?=\S)", re.IGNORECASE)


def _past_head(a: str) -> str:
    """The first group of "A versus B" past what it was read with ("updated data for A": A),
    where what follows names a group."""
    m = _HEAD_OF.match(a)
    return a[m.end() :] if m is not None and group_label(a[m.end() :]) else a


def _short_pair(sentence: str, drugs: frozenset[str]) -> list[str]:
    """ "with A, B and C (ABC) versus D": the short name the bracket gives the first group, whose
    own name the list's commas cut (else [])."""
    short = _SHORT_VERSUS.search(sentence) if "(" in sentence else None
    if short is None or not _ABBREVIATION_LIKE.match(short["a"]):
        return []
    return _pair(short["a"], _before_endpoint(short["b"]), drugs)


def _added_to(text: str, m: re.Match[str]) -> str:
    """The second group of "A versus A with C" when ``m`` read it as "A" (else ""): A with C,
    its name cut before the first endpoint after it ("... with C ORR: 45% vs 60%")."""
    if m.group("a").lower() != m.group("b").lower():
        return ""
    added = _ADDED_WITH.match(text, m.end("b"))
    if added is None:
        return ""
    c = _before_endpoint(added.group("c"))
    return f"{m.group('b')} with {c}" if c else ""


def _before_endpoint(label: str) -> str:
    """A group's name read up to a result's label, cut before it: "B ORR" of "A vs B ORR: 14% vs
    51%" (a table's cell of groups run into its cell of results)."""
    named = endpoint_mentions(label)
    return label[: named[0][0]].strip() if named and named[0][0] > 0 else label


def _declared(
    sentences: list[str], drugs: frozenset[str] = frozenset()
) -> tuple[list[str], dict[str, str]]:
    """The groups, in the order the record declares them ([] when it declares none), and the
    identifiers some of them are given ({"arm A": label}); ``drugs``: the codes the record
    defines as drugs (group_label)."""
    # (the sentences that assign patients, looked for only as far as the first that sizes its
    # groups: most records have one)
    assigning = []
    for s in sentences:
        if not ASSIGNMENT.search(s):
            continue
        assigning.append(s)
        sized = [
            group_label(label) for label, *_ in sized_groups(simplify(s) if _DOSED.found(s) else s)
        ]
        if len(sized) >= 2 and all(sized):
            return sized, {}
    for s in sentences:  # a total broken down into sized groups: "103 patients, A n = 54, B n = 49"
        if " n" in s and (broken := unbracketed_breakdown(s)):
            labels = [group_label(label) for label, *_ in broken]
            if all(labels):
                return labels, {}
    for s in sentences:
        identified = list(_IDENTIFIED.finditer(s)) if _IDENTIFIER_GATE.search(s) else []
        if len(identified) >= 2:
            labels = [tail_label(m.group("label")) for m in identified]
            if all(labels):
                ids = {m.group("id"): lab for m, lab in zip(identified, labels, strict=True)}
                return labels, ids
    for s in assigning:
        # (doses out first: "A, 7.4 GBq every 8 weeks, or B" holds no decimal point then)
        plain = DROP_BRACKETS.sub("", simplify(s) if _DOSED.found(s) else s)
        m = _RANDOMISED_TO_RECEIVE.search(plain) or _RANDOMISED.search(plain)
        if m:
            arms = split_groups(m.group("list"))
            if 2 <= len(arms) <= 4 and all(arms):
                return arms, {}
    for s in sentences:  # "Patients received either A plus B or C": alternatives, not assigned
        m = _EITHER.search(s) if "either" in s else None
        if m:
            plain = DROP_BRACKETS.sub("", simplify(m.group("list")))
            arms = split_groups(plain)
            if 2 <= len(arms) <= 4 and all(arms):
                return arms, {}
    if roles := _role_lines(sentences):
        return roles, {}
    named = [m.group("name") for s in sentences for m in _NAMED_GROUP.finditer(s)]
    named = list(dict.fromkeys(n for n in named if not is_generic(n)))
    if len(named) >= 2:
        return named, {}
    added = _add_on(sentences)
    if added:
        return added, {}
    # a card's interventions, one a line, each after its size: "N=303 A (dose ...)", "N=302 B"
    sized_lines = [m for s in sentences if (m := _SIZE_FIRST.match(s))]
    if len(sized_lines) >= 2:
        labels = [group_label(m.group("label")) for m in sized_lines]
        if all(labels) and len({label.lower() for label in labels}) == len(labels):
            return labels, {}
    for s in sentences:  # a summary's "A (n=300) vs. B (n=300)", with no verb that assigns
        versus = [group_label(label) for label, *_ in versus_sized_groups(s)]
        if versus and all(versus):
            return versus, {}
    for s in sentences:  # or its "A (n=651) or B (n=654) with C"
        versus = [group_label(label) for label, *_ in alternative_sized_groups(s)]
        if versus and all(versus):
            return versus, {}
    for s in sentences:
        plain = DROP_BRACKETS.sub("", s)
        if ", a" in plain:  # (what an agent is, said between it and its partner, left out)
            plain = _APPOSITIVE.sub(" ", plain)
        for pattern in (
            _COMPARED,
            _STUDY_OF_VERSUS,
            _VERSUS,
            _NAMED_COMPARED,
            _BETTER_WITH,
            _SUPERIORITY_OF,
            _THAT_SUBJECT_OVER,
            _SUBJECT_OVER,
        ):
            m = pattern.search(plain)
            if m is None:
                continue
            # (a subject is its last words that name a group: "one year of therapy with A")
            if plain[: m.start("a")].rstrip().endswith(",") and (short := _short_pair(s, drugs)):
                return short, {}  # (the first group cut at a comma of its own name)
            subject = pattern in (_THAT_SUBJECT_OVER, _SUBJECT_OVER, _SUPERIORITY_OF)
            a = tail_label(m.group("a"), drugs=drugs) if subject else _past_head(m.group("a"))
            b = _before_endpoint(m.group("b"))
            if pair := _pair(a, b, drugs) or _pair(a, _added_to(plain, m), drugs):
                return pair, {}
    for s in sentences:
        if (m := _GROUP_VALUES.search(s)) and (pair := _pair(m.group("a"), m.group("b"), drugs)):
            return pair, {}
    return [], {}


# a group introduced by its role, as registry records and trial cards write them: "Experimental:
# drug A + drug B", or "Control" on a line of its own over "drug C + drug B"
_ROLE_LINE = re.compile(
    r"\s*(?P<role>experimental|investigational|control|(?:active|placebo)\s+comparator|comparator)"
    r"(?:\s+(?:arm|group))?\s*(?::\s*(?P<label>\S.*))?$",
    re.IGNORECASE,
)
# or a card's field, its label and its value on one line without a colon: "Intervention Drug A
# 1200 mg IV every 21 days", "Comparator Best supportive care (observation)"
_ROLE_FIELD = re.compile(
    r"\s*(?P<role>Interventions?|Comparators?|Control|Experimental)\s+(?P<label>[A-Z].*)$"
)


def _role_lines(sentences: list[str]) -> list[str]:
    """The groups a record introduces by their roles, experimental first ([] unless one of each
    role is there)."""
    experimental: list[str] = []
    controls: list[str] = []
    for i, s in enumerate(sentences):
        m = (_ROLE_LINE.match(s) or _ROLE_FIELD.match(s)) if len(s) <= 200 else None
        if m is None:
            continue
        text = m.group("label") or (sentences[i + 1] if i + 1 < len(sentences) else "")
        label = group_label(text.rstrip(" ."))
        if not label:
            continue
        role = m.group("role").lower()
        experimental_roles = ("experimental", "investigational", "intervention", "interventions")
        (experimental if role in experimental_roles else controls).append(label)
    return experimental + controls if experimental and controls else []


def _add_on(sentences: list[str]) -> list[str]:
    """An add-on design: "a study of A in combination with B" and, elsewhere, "B alone" → the
    groups "A plus B" and "B alone"."""
    for s in sentences:
        m = _STUDY_OF.search(DROP_BRACKETS.sub("", s))
        if m is None:
            continue
        a, b = group_label(m.group("a")), group_label(m.group("b"))
        if not (a and b):
            continue
        alone = re.compile(rf"\b{re.escape(b)}\s+(?:alone|only|monotherapy)\b", re.IGNORECASE)
        hits = (alone.search(x) for x in sentences)
        hit = next((h for h in hits if h is not None), None)
        if hit is not None:
            return [f"{a} plus {b}", hit.group()]
    return []


def _abbreviations(sentences: list[str]) -> list[tuple[str, str]]:
    """(long form, abbreviation) pairs the record defines, found as Schwartz and Hearst find
    them: the shortest run of words before the bracket that starts with the abbreviation's first
    letter and holds all its letters in order ("Nivolumab plus cabozantinib (NIVO + CABO)",
    "pembrolizumab (pembro)", "low-dose cytarabine (LDAC)")."""
    pairs = []
    for s in sentences:
        if "(" not in s:
            continue
        for m in _DEFINED.finditer(s):
            short = m.group("short")
            letters = "".join(c for c in short.lower() if c.isalnum())
            if len(letters) < 2 or len(letters) > 12 or any(c.isdigit() for c in letters):
                continue
            words = _WORDS_BEFORE.findall(s[: m.start()])[-(len(letters) + 5) :]
            for n in range(1, len(words) + 1):
                long = " ".join(words[-n:])
                if long[:1].lower() == letters[0] and _in_order(letters, long.lower()):
                    if not any(c.isdigit() for c in long):
                        pairs.append((long, short))
                    break
    return pairs


def _named_after(labels: list[str], sentences: list[str]) -> list[tuple[str, str]]:
    """(group, abbreviation) pairs where a declared group's label is followed right away by an
    abbreviation in brackets whose letters need not spell it out: "the BLENREP triplet (BVd)",
    "trifluridine/tipiracil (FTD/TPI)" (a brand, a regimen's initials)."""
    pairs: dict[str, str] = {}
    lowered = [(label, label.lower()) for label in labels]
    for s in sentences:
        if "(" not in s:
            continue
        for m in _DEFINED.finditer(s):
            short = m.group("short")
            if not _ABBREVIATION_LIKE.search(short):
                continue
            before = s[: m.start()].rstrip().lower()
            for label, low in lowered:
                if label not in pairs and before.endswith(low):
                    head = before[: len(before) - len(low)]
                    if not head or not (head[-1].isalnum() or head[-1] == "_"):
                        pairs[label] = short
    return list(pairs.items())


def _in_order(letters: str, text: str) -> bool:
    position = 0
    for c in letters:
        position = text.find(c, position) + 1
        if position == 0:
            return False
    return True


def _names(label: str, defined: list[tuple[str, str]], identifiers: dict[str, str]) -> list[str]:
    """The label and the names the record defines for it."""
    names = [label, *(i for i, named in identifiers.items() if named == label)]
    bag = label_words(label)
    for long, short in defined:
        long_bag, short_bag = label_words(long), label_words(short)
        if not bag:
            continue
        # "sunitinib (SUN)" for the group "sunitinib", "(NIVO + CABO)" for the group of the
        # long form's words, "pembrolizumab (pembro)" for a group named by either
        if (bag <= long_bag and not (long_bag - bag - NO_GROUP_WORDS)) or bag in (
            short_bag,
            long_bag,
        ):
            names.extend(n for n in (long, short) if n not in names)
    return names


# a group joined to the treatment it shares with the others: "TALA + ENZA", "suge+chemo", "A plus C"
# (the words after the joiner, as far as a mark: the partner is as many of them as always follow)
_JOINED = r"(?<![\w-]){label}\s*(?:\+|\bplus\b)\s*(?P<after>[A-Za-z][\w-]*(?:[ \t]+[\w-]+){{0,3}})"
_WORD = re.compile(r"[\w-]+")


def _with_backbone(labels: list[str], sentences: list[str]) -> list[str]:
    """The labels, each joined to the partner treatment the record names with every one of them
    (as first written for each group), or the labels as they are when there is none. The partner
    is the words that always follow the joiner ("+ drug Z" though "+ ENZA improved")."""
    if not any("+" in s or "plus" in s for s in sentences):
        return labels  # (no group is joined to anything: most records)
    found: list[list[re.Match[str]]] = []
    for label in labels:
        joined = re.compile(_JOINED.format(label=re.escape(label)), re.IGNORECASE)
        mentions = [m for s in sentences for m in joined.finditer(s)]
        if not mentions:
            return labels
        found.append(mentions)

    def words(m: re.Match[str]) -> list[str]:
        return [w.lower() for w in _WORD.findall(m.group("after"))]

    firsts = [{words(m)[0] for m in mentions} for mentions in found]
    shared = next(
        (first for m in found[0] if all((first := words(m)[0]) in f for f in firsts)),
        None,
    )
    if shared is None:
        return labels
    partners = [words(m) for mentions in found for m in mentions if words(m)[0] == shared]
    size = 1
    while all(len(w) > size for w in partners) and len({w[size] for w in partners}) == 1:
        size += 1
    if label_words(" ".join(partners[0][:size])) in {label_words(label) for label in labels}:
        return labels  # (a group joined to another: "A + B" where A and B are declared)
    named = []
    for mentions in found:
        m = next(m for m in mentions if words(m)[0] == shared)
        last = list(_WORD.finditer(m.group("after")))[size - 1]
        named.append(m.string[m.start() : m.start("after") + last.end()])
    return named


# (and the quotation marks a regimen's name may stand in: "A vs conventional “7+3” regimen")
_QUOTES = '\u201c\u201d\u201e"'
# an em dash glued to the words it parts, before a word that is no drug's, opens a remark on what
# precedes it, as a table's cell writes one: "A vs. B—intended six cycles each", "A—until
# progression" (read as a comma: the group is "B"; "A—B" with a drug after it stays a name)
_CLAUSE_DASH = re.compile(r"(?<=[\w)])\u2014(?=(?P<word>[a-z]+))")


_TREATMENT_WORD = re.compile(r"chemo\w*|\w*therapy|placebo|radiation|surgery|transplant\w*")


def _dash_as_comma(m: re.Match[str]) -> str:
    word = m.group("word")
    treatment = drug_lexicon().get(word) or _TREATMENT_WORD.fullmatch(word)
    return "\u2014" if treatment else ","


_NO_TRADEMARKS = str.maketrans("", "", TRADEMARK_MARKS + _QUOTES)
_TRADEMARK = re.compile(f"[{TRADEMARK_MARKS}{_QUOTES}]")


def record_context(sentences: list[str]) -> RecordContext:
    """The record's groups, from its sentences (its title among them) in order."""
    # (one scan of the record for a mark: the pattern is one character)
    if _TRADEMARK.search("".join(sentences)):
        sentences = [s.translate(_NO_TRADEMARKS) for s in sentences]
    if any("\u2014" in s for s in sentences):
        sentences = [_CLAUSE_DASH.sub(_dash_as_comma, s) for s in sentences]
    if any(_is_versus_line(s) for s in sentences):
        sentences = _joined_at_versus(sentences)
    # (a code the record defines as a drug may name a group: "CPX-351 is a liposomal ...")
    drugs = frozenset(d for s in sentences if _may_define(s) for d in defined_drugs(s))
    declared, identifiers = _declared(sentences, drugs)
    labels = list(dict.fromkeys(declared))
    if len(labels) < 2:
        return RecordContext()
    defined = _abbreviations(sentences) + _named_after(labels, sentences)
    control = _control(labels)
    if not any(is_control(label) for label in labels):
        # (groups with nothing in their names that says which: the one the text calls the
        # standard, "whether A (GD) is non-inferior to the standard B plus C (AI)")
        control = _called_standard(labels, sentences, control)
    arms = []
    backbones = _with_backbone(labels, sentences)
    own = _without_shared_part(labels) if backbones == labels else [None] * len(labels)
    for i, (label, named) in enumerate(zip(labels, backbones, strict=True)):
        alone = own[i] if named == label else label
        names = tuple(
            dict.fromkeys((named, *_names(label, defined, identifiers), *[alone] * bool(alone)))
        )
        bags = tuple(b for b in (label_words(n) for n in names) if b)
        arms.append(Arm(named, names, i == control, bags, alone))
    return RecordContext(tuple(arms))


_PARTS = re.compile(r"\s*(?:\+|\bplus\b)\s*", re.IGNORECASE)


def _without_shared_part(labels: list[str]) -> list[str | None]:
    """Each group's label without the treatment every group's label joins to it ("A +
    pem-platinum", "B + pem-platinum": "A", "B"), or Nones when they share none: a group is
    named by its own part too ("pts who completed 35 cycles of A")."""
    parts = [[p for p in _PARTS.split(label) if p] for label in labels]
    shared = set.intersection(*({p.lower() for p in ps} for ps in parts))
    own = [" + ".join(p for p in ps if p.lower() not in shared) for ps in parts]
    if not shared or not all(own) or len({o.lower() for o in own}) < len(own):
        return [None] * len(labels)
    return [o or None for o in own]


_VERSUS_WORDS = frozenset(["vs", "vs.", "versus", "v"])
_LONGEST_VERSUS_WORD = max(map(len, _VERSUS_WORDS))


def _is_versus_line(s: str) -> bool:
    """Whether a line is only a "versus" word. (Its length asked first: lower-casing never
    shortens a text, and most lines are sentences, not worth lower-casing for this.)"""
    line = s.strip()
    return len(line) <= _LONGEST_VERSUS_WORD and line.lower() in _VERSUS_WORDS


def _may_define(s: str) -> bool:
    """_DEFINES.search(s), asked only where its words are: "is a(n) ", "was a(n) " hold "s a",
    ", a(n) " holds ", a"."""
    return ("s a" in s or ", a" in s) and _DEFINES.search(s) is not None


def _joined_at_versus(sentences: list[str]) -> list[str]:
    """A table's cell of groups one a line, "A" / "vs" / "B" / "vs" / "C": one "A vs B vs C"."""
    out: list[str] = []
    joining = False
    for s in sentences:
        if s.strip().lower() in _VERSUS_WORDS and out:
            out[-1] += " vs"
            joining = True
        elif joining:
            out[-1] += " " + s
            joining = False
        else:
            out.append(s)
    return out


def is_control(label: str) -> bool:
    """Whether a group is given a control treatment (placebo, standard of care, observation)."""
    return _CONTROL_WORDS.search(label) is not None or _CHEMOTHERAPY.search(label) is not None


_STANDARD_WORD = r"(?:standard|conventional|reference)"
_SAYS_STANDARD = Prefiltered(re.compile(rf"\b{_STANDARD_WORD}\b", re.IGNORECASE))
# (the words a treatment's name may have before the label in brackets: "the standard Adriamycin
# plus ifosfamide (AI)")
_CALLED_STANDARD = (
    rf"\b(?:the\s+)?{_STANDARD_WORD}\s+(?:[\w-]+\s+){{{{0,4}}}}?\(?{{label}}\)?(?![\w-])"
)


def _called_standard(labels: list[str], sentences: list[str], otherwise: int) -> int:
    """The group a sentence calls the standard (or the conventional, the reference) treatment,
    by its label or by the label in brackets after its words; else ``otherwise``. Only one group
    may be so called."""
    said = [s for s in sentences if _SAYS_STANDARD.search(s)]
    called = [
        i
        for i, label in enumerate(labels)
        if said
        and any(
            re.search(_CALLED_STANDARD.format(label=re.escape(label)), s, re.IGNORECASE)
            for s in said
        )
    ]
    return called[0] if len(called) == 1 else otherwise


def _control(labels: list[str]) -> int:
    """Which group is the control: the last given a control treatment (or chemotherapy alone),
    else the last given one agent alone, else the last declared (asked from the last group
    back)."""
    for evidence in (_CONTROL_WORDS, _CHEMOTHERAPY, _ALONE):
        for i in range(len(labels) - 1, -1, -1):
            if evidence.search(labels[i]):
                return i
    # (else the group another adds to: "CTx" against "CTx with drug K")
    words = [label_words(label) for label in labels]
    for i in range(len(labels) - 1, -1, -1):
        if any(words[i] < other and not other & _ABSENCE for other in words):
            return i
    return len(labels) - 1
