"""bridge_trial_publications (where each trial is reported): every row links rows that exist, once."""

from __future__ import annotations

from expectations.context import SuiteContext, bridge_rules

ID_COLUMN = "bridge_id"  # (the two keys joined: etl.quality.frames)
EVIDENCE = ()


def expectations(ctx: SuiteContext) -> list:
    return bridge_rules(
        ("trial_id", "dim_trials"),
        ("publication_id", "dim_publications"),
        "A publication is listed once per trial",
    )
