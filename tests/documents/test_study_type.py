"""A record's study design from its words. Sentences written for the tests."""

from __future__ import annotations

import polars as pl
import pytest

from etl.documents.study_type import study_type_expr


def _type(text: str) -> str:
    return pl.DataFrame({"record_text": [text]}).select(study_type_expr()).item()


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a phase 3 trial that does not say it randomised, whose biomarkers name cells
        (
            "In the phase III ORION-9 study, adjuvant drug K improved recurrence-free survival "
            "versus drug L. Higher levels of CD8+ T cells were associated with benefit.",
            "rct",
        ),
        ("The pivotal, double-blind phase 3 trial met its primary end point.", "rct"),
        # a table's heading naming a comparison is no statement of the record's design
        ("Orvexib vs DRX phase III trial (Author et al, 2014)", "other"),
        ("Tumour cells were treated in vitro with drug K.", "preclinical"),
        # a regulator's review, or a committee's, is no review of the literature
        (
            "Drug K met the primary endpoint of the phase 3 ORCA-2 trial. We look forward to "
            "working with the agency on its review of drug K, per blinded independent review.",
            "rct",
        ),
        ("In this review, we summarise trials of drug K.", "review"),
        ("We reviewed the literature on drug K.", "review"),
        ("A review of published trials of drug K in melanoma.", "review"),
    ],
)
def test_a_phase_3_trial_is_a_randomised_trial_its_cells_do_not_make_it_preclinical(
    text: str, kind: str
):
    assert _type(text) == kind
