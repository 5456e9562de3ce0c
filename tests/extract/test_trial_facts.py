"""Design facts (phase, blinding, randomisation, enrolment, registry fields) in composed records."""

from __future__ import annotations

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from etl.documents.stage import stage_documents
from etl.extract import sentences_frame, trial_facts_frame
from etl.extract.trial_facts import _conditions_of
from tests.conftest import files_frame

_PAD = " Safety, tolerability and quality of life were assessed throughout." * 5


def _record_facts(text: str, name: str = "abstracts.txt") -> dict[str, str]:
    staged = stage_documents(files_frame({name: text}))
    sentences = sentences_frame(staged.record_lines, staged.publications)
    frame = trial_facts_frame(sentences, staged.documents)
    record = frame.filter(pl.col("scope") == "record")
    for start, end in record.select("char_start", "char_end").iter_rows():
        assert 0 <= start < end <= len(text)
    return dict(record.select("fact", "value").iter_rows())


@pytest.mark.parametrize(
    ("wording", "code"),
    [
        ("phase III", "3"),
        ("Phase IIa", "2"),
        ("phase II-III", "2/3"),
        ("Phase 1b/2", "1/2"),
        ("phase I/II", "1/2"),
        ("phase 2", "2"),
        ("Phase-III", "3"),
        ("phase 2 and 3", "2/3"),
    ],
)
def test_phase_in_every_spelling(wording: str, code: str):
    facts = _record_facts(f"In this open-label, {wording} trial, patients received drug A.{_PAD}\n")
    assert facts["phase"] == code


def test_the_records_own_phase_wins_over_the_background():
    facts = _record_facts(
        "BACKGROUND: Drug A showed encouraging activity in a phase 2 trial. METHODS: In this "
        "double-blind, phase 3 trial, 400 patients were randomly assigned to drug A or placebo."
        + _PAD
        + "\n"
    )
    assert (facts["phase"], facts["blinding"], facts["randomized"]) == ("3", "double-blind", "true")
    assert facts["n_enrolled"] == "400"


@pytest.mark.parametrize(
    ("sentence", "n"),
    [
        ("In total, 1171 patients were randomly assigned to drug A or drug B.", "1171"),
        ("We randomly assigned 87 patients with desmoid tumors to drug A or placebo.", "87"),
        ("Of 843 patients screened, 573 were enrolled and randomised.", "573"),
        ("Twenty-two patients with advanced disease were enrolled in this study.", "22"),
    ],
)
def test_enrolment_phrasings(sentence: str, n: str):
    assert _record_facts(sentence + _PAD + "\n")["n_enrolled"] == n


def test_registry_labels_give_status_sponsor_condition_and_target():
    page = (
        "MedPath\n\nDrug A in Liver Cancer\n\nPhase 2\n\nConditions\n\nHepatocellular Carcinoma\n\n"
        "Registration Number\n\nNCT01234567\n\nLead Sponsor\n\nCity Hospital\n\nBrief Summary\n\n"
        "This study was a single arm, prospective, open clinical study.\n\nStatus\n\nRECRUITING\n\n"
        "Sex\n\nAll\n\nTarget Recruitment\n\n40\n\nInclusion Criteria\n\nAdults.\n"
    )
    facts = _record_facts(page, "registry.txt")
    assert facts["status"] == "RECRUITING"
    assert facts["sponsor"] == "City Hospital"
    assert facts["condition"] == "hepatocellular carcinoma"  # written as the text's conditions are
    assert facts["n_enrolled"] == "40"
    assert facts["phase"] == "2"
    assert facts["randomized"] == "false"


@pytest.mark.parametrize(
    ("sentence", "condition"),
    [
        (
            "METHODS: In this phase 2 trial, patients with unresectable hepatocellular carcinomas "
            "received drug A.",
            "hepatocellular carcinoma",
        ),
        (
            "METHODS: We enrolled 40 patients with sorafenib-refractory advanced biliary tract "
            "cancer.",
            "biliary tract cancer",
        ),
        ("METHODS: This study enrolled adults with progressive desmoid tumours.", "desmoid tumor"),
    ],
)
def test_the_disease_studied_without_its_stage_or_treatment_state(sentence, condition):
    assert _record_facts(sentence + _PAD + "\n")["condition"] == condition


def test_the_records_own_disease_wins_over_the_background():
    text = (
        "BACKGROUND: Drug A previously showed activity in renal cell carcinoma. METHODS: In this "
        "phase 2 trial, we treated 30 patients with metastatic gastric cancer." + _PAD + "\n"
    )
    assert _record_facts(text)["condition"] == "gastric cancer"


_WORDS = ["a", "of", "C", "IIIb", "s", "Lung", "renal-cell", "treated", "advanced", "Kaposi's"]


@given(
    st.lists(st.sampled_from([*_WORDS, "cancer", "tumours", "CARCINOMA"]), max_size=12).map(
        " ".join
    )
)
def test_a_condition_is_lower_case_and_its_span_lies_in_the_text(text):
    for _fact, condition, start, end in _conditions_of(text):
        assert 0 <= start < end <= len(text)
        assert condition == condition.lower()
        assert text[start:end].lower().startswith(condition.split()[0])


@pytest.mark.parametrize(
    ("sentence", "fact"),
    [
        (
            "METHODS: In this double-blind, placebo-controlled phase 3 trial, drug A was given.",
            "placebo_controlled",
        ),
        ("METHODS: We randomly assigned 90 patients to drug A or placebo.", "placebo_controlled"),
        ("METHODS: We retrospectively reviewed 120 patients treated with drug A.", "retrospective"),
    ],
)
def test_placebo_control_and_retrospective_review_are_design_facts(sentence, fact):
    assert _record_facts(sentence + _PAD + "\n")[fact] == "true"
