with

source as (
    select * from {{ source('etl', 'registry_outcome_measures') }}
),

renamed as (
    select
        publication_id,
        source_file,
        kind,
        cast(ordinal as integer) as ordinal,
        measure_name,
        endpoint,
        time_frame,
        description,
        sentence_id,
        cast(char_start as bigint) as char_start,
        cast(char_end as bigint) as char_end,
    from source
)

select * from renamed
