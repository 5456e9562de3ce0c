-- The trial each outcome belongs to: the one trial its own sentence names, else the trial its
-- record reports, else, for a record that is no study of its own (its study type is none: a
-- section of a page about one study, which its headings cut into records), the one trial its
-- document reports. A review's number in a sentence naming no trial stays unlinked.
with

outcomes as (
    select outcome_id, publication_id, document_id, sentence_id from {{ ref('stg_etl__outcomes') }}
),

-- records that are sections of a page, not studies of their own; a table's rows are not (its
-- sections name their own studies, or an unnamed one: etl.extract.table_groups)
sections as (
    select p.publication_id
    from {{ ref('stg_etl__publications') }} as p
    inner join {{ ref('stg_etl__documents') }} as d using (document_id)
    where
        p.study_type = {{ code('study_type', 'other') }}
        and d.document_kind != {{ code('document_kind', 'trial_table') }}
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
),

reported_by_document as (
    select
        document_id,
        min(trial_id) as trial_id,
    from mentions
    where is_primary
    group by document_id
    having count(distinct trial_id) = 1
)

select
    o.outcome_id,
    coalesce(s.trial_id, r.trial_id, d.trial_id) as trial_id,
    case
        when s.trial_id is not null then {{ code('trial_link', 'sentence') }}
        when r.trial_id is not null then {{ code('trial_link', 'record') }}
        when d.trial_id is not null then {{ code('trial_link', 'document') }}
    end as trial_link,
from outcomes as o
left join named_in_sentence as s on s.sentence_id = o.sentence_id
left join reported_by_record as r on r.publication_id = o.publication_id
left join reported_by_document as d
    on d.document_id = o.document_id
    and o.publication_id in (select publication_id from sections)
