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
