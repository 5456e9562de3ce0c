"""Records → what they state about a trial's design (the staging table ``trial_facts``).

Long format, one row per stated fact with its offsets: ``phase`` ("Phase IIa" → 2, "phase II-III"
→ 2/3, "Phase 1b/2" → 1/2, registry "Not Applicable" → NA), ``blinding``, ``randomized``,
``n_enrolled``, ``placebo_controlled``, ``retrospective``, ``condition`` (the disease the
record's own study is in), and the registry fields ``status``, ``sponsor`` and ``condition``.

The enrolment is the count of the people the study enrolled or randomised, however its sentence
is built: "1171 patients were randomly assigned", "Of 843 screened, 573 were enrolled", "900
adults with X, untreated, ... were randomized", "400 patients (A, n=200; B, n=200) were
included", "Among 300 pts randomized", "250 patients who underwent randomization", "Adults with
X (n = 900) were randomly assigned", "all-comer (N = 400)", "the intention-to-treat population
included 300 pts", "a trial enrolling 500 patients", "The study, involving 400 patients", "One
hundred and two patients"; not "the first 100 patients randomized". A count assigned to the
first of a list of groups ("300 were assigned to A, and 150 to B") is that group's: the
enrolment is the list's sum. A registry page gives its fields as label and value, on two lines
or one ("Enrollment (Actual)" / "900", "Actual Enrollment : | 900 participants |", "Enrollment
900").

Scope ``sentence``: a fact stated in a sentence naming a trial ("the phase III REFLECT trial").
Scope ``record``: the record's own study, taken from the sentence that speaks of it ("In this
open-label, phase 3 trial") rather than from the background ("in a phase 2 trial, X showed"); a
table's row is a record whose design its table's caption may state ("randomized clinical trials
of X"). Which trial each fact belongs to is decided in dbt, by joining to the trial mentions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import groupby, pairwise
from operator import itemgetter

import polars as pl

from etl.extract.numbers import NUM, parse_number
from etl.extract.trial_arms import (
    TO_EACH_GROUP,
    WORD_COUNT,
    assigned_to,
    parse_count,
    stated_groups,
)
from etl.regex_prefilter import Prefiltered
from etl.schemas.staging import TrialFacts, polars_schema
from etl.vocab.codes import REGISTRY_KINDS, code

_SENTENCE, _RECORD = code("fact_scope", "sentence"), code("fact_scope", "record")
_TABLE_HEADER = code("sentence_role", "table_header")
_TABLE_ROW = code("sentence_role", "table_row")

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
_PEOPLE = r"(?:patients|participants|subjects|pts|women|men|adults|children|individuals)"
# (not a part of a longer number, nor the first few of a larger group: "the first 100 patients")
_COUNT = (
    r"(?<!hundred and )(?<!hundred )(?<![\w-])(?<!first )(?<!last )"
    rf"(?P<n>{NUM}|{WORD_COUNT})(?!\s*(?:hundred|thousand|and)\b)"
)
# Between the people counted and the verb, what describes them: words that are not counts (a
# count there is the subject of the verb: "Of 843 patients screened, 573 were enrolled") and
# brackets, with brackets of their own ("400 patients (A, n=200; B, n=200) were included",
# "patients with stage II (with risk factors (a) or (b)) were randomized").
# (a word may open with digits where it is not that count, "aged 16-75 years", "grade 1-2"; a
# count of people there is: "Of 843 patients screened, 573 patients were randomized")
# (a date among them is no count: "378 patients enrolled between March 2017 and June 2020 were
# randomly assigned")
_MONTH_YEAR = (
    r"\s+(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\s+(?:19|20)\d\d\b"
)
_DESCRIBED = (
    rf"(?:{_MONTH_YEAR}|\s*\((?:[^()]|\([^()]{{0,40}}\)){{0,300}}\)|\s+(?![\d.])[^\s.;()]+"
    rf"|\s+\d[^\s;()]*+(?!\s+(?:were|was|{_PEOPLE})\b)){{0,30}}?"
)
_ENROLLED = Prefiltered(
    re.compile(
        # "1171 patients were randomly assigned", "573 were enrolled and randomised", "900
        # adults with X, untreated, ... were randomized", "250 patients who underwent
        # randomization", "Among 300 pts randomized (A, n = 200; B, n = 100)"
        rf"{_COUNT}(?!\s+{_NOT_PEOPLE})\s+(?:[\w-]+\s+){{0,3}}?"
        rf"(?:(?:{_PEOPLE}\b{_DESCRIBED}\s+)?(?:were|was)\s+{_ENROLL_VERB}"
        rf"|{_PEOPLE}\s+(?:(?:who|that)\s+)?underwent\s+randomi[sz]ation"
        rf"|{_PEOPLE}\s+(?:randomly\s+assigned|randomi[sz]ed)\b)"
        # "we randomly assigned 87 patients", "enrolled 22 participants", "a trial enrolling 500
        # untreated patients", "The study, involving 400 patients in 20 centres"
        rf"|\b(?:{_ENROLL_VERB}|enrolling|recruiting|randomi[sz]ing"
        r"|(?:trial|study)(?:\s*\([^()]*\))?,?\s+(?:involving|including))"
        rf"\s+(?P<n2>{NUM}|{WORD_COUNT})\s+(?:[\w-]+\s+){{0,2}}?{_PEOPLE}\b"
        # "Adults with X (n = 900) were randomly assigned"
        rf"|\(\s*n\s*=\s*(?P<n3>{NUM})\s*\),?\s+(?:were|was)\s+{_ENROLL_VERB}"
        # the whole population of the study, named: "all-comer (N = 400)", "the
        # intention-to-treat population included 300 pts"
        r"|\b(?:all[- ]comers?|intention[- ]to[- ]treat|intent[- ]to[- ]treat|itt)"
        r"(?:\s+(?:population|set|analysis set|cohort))?"
        rf"(?:\s*\(\s*n\s*=\s*(?P<n4>{NUM})\s*\)"
        rf"|\s+(?:included|comprised|consisted of|was|of)\s+(?P<n5>{NUM})\s+{_PEOPLE}\b)"
        # the whole from which a part is told: "Of 501 enrolled patients, 74 had ...", "709 of
        # 713 randomly assigned patients received ..." (not a group's: see _IN_A_GROUP)
        rf"|\b(?:of|among)\s+(?:the\s+)?(?P<n6>{NUM}|{WORD_COUNT})\s+"
        rf"(?:randomly\s+assigned|randomi[sz]ed|enrolled|included)\s+{_PEOPLE}\b"
        # those treated in a study, named: "Among 22 patients treated in the multicenter Study
        # 201", "of 40 patients enrolled in the phase 2 trial"
        rf"|\b(?:of|among)\s+(?:the\s+)?(?P<n8>{NUM}|{WORD_COUNT})\s+{_PEOPLE}\s+"
        r"(?:treated|enrolled|included)\s+in\s+(?:the\s+|this\s+)?(?:[\w-]+\s+){0,3}?"
        r"(?:trial|study|Study)\b"
        # the part of the screened that was enrolled, its share in brackets: "457 (75%) of 607
        # screened patients were randomly assigned"
        rf"|(?<![\w.-])(?P<n7>{NUM})\s*\(\s*{NUM}\s*%\s*\)\s*of\s+(?:the\s+)?{NUM}\s+"
        rf"(?:[\w-]+\s+){{0,2}}?{_PEOPLE}\s+(?:were|was)\s+{_ENROLL_VERB}",
        re.IGNORECASE,
    )
)
_TO_EACH = re.compile(TO_EACH_GROUP, re.IGNORECASE)
_COUNT_GROUPS = ("n", "n2", "n3", "n4", "n5", "n6", "n7", "n8")
# a group named before a count of the randomized: "In the A arm, 84 of 180 randomized patients"
_IN_A_GROUP = re.compile(r"\b(?:arms?|groups?|cohorts?)\b", re.IGNORECASE)
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
    r"|included|recruited|allocated|enrolling|recruiting|involving|including|all[- ]comer"
    r"|intention[- ]to|intent[- ]to|\bitt\b|carcinoma|cancer|tumo|sarcoma|lymphoma|leuk|melanoma|myeloma"
    r"|glioma|mesothelioma|neoplasm|not applicable|n/a"
)
# How a label line is decorated and qualified: "Enrollment (Actual)", "Estimated Enrollment :".
_LABEL_DECORATION = re.compile(r"[|:]")
_LABEL_QUALIFIER = re.compile(r"\(?\b(?:actual|estimated|anticipated|expected)\b\)?")
# A label and its value on one line: "Recruitment Status : Completed", "| Phase | Phase 3 |".
_SAME_LINE = re.compile(
    r"^\s*\|?\s*(?P<label>[A-Za-z][A-Za-z ()]{2,40}?)\s*(?::\s*\|?|\|)\s*"
    r"(?P<value>[^|\s][^|]*?)\s*\|?\s*$"
)
# an enrolment given without a colon: "Enrollment 900", "Target Recruitment 40 participants"
_COUNT_LINE = re.compile(
    r"^\s*(?P<label>[A-Za-z][A-Za-z ()]{2,40}?)\s+(?P<value>\d[\d,]*(?:\s+[a-z]+)?)\s*$"
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
    "target enrollment": "n_enrolled",
    "enrollment": "n_enrolled",
    "enrolment": "n_enrolled",
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
        value = parse_count(raw) if raw[0].isalpha() else parse_number(raw)
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
    yield from _enrolment(text)


# the counts listed before the last one, each a group's: "427 and 111 (patients were randomised to
# A vs B)"
_COUNTS_BEFORE = re.compile(r"(?<![\w.,-])(?P<counts>\d+(?:\s*,\s*\d+)*),?\s+and\s+\Z")


def _enrolment(text: str) -> Iterator[tuple[str, str, int, int]]:
    """The enrolment a sentence states. A count that is the first of a list of
    groups' sizes is the first group's ("300 were assigned to A, and 150 to B"), and one that
    is the last of a list of counts is the last group's ("427 and 111 patients were randomised
    to A vs B"): the enrolment is then the sum of the list."""
    groups: list[tuple[str, int, int, int]] | None = None
    for m in _ENROLLED.finditer(text):
        group = next(g for g in _COUNT_GROUPS if m.group(g))
        if (n := _count(m.group(group))) is None:
            continue
        if group == "n6" and _IN_A_GROUP.search(text, 0, m.start()):
            continue
        if _TO_EACH.match(text, m.end()):
            continue  # "269 were randomly assigned into each arm": a group's size, not the whole
        if assigned_to(text, m.start(group)):  # "N were assigned to A and M to B"
            groups = stated_groups(text) if groups is None else groups
            if len(groups) >= 2 and groups[0][1] == n:
                n = sum(size for _, size, _, _ in groups)
        start = m.start(group)
        if listed := _COUNTS_BEFORE.search(text, max(0, start - 40), start):
            n += sum(int(c) for c in re.split(r"\s*,\s*", listed.group("counts")))
            start = listed.start()
        yield "n_enrolled", str(n), min(start, m.start()), m.end()


