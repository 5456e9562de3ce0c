"""Hostile files beside the seeds: each is reported with a clear rule, every file is accounted
for, and the seeds' results come out exactly as they do alone (same rows, same ids)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb
import pytest

from etl.pipeline import EXIT_INPUT_REJECTED
from tests.conftest import SEEDS, shared_build
from tests.fixtures import docs
from tests.reliability.hostile import NUMBERS, expected_rules, write_hostile


def _fill(inbox: Path) -> None:
    shutil.copytree(SEEDS, inbox)
    write_hostile(inbox / "hostile")
    (inbox / "new.txt").write_text(docs.ABSTRACTS)  # an ordinary new document


@pytest.fixture(scope="session")
def hostile(tmp_path_factory):
    """Seeds, the hostile corpus and one ordinary new document, built once per test run."""
    result, warehouse, _, inbox = shared_build(tmp_path_factory, "hostile", _fill)
    con = duckdb.connect(str(warehouse), read_only=True)
    yield result, inbox, expected_rules(), con
    con.close()


def _rows(con, sql):
    return con.execute(sql).fetchall()


def test_the_build_publishes_and_says_input_was_rejected(hostile):
    result, *_ = hostile
    assert result.exit_code == EXIT_INPUT_REJECTED, result.output
    assert "build: published" in result.output


def test_every_input_file_is_in_dim_documents_or_audit_rejections(hostile):
    result, inbox, _, con = hostile
    names = {
        os.path.relpath(os.path.join(d, f), inbox)
        for d, dirs, files in os.walk(inbox)
        for f in files + [x for x in dirs if os.path.islink(os.path.join(d, x))]
    }
    documents = {r[0] for r in _rows(con, "select source_file from dim_documents")}
    rejected = {r[0] for r in _rows(con, "select source_file from audit_rejections")}
    assert len(names) >= 23
    assert names <= documents | rejected, names - documents - rejected
    assert f"read {len(names)} files" in result.output  # (the build's count is the folder's)


def test_each_hostile_file_has_its_rule_and_the_build_says_why(hostile):
    result, _, expected, con = hostile
    rules = {}
    for source, rule in _rows(con, "select source_file, rule from audit_rejections"):
        rules.setdefault(source, set()).add(rule)
    for name, rule in expected.items():
        if rule is not None:
            assert rule in rules.get(f"hostile/{name}", set()), (name, rules.get(f"hostile/{name}"))
            assert rule in result.output  # the build's own summary names it
    kinds = dict(_rows(con, "select source_file, document_kind from dim_documents"))
    assert kinds["hostile/latin1.txt"] == "abstract"  # decoded, still usable
    assert kinds["hostile/sub/nested.txt"] == "registry_record"
    clean = [f"hostile/{n}" for n, r in expected.items() if r is None]
    read_problems = _rows(
        con,
        "select source_file, rule from audit_rejections where stage = 'read' "
        f"and source_file in ({', '.join(repr(c) for c in clean)})",
    )
    assert read_problems == []


def test_readable_hostile_files_give_their_results_with_exact_evidence(hostile):
    _, inbox, _, con = hostile
    got = _rows(
        con,
        "select source_file, value, evidence_text, char_start, char_end, value_start, value_end "
        "from fct_outcomes where source_file like 'hostile/%' order by source_file, value_start",
    )
    by_file: dict[str, list[float]] = {}
    for source, value, evidence, start, end, value_start, value_end in got:
        by_file.setdefault(source.removeprefix("hostile/"), []).append(value)
        text = (inbox / source).read_bytes().decode("utf-8", errors="replace")
        if source.endswith(("latin1.txt", "mixed.txt")):
            continue  # (read as Windows-1252 where UTF-8 fails: offsets checked by the rules)
        assert text[start:end] == evidence
        assert start <= value_start < value_end <= end
    assert by_file["bom.txt"] == by_file["crlf.txt"] == [6.1, 6.1, 6.1]
    assert by_file["latin1.txt"] == [6.1]
    assert sorted(by_file["mixed.txt"]) == [5.2, 9.8]
    assert by_file["truncated.txt"] == [6.1, 6.1, 6.1, 8.1]  # (only its last character is cut)
    assert by_file["big.txt"] == [12.4]
    assert by_file["one_line.txt"] == [4.2]
    assert 1025.0 in by_file["numbers.txt"] and 812.0 in by_file["numbers.txt"]
    (size,) = _rows(con, "select n_bytes from dim_documents where source_file = 'hostile/big.txt'")
    assert size[0] >= 20 * 1024 * 1024


def test_hostile_numbers_are_kept_without_what_cannot_be(hostile):
    _, _, _, con = hostile
    rows = _rows(
        con,
        "select value, ci_lower, ci_upper, p_value, p_operator from fct_outcomes "
        "where source_file = 'hostile/numbers.txt' order by char_start, value_start",
    )
    values = {r[0]: r[1:] for r in rows}
    assert values[16.4] == (None, None, None, None)  # reversed interval: not kept
    assert values[45.0][:2] == (None, None)  # a rate's interval beyond 100%: not kept
    assert values[0.91][:2] == (0.5, 500.0)  # possible, if implausible: kept, with a warning
    assert values[0.62][:2] == (0.51, 0.75) and values[0.62][2] is None  # P = 1.2 dropped
    assert (0.0001, "<") in [(r[3], r[4]) for r in rows]
    details = _rows(
        con,
        "select rule, detail from audit_rejections where source_file = 'hostile/numbers.txt'",
    )
    for rule in filter(None, NUMBERS.values()):
        assert rule in {d[0] for d in details}
    assert any("reversed interval (19.58 to 14.16)" in d[1] for d in details)


def test_the_seeds_come_out_as_they_do_alone(hostile, seed_build):
    """Adding documents (hostile or not) changes no existing outcome, trial or agent."""
    _, _, _, con = hostile
    _, alone, _ = seed_build
    seed_files = ", ".join(f"'{p.name}'" for p in SEEDS.iterdir())
    columns = "outcome_id, endpoint, measure, value, ci_lower, ci_upper, p_value, arm_label, evidence_text"
    seed_outcomes = (
        f"select {columns} from fct_outcomes where source_file in ({seed_files}) order by 1"
    )
    with duckdb.connect(str(alone), read_only=True) as seeds:
        for table, key in (
            ("fct_outcomes", "outcome_id"),
            ("dim_trials", "trial_id"),
            ("dim_agents", "agent_id"),
        ):
            before = set(_rows(seeds, f"select {key} from {table}"))
            after = set(_rows(con, f"select {key} from {table}"))
            assert before <= after, (table, sorted(before - after)[:5])
        assert _rows(con, seed_outcomes) == _rows(seeds, seed_outcomes)
