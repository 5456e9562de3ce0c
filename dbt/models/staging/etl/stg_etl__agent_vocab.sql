with

source as (
    select * from {{ source('etl', 'agent_vocab') }}
),

renamed as (
    select
        name as agent_name,
        nullif(synonyms, '') as vocab_synonyms,
        agent_class,
        nullif(targets, '') as targets,
        modality,
    from source
)

select * from renamed
