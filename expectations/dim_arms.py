"""dim_arms: every arm belongs to a trial and has a plausible size."""

from __future__ import annotations

import great_expectations.expectations as gxe

from expectations.context import SuiteContext, blocking, holds, key_rules

ID_COLUMN = "arm_id"
EVIDENCE = ()


def expectations(ctx: SuiteContext) -> list[gxe.Expectation]:
    return [
        *key_rules("arm_id", "arm"),
        gxe.ExpectColumnValuesToNotBeNull(
            column="trial_id", **blocking("trial_present", "Every arm names its trial")
        ),
        holds(
            "trial_known",
            blocking("trial_known", "Every arm belongs to a trial of dim_trials"),
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="n_patients",
            min_value=1,
            **blocking("n_patients_positive", "An arm with a size has at least one patient"),
        ),
        gxe.ExpectColumnValuesToNotBeNull(
            column="label", **blocking("label_present", "Every arm has a label")
        ),
    ]
