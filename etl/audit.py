"""Rejections: the one shape in which every stage reports what it could not read or accept."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import polars as pl


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
    # (imported here: rejection_row is used by extraction workers that load neither polars nor
    # pandera)
    import polars as pl

    from etl.schemas.staging import Rejections, polars_schema

    return pl.DataFrame(rows, schema=polars_schema(Rejections))
