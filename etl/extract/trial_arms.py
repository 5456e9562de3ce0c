"""Records → the groups a study assigned patients to, with their sizes (staging ``trial_arms``).

Read from the statements that give sizes, in any of their usual shapes:
- "randomized to STRIDE (n = 393), durvalumab (n = 389), or sorafenib (n = 389)";
- "573 were enrolled and randomised (379 to regorafenib and 194 to placebo)";
- "Eighty sorafenib-naive and 154 sorafenib-experienced patients were treated".
A list needs at least two sized groups, so a subgroup aside ("survivors with X (n = 103)") is not
an arm. Single-arm studies get their one arm in dbt, from the enrolment and the agent given.
"""

from __future__ import annotations

import functools
import re

import polars as pl

from etl.extract.numbers import NUM, WORD_NUMBER, parse_word_number
from etl.extract.phrases import GROUP_NAME, is_generic
from etl.schemas.staging import TrialArms, polars_schema

_ASSIGNING = re.compile(
    r"randomi[sz]|randomly|assigned|allocated|divided|enrolled|treated|received", re.IGNORECASE
)
_LEAD = re.compile(
    r"^(?:(?:to|or|and|receive|receiving|either|the|a|an|into|of|with)\s+)+", re.IGNORECASE
)
# The label of "(n = N)" is the phrase since the previous list delimiter (comma, or, and, to, ':').
_N_EQUALS = re.compile(
    r"(?:^|[,;:()]|\b(?:to|or|and|into|versus|vs\.?)\b)\s*"
    r"(?P<label>(?:(?!\b(?:to|or|and|into|versus|vs)\b)[^,;:()]){1,60}?)\s*"
    r"\(\s*n\s*=\s*(?P<n>\d+)\s*\)",
    re.IGNORECASE,
)
_GROUP_SUFFIX = re.compile(r"\s+(?:groups?|arms?)$", re.IGNORECASE)
_N_SIZE = re.compile(r"\(\s*n\s*=\s*\d+\s*\)", re.IGNORECASE)


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
_N_TO = re.compile(rf"\b(?P<n>\d+)\s+to\s+(?P<label>{GROUP_NAME})(?=\s*(?:,|;|\)|and\b|or\b|$))")
_DOSE_START = re.compile(
    rf"\s+(?:at\s+)?{NUM}\s*(?:mg|g|µg|μg|mcg|IU|Gy)\b|\s+at\s+(?:an?\s+)?(?:daily\s+)?doses?\b",
    re.IGNORECASE,
)
_COUNT_LABEL = re.compile(
    rf"(?P<n>\d+|{WORD_NUMBER})\s+(?P<label>[A-Za-z][\w+/-]*(?:-[\w]+)?)"
    rf"\s+and\s+(?P<n2>\d+|{WORD_NUMBER})\s+(?P<label2>[A-Za-z][\w+/-]*)\s+(?:patients|participants)\b",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=4096)
def _label(raw: str) -> str | None:
    """The group a sized phrase names, or None. (Cached: texts name their groups in the same
    words again and again.)"""
    label = _LEAD.sub("", raw.strip()).strip(" ,;:")
    # "sorafenib 400 mg twice daily (n = 150)": the group is the agent; its dose is read apart
    dose = _DOSE_START.search(label)
    label = label[: dose.start()].strip(" ,;:") if dose else label
    label = _GROUP_SUFFIX.sub("", label)
    return None if not label or is_generic(label) or len(label) > 60 else label


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


def sized_groups(text: str) -> list[tuple[str, int, int, int]]:
    """(label, n, start, end) of each sized group a sentence lists; [] unless it lists two or more."""
    if not _ASSIGNING.search(text):
        return []
    for finder in (_n_equals, _N_TO.finditer):
        found = [
            (label, int(m.group("n")), m.start(), m.end())
            for m in finder(text)
            if (label := _label(m.group("label"))) is not None
        ]
        if len(found) >= 2:
            return _ids_named(found)
    m = _COUNT_LABEL.search(text)
    if m:
        pairs = [(m.group("label"), m.group("n")), (m.group("label2"), m.group("n2"))]
        found = [
            (label, n, m.start(), m.end())
            for raw_label, raw_n in pairs
            if (label := _label(raw_label)) is not None and (n := _size(raw_n)) is not None
        ]
        if len(found) == 2:
            return found
    return []


def trial_arms_frame(sentences: pl.DataFrame) -> pl.DataFrame:
    """The staging frame ``trial_arms``: sized groups of each record, first statement wins per label."""
    rows: list[dict] = []
    body = sentences.filter(pl.col("role") == "body").sort("publication_id", "sentence_index")
    seen: set[tuple[str, str]] = set()
    for s in body.filter(pl.col("text").str.contains(r"\d")).iter_rows(named=True):
        for order, (label, n, start, end) in enumerate(sized_groups(s["text"])):
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
