-- Every trial mention with the trial it resolves to. One trial per registry number; a name is
-- the trial of the registry number any record ties it to (the smallest, should records differ),
-- else a trial of its own; an unnamed primary study is a trial of its record.
with

mentions as (
    select * from {{ ref('stg_etl__trial_mentions') }}
),

keyed_names as (
    select
        *,
        -- "CheckMate 040", "CheckMate-040" and "CHECKMATE 040" are one name
        regexp_replace(upper(acronym), '[^A-Z0-9]', '', 'g') as name_key,
    from mentions
),

name_numbers as (
    select
        name_key,
        min(nct_id) as nct_id,
    from keyed_names
    where name_key is not null and nct_id is not null
    group by name_key
),

resolved as (
    select
        m.*,
        coalesce(m.nct_id, n.nct_id) as resolved_nct_id,
        case
            when coalesce(m.nct_id, n.nct_id) is not null then coalesce(m.nct_id, n.nct_id)
            when m.name_key is not null then 'name:' || m.name_key
            else 'record:' || m.publication_id
        end as trial_key,
    from keyed_names as m
    left join name_numbers as n on n.name_key = m.name_key
)

select
    *,
    'trial_' || left(md5(trial_key), 16) as trial_id,
from resolved
