"""Sentences → the doses stated for agents (the staging table ``agent_doses``).

A dose is read right after the agent it is given for, in the shapes reports use:
"sorafenib 400 mg twice daily", "tremelimumab (300 mg, one dose) plus durvalumab (1500 mg every
4 weeks)", "sorafenib at a daily dose of 400 mg", "nivolumab monotherapy at dose levels of
0.1-10.0 mg/kg", "regorafenib 160 mg orally once daily during weeks 1-3 of each 4-week cycle".
The dose is kept as written: amount, unit, route and schedule. dbt gives it to the arms whose
agent it is (bridge_arm_agents.dose) and, where no registry states one, to the arm's regimen.
"""

from __future__ import annotations

import re

import polars as pl

from etl.extract.agents import mentions_in, with_agent_forms
from etl.extract.phrases import DOSE_AMOUNT, DOSE_SCHEDULE, DOSE_UNIT
from etl.schemas.staging import AgentDoses, polars_schema

_ROUTE = r"(?:orally|oral|intravenously|intravenous|i\.v\.|IV|p\.o\.|po|subcutaneously|subcutaneous|s\.c\.)"
_DOSE = re.compile(
    r"\s*(?:monotherapy|alone|therapy|treatment)?\s*(?:\(\s*|,\s*)?"
    r"(?P<dose>(?:(?:at|with|given at)\s+(?:an?\s+|the\s+)?(?:(?:daily|starting|initial|fixed|total)\s+)?"
    r"(?:doses?(?:\s+levels?)?\s+of\s+)?)?"
    rf"{DOSE_AMOUNT}(?:\s*,?\s*{_ROUTE})?(?:\s*,?\s*(?:{DOSE_SCHEDULE}))*)",
    re.IGNORECASE,
)
_LEAD = re.compile(r"^(?:at|with|given at)\s+", re.IGNORECASE)
_UNIT = re.compile(rf"\d\s*{DOSE_UNIT}\b", re.IGNORECASE)


def doses_in(
    text: str, candidates: tuple[str, ...] | None = None, ours: tuple[str, ...] | None = None
) -> list[tuple[str, str, int, int]]:
    """(agent name, dose as written, start, end) for each dose stated right after an agent
    (``candidates``, ``ours``: the agent forms the text may hold, as mentions_in takes them)."""
    if not _UNIT.search(text):
        return []
    found = []
    for name, _written, _start, end, _known in mentions_in(text, candidates, ours):
        m = _DOSE.match(text, end)
        if m:
            dose = m.group("dose")
            lead = _LEAD.match(dose)
            start = m.start("dose") + (lead.end() if lead else 0)
            found.append((name, text[start : m.end("dose")], start, m.end("dose")))
    return found


def agent_doses_frame(sentences: pl.DataFrame) -> pl.DataFrame:
    """The staging frame ``agent_doses``: every dose stated for an agent in a body sentence."""
    body = with_agent_forms(sentences).filter(
        (pl.col("role") == "body") & pl.col("text").str.contains(rf"(?i)\d\s*{DOSE_UNIT}\b")
    )
    rows = [
        {
            "publication_id": s["publication_id"],
            "sentence_id": s["sentence_id"],
            "source_file": s["source_file"],
            "agent_name": name,
            "dose": dose,
            "char_start": s["char_start"] + start,
            "char_end": s["char_start"] + end,
        }
        for s in body.select(
            "publication_id",
            "sentence_id",
            "source_file",
            "char_start",
            "text",
            "_candidates",
            "_ours",
        ).iter_rows(named=True)
        for name, dose, start, end in doses_in(
            s["text"], tuple(s["_candidates"]), tuple(s["_ours"])
        )
    ]
    return pl.DataFrame(rows, schema=polars_schema(AgentDoses))
