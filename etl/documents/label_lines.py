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
# what opens a line before its words: white space and a bullet
_LEAD: Final = rf"[ \t]*(?:{BULLET}[ \t]+)?"
_BULLET: Final = re.compile(_LEAD)
_RATIO_LABEL: Final = re.compile(r"\b(?:HR|OR|hazard ratio|odds ratio)\b", re.IGNORECASE)
# (a lead-in of a list is a clause, "Objective responses were seen in": no label)
_CLAUSE: Final = re.compile(
    r"\b(?:was|were|is|are|had|has|have|seen|showed|included|in|of|with|for|to)$"
    r"|\b(?:was|were|is|are|had|has|have)\b",
    re.IGNORECASE,
)


# where a line that starts with a value begins (after its bullet): found in one scan, so that
# a text without such a line costs one search
# what a value line starts with: a number (maybe after a sign) or a placeholder
_VALUE_START: Final = r"(?:[<>≤≥]\s*)?\d|(?:NR|NE|not reached)\b"
_VALUE_LINE: Final = re.compile(rf"\n(?P<lead>{_LEAD})(?={_VALUE_START})", re.IGNORECASE)


# a second value line right after the first ("Median OS (months)", "6.1", "4.2": the row of a
# table written one cell a line, each group's value on its own line)
_ANOTHER_VALUE: Final = re.compile(
    rf"\n{_LEAD}(?:{_VALUE_START})[^\n]{{0,{_LONGEST_VALUE}}}(?:\n|$)",
    re.IGNORECASE,
)


def join_label_values(text: str) -> str:
    """``text`` with each label line run on into the value line after it (module doc)."""
    out: list[str] | None = None
    for m in _VALUE_LINE.finditer(text):
        body_start = m.end()
        body_end = text.find("\n", body_start)
        body = text[body_start : body_end if body_end >= 0 else len(text)]
        if len(body.rstrip()) > _LONGEST_VALUE or "|" in body or "\t" in body:
            continue
        label_start = text.rfind("\n", 0, m.start()) + 1
        if not _is_label(text[label_start : m.start()]):
            continue
        if body_end >= 0 and _ANOTHER_VALUE.match(text, body_end):
            continue  # (a label over several values: a table's row, one cell a line)
        if out is None:
            out = list(text)
        # (the break and the value line's bullet become spaces; other white space stays)
        for k in range(m.start(), body_start):
            if text[k] not in " \t":
                out[k] = " "
    return text if out is None else "".join(out)


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
