"""bridge_arm_agents (which agents make up each arm): every row links rows that exist, once."""

from __future__ import annotations

from expectations.context import SuiteContext, bridge_rules

ID_COLUMN = "bridge_id"  # (the two keys joined: etl.quality.frames)
EVIDENCE = ()


def expectations(ctx: SuiteContext) -> list:
    return bridge_rules(
        ("arm_id", "dim_arms"), ("agent_id", "dim_agents"), "An agent is listed once per arm"
    )
