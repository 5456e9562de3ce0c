"""Which kind of document a file is, from its content (never its name)."""

from __future__ import annotations

import functools
import re

import polars as pl

from etl.vocab import agents as agent_vocab
from etl.vocab.codes import DISEASE_INITIALS, DISEASE_NUMBERED_GENES, NOT_TRIAL_HEADS, code

_OTHER = code("document_kind", "other")
ABSTRACT = code("document_kind", "abstract")
ABSTRACT_COLLECTION = code("document_kind", "abstract_collection")

# Word boundaries here are ASCII ones: a Unicode \b makes polars' regex engine leave its fast
# path on any non-ASCII text (6 s instead of 0.07 s to classify a 20 MB file).
_B = r"(?-u:\b)"
# (what a trial's design and eligibility are headed with: a registry's labels, but a knowledge
# base's trial card and a review print them too; a registry page has its own labels besides)
_DESIGN_LABELS = "study design|inclusion criteria|exclusion criteria|eligibility criteria"
# Field labels that registry pages (ClinicalTrials.gov, MedPath, ChiCTR, EU CTR ...) print, and
# the marks of vendor sheets, in lower case: they are looked for in any case.
_REGISTRY_LABELS = (
    rf"{_B}(registration number|study type|{_DESIGN_LABELS}"
    r"|primary outcome measures?|secondary outcome measures?|recruitment status|overall status"
    r"|lead sponsor|sponsor|target recruitment|enrollment|trial locations|locations"
    r"|arms? (?:&|and|&&) interventions|study start|study completion"
    r"|detailed description|brief summary|official title|study overview|intervention model"
    r"|primary purpose|condition or disease|masking"
    rf"|clinicaltrials\.gov identifier){_B}"
)
_VENDOR_MARKERS = (
    rf"(cas no\.|cat\. ?no\.|get quote|request quote|research use only|{_B}ruo{_B}"
    r"|custom synthesis|molecular weight|molecular formula|purity|bulk grade|add to cart"
    # a drug maker's page for prescribers, a compound supplier's evidence page
    r"|prescribing information|important safety information|not been reviewed by the fda"
    r"|target compound|procurement|view source"
    # a glossary of abbreviations, as such pages close: "ci=confidence interval; cr=complete"
    r"|(?:\b[a-z]{2,6}=[a-z][a-z -]{2,40}; ){2})"
)
# What a news or press piece says of a study, and of itself; and what an abstract says (its
# section headings, its first person, its identifiers); and what a review or knowledge page says.
# Each is counted as distinct marks found (lower case).
_NEWS_MARKERS = (
    rf"{_B}(announced|announces|press release|news release|said|says|stated|told|and colleagues"
    r"|presented (?:at|by)|were presented|was presented|as reported in|reported (?:in|on|by) (?:the|a)"
    r"|copyright|shares|per cent|congress|annual meeting|symposium|key findings|study details"
    rf"|prof\.|md,|fda\)? (?:granted|approved|approves)|the company|last updated){_B}|“"
)
_HASHTAG = r"(?:^|\s)#[A-Za-z]{3,}\b"
_ABSTRACT_MARKERS = (
    r"(?m)^(?:abstract|background|methods|results|conclusions?|purpose|aims?|objectives?"
    r"|patients and methods|findings|interpretation|summary|introduction)(?:\s*[:.–-]|\s*$)"
    rf"|{_B}(?:we (?:report|conducted|randomly|randomized|investigated|evaluated|studied"
    r"|retrospectively|assessed|analy[sz]ed|compared|enrolled|present|describe)|here,? we"
    r"|this (?:article|study|trial) (?:reports|was registered)|in this (?:[\w-]+,? ){0,4}(?:study|trial)"
    r"|the primary (?:end ?point|objective|outcome) was|pmid|pmcid|doi)"
    rf"{_B}"
)
_REVIEW_MARKERS = (
    rf"{_B}(published in|the evidence for|evidence summary|guidelines?|a second study|several trials"
    r"|meta-analys[ie]s|recommend(?:ed|s|ation)?|narrative review|systematic review|this review)"
    rf"{_B}"
)
# A line that is only a numbered trial's name, maybe with a trial noun or its registry number: a
# card's or a section's heading on a page that reports several trials one after the other
# ("KEYNOTE-590", "CheckMate 648", "ORION-15 trial:", "IMbrave150 (NCT03434379)"); its head has three
# letters or more and is no marker, scale, meeting, endpoint or regimen ("TP53", "EQ-5D", "ERBB2",
# "ASCO 2023", "FOLFOX-4", "Table 1"), and its number is no year. A review's table copied a cell a
# line heads each trial's cells so, with the references it cites after it ("CLL10 [18, 21]").
_TRIAL_HEADING_SHAPE = (
    # (the number's parts: separated from each other, so that a run of digits has one reading,
    # the engine no choice between its splits: "OS 412 398 371 ..." is read in linear time)
    r"^(?:[A-Z]-)?[A-Z][A-Za-z]*[A-Z][A-Za-z]*"
    r"(?:[A-Za-z]*\d[A-Za-z0-9]*(?:[- ][A-Za-z]*\d[A-Za-z0-9]*)*"
    r"|(?:[- ][A-Za-z]*\d[A-Za-z0-9]*)+)"
    r"(?:\s+(?:[Tt]rial|[Ss]tudy))?(?:\s*\(NCT\d{8}\))?"
    r"(?:\s*\[\d{1,3}(?:\s*[,\u2013-]\s*\d{1,3})*\])?\s*[,:;]?$"
)
_HEADING_HEAD = r"^(?:[A-Z]-)?[A-Za-z]{3,}"
_YEAR_NUMBER = r"[- ](?:19|20)\d\d(?:\s|$)"


