"""pandera models, one per staging table Python writes. These are the hand-written column lists;
the dbt sources file is checked against them by tests/test_contract_columns.py."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

from etl.vocab import codes
from etl.vocab.codes import RATIO_MEASURES, STREAMED_FORMATS, TIME_UNITS


class Documents(pa.DataFrameModel):
    """One row per input file that could be read (even if empty or binary)."""

    document_id: str = pa.Field(unique=True, str_startswith="doc_")
    source_file: str = pa.Field(unique=True)
    document_kind: str = pa.Field(isin=codes("document_kind"))
    title: str = pa.Field(nullable=True)
    sha256: str = pa.Field(str_matches=r"^[0-9a-f]{64}$")
    n_bytes: int = pa.Field(ge=0)
    n_chars: int = pa.Field(ge=0)
    encoding: str
    n_invalid_bytes: int = pa.Field(ge=0)
    source_format: str = pa.Field(isin=codes("source_format"))
    # null for a file parsed as it is streamed (its spans are in source_spans)
    text: str = pa.Field(nullable=True)

    class Config:
        strict = True
        coerce = True

    @pa.dataframe_check(error="only a file parsed as it is streamed has no text")
    @classmethod
    def text_unless_streamed(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(
            pl.col("text").is_not_null() | pl.col("source_format").is_in(sorted(STREAMED_FORMATS))
        )


class Publications(pa.DataFrameModel):
    """One row per record inside a document: an abstract, a listing entry, a whole page."""

    publication_id: str = pa.Field(unique=True, str_startswith="pub_")
    document_id: str
    source_file: str
    record_index: int = pa.Field(ge=0)
    title: str = pa.Field(nullable=True)
    authors: str = pa.Field(nullable=True)
    journal: str = pa.Field(nullable=True)
    year: int = pa.Field(nullable=True, ge=1800, le=2100)
    volume: str = pa.Field(nullable=True)
    issue: str = pa.Field(nullable=True)
    pages: str = pa.Field(nullable=True)
    pmid: str = pa.Field(nullable=True, str_matches=r"^\d{1,9}$")
    doi: str = pa.Field(nullable=True, str_startswith="10.")
    nct_ids: str = pa.Field(nullable=True)
    pmc_id: str = pa.Field(nullable=True, str_matches=r"^PMC\d+$")
    publication_types: str = pa.Field(nullable=True)
    study_type: str = pa.Field(isin=codes("study_type"))
    char_start: int = pa.Field(ge=0)
    char_end: int = pa.Field(ge=1)

    class Config:
        strict = True
        coerce = True

    @pa.dataframe_check(error="a record's span must not be empty (char_end > char_start)")
    @classmethod
    def span_not_empty(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col("char_end") > pl.col("char_start"))


class Sentences(pa.DataFrameModel):
    """One row per sentence of a record, with offsets into the source file's text."""

    sentence_id: str = pa.Field(unique=True, str_startswith="sen_")
    publication_id: str
    document_id: str
    source_file: str
    sentence_index: int = pa.Field(ge=0)
    # the paragraph of its record it stands in, from 0 (blank lines part paragraphs)
    paragraph_index: int = pa.Field(ge=0)
    role: str = pa.Field(isin=codes("sentence_role"))
    char_start: int = pa.Field(ge=0)
    char_end: int = pa.Field(ge=1)
    text: str = pa.Field(str_length={"min_value": 1})

    class Config:
        strict = True
        coerce = True


