"""ClinicalTrials.gov records (API v2 JSON; the legacy ``<clinical_study>`` XML) → a registry
page and its posted results.

The protocol is rendered in the layout of the registry's own web page ("Identifier: NCT…",
"Actual Enrollment : 1069 participants", "Arms and Interventions", "Eligibility Criteria" …),
which the registry readers (etl.extract.registry, trial_facts, trial_arms, agents) already read:
the same fields come out whichever way the record was saved, and each keeps the span of its
value in the file. Posted results are read field by field into ``Posted`` numbers, each given a
line of the page that says it in words (role ``registry_result``, not read again by the
grammar).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from etl.documents.structured.json_spans import J, runs, value_span
from etl.documents.structured.pieces import Renderer
from etl.documents.structured.posted import Posted, analysis, measure_of, measurement, number
from etl.documents.structured.xml_nodes import Node, attribute_span

_ARM_TYPES = {
    "EXPERIMENTAL": "Experimental",
    "ACTIVE_COMPARATOR": "Active Comparator",
    "PLACEBO_COMPARATOR": "Placebo Comparator",
    "SHAM_COMPARATOR": "Sham Comparator",
    "NO_INTERVENTION": "No Intervention",
    "OTHER": "Other",
}
_MASKING = {
    "NONE": "None (Open Label)",
    "SINGLE": "Single",
    "DOUBLE": "Double",
    "TRIPLE": "Triple",
    "QUADRUPLE": "Quadruple",
}


def humane(code: str) -> str:
    """An enumeration as the registry's page prints it: PHASE3 → Phase 3, NOT_YET_RECRUITING →
    Not yet recruiting, NA → Not Applicable."""
    if code == "NA":
        return "Not Applicable"
    if code.startswith(("PHASE", "EARLY_PHASE")):
        early = code.startswith("EARLY_")
        return ("Early " if early else "") + "Phase " + code.rsplit("PHASE", 1)[1]
    words = code.replace("_", " ").lower()
    return words[:1].upper() + words[1:]


@dataclass
class Page:
    """A registry page being rendered, and the posted results it says."""

    out: Renderer
    # (line start, number, the path of its element in the file)
    posted: list[tuple[int, Posted, str]] = field(default_factory=list)
    # numbers that break a rule (an interval that does not enclose its value), with their path:
    # not said, not read, reported
    refused: list[tuple[Posted, str]] = field(default_factory=list)
    where: str = "$"  # the path of the record being rendered ("$.studies[2]", "clinical_study[1]")

    # (a line's spans must run forward in the file: its label is said where its value starts,
    # what follows the value where the value ends)
    def line(self, label: str, value: tuple[str, int, int], suffix: str = "") -> None:
        """``label``, a value the page shows in words of its own (an enumeration), ``suffix``."""
        words, start, end = value
        if words:
            self.out.say(label, start)
            self.out.say(words, start, end)
            if suffix:
                self.out.say(suffix)
            self.out.say("\n")

    def runs_line(self, label: str, pieces: list[tuple[str, int, int]], suffix: str = "") -> None:
        """``label`` then runs of the file's text."""
        if pieces and "".join(p[0] for p in pieces).strip():
            if label:
                self.out.say(label, pieces[0][1])
            for text, start, end in pieces:
                self.out.add(text, start, end)
            if suffix:
                self.out.say(suffix)
            self.out.say("\n")

    def joined(
        self, items: list[list[tuple[str, int, int]]], sep: str, label: str = "", at: int = 0
    ) -> None:
        """Values of the file on one line, ``sep`` between them ("Conditions : A; B", a site's
        "name, city, country"), ``label`` said at ``at`` before them; nothing for no values."""
        if not items:
            return
        if label:
            self.out.say(label, at)
        for i, item in enumerate(items):
            if i:
                self.out.say(sep)
            self.out.add_runs(item)
        self.out.say("\n")

    def out_measure(
        self, measure: list[tuple[str, int, int]], frame: list[tuple[str, int, int]]
    ) -> None:
        """An outcome measure, its time frame on the next line ("Time Frame: up to 5 years"): the
        measure's line is the file's own words."""
        if not measure:
            return
        self.runs_line("", measure)
        if frame and frame[0][1] > measure[-1][2]:
            self.runs_line("Time Frame: ", frame)

    def heading(self, text: str, span: tuple[int, int]) -> None:
        """A section heading, said to stand for the span of the section's value."""
        self.out.say(text, *span)
        self.out.say("\n")

    def result(self, p: Posted | None, path: str) -> None:
        """A posted number (None: a field that holds none) and its line, said in words; ``path``:
        its element's, below the record's."""
        if p is None:
            return
        low, high = p.ci_lower, p.ci_upper
        if low is not None and high is not None and not low <= p.value <= high:
            self.refused.append((p, self.where + path))
            return
        self.posted.append((self.out.length, p, self.where + path))
        self.out.say(p.evidence, *p.value_span)
        self.out.say("\n")


