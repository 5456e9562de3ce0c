-- One row per distinct study: a registered trial, a named trial, or an unnamed study reported by
-- one record. Design attributes that the text states (phase, blinding, enrolment, condition,
-- registry status and sponsor) are read by the trial-attribute extractor (issue 4); until then
-- they are null, and randomisation and design come from the reporting record's study type.
with

trials as (
    select * from {{ ref('int_trials_resolved') }}
),

final as (
    select
        trial_id,
        nct_id,
        acronym,
        primary_title as title,
        cast(null as varchar) as phase,
        case
            when primary_study_type = 'rct' then true
            when primary_study_type in ('single-arm trial', 'cohort', 'case report') then false
        end as is_randomized,
        cast(null as varchar) as blinding,
        case
            when primary_study_type = 'rct' then 'randomised controlled trial'
            when primary_study_type in ('single-arm trial', 'cohort', 'case report')
                then primary_study_type
        end as design,
        cast(null as integer) as n_enrolled,
        cast(null as varchar) as condition,
        cast(null as varchar) as status,
        cast(null as varchar) as sponsor,
        cast(n_sources as integer) as n_sources,
        primary_publication_id,
    from trials
)

select * from final
