"""Every data-quality rule catches its own fault: the seed warehouse with one row broken fails
exactly that rule, and names the broken row.

Each case runs in a transaction on a copy of the seed warehouse (rolled back afterwards). Where
the broken row has dependents, the case keeps them consistent (re-points or removes them), so
that only the fault under test remains. A case whose rule reads a number from the text restates
the source text too (``restate``): the sentence then really says the broken number.

GX costs about a second per suite run, so a case re-runs only the suites whose mart frame (or
staging count) the change touched; the others are known to pass from the baseline run.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass

import duckdb
import polars as pl
import pytest

from etl.quality.frames import mart_frames, staging_counts
from etl.quality.validate import SuiteRunner, audit_rows


@dataclass(frozen=True)
class Case:
    rule: str  # <suite>.<rule>
    victim: str | None  # SQL giving the id the failure must name (None: a table-level rule)
    change: tuple[str, ...] | Callable[[duckdb.DuckDBPyConnection, str], None]


def restate(con: duckdb.DuckDBPyConnection, outcome_id: str, written: str, **values) -> None:
    """The outcome's number is written ``written`` in the source, and stored as ``values``:
    the document's text is rewritten and every offset after the number moves with it."""
    doc, start, end = con.execute(
        "select document_id, value_start, value_end from fct_outcomes where outcome_id = ?",
        [outcome_id],
    ).fetchone()
    text = con.execute("select text from raw.documents where document_id = ?", [doc]).fetchone()[0]
    new = text[:start] + written + text[end:]
    shift = len(written) - (end - start)
    con.execute("update raw.documents set text = ? where document_id = ?", [new, doc])
    for table, columns in (
        ("fct_outcomes", ("char_start", "char_end", "value_start", "value_end")),
        ("dim_publications", ("char_start", "char_end")),
    ):
        for c in columns:
            con.execute(
                f"update {table} set {c} = {c} + ? where document_id = ? and {c} >= ?",
                [shift, doc, end],
            )
    for oid, a, b in con.execute(
        "select outcome_id, char_start, char_end from fct_outcomes "
        "where document_id = ? and char_start <= ? and char_end >= ?",
        [doc, start, start + len(written)],
    ).fetchall():
        con.execute(
            "update fct_outcomes set evidence_text = ? where outcome_id = ?", [new[a:b], oid]
        )
    sets = ", ".join(f"{k} = ?" for k in values)
    con.execute(
        f"update fct_outcomes set {sets} where outcome_id = ?", [*values.values(), outcome_id]
    )


def _restating(written: str, **values) -> Callable[[duckdb.DuckDBPyConnection, str], None]:
    return lambda con, victim: restate(con, victim, written, **values)


# Victims: rows that let a change break one rule only
_FREE = (
    "outcome_id not in (select outcome_id_a from fct_outcome_conflicts "
    "union select outcome_id_b from fct_outcome_conflicts)"
)
_MEDIAN_CI = (
    "select min(outcome_id) from fct_outcomes where measure = 'median' and unit = 'months' "
    f"and ci_lower < value and value < ci_upper and {_FREE}"
)
_MEDIAN = f"select min(outcome_id) from fct_outcomes where measure = 'median' and unit = 'months' and {_FREE}"
_RATE = f"select min(outcome_id) from fct_outcomes where measure = 'rate' and value between 1 and 98 and ci_lower is null and {_FREE}"
_HR = f"select min(outcome_id) from fct_outcomes where measure = 'hazard_ratio' and {_FREE}"
_COUNT = f"select min(outcome_id) from fct_outcomes where measure = 'count' and {_FREE}"
_P = f"select min(outcome_id) from fct_outcomes where p_value is not null and measure not like '%ratio' and {_FREE}"
_WITH_ARM = f"select min(outcome_id) from fct_outcomes where arm_id is not null and {_FREE}"
_FREE_PUB = (
    "from dim_publications p where not exists (select 1 from fct_outcomes o where o.publication_id "
    "= p.publication_id) and not exists (select 1 from bridge_trial_publications b where "
    "b.publication_id = p.publication_id)"
)
_LISTING = (
    "select min(publication_id) from dim_publications join dim_documents using (document_id) "
    "where document_kind = 'publication_listing'"
)
_BARE_TRIAL = (  # no arms, no outcomes, no enrolment
    "from dim_trials t where n_enrolled is null and not exists (select 1 from dim_arms a "
    "where a.trial_id = t.trial_id) and not exists (select 1 from fct_outcomes o where "
    "o.trial_id = t.trial_id)"
)
_FREE_AGENT = (
    "from dim_agents g where not exists (select 1 from bridge_arm_agents b "
    "where b.agent_id = g.agent_id)"
)
_BARE_ARMS = (  # two arms of one trial, no agents listed for either
    "select a.arm_id as a, b.arm_id as b from dim_arms a join dim_arms b on a.trial_id = b.trial_id "
    "and a.arm_id < b.arm_id where not exists (select 1 from bridge_arm_agents x where x.arm_id "
    "in (a.arm_id, b.arm_id)) order by a, b limit 1"
)
_SIZED_ARM_TRIAL = "select min(trial_id) from dim_arms where n_patients is not null"


