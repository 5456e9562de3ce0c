{#- A span [char_start, char_end) is non-empty. Applied to char_end, with char_start as the other column. -#}
{% test span_ordered(model, column_name, start_column='char_start') %}
select {{ start_column }}, {{ column_name }}
from {{ model }}
where {{ column_name }} <= {{ start_column }}
{% endtest %}
