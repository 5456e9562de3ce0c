"""JSON → values that know their span in the text (a JSON string, number, object or array).

The standard library's decoder says where nothing is; this reader walks the text with its
string scanner (``json.decoder.scanstring``, in C) and a number pattern, and keeps, for each
value, where it starts and ends. A string's runs (``runs``) split it at its escapes, so that a
sentence inside a long description keeps its exact span in the file.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from json.decoder import scanstring
from typing import Any

_WS = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")
_ESCAPE = re.compile(
    r"\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}|\\."
)
_LITERALS = {"true": True, "false": False, "null": None}


class JsonError(ValueError):
    def __init__(self, message: str, at: int) -> None:
        super().__init__(f"{message} (at character {at})")
        self.at = at


@dataclass
class J:
    value: Any  # dict[str, J], list[J], str, int, float, bool or None
    start: int
    end: int

    def get(self, *path: str | int) -> J | None:
        node: J | None = self
        for key in path:
            if node is None:
                return None
            if isinstance(key, int):
                node = (
                    node.value[key]
                    if isinstance(node.value, list) and key < len(node.value)
                    else None
                )
            else:
                node = node.value.get(key) if isinstance(node.value, dict) else None
        return node

    def items(self, *path: str) -> list[J]:
        node = self.get(*path)
        return node.value if node is not None and isinstance(node.value, list) else []

    def text(self, *path: str) -> str | None:
        node = self.get(*path)
        if node is None or node.value is None or isinstance(node.value, (dict, list)):
            return None
        value = " ".join(str(node.value).split())
        return value or None


def parse(text: str, start: int = 0) -> tuple[J, int]:
    """The JSON value at ``start`` of ``text`` and where it ends (raises JsonError)."""
    return _value(text, _WS.match(text, start).end())


def _value(s: str, i: int) -> tuple[J, int]:
    if i >= len(s):
        raise JsonError("the JSON ends before its value", i)
    c = s[i]
    if c == '"':
        try:
            value, end = scanstring(s, i + 1)
        except json.JSONDecodeError as exc:
            raise JsonError(f"a string is not closed: {exc.msg}", exc.pos) from exc
        return J(value, i, end), end
    if c == "{":
        out: dict[str, J] = {}
        j = _WS.match(s, i + 1).end()
        if s.startswith("}", j):
            return J(out, i, j + 1), j + 1
        while True:
            if not s.startswith('"', j):
                raise JsonError("an object's key must be a string", j)
            key, j = _value(s, j)
            j = _WS.match(s, j).end()
            if not s.startswith(":", j):
                raise JsonError("a key must be followed by ':'", j)
            item, j = _value(s, _WS.match(s, j + 1).end())
            out[key.value] = item
            j = _WS.match(s, j).end()
            if s.startswith(",", j):
                j = _WS.match(s, j + 1).end()
            elif s.startswith("}", j):
                return J(out, i, j + 1), j + 1
            else:
                raise JsonError("an object is not closed", j)
    if c == "[":
        items: list[J] = []
        j = _WS.match(s, i + 1).end()
        if s.startswith("]", j):
            return J(items, i, j + 1), j + 1
        while True:
            item, j = _value(s, j)
            items.append(item)
            j = _WS.match(s, j).end()
            if s.startswith(",", j):
                j = _WS.match(s, j + 1).end()
            elif s.startswith("]", j):
                return J(items, i, j + 1), j + 1
            else:
                raise JsonError("an array is not closed", j)
    m = _NUMBER.match(s, i)
    if m:
        raw = m.group()
        number: int | float = float(raw) if any(x in raw for x in ".eE") else int(raw)
        return J(number, i, m.end()), m.end()
    for word, value in _LITERALS.items():
        if s.startswith(word, i):
            return J(value, i, i + len(word)), i + len(word)
    raise JsonError(f"unexpected {s[i]!r}", i)


def runs(text: str, node: J) -> list[tuple[str, int, int]]:
    """A string value's decoded runs with their spans (its quotes left out): the text between
    escapes stands one for one; each escape is a run of its own."""
    if not isinstance(node.value, str):
        return [(str(node.value), node.start, node.end)]
    start, end = node.start + 1, node.end - 1
    out: list[tuple[str, int, int]] = []
    at = start
    for m in _ESCAPE.finditer(text, start, end):
        if m.start() > at:
            out.append((text[at : m.start()], at, m.start()))
        out.append((json.loads(f'"{m.group()}"'), m.start(), m.end()))
        at = m.end()
    if at < end:
        out.append((text[at:end], at, end))
    return out


def value_span(node: J) -> tuple[int, int]:
    """Where a scalar's characters lie: a string's inside its quotes."""
    if isinstance(node.value, str):
        return node.start + 1, node.end - 1
    return node.start, node.end