def stated_enrolments(text: str) -> list[int]:
    """The enrolments a sentence states (etl.extract.record_arms checks the groups' sizes a record
    reports against them)."""
    return [int(value) for _, value, _, _ in _enrolment(text)]


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


def registry_label(line: str) -> str | None:
    """The field a registry label line names ("Actual Enrollment :", "Enrollment (Actual)",
    "| Overall Status |" → its fact), or None when the line is no label of ours."""
    label = _LABEL_QUALIFIER.sub(" ", line.lower())
    return _REGISTRY_LABELS.get(" ".join(_LABEL_DECORATION.sub(" ", label).split()))


def _registry_value(fact: str, raw: str) -> str | None:
    """A registry field's value as the contract writes it."""
    raw = raw.strip(" \t|")
    if not raw or raw.endswith(":"):  # (a label with its value missing: "Sponsor:")
        return None
    if fact == "phase":
        m = _PHASE.search(raw)
        return normalise_phase(m) if m else None
    if fact == "condition":  # as the text's conditions are written: lower-case, singular
        return condition_of(raw) or raw
    if fact == "n_enrolled":
        n = _count(raw.split()[0])
        return str(n) if n is not None else None
    return raw


def _same_line(text: str) -> tuple[str, re.Match[str]] | None:
    """(fact, match) of a label given with its value on one line ("Actual Enrollment : 900
    participants", "Actual Enrollment : | 900 participants |"); without a colon or a bar, only an
    enrolment ("Enrollment 900")."""
    if ":" in text or "|" in text:
        m = _SAME_LINE.match(text)
        fact = registry_label(m.group("label")) if m else None
    else:
        m = _COUNT_LINE.match(text)
        fact = registry_label(m.group("label")) if m else None
        fact = fact if fact == "n_enrolled" else None
    return (fact, m) if fact and m else None


