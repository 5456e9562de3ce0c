"""How endpoints are named in text, mapped to the codes of etl.vocab.codes.ENDPOINTS.

Order matters: longer, more specific names first (a regex alternation takes the first match).
Each alternative starts with plain words (after an optional ``\\b``), or with a group of plain
alternatives: the finder only tries the places where one of those starts, spelled out as far as
the plain atoms go, with the word boundaries around them (see _leading_words): so that "and" or
"progression" is not taken for where "anaemia" or "PR" may start.
"""

from __future__ import annotations

import re
from typing import Final

from etl.regex_prefilter import Prefiltered, alternatives, atom_end, case_folded
from etl.vocab.numerals import number_words

# the abbreviations of times to an event that the vocabulary has no code for (OTHER, timed: a
# rate of one takes a time point, a ratio of one is a time's): read here, and asked by
# etl.extract.value_endpoints
TIMED_OTHER_ABBREVIATIONS: Final = (
    *("RFS", "DFS", "EFS", "MFS", "iDFS", "IDFS", "DMFS", "CFS", "PFS2", "PFS-2", "MSS", "CSS"),
    *("TTNT", "TTNI"),
)

# what a survival free of something is free of ("event-free survival")
_FREE_OF: Final = (
    r"(?:recurrence|relapse|disease|event|metastasis|distant metastasis|invasive disease"
    r"|leukemia|lymphoma|treatment|chemotherapy)"
)
# an "X-free" whose "survival" is named once, at the end of the list it opens: "event-free and
# overall survival rates", "event-free, progression-free, and overall survival"
_SURVIVAL_NAMED_LAST: Final = r"(?=,?\s+(?:and|or)\b|,)(?=[^.;]{0,80}?\bsurvival\b)"
# the response a time to response is to ("time to first response", "time to initial response"):
# TTR's, never another "time to X"
_FIRST_RESPONSE: Final = r"(?:an? )?(?:objective |first |initial )?respon(?:se|d)"