@functools.cache
def _not_a_trial_head() -> str:
    """The heads no trial heading has, upper case (markers, scales, endpoints, regimens, captions)."""
    regimens = agent_vocab.regimens()
    names = {
        n.upper()
        for n in [
            *regimens.get_column("regimen").to_list(),
            *(x for v in regimens.get_column("synonyms").to_list() for x in v.split("|") if x),
        ]
    }
    words = (NOT_TRIAL_HEADS - DISEASE_INITIALS) | names | {"TABLE", "FIGURE", "FIG"}

    def alternation(heads: frozenset[str] | set[str]) -> str:
        return "|".join(sorted(map(re.escape, heads), key=len, reverse=True))

    # (a disease's initials with a number glued to them name a study group's trial: "CLL8",
    # "AML17"; with a space or hyphen they do not: "NSCLC 2", "HCC-1"; nor a gene: "AML1")
    return (
        rf"^(?:[A-Z]-)?(?:(?:{alternation(words)})(?:[-\s\d]|$)"
        rf"|(?:{alternation(DISEASE_INITIALS)})(?:[-\s]|$)"
        rf"|(?:{alternation(DISEASE_NUMBERED_GENES)})(?:\D|$))"
    )


def trial_heading(line: pl.Expr) -> pl.Expr:
    """Whether each line is only a numbered trial's name (see _TRIAL_HEADING_SHAPE)."""
    return (
        line.str.contains(_TRIAL_HEADING_SHAPE)
        & line.str.contains(_HEADING_HEAD)
        & ~line.str.to_uppercase().str.contains(_not_a_trial_head())
        & ~line.str.contains(_YEAR_NUMBER)
    )


@functools.cache
def _heading_patterns() -> tuple[re.Pattern[str], ...]:
    return (
        re.compile(_TRIAL_HEADING_SHAPE),
        re.compile(_HEADING_HEAD),
        re.compile(_not_a_trial_head()),
        re.compile(_YEAR_NUMBER),
    )


_HEADING_WORDS = 5  # (a heading is a name, maybe with a trial noun and its references)


