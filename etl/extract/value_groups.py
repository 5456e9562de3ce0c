"""Which group each value is of, and for a ratio which two groups it compares: the group named
right after or before the value, a "respectively" list's groups in order, the record's declared
groups for a list that names none, "A versus B" before a ratio."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable

from etl.documents.table_grid import GROUP_SIZE
from etl.extract.facts import COMPARED_MEASURES, RATIOS, UNIT, Fact, list_place
from etl.extract.group_labels import complement, has_clause_words, label_words, shared_head
from etl.extract.list_groups import list_group, of_time_points
from etl.extract.named_groups import (
    declared_group_before_bracket,
    declared_group_right_before,
    dose_item_group,
    names_a_declared_group,
    pair_led_by,
    ratio_of_group,
    share_of_declared_group,
)
from etl.extract.numbers import (
    NUM,
)
from etl.extract.phrases import (
    GROUP_NAME,
    GROUP_WORD,
    change_between_groups,
    from_to,
    group_pattern,
)
from etl.extract.sentence_comparison import (
    clean_pair,
    groups_between,
    in_sentence_order,
    sentence_comparison,
    study_pair,
)
from etl.extract.sub_results import of_the_group_after, of_the_value_before
from etl.extract.values import COMPARED_GAP, PLACEHOLDERS_AFTER, clean_arm
from etl.regex_prefilter import (
    FoldedMatch,
    GatedAlternation,
    Prefiltered,
    case_folded,
)

# (a group's name may hold "and" or "with" when a group noun closes it: "the A plus B and C
# group", "the A with B arm")
_ARM_PHRASE = (
    rf"(?:the\s+)?(?P<arm>{GROUP_NAME}(?:\s+(?:and|with)\s+{GROUP_WORD}(?:\s+{GROUP_WORD})?(?=\s+(?:groups?|arms?|cohorts?)\b))?)"
    rf"(?P<grp>\s+(?:groups?|arms?|cohorts?))?"
)
_ARM_AFTER = Prefiltered(
    re.compile(
        # (the value's unit; "was observed"; its endpoint: "10.2 months of PFS in ...")
        rf"^\s*(?:months?|days?|weeks?|years?|patients)?\s*(?:(?:was|were)\s+(?:observed|seen|reported|noted)\s+)?(?:of\s+[A-Z]{{2,5}}\s+)?"
        # "(29.4%) out of 347 patients in the A arm"
        r"(?:(?:out\s+)?of\s+\d+\s+(?:patients|pts|participants)\s+)?"
        rf"(?:(?:of|for|in|among)\s+(?:the\s+)?(?:patients|pts|those|women|men|participants|children|adults|subjects)\s+(?:who\s+(?:received|took|were\s+(?:treated\s+with|given|assigned\s+to|randomi[sz]ed\s+to))|(?:assigned|allocated|randomi[sz]ed)\s+to|receiving|treated\s+with)\s+"
        rf"|(?:of\s+(?:the\s+)?(?:patients|those)\s+)?(?:with|for|in|within|among|on|receiving|given|treated with|(?:assigned|allocated|randomi[sz]ed) to)\s+"
        # "52.5% of the A arm": a share of a group its noun names
        rf"|of\s+(?=(?:the\s+)?{GROUP_NAME}(?:\s+and\s+{GROUP_WORD})?\s+(?:arm|group|cohort)\b)"
        rf"|(?={GROUP_WORD}(?:\s+{GROUP_WORD})?\s+(?:recipients|group)\b)){_ARM_PHRASE}(?:\s+recipients)?"
        # (or the population it is of: "16.6 months with B in the older population")
        rf"(?=\s*(?:[,;.()\[\]]|\s+(?:and|vs\.?|v|versus|compared|(?<!group\s)(?<!arm\s)as\s+compared|respectively|group|arm|only"
        r"|were|was|had|experienced|achieved|remained|in\s+the\s+[\w-]+\s+population)\b|$))",
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
        r"(?P<arm3>\b(?:G|Group\s+|Arm\s+|Cohort\s+)(?:\d+[ab]?|[IVX]+)\b"
        r"|\b(?:Group|Arm|Cohort)\s+(?-i:[A-H])\b)\s*[,:]?\s*",
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
        # "the local recurrence rate for patients undergoing A was", "... and for those treated
        # with B followed by C was"
        r"\b(?:of|in|for|among)\s+(?:the\s+)?(?:patients|pts|participants|those)\s+"
        r"(?:undergoing|receiving|treated\s+with|given|who\s+(?:received|underwent))\s+"
        rf"(?P<arm8>{GROUP_NAME}(?:\s+followed\s+by\s+{GROUP_NAME})?)\s+(?:was|were)",
        # "with A patients achieving a median OS of", "while B patients had a rate of"
        rf"\b(?:with|while|whereas)\s+(?:the\s+)?(?P<arm9>{GROUP_NAME})\s+"
        r"(?:patients|pts|participants)\s+(?:achieving|achieved|had|having|showed|showing|reached)"
        r"\b[^,;]*",
    )
)
_ARM_BEFORE_ALTERNATION = GatedAlternation(_ARM_BEFORE, cache=32)
_GROUP_THEN_BRACKET = Prefiltered(
    re.compile(
        rf"(?:in|for|with|among)\s+(?:the\s+)?(?P<arm>{GROUP_NAME}\s+(?:group|arm|cohort))\s*[(\[]\s*$",
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
_COUNT_ASIDE = re.compile(r"\s*\((?:[nN]\s*=\s*)?\d+(?:\s+(?:patients|cases|subjects))?\)")
_POSITIVE_SIGN = re.compile(r"\s*\(\s*\+\s*\)")
_NEGATIVE_SIGN = re.compile(r"\s*\(\s*[-−–]\s*\)")
_FRONTED = Prefiltered(
    re.compile(
        rf"^(?:[A-Z]+:\s*)?(?:among|in|for|with)\s+(?:the\s+)?(?:\d+\s+)?(?:(?P<who>patients|pts|those|subjects|participants|women|men|children|adults)\s+"
        rf"(?:who\s+received|receiving|treated\s+with|given|on(?:\s+the)?)\s+(?:the\s+combination\s+of\s+)?)?"
        rf"(?P<g>(?:\d+[\s-]*(?:mg(?:/kg|/m2)?)\b\s*)?{GROUP_NAME}|\d+[\s-]*mg(?:/kg|/m2)?\b)"
        rf"(?P<head>\s+(?:group|arm|cohort))?\s*,"
        # "Among 57 pts who completed 35 cycles of X,": a group by what it did
        r"|^(?:[A-Z]+:\s*)?among\s+(?:the\s+)?(?:\d+\s+)?(?P<did>(?:patients|pts|those|subjects)\s+who\s+"
        r"(?:completed|received|achieved|had|discontinued)\s+[^,;]{3,60}?)\s*,",
        re.IGNORECASE,
    )
)
_GROUP_LIST = Prefiltered(
    re.compile(
        rf"(?:in|for|with|among|between)\s+(?:the\s+)?(?P<list>{GROUP_WORD}(?:\s+{GROUP_WORD}){{0,3}}?"
        rf"(?:\s*,\s*(?:and\s+)?(?:the\s+)?{GROUP_WORD}(?:\s+{GROUP_WORD}){{0,3}}?)*\s*,?\s+(?:and|or|vs\.?|versus)\s+(?:the\s+)?"
        rf"{GROUP_WORD}(?:\s+(?:\+|plus)\s+{GROUP_WORD}|\s+{GROUP_WORD}){{0,3}}?)(?:\s+(?:groups?|arms?|patients|cohorts?|regimens?))?"
        # (then the values: "in the A vs. B groups of 16.7 vs. 12.1 months")
        rf"(?=\s*(?:[,;.()]|\s+(?:respectively|were|was|had|of)\b|$))",
        re.IGNORECASE,
    )
)
_EITHER_KIND = re.compile(r"\sor\s(?:(?!\b(?:and|vs\.?|versus)\b).)*\spatients$", re.IGNORECASE)
# one value of every group: "13% in each group discontinued", "in both arms"
# (said before the value: "the 5-year DFS in both arms was 85%")
_EACH_GROUP_BEFORE = re.compile(
    r"\bin\s+(?:each|both|all)\s+(?:of\s+the\s+)?(?:\w+\s+)?(?:groups|arms|cohorts)\s+"
    r"(?:was|were|is|are|of)\s*$",
    re.IGNORECASE,
)
_EACH_GROUP = re.compile(
    r"\s*(?:of\s+(?:the\s+)?patients\s+)?in\s+(?:each|both|all)\s+(?:of\s+the\s+)?(?:\w+\s+)?"
    r"(?:groups?|arms?|cohorts?)\b",
    re.IGNORECASE,
)
# what both hold, for the folded sentence
_IN_EACH = re.compile(r"in\s+(?:each|both|all)\s")
# the groups of a list of values named right after it, in the plural: "4% and 3% of patients in
# the A and B arms" (a list in their order, as "respectively" says)
_PLURAL_AFTER = re.compile(
    r"\s*(?:of\s+(?:the\s+)?(?:patients|pts|participants|those)\s+)?(?:in|with|for|among)\s+the\s+"
    r"[^.;()]{1,80}?\s(?:groups|arms|cohorts)\b",
    re.IGNORECASE,
)
_UNIT_LEAD = re.compile(rf"^\s*{UNIT}")
_LIST_SEP = re.compile(
    r"\s*,\s*(?:and\s+|or\s+)?(?:the\s+)?|\s+(?:and|or|vs\.?|versus)\s+(?:the\s+)?"
)
_BRACKET = re.compile(r"[()\[\]]")
_CLOSING = re.compile(r"[\])]+\s*(?:of\s+\d+\s+)?")
_RESPECTIVELY = Prefiltered(re.compile("respectively", re.IGNORECASE))
_RESPECTIVELY_TAIL = re.compile(
    r"(?:\s*at\s+[\w\s,-]*?(?:months?|years?))?\s*,?\s*respectively\s*,?", re.IGNORECASE
)


# between a list of groups and the values it lists: "for the A and B groups were 5.9 and 3.6"
_LIST_TO_VALUES = re.compile(r"\s*(?:,\s*)?(?:were|was|of|:)?\s*")


def _groups_right_before(text: str, start: int) -> bool:
    """Whether a plural list of groups ("the A and B groups") runs up to the list of values
    starting at ``start``: the values are theirs in order, without "respectively"."""
    head = text[:start]
    return any(
        m.group(0).rstrip().lower().endswith(("groups", "arms", "cohorts"))
        and _LIST_TO_VALUES.fullmatch(head, m.end())
        for m in _GROUP_LIST.finditer(head)
    )


def _group_list(text: str) -> list[str]:
    """The last list of groups the sentence names ("in the A and B groups"), or []. Asides with
    counts are passed over and signs read: "in the MT (+) (11 patients) and MT (-) groups"."""
    if "(" in text:
        text = _NEGATIVE_SIGN.sub(
            " negative", _POSITIVE_SIGN.sub(" positive", _COUNT_ASIDE.sub("", text))
        )
    # (kinds of patients one or the other, "in treatment-naive or pretreated patients", are who
    # a study took, no groups its values are of)
    candidates = [m for m in _GROUP_LIST.finditer(text) if not _EITHER_KIND.search(m.group(0))]
    if not candidates:
        return []
    m = candidates[-1]
    parts = shared_head(_LIST_SEP.split(m.group("list")))
    # (each a name, none a clause: "with dramatic and significantly improved outcomes" lists none)
    cleaned = [c if (c := clean_arm(p)) and not has_clause_words(c) else None for p in parts]
    return [c for c in cleaned if c] if all(cleaned) else []


def attach_arms(
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
                f.measure in COMPARED_MEASURES or f.group_index >= 0 for f in facts
            ) or any(len(c) == 2 for c in chains.values())
            comparisons.append(sentence_comparison(text, comparison) if compared else comparison)
        return comparisons[0]

    def group_list() -> list[str]:
        if not group_lists:
            listed_values = any(len(c) > 1 for c in chains.values())
            group_lists.append(_group_list(text) if listed_values else [])
        return group_lists[0]

    plural: dict[int, bool] = {}  # (per list of values: its groups named after it, in the plural)

    def plural_after(chain: int, last: Fact) -> bool:
        if chain not in plural:
            plural[chain] = (
                " the " in text and _PLURAL_AFTER.match(_after_value(text, last)) is not None
            )
        return plural[chain]

    before: dict[int, bool] = {}  # (per list of values: a plural list of groups runs into it)

    def groups_before(chain: int, first: Fact) -> bool:
        if chain not in before:
            before[chain] = _groups_right_before(text, first.start)
        return before[chain]

    # (what a value of every group needs, "in each|both|all ", asked of the folded sentence once:
    # most have none)
    folded = case_folded(text)
    each_word = folded is None or _IN_EACH.search(folded) is not None
    prev_end = 0
    against_named: list[Fact] = []  # (ratios whose keyword names what they compare with)
    by_position: set[int] = set()  # (the facts given the record's groups by their position)
    for f in facts:
        arm = comparator = None
        if f.measure in COMPARED_MEASURES and f.arm is not None:  # a factor of a list
            arm, comparator = f.arm, f.comparator or complement(f.arm)
        elif f.measure in RATIOS and (own := ratio_of_group(text, f)):
            arm, comparator = own  # "HR 0.52 for the triplet and 0.60 for the doublet versus C"
        elif f.measure in RATIOS and (against := _RATIO_AGAINST.search(text, prev_end, f.start)):
            # "in the A arm, the ORR was 63.6% (OR vs C, 1.44)": the group of the value before
            # it against the group its keyword names
            comparator = clean_arm(against.group("b"))
            against_named.append(f)
        elif f.measure in COMPARED_MEASURES:
            # the comparison named nearest before the value, else right after it: "A vs. B:
            # hazard ratio=1.75; A vs. C: hazard ratio=2.26"
            # (read within the window in place, the whole sentence asked the gate: the pattern
            # looks at nothing before its first character, and its groups are all that is read)
            named_before = (
                list(_VERSUS.compiled.finditer(text, max(0, prev_end, f.start - 160), f.start))
                if _VERSUS.can_match(text)
                else []
            )
            vs = (
                named_before[-1]
                if named_before
                else _versus_after(text, f.end) or _NONINFERIOR.search(text)
            )
            if vs:
                arm, comparator = clean_pair(vs.group("a"), vs.group("b"))
            elif favoured := _FAVOUR.match(_after_value(text, f)):
                # "HR 0.42 (...) in favour of A": A against the other (the record's context)
                arm = clean_arm(favoured.group("a"))
            elif own_comparison():
                arm, comparator = own_comparison()
        elif f.group_index >= 0:  # endpoints × groups: "15 and 12 months versus 8 and 4 months"
            count = 1 + max(x.group_index for x in chains[f.chain])
            arm = _nth_group(f.group_index, count, group_list(), own_comparison(), arms)
        else:
            chain = chains[f.chain]
            size, position = list_place(f, chain)
            listed = (
                size > 1
                and (
                    respectively
                    or plural_after(f.chain, chain[-1])
                    or groups_before(f.chain, chain[0])
                )
                and len(group_list()) == size
            )
            arm = (
                (dose_item_group(text, f.start) if "mg" in text else None)
                or _known_right_after(text, f, arms)
            ) or (
                group_list()[position]
                if listed
                else _arm_around(text, f, prev_end, arms, alone=len(chain) == 1)
            )
            if arm is not None and _subgroup_of_pair(
                text, arm, chain, f, group_list(), own_comparison()
            ):
                arm = None  # ("5.2 versus 3.7 months in the 4L+ group": the pair's subgroup)
            if (
                arm is None
                and size > 1
                and len({x.endpoint for x in chain}) == 1
                and not of_time_points(chain)
            ):
                groups = group_list()
                if groups and len(groups) == size:
                    arm = groups[position]
                elif len(arms) == size:
                    # (the sentence's own comparison, not the record's it falls back on, or
                    # the order it names the groups in: "between the B and A arms"; or the
                    # group named right before the bracket the pair opens: "shorter in the B arm
                    # (11 vs 18 months)" is B's first)
                    said = own_comparison()
                    said = said if said != comparison else groups_between(text)
                    order = (" of " in text and study_pair(text, arms)) or in_sentence_order(
                        arms, said
                    )
                    if said is None and size == 2:
                        gap = text[max(0, chain[0].start - 80) : chain[0].start]
                        order = pair_led_by(gap, arms) or order
                    changed = len(chain) == 2 and from_to(
                        text, chain[0].start, chain[0].end, chain[1].start
                    )
                    if changed and not change_between_groups(
                        text, chain[0].start, any(x.measure in RATIOS for x in facts), arms
                    ):
                        order = [None] * size  # (a change over time: "declined from 19% to 12%")
                    elif changed:
                        # ("improved OS from 11.2 to 14.9 months": the reference's first)
                        order = order[::-1]
                    arm = order[position]
                    by_position.add(id(f))
                elif own_comparison() and size == 2:
                    arm = own_comparison()[position]
                    by_position.add(id(f))
        f.arm, f.comparator = arm, comparator
        if arm is None and comparator is None and len(chains[f.chain]) == 1:
            f.each_group = each_word and (
                _EACH_GROUP.match(_after_value(text, f)) is not None
                or _EACH_GROUP_BEFORE.search(text, max(0, f.start - 80), f.start) is not None
            )
        prev_end = f.end
    _compared_to_the_other(text, facts, own_comparison)
    _list_then_groups(text, chains)
    facts = _whole_list_arms(text, _single_arm_mention(text, facts, arms))
    list_group(text, chains, by_position, arms)
    facts = _fronted_group(text, facts, arms)
    facts = of_the_value_before(text, facts, lambda gap: _arm_before(gap) is not None)
    facts = of_the_group_after(text, facts, lambda f: _named_right_after(text, f))
    for f in against_named:  # (the group of the value before it, once every value has its own)
        f.arm = next(
            (
                g.arm
                for g in reversed(facts[: facts.index(f)])
                if g.arm and g.measure not in COMPARED_MEASURES and g.arm != f.comparator
            ),
            None,
        )
    return _ratio_of_the_two_groups(facts)


def _known_right_after(text: str, f: Fact, arms: list[str]) -> str | None:
    """The record's group named right after a value, with no word between ("13.4 months drug A
    vs. 6.9 months observation", as compressed summaries and table cells write it)."""
    if not arms:
        return None
    m = _groups_pattern(tuple(arms)).match(_after_value(text, f).lstrip())
    return None if m is None else arms[m.lastindex - 1]  # type: ignore[operator]


