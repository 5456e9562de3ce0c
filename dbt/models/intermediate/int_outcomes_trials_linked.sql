-- The trial each outcome belongs to: the trial its own group is (a sentence comparing two trials'
-- cohorts, "54% in ZUMA-9 and 20% in SCHOLAR-4", gives each value the trial its group names),
-- else the one trial its own sentence names, else, in a record
-- whose paragraphs name different trials (a page that reports one trial a paragraph), the trial
-- the latest sentence before it in its paragraph names, else the trial its record reports, else, for a record that is no study of its own (its study type is none: a
-- section of a page about one study, which its headings cut into records), the one trial its
-- document reports. A review's number in a sentence naming no trial stays unlinked.
with

outcomes as (
    select outcome_id, publication_id, document_id, sentence_id, arm_label,
    from {{ ref('stg_etl__outcomes') }}
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

-- a trial named in a sentence that names two or more, whose name is the group of a value of it
named_as_group as (
    select
        o.outcome_id,
        min(m.trial_id) as trial_id,
    from outcomes as o
    inner join mentions as m
        on
            m.sentence_id = o.sentence_id
            and length(m.name_key) >= 4
            and contains(regexp_replace(upper(o.arm_label), '[^A-Z0-9]', '', 'g'), m.name_key)
    where o.sentence_id not in (select sentence_id from named_in_sentence)
    group by o.outcome_id
    having count(distinct m.trial_id) = 1
),

sentences as (
    select sentence_id, publication_id, sentence_index, paragraph_index
    from {{ ref('stg_etl__sentences') }}
),

-- the sentences that name one trial, with their place
naming as (
    select s.publication_id, s.paragraph_index, s.sentence_index, n.trial_id
    from named_in_sentence as n
    inner join sentences as s using (sentence_id)
),

-- records two paragraphs of which or more each name one trial, not all the same one
by_paragraph as (
    select publication_id
    from (
        select publication_id, paragraph_index, min(trial_id) as trial_id
        from naming
        group by publication_id, paragraph_index
        having count(distinct trial_id) = 1
    )
    group by publication_id
    having count(distinct trial_id) >= 2
),

named_in_paragraph as (
    select
        s.sentence_id,
        arg_max(n.trial_id, n.sentence_index) as trial_id,
    from sentences as s
    inner join naming as n
        on
            n.publication_id = s.publication_id
            and n.paragraph_index = s.paragraph_index
            and n.sentence_index < s.sentence_index
    where s.publication_id in (select publication_id from by_paragraph)
    group by s.sentence_id
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
    coalesce(g.trial_id, s.trial_id, pg.trial_id, r.trial_id, d.trial_id) as trial_id,
    case
        when g.trial_id is not null then {{ code('trial_link', 'group') }}
        when s.trial_id is not null then {{ code('trial_link', 'sentence') }}
        when pg.trial_id is not null then {{ code('trial_link', 'paragraph') }}
        when r.trial_id is not null then {{ code('trial_link', 'record') }}
        when d.trial_id is not null then {{ code('trial_link', 'document') }}
    end as trial_link,
from outcomes as o
left join named_as_group as g on g.outcome_id = o.outcome_id
left join named_in_sentence as s on s.sentence_id = o.sentence_id
left join named_in_paragraph as pg on pg.sentence_id = o.sentence_id
left join reported_by_record as r on r.publication_id = o.publication_id
left join reported_by_document as d
    on d.document_id = o.document_id
    and o.publication_id in (select publication_id from sections)
