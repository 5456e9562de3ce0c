"""Every code the product writes into a coded column comes from etl/vocab/codes.py.

A code written anywhere else is how `single-arm` ended up in a column whose test expected
`single_arm`, and a real folder of documents was refused. These tests make that drift impossible:
dbt tests coded columns only against the vocabulary (never against a list of their own), SQL
writes codes only through the `code` macro (which stops the build when a code is unknown), and
Python writes them through `etl.vocab.code`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from etl.transform import DbtResult, run_dbt
from etl.vocab import CODE_SETS, code, vocab_vars

DBT = Path(__file__).resolve().parent.parent / "dbt"
_COMMENT = re.compile(r"--[^\n]*")


def _model_files() -> list[Path]:
    return sorted((DBT / "models").rglob("*.yml"))


def _coded_columns() -> dict[str, str]:
    """Every column that some model tests with in_vocabulary, with its code set."""
    coded: dict[str, str] = {}
    for path in _model_files():
        for model in yaml.safe_load(path.read_text()).get("models", []):
            for column in model.get("columns", []):
                for test in column.get("data_tests", []) or []:
                    if isinstance(test, dict) and "in_vocabulary" in test:
                        coded[column["name"]] = test["in_vocabulary"]["arguments"]["code_set"]
    return coded


def test_dbt_tests_coded_columns_against_the_vocabulary_only():
    for path in _model_files():
        text = path.read_text()
        assert "accepted_values" not in text, (
            f"{path.name}: a list of accepted values drifts from etl/vocab; use in_vocabulary"
        )
    coded = _coded_columns()
    for column in ("arm_source", "trial_link", "document_kind", "modality", "endpoint"):
        assert column in coded, f"{column} has no in_vocabulary test"
    assert set(coded.values()) <= set(CODE_SETS)


def test_sql_writes_no_code_as_a_bare_literal():
    coded = "|".join([*sorted(_coded_columns()), "fact", "scope", "primary_study_type"])
    column = rf"(?:\w+\.)?(?:{coded})"
    literal = r"'[^'{}]*'"
    bare = re.compile(
        rf"{literal}\s+as\s+{column}\b"  # 'x' as arm_source
        rf"|\b{column}\s*(?:=|<>|!=)\s*{literal}"  # arm_source = 'x'
        rf"|\b{column}\s+(?:not\s+)?in\s*\(\s*{literal}",  # study_type in ('x', ...)
        re.IGNORECASE,
    )
    offenders = [
        f"{path.relative_to(DBT)}: {m.group()}"
        for path in sorted((DBT / "models").rglob("*.sql"))
        for m in bare.finditer(_COMMENT.sub("", path.read_text()))
    ]
    assert offenders == [], "write codes as {{ code('set', 'value') }}: " + "; ".join(offenders)


def test_python_code_accepts_declared_codes_and_refuses_others():
    assert code("arm_source", "single_arm") == "single_arm"
    with pytest.raises(ValueError, match="single-arm"):
        code("arm_source", "single-arm")
    assert vocab_vars()["vocab"]["arm_source"] == list(CODE_SETS["arm_source"])


def _compile(sql: str, tmp_path: Path) -> DbtResult:
    return run_dbt(tmp_path / "compile.duckdb", "compile", args=("--inline", sql))


def test_dbt_code_macro_stops_an_unknown_code_at_compile_time(tmp_path):
    good = _compile("select {{ code('arm_source', 'single_arm') }} as arm_source", tmp_path)
    assert good.returncode == 0, good.output
    assert "'single_arm'" in good.output
    bad = _compile("select {{ code('arm_source', 'single-arm') }} as arm_source", tmp_path)
    assert bad.returncode != 0
    assert "is not a code of 'arm_source'" in bad.output
