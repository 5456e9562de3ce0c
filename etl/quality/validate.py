"""Runs the GX suites of ``expectations/`` over the marts read from DuckDB into dataframes
(GX's SQL data source does not work with DuckDB), and records the outcome."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from etl.audit import rejection_row, rejections_frame
from etl.load import append_audit, connect
from etl.quality.frames import mart_frames, staging_counts
from etl.quality.report import RESULTS_SCHEMA, RESULTS_TABLE, write_report
from etl.settings import Settings

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

_MAX_IDS = 20


@dataclass(frozen=True)
class ValidationOutcome:
    ok: bool
    results: pl.DataFrame
    markdown: str
    data_docs: Path | None


def _context(reports_dir: Path):
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    for name in list(
        context.list_data_docs_sites()
    ):  # the default site writes to a random /tmp dir
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


def _failing_ids(result: dict, frame, id_column: str) -> list[str]:
    index_list = result.get("unexpected_index_list") or []
    ids: list[str] = []
    for item in index_list[:_MAX_IDS]:
        if isinstance(item, dict) and id_column in item:
            ids.append(str(item[id_column]))
        elif isinstance(item, int) and item in frame.index:
            ids.append(str(frame.loc[item, id_column]))
    return ids


def run_suites(
    frames: dict, counts: dict[str, int], reports_dir: Path
) -> tuple[pl.DataFrame, Path | None]:
    import great_expectations as gx

    from expectations import SUITES, SuiteContext

    context = _context(reports_dir)
    source = context.data_sources.add_pandas(name="marts")
    ctx = SuiteContext(staging_counts=counts)
    rows: list[dict] = []
    for name, module in SUITES.items():
        frame = frames[name]
        batch = source.add_dataframe_asset(name=name).add_batch_definition_whole_dataframe(
            f"{name}_all"
        )
        suite = context.suites.add_or_update(
            gx.ExpectationSuite(name=name, expectations=module.expectations(ctx))
        )
        definition = context.validation_definitions.add_or_update(
            gx.ValidationDefinition(name=f"{name}_validation", data=batch, suite=suite)
        )
        run = definition.run(
            batch_parameters={"dataframe": frame},
            result_format={
                "result_format": "COMPLETE",
                "unexpected_index_column_names": [module.ID_COLUMN],
            },
        )
        for res in run.results:
            config = res.expectation_config
            result = res.result or {}
            rows.append(
                {
                    "suite": name,
                    "expectation": config.type,
                    "column_name": config.kwargs.get("column"),
                    "severity": (config.meta or {}).get("severity", "blocking"),
                    "success": bool(res.success),
                    "n_checked": result.get(
                        "element_count",
                        result.get("observed_value")
                        if config.type.startswith("expect_table")
                        else None,
                    ),
                    "n_failed": result.get("unexpected_count", 0 if res.success else 1),
                    "description": config.description or config.type,
                    "failing_ids": ", ".join(_failing_ids(result, frame, module.ID_COLUMN)) or None,
                }
            )
    try:
        context.build_data_docs(site_names=["local"])
        docs_index = reports_dir / "data_docs" / "index.html"
    except Exception:  # Data Docs are a convenience; the report people read is quality.html
        docs_index = None
    return pl.DataFrame(rows, schema=RESULTS_SCHEMA), docs_index


def run_validation(settings: Settings) -> ValidationOutcome:
    with connect(settings.warehouse, read_only=True) as con:
        frames = mart_frames(con)
        counts = staging_counts(con)
    results, docs_index = run_suites(frames, counts, settings.reports_dir)
    failed = results.filter(~pl.col("success"))
    audit = rejections_frame(
        [
            rejection_row(
                "*",
                "validate",
                f"{r['suite']}.{r['expectation']}({r['column_name'] or ''})",
                f"{r['description']}: {r['n_failed']} failing rows"
                + (f" ({r['failing_ids']})" if r["failing_ids"] else ""),
                severity="error" if r["severity"] == "blocking" else "warning",
            )
            for r in failed.iter_rows(named=True)
        ]
    )
    with connect(settings.warehouse) as con:
        con.register("_results", results.to_arrow())
        con.execute(f"create or replace table main.{RESULTS_TABLE} as select * from _results")
        con.unregister("_results")
        con.execute("delete from main.audit_rejections where stage = 'validate'")
        if audit.height:
            append_audit(con, audit)
    written = write_report(settings)
    ok = failed.filter(pl.col("severity") == "blocking").height == 0
    return ValidationOutcome(ok, results, written.markdown, docs_index)
