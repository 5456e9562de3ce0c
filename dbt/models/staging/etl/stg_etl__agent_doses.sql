with

source as (
    select * from {{ source('etl', 'agent_doses') }}
),

renamed as (
    select
        publication_id,
        sentence_id,
        source_file,
        agent_name,
        trim(dose) as dose,
        cast(char_start as bigint) as char_start,
        cast(char_end as bigint) as char_end,
    from source
)

select * from renamed
