"""A result's label on one line and its value alone on the next, as cards, scorecards and vendor
pages list them ("- PFS HR" then "- 0.57 (0.47-0.70)", "Median overall survival" then "21.3
months"), read as one line: the line break between them, and the value line's bullet, become
spaces (offsets kept, as etl.documents.wraps keeps them), so that the sentence that holds the
value names what it is of.

A label line holds no digit, names an endpoint or a ratio, is short and no clause (no verb, not
ending with a preposition: "Objective responses were seen in" leads a list in); a value line
starts with a number (or a placeholder, "NR") and holds little more than the value. Table lines
(bars, tabs) are left alone."""

from __future__ import annotations

import re
from typing import Final

from etl.vocab.endpoints import endpoint_mentions
from etl.vocab.marks import BULLET

_LONGEST_LABEL: Final = 60
_LONGEST_VALUE: Final = 30  # (a value and its unit or interval, not an item of a list)
_BULLET: Final = re.compile(rf"[ \t]*(?:{BULLET}[ \t]+)?")
_RATIO_LABEL: Final = re.compile(r"\b(?:HR|OR|hazard ratio|odds ratio)\b", re.IGNORECASE)
# (a lead-in of a list is a clause, "Objective responses were seen in": no label)
_CLAUSE: Final = re.compile(
    r"\b(?:was|were|is|are|had|has|have|seen|showed|included|in|of|with|for|to)$"
    r"|\b(?:was|were|is|are|had|has|have)\b",
    re.IGNORECASE,
)
_VALUE_START: Final = re.compile(r"(?:[<>≤≥]\s*)?\d|(?:NR|NE|not reached)\b", re.IGNORECASE)


def join_label_values(text: str) -> str:
    """``text`` with each label line run on into the value line after it (module doc)."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    out = list(text)
    pos = 0
    starts = []
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    for i in range(len(lines) - 1):
        label, value = lines[i], lines[i + 1]
        if not _is_label(label):
            continue
        lead = _BULLET.match(value)
        body = value[lead.end() :] if lead else value
        if not body or len(body) > _LONGEST_VALUE or not _VALUE_START.match(body):
            continue
        if "|" in value or "\t" in value:
            continue
        # (the break and the value line's bullet become spaces)
        for k in range(starts[i] + len(label), starts[i + 1] + (lead.end() if lead else 0)):
            out[k] = " "
    return "".join(out)


def _is_label(line: str) -> bool:
    stripped = _BULLET.sub("", line, count=1).strip()
    if (
        not stripped
        or len(stripped) > _LONGEST_LABEL
        or any(c.isdigit() for c in stripped)
        or "|" in line
        or "\t" in line
        or stripped.endswith((".", ":"))
        or _CLAUSE.search(stripped)
    ):
        return False
    return bool(_RATIO_LABEL.search(stripped) or endpoint_mentions(stripped))