def is_trial_heading(line: str) -> bool:
    """trial_heading of one line, in Python (the same patterns)."""
    shape, head, not_head, year = _heading_patterns()
    return (
        len(line.split()) <= _HEADING_WORDS
        and shape.search(line) is not None
        and head.search(line) is not None
        and not_head.search(line.upper()) is None
        and year.search(line) is None
    )


# (two such headings make a page of several trials' sections)
_TRIAL_SECTIONS = 2
# A table's caption opens the page: "Table 2.", "Table 1 Landmark trials ..."
_TABLE_CAPTION = r"^\s*(?:\ufeff)?\s*table\s+\d+\b"
# A line of a table: cells separated by "|" or tabs.
_TABLE_LINE = r"\||\t.*\t"
_TABLE_SHARE = 0.6
# A result-like number: what a study report holds and a page about nothing clinical does not.
_RESULT_LIKE = r"\d\s*%|\d\s*(?:months?|weeks?|days?|years?)\b|hazard ratio|\bHR\b|\bpatients\b"
# A heading of a web article: a short line in Title Case between two paragraphs, not one of an
# abstract's own sections ("LEAP-012 Trial Details", "Overall Survival Trends").
_PARAGRAPH = 200
_HEADING_MAX = 60

# A citation line: "Journal Abbrev. 2017; 17(1):30" (year, semicolon, volume/pages).
CITATION_LINE = rf"(?m)^[^\n;]{{2,160}}?\.\s+(?:19|20)\d{{2}}{_B}[^\n;]{{0,24}};\s*[^\n]*?\d"
_LONG_LINE = 300
# how much of a text its self-description (news, abstract, review marks) is read in
_HEAD = 20_000
# A conference abstract's numbered heading, as a meeting's digest lists them: "Abstract 7000:
# Final results of ...", "Abstract LBA5. ...", "Abstract #1012 - ..." (each opens a record:
# etl.documents.records)
NUMBERED_ABSTRACT = (
    r"^Abstract\s+(?:#\s*|No\.?\s*)?(?:LBA|[A-Z]{1,3})?\d{1,5}[A-Z]?\s*[:.\-\u2013\u2014]\s+\S"
)
# A line that only rules off what is above it from what is below ("---", "* * *", "____"): a page
# of long paragraphs between such lines is a collection, a record between each two (etl.documents.
# records)
RULE_LINE = r"^(?:[-*_=—–]\s*){3,}$"
# A collection of one abstract per line (a PubMed text export): most lines long, and either
# enough of them that they cannot be the paragraphs of one text, or each opening an abstract.
_LINE_COLLECTION = 8
_OPENING_LABEL = (
    r"^\ufeff?(?:BACKGROUND|PURPOSE|OBJECTIVES?|AIMS?|INTRODUCTION|CONTEXT"
    r"|Background|Purpose|Objectives?|Aims?|Introduction)\s*:"
)
# A line that opens with a later section's label ("METHODS:", "RESULTS:", "Conclusions:") is a
# section of the abstract before it, on a line of its own (as a PubMed page is copied), not an
# abstract of a collection.
_SECTION_LABEL = (
    r"^(?:[A-Z][A-Z ()/&,-]{2,40}|Methods|Results|Conclusions?|Findings|Interpretation"
    r"|Patients and methods|Materials and methods|Design|Setting|Participants)\s*:"
)
# A pattern ignoring case ("(?i)") finds in a text what the pattern finds in its lower case, but
# for texts that hold one of these: ſ and the Kelvin sign match "s" and "k" ignoring case (not
# in lower case: ſ stays ſ) and the Kelvin sign and İ turn to ASCII letters in lower case (word
# characters to an ASCII \b, where they were not). Ignoring case, polars' regex engine reads a
# text about eight times slower (0.34 s against 0.05 s for the vendor marks in 70 MB).
_CASE_FOLDS_APART = "[ſ\u212aİ]"


