with

source as (
    select * from {{ source('etl', 'outcomes') }}
),

renamed as (
    select
        outcome_id,
        source_file,
        document_id,
        publication_id,
        sentence_id,
        endpoint,
        endpoint_label,
        measure,
        cast(value as double) as value,
        unit,
        cast(value_months as double) as value_months,
        cast(timepoint_months as double) as timepoint_months,
        cast(ci_level as double) as ci_level,
        cast(ci_lower as double) as ci_lower,
        cast(ci_upper as double) as ci_upper,
        cast(p_value as double) as p_value,
        p_operator,
        nullif(trim(arm_label), '') as arm_label,
        nullif(trim(comparator_label), '') as comparator_label,
        cast(n_patients as integer) as n_patients,
        cast(n_denominator as integer) as n_denominator,
        nullif(trim(subgroup_label), '') as subgroup_label,
        evidence_text,
        cast(char_start as bigint) as char_start,
        cast(char_end as bigint) as char_end,
        cast(value_start as bigint) as value_start,
        cast(value_end as bigint) as value_end,
    from source
)

select * from renamed
