-- Which agents make up each arm: an agent belongs to an arm when the arm's label names it by any
-- of its written forms ("TACE plus sorafenib" → transarterial chemoembolization + sorafenib;
-- "STRIDE" → tremelimumab + durvalumab).
with

arms as (
    select * from {{ ref('int_arms_resolved') }}
),

agents as (
    select * from {{ ref('dim_agents') }}
),

forms as (
    -- every written form of each agent in the warehouse: its name, the vocabulary's synonyms
    -- and the forms found in the text
    select distinct a.agent_id, f.form
    from agents as a
    left join {{ ref('stg_etl__agent_vocab') }} as v on v.agent_name = a.name
    cross join lateral (
        select unnest(
            [a.name]
            || coalesce(string_split(v.vocab_synonyms, '|'), [])
            || coalesce(string_split(a.synonyms, ', '), [])
        ) as form
    ) as f
    where f.form is not null and f.form <> ''
),

patterns as (
    select
        agent_id,
        '(^|[^A-Za-z0-9-])' || regexp_replace(form, '([.+*?^$()\[\]{}|\\])', '\\\1', 'g')
        || '($|[^A-Za-z0-9-])' as pattern,
        regexp_matches(form, '[a-z]') as in_words,
    from forms
),

matched as (
    -- forms in words match in any case; abbreviations and codes only as written
    select distinct
        arms.arm_id,
        patterns.agent_id,
    from arms
    inner join patterns
        on (patterns.in_words and regexp_matches(arms.label, patterns.pattern, 'i'))
        or (not patterns.in_words and regexp_matches(arms.label, patterns.pattern))
)

select
    arm_id,
    agent_id,
    cast(null as varchar) as dose,
from matched