@functools.lru_cache(maxsize=256)
def _groups_pattern(arms: tuple[str, ...]) -> re.Pattern[str]:
    """The alternation of the groups' group_patterns, each its own group, in their order: its
    match at a place is the first group whose pattern matches there (its ``lastindex``).
    (Cached by the record's groups: each of its sentences asks for them.)"""
    return re.compile("|".join(f"({group_pattern(a).pattern})" for a in arms), re.IGNORECASE)


def _compared_to_the_other(
    text: str, facts: list[Fact], own_comparison: Callable[[], tuple[str, str] | None]
) -> None:
    """A value that names no group, compared with the next value that names the sentence's
    second group, is the first group's: "N-AVD achieved 2-year PFS of 92% compared to 83% with
    BV-AVD" (92% is N-AVD's)."""
    for f, g in itertools.pairwise(facts):
        if (
            f.arm is not None
            or g.arm is None
            or f.measure in COMPARED_MEASURES
            or (f.endpoint, f.unit) != (g.endpoint, g.unit)
            or not COMPARED_GAP.fullmatch(text, f.end, g.start)
        ):
            continue
        pair = own_comparison()
        if pair is not None and label_words(pair[1]) == label_words(g.arm):
            f.arm = pair[0]


# a ratio's keyword naming what it compares with, right before its value: "(OR vs CP, 1.32",
# "(HR versus placebo = 0.70"
_RATIO_AGAINST = re.compile(
    r"\b(?:HR|OR|RR|hazard ratio|odds ratio)(?:\s*\[[A-Z]{2}\])?\s+(?:vs\.?|versus)\s+"
    r"(?P<b>[^,;:=()\[\]]{1,60}?)\s*[,:=]?\s*\Z"
)


