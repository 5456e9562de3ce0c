"""Records → the arms each sizes (the staging ``trial_arms``): the sized lists its sentences
give (etl.extract.trial_arms), else its arms sized one sentence at a time, else one size given to
each of the groups its context declares ("269 patients were randomly assigned into each arm"),
else the sizes its sentences give those groups where they report them (etl.extract.arm_sizes)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from itertools import groupby
from operator import itemgetter

import polars as pl

from etl.extract.arm_sizes import declared_sizes
from etl.extract.context import RecordContext, record_context
from etl.extract.trial_arms import TO_EACH_GROUP, assigns, one_sized_group, stated_groups
from etl.extract.trial_facts import stated_enrolments
from etl.schemas.staging import TrialArms, polars_schema
from etl.vocab.codes import code


def _record_groups(sentences: list[dict]) -> Iterator[tuple[dict, int, tuple[str, int, int, int]]]:
    """(sentence, order, group) of the groups a record sizes: the lists its sentences give, else
    (a record that lists none) its arms sized one at a time, when there are two or more. A record
    that tells how its patients were assigned, with sizes, has those groups for arms: a list in a
    sentence that tells no assignment ("40% in the marker-high group (n = 80) ...") is then a
    result by subgroup."""
    assigning = [assigns(s["text"]) for s in sentences]
    listed = [
        (s, groups, a)
        for s, a in zip(sentences, assigning, strict=True)
        if (groups := stated_groups(s["text"], a))
    ]
    if any(a for *_, a in listed):
        listed = [(s, groups, a) for s, groups, a in listed if a]
    if listed:
        for s, groups, _ in listed:
            for order, group in enumerate(groups):
                yield s, order, group
        return
    singles = [
        (s, g)
        for s, a in zip(sentences, assigning, strict=True)
        if (g := one_sized_group(s["text"], a))
    ]
    if len({label.lower() for _, (label, *_) in singles}) >= 2:
        for order, (s, group) in enumerate(singles):
            yield s, order, group


_BODY = code("sentence_role", "body")
_DIGIT = re.compile(r"\d")
# "269 patients were randomly assigned into each arm", "560 were randomized, 280 to each arm":
# every group the record declares has them
_EACH_GROUP = re.compile(
    r"(?<![\w.,-])(?P<n>\d+)(?:\s+[\w-]+){0,2}?"
    r"(?:\s+(?:were|was)\s+(?:randomly\s+assigned|randomi[sz]ed|allocated))?" + TO_EACH_GROUP,
    re.IGNORECASE,
)


def _each_group(
    sentences: list[dict], context: Callable[[], RecordContext]
) -> Iterator[tuple[dict, int, tuple[str, int, int, int]]]:
    """(sentence, order, group) of a record that sizes its groups all at once ("N were randomly
    assigned to each arm"): each of the groups it declares (``context``, asked only then)."""
    for s in sentences:
        m = _EACH_GROUP.search(s["text"])
        if m is None:
            continue
        labels = context().labels
        if len(labels) >= 2:
            for order, label in enumerate(labels):
                yield s, order, (label, int(m.group("n")), m.start(), m.end())
        return


def _reported_sizes(
    sentences: list[dict], context: Callable[[], RecordContext]
) -> Iterator[tuple[dict, int, tuple[str, int, int, int]]]:
    """(sentence, order, group) of the sizes a record's sentences give its declared groups where
    they report them ("in the A arm (n = 533)"), the first size of each group; ``order`` the
    group's place in the declaration."""
    found: dict[str, tuple[dict, int, tuple[str, int, int, int]]] = {}
    for s in sentences:
        if "(" not in s["text"] and " and " not in s["text"]:
            continue
        ctx = context()
        if not ctx.arms:
            return
        order = {label: i for i, label in enumerate(ctx.labels)}
        for label, n, start, end in declared_sizes(ctx, s["text"]):
            found.setdefault(label, (s, order[label], (label, n, start, end)))
    # (sizes that add up to more than the record's enrolment are of something else: a subgroup,
    # a population analysed)
    enrolled = [n for s in sentences for n in stated_enrolments(s["text"])] if found else []
    if not enrolled or sum(n for *_, (_, n, _, _) in found.values()) <= max(enrolled):
        yield from found.values()


def trial_arms_frame(sentences: pl.DataFrame) -> pl.DataFrame:
    """The staging frame ``trial_arms``: sized groups of each record, first statement wins per label."""
    rows: list[dict] = []
    body = sentences.filter(pl.col("role").is_in([_BODY, code("sentence_role", "title")])).sort(
        "publication_id", "sentence_index"
    )
    seen: set[tuple[str, str]] = set()
    for _, whole in groupby(body.iter_rows(named=True), key=itemgetter("publication_id")):
        every = list(whole)
        record = [s for s in every if s["role"] == _BODY and _DIGIT.search(s["text"])]
        context = functools.cache(lambda every=every: record_context([s["text"] for s in every]))
        groups = (
            list(_record_groups(record))
            or list(_each_group(record, context))
            or list(_reported_sizes(record, context))
        )
        for s, order, (label, n, start, end) in groups:
            key = (s["publication_id"], label.lower())
            if key in seen:
                continue
            seen.add(key)
            rows.append(
                {
                    "publication_id": s["publication_id"],
                    "sentence_id": s["sentence_id"],
                    "source_file": s["source_file"],
                    "arm_order": order,
                    "label": label,
                    "n_patients": n,
                    "char_start": s["char_start"] + start,
                    "char_end": s["char_start"] + end,
                }
            )
    return pl.DataFrame(rows, schema=polars_schema(TrialArms))
