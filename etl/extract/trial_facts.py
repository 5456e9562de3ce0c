"""Records → what they state about a trial's design (the staging table ``trial_facts``).

Long format, one row per stated fact with its offsets: ``phase`` ("Phase IIa" → 2, "phase II-III"
→ 2/3, "Phase 1b/2" → 1/2, registry "Not Applicable" → NA), ``blinding``, ``randomized``,
``n_enrolled`` ("1171 patients were randomly assigned", "Target Recruitment 22", "Twenty-two
patients ... were enrolled"), ``placebo_controlled``, ``retrospective``, ``condition`` (the
disease the record's own study is in), and the registry fields ``status``, ``sponsor`` and ``condition``.

Scope ``sentence``: a fact stated in a sentence naming a trial ("the phase III REFLECT trial").
Scope ``record``: the record's own study, taken from the sentence that speaks of it ("In this
open-label, phase 3 trial") rather than from the background ("in a phase 2 trial, X showed").
Which trial each fact belongs to is decided in dbt, by joining to the trial mentions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import groupby, pairwise
from operator import itemgetter

import polars as pl

from etl.extract.numbers import NUM, WORD_NUMBER, parse_number, parse_word_number
from etl.regex_prefilter import Prefiltered
from etl.schemas.staging import TrialFacts, polars_schema
from etl.vocab.codes import code

_SENTENCE, _RECORD = code("fact_scope", "sentence"), code("fact_scope", "record")

_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}
_PHASE_NUM = r"(?:iv|i{1,3}|[1-4])[ab]?"
_PHASE = Prefiltered(
    re.compile(
        rf"\b(?:early\s+)?phase[\s-]*(?P<a>{_PHASE_NUM})(?:\s*(?:/|-|–|to|and)\s*(?:phase\s*)?(?P<b>{_PHASE_NUM}))?\b"
        r"|^(?P<na>not applicable|n/a)$",
        re.IGNORECASE,
    )
)
_BLINDING = Prefiltered(
    re.compile(
        r"\b(?P<b>double[- ]blind(?:ed)?|single[- ]blind(?:ed)?|open[- ]label)\b",
        re.IGNORECASE,
    )
)
_RANDOMIZED = Prefiltered(
    re.compile(
        r"\b(?:randomi[sz]ed|randomly (?:assigned|allocated))\b|\b(?P<non>non-?randomi[sz]ed|single[- ]arm)\b",
        re.IGNORECASE,
    )
)
_PLACEBO = Prefiltered(
    re.compile(
        r"\bplacebo[- ]controlled\b|\b(?:versus|vs\.?|or|to|with)\s+(?:matching\s+)?placebo\b",
        re.IGNORECASE,
    )
)
_RETROSPECTIVE = Prefiltered(re.compile(r"\bretrospective(?:ly)?\b", re.IGNORECASE))
_ENROLL_VERB = r"(?:randomly\s+assigned|randomi[sz]ed|enrolled|included|recruited|allocated)"
# What a count before "were randomised" may count that is not people: "209 sites in 23 countries".
_NOT_PEOPLE = (
    r"(?:sites?|cent(?:er|re)s?|countries|hospitals|institutions|cities|regions|events|deaths"
    r"|cycles|doses|months|years|weeks|days)\b"
)
_ENROLLED = Prefiltered(
    re.compile(
        # "1171 patients were randomly assigned", "573 were enrolled and randomised"
        rf"(?<!hundred and )(?<!hundred )(?<![\w-])(?P<n>{NUM}|{WORD_NUMBER})(?!\s*(?:hundred|thousand|and)\b)(?!\s+{_NOT_PEOPLE})\s+(?:[\w-]+\s+){{0,3}}?"
        rf"(?:(?:patients|participants|subjects)\b[^.;,]{{0,60}}?\s+)?(?:were|was)\s+{_ENROLL_VERB}"
        # "we randomly assigned 87 patients", "enrolled 22 participants"
        rf"|\b{_ENROLL_VERB}\s+(?P<n2>{NUM}|{WORD_NUMBER})\s+(?:[\w-]+\s+){{0,2}}?(?:patients|participants|subjects)\b",
        re.IGNORECASE,
    )
)
# (each pattern Prefiltered: not run on a sentence that lacks the words its matches need)
# The record speaking of its own study, or of someone else's.
_OWN = Prefiltered(
    re.compile(r"\b(?:this|the present|the current|our|we)\b|^in the phase", re.IGNORECASE)
)
_OTHERS = Prefiltered(
    re.compile(
        r"\b(?:previous(?:ly)?|prior|earlier|has shown|have shown|showed|had shown)\b",
        re.IGNORECASE,
    )
)
# A disease named by its head noun and up to three words before it; the words before that say
# how far it has gone or how it was treated are not part of its name.
_CONDITION_HEAD = re.compile(
    r"\b(?:carcinoma|cancer|tumou?r|sarcoma|lymphoma|leuka?emia|melanoma|myeloma|glioma"
    r"|glioblastoma|mesothelioma|neoplasm|cholangiocarcinoma)s?\b",
    re.IGNORECASE,
)
_WORDS_BEFORE = re.compile(r"(?:[A-Za-z][\w'-]*\s+){1,3}\Z")
# Words that end a disease's name, read backwards from its head noun: what the disease is in or
# for, how far it has gone, what was done to it, and verbs ("inhibits", "suppressing").
_NOT_THE_DISEASE = frozenset(
    [
        *("in", "with", "of", "for", "on", "to", "by", "from", "and", "or", "the", "a", "an"),
        *("patients", "patient", "all", "any", "their", "its", "this", "these", "human", "main"),
        *("unresectable", "advanced", "metastatic", "recurrent", "refractory", "locally"),
        *("inoperable", "untreated", "previously", "treated", "newly", "diagnosed", "early"),
        *("late", "stage", "intermediate", "progressive", "resistant", "relapsed", "other"),
        *("malignant", "solid", "primary", "secondary", "residual", "multiple", "large", "small"),
    ]
)
_NOT_A_MODIFIER = re.compile(
    r"(?:ing|ed|[^sui's]s)$"  # verbs and plurals: "suppressing", "treated", "inhibits"
    r"|^(?:.{1,2}|[ivx]+[abc]?|[0-4][abc]?)$"  # a letter, a stage: "C", "IIIb", "4a"
    r"|-(?:refractory|resistant|naive|experienced|intolerant|stage|related|associated)$",
    re.IGNORECASE,
)


# What a line must contain to state a design fact or a disease (a cheap, column-wise test).
_MAYBE = (
    r"(?i)phase|blind|open[- ]label|randomi|randomly|single[- ]arm|placebo|retrospective|enrolled"
    r"|included|recruited|allocated|carcinoma|cancer|tumo|sarcoma|lymphoma|leuk|melanoma|myeloma"
    r"|glioma|mesothelioma|neoplasm|not applicable|n/a"
)
_REGISTRY_LABELS = {
    "status": "status",
    "overall status": "status",
    "recruitment status": "status",
    "lead sponsor": "sponsor",
    "sponsor": "sponsor",
    "conditions": "condition",
    "condition": "condition",
    "target recruitment": "n_enrolled",
    "enrollment": "n_enrolled",
    "estimated enrollment": "n_enrolled",
    "actual enrollment": "n_enrolled",
    "phase": "phase",
    "study phase": "phase",
}


def normalise_phase(m: re.Match[str]) -> str:
    """A phase match as the contract's code: 1, 1/2, 2, 2/3, 3, 4 or NA."""
    if m.group("na"):
        return "NA"

    def num(raw: str) -> str:
        core = raw.lower().rstrip("ab")
        return _ROMAN.get(core, core)

    a = num(m.group("a"))
    b = num(m.group("b")) if m.group("b") else None
    return a if b is None or b == a else f"{a}/{b}"


