{#- Models go to the schema they name (staging, intermediate), marts to the default `main`:
    BI tools see marts where the contract says, without dbt's `main_staging` prefixing. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}{{ target.schema }}{%- else -%}{{ custom_schema_name | trim }}{%- endif -%}
{%- endmacro %}
