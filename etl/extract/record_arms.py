"""Records → the arms each sizes (the staging ``trial_arms``): the sized lists its sentences
give (etl.extract.trial_arms), else its arms sized one sentence at a time, else one size given to
each of the groups its context declares ("269 patients were randomly assigned into each arm")."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from itertools import groupby
from operator import itemgetter

import polars as pl

from etl.extract.context import record_context
from etl.extract.trial_arms import TO_EACH_GROUP, assigns, one_sized_group, stated_groups
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
# "269 patients were randomly assigned into each arm": every group the record declares has them
_EACH_GROUP = re.compile(
    r"(?<![\w.,-])(?P<n>\d+)\s+(?:[\w-]+\s+){0,2}?(?:were|was)\s+(?:randomly\s+assigned|randomi[sz]ed|allocated)"
    + TO_EACH_GROUP,
    re.IGNORECASE,
)


def _each_group(
    sentences: list[dict], declared: Callable[[], list[str]]
) -> Iterator[tuple[dict, int, tuple[str, int, int, int]]]:
    """(sentence, order, group) of a record that sizes its groups all at once ("N were randomly
    assigned to each arm"): each of the groups it declares (``declared``, asked only then)."""
    for s in sentences:
        m = _EACH_GROUP.search(s["text"])
        if m is None:
            continue
        labels = declared()
        if len(labels) >= 2:
            for order, label in enumerate(labels):
                yield s, order, (label, int(m.group("n")), m.start(), m.end())
        return


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
        groups = list(_record_groups(record)) or list(
            _each_group(
                record, lambda every=every: record_context([s["text"] for s in every]).labels
            )
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