# ---------------------------------------------------------------- API v2 JSON


def _j_runs(text: str, node: J | None) -> list[tuple[str, int, int]]:
    return runs(text, node) if node is not None and node.value is not None else []


def _j_said(node: J | None, words: str) -> tuple[str, int, int]:
    """Words that stand for ``node``'s value (an enumeration shown as the page shows it)."""
    if node is None:
        return ("", 0, 0)
    start, end = value_span(node)
    return (words, start, end)


def render_study(text: str, study: J, page: Page) -> None:
    """One API v2 study (with its ``protocolSection``) rendered into ``page``."""
    p = study.get("protocolSection")
    out = page.out
    ident = p.get("identificationModule") if p else None
    title = (ident.get("briefTitle") or ident.get("officialTitle")) if ident else None
    if title is not None:
        acronym = ident.get("acronym")
        after = acronym is not None and acronym.value and acronym.start > title.end
        for run in _j_runs(text, title):
            out.add(*run)
        if after:
            out.say(" (")
            for run in _j_runs(text, acronym):
                out.add(*run)
            out.say(")")
        out.say("\n")
        if acronym is not None and acronym.value and not after:
            page.runs_line("Acronym: ", _j_runs(text, acronym))
    if ident is not None:
        page.runs_line("Identifier: ", _j_runs(text, ident.get("nctId")))
    status = p.get("statusModule", "overallStatus")
    if status is not None and isinstance(status.value, str):
        page.line("Recruitment Status : ", _j_said(status, humane(status.value)))
    page.runs_line(
        "Sponsor : ", _j_runs(text, p.get("sponsorCollaboratorsModule", "leadSponsor", "name"))
    )
    summary = p.get("descriptionModule", "briefSummary")
    if summary is not None:
        page.heading("Brief Summary:", value_span(summary))
        page.runs_line("", _j_runs(text, summary))
    conditions = p.items("conditionsModule", "conditions")
    if conditions:
        page.joined(
            [_j_runs(text, c) for c in conditions],
            "; ",
            "Conditions : ",
            value_span(conditions[0])[0],
        )
    design = p.get("designModule")
    if design is not None:
        kind = design.get("studyType")
        if kind is not None and isinstance(kind.value, str):
            page.line("Study Type : ", _j_said(kind, humane(kind.value)))
        enrolment = design.get("enrollmentInfo", "count")
        if enrolment is not None and isinstance(enrolment.value, int):
            estimated = design.text("enrollmentInfo", "type") == "ESTIMATED"
            page.runs_line(
                ("Estimated" if estimated else "Actual") + " Enrollment : ",
                [(str(enrolment.value), enrolment.start, enrolment.end)],
                " participants",
            )
        allocation = design.get("designInfo", "allocation")
        if allocation is not None and isinstance(allocation.value, str):
            page.line("Allocation: ", _j_said(allocation, humane(allocation.value)))
        masking = design.get("designInfo", "maskingInfo", "masking")
        if masking is not None and isinstance(masking.value, str):
            page.line(
                "Masking: ", _j_said(masking, _MASKING.get(masking.value, humane(masking.value)))
            )
        phases = design.items("phases")
        if phases:
            out.say("Phase : ", phases[0].start)
            for i, ph in enumerate(phases):
                if i:
                    out.say("/")
                if isinstance(ph.value, str):
                    out.say(humane(ph.value), *value_span(ph))
            out.say("\n")
    if ident is not None:
        page.runs_line("Official Title: ", _j_runs(text, ident.get("officialTitle")))
    arm_list = p.get("armsInterventionsModule", "armGroups")
    arms = p.items("armsInterventionsModule", "armGroups")
    if arms:
        page.heading("Arms and Interventions", (arm_list.start, arm_list.end))
        for arm in arms:
            kind = arm.get("type")
            label = _j_runs(text, arm.get("label"))
            if kind is not None and isinstance(kind.value, str) and label:
                out.say(_ARM_TYPES.get(kind.value, humane(kind.value)) + ": ", label[0][1])
            for run in label:
                out.add(*run)
            out.say("\n")
            page.runs_line("", _j_runs(text, arm.get("description")))
            for name in arm.items("interventionNames"):
                page.runs_line("", _j_runs(text, name))
    for key, heading in (
        ("primaryOutcomes", "Primary Outcome Measures"),
        ("secondaryOutcomes", "Secondary Outcome Measures"),
        ("otherOutcomes", "Other Outcome Measures"),
    ):
        measures = p.items("outcomesModule", key)
        if measures:
            listed = p.get("outcomesModule", key)
            page.heading(heading, (listed.start, listed.end))
            for m in measures:  # (as the registry's page writes them)
                frame = _j_runs(text, m.get("timeFrame"))
                page.out_measure(_j_runs(text, m.get("measure")), frame)
    criteria = p.get("eligibilityModule", "eligibilityCriteria")
    if criteria is not None:
        page.heading("Eligibility Criteria", value_span(criteria))
        page.runs_line("", _j_runs(text, criteria))
    locations = p.items("contactsLocationsModule", "locations")
    if locations:
        listed = p.get("contactsLocationsModule", "locations")
        page.heading("Locations", (listed.start, listed.end))
        for loc in locations:
            parts = [loc.get(k) for k in ("facility", "city", "state", "country")]
            parts = [x for x in parts if x is not None and isinstance(x.value, str)]
            parts.sort(key=lambda x: x.start)
            page.joined([_j_runs(text, x) for x in parts], ", ")
    _v2_results(text, study, page)