_BRACKETS_FIRST = re.compile(r"^\s*(?:\((?:[^()]|\([^()]*\))*\)\s*)+")
_SIZES = re.compile(rf"\s*{GROUP_SIZE.pattern}")


def _list_then_groups(text: str, chains: dict[int, list[Fact]]) -> None:
    """ "41% versus 30% for drug K versus chemotherapy", "9.1 (7.0-11.2) mo vs 5.0 (4.1-6.3) mo
    with K + chemo vs chemo": a pair of values followed by the pair of
    groups they are of takes them in order (each value's own look for a group finds only the
    first of them)."""
    for chain in chains.values():
        if list_place(chain[0], chain)[0] != 2 or chain[0].measure in COMPARED_MEASURES:
            continue
        after = _UNIT_LEAD.sub("", _after_value(text, chain[-1]))
        after = PLACEHOLDERS_AFTER.sub("", after) if chain[0].slots else after
        # (past the brackets of the pair's ratio, and the groups' sizes: "7.8 versus 4.9 months
        # (HR, 0.44; ...) for A (n = 60) versus B (n = 81)")
        after = _BRACKETS_FIRST.sub("", after)
        after = _SIZES.sub("", after) if "=" in after else after  # (a size holds its "=")
        m = _VERSUS.compiled.match(after.lstrip(" ,"))
        if m is not None:
            pair = clean_pair(m.group("a"), m.group("b"))
            if all(pair):
                for f in chain:
                    f.arm = pair[list_place(f, chain)[1]]