def enrolment_type(label: str) -> str | None:
    """Whether an enrolment label says the count is the enrolled ("Actual Enrollment") or the
    target ("Enrollment (Estimated)", "Anticipated"); None where it does not say."""
    m = _LABEL_QUALIFIER.search(label.lower())
    if m is None:
        return None
    return code("enrolment_type", "actual" if "actual" in m.group() else "estimated")


def _registry(lines: list[dict]) -> Iterator[dict]:
    """Label/value pairs of a registry page: a label line followed by its value line, or a label
    and its value on one line; an enrolment's label also says whether it is actual or estimated
    (the fact ``enrolment_type``, at the enrolment's own span)."""
    for label, value in pairwise([*lines, None]):
        text = label["text"]
        if (found := _same_line(text)) and (raw := _registry_value(found[0], found[1]["value"])):
            fact, m = found
            row = {"fact": fact, "value": raw, "sentence": label}
            stated = [row | dict(zip(("start", "end"), m.span("value"), strict=True))]
            label_text = m.group("label")
        else:
            fact = registry_label(text)
            if fact is None or value is None:
                continue
            if not (raw := _registry_value(fact, value["text"])):
                continue
            row = {"fact": fact, "value": raw, "sentence": value}
            stated = [row | {"start": 0, "end": len(value["text"])}]
            label_text = text
        if fact == "n_enrolled" and (kind := enrolment_type(label_text)):
            stated.append(stated[0] | {"fact": "enrolment_type", "value": kind})
        yield from stated


