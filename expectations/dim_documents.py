"""dim_documents: every file read is accounted for, and its text is usable."""

from __future__ import annotations

import great_expectations.expectations as gxe

from etl.vocab import codes
from expectations.context import SuiteContext, blocking, key_rules, warning

ID_COLUMN = "source_file"
EVIDENCE = ("source_file", None, None, None)


def expectations(ctx: SuiteContext) -> list[gxe.Expectation]:
    return [
        *key_rules("document_id", "document"),
        gxe.ExpectTableRowCountToEqual(
            value=ctx.staging_counts.get("documents", 0),
            **blocking(
                "row_count_reconciled",
                "Every staged document reaches dim_documents (no row lost between layers)",
            ),
        ),
        gxe.ExpectColumnValuesToBeInSet(
            column="document_kind",
            value_set=codes("document_kind"),
            **blocking("kind_in_vocabulary", "Document kinds come from the controlled vocabulary"),
        ),
        gxe.ExpectColumnValuesToMatchRegex(
            column="sha256",
            regex=r"^[0-9a-f]{64}$",
            **blocking("sha256_present", "Each document carries the SHA-256 of its bytes"),
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="n_chars",
            min_value=1,
            **warning(
                "has_text",
                "Documents have text (an empty or binary file yields nothing to extract)",
            ),
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="n_invalid_bytes",
            min_value=0,
            max_value=0,
            **warning(
                "valid_utf8", "Documents are valid UTF-8 (invalid bytes were read as Windows-1252)"
            ),
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="n_publications",
            min_value=1,
            **warning("yields_records", "Every document with text yields at least one record"),
        ),
        gxe.ExpectColumnValuesToNotBeInSet(
            column="document_kind",
            value_set=["other"],
            **warning("kind_recognised", "Every document is of a recognised kind"),
        ),
    ]
