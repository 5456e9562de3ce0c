"""Endpoint abbreviations a record defines for itself: "time to treatment discontinuation
(TTD)", then "median TTD was 13.2 versus 7.5 months". An abbreviation the vocabulary does not
know is read, in that record, as the endpoint its definition names, with the definition's
wording as its label (etl.vocab.endpoints reads the definition; nothing here names an endpoint).
"""

from __future__ import annotations

import re

from etl.vocab.endpoints import endpoint_mentions

Mention = tuple[int, int, str, str]

# an abbreviation bracketed right after what it abbreviates: capitals, maybe digits, a hyphen
# or a lower-case letter inside ("TTD", "TFST", "PFS-2", "TTSR"), two to eight characters
_DEFINED = re.compile(r"[(\[](?P<abbr>[A-Z][A-Za-z0-9-]{0,6}[A-Z0-9])[)\];,]")
_TOKEN = re.compile(r"(?<![\w-])[A-Z][A-Za-z0-9-]{0,6}[A-Z0-9](?![\w-])")


def defined_endpoints(sentences: list[str]) -> dict[str, tuple[str, str]]:
    """abbreviation → (code, wording) of each endpoint abbreviation the sentences define that
    the vocabulary does not read itself."""
    defined: dict[str, tuple[str, str]] = {}
    for text in sentences:
        if "(" not in text and "[" not in text:
            continue
        mentions = None
        for m in _DEFINED.finditer(text):
            abbr = m.group("abbr")
            if abbr in defined:
                continue
            mentions = endpoint_mentions(text) if mentions is None else mentions
            # (the endpoint named right before the bracket, not an abbreviation it already knows)
            before = len(text[: m.start()].rstrip())
            named = next((x for x in mentions if x[1] == before), None)
            if named is not None and not endpoint_mentions(abbr):
                defined[abbr] = (named[2], named[3])
    return defined


def with_defined(
    text: str, mentions: list[Mention], defined: dict[str, tuple[str, str]]
) -> list[Mention]:
    """``mentions`` of ``text`` with the record's defined abbreviations it uses (not where a
    mention already stands, nor where one is defined: its definition names it)."""
    added = [
        (m.start(), m.end(), *defined[m.group()])
        for m in _TOKEN.finditer(text)
        if m.group() in defined
        and not any(s < m.end() and m.start() < e for s, e, _, _ in mentions)
        and not (m.start() and text[m.start() - 1] in "([")
    ]
    return sorted(mentions + added) if added else mentions
