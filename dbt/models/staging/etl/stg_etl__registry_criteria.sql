with

source as (
    select * from {{ source('etl', 'registry_criteria') }}
),

renamed as (
    select
        publication_id,
        source_file,
        kind,
        cast(ordinal as integer) as ordinal,
        criterion,
        sentence_id,
        cast(char_start as bigint) as char_start,
        cast(char_end as bigint) as char_end,
    from source
)

select * from renamed
