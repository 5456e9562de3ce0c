"""The groups a sentence itself compares, and in which order it names them: "longer with A than
with B", "A had longer RFS (...) compared with B", "in the A group ... compared to patients in the
B group", "between the B and A arms". Read by etl.extract.value_groups where a value does not
name its group."""

from __future__ import annotations

import re

from etl.extract.group_labels import label_words, shared_head
from etl.extract.phrases import GROUP_NAME, GROUP_WORD, group_pattern
from etl.extract.values import clean_arm
from etl.regex_prefilter import Prefiltered, admitted, case_folded

_SENTENCE_COMPARISON = Prefiltered(
    re.compile(
        rf"(?:in|for|with|among|on|receiving|given|treated with)\s+(?:the\s+)?(?P<a>{GROUP_NAME})(?:\s+groups?)?\s+"
        rf"(?:than|(?:when\s+|as\s+)?compared (?:to|with)|versus|vs\.?)\s+(?:(?:in|with|for|on|among|receiving)\s+)?(?:the\s+)?(?P<b>{GROUP_WORD}(?:\s+{GROUP_WORD}){{0,3}}?)(?:\s+groups?)?"
        # (or the verb of what they had: "AEs more common with A than with B were rash (54% v
        # 14%)")
        r"(?=\s*(?:[,;.(:]|$|(?:were|was|included|includes?)\b))",
        re.IGNORECASE,
    )
)
# a group that had more of something than another: "In landmark analyses, complete responders had
# longer RFS (23.6 vs 5.7 months) and OS (...) compared with nonresponders", "A extended the
# median time to X compared to B (23.2 vs 14.6 months)"
_SUBJECT_COMPARISON = Prefiltered(
    re.compile(
        # (a combination may be "A with B": "A with B demonstrated a statistically significant
        # improvement in PFS compared to C")
        rf"^(?:[^,;]*,\s*)?(?:the\s+)?(?P<a>{GROUP_NAME}(?:\s+with\s+{GROUP_NAME})?)\s+"
        r"(?:(?:had|showed|achieved|experienced|demonstrated)\s+"
        r"(?:(?:a|an|significantly|numerically|statistically|significant|clinically|meaningful|and)\s+)*"
        r"(?:longer|shorter|higher|lower|better|worse|improved|superior|inferior|prolonged"
        r"|improvement|benefit|prolongation|advantage)"
        # "A extended the median time to X compared to B (23.2 vs 14.6 months)"
        r"|(?:(?:significantly|further)\s+)?(?:extended|prolonged|improved|increased|reduced|lowered|decreased))\b.{0,200}?"
        r"\b(?:compared\s+(?:with|to)|than|versus|vs\.?)\s+(?:the\s+|those\s+(?:in|with|on)\s+(?:the\s+)?)?"
        rf"(?P<b>{GROUP_NAME})(?=\s*(?:[,;.(]|$|with\s+an?\s+(?:hazard|odds|HR|OR)\b))",
        re.IGNORECASE,
    )
)
# the reference put first: "Compared to the B group, the A group had shorter median PFS (4.7 vs
# 7.6 months [HR, 2.91])"
_FRONTED_COMPARISON = Prefiltered(
    re.compile(
        r"^(?:[^,;]*?\b)?(?:compared\s+(?:to|with)|relative\s+to|in\s+comparison\s+(?:to|with))\s+"
        rf"(?:the\s+|those\s+(?:in|with|on)\s+(?:the\s+)?)?(?P<b>{GROUP_NAME})\s*,\s*(?:the\s+)?"
        rf"(?P<a>{GROUP_NAME})\s+(?:had|showed|achieved|experienced|demonstrated)\b",
        re.IGNORECASE,
    )
)
# two groups compared as the subject: "The D-Rd vs Rd arm showed a higher ORR (92.9% vs 81.6%)"
_PAIR_SUBJECT = Prefiltered(
    re.compile(
        rf"^(?:[^,;]*,\s*)?(?:the\s+)?(?P<a>{GROUP_NAME})\s+(?:versus|vs\.?)\s+(?:the\s+)?"
        rf"(?P<b>{GROUP_NAME})(?:\s+(?:arms?|groups?|cohorts?))?\s+"
        r"(?:showed|had|achieved|demonstrated|experienced|yielded|produced)\b",
        re.IGNORECASE,
    )
)
# a group that reached a value, compared with another's value named by its group after it: "N-AVD
# achieved 2-year PFS of 92% compared to 83% with BV-AVD (HR 0.45)"
# (what follows the subject's verb: its value, then the other's value, named by its group after it)
_VALUE_THEN_OTHERS = (
    r"\b[^;]{0,150}?\d\s*%?[^;]{0,20}?\b(?:compared\s+(?:with|to)|versus|vs\.?)\s+"
    rf"[^,;()]{{0,30}}?\d[^,;()]{{0,20}}?\b(?:with|in|for|on)\s+(?:the\s+)?(?P<b>{GROUP_NAME})"
    r"(?=\s*(?:[,;.(]|$)|\s+(?:arm|group)\b)"
)
_SUBJECT_VALUE = Prefiltered(
    re.compile(
        rf"^(?:[^,;]*,\s*)?(?:the\s+)?(?!(?:patients|those|subjects|participants)\b)"
        rf"(?P<a>{GROUP_NAME})\s+(?:achieved|had|showed|demonstrated|reached|"
        r"yielded|produced)" + _VALUE_THEN_OTHERS,
        re.IGNORECASE,
    )
)
# the same with the group the people treated with: "Men treated with A lived a median of 15.3
# months vs 11.3 months with B", "Patients receiving A had an ORR of 45% compared with 20% in B"
_TREATED_SUBJECT_VALUE = Prefiltered(
    re.compile(
        r"^(?:[^,;]*,\s*)?(?:the\s+)?(?:patients|men|women|people|adults|children|participants"
        r"|subjects|those)\s+(?:(?:who\s+were\s+)?treated\s+with|receiving|who\s+received|given)\s+"
        rf"(?:the\s+)?(?P<a>{GROUP_NAME})\s+(?:had|lived|achieved|showed|demonstrated|reached|"
        r"experienced|were|was)" + _VALUE_THEN_OTHERS,
        re.IGNORECASE,
    )
)
# those with a factor against those without it, as the subject: "Patients with prior nephrectomy
# had longer PFS (HR 0.16)": prior nephrectomy against no prior nephrectomy
_WITH_SUBJECT = Prefiltered(
    re.compile(
        rf"^(?:[^,;]*,\s*)?(?:patients|those|subjects|participants)\s+with\s+(?P<a>{GROUP_NAME})\s+"
        r"(?:had|showed|achieved|experienced)\s+(?:(?:a|an|significantly|numerically|statistically"
        r"\s+significantly)\s+)*(?:longer|shorter|higher|lower|better|worse|improved|superior|"
        r"inferior|prolonged)\b",
        re.IGNORECASE,
    )
)
_GROUP_PHRASE = Prefiltered(
    re.compile(rf"\bthe\s+(?P<g>{GROUP_NAME})\s+(?:group|arm|cohort)\b", re.IGNORECASE)
)
# "no difference between the A and B arms in X (15.1% v 16.1%)": the order of a pair of values
# (no direction: a ratio's comparison is not read from it)
_BETWEEN_GROUPS = Prefiltered(
    re.compile(
        rf"\bbetween\s+(?:the\s+)?(?P<a>{GROUP_NAME})\s+and\s+(?:the\s+)?(?P<b>{GROUP_NAME})\s+"
        r"(?:arms|groups|cohorts)\b",
        re.IGNORECASE,
    )
)


