-- One row per site a registry page lists for its trial.
{{ registry_mart('stg_etl__registry_locations', 'location') }}
