"""Which kind of document a file is, from its content (never its name)."""

from __future__ import annotations

import polars as pl

# Word boundaries here are ASCII ones: a Unicode \b makes polars' regex engine leave its fast
# path on any non-ASCII text (6 s instead of 0.07 s to classify a 20 MB file).
_B = r"(?-u:\b)"
# Field labels that registry pages (ClinicalTrials.gov, MedPath, ChiCTR, EU CTR ...) print, and
# the marks of vendor sheets, in lower case: they are looked for in any case.
_REGISTRY_LABELS = (
    rf"{_B}(registration number|study type|study design|inclusion criteria|exclusion criteria"
    r"|primary outcome measures?|secondary outcome measures?|recruitment status|overall status"
    r"|lead sponsor|sponsor|target recruitment|enrollment|trial locations|locations"
    r"|arms? (?:&|and|&&) interventions|eligibility criteria|study start|study completion"
    rf"|clinicaltrials\.gov identifier){_B}"
)
_VENDOR_MARKERS = (
    rf"(cas no\.|cat\. ?no\.|get quote|request quote|research use only|{_B}ruo{_B}"
    r"|custom synthesis|molecular weight|molecular formula|purity|bulk grade|add to cart)"
)
# A citation line: "Journal Abbrev. 2017; 17(1):30" (year, semicolon, volume/pages).
CITATION_LINE = rf"(?m)^[^\n;]{{2,160}}?\.\s+(?:19|20)\d{{2}}{_B}[^\n;]{{0,24}};\s*[^\n]*?\d"
_LONG_LINE = 300
# A pattern ignoring case ("(?i)") finds in a text what the pattern finds in its lower case, but
# for texts that hold one of these: ſ and the Kelvin sign match "s" and "k" ignoring case (not
# in lower case: ſ stays ſ) and the Kelvin sign and İ turn to ASCII letters in lower case (word
# characters to an ASCII \b, where they were not). Ignoring case, polars' regex engine reads a
# text about eight times slower (0.34 s against 0.05 s for the vendor marks in 70 MB).
_CASE_FOLDS_APART = "[ſ\u212aİ]"


def _n_distinct(pattern: str) -> pl.Expr:
    """The number of different matches of ``pattern`` (lower case) in ``text``, in any case."""
    text = pl.col("text")
    apart = text.str.contains(_CASE_FOLDS_APART)
    caseless = (
        pl.when(apart)
        .then(text)
        .str.extract_all("(?i)" + pattern)
        .list.eval(pl.element().str.to_lowercase())
    )
    lower = pl.when(~apart).then(text.str.to_lowercase()).str.extract_all(pattern)
    return pl.coalesce(caseless, lower).list.n_unique().fill_null(0)


def _signatures() -> dict[str, pl.Expr]:
    """What the kind of a text is told from, each by one expression of its ``text``."""
    text = pl.col("text")
    lines = text.str.split("\n").list.eval(pl.element().str.strip_chars())
    return {
        "_empty": text.str.len_chars() == 0,
        "_pubmed": text.str.contains(r"<PubmedArticle[\s>]|<!DOCTYPE PubmedArticleSet"),
        "_json": text.str.strip_chars_start("\ufeff \t\r\n").str.starts_with("{")
        & text.str.contains('"protocolSection"'),
        "_html": is_html_expr(),
        "_registry": _n_distinct(_REGISTRY_LABELS),
        "_citations": text.str.count_matches(CITATION_LINE),
        "_vendor": _n_distinct(_VENDOR_MARKERS),
        "_lines": lines.list.eval(pl.element().filter(pl.element().str.len_chars() > 0)).list.len(),
        "_long": lines.list.eval(
            pl.element().filter(pl.element().str.len_chars() >= _LONG_LINE)
        ).list.len(),
    }


def _kind(s: dict[str, pl.Expr]) -> pl.Expr:
    """The first family whose signature the text carries."""
    return (
        pl.when(s["_empty"])
        .then(pl.lit("other"))
        .when(s["_pubmed"])
        .then(pl.lit("pubmed_xml"))
        .when(s["_json"])
        .then(pl.lit("ctgov_json"))
        .when(s["_html"])
        .then(pl.lit("other"))
        .when(s["_registry"] >= 3)
        .then(pl.lit("registry_record"))
        .when(s["_citations"] >= 2)
        .then(pl.lit("publication_listing"))
        .when(s["_vendor"] >= 2)
        .then(pl.lit("vendor_sheet"))
        .when((s["_lines"] > 0) & (s["_long"] >= 0.8 * s["_lines"]))
        .then(pl.lit("abstract_collection"))
        .otherwise(pl.lit("other"))
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


def is_html_expr() -> pl.Expr:
    return pl.col("text").str.contains(r"(?i)^\s*(<!doctype html|<html)")
