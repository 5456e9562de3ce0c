-- The rows of a registry section (a stg_etl__registry_* model), each with a stable id built from
-- its place in the source file and the trial the page registers (its primary study).
{% macro registry_mart(section_model, id_prefix) -%}
with

rows as (
    select * from {{ ref(section_model) }}
),

reports as (
    -- the page's own trial: the first it reports, as outcomes are linked
    select publication_id, arg_min(trial_id, first_char_start) as trial_id
    from {{ ref('int_trial_reports') }}
    group by publication_id
),

final as (
    select
        '{{ id_prefix }}_' || left(md5(rows.source_file || ':' || cast(rows.char_start as varchar)), 16)
            as {{ id_prefix }}_id,
        reports.trial_id,
        rows.* exclude (sentence_id),
    from rows
    left join reports using (publication_id)
)

select * from final
{%- endmacro %}
