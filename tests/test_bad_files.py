"""Bad files never stop the build and are never lost: each is in dim_documents or
audit_rejections, and the exit status says input was rejected."""

from __future__ import annotations

import os
import shutil

import duckdb
import pytest
from click.testing import CliRunner

from etl.cli import cli
from etl.pipeline import EXIT_INPUT_REJECTED
from tests.conftest import SEEDS
from tests.fixtures import docs


@pytest.fixture(scope="module")
def bad_build(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad")
    inbox = root / "inbox"
    inbox.mkdir()
    shutil.copy(SEEDS / "002_e79164c9d7c5a41d.txt", inbox / "good.txt")
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    (inbox / "latin1.txt").write_bytes(
        docs.ABSTRACTS.replace("Drug", "Médicament").encode("latin-1", errors="replace")
    )
    (inbox / "news.txt").write_text(docs.NEWS)
    (inbox / "page.html").write_text(
        "<!DOCTYPE html><html><body><p>Median OS 10 months</p></body></html>"
    )
    os.symlink(inbox / "missing.txt", inbox / "dangling.txt")
    os.symlink(inbox / "loop_b", inbox / "loop_a")
    os.symlink(inbox / "loop_a", inbox / "loop_b")
    (inbox / "sub").mkdir()
    (inbox / "sub" / "nested.txt").write_text(docs.REGISTRY)
    warehouse = root / "evidence.duckdb"
    result = CliRunner().invoke(
        cli,
        [
            "build",
            "--input",
            str(inbox),
            "--warehouse",
            str(warehouse),
            "--reports",
            str(root / "reports"),
        ],
    )
    return result, inbox, warehouse


def test_build_finishes_and_exit_status_says_input_was_rejected(bad_build):
    result, _, _ = bad_build
    assert result.exit_code == EXIT_INPUT_REJECTED, result.output
    assert "input problems were rejected" in result.output


def test_every_input_file_is_accounted_for(bad_build):
    _, inbox, warehouse = bad_build
    names = {
        os.path.relpath(os.path.join(d, f), inbox)
        for d, dirs, files in os.walk(inbox)
        for f in files + [x for x in dirs if os.path.islink(os.path.join(d, x))]
    }
    with duckdb.connect(str(warehouse), read_only=True) as con:
        documents = {r[0] for r in con.execute("select source_file from dim_documents").fetchall()}
        rejected = {
            r[0] for r in con.execute("select source_file from audit_rejections").fetchall()
        }
    assert names == {
        "good.txt",
        "empty.txt",
        "image.png",
        "latin1.txt",
        "news.txt",
        "page.html",
        "dangling.txt",
        "loop_a",
        "loop_b",
        "sub/nested.txt",
    }
    assert names <= documents | rejected


def test_each_problem_has_a_clear_rule(bad_build):
    _, _, warehouse = bad_build
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rules = dict(
            con.execute(
                "select source_file, rule from audit_rejections where stage = 'read'"
            ).fetchall()
        )
        kinds = dict(con.execute("select source_file, document_kind from dim_documents").fetchall())
        good = con.execute(
            "select count(*) from dim_publications where source_file = 'good.txt'"
        ).fetchall()[0][0]
    assert rules["empty.txt"] == "empty_file"
    assert rules["image.png"] == "binary_file"
    assert rules["latin1.txt"] == "invalid_utf8"
    assert rules["news.txt"] == "unknown_kind"
    assert rules["page.html"] == "html_document"
    assert rules["dangling.txt"] == rules["loop_a"] == "unreadable_file"
    assert kinds["latin1.txt"] == "abstract_collection"  # decoded, still usable
    assert kinds["sub/nested.txt"] == "registry_record"
    assert good == 20  # the good file is unharmed


def test_the_report_lists_the_rejections(bad_build):
    result, _, _ = bad_build
    assert "binary_file" in result.output and "unreadable_file" in result.output
