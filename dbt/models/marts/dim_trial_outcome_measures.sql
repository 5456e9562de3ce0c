-- One row per registered outcome measure (primary, secondary, other) with its time frame.
{{ registry_mart('stg_etl__registry_outcome_measures', 'measure') }}
