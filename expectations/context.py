"""What suites may know about the build besides the mart itself (row counts of staging)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SuiteContext:
    staging_counts: dict[str, int] = field(default_factory=dict)


def blocking(description: str) -> dict:
    return {"description": description, "meta": {"severity": "blocking"}}


def warning(description: str) -> dict:
    return {"description": description, "meta": {"severity": "warning"}}
