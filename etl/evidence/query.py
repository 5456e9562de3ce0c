"""What the evidence report shows, read from the marts (never from staging): one query each.

The report's charts and pages are built from these frames only (etl.evidence.page)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

_OUTCOMES = """
select
    o.outcome_id, o.trial_id, o.source_file, o.source_kind, o.endpoint, o.endpoint_label,
    o.measure, o.value, o.unit, o.timepoint_months, o.ci_level, o.ci_lower, o.ci_upper,
    o.p_value, o.p_operator, o.arm_label, o.comparator_label, o.subgroup_label,
    o.evidence_text, o.char_start, o.char_end,
    coalesce(t.acronym, t.nct_id) as trial_name,
    -- (what a chart groups by: the trial, or an unnamed study's file)
    coalesce(t.acronym, t.nct_id, 'unnamed study (' || o.source_file || ')') as study,
    coalesce(t.condition, 'condition not stated') as condition,
    o.outcome_id in (select outcome_id_a from main.fct_outcome_conflicts
                     union select outcome_id_b from main.fct_outcome_conflicts) as in_conflict,
from main.fct_outcomes as o
left join main.dim_trials as t using (trial_id)
where o.value is not null
order by o.endpoint, o.measure, o.value, o.outcome_id
"""

_TRIALS = """
select
    t.trial_id, t.acronym, t.nct_id, t.title, t.phase, t.is_randomized, t.blinding, t.design,
    t.n_enrolled, t.condition, t.status, t.sponsor, t.n_sources,
    (select list(distinct b.source_file order by b.source_file)
     from main.bridge_trial_publications as b where b.trial_id = t.trial_id) as sources,
from main.dim_trials as t
order by t.acronym is null and t.nct_id is null, coalesce(t.acronym, t.nct_id, t.title), t.trial_id
"""

_ARMS = """
select
    a.arm_id, a.trial_id, a.label, a.n_patients, a.regimen,
    list(distinct g.name order by g.name) filter (where g.name is not null) as agents,
from main.dim_arms as a
left join main.bridge_arm_agents as b using (arm_id)
left join main.dim_agents as g using (agent_id)
group by all
order by a.trial_id, a.label
"""


@dataclass(frozen=True)
class EvidenceData:
    outcomes: pl.DataFrame  # one row per fct_outcomes number, with its trial's name and condition
    trials: pl.DataFrame  # dim_trials, with the files that report each
    arms: pl.DataFrame  # dim_arms, with the agents each is made of


def load_evidence(warehouse: Path) -> EvidenceData:
    """The frames of the report, from the warehouse's marts (opened read-only)."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return EvidenceData(
            outcomes=con.sql(_OUTCOMES).pl(),
            trials=con.sql(_TRIALS).pl(),
            arms=con.sql(_ARMS).pl(),
        )
