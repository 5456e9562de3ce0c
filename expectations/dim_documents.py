"""dim_documents: every file read is accounted for, and its text is usable."""

from __future__ import annotations

import great_expectations.expectations as gxe

from etl.vocab import codes
from expectations.context import SuiteContext, blocking, warning

ID_COLUMN = "source_file"


def expectations(ctx: SuiteContext) -> list[gxe.Expectation]:
    return [
        gxe.ExpectTableRowCountToEqual(
            value=ctx.staging_counts.get("documents", 0),
            **blocking("Every staged document reaches dim_documents (no row lost between layers)"),
        ),
        gxe.ExpectColumnValuesToBeInSet(
            column="document_kind",
            value_set=codes("document_kind"),
            **blocking("Document kinds come from the controlled vocabulary"),
        ),
        gxe.ExpectColumnValuesToMatchRegex(
            column="sha256",
            regex=r"^[0-9a-f]{64}$",
            **blocking("Each document carries the SHA-256 of its bytes"),
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="n_chars",
            min_value=1,
            **warning("Documents have text (an empty or binary file yields nothing to extract)"),
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="n_invalid_bytes",
            min_value=0,
            max_value=0,
            **warning("Documents are valid UTF-8 (invalid bytes were read as Windows-1252)"),
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="n_publications",
            min_value=1,
            **warning("Every document with text yields at least one record"),
        ),
        gxe.ExpectColumnValuesToNotBeInSet(
            column="document_kind",
            value_set=["other"],
            **warning("Every document is of a recognised kind"),
        ),
    ]
