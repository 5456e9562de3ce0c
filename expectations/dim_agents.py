"""dim_agents: one row per intervention, named and classified from the vocabulary."""

from __future__ import annotations

import great_expectations.expectations as gxe

from etl.vocab.codes import codes
from expectations.context import SuiteContext, blocking, key_rules

ID_COLUMN = "agent_id"
EVIDENCE = ()


def expectations(ctx: SuiteContext) -> list[gxe.Expectation]:
    return [
        *key_rules("agent_id", "agent"),
        gxe.ExpectColumnValuesToBeUnique(
            column="name", **blocking("name_unique", "An agent is one row (its name is unique)")
        ),
        gxe.ExpectColumnValuesToMatchRegex(
            column="name",
            regex=r"^[^A-Z]+$",
            **blocking("name_lower_case", "Agent names are lower-case"),
        ),
        gxe.ExpectColumnValuesToBeInSet(
            column="modality",
            value_set=codes("modality"),
            **blocking("modality_in_vocabulary", "Modalities come from the vocabulary"),
        ),
        gxe.ExpectTableRowCountToEqual(
            value=ctx.staging_counts.get("agents", 0),
            **blocking(
                "row_count_reconciled",
                "Every agent named in staging reaches dim_agents (no agent lost between layers)",
            ),
        ),
    ]
