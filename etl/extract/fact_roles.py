"""A sentence's values given the study its record reports (etl.extract.context): their group
labels resolved against the declared groups, a ratio that names no groups comparing the
experimental group with the control, a list of values that names none taking the groups in
their declared order, a value "in each group" becoming one per group."""

from __future__ import annotations

import dataclasses
import re

from etl.extract.context import RecordContext
from etl.extract.facts import COMPARED_MEASURES, list_place
from etl.extract.group_labels import DESCRIBED
from etl.extract.phrases import change_between_groups, from_to, group_pattern


def apply_context(facts: list, context: RecordContext, text: str = "") -> list:
    """The facts of a sentence (``text``) with their groups resolved against the record's
    (``resolve``): a ratio or difference that names no groups compares the experimental group
    with the control, and one that names only one of two groups compares it with the other; a
    value "in each group" is one of every group; a value naming no group in a sentence that names
    one declared group, by any of its names, is that group's."""
    if not facts:
        return facts
    if context.arms:
        resolve = context.resolve
        for f in facts:  # (resolve(None) is None)
            if f.arm is not None:
                f.arm = resolve(f.arm)
            if f.comparator is not None:
                f.comparator = resolve(f.comparator)
    _groups_by_position(facts, context, text)
    if text and context.arms:
        _the_one_group_named(facts, context, text)
    if not context.arms:
        for f in facts:  # (a description names no group when the record declares none)
            if f.arm and DESCRIBED.match(f.arm):
                f.arm = None
            if f.comparator and DESCRIBED.match(f.comparator):
                f.comparator = None
        return facts
    if any(f.each_group for f in facts):
        facts = [
            dataclasses.replace(f, arm=label) if f.each_group else f
            for f in facts
            for label in (context.labels if f.each_group else [None])
        ]
    if len(context.arms) >= 3 and text:
        _ratio_of_the_group_named_before(facts, context, text)
    for f in facts:
        if f.measure in COMPARED_MEASURES and not (f.factor and f.arm):
            f.arm, f.comparator = _compared(context, f.arm, f.comparator)
    if len(context.arms) == 2:
        _the_other_group(facts, context, text)
    return facts


def _ratio_of_the_group_named_before(facts: list, context: RecordContext, text: str) -> None:
    """ "Overall survival improved with A-chemotherapy in the CPS >= 20 (HR, 0.62) and total (HR,
    0.71) populations" in a record of three groups or more: a ratio that names no group compares
    the group the sentence names last before it (not the control) with the control, not the
    record's first group with it (the comparison the grammar gives a ratio naming none); one
    that names only its reference group ("A resulted in improved PFS vs B (HR, 0.58)") is of the
    group named last before it that is not the reference."""
    if context.comparison is None or not any(f.measure in COMPARED_MEASURES for f in facts):
        return
    control = context.comparison[1]
    spans = sorted(
        (m.start(), m.end(), arm.label)
        for arm in context.arms
        for name in arm.names
        for m in group_pattern(name).finditer(text)
    )
    # (not a name inside a longer one: "nivolumab" of "ipilimumab plus nivolumab")
    named = [
        (a, label)
        for a, b, label in spans
        if not any(x <= a and b <= y and (x, y) != (a, b) for x, y, _ in spans)
    ]
    for f in facts:
        if f.measure not in COMPARED_MEASURES:
            continue
        if (f.arm, f.comparator) in ((None, None), context.comparison):
            reference = control
        elif f.arm is None and (other := context.arm_of(f.comparator)) is not None:
            reference = other.label
        else:
            continue
        before = [label for at, label in named if at < f.start and label != reference]
        if before:
            f.arm, f.comparator = before[-1], reference


def _the_one_group_named(facts: list, context: RecordContext, text: str) -> None:
    """ "The most frequent side effects in BVd included rash (89%) ...", where the record declared
    "the BLENREP triplet (BVd)": the sentence speaks of the one group it names, by whichever of
    its names (the grammar looks for the groups' labels only)."""
    if all(f.arm is not None or f.measure in COMPARED_MEASURES or f.each_group for f in facts):
        return
    named = [arm for arm in context.arms if any(group_pattern(n).search(text) for n in arm.names)]
    if len(named) != 1:
        return
    for f in facts:
        if f.arm is None and f.measure not in COMPARED_MEASURES and not f.each_group:
            f.arm = named[0].label


