"""Great Expectations suites as code, one module per mart (named after the model).

Each module exposes ``ID_COLUMN`` (how failing rows are named), ``EVIDENCE`` (the columns that
locate a row in its source: source_file, char_start, char_end, evidence text; empty when the mart
has none) and ``expectations(ctx) -> list[Expectation]``; every expectation carries a reader-facing
``description`` and ``meta={"severity": "blocking" | "warning", "rule": <name>}``, named in the
report and audit_rejections as ``<suite>.<rule>``.
"""

from expectations import (
    bridge_arm_agents,
    bridge_trial_publications,
    dim_agents,
    dim_arms,
    dim_documents,
    dim_publications,
    dim_trials,
    fct_outcome_conflicts,
    fct_outcomes,
)
from expectations.context import SuiteContext

SUITES = {
    "dim_documents": dim_documents,
    "dim_publications": dim_publications,
    "fct_outcomes": fct_outcomes,
    "dim_trials": dim_trials,
    "dim_arms": dim_arms,
    "dim_agents": dim_agents,
    "bridge_arm_agents": bridge_arm_agents,
    "bridge_trial_publications": bridge_trial_publications,
    "fct_outcome_conflicts": fct_outcome_conflicts,
}

__all__ = ["SUITES", "SuiteContext"]
