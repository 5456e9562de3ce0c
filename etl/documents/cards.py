"""A vendor page's big-number card read as the sentence it is: the number stands alone on its
line, its interval may follow on the next, and what it is of comes after a blank line, starting
in lower case and wrapped short:

    96.7%
    (95% CI: 94.9-97.9)

    of men achieved and maintained
    suppression through Week 48
    with drug K (n=622)

The line breaks from the number to the end of its description become spaces (offsets kept, as
etl.documents.wraps keeps them), so that the grammar reads "96.7% (95% CI: 94.9-97.9) of men
achieved ... with drug K (n=622)" as one sentence. A number whose next text starts in upper case
(a heading, a sentence of its own) is left alone.
"""

from __future__ import annotations

import re

from etl.documents.wraps import breaks_to_spaces

# a line that is only a number (a share, or a time with its unit)
_VALUE_LINE = re.compile(
    r"^[ \t]*[<>≥≤~]?\s*\d+(?:[.,·]\d+)?\s*(?:%|months?|mo|years?)?[ \t]*\r?$", re.IGNORECASE
)
_BRACKET_LINE = re.compile(r"^[ \t]*[(\[].*[)\]][*†‡]*[ \t]*\r?$")
_CONTINUES = re.compile(r"^[ \t]*[a-z(]")
_GATE = re.compile(r"(?m)^[ \t]*\d+(?:[.,·]\d+)?\s*%?[ \t]*\r?$")


def join_cards(text: str) -> str:
    """``text`` with each card's number, interval and description on one line (same length)."""
    if _GATE.search(text) is None:
        return text
    lines = text.split("\n")
    joins: set[int] = set()  # (the lines whose break becomes a space)
    i = 0
    while i < len(lines):
        if not _VALUE_LINE.match(lines[i]):
            i += 1
            continue
        j = i + 1
        while j < len(lines) and _BRACKET_LINE.match(lines[j]):
            j += 1
        k = j
        while k < len(lines) and not lines[k].strip():
            k += 1
        if k == j or k - j > 2 or k >= len(lines) or not _CONTINUES.match(lines[k]):
            i += 1
            continue
        end = k
        while end + 1 < len(lines) and lines[end + 1].strip():
            end += 1
        joins.update(range(i, end))
        i = end + 1
    return breaks_to_spaces(lines, joins) if joins else text
