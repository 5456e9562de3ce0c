{#- Values must be codes of one vocabulary of etl/vocab (loaded as raw.vocab): one source of truth. -#}
{% test in_vocabulary(model, column_name, code_set) %}
select {{ column_name }} as invalid_code
from {{ model }}
where {{ column_name }} is not null
  and {{ column_name }} not in (
      select code from {{ source('etl', 'vocab') }} where code_set = '{{ code_set }}'
  )
{% endtest %}
