{#- A group label as a matching key: lower case, without a trailing "group(s)"/"arm(s)"/"patients"
    and without a leading "the", so "the TACE alone group" and "TACE alone" are one arm. -#}
{% macro arm_key(column) -%}
    regexp_replace(
        regexp_replace(lower(trim({{ column }})), '^the\s+', ''),
        '\s+(groups?|arms?|patients|cohorts?|recipients)$', ''
    )
{%- endmacro %}
