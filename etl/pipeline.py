"""Orchestration only: the stages in order, what each one hands to the next, and exit codes.

extract   files → pandera-checked staging frames → warehouse schema ``raw``
transform dbt build (staging views, marts, dbt tests), as a subprocess
validate  GX suites over the marts → quality results, audit rows, Data Docs
report    reports/quality.md and reports/quality.html from the warehouse
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import polars as pl

from etl.audit import rejection_row, rejections_frame
from etl.documents import FolderRead, read_folder, stage_documents
from etl.documents.source_spans import source_spans_frame
from etl.documents.structured.pieces import to_source
from etl.extract import (
    agent_doses_frame,
    agent_mentions_frame,
    drug_codes,
    outcomes_frame,
    registry_frames,
    sentences_frame,
    table_frames,
    trial_arms_frame,
    trial_facts_frame,
    trial_mentions_frame,
    with_agent_forms,
)
from etl.extract.posted import posted_outcomes_frame
from etl.extract.registry import without_measure_definitions
from etl.extract.restated import without_restatements
from etl.load import append_audit, connect, write_tables
from etl.schemas import STAGING_MODELS, Rejections
from etl.schemas.gate import gate
from etl.settings import Settings
from etl.transform import DbtResult, failing_rows, run_dbt
from etl.vocab import vocab_frame
from etl.vocab.agents import agent_vocab_for

EXIT_OK = 0
EXIT_BLOCKING = 1  # a dbt test or a blocking expectation failed: the numbers cannot be trusted
EXIT_INPUT_REJECTED = 3  # the warehouse was built, but some input could not be read or accepted
EXIT_BUSY = 4  # another build of the same warehouse is running: nothing was done
EXIT_PUBLISH_FAILED = 5  # built and checked, but the target could not be replaced
EXIT_INTERNAL = 70  # an unexpected error (a bug): nothing was published (sysexits' EX_SOFTWARE)


@dataclass
class ExtractSummary:
    n_files: int
    n_documents: int
    n_publications: int
    n_sentences: int
    n_outcomes: int
    rejections: pl.DataFrame = field(repr=False)
    n_publications_rejected: int = 0
    n_outcomes_rejected: int = 0

    @property
    def n_errors(self) -> int:
        return self.rejections.filter(pl.col("severity") == "error").height

    @property
    def n_files_rejected(self) -> int:
        """Files that gave no document, or whose reading failed (the stage ``read`` errors)."""
        return (
            self.rejections.filter((pl.col("stage") == "read") & (pl.col("severity") == "error"))
            .get_column("source_file")
            .n_unique()
        )


def rejections_by_rule(rejections: pl.DataFrame, examples: int = 3) -> pl.DataFrame:
    """One row per (severity, stage, rule): how many rejections, in how many files, which files
    (the first ``examples``) and the first detail: what the build prints about what it refused."""
    return (
        rejections.group_by("severity", "stage", "rule", maintain_order=True)
        .agg(
            pl.len().alias("n"),
            pl.col("source_file").n_unique().alias("n_files"),
            pl.col("source_file").unique(maintain_order=True).head(examples).alias("files"),
            pl.col("detail").first().alias("example"),
        )
        .sort(pl.col("severity") != "error", pl.col("n"), descending=[False, True])
    )


def count_inputs(settings: Settings) -> int:
    root = settings.input_dir
    return sum(len(files) + len(dirs) for _, dirs, files in os.walk(root)) if root.is_dir() else 0


def extract(settings: Settings, progress: Callable[[int], None] | None = None) -> ExtractSummary:
    """Read the input folder, split, check with pandera and load the staging tables."""
    tables, summary = extract_tables(read_folder(settings.input_dir, progress))
    with connect(settings.warehouse) as con:
        write_tables(con, tables)
    return summary


def extract_tables(folder: FolderRead) -> tuple[dict[str, pl.DataFrame], ExtractSummary]:
    """The files read → every staging table, checked by its pandera model (what fails is in the
    ``rejections`` table), and the counts of what was read and rejected. No I/O but for streamed
    files (etl.documents.read), read as they are parsed and for the spans their rows point at."""
    staged = stage_documents(folder.files)
    documents = gate(staged.documents, STAGING_MODELS["documents"], "documents")
    kept_docs = documents.valid.get_column("document_id")
    publications = gate(
        staged.publications.filter(pl.col("document_id").is_in(kept_docs.implode())),
        STAGING_MODELS["publications"],
        "publications",
    )
    kept_pubs = publications.valid.get_column("publication_id")
    sentences = gate(
        sentences_frame(staged.record_lines, staged.publications, staged.table_rows).filter(
            pl.col("publication_id").is_in(kept_pubs.implode())
        ),
        STAGING_MODELS["sentences"],
        "sentences",
    )
    registered = registry_frames(sentences.valid, documents.valid)
    read, unreadable = outcomes_frame(sentences.valid)
    tabled = table_frames(sentences.valid, documents.valid, staged.tables)
    found = pl.concat(
        [
            without_measure_definitions(
                without_restatements(pl.concat([read, tabled.outcomes]), sentences.valid),
                registered.outcome_measures,
            ),
            posted_outcomes_frame(staged.posted, sentences.valid),
        ]
    )
    outcomes = gate(found, STAGING_MODELS["outcomes"], "outcomes")
    # (the agent forms of every sentence are found once, for the mentions and the doses)
    with_forms = with_agent_forms(sentences.valid)
    agents = gate(
        agent_mentions_frame(with_forms), STAGING_MODELS["agent_mentions"], "agent_mentions"
    )
    trials = gate(
        trial_mentions_frame(
            sentences.valid,
            publications.valid,
            tabled.names,
            tabled.treatments,
            drug_codes(agents.valid),
            tabled.name_documents,
        ),
        STAGING_MODELS["trial_mentions"],
        "trial_mentions",
    )
    trial_facts = gate(
        pl.concat([trial_facts_frame(sentences.valid, documents.valid), tabled.facts]),
        STAGING_MODELS["trial_facts"],
        "trial_facts",
    )
    arms = gate(
        pl.concat([trial_arms_frame(sentences.valid), tabled.arms]),
        STAGING_MODELS["trial_arms"],
        "trial_arms",
    )
    doses = gate(agent_doses_frame(with_forms), STAGING_MODELS["agent_doses"], "agent_doses")
    registry = {
        name: gate(frame, STAGING_MODELS[name], name)
        for name, frame in (
            ("registry_criteria", registered.criteria),
            ("registry_outcome_measures", registered.outcome_measures),
            ("registry_locations", registered.locations),
            ("registry_arms", registered.arms),
        )
    }
    all_rejections = pl.concat(
        [
            folder.rejections,
            staged.rejections,
            documents.rejections,
            publications.rejections,
            sentences.rejections,
            unreadable,
            tabled.rejections,
            outcomes.rejections,
            trials.rejections,
            trial_facts.rejections,
            agents.rejections,
            arms.rejections,
            doses.rejections,
            *(r.rejections for r in registry.values()),
        ]
    )
    rejections = gate(all_rejections, Rejections, "rejections")
    if rejections.rejections.height:  # a malformed rejection must still be seen, as plain text
        fallback = rejections_frame(
            [
                rejection_row("?", "schema", "rejections: malformed row", str(r))
                for r in rejections.rejections.to_dicts()
            ]
        )
        rejections = gate(pl.concat([rejections.valid, fallback]), Rejections, "rejections")
    tables = {
        "documents": documents.valid,  # (its spans are the file's already)
        "publications": publications.valid,
        "sentences": sentences.valid,
        "outcomes": outcomes.valid,
        "trial_mentions": trials.valid,
        "trial_facts": trial_facts.valid,
        "agent_mentions": agents.valid,
        "trial_arms": arms.valid,
        "agent_doses": doses.valid,
        **{name: r.valid for name, r in registry.items()},
        "agent_vocab": STAGING_MODELS["agent_vocab"].validate(
            agent_vocab_for(agents.valid.get_column("agent_name").unique().to_list())
        ),
        "rejections": rejections.valid,
        "vocab": STAGING_MODELS["vocab"].validate(vocab_frame()),
    }
    tables = _in_source_offsets(tables, staged.pieces, documents.valid)
    tables["source_spans"] = source_spans_frame(folder.files, tables)
    return tables, ExtractSummary(
        # every entry of the input folder: the files read, and those that could not be
        n_files=folder.files.height
        + folder.rejections.filter(
            ~pl.col("source_file").is_in(folder.files.get_column("source_file").implode())
        )
        .get_column("source_file")
        .n_unique(),
        n_documents=documents.valid.height,
        n_publications=publications.valid.height,
        n_sentences=sentences.valid.height,
        n_outcomes=outcomes.valid.height,
        rejections=rejections.valid,
        n_publications_rejected=staged.publications.height - publications.valid.height,
        n_outcomes_rejected=found.height - outcomes.valid.height,
    )


def transform(settings: Settings, meanwhile: Callable[[], object] | None = None) -> DbtResult:
    """Build the dbt models and run dbt's tests. Failures are recorded in audit_rejections."""
    result = run_dbt(settings.warehouse, meanwhile=meanwhile)
    if not result.failures:
        return result
    with connect(settings.warehouse) as con:
        failures = [replace(f, message=f.message + failing_rows(con, f)) for f in result.failures]
        rows = [
            rejection_row("*", "transform", f.node, f"{f.status}: {f.message}"[:2000])
            for f in failures
        ]
        append_audit(con, rejections_frame(rows))
    return replace(result, failures=failures)


def _in_source_offsets(
    tables: dict[str, pl.DataFrame], pieces: pl.DataFrame, documents: pl.DataFrame
) -> dict[str, pl.DataFrame]:
    """Every span read from a parsed file's rendering, carried back to the file
    (etl.documents.structured.pieces); rejections are keyed by their file's name."""
    if pieces.is_empty():
        return tables
    ids = documents.select("source_file", "document_id")
    out = {}
    for name, frame in tables.items():
        if name == "documents" or "char_start" not in frame.columns:
            out[name] = frame
        elif "document_id" in frame.columns:
            out[name] = to_source(frame, pieces)
        elif "source_file" in frame.columns:
            # (what the reading of a file reports points into the file already)
            keyed = frame.with_row_index("_order").join(
                ids, on="source_file", how="left", maintain_order="left"
            )
            read = pl.col("stage") == "read" if "stage" in frame.columns else pl.lit(False)
            out[name] = (
                pl.concat([to_source(keyed.filter(~read), pieces), keyed.filter(read)])
                .sort("_order")
                .drop("_order", "document_id")
            )
        else:
            out[name] = frame
    return out
