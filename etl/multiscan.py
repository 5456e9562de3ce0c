r"""Many patterns asked about one text in one pass, with Hyperscan, as a pre-gate.

The grammar asks, of every sentence, which of a few dozen gates admit it (regex_prefilter's
GatedAlternation: the masks, the groups named before a value). Python's engine answers one pattern
at a time, and most of those patterns open with a digit or a class it cannot skip to: ~11 us a
sentence for the 27 masks. Hyperscan (Intel's multi-pattern engine, compiled) scans the text once
for all of them (~2 us).

Hyperscan reads a subset of Python's syntax: no look-arounds, no back-references. ``widened``
turns a pattern into one Hyperscan reads that matches wherever the pattern does: each look-around
left out only lets more texts match. Hyperscan runs in its ASCII mode (its Unicode mode compiles
these patterns a thousand times slower): \d, \w, \s and \b then read only ASCII characters as
digits, letters and spaces, which is what Python reads in a text whose other characters are none
of those ("≥", "·", "–" are not). A text with a non-ASCII letter, digit or space is not scanned:
every pattern is a candidate there. So ``MultiScan.candidates`` names a superset of the patterns
that match; the caller still runs the exact test on those, and the answer is the same as without
it, only found sooner.

Without the hyperscan package (a platform without its wheel) ``MultiScan.build`` gives None and
the gates run in Python alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

try:
    import hyperscan
except ImportError:  # pragma: no cover (every supported platform has the wheel)
    hyperscan = None

# a look-around group's opening; a named group's; escapes Hyperscan cannot widen
_LOOK_AROUND = re.compile(r"\(\?(?:<=|<!|=|!)")
_NAMED = re.compile(r"\(\?P<\w+>")
_NOT_WIDENABLE = re.compile(r"\\[0-9]|\(\?P=|\(\?\(|\(\?>|[*+?}]\+|\\N\{")
# a character Python's \d, \w or \s reads that Hyperscan's ASCII mode does not
_UNICODE_CLASSED = re.compile(r"[^\x00-\x7f](?<=[\w\s])")
# Python's \s also holds the information separators \x1c-\x1f, which Unicode's White_Space does not
_MORE_SPACE = r"\x1c-\x1f\x85"
_SPACE = rf"[\s{_MORE_SPACE}]"


def _class_end(pattern: str, i: int) -> int:
    """Where the character class opening at ``i`` ends (past its "]")."""
    j = i + 1
    if j < len(pattern) and pattern[j] == "^":
        j += 1
    if j < len(pattern) and pattern[j] == "]":
        j += 1
    while pattern[j] != "]":
        j += 2 if pattern[j] == "\\" else 1
    return j + 1


def _group_end(pattern: str, i: int) -> int:
    """Where the group opening at ``i`` ends (past its ")")."""
    depth, j = 0, i
    while True:
        c = pattern[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            j = _class_end(pattern, j)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1


def widened(pattern: str) -> str | None:
    """``pattern`` in Hyperscan's syntax, matching wherever it matches (see the module's doc), or
    None where that cannot be said."""
    if _NOT_WIDENABLE.search(pattern):
        return None
    out: list[str] = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            kind = pattern[i + 1]
            if kind in "BAZ":  # (an assertion: left out)
                i += 2
            elif kind == "s":
                out.append(_SPACE)
                i += 2
            elif kind == "u":
                out.append(r"\x{" + pattern[i + 2 : i + 6] + "}")
                i += 6
            elif kind == "U":
                out.append(r"\x{" + pattern[i + 2 : i + 10] + "}")
                i += 10
            else:
                out.append(pattern[i : i + 2])
                i += 2
        elif c == "[":
            end = _class_end(pattern, i)
            body = pattern[i:end]
            if "\\s" in body:
                body = body.replace("\\s", "\\s" + _MORE_SPACE)
            out.append(body)
            i = end
        elif c in "^$":  # (an anchor: left out)
            i += 1
        elif _LOOK_AROUND.match(pattern, i):
            i = _group_end(pattern, i)
            # a quantifier on an assertion quantifies nothing left: leave it out too
            while i < len(pattern) and pattern[i] in "?*+":
                i += 1
        elif m := _NAMED.match(pattern, i):
            out.append("(")
            i = m.end()
        else:
            out.append(c)
            i += 1
    return "".join(out)


class MultiScan:
    """Which of some patterns may match in a text, asked at once (``candidates``)."""

    def __init__(self, database: object, always: tuple[int, ...]) -> None:
        self._database = database
        self._always = always

    @classmethod
    def build(cls, patterns: Sequence[str | None], ignore_case: bool) -> MultiScan | None:
        """The scan of ``patterns`` (Python syntax), or None when Hyperscan is not there or reads
        none of them. A pattern it cannot read (or None) is a candidate for every text."""
        if hyperscan is None:
            return None
        flags = hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_SINGLEMATCH
        flags |= hyperscan.HS_FLAG_DOTALL | hyperscan.HS_FLAG_ALLOWEMPTY
        if ignore_case:
            flags |= hyperscan.HS_FLAG_CASELESS
        readable = {
            i: wide.encode()
            for i, pattern in enumerate(patterns)
            if pattern is not None and (wide := widened(pattern)) is not None
        }
        database = _database(readable, flags)
        if database is None:  # (one it does not read: compiled without the ones it does not)
            readable = {i: e for i, e in readable.items() if _database({i: e}, flags)}
            database = _database(readable, flags)
        if database is None:
            return None
        always = tuple(i for i in range(len(patterns)) if i not in readable)
        return cls(database, always)

    def candidates(self, text: str) -> list[int] | None:
        """The patterns that may match in ``text``, in their order (None: the text cannot be
        scanned: one with a non-ASCII letter, digit or space, or a lone surrogate; every pattern
        is then a candidate)."""
        if not text.isascii() and _UNICODE_CLASSED.search(text):
            return None
        try:
            data = text.encode()
        except UnicodeEncodeError:
            return None
        found = list(self._always)
        self._database.scan(data, match_event_handler=_collect, context=found)
        found.sort()
        return found


def _collect(pattern_id: int, start: int, end: int, flags: int, found: list[int]) -> None:
    found.append(pattern_id)


def _database(expressions: dict[int, bytes], flags: int) -> object | None:
    """The block-mode database of ``expressions`` by id, None if Hyperscan reads not all of them
    (or there are none)."""
    if not expressions:
        return None
    database = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    try:
        database.compile(
            expressions=list(expressions.values()),
            ids=list(expressions),
            elements=len(expressions),
            flags=[flags] * len(expressions),
        )
    except hyperscan.error:
        return None
    return database


def prescanned(
    patterns: Sequence[str | None], tests: Sequence[Callable[[str], bool]], ignore_case: bool
) -> Callable[[str], tuple[int, ...]] | None:
    """A function of a text to the positions of the ``tests`` it passes, asking only those whose
    pattern the scan finds may match: the same answer as asking them all, where each test passes
    only in texts its pattern matches in (a test without a pattern, None, is always asked).
    None without Hyperscan."""
    scan = MultiScan.build(patterns, ignore_case)
    if scan is None:
        return None
    every = tuple(range(len(tests)))

    def admitted(text: str) -> tuple[int, ...]:
        chosen = scan.candidates(text)
        return tuple(i for i in (every if chosen is None else chosen) if tests[i](text))

    return admitted
