{#- A code of one vocabulary of etl/vocab/codes.py, as a SQL string literal. The vocabularies come
    in as `--vars` from etl.transform: a code they do not declare stops the build when the model
    compiles, before any row is written, so SQL cannot drift from the vocabulary. -#}
{% macro code(code_set, value) -%}
    {%- set vocab = var('vocab', {}) -%}
    {%- if code_set not in vocab -%}
        {{ exceptions.raise_compiler_error("no vocabulary '" ~ code_set ~ "' (dbt runs through etl, which passes them as --vars)") }}
    {%- endif -%}
    {%- if value not in vocab[code_set] -%}
        {{ exceptions.raise_compiler_error("'" ~ value ~ "' is not a code of '" ~ code_set ~ "' (etl/vocab/codes.py)") }}
    {%- endif -%}
    '{{ value }}'
{%- endmacro %}
