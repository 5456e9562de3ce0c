-- One row per trial and design fact: the value kept and whether sources disagree.
-- A fact belongs to a trial when its record reports that trial (record scope) or when its
-- sentence names the trial (sentence scope). A row of a table of trials states the facts of the
-- one trial it names (its phase cell) even where its record is taken to report none (a row that
-- describes a cell therapy is not a preclinical study). Authority: a registry page, then the
-- records that report the trial (and table rows), then sentences elsewhere that name it. Within
-- the most authoritative level, enrolment keeps the largest figure (a total, not a subgroup) and
-- other facts the most stated value (ties: the first in file order).
with

facts as (
    select * from {{ ref('stg_etl__trial_facts') }}
),

mentions as (
    select * from {{ ref('int_trial_mentions_resolved') }}
),

documents as (
    select * from {{ ref('stg_etl__documents') }}
),

sentences as (
    select * from {{ ref('stg_etl__sentences') }}
),

record_facts as (
    select distinct
        m.trial_id,
        f.fact,
        f.value,
        f.source_file,
        f.char_start,
        case when d.document_kind in ({{ code('document_kind', 'registry_record') }}, {{ code('document_kind', 'ctgov_json') }}, {{ code('document_kind', 'ctgov_xml') }}) then 1 else 2 end as authority,
    from facts as f
    inner join mentions as m on m.publication_id = f.publication_id and m.is_primary
    inner join documents as d on d.source_file = f.source_file
    where f.scope = {{ code('fact_scope', 'record') }}
),

sentence_facts as (
    select distinct
        m.trial_id,
        f.fact,
        f.value,
        f.source_file,
        f.char_start,
        3 as authority,
    from facts as f
    inner join mentions as m on m.sentence_id = f.sentence_id
    where f.scope = {{ code('fact_scope', 'sentence') }} and m.mention_text is not null
),

row_facts as (
    select distinct
        m.trial_id,
        f.fact,
        f.value,
        f.source_file,
        f.char_start,
        2 as authority,
    from facts as f
    inner join sentences as s on s.sentence_id = f.sentence_id
    inner join mentions as m on m.sentence_id = f.sentence_id and m.mention_text is not null
    where
        f.scope = {{ code('fact_scope', 'record') }}
        and s.sentence_role = {{ code('sentence_role', 'table_row') }}
        and f.publication_id not in (select publication_id from mentions where is_primary)
        and f.sentence_id in (
            select sentence_id from mentions
            where mention_text is not null
            group by sentence_id
            having count(distinct trial_id) = 1
        )
),

stated as (
    select * from record_facts
    union all
    select * from sentence_facts
    union all
    select * from row_facts
),

counted as (
    select
        trial_id,
        fact,
        value,
        min(authority) as authority,
        count(*) as n_statements,
        min(source_file || ':' || lpad(cast(char_start as varchar), 12, '0')) as first_at,
    from stated
    group by trial_id, fact, value
),

ranked as (
    select
        *,
        row_number() over (
            partition by trial_id, fact
            order by
                authority,
                case when fact = {{ code('trial_fact', 'n_enrolled') }} then -cast(value as bigint) else 0 end,
                n_statements desc,
                first_at
        ) as preference,
        count(*) over (partition by trial_id, fact) as n_values,
    from counted
)

select
    trial_id,
    fact,
    value,
    authority,
    n_values,
    n_values > 1 as sources_disagree,
from ranked
where preference = 1
