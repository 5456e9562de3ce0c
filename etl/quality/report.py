"""The data-quality report: reports/quality.md (for CI logs) and reports/quality.html
(self-contained: inline CSS, no scripts, nothing fetched from the network)."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from etl.load import connect
from etl.settings import Settings

RESULTS_TABLE = "quality_results"
RESULTS_SCHEMA = {
    "suite": pl.String,
    "rule": pl.String,  # named <suite>.<rule> in audit_rejections
    "expectation": pl.String,
    "column_name": pl.String,
    "severity": pl.String,  # blocking | warning
    "success": pl.Boolean,
    "n_checked": pl.Int64,
    "n_failed": pl.Int64,
    "description": pl.String,
    "failing_ids": pl.String,
}
FAILURES_TABLE = "quality_failures"
FAILURES_SCHEMA = {
    "suite": pl.String,
    "rule": pl.String,
    "severity": pl.String,
    "row_id": pl.String,  # the mart's key (expectations' ID_COLUMN)
    "description": pl.String,
    "checked": pl.String,  # the values the rule read, "value=13.3, ci_lower=100.0"
    "source_file": pl.String,
    "char_start": pl.Int64,
    "char_end": pl.Int64,
    "evidence": pl.String,
}
_MAX_ROWS = 50
_MAX_EVIDENCE = 240


@dataclass(frozen=True)
class ReportData:
    counts: dict[str, int]
    results: pl.DataFrame
    rejections: pl.DataFrame
    failures: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema=FAILURES_SCHEMA))
    # for curation: (title, what it means, rows), listed only when there are rows
    curation: tuple[tuple[str, str, pl.DataFrame], ...] = ()


# What an analyst should look at by hand: it passed the rules, but the build could not settle it.
_CURATION = (
    (
        "Agents to curate",
        "'drug-like name only': a name with a drug stem that no vocabulary knows (its class, if "
        "any, is its stem's): check the spelling, then add it to etl/vocab/agents.csv. 'drug "
        "lexicon': a drug the lexicon knows whose INN carries no class stem "
        "(etl/vocab/agents.py INN_CLASSES): add its class and modality to etl/vocab/agents.csv.",
        "dim_agents",
        "select name, case when is_known then 'drug lexicon' else 'drug-like name only' end "
        "as known_as, agent_class, synonyms, n_mentions, n_publications from main.dim_agents "
        "where agent_class = 'unclassified' or not is_known order by n_mentions desc, name",
    ),
    (
        "Trials whose sources disagree",
        "Design facts stated differently by two sources; dim_trials keeps the most "
        "authoritative (registry > full report > review).",
        "dim_trials",
        "select trial_id, coalesce(acronym, nct_id, 'unnamed') as trial, disagreeing_facts, "
        "n_sources from main.dim_trials where disagreeing_facts <> '' order by trial",
    ),
    (
        "Outcome conflicts",
        "The same trial, arm, endpoint, measure and time point reported with different values "
        "(fct_outcome_conflicts); both numbers stay in fct_outcomes.",
        "fct_outcome_conflicts",
        "select c.conflict_id, coalesce(t.acronym, t.nct_id, c.trial_id) as trial, c.endpoint, "
        "c.measure, c.timepoint_months, c.arm_label, c.value_a, c.value_b, c.source_file_a, "
        "c.source_file_b from main.fct_outcome_conflicts c left join main.dim_trials t "
        "using (trial_id) order by trial, c.endpoint, c.arm_label",
    ),
)


@dataclass(frozen=True)
class Written:
    markdown: str
    paths: list[Path]


def _table_exists(con, name: str) -> bool:
    return bool(
        con.execute(
            "select count(*) from information_schema.tables where table_schema = 'main' and table_name = ?",
            [name],
        ).fetchall()[0][0]
    )


def load_report_data(warehouse: Path) -> ReportData:
    with connect(warehouse, read_only=True) as con:
        counts = {
            t: con.execute(f"select count(*) from main.{t}").fetchall()[0][0]
            for t in (
                "dim_documents",
                "dim_publications",
                "fct_outcomes",
                "dim_trials",
                "dim_arms",
                "dim_agents",
                "fct_outcome_conflicts",
                "audit_rejections",
                FAILURES_TABLE,
            )
            if _table_exists(con, t)
        }
        results = (
            con.sql(f"select * from main.{RESULTS_TABLE}").pl()
            if _table_exists(con, RESULTS_TABLE)
            else pl.DataFrame(schema=RESULTS_SCHEMA)
        )
        rejections = (
            con.sql(
                "select severity, stage, source_file, rule, detail from main.audit_rejections "
                "order by severity, stage, source_file, rule"
            ).pl()
            if _table_exists(con, "audit_rejections")
            else pl.DataFrame(
                schema={
                    c: pl.String for c in ("severity", "stage", "source_file", "rule", "detail")
                }
            )
        )
        failures = (
            con.sql(
                f"select * from main.{FAILURES_TABLE} order by severity, suite, rule, row_id"
            ).pl()
            if _table_exists(con, FAILURES_TABLE)
            else pl.DataFrame(schema=FAILURES_SCHEMA)
        )
        curation = tuple(
            (title, meaning, con.sql(sql).pl())
            for title, meaning, table, sql in _CURATION
            if _table_exists(con, table)
        )
    return ReportData(counts, results, rejections, failures, curation)


def _verdict(results: pl.DataFrame) -> tuple[str, int, int]:
    failed = results.filter(~pl.col("success"))
    n_blocking = failed.filter(pl.col("severity") == "blocking").height
    n_warning = failed.filter(pl.col("severity") == "warning").height
    verdict = "FAILED" if n_blocking else ("PASSED with warnings" if n_warning else "PASSED")
    return verdict, n_blocking, n_warning


def _md_cell(value: object) -> str:
    return str("" if value is None else value).replace("|", "\\|").replace("\n", " ")[:300]


def _md_table(frame: pl.DataFrame) -> list[str]:
    return [
        "| " + " | ".join(frame.columns) + " |",
        "|" + "---|" * frame.width,
        *["| " + " | ".join(_md_cell(v) for v in row) + " |" for row in frame.iter_rows()],
    ]


def _failing_rows(failures: pl.DataFrame) -> pl.DataFrame:
    """The first failing rows, each with where it comes from and the sentence it was read from."""
    return failures.head(_MAX_ROWS).select(
        "severity",
        pl.concat_str("suite", "rule", separator=".").alias("rule"),
        "row_id",
        "checked",
        pl.concat_str(
            "source_file",
            pl.format("[{}:{}]", "char_start", "char_end").fill_null(""),
            ignore_nulls=True,
        ).alias("source"),
        pl.col("evidence").str.slice(0, _MAX_EVIDENCE),
    )


def render_markdown(data: ReportData) -> str:
    verdict, n_blocking, n_warning = _verdict(data.results)
    lines = [
        "# Data-quality report",
        "",
        f"**{verdict}**: {data.results.height} rules checked, {n_blocking} blocking failed, "
        f"{n_warning} warnings; {data.rejections.height} rows in audit_rejections.",
        "",
        "| table | rows |",
        "|---|---|",
        *[f"| {t} | {n} |" for t, n in data.counts.items()],
        "",
    ]
    failed = data.results.filter(~pl.col("success")).sort("severity", "suite")
    if failed.height:
        lines += [
            "## Failed rules",
            "",
            "| severity | rule | what it checks | failed rows | ids |",
            "|---|---|---|---|---|",
        ]
        lines += [
            f"| {r['severity']} | {r['suite']}.{r['rule']} | {_md_cell(r['description'])} "
            f"| {r['n_failed']} | {_md_cell(r['failing_ids'])} |"
            for r in failed.iter_rows(named=True)
        ]
        lines.append("")
    if data.failures.height:
        lines += ["## Failing rows", "", *_md_table(_failing_rows(data.failures))]
        if data.failures.height > _MAX_ROWS:
            lines.append(
                f"\n… and {data.failures.height - _MAX_ROWS} more rows in {FAILURES_TABLE}."
            )
        lines.append("")
    if data.rejections.height:
        lines += [
            "## Rejected input (audit_rejections)",
            "",
            "| severity | stage | file | rule | detail |",
            "|---|---|---|---|---|",
        ]
        lines += [
            f"| {r['severity']} | {r['stage']} | {_md_cell(r['source_file'])} | {_md_cell(r['rule'])} | {_md_cell(r['detail'])} |"
            for r in data.rejections.head(_MAX_ROWS).iter_rows(named=True)
        ]
        if data.rejections.height > _MAX_ROWS:
            lines.append(
                f"\n… and {data.rejections.height - _MAX_ROWS} more rows in audit_rejections."
            )
        lines.append("")
    for title, meaning, rows in data.curation:
        if rows.height:
            lines += [f"## {title} ({rows.height})", "", meaning, ""]
            lines += _md_table(rows.head(_MAX_ROWS))
            if rows.height > _MAX_ROWS:
                lines.append(f"\n… and {rows.height - _MAX_ROWS} more.")
            lines.append("")
    passed = data.results.filter(pl.col("success")).height
    lines.append(f"{passed} of {data.results.height} rules passed.")
    return "\n".join(lines) + "\n"


_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem;color:#1f2933}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}
td,th{border:1px solid #cbd2d9;padding:.3rem .6rem;text-align:left;vertical-align:top}
th{background:#f0f4f8}.FAILED{color:#b00020}.PASSED{color:#1b7f3b}.warn{color:#8a5a00}
tr.blocking td:first-child{color:#b00020;font-weight:600}tr.warning td:first-child{color:#8a5a00}
"""