def _n_distinct(pattern: str, text: pl.Expr | None = None) -> pl.Expr:
    """The number of different matches of ``pattern`` (lower case) in ``text``, in any case."""
    text = pl.col("text") if text is None else text
    apart = text.str.contains(_CASE_FOLDS_APART)
    caseless = (
        pl.when(apart)
        .then(text)
        .str.extract_all("(?i)" + pattern)
        .list.eval(pl.element().str.to_lowercase())
    )
    lower = pl.when(~apart).then(text.str.to_lowercase()).str.extract_all(pattern)
    return pl.coalesce(caseless, lower).list.n_unique().fill_null(0)


def _headings(lines: pl.Expr) -> pl.Expr:
    """How many lines are headings of a web article (see _PARAGRAPH)."""
    line = pl.element()
    long = line.str.len_chars() >= _PARAGRAPH
    heading = (
        (line.str.len_chars().is_between(3, _HEADING_MAX))
        & line.str.contains(
            r"^[A-Z0-9][\w-]*(?:\s+(?:[A-Z0-9][\w/-]*|of|and|in|the|with|for|vs\.?))+$"
        )
        & ~line.str.to_lowercase().str.contains(
            r"^(?:abstract|background|methods|results|conclusions?|purpose|patients and methods"
            r"|findings|interpretation|summary|introduction|key points|visual abstract)$"
        )
    )
    return (
        lines.list.eval(pl.element().filter(pl.element().str.len_chars() > 0))
        .list.eval(
            (heading & long.shift(1).fill_null(False) & long.shift(-1).fill_null(False)).cast(
                pl.Int32
            )
        )
        .list.sum()
    )


def _signatures() -> dict[str, pl.Expr]:
    """What the kind of a text is told from, each by one expression of its ``text``."""
    text = pl.col("text")
    head = text.str.slice(0, _HEAD)
    lines = text.str.split("\n").list.eval(pl.element().str.strip_chars())
    filled = lines.list.eval(pl.element().filter(pl.element().str.len_chars() > 0))
    chars = filled.list.eval(pl.element().str.len_chars()).list.sum()
    table_chars = filled.list.eval(
        pl.element().filter(pl.element().str.contains(_TABLE_LINE)).str.len_chars()
    ).list.sum()
    return {
        "_empty": text.str.len_chars() == 0,
        "_registry": _n_distinct(_REGISTRY_LABELS),
        "_design": _n_distinct(rf"{_B}(?:{_DESIGN_LABELS}){_B}"),
        "_citations": text.str.count_matches(CITATION_LINE),
        "_vendor": _n_distinct(_VENDOR_MARKERS),
        "_lines": filled.list.len(),
        "_long": lines.list.eval(
            pl.element().filter(pl.element().str.len_chars() >= _LONG_LINE)
        ).list.len(),
        "_openings": filled.list.eval(
            pl.element().str.contains(_OPENING_LABEL).cast(pl.Int32)
        ).list.sum(),
        "_sections": filled.list.eval(
            (
                pl.element().str.contains(_SECTION_LABEL)
                & ~pl.element().str.contains(_OPENING_LABEL)
                & (pl.element().str.len_chars() >= _LONG_LINE)
            ).cast(pl.Int32)
        ).list.sum(),
        # (a table page opens with its caption, maybe under the line of the paper it is from:
        # ". 2018 Sep 28;1(1):40-49. doi: ...", then "Table 5.")
        "_caption": filled.list.head(2)
        .list.eval(pl.element().str.to_lowercase().str.contains(_TABLE_CAPTION))
        .list.any(),
        "_table_share": (table_chars / chars).fill_nan(0.0).fill_null(0.0),
        "_table_lines": filled.list.eval(
            pl.element().str.contains(_TABLE_LINE).cast(pl.Int32)
        ).list.sum(),
        # (hashtags: a post of a news feed; two or more count as two marks)
        # what a text says of itself is said near its start: these are read in its head (a
        # collection of a thousand abstracts is not read through for them)
        "_news": _n_distinct(_NEWS_MARKERS, head) + head.str.count_matches(_HASHTAG).clip(0, 2),
        "_abstract": _n_distinct(_ABSTRACT_MARKERS, head),
        "_review": _n_distinct(_REVIEW_MARKERS, head),
        "_headings": _headings(head.str.split("\n").list.eval(pl.element().str.strip_chars())),
        "_results": head.str.contains(_RESULT_LIKE),
        "_trial_headings": filled.list.eval(trial_heading(pl.element()).cast(pl.Int32)).list.sum(),
        "_rules": filled.list.eval(pl.element().str.contains(RULE_LINE).cast(pl.Int32)).list.sum(),
        "_numbered": filled.list.eval(
            pl.element().str.contains(NUMBERED_ABSTRACT).cast(pl.Int32)
        ).list.sum(),
    }


