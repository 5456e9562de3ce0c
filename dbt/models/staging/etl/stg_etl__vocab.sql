with

source as (
    select * from {{ source('etl', 'vocab') }}
),

renamed as (
    select
        code_set,
        code,
        description as code_description,
    from source
)

select * from renamed