def _html_table(frame: pl.DataFrame, row_class: str | None = None) -> str:
    head = "".join(f"<th>{html.escape(c)}</th>" for c in frame.columns)
    body = []
    for row in frame.iter_rows(named=True):
        cls = f' class="{html.escape(str(row[row_class]))}"' if row_class else ""
        cells = "".join(
            f"<td>{html.escape(str('' if v is None else v))}</td>" for v in row.values()
        )
        body.append(f"<tr{cls}>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def render_html(data: ReportData) -> str:
    verdict, n_blocking, n_warning = _verdict(data.results)
    counts = pl.DataFrame({"table": list(data.counts), "rows": list(data.counts.values())})
    results = data.results.select(
        "severity",
        "success",
        pl.concat_str("suite", "rule", separator=".").alias("rule"),
        "description",
        "n_checked",
        "n_failed",
        "failing_ids",
    ).sort("success", "severity", "rule")
    failing = (
        f"<h2>Failing rows ({data.failures.height})</h2>"
        f"{_html_table(_failing_rows(data.failures), row_class='severity')}"
        if data.failures.height
        else ""
    )
    css_class = verdict.split()[0]
    curation = "".join(
        f"<h2>{html.escape(title)} ({rows.height})</h2><p>{html.escape(meaning)}</p>"
        f"{_html_table(rows)}"
        for title, meaning, rows in data.curation
        if rows.height
    )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Data-quality report</title><style>{_CSS}</style></head>
<body><h1>Data-quality report: <span class="{css_class}">{html.escape(verdict)}</span></h1>
<p>{data.results.height} rules checked, {n_blocking} blocking failed, {n_warning} warnings;
{data.rejections.height} rows in audit_rejections.</p>
<h2>Tables</h2>{_html_table(counts)}
<h2>Rules</h2>{_html_table(results, row_class="severity")}
{failing}
<h2>Rejected input (audit_rejections)</h2>{_html_table(data.rejections, row_class="severity")}
{curation}
</body></html>
"""


def write_report(settings: Settings) -> Written:
    data = load_report_data(settings.warehouse)
    settings.reports_dir.mkdir(parents=True, exist_ok=True)
    markdown = render_markdown(data)
    md_path = settings.reports_dir / "quality.md"
    html_path = settings.reports_dir / "quality.html"
    md_path.write_text(markdown, encoding="utf-8")
    html_path.write_text(render_html(data), encoding="utf-8")
    return Written(markdown, [md_path, html_path])
