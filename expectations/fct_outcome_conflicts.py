"""fct_outcome_conflicts: each conflict pairs two outcomes that exist and really differ."""

from __future__ import annotations

import great_expectations.expectations as gxe

from expectations.context import SuiteContext, blocking, holds

ID_COLUMN = "conflict_id"
EVIDENCE = ("source_file_a", None, None, "evidence_a")


def expectations(ctx: SuiteContext) -> list[gxe.Expectation]:
    return [
        gxe.ExpectColumnValuesToBeUnique(
            column="conflict_id", **blocking("conflict_id_unique", "conflict_id is unique")
        ),
        holds(
            "outcome_a_known",
            blocking("outcome_a_known", "outcome_id_a names a row of fct_outcomes"),
        ),
        holds(
            "outcome_b_known",
            blocking("outcome_b_known", "outcome_id_b names a row of fct_outcomes"),
        ),
        holds(
            "values_differ",
            blocking("values_differ", "A conflict's two values differ"),
        ),
    ]
