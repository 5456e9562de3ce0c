from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import polars as pl
import pytest

from etl.documents.ids import document_id

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def files_frame(texts: dict[str, str]) -> pl.DataFrame:
    """A frame like etl.documents.read_folder's, from in-memory texts (no I/O)."""
    return pl.DataFrame(
        [
            {
                "document_id": document_id(name),
                "source_file": name,
                "sha256": "0" * 64,
                "n_bytes": len(text.encode()),
                "n_chars": len(text),
                "encoding": "utf-8",
                "n_invalid_bytes": 0,
                "text": text,
            }
            for name, text in texts.items()
        ]
    )


def outcomes_of(texts: dict[str, str]) -> pl.DataFrame:
    """The outcomes extraction reads from in-memory texts, in the order of the text."""
    from etl.documents.stage import stage_documents
    from etl.extract import outcomes_frame, sentences_frame

    staged = stage_documents(files_frame(texts))
    outcomes, _ = outcomes_frame(sentences_frame(staged.record_lines, staged.publications))
    return outcomes.sort("source_file", "char_start")


def parsed_with_groups(sentence: str, groups: list[str], context: tuple[str, str] | None = None):
    """The facts the grammar reads in ``sentence`` of a record that declares ``groups`` (the
    first compared with the second), ``context`` the endpoint the record last named."""
    from etl.extract.grammar import parse_sentence

    return parse_sentence(sentence, context, tuple(groups[:2]), groups)


@pytest.fixture
def make_files():
    return files_frame


@dataclass(frozen=True)
class BuildResult:
    exit_code: int
    output: str


def shared_build(
    tmp_path_factory, name: str, fill_input: Callable[[Path], None] | None = None
) -> tuple[BuildResult, Path, Path, Path]:
    """`etl build` of a folder, once per test run, shared by the pytest-xdist workers: the first
    to need it builds, under a file lock; the others wait and reuse it. ``fill_input`` writes the
    input folder (default: seeds/ itself). (result, warehouse, reports folder, input folder)."""
    from click.testing import CliRunner

    from etl.cli import cli

    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # (the run's folder, above each worker's own)
    root = shared / name
    root.mkdir(exist_ok=True)
    warehouse, reports = root / "wh" / "evidence.duckdb", root / "reports"
    inbox = root / "inbox" if fill_input else SEEDS
    done = root / "result.json"
    with (root / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            if fill_input:
                fill_input(inbox)
            args = ["--input", str(inbox), "--warehouse", str(warehouse), "--reports", str(reports)]
            result = CliRunner().invoke(cli, ["build", *args])
            done.write_text(json.dumps({"exit_code": result.exit_code, "output": result.output}))
    return BuildResult(**json.loads(done.read_text())), warehouse, reports, inbox


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    """`etl build` of seeds/ into a temporary warehouse, once per test run:
    (result, warehouse path, reports folder). Tests copy the warehouse before changing it."""
    result, warehouse, reports, _ = shared_build(tmp_path_factory, "seedbuild")
    return result, warehouse, reports
