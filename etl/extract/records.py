"""Records → the result numbers of their sentences, as columns: the sequential part of outcome
extraction, with no polars in it. Only what the grammar reads comes back (with the row of the
sentence it was read from); etl.extract.outcomes joins each sentence's own columns.

A record's sentences are read in order, because its context (the groups it compares, the endpoint
it last named, the groups it last listed) carries from one sentence to the next. Records are
independent of each other, so etl.extract.outcomes may hand slices of them to worker processes,
which import only this module and the grammar.
"""

from __future__ import annotations

import hashlib
import re
from itertools import groupby

from etl.audit import rejection_row
from etl.documents.table_grid import GROUP_SIZE
from etl.extract.context import RecordContext, record_context
from etl.extract.endpoint_abbreviations import defined_endpoints, with_defined
from etl.extract.event_counts import of_groups
from etl.extract.fact_roles import apply_context
from etl.extract.facts import COMPARED_MEASURES, RATIOS, Fact
from etl.extract.grammar import listed_groups, parse_sentence
from etl.extract.group_labels import group_label, simplify
from etl.extract.landmarks import RecordLandmarks
from etl.extract.value_endpoints import compares_times
from etl.vocab.endpoints import endpoint_mentions
from etl.vocab.marks import BULLET, BULLET_MARKS

# The columns of an outcome row that come from its sentence (outcome column: sentence column), and
# those read by the grammar; etl.extract.outcomes joins the two on the sentence's row.
SENTENCE_COLUMNS = {
    "source_file": "source_file",
    "document_id": "document_id",
    "publication_id": "publication_id",
    "sentence_id": "sentence_id",
    "evidence_text": "text",
    "char_start": "char_start",
    "char_end": "char_end",
}
FACT_COLUMNS = (
    "outcome_id",
    "endpoint",
    "endpoint_label",
    "measure",
    "value",
    "unit",
    "value_months",
    "timepoint_months",
    "ci_level",
    "ci_lower",
    "ci_upper",
    "p_value",
    "p_operator",
    "arm_label",
    "comparator_label",
    "n_patients",
    "n_denominator",
    "subgroup_label",
    "value_start",
    "value_end",
)
# What read_records needs of each sentence (a sentence may hold a result when ``_candidate``; a
# title, ``_title``, only serves the record's context).
INPUT_COLUMNS = (
    "publication_id",
    "document_id",
    "source_file",
    "text",
    "char_start",
    "char_end",
    "_candidate",
    "_title",
)


_NO_CONTEXT = RecordContext()


def _outcome_id(
    document_id: str, start: int, end: int, endpoint: str, measure: str, arm: str | None = None
) -> str:
    # (a value of every group is one outcome per group: its group is part of its key)
    key = f"{document_id}:{start}:{end}:{endpoint}:{measure}" + (f":{arm}" if arm else "")
    return "out_" + hashlib.sha1(key.encode()).hexdigest()[:16]


def fact_row(document_id: str, base: int, f: Fact) -> tuple:
    """The FACT_COLUMNS of one fact of a sentence that starts at ``base``."""
    ci, p = f.ci, f.p
    start, end = base + f.start, base + f.end
    return (
        _outcome_id(
            document_id, start, end, f.endpoint, f.measure, f.arm if f.each_group else None
        ),
        f.endpoint,
        f.endpoint_label or f.endpoint,
        f.measure,
        f.value,
        f.unit,
        f.value_months,
        f.timepoint_months,
        ci.level if ci else None,
        ci.lower if ci else None,
        ci.upper if ci else None,
        p.value if p else None,
        p.operator if p else None,
        f.arm,
        f.comparator,
        f.n_patients,
        f.n_denominator,
        f.subgroup,
        start,
        end,
    )


def problem_rows(source_file: str, text: str, start: int, end: int, f: Fact) -> list[dict]:
    return [
        rejection_row(
            source_file,
            "extract",
            problem.rule,
            f"{f.value:g} {f.unit}: {problem.message} in: {text[:300]}",
            start,
            end,
        )
        for problem in f.problems
    ]


def _last_listed(facts_by_sentence: list[list[Fact]]) -> tuple[str, ...]:
    """The groups of the last sentence of these that lists values by group (listed_groups)."""
    for facts in reversed(facts_by_sentence):
        groups = listed_groups(facts)
        if groups:
            return groups
    return ()


