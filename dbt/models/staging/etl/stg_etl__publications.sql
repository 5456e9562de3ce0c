with

source as (
    select * from {{ source('etl', 'publications') }}
),

renamed as (
    select
        publication_id,
        document_id,
        source_file,
        cast(record_index as integer) as record_index,
        nullif(trim(title), '') as title,
        nullif(trim(authors), '') as authors,
        nullif(trim(journal), '') as journal,
        cast(year as integer) as year,
        volume,
        issue,
        pages,
        pmid,
        doi,
        nct_ids,
        pmc_id,
        publication_types,
        study_type,
        cast(char_start as bigint) as char_start,
        cast(char_end as bigint) as char_end,
    from source
)

select * from renamed
