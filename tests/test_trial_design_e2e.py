"""Design facts and arms built end to end (composed documents, invented agents and trials): a
table row's trial gets the phase and the group the row states and the design its caption states;
the rows under a study's heading are that study's; groups that add up to more than the enrolment
(subgroups in another document, the choices within one arm) are not all arms, and the folder still
publishes."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tests.conftest import shared_build
from tests.extract.test_table_layouts import GROUP_COLUMNS, SECTIONS

# The second row describes a cell therapy ("T cells"): whatever study its record is taken
# for, the row still states its trial's phase and size.
SINGLE_AGENTS = """Table 1. Trials of single agents in relapsed lymphoma
| Agent | Study (phase) | Mechanism | N | Median OS, months |
|---|---|---|---|---|
| Drug S | NOVA-3 (III) | Anti-CD20 antibody | 210 | 11.2 |
| Zelcel | KESTREL (II) | Engineered autologous T cells | 64 | 19.1 |
"""
RANDOMISED = """Table 2. Randomized trials comparing drug T with drug U
| Trial | Control arm (n of pts) | Experimental arm (n of pts) | Median PFS, control vs experimental |
|---|---|---|---|
| HERON-1 | Drug U 40 mg QD (201) | Drug T 90 mg QD (199) | 8.4 vs 13.9 months |
| HERON-2 | Drug U 40 mg QD (88) | Drug T 60 mg QD (90) | 7.9 vs 12.5 months |
"""
_PAD = " Safety, tolerability and quality of life were assessed throughout the study." * 4
# one trial, two documents: the second sizes subgroups in its results, not arms
PRIMARY = (
    "METHODS: In the phase 3 ORCA-9 trial, 300 patients were randomized to drug K (n = 150) or "
    "drug L (n = 150). RESULTS: Median overall survival was 14.2 months with drug K and 11.0 "
    "months with drug L." + _PAD + "\n"
)
SUBGROUPS = (
    "BACKGROUND: We report an exploratory analysis of ORCA-9 by marker status. RESULTS: The "
    "response rate was 40% in the marker-high group (n = 80) and 20% in the marker-low group "
    "(n = 220)." + _PAD + "\n"
)
# one statement sizes both arms, then the choices within the second
CHOICES = (
    "METHODS: In the phase 3 PLOVER-7 trial, 400 patients were randomly assigned to receive drug "
    "V (n = 200) or investigator's choice of chemotherapy (n = 200): either drug W (n = 90), "
    "drug X (n = 60), or drug Y (n = 50). RESULTS: Median PFS was 5.6 months with drug V and 4.0 "
    "months with chemotherapy." + _PAD + "\n"
)


@pytest.fixture(scope="module")
def trials(tmp_path_factory) -> dict[str, tuple]:
    def fill(inbox: Path) -> None:
        inbox.mkdir()
        (inbox / "single_agents.txt").write_text(SINGLE_AGENTS)
        (inbox / "randomised.txt").write_text(RANDOMISED)
        (inbox / "primary.txt").write_text(PRIMARY)
        (inbox / "subgroups.txt").write_text(SUBGROUPS)
        (inbox / "choices.txt").write_text(CHOICES)
        # (an interval that does not hold its number is rejected: not in a folder that publishes
        # cleanly)
        (inbox / "sections.txt").write_text(SECTIONS.replace("12–14", "10–12"))
        (inbox / "group_columns.txt").write_text(GROUP_COLUMNS)

    result, warehouse, _, _ = shared_build(tmp_path_factory, "trial_design", fill)
    assert result.exit_code == 0, result.output
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute(
            "select t.acronym, t.phase, t.is_randomized, "
            "list(a.n_patients order by a.n_patients) filter (where a.n_patients is not null) "
            "from dim_trials t left join dim_arms a using (trial_id) "
            "where t.acronym is not null group by all"
        ).fetchall()
        outcomes = con.execute(
            "select o.source_file, o.measure, o.value, o.unit, o.arm_label, o.comparator_label, "
            "t.acronym, o.trial_link from fct_outcomes o left join dim_trials t using (trial_id) "
            "where o.source_file in ('sections.txt', 'group_columns.txt') order by o.char_start"
        ).fetchall()
    return {acronym: rest for acronym, *rest in rows} | {"outcomes": outcomes}


def test_a_row_states_its_trials_phase_and_size_whatever_its_record_is_taken_for(trials):
    assert trials["NOVA-3"][0] == "3"
    assert trials["KESTREL"][0] == "2"
    assert trials["KESTREL"][2] == [64]


def test_the_rows_of_a_table_of_randomised_trials_are_randomised(trials):
    assert trials["HERON-1"][1] is True
    assert trials["HERON-2"][1] is True


def test_groups_beyond_the_enrolment_are_not_all_arms(trials):
    # (the build published: arms within the enrolment, which the quality rules hold it to)
    assert trials["ORCA-9"][2] == [150, 150]


def test_the_choices_within_an_arm_are_not_arms_beside_it(trials):
    """The build publishes, and the two arms keep their sizes: the choices that add up to the
    second arm's are no arms of their own."""
    assert trials["PLOVER-7"][2] == [200, 200]


def test_the_rows_under_a_study_heading_are_its_results_and_its_arms(trials):
    assert trials["BRAVO-3"][2] == [405, 410]
    assert "DRX" not in trials  # a treatment, defined in the abbreviations: never a trial
    section = [o for o in trials["outcomes"] if o[0] == "sections.txt"]
    assert [(o[1], o[2], o[6], o[7]) for o in section[:3]] == [
        ("median", 21.3, "BRAVO-3", "record"),
        ("hazard_ratio", 0.78, "BRAVO-3", "record"),
        ("median", 17.9, "BRAVO-3", "record"),
    ]
    assert all(o[6] is None for o in section[3:])  # the unnamed study's: no named trial


def test_group_columns_build_with_their_groups_and_no_schedule_as_unit(trials):
    columns = [o for o in trials["outcomes"] if o[0] == "group_columns.txt"]
    assert len(columns) == 14 and all(o[3] != "weeks" for o in columns)
    assert ("hazard_ratio", 0.71, "ratio", "Velmurane 3 mg/kg", "Docetaxel") in [
        o[1:6] for o in columns
    ]
