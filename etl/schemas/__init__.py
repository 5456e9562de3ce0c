"""pandera models of the staging tables."""

from etl.schemas.staging import (
    STAGING_MODELS,
    Documents,
    Outcomes,
    Publications,
    Rejections,
    Sentences,
    Vocab,
    empty_frame,
    polars_schema,
)

__all__ = [
    "STAGING_MODELS",
    "Documents",
    "Outcomes",
    "Publications",
    "Rejections",
    "Sentences",
    "Vocab",
    "empty_frame",
    "polars_schema",
]