def _count(raw: str) -> int | None:
    try:
        value = parse_word_number(raw) if raw[0].isalpha() else parse_number(raw)
    except ValueError:
        return None
    return int(value) if value is not None and float(value).is_integer() and value > 0 else None


def _facts_of(text: str) -> Iterator[tuple[str, str, int, int]]:
    """(fact, value, start, end) stated in one sentence."""
    for m in _PHASE.finditer(text.strip()):
        offset = len(text) - len(text.lstrip())
        yield "phase", normalise_phase(m), m.start() + offset, m.end() + offset
    for m in _BLINDING.finditer(text):
        word = m.group("b").lower().replace(" ", "-").removesuffix("ed")
        yield "blinding", word, m.start(), m.end()
    for m in _RANDOMIZED.finditer(text):
        yield "randomized", "false" if m.group("non") else "true", m.start(), m.end()
    for m in _PLACEBO.finditer(text):
        yield "placebo_controlled", "true", m.start(), m.end()
    for m in _RETROSPECTIVE.finditer(text):
        yield "retrospective", "true", m.start(), m.end()
    for m in _ENROLLED.finditer(text):
        raw = m.group("n") or m.group("n2")
        if (n := _count(raw)) is not None:
            yield "n_enrolled", str(n), m.start(), m.end()


