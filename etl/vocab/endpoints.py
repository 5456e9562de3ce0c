"""How endpoints are named in text, mapped to the codes of etl.vocab.codes.ENDPOINTS.

Order matters: longer, more specific names first (a regex alternation takes the first match).
Each alternative starts with plain words (after an optional ``\\b``), or with a group of plain
alternatives: the finder only tries the places where one of those starts (see _leading_words).
"""

from __future__ import annotations

import re
from typing import Final

from etl.regex_prefilter import alternatives, atom_end, case_folded

ENDPOINT_SYNONYMS: Final[tuple[tuple[str, str], ...]] = (
    # endpoints the vocabulary has no code for, named first so that "relapse-free survival" is
    # not read as survival nor "progression-free survival 2" as PFS: OTHER, the wording kept
    (
        "OTHER",
        r"(?:recurrence|relapse|disease|event|metastasis|distant metastasis|invasive disease"
        r"|leukemia|lymphoma|treatment|chemotherapy)[- ]free survival|progression[- ]free survival[- ]?2"
        r"|(?:melanoma|cancer|disease|breast cancer|prostate cancer)[- ]specific survival"
        r"|\b(?:RFS|DFS|EFS|MFS|iDFS|IDFS|DMFS|CFS|PFS2|PFS-2|MSS|CSS|TTNT|pCR)\b"
        r"|time to (?:deterioration|next treatment|subsequent therapy|second progression|first subsequent)"
        # any other "time to X (or Y)": "time to death or distant metastasis" (not the coded ones)
        r"|time to (?!(?:untreatable|un-?tace-?able|symptomatic progression|treatment failure"
        r"|(?:radiologic(?:al)? )?progression|(?:an? )?(?:objective )?response)\b)"
        r"[a-z]+(?:[- ](?!or\b)[a-z]+)?(?: or (?:[a-z]+ )?[a-z]+)?"
        r"|pathologic(?:al)? complete response|MRD negativity|MRD response|major molecular response"
        r"|\bMMR\b|cytogenetic response|transfusion independence"
        r"|(?:prostate-specific antigen|PSA) response"
        r"|complete remission with (?:full,\s*)?(?:partial|incom)[\w ,-]{0,40}?recovery"
        r"|complete remission (?:\(CR\) )?(?:\+|plus|or) ?(?:CR|complete remission) with (?:incomplete|partial)"
        r"[\w ]{0,40}?recovery(?: \(CRi\))?"
        r"|CR with incomplete[\w ]{0,30}?recovery|\bCR ?(?:/|\+) ?CRi\b|\bCRi\b"
        r"|relapse (?:rates?|incidence)|cumulative incidence of relapse|\bCIR\b"
        r"|duration of (?:treatment|therapy|exposure)|(?:treatment|therapy) duration"
        r"|administered for a median duration",
    ),
    (
        "TTUP",
        r"time to (?:untreatable|un-?tace-?able) (?:\(un-?tace-?able\) )?progression|\bTTUP\b",
    ),
    ("TTSP", r"time to symptomatic progression|\bTTSP\b"),
    ("TTF", r"time to treatment failure|\bTTT?F\b"),
    ("TTP", r"time to (?:radiologic(?:al)? )?progression|\bTTP\b|radiological progression"),
    ("TTR", r"time to (?:an? )?(?:objective )?response|\bTTR\b"),
    (
        "DOR",
        r"duration of (?:objective |complete |overall )?(?:response|remission|CR \+ CRi|CR/CRi|CRi|CR)"
        r"|response duration|\bDOR\b|\bDoR\b",
    ),
    (
        "PFS",
        r"progression[- ]free survival|progression[- ]free(?= and overall survival|\s*\()|\bPFS\b|\bmPFS\b"
        r"|progression or death",
    ),
    (
        "OS",
        r"overall survival|(?:risk of |for )death|mortality|\bOS\b|\bmOS\b|median survival(?: time)?"
        r"|survival rates?|survival time|\bsurvival\b"
        # "88% of patients were alive at 5 years" (not alive without progression or relapse)
        r"|\b(?:were|remained|was) alive\b(?! (?:and|without|free))",
    ),
    (
        "ORR",
        r"objective response(?: rate)?s?|overall response rates?|\bORRs?\b|response rates?|objective responses",
    ),
    ("DCR", r"disease[- ]control(?: rate)?|\bDCR\b"),
    ("CBR", r"clinical benefit(?: rate)?|\bCBR\b"),
    ("CR", r"complete (?:radiological )?(?:response|remission)s?|\bCR\b"),
    ("PR", r"partial responses?|\bPR\b"),
    ("SD", r"stable disease|disease stabili[sz]ation|\bSD\b"),
    ("PD", r"progressive disease|\bPD\b(?![-\u2010\u2011]L?\d)"),
    (
        "FOLLOWUP",
        r"follow[- ]?up|time from (?:randomi[sz]ation|enrol?lment|first dose) (?:to|until) (?:the )?data cut-?off",
    ),
    (
        "AE",
        r"adverse events?|\b(?:TRAE|TAE|RAE|AE)s?\b|toxicit(?:y|ies)|side[- ]effects?|hypertension|\bHTN\b|rash|fatigue"
        r"|diarrh(?:o)?ea|hand[- ]foot (?:skin )?(?:reaction|syndrome)|\bHFS(?:R)?\b|renal failure"
        r"|hepatic failure|nausea|vomiting|neutropenia|thrombocytopenia|anorexia|decreased appetite|alopecia"
        r"|neurologic(?:al)? (?:events|toxicit(?:y|ies))|cytokine release syndrome|\bCRS\b"
        r"|infusion(?:-related)? reactions?|infections?|hypokalemia|hypokalaemia|ana?emia|pneumonitis"
        r"|immune-mediated AEs?|\b(?:TEAE|irAE|imAE|SAE|STEAE|TRSAE)s?\b"
        # "grade 3 or greater events", "grade ≥3 events", "grade 3-4 treatment-related events"
        r"|grade\s*(?:≥|>=|>)?\s*\d(?:\s*(?:or (?:greater|higher|above|more)|[-–/]\s*\d|\+))?"
        r"\s+(?:(?:treatment|drug)-(?:related|emergent)\s+)?events?",
    ),
)

