"""dim_publications: records are exactly traceable to their text, with sane bibliography."""

from __future__ import annotations

import great_expectations.expectations as gxe
from great_expectations.expectations.row_conditions import Column

from etl.vocab import codes
from expectations.context import SuiteContext, blocking, holds, key_rules, warning

ID_COLUMN = "publication_id"
EVIDENCE = ("source_file", "char_start", "char_end", "title")


def expectations(ctx: SuiteContext) -> list[gxe.Expectation]:
    return [
        *key_rules("publication_id", "record"),
        holds(
            "document_known",
            blocking("document_known", "document_id names a row of dim_documents"),
        ),
        gxe.ExpectTableRowCountToEqual(
            value=ctx.staging_counts.get("publications", 0),
            **blocking(
                "row_count_reconciled",
                "Every staged record reaches dim_publications (no row lost between layers)",
            ),
        ),
        holds(
            "span_in_document",
            blocking(
                "span_in_document",
                "A record's span lies inside its document's text (0 <= char_start < char_end <= n_chars)",
            ),
        ),
        holds(
            "span_is_trimmed",
            blocking(
                "span_trimmed",
                "The text at a record's span starts and ends on a visible character (offsets are exact)",
            ),
        ),
        gxe.ExpectColumnValuesToBeInSet(
            column="study_type",
            value_set=codes("study_type"),
            **blocking(
                "study_type_in_vocabulary", "Study types come from the controlled vocabulary"
            ),
        ),
        gxe.ExpectColumnValuesToMatchRegex(
            column="nct_ids",
            regex=r"^NCT\d{8}(?:, NCT\d{8})*$",
            mostly=1.0,
            **blocking("nct_ids_well_formed", "NCT numbers are NCT followed by 8 digits"),
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="year",
            min_value=1900,
            max_value=2100,
            **warning("year_plausible", "Publication years are plausible"),
        ),
        gxe.ExpectColumnValuesToNotBeNull(
            column="title",
            row_condition=Column("document_kind") == "publication_listing",
            **warning("listing_title_present", "Listing entries have a title"),
        ),
        gxe.ExpectColumnValuesToNotBeNull(
            column="journal",
            row_condition=Column("document_kind") == "publication_listing",
            **warning("listing_journal_present", "Listing entries have a journal citation"),
        ),
    ]
