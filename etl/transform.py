"""Runs dbt as a subprocess (dbt holds DuckDB's write lock while it runs) and reads its results."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from etl.settings import DBT_PROJECT_DIR, STORAGE_COMPATIBILITY_VERSION
from etl.vocab.codes import vocab_vars


@dataclass(frozen=True)
class DbtFailure:
    node: str
    status: str
    message: str
    failures: int | None
    sql: str | None = None  # (a test's compiled query: the rows it returns are what failed)


@dataclass(frozen=True)
class DbtResult:
    returncode: int
    n_models: int
    n_tests: int
    failures: list[DbtFailure]
    output: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and not self.failures


def artifacts_dir(warehouse: Path) -> Path:
    """dbt's target and log folders, one per warehouse so that builds never share them."""
    return warehouse.resolve().parent / f".dbt-{warehouse.stem}"


def _dbt_executable() -> str:
    candidate = Path(sys.executable).with_name("dbt")
    return str(candidate) if candidate.exists() else "dbt"


def run_dbt(
    warehouse: Path,
    command: str = "build",
    meanwhile: Callable[[], object] | None = None,
    args: tuple[str, ...] = (),
) -> DbtResult:
    """Run ``dbt <command> [args]``; ``meanwhile`` runs in this process while dbt works (e.g. the
    slow import of the next stage), so the two overlap on a multi-core machine."""
    target = artifacts_dir(warehouse)
    target.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "ETL_WAREHOUSE": str(warehouse.resolve()),
        "ETL_STORAGE_COMPATIBILITY_VERSION": STORAGE_COMPATIBILITY_VERSION,
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        "DBT_USE_COLORS": "false",
    }
    cmd = [
        _dbt_executable(),
        command,
        "--project-dir",
        str(DBT_PROJECT_DIR),
        "--profiles-dir",
        str(DBT_PROJECT_DIR),
        "--target-path",
        str(target / "target"),
        "--log-path",
        str(target / "logs"),
        # the vocabularies, for the `code` macro: a code SQL writes is checked when it compiles
        "--vars",
        json.dumps(vocab_vars()),
        *args,
    ]
    results = target / "target" / "run_results.json"
    results.unlink(missing_ok=True)
    log = target / "dbt_output.log"
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT, text=True)
        try:
            if meanwhile is not None:
                meanwhile()
            returncode = proc.wait()
        except BaseException:
            proc.terminate()
            proc.wait()
            raise
    return _read_results(returncode, results, log.read_text(errors="replace"))


def _read_results(returncode: int, path: Path, output: str) -> DbtResult:
    if not path.exists():
        return DbtResult(
            returncode, 0, 0, [DbtFailure("dbt", "error", output[-2000:], None)], output
        )
    results = json.loads(path.read_text()).get("results", [])
    failures = [
        DbtFailure(
            r["unique_id"],
            r["status"],
            (r.get("message") or "").strip(),
            r.get("failures"),
            r.get("compiled_code") if r["unique_id"].startswith("test.") else None,
        )
        for r in results
        if r.get("status") in ("fail", "error", "runtime error", "skipped")
    ]
    if returncode != 0 and not failures:
        failures.append(DbtFailure("dbt", "error", output[-2000:], None))
    n_models = sum(1 for r in results if r["unique_id"].startswith("model."))
    n_tests = sum(1 for r in results if r["unique_id"].startswith("test."))
    return DbtResult(returncode, n_models, n_tests, failures, output)


def failing_rows(con: duckdb.DuckDBPyConnection, failure: DbtFailure, n: int = 5) -> str:
    """The first rows a failed dbt test returns, from the warehouse it ran on (what broke its
    rule: the column and count of a `filled` test, a duplicate key, an orphan id), to add to its
    message; "" for a failure that is not a test's or whose query cannot be run again."""
    if failure.status != "fail" or not failure.sql:
        return ""
    try:
        found = con.execute(f"select * from ({failure.sql}) limit {n}")
    except duckdb.Error:
        return ""  # (the failure is reported all the same)
    names = [d[0] for d in found.description]
    rows = "; ".join(
        ", ".join(f"{k}={v}" for k, v in zip(names, row, strict=True)) for row in found.fetchall()
    )
    return f" — e.g. {rows}" if rows else ""
