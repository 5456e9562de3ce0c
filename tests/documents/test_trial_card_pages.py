"""A page that reports several trials one after the other, each under a line that is only the
trial's name (a knowledge base's cards, a review's sections): a review page, one record per
trial, each number with its own trial's groups and name. Pages written for the tests."""

from __future__ import annotations

import polars as pl

from etl.documents.stage import stage_documents
from etl.extract import outcomes_frame, sentences_frame, trial_mentions_frame
from tests.conftest import files_frame

_CARDS = (
    "Trials knowledge base\n"
    "Gastric · first line\n"
    "Four positive phase 3 trials changed practice in three years\n"
    "LUMEN-305\n"
    "zorvatinib + capecitabine vs placebo + capecitabine\n"
    "mOS 14.1 vs 11.2 mo (HR 0.77, 95% CI 0.64-0.92, p=0.004); mPFS 7.0 vs 5.5 mo (HR 0.68)\n"
    "Population: untreated advanced gastric adenocarcinoma\n"
    "ORION-41\n"
    "belrapitant + oxaliplatin vs oxaliplatin\n"
    "mOS 16.0 vs 12.9 mo (HR 0.71, p<0.001)\n"
    "Population: HER2-negative disease\n"
)


def _staged(text: str):
    return stage_documents(files_frame({"cards.txt": text}))


def test_a_page_of_trial_cards_is_a_review_with_a_record_per_trial():
    staged = _staged(_CARDS)
    assert staged.documents.get_column("document_kind").to_list() == ["review"]
    titles = staged.publications.sort("record_index").get_column("title").to_list()
    assert titles[1:] == ["LUMEN-305", "ORION-41"]


def test_each_cards_numbers_take_its_own_groups_and_trial():
    staged = _staged(_CARDS)
    sentences = sentences_frame(staged.record_lines, staged.publications)
    outcomes, _ = outcomes_frame(sentences)
    medians = outcomes.filter(pl.col("measure") == "median").sort("char_start")
    assert medians.select("value", "arm_label").rows() == [
        (14.1, "zorvatinib + capecitabine"),
        (11.2, "placebo + capecitabine"),
        (7.0, "zorvatinib + capecitabine"),
        (5.5, "placebo + capecitabine"),
        (16.0, "belrapitant + oxaliplatin"),
        (12.9, "oxaliplatin"),
    ]
    mentions = trial_mentions_frame(sentences, staged.publications).filter(pl.col("is_primary"))
    primary = dict(
        mentions.join(
            staged.publications.select("publication_id", "record_index"), on="publication_id"
        )
        .select("record_index", "acronym")
        .iter_rows()
    )
    assert primary[1] == "LUMEN-305" and primary[2] == "ORION-41"


def test_a_page_with_one_trial_heading_stays_what_its_text_says():
    # (one card is a study page of its own, not a page of several trials' sections)
    staged = _staged(_CARDS.split("ORION-41")[0])
    assert staged.documents.get_column("document_kind").to_list() != ["review"]
    assert staged.publications.height == 1


def test_lines_naming_genes_scales_regimens_or_meetings_head_no_trial_sections():
    page = (
        "Tumour profiles of patients treated with FOLFOX and drug K\n"
        "TP53\nERBB2\nEQ-5D\nFOLFOX-4\nASCO 2023\nTable 1\n"
        "Median PFS was 7.1 months with drug K (HR 0.70, 95% CI 0.55-0.89).\n"
    )
    staged = _staged(page)
    assert staged.documents.get_column("document_kind").to_list() != ["review"]


# a review's table of trials flattened into lines: each trial's name (with the comma of its cell),
# its groups one a line between "vs" lines or run into its results, each group adding an agent
# to the other ("CTx" against "CTx with drug K")
_FLATTENED = (
    "Trial Study arms Efficacy Outcomes References\n"
    "LUMEN-305,\n"
    "n=612; phase III trial, first-line\n"
    "CTx (oxaliplatin plus capecitabine)\n"
    "vs\n"
    "CTx (oxaliplatin plus capecitabine) with zorvatinib\n"
    "ORR: 41% vs 55%; p<0.001\n"
    "[@1001]\n"
    "ORION-41\n"
    "n=301; phase II trial, second-line\n"
    "CTx (irinotecan) vs belrapitant ORR: 12% vs 37%; p=0.002\n"
    "mPFS: 3.1 months vs 5.4 months; p=0.01\n"
    "[@1002]\n"
)


def test_a_flattened_table_of_trials_gives_each_trial_its_groups_and_the_p_value_to_the_experimental_one():
    staged = _staged(_FLATTENED)
    titles = staged.publications.sort("record_index").get_column("title").to_list()
    assert titles[-2:] == ["LUMEN-305,", "ORION-41"]
    sentences = sentences_frame(staged.record_lines, staged.publications)
    outcomes, _ = outcomes_frame(sentences)
    assert outcomes.sort("char_start").select("value", "arm_label", "p_value").rows() == [
        (41.0, "CTx", None),
        (55.0, "CTx with zorvatinib", 0.001),
        (12.0, "CTx", None),
        (37.0, "belrapitant", 0.002),
        (3.1, "CTx", None),
        (5.4, "belrapitant", 0.01),
    ]
