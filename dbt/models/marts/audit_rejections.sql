-- What the build could not read or accept. `etl validate` appends the rows of failed
-- Great Expectations rules (stage = 'validate') after dbt has built this table.
with

rejections as (
    select * from {{ ref('stg_etl__rejections') }}
),

final as (
    select
        md5(concat_ws('|', source_file, stage, rule, detail, char_start, char_end)) as rejection_id,
        source_file,
        stage,
        rule,
        detail,
        char_start,
        char_end,
        severity,
    from rejections
)

select * from final
