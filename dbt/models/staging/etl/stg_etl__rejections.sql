with

source as (
    select * from {{ source('etl', 'rejections') }}
),

renamed as (
    select
        source_file,
        stage,
        rule,
        detail,
        cast(char_start as bigint) as char_start,
        cast(char_end as bigint) as char_end,
        severity,
    from source
)

select * from renamed
