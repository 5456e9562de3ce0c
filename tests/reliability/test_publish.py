"""A build never leaves a half-written warehouse: it builds beside the target and swaps the file in
only when it has passed; one build at a time; two builds of the same input are identical."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from etl import publish
from etl.cli import cli
from etl.pipeline import EXIT_BLOCKING, EXIT_BUSY, EXIT_INTERNAL, EXIT_OK
from tests.conftest import SEEDS
from tests.fixtures import docs

ETL = str(Path(sys.executable).with_name("etl"))


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _count(path: Path) -> int:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute("select count(*) from fct_outcomes").fetchall()[0][0]


def _wait_for(condition: Callable[[], bool], proc: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert proc.poll() is None, "the build ended before the moment the test waits for"
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


@pytest.fixture
def published(seed_build, tmp_path) -> Path:
    """A warehouse already published (a copy of the seed build) that a new build will replace."""
    _, built, _ = seed_build
    target = tmp_path / "wh" / "evidence.duckdb"
    target.parent.mkdir()
    shutil.copy(built, target)
    return target


@pytest.fixture
def small_input(tmp_path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "abstracts.txt").write_text(docs.ABSTRACTS)
    return folder


def _build_args(input_dir: Path, target: Path) -> list[str]:
    return [
        "build",
        "--input",
        str(input_dir),
        "--warehouse",
        str(target),
        "--reports",
        str(target.parent / "reports"),
    ]


def _spawn(input_dir: Path, target: Path, log: Path) -> subprocess.Popen:
    with log.open("w") as out:
        return subprocess.Popen(
            [ETL, *_build_args(input_dir, target)], stdout=out, stderr=subprocess.STDOUT
        )


def _lock_held(target: Path) -> bool:
    lock = publish.lock_path(target)
    return lock.exists() and lock.read_text().startswith("pid")


@pytest.mark.parametrize(
    ("signum", "moment"),
    [
        (signal.SIGINT, "extract"),  # Ctrl-C while the working file is being written
        (signal.SIGTERM, "dbt"),  # a scheduler stopping the job while dbt builds the marts
    ],
)
def test_an_interrupted_build_leaves_the_published_warehouse_byte_identical(
    published, small_input, tmp_path, signum, moment
):
    before, rows = _sha(published), _count(published)
    work = publish.building_path(published)
    dbt_log = work.parent / ".dbt-evidence" / "dbt_output.log"
    proc = _spawn(small_input, published, tmp_path / "build.log")
    if moment == "extract":
        _wait_for(work.exists, proc)
    else:
        _wait_for(lambda: dbt_log.exists() and dbt_log.stat().st_size > 0, proc)
    proc.send_signal(signum)
    assert proc.wait(timeout=120) == 128 + signum
    output = (tmp_path / "build.log").read_text()
    assert "INTERRUPTED" in output and "as it was" in output
    assert _sha(published) == before
    assert _count(published) == rows  # and it still opens and reads
    assert not work.exists() and not work.with_name(work.name + ".wal").exists()
    assert not publish.failed_path(published).exists()
    with publish.exclusive(published):  # the lock died with the build: the next one may run
        pass


@pytest.mark.parametrize("reported", [True, False])
def test_a_signal_that_a_library_takes_is_still_an_interruption(
    published, small_input, monkeypatch, reported
):
    """DuckDB takes a Ctrl-C that comes while it writes and raises "Query interrupted" (or a
    library could take it and say nothing): the build still says INTERRUPTED, exits 128 + the
    signal and publishes nothing."""
    before = _sha(published)

    def writes_until_interrupted(*_args, **_kwargs):
        try:
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(5)  # (the handler runs before this returns)
        except publish.Interrupted:
            if reported:
                raise RuntimeError("Query interrupted") from None
            return
        raise AssertionError("the signal was not taken")

    monkeypatch.setattr("etl.pipeline.write_tables", writes_until_interrupted)
    monkeypatch.setattr("etl.cli._run_transform", lambda *a, **k: True)  # (it would publish)
    monkeypatch.setattr("etl.cli._run_validate", lambda *a, **k: True)
    result = CliRunner().invoke(cli, _build_args(small_input, published))
    assert result.exit_code == 128 + signal.SIGINT, result.output
    assert "INTERRUPTED" in result.output and "internal error" not in result.output
    assert _sha(published) == before
    assert not publish.building_path(published).exists()


def test_a_build_whose_blocking_rules_fail_publishes_nothing_and_keeps_its_file(
    published, small_input, monkeypatch
):
    before = _sha(published)
    monkeypatch.setattr("etl.cli._run_transform", lambda *a, **k: False)  # a dbt test failed
    result = CliRunner().invoke(cli, _build_args(small_input, published))
    assert result.exit_code == EXIT_BLOCKING, result.output
    assert "Nothing published" in result.output
    assert _sha(published) == before
    failed = publish.failed_path(published)
    with duckdb.connect(str(failed), read_only=True) as con:  # kept for inspection
        assert con.execute("select count(*) from raw.outcomes").fetchall()[0][0] > 0
    assert not publish.building_path(published).exists()


def test_an_internal_error_publishes_nothing_and_says_so(published, small_input, monkeypatch):
    before = _sha(published)

    def broken(*_args, **_kwargs):
        raise RuntimeError("extractor bug")

    monkeypatch.setattr("etl.pipeline.outcomes_frame", broken)
    result = CliRunner().invoke(cli, _build_args(small_input, published))
    assert result.exit_code == EXIT_INTERNAL, result.output
    assert "extractor bug" in result.output and "nothing published" in result.output
    assert _sha(published) == before
    assert not publish.building_path(published).exists()


def test_a_second_build_or_stage_fails_at_once_while_one_runs(published, small_input):
    before = _sha(published)
    with publish.exclusive(published):  # (this process holds the lock, as a build would)
        for args in (
            _build_args(small_input, published),
            ["transform", "--warehouse", str(published)],
        ):
            result = CliRunner().invoke(cli, args)
            assert result.exit_code == EXIT_BUSY, result.output
            assert f"pid {os.getpid()}" in result.output and "is running" in result.output
    assert _sha(published) == before


def test_concurrent_build_and_reader_then_identical_marts(seed_build, published, tmp_path):
    """Two builds started together: the second refuses at once and the first publishes, while a
    BI reader holds the warehouse open; the rebuilt marts are identical to the first build's."""
    _, first_build, _ = seed_build
    with duckdb.connect(str(first_build), read_only=True) as con:
        expected = publish.fingerprints(con)
    reader = duckdb.connect(str(published), read_only=True)
    rows = reader.execute("select count(*) from fct_outcomes").fetchall()[0][0]
    first = _spawn(SEEDS, published, tmp_path / "first.log")
    _wait_for(lambda: _lock_held(published), first)
    second = subprocess.run(
        [ETL, *_build_args(SEEDS, published)], capture_output=True, text=True, timeout=120
    )
    assert second.returncode == EXIT_BUSY, second.stderr
    assert "another build" in second.stderr
    assert first.poll() is None  # (refused while the first still ran)
    while first.poll() is None:  # the reader keeps working throughout
        assert reader.execute("select count(*) from fct_outcomes").fetchall()[0][0] == rows
        time.sleep(0.2)
    assert first.returncode == EXIT_OK, (tmp_path / "first.log").read_text()
    assert reader.execute("select count(*) from fct_outcomes").fetchall()[0][0] == rows
    reader.close()
    with duckdb.connect(str(published), read_only=True) as con:
        assert publish.fingerprints(con) == expected
