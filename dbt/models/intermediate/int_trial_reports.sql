-- The records that report a trial (not merely cite it): one row per record and trial, with where
-- the record first names the trial (an unnamed study: where the record starts).
select
    publication_id,
    trial_id,
    min(char_start) as first_char_start,
from {{ ref('int_trial_mentions_resolved') }}
where is_primary
group by publication_id, trial_id
