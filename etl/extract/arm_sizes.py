"""Sentences → the sizes a record gives the groups it declares (etl.extract.context), where they
are not stated as a list of assigned groups (etl.extract.trial_arms reads those):
- a size in brackets after a group's name, wherever the sentence gives it: "the median was not
  reached in the A arm (n = 533), while it was 46.1 months in the B arm (n = 530; HR, 0.68)",
  "A (n = 240) improved survival vs B (n = 121)", "patients who received A (n = 335)"; in a
  sentence that tells an assignment, a bare count too: "790 were randomized to A (526) vs B (264)";
- counts and then the groups they are of: "(461 and 230 into the A and B arms, respectively)",
  "427 and 111 patients were randomised to A vs B".

A phrase is a group's only where it ends with a name of one of the record's declared groups (a
subgroup's size, "PD-L1 ≥ 50% (n = 120)", names none); a sentence that names a biomarker's band
sizes a subgroup, not a group.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from etl.extract.context import ASSIGNMENT, RecordContext
from etl.extract.group_labels import LABEL_WORD, NO_GROUP_WORDS
from etl.extract.subgroups import names_band
from etl.extract.trial_arms import PEOPLE

# "(n = 533)", "(N=240)", "(n = 530; HR, 0.68; ...)": a group's size, with what else the bracket
# says after it
_SIZE = re.compile(r"\(\s*n\s*=\s*(?P<n>\d[\d,]*)\s*(?:[;,][^()]*)?\)", re.IGNORECASE)
# "(526)", "(264 patients)": a bare count, read as a size only where the sentence assigns
_COUNT = re.compile(rf"\(\s*(?P<n>\d[\d,]*)(?:\s+{PEOPLE})?\s*\)")
# where the phrase before a size starts: after the last sign or comparing word before it
_PHRASE_START = re.compile(
    r"(?s:.*)(?:[,;:()\[\]]|\b(?:versus|vs\.?|v\.|compared\s+(?:with|to)|whereas|while|than)(?=\s))",
    re.IGNORECASE,
)
_LONGEST_NAME = 8  # words

# "461 and 230 into the A and B arms, respectively", "427 and 111 pts were randomised to A vs B"
_COUNTS_TO = re.compile(
    r"(?<![\w.,])(?P<counts>\d[\d,]*(?:\s*,\s*\d[\d,]*)*,?\s+and\s+\d[\d,]*)\s+"
    rf"(?:{PEOPLE}\s+)?"
    r"(?:(?:were|was)\s+)?(?:(?:randomly\s+)?(?:randomi[sz]ed|assigned|allocated|enrolled|included)\s+)?"
    r"(?:in)?to\s+(?:receive\s+)?(?:the\s+)?(?P<groups>[^.;()]{3,160}?)"
    r"(?:,?\s+respectively)?\s*(?=[.;)]|$)",
    re.IGNORECASE,
)
_COUNT_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
# how a list of groups may be cut, the safest first: "and" may be inside a group's name
_GROUP_SPLITS = (
    re.compile(r"\s+(?:versus|vs\.?)\s+", re.IGNORECASE),
    re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+or\s+", re.IGNORECASE),
    re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", re.IGNORECASE),
)


def _count(raw: str) -> int | None:
    digits = raw.replace(",", "")
    return int(digits) if digits.isdigit() else None


def _named(context: RecordContext, phrase: str) -> str | None:
    """The declared group whose name ``phrase`` ends with (past "arm", "group" and the like): the
    shortest ending of the phrase that names one, when the phrase's last word is that group's."""
    words = LABEL_WORD.findall(phrase.lower())
    while words and words[-1] in NO_GROUP_WORDS:
        words.pop()
    if not words:
        return None
    for k in range(1, min(_LONGEST_NAME, len(words)) + 1):
        arm = context.arm_of(" ".join(words[-k:]))
        if arm is not None:
            return arm.label if any(words[-1] in bag for bag in arm.bags) else None
    return None


def _bracketed(context: RecordContext, text: str) -> Iterator[tuple[str, int, int, int]]:
    sizes = list(_SIZE.finditer(text))
    if ASSIGNMENT.search(text):
        sizes += _COUNT.finditer(text)
    for m in sorted(sizes, key=lambda m: m.start()):
        window = max(0, m.start() - 160)
        start = _PHRASE_START.match(text, window, m.start())
        phrase_start = start.end() if start else window
        label = _named(context, text[phrase_start : m.start()])
        if label is not None and (n := _count(m.group("n"))):
            yield label, n, phrase_start, m.end()


def _counted(context: RecordContext, text: str) -> Iterator[tuple[str, int, int, int]]:
    for m in _COUNTS_TO.finditer(text):
        counts = [_count(c) for c in _COUNT_SPLIT.split(m.group("counts").strip())]
        for split in _GROUP_SPLITS:
            parts = split.split(m.group("groups"))
            if len(parts) != len(counts):
                continue
            labels = [_named(context, part) for part in parts]
            if None not in labels and len(set(labels)) == len(labels) and None not in counts:
                for label, n in zip(labels, counts, strict=True):
                    yield label, n, m.start(), m.end()  # type: ignore[misc]
                break


def declared_sizes(context: RecordContext, text: str) -> list[tuple[str, int, int, int]]:
    """(label, n, start, end) of each size ``text`` gives one of the context's groups, the label
    the context's own; [] for a sentence that names a biomarker's band (a subgroup's sizes)."""
    if not context.arms or ("(" not in text and " and " not in text) or names_band(text):
        return []
    found = sorted([*_bracketed(context, text), *_counted(context, text)], key=lambda g: g[2])
    return found
