-- Which agents make up each arm: an agent belongs to an arm when the arm's label names it by any
-- of its written forms ("TACE plus sorafenib" → transarterial chemoembolization + sorafenib;
-- "STRIDE" → tremelimumab + durvalumab), with the dose the trial's reports state for it.
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
),

reports as (
    select * from {{ ref('int_trial_reports') }}
),

doses as (
    -- the dose a trial's own reports state for each agent: the first, in file order
    select
        reports.trial_id,
        d.agent_name,
        arg_min(d.dose, d.source_file || ':' || lpad(cast(d.char_start as varchar), 12, '0'))
            as dose,
    from {{ ref('stg_etl__agent_doses') }} as d
    inner join reports using (publication_id)
    group by reports.trial_id, d.agent_name
)

select
    matched.arm_id,
    matched.agent_id,
    doses.dose,
from matched
inner join arms on arms.arm_id = matched.arm_id
inner join agents on agents.agent_id = matched.agent_id
left join doses on doses.trial_id = arms.trial_id and doses.agent_name = agents.name
