-- One row per eligibility criterion of a registry page, linked to the trial the page registers.
with

rows as (
    select * from {{ ref('stg_etl__registry_criteria') }}
),

reports as (
    -- the trial the page registers (its primary study; one per page)
    select publication_id, min(trial_id) as trial_id
    from {{ ref('int_trial_mentions_resolved') }}
    where is_primary
    group by publication_id
),

final as (
    select
        'criterion_' || left(md5(rows.source_file || ':' || cast(rows.char_start as varchar)), 16)
            as criterion_id,
        reports.trial_id,
        rows.* exclude (sentence_id),
    from rows
    left join reports using (publication_id)
)

select * from final