# the study a sentence reports, named with its groups: "In a phase III study (ZX-105) of A versus
# B in untreated patients, median PFS was 9.2 versus 4.2 months" (a review's sentence, each its
# own study's)
_STUDY_OF_PAIR = Prefiltered(
    re.compile(
        r"\b(?:study|trial)\b[^.;]{0,40}?\bof\s+(?:the\s+)?"
        rf"(?P<a>{GROUP_NAME})\s+(?:versus|vs\.?|compared\s+(?:with|to))\s+(?:the\s+)?(?P<b>{GROUP_NAME})"
        r"(?=\s*(?:[,;.(]|$)|\s+(?:in|for|among|as)\b)",
        re.IGNORECASE,
    )
)


def clean_pair(a: str, b: str) -> tuple[str | None, str | None]:
    """Two groups compared ("A versus B"), cleaned, with a head they share ("high versus low X")."""
    a, b = shared_head([a, b])
    return clean_arm(a), clean_arm(b)


# the comparisons a sentence may state, asked in this order; their gates asked at once, of the
# sentence folded once (one generated test, not one method call per pattern)
_COMPARISONS = (
    _SENTENCE_COMPARISON,
    _STUDY_OF_PAIR,
    _SUBJECT_COMPARISON,
    _FRONTED_COMPARISON,
    _PAIR_SUBJECT,
    _SUBJECT_VALUE,
    _TREATED_SUBJECT_VALUE,
)
_COMPARISONS_ADMITTING = admitted(_COMPARISONS)
_ALL_COMPARISONS = tuple(range(len(_COMPARISONS)))


