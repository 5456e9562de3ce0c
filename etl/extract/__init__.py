"""Pure extractors: frames of records in, frames of sentences and facts out.

The frame functions are loaded on first use (PEP 562), so that importing one light module of the
package (the grammar, in an extraction worker process) does not load polars and pandera.
"""

from __future__ import annotations

import importlib
from typing import Any

_WHERE = {
    "agent_doses_frame": "etl.extract.doses",
    "agent_mentions_frame": "etl.extract.agents",
    "drug_codes": "etl.extract.agents",
    "outcomes_frame": "etl.extract.outcomes",
    "registry_frames": "etl.extract.registry",
    "sentences_frame": "etl.extract.sentences",
    "split_spans": "etl.extract.sentences",
    "table_frames": "etl.extract.table_readings",
    "trial_arms_frame": "etl.extract.record_arms",
    "trial_facts_frame": "etl.extract.trial_facts",
    "trial_mentions_frame": "etl.extract.trials",
    "with_agent_forms": "etl.extract.agents",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(_WHERE[name]), name)
