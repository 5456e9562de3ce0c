with

source as (
    select * from {{ source('etl', 'trial_arms') }}
),

renamed as (
    select
        publication_id,
        sentence_id,
        source_file,
        cast(arm_order as integer) as arm_order,
        trim(label) as label,
        cast(n_patients as integer) as n_patients,
        cast(char_start as bigint) as char_start,
        cast(char_end as bigint) as char_end,
    from source
)

select * from renamed
