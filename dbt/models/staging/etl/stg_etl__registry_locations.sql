with

source as (
    select * from {{ source('etl', 'registry_locations') }}
),

renamed as (
    select
        publication_id,
        source_file,
        facility,
        city,
        region,
        country,
        sentence_id,
        cast(char_start as bigint) as char_start,
        cast(char_end as bigint) as char_end,
    from source
)

select * from renamed