ENDPOINT_RE: Final = re.compile(
    "|".join(f"(?P<{code}>{pattern})" for code, pattern in ENDPOINT_SYNONYMS), re.IGNORECASE
)
TIME_TO_EVENT: Final = frozenset(
    {"OS", "PFS", "TTP", "TTSP", "TTUP", "TTF", "DOR", "TTR", "FOLLOWUP"}
)


# Characters that stand for themselves in a pattern (ASCII only: their case is A-Z's).
_PLAIN_CHAR = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -'/,:;")
_QUANTIFIERS = ("?", "*", "+", "{")


def _leading_words(alternative: str) -> tuple[str, ...]:
    """Lower-cased texts one of which starts every match of ``alternative``, () when unknown:
    "\\bTTT?F\\b" → ("tt",), "(?:risk of |for )death" → ("risk of ", "for "), "T?AE" → ()."""
    rest = alternative.removeprefix("\\b")
    if rest.startswith("(?:"):
        end = atom_end(rest, 0)
        options = alternatives(rest[3 : end - 1])
        if rest[end : end + 1] in _QUANTIFIERS or not all(
            o and set(o) <= _PLAIN_CHAR for o in options
        ):
            return ()
        return tuple(o.lower() for o in options)
    run = 0
    while run < len(rest) and rest[run] in _PLAIN_CHAR:
        run += 1
    if rest[run : run + 1] in _QUANTIFIERS:
        run -= 1  # the quantifier makes the last plain character optional
    return (rest[:run].lower(),) if run > 0 else ()


def _starts_pattern(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """A case-sensitive pattern, for lower-cased text, that matches wherever a match of one of
    ``patterns`` can start; None when an alternative does not say how it starts."""
    words: set[str] = set()
    for pattern in patterns:
        for alternative in alternatives(pattern):
            leading = _leading_words(alternative)
            if not leading:
                return None
            words.update(leading)
    shortest = sorted(w for w in words if not any(o != w and w.startswith(o) for o in words))
    # grouped by first letter, so that the engine skips the letters that start no name
    by_first: dict[str, list[str]] = {}
    for w in shortest:
        by_first.setdefault(w[0], []).append(re.escape(w[1:]))
    return re.compile("|".join(f"{re.escape(c)}(?:{'|'.join(r)})" for c, r in by_first.items()))


_STARTS: Final = _starts_pattern(tuple(pattern for _, pattern in ENDPOINT_SYNONYMS))


def endpoint_mentions(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, code, wording) of every endpoint named in the text, in order."""
    folded = case_folded(text) if _STARTS is not None else None
    if folded is None:
        return [
            (m.start(), m.end(), m.lastgroup or "OTHER", m.group(0))
            for m in ENDPOINT_RE.finditer(text)
        ]
    # ENDPOINT_RE.finditer, tried only where a name can start: same matches, same order
    found, pos = [], 0
    while start := _STARTS.search(folded, pos):
        m = ENDPOINT_RE.match(text, start.start())
        if m is None:
            pos = start.start() + 1
            continue
        found.append((m.start(), m.end(), m.lastgroup or "OTHER", m.group(0)))
        pos = m.end()
    return found
