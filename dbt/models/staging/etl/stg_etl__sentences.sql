with

source as (
    select * from {{ source('etl', 'sentences') }}
),

renamed as (
    select
        sentence_id,
        publication_id,
        document_id,
        source_file,
        cast(sentence_index as integer) as sentence_index,
        cast(paragraph_index as integer) as paragraph_index,
        role as sentence_role,
        cast(char_start as bigint) as char_start,
        cast(char_end as bigint) as char_end,
        text as sentence_text,
    from source
)

select * from renamed