class _Context:
    """The last endpoint a record named before the sentence being read, and the last time to an
    event (a hazard ratio's), for parse_sentence, which calls it only when a value needs it. The
    sentences that cannot hold a result are looked through for endpoints only then, latest
    first (each once): most never are."""

    def __init__(self, text: list[str]) -> None:
        self._text = text
        self._last: tuple[str, str] | None = None
        self._last_timed: tuple[str, str] | None = None
        self._unread: list[int] = []  # sentences since the last one with an endpoint, not read
        self._unread_timed: list[int] = []  # since the last one with a time to an event
        self._mentions: dict[int, list[tuple[int, int, str, str]]] = {}

    def skip(self, i: int) -> None:
        self._unread.append(i)
        self._unread_timed.append(i)

    def read(self, mentions: list[tuple[int, int, str, str]]) -> None:
        """The endpoints of the sentence just read, the latest so far."""
        self._note(mentions)
        self._note_timed(mentions)

    def _note(self, mentions: list[tuple[int, int, str, str]]) -> None:
        if mentions:
            self._last = (mentions[-1][2], mentions[-1][3])
            self._unread.clear()

    def _note_timed(self, mentions: list[tuple[int, int, str, str]]) -> None:
        timed = [m for m in mentions if compares_times(m[2], m[3])]
        if timed:
            self._last_timed = (timed[-1][2], timed[-1][3])
            self._unread_timed.clear()

    def _skipped(self, i: int) -> list[tuple[int, int, str, str]]:
        if i not in self._mentions:
            self._mentions[i] = endpoint_mentions(self._text[i])
        return self._mentions[i]

    def __call__(self, timed: bool = False) -> tuple[str, str] | None:
        # (each walk back updates its own answer only: the other may stand on a later sentence)
        unread, note = (
            (self._unread_timed, self._note_timed) if timed else (self._unread, self._note)
        )
        while unread:
            note(self._skipped(unread.pop()))
        return self._last_timed if timed else self._last


# a list's lead-in ("objective responses were seen in:", a line before bulleted lines) and its
# items ("8.5% of the A group.", "- 9.7% of the B group;", "• More than 6 out of 10 (65%) ...")
_DIGIT = re.compile(r"\d")
_BULLET = re.compile(rf"\s*{BULLET}\s*\S")
_LIST_ITEM = re.compile(rf"\s*(?:{BULLET}\s*\S|\d)")
# the group a lead-in names: "of those who had surgery", "for patients who received A:"
_LEAD_GROUP = re.compile(
    r"\b(?:of|for|in|among)\s+(?:those|people|patients|participants)\s+who\s+"
    r"(?:had|received|took|were\s+given)\s+(?P<g>[^,.;:]{2,40}?)\s*:?\s*$",
    re.IGNORECASE,
)

_FOLLOW_UP_AT = re.compile(
    r"\b(?:after|at|with)\s+(?:a\s+)?(?:median\s+)?follow-?up\s+(?:time\s+)?(?:of\s+)?"
    r"\d+(?:\.\d+)?\s*(?:months?|mo|years?|weeks?)\s*,?",
    re.IGNORECASE,
)


def _bulleted(line: str) -> bool:
    """_BULLET.match(line), asked only of a line that opens with a bullet or white space."""
    first = line[:1]
    return (first in BULLET_MARKS or first.isspace()) and _BULLET.match(line) is not None


# (the endpoint and the group a lead-in names, either may be missing)
Lead = tuple[tuple[str, str] | None, str | None] | None


def _lead(sentence: str, lead: Lead, after: str) -> tuple[Lead, Lead]:
    """(the lead of the list ``sentence`` is an item of, that after it): a lead-in (a line ending
    with a colon, or one that bulleted lines ``after`` follow) naming an endpoint or a group
    leads the sentences after it while they are items of its list."""
    if sentence.rstrip().endswith(":") or (_bulleted(after) and not _LIST_ITEM.match(sentence)):
        # (one that states a number is a result of its own, or names a time point its items
        # would need: "259 patients had progressed:", "36-month DMFS:")
        # (a population's size is no result: "In the ITT population (n=923), ... seen in:")
        # (nor is the follow-up it is at: "After a median follow-up of 32 months, median OS was:")
        unsized = _FOLLOW_UP_AT.sub("", GROUP_SIZE.sub("", sentence))
        found = None if _DIGIT.search(unsized) else endpoint_mentions(unsized)
        group = _LEAD_GROUP.search(sentence)
        endpoint = (found[-1][2], found[-1][3]) if found else None
        named = (group_label(simplify(group.group("g"))) or None) if group else None
        return None, (endpoint, named) if endpoint or named else None
    if lead is not None and _LIST_ITEM.match(sentence):
        return lead, lead
    return None, None