ENDPOINT_SYNONYMS: Final[tuple[tuple[str, str], ...]] = (
    # endpoints the vocabulary has no code for, named first so that "relapse-free survival" is
    # not read as survival nor "progression-free survival 2" as PFS: OTHER, the wording kept
    (
        "OTHER",
        rf"{_FREE_OF}[- ]?free survival|progression[- ]?free survival[- ]?2"
        # (its "survival" shared with the endpoints listed after it)
        rf"|{_FREE_OF}[- ]free{_SURVIVAL_NAMED_LAST}"
        r"|(?:melanoma|cancer|disease|breast cancer|prostate cancer)[- ]specific (?:overall )?survival"
        rf"|\b(?:{'|'.join(TIMED_OTHER_ABBREVIATIONS)}|pCR)\b"
        # (the events of disease-free survival, named for a ratio: "risk of recurrence or death")
        r"|(?:disease recurrence|recurrence|relapse) or death"
        # (alive without the disease back: "were alive and disease-free at 3 years")
        r"|alive (?:and|without) (?:disease[- ]free|free of (?:disease|recurrence|relapse)"
        r"|(?:disease )?(?:recurrence|relapse))"
        # (alive without a next treatment: "were alive and had not received a first subsequent
        # treatment", "alive without subsequent therapy")
        r"|alive (?:and (?:had )?not (?:received|started|required)|without) (?:an? )?(?:first )?"
        r"(?:subsequent|further|next|new) (?:anticancer )?(?:treatment|therapy)"
        r"|time to (?:deterioration|next treatment|subsequent therapy|second progression|first subsequent)"
        # (a second progression, PFS2: "the HR for second disease progression or death")
        r"|second (?:disease )?progression(?: or death)?"
        # the progression of a symptom, not of the disease: "time to progression of worst pain"
        r"|time to progression of (?!(?:the |their |his |her )?(?:disease|cancer|tumou?rs?|lesions?)\b)"
        r"[a-z]+(?:[- ](?!(?:in|with|for|and|or|of|at|among|versus|vs|compared|was|were)\b)[a-z]+){0,3}"
        # any other "time to X (or Y)": "time to death or distant metastasis" (not the coded ones)
        r"|time to (?!(?:untreatable|un-?tace-?able|symptomatic progression|treatment failure"
        rf"|(?:radiologic(?:al)? )?progression|{_FIRST_RESPONSE}"
        r"|(?:first )?(?:CR|PR|complete (?:response|remission)))\b)"
        r"[a-z]+(?:[- ](?!or\b)[a-z]+)?(?: or (?:[a-z]+ )?[a-z]+)?"
        r"|pathologic(?:al)? complete response|(?:major )?pathologic(?:al)? response|\bMPR\b"
        r"|MRD[- ]negativity|MRD response|major molecular response"
        r"|minimal residual disease\s*\(MRD\)[- ]negativity"
        r"|\bMMR\b|cytogenetic response|transfusion independence"
        # (myeloma's response categories besides CR and PR: "stringent complete response, 12%;
        # very good partial response, 28%" are neither a CR nor a PR rate)
        r"|stringent complete response|very good partial response|\bsCR\b|\bVGPR\b"
        r"|(?:prostate-specific antigen|PSA) response"
        r"|complete remission with (?:full(?:,\s*|\s+or\s+))?(?:partial|incom)[\w ,-]{0,40}?recovery"
        r"|complete remission (?:\(CR\) )?(?:\+|plus|or) ?(?:CR|complete remission) with (?:incomplete|partial)"
        r"[\w ]{0,40}?recovery(?: \(CRi\))?"
        r"|CR with incomplete[\w ]{0,30}?recovery|\bCR ?(?:/|\+) ?CR[ih]\b(?!\s+duration)|\bCRi\b"
        r"|relapse (?:rates?|incidence)|cumulative incidence of relapse|\bCIR\b"
        # (deaths without relapse, after a transplant or a cell therapy: not overall survival)
        r"|non-?relapse mortality|\bNRM\b"
        r"|duration of (?:treatment|therapy|exposure)|(?:treatment|therapy) duration"
        r"|administered for a median duration",
    ),
    (
        "TTUP",
        r"time to (?:untreatable|un-?tace-?able) (?:\(un-?tace-?able\) )?progression|\bTTUP\b",
    ),
    ("TTSP", r"time to symptomatic progression|\bTTSP\b"),
    ("TTF", r"time to treatment failure|\bTTT?F\b"),
    ("TTP", r"time to (?:radiologic(?:al)? )?progression|\bTTPs?\b|radiological progression"),
    # (or to the response it names: "median time to CR or CRh was 1.9 months")
    (
        "TTR",
        # (and the response it is of: "time to first response of CR or CRh")
        rf"time to {_FIRST_RESPONSE}\b"
        r"(?: of (?:CR|PR|complete (?:response|remission))\b(?:\s*(?:or|/|\+)\s*CR[hi]\b)?)?"
        r"|time to (?:first )?(?:CR|PR|complete"
        r" (?:response|remission))\b(?:\s*(?:or|/|\+)\s*CR[hi]\b)?|\bTTRs?\b",
    ),
    (
        "DOR",
        r"duration of (?:objective |complete |overall )?(?:response|remission|CR \+ CRi|CR/CRi|CRi|CR)"
        r"|response duration|\bDORs?\b|\bDoRs?\b"
        # (of a complete response, abbreviated, or of the composite it names: "DOCR", "DoCR+CRh")
        r"|\bDoCR(?:\s*\+\s*CR[hi])?\b|\bDOCR(?:\s*\+\s*CR[hi])?\b"
        # (the duration of the response it names: "the median CR+CRh duration was 6.4 months")
        r"|\bCR(?:\s*(?:\+|/|or)\s*CR[hi])?\s+duration|complete (?:response|remission) duration"
        # (the share of responders whose response lasts: "62% of patients were still responding")
        r"|still (?:in )?respon(?:ding|se)|ongoing responses?"
        # (or whose response lasted: "61% had a response lasting 6 months or longer")
        r"|respon(?:se|ses)\s+(?:lasting|that lasted)",
    ),
    (
        "PFS",
        r"progression[- ]?free survival|progression[- ]free(?= and overall survival|\s*\()|\b(?:m|r|rw)?PFS\b"
        # (its "survival" shared with the endpoints listed after it, as OTHER's above)
        rf"|progression[- ]free{_SURVIVAL_NAMED_LAST}"
        r"|progression or death"
        # "46% ... were alive and had not progressed", "alive without progression"
        r"|alive and (?:had )?not progressed|alive (?:and|without) (?:disease )?progression(?:[- ]free)?"
        # "35% of patients in the A arm were progression-free", "remained free of progression"
        r"|\b(?:were|remained|was|remain) (?:still )?(?:progression[- ]free|free (?:of|from) progression)"
        r"(?![- ]survival)\b",
    ),
    (
        "OS",
        # (a restricted mean survival time, RMST, is overall survival's mean over a time)
        r"overall survival|(?:risk of |for )death|mortality|\b(?:m|rw)?OS\b|median survival(?: time)?"
        r"|restricted mean survival(?: time)?|\bRMST\b"
        r"|survival rates?|survival time|\bsurvival\b"
        # "88% of patients were alive at 5 years" (not alive without progression or relapse)
        r"|\b(?:were|remained|was) (?:still )?alive\b(?! (?:and|without|free))"
        # a plain-language summary's: "(65%) lived for at least 5 years"
        rf"|\blived for (?:at least |more than |over )?(?:a|an|{number_words(10)}|\d+) (?:years?|months?)\b"
        # a press release's "patients who received A lived a median of 3.9 months longer"
        r"|\b(?:lived|survived) (?:for )?(?:a median of |an? (?:additional|extra) )?(?=\d)",
    ),
    (
        "ORR",
        r"objective response(?: rate)?s?|overall (?:response|remission) rates?|\bORRs?\b|response rates?"
        r"|objective responses"
        # ("an overall response (complete or partial response) was observed in 44%")
        r"|overall response\b"
        # (those who responded at all: "36% in the control group had a response", "had any
        # treatment response")
        # (not who they are: "the time to response among patients who had a response")
        # (not one that lasted: "had a response lasting 6 months or longer" is its duration's)
        # ("69% of patients achieved response (complete or partial)"; the look-behinds after the
        # verb: a name starts where a scan can skip to, etl.regex_prefilter)
        r"|\b(?:had|achieved|attained)(?<!who had)(?<!who achieved)(?<!who attained)"
        r" (?:(?:an?|any) (?:confirmed |overall |treatment )?|(?<=achieved )(?:confirmed |overall )?)"
        r"response\b(?!\s+(?:lasting|that lasted))"
        # ("RR" is a response rate only beside a percentage: "36% RR", "RR of 46%"; else a ratio)
        r"|\bRR\b(?:(?<=%\sRR)|(?=\s*(?:of|was|:|=)?\s*\d+(?:\.\d+)?\s*%))",
    ),
    ("DCR", r"disease[- ]control(?: rate)?|\bDCR\b"),
    ("CBR", r"clinical benefit(?: rate)?|\bCBR\b"),
    ("CR", r"complete (?:radiological )?(?:response|remission)s?|\bCRR?\b"),
    ("PR", r"partial (?:response|remission)s?|\bPR\b"),
    # (not a standard deviation: "87% (SD = 2%)")
    ("SD", r"stable disease|disease stabili[sz]ation|\bSD\b(?!\s*=\s*\d)"),
    # (not the time a treatment is given after, "post-PD therapy", nor the receptor: "PD-1",
    # "PD-L1", "anti-PD-(L)1")
    ("PD", r"progressive disease|\bPD\b(?<![-\u2010\u2011]PD)(?![-\u2010\u2011](?:\(?L\)?)?\d)"),
    (
        "FOLLOWUP",
        # ("FU" in capitals, or after "median": "median FU 46 mo", "at 4-y FU", "median fu 25.7
        # mo"; "Fu" is a name in author lists, "5-FU" and "LV/FU" fluorouracil)
        r"follow[- ]?up|\bf/u\b|\bfu\b(?<=(?-i:FU))(?<![-\u2010\u2011/]FU)|\bfu\b(?<=median fu)"
        r"|time from (?:randomi[sz]ation|enrol?lment|first dose) (?:to|until) (?:the )?"
        r"data[- ]?cut-?off(?: date)?|median observation(?: (?:time|period))?",
    ),
    (
        "AE",
        r"adverse events?|\b(?:TRAE|TAE|RAE|AE)s?\b|toxicit(?:y|ies)|toxic (?:events?|effects?)"
        r"|side[- ]effects?|hypertension|\bHTN\b|rash|fatigue"
        r"|diarrh(?:o)?ea|hand[- ]foot (?:skin )?(?:reaction|syndrome)|\bHFS(?:R)?\b|renal failure"
        r"|hepatic failure|nausea|vomiting|neutropenia|thrombocytopenia|anorexia|decreased appetite|alopecia"
        r"|neurologic(?:al)? (?:events|toxicit(?:y|ies))|cytokine release syndrome|\bCRS\b"
        # (deaths the treatment caused: "treatment-related deaths occurred in 4%", "toxic deaths")
        r"|(?:treatment|drug)[- ]related deaths?|toxic deaths?"
        r"|infusion(?:-related)? reactions?|infections?|hypokalemia|hypokalaemia|ana?emia|pneumonitis"
        r"|immune-mediated AEs?|\b(?:TEAE|irAE|imAE|SAE|STEAE|TRSAE)s?\b"
        # the harms reports list most often, by name
        # (no word bound here: the names' starts are scanned for; "polymyalgia" is rare enough)
        r"|(?:peripheral )?(?:sensory )?neuropath(?:y|ies)|leu[ck]openia|lymphopenia|mucositis"
        r"|stomatitis|constipation|arthralgia|myalgia|pruritus|hypothyroidism|colitis|proteinuria"
        r"|dysgeusia|asthenia|pyrexia|hepatotoxicity|ha?emorrhages?|thromboembolic events?"
        # a late harm of treatment: "incidence of second malignancies"
        r"|second(?:ary)? (?:primary )?(?:malignanc(?:y|ies)|cancers?)"
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
# a quantifier after an atom (lazy or possessive): only "?" (the atom or nothing) is read through
_QUANTIFIER = re.compile(r"(?:[?*+]|\{\d*(?:,\d*)?\})[?+]?")
# The most texts a name's start is spelled out into: past it, what is known so far is used.
_MAX_LEADING = 32


def _plain_options(atom: str) -> list[str] | None:
    """The texts an atom of a pattern matches, when it is plain: a character that stands for
    itself, a class of such characters ("[- ]"), or a group of alternatives made of them
    ("(?:risk of |for )"); None otherwise."""
    if len(atom) == 1:
        return [atom] if atom in _PLAIN_CHAR else None
    if atom[0] == "[" and atom[1] != "^":
        members = atom[1:-1]
        if "\\" in members or "-" in members[1:-1] or not set(members) <= _PLAIN_CHAR:
            return None  # (an escape, a range)
        return list(dict.fromkeys(members))
    if atom.startswith("(?:"):
        options = alternatives(atom[3:-1])
        return options if all(set(o) <= _PLAIN_CHAR for o in options) else None
    return None


# (text, at a word's start, at a word's end): where a match of a name can start
Leading = tuple[str, bool, bool]


def _is_word(c: str) -> bool:
    return c.isalnum() or c == "_"


def _leading_words(alternative: str) -> tuple[Leading, ...]:
    """Texts, lower-cased, one of which starts every match of ``alternative``; () when unknown.
    The plain atoms it starts with are read as far as _MAX_LEADING texts spell them, with the
    word boundaries around them: "\\bTTT?F\\b" → ("tttf", True, True), ("ttf", True, True);
    "(?:risk of |for )death" → ("risk of death", False, False), ("for death", False, False);
    "ana?emia" → ("anaemia", False, False), ("anemia", False, False)."""
    rest = alternative.removeprefix("\\b")
    words, i = [""], 0
    while i < len(rest):
        end = atom_end(rest, i)
        options = _plain_options(rest[i:end])
        quantifier = _QUANTIFIER.match(rest, end)
        if options is None or (quantifier is not None and quantifier.group()[0] != "?"):
            break  # (a repeated atom: what follows it is not next to one copy of it)
        grown = [w + o for w in words for o in options] + (words if quantifier else [])
        if len(set(grown)) > _MAX_LEADING:
            break
        words = grown
        i = quantifier.end() if quantifier else end
    if not all(words):
        return ()
    # (a boundary is kept where it is one between a word character and another character)
    at_start = alternative.startswith("\\b")
    at_end = rest.startswith("\\b", i)
    return tuple(
        dict.fromkeys(
            (w.lower(), at_start and _is_word(w[0]), at_end and _is_word(w[-1])) for w in words
        )
    )


def _covers(a: Leading, b: Leading) -> bool:
    """Does ``a`` start wherever ``b`` does?"""
    return b[0].startswith(a[0]) and (b[1] or not a[1]) and (not a[2] or (b[0] == a[0] and b[2]))


def _starts_pattern(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """A case-sensitive pattern, for lower-cased text, that matches wherever a match of one of
    ``patterns`` can start; None when an alternative does not say how it starts."""
    words: set[Leading] = set()
    for pattern in patterns:
        for alternative in alternatives(pattern):
            leading = _leading_words(alternative)
            if not leading:
                return None
            words.update(leading)
    # (a text that another starts wherever it does adds no place)
    kept = sorted(w for w in words if not any(o != w and _covers(o, w) for o in words))
    # what must hold around a text, asked once the text is matched: at a word's start, no word
    # character before its first letter; at a word's end, none after its last
    return re.compile(
        _trie(
            [
                (w, (f"(?<!\\w.{{{len(w)}}})" if at_start else "") + ("(?!\\w)" if at_end else ""))
                for w, at_start, at_end in kept
            ]
        )
    )


def _trie(texts: list[tuple[str, str]]) -> str:
    """A pattern for ``texts``, each followed by what must hold after it (a pattern that
    matches no text), that matches each letter once for all the texts that share it: the
    engine tries a place's next letter against one alternative per letter, not against every
    text, and at the first letters, skips the letters that start no text."""
    if ("", "") in texts:
        return ""
    alternatives = [after for text, after in texts if not text]
    by_first: dict[str, list[tuple[str, str]]] = {}
    for text, after in texts:
        if text:
            by_first.setdefault(text[0], []).append((text[1:], after))
    alternatives += [re.escape(c) + _trie(rest) for c, rest in sorted(by_first.items())]
    return alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"


_STARTS: Final = _starts_pattern(tuple(pattern for _, pattern in ENDPOINT_SYNONYMS))


# an endpoint's name right after these is the other outcome ("non-complete response")
_NEGATED: Final = frozenset({"non-", "non ", "non\u2010", "non\u2011"})


# between "follow-up" and the endpoint it is of: "follow-up for (the) overall survival"
# (or of the analysis it was counted in: "median follow-up in the final OS analysis was 49 months")
_FOLLOW_UP_OF: Final = re.compile(
    r"\s+(?:for|of|in)\s+(?:the\s+)?(?:(?:final|primary|updated|interim|planned|long-term)\s+)*",
    re.IGNORECASE,
)


# the endpoint of "mOS" / "mPFS" written in lower case: a unit ("12 mos"), no endpoint
_MEDIAN_ABBREVIATED_LOWER = frozenset({"os", "Os", "oS", "pfs", "Pfs"})


# two adjectives sharing one head: "overall and complete remission rate", "objective and
# complete response rates"
# (prefiltered: asked only of a sentence whose folded text holds its words, then folded)
_SHARED_HEAD = Prefiltered(
    re.compile(
        r"\b(?P<a>overall|objective|complete|partial)\s+and\s+(?:complete|partial|overall|objective)\s+"
        r"(?P<head>(?:response|remission)(?:\s+rates?)?)\b",
        re.IGNORECASE,
    )
)
# a result named without its head, the plural head after the next: "the respective response and
# 1-year progression-free survival rates were" (the response rate)
_RATES_SHARED = Prefiltered(
    re.compile(
        r"\b(?P<a>response|remission|disease control)\s+and\s+(?:[\w-]+\s+){1,4}?(?P<head>rates)\b",
        re.IGNORECASE,
    )
)


def scanned_mentions(text: str) -> list[tuple[int, int, str, str]]:
    """What ENDPOINT_RE.finditer finds, as (start, end, code, wording), tried only where a name
    can start (the same matches in the same order, without trying the whole alternation at every
    character)."""
    folded = case_folded(text) if _STARTS is not None else None
    if folded is None:
        return [
            (m.start(), m.end(), m.lastgroup or "OTHER", m.group(0))
            for m in ENDPOINT_RE.finditer(text)
        ]
    found, pos = [], 0
    while start := _STARTS.search(folded, pos):
        m = ENDPOINT_RE.match(text, start.start())
        if m is None:
            pos = start.start() + 1
            continue
        found.append((m.start(), m.end(), m.lastgroup or "OTHER", m.group(0)))
        pos = m.end()
    return found


_DEFINITION: Final = re.compile(r"[(\[][^()\[\]\d]*[)\]]")


def _defines(
    text: str, found: list[tuple[int, int, str, str]], f: tuple[int, int, str, str]
) -> bool:
    """Whether mention ``f`` stands in a bracket without numbers that opens right after another
    mention (a definition of that one)."""
    opened = max(text.rfind("(", 0, f[0]), text.rfind("[", 0, f[0]))
    bracket = _DEFINITION.match(text, opened) if opened >= 0 else None
    return bool(
        bracket is not None
        and bracket.end() >= f[1]
        and any(g[1] <= opened and not text[g[1] : opened].strip() for g in found)
    )


# a marker's status an abbreviation may be slashed to ("MMRp/MSS", "dMMR/MSI-H", "ER+/PR+"):
# then the abbreviation is a status too, no result
_MARKER_STATUS = re.compile(
    r"(?:[dp]MMR|MMR[dp]|MSI(?:-?[HL])?|MSS|TMB(?:-?[HL])?|HR[DP]|[A-Z]{2,4}\d?[+-])", re.IGNORECASE
)
_SLASHED_WORD_BEFORE = re.compile(r"(?P<word>[\w+-]+)/$")
_SLASHED_WORD_AFTER = re.compile(r"/(?P<word>[\w+-]+)")


def _slashed_to_other(
    text: str, found: list[tuple[int, int, str, str]], f: tuple[int, int, str, str]
) -> bool:
    """Whether the abbreviation ``f`` is slashed to a marker's status (_MARKER_STATUS), no
    result's name ("CR/CRu", "PFS/OS" stay)."""
    if not (f[3].isupper() and len(f[3]) <= 5):
        return False
    before = _SLASHED_WORD_BEFORE.search(text, max(0, f[0] - 20), f[0])
    after = _SLASHED_WORD_AFTER.match(text, f[1])
    return any(
        m is not None and _MARKER_STATUS.fullmatch(m["word"]) is not None for m in (before, after)
    )


_PATIENTS_IN = re.compile(r"(?:-|\s+)(?:pts|patients)\b")


def endpoint_mentions(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, code, wording) of every endpoint named in the text, in order."""
    found = scanned_mentions(text)
    if any(f[1] - f[0] in (3, 4) and f[3][1:] in _MEDIAN_ABBREVIATED_LOWER for f in found):
        # ("mOS", "mPFS" are read in any case, so that the names' starts can be scanned for:
        # "12 mos" is months, its "os" not in capitals)
        found = [f for f in found if f[3][1:] not in _MEDIAN_ABBREVIATED_LOWER]
    if len(found) > 1 and any(f[2] == "FOLLOWUP" for f in found):
        # "median follow-up for overall survival was 43.7 months": the follow-up's, not a survival
        found = [
            f
            for i, f in enumerate(found)
            if not (
                i
                and found[i - 1][2] == "FOLLOWUP"
                and _FOLLOW_UP_OF.fullmatch(text, found[i - 1][1], f[0])
            )
        ]
    for pattern in (_SHARED_HEAD, _RATES_SHARED) if " and " in text else ():
        # "overall and complete remission rates": the first adjective names its own endpoint
        # with the head both share
        if (shared := pattern.search(text)) is None:
            continue
        named = endpoint_mentions(f"{shared.group('a')} {shared.group('head')}")
        if named and not any(f[0] <= shared.start("a") < f[1] for f in found):
            found = sorted([*found, (shared.start("a"), shared.end("a"), *named[0][2:])])
    if "(" in text and len(found) > 1:
        # "disease control (partial response or stable disease)": what a result is, defined in
        # the bracket after its name, names no result of its own (a bracket with values does:
        # "response (CR 12%, PR 30%)")
        found = [f for f in found if not _defines(text, found, f)]
    if "/" in text:
        # "MMRp/MSS", "dMMR/MSI-H": an abbreviation slashed to a word that names no result is a
        # marker's status (not "CR/PR", "PFS/OS")
        found = [f for f in found if not _slashed_to_other(text, found, f)]
    if "pts" in text or "patients" in text:
        # "CR-pts", "PR patients": patients in a response, a group, not a result named
        found = [
            f
            for f in found
            if not (f[3].isupper() and len(f[3]) <= 5 and _PATIENTS_IN.match(text, f[1]))
        ]
    if "non" in text or "Non" in text or "NON" in text:
        # "non-complete response", "non-CR/non-PD": what is named is the other outcome
        found = [f for f in found if text[max(0, f[0] - 4) : f[0]].lower() not in _NEGATED]
    return found