def _v2_results(text: str, study: J, page: Page) -> None:
    listed = study.get("resultsSection", "outcomeMeasuresModule", "outcomeMeasures")
    measures = study.items("resultsSection", "outcomeMeasuresModule", "outcomeMeasures")
    if not measures:
        return
    page.heading("Posted Results", (listed.start, listed.end))
    for i, m in enumerate(measures):
        at = f".resultsSection.outcomeMeasuresModule.outcomeMeasures[{i}]"
        measure = measure_of(
            m.text("title"),
            m.text("unitOfMeasure"),
            m.text("paramType"),
            m.text("dispersionType"),
            {g.text("id"): g.text("title") for g in m.items("groups")},
            {
                c.text("groupId"): number(c.text("value"))
                for d in m.items("denoms")[:1]
                for c in d.items("counts")
            },
        )
        for c, cls in enumerate(m.items("classes")):
            for k, cat in enumerate(cls.items("categories")):
                for j, x in enumerate(cat.items("measurements")):
                    node = x.get("value")
                    page.result(
                        measurement(
                            measure,
                            x.text("groupId"),
                            cat.text("title") or cls.text("title"),
                            x.text("value"),
                            value_span(node) if node is not None else None,
                            x.text("lowerLimit"),
                            x.text("upperLimit"),
                        ),
                        f"{at}.classes[{c}].categories[{k}].measurements[{j}]",
                    )
        for j, a in enumerate(m.items("analyses")):
            node = a.get("paramValue")
            page.result(
                analysis(
                    measure,
                    a.text("paramType"),
                    a.text("paramValue"),
                    value_span(node) if node is not None else None,
                    [g.value for g in a.items("groupIds")],
                    a.text("ciPctValue"),
                    a.text("ciLowerLimit"),
                    a.text("ciUpperLimit"),
                    a.text("pValue"),
                ),
                f"{at}.analyses[{j}]",
            )


# ---------------------------------------------------------------- legacy XML


def _x_runs(node: Node | None) -> list[tuple[str, int, int]]:
    return node.runs() if node is not None else []


