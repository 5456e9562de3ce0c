"""etl: build the oncology evidence warehouse from a folder of documents."""

from __future__ import annotations

import contextlib
import sys
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import click

from etl import pipeline, publish
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
        f"extract: read {summary.n_files} files → {summary.n_documents} documents, "
        f"{summary.n_publications} records, {summary.n_sentences} sentences, {summary.n_outcomes} outcomes"
    )
    _say(
        f"extract: rejected {summary.n_files_rejected} files, {summary.n_publications_rejected} records, "
        f"{summary.n_outcomes_rejected} outcomes; {summary.rejections.height} rejections "
        f"({summary.n_errors} errors), all in audit_rejections"
    )
    for row in pipeline.rejections_by_rule(summary.rejections).iter_rows(named=True):
        files = ", ".join(row["files"]) + (", …" if row["n_files"] > len(row["files"]) else "")
        _say(
            f"  {row['n']:>5} [{row['severity']}] {row['stage']}/{row['rule']} in {files}: "
            f"{row['example'][:200]}"
        )
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
    _say(outcome.evidence)
    return outcome.ok


@contextlib.contextmanager
def _in_place(target: Path) -> Iterator[None]:
    """A stage run on its own writes to the warehouse in place: it still takes the build lock."""
    try:
        with publish.exclusive(target):
            yield
    except publish.BuildLocked as exc:
        _say(f"NOT STARTED — {exc}")
        sys.exit(pipeline.EXIT_BUSY)


@click.group()
def cli() -> None:
    """Build and check the oncology evidence warehouse (see README.md)."""


@cli.command()
@_input
@_warehouse
def extract(input_dir: Path | None, warehouse: Path | None) -> None:
    """Read documents, split them into records and sentences, load the staging tables (in place:
    for development; `etl build` is the safe refresh)."""
    settings = load_settings(input_dir, warehouse)
    with _in_place(settings.warehouse):
        summary = _run_extract(settings)
    sys.exit(pipeline.EXIT_INPUT_REJECTED if summary.n_errors else pipeline.EXIT_OK)


@cli.command()
@_warehouse
def transform(warehouse: Path | None) -> None:
    """Build the dbt models (staging views and marts) and run dbt's tests (in place)."""
    settings = load_settings(warehouse=warehouse)
    with _in_place(settings.warehouse):
        ok = _run_transform(settings)
    sys.exit(pipeline.EXIT_OK if ok else pipeline.EXIT_BLOCKING)


@cli.command()
@_warehouse
@_reports
def validate(warehouse: Path | None, reports_dir: Path | None) -> None:
    """Run the Great Expectations suites over the marts; write and print the quality report."""
    settings = load_settings(warehouse=warehouse, reports_dir=reports_dir)
    with _in_place(settings.warehouse):
        ok = _run_validate(settings)
    sys.exit(pipeline.EXIT_OK if ok else pipeline.EXIT_BLOCKING)


@cli.command()
@_warehouse
@_reports
def report(warehouse: Path | None, reports_dir: Path | None) -> None:
    """Write reports/quality.md, reports/quality.html and reports/evidence.html from the
    warehouse as it stands."""
    from etl.quality.report import write_report
    from etl.quality.validate import evidence_report

    settings = load_settings(warehouse=warehouse, reports_dir=reports_dir)
    written = write_report(settings)
    click.echo(written.markdown)
    _say(evidence_report(settings))


@cli.command()
@_warehouse
def fingerprint(warehouse: Path | None) -> None:
    """Print a content hash of every mart (and one for the whole warehouse): two builds of the
    same input print the same lines."""
    from etl.load import connect

    target = load_settings(warehouse=warehouse).warehouse
    with connect(target, read_only=True) as con:
        prints = publish.fingerprints(con)
    for p in prints:
        click.echo(f"{p.table:32} {p.n_rows:>10} {p.digest}")
    click.echo(f"{'warehouse':32} {'':>10} {publish.fingerprint_digest(prints)}")


@cli.command()
@_input
@_warehouse
@_reports
def build(input_dir: Path | None, warehouse: Path | None, reports_dir: Path | None) -> None:
    """All stages: extract, transform, validate, report; then publish.

    The build writes a working file beside the warehouse and swaps it in only when dbt and the
    blocking rules pass: readers never see a half-built warehouse, and a failed or interrupted
    build leaves the published one as it was. One build at a time per warehouse.

    Exit status: 0 published; 3 published, but some input could not be read or accepted (see
    audit_rejections); 1 not published: a dbt test or a blocking rule failed (the failed build is
    kept as <name>.failed.duckdb); 4 not started: another build of this warehouse is running;
    5 built but could not be published; 70 not published: an internal error; 128+N interrupted
    by signal N.
    """
    settings = load_settings(input_dir, warehouse, reports_dir)
    target = settings.warehouse
    try:
        with publish.exclusive(target):
            work = publish.start(target)
            with publish.interruptible():
                built = _build(replace(settings, warehouse=work))
            # (signals have their default effect again: a signal now cannot be reported as
            # "nothing published" after the swap; a kill before it leaves the target as it was)
            code = _publish(built, work, target)
    except publish.BuildLocked as exc:
        _say(f"build: NOT STARTED — {exc}")
        code = pipeline.EXIT_BUSY
    except publish.Interrupted as exc:
        _say(f"build: INTERRUPTED by {exc}; nothing published, {target} is as it was")
        code = 128 + exc.signum
    sys.exit(code)


@dataclass(frozen=True)
class _Built:
    ok: bool  # dbt's tests and the blocking rules passed
    n_input_errors: int


def _build(staged: Settings) -> _Built | None:
    """Extract, transform and validate into the working file ``staged.warehouse``; None after an
    internal error (reported; the working file removed)."""
    started = time.perf_counter()
    try:
        summary = _run_extract(staged)
        transformed = _run_transform(staged, overlap_validation=True)
        validated = _run_validate(staged) if transformed else False
        publish.raise_if_interrupted()  # (a signal that a library took and kept quiet)
    except Exception:
        publish.discard(staged.warehouse)
        publish.raise_if_interrupted()  # (an error raised for a signal is the signal's)
        _say(traceback.format_exc())
        return None
    except BaseException:
        publish.discard(staged.warehouse)
        raise
    _say(f"build: {time.perf_counter() - started:.1f} s")
    return _Built(transformed and validated, summary.n_errors)


def _publish(built: _Built | None, work: Path, target: Path) -> int:
    if built is None:
        _say(
            f"build: FAILED with an internal error (above); nothing published, {target} is as it was"
        )
        return pipeline.EXIT_INTERNAL
    if not built.ok:
        failed = publish.keep_failed(work, target)
        _say(
            f"build: FAILED — a blocking rule failed; see the report and audit_rejections in {failed}. "
            f"Nothing published: {target} is as it was"
        )
        return pipeline.EXIT_BLOCKING
    try:
        publish.publish(work, target)
    except OSError as exc:
        _say(
            f"build: built but NOT PUBLISHED — cannot replace {target}: {exc}; the build is at {work}"
        )
        return pipeline.EXIT_PUBLISH_FAILED
    _say(f"build: published {target}")
    if built.n_input_errors:
        _say(
            f"build: done, but {built.n_input_errors} input problems were rejected (audit_rejections)"
        )
        return pipeline.EXIT_INPUT_REJECTED
    return pipeline.EXIT_OK
