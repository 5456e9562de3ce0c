"""Run a pandera model over a frame: rows that pass go on, rows that fail become rejections."""

from __future__ import annotations

from dataclasses import dataclass

import pandera.errors as pa_errors
import pandera.polars as pa
import polars as pl

from etl.audit import rejection_row, rejections_frame


@dataclass(frozen=True)
class Gated:
    valid: pl.DataFrame
    rejections: pl.DataFrame


def _row_context(frame: pl.DataFrame, index: int) -> tuple[str, int | None, int | None]:
    row = frame.row(index, named=True)
    start, end = row.get("char_start"), row.get("char_end")
    return (
        str(row.get("source_file") or "?"),
        start if isinstance(start, int) and start >= 0 else None,
        end if isinstance(end, int) and end >= 0 else None,
    )


def gate(frame: pl.DataFrame, model: type[pa.DataFrameModel], table: str) -> Gated:
    """Validate lazily (every failure at once). Failing rows are removed and reported one
    rejection per failed check; a table-level failure (a missing column, a wrong type that
    cannot be coerced) rejects the whole table."""
    try:
        return Gated(model.validate(frame, lazy=True), rejections_frame([]))
    except pa_errors.SchemaErrors as err:
        cases = err.failure_cases
    rows: list[dict] = []
    bad_index: set[int] = set()
    table_level: list[str] = []
    for case in cases.iter_rows(named=True):
        check = f"{table}.{case.get('column') or '*'}: {case.get('check')}"
        index = case.get("index")
        if index is None:
            table_level.append(f"{check} (value {case.get('failure_case')!r})")
            continue
        bad_index.add(int(index))
        source_file, start, end = _row_context(frame, int(index))
        rows.append(
            rejection_row(
                source_file,
                "schema",
                check,
                f"row {index}: value {case.get('failure_case')!r} fails {check}",
                start,
                end,
            )
        )
    if table_level:
        for source_file in (
            frame.get_column("source_file").unique(maintain_order=True).to_list()
            if "source_file" in frame.columns
            else ["?"]
        ):
            rows.append(
                rejection_row(
                    str(source_file),
                    "schema",
                    f"{table}: table-level failure",
                    "; ".join(table_level),
                )
            )
        return Gated(frame.clear(), rejections_frame(rows))
    keep = frame.with_row_index("_i").filter(~pl.col("_i").is_in(sorted(bad_index))).drop("_i")
    try:
        valid = model.validate(keep, lazy=True)
    except pa_errors.SchemaErrors as err:  # e.g. uniqueness that only fails in combination
        rows.append(rejection_row("?", "schema", f"{table}: revalidation failed", str(err)[:2000]))
        valid = keep.clear()
    return Gated(valid, rejections_frame(rows))
