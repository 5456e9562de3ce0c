{#-
  Columns that must be filled, checked in one query per model: `not_null` columns hold a value in
  every row; `not_blank` columns are null (unknown) or hold more than blanks. A failing row names
  the column and the rule it breaks, with the number of rows that break it.

  One test per model rather than one per column: dbt spends ~35 ms of a core on every test node
  whatever its query, and one node per column made these two rules 322 of the build's 543 nodes
  (about 9 s of every build, for 42 documents as for 100,000).
-#}
{% test filled(model, not_null=[], not_blank=[]) %}
with counts as (
    select
    {%- for column in not_null %}
        count(*) filter (where {{ column }} is null) as "{{ column }} is null",
    {%- endfor %}
    {%- for column in not_blank %}
        count(*) filter (where {{ column }} is not null and trim({{ column }}) = '')
            as "{{ column }} is blank",
    {%- endfor %}
        0 as _none
    from {{ model }}
)
select failed_rule, n_rows
from (unpivot counts on columns(* exclude (_none)) into name failed_rule value n_rows)
where n_rows > 0
{% endtest %}
