-- One row per reported result number. trial_id / arm_id / comparator_arm_id are resolved by the
-- trial and arm models (issue 4); until then they are null.
with

outcomes as (
    select * from {{ ref('stg_etl__outcomes') }}
),

final as (
    select
        outcome_id,
        source_file,
        document_id,
        publication_id,
        cast(null as varchar) as trial_id,
        endpoint,
        endpoint_label,
        measure,
        value,
        unit,
        value_months,
        timepoint_months,
        ci_level,
        ci_lower,
        ci_upper,
        p_value,
        p_operator,
        arm_label,
        cast(null as varchar) as arm_id,
        comparator_label,
        cast(null as varchar) as comparator_arm_id,
        n_patients,
        evidence_text,
        char_start,
        char_end,
        sentence_id,
        value_start,
        value_end,
    from outcomes
)

select * from final
