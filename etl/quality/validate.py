"""Runs the GX suites of ``expectations/`` over the marts read from DuckDB into dataframes
(GX's SQL data source does not work with DuckDB), and records the outcome: one row per rule
(``quality_results``), one row per failing mart row with its evidence (``quality_failures``, and
the same rows in ``audit_rejections``)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from etl.load import append_audit, connect
from etl.quality.frames import mart_frames, staging_counts
from etl.quality.offline import make_offline
from etl.quality.report import (
    FAILURES_SCHEMA,
    FAILURES_TABLE,
    RESULTS_SCHEMA,
    RESULTS_TABLE,
    write_report,
)
from etl.settings import Settings

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

_MAX_IDS = 20  # ids listed with a rule in quality_results
MAX_FAILURES_PER_RULE = 1000  # failing rows kept per rule (the count is always exact)


@dataclass(frozen=True)
class ValidationOutcome:
    ok: bool
    results: pl.DataFrame
    failures: pl.DataFrame
    markdown: str
    data_docs: Path | None
    evidence: str = ""  # what became of reports/evidence.html (a line to print)


def gx_context(reports_dir: Path):
    """An ephemeral GX context whose Data Docs go to ``reports_dir/data_docs``."""
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    for name in list(context.list_data_docs_sites()):  # (the default writes to a random /tmp dir)
        context.delete_data_docs_site(name)
    site = {
        "class_name": "SiteBuilder",
        "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        "store_backend": {
            "class_name": "TupleFilesystemStoreBackend",
            "base_directory": str((reports_dir / "data_docs").resolve()),
        },
        "show_how_to_buttons": False,
    }
    context.add_data_docs_site(site_name="local", site_config=site)
    return context


def _checked_values(item: dict, id_column: str) -> str:
    return ", ".join(f"{k}={v}" for k, v in item.items() if k != id_column)


def _failing_rows(result: dict, id_column: str) -> list[tuple[str | None, str]]:
    """(row id, the checked values) of each failing row GX names, in its order, once per id."""
    seen: dict[str | None, str] = {}
    for item in result.get("partial_unexpected_index_list") or []:
        if isinstance(item, dict) and id_column in item:
            key = item[id_column]
            key = None if key is None or key != key else str(key)  # (NaN: a null id)
            seen.setdefault(key, _checked_values(item, id_column))
    return list(seen.items())


def _rule_result(suite: str, res, id_column: str) -> tuple[dict, list[tuple[str | None, str]]]:
    config = res.expectation_config
    meta = config.meta or {}
    result = res.result or {}
    table_level = config.type.startswith("expect_table")
    failing = [] if res.success else _failing_rows(result, id_column)
    detail = None
    if not res.success and table_level:
        detail = f"observed {result.get('observed_value')}, expected {config.kwargs.get('value')}"
    if res.exception_info and res.exception_info.get("raised_exception"):
        detail = f"the rule could not run: {res.exception_info.get('exception_message')}"
    row = {
        "suite": suite,
        "rule": meta.get("rule", config.type),
        "expectation": config.type,
        "column_name": config.kwargs.get("column")
        or ", ".join(
            str(config.kwargs[k]) for k in ("column_A", "column_B") if config.kwargs.get(k)
        )
        or None,
        "severity": meta.get("severity", "blocking"),
        "success": bool(res.success),
        "n_checked": result.get(
            "element_count", result.get("observed_value") if table_level else None
        ),
        "n_failed": result.get("unexpected_count", 0 if res.success else 1),
        "description": config.description or config.type,
        "failing_ids": ", ".join(i or "(no id)" for i, _ in failing[:_MAX_IDS]) or detail,
    }
    return row, failing


def _failures_frame(
    suite: str, rule: dict, failing: list[tuple[str | None, str]], frame: pl.DataFrame, module
) -> pl.DataFrame:
    """The failing rows of one rule, located in their source where the mart says where."""
    kept = failing[:MAX_FAILURES_PER_RULE]
    ids = pl.DataFrame(
        {"row_id": [i for i, _ in kept], "checked": [c for _, c in kept]},
        schema={"row_id": pl.String, "checked": pl.String},
    )
    names = ("source_file", "char_start", "char_end", "evidence")
    located = [
        (pl.col(column) if column else pl.lit(None)).alias(name)
        for name, column in zip(names, module.EVIDENCE or (None,) * 4, strict=True)
    ]
    where = frame.select(pl.col(module.ID_COLUMN).cast(pl.String).alias("row_id"), *located).unique(
        "row_id", keep="first", maintain_order=True
    )
    return (
        ids.join(where, on="row_id", how="left", maintain_order="left")
        .with_columns(
            suite=pl.lit(suite),
            rule=pl.lit(rule["rule"]),
            severity=pl.lit(rule["severity"]),
            description=pl.lit(rule["description"]),
        )
        .select(list(FAILURES_SCHEMA))
        .cast(FAILURES_SCHEMA)
    )


def _for_gx(frame: pl.DataFrame, id_column: str):
    """``frame`` as pandas, in the dtypes pandas copies fastest: GX filters and copies the frame
    for each rule (code columns as categoricals: small integers, not strings; facts as nullable
    booleans, not Python objects)."""
    codes = [
        c
        for c, dtype in frame.schema.items()
        if dtype == pl.String and c != id_column and frame.get_column(c).n_unique() <= 1000
    ]
    pdf = frame.with_columns(pl.col(codes).cast(pl.Categorical)).to_pandas()
    for c, dtype in frame.schema.items():  # (with nulls, polars gives object columns: slow)
        if dtype == pl.Boolean:
            pdf[c] = pdf[c].astype("boolean")
        elif c == id_column and dtype == pl.String:
            pdf[c] = pdf[c].astype(object)
    return pdf


class SuiteRunner:
    """Runs every suite over its mart. Keeps one GX context, and each suite's validation
    definition for as long as the staging counts it was built with hold (building them is a
    large part of GX's cost on small marts)."""

    def __init__(self, reports_dir: Path) -> None:
        self.reports_dir = reports_dir
        self.context = gx_context(reports_dir)
        self.source = self.context.data_sources.add_pandas(name="marts")
        self._definitions: dict[str, tuple[tuple, object]] = {}

    def _definition(self, name: str, module, ctx):
        import great_expectations as gx

        key = tuple(sorted(ctx.staging_counts.items()))
        cached = self._definitions.get(name)
        if cached is None or cached[0] != key:
            asset = next((a for a in self.source.assets if a.name == name), None) or (
                self.source.add_dataframe_asset(name=name)
            )
            batch = next(iter(asset.batch_definitions), None) or (
                asset.add_batch_definition_whole_dataframe(f"{name}_all")
            )
            suite = self.context.suites.add_or_update(
                gx.ExpectationSuite(name=name, expectations=module.expectations(ctx))
            )
            definition = self.context.validation_definitions.add_or_update(
                gx.ValidationDefinition(name=f"{name}_validation", data=batch, suite=suite)
            )
            self._definitions[name] = (key, definition)
        return self._definitions[name][1]

    @staticmethod
    def _read_columns(expectations, frame: pl.DataFrame, id_column: str) -> list[str]:
        """The columns ``expectations`` read (GX copies the frame for each metric it computes:
        the fewer columns, the less it copies)."""
        wanted = {id_column}
        for e in expectations:
            config = e.configuration.kwargs
            wanted |= {config.get(k) for k in ("column", "column_A", "column_B")}
            wanted |= set(config.get("column_list") or ())
            condition = repr(getattr(e, "row_condition", None) or "")
            wanted |= {c for c in frame.columns if c in condition}
        return [c for c in frame.columns if c in wanted]

    def run(
        self,
        frames: dict[str, pl.DataFrame],
        counts: dict[str, int],
        suites: Iterable[str] | None = None,
    ) -> tuple[pl.DataFrame, pl.DataFrame]:
        """(one row per rule, one row per failing mart row) of ``suites`` (default: all)."""
        from expectations import SUITES, SuiteContext

        ctx = SuiteContext(staging_counts=counts)
        rows: list[dict] = []
        failures: list[pl.DataFrame] = []
        for name in suites or SUITES:
            module, frame = SUITES[name], frames[name]
            definition = self._definition(name, module, ctx)
            read = self._read_columns(definition.suite.expectations, frame, module.ID_COLUMN)
            run = definition.run(
                batch_parameters={"dataframe": _for_gx(frame.select(read), module.ID_COLUMN)},
                result_format={
                    # (SUMMARY: the first rows by id, the count exact; COMPLETE would list every
                    # failing row, which costs minutes when a rule fails on most of a million)
                    "result_format": "SUMMARY",
                    "partial_unexpected_count": MAX_FAILURES_PER_RULE,
                    "unexpected_index_column_names": [module.ID_COLUMN],
                    "return_unexpected_index_query": False,
                },
            )
            for res in run.results:
                row, failing = _rule_result(name, res, module.ID_COLUMN)
                rows.append(row)
                if failing:
                    failures.append(_failures_frame(name, row, failing, frame, module))
        failed_rows = pl.concat(failures) if failures else pl.DataFrame(schema=FAILURES_SCHEMA)
        return pl.DataFrame(rows, schema=RESULTS_SCHEMA), failed_rows

    def data_docs(self) -> Path | None:
        try:
            self.context.build_data_docs(site_names=["local"])
        except Exception:  # Data Docs are a convenience; the report people read is quality.html
            return None
        make_offline(self.reports_dir / "data_docs")  # (GX's pages fetch from CDNs)
        return self.reports_dir / "data_docs" / "index.html"


def audit_rows(results: pl.DataFrame, failures: pl.DataFrame) -> pl.DataFrame:
    """audit_rejections rows: one per failing mart row (with its evidence), and one per failed
    rule that names no row (a row count, a rule that could not run)."""
    from etl.audit import rejections_frame

    per_row = failures.select(
        pl.col("source_file").fill_null("*"),
        pl.lit("validate").alias("stage"),
        pl.concat_str("suite", "rule", separator=".").alias("rule"),
        pl.format(
            "{} {}: {} [{}]{}",
            "suite",
            "row_id",
            "description",
            pl.col("checked").fill_null(""),
            pl.when(pl.col("evidence").is_not_null())
            .then(pl.format(" evidence: {}", pl.col("evidence").str.slice(0, 500)))
            .otherwise(pl.lit("")),
        ).alias("detail"),
        pl.col("char_start").cast(pl.Int64),
        pl.col("char_end").cast(pl.Int64),
        pl.when(pl.col("severity") == "blocking")
        .then(pl.lit("error"))
        .otherwise(pl.lit("warning"))
        .alias("severity"),
    )
    named = failures.select("suite", "rule").unique()
    unnamed = results.filter(~pl.col("success")).join(named, on=["suite", "rule"], how="anti")
    per_rule = rejections_frame(
        [
            {
                "source_file": "*",
                "stage": "validate",
                "rule": f"{r['suite']}.{r['rule']}",
                "detail": f"{r['description']}: {r['n_failed']} failing"
                + (f" ({r['failing_ids']})" if r["failing_ids"] else ""),
                "char_start": None,
                "char_end": None,
                "severity": "error" if r["severity"] == "blocking" else "warning",
            }
            for r in unnamed.iter_rows(named=True)
        ]
    )
    return pl.concat([per_rule, per_row.cast(per_rule.schema)], how="vertical")


def run_validation(settings: Settings) -> ValidationOutcome:
    with connect(settings.warehouse, read_only=True) as con:
        frames = mart_frames(con)
        counts = staging_counts(con)
    runner = SuiteRunner(settings.reports_dir)
    results, failures = runner.run(frames, counts)
    docs_index = runner.data_docs()
    audit = audit_rows(results, failures)
    with connect(settings.warehouse) as con:
        for table, frame in ((RESULTS_TABLE, results), (FAILURES_TABLE, failures)):
            con.register("_frame", frame.to_arrow())
            con.execute(f"create or replace table main.{table} as select * from _frame")
            con.unregister("_frame")
        con.execute("delete from main.audit_rejections where stage = 'validate'")
        if audit.height:
            append_audit(con, audit)
    written = write_report(settings)
    ok = results.filter(~pl.col("success") & (pl.col("severity") == "blocking")).height == 0
    return ValidationOutcome(
        ok, results, failures, written.markdown, docs_index, evidence_report(settings)
    )


def evidence_report(settings: Settings) -> str:
    """Write reports/evidence.html; what became of it, in a line. A report that cannot be drawn
    is said so plainly and does not stop the build: the warehouse is what is published."""
    from etl.evidence import write_evidence_report  # (matplotlib: imported when needed)

    try:
        done = write_evidence_report(settings.warehouse, settings.reports_dir)
    except Exception as exc:  # (any failure of the report is reported, not raised)
        return f"evidence report: NOT WRITTEN ({type(exc).__name__}: {exc})"
    return f"evidence report: {done.path} ({done.n_bytes / 1e6:.1f} MB, {done.seconds:.1f} s)"
