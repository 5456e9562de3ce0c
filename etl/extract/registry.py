"""Registry pages → their sections: eligibility criteria, outcome measures with their time frames,
locations, and arms with their interventions (staging ``registry_*``).

A registry page is read line by line (its sentences, in order). A heading line (etl.vocab.registry)
opens a section, which runs to the next heading. Within a section the lines are read by shape, not
by the registry's name, so that the same code reads ClinicalTrials.gov ("Overall survival [Time
Frame: up to 5 years]", "Experimental: A" / "Drug: A"), MedPath (table cells run together:
"Progression-free survival (PFS)up to approximately 2 years.") and tab- or pipe-separated tables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import polars as pl

from etl.schemas.staging import (
    RegistryArms,
    RegistryCriteria,
    RegistryLocations,
    RegistryOutcomeMeasures,
    polars_schema,
)
from etl.vocab.codes import REGISTRY_KINDS
from etl.vocab.endpoints import endpoint_mentions
from etl.vocab.marks import BULLET
from etl.vocab.registry import section_of


@dataclass(frozen=True)
class Line:
    """One line (sentence) of a record: its text and where it lies in the source file."""

    text: str
    start: int  # offset of text[0] in the source file
    sentence_id: str


_BARE_ORDINAL = re.compile(rf"^\s*(?:\(?\d{{1,3}}[.)]|{BULLET})\s*$")
_LEAD_MARK = re.compile(rf"^\s*(?:\(?\d{{1,3}}[.)]|{BULLET})\s+")
_TABLE_HEADER = re.compile(
    r"^\s*(?:(?:outcome\s+)?(?:name|measure)|title)\s*[|\t]?\s*time(?:\s*frame)?\s*[|\t]?\s*"
    r"(?:method|description)?\s*$",
    re.IGNORECASE,
)
_UNIT = r"(?:days?|weeks?|months?|years?|cycles?|hours?)"
_AMOUNT = r"(?:\d+(?:\.\d+)?|one|two|three|four|five|six|eight|ten|twelve|twenty-four)"
# A time frame: a lead word, then text that names an amount of time ("up to approximately
# 2 years", "at 12 weeks", "baseline to week 24", "every 6 weeks until progression").
_TIME_FRAME = (
    r"(?:(?:up\s+to|through|until|from|at|after|within|by|every|over|for|during|approximately"
    r"|about|baseline|day|week|month|year|cycle)\b[^;\[\]]*?\b)?"
    rf"(?:{_AMOUNT}\s*-?\s*{_UNIT}\b|{_UNIT}\s*{_AMOUNT}\b)[^;\[\]]*?"
)
_BRACKETED_FRAME = re.compile(
    r"^(?P<name>.+?)\s*\[\s*time\s*frame\s*:\s*(?P<tf>[^\]]+?)\s*\]\s*$", re.IGNORECASE
)
_FRAME_LINE = re.compile(r"^\s*time\s*frame\s*:\s*(?P<tf>.+?)\s*$", re.IGNORECASE)
_GLUED_FRAME = re.compile(
    rf"^(?P<name>[^\t|]{{3,150}}?)\s*(?P<tf>{_TIME_FRAME})\s*\.?\s*$", re.IGNORECASE
)
# A sentence describing a measure, not naming one.
_DESCRIBING = re.compile(
    r"\b(?:is|are|was|were|will\s+be|defined|assessed|measured|calculated|evaluated)\b",
    re.IGNORECASE,
)
_CELLS = re.compile(r"\s*(?:\t+|\s\|\s|\|)\s*")
# Cells of a table copied from a web page, run together: "Palbociclib GroupPalbociclib capsules".
# A cell ends where a capitalised word starts right after a lower-case letter, or after a label's
# one-letter last word ("Cohort ATislelizumab").
_GLUED_CELL = re.compile(r"(?<=[a-z)\]])(?=[A-Z][a-z])|(?<=\s[A-Z])(?=[A-Z][a-z])")
_ARM_HEADER = re.compile(
    r"^\s*(?:participant\s+)?(?:group|arm)(?:\s*/\s*arm)?\s*(?:label)?\s*[|\t]?\s*"
    r"intervention(?:\s*/\s*treatment)?\s*[|\t]?\s*(?:description)?\s*$",
    re.IGNORECASE,
)
_ARM_TYPE = re.compile(
    r"^\s*(?P<type>experimental|active\s+comparator|placebo\s+comparator|sham\s+comparator"
    r"|no\s+intervention|other)\s*:\s*(?P<label>.+?)\s*$",
    re.IGNORECASE,
)
_INTERVENTION_TYPE = re.compile(
    r"^\s*(?:drug|biological|procedure|radiation|device|behavioral|dietary supplement|genetic"
    r"|combination product|other)\s*:\s*(?P<name>.+?)\s*$",
    re.IGNORECASE,
)
_ADDRESS = re.compile(r"^\s*[^\W\d_][^,;:]{0,58}(?:,\s*[^,;:]{1,60}){1,4}\s*$")
_COUNTRY = re.compile(r"^[^\W\d_][^\W\d_ .'-]*(?:[ .'-]+[^\W\d_]+)*$")
_NOT_A_PLACE = re.compile(
    r"^\s*(?:contact|phone|email|e-mail|principal investigator|status)\b", re.I
)


def sections(lines: list[Line]) -> list[tuple[str, list[Line]]]:
    """(section code, its lines) of a record, in order, for the sections that are read."""
    out: list[tuple[str, list[Line]]] = []
    current: str | None = None
    for line in lines:
        code = section_of(line.text)
        if code is not None:
            current = None if code == "other" else code
            if current is not None:
                out.append((current, []))
            continue
        if current is not None and line.text.strip():
            out[-1][1].append(line)
    # ("Eligibility Criteria" directly followed by "Inclusion Criteria:" opens an empty section)
    return [(code, lines) for code, lines in out if lines]


def _span(line: Line, piece: str, at: int = 0) -> tuple[int, int]:
    """File offsets of ``piece``, found in ``line`` at or after ``at``."""
    i = line.text.index(piece, at)
    return line.start + i, line.start + i + len(piece)


def criteria(kind: str, lines: list[Line]) -> list[dict]:
    """The criteria of an inclusion or exclusion section, one per item: numbering and bullets
    are not part of the text, and a number on a line of its own belongs to the line after it.
    (An "Eligibility Criteria" section is read through its "Inclusion/Exclusion Criteria"
    subheadings, which open sections of their own; one with neither lists nothing here.)"""
    rows: list[dict] = []
    if kind not in ("inclusion", "exclusion"):
        return rows
    ordinal = 0
    for line in lines:
        if _BARE_ORDINAL.match(line.text):
            continue
        lead = _LEAD_MARK.match(line.text)
        body = line.text[lead.end() if lead else 0 :].strip().rstrip(";").rstrip()
        if len(body) < 3:
            continue
        ordinal += 1
        start, end = _span(line, body, lead.end() if lead else 0)
        rows.append(
            {
                "kind": kind,
                "ordinal": ordinal,
                "criterion": body,
                "sentence_id": line.sentence_id,
                "char_start": start,
                "char_end": end,
            }
        )
    return rows


def _measure_line(text: str) -> tuple[str, str] | None:
    """(name, time frame) when a line names a measure with its time frame."""
    for pattern in (_BRACKETED_FRAME, _GLUED_FRAME):
        m = pattern.match(text)
        if m and not _DESCRIBING.search(m.group("name")):
            return m.group("name").strip(" |\t:-"), m.group("tf").strip().rstrip(".")
    cells = [c for c in _CELLS.split(text.strip()) if c]
    if len(cells) >= 2 and re.search(_TIME_FRAME, cells[1], re.IGNORECASE):
        return cells[0], cells[1]
    return None


def outcome_measures(kind: str, lines: list[Line]) -> list[dict]:
    """The measures of an outcome section: name, time frame, and the description lines after it."""
    rows: list[dict] = []
    for i, line in enumerate(lines):
        if _TABLE_HEADER.match(line.text):
            continue
        # a name alone on its line, its time frame on the next ("Time Frame: ...")
        named_alone = i + 1 < len(lines) and _FRAME_LINE.match(lines[i + 1].text) is not None
        frame_only = _FRAME_LINE.match(line.text)
        if frame_only and rows and rows[-1]["time_frame"] is None:
            rows[-1]["time_frame"] = frame_only.group("tf").rstrip(".")
            rows[-1]["char_end"] = line.start + len(line.text.rstrip())
            continue
        found = _measure_line(line.text)
        described = rows and not named_alone and (found is None or len(line.text) > 200)
        if described:
            last = rows[-1]
            last["description"] = (
                f"{last['description']} {line.text.strip()}"
                if last["description"]
                else line.text.strip()
            )
            last["char_end"] = line.start + len(line.text.rstrip())
            continue
        if found is None:  # a name with its time frame on the next line ("Time Frame: ...")
            name, frame = line.text.strip(), None
            if len(name) > 150 or _DESCRIBING.search(name):
                continue
        else:
            name, frame = found
        mentions = endpoint_mentions(name)
        start, _ = _span(line, name)
        rows.append(
            {
                "kind": kind.removesuffix("_outcome"),
                "ordinal": len(rows) + 1,
                "measure_name": name,
                "endpoint": mentions[0][2] if mentions else "OTHER",
                "time_frame": frame,
                "description": None,
                "sentence_id": line.sentence_id,
                "char_start": start,
                "char_end": line.start + len(line.text.rstrip()),
            }
        )
    return rows


def locations(lines: list[Line]) -> list[dict]:
    """Sites: a facility line, then its address line ("Zhengzhou, Henan, China"); lines of
    neither shape (flags, counts, contacts) are passed over."""
    rows: list[dict] = []
    facility: Line | None = None
    for line in lines:
        text = line.text.strip()
        if not any(c.isalpha() for c in text) or _NOT_A_PLACE.match(text):
            continue
        parts = [p.strip() for p in text.split(",")]
        if _ADDRESS.match(text) and _COUNTRY.match(parts[-1]):
            start = facility.start if facility else line.start + line.text.index(text)
            rows.append(
                {
                    "facility": facility.text.strip() if facility else None,
                    "city": parts[0],
                    "region": parts[1] if len(parts) >= 3 and not parts[1].isdigit() else None,
                    "country": parts[-1],
                    "sentence_id": (facility or line).sentence_id,
                    "char_start": start,
                    "char_end": line.start + line.text.index(text) + len(text),
                }
            )
            facility = None
        else:
            facility = line
    return rows


def arms(lines: list[Line]) -> list[dict]:
    """Arms with their interventions and description (dose, route, schedule), from a table with
    one arm a row (cells separated, or run together) or from typed entries ("Experimental: A"
    followed by "Drug: A" and description lines)."""
    rows: list[dict] = []
    for i, line in enumerate(lines):
        text = line.text.strip()
        if _ARM_HEADER.match(text):
            continue
        typed = _ARM_TYPE.match(text)
        intervention = _INTERVENTION_TYPE.match(text)
        if typed and intervention and rows and rows[-1]["typed"] and _ends_entry(lines, i):
            # "Other: Placebo" is an arm's type or an intervention's: inside an arm's entry, and
            # followed by no description of its own, it is one of the arm's interventions
            typed = None
        if typed:
            rows.append(_arm(line, typed.group("label"), None, None))
        elif intervention and rows:
            name = intervention.group("name")
            last = rows[-1]
            last["intervention"] = (
                f"{last['intervention']}; {name}" if last["intervention"] else name
            )
            last["char_end"] = line.start + line.text.index(text) + len(text)
        elif rows and rows[-1]["typed"]:
            last = rows[-1]
            last["description"] = f"{last['description']} {text}" if last["description"] else text
            last["char_end"] = line.start + line.text.index(text) + len(text)
        else:
            cells = [c for c in _CELLS.split(text) if c]
            if len(cells) < 2:
                cells = [c.strip() for c in _GLUED_CELL.split(text) if c.strip()]
            if len(cells) < 2:
                continue
            rows.append(_arm(line, cells[0], cells[1], " ".join(cells[2:]) or None, typed=False))
    for row in rows:
        del row["typed"]
    return rows


def _ends_entry(lines: list[Line], i: int) -> bool:
    """Whether line ``i`` is the last of an arm's entry: the section ends after it, or a typed
    line (an arm or an intervention) follows it."""
    if i + 1 >= len(lines):
        return True
    after = lines[i + 1].text.strip()
    return bool(_ARM_TYPE.match(after) or _INTERVENTION_TYPE.match(after))


def _arm(
    line: Line, label: str, intervention: str | None, description: str | None, typed: bool = True
) -> dict:
    start = line.start + line.text.index(line.text.strip())
    return {
        "label": label.strip(),
        "intervention": intervention,
        "description": description,
        "sentence_id": line.sentence_id,
        "char_start": start,
        "char_end": start + len(line.text.strip()),
        "typed": typed,
    }


@dataclass(frozen=True)
class RegistrySections:
    criteria: pl.DataFrame
    outcome_measures: pl.DataFrame
    locations: pl.DataFrame
    arms: pl.DataFrame


def registry_frames(sentences: pl.DataFrame, documents: pl.DataFrame) -> RegistrySections:
    """The staging frames ``registry_criteria``, ``registry_outcome_measures``,
    ``registry_locations`` and ``registry_arms`` of every registry page."""
    registry_docs = documents.filter(
        pl.col("document_kind").is_in(sorted(REGISTRY_KINDS))
    ).get_column("document_id")
    pages = sentences.filter(
        pl.col("document_id").is_in(registry_docs.implode()) & (pl.col("role") == "body")
    ).sort("publication_id", "sentence_index")
    found: dict[str, list[dict]] = {"criteria": [], "measures": [], "locations": [], "arms": []}
    for (publication_id,), record in pages.group_by("publication_id", maintain_order=True):
        source_file = record.get_column("source_file")[0]
        lines = [
            Line(s["text"], s["char_start"], s["sentence_id"])
            for s in record.select("text", "char_start", "sentence_id").iter_rows(named=True)
        ]
        key = {"publication_id": publication_id, "source_file": source_file}
        for code, section in sections(lines):
            if code in ("inclusion", "exclusion", "eligibility"):
                found["criteria"] += [key | r for r in criteria(code, section)]
            elif code.endswith("_outcome"):
                found["measures"] += [key | r for r in outcome_measures(code, section)]
            elif code == "locations":
                found["locations"] += [key | r for r in locations(section)]
            elif code == "arms":
                found["arms"] += [key | r for r in arms(section)]
    return RegistrySections(
        criteria=pl.DataFrame(found["criteria"], schema=polars_schema(RegistryCriteria)),
        outcome_measures=pl.DataFrame(
            found["measures"], schema=polars_schema(RegistryOutcomeMeasures)
        ),
        locations=pl.DataFrame(found["locations"], schema=polars_schema(RegistryLocations)),
        arms=pl.DataFrame(found["arms"], schema=polars_schema(RegistryArms)),
    )


def without_measure_definitions(outcomes: pl.DataFrame, measures: pl.DataFrame) -> pl.DataFrame:
    """``outcomes`` less the numbers in the line that names a registered outcome measure: a
    number in a measure's name ("Percentage of participants with a 40% response") is part of
    what the trial will measure, not a result. (The lines after it are not judged so: a page may
    run its results on under the last measure, its results heading unrecognised.)"""
    if outcomes.is_empty() or measures.is_empty():
        return outcomes
    return outcomes.filter(
        ~pl.col("sentence_id").is_in(measures.get_column("sentence_id").implode())
    )