def _versus_after(text: str, end: int) -> re.Match[str] | FoldedMatch | None:
    """The first "A versus B" that starts within 80 characters after a value. (Searched in the
    whole text: a window cut after 80 characters would end a group's name where it cuts it,
    "... for A and placeb".)"""
    vs = _VERSUS.search(text, end)
    return vs if vs is not None and vs.start() - end <= 80 else None


def _fronted_group(text: str, facts: list[Fact], arms: list[str]) -> list[Fact]:
    """ "Among patients who received A, rash (73%) and fatigue (67%) were the most common": a
    group put before the sentence's clause is the group of its values that name none; a clause
    after a semicolon may put its own ("...; in the B arm, the ORR was 63.6%")."""
    if all(f.arm is not None or f.measure in COMPARED_MEASURES for f in facts):
        return facts
    starts = [0, *(i + 1 for i, c in enumerate(text) if c == ";")] if ";" in text else [0]
    for start in reversed(starts):
        label = _fronted_label(text[start:].lstrip() if start else text, arms)
        if label is None:
            continue
        for f in facts:
            if f.arm is None and f.measure not in COMPARED_MEASURES and f.start >= start:
                f.arm = label
    return facts


def _fronted_label(clause: str, arms: list[str]) -> str | None:
    """The group the opening of a clause puts before it, or None."""
    m = _FRONTED.search(clause)  # (anchored at the start)
    if not m:
        return None
    if m.group("did"):
        return m.group("did")
    group = clean_arm(m.group("g"))
    known = {a.lower() for a in arms}
    if not group or not (m.group("who") or m.group("head") or group.lower() in known):
        return None
    return group + (m.group("head") or "")


