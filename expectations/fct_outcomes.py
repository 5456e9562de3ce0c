"""fct_outcomes: every number is what its sentence says, in a shape its measure allows.

The facts that span columns, tables or the source text (ci_bounds_paired, evidence_matches_source,
the *_known links, ...) are computed in etl.quality.derive; null where a rule does not apply.
"""

from __future__ import annotations

import great_expectations.expectations as gxe
from great_expectations.expectations.row_conditions import Column

from etl.vocab import codes
from etl.vocab.codes import RATIO_MEASURES, TIME_UNITS, UNIT_OF_MEASURE
from etl.vocab.endpoints import TIME_TO_EVENT
from expectations.context import SuiteContext, blocking, holds, key_rules, warning

ID_COLUMN = "outcome_id"
EVIDENCE = ("source_file", "char_start", "char_end", "evidence_text")

# Plausibility ceilings: beyond them a number is more likely misread than real.
MAX_MONTHS = 240
MAX_RATIO = 20

_RATIOS = sorted(RATIO_MEASURES)
_TIME_UNITS = sorted(TIME_UNITS)


def _intervals() -> list[gxe.Expectation]:
    return [
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="value",
            column_B="ci_lower",
            or_equal=True,
            ignore_row_if="either_value_is_missing",
            **blocking("ci_lower_below_value", "A CI's lower bound is at most its point estimate"),
        ),
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="ci_upper",
            column_B="value",
            or_equal=True,
            ignore_row_if="either_value_is_missing",
            **blocking("ci_upper_above_value", "A CI's upper bound is at least its point estimate"),
        ),
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="ci_upper",
            column_B="ci_lower",
            ignore_row_if="either_value_is_missing",
            **blocking("ci_ordered", "A CI's lower bound is below its upper bound"),
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="ci_level",
            min_value=50,
            max_value=99.99,
            **blocking("ci_level_range", "A CI's level is between 50% and 99.99%"),
        ),
        holds(
            "ci_bounds_paired",
            blocking("ci_bounds_paired", "A CI has both bounds or neither"),
        ),
    ]


def _ranges() -> list[gxe.Expectation]:
    return [
        gxe.ExpectColumnValuesToBeBetween(
            column="value",
            min_value=0,
            max_value=100,
            row_condition=Column("measure") == "rate",
            **blocking("rate_range", "Rates lie within 0-100 percent"),
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="ci_upper",
            max_value=100,
            row_condition=Column("measure") == "rate",
            **blocking("rate_ci_range", "A rate's CI lies within 0-100 percent"),
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="ci_upper",
            max_value=MAX_RATIO,
            row_condition=Column("measure").is_in(_RATIOS),
            **warning(
                "ratio_ci_plausible",
                f"A ratio's CI reaching above {MAX_RATIO} is rare: check the reading",
            ),
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="ci_upper_months",
            max_value=MAX_MONTHS,
            **warning(
                "time_ci_plausible",
                f"A time's CI reaching above {MAX_MONTHS} months is rare: check the reading",
            ),
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="value",
            min_value=0,
            strict_min=True,
            row_condition=Column("measure").is_in(_RATIOS),
            **blocking("ratio_positive", "Hazard, odds and risk ratios are above 0"),
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="value",
            max_value=MAX_RATIO,
            row_condition=Column("measure").is_in(_RATIOS),
            **warning("ratio_plausible", f"Ratios above {MAX_RATIO} are rare: check the reading"),
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="value",
            min_value=0,
            strict_min=True,
            row_condition=Column("unit").is_in(_TIME_UNITS) & (Column("measure") != "difference"),
            **blocking("time_positive", "Times (medians, means) are above 0"),
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="value_months",
            max_value=MAX_MONTHS,
            row_condition=Column("measure") != "difference",
            **warning(
                "time_plausible", f"Times above {MAX_MONTHS} months are rare: check the reading"
            ),
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="p_value",
            min_value=0,
            max_value=1,
            **blocking("p_value_range", "p-values lie within 0-1"),
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="value",
            min_value=0,
            row_condition=Column("measure") == "count",
            **blocking("count_non_negative", "Counts of patients are not negative"),
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="n_patients",
            min_value=0,
            **blocking("n_patients_non_negative", "Patient numbers are not negative"),
        ),
    ]


