"""The CLI on the seeds, into a temporary warehouse: what a user of `make build` gets."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
from click.testing import CliRunner

from etl.cli import cli
from tests.conftest import SEEDS

CONTRACT = {
    "dim_documents": ["document_id", "source_file", "document_kind", "title", "sha256", "n_chars"],
    "dim_publications": [
        "publication_id",
        "document_id",
        "source_file",
        "title",
        "authors",
        "journal",
        "year",
        "pmid",
        "doi",
        "nct_ids",
        "study_type",
        "char_start",
        "char_end",
    ],
    "audit_rejections": ["source_file", "stage", "rule", "detail", "char_start", "char_end"],
}


def _query(warehouse: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_build_succeeds_and_says_what_it_read(seed_build):
    result, _, _ = seed_build
    assert result.exit_code == 0, result.output
    assert "4 files → 4 documents, 52 records" in result.output
    assert "PASSED" in result.output


def test_marts_have_the_contract_columns(seed_build):
    _, warehouse, _ = seed_build
    for table, columns in CONTRACT.items():
        sql = (
            "select column_name from information_schema.columns "
            f"where table_schema = 'main' and table_name = '{table}'"
        )
        got = [r[0] for r in _query(warehouse, sql)]
        assert set(columns) <= set(got), f"{table} lacks {set(columns) - set(got)}"


def test_documents_have_their_kinds(seed_build):
    _, warehouse, _ = seed_build
    kinds = dict(_query(warehouse, "select source_file, document_kind from dim_documents"))
    assert kinds == {
        "000_9175fe4f42914789.txt": "vendor_sheet",
        "001_be9b3a56f823c711.txt": "registry_record",
        "002_e79164c9d7c5a41d.txt": "abstract_collection",
        "003_37f645316e907b92.txt": "publication_listing",
    }


def test_one_publication_per_abstract_and_listing_entry(seed_build):
    _, warehouse, _ = seed_build
    counts = dict(
        _query(warehouse, "select source_file, count(*) from dim_publications group by 1")
    )
    assert counts["002_e79164c9d7c5a41d.txt"] == 20
    n_listed = (SEEDS / "003_37f645316e907b92.txt").read_text().count("[PubMed]")
    assert counts["003_37f645316e907b92.txt"] == n_listed


def test_publication_spans_are_exactly_the_record(seed_build):
    _, warehouse, _ = seed_build
    rows = _query(
        warehouse, "select source_file, char_start, char_end, title from dim_publications"
    )
    texts = {f: (SEEDS / f).read_bytes().decode("utf-8") for f in {r[0] for r in rows}}
    for source_file, start, end, title in rows:
        record = texts[source_file][start:end]
        assert record == record.strip() and record
        if title and source_file.startswith("003"):
            assert title in record


def test_listing_entries_carry_title_journal_year(seed_build):
    _, warehouse, _ = seed_build
    rows = _query(
        warehouse,
        "select title, journal, year, authors from dim_publications "
        "where source_file = '003_37f645316e907b92.txt' order by char_start",
    )
    assert all(t and j and y for t, j, y, _ in rows)
    assert rows[0][1:3] == ("BMC Gastroenterol", 2017)
    assert sum(a is None for *_, a in rows) == 1  # the one entry printed without authors


def test_report_files_are_written_and_stand_alone(seed_build):
    _, _, reports = seed_build
    html = (reports / "quality.html").read_text()
    assert "PASSED" in (reports / "quality.md").read_text()
    assert (
        "<style>" in html
        and "http://" not in html
        and "https://" not in html
        and "<script" not in html
    )
    assert (reports / "data_docs" / "index.html").exists()


def test_validate_and_report_rerun_on_the_built_warehouse(seed_build, tmp_path):
    _, warehouse, _ = seed_build
    copy = tmp_path / "copy.duckdb"
    shutil.copy(warehouse, copy)
    runner = CliRunner()
    validated = runner.invoke(
        cli, ["validate", "--warehouse", str(copy), "--reports", str(tmp_path / "r")]
    )
    assert validated.exit_code == 0, validated.output
    reported = runner.invoke(
        cli, ["report", "--warehouse", str(copy), "--reports", str(tmp_path / "r")]
    )
    assert reported.exit_code == 0 and "Data-quality report" in reported.output
    assert _query(copy, "select count(*) from audit_rejections where stage = 'validate'") == [(0,)]


def test_a_blocking_rule_failure_fails_validation_and_names_the_row(seed_build, tmp_path):
    _, warehouse, _ = seed_build
    broken = tmp_path / "broken.duckdb"
    shutil.copy(warehouse, broken)
    with duckdb.connect(str(broken)) as con:
        victim = con.execute(
            "select publication_id from dim_publications order by publication_id limit 1"
        ).fetchall()[0][0]
        con.execute(
            "update dim_publications set char_end = char_end + 1000000 where publication_id = ?",
            [victim],
        )
    result = CliRunner().invoke(
        cli, ["validate", "--warehouse", str(broken), "--reports", str(tmp_path / "r")]
    )
    assert result.exit_code == 1, result.output
    assert "FAILED" in result.output and victim in result.output
    rows = _query(
        broken, "select rule, detail, severity from audit_rejections where stage = 'validate'"
    )
    assert any(
        "span_in_document" in rule and victim in detail and sev == "error"
        for rule, detail, sev in rows
    )
