"""The warehouse opens read-only in older DuckDBs, which BI tools bundle: it is written in the
storage format of STORAGE_COMPATIBILITY_VERSION (v1.4.0), not the running DuckDB's own."""

from __future__ import annotations

import glob
import json
import os
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import duckdb
import pytest

from etl.settings import STORAGE_COMPATIBILITY_VERSION

_HEADER = struct.Struct("<8x4sQ")  # checksum, b"DUCK", storage version number
# Where an older DuckDB's wheel may lie on this machine (no network in tests): a local mirror
_OLD_WHEELS = [
    os.environ.get("ETL_OLD_DUCKDB_WHEEL", ""),
    "/opt/pypi/files/duckdb-1.*-cp311-*.whl",
    "/opt/wheels/duckdb-1.*-cp311-*.whl",
]


def _storage_number(path: Path) -> int:
    with path.open("rb") as fh:
        magic, number = _HEADER.unpack(fh.read(_HEADER.size))
    assert magic == b"DUCK"
    return number


def test_the_target_format_is_duckdb_1_4_or_older():
    version = tuple(int(x) for x in STORAGE_COMPATIBILITY_VERSION.lstrip("v").split("."))
    assert version <= (1, 4, 0)


def test_the_warehouse_is_written_in_the_old_storage_format(seed_build, tmp_path):
    _, warehouse, _ = seed_build
    # what this DuckDB writes for the target version, and what it writes by default
    numbers = {}
    for name, config in (
        ("target", {"storage_compatibility_version": STORAGE_COMPATIBILITY_VERSION}),
        ("default", {}),
    ):
        with duckdb.connect(str(tmp_path / f"{name}.duckdb"), config=config) as con:
            con.execute("create table t as select 1 as a")
        numbers[name] = _storage_number(tmp_path / f"{name}.duckdb")
    assert _storage_number(warehouse) == numbers["target"]
    if duckdb.__version__.split(".")[0] >= "2":  # (a 2.x default is unreadable to 1.x)
        assert numbers["default"] != numbers["target"]


def _old_duckdb(tmp_path: Path) -> tuple[Path, str] | None:
    for pattern in filter(None, _OLD_WHEELS):
        for wheel in sorted(glob.glob(pattern), reverse=True):
            version = Path(wheel).name.split("-")[1]
            target = tmp_path / f"duckdb-{version}"
            with zipfile.ZipFile(wheel) as archive:
                archive.extractall(target)
            return target, version
    return None


_READ_EVERY_MART = """
import json, sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
tables = [r[0] for r in con.execute(
    "select table_name from information_schema.tables where table_schema = 'main' order by 1"
).fetchall()]
print(json.dumps({"version": duckdb.__version__,
                  "counts": {t: con.execute(f'select count(*) from "{t}"').fetchall()[0][0] for t in tables},
                  "outcome": con.execute("select value, evidence_text from fct_outcomes order by outcome_id limit 1").fetchall()[0]}))
"""


def test_an_older_duckdb_opens_the_warehouse_read_only(seed_build, tmp_path):
    found = _old_duckdb(tmp_path)
    if found is None:
        pytest.skip("no DuckDB 1.x wheel on this machine (set ETL_OLD_DUCKDB_WHEEL)")
    path, version = found
    _, warehouse, _ = seed_build
    run = subprocess.run(
        [sys.executable, "-c", _READ_EVERY_MART, str(warehouse)],
        env={**os.environ, "PYTHONPATH": str(path)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    old = json.loads(run.stdout)
    assert old["version"] == version and old["version"].startswith("1.")
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for table, n in old["counts"].items():
            assert con.execute(f'select count(*) from "{table}"').fetchall()[0][0] == n
        first = con.execute(
            "select value, evidence_text from fct_outcomes order by outcome_id limit 1"
        ).fetchall()[0]
    assert tuple(old["outcome"]) == first
    assert {"fct_outcomes", "dim_trials", "dim_arms", "dim_agents"} <= set(old["counts"])