def _ratio_of_the_two_groups(facts: list[Fact]) -> list[Fact]:
    """A ratio with no groups of its own compares the two groups whose values its sentence gives:
    "8.2 months in patients with X compared with 4.1 in those without (HR 0.4)"."""
    if all(f.arm is not None or f.measure not in COMPARED_MEASURES for f in facts):
        return facts
    named = list(
        dict.fromkeys(f.arm for f in facts if f.arm and f.measure not in COMPARED_MEASURES)
    )
    if len(named) != 2:
        return facts
    for f in facts:
        if f.arm is None and f.measure in COMPARED_MEASURES:
            f.arm, f.comparator = named[0], named[1]
    return facts


# who a pair of values is of, after it: "in the 4L+ group", "among older patients" (not "with B":
# a treatment)
_PAIRED = re.compile(r"\s*(?:%|months?|mos?)?\s*(?:vs\.?|versus|v\.?)\s*", re.IGNORECASE)
_POPULATION_AFTER = re.compile(r"\s*(?:months?|mos?|weeks?|years?)?\s*(?:in|among)\s")


def _subgroup_of_pair(
    text: str,
    arm: str,
    chain: list[Fact],
    f: Fact,
    groups: list[str],
    comparison: tuple[str, str] | None,
) -> bool:
    """Whether the group read after the last value of a pair ("5.2 versus 3.7 months [...] in the
    4L+ group") is the pair's subgroup, not the last value's own group: the sentence compares two
    groups it names ("for A versus B") and this, a population ("in ..."), is neither of them."""
    if len(chain) != 2 or f is not chain[-1] or chain[0].arm is None:
        return False
    # (a pair written together, "5.2 versus 3.7 months", not "2.1 months in B and 1.7 months in C")
    if not _PAIRED.fullmatch(text, chain[0].end, f.start):
        return False
    if not _POPULATION_AFTER.match(_after_value(text, f)):
        return False
    named = groups if len(groups) == 2 else list(comparison or ())
    return len(named) == 2 and not names_a_declared_group(arm, named)