def sentence_comparison(text: str, comparison: tuple[str, str] | None) -> tuple[str, str] | None:
    """The groups the sentence itself compares ("longer with A than with B", "A had longer RFS
    (...) compared with B", "Compared to B, A had ...", "The A vs B arm showed ...", "patients
    with A had longer PFS": A
    against no A; or the only two groups it names: "in the A group had ... compared to
    patients in the B group"), else ``comparison``."""
    folded = case_folded(text)
    chosen = _ALL_COMPARISONS if folded is None else _COMPARISONS_ADMITTING(folded)
    for i in chosen:  # (the others can match nowhere in the sentence)
        local = _COMPARISONS[i].search(text)
        if local and all(pair := clean_pair(local.group("a"), local.group("b"))):
            return pair
    if (
        (with_factor := _WITH_SUBJECT.search(text))
        and (factor := clean_arm(with_factor.group("a")))
        # (a sentence that names one of the record's groups speaks of them: "patients with
        # squamous histology had improved OS (HR 0.70) with A" is A against its control)
        and not (comparison and any(group_pattern(g).search(text) for g in comparison))
    ):
        return factor, f"no {factor}"
    named = list(dict.fromkeys(m.group("g") for m in _GROUP_PHRASE.finditer(text)))
    if len(named) == 2 and all(clean_arm(g) for g in named):
        return (f"{named[0]} group", f"{named[1]} group")
    return comparison


def groups_between(text: str) -> tuple[str, str] | None:
    """The two groups a "between the A and B arms" phrase names, in its order, or None."""
    m = _BETWEEN_GROUPS.search(text)
    pair = clean_pair(m.group("a"), m.group("b")) if m else None
    return pair if pair and all(pair) else None


def in_sentence_order(arms: list[str], compared: tuple[str, str] | None) -> list[str]:
    """The record's two groups in the order the sentence compares them ("patients in the B arm
    had longer PFS compared with patients in the A arm (56% v 42%)": B, A), else as declared."""
    if len(arms) != 2 or compared is None:
        return arms
    first, second = (label_words(g) for g in compared)
    declared = [label_words(a) for a in arms]
    if first and second and first == declared[1] and second == declared[0]:
        return [arms[1], arms[0]]
    return arms


def study_pair(text: str, arms: list[str]) -> list[str] | None:
    """The two groups of the study the sentence reports, where they are none of the record's
    ``arms``: a review's sentence of another study ("In a study of C versus D, median PFS was 9.2
    versus 4.2 months", in a record that declared A and B), else None."""
    m = _STUDY_OF_PAIR.search(text)
    if m is None or not all(pair := clean_pair(m.group("a"), m.group("b"))):
        return None
    declared = [label_words(a) for a in arms]
    named = [label_words(g) for g in pair]
    # (one of the record's, in as many words or fewer: "placebo" for "placebo plus B")
    same = any(g and d and (g <= d or d <= g) for g in named for d in declared)
    return None if same else list(pair)
