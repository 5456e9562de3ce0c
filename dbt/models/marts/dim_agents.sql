-- One row per intervention the input mentions. Class and modality come from the reference
-- vocabulary; a drug-like name it does not know is kept as 'unclassified' for curation.
-- synonyms lists the other forms found in the text (brand names, codes, regimen names).
with

mentions as (
    select * from {{ ref('stg_etl__agent_mentions') }}
),

vocab as (
    select * from {{ ref('stg_etl__agent_vocab') }}
),

mentioned as (
    select
        agent_name,
        bool_or(is_known) as is_known,
        count(*) as n_mentions,
        count(distinct publication_id) as n_publications,
        string_agg(distinct mention_text, ', ' order by mention_text)
            filter (where lower(mention_text) <> agent_name) as synonyms,
    from mentions
    group by agent_name
),

final as (
    select
        'agent_' || left(md5(m.agent_name), 16) as agent_id,
        m.agent_name as name,
        m.synonyms,
        coalesce(v.agent_class, 'unclassified') as agent_class,
        coalesce(v.modality, {{ code('modality', 'other') }}) as modality,
        v.targets,
        m.is_known,
        cast(m.n_mentions as integer) as n_mentions,
        cast(m.n_publications as integer) as n_publications,
    from mentioned as m
    left join vocab as v on v.agent_name = m.agent_name
)

select * from final
