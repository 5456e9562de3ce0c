-- One row per reported result number, with the trial and arms it belongs to.
with

outcomes as (
    select * from {{ ref('stg_etl__outcomes') }}
),

trials as (
    select * from {{ ref('int_outcomes_trials_linked') }}
),

arms as (
    select * from {{ ref('int_outcomes_arms_linked') }}
),

documents as (
    select document_id, document_kind from {{ ref('stg_etl__documents') }}
),

final as (
    select
        outcome_id,
        source_file,
        document_id,
        publication_id,
        trials.trial_id,
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
        arms.arm_id,
        comparator_label,
        arms.comparator_arm_id,
        n_patients,
        n_denominator,
        subgroup_label,
        evidence_text,
        char_start,
        char_end,
        sentence_id,
        value_start,
        value_end,
        trials.trial_link,
        -- a registry's page or record posts its own results; everything else is a publication
        case
            when documents.document_kind in (
                {{ code('document_kind', 'registry_record') }},
                {{ code('document_kind', 'ctgov_json') }},
                {{ code('document_kind', 'ctgov_xml') }}
            ) then {{ code('source_kind', 'registry_results') }}
            else {{ code('source_kind', 'publication') }}
        end as source_kind,
    from outcomes
    left join trials using (outcome_id)
    left join arms using (outcome_id)
    left join documents using (document_id)
)

select * from final
