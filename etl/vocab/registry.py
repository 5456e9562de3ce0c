"""The section headings registry pages print (ClinicalTrials.gov, MedPath, ChiCTR, EU CTR, ...),
declared once: etl.extract.registry reads the sections by them, etl.documents.kinds tells a
registry page by them.

A heading is a line of its own; its text, lower-cased, without a trailing colon or a count
("Locations (12)"), is looked up here. Sections the extractors read have a code; the others only
end the section before them.
"""

from __future__ import annotations

import re

SECTIONS: dict[str, str] = {
    "inclusion criteria": "inclusion",
    "key inclusion criteria": "inclusion",
    "exclusion criteria": "exclusion",
    "key exclusion criteria": "exclusion",
    "eligibility criteria": "eligibility",
    "criteria": "eligibility",
    "primary outcome measures": "primary_outcome",
    "primary outcome measure": "primary_outcome",
    "primary outcomes": "primary_outcome",
    "primary outcome": "primary_outcome",
    "primary endpoints": "primary_outcome",
    "primary endpoint": "primary_outcome",
    "secondary outcome measures": "secondary_outcome",
    "secondary outcome measure": "secondary_outcome",
    "secondary outcomes": "secondary_outcome",
    "secondary outcome": "secondary_outcome",
    "secondary endpoints": "secondary_outcome",
    "secondary endpoint": "secondary_outcome",
    "other outcome measures": "other_outcome",
    "locations": "locations",
    "trial locations": "locations",
    "study locations": "locations",
    "contacts and locations": "locations",
    "arms and interventions": "arms",
    "arm and interventions": "arms",
    "arms & interventions": "arms",
    "arm & interventions": "arms",
    "arm && interventions": "arms",
    "arms && interventions": "arms",
    "study arms": "arms",
    "arm groups": "arms",
}
# Headings that only end the section before them.
OTHER_HEADINGS: frozenset[str] = frozenset(
    {
        "brief summary",
        "posted results",
        "detailed description",
        "description",
        "recruitment & eligibility",
        "recruitment and eligibility",
        "eligibility",
        "status",
        "overall status",
        "recruitment status",
        "sex",
        "sexes eligible for study",
        "ages eligible for study",
        "accepts healthy volunteers",
        "target recruitment",
        "enrollment",
        "study & design",
        "study design",
        "study type",
        "conditions",
        "condition",
        "interventions",
        "registration number",
        "lead sponsor",
        "sponsor",
        "collaborators",
        "phase",
        "study start",
        "primary completion",
        "study completion",
        "publications",
        "references",
        "more information",
        "outcome measures",
        "official title",
        "brief title",
        "masking",
        "allocation",
        "intervention model",
        "contacts",
        "investigators",
        "study overview",
        "study details",
    }
)
_DECORATION = re.compile(r"\s*(?:\(\d+\))?\s*:?\s*$")


def heading_key(line: str) -> str | None:
    """The heading a line is ("Locations (1)" → "locations"), or None."""
    if len(line) > 60:
        return None
    key = _DECORATION.sub("", line.strip()).lower()
    return key if key in SECTIONS or key in OTHER_HEADINGS else None


def section_of(line: str) -> str | None:
    """The code of the section a heading line opens: a read section's code, "other" for a
    heading that only ends the previous section, None for a line that is no heading."""
    key = heading_key(line)
    if key is None:
        return None
    return SECTIONS.get(key, "other")
