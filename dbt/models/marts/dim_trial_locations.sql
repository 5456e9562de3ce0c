-- One row per site a registry page lists for its trial.
with

rows as (
    select * from {{ ref('stg_etl__registry_locations') }}
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
        'location_' || left(md5(rows.source_file || ':' || cast(rows.char_start as varchar)), 16)
            as location_id,
        reports.trial_id,
        rows.* exclude (sentence_id),
    from rows
    left join reports using (publication_id)
)

select * from final
