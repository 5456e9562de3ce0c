"""Great Expectations validation of the marts and the data-quality report."""

from etl.quality.validate import ValidationOutcome, run_validation

__all__ = ["ValidationOutcome", "run_validation"]