CASES = [
    # dim_documents (rows named by source_file)
    Case(
        "dim_documents.document_id_unique",
        "select min(source_file) from dim_documents",
        (
            "insert into dim_documents select * from dim_documents where source_file = {v}",
            "insert into raw.documents select * from raw.documents where source_file = {v}",
        ),
    ),
    Case(
        "dim_documents.document_id_present",
        "select min(source_file) from dim_documents",
        (
            "insert into dim_documents select * replace (null as document_id) from dim_documents "
            "where source_file = {v}",
            "insert into raw.documents select * replace (null as document_id) from raw.documents "
            "where source_file = {v}",
        ),
    ),
    Case(
        "dim_documents.row_count_reconciled",
        None,
        (
            "insert into raw.documents select * replace ('doc_extra' as document_id, "
            "'extra.txt' as source_file) from raw.documents limit 1",
        ),
    ),
    Case(
        "dim_documents.kind_in_vocabulary",
        "select min(source_file) from dim_documents where document_kind = 'vendor_sheet'",
        ("update dim_documents set document_kind = 'pdf' where source_file = {v}",),
    ),
    Case(
        "dim_documents.kind_recognised",
        "select min(source_file) from dim_documents where document_kind = 'vendor_sheet'",
        ("update dim_documents set document_kind = 'other' where source_file = {v}",),
    ),
    Case(
        "dim_documents.sha256_present",
        "select min(source_file) from dim_documents",
        ("update dim_documents set sha256 = 'abc' where source_file = {v}",),
    ),
    Case(
        "dim_documents.has_text",
        "select min(source_file) from dim_documents",
        ("update dim_documents set n_chars = 0 where source_file = {v}",),
    ),
    Case(
        "dim_documents.valid_utf8",
        "select min(source_file) from dim_documents",
        ("update dim_documents set n_invalid_bytes = 2 where source_file = {v}",),
    ),
    Case(
        "dim_documents.yields_records",
        "select min(source_file) from dim_documents",
        ("update dim_documents set n_publications = 0 where source_file = {v}",),
    ),
    # dim_publications
    Case(
        "dim_publications.publication_id_unique",
        "select min(publication_id) from dim_publications",
        (
            "update dim_publications set publication_id = {v} where publication_id = "
            f"(select min(publication_id) {_FREE_PUB} and publication_id <> {{v}})",
        ),
    ),
    Case(
        "dim_publications.publication_id_present",
        None,
        (
            f"update dim_publications set publication_id = null where publication_id = "
            f"(select min(publication_id) {_FREE_PUB})",
        ),
    ),
    Case(
        "dim_publications.document_known",
        f"select min(publication_id) {_FREE_PUB}",
        ("update dim_publications set document_id = 'doc_x' where publication_id = {v}",),
    ),
    Case(
        "dim_publications.row_count_reconciled",
        None,
        (
            "insert into raw.publications select * replace ('pub_extra' as publication_id) "
            "from raw.publications limit 1",
        ),
    ),
    Case(
        "dim_publications.span_in_document",
        "select min(publication_id) from dim_publications",
        ("update dim_publications set char_end = char_end + 1000000 where publication_id = {v}",),
    ),
    Case(
        "dim_publications.span_trimmed",
        "select min(p.publication_id) from dim_publications p join raw.documents d using "
        "(document_id) where p.char_start > 0 and substr(d.text, p.char_start, 1) in (' ', chr(10))",
        ("update dim_publications set char_start = char_start - 1 where publication_id = {v}",),
    ),
    Case(
        "dim_publications.study_type_in_vocabulary",
        "select min(publication_id) from dim_publications",
        ("update dim_publications set study_type = 'trial' where publication_id = {v}",),
    ),
    Case(
        "dim_publications.nct_ids_well_formed",
        "select min(publication_id) from dim_publications",
        ("update dim_publications set nct_ids = 'NCT123' where publication_id = {v}",),
    ),
    Case(
        "dim_publications.year_plausible",
        "select min(publication_id) from dim_publications",
        ("update dim_publications set year = 1800 where publication_id = {v}",),
    ),
    Case(
        "dim_publications.listing_title_present",
        _LISTING,
        ("update dim_publications set title = null where publication_id = {v}",),
    ),
    Case(
        "dim_publications.listing_journal_present",
        _LISTING,
        ("update dim_publications set journal = null where publication_id = {v}",),
    ),
    # fct_outcomes: intervals
    Case(
        "fct_outcomes.ci_lower_below_value",
        _MEDIAN_CI,
        ("update fct_outcomes set ci_lower = (value + ci_upper) / 2 where outcome_id = {v}",),
    ),
    Case(
        "fct_outcomes.ci_upper_above_value",
        _MEDIAN_CI,
        ("update fct_outcomes set ci_upper = (ci_lower + value) / 2 where outcome_id = {v}",),
    ),
    Case(
        "fct_outcomes.ci_ordered",
        _MEDIAN_CI,
        ("update fct_outcomes set ci_lower = value, ci_upper = value where outcome_id = {v}",),
    ),
    Case(
        "fct_outcomes.ci_level_range",
        _MEDIAN_CI,
        ("update fct_outcomes set ci_level = 100 where outcome_id = {v}",),
    ),
    Case(
        "fct_outcomes.ci_bounds_paired",
        _MEDIAN_CI,
        ("update fct_outcomes set ci_upper = null where outcome_id = {v}",),
    ),
    # ranges by measure (the source text says the broken number)
    Case("fct_outcomes.rate_range", _RATE, _restating("120%", value=120.0)),
    Case(
        "fct_outcomes.ratio_positive",
        _HR,
        _restating("0", value=0.0, ci_lower=None, ci_upper=None, ci_level=None),
    ),
    Case(
        "fct_outcomes.ratio_plausible",
        _HR,
        _restating("25", value=25.0, ci_lower=None, ci_upper=None, ci_level=None),
    ),
    Case(
        "fct_outcomes.rate_ci_range",
        _RATE,
        (
            "update fct_outcomes set ci_lower = value - 1, ci_upper = 120, ci_level = 95 "
            "where outcome_id = {v}",
        ),
    ),
    Case(
        "fct_outcomes.ratio_ci_plausible",
        _HR,  # (p dropped: an interval across 1 would contradict a significant p too)
        (
            "update fct_outcomes set ci_lower = value / 2, ci_upper = 500, ci_level = 95, "
            "p_value = null, p_operator = null where outcome_id = {v}",
        ),
    ),
    Case(
        "fct_outcomes.time_ci_plausible",
        _MEDIAN,
        (
            "update fct_outcomes set ci_lower = value / 2, ci_upper = 500, ci_level = 95 "
            "where outcome_id = {v}",
        ),
    ),
    Case(
        "fct_outcomes.time_positive",
        _MEDIAN,
        _restating("0", value=0.0, value_months=0.0, ci_lower=None, ci_upper=None, ci_level=None),
    ),
    Case(
        "fct_outcomes.time_plausible",
        _MEDIAN,
        _restating(
            "300", value=300.0, value_months=300.0, ci_lower=None, ci_upper=None, ci_level=None
        ),
    ),
    Case("fct_outcomes.count_non_negative", _COUNT, _restating("-1", value=-1.0)),
    Case(
        "fct_outcomes.p_value_range",
        _P,
        ("update fct_outcomes set p_value = 1.2 where outcome_id = {v}",),
    ),
    Case(
        "fct_outcomes.n_patients_non_negative",
        _MEDIAN,  # (not a rate: a rate's count is also checked against its denominator)
        ("update fct_outcomes set n_patients = -1 where outcome_id = {v}",),
    ),
    # units
    Case(
        "fct_outcomes.time_endpoint_unit",
        _MEDIAN,
        ("update fct_outcomes set unit = 'percent', value_months = null where outcome_id = {v}",),
    ),
    Case(
        "fct_outcomes.rate_unit",
        _RATE,
        ("update fct_outcomes set unit = 'months', value_months = value where outcome_id = {v}",),
    ),
    Case(
        "fct_outcomes.count_unit",
        _COUNT,
        ("update fct_outcomes set unit = 'percent' where outcome_id = {v}",),
    ),
    Case(
        "fct_outcomes.ratio_unit",
        _HR,
        ("update fct_outcomes set unit = 'percent' where outcome_id = {v}",),
    ),
    Case(
        "fct_outcomes.unit_in_vocabulary",
        f"select min(outcome_id) from fct_outcomes where measure = 'difference' and {_FREE}",
        ("update fct_outcomes set unit = 'furlongs', value_months = null where outcome_id = {v}",),
    ),
    Case(
        "fct_outcomes.value_months_consistent",
        _MEDIAN,
        ("update fct_outcomes set value_months = value * 2 + 1 where outcome_id = {v}",),
    ),
    # statistics
    Case(
        "fct_outcomes.ci_agrees_with_p",
        f"select min(outcome_id) from fct_outcomes where measure = 'hazard_ratio' and "
        f"ci_level = 95 and ci_upper < 1 and p_value < 0.05 and {_FREE}",
        ("update fct_outcomes set p_value = 0.5, p_operator = '=' where outcome_id = {v}",),
    ),
    Case(
        "fct_outcomes.count_agrees_with_rate",
        f"select min(outcome_id) from fct_outcomes where n_denominator > 20 and {_FREE}",
        ("update fct_outcomes set n_patients = n_patients + 10 where outcome_id = {v}",),
    ),
    # provenance and keys
    Case(
        "fct_outcomes.evidence_matches_source",
        _RATE,
        (
            "update fct_outcomes set evidence_text = evidence_text || ' (amended)' "
            "where outcome_id = {v}",
        ),
    ),
    Case(
        "fct_outcomes.value_in_evidence",
        _RATE,
        ("update fct_outcomes set value = value + 1 where outcome_id = {v}",),
    ),
    Case(
        "fct_outcomes.document_known",
        _RATE,
        ("update fct_outcomes set document_id = 'doc_x' where outcome_id = {v}",),
    ),
    Case(
        "fct_outcomes.publication_known",
        _RATE,
        ("update fct_outcomes set publication_id = 'pub_x' where outcome_id = {v}",),
    ),
    Case(
        "fct_outcomes.trial_known",
        _WITH_ARM,
        ("update fct_outcomes set trial_id = 'trial_x' where outcome_id = {v}",),
    ),
    Case(
        "fct_outcomes.arm_known",
        _WITH_ARM,
        ("update fct_outcomes set arm_id = 'arm_x' where outcome_id = {v}",),
    ),
    Case(
        "fct_outcomes.comparator_known",
        _RATE,
        ("update fct_outcomes set comparator_arm_id = 'arm_x' where outcome_id = {v}",),
    ),
    Case(
        "fct_outcomes.arm_in_trial",
        _WITH_ARM,
        (
            "update fct_outcomes set arm_id = (select min(arm_id) from dim_arms where trial_id "
            "<> (select trial_id from fct_outcomes where outcome_id = {v})) where outcome_id = {v}",
        ),
    ),
    Case(
        "fct_outcomes.outcome_id_unique",
        f"select min(outcome_id) from fct_outcomes where {_FREE}",
        (
            "update fct_outcomes set outcome_id = {v} where outcome_id = "
            f"(select max(outcome_id) from fct_outcomes where {_FREE})",
        ),
    ),
    Case(
        "fct_outcomes.outcome_id_present",
        None,
        (
            "update fct_outcomes set outcome_id = null where outcome_id = "
            f"(select max(outcome_id) from fct_outcomes where {_FREE})",
        ),
    ),
    Case(
        "fct_outcomes.row_count_reconciled",
        None,
        (
            "insert into raw.outcomes select * replace ('out_extra' as outcome_id) "
            "from raw.outcomes limit 1",
        ),
    ),
    Case(
        "fct_outcomes.endpoint_in_vocabulary",
        _RATE,
        ("update fct_outcomes set endpoint = 'XYZ' where outcome_id = {v}",),
    ),
    Case(
        "fct_outcomes.measure_in_vocabulary",
        _RATE,
        ("update fct_outcomes set measure = 'tally' where outcome_id = {v}",),
    ),
    Case(
        "fct_outcomes.p_operator_in_vocabulary",
        _P,
        ("update fct_outcomes set p_operator = '~' where outcome_id = {v}",),
    ),
    # dim_trials
    Case(
        "dim_trials.trial_id_unique",
        f"select max(trial_id) {_BARE_TRIAL}",
        (
            f"update bridge_trial_publications set trial_id = {{v}} where trial_id = "
            f"(select min(trial_id) {_BARE_TRIAL})",
            f"update dim_trials set trial_id = {{v}} where trial_id = (select min(trial_id) "
            f"{_BARE_TRIAL} and trial_id <> {{v}})",
        ),
    ),
    Case(
        "dim_trials.trial_id_present",
        None,
        (
            f"delete from bridge_trial_publications where trial_id = (select min(trial_id) {_BARE_TRIAL})",
            f"update dim_trials set trial_id = null where trial_id = (select min(trial_id) {_BARE_TRIAL})",
        ),
    ),
    Case(
        "dim_trials.nct_id_well_formed",
        "select min(trial_id) from dim_trials where nct_id is not null",
        ("update dim_trials set nct_id = 'NCT123' where trial_id = {v}",),
    ),
    Case(
        "dim_trials.nct_id_unique",
        "select min(trial_id) from dim_trials where nct_id is null",
        (
            "update dim_trials set nct_id = (select min(nct_id) from dim_trials) "
            "where trial_id = {v}",
        ),
    ),
    Case(
        "dim_trials.phase_in_vocabulary",
        "select min(trial_id) from dim_trials",
        ("update dim_trials set phase = 'III' where trial_id = {v}",),
    ),
    Case(
        "dim_trials.blinding_in_vocabulary",
        "select min(trial_id) from dim_trials",
        ("update dim_trials set blinding = 'triple-blind' where trial_id = {v}",),
    ),
    Case(
        "dim_trials.n_enrolled_positive",
        f"select min(trial_id) {_BARE_TRIAL}",
        ("update dim_trials set n_enrolled = 0 where trial_id = {v}",),
    ),
    Case(
        "dim_trials.arms_within_enrolment",
        _SIZED_ARM_TRIAL,
        (
            "update dim_trials set n_enrolled = (select sum(n_patients) - 1 from dim_arms "
            "where trial_id = {v}) where trial_id = {v}",
        ),
    ),
    Case(
        "dim_trials.n_sources_positive",
        "select min(trial_id) from dim_trials",
        ("update dim_trials set n_sources = 0 where trial_id = {v}",),
    ),
    # dim_arms
    Case(
        "dim_arms.arm_id_unique",
        f"select a from ({_BARE_ARMS})",
        (
            f"update fct_outcomes set arm_id = {{v}} where arm_id = (select b from ({_BARE_ARMS}))",
            f"update fct_outcomes set comparator_arm_id = {{v}} where comparator_arm_id = "
            f"(select b from ({_BARE_ARMS}))",
            f"update dim_arms set arm_id = {{v}} where arm_id = (select b from ({_BARE_ARMS}))",
        ),
    ),
    Case(
        "dim_arms.arm_id_present",
        None,
        (
            f"update fct_outcomes set arm_id = null where arm_id = (select b from ({_BARE_ARMS}))",
            f"update fct_outcomes set comparator_arm_id = null where comparator_arm_id = "
            f"(select b from ({_BARE_ARMS}))",
            f"update dim_arms set arm_id = null where arm_id = (select b from ({_BARE_ARMS}))",
        ),
    ),
    Case(
        "dim_arms.trial_present",
        "select min(arm_id) from dim_arms",
        ("update dim_arms set trial_id = null where arm_id = {v}",),
    ),
    Case(
        "dim_arms.trial_known",
        "select min(arm_id) from dim_arms",
        ("update dim_arms set trial_id = 'trial_x' where arm_id = {v}",),
    ),
    Case(
        "dim_arms.n_patients_positive",
        "select min(arm_id) from dim_arms where n_patients is not null",
        ("update dim_arms set n_patients = 0 where arm_id = {v}",),
    ),
    Case(
        "dim_arms.label_present",
        "select min(arm_id) from dim_arms",
        ("update dim_arms set label = null where arm_id = {v}",),
    ),
    # dim_agents
    Case(
        "dim_agents.agent_id_unique",
        "select min(agent_id) from dim_agents",
        (
            f"update dim_agents set agent_id = {{v}} where agent_id = (select max(agent_id) "
            f"{_FREE_AGENT})",
        ),
    ),
    Case(
        "dim_agents.agent_id_present",
        None,
        (
            f"update dim_agents set agent_id = null where agent_id = (select max(agent_id) "
            f"{_FREE_AGENT})",
        ),
    ),
    Case(
        "dim_agents.name_unique",
        "select max(agent_id) from dim_agents",
        ("update dim_agents set name = (select min(name) from dim_agents) where agent_id = {v}",),
    ),
    Case(
        "dim_agents.name_lower_case",
        "select min(agent_id) from dim_agents",
        ("update dim_agents set name = upper(name) where agent_id = {v}",),
    ),
    Case(
        "dim_agents.modality_in_vocabulary",
        "select min(agent_id) from dim_agents",
        ("update dim_agents set modality = 'pill' where agent_id = {v}",),
    ),
    Case(
        "dim_agents.row_count_reconciled",
        None,
        (
            "insert into raw.agent_mentions select * replace ('zelvotinib' as agent_name) "
            "from raw.agent_mentions limit 1",
        ),
    ),
    # bridges
    Case(
        "bridge_arm_agents.arm_known",
        "select 'arm_x + ' || min(agent_id) from bridge_arm_agents",
        (
            "update bridge_arm_agents set arm_id = 'arm_x' where agent_id = "
            "(select min(agent_id) from bridge_arm_agents)",
        ),
    ),
    Case(
        "bridge_arm_agents.agent_known",
        "select min(arm_id) || ' + agent_x' from bridge_arm_agents",
        (
            "update bridge_arm_agents set agent_id = 'agent_x' where arm_id = "
            "(select min(arm_id) from bridge_arm_agents)",
        ),
    ),
    Case(
        "bridge_arm_agents.pair_unique",
        "select min(arm_id || ' + ' || agent_id) from bridge_arm_agents",
        (
            "update bridge_arm_agents set arm_id = split_part({v}, ' + ', 1), "
            "agent_id = split_part({v}, ' + ', 2) where arm_id || ' + ' || agent_id = "
            "(select max(arm_id || ' + ' || agent_id) from bridge_arm_agents)",
        ),
    ),
    Case(
        "bridge_trial_publications.trial_known",
        "select 'trial_x in ' || min(publication_id) from bridge_trial_publications",
        (
            "update bridge_trial_publications set trial_id = 'trial_x' where publication_id = "
            "(select min(publication_id) from bridge_trial_publications)",
        ),
    ),
    Case(
        "bridge_trial_publications.publication_known",
        "select min(trial_id) || ' in pub_x' from bridge_trial_publications",
        (
            "update bridge_trial_publications set publication_id = 'pub_x' where trial_id = "
            "(select min(trial_id) from bridge_trial_publications)",
        ),
    ),
    Case(
        "bridge_trial_publications.pair_unique",
        "select min(trial_id || ' in ' || publication_id) from bridge_trial_publications",
        (
            "update bridge_trial_publications set trial_id = split_part({v}, ' in ', 1), "
            "publication_id = split_part({v}, ' in ', 2) where trial_id || ' in ' || "
            "publication_id = (select max(trial_id || ' in ' || publication_id) "
            "from bridge_trial_publications)",
        ),
    ),
    # fct_outcome_conflicts
    Case(
        "fct_outcome_conflicts.conflict_id_unique",
        "select min(conflict_id) from fct_outcome_conflicts",
        (
            "insert into fct_outcome_conflicts select * from fct_outcome_conflicts "
            "where conflict_id = {v}",
        ),
    ),
    Case(
        "fct_outcome_conflicts.outcome_a_known",
        "select min(conflict_id) from fct_outcome_conflicts",
        ("update fct_outcome_conflicts set outcome_id_a = 'out_x' where conflict_id = {v}",),
    ),
    Case(
        "fct_outcome_conflicts.outcome_b_known",
        "select min(conflict_id) from fct_outcome_conflicts",
        ("update fct_outcome_conflicts set outcome_id_b = 'out_x' where conflict_id = {v}",),
    ),
    Case(
        "fct_outcome_conflicts.values_differ",
        "select min(conflict_id) from fct_outcome_conflicts",
        ("update fct_outcome_conflicts set value_b = value_a where conflict_id = {v}",),
    ),
]


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


