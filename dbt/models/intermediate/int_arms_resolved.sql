-- One row per trial arm. Sized groups belong to the trial their record reports (a row of a table
-- of trials that reports none: the one trial the row names); the same label (any case, with or
-- without "group") in several records of one trial is one arm, sized by the first statement in
-- file order. Groups that would add up to more than the trial's enrolment are not all its arms
-- (results by subgroup, another record's cohorts, the choices of one arm): then only the groups of
-- the first statement that sizes the trial's groups are, as far as they fit in the enrolment. A single-arm study that lists no groups gets one arm, named
-- by the agent its record names most and sized by its enrolment. A registry page's arm table
-- gives the arms their regimen (and the arms themselves, for a registered trial the text sizes
-- none).
with

stated as (
    select * from {{ ref('stg_etl__trial_arms') }}
),

reports as (
    select * from {{ ref('int_trial_reports') }}
),

trials as (
    select * from {{ ref('int_trials_resolved') }}
),

facts as (
    select * from {{ ref('int_trial_facts_resolved') }}
),

agent_mentions as (
    select * from {{ ref('stg_etl__agent_mentions') }}
),

row_reports as (
    -- a table row whose record reports no trial, naming one
    select m.publication_id, any_value(m.trial_id) as trial_id,
    from {{ ref('int_trial_mentions_resolved') }} as m
    inner join {{ ref('stg_etl__sentences') }} as s on s.sentence_id = m.sentence_id
    where
        s.sentence_role = {{ code('sentence_role', 'table_row') }}
        and m.mention_text is not null
        and m.publication_id not in (select publication_id from reports)
    group by m.publication_id
    having count(distinct m.trial_id) = 1
),

listed as (
    select
        r.trial_id,
        {{ arm_key('s.label') }} as label_key,
        s.label,
        s.n_patients,
        s.arm_order,
        s.sentence_id,
        s.source_file || ':' || lpad(cast(s.char_start as varchar), 12, '0') as stated_at,
    from stated as s
    inner join (
        select publication_id, trial_id from reports
        union all
        select publication_id, trial_id from row_reports
    ) as r using (publication_id)
),

by_label as (
    select
        trial_id,
        label_key,
        arg_min(label, stated_at) as label,
        arg_min(n_patients, stated_at) as n_patients,
        min(arm_order) as arm_order,
        arg_min(sentence_id, stated_at) as sentence_id,
        min(stated_at) as stated_at,
    from listed
    group by trial_id, label_key
),

enrolment as (
    select trial_id, try_cast(value as bigint) as n_enrolled,
    from facts
    where fact = {{ code('trial_fact', 'n_enrolled') }}
),

merged as (
    select
        g.trial_id,
        g.label_key,
        g.label,
        g.n_patients,
        g.arm_order,
        {{ code('arm_source', 'list') }} as arm_source,
    from (
        select
            *,
            sum(n_patients) over (partition by trial_id) as n_in_arms,
            -- (the sizes of a statement's groups in its order, added up to each)
            sum(n_patients) over (
                partition by trial_id, sentence_id order by arm_order rows unbounded preceding
            ) as n_so_far,
            first_value(sentence_id) over (partition by trial_id order by stated_at) as first_statement,
        from by_label
    ) as g
    left join enrolment as e using (trial_id)
    where
        e.n_enrolled is null
        or g.n_in_arms <= e.n_enrolled
        -- (of the first statement, the groups up to the enrolment: the ones after them break an
        -- arm down, "B (n = 226): either C (n = 92) or D (n = 81) ...", or are its subgroups)
        or (g.sentence_id = g.first_statement and g.n_so_far <= e.n_enrolled)
),

single_arm_trials as (
    select t.trial_id, t.primary_publication_id, cast(e.value as integer) as n_enrolled
    from trials as t
    inner join facts as r on r.trial_id = t.trial_id and r.fact = {{ code('trial_fact', 'randomized') }} and r.value = 'false'
    left join facts as e on e.trial_id = t.trial_id and e.fact = {{ code('trial_fact', 'n_enrolled') }}
    where t.trial_id not in (select trial_id from merged)
),

single as (
    select
        s.trial_id,
        {{ arm_key('a.agent_name') }} as label_key,
        a.agent_name as label,
        s.n_enrolled as n_patients,
        0 as arm_order,
        {{ code('arm_source', 'single_arm') }} as arm_source,
    from single_arm_trials as s
    inner join (
        select trial_id, arg_max(agent_name, n) as agent_name
        from (
            select s.trial_id, a.agent_name, count(*) as n
            from single_arm_trials as s
            inner join agent_mentions as a on a.publication_id = s.primary_publication_id
            where a.agent_name <> 'placebo'
            group by s.trial_id, a.agent_name
        )
        group by trial_id
    ) as a using (trial_id)
),

registered as (
    -- the arms a registry page lists, with their description (dose, route, schedule)
    select
        r.trial_id,
        {{ arm_key('a.label') }} as label_key,
        a.label,
        cast(null as integer) as n_patients,
        cast(row_number() over (partition by r.trial_id order by a.char_start) - 1 as integer)
            as arm_order,
        {{ code('arm_source', 'registry') }} as arm_source,
        coalesce(a.description, a.intervention) as regimen,
    from {{ ref('stg_etl__registry_arms') }} as a
    inner join reports as r using (publication_id)
),

found as (
    select * from merged
    union all
    select * from single
),

arms as (
    select * from found
    union all
    -- a registered trial whose text gives no groups: its registry arms
    select * exclude (regimen) from registered
    where trial_id not in (select trial_id from found)
),

regimens as (
    -- an arm's registered regimen: by label, or the only registered arm of a one-arm trial
    select
        arms.trial_id,
        arms.label_key,
        coalesce(any_value(by_label.regimen), any_value(only_one.regimen)) as regimen,
    from (
        select *, count(*) over (partition by trial_id) as n_arms from arms
    ) as arms
    left join registered as by_label
        on by_label.trial_id = arms.trial_id and by_label.label_key = arms.label_key
    left join (
        select trial_id, any_value(regimen) as regimen
        from registered
        group by trial_id
        having count(*) = 1
    ) as only_one
        on only_one.trial_id = arms.trial_id and arms.n_arms = 1
    group by arms.trial_id, arms.label_key
)

select
    'arm_' || left(md5(arms.trial_id || ':' || arms.label_key), 16) as arm_id,
    arms.*,
    regimens.regimen,
from arms
left join regimens using (trial_id, label_key)
