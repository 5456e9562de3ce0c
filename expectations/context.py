"""What suites may know about the build besides the mart itself, and how a rule is labelled."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SuiteContext:
    # rows each mart should hold, counted in staging (etl.quality.frames.staging_counts)
    staging_counts: dict[str, int] = field(default_factory=dict)


def blocking(rule: str, description: str) -> dict:
    """A rule whose failure means a number cannot be trusted: the build exits non-zero."""
    return {"description": description, "meta": {"severity": "blocking", "rule": rule}}


def warning(rule: str, description: str) -> dict:
    """A rule whose failure asks for a look: reported, not fatal."""
    return {"description": description, "meta": {"severity": "warning", "rule": rule}}


def key_rules(column: str, what: str) -> list:
    """A key is unique and present: rules <column>_unique and <column>_present (blocking)."""
    import great_expectations.expectations as gxe

    return [
        gxe.ExpectColumnValuesToBeUnique(
            column=column, **blocking(f"{column}_unique", f"{column} is unique")
        ),
        gxe.ExpectColumnValuesToNotBeNull(
            column=column, **blocking(f"{column}_present", f"Every {what} has an id")
        ),
    ]


def holds(fact: str, labels: dict):
    """A derived fact (etl.quality.derive) is true wherever it applies."""
    import great_expectations.expectations as gxe

    return gxe.ExpectColumnValuesToBeInSet(column=fact, value_set=[True], **labels)


def bridge_rules(left: tuple[str, str], right: tuple[str, str], once: str) -> list:
    """A bridge's rules: each key names a row of its dimension (<key>_known, from
    etl.quality.frames), and each pair is listed once (pair_unique). ``left``/``right``: the key
    column and what its dimension is."""
    import great_expectations.expectations as gxe

    links = [
        holds(
            f"{column.removesuffix('_id')}_known",
            blocking(f"{column.removesuffix('_id')}_known", f"{column} names a row of {dim}"),
        )
        for column, dim in (left, right)
    ]
    unique = gxe.ExpectCompoundColumnsToBeUnique(
        column_list=[left[0], right[0]], **blocking("pair_unique", once)
    )
    return [*links, unique]