def _nth_group(
    index: int, count: int, groups: list[str], comparison: tuple[str, str] | None, arms: list[str]
) -> str | None:
    """The index-th of ``count`` groups: from the sentence's list, its comparison, or the record's."""
    for source in (groups, list(comparison or ()), arms):
        if len(source) == count:
            return source[index]
    return None


def _arm_around(
    text: str, f: Fact, prev_end: int, arms: list[str], alone: bool = False
) -> str | None:
    """The group named right after a value, else the one named between the previous value and
    it (the second is only looked for when the first is not there). A value ``alone`` (not one
    of a list) may also be the bracketed value of the group before it: "in the A group (50%)"."""
    if arms and (named := _bracketed_group(text, f.end, arms)):
        return named
    rest = _after_value(text, f)
    after = _ARM_AFTER.search(rest)
    if after:
        label = clean_arm(after.group("arm") + (after.group("grp") or ""))
        # (a declared group whose name the phrase cut at its "and": "24.0 months with A and B
        # and 7.9 months with placebo and B", the groups "A and B" and "placebo and B")
        longer = [
            a
            for a in arms
            if label and len(a) > len(label) and group_pattern(a).match(rest, after.start("arm"))
        ]
        return max(longer, key=len) if longer else label
    if arms and (share := share_of_declared_group(rest, arms)):
        return share
    gap = text[prev_end : f.start]
    before = _arm_before(gap)
    if not before:
        if arms and (listed := declared_group_right_before(gap, arms)):
            return listed
        if not (alone and gap.rstrip().endswith(("(", "["))):
            return None
        bracketed = _GROUP_THEN_BRACKET.search(gap)
        if bracketed:
            return clean_arm(bracketed.group("arm"))
        return declared_group_before_bracket(gap, arms) if arms else None
    label = (
        before.get("arm")
        or before.get("arm2")
        or before.get("arm3")
        or before.get("arm4")
        or before.get("arm5")
        or before.get("arm6")
        or before.get("arm7")
        or before.get("arm8")
        or before.get("arm9")
    )
    return clean_arm(label + (before.get("grp") or "") if before.get("arm") else label)


