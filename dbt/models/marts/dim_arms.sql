-- One row per trial arm / compared group, with its size where the text states it.
with

arms as (
    select * from {{ ref('int_arms_resolved') }}
),

final as (
    select
        arm_id,
        trial_id,
        label,
        n_patients,
        regimen,
        arm_order,
        arm_source,
    from arms
)

select * from final
