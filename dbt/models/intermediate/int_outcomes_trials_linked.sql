-- The trial each outcome belongs to: the one trial its own sentence names, else the trial its
-- record reports. A review's number in a sentence naming no trial stays unlinked.
with

outcomes as (
    select outcome_id, publication_id, sentence_id from {{ ref('stg_etl__outcomes') }}
),

mentions as (
    select * from {{ ref('int_trial_mentions_resolved') }}
),

named_in_sentence as (
    select
        sentence_id,
        min(trial_id) as trial_id,
    from mentions
    where sentence_id is not null
    group by sentence_id
    having count(distinct trial_id) = 1
),

reported_by_record as (
    select
        publication_id,
        arg_min(trial_id, char_start) as trial_id,
    from mentions
    where is_primary
    group by publication_id
)

select
    o.outcome_id,
    coalesce(s.trial_id, r.trial_id) as trial_id,
    case
        when s.trial_id is not null then {{ code('trial_link', 'sentence') }}
        when r.trial_id is not null then {{ code('trial_link', 'record') }}
    end as trial_link,
from outcomes as o
left join named_in_sentence as s on s.sentence_id = o.sentence_id
left join reported_by_record as r on r.publication_id = o.publication_id