def _kind(s: dict[str, pl.Expr]) -> pl.Expr:
    """The first family whose signature the text carries. A text of prose that is none of the
    others is a news piece, a review page or an abstract by what it says of itself (a page whose
    lines head several trials' sections is a review page); an abstract
    whose records (etl.documents.abstracts) turn out to be several becomes a collection later."""
    news = (
        ((s["_news"] >= 2) & (s["_news"] >= s["_abstract"]))
        | ((s["_news"] >= 1) & (s["_abstract"] == 0))
        | ((s["_headings"] >= 2) & (s["_abstract"] <= 1))
    )
    return (
        pl.when(s["_empty"])
        .then(pl.lit(_OTHER))
        .when((s["_registry"] >= 3) & (s["_registry"] - s["_design"] >= 2))
        .then(pl.lit(code("document_kind", "registry_record")))
        .when(s["_citations"] >= 2)
        .then(pl.lit(code("document_kind", "publication_listing")))
        .when(s["_caption"] | ((s["_table_share"] >= _TABLE_SHARE) & (s["_table_lines"] >= 3)))
        .then(pl.lit(code("document_kind", "trial_table")))
        .when(s["_vendor"] >= 2)
        .then(pl.lit(code("document_kind", "vendor_sheet")))
        # (a meeting's digest of numbered abstracts, however newsy its introduction)
        .when(s["_numbered"] >= 2)
        .then(pl.lit(ABSTRACT_COLLECTION))
        # (pieces ruled off from each other, each a long paragraph or more: abstracts one after
        # the other, whatever a piece says of itself)
        .when(
            (s["_rules"] >= 1)
            & (s["_long"] >= 2)
            & (s["_long"] >= 0.8 * (s["_lines"] - s["_rules"]))
        )
        .then(pl.lit(ABSTRACT_COLLECTION))
        .when(news)
        .then(pl.lit(code("document_kind", "news_article")))
        .when(
            # (long lines that are sections of the abstract before them are none of its abstracts)
            (s["_long"] - s["_sections"] >= 0.8 * (s["_lines"] - s["_sections"]))
            & (
                (s["_lines"] - s["_sections"] >= _LINE_COLLECTION)
                | ((s["_lines"] > 1) & (s["_openings"] >= 2))
            )
        )
        .then(pl.lit(ABSTRACT_COLLECTION))
        .when(
            ((s["_review"] >= 2) | (s["_trial_headings"] >= _TRIAL_SECTIONS))
            & (s["_abstract"] <= 1)
            & (s["_news"] <= 1)
        )
        .then(pl.lit(code("document_kind", "review")))
        .when((s["_abstract"] >= 1) | s["_results"])
        .then(pl.lit(ABSTRACT))
        .otherwise(pl.lit(_OTHER))
        .alias("document_kind")
    )


def document_kind_expr() -> pl.Expr:
    """Kind of each row's ``text``, as one expression."""
    return _kind(_signatures())


def with_document_kind(files: pl.DataFrame) -> pl.DataFrame:
    """``files`` with the ``document_kind`` of each; its signatures are read side by side, each
    on a core (as one expression, they are read one after the other)."""
    signatures = _signatures()
    return (
        files.with_columns(**signatures)
        .with_columns(_kind({name: pl.col(name) for name in signatures}))
        .drop(list(signatures))
    )
