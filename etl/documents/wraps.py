"""Hard-wrapped prose (text copied from a PDF or a mail: each line cut at a fixed width, mid
sentence) read as the paragraphs it was: a line break that only wraps a line is a space.

The lines of such a text are mostly near one width, none longer, and mostly end inside a
sentence; a line
filled to that width that does not end a sentence runs on into the next one. Offsets are kept:
the break (``\\n``, or ``\\r\\n``) becomes as many spaces, so every span still points at the
same characters of the file. Tables (lines with "|" or tabs), short lines (headings, the last
line of a paragraph) and text whose lines are paragraphs of their own are left as they are.
"""

from __future__ import annotations

import re

# widths a wrapped text is cut at (characters): a page's or a mail's column
_MIN_WIDTH, _MAX_WIDTH = 40, 160
# a line this share of the width or more was filled up to it
_FILLED = 0.8
# at least this many lines, this share of them filled, and this share of those open-ended
_MIN_LINES = 4
_FILLED_SHARE = 0.4
_OPEN_SHARE = 0.5
# no line of a wrapped text is longer than its width (one in twenty may be, a long address that
# would not break): a text with longer lines is one of paragraphs and lines of a list
_OVER = 1.15
_OVER_SHARE = 20
_TABLE_LINE = re.compile(r"[|\t]")
_ENDS_SENTENCE = re.compile(r"[.!?:][\"'”’)\]]*$")
# a line that ends with a value (a number, a share, a placeholder, with its bracket): a table's
# row whose cells a page joined with spaces ("Median PFS (months) 15.1 (12.6 to 17.7) 11.0")
_ENDS_WITH_VALUE = re.compile(r"(?:^|\s)(?:[<>≤≥]?\d[\d.,]*%?|NR|NE)(?:\s*\([^()]*\))?\s*$")
# a text whose lines end with a value this share of them or more is a table's rows, not prose
_VALUES_SHARE = 0.5


def unwrap(text: str) -> str:
    """``text`` with its wrapping line breaks turned into spaces (same length, same offsets); a
    text whose lines are not wrapped as a whole may hold a part that is, copied from elsewhere
    (a wrapped abstract above an abstract of paragraphs): each part between blank lines is then
    read on its own."""
    whole = _unwrapped(text)
    if whole is not text or "\n" not in text:
        return whole
    parts = _BLANK_LINES.split(text)
    if len(parts) == 1:
        return text
    # (the separators are kept by the split's group: the odd pieces)
    return "".join(p if i % 2 else _unwrapped(p) for i, p in enumerate(parts))


_BLANK_LINES = re.compile(r"(\n[ \t\r]*\n)")


def _unwrapped(text: str) -> str:
    if "\n" not in text or len(text) > _MAX_WIDTH * 2 * (text.count("\n") + 1):
        return text  # (lines far longer than any wrap width on average: paragraphs)
    lines = text.split("\n")
    widths = [len(line.rstrip()) for line in lines]
    table = [_TABLE_LINE.search(line) is not None for line in lines]
    prose = sorted(w for w, is_table in zip(widths, table, strict=True) if w and not is_table)
    if len(prose) < _MIN_LINES:
        return text
    width = prose[int(0.9 * (len(prose) - 1))]
    if (
        not _MIN_WIDTH <= width <= _MAX_WIDTH
        or sum(w > _OVER * width for w in prose) > len(prose) // _OVER_SHARE
    ):
        return text
    filled = [i for i, w in enumerate(widths) if w >= _FILLED * width and not table[i]]
    open_ended = [i for i in filled if not _ENDS_SENTENCE.search(lines[i].rstrip())]
    if len(filled) < max(3, _FILLED_SHARE * len(prose)) or len(open_ended) < _OPEN_SHARE * len(
        filled
    ):
        return text
    # (asked last, of a text that looks wrapped: a table's rows whose labels fill the width)
    ending_values = sum(
        _ENDS_WITH_VALUE.search(line) is not None
        for line, is_table in zip(lines, table, strict=True)
        if not is_table
    )
    if ending_values >= _VALUES_SHARE * len(prose):
        return text
    joins = {i for i in open_ended if i + 1 < len(lines) and widths[i + 1] and not table[i + 1]}
    if not joins:
        return text
    return breaks_to_spaces(lines, joins)


def breaks_to_spaces(lines: list[str], joins: set[int]) -> str:
    """The text of ``lines`` with the break after each line of ``joins`` a space (a "\r" before
    the break goes with it: same length)."""
    out = []
    for i, line in enumerate(lines):
        if i in joins:
            out.append(line[:-1] + "  " if line.endswith("\r") else line + " ")
        else:
            out.append(line + "\n" if i + 1 < len(lines) else line)
    return "".join(out)
