-- One row per distinct study: a registered trial, a named trial, or an unnamed study reported by
-- one record. Design facts come from int_trial_facts_resolved (registry first, then the reporting
-- records, then other mentions); randomisation falls back on the reporting record's study type.
with

trials as (
    select * from {{ ref('int_trials_resolved') }}
),

facts as (
    select
        trial_id,
        max(value) filter (where fact = {{ code('trial_fact', 'phase') }}) as phase,
        max(value) filter (where fact = {{ code('trial_fact', 'blinding') }}) as blinding,
        max(value) filter (where fact = {{ code('trial_fact', 'randomized') }}) as randomized,
        max(value) filter (where fact = {{ code('trial_fact', 'n_enrolled') }}) as n_enrolled,
        max(value) filter (where fact = {{ code('trial_fact', 'enrolment_type') }}) as enrolment_type,
        max(value) filter (where fact = {{ code('trial_fact', 'condition') }}) as condition,
        bool_or(value = 'true') filter (where fact = {{ code('trial_fact', 'placebo_controlled') }}) as placebo_controlled,
        bool_or(value = 'true') filter (where fact = {{ code('trial_fact', 'retrospective') }}) as retrospective,
        max(value) filter (where fact = {{ code('trial_fact', 'status') }}) as status,
        max(value) filter (where fact = {{ code('trial_fact', 'sponsor') }}) as sponsor,
        list(fact order by fact) filter (where sources_disagree) as disagreeing_facts,
    from {{ ref('int_trial_facts_resolved') }}
    group by trial_id
),

arm_totals as (
    -- when no enrolment is stated, the sizes of the listed arms add up to it
    select trial_id, sum(n_patients) as n_in_arms
    from {{ ref('int_arms_resolved') }}
    where arm_source = {{ code('arm_source', 'list') }}
    group by trial_id
    having count(*) = count(n_patients)
),

final as (
    select
        t.trial_id,
        nct_id,
        acronym,
        primary_title as title,
        f.phase,
        coalesce(
            cast(f.randomized as boolean),
            case
                when primary_study_type = {{ code('study_type', 'rct') }} then true
                when primary_study_type in ({{ code('study_type', 'single-arm trial') }}, {{ code('study_type', 'cohort') }}, {{ code('study_type', 'case report') }}) then false
            end
        ) as is_randomized,
        f.blinding,
        case
            when primary_study_type = {{ code('study_type', 'case report') }} then 'case report'
            when primary_study_type = {{ code('study_type', 'cohort') }}
                then case when f.retrospective then 'retrospective cohort' else 'cohort' end
            when coalesce(cast(f.randomized as boolean), primary_study_type = {{ code('study_type', 'rct') }})
                then concat_ws(
                    ', ',
                    'randomised',
                    f.blinding,
                    case when f.placebo_controlled then 'placebo-controlled' end
                ) || ' trial'
            when primary_study_type = {{ code('study_type', 'single-arm trial') }} or f.randomized = 'false'
                then 'single-arm trial'
        end as design,
        cast(coalesce(cast(f.n_enrolled as integer), a.n_in_arms) as integer) as n_enrolled,
        -- (said by a registry's enrolment label; null for an enrolment read from prose or arms)
        case when f.n_enrolled is not null then f.enrolment_type end as enrolment_type,
        f.condition,
        f.status,
        f.sponsor,
        cast(n_sources as integer) as n_sources,
        primary_publication_id,
        coalesce(array_to_string(f.disagreeing_facts, ', '), '') as disagreeing_facts,
    from trials as t
    left join facts as f using (trial_id)
    left join arm_totals as a using (trial_id)
)

select * from final
