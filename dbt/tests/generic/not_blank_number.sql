{#- A number column holds real numbers: no NaN or infinity (null allowed). -#}
{% test not_blank_number(model, column_name) %}
select {{ column_name }} as bad_number
from {{ model }}
where {{ column_name }} is not null and (isnan({{ column_name }}) or isinf({{ column_name }}))
{% endtest %}
