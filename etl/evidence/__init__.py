"""The evidence report (reports/evidence.html): forest plots, medians and rates per arm, and
trial pages, read from the marts (etl.evidence.query) and drawn offline (etl.evidence.plots)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from etl.evidence.page import render_evidence
from etl.evidence.query import load_evidence


@dataclass(frozen=True)
class EvidenceReport:
    path: Path
    seconds: float
    n_bytes: int


def write_evidence_report(warehouse: Path, reports_dir: Path) -> EvidenceReport:
    """Write ``reports_dir/evidence.html`` from the warehouse's marts."""
    started = time.perf_counter()
    page = render_evidence(load_evidence(warehouse))
    reports_dir.mkdir(parents=True, exist_ok=True)
    path = reports_dir / "evidence.html"
    path.write_text(page, encoding="utf-8")
    return EvidenceReport(path, time.perf_counter() - started, path.stat().st_size)