# A card's label over its count, on a page that is no registry (a knowledge-base trial card):
# "Sample" / "733" / "Patients", "Enrollment" / "457 participants".
_CARD_LABELS = frozenset(
    ["sample", "sample size", "enrollment", "enrolment", "target enrollment", "number of patients"]
)
_BARE_COUNT = re.compile(
    r"^\s*(?P<n>\d[\d,]*)(?:\s+(?:patients|participants|pts|subjects))?\s*$", re.IGNORECASE
)


def _card_enrolment(lines: list[dict]) -> Iterator[dict]:
    """The enrolment a card gives as a label line over a line that is only the count."""
    for label, value in pairwise(lines):
        if " ".join(label["text"].lower().split()).strip(" :|") not in _CARD_LABELS:
            continue
        m = _BARE_COUNT.match(value["text"])
        if m and (n := _count(m.group("n"))):
            yield {"fact": "n_enrolled", "value": str(n), "sentence": value} | {
                "start": m.start("n"),
                "end": m.end("n"),
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
    if "n_enrolled" not in record_level and (card := next(_card_enrolment(lines), None)):
        rows.append(card | {"scope": _SENTENCE})
        record_level["n_enrolled"] = card
    if is_registry:  # a registry page states its own fields: they outrank the prose
        record_level |= {f["fact"]: f for f in _registry(lines)}
    rows += [{**found, "scope": _RECORD} for found in record_level.values()]
    return rows


def _caption_rows(sentences: pl.DataFrame) -> list[dict]:
    """What a table's caption states of the design of the trials its rows list ("Characteristics
    of selected randomized clinical trials"): a fact of each row's record (a record of its own),
    stated by the caption (scope record). A row's table is the last whose header lines precede it
    in its document; a caption that states both values states neither."""
    tabled = sentences.filter(pl.col("role").is_in([_TABLE_HEADER, _TABLE_ROW])).sort(
        "document_id", "char_start"
    )
    out: list[dict] = []
    for _, lines in groupby(tabled.iter_rows(named=True), key=itemgetter("document_id")):
        table, stated, done = None, {}, set()
        for line in lines:
            if line["role"] == _TABLE_HEADER:
                if line["publication_id"] != table:  # the header of another table
                    table, stated = line["publication_id"], {}
                for m in _RANDOMIZED.finditer(line["text"]):
                    value = "false" if m.group("non") else "true"
                    stated.setdefault(value, (line, m.start(), m.end()))
            elif len(stated) == 1 and line["publication_id"] not in done:
                done.add(line["publication_id"])
                [(value, (caption, start, end))] = stated.items()
                out.append(
                    {
                        "publication_id": line["publication_id"],
                        "sentence_id": caption["sentence_id"],
                        "source_file": caption["source_file"],
                        "scope": _RECORD,
                        "fact": "randomized",
                        "value": value,
                        "char_start": caption["char_start"] + start,
                        "char_end": caption["char_start"] + end,
                    }
                )
    return out


def trial_facts_frame(sentences: pl.DataFrame, documents: pl.DataFrame) -> pl.DataFrame:
    """The staging frame ``trial_facts`` for every record that states a design fact."""
    registry_docs = set(
        documents.filter(pl.col("document_kind").is_in(sorted(REGISTRY_KINDS))).get_column(
            "document_id"
        )
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
    out += _caption_rows(sentences)
    schema = polars_schema(TrialFacts)
    return pl.DataFrame(out, schema=schema).sort("publication_id", "char_start", "fact", "scope")
