-- One row per trial arm / compared group, with its size where the text states it and its regimen:
-- the registry's arm description, else its agents with the doses the trial's reports state.
with

arms as (
    select * from {{ ref('int_arms_resolved') }}
),

dosed as (
    select
        b.arm_id,
        string_agg(g.name || ' ' || b.dose, ' + ' order by g.name) as regimen,
    from {{ ref('bridge_arm_agents') }} as b
    inner join {{ ref('dim_agents') }} as g using (agent_id)
    where b.dose is not null
    group by b.arm_id
),

final as (
    select
        arms.arm_id,
        arms.trial_id,
        arms.label,
        arms.n_patients,
        coalesce(arms.regimen, dosed.regimen) as regimen,
        arms.arm_order,
        arms.arm_source,
    from arms
    left join dosed using (arm_id)
)

select * from final
