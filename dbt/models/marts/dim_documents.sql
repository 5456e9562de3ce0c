with

documents as (
    select * from {{ ref('stg_etl__documents') }}
),

publications as (
    select * from {{ ref('stg_etl__publications') }}
),

publication_counts as (
    select
        document_id,
        count(*) as n_publications,
    from publications
    group by document_id
),

final as (
    select
        documents.document_id,
        documents.source_file,
        documents.document_kind,
        documents.title,
        documents.sha256,
        documents.n_chars,
        documents.n_bytes,
        documents.encoding,
        documents.n_invalid_bytes,
        documents.source_format,
        coalesce(publication_counts.n_publications, 0) as n_publications,
    from documents
    left join publication_counts on publication_counts.document_id = documents.document_id
)

select * from final
