{#- Null is allowed (unknown); an empty or all-blank string is not. -#}
{% test not_blank(model, column_name) %}
select {{ column_name }} as blank_value
from {{ model }}
where {{ column_name }} is not null and trim({{ column_name }}) = ''
{% endtest %}
