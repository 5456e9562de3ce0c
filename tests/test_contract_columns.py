"""The pandera models are the only hand-written column lists: dbt's sources must agree."""

from pathlib import Path

import yaml

from etl.schemas import STAGING_MODELS, polars_schema

SOURCES = Path(__file__).resolve().parent.parent / "dbt/models/staging/etl/_etl__sources.yml"


def test_dbt_sources_match_pandera_models():
    source = yaml.safe_load(SOURCES.read_text())["sources"][0]
    assert source["schema"] == "raw"
    tables = {t["name"]: [c["name"] for c in t["columns"]] for t in source["tables"]}
    assert set(tables) == set(STAGING_MODELS)
    for name, model in STAGING_MODELS.items():
        assert tables[name] == list(polars_schema(model)), (
            f"dbt source {name} differs from pandera model"
        )
