"""The `filled` dbt test (dbt/tests/generic/filled.sql): a model's required and non-blank columns
checked in one query, each failing row naming the column and the rule it breaks."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import duckdb
import pytest
import yaml

from etl.transform import run_dbt

DBT = Path(__file__).resolve().parent.parent / "dbt"
_ROWS = (
    "(select * from (values (1, 'a', 'x', null), (2, null, '   ', null), (3, null, 'y', 'z'))"
    " as t(id, name, label, note))"
)


def _failures(tmp_path: Path, not_null: list[str], not_blank: list[str]) -> str:
    sql = (
        f'{{{{ test_filled("{_ROWS} as rows", not_null={not_null!r}, not_blank={not_blank!r}) }}}}'
    )
    result = run_dbt(tmp_path / "show.duckdb", "show", args=("--inline", sql, "--limit", "20"))
    assert result.returncode == 0, result.output
    return result.output


def test_each_broken_rule_is_named_with_its_row_count(tmp_path):
    out = _failures(tmp_path, ["id", "name"], ["label", "note"])
    assert re.search(r"name is null\s*\|\s*2\b", out)  # (two rows without a name)
    assert "label is blank" in out
    assert "id is null" not in out  # (every row has an id)
    assert "note is blank" not in out  # (null is unknown, not blank)


@pytest.mark.parametrize("folder", ["staging/etl", "intermediate", "marts"])
def test_every_column_a_filled_test_names_is_a_documented_column(folder):
    """A name misspelt in a `filled` list would fail the build with a SQL error at best; a name
    left out of the model's columns would go undocumented."""
    for path in sorted((DBT / "models" / folder).glob("_*__models.yml")):
        for model in yaml.safe_load(path.read_text())["models"]:
            columns = {c["name"] for c in model.get("columns", [])}
            for test in model.get("data_tests", []) or []:
                if isinstance(test, dict) and "filled" in test:
                    named = [
                        *test["filled"]["arguments"].get("not_null", []),
                        *test["filled"]["arguments"].get("not_blank", []),
                    ]
                    assert set(named) <= columns, (model["name"], set(named) - columns)


def test_a_failed_dbt_test_names_what_broke_it_in_audit_rejections(seed_build, tmp_path):
    """A required column left empty in a staging table fails the build, and the audit row says
    which column of which model, and in how many rows, not only that a test failed."""
    from etl.pipeline import transform
    from etl.settings import Settings

    result, built, _ = seed_build
    assert result.exit_code == 0, result.output
    copy = tmp_path / "evidence.duckdb"
    shutil.copy(built, copy)
    with duckdb.connect(str(copy)) as con:
        con.execute("update raw.documents set encoding = null")
        n_documents = con.execute("select count(*) from raw.documents").fetchone()[0]

    found = transform(Settings(tmp_path, copy, tmp_path / "reports"))

    assert not found.ok
    filled = [f for f in found.failures if "stg_etl__documents__filled" in f.node]
    assert len(filled) == 1, found.failures
    assert f"failed_rule=encoding is null, n_rows={n_documents}" in filled[0].message
    with duckdb.connect(str(copy)) as con:
        details = [
            d
            for (d,) in con.execute(
                "select detail from audit_rejections where stage = 'transform'"
            ).fetchall()
        ]
    assert any("encoding is null" in d for d in details), details
