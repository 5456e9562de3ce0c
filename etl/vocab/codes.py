"""Controlled vocabularies, declared once.

pandera (``isin``), dbt (the ``in_vocabulary`` generic test reads ``raw.vocab``, which the
loader writes from these mappings) and the GX suites all take their code lists from here.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

import polars as pl

DOCUMENT_KINDS: Final = MappingProxyType(
    {
        "abstract": "one journal or conference abstract (structured or not)",
        "abstract_collection": "several abstracts: one per line (a PubMed text export) or in turn",
        "news_article": "a news report or press release about a study",
        "review": "a review or knowledge-base page summarising several studies",
        "trial_table": "a table of trials or their results (pipe- or tab-separated, or a cell a line)",
        "vendor_sheet": "a supplier's or maker's page about a compound (technical sheet, HCP page)",
        "registry_record": "a trial registry page (e.g. ClinicalTrials.gov, MedPath)",
        "publication_listing": "a list of citations, each with authors, title, journal, abstract",
        "pubmed_xml": "PubMed XML (efetch or a saved search): one record per PubmedArticle",
        "ctgov_json": "ClinicalTrials.gov API v2 JSON: a study, a page of studies or JSON lines",
        "ctgov_xml": "ClinicalTrials.gov legacy XML (<clinical_study>)",
        "other": "any other document, read as one record",
    }
)

STUDY_TYPES: Final = MappingProxyType(
    {
        "rct": "randomised controlled trial",
        "single-arm trial": "prospective, single-arm interventional study",
        "cohort": "observational cohort (retrospective or prospective)",
        "case report": "case report or case series",
        "review": "narrative or systematic review",
        "preclinical": "cell or animal study",
        "meta-analysis": "pooled analysis of several studies",
        "other": "anything else, or too little text to tell",
    }
)

# How a file is written: read as text, or parsed and rendered as text (etl.documents.structured)
SOURCE_FORMATS: Final = MappingProxyType(
    {
        "text": "plain text, read as it is",
        "pubmed_xml": "PubMed XML, parsed",
        "ctgov_json": "ClinicalTrials.gov API v2 JSON, parsed",
        "ctgov_xml": "ClinicalTrials.gov legacy XML, parsed",
        "html": "an HTML page: its readable text",
    }
)
# The document kinds of a structured format (an HTML page is the kind its text is)
STRUCTURED_KINDS: Final = MappingProxyType(
    {"pubmed_xml": "pubmed_xml", "ctgov_json": "ctgov_json", "ctgov_xml": "ctgov_xml"}
)
# Formats parsed as they are streamed from disk (an export of any size): their text is not kept,
# only the spans their rows point at (etl.documents.source_spans)
STREAMED_FORMATS: Final = frozenset({"pubmed_xml", "ctgov_xml"})
# Document kinds read as a registry's record (its fields, arms, criteria, outcome measures)
REGISTRY_KINDS: Final = frozenset({"registry_record", "ctgov_json", "ctgov_xml"})

# Study types whose record reports a study of its own (and so a trial row, named or not).
PRIMARY_STUDY_TYPES: Final = frozenset({"rct", "single-arm trial", "cohort", "case report"})
# Study types whose record reports no study of its own: a trial it names is someone else's.
SECONDARY_STUDY_TYPES: Final = frozenset({"review", "preclinical", "meta-analysis"})

# Capitalised words that head "study"/"trial" in text without naming one: designs, modalities
# and the field's common abbreviations ("an RCT", "a PET study", "the HCC trials").
NOT_TRIAL_NAMES: Final = frozenset(
    """
    RCT RCTS PET MRI CT HCC NSCLC RCC CRC TACE HAIC RFA SBRT TKI TKIS ICI ICIS PD OS PFS TTP ORR
    DCR AE AES QOL HRQOL FDA EMA NCCN ESMO ASCO EASL AASLD BCLC US UK EU USA II III IV DNA RNA
    MTD DLT RECIST MRECIST SEER NCI WHO GWAS CAR ECOG PROSPERO COVID IHC FISH PCR NGS
    PHASE STAGE GRADE COHORT ARM PART TABLE FIGURE FIG
    """.split()  # noqa: SIM905 - one word per name reads better than quoted strings
)

# Biomarkers, scales, meetings and drug-code prefixes written like a numbered trial name ("HER2",
# "EORTC QLQ-C30", "ASCO 2023", "MK-3475"): never a trial's name on their own (etl.extract.trial_names,
# and the trial headings etl.documents.kinds looks for).
MARKER_WORDS: Final = frozenset(
    """CTLA LAG TIM TIGIT BCL IL CD PD HER ERBB ECOG CPS TPS CTCAE RECIST FIGO AJCC UICC WHO
    COVID SARS HLA FGFR EGFR KRAS NRAS BRAF ALK ROS MET RET NTRK BRCA HRD MSI TMB IDH FLT NPM TP
    MEK PI PIK AKT MTOR VEGF VEGFR PARP CDK BTK JAK BCR ABL MRD AML ALL CLL CML MDS DLBCL MCL
    NSCLC SCLC HCC RCC CRC ESMO ASCO ASH AACR SABCS WCLC EHA EASL GI GU EORTC QLQ FACT EQ NCCN
    TNM BCLC CYP UGT ABCB SLC HBV HCV HIV EBV HPV CMV MK DS BAY AZD GS ABT PF RO BMS JNJ SAR
    TAK INCB ONO BGB IBI SHR MEDI REGN LOXO ARRY MICRORNA MIR MIRNA LNCRNA CIRCRNA""".split()  # noqa: SIM905
)

ENDPOINTS: Final = MappingProxyType(
    {
        "OS": "overall survival",
        "PFS": "progression-free survival",
        "TTP": "time to (radiological) progression",
        "TTSP": "time to symptomatic progression",
        "TTUP": "time to untreatable (unTACEable) progression",
        "TTF": "time to treatment failure",
        "DOR": "duration of response",
        "TTR": "time to response",
        "ORR": "objective / overall response rate",
        "DCR": "disease control rate",
        "CBR": "clinical benefit rate",
        "CR": "complete response",
        "PR": "partial response",
        "SD": "stable disease",
        "PD": "progressive disease",
        "AE": "adverse-event frequency",
        "FOLLOWUP": "duration of follow-up",
        "OTHER": "any other clinical measure",
    }
)

# Diseases' initials, as a trial's name may carry them after it ("the BEACON CRC trial"; not "the
# ALLIANCE NCTN trial"): etl.extract.trial_names.
DISEASE_INITIALS: Final = frozenset(
    """CRC NSCLC SCLC HCC RCC AML ALL CLL CML MDS DLBCL MCL FL HL MM TNBC GC EC PC BC OC CC ESCC
    HNSCC GIST NET NETS PDAC BTC UC MIBC NMIBC CRPC MCRPC""".split()  # noqa: SIM905
)

# Genes and cell lines spelled as a study group's trial numbered after its disease ("CLL8",
# "AML17"): never a trial's name (etl.extract.trial_names, etl.documents.kinds).
DISEASE_NUMBERED_GENES: Final = frozenset(
    "AML1 ALL1 CLL1 MCL1 MDS1 NET1 RCC4 PC3 HCC827 HCC1937 HCC1954 MM1".split()  # noqa: SIM905
)

# Cooperative study groups, whose protocols are named by the group and a number of four digits or
# more ("CCG-2961", "RTOG 0617", "GOG-0218"), as drugs' development codes are ("MK-3475"): a name
# headed by one of these is a study's (read by etl.extract.trial_names).
STUDY_GROUPS: Final = frozenset(
    """CCG COG POG GOG NRG RTOG JCOG WJOG WJTOG EORTC ECOG SWOG CALGB NCCTG NSABP ACOSOG AIO GBG
    IBCSG NCIC CCTG UKALL NOPHO BFM AIEOP GIMEMA HOVON GELA LYSA GHSG FFCD UNICANCER ANZGOG TROG
    ALLG NCRI MRC HOG SAKK CTG GEICAM JGOG KGOG TCOG NOGGO AGO GCIG SGCCG CTSU NCI""".split()  # noqa: SIM905
)

# The Children's Oncology Group's disease committees, whose protocols are "A", the committee and
# four digits glued: "AALL1331", "ANBL0532", "AAML1031" (read by etl.extract.trial_names).
COG_COMMITTEES: Final = frozenset(
    "ALL AML NBL HOD REN CNS EWS RST OST GCT HEP NHL CCL DVL REP".split()  # noqa: SIM905
)

# What never heads a trial's name: the marker words, the words of NOT_TRIAL_NAMES and the
# endpoint codes ("5% CR 48% PR"); read by etl.extract.trial_names and the trial headings of
# etl.documents.kinds.
NOT_TRIAL_HEADS: Final = MARKER_WORDS | NOT_TRIAL_NAMES | frozenset(ENDPOINTS)

MEASURES: Final = MappingProxyType(
    {
        "median": "median",
        "mean": "mean",
        "rate": "percentage of patients",
        "count": "number of patients",
        "hazard_ratio": "hazard ratio",
        "odds_ratio": "odds ratio",
        "risk_ratio": "risk ratio",
        "difference": "difference between groups",
    }
)

UNITS: Final = MappingProxyType(
    {
        "months": "months",
        "weeks": "weeks",
        "days": "days",
        "years": "years",
        "percent": "percent of patients",
        "ratio": "dimensionless ratio",
        "patients": "number of patients",
    }
)

P_OPERATORS: Final = MappingProxyType(
    {
        "=": "p equals the value",
        "<": "p below the value",
        ">": "p above the value",
        "<=": "p at most the value",
        ">=": "p at least the value",
    }
)

# How the measures and units relate (the outcome rules of expectations/fct_outcomes.py and the
# grammar's conversion to months read these).
MONTHS_PER_UNIT: Final = MappingProxyType(
    {"months": 1.0, "days": 1 / 30.4375, "weeks": 1 / 4.348, "years": 12.0}
)
TIME_UNITS: Final = frozenset(MONTHS_PER_UNIT)
RATIO_MEASURES: Final = frozenset({"hazard_ratio", "odds_ratio", "risk_ratio"})
# The unit each measure must carry (None: any; medians and means depend on the endpoint)
UNIT_OF_MEASURE: Final = MappingProxyType(
    {
        "rate": frozenset({"percent"}),
        "count": frozenset({"patients"}),
        **{m: frozenset({"ratio"}) for m in sorted(RATIO_MEASURES)},
    }
)

PHASES: Final = MappingProxyType(
    {
        "1": "phase 1",
        "1/2": "phase 1/2",
        "2": "phase 2",
        "2/3": "phase 2/3",
        "3": "phase 3",
        "4": "phase 4",
        "NA": "not applicable",
    }
)

BLINDING: Final = MappingProxyType(
    {
        "open-label": "open-label",
        "single-blind": "single-blind",
        "double-blind": "double-blind",
    }
)

SEVERITIES: Final = MappingProxyType(
    {
        "error": "input was lost or a blocking rule failed; the build exits non-zero",
        "warning": "input was read with a caveat; reported, not fatal",
    }
)

STAGES: Final = MappingProxyType(
    {
        "read": "reading files from the input folder",
        "split": "splitting documents into records and sentences",
        "extract": "reading result numbers from sentences",
        "schema": "pandera staging schemas",
        "transform": "dbt models and tests",
        "validate": "Great Expectations suites",
    }
)

SENTENCE_ROLES: Final = MappingProxyType(
    {
        "authors": "the author line of a listing entry",
        "title": "the title line of a listing entry",
        "citation": "the journal citation line of a listing entry",
        "body": "running text: abstract, page content",
        "table_header": "a table's caption, header or separator line",
        "table_row": "a row of a table, its cells read by the table reader",
        "registry_result": "a registry's posted result, said in words (not read by the grammar)",
    }
)

# Where an arm of dim_arms comes from.
ARM_SOURCES: Final = MappingProxyType(
    {
        "list": 'a group the text lists with its size ("randomised to A (n = 393) or B")',
        "single_arm": "the one arm of a single-arm study, named by its agent",
        "registry": "an arm of a registry page's arm table",
    }
)

# How an outcome found its trial.
TRIAL_LINKS: Final = MappingProxyType(
    {
        "group": "the outcome's group is a trial its sentence names, of two or more it names "
        "(a sentence comparing two trials' cohorts)",
        "sentence": "the outcome's own sentence names the trial",
        "paragraph": "a sentence before it in its paragraph names the trial, in a record whose "
        "paragraphs name different trials",
        "record": "the record the outcome is read from reports the trial",
        "document": "the document reports that one trial, its record none",
    }
)

# Where a trial fact applies.
FACT_SCOPES: Final = MappingProxyType(
    {
        "sentence": "the fact is stated of a trial its sentence names",
        "record": "the fact is stated of the trial its record reports",
    }
)

CRITERION_KINDS: Final = MappingProxyType(
    {"inclusion": "an inclusion criterion", "exclusion": "an exclusion criterion"}
)

OUTCOME_MEASURE_KINDS: Final = MappingProxyType(
    {
        "primary": "a primary outcome measure",
        "secondary": "a secondary outcome measure",
        "other": "another pre-specified outcome measure",
    }
)

MODALITIES: Final = MappingProxyType(
    {
        "small molecule": "a small-molecule drug",
        "antibody": "a monoclonal antibody",
        "antibody-drug conjugate": "an antibody joined to a cytotoxic payload",
        "cell therapy": "living cells given as treatment (CAR-T, cell vaccines)",
        "radiopharmaceutical": "a radioactive drug given systemically",
        "hormonal": "a hormone or an agent that blocks one (aromatase inhibitors, anti-androgens)",
        "procedure": "a procedure (surgery, ablation, chemoembolisation, transplantation)",
        "radiotherapy": "radiotherapy",
        "placebo": "placebo",
        "other": "any other intervention",
    }
)

# Where a number of fct_outcomes comes from.
SOURCE_KINDS: Final = MappingProxyType(
    {
        "publication": "read from the text of a document",
        "registry_results": "a registry's posted results",
    }
)

TRIAL_FACTS: Final = MappingProxyType(
    {
        "phase": "trial phase code",
        "blinding": "blinding code",
        "randomized": "'true' or 'false'",
        "n_enrolled": "patients enrolled or randomised",
        "placebo_controlled": "'true' where the trial compares with placebo",
        "retrospective": "'true' where the study looks back at records",
        "status": "registry recruitment status",
        "sponsor": "registry lead sponsor",
        "condition": "the disease studied, lower-case",
        "enrolment_type": "whether a registry's enrolment is actual or estimated (enrolment_type)",
    }
)
# Whether a registry's enrolment is the count enrolled or the target ("Estimated Enrollment")
ENROLMENT_TYPES: Final = MappingProxyType(
    {
        "actual": "the participants enrolled",
        "estimated": "the target, while the trial recruits (estimated, anticipated, expected)",
    }
)

CODE_SETS: Final = MappingProxyType(
    {
        "document_kind": DOCUMENT_KINDS,
        "study_type": STUDY_TYPES,
        "endpoint": ENDPOINTS,
        "measure": MEASURES,
        "unit": UNITS,
        "phase": PHASES,
        "blinding": BLINDING,
        "p_operator": P_OPERATORS,
        "severity": SEVERITIES,
        "stage": STAGES,
        "sentence_role": SENTENCE_ROLES,
        "trial_fact": TRIAL_FACTS,
        "arm_source": ARM_SOURCES,
        "trial_link": TRIAL_LINKS,
        "fact_scope": FACT_SCOPES,
        "enrolment_type": ENROLMENT_TYPES,
        "criterion_kind": CRITERION_KINDS,
        "outcome_measure_kind": OUTCOME_MEASURE_KINDS,
        "modality": MODALITIES,
        "source_kind": SOURCE_KINDS,
        "source_format": SOURCE_FORMATS,
    }
)


def codes(code_set: str) -> list[str]:
    """The codes of one vocabulary, in declaration order."""
    return list(CODE_SETS[code_set])


def code(code_set: str, value: str) -> str:
    """``value``, a code of ``code_set``: the way code writes a code, so that a code the
    vocabulary does not declare fails where it is written (at import, for a module constant), not
    in a dbt test after the build. dbt's macro ``code`` does the same for SQL."""
    if value not in CODE_SETS[code_set]:
        raise ValueError(f"{value!r} is not a code of {code_set!r} (etl/vocab/codes.py)")
    return value


def vocab_vars() -> dict[str, dict[str, list[str]]]:
    """The vocabularies as dbt ``--vars`` (``var('vocab')``), for the ``code`` macro."""
    return {"vocab": {name: list(mapping) for name, mapping in CODE_SETS.items()}}


def vocab_frame() -> pl.DataFrame:
    """Every vocabulary as one long frame (code_set, code, description) for the warehouse."""
    rows = [
        {"code_set": name, "code": code, "description": text}
        for name, mapping in CODE_SETS.items()
        for code, text in mapping.items()
    ]
    return pl.DataFrame(
        rows, schema={"code_set": pl.String, "code": pl.String, "description": pl.String}
    )