@pytest.fixture(scope="module")
def warehouse(seed_build, tmp_path_factory):
    result, built, _ = seed_build
    assert result.exit_code == 0, result.output
    copy = tmp_path_factory.mktemp("rules") / "evidence.duckdb"
    shutil.copy(built, copy)
    with duckdb.connect(str(copy)) as con:
        yield con


@pytest.fixture(scope="module")
def runner(tmp_path_factory):
    return SuiteRunner(tmp_path_factory.mktemp("gx"))


@pytest.fixture(scope="module")
def baseline(warehouse, runner):
    frames, counts = mart_frames(warehouse), staging_counts(warehouse)
    results, failures = runner.run(frames, counts)
    return frames, counts, results, failures


def test_the_seed_warehouse_passes_every_rule(baseline):
    _, _, results, failures = baseline
    assert results.filter(~pl.col("success")).height == 0, results.filter(~pl.col("success"))
    assert failures.height == 0


def test_every_rule_has_a_negative_case(baseline):
    _, _, results, _ = baseline
    rules = set(results.select(pl.concat_str("suite", "rule", separator=".")).to_series())
    assert rules == {case.rule for case in CASES}
    assert len(CASES) == len(rules)  # (no rule tested twice under one name)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.rule)
def test_a_broken_row_fails_exactly_its_rule_and_is_named(case, warehouse, runner, baseline):
    frames0, counts0, _, _ = baseline
    warehouse.execute("begin transaction")
    try:
        victim = warehouse.execute(case.victim).fetchone()[0] if case.victim else None
        assert case.victim is None or victim is not None, f"no row suits {case.rule}"
        if callable(case.change):
            case.change(warehouse, victim)
        else:
            for statement in case.change:
                warehouse.execute(statement.replace("{v}", _literal(victim or "")))
        frames, counts = mart_frames(warehouse), staging_counts(warehouse)
    finally:
        warehouse.execute("rollback")
    changed = [n for n in frames if counts != counts0 or not frames[n].equals(frames0[n])]
    assert case.rule.split(".")[0] in changed
    results, failures = runner.run(frames, counts, changed)

    failed = results.filter(~pl.col("success"))
    assert failed.select(pl.concat_str("suite", "rule", separator=".")).to_series().to_list() == [
        case.rule
    ], failed.select("suite", "rule", "failing_ids")
    named = failures.get_column("row_id").to_list()
    if victim is not None:
        assert victim in named, named
    elif case.victim is None and "row_count" not in case.rule:
        assert None in named  # a row without an id is still listed
    audit = audit_rows(results, failures)
    assert audit.height >= 1 and set(audit.get_column("rule")) == {case.rule}
    if victim is not None:
        assert audit.get_column("detail").str.contains(victim, literal=True).any()
