"""dim_trials: one row per study, with well-formed identifiers and design facts that add up."""

from __future__ import annotations

import great_expectations.expectations as gxe

from etl.vocab import codes
from expectations.context import SuiteContext, blocking, key_rules

ID_COLUMN = "trial_id"
EVIDENCE = ()


def expectations(ctx: SuiteContext) -> list[gxe.Expectation]:
    return [
        *key_rules("trial_id", "trial"),
        gxe.ExpectColumnValuesToMatchRegex(
            column="nct_id",
            regex=r"^NCT\d{8}$",
            **blocking("nct_id_well_formed", "nct_id is NCT followed by 8 digits"),
        ),
        gxe.ExpectColumnValuesToBeUnique(
            column="nct_id",
            **blocking("nct_id_unique", "A registered trial is one row (nct_id is unique)"),
        ),
        gxe.ExpectColumnValuesToBeInSet(
            column="phase",
            value_set=codes("phase"),
            **blocking("phase_in_vocabulary", "Phases come from the vocabulary"),
        ),
        gxe.ExpectColumnValuesToBeInSet(
            column="blinding",
            value_set=codes("blinding"),
            **blocking("blinding_in_vocabulary", "Blinding comes from the vocabulary"),
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="n_enrolled",
            min_value=1,
            **blocking("n_enrolled_positive", "A trial enrols at least one patient"),
        ),
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="n_enrolled",
            column_B="arms_total",
            or_equal=True,
            ignore_row_if="either_value_is_missing",
            **blocking(
                "arms_within_enrolment", "The arms' sizes add up to no more than n_enrolled"
            ),
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="n_sources",
            min_value=1,
            **blocking("n_sources_positive", "Every trial is reported by at least one source"),
        ),
    ]
