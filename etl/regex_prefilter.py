"""Which texts a regular expression can match in, decided without running it.

A regex scan costs far more than asking whether a word is in a text. Most patterns need some word
("hazard ratio", "%", "month"): needed_texts() reads those words off the pattern, and Prefiltered
skips the scan when one is missing, or when a cheaper pattern that must find something wherever
the pattern matches finds nothing (cheap_scan). The result is the same; only impossible scans are
left out. IGNORECASE patterns are asked about the text lower-cased once (case_folded): words are
then found with `in`, and a folded pattern (folded_pattern) lets the engine skip to its letters.
Prefiltered also runs such a pattern folded, on the lower-cased text, and reads its groups off the
original (FoldedMatch), or, where the groups are read in any case (numbers), gives the folded
matches themselves (finditer_lowered). FromStarts runs a pattern the engine cannot skip through
only at the places a one-character scan finds for it. A gate's test is generated code, written
out from its texts (_gate_test); admitted() asks many gates about one text in a single generated
function (the grammar's mask gates, asked of every sentence); GatedAlternation runs an alternation
with only the alternatives whose gates admit a text. All of them give the pattern's own
matches (tests/extract/test_regex_prefilter.py holds them to that).

Kept apart from etl.extract and etl.vocab so that both can use it (the endpoint vocabulary reads
its own patterns with atom_end / alternatives / case_folded) without importing each other.
"""

from __future__ import annotations

import contextlib
import functools
import re
import string
from collections.abc import Callable, Iterator, Sequence
from re import _parser as re_parser

from etl.multiscan import prescanned

_SPECIAL = frozenset("\\.^$*+?{}[]()|")
_QUANTIFIER = re.compile(r"(?:[?*+]|\{(\d*)(?:,\d*)?\})[?+]?")
_ESCAPE_LENGTH = {"x": 4, "u": 6, "U": 10}
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def atom_end(pattern: str, i: int) -> int:
    """Where the atom starting at ``i`` ends: an escape, a class, a group or one character."""
    c = pattern[i]
    if c == "\\":
        kind = pattern[i + 1]
        if kind == "N":
            return pattern.index("}", i) + 1
        if kind.isdigit():  # a group reference or an octal code: up to three digits
            end = i + 2
            while end < min(i + 4, len(pattern)) and pattern[end].isdigit():
                end += 1
            return end
        return i + _ESCAPE_LENGTH.get(kind, 2)
    if c == "[":
        i += 2 if pattern[i + 1] == "^" else 1
        if pattern[i] == "]":  # a "]" first in a class is a member
            i += 1
        while pattern[i] != "]":
            i += 2 if pattern[i] == "\\" else 1
        return i + 1
    if c == "(":
        i += 1
        while pattern[i] != ")":
            i = atom_end(pattern, i)
        return i + 1
    return i + 1


def alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern: "a|b(?:c|d)" → ["a", "b(?:c|d)"]."""
    parts, start, i = [], 0, 0
    while i < len(pattern):
        if pattern[i] == "|":
            parts.append(pattern[start:i])
            start = i + 1
        i = atom_end(pattern, i)
    return [*parts, pattern[start:]]


Needs = tuple[frozenset[str], ...]


def _most_selective(needs: Needs) -> frozenset[str] | None:
    return max(needs, key=lambda texts: (min(map(len, texts)), -len(texts)), default=None)


def needed_texts(pattern: str) -> Needs:
    """Sets of texts such that every match of ``pattern`` contains one text of each set (as
    written; fold case for IGNORECASE patterns). () when nothing is certain.
    "(?:hazard|odds) ratio\\s*\\d" → ({"hazard", "odds"}, {" ratio"}); a short class gives its
    characters: "\\d\\s*[-–]\\s*\\d" → ({"-", "–"},)."""
    branches = alternatives(pattern)
    if len(branches) == 1:
        return _sequence_needs(branches[0])
    union: set[str] = set()
    for branch in branches:
        texts = _most_selective(_sequence_needs(branch))
        if texts is None:
            return ()
        union |= texts
    return (frozenset(union),)


def _group_body(group: str) -> str | None:
    """The part of ``(...)`` whose text a match contains; None for lookbehinds, negative
    lookaheads and back references (they put nothing into the match that must be there)."""
    if not group.startswith("(?"):
        return group[1:-1]
    if group.startswith(("(?:", "(?=")):
        return group[3:-1]
    if group.startswith("(?P<"):
        return group[group.index(">") + 1 : -1]
    if group.startswith(("(?!", "(?<=", "(?<!", "(?P=", "(?#")):
        return None
    raise ValueError(f"unsupported group {group!r}")  # inline flags, conditionals


# The most characters a class may have for its characters to be a needed text: each is looked
# for in turn where none is there.
_MAX_CLASS = 10


def _class_members(atom: str) -> frozenset[str] | None:
    """The characters a class ``[...]`` matches, one of which is where it matches: when it lists
    them (no negation, range or class escape such as \\d) and has at most _MAX_CLASS of them."""
    members = re.findall(r"\\.|.", atom[1:-1], re.DOTALL)
    if not members or members[0] == "^" or "-" in members[1:-1] or len(members) > _MAX_CLASS:
        return None
    if any(m[0] == "\\" and m[1].isalnum() for m in members):
        return None
    return frozenset(m[-1] for m in members)


def _sequence_needs(pattern: str) -> Needs:
    """needed_texts of a pattern without top-level alternatives."""
    needs: list[frozenset[str]] = []
    run, i = "", 0
    while i < len(pattern):
        end = atom_end(pattern, i)
        quantifier = _QUANTIFIER.match(pattern, end)
        optional = quantifier is not None and (
            quantifier.group(0)[0] in "?*" or quantifier.group(1) in ("", "0")
        )
        atom = pattern[i:end]
        literal = (
            atom[1]
            if atom[0] == "\\" and len(atom) == 2 and not atom[1].isalnum()
            else atom
            if atom[0] not in _SPECIAL
            else None
        )
        if literal is not None and not optional:
            run += literal
            if quantifier:  # repeated: what follows is not next to this run
                needs.append(frozenset([run]))
                run = ""
        else:
            if run:
                needs.append(frozenset([run]))
            run = ""
            body = _group_body(atom) if atom[0] == "(" and not optional else None
            if body is not None:
                needs.extend(needed_texts(body))
            members = _class_members(atom) if atom[0] == "[" and not optional else None
            if members:
                needs.append(members)
        i = quantifier.end() if quantifier else end
    if run:
        needs.append(frozenset([run]))
    return tuple(needs)


@functools.lru_cache(maxsize=16)
def case_folded(text: str) -> str | None:
    """``text`` lower-cased, every offset kept, when that folds case as IGNORECASE does: always
    for ASCII; otherwise only when no non-ASCII character has a case (those can match ASCII
    letters under IGNORECASE, "ſ" ~ "s", or change length, "İ" → "i̇"). Cached: each sentence
    is folded once for all the patterns asked about it."""
    if text.isascii() or all(c.lower() == c == c.upper() for c in _NON_ASCII.findall(text)):
        return text.lower()
    return None


# Escapes that mean the same whatever the case: classes, anchors, control characters.
_CASELESS_ESCAPES = frozenset("dDsSwWbBAZntrfv")


@functools.cache
def _fold_char(c: str) -> str:
    """``c`` for case-folded text: lower-cased. ValueError when that is not what IGNORECASE
    does: ``c`` lower-cases to two characters, or matches an ASCII letter that lower-casing does
    not give ("ſ" matches "s"; case_folded text keeps ASCII letters only)."""
    folded = c.lower()
    if c.isascii():
        return folded
    matched = [a for a in string.ascii_letters if re.fullmatch(re.escape(c), a, re.IGNORECASE)]
    if len(folded) != 1 or any(a.lower() != folded for a in matched):
        raise ValueError(f"cannot fold {c!r}")
    return folded


def _fold_class(body: str) -> str:
    """A class ``[...]`` for case-folded text; ValueError for a range that folding would change
    ("[0-Z]" also takes a-z under IGNORECASE; "[!-_]" takes "a" as "A")."""
    members = re.findall(r"\\.|.", body[1:-1].removeprefix("^"), re.DOTALL)
    for i in range(1, len(members) - 1):
        if members[i] != "-":
            continue
        lo, hi = members[i - 1][-1], members[i + 1][-1]  # (an escaped end stands for itself)
        if (_fold_char(lo), _fold_char(hi)) == (lo, hi):
            capitals = (chr(c) for c in range(max(ord(lo), ord("A")), min(ord(hi), ord("Z")) + 1))
            if any(not lo <= capital.lower() <= hi for capital in capitals):
                raise ValueError(f"cannot fold the range {lo}-{hi}")
        elif not ("A" <= lo <= "Z" and "A" <= hi <= "Z"):
            raise ValueError(f"cannot fold the range {lo}-{hi}")
    return _fold(body, in_class=True)


def _fold(pattern: str, in_class: bool = False, widen: bool = False) -> str:
    out, i = [], 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            if pattern[i + 1].isalnum() and pattern[i + 1] not in _CASELESS_ESCAPES:
                raise ValueError(f"cannot fold {pattern[i : i + 2]!r}")  # \x41, \N{..}, \1
            end = i + 2
        elif c == "[" and not in_class:
            end = atom_end(pattern, i)
            out.append(_fold_class(pattern[i:end]))
            i = end
            continue
        elif widen and pattern.startswith("(?-i:", i) and not in_class:
            out.append("(?:")  # (its letters folded too: it then takes either case)
            i += len("(?-i:")
            continue
        elif pattern.startswith("(?-i", i) and not in_class:
            # (a part that keeps case, "(?-i:[A-Z])", cannot be read on folded text)
            raise ValueError("cannot fold a case-sensitive part")
        elif pattern.startswith(("(?P<", "(?P="), i) and not in_class:
            end = pattern.index(">" if pattern[i + 3] == "<" else ")", i) + 1
        else:
            out.append(_fold_char(c))
            i += 1
            continue
        out.append(pattern[i:end])
        i = end
    return "".join(out)


def _fold_text(text: str) -> str:
    return "".join(_fold_char(c) for c in text)


def _foldable(text: str) -> bool:
    try:
        _fold_text(text)
    except ValueError:
        return False
    return True


def folded_pattern(pattern: str) -> str:
    """``pattern`` for case_folded text, where it matches as IGNORECASE ``pattern`` matches the
    text: letters lower-cased, escapes ("\\S") and group names kept. ValueError where that is
    not certain (character codes such as "\\x41", ranges across letters)."""
    return _fold(pattern)


def widened_folded_pattern(pattern: str) -> str:
    """``pattern`` for case_folded text, as folded_pattern, where its parts that keep case
    ("(?-i:[A-Z])") are folded too: it matches wherever the IGNORECASE ``pattern`` matches the
    text, and maybe elsewhere (a capital it asks for is any letter there). ValueError where
    folded_pattern's would be, or where such a part stands in a negative look-around (widened,
    that would match less), or where the pattern can match an empty text."""
    if _case_kept_in_negation(pattern):
        raise ValueError("a part that keeps case in a negative look-around")
    if _may_be_empty(pattern):
        raise ValueError("a pattern that may match an empty text")
    return _fold(pattern, widen=True)


def _case_kept_in_negation(pattern: str) -> bool:
    """Whether a part that keeps case stands inside a negative look-around of ``pattern``."""
    i = 0
    while i < len(pattern):
        end = atom_end(pattern, i)
        if pattern[i] == "(":
            group = pattern[i:end]
            if group.startswith(("(?!", "(?<!")):
                if "(?-i" in group:
                    return True
            elif _case_kept_in_negation(group[1:-1]):
                return True
        i = end
    return False


def _may_be_empty(pattern: str) -> bool:
    """Whether a match of ``pattern`` may be empty (its shortest match has no character)."""
    return re_parser.parse(pattern).getwidth()[0] == 0  # (the engine's own reading of it)


# A pattern that starts with a sign: "%", "/", "±", "×" or a class of such characters ("[-–—]")
_SIGN_LED = re.compile(r"[%/±×]|\[-?[^\]\\\w\s^-]+\]")


def cheap_scan(compiled: re.Pattern[str], number_pattern: str) -> re.Pattern[str] | None:
    """A cheaper pattern that finds something wherever ``compiled`` matches, for Prefiltered:
    without a leading \\b, and with a leading ``number_pattern`` (bare or in a named group)
    reduced to the digit every number ends with, so that the engine does not read a number at
    every digit; left out altogether (with the white space after it) when a sign follows it
    ("%", "/", a dash): the engine skips to the few places where that sign is.
    Folded for case_folded text when ``compiled`` ignores case; None when there is nothing to
    gain or it cannot be folded."""
    if compiled.flags & re.VERBOSE:
        return None  # (white space and comments would be read as text)
    pattern = compiled.pattern.removeprefix(r"\b")
    group = re.match(r"\(\?P<\w+>", pattern)
    number = len(number_pattern) if pattern.startswith(number_pattern) else 0
    if group and pattern.startswith(number_pattern + ")", group.end()):
        number = group.end() + len(number_pattern) + 1
    if number and not _QUANTIFIER.match(pattern, number):  # (a repeated number is not one digit)
        rest = pattern[number:].removeprefix(r"\s*")
        pattern = rest if _SIGN_LED.match(rest) else r"\d" + pattern[number:]
    elif pattern == compiled.pattern and not compiled.flags & re.IGNORECASE:
        return None  # (folded, a letter-led pattern gets skipped to its letters)
    try:
        if compiled.flags & re.IGNORECASE:
            return re.compile(folded_pattern(pattern), compiled.flags & ~re.IGNORECASE)
        return re.compile(pattern, compiled.flags)
    except ValueError:
        return None


def _shortest(texts: tuple[str, ...]) -> tuple[str, ...]:
    """The texts that hold no other of ``texts``: one of these is in a text where one of
    ``texts`` is."""
    return tuple(t for t in texts if not any(o != t and o in t for o in texts))


class FoldedMatch:
    """A match found on case_folded text, read as a match on the original text: the offsets are
    the same, the groups are cut from the original (so they keep their case)."""

    __slots__ = ("_match", "_text")

    def __init__(self, match: re.Match[str], text: str) -> None:
        self._match = match
        self._text = text

    def group(self, group: int | str = 0, *more: int | str) -> str | tuple[str | None, ...] | None:
        if more:
            return tuple(self._one(g) for g in (group, *more))
        start, end = self._match.span(group)
        return None if start < 0 else self._text[start:end]

    def _one(self, group: int | str) -> str | None:
        start, end = self._match.span(group)
        return None if start < 0 else self._text[start:end]

    __getitem__ = _one

    def groupdict(self) -> dict[str, str | None]:
        return {name: self._one(name) for name in self._match.re.groupindex}

    def start(self, group: int | str = 0) -> int:
        return self._match.start(group)

    def end(self, group: int | str = 0) -> int:
        return self._match.end(group)

    def span(self, group: int | str = 0) -> tuple[int, int]:
        return self._match.span(group)

    @property
    def lastgroup(self) -> str | None:
        return self._match.lastgroup


class Prefiltered:
    """A compiled pattern that is not run on texts lacking a text its matches need, nor, when a
    ``scan`` is given, on texts where that cheaper pattern finds nothing (it must find something
    wherever ``compiled`` matches; for IGNORECASE patterns it reads the case_folded text).

    An IGNORECASE pattern that can be folded is also run folded, on the case_folded text, and its
    matches are read off the original text (FoldedMatch): the same matches, found two to four
    times faster where the pattern starts with words (the engine skips to their first letters,
    which it cannot do while ignoring case)."""

    def __init__(self, compiled: re.Pattern[str], scan: re.Pattern[str] | None = None) -> None:
        self.compiled = compiled
        self.scan = scan
        self.fold = bool(compiled.flags & re.IGNORECASE)
        self.folded: re.Pattern[str] | None = None
        # (not foldable for a part that keeps case: where a widened folded pattern starts a
        # match on the folded text, the pattern is tried on the text; see _starts_widened)
        self.widened: re.Pattern[str] | None = None
        if self.fold and not compiled.flags & re.VERBOSE:
            with contextlib.suppress(ValueError):  # (not foldable: run as it is)
                self.folded = re.compile(
                    folded_pattern(compiled.pattern), compiled.flags & ~re.IGNORECASE
                )
            if self.folded is None:
                with contextlib.suppress(ValueError):
                    self.widened = re.compile(
                        widened_folded_pattern(compiled.pattern), compiled.flags & ~re.IGNORECASE
                    )
        try:  # (in a VERBOSE pattern white space and comments are not text)
            needs = () if compiled.flags & re.VERBOSE else needed_texts(compiled.pattern)
        except ValueError:
            needs = ()
        self.needs = tuple(
            tuple(sorted({_fold_text(t) for t in texts} if self.fold else texts))
            for texts in needs
            if not self.fold or all(_foldable(t) for t in texts)
        )
        # the test, as admits runs it: single needed texts first, then sets of several (of
        # which the shortest do: a text that holds another is there only where the other is)
        sets = [_shortest(texts) for texts in self.needs]
        self._single = tuple(texts[0] for texts in sets if len(texts) == 1)
        self._any = tuple(texts for texts in sets if len(texts) > 1)
        self._scan = scan.search if scan is not None else None
        self._admits = _gate_test(self)  # (admits, written out: called for every text)

    def can_match(self, text: str) -> bool:
        """False only when no match is possible: a needed text is missing."""
        if not self.needs and self.scan is None:
            return True
        haystack = case_folded(text) if self.fold else text
        return haystack is None or self._admits(haystack)

    def admits(self, haystack: str) -> bool:
        """can_match, given the text as the pattern reads it (case_folded for IGNORECASE). (The
        definition: the patterns run the same test written out, see _gate_function.)"""
        for t in self._single:
            if t not in haystack:
                return False
        for texts in self._any:
            for t in texts:
                if t in haystack:
                    break
            else:
                return False
        return self._scan is None or self._scan(haystack) is not None

    def search(self, text: str, pos: int = 0) -> re.Match[str] | FoldedMatch | None:
        if self.folded is None:
            if self.widened is not None and (haystack := case_folded(text)) is not None:
                if not self._admits(haystack):
                    return None
                return next(self._starts_widened(text, haystack, pos), None)
            return self.compiled.search(text, pos) if self.can_match(text) else None
        haystack = case_folded(text)
        if haystack is None:
            return self.compiled.search(text, pos)
        if not self._admits(haystack):
            return None
        m = self.folded.search(haystack, pos)
        return None if m is None else FoldedMatch(m, text)

    def finditer(self, text: str) -> Iterator[re.Match[str] | FoldedMatch]:
        # (finditer_lowered's steps, the text folded once: then its matches read off the text)
        if self.folded is None:
            return self.finditer_lowered(text)
        haystack = case_folded(text)
        if haystack is None:
            return self.compiled.finditer(text)
        if not self._admits(haystack):
            return iter(())
        return (FoldedMatch(m, text) for m in self.folded.finditer(haystack))

    def finditer_lowered(self, text: str) -> Iterator[re.Match[str]]:
        """finditer's matches where case does not matter in their groups (numbers, signs, units
        read in any case): the matches on the case_folded text when the pattern runs folded, so
        the same spans, their groups lower-cased; made without a FoldedMatch for each."""
        if self.folded is None:
            if self.widened is not None and (haystack := case_folded(text)) is not None:
                return self._starts_widened(text, haystack) if self._admits(haystack) else iter(())
            return self.compiled.finditer(text) if self.can_match(text) else iter(())
        haystack = case_folded(text)
        if haystack is None:
            return self.compiled.finditer(text)
        return self.folded.finditer(haystack) if self._admits(haystack) else iter(())

    def _starts_widened(self, text: str, haystack: str, pos: int = 0) -> Iterator[re.Match[str]]:
        """The pattern's own matches in ``text`` from ``pos`` (its finditer's), tried only where
        the widened pattern matches in ``haystack`` (the text case_folded): a match of the
        pattern starts only where the widened one does, and the engine skips to the letters
        the folded one starts with (which it cannot do ignoring case). No match is empty."""
        assert self.widened is not None
        while (start := self.widened.search(haystack, pos)) is not None:
            m = self.compiled.match(text, start.start())
            if m is None:
                pos = start.start() + 1
                continue
            yield m
            pos = m.end()


class FromStarts:
    """A pattern tried only where ``starts`` finds that a match can start (``starts`` matches one
    character, at every such place): the matches of the pattern's own finditer, for a pattern
    the engine cannot skip through. One whose first words mix case rules ("(?i:hazard
    ratio)|\\bHR\\b") is tried at every character, at the cost of its whole alternation; a
    one-character class that leads ``starts`` lets the engine skip to the few places it names."""

    def __init__(
        self,
        compiled: re.Pattern[str],
        starts: re.Pattern[str],
        scan: re.Pattern[str] | None = None,
    ) -> None:
        self.compiled = compiled
        self.starts = starts
        self.scan = scan  # (as Prefiltered's: finds something in every text the pattern matches)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self.scan is not None and self.scan.search(text) is None:
            return
        end = 0
        for start in self.starts.finditer(text):
            at = start.start()
            if at >= end and (m := self.compiled.match(text, at)):
                end = m.end()
                yield m

    def search(self, text: str) -> re.Match[str] | None:
        return next(self.finditer(text), None)


def admitted(gates: Sequence[Prefiltered]) -> Callable[[str], tuple[int, ...]]:
    """A function of a text (case_folded when the gates ignore case) to the positions of the
    gates that admit it: ``tuple(i for i, g in enumerate(gates) if g.admits(text))``, with every
    gate's tests written out in one function. Asked of every sentence about many gates, a
    method call and two loops per gate cost more than the tests themselves."""
    if len({gate.fold for gate in gates}) > 1:
        raise ValueError("gates that read the text folded and gates that do not")
    return _gate_function(gates)


class GatedAlternation:
    """The alternation of the gates' patterns, (?:a)|(?:b)|..., run on a text with only the
    alternatives whose gates admit that text: one that cannot match anywhere in it never takes
    part, so leaving it out changes no match. The gates are asked at once (admitted); each
    alternation met is compiled once (the last ``cache`` of them are kept)."""

    def __init__(self, gates: Sequence[Prefiltered], cache: int = 256) -> None:
        flags = {gate.compiled.flags for gate in gates}
        if len(flags) != 1:
            raise ValueError("alternatives with different flags")
        self.gates = tuple(gates)
        # (the gates' scans asked at once by Hyperscan first, where it is there: same answer)
        self.admitted = prescanned(
            [gate.scan.pattern if gate.scan is not None else None for gate in self.gates],
            [gate._admits for gate in self.gates],
            ignore_case=self.gates[0].fold,
        ) or admitted(self.gates)
        self._flags = flags.pop()
        self._all = tuple(range(len(self.gates)))
        self._alternation = functools.lru_cache(maxsize=cache)(self._compile)

    def _compile(self, chosen: tuple[int, ...]) -> re.Pattern[str]:
        alternatives = (f"(?:{self.gates[i].compiled.pattern})" for i in chosen)
        return re.compile("|".join(alternatives), self._flags)

    def for_text(self, text: str) -> re.Pattern[str] | None:
        """The alternation of the alternatives that can match in ``text``, None if none can."""
        haystack = case_folded(text) if self.gates[0].fold else text
        chosen = self._all if haystack is None else self.admitted(haystack)
        return self._alternation(chosen) if chosen else None

    def found(self, text: str) -> bool:
        """Whether the alternation matches anywhere in ``text`` (``for_text(text).search(text)``
        finds something): whether one of the alternatives that can match in it does. Only
        whether, not where, so each is run on its own, folded where it can be, and the first that
        matches ends the search (an alternation of many words the engine cannot skip through
        costs more, tried at every place of the text)."""
        haystack = case_folded(text) if self.gates[0].fold else text
        if haystack is None:
            return any(gate.compiled.search(text) is not None for gate in self.gates)
        for i in self.admitted(haystack):
            folded = self.gates[i].folded
            if folded is not None:
                if folded.search(haystack) is not None:
                    return True
            elif self.gates[i].compiled.search(text) is not None:
                return True
        return False


def _tests(gate: Prefiltered, i: int, scans: dict[str, Callable]) -> str:
    """gate.admits(h) as an expression of ``h`` (its scan, if any, put in ``scans``)."""
    tests = [f"{t!r} in h" for t in gate._single]
    tests += ["(" + " or ".join(f"{t!r} in h" for t in texts) + ")" for texts in gate._any]
    if gate._scan is not None:
        scans[f"scan_{i}"] = gate._scan
        tests.append(f"scan_{i}(h) is not None")
    return " and ".join(tests) or "True"


def _compile(source: str, scans: dict[str, Callable]) -> Callable:
    namespace: dict[str, object] = dict(scans)
    exec(source, namespace)  # (source built from the gates' own texts and scans)
    return namespace["f"]  # type: ignore[return-value]


def _gate_test(gate: Prefiltered) -> Callable[[str], bool]:
    """gate.admits, written out."""
    scans: dict[str, Callable] = {}
    return _compile(f"def f(h):\n    return {_tests(gate, 0, scans)}", scans)


def _gate_function(gates: Sequence[Prefiltered]) -> Callable[[str], tuple[int, ...]]:
    """admitted's function, for gates that read the text alike."""
    scans: dict[str, Callable] = {}
    lines = ["def f(h):", "    out = []"]
    for i, gate in enumerate(gates):
        lines.append(f"    if {_tests(gate, i, scans)}:")
        lines.append(f"        out.append({i})")
    lines.append("    return tuple(out)")
    return _compile("\n".join(lines), scans)