# a part or cohort of a study of several, as the subject of a sentence or where patients were
# enrolled: "Part I included 39 pts", "Cohort B enrolled 20 patients", "all 33 pts enrolled to
# part II"; a sentence naming several ("from parts I and II", "across cohorts") or the whole
# ("Overall, ...", "pooled", "among all 43 patients", "in total") ends it. (No "stage": a Simon
# design's stages are one group, and a disease's stage is none.)
_PART = r"(?:part|cohort)\s+(?:[IVX]{1,4}|[A-D]|\d{1,2})\b"
_PART_NAMED = re.compile(_PART, re.IGNORECASE)
_PART_SUBJECT = re.compile(
    rf"^(?:[A-Z][a-z]+:\s*)?(?P<g>{_PART})\s+(?:included|enrolled|comprised|consisted|had|treated)\b"
    rf"|\b(?:enrolled|assigned|allocated)\s+(?:to|in|into|on)\s+(?P<g2>{_PART})"
    # (the part a sentence sets its scene in: "In Cohort B, median DFS was 23.6 months")
    rf"|^(?:[A-Z][a-z]+:\s*)?(?:in|for|among)\s+(?:the\s+)?(?P<g3>{_PART})\s*,",
    re.IGNORECASE,
)
_WHOLE = re.compile(
    r"\b(?:parts|cohorts)\s+(?:[IVX]{1,4}|[A-D]|\d{1,2})\s+(?:and|&)\b|\b(?:all|both|across)\s+(?:parts|cohorts)\b"
    r"|^\W*overall\b|\boverall\s+(?:population|cohort|study|analysis)\b"
    r"|\b(?:pooled|combined|in\s+total|among\s+all|of\s+all)\b",
    re.IGNORECASE,
)


# the population a clause opens with, in a study of one group: "In low-risk patients, the 5-year
# PFS rate was 80%; in high-risk patients, ... 69%" (not the whole: "In all patients", "in the
# overall population", "among evaluable patients")
_CLAUSE_POPULATION = re.compile(
    r"\s*(?:[A-Z][a-z]+:\s*)?(?:in|among)\s+(?:the\s+)?"
    r"(?:(?:subgroup|subset|cohort|population)\s+of\s+)?(?:\d+\s+)?"
    r"(?!(?:all|overall|total|evaluable|treated|enrolled|randomi[sz]ed|whole|both|these|those"
    r"|our|most|many|some|other|previously|responding|responders)\b)"
    r"(?P<pop>(?!\d)(?:[\w≥≤<>%.+/-]+\s+){1,3}?(?:patients|pts|children|adults|participants|subjects)"
    r"(?:\s+with\s+[^,;()]{1,40}?)?"
    r"|(?:patients|pts|children|adults|participants|subjects)\s+with\s+[^,;()]{1,40}?)"
    r"\s*(?:\([^()]{0,40}\)\s*)?,",
    re.IGNORECASE,
)


# (a clause that opens with "In"/"Among": asked of the sentence before the pattern above)
_OPENS_IN = re.compile(r"(?:^|;\s*)(?:[A-Z][a-z]+:\s*)?(?:[Ii]n|[Aa]mong)\s")


def clause_population(sentence: str, at: int) -> str | None:
    """The population the clause holding ``at`` opens with (_CLAUSE_POPULATION), or None."""
    start = sentence.rfind(";", 0, at) + 1
    m = _CLAUSE_POPULATION.match(sentence, start)
    if m is None or m.end() > at or _RESPONDED.search(m.group("pop")):
        return None  # (those with a response are who a share is among, no group)
    return m.group("pop")


_RESPONDED = re.compile(r"\bwith\s+(?:an?\s+)?(?:response|CR|PR|remission)\b", re.IGNORECASE)


def _part_of(sentence: str, part: str | None) -> tuple[str | None, str | None]:
    """(the part a sentence's values that name no group are of, the part the sentences after it
    speak of), given ``part``, the one before it: a sentence that makes a part its subject speaks
    of it; one that names the whole, or another part, or several, speaks of none of them."""
    if _WHOLE.search(sentence):
        return None, None
    if "art" not in sentence and "ohort" not in sentence:
        return part, part
    named = {" ".join(m.group().lower().split()) for m in _PART_NAMED.finditer(sentence)}
    m = _PART_SUBJECT.search(sentence)
    if m is not None and len(named) == 1:
        subject = m.group("g") or m.group("g2") or m.group("g3")
        subject = subject[0].lower() + subject[1:]
        return subject, subject
    if not named or named == {part.lower() if part else ""}:
        return part, part
    return None, None


# a sentence of factors' ratios: "ECOG PS 1 was associated with shorter survival (HR 1.62)"
_FACTORS = re.compile(
    r"associated|predict|prognostic|factor|multivariat|univariat|multivariable",
    re.IGNORECASE,
)