def condition_of(phrase: str) -> str | None:
    """The disease a phrase names, lower-case and singular: the words right before its head noun,
    back to the first that is not part of a disease's name ("treatment of unresectable
    hepatocellular carcinomas" → "hepatocellular carcinoma"); None when no such word is left
    ("the main tumour")."""
    *before, head = phrase.split()
    kept: list[str] = []
    for word in reversed(before):
        if word.lower() in _NOT_THE_DISEASE or _NOT_A_MODIFIER.search(word):
            break
        kept.insert(0, word.lower())
    if not kept:
        return None
    return " ".join([*kept, head.lower().removesuffix("s").replace("tumour", "tumor")])


def _conditions_of(text: str) -> Iterator[tuple[str, str, int, int]]:
    # the head noun first (a cheap scan), then the words right before it
    for m in _CONDITION_HEAD.finditer(text):
        before = _WORDS_BEFORE.search(text[max(0, m.start() - 80) : m.start()])
        if before is None:
            continue
        phrase = before.group() + m.group()
        condition = condition_of(phrase)
        if condition:  # (the span starts at the disease's first word, not at "in advanced")
            start = m.start() - len(before.group()) + phrase.lower().find(condition.split()[0])
            yield "condition", condition, start, m.end()


def _rank(text: str) -> int:
    """How surely a sentence speaks of the record's own study (higher is surer)."""
    return (2 if _OWN.search(text) else 0) - (3 if _OTHERS.search(text) else 0)


def _registry(lines: list[dict]) -> Iterator[dict]:
    """Label/value pairs of a registry page: a label line followed by its value line."""
    for label, value in pairwise(lines):
        fact = _REGISTRY_LABELS.get(label["text"].strip().rstrip(":").lower())
        if fact is None:
            continue
        raw = value["text"].strip()
        if fact == "phase":
            m = _PHASE.search(raw)
            raw = normalise_phase(m) if m else None
        elif fact == "condition":  # as the text's conditions are written: lower-case, singular
            raw = condition_of(raw) or raw
        elif fact == "n_enrolled":
            n = _count(raw.split()[0]) if raw else None
            raw = str(n) if n is not None else None
        if raw:
            yield {
                "fact": fact,
                "value": raw,
                "sentence": value,
                "start": 0,
                "end": len(value["text"]),
            }


def _record_rows(lines: list[dict], is_registry: bool) -> list[dict]:
    """The facts of one record (its lines in order; ``_maybe`` tells which can state one)."""
    rows: list[dict] = []
    best: dict[str, tuple[int, dict]] = {}
    for line in lines:
        if not line["_maybe"]:
            continue
        text = line["text"]
        stated = [*_facts_of(text)]
        for fact, value, start, end in stated:
            rows.append(
                {"fact": fact, "value": value, "sentence": line, "start": start, "end": end}
                | {"scope": _SENTENCE}
            )
        # the disease studied: the record's own, never one a sentence elsewhere names
        stated += _conditions_of(text)
        if stated:
            rank = _rank(text)
        for fact, value, start, end in stated:
            if fact not in best or rank > best[fact][0]:  # ties: the first statement
                best[fact] = (
                    rank,
                    {"fact": fact, "value": value, "sentence": line, "start": start, "end": end},
                )
    record_level = {fact: found for fact, (_, found) in best.items()}
    if is_registry:  # a registry page states its own fields: they outrank the prose
        record_level |= {f["fact"]: f for f in _registry(lines)}
    rows += [{**found, "scope": _RECORD} for found in record_level.values()]
    return rows


def trial_facts_frame(sentences: pl.DataFrame, documents: pl.DataFrame) -> pl.DataFrame:
    """The staging frame ``trial_facts`` for every record that states a design fact."""
    registry_docs = set(
        documents.filter(pl.col("document_kind") == "registry_record").get_column("document_id")
    )
    readable = (
        sentences.filter(pl.col("role").is_in(["body", "title"]))
        .sort("publication_id", "sentence_index")
        .select(
            "publication_id",
            "document_id",
            "sentence_id",
            "source_file",
            "char_start",
            "text",
            pl.col("text").str.contains(_MAYBE).alias("_maybe"),
        )
    )
    out: list[dict] = []
    for publication_id, group in groupby(
        readable.iter_rows(named=True), key=itemgetter("publication_id")
    ):
        lines = list(group)
        for r in _record_rows(lines, lines[0]["document_id"] in registry_docs):
            s = r["sentence"]
            out.append(
                {
                    "publication_id": publication_id,
                    "sentence_id": s["sentence_id"],
                    "source_file": s["source_file"],
                    "scope": r["scope"],
                    "fact": r["fact"],
                    "value": r["value"],
                    "char_start": s["char_start"] + r["start"],
                    "char_end": s["char_start"] + r["end"],
                }
            )
    schema = polars_schema(TrialFacts)
    return pl.DataFrame(out, schema=schema).sort("publication_id", "char_start", "fact", "scope")
