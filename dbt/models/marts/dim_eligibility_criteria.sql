-- One row per eligibility criterion of a registry page, linked to the trial the page registers.
{{ registry_mart('stg_etl__registry_criteria', 'criterion') }}
