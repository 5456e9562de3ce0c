-- One row per trial: its identifiers, the record that reports it (the first primary mention in
-- file order) and how many records mention it.
with

mentions as (
    select * from {{ ref('int_trial_mentions_resolved') }}
),

publications as (
    select * from {{ ref('stg_etl__publications') }}
),

primary_records as (
    select
        trial_id,
        arg_min(publication_id, source_file || ':' || lpad(cast(char_start as varchar), 12, '0'))
            as primary_publication_id,
    from mentions
    where is_primary
    group by trial_id
),

names as (
    -- the most used written form of the name; ties go to the alphabetically first
    select trial_id, acronym
    from (
        select
            trial_id,
            acronym,
            row_number() over (partition by trial_id order by count(*) desc, acronym) as preference,
        from mentions
        where acronym is not null
        group by trial_id, acronym
    )
    where preference = 1
),

trials as (
    select
        trial_id,
        any_value(trial_key) as trial_key,
        max(resolved_nct_id) as nct_id,
        count(distinct publication_id) as n_sources,
    from mentions
    group by trial_id
)

select
    t.trial_id,
    t.trial_key,
    t.nct_id,
    n.acronym,
    t.n_sources,
    p.publication_id as primary_publication_id,
    p.title as primary_title,
    p.study_type as primary_study_type,
from trials as t
left join names as n on n.trial_id = t.trial_id
left join primary_records as r on r.trial_id = t.trial_id
left join publications as p on p.publication_id = r.primary_publication_id
