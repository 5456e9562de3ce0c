"""Great Expectations suites as code, one module per mart (named after the model).

Each module exposes ``ID_COLUMN`` (how failing rows are named in the report) and
``expectations(ctx) -> list[Expectation]``; every expectation carries a reader-facing
``description`` and ``meta={"severity": "blocking" | "warning"}``.
"""

from expectations import dim_documents, dim_publications
from expectations.context import SuiteContext

SUITES = {
    "dim_documents": dim_documents,
    "dim_publications": dim_publications,
}

__all__ = ["SUITES", "SuiteContext"]
