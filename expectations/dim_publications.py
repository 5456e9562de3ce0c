"""dim_publications: records are exactly traceable to their text, with sane bibliography."""

from __future__ import annotations

import great_expectations.expectations as gxe
from great_expectations.expectations.row_conditions import Column

from etl.vocab import codes
from expectations.context import SuiteContext, blocking, warning

ID_COLUMN = "publication_id"


def expectations(ctx: SuiteContext) -> list[gxe.Expectation]:
    return [
        gxe.ExpectTableRowCountToEqual(
            value=ctx.staging_counts.get("publications", 0),
            **blocking("Every staged record reaches dim_publications (no row lost between layers)"),
        ),
        gxe.ExpectColumnValuesToBeInSet(
            column="span_in_document",
            value_set=[True],
            **blocking(
                "A record's span lies inside its document's text (0 <= char_start < char_end <= n_chars)"
            ),
        ),
        gxe.ExpectColumnValuesToBeInSet(
            column="span_is_trimmed",
            value_set=[True],
            **blocking(
                "The text at a record's span starts and ends on a visible character (offsets are exact)"
            ),
        ),
        gxe.ExpectColumnValuesToBeInSet(
            column="study_type",
            value_set=codes("study_type"),
            **blocking("Study types come from the controlled vocabulary"),
        ),
        gxe.ExpectColumnValuesToMatchRegex(
            column="nct_ids",
            regex=r"^NCT\d{8}(?:, NCT\d{8})*$",
            mostly=1.0,
            **blocking("NCT numbers are NCT followed by 8 digits"),
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="year",
            min_value=1900,
            max_value=2100,
            **warning("Publication years are plausible"),
        ),
        gxe.ExpectColumnValuesToNotBeNull(
            column="title",
            row_condition=Column("document_kind") == "publication_listing",
            **warning("Listing entries have a title"),
        ),
        gxe.ExpectColumnValuesToNotBeNull(
            column="journal",
            row_condition=Column("document_kind") == "publication_listing",
            **warning("Listing entries have a journal citation"),
        ),
    ]
