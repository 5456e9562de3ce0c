"""etl: build the oncology evidence warehouse from a folder of documents."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from etl import pipeline
from etl.settings import ENV_INPUT, ENV_REPORTS, ENV_WAREHOUSE, Settings, load_settings

_input = click.option(
    "--input",
    "input_dir",
    type=click.Path(path_type=Path, file_okay=False),
    envvar=ENV_INPUT,
    default=None,
    help=f"Folder of input documents [env {ENV_INPUT}; default seeds/].",
)
_warehouse = click.option(
    "--warehouse",
    type=click.Path(path_type=Path, dir_okay=False),
    envvar=ENV_WAREHOUSE,
    default=None,
    help=f"DuckDB file to build [env {ENV_WAREHOUSE}; default warehouse/evidence.duckdb].",
)
_reports = click.option(
    "--reports",
    "reports_dir",
    type=click.Path(path_type=Path, file_okay=False),
    envvar=ENV_REPORTS,
    default=None,
    help=f"Folder for the quality report and Data Docs [env {ENV_REPORTS}; default reports/].",
)


def _say(message: str) -> None:
    click.echo(message, err=True)


def _run_extract(settings: Settings) -> pipeline.ExtractSummary:
    n_inputs = pipeline.count_inputs(settings)
    with click.progressbar(length=n_inputs, label="reading documents", file=sys.stderr) as bar:
        summary = pipeline.extract(settings, progress=bar.update)
    _say(
        f"extract: {summary.n_files} files → {summary.n_documents} documents, "
        f"{summary.n_publications} records, {summary.n_sentences} sentences, {summary.n_outcomes} outcomes; "
        f"{summary.rejections.height} rejections ({summary.n_errors} errors)"
    )
    for row in summary.rejections.iter_rows(named=True):
        _say(f"  [{row['severity']}] {row['source_file']}: {row['rule']}: {row['detail']}")
    return summary


def _preload_validation() -> None:
    import etl.quality  # noqa: F401  (GX takes seconds to import: overlap it with dbt)
    import expectations  # noqa: F401


def _run_transform(settings: Settings, overlap_validation: bool = False) -> bool:
    _say("transform: dbt build …")
    result = pipeline.transform(
        settings, meanwhile=_preload_validation if overlap_validation else None
    )
    _say(
        f"transform: {result.n_models} models, {result.n_tests} tests, {len(result.failures)} failures"
    )
    for failure in result.failures:
        _say(f"  [{failure.status}] {failure.node}: {failure.message[:300]}")
    return result.ok


def _run_validate(settings: Settings) -> bool:
    from etl.quality import run_validation  # GX is slow to import: only when needed

    _say("validate: Great Expectations suites …")
    outcome = run_validation(settings)
    click.echo(outcome.markdown)
    return outcome.ok


@click.group()
def cli() -> None:
    """Build and check the oncology evidence warehouse (see README.md)."""


@cli.command()
@_input
@_warehouse
def extract(input_dir: Path | None, warehouse: Path | None) -> None:
    """Read documents, split them into records and sentences, load the staging tables."""
    summary = _run_extract(load_settings(input_dir, warehouse))
    sys.exit(pipeline.EXIT_INPUT_REJECTED if summary.n_errors else pipeline.EXIT_OK)


@cli.command()
@_warehouse
def transform(warehouse: Path | None) -> None:
    """Build the dbt models (staging views and marts) and run dbt's tests."""
    ok = _run_transform(load_settings(warehouse=warehouse))
    sys.exit(pipeline.EXIT_OK if ok else pipeline.EXIT_BLOCKING)


@cli.command()
@_warehouse
@_reports
def validate(warehouse: Path | None, reports_dir: Path | None) -> None:
    """Run the Great Expectations suites over the marts; write and print the quality report."""
    ok = _run_validate(load_settings(warehouse=warehouse, reports_dir=reports_dir))
    sys.exit(pipeline.EXIT_OK if ok else pipeline.EXIT_BLOCKING)


@cli.command()
@_warehouse
@_reports
def report(warehouse: Path | None, reports_dir: Path | None) -> None:
    """Write reports/quality.md and reports/quality.html from the warehouse as it stands."""
    from etl.quality.report import write_report

    written = write_report(load_settings(warehouse=warehouse, reports_dir=reports_dir))
    click.echo(written.markdown)


@cli.command()
@_input
@_warehouse
@_reports
def build(input_dir: Path | None, warehouse: Path | None, reports_dir: Path | None) -> None:
    """All stages: extract, transform, validate, report.

    Exit status: 0 all good; 1 a dbt test or a blocking expectation failed; 3 the warehouse was
    built but some input could not be read or accepted (see audit_rejections).
    """
    settings = load_settings(input_dir, warehouse, reports_dir)
    started = time.perf_counter()
    summary = _run_extract(settings)
    transformed = _run_transform(settings, overlap_validation=True)
    validated = _run_validate(settings) if transformed else False
    _say(f"build: {time.perf_counter() - started:.1f} s → {settings.warehouse}")
    if not (transformed and validated):
        _say("build: FAILED — a blocking rule failed; see the report and audit_rejections")
        sys.exit(pipeline.EXIT_BLOCKING)
    if summary.n_errors:
        _say(f"build: done, but {summary.n_errors} input problems were rejected (audit_rejections)")
        sys.exit(pipeline.EXIT_INPUT_REJECTED)
    sys.exit(pipeline.EXIT_OK)
