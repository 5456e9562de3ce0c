"""Study design of a record, from the wording of its text (first matching rule wins)."""

from __future__ import annotations

import polars as pl

_RULES: tuple[tuple[str, str], ...] = (
    (
        "meta-analysis",
        r"meta-analys[ie]s|pooled analysis of \w+ (?:randomi[sz]ed )?(?:trials|studies)",
    ),
    (
        "case report",
        r"case report|case presentation|\bcase series\b|we (?:present|report|describe) (?:a|an|the|two|three) "
        r"(?:\w+ )?(?:case|patient)|\b\d+[- ]year[- ]old (?:man|woman|male|female|gentleman|lady|patient|boy|girl)",
    ),
    (
        "review",
        r"\b(?:systematic|narrative|literature|comprehensive|brief|mini-?|this|a|our)\s+review\b"
        # (a review of the literature, not a regulator's: "the FDA on its review of drug A",
        # "priority review", "independent review committee")
        r"|\b(?:article|paper|chapter)\s+reviews\b|\bwe\s+(?:\w+\s+)?review\b"
        # (what was reviewed says which: "we reviewed the literature", not "reviewed all scans")
        r"|\bwe\s+(?:\w+\s+)?reviewed\s+(?:the\s+)?(?:literature|published|available|evidence"
        r"|studies|trials)"
        r"|\breviews? (?:of|on) (?:the )?(?:literature|evidence|published|recent|current|available"
        r"|studies|trials|data|clinical)|\breview(?:s|ed)? (?:summari[sz]|recent|current)"
        r"|this (?:article|paper|chapter) (?:summari[sz]es|discusses|focuses)"
        r"|we (?:review|summari[sz]e|discuss) (?:the|recent|current)|this study summari[sz]es",
    ),
    (
        "single-arm trial",
        r"single[- ]arm|single[- ]group|non-?randomi[sz]ed",
    ),
    (
        "rct",
        r"\brandomi[sz]ed (?:\w+[ ,-]+){0,6}(?:trial|study)\b|were randomi[sz]ed|randomly (?:assigned|allocated)"
        r"|\brandomi[sz]ed to\b|\brandomi[sz]ation\b",
    ),
    (
        # a phase 3 trial that does not say it randomised ("In the phase III X study, A improved
        # RFS versus B"): phase 3 trials compare arms (its words may also name cells: "CD8+ T
        # cells", which would otherwise make it preclinical)
        "rct",
        r"\b(?:the|a|an|this|our)\s+(?:(?:randomi[sz]ed|multicent(?:er|re)|international|global"
        r"|pivotal|open-label|double-blind|placebo-controlled),?\s+)*phase (?:iii|3)\b[^.]{0,60}"
        r"\b(?:trial|study)",
    ),
    (
        # weaker cues than a randomisation statement: an early-phase or dose-finding trial
        "single-arm trial",
        r"\bphase (?:i{1,2}|1|2)[ab]?\b[^.]{0,60}\b(?:trial|study)|dose[- ](?:escalation|expansion)",
    ),
    (
        "cohort",
        r"retrospective|prospective|\bcohort\b|consecutive patients|patients (?:were|who were) "
        r"(?:enrolled|included|identified|reviewed)|medical records|real-world",
    ),
    (
        "preclinical",
        r"\bin vitro\b|\bin vivo\b|xenograft|\bmice\b|\bmouse\b|\brats?\b|\brabbits?\b|cell lines?\b|\bcells\b",
    ),
)


def study_type_expr() -> pl.Expr:
    text = pl.col("record_text").str.to_lowercase()
    expr = pl.when(text.str.contains(_RULES[0][1])).then(pl.lit(_RULES[0][0]))
    for code, pattern in _RULES[1:]:
        expr = expr.when(text.str.contains(pattern)).then(pl.lit(code))
    return expr.otherwise(pl.lit("other")).alias("study_type")
