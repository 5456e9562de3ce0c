"""Rejections: the one shape in which every stage reports what it could not read or accept."""

from __future__ import annotations

import polars as pl

from etl.schemas.staging import Rejections, polars_schema

REJECTION_SCHEMA = polars_schema(Rejections)


def rejection_row(
    source_file: str,
    stage: str,
    rule: str,
    detail: str,
    char_start: int | None = None,
    char_end: int | None = None,
    severity: str = "error",
) -> dict:
    return {
        "source_file": source_file,
        "stage": stage,
        "rule": rule,
        "detail": detail,
        "char_start": char_start,
        "char_end": char_end,
        "severity": severity,
    }


def rejections_frame(rows: list[dict]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=REJECTION_SCHEMA)