def _compared_as_before(
    facts: list[Fact], compared: tuple[str, str] | None, text: str
) -> tuple[str, str] | None:
    """Ratios of a sentence that compare no groups take ``compared`` (the groups the record's
    last ratio compared), unless ``text`` (the sentence) speaks of factors; the groups the
    sentence's last ratio compares are returned, to serve the ratios after it."""
    for f in facts:
        if f.measure not in RATIOS or f.subgroup is not None:
            continue
        if f.arm is None and f.comparator is None:
            # (the sentence is asked only where a ratio would take the groups)
            if compared is not None and _FACTORS.search(text) is None:
                f.arm, f.comparator = compared
        elif f.arm is not None and f.comparator is not None:
            compared = (f.arm, f.comparator)
    return compared


def read_records(columns: dict[str, list]) -> tuple[dict[str, list], list[dict]]:
    """(facts, rejection rows) of whole records. ``columns`` hold INPUT_COLUMNS of body sentences
    sorted by record then position; ``facts`` holds FACT_COLUMNS and ``sentence_row``, the
    position in ``columns`` of the sentence each fact was read from."""
    publication, text, start = columns["publication_id"], columns["text"], columns["char_start"]
    candidate, document, title = columns["_candidate"], columns["document_id"], columns["_title"]
    rows: list[tuple] = []
    sentence_rows: list[int] = []
    problems: list[dict] = []
    for _, group in groupby(range(len(publication)), key=publication.__getitem__):
        record = list(group)
        # (a record with no number to read needs no context)
        study = (
            record_context([text[i] for i in record])
            if any(candidate[i] for i in record)
            else _NO_CONTEXT
        )
        arms, comparison = study.labels, study.comparison
        defined = defined_endpoints([text[i] for i in record]) if study is not _NO_CONTEXT else {}
        context = _Context(text)
        landmarks = RecordLandmarks()  # (the time point said once for an endpoint's rates)
        lead: Lead = None  # the endpoint and group of the lead-in of a list being read
        part: str | None = None  # the part or cohort of a study the sentences speak of
        recent: tuple[str, ...] = ()
        unread: list[list[Fact]] = []  # facts read since ``recent`` was brought up to date
        # (in a record that declares no groups, the groups the last ratio compared: a ratio
        # naming none after it compares them too, "TTNI was also longer (HR, 0.26)")
        compared: tuple[str, str] | None = None
        for k, i in enumerate(record):
            # (a lead-in may stand as a heading line: it is read for its endpoint only)
            after = text[record[k + 1]] if k + 1 < len(record) else ""
            item_of, lead = _lead(text[i], lead, after)
            # (a study of parts or cohorts, one after the other: the part this sentence's values
            # without a group are of, and the part the sentences after it speak of)
            fill, part = _part_of(text[i], part) if not study.arms else (None, None)
            if title[i]:
                continue
            if not candidate[i]:
                context.skip(i)
                landmarks.note(text[i], None)
                continue
            mentions = endpoint_mentions(text[i])
            if defined:
                mentions = with_defined(text[i], mentions, defined)
            # the groups last listed only serve a "respectively" list: looked for then
            if unread and "respectively" in text[i].lower():
                recent = _last_listed(unread) or recent
                unread = []
            read = parse_sentence(
                text[i],
                context,
                comparison,
                arms,
                mentions,
                recent_groups=recent,
                lead=item_of[0] if item_of else None,
            )
            if item_of and item_of[1]:  # (the group its lead-in names, for a value naming none)
                for f in read:
                    f.arm = f.arm or (item_of[1] if f.measure not in COMPARED_MEASURES else None)
            if fill:  # (the part or cohort the sentences speak of, for a value naming none)
                for f in read:
                    f.arm = f.arm or (fill if f.measure not in COMPARED_MEASURES else None)
            if not study.arms and _OPENS_IN.search(text[i]):
                for f in read:  # (the population its clause opens with, in a one-group study)
                    if f.arm is None and f.measure not in COMPARED_MEASURES:
                        f.arm = clause_population(text[i], f.start)
            facts = of_groups(apply_context(read, study, text[i]))
            landmarks.apply(facts)
            if not study.arms:
                compared = _compared_as_before(facts, compared, text[i])
            if facts:
                unread.append(facts)
            for f in facts:
                rows.append(fact_row(document[i], start[i], f))
                sentence_rows.append(i)
                if f.problems:
                    problems.extend(
                        problem_rows(
                            columns["source_file"][i],
                            text[i],
                            start[i],
                            columns["char_end"][i],
                            f,
                        )
                    )
            context.read(mentions)
    facts_columns = (
        dict(zip(FACT_COLUMNS, map(list, zip(*rows, strict=True)), strict=True))
        if rows
        else {c: [] for c in FACT_COLUMNS}
    )
    return {**facts_columns, "sentence_row": sentence_rows}, problems
