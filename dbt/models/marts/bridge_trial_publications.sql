-- Where each trial is reported or mentioned: one row per trial and record.
with

mentions as (
    select * from {{ ref('int_trial_mentions_resolved') }}
),

final as (
    select
        trial_id,
        publication_id,
        any_value(source_file) as source_file,
        bool_or(is_primary) as is_primary,
        count(*) filter (where sentence_id is not null) as n_mentions,
    from mentions
    group by trial_id, publication_id
)

select * from final
