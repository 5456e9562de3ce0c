with

source as (
    select * from {{ source('etl', 'trial_mentions') }}
),

renamed as (
    select
        mention_id,
        publication_id,
        document_id,
        source_file,
        sentence_id,
        nct_id,
        nullif(trim(acronym), '') as acronym,
        mention_text,
        cast(char_start as bigint) as char_start,
        cast(char_end as bigint) as char_end,
        cast(is_primary as boolean) as is_primary,
    from source
)

select * from renamed