def render_clinical_study(study: Node, page: Page) -> None:
    """One legacy ``<clinical_study>`` rendered into ``page``."""
    out = page.out
    title = study.find("brief_title") or study.find("official_title")
    if title is not None:
        acronym = study.find("acronym")
        named = acronym is not None and acronym.text().strip()
        for run in title.runs():
            out.add(*run)
        if named and acronym.start > title.end:
            out.say(" (")
            for run in acronym.runs():
                out.add(*run)
            out.say(")")
        out.say("\n")
    page.runs_line("Identifier: ", _x_runs(study.find("id_info/nct_id")))
    page.runs_line("Recruitment Status : ", _x_runs(study.find("overall_status")))
    page.runs_line("Sponsor : ", _x_runs(study.find("sponsors/lead_sponsor/agency")))
    summary = study.find("brief_summary/textblock")
    if summary is not None:
        page.heading("Brief Summary:", (summary.start, summary.end))
        page.runs_line("", _x_runs(summary))
    conditions = study.find_all("condition")
    if conditions:
        page.joined([c.runs() for c in conditions], "; ", "Conditions : ", conditions[0].start)
    page.runs_line("Study Type : ", _x_runs(study.find("study_type")))
    enrolment = study.find("enrollment")
    if enrolment is not None and enrolment.text().strip():
        kind = enrolment.attrs.get("type", "Actual")
        page.runs_line(
            ("Estimated" if kind.lower().startswith(("anticipated", "estimated")) else "Actual")
            + " Enrollment : ",
            enrolment.runs(),
        )
    design = study.find("study_design_info")
    if design is not None:
        page.runs_line("Allocation: ", _x_runs(design.find("allocation")))
        page.runs_line("Masking: ", _x_runs(design.find("masking")))
    page.runs_line("Phase : ", _x_runs(study.find("phase")))
    page.runs_line("Official Title: ", _x_runs(study.find("official_title")))
    arms = study.find_all("arm_group")
    if arms:
        page.heading("Arms and Interventions", (arms[0].start, arms[-1].end))
        for arm in arms:
            kind = arm.find("arm_group_type")
            label = arm.find("arm_group_label")
            if kind is not None and kind.text().strip() and label is not None and label.runs():
                out.say(kind.text().strip() + ": ", label.runs()[0][1])
            for run in _x_runs(label):
                out.add(*run)
            out.say("\n")
            page.runs_line("", _x_runs(arm.find("description")))
            for iv in study.find_all("intervention"):
                labels = {" ".join(x.text().split()) for x in iv.find_all("arm_group_label")}
                if label is not None and " ".join(label.text().split()) in labels:
                    kind_node = iv.find("intervention_type")
                    page.runs_line(
                        (kind_node.text().strip() if kind_node else "Other") + ": ",
                        _x_runs(iv.find("intervention_name")),
                    )
    for tag, heading in (
        ("primary_outcome", "Primary Outcome Measures"),
        ("secondary_outcome", "Secondary Outcome Measures"),
        ("other_outcome", "Other Outcome Measures"),
    ):
        measures = study.find_all(tag)
        if measures:
            page.heading(heading, (measures[0].start, measures[-1].end))
            for m in measures:  # (as the registry's page writes them)
                page.out_measure(_x_runs(m.find("measure")), _x_runs(m.find("time_frame")))
    criteria = study.find("eligibility/criteria/textblock")
    if criteria is not None:
        page.heading("Eligibility Criteria", (criteria.start, criteria.end))
        page.runs_line("", criteria.runs())
    locations = study.find_all("location")
    if locations:
        page.heading("Locations", (locations[0].start, locations[-1].end))
        for loc in locations:
            parts = [
                loc.find(p)
                for p in (
                    "facility/name",
                    "facility/address/city",
                    "facility/address/state",
                    "facility/address/country",
                )
            ]
            parts = [x for x in parts if x is not None and x.text().strip()]
            page.joined([x.runs() for x in parts], ", ")
    _legacy_results(study, page)


def _legacy_results(study: Node, page: Page) -> None:
    outcomes = study.find_all("clinical_results/outcome_list/outcome")
    if not outcomes:
        return
    page.heading("Posted Results", (outcomes[0].start, outcomes[-1].end))
    for i, o in enumerate(outcomes, start=1):
        at = f"/clinical_results/outcome_list/outcome[{i}]"
        m = o.find("measure")
        measure = measure_of(
            o.text_of("title"),
            m.text_of("units") if m else None,
            m.text_of("param") if m else None,
            m.text_of("dispersion") if m else None,
            {g.attrs.get("group_id"): g.text_of("title") for g in o.find_all("group_list/group")},
            {
                c.attrs.get("group_id"): number(c.attrs.get("value"))
                for analysed in (m.find_all("analyzed_list/analyzed")[:1] if m else [])
                for c in analysed.find_all("count_list/count")
            },
        )
        for c, cls in enumerate(m.find_all("class_list/class") if m else [], start=1):
            for k, cat in enumerate(cls.find_all("category_list/category"), start=1):
                for j, x in enumerate(cat.find_all("measurement_list/measurement"), start=1):
                    page.result(
                        measurement(
                            measure,
                            x.attrs.get("group_id"),
                            cat.text_of("title") or cls.text_of("title"),
                            x.attrs.get("value"),
                            attribute_span(x, "value"),
                            x.attrs.get("lower_limit"),
                            x.attrs.get("upper_limit"),
                        ),
                        f"{at}/measure/class_list/class[{c}]/category_list/category[{k}]"
                        f"/measurement_list/measurement[{j}]",
                    )
        for j, a in enumerate(o.find_all("analysis_list/analysis"), start=1):
            node = a.find("param_value")
            runs = node.runs() if node is not None else []
            page.result(
                analysis(
                    measure,
                    a.text_of("param_type"),
                    a.text_of("param_value"),
                    (runs[0][1], runs[-1][2]) if runs else None,
                    [" ".join(g.text().split()) for g in a.find_all("group_id_list/group_id")],
                    a.text_of("ci_percent"),
                    a.text_of("ci_lower_limit"),
                    a.text_of("ci_upper_limit"),
                    a.text_of("p_value"),
                ),
                f"{at}/analysis_list/analysis[{j}]",
            )