def _units() -> list[gxe.Expectation]:
    by_measure = [
        gxe.ExpectColumnValuesToBeInSet(
            column="unit",
            value_set=sorted(units),
            row_condition=Column("measure").is_in(measures),
            **blocking(f"{name}_unit", f"{label.capitalize()} carry {' or '.join(sorted(units))}"),
        )
        for name, label, measures, units in (
            ("rate", "rates", ["rate"], UNIT_OF_MEASURE["rate"]),
            ("count", "counts", ["count"], UNIT_OF_MEASURE["count"]),
            ("ratio", "ratios", _RATIOS, UNIT_OF_MEASURE["hazard_ratio"]),
        )
    ]
    return [
        gxe.ExpectColumnValuesToBeInSet(
            column="unit",
            value_set=_TIME_UNITS,
            row_condition=Column("measure").is_in(["median", "mean"])
            & Column("endpoint").is_in(sorted(TIME_TO_EVENT)),
            **blocking(
                "time_endpoint_unit", "Medians and means of time endpoints carry a time unit"
            ),
        ),
        *by_measure,
        holds(
            "value_months_consistent",
            blocking(
                "value_months_consistent",
                "value_months is value converted from its time unit (null for other units)",
            ),
        ),
    ]


def _statistics() -> list[gxe.Expectation]:
    return [
        holds(
            "ci_agrees_with_p",
            warning(
                "ci_agrees_with_p",
                "A ratio's 95% CI excludes 1 exactly when its p-value is below 0.05",
            ),
        ),
        holds(
            "count_agrees_with_rate",
            warning(
                "count_agrees_with_rate",
                "A rate is its count's share of the denominator stated with it (else its arm's "
                "size), to within a percentage point",
            ),
        ),
    ]


def _provenance_and_keys(ctx: SuiteContext) -> list[gxe.Expectation]:
    links = [
        ("document_known", "document_id names a row of dim_documents"),
        ("publication_known", "publication_id names a row of dim_publications"),
        ("trial_known", "trial_id names a row of dim_trials"),
        ("arm_known", "arm_id names a row of dim_arms"),
        ("comparator_known", "comparator_arm_id names a row of dim_arms"),
        ("arm_in_trial", "An outcome's arm belongs to the outcome's trial"),
    ]
    return [
        holds(
            "evidence_matches_source",
            blocking(
                "evidence_matches_source",
                "The source file's text between char_start and char_end is evidence_text (a line "
                "break, and a bullet opening the next line, read as a space)",
            ),
        ),
        holds(
            "value_in_evidence",
            blocking(
                "value_in_evidence",
                "The value is written in its evidence (at value_start..value_end, inside the span)",
            ),
        ),
        *(holds(column, blocking(column, text)) for column, text in links),
        *key_rules("outcome_id", "outcome"),
        gxe.ExpectTableRowCountToEqual(
            value=ctx.staging_counts.get("outcomes", 0),
            **blocking(
                "row_count_reconciled",
                "Every staged outcome reaches fct_outcomes (no row lost between layers)",
            ),
        ),
    ]


def _codes() -> list[gxe.Expectation]:
    return [
        gxe.ExpectColumnValuesToBeInSet(
            column=column,
            value_set=codes(column),
            **blocking(f"{column}_in_vocabulary", f"{column} codes come from the vocabulary"),
        )
        for column in ("endpoint", "measure", "unit", "p_operator")
    ]


def expectations(ctx: SuiteContext) -> list[gxe.Expectation]:
    return [
        *_intervals(),
        *_ranges(),
        *_units(),
        *_statistics(),
        *_provenance_and_keys(ctx),
        *_codes(),
    ]
