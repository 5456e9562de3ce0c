with

source as (
    select * from {{ source('etl', 'trial_facts') }}
),

renamed as (
    select
        publication_id,
        sentence_id,
        source_file,
        scope,
        fact,
        trim(value) as value,
        cast(char_start as bigint) as char_start,
        cast(char_end as bigint) as char_end,
    from source
)

select * from renamed
