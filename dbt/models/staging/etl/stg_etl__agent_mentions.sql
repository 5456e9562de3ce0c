with

source as (
    select * from {{ source('etl', 'agent_mentions') }}
),

renamed as (
    select
        publication_id,
        document_id,
        source_file,
        sentence_id,
        lower(trim(agent_name)) as agent_name,
        mention_text,
        cast(char_start as bigint) as char_start,
        cast(char_end as bigint) as char_end,
        cast(is_known as boolean) as is_known,
    from source
)

select * from renamed
