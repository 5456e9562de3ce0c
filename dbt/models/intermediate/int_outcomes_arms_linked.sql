-- The arm (and comparator arm) of each outcome: the arm of the outcome's trial whose label,
-- as a key, equals the outcome's group label as a key.
with

outcomes as (
    select o.outcome_id, o.arm_label, o.comparator_label, t.trial_id
    from {{ ref('stg_etl__outcomes') }} as o
    left join {{ ref('int_outcomes_trials_linked') }} as t using (outcome_id)
),

arms as (
    select arm_id, trial_id, label_key from {{ ref('int_arms_resolved') }}
)

select
    o.outcome_id,
    a.arm_id,
    c.arm_id as comparator_arm_id,
from outcomes as o
left join arms as a on a.trial_id = o.trial_id and a.label_key = {{ arm_key('o.arm_label') }}
left join arms as c on c.trial_id = o.trial_id and c.label_key = {{ arm_key('o.comparator_label') }}