class Outcomes(pa.DataFrameModel):
    """One row per result number read from a sentence."""

    outcome_id: str = pa.Field(unique=True, str_startswith="out_")
    source_file: str
    document_id: str
    publication_id: str
    sentence_id: str
    endpoint: str = pa.Field(isin=codes("endpoint"))
    endpoint_label: str
    measure: str = pa.Field(isin=codes("measure"))
    value: float = pa.Field(ge=0)
    unit: str = pa.Field(isin=codes("unit"))
    value_months: float = pa.Field(nullable=True, ge=0)
    timepoint_months: float = pa.Field(nullable=True, gt=0)
    ci_level: float = pa.Field(nullable=True, ge=50, lt=100)
    ci_lower: float = pa.Field(nullable=True)
    ci_upper: float = pa.Field(nullable=True)
    p_value: float = pa.Field(nullable=True, ge=0, le=1)
    p_operator: str = pa.Field(nullable=True, isin=codes("p_operator"))
    arm_label: str = pa.Field(nullable=True)
    comparator_label: str = pa.Field(nullable=True)
    n_patients: int = pa.Field(nullable=True, ge=0)
    n_denominator: int = pa.Field(nullable=True, ge=0)
    subgroup_label: str = pa.Field(nullable=True)
    evidence_text: str
    char_start: int = pa.Field(ge=0)
    char_end: int = pa.Field(ge=1)
    value_start: int = pa.Field(ge=0)
    value_end: int = pa.Field(ge=1)

    class Config:
        strict = True
        coerce = True

    @pa.dataframe_check(
        error="the interval must enclose the estimate (ci_lower <= value <= ci_upper)"
    )
    @classmethod
    def ci_encloses_value(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(
            pl.col("ci_lower").is_null()
            | ((pl.col("ci_lower") <= pl.col("value")) & (pl.col("value") <= pl.col("ci_upper")))
        )

    @pa.dataframe_check(error="a hazard, odds or risk ratio is above 0")
    @classmethod
    def ratio_above_0(cls, data: pa.PolarsData) -> pl.LazyFrame:
        # (a misread ratio, "HR: 0. 35" read as 0, is rejected here, into audit_rejections,
        # rather than reaching the marts, where GX's blocking rule would refuse the whole build;
        # so is a time of 0, below)
        return data.lazyframe.select(
            ~pl.col("measure").is_in(sorted(RATIO_MEASURES)) | (pl.col("value") > 0)
        )

    @pa.dataframe_check(error="a time (a median, a mean) is above 0")
    @classmethod
    def time_above_0(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(
            ~pl.col("unit").is_in(sorted(TIME_UNITS))
            | (pl.col("measure") == "difference")
            | (pl.col("value") > 0)
        )

    @pa.dataframe_check(error="a percentage of patients lies within 0-100")
    @classmethod
    def rate_within_0_100(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(
            (pl.col("unit") != "percent") | pl.col("value").is_between(0, 100)
        )


class TrialMentions(pa.DataFrameModel):
    """One row per use of a trial's registry number or name, plus each unnamed primary study."""

    mention_id: str = pa.Field(unique=True, str_startswith="tm_")
    publication_id: str
    document_id: str
    source_file: str
    sentence_id: str = pa.Field(nullable=True)
    nct_id: str = pa.Field(nullable=True, str_matches=r"^NCT\d{8}$")
    acronym: str = pa.Field(nullable=True)
    mention_text: str = pa.Field(nullable=True)
    char_start: int = pa.Field(ge=0)
    char_end: int = pa.Field(ge=1)
    is_primary: bool

    class Config:
        strict = True
        coerce = True


class TrialFacts(pa.DataFrameModel):
    """One row per design fact a record states (phase, blinding, enrolment, registry fields)."""

    publication_id: str
    sentence_id: str
    source_file: str
    scope: str = pa.Field(isin=codes("fact_scope"))
    fact: str = pa.Field(isin=codes("trial_fact"))
    value: str = pa.Field(str_length={"min_value": 1})
    char_start: int = pa.Field(ge=0)
    char_end: int = pa.Field(ge=1)

    class Config:
        strict = True
        coerce = True

    @pa.dataframe_check(error="a phase must be one of the contract's phase codes")
    @classmethod
    def phase_in_vocabulary(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(
            (pl.col("fact") != "phase") | pl.col("value").is_in(codes("phase"))
        )

    @pa.dataframe_check(error="an enrolment type must be one of the enrolment_type codes")
    @classmethod
    def enrolment_type_in_vocabulary(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(
            (pl.col("fact") != "enrolment_type") | pl.col("value").is_in(codes("enrolment_type"))
        )

    @pa.dataframe_check(error="blinding must be one of the contract's blinding codes")
    @classmethod
    def blinding_in_vocabulary(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(
            (pl.col("fact") != "blinding") | pl.col("value").is_in(codes("blinding"))
        )


class AgentMentions(pa.DataFrameModel):
    """One row per intervention named in a sentence (a regimen name gives one row per agent)."""

    publication_id: str
    document_id: str
    source_file: str
    sentence_id: str
    agent_name: str = pa.Field(str_length={"min_value": 2})
    mention_text: str
    char_start: int = pa.Field(ge=0)
    char_end: int = pa.Field(ge=1)
    is_known: bool

    class Config:
        strict = True
        coerce = True


class AgentVocab(pa.DataFrameModel):
    """The reference vocabulary of interventions (etl/vocab/agents.csv)."""

    name: str = pa.Field(unique=True, str_matches=r"^[^A-Z]+$")  # lower-case INN
    synonyms: str
    agent_class: str
    targets: str
    modality: str = pa.Field(isin=codes("modality"))

    class Config:
        strict = True
        coerce = True


class TrialArms(pa.DataFrameModel):
    """One row per sized group a record lists (its label as written and its size)."""

    publication_id: str
    sentence_id: str
    source_file: str
    arm_order: int = pa.Field(ge=0)
    label: str = pa.Field(str_length={"min_value": 1, "max_value": 60})
    n_patients: int = pa.Field(ge=1)
    char_start: int = pa.Field(ge=0)
    char_end: int = pa.Field(ge=1)

    class Config:
        strict = True
        coerce = True


class AgentDoses(pa.DataFrameModel):
    """One row per dose a sentence states for an agent ("sorafenib 400 mg twice daily")."""

    publication_id: str
    sentence_id: str
    source_file: str
    agent_name: str = pa.Field(str_length={"min_value": 2})
    dose: str = pa.Field(str_length={"min_value": 2})
    char_start: int = pa.Field(ge=0)
    char_end: int = pa.Field(ge=1)

    class Config:
        strict = True
        coerce = True


class RegistryCriteria(pa.DataFrameModel):
    """One row per eligibility criterion of a registry page."""

    publication_id: str
    source_file: str
    kind: str = pa.Field(isin=codes("criterion_kind"))
    ordinal: int = pa.Field(ge=1)
    criterion: str = pa.Field(str_length={"min_value": 3})
    sentence_id: str
    char_start: int = pa.Field(ge=0)
    char_end: int = pa.Field(ge=1)

    class Config:
        strict = True
        coerce = True


class RegistryOutcomeMeasures(pa.DataFrameModel):
    """One row per primary/secondary/other outcome measure of a registry page."""

    publication_id: str
    source_file: str
    kind: str = pa.Field(isin=codes("outcome_measure_kind"))
    ordinal: int = pa.Field(ge=1)
    measure_name: str = pa.Field(str_length={"min_value": 2})
    endpoint: str = pa.Field(isin=codes("endpoint"))
    time_frame: str = pa.Field(nullable=True)
    description: str = pa.Field(nullable=True)
    sentence_id: str
    char_start: int = pa.Field(ge=0)
    char_end: int = pa.Field(ge=1)

    class Config:
        strict = True
        coerce = True


class RegistryLocations(pa.DataFrameModel):
    """One row per site a registry page lists."""

    publication_id: str
    source_file: str
    facility: str = pa.Field(nullable=True)
    city: str
    region: str = pa.Field(nullable=True)
    country: str
    sentence_id: str
    char_start: int = pa.Field(ge=0)
    char_end: int = pa.Field(ge=1)

    class Config:
        strict = True
        coerce = True


class RegistryArms(pa.DataFrameModel):
    """One row per arm a registry page lists, with its interventions and their description."""

    publication_id: str
    source_file: str
    label: str = pa.Field(str_length={"min_value": 1, "max_value": 120})
    intervention: str = pa.Field(nullable=True)
    description: str = pa.Field(nullable=True)
    sentence_id: str
    char_start: int = pa.Field(ge=0)
    char_end: int = pa.Field(ge=1)

    class Config:
        strict = True
        coerce = True


class Rejections(pa.DataFrameModel):
    """What the build could not read or accept, and why."""

    source_file: str
    stage: str = pa.Field(isin=codes("stage"))
    rule: str
    detail: str
    char_start: int = pa.Field(nullable=True, ge=0)
    char_end: int = pa.Field(nullable=True, ge=0)
    severity: str = pa.Field(isin=codes("severity"))

    class Config:
        strict = True
        coerce = True


class Vocab(pa.DataFrameModel):
    """The controlled vocabularies of etl.vocab, for dbt's tests."""

    code_set: str
    code: str
    description: str

    class Config:
        strict = True
        coerce = True


STAGING_MODELS: dict[str, type[pa.DataFrameModel]] = {
    "documents": Documents,
    "publications": Publications,
    "sentences": Sentences,
    "outcomes": Outcomes,
    "trial_mentions": TrialMentions,
    "trial_facts": TrialFacts,
    "trial_arms": TrialArms,
    "agent_mentions": AgentMentions,
    "agent_doses": AgentDoses,
    "registry_criteria": RegistryCriteria,
    "registry_outcome_measures": RegistryOutcomeMeasures,
    "registry_locations": RegistryLocations,
    "registry_arms": RegistryArms,
    "agent_vocab": AgentVocab,
    "rejections": Rejections,
    "vocab": Vocab,
}


def polars_schema(model: type[pa.DataFrameModel]) -> dict[str, pl.DataType]:
    """The polars dtypes the model coerces to, in declaration order."""
    return {name: col.dtype.type for name, col in model.to_schema().columns.items()}


def empty_frame(model: type[pa.DataFrameModel]) -> pl.DataFrame:
    return pl.DataFrame(schema=polars_schema(model))