# a bracket right after a value that holds only a name: "35.6 mo (A-Kd) vs 19.1 mo (Kd)"
_BRACKETED = re.compile(r"\s*[(\[]\s*(?P<name>[^()\[\]]{1,40}?)\s*[)\]]")


def _bracketed_group(text: str, end: int, arms: list[str]) -> str | None:
    """The declared group (one of ``arms``) a bracket right after a value names, or None."""
    m = _BRACKETED.match(text, end)
    if m is None:
        return None
    name = m.group("name").lower()
    same = next((a for a in arms if a.lower() == name), None)
    if same is not None or not (words := label_words(name)):
        return same
    # (or names it in fewer words: "(B)" for the declared "B alone")
    return next((m.group("name") for a in arms if label_words(a) == words), None)


# what restates a list's results after the group they are of: "; in the control arm, these
# respective rates were", "; with placebo, these rates were" (read as "in the control arm were")
_RESTATED = re.compile(
    # (not "In cohort A, the CR rate was": the part a sentence sets its scene in, read apart)
    r",\s*(?:these|those|their|the\s+respective)\s+(?:respective\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:rates?|values?|estimates?|medians?|proportions?)\s+(?:were|was)\s*$",
    re.IGNORECASE,
)


def _arm_before(gap: str) -> dict[str, str | None] | None:
    """The groups of the match of _ARM_BEFORE's alternatives in ``gap`` that their alternation
    finds (see GatedAlternation)."""
    if "," in gap and (restated := _RESTATED.search(gap)) is not None:
        gap = gap[: restated.start()] + " were "
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


