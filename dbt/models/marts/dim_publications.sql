with

publications as (
    select * from {{ ref('stg_etl__publications') }}
),

sentences as (
    select * from {{ ref('stg_etl__sentences') }}
),

sentence_counts as (
    select
        publication_id,
        count(*) as n_sentences,
    from sentences
    group by publication_id
),

final as (
    select
        publications.publication_id,
        publications.document_id,
        publications.source_file,
        publications.title,
        publications.authors,
        publications.journal,
        publications.year,
        publications.pmid,
        publications.doi,
        publications.nct_ids,
        publications.pmc_id,
        publications.publication_types,
        publications.study_type,
        publications.char_start,
        publications.char_end,
        publications.record_index,
        publications.volume,
        publications.issue,
        publications.pages,
        coalesce(sentence_counts.n_sentences, 0) as n_sentences,
    from publications
    left join sentence_counts on sentence_counts.publication_id = publications.publication_id
)

select * from final
