"""Agents in a built warehouse: a regimen arm is made of its components, conjugates and brand
names are one agent by their INN, and every agent has a class and a modality."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tests.conftest import shared_build

_PAD = " Safety, tolerability and quality of life were assessed throughout the study." * 4

DOCUMENT = (
    "METHODS: In the phase 3 HELIOS-9 trial, 400 patients with colorectal cancer were randomly "
    "assigned to FOLFOX4 plus cetuximab (n=200) or FOLFOX4 (n=200). RESULTS: Median overall "
    "survival was 20.1 months with FOLFOX4 plus cetuximab and 17.3 months with FOLFOX4."
    + _PAD
    + "\n"
    "METHODS: In the phase 3 ALTAIR-4 trial, 500 patients with breast cancer were randomly "
    "assigned to trastuzumab deruxtecan (T-DXd; n=250) or Kadcyla (n=250). RESULTS: Median "
    "progression-free survival was 28.8 months with T-DXd and 6.8 months with Kadcyla."
    + _PAD
    + "\n"
)


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Path:
    def fill(inbox: Path) -> None:
        inbox.mkdir()
        (inbox / "regimens.txt").write_text(DOCUMENT)

    result, wh, _, _ = shared_build(tmp_path_factory, "agents", fill)
    assert result.exit_code == 0, result.output
    return wh


def _rows(wh: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(wh), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_a_regimen_arm_is_made_of_its_components(warehouse):
    rows = _rows(
        warehouse,
        "select r.label, a.name from dim_arms r join bridge_arm_agents b using (arm_id) "
        "join dim_agents a using (agent_id) where r.label like 'FOLFOX4%' order by 1, 2",
    )
    by_arm: dict[str, set[str]] = {}
    for label, agent in rows:
        by_arm.setdefault(label, set()).add(agent)
    # the regimen's name stays the arm's label; its agents are the regimen's components
    assert by_arm["FOLFOX4"] == {"fluorouracil", "leucovorin", "oxaliplatin"}
    assert by_arm["FOLFOX4 plus cetuximab"] == {
        "fluorouracil",
        "leucovorin",
        "oxaliplatin",
        "cetuximab",
    }


def test_brand_names_and_codes_are_one_agent_by_its_inn(warehouse):
    agents = dict(_rows(warehouse, "select name, synonyms from dim_agents"))
    assert "trastuzumab deruxtecan" in agents and "deruxtecan" not in agents
    assert "T-DXd" in agents["trastuzumab deruxtecan"]
    assert "Kadcyla" in agents["trastuzumab emtansine"]


def test_every_agent_has_a_class_and_a_modality(warehouse):
    rows = dict(
        (name, (agent_class, modality))
        for name, agent_class, modality in _rows(
            warehouse, "select name, agent_class, modality from dim_agents"
        )
    )
    assert rows["trastuzumab deruxtecan"] == ("antibody-drug conjugate", "antibody-drug conjugate")
    assert rows["trastuzumab emtansine"][1] == "antibody-drug conjugate"
    assert rows["oxaliplatin"] == ("platinum compound", "small molecule")
    assert rows["leucovorin"][0] != "unclassified"
    assert all(agent_class != "unclassified" for agent_class, _ in rows.values()), rows
