"""How endpoints are named in text, mapped to the codes of etl.vocab.codes.ENDPOINTS.

Order matters: longer, more specific names first (a regex alternation takes the first match).
"""

from __future__ import annotations

import re
from typing import Final

ENDPOINT_SYNONYMS: Final[tuple[tuple[str, str], ...]] = (
    (
        "TTUP",
        r"time to (?:untreatable|un-?tace-?able) (?:\(un-?tace-?able\) )?progression|\bTTUP\b",
    ),
    ("TTSP", r"time to symptomatic progression|\bTTSP\b"),
    ("TTF", r"time to treatment failure|\bTTT?F\b"),
    ("TTP", r"time to (?:radiologic(?:al)? )?progression|\bTTP\b|radiological progression"),
    ("TTR", r"time to (?:objective )?response|\bTTR\b"),
    ("DOR", r"duration of (?:objective )?response|\bDOR\b|\bDoR\b"),
    (
        "PFS",
        r"progression[- ]free survival|progression[- ]free(?= and overall survival)|\bPFS\b|progression or death",
    ),
    (
        "OS",
        r"overall survival|(?:risk of |for )death|mortality|\bOS\b|median survival(?: time)?|survival rates?|survival time|\bsurvival\b",
    ),
    (
        "ORR",
        r"objective response(?: rate)?|overall response rate|\bORR\b|response rate|objective responses",
    ),
    ("DCR", r"disease[- ]control(?: rate)?|\bDCR\b"),
    ("CBR", r"clinical benefit(?: rate)?|\bCBR\b"),
    ("CR", r"complete (?:radiological )?(?:response|remission)s?|\bCR\b"),
    ("PR", r"partial responses?|\bPR\b"),
    ("SD", r"stable disease|disease stabili[sz]ation|\bSD\b"),
    ("PD", r"progressive disease|\bPD\b"),
    ("FOLLOWUP", r"follow[- ]up"),
    (
        "AE",
        r"adverse events?|\bT?R?AEs?\b|toxicit(?:y|ies)|side[- ]effects?|hypertension|\bHTN\b|rash|fatigue"
        r"|diarrh(?:o)?ea|hand[- ]foot (?:skin )?(?:reaction|syndrome)|\bHFS(?:R)?\b|renal failure"
        r"|hepatic failure|nausea|vomiting|neutropenia|thrombocytopenia|anorexia|decreased appetite|alopecia",
    ),
)

ENDPOINT_RE: Final = re.compile(
    "|".join(f"(?P<{code}>{pattern})" for code, pattern in ENDPOINT_SYNONYMS), re.IGNORECASE
)
TIME_TO_EVENT: Final = frozenset(
    {"OS", "PFS", "TTP", "TTSP", "TTUP", "TTF", "DOR", "TTR", "FOLLOWUP"}
)


def endpoint_mentions(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, code, wording) of every endpoint named in the text, in order."""
    return [
        (m.start(), m.end(), m.lastgroup or "OTHER", m.group(0)) for m in ENDPOINT_RE.finditer(text)
    ]
