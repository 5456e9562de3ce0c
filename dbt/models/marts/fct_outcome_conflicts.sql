-- One row per pair of outcomes that report the same trial, arm, endpoint, measure and time point
-- with different values from different records (e.g. a primary analysis and a later update).
-- Both numbers stay in fct_outcomes; this mart surfaces the disagreement, it resolves nothing.
with

outcomes as (
    select
        *,
        coalesce(arm_id, {{ arm_key('arm_label') }}) as arm_key,
        coalesce(comparator_arm_id, {{ arm_key('comparator_label') }}) as comparator_key,
    from {{ ref('fct_outcomes') }}
    where trial_id is not null and (arm_label is not null or measure in ({{ code('measure', 'hazard_ratio') }}, {{ code('measure', 'odds_ratio') }}, {{ code('measure', 'risk_ratio') }}))
),

pairs as (
    select
        a.trial_id,
        a.endpoint,
        a.measure,
        a.timepoint_months,
        a.arm_label,
        a.arm_id,
        a.outcome_id as outcome_id_a,
        b.outcome_id as outcome_id_b,
        a.value as value_a,
        b.value as value_b,
        a.unit,
        a.source_file as source_file_a,
        b.source_file as source_file_b,
        a.publication_id as publication_id_a,
        b.publication_id as publication_id_b,
        a.evidence_text as evidence_a,
        b.evidence_text as evidence_b,
        -- where each side comes from: a registry's posted results or a publication's text
        a.source_kind as source_kind_a,
        b.source_kind as source_kind_b,
    from outcomes as a
    inner join outcomes as b
        on a.trial_id = b.trial_id
        and a.endpoint = b.endpoint
        -- adverse-event and other measures are not yet told apart by category (serious, grade 3/4,
        -- any grade), so two of them can differ without disagreeing: they are left out
        and a.endpoint not in ({{ code('endpoint', 'OTHER') }}, {{ code('endpoint', 'AE') }})
        and a.measure = b.measure
        and a.unit = b.unit
        and a.timepoint_months is not distinct from b.timepoint_months
        and a.arm_key is not distinct from b.arm_key
        and a.comparator_key is not distinct from b.comparator_key
        and a.publication_id < b.publication_id
        and a.value <> b.value
)

select
    'conflict_' || left(md5(outcome_id_a || ':' || outcome_id_b), 16) as conflict_id,
    *,
from pairs
