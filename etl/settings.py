"""Paths and defaults. Every value can be overridden by an environment variable."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent

ENV_INPUT = "ETL_INPUT"
ENV_WAREHOUSE = "ETL_WAREHOUSE"
ENV_REPORTS = "ETL_REPORTS"

DEFAULT_INPUT = Path("seeds")
DEFAULT_WAREHOUSE = Path("warehouse/evidence.duckdb")
DEFAULT_REPORTS = Path("reports")

DBT_PROJECT_DIR = PROJECT_ROOT / "dbt"

# DuckDB writes files in this storage format so that BI tools bundling older drivers can read them.
STORAGE_COMPATIBILITY_VERSION = "v1.4.0"

RAW_SCHEMA = "raw"


@dataclass(frozen=True)
class Settings:
    input_dir: Path
    warehouse: Path
    reports_dir: Path


def _env_path(name: str, default: Path) -> Path:
    value = os.environ.get(name)
    return Path(value) if value else default


def load_settings(
    input_dir: Path | None = None,
    warehouse: Path | None = None,
    reports_dir: Path | None = None,
) -> Settings:
    """Explicit arguments win over environment variables, which win over defaults."""
    return Settings(
        input_dir=input_dir or _env_path(ENV_INPUT, DEFAULT_INPUT),
        warehouse=warehouse or _env_path(ENV_WAREHOUSE, DEFAULT_WAREHOUSE),
        reports_dir=reports_dir or _env_path(ENV_REPORTS, DEFAULT_REPORTS),
    )
