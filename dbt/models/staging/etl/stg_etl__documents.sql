with

source as (
    select * from {{ source('etl', 'documents') }}
),

renamed as (
    select
        document_id,
        source_file,
        document_kind,
        nullif(trim(title), '') as title,
        sha256,
        cast(n_bytes as bigint) as n_bytes,
        cast(n_chars as bigint) as n_chars,
        encoding,
        cast(n_invalid_bytes as bigint) as n_invalid_bytes,
        source_format,
        text as document_text,
    from source
)

select * from renamed