def _named_right_after(text: str, f: Fact) -> str | None:
    """The group a phrase right after the value names ("36.2% for A"), or None."""
    after = _ARM_AFTER.search(_after_value(text, f))
    return clean_arm(after.group("arm") + (after.group("grp") or "")) if after else None


def _after_value(text: str, f: Fact) -> str:
    """The text after a value, past its (possibly nested) interval/p-value brackets."""
    closing = _CLOSING.match(text, f.end)  # (asked in place: the text after it cut only once)
    if closing:
        return " " + text[closing.end() :]
    rest = text[f.end :]
    i = len(rest) - len(rest.lstrip())
    if i < len(rest) and rest[i] in "([":
        depth = 0
        for bracket in _BRACKET.finditer(rest, i):  # (only brackets change the depth)
            depth += 1 if bracket.group() in "([" else -1
            if depth == 0:
                return rest[bracket.end() :]
    return rest


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
        label = clean_arm(m.group("arm") + (m.group("grp") or "")) if m else None
        if label:
            for f in members:
                f.arm = label
    return facts


def _single_arm_mention(text: str, facts: list[Fact], arms: list[str]) -> list[Fact]:
    """A sentence that names exactly one of the record's groups speaks of that group."""
    if all(f.arm is not None or f.measure in RATIOS for f in facts):
        return facts  # no fact would take the group: no need to look for it
    named = [a for a in arms if group_pattern(a).search(text)]
    if len(named) != 1:
        return facts
    for f in facts:
        if f.arm is None and f.measure not in RATIOS:
            f.arm = named[0]
    return facts
