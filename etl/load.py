"""Writes validated staging frames into the warehouse's ``raw`` schema (the only DuckDB writer
on the Python side besides the validation results)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import duckdb
import polars as pl

from etl.settings import RAW_SCHEMA, STORAGE_COMPATIBILITY_VERSION


def connect(warehouse: Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open (creating if needed) the warehouse, in a storage format older DuckDBs can read."""
    if read_only:
        return duckdb.connect(str(warehouse), read_only=True)
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    return duckdb.connect(
        str(warehouse), config={"storage_compatibility_version": STORAGE_COMPATIBILITY_VERSION}
    )


def write_tables(
    con: duckdb.DuckDBPyConnection, tables: Mapping[str, pl.DataFrame], schema: str = RAW_SCHEMA
) -> None:
    """Replace each table in ``schema`` with the frame's content, in one transaction."""
    con.execute(f"create schema if not exists {schema}")
    con.execute("begin transaction")
    try:
        for name, frame in tables.items():
            con.register("_frame", frame.to_arrow())
            con.execute(f'create or replace table {schema}."{name}" as select * from _frame')
            con.unregister("_frame")
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise


def read_table(con: duckdb.DuckDBPyConnection, sql: str) -> pl.DataFrame:
    return con.sql(sql).pl()


def append_audit(con, frame: pl.DataFrame) -> None:
    """Add rows to the audit_rejections mart (built by dbt; created here if dbt could not)."""
    con.register("_audit", frame.to_arrow())
    exists = con.execute(
        "select count(*) from information_schema.tables where table_schema = 'main' and table_name = 'audit_rejections'"
    ).fetchall()[0][0]
    cols = "source_file, stage, rule, detail, char_start, char_end, severity"
    if not exists:
        con.execute(
            f"create table main.audit_rejections as select md5(concat_ws('|', {cols})) as rejection_id, {cols} "
            "from raw.rejections"
        )
    stages = ", ".join(f"'{s}'" for s in frame.get_column("stage").unique().to_list())
    if stages:
        con.execute(f"delete from main.audit_rejections where stage in ({stages})")
    con.execute(
        f"insert into main.audit_rejections select md5(concat_ws('|', {cols})) as rejection_id, {cols} from _audit"
    )
    con.unregister("_audit")