def _the_other_group(facts: list, context: RecordContext, text: str) -> None:
    """ "a response rate of 9.4% compared with 0% for placebo (P = 0.05)" in a record of two
    groups: of the two values a sentence gives of one result, the one that names no group is of
    the group the other is not of; then the pair's p-value is the experimental group's."""
    unnamed = sum(f.arm is None for f in facts)
    if len(facts) < 2 or (
        # (nothing to do: no value without a group beside one with, and no p-value to move)
        unnamed in (0, len(facts)) and all(f.p is None for f in facts)
    ):
        return
    results: dict[tuple, list] = {}
    for f in facts:
        if f.measure not in COMPARED_MEASURES:
            key = (f.endpoint, f.measure, f.unit, f.timepoint_months, f.subgroup)
            results.setdefault(key, []).append(f)
    for pair in results.values():
        if len(pair) != 2 or any(f.slots or f.each_group for f in pair):
            continue
        a, b = pair
        if (a.arm is None) == (b.arm is None):
            continue
        named, other = (a, b) if a.arm is not None else (b, a)
        arm = context.arm_of(named.arm)
        if arm is not None:
            other.arm = next(x.label for x in context.arms if x is not arm)
    if any(f.measure in COMPARED_MEASURES for f in facts):
        return  # (a p-value there qualifies the ratio)
    for pair in results.values():
        if len(pair) == 2 and context.comparison:
            _p_to_the_experimental_group(pair, context, text)


def _p_to_the_experimental_group(pair: list, context: RecordContext, text: str) -> None:
    """ "9.4% compared with 0% for placebo (P = 0.05)": the p-value of a comparison of two values
    qualifies the experimental group's, unless the sentence names the control first, before
    its values, making that group its subject (_names)."""
    experimental, control = context.comparison or (None, None)
    by_label = {f.arm: f for f in pair}
    exp, ctrl = by_label.get(experimental), by_label.get(control)
    if exp is None or ctrl is None or ctrl.p is None or exp.p is not None:
        return
    if (
        exp.start < ctrl.start
        or not _names(text, ctrl, context, 0, ctrl.start)
        or _names(text, ctrl, context, ctrl.end, exp.start)
    ):
        exp.p, ctrl.p = ctrl.p, None


_LISTED = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:vs\.?|versus)\s", re.IGNORECASE)


def _names(text: str, ctrl, context: RecordContext, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` names the control's group (a sentence that names it before its
    values makes it the subject: "patients in the B arm had ... (56% v 42%; P = .01)"; one that
    names it after its value, "884 days for B compared with 483 days for A", or not at all,
    "ORR: 45% vs 60%; p<0.001", does not)."""
    arm = context.arm_of(ctrl.arm)
    if arm is None or not text or end <= start:
        return start == 0  # (unknown: as if named before, the p-value stays)
    # (a group named in a list of groups, "B vs A ORR: 12% vs 37%", is no subject)
    return any(
        not _LISTED.match(text, m.end())
        for name in arm.names
        for m in group_pattern(name).finditer(text, start, end)
    )


def _groups_by_position(facts: list, context: RecordContext, text: str = "") -> None:
    """A list of values ("12.4 vs 9.8 months") that names no group takes, in order, the groups of
    a list of as many values in its sentence that names them ("24% versus 14% for A versus B
    (subgroup X) and 19% versus 7% (subgroup Y)"), else the record's declared groups when it
    has as many values as the record has groups; a change from one value to another ("improved
    OS from 11.2 to 14.9 months") is from the control's to the experimental group's."""
    if len(facts) < 2:
        return  # (no list)
    chains: dict[int, list] = {}
    for f in facts:
        if f.measure not in COMPARED_MEASURES:
            chains.setdefault(f.chain, []).append(f)
    lists = [c for c in chains.values() if list_place(c[0], c)[0] > 1]
    if not lists:
        return
    named = None  # (the lists that name their groups, as they were before any was given them)
    for members in lists:
        if any(f.arm for f in members) or len({f.endpoint for f in members}) > 1:
            continue
        if named is None:
            named = [c for c in lists if all(f.arm for f in c)]
        size = list_place(members[0], members)[0]  # (a placeholder keeps its place: "NR vs 9.1")
        like = [c for c in named if len(c) == size]
        if like:
            groups = [f.arm for f in like[-1]]
        elif len(context.arms) == size:
            groups = context.labels
            if len(members) == 2 and from_to(
                text, members[0].start, members[0].end, members[1].start
            ):
                if not context.comparison or not change_between_groups(
                    text,
                    members[0].start,
                    any(f.measure in COMPARED_MEASURES for f in facts),
                    context.labels,
                ):
                    continue  # (a change over time: "mortality declined from 19% to 12%")
                groups = [context.comparison[1], context.comparison[0]]
        else:
            continue
        for f in members:
            f.arm = groups[list_place(f, members)[1]]


def _compared(
    context: RecordContext, arm: str | None, comparator: str | None
) -> tuple[str | None, str | None]:
    named = context.arm_of(arm) if arm else None
    other = context.arm_of(comparator) if comparator else None
    if named is None and other is None and context.comparison:
        # (a ratio of a record that declares its groups compares two of them: labels that name
        # neither are what the sentence said around it, "adjusting for baseline factors")
        return context.comparison
    if len(context.arms) == 2:
        if arm is None and other is not None:
            return next(a.label for a in context.arms if a is not other), comparator
        if comparator is None and named is not None:
            return arm, next(a.label for a in context.arms if a is not named)
    return arm, comparator
